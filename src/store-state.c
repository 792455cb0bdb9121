/*
 * store-state.c: the reading state, as store.h says: read marks, reading
 * positions, bookmarks with their notes and tags. It is kept by the
 * article's content hash (schema 7), so it outlives deleting and
 * importing again; each change is one transaction (store_state_begin).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "store-int.h"
#include "text.h"
#include "util.h"

/* Run one statement with an id and an optional integer; returns the
 * rows changed or -1. */
static int
change(struct store *s, const char *sql, int64_t id, int64_t v)
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

/*
 * The reading state of article ?1 changed by the SET clause set (which
 * sees the new values as "excluded", bound ?2 being its argument): the
 * state row is made if missing. Returns 1, 0 when there is no such
 * article, -1 on error.
 */
static int
set_state(struct store *s, const char *insert_cols, const char *insert_vals,
    const char *set, int64_t id, int64_t v)
{
	char *sql = xasprintf("INSERT INTO state (hash, %s) SELECT hash, %s FROM article"
	    " WHERE id = ?1 ON CONFLICT (hash) DO UPDATE SET %s", insert_cols, insert_vals, set);
	int rc = change(s, sql, id, v);

	free(sql);
	return rc < 0 ? -1 : rc > 0;
}

#define NOW "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"

/* Each public change of state below is one transaction (store.h):
 * store_state_begin(), the change, store_state_end(). */

static int
set_read(struct store *s, int64_t id, int read)
{
	if (read)
		return set_state(s, "read_at", NOW,
		    "read_at = coalesce(state.read_at, excluded.read_at)", id, 0);
	return set_state(s, "read_at", "NULL", "read_at = NULL", id, 0);
}

int
store_set_read(struct store *s, int64_t id, int read)
{
	if (store_state_begin(s) < 0)
		return -1;
	return store_state_end(s, set_read(s, id, read));
}

int
store_set_position(struct store *s, int64_t id, int64_t position)
{
	if (store_state_begin(s) < 0)
		return -1;
	return store_state_end(s, set_state(s, "position", "?2", "position = excluded.position",
	    id, position));
}

static int
toggle_bookmark(struct store *s, int64_t id)
{
	int rc = set_state(s, "bookmarked", NOW,
	    "bookmarked = CASE WHEN state.bookmarked IS NULL THEN excluded.bookmarked END",
	    id, 0);
	sqlite3_stmt *st;

	if (rc <= 0)
		return rc;
	if (sqlite3_prepare_v2(s->db, "SELECT bookmarked IS NOT NULL FROM state"
	    " WHERE hash = (SELECT hash FROM article WHERE id = ?1)", -1, &st, NULL) != SQLITE_OK)
		return store_db_fail(s);
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
	sqlite3_finalize(st);
	return rc < 0 ? store_db_fail(s) : rc;
}

int
store_toggle_bookmark(struct store *s, int64_t id)
{
	if (store_state_begin(s) < 0)
		return -1;
	return store_state_end(s, toggle_bookmark(s, id));
}

/* Run sql with ?1 the article id and ?2 text in NFC (typed text may
 * come decomposed: stored NFC, like articles). Returns 0 or -1. */
static int
run_id_text(struct store *s, const char *sql, int64_t id, const char *text)
{
	sqlite3_stmt *st;
	size_t n;
	char *nfc;
	int rc;

	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return store_db_fail(s);
	nfc = text_nfc(text, strlen(text), &n);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, nfc, (int)n, free);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_db_fail(s);
}

static int
bookmark_set(struct store *s, int64_t id, const char *note, const struct strlist *tags)
{
	int rc = set_state(s, "bookmarked", NOW,
	    "bookmarked = coalesce(state.bookmarked, excluded.bookmarked)", id, 0);

	if (rc <= 0)
		return rc;
	if (note != NULL && run_id_text(s, "UPDATE state SET note = ?2"
	    " WHERE hash = (SELECT hash FROM article WHERE id = ?1)", id, note) < 0)
		return -1;
	for (size_t i = 0; tags != NULL && i < tags->len; i++) {
		if (run_id_text(s, "INSERT OR IGNORE INTO state_tag (hash, tag)"
		    " SELECT hash, ?2 FROM article WHERE id = ?1", id, tags->items[i]) < 0)
			return -1;
	}
	return 1;
}

int
store_bookmark_set(struct store *s, int64_t id, const char *note, const struct strlist *tags)
{
	if (store_state_begin(s) < 0)
		return -1;
	return store_state_end(s, bookmark_set(s, id, note, tags));
}

int
store_bookmark_remove(struct store *s, int64_t id)
{
	int rc;

	if (store_state_begin(s) < 0)
		return -1;
	rc = change(s, "UPDATE state SET bookmarked = NULL"
	    " WHERE hash = (SELECT hash FROM article WHERE id = ?1) AND bookmarked IS NOT NULL",
	    id, 0);
	return store_state_end(s, rc < 0 ? -1 : rc > 0);
}

int
store_bookmarks(struct store *s, const char *tag, int with_body, store_mark_fn fn, void *ctx)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(s->db, "SELECT " ITEM_COLUMNS ", st.bookmarked, st.note,"
	    " (SELECT group_concat(tag, char(10)) FROM (SELECT tag FROM state_tag t"
	    "   WHERE t.hash = st.hash ORDER BY tag)),"
	    " CASE WHEN ?2 THEN luot_unzip(a.body) END"
	    " FROM state st JOIN article a ON a.hash = st.hash"
	    " WHERE st.bookmarked IS NOT NULL AND (?1 IS NULL OR EXISTS (SELECT 1 FROM state_tag t"
	    "   WHERE t.hash = st.hash AND t.tag = ?1))"
	    " ORDER BY st.bookmarked DESC, a.id DESC", -1, &st, NULL) != SQLITE_OK)
		return store_db_fail(s);
	if (tag != NULL)
		sqlite3_bind_text(st, 1, tag, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, with_body);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct store_item it;
		struct store_mark m;

		store_fill_item(st, &it);
		it.body = store_col(st, ITEM_NCOLS + 3);
		m.bookmarked = store_col(st, ITEM_NCOLS);
		m.note = store_col(st, ITEM_NCOLS + 1);
		m.tags = store_col(st, ITEM_NCOLS + 2);
		if (fn(&it, &m, ctx) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_db_fail(s);
}

int
store_mark_of(struct store *s, int64_t id, char **note, char **tags)
{
	sqlite3_stmt *st;
	int rc;

	*note = *tags = NULL;
	if (sqlite3_prepare_v2(s->db, "SELECT coalesce(st.note, ''),"
	    " (SELECT group_concat(tag, char(10)) FROM (SELECT tag FROM state_tag t"
	    "   WHERE t.hash = a.hash ORDER BY tag))"
	    " FROM article a LEFT JOIN state st ON st.hash = a.hash WHERE a.id = ?1",
	    -1, &st, NULL) != SQLITE_OK)
		return store_db_fail(s);
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const char *t = store_col(st, 1);

		*note = xstrdup(store_col(st, 0) ? store_col(st, 0) : "");
		*tags = xstrdup(t ? t : "");
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_db_fail(s);
	return rc == SQLITE_ROW;
}

int
store_set_tags(struct store *s, int64_t id, const struct strlist *tags)
{
	int rc;

	if (store_state_begin(s) < 0)
		return -1;
	rc = change(s, "DELETE FROM state_tag WHERE hash = (SELECT hash FROM article"
	    " WHERE id = ?1)", id, 0);
	if (rc >= 0)
		rc = bookmark_set(s, id, NULL, tags);
	return store_state_end(s, rc);
}
