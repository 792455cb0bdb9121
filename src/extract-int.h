/*
 * extract-int.h: what the extraction's source files share; nothing
 * outside extract*.c includes it.
 *
 * extract.c finds the headline and walks the body; extract-lines.c reads
 * the page into lines, extract-caption.c tells photo captions,
 * extract-trailer.c takes bylines, sources and the lead, and
 * extract-text.c holds the small tests on text that all of them ask.
 * Strings are squeezed UTF-8; every function here only reads its
 * arguments unless it says otherwise.
 */
#ifndef LUOT_EXTRACT_INT_H
#define LUOT_EXTRACT_INT_H

#include <stddef.h>
#include <stdint.h>

#include "article.h"
#include "boiler.h"

struct line {
	char *s;
	enum boiler_kind kind;	/* BOILER_NONE, BOILER_LABEL, or BOILER_CUT */
	size_t words;
	int gap;		/* blank lines before it */
	size_t raw;		/* the page's line it was split from */
};

struct lines {
	struct line *v;
	size_t len, cap;
};

/* extract-text.c: code points, words, sentence ends and list markers. */
uint32_t extract_prev_uc(const char *s, size_t i, size_t *start);
uint32_t extract_first_uc(const char *s);
uint32_t extract_last_uc(const char *s);
uint32_t extract_last_mark(const char *s);
size_t extract_words_in(const char *s, size_t n);
size_t extract_word_before(const char *s, size_t i, size_t *start);
int extract_after_abbrev(const char *s, size_t i);
/* Does the mark at byte i of s (n bytes) end a sentence that more text
 * follows? Not after an abbreviation or an initial ("TS. Hoàng", "John
 * F. Kennedy"), and only before a capital or a digit. Is there one in s? */
int extract_sentence_ends_at(const char *s, size_t i, size_t n);
int extract_has_inner_sentence(const char *s);
int extract_is_closing_quote(uint32_t uc);
int extract_is_sentence_end(uint32_t uc);
int extract_ends_sentence(const char *s);
int extract_has_alnum(const char *s);
int extract_has_letters_no_lower(const char *s);
int extract_list_item(const char *s);
int extract_list_marker(const char *s);

/* extract-lines.c: the page's lines into out (which owns them), broken
 * sentences joined, run-together text split, drop patterns applied;
 * extract_lines_free() frees them. */
void extract_read_lines(const struct boiler *bp, const char *text, struct lines *out);
void extract_lines_free(struct lines *l);

/* extract-caption.c: is l a photo's caption wherever it stands; is s a
 * photo's credit alone; is l a caption in the body, under headline (or
 * NULL) after a's paragraphs so far. */
int extract_caption_like(const struct line *l);
int extract_photo_credit_like(const char *s);
int extract_body_caption(const struct article *a, const struct line *l, const char *headline);

/* extract-trailer.c: each changes *a. extract_take_credit() takes
 * author and source (owned) for the fields still empty; the others take
 * the byline and source from the body's end, the paper's tag from the
 * lead, and drop a section's byline in mid-body. */
void extract_take_credit(struct article *a, char *author, char *source);
void extract_take_trailer(struct article *a);
void extract_take_lead_tag(struct article *a);
void extract_drop_section_bylines(struct article *a);

/* The lead a crawl put at the page's end: the index of its first line
 * in [start, upto), or upto; extract_place_lead() puts lines [from, to)
 * first in the body unless the body holds them. */
size_t extract_tail_lead(const struct lines *ls, size_t start, size_t upto);
void extract_place_lead(struct article *a, const struct lines *ls, size_t from, size_t to);

#endif
