/*
 * search-bench.c: the search figures, and the corpus the other benchmarks
 * share. Its generator writes N synthetic Vietnamese-like articles, the
 * same ones in every mode:
 *
 *   search-bench N DB [--queries]
 *	builds a luot database through the store (the import path, index
 *	included), then in the same file a plain FTS5 table with unicode61
 *	remove_diacritics 2 over the same content, and times the import, the
 *	index build of each ('rebuild'), sizes against the raw text, and a
 *	fixed list of queries: first page (50 hits with snippets) for luot,
 *	every hit ranked for luot and for the plain table.
 *	An existing DB of N articles is reused for the queries; --queries
 *	does only those. (--bulk, which once filled a database without the
 *	index trigger, is still accepted: the store now indexes a batch at
 *	a time, as fast as that was.)
 *
 *   search-bench N --files DIR [--from CRAWL]
 *	writes the articles as scraped page files (junk, header, title,
 *	dateline, paragraphs, caption, signature, share links, related news),
 *	1,000 to a subfolder, for `luot import`. DIR/.done says how many
 *	files and bytes once complete. With --from, the articles are made of
 *	the headlines and sentences of the crawl in the folder CRAWL instead
 *	(real-text.h), in the same pages.
 *
 *   search-bench --list-queries
 *	prints the fixed queries (queries.h), one a line, for first-page.sh.
 *
 *   search-bench --imported DB PLAIN [DIR | --no-scans]
 *	the queries on a database `luot import` made (of DIR's files): copies
 *	the article text into PLAIN, a new database with the text as a feed
 *	reader keeps it (one row an article) and a plain FTS5 table over it,
 *	both timed; then each query (queries.h) for luot, the plain table, a
 *	LIKE scan of PLAIN's rows and `grep -ril` over DIR (--no-scans:
 *	neither). Ends with "= key value" lines for tests/bench/report.sh.
 *
 * Each page time is the best of 3 runs in one process; "page1" and
 * "date1" are the first run, before SQLite's cache holds the query's
 * pages (a new query typed in the interface). Environment: SB_FILTER
 * ("is:unread") goes before every query; SB_PAGES_ONLY=1 times the first
 * pages alone, without every hit ranked, the plain table or the sizes;
 * SB_KEEP_PLAIN=1 reuses a PLAIN an earlier run built.
 *
 * The vocabulary is made of syllables (initial, vowel with a tone, final)
 * drawn with a Zipf law, as words are in real text, plus a few real
 * phrases at known rates so that queries with diacritics find something.
 */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "../../src/query.h"
#include "../../src/store.h"
#include "../../src/fts.h"
#include "../../src/util.h"
#include "bench.h"
#include "queries.h"
#include "real-text.h"
#include "../../src/zip.h"

#define VOCAB 8000

static uint64_t rng = 88172645463325252ull;

static uint64_t
next_rand(void)
{
	return bench_rand(&rng);
}

static double
uniform(void)
{
	return bench_uniform(&rng);
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

/*
 * Article i of n. Publication dates spread over 2010-2024 in the order of
 * i, whatever n, so that a date filter keeps the same share of the hits at
 * every size.
 */
static void
make_article(struct article *a, long i, long n)
{
	int np = 8 + (int)(next_rand() % 5);
	char *cap;

	article_init(a);
	a->title = sentence(8 + (int)(next_rand() % 7));
	a->title[strlen(a->title) - 1] = '\0';
	a->published = (struct date){ 2010 + (int)(i * 15 / n),
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
	/* A photo caption, credited as the papers do. */
	cap = sentence(8);
	strlist_push(&a->captions, xasprintf("%s Ảnh: %s %s", cap, word(), word()));
	free(cap);
	a->words = 0;
}

/* Signatures and sources of the page files: picked by the article's
 * number, so that writing files draws nothing from the generator. */
static const char *const signatures[] = {
	"THU HÀ", "MINH TUẤN", "NGỌC ANH", "VĂN LONG", "HỒNG NHUNG", "QUANG HUY", "THANH TÂM"
};
static const char *const sources[] = {
	"Báo Cần Thơ", "Báo Nông nghiệp", "Đài PT-TH Quảng Nam", "Báo Đà Nẵng", "Báo Hải Phòng"
};

/*
 * Article a as a saved page: what luot's extractor meets in real input
 * (tests/bench/gen.awk's shape). related is the title listed under the
 * other news; the previous article's, as on a real site.
 */
static void
write_page(FILE *f, const struct article *a, long i, const char *related)
{
	fputs("Nhập thông tin\n  • Lỗi: Email không hợp lệ\nĐóng\n\nTIN TỨC | XÃ HỘI\n\n", f);
	fprintf(f, "%s\n\n", a->title);
	fprintf(f, "%d/%d/%d - %02ld:%02ld\n\n", a->published.day, a->published.month,
	    a->published.year, i % 24, i * 7 % 60);
	for (size_t p = 0; p < a->paras.len; p++) {
		fprintf(f, "%s\n\n", a->paras.items[p]);
		if (p == 1)
			fprintf(f, "%s\n\n", a->captions.items[0]);
	}
	fprintf(f, "%s\nNguồn: %s\nIn tin bàiLưu tin bài\nCÁC TIN KHÁC\n\n",
	    signatures[i % (long)(sizeof signatures / sizeof *signatures)],
	    sources[i % (long)(sizeof sources / sizeof *sources)]);
	fprintf(f, "%s\n%02ld/%02ld/2024 - %ld lượt xem\n", related, 1 + i % 28, 1 + i % 12,
	    i * 37 % 20000);
}

/* Write the n articles into dir, 1,000 a subfolder; dir/.done at the end.
 * The articles are made of rt's crawl, or generated when rt is NULL. */
static void
write_files(long n, const char *dir, struct real_text *rt)
{
	char *prev = xstrdup("Tin tức trong ngày");
	double bytes = 0;
	FILE *f;
	char *path;

	if (mkdir(dir, 0777) < 0 && errno != EEXIST)
		die("%s: %s", dir, strerror(errno));
	for (long i = 0; i < n; i++) {
		struct article a;

		if (i % 1000 == 0) {
			path = xasprintf("%s/%04ld", dir, i / 1000);
			if (mkdir(path, 0777) < 0 && errno != EEXIST)
				die("%s: %s", path, strerror(errno));
			free(path);
		}
		if (rt != NULL)
			real_text_article(rt, &a, i, n);
		else
			make_article(&a, i, n);
		path = xasprintf("%s/%04ld/%07ld.txt", dir, i / 1000, i);
		if ((f = fopen(path, "w")) == NULL)
			die("%s: %s", path, strerror(errno));
		write_page(f, &a, i, prev);
		bytes += (double)ftell(f);
		if (fclose(f) != 0)
			die("%s: %s", path, strerror(errno));
		free(path);
		free(prev);
		prev = a.title;
		a.title = NULL;
		article_free(&a);
	}
	free(prev);
	path = xasprintf("%s/.done", dir);
	if ((f = fopen(path, "w")) == NULL)
		die("%s: %s", path, strerror(errno));
	fprintf(f, "files %ld\nbytes %.0f\n", n, bytes);
	if (rt != NULL)
		fprintf(f, "crawl_articles %zu\n", real_text_sources(rt));
	fclose(f);
	free(path);
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

/* SB_PAGES_ONLY=1 (read once in main): the first pages alone, without
 * every hit ranked (most of an hour at 1M), the plain table's timings or
 * the sizes. */
static int pages_only;

/* What each query is timed against; NULL or 0 where not measured. */
struct bench {
	struct store *s;
	sqlite3_stmt *plain;	/* ?1, an FTS5 expression: the plain table's
				 * first page, every hit ranked */
	sqlite3 *like_db;	/* the table doc, to scan with LIKE */
	const char *grep_dir;	/* the page files, for grep */
};

struct timing {
	double page, full, date, plain, like, grep;	/* ms, -1: not measured */
	double page_first, date_first;	/* the first of the 3 runs: the
					 * query's pages not yet in SQLite's
					 * cache, as for a new query typed */
	int hits, like_hits, grep_hits;
	int64_t matches;	/* every article the query finds */
	int bands;		/* the ranked first page came in bands (partial) */
};

/* luot's first page, best of 3, every hit ranked, best of 3, and the first
 * page newest first, best of 3. The page time counts parsing: prefixes are
 * looked up in the table of terms then. */
static void
time_luot(struct store *s, const char *text, struct timing *t)
{
	struct query q;
	struct store_search_info info;
	double t0, best = 1e9, bestf = 1e9;

	for (int rep = 0; rep < 3; rep++) {
		t->hits = 0;
		t0 = now();
		store_parse_query(s, text, &q);
		if (store_search(s, &q, STORE_SORT_RANK, 50, count_hit, &t->hits, &info) < 0)
			die("%s", store_errmsg(s));
		if (rep == 0)
			t->page_first = (now() - t0) * 1000;
		if (now() - t0 < best)
			best = now() - t0;
		if (rep < 2)
			query_free(&q);
	}
	t->bands = info.partial;
	/* Not timed: what the first pages were drawn from. */
	if (store_search_count(s, &q, -1, &t->matches) < 0)
		die("%s", store_errmsg(s));
	/* Full prints as -1 for pages_only. */
	store_set_rank_window(s, 0);
	for (int rep = 0; rep < 3 && !pages_only; rep++) {
		int h = 0;

		t0 = now();
		store_search(s, &q, STORE_SORT_RANK, 50, count_hit, &h, NULL);
		if (now() - t0 < bestf)
			bestf = now() - t0;
	}
	if (pages_only)
		bestf = -0.001;
	store_set_rank_window(s, 2000);
	t->date = 1e9;
	for (int rep = 0; rep < 3; rep++) {
		int h = 0;

		t0 = now();
		store_search(s, &q, STORE_SORT_DATE, 50, count_hit, &h, NULL);
		if (rep == 0)
			t->date_first = (now() - t0) * 1000;
		if ((now() - t0) * 1000 < t->date)
			t->date = (now() - t0) * 1000;
	}
	query_free(&q);
	t->page = best * 1000;
	t->full = bestf * 1000;
}

/* The plain table, best of 3; only for queries that mean the same there
 * (no filters, no exclusion). It reads prefixes its own way. */
static double
time_plain(sqlite3_stmt *st, const char *text)
{
	struct query q;
	double t0, best = -1;

	query_parse(text, &q);
	if (st != NULL && q.match && !q.after && !q.before && !q.on && !q.exclude) {
		best = 1e9;
		for (int rep = 0; rep < 3; rep++) {
			t0 = now();
			sqlite3_bind_text(st, 1, q.match, -1, SQLITE_STATIC);
			while (sqlite3_step(st) == SQLITE_ROW)
				;
			sqlite3_reset(st);
			if (now() - t0 < best)
				best = now() - t0;
		}
		best *= 1000;
	}
	query_free(&q);
	return best;
}

/*
 * The newest 50 rows holding each word of text, with LIKE '%word%' over
 * title, body and captions, as feed readers search their caches: a scan
 * of every row (no index on the date either), once. LIKE folds the case
 * of ASCII letters only, and no diacritics.
 */
static double
time_like(sqlite3 *db, const char *text, int *hits)
{
	struct buf sql;
	sqlite3_stmt *st;
	char *copy = xstrdup(text), *save, *w;
	double t0, t;
	int k = 0;

	buf_init(&sql);
	buf_adds(&sql, "SELECT id, title FROM doc WHERE 1");
	for (w = strtok_r(copy, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
		k++;
		buf_printf(&sql, " AND (title LIKE ?%d OR body LIKE ?%d OR captions LIKE ?%d)", k, k, k);
	}
	buf_adds(&sql, " ORDER BY published DESC LIMIT 50");
	if (sqlite3_prepare_v2(db, sql.data, -1, &st, NULL) != SQLITE_OK)
		die("%s: %s", sql.data, sqlite3_errmsg(db));
	strcpy(copy, text);
	k = 0;
	for (w = strtok_r(copy, " ", &save); w; w = strtok_r(NULL, " ", &save))
		sqlite3_bind_text(st, ++k, xasprintf("%%%s%%", w), -1, free);
	*hits = 0;
	t0 = now();
	while (sqlite3_step(st) == SQLITE_ROW)
		(*hits)++;
	t = (now() - t0) * 1000;
	sqlite3_finalize(st);
	buf_free(&sql);
	free(copy);
	return t;
}

/* grep -ril over the files, the query as one fixed string (so its words
 * in that order, case folded, diacritics not), once; hits are files.
 * The fixed queries hold no quote, so text goes in the command as it is. */
static double
time_grep(const char *dir, const char *text, int *hits)
{
	char *cmd = xasprintf("LC_ALL=C.UTF-8 grep -rilF -e '%s' '%s'", text, dir);
	char line[4096];
	double t0, t;
	FILE *p;

	*hits = 0;
	t0 = now();
	if ((p = popen(cmd, "r")) == NULL)
		die("%s: %s", cmd, strerror(errno));
	while (fgets(line, sizeof line, p) != NULL)
		(*hits)++;
	pclose(p);
	t = (now() - t0) * 1000;
	free(cmd);
	return t;
}

/* The p-th quantile of the n values of v that are not negative (sorts v);
 * -1 when there are none. */
static double
quantile(double *v, size_t n, double p)
{
	size_t k = 0, i;

	for (i = 0; i < n; i++)
		if (v[i] >= 0)
			v[k++] = v[i];
	if (k == 0)
		return -1;
	qsort(v, k, sizeof *v, cmp_double);
	i = (size_t)((double)k * p);
	return v[i < k ? i : k - 1];
}

static void
print_quantiles(const char *name, double *v, size_t n)
{
	size_t k = 0;

	for (size_t i = 0; i < n; i++)
		k += v[i] >= 0;
	printf("= %s_n %zu\n", name, k);
	printf("= %s_p50 %.3f\n", name, quantile(v, n, 0.5));
	printf("= %s_p90 %.3f\n", name, quantile(v, n, 0.9));
	printf("= %s_p99 %.3f\n", name, quantile(v, n, 0.99));
	printf("= %s_min %.3f\n", name, quantile(v, n, 0));
}

/* Print s and spaces to width columns, a column a code point: what a
 * terminal gives precomposed Vietnamese letters. */
static void
print_padded(const char *s, int width)
{
	int cols = 0;

	for (const char *p = s; *p; p++)
		cols += ((unsigned char)*p & 0xC0) != 0x80;
	printf("%s%*s", s, cols < width ? width - cols : 0, "");
}

/* The figures run_queries() gives quantiles of. */
#define NV 11

/* Time every query of the list against what b names; print a line each,
 * then the summary. */
static void
run_queries(const struct bench *b)
{
	struct strlist qs;
	struct timing *t;
	double *v[NV];
	double luot_ms = 0, plain_ms = 0, like_ms = 0, grep_ms = 0;
	size_t nq;
	/* SB_FILTER="is:unread": put before every query, to time the
	 * filters' first pages. */
	const char *filter = getenv("SB_FILTER");

	bench_queries(&qs, vocab);
	nq = qs.len;
	if (filter != NULL && *filter)
		for (size_t i = 0; i < nq; i++) {
			char *f = xasprintf("%s %s", filter, qs.items[i]);

			free(qs.items[i]);
			qs.items[i] = f;
		}
	t = xcalloc(nq, sizeof *t);
	for (int k = 0; k < NV; k++)
		v[k] = xcalloc(nq, sizeof *v[k]);
	printf("\n%-28s %9s %9s %9s %9s %9s %9s %6s %6s %6s %8s %5s %9s %9s\n", "query",
	    "page ms", "full ms", "date ms", "plain ms", "like ms", "grep ms", "hits", "like",
	    "grep", "matches", "bands", "page1 ms", "date1 ms");
	for (size_t i = 0; i < nq; i++) {
		const char *q = qs.items[i];

		time_luot(b->s, q, &t[i]);
		t[i].plain = pages_only ? -1 : time_plain(b->plain, q);
		t[i].like = t[i].grep = -1;
		t[i].like_hits = t[i].grep_hits = -1;
		if (b->like_db != NULL && bench_words_only(q))
			t[i].like = time_like(b->like_db, q, &t[i].like_hits);
		if (b->grep_dir != NULL && bench_words_only(q))
			t[i].grep = time_grep(b->grep_dir, q, &t[i].grep_hits);
		print_padded(q, 28);
		printf(" %9.1f %9.1f %9.1f %9.1f %9.1f %9.1f %6d %6d %6d %8lld %5d %9.1f %9.1f\n",
		    t[i].page, t[i].full, t[i].date, t[i].plain, t[i].like, t[i].grep, t[i].hits,
		    t[i].like_hits, t[i].grep_hits, (long long)t[i].matches, t[i].bands,
		    t[i].page_first, t[i].date_first);
		fflush(stdout);
		/* Wall time of each part, all runs, to tell what a size costs. */
		luot_ms += 3 * (t[i].page + t[i].full + t[i].date);
		plain_ms += t[i].plain > 0 ? 3 * t[i].plain : 0;
		like_ms += t[i].like > 0 ? t[i].like : 0;
		grep_ms += t[i].grep > 0 ? t[i].grep : 0;
		v[0][i] = t[i].page;
		v[1][i] = t[i].full;
		v[2][i] = t[i].plain;
		v[3][i] = t[i].plain >= 0 ? t[i].full / t[i].plain : -1;
		v[4][i] = t[i].like;
		v[5][i] = t[i].like >= 0 ? t[i].like / t[i].page : -1;
		v[6][i] = t[i].grep;
		v[7][i] = t[i].grep >= 0 ? t[i].grep / t[i].page : -1;
		v[8][i] = t[i].date;
		v[9][i] = t[i].page_first;
		v[10][i] = t[i].date_first;
	}
	printf("\n= queries %zu\n", nq);
	printf("= luot_run_s %.1f\n= plain_run_s %.1f\n= like_run_s %.1f\n= grep_run_s %.1f\n",
	    luot_ms / 1000, plain_ms / 1000, like_ms / 1000, grep_ms / 1000);
	print_quantiles("page", v[0], nq);
	print_quantiles("full", v[1], nq);
	print_quantiles("plain", v[2], nq);
	print_quantiles("full_over_plain", v[3], nq);
	print_quantiles("like", v[4], nq);
	print_quantiles("like_over_page", v[5], nq);
	print_quantiles("grep", v[6], nq);
	print_quantiles("grep_over_page", v[7], nq);
	print_quantiles("date", v[8], nq);
	print_quantiles("page_first", v[9], nq);
	print_quantiles("date_first", v[10], nq);
	for (int k = 0; k < NV; k++)
		free(v[k]);
	free(t);
	strlist_free(&qs);
}

/*
 * The imported database path against a plain one made at plain_path: the
 * article text copied as a feed reader would keep it (a row an article,
 * text as it is), and FTS5's own tokenizer over it. LIKE scans too when
 * scans, and grep over dir when given.
 */
static void
imported(const char *path, const char *plain_path, const char *dir, int scans)
{
	struct bench b = { 0 };
	char *err = NULL, *sql;
	double t0, t_copy, t_build, raw_bytes, doc_bytes, plain_bytes, luot_bytes;
	sqlite3 *pdb, *ldb;

	/* SB_KEEP_PLAIN=1 keeps a PLAIN an earlier run built (its build
	 * times then print as -1): at 1M the copy and build take minutes. */
	int keep = getenv("SB_KEEP_PLAIN") != NULL && access(plain_path, R_OK) == 0;

	for (int k = 0; k < 3 && !keep; k++) {
		char *f = xasprintf("%s%s", plain_path, k == 0 ? "" : k == 1 ? "-journal" : "-wal");

		unlink(f);
		free(f);
	}
	pdb = raw(plain_path);
	exec(pdb, "PRAGMA cache_size = -262144");
	zip_register(pdb);
	t_copy = t_build = -1;
	if (!keep) {
		sql = sqlite3_mprintf("ATTACH %Q AS luot", path);
		exec(pdb, sql);
		sqlite3_free(sql);
		exec(pdb, "CREATE TABLE doc (id INTEGER PRIMARY KEY, title TEXT, body TEXT,"
		    " captions TEXT, author TEXT, source TEXT, published TEXT)");
		t0 = now();
		exec(pdb, "INSERT INTO doc SELECT id, title, luot_unzip(body), luot_unzip(captions),"
		    " author, source, published FROM luot.article");
		t_copy = now() - t0;
		exec(pdb, "DETACH luot");
		exec(pdb, "CREATE VIRTUAL TABLE doc_fts USING fts5(title, body, captions, author,"
		    " source, content = 'doc', content_rowid = 'id',"
		    " tokenize = 'unicode61 remove_diacritics 2')");
		t0 = now();
		exec(pdb, "INSERT INTO doc_fts(doc_fts) VALUES ('rebuild')");
		t_build = now() - t0;
	}
	raw_bytes = doc_bytes = plain_bytes = luot_bytes = -1;
	/* The sizes read every page of both databases (15 GB at 1M), which
	 * pushed the index out of the system's cache before the timings:
	 * not for SB_PAGES_ONLY=1, where they print as -1. */
	if (!pages_only) {
		raw_bytes = scalar(pdb, "SELECT total(length(CAST(title AS BLOB))"
		    " + length(CAST(body AS BLOB)) + length(CAST(captions AS BLOB))) FROM doc");
		doc_bytes = scalar(pdb, "SELECT total(pgsize) FROM dbstat WHERE name = 'doc'");
		plain_bytes = scalar(pdb, "SELECT total(pgsize) FROM dbstat"
		    " WHERE name LIKE 'doc_fts%'");
		ldb = raw(path);
		luot_bytes = scalar(ldb, "SELECT total(pgsize) FROM dbstat"
		    " WHERE name LIKE 'article_fts%'");
		sqlite3_close(ldb);
	}
	printf("= sqlite_version %s\n", sqlite3_libversion());
	printf("= articles %.0f\n", !pages_only ?
	    scalar(pdb, "SELECT count(*) FROM doc") : -1);
	printf("= raw_text_bytes %.0f\n", raw_bytes);
	printf("= luot_index_bytes %.0f\n", luot_bytes);
	printf("= plain_copy_s %.3f\n", t_copy);
	printf("= plain_build_s %.3f\n", t_build);
	printf("= plain_table_bytes %.0f\n", doc_bytes);
	printf("= plain_index_bytes %.0f\n", plain_bytes);
	fflush(stdout);

	if ((b.s = store_open(path, &err)) == NULL)
		die("%s", err);
	if (sqlite3_prepare_v2(pdb, "SELECT rowid, title, snippet(doc_fts, -1, '[', ']', '…', 24)"
	    " FROM doc_fts WHERE doc_fts MATCH ?1 AND rank MATCH 'bm25(10.0, 1.0, 1.0, 3.0, 3.0)'"
	    " ORDER BY rank LIMIT 50", -1, &b.plain, NULL) != SQLITE_OK)
		die("%s", sqlite3_errmsg(pdb));
	b.like_db = scans ? pdb : NULL;
	b.grep_dir = scans ? dir : NULL;
	printf("\nlike: LIKE '%%word%%' for each word, newest 50 (folds ASCII case only, no"
	    " diacritics);\ngrep: grep -rilF, the query as one string (case folded, no diacritics"
	    " folded);\nboth once, for queries of words only (-1: not run).\n");
	run_queries(&b);
	sqlite3_finalize(b.plain);
	store_close(b.s);
	sqlite3_close(pdb);
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
	int queries_only;
	struct bench b = { 0 };

	setlocale(LC_ALL, "C.UTF-8");
	pages_only = getenv("SB_PAGES_ONLY") != NULL;
	/* Before anything else draws from the generator: the queries name
	 * vocabulary words by rank. */
	make_vocab();
	if (argc == 2 && strcmp(argv[1], "--list-queries") == 0) {
		struct strlist qs;

		bench_queries(&qs, vocab);
		for (size_t i = 0; i < qs.len; i++)
			printf("%s\n", qs.items[i]);
		strlist_free(&qs);
		return 0;
	}
	if (argc >= 4 && argc <= 5 && strcmp(argv[1], "--imported") == 0) {
		int scans = argc == 4 || strcmp(argv[4], "--no-scans") != 0;

		imported(argv[2], argv[3], argc == 5 && scans ? argv[4] : NULL, scans);
		return 0;
	}
	if ((argc == 4 || (argc == 6 && strcmp(argv[4], "--from") == 0)) &&
	    strcmp(argv[2], "--files") == 0 && (n = atol(argv[1])) > 0) {
		struct real_text *rt = argc == 6 ? real_text_load(argv[5]) : NULL;

		write_files(n, argv[3], rt);
		real_text_free(rt);
		return 0;
	}
	if (argc < 3 || argc > 4 || (n = atol(argv[1])) <= 0 ||
	    (argc == 4 && strcmp(argv[3], "--bulk") != 0 && strcmp(argv[3], "--queries") != 0))
		die("usage: search-bench N DB [--queries]\n"
		    "       search-bench N --files DIR [--from CRAWL]\n"
		    "       search-bench --imported DB PLAIN [DIR | --no-scans]");
	queries_only = argc == 4 && strcmp(argv[3], "--queries") == 0;
	path = argv[2];

	s = store_open(path, &err);
	if (s == NULL)
		die("%s", err);
	{
		struct store_stats stt;

		store_stats(s, &stt);
		if (stt.articles != n) {
			if (stt.articles != 0)
				die("%s holds %lld articles, not %ld", path, (long long)stt.articles, n);
			t0 = now();
			for (long i = 0; i < n; i++) {
				struct article a;

				if (i % 1000 == 0)
					store_begin(s);
				make_article(&a, i, n);
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

	db = raw(path);
	exec(db, "PRAGMA cache_size = -262144");
	/* The tokenizer and luot_unzip() come with the store; this handle
	 * needs them too. */
	fts_register(db);
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
	if ((b.s = store_open(path, &err)) == NULL)
		die("%s", err);
	/* The plain table gets the same treatment: FTS5 sorts by rank,
	 * snippets for the page only. */
	if (sqlite3_prepare_v2(db, "SELECT a.id, a.title, snippet(plain_fts, -1, '[', ']', '…', 24)"
	    " FROM plain_fts JOIN article a ON a.id = plain_fts.rowid"
	    " WHERE plain_fts MATCH ?1 AND plain_fts.rank MATCH 'bm25(10.0, 1.0, 1.0, 3.0, 3.0)'"
	    " ORDER BY plain_fts.rank LIMIT 50", -1, &b.plain, NULL) != SQLITE_OK) {
		/* --queries on a database luot imported: no plain table. */
		if (!queries_only)
			die("%s", sqlite3_errmsg(db));
		b.plain = NULL;
	}
	run_queries(&b);
	sqlite3_finalize(b.plain);
	store_close(b.s);
	sqlite3_close(db);
	return 0;
}
