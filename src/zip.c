/*
 * zip.c: see zip.h.
 *
 * Also compiled into the loadable extension (fts-ext.c), so that the
 * sqlite3 shell can read article_text and write articles.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#ifndef LUOT_EXTENSION
#include <sqlite3.h>
#endif
#include <zlib.h>

#include "zip.h"

/* Level 6: Vietnamese news text to about 45%, fast enough at import. */
#define ZIP_LEVEL 6
/* With a dictionary (a page against its body, most of it found there):
 * level 1. At 6 the third compression of each article made zlib a
 * quarter of a 200k import's time. */
#define ZIP_DICT_LEVEL 1

void
zip_pack(const char *text, size_t n, struct buf *out)
{
	zip_pack_dict(text, n, NULL, 0, out);
}

void
zip_pack_dict(const char *text, size_t n, const char *dict, size_t dlen, struct buf *out)
{
	z_stream zs;
	uLong cap;

	memset(&zs, 0, sizeof zs);
	if (deflateInit(&zs, dict != NULL ? ZIP_DICT_LEVEL : ZIP_LEVEL) != Z_OK)
		die("%s", "zlib: compress failed");
	/* deflate keeps the last 32 KiB of a dictionary, as of its window. */
	if (dict != NULL && dlen > 0 &&
	    deflateSetDictionary(&zs, (const Bytef *)dict, (uInt)dlen) != Z_OK)
		die("%s", "zlib: compress failed");
	cap = deflateBound(&zs, (uLong)n);
	buf_reset(out);
	if (out->cap < cap + 1) {
		out->data = xrealloc(out->data, cap + 1);
		out->cap = cap + 1;
	}
	zs.next_in = (Bytef *)(uintptr_t)text;
	zs.avail_in = (uInt)n;
	zs.next_out = (Bytef *)out->data;
	zs.avail_out = (uInt)cap;
	if (deflate(&zs, Z_FINISH) != Z_STREAM_END)
		die("%s", "zlib: compress failed");
	out->len = zs.total_out;
	deflateEnd(&zs);
}

char *
zip_unpack(const void *blob, size_t n, size_t *outlen)
{
	return zip_unpack_dict(blob, n, NULL, 0, outlen);
}

char *
zip_unpack_dict(const void *blob, size_t n, const char *dict, size_t dlen, size_t *outlen)
{
	z_stream zs;
	struct buf b;
	char chunk[16384];
	int rc;

	memset(&zs, 0, sizeof zs);
	if (inflateInit(&zs) != Z_OK)
		return NULL;
	buf_init(&b);
	buf_add(&b, "", 0);
	zs.next_in = (Bytef *)(uintptr_t)blob;
	zs.avail_in = (uInt)n;
	do {
		zs.next_out = (Bytef *)chunk;
		zs.avail_out = sizeof chunk;
		rc = inflate(&zs, Z_NO_FLUSH);
		if (rc == Z_NEED_DICT && dict != NULL &&
		    inflateSetDictionary(&zs, (const Bytef *)dict, (uInt)dlen) == Z_OK)
			rc = inflate(&zs, Z_NO_FLUSH);
		if (rc != Z_OK && rc != Z_STREAM_END) {
			inflateEnd(&zs);
			buf_free(&b);
			return NULL;
		}
		buf_add(&b, chunk, sizeof chunk - zs.avail_out);
	} while (rc != Z_STREAM_END && (zs.avail_in > 0 || zs.avail_out == 0));
	inflateEnd(&zs);
	if (rc != Z_STREAM_END) {
		buf_free(&b);
		return NULL;
	}
	if (outlen != NULL)
		*outlen = b.len;
	return buf_detach(&b);
}

static void
sql_zip(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct buf out;

	(void)argc;
	if (sqlite3_value_type(argv[0]) != SQLITE_TEXT) {
		sqlite3_result_value(ctx, argv[0]);	/* NULL, or already a BLOB */
		return;
	}
	buf_init(&out);
	zip_pack((const char *)sqlite3_value_text(argv[0]),
	    (size_t)sqlite3_value_bytes(argv[0]), &out);
	sqlite3_result_blob(ctx, out.data, (int)out.len, free);
}

static void
sql_unzip(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	size_t n;
	char *text;

	(void)argc;
	if (sqlite3_value_type(argv[0]) != SQLITE_BLOB) {
		sqlite3_result_value(ctx, argv[0]);	/* NULL, or text as stored */
		return;
	}
	text = zip_unpack(sqlite3_value_blob(argv[0]), (size_t)sqlite3_value_bytes(argv[0]), &n);
	if (text == NULL) {
		sqlite3_result_error(ctx, "luot_unzip: corrupt compressed text", -1);
		return;
	}
	sqlite3_result_text(ctx, text, (int)n, free);
}

int
zip_register(struct sqlite3 *db)
{
	int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
	int rc = sqlite3_create_function(db, "luot_zip", 1, flags, NULL, sql_zip, NULL, NULL);

	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "luot_unzip", 1, flags, NULL, sql_unzip, NULL, NULL);
	return rc;
}
