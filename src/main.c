/*
 * main.c: options, locale, and the command table.
 *
 * Commands are data: each entry names its function, its synopsis and its
 * help, so "luot help CMD", "luot CMD --help" and the usage text share one
 * source.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "boiler.h"
#include "cli.h"
#include "conf.h"
#include "export.h"
#include "i18n.h"
#include "import.h"
#include "reextract.h"
#include "paths.h"
#include "store.h"
#include "ui.h"
#include "util.h"

struct ctx {
	const char *db;		/* --db, or NULL */
};

struct command {
	const char *name;
	int (*run)(struct ctx *c, int argc, char **argv);
	const char *synopsis;	/* arguments after the command name */
	const char *summary;
	const char *options;	/* help for its options, or NULL */
};

static int cmd_import(struct ctx *, int, char **);
static int cmd_list(struct ctx *, int, char **);
static int cmd_show(struct ctx *, int, char **);
static int cmd_stats(struct ctx *, int, char **);
static int cmd_search(struct ctx *, int, char **);
static int cmd_delete(struct ctx *, int, char **);
static int cmd_read(struct ctx *, int, char **);
static int cmd_unread(struct ctx *, int, char **);
static int cmd_bookmark(struct ctx *, int, char **);
static int cmd_bookmarks(struct ctx *, int, char **);
static int cmd_export(struct ctx *, int, char **);
static int cmd_check(struct ctx *, int, char **);
static int cmd_reextract(struct ctx *, int, char **);
static int cmd_help(struct ctx *, int, char **);

static const struct command commands[] = {
	{ "import", cmd_import, N_("[OPTION]... PATH..."),
	  N_("Import article files and folders (recursively) into the database."),
	  N_("  -d, --db PATH        import into the database at PATH\n"
	     "  -s, --source NAME    source for articles that do not name one\n"
	     "  -m, --max-size SIZE  skip files larger than SIZE (default 16M;\n"
	     "                       suffixes K, M, G)\n"
	     "      --max-paragraphs N  cut a page after N lines of text (default\n"
	     "                       20000), with a note at the article's end\n"
	     "      --max-text SIZE  cut a page after SIZE of text (default 8M)\n"
	     "  -L, --follow         follow symbolic links that lead out of the\n"
	     "                       folders given\n"
	     "  -p, --patterns FILE  also use the boilerplate patterns in FILE\n"
	     "  -q, --quiet          no progress bar (or lines, in a pipe)\n"
	     "  -v, --verbose        also name each duplicate file and the article\n"
	     "                       it repeats\n") },
	{ "reextract", cmd_reextract, N_("[OPTION]... [ID]..."),
	  N_("Extract articles again from their pages; their marks and notes stay."),
	  N_("  -d, --db PATH        the database at PATH\n"
	     "  -p, --patterns FILE  also use the boilerplate patterns in FILE\n"
	     "  -q, --quiet          no progress bar (or lines, in a pipe)\n"
	     "Without ids, every article.\n") },
	{ "list", cmd_list, N_("[--limit N] [--json]"),
	  N_("List articles, newest first."),
	  N_("  -n, --limit N  show at most N articles\n"
	     "  -j, --json     one JSON object a line\n"
	     "  -d, --db PATH  read the database at PATH\n") },
	{ "show", cmd_show, N_("ID [--json]"),
	  N_("Print one article."),
	  N_("  -j, --json     one JSON object with paragraphs and captions\n"
	     "  -d, --db PATH  read the database at PATH\n") },
	{ "search", cmd_search, N_("QUERY... [--limit N] [--sort rank|date] [--json]"),
	  N_("Search the articles."),
	  N_("  -n, --limit N      show at most N hits (default 20)\n"
	     "  -s, --sort ORDER   rank (best first, the default) or date (newest)\n"
	     "  -j, --json         one JSON object a hit, with snippet and matches\n"
	     "  -d, --db PATH      search the database at PATH\n"
	     "\n"
	     "Query language:\n"
	     "  dân vận            both words; adjacent and in order ranks first\n"
	     "  dan van            without diacritics: every diacritic form\n"
	     "  \"dân vận khéo\"     a phrase\n"
	     "  dân*  dan*         prefixes\n"
	     "  a OR b  -a  -\"a b\"  ( ... )\n"
	     "  title:x  author:x  source:x\n"
	     "  after:2020-03  before:2021  on:2020-03-27\n"
	     "  is:bookmarked  is:unread  tag:NAME\n") },
	{ "bookmark", cmd_bookmark, N_("add ID [--note TEXT] [--tag TAG]... | rm ID..."),
	  N_("Bookmark an article, with a note and tags; or remove bookmarks."),
	  N_("  -n, --note TEXT  the bookmark's note (replaces an earlier one)\n"
	     "  -t, --tag TAG    a tag (again for more)\n"
	     "  -d, --db PATH    the database at PATH\n") },
	{ "bookmarks", cmd_bookmarks, N_("[--tag TAG] [--json]"),
	  N_("List the bookmarks, newest first."),
	  N_("  -t, --tag TAG  only those with this tag\n"
	     "  -j, --json     one JSON object a line\n"
	     "  -d, --db PATH  read the database at PATH\n") },
	{ "export", cmd_export, N_("--bookmarks [--tag TAG] --format md|csv|json [-o FILE]"),
	  N_("Write the bookmarks out, with notes, tags and opening paragraphs."),
	  N_("  -b, --bookmarks      what to export (the only choice for now)\n"
	     "  -t, --tag TAG        only the bookmarks with this tag\n"
	     "  -f, --format FORMAT  md (a reading list), csv (RFC 4180) or json (JSON Lines)\n"
	     "  -o, --output FILE    write FILE (whole or not at all) instead of stdout\n"
	     "      --force          replace FILE if it exists\n"
	     "  -d, --db PATH        read the database at PATH\n") },
	{ "read", cmd_read, N_("ID..."), N_("Mark articles read."),
	  N_("  -d, --db PATH  the database at PATH\n") },
	{ "unread", cmd_unread, N_("ID..."), N_("Mark articles unread."),
	  N_("  -d, --db PATH  the database at PATH\n") },
	{ "delete", cmd_delete, N_("ID..."),
	  N_("Delete articles (and their index entries)."),
	  N_("  -d, --db PATH  the database at PATH\n") },
	{ "stats", cmd_stats, N_("[--json]"),
	  N_("Summarise the database."),
	  N_("  -j, --json     one JSON object\n"
	     "  -d, --db PATH  read the database at PATH\n") },
	{ "check", cmd_check, "",
	  N_("Check the database for damage (it reads the whole file)."),
	  N_("  -d, --db PATH  check the database at PATH\n") },
	{ "help", cmd_help, N_("[COMMAND]"), N_("Describe a command."), NULL },
};

#define NCOMMANDS (sizeof commands / sizeof commands[0])

static const struct command *
find_command(const char *name)
{
	for (size_t i = 0; i < NCOMMANDS; i++) {
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	}
	return NULL;
}

static void
usage(FILE *f)
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
	for (size_t i = 0; i < NCOMMANDS; i++)
		fprintf(f, "  %-10s%s\n", commands[i].name, _(commands[i].summary));
	fprintf(f, _("\nWithout a command, %s opens the database in the terminal\n"
	    "(where there is none, it lists the articles).\n"), PACKAGE);
	fprintf(f, _("Run '%s help COMMAND' for a command's options.\n"), PACKAGE);
}

static void
command_usage(const struct command *cmd, FILE *f)
{
	fprintf(f, _("Usage: %s %s %s\n"), PACKAGE, cmd->name, _(cmd->synopsis));
	fprintf(f, "%s\n", _(cmd->summary));
	if (cmd->options != NULL)
		fprintf(f, "\n%s%s", _("Options:\n"), _(cmd->options));
}

/* A usage error in a command: one line, a hint, status 2. */
static int
bad_usage(const struct command *cmd, const char *msg)
{
	if (msg != NULL)
		warnx("%s", msg);
	fprintf(stderr, _("Try '%s help %s'.\n"), PACKAGE, cmd->name);
	return 2;
}

static struct store *
open_store(const char *db, const char *name)
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

/* Parse a positive article id; 0 when arg is not one. */
static int64_t
parse_id(const char *arg)
{
	long long id;
	char *end;

	errno = 0;
	id = strtoll(arg, &end, 10);
	if (errno || *end || end == arg || id <= 0)
		return 0;
	return (int64_t)id;
}

/* A --limit value: a number >= 0. Returns 0 or -1. */
static int
parse_limit(const char *arg, long *out)
{
	char *end;

	errno = 0;
	*out = strtol(arg, &end, 10);
	return errno || *end || end == arg || *out < 0 ? -1 : 0;
}

static int
parse_size(const char *arg, size_t *out)
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

/* The boilerplate patterns: the installed file, the user's, the one the
 * configuration names, then extra. */
static struct boiler *
load_patterns(const char *extra)
{
	struct boiler *bp = boiler_new();
	char *data = paths_pkgdata(), *cfg = paths_config_dir(), *path, *err = NULL;

	path = xasprintf("%s/boilerplate", data);
	if (boiler_load(bp, path, &err) < 0)
		goto fail;
	free(path);
	path = cfg ? xasprintf("%s/boilerplate", cfg) : NULL;
	if (path != NULL && access(path, F_OK) == 0 && boiler_load(bp, path, &err) < 0)
		goto fail;
	if (conf_get()->patterns != NULL && boiler_load(bp, conf_get()->patterns, &err) < 0)
		goto fail;
	if (extra != NULL && boiler_load(bp, extra, &err) < 0)
		goto fail;
	free(path);
	free(data);
	free(cfg);
	return bp;
fail:
	warnx("%s", err);
	free(err);
	free(path);
	free(data);
	free(cfg);
	boiler_free(bp);
	return NULL;
}

static void
print_totals(const struct import_totals *t)
{
	printf(_("imported %zu, duplicates %zu, skipped %zu, failed %zu in %.2f s\n"),
	    t->imported, t->duplicates, t->skipped, t->failed, t->seconds);
	if (t->invalid > 0)
		printf(P_("%zu invalid UTF-8 sequence was replaced by U+FFFD\n",
		    "%zu invalid UTF-8 sequences were replaced by U+FFFD\n", t->invalid),
		    t->invalid);
}

/* Import paths into the database at db (or the default called name). */
static int
run_import(const char *db, const char *name, char *const *paths, int n,
    const struct import_opts *o, const char *extra_patterns, int quiet_totals)
{
	struct import_totals t;
	struct boiler *bp;
	struct store *s;
	int rc;

	if ((bp = load_patterns(extra_patterns)) == NULL)
		return 1;
	if ((s = open_store(db, name)) == NULL) {
		boiler_free(bp);
		return 1;
	}
	rc = import_paths(s, bp, paths, n, o, &t);
	if (!quiet_totals || rc < 0 || t.failed > 0 || t.unopened > 0)
		print_totals(&t);
	store_close(s);
	boiler_free(bp);
	return rc < 0 || t.failed > 0 || t.unopened > 0 ? 1 : 0;
}

/* Options with no short form. */
enum { OPT_MAX_PARAS = 256, OPT_MAX_TEXT };

static int
cmd_import(struct ctx *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "source", required_argument, NULL, 's' },
		{ "max-size", required_argument, NULL, 'm' },
		{ "max-paragraphs", required_argument, NULL, OPT_MAX_PARAS },
		{ "max-text", required_argument, NULL, OPT_MAX_TEXT },
		{ "follow", no_argument, NULL, 'L' },
		{ "patterns", required_argument, NULL, 'p' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "db", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const struct command *cmd = find_command("import");
	const char *patterns = NULL;
	struct import_opts o;
	int opt, quiet = 0;

	import_opts_init(&o);
	while ((opt = getopt_long(argc, argv, "s:m:Lp:qvd:h", longopts, NULL)) != -1) {
		switch (opt) {
		case 'd':
			c->db = optarg;
			break;
		case 's':
			o.source = optarg;
			break;
		case 'm':
			if (parse_size(optarg, &o.max_bytes) < 0)
				return bad_usage(cmd, _("--max-size wants a size such as 800K or 16M"));
			break;
		case OPT_MAX_PARAS: {
			long n;

			if (parse_limit(optarg, &n) < 0 || n == 0)
				return bad_usage(cmd, _("--max-paragraphs wants a number above 0"));
			o.limits.paras = (size_t)n;
			break;
		}
		case OPT_MAX_TEXT:
			if (parse_size(optarg, &o.limits.bytes) < 0)
				return bad_usage(cmd, _("--max-text wants a size such as 800K or 8M"));
			break;
		case 'L':
			o.follow = 1;
			break;
		case 'p':
			patterns = optarg;
			break;
		case 'q':
			quiet = 1;
			break;
		case 'v':
			o.verbose = 1;
			break;
		case 'h':
			command_usage(cmd, stdout);
			return 0;
		default:
			return bad_usage(cmd, NULL);
		}
	}
	if (optind >= argc)
		return bad_usage(cmd, _("nothing to import: give files or folders"));
	o.progress = quiet ? PROGRESS_NONE : isatty(STDERR_FILENO) ? PROGRESS_BAR : PROGRESS_LINES;
	return run_import(c->db, "luot.db", argv + optind, argc - optind, &o, patterns, 0);
}

static void
print_reextract_totals(const struct reextract_totals *t)
{
	printf(_("changed %zu, unchanged %zu, failed %zu in %.2f s\n"),
	    t->changed, t->unchanged, t->failed, t->seconds);
}

/* reextract [ID]...: the articles named, or all of them. */
static int
cmd_reextract(struct ctx *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "patterns", required_argument, NULL, 'p' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "db", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const struct command *cmd = find_command("reextract");
	const char *patterns = NULL;
	struct reextract_totals t;
	struct boiler *bp;
	struct store *s;
	int64_t *ids;
	size_t nids = 0;
	int opt, quiet = 0, rc;

	while ((opt = getopt_long(argc, argv, "p:qd:h", longopts, NULL)) != -1) {
		switch (opt) {
		case 'd':
			c->db = optarg;
			break;
		case 'p':
			patterns = optarg;
			break;
		case 'q':
			quiet = 1;
			break;
		case 'h':
			command_usage(cmd, stdout);
			return 0;
		default:
			return bad_usage(cmd, NULL);
		}
	}
	ids = xcalloc((size_t)(argc - optind) + 1, sizeof *ids);
	for (int i = optind; i < argc; i++) {
		if ((ids[nids++] = parse_id(argv[i])) == 0) {
			free(ids);
			return bad_usage(cmd, _("an article id is a positive number"));
		}
	}
	if ((bp = load_patterns(patterns)) == NULL) {
		free(ids);
		return 1;
	}
	if ((s = open_store(c->db, "luot.db")) == NULL) {
		boiler_free(bp);
		free(ids);
		return 1;
	}
	rc = reextract_run(s, bp, ids, nids, REEXTRACT_BATCH,
	    quiet ? PROGRESS_NONE : isatty(STDERR_FILENO) ? PROGRESS_BAR : PROGRESS_LINES, &t);
	print_reextract_totals(&t);
	store_close(s);
	boiler_free(bp);
	free(ids);
	return rc < 0 || t.failed > 0 ? 1 : 0;
}

/* Shared by list, show and stats: --json, --limit, --db and --help. */
static int
parse_view_opts(struct ctx *c, const struct command *cmd, int argc, char **argv,
    int *json, long *limit)
{
	static const struct option longopts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "limit", required_argument, NULL, 'n' },
		{ "db", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int opt;

	while ((opt = getopt_long(argc, argv, limit ? "jn:d:h" : "jd:h", longopts, NULL)) != -1) {
		switch (opt) {
		case 'd':
			c->db = optarg;
			break;
		case 'j':
			*json = 1;
			break;
		case 'n':
			if (limit == NULL)
				return bad_usage(cmd, NULL);
			if (parse_limit(optarg, limit) < 0)
				return bad_usage(cmd, _("--limit wants a number"));
			break;
		case 'h':
			command_usage(cmd, stdout);
			return 0;
		default:
			return bad_usage(cmd, NULL);
		}
	}
	return -1;
}

static int
list_db(const char *db, const char *name, long limit, int json)
{
	struct store *s = open_store(db, name);
	int rc;

	if (s == NULL)
		return 1;
	rc = cli_list(s, limit, json);
	store_close(s);
	return rc;
}

static int
cmd_list(struct ctx *c, int argc, char **argv)
{
	const struct command *cmd = find_command("list");
	long limit = -1;
	int json = 0, rc;

	if ((rc = parse_view_opts(c, cmd, argc, argv, &json, &limit)) >= 0)
		return rc;
	if (optind < argc)
		return bad_usage(cmd, _("list takes no arguments"));
	return list_db(c->db, "luot.db", limit, json);
}

static int
cmd_show(struct ctx *c, int argc, char **argv)
{
	const struct command *cmd = find_command("show");
	struct store *s;
	int64_t id;
	int json = 0, rc;

	if ((rc = parse_view_opts(c, cmd, argc, argv, &json, NULL)) >= 0)
		return rc;
	if (optind + 1 != argc)
		return bad_usage(cmd, _("show wants one article id"));
	if ((id = parse_id(argv[optind])) == 0)
		return bad_usage(cmd, _("an article id is a positive number"));
	if ((s = open_store(c->db, "luot.db")) == NULL)
		return 1;
	rc = cli_show(s, id, json);
	store_close(s);
	return rc;
}

static int
cmd_stats(struct ctx *c, int argc, char **argv)
{
	const struct command *cmd = find_command("stats");
	struct store *s;
	int json = 0, rc;

	if ((rc = parse_view_opts(c, cmd, argc, argv, &json, NULL)) >= 0)
		return rc;
	if (optind < argc)
		return bad_usage(cmd, _("stats takes no arguments"));
	if ((s = open_store(c->db, "luot.db")) == NULL)
		return 1;
	rc = cli_stats(s, json);
	store_close(s);
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
cmd_check(struct ctx *c, int argc, char **argv)
{
	const struct command *cmd = find_command("check");
	struct store *s;
	int json = 0, rc;

	if ((rc = parse_view_opts(c, cmd, argc, argv, &json, NULL)) >= 0)
		return rc;
	if (optind < argc || json)
		return bad_usage(cmd, _("check takes no arguments"));
	if ((s = open_store(c->db, "luot.db")) == NULL)
		return 1;
	rc = store_check(s, say_problem, NULL);
	if (rc < 0)
		warnx("%s", store_errmsg(s));
	else if (rc == 0)
		puts("ok");	/* as PRAGMA integrity_check: scripts test it */
	else
		warnx(P_("%d problem found: keep a copy of the file before repairing it",
		    "%d problems found: keep a copy of the file before repairing it", rc), rc);
	store_close(s);
	return rc == 0 ? 0 : 1;
}

static int
cmd_search(struct ctx *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "limit", required_argument, NULL, 'n' },
		{ "sort", required_argument, NULL, 's' },
		{ "db", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const struct command *cmd = find_command("search");
	enum store_sort sort = STORE_SORT_RANK;
	struct store *s;
	struct strlist words;
	long limit = 20;
	int opt, json = 0, rc;
	char *text;

	while ((opt = getopt_long(argc, argv, "jn:s:d:h", longopts, NULL)) != -1) {
		switch (opt) {
		case 'j':
			json = 1;
			break;
		case 'n':
			if (parse_limit(optarg, &limit) < 0)
				return bad_usage(cmd, _("--limit wants a number"));
			break;
		case 's':
			if (strcmp(optarg, "rank") == 0)
				sort = STORE_SORT_RANK;
			else if (strcmp(optarg, "date") == 0)
				sort = STORE_SORT_DATE;
			else
				return bad_usage(cmd, _("--sort is rank or date"));
			break;
		case 'd':
			c->db = optarg;
			break;
		case 'h':
			command_usage(cmd, stdout);
			return 0;
		default:
			return bad_usage(cmd, NULL);
		}
	}
	if (optind >= argc)
		return bad_usage(cmd, _("search wants a query"));
	strlist_init(&words);
	for (int i = optind; i < argc; i++)
		strlist_push(&words, xstrdup(argv[i]));
	text = strlist_join(&words, " ");
	strlist_free(&words);
	if ((s = open_store(c->db, "luot.db")) == NULL) {
		free(text);
		return 1;
	}
	rc = cli_search(s, text, sort, limit, json);
	store_close(s);
	free(text);
	return rc;
}

/*
 * A command of article ids: --db and --help, then fn on each id in turn
 * (1 done, 0 no such article, -1 error); stops at an error, and then
 * none of the ids is changed.
 */
static int
for_each_id(struct ctx *c, const char *name, int argc, char **argv,
    int (*fn)(struct store *, int64_t))
{
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const struct command *cmd = find_command(name);
	struct store *s;
	int opt, rc = 0;

	while ((opt = getopt_long(argc, argv, "d:h", longopts, NULL)) != -1) {
		switch (opt) {
		case 'd':
			c->db = optarg;
			break;
		case 'h':
			command_usage(cmd, stdout);
			return 0;
		default:
			return bad_usage(cmd, NULL);
		}
	}
	if (optind >= argc)
		return bad_usage(cmd, _("article ids are wanted"));
	for (int i = optind; i < argc; i++) {
		if (parse_id(argv[i]) == 0)
			return bad_usage(cmd, _("an article id is a positive number"));
	}
	if ((s = open_store(c->db, "luot.db")) == NULL)
		return 1;
	/* All the ids or none: one transaction. */
	if (store_state_begin(s) < 0) {
		warnx("%s", store_errmsg(s));
		store_close(s);
		return 1;
	}
	for (int i = optind; i < argc && rc == 0; i++) {
		int r = fn(s, parse_id(argv[i]));

		if (r < 0) {
			warnx("%s", store_errmsg(s));
			rc = 1;
		} else if (r == 0) {
			warnx(_("no article with id %s"), argv[i]);
			rc = 1;
		}
	}
	if (store_state_end(s, rc == 0 ? 0 : -1) < 0 && rc == 0) {
		warnx("%s", store_errmsg(s));
		rc = 1;
	}
	store_close(s);
	return rc;
}

static int
cmd_delete(struct ctx *c, int argc, char **argv)
{
	return for_each_id(c, "delete", argc, argv, store_delete);
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

static int
cmd_read(struct ctx *c, int argc, char **argv)
{
	return for_each_id(c, "read", argc, argv, mark_read);
}

static int
cmd_unread(struct ctx *c, int argc, char **argv)
{
	return for_each_id(c, "unread", argc, argv, mark_unread);
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
cmd_bookmark(struct ctx *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "note", required_argument, NULL, 'n' },
		{ "tag", required_argument, NULL, 't' },
		{ "db", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const struct command *cmd = find_command("bookmark");
	const char *note = NULL;
	struct strlist tags;
	struct store *s;
	int64_t id;
	int opt, rc;

	if (argc >= 2 && (strcmp(argv[1], "rm") == 0 || strcmp(argv[1], "remove") == 0))
		return for_each_id(c, "bookmark", argc - 1, argv + 1, unbookmark);
	if (argc < 2 || strcmp(argv[1], "add") != 0) {
		if (argc >= 2 && (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0)) {
			command_usage(cmd, stdout);
			return 0;
		}
		return bad_usage(cmd, _("bookmark wants add or rm"));
	}
	argc--;
	argv++;
	strlist_init(&tags);
	while ((opt = getopt_long(argc, argv, "n:t:d:h", longopts, NULL)) != -1) {
		switch (opt) {
		case 'n':
			note = optarg;
			break;
		case 't':
			if (*optarg != '\0')
				strlist_push(&tags, xstrdup(optarg));
			break;
		case 'd':
			c->db = optarg;
			break;
		case 'h':
			strlist_free(&tags);
			command_usage(cmd, stdout);
			return 0;
		default:
			strlist_free(&tags);
			return bad_usage(cmd, NULL);
		}
	}
	if (optind + 1 != argc || (id = parse_id(argv[optind])) == 0) {
		strlist_free(&tags);
		return bad_usage(cmd, _("bookmark add wants one article id"));
	}
	if ((s = open_store(c->db, "luot.db")) == NULL) {
		strlist_free(&tags);
		return 1;
	}
	rc = store_bookmark_set(s, id, note, &tags);
	if (rc < 0)
		warnx("%s", store_errmsg(s));
	else if (rc == 0)
		warnx(_("no article with id %s"), argv[optind]);
	store_close(s);
	strlist_free(&tags);
	return rc == 1 ? 0 : 1;
}

static int
cmd_export(struct ctx *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "bookmarks", no_argument, NULL, 'b' },
		{ "tag", required_argument, NULL, 't' },
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "force", no_argument, NULL, 'F' },
		{ "db", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const struct command *cmd = find_command("export");
	const char *tag = NULL, *out = NULL, *format = NULL;
	enum export_format f;
	struct store *s;
	int opt, bookmarks = 0, force = 0, rc;

	while ((opt = getopt_long(argc, argv, "bt:f:o:d:h", longopts, NULL)) != -1) {
		switch (opt) {
		case 'b':
			bookmarks = 1;
			break;
		case 't':
			tag = optarg;
			break;
		case 'f':
			format = optarg;
			break;
		case 'o':
			out = optarg;
			break;
		case 'F':
			force = 1;
			break;
		case 'd':
			c->db = optarg;
			break;
		case 'h':
			command_usage(cmd, stdout);
			return 0;
		default:
			return bad_usage(cmd, NULL);
		}
	}
	if (!bookmarks || optind < argc)
		return bad_usage(cmd, _("export wants --bookmarks and no other argument"));
	if (format == NULL || export_format_parse(format, &f) < 0)
		return bad_usage(cmd, _("--format is md, csv or json"));
	if ((s = open_store(c->db, "luot.db")) == NULL)
		return 1;
	rc = export_bookmarks(s, tag, f, out, force);
	store_close(s);
	return rc;
}

static int
cmd_bookmarks(struct ctx *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "tag", required_argument, NULL, 't' },
		{ "json", no_argument, NULL, 'j' },
		{ "db", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const struct command *cmd = find_command("bookmarks");
	const char *tag = NULL;
	struct store *s;
	int opt, json = 0, rc;

	while ((opt = getopt_long(argc, argv, "t:jd:h", longopts, NULL)) != -1) {
		switch (opt) {
		case 't':
			tag = optarg;
			break;
		case 'j':
			json = 1;
			break;
		case 'd':
			c->db = optarg;
			break;
		case 'h':
			command_usage(cmd, stdout);
			return 0;
		default:
			return bad_usage(cmd, NULL);
		}
	}
	if (optind < argc)
		return bad_usage(cmd, _("bookmarks takes no arguments"));
	if ((s = open_store(c->db, "luot.db")) == NULL)
		return 1;
	rc = cli_bookmarks(s, tag, json);
	store_close(s);
	return rc;
}

static int
cmd_help(struct ctx *c, int argc, char **argv)
{
	const struct command *cmd;

	(void)c;
	if (argc < 2) {
		usage(stdout);
		return 0;
	}
	if ((cmd = find_command(argv[1])) == NULL) {
		warnx(_("no such command: %s"), argv[1]);
		return 2;
	}
	command_usage(cmd, stdout);
	return 0;
}

/*
 * The interface on the database (name in the data folder unless db is
 * given). Where it cannot run (a pipe, TERM=dumb), say why on stderr and
 * list the articles instead: useful output, and never escape codes.
 */
static int
browse_db(const char *db, const char *name)
{
	const char *why = ui_unavailable();
	struct store *s;
	int rc;

	if (why != NULL) {
		warnx(_("%s: listing the articles instead of opening the reader"), why);
		return list_db(db, name, -1, 0);
	}
	if ((s = open_store(db, name)) == NULL)
		return 1;
	rc = ui_run(s);
	store_close(s);
	return rc;
}

/* --demo: import the bundled articles into demo.db (again is a no-op:
 * they are duplicates) and show them. */
static int
run_demo(struct ctx *c)
{
	struct import_opts o;
	char *data = paths_pkgdata(), *demo = xasprintf("%s/demo", data);
	int rc;

	import_opts_init(&o);
	rc = run_import(c->db, "demo.db", &demo, 1, &o, NULL, 1);
	free(demo);
	free(data);
	if (rc != 0)
		return rc;
	return browse_db(c->db, "demo.db");
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "demo", no_argument, NULL, 'D' },
		{ "config", required_argument, NULL, 'c' },
		{ "dump-config", no_argument, NULL, 'C' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	struct ctx c = { NULL };
	const struct command *cmd;
	char *localedir;
	const char *conf_path = NULL;
	int opt, demo = 0, dump = 0, rc;

	setlocale(LC_ALL, "");
	localedir = paths_localedir();
	bindtextdomain(PACKAGE, localedir);
	free(localedir);
	/* Messages in UTF-8 whatever the locale, like the articles: the
	 * interface folds both to ASCII itself where the locale is not UTF-8. */
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);

	/* '+': options after the command belong to the command. */
	while ((opt = getopt_long(argc, argv, "+d:c:hV", longopts, NULL)) != -1) {
		switch (opt) {
		case 'd':
			c.db = optarg;
			break;
		case 'c':
			conf_path = optarg;
			break;
		case 'C':
			dump = 1;
			break;
		case 'D':
			demo = 1;
			break;
		case 'h':
			usage(stdout);
			return 0;
		case 'V':
			printf("%s %s\n", PACKAGE, VERSION);
			return 0;
		default:
			fprintf(stderr, _("Try '%s --help'.\n"), PACKAGE);
			return 2;
		}
	}
	/* Bad lines are said and skipped; an unreadable --config file stops. */
	if ((rc = conf_load(conf_path)) < 0)
		return 1;
	if (dump) {
		conf_dump(stdout);
		return rc > 0 ? 1 : 0;
	}
	if (demo) {
		if (optind < argc) {
			warnx("%s", _("--demo takes no command"));
			return 2;
		}
		return run_demo(&c);
	}
	if (optind >= argc)
		return browse_db(c.db, "luot.db");
	if ((cmd = find_command(argv[optind])) == NULL) {
		warnx(_("no such command: %s"), argv[optind]);
		fprintf(stderr, _("Try '%s --help'.\n"), PACKAGE);
		return 2;
	}
	argc -= optind;
	argv += optind;
	optind = 0;	/* glibc: start the next getopt_long afresh */
	/* getopt names argv[0] in its messages: "luot import: ...". */
	argv[0] = xasprintf("%s %s", PACKAGE, cmd->name);
	rc = cmd->run(&c, argc, argv);
	free(argv[0]);
	return rc;
}
