/*
 * store-stmt.c: prepared statements kept for reuse. A search as you type
 * runs the same few statements at every keystroke, and preparing one
 * (parsing, planning the FTS5 join) is a large part of a small search;
 * the list pane does the same at every page. A statement is
 * taken, used, and given back reset, so none holds a read transaction
 * between uses.
 */
#include "config.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "store-int.h"
#include "util.h"

sqlite3_stmt *
store_stmt(struct store *s, const char *sql)
{
	struct store_stmt_slot *old = NULL;
	sqlite3_stmt *st;

	for (int i = 0; i < STORE_STMT_SLOTS; i++) {
		struct store_stmt_slot *k = &s->stmts[i];

		if (k->busy)
			continue;
		if (k->sql != NULL && strcmp(k->sql, sql) == 0) {
			k->busy = 1;
			k->used = ++s->stmt_clock;
			return k->st;
		}
		/* The least recently used; an empty slot (used 0) first. */
		if (old == NULL || k->used < old->used)
			old = k;
	}
	/* A statement in use is not shared: a callback of a search may
	 * search again. With every slot busy, this one is not kept. */
	if (sqlite3_prepare_v3(s->db, sql, -1, old != NULL ? SQLITE_PREPARE_PERSISTENT : 0,
	    &st, NULL) != SQLITE_OK) {
		store_db_fail(s);
		return NULL;
	}
	if (old != NULL) {
		sqlite3_finalize(old->st);
		free(old->sql);
		old->sql = xstrdup(sql);
		old->st = st;
		old->busy = 1;
		old->used = ++s->stmt_clock;
	}
	return st;
}

void
store_stmt_done(struct store *s, sqlite3_stmt *st)
{
	assert(st != NULL);
	for (int i = 0; i < STORE_STMT_SLOTS; i++) {
		struct store_stmt_slot *k = &s->stmts[i];

		if (k->st == st) {
			/* Given back once: a second time, it would be
			 * reset under whoever took it next. */
			assert(k->busy);
			/* The error of a failed step stays the connection's
			 * (sqlite3_errmsg) after the reset, as after a
			 * finalize. Bindings may point at the caller's
			 * strings: cleared. */
			sqlite3_reset(st);
			sqlite3_clear_bindings(st);
			k->busy = 0;
			return;
		}
	}
	/* Not kept (every slot was busy): this was its only use. */
	sqlite3_finalize(st);
}

void
store_stmt_free(struct store *s)
{
	for (int i = 0; i < STORE_STMT_SLOTS; i++) {
		/* Every statement taken was given back. */
		assert(!s->stmts[i].busy);
		sqlite3_finalize(s->stmts[i].st);
		free(s->stmts[i].sql);
	}
	memset(s->stmts, 0, sizeof s->stmts);
}

int
store_each_item(struct store *s, sqlite3_stmt *st, store_item_fn fn, void *ctx)
{
	int rc, n = 0;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct store_item it;

		store_fill_item(st, &it);
		n++;
		if (fn(&it, ctx) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	store_stmt_done(s, st);
	return rc == SQLITE_DONE ? n : store_db_fail(s);
}
