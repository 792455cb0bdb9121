/*
 * listview.c: the cursor, the top line and the movement keys of every
 * list on the screen (listview.h).
 */
#include "config.h"

#include <assert.h>

#include "listview.h"
#include "pane.h"

void
listview_init(struct listview *lv, const struct listview_ops *ops, void *ctx, int lines)
{
	lv->ops = ops;
	lv->ctx = ctx;
	lv->sel = lv->top = 0;
	lv->lines = lines > 0 ? lines : 1;
	lv->y0 = 0;
	lv->nocursor = 0;
}

int
listview_rows(const struct listview *lv, const struct pane *p)
{
	int n = (p->rows - lv->y0) / lv->lines;

	return n > 0 ? n : 1;
}

static int
count(const struct listview *lv)
{
	return lv->ops->count(lv->ctx);
}

static int
clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

void
listview_select(struct listview *lv, const struct pane *p, int k)
{
	int n = count(lv), rows = listview_rows(lv, p);

	if (lv->nocursor) {
		lv->top = lv->sel = clamp(k, 0, n > rows ? n - rows : 0);
		return;
	}
	lv->sel = clamp(k, 0, n > 0 ? n - 1 : 0);
	if (lv->top > lv->sel)
		lv->top = lv->sel;
	if (lv->sel >= lv->top + rows)
		lv->top = lv->sel - rows + 1;
	/* The cursor is on a row, and on the screen. */
	assert(n == 0 ? lv->sel == 0 : lv->sel >= 0 && lv->sel < n);
	assert(lv->top >= 0 && lv->top <= lv->sel && lv->sel < lv->top + rows);
}

void
listview_fit(struct listview *lv, const struct pane *p)
{
	listview_select(lv, p, lv->sel);
}

/* The cursor k rows down (up when k < 0), sliding or reading more past
 * the rows held. */
static void
cursor_by(struct listview *lv, const struct pane *p, int k)
{
	int target = lv->sel + k, n = count(lv);

	if (lv->nocursor) {
		listview_select(lv, p, lv->top + k);
		return;
	}
	if (lv->ops->slide != NULL && (target >= n || target < 0)) {
		int got = lv->ops->slide(lv->ctx, target >= n ? target - (n - 1) : target);

		target -= got;
		lv->top = 0;	/* a sliding view holds the screen's rows */
	}
	while (target >= count(lv) && lv->ops->more != NULL && lv->ops->more(lv->ctx))
		;
	listview_select(lv, p, target);
}

/* A page of k rows: the rows move, the cursor keeps its line (less,
 * mutt); at an end, the cursor goes to the first or last row. */
static void
page_by(struct listview *lv, const struct pane *p, int k)
{
	int rows = listview_rows(lv, p), moved;

	if (lv->ops->slide != NULL) {
		moved = lv->ops->slide(lv->ctx, k);
		lv->top = 0;
	} else {
		int n, top;

		while (k > 0 && lv->top + k + rows > count(lv) && lv->ops->more != NULL &&
		    lv->ops->more(lv->ctx))
			;
		n = count(lv);
		top = clamp(lv->top + k, 0, n > rows ? n - rows : 0);
		moved = top - lv->top;
		lv->top = top;
		lv->sel += moved;
	}
	if (lv->nocursor)
		lv->sel = lv->top;
	else if (moved != k)
		lv->sel = k > 0 ? count(lv) - 1 : 0;
	listview_select(lv, p, lv->nocursor ? lv->top : lv->sel);
}

/* The first row (dir > 0) or the last. */
static void
to_end(struct listview *lv, const struct pane *p, int dir)
{
	if (lv->ops->end != NULL) {
		lv->ops->end(lv->ctx, dir);
		lv->top = 0;
	} else if (dir < 0) {
		while (lv->ops->more != NULL && lv->ops->more(lv->ctx))
			;
	}
	listview_select(lv, p, dir > 0 ? 0 : count(lv) - 1);
}

int
listview_key(struct listview *lv, struct pane *p, int action)
{
	int rows = listview_rows(lv, p), half = rows / 2 > 0 ? rows / 2 : 1;

	switch (action) {
	case ACT_DOWN:
		cursor_by(lv, p, 1);
		break;
	case ACT_UP:
		cursor_by(lv, p, -1);
		break;
	case ACT_PAGE_DOWN:
		page_by(lv, p, rows);
		break;
	case ACT_PAGE_UP:
		page_by(lv, p, -rows);
		break;
	case ACT_HALF_DOWN:
		page_by(lv, p, half);
		break;
	case ACT_HALF_UP:
		page_by(lv, p, -half);
		break;
	case ACT_TOP:
		to_end(lv, p, 1);
		break;
	case ACT_BOTTOM:
		to_end(lv, p, -1);
		break;
	default:
		return 0;
	}
	return UI_HANDLED | UI_REDRAW;
}

void
listview_draw(struct listview *lv, struct pane *p)
{
	int n = count(lv), rows = listview_rows(lv, p);

	for (int i = lv->top; i < n && i < lv->top + rows; i++) {
		int y = lv->y0 + (i - lv->top) * lv->lines;

		if (y < p->rows)
			lv->ops->draw(p, y, i, !lv->nocursor && i == lv->sel, lv->ctx);
	}
}
