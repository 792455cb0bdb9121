/*
 * util.h: allocation that dies on exhaustion, messages for people, a growable
 * byte buffer and a growable list of strings.
 *
 * Running out of memory is not an error luot recovers from: the x* wrappers
 * print one line and exit. Everything else reports failure to its caller.
 */
#ifndef LUOT_UTIL_H
#define LUOT_UTIL_H

#include <stdarg.h>
#include <stddef.h>

extern const char *util_progname;

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Seconds on the monotonic clock: for intervals, never for dates. */
double monotonic_seconds(void);
/* Seconds of CPU this thread has used: for limits on work done. */
double thread_cpu_seconds(void);

/* Print "luot: message" on stderr; die() then exits with status 1. */
void warnx(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

/* A byte buffer, always NUL-terminated once anything was added. */
struct buf {
	char *data;
	size_t len;
	size_t cap;
};

void buf_init(struct buf *b);
void buf_free(struct buf *b);
void buf_reset(struct buf *b);
/* Room for n more bytes, allocated exactly: for one large text whose
 * size is known, where doubling would waste up to half. */
void buf_reserve(struct buf *b, size_t n);
void buf_add(struct buf *b, const void *p, size_t n);
void buf_addc(struct buf *b, char c);
void buf_adds(struct buf *b, const char *s);
void buf_printf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Hand the contents to the caller (never NULL) and leave b empty. */
char *buf_detach(struct buf *b);

/* A list of owned strings. */
struct strlist {
	char **items;
	size_t len;
	size_t cap;
};

void strlist_init(struct strlist *l);
void strlist_free(struct strlist *l);
void strlist_clear(struct strlist *l);
/* Takes ownership of s. */
void strlist_push(struct strlist *l, char *s);
/* The same unless l holds an equal string already (s is then freed).
 * Returns 1 when s was added. */
int strlist_push_new(struct strlist *l, char *s);
/* Joins with sep into a new string the caller frees. */
char *strlist_join(const struct strlist *l, const char *sep);
/* l (initialised here) holds the lines of text (LF-separated; NULL is
 * none), empty ones left out: how the store gives paragraphs back. */
void strlist_split_lines(struct strlist *l, const char *text);

/* The whole file at path (at most max bytes: more is an error), NUL
 * ended, its length in *len; NULL with the reason in *why (new). */
char *util_read_file(const char *path, size_t max, size_t *len, char **why);

/* Does path end with one of exts (NULL-terminated: ".json"), in any
 * case, after at least one character? */
int path_has_ext(const char *path, const char *const *exts);

/* Is s one of the strings of list (NULL-terminated)? Does it start, or
 * end (and is longer), with one of them? */
int str_in_list(const char *const *list, const char *s);
int str_starts_any(const char *const *list, const char *s);
int str_ends_any(const char *const *list, const char *s);

#endif
