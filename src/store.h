/*
 * store.h: the SQLite store. The only module that touches sqlite3.
 *
 * A store is one database file. Opening it sets WAL, a busy timeout and
 * foreign keys, and migrates an older schema forward in one transaction; a
 * newer schema is refused. Failures return -1 (or NULL) and leave a
 * one-line message in store_errmsg().
 *
 * Rows handed to callbacks point into SQLite's memory: they are borrowed and
 * valid only during the call.
 */
#ifndef LUOT_STORE_H
#define LUOT_STORE_H

#include <stdint.h>

#include "article.h"

/* The schema version this build writes (PRAGMA user_version). */
#define STORE_VERSION 21

struct store;

/* One article as listed: every string may be NULL but title and path. */
struct store_item {
	int64_t id;
	const char *title;
	const char *published;	/* ISO 8601, day or minute precision */
	const char *crawled;
	const char *author;
	const char *source;
	const char *path;
	const char *url;	/* where it was published, or NULL */
	int64_t story;		/* its story's head (store-story.c), or 0 */
	int64_t copies;		/* the story's articles, when this is its head */
	const char *copy_sources;	/* the other copies' sources, ","-joined
				 * (the head's row only), or NULL */
	int64_t words;
	int unread;		/* never opened (or marked unread) */
	int bookmarked;
	int64_t position;	/* reading position: first line shown */
	const char *body;	/* store_show only: paragraphs joined by LF */
	const char *captions;	/* store_show only: captions joined by LF */
	const char *links;	/* store_show only: the body's links (article.h) */
};

typedef int (*store_item_fn)(const struct store_item *item, void *ctx);

struct store_stats {
	int64_t articles;
	int64_t words;
	int64_t sources;	/* distinct non-NULL sources */
	int64_t dated;		/* articles with a published date */
	char first[32];		/* earliest published date, or "" */
	char last[32];		/* latest published date, or "" */
	int version;
	int index_parts;	/* the search index's segments; -1 unknown */
};

/*
 * Open (creating if needed) the database at path. On failure returns NULL
 * and puts a message in *err (caller frees).
 */
struct store *store_open(const char *path, char **err);
void store_close(struct store *s);
const char *store_errmsg(const struct store *s);

/* Whether the last failure was another program's lock: trying again
 * later may succeed. */
int store_busy(const struct store *s);

/* The database file's path, as opened. */
const char *store_path(const struct store *s);

/* Milliseconds to wait for another writer before failing (default 5000). */
void store_set_busy_timeout(struct store *s, int ms);

/*
 * Copy the WAL back to the database on a thread of its own (with its own
 * connection) while this store writes: for a long import. Returns 0, or
 * -1 when that cannot be (the writer then checkpoints itself, as it
 * does without). Stopped by store_ckpt_stop() or store_close().
 */
int store_ckpt_start(struct store *s);
void store_ckpt_stop(struct store *s);
/* Background checkpoints run so far, or -1 when none is started. */
long store_ckpt_count(struct store *s);

/* Schema version of the open database. */
int store_version(struct store *s);

/* Transactions around batches of store_add(); store_commit() indexes the
 * batch's articles first, in the same transaction. */
int store_begin(struct store *s);
int store_commit(struct store *s);
int store_rollback(struct store *s);

/* Bytes of text the open transaction holds until store_commit() indexes
 * it. */
size_t store_pending_bytes(const struct store *s);

/*
 * Around a change of reading state (read marks, positions, bookmarks,
 * notes, tags) or of several: one transaction, written to disk before
 * store_state_end() returns (synchronous=FULL), since no import can bring
 * such a change back. Inside another transaction it is a savepoint of it.
 * store_state_end() commits when rc >= 0, else rolls back; it returns rc,
 * or -1 when the commit failed (then nothing of it is stored).
 */
int store_state_begin(struct store *s);
/* After an import's commit: min_ms, then until no writer of reading state
 * waits for its turn (store_state_begin), half a second at most. */
void store_yield(struct store *s, int min_ms);
/* Whether a writer of reading state waits for its turn now: an import
 * then ends its batch early. */
int store_turn_wanted(struct store *s);
int store_state_end(struct store *s, int rc);

/*
 * Add an article read from path, packing it first (article_pack) unless
 * that was done. Returns 1 when added (*id set if id is not NULL), 0 when
 * an article with the same content hash is already there, STORE_REFUSED
 * when the store refuses this article (a constraint it breaks: the
 * transaction goes on without it), -1 when the store failed (a full disk,
 * a lock: the transaction is lost). Outside store_begin() it commits (and
 * indexes) the article at once.
 */
#define STORE_REFUSED (-2)
int store_add(struct store *s, struct article *a, const char *path, int64_t *id);

/*
 * Write a, extracted again from article id's page, over that article:
 * its fields, text and index, and its original when a has one (see
 * article.h). The reading state (read, position, bookmark, note, tags)
 * follows the article to its new content hash. Returns 1 when something
 * changed, 0 when nothing did, STORE_REFUSED when the store refuses it
 * (its text is now another article's: the row stays as it was), -1 when
 * the store failed. Inside store_begin() the index is written at
 * store_commit(), with the batch.
 */
int store_replace(struct store *s, int64_t id, struct article *a);

/* An article's page, for extracting it again. */
struct store_page {
	int64_t id;
	char *path;		/* the file it was imported from */
	char *original;		/* the page's text, or NULL when not kept */
	int corrupt;		/* it was kept, and cannot be read */
};

/*
 * The pages of up to limit articles with ids above after, in id order,
 * into a new array *out of *n (each freed with store_page_free, then
 * the array). Returns 0 or -1.
 */
int store_pages(struct store *s, int64_t after, int limit, struct store_page **out, size_t *n);
void store_page_free(struct store_page *p);

/*
 * Give the file's free pages back to the file system when they are many
 * (a large import leaves the pages of merged index segments free).
 * Moves pages, so it costs time in proportion to them. A database made
 * by a luot older than this function cannot (it has no auto_vacuum) and
 * is left as it is.
 * Returns 0 or -1.
 */
int store_trim(struct store *s);

/*
 * The search index's segments (store-tidy.c): how many (-1 when FTS5's
 * record of them is of a shape luot does not read), their leaf pages in
 * all, and the largest one's.
 */
struct store_index_shape {
	int segments;
	int64_t pages, largest;
};
int store_index_shape(struct store *s, struct store_index_shape *sh);

/* Whether the index is worth merging after an import: its segments other
 * than the largest hold a quarter of it, or they are many. */
int store_tidy_wanted(struct store *s);

/*
 * Merge the index into one segment, a step (a transaction) at a time;
 * fn, if given, is called after each with the pages done of about total,
 * and stops the merge by returning non-zero (what is merged stays).
 * Returns 0, or -1 with the error recorded.
 */
typedef int (*store_tidy_fn)(int64_t done, int64_t total, void *ctx);
int store_tidy(struct store *s, store_tidy_fn fn, void *ctx);

/*
 * The content hashes of every article, sorted (memcmp order), in a new
 * array of *n * ARTICLE_HASH_LEN bytes the caller frees. Returns 0 or -1.
 */
int store_hashes(struct store *s, unsigned char **out, size_t *n);

/* The article whose content hash is hash: 1 with its id and path (caller
 * frees), 0 when there is none, -1 on error. */
int store_find_hash(struct store *s, const unsigned char *hash, int64_t *id, char **path);

/*
 * Call fn for the newest limit articles (limit < 0: all), newest published
 * first, undated last. Stops early when fn returns non-zero. Returns 0 or -1.
 */
int store_list(struct store *s, long limit, store_item_fn fn, void *ctx);

/* Call fn (unless NULL) once for article id with body and captions.
 * Returns 1 when found, 0 when there is no such article, -1 on error. */
int store_show(struct store *s, int64_t id, store_item_fn fn, void *ctx);

int store_stats(struct store *s, struct store_stats *st);

/*
 * The integrity checks: SQLite's on every page, the references between
 * tables, and the search index against the articles. Each problem found
 * is given to fn as one line. Returns how many, or -1 when the checks
 * could not run (store_errmsg says why).
 */
typedef void (*store_problem_fn)(const char *problem, void *ctx);
int store_check(struct store *s, store_problem_fn fn, void *ctx);

/* Delete article id (and its index entries). Returns 1, 0 when there is
 * no such article, -1 on error. */
int store_delete(struct store *s, int64_t id);

/*
 * Stories: the copies of one article across papers (story.h), grouped as
 * articles are added (store_add). With grouping on, the list (store_page)
 * and searches show one row a story, its head (the earliest copy), whose
 * item carries the number of copies; off (the default), every article.
 */
void store_set_grouping(struct store *s, int on);

/* Group article id, just added, by its signature (store-add.c). */
int store_story_add(struct store *s, int64_t id, const struct article *a);

/* Article id's text changed (store_replace): its signature follows; its
 * story stays until luot regroup. */
int store_story_resign(struct store *s, int64_t id, const struct article *a);

/* Take article id out of its story, before it is deleted. */
int store_story_forget(struct store *s, int64_t id);

/* The rule the store groups by: the default, with the likeness luot
 * regroup was last given. */
int store_story_rule(struct store *s, struct story_rule *r);

/*
 * A big import's band keys (store-band.c): from store_band_begin (keys:
 * about how many it will add) those of the articles added are held in
 * memory and written to the store at the commit after flush_at of them
 * wait; store_band_end writes what waits and forgets them. Begin: 1, 0
 * when already begun, -1. store_band_recover writes the keys an import
 * that died held (story-band-from): 1 when it did, 0 when none waited,
 * -1.
 */
int store_band_begin(struct store *s, size_t keys, size_t flush_at);
int store_band_end(struct store *s);
int store_band_recover(struct store *s);

/* The articles of article id's story, head first (none when it is alone);
 * returns how many, or -1. */
int store_story_members(struct store *s, int64_t id, store_item_fn fn, void *ctx);

/* Group every article again, in date order, with the likeness given (0:
 * the store's), kept for the imports after; articles imported before
 * stories were kept get their signatures. One transaction. */
struct store_regroup {
	int64_t articles, joined, signed_now, stories;
	void (*progress)(int64_t done, void *ctx);
	void *ctx;
};
int store_regroup(struct store *s, double likeness, struct store_regroup *out);

/* The list as the interface walks it (store-page.c). */
enum store_order {
	STORE_ORDER_DATE,	/* newest published first, undated last */
	STORE_ORDER_IMPORT,	/* most recently imported first */
};

/* Where a page starts: the row just above (or below) it. */
struct store_key {
	int64_t id;
	char published[32];	/* "" for an undated article */
};

/* The key of an item. */
void store_key_of(const struct store_item *it, struct store_key *key);

/*
 * Call fn for up to n articles next to key in the list: the ones after it
 * (dir > 0, going down) or before it (dir < 0, going up, nearest first);
 * key NULL: from the top (dir > 0) or the bottom (dir < 0). Each page is
 * an index walk from the key, as fast a million rows down as at the top.
 * Stops early when fn returns non-zero. Returns the rows given or -1.
 */
int store_page(struct store *s, enum store_order order, const struct store_key *key, int dir,
    int n, store_item_fn fn, void *ctx);

/* The 1-based place of the row key in the list, in *n; it counts the
 * rows above through an index. Returns 0 or -1. */
int store_position(struct store *s, enum store_order order, const struct store_key *key,
    int64_t *n);

/* Reading state. Each returns 1 when the article exists, 0 when not, -1
 * on error; store_toggle_bookmark returns 1 when the article is now
 * bookmarked, 0 when no longer. Each change of state here is a
 * transaction of its own, durable on return (store_state_begin()), or a
 * savepoint of the one open. */
int store_set_read(struct store *s, int64_t id, int read);
int store_set_position(struct store *s, int64_t id, int64_t position);
int store_toggle_bookmark(struct store *s, int64_t id);

/*
 * Bookmark article id (keeping the time of an earlier bookmark), replace
 * its note when note is not NULL, add tags (may be NULL). A bookmark
 * removed keeps its note and tags, for when it comes back. Each returns 1,
 * 0 when there is no such article (or, for remove, no bookmark), -1.
 */
struct strlist;
int store_bookmark_set(struct store *s, int64_t id, const char *note,
    const struct strlist *tags);
int store_bookmark_remove(struct store *s, int64_t id);

/* Article id's note and tags (joined by LF), new strings ("" when none).
 * Returns 1, 0 when there is no such article, -1. */
int store_mark_of(struct store *s, int64_t id, char **note, char **tags);

/* Replace article id's tags (and bookmark it). Returns 1, 0, -1. */
int store_set_tags(struct store *s, int64_t id, const struct strlist *tags);

/* A bookmark as listed: strings borrowed for the call. */
struct store_mark {
	const char *bookmarked;	/* when, UTC ISO 8601 */
	const char *note;	/* "" when none */
	const char *tags;	/* sorted, joined by LF; NULL when none */
};

typedef int (*store_mark_fn)(const struct store_item *item, const struct store_mark *mark,
    void *ctx);

/* Call fn for each bookmarked article, newest bookmark first; only those
 * tagged tag unless tag is NULL; item->body set only with with_body (it
 * is decompressed for that). Returns 0 or -1. */
int store_bookmarks(struct store *s, const char *tag, int with_body, store_mark_fn fn,
    void *ctx);

/*
 * The reading queue, in the order articles were added (by content hash,
 * as the rest of the reading state). store_queue_set puts article id at
 * the end of the queue (on; kept where it is when queued already) or
 * takes it out: 1 when that changed something, 0 when not (or no such
 * article), -1 on error. store_queue calls fn for each queued article,
 * first added first; store_queue_count counts them.
 */
int store_queue_set(struct store *s, int64_t id, int on);
int store_queue(struct store *s, store_item_fn fn, void *ctx);
int store_queue_count(struct store *s, int64_t *n);
/* Is article id queued: 1, 0 (or no such article), -1 on error. */
int store_queued(struct store *s, int64_t id);

/*
 * Tags are matched folded: "Dân vận", "dân vận" and "dan van" are one
 * tag, spelt as it was first given. store_tag_fold: the folded form (new
 * string). store_tag_spelling: the spelling of tag in the database, or
 * tag trimmed when it has none (new string; NULL on error).
 */
char *store_tag_fold(const char *tag);
char *store_tag_spelling(struct store *s, const char *tag);

/* Tags as typed ("a, b c" or "#a #b"), each trimmed, pushed to tags:
 * the command line and the interface split them alike. */
void store_tags_split(const char *typed, struct strlist *tags);

/* fn for each tag of the bookmarks with how many have it, the most used
 * first; a non-zero return stops. Returns 0 or -1. */
int store_tags(struct store *s, int (*fn)(const char *tag, int64_t n, void *ctx), void *ctx);

/* Mark every article read (published before the date before, when not
 * NULL: "2024-06-01" takes what was published before that day); *n the
 * articles that were unread. One transaction. Returns 0 or -1. */
int store_read_all(struct store *s, const char *before, int64_t *n);

struct store_counts {
	int64_t articles, unread, bookmarked;
	int64_t rows;		/* the list's rows: articles, or stories when
				 * grouping (store_set_grouping) */
};

/* Articles in all, unread ones, bookmarked ones. Returns 0 or -1. */
int store_count(struct store *s, struct store_counts *c);

/* The greatest article id there is (0 for none): at once, a bound of
 * the count. 0 or -1. */
int store_max_id(struct store *s, int64_t *out);

/* SQLite's page cache for this connection, in KiB (the default suits an
 * import; the interface needs less). Returns 0 or -1. */
int store_set_cache(struct store *s, int kib);

/* A number that changes when another connection commits (PRAGMA
 * data_version). Returns 0 or -1. */
int store_data_version(struct store *s, int64_t *v);

/* While fn is set, statements call it every 2 ms or so of their work;
 * when it returns non-zero the statement stops, the call fails (-1) and
 * store_interrupted() is true until the next call. fn NULL: never. */
void store_set_interrupt(struct store *s, int (*fn)(void *), void *ctx);
int store_interrupted(const struct store *s);

struct query;

enum store_sort {
	STORE_SORT_RANK,	/* bm25, title weighted; then newest */
	STORE_SORT_DATE,	/* newest first: the order the index yields
				 * by itself (store-int.h's SQL_FTS_KEY) */
};

/* A search hit: snippet marks matches with \x01 ... \x02 (NULL when the
 * query had no words, only filters). Borrowed, as for store_item_fn. */
typedef int (*store_hit_fn)(const struct store_item *item, const char *snippet, void *ctx);

/* How a ranked search went: partial when the query had too many hits to
 * score them all. Then with window > 0 every hit still comes, in bands:
 * hits with the words side by side first (ranked among the newest ones,
 * then older ones back to the key depth_key, newest first; see
 * store_key_date), then the rest of the window newest hits, ranked, then
 * older ones newest first. depth_key is 0 for all, -1 for a query
 * without words side by side to look for. With window 0 (a date
 * filter) the hits come newest first. */
struct store_search_info {
	int partial;
	long window;
	int64_t depth_key;
	/* Hits the search read on its way (-1: none): all of them when
	 * counted_all, else at least counted. */
	int64_t counted;
	int counted_all;
};

/*
 * Parse text (query.h) for this store: a prefix is replaced by the terms
 * of the index it covers, which FTS5 reads lazily, instead of merging
 * every matching posting list before the first hit; by the most frequent
 * of them when they are many (q->cuts says which prefixes were cut so).
 * The caller frees q with query_free().
 */
void store_parse_query(struct store *s, const char *text, struct query *q);

/* The most terms a prefix is read as, and the most articles they may
 * hold together; 0 for the defaults (store-prefix.c). For tests. */
void store_set_prefix_cap(struct store *s, long terms, long articles);

/*
 * Run a parsed query (query.h); at most limit hits (< 0: all). Stops early
 * when fn returns non-zero. info may be NULL. Returns 0 or -1.
 */
int store_search(struct store *s, const struct query *q, enum store_sort sort,
    long limit, store_hit_fn fn, void *ctx, struct store_search_info *info);

/* Hits past which a ranked search is partial (default 2000); 0 ranks every
 * hit however many (for measurements). */
void store_set_rank_window(struct store *s, long window);

/* The day an index key (store_search_info's depth_key) stands for, as
 * YYYY-MM-DD in buf; 0 for a key of undated articles. */
int store_key_date(int64_t key, char *buf, size_t size);

/* Searches count their hits up to this many, which keeps counting a
 * common word fast; past it they say "more than". */
#define STORE_COUNT_CAP 10000

/* How the hits of a query are counted by store_trend(). */
enum store_trend_by { STORE_BY_DAY, STORE_BY_SOURCE };

/* The hits of q counted by the day they were published (label
 * "YYYY-MM-DD", "" for no date; days in order, read from the index's keys
 * alone) or by source (the source, else the URL's site, else ""; the most
 * first): fn for each, which stops the walk by returning non-0. 0 or -1. */
int store_trend(struct store *s, const struct query *q, enum store_trend_by by,
    int (*fn)(const char *label, int64_t n, void *ctx), void *ctx);

/* The articles of one source in one month, as store_stats_parts gives
 * them (strings borrowed for the call). */
struct store_stats_part {
	const char *source;	/* the source, else the URL's site, else "" */
	const char *month;	/* "YYYY-MM", NULL for the undated */
	int64_t articles;
	int64_t copies;		/* of them, later copies of a story */
	const char *first, *last;	/* their earliest and latest dates */
};

/* fn for each source and month that has articles, by source then month
 * (the undated first); a non-zero return stops. It reads every article:
 * a command's work, not the interface's. 0 or -1. */
int store_stats_parts(struct store *s, int (*fn)(const struct store_stats_part *p, void *ctx),
    void *ctx);

/* Number of articles the query finds, counted up to cap (< 0: all).
 * Returns 0 or -1. */
int store_search_count(struct store *s, const struct query *q, long cap, int64_t *n);

/* The number of hits to show, after store_search() gave info (or NULL):
 * from the hits it read on its way when they tell, else counted for ms
 * milliseconds at most; *more then says there are at least *n. */
int store_search_total(struct store *s, const struct query *q,
    const struct store_search_info *info, long cap, double ms, int64_t *n, int *more);

/* With one row a story (store_set_grouping), the articles behind the
 * hits store_search_total counts, every copy counted; 1 when counted
 * (*n, *more as there), 0 when the store does not group (the same count
 * as the hits'), -1 on error. */
int store_search_articles(struct store *s, const struct query *q, long cap, double ms,
    int64_t *n, int *more);
/* The interface counts for this long, at a pause, a key stopping it. */
#define STORE_COUNT_MS 20.0

/* A search with fewer hits than this may get a suggestion. */
#define STORE_SUGGEST_BELOW 3
/* A suggestion's articles are counted up to this many (and one more). */
#define STORE_SUGGEST_COUNT 1000

/*
 * "Did you mean": after a search of text found hits articles (fewer than
 * STORE_SUGGEST_BELOW), the reading of text that finds the most, if it
 * finds more: text read as Telex or VNI (telex.h), else one word with one
 * mark changed ("dân vân": dân vận) or, typed without marks and not in the
 * index, one letter changed ("nguoj": nguoi). Returns it (the caller frees
 * it) and sets *n to the articles it finds, counted up to
 * STORE_SUGGEST_COUNT + 1; NULL when there is nothing to suggest, or the
 * counts failed (a suggestion is not worth an error).
 */
char *store_suggest(struct store *s, const char *text, long hits, int64_t *n);

/* A feed subscribed to (schema 17). Strings may be NULL but url and
 * added. */
struct store_feed {
	int64_t id;
	const char *url;
	const char *title;	/* the feed's own, once fetched */
	const char *tag;
	int full_text;		/* fetch the pages of entries with a summary only */
	const char *added;	/* UTC, ISO 8601 */
	const char *fetched;	/* the last fetch, or NULL */
	const char *status;	/* what it gave: "200", "304", an error's name */
	const char *error;	/* the last failure, said, or NULL */
	int64_t articles;	/* articles that came from it */
	const char *etag;	/* for a conditional fetch, or NULL */
	const char *last_modified;
	const char *retry_after;	/* UTC: not fetched before then, or NULL */
};

/* What a fetch of feed id found: status ("200", "304", "429", "timeout"
 * ...), error (NULL when it went well: the old one is cleared), and,
 * when not NULL, the feed's title, validators and when to try again. */
struct store_feed_fetch {
	const char *status, *error, *title, *etag, *last_modified, *retry_after;
};
int store_feed_fetched(struct store *s, int64_t id, const struct store_feed_fetch *f);

/* A search saved by name (schema 19). */
struct store_saved {
	int64_t id;
	const char *name, *query;
	const char *created;	/* UTC, ISO 8601 */
};

/* Save query under name, or give name this query. 1 saved anew, 0
 * changed, -1 on error. */
int store_saved_set(struct store *s, const char *name, const char *query);
/* Forget the search saved as name: 1, 0 when there is none, or -1. */
int store_saved_remove(struct store *s, const char *name);
/* fn on each saved search, by name; it stops the walk by returning non-0. */
int store_saved(struct store *s, int (*fn)(const struct store_saved *v, void *ctx), void *ctx);
/* The articles a saved query finds, and the unread among them, each
 * counted as a search's are (store_search_total: up to cap, for ms at
 * most; *more set when there are more). 0 or -1. */
int store_saved_counts(struct store *s, const char *query, long cap, double ms, int64_t *all,
    int *all_more, int64_t *unread, int *unread_more);

/* Is there an article at url, or fetched at url (its link, schema 18)?
 * 1, 0, or -1. */
int store_url_known(struct store *s, const char *url);

/* Subscribe to url (url.h keeps it: http, https or file). 1 added (*id
 * set when id is not NULL), 0 when it was there already, -1 error. */
int store_feed_add(struct store *s, const char *url, const char *tag, int full_text,
    const char *title, int64_t *id);

/* Unsubscribe from the feed whose URL or id is what; its articles stay.
 * 1 removed, 0 none such, -1 error. */
int store_feed_remove(struct store *s, const char *what);

/* fn for each feed, in the order added; a non-zero return stops. 0, -1. */
int store_feeds(struct store *s, int (*fn)(const struct store_feed *f, void *ctx), void *ctx);

#endif
