/*
 * pane.h: what the interface's panes (pane-*.c) and its core (ui.c) share.
 *
 * A pane owns a curses window and draws only into it, only in its draw
 * function; key handlers change state and return flags, and ui.c draws
 * once per turn of its loop (tmux's and htop's way). Panes reach the
 * database through the store only, and keep what the screen shows, not
 * the corpus: the list holds a screenful of rows, the reader one article.
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

/* What a key handler asks of the loop. */
enum {
	UI_REDRAW = 1,		/* the pane changed: draw it */
	UI_QUIT = 2,		/* leave the program */
	UI_AGAIN = 4,		/* idle: work is left, come back at once */
};

struct pane_ops {
	enum keys_where where;	/* whose bindings its keys use */
	const char *name;	/* for the status line, untranslated (N_) */
	void (*draw)(struct pane *p);
	/* key: the key pressed; action: what it is bound to, or ACT_NONE. */
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
};

struct pane {
	const struct pane_ops *ops;
	struct ui *ui;
	WINDOW *win;		/* NULL while hidden */
	int rows, cols;
	void *data;
};

/* Services of ui.c for the panes. */
struct store *ui_store(struct ui *ui);
/* Where panes send changes of reading state: never waits (writer.h). */
struct writer *ui_writer(struct ui *ui);
/* How long a key may wait for its change to be written before the lists
 * are read again; past it they show it when it is (poll_database). */
#define UI_WRITE_WAIT_MS 50

/* After a change sent to the writer: the lists again, once it is
 * written (waiting UI_WRITE_WAIT_MS at most; else when it is). */
void ui_state_changed(struct ui *ui);
void ui_message(struct ui *ui, int error, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* The store failed: its message on the message line. */
void ui_store_error(struct ui *ui);
/* Open article id in the reader; words (may be NULL) are marked in it. */
void ui_open(struct ui *ui, int64_t id, const struct strlist *words);
/* Ask on the message line, with initial as the answer to edit; Enter
 * calls fn with the answer and about (an article id), Esc cancels. */
typedef void (*ui_prompt_fn)(struct ui *ui, const char *answer, int64_t about);
void ui_prompt(struct ui *ui, const char *question, const char *initial, int64_t about,
    ui_prompt_fn fn);

/* Ask for article id's note, then for its tags (pane-marks.c); each
 * answer bookmarks it. */
void ui_edit_note(struct ui *ui, int64_t id);
void ui_edit_tags(struct ui *ui, int64_t id);

/* Leave the search or help pane for where the user was. */
void ui_leave(struct ui *ui);
/* The list may be stale (a bookmark or read mark changed). */
void ui_list_changed(struct ui *ui);
/* Is there a key waiting (to cut work short for it)? */
int ui_key_waiting(void);
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

/*
 * Select item k of a list of n items shown rows at a time (rows > 0):
 * *sel becomes k held to [0, n) (0 when n is 0), and *top moves the least
 * that keeps it on the screen: top <= sel < top + rows.
 */
void pane_select(int *sel, int *top, int k, int n, int rows);

struct pane *pane_list_new(struct ui *ui);
struct pane *pane_reader_new(struct ui *ui);
struct pane *pane_search_new(struct ui *ui);
struct pane *pane_help_new(struct ui *ui);
struct pane *pane_marks_new(struct ui *ui);

/* The bookmarks pane of ui. */
struct pane *ui_marks(struct ui *ui);

/* The bookmarks again from the database. */
void pane_marks_reload(struct pane *p);

/* The list again from the database, keeping the selected article. */
void pane_list_reload(struct pane *p);
/* Total, unread and bookmarked counts, for the status line (-1 until counted, which
 * the list does when idle). */
void pane_list_counts(struct pane *p, int64_t *total, int64_t *unread, int64_t *bookmarked);

/* Show article id in the reader; words are marked. Returns 0 or -1. */
int pane_reader_open(struct pane *p, int64_t id, const struct strlist *words);
/* Save the reading position of the open article. */
void pane_reader_save(struct pane *p);

/* Start a search: an empty query line, the history loaded. */
void pane_search_start(struct pane *p);
/* The query typed, for the status line ("" when none). */
const char *pane_search_query(struct pane *p);

#endif
