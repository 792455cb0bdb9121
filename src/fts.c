/*
 * fts.c: see fts.h.
 *
 * This file is also compiled into the loadable SQLite extension
 * (fts-ext.c), where sqlite3ext.h routes the sqlite3_* calls.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#ifndef LUOT_EXTENSION
#include <sqlite3.h>
#endif

#include "fts.h"
#include "rank.h"
#include "snippet.h"
#include "tokenize.h"

/*
 * The terms of the index, kept in the table "term" with the number of
 * articles that hold each (schema 13), so that a prefix can be turned
 * into the terms it covers, the most frequent first (store-search.c):
 * FTS5 answers "dan*" by merging the posting lists of every matching term
 * into one before it returns a row, which takes longer the larger the
 * corpus, while an OR of a few terms is read lazily.
 *
 * luot_terms_doc(sign), called before each article's texts go to FTS5,
 * arms the counting: +1 for texts going into the index, -1 for texts
 * taken out ('delete'). A term counts once an article, whatever its
 * columns and repeats, in a table of the batch's terms in memory;
 * luot_terms_flush() adds the counts to the table "term", one row a term
 * in the order of the table's key, and disarms. Unarmed, documents are
 * not counted: FTS5 tokenizes them for 'rebuild' and 'integrity-check' too.
 */
#define COUNT_MIN 4096		/* slots at first; a power of two */
#define RECENT 1024		/* a front cache: most words repeat in an article */

struct term_count {
	uint64_t h;		/* term_hash(); 0: an empty slot */
	size_t at;		/* where the term is in names, NUL-terminated */
	int64_t delta;		/* articles gained, or lost */
	uint64_t doc;		/* the last article it was counted for */
};

struct fts_terms {
	uint64_t recent[RECENT];	/* direct-mapped, hashes counted for doc */
	struct term_count *slots;	/* open addressing */
	size_t nslots, used;
	char *names;
	size_t nlen, ncap;
	int sign;		/* +1 or -1; 0: not counting */
	uint64_t doc;		/* the article at hand */
};

static uint64_t
term_hash(const char *s, size_t n)
{
	uint64_t h = 14695981039346656037ull;

	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
	return h ? h : 1;
}

/* The slot of h: its own, or the empty one where it would go. Two terms
 * of one hash share a count (64 bits: not in any real vocabulary). */
static struct term_count *
count_slot(struct term_count *slots, size_t nslots, uint64_t h)
{
	size_t i = (size_t)h & (nslots - 1);

	while (slots[i].h != 0 && slots[i].h != h)
		i = (i + 1) & (nslots - 1);
	return &slots[i];
}

/* Make room for one more term: double at half full. */
static int
count_room(struct fts_terms *t)
{
	size_t n = t->nslots ? t->nslots * 2 : COUNT_MIN;
	struct term_count *slots;

	if (t->nslots != 0 && t->used < t->nslots / 2)
		return 0;
	if ((slots = calloc(n, sizeof *slots)) == NULL)
		return -1;
	for (size_t i = 0; i < t->nslots; i++) {
		if (t->slots[i].h != 0)
			*count_slot(slots, n, t->slots[i].h) = t->slots[i];
	}
	free(t->slots);
	t->slots = slots;
	t->nslots = n;
	return 0;
}

/* Copy the term into names; its place in *at. */
static int
name_keep(struct fts_terms *t, const char *s, size_t n, size_t *at)
{
	if (t->nlen + n + 1 > t->ncap) {
		size_t cap = (t->ncap + n + 1) * 2;
		char *names = realloc(t->names, cap);

		if (names == NULL)
			return -1;
		t->names = names;
		t->ncap = cap;
	}
	memcpy(t->names + t->nlen, s, n);
	t->names[t->nlen + n] = '\0';
	*at = t->nlen;
	t->nlen += n + 1;
	return 0;
}

/* Count the term for the article at hand, once. */
static int
term_count(struct fts_terms *t, const char *s, size_t n)
{
	uint64_t h = term_hash(s, n);
	struct term_count *c;

	if (t->recent[h & (RECENT - 1)] == h)
		return SQLITE_OK;
	t->recent[h & (RECENT - 1)] = h;
	if (count_room(t) < 0)
		return SQLITE_NOMEM;
	c = count_slot(t->slots, t->nslots, h);
	if (c->h == 0) {
		if (name_keep(t, s, n, &c->at) < 0)
			return SQLITE_NOMEM;
		c->h = h;
		t->used++;
	} else if (c->doc == t->doc) {
		return SQLITE_OK;
	}
	c->doc = t->doc;
	c->delta += t->sign;
	return SQLITE_OK;
}

/* Forget the counts and disarm. */
static void
counts_clear(struct fts_terms *t)
{
	if (t->used > 0)
		memset(t->slots, 0, t->nslots * sizeof *t->slots);
	t->used = 0;
	t->nlen = 0;
	t->sign = 0;
}

/* luot_terms_doc(sign): the next texts FTS5 tokenizes are one article's,
 * going in (1) or out (-1). Counts a failed statement left (armed with no
 * flush since) are dropped: its changes were rolled back. */
static void
terms_doc(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct fts_terms *t = sqlite3_user_data(ctx);

	(void)argc;
	if (t->sign == 0)
		counts_clear(t);
	t->sign = sqlite3_value_int(argv[0]) < 0 ? -1 : 1;
	t->doc++;
	memset(t->recent, 0, sizeof t->recent);
}

struct term_delta {
	const char *t;
	int64_t delta;
};

static int
delta_cmp(const void *a, const void *b)
{
	return strcmp(((const struct term_delta *)a)->t, ((const struct term_delta *)b)->t);
}

/* Add the counts to the table, in its key's order (fewer pages touched). */
static int
counts_write(sqlite3 *db, struct fts_terms *t)
{
	struct term_delta *v = malloc(t->used * sizeof *v);
	sqlite3_stmt *st = NULL;
	size_t n = 0;
	int rc;

	if (v == NULL)
		return SQLITE_NOMEM;
	for (size_t i = 0; i < t->nslots; i++) {
		if (t->slots[i].h != 0 && t->slots[i].delta != 0)
			v[n++] = (struct term_delta){ t->names + t->slots[i].at, t->slots[i].delta };
	}
	qsort(v, n, sizeof *v, delta_cmp);
	rc = sqlite3_prepare_v2(db, "INSERT INTO term (t, n) VALUES (?1, max(?2, 0))"
	    " ON CONFLICT (t) DO UPDATE SET n = max(n + ?2, 0)", -1, &st, NULL);
	for (size_t i = 0; rc == SQLITE_OK && i < n; i++) {
		sqlite3_bind_text(st, 1, v[i].t, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, v[i].delta);
		if ((rc = sqlite3_step(st)) == SQLITE_DONE)
			rc = sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	free(v);
	return rc;
}

/* luot_terms_flush(): add the counts to the table "term"; disarm. */
static void
terms_flush(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct fts_terms *t = sqlite3_user_data(ctx);
	int rc = SQLITE_OK;

	(void)argc;
	(void)argv;
	if (t->used > 0)
		rc = counts_write(sqlite3_context_db_handle(ctx), t);
	counts_clear(t);
	if (rc != SQLITE_OK)
		sqlite3_result_error_code(ctx, rc);
}

static void
terms_free(void *p)
{
	struct fts_terms *t = p;

	free(t->slots);
	free(t->names);
	free(t);
}

/* The FTS5 side. A tokenizer object per table, with its connection's terms. */
struct luot_fts_tokenizer {
	struct fts_terms *terms;
};

struct fts_call {
	void *ctx;
	int flags;
	int (*xToken)(void *, int, const char *, int, int, int);
	struct fts_terms *terms;
};

/* Hand one document token to FTS5, and remember it as a term. */
static int
fts_token(struct fts_call *c, int flags, const char *s, size_t n, const struct tok_word *w)
{
	int rc = c->xToken(c->ctx, flags, s, (int)n, (int)w->start, (int)w->end);

	if (rc == SQLITE_OK && c->terms != NULL && c->terms->sign != 0)
		rc = term_count(c->terms, s, n);
	return rc;
}

static int
fts_word(const struct tok_word *w, void *vctx)
{
	struct fts_call *c = vctx;
	int rc;

	if (c->flags & FTS5_TOKENIZE_QUERY) {
		const char *form;
		size_t n = tok_query_form(w, c->flags & FTS5_TOKENIZE_PREFIX, &form);

		return c->xToken(c->ctx, 0, form, (int)n, (int)w->start, (int)w->end);
	}
	rc = fts_token(c, 0, w->folded, w->nfolded, w);
	if (rc == SQLITE_OK && (w->nexact != w->nfolded ||
	    memcmp(w->exact, w->folded, w->nfolded) != 0))
		rc = fts_token(c, FTS5_TOKEN_COLOCATED, w->exact, w->nexact, w);
	return rc;
}

/*
 * A group in a query: TOK_GROUP_MARK, then terms exactly as indexed,
 * separated by TOK_GROUP_SEP, to the end of the string. They go to FTS5
 * as one token with the others colocated: any of them matches.
 */
static int
fts_group(struct fts_call *c, const char *s, size_t n, int offset)
{
	size_t lsep = sizeof TOK_GROUP_SEP - 1;
	int flags = 0;

	while (n > 0) {
		const char *e = memmem(s, n, TOK_GROUP_SEP, lsep);
		size_t len = e ? (size_t)(e - s) : n;
		int rc;

		if (len > 0) {
			rc = c->xToken(c->ctx, flags, s, (int)len, offset, offset + (int)n);
			if (rc != SQLITE_OK)
				return rc;
			flags = FTS5_TOKEN_COLOCATED;
		}
		if (e == NULL)
			break;
		s += len + lsep;
		n -= len + lsep;
	}
	return SQLITE_OK;
}

static int
fts_create(void *pCtx, const char **azArg, int nArg, Fts5Tokenizer **ppOut)
{
	struct luot_fts_tokenizer *t = malloc(sizeof *t);

	(void)azArg;
	(void)nArg;
	if (t == NULL)
		return SQLITE_NOMEM;
	tok_init();
	t->terms = pCtx;
	*ppOut = (Fts5Tokenizer *)t;
	return SQLITE_OK;
}

static void
fts_delete(Fts5Tokenizer *p)
{
	free(p);
}

static int
fts_tokenize(Fts5Tokenizer *p, void *pCtx, int flags, const char *pText, int nText,
    int (*xToken)(void *, int, const char *, int, int, int))
{
	struct fts_call c = { pCtx, flags, xToken, NULL };
	const char *mark;

	if (nText <= 0)
		return SQLITE_OK;
	if (flags & FTS5_TOKENIZE_DOCUMENT)
		c.terms = ((struct luot_fts_tokenizer *)p)->terms;
	else if ((mark = memmem(pText, (size_t)nText, TOK_GROUP_MARK,
	    sizeof TOK_GROUP_MARK - 1)) != NULL) {
		size_t before = (size_t)(mark - pText), skip = before + sizeof TOK_GROUP_MARK - 1;
		int rc = tok_split(pText, before, fts_word, &c);

		return rc != SQLITE_OK ? rc :
		    fts_group(&c, pText + skip, (size_t)nText - skip, (int)before);
	}
	return tok_split(pText, (size_t)nText, fts_word, &c);
}

/* luot_index_later(): whether the insert trigger may leave a new article
 * to whoever inserted it to index (store-schema.c, schema 8); the answer is the
 * function's user data. */
static void
index_later(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	(void)argv;
	sqlite3_result_int(ctx, sqlite3_user_data(ctx) != NULL);
}

int
fts_index_later(struct sqlite3 *db, int later)
{
	return sqlite3_create_function(db, "luot_index_later", 0, SQLITE_UTF8,
	    later ? (void *)db : NULL, index_later, NULL, NULL);
}

int
fts_register(struct sqlite3 *db)
{
	static fts5_tokenizer tokenizer = { fts_create, fts_delete, fts_tokenize };
	fts5_api *api = NULL;
	struct fts_terms *terms;
	sqlite3_stmt *st;
	int rc;

	rc = sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
	sqlite3_step(st);
	rc = sqlite3_finalize(st);
	if (rc != SQLITE_OK)
		return rc;
	if (api == NULL || api->iVersion < 2)
		return SQLITE_ERROR;
	if ((terms = calloc(1, sizeof *terms)) == NULL)
		return SQLITE_NOMEM;
	/* The function owns terms: it is destroyed with the connection. */
	rc = sqlite3_create_function_v2(db, "luot_terms_flush", 0, SQLITE_UTF8, terms,
	    terms_flush, NULL, NULL, terms_free);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "luot_terms_doc", 1, SQLITE_UTF8, terms,
		    terms_doc, NULL, NULL);
	if (rc != SQLITE_OK)
		return rc;
	/* 0 here (the sqlite3 shell, with the extension): the trigger indexes
	 * each article written there. The store says 1 (store.c). */
	if ((rc = fts_index_later(db, 0)) != SQLITE_OK)
		return rc;
	rc = api->xCreateTokenizer(api, "luot", terms, &tokenizer, NULL);
	/* The ranking and snippet functions come with the tokenizer: all are
	 * FTS5's, registered through the same fts5_api. */
	if (rc == SQLITE_OK)
		rc = rank_register(api);
	return rc == SQLITE_OK ? snippet_register(api) : rc;
}
