/*
 * pane.c: what the panes share that is not ui.c's (pane.h).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "conf.h"
#include "pane.h"
#include "text.h"
#include "util.h"

struct pane *
pane_new(struct ui *ui, const struct pane_ops *ops, void *data)
{
	struct pane *p = xcalloc(1, sizeof *p);

	p->ops = ops;
	p->ui = ui;
	p->data = data;
	return p;
}

void
pane_free(struct pane *p)
{
	if (p == NULL)
		return;
	if (p->win != NULL)
		delwin(p->win);
	p->ops->free(p);
	free(p);
}

attr_t
pane_selected_attr(const struct pane *p)
{
	return (attr_t)color_attr(ui_focused(p) ? EL_SELECTED : EL_SELECTED_AWAY);
}

int
pane_row_start(struct pane *p, int y, const char *date, int selected)
{
	attr_t a = selected ? pane_selected_attr(p) : (attr_t)color_attr(EL_TITLE);

	ui_fill(p, y, 0, selected ? pane_selected_attr(p) : (attr_t)color_attr(EL_NORMAL));
	if (p->cols < 36)
		return 1;
	ui_put(p, y, 1, date, 10, a);
	return 13;
}

int
pane_story_mark(const char *title, int w, int64_t copies, char *mark, size_t size)
{
	int tw;

	*mark = '\0';
	if (copies <= 1)
		return w;
	snprintf(mark, size, " \xc3\x97%lld", (long long)copies);
	tw = (int)text_width(title);
	if (tw > w - (int)text_width(mark))
		tw = w - (int)text_width(mark);
	return tw > 0 ? tw : 0;
}
