/*
 * store-int.h: what the store's source files share; nothing outside
 * store*.c includes it.
 */
#ifndef LUOT_STORE_INT_H
#define LUOT_STORE_INT_H

#include <sqlite3.h>

#include "store.h"
#include "util.h"

/* Statements kept prepared (store-stmt.c). */
#define STORE_STMT_SLOTS 24

struct store_stmt_slot {
	char *sql;
	sqlite3_stmt *st;
	unsigned long used;	/* when last taken: the clock's value */
	int busy;		/* taken and not given back */
};

struct store {
	sqlite3 *db;
	long rank_window;	/* see RANK_WINDOW; 0: rank every hit */
	long prefix_terms;	/* store_set_prefix_cap(); 0: PREFIX_TERMS */
	long prefix_articles;	/* 0: PREFIX_SHARE of the articles */
	int (*interrupt_fn)(void *);	/* store_set_interrupt() */
	void *interrupt_ctx;
	double interrupt_asked;	/* when interrupt_fn was last called */
	double deadline;	/* store_until(): statements stop at this
				 * thread's CPU time (0: never) */
	int deadline_hit;	/* the last one stopped so */
	char *path;
	char *err;
	int read_only;		/* opened so: the file or its folder is */
	int wal_pages;		/* in the WAL after the last commit */
	int wal_restart_at;	/* WAL pages that make checkpoint() wait */
	int busy_ms;		/* how long to wait for another writer */
	double busy_since;	/* when the wait at hand began */
	sqlite3_stmt *add;
	sqlite3_stmt *index;	/* see index_pending() */
	sqlite3_stmt *unindex;	/* its 'delete' for a replaced article */
	sqlite3_stmt *term_doc;	/* luot_terms_doc() before each (fts.h) */
	/* The articles added and not yet indexed (index_pending): their
	 * texts in pend, where each is in pend_at. */
	struct buf pend;
	struct pend_text *pend_at;
	size_t npend, pend_cap;
	struct store_stmt_slot stmts[STORE_STMT_SLOTS];
	unsigned long stmt_clock;
	struct store_ckpt *ckpt;	/* see store_ckpt_start(); or NULL */
	int state_nested;	/* store_state_begin() savepoints open */
	int busy;		/* the last failure was the lock (store_busy) */
	int turn_fd;		/* PATH-turn (store_yield), -1 closed, -2 none */
	double turn_stuck_until;	/* no turns given before (monotonic s) */
	int group;		/* store_set_grouping(): one row a story */
	/* Articles added and not yet grouped (store-story.c): grouped at
	 * the commit, outside the savepoint each article is added in. */
	struct story_pend *story_pend;
	size_t nstory, story_cap;
	struct band_mem *band;	/* store_band_begin(), or NULL */
};

/* Group the articles added since the last call (store_commit), or forget
 * them (store_rollback). */
int store_story_flush(struct store *s);
void store_story_clear(struct store *s);

/* A band key of an article (store-band.c). */
struct band_row {
	int64_t key, id;
};

/* A band key as story_band keeps it: the week of day (STORY_BUCKET_DAYS;
 * 0 undated) above the band's 32-bit hash. */
int64_t store_band_key(int64_t day, int64_t hash);

/* Write the n rows of v to story_band (sorting v). 0 or -1. */
int store_band_write(struct store *s, struct band_row *v, size_t n);

/* While a big import holds band keys in memory (store_band_begin):
 * keep the n rows of v there, naming them in story-band-from; the rows
 * of key there but article not, up to max, into out; whether story_band
 * may hold key (no: it does not); write them all (all) or when enough
 * wait, within the transaction at hand. */
int store_band_bulk(const struct store *s);
int store_band_hold(struct store *s, const struct band_row *v, size_t n);
size_t store_band_find(struct store *s, int64_t key, int64_t not, int64_t *out, size_t max);
int store_band_maybe(const struct store *s, int64_t key);
int store_band_flush(struct store *s, int all);
void store_band_free(struct store *s);

/* Where one text is in struct store's pend; len PEND_NULL for NULL. */
struct pend_span {
	size_t at, len;
};
#define PEND_NULL ((size_t)-1)

/* An article to index: title, body, captions, author, source. */
struct pend_text {
	int64_t key;		/* its rowid in the index (SQL_FTS_KEY) */
	int del;		/* the texts to take out of the index, not in */
	size_t seq;		/* the order it came in */
	struct pend_span col[5];
};

/*
 * An article's rowid in the full-text index (schema 12): the minute it
 * was published, counted from 1900 (1 for earlier ones, 0 for none),
 * above its id, so that the index's order is date order, undated last,
 * and the same minute newest import first. The id is key & SQL_KEY_ID.
 * SQL_FTS_KEY(date, id) is the expression, in SQL so that the schema's
 * column and the bounds of a date filter are one definition; the column
 * is in the schema, so a change here needs a new schema.
 */
#define SQL_KEY_ID "68719476735"	/* (1 << 36) - 1 */
/* The first key of a dated article: below are the undated, by id. */
#define KEY_DATED ((int64_t)1 << 36)
#define SQL_MINUTE(date) \
	"coalesce(max(1, min(unixepoch(" date ") / 60 + 36816480, 134217727)), 0)"
#define SQL_FTS_KEY(date, id) "((" SQL_MINUTE(date) " << 36) | " id ")"

/* Conditions on the article "a": its reading state (schema 7). */
#define SQL_UNREAD "NOT EXISTS (SELECT 1 FROM state s WHERE s.hash = a.hash" \
	" AND s.read_at IS NOT NULL)"
#define SQL_BOOKMARKED "EXISTS (SELECT 1 FROM state s WHERE s.hash = a.hash" \
	" AND s.bookmarked IS NOT NULL)"
/* The index keys (SQL_FTS_KEY) of the articles whose content hashes the
 * statement hashes gives, from the index article_date_of_hash (schema 14;
 * the planner prefers the unique one on hash, which leaves the key to be
 * made from the article row: a page read each). */
#define SQL_KEYS_OF(hashes) "SELECT " SQL_FTS_KEY("k.published", "k.id") \
	" FROM article k INDEXED BY article_date_of_hash WHERE k.hash IN (" hashes ")"
/* ...of those tagged the parameter p. */
#define SQL_TAG_KEYS(p) SQL_KEYS_OF("SELECT hash FROM state_tag WHERE tag = " p)

/* The columns of every query that fills a store_item, in this order (the
 * article is "a"); its own columns come after them, from ITEM_NCOLS. */
#define ITEM_COLUMNS "a.id, a.title, a.published, a.crawled, a.author, a.source," \
	" a.path, a.words, " SQL_UNREAD ", " SQL_BOOKMARKED "," \
	" coalesce((SELECT s.position FROM state s WHERE s.hash = a.hash), 0), a.url," \
	" a.story, CASE WHEN a.story = a.id THEN (SELECT count(*) FROM article c" \
	" WHERE c.story = a.id) END, CASE WHEN a.story = a.id THEN (SELECT" \
	" group_concat(DISTINCT c.source) FROM article c WHERE c.story = a.id AND c.id != a.id) END"
#define ITEM_NCOLS 15

/* A statement of sql, prepared or kept from an earlier use; NULL on an
 * error (recorded). Give it back with store_stmt_done(), exactly once and
 * before the store closes, which resets it and clears its bindings (debug
 * builds assert the pairing). */
sqlite3_stmt *store_stmt(struct store *s, const char *sql);
void store_stmt_done(struct store *s, sqlite3_stmt *st);

/* Step a kept statement st (store_stmt) through its rows of
 * ITEM_COLUMNS, fn called with each until it returns non-zero; st is
 * given back. The rows given to fn, or -1 on an error. */
int store_each_item(struct store *s, sqlite3_stmt *st, store_item_fn fn, void *ctx);

/* Finalize the kept statements (before the connection closes). */
void store_stmt_free(struct store *s);

/* The background checkpointer (store-ckpt.c), for the WAL hook: wake it
 * when the WAL has pages enough to copy; pause it (waiting for a copy it
 * has begun) and resume it around a checkpoint of the writer's own. */
struct store_ckpt;
void store_ckpt_wake(struct store_ckpt *c, int pages);
void store_ckpt_pause(struct store_ckpt *c);
void store_ckpt_resume(struct store_ckpt *c);

/* Record SQLite's message for the last call, prefixed with the file;
 * returns -1. */
int store_db_fail(struct store *s);

/* Record a message of luot's own as the store's error. */
void store_set_err(struct store *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Statements stop (SQLITE_INTERRUPT, with deadline_hit set) once this
 * thread has worked ms more; 0: no limit (store-page.c). */
void store_until(struct store *s, double ms);

/* Run sql (no rows); 0, or -1 with the error recorded. */
int store_exec(struct store *s, const char *sql);

/* The first column of sql's first row into *out (left alone without a
 * row); 0, or -1 with the error recorded. */
int store_int_query(struct store *s, const char *sql, int64_t *out);

/* Roll back after a failure, keeping its message (not the rollback's). */
void store_rollback_keep(struct store *s);
/* Run sql (a kept statement, store_stmt) with text as ?1, once: 1 when it
 * gave a row, 0 when none, -1 on error (recorded). */
int store_step_text(struct store *s, const char *sql, const char *text);

/* Bind v to parameter i of st: NULL for NULL or "" (v must outlive the
 * statement's use). */
void store_bind_text(sqlite3_stmt *st, int i, const char *v);

/* Index the articles added since the last call (store-add.c), before
 * a commit; 0, or -1 with the error recorded. */
int store_index_pending(struct store *s);

/* Forget the articles waiting to be indexed (a rollback). */
void store_pending_clear(struct store *s);

/* Make or upgrade the schema (store-schema.c), under the write lock;
 * 0, or -1 with the error recorded. */
int store_migrate(struct store *s);

/* Column i as text, borrowed from st. */
const char *store_col(sqlite3_stmt *st, int i);

/* Run one kept statement (store_stmt) with an id as ?1 and, when it has
 * a second parameter, v as ?2; returns the rows changed or -1. */
int store_change(struct store *s, const char *sql, int64_t id, int64_t v);

/* Fill it from the ITEM_COLUMNS of the current row of st (borrowed). */
void store_fill_item(sqlite3_stmt *st, struct store_item *it);

/* The expression that finds the same hits as q->match most cheaply. */
const char *store_hits_expr(const struct query *q);

/* store_search_count() over the index's rows from floor (a key) up. */
int store_count_from(struct store *s, const struct query *q, long cap, int64_t floor,
    int64_t *n);

/* The index key of the n-th newest article (0: the newest), or 0 when
 * there are no more than n. */
int64_t store_key_of_newest(struct store *s, long n);

#endif
