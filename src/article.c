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
	free(a->url);
	free(a->link);
	free(a->links);
	strlist_free(&a->paras);
	strlist_free(&a->captions);
	article_init(a);
}

int
article_link_next(const char **p, char **url, char **text)
{
	const char *s = *p;
	size_t n, u;

	if (s == NULL || *s == '\0')
		return 0;
	n = strcspn(s, "\n");
	u = strcspn(s, "\t\n");
	*url = xstrndup(s, u);
	*text = u < n ? xstrndup(s + u + 1, n - u - 1) : xstrdup("");
	*p = s[n] == '\n' ? s + n + 1 : s + n;
	return 1;
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
	/* The near-duplicate signature (story.h), of the body: the store
	 * finds the article's other copies by it. */
	if (!a->no_signature)
		story_sign(a->body, strlen(a->body), &a->sig);
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

/* Bytes of a paragraph or caption looked for on its page: its start, so
 * that a line the extractor cleaned further on is still found; then a
 * shorter start, for a line the page broke early (a caption's credit on
 * a line of its own: "Trường THCS Đồng Thắng. Ảnh: " then "N.D."). */
#define PROBE_BYTES 40
#define SHORT_PROBE_BYTES 20

/* Where the start of line (up to max bytes, whole characters) is in the
 * page's text from, or NULL. */
static const char *
find_prefix(const char *from, const char *line, size_t max)
{
	size_t n = strlen(line);
	char probe[PROBE_BYTES + 1];

	if (n > max) {
		n = max;
		while (n > 0 && ((unsigned char)line[n] & 0xC0) == 0x80)
			n--;
	}
	if (n == 0)
		return NULL;
	memcpy(probe, line, n);
	probe[n] = '\0';
	return strstr(from, probe);
}

static const char *
find_start(const char *from, const char *line)
{
	const char *f = find_prefix(from, line, PROBE_BYTES);

	return f != NULL ? f : find_prefix(from, line, SHORT_PROBE_BYTES);
}

void
article_caption_places(const struct strlist *paras, const struct strlist *captions,
    const char *original, size_t *at)
{
	const char **pos = xcalloc(paras->len + 1, sizeof *pos);
	const char *from = original;

	/* The paragraphs stand on the page in order: each is looked for
	 * after the one before. One not found takes its forerunner's place. */
	for (size_t p = 0; p < paras->len; p++) {
		const char *f = find_start(from, paras->items[p]);

		pos[p] = f != NULL ? f : from;
		if (f != NULL)
			from = f + 1;
	}
	for (size_t c = 0; c < captions->len; c++) {
		const char *f = find_start(original, captions->items[c]);
		size_t k = 0;

		if (f == NULL) {
			at[c] = SIZE_MAX;
			continue;
		}
		while (k < paras->len && pos[k] < f)
			k++;
		at[c] = k;
	}
	free(pos);
}
