/*
 * store-add.c: adding articles, as store.h says: the row, its texts kept
 * for the index until the batch commits, replacing an article extracted
 * again with its state moved to the new text, deleting, the kept pages,
 * the hashes that tell duplicates, and giving free pages back.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "date.h"
#include "store.h"
#include "store-int.h"
#include "url.h"
#include "util.h"
#include "zip.h"

/* store_trim() gives free pages back when they are more than this part of
 * the file: fewer are reused by the next import soon enough. */
#define TRIM_FRACTION 10

size_t
store_pending_bytes(const struct store *s)
{
	return s->pend.len;
}

/* Nothing is waiting to be indexed. */
void
store_pending_clear(struct store *s)
{
	s->npend = 0;
	buf_reset(&s->pend);
}

/* Where v is kept in s->pend, appended; NULL and "" are kept as NULL, as
 * store_bind_text() stores them. */
static struct pend_span
pending_keep(struct store *s, const char *v)
{
	struct pend_span sp = { 0, PEND_NULL };

	if (v != NULL && *v != '\0') {
		sp.at = s->pend.len;
		sp.len = strlen(v);
		buf_add(&s->pend, v, sp.len);
	}
	return sp;
}

/* Room for one more article's texts in s->pend_at. */
static struct pend_text *
pending_slot(struct store *s, int64_t key, int del)
{
	struct pend_text *p;

	if (s->npend == s->pend_cap) {
		s->pend_cap = s->pend_cap ? 2 * s->pend_cap : 256;
		s->pend_at = xrealloc(s->pend_at, s->pend_cap * sizeof *s->pend_at);
	}
	p = &s->pend_at[s->npend];
	p->seq = s->npend++;
	p->key = key;
	p->del = del;
	return p;
}

/*
 * Keep what index_pending() gives the index under key: the article's text as
 * stored, the body and captions before compression (the workers made
 * them; decompressing them again would be the writing thread's work, and
 * that thread sets the import's pace).
 */
static void
pending_add(struct store *s, const struct article *a, int64_t key)
{
	struct pend_text *p = pending_slot(s, key, 0);

	p->col[0] = pending_keep(s, a->title);
	p->col[1] = pending_keep(s, a->body);
	p->col[2] = pending_keep(s, a->captions_text);
	p->col[3] = pending_keep(s, a->author);
	p->col[4] = pending_keep(s, a->source);
}

/* Keep the texts an article was indexed with under key, to take them out
 * of the index before its new ones go in (store_replace). */
static void
pending_del(struct store *s, int64_t key, char *const cols[5])
{
	struct pend_text *p = pending_slot(s, key, 1);

	for (int c = 0; c < 5; c++)
		p->col[c] = pending_keep(s, cols[c]);
}

/* Prepare *st once, for the life of the store (store_close finalizes
 * it): the statements every article runs. Returns 0 or -1. */
static int
prepare_kept(struct store *s, sqlite3_stmt **st, const char *sql)
{
	if (*st == NULL &&
	    sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, st, NULL) != SQLITE_OK)
		return store_db_fail(s);
	return 0;
}

/* Ascending keys; for one key, in the order given (a text goes out of the
 * index only after it went in). */
static int
by_key(const void *va, const void *vb)
{
	const struct pend_text *a = va, *b = vb;

	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/*
 * Index the articles added since the last call, from the texts store_add
 * kept, and count the terms they bring in the table "term".
 *
 * One INSERT a row: a statement that writes one row of a virtual table
 * needs no statement journal, so FTS5 gets no savepoint and keeps its
 * pending terms in memory to the commit, as it does for one INSERT ...
 * SELECT of the whole batch (the same index). What made a
 * segment an article in schema 3 was the insert trigger: an INSERT with
 * a trigger does get a savepoint, and FTS5 writes its terms out at each.
 *
 * In the order of their keys: FTS5 also writes its terms out as a new
 * segment whenever a row's key is below the last one's, and the keys are
 * dates, in no order in a folder of pages (5,000 real pages made 36
 * segments before merges, and as many merges).
 */
int
store_index_pending(struct store *s)
{
	if (s->npend == 0)
		return 0;
	qsort(s->pend_at, s->npend, sizeof *s->pend_at, by_key);
	if (prepare_kept(s, &s->index,
	    "INSERT INTO article_fts (rowid, title, body, captions, author, source)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)") < 0 ||
	    prepare_kept(s, &s->unindex,
	    "INSERT INTO article_fts (article_fts, rowid, title, body, captions, author, source)"
	    " VALUES ('delete', ?1, ?2, ?3, ?4, ?5, ?6)") < 0 ||
	    prepare_kept(s, &s->term_doc, "SELECT luot_terms_doc(?1)") < 0)
		return -1;
	for (size_t k = 0; k < s->npend; k++) {
		const struct pend_text *p = &s->pend_at[k];
		sqlite3_stmt *st = p->del ? s->unindex : s->index;
		int rc;

		/* The terms' counts (fts.h): one article, in or out. */
		sqlite3_bind_int(s->term_doc, 1, p->del ? -1 : 1);
		rc = sqlite3_step(s->term_doc);
		sqlite3_reset(s->term_doc);
		if (rc != SQLITE_ROW)
			return store_db_fail(s);
		sqlite3_bind_int64(st, 1, p->key);
		for (int c = 0; c < 5; c++) {
			if (p->col[c].len == PEND_NULL)
				sqlite3_bind_null(st, c + 2);
			else
				sqlite3_bind_text(st, c + 2, s->pend.data + p->col[c].at,
				    (int)p->col[c].len, SQLITE_STATIC);
		}
		rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			return store_db_fail(s);
	}
	sqlite3_clear_bindings(s->index);
	sqlite3_clear_bindings(s->unindex);
	if (store_exec(s, "SELECT luot_terms_flush()") < 0)
		return -1;
	store_pending_clear(s);
	return 0;
}

int
store_trim(struct store *s)
{
	int64_t mode, pages, unused;

	if (s->read_only)
		return 0;
	if (store_int_query(s, "PRAGMA auto_vacuum", &mode) < 0 ||
	    store_int_query(s, "PRAGMA page_count", &pages) < 0 ||
	    store_int_query(s, "PRAGMA freelist_count", &unused) < 0)
		return -1;
	if (mode != 2 || unused * TRIM_FRACTION <= pages)
		return 0;
	return store_exec(s, "PRAGMA incremental_vacuum");
}

static void
bind_date(sqlite3_stmt *st, int i, const struct date *d, char *buf)
{
	date_iso(d, buf);
	store_bind_text(st, i, buf);
	store_bind_text(st, i + 1, date_prec_name(d->prec));
}

/* Insert the article's row; 1 when added, 0 for a duplicate. */
static int
add_row(struct store *s, struct article *a, const char *path, int64_t *id)
{
	char pub[DATE_ISO_MAX], crawl[DATE_ISO_MAX];
	int64_t new_id, key;
	int rc;

	if (prepare_kept(s, &s->add,
	    "INSERT INTO article (hash, title, author, source, published,"
	    " published_prec, crawled, crawled_prec, path, imported, body,"
	    " captions, words, original, url, site, feed_id, link, links) VALUES (?1, ?2, ?3,"
	    " ?4, ?5, ?6, ?7, ?8, ?9, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?10, ?11, ?12, ?13,"
	    " ?14, ?15, ?16, ?17, ?18)"
	    /* The same text, or the same address (schema 16): a duplicate. */
	    " ON CONFLICT DO NOTHING RETURNING id, fts_key") < 0)
		return -1;
	if (!a->packed)
		article_pack(a);
	sqlite3_bind_blob(s->add, 1, a->hash, sizeof a->hash, SQLITE_STATIC);
	store_bind_text(s->add, 2, a->title);
	store_bind_text(s->add, 3, a->author);
	store_bind_text(s->add, 4, a->source);
	bind_date(s->add, 5, &a->published, pub);
	bind_date(s->add, 7, &a->crawled, crawl);
	sqlite3_bind_text(s->add, 9, path, -1, SQLITE_STATIC);
	sqlite3_bind_blob(s->add, 10, a->zbody.data, (int)a->zbody.len, SQLITE_STATIC);
	sqlite3_bind_blob(s->add, 11, a->zcaptions.data, (int)a->zcaptions.len, SQLITE_STATIC);
	sqlite3_bind_int64(s->add, 12, (sqlite3_int64)a->words);
	if (a->zoriginal.len > 0)
		sqlite3_bind_blob(s->add, 13, a->zoriginal.data, (int)a->zoriginal.len,
		    SQLITE_STATIC);
	else
		sqlite3_bind_null(s->add, 13);
	if (a->url != NULL) {
		sqlite3_bind_text(s->add, 14, a->url, -1, SQLITE_STATIC);
		sqlite3_bind_text(s->add, 15, url_site(a->url), -1, free);
	}
	if (a->feed_id > 0)
		sqlite3_bind_int64(s->add, 16, a->feed_id);
	store_bind_text(s->add, 17, a->link);
	store_bind_text(s->add, 18, a->links);
	/* A row comes back when one was added; none for a duplicate. */
	new_id = key = 0;
	if ((rc = sqlite3_step(s->add)) == SQLITE_ROW) {
		new_id = sqlite3_column_int64(s->add, 0);
		key = sqlite3_column_int64(s->add, 1);
		rc = sqlite3_step(s->add);
	}
	sqlite3_reset(s->add);
	sqlite3_clear_bindings(s->add);
	if (rc != SQLITE_DONE)
		return store_db_fail(s);
	if (new_id == 0)
		return 0;
	if (store_story_add(s, new_id, a) < 0)
		return -1;
	pending_add(s, a, key);
	if (id != NULL)
		*id = new_id;
	return 1;
}

/* Run one statement kept for reuse (store-stmt.c): for the savepoint
 * around each article, which runs a thousand times a batch. */
static int
exec_kept(struct store *s, const char *sql)
{
	sqlite3_stmt *st = store_stmt(s, sql);
	int rc;

	if (st == NULL)
		return -1;
	rc = sqlite3_step(st);
	store_stmt_done(s, st);
	return rc == SQLITE_DONE ? 0 : store_db_fail(s);
}

/*
 * Is the last failure the article's own (a constraint it breaks, a value
 * too large), so that the batch may go on without it? A full disk, an
 * I/O error or a lock is the store's: the import must stop.
 */
static int
article_fault(struct store *s)
{
	int e = sqlite3_errcode(s->db) & 0xff;

	return (e == SQLITE_CONSTRAINT || e == SQLITE_TOOBIG || e == SQLITE_MISMATCH) &&
	    !sqlite3_get_autocommit(s->db);
}

/*
 * Add an article. Inside store_begin() it is written under a savepoint
 * of its own, so that an article the store refuses leaves the batch
 * whole; it is indexed at store_commit() with the rest of the batch.
 * Alone, it gets a transaction of its own so that no article is ever
 * stored without its index.
 */
int
store_add(struct store *s, struct article *a, const char *path, int64_t *id)
{
	int own = sqlite3_get_autocommit(s->db), rc;

	if (own) {
		if (store_begin(s) < 0)
			return -1;
		rc = add_row(s, a, path, id);
		if (rc < 0 || store_commit(s) < 0) {
			int refused = rc < 0 && article_fault(s);

			store_rollback_keep(s);
			return refused ? STORE_REFUSED : -1;
		}
		return rc;
	}
	if (exec_kept(s, "SAVEPOINT article") < 0)
		return -1;
	rc = add_row(s, a, path, id);
	if (rc >= 0)
		return exec_kept(s, "RELEASE article") < 0 ? -1 : rc;
	if (!article_fault(s))
		return -1;
	store_set_err(s, "%s", sqlite3_errmsg(s->db));
	if (exec_kept(s, "ROLLBACK TO article") < 0 || exec_kept(s, "RELEASE article") < 0)
		return -1;
	return STORE_REFUSED;
}

/* The columns store_replace() compares, as the row has them. */
struct old_row {
	char *col[5];		/* title, body, captions, author, source (texts) */
	char *published, *published_prec, *crawled, *crawled_prec;
	unsigned char hash[ARTICLE_HASH_LEN];
	int64_t key;		/* fts_key */
	int has_original;
};

static void
old_row_free(struct old_row *o)
{
	for (int c = 0; c < 5; c++)
		free(o->col[c]);
	free(o->published);
	free(o->published_prec);
	free(o->crawled);
	free(o->crawled_prec);
}

static char *
col_dup(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? NULL : xstrdup(store_col(st, i));
}

/* Article id's row as store_replace() needs it: 1, 0 when there is none,
 * -1 on error. */
static int
old_row_read(struct store *s, int64_t id, struct old_row *o)
{
	sqlite3_stmt *st = store_stmt(s,
	    "SELECT title, luot_unzip(body), luot_unzip(captions), author, source, published,"
	    " published_prec, crawled, crawled_prec, hash, original IS NOT NULL, fts_key"
	    " FROM article WHERE id = ?1");
	int rc;

	memset(o, 0, sizeof *o);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		for (int c = 0; c < 5; c++)
			o->col[c] = col_dup(st, c);
		o->published = col_dup(st, 5);
		o->published_prec = col_dup(st, 6);
		o->crawled = col_dup(st, 7);
		o->crawled_prec = col_dup(st, 8);
		if (sqlite3_column_bytes(st, 9) == ARTICLE_HASH_LEN)
			memcpy(o->hash, sqlite3_column_blob(st, 9), ARTICLE_HASH_LEN);
		o->has_original = sqlite3_column_int(st, 10);
		o->key = sqlite3_column_int64(st, 11);
	}
	store_stmt_done(s, st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_db_fail(s);
	return rc == SQLITE_ROW;
}

/* NULL and "" are the same, as store_bind_text() stores them. */
static int
same_text(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

/* Move the reading state (read, position, bookmark, note, tags) kept
 * under the old content hash to the new one; the article's own state
 * wins over any left under the new hash. */
static int
move_state(struct store *s, const unsigned char *from, const unsigned char *to)
{
	static const char *const sql[] = {
		"DELETE FROM state WHERE hash = ?2 AND EXISTS (SELECT 1 FROM state WHERE hash = ?1)",
		"UPDATE state SET hash = ?2 WHERE hash = ?1",
		"INSERT OR IGNORE INTO state_tag (hash, tag) SELECT ?2, tag FROM state_tag WHERE hash = ?1",
		"DELETE FROM state_tag WHERE hash = ?1",
	};

	for (size_t k = 0; k < sizeof sql / sizeof sql[0]; k++) {
		sqlite3_stmt *st = store_stmt(s, sql[k]);
		int rc;

		if (st == NULL)
			return -1;
		sqlite3_bind_blob(st, 1, from, ARTICLE_HASH_LEN, SQLITE_STATIC);
		sqlite3_bind_blob(st, 2, to, ARTICLE_HASH_LEN, SQLITE_STATIC);
		rc = sqlite3_step(st);
		store_stmt_done(s, st);
		if (rc != SQLITE_DONE)
			return store_db_fail(s);
	}
	return 0;
}

/* Write a's fields over article id's row (under a savepoint); *key is
 * its new rowid in the index. */
static int
replace_row(struct store *s, int64_t id, struct article *a, int64_t *key)
{
	char pub[DATE_ISO_MAX], crawl[DATE_ISO_MAX];
	sqlite3_stmt *st = store_stmt(s,
	    "UPDATE article SET hash = ?1, title = ?2, author = ?3, source = ?4, published = ?5,"
	    " published_prec = ?6, crawled = ?7, crawled_prec = ?8, body = ?9, captions = ?10,"
	    " words = ?11, original = coalesce(?12, original), links = ?14 WHERE id = ?13"
	    " RETURNING fts_key");
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_blob(st, 1, a->hash, ARTICLE_HASH_LEN, SQLITE_STATIC);
	store_bind_text(st, 2, a->title);
	store_bind_text(st, 3, a->author);
	store_bind_text(st, 4, a->source);
	bind_date(st, 5, &a->published, pub);
	bind_date(st, 7, &a->crawled, crawl);
	sqlite3_bind_blob(st, 9, a->zbody.data, (int)a->zbody.len, SQLITE_STATIC);
	sqlite3_bind_blob(st, 10, a->zcaptions.data, (int)a->zcaptions.len, SQLITE_STATIC);
	sqlite3_bind_int64(st, 11, (sqlite3_int64)a->words);
	if (a->zoriginal.len > 0)
		sqlite3_bind_blob(st, 12, a->zoriginal.data, (int)a->zoriginal.len, SQLITE_STATIC);
	sqlite3_bind_int64(st, 13, id);
	store_bind_text(st, 14, a->links);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*key = sqlite3_column_int64(st, 0);
		rc = sqlite3_step(st);
	}
	store_stmt_done(s, st);
	return rc == SQLITE_DONE ? 0 : store_db_fail(s);
}

int
store_replace(struct store *s, int64_t id, struct article *a)
{
	struct old_row o;
	char pub[DATE_ISO_MAX], crawl[DATE_ISO_MAX];
	const char *now[5];
	int64_t key;
	int rc, reindex = 0, changed;

	if (sqlite3_get_autocommit(s->db)) {
		/* Alone: a transaction of its own, indexed at its commit. */
		if (store_begin(s) < 0)
			return -1;
		rc = store_replace(s, id, a);
		if (rc < 0 || store_commit(s) < 0) {
			store_rollback_keep(s);
			return rc == STORE_REFUSED ? rc : -1;
		}
		return rc;
	}
	if (!a->packed)
		article_pack(a);
	if ((rc = old_row_read(s, id, &o)) <= 0)
		return rc;
	now[0] = a->title;
	now[1] = a->body;
	now[2] = a->captions_text;
	now[3] = a->author;
	now[4] = a->source;
	for (int c = 0; c < 5; c++)
		reindex |= !same_text(o.col[c], now[c]);
	date_iso(&a->published, pub);
	date_iso(&a->crawled, crawl);
	changed = reindex || !same_text(o.published, pub) || !same_text(o.crawled, crawl) ||
	    !same_text(o.published_prec, date_prec_name(a->published.prec)) ||
	    !same_text(o.crawled_prec, date_prec_name(a->crawled.prec)) ||
	    (!o.has_original && a->zoriginal.len > 0);
	if (!changed) {
		old_row_free(&o);
		return 0;
	}
	if (exec_kept(s, "SAVEPOINT article") < 0) {
		old_row_free(&o);
		return -1;
	}
	key = o.key;
	rc = replace_row(s, id, a, &key);
	if (rc == 0 && memcmp(o.hash, a->hash, ARTICLE_HASH_LEN) != 0)
		rc = move_state(s, o.hash, a->hash);
	if (rc == 0 && reindex)
		rc = store_story_resign(s, id, a);
	if (rc < 0) {
		int refused = article_fault(s);

		if (refused)
			store_set_err(s, "%s", sqlite3_errmsg(s->db));
		old_row_free(&o);
		if (!refused || exec_kept(s, "ROLLBACK TO article") < 0 ||
		    exec_kept(s, "RELEASE article") < 0)
			return -1;
		return STORE_REFUSED;
	}
	if (exec_kept(s, "RELEASE article") < 0) {
		old_row_free(&o);
		return -1;
	}
	/* A new date is a new place in the index, even for the same text. */
	if (reindex || key != o.key) {
		pending_del(s, o.key, o.col);
		pending_add(s, a, key);
	}
	old_row_free(&o);
	return 1;
}

void
store_page_free(struct store_page *p)
{
	free(p->path);
	free(p->original);
	memset(p, 0, sizeof *p);
}

int
store_pages(struct store *s, int64_t after, int limit, struct store_page **out, size_t *n)
{
	sqlite3_stmt *st = store_stmt(s,
	    "SELECT id, path, original, luot_unzip(body) FROM article WHERE id > ?1"
	    " ORDER BY id LIMIT ?2");
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, after);
	sqlite3_bind_int(st, 2, limit);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct store_page *p;

		if (*n == cap) {
			cap = cap ? 2 * cap : 64;
			*out = xrealloc(*out, cap * sizeof **out);
		}
		p = &(*out)[(*n)++];
		p->id = sqlite3_column_int64(st, 0);
		p->path = xstrdup(store_col(st, 1));
		p->original = NULL;
		p->corrupt = 0;
		if (sqlite3_column_type(st, 2) == SQLITE_BLOB) {
			/* The body is the original's dictionary (article_pack). */
			const char *body = store_col(st, 3);

			p->original = article_unpack_original(sqlite3_column_blob(st, 2),
			    (size_t)sqlite3_column_bytes(st, 2), body);
			p->corrupt = p->original == NULL;
		}
	}
	store_stmt_done(s, st);
	if (rc != SQLITE_DONE) {
		for (size_t i = 0; i < *n; i++)
			store_page_free(&(*out)[i]);
		free(*out);
		*out = NULL;
		*n = 0;
		return store_db_fail(s);
	}
	return 0;
}

int
store_hashes(struct store *s, unsigned char **out, size_t *n)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	/* The unique index gives them in memcmp order. */
	if (sqlite3_prepare_v2(s->db, "SELECT hash FROM article ORDER BY hash", -1, &st, NULL)
	    != SQLITE_OK)
		return store_db_fail(s);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (sqlite3_column_bytes(st, 0) != ARTICLE_HASH_LEN)
			continue;
		if (*n == cap) {
			cap = cap ? cap * 2 : 1024;
			*out = xrealloc(*out, cap * ARTICLE_HASH_LEN);
		}
		memcpy(*out + *n * ARTICLE_HASH_LEN, sqlite3_column_blob(st, 0), ARTICLE_HASH_LEN);
		(*n)++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(*out);
		*out = NULL;
		*n = 0;
		return store_db_fail(s);
	}
	return 0;
}

int
store_find_hash(struct store *s, const unsigned char *hash, int64_t *id, char **path)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT id, path FROM article WHERE hash = ?1");
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_blob(st, 1, hash, ARTICLE_HASH_LEN, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		*path = xstrdup(store_col(st, 1));
	}
	store_stmt_done(s, st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_db_fail(s);
	return rc == SQLITE_ROW;
}

int
store_delete(struct store *s, int64_t id)
{
	sqlite3_stmt *st;
	int rc;

	if (store_story_forget(s, id) < 0)
		return -1;
	if (sqlite3_prepare_v2(s->db, "DELETE FROM article WHERE id = ?1", -1, &st, NULL) != SQLITE_OK)
		return store_db_fail(s);
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_db_fail(s);
	return sqlite3_changes(s->db) > 0;
}
