/*
 * fetch.c: see fetch.h.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <curl/curl.h>

#include "fetch.h"
#include "i18n.h"
#include "record.h"
#include "url.h"
#include "util.h"

/* One feed's request. */
struct job {
	int64_t id;
	char *url, *etag, *last_modified;
	CURL *easy;
	struct curl_slist *headers;
	struct buf body;
	int too_big;
	size_t max;
	/* From the last response's headers (a redirect's are dropped). */
	char *new_etag, *new_modified, *retry_after_hdr;
	char err[CURL_ERROR_SIZE];
};

void
fetch_opts_init(struct fetch_opts *o)
{
	o->jobs = FETCH_JOBS;
	o->connect_timeout = FETCH_CONNECT_TIMEOUT;
	o->timeout = FETCH_TIMEOUT;
	o->max_bytes = FETCH_MAX_BYTES;
	o->progress = PROGRESS_NONE;
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
		j->new_etag = j->new_modified = j->retry_after_hdr = NULL;
	}
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
	 * (never from a server to a local file). */
	curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https,file");
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

/* The entries of a fetched feed stored as articles of feed j->id; the
 * feed's title into *title. 0, -1 when the store failed. */
static int
store_entries(struct store *s, const struct boiler *bp, struct job *j, const char *where,
    char **title, struct fetch_totals *t, char **why)
{
	static const struct extract_limits lim = { EXTRACT_MAX_PARAS, EXTRACT_MAX_TEXT };
	struct record_span *v;
	size_t n;
	int rc = 0;

	if (record_feed(j->body.data ? j->body.data : "", j->body.len, where, &v, &n, title,
	    why) < 0)
		return 1;
	if (store_begin(s) < 0)
		return -1;
	for (size_t i = 0; i < n && rc == 0; i++) {
		enum extract_cut_kind cut;
		struct article a;
		char *skip = NULL, *url = url_clean(v[i].url);
		int added, known = url != NULL ? store_url_known(s, url) : 0;

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
		article_init(&a);
		if (record_article(bp, NULL, v[i].json, &lim, &a, &cut, &skip) < 0) {
			/* An entry with a title only: nothing to read yet. */
			free(skip);
			article_free(&a);
			continue;
		}
		a.feed_id = j->id;
		added = store_add(s, &a, j->url, NULL);
		if (added < 0 && added != STORE_REFUSED)
			rc = -1;
		else if (added == 1)
			t->articles++;
		else if (added == 0)
			t->duplicates++;
		article_free(&a);
	}
	record_spans_free(v, n);
	if (rc < 0) {
		store_rollback(s);
		return -1;
	}
	return store_commit(s) < 0 ? -1 : 0;
}

/* A request done: what it found, into the store and the totals. 0, or
 * -1 when the store failed. */
static int
job_done(struct store *s, const struct boiler *bp, struct job *j, CURLcode res,
    struct fetch_totals *t)
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
		f.status = res == CURLE_OPERATION_TIMEDOUT ? "timeout" : j->too_big ||
		    res == CURLE_FILESIZE_EXCEEDED ? "too large" : res == CURLE_TOO_MANY_REDIRECTS ?
		    "redirects" : "error";
		why = j->too_big || res == CURLE_FILESIZE_EXCEEDED ?
		    xasprintf(_("larger than %zu bytes"), j->max) :
		    xstrdup(*j->err ? j->err : curl_easy_strerror(res));
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
		rc = store_entries(s, bp, j, where, &title, t, &why);
		if (rc > 0) {
			f.status = "not a feed";
			rc = 0;
		}
		f.title = title;
	}
	if (why != NULL) {
		t->failed++;
		warnx(_("failed %s: %s"), j->url, why);
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
	struct job *v;
	size_t n;
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
	l->v = xrealloc(l->v, (l->n + 1) * sizeof *l->v);
	j = &l->v[l->n++];
	memset(j, 0, sizeof *j);
	j->id = f->id;
	j->url = xstrdup(f->url);
	j->etag = f->etag ? xstrdup(f->etag) : NULL;
	j->last_modified = f->last_modified ? xstrdup(f->last_modified) : NULL;
	buf_init(&j->body);
	return 0;
}

int
fetch_feeds(struct store *s, const struct boiler *bp, const struct fetch_opts *o,
    struct fetch_totals *t)
{
	struct list l = { NULL, 0, "", t };
	struct progress bar;
	CURLM *multi;
	size_t next = 0, done = 0;
	int running = 0, rc = 0;
	double start = monotonic_seconds();

	memset(t, 0, sizeof *t);
	utc_after(0, l.now, sizeof l.now);
	if (store_feeds(s, collect, &l) < 0) {
		warnx("%s", store_errmsg(s));
		return -1;
	}
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK ||
	    (multi = curl_multi_init()) == NULL)
		die("%s", _("cannot start libcurl"));
	progress_init(&bar, o->progress);
	while (rc == 0 && (next < l.n || running > 0)) {
		CURLMsg *m;
		int left;

		/* At most o->jobs requests at once. */
		while (next < l.n && running < o->jobs) {
			CURL *e = job_start(&l.v[next], o);

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
			if (job_done(s, bp, j, m->data.result, t) < 0) {
				warnx(_("fetch stopped: %s"), store_errmsg(s));
				rc = -1;
			}
			curl_easy_cleanup(j->easy);
			j->easy = NULL;
			progress_update(&bar, ++done, l.n);
		}
		if (running > 0)
			curl_multi_poll(multi, NULL, 0, 100, NULL);
	}
	progress_end(&bar);
	for (size_t i = 0; i < l.n; i++) {
		if (l.v[i].easy != NULL)
			curl_multi_remove_handle(multi, l.v[i].easy);
		job_free(&l.v[i]);
	}
	free(l.v);
	curl_multi_cleanup(multi);
	t->seconds = monotonic_seconds() - start;
	return rc;
}
