/*
 * search-bench.c: the search figures. Builds a luot database of N
 * synthetic Vietnamese-like articles through the store (the import path,
 * index included), then in the same file a plain FTS5 table with
 * unicode61 remove_diacritics 2 over the same content, and times:
 *   - import with the index (articles/s),
 *   - index build alone ('rebuild') for luot and plain, and their ratio,
 *   - index and database size against the raw text,
 *   - a fixed list of queries, first page (50 hits with snippets), luot
 *     and, where the query means the same, plain: p50 and p99.
 *
 *   search-bench N DB [--bulk]
 *
 * DB is created; an existing one is reused for the query part if it holds
 * N articles. --bulk fills a new database without the index trigger (the
 * index is built by the timed rebuild anyway), for sizes where importing
 * with the index would take too long to wait for.
 *
 * The vocabulary is made of syllables (initial, vowel with a tone, final)
 * drawn with a Zipf law, as words are in real text, plus a few real
 * phrases at known rates so that queries with diacritics find something.
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <sqlite3.h>

#include "../../src/query.h"
#include "../../src/store.h"
#include "../../src/tokenize.h"
#include "../../src/util.h"
#include "bench.h"
#include "../../src/zip.h"

#define VOCAB 8000

static uint64_t rng = 88172645463325252ull;

static uint64_t
next_rand(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static double
uniform(void)
{
	return (double)(next_rand() >> 11) / 9007199254740992.0;
}

static const char *const initials[] = {
	"", "b", "c", "ch", "d", "đ", "g", "gi", "h", "k", "kh", "l", "m", "n", "ng", "nh",
	"p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x"
};
/* Each vowel in its six tones: none, huyền, sắc, hỏi, ngã, nặng. */
static const char *const vowels[][6] = {
	{ "a", "à", "á", "ả", "ã", "ạ" }, { "ă", "ằ", "ắ", "ẳ", "ẵ", "ặ" },
	{ "â", "ầ", "ấ", "ẩ", "ẫ", "ậ" }, { "e", "è", "é", "ẻ", "ẽ", "ẹ" },
	{ "ê", "ề", "ế", "ể", "ễ", "ệ" }, { "i", "ì", "í", "ỉ", "ĩ", "ị" },
	{ "o", "ò", "ó", "ỏ", "õ", "ọ" }, { "ô", "ồ", "ố", "ổ", "ỗ", "ộ" },
	{ "ơ", "ờ", "ớ", "ở", "ỡ", "ợ" }, { "u", "ù", "ú", "ủ", "ũ", "ụ" },
	{ "ư", "ừ", "ứ", "ử", "ữ", "ự" }, { "y", "ỳ", "ý", "ỷ", "ỹ", "ỵ" },
};
static const char *const finals[] = { "", "", "", "c", "ch", "m", "n", "ng", "nh", "p", "t", "i", "o", "u" };

static char *vocab[VOCAB];
static double cumul[VOCAB];

static void
make_vocab(void)
{
	double total = 0;

	for (int i = 0; i < VOCAB; i++) {
		const char *ini = initials[next_rand() % (sizeof initials / sizeof *initials)];
		int v = (int)(next_rand() % 12), t = (int)(next_rand() % 6);
		const char *fin = finals[next_rand() % (sizeof finals / sizeof *finals)];

		vocab[i] = xasprintf("%s%s%s", ini, vowels[v][t], fin);
		total += 1.0 / pow(i + 1, 0.95);
		cumul[i] = total;
	}
	for (int i = 0; i < VOCAB; i++)
		cumul[i] /= total;
}

static const char *
word(void)
{
	double u = uniform();
	int lo = 0, hi = VOCAB - 1;

	while (lo < hi) {
		int mid = (lo + hi) / 2;

		if (cumul[mid] < u)
			lo = mid + 1;
		else
			hi = mid;
	}
	return vocab[lo];
}

/* Real phrases mixed in at fixed rates (per paragraph). */
static const struct { const char *text; double rate; } phrases[] = {
	{ "dân vận khéo", 0.002 }, { "Đà Nẵng", 0.01 }, { "nước sạch", 0.005 },
	{ "thuỷ lợi", 0.003 }, { "thủy lợi", 0.003 }, { "Hòa Bình", 0.004 },
	{ "Tỉnh ủy", 0.006 }, { "công tác dân vận", 0.004 }, { "lũ lụt", 0.003 },
};

static char *
sentence(int words)
{
	struct buf b;

	buf_init(&b);
	for (int i = 0; i < words; i++) {
		const char *w = word();

		if (i == 0) {
			/* capitalise an ASCII initial; leave the rest */
			buf_addc(&b, (char)(w[0] >= 'a' && w[0] <= 'z' ? w[0] - 32 : w[0]));
			buf_adds(&b, w + 1);
		} else {
			buf_addc(&b, ' ');
			buf_adds(&b, w);
		}
	}
	for (size_t k = 0; k < sizeof phrases / sizeof *phrases; k++) {
		if (uniform() < phrases[k].rate * 4) {
			buf_addc(&b, ' ');
			buf_adds(&b, phrases[k].text);
		}
	}
	buf_addc(&b, '.');
	return buf_detach(&b);
}

static void
make_article(struct article *a, long i)
{
	int np = 8 + (int)(next_rand() % 5);

	article_init(a);
	a->title = sentence(8 + (int)(next_rand() % 7));
	a->title[strlen(a->title) - 1] = '\0';
	a->published = (struct date){ 2010 + (int)(i * 15 / 1000000) % 16,
		1 + (int)(next_rand() % 12), 1 + (int)(next_rand() % 28), 0, 0, DATE_DAY };
	for (int p = 0; p < np; p++) {
		struct buf b;
		int ns = 3 + (int)(next_rand() % 3);

		buf_init(&b);
		for (int s = 0; s < ns; s++) {
			char *sen = sentence(14 + (int)(next_rand() % 12));

			if (s)
				buf_addc(&b, ' ');
			buf_adds(&b, sen);
			free(sen);
		}
		strlist_push(&a->paras, buf_detach(&b));
	}
	a->words = 0;
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static sqlite3 *
raw(const char *path)
{
	sqlite3 *db;

	if (sqlite3_open(path, &db) != SQLITE_OK)
		die("%s", sqlite3_errmsg(db));
	return db;
}



/* Drop the trigger that indexes new articles; returns its SQL. */
static char *
without_insert_trigger(const char *path)
{
	sqlite3 *db = raw(path);
	sqlite3_stmt *st;
	char *sql = NULL;

	if (sqlite3_prepare_v2(db, "SELECT sql FROM sqlite_master WHERE name = 'article_fts_insert'",
	    -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		sql = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	if (sql == NULL)
		die("%s", "no article_fts_insert trigger");
	exec(db, "DROP TRIGGER article_fts_insert");
	sqlite3_close(db);
	return sql;
}

static int
count_hit(const struct store_item *it, const char *snippet, void *ctx)
{
	(void)it;
	(void)snippet;
	(*(int *)ctx)++;
	return 0;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

int
main(int argc, char **argv)
{
	long n;
	const char *path;
	struct store *s;
	char *err = NULL;
	double t0, t_import = 0, t_luot, t_plain, raw_bytes, luot_bytes, plain_bytes, db_bytes;
	sqlite3 *db;
	struct stat sb;
	char *trigger = NULL;
	int queries_only;

	if (argc < 3 || argc > 4 || (n = atol(argv[1])) <= 0 ||
	    (argc == 4 && strcmp(argv[3], "--bulk") != 0 && strcmp(argv[3], "--queries") != 0))
		die("usage: search-bench N DB [--bulk|--queries]");
	queries_only = argc == 4 && strcmp(argv[3], "--queries") == 0;
	path = argv[2];
	setlocale(LC_ALL, "C.UTF-8");
	make_vocab();

	s = store_open(path, &err);
	if (s == NULL)
		die("%s", err);
	{
		struct store_stats stt;

		store_stats(s, &stt);
		if (stt.articles != n) {
			if (stt.articles != 0)
				die("%s holds %lld articles, not %ld", path, (long long)stt.articles, n);
			if (argc == 4 && !queries_only)
				trigger = without_insert_trigger(path);
			t0 = now();
			for (long i = 0; i < n; i++) {
				struct article a;

				if (i % 1000 == 0)
					store_begin(s);
				make_article(&a, i);
				if (store_add(s, &a, "bench", NULL) < 0)
					die("%s", store_errmsg(s));
				article_free(&a);
				if (i % 1000 == 999 || i + 1 == n)
					store_commit(s);
				if (i % 100000 == 99999)
					fprintf(stderr, "%ld articles, %.0f/s\n", i + 1, (i + 1) / (now() - t0));
			}
			t_import = now() - t0;
		}
	}
	store_close(s);
	if (trigger != NULL) {
		db = raw(path);
		exec(db, trigger);
		sqlite3_close(db);
		free(trigger);
		t_import = 0;	/* not an import with the index */
	}

	db = raw(path);
	exec(db, "PRAGMA cache_size = -262144");
	/* The tokenizer and luot_unzip() come with the store; this handle
	 * needs them too. */
	tok_register(db);
	zip_register(db);
	raw_bytes = scalar(db, "SELECT total(length(CAST(title AS BLOB)) + length(CAST(body AS BLOB))"
	    " + length(CAST(captions AS BLOB))) FROM article_text");
	if (queries_only)
		goto queries;
	/* Both rebuilds start from a checkpointed database: else luot's,
	 * which runs first, pays for the WAL the articles were written to. */
	exec(db, "PRAGMA wal_checkpoint(TRUNCATE)");
	t0 = now();
	exec(db, "INSERT INTO article_fts(article_fts) VALUES ('rebuild')");
	exec(db, "SELECT luot_terms_flush()");
	t_luot = now() - t0;
	exec(db, "DROP TABLE IF EXISTS plain_fts");
	exec(db, "CREATE VIRTUAL TABLE plain_fts USING fts5(title, body, captions, author, source,"
	    " content = 'article_text', content_rowid = 'id',"
	    " tokenize = 'unicode61 remove_diacritics 2')");
	exec(db, "PRAGMA wal_checkpoint(TRUNCATE)");
	t0 = now();
	exec(db, "INSERT INTO plain_fts(plain_fts) VALUES ('rebuild')");
	t_plain = now() - t0;
	luot_bytes = scalar(db, "SELECT total(pgsize) FROM dbstat WHERE name LIKE 'article_fts%'");
	plain_bytes = scalar(db, "SELECT total(pgsize) FROM dbstat WHERE name LIKE 'plain_fts%'");
	stat(path, &sb);
	db_bytes = (double)sb.st_size - plain_bytes;

	printf("articles                 %ld\n", n);
	if (t_import > 0)
		printf("import with index        %.1f s, %.0f articles/s\n", t_import, n / t_import);
	printf("index build luot         %.1f s, %.0f articles/s\n", t_luot, n / t_luot);
	printf("index build unicode61    %.1f s, %.0f articles/s\n", t_plain, n / t_plain);
	printf("build ratio luot/plain   %.2f\n", t_luot / t_plain);
	printf("raw text                 %.0f MB\n", raw_bytes / 1e6);
	printf("index luot               %.0f MB (%.2f x text)\n", luot_bytes / 1e6, luot_bytes / raw_bytes);
	printf("index unicode61          %.0f MB (%.2f x text)\n", plain_bytes / 1e6, plain_bytes / raw_bytes);
	printf("database (luot)          %.0f MB (%.2f x text)\n", db_bytes / 1e6, db_bytes / raw_bytes);
queries:

	{
		/* Queries: real phrases, and vocabulary words by rank, each with
		 * and without diacritics. */
		static const char *const fixed[] = {
			"dân vận", "dan van", "dân vận khéo", "dan van kheo", "\"dân vận khéo\"",
			"đà nẵng", "da nang", "ĐÀ NẴNG", "nước sạch", "nuoc sach", "thuỷ lợi", "thủy lợi",
			"thuy loi", "hòa bình", "hoa binh", "tỉnh ủy", "tinh uy", "lũ lụt", "lu lut",
			"công tác dân vận", "cong tac dan van", "\"công tác dân vận\"", "dân*", "dan*",
			"nướ*", "title:nước", "title:da nang", "after:2020 da nang", "on:2015 nuoc sach",
			"da nang -nuoc", "lũ OR lụt", "(da nang) OR (nuoc sach)", "before:2012 thuy loi",
			"daan vaajn", NULL
		};
		static const int ranks[] = { 0, 1, 3, 9, 30, 99, 300, 999, 3000, 7000 };
		struct strlist qs;
		double *tl, *tp, *tf, *ratio;
		size_t nratio = 0;
		size_t nq;
		sqlite3_stmt *pst;

		strlist_init(&qs);
		for (int i = 0; fixed[i]; i++)
			strlist_push(&qs, xstrdup(fixed[i]));
		for (size_t r = 0; r < sizeof ranks / sizeof *ranks; r++) {
			strlist_push(&qs, xstrdup(vocab[ranks[r]]));
			strlist_push(&qs, xasprintf("%s %s", vocab[ranks[r]], vocab[ranks[r] + 1]));
		}
		nq = qs.len;
		tl = xcalloc(nq, sizeof *tl);
		tp = xcalloc(nq, sizeof *tp);
		tf = xcalloc(nq, sizeof *tf);
		ratio = xcalloc(nq, sizeof *ratio);
		s = store_open(path, &err);
		/* The plain table gets the same treatment: FTS5 sorts by rank,
		 * snippets for the page only. */
		if (sqlite3_prepare_v2(db, "SELECT a.id, a.title, snippet(plain_fts, -1, '[', ']', '…', 24)"
		    " FROM plain_fts JOIN article a ON a.id = plain_fts.rowid"
		    " WHERE plain_fts MATCH ?1 AND plain_fts.rank MATCH 'bm25(10.0, 1.0, 1.0, 3.0, 3.0)'"
		    " ORDER BY plain_fts.rank LIMIT 50", -1, &pst, NULL) != SQLITE_OK)
			die("%s", sqlite3_errmsg(db));
		printf("\n%-28s %9s %9s %9s %6s\n", "query", "page ms", "full ms", "plain ms", "hits");
		for (size_t i = 0; i < nq; i++) {
			struct query q, qp;
			int hits = 0;
			double best = 1e9, bestp = -1, bestf = 1e9;

			/* The page time counts parsing: prefixes are looked up
			 * in the table of terms then. */
			for (int rep = 0; rep < 3; rep++) {
				hits = 0;
				t0 = now();
				store_parse_query(s, qs.items[i], &q);
				if (store_search(s, &q, STORE_SORT_RANK, 50, count_hit, &hits, NULL) < 0)
					die("%s", store_errmsg(s));
				if (now() - t0 < best)
					best = now() - t0;
				if (rep < 2)
					query_free(&q);
			}
			/* The plain table reads prefixes its own way. */
			query_parse(qs.items[i], &qp);
			/* Every hit ranked, as the plain table does. */
			store_set_rank_window(s, 0);
			for (int rep = 0; rep < 3; rep++) {
				int h2 = 0;

				t0 = now();
				store_search(s, &q, STORE_SORT_RANK, 50, count_hit, &h2, NULL);
				if (now() - t0 < bestf)
					bestf = now() - t0;
			}
			store_set_rank_window(s, 2000);
			/* The plain table ranks everything too; only for queries
			 * that mean the same there (no filters, no exclusion). */
			if (qp.match && !qp.after && !qp.before && !qp.on && !qp.exclude) {
				bestp = 1e9;
				for (int rep = 0; rep < 3; rep++) {
					t0 = now();
					sqlite3_bind_text(pst, 1, qp.match, -1, SQLITE_STATIC);
					while (sqlite3_step(pst) == SQLITE_ROW)
						;
					sqlite3_reset(pst);
					if (now() - t0 < bestp)
						bestp = now() - t0;
				}
			}
			tl[i] = best * 1000;
			tf[i] = bestf * 1000;
			tp[i] = bestp * 1000;
			if (bestp > 0) {
				ratio[nratio++] = bestf / bestp;
			}
			printf("%-28.28s %9.1f %9.1f %9.1f %6d\n", qs.items[i], tl[i], tf[i],
			    bestp < 0 ? -1 : tp[i], hits);
			query_free(&q);
			query_free(&qp);
		}
		sqlite3_finalize(pst);
		store_close(s);
		qsort(tl, nq, sizeof *tl, cmp_double);
		qsort(tf, nq, sizeof *tf, cmp_double);
		qsort(ratio, nratio, sizeof *ratio, cmp_double);
		printf("\nqueries %zu: first page p50 %.1f ms, p99 %.1f ms, max %.1f ms\n", nq,
		    tl[nq / 2], tl[(size_t)((double)nq * 0.99)], tl[nq - 1]);
		printf("every hit ranked: p50 %.1f ms, p99 %.1f ms\n", tf[nq / 2],
		    tf[(size_t)((double)nq * 0.99)]);
		if (nratio > 0)
			printf("full ranking luot/plain over %zu queries: median %.2f, p90 %.2f\n",
			    nratio, ratio[nratio / 2], ratio[(size_t)((double)nratio * 0.9)]);
		free(tl);
		free(tp);
		free(tf);
		free(ratio);
		strlist_free(&qs);
	}
	sqlite3_close(db);
	return 0;
}
