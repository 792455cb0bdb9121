/*
 * store-dates.c: newest-first search, as store-int.h says.
 *
 * The full-text index gives hits in id order, and a newest-first search
 * wants the few newest by date. Sorting every hit reads the whole posting
 * list of a common word and every hit's row (seconds at a million
 * articles); walking the date index and asking the index about each row
 * costs milliseconds a row. Instead, id_block (schema 11) bounds the dates
 * in each block of 4096 ids. The blocks are read newest first, each
 * block's hits (id and date only) kept in a bounded list of the best, and
 * the walk stops at the first block whose newest date cannot beat the
 * last one kept. Articles are mostly imported in about the order they
 * were published (a feed, a crawl by id), so the walk reads a block or
 * two; in any order it reads every block, no worse than sorting all.
 * Then one statement reads the kept articles, with snippets, over the ids
 * they span.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "query.h"
#include "store.h"
#include "store-int.h"
#include "util.h"

/* Ids a block holds: as in schema 11's id >> 12. */
#define BLOCK_SHIFT 12

/* The most hits this walk keeps; past it the caller sorts them all. */
#define DATES_MAX 5000

/* With fewer hits than this, one statement reads them all: no walk. */
#define DATES_FEW 4096

struct key {
	int64_t id;
	char published[24];	/* ISO 8601; "" for none */
};

/* Is a before b, newest first: by date (none last), then by id? */
static int
newer(const struct key *a, const struct key *b)
{
	int c;

	if (!*a->published || !*b->published) {
		if (*a->published || *b->published)
			return *a->published != '\0';
		return a->id > b->id;
	}
	c = strcmp(a->published, b->published);
	return c != 0 ? c > 0 : a->id > b->id;
}

/* The best limit keys seen, newest first. */
struct best {
	struct key *v;
	size_t n, limit;
};

/* Would k be kept? */
static int
worth(const struct best *b, const struct key *k)
{
	return b->n < b->limit || newer(k, &b->v[b->n - 1]);
}

static int
keep_key(int64_t id, const char *published, void *ctx)
{
	struct best *b = ctx;
	struct key k = { id, "" };
	size_t lo = 0, hi;

	if (published != NULL)
		snprintf(k.published, sizeof k.published, "%s", published);
	if (!worth(b, &k))
		return 0;
	if (b->n == b->limit)
		b->n--;		/* the last one goes */
	/* Binary search for its place. */
	for (hi = b->n; lo < hi;) {
		size_t mid = (lo + hi) / 2;

		if (newer(&b->v[mid], &k))
			lo = mid + 1;
		else
			hi = mid;
	}
	memmove(&b->v[lo + 1], &b->v[lo], (b->n - lo) * sizeof *b->v);
	b->v[lo] = k;
	b->n++;
	return 0;
}

/* Can a block whose dates reach newest (NULL: none dated) hold a hit
 * the query's date filters take? */
static int
in_range(const struct query *q, const char *newest, const char *oldest)
{
	if (newest == NULL)
		return q->after == NULL && q->before == NULL && q->on == NULL;
	if (q->after && strcmp(newest, q->after) < 0)
		return 0;
	if (q->before && oldest != NULL && strcmp(oldest, q->before) >= 0)
		return 0;
	if (q->on && (strncmp(newest, q->on, strlen(q->on)) < 0 ||
	    (oldest != NULL && strncmp(oldest, q->on, strlen(q->on)) > 0)))
		return 0;
	return 1;
}

/* Walk the blocks newest first into b, until none can give a newer hit. */
static int
walk_blocks(struct store *s, const struct query *q, struct best *b)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT block, newest, oldest FROM id_block"
	    " ORDER BY newest DESC NULLS LAST, block DESC");
	int rc;

	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t block = sqlite3_column_int64(st, 0);
		const char *newest = store_col(st, 1), *oldest = store_col(st, 2);
		struct key top = { ((block + 1) << BLOCK_SHIFT) - 1, "" };

		if (newest != NULL)
			snprintf(top.published, sizeof top.published, "%s", newest);
		if (!worth(b, &top))
			break;	/* the blocks after it are no newer */
		if (!in_range(q, newest, oldest))
			continue;
		if (store_search_keys(s, q, block << BLOCK_SHIFT, (block + 1) << BLOCK_SHIFT,
		    keep_key, b) < 0) {
			rc = SQLITE_ERROR;
			break;
		}
	}
	store_stmt_done(s, st);
	if (rc == SQLITE_ERROR)
		return -1;
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : store_db_fail(s);
}

/* Do q's words have fewer than DATES_FEW hits, whatever its filters (a
 * count under a filter may read every hit)? 1, 0, or -1 on error. */
static int
few_hits(struct store *s, const struct query *q)
{
	int64_t floor;
	int many = store_window_floor(s, store_hits_expr(q), DATES_FEW, &floor);

	return many < 0 ? -1 : !many;
}

int
store_dates_search(struct store *s, const struct query *q, long limit, store_hit_fn fn,
    void *ctx)
{
	struct best b = { NULL, 0, (size_t)limit };
	struct buf ids;
	int64_t lo, hi;
	int rc, few;

	if (limit <= 0 || limit > DATES_MAX)
		return 1;
	if ((few = few_hits(s, q)) < 0)
		return -1;
	b.v = xcalloc(b.limit + 1, sizeof *b.v);
	rc = few ? store_search_keys(s, q, 0, 0, keep_key, &b) : walk_blocks(s, q, &b);
	if (rc < 0 || b.n == 0) {
		free(b.v);
		return rc;
	}
	buf_init(&ids);
	lo = hi = b.v[0].id;
	for (size_t i = 0; i < b.n; i++) {
		buf_printf(&ids, "%s%lld", i ? "," : "", (long long)b.v[i].id);
		lo = b.v[i].id < lo ? b.v[i].id : lo;
		hi = b.v[i].id > hi ? b.v[i].id : hi;
	}
	free(b.v);
	rc = store_search_ids(s, q, ids.data, lo, hi + 1, fn, ctx);
	buf_free(&ids);
	return rc;
}
