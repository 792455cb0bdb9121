/*
 * snippet.c: luot_snippet(), the text shown under a search hit.
 *
 *   luot_snippet(article_fts, ntokens)
 *
 * About ntokens words of the body or the captions around the matches,
 * the matches between \x01 and \x02 (words apart by spaces alone in one
 * mark), "…" where the text goes on. It differs from FTS5's snippet() in
 * what it shows a reader who sees the title on the line above:
 *  - never the title, the author or the source: a hit there alone shows
 *    the opening of the body, which says what the article is about;
 *  - the window holds the most distinct phrases of the query, and starts
 *    a few words before its first match, at the start of a sentence when
 *    one is that near, so the match comes with what leads to it;
 *  - it is cut only where there is a space ("2-1" stays whole), and
 *    "…" stands only where a sentence is cut.
 * Like fts.c and rank.c, this file is also compiled into the loadable
 * extension.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#ifndef LUOT_EXTENSION
#include <sqlite3.h>
#endif

#include "snippet.h"
#include "text.h"

/* The columns a snippet is taken from (store-schema.c's order). */
#define COL_BODY 1
#define COL_CAPTIONS 2

#define ELLIPSIS "\xe2\x80\xa6"

struct tok_span {
	int start, end;		/* bytes of the word in the column's text */
};

/* The words of a column's text, as the index counts them. */
struct words {
	struct tok_span *v;
	int n, cap;
	int limit;		/* words read at most: a snippet needs a few
				 * past its start, not all of a long text */
	int more;		/* there are words past the limit */
};

static int
add_token(void *ctx, int flags, const char *token, int ntoken, int start, int end)
{
	struct words *w = ctx;

	(void)token;
	(void)ntoken;
	/* Colocated forms (the exact form of a folded word) share its place. */
	if (flags & FTS5_TOKEN_COLOCATED)
		return SQLITE_OK;
	if (w->n == w->limit) {
		w->more = 1;
		return SQLITE_DONE;	/* stops the tokenizer */
	}
	if (w->n == w->cap) {
		int cap = w->cap ? w->cap * 2 : 256;
		struct tok_span *v = realloc(w->v, (size_t)cap * sizeof *v);

		if (v == NULL)
			return SQLITE_NOMEM;
		w->v = v;
		w->cap = cap;
	}
	w->v[w->n++] = (struct tok_span){ start, end };
	return SQLITE_OK;
}

/* A match of the query: a phrase's words from off in column col. */
struct inst {
	int phrase, col, off, len;
};

/* Matches looked at as the start of a window: a common word in a long
 * text has thousands, and the first ones are as good a place as any. */
#define ANCHORS_MAX 256

/*
 * The window [start, start + n) around match i scored: 1000 a distinct
 * phrase, and 1 a match. FTS5 gives the matches in the order of the text,
 * so only those near i are looked at.
 */
static long
window_score(const struct inst *v, int ninst, int i, int start, int n)
{
	uint64_t seen = 0;
	long score = 0;
	int k = i;

	while (k > 0 && v[k - 1].col == v[i].col && v[k - 1].off >= start)
		k--;
	for (; k < ninst && v[k].col == v[i].col && v[k].off < start + n; k++) {
		if (v[k].off + v[k].len > start + n)
			continue;
		if (!(seen & ((uint64_t)1 << (v[k].phrase & 63))))
			score += 1000;
		seen |= (uint64_t)1 << (v[k].phrase & 63);
		score++;
	}
	return score;
}

/* Does the word k begin a sentence (or the text)? */
static int
starts_sentence(const char *text, const struct words *w, int k)
{
	if (k == 0)
		return 1;
	for (int i = w->v[k].start; i-- > w->v[k - 1].end;) {
		if (strchr(".!?:\n", text[i]) != NULL)
			return 1;
	}
	return 0;
}

/* Append n bytes to a growing string; 0 or SQLITE_NOMEM. */
struct out {
	char *s;
	size_t len, cap;
};

static int
out_add(struct out *o, const char *s, size_t n)
{
	if (o->len + n + 1 > o->cap) {
		size_t cap = (o->len + n + 1) * 2;
		char *p = realloc(o->s, cap);

		if (p == NULL)
			return SQLITE_NOMEM;
		o->s = p;
		o->cap = cap;
	}
	memcpy(o->s + o->len, s, n);
	o->len += n;
	o->s[o->len] = '\0';
	return SQLITE_OK;
}

static int
has_space(const char *s, int n)
{
	for (int i = 0; i < n; i++) {
		if (s[i] == ' ' || s[i] == '\n')
			return 1;
	}
	return 0;
}

/*
 * The words [first, last) of text, those with mark[k - first] set between
 * \x01 and \x02, "…" where the text goes on before or after.
 */
static int
put_window(struct out *o, const char *text, int len, const struct words *w, int first, int last,
    const unsigned char *mark)
{
	int rc = SQLITE_OK, open = 0, end = w->v[last - 1].end;

	if (!starts_sentence(text, w, first))
		rc = out_add(o, ELLIPSIS, strlen(ELLIPSIS));
	for (int k = first; k < last && rc == SQLITE_OK; k++) {
		const struct tok_span *t = &w->v[k];

		if (k > first) {
			int gap = t->start - w->v[k - 1].end;
			const char *g = text + w->v[k - 1].end;

			if (open && !(mark[k - first] && text_only_spaces(g, (size_t)gap))) {
				rc = out_add(o, "\x02", 1);
				open = 0;
			}
			if (rc == SQLITE_OK)
				rc = out_add(o, g, (size_t)gap);
		}
		if (rc == SQLITE_OK && mark[k - first] && !open) {
			rc = out_add(o, "\x01", 1);
			open = 1;
		}
		if (rc == SQLITE_OK)
			rc = out_add(o, text + t->start, (size_t)(t->end - t->start));
	}
	if (rc == SQLITE_OK && open)
		rc = out_add(o, "\x02", 1);
	/* The stop that ends the last sentence shown: then no "…". */
	while (rc == SQLITE_OK && end < len && strchr(".!?)\"", text[end]) != NULL)
		rc = out_add(o, text + end++, 1);
	if (rc == SQLITE_OK && (last < w->n ? !starts_sentence(text, w, last) : w->more))
		rc = out_add(o, ELLIPSIS, strlen(ELLIPSIS));
	return rc;
}

/* The column and window shown: the best among body and captions; with no
 * match in either, the opening of the body (or of the captions). */
struct choice {
	int col, start;
	int anchor;		/* the first match in the window */
};

static struct choice
choose(const Fts5ExtensionApi *api, Fts5Context *fts, const struct inst *v, int ninst, int n)
{
	struct choice best = { -1, 0, 0 };
	long best_score = 0;
	const char *text;
	int len = 0;

	for (int i = 0; i < ninst && i < ANCHORS_MAX; i++) {
		/* A few words before the match, for what leads to it. */
		int start = v[i].off - n / 4 > 0 ? v[i].off - n / 4 : 0;
		/* Then the window that starts at the longest phrase ("nước
		 * sạch" over a "nước" alone a little before it). */
		long score = window_score(v, ninst, i, start, n) + 100L * v[i].len;

		if (score > best_score) {
			best_score = score;
			best = (struct choice){ v[i].col, start, v[i].off };
		}
	}
	if (best.col < 0) {
		best.col = api->xColumnText(fts, COL_BODY, &text, &len) == SQLITE_OK && len > 0 ?
		    COL_BODY : COL_CAPTIONS;
	}
	return best;
}

/* The matches in body and captions, into *pv (NULL when none). */
static int
read_insts(const Fts5ExtensionApi *api, Fts5Context *fts, struct inst **pv, int *pn)
{
	int rc, ninst = 0, n = 0;
	struct inst *v;

	*pv = NULL;
	*pn = 0;
	if ((rc = api->xInstCount(fts, &ninst)) != SQLITE_OK || ninst == 0)
		return rc;
	if ((v = malloc((size_t)ninst * sizeof *v)) == NULL)
		return SQLITE_NOMEM;
	for (int i = 0; i < ninst && rc == SQLITE_OK; i++) {
		int ip, ic, io;

		if ((rc = api->xInst(fts, i, &ip, &ic, &io)) == SQLITE_OK &&
		    (ic == COL_BODY || ic == COL_CAPTIONS))
			v[n++] = (struct inst){ ip, ic, io, api->xPhraseSize(fts, ip) };
	}
	*pv = v;
	*pn = n;
	return rc;
}

/* The snippet of the row into o, from the window chosen. */
static int
cut(const Fts5ExtensionApi *api, Fts5Context *fts, const struct inst *v, int ninst, int n,
    struct out *o)
{
	struct choice c = choose(api, fts, v, ninst, n);
	/* Room for the window and the numbers at its ends. */
	struct words w = { NULL, 0, 0, c.start + 2 * n + 16, 0 };
	unsigned char *mark = NULL;
	const char *text;
	int rc, len = 0, first, last;

	if ((rc = api->xColumnText(fts, c.col, &text, &len)) != SQLITE_OK || len == 0)
		goto out;
	rc = api->xTokenize(fts, text, len, &w, add_token);
	if (rc == SQLITE_DONE)
		rc = SQLITE_OK;
	if (rc != SQLITE_OK || w.n == 0)
		goto out;
	first = c.start < w.n ? c.start : 0;
	/* From the start of a sentence, if one starts among the words that
	 * lead to the match. */
	for (int k = first; k <= c.anchor && k < w.n; k++) {
		if (starts_sentence(text, &w, k)) {
			first = k;
			break;
		}
	}
	last = first + n < w.n ? first + n : w.n;
	/* Whole "2-1", "1.200", "25m": the index splits them, a reader not. */
	while (first > 0 && !has_space(text + w.v[first - 1].end, w.v[first].start - w.v[first - 1].end))
		first--;
	while (last < w.n && !has_space(text + w.v[last - 1].end, w.v[last].start - w.v[last - 1].end))
		last++;
	if ((mark = calloc((size_t)(last - first), 1)) == NULL) {
		rc = SQLITE_NOMEM;
		goto out;
	}
	for (int i = 0; i < ninst; i++) {
		for (int k = v[i].off; v[i].col == c.col && k < v[i].off + v[i].len; k++) {
			if (k >= first && k < last)
				mark[k - first] = 1;
		}
	}
	rc = put_window(o, text, len, &w, first, last, mark);
out:
	free(w.v);
	free(mark);
	return rc;
}

static void
snippet_fn(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx, int nval,
    sqlite3_value **val)
{
	int n = nval > 0 ? sqlite3_value_int(val[0]) : 24, ninst, rc;
	struct out o = { NULL, 0, 0 };
	struct inst *v;

	if (n < 1)
		n = 24;
	rc = read_insts(api, fts, &v, &ninst);
	if (rc == SQLITE_OK)
		rc = cut(api, fts, v, ninst, n, &o);
	free(v);
	if (rc != SQLITE_OK)
		sqlite3_result_error_code(ctx, rc);
	else if (o.s != NULL)
		sqlite3_result_text(ctx, o.s, (int)o.len, free);
	else
		sqlite3_result_null(ctx);
	if (rc != SQLITE_OK)
		free(o.s);
}

int
snippet_register(struct fts5_api *api)
{
	return api->xCreateFunction(api, "luot_snippet", NULL, snippet_fn, NULL);
}
