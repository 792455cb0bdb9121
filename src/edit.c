/*
 * edit.c: see edit.h.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <unigbrk.h>
#include <unistr.h>

#include "conf.h"
#include "edit.h"
#include "keymap.h"
#include "pane.h"
#include "text.h"
#include "util.h"

void
edit_init(struct edit *e)
{
	e->cap = 64;
	e->text = xcalloc(1, e->cap);
	e->len = e->cursor = 0;
}

void
edit_free(struct edit *e)
{
	free(e->text);
	e->text = NULL;
	e->len = e->cap = e->cursor = 0;
}

static void
reserve(struct edit *e, size_t extra)
{
	if (e->len + extra + 1 > e->cap) {
		e->cap = (e->len + extra + 1) * 2;
		e->text = xrealloc(e->text, e->cap);
	}
}

void
edit_set(struct edit *e, const char *text)
{
	size_t n = strlen(text);

	e->len = 0;
	reserve(e, n);
	memcpy(e->text, text, n + 1);
	e->len = e->cursor = n;
}

/* Remove bytes [from, to). */
static void
cut(struct edit *e, size_t from, size_t to)
{
	memmove(e->text + from, e->text + to, e->len - to + 1);
	e->len -= to - from;
	if (e->cursor >= to)
		e->cursor -= to - from;
	else if (e->cursor > from)
		e->cursor = from;
}

static size_t
prev_grapheme(const struct edit *e, size_t at)
{
	const uint8_t *s = (const uint8_t *)e->text;
	const uint8_t *p = text_grapheme_prev(s + at, s);

	return p ? (size_t)(p - s) : 0;
}

static size_t
next_grapheme(const struct edit *e, size_t at)
{
	const uint8_t *s = (const uint8_t *)e->text;
	const uint8_t *p = text_grapheme_next(s + at, s + e->len);

	return p ? (size_t)(p - s) : e->len;
}

static void
insert(struct edit *e, uint32_t uc)
{
	uint8_t tmp[6];
	int n = u8_uctomb(tmp, uc, sizeof tmp);

	if (n <= 0)
		return;
	reserve(e, (size_t)n);
	memmove(e->text + e->cursor + n, e->text + e->cursor, e->len - e->cursor + 1);
	memcpy(e->text + e->cursor, tmp, (size_t)n);
	e->len += (size_t)n;
	e->cursor += (size_t)n;
}

int
edit_key(struct edit *e, int key)
{
	switch (key) {
	case KEYMAP_CODE + KEY_BACKSPACE:
		if (e->cursor > 0)
			cut(e, prev_grapheme(e, e->cursor), e->cursor);
		return 1;
	case KEYMAP_CODE + KEY_DC:
	case 4:		/* C-d */
		if (e->cursor < e->len)
			cut(e, e->cursor, next_grapheme(e, e->cursor));
		return 1;
	case KEYMAP_CODE + KEY_LEFT:
	case 2:		/* C-b */
		if (e->cursor > 0)
			e->cursor = prev_grapheme(e, e->cursor);
		return 1;
	case KEYMAP_CODE + KEY_RIGHT:
	case 6:		/* C-f */
		if (e->cursor < e->len)
			e->cursor = next_grapheme(e, e->cursor);
		return 1;
	case KEYMAP_CODE + KEY_HOME:
	case 1:		/* C-a */
		e->cursor = 0;
		return 1;
	case KEYMAP_CODE + KEY_END:
	case 5:		/* C-e */
		e->cursor = e->len;
		return 1;
	case 21:	/* C-u */
		cut(e, 0, e->cursor);
		return 1;
	case 23:	/* C-w: the spaces, then the word, before the cursor */
		{
			size_t at = e->cursor;

			while (at > 0 && e->text[at - 1] == ' ')
				at--;
			while (at > 0 && e->text[at - 1] != ' ')
				at--;
			cut(e, at, e->cursor);
		}
		return 1;
	}
	if (key >= ' ' && key < KEYMAP_CODE && key != 127 && !(key >= 0x80 && key < 0xA0)) {
		insert(e, (uint32_t)key);
		return 1;
	}
	return 0;
}

void
edit_draw(struct edit *e, struct pane *p, int y, const char *prompt)
{
	int pw = ui_put(p, y, 0, prompt, p->cols - 1, (attr_t)color_attr(EL_PROMPT));
	int room = p->cols - pw - 1;
	size_t start = 0;
	char *before;
	int cx;

	if (room < 1)
		return;
	/* Scroll: the text from start shows the cursor within room. */
	for (;;) {
		before = xstrndup(e->text + start, e->cursor - start);
		cx = (int)text_width(before);
		free(before);
		if (cx < room || start >= e->cursor)
			break;
		start = next_grapheme(e, start);
	}
	ui_put(p, y, pw, e->text + start, room, A_NORMAL);
	wmove(p->win, y, pw + cx);
}
