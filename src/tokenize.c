/*
 * tokenize.c: see tokenize.h.
 *
 * This file is also compiled into the loadable SQLite extension
 * (fts-ext.c), where sqlite3ext.h routes the sqlite3_* calls.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#ifndef LUOT_EXTENSION
#include <sqlite3.h>
#endif

#include <unicase.h>
#include <uninorm.h>
#include <unistr.h>

#include "rank.h"
#include "text.h"
#include "tokenize.h"

/* What one code point contributes to a word. */
struct fold {
	char folded[8];		/* UTF-8, not NUL-terminated */
	char exact[8];
	unsigned char nfolded, nexact;
	char tone;
	unsigned char word;	/* 1: part of a word; 2: a combining mark */
	unsigned char diacritic;	/* folded != exact, or a tone */
	unsigned char slow;	/* forms too long for the table */
};

#define TABLE_SIZE 0x2000

static struct fold table[TABLE_SIZE];
static int table_ready;

/* Vietnamese tone marks and their Telex letters. */
static char
tone_letter(ucs4_t mark)
{
	switch (mark) {
	case 0x0301: return 'S';
	case 0x0300: return 'F';
	case 0x0309: return 'R';
	case 0x0303: return 'X';
	case 0x0323: return 'J';
	default: return 0;
	}
}

static void
append(char *dst, unsigned char *n, size_t cap, const uint8_t *src, size_t len,
    unsigned char *slow)
{
	if (*n + len > cap) {
		*slow = 1;
		return;
	}
	memcpy(dst + *n, src, len);
	*n += (unsigned char)len;
}

/* Compute the contribution of uc with libunistring (table build, and code
 * points past the table). */
static void
fold_compute(ucs4_t uc, struct fold *f)
{
	uint8_t one[6], cf[64], nfd[128], exact_nfd[128];
	size_t n1, ncf = sizeof cf, nnfd = sizeof nfd, nex = 0, i = 0;
	uint8_t *r;

	memset(f, 0, sizeof *f);
	if (!text_is_alnum(uc) && !text_has_class(uc, TEXT_MARK))
		return;
	f->word = text_has_class(uc, TEXT_MARK) && !text_is_alnum(uc) ? 2 : 1;
	n1 = (size_t)u8_uctomb(one, uc, sizeof one);
	r = u8_casefold(one, n1, NULL, NULL, cf, &ncf);
	if (r == NULL || r != cf) {
		free(r != cf ? r : NULL);
		f->slow = 1;
		return;
	}
	r = u8_normalize(UNINORM_NFD, cf, ncf, nfd, &nnfd);
	if (r == NULL || r != nfd) {
		free(r != nfd ? r : NULL);
		f->slow = 1;
		return;
	}
	while (i < nnfd) {
		ucs4_t c;
		int len = u8_mbtouc(&c, nfd + i, nnfd - i);
		char t = tone_letter(c);

		if (t) {
			if (!f->tone)
				f->tone = t;
		} else if (text_has_class(c, TEXT_MARK) && !text_is_alnum(c)) {
			memcpy(exact_nfd + nex, nfd + i, (size_t)len);	/* vowel mark */
			nex += (size_t)len;
		} else {
			const uint8_t *src = nfd + i;
			size_t sl = (size_t)len;

			if (c == 0x0111) {	/* đ folds to d */
				src = (const uint8_t *)"d";
				sl = 1;
			}
			append(f->folded, &f->nfolded, sizeof f->folded, src, sl, &f->slow);
			memcpy(exact_nfd + nex, nfd + i, (size_t)len);
			nex += (size_t)len;
		}
		i += (size_t)len;
	}
	{
		uint8_t ex[64];
		size_t nexc = sizeof ex;

		r = u8_normalize(UNINORM_NFC, exact_nfd, nex, ex, &nexc);
		if (r == NULL || r != ex) {
			free(r != ex ? r : NULL);
			f->slow = 1;
			return;
		}
		append(f->exact, &f->nexact, sizeof f->exact, ex, nexc, &f->slow);
	}
	f->diacritic = f->tone != 0 || f->nexact != f->nfolded ||
	    memcmp(f->exact, f->folded, f->nfolded) != 0;
}

void
tok_init(void)
{
	if (table_ready)
		return;
	text_init();
	for (ucs4_t uc = 0; uc < TABLE_SIZE; uc++)
		fold_compute(uc, &table[uc]);
	table_ready = 1;
}

/* Append the forms of one code point to the word. */
static void
word_add(struct tok_word *w, const struct fold *f)
{
	if (w->nfolded + f->nfolded <= TOK_MAX) {
		for (unsigned k = 0; k < f->nfolded; k++)
			w->folded[w->nfolded + k] = f->folded[k];
		w->nfolded += f->nfolded;
	}
	if (w->nexact + f->nexact <= TOK_MAX) {
		for (unsigned k = 0; k < f->nexact; k++)
			w->exact[w->nexact + k] = f->exact[k];
		w->nexact += f->nexact;
	}
	if (f->tone && !w->tone)
		w->tone = f->tone;
	if (f->diacritic)
		w->diacritics = 1;
}

/* The fold of one code point: from the table, or computed. */
static const struct fold *
fold_of(ucs4_t uc, struct fold *tmp)
{
	if (uc < TABLE_SIZE && !table[uc].slow)
		return &table[uc];
	fold_compute(uc, tmp);
	return tmp;
}

/* Fill w's forms from the word's bytes, composing combining marks first
 * (the slow path). */
static void
fold_word(const char *s, size_t n, struct tok_word *w)
{
	struct tok_word a;
	uint8_t *nfc = NULL;
	size_t nn = n, i = 0;
	int marks = 0;

	memset(&a, 0, sizeof a);
	a.start = w->start;
	a.end = w->end;
	/* Combining marks: compose first, so "o" + U+0323 + U+0302 is "ộ". */
	for (size_t k = 0; k < n; k++) {
		if ((unsigned char)s[k] == 0xCC || (unsigned char)s[k] == 0xCD) {
			marks = 1;
			break;
		}
	}
	if (marks) {
		nfc = u8_normalize(UNINORM_NFC, (const uint8_t *)s, n, NULL, &nn);
		if (nfc != NULL)
			s = (const char *)nfc;
		else
			nn = n;
	}
	while (i < nn) {
		uint32_t uc;
		struct fold tmp;
		int len = text_next(s + i, nn - i, &uc);

		word_add(&a, fold_of(uc, &tmp));
		i += (size_t)len;
	}
	free(nfc);
	*w = a;
}

static void
finish_word(struct tok_word *w)
{
	if (w->tone && w->nexact < TOK_MAX + 7)
		w->exact[w->nexact++] = w->tone;
	w->folded[w->nfolded] = '\0';
	w->exact[w->nexact] = '\0';
}

/* Start a word at byte i (the forms' buffers are not cleared: counts do). */
static void
word_begin(struct tok_word *w, size_t i)
{
	w->start = i;
	w->nfolded = w->nexact = 0;
	w->tone = 0;
	w->diacritics = 0;
}

int
tok_split(const char *text, size_t n, tok_fn fn, void *ctx)
{
	const unsigned char *p = (const unsigned char *)text;
	size_t i = 0;
	struct tok_word w;
	int in = 0, slow = 0, rc;

	tok_init();
	w.nfolded = w.nexact = 0;
	while (i <= n) {
		uint32_t uc = 0;
		int len = 1;
		const struct fold *f = NULL;
		struct fold tmp;

		if (i < n && p[i] < 0x80) {
			/* ASCII: a letter or digit is its own folded and exact form. */
			unsigned char c = p[i];

			if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
			    (c >= 'A' && c <= 'Z')) {
				if (!in) {
					word_begin(&w, i);
					in = 1;
					slow = 0;
				}
				if (c <= 'Z' && c >= 'A')
					c += 32;
				if (w.nfolded < TOK_MAX)
					w.folded[w.nfolded++] = (char)c;
				if (w.nexact < TOK_MAX)
					w.exact[w.nexact++] = (char)c;
				i++;
				continue;
			}
		} else if (i < n) {
			len = text_next(text + i, n - i, &uc);
			f = fold_of(uc, &tmp);
		}
		if (f != NULL && f->word && !(f->word == 2 && !in)) {
			if (!in) {
				word_begin(&w, i);
				in = 1;
				slow = 0;
			}
			if (f->word == 2 || uc >= TABLE_SIZE || f->slow)
				slow = 1;
			else
				word_add(&w, f);
		} else if (in) {
			w.end = i;
			if (slow)
				fold_word(text + w.start, w.end - w.start, &w);
			finish_word(&w);
			if ((rc = fn(&w, ctx)) != 0)
				return rc;
			in = 0;
		}
		i += (size_t)len;
	}
	return 0;
}

/*
 * The terms of the index, kept in the table "term" so that a prefix can be
 * turned into the list of terms it covers (store.c): FTS5 answers "dan*"
 * by merging the posting lists of every matching term into one before it
 * returns a row, hundreds of milliseconds at a million articles, while an
 * OR of those few terms is read lazily.
 *
 * Each connection remembers the hashes of the terms it has handed to FTS5
 * and queues the new ones; luot_terms_flush(), called by the triggers that
 * index an article, writes the queue to the table.
 */
#define SEEN_MIN 4096		/* slots at first */
#define SEEN_MAX (1u << 21)	/* slots at most (16 MiB); then start over */

#define RECENT 1024		/* a small front cache: most words are common */

struct tok_terms {
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
seen_room(struct tok_terms *t)
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
term_record(struct tok_terms *t, const char *s, size_t n)
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
	struct tok_terms *t = sqlite3_user_data(ctx);
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
	struct tok_terms *t = p;

	free(t->seen);
	free(t->queue);
	free(t);
}

/* The FTS5 side. A tokenizer object per table, with its connection's terms. */
struct luot_fts_tokenizer {
	struct tok_terms *terms;
};

struct fts_call {
	void *ctx;
	int flags;
	int (*xToken)(void *, int, const char *, int, int, int);
	struct tok_terms *terms;
};

size_t
tok_query_form(const struct tok_word *w, int prefix, const char **form)
{
	if (!w->diacritics) {
		*form = w->folded;
		return w->nfolded;
	}
	/* Prefix: drop the tone letter, which Telex types last. */
	*form = w->exact;
	return w->nexact - (prefix && w->tone ? 1 : 0);
}

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
 * to whoever inserted it to index (store.c, schema 8); the answer is the
 * function's user data. */
static void
index_later(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	(void)argv;
	sqlite3_result_int(ctx, sqlite3_user_data(ctx) != NULL);
}

int
tok_index_later(struct sqlite3 *db, int later)
{
	return sqlite3_create_function(db, "luot_index_later", 0, SQLITE_UTF8,
	    later ? (void *)db : NULL, index_later, NULL, NULL);
}

int
tok_register(struct sqlite3 *db)
{
	static fts5_tokenizer tokenizer = { fts_create, fts_delete, fts_tokenize };
	fts5_api *api = NULL;
	struct tok_terms *terms;
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
	if ((rc = tok_index_later(db, 0)) != SQLITE_OK)
		return rc;
	rc = api->xCreateTokenizer(api, "luot", terms, &tokenizer, NULL);
	/* The ranking function comes with the tokenizer: both are FTS5's,
	 * registered through the same fts5_api. */
	return rc == SQLITE_OK ? rank_register(api) : rc;
}
