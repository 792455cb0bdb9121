/*
 * boiler.c: see boiler.h.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistd.h>

#include "boiler.h"
#include "conf.h"
#include "i18n.h"
#include "paths.h"
#include "text.h"
#include "util.h"

/* Longest line (bytes) that can be a junk line: prose that happens to
 * start like a pattern ("Tags", "Tải ứng dụng") is longer. */
#define BOILER_MAX_LINE 160

struct pattern {
	enum boiler_kind kind;
	char *text;		/* lowered */
	size_t chars;		/* code points in text */
	uint32_t first, last;	/* its first and last code point, for a quick reject */
};

struct boiler {
	struct pattern *items;
	int len, cap;
};

struct boiler *
boiler_new(void)
{
	return xcalloc(1, sizeof(struct boiler));
}

void
boiler_free(struct boiler *b)
{
	if (b == NULL)
		return;
	for (int i = 0; i < b->len; i++)
		free(b->items[i].text);
	free(b->items);
	free(b);
}

/* Byte offset where the last k code points of line (n bytes) start, or
 * (size_t)-1 when it has fewer. */
static size_t
last_chars(const char *line, size_t n, size_t k)
{
	size_t i = n;

	while (k > 0) {
		if (i == 0)
			return (size_t)-1;
		do
			i--;
		while (i > 0 && ((unsigned char)line[i] & 0xC0) == 0x80);
		k--;
	}
	return i;
}

static size_t
count_chars(const char *s)
{
	size_t k = 0;

	for (; *s; s++)
		k += ((unsigned char)*s & 0xC0) != 0x80;
	return k;
}

/* The last code point of s (n bytes), lowered; 0 when empty. */
static uint32_t
last_char(const char *s, size_t n)
{
	size_t at = last_chars(s, n, 1);
	uint32_t uc = 0;

	if (at != (size_t)-1)
		text_next(s + at, n - at, &uc);
	return text_tolower(uc);
}

void
boiler_add(struct boiler *b, enum boiler_kind kind, const char *pattern)
{
	char *low = text_lower(pattern);

	text_squeeze(low);
	if (b->len == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 32;
		b->items = xrealloc(b->items, (size_t)b->cap * sizeof *b->items);
	}
	b->items[b->len].kind = kind;
	b->items[b->len].text = low;
	b->items[b->len].chars = count_chars(low);
	text_next(low, strlen(low), &b->items[b->len].first);
	b->items[b->len].last = last_char(low, strlen(low));
	b->len++;
}

static enum boiler_kind
kind_named(const char *s, size_t n)
{
	if (n == 4 && memcmp(s, "drop", 4) == 0)
		return BOILER_DROP;
	if (n == 3 && memcmp(s, "cut", 3) == 0)
		return BOILER_CUT;
	if (n == 5 && memcmp(s, "strip", 5) == 0)
		return BOILER_STRIP;
	if (n == 5 && memcmp(s, "label", 5) == 0)
		return BOILER_LABEL;
	return BOILER_NONE;
}

int
boiler_load(struct boiler *b, const char *path, char **err)
{
	FILE *f = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0, lineno = 0;
	ssize_t got;
	int added = 0;

	if (f == NULL) {
		*err = xasprintf(_("cannot read boilerplate patterns %s: %s"), path,
		    strerror(errno));
		return -1;
	}
	while ((got = getline(&line, &cap, f)) >= 0) {
		char *p, *sp;
		enum boiler_kind kind;

		lineno++;
		while (got > 0 && (line[got - 1] == '\n' || line[got - 1] == '\r'))
			line[--got] = '\0';
		p = text_squeeze(line);
		if (*p == '\0' || *p == '#')
			continue;
		sp = strchr(p, ' ');
		kind = sp ? kind_named(p, (size_t)(sp - p)) : BOILER_NONE;
		if (kind == BOILER_NONE) {
			*err = xasprintf(_("%s:%zu: expected \"drop\", \"label\", \"cut\" or "
			    "\"strip\" and a pattern"), path, lineno);
			free(line);
			fclose(f);
			return -1;
		}
		boiler_add(b, kind, sp + 1);
		added++;
	}
	free(line);
	fclose(f);
	return added;
}

/* Decode one code point of a pattern or line, lowered. */
static const char *
next_lower(const char *s, uint32_t *uc)
{
	int len = text_next(s, s[0] ? 4 : 1, uc);	/* stops at the NUL */

	*uc = text_tolower(*uc);
	return s + len;
}

/* Step *p and *s past one character each: 1 when they are the same,
 * whatever the case; 0 at the end of *s. */
static int
same_char(const char **p, const char **s)
{
	uint32_t pc, sc;

	if (**s == '\0')
		return 0;
	*p = next_lower(*p, &pc);
	*s = next_lower(*s, &sc);
	return pc == sc;
}

int
boiler_glob(const char *p, const char *s)
{
	while (*p) {
		uint32_t sc;

		if (*p == '*') {
			while (*p == '*')
				p++;
			if (*p == '\0')
				return 1;
			for (;;) {
				if (boiler_glob(p, s))
					return 1;
				if (*s == '\0')
					return 0;
				s = next_lower(s, &sc);
			}
		}
		if (*p == '#') {
			if (!isdigit((unsigned char)*s))
				return 0;
			while (isdigit((unsigned char)*s) || *s == '.' || *s == ',')
				s++;
			p++;
			continue;
		}
		if (!same_char(&p, &s))
			return 0;
	}
	return *s == '\0';
}

/* Bullets and dashes a page puts before a junk line. */
static const char *
skip_bullets(const char *s)
{
	static const char *const marks[] = { "\xe2\x80\xa2", "\xc2\xb7", "-", "*",
		"+", "\xe2\x80\x93", "\xe2\x80\x94", "\xe2\x96\xba", ">", NULL };
	int again = 1;

	while (again) {
		again = 0;
		while (*s == ' ')
			s++;
		for (int i = 0; marks[i]; i++) {
			size_t n = strlen(marks[i]);

			if (strncmp(s, marks[i], n) == 0) {
				s += n;
				again = 1;
			}
		}
	}
	return s;
}

enum boiler_kind
boiler_match(const struct boiler *b, const char *line)
{
	const char *s = skip_bullets(line);
	size_t n = strlen(s);
	char *trimmed = NULL;
	enum boiler_kind found = BOILER_NONE;

	/* Junk lines are short; prose is never matched against them. */
	if (n > BOILER_MAX_LINE)
		return BOILER_NONE;
	/* "Các tin khác:" is the same heading as "Các tin khác". */
	while (n > 0 && (s[n - 1] == ':' || s[n - 1] == ' '))
		n--;
	if (n != strlen(s))
		s = trimmed = xstrndup(s, n);
	{
		uint32_t first;

		text_next(s, strlen(s), &first);
		first = text_tolower(first);
		for (int i = 0; i < b->len && found == BOILER_NONE; i++) {
			const struct pattern *p = &b->items[i];

			/* A pattern starting with a letter can only match a
			 * line starting with that letter. */
			if (p->kind == BOILER_STRIP ||
			    (p->first != '*' && p->first != '#' && p->first != first))
				continue;
			if (boiler_glob(p->text, s))
				found = p->kind;
		}
	}
	free(trimmed);
	return found;
}

/* Bytes of line that match the lowered literal pat at its start, or 0. */
static size_t
prefix_len(const char *line, const char *pat)
{
	const char *s = line;

	while (*pat) {
		if (!same_char(&pat, &s))
			return 0;
	}
	return (size_t)(s - line);
}

static int
strip_one(const struct pattern *p, char *line, size_t n, uint32_t first, uint32_t last)
{
	size_t k, at;

	/* At the start: the whole line, or glued to the next word. */
	if (first == p->first && (k = prefix_len(line, p->text)) > 0 &&
	    line[k] != ' ') {
		memmove(line, line + k, n - k + 1);
		return 1;
	}
	/* At the end: glued to the word before it. Lowering keeps the
	 * number of code points, so the match starts p->chars code points
	 * before the end. */
	if (last != p->last)
		return 0;
	at = last_chars(line, n, p->chars);
	if (at != (size_t)-1 && at > 0 && line[at - 1] != ' ' &&
	    prefix_len(line + at, p->text) == n - at) {
		line[at] = '\0';
		return 1;
	}
	return 0;
}

int
boiler_strip(const struct boiler *b, char *line)
{
	int removed = 0, again = 1;

	while (again && *line) {
		size_t n = strlen(line);
		uint32_t first, last = last_char(line, n);

		text_next(line, n, &first);
		first = text_tolower(first);
		again = 0;
		for (int i = 0; i < b->len && !again; i++) {
			if (b->items[i].kind == BOILER_STRIP &&
			    strip_one(&b->items[i], line, n, first, last)) {
				removed++;
				again = 1;
				text_squeeze(line);
			}
		}
	}
	return removed;
}

struct boiler *
boiler_in_use(const char *extra, char **err)
{
	struct boiler *bp = boiler_new();
	char *data = paths_pkgdata(), *cfg = paths_config_dir(), *path, *user = NULL;
	int rc;

	*err = NULL;
	path = xasprintf("%s/boilerplate", data);
	rc = boiler_load(bp, path, err);
	user = cfg ? xasprintf("%s/boilerplate", cfg) : NULL;
	/* boiler_load counts what it added: only -1 stops. */
	if (rc >= 0 && user != NULL && access(user, F_OK) == 0)
		rc = boiler_load(bp, user, err);
	if (rc >= 0 && conf_get()->patterns != NULL)
		rc = boiler_load(bp, conf_get()->patterns, err);
	if (rc >= 0 && extra != NULL)
		rc = boiler_load(bp, extra, err);
	free(path);
	free(user);
	free(data);
	free(cfg);
	if (rc < 0) {
		boiler_free(bp);
		return NULL;
	}
	return bp;
}
