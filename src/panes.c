/*
 * panes.c: the registry of views (panes.h).
 */
#include "config.h"

#include "keymap.h"
#include "panes.h"

const struct pane_entry panes[] = {
	{ pane_list_new, ACT_NONE },
	{ pane_reader_new, ACT_NONE },
	{ pane_search_new, ACT_SEARCH },
	{ pane_marks_new, ACT_BOOKMARKS },
	{ pane_help_new, ACT_HELP },
	{ pane_links_new, ACT_LINKS },
	{ pane_queue_new, ACT_SHOW_QUEUE },
	{ pane_side_new, ACT_NONE },
};

const int npanes = sizeof panes / sizeof *panes;
