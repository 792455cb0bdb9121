/*
 * article.h: one article as the importer extracts it and the store keeps it.
 * The article owns every string it points to.
 */
#ifndef LUOT_ARTICLE_H
#define LUOT_ARTICLE_H

#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "story.h"
#include "util.h"

/* SHA-256, raw bytes. */
#define ARTICLE_HASH_LEN 32

struct article {
	char *title;
	char *author;		/* NULL when unknown */
	char *source;		/* NULL when unknown */
	char *url;		/* where it was published (url.h), or NULL */
	char *link;		/* the address it was fetched at, when not url */
	char *links;		/* the body's links: "URL\ttext\n" lines, or NULL */
	int64_t feed_id;	/* the feed it came from (schema 17), or 0 */
	struct date published;	/* prec DATE_NONE when unknown */
	struct date crawled;	/* the page's own date line, if any */
	struct strlist paras;	/* body paragraphs, NFC, one line each */
	struct strlist captions;	/* photo captions, kept apart */
	size_t words;		/* words in the paragraphs */
	/* Filled by article_pack(): what the store writes, made ahead of
	 * time so that import workers do it, not the thread that writes. */
	int packed;
	int hashed;		/* hash holds article_hash() */
	unsigned char hash[32];
	struct buf zbody, zcaptions;	/* compressed (zip.h) */
	struct story_sig sig;	/* the body's signature (story.h) */
	int no_signature;		/* article_pack() makes no signature: sig empty */
	/* The page's text as decoded (text_decode), kept so that a better
	 * extractor can read it again (luot reextract); NULL when unknown.
	 * article_pack() compresses it into zoriginal, with the body as
	 * dictionary (zip.h); the store writes zoriginal (when not empty). */
	char *original;
	struct buf zoriginal;
	/* What was compressed, as text: the store indexes it without
	 * decompressing it again. */
	char *body, *captions_text;
};

void article_init(struct article *a);
void article_free(struct article *a);

/* Paragraphs joined by '\n': the stored body. Caller frees. */
char *article_body(const struct article *a);

/* The next of the links kept with an article ("URL<TAB>text" lines):
 * its URL and text (new) from *p, which moves past it. 0 at the end. */
int article_link_next(const char **p, char **url, char **text);

/*
 * The content hash: SHA-256 of the normalised body (NFC, spaces squeezed,
 * paragraphs joined by '\n'), so the same article saved twice, in NFD or
 * with other junk around it, hashes the same.
 */
void article_hash(const struct article *a, unsigned char out[ARTICLE_HASH_LEN]);

/* Compute the hash, the body and captions as text, and compressed, into a
 * (the original too, when there is one). */
void article_pack(struct article *a);

/*
 * Where each caption stood among the paragraphs (the store keeps them
 * apart), read from the page they were extracted from: at[i] is how many
 * paragraphs came before caption i, or SIZE_MAX when it is not on the
 * page. paras and captions as the store gives them back (a line each).
 */
void article_caption_places(const struct strlist *paras, const struct strlist *captions,
    const char *original, size_t *at);

/* The original page of an article, compressed by article_pack() with body
 * as its dictionary: its text (caller frees), or NULL when corrupt. */
char *article_unpack_original(const void *blob, size_t n, const char *body);

#endif
