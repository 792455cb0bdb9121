/*
 * sniff.c: see sniff.h.
 */
#include "config.h"

#include <string.h>
#include <strings.h>

#include "i18n.h"
#include "sniff.h"

/* Lines looked at to tell a table or markup from prose. */
#define SNIFF_LINES 40
/* A table has this many rows at least with as many fields as its first. */
#define TABLE_MIN_ROWS 5

const char *
sniff_name(const char *path)
{
	/* Names of files that go with a collection, never articles. */
	static const char *const names[] = {
		"readme", "license", "licence", "copying", "copyright", "notice",
		"changelog", NULL
	};
	const char *base = strrchr(path, '/'), *dot;
	size_t n;

	base = base ? base + 1 : path;
	dot = strchr(base, '.');
	n = dot ? (size_t)(dot - base) : strlen(base);
	for (int i = 0; names[i]; i++) {
		if (n == strlen(names[i]) && strncasecmp(base, names[i], n) == 0)
			return _("a README or licence file");
	}
	dot = strrchr(base, '.');
	if (dot != NULL && (strcasecmp(dot, ".csv") == 0 || strcasecmp(dot, ".tsv") == 0))
		return _("a table (CSV), not an article page");
	return NULL;
}

/* The next line of text at *p (without its LF), or NULL at the end. */
static const char *
next_line(const char **p, const char *end, size_t *len)
{
	const char *s = *p, *nl;

	if (s >= end)
		return NULL;
	nl = memchr(s, '\n', (size_t)(end - s));
	*len = nl ? (size_t)(nl - s) : (size_t)(end - s);
	*p = nl ? nl + 1 : end;
	return s;
}

static int
blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] != ' ' && s[i] != '\t')
			return 0;
	}
	return 1;
}

/* Fields of a line split at sep, quotes respected (RFC 4180). */
static int
fields(const char *s, size_t n, char sep)
{
	int count = 1, quoted = 0;

	for (size_t i = 0; i < n; i++) {
		if (s[i] == '"')
			quoted = !quoted;
		else if (s[i] == sep && !quoted)
			count++;
	}
	return count;
}

/*
 * A table: the first line has three fields at least, none longer than a
 * header's, and the lines after it nearly all have as many. Prose with
 * commas does not: its lines hold different numbers of them.
 */
static int
table_like(const char *text, const char *end)
{
	static const char seps[] = { ',', ';', '\t' };

	for (size_t k = 0; k < sizeof seps; k++) {
		const char *p = text, *s;
		size_t len;
		int want = 0, rows = 0, same = 0;

		while ((s = next_line(&p, end, &len)) != NULL && rows < SNIFF_LINES) {
			int f;

			if (blank(s, len))
				continue;
			f = fields(s, len, seps[k]);
			if (want == 0) {
				if (f < 3 || len > (size_t)f * 40)
					break;
				want = f;
			}
			rows++;
			same += f == want;
		}
		if (want > 0 && rows >= TABLE_MIN_ROWS && same * 10 >= rows * 9)
			return 1;
	}
	return 0;
}

/* A line that is a tag: it starts with '<' and a letter, '/', '!' or '?'. */
static int
tag_line(const char *s, size_t n)
{
	while (n > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	return n >= 3 && s[0] == '<' && memchr(s, '>', n) != NULL &&
	    ((s[1] | 0x20) >= 'a' && (s[1] | 0x20) <= 'z' ? 1 : strchr("/!?", s[1]) != NULL);
}

/* Markup: a document that opens as one, or lines that are mostly tags. */
static int
markup_like(const char *text, const char *end)
{
	static const char *const heads[] = {
		"<!doctype", "<html", "<?xml", "<rss", "<feed", "<svg", "<head", "<body", NULL
	};
	const char *p = text, *s;
	size_t len;
	int lines = 0, tags = 0;

	while (p < end && (*p == ' ' || *p == '\t' || *p == '\n'))
		p++;
	for (int i = 0; heads[i]; i++) {
		size_t m = strlen(heads[i]);

		if ((size_t)(end - p) >= m && strncasecmp(p, heads[i], m) == 0)
			return 1;
	}
	while ((s = next_line(&p, end, &len)) != NULL && lines < SNIFF_LINES) {
		if (blank(s, len))
			continue;
		lines++;
		tags += tag_line(s, len);
	}
	return tags >= 3 && tags * 2 >= lines;
}

const char *
sniff_bytes(const char *data, size_t n)
{
	const unsigned char *p = (const unsigned char *)data;

	/* UTF-16 has NUL bytes in every ASCII letter; its BOM says so. */
	if (n >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF)))
		return NULL;
	return memchr(data, '\0', n) != NULL ? _("binary file (NUL bytes)") : NULL;
}

const char *
sniff_text(const char *text, size_t len, size_t raw, const struct text_stats *st)
{
	const char *end = text + len;

	/* Control characters a tenth of the file's bytes, or invalid
	 * sequences a third: no scraped page has them. (A page in a legacy 8-bit
	 * encoding has an invalid sequence at each accented letter, a
	 * fifth of its bytes at most: it is imported, repaired.) */
	if (st != NULL && (st->removed * 10 > raw || st->invalid * 3 > raw))
		return _("binary data, not text");
	if (markup_like(text, end))
		return _("HTML or XML markup, not an article page");
	if (table_like(text, end))
		return _("a table (CSV), not an article page");
	return NULL;
}
