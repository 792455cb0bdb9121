/*
 * cli-saved.c: searches saved by name: save NAME -- QUERY, save --rm
 * NAME, and saved (each with the articles it finds and the unread among
 * them, counted as searches count).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cmd.h"
#include "i18n.h"
#include "json.h"
#include "text.h"
#include "util.h"

enum { OPT_RM = CMD_LONG_ONLY };

/* Characters of a saved search's name (it is a line of the sidebar). */
#define SAVED_NAME_MAX 60
/* Each count of a saved search stops after this long, ms. */
#define SAVED_COUNT_MS 50.0

static const struct cmd_opt save_opts[] = {
	{ OPT_RM, "rm", NULL, N_("forget the search saved as NAME") },
	{ 0, NULL, NULL, NULL },
};

static const struct cmd_opt saved_opts[] = {
	{ 'j', "json", NULL, N_("one JSON object a line") },
	{ 0, NULL, NULL, NULL },
};

/* The name given, as kept: one line, no control characters, not empty,
 * SAVED_NAME_MAX characters at most. New, or NULL with the reason said. */
static char *
saved_name(const char *given)
{
	char *line = text_one_line(given), *name = line ? text_sanitize(line) : NULL;

	free(line);
	if (name == NULL || text_width(name) > SAVED_NAME_MAX) {
		warnx(_("a saved search's name is 1 to %d characters on one line"), SAVED_NAME_MAX);
		free(name);
		return NULL;
	}
	return name;
}

/* "1.234", or "10.000+" past the cap: a count as luot shows them. */
static void
count_text(int64_t n, int more, char *buf, size_t size)
{
	snprintf(buf, size, "%lld%s", (long long)n, more ? "+" : "");
}

static int
forget(struct cmd_ctx *c, const char *given)
{
	char *name = saved_name(given);
	int rc;

	if (name == NULL)
		return 1;
	if ((rc = store_saved_remove(c->s, name)) < 0)
		warnx("%s", store_errmsg(c->s));
	else if (rc == 0)
		warnx(_("no search is saved as %s"), name);
	else
		printf(_("forgot %s\n"), name);
	free(name);
	return rc > 0 ? 0 : 1;
}

static int
run_save(struct cmd_ctx *c)
{
	char *name, *query;
	struct strlist words;
	int64_t all, unread;
	int more, unread_more, rc;
	char n1[32], n2[32];

	if (cmd_store(c, "luot.db") == NULL)
		return 1;
	if (cmd_has(c, OPT_RM)) {
		if (c->argc != 1)
			return cmd_bad_usage(c, _("save --rm takes the name alone"));
		return forget(c, c->argv[0]);
	}
	if (c->argc < 2)
		return cmd_bad_usage(c, _("save wants a name and a query"));
	if ((name = saved_name(c->argv[0])) == NULL)
		return 1;
	strlist_init(&words);
	for (int i = 1; i < c->argc; i++)
		strlist_push(&words, xstrdup(c->argv[i]));
	query = strlist_join(&words, " ");
	strlist_free(&words);
	if ((rc = store_saved_set(c->s, name, query)) < 0 ||
	    store_saved_counts(c->s, query, STORE_COUNT_CAP, SAVED_COUNT_MS, &all, &more,
	    &unread, &unread_more) < 0) {
		warnx("%s", store_errmsg(c->s));
		rc = -1;
	} else {
		char *shown = text_sanitize(query);

		count_text(all, more, n1, sizeof n1);
		count_text(unread, unread_more, n2, sizeof n2);
		printf(rc ? _("saved %s: %s (articles %s, unread %s)\n") :
		    _("changed %s: %s (articles %s, unread %s)\n"), name, shown, n1, n2);
		free(shown);
	}
	free(name);
	free(query);
	return rc < 0;
}

struct saved_out {
	struct cmd_ctx *c;
	struct buf out;
	int failed;
};

static int
print_saved(const struct store_saved *v, void *ctx)
{
	struct saved_out *o = ctx;
	int64_t all, unread;
	int more, unread_more;
	char n1[32], n2[32], *name, *query;

	if (store_saved_counts(o->c->s, v->query, STORE_COUNT_CAP, SAVED_COUNT_MS, &all, &more,
	    &unread, &unread_more) < 0) {
		o->failed = 1;
		return 1;
	}
	if (o->c->json) {
		buf_addc(&o->out, '{');
		json_key(&o->out, "name", 1);
		json_str(&o->out, v->name);
		json_member(&o->out, "query", v->query);
		json_member(&o->out, "created", v->created);
		buf_printf(&o->out, ",\"articles\":%lld,\"articles_more\":%s,\"unread\":%lld,"
		    "\"unread_more\":%s}\n", (long long)all, more ? "true" : "false",
		    (long long)unread, unread_more ? "true" : "false");
		return 0;
	}
	count_text(all, more, n1, sizeof n1);
	count_text(unread, unread_more, n2, sizeof n2);
	name = text_sanitize(v->name);
	query = text_sanitize(v->query);
	buf_printf(&o->out, "%7s %7s  %s  %s\n", n1, n2, name, query);
	free(name);
	free(query);
	return 0;
}

static int
run_saved(struct cmd_ctx *c)
{
	struct saved_out o = { c, { NULL, 0, 0 }, 0 };

	if (cmd_store(c, "luot.db") == NULL)
		return 1;
	buf_init(&o.out);
	if (store_saved(c->s, print_saved, &o) < 0 || o.failed) {
		warnx("%s", store_errmsg(c->s));
		buf_free(&o.out);
		return 1;
	}
	if (o.out.len > 0)
		fwrite(o.out.data, 1, o.out.len, stdout);
	buf_free(&o.out);
	return 0;
}

const struct command cli_save_entry = {
	"save", N_("NAME [--] QUERY... | --rm NAME"),
	N_("Save a search by name, or give the name a new query."),
	save_opts, NULL,
	N_("\nThe query is read as search reads it (words, phrases, prefixes,\n"
	   "filters); luot saved and the interface's sidebar count what it finds.\n"),
	0, 1, -1, N_("save wants a name and a query"), run_save,
};

const struct command cli_saved_entry = {
	"saved", N_("[--json]"),
	N_("List the saved searches: articles found, unread, name, query."),
	saved_opts, NULL, NULL,
	0, 0, 0, N_("saved takes no arguments"), run_saved,
};
