/*
 * trend.c: see trend.h.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "trend.h"
#include "util.h"

int
trend_add_day(const char *label, int64_t n, void *ctx)
{
	struct trend_months *m = ctx;
	int y, mo, k;

	if (sscanf(label, "%d-%d", &y, &mo) != 2) {
		m->undated += n;
		return 0;
	}
	k = y * 12 + mo - 1;
	if (m->n == NULL) {
		m->first = m->last = k;
		m->n = xcalloc(1, sizeof *m->n);
	}
	/* Days come in order: a month is the last one or a new one. */
	if (k > m->last) {
		m->n = xrealloc(m->n, (size_t)(k - m->first + 1) * sizeof *m->n);
		memset(m->n + (m->last - m->first + 1), 0, (size_t)(k - m->last) * sizeof *m->n);
		m->last = k;
	}
	m->n[k - m->first] += n;
	return 0;
}

void
trend_free(struct trend_months *m)
{
	free(m->n);
	memset(m, 0, sizeof *m);
}

int
trend_sparkline(const struct trend_months *m, int width, int *per, struct buf *b)
{
	static const char *const bars[] = { " ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█" };
	int months = m->n ? m->last - m->first + 1 : 0, k, cols, p;
	int64_t top = 0, *sum;

	*per = 1;
	if (months == 0 || width < 1)
		return 0;
	p = (months + width - 1) / width;
	cols = (months + p - 1) / p;
	sum = xcalloc((size_t)cols, sizeof *sum);
	/* Columns end at the last month: the first may hold fewer. */
	for (k = 0; k < months; k++) {
		int c = cols - 1 - (months - 1 - k) / p;

		sum[c] += m->n[k];
	}
	for (k = 0; k < cols; k++)
		top = sum[k] > top ? sum[k] : top;
	for (k = 0; k < cols; k++)
		buf_adds(b, bars[top ? (sum[k] * 8 + top - 1) / top : 0]);
	free(sum);
	*per = p;
	return cols;
}
