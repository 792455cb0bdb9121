/*
 * real-text.h: search-bench's second corpus, articles made of a real
 * crawl's headlines and sentences, so that the search figures also hold
 * for real Vietnamese text: its word frequencies, its words of several
 * syllables, its names (issue 22).
 *
 * The crawl is a folder of files, each a headline line and then lines of
 * text: the baomoi.com crawl that tests/bench/crawl.sh names. It states no
 * licence, so it is read where it lies and nothing made of it is kept in
 * the repository.
 *
 * Article i of n is built on one article of the crawl, each used once
 * before any is used again: that article's paragraphs, each of its
 * sentences kept or swapped for a sentence drawn from the whole crawl,
 * under its headline (the first time) or a headline spliced from two.
 * Everything is drawn from a generator seeded by i, so the corpus is the
 * same on every run; titles and first paragraphs are distinct, since
 * luot skips an article whose body it already holds.
 */
#ifndef LUOT_BENCH_REAL_TEXT_H
#define LUOT_BENCH_REAL_TEXT_H

#include "../../src/article.h"

struct real_text;

/* Read every file of dir once, in the order of their names. Dies when dir
 * cannot be read or holds no article. Free with real_text_free(). */
struct real_text *real_text_load(const char *dir);

/* How many articles the crawl gave (those with a headline and a sentence). */
size_t real_text_sources(const struct real_text *rt);

/*
 * Fill a (initialised here; the caller frees it with article_free()) with
 * article i of n: title, publication date (spread over 2010-2024 in the
 * order of i, as search-bench's own articles), paragraphs and one photo
 * caption. Call it for i = 0, 1, ... in order: each title and first
 * paragraph is checked against those made before.
 */
void real_text_article(struct real_text *rt, struct article *a, long i, long n);

void real_text_free(struct real_text *rt);

#endif
