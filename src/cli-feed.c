/*
 * cli-feed.c: the feeds subscribed to: feed add, feed rm, feed import
 * (OPML), and feeds (a table, JSON Lines or OPML).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cmd.h"
#include "feed.h"
#include "fetch.h"
#include "i18n.h"
#include "json.h"
#include "text.h"
#include "url.h"
#include "util.h"

enum { OPT_NO_FULL_TEXT = CMD_LONG_ONLY, OPT_OPML, OPT_TIMEOUT };

/* Bytes of the largest OPML file read (a few thousand feeds). */
#define OPML_MAX (16u << 20)

static const struct cmd_opt feed_opts[] = {
	{ 't', "tag", N_("TAG"), N_("file the feeds under TAG") },
	{ OPT_NO_FULL_TEXT, "no-full-text", NULL,
	  N_("keep entries as the feed gives them; do not\nfetch the page of one with a summary only") },
	{ 0, NULL, NULL, NULL },
};

static const struct cmd_opt fetch_opts[] = {
	{ 'J', "jobs", "N", N_("fetch N feeds at once (default 8)") },
	{ OPT_TIMEOUT, "timeout", N_("SECONDS"), N_("give a feed up after SECONDS (default 60)") },
	{ 'q', "quiet", NULL, N_("no progress bar (or lines, in a pipe)") },
	{ 0, NULL, NULL, NULL },
};

static const struct cmd_opt feeds_opts[] = {
	{ 'j', "json", NULL, N_("one JSON object a line") },
	{ OPT_OPML, "opml", NULL, N_("as OPML, for another feed reader") },
	{ 0, NULL, NULL, NULL },
};

/* The feed URL given, as kept (url.h), or NULL with a message. */
static char *
feed_url(const char *given)
{
	char *u = url_clean(given);

	if (u == NULL)
		warnx(_("%s: not a feed address (http, https or file URL)"), given);
	return u;
}

/* Subscribe to url: 1 new, 0 there already (said), -1 error (said). */
static int
subscribe(struct store *s, const char *url, const char *tag, int full_text, const char *title)
{
	int rc = store_feed_add(s, url, tag, full_text, title, NULL);

	if (rc < 0)
		warnx("%s", store_errmsg(s));
	else if (rc == 0)
		warnx(_("%s: subscribed already"), url);
	return rc;
}

static int
feed_add(struct cmd_ctx *c)
{
	struct strlist urls;
	int bad = 0, added = 0;

	strlist_init(&urls);
	for (int i = 1; i < c->argc; i++) {
		char *u = feed_url(c->argv[i]);

		if (u == NULL)
			bad = 1;
		else
			strlist_push(&urls, u);
	}
	/* All or nothing: a mistyped address adds none of the others. */
	if (bad || urls.len == 0 || cmd_store(c, "luot.db") == NULL) {
		strlist_free(&urls);
		return urls.len == 0 && !bad ? cmd_bad_usage(c, _("feed add wants feed URLs")) :
		    bad ? 2 : 1;
	}
	for (size_t i = 0; i < urls.len; i++) {
		int rc = subscribe(c->s, urls.items[i], cmd_get(c, 't'),
		    !cmd_has(c, OPT_NO_FULL_TEXT), NULL);

		if (rc < 0)
			break;
		added += rc;
	}
	printf(P_("subscribed to %d feed\n", "subscribed to %d feeds\n", added), added);
	strlist_free(&urls);
	return 0;
}

static int
feed_rm(struct cmd_ctx *c)
{
	int status = 0;

	if (c->argc < 2)
		return cmd_bad_usage(c, _("feed rm wants feed URLs or ids"));
	if (cmd_store(c, "luot.db") == NULL)
		return 1;
	for (int i = 1; i < c->argc; i++) {
		int rc = store_feed_remove(c->s, c->argv[i]);

		if (rc < 0) {
			warnx("%s", store_errmsg(c->s));
			return 1;
		}
		if (rc == 0) {
			warnx(_("no feed %s"), c->argv[i]);
			status = 1;
		}
	}
	return status;
}

/* feed import FILE.opml: each feed it lists, tagged by its folder. */
static int
feed_import(struct cmd_ctx *c)
{
	struct feed_outline *v;
	size_t n, len;
	int added = 0, had = 0, bad = 0;
	char *data, *why;

	if (c->argc != 2)
		return cmd_bad_usage(c, _("feed import wants one OPML file"));
	if ((data = util_read_file(c->argv[1], OPML_MAX, &len, &why)) == NULL) {
		warnx("%s: %s", c->argv[1], why);
		free(why);
		return 1;
	}
	if (feed_opml(data, len, &v, &n, &why) < 0) {
		warnx("%s: %s", c->argv[1], why);
		free(why);
		free(data);
		return 1;
	}
	free(data);
	if (cmd_store(c, "luot.db") == NULL) {
		feed_outlines_free(v, n);
		return 1;
	}
	for (size_t i = 0; i < n; i++) {
		char *u = feed_url(v[i].url);
		int rc;

		if (u == NULL) {
			bad++;
			continue;
		}
		rc = subscribe(c->s, u, cmd_get(c, 't') ? cmd_get(c, 't') : v[i].tag,
		    !cmd_has(c, OPT_NO_FULL_TEXT), v[i].title);
		free(u);
		if (rc < 0)
			break;
		added += rc;
		had += rc == 0;
	}
	feed_outlines_free(v, n);
	printf(_("subscribed to %d, already %d, not feed addresses %d\n"), added, had, bad);
	return bad > 0 ? 1 : 0;
}

static int
run_feed(struct cmd_ctx *c)
{
	const char *verb = c->argv[0];

	if (strcmp(verb, "add") == 0)
		return feed_add(c);
	if (strcmp(verb, "rm") == 0 || strcmp(verb, "remove") == 0)
		return feed_rm(c);
	if (strcmp(verb, "import") == 0)
		return feed_import(c);
	return cmd_bad_usage(c, _("feed wants add, rm or import"));
}

/* s with XML's special characters as references, appended to b. */
static void
xml_attr(struct buf *b, const char *s)
{
	for (; s != NULL && *s; s++) {
		switch (*s) {
		case '&': buf_adds(b, "&amp;"); break;
		case '<': buf_adds(b, "&lt;"); break;
		case '>': buf_adds(b, "&gt;"); break;
		case '"': buf_adds(b, "&quot;"); break;
		case '\'': buf_adds(b, "&apos;"); break;
		default: buf_addc(b, *s);
		}
	}
}

struct listing {
	enum { AS_TABLE, AS_JSON, AS_OPML } as;
	struct buf out;
	int n;
};

static int
list_feed(const struct store_feed *f, void *ctx)
{
	struct listing *l = ctx;
	struct buf *b = &l->out;

	l->n++;
	if (l->as == AS_JSON) {
		buf_addc(b, '{');
		json_key(b, "id", 1);
		buf_printf(b, "%lld", (long long)f->id);
		json_member(b, "url", f->url);
		json_member(b, "title", f->title);
		json_member(b, "tag", f->tag);
		json_key(b, "full_text", 0);
		buf_adds(b, f->full_text ? "true" : "false");
		json_member(b, "added", f->added);
		json_member(b, "fetched", f->fetched);
		json_member(b, "status", f->status);
		json_member(b, "error", f->error);
		json_key(b, "articles", 0);
		buf_printf(b, "%lld}\n", (long long)f->articles);
	} else if (l->as == AS_OPML) {
		buf_adds(b, "    <outline type=\"rss\" text=\"");
		xml_attr(b, f->title ? f->title : f->url);
		buf_adds(b, "\" xmlUrl=\"");
		xml_attr(b, f->url);
		if (f->tag != NULL) {
			buf_adds(b, "\" category=\"");
			xml_attr(b, f->tag);
		}
		buf_adds(b, "\"/>\n");
	} else {
		char *title = text_sanitize(f->title ? f->title : f->url);

		buf_printf(b, "%5lld  %6lld  %-20s  %s%s%s%s\n", (long long)f->id,
		    (long long)f->articles, f->fetched ? f->fetched : _("never fetched"), title,
		    f->tag ? "  #" : "", f->tag ? f->tag : "", f->error ? "  !" : "");
		free(title);
	}
	return 0;
}

static int
run_feeds(struct cmd_ctx *c)
{
	struct listing l = { AS_TABLE, { NULL, 0, 0 }, 0 };

	if (c->json && cmd_has(c, OPT_OPML))
		return cmd_bad_usage(c, _("--json or --opml, not both"));
	l.as = c->json ? AS_JSON : cmd_has(c, OPT_OPML) ? AS_OPML : AS_TABLE;
	if (cmd_store(c, "luot.db") == NULL)
		return 1;
	buf_init(&l.out);
	buf_add(&l.out, "", 0);
	if (l.as == AS_OPML)
		buf_adds(&l.out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n"
		    "  <head><title>luot</title></head>\n  <body>\n");
	if (store_feeds(c->s, list_feed, &l) < 0) {
		warnx("%s", store_errmsg(c->s));
		buf_free(&l.out);
		return 1;
	}
	if (l.as == AS_OPML)
		buf_adds(&l.out, "  </body>\n</opml>\n");
	fputs(l.out.data, stdout);
	if (l.n == 0 && l.as == AS_TABLE)
		warnx("%s", _("no feeds (luot feed add URL subscribes to one)"));
	buf_free(&l.out);
	return 0;
}

const struct command cli_feed_entry = {
	"feed", N_("add URL... | rm URL|ID... | import FILE.opml"),
	N_("Subscribe to feeds, unsubscribe, or subscribe to an OPML file's."),
	feed_opts, NULL, NULL,
	0, 1, -1, N_("feed wants add, rm or import"), run_feed,
};

const struct command cli_feeds_entry = {
	"feeds", N_("[--json | --opml]"),
	N_("List the feeds: id, articles, last fetch, title, tag."),
	feeds_opts, N_("read the database at PATH"), NULL,
	0, 0, 0, N_("feeds takes no arguments"), run_feeds,
};

static int
run_fetch(struct cmd_ctx *c)
{
	struct fetch_opts o;
	struct fetch_totals t;
	struct boiler *bp;
	const char *v;
	long n;
	int rc;

	fetch_opts_init(&o);
	if ((v = cmd_get(c, 'J')) != NULL) {
		if (cmd_parse_limit(v, &n) < 0 || n < 1 || n > 64)
			return cmd_bad_usage(c, _("--jobs wants a number from 1 to 64"));
		o.jobs = (int)n;
	}
	if ((v = cmd_get(c, OPT_TIMEOUT)) != NULL) {
		if (cmd_parse_limit(v, &n) < 0 || n < 1)
			return cmd_bad_usage(c, _("--timeout wants a number of seconds above 0"));
		o.timeout = n;
		if (o.connect_timeout > n)
			o.connect_timeout = n;
	}
	o.progress = cli_progress(cmd_has(c, 'q'));
	if ((bp = cli_patterns(NULL)) == NULL)
		return 1;
	if (cmd_store(c, "luot.db") == NULL) {
		boiler_free(bp);
		return 1;
	}
	rc = fetch_feeds(c->s, bp, &o, &t);
	boiler_free(bp);
	printf(_("feeds %zu: new articles %zu, seen before %zu, unchanged %zu, failed %zu, "
	    "waiting %zu in %.2f s\n"), t.feeds, t.articles, t.duplicates, t.unchanged, t.failed,
	    t.waiting, t.seconds);
	if (t.pages > 0)
		printf(_("pages of entries with a summary only %zu: full text %zu, failed %zu\n"),
		    t.pages, t.full_text, t.pages_failed);
	return rc < 0 || t.failed > 0 ? 1 : 0;
}

const struct command cli_fetch_entry = {
	"fetch", N_("[--jobs N] [--timeout SECONDS] [--quiet]"),
	N_("Fetch the feeds and store their new articles."),
	fetch_opts, NULL,
	N_("\nA feed that has not changed costs a 304; one that fails is named, kept\n"
	   "as failed in luot feeds, and the others go on.\n"),
	0, 0, 0, N_("fetch takes no arguments"), run_fetch,
};
