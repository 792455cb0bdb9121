/*
 * handoff.h: the current article handed to the world outside luot, from
 * whatever view names it: its URL or its file to the browser (o, x), a
 * link of its body (the links view, L), its text to a command the user
 * types (|), or to a file as text or Markdown (s).
 */
#ifndef LUOT_HANDOFF_H
#define LUOT_HANDOFF_H

struct pane_article;
struct ui;

/* target (an http, https or file URL, or an absolute path) opened with
 * $BROWSER or xdg-open (launch.h); the outcome on the message line. */
void handoff_open(struct ui *ui, const char *target);

/* Do action (ACT_OPEN_URL, ACT_OPEN_FILE, ACT_PIPE, ACT_SAVE) to a.
 * Returns UI_HANDLED, or 0 when action is none of these. */
int handoff_article(struct ui *ui, int action, const struct pane_article *a);

#endif
