/*
 * story.h: near-duplicate signatures of articles, for grouping the copies
 * of one story (a paper's article republished by others with small
 * edits) into one row.
 *
 * An article's text is split into words (tokenize.h), folded (no marks,
 * no case: "Đà Nẵng" and "Da Nang" agree, as NFD and legacy-encoded
 * copies do), and read as shingles: each run of STORY_SHINGLE words,
 * hashed to 64 bits. Two articles' likeness is the Jaccard index of
 * their shingle sets, which a MinHash signature of STORY_MINHASH values
 * estimates (each value agrees between two sets with that probability;
 * one permutation cut in bins, densified: one hash a shingle);
 * a SimHash of 64 bits is kept for comparison (tests/bench/story-bench).
 */
#ifndef LUOT_STORY_H
#define LUOT_STORY_H

#include <stddef.h>
#include <stdint.h>

#define STORY_SHINGLE 4		/* words a shingle */
#define STORY_MINHASH 128	/* values a MinHash signature */

/* A 64-bit hash of x, each bit of it on each of the result's
 * (SplitMix64's finaliser). */
uint64_t story_mix(uint64_t x);

/* The shingles of text (n bytes), sorted, each once: *v (new), count. */
size_t story_shingles(const char *text, size_t n, uint64_t **v);

/* The folded words of text (n bytes), hashed, sorted, each once: *v
 * (new), count. (A title's words, to compare two titles.) */
size_t story_words(const char *text, size_t n, uint64_t **v);

/* The Jaccard index of two sorted sets (shingles, words). */
double story_jaccard(const uint64_t *a, size_t na, const uint64_t *b, size_t nb);

/* The MinHash signature of a shingle set into sig (all ones for none). */
void story_minhash(const uint64_t *v, size_t n, uint64_t sig[STORY_MINHASH]);

/* The share of values two signatures agree on: the Jaccard estimate. */
double story_minhash_likeness(const uint64_t a[STORY_MINHASH], const uint64_t b[STORY_MINHASH]);

/*
 * What the store keeps of an article to find its copies: the size of its
 * shingle set and the low 16 bits of each MinHash value (two unrelated
 * values agree by chance once in 65,536: the estimate hardly moves, and
 * the signature is 256 bytes, not 1,024).
 */
struct story_sig {
	uint32_t shingles;	/* 0: no text to compare */
	uint16_t v[STORY_MINHASH];
};

/* The signature packed as the store keeps it: the count (4 bytes, little
 * endian) then the values (2 bytes each). */
#define STORY_SIG_BYTES (4 + 2 * STORY_MINHASH)

/*
 * The LSH bands the store indexes: STORY_BANDS runs of STORY_BAND_ROWS
 * values, each hashed with its band's number to one key. Two articles
 * share a key with probability 1 - (1 - J)^10: 0.97 at Jaccard 0.3,
 * 0.994 at 0.4, 0.65 at 0.1 (tests/bench/README.md).
 */
#define STORY_BANDS 10
#define STORY_BAND_ROWS 1

/* The store keeps band keys by week (store-story.c): days a bucket, and
 * the day before 1970 (story_day < 0) the buckets count from. */
#define STORY_BUCKET_DAYS 8
#define STORY_DAY_ORIGIN 800000

/* Fewer shingles than this (a brief of some forty words) are too few to
 * tell a copy from a template: such an article joins no story. */
#define STORY_MIN_SHINGLES 40

/* The signature of a text (n bytes). */
void story_sign(const char *text, size_t n, struct story_sig *out);

void story_sig_pack(const struct story_sig *sig, unsigned char out[STORY_SIG_BYTES]);
/* 0, or -1 when blob is not a packed signature (n bytes). */
int story_sig_unpack(const void *blob, size_t n, struct story_sig *sig);

/* The band keys of a signature. */
void story_band_keys(const struct story_sig *sig, int64_t keys[STORY_BANDS]);

/* Two signatures' estimated Jaccard index, and the estimated share of the
 * smaller shingle set found in the larger (a cut copy's likeness). */
double story_likeness(const struct story_sig *a, const struct story_sig *b);
double story_contained(const struct story_sig *a, const struct story_sig *b, double likeness);

/* The Jaccard index of two titles' folded words. */
double story_title_likeness(const char *a, const char *b);

/*
 * When two articles are one story: their likeness reaches `likeness`, or
 * the smaller is contained in the larger by likeness + CONTAINED_MORE
 * and their titles share `title` of their words; and, when both are
 * dated, they are at most `days` apart. Measured on 167 labelled pairs of
 * real republished news (tests/bench/story-labels.tsv): precision 0.95,
 * recall 0.66 weighted over the crawl's pairs at the defaults.
 */
struct story_rule {
	double likeness;	/* default 0.40 */
	double title;		/* default 0.40 */
	int days;		/* default 7 */
};
#define STORY_CONTAINED_MORE 0.15

void story_rule_default(struct story_rule *r);

/* The day of a date "YYYY-MM-DD..." (days since 1970-01-01), or
 * STORY_UNDATED when it is not one. */
#define STORY_UNDATED INT64_MIN
int64_t story_day(const char *date);

/*
 * Whether two articles (signatures, days) are one story by the rule:
 * STORY_SAME, STORY_APART, or STORY_IF_TITLES when the smaller is held in
 * the larger and their titles decide (story_title_likeness >= r->title):
 * the caller reads the titles only then. *likeness: the estimate.
 */
enum { STORY_APART, STORY_SAME, STORY_IF_TITLES };
int story_same(const struct story_rule *r, const struct story_sig *a, int64_t day_a,
    const struct story_sig *b, int64_t day_b, double *likeness);

/* The SimHash of a shingle set (each shingle one vote). */
uint64_t story_simhash(const uint64_t *v, size_t n);

/* The bits two SimHashes differ in. */
int story_simhash_distance(uint64_t a, uint64_t b);

#endif
