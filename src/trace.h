/*
 * trace.h: the interface's timings for the benchmark (tests/bench's
 * ui-bench.sh and the tests' memory checks). With $LUOT_UI_TRACE set to
 * a file, luot writes there, a line each: "first-screen MS" (from the
 * process's start), "key NAME MS" (from a key's arrival until the screen
 * shows its effect), "idle MS" (work put off for typing, once drawn) and,
 * at the end, "maxrss-kb KB". `luot search` writes "page-at SECONDS",
 * the wall clock when its page is out (tests/bench/first-page.sh), and
 * "maxrss-kb". Without it every call does nothing.
 */
#ifndef LUOT_TRACE_H
#define LUOT_TRACE_H

struct trace;

/* The trace of $LUOT_UI_TRACE, or NULL when it is unset or empty. */
struct trace *trace_open(void);

/* The screen is drawn: the first screen's time, once; and unless more
 * keys wait, the time of the key that came last, if not said yet. */
void trace_drawn(struct trace *t, int keys_waiting);

/* Input arrived (a key, a resize); key is its name's code once known. */
void trace_input(struct trace *t);
void trace_key(struct trace *t, int key);

/* Milliseconds on a monotonic clock, for trace_idle()'s start. */
double trace_clock(void);

/* Idle work that began at start (trace_clock()) is drawn. */
void trace_idle(struct trace *t, double start);

/* A command's page is written: the wall clock (the caller's clock
 * started before the exec). */
void trace_page(struct trace *t);

/* The peak memory, then close it. */
void trace_close(struct trace *t);

#endif
