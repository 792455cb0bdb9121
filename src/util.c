/*
 * util.c: see util.h.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "i18n.h"
#include "util.h"

const char *util_progname = PACKAGE;

static void
oom(void)
{
	fprintf(stderr, "%s: %s\n", util_progname, _("out of memory"));
	exit(1);
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		oom();
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		oom();
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (p == NULL)
		oom();
	return p;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *p;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		oom();
	p = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

static void
vwarn(const char *fmt, va_list ap)
{
	fflush(stdout);
	fprintf(stderr, "%s: ", util_progname);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void
warnx(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
}

void
die(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
	exit(1);
}

void
buf_init(struct buf *b)
{
	*b = (struct buf){ NULL, 0, 0 };
}

void
buf_free(struct buf *b)
{
	free(b->data);
	buf_init(b);
}

void
buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->data != NULL)
		b->data[0] = '\0';
}

static void
buf_grow(struct buf *b, size_t need)
{
	size_t cap;

	if (b->len + need + 1 <= b->cap)
		return;
	cap = b->cap ? b->cap : 64;
	while (cap < b->len + need + 1)
		cap *= 2;
	b->data = xrealloc(b->data, cap);
	b->cap = cap;
}

void
buf_reserve(struct buf *b, size_t n)
{
	if (b->len + n + 1 <= b->cap)
		return;
	b->data = xrealloc(b->data, b->len + n + 1);
	b->cap = b->len + n + 1;
}

void
buf_add(struct buf *b, const void *p, size_t n)
{
	buf_grow(b, n);
	if (n > 0)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
buf_addc(struct buf *b, char c)
{
	buf_add(b, &c, 1);
}

void
buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	buf_grow(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

char *
buf_detach(struct buf *b)
{
	char *p = b->data ? b->data : xstrdup("");

	buf_init(b);
	return p;
}

void
strlist_init(struct strlist *l)
{
	*l = (struct strlist){ NULL, 0, 0 };
}

void
strlist_clear(struct strlist *l)
{
	for (size_t i = 0; i < l->len; i++)
		free(l->items[i]);
	l->len = 0;
}

void
strlist_free(struct strlist *l)
{
	strlist_clear(l);
	free(l->items);
	strlist_init(l);
}

void
strlist_push(struct strlist *l, char *s)
{
	if (l->len == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->items = xrealloc(l->items, l->cap * sizeof *l->items);
	}
	l->items[l->len++] = s;
}

int
strlist_push_new(struct strlist *l, char *s)
{
	for (size_t i = 0; i < l->len; i++) {
		if (strcmp(l->items[i], s) == 0) {
			free(s);
			return 0;
		}
	}
	strlist_push(l, s);
	return 1;
}

void
strlist_split_lines(struct strlist *l, const char *text)
{
	strlist_init(l);
	while (text != NULL && *text) {
		size_t n = strcspn(text, "\n");

		if (n > 0)
			strlist_push(l, xstrndup(text, n));
		text += n;
		if (*text)
			text++;
	}
}

char *
strlist_join(const struct strlist *l, const char *sep)
{
	struct buf b;

	buf_init(&b);
	for (size_t i = 0; i < l->len; i++) {
		if (i > 0)
			buf_adds(&b, sep);
		buf_adds(&b, l->items[i]);
	}
	return buf_detach(&b);
}

double
monotonic_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

double
thread_cpu_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int
str_in_list(const char *const *list, const char *s)
{
	for (int i = 0; list[i]; i++) {
		if (strcmp(list[i], s) == 0)
			return 1;
	}
	return 0;
}

int
str_starts_any(const char *const *list, const char *s)
{
	for (int i = 0; list[i]; i++) {
		if (strncmp(s, list[i], strlen(list[i])) == 0)
			return 1;
	}
	return 0;
}

int
str_ends_any(const char *const *list, const char *s)
{
	size_t n = strlen(s);

	for (int i = 0; list[i]; i++) {
		size_t m = strlen(list[i]);

		if (n > m && strcmp(s + n - m, list[i]) == 0)
			return 1;
	}
	return 0;
}

int
path_has_ext(const char *path, const char *const *exts)
{
	size_t n = strlen(path);

	for (size_t i = 0; exts[i] != NULL; i++) {
		size_t k = strlen(exts[i]);

		if (n > k && strcasecmp(path + n - k, exts[i]) == 0)
			return 1;
	}
	return 0;
}

char *
util_read_file(const char *path, size_t max, size_t *len, char **why)
{
	FILE *f = fopen(path, "rb");
	struct buf b;
	char chunk[65536];
	size_t got;

	*why = NULL;
	if (f == NULL) {
		*why = xstrdup(strerror(errno));
		return NULL;
	}
	buf_init(&b);
	while ((got = fread(chunk, 1, sizeof chunk, f)) > 0 && b.len <= max)
		buf_add(&b, chunk, got);
	if (ferror(f) || b.len > max) {
		*why = ferror(f) ? xstrdup(strerror(errno)) : xasprintf(_("larger than %zu bytes"), max);
		fclose(f);
		buf_free(&b);
		return NULL;
	}
	fclose(f);
	*len = b.len;
	buf_addc(&b, '\0');
	return buf_detach(&b);
}
