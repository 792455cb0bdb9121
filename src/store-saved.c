/*
 * store-saved.c: the searches saved by name (store.h, schema 19).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "query.h"
#include "store.h"
#include "store-int.h"
#include "util.h"

int
store_saved_set(struct store *s, const char *name, const char *query)
{
	int had = store_step_text(s, "SELECT 1 FROM saved WHERE name = ?1", name), rc;
	sqlite3_stmt *st;

	if (had < 0 || (st = store_stmt(s, "INSERT INTO saved (name, query, created)"
	    " VALUES (?1, ?2, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"
	    " ON CONFLICT (name) DO UPDATE SET query = excluded.query")) == NULL)
		return -1;
	store_bind_text(st, 1, name);
	store_bind_text(st, 2, query);
	rc = sqlite3_step(st);
	store_stmt_done(s, st);
	return rc == SQLITE_DONE ? !had : store_db_fail(s);
}

int
store_saved_remove(struct store *s, const char *name)
{
	if (store_step_text(s, "DELETE FROM saved WHERE name = ?1", name) < 0)
		return -1;
	return sqlite3_changes(s->db) > 0;
}

int
store_saved(struct store *s, int (*fn)(const struct store_saved *v, void *ctx), void *ctx)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT id, name, query, created FROM saved"
	    " ORDER BY name COLLATE NOCASE, id");
	int rc;

	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct store_saved v = {
			sqlite3_column_int64(st, 0), store_col(st, 1), store_col(st, 2),
			store_col(st, 3),
		};

		if (fn(&v, ctx) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	store_stmt_done(s, st);
	return rc == SQLITE_DONE ? 0 : store_db_fail(s);
}

int
store_saved_counts(struct store *s, const char *text, long cap, double ms, int64_t *all,
    int *all_more, int64_t *unread, int *unread_more)
{
	struct query q;
	int rc;

	store_parse_query(s, text, &q);
	rc = store_search_total(s, &q, NULL, cap, ms, all, all_more);
	if (rc == 0) {
		/* The unread among them: the same words with is:unread. */
		q.unread = 1;
		rc = store_search_total(s, &q, NULL, cap, ms, unread, unread_more);
	}
	query_free(&q);
	return rc;
}
