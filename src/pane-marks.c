/*
 * pane-marks.c: the bookmarks (date, title, tags, the start of the note),
 * newest first, all of them or those with one tag; and the reading queue
 * (date and title), first added first, in the same view of another
 * kind. The bookmark, note, tag and queue keys work on the selected one
 * as anywhere (actions.c).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actions.h"
#include "conf.h"
#include "i18n.h"
#include "listview.h"
#include "pane.h"
#include "panes.h"
#include "store.h"
#include "text.h"
#include "util.h"

struct mark {
	int64_t id;
	char date[11];
	char *title, *tags, *note;
	int unread, bookmarked;
};

struct marks {
	struct listview lv;
	struct mark *v;
	int n;
	char *tag;		/* the filter, or NULL */
	int queue;		/* the reading queue, not the bookmarks */
};

/* Lines a bookmark takes: title, then tags and note. */
#define MARK_LINES 2

static void
clear_marks(struct marks *m)
{
	for (int i = 0; i < m->n; i++) {
		free(m->v[i].title);
		free(m->v[i].tags);
		free(m->v[i].note);
	}
	free(m->v);
	m->v = NULL;
	m->n = 0;
}

static void
marks_free(struct pane *p)
{
	struct marks *m = p->data;

	clear_marks(m);
	free(m->tag);
	free(m);
}

/* Tags shown as "#a #b". */
static char *
shown_tags(const char *tags)
{
	struct buf b;

	buf_init(&b);
	buf_add(&b, "", 0);
	while (tags != NULL && *tags) {
		size_t n = strcspn(tags, "\n");

		buf_printf(&b, "%s#%.*s", b.len ? " " : "", (int)n, tags);
		tags += n;
		if (*tags)
			tags++;
	}
	return buf_detach(&b);
}

static int
gather(const struct store_item *it, const struct store_mark *mk, void *ctx)
{
	struct marks *m = ctx;
	struct mark *r;

	m->v = xrealloc(m->v, (size_t)(m->n + 1) * sizeof *m->v);
	r = &m->v[m->n++];
	r->id = it->id;
	r->unread = it->unread;
	snprintf(r->date, sizeof r->date, "%.10s", it->published ? it->published : "");
	r->title = xstrdup(it->title ? it->title : "");
	r->bookmarked = it->bookmarked;
	/* The queue's rows have no mark. */
	r->tags = shown_tags(mk ? mk->tags : NULL);
	/* The note's first line: the rest is in the editor. */
	r->note = mk && mk->note ? xstrndup(mk->note, strcspn(mk->note, "\n")) : xstrdup("");
	return 0;
}

/* A queued article: a row with no bookmark's tags or note. */
static int
gather_queued(const struct store_item *it, void *ctx)
{
	return gather(it, NULL, ctx);
}

static void
marks_reload(struct pane *p)
{
	struct marks *m = p->data;

	clear_marks(m);
	if ((m->queue ? store_queue(ui_store(p->ui), gather_queued, m) :
	    store_bookmarks(ui_store(p->ui), m->tag, 0, gather, m)) < 0)
		ui_store_error(p->ui);
	if (p->rows > 0)
		listview_fit(&m->lv, p);
}

static int
count_marks(void *ctx)
{
	return ((struct marks *)((struct pane *)ctx)->data)->n;
}

static void
draw_mark(struct pane *p, int y, int i, int sel, void *ctx)
{
	struct marks *m = p->data;
	const struct mark *r = &m->v[i];
	int x = pane_row_start(p, y, r->date, sel);

	(void)ctx;
	ui_put(p, y, x, r->title, p->cols - x,
	    sel ? pane_selected_attr(p) : (attr_t)color_attr(EL_TITLE));
	if (!m->queue && y + 1 < p->rows) {
		int w = ui_put(p, y + 1, 3, r->tags, p->cols - 3, (attr_t)color_attr(EL_META));

		ui_put(p, y + 1, 3 + w + (w ? 2 : 0), r->note, p->cols - 5 - w, A_NORMAL);
	}
}

static void
marks_draw(struct pane *p)
{
	struct marks *m = p->data;

	if (m->n == 0 && m->queue) {
		ui_put(p, 0, 1, _("The reading queue is empty: + adds the article under the cursor."),
		    p->cols - 2, A_DIM);
		return;
	}
	if (m->n == 0) {
		ui_put(p, 0, 1, m->tag ? _("No bookmark has this tag.") :
		    _("No bookmarks yet: m bookmarks the article under the cursor."),
		    p->cols - 2, A_DIM);
		return;
	}
	listview_draw(&m->lv, p);
}

static void
filtered(struct ui *ui, const char *answer, void *ctx)
{
	struct pane *p = ctx;
	struct marks *m = p->data;

	struct strlist tags;

	(void)ui;
	/* As a tag is typed anywhere: "#lễ hội", or completed ("lễ hội, "). */
	strlist_init(&tags);
	store_tags_split(answer, &tags);
	free(m->tag);
	m->tag = tags.len > 0 ? xstrdup(tags.items[0]) : NULL;
	strlist_free(&tags);
	m->lv.sel = m->lv.top = 0;
	marks_reload(p);
	p->dirty = 1;
}

static const struct ui_question filter_question = {
	.text = N_("tag (empty: all; Tab completes): "), .answered = filtered,
	.complete = actions_complete_tag,
};

static int
marks_key(struct pane *p, int key, int action)
{
	struct marks *m = p->data;
	int flags;

	(void)key;
	if ((flags = listview_key(&m->lv, p, action)) != 0)
		return flags;
	switch (action) {
	case ACT_MARK_OPEN:
	case ACT_QUEUE_OPEN:
		return m->n > 0 ? UI_HANDLED | UI_OPEN : UI_HANDLED;
	case ACT_QUEUE_CLOSE:
	case ACT_FILTER_TAG:
		/* Empty: a tag is typed anew more often than edited. */
		ui_prompt(p->ui, &filter_question, NULL, p);
		return UI_HANDLED;
	case ACT_CLOSE:
		return UI_HANDLED | UI_LEAVE;
	}
	return 0;
}

static void
marks_resize(struct pane *p)
{
	listview_fit(&((struct marks *)p->data)->lv, p);
}

static void
marks_status(struct pane *p, char *buf, size_t size)
{
	struct marks *m = p->data;

	snprintf(buf, size, "%d/%d%s%s", m->n ? m->lv.sel + 1 : 0, m->n, m->tag ? "  #" : "",
	    m->tag ? m->tag : "");
}

static int
marks_current(struct pane *p, struct pane_article *a)
{
	struct marks *m = p->data;

	if (m->n == 0)
		return 0;
	a->id = m->v[m->lv.sel].id;
	a->unread = m->v[m->lv.sel].unread;
	a->bookmarked = m->v[m->lv.sel].bookmarked;
	a->words = NULL;
	return 1;
}

/* A bookmark removed here (an article taken out of the queue) leaves the
 * list at once. */
static void
marks_changed(struct pane *p, const struct pane_change *c)
{
	struct marks *m = p->data;

	for (int i = 0; i < m->n; i++) {
		if (m->v[i].id == c->id && c->what == CHANGE_BOOKMARK)
			m->v[i].bookmarked = c->on;
	}
	if (c->what != (m->queue ? CHANGE_QUEUE : CHANGE_BOOKMARK) || c->on)
		return;
	for (int i = 0; i < m->n; i++) {
		if (m->v[i].id != c->id)
			continue;
		free(m->v[i].title);
		free(m->v[i].tags);
		free(m->v[i].note);
		memmove(m->v + i, m->v + i + 1, (size_t)(m->n - i - 1) * sizeof *m->v);
		m->n--;
		if (p->rows > 0)
			listview_fit(&m->lv, p);
		p->dirty = 1;
		break;
	}
}

static const struct listview_ops marks_rows = {
	count_marks, draw_mark, NULL, NULL, NULL,
};

static const struct pane_ops marks_ops = {
	.where = KEYS_MARKS,
	.name = N_("bookmarks"),
	.kind = PANE_LIST,
	.draw = marks_draw,
	.key = marks_key,
	.resize = marks_resize,
	.status = marks_status,
	.free = marks_free,
	.current = marks_current,
	.reload = marks_reload,
	.changed = marks_changed,
};

static const struct pane_ops queue_ops = {
	.where = KEYS_QUEUE,
	.name = N_("queue"),
	.kind = PANE_LIST,
	.draw = marks_draw,
	.key = marks_key,
	.resize = marks_resize,
	.status = marks_status,
	.free = marks_free,
	.current = marks_current,
	.reload = marks_reload,
	.changed = marks_changed,
};

struct pane *
pane_marks_new(struct ui *ui)
{
	struct marks *m = xcalloc(1, sizeof *m);
	struct pane *p = pane_new(ui, &marks_ops, m);

	listview_init(&m->lv, &marks_rows, p, MARK_LINES);
	return p;
}

struct pane *
pane_queue_new(struct ui *ui)
{
	struct marks *m = xcalloc(1, sizeof *m);
	struct pane *p = pane_new(ui, &queue_ops, m);

	m->queue = 1;
	listview_init(&m->lv, &marks_rows, p, 1);
	return p;
}
