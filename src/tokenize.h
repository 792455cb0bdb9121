/*
 * tokenize.h: luot's word splitting and folding, text only; the FTS5
 * tokenizer "luot" built on it is fts.h's.
 *
 * A word is a run of letters, digits and combining marks (a Vietnamese
 * syllable, a number, a Latin word). Each word has two forms:
 *   folded  full case folding, every mark removed, đ -> d:  "dan"
 *   exact   full case folding, vowel marks kept, the tone moved to an
 *           uppercase Telex letter at the end (S F R X J), NFC: "dânJ"
 * so that "hòa" and "hoà" (old and new tone placement) are both "hoaF".
 * Documents index the folded form and, colocated, the exact form when it
 * differs; a query word typed without diacritics looks up the folded form,
 * one typed with diacritics the exact form.
 *
 * Folding goes through a per-code-point table built once with
 * libunistring; only words with combining marks or code points past
 * U+1FFF take the slow path (NFC, then libunistring per code point).
 */
#ifndef LUOT_TOKENIZE_H
#define LUOT_TOKENIZE_H

#include <stddef.h>

/* Longest form kept, in bytes; longer words are cut. */
#define TOK_MAX 256

struct tok_word {
	size_t start, end;	/* byte offsets of the word in the text */
	char folded[TOK_MAX + 8];
	size_t nfolded;
	char exact[TOK_MAX + 8];	/* with the tone letter, if any */
	size_t nexact;
	char tone;		/* 'S' 'F' 'R' 'X' 'J', or 0 */
	int diacritics;		/* exact differs from folded: marks or đ */
};

/* Called for each word; a non-zero return stops the split and is returned. */
typedef int (*tok_fn)(const struct tok_word *w, void *ctx);

/* Split n bytes of UTF-8 text into words. Returns 0 or fn's non-zero. */
int tok_split(const char *text, size_t n, tok_fn fn, void *ctx);

/* Build the folding table now (it is built on first use otherwise; call
 * this before starting threads). */
void tok_init(void);

/*
 * The form of w a query looks up: folded without diacritics, exact with
 * them; with prefix set, the exact form without its tone letter ("dấ*"
 * finds dân, dấn: Telex types the tone last). Sets *form, returns its length.
 */
size_t tok_query_form(const struct tok_word *w, int prefix, const char **form);

/*
 * In a query string, TOK_GROUP_MARK followed by index terms separated by
 * TOK_GROUP_SEP (to the end of the string) matches any of those terms
 * (private-use code points U+E000 and U+E001; query.c removes them from
 * what users type).
 */
#define TOK_GROUP_MARK "\xee\x80\x80"
#define TOK_GROUP_SEP "\xee\x80\x81"

#endif
