/*
 * extract.h: from the clean text of a scraped page to an article.
 *
 * The input is what text_decode() returns (NFC, LF line ends). Junk is
 * removed with the boilerplate patterns plus structural rules: lines above
 * the headline that are navigation, section headers or the page's own date;
 * a trailing related-news block; datelines, author and source lines become
 * fields; photo captions are kept apart; glued headings and sentences are
 * split into paragraphs.
 */
#ifndef LUOT_EXTRACT_H
#define LUOT_EXTRACT_H

#include "article.h"
#include "boiler.h"

/*
 * Fill *a (initialised by the caller with article_init) from text.
 * Returns 0, or -1 when the page holds no article text (a is then empty).
 */
int extract_article(const struct boiler *bp, const char *text, struct article *a);

/*
 * Split a line where text was run together: a heading glued to its
 * paragraph ("nổi bậtNăm qua") or a sentence end glued to the next
 * ("nhân dân.Trên cơ sở"). Pieces are appended to out (owned by it).
 * Returns the number of pieces.
 */
size_t extract_unglue(const char *line, struct strlist *out);

/* The file's name without its folder and extension: the title of last
 * resort, when the page gives none. Caller frees. */
char *extract_title_of_path(const char *path);

/* A title made from the first sentence of a paragraph, cut at a word
 * boundary to at most max_cols columns. Caller frees. */
char *extract_first_sentence(const char *para, size_t max_cols);

#endif
