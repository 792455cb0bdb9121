/*
 * actions.h: what the keys do to "the current article", written once
 * for every view that names one (pane.h: ops->current): bookmark it or
 * not, mark it read or unread, write its note, set its tags; and what
 * handoff.h does with it (open, pipe, save).
 */
#ifndef LUOT_ACTIONS_H
#define LUOT_ACTIONS_H

struct pane_article;
struct ui;

/* Do action (ACT_BOOKMARK, ACT_NOTE, ACT_TAGS, ACT_TOGGLE_READ, and
 * handoff_article()'s) to a.
 * Returns UI_HANDLED, or 0 when action is none of these. */
int actions_article(struct ui *ui, int action, const struct pane_article *a);

/* Tab in a tag question: the last tag typed (after a comma or #)
 * completed from the tags in use, matched folded ("dan" completes "Dân
 * vận"); with several, as far as they agree, and their list said. New
 * string, or NULL for no change (a ui_question's complete). */
char *actions_complete_tag(struct ui *ui, const char *typed, void *ctx);

#endif
