/*
 * record.h: articles from crawler output in JSON: JSON Lines (one object
 * a line: .jsonl, .ndjson) or a JSON array of objects (.json), as
 * news-please, trafilatura and most Vietnamese crawlers write them.
 *
 * Each object is one article. Its fields are found by the names crawlers
 * use (title, content/text/body/maintext, url, date/published, author,
 * source/sitename...), or by the names a map gives (import --map
 * body=noi_dung,...). The text goes through the same cleaning as a page
 * (extract.h): junk lines, glued headings, bylines, captions; the
 * object's own title, date, author, source and URL are taken over what
 * the text says. A file is cut into records first (record_spans), so
 * that the importer's workers parse them side by side and a bad record
 * is named by its line and skipped while the rest imports.
 */
#ifndef LUOT_RECORD_H
#define LUOT_RECORD_H

#include <stddef.h>
#include <stdint.h>

#include "article.h"
#include "boiler.h"
#include "extract.h"

/* The fields of an article a record can give. */
enum record_field {
	RECORD_TITLE, RECORD_BODY, RECORD_URL, RECORD_DATE, RECORD_AUTHOR, RECORD_SOURCE,
	RECORD_NFIELDS
};

/* Names a map may add to each field, ahead of the usual ones. */
#define RECORD_MAP_NAMES 4

struct record_map {
	const char *names[RECORD_NFIELDS][RECORD_MAP_NAMES + 1];	/* NULL-terminated */
	char *spec;		/* the names' storage */
};

/*
 * Read a map such as "body=maintext,title=headline,date=ngay" (a field
 * may be named more than once: tried in that order). Returns 0, or -1
 * with a message in *err (caller frees) for an unknown field or a
 * malformed part. spec may be NULL: no names of its own.
 */
int record_map_parse(struct record_map *m, const char *spec, char **err);
void record_map_free(struct record_map *m);

/* Seed jansson's hashes before threads parse records (import's workers). */
void record_init(void);

/* Is the file at path one of records, by its name (.jsonl, .ndjson,
 * .json; a feed: .rss, .atom, .rdf, in any case), or an .xml file that
 * opens as a feed? */
int record_file(const char *path);

/* One record of a file: bytes [off, off + len), starting on line line
 * (from 1); or, for an entry of a feed, the record made of it (json). */
struct record_span {
	int64_t off;
	size_t len;
	size_t line;
	char *json;		/* NULL: read the bytes from the file */
	char *url;		/* a feed entry's link, or NULL */
	int summary;		/* a feed entry with a summary only, no content */
};

/*
 * Cut the file at path into records: the lines that hold something
 * (JSON Lines), or the elements of a top-level array (a .json file that
 * starts with "["; one object alone is one record), or a feed's entries
 * (feed.h), each made a record: title, its content or summary as body,
 * link, date, author, the feed's title as source. 0 with
 * *v (caller frees) and *n, or -1 with the reason in *why (caller frees;
 * nothing is imported of it).
 */
int record_spans(const char *path, struct record_span **v, size_t *n, char **why);
void record_spans_free(struct record_span *v, size_t n);

/* The entries of a feed (n bytes, fetched from base, which may be NULL)
 * as records, as record_spans() makes them of a feed file; *title (when
 * not NULL) the feed's own, new or NULL. 0, or -1 with *why (new). */
int record_feed(const char *bytes, size_t n, const char *base, struct record_span **v,
    size_t *nv, char **title, char **why);

/* The record of a feed's entry (json, as record_feed() makes it) with
 * page, the whole page at its link (decoded: html_decode()), as its body
 * and no URL of its own: record_article() then reads the page, the
 * entry's title, date, author and source over what the page says, and
 * the page's canonical URL. New string. */
char *record_with_page(const char *json, const char *page);

/* The bytes of record sp of path, NUL ended; NULL with the reason in
 * *why (caller frees). */
char *record_read(const char *path, const struct record_span *sp, char **why);

/*
 * Fill *a (initialised by the caller) from the JSON text of one record.
 * Returns 0; -1 with the reason in *why (caller frees) when it is no
 * article (not an object, no text); -2 when it is not JSON at all. What the record gave is kept as the article's
 * original, a JSON object of the fields under their names here (title,
 * body, url, date, author, source), which luot reextract reads again
 * with this function and no map; *cut as extract_article_within() sets it.
 */
int record_article(const struct boiler *bp, const struct record_map *m, const char *json,
    const struct extract_limits *lim, struct article *a, enum extract_cut_kind *cut,
    char **why);

/* Does the original text of an article come from a record (it is a
 * JSON object), rather than from a page? */
int record_is_original(const char *text);

#endif
