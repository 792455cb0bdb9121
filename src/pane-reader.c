/*
 * pane-reader.c: one article, wrapped at the pane's width: a header
 * (title in bold; date, author, source), the paragraphs, the captions
 * dimmed. Words are marked with the index's folding, so "dan van" marks
 * "dân vận"; n and N go from match to match. The reading position is kept
 * as (paragraph, byte) so that it survives re-wrapping and comes back when
 * the article is opened again.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "edit.h"
#include "conf.h"
#include "i18n.h"
#include "pane.h"
#include "store.h"
#include "text.h"
#include "tokenize.h"
#include "util.h"
#include "writer.h"

enum para_kind { P_TITLE, P_META, P_BODY, P_CAPTION };

/*
 * The article is kept once, as its paragraphs one after another, each
 * ended by a NUL, and laid out only where it is shown: a row of the view
 * is a spot, the blank row above a paragraph (line -1) or one of its
 * lines, and the lines of a paragraph are wrapped when a spot needs them.
 * Long paragraphs keep their lines in a small cache; short ones are
 * wrapped again, which costs less than keeping them. So memory is the
 * text and a screenful, whatever the number of paragraphs.
 */
struct spot {
	size_t off;		/* the paragraph's first byte */
	int para;		/* its index (the title is 0) */
	long line;		/* -1: the blank row above it */
};

/* Paragraphs longer than this keep their lines; at most this many. */
#define WRAP_KEEP_BYTES 4096
#define WRAP_KEEP 4

struct wrapped {
	size_t off;
	struct text_line *v;	/* NULL: an empty slot */
	size_t n;
	unsigned long used;	/* when last asked for, to evict the oldest */
};

/* A paragraph's lines: from the cache, or wrapped for the caller. */
struct plines {
	struct text_line *v;
	size_t n;
	int owned;
};

/* What a query word matches: its folded form, or its exact form when
 * typed with diacritics (as the index does). */
struct wanted {
	struct tok_word *v;
	int *prefix;
	size_t n;
};

struct reader {
	int64_t id;		/* 0: nothing open */
	char *doc;		/* the paragraphs, each ended by a NUL */
	size_t len;
	int npara;
	size_t meta_at;		/* the header line's paragraph, or SIZE_MAX */
	size_t caps_at;		/* the first caption, or len */
	int width;		/* of the lines in the cache */
	struct wrapped keep[WRAP_KEEP];
	unsigned long clock;
	struct spot top;	/* the first row shown */
	int64_t position;	/* (paragraph << 32) | byte, of the top line */
	int bookmarked;		/* as shown; changes go through the writer */
	struct strlist words;	/* marked words, as typed */
	struct wanted q;	/* the same, split as the index splits */
	int finding;		/* the find prompt is open */
	struct edit find;
};

/* The wrap width: one column of margin on each side. */
static int
text_cols(const struct pane *p)
{
	return p->cols > 4 ? p->cols - 2 : p->cols;
}

static void
forget_lines(struct reader *r)
{
	for (int i = 0; i < WRAP_KEEP; i++) {
		free(r->keep[i].v);
		r->keep[i].v = NULL;
	}
}

static void
free_article(struct reader *r)
{
	forget_lines(r);
	free(r->doc);
	r->doc = NULL;
	r->len = 0;
	r->npara = 0;
	r->top = (struct spot){ 0, 0, 0 };
}

static int
want_word(const struct tok_word *w, void *ctx)
{
	struct wanted *q = ctx;

	q->v = xrealloc(q->v, (q->n + 1) * sizeof *q->v);
	q->prefix = xrealloc(q->prefix, (q->n + 1) * sizeof *q->prefix);
	q->v[q->n] = *w;
	q->prefix[q->n] = 0;
	q->n++;
	return 0;
}

static int
word_matches(const struct tok_word *w, const struct tok_word *q, int prefix)
{
	const char *a = q->diacritics ? w->exact : w->folded;
	size_t na = q->diacritics ? w->nexact : w->nfolded;
	const char *b = q->diacritics ? q->exact : q->folded;
	size_t nb = q->diacritics ? q->nexact : q->nfolded;

	/* A prefix typed with diacritics has no tone letter (tokenize.h). */
	if (prefix && q->diacritics && q->tone)
		nb--;
	return prefix ? na >= nb && memcmp(a, b, nb) == 0 : na == nb && memcmp(a, b, na) == 0;
}

/* Is w one of the wanted words? */
static int
wanted_word(const struct wanted *q, const struct tok_word *w)
{
	for (size_t i = 0; i < q->n; i++) {
		if (word_matches(w, &q->v[i], q->prefix[i]))
			return 1;
	}
	return 0;
}

/* Split r->words as the index splits them; "dân*": the last word of it
 * is a prefix. */
static void
want(struct reader *r)
{
	free(r->q.v);
	free(r->q.prefix);
	r->q = (struct wanted){ NULL, NULL, 0 };
	for (size_t i = 0; i < r->words.len; i++) {
		const char *w = r->words.items[i];
		size_t len = strlen(w), before = r->q.n;

		tok_split(w, len, want_word, &r->q);
		if (len > 0 && w[len - 1] == '*' && r->q.n > before)
			r->q.prefix[r->q.n - 1] = 1;
	}
}

static enum para_kind
kind_of(const struct reader *r, size_t off)
{
	if (off == 0)
		return P_TITLE;
	if (off == r->meta_at)
		return P_META;
	return off >= r->caps_at ? P_CAPTION : P_BODY;
}

/* The paragraph at s has a blank row above it: not the title, nor the
 * header line under it. */
static int
has_blank(const struct reader *r, const struct spot *s)
{
	return s->para > 0 && kind_of(r, s->off) != P_META;
}

/* Its lines at r->width. */
static struct plines
lines_of(struct reader *r, size_t off)
{
	const char *t = r->doc + off;
	struct plines pl = { NULL, 0, 1 };
	int oldest = 0;

	if (strlen(t) < WRAP_KEEP_BYTES) {
		pl.n = text_wrap(t, (size_t)r->width, &pl.v);
		return pl;
	}
	for (int i = 0; i < WRAP_KEEP; i++) {
		struct wrapped *w = &r->keep[i];

		if (w->v != NULL && w->off == off) {
			w->used = ++r->clock;
			return (struct plines){ w->v, w->n, 0 };
		}
		if (w->v == NULL || w->used < r->keep[oldest].used)
			oldest = i;
		if (r->keep[oldest].v != NULL && w->v == NULL)
			oldest = i;
	}
	free(r->keep[oldest].v);
	r->keep[oldest].off = off;
	r->keep[oldest].n = text_wrap(t, (size_t)r->width, &r->keep[oldest].v);
	r->keep[oldest].used = ++r->clock;
	return (struct plines){ r->keep[oldest].v, r->keep[oldest].n, 0 };
}

static void
lines_done(struct plines *pl)
{
	if (pl->owned)
		free(pl->v);
}

static long
nlines(struct reader *r, size_t off)
{
	struct plines pl = lines_of(r, off);
	long n = (long)pl.n;

	lines_done(&pl);
	return n;
}

static int
next_para(const struct reader *r, struct spot *s)
{
	size_t end = s->off + strlen(r->doc + s->off) + 1;

	if (end >= r->len)
		return 0;
	s->off = end;
	s->para++;
	return 1;
}

static int
prev_para(const struct reader *r, struct spot *s)
{
	const char *nul;

	if (s->off == 0)
		return 0;
	nul = s->off >= 2 ? memrchr(r->doc, '\0', s->off - 1) : NULL;
	s->off = nul != NULL ? (size_t)(nul - r->doc) + 1 : 0;
	s->para--;
	return 1;
}

/* The first row of the paragraph at s. */
static void
para_start(const struct reader *r, struct spot *s)
{
	s->line = has_blank(r, s) ? -1 : 0;
}

/* Move s down k rows; how many it moved (fewer at the end). A paragraph
 * is wrapped once for all the rows it has. */
static int
advance(struct reader *r, struct spot *s, int k)
{
	int moved = 0;

	while (moved < k) {
		long room = nlines(r, s->off) - 1 - s->line;

		if (k - moved <= room) {
			s->line += k - moved;
			return k;
		}
		if (!next_para(r, s)) {
			s->line += room;
			return moved + (int)room;
		}
		moved += (int)room + 1;
		para_start(r, s);
	}
	return moved;
}

/* Move s up k rows; how many it moved (fewer at the top). */
static int
retreat(struct reader *r, struct spot *s, int k)
{
	int moved = 0;

	while (moved < k) {
		long room = s->line - (has_blank(r, s) ? -1 : 0);

		if (k - moved <= room) {
			s->line -= k - moved;
			return k;
		}
		moved += (int)room;
		s->line -= room;
		if (!prev_para(r, s))
			return moved;
		s->line = nlines(r, s->off) - 1;
		moved++;
	}
	return moved;
}

/* Rows from s to the end, counting up to max. */
static int
rows_from(struct reader *r, struct spot s, int max)
{
	return 1 + advance(r, &s, max - 1);
}

/* The top that shows the article's last rows. */
static struct spot
last_top(struct reader *r, int rows)
{
	struct spot s = { 0, 0, 0 };
	const char *nul = r->len >= 2 ? memrchr(r->doc, '\0', r->len - 1) : NULL;

	s.off = nul != NULL ? (size_t)(nul - r->doc) + 1 : 0;
	s.para = r->npara - 1;
	s.line = nlines(r, s.off) - 1;
	retreat(r, &s, rows - 1);
	return s;
}

/* The line at s (s->line >= 0). */
static struct text_line
line_at(struct reader *r, const struct spot *s)
{
	struct plines pl = lines_of(r, s->off);
	struct text_line l = pl.v[s->line < (long)pl.n ? s->line : (long)pl.n - 1];

	lines_done(&pl);
	return l;
}

/* The position (paragraph, byte) of the first line at or after s. */
static int64_t
position_of(struct reader *r, struct spot s)
{
	if (s.line < 0)
		return (int64_t)s.para << 32;
	return ((int64_t)s.para << 32) | (int64_t)line_at(r, &s).start;
}

/* The line of paragraph off that holds byte (or the last). */
static long
line_holding(struct reader *r, size_t off, size_t byte)
{
	struct plines pl = lines_of(r, off);
	long i = 0;

	while (i + 1 < (long)pl.n && pl.v[i].start + pl.v[i].len < byte)
		i++;
	lines_done(&pl);
	return i;
}

/* The top line for a (paragraph, byte) position. */
static struct spot
spot_of(struct reader *r, int64_t position)
{
	struct spot s = { 0, 0, 0 };
	int para = (int)(position >> 32);

	if (para < 0 || para >= r->npara)
		return s;
	while (s.para < para && next_para(r, &s))
		;
	s.line = line_holding(r, s.off, (size_t)(position & 0xFFFFFFFF));
	return s;
}

/* Lay the article out for the pane's width; the position stays on screen. */
static void
wrap(struct pane *p)
{
	struct reader *r = p->data;
	int width = text_cols(p) > 0 ? text_cols(p) : 1;

	if (width != r->width) {
		forget_lines(r);
		r->width = width;
	}
	r->top = spot_of(r, r->position);
}

/* Where a wanted word is in n bytes at text: the first, or the last. */
struct finding {
	const struct wanted *q;
	size_t from, to;	/* only words starting in [from, to) */
	int last;
	size_t at;		/* SIZE_MAX: none */
};

static int
find_word(const struct tok_word *w, void *ctx)
{
	struct finding *f = ctx;

	if (w->start < f->from || w->start >= f->to || !wanted_word(f->q, w))
		return 0;
	f->at = w->start;
	return !f->last;	/* the first ends the search */
}

static size_t
find_in(const struct reader *r, size_t off, size_t from, size_t to, int last)
{
	struct finding f = { &r->q, from, to, last, SIZE_MAX };
	const char *t = r->doc + off;

	if (r->q.n > 0)
		tok_split(t, strlen(t), find_word, &f);
	return f.at;
}

/*
 * Put the next (dir > 0) or previous line that holds a match at the top.
 * Paragraphs without one are passed over without laying them out.
 */
static int
jump(struct pane *p, int dir)
{
	struct reader *r = p->data;
	struct spot s = r->top;
	size_t at;

	if (r->q.n == 0)
		return 0;
	if (dir > 0) {
		/* Words that start below the top line. */
		size_t from = 0;

		if (s.line >= 0) {
			struct text_line l = line_at(r, &s);

			from = l.start + l.len;
			if (from == l.start)
				from++;	/* an empty line */
		}
		while ((at = find_in(r, s.off, from, SIZE_MAX, 0)) == SIZE_MAX) {
			if (!next_para(r, &s))
				return 0;
			from = 0;
		}
	} else {
		size_t to = s.line > 0 ? line_at(r, &s).start : 0;

		while ((at = find_in(r, s.off, 0, to, 1)) == SIZE_MAX) {
			if (!prev_para(r, &s))
				return 0;
			to = SIZE_MAX;
		}
	}
	s.line = line_holding(r, s.off, at + 1);
	r->top = s;
	return 1;
}

/* Append one paragraph, made safe for the terminal; empty ones are none. */
static void
add_para(struct pane *p, struct buf *doc, int *npara, const char *text, size_t n)
{
	if (n == 0)
		return;
	ui_text_into(p->ui, doc, text, n);
	buf_add(doc, "", 1);
	(*npara)++;
}

/* Each line of text a paragraph. */
static void
add_lines(struct pane *p, struct buf *doc, int *npara, const char *text)
{
	const char *s = text;

	while (s != NULL && *s) {
		size_t n = strcspn(s, "\n");

		add_para(p, doc, npara, s, n);
		s += n;
		if (*s)
			s++;
	}
}

struct loaded {
	struct pane *p;
	int found;
};

static int
load_item(const struct store_item *it, void *ctx)
{
	struct loaded *ld = ctx;
	struct pane *p = ld->p;
	struct reader *r = p->data;
	struct buf meta, doc;
	size_t before;

	ld->found = 1;
	r->id = it->id;
	r->position = it->position;
	r->bookmarked = it->bookmarked;
	buf_init(&doc);
	/* Sized once: doubling a buffer for a text of megabytes would cost
	 * up to half of it again. */
	buf_reserve(&doc, (it->title ? strlen(it->title) : 0) + (it->body ? strlen(it->body) : 0) +
	    (it->captions ? strlen(it->captions) : 0) + 256);
	add_para(p, &doc, &r->npara, it->title, it->title ? strlen(it->title) : 0);
	buf_init(&meta);
	buf_add(&meta, "", 0);
	if (it->published)
		buf_adds(&meta, it->published);
	if (it->author)
		buf_printf(&meta, "%s%s", meta.len ? " \xc2\xb7 " : "", it->author);
	if (it->source)
		buf_printf(&meta, "%s%s", meta.len ? " \xc2\xb7 " : "", it->source);
	before = doc.len;
	add_para(p, &doc, &r->npara, meta.data, meta.len);
	r->meta_at = doc.len > before ? before : SIZE_MAX;
	buf_free(&meta);
	add_lines(p, &doc, &r->npara, it->body);
	r->caps_at = doc.len;
	add_lines(p, &doc, &r->npara, it->captions);
	if (r->npara == 0)
		add_para(p, &doc, &r->npara, "?", 1);
	r->len = doc.len;
	r->doc = buf_detach(&doc);
	return 0;
}

void
pane_reader_save(struct pane *p)
{
	struct reader *r = p->data;

	if (r->id == 0)
		return;
	r->position = position_of(r, r->top);
	writer_position(ui_writer(p->ui), r->id, r->position);
}

int
pane_reader_open(struct pane *p, int64_t id, const struct strlist *words)
{
	struct reader *r = p->data;
	struct loaded ld = { p, 0 };
	int rc;

	pane_reader_save(p);
	free_article(r);
	r->id = 0;
	/* Its bookmark may have been set a moment ago, still on its way. */
	writer_wait(ui_writer(p->ui), UI_WRITE_WAIT_MS);
	rc = store_show(ui_store(p->ui), id, load_item, &ld);
	if (rc <= 0) {
		free_article(r);
		r->id = 0;
		if (rc < 0)
			ui_store_error(p->ui);
		else
			ui_message(p->ui, 1, "%s", _("the article is no longer in the database"));
		return -1;
	}
	writer_read(ui_writer(p->ui), id, 1);
	strlist_free(&r->words);
	strlist_init(&r->words);
	for (size_t i = 0; words != NULL && i < words->len; i++)
		strlist_push(&r->words, xstrdup(words->items[i]));
	want(r);
	r->width = 0;
	if (p->win != NULL)
		wrap(p);
	/* Opened from a search: at the first match, unless already read
	 * further. */
	if (r->words.len > 0 && r->position == 0 && r->width > 0)
		jump(p, 1);
	return 0;
}

static attr_t
kind_attr(enum para_kind k)
{
	switch (k) {
	case P_TITLE:
		return (attr_t)color_attr(EL_TITLE);
	case P_META:
	case P_CAPTION:
		return (attr_t)color_attr(EL_META);
	case P_BODY:
		break;
	}
	return (attr_t)color_attr(EL_NORMAL);
}

/* Marks of one line: the wanted words that start in it. */
struct line_marks {
	const struct wanted *q;
	struct span {
		size_t start, end;
	} v[64];
	int n;
};

static int
mark_word(const struct tok_word *w, void *ctx)
{
	struct line_marks *m = ctx;

	if (wanted_word(m->q, w) && m->n < (int)(sizeof m->v / sizeof m->v[0]))
		m->v[m->n++] = (struct span){ w->start, w->end };
	return 0;
}

static void
draw_line(struct pane *p, int y, const char *text, const struct text_line *l, enum para_kind kind)
{
	struct reader *r = p->data;
	struct line_marks m = { &r->q, { { 0, 0 } }, 0 };
	attr_t base = kind_attr(kind);
	size_t at = 0, end = l->len;
	const char *s = text + l->start;
	int x = 1;

	if (r->q.n > 0 && kind != P_META)
		tok_split(s, l->len, mark_word, &m);
	while (at < end) {
		size_t next = end;
		int marked = 0;

		for (int k = 0; k < m.n; k++) {
			if (m.v[k].start <= at && m.v[k].end > at) {
				marked = 1;
				next = m.v[k].end < end ? m.v[k].end : end;
				break;
			}
			if (m.v[k].start > at && m.v[k].start < next)
				next = m.v[k].start;
		}
		ui_put_raw(p, y, x, s + at, next - at, marked ? (attr_t)color_attr(EL_MATCH) : base);
		x += (int)text_width_n(s + at, next - at);
		at = next;
	}
}

static int
view_rows(const struct pane *p)
{
	const struct reader *r = p->data;

	return r->finding ? p->rows - 1 : p->rows;
}

static void
reader_draw(struct pane *p)
{
	struct reader *r = p->data;
	int rows = view_rows(p);
	struct spot s = r->top;

	if (r->id == 0) {
		ui_put(p, 0, 1, _("No article open: choose one in the list and press Enter."),
		    p->cols - 2, A_DIM);
		return;
	}
	for (int y = 0; y < rows;) {
		struct plines pl = lines_of(r, s.off);

		for (long k = s.line; k < (long)pl.n && y < rows; k++, y++) {
			if (k >= 0)
				draw_line(p, y, r->doc + s.off, &pl.v[k], kind_of(r, s.off));
		}
		lines_done(&pl);
		if (!next_para(r, &s))
			break;
		para_start(r, &s);
	}
	if (r->finding)
		edit_draw(&r->find, p, p->rows - 1, _("find: "));
}

/* Move the top k rows down (k < 0: up), never past the last screenful. */
static void
reader_scroll(struct pane *p, int k)
{
	struct reader *r = p->data;
	int rows = view_rows(p);

	if (k < 0)
		retreat(r, &r->top, -k);
	else
		advance(r, &r->top, k);
	if (rows_from(r, r->top, rows) < rows)
		r->top = last_top(r, rows);
}

/* Keys while the find prompt is open. */
static int
find_key(struct pane *p, int key)
{
	struct reader *r = p->data;

	if (key == 27) {
		r->finding = 0;
		return UI_REDRAW;
	}
	if (key == '\n') {
		char *save = NULL, *copy = xstrdup(r->find.text);

		r->finding = 0;
		strlist_free(&r->words);
		strlist_init(&r->words);
		for (char *w = strtok_r(copy, " ", &save); w; w = strtok_r(NULL, " ", &save))
			strlist_push(&r->words, xstrdup(w));
		free(copy);
		want(r);
		if (r->words.len > 0 && !jump(p, 1) && !jump(p, -1))
			ui_message(p->ui, 1, "%s", _("not found in this article"));
		r->position = position_of(r, r->top);
		return UI_REDRAW;
	}
	edit_key(&r->find, key);
	return UI_REDRAW;
}

static int
reader_key(struct pane *p, int key, int action)
{
	struct reader *r = p->data;
	int rows = view_rows(p);

	if (r->finding)
		return find_key(p, key);
	if (r->id == 0 && action != ACT_BACK)
		return 0;
	switch (action) {
	case ACT_DOWN:
		reader_scroll(p, 1);
		break;
	case ACT_UP:
		reader_scroll(p, -1);
		break;
	case ACT_PAGE_DOWN:
		reader_scroll(p, rows > 2 ? rows - 2 : 1);
		break;
	case ACT_PAGE_UP:
		reader_scroll(p, -(rows > 2 ? rows - 2 : 1));
		break;
	case ACT_HALF_DOWN:
		reader_scroll(p, rows / 2 > 0 ? rows / 2 : 1);
		break;
	case ACT_HALF_UP:
		reader_scroll(p, -(rows / 2 > 0 ? rows / 2 : 1));
		break;
	case ACT_TOP:
		r->top = (struct spot){ 0, 0, 0 };
		break;
	case ACT_BOTTOM:
		r->top = last_top(r, rows);
		break;
	case ACT_FIND:
		r->finding = 1;
		edit_set(&r->find, "");
		break;
	case ACT_NEXT_MATCH:
	case ACT_PREV_MATCH:
		if (!jump(p, action == ACT_NEXT_MATCH ? 1 : -1))
			ui_message(p->ui, 0, "%s", r->words.len ? _("no more matches") :
			    _("nothing to find: press / first"));
		break;
	case ACT_BOOKMARK:
		r->bookmarked = !r->bookmarked;
		writer_bookmark(ui_writer(p->ui), r->id, r->bookmarked);
		ui_message(p->ui, 0, "%s", r->bookmarked ? _("bookmarked") : _("bookmark removed"));
		ui_state_changed(p->ui);
		break;
	case ACT_NOTE:
		ui_edit_note(p->ui, r->id);
		break;
	case ACT_TAGS:
		ui_edit_tags(p->ui, r->id);
		break;
	case ACT_BACK:
		pane_reader_save(p);
		return 0;	/* the loop goes back */
	default:
		return 0;
	}
	r->position = position_of(r, r->top);
	return UI_REDRAW;
}

static void
reader_resize(struct pane *p)
{
	struct reader *r = p->data;

	if (r->id != 0)
		wrap(p);
}

/* "all" when the article fits; else how far its text has been shown. */
static void
reader_status(struct pane *p, char *buf, size_t size)
{
	struct reader *r = p->data;
	int rows = view_rows(p);
	struct spot s = r->top;
	size_t shown = 0;

	if (r->id == 0 || r->len == 0 || r->width == 0) {
		buf[0] = '\0';
		return;
	}
	if (s.para == 0 && s.line == 0 && rows_from(r, s, rows + 1) <= rows) {
		snprintf(buf, size, "%s", _("all"));
		return;
	}
	if (advance(r, &s, rows - 1) < rows - 1 || rows_from(r, s, 2) < 2) {
		shown = r->len;	/* the end is on the screen */
	} else if (s.line >= 0) {
		struct text_line l = line_at(r, &s);

		shown = s.off + l.start + l.len;
	} else {
		shown = s.off;
	}
	snprintf(buf, size, "%d%%", (int)(shown * 100 / r->len));
}

static void
reader_free(struct pane *p)
{
	struct reader *r = p->data;

	free_article(r);
	free(r->q.v);
	free(r->q.prefix);
	strlist_free(&r->words);
	edit_free(&r->find);
	free(r);
	free(p);
}

static const struct pane_ops reader_ops = {
	KEYS_READER, N_("article"), reader_draw, reader_key, reader_resize, reader_status,
	NULL, reader_free,
};

struct pane *
pane_reader_new(struct ui *ui)
{
	struct pane *p = xcalloc(1, sizeof *p);
	struct reader *r = xcalloc(1, sizeof *r);

	strlist_init(&r->words);
	edit_init(&r->find);
	p->ops = &reader_ops;
	p->ui = ui;
	p->data = r;
	return p;
}
