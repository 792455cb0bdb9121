/*
 * store-prefix.c: a prefix read as the terms of the index it covers
 * (the table "term", fts.h), store_parse_query() in store.h. FTS5 answers
 * "t"* by merging the posting lists of every term it covers before its
 * first hit, which at a million articles takes a minute; an OR of terms
 * is read lazily, but each term costs a look-up in every segment of the
 * index, and the more articles they hold the more a ranked page reads.
 * So a prefix that covers many terms is read as its most frequent ones,
 * within a count of terms and of the articles they hold, and the query
 * says so (query_cut); a rarer word is a longer prefix away.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "query.h"
#include "store.h"
#include "store-int.h"
#include "tokenize.h"
#include "util.h"

/*
 * The prefixes of a query are read as PREFIX_TERMS of their terms at
 * most, the most frequent, which hold together at most PREFIX_SHARE
 * times the articles of the store (PREFIX_FLOOR articles at least); the
 * prefixes share both bounds evenly, and each keeps one term at least.
 * Each term costs a look-up in every segment of the index, and a ranked
 * page reads every entry of its terms among the newest hits: the first
 * bound keeps the first, the second the second, whatever the corpus
 * (figures in tests/bench/README.md).
 */
#define PREFIX_TERMS 16
#define PREFIX_SHARE 2
#define PREFIX_FLOOR 20000

static int
first_form(const struct tok_word *w, void *ctx)
{
	struct buf *b = ctx;
	const char *form;
	size_t n = tok_query_form(w, 1, &form);

	buf_add(b, form, n);
	return 1;
}

static int
note_folded(const struct tok_word *w, void *ctx)
{
	const char *t = ctx;

	return w->start == 0 && w->end == strlen(t) && !w->diacritics &&
	    w->nfolded == w->end && memcmp(w->folded, t, w->nfolded) == 0 ? 1 : 2;
}

static int
is_ascii(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if ((unsigned char)s[i] >= 0x80)
			return 0;
	}
	return 1;
}

/* Is the term t a folded form (tokenize.h), not an exact one? */
static int
term_is_folded(const char *t)
{
	const char *c;

	for (c = t; *c && (unsigned char)*c < 0x80; c++) {
		if (*c >= 'A' && *c <= 'Z')	/* a tone letter */
			return 0;
	}
	/* ASCII without a tone letter: as folded as it gets. */
	return *c == '\0' || tok_split(t, strlen(t), note_folded, (void *)t) == 1;
}

/* A term the prefix covers, and its articles. */
struct term_n {
	char *t;
	int64_t n;
};

/* Most frequent first; the same order every time. */
static int
by_articles(const void *a, const void *b)
{
	const struct term_n *x = a, *y = b;

	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	return strcmp(x->t, y->t);
}

/*
 * The terms of the index from lo up to (not with) hi that hold articles;
 * with folded set, the folded ones only (an ASCII prefix: each exact term
 * it covers stands where a folded one it covers stands too). Returns how
 * many are in *out (the caller frees them), or -1.
 */
static long
terms_between(struct store *s, const struct buf *lo, const struct buf *hi, int folded,
    struct term_n **out)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT t, n FROM term WHERE t >= ?1 AND t < ?2 AND n > 0");
	long len = 0, cap = 0;
	int rc;

	*out = NULL;
	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, lo->data, (int)lo->len, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, hi->data, (int)hi->len, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *t = store_col(st, 0);

		if (folded && !term_is_folded(t))
			continue;
		if (len == cap) {
			cap = cap ? 2 * cap : 64;
			*out = xrealloc(*out, (size_t)cap * sizeof **out);
		}
		(*out)[len++] = (struct term_n){ xstrdup(t), sqlite3_column_int64(st, 1) };
	}
	store_stmt_done(s, st);
	if (rc != SQLITE_DONE) {
		for (long i = 0; i < len; i++)
			free((*out)[i].t);
		free(*out);
		*out = NULL;
		return store_db_fail(s);
	}
	return len;
}

/* The most articles a prefix's terms may hold together. */
static int64_t
articles_cap(struct store *s)
{
	int64_t n = 0;

	if (s->prefix_articles > 0)
		return s->prefix_articles;
	/* key_count has a row for each 11 days: a small sum. */
	if (store_int_query(s, "SELECT total(n) FROM key_count", &n) < 0 || n < PREFIX_FLOOR)
		n = PREFIX_FLOOR;
	return PREFIX_SHARE * n;
}

/* How many of the terms, most frequent first, fit a share of the
 * store's bounds: one at least. */
static long
terms_kept(struct store *s, const struct term_n *v, long len, int among)
{
	long most = (s->prefix_terms > 0 ? s->prefix_terms : PREFIX_TERMS) / among;
	int64_t articles = 0, cap = articles_cap(s) / among;
	long k;

	for (k = 0; k < len; k++) {
		if (k > 0 && (k >= most || articles + v[k].n > cap))
			break;
		articles += v[k].n;
	}
	return k;
}

/* query_expand_fn: the terms of the index the prefix word covers, as a
 * group; the most frequent ones only when they are too many for its
 * share. */
static char *
expand_prefix(const char *word, int among, void *vs, long *used, long *of)
{
	struct store *s = vs;
	struct buf lo, hi, g;
	struct term_n *v;
	long len;

	buf_init(&lo);
	tok_split(word, strlen(word), first_form, &lo);
	if (lo.len == 0 || (unsigned char)lo.data[lo.len - 1] == 0xFF) {
		buf_free(&lo);
		return NULL;
	}
	buf_init(&hi);
	buf_add(&hi, lo.data, lo.len);
	hi.data[hi.len - 1]++;	/* the first string past the prefix */
	len = terms_between(s, &lo, &hi, is_ascii(lo.data, lo.len), &v);
	buf_free(&hi);
	if (len < 0) {
		buf_free(&lo);
		return NULL;
	}
	if (len > 0)	/* v is NULL then: qsort() may not be given it */
		qsort(v, (size_t)len, sizeof *v, by_articles);
	*of = len;
	*used = terms_kept(s, v, len, among > 0 ? among : 1);
	buf_init(&g);
	buf_adds(&g, TOK_GROUP_MARK);
	for (long i = 0; i < *used; i++) {
		if (i > 0)
			buf_adds(&g, TOK_GROUP_SEP);
		buf_adds(&g, v[i].t);
	}
	if (len == 0)		/* no term: the prefix itself, which finds nothing */
		buf_add(&g, lo.data, lo.len);
	for (long i = 0; i < len; i++)
		free(v[i].t);
	free(v);
	buf_free(&lo);
	return buf_detach(&g);
}

void
store_parse_query(struct store *s, const char *text, struct query *q)
{
	query_parse_with(text, q, expand_prefix, s);
}

void
store_set_prefix_cap(struct store *s, long terms, long articles)
{
	s->prefix_terms = terms > 0 ? terms : 0;
	s->prefix_articles = articles > 0 ? articles : 0;
}
