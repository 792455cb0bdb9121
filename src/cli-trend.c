/*
 * cli-trend.c: trend QUERY: the articles a search finds by month (every
 * month from the first to the last, none left out: a gap is how a broken
 * scraper shows) or by source, as a table, with a sparkline of the months
 * on a terminal.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "cmd.h"
#include "i18n.h"
#include "json.h"
#include "query.h"
#include "text.h"
#include "trend.h"
#include "util.h"

enum { OPT_BY = CMD_LONG_ONLY };

static const struct cmd_opt trend_opts[] = {
	{ OPT_BY, "by", N_("WHAT"), N_("month (the default) or source") },
	{ 'j', "json", NULL, N_("one JSON object a line") },
	{ 0, NULL, NULL, NULL },
};

static void
print_months(const struct trend_months *m, int json, struct buf *b)
{
	for (int k = m->first; m->n != NULL && k <= m->last; k++) {
		int64_t n = m->n[k - m->first];

		if (json)
			buf_printf(b, "{\"month\":\"%04d-%02d\",\"articles\":%lld}\n", k / 12,
			    k % 12 + 1, (long long)n);
		else
			buf_printf(b, "%04d-%02d  %8lld\n", k / 12, k % 12 + 1, (long long)n);
	}
	if (m->undated > 0) {
		if (json)
			buf_printf(b, "{\"month\":null,\"articles\":%lld}\n", (long long)m->undated);
		else
			buf_printf(b, "%-7s  %8lld\n", _("undated"), (long long)m->undated);
	}
	/* The shape at a glance, where someone looks at it. */
	if (!json && m->n != NULL && isatty(STDOUT_FILENO)) {
		int per;

		buf_printf(b, "\n%04d-%02d ", m->first / 12, m->first % 12 + 1);
		trend_sparkline(m, m->last - m->first + 1, &per, b);
		buf_addc(b, '\n');
	}
}

struct sources {
	int json;
	struct buf *b;
};

static int
add_source(const char *label, int64_t n, void *ctx)
{
	struct sources *s = ctx;

	if (s->json) {
		buf_adds(s->b, "{");
		json_key(s->b, "source", 1);
		json_str(s->b, *label ? label : NULL);
		buf_printf(s->b, ",\"articles\":%lld}\n", (long long)n);
	} else {
		char *shown = text_sanitize(*label ? label : "-");

		buf_printf(s->b, "%8lld  %s\n", (long long)n, shown);
		free(shown);
	}
	return 0;
}

static int
run_trend(struct cmd_ctx *c)
{
	const char *by = cmd_get(c, OPT_BY);
	struct trend_months m = { 0, 0, NULL, 0 };
	struct sources src = { c->json, NULL };
	struct buf out;
	struct query q;
	char *text;
	int rc;

	if (by != NULL && strcmp(by, "month") != 0 && strcmp(by, "source") != 0)
		return cmd_bad_usage(c, _("--by is month or source"));
	if (cmd_store(c, "luot.db") == NULL)
		return 1;
	text = cmd_operands_text(c);
	store_parse_query(c->s, text, &q);
	buf_init(&out);
	buf_add(&out, "", 0);
	src.b = &out;
	if (by != NULL && strcmp(by, "source") == 0)
		rc = store_trend(c->s, &q, STORE_BY_SOURCE, add_source, &src);
	else if ((rc = store_trend(c->s, &q, STORE_BY_DAY, trend_add_day, &m)) == 0)
		print_months(&m, c->json, &out);
	if (rc < 0)
		warnx("%s", store_errmsg(c->s));
	else
		fwrite(out.data, 1, out.len, stdout);
	buf_free(&out);
	trend_free(&m);
	query_free(&q);
	free(text);
	return rc < 0;
}

const struct command cli_trend_entry = {
	"trend", N_("[--by month|source] [--json] [QUERY...]"),
	N_("Count what a search finds (or every article) by month or by source."),
	trend_opts, NULL,
	N_("\nBy month, every month from the first to the last is listed, none\n"
	   "left out (a month of nothing is how a broken scraper shows), then the\n"
	   "undated; on a terminal, a sparkline of them follows.\n"),
	0, 0, -1, NULL, run_trend,
};
