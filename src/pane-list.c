/*
 * pane-list.c: the article list. It holds the rows on screen and nothing
 * else: moving past either edge reads the next rows from the key of the
 * edge row (store_page), so a million articles cost what twenty do.
 */
#include "config.h"

#include <assert.h>
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

struct row {
	struct store_key key;
	char *title, *source;
	char date[11];
	int unread, bookmarked;
};

struct list {
	struct row *rows;	/* the window: rows[0] is the top line */
	int n, cap;
	int cursor;		/* index in rows */
	int64_t top_n;		/* 1-based place of rows[0] in the list; -1 unknown */
	int64_t total, unread;	/* -1 until counted */
	int64_t bookmarked;
	enum store_order order;
	int stale;		/* the database changed while the list was hidden */
};

/*
 * The cursor is on a row of the window (row 0 when it is empty), and the
 * window fits the pane while it is shown: with rows[0] the top line,
 * top <= cursor < top + rows. Checked where keys, resizes and reloads
 * leave the window; nothing in a build with NDEBUG.
 */
static void
check_window(const struct pane *p)
{
	const struct list *l = p->data;

	assert(l->n >= 0 && l->n <= l->cap);
	assert(l->n == 0 ? l->cursor == 0 : l->cursor >= 0 && l->cursor < l->n);
	assert(p->rows <= 0 || l->n <= p->rows);
	(void)l;
}

static void
row_free(struct row *r)
{
	free(r->title);
	free(r->source);
}

static void
row_of(struct row *r, const struct store_item *it)
{
	store_key_of(it, &r->key);
	r->title = xstrdup(it->title ? it->title : "");
	r->source = xstrdup(it->source ? it->source : "");
	snprintf(r->date, sizeof r->date, "%.10s", it->published ? it->published : "");
	r->unread = it->unread;
	r->bookmarked = it->bookmarked;
}

/* Rows read by one store_page call, in the order they come. */
struct fetch {
	struct row *v;
	int n, cap;
};

static int
fetch_row(const struct store_item *it, void *ctx)
{
	struct fetch *f = ctx;

	if (f->n < f->cap)
		row_of(&f->v[f->n++], it);
	return f->n >= f->cap;
}

/* Up to n rows next to key (NULL: from an end); -1 on error. */
static int
fetch(struct pane *p, const struct store_key *key, int dir, int n, struct fetch *f)
{
	struct list *l = p->data;

	f->v = xcalloc((size_t)(n > 0 ? n : 1), sizeof *f->v);
	f->n = 0;
	f->cap = n;
	if (n > 0 && store_page(ui_store(p->ui), l->order, key, dir, n, fetch_row, f) < 0) {
		ui_store_error(p->ui);
		return -1;
	}
	return f->n;
}

static void
clear_rows(struct list *l)
{
	for (int i = 0; i < l->n; i++)
		row_free(&l->rows[i]);
	l->n = 0;
}

static void
list_free(struct pane *p)
{
	struct list *l = p->data;

	clear_rows(l);
	free(l->rows);
	free(l);
}

/* Room for a screenful. */
static void
ensure_cap(struct list *l, int rows)
{
	if (rows > l->cap) {
		l->rows = xrealloc(l->rows, (size_t)rows * sizeof *l->rows);
		l->cap = rows;
	}
}

/* The window from the top (dir > 0) or the bottom of the list. */
static void
load_end(struct pane *p, int dir)
{
	struct list *l = p->data;
	struct fetch f;
	int got;

	clear_rows(l);
	ensure_cap(l, p->rows);
	if ((got = fetch(p, NULL, dir, p->rows, &f)) > 0) {
		for (int i = 0; i < got; i++)
			l->rows[dir > 0 ? i : got - 1 - i] = f.v[i];
		l->n = got;
	}
	free(f.v);
	l->cursor = dir > 0 ? 0 : (l->n > 0 ? l->n - 1 : 0);
	l->top_n = dir > 0 ? 1 : (l->total >= 0 ? l->total - l->n + 1 : -1);
}

/*
 * Shift the window by k rows (down when k > 0), reading the rows that
 * come in; the cursor keeps its line. Returns the rows shifted, fewer
 * than |k| at an end of the list.
 */
static int
list_shift(struct pane *p, int k)
{
	struct list *l = p->data;
	int down = k > 0, want = down ? k : -k, got;
	struct fetch f;

	if (l->n == 0 || want == 0)
		return 0;
	if (want > l->n)
		want = l->n;
	got = fetch(p, &l->rows[down ? l->n - 1 : 0].key, down ? 1 : -1, want, &f);
	if (got <= 0) {
		free(f.v);
		return 0;
	}
	/* Rows leave at one edge and come in at the other. */
	for (int i = 0; i < got; i++)
		row_free(&l->rows[down ? i : l->n - 1 - i]);
	if (down) {
		memmove(l->rows, l->rows + got, (size_t)(l->n - got) * sizeof *l->rows);
		memcpy(l->rows + l->n - got, f.v, (size_t)got * sizeof *l->rows);
	} else {
		memmove(l->rows + got, l->rows, (size_t)(l->n - got) * sizeof *l->rows);
		for (int i = 0; i < got; i++)
			l->rows[got - 1 - i] = f.v[i];
	}
	free(f.v);
	if (l->top_n > 0)
		l->top_n += down ? got : -got;
	return down ? got : -got;
}

/* Move the cursor by k rows, scrolling at the edges. */
static void
list_move(struct pane *p, int k)
{
	struct list *l = p->data;
	int target = l->cursor + k;

	if (target >= l->n)
		target -= list_shift(p, target - (l->n - 1));
	else if (target < 0)
		target -= list_shift(p, target);
	if (target >= l->n)
		target = l->n - 1;
	if (target < 0)
		target = 0;
	l->cursor = target;
}

/* A page: the window moves, the cursor keeps its line (less, mutt);
 * at an end, the cursor goes to the first or last row. */
static void
page(struct pane *p, int k)
{
	struct list *l = p->data;
	int moved = list_shift(p, k);

	if (moved != k)
		l->cursor = k > 0 ? l->n - 1 : 0;
}

/*
 * The window with the row key (or, when it is gone, the next one) on the
 * given line, or as near it as the rows above allow.
 */
static void
window_at(struct pane *p, const struct store_key *key, int line)
{
	struct list *l = p->data;
	struct fetch before, after;
	int nb, keep;

	/* At least the row above: the rows from key on come after it. */
	if ((nb = fetch(p, key, -1, line > 0 ? line : 1, &before)) < 0)
		nb = 0;
	keep = nb < line ? nb : line;
	if (nb > 0)
		fetch(p, &before.v[0].key, 1, p->rows - keep, &after);
	else
		fetch(p, NULL, 1, p->rows, &after);
	clear_rows(l);
	ensure_cap(l, p->rows);
	for (int i = 0; i < nb; i++) {
		if (i < keep)
			l->rows[keep - 1 - i] = before.v[i];
		else
			row_free(&before.v[i]);
	}
	for (int i = 0; i < after.n; i++) {
		if (keep + i < p->rows)
			l->rows[keep + i] = after.v[i];
		else
			row_free(&after.v[i]);
	}
	l->n = keep + (after.n < p->rows - keep ? after.n : p->rows - keep);
	free(before.v);
	free(after.v);
	l->cursor = keep < l->n ? keep : l->n - 1;
	if (l->cursor < 0)
		l->cursor = 0;
	l->top_n = -1;
}

void
pane_list_reload(struct pane *p)
{
	struct list *l = p->data;
	struct store_key key;

	l->total = l->unread = -1;
	if (p->rows <= 0) {
		l->stale = 1;	/* read again when shown */
		return;
	}
	l->stale = 0;
	if (l->n == 0) {
		load_end(p, 1);
		return;
	}
	key = l->rows[l->cursor].key;
	if (l->top_n == 1) {
		/* At the top, new articles show above: the top again, the
		 * cursor on its article while it is in view. */
		load_end(p, 1);
		for (int i = 0; i < l->n; i++) {
			if (l->rows[i].key.id == key.id)
				l->cursor = i;
		}
		return;
	}
	/* The same article under the cursor, on the same line if it can. */
	window_at(p, &key, l->cursor);
}

void
pane_list_counts(struct pane *p, int64_t *total, int64_t *unread, int64_t *bookmarked)
{
	struct list *l = p->data;

	*total = l->total;
	*unread = l->unread;
	*bookmarked = l->total >= 0 ? l->bookmarked : -1;
}

static int
stop_for_key(void *ctx)
{
	(void)ctx;
	return ui_key_waiting();
}

/*
 * Counting reads an index through (longer the larger the corpus): after
 * the first screen, not before, and given up for a key (wait is set) to
 * be tried again at the next idle moment.
 */
static int
count(struct pane *p, int wait)
{
	struct list *l = p->data;
	struct store *s = ui_store(p->ui);
	int rc;

	if (l->total >= 0 && (l->top_n > 0 || l->n == 0))
		return 0;
	if (wait)
		store_set_interrupt(s, stop_for_key, NULL);
	if (l->total < 0) {
		struct store_counts c;

		if ((rc = store_count(s, &c)) == 0) {
			l->total = c.articles;
			l->unread = c.unread;
			l->bookmarked = c.bookmarked;
		}
	} else {
		rc = 0;
	}
	if (rc == 0 && l->top_n < 0 && l->n > 0)
		rc = store_position(s, l->order, &l->rows[0].key, &l->top_n);
	store_set_interrupt(s, NULL, NULL);
	if (rc < 0) {
		if (!store_interrupted(s))
			ui_store_error(p->ui);
		else
			l->total = l->unread = l->top_n = -1;
	}
	return UI_REDRAW;
}

static int
list_idle(struct pane *p)
{
	return count(p, 1);
}

static int
stop_at_unread(const struct store_item *it, void *ctx)
{
	struct store_key *found = ctx;

	if (!it->unread)
		return 0;
	store_key_of(it, found);
	return 1;
}

/* Most rows walked looking for an unread article. */
#define UNREAD_WALK 100000

/* Put the next unread article below the cursor at the cursor's line. */
static void
next_unread(struct pane *p)
{
	struct list *l = p->data;
	struct store_key found = { 0, "" };

	if (store_page(ui_store(p->ui), l->order, &l->rows[l->cursor].key, 1, UNREAD_WALK,
	    stop_at_unread, &found) < 0) {
		ui_store_error(p->ui);
		return;
	}
	if (found.id == 0) {
		ui_message(p->ui, 0, "%s", _("no unread article below"));
		return;
	}
	window_at(p, &found, l->cursor);
}

/* Columns of the date: the widest month's, in the configured format. */
static int
date_cols(void)
{
	static int cols = -1;

	if (cols < 0) {
		for (int m = 1; m <= 12; m++) {
			char iso[16], out[64];
			int w;

			snprintf(iso, sizeof iso, "2020-%02d-28", m);
			conf_date(iso, out, sizeof out);
			if ((w = text_width_n(out, strlen(out))) > cols)
				cols = w;
		}
	}
	return cols;
}

/*
 * The source column's width, blank included, on a pane cols wide: as
 * source-width says, or else as wide as the longest source among the
 * rows shown, up to 18 columns (12 below 100, none below 60), and none
 * when none of them has a source (7 rows of 8 have none in some
 * collections: 20 blank columns taken from the titles).
 */
static int
source_cols(const struct list *l, int rows, int cols)
{
	int src = conf_get()->source_width, most = cols >= 60 ? (cols >= 100 ? 18 : 12) : 0;

	if (src == 0) {
		for (int i = 0; i < l->n && i < rows && src < most; i++) {
			int w = (int)text_width(l->rows[i].source);

			if (w > src)
				src = w;
		}
		if (src > most)
			src = most;
	}
	return src > 0 ? src + 2 : 0;
}

/* Columns of a list column other than the title on a pane cols wide;
 * src: source_cols(). */
static int
column_cols(enum config_column c, int cols, int src)
{
	switch (c) {
	case COL_FLAGS:
		return 3;
	case COL_DATE:
		return cols >= 36 ? date_cols() + 2 : 0;
	case COL_SOURCE:
		return src;
	case COL_TITLE:
		break;
	}
	return 0;
}

/* The selected row: set apart, dimmer, while the keys go to another pane
 * (the article beside the list), so that the eye finds the focus. */
static attr_t
selected_attr(const struct pane *p)
{
	return (attr_t)color_attr(ui_focused(p) ? EL_SELECTED : EL_SELECTED_AWAY);
}

/* One column of a row at x, w columns wide (the last two blank). */
static void
draw_column(struct pane *p, int y, int x, int w, enum config_column c, const struct row *r,
    int base, int selected)
{
	static const enum color_element el[] = { EL_FLAGS, EL_DATE, EL_SOURCE, EL_NORMAL };
	attr_t a = selected ? selected_attr(p) : (attr_t)(c == COL_TITLE ? color_attr(base) :
	    color_mix(base, el[c]));
	char date[64];

	switch (c) {
	case COL_FLAGS:
		ui_put(p, y, x, r->unread ? "N" : " ", 1, a);
		ui_put(p, y, x + 1, r->bookmarked ? "*" : " ", 1, a);
		break;
	case COL_DATE:
		conf_date(r->date, date, sizeof date);
		ui_put(p, y, x, r->date[0] ? date : "", w - 2, a);
		break;
	case COL_SOURCE:
		ui_put(p, y, x, r->source, w - 2, a);
		break;
	case COL_TITLE:
		ui_put(p, y, x, r->title, w, a);
		break;
	}
}

/* A row: the columns the configuration lists, the title taking the room
 * the others leave. */
static void
draw_row(struct pane *p, int y, const struct row *r, int selected, int src)
{
	const struct config *cf = conf_get();
	int base = r->unread ? EL_UNREAD : EL_NORMAL, x = 0, others = 0;

	ui_fill(p, y, 0, selected ? selected_attr(p) : (attr_t)color_attr(base));
	for (int i = 0; i < cf->ncolumns; i++)
		others += column_cols(cf->columns[i], p->cols, src);
	for (int i = 0; i < cf->ncolumns && x < p->cols; i++) {
		enum config_column c = cf->columns[i];
		int w = c == COL_TITLE ? p->cols - others : column_cols(c, p->cols, src);

		if (w <= 0)
			continue;
		draw_column(p, y, x, w, c, r, base, selected);
		x += w + (c == COL_TITLE ? 2 : 0);
	}
}

static void
list_draw(struct pane *p)
{
	struct list *l = p->data;

	check_window(p);
	if (l->n == 0) {
		ui_put(p, 0, 1, _("No articles yet."), p->cols - 1, (attr_t)color_attr(EL_HEADING));
		ui_put(p, 2, 1, _("Import a folder of articles with:"), p->cols - 1, (attr_t)color_attr(EL_NORMAL));
		/* TRANSLATORS: typed as it is, but FOLDER: a folder's name. */
		ui_put(p, 3, 3, _("luot import FOLDER"), p->cols - 3, A_NORMAL);
		ui_put(p, 5, 1, _("Press q to quit, ? for the keys."), p->cols - 1, A_NORMAL);
		return;
	}
	for (int i = 0, src = source_cols(l, p->rows, p->cols); i < l->n && i < p->rows; i++)
		draw_row(p, i, &l->rows[i], i == l->cursor, src);
}

static int
list_key(struct pane *p, int key, int action)
{
	struct list *l = p->data;
	struct row *r = l->n > 0 ? &l->rows[l->cursor] : NULL;

	(void)key;
	switch (action) {
	case ACT_DOWN:
		list_move(p, 1);
		break;
	case ACT_UP:
		list_move(p, -1);
		break;
	case ACT_PAGE_DOWN:
		page(p, p->rows);
		break;
	case ACT_PAGE_UP:
		page(p, -p->rows);
		break;
	case ACT_HALF_DOWN:
		page(p, p->rows / 2 > 0 ? p->rows / 2 : 1);
		break;
	case ACT_HALF_UP:
		page(p, -(p->rows / 2 > 0 ? p->rows / 2 : 1));
		break;
	case ACT_TOP:
		load_end(p, 1);
		break;
	case ACT_BOTTOM:
		count(p, 0);
		load_end(p, -1);
		break;
	case ACT_OPEN:
		if (r != NULL)
			ui_open(p->ui, r->key.id, NULL);
		break;
	case ACT_BOOKMARK:
		if (r != NULL) {
			r->bookmarked = !r->bookmarked;
			writer_bookmark(ui_writer(p->ui), r->key.id, r->bookmarked);
		}
		break;
	case ACT_TOGGLE_READ:
		if (r != NULL) {
			writer_read(ui_writer(p->ui), r->key.id, r->unread);
			r->unread = !r->unread;
			l->total = l->unread = -1;
		}
		break;
	case ACT_NOTE:
		if (r != NULL)
			ui_edit_note(p->ui, r->key.id);
		break;
	case ACT_TAGS:
		if (r != NULL)
			ui_edit_tags(p->ui, r->key.id);
		break;
	case ACT_NEXT_UNREAD:
		if (r != NULL)
			next_unread(p);
		break;
	case ACT_SORT:
		l->order = l->order == STORE_ORDER_DATE ? STORE_ORDER_IMPORT : STORE_ORDER_DATE;
		load_end(p, 1);
		ui_message(p->ui, 0, "%s", l->order == STORE_ORDER_DATE ?
		    _("sorted by date, newest first") : _("sorted by import, newest first"));
		break;
	default:
		return 0;
	}
	check_window(p);
	return UI_REDRAW;
}

static void
list_resize(struct pane *p)
{
	struct list *l = p->data;

	if (l->stale && l->n > 0) {
		/* Trim to the new size first: reload keeps the cursor's line. */
		if (l->cursor >= p->rows)
			l->cursor = p->rows - 1;
		pane_list_reload(p);
	} else if (l->n == 0) {
		load_end(p, 1);
	} else if (l->n > p->rows || l->n < p->rows) {
		/* Keep the cursor's article in view. */
		if (l->cursor >= p->rows) {
			int drop = l->cursor - p->rows + 1;

			for (int i = 0; i < drop; i++)
				row_free(&l->rows[i]);
			memmove(l->rows, l->rows + drop, (size_t)(l->n - drop) * sizeof *l->rows);
			l->n -= drop;
			l->cursor -= drop;
			if (l->top_n > 0)
				l->top_n += drop;
		}
		while (l->n > p->rows)
			row_free(&l->rows[--l->n]);
		ensure_cap(l, p->rows);
		if (l->n < p->rows) {
			struct fetch f;
			int got = fetch(p, &l->rows[l->n - 1].key, 1, p->rows - l->n, &f);

			for (int i = 0; i < got; i++)
				l->rows[l->n + i] = f.v[i];
			if (got > 0)
				l->n += got;
			free(f.v);
		}
	}
	check_window(p);
}

static void
list_status(struct pane *p, char *buf, size_t size)
{
	struct list *l = p->data;

	if (l->n == 0)
		snprintf(buf, size, "0/0");
	else if (l->top_n > 0 && l->total >= 0)
		snprintf(buf, size, "%lld/%lld", (long long)(l->top_n + l->cursor),
		    (long long)l->total);
	else if (l->total >= 0)
		snprintf(buf, size, "%lld", (long long)l->total);
	else
		buf[0] = '\0';
}

static const struct pane_ops list_ops = {
	KEYS_LIST, N_("list"), list_draw, list_key, list_resize, list_status, list_idle,
	list_free,
};

struct pane *
pane_list_new(struct ui *ui)
{
	struct list *l = xcalloc(1, sizeof *l);

	l->total = l->unread = -1;
	l->top_n = 1;
	l->order = conf_get()->sort_import ? STORE_ORDER_IMPORT : STORE_ORDER_DATE;
	return pane_new(ui, &list_ops, l);
}
