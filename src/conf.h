/*
 * conf.h: the user's configuration file (luot.conf(5)): key bindings,
 * colours, layout, sort order, the junk-pattern file.
 *
 * The file is read once at start-up, before the interface starts. A bad
 * line is reported as FILE:LINE: message on stderr and skipped; the rest
 * of the file still applies. The settings live in one structure that the
 * interface reads; bindings go to keymap.c, colours stay here (conf.c).
 */
#ifndef LUOT_CONF_H
#define LUOT_CONF_H

#include <stddef.h>
#include <stdio.h>

/* How the list and the article share the screen. */
enum config_layout {
	CONFIG_LAYOUT_AUTO,	/* by the terminal's size */
	CONFIG_LAYOUT_SINGLE,	/* one pane at a time */
	CONFIG_LAYOUT_TALL,	/* list over article */
	CONFIG_LAYOUT_WIDE,	/* list beside article */
};

/* Whether the sidebar is shown at start. */
enum config_sidebar {
	CONFIG_SIDEBAR_AUTO,	/* on a screen of WIDE_COLS columns or more */
	CONFIG_SIDEBAR_ON,
	CONFIG_SIDEBAR_OFF,
};

/* The columns of the list, in the order shown. */
enum config_column { COL_FLAGS, COL_DATE, COL_SOURCE, COL_TITLE };
#define CONFIG_MAX_COLUMNS 4

/* The parts of the screen that take a colour; see colors in conf.c. */
enum color_element {
	EL_NORMAL, EL_STATUS, EL_MESSAGE, EL_ERROR, EL_RULE, EL_UNREAD, EL_SELECTED,
	EL_DATE, EL_SOURCE, EL_FLAGS, EL_TITLE, EL_META, EL_MATCH, EL_SNIPPET,
	EL_HEADING, EL_PROMPT, EL_SELECTED_AWAY, EL_COUNT
};

struct config {
	enum config_layout layout;
	int list_percent;	/* the list's share of a split screen */
	enum config_column columns[CONFIG_MAX_COLUMNS];
	int ncolumns;
	int source_width;	/* 0: by the width of the screen */
	char date_format[32];	/* strftime, day precision */
	int sort_import;	/* default sort: import order, not date */
	int text_width;		/* the reader's widest line; 0: the pane's */
	int text_center;	/* a narrower text stands in the middle */
	int stories;		/* the list and searches: one row a story */
	int key_hints;		/* the key-hint bar is shown */
	int column_headers;	/* the list names its columns on a first line */
	int queue_keep_read;	/* reading a queued article leaves it queued */
	enum config_sidebar sidebar;	/* saved searches, tags, the queue */
	char *patterns;		/* an extra junk-pattern file, or NULL */
};

/* The settings in force (defaults until conf_load). */
const struct config *conf_get(void);

/* Back to the defaults: settings, colours and keymap_init()'s bindings. */
void conf_reset(void);

/*
 * Read path (or, when NULL, the user's file if there is one). Returns the
 * number of bad lines, each reported on stderr, or -1 when an explicit
 * file cannot be read (also reported).
 */
int conf_load(const char *path);

/* Parse one line as from file:lineno; 0, or -1 with the message printed. */
int conf_line(const char *line, const char *file, int lineno);

/* An ISO date ("2020-03-27...") as date-format says, in out. */
void conf_date(const char *iso, char *out, size_t size);

/* The first bad line read, as FILE:LINE: message, with the count of
 * them in *count; NULL when there was none. */
const char *conf_first_error(int *count);

/* Write the settings in force as a configuration file. */
void conf_dump(FILE *f);

/*
 * Colours. color_start() is called once curses runs: it makes the colour
 * pairs, unless NO_COLOR is set or the terminal has no colours, where
 * only the attributes (bold, reverse...) are used. color_attr() is the
 * curses attribute of an element.
 */
void color_start(void);
int color_attr(enum color_element el);

/* el's attributes with over's, and over's colours if it has any, else
 * el's: a column's look in a row (a date in an unread row). */
int color_mix(enum color_element el, enum color_element over);

/* The user's configuration file: $XDG_CONFIG_HOME/luot/config, else
 * ~/.config/luot/config. NULL without HOME. Freed by the caller. */
char *conf_default_path(void);

#endif
