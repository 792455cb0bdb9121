/*
 * cli-import.c: the commands that write articles and their index: import,
 * reextract and tidy, and the boilerplate patterns import and reextract
 * both load.
 */
#include "config.h"

#include <stdlib.h>
#include <unistd.h>

#include "boiler.h"
#include "cli.h"
#include "cmd.h"
#include "conf.h"
#include "i18n.h"
#include "import.h"
#include "paths.h"
#include "reextract.h"

enum { OPT_MAX_PARAS = CMD_LONG_ONLY, OPT_MAX_TEXT, OPT_MAP, OPT_NO_STORIES };

static const struct cmd_opt import_opts[] = {
	{ 's', "source", N_("NAME"), N_("source for articles that do not name one") },
	{ 'm', "max-size", N_("SIZE"), N_("skip files larger than SIZE (default 16M;\nsuffixes K, M, G)") },
	{ OPT_MAX_PARAS, "max-paragraphs", "N",
	  N_("cut a page after N lines of text (default\n20000), with a note at the article's end") },
	{ OPT_MAX_TEXT, "max-text", N_("SIZE"), N_("cut a page after SIZE of text (default 8M)") },
	{ OPT_MAP, "map", N_("FIELDS"), N_("in JSON records, fields under other names:\n"
	  "body=NAME,title=NAME,... (also url, date,\nauthor, source)") },
	{ 'L', "follow", NULL, N_("follow symbolic links that lead out of the\nfolders given") },
	{ OPT_NO_STORIES, "no-stories", NULL, N_("leave the articles out of stories, for\nluot regroup to group later") },
	{ 'p', "patterns", N_("FILE"), N_("also use the boilerplate patterns in FILE") },
	{ 'q', "quiet", NULL, N_("no progress bar (or lines, in a pipe)") },
	{ 'v', "verbose", NULL, N_("also name each duplicate file and the article\nit repeats") },
	{ 0, NULL, NULL, NULL },
};

static const struct cmd_opt reextract_opts[] = {
	{ 'p', "patterns", N_("FILE"), N_("also use the boilerplate patterns in FILE") },
	{ 'q', "quiet", NULL, N_("no progress bar (or lines, in a pipe)") },
	{ 0, NULL, NULL, NULL },
};

static const struct cmd_opt tidy_opts[] = {
	{ 'q', "quiet", NULL, N_("no progress bar") },
	{ 0, NULL, NULL, NULL },
};

/* The boilerplate patterns: the installed file, the user's, the one the
 * configuration names, then extra. */
struct boiler *
cli_patterns(const char *extra)
{
	char *err;
	struct boiler *bp = boiler_in_use(extra, &err);

	if (bp == NULL) {
		warnx("%s", err);
		free(err);
	}
	return bp;
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

/* A progress display for stderr: none when quiet, else a bar on a
 * terminal and lines in a pipe. */
enum progress_mode
cli_progress(int quiet)
{
	return quiet ? PROGRESS_NONE : isatty(STDERR_FILENO) ? PROGRESS_BAR : PROGRESS_LINES;
}

int
cli_import_run(const char *db, const char *name, char *const *paths, int n,
    const struct import_opts *o, const char *extra_patterns, int quiet_totals)
{
	struct import_totals t;
	struct boiler *bp;
	struct store *s;
	int rc;

	if ((bp = cli_patterns(extra_patterns)) == NULL)
		return 1;
	if ((s = cmd_open_store(db, name)) == NULL) {
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

static int
run_import(struct cmd_ctx *c)
{
	struct import_opts o;
	struct record_map map;
	const char *v;
	char *err = NULL;
	int rc;

	import_opts_init(&o);
	o.source = cmd_get(c, 's');
	if ((v = cmd_get(c, 'm')) != NULL && cmd_parse_size(v, &o.max_bytes) < 0)
		return cmd_bad_usage(c, _("--max-size wants a size such as 800K or 16M"));
	if ((v = cmd_get(c, OPT_MAX_PARAS)) != NULL) {
		long n;

		if (cmd_parse_limit(v, &n) < 0 || n == 0)
			return cmd_bad_usage(c, _("--max-paragraphs wants a number above 0"));
		o.limits.paras = (size_t)n;
	}
	if ((v = cmd_get(c, OPT_MAX_TEXT)) != NULL && cmd_parse_size(v, &o.limits.bytes) < 0)
		return cmd_bad_usage(c, _("--max-text wants a size such as 800K or 8M"));
	if (record_map_parse(&map, cmd_get(c, OPT_MAP), &err) < 0) {
		rc = cmd_bad_usage(c, err);
		free(err);
		return rc;
	}
	o.map = &map;
	o.follow = cmd_has(c, 'L');
	o.no_stories = cmd_has(c, OPT_NO_STORIES);
	o.verbose = cmd_has(c, 'v');
	o.progress = cli_progress(cmd_has(c, 'q'));
	rc = cli_import_run(c->db, "luot.db", c->argv, c->argc, &o, cmd_get(c, 'p'), 0);
	record_map_free(&map);
	return rc;
}

/* reextract [ID]...: the articles named, or all of them. */
static int
run_reextract(struct cmd_ctx *c)
{
	struct reextract_totals t;
	struct boiler *bp;
	int64_t *ids = xcalloc((size_t)c->argc + 1, sizeof *ids);
	int rc = 1;

	for (int i = 0; i < c->argc; i++)
		ids[i] = cmd_parse_id(c->argv[i]);
	if ((bp = cli_patterns(cmd_get(c, 'p'))) == NULL) {
		free(ids);
		return 1;
	}
	if (cmd_store(c, "luot.db") != NULL) {
		rc = reextract_run(c->s, bp, ids, (size_t)c->argc, REEXTRACT_BATCH,
		    cli_progress(cmd_has(c, 'q')), &t);
		printf(_("changed %zu, unchanged %zu, failed %zu in %.2f s\n"),
		    t.changed, t.unchanged, t.failed, t.seconds);
		rc = rc < 0 || t.failed > 0 ? 1 : 0;
	}
	boiler_free(bp);
	free(ids);
	return rc;
}

const struct command cli_import_entry = {
	"import", N_("[OPTION]... PATH..."),
	N_("Import article files and folders (recursively) into the database."),
	import_opts, N_("import into the database at PATH"),
	N_("\nFiles named .jsonl or .ndjson hold an article a line as a JSON object,\n"
	   ".json files an object or an array of them (crawler output): title,\n"
	   "content (or text, body, maintext), url, date, author, source.\n"),
	0, 1, -1, N_("nothing to import: give files or folders"), run_import,
};

const struct command cli_reextract_entry = {
	"reextract", N_("[OPTION]... [ID]..."),
	N_("Extract articles again from their pages; their marks and notes stay."),
	reextract_opts, NULL, N_("Without ids, every article.\n"),
	CMD_IDS, 0, -1, NULL, run_reextract,
};

/* tidy: the search index merged into one part, and the pages it freed
 * given back. */
static int
run_tidy(struct cmd_ctx *c)
{
	struct store_index_shape before, after;
	double start = monotonic_seconds();

	if (cmd_store(c, "luot.db") == NULL)
		return 1;
	if (store_index_shape(c->s, &before) < 0 ||
	    import_tidy(c->s, cli_progress(cmd_has(c, 'q'))) < 0 ||
	    store_trim(c->s) < 0 || store_index_shape(c->s, &after) < 0) {
		warnx("%s", store_errmsg(c->s));
		return 1;
	}
	if (before.segments < 0 || after.segments < 0)
		printf(_("search index merged in %.2f s\n"), monotonic_seconds() - start);
	else
		printf(P_("search index: %d part before, %d after, in %.2f s\n",
		    "search index: %d parts before, %d after, in %.2f s\n", before.segments),
		    before.segments, after.segments, monotonic_seconds() - start);
	return 0;
}

const struct command cli_tidy_entry = {
	"tidy", N_("[--quiet]"),
	N_("Merge the search index into one part: searches read it faster."),
	tidy_opts, N_("tidy the database at PATH"),
	N_("\nAn import merges the index itself when it leaves it in many parts;\n"
	   "after many small imports, tidy makes searches faster again.\n"),
	0, 0, 0, N_("tidy takes no arguments"), run_tidy,
};
