/*
 * store.c: see store.h. Opening (WAL, settings, the read-only case),
 * errors, transactions and the turns writers take; the schema and its
 * migrations are store-schema.c's, adding articles store-add.c's,
 * searching store-search.c's, the reading state store-state.c's.
 */
#include "config.h"

#include <sys/file.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "fts.h"
#include "i18n.h"
#include "query.h"
#include "store.h"
#include "store-int.h"
#include "zip.h"
#include "util.h"

/*
 * Ranking every hit of a common word costs time in proportion to the hits
 * (bm25 scores each one), which grow with the corpus. Past this many
 * hits, a ranked search scores a window of the newest hits (by date)
 * instead, after the hits in titles and, for several words, the hits
 * where they stand as a phrase, and says the ranking is partial.
 */
#define RANK_WINDOW 2000

/* Milliseconds to wait for another process's write lock. */
#define BUSY_TIMEOUT_MS 5000
/* The longest an import waits for state writers after a commit. */
#define STORE_YIELD_MAX_MS 500
/* After a wait that ran out with no write by anyone (a turn asked for
 * and never taken: a writer stopped in the middle), seconds the import
 * goes on as if no one waited: it would otherwise wait STORE_YIELD_MAX_MS
 * after every short batch. */
#define TURN_STUCK_SECONDS 10.0
#define WAL_CHECKPOINT_PAGES 4096
/*
 * Bytes of a statement journal kept in memory before SQLite writes it to
 * a temporary file (its default is 64 KiB): none, it stays in memory. The
 * article INSERT has one, because the table has an insert trigger, and it
 * holds each page the row changes: often four 16 KiB pages or more, so at
 * the default nearly every article's journal went to a file in /var/tmp.
 * With a bound (4 MiB), a journal that crossed it after an earlier
 * statement of the transaction had emptied it failed with SQLITE_FULL on
 * SQLite 3.40 (the first spilled write was empty): schema 12's DROP of the
 * index (8 MB of journal at 1M articles) and a trigger that wrote many
 * rows did. A statement journal holds each page a statement changes
 * once: megabytes for what luot runs.
 */
#define STMTJRNL_SPILL (-1)

int
store_exec(struct store *s, const char *sql)
{
	if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return store_db_fail(s);
	return 0;
}

int
store_step_text(struct store *s, const char *sql, const char *text)
{
	sqlite3_stmt *st = store_stmt(s, sql);
	int rc;

	if (st == NULL)
		return -1;
	store_bind_text(st, 1, text);
	rc = sqlite3_step(st);
	store_stmt_done(s, st);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : store_db_fail(s);
}

int
store_int_query(struct store *s, const char *sql, int64_t *out)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return store_db_fail(s);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_db_fail(s);
	return 0;
}


/*
 * After each commit: SQLite's own automatic checkpoint, but one that
 * readers cannot starve. A passive checkpoint copies the WAL back, yet
 * the WAL only starts again from its beginning when no reader still uses
 * it, and readers that keep overlapping (the interface and a loop of
 * commands during a long import) can put that off while the file grows
 * (ui-wal.sh). So every WAL_CHECKPOINT_PAGES (64 MiB at 16 KiB pages)
 * the checkpoint is RESTART, which waits (busy timeout) for those
 * readers to move on. A reader that never does costs one such wait per
 * further WAL_CHECKPOINT_PAGES, with passive checkpoints in between. With
 * a background checkpointer (store-ckpt.c) the passive ones are its, and
 * the writer only restarts the WAL.
 */
static int
checkpoint(void *arg, sqlite3 *db, const char *name, int pages)
{
	struct store *s = arg;
	int mode = SQLITE_CHECKPOINT_PASSIVE, rc;

	if (pages < s->wal_pages)	/* it did start again */
		s->wal_restart_at = WAL_CHECKPOINT_PAGES;
	s->wal_pages = pages;
	if (pages >= WAL_CHECKPOINT_PAGES && pages >= s->wal_restart_at)
		mode = SQLITE_CHECKPOINT_RESTART;
	if (s->ckpt != NULL && mode != SQLITE_CHECKPOINT_RESTART) {
		/* Passive ones are the thread's. */
		store_ckpt_wake(s->ckpt, pages);
		return SQLITE_OK;
	}
	if (pages < WAL_CHECKPOINT_PAGES)
		return SQLITE_OK;
	/* Wait for a copy the thread has begun rather than try again at
	 * the next commit: a thread that copies often (two fsyncs each)
	 * could put the restart off commit after commit. */
	if (s->ckpt != NULL)
		store_ckpt_pause(s->ckpt);
	rc = sqlite3_wal_checkpoint_v2(db, name, mode, NULL, NULL);
	if (s->ckpt != NULL)
		store_ckpt_resume(s->ckpt);
	/* Not done is no error: the next commit tries again. */
	if (rc != SQLITE_OK && mode == SQLITE_CHECKPOINT_RESTART)
		s->wal_restart_at = pages + WAL_CHECKPOINT_PAGES;
	return SQLITE_OK;
}

/*
 * SQLite's own busy handler sleeps longer the longer it waits, up to
 * 100 ms a try, and an import takes the write lock again a moment after
 * each commit: a waiting bookmark rarely got in before its timeout. This
 * one tries again every millisecond, so the pause an import leaves
 * between its transactions (import.c) is enough.
 */
static int
busy_wait(void *arg, int tries)
{
	struct store *s = arg;

	if (tries == 0)
		s->busy_since = monotonic_seconds();
	if ((monotonic_seconds() - s->busy_since) * 1000 >= s->busy_ms)
		return 0;
	sqlite3_sleep(1);
	return 1;
}

/*
 * WAL mode. A new database is still in rollback mode, where taking the
 * lock to change that can deadlock with another luot opening it at the
 * same moment: SQLite then says busy at once, without the busy handler
 * (its documentation, sqlite3_busy_handler). Neither holds a lock after
 * failing, so try again, for as long as a busy handler would wait.
 */
static int
set_wal(struct store *s)
{
	double start = monotonic_seconds();

	for (;;) {
		int rc = sqlite3_exec(s->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);

		if (rc == SQLITE_OK)
			return 0;
		if ((rc & 0xff) != SQLITE_BUSY ||
		    (monotonic_seconds() - start) * 1000 >= s->busy_ms)
			return store_db_fail(s);
		sqlite3_sleep(1 + (int)(monotonic_seconds() * 1e6) % 8);
	}
}

/* Each statement's time and SQL on standard error, when
 * $LUOT_SQL_PROFILE is set: which step of a search costs what
 * (tests/bench/README.md). */
static int
profile(unsigned type, void *ctx, void *p, void *x)
{
	char *sql;

	(void)ctx;
	if (type != SQLITE_TRACE_PROFILE)
		return 0;
	sql = sqlite3_expanded_sql(p);
	fprintf(stderr, "sql %.1f ms: %s\n", (double)*(sqlite3_int64 *)x / 1e6,
	    sql != NULL ? sql : sqlite3_sql(p));
	sqlite3_free(sql);
	return 0;
}

static int
setup(struct store *s)
{
	int64_t pages;
	int rc;

	store_set_busy_timeout(s, BUSY_TIMEOUT_MS);
	if ((rc = fts_register(s->db)) != SQLITE_OK || (rc = zip_register(s->db)) != SQLITE_OK) {
		store_set_err(s, "%s: %s", s->path, sqlite3_errstr(rc));
		return -1;
	}
	/* This connection indexes what it adds itself (store_index_pending). */
	if ((rc = fts_index_later(s->db, 1)) != SQLITE_OK) {
		store_set_err(s, "%s: %s", s->path, sqlite3_errstr(rc));
		return -1;
	}
	sqlite3_extended_result_codes(s->db, 1);
	if (getenv("LUOT_SQL_PROFILE") != NULL)
		sqlite3_trace_v2(s->db, SQLITE_TRACE_PROFILE, profile, NULL);
	/* 16 KiB pages for a new database: a compressed article (2-3 KB)
	 * takes a 4 KiB page nearly alone, leaving the rest of it empty.
	 * Ignored for an existing database. */
	if (store_exec(s, "PRAGMA page_size = 16384") < 0)
		return -1;
	/* A new database can give free pages back (store_trim): FTS5's
	 * merges free the segments they read, a good part of the file
	 * after a large import. Only for a new one: on an existing
	 * database the pragma would write to the file at every open. */
	if (store_int_query(s, "PRAGMA page_count", &pages) < 0 ||
	    (pages == 0 && store_exec(s, "PRAGMA auto_vacuum = INCREMENTAL") < 0))
		return -1;
	/* WAL: readers (the interface) never block the importer. NORMAL
	 * sync keeps every commit atomic; only the last ones may be lost on
	 * power failure, and importing again restores them. */
	if ((!s->read_only && set_wal(s) < 0) ||
	    store_exec(s, "PRAGMA synchronous = NORMAL") < 0 ||
	    store_exec(s, "PRAGMA foreign_keys = ON") < 0 ||
	    store_exec(s, "PRAGMA cache_size = -65536") < 0 ||
	    /* Debian builds SQLite with secure_delete on: every page freed
	     * is zeroed and written again, and FTS5's merges free a
	     * segment's pages after each copy. FAST still zeroes what is
	     * deleted inside a page. */
	    store_exec(s, "PRAGMA secure_delete = FAST") < 0 ||
	    /* After a checkpoint the WAL is cut back to 64 MiB. */
	    store_exec(s, "PRAGMA journal_size_limit = 67108864") < 0)
		return -1;
	if (!s->read_only)
		sqlite3_wal_hook(s->db, checkpoint, s);
	return store_migrate(s);
}

/*
 * Whether the database just opened can be written. SQLite opens a file it
 * may not write read-only without a word, and a WAL database on a
 * read-only file system cannot even be read that way (its -shm cannot be
 * made), so ask it: reading the schema opens the file.
 */
static int
writable(struct store *s)
{
	int rc = sqlite3_exec(s->db, "PRAGMA schema_version", NULL, NULL, NULL);

	if (rc == SQLITE_OK)
		return sqlite3_db_readonly(s->db, "main") != 1;
	rc &= 0xff;
	return rc != SQLITE_READONLY && rc != SQLITE_CANTOPEN && rc != SQLITE_PERM;
}

/* Whether the last failure on db was for want of a file descriptor. */
static int
out_of_files(sqlite3 *db)
{
	int e = sqlite3_system_errno(db);

	return e == EMFILE || e == ENFILE;
}

/* Whether a read-only connection can read: not without a -shm file. */
static int
readable(struct store *s)
{
	int rc = sqlite3_exec(s->db, "PRAGMA schema_version", NULL, NULL, NULL) & 0xff;

	return rc != SQLITE_CANTOPEN && rc != SQLITE_READONLY;
}

/* "file:" URI for path, so that query parameters can follow it. */
static char *
file_uri(const char *path, const char *params)
{
	struct buf b;

	buf_init(&b);
	buf_adds(&b, "file:");
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if (*p == '%' || *p == '?' || *p == '#' || *p < 0x20)
			buf_printf(&b, "%%%02X", *p);
		else
			buf_addc(&b, (char)*p);
	}
	buf_printf(&b, "?%s", params);
	return buf_detach(&b);
}

/*
 * Reopen s read-only: reading works, every write fails with
 * SQLITE_READONLY, which says so. Where not even the -shm file can be made
 * (a read-only file system), the file is opened as immutable, but only
 * when no WAL holds changes it would then not see.
 */
static int
open_read_only(struct store *s)
{
	char *wal = xasprintf("%s-wal", s->path), *uri;
	struct stat st;
	int rc, pending = stat(wal, &st) == 0 && st.st_size > 0;

	free(wal);
	sqlite3_close(s->db);
	uri = file_uri(s->path, "mode=ro");
	rc = sqlite3_open_v2(uri, &s->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
	free(uri);
	if (rc == SQLITE_OK && !pending && !readable(s)) {
		sqlite3_close(s->db);
		uri = file_uri(s->path, "immutable=1");
		rc = sqlite3_open_v2(uri, &s->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
		free(uri);
	}
	s->read_only = 1;
	return rc;
}

/* Process-wide settings: they must come before SQLite initialises. */
static void
configure_sqlite(void)
{
	/* SQLITE_MISUSE if SQLite is already initialised (a program that
	 * opened a database first): it then keeps its defaults. */
	(void)sqlite3_config(SQLITE_CONFIG_STMTJRNL_SPILL, STMTJRNL_SPILL);
}

struct store *
store_open(const char *path, char **err)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	struct store *s = xcalloc(1, sizeof *s);
	int rc;

	pthread_once(&once, configure_sqlite);
	s->path = xstrdup(path);
	s->rank_window = RANK_WINDOW;
	s->wal_restart_at = WAL_CHECKPOINT_PAGES;
	s->turn_fd = -1;
	rc = sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
	if (rc == SQLITE_OK && !writable(s)) {
		/* No file descriptor left is no read-only file. */
		if (out_of_files(s->db))
			rc = SQLITE_CANTOPEN;
		else
			rc = open_read_only(s);
	}
	if (rc != SQLITE_OK) {
		if (s->db != NULL)
			store_db_fail(s);
		else
			store_set_err(s, "%s: %s", path, sqlite3_errstr(rc));
		goto fail;
	}
	if (setup(s) < 0)
		goto fail;
	return s;
fail:
	*err = xstrdup(store_errmsg(s));
	store_close(s);
	return NULL;
}

void
store_close(struct store *s)
{
	if (s == NULL)
		return;
	store_ckpt_stop(s);
	if (s->turn_fd >= 0)
		close(s->turn_fd);
	sqlite3_finalize(s->add);
	sqlite3_finalize(s->index);
	sqlite3_finalize(s->unindex);
	sqlite3_finalize(s->term_doc);
	store_stmt_free(s);
	sqlite3_close(s->db);
	buf_free(&s->pend);
	free(s->pend_at);
	store_story_clear(s);
	free(s->story_pend);
	store_band_free(s);
	free(s->path);
	free(s->err);
	free(s);
}

void
store_set_busy_timeout(struct store *s, int ms)
{
	s->busy_ms = ms;
	sqlite3_busy_handler(s->db, ms > 0 ? busy_wait : NULL, s);
}

void
store_set_rank_window(struct store *s, long window)
{
	s->rank_window = window < 0 ? 0 : window;
}

int
store_begin(struct store *s)
{
	return store_exec(s, "BEGIN IMMEDIATE");
}

/*
 * Taking turns with an import. SQLite's lock has no queue: an import that
 * takes it again 2 ms after each commit let a waiting bookmark in only
 * when its busy handler happened to try in those 2 ms. So a writer of
 * reading state says it waits: a shared flock on PATH-turn, from before
 * it asks for the lock until it has committed; and an import, after each
 * commit, waits until it can take that flock exclusively (no one waits),
 * for STORE_YIELD_MAX_MS at most. Where the file cannot be made (a
 * read-only folder) there are no turns, only the 2 ms.
 */
static int
turn_fd(struct store *s)
{
	if (s->turn_fd == -1) {
		char *path = xasprintf("%s-turn", s->path);

		s->turn_fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0666);
		if (s->turn_fd < 0)
			s->turn_fd = -2;
		free(path);
	}
	return s->turn_fd;
}

/* A state writer's turn: asked for, then given back. */
static void
turn_ask(struct store *s)
{
	if (!s->read_only && turn_fd(s) >= 0)
		(void)flock(s->turn_fd, LOCK_SH);
}

static void
turn_done(struct store *s)
{
	if (s->turn_fd >= 0)
		(void)flock(s->turn_fd, LOCK_UN);
}

int
store_turn_wanted(struct store *s)
{
	if (s->read_only || turn_fd(s) < 0 || monotonic_seconds() < s->turn_stuck_until)
		return 0;
	if (flock(s->turn_fd, LOCK_EX | LOCK_NB) < 0)
		return 1;
	(void)flock(s->turn_fd, LOCK_UN);
	return 0;
}

/* PRAGMA data_version: it changes when another connection commits. */
static sqlite3_int64
others_version(struct store *s)
{
	sqlite3_stmt *st;
	sqlite3_int64 v = -1;

	if (sqlite3_prepare_v2(s->db, "PRAGMA data_version", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

void
store_yield(struct store *s, int min_ms)
{
	double start = monotonic_seconds();
	sqlite3_int64 version = -1;

	sqlite3_sleep(min_ms);
	while (store_turn_wanted(s)) {
		if (version < 0)
			version = others_version(s);
		if ((monotonic_seconds() - start) * 1000 >= STORE_YIELD_MAX_MS) {
			/* Waited out, and no one wrote meanwhile: stuck. A
			 * queue of writers that did write is no such thing. */
			if (others_version(s) == version)
				s->turn_stuck_until = monotonic_seconds() + TURN_STUCK_SECONDS;
			return;
		}
		sqlite3_sleep(1);
	}
}

int
store_state_begin(struct store *s)
{
	if (!sqlite3_get_autocommit(s->db)) {
		s->state_nested++;
		return store_exec(s, "SAVEPOINT state");
	}
	/* Articles stay at NORMAL (an import brings them back); this
	 * connection's commits sync the log until store_state_end(). */
	if (store_exec(s, "PRAGMA synchronous = FULL") < 0)
		return -1;
	turn_ask(s);
	if (store_begin(s) < 0) {
		turn_done(s);
		store_exec(s, "PRAGMA synchronous = NORMAL");
		return -1;
	}
	return 0;
}

int
store_state_end(struct store *s, int rc)
{
	char *msg;
	int busy;

	if (s->state_nested > 0) {
		s->state_nested--;
		if (rc >= 0)
			return store_exec(s, "RELEASE state") < 0 ? -1 : rc;
		msg = xstrdup(store_errmsg(s));
		sqlite3_exec(s->db, "ROLLBACK TO state; RELEASE state", NULL, NULL, NULL);
	} else {
		if (rc >= 0 && store_commit(s) == 0) {
			turn_done(s);
			store_exec(s, "PRAGMA synchronous = NORMAL");
			return rc;
		}
		rc = -1;
		msg = xstrdup(store_errmsg(s));
		store_rollback(s);
		turn_done(s);
		sqlite3_exec(s->db, "PRAGMA synchronous = NORMAL", NULL, NULL, NULL);
	}
	busy = s->busy;
	store_set_err(s, "%s", msg);	/* the failure's, not the rollback's */
	s->busy = busy;
	free(msg);
	return -1;
}

int
store_commit(struct store *s)
{
	if (store_story_flush(s) < 0 || store_index_pending(s) < 0)
		return -1;
	return store_exec(s, "COMMIT");
}

int
store_max_id(struct store *s, int64_t *out)
{
	*out = 0;
	return store_int_query(s, "SELECT coalesce(max(id), 0) FROM article", out);
}

void
store_rollback_keep(struct store *s)
{
	char *msg = xstrdup(store_errmsg(s));

	store_rollback(s);
	store_set_err(s, "%s", msg);	/* not the rollback's */
	free(msg);
}

int
store_rollback(struct store *s)
{
	store_pending_clear(s);
	store_story_clear(s);
	if (sqlite3_get_autocommit(s->db))
		return 0;
	return store_exec(s, "ROLLBACK");
}

int
store_change(struct store *s, const char *sql, int64_t id, int64_t v)
{
	sqlite3_stmt *st = store_stmt(s, sql);
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_bind_parameter_count(st) >= 2)
		sqlite3_bind_int64(st, 2, v);
	rc = sqlite3_step(st);
	store_stmt_done(s, st);
	if (rc != SQLITE_DONE)
		return store_db_fail(s);
	return sqlite3_changes(s->db);
}

void
store_bind_text(sqlite3_stmt *st, int i, const char *v)
{
	if (v == NULL || *v == '\0')
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
}

const char *
store_col(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

void
store_fill_item(sqlite3_stmt *st, struct store_item *it)
{
	memset(it, 0, sizeof *it);
	it->id = sqlite3_column_int64(st, 0);
	it->title = store_col(st, 1);
	it->published = store_col(st, 2);
	it->crawled = store_col(st, 3);
	it->author = store_col(st, 4);
	it->source = store_col(st, 5);
	it->path = store_col(st, 6);
	it->words = sqlite3_column_int64(st, 7);
	it->unread = sqlite3_column_int(st, 8);
	it->bookmarked = sqlite3_column_int(st, 9);
	it->position = sqlite3_column_int64(st, 10);
	it->url = store_col(st, 11);
	it->story = sqlite3_column_int64(st, 12);
	it->copies = sqlite3_column_int64(st, 13);
	it->copy_sources = store_col(st, 14);
}

/* store_list() is a search without words: its callback takes no snippet. */
struct list_adapter {
	store_item_fn fn;
	void *ctx;
};

static int
list_hit(const struct store_item *it, const char *snippet, void *vctx)
{
	struct list_adapter *l = vctx;

	(void)snippet;
	return l->fn(it, l->ctx);
}

int
store_list(struct store *s, long limit, store_item_fn fn, void *ctx)
{
	struct list_adapter l = { fn, ctx };
	struct query q;

	memset(&q, 0, sizeof q);
	return store_search(s, &q, STORE_SORT_DATE, limit, list_hit, &l, NULL);
}

int
store_show(struct store *s, int64_t id, store_item_fn fn, void *ctx)
{
	sqlite3_stmt *st;
	int rc, found = 0;

	if (sqlite3_prepare_v2(s->db,
		"SELECT " ITEM_COLUMNS ", luot_unzip(a.body), luot_unzip(a.captions), a.links"
		" FROM article a WHERE a.id = ?1",
		-1, &st, NULL) != SQLITE_OK)
		return store_db_fail(s);
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		struct store_item it;

		store_fill_item(st, &it);
		it.body = store_col(st, ITEM_NCOLS);
		it.captions = store_col(st, ITEM_NCOLS + 1);
		it.links = store_col(st, ITEM_NCOLS + 2);
		if (fn != NULL)
			fn(&it, ctx);
		found = 1;
		rc = SQLITE_DONE;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_db_fail(s);
	return found;
}

int
store_stats(struct store *s, struct store_stats *out)
{
	sqlite3_stmt *st;
	int rc;

	memset(out, 0, sizeof *out);
	if (sqlite3_prepare_v2(s->db,
		"SELECT count(*), total(words), count(DISTINCT source), count(published),"
		" min(published), max(published) FROM article",
		-1, &st, NULL) != SQLITE_OK)
		return store_db_fail(s);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->articles = sqlite3_column_int64(st, 0);
		out->words = sqlite3_column_int64(st, 1);
		out->sources = sqlite3_column_int64(st, 2);
		out->dated = sqlite3_column_int64(st, 3);
		if (store_col(st, 4) != NULL)
			snprintf(out->first, sizeof out->first, "%s", store_col(st, 4));
		if (store_col(st, 5) != NULL)
			snprintf(out->last, sizeof out->last, "%s", store_col(st, 5));
		rc = SQLITE_DONE;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_db_fail(s);
	out->version = store_version(s);
	{
		struct store_index_shape sh;

		if (store_index_shape(s, &sh) < 0)
			return -1;
		out->index_parts = sh.segments;
	}
	return 0;
}

int
store_stats_parts(struct store *s, int (*fn)(const struct store_stats_part *p, void *ctx),
    void *ctx)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT coalesce(nullif(a.source, ''), a.site, '') AS k,"
	    " substr(a.published, 1, 7) AS m, count(*),"
	    " sum(a.id IN (SELECT article FROM story_copy)), min(a.published), max(a.published)"
	    " FROM article a GROUP BY k, m ORDER BY k, m");
	int rc;

	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct store_stats_part p = {
			store_col(st, 0), store_col(st, 1), sqlite3_column_int64(st, 2),
			sqlite3_column_int64(st, 3), store_col(st, 4), store_col(st, 5),
		};

		if (fn(&p, ctx) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	store_stmt_done(s, st);
	return rc == SQLITE_DONE ? 0 : store_db_fail(s);
}
