/*
 * story.c: see story.h.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "story.h"
#include "tokenize.h"
#include "util.h"

/* MinHash values at or above this were borrowed by an empty bin. */
#define BORROWED (UINT64_MAX >> 1)

/* SplitMix64's finaliser: a 64-bit mix, cheap and well spread. */
static uint64_t
mix(uint64_t x)
{
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9ULL;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebULL;
	x ^= x >> 31;
	return x;
}

/* FNV-1a of n bytes, from h. */
static uint64_t
fnv(uint64_t h, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

/* The words' hashes, as they come. */
struct words {
	uint64_t *v;
	size_t n, cap;
};

static int
add_word(const struct tok_word *w, void *ctx)
{
	struct words *ws = ctx;

	if (ws->n == ws->cap) {
		ws->cap = ws->cap ? ws->cap * 2 : 256;
		ws->v = xrealloc(ws->v, ws->cap * sizeof *ws->v);
	}
	ws->v[ws->n++] = fnv(0xcbf29ce484222325ULL, w->folded, w->nfolded);
	return 0;
}

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* Sort v (n values) and keep each once; the count kept. */
static size_t
sort_unique(uint64_t *v, size_t n)
{
	size_t k = 0;

	qsort(v, n, sizeof *v, cmp_u64);
	for (size_t i = 0; i < n; i++) {
		if (k == 0 || v[i] != v[k - 1])
			v[k++] = v[i];
	}
	return k;
}

size_t
story_words(const char *text, size_t n, uint64_t **v)
{
	struct words ws = { NULL, 0, 0 };

	tok_split(text, n, add_word, &ws);
	*v = ws.v != NULL ? ws.v : xcalloc(1, sizeof **v);
	return sort_unique(*v, ws.n);
}

size_t
story_shingles(const char *text, size_t n, uint64_t **v)
{
	struct words ws = { NULL, 0, 0 };
	size_t m;

	tok_split(text, n, add_word, &ws);
	/* A text shorter than a shingle is one shingle of what it has. */
	m = ws.n >= STORY_SHINGLE ? ws.n - STORY_SHINGLE + 1 : ws.n > 0;
	*v = xcalloc(m ? m : 1, sizeof **v);
	for (size_t i = 0; i < m; i++) {
		uint64_t h = 0;

		for (size_t j = i; j < i + STORY_SHINGLE && j < ws.n; j++)
			h = mix(h ^ ws.v[j]);
		(*v)[i] = h;
	}
	free(ws.v);
	return sort_unique(*v, m);
}

double
story_jaccard(const uint64_t *a, size_t na, const uint64_t *b, size_t nb)
{
	size_t i = 0, j = 0, both = 0;

	if (na == 0 && nb == 0)
		return 0;
	while (i < na && j < nb) {
		if (a[i] == b[j]) {
			both++;
			i++;
			j++;
		} else if (a[i] < b[j]) {
			i++;
		} else {
			j++;
		}
	}
	return (double)both / (double)(na + nb - both);
}

void
story_minhash(const uint64_t *v, size_t n, uint64_t sig[STORY_MINHASH])
{
	int filled = 0;

	/* One permutation, its range cut in STORY_MINHASH bins, the least
	 * value in each bin kept (Li, Owen and Zhang's one permutation
	 * hashing): a hash a shingle, where k permutations cost k. */
	for (int k = 0; k < STORY_MINHASH; k++)
		sig[k] = UINT64_MAX;
	for (size_t i = 0; i < n; i++) {
		uint64_t h = mix(v[i] ^ 0x9e3779b97f4a7c15ULL);
		int bin = (int)(h % STORY_MINHASH);
		uint64_t value = h / STORY_MINHASH;

		if (value < sig[bin])
			sig[bin] = value;
	}
	for (int k = 0; k < STORY_MINHASH; k++)
		filled += sig[k] != UINT64_MAX;
	if (filled == 0 || filled == STORY_MINHASH)
		return;
	/* A bin a short text left empty borrows the next full one's value,
	 * salted with how far it is (rotation densification, Shrivastava
	 * and Li): two texts' empty bins then agree as often as their full
	 * ones do. A bin's own values are below BORROWED, borrowed ones at
	 * or above it, so that only own values are lent. */
	for (int k = 0; k < STORY_MINHASH; k++) {
		int d = 1;

		if (sig[k] != UINT64_MAX)
			continue;
		while (sig[(k + d) % STORY_MINHASH] >= BORROWED)
			d++;
		sig[k] = BORROWED + mix(sig[(k + d) % STORY_MINHASH] + (uint64_t)d) % BORROWED;
	}
}

double
story_minhash_likeness(const uint64_t a[STORY_MINHASH], const uint64_t b[STORY_MINHASH])
{
	int same = 0;

	for (int k = 0; k < STORY_MINHASH; k++)
		same += a[k] == b[k] && a[k] != UINT64_MAX;
	return (double)same / STORY_MINHASH;
}

uint64_t
story_simhash(const uint64_t *v, size_t n)
{
	int votes[64] = { 0 };
	uint64_t out = 0;

	for (size_t i = 0; i < n; i++) {
		for (int b = 0; b < 64; b++)
			votes[b] += (v[i] >> b) & 1 ? 1 : -1;
	}
	for (int b = 0; b < 64; b++) {
		if (votes[b] > 0)
			out |= 1ULL << b;
	}
	return out;
}

int
story_simhash_distance(uint64_t a, uint64_t b)
{
	return __builtin_popcountll(a ^ b);
}
