/*
 * writer.h: the interface's changes of reading state (read marks,
 * positions, bookmarks, notes, tags), written on a thread of their own
 * with a connection of its own. An import holds the database's write lock
 * most of the time; the interface shows a change at once, queues it here
 * and never waits. A change the lock keeps out is tried again until it is
 * in (luot waits for the queue when it quits); one that fails for another
 * reason (a full disk, a read-only file) is tried a few times, then given
 * up and reported by writer_failure().
 */
#ifndef LUOT_WRITER_H
#define LUOT_WRITER_H

#include <stddef.h>
#include <stdint.h>

struct store;
struct strlist;
struct writer;

/* A writer on the database s has open (its own connection to the same
 * file). NULL with *err (caller frees) when it cannot start. */
struct writer *writer_start(struct store *s, char **err);

/* Queue a change; each returns at once. Changes are written in order. */
void writer_read(struct writer *w, int64_t id, int read);
void writer_read_all(struct writer *w);	/* every article */
void writer_position(struct writer *w, int64_t id, int64_t position);
void writer_bookmark(struct writer *w, int64_t id, int on);
void writer_queue(struct writer *w, int64_t id, int on);	/* the reading queue */
/* Bookmark id with this note (a copy is kept). */
void writer_note(struct writer *w, int64_t id, const char *note);
/* Bookmark id with exactly these tags (copied). */
void writer_tags(struct writer *w, int64_t id, const struct strlist *tags);

/* Changes queued and not yet written. */
size_t writer_pending(struct writer *w);

/* Wait up to ms milliseconds for the queue to empty; whether it did.
 * Before reading what a change just queued alters (the bookmarks). */
int writer_wait(struct writer *w, long ms);

/* The oldest failure not yet reported, as a message (caller frees), or
 * NULL. */
char *writer_failure(struct writer *w);

/* Write what is queued (waiting for the lock as long as it takes; call
 * progress, when not NULL, about every second with the count left), then
 * stop and free w. Failures not yet taken are printed on stderr. */
void writer_stop(struct writer *w, void (*progress)(size_t left, void *ctx), void *ctx);

#endif
