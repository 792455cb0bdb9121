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
#include "export.h"
#include "i18n.h"
#include "json.h"
#include "query.h"
#include "text.h"
#include "trace.h"
#include "url.h"
#include "util.h"

/* Columns of the source column in list output. */
#define SOURCE_COLS 18
/* SQLite page cache of a search at the command line, KiB. */
#define CLI_SEARCH_CACHE_KIB 1024
/* A search's count of its matches at the command line, for --json and the
 * note, stops after this many ms: the interface counts at a pause, but a
 * command's count keeps the prompt waiting (20 ms of 80 for "uy ban nhan
 * dan" at 1M; 5 ms still counts 2,100 hits of one word exactly). */
#define CLI_COUNT_MS 5.0

struct list_ctx {
	int json;
	size_t width;		/* terminal width, 0 for no limit */
	struct buf out;
	long rows;		/* rows written */
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
	char date[11], *source;
	size_t used;

	buf_reset(&c->out);
	if (c->json) {
		json_item(&c->out, it);
		buf_adds(&c->out, "}\n");
	} else {
		snprintf(date, sizeof date, "%s", it->published ? it->published : "-");
		buf_printf(&c->out, "%6lld  %-10s  ", (long long)it->id, date);
		source = url_source_shown(it->source, it->url);
		put_cell(&c->out, *source ? source : "-", SOURCE_COLS, 1);
		free(source);
		buf_adds(&c->out, "  ");
		used = 6 + 2 + 10 + 2 + SOURCE_COLS + 2;
		if (it->copies > 1) {
			/* A story's head: how many papers carry it. */
			char copies[32];

			snprintf(copies, sizeof copies, "  ×%lld", (long long)it->copies);
			used += text_width(copies);
			put_cell(&c->out, it->title, c->width > used ? c->width - used : 0, 0);
			buf_adds(&c->out, copies);
		} else {
			put_cell(&c->out, it->title, c->width > used ? c->width - used : 0, 0);
		}
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
	struct list_ctx c = { json, terminal_width(), { NULL, 0, 0 }, 0 };
	int rc = store_list(s, limit, list_row, &c);

	buf_free(&c.out);
	if (rc < 0) {
		warnx("%s", store_errmsg(s));
		return 1;
	}
	return finish();
}

static int
show_item(const struct store_item *it, void *vctx)
{
	struct list_ctx *c = vctx;
	struct buf *b = &c->out;

	if (c->json) {
		json_item(b, it);
		json_key(b, "paragraphs", 0);
		json_lines(b, it->body);
		json_key(b, "captions", 0);
		json_lines(b, it->captions);
		json_key(b, "links", 0);
		json_links(b, it->links);
		buf_adds(b, "}\n");
		return 0;
	}
	export_article_text(b, it);
	return 0;
}

/* The other copies of the article shown: one line each, or JSON. */
struct also_ctx {
	int64_t id;
	int json, n;
	struct buf *b;
};

static int
also_row(const struct store_item *it, void *vctx)
{
	struct also_ctx *a = vctx;
	char *source;

	if (it->id == a->id)
		return 0;
	if (a->json) {
		buf_adds(a->b, a->n ? "," : "");
		json_item(a->b, it);
		buf_addc(a->b, '}');
	} else {
		if (a->n == 0)
			buf_printf(a->b, "\n%s\n", _("Also in:"));
		source = url_source_shown(it->source, it->url);
		buf_printf(a->b, "  %lld  %s  %s  ", (long long)it->id,
		    it->published ? it->published : "-", *source ? source : "-");
		free(source);
		put_cell(a->b, it->title, 200, 0);
		buf_addc(a->b, '\n');
	}
	a->n++;
	return 0;
}

int
cli_show(struct store *s, int64_t id, int json)
{
	struct list_ctx c = { json, 0, { NULL, 0, 0 }, 0 };
	int rc = store_show(s, id, show_item, &c);

	if (rc > 0) {
		/* Its story's other copies: in the text after it, in JSON as
		 * "also_in" before the object's end. */
		struct also_ctx a = { id, json, 0, &c.out };

		if (json) {
			c.out.len -= 2;	/* "}\n" */
			json_key(&c.out, "also_in", 0);
			buf_addc(&c.out, '[');
		}
		if (store_story_members(s, id, also_row, &a) < 0)
			rc = -1;
		if (json)
			buf_adds(&c.out, "]}\n");
	}

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
		buf_printf(&b, ",\"schema\":%d,\"index_parts\":%d}\n", st.version,
		    st.index_parts);
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
		if (st.index_parts == 1)
			printf("%s\n", _("Index:     1 part"));
		else if (st.index_parts > 1)
			printf(P_("Index:     %d part (luot tidy merges them)\n",
			    "Index:     %d parts (luot tidy merges them)\n", st.index_parts),
			    st.index_parts);
	}
	return finish();
}

/* Search output: one hit = the list row, then its snippet. */
struct search_ctx {
	struct list_ctx list;
	int color;		/* mark matches with reverse video */
	long hits;
	int64_t total;		/* hits counted, up to STORE_COUNT_CAP + 1 */
	int more;		/* ...or at least total: the count stopped */
	int64_t articles;	/* every copy of the stories counted, as total */
	int articles_more;
	const struct query *q;	/* the query searched (borrowed) */
};

/* Where a snippet is being written: the wrapping state for a terminal. */
struct snip_out {
	struct buf *b;
	int color;		/* reverse video around matches */
	int marked;		/* inside a match now */
	size_t width;		/* wrap at this column; 0: one long line */
	size_t col;		/* current column */
	int space;		/* a space is due before the next word */
	int opening;		/* reverse video is due before the next word */
};

/* The indent of snippet lines under a hit. */
#define SNIPPET_INDENT 8

/* Append text (sanitised, no markers) to o, wrapping between words. The
 * last column stays free: writing there makes some terminals wrap. */
static void
snip_text(struct snip_out *o, const char *text)
{
	const char *p = text;

	while (*p) {
		size_t n = strcspn(p, " ");
		char *word = xstrndup(p, n);
		size_t w = text_width(word), need = w + (o->space ? 1 : 0);

		if (n > 0 && o->width > 0 && o->col + need >= o->width && o->col > SNIPPET_INDENT) {
			/* Reverse video must not run into the indent. */
			if (o->marked && o->color && !o->opening)
				buf_adds(o->b, "\x1b[27m");
			buf_printf(o->b, "\n%*s", SNIPPET_INDENT, "");
			if (o->marked && o->color && !o->opening)
				buf_adds(o->b, "\x1b[7m");
			o->col = SNIPPET_INDENT;
			o->space = 0;
		}
		if (n > 0 && o->space) {
			buf_addc(o->b, ' ');
			o->col++;
			o->space = 0;
		}
		if (n > 0 && o->opening) {
			buf_adds(o->b, "\x1b[7m");
			o->opening = 0;
		}
		buf_add(o->b, word, n);
		o->col += w;
		free(word);
		p += n;
		if (*p == ' ') {
			o->space = 1;
			p++;
		}
	}
}

/*
 * Append a snippet (matches between \x01 and \x02) to o: sanitised, with
 * reverse video around matches when o->color, plain otherwise. When spans
 * is not NULL, it gets the matches as JSON [start, end] pairs in code
 * points of the plain text.
 */
static void
put_snippet(struct snip_out *o, const char *snip, struct buf *spans)
{
	size_t chars = 0, start = 0;
	const char *p = snip;
	int first = 1;

	while (*p) {
		size_t n = strcspn(p, "\x01\x02");
		char *part = xstrndup(p, n), *safe;

		/* A snippet may span paragraphs: the break reads as a space. */
		for (char *c = part; *c; c++) {
			if (*c == '\n')
				*c = ' ';
		}
		safe = text_sanitize(part);
		snip_text(o, safe);
		for (const char *c = safe; *c; c++)
			chars += ((unsigned char)*c & 0xC0) != 0x80;
		free(safe);
		free(part);
		p += n;
		if (*p == '\x01') {
			/* Opened at the next word, after any space or wrap. */
			o->opening = o->color;
			o->marked = 1;
			start = chars;
		} else if (*p == '\x02') {
			if (o->color && !o->opening)
				buf_adds(o->b, "\x1b[27m");
			o->opening = 0;
			o->marked = 0;
			if (spans != NULL) {
				buf_printf(spans, "%s[%zu,%zu]", first ? "" : ",", start, chars);
				first = 0;
			}
		}
		if (*p)
			p++;
	}
	/* A space held back at the very end is still text (JSON offsets). */
	if (o->space && o->width == 0)
		buf_addc(o->b, ' ');
}

/* "prefixes": the prefixes read as their most frequent words only. */
static void
json_cuts(struct buf *b, const struct query *q)
{
	json_key(b, "prefixes", 0);
	buf_addc(b, '[');
	for (size_t i = 0; i < q->ncuts; i++) {
		buf_adds(b, i ? ",{" : "{");
		json_key(b, "prefix", 1);
		json_str(b, q->cuts[i].prefix);
		json_key(b, "words", 0);
		buf_printf(b, "%ld", q->cuts[i].used);
		json_key(b, "of", 0);
		buf_printf(b, "%ld}", q->cuts[i].of);
	}
	buf_addc(b, ']');
}

static int
search_hit(const struct store_item *it, const char *snippet, void *vctx)
{
	struct search_ctx *c = vctx;
	struct buf *b = &c->list.out;

	c->hits++;
	if (!c->list.json) {
		list_row(it, &c->list);
		if (snippet != NULL && *snippet) {
			struct snip_out o = { b, c->color, 0, c->list.width, SNIPPET_INDENT, 0, 0 };

			buf_reset(b);
			buf_printf(b, "%*s", SNIPPET_INDENT, "");
			put_snippet(&o, snippet, NULL);
			buf_addc(b, '\n');
			fwrite(b->data, 1, b->len, stdout);
		}
		return ferror(stdout) ? 1 : 0;
	}
	{
		struct buf text, spans;
		struct snip_out o = { &text, 0, 0, 0, 0, 0, 0 };

		buf_init(&text);
		buf_init(&spans);
		buf_add(&text, "", 0);
		buf_add(&spans, "", 0);
		put_snippet(&o, snippet ? snippet : "", &spans);
		buf_reset(b);
		json_item(b, it);
		/* Every hit says how many there are: JSON Lines has no header. */
		json_key(b, "total", 0);
		buf_printf(b, "%lld", (long long)(c->total > STORE_COUNT_CAP ? STORE_COUNT_CAP :
		    c->total));
		json_key(b, "total_more", 0);
		buf_adds(b, c->more || c->total > STORE_COUNT_CAP ? "true" : "false");
		json_key(b, "articles", 0);
		buf_printf(b, "%lld", (long long)(c->articles > STORE_COUNT_CAP ? STORE_COUNT_CAP :
		    c->articles));
		json_key(b, "articles_more", 0);
		buf_adds(b, c->articles_more || c->articles > STORE_COUNT_CAP ? "true" : "false");
		json_cuts(b, c->q);
		json_key(b, "snippet", 0);
		json_str(b, snippet ? text.data : NULL);
		json_key(b, "matches", 0);
		buf_printf(b, "[%s]}\n", spans.data);
		buf_free(&text);
		buf_free(&spans);
	}
	fwrite(b->data, 1, b->len, stdout);
	return ferror(stdout) ? 1 : 0;
}

/* "did you mean: dân vận" when the Telex reading of text finds more. */
static void
suggest(struct store *s, const char *text, long hits)
{
	int64_t n;
	char *alt = store_suggest(s, text, hits, &n);
	char *safe;

	if (alt == NULL)
		return;
	safe = text_sanitize(alt);
	if (n > STORE_SUGGEST_COUNT)
		fprintf(stderr, _("did you mean: %s (more than %d articles)\n"), safe,
		    STORE_SUGGEST_COUNT);
	else
		fprintf(stderr, P_("did you mean: %s (%lld article)\n",
		    "did you mean: %s (%lld articles)\n", (unsigned long)n), safe, (long long)n);
	free(safe);
	free(alt);
}

/* Each prefix read as its most frequent words only, and how to reach
 * the others. */
static void
cut_notes(const struct query *q)
{
	for (size_t i = 0; i < q->ncuts; i++) {
		char *safe = text_sanitize(q->cuts[i].prefix);

		warnx(_("%s: only its %ld most frequent words of %ld are searched; "
		    "type more letters for the others"), safe, q->cuts[i].used, q->cuts[i].of);
		free(safe);
	}
}

/* What a ranked search over many hits did, in a reader's words. */
static void
many_matches(int64_t total, int more, const struct store_search_info *info)
{
	char n[32], day[16];

	if (total > STORE_COUNT_CAP)
		snprintf(n, sizeof n, _("more than %d"), STORE_COUNT_CAP);
	else if (more)
		snprintf(n, sizeof n, _("at least %lld"), (long long)total);
	else
		snprintf(n, sizeof n, "%lld", (long long)total);
	if (info->depth_key == 0)
		warnx(_("%s matches: those with the words side by side first; "
		    "the %ld newest are ranked, older ones follow newest first"), n, info->window);
	else if (info->depth_key > 0 && store_key_date(info->depth_key, day, sizeof day))
		warnx(_("%s matches: those with the words side by side since %s first; "
		    "the %ld newest are ranked, older ones follow newest first"), n, day,
		    info->window);
	else if (info->depth_key > 0)
		warnx(_("%s matches: those with the words side by side among the newest first; "
		    "the %ld newest are ranked, older ones follow newest first"), n, info->window);
	else
		warnx(_("%s matches: the %ld newest are ranked, older ones follow newest first"),
		    n, info->window);
}

int
cli_search(struct store *s, const char *text, enum store_sort sort, long limit, int json)
{
	struct search_ctx c = { { json, terminal_width(), { NULL, 0, 0 }, 0 }, 0, 0, 0, 0, 0, 0, NULL };
	struct trace *tr = trace_open();
	struct store_search_info info;
	struct query q;
	int rc;

	c.color = !json && isatty(STDOUT_FILENO);
	/* A search at the command line reads most pages once, and a page
	 * the cache holds costs fresh memory: faulting it in took half of a
	 * cold search's time (138 -> 76 ms, 1M articles). */
	(void)store_set_cache(s, CLI_SEARCH_CACHE_KIB);
	store_parse_query(s, text, &q);
	c.q = &q;
	if (query_empty(&q)) {
		/* Nothing but punctuation: nothing to find, and not an error. */
		query_free(&q);
		trace_close(tr);
		warnx("%s", _("the query has no words to search for"));
		return 0;
	}
	rc = json ? store_search_total(s, &q, NULL, STORE_COUNT_CAP + 1, CLI_COUNT_MS, &c.total,
	    &c.more) : 0;
	/* The articles behind the stories: as many when nothing groups. */
	c.articles = c.total;
	c.articles_more = c.more;
	if (rc == 0 && json)
		rc = store_search_articles(s, &q, STORE_COUNT_CAP + 1, CLI_COUNT_MS, &c.articles,
		    &c.articles_more) < 0 ? -1 : 0;
	if (rc == 0)
		rc = store_search(s, &q, sort, limit, search_hit, &c, &info);
	/* The page out before the note's count and the suggestion, in a
	 * pipe too. */
	if (rc == 0) {
		fflush(stdout);
		trace_page(tr);
	}
	if (rc == 0 && !json && info.partial && info.window > 0)
		rc = store_search_total(s, &q, &info, STORE_COUNT_CAP + 1, CLI_COUNT_MS,
		    &c.total, &c.more);
	if (rc == 0)
		cut_notes(&q);
	query_free(&q);
	if (rc == 0 && info.partial && info.window > 0)
		many_matches(c.total, c.more, &info);
	if (rc == 0 && c.hits == 0)
		warnx("%s", _("no articles found"));
	if (rc == 0)
		/* A page cut at the limit is no sign of a slip. */
		suggest(s, text, limit >= 0 && c.hits >= limit ? STORE_SUGGEST_BELOW : c.hits);
	buf_free(&c.list.out);
	trace_close(tr);
	if (rc < 0) {
		warnx("%s", store_errmsg(s));
		return 1;
	}
	return finish();
}

/* One bookmark: the list row, then its tags and note, indented. */
static int
bookmark_row(const struct store_item *it, const struct store_mark *m, void *vctx)
{
	struct list_ctx *c = vctx;

	c->rows++;
	buf_reset(&c->out);
	if (c->json) {
		json_mark(&c->out, it, m);
		buf_adds(&c->out, "}\n");
		fwrite(c->out.data, 1, c->out.len, stdout);
		return ferror(stdout) ? 1 : 0;
	}
	if (list_row(it, c) != 0)
		return 1;
	buf_reset(&c->out);
	if (m->tags != NULL) {
		char *tags = xstrdup(m->tags), *safe;

		for (char *t = tags; *t; t++) {
			if (*t == '\n')
				*t = ',';
		}
		safe = text_sanitize(tags);
		buf_printf(&c->out, "%8s%s %s\n", "", _("tags:"), safe);
		free(safe);
		free(tags);
	}
	if (m->note != NULL && *m->note) {
		/* The note's first line, cut to the terminal. */
		char *first = xstrndup(m->note, strcspn(m->note, "\n")), *safe = text_sanitize(first);

		buf_printf(&c->out, "%8s%s ", "", _("note:"));
		put_cell(&c->out, safe, c->width > 20 ? c->width - 15 : 60, 0);
		buf_addc(&c->out, '\n');
		free(safe);
		free(first);
	}
	fwrite(c->out.data, 1, c->out.len, stdout);
	return ferror(stdout) ? 1 : 0;
}

void
cli_no_bookmarks(const char *tag)
{
	char *safe;

	if (tag == NULL) {
		warnx("%s", _("no bookmarks yet"));
		return;
	}
	safe = text_sanitize(tag);
	warnx(_("no bookmark has the tag %s"), safe);
	free(safe);
}

int
cli_bookmarks(struct store *s, const char *tag, int json)
{
	struct list_ctx c = { json, terminal_width(), { NULL, 0, 0 }, 0 };
	int rc = store_bookmarks(s, tag, 0, bookmark_row, &c);

	buf_free(&c.out);
	if (rc < 0) {
		warnx("%s", store_errmsg(s));
		return 1;
	}
	if (c.rows == 0)
		cli_no_bookmarks(tag);
	return finish();
}

/* One queued article: the list row, counted. */
static int
queue_row(const struct store_item *it, void *vctx)
{
	struct list_ctx *c = vctx;

	c->rows++;
	return list_row(it, c);
}

int
cli_queue(struct store *s, int json)
{
	struct list_ctx c = { json, terminal_width(), { NULL, 0, 0 }, 0 };
	int rc = store_queue(s, queue_row, &c);

	buf_free(&c.out);
	if (rc < 0) {
		warnx("%s", store_errmsg(s));
		return 1;
	}
	if (c.rows == 0)
		warnx("%s", _("the reading queue is empty"));
	return finish();
}

int
cli_finish(void)
{
	return finish();
}
