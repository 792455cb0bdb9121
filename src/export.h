/*
 * export.h: the bookmarks written out for use elsewhere: Markdown (a
 * reading list), CSV (RFC 4180) or JSON Lines. Each bookmark carries title,
 * source, date, author, the file it came from, tags, note, and the opening
 * paragraph as a quote.
 */
#ifndef LUOT_EXPORT_H
#define LUOT_EXPORT_H

struct store;

enum export_format { EXPORT_MD, EXPORT_CSV, EXPORT_JSON };

/* "md", "csv" or "json" into *f; -1 for anything else. */
int export_format_parse(const char *name, enum export_format *f);

/* The format a file's name asks for: .md or .markdown, .csv, .json,
 * .jsonl or .ndjson (any case) into *f; -1 for any other name. */
int export_format_of_path(const char *path, enum export_format *f);

/*
 * Write the bookmarks (only those tagged tag, unless NULL) to path, or to
 * standard output when path is NULL or "-". A file is written whole or
 * not at all (a temporary file renamed over it) and an existing one is
 * replaced only with force; CSV begins with a byte order mark with bom
 * (spreadsheets that take text without one for a legacy code page).
 * *n says how many were written. Returns 0, or 1 with a one-line message
 * printed.
 */
int export_bookmarks(struct store *s, const char *tag, enum export_format f, const char *path,
    int force, int bom, int *n);

#endif
