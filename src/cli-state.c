/*
 * cli-state.c: the commands that change or give out the reading state:
 * read, unread, delete, bookmark, bookmarks, export, queue.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cmd.h"
#include "export.h"
#include "i18n.h"
#include "json.h"
#include "query.h"
#include "text.h"
#include "util.h"

static const struct cmd_opt bookmark_opts[] = {
	{ 'n', "note", N_("TEXT"), N_("the bookmark's note (replaces an earlier one)") },
	{ 't', "tag", N_("TAG"), N_("a tag (again for more)") },
	{ 0, NULL, NULL, NULL },
};

static const struct cmd_opt bookmarks_opts[] = {
	{ 't', "tag", N_("TAG"), N_("only those with this tag") },
	{ 'j', "json", NULL, N_("one JSON object a line") },
	{ 0, NULL, NULL, NULL },
};

enum { OPT_FORCE = CMD_LONG_ONLY, OPT_BOM, OPT_BEFORE };

static const struct cmd_opt queue_opts[] = {
	{ 'j', "json", NULL, N_("one JSON object a line") },
	{ 0, NULL, NULL, NULL },
};

static const struct cmd_opt read_opts[] = {
	{ 'a', "all", NULL, N_("every article") },
	{ OPT_BEFORE, "before", N_("DATE"), N_("every article published before DATE (2024-06-01)") },
	{ 0, NULL, NULL, NULL },
};

static const struct cmd_opt tags_opts[] = {
	{ 'j', "json", NULL, N_("one JSON object a line") },
	{ 0, NULL, NULL, NULL },
};

static const struct cmd_opt export_opts[] = {
	{ 'b', "bookmarks", NULL, N_("what to export (the only choice for now)") },
	{ 't', "tag", N_("TAG"), N_("only the bookmarks with this tag") },
	{ 'f', "format", N_("FORMAT"), N_("md (a reading list), csv (RFC 4180) or json (JSON Lines);"
	    "\nby default, as FILE's name ends (.md, .csv, .json)") },
	{ 'o', "output", N_("FILE"), N_("write FILE (whole or not at all) instead of stdout") },
	{ OPT_FORCE, "force", NULL, N_("replace FILE if it exists") },
	{ OPT_BOM, "bom", NULL, N_("begin CSV with a byte order mark, for spreadsheets") },
	{ 0, NULL, NULL, NULL },
};

/*
 * fn on each of ids in turn (1 done, 0 no such article, -1 error), in one
 * transaction: it stops at an error, and then none of them is changed.
 */
static int
for_each_id(struct cmd_ctx *c, char **ids, int n, int (*fn)(struct store *, int64_t))
{
	struct store *s = cmd_store(c, "luot.db");
	int rc = 0;

	if (s == NULL)
		return 1;
	if (store_state_begin(s) < 0) {
		warnx("%s", store_errmsg(s));
		return 1;
	}
	for (int i = 0; i < n && rc == 0; i++) {
		int r = fn(s, cmd_parse_id(ids[i]));

		if (r < 0) {
			warnx("%s", store_errmsg(s));
			rc = 1;
		} else if (r == 0) {
			warnx(_("no article with id %s"), ids[i]);
			rc = 1;
		}
	}
	if (store_state_end(s, rc == 0 ? 0 : -1) < 0 && rc == 0) {
		warnx("%s", store_errmsg(s));
		rc = 1;
	}
	return rc;
}

static int
mark_read(struct store *s, int64_t id)
{
	return store_set_read(s, id, 1);
}

static int
mark_unread(struct store *s, int64_t id)
{
	return store_set_read(s, id, 0);
}

/* Is s a day as the dates are kept, YYYY-MM-DD? */
static int
is_day(const char *s)
{
	for (int i = 0; i < 10; i++) {
		if (i == 4 || i == 7 ? s[i] != '-' : !(s[i] >= '0' && s[i] <= '9'))
			return 0;
	}
	return s[10] == '\0';
}

static void
say_marked(int64_t n)
{
	printf(P_("%lld article marked read\n", "%lld articles marked read\n", (unsigned long)n),
	    (long long)n);
}

struct ids {
	int64_t *v;
	size_t n;
};

static int
gather_id(const struct store_item *it, const char *snippet, void *ctx)
{
	struct ids *ids = ctx;

	(void)snippet;
	ids->v = xrealloc(ids->v, (ids->n + 1) * sizeof *ids->v);
	ids->v[ids->n++] = it->id;
	return 0;
}

/* read -- QUERY: every article the search finds, in one transaction. */
static int
read_query(struct cmd_ctx *c, const char *text)
{
	struct store *s = cmd_store(c, "luot.db");
	struct ids ids = { NULL, 0 };
	struct query q;
	int rc = 0;

	if (s == NULL)
		return 1;
	store_parse_query(s, text, &q);
	if (query_empty(&q)) {
		query_free(&q);
		return cmd_bad_usage(c, _("the query has no word or filter"));
	}
	if (store_search(s, &q, STORE_SORT_DATE, -1, gather_id, &ids, NULL) < 0 ||
	    store_state_begin(s) < 0)
		rc = -1;
	query_free(&q);
	for (size_t i = 0; rc == 0 && i < ids.n; i++) {
		if (store_set_read(s, ids.v[i], 1) < 0)
			rc = -1;
	}
	if (rc == 0)
		rc = store_state_end(s, 0);
	else if (ids.n > 0)
		store_state_end(s, -1);
	free(ids.v);
	if (rc < 0) {
		warnx("%s", store_errmsg(s));
		return 1;
	}
	say_marked((int64_t)ids.n);
	return 0;
}

/* read ID... | --all | --before DATE | -- QUERY */
static int
run_read(struct cmd_ctx *c)
{
	const char *before = cmd_get(c, OPT_BEFORE);
	int64_t n;

	if (cmd_has(c, 'a') || before != NULL) {
		if (c->argc > 0)
			return cmd_bad_usage(c, _("--all and --before take no article id"));
		if (before != NULL && !is_day(before))
			return cmd_bad_usage(c, _("--before wants a date as 2024-06-01"));
		if (cmd_store(c, "luot.db") == NULL)
			return 1;
		if (store_read_all(c->s, before, &n) < 0) {
			warnx("%s", store_errmsg(c->s));
			return 1;
		}
		say_marked(n);
		return 0;
	}
	if (c->argc == 0)
		return cmd_bad_usage(c, _("article ids, --all, --before DATE or -- QUERY are wanted"));
	if (c->dashdash) {
		char *text = cmd_operands_text(c);
		int rc = read_query(c, text);

		free(text);
		return rc;
	}
	if (!cmd_all_ids(c->argv, c->argc))
		return cmd_bad_usage(c, _("an article id is a positive number (a query comes after --)"));
	return for_each_id(c, c->argv, c->argc, mark_read);
}

static int
print_tag(const char *tag, int64_t n, void *ctx)
{
	struct cmd_ctx *c = ctx;
	char *safe = text_sanitize(tag);

	if (c->json) {
		struct buf b;

		buf_init(&b);
		buf_addc(&b, '{');
		json_key(&b, "tag", 1);
		json_str(&b, tag);
		json_key(&b, "bookmarks", 0);
		buf_printf(&b, "%lld}\n", (long long)n);
		fwrite(b.data, 1, b.len, stdout);
		buf_free(&b);
	} else {
		printf("%6lld  %s\n", (long long)n, safe);
	}
	free(safe);
	return 0;
}

/* tags: each tag with its bookmarks, the most used first. */
static int
run_tags(struct cmd_ctx *c)
{
	if (cmd_store(c, "luot.db") == NULL)
		return 1;
	if (store_tags(c->s, print_tag, c) < 0) {
		warnx("%s", store_errmsg(c->s));
		return 1;
	}
	return 0;
}

static int
run_unread(struct cmd_ctx *c)
{
	return for_each_id(c, c->argv, c->argc, mark_unread);
}

static int
run_delete(struct cmd_ctx *c)
{
	return for_each_id(c, c->argv, c->argc, store_delete);
}

static int
unbookmark(struct store *s, int64_t id)
{
	int rc = store_bookmark_remove(s, id);

	/* Not bookmarked is not an error; no such article is. */
	if (rc == 0)
		rc = store_show(s, id, NULL, NULL);
	return rc;
}

/* bookmark add ID [--note TEXT] [--tag TAG]... | bookmark rm ID... */
static int
run_bookmark(struct cmd_ctx *c)
{
	const char *verb = c->argv[0];
	struct strlist tags;
	int rc;

	if (strcmp(verb, "rm") == 0 || strcmp(verb, "remove") == 0) {
		if (c->nvals > 0)
			return cmd_bad_usage(c, _("bookmark rm takes article ids only"));
		if (c->argc < 2)
			return cmd_bad_usage(c, _("article ids are wanted"));
		if (!cmd_all_ids(c->argv + 1, c->argc - 1))
			return cmd_bad_usage(c, _("an article id is a positive number"));
		return for_each_id(c, c->argv + 1, c->argc - 1, unbookmark);
	}
	if (strcmp(verb, "add") != 0)
		return cmd_bad_usage(c, _("bookmark wants add or rm"));
	if (c->argc != 2 || cmd_parse_id(c->argv[1]) == 0)
		return cmd_bad_usage(c, _("bookmark add wants one article id"));
	if (cmd_store(c, "luot.db") == NULL)
		return 1;
	strlist_init(&tags);
	/* -t "a, b" is two tags, as typed in the interface. */
	for (size_t i = 0; i < c->nvals; i++) {
		if (c->vals[i].key == 't')
			store_tags_split(c->vals[i].value, &tags);
	}
	rc = store_bookmark_set(c->s, cmd_parse_id(c->argv[1]), cmd_get(c, 'n'), &tags);
	if (rc < 0)
		warnx("%s", store_errmsg(c->s));
	else if (rc == 0)
		warnx(_("no article with id %s"), c->argv[1]);
	strlist_free(&tags);
	return rc == 1 ? 0 : 1;
}

static int
enqueue(struct store *s, int64_t id)
{
	int rc = store_queue_set(s, id, 1);

	/* Queued already is not an error; no such article is. */
	return rc == 0 ? store_show(s, id, NULL, NULL) : rc;
}

static int
dequeue(struct store *s, int64_t id)
{
	int rc = store_queue_set(s, id, 0);

	return rc == 0 ? store_show(s, id, NULL, NULL) : rc;
}

/* queue [--json] | queue add ID... | queue rm ID... */
static int
run_queue(struct cmd_ctx *c)
{
	const char *verb = c->argc > 0 ? c->argv[0] : NULL;
	int add;

	if (verb == NULL) {
		if (cmd_store(c, "luot.db") == NULL)
			return 1;
		return cli_queue(c->s, c->json);
	}
	add = strcmp(verb, "add") == 0;
	if (!add && strcmp(verb, "rm") != 0 && strcmp(verb, "remove") != 0)
		return cmd_bad_usage(c, _("queue wants add or rm, or nothing to list it"));
	if (c->json)
		return cmd_bad_usage(c, _("--json is for the list only"));
	if (c->argc < 2)
		return cmd_bad_usage(c, _("article ids are wanted"));
	if (!cmd_all_ids(c->argv + 1, c->argc - 1))
		return cmd_bad_usage(c, _("an article id is a positive number"));
	return for_each_id(c, c->argv + 1, c->argc - 1, add ? enqueue : dequeue);
}

static int
run_bookmarks(struct cmd_ctx *c)
{
	if (cmd_store(c, "luot.db") == NULL)
		return 1;
	return cli_bookmarks(c->s, cmd_get(c, 't'), c->json);
}

static int
run_export(struct cmd_ctx *c)
{
	const char *format = cmd_get(c, 'f'), *path = cmd_get(c, 'o');
	enum export_format f;
	int n = 0, rc;

	if (!cmd_has(c, 'b'))
		return cmd_bad_usage(c, _("export wants --bookmarks and no other argument"));
	if (format != NULL ? export_format_parse(format, &f) < 0 :
	    path == NULL || export_format_of_path(path, &f) < 0)
		return cmd_bad_usage(c, _("--format is md, csv or json (by default, as the name "
		    "of -o FILE ends: .md, .csv, .json)"));
	if (cmd_has(c, OPT_BOM) && f != EXPORT_CSV)
		return cmd_bad_usage(c, _("--bom is for CSV only"));
	if (cmd_store(c, "luot.db") == NULL)
		return 1;
	rc = export_bookmarks(c->s, cmd_get(c, 't'), f, path, cmd_has(c, OPT_FORCE),
	    cmd_has(c, OPT_BOM), &n);
	if (rc == 0 && n == 0)
		cli_no_bookmarks(cmd_get(c, 't'));
	return rc;
}

const struct command cli_bookmark_entry = {
	"bookmark", N_("add ID [--note TEXT] [--tag TAG]... | rm ID..."),
	N_("Bookmark an article, with a note and tags; or remove bookmarks."),
	bookmark_opts, NULL, NULL,
	0, 1, -1, N_("bookmark wants add or rm"), run_bookmark,
};

const struct command cli_queue_entry = {
	"queue", N_("[--json] | add ID... | rm ID..."),
	N_("List the reading queue, first added first; or add or remove articles."),
	queue_opts, N_("read the database at PATH"), NULL,
	0, 0, -1, N_("queue wants add or rm, or nothing to list it"), run_queue,
};

const struct command cli_bookmarks_entry = {
	"bookmarks", N_("[--tag TAG] [--json]"), N_("List the bookmarks, newest first."),
	bookmarks_opts, N_("read the database at PATH"), NULL,
	0, 0, 0, N_("bookmarks takes no arguments"), run_bookmarks,
};

const struct command cli_export_entry = {
	"export", N_("--bookmarks [-t TAG] [-f md|csv|json] [-o FILE] [--bom]"),
	N_("Write the bookmarks out, with notes, tags and opening paragraphs."),
	export_opts, N_("read the database at PATH"), NULL,
	0, 0, 0, N_("export wants --bookmarks and no other argument"), run_export,
};

const struct command cli_read_entry = {
	"read", N_("ID... | --all | --before DATE | -- QUERY"), N_("Mark articles read."),
	read_opts, NULL, NULL,
	0, 0, -1, N_("article ids are wanted"), run_read,
};

const struct command cli_tags_entry = {
	"tags", N_("[--json]"), N_("List the bookmarks' tags, with how many have each."),
	tags_opts, N_("read the database at PATH"), NULL,
	0, 0, 0, N_("tags takes no arguments"), run_tags,
};

const struct command cli_unread_entry = {
	"unread", N_("ID..."), N_("Mark articles unread."), NULL, NULL, NULL,
	CMD_IDS, 1, -1, N_("article ids are wanted"), run_unread,
};

const struct command cli_delete_entry = {
	"delete", N_("ID..."), N_("Delete articles (and their index entries)."), NULL, NULL, NULL,
	CMD_IDS, 1, -1, N_("article ids are wanted"), run_delete,
};
