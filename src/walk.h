/*
 * walk.h: the files an import reads, and how its messages name a path.
 *
 * The paths given are made absolute; folders are walked in name order,
 * hidden names left out; a symbolic link is taken when it leads to a file
 * inside the paths given (or with follow), a link to a folder never. A
 * path that does not exist counts as failed, a folder that cannot be
 * opened as skipped and unopened; each is named on stderr.
 */
#ifndef LUOT_WALK_H
#define LUOT_WALK_H

#include "import.h"
#include "util.h"

/* Around an import: remember the working folder, then forget it. */
void walk_begin(void);
void walk_end(void);

/* Every file the paths name, appended to files; t counts what fails. */
void walk_paths(char *const *paths, int npaths, int follow, struct strlist *files,
    struct import_totals *t);

/* A path as messages show it: below the working folder, relative to it;
 * made safe to print, on one line. Caller frees. */
char *walk_shown(const char *path);

#endif
