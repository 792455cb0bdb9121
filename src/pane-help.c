/*
 * pane-help.c: every key and its action, from the key map itself
 * (keys.def), grouped by the pane they work in.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "conf.h"
#include "i18n.h"
#include "listview.h"
#include "pane.h"
#include "panes.h"
#include "util.h"

/* The help text: one entry a line; a heading has no action. */
struct entry {
	const char *heading;	/* translated, or NULL */
	int action;
};

static const struct {
	enum keys_where where;
	const char *title;
} groups[] = {
	{ KEYS_LIST, N_("In the list") },
	{ KEYS_READER, N_("In an article") },
	{ KEYS_SEARCH, N_("In the search (type to search; the hits change as you type)") },
	{ KEYS_MARKS, N_("In the bookmarks") },
	{ KEYS_LINKS, N_("In the links of an article (type a number to choose one)") },
	{ KEYS_SIDE, N_("In the sidebar") },
	{ KEYS_QUEUE, N_("In the reading queue") },
	/* The search takes letters as the query (keymap_lookup). */
	{ KEYS_ANY, N_("Everywhere but the search, where only PgDn, PgUp and F1 of these work") },
};

/* Entry i of the help, or 0 past the end. */
static int
entry(int i, struct entry *e)
{
	int at = 0;

	for (size_t g = 0; g < sizeof groups / sizeof *groups; g++) {
		if (at++ == i) {
			e->heading = _(groups[g].title);
			e->action = ACT_NONE;
			return 1;
		}
		for (int a = 0; a < ACT_COUNT; a++) {
			if (keymap_action_where(a) != groups[g].where)
				continue;
			if (at++ == i) {
				e->heading = NULL;
				e->action = a;
				return 1;
			}
		}
		if (at++ == i) {	/* a blank line after each group */
			e->heading = "";
			e->action = ACT_NONE;
			return 1;
		}
	}
	return 0;
}

static int
count_entries(void *ctx)
{
	struct entry e;
	int n = 0;

	(void)ctx;
	while (entry(n, &e))
		n++;
	return n;
}

static void
draw_entry(struct pane *p, int y, int i, int selected, void *ctx)
{
	struct entry e;
	int keys_cols = p->cols >= 60 ? 24 : p->cols / 3;
	char keys[128];

	(void)selected;
	(void)ctx;
	if (!entry(i, &e))
		return;
	if (e.heading != NULL) {
		ui_put(p, y, 1, e.heading, p->cols - 2, (attr_t)color_attr(EL_HEADING));
		return;
	}
	keymap_keys_of(e.action, keys, sizeof keys);
	ui_put(p, y, 3, keys, keys_cols - 1, A_NORMAL);
	ui_put(p, y, 3 + keys_cols, keymap_action_help(e.action), p->cols - 4 - keys_cols,
	    A_NORMAL);
}

static void
help_draw(struct pane *p)
{
	listview_draw(p->data, p);
}

static int
help_key(struct pane *p, int key, int action)
{
	int flags = listview_key(p->data, p, action);

	if (flags != 0)
		return flags;
	if (action == ACT_QUIT || action == ACT_HELP || key == 27)
		return UI_HANDLED | UI_LEAVE;
	return 0;
}

static void
help_resize(struct pane *p)
{
	listview_fit(p->data, p);
}

static void
help_status(struct pane *p, char *buf, size_t size)
{
	(void)p;
	snprintf(buf, size, "%s", _("q to close"));
}

/* Opened again: from its top, as a manual is. */
static void
help_enter(struct pane *p)
{
	struct listview *lv = p->data;

	lv->sel = lv->top = 0;
}

static void
help_free(struct pane *p)
{
	free(p->data);
}

static const struct listview_ops entries_ops = {
	count_entries, draw_entry, NULL, NULL, NULL,
};

static const struct pane_ops help_ops = {
	.where = KEYS_ANY,
	.name = N_("keys"),
	.kind = PANE_FULL,
	.draw = help_draw,
	.key = help_key,
	.resize = help_resize,
	.status = help_status,
	.free = help_free,
	.enter = help_enter,
};

struct pane *
pane_help_new(struct ui *ui)
{
	struct listview *lv = xcalloc(1, sizeof *lv);

	listview_init(lv, &entries_ops, NULL, 1);
	lv->nocursor = 1;
	return pane_new(ui, &help_ops, lv);
}
