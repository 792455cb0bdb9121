/*
 * trace.c: see trace.h.
 */
#include "config.h"

#include <sys/resource.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "keymap.h"
#include "trace.h"
#include "util.h"

struct trace {
	FILE *f;
	int screens;		/* first screen said */
	double key_at;		/* when the input came, or -1 when said */
	int key;		/* its code (keymap.h) */
};

struct trace *
trace_open(void)
{
	const char *path = getenv("LUOT_UI_TRACE");
	struct trace *t;
	FILE *f;

	if (path == NULL || *path == '\0' || (f = fopen(path, "w")) == NULL)
		return NULL;
	t = xcalloc(1, sizeof *t);
	t->f = f;
	t->key_at = -1;
	return t;
}

/* Milliseconds since the process started (exec included): what a user
 * waits for the first screen. */
static double
since_start(void)
{
	struct timespec ts;
	unsigned long long start = 0;
	char buf[1024], *p;
	FILE *f = fopen("/proc/self/stat", "r");
	size_t n = f ? fread(buf, 1, sizeof buf - 1, f) : 0;

	if (f)
		fclose(f);
	buf[n] = '\0';
	/* Field 22, counted after the command name, which may hold spaces. */
	if ((p = strrchr(buf, ')')) != NULL) {
		for (int field = 2; field < 22 && p != NULL; field++)
			p = strchr(p + 1, ' ');
		if (p != NULL)
			start = strtoull(p + 1, NULL, 10);
	}
	clock_gettime(CLOCK_BOOTTIME, &ts);
	return (double)ts.tv_sec * 1000 + (double)ts.tv_nsec / 1e6 -
	    (double)start * 1000 / (double)sysconf(_SC_CLK_TCK);
}

double
trace_clock(void)
{
	return monotonic_seconds() * 1000;
}

void
trace_drawn(struct trace *t, int keys_waiting)
{
	char name[32];

	if (t == NULL)
		return;
	if (!t->screens && t->key_at < 0) {
		fprintf(t->f, "first-screen %.2f\n", since_start());
		t->screens = 1;
	}
	if (t->key_at >= 0 && !keys_waiting) {
		keymap_key_name(t->key, name, sizeof name);
		fprintf(t->f, "key %s %.3f\n", name, trace_clock() - t->key_at);
		fflush(t->f);
		t->key_at = -1;
	}
}

void
trace_input(struct trace *t)
{
	if (t != NULL && t->key_at < 0) {
		t->key_at = trace_clock();
		t->screens = 1;	/* a key came first: no first screen to time */
	}
}

void
trace_key(struct trace *t, int key)
{
	if (t != NULL)
		t->key = key;
}

void
trace_idle(struct trace *t, double start)
{
	if (t != NULL) {
		fprintf(t->f, "idle %.3f\n", trace_clock() - start);
		fflush(t->f);
	}
}

void
trace_page(struct trace *t)
{
	struct timespec ts;

	if (t != NULL && clock_gettime(CLOCK_REALTIME, &ts) == 0)
		fprintf(t->f, "page-at %lld.%06ld\n", (long long)ts.tv_sec, ts.tv_nsec / 1000);
}

void
trace_close(struct trace *t)
{
	struct rusage ru;

	if (t == NULL)
		return;
	getrusage(RUSAGE_SELF, &ru);
	fprintf(t->f, "maxrss-kb %ld\n", ru.ru_maxrss);
	fclose(t->f);
	free(t);
}
