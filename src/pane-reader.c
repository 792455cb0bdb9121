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

struct span {
	size_t start, end;	/* bytes of the paragraph */
};

struct para {
	char *text;		/* screen text (ui_text) */
	enum para_kind kind;
	struct span *marks;
	int nmarks;
};

struct line {
	int para;		/* -1: the blank line between paragraphs */
	size_t start, len;
};

struct reader {
	int64_t id;		/* 0: nothing open */
	struct para *paras;
	int npara;
	struct line *lines;
	int nlines, caplines;
	int top;		/* first line shown */
	int64_t position;	/* (paragraph << 32) | byte, of the top line */
	int bookmarked;		/* as shown; changes go through the writer */
	struct strlist words;	/* marked words, as typed */
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
free_article(struct reader *r)
{
	for (int i = 0; i < r->npara; i++) {
		free(r->paras[i].text);
		free(r->paras[i].marks);
	}
	free(r->paras);
	free(r->lines);
	r->paras = NULL;
	r->lines = NULL;
	r->npara = r->nlines = r->caplines = 0;
}

/* What a query word matches: its folded form, or its exact form when
 * typed with diacritics (as the index does). */
struct wanted {
	struct tok_word *v;
	int *prefix;
	size_t n;
};

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

struct marking {
	const struct wanted *q;
	const char *text;
	struct para *para;
};

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

static int
mark_word(const struct tok_word *w, void *ctx)
{
	struct marking *m = ctx;

	for (size_t i = 0; i < m->q->n; i++) {
		if (word_matches(w, &m->q->v[i], m->q->prefix[i])) {
			struct para *p = m->para;

			p->marks = xrealloc(p->marks, (size_t)(p->nmarks + 1) * sizeof *p->marks);
			p->marks[p->nmarks++] = (struct span){ w->start, w->end };
			break;
		}
	}
	return 0;
}

/* Mark r->words in every paragraph. */
static void
mark(struct reader *r)
{
	struct wanted q = { NULL, NULL, 0 };

	for (size_t i = 0; i < r->words.len; i++) {
		const char *w = r->words.items[i];
		size_t len = strlen(w), before = q.n;

		tok_split(w, len, want_word, &q);
		/* "dân*": the last word of it is a prefix. */
		if (len > 0 && w[len - 1] == '*' && q.n > before)
			q.prefix[q.n - 1] = 1;
	}
	for (int i = 0; i < r->npara; i++) {
		struct marking m = { &q, r->paras[i].text, &r->paras[i] };

		free(r->paras[i].marks);
		r->paras[i].marks = NULL;
		r->paras[i].nmarks = 0;
		if (q.n > 0 && r->paras[i].kind != P_META)
			tok_split(m.text, strlen(m.text), mark_word, &m);
	}
	free(q.v);
	free(q.prefix);
}

static void
add_line(struct reader *r, int para, size_t start, size_t len)
{
	/* Doubling: a 1 MB paragraph is thousands of lines. */
	if (r->nlines == r->caplines) {
		r->caplines = r->caplines ? r->caplines * 2 : 64;
		r->lines = xrealloc(r->lines, (size_t)r->caplines * sizeof *r->lines);
	}
	r->lines[r->nlines++] = (struct line){ para, start, len };
}

/* The top line for a (paragraph, byte) position. */
static int
line_of(const struct reader *r, int64_t position)
{
	int para = (int)(position >> 32);
	size_t byte = (size_t)(position & 0xFFFFFFFF);

	for (int i = 0; i < r->nlines; i++) {
		const struct line *l = &r->lines[i];

		if (l->para > para || (l->para == para && l->start + l->len >= byte))
			return i;
	}
	return 0;
}

static int64_t
position_of(const struct reader *r, int top)
{
	for (int i = top; i < r->nlines; i++) {
		if (r->lines[i].para >= 0)
			return ((int64_t)r->lines[i].para << 32) | (int64_t)r->lines[i].start;
	}
	return 0;
}

/* Lines for the pane's width; the position stays on screen. */
static void
wrap(struct pane *p)
{
	struct reader *r = p->data;
	int width = text_cols(p);

	free(r->lines);
	r->lines = NULL;
	r->nlines = r->caplines = 0;
	for (int i = 0; i < r->npara; i++) {
		struct text_line *v;
		size_t n = text_wrap(r->paras[i].text, (size_t)(width > 0 ? width : 1), &v);

		/* A blank line after the header and between paragraphs. */
		if (i > 0 && r->paras[i].kind != P_META)
			add_line(r, -1, 0, 0);
		for (size_t k = 0; k < n; k++)
			add_line(r, i, v[k].start, v[k].len);
		free(v);
	}
	r->top = line_of(r, r->position);
}

static void
add_para(struct pane *p, const char *text, enum para_kind kind)
{
	struct reader *r = p->data;
	struct para *np;

	if (text == NULL || *text == '\0')
		return;
	r->paras = xrealloc(r->paras, (size_t)(r->npara + 1) * sizeof *r->paras);
	np = &r->paras[r->npara++];
	np->text = ui_text(p->ui, text);
	np->kind = kind;
	np->marks = NULL;
	np->nmarks = 0;
}

static void
add_lines(struct pane *p, const char *text, enum para_kind kind)
{
	const char *s = text;

	while (s != NULL && *s) {
		size_t n = strcspn(s, "\n");
		char *one = xstrndup(s, n);

		add_para(p, one, kind);
		free(one);
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
	struct buf meta;

	ld->found = 1;
	r->id = it->id;
	r->position = it->position;
	r->bookmarked = it->bookmarked;
	add_para(p, it->title, P_TITLE);
	buf_init(&meta);
	buf_add(&meta, "", 0);
	if (it->published)
		buf_adds(&meta, it->published);
	if (it->author)
		buf_printf(&meta, "%s%s", meta.len ? " \xc2\xb7 " : "", it->author);
	if (it->source)
		buf_printf(&meta, "%s%s", meta.len ? " \xc2\xb7 " : "", it->source);
	add_para(p, meta.data, P_META);
	buf_free(&meta);
	add_lines(p, it->body, P_BODY);
	add_lines(p, it->captions, P_CAPTION);
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

/* Put the next (dir > 0) or previous marked line at the top. */
static int
jump(struct pane *p, int dir)
{
	struct reader *r = p->data;

	for (int i = r->top + dir; i >= 0 && i < r->nlines; i += dir) {
		const struct line *l = &r->lines[i];

		if (l->para < 0)
			continue;
		for (int k = 0; k < r->paras[l->para].nmarks; k++) {
			const struct span *s = &r->paras[l->para].marks[k];

			if (s->start < l->start + l->len && s->end > l->start) {
				r->top = i;
				return 1;
			}
		}
	}
	return 0;
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
	mark(r);
	if (p->win != NULL)
		wrap(p);
	/* Opened from a search: at the first match, unless already read
	 * further. */
	if (r->words.len > 0 && r->position == 0)
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

static void
draw_line(struct pane *p, int y, const struct line *l)
{
	struct reader *r = p->data;
	const struct para *pa = &r->paras[l->para];
	attr_t base = kind_attr(pa->kind);
	size_t at = l->start, end = l->start + l->len;
	int x = 1;

	while (at < end) {
		size_t next = end;
		int marked = 0;

		for (int k = 0; k < pa->nmarks; k++) {
			const struct span *s = &pa->marks[k];

			if (s->start <= at && s->end > at) {
				marked = 1;
				next = s->end < end ? s->end : end;
				break;
			}
			if (s->start > at && s->start < next)
				next = s->start;
		}
		ui_put_raw(p, y, x, pa->text + at, next - at, marked ? (attr_t)color_attr(EL_MATCH) : base);
		x += (int)text_width_n(pa->text + at, next - at);
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

	if (r->id == 0) {
		ui_put(p, 0, 1, _("No article open: choose one in the list and press Enter."),
		    p->cols - 2, A_DIM);
		return;
	}
	for (int y = 0; y < rows && r->top + y < r->nlines; y++) {
		const struct line *l = &r->lines[r->top + y];

		if (l->para >= 0)
			draw_line(p, y, l);
	}
	if (r->finding)
		edit_draw(&r->find, p, p->rows - 1, _("find: "));
}

static void
reader_scroll(struct pane *p, int k)
{
	struct reader *r = p->data;
	int last = r->nlines - view_rows(p);

	r->top += k;
	if (r->top > last)
		r->top = last;
	if (r->top < 0)
		r->top = 0;
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
		mark(r);
		if (r->words.len > 0 && !jump(p, 1) && !jump(p, -1))
			ui_message(p->ui, 1, "%s", _("not found in this article"));
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
		r->top = 0;
		break;
	case ACT_BOTTOM:
		reader_scroll(p, r->nlines);
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

static void
reader_status(struct pane *p, char *buf, size_t size)
{
	struct reader *r = p->data;
	int rows = view_rows(p);

	if (r->id == 0 || r->nlines == 0) {
		buf[0] = '\0';
		return;
	}
	if (r->nlines <= rows)
		snprintf(buf, size, "%s", _("all"));
	else
		snprintf(buf, size, "%d%%", (r->top + rows) * 100 / r->nlines > 100 ? 100 :
		    (r->top + rows) * 100 / r->nlines);
}

static void
reader_free(struct pane *p)
{
	struct reader *r = p->data;

	free_article(r);
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
