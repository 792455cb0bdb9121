/*
 * progress.c: see progress.h.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sys/ioctl.h>
#include <unistd.h>

#include "i18n.h"
#include "progress.h"
#include "text.h"
#include "util.h"

/* Seconds between two redraws of the bar. */
#define BAR_INTERVAL 0.1
/* Seconds between two plain lines, and before the first. */
#define LINE_INTERVAL 5.0

static int
stderr_cols(void)
{
	struct winsize ws;

	if (ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return 80;
}

void
progress_init(struct progress *p, enum progress_mode mode)
{
	const char *every = getenv("LUOT_PROGRESS_EVERY");

	memset(p, 0, sizeof *p);
	p->mode = mode;
	p->start = monotonic_seconds();
	/* Tests set the interval of plain lines to see them on a short run. */
	p->every = every != NULL && *every != '\0' ? atof(every) : LINE_INTERVAL;
	p->drawn = mode == PROGRESS_LINES ? p->start : 0;
	if (mode == PROGRESS_BAR)
		p->cols = stderr_cols();
}

/* Seconds as 0:05, 12:40 or 1:02:03. */
static void
clock_text(char *buf, size_t size, double s)
{
	long t = s < 0 ? 0 : s > 359999 ? 359999 : (long)(s + 0.5);

	if (t >= 3600)
		snprintf(buf, size, "%ld:%02ld:%02ld", t / 3600, t / 60 % 60, t % 60);
	else
		snprintf(buf, size, "%ld:%02ld", t / 60, t % 60);
}

/* Rate and time left: left < 0 when there is no rate yet. */
static double
rate_of(size_t done, double elapsed, double *left, size_t total)
{
	double rate = elapsed > 0 ? (double)done / elapsed : 0;

	*left = rate > 0 ? (double)(total - (done < total ? done : total)) / rate : -1;
	return rate;
}

void
progress_bar(char *buf, size_t size, size_t done, size_t total, double elapsed, int cols)
{
	char tail[160], eta[32] = "";
	double left, rate = rate_of(done, elapsed, &left, total);
	int pct = total > 0 ? (int)(done * 100 / total) : 100, n, width;

	if (left >= 0)
		clock_text(eta, sizeof eta, left);
	/* TRANSLATORS: the progress bar's end: percent, done/total, items a
	 * second, time left (h:mm:ss). */
	n = snprintf(tail, sizeof tail, _("%3d%%  %zu/%zu  %.0f/s  %s left"), pct, done, total,
	    rate, left >= 0 ? eta : "-");
	if (n < 0)
		n = 0;
	/* "[", "]", two spaces, and the last column left empty: writing
	 * there makes some terminals wrap. */
	width = cols - n - 5;
	if (width < 10) {
		/* No room for a bar: the numbers alone, cut if they must be. */
		snprintf(buf, size, "%.*s", cols > 1 ? cols - 1 : 0, tail);
		return;
	}
	if (width > 50)
		width = 50;
	{
		int fill = total > 0 ? (int)((double)width * (double)done / (double)total) : width;
		size_t at = 0;

		if (fill > width)
			fill = width;
		if (size < (size_t)width + (size_t)n + 8) {
			snprintf(buf, size, "%s", tail);
			return;
		}
		buf[at++] = '[';
		for (int i = 0; i < width; i++)
			buf[at++] = i < fill ? '=' : i == fill ? '>' : ' ';
		buf[at++] = ']';
		snprintf(buf + at, size - at, "  %s", tail);
	}
}

void
progress_line(char *buf, size_t size, size_t done, size_t total, double elapsed)
{
	char eta[32] = "-";
	double left, rate = rate_of(done, elapsed, &left, total);

	if (left >= 0)
		clock_text(eta, sizeof eta, left);
	/* TRANSLATORS: a progress line in a log: done/total, percent, items
	 * a second, time left (h:mm:ss). */
	snprintf(buf, size, _("%zu/%zu files (%d%%), %.0f/s, %s left"), done, total,
	    total > 0 ? (int)(done * 100 / total) : 100, rate, eta);
}

/* Over the line drawn before: blanks cover what a shorter one leaves
 * (no escape sequence: any terminal, even a dumb one, moves back on \r). */
static void
draw(struct progress *p, const char *line)
{
	int w = text_width_n(line, strlen(line));

	fprintf(stderr, "\r%s%*s", line, p->shown > w ? p->shown - w : 0, "");
	p->shown = w;
}

void
progress_update(struct progress *p, size_t done, size_t total)
{
	char buf[512];
	double t = monotonic_seconds();

	switch (p->mode) {
	case PROGRESS_NONE:
		return;
	case PROGRESS_BAR:
		if (t - p->drawn < BAR_INTERVAL && done < total)
			return;
		progress_bar(buf, sizeof buf, done, total, t - p->start, p->cols);
		draw(p, buf);
		break;
	case PROGRESS_LINES:
		if (t - p->drawn < p->every)
			return;
		progress_line(buf, sizeof buf, done, total, t - p->start);
		fprintf(stderr, "%s\n", buf);
		break;
	}
	p->drawn = t;
	fflush(stderr);
}

void
progress_end(struct progress *p)
{
	if (p->mode == PROGRESS_BAR && p->shown > 0) {
		draw(p, "");
		fputc('\r', stderr);
		fflush(stderr);
	}
}
