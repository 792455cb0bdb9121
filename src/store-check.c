/*
 * store-check.c: "luot check", the integrity checks of a store on demand.
 * They read every page (seconds on a large store), so they never run at
 * start; the import and the interface rely on SQLite's own guarantees.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "store.h"
#include "store-int.h"

/* Each row of a PRAGMA that is not "ok" is a problem, given to fn. */
static int
pragma_rows(struct store *s, const char *sql, store_problem_fn fn, void *ctx)
{
	sqlite3_stmt *st;
	int rc, n = 0;

	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return store_db_fail(s);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *what = (const char *)sqlite3_column_text(st, 0);
		char line[512];

		if (what != NULL && strcmp(what, "ok") == 0)
			continue;
		/* foreign_key_check rows: table, rowid, parent. */
		if (sqlite3_column_count(st) > 2)
			snprintf(line, sizeof line, _("%s row %lld points to a missing %s row"),
			    what ? what : "?", (long long)sqlite3_column_int64(st, 1),
			    (const char *)sqlite3_column_text(st, 2));
		else
			snprintf(line, sizeof line, "%s", what ? what : "?");
		fn(line, ctx);
		n++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		/* A page SQLite cannot even read is a problem, not a failure of
		 * the check. */
		if ((sqlite3_errcode(s->db) & 0xff) == SQLITE_CORRUPT) {
			store_db_fail(s);
			fn(store_errmsg(s), ctx);
			return n + 1;
		}
		return store_db_fail(s);
	}
	return n;
}

/* The search index against the articles it indexes. */
static int
index_check(struct store *s, store_problem_fn fn, void *ctx)
{
	int rc = sqlite3_exec(s->db, "INSERT INTO article_fts(article_fts, rank)"
	    " VALUES ('integrity-check', 1)", NULL, NULL, NULL);

	if (rc == SQLITE_OK)
		return 0;
	if ((sqlite3_extended_errcode(s->db) & 0xff) != SQLITE_CORRUPT)
		return store_db_fail(s);
	fn(_("the search index does not match the articles"), ctx);
	return 1;
}

/* The bookmarks' index (schema 15) holds the bookmarked articles' keys,
 * no more, no fewer. (FTS5's own check would compare it with every
 * article: its content table is theirs.) */
static int
marked_check(struct store *s, store_problem_fn fn, void *ctx)
{
	int64_t n = 0;

	if (store_int_query(s, "SELECT count(*) FROM (SELECT a.fts_key AS k FROM state s"
	    " JOIN article a ON a.hash = s.hash WHERE s.bookmarked IS NOT NULL) b"
	    " FULL JOIN marked_fts_docsize d ON d.id = b.k WHERE b.k IS NULL OR d.id IS NULL",
	    &n) < 0)
		return -1;
	if (n == 0)
		return 0;
	fn(_("the index of the bookmarks does not match the bookmarks"), ctx);
	return 1;
}

int
store_check(struct store *s, store_problem_fn fn, void *ctx)
{
	int a, b, c, d;

	if ((a = pragma_rows(s, "PRAGMA integrity_check(100)", fn, ctx)) < 0)
		return -1;
	if ((b = pragma_rows(s, "PRAGMA foreign_key_check", fn, ctx)) < 0)
		return -1;
	/* A damaged file can make the index check fail for the same reason:
	 * said once is enough. */
	if (a > 0)
		return a + b;
	if ((c = index_check(s, fn, ctx)) < 0 || (d = marked_check(s, fn, ctx)) < 0)
		return -1;
	return a + b + c + d;
}
