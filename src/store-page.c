/*
 * store-page.c: the store as the interface reads it: pages of the article
 * list around a key (keyset pagination: a page costs the same at the top
 * and a million rows down, and nothing holds the whole list), counts and
 * positions in it. The reading state is store-state.c's.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "store-int.h"
#include "text.h"
#include "util.h"

/*
 * In date order the list is the dated articles, newest first, then the
 * undated ones, newest import first: two runs of the (published, id)
 * index. page_sql[up][run][keyed] reads one run, down the list or up it
 * (nearest the key first), from a key or from the run's end. Separate
 * statements, not "?1 IS NULL OR ...": that would hide the range from
 * the planner, and a page a million rows down would walk them all.
 */
enum { RUN_DATED, RUN_UNDATED, RUN_IMPORT };

static const char *const page_sql[2][3][2] = {
	{	/* down */
		{ "WHERE a.published IS NOT NULL ORDER BY a.published DESC, a.id DESC LIMIT ?3",
		  "WHERE a.published IS NOT NULL AND (a.published, a.id) < (?1, ?2)"
		  " ORDER BY a.published DESC, a.id DESC LIMIT ?3" },
		{ "WHERE a.published IS NULL ORDER BY a.published DESC, a.id DESC LIMIT ?3",
		  "WHERE a.published IS NULL AND a.id < ?2"
		  " ORDER BY a.published DESC, a.id DESC LIMIT ?3" },
		{ "ORDER BY a.id DESC LIMIT ?3",
		  "WHERE a.id < ?2 ORDER BY a.id DESC LIMIT ?3" },
	},
	{	/* up */
		{ "WHERE a.published IS NOT NULL ORDER BY a.published, a.id LIMIT ?3",
		  "WHERE (a.published, a.id) > (?1, ?2) ORDER BY a.published, a.id LIMIT ?3" },
		{ "WHERE a.published IS NULL ORDER BY a.published, a.id LIMIT ?3",
		  "WHERE a.published IS NULL AND a.id > ?2 ORDER BY a.published, a.id LIMIT ?3" },
		{ "ORDER BY a.id LIMIT ?3",
		  "WHERE a.id > ?2 ORDER BY a.id LIMIT ?3" },
	},
};

/* Run "SELECT ITEM_COLUMNS FROM article a " tail with the key bound;
 * returns the rows given to fn or -1. */
static int
page_run(struct store *s, const char *tail, const struct store_key *key, int n,
    store_item_fn fn, void *ctx, int *stop)
{
	/* One row a story: its head, or an article alone. */
	const char *one = s->group ? "a.id NOT IN (SELECT article FROM story_copy)" : NULL;
	char *sql = one == NULL ? xasprintf("SELECT " ITEM_COLUMNS " FROM article a %s", tail) :
	    strncmp(tail, "WHERE ", 6) == 0 ?
	    xasprintf("SELECT " ITEM_COLUMNS " FROM article a WHERE %s AND %s", one, tail + 6) :
	    xasprintf("SELECT " ITEM_COLUMNS " FROM article a WHERE %s %s", one, tail);
	sqlite3_stmt *st = store_stmt(s, sql);
	int rc = SQLITE_DONE, rows = 0;

	free(sql);
	if (st == NULL)
		return -1;
	if (key != NULL && key->published[0])
		sqlite3_bind_text(st, 1, key->published, -1, SQLITE_STATIC);
	if (key != NULL)
		sqlite3_bind_int64(st, 2, key->id);
	sqlite3_bind_int(st, 3, n);
	while (!*stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct store_item it;

		store_fill_item(st, &it);
		rows++;
		if (fn(&it, ctx) != 0)
			*stop = 1;
	}
	store_stmt_done(s, st);
	if (!*stop && rc != SQLITE_DONE)
		return store_db_fail(s);
	return rows;
}

/* One run of the list, from key (NULL: from the run's end). */
static int
page_part(struct store *s, int up, int run, const struct store_key *key, int n,
    store_item_fn fn, void *ctx, int *stop)
{
	return page_run(s, page_sql[up][run][key != NULL], key, n, fn, ctx, stop);
}

int
store_page(struct store *s, enum store_order order, const struct store_key *key, int dir,
    int n, store_item_fn fn, void *ctx)
{
	int up = dir < 0, stop = 0, got = 0, r;
	/* The run the walk starts in, and the one it may cross into. */
	int first = up ? RUN_UNDATED : RUN_DATED, second = up ? RUN_DATED : RUN_UNDATED;

	if (order == STORE_ORDER_IMPORT)
		return page_part(s, up, RUN_IMPORT, key, n, fn, ctx, &stop);
	if (key != NULL && (key->published[0] != '\0') == (second == RUN_DATED))
		/* The key is in the second run already. */
		return page_part(s, up, second, key, n, fn, ctx, &stop);
	if ((got = page_part(s, up, first, key, n, fn, ctx, &stop)) < 0)
		return -1;
	if (got >= n || stop)
		return got;
	r = page_part(s, up, second, NULL, n - got, fn, ctx, &stop);
	return r < 0 ? -1 : got + r;
}

void
store_key_of(const struct store_item *it, struct store_key *key)
{
	key->id = it->id;
	snprintf(key->published, sizeof key->published, "%s", it->published ? it->published : "");
}

int
store_count(struct store *s, struct store_counts *c)
{
	sqlite3_stmt *st;
	int rc;

	/* Unread: all but those read, counted from the (few) read ones. */
	if (sqlite3_prepare_v2(s->db, "SELECT (SELECT count(*) FROM article),"
	    " (SELECT count(*) FROM state s JOIN article a ON a.hash = s.hash"
	    " WHERE s.read_at IS NOT NULL),"
	    " (SELECT count(*) FROM state s JOIN article a ON a.hash = s.hash"
	    " WHERE s.bookmarked IS NOT NULL),"
	    " (SELECT count(*) FROM story_copy)", -1, &st, NULL) != SQLITE_OK)
		return store_db_fail(s);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		c->articles = sqlite3_column_int64(st, 0);
		c->unread = c->articles - sqlite3_column_int64(st, 1);
		c->bookmarked = sqlite3_column_int64(st, 2);
		c->rows = c->articles - (s->group ? sqlite3_column_int64(st, 3) : 0);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : store_db_fail(s);
}

int
store_data_version(struct store *s, int64_t *v)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(s->db, "PRAGMA data_version", -1, &st, NULL) != SQLITE_OK)
		return store_db_fail(s);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : store_db_fail(s);
}

/*
 * SQLite calls this every INTERRUPT_STEPS steps of its machine; it asks
 * the store's function every INTERRUPT_MS at most. Steps differ a
 * thousandfold in cost (one step may rank a row of the full-text index),
 * so counting steps alone left seconds between checks.
 */
#define INTERRUPT_STEPS 64
#define INTERRUPT_MS 2.0

static int
interrupt_check(void *vs)
{
	struct store *s = vs;
	double now = monotonic_seconds();

	if ((now - s->interrupt_asked) * 1000 < INTERRUPT_MS)
		return 0;
	s->interrupt_asked = now;
	if (s->deadline > 0 && thread_cpu_seconds() >= s->deadline)
		return (s->deadline_hit = 1);
	return s->interrupt_fn != NULL && s->interrupt_fn(s->interrupt_ctx);
}

/* The handler, while a function or a deadline wants it. */
static void
progress_set(struct store *s)
{
	int on = s->interrupt_fn != NULL || s->deadline > 0;

	s->interrupt_asked = 0;
	sqlite3_progress_handler(s->db, on ? INTERRUPT_STEPS : 0, on ? interrupt_check : NULL, s);
}

void
store_set_interrupt(struct store *s, int (*fn)(void *), void *ctx)
{
	s->interrupt_fn = fn;
	s->interrupt_ctx = ctx;
	progress_set(s);
}

/*
 * The deadline counts this thread's work, not the clock: a count cut
 * short by its 5 ms when the process waited for a CPU gave another
 * --json total for the same query on a busy machine (cli-tidy, under
 * make -j2 distcheck). Reads from the disk are not counted.
 */
void
store_until(struct store *s, double ms)
{
	s->deadline = ms > 0 ? thread_cpu_seconds() + ms / 1000 : 0;
	s->deadline_hit = 0;
	progress_set(s);
}

int
store_interrupted(const struct store *s)
{
	return sqlite3_errcode(s->db) == SQLITE_INTERRUPT;
}

/* One count(*) with the key bound; -1 on error. */
static int64_t
count_sql(struct store *s, const char *sql, const struct store_key *key)
{
	sqlite3_stmt *st;
	int64_t n = -1;

	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return store_db_fail(s);
	if (sqlite3_bind_parameter_count(st) >= 1 && key->published[0])
		sqlite3_bind_text(st, 1, key->published, -1, SQLITE_STATIC);
	if (sqlite3_bind_parameter_count(st) >= 2)
		sqlite3_bind_int64(st, 2, key->id);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n < 0 ? store_db_fail(s) : n;
}

int
store_position(struct store *s, enum store_order order, const struct store_key *key,
    int64_t *n)
{
	int64_t a, b = 0, c = 0;

	if (order == STORE_ORDER_IMPORT)
		a = count_sql(s, "SELECT count(*) FROM article WHERE id > ?2", key);
	else if (key->published[0])
		a = count_sql(s, "SELECT count(*) FROM article WHERE (published, id) > (?1, ?2)", key);
	else if ((a = count_sql(s, "SELECT count(*) FROM article WHERE published IS NOT NULL",
	    key)) >= 0)
		b = count_sql(s, "SELECT count(*) FROM article WHERE published IS NULL AND id > ?2",
		    key);
	/* One row a story: less the copies above the key, counted from the
	 * copies (fewer than the articles). */
	if (s->group && a >= 0 && b >= 0) {
		if (order == STORE_ORDER_IMPORT)
			c = count_sql(s, "SELECT count(*) FROM story_copy WHERE article > ?2", key);
		else if (key->published[0])
			c = count_sql(s, "SELECT count(*) FROM story_copy y CROSS JOIN article a"
			    " ON a.id = y.article WHERE (a.published, a.id) > (?1, ?2)", key);
		else
			c = count_sql(s, "SELECT count(*) FROM story_copy y CROSS JOIN article a"
			    " ON a.id = y.article WHERE a.published IS NOT NULL OR a.id > ?2", key);
	}
	if (a < 0 || b < 0 || c < 0)
		return -1;
	*n = a + b - c + 1;
	return 0;
}

int
store_set_cache(struct store *s, int kib)
{
	char sql[64];

	snprintf(sql, sizeof sql, "PRAGMA cache_size = -%d", kib);
	if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return store_db_fail(s);
	return 0;
}
