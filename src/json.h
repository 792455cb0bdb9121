/*
 * json.h: JSON text for --json output. Strings are escaped so that any
 * input, controls and invalid UTF-8 included, gives valid JSON that says
 * the exact bytes: a byte that is not part of valid UTF-8 (only a file
 * name holds one; article text is cleaned at import) is written as the
 * lone surrogate \udcXX, XX the byte (0x80-0xff), as Python's
 * surrogateescape has it: os.fsencode() of the string gives the bytes.
 */
#ifndef LUOT_JSON_H
#define LUOT_JSON_H

#include <stdint.h>

#include "util.h"

/* Append s as a JSON string, or null when s is NULL. */
void json_str(struct buf *b, const char *s);

/* Append "key": before a value; first is 1 for the first key of an object. */
void json_key(struct buf *b, const char *key, int first);

/* Append ,"key":"s" (a member after the first; null when s is NULL). */
void json_member(struct buf *b, const char *key, const char *s);

/* Append lines of s (split at LF) as a JSON array of strings. */
void json_lines(struct buf *b, const char *s);
/* The links of an article ("URL<TAB>text" lines, may be NULL) as an
 * array of {"url", "text"}. */
void json_links(struct buf *b, const char *links);

struct store_item;
struct store_mark;

/* Open an object with an article's fields (id, title, published,
 * crawled, author, source, path, words); the caller adds keys and "}". */
void json_item(struct buf *b, const struct store_item *it);

/* The same, with a bookmark's fields (bookmarked, tags, note). */
void json_mark(struct buf *b, const struct store_item *it, const struct store_mark *m);

#endif
