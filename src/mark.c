/*
 * mark.c: the words a search sought, found again in text (mark.h).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "mark.h"
#include "text.h"
#include "tokenize.h"
#include "util.h"

void
mark_words_free(struct mark_words *m)
{
	free(m->v);
	free(m->prefix);
	free(m->item);
	*m = (struct mark_words){ NULL, NULL, NULL, 0 };
}

struct adding {
	struct mark_words *m;
	size_t item;
};

static int
add_word(const struct tok_word *w, void *ctx)
{
	struct adding *a = ctx;
	struct mark_words *m = a->m;

	m->v = xrealloc(m->v, (m->n + 1) * sizeof *m->v);
	m->prefix = xrealloc(m->prefix, (m->n + 1) * sizeof *m->prefix);
	m->item = xrealloc(m->item, (m->n + 1) * sizeof *m->item);
	m->v[m->n] = *w;
	m->prefix[m->n] = 0;
	m->item[m->n] = a->item;
	m->n++;
	return 0;
}

void
mark_words_set(struct mark_words *m, const struct strlist *words)
{
	mark_words_free(m);
	for (size_t i = 0; words != NULL && i < words->len; i++) {
		const char *w = words->items[i];
		size_t len = strlen(w), before = m->n;
		struct adding a = { m, i };

		tok_split(w, len, add_word, &a);
		if (len > 0 && w[len - 1] == '*' && m->n > before)
			m->prefix[m->n - 1] = 1;
	}
}

static int
word_matches(const struct tok_word *w, const struct tok_word *q, int prefix)
{
	const char *a = q->diacritics ? w->exact : w->folded;
	size_t na = q->diacritics ? w->nexact : w->nfolded;
	const char *b = q->diacritics ? q->exact : q->folded;
	size_t nb = q->diacritics ? q->nexact : q->nfolded;

	/* A prefix typed with diacritics has no tone letter (tokenize.h). */
	if (prefix && q->diacritics && q->tone)
		nb--;
	return prefix ? na >= nb && memcmp(a, b, nb) == 0 : na == nb && memcmp(a, b, na) == 0;
}

int
mark_words_has(const struct mark_words *m, const struct tok_word *w)
{
	for (size_t i = 0; i < m->n; i++) {
		if (word_matches(w, &m->v[i], m->prefix[i]))
			return 1;
	}
	return 0;
}

/* The marked copy being built; an open mark takes in the next word
 * when only spaces stand between them. */
struct marking {
	const struct mark_words *m;
	const char *s;
	struct buf out;
	size_t done;		/* bytes of s copied */
	int open;		/* a mark is open at done */
};

static int
mark_word(const struct tok_word *w, void *ctx)
{
	struct marking *k = ctx;

	if (!mark_words_has(k->m, w))
		return 0;
	if (!k->open || !text_only_spaces(k->s + k->done, w->start - k->done)) {
		if (k->open)
			buf_add(&k->out, "\x02", 1);
		buf_add(&k->out, k->s + k->done, w->start - k->done);
		buf_add(&k->out, "\x01", 1);
		k->done = w->start;
	}
	buf_add(&k->out, k->s + k->done, w->end - k->done);
	k->done = w->end;
	k->open = 1;
	return 0;
}

char *
mark_text(const struct mark_words *m, const char *s, size_t n)
{
	struct marking k = { m, s, { NULL, 0, 0 }, 0, 0 };

	buf_init(&k.out);
	if (m->n > 0)
		tok_split(s, n, mark_word, &k);
	if (k.open)
		buf_add(&k.out, "\x02", 1);
	buf_add(&k.out, s + k.done, n - k.done);
	return buf_detach(&k.out);
}

/* Runs being matched: ok[i] when the words just read match the words
 * from..from+i, which began at start[i]. */
struct finding {
	const struct mark_words *m;
	const char *s;
	size_t from, len;
	int *ok;
	size_t *start;
	size_t end;		/* of the previous word */
	mark_found_fn fn;
	void *ctx;
};

static int
find_word(const struct tok_word *w, void *ctx)
{
	struct finding *f = ctx;
	/* "dân, số" is not "dân số", whatever the index says. */
	int joined = text_only_spaces(f->s + f->end, w->start - f->end);

	f->end = w->end;
	/* Backwards: ok[i - 1] is still the previous word's. */
	for (size_t i = f->len; i-- > 0;) {
		f->ok[i] = (i == 0 || (f->ok[i - 1] && joined)) &&
		    word_matches(w, &f->m->v[f->from + i], f->m->prefix[f->from + i]);
		f->start[i] = i == 0 ? w->start : f->start[i - 1];
	}
	return f->ok[f->len - 1] ? f->fn(f->start[f->len - 1], w->end, f->ctx) : 0;
}

int
mark_find(const struct mark_words *m, size_t from, size_t to, const char *s, size_t n,
    mark_found_fn fn, void *ctx)
{
	struct finding f = { m, s, from, to > m->n ? m->n - from : to - from, NULL, NULL, 0, fn,
	    ctx };
	int rc;

	if (from >= m->n || f.len == 0)
		return 0;
	f.ok = xcalloc(f.len, sizeof *f.ok);
	f.start = xcalloc(f.len, sizeof *f.start);
	rc = tok_split(s, n, find_word, &f);
	free(f.ok);
	free(f.start);
	return rc;
}
