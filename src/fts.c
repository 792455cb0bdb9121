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
 * The terms of the index, kept in the table "term" so that a prefix can be
 * turned into the list of terms it covers (store-search.c): FTS5 answers "dan*"
 * by merging the posting lists of every matching term into one before it
 * returns a row, which takes longer the larger the corpus, while an OR of
 * those few terms is read lazily.
 *
 * Each connection remembers the hashes of the terms it has handed to FTS5
 * and queues the new ones; luot_terms_flush(), called by the triggers that
 * index an article, writes the queue to the table.
 */
#define SEEN_MIN 4096		/* slots at first */
#define SEEN_MAX (1u << 21)	/* slots at most (16 MiB); then start over */

#define RECENT 1024		/* a small front cache: most words are common */

struct fts_terms {
	uint64_t recent[RECENT];	/* direct-mapped, hashes seen */
	uint64_t *seen;		/* open addressing; 0 is empty */
	size_t nseen, used;
	char *queue;		/* new terms, each NUL-terminated */
	size_t qlen, qcap;
};

static uint64_t
term_hash(const char *s, size_t n)
{
	uint64_t h = 14695981039346656037ull;

	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
	return h ? h : 1;
}

/* Insert h; 1 when it was not there. */
static int
seen_add(uint64_t *slots, size_t nslots, uint64_t h)
{
	size_t i = (size_t)h & (nslots - 1);

	while (slots[i] != 0) {
		if (slots[i] == h)
			return 0;
		i = (i + 1) & (nslots - 1);
	}
	slots[i] = h;
	return 1;
}

/* Make room for one more hash: grow at half full, forget all at the cap
 * (terms then queue again, and the table ignores the duplicates). */
static int
seen_room(struct fts_terms *t)
{
	size_t n = t->nseen ? t->nseen * 2 : SEEN_MIN;
	uint64_t *slots;

	if (t->nseen != 0 && t->used < t->nseen / 2)
		return 0;
	if (n > SEEN_MAX) {
		memset(t->seen, 0, t->nseen * sizeof *t->seen);
		t->used = 0;
		return 0;
	}
	if ((slots = calloc(n, sizeof *slots)) == NULL)
		return -1;
	for (size_t i = 0; i < t->nseen; i++) {
		if (t->seen[i] != 0)
			seen_add(slots, n, t->seen[i]);
	}
	free(t->seen);
	t->seen = slots;
	t->nseen = n;
	return 0;
}

static int
term_record(struct fts_terms *t, const char *s, size_t n)
{
	uint64_t h = term_hash(s, n);

	if (t->recent[h & (RECENT - 1)] == h)
		return SQLITE_OK;
	t->recent[h & (RECENT - 1)] = h;
	if (seen_room(t) < 0)
		return SQLITE_NOMEM;
	if (!seen_add(t->seen, t->nseen, h))
		return SQLITE_OK;
	t->used++;
	if (t->qlen + n + 1 > t->qcap) {
		size_t cap = (t->qcap + n + 1) * 2;
		char *q = realloc(t->queue, cap);

		if (q == NULL)
			return SQLITE_NOMEM;
		t->queue = q;
		t->qcap = cap;
	}
	memcpy(t->queue + t->qlen, s, n);
	t->queue[t->qlen + n] = '\0';
	t->qlen += n + 1;
	return SQLITE_OK;
}

/* luot_terms_flush(): write the queued terms to the table "term". */
static void
terms_flush(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct fts_terms *t = sqlite3_user_data(ctx);
	sqlite3_stmt *st;
	int rc;

	(void)argc;
	(void)argv;
	if (t->qlen == 0)
		return;
	rc = sqlite3_prepare_v2(sqlite3_context_db_handle(ctx),
	    "INSERT OR IGNORE INTO term (t) VALUES (?1)", -1, &st, NULL);
	for (size_t i = 0; rc == SQLITE_OK && i < t->qlen; i += strlen(t->queue + i) + 1) {
		sqlite3_bind_text(st, 1, t->queue + i, -1, SQLITE_STATIC);
		if ((rc = sqlite3_step(st)) == SQLITE_DONE)
			rc = sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_OK) {
		sqlite3_result_error_code(ctx, rc);
		return;
	}
	t->qlen = 0;
}

static void
terms_free(void *p)
{
	struct fts_terms *t = p;

	free(t->seen);
	free(t->queue);
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

	if (rc == SQLITE_OK && c->terms != NULL)
		rc = term_record(c->terms, s, n);
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
	if (!(flags & FTS5_TOKENIZE_QUERY))
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
