/*
 * fetch.c: see fetch.h.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <curl/curl.h>

#include "fetch.h"
#include "html.h"
#include "pool.h"
#include "i18n.h"
#include "record.h"
#include "url.h"
#include "util.h"

/* One request: a feed, or the page of one of its entries that gave a
 * summary only (its full text). */
struct job {
	int page;		/* a page, not a feed */
	int64_t id;		/* the feed's */
	int full_text;		/* a feed's: fetch its entries' pages */
	char *url, *etag, *last_modified;
	/* A page's: the entry's record, and the article its summary made
	 * (stored when the page gives no longer text; has_summary 0 when
	 * the entry had a title only). */
	char *entry;
	struct article summary;
	int has_summary;
	CURL *easy;
	struct curl_slist *headers;
	struct buf body;
	int too_big;
	size_t max;
	/* From the last response's headers (a redirect's are dropped). */
	char *new_etag, *new_modified, *retry_after_hdr, *content_type;
	char err[CURL_ERROR_SIZE];
};

/* The requests of a fetch: the feeds, then the pages their entries ask
 * for, added as the feeds come in. Pointers: curl keeps each job's. */
struct queue {
	struct job **v;
	size_t n, cap;
};

static struct job *
queue_push(struct queue *q)
{
	struct job *j = xmalloc(sizeof *j);

	if (q->n == q->cap) {
		q->cap = q->cap ? q->cap * 2 : 16;
		q->v = xrealloc(q->v, q->cap * sizeof *q->v);
	}
	memset(j, 0, sizeof *j);
	article_init(&j->summary);
	buf_init(&j->body);
	q->v[q->n++] = j;
	return j;
}

void
fetch_opts_init(struct fetch_opts *o)
{
	o->jobs = FETCH_JOBS;
	o->connect_timeout = FETCH_CONNECT_TIMEOUT;
	o->timeout = FETCH_TIMEOUT;
	o->max_bytes = FETCH_MAX_BYTES;
	o->progress = PROGRESS_NONE;
	o->quiet = 0;
	o->stop = NULL;
}

/* Work for the pool's threads: an entry of a feed to extract, or a page
 * fetched for an entry to read. Its result is stored by the main
 * thread, which alone holds the store and curl. */
struct task {
	int page;		/* a page, else an entry */
	const struct boiler *bp;
	struct job *job;	/* the page's job, or the entry's feed */
	struct record_span span;	/* an entry's record (json, url, summary) */
	/* A page's answer, read from curl before the task is handed over. */
	CURLcode res;
	long code;
	char *where;
	/* Results. */
	struct article a;
	int rc;			/* entry: 0 or -1 (no text); page: page_article's, or -1 */
	int want_page;		/* entry: its page is to be fetched */
	char *why;
};

static struct task *
task_new(int page, const struct boiler *bp, struct job *j)
{
	struct task *k = xcalloc(1, sizeof *k);

	k->page = page;
	k->bp = bp;
	k->job = j;
	article_init(&k->a);
	return k;
}

static void
task_free(struct task *k)
{
	free(k->span.json);
	free(k->span.url);
	free(k->where);
	free(k->why);
	article_free(&k->a);
	free(k);
}

static size_t
on_body(char *data, size_t size, size_t n, void *ctx)
{
	struct job *j = ctx;
	size_t len = size * n;

	/* Counted after decoding: a small gzip that inflates past the limit
	 * is stopped as well. */
	if (j->body.len + len > j->max) {
		j->too_big = 1;
		return 0;
	}
	buf_add(&j->body, data, len);
	return len;
}

/* The value of header name in line (n bytes), new, or NULL. */
static char *
header_value(const char *line, size_t n, const char *name)
{
	size_t k = strlen(name);

	if (n <= k || strncasecmp(line, name, k) != 0 || line[k] != ':')
		return NULL;
	line += k + 1;
	n -= k + 1;
	while (n > 0 && (*line == ' ' || *line == '\t')) {
		line++;
		n--;
	}
	while (n > 0 && (line[n - 1] == '\r' || line[n - 1] == '\n' || line[n - 1] == ' '))
		n--;
	return n > 0 ? xstrndup(line, n) : NULL;
}

static void
keep_header(char **slot, char *v)
{
	if (v != NULL) {
		free(*slot);
		*slot = v;
	}
}

static size_t
on_header(char *line, size_t size, size_t n, void *ctx)
{
	struct job *j = ctx;
	size_t len = size * n;

	/* A new response (after a redirect): its headers only. */
	if (len >= 5 && strncmp(line, "HTTP/", 5) == 0) {
		free(j->new_etag);
		free(j->new_modified);
		free(j->retry_after_hdr);
		free(j->content_type);
		j->new_etag = j->new_modified = j->retry_after_hdr = j->content_type = NULL;
	}
	keep_header(&j->content_type, header_value(line, len, "Content-Type"));
	keep_header(&j->new_etag, header_value(line, len, "ETag"));
	keep_header(&j->new_modified, header_value(line, len, "Last-Modified"));
	keep_header(&j->retry_after_hdr, header_value(line, len, "Retry-After"));
	return len;
}

static void
job_free(struct job *j)
{
	if (j->easy != NULL)
		curl_easy_cleanup(j->easy);
	curl_slist_free_all(j->headers);
	buf_free(&j->body);
	free(j->url);
	free(j->etag);
	free(j->last_modified);
	free(j->new_etag);
	free(j->new_modified);
	free(j->retry_after_hdr);
	free(j->content_type);
	free(j->entry);
	article_free(&j->summary);
	free(j);
}

static CURL *
job_start(struct job *j, const struct fetch_opts *o)
{
	CURL *e = curl_easy_init();

	if (e == NULL)
		return NULL;
	j->max = o->max_bytes;
	curl_easy_setopt(e, CURLOPT_URL, j->url);
	curl_easy_setopt(e, CURLOPT_PRIVATE, j);
	curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(e, CURLOPT_WRITEDATA, j);
	curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(e, CURLOPT_HEADERDATA, j);
	curl_easy_setopt(e, CURLOPT_ERRORBUFFER, j->err);
	curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(e, CURLOPT_MAXREDIRS, (long)FETCH_MAX_REDIRS);
	/* Feeds are http, https or a file; a redirect goes to the web only
	 * (never from a server to a local file), and so do entries' links. */
	curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, j->page ? "http,https" : "http,https,file");
	curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT, o->connect_timeout);
	curl_easy_setopt(e, CURLOPT_TIMEOUT, o->timeout);
	curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)o->max_bytes);
	curl_easy_setopt(e, CURLOPT_USERAGENT, PACKAGE_NAME "/" PACKAGE_VERSION
	    " (terminal news reader; +https://github.com/luot)");
	curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
	if (j->etag != NULL) {
		char *h = xasprintf("If-None-Match: %s", j->etag);

		j->headers = curl_slist_append(j->headers, h);
		free(h);
	}
	if (j->last_modified != NULL) {
		char *h = xasprintf("If-Modified-Since: %s", j->last_modified);

		j->headers = curl_slist_append(j->headers, h);
		free(h);
	}
	if (j->headers != NULL)
		curl_easy_setopt(e, CURLOPT_HTTPHEADER, j->headers);
	j->easy = e;
	return e;
}

/* UTC now plus secs, as the store keeps dates ("2024-05-02T10:00:00Z"). */
static void
utc_after(time_t secs, char *out, size_t size)
{
	time_t t = time(NULL) + secs;
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, size, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* Seconds a Retry-After says: a number, or an HTTP date. */
static time_t
retry_seconds(const char *v)
{
	char *end;
	long n;
	time_t when;

	if (v == NULL)
		return FETCH_RETRY_DEFAULT;
	n = strtol(v, &end, 10);
	if (end != v && *end == '\0' && n >= 0)
		return (time_t)n;
	when = curl_getdate(v, NULL);
	if (when > 0)
		return when > time(NULL) ? when - time(NULL) : 0;
	return FETCH_RETRY_DEFAULT;
}

static const struct extract_limits limits = { EXTRACT_MAX_PARAS, EXTRACT_MAX_TEXT };

/* A failure said: on standard error unless o->quiet (the interface's
 * fetch, which shows the first on its message line), and the first
 * kept in t when keep is set (a feed's, not a page's: the summary of a
 * page that failed is stored all the same). */
static void __attribute__((format(printf, 4, 5)))
report(const struct fetch_opts *o, struct fetch_totals *t, int keep, const char *fmt, ...)
{
	char msg[sizeof t->first_error];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (keep && t->first_error[0] == '\0')
		memcpy(t->first_error, msg, sizeof msg);
	if (!o->quiet)
		warnx("%s", msg);
}

/* Bytes of an article's paragraphs. */
static size_t
text_bytes(const struct article *a)
{
	size_t n = 0;

	for (size_t i = 0; i < a->paras.len; i++)
		n += strlen(a->paras.items[i]);
	return n;
}

/* Store a, of feed j; counted in t. 0, or -1 when the store failed. */
static int
store_one(struct store *s, struct article *a, const char *path, struct fetch_totals *t)
{
	int added = store_add(s, a, path, NULL);

	if (added < 0 && added != STORE_REFUSED)
		return -1;
	if (added == 1)
		t->articles++;
	else if (added == 0)
		t->duplicates++;
	return 0;
}

/* Does the entry sp, which made a (NULL: nothing, a title only), want
 * its page fetched: a summary rather than the article? */
static int
wants_page(const struct job *feed, const struct record_span *sp, const struct article *a)
{
	if (!feed->full_text || sp->url == NULL || (strncmp(sp->url, "http://", 7) != 0 &&
	    strncmp(sp->url, "https://", 8) != 0))
		return 0;
	return a == NULL || sp->summary || text_bytes(a) < FETCH_SUMMARY_BYTES;
}

/* The page of entry task k queued; the entry's article (none when it had
 * no text) kept to be stored if the page fails. */
static void
queue_page(struct queue *q, struct task *k)
{
	struct job *p = queue_push(q);

	p->page = 1;
	p->id = k->job->id;
	p->url = url_clean(k->span.url);
	p->entry = k->span.json;
	k->span.json = NULL;
	if (k->rc == 0) {
		p->summary = k->a;
		p->has_summary = 1;
		article_init(&k->a);
	}
}

/* The entries of a fetched feed j not stored before handed to the pool;
 * the feed's title into *title. 0; 1 when it is no feed (*why says); -1
 * when the store failed. */
static int
store_entries(struct store *s, const struct boiler *bp, struct pool *pool, struct job *j,
    const char *where, char **title, struct fetch_totals *t, char **why)
{
	struct record_span *v;
	size_t n;
	int rc = 0;

	if (record_feed(j->body.data ? j->body.data : "", j->body.len, where, &v, &n, title,
	    why) < 0)
		return 1;
	for (size_t i = 0; i < n && rc == 0; i++) {
		char *url = url_clean(v[i].url);
		int known = url != NULL ? store_url_known(s, url) : 0;
		struct task *k;

		free(url);
		/* An entry stored before costs no extraction (most of a
		 * feed, fetched again). */
		if (known != 0) {
			if (known < 0)
				rc = -1;
			else
				t->duplicates++;
			continue;
		}
		k = task_new(0, bp, j);
		k->span = v[i];
		memset(&v[i], 0, sizeof v[i]);
		pool_submit(pool, k);
	}
	record_spans_free(v, n);
	return rc;
}

/* An entry extracted (a pool thread): its article, and whether its page
 * is wanted for the full text. */
static void
run_entry(struct task *k)
{
	enum extract_cut_kind cut;
	char *skip = NULL;

	k->rc = record_article(k->bp, NULL, k->span.json, &limits, &k->a, &cut, &skip);
	free(skip);
	/* A title only: its page may hold the text. */
	k->want_page = wants_page(k->job, &k->span, k->rc < 0 ? NULL : &k->a);
}

/* The status word of a failed request, as luot feeds shows it. */
static const char *
failed_status(const struct job *j, CURLcode res)
{
	if (res == CURLE_OPERATION_TIMEDOUT)
		return "timeout";
	if (j->too_big || res == CURLE_FILESIZE_EXCEEDED)
		return "too large";
	if (res == CURLE_TOO_MANY_REDIRECTS)
		return "redirects";
	return "error";
}

/* Why request j failed (res not CURLE_OK), new. */
static char *
failed_why(const struct job *j, CURLcode res)
{
	if (j->too_big || res == CURLE_FILESIZE_EXCEEDED)
		return xasprintf(_("larger than %zu bytes"), j->max);
	return xstrdup(*j->err ? j->err : curl_easy_strerror(res));
}

/* The charset a Content-Type names ("text/html; charset=windows-1258"),
 * new, or NULL. */
static char *
type_charset(const char *type)
{
	const char *p = type != NULL ? strcasestr(type, "charset=") : NULL;
	size_t n;

	if (p == NULL)
		return NULL;
	p += 8;
	if (*p == '"')
		p++;
	n = strcspn(p, "\"; \t");
	return n > 0 ? xstrndup(p, n) : NULL;
}

/* Is the answer of page job j a web page, by its type or, when it names
 * none, by its bytes? */
static int
is_page(const struct job *j)
{
	const char *t = j->content_type;

	if (t == NULL || *t == '\0')
		return html_looks(j->body.data ? j->body.data : "", j->body.len);
	return strncasecmp(t, "text/html", 9) == 0 || strncasecmp(t, "application/xhtml", 17) == 0;
}

/* The article of page job j's answer (fetched from where) in *a; 0; 1
 * when the page holds no more than the entry's summary; -1 with *why
 * (new) when it is no article. */
static int
page_article(const struct boiler *bp, struct job *j, const char *where, struct article *a,
    char **why)
{
	enum extract_cut_kind cut;
	char *hint = type_charset(j->content_type), *page, *rec, *at;
	size_t bad;
	int rc;

	*why = NULL;
	if (!is_page(j)) {
		*why = xasprintf(_("not a web page (%s)"), j->content_type);
		free(hint);
		return -1;
	}
	page = html_decode(j->body.data ? j->body.data : "", j->body.len, hint, NULL, &bad);
	free(hint);
	rec = record_with_page(j->entry, page);
	free(page);
	rc = record_article(bp, NULL, rec, &limits, a, &cut, why);
	free(rec);
	if (rc < 0)
		return -1;
	if (j->has_summary && text_bytes(a) <= text_bytes(&j->summary))
		return 1;
	/* The page's canonical URL when it is of the site the page came
	 * from (a page may name any); else where it came from. The entry's
	 * link is kept when it differs, so that the next fetch knows it. */
	at = url_clean(where);
	if (a->url == NULL || at == NULL || !url_same_site(a->url, at)) {
		free(a->url);
		a->url = at != NULL ? at : xstrdup(j->url);
	} else {
		free(at);
	}
	if (j->url != NULL && strcmp(j->url, a->url) != 0)
		a->link = xstrdup(j->url);
	return 0;
}

/* A page read (a pool thread): its article, or why not. */
static void
run_page(struct task *k)
{
	struct job *j = k->job;

	if (k->res != CURLE_OK)
		k->why = failed_why(j, k->res);
	else if (k->code < 200 || k->code >= 300)
		k->why = xasprintf(_("HTTP %ld"), k->code);
	else
		k->rc = page_article(k->bp, j, k->where, &k->a, &k->why);
	if (k->why != NULL)
		k->rc = -1;
	/* Read: the page's bytes are no longer needed. */
	buf_free(&j->body);
}

static void
run_task(void *arg)
{
	struct task *k = arg;

	if (k->page)
		run_page(k);
	else
		run_entry(k);
}

/* A page's task done: its article stored, or the entry's summary when the
 * page failed or gave no more (that is no failure of the fetch). 0, or
 * -1 when the store failed. */
static int
page_stored(struct store *s, const struct fetch_opts *o, struct task *k,
    struct fetch_totals *t)
{
	struct job *j = k->job;
	struct article *a = &k->a;

	t->pages++;
	t->pages_reading--;
	if (k->rc == 0) {
		t->full_text++;
	} else {
		if (k->why != NULL) {
			t->pages_failed++;
			report(o, t, 0, _("no full text for %s: %s"), j->url, k->why);
		}
		if (!j->has_summary)
			return 0;
		a = &j->summary;
	}
	a->feed_id = j->id;
	return store_one(s, a, j->url, t);
}

/* An entry's task done: stored, or its page queued. 0, or -1 when the
 * store failed. */
static int
entry_stored(struct store *s, struct queue *q, struct task *k, struct fetch_totals *t)
{
	if (k->want_page) {
		queue_page(q, k);
		return 0;
	}
	if (k->rc < 0)
		return 0;
	k->a.feed_id = k->job->id;
	return store_one(s, &k->a, k->job->url, t);
}

/* The tasks the pool has finished, stored in one transaction. 0, or -1
 * when the store failed. */
static int
drain(struct store *s, struct pool *pool, const struct fetch_opts *o, struct queue *q,
    struct fetch_totals *t)
{
	struct task *k = pool_take(pool);
	int rc = 0;

	if (k == NULL)
		return 0;
	if (store_begin(s) < 0)
		rc = -1;
	for (; k != NULL; k = pool_take(pool)) {
		if (rc == 0)
			rc = k->page ? page_stored(s, o, k, t) : entry_stored(s, q, k, t);
		task_free(k);
	}
	if (rc < 0) {
		store_rollback(s);
		return -1;
	}
	return store_commit(s) < 0 ? -1 : 0;
}

/* A feed's request done: what it found, into the store (or the queue,
 * for pages) and the totals. 0, or -1 when the store failed. */
static int
feed_done(struct store *s, const struct boiler *bp, const struct fetch_opts *o, struct job *j,
    CURLcode res, struct pool *pool, struct fetch_totals *t)
{
	struct store_feed_fetch f = { NULL, NULL, NULL, NULL, NULL, NULL };
	char status[32], again[32], *title = NULL, *why = NULL, *where = NULL;
	long code = 0;
	int rc = 0;

	curl_easy_getinfo(j->easy, CURLINFO_RESPONSE_CODE, &code);
	curl_easy_getinfo(j->easy, CURLINFO_EFFECTIVE_URL, &where);
	snprintf(status, sizeof status, "%ld", code);
	f.status = status;
	if (res != CURLE_OK) {
		f.status = failed_status(j, res);
		why = failed_why(j, res);
	} else if (code == 304) {
		t->unchanged++;
	} else if (code == 429 || code == 503) {
		utc_after(retry_seconds(j->retry_after_hdr), again, sizeof again);
		f.retry_after = again;
		why = xasprintf(_("HTTP %ld: asked again after %s"), code, again);
	} else if (code >= 400 || (code != 0 && code < 200) || (code >= 300 && code < 400)) {
		why = xasprintf(_("HTTP %ld"), code);
	} else {
		f.etag = j->new_etag;
		f.last_modified = j->new_modified;
		rc = store_entries(s, bp, pool, j, where, &title, t, &why);
		if (rc > 0) {
			f.status = "not a feed";
			rc = 0;
		}
		f.title = title;
	}
	if (why != NULL) {
		t->failed++;
		report(o, t, 1, _("failed %s: %s"), j->url, why);
		f.error = why;
	}
	if (rc == 0 && store_feed_fetched(s, j->id, &f) < 0)
		rc = -1;
	free(title);
	free(why);
	return rc;
}

/* The feeds to fetch: every one whose Retry-After has passed. */
struct list {
	struct queue *q;
	char now[32];
	struct fetch_totals *t;
};

static int
collect(const struct store_feed *f, void *ctx)
{
	struct list *l = ctx;
	struct job *j;

	l->t->feeds++;
	if (f->retry_after != NULL && strcmp(f->retry_after, l->now) > 0) {
		l->t->waiting++;
		return 0;
	}
	j = queue_push(l->q);
	j->id = f->id;
	j->full_text = f->full_text;
	j->url = xstrdup(f->url);
	j->etag = f->etag ? xstrdup(f->etag) : NULL;
	j->last_modified = f->last_modified ? xstrdup(f->last_modified) : NULL;
	return 0;
}

static void
drop_task(void *task)
{
	task_free(task);
}

/* Is it time to store what the threads finished: a batch of it, or all
 * that is left, or pages that hold up new requests (FETCH_BACKLOG)? */
static int
must_drain(struct pool *pool, int running, const struct fetch_totals *t, int threads)
{
	size_t finished = pool_finished(pool);

	return finished >= FETCH_BATCH || (running == 0 && finished == pool_pending(pool)) ||
	    (finished > 0 && t->pages_reading >= (size_t)threads * FETCH_BACKLOG);
}

/* A finished task wakes the curl loop. */
static void
wake(void *ctx)
{
	curl_multi_wakeup(ctx);
}

/* A page's request done: what curl knows of it read now (the handle goes),
 * the reading of it handed to the pool. */
static void
page_done(const struct boiler *bp, struct pool *pool, struct job *j, CURLcode res)
{
	struct task *k = task_new(1, bp, j);
	char *where = NULL;

	k->res = res;
	curl_easy_getinfo(j->easy, CURLINFO_RESPONSE_CODE, &k->code);
	curl_easy_getinfo(j->easy, CURLINFO_EFFECTIVE_URL, &where);
	k->where = where != NULL ? xstrdup(where) : NULL;
	pool_submit(pool, k);
}

int
fetch_feeds(struct store *s, const struct boiler *bp, const struct fetch_opts *o,
    struct fetch_totals *t)
{
	struct queue q = { NULL, 0, 0 };
	struct list l = { &q, "", t };
	struct progress bar;
	struct pool *pool;
	CURLM *multi;
	size_t next = 0, done = 0;
	int running = 0, rc = 0, threads = pool_threads(FETCH_THREADS);
	double start = monotonic_seconds();

	memset(t, 0, sizeof *t);
	utc_after(0, l.now, sizeof l.now);
	if (store_feeds(s, collect, &l) < 0) {
		report(o, t, 1, "%s", store_errmsg(s));
		return -1;
	}
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK ||
	    (multi = curl_multi_init()) == NULL)
		die("%s", _("cannot start libcurl"));
	/* What the pool's threads use, made ready before them. */
	html_init();
	record_init();
	if ((pool = pool_new(threads, run_task, wake, multi)) == NULL)
		die("%s", _("cannot start a thread"));
	progress_init(&bar, o->progress);
	while (rc == 0 && (next < q.n || running > 0 || pool_pending(pool) > 0) &&
	    (o->stop == NULL || *o->stop == 0)) {
		CURLMsg *m;
		int left;

		/* At most o->jobs requests at once, and no more pages in hand
		 * than the threads will soon read (a page waits in memory). */
		while (next < q.n && running < o->jobs &&
		    t->pages_reading < (size_t)threads * FETCH_BACKLOG) {
			CURL *e = job_start(q.v[next], o);

			if (e == NULL || curl_multi_add_handle(multi, e) != CURLM_OK)
				die("%s", _("cannot start a request"));
			next++;
			running++;
		}
		curl_multi_perform(multi, &running);
		while ((m = curl_multi_info_read(multi, &left)) != NULL) {
			struct job *j;

			if (m->msg != CURLMSG_DONE)
				continue;
			curl_easy_getinfo(m->easy_handle, CURLINFO_PRIVATE, (char **)&j);
			curl_multi_remove_handle(multi, m->easy_handle);
			if (j->page) {
				page_done(bp, pool, j, m->data.result);
				t->pages_reading++;
			}
			else if (feed_done(s, bp, o, j, m->data.result, pool, t) < 0)
				rc = -1;
			curl_easy_cleanup(j->easy);
			j->easy = NULL;
			if (!j->page)
				buf_free(&j->body);
			progress_update(&bar, ++done, q.n);
		}
		/* Stored by the batch, as an import does: a commit each few
		 * articles would cost more than their extraction. */
		if (rc == 0 && must_drain(pool, running, t, threads) && drain(s, pool, o, &q, t) < 0)
			rc = -1;
		if (rc < 0)
			report(o, t, 1, _("fetch stopped: %s"), store_errmsg(s));
		else if (running > 0 || pool_pending(pool) > 0)
			curl_multi_poll(multi, NULL, 0, 100, NULL);
	}
	progress_end(&bar);
	/* Stopped early: what the threads still do is dropped. */
	pool_free(pool, drop_task);
	for (size_t i = 0; i < q.n; i++) {
		if (q.v[i]->easy != NULL)
			curl_multi_remove_handle(multi, q.v[i]->easy);
		job_free(q.v[i]);
	}
	free(q.v);
	curl_multi_cleanup(multi);
	t->seconds = monotonic_seconds() - start;
	return rc;
}
