/*
 * pane.c: what the panes share that is not ui.c's (pane.h).
 */
#include "config.h"

#include <assert.h>
#include <stdlib.h>

#include "pane.h"
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

void
pane_select(int *sel, int *top, int k, int n, int rows)
{
	assert(rows > 0 && n >= 0);
	if (k >= n)
		k = n - 1;
	if (k < 0)
		k = 0;
	*sel = k;
	if (*sel < *top)
		*top = *sel;
	if (*sel >= *top + rows)
		*top = *sel - rows + 1;
	/* The cursor is on an item, and on the screen. */
	assert(n == 0 ? *sel == 0 : *sel >= 0 && *sel < n);
	assert(*top >= 0 && *top <= *sel && *sel < *top + rows);
}
