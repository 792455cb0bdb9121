/*
 * ui.c: curses start and stop, the stack of views and the layout, the
 * loop, the status and message lines, and the drawing helpers the views
 * share (pane.h).
 *
 * The loop: read again what went stale, draw what changed, wait for a
 * key (or a second, to notice another process's import), hand it to the
 * view on top with the action it is bound to, then to the actions every
 * view shares. The views are panes.h's; this file names none of them.
 */
#include "config.h"

#include <poll.h>
#include <stdarg.h>
#include <time.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include <curses.h>

#include "actions.h"
#include "bgfetch.h"
#include "conf.h"
#include "edit.h"
#include "hints.h"
#include "i18n.h"
#include "keymap.h"
#include "launch.h"
#include "pane.h"
#include "panes.h"
#include "store.h"
#include "text.h"
#include "trace.h"
#include "ui.h"
#include "util.h"
#include "writer.h"

/* Last: its macros (lines, columns...) would clash with names above. */
#include <term.h>

/* Smallest terminal the interface draws in; smaller ones get a note. */
#define MIN_COLS 20
#define MIN_ROWS 5
/* Side by side from this width; list over reader from this height. The
 * sidebar shows itself from WIDE_COLS too, SIDE_COLS wide (a quarter of
 * a narrower screen where it is asked for). */
#define WIDE_COLS 140
#define SIDE_COLS 30
#define TALL_ROWS 32
/* SQLite page cache of the interface's connection, KiB. */
#define UI_CACHE_KIB 8192
/* Most views; the stack holds each at most once. */
#define MAX_PANES 16
/* In a split screen the article follows the list's cursor once keys
 * pause this long (a held key does not load every article it passes). */
#define FOLLOW_MS 100

enum layout {
	LAYOUT_SINGLE,		/* one view at a time */
	LAYOUT_TALL,		/* list over article */
	LAYOUT_WIDE,		/* list beside article */
	LAYOUT_TINY,		/* too small: a note only */
};

struct ui {
	struct trace *trace;	/* $LUOT_UI_TRACE: timings for the benchmark */
	struct store *store;
	char *search_preset;	/* the query the search opens with, once */
	struct writer *writer;	/* the changes of reading state */
	struct pane *all[MAX_PANES];	/* the registry's views, in its order */
	int nall;
	struct pane *article;	/* the view of kind PANE_ARTICLE */
	struct pane *side;	/* the view of kind PANE_SIDE */
	int side_shown;		/* the sidebar is on the screen */
	int side_chosen;	/* shown or hidden by a key: no longer by width */
	int side_any;		/* it has entries: 1, 0, -1 to be read again */
	struct pane *stack[MAX_PANES];	/* stack[0]: the list; the top has the keys */
	int depth;
	enum layout layout;
	WINDOW *status, *rule;	/* hints, status and message lines; a split's rule */
	WINDOW *side_rule;	/* the sidebar's */
	int hints;		/* lines of the key-hint bar: 0 or 1 */
	char msg[512];
	int msg_error;
	int ascii;		/* the locale is not UTF-8 */
	int64_t version;	/* PRAGMA data_version last seen */
	unsigned gen;		/* moves when the database changed */
	int dirty;		/* everything to draw again */
	struct ui_counts counts;	/* total -1: to count at a pause */
	int follow;		/* the article is to follow the list's cursor */
	double last_key;	/* when the last key came, ms (trace_clock) */
	/* A question on the message line (ui_prompt), while q is set. */
	const struct ui_question *q;
	void *qctx;
	struct edit answer;
	int seq[KEYMAP_MAX_SEQ];	/* keys typed of a longer binding */
	int nseq;
	struct bgfetch *fetch;	/* the feeds being fetched (r), or NULL */
};

struct store *
ui_store(struct ui *ui)
{
	return ui->store;
}

char *
ui_take_search_preset(struct ui *ui)
{
	char *q = ui->search_preset;

	ui->search_preset = NULL;
	return q;
}


int
ui_external(struct ui *ui, const struct strlist *argv, int in_fd, int wait, char **why)
{
	int rc;

	/* The terminal is the program's while it runs (a browser in the
	 * terminal), then luot's again, drawn whole. */
	def_prog_mode();
	endwin();
	rc = launch_run(argv, in_fd, why);
	if (wait) {
		char c = 0;

		/* read(), not stdio: no key typed after Enter is kept from
		 * curses in a buffer. */
		printf("\n%s", _("Press Enter to go back to luot."));
		fflush(stdout);
		while (read(0, &c, 1) == 1 && c != '\n' && c != '\r')
			;
	}
	reset_prog_mode();
	clearok(curscr, TRUE);
	refresh();
	ui->dirty = 1;
	return rc;
}

int
ui_article_under(struct ui *ui, const struct pane *p, struct pane_article *a)
{
	for (int i = ui->depth - 1; i > 0; i--) {
		struct pane *u = ui->stack[i - 1];

		if (ui->stack[i] == p)
			return u->ops->current != NULL && u->ops->current(u, a);
	}
	return 0;
}

struct writer *
ui_writer(struct ui *ui)
{
	return ui->writer;
}

/* The database changed: every view reads it again when it is shown,
 * and the counts are counted again. */
static void
stale(struct ui *ui)
{
	ui->gen++;
	ui->counts.total = ui->counts.unread = ui->counts.bookmarked = -1;
	ui->side_any = -1;
}

void
ui_state_changed(struct ui *ui)
{
	/* Not written in time: poll_database sees it when it is. */
	if (writer_wait(ui->writer, UI_WRITE_WAIT_MS))
		stale(ui);
}

void
ui_announce(struct ui *ui, const struct pane_change *c)
{
	for (int i = 0; i < ui->nall; i++) {
		struct pane *p = ui->all[i];

		if (p->ops->changed != NULL)
			p->ops->changed(p, c);
		if (p->win != NULL)
			p->dirty = 1;
	}
	/* The counts follow at once: the change may not be written for a
	 * while (an import holds the lock), and counting again would miss
	 * it. Not known before: counted again (poll_database counts once
	 * more when it is written). */
	if (c->id == 0 && c->what == CHANGE_READ && ui->counts.total >= 0)
		ui->counts.unread = c->on ? 0 : ui->counts.total;
	if (ui->counts.total < 0 || c->was == c->on || c->id == 0)
		return;
	if (c->was < 0)
		ui->counts.total = ui->counts.unread = ui->counts.bookmarked = -1;
	else if (c->what == CHANGE_READ)
		ui->counts.unread += c->on ? -1 : 1;
	else if (c->what == CHANGE_BOOKMARK)
		ui->counts.bookmarked += c->on ? 1 : -1;
}

void
ui_counts(struct ui *ui, struct ui_counts *c)
{
	*c = ui->counts;
}

void
ui_message(struct ui *ui, int error, const char *fmt, ...)
{
	va_list ap;
	char tmp[sizeof ui->msg];

	va_start(ap, fmt);
	vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	/* Messages may quote article text or file names. */
	{
		char *safe = ui_text(ui, tmp);

		snprintf(ui->msg, sizeof ui->msg, "%s", safe);
		free(safe);
	}
	ui->msg_error = error;
}

void
ui_store_error(struct ui *ui)
{
	ui_message(ui, 1, "%s", store_errmsg(ui->store));
}

int
ui_found(struct ui *ui, int rc)
{
	if (rc < 0)
		ui_store_error(ui);
	else if (rc == 0)
		ui_message(ui, 1, "%s", _("the article is no longer in the database"));
	return rc > 0;
}

static struct pane *
top(const struct ui *ui)
{
	return ui->stack[ui->depth - 1];
}

int
ui_focused(const struct pane *p)
{
	return top(p->ui) == p;
}

int
ui_stop_for_key(void *ctx)
{
	(void)ctx;
	return ui_key_waiting();
}

int
ui_key_waiting(void)
{
	struct pollfd pfd = { STDIN_FILENO, POLLIN, 0 };

	return poll(&pfd, 1, 0) > 0;
}

void
ui_text_into(struct ui *ui, struct buf *b, const char *s, size_t n)
{
	text_sanitize_into(b, s, n, ui->ascii);
}

char *
ui_text(struct ui *ui, const char *s)
{
	struct buf b;

	buf_init(&b);
	ui_text_into(ui, &b, s ? s : "", s ? strlen(s) : 0);
	return buf_detach(&b);
}

/* n bytes of UTF-8 as wide characters (glibc's wchar_t is UCS-4). */
static wchar_t *
to_wide(const char *s, size_t n, size_t *len)
{
	wchar_t *w = xmalloc((n + 1) * sizeof *w);
	size_t i = 0, k = 0;

	while (i < n) {
		uint32_t uc;

		i += (size_t)text_next(s + i, n - i, &uc);
		w[k++] = (wchar_t)uc;
	}
	w[k] = 0;
	*len = k;
	return w;
}

void
ui_put_raw(struct pane *p, int y, int x, const char *s, size_t n, attr_t attr)
{
	size_t len;
	wchar_t *w = to_wide(s, n, &len);

	wattr_on(p->win, attr, NULL);
	mvwaddnwstr(p->win, y, x, w, (int)len);
	wattr_off(p->win, attr, NULL);
	free(w);
}

int
ui_put(struct pane *p, int y, int x, const char *s, int cols, attr_t attr)
{
	char *t = ui_text(p->ui, s), *cut;
	int w;

	if (cols <= 0) {
		free(t);
		return 0;
	}
	cut = text_truncate(t, (size_t)cols);
	w = (int)text_width(cut);
	ui_put_raw(p, y, x, cut, strlen(cut), attr);
	free(cut);
	free(t);
	return w;
}

/*
 * Draw the start of screen text t that does not fit in room columns: up
 * to its last space that leaves room for "…", then "…"; with no such
 * space, "…" in place of a space just before (space) or t cut anywhere.
 * Never the stub of a word ("g…").
 */
static void
put_cut(struct pane *p, int y, int x, const char *t, int room, int space, attr_t attr,
    attr_t ell)
{
	size_t k = strlen(t);

	while (k > 0 && (t[k - 1] != ' ' || text_width_n(t, k - 1) + 1 > (size_t)room))
		k--;
	if (k > 0) {
		ui_put_raw(p, y, x, t, k - 1, attr);
		ui_put(p, y, x + (int)text_width_n(t, k - 1), "\xe2\x80\xa6", 1, ell);
	} else if (space) {
		ui_put(p, y, x - 1, "\xe2\x80\xa6", 1, ell);
	} else {
		ui_put(p, y, x, t, room, attr);
	}
}

void
ui_put_marked(struct pane *p, int y, int x, const char *s, int cols, attr_t attr, attr_t mark)
{
	int used = 0, marked = 0, space = 0;

	while (*s && used < cols) {
		size_t n = strcspn(s, "\x01\x02");
		char *part = xstrndup(s, n), *shown;

		/* A snippet may run over a paragraph break: a space here. */
		for (char *c = part; *c; c++) {
			if (*c == '\n')
				*c = ' ';
		}
		shown = ui_text(p->ui, part);
		free(part);
		if (text_width(shown) > (size_t)(cols - used)) {
			/* Its "…" ends the line. */
			put_cut(p, y, x + used, shown, cols - used, space, marked ? mark : attr, attr);
			free(shown);
			break;
		}
		used += ui_put(p, y, x + used, shown, cols - used, marked ? mark : attr);
		space = n > 0 && shown[0] != '\0' && shown[strlen(shown) - 1] == ' ';
		free(shown);
		s += n;
		if (*s)
			marked = *s++ == '\x01';
	}
}

void
ui_fill(struct pane *p, int y, int x, attr_t attr)
{
	wattr_on(p->win, attr, NULL);
	for (int i = x; i < p->cols; i++)
		mvwaddch(p->win, y, i, ' ');
	wattr_off(p->win, attr, NULL);
}

const char *
ui_unavailable(void)
{
	const char *term = getenv("TERM");
	int err = 0;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return _("not a terminal");
	if (term == NULL || *term == '\0')
		return _("TERM is not set");
	if (strcmp(term, "dumb") == 0)
		return _("the terminal cannot move its cursor (TERM=dumb)");
	if (setupterm((char *)term, STDOUT_FILENO, &err) != OK)
		return _("unknown terminal type (TERM)");
	/* A terminal that cannot address the cursor cannot show panes. */
	if (tigetstr("cup") == NULL || tigetstr("cup") == (char *)-1) {
		del_curterm(cur_term);
		return _("the terminal cannot move its cursor");
	}
	del_curterm(cur_term);
	return NULL;
}

/* Put pane p in a window of the given place; no size hides it, keeping
 * the size it had (J in the article moves the list behind it). */
static void
place(struct pane *p, int rows, int cols, int y, int x)
{
	if (p->win != NULL) {
		delwin(p->win);
		p->win = NULL;
	}
	if (rows <= 0 || cols <= 0)
		return;
	p->rows = rows;
	p->cols = cols;
	p->win = newwin(rows, cols, y, x);
	/* Blank cells in the normal colours: erasing paints the background. */
	wbkgdset(p->win, (chtype)' ' | (chtype)color_attr(EL_NORMAL));
	keypad(p->win, TRUE);
	wtimeout(p->win, 1000);
	p->ops->resize(p);
	p->dirty = 1;
}

static int
split(const struct ui *ui)
{
	return ui->layout == LAYOUT_TALL || ui->layout == LAYOUT_WIDE;
}

/* The list shown: the highest list view on the stack (the article list
 * at least). */
static struct pane *
list_view(const struct ui *ui)
{
	for (int i = ui->depth - 1; i > 0; i--) {
		if (ui->stack[i]->ops->kind == PANE_LIST)
			return ui->stack[i];
	}
	return ui->stack[0];
}

/* The layout for a screen of cols by body rows: the configured one where
 * it fits, else the best that fits. */
static enum layout
pick_layout(int cols, int body)
{
	int wide = cols >= WIDE_COLS && body >= 10, tall = body >= TALL_ROWS;

	switch (conf_get()->layout) {
	case CONFIG_LAYOUT_SINGLE:
		return LAYOUT_SINGLE;
	case CONFIG_LAYOUT_WIDE:
		/* Asked for: beside each other from 60 columns. */
		if (cols >= 60 && body >= 10)
			return LAYOUT_WIDE;
		break;
	case CONFIG_LAYOUT_TALL:
		if (body >= 12)
			return LAYOUT_TALL;
		break;
	case CONFIG_LAYOUT_AUTO:
		break;
	}
	return wide ? LAYOUT_WIDE : tall ? LAYOUT_TALL : LAYOUT_SINGLE;
}

/* The article, in a split screen, shows the list's current one. */
static void
want_follow(struct ui *ui)
{
	struct pane_article a, shown;
	struct pane *l = list_view(ui);

	ui->follow = split(ui) && top(ui) == l && l->ops->current != NULL &&
	    l->ops->current(l, &a) &&
	    (!ui->article->ops->current(ui->article, &shown) || shown.id != a.id);
}

/* Has the sidebar anything to show but the queue's entry? */
static int
stop_at_one(const void *v, void *ctx)
{
	(void)v;
	*(int *)ctx = 1;
	return 1;
}

static int
saved_one(const struct store_saved *v, void *ctx)
{
	return stop_at_one(v, ctx);
}

static int
tag_one(const char *tag, int64_t n, void *ctx)
{
	(void)n;
	return stop_at_one(tag, ctx);
}

/* Read once a change of the database, not at every layout (each view
 * opened or left). */
static int
side_has_entries(struct ui *ui)
{
	int any = 0;
	int64_t queued = 0;

	if (ui->side_any >= 0)
		return ui->side_any;
	store_saved(ui->store, saved_one, &any);
	if (!any)
		store_tags(ui->store, tag_one, &any);
	ui->side_any = any || (store_queue_count(ui->store, &queued) == 0 && queued > 0);
	return ui->side_any;
}

/* Is the sidebar shown: as a key last chose, else as configured; by
 * default on a wide screen, when there are searches, tags or a queue. */
static int
side_wanted(struct ui *ui, int cols)
{
	if (ui->side_chosen)
		return ui->side_shown;
	switch (conf_get()->sidebar) {
	case CONFIG_SIDEBAR_ON:
		return 1;
	case CONFIG_SIDEBAR_OFF:
		return 0;
	case CONFIG_SIDEBAR_AUTO:
		break;
	}
	return cols >= WIDE_COLS && side_has_entries(ui);
}

/* The top view but the sidebar: the one whose place the layout gives. */
static struct pane *
top_view(const struct ui *ui)
{
	for (int i = ui->depth - 1; i > 0; i--) {
		if (ui->stack[i]->ops->kind != PANE_SIDE)
			return ui->stack[i];
	}
	return ui->stack[0];
}

/* The sidebar off the stack, wherever it stood on it. */
static void
drop_side(struct ui *ui)
{
	int k = 0;

	for (int i = 0; i < ui->depth; i++) {
		if (ui->stack[i] != ui->side || i == 0)
			ui->stack[k++] = ui->stack[i];
	}
	ui->depth = k;
}

/* The sidebar at the left, with its rule: the columns it takes. */
static int
place_side(struct ui *ui, int body, int cols)
{
	int w = cols >= 4 * SIDE_COLS ? SIDE_COLS : cols / 4;

	if (w < 12)
		return 0;
	place(ui->side, body, w, 0, 0);
	ui->side_rule = newwin(body, 1, 0, w);
	return w + 1;
}

/* Windows for the views shown, after a resize or a change of view. */
static void
layout(struct ui *ui)
{
	int rows = LINES, cols = COLS, body, pct = conf_get()->list_percent, x = 0;
	struct pane *t = top_view(ui), *l = list_view(ui);
	int side_was = ui->side->win != NULL;

	/* Not on a terminal of a few lines, where each is worth more. */
	ui->hints = conf_get()->key_hints && rows >= 12;
	body = rows - 2 - ui->hints;

	for (int i = 0; i < ui->nall; i++)
		place(ui->all[i], 0, 0, 0, 0);
	if (ui->rule != NULL)
		delwin(ui->rule);
	if (ui->side_rule != NULL)
		delwin(ui->side_rule);
	ui->side_rule = NULL;
	if (ui->status != NULL)
		delwin(ui->status);
	ui->rule = ui->status = NULL;
	ui->dirty = 1;
	if (cols < MIN_COLS || rows < MIN_ROWS) {
		ui->layout = LAYOUT_TINY;
		return;
	}
	ui->status = newwin(2 + ui->hints, cols, rows - 2 - ui->hints, 0);
	keypad(ui->status, TRUE);
	wtimeout(ui->status, 1000);
	ui->side_shown = side_wanted(ui, cols);
	/* Hidden (the screen grew narrower), it has the keys no more. */
	if (!ui->side_shown)
		drop_side(ui);
	if (ui->side_shown && t->ops->kind != PANE_FULL) {
		x = place_side(ui, body, cols);
		cols -= x;
		if (x == 0)
			drop_side(ui);	/* no room for it */
		/* Its entries are read when it comes back: not while hidden. */
		if (!side_was)
			ui->side->seen = ui->gen - 1;
	}
	/* Side by side by the screen's width, the sidebar's columns left
	 * to the list, while the two keep 100 columns. */
	ui->layout = pick_layout(cols >= 100 ? cols + x : cols, body);
	if (t->ops->kind == PANE_FULL) {
		place(t, body, cols, 0, 0);
	} else if (ui->layout == LAYOUT_WIDE) {
		int left = cols * (pct > 0 ? pct : 40) / 100;

		place(l, body, left, 0, x);
		ui->rule = newwin(body, 1, 0, x + left);
		place(ui->article, body, cols - left - 1, 0, x + left + 1);
	} else if (ui->layout == LAYOUT_TALL) {
		int up = body * (pct > 0 ? pct : 33) / 100;

		place(l, up, cols, 0, x);
		ui->rule = newwin(1, cols, up, x);
		place(ui->article, body - up - 1, cols, up + 1, x);
	} else {
		place(t, body, cols, 0, x);
	}
	want_follow(ui);
}

/* Mark the article shown read, as it is read. */
static void
read_shown(struct ui *ui)
{
	struct pane_article a;

	if (!ui->article->ops->current(ui->article, &a))
		return;
	if (a.unread) {
		struct pane_change c = { a.id, CHANGE_READ, 1, 0 };

		writer_read(ui->writer, a.id, 1);
		ui_announce(ui, &c);
	}
	/* Read is done with, in the queue: out of it (unless kept). */
	if (!conf_get()->queue_keep_read && store_queued(ui->store, a.id) == 1) {
		struct pane_change c = { a.id, CHANGE_QUEUE, 0, 1 };

		writer_queue(ui->writer, a.id, 0);
		ui_announce(ui, &c);
		ui_state_changed(ui);
	}
}

/* Put p on top of the stack (from where it was, if it was on it). */
static void
push(struct ui *ui, struct pane *p)
{
	int k = 0;

	for (int i = 0; i < ui->depth; i++) {
		if (ui->stack[i] != p || i == 0)
			ui->stack[k++] = ui->stack[i];
	}
	ui->depth = k;
	if (top(ui) != p)
		ui->stack[ui->depth++] = p;
	if (p->ops->enter != NULL)
		p->ops->enter(p);
	p->seen = ui->gen - 1;	/* what it shows, read afresh */
	if (p == ui->article)
		read_shown(ui);
	layout(ui);
}

/* Back to the view under the top one. */
static void
pop(struct ui *ui)
{
	struct pane *p = top(ui);

	if (ui->depth <= 1)
		return;
	ui->depth--;
	if (p->ops->leave != NULL)
		p->ops->leave(p);
	layout(ui);
}

/* The current article of p in the article view: shown and read (on
 * top, or followed: beside the list, unread). */
static int
show(struct ui *ui, struct pane *p, int on_top)
{
	struct pane_article a;

	if (p->ops->current == NULL || !p->ops->current(p, &a))
		return -1;
	if (ui->article->ops->show(ui->article, a.id, a.words) < 0)
		return -1;
	ui->article->dirty = 1;
	ui->follow = 0;
	if (on_top)
		push(ui, ui->article);
	return 0;
}

/* Two spaces and fmt at the end of line (size bytes in all), cut to fit. */
static void __attribute__((format(printf, 3, 4)))
append(char *line, size_t size, const char *fmt, ...)
{
	size_t len = strlen(line);
	va_list ap;

	if (len + 2 >= size)
		return;
	memcpy(line + len, "  ", 3);
	len += 2;
	va_start(ap, fmt);
	vsnprintf(line + len, size - len, fmt, ap);
	va_end(ap);
}

/* "?: help", for the end of the status line: the first key that opens
 * the help where the focus is (F1 in the search, where letters are the
 * query). Empty when no key does. */
static void
help_hint(const struct ui *ui, char *buf, size_t size)
{
	char keys[64];

	buf[0] = '\0';
	keymap_first_key(ACT_HELP, top(ui)->ops->where, keys, sizeof keys);
	if (keys[0])
		snprintf(buf, size, _("%s: help"), keys);
}

/* The key-hint bar on line y of bar (hints.h). */
static void
draw_hints(struct ui *ui, struct pane *bar, int y)
{
	char line[1024];

	hints_line(top(ui)->ops->where, COLS - 2, line, sizeof line);
	ui_put_marked(bar, y, 1, line, COLS - 1, (attr_t)color_attr(EL_NORMAL),
	    (attr_t)color_attr(EL_HEADING));
}

static void
draw_status(struct ui *ui)
{
	char pos[64] = "", line[1024], hint[80];
	struct pane *t = top(ui), *l = list_view(ui);
	struct pane bar = { NULL, ui, ui->status, 2 + ui->hints, COLS, NULL, 0, 0 };
	const char *query = l->ops->query != NULL ? l->ops->query(l) : NULL;
	int used, hw, y = ui->hints;

	if (t->ops->status != NULL)
		t->ops->status(t, pos, sizeof pos);
	snprintf(line, sizeof line, " luot: %s  %s", _(t->ops->name), pos);
	/* Whole phrases for the translators: a language may put the number
	 * first. Labels, not sentences: no plural. */
	if (ui->counts.unread >= 0)
		append(line, sizeof line, _("unread %lld"), (long long)ui->counts.unread);
	if (ui->counts.bookmarked > 0)
		append(line, sizeof line, _("bookmarked %lld"), (long long)ui->counts.bookmarked);
	if (query != NULL && *query)
		append(line, sizeof line, "/%s", query);
	if (ui->fetch != NULL)
		append(line, sizeof line, "%s", _("fetching"));
	werase(ui->status);
	if (ui->hints)
		draw_hints(ui, &bar, 0);
	used = ui_put(&bar, y, 0, line, COLS, (attr_t)color_attr(EL_STATUS));
	ui_fill(&bar, y, used, (attr_t)color_attr(EL_STATUS));
	/* At the right end, where room is left: the counts come first. */
	help_hint(ui, hint, sizeof hint);
	hw = (int)text_width(hint);
	if (hw > 0 && used + 2 + hw + 1 <= COLS)
		ui_put(&bar, y, COLS - hw - 1, hint, hw, (attr_t)color_attr(EL_STATUS));
	if (ui->q != NULL)
		edit_draw(&ui->answer, &bar, y + 1, _(ui->q->text));
	else if (ui->msg[0])
		ui_put(&bar, y + 1, 0, ui->msg, COLS - 1, (attr_t)color_attr(ui->msg_error ? EL_ERROR : EL_MESSAGE));
	wnoutrefresh(ui->status);
}

static void
draw_pane(struct ui *ui, struct pane *p)
{
	if (p->win == NULL || !(p->dirty || ui->dirty))
		return;
	werase(p->win);
	p->ops->draw(p);
	wnoutrefresh(p->win);
	p->dirty = 0;
}

/* Draw what changed: the views marked, the status line always. */
static void
draw(struct ui *ui)
{
	if (ui->layout == LAYOUT_TINY) {
		/* Through ui_put like any text: cut by columns, not bytes (a
		 * translation is multi-byte), and folded to ASCII if need be. */
		struct pane whole = { NULL, ui, stdscr, LINES, COLS, NULL, 0, 0 };

		erase();
		ui_put(&whole, 0, 0, _("Terminal too small"), COLS, (attr_t)color_attr(EL_NORMAL));
		refresh();
		return;
	}
	if (ui->rule != NULL && ui->dirty) {
		wbkgdset(ui->rule, (chtype)' ' | (chtype)color_attr(EL_RULE));
		wattrset(ui->rule, color_attr(EL_RULE));
		werase(ui->rule);
		if (ui->layout == LAYOUT_WIDE)
			wvline(ui->rule, ACS_VLINE, LINES - 2 - ui->hints);
		else
			whline(ui->rule, ACS_HLINE, COLS);
		wnoutrefresh(ui->rule);
	}
	if (ui->side_rule != NULL && ui->dirty) {
		wbkgdset(ui->side_rule, (chtype)' ' | (chtype)color_attr(EL_RULE));
		wattrset(ui->side_rule, color_attr(EL_RULE));
		werase(ui->side_rule);
		wvline(ui->side_rule, ACS_VLINE, LINES - 2 - ui->hints);
		wnoutrefresh(ui->side_rule);
	}
	draw_status(ui);
	/* The view on top last: the cursor stays where it left it, and
	 * shows only where text is typed. */
	for (int i = 0; i < ui->nall; i++) {
		if (ui->all[i] != top(ui))
			draw_pane(ui, ui->all[i]);
	}
	draw_pane(ui, top(ui));
	if (ui->q != NULL)
		draw_status(ui);	/* last: the cursor is in the answer */
	curs_set(top(ui)->ops->where == KEYS_SEARCH || ui->q != NULL ? 1 : 0);
	doupdate();
	ui->dirty = 0;
}

void
ui_prompt(struct ui *ui, const struct ui_question *q, const char *initial, void *ctx)
{
	if (ui->q != NULL && ui->q->done != NULL)
		ui->q->done(ui->qctx);
	ui->q = q;
	ui->qctx = ctx;
	edit_set(&ui->answer, initial ? initial : "");
}

/* A key while a question is asked: Enter answers, Esc cancels. */
static void
prompt_key(struct ui *ui, int key)
{
	const struct ui_question *q = ui->q;
	void *ctx = ui->qctx;

	if (q->yes_no && key != 27 && key != '\n') {
		/* One key answers. */
		edit_set(&ui->answer, key == 'y' || key == 'Y' ? "y" : "");
		key = key == 'y' || key == 'Y' ? '\n' : 27;
	}
	if (key == 27 || key == '\n') {
		ui->q = NULL;
		if (key == 27)
			ui_message(ui, 0, "%s", _("cancelled"));
		else
			q->answered(ui, ui->answer.text, ctx);
		if (q->done != NULL)
			q->done(ctx);
	} else if (key == '\t' && q->complete != NULL) {
		char *done = q->complete(ui, ui->answer.text, ctx);

		if (done != NULL)
			edit_set(&ui->answer, done);
		free(done);
	} else {
		edit_key(&ui->answer, key);
	}
}

/* J, K, u in the article: the list under it moves (action), and the
 * article shown is its current one. */
static void
step(struct ui *ui, int action)
{
	struct pane *l = list_view(ui);
	struct pane_article before, a;

	if (!ui->article->ops->current(ui->article, &before))
		return;
	if (action == ACT_NEXT_UNREAD && !(l->ops->key(l, 0, action) & UI_HANDLED)) {
		/* A list without a walk of its own: row by row. */
		for (int i = 0; i < 1000 && (l->ops->key(l, 0, ACT_DOWN) & UI_HANDLED) &&
		    l->ops->current(l, &a) && !a.unread && a.id != before.id; i++)
			;
	} else if (action != ACT_NEXT_UNREAD) {
		l->ops->key(l, 0, action);
	}
	l->dirty = 1;
	if (!l->ops->current(l, &a) || a.id == before.id || (action == ACT_NEXT_UNREAD && !a.unread)) {
		if (!ui->msg[0])
			ui_message(ui, 0, "%s", action == ACT_UP ? _("no article above") :
			    action == ACT_DOWN ? _("no article below") : _("no unread article below"));
		return;
	}
	if (show(ui, l, 0) == 0)
		read_shown(ui);
}

/* r: the feeds fetched in the background (bgfetch.h); what comes is
 * seen as another luot's import is (poll_database). */
static void
start_fetch(struct ui *ui)
{
	char *why = NULL;

	if (ui->fetch != NULL) {
		ui_message(ui, 0, "%s", _("the feeds are being fetched already"));
		return;
	}
	if ((ui->fetch = bgfetch_start(store_path(ui->store), &why)) == NULL) {
		ui_message(ui, 1, "%s", why);
		free(why);
		return;
	}
	ui_message(ui, 0, "%s", _("fetching the feeds..."));
}

static void poll_database(struct ui *ui);

/* The background fetch ended: what it did on the message line, a
 * failure as an error (luot feeds names every one). */
static void
poll_fetch(struct ui *ui)
{
	struct fetch_totals t;
	int rc;

	if (ui->fetch == NULL || !bgfetch_done(ui->fetch))
		return;
	rc = bgfetch_finish(ui->fetch, &t);
	ui->fetch = NULL;
	poll_database(ui);
	if (rc < 0)
		ui_message(ui, 1, _("fetch failed: %s"), t.first_error);
	else if (t.feeds == 0)
		ui_message(ui, 1, "%s", _("no feeds to fetch: add one with luot feed add URL"));
	else if (t.failed > 0)
		ui_message(ui, 1, _("fetched %zu feeds: %zu new articles; %zu failed: %s"), t.feeds,
		    t.articles, t.failed, t.first_error);
	else
		ui_message(ui, 0, _("fetched %zu feeds: %zu new articles"), t.feeds, t.articles);
}

/* c: the search pane, showing every copy of the current article's story. */
static int
story_copies(struct ui *ui, struct pane *t)
{
	struct pane_article a;

	if (t->ops->current == NULL || !t->ops->current(t, &a)) {
		ui_message(ui, 1, "%s", _("no article here"));
		return UI_HANDLED;
	}
	{
		char q[32];

		snprintf(q, sizeof q, "story:%lld", (long long)a.id);
		ui_show_search(ui, q);
	}
	return UI_HANDLED;
}

void
ui_show_view(struct ui *ui, int action)
{
	for (int i = 0; i < npanes && i < ui->nall; i++) {
		if (panes[i].action == action && action != ACT_NONE)
			push(ui, ui->all[i]);
	}
}

void
ui_show_search(struct ui *ui, const char *query)
{
	free(ui->search_preset);
	ui->search_preset = xstrdup(query);
	ui_show_view(ui, ACT_SEARCH);
}

/* S: to the sidebar, shown if it was not; from it, hidden. */
static void
sidebar_key(struct ui *ui)
{
	ui->side_chosen = 1;
	if (top(ui) == ui->side) {
		ui->side_shown = 0;
		pop(ui);
		return;
	}
	ui->side_shown = 1;
	push(ui, ui->side);
	if (ui->side->win == NULL) {
		pop(ui);
		ui_message(ui, 1, "%s", _("the screen is too narrow for the sidebar"));
	}
}

/* The actions every view shares, for a key the top one did not take;
 * returns UI_ flags. */
static int
global_action(struct ui *ui, int action)
{
	struct pane *t = top(ui);
	struct pane_article a;

	for (int i = 0; i < npanes && i < ui->nall; i++) {
		if (panes[i].action == action && action != ACT_NONE) {
			push(ui, ui->all[i]);
			return UI_HANDLED;
		}
	}
	switch (action) {
	case ACT_QUIT:
		return UI_QUIT;
	case ACT_SIDEBAR:
		sidebar_key(ui);
		return UI_HANDLED;
	case ACT_STORY:
		return story_copies(ui, t);
	case ACT_SWITCH:
		if (t == ui->article)
			pop(ui);
		else if (split(ui) && ui->follow)
			show(ui, t, 1);
		else if (split(ui) || ui->article->ops->current(ui->article, &a))
			push(ui, ui->article);
		return UI_HANDLED;
	case ACT_BACK:
		pop(ui);
		return UI_HANDLED;
	case ACT_NEXT_ARTICLE:
		step(ui, ACT_DOWN);
		return UI_HANDLED;
	case ACT_PREV_ARTICLE:
		step(ui, ACT_UP);
		return UI_HANDLED;
	case ACT_NEXT_UNREAD_ARTICLE:
		step(ui, ACT_NEXT_UNREAD);
		return UI_HANDLED;
	case ACT_FETCH:
		start_fetch(ui);
		return UI_HANDLED;
	case ACT_REFRESH:
		writer_wait(ui->writer, 1000);	/* the changes made here, too */
		stale(ui);
		ui_message(ui, 0, "%s", _("database reread"));
		return UI_HANDLED;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		ui->dirty = 1;
		return UI_HANDLED;
	}
	if (t->ops->current != NULL && t->ops->current(t, &a))
		return actions_article(ui, action, &a);
	return 0;
}

/* Keys as the keymap names them: Enter, Backspace and Esc arrive in
 * several forms. */
static int
normal_key(int r, wint_t ch)
{
	if (r == KEY_CODE_YES) {
		if (ch == KEY_ENTER)
			return '\n';
		return KEYMAP_CODE + (int)ch;
	}
	if (ch == '\r')
		return '\n';
	if (ch == 127 || ch == 8)
		return KEYMAP_CODE + KEY_BACKSPACE;
	return (int)ch;
}

/* A change the writer gave up on: said on the message line, and the
 * views read again, which showed it as made. */
static void
poll_writer(struct ui *ui)
{
	char *msg = writer_failure(ui->writer);

	if (msg != NULL) {
		ui_message(ui, 1, "%s", msg);
		stale(ui);
		free(msg);
	}
}

/* Another connection committed (an import, the writer): show it. */
static void
poll_database(struct ui *ui)
{
	int64_t v;

	if (store_data_version(ui->store, &v) == 0 && v != ui->version) {
		ui->version = v;
		stale(ui);
	}
}

/* Views shown that have not read the database since it changed. */
static void
reload_stale(struct ui *ui)
{
	for (int i = 0; i < ui->nall; i++) {
		struct pane *p = ui->all[i];

		if (p->win == NULL || p->seen == ui->gen)
			continue;
		p->seen = ui->gen;
		if (p->ops->reload != NULL) {
			p->ops->reload(p);
			p->dirty = 1;
		}
	}
}

/* The counts for the status line: after the first screen, not before
 * (they read an index through), and given up for a key, to be counted
 * at the next pause. */
static int
count(struct ui *ui)
{
	struct store_counts c;
	int rc;

	if (ui->counts.total >= 0)
		return 0;
	store_set_interrupt(ui->store, ui_stop_for_key, NULL);
	rc = store_count(ui->store, &c);
	store_set_interrupt(ui->store, NULL, NULL);
	if (rc < 0) {
		if (!store_interrupted(ui->store))
			ui_store_error(ui);
		return 0;
	}
	ui->counts.total = c.rows;
	ui->counts.unread = c.unread;
	ui->counts.bookmarked = c.bookmarked;
	for (int i = 0; i < ui->nall; i++) {
		if (ui->all[i]->win != NULL)
			ui->all[i]->dirty = 1;	/* their positions may use it */
	}
	return UI_REDRAW;
}

/* Work put off for typing: only while no key waits. */
static int
idle(struct ui *ui)
{
	int flags = 0;

	if (ui->follow && !ui_key_waiting() && trace_clock() - ui->last_key >= FOLLOW_MS &&
	    show(ui, list_view(ui), 0) == 0)
		flags |= UI_REDRAW;
	if (!ui_key_waiting())
		flags |= count(ui);
	for (int i = 0; i < ui->nall && !ui_key_waiting(); i++) {
		struct pane *p = ui->all[i];

		if (p->win != NULL && p->ops->idle != NULL) {
			int f = p->ops->idle(p);

			if (f & UI_REDRAW)
				p->dirty = 1;
			flags |= f;
		}
	}
	return flags & (UI_REDRAW | UI_AGAIN);
}

/*
 * The action of key with the keys typed before it, if they begin a
 * longer binding; KEYMAP_PENDING while the sequence goes on. A sequence
 * that leads nowhere is dropped, and said so.
 */
static int
sequence(struct ui *ui, int key)
{
	int action;

	ui->seq[ui->nseq++] = key;
	action = keymap_lookup(top(ui)->ops->where, ui->seq, ui->nseq);
	if (action == KEYMAP_PENDING && ui->nseq < KEYMAP_MAX_SEQ)
		return KEYMAP_PENDING;
	if (ui->nseq > 1 && action < 0) {
		char typed[160];

		keymap_keys_name(ui->seq, ui->nseq, typed, sizeof typed);
		ui_message(ui, 1, _("%s: no such key"), typed);
		ui->nseq = 0;
		return KEYMAP_PENDING;	/* nothing to do */
	}
	ui->nseq = 0;
	return action < 0 ? ACT_NONE : action;
}

/* A key for the view on top, then for every view. Returns UI_QUIT to
 * leave. */
static int
dispatch(struct ui *ui, int key, int action)
{
	struct pane *t = top(ui);
	int flags = t->ops->key(t, key, action);

	if (flags & UI_REDRAW)
		t->dirty = 1;
	if (flags & UI_QUIT)
		return UI_QUIT;
	if (flags & UI_OPEN)
		show(ui, t, 1);
	if (flags & UI_LEAVE)
		pop(ui);
	if (!(flags & UI_HANDLED) && action != ACT_NONE)
		flags = global_action(ui, action);
	if (!split(ui) || top(ui) == ui->article)
		ui->follow = 0;
	else if (top(ui) == list_view(ui))
		want_follow(ui);
	return flags & UI_QUIT;
}

/* How long to wait for a key: a second (to notice another process's
 * import), or until the article is to follow the cursor. */
static int
key_timeout(const struct ui *ui)
{
	if (ui->follow) {
		int ms = (int)(FOLLOW_MS - (trace_clock() - ui->last_key));

		return ms > 0 ? ms : 0;
	}
	return 1000;
}

static int
loop(struct ui *ui)
{
	for (;;) {
		WINDOW *in;
		wint_t ch;
		int r, key, action, flags;

		reload_stale(ui);
		if (ui->layout != LAYOUT_TINY)
			draw(ui);
		/* A key's time: until the screen shows its effect. Work put
		 * off to idle moments (ranking, counts) is timed apart. */
		trace_drawn(ui->trace, ui_key_waiting());
		if (ui->layout != LAYOUT_TINY) {
			double t_idle = trace_clock();

			flags = idle(ui);
			if (flags & UI_REDRAW) {
				draw(ui);
				trace_idle(ui->trace, t_idle);
			}
			/* The rest (a count after the hits) once they show. */
			if ((flags & UI_AGAIN) && !ui_key_waiting())
				continue;
		} else {
			draw(ui);
		}
		in = ui->layout == LAYOUT_TINY ? stdscr : top(ui)->win;
		if (in == NULL)
			in = ui->status;
		wtimeout(in, key_timeout(ui));
		r = wget_wch(in, &ch);
		if (r == ERR) {
			poll_database(ui);
			poll_writer(ui);
			poll_fetch(ui);
			continue;
		}
		trace_input(ui->trace);
		ui->last_key = trace_clock();
		if (r == KEY_CODE_YES && ch == KEY_RESIZE) {
			layout(ui);
			continue;
		}
		if (ui->layout == LAYOUT_TINY) {
			if (ch == 'q')
				return 0;
			continue;
		}
		ui->msg[0] = '\0';
		key = normal_key(r, ch);
		trace_key(ui->trace, key);
		if (ui->q != NULL) {
			prompt_key(ui, key);
			continue;
		}
		if ((action = sequence(ui, key)) == KEYMAP_PENDING)
			continue;
		if (dispatch(ui, key, action) & UI_QUIT)
			return 0;
	}
}

/* writer_stop()'s progress, after the screen is gone. */
static void
say_writing(size_t left, void *ctx)
{
	(void)ctx;
	warnx(P_("saving %zu change (the database is busy)...",
	    "saving %zu changes (the database is busy)...", left), left);
}

/* The registry's views, the first at the bottom of the stack. */
static void
make_views(struct ui *ui)
{
	for (int i = 0; i < npanes && i < MAX_PANES; i++) {
		ui->all[ui->nall++] = panes[i].make(ui);
		if (ui->all[i]->ops->kind == PANE_ARTICLE)
			ui->article = ui->all[i];
		if (ui->all[i]->ops->kind == PANE_SIDE)
			ui->side = ui->all[i];
	}
	ui->stack[0] = ui->all[0];
	ui->depth = 1;
}

/* A bad configuration, said on the screen (and on stderr, which the
 * screen covers). */
static void
say_conf_errors(struct ui *ui)
{
	int n;
	const char *e = conf_first_error(&n);

	if (e != NULL && n > 1)
		ui_message(ui, 1, P_("%s (and %d more bad line)", "%s (and %d more bad lines)",
		    n - 1), e, n - 1);
	else if (e != NULL)
		ui_message(ui, 1, "%s", e);
}

int
ui_run(struct store *s)
{
	struct ui ui;
	const char *why = ui_unavailable();
	SCREEN *screen;
	int rc;

	if (why != NULL) {
		warnx("%s", why);
		return 1;
	}
	memset(&ui, 0, sizeof ui);
	ui.side_any = -1;
	ui.store = s;
	ui.trace = trace_open();
	ui.ascii = !text_utf8_locale();
	ui.counts.total = ui.counts.unread = ui.counts.bookmarked = -1;
	if (ui.ascii)
		warnx("%s", _("the locale is not UTF-8: text is shown without diacritics "
		    "(set LANG to a UTF-8 locale, e.g. C.UTF-8)"));
	conf_get();	/* the bindings, read or default */
	/* The screen's worth of rows and an article: a small page cache keeps
	 * the interface's memory in bounds whatever the corpus. */
	store_set_cache(s, UI_CACHE_KIB);
	store_set_grouping(s, conf_get()->stories);
	store_data_version(s, &ui.version);
	{
		char *err = NULL;

		if ((ui.writer = writer_start(s, &err)) == NULL) {
			warnx("%s", err);
			free(err);
			return 1;
		}
	}
	if ((screen = newterm(NULL, stdout, stdin)) == NULL) {
		warnx("%s", _("cannot start the terminal"));
		writer_stop(ui.writer, NULL, NULL);
		return 1;
	}
	color_start();
	cbreak();	/* not raw: Ctrl-Z suspends, Ctrl-C quits */
	noecho();
	nonl();
	set_escdelay(25);
	curs_set(0);
	edit_init(&ui.answer);
	make_views(&ui);
	if (ui.ascii)
		ui_message(&ui, 1, "%s", _("the locale is not UTF-8: text is shown without diacritics"));
	say_conf_errors(&ui);
	refresh();
	layout(&ui);
	rc = loop(&ui);
	if (ui.fetch != NULL) {
		struct fetch_totals t;

		/* What it stored stays; the rest waits for the next fetch. */
		bgfetch_stop(ui.fetch);
		bgfetch_finish(ui.fetch, &t);
	}
	for (int i = 0; i < ui.nall; i++) {
		if (ui.all[i]->ops->leave != NULL)
			ui.all[i]->ops->leave(ui.all[i]);
	}
	endwin();
	/* Nothing queued is lost: wait for the lock if an import holds it. */
	writer_stop(ui.writer, say_writing, NULL);
	if (ui.q != NULL && ui.q->done != NULL)
		ui.q->done(ui.qctx);
	for (int i = 0; i < ui.nall; i++)
		pane_free(ui.all[i]);
	edit_free(&ui.answer);
	free(ui.search_preset);
	if (ui.status)
		delwin(ui.status);
	if (ui.rule)
		delwin(ui.rule);
	if (ui.side_rule != NULL)
		delwin(ui.side_rule);
	delscreen(screen);
	trace_close(ui.trace);
	return rc;
}
