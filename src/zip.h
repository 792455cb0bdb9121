/*
 * zip.h: article text compressed in the database (zstd), and the SQL
 * functions that read and write it.
 *
 * The body and captions of an article are stored as a zstd frame in a
 * BLOB. Values written by earlier versions are zlib streams and still
 * read back; text stored before compression (a TEXT value) reads back as
 * is. luot_unzip(x) gives the text for any of them; luot_zip(x)
 * compresses TEXT.
 */
#ifndef LUOT_ZIP_H
#define LUOT_ZIP_H

#include <stddef.h>

#include "util.h"

/* Compress n bytes of text into out (replacing its contents). */
void zip_pack(const char *text, size_t n, struct buf *out);

/* The text of a compressed value; NULL when it is corrupt. Caller frees. */
char *zip_unpack(const void *blob, size_t n, size_t *outlen);

/*
 * The same with a dictionary (a zstd prefix; zlib's preset dictionary
 * in older values): text that shares most of
 * its words with dict (an article's page and its body) compresses to
 * little more than what dict lacks. Unpacking needs the same dict.
 */
void zip_pack_dict(const char *text, size_t n, const char *dict, size_t dlen, struct buf *out);
char *zip_unpack_dict(const void *blob, size_t n, const char *dict, size_t dlen,
    size_t *outlen);

struct sqlite3;

/* Register luot_zip() and luot_unzip() on db. Returns an SQLite code. */
int zip_register(struct sqlite3 *db);

#endif
