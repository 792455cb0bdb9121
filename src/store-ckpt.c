/*
 * store-ckpt.c: the WAL copied back to the database on a thread of its
 * own while the store writes. In a long import the writer's checkpoints
 * (copying 64 MiB of WAL into the file, then two fsyncs) would take
 * time on the one thread that limits the import, while the extraction
 * threads have time to spare.
 *
 * The thread has its own connection and runs passive checkpoints, which
 * copy committed frames without waiting for the writer. Only the WAL's
 * restart stays with the writer (checkpoint() in store.c): it needs a
 * moment without a write transaction, which the writer has between
 * batches and a thread polling for the write lock would seldom find.
 * By then the thread has copied most frames, so the restart is short.
 */
#include "config.h"

#include <pthread.h>
#include <stdlib.h>

#include "store-int.h"
#include "util.h"

/* WAL pages (16 KiB each) added between two background checkpoints. */
#define CKPT_STEP 1024

struct store_ckpt {
	sqlite3 *db;
	pthread_t thread;
	pthread_mutex_t lock;	/* guards wanted, stop and done */
	pthread_cond_t wake;
	pthread_mutex_t run;	/* held while a checkpoint copies */
	int wanted, stop;
	long done;		/* checkpoints run, for tests */
	int woken_at;		/* WAL pages at the last wake-up */
};

static void *
ckpt_main(void *arg)
{
	struct store_ckpt *c = arg;

	pthread_mutex_lock(&c->lock);
	for (;;) {
		while (!c->wanted && !c->stop)
			pthread_cond_wait(&c->wake, &c->lock);
		if (c->stop)
			break;
		c->wanted = 0;
		pthread_mutex_unlock(&c->lock);
		/* Busy (the writer restarting the WAL) is no error: the next
		 * wake-up copies what this one would have. */
		pthread_mutex_lock(&c->run);
		sqlite3_wal_checkpoint_v2(c->db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
		pthread_mutex_unlock(&c->run);
		pthread_mutex_lock(&c->lock);
		c->done++;
	}
	pthread_mutex_unlock(&c->lock);
	return NULL;
}

int
store_ckpt_start(struct store *s)
{
	struct store_ckpt *c;

	if (s->ckpt != NULL)
		return 0;
	if (s->read_only)
		return -1;
	c = xcalloc(1, sizeof *c);
	/* Synchronous NORMAL as the writer's: the WAL is synced before
	 * frames are copied and the file after, so a power cut cannot
	 * leave pages of a transaction the WAL lost. */
	if (sqlite3_open_v2(s->path, &c->db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
	    sqlite3_exec(c->db, "PRAGMA synchronous = NORMAL", NULL, NULL, NULL) != SQLITE_OK) {
		sqlite3_close(c->db);
		free(c);
		return -1;
	}
	pthread_mutex_init(&c->lock, NULL);
	pthread_mutex_init(&c->run, NULL);
	pthread_cond_init(&c->wake, NULL);
	if (pthread_create(&c->thread, NULL, ckpt_main, c) != 0) {
		pthread_cond_destroy(&c->wake);
		pthread_mutex_destroy(&c->run);
		pthread_mutex_destroy(&c->lock);
		sqlite3_close(c->db);
		free(c);
		return -1;
	}
	s->ckpt = c;
	return 0;
}

void
store_ckpt_stop(struct store *s)
{
	struct store_ckpt *c = s->ckpt;

	if (c == NULL)
		return;
	pthread_mutex_lock(&c->lock);
	c->stop = 1;
	pthread_cond_signal(&c->wake);
	pthread_mutex_unlock(&c->lock);
	pthread_join(c->thread, NULL);
	pthread_cond_destroy(&c->wake);
	pthread_mutex_destroy(&c->run);
	pthread_mutex_destroy(&c->lock);
	sqlite3_close(c->db);
	free(c);
	s->ckpt = NULL;
}

long
store_ckpt_count(struct store *s)
{
	long n = -1;

	if (s->ckpt != NULL) {
		pthread_mutex_lock(&s->ckpt->lock);
		n = s->ckpt->done;
		pthread_mutex_unlock(&s->ckpt->lock);
	}
	return n;
}

void
store_ckpt_wake(struct store_ckpt *c, int pages)
{
	if (pages < c->woken_at)	/* the WAL started again */
		c->woken_at = 0;
	if (pages < c->woken_at + CKPT_STEP)
		return;
	c->woken_at = pages;
	pthread_mutex_lock(&c->lock);
	c->wanted = 1;
	pthread_cond_signal(&c->wake);
	pthread_mutex_unlock(&c->lock);
}

void
store_ckpt_pause(struct store_ckpt *c)
{
	pthread_mutex_lock(&c->run);
}

void
store_ckpt_resume(struct store_ckpt *c)
{
	pthread_mutex_unlock(&c->run);
}
