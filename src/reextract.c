/*
 * reextract.c: see reextract.h.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "i18n.h"
#include "import.h"
#include "reextract.h"
#include "text.h"
#include "util.h"

static void
say_failed(const struct store_page *p, const char *why)
{
	warnx(_("article %lld left as it was: %s"), (long long)p->id, why);
}

/* Extract page p again and write it over its article: 1 changed, 0 not,
 * 2 failed (named), -1 the store failed. */
static int
redo_one(struct store *s, const struct boiler *bp, struct store_page *p)
{
	static const struct extract_limits limits = { EXTRACT_MAX_PARAS, EXTRACT_MAX_TEXT };
	enum extract_cut_kind cut;
	struct article a;
	char *text = p->original;
	int rc;

	p->original = NULL;
	if (text == NULL) {
		if (p->corrupt) {
			say_failed(p, _("its kept page is damaged"));
			return 2;
		}
		struct text_stats ts;
		char *reason;
		int failed;

		/* Imported before luot kept pages: its file, read as then. */
		if ((text = import_read_page(p->path, IMPORT_MAX_BYTES, &ts, &reason, &failed)) == NULL) {
			char *name = text_sanitize(p->path);
			char *why = xasprintf(_("its page was not kept and %s cannot be read: %s"),
			    name, reason);

			say_failed(p, why);
			free(why);
			free(reason);
			free(name);
			return 2;
		}
	}
	article_init(&a);
	/* Within the import's default limits: a page kept (or a file read)
	 * before they were is cut as an import would cut it now. A record
	 * is read as a record, a web page as one (import_extract). */
	{
		char *why;

		if (import_extract(bp, text, &limits, &a, &cut, &why) < 0) {
			char *said = xasprintf(_("%s in its page now"), why);

			free(text);
			say_failed(p, said);
			free(said);
			free(why);
			return 2;
		}
		if (a.original != NULL) {
			/* A record keeps its fields, not the text read. */
			free(text);
			text = a.original;
			a.original = NULL;
		}
	}
	if (a.title == NULL || *a.title == '\0') {
		free(a.title);
		a.title = extract_title_of_path(p->path);
	}
	a.original = text;
	article_pack(&a);
	rc = store_replace(s, p->id, &a);
	article_free(&a);
	if (rc == STORE_REFUSED) {
		say_failed(p, store_errmsg(s));
		return 2;
	}
	return rc;
}

/* Count what redo_one() answered into t; -1 stops. */
static int
tally(int rc, struct reextract_totals *t)
{
	if (rc < 0)
		return -1;
	t->articles++;
	if (rc == 1)
		t->changed++;
	else if (rc == 0)
		t->unchanged++;
	else
		t->failed++;
	return 0;
}

/* One batch of pages in one transaction. */
static int
redo_batch(struct store *s, const struct boiler *bp, struct store_page *v, size_t n,
    struct reextract_totals *t)
{
	int rc = 0;

	if (store_begin(s) < 0)
		return -1;
	for (size_t i = 0; i < n && rc == 0; i++)
		rc = tally(redo_one(s, bp, &v[i]), t);
	if (rc == 0 && store_commit(s) < 0)
		rc = -1;
	if (rc < 0) {
		char *msg = xstrdup(store_errmsg(s));

		store_rollback(s);
		warnx(_("reextract stopped: %s"), msg);
		free(msg);
	}
	return rc;
}

static void
pages_free(struct store_page *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		store_page_free(&v[i]);
	free(v);
}

/* Every article, a batch at a time. */
static int
redo_all(struct store *s, const struct boiler *bp, int batch, struct progress *bar,
    struct reextract_totals *t)
{
	struct store_stats st;
	int64_t after = 0;

	if (store_stats(s, &st) < 0) {
		warnx(_("reextract stopped: %s"), store_errmsg(s));
		return -1;
	}
	for (;;) {
		struct store_page *v;
		size_t n;
		int rc;

		if (store_pages(s, after, batch, &v, &n) < 0) {
			warnx(_("reextract stopped: %s"), store_errmsg(s));
			return -1;
		}
		if (n == 0) {
			free(v);
			return 0;
		}
		after = v[n - 1].id;
		rc = redo_batch(s, bp, v, n, t);
		pages_free(v, n);
		if (rc < 0)
			return -1;
		progress_update(bar, t->articles, (size_t)st.articles);
	}
}

/* The articles named, in one transaction. */
static int
redo_ids(struct store *s, const struct boiler *bp, const int64_t *ids, size_t nids,
    struct reextract_totals *t)
{
	struct store_page *v = xcalloc(nids, sizeof *v);
	size_t n = 0;
	int rc;

	for (size_t i = 0; i < nids; i++) {
		struct store_page *one;
		size_t got;

		if (store_pages(s, ids[i] - 1, 1, &one, &got) < 0) {
			warnx(_("reextract stopped: %s"), store_errmsg(s));
			pages_free(v, n);
			return -1;
		}
		if (got == 1 && one[0].id == ids[i]) {
			v[n++] = one[0];
		} else {
			warnx(_("no article with id %lld"), (long long)ids[i]);
			t->failed++;
			for (size_t k = 0; k < got; k++)
				store_page_free(&one[k]);
		}
		free(one);
	}
	rc = redo_batch(s, bp, v, n, t);
	pages_free(v, n);
	return rc;
}

int
reextract_run(struct store *s, const struct boiler *bp, const int64_t *ids, size_t nids,
    int batch, enum progress_mode mode, struct reextract_totals *t)
{
	double start = monotonic_seconds();
	struct progress bar;
	int rc;

	memset(t, 0, sizeof *t);
	progress_init(&bar, mode);
	if (nids > 0)
		rc = redo_ids(s, bp, ids, nids, t);
	else
		rc = redo_all(s, bp, batch, &bar, t);
	progress_end(&bar);
	if (rc == 0 && t->changed > 0 && store_trim(s) < 0)
		warnx(_("could not give free space back: %s"), store_errmsg(s));
	t->seconds = monotonic_seconds() - start;
	return rc;
}
