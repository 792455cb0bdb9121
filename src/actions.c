/*
 * actions.c: bookmark, read mark, note and tags of the current article,
 * from whatever view names it (actions.h). Each change goes to the
 * writer and is announced to the views, which show it at once.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "actions.h"
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

void
actions_split_tags(const char *typed, struct strlist *tags)
{
	char *copy = xstrdup(typed), *save = NULL;

	/* "a, b c" or "#a #b": commas or #s part tags; a tag may hold spaces. */
	for (char *t = strtok_r(copy, ",#", &save); t; t = strtok_r(NULL, ",#", &save)) {
		text_squeeze(t);
		if (*t)
			strlist_push(tags, xstrdup(t));
	}
	free(copy);
}

static void
tagged(struct ui *ui, const char *answer, void *ctx)
{
	struct about *ab = ctx;
	struct strlist tags;

	strlist_init(&tags);
	actions_split_tags(answer, &tags);
	writer_tags(ui_writer(ui), ab->id, &tags);
	announce(ui, ab->id, CHANGE_BOOKMARK, 1, ab->bookmarked);
	ui_message(ui, 0, "%s", _("tags saved"));
	strlist_free(&tags);
	ui_state_changed(ui);
}

static const struct ui_question note_question = { N_("note: "), noted, free, NULL };
static const struct ui_question tags_question = { N_("tags (a, b): "), tagged, free, NULL };

/* Article id's note and tags, or 0 with a message. A note or tags just
 * typed may still be on their way (writer.h): given a moment. */
static int
mark_of(struct ui *ui, int64_t id, char **note, char **tags)
{
	int rc;

	writer_wait(ui_writer(ui), UI_WRITE_WAIT_MS);
	rc = store_mark_of(ui_store(ui), id, note, tags);
	if (rc < 0)
		ui_store_error(ui);
	else if (rc == 0)
		ui_message(ui, 1, "%s", _("the article is no longer in the database"));
	return rc > 0;
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
	return 0;
}
