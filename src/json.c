/*
 * json.c: see json.h.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "store.h"
#include "text.h"

void
json_str(struct buf *b, const char *s)
{
	size_t n, i = 0;

	if (s == NULL) {
		buf_adds(b, "null");
		return;
	}
	n = strlen(s);
	buf_addc(b, '"');
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		uint32_t uc;
		int len;

		if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
			buf_addc(b, (char)c);
			i++;
			continue;
		}
		len = text_next(s + i, n - i, &uc);
		if (text_invalid(s + i, len, uc)) {
			/* A byte that is not UTF-8 (a file name's): as the
			 * lone surrogate U+DC80-U+DCFF of Python's
			 * surrogateescape, so that the bytes come back. */
			buf_printf(b, "\\u%04x", 0xDC00u + c);
			i++;
			continue;
		}
		i += (size_t)len;
		switch (uc) {
		case '"': buf_adds(b, "\\\""); break;
		case '\\': buf_adds(b, "\\\\"); break;
		case '\n': buf_adds(b, "\\n"); break;
		case '\r': buf_adds(b, "\\r"); break;
		case '\t': buf_adds(b, "\\t"); break;
		case '\b': buf_adds(b, "\\b"); break;
		case '\f': buf_adds(b, "\\f"); break;
		default:
			/* What must not reach a terminal (text.h: controls,
			 * C1 such as U+009B CSI, bidi overrides), and the line
			 * separators JavaScript chokes on: escaped, so the text
			 * is kept exactly and JSON shown on a terminal is inert. */
			if (text_is_unsafe(uc) || uc == 0x2028 || uc == 0x2029)
				buf_printf(b, "\\u%04x", (unsigned)uc);
			else
				text_put(b, uc);
		}
	}
	buf_addc(b, '"');
}

void
json_key(struct buf *b, const char *key, int first)
{
	if (!first)
		buf_addc(b, ',');
	json_str(b, key);
	buf_addc(b, ':');
}

void
json_lines(struct buf *b, const char *s)
{
	const char *p = s ? s : "";
	int first = 1;

	buf_addc(b, '[');
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		char *line = xstrndup(p, n);

		if (!first)
			buf_addc(b, ',');
		json_str(b, line);
		free(line);
		first = 0;
		p += n;
		if (*p == '\n')
			p++;
	}
	buf_addc(b, ']');
}

/* A member after the first: ,"key":"s" (s NULL: null). */
void
json_links(struct buf *b, const char *links)
{
	const char *p = links;
	char *url, *text;
	int first = 1;

	buf_addc(b, '[');
	while (article_link_next(&p, &url, &text)) {
		if (!first)
			buf_addc(b, ',');
		first = 0;
		buf_addc(b, '{');
		json_key(b, "url", 1);
		json_str(b, url);
		json_member(b, "text", text);
		buf_addc(b, '}');
		free(url);
		free(text);
	}
	buf_addc(b, ']');
}

void
json_member(struct buf *b, const char *key, const char *s)
{
	json_key(b, key, 0);
	json_str(b, s);
}

void
json_item(struct buf *b, const struct store_item *it)
{
	buf_addc(b, '{');
	json_key(b, "id", 1);
	buf_printf(b, "%lld", (long long)it->id);
	json_member(b, "title", it->title);
	json_member(b, "published", it->published);
	json_member(b, "crawled", it->crawled);
	json_member(b, "author", it->author);
	json_member(b, "source", it->source);
	json_member(b, "path", it->path);
	json_member(b, "url", it->url);
	json_key(b, "words", 0);
	buf_printf(b, "%lld", (long long)it->words);
	/* Its story: the head's id (null alone); on the head's row, the
	 * number of copies and the others' sources. */
	json_key(b, "story", 0);
	if (it->story)
		buf_printf(b, "%lld", (long long)it->story);
	else
		buf_adds(b, "null");
	if (it->copies > 1) {
		json_key(b, "copies", 0);
		buf_printf(b, "%lld", (long long)it->copies);
		json_member(b, "copy_sources", it->copy_sources);
	}
}

void
json_mark(struct buf *b, const struct store_item *it, const struct store_mark *m)
{
	json_item(b, it);
	json_member(b, "bookmarked", m->bookmarked);
	json_key(b, "tags", 0);
	json_lines(b, m->tags ? m->tags : "");
	json_member(b, "note", m->note);
}
