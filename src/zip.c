/*
 * zip.c: see zip.h.
 *
 * Also compiled into the loadable extension (fts-ext.c), so that the
 * sqlite3 shell can read article_text and write articles.
 */
#include "config.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#ifndef LUOT_EXTENSION
#include <sqlite3.h>
#endif
#include <zlib.h>
#include <zstd.h>

#include "zip.h"

/*
 * zstd at level 3: on news text nearly as small as zlib's level 6, and
 * several times as fast both ways (compression was the import workers'
 * largest cost with zlib).
 */
#define ZIP_LEVEL 3

/* Most a value may unpack to: no article comes near it; a corrupt or
 * hostile blob that claims more is refused, not allocated. */
#define ZIP_MAX_TEXT ((size_t)1 << 30)

/*
 * One compression and one decompression context a thread, made on first
 * use: making them costs more than packing a short article. A thread's
 * contexts are freed when it ends (the key's destructor).
 */
struct zip_ctx {
	ZSTD_CCtx *c;
	ZSTD_DCtx *d;
};

static pthread_key_t ctx_key;
static pthread_once_t ctx_once = PTHREAD_ONCE_INIT;

static void
ctx_free(void *p)
{
	struct zip_ctx *z = p;

	ZSTD_freeCCtx(z->c);
	ZSTD_freeDCtx(z->d);
	free(z);
}

static void
ctx_key_make(void)
{
	if (pthread_key_create(&ctx_key, ctx_free) != 0)
		die("%s", "cannot make a thread key");
}

static struct zip_ctx *
ctx_get(void)
{
	struct zip_ctx *z;

	pthread_once(&ctx_once, ctx_key_make);
	if ((z = pthread_getspecific(ctx_key)) != NULL)
		return z;
	z = xcalloc(1, sizeof *z);
	z->c = ZSTD_createCCtx();
	z->d = ZSTD_createDCtx();
	if (z->c == NULL || z->d == NULL)
		die("%s", "zstd: out of memory");
	/* The checksum (4 bytes a value) tells a damaged value from text. */
	if (ZSTD_isError(ZSTD_CCtx_setParameter(z->c, ZSTD_c_compressionLevel, ZIP_LEVEL)) ||
	    ZSTD_isError(ZSTD_CCtx_setParameter(z->c, ZSTD_c_checksumFlag, 1)))
		die("%s", "zstd: cannot set the compression level");
	if (pthread_setspecific(ctx_key, z) != 0)
		die("%s", "cannot keep a thread's compression context");
	return z;
}

void
zip_pack(const char *text, size_t n, struct buf *out)
{
	zip_pack_dict(text, n, NULL, 0, out);
}

void
zip_pack_dict(const char *text, size_t n, const char *dict, size_t dlen, struct buf *out)
{
	struct zip_ctx *z = ctx_get();
	size_t cap = ZSTD_compressBound(n), len;

	buf_reset(out);
	if (out->cap < cap + 1) {
		out->data = xrealloc(out->data, cap + 1);
		out->cap = cap + 1;
	}
	/* A prefix, not a trained dictionary: the dict's bytes as if they
	 * came just before the text, for this one frame. */
	if (dict != NULL && dlen > 0 && ZSTD_isError(ZSTD_CCtx_refPrefix(z->c, dict, dlen)))
		die("%s", "zstd: compress failed");
	len = ZSTD_compress2(z->c, out->data, cap, text, n);
	if (ZSTD_isError(len))
		die("zstd: compress failed: %s", ZSTD_getErrorName(len));
	out->len = len;
	out->data[len] = '\0';
	/* The bound is the text's size: a long article's blobs would keep
	 * it, several times over while they wait to be written. */
	if (out->cap > 2 * (len + 1) + 4096) {
		out->data = xrealloc(out->data, len + 1);
		out->cap = len + 1;
	}
}

char *
zip_unpack(const void *blob, size_t n, size_t *outlen)
{
	return zip_unpack_dict(blob, n, NULL, 0, outlen);
}

/* A zstd frame starts with its magic number (little-endian). */
static int
is_zstd(const void *blob, size_t n)
{
	static const unsigned char magic[4] = { 0x28, 0xb5, 0x2f, 0xfd };

	return n >= 4 && memcmp(blob, magic, 4) == 0;
}

static char *
unpack_zstd(const void *blob, size_t n, const char *dict, size_t dlen, size_t *outlen)
{
	struct zip_ctx *z = ctx_get();
	unsigned long long size = ZSTD_getFrameContentSize(blob, n);
	char *text;
	size_t got;

	/* Every frame luot writes records its size. */
	if (size == ZSTD_CONTENTSIZE_UNKNOWN || size == ZSTD_CONTENTSIZE_ERROR ||
	    size > ZIP_MAX_TEXT)
		return NULL;
	ZSTD_DCtx_reset(z->d, ZSTD_reset_session_and_parameters);
	if (dict != NULL && dlen > 0 && ZSTD_isError(ZSTD_DCtx_refPrefix(z->d, dict, dlen)))
		return NULL;
	text = xmalloc((size_t)size + 1);
	got = ZSTD_decompressDCtx(z->d, text, (size_t)size, blob, n);
	if (ZSTD_isError(got) || got != size) {
		free(text);
		return NULL;
	}
	text[got] = '\0';
	if (outlen != NULL)
		*outlen = got;
	return text;
}

/* Values written before luot used zstd are zlib streams. */
static char *
unpack_zlib(const void *blob, size_t n, const char *dict, size_t dlen, size_t *outlen)
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
		if ((rc != Z_OK && rc != Z_STREAM_END) || b.len > ZIP_MAX_TEXT) {
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

char *
zip_unpack_dict(const void *blob, size_t n, const char *dict, size_t dlen, size_t *outlen)
{
	if (is_zstd(blob, n))
		return unpack_zstd(blob, n, dict, dlen, outlen);
	return unpack_zlib(blob, n, dict, dlen, outlen);
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
