/*
 * trend.h: the articles of a search month by month (store_trend's days
 * summed), and their shape as a sparkline: for luot trend and for the
 * search pane's header. No curses, no store: counts in, text out.
 */
#ifndef LUOT_TREND_H
#define LUOT_TREND_H

#include <stddef.h>
#include <stdint.h>

struct buf;

/* Every month from the first to the last with articles; zeroed is none. */
struct trend_months {
	int first, last;	/* year * 12 + month - 1; n == NULL: none */
	int64_t *n;		/* last - first + 1 of them */
	int64_t undated;
};

/* store_trend's callback for days ("YYYY-MM-DD", "" undated, in order),
 * ctx a struct trend_months. Returns 0. */
int trend_add_day(const char *label, int64_t n, void *ctx);

void trend_free(struct trend_months *m);

/*
 * The months as bars, one column each, the tallest the most, appended to
 * b; at most width columns: when there are more months, each column
 * sums as many months as it takes (*per says how many), the latest
 * column the month of the last. Returns the columns made.
 */
int trend_sparkline(const struct trend_months *m, int width, int *per, struct buf *b);

#endif
