/*
 * ui.h: the curses interface (list, reader, search and help panes).
 */
#ifndef LUOT_UI_H
#define LUOT_UI_H

struct store;

/*
 * Why the interface cannot start on this terminal, translated ("not a
 * terminal", "TERM=dumb" ...), or NULL when it can. Checked before curses
 * starts: curses itself would start on a dumb terminal and write escape
 * sequences into a redirected stdout.
 */
const char *ui_unavailable(void);

/* Run the interface on s until the user quits. Returns the exit status. */
int ui_run(struct store *s);

#endif
