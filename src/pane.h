/*
 * pane.h: the contract between the interface's core (ui.c) and its views
 * (pane-*.c). A view owns a curses window and draws only into it, only in
 * its draw function; key handlers change state and return flags, and
 * ui.c draws what they marked once per turn of its loop (tmux's and
 * htop's way). Views never call each other: they name "the current
 * article" (ops->current), ask the core to open it (UI_OPEN) or to leave
 * them (UI_LEAVE), and hear of changes as announcements (ops->changed)
 * and as a generation number (ops->reload when it moved). The core keeps
 * them on a stack (newsraft's way); panes.h lists them.
 *
 * Views reach the database through the store only, and keep what the
 * screen shows, not the corpus: the list holds a screenful of rows, the
 * reader one article.
 */
#ifndef LUOT_PANE_H
#define LUOT_PANE_H

#include <stddef.h>
#include <stdint.h>

#include <curses.h>

#include "keymap.h"

struct buf;
struct ui;
struct pane;
struct store;
struct strlist;
struct writer;

/* What a key handler or an idle call asks of the loop. Whether a key
 * was taken is apart from whether anything is to be drawn (htop's
 * "handled" and "redraw"). */
enum {
	UI_HANDLED = 1,		/* the key was this view's: no other use for it */
	UI_REDRAW = 2,		/* the view changed: draw it */
	UI_QUIT = 4,		/* leave the program */
	UI_AGAIN = 8,		/* idle: work is left, come back at once */
	UI_OPEN = 16,		/* open the current article in the article view */
	UI_LEAVE = 32,		/* this view is done: back to the one under it */
};

/* Where a view goes on the screen. */
enum pane_kind {
	PANE_LIST,		/* a list: the list area of a split screen */
	PANE_ARTICLE,		/* the article: beside or under the list */
	PANE_FULL,		/* the whole screen (the help) */
	PANE_SIDE,		/* the sidebar, at the left of the others */
};

/* The article a view names: under its cursor, or open in it. */
struct pane_article {
	int64_t id;
	int unread, bookmarked;	/* as the view shows them */
	const struct strlist *words;	/* to mark in it (a search's), or NULL */
};

/* A change of reading state made here, announced to every view at once
 * (the writer may take a while to write it). */
enum pane_change_what { CHANGE_READ, CHANGE_BOOKMARK, CHANGE_QUEUE };

struct pane_change {
	int64_t id;		/* 0: every article */
	enum pane_change_what what;
	int on;			/* read / bookmarked now */
	int was;		/* before: 0, 1, or -1 when not known */
};

struct pane_ops {
	enum keys_where where;	/* whose bindings its keys use */
	const char *name;	/* for the status line, untranslated (N_) */
	enum pane_kind kind;
	void (*draw)(struct pane *p);
	/* key: the key pressed; action: what it is bound to, or ACT_NONE.
	 * Returns UI_ flags; 0 leaves the key to the core. */
	int (*key)(struct pane *p, int key, int action);
	/* After a change of size (rows, cols, win already set). */
	void (*resize)(struct pane *p);
	/* The position for the status line ("12/20"), into buf. */
	void (*status)(struct pane *p, char *buf, size_t size);
	/* No key is waiting: work put off until now (may be NULL).
	 * Returns UI_REDRAW when there is something new to show, and
	 * UI_AGAIN when more is left, to be done once that is drawn. */
	int (*idle)(struct pane *p);
	/* Free p->data and all it holds; the rest is pane_free's. */
	void (*free)(struct pane *p);
	/* Put on the stack, to be shown (may be NULL). */
	void (*enter)(struct pane *p);
	/* Taken off the stack, or the program ends (may be NULL). */
	void (*leave)(struct pane *p);
	/* The current article into *a; 0 when there is none (may be NULL). */
	int (*current)(struct pane *p, struct pane_article *a);
	/* The article view: show article id, words marked. 0 or -1 (with a
	 * message); NULL in other views. */
	int (*show)(struct pane *p, int64_t id, const struct strlist *words);
	/* The database changed since the view last read it (may be NULL). */
	void (*reload)(struct pane *p);
	/* A change made here, not yet in the database maybe (may be NULL). */
	void (*changed)(struct pane *p, const struct pane_change *c);
	/* The query the view shows the hits of, for the status line ("" or
	 * NULL: none; may be NULL). */
	const char *(*query)(struct pane *p);
};

struct pane {
	const struct pane_ops *ops;
	struct ui *ui;
	WINDOW *win;		/* NULL while hidden */
	int rows, cols;
	void *data;
	int dirty;		/* to draw at the next turn */
	unsigned seen;		/* the core's generation it last read */
};

/* A title to draw w columns wide, then a story's "×N" when copies > 1:
 * the columns the title may take; the mark (" ×3", or "") into mark. */
int pane_story_mark(const char *title, int w, int64_t copies, char *mark, size_t size);

/* Services of ui.c for the views. */
struct store *ui_store(struct ui *ui);
/* The query the search pane is to open with (new), or NULL; once. */
char *ui_take_search_preset(struct ui *ui);
/* Put the registry's view opened by action on top (panes.h). */
void ui_show_view(struct ui *ui, int action);
/* The search pane, opened on query. */
void ui_show_search(struct ui *ui, const char *query);
/* Where views send changes of reading state: never waits (writer.h). */
struct writer *ui_writer(struct ui *ui);
/* How long a key may wait for its change to be written before the views
 * read it back; past it they show it when it is (poll_database). */
#define UI_WRITE_WAIT_MS 50

/* A change was queued to the writer that the views must read back (a
 * note, tags): they do once it is written, after UI_WRITE_WAIT_MS at
 * most, else when it is. */
void ui_state_changed(struct ui *ui);
/* Announce c to every view (and to the counts). */
void ui_announce(struct ui *ui, const struct pane_change *c);
void ui_message(struct ui *ui, int error, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* The store failed: its message on the message line. */
void ui_store_error(struct ui *ui);
/* rc of a store lookup of one article (1 found, 0 not, -1 failed): 1
 * when found, else 0 with the store's error or "no longer in the
 * database" on the message line. */
int ui_found(struct ui *ui, int rc);

/* Run argv (launch.h) with the terminal given back to it meanwhile, its
 * standard input in_fd (-1: the terminal); with wait, until Enter is
 * pressed after it ends (its output stays to be read). Its exit status,
 * or -1 with the reason in *why (new). */
int ui_external(struct ui *ui, const struct strlist *argv, int in_fd, int wait, char **why);

/* The current article of the view under p on the stack (the one a key
 * was pressed in before it opened p) into *a; 0 when it names none. */
int ui_article_under(struct ui *ui, const struct pane *p, struct pane_article *a);

/* The counts of the whole collection, -1 until counted (at a pause). */
struct ui_counts {
	int64_t total, unread, bookmarked;
};
void ui_counts(struct ui *ui, struct ui_counts *c);

/*
 * A question on the message line. Enter calls answered with the text
 * and ctx, Esc cancels; then done(ctx), when set, in either case.
 * complete (may be NULL) gives what is typed completed (new string, or
 * NULL for no change), for Tab. A yes-no question takes one key: y
 * answers "y", any other cancels.
 */
struct ui_question {
	const char *text;	/* N_() */
	void (*answered)(struct ui *ui, const char *answer, void *ctx);
	void (*done)(void *ctx);
	char *(*complete)(struct ui *ui, const char *typed, void *ctx);
	int yes_no;
};
void ui_prompt(struct ui *ui, const struct ui_question *q, const char *initial, void *ctx);

/* Is there a key waiting (to cut work short for it)? As a store
 * interrupt (store_set_interrupt), with ctx unused. */
int ui_key_waiting(void);
int ui_stop_for_key(void *ctx);
/* Do keys go to p? */
int ui_focused(const struct pane *p);

/*
 * Text for the screen: sanitised (no control or bidi character reaches
 * the terminal), and in ASCII when the locale is not UTF-8. New string.
 */
char *ui_text(struct ui *ui, const char *s);
/* The same for n bytes at s, appended to b. */
void ui_text_into(struct ui *ui, struct buf *b, const char *s, size_t n);

/* Draw s at (y, x), cut to cols with "…" at a word or grapheme boundary;
 * s is passed through ui_text. Returns the columns drawn. */
int ui_put(struct pane *p, int y, int x, const char *s, int cols, attr_t attr);

/* Draw n bytes of s, already screen text that fits, at (y, x). */
void ui_put_raw(struct pane *p, int y, int x, const char *s, size_t n, attr_t attr);

/* Draw a snippet: parts between \x01 and \x02 in mark, the rest in attr. */
void ui_put_marked(struct pane *p, int y, int x, const char *s, int cols, attr_t attr,
    attr_t mark);

/* Fill the rest of line y from x with spaces in attr. */
void ui_fill(struct pane *p, int y, int x, attr_t attr);

/* A pane of ops over data, which it owns (ops->free frees it); hidden
 * until ui.c gives it a window. */
struct pane *pane_new(struct ui *ui, const struct pane_ops *ops, void *data);
/* Free p: its window, its data (ops->free), p itself. NULL is safe. */
void pane_free(struct pane *p);

/* The selected row of a list: set apart, dimmer while the keys go to
 * another view (the article beside the list), so that the eye finds the
 * focus. */
attr_t pane_selected_attr(const struct pane *p);

/* The start of a row of titles on line y (the bookmarks, the hits): its
 * background, and the date where there is room. Returns the column
 * after them. */
int pane_row_start(struct pane *p, int y, const char *date, int selected);

#endif
