/*
 * cli.c: see cli.h.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cli.h"
#include "i18n.h"
#include "json.h"
#include "text.h"
#include "util.h"

/* Columns of the source column in list output. */
#define SOURCE_COLS 18

struct list_ctx {
	int json;
	size_t width;		/* terminal width, 0 for no limit */
	struct buf out;
};

/* Width of the terminal on stdout, or 0 when stdout is not one. */
static size_t
terminal_width(void)
{
	struct winsize ws;

	if (!isatty(STDOUT_FILENO))
		return 0;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return 80;
}

static void
put_json_item(struct buf *b, const struct store_item *it)
{
	buf_addc(b, '{');
	json_key(b, "id", 1);
	buf_printf(b, "%lld", (long long)it->id);
	json_key(b, "title", 0);
	json_str(b, it->title);
	json_key(b, "published", 0);
	json_str(b, it->published);
	json_key(b, "crawled", 0);
	json_str(b, it->crawled);
	json_key(b, "author", 0);
	json_str(b, it->author);
	json_key(b, "source", 0);
	json_str(b, it->source);
	json_key(b, "path", 0);
	json_str(b, it->path);
	json_key(b, "words", 0);
	buf_printf(b, "%lld", (long long)it->words);
}

/* Append s sanitised, cut to cols columns and padded to them when pad. */
static void
put_cell(struct buf *b, const char *s, size_t cols, int pad)
{
	char *safe = text_sanitize(s ? s : "");
	char *cut = cols ? text_truncate(safe, cols) : xstrdup(safe);

	buf_adds(b, cut);
	if (pad) {
		for (size_t w = text_width(cut); w < cols; w++)
			buf_addc(b, ' ');
	}
	free(cut);
	free(safe);
}

static int
list_row(const struct store_item *it, void *vctx)
{
	struct list_ctx *c = vctx;
	char date[11];
	size_t used;

	buf_reset(&c->out);
	if (c->json) {
		put_json_item(&c->out, it);
		buf_adds(&c->out, "}\n");
	} else {
		snprintf(date, sizeof date, "%s", it->published ? it->published : "-");
		buf_printf(&c->out, "%6lld  %-10s  ", (long long)it->id, date);
		put_cell(&c->out, it->source ? it->source : "-", SOURCE_COLS, 1);
		buf_adds(&c->out, "  ");
		used = 6 + 2 + 10 + 2 + SOURCE_COLS + 2;
		put_cell(&c->out, it->title, c->width > used ? c->width - used : 0, 0);
		buf_addc(&c->out, '\n');
	}
	fwrite(c->out.data, 1, c->out.len, stdout);
	return ferror(stdout) ? 1 : 0;
}

static int
finish(void)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		warnx("%s", _("write error on standard output"));
		return 1;
	}
	return 0;
}

int
cli_list(struct store *s, long limit, int json)
{
	struct list_ctx c = { json, terminal_width(), { NULL, 0, 0 } };
	int rc = store_list(s, limit, list_row, &c);

	buf_free(&c.out);
	if (rc < 0) {
		warnx("%s", store_errmsg(s));
		return 1;
	}
	return finish();
}

static void
put_field(struct buf *b, const char *label, const char *value)
{
	char *safe;

	if (value == NULL)
		return;
	safe = text_sanitize(value);
	buf_printf(b, "%s %s\n", label, safe);
	free(safe);
}

static void
put_lines_text(struct buf *b, const char *s, const char *sep)
{
	const char *p = s ? s : "";

	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		char *line = xstrndup(p, n);
		char *safe = text_sanitize(line);

		buf_adds(b, safe);
		buf_adds(b, sep);
		free(safe);
		free(line);
		p += n;
		if (*p == '\n')
			p++;
	}
}

static int
show_item(const struct store_item *it, void *vctx)
{
	struct list_ctx *c = vctx;
	struct buf *b = &c->out;
	char *safe;

	if (c->json) {
		put_json_item(b, it);
		json_key(b, "paragraphs", 0);
		json_lines(b, it->body);
		json_key(b, "captions", 0);
		json_lines(b, it->captions);
		buf_adds(b, "}\n");
		return 0;
	}
	safe = text_sanitize(it->title);
	buf_printf(b, "%s\n", safe);
	free(safe);
	put_field(b, _("Published:"), it->published);
	put_field(b, _("Page date:"), it->crawled);
	put_field(b, _("Author:"), it->author);
	put_field(b, _("Source:"), it->source);
	put_field(b, _("File:"), it->path);
	buf_printf(b, "%s %lld\n\n", _("Words:"), (long long)it->words);
	put_lines_text(b, it->body, "\n\n");
	if (it->captions != NULL && *it->captions) {
		buf_printf(b, "%s\n", _("Photo captions:"));
		put_lines_text(b, it->captions, "\n");
	}
	return 0;
}

int
cli_show(struct store *s, int64_t id, int json)
{
	struct list_ctx c = { json, 0, { NULL, 0, 0 } };
	int rc = store_show(s, id, show_item, &c);

	if (rc < 0) {
		warnx("%s", store_errmsg(s));
		buf_free(&c.out);
		return 1;
	}
	if (rc == 0) {
		warnx(_("no article with id %lld"), (long long)id);
		buf_free(&c.out);
		return 1;
	}
	fwrite(c.out.data, 1, c.out.len, stdout);
	buf_free(&c.out);
	return finish();
}

int
cli_stats(struct store *s, int json)
{
	struct store_stats st;

	if (store_stats(s, &st) < 0) {
		warnx("%s", store_errmsg(s));
		return 1;
	}
	if (json) {
		struct buf b;

		buf_init(&b);
		buf_printf(&b, "{\"articles\":%lld,\"words\":%lld,\"sources\":%lld,\"dated\":%lld,",
		    (long long)st.articles, (long long)st.words, (long long)st.sources,
		    (long long)st.dated);
		json_key(&b, "first", 1);
		json_str(&b, st.first[0] ? st.first : NULL);
		json_key(&b, "last", 0);
		json_str(&b, st.last[0] ? st.last : NULL);
		buf_printf(&b, ",\"schema\":%d}\n", st.version);
		fputs(b.data, stdout);
		buf_free(&b);
	} else {
		printf(_("Articles:  %lld\n"), (long long)st.articles);
		printf(_("Words:     %lld\n"), (long long)st.words);
		printf(_("Sources:   %lld\n"), (long long)st.sources);
		printf(_("Dated:     %lld\n"), (long long)st.dated);
		if (st.first[0])
			printf(_("Dates:     %s .. %s\n"), st.first, st.last);
		printf(_("Schema:    %d\n"), st.version);
	}
	return finish();
}
