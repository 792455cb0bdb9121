/*
 * pane-help.c: every key and its action, from the key map itself
 * (keys.def), grouped by the pane they work in.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "conf.h"
#include "i18n.h"
#include "pane.h"
#include "util.h"

struct help {
	int top;
};

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

static void
help_draw(struct pane *p)
{
	struct help *h = p->data;
	struct entry e;
	int keys_cols = p->cols >= 60 ? 24 : p->cols / 3;

	for (int y = 0; y < p->rows && entry(h->top + y, &e); y++) {
		char keys[128];

		if (e.heading != NULL) {
			ui_put(p, y, 1, e.heading, p->cols - 2, (attr_t)color_attr(EL_HEADING));
			continue;
		}
		keymap_keys_of(e.action, keys, sizeof keys);
		ui_put(p, y, 3, keys, keys_cols - 1, A_NORMAL);
		ui_put(p, y, 3 + keys_cols, keymap_action_help(e.action), p->cols - 4 - keys_cols,
		    A_NORMAL);
	}
}

static int
total(void)
{
	struct entry e;
	int n = 0;

	while (entry(n, &e))
		n++;
	return n;
}

static int
help_key(struct pane *p, int key, int action)
{
	struct help *h = p->data;
	int last = total() - p->rows;

	(void)key;
	switch (action) {
	case ACT_DOWN:
		h->top++;
		break;
	case ACT_UP:
		h->top--;
		break;
	case ACT_PAGE_DOWN:
	case ACT_HALF_DOWN:
		h->top += p->rows / 2;
		break;
	case ACT_PAGE_UP:
	case ACT_HALF_UP:
		h->top -= p->rows / 2;
		break;
	case ACT_TOP:
		h->top = 0;
		break;
	case ACT_BOTTOM:
		h->top = last;
		break;
	case ACT_QUIT:
	case ACT_HELP:
		ui_leave(p->ui);
		return UI_REDRAW;
	default:
		if (key == 27) {
			ui_leave(p->ui);
			return UI_REDRAW;
		}
		return 0;
	}
	if (h->top > last)
		h->top = last;
	if (h->top < 0)
		h->top = 0;
	return UI_REDRAW;
}

static void
help_resize(struct pane *p)
{
	(void)p;
}

static void
help_status(struct pane *p, char *buf, size_t size)
{
	(void)p;
	snprintf(buf, size, "%s", _("q to close"));
}

static void
help_free(struct pane *p)
{
	free(p->data);
}

static const struct pane_ops help_ops = {
	KEYS_ANY, N_("keys"), help_draw, help_key, help_resize, help_status, NULL, help_free,
};

struct pane *
pane_help_new(struct ui *ui)
{
	return pane_new(ui, &help_ops, xcalloc(1, sizeof(struct help)));
}
