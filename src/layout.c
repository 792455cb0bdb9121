/*
 * layout.c: see layout.h.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <unictype.h>
#include <unistr.h>

#include "layout.h"
#include "util.h"

static void
forget_lines(struct layout *l)
{
	for (int i = 0; i < LAYOUT_KEEP; i++) {
		free(l->keep[i].v);
		l->keep[i].v = NULL;
	}
}

void
layout_free(struct layout *l)
{
	forget_lines(l);
	free(l->doc);
	l->doc = NULL;
	free(l->heads);
	l->heads = NULL;
	l->nheads = 0;
	free(l->caps);
	l->caps = NULL;
	l->ncaps = 0;
	l->len = 0;
	l->npara = 0;
	l->width = 0;
}

void
layout_width(struct layout *l, int width)
{
	if (width != l->width) {
		forget_lines(l);
		l->width = width;
	}
}

/* Is off among the n sorted offsets of v? */
static int
holds(const size_t *v, size_t n, size_t off)
{
	for (size_t lo = 0, hi = n; lo < hi;) {
		size_t mid = (lo + hi) / 2;

		if (v[mid] == off)
			return 1;
		if (v[mid] < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

enum layout_kind
layout_kind(const struct layout *l, size_t off)
{
	if (off == 0)
		return LAYOUT_TITLE;
	if (off == l->meta_at || off == l->url_at || off == l->also_at)
		return LAYOUT_META;
	if (off >= l->caps_at || holds(l->caps, l->ncaps, off))
		return LAYOUT_CAPTION;
	return holds(l->heads, l->nheads, off) ? LAYOUT_HEADING : LAYOUT_BODY;
}

void
layout_add_caption(struct layout *l, size_t off)
{
	l->caps = xrealloc(l->caps, (l->ncaps + 1) * sizeof *l->caps);
	l->caps[l->ncaps++] = off;
}

/* Is c a capital letter or a digit (a heading's or a sentence's start)? */
static int
capital(ucs4_t c)
{
	return (c >= '0' && c <= '9') || (uc_is_alpha(c) && uc_tolower(c) != c);
}

/* Words in p (between spaces), and whether each begins with a capital
 * and how many hold a digit. */
struct words {
	int n, capitals, figures, letters;	/* words begun so */
};

static struct words
words_of(const char *p)
{
	struct words w = { 0, 0, 0, 0 };
	int start = 1, digit = 0;

	for (const char *s = p; *s;) {
		ucs4_t c;
		int k = u8_mbtouc(&c, (const uint8_t *)s, strlen(s));

		if (c == ' ') {
			start = 1;
		} else {
			if (start) {
				w.n++;
				w.capitals += capital(c) && !(c >= '0' && c <= '9');
				w.letters += uc_is_alpha(c);
				digit = 0;
			}
			if (c >= '0' && c <= '9' && !digit) {
				w.figures++;
				digit = 1;
			}
			start = 0;
		}
		s += k > 0 ? k : 1;
	}
	return w;
}

/*
 * Does paragraph p, followed by next, read as a heading? Short (12 words
 * and 90 characters at most), begun with a capital or a figure, with no
 * sentence end in it nor any mark at its end, not figures ("939,000,000")
 * nor a row of them (3 words with digits: a table), not a name alone (every word a capital:
 * "Bà Park Geun-hye" under a photo), and followed by a paragraph of 8
 * words or more begun with a capital. On 750 page dumps of the 2017
 * baomoi crawl: 468 found in 213 articles; of 60 drawn, 47 headings, the
 * rest mostly photo captions left in the text (tests/bench/README.md).
 */
static int
is_heading(const char *p, const char *next)
{
	size_t n = strlen(p), chars = u8_mbsnlen((const uint8_t *)p, n);
	struct words w = words_of(p), nw = words_of(next);
	ucs4_t first, nfirst;

	if (n == 0 || chars > 90 || w.n > 12 || w.figures >= 3 || w.letters == 0 ||
	    (w.n >= 2 && w.capitals == w.n))
		return 0;
	if (strchr(".,;:!?\"')]-", p[n - 1]) != NULL || strstr(p, ". ") || strstr(p, "? ") ||
	    strstr(p, "! ") || u8_endswith((const uint8_t *)p, (const uint8_t *)"\xe2\x80\xa6") ||
	    u8_endswith((const uint8_t *)p, (const uint8_t *)"\xe2\x80\x9d") ||
	    u8_endswith((const uint8_t *)p, (const uint8_t *)"\xe2\x80\x93"))
		return 0;	/* an end mark: ".", "…", a closing quote, a dash */
	u8_mbtouc(&first, (const uint8_t *)p, n);
	u8_mbtouc(&nfirst, (const uint8_t *)next, strlen(next));
	return capital(first) && nw.n >= 8 && (capital(nfirst) || nfirst == '"' ||
	    nfirst == 0x201C);
}

void
layout_find_headings(struct layout *l)
{
	size_t off, first = SIZE_MAX, end = l->caps_at < l->len ? l->caps_at : l->len;

	free(l->heads);
	l->heads = NULL;
	l->nheads = 0;
	/* The body: after the title and the header line. */
	for (off = 0; off < end; off += strlen(l->doc + off) + 1) {
		size_t next = off + strlen(l->doc + off) + 1;

		if (off == 0 || off == l->meta_at || off == l->url_at || off == l->also_at ||
		    holds(l->caps, l->ncaps, off))
			continue;
		if (first == SIZE_MAX) {
			first = off;	/* the lede is no heading */
			continue;
		}
		if (next < end && !holds(l->caps, l->ncaps, next) &&
		    is_heading(l->doc + off, l->doc + next)) {
			l->heads = xrealloc(l->heads, (l->nheads + 1) * sizeof *l->heads);
			l->heads[l->nheads++] = off;
		}
	}
}

/* The paragraph at s has a blank row above it: not the title, nor the
 * header line under it. */
static int
has_blank(const struct layout *l, const struct layout_spot *s)
{
	return s->para > 0 && layout_kind(l, s->off) != LAYOUT_META;
}

struct layout_lines
layout_lines(struct layout *l, size_t off)
{
	const char *t = l->doc + off;
	struct layout_lines ls = { NULL, 0, 1 };
	int oldest = 0;

	if (strlen(t) < LAYOUT_KEEP_BYTES) {
		ls.n = text_wrap(t, (size_t)l->width, &ls.v);
		return ls;
	}
	for (int i = 0; i < LAYOUT_KEEP; i++) {
		struct layout_wrapped *w = &l->keep[i];

		if (w->v != NULL && w->off == off) {
			w->used = ++l->clock;
			return (struct layout_lines){ w->v, w->n, 0 };
		}
		if (w->v == NULL || w->used < l->keep[oldest].used)
			oldest = i;
		if (l->keep[oldest].v != NULL && w->v == NULL)
			oldest = i;
	}
	free(l->keep[oldest].v);
	l->keep[oldest].off = off;
	l->keep[oldest].n = text_wrap(t, (size_t)l->width, &l->keep[oldest].v);
	l->keep[oldest].used = ++l->clock;
	return (struct layout_lines){ l->keep[oldest].v, l->keep[oldest].n, 0 };
}

void
layout_lines_done(struct layout_lines *ls)
{
	if (ls->owned)
		free(ls->v);
}

static long
nlines(struct layout *l, size_t off)
{
	struct layout_lines ls = layout_lines(l, off);
	long n = (long)ls.n;

	layout_lines_done(&ls);
	return n;
}

int
layout_next_para(const struct layout *l, struct layout_spot *s)
{
	size_t end = s->off + strlen(l->doc + s->off) + 1;

	if (end >= l->len)
		return 0;
	s->off = end;
	s->para++;
	return 1;
}

int
layout_prev_para(const struct layout *l, struct layout_spot *s)
{
	const char *nul;

	if (s->off == 0)
		return 0;
	nul = s->off >= 2 ? memrchr(l->doc, '\0', s->off - 1) : NULL;
	s->off = nul != NULL ? (size_t)(nul - l->doc) + 1 : 0;
	s->para--;
	return 1;
}

void
layout_para_start(const struct layout *l, struct layout_spot *s)
{
	s->line = has_blank(l, s) ? -1 : 0;
}

/* A paragraph is wrapped once for all the rows it has. */
int
layout_advance(struct layout *l, struct layout_spot *s, int k)
{
	int moved = 0;

	while (moved < k) {
		long room = nlines(l, s->off) - 1 - s->line;

		if (k - moved <= room) {
			s->line += k - moved;
			return k;
		}
		if (!layout_next_para(l, s)) {
			s->line += room;
			return moved + (int)room;
		}
		moved += (int)room + 1;
		layout_para_start(l, s);
	}
	return moved;
}

int
layout_retreat(struct layout *l, struct layout_spot *s, int k)
{
	int moved = 0;

	while (moved < k) {
		long room = s->line - (has_blank(l, s) ? -1 : 0);

		if (k - moved <= room) {
			s->line -= k - moved;
			return k;
		}
		moved += (int)room;
		s->line -= room;
		if (!layout_prev_para(l, s))
			return moved;
		s->line = nlines(l, s->off) - 1;
		moved++;
	}
	return moved;
}

int
layout_rows_from(struct layout *l, struct layout_spot s, int max)
{
	return 1 + layout_advance(l, &s, max - 1);
}

struct layout_spot
layout_last_top(struct layout *l, int rows)
{
	struct layout_spot s = { 0, 0, 0 };
	const char *nul = l->len >= 2 ? memrchr(l->doc, '\0', l->len - 1) : NULL;

	s.off = nul != NULL ? (size_t)(nul - l->doc) + 1 : 0;
	s.para = l->npara - 1;
	s.line = nlines(l, s.off) - 1;
	layout_retreat(l, &s, rows - 1);
	return s;
}

struct text_line
layout_line_at(struct layout *l, const struct layout_spot *s)
{
	struct layout_lines ls = layout_lines(l, s->off);
	struct text_line line = ls.v[s->line < (long)ls.n ? s->line : (long)ls.n - 1];

	layout_lines_done(&ls);
	return line;
}

int64_t
layout_position(struct layout *l, struct layout_spot s)
{
	if (s.line < 0)
		return (int64_t)s.para << 32;
	return ((int64_t)s.para << 32) | (int64_t)layout_line_at(l, &s).start;
}

long
layout_line_holding(struct layout *l, size_t off, size_t byte)
{
	struct layout_lines ls = layout_lines(l, off);
	long i = 0;

	while (i + 1 < (long)ls.n && ls.v[i].start + ls.v[i].len < byte)
		i++;
	layout_lines_done(&ls);
	return i;
}

struct layout_spot
layout_spot_of(struct layout *l, int64_t position)
{
	struct layout_spot s = { 0, 0, 0 };
	int para = (int)(position >> 32);

	if (para < 0 || para >= l->npara)
		return s;
	while (s.para < para && layout_next_para(l, &s))
		;
	s.line = layout_line_holding(l, s.off, (size_t)(position & 0xFFFFFFFF));
	return s;
}

