/*
 * fts-floor.c: what FTS5 itself costs when each word brings two terms.
 *
 * luot indexes most words twice at the same position (the folded form and,
 * colocated, the exact form; tokenize.h), and its index build is measured
 * against a plain unicode61 table (search-bench). This program separates
 * FTS5's share from the tokenizer's: it rebuilds FTS5 tables over the
 * article_text of a database made by search-bench, with tokenizers that
 * cost next to nothing themselves:
 *
 *   plain   unicode61 remove_diacritics 2 (search-bench's plain table)
 *   single  a wrapper around that unicode61 giving its tokens unchanged:
 *           the cost of the wrapping alone
 *   double  the wrapper, and for each token whose text is not pure ASCII a
 *           second one colocated: the token and a byte 0x01. Those are the
 *           words luot gives an exact form (in Vietnamese a non-ASCII
 *           letter always carries a mark, or is đ), so FTS5 gets the same
 *           number of tokens as from luot
 *   exact   as double, but the second token is the word's own text with
 *           ASCII letters lowercased: about as many distinct terms as luot's
 *           exact forms, of about their length
 *   every   as double, for every token
 *   luot    luot's tokenizer (with luot_terms_flush(), and automerge 16
 *           as store.c sets), for reference
 *
 *   fts-floor DB [-r ROUNDS] [VARIANT[,OPTION=VALUE...]]...
 *
 * Each variant is built ROUNDS times (default 2), the variants taking
 * turns, and the best wall and CPU times are kept. An option is an FTS5
 * configuration option (pgsz, automerge, crisismerge, hashsize,
 * usermerge), set before the rebuild, or detail=full|column|none, given
 * when the table is created. Without variants: plain single double exact
 * luot.
 *
 * The tables are dropped again; the database keeps their freed pages.
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

/* Longest token given a second form; longer ones (none in the corpus)
 * get none. */
#define FLOOR_MAX 256

enum floor_mode { FLOOR_SINGLE, FLOOR_DOUBLE, FLOOR_EXACT, FLOOR_EVERY };

/* unicode61, as FTS5 hands it out. */
static fts5_tokenizer inner_methods;
static void *inner_data;

/* Tokens given to FTS5 by the wrapper, and how many of them colocated. */
static long long ntokens, ncolocated;

struct floor_tokenizer {
	Fts5Tokenizer *inner;
	enum floor_mode mode;
};

struct floor_call {
	void *ctx;
	int (*xToken)(void *, int, const char *, int, int, int);
	const char *text;
	enum floor_mode mode;
};

static int
floor_create(void *pCtx, const char **azArg, int nArg, Fts5Tokenizer **ppOut)
{
	struct floor_tokenizer *t;
	enum floor_mode mode;
	int rc;

	(void)pCtx;
	*ppOut = NULL;
	if (nArg < 1)
		return SQLITE_ERROR;
	if (strcmp(azArg[0], "single") == 0)
		mode = FLOOR_SINGLE;
	else if (strcmp(azArg[0], "double") == 0)
		mode = FLOOR_DOUBLE;
	else if (strcmp(azArg[0], "exact") == 0)
		mode = FLOOR_EXACT;
	else if (strcmp(azArg[0], "every") == 0)
		mode = FLOOR_EVERY;
	else
		return SQLITE_ERROR;
	if ((t = malloc(sizeof *t)) == NULL)
		return SQLITE_NOMEM;
	t->mode = mode;
	/* The other arguments are unicode61's. */
	rc = inner_methods.xCreate(inner_data, azArg + 1, nArg - 1, &t->inner);
	if (rc != SQLITE_OK) {
		free(t);
		return rc;
	}
	*ppOut = (Fts5Tokenizer *)t;
	return SQLITE_OK;
}

static void
floor_delete(Fts5Tokenizer *p)
{
	struct floor_tokenizer *t = (struct floor_tokenizer *)p;

	inner_methods.xDelete(t->inner);
	free(t);
}

static int
non_ascii(const char *s, int n)
{
	for (int i = 0; i < n; i++) {
		if ((unsigned char)s[i] >= 0x80)
			return 1;
	}
	return 0;
}

/* One token from unicode61: pass it on, then its second form if due. */
static int
floor_token(void *vc, int flags, const char *tok, int n, int start, int end)
{
	struct floor_call *c = vc;
	char second[FLOOR_MAX + 1];
	int rc, len;

	rc = c->xToken(c->ctx, flags, tok, n, start, end);
	ntokens++;
	if (rc != SQLITE_OK || c->mode == FLOOR_SINGLE)
		return rc;
	if (c->mode != FLOOR_EVERY && !non_ascii(c->text + start, end - start))
		return rc;
	if (c->mode == FLOOR_EXACT) {
		len = end - start;
		if (len > FLOOR_MAX)
			return rc;
		for (int i = 0; i < len; i++) {
			char ch = c->text[start + i];

			second[i] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
		}
	} else {
		if (n >= FLOOR_MAX)
			return rc;
		memcpy(second, tok, (size_t)n);
		second[n] = '\x01';
		len = n + 1;
	}
	ntokens++;
	ncolocated++;
	return c->xToken(c->ctx, FTS5_TOKEN_COLOCATED, second, len, start, end);
}

static int
floor_tokenize(Fts5Tokenizer *p, void *pCtx, int flags, const char *pText, int nText,
    int (*xToken)(void *, int, const char *, int, int, int))
{
	struct floor_tokenizer *t = (struct floor_tokenizer *)p;
	struct floor_call c = { pCtx, xToken, pText, t->mode };

	/* Queries are never run on these tables; one form is enough. */
	if (flags & FTS5_TOKENIZE_QUERY)
		c.mode = FLOOR_SINGLE;
	return inner_methods.xTokenize(t->inner, &c, flags, pText, nText, floor_token);
}

/* Register the tokenizer "floor" on db, wrapping FTS5's unicode61. */
static void
floor_register(sqlite3 *db)
{
	static fts5_tokenizer methods = { floor_create, floor_delete, floor_tokenize };
	fts5_api *api = bench_fts5_api(db);

	if (api->xFindTokenizer(api, "unicode61", &inner_data, &inner_methods) != SQLITE_OK)
		die("%s", "no unicode61 tokenizer");
	if (api->xCreateTokenizer(api, "floor", NULL, &methods, NULL) != SQLITE_OK)
		die("%s", "cannot register the tokenizer floor");
}




static const struct {
	const char *name;
	const char *tokenize;
	const char *options;	/* what luot's own table has */
} kinds[] = {
	{ "plain", "unicode61 remove_diacritics 2", "" },
	{ "single", "floor single remove_diacritics 2", "" },
	{ "double", "floor double remove_diacritics 2", "" },
	{ "exact", "floor exact remove_diacritics 2", "" },
	{ "every", "floor every remove_diacritics 2", "" },
	{ "luot", "luot", "automerge=16" },
};

struct variant {
	char *label;		/* as given on the command line */
	size_t kind;
	char *options;		/* the kind's, then the command line's */
	double best, best_cpu, bytes;
	long long tokens, colocated;	/* given to FTS5; -1: not counted */
};

struct word_count {
	long long words, exact;
};

static int
count_word(const struct tok_word *w, void *ctx)
{
	struct word_count *c = ctx;

	c->words++;
	if (w->nexact != w->nfolded || memcmp(w->exact, w->folded, w->nfolded) != 0)
		c->exact++;
	return 0;
}

/* What luot gives FTS5 for the whole content, split again outside FTS5:
 * the number of words and of exact forms colocated with them. */
static void
count_luot(sqlite3 *db, struct word_count *c)
{
	sqlite3_stmt *st;

	c->words = c->exact = 0;
	if (sqlite3_prepare_v2(db, "SELECT title, body, captions, author, source FROM article_text",
	    -1, &st, NULL) != SQLITE_OK)
		die("%s", sqlite3_errmsg(db));
	while (sqlite3_step(st) == SQLITE_ROW) {
		for (int i = 0; i < 5; i++) {
			const char *t = (const char *)sqlite3_column_text(st, i);

			if (t != NULL)
				tok_split(t, (size_t)sqlite3_column_bytes(st, i), count_word, c);
		}
	}
	sqlite3_finalize(st);
}

/* Build the variant's table once; sets the seconds taken (wall clock, and
 * this process's CPU time, which another program on the machine disturbs
 * less). */
static void
build(sqlite3 *db, struct variant *v, double *wall, double *cpu)
{
	const char *detail = "full";
	char *opts = xstrdup(v->options), *save = NULL, *sql;
	double t0, c0;

	exec(db, "DROP TABLE IF EXISTS floor_fts");
	for (char *o = strtok_r(opts, ",", &save); o != NULL; o = strtok_r(NULL, ",", &save)) {
		if (strncmp(o, "detail=", 7) == 0)
			detail = o + 7;
	}
	sql = xasprintf("CREATE VIRTUAL TABLE floor_fts USING fts5(title, body, captions,"
	    " author, source, content = 'article_text', content_rowid = 'id',"
	    " detail = %s, tokenize = '%s')", detail, kinds[v->kind].tokenize);
	exec(db, sql);
	free(sql);
	free(opts);
	opts = xstrdup(v->options);
	for (char *o = strtok_r(opts, ",", &save); o != NULL; o = strtok_r(NULL, ",", &save)) {
		char *eq = strchr(o, '=');

		if (eq == NULL)
			die("%s: not OPTION=VALUE", o);
		*eq = '\0';
		if (strcmp(o, "detail") == 0)
			continue;
		sql = xasprintf("INSERT INTO floor_fts(floor_fts, rank) VALUES ('%s', %s)", o, eq + 1);
		exec(db, sql);
		free(sql);
	}
	free(opts);
	ntokens = ncolocated = 0;
	t0 = bench_seconds(CLOCK_MONOTONIC);
	c0 = bench_seconds(CLOCK_PROCESS_CPUTIME_ID);
	exec(db, "INSERT INTO floor_fts(floor_fts) VALUES ('rebuild')");
	if (strcmp(kinds[v->kind].name, "luot") == 0)
		exec(db, "SELECT luot_terms_flush()");
	*wall = bench_seconds(CLOCK_MONOTONIC) - t0;
	*cpu = bench_seconds(CLOCK_PROCESS_CPUTIME_ID) - c0;
	v->bytes = scalar(db, "SELECT total(length(block)) FROM floor_fts_data");
	v->tokens = ntokens > 0 ? ntokens : -1;
	v->colocated = ncolocated;
	exec(db, "DROP TABLE floor_fts");
}

int
main(int argc, char **argv)
{
	static const char *const defaults[] = { "plain", "single", "double", "exact", "luot" };
	const char *const *args = defaults;
	struct variant *vs;
	size_t nargs = sizeof defaults / sizeof *defaults, nv = 0;
	int rounds = 2, first;
	double plain = -1, plain_cpu = -1, raw_bytes;
	const char *path;
	sqlite3 *db;

	if (argc < 2)
		die("usage: fts-floor DB [-r ROUNDS] [VARIANT[,OPTION=VALUE...]]...");
	path = argv[1];
	first = 2;
	if (argc > 3 && strcmp(argv[2], "-r") == 0) {
		if ((rounds = atoi(argv[3])) <= 0)
			die("%s: not a number of rounds", argv[3]);
		first = 4;
	}
	setlocale(LC_ALL, "C.UTF-8");
	if (argc > first) {
		args = (const char *const *)argv + first;
		nargs = (size_t)(argc - first);
	}
	vs = xcalloc(nargs, sizeof *vs);
	for (size_t i = 0; i < nargs; i++) {
		const char *arg = args[i];
		size_t len = strcspn(arg, ","), k;

		for (k = 0; k < sizeof kinds / sizeof *kinds; k++) {
			if (strlen(kinds[k].name) == len && strncmp(kinds[k].name, arg, len) == 0)
				break;
		}
		if (k == sizeof kinds / sizeof *kinds)
			die("%.*s: no such variant", (int)len, arg);
		vs[nv].label = xstrdup(arg);
		vs[nv].kind = k;
		/* The command line's options come last and win. */
		vs[nv].options = xasprintf("%s%s%s", kinds[k].options,
		    *kinds[k].options && arg[len] ? "," : "", arg[len] ? arg + len + 1 : "");
		vs[nv].best = vs[nv].best_cpu = 1e30;
		nv++;
	}

	if (sqlite3_open(path, &db) != SQLITE_OK)
		die("%s", sqlite3_errmsg(db));
	/* As search-bench has it. */
	exec(db, "PRAGMA cache_size = -262144");
	if (fts_register(db) != SQLITE_OK || zip_register(db) != SQLITE_OK)
		die("%s", "cannot register luot's functions");
	floor_register(db);
	raw_bytes = scalar(db, "SELECT total(length(CAST(title AS BLOB)) + length(CAST(body AS BLOB))"
	    " + length(CAST(captions AS BLOB))) FROM article_text");

	/* Start from an empty WAL: the first build would pay for the
	 * checkpoint of what search-bench left there. */
	exec(db, "PRAGMA wal_checkpoint(TRUNCATE)");
	for (int r = 0; r < rounds; r++) {
		for (size_t i = 0; i < nv; i++) {
			double t, c;

			build(db, &vs[i], &t, &c);
			fprintf(stderr, "round %d  %-40s %7.2f s (cpu %.2f s)\n", r + 1, vs[i].label, t, c);
			if (t < vs[i].best)
				vs[i].best = t;
			if (c < vs[i].best_cpu)
				vs[i].best_cpu = c;
		}
	}
	for (size_t i = 0; i < nv; i++) {
		if (strcmp(vs[i].label, "plain") == 0) {
			plain = vs[i].best;
			plain_cpu = vs[i].best_cpu;
		}
		if (strcmp(kinds[vs[i].kind].name, "luot") == 0 && vs[i].tokens < 0) {
			struct word_count c;

			count_luot(db, &c);
			for (size_t j = i; j < nv; j++) {
				if (vs[j].kind == vs[i].kind) {
					vs[j].tokens = c.words + c.exact;
					vs[j].colocated = c.exact;
				}
			}
		}
	}
	printf("%-36s %7s %6s %7s %6s %10s %8s %9s\n", "variant", "wall s", "/plain",
	    "cpu s", "/plain", "index/text", "tokens M", "colocated");
	for (size_t i = 0; i < nv; i++) {
		printf("%-36s %7.2f ", vs[i].label, vs[i].best);
		if (plain > 0)
			printf("%6.2f ", vs[i].best / plain);
		else
			printf("%6s ", "-");
		printf("%7.2f ", vs[i].best_cpu);
		if (plain_cpu > 0)
			printf("%6.2f ", vs[i].best_cpu / plain_cpu);
		else
			printf("%6s ", "-");
		printf("%10.2f ", vs[i].bytes / raw_bytes);
		if (vs[i].tokens > 0)
			printf("%9.1f %8.1f %%\n", (double)vs[i].tokens / 1e6, 100.0 *
			    (double)vs[i].colocated / (double)(vs[i].tokens - vs[i].colocated));
		else
			printf("%9s %9s\n", "-", "-");
	}
	sqlite3_close(db);
	return 0;
}
