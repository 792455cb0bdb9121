/*
 * actions.c: bookmark, read mark, note and tags of the current article,
 * from whatever view names it (actions.h). Each change goes to the
 * writer and is announced to the views, which show it at once.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "actions.h"
#include "handoff.h"
#include "i18n.h"
#include "pane.h"
#include "store.h"
#include "text.h"
#include "util.h"
#include "writer.h"

/* The article a question is about. */
struct about {
	int64_t id;
	int bookmarked;		/* before the answer */
};

static void
announce(struct ui *ui, int64_t id, enum pane_change_what what, int on, int was)
{
	struct pane_change c = { id, what, on, was };

	ui_announce(ui, &c);
}

static void
noted(struct ui *ui, const char *answer, void *ctx)
{
	struct about *ab = ctx;

	writer_note(ui_writer(ui), ab->id, answer);
	announce(ui, ab->id, CHANGE_BOOKMARK, 1, ab->bookmarked);
	ui_message(ui, 0, "%s", _("note saved"));
	ui_state_changed(ui);
}

/* Completing a tag: the tags that begin as typed, folded. */
struct completing {
	const char *prefix;	/* folded */
	struct strlist found;
};

static int
begins(const char *tag, int64_t n, void *ctx)
{
	struct completing *c = ctx;
	char *f = store_tag_fold(tag);

	(void)n;
	if (strncmp(f, c->prefix, strlen(c->prefix)) == 0)
		strlist_push(&c->found, xstrdup(tag));
	free(f);
	return c->found.len >= 50;
}

/* Bytes the strings of l begin with alike, whole characters. */
static size_t
common_length(const struct strlist *l)
{
	size_t n = strlen(l->items[0]);

	for (size_t i = 1; i < l->len; i++) {
		size_t k = 0;

		while (k < n && l->items[i][k] == l->items[0][k])
			k++;
		n = k;
	}
	while (n > 0 && (l->items[0][n] & 0xC0) == 0x80)
		n--;	/* not in the middle of a character */
	return n;
}

char *
actions_complete_tag(struct ui *ui, const char *typed, void *ctx)
{
	/* The last tag typed: after the last comma or #. */
	size_t head = strlen(typed);
	struct completing c;
	char *last, *out = NULL;

	(void)ctx;
	while (head > 0 && typed[head - 1] != ',' && typed[head - 1] != '#')
		head--;
	last = xstrdup(typed + head);
	text_squeeze(last);
	c.prefix = store_tag_fold(last);
	strlist_init(&c.found);
	if (store_tags(ui_store(ui), begins, &c) < 0) {
		ui_store_error(ui);
	} else if (c.found.len == 0) {
		ui_message(ui, 0, "%s", _("no tag begins so"));
	} else {
		size_t n = c.found.len == 1 ? strlen(c.found.items[0]) : common_length(&c.found);

		if (c.found.len > 1) {
			char *all = strlist_join(&c.found, ", ");

			ui_message(ui, 0, "%s", all);
			free(all);
		}
		if (n > 0)
			out = xasprintf("%.*s%s%.*s%s", (int)head, typed, head > 0 ? " " : "",
			    (int)n, c.found.items[0], c.found.len == 1 ? ", " : "");
	}
	free((char *)c.prefix);
	free(last);
	strlist_free(&c.found);
	return out;
}

static void
tagged(struct ui *ui, const char *answer, void *ctx)
{
	struct about *ab = ctx;
	struct strlist tags;

	strlist_init(&tags);
	store_tags_split(answer, &tags);
	writer_tags(ui_writer(ui), ab->id, &tags);
	announce(ui, ab->id, CHANGE_BOOKMARK, 1, ab->bookmarked);
	ui_message(ui, 0, "%s", _("tags saved"));
	strlist_free(&tags);
	ui_state_changed(ui);
}

static const struct ui_question note_question = {
	.text = N_("note: "), .answered = noted, .done = free,
};
static const struct ui_question tags_question = {
	.text = N_("tags (a, b; Tab completes): "), .answered = tagged, .done = free,
	.complete = actions_complete_tag,
};

/* Article id's note and tags, or 0 with a message. A note or tags just
 * typed may still be on their way (writer.h): given a moment. */
static int
mark_of(struct ui *ui, int64_t id, char **note, char **tags)
{
	writer_wait(ui_writer(ui), UI_WRITE_WAIT_MS);
	return ui_found(ui, store_mark_of(ui_store(ui), id, note, tags));
}

/* Ask for a's note (note set) or its tags; the answer bookmarks it. */
static void
ask(struct ui *ui, const struct pane_article *a, int note)
{
	int64_t id = a->id;
	char *text, *tags;
	struct about *ab;

	if (!mark_of(ui, id, &text, &tags))
		return;
	ab = xmalloc(sizeof *ab);
	ab->id = id;
	ab->bookmarked = a->bookmarked;
	if (note) {
		ui_prompt(ui, &note_question, text, ab);
	} else {
		for (char *t = tags; *t; t++) {
			if (*t == '\n')
				*t = ',';
		}
		ui_prompt(ui, &tags_question, tags, ab);
	}
	free(text);
	free(tags);
}

int
actions_article(struct ui *ui, int action, const struct pane_article *a)
{
	switch (action) {
	case ACT_BOOKMARK:
		writer_bookmark(ui_writer(ui), a->id, !a->bookmarked);
		announce(ui, a->id, CHANGE_BOOKMARK, !a->bookmarked, a->bookmarked);
		ui_message(ui, 0, "%s", !a->bookmarked ? _("bookmarked") : _("bookmark removed"));
		return UI_HANDLED;
	case ACT_QUEUE: {
		int was = store_queued(ui_store(ui), a->id);

		if (was < 0) {
			ui_store_error(ui);
			return UI_HANDLED;
		}
		writer_queue(ui_writer(ui), a->id, !was);
		announce(ui, a->id, CHANGE_QUEUE, !was, was);
		ui_message(ui, 0, "%s", !was ? _("added to the reading queue") :
		    _("taken out of the reading queue"));
		ui_state_changed(ui);
		return UI_HANDLED;
	}
	case ACT_TOGGLE_READ:
		writer_read(ui_writer(ui), a->id, a->unread);
		announce(ui, a->id, CHANGE_READ, a->unread, !a->unread);
		return UI_HANDLED;
	case ACT_NOTE:
		ask(ui, a, 1);
		return UI_HANDLED;
	case ACT_TAGS:
		ask(ui, a, 0);
		return UI_HANDLED;
	}
	return handoff_article(ui, action, a);
}
