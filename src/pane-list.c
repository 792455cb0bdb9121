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
#include <unistd.h>

#include "conf.h"
#include "i18n.h"
#include "listview.h"
#include "pane.h"
#include "panes.h"
#include "paths.h"
#include "store.h"
#include "text.h"
#include "url.h"
#include "util.h"
#include "writer.h"

struct row {
	struct store_key key;
	char *title, *source;
	char date[11];
	int unread, bookmarked;
	int64_t copies;		/* a story's head: its articles (store.h) */
};

struct list {
	struct listview lv;	/* lv.sel: the cursor's row in rows */
	struct row *rows;	/* the window: rows[0] is the top line */
	int n, cap;
	int64_t top_n;		/* 1-based place of rows[0] in the list; -1 unknown */
	enum store_order order;
	struct column_at {
		enum config_column c;
		int x, w;
	} cols[CONFIG_MAX_COLUMNS];	/* where the columns stand (place_columns) */
	int ncols;
	int64_t restore_id;	/* the article to put the cursor on when first shown */
	int restore_line;	/* on this line (list-position) */
};

/*
 * The cursor is on a row of the window (row 0 when it is empty), and the
 * window fits the pane while it is shown: rows[0] is the top line.
 * Checked where keys, resizes and reloads leave the window; nothing in a
 * build with NDEBUG.
 */
static void
check_window(const struct pane *p)
{
	const struct list *l = p->data;

	assert(l->n >= 0 && l->n <= l->cap);
	assert(l->n == 0 ? l->lv.sel == 0 : l->lv.sel >= 0 && l->lv.sel < l->n);
	assert(l->lv.top == 0);
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
	r->source = url_source_shown(it->source, it->url);
	snprintf(r->date, sizeof r->date, "%.10s", it->published ? it->published : "");
	r->unread = it->unread;
	r->bookmarked = it->bookmarked;
	r->copies = it->copies;
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

/* Rows of the window: the lines under the headers. */
static int
window_rows(const struct pane *p)
{
	const struct list *l = p->data;

	return p->rows > l->lv.y0 ? p->rows - l->lv.y0 : 0;
}

/* The window from the top (dir > 0) or the bottom of the list
 * (listview's end). */
static void
load_end(void *ctx, int dir)
{
	struct pane *p = ctx;
	struct list *l = p->data;
	struct ui_counts c;
	struct fetch f;
	int got;

	clear_rows(l);
	ensure_cap(l, window_rows(p));
	if ((got = fetch(p, NULL, dir, window_rows(p), &f)) > 0) {
		for (int i = 0; i < got; i++)
			l->rows[dir > 0 ? i : got - 1 - i] = f.v[i];
		l->n = got;
	}
	free(f.v);
	l->lv.sel = dir > 0 ? 0 : (l->n > 0 ? l->n - 1 : 0);
	l->lv.top = 0;
	ui_counts(p->ui, &c);
	l->top_n = dir > 0 ? 1 : (c.total >= 0 ? c.total - l->n + 1 : -1);
}

/*
 * Slide the window by k rows (down when k > 0), reading the rows that
 * come in (listview's slide). Returns the rows slid, fewer than |k| at
 * an end of the list.
 */
static int
slide(void *ctx, int k)
{
	struct pane *p = ctx;
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

static int
count_rows(void *ctx)
{
	return ((struct list *)((struct pane *)ctx)->data)->n;
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
	int nb, keep, rows = window_rows(p);

	/* At least the row above: the rows from key on come after it. */
	if ((nb = fetch(p, key, -1, line > 0 ? line : 1, &before)) < 0)
		nb = 0;
	keep = nb < line ? nb : line;
	if (nb > 0)
		fetch(p, &before.v[0].key, 1, rows - keep, &after);
	else
		fetch(p, NULL, 1, rows, &after);
	clear_rows(l);
	ensure_cap(l, rows);
	for (int i = 0; i < nb; i++) {
		if (i < keep)
			l->rows[keep - 1 - i] = before.v[i];
		else
			row_free(&before.v[i]);
	}
	for (int i = 0; i < after.n; i++) {
		if (keep + i < rows)
			l->rows[keep + i] = after.v[i];
		else
			row_free(&after.v[i]);
	}
	l->n = keep + (after.n < rows - keep ? after.n : rows - keep);
	free(before.v);
	free(after.v);
	l->lv.sel = keep < l->n ? keep : l->n - 1;
	if (l->lv.sel < 0)
		l->lv.sel = 0;
	l->lv.top = 0;
	l->top_n = -1;
}

/* The list again from the database, keeping the selected article. */
static void
list_reload(struct pane *p)
{
	struct list *l = p->data;
	struct store_key key;

	if (p->rows <= 0)
		return;
	if (l->n == 0) {
		load_end(p, 1);
		return;
	}
	key = l->rows[l->lv.sel].key;
	if (l->top_n == 1) {
		/* At the top, new articles show above: the top again, the
		 * cursor on its article while it is in view. */
		load_end(p, 1);
		for (int i = 0; i < l->n; i++) {
			if (l->rows[i].key.id == key.id)
				l->lv.sel = i;
		}
		return;
	}
	/* The same article under the cursor, on the same line if it can. */
	window_at(p, &key, l->lv.sel);
}

/*
 * The place of the window in the list, for the status line: reads an
 * index through (longer the larger the corpus), so after the first
 * screen, not before, and given up for a key, to be tried again at the
 * next idle moment.
 */
static int
list_idle(struct pane *p)
{
	struct list *l = p->data;
	struct store *s = ui_store(p->ui);
	int rc;

	if (l->top_n > 0 || l->n == 0)
		return 0;
	store_set_interrupt(s, ui_stop_for_key, NULL);
	rc = store_position(s, l->order, &l->rows[0].key, &l->top_n);
	store_set_interrupt(s, NULL, NULL);
	if (rc < 0) {
		l->top_n = -1;
		if (!store_interrupted(s))
			ui_store_error(p->ui);
		return 0;
	}
	return UI_REDRAW;
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

	if (store_page(ui_store(p->ui), l->order, &l->rows[l->lv.sel].key, 1, UNREAD_WALK,
	    stop_at_unread, &found) < 0) {
		ui_store_error(p->ui);
		return;
	}
	if (found.id == 0) {
		ui_message(p->ui, 0, "%s", _("no unread article below"));
		return;
	}
	window_at(p, &found, l->lv.sel);
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
source_cols(const struct list *l, int cols)
{
	int src = conf_get()->source_width, most = cols >= 60 ? (cols >= 100 ? 18 : 12) : 0;

	if (src == 0) {
		for (int i = 0; i < l->n && src < most; i++) {
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

/* One column of a row at x, w columns wide (the last two blank). */
static void
draw_column(struct pane *p, int y, int x, int w, enum config_column c, const struct row *r,
    int base, int selected)
{
	static const enum color_element el[] = { EL_FLAGS, EL_DATE, EL_SOURCE, EL_NORMAL };
	attr_t a = selected ? pane_selected_attr(p) : (attr_t)(c == COL_TITLE ?
	    color_attr(base) : color_mix(base, el[c]));
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
	case COL_TITLE: {
		/* A story: "×3" after its title, dimmed, always seen. */
		char mark[32];
		int tw = pane_story_mark(r->title, w, r->copies, mark, sizeof mark);

		ui_put(p, y, x, r->title, tw, a);
		if (*mark)
			ui_put(p, y, x + tw, mark, w - tw,
			    selected ? a : (attr_t)color_mix(base, EL_META));
		break;
	}
	}
}

/*
 * Where each column of the configuration stands on a pane cols wide, once
 * a screen (the source column reads every row's source): the title takes
 * the room the others leave; columns with no room are left out.
 */
static void
place_columns(struct list *l, int cols)
{
	const struct config *cf = conf_get();
	int src = source_cols(l, cols), x = 0, others = 0;

	l->ncols = 0;
	for (int k = 0; k < cf->ncolumns; k++)
		others += column_cols(cf->columns[k], cols, src);
	for (int k = 0; k < cf->ncolumns && x < cols; k++) {
		enum config_column c = cf->columns[k];
		int w = c == COL_TITLE ? cols - others : column_cols(c, cols, src);

		if (w <= 0)
			continue;
		l->cols[l->ncols++] = (struct column_at){ c, x, w };
		x += w + (c == COL_TITLE ? 2 : 0);
	}
}

/* A row (listview's draw). */
static void
draw_row(struct pane *p, int y, int i, int selected, void *ctx)
{
	struct list *l = p->data;
	const struct row *r = &l->rows[i];
	int base = r->unread ? EL_UNREAD : EL_NORMAL;

	(void)ctx;
	ui_fill(p, y, 0, selected ? pane_selected_attr(p) : (attr_t)color_attr(base));
	for (int k = 0; k < l->ncols; k++)
		draw_column(p, y, l->cols[k].x, l->cols[k].w, l->cols[k].c, r, base, selected);
}

/* The names of the columns over them (set column-headers on). */
static void
draw_headers(struct pane *p)
{
	struct list *l = p->data;
	const char *names[] = { "", _("Date"), _("Source"), _("Title") };
	attr_t a = (attr_t)color_attr(EL_HEADING) | A_UNDERLINE;

	ui_fill(p, 0, 0, a);
	for (int k = 0; k < l->ncols; k++) {
		const struct column_at *c = &l->cols[k];

		ui_put(p, 0, c->x, names[c->c], c->c == COL_TITLE ? c->w : c->w - 2, a);
	}
}

static void
list_draw(struct pane *p)
{
	struct list *l = p->data;

	check_window(p);
	place_columns(l, p->cols);
	if (l->lv.y0 > 0 && l->n > 0)
		draw_headers(p);
	if (l->n == 0) {
		ui_put(p, 0, 1, _("No articles yet."), p->cols - 1, (attr_t)color_attr(EL_HEADING));
		ui_put(p, 2, 1, _("Import a folder of articles with:"), p->cols - 1, (attr_t)color_attr(EL_NORMAL));
		/* TRANSLATORS: typed as it is, but FOLDER: a folder's name. */
		ui_put(p, 3, 3, _("luot import FOLDER"), p->cols - 3, A_NORMAL);
		ui_put(p, 5, 1, _("Press q to quit, ? for the keys."), p->cols - 1, A_NORMAL);
		return;
	}
	listview_draw(&l->lv, p);
}

static void
all_read(struct ui *ui, const char *answer, void *ctx)
{
	struct pane_change c = { 0, CHANGE_READ, 1, -1 };

	(void)answer;
	(void)ctx;
	writer_read_all(ui_writer(ui));
	ui_announce(ui, &c);
	ui_message(ui, 0, "%s", _("every article marked read"));
}

static const struct ui_question all_read_question = {
	N_("mark every article read? (y/n) "), all_read, NULL, NULL, 1,
};

static int
list_key(struct pane *p, int key, int action)
{
	struct list *l = p->data;
	int flags;

	(void)key;
	if ((flags = listview_key(&l->lv, p, action)) != 0) {
		check_window(p);
		return flags;
	}
	switch (action) {
	case ACT_OPEN:
		return l->n > 0 ? UI_HANDLED | UI_OPEN : UI_HANDLED;
	case ACT_NEXT_UNREAD:
		if (l->n > 0)
			next_unread(p);
		break;
	case ACT_MARK_ALL_READ:
		ui_prompt(p->ui, &all_read_question, NULL, NULL);
		return UI_HANDLED;
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
	return UI_HANDLED | UI_REDRAW;
}

/*
 * Where the list was when luot last closed this database: a line per
 * database in the data folder's list-position, "ORDER ID LINE PATH" (the
 * path last, whole: it may hold spaces), the newest last, PLACES_MAX at
 * most. A file that cannot be read or written costs the place only.
 */
#define PLACES_MAX 50

/* This database's name in the file: its real path. New string. */
static char *
db_name(struct pane *p)
{
	const char *path = store_path(ui_store(p->ui));
	char *real = path ? realpath(path, NULL) : NULL;

	return real ? real : xstrdup(path ? path : "");
}

static int
key_of_item(const struct store_item *it, void *ctx)
{
	store_key_of(it, ctx);
	return 0;
}

/* The place saved for this database into l (restore_id, order). */
static void
load_place(struct pane *p)
{
	struct list *l = p->data;
	char *path = paths_in(paths_data_dir(), "list-position"), *name = db_name(p);
	char *line = NULL;
	size_t cap = 0;
	FILE *f = path ? fopen(path, "r") : NULL;

	while (f != NULL && getline(&line, &cap, f) > 0) {
		char order[16];
		long long id;
		int at, n = 0;

		line[strcspn(line, "\n")] = '\0';
		if (sscanf(line, "%15s %lld %d %n", order, &id, &at, &n) == 3 && n > 0 &&
		    strcmp(line + n, name) == 0) {
			l->order = strcmp(order, "import") == 0 ? STORE_ORDER_IMPORT : STORE_ORDER_DATE;
			l->restore_id = id;
			l->restore_line = at;
		}
	}
	if (f != NULL)
		fclose(f);
	free(line);
	free(path);
	free(name);
}

/* Save the place (the list's leave): the other databases' lines kept. */
static void
save_place(struct pane *p)
{
	struct list *l = p->data;
	char *dir = paths_data_dir(), *path, *tmp, *name, *line = NULL;
	struct strlist keep;
	size_t cap = 0;
	FILE *in, *out;

	if (dir == NULL || l->n == 0) {
		free(dir);
		return;		/* no HOME; nothing shown */
	}
	path = paths_in(xstrdup(dir), "list-position");
	tmp = xasprintf("%s.tmp", path);
	name = db_name(p);
	strlist_init(&keep);
	if (paths_mkdirs(dir) == 0 && (out = fopen(tmp, "w")) != NULL) {
		if ((in = fopen(path, "r")) != NULL) {
			while (getline(&line, &cap, in) > 0) {
				char *sp = strchr(line, ' ');

				line[strcspn(line, "\n")] = '\0';
				/* "ORDER ID LINE PATH": past the third space. */
				for (int k = 0; k < 2 && sp != NULL; k++)
					sp = strchr(sp + 1, ' ');
				if (sp != NULL && strcmp(sp + 1, name) != 0)
					strlist_push(&keep, xstrdup(line));
			}
			fclose(in);
		}
		for (size_t i = keep.len >= PLACES_MAX ? keep.len - PLACES_MAX + 1 : 0; i < keep.len; i++)
			fprintf(out, "%s\n", keep.items[i]);
		fprintf(out, "%s %lld %d %s\n", l->order == STORE_ORDER_IMPORT ? "import" : "date",
		    (long long)l->rows[l->lv.sel].key.id, l->lv.sel, name);
		if (fclose(out) != 0 || rename(tmp, path) != 0)
			unlink(tmp);
	}
	strlist_free(&keep);
	free(line);
	free(name);
	free(tmp);
	free(path);
	free(dir);
}

/* The window where the list was, or from the top when that article is
 * gone. */
static void
restore_place(struct pane *p)
{
	struct list *l = p->data;
	struct store_key key = { 0, "" };
	int line = l->restore_line < window_rows(p) ? l->restore_line : window_rows(p) - 1;

	if (store_show(ui_store(p->ui), l->restore_id, key_of_item, &key) > 0 && key.id != 0)
		window_at(p, &key, line > 0 ? line : 0);
	else
		load_end(p, 1);
	l->restore_id = 0;
}

static void
list_resize(struct pane *p)
{
	struct list *l = p->data;
	int rows = window_rows(p);

	if (l->n == 0 && l->restore_id > 0) {
		restore_place(p);
	} else if (l->n == 0) {
		load_end(p, 1);
	} else if (l->n != rows) {
		/* Keep the cursor's article in view. */
		if (l->lv.sel >= rows) {
			int drop = l->lv.sel - rows + 1;

			for (int i = 0; i < drop; i++)
				row_free(&l->rows[i]);
			memmove(l->rows, l->rows + drop, (size_t)(l->n - drop) * sizeof *l->rows);
			l->n -= drop;
			l->lv.sel -= drop;
			if (l->top_n > 0)
				l->top_n += drop;
		}
		while (l->n > rows)
			row_free(&l->rows[--l->n]);
		ensure_cap(l, rows);
		if (l->n < rows) {
			struct fetch f;
			int got = fetch(p, &l->rows[l->n - 1].key, 1, rows - l->n, &f);

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
	struct ui_counts c;

	ui_counts(p->ui, &c);
	if (l->n == 0)
		snprintf(buf, size, "0/0");
	else if (l->top_n > 0 && c.total >= 0)
		snprintf(buf, size, "%lld/%lld", (long long)(l->top_n + l->lv.sel),
		    (long long)c.total);
	else if (c.total >= 0)
		snprintf(buf, size, "%lld", (long long)c.total);
	else
		buf[0] = '\0';
}

static int
list_current(struct pane *p, struct pane_article *a)
{
	struct list *l = p->data;
	const struct row *r;

	if (l->n == 0)
		return 0;
	r = &l->rows[l->lv.sel];
	a->id = r->key.id;
	a->unread = r->unread;
	a->bookmarked = r->bookmarked;
	a->words = NULL;
	return 1;
}

/* A change made here shows at once, before the writer writes it. */
static void
list_changed(struct pane *p, const struct pane_change *c)
{
	struct list *l = p->data;

	for (int i = 0; i < l->n; i++) {
		if (c->id != 0 && l->rows[i].key.id != c->id)
			continue;
		if (c->what == CHANGE_READ)
			l->rows[i].unread = !c->on;
		else
			l->rows[i].bookmarked = c->on;
		p->dirty = 1;
	}
}

static const struct listview_ops rows_ops = {
	count_rows, draw_row, slide, load_end, NULL,
};

static const struct pane_ops list_ops = {
	.where = KEYS_LIST,
	.name = N_("list"),
	.kind = PANE_LIST,
	.draw = list_draw,
	.key = list_key,
	.resize = list_resize,
	.status = list_status,
	.idle = list_idle,
	.free = list_free,
	.current = list_current,
	.reload = list_reload,
	.changed = list_changed,
	.leave = save_place,
};

struct pane *
pane_list_new(struct ui *ui)
{
	struct list *l = xcalloc(1, sizeof *l);
	struct pane *p = pane_new(ui, &list_ops, l);

	listview_init(&l->lv, &rows_ops, p, 1);
	l->lv.y0 = conf_get()->column_headers ? 1 : 0;
	l->top_n = 1;
	l->order = conf_get()->sort_import ? STORE_ORDER_IMPORT : STORE_ORDER_DATE;
	load_place(p);
	return p;
}
