/*
 * hints.h: the key-hint bar (newsboat's and htop's): one line with the
 * keys most used where the focus is, as they are bound ("Enter open  /
 * search"); the status line names the help's key. Hidden with
 * "set key-hints off".
 */
#ifndef LUOT_HINTS_H
#define LUOT_HINTS_H

#include <stddef.h>

#include "keymap.h"

/* The hints for the keys of where, as many whole ones as cols columns
 * hold, into buf: "KEY label" pairs parted by two spaces, the key first
 * so that a reader's eye finds it. The keys are between \x01 and \x02
 * (ui_put_marked's marks). */
void hints_line(enum keys_where where, int cols, char *buf, size_t size);

#endif
