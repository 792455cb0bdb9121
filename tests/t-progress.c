/*
 * t-progress.c: the import's progress bar and log line, as text.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "../src/progress.h"
#include "tap.h"

int
main(void)
{
	char buf[512];

	progress_bar(buf, sizeof buf, 450, 1000, 9.0, 80);
	/* 31 columns of numbers leave 44 for the bar: 19 of them done. */
	is_str(buf, "[===================>                        ]   45%  450/1000  50/s  "
	    "0:11 left", "a bar: filled by the share done, count, rate, time left");
	ok(strlen(buf) < 80, "...within the columns");
	progress_bar(buf, sizeof buf, 1000, 1000, 2.0, 60);
	ok(strncmp(buf, "[====", 5) == 0 && strstr(buf, "100%  1000/1000  500/s  0:00 left") &&
	    strchr(buf, '>') == NULL && strlen(buf) < 60, "done: full, no arrow, fits 60 columns");
	progress_bar(buf, sizeof buf, 0, 1000, 0.0, 80);
	ok(strstr(buf, "  0%  0/1000  0/s  - left") != NULL, "no rate yet: no time left");
	progress_bar(buf, sizeof buf, 5, 10, 1.0, 30);
	is_str(buf, " 50%  5/10  5/s  0:01 left", "narrow: the numbers without a bar");
	progress_bar(buf, sizeof buf, 5, 10, 1.0, 12);
	is_int((long long)strlen(buf), 11, "very narrow: cut to fit");
	progress_bar(buf, sizeof buf, 1, 100000, 10.0, 80);
	ok(strstr(buf, "99:59:59 left") != NULL, "hours as h:mm:ss, at most 99:59:59");
	progress_bar(buf, sizeof buf, 100, 1000, 400.0, 80);
	ok(strstr(buf, "1:00:00 left") != NULL, "an hour left");
	progress_bar(buf, 8, 450, 1000, 9.0, 80);
	ok(strlen(buf) < 8, "a small buffer is not overrun");

	progress_line(buf, sizeof buf, 4512, 10000, 2.0);
	is_str(buf, "4512/10000 files (45%), 2256/s, 0:02 left", "a log line");
	progress_line(buf, sizeof buf, 3, 0, 1.0);
	ok(strstr(buf, "(100%)") != NULL, "nothing to do: 100 %, no division by zero");
	return done();
}
