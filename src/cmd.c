/*
 * cmd.c: the command table, and what every command shares: parsing its
 * options from its entry, its help, its usage errors and its store.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cmd.h"
#include "i18n.h"
#include "paths.h"
#include "text.h"

static int run_help(struct cmd_ctx *c);

static const struct command cmd_help_entry = {
	"help", N_("[COMMAND]"), N_("Describe a command."), NULL, NULL, NULL,
	CMD_NO_DB, 0, 1, N_("help wants one command"), run_help,
};

const struct command *const cmd_table[] = {
	&cli_import_entry, &cli_reextract_entry, &cli_list_entry, &cli_show_entry,
	&cli_search_entry, &cli_save_entry, &cli_saved_entry, &cli_trend_entry, &cli_bookmark_entry, &cli_queue_entry,
	&cli_bookmarks_entry, &cli_tags_entry,
	&cli_export_entry, &cli_feed_entry, &cli_feeds_entry, &cli_fetch_entry,
	&cli_read_entry, &cli_unread_entry, &cli_delete_entry, &cli_stats_entry,
	&cli_regroup_entry, &cli_check_entry, &cli_tidy_entry, &cmd_help_entry, NULL,
};

/* The option every command but help takes; its help is the entry's. */
static const struct cmd_opt db_opt = { 'd', "db", N_("PATH"), N_("the database at PATH") };

/* Help starts at this column at the most: a longer option pushes its own
 * help along, not the others'. */
#define HELP_SPEC_MAX 20

const struct command *
cmd_find(const char *name)
{
	for (size_t i = 0; cmd_table[i] != NULL; i++) {
		if (strcmp(cmd_table[i]->name, name) == 0)
			return cmd_table[i];
	}
	return NULL;
}

void
cmd_usage_program(FILE *f)
{
	fprintf(f, _("Usage: %s [OPTION]... [COMMAND [ARG]...]\n"), PACKAGE);
	fputs(_("A terminal reader for collections of news articles.\n\n"), f);
	fputs(_("Options:\n"
		"  -d, --db PATH       use the database at PATH (default: $LUOT_DB, else\n"
		"                      $XDG_DATA_HOME/luot/luot.db)\n"
		"  -c, --config FILE   read the configuration in FILE (default:\n"
		"                      $XDG_CONFIG_HOME/luot/config)\n"
		"      --dump-config   print the configuration in force and exit\n"
		"      --demo          import the bundled demo articles and open them\n"
		"  -h, --help          show this help and exit\n"
		"  -V, --version       show the version and exit\n\n"), f);
	fputs(_("Commands:\n"), f);
	for (size_t i = 0; cmd_table[i] != NULL; i++)
		fprintf(f, "  %-10s%s\n", cmd_table[i]->name, _(cmd_table[i]->summary));
	fprintf(f, _("\nWithout a command, %s opens the database in the terminal\n"
	    "(where there is none, it lists the articles).\n"), PACKAGE);
	fprintf(f, _("Run '%s help COMMAND' for a command's options.\n"), PACKAGE);
}

/* "-s, --source NAME" or "    --max-text SIZE", the name translated or
 * not. */
static char *
opt_spec(const struct cmd_opt *o, int translated)
{
	const char *arg = o->arg == NULL ? NULL : translated ? _(o->arg) : o->arg;

	if (o->key < CMD_LONG_ONLY)
		return xasprintf("-%c, --%s%s%s", o->key, o->name, arg ? " " : "", arg ? arg : "");
	return xasprintf("    --%s%s%s", o->name, arg ? " " : "", arg ? arg : "");
}

/* The option's lines of help, from column col. */
static void
print_opt(FILE *f, const struct cmd_opt *o, size_t col)
{
	char *spec = opt_spec(o, 1);
	size_t w = 2 + text_width(spec);
	const char *h = _(o->help), *nl;

	fprintf(f, "  %s%*s", spec, (int)(w + 2 <= col ? col - w : 2), "");
	while ((nl = strchr(h, '\n')) != NULL) {
		fprintf(f, "%.*s\n%*s", (int)(nl - h), h, (int)col, "");
		h = nl + 1;
	}
	fprintf(f, "%s\n", h);
	free(spec);
}

/* Where the help of cmd's options starts: after the longest spec of at
 * most HELP_SPEC_MAX columns, in English or translated, so that the
 * columns line up in both. */
static size_t
help_column(const struct command *cmd)
{
	size_t width = 0;

	for (const struct cmd_opt *o = cmd->opts; ; o++) {
		const struct cmd_opt *opt = o != NULL && o->key != 0 ? o : &db_opt;

		for (int tr = 0; tr <= 1; tr++) {
			char *spec = opt_spec(opt, tr);
			size_t n = text_width(spec);

			if (n <= HELP_SPEC_MAX && n > width)
				width = n;
			free(spec);
		}
		if (opt == &db_opt || o == NULL)
			break;
	}
	return 2 + width + 2;
}

void
cmd_usage(const struct command *cmd, FILE *f)
{
	size_t col = help_column(cmd);

	fprintf(f, _("Usage: %s %s %s\n"), PACKAGE, cmd->name, _(cmd->synopsis));
	fprintf(f, "%s\n", _(cmd->summary));
	if (cmd->opts == NULL && (cmd->flags & CMD_NO_DB))
		return;
	fprintf(f, "\n%s", _("Options:\n"));
	for (const struct cmd_opt *o = cmd->opts; o != NULL && o->key != 0; o++)
		print_opt(f, o, col);
	if (!(cmd->flags & CMD_NO_DB)) {
		struct cmd_opt db = db_opt;

		if (cmd->db_help != NULL)
			db.help = cmd->db_help;
		print_opt(f, &db, col);
	}
	if (cmd->more != NULL)
		fputs(_(cmd->more), f);
}

int
cmd_bad_usage(const struct cmd_ctx *c, const char *msg)
{
	if (msg != NULL)
		warnx("%s", msg);
	fprintf(stderr, _("Try '%s help %s'.\n"), PACKAGE, c->cmd->name);
	return 2;
}

const char *
cmd_get(const struct cmd_ctx *c, int key)
{
	const char *v = NULL;

	for (size_t i = 0; i < c->nvals; i++) {
		if (c->vals[i].key == key)
			v = c->vals[i].value;
	}
	return v;
}

int
cmd_has(const struct cmd_ctx *c, int key)
{
	for (size_t i = 0; i < c->nvals; i++) {
		if (c->vals[i].key == key)
			return 1;
	}
	return 0;
}

/* getopt_long's tables for cmd: its options, then --db and --help. */
static void
getopt_tables(const struct command *cmd, struct option **longopts, char **shortopts)
{
	size_t n = 0, k = 0;
	struct buf sh;

	for (const struct cmd_opt *o = cmd->opts; o != NULL && o->key != 0; o++)
		n++;
	*longopts = xcalloc(n + 3, sizeof **longopts);
	buf_init(&sh);
	for (const struct cmd_opt *o = cmd->opts; o != NULL && o->key != 0; o++, k++) {
		(*longopts)[k] = (struct option){ o->name, o->arg ? required_argument : no_argument,
			NULL, o->key };
		if (o->key < CMD_LONG_ONLY) {
			buf_addc(&sh, (char)o->key);
			if (o->arg != NULL)
				buf_addc(&sh, ':');
		}
	}
	if (!(cmd->flags & CMD_NO_DB)) {
		(*longopts)[k++] = (struct option){ "db", required_argument, NULL, 'd' };
		buf_adds(&sh, "d:");
	}
	(*longopts)[k] = (struct option){ "help", no_argument, NULL, 'h' };
	buf_adds(&sh, "h");
	*shortopts = buf_detach(&sh);
}

/* Options into c; -1 to go on, else the exit status (help, a usage
 * error). */
static int
parse_opts(struct cmd_ctx *c, int argc, char **argv)
{
	struct option *longopts;
	char *shortopts;
	int opt, rc = -1;

	getopt_tables(c->cmd, &longopts, &shortopts);
	c->vals = xcalloc((size_t)argc, sizeof *c->vals);
	optind = 0;	/* glibc: start afresh */
	while (rc < 0 && (opt = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
		if (opt == 'h') {
			cmd_usage(c->cmd, stdout);
			rc = 0;
		} else if (opt == 'd') {
			c->db = optarg;
		} else if (opt == '?' || opt == ':') {
			rc = cmd_bad_usage(c, NULL);
		} else {
			c->vals[c->nvals++] = (struct cmd_val){ opt, optarg };
		}
	}
	free(longopts);
	free(shortopts);
	return rc;
}

/* The operands: as many as the entry says, ids where it wants them. */
static int
check_operands(struct cmd_ctx *c)
{
	const struct command *cmd = c->cmd;

	if (c->argc < cmd->min_args || (cmd->max_args >= 0 && c->argc > cmd->max_args))
		return cmd_bad_usage(c, _(cmd->args_wrong));
	if ((cmd->flags & CMD_IDS) && !cmd_all_ids(c->argv, c->argc))
		return cmd_bad_usage(c, _("an article id is a positive number"));
	return -1;
}

int
cmd_run(const char *db, int argc, char **argv)
{
	struct cmd_ctx c = { NULL };
	char *name = argv[0];
	int rc;

	if ((c.cmd = cmd_find(name)) == NULL) {
		warnx(_("no such command: %s"), name);
		fprintf(stderr, _("Try '%s --help'.\n"), PACKAGE);
		return 2;
	}
	c.db = db;
	/* getopt names argv[0] in its messages: "luot import: ...". */
	argv[0] = xasprintf("%s %s", PACKAGE, name);
	if ((rc = parse_opts(&c, argc, argv)) < 0) {
		c.argc = argc - optind;
		c.argv = argv + optind;
		c.dashdash = optind > 1 && strcmp(argv[optind - 1], "--") == 0;
		c.json = cmd_has(&c, 'j');
		if ((rc = check_operands(&c)) < 0)
			rc = c.cmd->run(&c);
	}
	if (c.s != NULL)
		store_close(c.s);
	free(c.vals);
	free(argv[0]);
	argv[0] = name;
	return rc;
}

char *
cmd_operands_text(const struct cmd_ctx *c)
{
	struct strlist words;
	char *text;

	strlist_init(&words);
	for (int i = 0; i < c->argc; i++)
		strlist_push(&words, xstrdup(c->argv[i]));
	text = strlist_join(&words, " ");
	strlist_free(&words);
	return text;
}

struct store *
cmd_open_store(const char *db, const char *name)
{
	char *path = paths_db(db, name), *err = NULL;
	struct store *s;

	if (path == NULL)
		return NULL;
	s = store_open(path, &err);
	if (s == NULL) {
		warnx("%s", err);
		free(err);
	}
	free(path);
	return s;
}

struct store *
cmd_store(struct cmd_ctx *c, const char *name)
{
	if (c->s == NULL)
		c->s = cmd_open_store(c->db, name);
	return c->s;
}

int
cmd_all_ids(char **argv, int argc)
{
	for (int i = 0; i < argc; i++) {
		if (cmd_parse_id(argv[i]) == 0)
			return 0;
	}
	return 1;
}

int64_t
cmd_parse_id(const char *arg)
{
	long long id;
	char *end;

	errno = 0;
	id = strtoll(arg, &end, 10);
	if (errno || *end || end == arg || id <= 0)
		return 0;
	return (int64_t)id;
}

int
cmd_parse_limit(const char *arg, long *out)
{
	char *end;

	errno = 0;
	*out = strtol(arg, &end, 10);
	return errno || *end || end == arg || *out < 0 ? -1 : 0;
}

int
cmd_parse_size(const char *arg, size_t *out)
{
	char *end;
	unsigned long long v;

	errno = 0;
	v = strtoull(arg, &end, 10);
	if (errno != 0 || end == arg || *arg == '-')
		return -1;
	switch (*end) {
	case 'k': case 'K': v <<= 10; end++; break;
	case 'm': case 'M': v <<= 20; end++; break;
	case 'g': case 'G': v <<= 30; end++; break;
	}
	if (*end == 'B' || *end == 'b')
		end++;
	if (*end != '\0' || v == 0)
		return -1;
	*out = (size_t)v;
	return 0;
}

static int
run_help(struct cmd_ctx *c)
{
	const struct command *cmd;

	if (c->argc == 0) {
		cmd_usage_program(stdout);
		return 0;
	}
	if ((cmd = cmd_find(c->argv[0])) == NULL) {
		warnx(_("no such command: %s"), c->argv[0]);
		return 2;
	}
	cmd_usage(cmd, stdout);
	return 0;
}
