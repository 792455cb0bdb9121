/*
 * hints.c: the key-hint bar's text (hints.h).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "hints.h"
#include "i18n.h"
#include "text.h"

/* Per view, its most used actions, with a short label each: the help
 * lists every key. */
static const struct {
	enum keys_where where;
	int action;
	const char *label;
} hints[] = {
	{ KEYS_LIST, ACT_OPEN, N_("open") },
	{ KEYS_LIST, ACT_SEARCH, N_("search") },
	{ KEYS_LIST, ACT_NEXT_UNREAD, N_("next unread") },
	{ KEYS_LIST, ACT_BOOKMARK, N_("bookmark") },
	{ KEYS_LIST, ACT_BOOKMARKS, N_("bookmarks") },
	{ KEYS_LIST, ACT_MARK_ALL_READ, N_("all read") },
	{ KEYS_LIST, ACT_QUIT, N_("quit") },
	{ KEYS_READER, ACT_BACK, N_("back") },
	{ KEYS_READER, ACT_NEXT_ARTICLE, N_("next") },
	{ KEYS_READER, ACT_PREV_ARTICLE, N_("previous") },
	{ KEYS_READER, ACT_NEXT_UNREAD_ARTICLE, N_("next unread") },
	{ KEYS_READER, ACT_FIND, N_("find") },
	{ KEYS_READER, ACT_BOOKMARK, N_("bookmark") },
	{ KEYS_READER, ACT_NOTE, N_("note") },
	{ KEYS_SEARCH, ACT_HIT_OPEN, N_("open") },
	{ KEYS_SEARCH, ACT_HIT_DOWN, N_("next hit") },
	{ KEYS_SEARCH, ACT_HISTORY_PREV, N_("earlier query") },
	{ KEYS_SEARCH, ACT_CANCEL, N_("back") },
	{ KEYS_MARKS, ACT_MARK_OPEN, N_("open") },
	{ KEYS_MARKS, ACT_BOOKMARK, N_("remove") },
	{ KEYS_MARKS, ACT_NOTE, N_("note") },
	{ KEYS_MARKS, ACT_TAGS, N_("tags") },
	{ KEYS_MARKS, ACT_FILTER_TAG, N_("filter") },
	{ KEYS_MARKS, ACT_CLOSE, N_("back") },
	{ KEYS_LINKS, ACT_LINK_OPEN, N_("open") },
	{ KEYS_LINKS, ACT_LINKS_CLOSE, N_("back") },
	{ KEYS_SIDE, ACT_SIDE_OPEN, N_("show") },
	{ KEYS_SIDE, ACT_SIDE_LEAVE, N_("back") },
	{ KEYS_SIDE, ACT_SIDEBAR, N_("hide") },
	{ KEYS_QUEUE, ACT_QUEUE_OPEN, N_("open") },
	{ KEYS_QUEUE, ACT_QUEUE, N_("take out") },
	{ KEYS_QUEUE, ACT_QUEUE_CLOSE, N_("back") },
	{ KEYS_ANY, ACT_DOWN, N_("down") },
	{ KEYS_ANY, ACT_PAGE_DOWN, N_("page") },
	{ KEYS_ANY, ACT_HELP, N_("close") },
};

void
hints_line(enum keys_where where, int cols, char *buf, size_t size)
{
	size_t len = 0;
	int used = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < sizeof hints / sizeof *hints; i++) {
		char keys[64];
		int n;

		if (hints[i].where != where)
			continue;
		/* The first key only: "j" for down, not "j, Down, C-n". */
		keymap_first_key(hints[i].action, where, keys, sizeof keys);
		if (keys[0] == '\0')
			continue;	/* unbound: no hint */
		/* Whole hints only: as many as the line holds. */
		used += (len ? 2 : 0) + (int)text_width(keys) + 1 + (int)text_width(_(hints[i].label));
		if (used > cols)
			break;
		n = snprintf(buf + len, size - len, "%s\x01%s\x02 %s", len ? "  " : "", keys,
		    _(hints[i].label));
		if (n < 0 || (size_t)n >= size - len) {
			buf[len] = '\0';	/* whole hints only */
			break;
		}
		len += (size_t)n;
	}
}
