/*
 * listview.h: a list on the screen with a cursor, written once for every
 * view that shows one (the articles, the search hits, the bookmarks, the
 * help), as tmux's mode-tree and htop's Panel are. It owns the cursor,
 * the top line and every movement key; the rows come from the view by
 * callbacks.
 *
 * The view holds some rows, numbered from 0. A view that holds them all
 * has no slide; one that holds a window of a larger list (the article
 * list reads a screenful at a time by key, store_page) slides it, and
 * the numbers of the rows it keeps shift by what it slid.
 */
#ifndef LUOT_LISTVIEW_H
#define LUOT_LISTVIEW_H

struct pane;

struct listview_ops {
	/* The rows held now. */
	int (*count)(void *ctx);
	/* Row i on screen line y (its lines: y to y + lines - 1). */
	void (*draw)(struct pane *p, int y, int i, int selected, void *ctx);
	/* Slide the window k rows down (up when k < 0), reading the rows
	 * that come in; the rows slid, fewer than |k| at an end. NULL when
	 * every row is held. */
	int (*slide)(void *ctx, int k);
	/* Hold the rows from the first (dir > 0) or to the last. NULL when
	 * every row is held. */
	void (*end)(void *ctx, int dir);
	/* Read rows past the last held: whether any came (a search reads
	 * its hits in pages). May be NULL. */
	int (*more)(void *ctx);
};

struct listview {
	const struct listview_ops *ops;
	void *ctx;
	int sel, top;		/* the cursor's row, the first row shown */
	int lines;		/* screen lines a row takes */
	int y0;			/* the screen line of the first row */
	int nocursor;		/* moving scrolls: no row is selected */
};

void listview_init(struct listview *lv, const struct listview_ops *ops, void *ctx, int lines);

/* Rows that fit in p (at least 1). */
int listview_rows(const struct listview *lv, const struct pane *p);

/* A movement action (ACT_DOWN, ACT_PAGE_UP, ACT_TOP...): UI_HANDLED |
 * UI_REDRAW, or 0 for any other action. */
int listview_key(struct listview *lv, struct pane *p, int action);

/* Select row k (held to the rows), the top moving the least that keeps
 * it on the screen. */
void listview_select(struct listview *lv, const struct pane *p, int k);

/* After the rows or the size changed: the cursor on a row, on screen. */
void listview_fit(struct listview *lv, const struct pane *p);

/* The rows on screen, through ops->draw. */
void listview_draw(struct listview *lv, struct pane *p);

#endif
