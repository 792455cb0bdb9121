/*
 * layout.h: an article laid out for the reader (pane-reader.c), in rows
 * of a given width. No curses: only text.h's wrapping.
 *
 * The article is kept once, as its paragraphs one after another, each
 * ended by a NUL, and laid out only where it is shown: a row of the view
 * is a spot, the blank row above a paragraph (line -1) or one of its
 * lines, and the lines of a paragraph are wrapped when a spot needs them.
 * Long paragraphs keep their lines in a small cache; short ones are
 * wrapped again, which costs less than keeping them. So memory is the
 * text and a screenful, whatever the number of paragraphs.
 *
 * A position (paragraph << 32 | byte) names a place in the text that
 * survives re-wrapping; the reader keeps it in the database.
 */
#ifndef LUOT_LAYOUT_H
#define LUOT_LAYOUT_H

#include <stddef.h>
#include <stdint.h>

#include "text.h"

enum layout_kind { LAYOUT_TITLE, LAYOUT_META, LAYOUT_BODY, LAYOUT_CAPTION, LAYOUT_HEADING };

struct layout_spot {
	size_t off;		/* the paragraph's first byte */
	int para;		/* its index (the title is 0) */
	long line;		/* -1: the blank row above it */
};

/* Paragraphs longer than this keep their lines; at most this many. */
#define LAYOUT_KEEP_BYTES 4096
#define LAYOUT_KEEP 4

struct layout_wrapped {
	size_t off;
	struct text_line *v;	/* NULL: an empty slot */
	size_t n;
	unsigned long used;	/* when last asked for, to evict the oldest */
};

/*
 * Zeroed is empty. The caller fills doc (owned by the layout), len,
 * npara, meta_at, url_at, also_at and caps_at, then sets a width with layout_width().
 */
struct layout {
	char *doc;		/* the paragraphs, each ended by a NUL */
	size_t len;
	int npara;
	size_t meta_at;		/* the header line's paragraph, or SIZE_MAX */
	size_t url_at;		/* the article's address under it, or SIZE_MAX */
	size_t also_at;		/* "Also in:" its story's other papers, or SIZE_MAX */
	size_t caps_at;		/* the first caption, or len */
	size_t *heads;		/* body paragraphs that read as headings, in order */
	size_t nheads;		/* (layout_find_headings) */
	size_t *caps;		/* captions among the body, where they stood, in order */
	size_t ncaps;		/* (layout_add_caption) */
	int width;		/* of the lines in the cache; 0 before any */
	struct layout_wrapped keep[LAYOUT_KEEP];
	unsigned long clock;
};

/* A paragraph's lines: from the cache (borrowed), or wrapped for the
 * caller (owned); give them back with layout_lines_done(). */
struct layout_lines {
	struct text_line *v;
	size_t n;
	int owned;
};

/* Free the text and the cache: l is empty again. */
void layout_free(struct layout *l);
/* Lay out at width columns from now on (the cache is dropped if it
 * changes). */
void layout_width(struct layout *l, int width);

/* The paragraph at off, among the body's, is a caption (after doc's
 * earlier ones). */
void layout_add_caption(struct layout *l, size_t off);

/*
 * Find the body's headings: the text keeps none as such, but a heading
 * the extractor took apart from its paragraph ("Kết quả nổi bậtNăm qua")
 * stands as a short paragraph of its own. After doc, meta_at, caps_at.
 */
void layout_find_headings(struct layout *l);

/* What the paragraph at off is. */
enum layout_kind layout_kind(const struct layout *l, size_t off);
/* The lines of the paragraph at off, at l's width. */
struct layout_lines layout_lines(struct layout *l, size_t off);
void layout_lines_done(struct layout_lines *ls);
/* The line at s (s->line >= 0); past its last, the last. */
struct text_line layout_line_at(struct layout *l, const struct layout_spot *s);
/* The line of paragraph off that holds byte (or the last). */
long layout_line_holding(struct layout *l, size_t off, size_t byte);

/* Move s to the next or previous paragraph (its line is left as it
 * was); 0 at an end, where s stays. */
int layout_next_para(const struct layout *l, struct layout_spot *s);
int layout_prev_para(const struct layout *l, struct layout_spot *s);
/* Put s on the first row of its paragraph. */
void layout_para_start(const struct layout *l, struct layout_spot *s);
/* Move s down or up k rows; how many it moved (fewer at an end). */
int layout_advance(struct layout *l, struct layout_spot *s, int k);
int layout_retreat(struct layout *l, struct layout_spot *s, int k);
/* Rows from s to the end, counting up to max. */
int layout_rows_from(struct layout *l, struct layout_spot s, int max);
/* The top that shows the article's last rows. */
struct layout_spot layout_last_top(struct layout *l, int rows);

/* The position of the first line at or after s. */
int64_t layout_position(struct layout *l, struct layout_spot s);
/* The spot of the line that holds position (the start when it is not in
 * the article). */
struct layout_spot layout_spot_of(struct layout *l, int64_t position);

#endif
