/*
 * progress.h: how far a long import has gone, on stderr. On a terminal a
 * bar with the count, the rate and the time left, redrawn in place; in a
 * pipe (a log) a plain line now and then, once the import has run long
 * enough to need one.
 */
#ifndef LUOT_PROGRESS_H
#define LUOT_PROGRESS_H

#include <stddef.h>

enum progress_mode {
	PROGRESS_NONE,
	PROGRESS_BAR,		/* a terminal: one line, redrawn */
	PROGRESS_LINES,		/* a pipe: a line every few seconds */
};

struct progress {
	enum progress_mode mode;
	double start;		/* when the work began */
	double drawn;		/* when the bar was last drawn, or a line said */
	double every;		/* seconds between two plain lines */
	int cols;		/* the terminal's width */
	int shown;		/* columns of the bar's line drawn */
};

/* Start timing now; the mode is chosen by the caller (isatty). */
void progress_init(struct progress *p, enum progress_mode mode);

/* done of total items: draw or say it if it is time. */
void progress_update(struct progress *p, size_t done, size_t total);

/* The work ended: clear the bar (the totals are said elsewhere). */
void progress_end(struct progress *p);

/*
 * The bar for done of total after elapsed seconds, cols columns at most,
 * in buf: "[=====>     ]  45%  4512/10000  2310/s  0:02 left". Narrow
 * terminals lose the bar first, then the rate and time.
 */
void progress_bar(char *buf, size_t size, size_t done, size_t total, double elapsed, int cols);

/* The plain line: "4512/10000 files (45%), 2310/s, 0:02 left". */
void progress_line(char *buf, size_t size, size_t done, size_t total, double elapsed);

#endif
