/*
 * queries.h: the fixed queries search-bench times, the same list on both
 * corpora (its own generated articles and those made of a real crawl,
 * real-text.h), so that their figures compare query for query.
 */
#ifndef LUOT_BENCH_QUERIES_H
#define LUOT_BENCH_QUERIES_H

#include "../../src/util.h"

/*
 * Fill qs (initialised here; the caller frees it) with the queries:
 * words of the generated vocabulary (vocab, the generator's syllables from
 * the most frequent down, at least 7,002 of them) and real Vietnamese as
 * readers type it.
 */
void bench_queries(struct strlist *qs, char *const *vocab);

/* Can a LIKE scan or grep run q as typed: words only, no operator, field
 * or prefix, no Telex? */
int bench_words_only(const char *q);

#endif
