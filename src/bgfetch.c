/*
 * bgfetch.c: see bgfetch.h.
 */
#include "config.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>

#include "bgfetch.h"
#include "boiler.h"
#include "html.h"
#include "i18n.h"
#include "record.h"
#include "store.h"
#include "util.h"

struct bgfetch {
	pthread_t thread;
	char *path;
	struct fetch_totals t;
	int rc;
	atomic_int done;
	atomic_int stop;
};

/* Keep why as the failure said, and free it. */
static void
failed(struct bgfetch *f, char *why)
{
	snprintf(f->t.first_error, sizeof f->t.first_error, "%s", why ? why : "");
	free(why);
	f->rc = -1;
}

static void *
run(void *arg)
{
	struct bgfetch *f = arg;
	struct fetch_opts o;
	struct boiler *bp;
	struct store *s;
	char *err = NULL;

	fetch_opts_init(&o);
	o.quiet = 1;
	o.stop = &f->stop;
	if ((bp = boiler_in_use(NULL, &err)) == NULL) {
		failed(f, err);
	} else if ((s = store_open(f->path, &err)) == NULL) {
		failed(f, err);
		boiler_free(bp);
	} else {
		f->rc = fetch_feeds(s, bp, &o, &f->t);
		store_close(s);
		boiler_free(bp);
	}
	atomic_store(&f->done, 1);
	return NULL;
}

struct bgfetch *
bgfetch_start(const char *path, char **why)
{
	struct bgfetch *f = xcalloc(1, sizeof *f);
	int rc;

	/* What is not safe to start in two threads at once, started here
	 * (as import does before its workers). */
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
		*why = xstrdup(_("cannot start libcurl"));
		free(f);
		return NULL;
	}
	html_init();
	record_init();
	f->path = xstrdup(path);
	atomic_init(&f->done, 0);
	atomic_init(&f->stop, 0);
	if ((rc = pthread_create(&f->thread, NULL, run, f)) != 0) {
		*why = xasprintf(_("cannot start the fetch: %s"), strerror(rc));
		free(f->path);
		free(f);
		return NULL;
	}
	return f;
}

void
bgfetch_stop(struct bgfetch *f)
{
	atomic_store(&f->stop, 1);
}

int
bgfetch_done(struct bgfetch *f)
{
	return atomic_load(&f->done);
}

int
bgfetch_finish(struct bgfetch *f, struct fetch_totals *t)
{
	int rc;

	pthread_join(f->thread, NULL);
	*t = f->t;
	rc = f->rc;
	free(f->path);
	free(f);
	return rc;
}
