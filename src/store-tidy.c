/*
 * store-tidy.c: the search index merged into one segment (store.h).
 *
 * FTS5 writes each batch an import commits as a new segment, and merges
 * segments of a level once luot's automerge (16) of them are there: an
 * import of a million articles leaves about 35. Every word looked up is
 * looked up in each, and read newest first it is read from the end of
 * each: at 1M articles `quang ninh`, newest first, took 121 ms with 35
 * segments and 29 ms with one; 4 common syllables 42 ms and 25; a
 * count among the newest articles 8 ms and under 1.
 *
 * Merging all segments rewrites the whole index (2 min 13 s at 1M, its
 * 6.7 GB), so an import does it only when the segments besides the
 * largest hold a quarter of the index or more: the work is then bounded
 * by a few times what the imports wrote. `luot tidy` does it at once.
 * The merge is FTS5's own incremental one, in steps of TIDY_STEP pages
 * each its own transaction: the WAL stays small, another program's
 * bookmark gets in between two steps, and a stopped tidy loses nothing.
 */
#include "config.h"

#include <string.h>

#include "i18n.h"
#include "store.h"
#include "store-int.h"

/* Leaf pages (about 4 KB) written by one step of the merge: 0.2 s. */
#define TIDY_STEP 2048
/* An import tidies when the segments besides the largest hold this part
 * of the index's pages (1/TIDY_SHARE)... */
#define TIDY_SHARE 4
/* ...or when there are this many (a lookup in each, for every word). */
#define TIDY_SEGMENTS 32

/*
 * FTS5's structure record (rowid 10 of article_fts_data, fts5_index.c):
 * a 4-byte cookie, then varints: levels, segments, a write counter; for
 * each level its merge and segment counts; for each segment its id,
 * first and last leaf page. A record of another shape (a later FTS5's,
 * flagged "FLG2") is not read: the answer is then "unknown", never
 * wrong.
 */
struct reader {
	const unsigned char *p, *end;
	int bad;
};

static uint64_t
varint(struct reader *r)
{
	uint64_t v = 0;

	for (int i = 0; i < 9; i++) {
		unsigned b;

		if (r->p >= r->end) {
			r->bad = 1;
			return 0;
		}
		b = *r->p++;
		if (i == 8)
			return (v << 8) | b;
		v = (v << 7) | (b & 0x7f);
		if (!(b & 0x80))
			break;
	}
	return v;
}

static int
parse_structure(const unsigned char *p, int n, struct store_index_shape *sh)
{
	struct reader r = { p + 4, p + n, 0 };
	uint64_t levels;

	memset(sh, 0, sizeof *sh);
	if (n < 4 || (n >= 8 && memcmp(p + 4, "FLG2", 4) == 0))
		return -1;
	levels = varint(&r);
	(void)varint(&r);	/* segments: counted below */
	(void)varint(&r);	/* write counter */
	for (uint64_t l = 0; l < levels && !r.bad; l++) {
		uint64_t nseg;

		(void)varint(&r);	/* segments being merged */
		nseg = varint(&r);
		for (uint64_t k = 0; k < nseg && !r.bad; k++) {
			int64_t first, last, pages;

			(void)varint(&r);	/* segment id */
			first = (int64_t)varint(&r);
			last = (int64_t)varint(&r);
			pages = last >= first ? last - first + 1 : 0;
			sh->segments++;
			sh->pages += pages;
			if (pages > sh->largest)
				sh->largest = pages;
		}
	}
	return r.bad ? -1 : 0;
}

int
store_index_shape(struct store *s, struct store_index_shape *sh)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT block FROM article_fts_data WHERE id = 10");
	int rc;

	memset(sh, 0, sizeof *sh);
	if (st == NULL)
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && parse_structure(sqlite3_column_blob(st, 0),
	    sqlite3_column_bytes(st, 0), sh) < 0)
		sh->segments = -1;
	store_stmt_done(s, st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_db_fail(s);
	return 0;
}

int
store_tidy_wanted(struct store *s)
{
	struct store_index_shape sh;

	if (s->read_only || store_index_shape(s, &sh) < 0 || sh.segments < 2)
		return 0;
	return sh.segments >= TIDY_SEGMENTS ||
	    (sh.pages - sh.largest) * TIDY_SHARE >= sh.pages;
}

/* One step of the merge, in a transaction of its own: 1 when it did
 * some work, 0 when there was none left, -1 on error. */
static int
tidy_step(struct store *s, int first)
{
	sqlite3_stmt *st = store_stmt(s, "INSERT INTO article_fts (article_fts, rank)"
	    " VALUES ('merge', ?1)");
	int64_t before = sqlite3_total_changes64(s->db);
	int rc;

	if (st == NULL)
		return -1;
	/* Negative: all segments become one level's, to be merged into
	 * one; positive: go on with that merge. */
	sqlite3_bind_int(st, 1, first ? -TIDY_STEP : TIDY_STEP);
	rc = sqlite3_step(st);
	store_stmt_done(s, st);
	if (rc != SQLITE_DONE)
		return store_db_fail(s);
	/* The command itself is one change; a merge that wrote is more. */
	return sqlite3_total_changes64(s->db) - before >= 2;
}

int
store_tidy(struct store *s, store_tidy_fn fn, void *ctx)
{
	struct store_index_shape sh;
	int64_t done = 0;
	int rc, first = 1;

	if (s->read_only) {
		store_set_err(s, "%s: %s", s->path, _("the database is read-only"));
		return -1;
	}
	if (store_index_shape(s, &sh) < 0)
		return -1;
	if (sh.segments >= 0 && sh.segments < 2)
		return 0;
	while ((rc = tidy_step(s, first)) > 0) {
		first = 0;
		/* A merge writes about as many pages as it reads. */
		done += TIDY_STEP;
		if (fn != NULL && fn(done < sh.pages ? done : sh.pages - 1, sh.pages, ctx))
			break;
		/* A bookmark waiting gets in between two steps. */
		store_yield(s, 0);
	}
	return rc < 0 ? -1 : 0;
}
