/*
 * store-suggest.c: "did you mean" (store.h). When a search finds (almost)
 * nothing, the query is tried again as a reader most likely meant it:
 *  - typed in Telex or VNI without a Vietnamese keyboard ("daan vaajn");
 *  - else one word changed: one mark slipped in a word typed with marks
 *    ("dân vân": vận), among the spellings of its letters the index
 *    holds; or one letter wrong, missing, extra or swapped in a word typed
 *    without marks that the index does not hold ("nguoj": nguoi), among
 *    the folded terms it holds.
 * Of the changed words, the one that stands most often next to the words
 * typed around it wins ("tham nhunh": nhung, not nhanh, which finds more
 * articles but rarely after "tham"), and it must find more than the query
 * did. Nothing is ever rewritten silently.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>
#include <unicase.h>

#include "query.h"
#include "store.h"
#include "store-int.h"
#include "telex.h"
#include "text.h"
#include "tokenize.h"
#include "util.h"

/* Words changed at most, each counted twice at most, for one suggestion. */
#define TRIES_MAX 24
/* A word typed without marks gets letter edits from this length on:
 * shorter ones are real words next to many others. */
#define TYPO_MIN 3
/* Most words of a query looked at. */
#define WORDS_MAX 16
/* A word alone is scored by its articles up to this many: common words
 * should not tie. */
#define ALONE_CAP 100000
/* Readings are counted among this many newest articles: counting a rare
 * phrase of common words reads every article holding them (a second
 * at 1M). */
#define SUGGEST_SPAN 5000

struct suggest {
	struct store *s;
	const char *text;	/* the query as typed */
	struct tok_word words[WORDS_MAX];
	int other[WORDS_MAX];	/* the word may be read otherwise */
	int nwords, at;		/* the word being changed */
	char *best;		/* the reading kept, or NULL */
	int64_t best_score, best_n, hits;
	int64_t floor;		/* a reading's score must pass this */
	int64_t since;		/* the key readings are counted from */
	int apart;		/* the query finds articles, its words rarely
				 * together: a reading must beat that by far */
	int tries;
};

/* Does the index hold term t (tokenize.h's form)? (A term's row stays
 * when its last article goes: n is 0 then.) */
static int
has_term(struct store *s, const char *t, size_t n)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT 1 FROM term WHERE t = ?1 AND n > 0");
	int found;

	if (st == NULL)
		return 0;
	sqlite3_bind_text(st, 1, t, (int)n, SQLITE_TRANSIENT);
	found = sqlite3_step(st) == SQLITE_ROW;
	store_stmt_done(s, st);
	return found;
}

/* Articles text finds from the key since up, up to cap; -1 on an error
 * or no words. is:unread is left out: it reads each hit's row (24
 * readings of 'is:unread ma tuy' took 300 ms at 1M), and a spelling is
 * judged by its words. */
static int64_t
count_of(struct store *s, const char *text, long cap, int64_t since)
{
	struct query q;
	int64_t n = -1;

	store_parse_query(s, text, &q);
	q.unread = 0;
	if (query_empty(&q) || store_count_from(s, &q, cap, since, &n) < 0)
		n = -1;
	query_free(&q);
	return n;
}

/* w as the typed word was: capitalised when it was. */
static char *
cased_like(const char *typed, const char *w, size_t n)
{
	uint32_t c;
	struct buf b;
	int k;

	text_next(typed, strnlen(typed, 4), &c);
	if (!text_is_upper(c) || n == 0)
		return xstrndup(w, n);
	k = text_next(w, n, &c);
	buf_init(&b);
	text_put(&b, uc_toupper(c));
	buf_add(&b, w + k, n - (size_t)k);
	return buf_detach(&b);
}

/* The typed text of word i. */
static const char *
word_text(const struct suggest *g, int i, int *len)
{
	*len = (int)(g->words[i].end - g->words[i].start);
	return g->text + g->words[i].start;
}

/* Is w a word to correct: not a filter's name or value, not a prefix,
 * not a number? */
static int
correctable(const char *text, const struct tok_word *w)
{
	if (w->start > 0 && text[w->start - 1] == ':')
		return 0;
	if (w->start > 0 && text[w->start - 1] == '-')
		return 0;	/* excluded: no reading of it finds more */
	if (text[w->end] == ':' || text[w->end] == '*')
		return 0;
	for (size_t i = 0; i < w->nfolded; i++) {
		if (w->folded[i] < 'a' || w->folded[i] > 'z')
			return 0;
	}
	return 1;
}

/* Is word j typed right next to word i (spaces between), a plain word? */
static int
beside(const struct suggest *g, int i, int j)
{
	const struct tok_word *a, *b;

	if (j < 0 || j >= g->nwords || !correctable(g->text, &g->words[j]))
		return 0;
	a = &g->words[i < j ? i : j];
	b = &g->words[i < j ? j : i];
	for (size_t k = a->end; k < b->start; k++) {
		if (g->text[k] != ' ')
			return 0;
	}
	return 1;
}

/*
 * How often word (n bytes) stands between the words typed around word i
 * (a phrase of them), or, typed alone, how many articles hold it.
 */
static int64_t
score_of(struct suggest *g, int i, const char *word, int n)
{
	int pl = 0, nl = 0;
	const char *prev = beside(g, i, i - 1) ? word_text(g, i - 1, &pl) : "";
	const char *next = beside(g, i, i + 1) ? word_text(g, i + 1, &nl) : "";
	char *near = xasprintf("\"%.*s %.*s %.*s\"", pl, prev, n, word, nl, next);
	int64_t score = count_of(g->s, near, pl + nl > 0 ? STORE_SUGGEST_COUNT + 1 : ALONE_CAP,
	    g->since);

	free(near);
	return score;
}

/* Score the query with word g->at replaced by w (score_of); ties go to
 * the reading that finds more. */
static void
try_reading(struct suggest *g, const char *w, size_t n)
{
	const struct tok_word *at = &g->words[g->at];
	char *word = cased_like(g->text + at->start, w, n), *reading;
	int64_t score, found;

	g->tries++;
	reading = xasprintf("%.*s%s%s", (int)at->start, g->text, word, g->text + at->end);
	score = score_of(g, g->at, word, (int)strlen(word));
	found = score > g->floor ? count_of(g->s, reading, STORE_SUGGEST_COUNT + 1, g->since) :
	    -1;
	if (found > (g->apart ? 0 : g->hits) && (score > g->best_score ||
	    (score == g->best_score && found > g->best_n))) {
		free(g->best);
		g->best = reading;
		g->best_score = score;
		g->best_n = found;
		reading = NULL;
	}
	free(reading);
	free(word);
}

static int
first_word(const struct tok_word *w, void *ctx)
{
	*(struct tok_word *)ctx = *w;
	return 1;
}

/*
 * Marks that differ between two exact forms of the same folded word: a
 * letter (â for a, ơ for ô, đ for d) counts one, a tone one.
 */
static int
marks_apart(const struct tok_word *a, const struct tok_word *b)
{
	size_t na = a->nexact - (a->tone != 0), nb = b->nexact - (b->tone != 0);
	size_t i = 0, j = 0;
	int d = a->tone != b->tone;

	while (i < na && j < nb) {
		uint32_t ca, cb;
		size_t la = (size_t)text_next(a->exact + i, na - i, &ca);
		size_t lb = (size_t)text_next(b->exact + j, nb - j, &cb);

		d += la != lb || memcmp(a->exact + i, b->exact + j, la) != 0;
		i += la;
		j += lb;
	}
	return d + (i < na || j < nb);
}

/* telex_spellings' callback: a spelling with marks, one mark away from
 * the typed word, that the index holds. (Without marks it would find
 * every spelling, more than any one.) */
static int
try_spelling(const char *spelling, void *ctx)
{
	struct suggest *g = ctx;
	struct tok_word w;

	if (g->tries >= TRIES_MAX)
		return 1;
	if (tok_split(spelling, strlen(spelling), first_word, &w) == 1 && w.diacritics &&
	    marks_apart(&w, &g->words[g->at]) == 1 && has_term(g->s, w.exact, w.nexact))
		try_reading(g, spelling, strlen(spelling));
	return 0;
}

/* Folded terms one letter edit away from w that the index holds. */
static void
try_typos(struct suggest *g, const char *w, size_t n)
{
	char e[TOK_MAX + 2];

	for (size_t i = 0; i <= n && g->tries < TRIES_MAX; i++) {
		/* Dropped, swapped, replaced at i; inserted before i. */
		for (int kind = 0; kind < 4; kind++) {
			for (char c = 'a'; c <= 'z' && g->tries < TRIES_MAX; c++) {
				size_t len = n;

				memcpy(e, w, n);
				if (kind == 0 && i < n && c == 'a')
					memmove(e + i, e + i + 1, n - i - 1), len = n - 1;
				else if (kind == 1 && i + 1 < n && c == 'a' && w[i] != w[i + 1])
					e[i] = w[i + 1], e[i + 1] = w[i];
				else if (kind == 2 && i < n && c != w[i])
					e[i] = c;
				else if (kind == 3) {
					memmove(e + i + 1, w + i, n - i);
					e[i] = c;
					len = n + 1;
				} else
					continue;
				if (len > 0 && has_term(g->s, e, len))
					try_reading(g, e, len);
			}
		}
	}
}


static int
add_word(const struct tok_word *w, void *ctx)
{
	struct suggest *g = ctx;

	if (g->nwords == WORDS_MAX)
		return 1;
	g->words[g->nwords++] = *w;
	return 0;
}

/* Found, but do the words typed stand together fewer than
 * STORE_SUGGEST_BELOW times? ("Đà Năng": 971 articles, 2 with Đà Năng.) */
static int
rarely_together(struct suggest *g)
{
	const char *from, *to;
	char *phrase;
	int64_t n;

	if (g->nwords < 2)
		return 0;
	for (int i = 0; i < g->nwords; i++) {
		if (!correctable(g->text, &g->words[i]))
			return 0;
	}
	from = g->text + g->words[0].start;
	to = g->text + g->words[g->nwords - 1].end;
	if (memchr(from, '"', (size_t)(to - from)) != NULL)
		return 0;
	phrase = xasprintf("\"%.*s\"", (int)(to - from), from);
	n = count_of(g->s, phrase, STORE_SUGGEST_BELOW, g->since);
	free(phrase);
	return n >= 0 && n < STORE_SUGGEST_BELOW;
}

/*
 * Mark the words that may have another reading: typed with marks (others
 * of its spellings), or without and not in the index (letter edits); a
 * word the index holds, typed without marks, has none. Returns how many.
 */
static int
mark_others(struct suggest *g)
{
	int k = 0;

	for (int i = 0; i < g->nwords; i++) {
		const struct tok_word *w = &g->words[i];

		g->other[i] = correctable(g->text, w) && (w->diacritics ||
		    (w->nfolded >= TYPO_MIN && !has_term(g->s, w->folded, w->nfolded)));
		k += g->other[i];
	}
	return k;
}

char *
store_suggest(struct store *s, const char *text, long hits, int64_t *n)
{
	struct suggest *g;
	char *alt, *best;

	*n = 0;
	/* Telex first: a whole query typed so is no slip of one word. */
	if (hits < STORE_SUGGEST_BELOW && (alt = telex_to_vietnamese(text)) != NULL) {
		int64_t found = count_of(s, alt, STORE_SUGGEST_COUNT + 1, 0);

		if (found > hits) {
			*n = found;
			return alt;
		}
		free(alt);
	}
	g = xcalloc(1, sizeof *g);
	g->s = s;
	g->text = text;
	g->hits = hits;
	tok_split(text, strlen(text), add_word, g);
	/* Nothing to offer: no count at all (the search pane asks at every
	 * ranked search). */
	if (mark_others(g) == 0) {
		free(g);
		return NULL;
	}
	g->since = store_key_of_newest(s, SUGGEST_SPAN);
	if (hits >= STORE_SUGGEST_BELOW && !(g->apart = rarely_together(g))) {
		free(g);
		return NULL;
	}
	for (g->at = 0; g->at < g->nwords && g->tries < TRIES_MAX; g->at++) {
		const struct tok_word *w = &g->words[g->at];

		if (!g->other[g->at])
			continue;
		/* Words that stand apart: a reading must stand together ten
		 * times as often as they do, and at least ten times. */
		if (g->apart)
			g->floor = 10 * (score_of(g, g->at, text + w->start,
			    (int)(w->end - w->start)) + 1) - 1;
		if (w->diacritics)
			telex_spellings(w->folded, try_spelling, g);
		else
			try_typos(g, w->folded, w->nfolded);
	}
	best = g->best;
	/* Said of all the articles, not only the newest counted. */
	*n = best == NULL ? 0 : g->since == 0 ? g->best_n :
	    count_of(s, best, STORE_SUGGEST_COUNT + 1, 0);
	free(g);
	return best;
}
