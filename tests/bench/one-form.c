/*
 * one-form.c: what indexing one form of each word would gain and cost.
 *
 * luot indexes a word's folded form and, colocated, its exact form
 * (tokenize.h): "dân" is "dan" and "dân". Indexing the exact form alone
 * would halve what FTS5 is given, but a query typed without diacritics
 * would then look up every exact form that folds to its word ("dan" is
 * dan, dán, dân, đàn...), a group of terms FTS5 reads side by side. This
 * program measures both sides on a database made by search-bench:
 *
 *   two   luot's tokenizer as the store uses it (automerge 16)
 *   one   the same words, one term each: the exact form when the word
 *         has one, the folded form otherwise (automerge 16)
 *
 *   one-form DB [-r ROUNDS] [QUERY...]
 *
 * Each table is rebuilt ROUNDS times (default 2), taking turns, and the
 * best wall and CPU times are kept. Then each query (words typed without
 * diacritics, all required) runs on both tables, best of five: the count
 * of its hits, the 2,000th most recent hit (the window luot ranks in) and
 * the first page by bm25. On "one" each word is the group of the table's
 * terms that fold to it. The hit counts must agree. The tables are
 * dropped at the end.
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#include "../../src/fts.h"
#include "../../src/tokenize.h"
#include "../../src/util.h"
#include "bench.h"
#include "../../src/zip.h"

/* In a query on "one", the terms of a group are separated by this. */
#define GROUP_SEP '|'

struct one_call {
	void *ctx;
	int (*xToken)(void *, int, const char *, int, int, int);
};

static int
one_create(void *pCtx, const char **azArg, int nArg, Fts5Tokenizer **ppOut)
{
	(void)pCtx;
	(void)azArg;
	(void)nArg;
	tok_init();
	*ppOut = (Fts5Tokenizer *)&one_create;	/* no state */
	return SQLITE_OK;
}

static void
one_delete(Fts5Tokenizer *p)
{
	(void)p;
}

/* A document word: its one term. */
static int
one_word(const struct tok_word *w, void *vc)
{
	struct one_call *c = vc;

	if (w->diacritics)
		return c->xToken(c->ctx, 0, w->exact, (int)w->nexact, (int)w->start, (int)w->end);
	return c->xToken(c->ctx, 0, w->folded, (int)w->nfolded, (int)w->start, (int)w->end);
}

/* A query: terms exactly as indexed, "a|b|c" a group (colocated). */
static int
one_query(struct one_call *c, const char *s, int n)
{
	int i = 0;

	while (i < n) {
		int start, flags = 0;

		while (i < n && s[i] == ' ')
			i++;
		start = i;
		while (i <= n) {
			if (i == n || s[i] == ' ' || s[i] == GROUP_SEP) {
				int rc;

				if (i > start) {
					rc = c->xToken(c->ctx, flags, s + start, i - start, start, i);
					if (rc != SQLITE_OK)
						return rc;
					flags = FTS5_TOKEN_COLOCATED;
				}
				if (i == n || s[i] == ' ')
					break;
				start = i + 1;
			}
			i++;
		}
	}
	return SQLITE_OK;
}

static int
one_tokenize(Fts5Tokenizer *p, void *pCtx, int flags, const char *pText, int nText,
    int (*xToken)(void *, int, const char *, int, int, int))
{
	struct one_call c = { pCtx, xToken };

	(void)p;
	if (flags & FTS5_TOKENIZE_QUERY)
		return one_query(&c, pText, nText);
	return tok_split(pText, (size_t)nText, one_word, &c);
}

static void
one_register(sqlite3 *db)
{
	static fts5_tokenizer methods = { one_create, one_delete, one_tokenize };
	fts5_api *api = bench_fts5_api(db);

	if (api->xCreateTokenizer(api, "one", NULL, &methods, NULL) != SQLITE_OK)
		die("%s", "cannot register the tokenizer one");
}


static const char *const tables[2] = { "two", "one" };

/* Build table k ("two" or "one") once; sets wall and CPU seconds. */
static void
build(sqlite3 *db, int k, double *wall, double *cpu)
{
	char *sql;
	double t0, c0;

	sql = xasprintf("DROP TABLE IF EXISTS %s_fts", tables[k]);
	exec(db, sql);
	free(sql);
	sql = xasprintf("CREATE VIRTUAL TABLE %s_fts USING fts5(title, body, captions, author,"
	    " source, content = 'article_text', content_rowid = 'id', tokenize = '%s')",
	    tables[k], k == 0 ? "luot" : "one");
	exec(db, sql);
	free(sql);
	sql = xasprintf("INSERT INTO %s_fts(%s_fts, rank) VALUES ('automerge', 16)",
	    tables[k], tables[k]);
	exec(db, sql);
	free(sql);
	sql = xasprintf("INSERT INTO %s_fts(%s_fts) VALUES ('rebuild')", tables[k], tables[k]);
	t0 = bench_seconds(CLOCK_MONOTONIC);
	c0 = bench_seconds(CLOCK_PROCESS_CPUTIME_ID);
	exec(db, sql);
	*wall = bench_seconds(CLOCK_MONOTONIC) - t0;
	*cpu = bench_seconds(CLOCK_PROCESS_CPUTIME_ID) - c0;
	free(sql);
}

/* The folded form of an index term of "one": the exact form less its
 * tone letter, split again. */
static int
fold_first(const struct tok_word *w, void *ctx)
{
	struct buf *b = ctx;

	buf_add(b, w->folded, w->nfolded);
	return 1;
}

/* "a|b|c": the terms of "one" that fold to the word w. */
static char *
group_of(sqlite3 *db, const char *w)
{
	sqlite3_stmt *st;
	struct buf g;

	buf_init(&g);
	if (sqlite3_prepare_v2(db, "SELECT term FROM one_vocab", -1, &st, NULL) != SQLITE_OK)
		die("%s", sqlite3_errmsg(db));
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(st, 0);
		size_t n = (size_t)sqlite3_column_bytes(st, 0);
		struct buf f;

		if (n > 0 && strchr("SFRXJ", t[n - 1]) != NULL)
			n--;
		buf_init(&f);
		tok_split(t, n, fold_first, &f);
		if (f.len == strlen(w) && memcmp(f.data, w, f.len) == 0) {
			if (g.len > 0)
				buf_addc(&g, GROUP_SEP);
			buf_adds(&g, t);
		}
		buf_free(&f);
	}
	sqlite3_finalize(st);
	if (g.len == 0)
		buf_adds(&g, w);
	return buf_detach(&g);
}

/* Best of five runs of sql with ?1 = expr, in ms; *first the first
 * column of the first row (or -1). */
static double
time_query(sqlite3 *db, const char *sql, const char *expr, long long *first)
{
	double best = 1e30;

	for (int r = 0; r < 5; r++) {
		sqlite3_stmt *st;
		double t0 = bench_seconds(CLOCK_MONOTONIC), t;

		if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
			die("%s: %s", sql, sqlite3_errmsg(db));
		sqlite3_bind_text(st, 1, expr, -1, SQLITE_STATIC);
		*first = -1;
		if (sqlite3_step(st) == SQLITE_ROW)
			*first = sqlite3_column_int64(st, 0);
		while (sqlite3_step(st) == SQLITE_ROW)
			;
		sqlite3_finalize(st);
		t = (bench_seconds(CLOCK_MONOTONIC) - t0) * 1000;
		if (t < best)
			best = t;
	}
	return best;
}

enum probe { PROBE_COUNT, PROBE_WINDOW, PROBE_BM25, NPROBES };
static const char *const probe_names[NPROBES] = { "count", "window", "bm25" };

/* The SQL of probe p on the table named t. */
static char *
probe_sql(enum probe p, const char *t)
{
	switch (p) {
	case PROBE_COUNT:
		return xasprintf("SELECT count(*) FROM %s_fts WHERE %s_fts MATCH ?1", t, t);
	case PROBE_WINDOW:
		return xasprintf("SELECT rowid FROM %s_fts WHERE %s_fts MATCH ?1"
		    " ORDER BY rowid DESC LIMIT 1 OFFSET 1999", t, t);
	default:
		return xasprintf("SELECT rowid FROM %s_fts WHERE %s_fts MATCH ?1"
		    " ORDER BY rank LIMIT 20", t, t);
	}
}

/* The expression of a query on table k: words ANDed, on "one" each a
 * group in quotes. */
static char *
expression(sqlite3 *db, int k, const char *query)
{
	char *words = xstrdup(query), *save = NULL;
	struct buf e;

	buf_init(&e);
	for (char *w = strtok_r(words, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
		if (e.len > 0)
			buf_adds(&e, " AND ");
		if (k == 0) {
			buf_adds(&e, w);
		} else {
			char *g = group_of(db, w);

			buf_addc(&e, '"');
			buf_adds(&e, g);
			buf_addc(&e, '"');
			free(g);
		}
	}
	free(words);
	return buf_detach(&e);
}

static void
run_queries(sqlite3 *db, char **queries, int n)
{
	printf("\n| query | probe | two, ms | one, ms | one / two |\n|---|---|---|---|---|\n");
	for (int q = 0; q < n; q++) {
		char *expr[2] = { expression(db, 0, queries[q]), expression(db, 1, queries[q]) };

		for (int p = 0; p < NPROBES; p++) {
			double ms[2];
			long long first[2];

			for (int k = 0; k < 2; k++) {
				char *sql = probe_sql((enum probe)p, tables[k]);

				ms[k] = time_query(db, sql, expr[k], &first[k]);
				free(sql);
			}
			if (p == PROBE_COUNT && first[0] != first[1])
				die("%s: %lld hits on two, %lld on one", queries[q], first[0], first[1]);
			printf("| %s | %s | %.1f | %.1f | %.2f |\n", queries[q], probe_names[p],
			    ms[0], ms[1], ms[1] / ms[0]);
		}
		free(expr[0]);
		free(expr[1]);
	}
}

int
main(int argc, char **argv)
{
	static char *defaults[] = { "nam", "cong", "dan", "thanh", "do", "cong tac",
		"dan van kheo" };
	double best[2] = { 1e30, 1e30 }, best_cpu[2] = { 1e30, 1e30 }, bytes[2];
	char **queries = defaults;
	int nq = sizeof defaults / sizeof *defaults, rounds = 2, first = 2;
	sqlite3 *db;

	if (argc < 2)
		die("usage: one-form DB [-r ROUNDS] [QUERY...]");
	if (argc > 3 && strcmp(argv[2], "-r") == 0) {
		if ((rounds = atoi(argv[3])) <= 0)
			die("%s: not a number of rounds", argv[3]);
		first = 4;
	}
	if (argc > first) {
		queries = argv + first;
		nq = argc - first;
	}
	setlocale(LC_ALL, "C.UTF-8");
	if (sqlite3_open(argv[1], &db) != SQLITE_OK)
		die("%s", sqlite3_errmsg(db));
	exec(db, "PRAGMA cache_size = -262144");
	if (fts_register(db) != SQLITE_OK || zip_register(db) != SQLITE_OK)
		die("%s", "cannot register luot's functions");
	one_register(db);
	exec(db, "PRAGMA wal_checkpoint(TRUNCATE)");
	for (int r = 0; r < rounds; r++) {
		for (int k = 0; k < 2; k++) {
			double t, c;

			build(db, k, &t, &c);
			fprintf(stderr, "round %d  %s  %7.2f s (cpu %.2f s)\n", r + 1, tables[k], t, c);
			if (t < best[k])
				best[k] = t;
			if (c < best_cpu[k])
				best_cpu[k] = c;
		}
	}
	for (int k = 0; k < 2; k++) {
		char *sql = xasprintf("SELECT total(length(block)) FROM %s_fts_data", tables[k]);

		bytes[k] = scalar(db, sql);
		free(sql);
	}
	printf("| table | build, best wall | best CPU | index MB |\n|---|---|---|---|\n");
	for (int k = 0; k < 2; k++)
		printf("| %s | %.2f s | %.2f s | %.0f |\n", tables[k], best[k], best_cpu[k],
		    bytes[k] / 1e6);
	exec(db, "CREATE VIRTUAL TABLE temp.one_vocab USING fts5vocab(main, one_fts, row)");
	run_queries(db, queries, nq);
	exec(db, "DROP TABLE temp.one_vocab");
	exec(db, "DROP TABLE two_fts");
	exec(db, "DROP TABLE one_fts");
	return 0;
}
