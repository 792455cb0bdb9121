/*
 * worddiff.c: see worddiff.h.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "worddiff.h"

/* A word: where it stands, and its hash to compare by first. */
struct word {
	size_t start, end;
	uint64_t hash;
};

static int
is_gap(char c)
{
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\0';
}

/* The words of n bytes at s, in order; *count of them. */
static struct word *
words_of(const char *s, size_t n, size_t *count)
{
	struct word *v = NULL;
	size_t k = 0, cap = 0, i = 0;

	while (i < n) {
		while (i < n && is_gap(s[i]))
			i++;
		if (i >= n)
			break;
		if (k == cap) {
			cap = cap ? cap * 2 : 256;
			v = xrealloc(v, cap * sizeof *v);
		}
		v[k].start = i;
		v[k].hash = 1469598103934665603ULL;	/* FNV-1a */
		while (i < n && !is_gap(s[i])) {
			v[k].hash = (v[k].hash ^ (unsigned char)s[i]) * 1099511628211ULL;
			i++;
		}
		v[k++].end = i;
	}
	*count = k;
	return v;
}

static int
same(const char *a, const struct word *x, const char *b, const struct word *y)
{
	return x->hash == y->hash && x->end - x->start == y->end - y->start &&
	    memcmp(a + x->start, b + y->start, x->end - x->start) == 0;
}

static int
by_hash(const void *p, const void *q)
{
	uint64_t x = *(const uint64_t *)p, y = *(const uint64_t *)q;

	return x < y ? -1 : x > y;
}

/* Too far apart for the edit: the words of a whose hash b lacks. */
static size_t
absent(const struct word *wa, size_t na, const struct word *wb, size_t nb,
    struct worddiff_span **out)
{
	uint64_t *h = xcalloc(nb + 1, sizeof *h);
	size_t k = 0;

	for (size_t j = 0; j < nb; j++)
		h[j] = wb[j].hash;
	qsort(h, nb, sizeof *h, by_hash);
	*out = NULL;
	for (size_t i = 0; i < na; i++) {
		if (nb > 0 && bsearch(&wa[i].hash, h, nb, sizeof *h, by_hash) != NULL)
			continue;
		*out = xrealloc(*out, (k + 1) * sizeof **out);
		(*out)[k++] = (struct worddiff_span){ wa[i].start, wa[i].end };
	}
	free(h);
	return k;
}

/*
 * Myers's greedy walk, each round's furthest x for every diagonal k kept
 * (round d holds 2d + 1 of them, so D rounds cost D squared): x walks
 * the words of a, y those of b, k = x - y. Returns the rounds it took,
 * or -1 past WORDDIFF_MAX_EDITS; *trace holds them, round d at d * d.
 */
static long
walk(const char *a, const struct word *wa, long n, const char *b, const struct word *wb, long m,
    long **trace)
{
	long max = n + m < WORDDIFF_MAX_EDITS ? n + m : WORDDIFF_MAX_EDITS;
	long *v = xcalloc((size_t)(2 * max + 3), sizeof *v), *t = NULL, off = max + 1;
	size_t used = 0;

	for (long d = 0; d <= max; d++) {
		t = xrealloc(t, (used + (size_t)(2 * d + 1)) * sizeof *t);
		for (long k = -d; k <= d; k += 2) {
			long x, y;

			if (k == -d || (k != d && v[off + k - 1] < v[off + k + 1]))
				x = v[off + k + 1];		/* a word of b alone */
			else
				x = v[off + k - 1] + 1;		/* a word of a alone */
			y = x - k;
			while (x < n && y < m && same(a, &wa[x], b, &wb[y])) {
				x++;
				y++;
			}
			v[off + k] = x;
			if (x >= n && y >= m) {
				for (long j = -d; j <= d; j++)
					t[used + (size_t)(j + d)] = v[off + j];
				free(v);
				*trace = t;
				return d;
			}
		}
		for (long j = -d; j <= d; j++)
			t[used + (size_t)(j + d)] = v[off + j];
		used += (size_t)(2 * d + 1);
	}
	free(v);
	free(t);
	return -1;
}

size_t
worddiff(const char *a, size_t n, const char *b, size_t m, struct worddiff_span **out)
{
	size_t na, nb, k = 0;
	struct word *wa = words_of(a, n, &na), *wb = words_of(b, m, &nb);
	long *trace = NULL, d = walk(a, wa, (long)na, b, wb, (long)nb, &trace);
	long x = (long)na, y = (long)nb;

	*out = NULL;
	if (d < 0) {
		k = absent(wa, na, wb, nb, out);
		free(wa);
		free(wb);
		return k;
	}
	/* Back from the end: each round's step, a's words alone marked. */
	for (; d > 0; d--) {
		const long *prev = trace + (size_t)((d - 1) * (d - 1));	/* round d - 1 */
		long kk = x - y, pk, px;

#define PREV(j) prev[(j) + (d - 1)]
		if (kk == -d || (kk != d && PREV(kk - 1) < PREV(kk + 1)))
			pk = kk + 1;
		else
			pk = kk - 1;
		px = PREV(pk);
#undef PREV
		if (pk == kk - 1) {
			/* Right from (px, px - pk): a's word px is a's alone. */
			*out = xrealloc(*out, (k + 1) * sizeof **out);
			(*out)[k++] = (struct worddiff_span){ wa[px].start, wa[px].end };
		}
		x = px;
		y = px - pk;
	}
	free(trace);
	free(wa);
	free(wb);
	/* Found from the end: in order. */
	for (size_t i = 0; i < k / 2; i++) {
		struct worddiff_span s = (*out)[i];

		(*out)[i] = (*out)[k - 1 - i];
		(*out)[k - 1 - i] = s;
	}
	return k;
}
