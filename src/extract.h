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
 * The same for a text whose title is known (a JSON record's): every line
 * is the body's, cleaned as a page's body is.
 */
int extract_body(const struct boiler *bp, const char *title, const char *text,
    struct article *a);

/*
 * The most of a page an article takes: a page past either limit is cut at
 * a line's start before extraction, so that one odd page (millions of
 * lines) costs no more than these, and the article ends with a note that
 * says so. import --max-paragraphs and --max-text change them.
 */
#define EXTRACT_MAX_PARAS 20000
#define EXTRACT_MAX_TEXT (8u << 20)
struct extract_limits {
	size_t paras;		/* lines that hold text */
	size_t bytes;
};
enum extract_cut_kind { EXTRACT_WHOLE, EXTRACT_CUT_PARAS, EXTRACT_CUT_BYTES };

/* How many bytes of text (len bytes) stay within lim; *why says which
 * limit cut it, if one did. */
size_t extract_cut(const char *text, size_t len, const struct extract_limits *lim,
    enum extract_cut_kind *why);

/* extract_article() (extract_body() when title is not NULL) on the part
 * of text (cut in place) within lim, with the note at the end when it was
 * cut (*why). */
int extract_article_within(const struct boiler *bp, char *text, const struct extract_limits *lim,
    struct article *a, enum extract_cut_kind *why);
int extract_body_within(const struct boiler *bp, const char *title, char *text,
    const struct extract_limits *lim, struct article *a, enum extract_cut_kind *why);

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
