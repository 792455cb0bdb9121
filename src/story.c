/*
 * story.c: see story.h.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "story.h"
#include "tokenize.h"
#include "util.h"

/* MinHash values at or above this were borrowed by an empty bin. */
#define BORROWED (UINT64_MAX >> 1)

/* SplitMix64's finaliser: a 64-bit mix, cheap and well spread. */
uint64_t
story_mix(uint64_t x)
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

/*
 * The walk over a text's shingles, one hash each as it completes: the last
 * STORY_SHINGLE words' hashes kept in a ring. A text shorter than a
 * shingle is one shingle of what it has. story_shingles() collects them,
 * story_sign() feeds them to the MinHash bins, both from this one
 * definition of a shingle.
 */
struct shingler {
	uint64_t last[STORY_SHINGLE];
	size_t words;
	void (*fn)(uint64_t shingle, void *ctx);
	void *ctx;
};

/* The shingle of the last nwords words. */
static void
shingle_of(struct shingler *g, size_t nwords)
{
	uint64_t h = 0;

	for (size_t j = 0; j < nwords; j++)
		h = story_mix(h ^ g->last[(g->words - nwords + j) % STORY_SHINGLE]);
	g->fn(h, g->ctx);
}

static int
shingle_word(const struct tok_word *w, void *ctx)
{
	struct shingler *g = ctx;

	g->last[g->words % STORY_SHINGLE] = fnv(0xcbf29ce484222325ULL, w->folded, w->nfolded);
	g->words++;
	if (g->words >= STORY_SHINGLE)
		shingle_of(g, STORY_SHINGLE);
	return 0;
}

static void
shingles_walk(const char *text, size_t n, void (*fn)(uint64_t, void *), void *ctx)
{
	struct shingler g;

	memset(&g, 0, sizeof g);
	g.fn = fn;
	g.ctx = ctx;
	tok_split(text, n, shingle_word, &g);
	if (g.words > 0 && g.words < STORY_SHINGLE)
		shingle_of(&g, g.words);
}

static void
collect_shingle(uint64_t h, void *ctx)
{
	struct words *ws = ctx;

	if (ws->n == ws->cap) {
		ws->cap = ws->cap ? ws->cap * 2 : 256;
		ws->v = xrealloc(ws->v, ws->cap * sizeof *ws->v);
	}
	ws->v[ws->n++] = h;
}

size_t
story_shingles(const char *text, size_t n, uint64_t **v)
{
	struct words ws = { NULL, 0, 0 };

	shingles_walk(text, n, collect_shingle, &ws);
	*v = ws.v != NULL ? ws.v : xcalloc(1, sizeof **v);
	return sort_unique(*v, ws.n);
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

/* One shingle into the bins: one permutation, its range cut in
 * STORY_MINHASH bins, the least value in each bin kept (Li, Owen and
 * Zhang's one permutation hashing): a hash a shingle, where k
 * permutations cost k. */
static void
minhash_add(uint64_t sig[STORY_MINHASH], uint64_t shingle)
{
	uint64_t h = story_mix(shingle ^ 0x9e3779b97f4a7c15ULL);
	int bin = (int)(h % STORY_MINHASH);
	uint64_t value = h / STORY_MINHASH;

	if (value < sig[bin])
		sig[bin] = value;
}

/*
 * A bin a short text left empty borrows the next full one's value,
 * salted with how far it is (rotation densification, Shrivastava and
 * Li): two texts' empty bins then agree as often as their full ones do.
 * A bin's own values are below BORROWED, borrowed ones at or above it,
 * so that only own values are lent.
 */
static void
minhash_densify(uint64_t sig[STORY_MINHASH])
{
	int filled = 0;

	for (int k = 0; k < STORY_MINHASH; k++)
		filled += sig[k] != UINT64_MAX;
	if (filled == 0 || filled == STORY_MINHASH)
		return;
	for (int k = 0; k < STORY_MINHASH; k++) {
		int d = 1;

		if (sig[k] != UINT64_MAX)
			continue;
		while (sig[(k + d) % STORY_MINHASH] >= BORROWED)
			d++;
		sig[k] = BORROWED + story_mix(sig[(k + d) % STORY_MINHASH] + (uint64_t)d) % BORROWED;
	}
}

void
story_minhash(const uint64_t *v, size_t n, uint64_t sig[STORY_MINHASH])
{
	for (int k = 0; k < STORY_MINHASH; k++)
		sig[k] = UINT64_MAX;
	for (size_t i = 0; i < n; i++)
		minhash_add(sig, v[i]);
	minhash_densify(sig);
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

/* What story_sign() gathers: the MinHash bins and the shingles seen. */
struct signer {
	uint64_t sig[STORY_MINHASH];
	size_t shingles;
};

static void
sign_shingle(uint64_t h, void *ctx)
{
	struct signer *g = ctx;

	minhash_add(g->sig, h);
	g->shingles++;
}

/*
 * The same signature as story_minhash() of story_shingles(), made as the
 * shingles come, with no set of them built or sorted: a shingle met
 * twice sets the same minimum twice. Its count is of shingles with their
 * repeats (a run of four words said twice in one article is rare): what
 * the containment estimate takes.
 */
void
story_sign(const char *text, size_t n, struct story_sig *out)
{
	struct signer g;

	g.shingles = 0;
	for (int k = 0; k < STORY_MINHASH; k++)
		g.sig[k] = UINT64_MAX;
	shingles_walk(text, n, sign_shingle, &g);
	minhash_densify(g.sig);
	out->shingles = g.shingles > UINT32_MAX ? UINT32_MAX : (uint32_t)g.shingles;
	for (int k = 0; k < STORY_MINHASH; k++)
		out->v[k] = (uint16_t)g.sig[k];
}

void
story_sig_pack(const struct story_sig *sig, unsigned char out[STORY_SIG_BYTES])
{
	for (int i = 0; i < 4; i++)
		out[i] = (unsigned char)(sig->shingles >> (8 * i));
	for (int k = 0; k < STORY_MINHASH; k++) {
		out[4 + 2 * k] = (unsigned char)sig->v[k];
		out[5 + 2 * k] = (unsigned char)(sig->v[k] >> 8);
	}
}

int
story_sig_unpack(const void *blob, size_t n, struct story_sig *sig)
{
	const unsigned char *p = blob;

	if (p == NULL || n != STORY_SIG_BYTES)
		return -1;
	sig->shingles = 0;
	for (int i = 0; i < 4; i++)
		sig->shingles |= (uint32_t)p[i] << (8 * i);
	for (int k = 0; k < STORY_MINHASH; k++)
		sig->v[k] = (uint16_t)(p[4 + 2 * k] | p[5 + 2 * k] << 8);
	return 0;
}

void
story_band_keys(const struct story_sig *sig, int64_t keys[STORY_BANDS])
{
	for (int b = 0; b < STORY_BANDS; b++) {
		uint64_t h = (uint64_t)(b + 1);

		for (int r = 0; r < STORY_BAND_ROWS; r++)
			h = story_mix(h ^ ((uint64_t)sig->v[b * STORY_BAND_ROWS + r] << (16 * (r + 1))));
		keys[b] = (int64_t)(h >> 32);	/* 4 bytes in the store, not 8 */
	}
}

double
story_likeness(const struct story_sig *a, const struct story_sig *b)
{
	int same = 0;

	if (a->shingles == 0 || b->shingles == 0)
		return 0;
	for (int k = 0; k < STORY_MINHASH; k++)
		same += a->v[k] == b->v[k];
	return (double)same / STORY_MINHASH;
}

double
story_contained(const struct story_sig *a, const struct story_sig *b, double likeness)
{
	/* |A ∩ B| = J (|A| + |B|) / (1 + J), of the smaller set. */
	double shared = likeness * ((double)a->shingles + b->shingles) / (1 + likeness);
	uint32_t small = a->shingles < b->shingles ? a->shingles : b->shingles;

	return small ? (shared > small ? 1 : shared / small) : 0;
}

double
story_title_likeness(const char *a, const char *b)
{
	uint64_t *va, *vb;
	size_t na = story_words(a, strlen(a), &va), nb = story_words(b, strlen(b), &vb);
	double j = story_jaccard(va, na, vb, nb);

	free(va);
	free(vb);
	return j;
}

void
story_rule_default(struct story_rule *r)
{
	r->likeness = 0.40;
	r->title = 0.40;
	r->days = 7;
}

/* Days since 1970-01-01 of a Gregorian date (Howard Hinnant's
 * days_from_civil). */
static long
civil_days(long y, long m, long d)
{
	long era, yoe, doy;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

int64_t
story_day(const char *s)
{
	int y, m, d;

	if (s == NULL || strlen(s) < 10 || sscanf(s, "%4d-%2d-%2d", &y, &m, &d) != 3 ||
	    m < 1 || m > 12 || d < 1 || d > 31)
		return STORY_UNDATED;
	return civil_days(y, m, d);
}

int
story_same(const struct story_rule *r, const struct story_sig *a, int64_t day_a,
    const struct story_sig *b, int64_t day_b, double *likeness)
{
	double j;

	*likeness = 0;
	if (a->shingles < STORY_MIN_SHINGLES || b->shingles < STORY_MIN_SHINGLES)
		return STORY_APART;
	if (day_a != STORY_UNDATED && day_b != STORY_UNDATED &&
	    (day_a > day_b ? day_a - day_b : day_b - day_a) > r->days)
		return STORY_APART;
	*likeness = j = story_likeness(a, b);
	if (j >= r->likeness)
		return STORY_SAME;
	return story_contained(a, b, j) >= r->likeness + STORY_CONTAINED_MORE ?
	    STORY_IF_TITLES : STORY_APART;
}
