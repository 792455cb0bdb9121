/*
 * import.c: see import.h.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "extract.h"
#include "html.h"
#include "i18n.h"
#include "import.h"
#include "pool.h"
#include "progress.h"
#include "record.h"
#include "sniff.h"
#include "story.h"
#include "text.h"
#include "util.h"
#include "walk.h"

/* Articles a transaction commits, unless the caller says otherwise. */
#define BATCH 1000
/* Seconds a transaction may hold the write lock before it commits, with
 * fewer articles than a batch (or none: a run of duplicates). */
#define BATCH_SECONDS 1.0
/*
 * While writers of reading state are about (one waited for its turn in
 * the last BUSY_SECONDS: a person bookmarking, a script of edits), at
 * most BATCH_BUSY articles and BATCH_BUSY_SECONDS a transaction, since
 * such a writer waits for the batch at hand: its adding, then its
 * indexing at the commit.
 */
#define BATCH_BUSY 200
#define BATCH_BUSY_SECONDS 0.2
#define BUSY_SECONDS 10.0
/* Bytes of text a transaction may hold for the index (store.h's
 * store_pending_bytes); a thousand news articles bring about 5 MiB. */
#define BATCH_BYTES (16u << 20)
/* Milliseconds the write lock is left free after each batch. */
#define IMPORT_YIELD_MS 2
/* KiB of page cache while importing: half the store's default. The
 * cache is a large part of a long import's memory, which issue 20
 * bounds, and a smaller one costs no speed: the index's merges read
 * mostly fresh pages. */
#define IMPORT_CACHE_KIB 32768
/* An import of this many files or more, and a quarter of the store at
 * least, holds its band keys in memory (store-band.c): reading the
 * store's keys into a filter first costs it less than their lookups
 * would. Written to the store each BAND_FLUSH keys (16 bytes each, and
 * their hash: 32 MB; the filter is 10 bits a key more, 16 MB at a
 * million articles). */
#define BAND_BULK_MIN 20000
#define BAND_FLUSH (1u << 20)

void
import_opts_init(struct import_opts *o)
{
	o->max_bytes = IMPORT_MAX_BYTES;
	o->limits.paras = EXTRACT_MAX_PARAS;
	o->limits.bytes = EXTRACT_MAX_TEXT;
	o->source = NULL;
	o->progress = PROGRESS_NONE;
	o->batch = BATCH;
	o->verbose = 0;
	o->follow = 0;
}

/*
 * Read a whole file into *data. Returns NULL, or a reason the file is
 * skipped (static or in *why, which the caller frees); *failed is set
 * when the reason is an error (the file could not be read), not the
 * file's kind.
 */
static const char *
read_file(const char *path, size_t max, char **data, size_t *len, char **why, int *failed)
{
	struct stat st;
	size_t got = 0;
	char *buf;
	int fd;

	*why = NULL;
	*failed = 1;
	/* O_NONBLOCK: opening a FIFO (or a device) must not wait for a
	 * writer; fstat then turns it away. Reads of a regular file are
	 * not affected. */
	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)) < 0)
		return *why = xasprintf(_("cannot read: %s"), strerror(errno));
	*failed = 0;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return _("not a regular file");
	}
	if (st.st_size == 0) {
		close(fd);
		return _("empty file");
	}
	if ((uintmax_t)st.st_size > max) {
		close(fd);
		return *why = xasprintf(P_("larger than the limit of %zu byte",
		    "larger than the limit of %zu bytes", max), max);
	}
	buf = xmalloc((size_t)st.st_size + 1);
	while (got < (size_t)st.st_size) {
		ssize_t r = read(fd, buf + got, (size_t)st.st_size - got);

		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			int e = errno;

			free(buf);
			close(fd);
			*failed = 1;
			return *why = xasprintf(_("cannot read: %s"), strerror(e));
		}
		if (r == 0)
			break;
		got += (size_t)r;
	}
	close(fd);
	buf[got] = '\0';
	*data = buf;
	*len = got;
	return NULL;
}

/*
 * One file on its way to the store. A worker thread reads, decodes and
 * extracts it into the slot; the main thread, which alone talks to SQLite
 * and stderr, takes the slots in file order.
 */
/* What one slot takes: a page file, or one record of a file of them
 * (record.h). */
struct unit {
	const char *path;	/* borrowed from the file list */
	const struct record_span *rec;	/* NULL: the whole file is a page */
};

struct slot {
	const char *path;	/* borrowed from the file list */
	const struct record_span *rec;	/* and the record in it, or NULL */
	int ready;		/* the worker is done with it */
	int parsed;		/* a holds an article */
	struct article a;
	int known;		/* the store held this article before the import */
	char *skip;		/* reason the file is skipped, or NULL */
	int failed;		/* and the reason is an error */
	size_t invalid;		/* invalid sequences replaced */
	enum extract_cut_kind cut;	/* the page was longer than an article */
	size_t held;		/* bytes it holds, counted in the ring's */
};

/* The hashes the store held when the import began: read-only, shared. */
struct known {
	const unsigned char *v;
	size_t n;
};

static int
cmp_hash(const void *a, const void *b)
{
	return memcmp(a, b, ARTICLE_HASH_LEN);
}

char *
import_read_page(const char *path, size_t max, struct text_stats *ts, char **why, int *failed)
{
	const char *reason;
	char *data = NULL, *text;
	size_t len = 0, tlen;

	*why = NULL;
	*failed = 0;
	memset(ts, 0, sizeof *ts);
	if ((reason = sniff_name(path)) != NULL) {
		*why = xstrdup(reason);
		return NULL;
	}
	if ((reason = read_file(path, max, &data, &len, why, failed)) != NULL) {
		if (*why == NULL)
			*why = xstrdup(reason);
		return NULL;
	}
	if ((reason = sniff_bytes(data, len)) != NULL) {
		free(data);
		*why = xstrdup(reason);
		return NULL;
	}
	if (html_file(path) || html_looks(data, len)) {
		/* A web page: decoded by the charset it declares, its markup
		 * read by html_article(). */
		text = html_decode(data, len, NULL, NULL, &ts->invalid);
		free(data);
		return text;
	}
	text = text_decode(data, len, &tlen, ts);
	free(data);
	if ((reason = sniff_text(text, tlen, len, ts)) != NULL) {
		free(text);
		ts->invalid = 0;	/* not imported: its repairs are not news */
		*why = xstrdup(reason);
		return NULL;
	}
	return text;
}

int
import_extract(const struct boiler *bp, char *text, const struct extract_limits *lim,
    struct article *a, enum extract_cut_kind *cut, char **why)
{
	int rc;

	*why = NULL;
	if (record_is_original(text))
		return record_article(bp, NULL, text, lim, a, cut, why) < 0 ? -1 : 0;
	if (html_looks(text, strlen(text)))
		return html_article(bp, text, NULL, lim, a, cut, why);
	if ((rc = extract_article_within(bp, text, lim, a, cut)) < 0)
		*why = xstrdup(_("no article text found"));
	return rc;
}

/* Read and extract one record of a file of them into sl: 0, or -1 with
 * the reason in sl (the record is skipped). */
static int
prepare_record(const struct boiler *bp, const struct import_opts *o, struct slot *sl)
{
	char *json;
	int rc;

	if (sl->rec->len > o->max_bytes) {
		sl->skip = xasprintf(_("a record of more than %zu bytes (--max-size)"), o->max_bytes);
		return -1;
	}
	if (sl->rec->json != NULL) {
		json = xstrdup(sl->rec->json);	/* a feed's entry */
	} else if ((json = record_read(sl->path, sl->rec, &sl->skip)) == NULL) {
		sl->failed = 1;
		return -1;
	}
	article_init(&sl->a);
	if ((rc = record_article(bp, o->map, json, &o->limits, &sl->a, &sl->cut, &sl->skip)) < 0) {
		/* A broken record is a failure; one without an article in it
		 * is skipped, as a page without one is. */
		sl->failed = rc == -2;
		article_free(&sl->a);
		free(json);
		return -1;
	}
	free(json);
	return 0;
}

/* Read, decode and extract one page file into sl: 0, or -1 with the
 * reason in sl (the file is skipped). */
static int
prepare_page(const struct boiler *bp, const struct import_opts *o, struct slot *sl)
{
	struct text_stats ts;
	char *text = import_read_page(sl->path, o->max_bytes, &ts, &sl->skip, &sl->failed);

	sl->invalid = ts.invalid;
	if (text == NULL)
		return -1;
	article_init(&sl->a);
	if (import_extract(bp, text, &o->limits, &sl->a, &sl->cut, &sl->skip) < 0) {
		article_free(&sl->a);
		free(text);
		return -1;
	}
	free(sl->a.original);
	sl->a.original = text;	/* kept, for luot reextract */
	return 0;
}

/* Read, decode and extract one unit into sl (no SQLite, no output). */
static void
prepare(const struct boiler *bp, const struct import_opts *o, const struct known *known,
    struct slot *sl)
{
	if ((sl->rec != NULL ? prepare_record(bp, o, sl) : prepare_page(bp, o, sl)) < 0)
		return;
	if (sl->a.title == NULL || *sl->a.title == '\0') {
		free(sl->a.title);
		sl->a.title = extract_title_of_path(sl->path);
	}
	if (sl->a.source == NULL && o->source != NULL)
		sl->a.source = xstrdup(o->source);
	article_hash(&sl->a, sl->a.hash);
	sl->a.hashed = 1;
	sl->parsed = 1;
	/* Importing a folder again: known articles are not compressed for
	 * nothing. The store's unique hash catches the rest. */
	if (known->n > 0 && bsearch(sl->a.hash, known->v, known->n, ARTICLE_HASH_LEN,
	    cmp_hash) != NULL) {
		sl->known = 1;
		free(sl->a.original);
		sl->a.original = NULL;
		return;
	}
	sl->a.no_signature = o->no_stories;
	article_pack(&sl->a);	/* off the thread that writes */
	/* Kept compressed now; the ring need not hold the page twice, nor
	 * the paragraphs beside their join, which is what the store takes. */
	free(sl->a.original);
	sl->a.original = NULL;
	strlist_free(&sl->a.paras);
	strlist_free(&sl->a.captions);
}

/* About what a prepared slot holds, for RING_BYTES: its joined texts
 * and blobs (prepare() has freed the paragraph lists). */
static size_t
slot_bytes(const struct slot *sl)
{
	const struct article *a = &sl->a;
	size_t n = sizeof *sl;

	if (!sl->parsed)
		return n;
	if (a->body != NULL)
		n += strlen(a->body);
	if (a->captions_text != NULL)
		n += strlen(a->captions_text);
	return n + a->zbody.len + a->zcaptions.len + a->zoriginal.len;
}

static void
slot_clear(struct slot *sl)
{
	if (sl->parsed)
		article_free(&sl->a);
	free(sl->skip);
	sl->parsed = 0;
	sl->skip = NULL;
	sl->failed = 0;
}

/*
 * Slots in flight: more than a batch, so that the workers prepare the
 * whole next batch while the main thread commits (indexes) this one.
 * With fewer they would stop partway into it, and the main thread would
 * then wait for them.
 */
#define RING 2048
_Static_assert(RING > 2 * BATCH, "the ring holds a batch and the next");
/* Bytes the ready slots may hold together: 2,048 ordinary articles take
 * about 20 MiB, while as many pages at the limit of an article (extract.h)
 * would take gigabytes. Past this the workers wait for the writer. */
#define RING_BYTES (32u << 20)
/* Bytes of a consumed slot that the main thread frees itself: the
 * slots kept for their workers to free then hold 32 MiB at the most,
 * and ordinary articles (about 10 KiB) are still freed by the workers. */
#define SLOT_FREE_NOW (16u << 10)
/* How much lower the workers' priority is than the main thread's. */
#define WORKER_NICE 10
/* Most worker threads, whatever the machine has. */
#define MAX_WORKERS 8

struct pipeline {
	pthread_mutex_t lock;
	pthread_cond_t ready;	/* a slot became ready */
	pthread_cond_t room;	/* the main thread freed a slot */
	const struct unit *units;
	size_t nunits;
	const struct boiler *bp;
	const struct import_opts *o;
	struct known known;
	struct slot ring[RING];
	size_t next;		/* next file a worker takes */
	size_t taken;		/* files the main thread has consumed */
	size_t held;		/* bytes the slots in flight hold (RING_BYTES) */
	int stop;
};

static void *
worker(void *arg)
{
	struct pipeline *pl = arg;

#ifdef __linux__
	/* Linux gives each thread its own nice value: the workers, which
	 * often wait for the writer, yield the CPU to the main thread, which
	 * writes and is the import's pace (on few cores it would wait for a
	 * CPU). Nothing is lost if this fails. */
	(void)!setpriority(PRIO_PROCESS, (id_t)gettid(), WORKER_NICE);
#endif
	pthread_mutex_lock(&pl->lock);
	for (;;) {
		size_t k;
		struct slot *sl;

		while (!pl->stop && pl->next < pl->nunits && (pl->next >= pl->taken + RING ||
		    (pl->held > RING_BYTES && pl->next > pl->taken)))
			pthread_cond_wait(&pl->room, &pl->lock);
		if (pl->stop || pl->next >= pl->nunits)
			break;
		k = pl->next++;
		sl = &pl->ring[k % RING];
		pthread_mutex_unlock(&pl->lock);
		/* What the slot held before: freed here, not by the main
		 * thread, which would wait for this thread's malloc arena
		 * at every free. */
		slot_clear(sl);
		pthread_mutex_lock(&pl->lock);
		memset(sl, 0, sizeof *sl);
		sl->path = pl->units[k].path;
		sl->rec = pl->units[k].rec;
		pthread_mutex_unlock(&pl->lock);
		prepare(pl->bp, pl->o, &pl->known, sl);
		sl->held = slot_bytes(sl);
		pthread_mutex_lock(&pl->lock);
		pl->held += sl->held;
		sl->ready = 1;
		pthread_cond_broadcast(&pl->ready);
	}
	pthread_mutex_unlock(&pl->lock);
	return NULL;
}

/* Wait for file k's slot (k = pl->taken). */
static struct slot *
wait_slot(struct pipeline *pl, size_t k)
{
	struct slot *sl = &pl->ring[k % RING];

	pthread_mutex_lock(&pl->lock);
	while (!(pl->next > k && sl->ready))
		pthread_cond_wait(&pl->ready, &pl->lock);
	pthread_mutex_unlock(&pl->lock);
	return sl;
}

/*
 * The slot is done with; a worker frees what it holds (slot_clear) when
 * it takes the slot again, RING files later. A large article is freed
 * here at once: RING of them kept until then would hold memory that
 * RING_BYTES does not count.
 */
static void
release_slot(struct pipeline *pl, struct slot *sl)
{
	if (sl->held > SLOT_FREE_NOW)
		slot_clear(sl);
	pthread_mutex_lock(&pl->lock);
	sl->ready = 0;
	pl->held -= sl->held;
	pl->taken++;
	pthread_cond_broadcast(&pl->room);
	pthread_mutex_unlock(&pl->lock);
}

enum outcome { ADDED, DUPLICATE, SKIPPED, FAILED, STOPPED };

/* --verbose: which article a duplicate file repeats. */
static void
say_duplicate(struct store *s, const char *name, const struct article *a)
{
	int64_t id;
	char *path = NULL, *other;

	if (store_find_hash(s, a->hash, &id, &path) != 1) {
		warnx(_("duplicate %s"), name);
		return;
	}
	other = walk_shown(path);
	warnx(_("duplicate %s: the same text as article %lld (%s)"), name, (long long)id, other);
	free(other);
	free(path);
}

/* The main thread's part for one prepared file: messages and the store. */
static enum outcome
finish_one(struct store *s, struct slot *sl, const struct import_opts *o,
    struct import_totals *t)
{
	char *name = walk_shown(sl->path);

	if (sl->rec != NULL) {
		/* A record is named by its line: "dump.jsonl:12". */
		char *at = xasprintf("%s:%zu", name, sl->rec->line);

		free(name);
		name = at;
	}
	enum outcome out;
	int rc;

	if (sl->invalid > 0) {
		warnx(P_("%s: %zu invalid UTF-8 sequence replaced by U+FFFD",
		    "%s: %zu invalid UTF-8 sequences replaced by U+FFFD", sl->invalid),
		    name, sl->invalid);
		t->invalid += sl->invalid;
	}
	if (sl->cut == EXTRACT_CUT_PARAS)
		warnx(_("cut %s: more than %zu paragraphs (--max-paragraphs)"), name,
		    o->limits.paras);
	else if (sl->cut == EXTRACT_CUT_BYTES)
		warnx(_("cut %s: more than %zu bytes of text (--max-text)"), name,
		    o->limits.bytes);
	if (sl->skip != NULL) {
		warnx(sl->failed ? _("failed %s: %s") : _("skipped %s: %s"), name, sl->skip);
		out = sl->failed ? FAILED : SKIPPED;
	} else if (sl->known) {
		out = DUPLICATE;
	} else {
		rc = store_add(s, &sl->a, sl->path, NULL);
		if (rc == STORE_REFUSED)
			warnx(_("failed %s: %s"), name, store_errmsg(s));
		out = rc == STORE_REFUSED ? FAILED : rc < 0 ? STOPPED : rc ? ADDED : DUPLICATE;
	}
	if (out == DUPLICATE && o->verbose)
		say_duplicate(s, name, &sl->a);
	free(name);
	return out;
}

/*
 * glibc gives each thread a malloc arena of its own, 64 MiB of address
 * space each: under a limit on address space (ulimit -v) the import
 * would run out of it long before it runs out of memory. Under such a
 * limit, as many arenas as fit in a quarter of it (at least the main
 * one, which reserves nothing); without one, glibc's own count: threads
 * that share an arena wait for each other.
 */
static void
limit_arenas(void)
{
	struct rlimit rl;

	if (getrlimit(RLIMIT_AS, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY) {
		rlim_t n = rl.rlim_cur / 4 / ((rlim_t)64 << 20);

		mallopt(M_ARENA_MAX, n < 1 ? 1 : n > MAX_WORKERS ? MAX_WORKERS : (int)n);
	}
}

/* The transaction at hand. */
struct batch {
	double start;		/* when it took the write lock */
	int n;			/* articles it added */
	double busy_until;	/* short batches until then (BUSY_SECONDS) */
};

/*
 * Whether the batch b should commit now: after o->batch articles,
 * BATCH_BYTES of text or BATCH_SECONDS; while writers of reading state
 * are about, after BATCH_BUSY articles or BATCH_BUSY_SECONDS. Such a
 * writer waits for the whole batch at hand, the indexing at its commit
 * included: with batches of a thousand that took 0.4-1.6 s at 100k on a
 * loaded machine, and a command-line edit's p99 was 0.8-1.1 s, against
 * issue 20's 1 s.
 */
static int
batch_done(struct store *s, struct batch *b, const struct import_opts *o)
{
	double now = monotonic_seconds(), held = now - b->start;

	if (b->n >= o->batch || store_pending_bytes(s) > BATCH_BYTES)
		return 1;
	if (store_turn_wanted(s))
		b->busy_until = now + BUSY_SECONDS;
	if (now < b->busy_until)
		return b->n >= BATCH_BUSY || held >= BATCH_BUSY_SECONDS;
	return held >= BATCH_SECONDS;
}

static int
worker_count(void)
{
	return pool_threads(MAX_WORKERS);
}

static int
tidy_progress(int64_t done, int64_t total, void *ctx)
{
	progress_update(ctx, (size_t)done, (size_t)total);
	return 0;
}

int
import_tidy(struct store *s, enum progress_mode mode)
{
	struct store_index_shape sh;
	struct progress bar;
	int rc;

	if (mode != PROGRESS_NONE && store_index_shape(s, &sh) == 0 && sh.segments > 1)
		fprintf(stderr, P_("merging the search index's %d part into one\n",
		    "merging the search index's %d parts into one\n", sh.segments), sh.segments);
	/* Its pages, not files: no plain lines in a pipe. */
	progress_init(&bar, mode == PROGRESS_BAR ? PROGRESS_BAR : PROGRESS_NONE);
	rc = store_tidy(s, tidy_progress, &bar);
	progress_end(&bar);
	return rc;
}

static void
push_unit(struct unit **u, size_t *n, size_t *cap, struct unit x)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 256;
		*u = xrealloc(*u, *cap * sizeof **u);
	}
	(*u)[(*n)++] = x;
}

/* The records of one file, kept while the import runs. */
struct file_spans {
	struct record_span *v;
	size_t n;
};

/* The records of a file of them as units, appended to *u; the file's
 * failure named and counted. Their spans are kept in *spans. */
static void
add_records(const char *path, struct unit **u, size_t *n, size_t *cap,
    struct file_spans **spans, size_t *nspans, struct import_totals *t)
{
	struct record_span *v;
	size_t k;
	char *why, *name;

	if (record_spans(path, &v, &k, &why) < 0 || why != NULL) {
		name = walk_shown(path);
		/* A broken array: the records before the break are read. */
		warnx(v != NULL || k > 0 ? _("failed %s: %s (the records after it are not read)") :
		    _("failed %s: %s"), name, why);
		free(name);
		free(why);
		t->failed++;
	}
	*spans = xrealloc(*spans, (*nspans + 1) * sizeof **spans);
	(*spans)[(*nspans)++] = (struct file_spans){ v, k };
	for (size_t i = 0; i < k; i++)
		push_unit(u, n, cap, (struct unit){ path, &v[i] });
}

static void
free_units(struct unit *u, struct file_spans *spans, size_t nspans)
{
	for (size_t i = 0; i < nspans; i++)
		record_spans_free(spans[i].v, spans[i].n);
	free(spans);
	free(u);
}

/* What the import takes, in order: each page file, each record of the
 * files of records (record.h). */
static struct unit *
make_units(const struct strlist *files, size_t *n, struct file_spans **spans,
    size_t *nspans, struct import_totals *t)
{
	struct unit *u = NULL;
	size_t cap = 0;

	*n = 0;
	*spans = NULL;
	*nspans = 0;
	for (size_t i = 0; i < files->len; i++) {
		const char *path = files->items[i];

		if (record_file(path))
			add_records(path, &u, n, &cap, spans, nspans, t);
		else
			push_unit(&u, n, &cap, (struct unit){ path, NULL });
	}
	return u;
}

/* Keys an import that died held are written; a big one of nunits files
 * holds its own in memory. 0, or -1. */
static int
band_begin(struct store *s, size_t nunits)
{
	int64_t articles = 0;

	if (store_band_recover(s) < 0)
		return -1;
	if (nunits < BAND_BULK_MIN)
		return 0;
	if (store_max_id(s, &articles) < 0)
		return -1;
	if ((int64_t)nunits * 4 < articles)
		return 0;
	return store_band_begin(s, nunits * STORY_BANDS, BAND_FLUSH) < 0 ? -1 : 0;
}

/* The keys held written: not a failed import if that fails, the next
 * one writes them. */
static void
band_end(struct store *s)
{
	if (store_band_end(s) < 0)
		warnx(_("could not write story keys (the next import will): %s"),
		    store_errmsg(s));
}

int
import_paths(struct store *s, const struct boiler *bp, char *const *paths, int npaths,
    const struct import_opts *o, struct import_totals *t)
{
	struct strlist files;
	struct unit *units;
	struct file_spans *spans;
	size_t nunits, nspans;
	struct pipeline *pl;
	pthread_t threads[MAX_WORKERS];
	double start = monotonic_seconds();
	struct progress bar;
	int nthreads = 0, open_txn = 0, rc = 0;
	struct batch b = { 0, 0, 0 };

	memset(t, 0, sizeof *t);
	strlist_init(&files);
	walk_begin();
	walk_paths(paths, npaths, o->follow, &files, t);
	t->files = files.len;
	units = make_units(&files, &nunits, &spans, &nspans, t);
	progress_init(&bar, o->progress);
	(void)store_set_cache(s, IMPORT_CACHE_KIB);

	/* Articles are made on worker threads and freed on this one: glibc
	 * then trims the workers' heaps after nearly every article, one
	 * madvise() each, giving back memory that is taken again at once.
	 * Keep the memory. */
	mallopt(M_TRIM_THRESHOLD, 256 << 20);
	limit_arenas();
	/* Tables the workers read are built before they start; so are
	 * libxml2's (its parser is thread-safe once initialised here) and
	 * jansson's hash seed (records). */
	text_init();
	html_init();
	record_init();
	text_width("");
	pl = xcalloc(1, sizeof *pl);
	pthread_mutex_init(&pl->lock, NULL);
	pthread_cond_init(&pl->ready, NULL);
	pthread_cond_init(&pl->room, NULL);
	pl->units = units;
	pl->nunits = nunits;
	pl->bp = bp;
	pl->o = o;
	{
		unsigned char *v;

		if (store_hashes(s, &v, &pl->known.n) < 0) {
			warnx(_("import stopped: %s"), store_errmsg(s));
			free(pl);
			free_units(units, spans, nspans);
			strlist_free(&files);
			walk_end();
			return -1;
		}
		pl->known.v = v;
	}
	if (band_begin(s, o->no_stories ? 0 : nunits) < 0) {
		/* Not a failed import: its stories are found, only slower. */
		warnx(_("could not hold story keys in memory: %s"), store_errmsg(s));
	}
	/* The WAL is copied back beside the writer; without that thread
	 * (none could start) the writer does it itself. */
	(void)store_ckpt_start(s);
	for (int i = 0; i < worker_count() && (size_t)i < nunits; i++) {
		if (pthread_create(&threads[nthreads], NULL, worker, pl) == 0)
			nthreads++;
	}
	if (nthreads == 0 && nunits > 0)
		die("%s", _("cannot start a thread"));

	for (size_t i = 0; i < nunits; i++) {
		struct slot *sl = wait_slot(pl, i);
		enum outcome out = FAILED;

		if (!open_txn) {
			if (store_begin(s) < 0) {
				release_slot(pl, sl);
				rc = -1;
				break;
			}
			open_txn = 1;
			b.start = monotonic_seconds();
		}
		out = finish_one(s, sl, o, t);
		release_slot(pl, sl);
		switch (out) {
		case ADDED:
			t->imported++;
			b.n++;
			break;
		case DUPLICATE:
			t->duplicates++;
			break;
		case SKIPPED:
			t->skipped++;
			break;
		case FAILED:
			t->failed++;
			break;
		case STOPPED:
			rc = -1;
			break;
		}
		if (rc < 0)
			break;
		/* A batch also ends after BATCH_SECONDS: on a slow machine (or
		 * under a sanitizer) a thousand articles held the write lock
		 * past another program's busy timeout, and so did a run of
		 * duplicates, which added none. At full speed a batch
		 * takes less. And after BATCH_BYTES of text to index: a batch
		 * of long pages held it all twice. */
		if (i + 1 == nunits || batch_done(s, &b, o)) {
			if (store_commit(s) < 0) {
				rc = -1;
				break;
			}
			b.n = 0;
			open_txn = 0;
			/* Another program's write waiting for the lock (a
			 * bookmark) gets in now: its busy handler tries every
			 * millisecond (store.c), and a luot waiting for its
			 * turn is waited for (store_yield). A thousand
			 * batches a million articles: two seconds in all. */
			if (i + 1 < nunits)
				store_yield(s, IMPORT_YIELD_MS);
		}
		progress_update(&bar, i + 1, nunits);
	}

	pthread_mutex_lock(&pl->lock);
	pl->stop = 1;
	pthread_cond_broadcast(&pl->room);
	pthread_mutex_unlock(&pl->lock);
	for (int i = 0; i < nthreads; i++)
		pthread_join(threads[i], NULL);
	/* What the slots still hold, taken or not. */
	for (size_t k = 0; k < RING; k++)
		slot_clear(&pl->ring[k]);
	pthread_cond_destroy(&pl->room);
	pthread_cond_destroy(&pl->ready);
	pthread_mutex_destroy(&pl->lock);
	free((void *)pl->known.v);
	free(pl);

	if (rc == 0)
		band_end(s);
	if (rc == 0 && t->imported > 0 && store_tidy_wanted(s)) {
		progress_end(&bar);
		/* Not a failed import: the index is whole, only slower. */
		if (import_tidy(s, o->progress) < 0)
			warnx(_("could not merge the search index (searches are slower"
			    " until `luot tidy` does): %s"), store_errmsg(s));
	}
	store_ckpt_stop(s);
	/* Not a failed import if this fails: the pages stay free for the
	 * next one. */
	if (rc == 0 && t->imported > 0 && store_trim(s) < 0)
		warnx(_("could not give free space back: %s"), store_errmsg(s));
	if (rc < 0) {
		/* Keep the first message: the rollback's would hide it. */
		char *msg = xstrdup(store_errmsg(s));

		store_rollback(s);
		/* The articles of the open batch are not in the store. */
		t->imported -= (size_t)b.n;
		warnx(_("import stopped: %s"), msg);
		free(msg);
		/* The batches committed keep their keys. */
		band_end(s);
	}
	progress_end(&bar);
	t->seconds = monotonic_seconds() - start;
	free_units(units, spans, nspans);
	strlist_free(&files);
	walk_end();
	return rc;
}
