/*
 * edit.h: a one-line text editor for the interface's prompts (search,
 * find in the article). The text is UTF-8; the cursor moves and Backspace
 * deletes by grapheme, so a letter with its marks goes as one.
 */
#ifndef LUOT_EDIT_H
#define LUOT_EDIT_H

#include <stddef.h>

struct pane;

struct edit {
	char *text;		/* NUL-terminated, owned */
	size_t len, cap;
	size_t cursor;		/* byte offset, on a grapheme boundary */
};

void edit_init(struct edit *e);
void edit_free(struct edit *e);
void edit_set(struct edit *e, const char *text);	/* cursor at the end */

/*
 * Apply key (a keymap.h key: a code point or KEYMAP_CODE + KEY_x):
 * printable characters insert; Backspace, Delete, Left, Right, Home, End,
 * C-a, C-e, C-u (clear before the cursor), C-w (the word before) edit.
 * Returns 1 when the text or cursor changed or the key was an editing
 * key, 0 for any other key.
 */
int edit_key(struct edit *e, int key);

/* Draw prompt and text on line y of p, scrolled so that the cursor shows,
 * and leave the window's cursor there. */
void edit_draw(struct edit *e, struct pane *p, int y, const char *prompt);

#endif
