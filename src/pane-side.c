/*
 * pane-side.c: the sidebar: the reading queue, the saved searches and the
 * bookmarks' tags, each with its unread and total counts (mutt's and
 * newsraft's sidebar). Enter shows an entry's articles: the queue in its
 * view, a search or a tag as the search pane's hits.
 *
 * The entries are few (a person's searches and tags): all are held. Their
 * counts are searches, each cut at STORE_COUNT_CAP and SIDE_COUNT_MS as
 * luot saved counts them, made at idle one entry a turn, so a key is
 * never kept waiting; they are made again whenever the database changes
 * (an import or a fetch in another process, a change made here once the
 * writer has written it).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conf.h"
#include "i18n.h"
#include "listview.h"
#include "pane.h"
#include "panes.h"
#include "store.h"
#include "text.h"
#include "util.h"

/* Each count of an entry stops after this long, ms. */
#define SIDE_COUNT_MS 50.0

enum side_kind { SIDE_QUEUE, SIDE_SAVED, SIDE_TAG };

struct side_entry {
	enum side_kind kind;
	char *label;		/* as shown: "#tag" for a tag */
	char *query;		/* what Enter searches (not the queue's) */
	int counted;		/* since the database last changed */
	int known;		/* all and unread hold a count, maybe older */
	int64_t all, unread;
	int all_more, unread_more;
};

struct side {
	struct listview lv;
	struct side_entry *v;
	int n;
	int next;		/* the first entry not counted yet */
};

static void
clear_entries(struct side *sd)
{
	for (int i = 0; i < sd->n; i++) {
		free(sd->v[i].label);
		free(sd->v[i].query);
	}
	free(sd->v);
	sd->v = NULL;
	sd->n = sd->next = 0;
}

static void
side_free(struct pane *p)
{
	struct side *sd = p->data;

	clear_entries(sd);
	free(sd);
}

static struct side_entry *
add_entry(struct side *sd, enum side_kind kind, char *label, char *query)
{
	struct side_entry *e;

	sd->v = xrealloc(sd->v, (size_t)(sd->n + 1) * sizeof *sd->v);
	e = &sd->v[sd->n++];
	memset(e, 0, sizeof *e);
	e->kind = kind;
	e->label = label;
	e->query = query;
	return e;
}

static int
add_saved(const struct store_saved *v, void *ctx)
{
	add_entry(ctx, SIDE_SAVED, xstrdup(v->name), xstrdup(v->query));
	return 0;
}

/* A tag's search: tag:"văn hóa" (a quote in a tag would end it early). */
static int
add_tag(const char *tag, int64_t n, void *ctx)
{
	char *t = xstrdup(tag);

	(void)n;
	for (char *c = t; *c; c++) {
		if (*c == '"')
			*c = ' ';
	}
	add_entry(ctx, SIDE_TAG, xasprintf("#%s", tag), xasprintf("tag:\"%s\"", t));
	free(t);
	return 0;
}

/*
 * The entries again, the cursor kept on the one it was on. Each keeps
 * the counts it had until they are made again: an import in another
 * process changes the database every second, and the counts would blink.
 */
static void
side_reload(struct pane *p)
{
	struct side *sd = p->data, old = *sd;
	struct store *s = ui_store(p->ui);
	char *was = sd->n > 0 ? xstrdup(sd->v[sd->lv.sel].label) : NULL;

	sd->v = NULL;
	sd->n = 0;
	add_entry(sd, SIDE_QUEUE, xstrdup(_("Reading queue")), NULL);
	if (store_saved(s, add_saved, sd) < 0 || store_tags(s, add_tag, sd) < 0)
		ui_store_error(p->ui);
	sd->next = 0;
	for (int i = 0; i < sd->n; i++) {
		for (int k = 0; k < old.n; k++) {
			if (strcmp(sd->v[i].label, old.v[k].label) == 0 && old.v[k].known) {
				sd->v[i].known = 1;
				sd->v[i].all = old.v[k].all;
				sd->v[i].all_more = old.v[k].all_more;
				sd->v[i].unread = old.v[k].unread;
				sd->v[i].unread_more = old.v[k].unread_more;
			}
		}
		if (was != NULL && strcmp(sd->v[i].label, was) == 0)
			sd->lv.sel = i;
	}
	clear_entries(&old);
	free(was);
	if (p->rows > 0)
		listview_fit(&sd->lv, p);
}

/* Count the next entry: more to come (UI_AGAIN) until every one is. */
static int
side_idle(struct pane *p)
{
	struct side *sd = p->data;
	struct store *st = ui_store(p->ui);
	struct side_entry *e;
	int rc;

	while (sd->next < sd->n && sd->v[sd->next].counted)
		sd->next++;
	if (sd->next >= sd->n)
		return 0;
	if (ui_key_waiting())
		return UI_AGAIN;
	e = &sd->v[sd->next];
	/* A key stops a count (up to SIDE_COUNT_MS twice), made again at
	 * the next pause. The queue's own index holds it alone: counted
	 * whole. */
	store_set_interrupt(st, ui_stop_for_key, NULL);
	rc = e->kind == SIDE_QUEUE ? store_queue_count(st, &e->all) :
	    store_saved_counts(st, e->query, STORE_COUNT_CAP, SIDE_COUNT_MS, &e->all, &e->all_more,
	    &e->unread, &e->unread_more);
	store_set_interrupt(st, NULL, NULL);
	if (rc < 0) {
		if (store_interrupted(st))
			return UI_AGAIN;
		ui_store_error(p->ui);
		sd->next++;
		return UI_REDRAW;
	}
	sd->next++;
	e->counted = e->known = 1;
	return UI_REDRAW | (sd->next < sd->n ? UI_AGAIN : 0);
}

static int
count_entries(void *ctx)
{
	return ((struct side *)((struct pane *)ctx)->data)->n;
}

/* "12/340": unread of all; "10000+" past the cap; the queue's size. */
static void
counts_text(const struct side_entry *e, char *buf, size_t size)
{
	if (!e->known)
		*buf = '\0';
	else if (e->kind == SIDE_QUEUE)
		snprintf(buf, size, "%lld", (long long)e->all);
	else
		snprintf(buf, size, "%lld%s/%lld%s", (long long)e->unread, e->unread_more ? "+" : "",
		    (long long)e->all, e->all_more ? "+" : "");
}

static void
draw_entry(struct pane *p, int y, int i, int sel, void *ctx)
{
	struct side *sd = p->data;
	const struct side_entry *e = &sd->v[i];
	attr_t a = sel ? pane_selected_attr(p) : (attr_t)color_attr(
	    e->known && e->unread > 0 ? EL_UNREAD : EL_NORMAL);
	char counts[64];
	int cw;

	(void)ctx;
	counts_text(e, counts, sizeof counts);
	cw = (int)text_width(counts);
	ui_fill(p, y, 0, sel ? pane_selected_attr(p) : (attr_t)color_attr(EL_NORMAL));
	ui_put(p, y, 1, e->label, p->cols - 3 - (cw ? cw + 1 : 0), a);
	if (cw > 0 && cw + 3 <= p->cols)
		ui_put(p, y, p->cols - cw - 1, counts, cw, sel ? a : (attr_t)color_attr(EL_META));
}

static void
side_draw(struct pane *p)
{
	listview_draw(&((struct side *)p->data)->lv, p);
}

static int
side_key(struct pane *p, int key, int action)
{
	struct side *sd = p->data;
	const struct side_entry *e;
	int flags;

	(void)key;
	if ((flags = listview_key(&sd->lv, p, action)) != 0)
		return flags;
	switch (action) {
	case ACT_SIDE_OPEN:
		e = &sd->v[sd->lv.sel];
		if (e->kind == SIDE_QUEUE)
			ui_show_view(p->ui, ACT_SHOW_QUEUE);
		else
			ui_show_search(p->ui, e->query);
		return UI_HANDLED;
	case ACT_SIDE_LEAVE:
		return UI_HANDLED | UI_LEAVE;
	}
	return 0;
}

static void
side_resize(struct pane *p)
{
	listview_fit(&((struct side *)p->data)->lv, p);
}

static void
side_status(struct pane *p, char *buf, size_t size)
{
	struct side *sd = p->data;

	snprintf(buf, size, "%d/%d", sd->lv.sel + 1, sd->n);
}

static const struct listview_ops side_rows = {
	count_entries, draw_entry, NULL, NULL, NULL,
};

static const struct pane_ops side_ops = {
	.where = KEYS_SIDE,
	.name = N_("sidebar"),
	.kind = PANE_SIDE,
	.draw = side_draw,
	.key = side_key,
	.resize = side_resize,
	.status = side_status,
	.idle = side_idle,
	.free = side_free,
	.reload = side_reload,
};

struct pane *
pane_side_new(struct ui *ui)
{
	struct side *sd = xcalloc(1, sizeof *sd);
	struct pane *p = pane_new(ui, &side_ops, sd);

	listview_init(&sd->lv, &side_rows, p, 1);
	return p;
}
