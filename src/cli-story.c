/*
 * cli-story.c: regroup: the copies of each story found again, with a new
 * likeness or for articles imported before luot kept stories.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "cli.h"
#include "cmd.h"
#include "i18n.h"
#include "progress.h"
#include "util.h"

enum { OPT_LIKENESS = CMD_LONG_ONLY };

static const struct cmd_opt regroup_opts[] = {
	{ OPT_LIKENESS, "likeness", N_("J"),
	  N_("least likeness of two copies, 0.05-1 (default 0.40)") },
	{ 0, NULL, NULL, NULL },
};

struct regroup_ctx {
	struct progress bar;
	int64_t total;
};

static void
regroup_progress(int64_t done, void *vctx)
{
	struct regroup_ctx *c = vctx;

	progress_update(&c->bar, (size_t)done, (size_t)c->total);
}

static int
run_regroup(struct cmd_ctx *c)
{
	const char *v = cmd_get(c, OPT_LIKENESS);
	double likeness = 0;
	struct store_regroup r = { 0 };
	struct store_counts counts;
	struct regroup_ctx ctx;
	char *end;

	if (v != NULL) {
		likeness = strtod(v, &end);
		if (end == v || *end != '\0' || !(likeness >= 0.05 && likeness <= 1))
			return cmd_bad_usage(c, _("--likeness wants a number from 0.05 to 1"));
	}
	if (cmd_store(c, "luot.db") == NULL)
		return 1;
	if (store_count(c->s, &counts) < 0) {
		warnx("%s", store_errmsg(c->s));
		return 1;
	}
	ctx.total = counts.articles;
	progress_init(&ctx.bar, isatty(STDERR_FILENO) ? PROGRESS_BAR : PROGRESS_LINES);
	r.progress = regroup_progress;
	r.ctx = &ctx;
	if (store_regroup(c->s, likeness, &r) < 0) {
		progress_end(&ctx.bar);
		warnx("%s", store_errmsg(c->s));
		return 1;
	}
	progress_end(&ctx.bar);
	printf(P_("%lld article: ", "%lld articles: ", r.articles), (long long)r.articles);
	printf(P_("%lld story of more than one copy, ", "%lld stories of more than one copy, ",
	    r.stories), (long long)r.stories);
	printf(P_("%lld copy grouped\n", "%lld copies grouped\n", r.joined), (long long)r.joined);
	if (r.signed_now > 0)
		printf(P_("%lld article had no signature yet\n", "%lld articles had no signature yet\n",
		    r.signed_now), (long long)r.signed_now);
	return 0;
}

const struct command cli_regroup_entry = {
	"regroup", N_("[--likeness J]"),
	N_("Group the copies of each story again."),
	regroup_opts, NULL,
	N_("\nEvery article is compared, in date order, with those before it: a\n"
	   "copy joins the story of the earliest. Two articles are copies when\n"
	   "their estimated shingle likeness reaches J, or one holds the other\n"
	   "by J + 0.15 and their titles share 2 words in 5; and, when both\n"
	   "are dated, they are at most 7 days apart. J is kept for the imports\n"
	   "after.\n"),
	0, 0, 0, N_("regroup takes no arguments"), run_regroup,
};
