/*
 * bgfetch.h: the feeds fetched (fetch.h) in a thread of their own while
 * the interface goes on (r). The thread opens the database again, as
 * another luot would: each feed's articles are committed as they come,
 * and the interface sees them at its next look at the database
 * (PRAGMA data_version), unread. Nothing is said on standard error: the
 * totals and the first failure are read when it is done.
 */
#ifndef LUOT_BGFETCH_H
#define LUOT_BGFETCH_H

#include "fetch.h"

struct bgfetch;

/* Start fetching the feeds of the database at path. NULL with the
 * reason in *why (new) when no thread could be started. */
struct bgfetch *bgfetch_start(const char *path, char **why);

/* Ask it to stop soon (within a tenth of a second): what it stored
 * stays. bgfetch_finish() still waits for it. */
void bgfetch_stop(struct bgfetch *f);

/* Is it done (never waits)? */
int bgfetch_done(struct bgfetch *f);

/* Wait for it to end, its totals into *t; 0, or -1 when the fetch could
 * not run or the store failed (t->first_error says why). Frees f. */
int bgfetch_finish(struct bgfetch *f, struct fetch_totals *t);

#endif
