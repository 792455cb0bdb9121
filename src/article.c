/*
 * article.c: see article.h.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <nettle/sha2.h>

#include "article.h"
#include "zip.h"

void
article_init(struct article *a)
{
	memset(a, 0, sizeof *a);
	strlist_init(&a->paras);
	strlist_init(&a->captions);
}

void
article_free(struct article *a)
{
	buf_free(&a->zbody);
	buf_free(&a->zcaptions);
	buf_free(&a->zoriginal);
	free(a->original);
	free(a->body);
	free(a->captions_text);
	free(a->title);
	free(a->author);
	free(a->source);
	strlist_free(&a->paras);
	strlist_free(&a->captions);
	article_init(a);
}

char *
article_body(const struct article *a)
{
	return strlist_join(&a->paras, "\n");
}

void
article_hash(const struct article *a, unsigned char out[ARTICLE_HASH_LEN])
{
	struct sha256_ctx ctx;

	sha256_init(&ctx);
	for (size_t i = 0; i < a->paras.len; i++) {
		if (i > 0)
			sha256_update(&ctx, 1, (const uint8_t *)"\n");
		sha256_update(&ctx, strlen(a->paras.items[i]),
		    (const uint8_t *)a->paras.items[i]);
	}
	sha256_digest(&ctx, ARTICLE_HASH_LEN, out);
}

void
article_pack(struct article *a)
{
	free(a->body);
	free(a->captions_text);
	a->body = article_body(a);
	a->captions_text = strlist_join(&a->captions, "\n");
	if (!a->hashed)
		article_hash(a, a->hash);
	a->hashed = 1;
	zip_pack(a->body, strlen(a->body), &a->zbody);
	zip_pack(a->captions_text, strlen(a->captions_text), &a->zcaptions);
	/* Most of a page is its body: with the body as the dictionary the
	 * page costs about what the body lacks (the junk around it). */
	if (a->original != NULL)
		zip_pack_dict(a->original, strlen(a->original), a->body, strlen(a->body),
		    &a->zoriginal);
	a->packed = 1;
}

char *
article_unpack_original(const void *blob, size_t n, const char *body)
{
	return zip_unpack_dict(blob, n, body, strlen(body), NULL);
}
