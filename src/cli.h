/*
 * cli.h: output of the list, show and stats commands, for people (aligned
 * columns, cut to the terminal) and for scripts (--json: JSON Lines).
 * Article text is sanitised before it is written: no control character or
 * escape sequence from an article ever reaches the terminal.
 */
#ifndef LUOT_CLI_H
#define LUOT_CLI_H

#include <stdint.h>

#include "store.h"

/* Each returns an exit status: 0, or 1 with the error printed. */
int cli_list(struct store *s, long limit, int json);

/* The bookmarks (only those tagged tag, unless NULL): the list's row, then
 * tags and the note's first line; or JSON Lines with tags and note. */
int cli_bookmarks(struct store *s, const char *tag, int json);
int cli_show(struct store *s, int64_t id, int json);
int cli_stats(struct store *s, int json);

/* Search with the query language of query.h; on a terminal matches are
 * shown in reverse video, elsewhere as plain text (--json adds offsets). */
int cli_search(struct store *s, const char *text, enum store_sort sort, long limit,
    int json);

#endif
