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
#include "tokenize.h"
#include "util.h"


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
	int rc = store_change(s, sql, id, v);

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

/*
 * Read or unread, with the other copies of its story: one story is read
 * once, whichever paper's copy was opened. Bookmarks and notes stay the
 * article's own.
 */
static int
set_story_read(struct store *s, int64_t id, int read)
{
	int rc = set_read(s, id, read);
	sqlite3_stmt *st;
	int64_t *ids = NULL;
	size_t n = 0, cap = 0;

	if (rc <= 0)
		return rc;
	if ((st = store_stmt(s, "SELECT id FROM article WHERE story = (SELECT story FROM"
	    " article WHERE id = ?1) AND id != ?1")) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? 2 * cap : 8;
			ids = xrealloc(ids, cap * sizeof *ids);
		}
		ids[n++] = sqlite3_column_int64(st, 0);
	}
	store_stmt_done(s, st);
	for (size_t i = 0; i < n && rc > 0; i++)
		if (set_read(s, ids[i], read) < 0)
			rc = -1;
	free(ids);
	return rc;
}

int
store_set_read(struct store *s, int64_t id, int read)
{
	if (store_state_begin(s) < 0)
		return -1;
	return store_state_end(s, set_story_read(s, id, read));
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
fold_word(const struct tok_word *w, void *ctx)
{
	struct buf *b = ctx;

	if (b->len > 0)
		buf_addc(b, ' ');
	buf_add(b, w->folded, w->nfolded);
	return 0;
}

char *
store_tag_fold(const char *tag)
{
	struct buf b;

	buf_init(&b);
	buf_add(&b, "", 0);
	tok_split(tag, strlen(tag), fold_word, &b);
	return buf_detach(&b);
}

/* fn for each tag of a bookmark with its bookmarks, the most used first. */
static int
each_tag(struct store *s, int (*fn)(const char *tag, int64_t n, void *ctx), void *ctx)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(s->db, "SELECT t.tag, count(*) FROM state_tag t"
	    " JOIN state st ON st.hash = t.hash WHERE st.bookmarked IS NOT NULL"
	    " GROUP BY t.tag ORDER BY 2 DESC, 1", -1, &st, NULL) != SQLITE_OK)
		return store_db_fail(s);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (fn(store_col(st, 0), sqlite3_column_int64(st, 1), ctx) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_db_fail(s);
}

int
store_tags(struct store *s, int (*fn)(const char *tag, int64_t n, void *ctx), void *ctx)
{
	return each_tag(s, fn, ctx);
}

struct spelling {
	const char *folded;
	char *found;
};

static int
same_fold(const char *tag, int64_t n, void *ctx)
{
	struct spelling *sp = ctx;
	char *f = store_tag_fold(tag);
	int same = strcmp(f, sp->folded) == 0;

	(void)n;
	free(f);
	if (same)
		sp->found = xstrdup(tag);
	return same;
}

/* Tags of removed bookmarks count too: they come back with them. */
static int
any_tag(struct store *s, struct spelling *sp)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(s->db, "SELECT DISTINCT tag FROM state_tag", -1, &st, NULL) !=
	    SQLITE_OK)
		return store_db_fail(s);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && !same_fold(store_col(st, 0), 0, sp))
		;
	sqlite3_finalize(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : store_db_fail(s);
}

char *
store_tag_spelling(struct store *s, const char *tag)
{
	char *copy = xstrdup(tag);
	struct spelling sp;

	text_squeeze(copy);
	sp.folded = store_tag_fold(copy);
	sp.found = NULL;
	if (*sp.folded && (each_tag(s, same_fold, &sp) < 0 ||
	    (sp.found == NULL && any_tag(s, &sp) < 0))) {
		free((char *)sp.folded);
		free(copy);
		return NULL;
	}
	free((char *)sp.folded);
	if (sp.found == NULL)
		return copy;
	free(copy);
	return sp.found;
}

void
store_tags_split(const char *typed, struct strlist *tags)
{
	char *copy = xstrdup(typed), *save = NULL;

	/* "a, b c" or "#a #b": commas or #s part tags; a tag may hold spaces. */
	for (char *t = strtok_r(copy, ",#", &save); t; t = strtok_r(NULL, ",#", &save)) {
		text_squeeze(t);
		if (*t)
			strlist_push(tags, xstrdup(t));
	}
	free(copy);
}

int
store_read_all(struct store *s, const char *before, int64_t *n)
{
	sqlite3_stmt *st;
	int rc;

	*n = 0;
	if (store_state_begin(s) < 0)
		return -1;
	/* One statement: an article too many or too few is not possible
	 * half way. The published dates sort as text (ISO 8601). */
	if ((st = store_stmt(s, "INSERT INTO state (hash, read_at) SELECT hash, " NOW
	    " FROM article a WHERE (?1 IS NULL OR a.published < ?1)"
	    " AND NOT EXISTS (SELECT 1 FROM state x WHERE x.hash = a.hash AND x.read_at IS NOT NULL)"
	    " ON CONFLICT (hash) DO UPDATE SET read_at = coalesce(state.read_at, excluded.read_at)"))
	    == NULL)
		return store_state_end(s, -1);
	if (before != NULL)
		sqlite3_bind_text(st, 1, before, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	store_stmt_done(s, st);
	if (rc != SQLITE_DONE)
		return store_state_end(s, store_db_fail(s));
	*n = sqlite3_changes(s->db);
	return store_state_end(s, 0);
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
		/* "Dân vận", "dân vận" and "dan van" are one tag: the
		 * spelling it was first given. */
		char *tag = store_tag_spelling(s, tags->items[i]);

		if (tag == NULL)
			return -1;
		rc = *tag ? run_id_text(s, "INSERT OR IGNORE INTO state_tag (hash, tag)"
		    " SELECT hash, ?2 FROM article WHERE id = ?1", id, tag) : 0;
		free(tag);
		if (rc < 0)
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
	rc = store_change(s, "UPDATE state SET bookmarked = NULL"
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
	if (tag != NULL) {
		char *spelt = store_tag_spelling(s, tag);

		if (spelt == NULL) {
			sqlite3_finalize(st);
			return -1;
		}
		sqlite3_bind_text(st, 1, spelt, -1, free);
	}
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
	rc = store_change(s, "DELETE FROM state_tag WHERE hash = (SELECT hash FROM article"
	    " WHERE id = ?1)", id, 0);
	if (rc >= 0)
		rc = bookmark_set(s, id, NULL, tags);
	return store_state_end(s, rc);
}

static int
queue_set(struct store *s, int64_t id, int on)
{
	int rc;

	if (on)
		return set_state(s, "queued", "(SELECT coalesce(max(queued), 0) + 1 FROM state"
		    " WHERE queued IS NOT NULL)", "queued = coalesce(state.queued, excluded.queued)"
		    " WHERE state.queued IS NULL", id, 0);
	rc = store_change(s, "UPDATE state SET queued = NULL"
	    " WHERE hash = (SELECT hash FROM article WHERE id = ?1) AND queued IS NOT NULL", id, 0);
	return rc < 0 ? -1 : rc > 0;
}

int
store_queue_set(struct store *s, int64_t id, int on)
{
	if (store_state_begin(s) < 0)
		return -1;
	return store_state_end(s, queue_set(s, id, on));
}

int
store_queue(struct store *s, store_item_fn fn, void *ctx)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT " ITEM_COLUMNS " FROM state st"
	    " JOIN article a ON a.hash = st.hash WHERE st.queued IS NOT NULL"
	    " ORDER BY st.queued, a.id");

	if (st == NULL)
		return -1;
	return store_each_item(s, st, fn, ctx) < 0 ? -1 : 0;
}

int
store_queue_count(struct store *s, int64_t *n)
{
	return store_int_query(s, "SELECT count(*) FROM state st JOIN article a ON a.hash = st.hash"
	    " WHERE st.queued IS NOT NULL", n);
}

int
store_queued(struct store *s, int64_t id)
{
	int64_t n = 0;
	sqlite3_stmt *st = store_stmt(s, "SELECT count(*) FROM state WHERE hash ="
	    " (SELECT hash FROM article WHERE id = ?1) AND queued IS NOT NULL");
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	store_stmt_done(s, st);
	return rc == SQLITE_ROW ? n > 0 : store_db_fail(s);
}
