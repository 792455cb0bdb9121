/*
 * cli-stats.c: stats, the database summed up; with --by source, a line a
 * source (its articles, first and last date, the share that are later
 * copies of a story, the months with none between its first and last);
 * with --by month, a line a month from the first to the last, none left
 * out. A gap is how a broken scraper shows itself.
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

enum { OPT_BY = CMD_LONG_ONLY };

static const struct cmd_opt stats_opts[] = {
	{ OPT_BY, "by", N_("WHAT"), N_("a line a source or a month: source or month") },
	{ 'j', "json", NULL, N_("one JSON object (with --by, one a line)") },
	{ 0, NULL, NULL, NULL },
};

/* "YYYY-MM" as a month number (year * 12 + month - 1), or -1. */
static int
month_of(const char *m)
{
	int y, mo;

	if (m == NULL || sscanf(m, "%d-%d", &y, &mo) != 2 || mo < 1 || mo > 12)
		return -1;
	return y * 12 + mo - 1;
}

static void
month_text(int k, char *buf, size_t size)
{
	snprintf(buf, size, "%04d-%02d", k / 12, k % 12 + 1);
}

/* A share as a percentage, "-" of nothing. */
static void
share_text(int64_t part, int64_t of, char *buf, size_t size)
{
	if (of == 0)
		snprintf(buf, size, "-");
	else
		snprintf(buf, size, "%.1f%%", 100.0 * (double)part / (double)of);
}

/* One source, summed over its months as they come. */
struct by_source {
	int json;
	struct buf out;
	char *source;		/* NULL before the first */
	int64_t articles, copies;
	char first[11], last[11];
	int month;		/* the last month seen, -1: none */
	struct buf gaps;	/* "2017-03..2017-05, 2017-09" */
	int ngaps;
	struct buf gaps_json;	/* "\"2017-03\",\"2017-04\"" */
};

static void
source_reset(struct by_source *b, const char *source)
{
	free(b->source);
	b->source = xstrdup(source);
	b->articles = b->copies = 0;
	b->first[0] = b->last[0] = '\0';
	b->month = -1;
	buf_reset(&b->gaps);
	buf_reset(&b->gaps_json);
	b->ngaps = 0;
}

/* The months from after b->month to before k, none of them with articles. */
static void
add_gap(struct by_source *b, int k)
{
	char from[16], to[16];

	month_text(b->month + 1, from, sizeof from);
	month_text(k - 1, to, sizeof to);
	if (b->gaps.len > 0)
		buf_adds(&b->gaps, ", ");
	if (k - 1 == b->month + 1)
		buf_adds(&b->gaps, from);
	else
		buf_printf(&b->gaps, "%s..%s", from, to);
	for (int g = b->month + 1; g < k; g++) {
		month_text(g, from, sizeof from);
		buf_printf(&b->gaps_json, "%s\"%s\"", b->gaps_json.len ? "," : "", from);
	}
	b->ngaps += k - 1 - b->month;
}

static void
source_flush(struct by_source *b)
{
	char share[16];

	if (b->source == NULL)
		return;
	if (b->json) {
		buf_addc(&b->out, '{');
		json_key(&b->out, "source", 1);
		json_str(&b->out, *b->source ? b->source : NULL);
		buf_printf(&b->out, ",\"articles\":%lld,", (long long)b->articles);
		json_key(&b->out, "first", 1);
		json_str(&b->out, b->first[0] ? b->first : NULL);
		json_key(&b->out, "last", 0);
		json_str(&b->out, b->last[0] ? b->last : NULL);
		buf_printf(&b->out, ",\"copies\":%lld,\"gap_months\":[%s]}\n", (long long)b->copies,
		    b->gaps_json.len ? b->gaps_json.data : "");
		return;
	}
	{
		char *shown = text_sanitize(*b->source ? b->source : "-");

		share_text(b->copies, b->articles, share, sizeof share);
		buf_printf(&b->out, "%8lld  %-10s  %-10s  %6s  %4d  %s\n", (long long)b->articles,
		    b->first[0] ? b->first : "-", b->last[0] ? b->last : "-", share, b->ngaps, shown);
		free(shown);
	}
	if (b->ngaps > 0)
		buf_printf(&b->out, "%10s%s %s\n", "", _("no articles:"), b->gaps.data);
}

static int
add_source_part(const struct store_stats_part *p, void *ctx)
{
	struct by_source *b = ctx;
	int k = month_of(p->month);

	if (b->source == NULL || strcmp(b->source, p->source) != 0) {
		source_flush(b);
		source_reset(b, p->source);
	}
	b->articles += p->articles;
	b->copies += p->copies;
	/* The undated come first and have no dates. */
	if (k >= 0) {
		if (!b->first[0])
			snprintf(b->first, sizeof b->first, "%.10s", p->first);
		snprintf(b->last, sizeof b->last, "%.10s", p->last);
		if (b->month >= 0 && k > b->month + 1)
			add_gap(b, k);
		b->month = k;
	}
	return 0;
}

static int
stats_by_source(struct store *s, int json)
{
	struct by_source b;
	int rc;

	memset(&b, 0, sizeof b);
	b.json = json;
	buf_init(&b.out);
	buf_init(&b.gaps);
	buf_init(&b.gaps_json);
	buf_add(&b.out, "", 0);
	if (!json)
		buf_printf(&b.out, "%s\n", _("Articles  First       Last        Copies  Gaps  Source"));
	rc = store_stats_parts(s, add_source_part, &b);
	if (rc == 0)
		source_flush(&b);
	if (rc < 0)
		warnx("%s", store_errmsg(s));
	else
		fwrite(b.out.data, 1, b.out.len, stdout);
	buf_free(&b.out);
	buf_free(&b.gaps);
	buf_free(&b.gaps_json);
	free(b.source);
	return rc < 0 ? 1 : cli_finish();
}

/* The months, each with its articles, sources and copies. */
struct month_row {
	int64_t articles, sources, copies;
};

struct by_month {
	int first, last;	/* last < first: no month yet */
	struct month_row *v;	/* last - first + 1 of them */
	struct month_row undated;
};

static int
add_month_part(const struct store_stats_part *p, void *ctx)
{
	struct by_month *m = ctx;
	int k = month_of(p->month);
	struct month_row *r;

	if (k < 0) {
		r = &m->undated;
	} else {
		/* Months come in order within a source, not across them. */
		if (m->last < m->first) {
			m->first = m->last = k;
			m->v = xcalloc(1, sizeof *m->v);
		} else if (k < m->first) {
			struct month_row *v = xcalloc((size_t)(m->last - k + 1), sizeof *v);

			memcpy(v + (m->first - k), m->v, (size_t)(m->last - m->first + 1) * sizeof *v);
			free(m->v);
			m->v = v;
			m->first = k;
		} else if (k > m->last) {
			m->v = xrealloc(m->v, (size_t)(k - m->first + 1) * sizeof *m->v);
			memset(m->v + (m->last - m->first + 1), 0, (size_t)(k - m->last) * sizeof *m->v);
			m->last = k;
		}
		r = &m->v[k - m->first];
	}
	r->articles += p->articles;
	r->copies += p->copies;
	r->sources++;		/* a part is one source's month */
	return 0;
}

static void
month_line(struct buf *b, const char *label, const struct month_row *r, int json)
{
	char share[16];

	if (json) {
		buf_addc(b, '{');
		json_key(b, "month", 1);
		json_str(b, label);
		buf_printf(b, ",\"articles\":%lld,\"sources\":%lld,\"copies\":%lld}\n",
		    (long long)r->articles, (long long)r->sources, (long long)r->copies);
		return;
	}
	share_text(r->copies, r->articles, share, sizeof share);
	buf_printf(b, "%-7s  %8lld  %7lld  %6s\n", label ? label : _("undated"),
	    (long long)r->articles, (long long)r->sources, share);
}

static int
stats_by_month(struct store *s, int json)
{
	struct by_month m = { 1, 0, NULL, { 0, 0, 0 } };
	struct buf out;
	int rc = store_stats_parts(s, add_month_part, &m);

	if (rc < 0) {
		warnx("%s", store_errmsg(s));
		free(m.v);
		return 1;
	}
	buf_init(&out);
	buf_add(&out, "", 0);
	if (!json)
		buf_printf(&out, "%s\n", _("Month    Articles  Sources  Copies"));
	for (int k = m.first; k <= m.last; k++) {
		char label[16];

		month_text(k, label, sizeof label);
		month_line(&out, label, &m.v[k - m.first], json);
	}
	if (m.undated.articles > 0)
		month_line(&out, NULL, &m.undated, json);
	fwrite(out.data, 1, out.len, stdout);
	buf_free(&out);
	free(m.v);
	return cli_finish();
}

static int
run_stats(struct cmd_ctx *c)
{
	const char *by = cmd_get(c, OPT_BY);

	if (by != NULL && strcmp(by, "source") != 0 && strcmp(by, "month") != 0)
		return cmd_bad_usage(c, _("--by is source or month"));
	if (cmd_store(c, "luot.db") == NULL)
		return 1;
	if (by == NULL)
		return cli_stats(c->s, c->json);
	return strcmp(by, "source") == 0 ? stats_by_source(c->s, c->json) :
	    stats_by_month(c->s, c->json);
}

const struct command cli_stats_entry = {
	/* Option names and their values only: not for translation. */
	"stats", "[--by source|month] [--json]", N_("Summarise the database."),
	stats_opts, N_("read the database at PATH"), NULL,
	0, 0, 0, N_("stats takes no arguments"), run_stats,
};
