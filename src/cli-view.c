/*
 * cli-view.c: the commands that read: list, show, search, check.
 * Their output is cli.c's.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cmd.h"
#include "i18n.h"
#include "util.h"

enum { OPT_LIMIT = 'n', OPT_SORT = 's' };

enum { OPT_UNREAD = CMD_LONG_ONLY, OPT_BOOKMARKED, OPT_NO_GROUP };

static const struct cmd_opt list_opts[] = {
	{ OPT_LIMIT, "limit", "N", N_("show at most N articles") },
	{ OPT_UNREAD, "unread", NULL, N_("only the unread ones") },
	{ OPT_BOOKMARKED, "bookmarked", NULL, N_("only the bookmarked ones") },
	{ 't', "tag", N_("TAG"), N_("only the bookmarks with this tag") },
	{ OPT_NO_GROUP, "no-group", NULL, N_("every copy of a story, not one row a story") },
	{ 'j', "json", NULL, N_("one JSON object a line") },
	{ 0, NULL, NULL, NULL },
};

static const struct cmd_opt show_opts[] = {
	{ 'j', "json", NULL, N_("one JSON object with paragraphs and captions") },
	{ 0, NULL, NULL, NULL },
};

static const struct cmd_opt search_opts[] = {
	{ OPT_LIMIT, "limit", "N", N_("show at most N hits (default 20; 0: every hit)") },
	{ OPT_SORT, "sort", N_("ORDER"), N_("rank (best first, the default) or date (newest)") },
	{ OPT_NO_GROUP, "no-group", NULL, N_("every copy of a story, not one row a story") },
	{ 'j', "json", NULL, N_("one JSON object a hit, with snippet and matches") },
	{ 0, NULL, NULL, NULL },
};

/* --limit's value, or dflt; -1 when it is not a number. */
static int
limit_of(const struct cmd_ctx *c, long dflt, long *limit)
{
	const char *v = cmd_get(c, OPT_LIMIT);

	*limit = dflt;
	return v != NULL ? cmd_parse_limit(v, limit) : 0;
}

/* The filters of list as a query (query.h): "is:unread tag:"a b"", or
 * NULL for none. New string. */
static char *
list_filters(const struct cmd_ctx *c)
{
	const char *tag = cmd_get(c, 't');
	struct buf b;

	if (!cmd_has(c, OPT_UNREAD) && !cmd_has(c, OPT_BOOKMARKED) && tag == NULL)
		return NULL;
	buf_init(&b);
	buf_add(&b, "", 0);
	if (cmd_has(c, OPT_UNREAD))
		buf_adds(&b, "is:unread ");
	if (cmd_has(c, OPT_BOOKMARKED))
		buf_adds(&b, "is:bookmarked ");
	if (tag != NULL) {
		/* A quote ends the value: none in it. */
		buf_adds(&b, "tag:\"");
		for (const char *t = tag; *t; t++)
			buf_addc(&b, *t == '"' ? ' ' : *t);
		buf_addc(&b, '"');
	}
	return buf_detach(&b);
}

static int
run_list(struct cmd_ctx *c)
{
	char *filters;
	long limit;
	int rc = 1;

	if (limit_of(c, -1, &limit) < 0)
		return cmd_bad_usage(c, _("--limit wants a number"));
	if (cmd_store(c, "luot.db") == NULL)
		return 1;
	store_set_grouping(c->s, !cmd_has(c, OPT_NO_GROUP));
	if ((filters = list_filters(c)) == NULL)
		return cli_list(c->s, limit, c->json);
	/* The search's filters, newest first: the rows of the list. */
	rc = cli_search(c->s, filters, STORE_SORT_DATE, limit, c->json);
	free(filters);
	return rc;
}

int
cli_list_db(const char *db, const char *name, long limit, int json)
{
	struct store *s = cmd_open_store(db, name);
	int rc;

	if (s == NULL)
		return 1;
	store_set_grouping(s, 1);
	rc = cli_list(s, limit, json);
	store_close(s);
	return rc;
}

static int
run_show(struct cmd_ctx *c)
{
	if (cmd_store(c, "luot.db") == NULL)
		return 1;
	return cli_show(c->s, cmd_parse_id(c->argv[0]), c->json);
}

static int
run_search(struct cmd_ctx *c)
{
	enum store_sort sort = STORE_SORT_RANK;
	const char *v = cmd_get(c, OPT_SORT);
	long limit;
	int rc = 1;
	char *text;

	if (limit_of(c, 20, &limit) < 0)
		return cmd_bad_usage(c, _("--limit wants a number"));
	if (limit == 0)
		limit = -1;	/* every hit */
	if (v != NULL && strcmp(v, "date") == 0)
		sort = STORE_SORT_DATE;
	else if (v != NULL && strcmp(v, "rank") != 0)
		return cmd_bad_usage(c, _("--sort is rank or date"));
	text = cmd_operands_text(c);
	if (cmd_store(c, "luot.db") != NULL) {
		store_set_grouping(c->s, !cmd_has(c, OPT_NO_GROUP));
		rc = cli_search(c->s, text, sort, limit, c->json);
	}
	free(text);
	return rc;
}

static void
say_problem(const char *problem, void *ctx)
{
	(void)ctx;
	printf("%s\n", problem);
}

/* check: "ok", or each problem on a line and status 1. */
static int
run_check(struct cmd_ctx *c)
{
	int rc;

	if (cmd_store(c, "luot.db") == NULL)
		return 1;
	rc = store_check(c->s, say_problem, NULL);
	if (rc < 0)
		warnx("%s", store_errmsg(c->s));
	else if (rc == 0)
		puts("ok");	/* as PRAGMA integrity_check: scripts test it */
	else
		warnx(P_("%d problem found: keep a copy of the file before repairing it",
		    "%d problems found: keep a copy of the file before repairing it", rc), rc);
	return rc == 0 ? 0 : 1;
}

const struct command cli_list_entry = {
	"list", N_("[OPTION]..."),
	N_("List articles, newest first."),
	list_opts, N_("read the database at PATH"), NULL,
	0, 0, 0, N_("list takes no arguments"), run_list,
};

const struct command cli_show_entry = {
	"show", N_("ID [--json]"), N_("Print one article."),
	show_opts, N_("read the database at PATH"), NULL,
	CMD_IDS, 1, 1, N_("show wants one article id"), run_show,
};

const struct command cli_search_entry = {
	"search", N_("[OPTION]... QUERY..."), N_("Search the articles."),
	search_opts, N_("search the database at PATH"),
	N_("\n"
	   "Query language:\n"
	   "  dân vận            both words; adjacent and in order ranks first\n"
	   "  dan van            without diacritics: every diacritic form\n"
	   "  \"dân vận khéo\"     a phrase\n"
	   "  dân*  dan*         prefixes\n"
	   "  a OR b  -a  -\"a b\"  ( ... )\n"
	   "  title:x  author:x  source:x\n"
	   "  after:2020-03  before:2021  on:2020-03-27\n"
	   "  is:bookmarked  is:unread  is:queued  tag:NAME\n"
	   "  site:vnexpress.net (the article's address)\n"
	   "  is:original  story:ID (a story's copies)\n"),
	0, 1, -1, N_("search wants a query"), run_search,
};

const struct command cli_check_entry = {
	"check", "", N_("Check the database for damage (it reads the whole file)."),
	NULL, N_("check the database at PATH"), NULL,
	0, 0, 0, N_("check takes no arguments"), run_check,
};
