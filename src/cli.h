/*
 * cli.h: the commands. cli.c prints articles, hits and bookmarks, for
 * people (aligned columns, cut to the terminal) and for scripts (--json:
 * JSON Lines); article text is sanitised before it is written, so no
 * control character or escape sequence from an article ever reaches the
 * terminal. cli-import.c, cli-view.c and cli-state.c hold the commands'
 * bodies and their entries in cmd.c's table.
 */
#ifndef LUOT_CLI_H
#define LUOT_CLI_H

#include <stdint.h>

#include "progress.h"
#include "store.h"

/* Each returns an exit status: 0, or 1 with the error printed. */
int cli_list(struct store *s, long limit, int json);

/* The bookmarks (only those tagged tag, unless NULL): the list's row, then
 * tags and the note's first line; or JSON Lines with tags and note. */
int cli_bookmarks(struct store *s, const char *tag, int json);

/* Say on stderr that no bookmark (with the tag, unless NULL) is there. */
void cli_no_bookmarks(const char *tag);

/* List the reading queue, first added first (a note on stderr when it is
 * empty). */
int cli_queue(struct store *s, int json);

int cli_show(struct store *s, int64_t id, int json);
/* Standard output flushed: 0, or 1 with "write error" said. */
int cli_finish(void);
int cli_stats(struct store *s, int json);

/* Search with the query language of query.h; on a terminal matches are
 * shown in reverse video, elsewhere as plain text (--json adds offsets). */
int cli_search(struct store *s, const char *text, enum store_sort sort, long limit,
    int json);

struct command;
struct import_opts;

/* The commands' entries (cmd.h). */
extern const struct command cli_import_entry, cli_reextract_entry, cli_list_entry,
    cli_show_entry, cli_search_entry, cli_bookmark_entry, cli_bookmarks_entry,
    cli_export_entry, cli_read_entry, cli_unread_entry, cli_delete_entry, cli_stats_entry,
    cli_check_entry, cli_tidy_entry, cli_tags_entry, cli_feed_entry, cli_feeds_entry,
    cli_fetch_entry, cli_save_entry, cli_saved_entry, cli_trend_entry,
    cli_regroup_entry, cli_queue_entry;

/* The boilerplate patterns: the installed file, the user's, the one the
 * configuration names, then extra (a file, or NULL). NULL when one cannot
 * be read (said). */
struct boiler;
struct boiler *cli_patterns(const char *extra);

/* A progress display for stderr: none when quiet, else a bar on a
 * terminal and lines in a pipe. */
enum progress_mode cli_progress(int quiet);

/* cli_list on the store at db (or the default called name). */
int cli_list_db(const char *db, const char *name, long limit, int json);

/* Import paths into the store at db (or the default called name), with
 * the boilerplate patterns and extra_patterns (a file, or NULL); the
 * totals are printed unless quiet_totals and all went well. Returns the
 * exit status. */
int cli_import_run(const char *db, const char *name, char *const *paths, int n,
    const struct import_opts *o, const char *extra_patterns, int quiet_totals);

#endif
