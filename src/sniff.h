/*
 * sniff.h: is a file an article page at all?
 *
 * A folder of scraped pages also holds what a crawler or a person left
 * there: READMEs, licence files, CSV tables, HTML that was never turned
 * into text, binary data. The importer skips them with the reason these
 * functions give, instead of storing them as articles.
 */
#ifndef LUOT_SNIFF_H
#define LUOT_SNIFF_H

#include <stddef.h>

#include "text.h"

/*
 * Why the file at path is not an article page, judged by its name alone
 * (a README or licence file, a CSV by its extension); NULL when the name
 * says nothing. The reason is translated.
 */
const char *sniff_name(const char *path);

/* Why the file's bytes (n of them) are binary (NUL bytes outside
 * UTF-16), or NULL. Translated. */
const char *sniff_bytes(const char *data, size_t n);

/*
 * Why decoded text (len bytes, from raw bytes of the file) is not an
 * article page: HTML or XML markup, a CSV or TSV table, binary data
 * (st: what decoding repaired); NULL when it may be one. Translated.
 */
const char *sniff_text(const char *text, size_t len, size_t raw, const struct text_stats *st);

#endif
