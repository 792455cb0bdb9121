/*
 * html.h: articles from web pages: saved HTML (a browser's "save page",
 * wget, SingleFile) and, later, pages fetched for feeds.
 *
 * The bytes are decoded by the charset the page declares (a BOM, the
 * HTTP header when there was one, <meta charset>), through iconv, into
 * NFC UTF-8, and parsed with libxml2's HTML parser (no regular
 * expressions over markup). The metadata is read in this order of trust:
 * JSON-LD (NewsArticle, Article...), Open Graph and article:* properties,
 * <meta name=author>, <link rel=canonical>, then the visible page. The
 * body is the <article> that holds the text, else the block that scores
 * best for paragraph text (length, commas) against links, as Mozilla's
 * Readability does; navigation, share bars, "Tin liên quan" blocks,
 * comments, ads and scripts are left out before scoring. Its text then
 * goes through the cleaning the text importer does (extract.h); figure
 * captions stay captions.
 */
#ifndef LUOT_HTML_H
#define LUOT_HTML_H

#include <stddef.h>

#include "article.h"
#include "boiler.h"
#include "extract.h"

/* Make libxml2 ready before threads use it (import's workers). */
void html_init(void);

/* Is the file at path a web page by its name (.html, .htm, .xhtml,
 * .shtml, in any case)? */
int html_file(const char *path);

/* Do n bytes of text look like a web page (a doctype or <html> first)? */
int html_looks(const char *s, size_t n);

/*
 * The page's bytes as clean UTF-8 (text_decode: NFC, no controls), by
 * the charset of a BOM, else of hint (the HTTP header's, or NULL), else
 * of <meta charset> or <meta http-equiv>, else UTF-8 when the bytes are
 * valid UTF-8 and Windows-1258 (the Vietnamese Windows code page) when
 * not. Bytes the charset does not map become U+FFFD; *bad counts them.
 * *used (may be NULL) gets the charset read by, new. New string.
 */
char *html_decode(const char *bytes, size_t n, const char *hint, char **used, size_t *bad);

/*
 * Fill *a (initialised by the caller) from a page decoded by
 * html_decode(); title, when not NULL, is the article's title (a
 * record's), over what the page says. Returns 0, or -1 with the reason
 * in *why (caller frees) when no article text is found. a->original is
 * left to the caller (the page itself, or a record's fields); *cut as
 * extract_article_within() sets it.
 */
int html_article(const struct boiler *bp, const char *page, const char *title,
    const struct extract_limits *lim, struct article *a, enum extract_cut_kind *cut, char **why);

/* The text of an HTML fragment (a feed's title: "Giá &lt;b&gt;vàng&lt;/b&gt;"
 * once unescaped), tags left out, entities read, cleaned for one line
 * (text_one_line). New; NULL when nothing is left. */
char *html_fragment_text(const char *html);

#endif
