/*
 * ui.c: curses start and stop, the layout, the loop, the status and
 * message lines, and the drawing helpers the panes share (pane.h).
 *
 * The loop: draw what changed, wait for a key (or a second, to notice
 * another process's import), hand it to the focused pane with the action
 * it is bound to, then to the global actions.
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

#include "conf.h"
#include "edit.h"
#include "i18n.h"
#include "keymap.h"
#include "pane.h"
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
/* Side by side from this width; list over reader from this height. */
#define WIDE_COLS 140
#define TALL_ROWS 32
/* SQLite page cache of the interface's connection, KiB. */
#define UI_CACHE_KIB 8192

#define NPANES 5

enum layout {
	LAYOUT_SINGLE,		/* one pane at a time */
	LAYOUT_TALL,		/* list over reader */
	LAYOUT_WIDE,		/* list beside reader */
	LAYOUT_TINY,		/* too small: a note only */
};

struct ui {
	struct trace *trace;	/* $LUOT_UI_TRACE: timings for the benchmark */
	struct store *store;
	struct writer *writer;	/* the changes of reading state */
	struct pane *list, *reader, *search, *help, *marks;
	struct pane *all[NPANES];	/* the same, for loops */
	struct pane *main;	/* list, search or marks: what the list area shows */
	struct pane *focus;
	struct pane *before_help;	/* focus to return to from help */
	int article_open;
	enum layout layout;
	WINDOW *status, *rule;	/* status and message lines; a split's rule */
	char msg[512];
	int msg_error;
	int ascii;		/* the locale is not UTF-8 */
	int64_t version;	/* PRAGMA data_version last seen */
	int dirty;		/* everything to draw again */
	/* A question on the message line (ui_prompt), while fn is set. */
	struct edit answer;
	char *question;
	ui_prompt_fn answered;
	int seq[KEYMAP_MAX_SEQ];	/* keys typed of a longer binding */
	int nseq;
	int64_t asked_about;
};

struct store *
ui_store(struct ui *ui)
{
	return ui->store;
}

struct writer *
ui_writer(struct ui *ui)
{
	return ui->writer;
}

void
ui_state_changed(struct ui *ui)
{
	writer_wait(ui->writer, UI_WRITE_WAIT_MS);
	ui_list_changed(ui);
}

struct pane *
ui_marks(struct ui *ui)
{
	return ui->marks;
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
ui_focused(const struct pane *p)
{
	return p->ui->focus == p;
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

/* Put pane p in a window of the given place; NULL size hides it. */
static void
place(struct pane *p, int rows, int cols, int y, int x)
{
	if (p->win != NULL) {
		delwin(p->win);
		p->win = NULL;
	}
	p->rows = rows;
	p->cols = cols;
	if (rows <= 0 || cols <= 0)
		return;
	p->win = newwin(rows, cols, y, x);
	/* Blank cells in the normal colours: erasing paints the background. */
	wbkgdset(p->win, (chtype)' ' | (chtype)color_attr(EL_NORMAL));
	keypad(p->win, TRUE);
	wtimeout(p->win, 1000);
	p->ops->resize(p);
}

static int
split(const struct ui *ui)
{
	return ui->layout == LAYOUT_TALL || ui->layout == LAYOUT_WIDE;
}

/* Windows for the panes shown, after a resize or a change of pane. */
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

static void
layout(struct ui *ui)
{
	int rows = LINES, cols = COLS, body = rows - 2, pct = conf_get()->list_percent;
	for (int i = 0; i < NPANES; i++)
		place(ui->all[i], 0, 0, 0, 0);
	if (ui->rule != NULL)
		delwin(ui->rule);
	if (ui->status != NULL)
		delwin(ui->status);
	ui->rule = ui->status = NULL;
	ui->dirty = 1;
	if (cols < MIN_COLS || rows < MIN_ROWS) {
		ui->layout = LAYOUT_TINY;
		return;
	}
	ui->status = newwin(2, cols, rows - 2, 0);
	keypad(ui->status, TRUE);
	wtimeout(ui->status, 1000);
	ui->layout = pick_layout(cols, body);
	if (ui->focus == ui->help) {
		place(ui->help, body, cols, 0, 0);
	} else if (ui->layout == LAYOUT_WIDE) {
		int left = cols * (pct > 0 ? pct : 40) / 100;

		place(ui->main, body, left, 0, 0);
		ui->rule = newwin(body, 1, 0, left);
		place(ui->reader, body, cols - left - 1, 0, left + 1);
	} else if (ui->layout == LAYOUT_TALL) {
		int top = body * (pct > 0 ? pct : 33) / 100;

		place(ui->main, top, cols, 0, 0);
		ui->rule = newwin(1, cols, top, 0);
		place(ui->reader, body - top - 1, cols, top + 1, 0);
	} else {
		place(ui->focus, body, cols, 0, 0);
	}
	ui->dirty = 1;
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
	keymap_first_key(ACT_HELP, ui->focus->ops->where, keys, sizeof keys);
	if (keys[0])
		snprintf(buf, size, _("%s: help"), keys);
}

static void
draw_status(struct ui *ui)
{
	char pos[64] = "", line[1024], hint[80];
	int64_t total = -1, unread = -1, marked = -1;
	int hw;
	struct pane fake = { NULL, ui, ui->status, 2, COLS, NULL };
	const char *query = ui->main == ui->search ? pane_search_query(ui->search) : "";
	int used;

	if (ui->focus->ops->status != NULL)
		ui->focus->ops->status(ui->focus, pos, sizeof pos);
	pane_list_counts(ui->list, &total, &unread, &marked);
	snprintf(line, sizeof line, " luot: %s  %s", _(ui->focus->ops->name), pos);
	/* Whole phrases for the translators: a language may put the number
	 * first. Labels, not sentences: no plural. */
	if (unread >= 0)
		append(line, sizeof line, _("unread %lld"), (long long)unread);
	if (marked > 0)
		append(line, sizeof line, _("bookmarked %lld"), (long long)marked);
	if (*query)
		append(line, sizeof line, "/%s", query);
	werase(ui->status);
	used = ui_put(&fake, 0, 0, line, COLS, (attr_t)color_attr(EL_STATUS));
	ui_fill(&fake, 0, used, (attr_t)color_attr(EL_STATUS));
	/* At the right end, where room is left: the counts come first. */
	help_hint(ui, hint, sizeof hint);
	hw = (int)text_width(hint);
	if (hw > 0 && used + 2 + hw + 1 <= COLS)
		ui_put(&fake, 0, COLS - hw - 1, hint, hw, (attr_t)color_attr(EL_STATUS));
	if (ui->answered != NULL)
		edit_draw(&ui->answer, &fake, 1, ui->question);
	else if (ui->msg[0])
		ui_put(&fake, 1, 0, ui->msg, COLS - 1, (attr_t)color_attr(ui->msg_error ? EL_ERROR : EL_MESSAGE));
	wnoutrefresh(ui->status);
}

static void
draw(struct ui *ui)
{
	if (ui->layout == LAYOUT_TINY) {
		/* Through ui_put like any text: cut by columns, not bytes (a
		 * translation is multi-byte), and folded to ASCII if need be. */
		struct pane whole = { NULL, ui, stdscr, LINES, COLS, NULL };

		erase();
		ui_put(&whole, 0, 0, _("Terminal too small"), COLS, (attr_t)color_attr(EL_NORMAL));
		refresh();
		return;
	}
	if (ui->rule != NULL) {
		wbkgdset(ui->rule, (chtype)' ' | (chtype)color_attr(EL_RULE));
		wattrset(ui->rule, color_attr(EL_RULE));
		werase(ui->rule);
		if (ui->layout == LAYOUT_WIDE)
			wvline(ui->rule, ACS_VLINE, LINES - 2);
		else
			whline(ui->rule, ACS_HLINE, COLS);
		wnoutrefresh(ui->rule);
	}
	draw_status(ui);
	{
		/* The focused pane last: the cursor stays where it left it,
		 * and shows only where text is typed. */
		for (int i = 0; i <= NPANES; i++) {
			struct pane *p = i < NPANES ? ui->all[i] : ui->focus;

			if (p->win == NULL || (i < NPANES && p == ui->focus))
				continue;
			werase(p->win);
			p->ops->draw(p);
			wnoutrefresh(p->win);
		}
	}
	if (ui->answered != NULL)
		draw_status(ui);	/* last: the cursor is in the answer */
	curs_set(ui->focus == ui->search || ui->answered != NULL ? 1 : 0);
	doupdate();
	ui->dirty = 0;
}

static void
focus(struct ui *ui, struct pane *p)
{
	ui->focus = p;
	layout(ui);
}

void
ui_open(struct ui *ui, int64_t id, const struct strlist *words)
{
	if (pane_reader_open(ui->reader, id, words) < 0)
		return;
	ui->article_open = 1;
	ui_state_changed(ui);	/* it is read now */
	focus(ui, ui->reader);
}

void
ui_prompt(struct ui *ui, const char *question, const char *initial, int64_t about,
    ui_prompt_fn fn)
{
	free(ui->question);
	ui->question = xstrdup(question);
	edit_set(&ui->answer, initial ? initial : "");
	ui->asked_about = about;
	ui->answered = fn;
	ui->dirty = 1;
}

/* A key while a question is asked: Enter answers, Esc cancels. */
static void
prompt_key(struct ui *ui, int key)
{
	ui_prompt_fn fn = ui->answered;

	if (key == 27) {
		ui->answered = NULL;
		ui_message(ui, 0, "%s", _("cancelled"));
	} else if (key == '\n') {
		ui->answered = NULL;
		fn(ui, ui->answer.text, ui->asked_about);
	} else {
		edit_key(&ui->answer, key);
	}
}

void
ui_leave(struct ui *ui)
{
	if (ui->focus == ui->help) {
		focus(ui, ui->before_help ? ui->before_help : ui->main);
		return;
	}
	ui->main = ui->list;
	focus(ui, ui->list);
}

void
ui_list_changed(struct ui *ui)
{
	pane_list_reload(ui->list);
	pane_marks_reload(ui->marks);
	ui->dirty = 1;
}

/* The actions every pane shares; returns UI_ flags. */
static int
global_action(struct ui *ui, int action)
{
	switch (action) {
	case ACT_QUIT:
		return UI_QUIT;
	case ACT_HELP:
		if (ui->focus != ui->help) {
			ui->before_help = ui->focus;
			focus(ui, ui->help);
		}
		return UI_REDRAW;
	case ACT_SEARCH:
		ui->main = ui->search;
		pane_search_start(ui->search);
		focus(ui, ui->search);
		return UI_REDRAW;
	case ACT_BOOKMARKS:
		ui->main = ui->marks;
		pane_marks_reload(ui->marks);
		focus(ui, ui->marks);
		return UI_REDRAW;
	case ACT_SWITCH:
		if (ui->focus == ui->reader)
			focus(ui, ui->main);
		else if (ui->article_open || split(ui))
			focus(ui, ui->reader);
		return UI_REDRAW;
	case ACT_BACK:
		focus(ui, ui->main);
		return UI_REDRAW;
	case ACT_REFRESH:
		writer_wait(ui->writer, 1000);	/* the changes made here, too */
		ui_list_changed(ui);
		ui_message(ui, 0, "%s", _("database reread"));
		return UI_REDRAW;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		return UI_REDRAW;
	}
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
 * lists read again, which showed it as made. */
static void
poll_writer(struct ui *ui)
{
	char *msg = writer_failure(ui->writer);

	if (msg != NULL) {
		ui_message(ui, 1, "%s", msg);
		ui_list_changed(ui);
		free(msg);
	}
}

/* Another process committed: show its articles. */
static void
poll_database(struct ui *ui)
{
	int64_t v;

	if (store_data_version(ui->store, &v) == 0 && v != ui->version) {
		ui->version = v;
		ui_list_changed(ui);
	}
}

/* Work the panes put off for typing: only while no key waits. */
static int
idle(struct ui *ui)
{
	int flags = 0;

	for (int i = 0; i < NPANES && !ui_key_waiting(); i++) {
		if (ui->all[i]->ops->idle != NULL)
			flags |= ui->all[i]->ops->idle(ui->all[i]);
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
	action = keymap_lookup(ui->focus->ops->where, ui->seq, ui->nseq);
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

static int
loop(struct ui *ui)
{
	for (;;) {
		WINDOW *in;
		wint_t ch;
		int r, key, action, flags;

		if (ui->dirty)
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
		}
		in = ui->layout == LAYOUT_TINY ? stdscr : ui->focus->win;
		if (in == NULL)
			in = ui->status;
		r = wget_wch(in, &ch);
		if (r != ERR)
			trace_input(ui->trace);
		if (r == ERR) {
			poll_database(ui);
			poll_writer(ui);
			continue;
		}
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
		ui->dirty = 1;	/* the message line at least */
		key = normal_key(r, ch);
		trace_key(ui->trace, key);
		if (ui->answered != NULL) {
			prompt_key(ui, key);
			continue;
		}
		if ((action = sequence(ui, key)) == KEYMAP_PENDING)
			continue;
		flags = ui->focus->ops->key(ui->focus, key, action);
		if (!(flags & (UI_REDRAW | UI_QUIT)) && action != ACT_NONE)
			flags = global_action(ui, action);
		if (flags & UI_QUIT)
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
	ui.store = s;
	ui.trace = trace_open();
	ui.ascii = !text_utf8_locale();
	if (ui.ascii)
		warnx("%s", _("the locale is not UTF-8: text is shown without diacritics "
		    "(set LANG to a UTF-8 locale, e.g. C.UTF-8)"));
	conf_get();	/* the bindings, read or default */
	/* The screen's worth of rows and an article: a small page cache keeps
	 * the interface's memory in bounds whatever the corpus. */
	store_set_cache(s, UI_CACHE_KIB);
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
	ui.list = pane_list_new(&ui);
	ui.reader = pane_reader_new(&ui);
	ui.search = pane_search_new(&ui);
	ui.help = pane_help_new(&ui);
	ui.marks = pane_marks_new(&ui);
	ui.all[0] = ui.list;
	ui.all[1] = ui.reader;
	ui.all[2] = ui.search;
	ui.all[3] = ui.help;
	ui.all[4] = ui.marks;
	ui.main = ui.focus = ui.list;
	if (ui.ascii)
		ui_message(&ui, 1, "%s", _("the locale is not UTF-8: text is shown without diacritics"));
	{
		int n;
		const char *e = conf_first_error(&n);

		/* Said on stderr too, but the screen covers it. */
		if (e != NULL && n > 1)
			ui_message(&ui, 1, P_("%s (and %d more bad line)", "%s (and %d more bad lines)",
			    n - 1), e, n - 1);
		else if (e != NULL)
			ui_message(&ui, 1, "%s", e);
	}
	refresh();
	layout(&ui);
	rc = loop(&ui);
	pane_reader_save(ui.reader);
	endwin();
	/* Nothing queued is lost: wait for the lock if an import holds it. */
	writer_stop(ui.writer, say_writing, NULL);
	for (int i = 0; i < NPANES; i++)
		pane_free(ui.all[i]);
	edit_free(&ui.answer);
	free(ui.question);
	if (ui.status)
		delwin(ui.status);
	if (ui.rule)
		delwin(ui.rule);
	delscreen(screen);
	trace_close(ui.trace);
	return rc;
}
