/*
 * pane-marks.c: the bookmarks (date, title, tags, the start of the note),
 * newest first, all of them or those with one tag; open one, remove one,
 * write its note and tags. Also the note and tag questions the other
 * panes ask (ui_edit_note, ui_edit_tags): answering bookmarks the article.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conf.h"
#include "i18n.h"
#include "pane.h"
#include "store.h"
#include "text.h"
#include "util.h"
#include "writer.h"

struct mark {
	int64_t id;
	char date[11];
	char *title, *tags, *note;
};

struct marks {
	struct mark *v;
	int n;
	int sel, top;
	char *tag;		/* the filter, or NULL */
	int stale;		/* changed while hidden: read when shown */
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
	snprintf(r->date, sizeof r->date, "%.10s", it->published ? it->published : "");
	r->title = xstrdup(it->title ? it->title : "");
	r->tags = shown_tags(mk->tags);
	/* The note's first line: the rest is in the editor. */
	r->note = xstrndup(mk->note ? mk->note : "", strcspn(mk->note ? mk->note : "", "\n"));
	return 0;
}

void
pane_marks_reload(struct pane *p)
{
	struct marks *m = p->data;

	/* Every change in the database reloads: not while nobody looks. */
	m->stale = p->rows <= 0;
	if (m->stale)
		return;
	clear_marks(m);
	if (store_bookmarks(ui_store(p->ui), m->tag, 0, gather, m) < 0)
		ui_store_error(p->ui);
	if (m->sel >= m->n)
		m->sel = m->n > 0 ? m->n - 1 : 0;
	if (m->top > m->sel)
		m->top = m->sel;
}

static int
shown(const struct pane *p)
{
	int n = p->rows / MARK_LINES;

	return n > 0 ? n : 1;
}

static void
marks_draw(struct pane *p)
{
	struct marks *m = p->data;

	if (m->n == 0) {
		ui_put(p, 0, 1, m->tag ? _("No bookmark has this tag.") :
		    _("No bookmarks yet: m bookmarks the article under the cursor."),
		    p->cols - 2, A_DIM);
		return;
	}
	for (int i = 0; i < shown(p) && m->top + i < m->n; i++) {
		const struct mark *r = &m->v[m->top + i];
		int y = i * MARK_LINES, x = 1, sel = m->top + i == m->sel;
		attr_t a = (attr_t)color_attr(sel ? EL_SELECTED : EL_TITLE);

		ui_fill(p, y, 0, (attr_t)color_attr(sel ? EL_SELECTED : EL_NORMAL));
		if (p->cols >= 36) {
			ui_put(p, y, x, r->date, 10, a);
			x += 12;
		}
		ui_put(p, y, x, r->title, p->cols - x, a);
		if (y + 1 < p->rows) {
			int w = ui_put(p, y + 1, 3, r->tags, p->cols - 3, (attr_t)color_attr(EL_META));

			ui_put(p, y + 1, 3 + w + (w ? 2 : 0), r->note, p->cols - 5 - w, A_NORMAL);
		}
	}
}

static void
select_mark(struct pane *p, int k)
{
	struct marks *m = p->data;

	pane_select(&m->sel, &m->top, k, m->n, shown(p));
}

static void
filtered(struct ui *ui, const char *answer, int64_t about);

static int
marks_key(struct pane *p, int key, int action)
{
	struct marks *m = p->data;
	int64_t id = m->n > 0 ? m->v[m->sel].id : 0;

	(void)key;
	switch (action) {
	case ACT_DOWN:
		select_mark(p, m->sel + 1);
		break;
	case ACT_UP:
		select_mark(p, m->sel - 1);
		break;
	case ACT_PAGE_DOWN:
	case ACT_HALF_DOWN:
		select_mark(p, m->sel + shown(p));
		break;
	case ACT_PAGE_UP:
	case ACT_HALF_UP:
		select_mark(p, m->sel - shown(p));
		break;
	case ACT_TOP:
		select_mark(p, 0);
		break;
	case ACT_BOTTOM:
		select_mark(p, m->n - 1);
		break;
	case ACT_MARK_OPEN:
		if (id != 0)
			ui_open(p->ui, id, NULL);
		break;
	case ACT_BOOKMARK:
		/* Here m only removes: the article leaves the list. */
		if (id != 0) {
			writer_bookmark(ui_writer(p->ui), id, 0);
			ui_message(p->ui, 0, "%s", _("bookmark removed"));
			ui_state_changed(p->ui);
		}
		break;
	case ACT_NOTE:
		if (id != 0)
			ui_edit_note(p->ui, id);
		break;
	case ACT_TAGS:
		if (id != 0)
			ui_edit_tags(p->ui, id);
		break;
	case ACT_FILTER_TAG:
		ui_prompt(p->ui, _("tag (empty: all): "), m->tag, 0, filtered);
		break;
	case ACT_CLOSE:
		ui_leave(p->ui);
		break;
	default:
		return 0;
	}
	return UI_REDRAW;
}

static void
filtered(struct ui *ui, const char *answer, int64_t about)
{
	struct pane *p = ui_marks(ui);
	struct marks *m = p->data;

	(void)about;
	free(m->tag);
	m->tag = *answer ? xstrdup(answer) : NULL;
	m->sel = m->top = 0;
	pane_marks_reload(p);
}

static void
noted(struct ui *ui, const char *answer, int64_t id)
{
	writer_note(ui_writer(ui), id, answer);
	ui_message(ui, 0, "%s", _("note saved"));
	ui_state_changed(ui);
}

static void
tagged(struct ui *ui, const char *answer, int64_t id)
{
	struct strlist tags;
	char *copy = xstrdup(answer), *save = NULL;

	/* "a, b c" or "#a #b": commas or #s part tags; a tag may hold spaces. */
	strlist_init(&tags);
	for (char *t = strtok_r(copy, ",#", &save); t; t = strtok_r(NULL, ",#", &save)) {
		text_squeeze(t);
		if (*t)
			strlist_push(&tags, xstrdup(t));
	}
	writer_tags(ui_writer(ui), id, &tags);
	ui_message(ui, 0, "%s", _("tags saved"));
	strlist_free(&tags);
	free(copy);
	ui_state_changed(ui);
}

/* Article id's note and tags, or 0 with a message. A note or tags just
 * typed may still be on their way (writer.h): given a moment. */
static int
mark_of(struct ui *ui, int64_t id, char **note, char **tags)
{
	int rc;

	writer_wait(ui_writer(ui), UI_WRITE_WAIT_MS);
	rc = store_mark_of(ui_store(ui), id, note, tags);

	if (rc < 0)
		ui_store_error(ui);
	else if (rc == 0)
		ui_message(ui, 1, "%s", _("the article is no longer in the database"));
	return rc > 0;
}

void
ui_edit_note(struct ui *ui, int64_t id)
{
	char *note, *tags;

	if (!mark_of(ui, id, &note, &tags))
		return;
	ui_prompt(ui, _("note: "), note, id, noted);
	free(note);
	free(tags);
}

void
ui_edit_tags(struct ui *ui, int64_t id)
{
	char *note, *tags;

	if (!mark_of(ui, id, &note, &tags))
		return;
	for (char *t = tags; *t; t++) {
		if (*t == '\n')
			*t = ',';
	}
	ui_prompt(ui, _("tags (a, b): "), tags, id, tagged);
	free(note);
	free(tags);
}

static void
marks_resize(struct pane *p)
{
	struct marks *m = p->data;

	if (m->stale)
		pane_marks_reload(p);
	select_mark(p, m->sel);
}

static void
marks_status(struct pane *p, char *buf, size_t size)
{
	struct marks *m = p->data;

	snprintf(buf, size, "%d/%d%s%s", m->n ? m->sel + 1 : 0, m->n, m->tag ? "  #" : "",
	    m->tag ? m->tag : "");
}

static const struct pane_ops marks_ops = {
	KEYS_MARKS, N_("bookmarks"), marks_draw, marks_key, marks_resize, marks_status, NULL,
	marks_free,
};

struct pane *
pane_marks_new(struct ui *ui)
{
	struct marks *m = xcalloc(1, sizeof *m);

	m->stale = 1;
	return pane_new(ui, &marks_ops, m);
}
