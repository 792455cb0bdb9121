/*
 * fetch.h: the feeds subscribed to (store.h) fetched from the web with
 * libcurl, several at once, and their new entries stored as articles.
 *
 * Each request is conditional (If-None-Match, If-Modified-Since: a feed
 * that has not changed costs a 304), follows at most FETCH_MAX_REDIRS
 * redirects (http and https only), takes gzip and deflate, says who it
 * is (User-Agent), stops at a connect and a total timeout and at a size
 * limit. A 429 or 503 with Retry-After is not asked again before then.
 * A feed's failure is kept with it (luot feeds shows it) and the others
 * go on; entries are read as a saved feed's are (record_feed), an
 * article met again (the same URL or the same text) stored once.
 */
#ifndef LUOT_FETCH_H
#define LUOT_FETCH_H

#include <stddef.h>

#include "boiler.h"
#include "progress.h"
#include "store.h"

#define FETCH_MAX_REDIRS 5
#define FETCH_JOBS 8
#define FETCH_CONNECT_TIMEOUT 15	/* seconds */
#define FETCH_TIMEOUT 60		/* seconds, the whole request */
#define FETCH_MAX_BYTES (16u << 20)	/* a feed's response */
/* Threads that extract entries and read pages (at most; the processors). */
#define FETCH_THREADS 4
/* Articles stored in one transaction (fewer when nothing else is left). */
#define FETCH_BATCH 64
/* Pages fetched and not yet read, a thread, past which no new request
 * starts (each waits in memory). */
#define FETCH_BACKLOG 4
/* An entry's text shorter than this is a summary: its page is fetched
 * for the full text (unless the feed says not: feed add --no-full-text). */
#define FETCH_SUMMARY_BYTES 600
/* When a 429 or 503 names no time: the next fetch waits this long. */
#define FETCH_RETRY_DEFAULT 3600	/* seconds */

struct fetch_opts {
	int jobs;		/* requests at once */
	long connect_timeout, timeout;	/* seconds */
	size_t max_bytes;
	enum progress_mode progress;
	int quiet;		/* nothing on standard error (totals.first_error) */
	/* Set (by another thread): stop at once, what is stored kept. */
	const _Atomic int *stop;
};

struct fetch_totals {
	size_t feeds;		/* asked */
	size_t unchanged;	/* 304 */
	size_t failed;
	size_t waiting;		/* not asked: a Retry-After not passed */
	size_t articles;	/* new articles stored */
	size_t duplicates;	/* entries stored before */
	size_t pages;		/* entries' pages asked for their full text */
	size_t full_text;	/* ... whose text was stored */
	size_t pages_failed;	/* ... that failed (the summary stored) */
	size_t pages_reading;	/* fetched, being read by the threads (0 at the end) */
	double seconds;
	char first_error[256];	/* the first failure said, or "" */
};

void fetch_opts_init(struct fetch_opts *o);

/*
 * Fetch every feed of s (ids: only those, when nids > 0) and store what
 * is new, extracted with the patterns of bp. Fills *t. Returns 0 (some
 * feeds may have failed: t->failed, each named on stderr and kept in the
 * feed's row), or -1 when the store failed (said).
 */
int fetch_feeds(struct store *s, const struct boiler *bp, const struct fetch_opts *o,
    struct fetch_totals *t);

#endif
