/*
 * story-bench.c: near-duplicate signatures (story.h) on a store of real
 * articles. Usage: story-bench DB [OUT.tsv].
 *
 * For every article it makes the shingle set, the MinHash and the SimHash
 * (timed: the cost an import would pay), then finds the pairs of articles
 * alike by any of: exact Jaccard of the shingles >= 0.2 (every pair is
 * compared: the truth the estimates are measured against), or SimHash
 * distance <= 12. It prints, for MinHash LSH band layouts and for SimHash
 * distance limits, how many of the pairs at each exact-Jaccard threshold
 * they find and how many they would compare, and writes the pairs (ids,
 * exact Jaccard, MinHash estimate, SimHash distance, both titles) to
 * OUT.tsv, from which a labelled sample is drawn (README.md, issue 25).
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../../src/store.h"
#include "../../src/story.h"
#include "../../src/tokenize.h"
#include "../../src/util.h"

struct doc {
	int64_t id;
	char *title;
	char published[11];	/* YYYY-MM-DD, or "" */
	uint64_t *tw;		/* the title's words, hashed, sorted */
	size_t ntw;
	uint64_t *rare;		/* shingles in RARE_MAX articles at most */
	size_t nrare;
	uint64_t *sh;
	size_t n;
	uint64_t sig[STORY_MINHASH];
	uint64_t sim;
};

struct docs {
	struct doc *v;
	size_t n, cap;
	double t_shingle, t_minhash, t_simhash;
	size_t bytes;
};

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Days between two "YYYY-MM-DD", or -1 when either is unknown. */
static long
days_apart(const char *a, const char *b)
{
	struct tm x = { 0 }, y = { 0 };

	if (strlen(a) < 10 || strlen(b) < 10 || sscanf(a, "%d-%d-%d", &x.tm_year, &x.tm_mon,
	    &x.tm_mday) != 3 || sscanf(b, "%d-%d-%d", &y.tm_year, &y.tm_mon, &y.tm_mday) != 3)
		return -1;
	x.tm_year -= 1900;
	y.tm_year -= 1900;
	x.tm_mon--;
	y.tm_mon--;
	return labs((long)(timegm(&x) - timegm(&y)) / 86400);
}

static int
take(const struct store_item *it, void *ctx)
{
	struct docs *d = ctx;
	struct doc *x;
	double t0;
	size_t len = it->body ? strlen(it->body) : 0;

	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 1024;
		d->v = xrealloc(d->v, d->cap * sizeof *d->v);
	}
	x = &d->v[d->n++];
	x->id = it->id;
	x->title = xstrdup(it->title);
	snprintf(x->published, sizeof x->published, "%.10s", it->published ? it->published : "");
	x->ntw = story_words(it->title, strlen(it->title), &x->tw);
	x->rare = NULL;
	x->nrare = 0;
	d->bytes += len;
	t0 = now();
	x->n = story_shingles(it->body ? it->body : "", len, &x->sh);
	d->t_shingle += now() - t0;
	t0 = now();
	story_minhash(x->sh, x->n, x->sig);
	d->t_minhash += now() - t0;
	t0 = now();
	x->sim = story_simhash(x->sh, x->n);
	d->t_simhash += now() - t0;
	return 0;
}

/* Does band b (rows r) of two signatures agree? */
static int
band_same(const struct doc *a, const struct doc *b, int band, int rows)
{
	for (int k = band * rows; k < (band + 1) * rows; k++) {
		if (a->sig[k] != b->sig[k])
			return 0;
	}
	return 1;
}

static int
lsh_candidate(const struct doc *a, const struct doc *b, int bands, int rows)
{
	for (int i = 0; i < bands; i++) {
		if (band_same(a, b, i, rows))
			return 1;
	}
	return 0;
}

/* A shingle of an article, for the postings. */
struct entry {
	uint64_t sh;
	uint32_t doc;
};

/* A shingle in at most this many articles is an article's own. */
#define RARE_MAX 5
/* A shingle shared by more articles than this is boilerplate. */
#define SHARED_MAX 50

static int
cmp_entry(const void *x, const void *y)
{
	const struct entry *a = x, *b = y;

	return a->sh < b->sh ? -1 : a->sh > b->sh ? 1 : (a->doc > b->doc) - (a->doc < b->doc);
}

/* The first entry of shingle sh in e (sorted). */
static size_t
run_start(const struct entry *e, size_t n, uint64_t sh)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (e[mid].sh < sh)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The share of the smaller set in the larger (one copy a cut of the
 * other), from the Jaccard index j: shared = j (na + nb) / (1 + j). */
static double
containment(const struct doc *a, const struct doc *b, double j)
{
	double shared = j * (double)(a->n + b->n) / (1 + j);
	size_t small = a->n < b->n ? a->n : b->n;

	return small ? shared / (double)small : 0;
}

/* The share of the smaller sorted set found in the larger. */
static double
containment_of(const uint64_t *a, size_t na, const uint64_t *b, size_t nb)
{
	double j = story_jaccard(a, na, b, nb);
	double shared = j * (double)(na + nb) / (1 + j);
	size_t small = na < nb ? na : nb;

	return small ? shared / (double)small : 0;
}

struct pair {
	size_t a, b;
	double j;
	int dist;
};

int
main(int argc, char **argv)
{
	static const double thresholds[] = { 0.3, 0.5, 0.7 };
	static const int layouts[][2] = { { 32, 4 }, { 16, 8 }, { 64, 2 }, { 21, 6 } };
	static const int dists[] = { 3, 6, 9, 12 };
	struct docs d = { NULL, 0, 0, 0, 0, 0, 0 };
	struct pair *p = NULL;
	size_t np = 0, cap = 0;
	char *err = NULL;
	struct store *st;
	FILE *out = NULL;
	int64_t after = 0;

	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: story-bench DB [OUT.tsv]\n");
		return 2;
	}
	tok_init();
	if ((st = store_open(argv[1], &err)) == NULL) {
		fprintf(stderr, "story-bench: %s\n", err);
		return 1;
	}
	for (;;) {
		struct store_page *pg;
		size_t n;

		if (store_pages(st, after, 500, &pg, &n) < 0 || n == 0)
			break;
		for (size_t i = 0; i < n; i++) {
			after = pg[i].id;
			store_show(st, pg[i].id, take, &d);
			store_page_free(&pg[i]);
		}
		free(pg);
	}
	store_close(st);
	printf("%zu articles, %.1f MB of text\n", d.n, (double)d.bytes / 1e6);
	printf("per article: shingles %.3f ms, MinHash %.3f ms, SimHash %.3f ms\n",
	    1e3 * d.t_shingle / (double)d.n, 1e3 * d.t_minhash / (double)d.n,
	    1e3 * d.t_simhash / (double)d.n);
	/* Every pair that shares a shingle: the truth, exact. The postings
	 * of each shingle (sorted pairs of shingle and article) give, for
	 * each article, the later ones it shares shingles with and how many;
	 * a shingle in more than SHARED_MAX articles is boilerplate ("Theo
	 * TTXVN") and left out of the count. */
	{
		size_t ne = 0, *cnt = xcalloc(d.n, sizeof *cnt), *touched = xcalloc(d.n, sizeof *touched);
		struct entry *e;

		for (size_t a = 0; a < d.n; a++)
			ne += d.v[a].n;
		e = xcalloc(ne ? ne : 1, sizeof *e);
		ne = 0;
		for (size_t a = 0; a < d.n; a++) {
			for (size_t k = 0; k < d.v[a].n; k++)
				e[ne++] = (struct entry){ d.v[a].sh[k], (uint32_t)a };
		}
		qsort(e, ne, sizeof *e, cmp_entry);
		/* Each article's shingles found in RARE_MAX articles at most:
		 * its own words, not its paper's or the law's boilerplate. */
		for (size_t a = 0; a < d.n; a++) {
			d.v[a].rare = xcalloc(d.v[a].n ? d.v[a].n : 1, sizeof *d.v[a].rare);
			for (size_t k = 0; k < d.v[a].n; k++) {
				size_t lo = run_start(e, ne, d.v[a].sh[k]), hi = lo;

				while (hi < ne && e[hi].sh == d.v[a].sh[k] && hi - lo <= RARE_MAX)
					hi++;
				if (hi - lo <= RARE_MAX)
					d.v[a].rare[d.v[a].nrare++] = d.v[a].sh[k];
			}
		}
		for (size_t a = 0; a < d.n; a++) {
			size_t nt = 0;

			for (size_t k = 0; k < d.v[a].n; k++) {
				size_t lo = run_start(e, ne, d.v[a].sh[k]), hi = lo;

				while (hi < ne && e[hi].sh == d.v[a].sh[k])
					hi++;
				if (hi - lo > SHARED_MAX)
					continue;
				for (size_t x = lo; x < hi; x++) {
					size_t b = e[x].doc;

					if (b <= a)
						continue;
					if (cnt[b]++ == 0)
						touched[nt++] = b;
				}
			}
			for (size_t t = 0; t < nt; t++) {
				size_t b = touched[t];
				double j = (double)cnt[b] / (double)(d.v[a].n + d.v[b].n - cnt[b]);

				cnt[b] = 0;
				if (j < 0.2)
					continue;
				if (np == cap) {
					cap = cap ? cap * 2 : 1024;
					p = xrealloc(p, cap * sizeof *p);
				}
				p[np++] = (struct pair){ a, b, story_jaccard(d.v[a].sh, d.v[a].n,
				    d.v[b].sh, d.v[b].n), story_simhash_distance(d.v[a].sim, d.v[b].sim) };
			}
		}
		free(e);
		free(cnt);
		free(touched);
	}
	/* And the pairs SimHash finds that the shingles do not. */
	for (size_t a = 0; a < d.n; a++) {
		for (size_t b = a + 1; b < d.n; b++) {
			int dist = story_simhash_distance(d.v[a].sim, d.v[b].sim);
			double j;

			if (dist > 12)
				continue;
			j = story_jaccard(d.v[a].sh, d.v[a].n, d.v[b].sh, d.v[b].n);
			if (j >= 0.2)
				continue;	/* found above */
			if (np == cap) {
				cap = cap ? cap * 2 : 1024;
				p = xrealloc(p, cap * sizeof *p);
			}
			p[np++] = (struct pair){ a, b, j, dist };
		}
	}
	printf("pairs with Jaccard >= 0.2 or SimHash distance <= 12: %zu\n", np);
	for (size_t t = 0; t < sizeof thresholds / sizeof *thresholds; t++) {
		size_t truth = 0;

		for (size_t i = 0; i < np; i++)
			truth += p[i].j >= thresholds[t];
		printf("\nJaccard >= %.1f: %zu pairs\n", thresholds[t], truth);
		for (size_t l = 0; l < sizeof layouts / sizeof *layouts; l++) {
			size_t found = 0, cand = 0, est = 0;

			for (size_t i = 0; i < np; i++) {
				int c = lsh_candidate(&d.v[p[i].a], &d.v[p[i].b], layouts[l][0],
				    layouts[l][1]);
				double e = story_minhash_likeness(d.v[p[i].a].sig, d.v[p[i].b].sig);

				cand += c;
				if (p[i].j >= thresholds[t] && c && e >= thresholds[t] - 0.05)
					found++;
				est += c && e >= thresholds[t] - 0.05;
			}
			printf("  MinHash LSH %2d bands x %d rows: found %zu (%.1f%%), "
			    "estimate >= J-0.05 %zu, candidates among these pairs %zu\n",
			    layouts[l][0], layouts[l][1], found,
			    truth ? 100.0 * (double)found / (double)truth : 0, est, cand);
		}
		for (size_t k = 0; k < sizeof dists / sizeof *dists; k++) {
			size_t found = 0, within = 0;

			for (size_t i = 0; i < np; i++) {
				within += p[i].dist <= dists[k];
				found += p[i].j >= thresholds[t] && p[i].dist <= dists[k];
			}
			printf("  SimHash distance <= %2d: found %zu (%.1f%%), pairs within %zu\n",
			    dists[k], found, truth ? 100.0 * (double)found / (double)truth : 0, within);
		}
	}
	if (argc == 3 && (out = fopen(argv[2], "w")) != NULL) {
		for (size_t i = 0; i < np; i++)
		{
			const struct doc *x = &d.v[p[i].a], *y = &d.v[p[i].b];
			double jr = story_jaccard(x->rare, x->nrare, y->rare, y->nrare);
			double cr = containment_of(x->rare, x->nrare, y->rare, y->nrare);

			fprintf(out, "%lld\t%lld\t%.3f\t%.3f\t%d\t%.3f\t%.3f\t%.3f\t%.3f\t%ld\t%s\t%s\n",
			    (long long)x->id, (long long)y->id, p[i].j,
			    story_minhash_likeness(x->sig, y->sig), p[i].dist,
			    containment(x, y, p[i].j), jr, cr,
			    story_jaccard(x->tw, x->ntw, y->tw, y->ntw),
			    days_apart(x->published, y->published), x->title, y->title);
		}
		fclose(out);
	}
	return 0;
}
