/*
 * store-feed.c: the feeds subscribed to (store.h, schema 17).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "store.h"
#include "store-int.h"
#include "util.h"

int
store_feed_add(struct store *s, const char *url, const char *tag, int full_text,
    const char *title, int64_t *id)
{
	sqlite3_stmt *st = store_stmt(s, "INSERT INTO feed (url, tag, full_text, title, added)"
	    " VALUES (?1, ?2, ?3, ?4, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"
	    " ON CONFLICT (url) DO NOTHING RETURNING id");
	int rc, added = 0;

	if (st == NULL)
		return -1;
	store_bind_text(st, 1, url);
	store_bind_text(st, 2, tag);
	sqlite3_bind_int(st, 3, full_text != 0);
	store_bind_text(st, 4, title);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		added = 1;
		if (id != NULL)
			*id = sqlite3_column_int64(st, 0);
		rc = sqlite3_step(st);
	}
	store_stmt_done(s, st);
	return rc == SQLITE_DONE ? added : store_db_fail(s);
}

int
store_feed_remove(struct store *s, const char *what)
{
	sqlite3_stmt *st = store_stmt(s, "DELETE FROM feed WHERE url = ?1 OR"
	    " (?2 > 0 AND id = ?2)");
	char *end;
	long long id = strtoll(what, &end, 10);
	int rc;

	if (st == NULL)
		return -1;
	store_bind_text(st, 1, what);
	sqlite3_bind_int64(st, 2, *end == '\0' ? id : 0);
	rc = sqlite3_step(st);
	store_stmt_done(s, st);
	if (rc != SQLITE_DONE)
		return store_db_fail(s);
	return sqlite3_changes(s->db) > 0;
}

int
store_feeds(struct store *s, int (*fn)(const struct store_feed *f, void *ctx), void *ctx)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT f.id, f.url, f.title, f.tag, f.full_text,"
	    " f.added, f.fetched, f.status, f.error,"
	    " (SELECT count(*) FROM article a WHERE a.feed_id = f.id),"
	    " f.etag, f.last_modified, f.retry_after"
	    " FROM feed f ORDER BY f.id");
	int rc;

	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct store_feed f = {
			sqlite3_column_int64(st, 0), store_col(st, 1), store_col(st, 2),
			store_col(st, 3), sqlite3_column_int(st, 4), store_col(st, 5),
			store_col(st, 6), store_col(st, 7), store_col(st, 8),
			sqlite3_column_int64(st, 9), store_col(st, 10), store_col(st, 11),
			store_col(st, 12),
		};

		if (fn(&f, ctx) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	store_stmt_done(s, st);
	return rc == SQLITE_DONE ? 0 : store_db_fail(s);
}

int
store_feed_fetched(struct store *s, int64_t id, const struct store_feed_fetch *f)
{
	/* A value not given keeps the one there: a 304 says no new title,
	 * a failure no new validators. */
	sqlite3_stmt *st = store_stmt(s, "UPDATE feed SET status = ?2, error = ?3,"
	    " title = coalesce(?4, title), etag = coalesce(?5, etag),"
	    " last_modified = coalesce(?6, last_modified), retry_after = ?7,"
	    " fetched = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1");
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	store_bind_text(st, 2, f->status);
	store_bind_text(st, 3, f->error);
	store_bind_text(st, 4, f->title);
	store_bind_text(st, 5, f->etag);
	store_bind_text(st, 6, f->last_modified);
	store_bind_text(st, 7, f->retry_after);
	rc = sqlite3_step(st);
	store_stmt_done(s, st);
	return rc == SQLITE_DONE ? 0 : store_db_fail(s);
}

int
store_url_known(struct store *s, const char *url)
{
	return store_step_text(s, "SELECT 1 FROM article WHERE url = ?1"
	    " UNION ALL SELECT 1 FROM article WHERE link = ?1", url);
}
