/*
 * export.h: the bookmarks written out for use elsewhere: Markdown (a
 * reading list), CSV (RFC 4180) or JSON Lines. Each bookmark carries title,
 * source, date, author, the file it came from, tags, note, and the opening
 * paragraph as a quote.
 */
#ifndef LUOT_EXPORT_H
#define LUOT_EXPORT_H

struct buf;
struct store;
struct store_item;

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

/* Article it (as store_show() gives it) as text, as luot show prints it:
 * its fields, paragraphs, captions, then its links numbered. */
void export_article_text(struct buf *b, const struct store_item *it);

/* Article it as Markdown: a heading, source, date and author, its URL,
 * paragraphs, captions quoted, its links as a numbered list. */
void export_article_md(struct buf *b, const struct store_item *it);

/*
 * b to path: into a FIFO or a character device; over a regular file only
 * with force, keeping its mode, whole or not at all; through symbolic
 * links, which stay. Any other kind of file is refused. 0, or -1 with a
 * one-line reason in *why (new). EEXIST in *exists (may be NULL) tells
 * a file that force would replace.
 */
int export_write(const char *path, const struct buf *b, int force, char **why, int *exists);

#endif
