/*
 * store-search.c: searching, as store.h says: the query plans, the
 * ranking tiers past RANK_WINDOW hits and counts (prefixes are
 * store-prefix.c's, "did you mean" store-suggest.c's).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#include "query.h"
#include "store.h"
#include "store-int.h"
#include "util.h"

/* The phrase tier looks that many windows back, ranked (4 ranked 8,000
 * rows for a name most hits hold as a phrase: 154 ms at 1M)... */
#define TIER_SPAN 1
/* ...and past them, newest first, phrase hits as far back again (in
 * time: keys are dates) as that many windows reach: a phrase of common
 * words is rare among the hits of its words, and finding its older hits
 * reads positions of every one of them. */
#define PHRASE_DEPTH 16

/*
 * The rank function: bm25 that weighs a common word without reading all
 * its documents, in bands: several words adjacent in the title, adjacent
 * elsewhere, near, the rest (rank.c). Given the largest article id, and
 * the column weights: title, body, captions, author, source.
 */
#define RANK_FN "luot_band_rank(%lld, 10.0, 1.0, 1.0, 3.0, 3.0)"


enum search_mode {
	SEARCH_ROWS,		/* items with snippets */
	SEARCH_COUNT,		/* the number of hits, up to ?6 */
	SEARCH_EACH,		/* a row for each hit, up to ?6, to count */
	SEARCH_DAYS,		/* hits a day of publication, by its index keys */
	SEARCH_SOURCES,		/* hits a source (or site), most first */
};

/* Matches marked \x01...\x02, about 24 words of the body or captions
 * around the best ones (snippet.c). */
#define SNIPPET "luot_snippet(article_fts, 24)"

/* What a search statement does beyond the query's own conditions. */
struct search_shape {
	enum store_sort sort;
	enum search_mode mode;
	int floor, ceiling;	/* rowid >= ?7, rowid < ?10 */
	int one;		/* one key: no order (FTS5 seeks forwards to
				 * it; backwards it read every newer entry
				 * of each word: 75 ms a key at 1M) */
};

/* The article of an index row (SQL_FTS_KEY). */
#define SQL_ARTICLE_OF_ROW "(article_fts.rowid & " SQL_KEY_ID ")"

/*
 * Where the first article of date d ("2024", "2024-09", "2024-09-16", as
 * query.h's filters have them) stands in the index, and the first after
 * the span d names: the filters read only their stretch of the index.
 */
#define SQL_DAY(d) "substr(" d " || '-01-01', 1, 10)"
#define SQL_KEY_FROM(d) "(" SQL_MINUTE(SQL_DAY(d)) " << 36)"
#define SQL_KEY_PAST(d) "(" SQL_MINUTE(SQL_DAY(d) ", CASE length(" d ")" \
	" WHEN 4 THEN '+1 years' WHEN 7 THEN '+1 months' ELSE '+1 days' END") " << 36)"

/*
 * The index a query with words reads: the bookmarks' own (marked_fts,
 * schema 15) for is:bookmarked and tag:, which holds as many entries as
 * there are bookmarks; else the whole one. They have the same columns,
 * keys and tokenizer.
 */
static const char *
index_of(const struct query *q)
{
	return q->bookmarked || q->tag ? "marked_fts" : "article_fts";
}

/* The statement in b, taken, on the query's index: written for
 * article_fts, renamed for the other. */
static char *
on_index(struct buf *b, const struct query *q)
{
	const char *ix = index_of(q), *from = "article_fts", *at, *p;
	struct buf out;
	char *sql = buf_detach(b);

	if (strcmp(ix, from) == 0)
		return sql;
	buf_init(&out);
	for (at = sql; (p = strstr(at, from)) != NULL; at = p + strlen(from)) {
		buf_add(&out, at, (size_t)(p - at));
		buf_adds(&out, ix);
	}
	buf_adds(&out, at);
	free(sql);
	return buf_detach(&out);
}

/*
 * The date filters of q as bounds of the index's keys col, which the index
 * serves (dated rows only: 1 << 36 is the first minute); parameters ?2
 * after, ?3 before, ?4 on.
 */
static void
add_key_bounds(struct buf *b, const struct query *q, const char *col)
{
	if (q->after)
		buf_printf(b, " AND %s >= " SQL_KEY_FROM("?2"), col);
	if (q->before)
		buf_printf(b, " AND %s < " SQL_KEY_FROM("?3") " AND %s >= (1 << 36)", col, col);
	if (q->on)
		buf_printf(b, " AND %s >= " SQL_KEY_FROM("?4") " AND %s < " SQL_KEY_PAST("?4"),
		    col, col);
}

/* Bind the date filters of add_key_bounds(). */
static void
bind_key_bounds(sqlite3_stmt *st, const struct query *q)
{
	if (q->after)
		store_bind_text(st, 2, q->after);
	if (q->before)
		store_bind_text(st, 3, q->before);
	if (q->on)
		store_bind_text(st, 4, q->on);
}

/*
 * The SQL of a search with numbered parameters: ?1 the FTS5 expression,
 * ?2 after, ?3 before, ?4 on, ?5 exclusion, ?6 limit, ?7 lowest rowid,
 * ?8 the rank function, ?9 a tag, ?10 the rowid all hits are below, ?11 a
 * site. Only
 * the parameters it uses are in it.
 */
static char *
search_sql(const struct store *s, const struct query *q, const struct search_shape *sh)
{
	struct buf b;
	int fts = q->match != NULL;
	enum store_sort sort = sh->sort;
	enum search_mode mode = sh->mode;
	/* Counting needs the rows only for is:unread: the index holds the
	 * dates (SQL_FTS_KEY), a tag is a set of keys. A row a hit costs a
	 * page read. */
	int rows = !fts || (mode != SEARCH_COUNT && mode != SEARCH_EACH && mode != SEARCH_DAYS) ||
	    q->unread || q->site || q->queued;

	buf_init(&b);
	if (mode == SEARCH_DAYS)
		/* The index keys hold the minute (SQL_FTS_KEY): no row read. */
		buf_printf(&b, "SELECT (k >> 36) / 1440, count(*) FROM (SELECT %s AS k FROM ",
		    fts ? "article_fts.rowid" : "a.fts_key");
	else if (mode == SEARCH_SOURCES)
		buf_adds(&b, "SELECT k, count(*) FROM (SELECT coalesce(a.source, a.site, '') AS k"
		    " FROM ");
	else if (mode == SEARCH_EACH)
		buf_adds(&b, "SELECT 1 FROM ");
	else if (mode == SEARCH_COUNT)
		/* Up to ?6 hits: a common word's whole posting list is as
		 * long as the corpus is large. */
		buf_adds(&b, "SELECT count(*) FROM (SELECT 1 FROM ");
	else if (fts)
		buf_adds(&b, "SELECT " ITEM_COLUMNS ", " SNIPPET " FROM ");
	else
		buf_adds(&b, "SELECT " ITEM_COLUMNS ", NULL FROM ");
	if (fts && !rows)
		buf_adds(&b, "article_fts WHERE article_fts MATCH ?1");
	else if (fts)
		/* The index leads: a lookup of one row in it costs
		 * milliseconds. */
		buf_adds(&b, "article_fts CROSS JOIN article a ON a.id = " SQL_ARTICLE_OF_ROW
		    " WHERE article_fts MATCH ?1");
	else
		buf_adds(&b, "article a WHERE 1");
	if (fts && sort == STORE_SORT_RANK && mode == SEARCH_ROWS)
		buf_adds(&b, " AND article_fts.rank MATCH ?8");
	if (sh->floor)
		buf_adds(&b, " AND article_fts.rowid >= ?7");
	if (sh->ceiling)
		buf_adds(&b, " AND article_fts.rowid < ?10");
	if (q->after && rows)
		buf_adds(&b, " AND a.published >= ?2");
	if (q->before && rows)
		buf_adds(&b, " AND a.published < ?3");
	if (q->on && rows)
		buf_adds(&b, " AND a.published >= ?4 AND a.published < ?4 || char(127)");
	if (fts)
		add_key_bounds(&b, q, "article_fts.rowid");
	/* With words, the bookmarks' own index holds only bookmarked
	 * articles (index_of). */
	if (q->bookmarked && !fts)
		buf_adds(&b, " AND a.hash IN (SELECT hash FROM state WHERE bookmarked IS NOT NULL)");
	/* Checked on each hit's row: a page reads a few more rows than it
	 * shows, where the keys of the articles read, as a set, took 65 ms
	 * to make for 1,000 of them at 1M (a lookup each, a process cold). */
	if (q->unread)
		buf_adds(&b, " AND " SQL_UNREAD);
	/* The queue, the bookmarks, a tag without words: a few hashes, each
	 * an article found by it, not every article checked (a tag's count
	 * at 1M stopped at 63 of 300 in 50 ms). */
	if (q->queued)
		buf_adds(&b, " AND a.hash IN (SELECT hash FROM state WHERE queued IS NOT NULL)");
	/* The site or one under it: "vnexpress.net" holds "e.vnexpress.net".
	 * The sites under it are found among the store's sites, walked by
	 * their index a site at a time (a few hundred), so that the index
	 * finds the articles: an article-by-article test of the suffix read
	 * 1M rows in 0.5 s. */
	if (q->site)
		buf_adds(&b, " AND (a.site = ?11 OR a.site IN (WITH RECURSIVE sites(x) AS"
		    " (SELECT min(site) FROM article WHERE site > '' UNION ALL SELECT (SELECT"
		    " min(site) FROM article WHERE site > x) FROM sites WHERE x IS NOT NULL)"
		    " SELECT x FROM sites WHERE substr(x, -length(?11) - 1) = '.' || ?11))");
	/* One row a story: no hit that is a later copy, checked by its id
	 * against the copies' ids; no article row read. story:ID lists
	 * every copy. */
	if ((s->group || q->original) && q->story == 0)
		buf_adds(&b, fts ? " AND " SQL_ARTICLE_OF_ROW " NOT IN (SELECT article FROM story_copy)"
		    : " AND a.id NOT IN (SELECT article FROM story_copy)");
	if (q->story)
		buf_adds(&b, fts ? " AND " SQL_ARTICLE_OF_ROW " IN (SELECT id FROM article WHERE"
		    " story = (SELECT story FROM article WHERE id = ?12) UNION SELECT ?12)"
		    : " AND (a.story = (SELECT story FROM article WHERE id = ?12) OR a.id = ?12)");
	/* The tag's articles are few: their keys, read once, are the set
	 * the index's hits are checked against, before any article row is
	 * read. */
	if (q->tag)
		buf_adds(&b, fts ? " AND +article_fts.rowid IN (" SQL_TAG_KEYS("?9") ")"
		    : " AND a.hash IN (SELECT t.hash FROM state_tag t JOIN state s ON s.hash = t.hash"
		    " WHERE t.tag = ?9 AND s.bookmarked IS NOT NULL)");
	if (q->exclude)
		buf_adds(&b, fts ? " AND article_fts.rowid NOT IN (SELECT rowid FROM article_fts"
		    " WHERE article_fts MATCH ?5)" : " AND a.fts_key NOT IN (SELECT rowid FROM"
		    " article_fts WHERE article_fts MATCH ?5)");
	if (mode == SEARCH_COUNT || mode == SEARCH_EACH) {
		buf_adds(&b, mode == SEARCH_COUNT ? " LIMIT ?6)" : " LIMIT ?6");
		return on_index(&b, q);
	}
	if (mode == SEARCH_DAYS || mode == SEARCH_SOURCES) {
		buf_adds(&b, mode == SEARCH_DAYS ? " LIMIT ?6) GROUP BY 1 ORDER BY 1" :
		    " LIMIT ?6) GROUP BY 1 ORDER BY 2 DESC, k = '', k");
		return on_index(&b, q);
	}
	if (fts && sort == STORE_SORT_RANK)
		/* FTS5 sorts by rank itself, so snippets are made for the
		 * rows returned only, not for every hit. */
		buf_adds(&b, " ORDER BY article_fts.rank");
	else if (fts && !sh->one)
		/* The index's order is newest first (SQL_FTS_KEY). */
		buf_adds(&b, " ORDER BY article_fts.rowid DESC");
	else
		/* NULL sorts lowest: undated articles come last, and the
		 * (published, id) index serves the order. */
		buf_adds(&b, " ORDER BY a.published DESC, a.id DESC");
	buf_adds(&b, " LIMIT ?6");
	return on_index(&b, q);
}

/* The largest article id, or 0. */
static int64_t
last_id(struct store *s)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT max(id) FROM article");
	int64_t id = 0;

	if (st == NULL)
		return 0;
	if (sqlite3_step(st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	store_stmt_done(s, st);
	return id;
}

/* Is ?n in the statement's SQL? */
static int
has_param(sqlite3_stmt *st, int n)
{
	char name[8];

	snprintf(name, sizeof name, "?%d", n);
	return sqlite3_bind_parameter_index(st, name) > 0;
}

/* The bounds of the rowids a search statement reads: floor <= rowid <
 * ceiling; 0 for no bound. */
struct rowids {
	int64_t floor, ceiling;
};

static const struct rowids all_rows = { 0, 0 };

/* ?8: the rank function. */
static void
bind_rank_fn(struct store *s, sqlite3_stmt *st)
{
	char rank[sizeof RANK_FN + 24];

	snprintf(rank, sizeof rank, RANK_FN, (long long)last_id(s));
	sqlite3_bind_text(st, 8, rank, -1, SQLITE_TRANSIENT);
}

static void
bind_search(struct store *s, sqlite3_stmt *st, const struct query *q, const char *expr,
    long limit, struct rowids r)
{
	store_bind_text(st, 1, expr);
	store_bind_text(st, 2, q->after);
	store_bind_text(st, 3, q->before);
	store_bind_text(st, 4, q->on);
	store_bind_text(st, 5, q->exclude);
	if (has_param(st, 6))
		sqlite3_bind_int64(st, 6, limit);
	if (has_param(st, 7))
		sqlite3_bind_int64(st, 7, r.floor);
	if (has_param(st, 8))
		bind_rank_fn(s, st);
	if (has_param(st, 9)) {
		/* Matched folded, as tags are kept (store_tag_spelling). */
		char *tag = store_tag_spelling(s, q->tag);

		sqlite3_bind_text(st, 9, tag ? tag : q->tag, -1, tag ? free : SQLITE_STATIC);
	}
	if (has_param(st, 10))
		sqlite3_bind_int64(st, 10, r.ceiling);
	if (has_param(st, 11))
		store_bind_text(st, 11, q->site);
	if (has_param(st, 12))
		sqlite3_bind_int64(st, 12, q->story);
}

/*
 * The keys of the newest hits, read once: ranked steps ask where the
 * window-th newest hit stands, then the (TIER_SPAN * window)-th. Each was
 * a statement of its own with an OFFSET, reading the newest hits again
 * (with a third, 32,000 deep: 33, 102 and 57 ms for 4 common syllables at
 * 1M); one statement stepped on as far as asked reads them once, and
 * only as far as a step needs. Reading to the end also counts the hits.
 * How far back the phrase is looked for is read from their dates
 * (deep_floor).
 */
struct floors {
	sqlite3_stmt *st;
	long window;		/* the hits ranked (window_of) */
	char *expr;		/* what it reads, if not the query's hits */
	long seen;		/* hits read */
	int64_t newest;		/* the key of the first one read */
	int64_t last;		/* the key of the last one read */
	int end;		/* no more hits */
	int rc;			/* SQLite's error, or SQLITE_OK */
};

/*
 * expr with each quoted phrase made the AND of its words ("a b" becomes
 * "a" AND "b"), or NULL when it has no phrase of several words. Read
 * newest first, a phrase's position lists are read backwards, 30 times
 * slower than forwards; the words alone need no positions. Any floors
 * give every hit once (the steps split the keys between them), so those
 * of the words do.
 */
static char *
phrases_as_words(const char *expr)
{
	struct buf b;
	int quoted = 0, changed = 0;

	buf_init(&b);
	for (const char *p = expr; *p != '\0'; p++) {
		if (*p == '"' && quoted && p[1] == '"') {
			buf_add(&b, p, 2);	/* "" inside a string */
			p++;
		} else if (*p == '"') {
			quoted = !quoted;
			buf_addc(&b, '"');
		} else if (quoted && *p == ' ') {
			/* Spaces at either end of the string separate nothing. */
			while (p[1] == ' ')
				p++;
			if (b.len > 0 && b.data[b.len - 1] != '"' && p[1] != '"') {
				buf_adds(&b, "\" AND \"");
				changed = 1;
			}
		} else
			buf_addc(&b, *p);
	}
	if (!changed) {
		buf_free(&b);
		return NULL;
	}
	return buf_detach(&b);
}

/*
 * The newest hits a ranked search ranks: the store's window for one or two
 * words, fewer for more. Each word of a hit has its positions read to rank
 * it, and the window's floor and the older phrase hits are found in a
 * span of dates as long as the window's: 4 common syllables at 1M took
 * 67 ms for a first page where 2 take 10.
 */
static long
window_of(const struct store *s, const struct query *q)
{
	size_t n = q->words.len > 2 ? q->words.len : 2;
	long w = (long)(s->rank_window * 2 / n);

	return w > 0 ? w : 1;
}

static int
floors_start(struct store *s, const struct query *q, struct floors *f)
{
	struct buf b;

	memset(f, 0, sizeof *f);
	f->window = window_of(s, q);
	buf_init(&b);
	buf_printf(&b, "SELECT rowid FROM %s WHERE %s MATCH ?1", index_of(q), index_of(q));
	/* In a date range, the window is of its newest hits. */
	add_key_bounds(&b, q, "rowid");
	buf_adds(&b, " ORDER BY rowid DESC LIMIT ?6");
	f->st = store_stmt(s, b.data);
	buf_free(&b);
	if (f->st == NULL)
		return -1;
	f->expr = phrases_as_words(store_hits_expr(q));
	sqlite3_bind_text(f->st, 1, f->expr ? f->expr : store_hits_expr(q), -1, SQLITE_STATIC);
	bind_key_bounds(f->st, q);
	sqlite3_bind_int64(f->st, 6, f->window * TIER_SPAN);
	return 0;
}

/* The key of the n-th newest hit in *key: 1 when there are that many,
 * 0 when fewer, -1 on error. */
static int
floor_at(struct store *s, struct floors *f, long n, int64_t *key)
{
	while (f->seen < n && !f->end) {
		int rc = sqlite3_step(f->st);

		if (rc == SQLITE_ROW) {
			f->last = sqlite3_column_int64(f->st, 0);
			if (f->seen++ == 0)
				f->newest = f->last;
		} else {
			f->end = 1;
			if (rc != SQLITE_DONE)
				f->rc = rc;
		}
	}
	if (f->rc != SQLITE_OK)
		return store_db_fail(s);
	if (f->seen < n)
		return 0;
	*key = f->last;
	return 1;
}

/*
 * How far back the phrase is looked for, newest first, past the window
 * whose oldest hit is floor: PHRASE_DEPTH times the span of keys (dates,
 * or ids for undated articles) the window covers. Reading the words'
 * hits that far to count them cost 85 ms at 1M for 4 common syllables;
 * their dates are as good a bound. 0: every older hit.
 */
static int64_t
deep_floor(const struct floors *f, int64_t floor)
{
	int64_t span = f->newest - floor;

	/* A window reaching from dated to undated articles: all. */
	if (floor < KEY_DATED && f->newest >= KEY_DATED)
		return 0;
	if (span > (floor - (floor >= KEY_DATED ? KEY_DATED : 0)) / (PHRASE_DEPTH - 1))
		return floor >= KEY_DATED ? KEY_DATED : 0;
	return floor - (PHRASE_DEPTH - 1) * span;
}

/* Give the statement back, and what was learnt of the hits' count. */
static void
floors_end(struct store *s, struct floors *f, const struct query *q,
    struct store_search_info *info)
{
	/* The scan's cap cut it, or it saw every hit (of the words: an
	 * exclusion, is:unread or tag: would count fewer). */
	if (info != NULL && f->rc == SQLITE_OK && !f->expr && !q->exclude && !q->unread &&
	    !q->queued && !q->tag && !q->site && !s->group && !q->original && !q->story) {
		info->counted = f->seen;
		info->counted_all = f->end && f->seen < f->window * TIER_SPAN;
	}
	if (f->st != NULL)
		store_stmt_done(s, f->st);
	f->st = NULL;
	free(f->expr);
	f->expr = NULL;
}

const char *
store_hits_expr(const struct query *q)
{
	return q->all_words ? q->all_words : q->match;
}

/* Ids already given, so that steps do not repeat a hit: a set of ids
 * with open addressing (0 is no id: rowids start at 1). */
struct seen_ids {
	int64_t *v;
	size_t n, cap;		/* cap a power of two, or 0 */
};

/* Add id; 0 when it was in the set already. */
static int
seen_add(struct seen_ids *set, int64_t id)
{
	size_t i;

	if (2 * (set->n + 1) > set->cap) {
		struct seen_ids bigger = { NULL, 0, set->cap ? set->cap * 2 : 256 };

		bigger.v = xcalloc(bigger.cap, sizeof *bigger.v);
		for (size_t k = 0; k < set->cap; k++) {
			if (set->v[k] != 0)
				seen_add(&bigger, set->v[k]);
		}
		free(set->v);
		*set = bigger;
	}
	for (i = ((uint64_t)id * 0x9E3779B97F4A7C15u) & (set->cap - 1); set->v[i] != 0;
	    i = (i + 1) & (set->cap - 1)) {
		if (set->v[i] == id)
			return 0;
	}
	set->v[i] = id;
	set->n++;
	return 1;
}

struct step_ctx {
	store_hit_fn fn;
	void *ctx;
	struct seen_ids seen;
	long left;		/* hits still wanted; < 0: all */
	int stop;		/* fn asked to stop */
};

static int
step_hit(const struct store_item *it, const char *snippet, void *vctx)
{
	struct step_ctx *t = vctx;

	if (!seen_add(&t->seen, it->id))
		return 0;
	if (t->left > 0)
		t->left--;
	if (t->fn(it, snippet, t->ctx) != 0) {
		t->stop = 1;
		return 1;
	}
	return t->left == 0;
}

/* The statement of sql (freed here) with the query's values bound, to be
 * given back with store_stmt_done(); NULL on error. */
static sqlite3_stmt *
prepare_search(struct store *s, char *sql, const struct query *q, const char *expr,
    long limit, struct rowids r)
{
	sqlite3_stmt *st = store_stmt(s, sql);

	free(sql);
	if (st != NULL)
		bind_search(s, st, q, expr, limit, r);
	return st;
}

/* Step st to its end, calling fn for each item until it says stop; st
 * is given back. */
static int
run_rows(struct store *s, sqlite3_stmt *st, store_hit_fn fn, void *ctx)
{
	int rc;

	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct store_item it;

		store_fill_item(st, &it);
		if (fn(&it, store_col(st, ITEM_NCOLS), ctx) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	store_stmt_done(s, st);
	if (rc != SQLITE_DONE)
		return store_db_fail(s);
	return 0;
}

/* Run one search statement over the rowids r, calling fn for each row
 * until it says stop. A limit < 0 is no limit. */
static int
run_search(struct store *s, const struct query *q, const char *expr, enum store_sort sort,
    long limit, struct rowids r, store_hit_fn fn, void *ctx)
{
	struct search_shape sh = { sort, SEARCH_ROWS, r.floor > 0, r.ceiling > 0, 0 };

	return run_rows(s, prepare_search(s, search_sql(s, q, &sh), q, expr, limit, r), fn, ctx);
}

/* The hit of expr at key, if it is one. */
static int
run_one(struct store *s, const struct query *q, const char *expr, int64_t key, store_hit_fn fn,
    void *ctx)
{
	struct search_shape sh = { STORE_SORT_DATE, SEARCH_ROWS, 1, 1, 1 };
	struct rowids r = { key, key + 1 };

	return run_rows(s, prepare_search(s, search_sql(s, q, &sh), q, expr, 1, r), fn, ctx);
}

/* One statement of a ranked search over many hits. */
struct step {
	const char *expr;
	enum store_sort sort;
	struct rowids r;
};

/*
 * Ranked search over more hits than the window: every hit, in bands.
 * Hits with the words adjacent (the phrase) come first: those in a title,
 * then the others, among the TIER_SPAN windows of newest hits and ranked
 * (one step: rank.c's bands put the titles first; a single word's title
 * hits are a step of their own);
 * then older ones back PHRASE_DEPTH times as far as the window reaches,
 * found reading forwards and ranked too (deep_floor, newest_ranked). Then the
 * rest of the window of newest hits, ranked (nearer words first,
 * rank.c), and last every older hit, newest first (older phrase hits
 * among them). Ranking every hit of a common word would read its whole
 * posting list for the first page. The floors of the windows are read as
 * a step needs them: a page the first steps fill reads no deeper.
 */
enum { STEP_TITLE, STEP_PHRASE, STEP_PHRASE_DEEP, STEP_WINDOW, STEP_OLDER, NSTEPS };

/* A hit's key and rank (lower is better, as rank.c gives it). */
struct ranked_key {
	int64_t key;
	double rank;
};

static int
by_rank(const void *va, const void *vb)
{
	const struct ranked_key *a = va, *b = vb;

	if (a->rank != b->rank)
		return a->rank < b->rank ? -1 : 1;
	return a->key > b->key ? -1 : a->key < b->key;
}

/*
 * The n newest hits of expr in [lo, hi) with their ranks, in keys (n of
 * them at most, in no order: deep_phrase ranks them); *nk says how many.
 * Read in ascending order: FTS5
 * reads position lists backwards slowly, and a phrase of common words,
 * newest first, took 355 ms where the same range in ascending order took
 * 12 ms ("cua va cac co" at 1M real articles, where no hit was found
 * among 24,000 holding the words). The rank is made for each hit as it is
 * read: only for rare hits, since the step runs when the newer ones did
 * not fill the page.
 */
static int
newest_ranked(struct store *s, const struct query *q, const char *expr, int64_t lo, int64_t hi,
    long n, struct ranked_key *keys, long *nk)
{
	struct buf b;
	sqlite3_stmt *st;
	struct ranked_key *ring = xcalloc((size_t)n, sizeof *ring);
	long seen = 0;
	int rc;

	buf_init(&b);
	buf_printf(&b, "SELECT rowid, rank FROM %s WHERE %s MATCH ?1 AND rank MATCH ?8"
	    " AND rowid >= ?7 AND rowid < ?10", index_of(q), index_of(q));
	add_key_bounds(&b, q, "rowid");
	st = store_stmt(s, b.data);
	buf_free(&b);
	*nk = 0;
	if (st == NULL) {
		free(ring);
		return -1;
	}
	store_bind_text(st, 1, expr);
	bind_key_bounds(st, q);
	bind_rank_fn(s, st);
	sqlite3_bind_int64(st, 7, lo);
	sqlite3_bind_int64(st, 10, hi);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		ring[seen % n].key = sqlite3_column_int64(st, 0);
		ring[seen++ % n].rank = sqlite3_column_double(st, 1);
	}
	store_stmt_done(s, st);
	*nk = seen < n ? seen : n;
	memcpy(keys, ring, (size_t)*nk * sizeof *keys);
	free(ring);
	return rc == SQLITE_DONE ? 0 : store_db_fail(s);
}

/*
 * The phrase hits older than the window, back to deep_floor(), ranked
 * (titles first, rank.c): the newest of them found and ranked in one pass
 * (newest_ranked), then each row looked up by its key. Ranking them with
 * ORDER BY read the range a second time with positions (247 ms of a page
 * on a busy machine at 1M); a lookup is a seek in each word's list.
 *
 * A phrase the window held often enough to fill the page in twice its
 * span is read there first: "công tác dân vận" at 1M real articles read
 * 16 spans for its newest 50 hits, 163 ms in a new process, where two
 * did. Not a rare one: each statement costs its own start, and three
 * stretches read in turn took 63 ms where one pass took 38
 * ("tai nan giao thong", 1M generated).
 */
static int
deep_phrase(struct store *s, const struct query *q, struct floors *f, int64_t wide,
    struct step_ctx *t)
{
	int64_t deep = deep_floor(f, wide), hi = wide, span = f->newest - wide;
	struct ranked_key *keys;
	long nk = 0, got;
	int rc = 0;

	if (t->left < 0)	/* every hit: ranked at once */
		return run_search(s, q, q->phrase, STORE_SORT_RANK, -1, (struct rowids){ deep, wide },
		    step_hit, t);
	keys = xcalloc((size_t)t->left, sizeof *keys);
	/* (A query with a phrase has no exclusion of its own, q->exclude:
	 * make_tiers() in query.c; else each lookup would make its set.)
	 * The hits given so far are the window's phrase hits. */
	if (span > 0 && 2 * (long)t->seen.n >= t->left && (wide - deep) / 2 > span) {
		rc = newest_ranked(s, q, q->phrase, wide - 2 * span, wide, t->left, keys, &nk);
		hi = wide - 2 * span;
	}
	if (rc == 0 && nk < t->left) {
		rc = newest_ranked(s, q, q->phrase, deep, hi, t->left - nk, keys + nk, &got);
		nk += got;
	}
	/* The newest hits of one stretch or two, ranked. */
	qsort(keys, (size_t)nk, sizeof *keys, by_rank);
	for (long i = 0; i < nk && rc == 0 && t->left != 0 && !t->stop; i++)
		rc = run_one(s, q, q->phrase, keys[i].key, step_hit, t);
	free(keys);
	return rc;
}

/* Step k's statement, or 0 when the query has no such step; -1 on
 * error. */
static int
ranked_step(struct store *s, const struct query *q, struct floors *f, int64_t floor, int k,
    struct step *out)
{
	int64_t wide = 0;

	if (k <= STEP_PHRASE_DEEP && (k == STEP_TITLE ? !q->title_match : !q->phrase))
		return 0;
	/* The phrase's step ranks it in titles first (rank.c's bands): a
	 * step of its own read the same hits again. */
	if (k == STEP_TITLE && q->phrase)
		return 0;
	/* A column filter or a phrase over every hit of a common word reads
	 * its whole posting list: first among the recent hits. */
	if (k <= STEP_PHRASE_DEEP && floor_at(s, f, f->window * TIER_SPAN, &wide) < 0)
		return -1;
	switch (k) {
	case STEP_TITLE:
		*out = (struct step){ q->title_match, STORE_SORT_RANK, { wide, 0 } };
		return 1;
	case STEP_PHRASE:
		*out = (struct step){ q->phrase, STORE_SORT_RANK, { wide, 0 } };
		return 1;
	case STEP_PHRASE_DEEP:
		return 0;	/* deep_phrase() */
	case STEP_WINDOW:
		*out = (struct step){ q->match, STORE_SORT_RANK, { floor, 0 } };
		return 1;
	default:
		*out = (struct step){ store_hits_expr(q), STORE_SORT_DATE, { 0, floor } };
		return 1;
	}
}

static int
ranked_steps(struct store *s, const struct query *q, long limit, struct floors *f,
    int64_t floor, store_hit_fn fn, void *ctx, struct store_search_info *info)
{
	struct step_ctx t = { fn, ctx, { NULL, 0, 0 }, limit, 0 };
	int rc = 0;

	if (info != NULL) {
		info->partial = 1;
		info->window = f->window;
		info->depth_key = q->phrase ? deep_floor(f, floor) : -1;
	}
	for (int k = 0; k < NSTEPS && rc == 0 && t.left != 0 && !t.stop; k++) {
		struct step st;

		if (k == STEP_PHRASE_DEEP && q->phrase) {
			int64_t wide = 0;

			/* None: the step before had every hit. */
			if (floor_at(s, f, f->window * TIER_SPAN, &wide) < 0)
				rc = -1;
			else if (wide > 1)
				rc = deep_phrase(s, q, f, wide, &t);
			continue;
		}
		if ((rc = ranked_step(s, q, f, floor, k, &st)) <= 0)
			continue;
		/* Rows an earlier step gave come again: ask for as many more. */
		rc = run_search(s, q, st.expr, st.sort, t.left < 0 ? -1 : t.left + (long)t.seen.n,
		    st.r, step_hit, &t);
	}
	free(t.seen.v);
	return rc < 0 ? -1 : 0;
}

/* Hits newest first, as the index has them: only the words, without the
 * phrase alternative (no positions to read but for the snippets shown). */
static int
newest_first(struct store *s, const struct query *q, long limit, store_hit_fn fn, void *ctx)
{
	return run_search(s, q, store_hits_expr(q), STORE_SORT_DATE, limit, all_rows, fn, ctx);
}

int
store_search(struct store *s, const struct query *q, enum store_sort sort, long limit,
    store_hit_fn fn, void *ctx, struct store_search_info *info)
{
	struct floors f;
	int64_t floor;
	int cut, rc;

	if (info != NULL) {
		memset(info, 0, sizeof *info);
		info->counted = -1;
	}
	if (q->match == NULL)
		return run_search(s, q, NULL, sort, limit, all_rows, fn, ctx);
	if (sort == STORE_SORT_DATE)
		return newest_first(s, q, limit, fn, ctx);
	if (s->rank_window == 0)
		return run_search(s, q, q->match, sort, limit, all_rows, fn, ctx);
	if (floors_start(s, q, &f) < 0)
		return -1;
	if ((cut = floor_at(s, &f, f.window, &floor)) < 0)
		rc = -1;
	else if (!cut)	/* few hits: rank them all */
		rc = run_search(s, q, q->match, sort, limit, all_rows, fn, ctx);
	else
		rc = ranked_steps(s, q, limit, &f, floor, fn, ctx, info);
	/* The hits counted are those of the index read, without the other
	 * filters. */
	floors_end(s, &f, q, q->after || q->before || q->on ? NULL : info);
	return rc;
}

int
store_key_date(int64_t key, char *buf, size_t size)
{
	/* SQL_MINUTE: minutes from 1900, 36816480 of them to 1970 (1 is
	 * any earlier date). */
	time_t t = (time_t)(((key >> 36) - 36816480) * 60);
	struct tm tm;

	if (key < KEY_DATED || (key >> 36) <= 1 || gmtime_r(&t, &tm) == NULL ||
	    strftime(buf, size, "%Y-%m-%d", &tm) == 0)
		return 0;
	return 1;
}

int64_t
store_key_of_newest(struct store *s, long n)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT fts_key FROM article INDEXED BY article_by_key"
	    " ORDER BY fts_key DESC LIMIT 1 OFFSET ?1");
	int64_t key = 0;

	if (st == NULL)
		return 0;
	sqlite3_bind_int64(st, 1, n);
	if (sqlite3_step(st) == SQLITE_ROW)
		key = sqlite3_column_int64(st, 0);
	store_stmt_done(s, st);
	return key;
}

/*
 * The hits of q up to cap, counted one by one for ms at most: a phrase of
 * common words is found by reading the positions of every article
 * holding them (1887 hits of a 4-word phrase at 1M: 1.3 s to count).
 * *more says the count stopped before its end.
 */
static int
count_for_a_while(struct store *s, const struct query *q, long cap, double ms, int64_t *n,
    int *more)
{
	struct search_shape sh = { STORE_SORT_RANK, SEARCH_EACH, 0, 0, 0 };
	sqlite3_stmt *st = prepare_search(s, search_sql(s, q, &sh), q,
	    q->match ? store_hits_expr(q) : NULL, cap, all_rows);
	int rc;

	*n = 0;
	*more = 0;
	if (st == NULL)
		return -1;
	store_until(s, ms);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		++*n;
	if (rc == SQLITE_INTERRUPT && s->deadline_hit) {
		*more = 1;
		rc = SQLITE_DONE;
	}
	store_until(s, 0);
	store_stmt_done(s, st);
	return rc == SQLITE_DONE ? 0 : store_db_fail(s);
}

int
store_search_total(struct store *s, const struct query *q, const struct store_search_info *info,
    long cap, double ms, int64_t *n, int *more)
{
	int rc;

	*more = 0;
	if (info != NULL && info->counted >= 0 && (info->counted_all || info->counted >= cap)) {
		*n = info->counted < cap ? info->counted : cap;
		return 0;
	}
	rc = count_for_a_while(s, q, cap, ms, n, more);
	/* Both read from the newest hit: the count stopped short of what
	 * the search read on its way. */
	if (rc == 0 && *more && info != NULL && info->counted > *n)
		*n = info->counted;
	return rc;
}

int
store_trend(struct store *s, const struct query *q, enum store_trend_by by,
    int (*fn)(const char *label, int64_t n, void *ctx), void *ctx)
{
	struct search_shape sh = { STORE_SORT_DATE, by == STORE_BY_SOURCE ? SEARCH_SOURCES :
	    SEARCH_DAYS, 0, 0, 0 };
	sqlite3_stmt *st = prepare_search(s, search_sql(s, q, &sh), q,
	    q->match ? store_hits_expr(q) : NULL, -1, (struct rowids){ 0, 0 });
	int rc;

	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char label[32];
		const char *l = label;

		if (by == STORE_BY_SOURCE) {
			l = store_col(st, 0);
		} else {
			/* Minutes from 1900 (SQL_MINUTE) a day: 1 minute and
			 * less is an article with no date. */
			int64_t day = sqlite3_column_int64(st, 0);
			time_t t = (time_t)((day * 1440 - 36816480) * 60);
			struct tm tm;

			if (day <= 0 || gmtime_r(&t, &tm) == NULL)
				label[0] = '\0';
			else
				strftime(label, sizeof label, "%Y-%m-%d", &tm);
		}
		if (fn(l ? l : "", sqlite3_column_int64(st, 1), ctx) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	store_stmt_done(s, st);
	return rc == SQLITE_DONE ? 0 : store_db_fail(s);
}

int
store_search_count(struct store *s, const struct query *q, long cap, int64_t *n)
{
	return store_count_from(s, q, cap, 0, n);
}

int
store_count_from(struct store *s, const struct query *q, long cap, int64_t floor, int64_t *n)
{
	struct search_shape sh = { STORE_SORT_RANK, SEARCH_COUNT, floor > 0 && q->match, 0, 0 };
	sqlite3_stmt *st = prepare_search(s, search_sql(s, q, &sh), q,
	    q->match ? store_hits_expr(q) : NULL, cap, (struct rowids){ floor, 0 });
	int rc;

	*n = 0;
	if (st == NULL)
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*n = sqlite3_column_int64(st, 0);
		rc = SQLITE_DONE;
	}
	store_stmt_done(s, st);
	if (rc != SQLITE_DONE)
		return store_db_fail(s);
	return 0;
}

int
store_search_articles(struct store *s, const struct query *q, long cap, double ms,
    int64_t *n, int *more)
{
	int group = s->group, rc;

	if (!group || q->story != 0)
		return 0;
	s->group = 0;
	rc = store_search_total(s, q, NULL, cap, ms, n, more);
	s->group = group;
	return rc < 0 ? -1 : 1;
}
