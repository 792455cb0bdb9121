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

/* The SimHash of a shingle set (each shingle one vote). */
uint64_t story_simhash(const uint64_t *v, size_t n);

/* The bits two SimHashes differ in. */
int story_simhash_distance(uint64_t a, uint64_t b);

#endif
