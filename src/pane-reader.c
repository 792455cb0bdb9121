/*
 * pane-reader.c: one article, wrapped at the pane's width: a header
 * (title in bold; date, author, source), the paragraphs, the captions
 * dimmed. Words are marked with the index's folding, so "dan van" marks
 * "dân vận"; n and N go from match to match. The reading position is kept
 * as (paragraph, byte) so that it survives re-wrapping and comes back when
 * the article is opened again. The text and its rows are layout.h's; this
 * file loads, draws, marks and finds.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "edit.h"
#include "conf.h"
#include "date.h"
#include "i18n.h"
#include "layout.h"
#include "mark.h"
#include "worddiff.h"
#include "pane.h"
#include "panes.h"
#include "store.h"
#include "text.h"
#include "tokenize.h"
#include "url.h"
#include "util.h"
#include "writer.h"

/* A place n and N go to: the query's words together, or one of them. */
struct match {
	size_t off;		/* its paragraph's first byte */
	int para;
	size_t at;		/* its first byte in the paragraph */
};

struct reader {
	int64_t id;		/* 0: nothing open */
	struct layout lay;	/* its text, laid out where shown */
	struct layout_spot top;	/* the first row shown */
	int64_t position;	/* (paragraph << 32) | byte, of the top line */
	int64_t saved;		/* the position in the database */
	int bookmarked, unread;	/* as shown; changes go through the writer */
	struct strlist words;	/* marked words, as typed */
	struct mark_words q;	/* the same, split as the index splits */
	struct match *found;	/* where n and N go, in order */
	size_t nfound;
	int finding;		/* the find prompt is open */
	struct edit find;
	size_t body_at;		/* where the body begins in lay.doc */
	struct worddiff_span *diff;	/* words not in the other copy (D), */
	size_t ndiff;		/* in lay.doc's bytes, in order */
	int diffed;		/* D is on */
};

/* The room for text: one column of margin on each side. */
static int
room_cols(const struct pane *p)
{
	return p->cols > 4 ? p->cols - 2 : p->cols;
}

/* The wrap width: the room, no wider than the text-width setting. */
static int
text_cols(const struct pane *p)
{
	int most = conf_get()->text_width;

	return most > 0 && room_cols(p) > most ? most : room_cols(p);
}

/* The text's first column: after the margin, or in the middle of the
 * room with text-center. */
static int
text_left(const struct pane *p)
{
	return 1 + (conf_get()->text_center ? (room_cols(p) - text_cols(p)) / 2 : 0);
}

static void
free_article(struct reader *r)
{
	layout_free(&r->lay);
	r->top = (struct layout_spot){ 0, 0, 0 };
	free(r->found);
	r->found = NULL;
	r->nfound = 0;
	free(r->diff);
	r->diff = NULL;
	r->ndiff = 0;
	r->diffed = 0;
}

static void
reader_free(struct pane *p)
{
	struct reader *r = p->data;

	free_article(r);
	mark_words_free(&r->q);
	strlist_free(&r->words);
	edit_free(&r->find);
	free(r);
}

/* Lay the article out for the pane's width; the position stays on screen. */
static void
wrap(struct pane *p)
{
	struct reader *r = p->data;
	layout_width(&r->lay, text_cols(p) > 0 ? text_cols(p) : 1);
	r->top = layout_spot_of(&r->lay, r->position);
}

/* Gathering the matches of one paragraph. */
struct gathering {
	struct reader *r;
	size_t off;
	int para;
};

static int
gather_match(size_t start, size_t end, void *ctx)
{
	struct gathering *g = ctx;
	struct reader *r = g->r;

	(void)end;
	r->found = xrealloc(r->found, (r->nfound + 1) * sizeof *r->found);
	r->found[r->nfound++] = (struct match){ g->off, g->para, start };
	return 0;
}

/* Each place in the article (not its header line) where the words
 * [from, to) of r->q stand together. */
static void
gather(struct reader *r, size_t from, size_t to)
{
	struct gathering g = { r, 0, 0 };

	for (; g.off < r->lay.len; g.off += strlen(r->lay.doc + g.off) + 1, g.para++) {
		if (layout_kind(&r->lay, g.off) != LAYOUT_META)
			mark_find(&r->q, from, to, r->lay.doc + g.off, strlen(r->lay.doc + g.off),
			    gather_match, &g);
	}
}

static int
match_cmp(const void *va, const void *vb)
{
	const struct match *a = va, *b = vb;

	if (a->off != b->off)
		return a->off < b->off ? -1 : 1;
	return a->at < b->at ? -1 : a->at > b->at;
}

/*
 * Where n and N go: where the words sought stand together as typed, if
 * they do somewhere ("dan so" at "dân số", not at each "dân"); else at
 * each word or quoted phrase.
 */
static void
find_matches(struct reader *r)
{
	free(r->found);
	r->found = NULL;
	r->nfound = 0;
	if (r->q.n == 0)
		return;
	gather(r, 0, r->q.n);
	if (r->nfound > 0 || r->q.item[r->q.n - 1] == 0)
		return;		/* together, or one item only */
	for (size_t i = 0, j; i < r->q.n; i = j) {
		for (j = i; j < r->q.n && r->q.item[j] == r->q.item[i]; j++)
			;
		gather(r, i, j);
	}
	qsort(r->found, r->nfound, sizeof *r->found, match_cmp);
}

/* Is match m before byte at of the paragraph at off? */
static int
match_before(const struct match *m, size_t off, size_t at)
{
	return m->off < off || (m->off == off && m->at < at);
}

/* The matches that start on the top line or above it. */
static size_t
matches_passed(struct reader *r)
{
	struct layout_spot s = r->top;
	size_t end = 0, k = 0;

	if (s.line >= 0) {
		struct text_line l = layout_line_at(&r->lay, &s);

		end = l.start + l.len;
	}
	while (k < r->nfound && match_before(&r->found[k], s.off, end))
		k++;
	return k;
}

/*
 * Put the next (dir > 0) or previous line that holds a match at the top:
 * the next starts below the top line, the previous above it.
 */
static int
jump(struct pane *p, int dir)
{
	struct reader *r = p->data;
	struct layout_spot s = r->top;
	const struct match *m = NULL;

	if (dir > 0) {
		size_t from = 0;

		if (s.line >= 0) {
			struct text_line l = layout_line_at(&r->lay, &s);

			from = l.start + l.len;
			if (from == l.start)
				from++;	/* an empty line */
		}
		for (size_t k = 0; k < r->nfound && m == NULL; k++) {
			if (!match_before(&r->found[k], s.off, from))
				m = &r->found[k];
		}
	} else {
		size_t to = s.line > 0 ? layout_line_at(&r->lay, &s).start : 0;

		for (size_t k = r->nfound; k-- > 0 && m == NULL;) {
			if (match_before(&r->found[k], s.off, to))
				m = &r->found[k];
		}
	}
	if (m == NULL)
		return 0;
	r->top = (struct layout_spot){ m->off, m->para, layout_line_holding(&r->lay, m->off, m->at + 1) };
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

struct loaded {
	struct pane *p;
	int found;
};

/* Where the captions of article id stood among its paragraphs, from the
 * page it was imported from (article_caption_places); all SIZE_MAX (at
 * the end) when the page was not kept. */
static void
caption_places(struct pane *p, int64_t id, const struct strlist *paras,
    const struct strlist *caps, size_t *at)
{
	struct store_page *pg = NULL;
	size_t n = 0;

	for (size_t c = 0; c < caps->len; c++)
		at[c] = SIZE_MAX;
	if (caps->len > 0 && store_pages(ui_store(p->ui), id - 1, 1, &pg, &n) == 0 && n == 1 &&
	    pg[0].id == id && pg[0].original != NULL)
		article_caption_places(paras, caps, pg[0].original, at);
	for (size_t i = 0; i < n; i++)
		store_page_free(&pg[i]);
	free(pg);
}

/* Add caption c, a caption of the body, to doc. */
static void
add_caption(struct pane *p, struct buf *doc, const char *c)
{
	struct reader *r = p->data;
	size_t before = doc->len;

	add_para(p, doc, &r->lay.npara, c, strlen(c));
	if (doc->len > before)
		layout_add_caption(&r->lay, before);
}

/* "Also in: Báo A (11/3), Báo B": a story's other copies. */
struct also {
	int64_t id;
	struct buf b;
};

static int
also_source(const struct store_item *it, void *ctx)
{
	struct also *a = ctx;
	char *source;

	if (it->id == a->id)
		return 0;
	source = url_source_shown(it->source, it->url);
	buf_printf(&a->b, "%s%s", a->b.len ? ", " : _("Also in: "), *source ? source : "?");
	free(source);
	if (it->published != NULL && strlen(it->published) >= 10) {
		int m = atoi(it->published + 5), d = atoi(it->published + 8);

		buf_printf(&a->b, " (%d/%d)", d, m);
	}
	return 0;
}

/* The body's paragraphs, each caption where it stood on the page (set
 * apart: dim), those whose place is not known after them. */
static void
add_body(struct pane *p, struct buf *doc, const struct store_item *it)
{
	struct reader *r = p->data;
	struct strlist paras, caps;
	size_t *at;

	r->body_at = doc->len;
	strlist_split_lines(&paras, it->body);
	strlist_split_lines(&caps, it->captions);
	at = xcalloc(caps.len + 1, sizeof *at);
	caption_places(p, it->id, &paras, &caps, at);
	for (size_t k = 0; k <= paras.len; k++) {
		for (size_t c = 0; c < caps.len; c++) {
			if (at[c] == k)
				add_caption(p, doc, caps.items[c]);
		}
		if (k < paras.len)
			add_para(p, doc, &r->lay.npara, paras.items[k], strlen(paras.items[k]));
	}
	r->lay.caps_at = doc->len;
	for (size_t c = 0; c < caps.len; c++) {
		if (at[c] == SIZE_MAX)
			add_para(p, doc, &r->lay.npara, caps.items[c], strlen(caps.items[c]));
	}
	free(at);
	strlist_free(&paras);
	strlist_free(&caps);
}

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
	r->position = r->saved = it->position;
	r->bookmarked = it->bookmarked;
	r->unread = it->unread;
	buf_init(&doc);
	/* Sized once: doubling a buffer for a text of megabytes would cost
	 * up to half of it again. */
	buf_reserve(&doc, (it->title ? strlen(it->title) : 0) + (it->body ? strlen(it->body) : 0) +
	    (it->captions ? strlen(it->captions) : 0) + 256);
	add_para(p, &doc, &r->lay.npara, it->title, it->title ? strlen(it->title) : 0);
	buf_init(&meta);
	buf_add(&meta, "", 0);
	/* Source · author · date, the date in the reader's words. */
	if (it->source)
		buf_adds(&meta, it->source);
	if (it->author)
		buf_printf(&meta, "%s%s", meta.len ? " \xc2\xb7 " : "", it->author);
	if (it->published) {
		char day[128];

		date_shown(it->published, day, sizeof day);
		buf_printf(&meta, "%s%s", meta.len ? " \xc2\xb7 " : "", day);
	}
	before = doc.len;
	add_para(p, &doc, &r->lay.npara, meta.data, meta.len);
	r->lay.meta_at = doc.len > before ? before : SIZE_MAX;
	buf_free(&meta);
	/* Where it was published. */
	before = doc.len;
	if (it->url != NULL)
		add_para(p, &doc, &r->lay.npara, it->url, strlen(it->url));
	r->lay.url_at = doc.len > before ? before : SIZE_MAX;
	/* The story's other copies: which papers carried it too. */
	before = doc.len;
	if (it->story) {
		struct also a = { it->id, { NULL, 0, 0 } };

		if (store_story_members(ui_store(p->ui), it->id, also_source, &a) > 1 && a.b.len)
			add_para(p, &doc, &r->lay.npara, a.b.data, a.b.len);
		buf_free(&a.b);
	}
	r->lay.also_at = doc.len > before ? before : SIZE_MAX;
	add_body(p, &doc, it);
	if (r->lay.npara == 0)
		add_para(p, &doc, &r->lay.npara, "?", 1);
	r->lay.len = doc.len;
	r->lay.doc = buf_detach(&doc);
	layout_find_headings(&r->lay);
	return 0;
}

/* Save the reading position of the open article (leave). */
static void
reader_save(struct pane *p)
{
	struct reader *r = p->data;

	if (r->id == 0)
		return;
	r->position = layout_position(&r->lay, r->top);
	/* An article passed over (the split screen follows the cursor) is
	 * not written again. */
	if (r->position != r->saved)
		writer_position(ui_writer(p->ui), r->id, r->position);
	r->saved = r->position;
}

/* Show article id; words are marked (show). Returns 0 or -1. */
static int
reader_show(struct pane *p, int64_t id, const struct strlist *words)
{
	struct reader *r = p->data;
	struct loaded ld = { p, 0 };
	int rc;

	reader_save(p);
	free_article(r);
	r->id = 0;
	/* Its bookmark may have been set a moment ago, still on its way. */
	writer_wait(ui_writer(p->ui), UI_WRITE_WAIT_MS);
	rc = store_show(ui_store(p->ui), id, load_item, &ld);
	if (!ui_found(p->ui, rc)) {
		free_article(r);
		r->id = 0;
		return -1;
	}
	strlist_free(&r->words);
	strlist_init(&r->words);
	for (size_t i = 0; words != NULL && i < words->len; i++)
		strlist_push(&r->words, xstrdup(words->items[i]));
	mark_words_set(&r->q, &r->words);
	find_matches(r);
	if (p->win != NULL)
		wrap(p);
	/* Opened from a search: at the first match, unless already read
	 * further. */
	if (r->words.len > 0 && r->position == 0 && r->lay.width > 0)
		jump(p, 1);
	return 0;
}

static attr_t
kind_attr(enum layout_kind k)
{
	switch (k) {
	case LAYOUT_TITLE:
		return (attr_t)color_attr(EL_TITLE);
	case LAYOUT_HEADING:
		return (attr_t)color_attr(EL_HEADING);
	case LAYOUT_META:
	case LAYOUT_CAPTION:
		return (attr_t)color_attr(EL_META);
	case LAYOUT_BODY:
		break;
	}
	return (attr_t)color_attr(EL_NORMAL);
}

/* Marks of one line: the wanted words that start in it. */
struct line_marks {
	const struct mark_words *q;
	struct span {
		size_t start, end;
	} v[64];
	int n;
};

static int
mark_word(const struct tok_word *w, void *ctx)
{
	struct line_marks *m = ctx;

	if (mark_words_has(m->q, w) && m->n < (int)(sizeof m->v / sizeof m->v[0]))
		m->v[m->n++] = (struct span){ w->start, w->end };
	return 0;
}

/* The diff's words within the n bytes at doc offset at, added to m
 * (relative to at). */
static void
diff_spans(const struct reader *r, size_t at, size_t n, struct line_marks *m)
{
	size_t lo = 0, hi = r->ndiff;

	/* The first that ends past at. */
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (r->diff[mid].end <= at)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t i = lo; i < r->ndiff && r->diff[i].start < at + n; i++) {
		size_t a = r->diff[i].start > at ? r->diff[i].start - at : 0;
		size_t b = r->diff[i].end - at < n ? r->diff[i].end - at : n;

		if (m->n < (int)(sizeof m->v / sizeof m->v[0]))
			m->v[m->n++] = (struct span){ a, b };
	}
}

static void
draw_line(struct pane *p, int y, const char *text, const struct text_line *l, enum layout_kind kind)
{
	struct reader *r = p->data;
	struct line_marks m = { &r->q, { { 0, 0 } }, 0 };
	attr_t base = kind_attr(kind);
	size_t at = 0, end = l->len;
	const char *s = text + l->start;
	int x = text_left(p);

	if (r->q.n > 0 && kind != LAYOUT_META)
		tok_split(s, l->len, mark_word, &m);
	/* The words the other copy lacks (D), this line's. */
	if (r->ndiff > 0)
		diff_spans(r, (size_t)(s - r->lay.doc), l->len, &m);
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
	struct layout_spot s = r->top;

	if (r->id == 0) {
		ui_put(p, 0, 1, _("No article open: choose one in the list and press Enter."),
		    p->cols - 2, A_DIM);
		return;
	}
	for (int y = 0; y < rows;) {
		struct layout_lines ls = layout_lines(&r->lay, s.off);
		enum layout_kind kind = layout_kind(&r->lay, s.off);

		for (long k = s.line; k < (long)ls.n && y < rows; k++, y++) {
			if (k >= 0)
				draw_line(p, y, r->lay.doc + s.off, &ls.v[k], kind);
		}
		layout_lines_done(&ls);
		if (!layout_next_para(&r->lay, &s))
			break;
		layout_para_start(&r->lay, &s);
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
		layout_retreat(&r->lay, &r->top, -k);
	else
		layout_advance(&r->lay, &r->top, k);
	if (layout_rows_from(&r->lay, r->top, rows) < rows)
		r->top = layout_last_top(&r->lay, rows);
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
		mark_words_set(&r->q, &r->words);
		find_matches(r);
		if (r->words.len > 0 && !jump(p, 1) && !jump(p, -1))
			ui_message(p->ui, 1, "%s", _("not found in this article"));
		r->position = layout_position(&r->lay, r->top);
		return UI_REDRAW;
	}
	edit_key(&r->find, key);
	return UI_REDRAW;
}

/* The copy D compares with: the story's earliest, or for the earliest
 * the next; and its body. */
struct other {
	int64_t self, id;
	char *source, *day;
};

static int
pick_other(const struct store_item *it, void *ctx)
{
	struct other *o = ctx;

	if (it->id == o->self)
		return 0;
	o->id = it->id;
	o->source = url_source_shown(it->source, it->url);
	o->day = xstrndup(it->published ? it->published : "", 10);
	return 1;
}

static int
other_body(const struct store_item *it, void *ctx)
{
	/* Its captions too: the layout holds this one's among its body. */
	*(char **)ctx = xasprintf("%s\n%s", it->body ? it->body : "", it->captions ? it->captions : "");
	return 0;
}

/* D: mark the words of the body the story's other copy lacks, or unmark
 * them; the message line says against which and how many. */
static void
toggle_diff(struct pane *p)
{
	struct reader *r = p->data;
	struct other o = { r->id, 0, NULL, NULL };
	char *body = NULL;
	size_t end = r->lay.caps_at < r->lay.len ? r->lay.caps_at : r->lay.len;

	if (r->diffed) {
		free(r->diff);
		r->diff = NULL;
		r->ndiff = 0;
		r->diffed = 0;
		ui_message(p->ui, 0, "%s", _("differences unmarked"));
		return;
	}
	if (store_story_members(ui_store(p->ui), r->id, pick_other, &o) < 0 ||
	    (o.id != 0 && store_show(ui_store(p->ui), o.id, other_body, &body) < 0)) {
		ui_store_error(p->ui);
	} else if (o.id == 0 || body == NULL) {
		ui_message(p->ui, 0, "%s", _("no other copy of this story to compare with"));
	} else {
		/* The body's paragraphs end in NULs in the layout, in line
		 * feeds in the store: both are gaps between words. */
		r->ndiff = worddiff(r->lay.doc + r->body_at, end - r->body_at, body, strlen(body),
		    &r->diff);
		for (size_t i = 0; i < r->ndiff; i++) {
			r->diff[i].start += r->body_at;
			r->diff[i].end += r->body_at;
		}
		r->diffed = 1;
		ui_message(p->ui, 0, P_("%zu word differs from %s (%s)", "%zu words differ from %s (%s)",
		    r->ndiff), r->ndiff, *o.source ? o.source : "?", o.day);
	}
	free(body);
	free(o.source);
	free(o.day);
}

static int
reader_key(struct pane *p, int key, int action)
{
	struct reader *r = p->data;
	int rows = view_rows(p);

	if (r->finding)
		return UI_HANDLED | find_key(p, key);
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
		r->top = (struct layout_spot){ 0, 0, 0 };
		break;
	case ACT_BOTTOM:
		r->top = layout_last_top(&r->lay, rows);
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
	case ACT_BACK:
		return UI_HANDLED | UI_LEAVE;
	case ACT_DIFF:
		toggle_diff(p);
		break;
	default:
		return 0;
	}
	r->position = layout_position(&r->lay, r->top);
	return UI_HANDLED | UI_REDRAW;
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
reader_where(struct pane *p, char *buf, size_t size)
{
	struct reader *r = p->data;
	int rows = view_rows(p);
	struct layout_spot s = r->top;
	size_t shown = 0;

	if (r->id == 0 || r->lay.len == 0 || r->lay.width == 0) {
		buf[0] = '\0';
		return;
	}
	if (s.para == 0 && s.line == 0 && layout_rows_from(&r->lay, s, rows + 1) <= rows) {
		snprintf(buf, size, "%s", _("all"));
		return;
	}
	if (layout_advance(&r->lay, &s, rows - 1) < rows - 1 ||
	    layout_rows_from(&r->lay, s, 2) < 2) {
		shown = r->lay.len;	/* the end is on the screen */
	} else if (s.line >= 0) {
		struct text_line l = layout_line_at(&r->lay, &s);

		shown = s.off + l.start + l.len;
	} else {
		shown = s.off;
	}
	snprintf(buf, size, "%d%%", (int)(shown * 100 / r->lay.len));
}

/* Where the reader is, and "match 3/25": the last match on the top line
 * or above it (n puts the next there), of all; 0 before the first. */
static void
reader_status(struct pane *p, char *buf, size_t size)
{
	struct reader *r = p->data;
	size_t len;
	char m[64];

	reader_where(p, buf, size);
	if (r->id == 0 || r->nfound == 0)
		return;
	snprintf(m, sizeof m, _("match %zu/%zu"), matches_passed(r), r->nfound);
	len = strlen(buf);
	snprintf(buf + len, size - len, "%s%s", len ? "  " : "", m);
}

static int
reader_current(struct pane *p, struct pane_article *a)
{
	struct reader *r = p->data;

	if (r->id == 0)
		return 0;
	a->id = r->id;
	a->unread = r->unread;
	a->bookmarked = r->bookmarked;
	a->words = &r->words;
	return 1;
}

static void
reader_changed(struct pane *p, const struct pane_change *c)
{
	struct reader *r = p->data;

	if (c->id != 0 && c->id != r->id)
		return;
	if (c->what == CHANGE_READ)
		r->unread = !c->on;
	else
		r->bookmarked = c->on;
}

static const struct pane_ops reader_ops = {
	.where = KEYS_READER,
	.name = N_("article"),
	.kind = PANE_ARTICLE,
	.draw = reader_draw,
	.key = reader_key,
	.resize = reader_resize,
	.status = reader_status,
	.free = reader_free,
	.leave = reader_save,
	.current = reader_current,
	.show = reader_show,
	.changed = reader_changed,
};

struct pane *
pane_reader_new(struct ui *ui)
{
	struct reader *r = xcalloc(1, sizeof *r);

	strlist_init(&r->words);
	edit_init(&r->find);
	return pane_new(ui, &reader_ops, r);
}
