/*
 * actions.h: what the keys do to "the current article", written once
 * for every view that names one (pane.h: ops->current): bookmark it or
 * not, mark it read or unread, write its note, set its tags.
 */
#ifndef LUOT_ACTIONS_H
#define LUOT_ACTIONS_H

struct pane_article;
struct ui;

/* Do action (ACT_BOOKMARK, ACT_NOTE, ACT_TAGS, ACT_TOGGLE_READ) to a.
 * Returns UI_HANDLED, or 0 when action is none of these. */
int actions_article(struct ui *ui, int action, const struct pane_article *a);

/* Tags as typed ("a, b c" or "#a #b"), each trimmed, into tags. */
struct strlist;
void actions_split_tags(const char *typed, struct strlist *tags);

#endif
