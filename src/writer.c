/*
 * writer.c: see writer.h.
 */
#include "config.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "i18n.h"
#include "store.h"
#include "util.h"
#include "writer.h"

/* Tries of a change that fails for a reason other than the lock. */
#define WRITER_TRIES 3
/* Milliseconds between tries: while the lock is taken, and after
 * another failure. */
#define WRITER_BUSY_PAUSE_MS 20
#define WRITER_FAIL_PAUSE_MS 500
/* The thread's busy timeout: it comes back to look for stop this often. */
#define WRITER_BUSY_MS 1000
/* Its connection's page cache, KiB. */
#define WRITER_CACHE_KIB 1024

enum op_kind { OP_READ, OP_POSITION, OP_BOOKMARK, OP_NOTE, OP_TAGS, OP_READ_ALL, OP_QUEUE };

struct op {
	enum op_kind kind;
	int64_t id, v;
	char *note;
	struct strlist tags;
	int tries;
	struct op *next;
};

struct writer {
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t more;	/* a change was queued, or stop */
	pthread_cond_t done;	/* a change left the queue */
	struct op *head, *tail;
	size_t n;
	int stop;
	struct store *s;	/* the thread's own connection */
	struct strlist failures;
};

static void
sleep_ms(long ms)
{
	struct timespec t = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&t, NULL);
}

static void
op_free(struct op *o)
{
	free(o->note);
	strlist_free(&o->tags);
	free(o);
}

/* Write one change: what the store_ function returns. */
static int
apply(struct store *s, const struct op *o)
{
	switch (o->kind) {
	case OP_READ:
		return store_set_read(s, o->id, (int)o->v);
	case OP_POSITION:
		return store_set_position(s, o->id, o->v);
	case OP_BOOKMARK:
		return o->v ? store_bookmark_set(s, o->id, NULL, NULL) : store_bookmark_remove(s, o->id);
	case OP_NOTE:
		return store_bookmark_set(s, o->id, o->note, NULL);
	case OP_QUEUE:
		return store_queue_set(s, o->id, (int)o->v);
	case OP_TAGS:
		return store_set_tags(s, o->id, &o->tags);
	case OP_READ_ALL: {
		int64_t n;

		return store_read_all(s, NULL, &n) < 0 ? -1 : 1;
	}
	}
	return 0;
}

/* The head change is done with (written, or given up): off the queue. */
static void
pop(struct writer *w)
{
	struct op *o = w->head;

	w->head = o->next;
	if (w->head == NULL)
		w->tail = NULL;
	w->n--;
	op_free(o);
	pthread_cond_broadcast(&w->done);
}

static void *
run(void *arg)
{
	struct writer *w = arg;

	pthread_mutex_lock(&w->lock);
	for (;;) {
		struct op *o;
		int rc;

		while (w->head == NULL && !w->stop)
			pthread_cond_wait(&w->more, &w->lock);
		if (w->head == NULL)
			break;
		o = w->head;
		pthread_mutex_unlock(&w->lock);
		rc = apply(w->s, o);
		pthread_mutex_lock(&w->lock);
		if (rc >= 0) {
			pop(w);
		} else if (store_busy(w->s)) {
			/* The lock: the change waits its turn, as long as it
			 * takes (an import lets writers in between batches). */
			pthread_mutex_unlock(&w->lock);
			sleep_ms(WRITER_BUSY_PAUSE_MS);
			pthread_mutex_lock(&w->lock);
		} else if (++o->tries >= WRITER_TRIES) {
			strlist_push(&w->failures, xasprintf(_("a change to article %lld "
			    "could not be saved: %s"), (long long)o->id, store_errmsg(w->s)));
			pop(w);
		} else {
			pthread_mutex_unlock(&w->lock);
			sleep_ms(WRITER_FAIL_PAUSE_MS);
			pthread_mutex_lock(&w->lock);
		}
	}
	pthread_mutex_unlock(&w->lock);
	return NULL;
}

struct writer *
writer_start(struct store *s, char **err)
{
	struct writer *w = xcalloc(1, sizeof *w);

	if ((w->s = store_open(store_path(s), err)) == NULL) {
		free(w);
		return NULL;
	}
	store_set_busy_timeout(w->s, WRITER_BUSY_MS);
	/* It reads little: a small cache, as the interface's own. */
	store_set_cache(w->s, WRITER_CACHE_KIB);
	pthread_mutex_init(&w->lock, NULL);
	pthread_cond_init(&w->more, NULL);
	pthread_cond_init(&w->done, NULL);
	strlist_init(&w->failures);
	if (pthread_create(&w->thread, NULL, run, w) != 0) {
		*err = xstrdup(_("cannot start a thread"));
		store_close(w->s);
		free(w);
		return NULL;
	}
	return w;
}

static void
queue(struct writer *w, struct op *o)
{
	pthread_mutex_lock(&w->lock);
	if (w->tail != NULL)
		w->tail->next = o;
	else
		w->head = o;
	w->tail = o;
	w->n++;
	pthread_cond_signal(&w->more);
	pthread_mutex_unlock(&w->lock);
}

static struct op *
op_new(enum op_kind kind, int64_t id, int64_t v)
{
	struct op *o = xcalloc(1, sizeof *o);

	o->kind = kind;
	o->id = id;
	o->v = v;
	strlist_init(&o->tags);
	return o;
}

void
writer_queue(struct writer *w, int64_t id, int on)
{
	queue(w, op_new(OP_QUEUE, id, on));
}

void
writer_read(struct writer *w, int64_t id, int read)
{
	queue(w, op_new(OP_READ, id, read));
}

void
writer_read_all(struct writer *w)
{
	queue(w, op_new(OP_READ_ALL, 0, 1));
}

void
writer_position(struct writer *w, int64_t id, int64_t position)
{
	queue(w, op_new(OP_POSITION, id, position));
}

void
writer_bookmark(struct writer *w, int64_t id, int on)
{
	queue(w, op_new(OP_BOOKMARK, id, on));
}

void
writer_note(struct writer *w, int64_t id, const char *note)
{
	struct op *o = op_new(OP_NOTE, id, 0);

	o->note = xstrdup(note);
	queue(w, o);
}

void
writer_tags(struct writer *w, int64_t id, const struct strlist *tags)
{
	struct op *o = op_new(OP_TAGS, id, 0);

	for (size_t i = 0; tags != NULL && i < tags->len; i++)
		strlist_push(&o->tags, xstrdup(tags->items[i]));
	queue(w, o);
}

size_t
writer_pending(struct writer *w)
{
	size_t n;

	pthread_mutex_lock(&w->lock);
	n = w->n;
	pthread_mutex_unlock(&w->lock);
	return n;
}

int
writer_wait(struct writer *w, long ms)
{
	struct timespec until;
	int empty;

	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += ms / 1000;
	until.tv_nsec += (ms % 1000) * 1000000L;
	if (until.tv_nsec >= 1000000000L) {
		until.tv_sec++;
		until.tv_nsec -= 1000000000L;
	}
	pthread_mutex_lock(&w->lock);
	while (w->n > 0 && pthread_cond_timedwait(&w->done, &w->lock, &until) == 0)
		;
	empty = w->n == 0;
	pthread_mutex_unlock(&w->lock);
	return empty;
}

char *
writer_failure(struct writer *w)
{
	char *msg = NULL;

	pthread_mutex_lock(&w->lock);
	if (w->failures.len > 0) {
		msg = w->failures.items[0];
		memmove(w->failures.items, w->failures.items + 1,
		    (w->failures.len - 1) * sizeof *w->failures.items);
		w->failures.len--;
	}
	pthread_mutex_unlock(&w->lock);
	return msg;
}

void
writer_stop(struct writer *w, void (*progress)(size_t left, void *ctx), void *ctx)
{
	char *msg;

	if (w == NULL)
		return;
	while (!writer_wait(w, 1000)) {
		if (progress != NULL)
			progress(writer_pending(w), ctx);
	}
	pthread_mutex_lock(&w->lock);
	w->stop = 1;
	pthread_cond_signal(&w->more);
	pthread_mutex_unlock(&w->lock);
	pthread_join(w->thread, NULL);
	while ((msg = writer_failure(w)) != NULL) {
		warnx("%s", msg);
		free(msg);
	}
	strlist_free(&w->failures);
	store_close(w->s);
	pthread_cond_destroy(&w->more);
	pthread_cond_destroy(&w->done);
	pthread_mutex_destroy(&w->lock);
	free(w);
}
