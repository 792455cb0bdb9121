/*
 * panes.h: the registry of views. The core (ui.c) knows the views only
 * through this table: the first is the bottom of the stack (the article
 * list), the one of kind PANE_ARTICLE shows articles, the one of kind
 * PANE_SIDE is the sidebar, and each other is put on the stack by the
 * action named with it. A new view is a file
 * pane-*.c with its constructor, and a line in panes.c.
 */
#ifndef LUOT_PANES_H
#define LUOT_PANES_H

struct pane;
struct ui;

struct pane_entry {
	struct pane *(*make)(struct ui *ui);
	int action;		/* the action that opens it, or ACT_NONE */
};

extern const struct pane_entry panes[];
extern const int npanes;

/* The constructors, for panes.c alone. */
struct pane *pane_list_new(struct ui *ui);
struct pane *pane_reader_new(struct ui *ui);
struct pane *pane_search_new(struct ui *ui);
struct pane *pane_marks_new(struct ui *ui);
struct pane *pane_help_new(struct ui *ui);
struct pane *pane_links_new(struct ui *ui);
struct pane *pane_queue_new(struct ui *ui);
struct pane *pane_side_new(struct ui *ui);

#endif
