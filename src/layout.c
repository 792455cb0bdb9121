/*
 * layout.c: see layout.h.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "layout.h"

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

enum layout_kind
layout_kind(const struct layout *l, size_t off)
{
	if (off == 0)
		return LAYOUT_TITLE;
	if (off == l->meta_at)
		return LAYOUT_META;
	return off >= l->caps_at ? LAYOUT_CAPTION : LAYOUT_BODY;
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

