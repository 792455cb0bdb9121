/*
 * pane-search.c: search as you type. A query line, and under it the hits
 * (date, source, title; the snippet with its matches marked) for what is
 * typed so far. Typing never waits for the database: each key shows the
 * most recent hits at once (what the index yields without ranking them),
 * and the ranked hits replace them when typing pauses. A search starts
 * only when no key is waiting and stops when one arrives
 * (store_set_interrupt). Queries are kept across runs (Up and Down recall
 * them).
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "edit.h"
#include "conf.h"
#include "i18n.h"
#include "keymap.h"
#include "listview.h"
#include "mark.h"
#include "pane.h"
#include "panes.h"
#include "paths.h"
#include "query.h"
#include "store.h"
#include "text.h"
#include "trend.h"
#include "url.h"
#include "util.h"

/* Queries remembered across runs. */
#define HISTORY_MAX 200
/* Most hits read for one query (more on demand, up to this). */
#define HITS_MAX 1000

struct hit {
	int64_t id;
	int unread, bookmarked;
	int64_t copies;		/* a story's head: its articles */
	char date[11];
	char *title, *source, *snippet;
};

struct search {
	struct edit line;
	int typing;		/* the line is being typed: its last word is
				 * searched as a prefix (query_typing) */
	char *searched;		/* the text the hits are for; NULL: none yet */
	struct hit *hits;
	int nhits;
	int limit;		/* hits asked for */
	int more;		/* there may be more than nhits */
	int partial;		/* the ranking covers recent hits only */
	int64_t total;		/* matches counted, up to STORE_COUNT_CAP + 1;
				 * -1: not counted */
	int total_more;		/* ...or at least total: the count stopped */
	int uncounted;		/* the ranked hits await their count */
	int64_t articles;	/* the articles behind them, every copy of a
				 * story counted; -1: not counted or the same */
	int articles_more;
	struct trend_months trend;	/* the hits by month, for the header */
	int trended;		/* trend is the hits' (or given up) */
	struct store_search_info info;	/* what their search learnt of it */
	int ranked;		/* the hits are ranked, not just the newest */
	int interrupted;	/* the last search was stopped by a key */
	struct listview lv;	/* the hits: lv.sel the selected one */
	struct strlist history;
	int hpos;		/* place in history while recalling */
	char *draft;		/* what was typed before recalling */
	struct strlist words;	/* of the searched query, to mark in the reader */
	struct mark_words marks;	/* the same, to mark in the titles */
	char *cuts;		/* the prefixes read as their most frequent
				 * words only: "t* 16/200 +1", or NULL */
	char *suggest;		/* "did you mean": the Telex reading, or NULL */
	int64_t suggest_n;	/* its hits, up to STORE_SUGGEST_COUNT + 1 */
};

static char *
history_path(void)
{
	return paths_in(paths_data_dir(), "search-history");
}

static void
history_load(struct search *s)
{
	char *path = history_path(), *line = NULL;
	size_t cap = 0;
	FILE *f;

	strlist_free(&s->history);
	strlist_init(&s->history);
	if (path == NULL || (f = fopen(path, "r")) == NULL) {
		free(path);
		return;
	}
	while (getline(&line, &cap, f) > 0) {
		line[strcspn(line, "\n")] = '\0';
		if (*line == '\0')
			continue;
		if (s->history.len == HISTORY_MAX * 2) {
			/* Keep the newest: drop the older half. */
			for (size_t i = 0; i < HISTORY_MAX; i++)
				free(s->history.items[i]);
			memmove(s->history.items, s->history.items + HISTORY_MAX,
			    HISTORY_MAX * sizeof *s->history.items);
			s->history.len = HISTORY_MAX;
		}
		strlist_push(&s->history, xstrdup(line));
	}
	free(line);
	fclose(f);
	free(path);
}

/* Remember text (not twice in a row). A history that cannot be written
 * costs the recall only: a message, nothing else. */
static void
history_add(struct pane *p, const char *text)
{
	struct search *s = p->data;
	char *path, *dir;
	FILE *f;

	if (*text == '\0' || (s->history.len > 0 &&
	    strcmp(s->history.items[s->history.len - 1], text) == 0))
		return;
	strlist_push(&s->history, xstrdup(text));
	if ((dir = paths_data_dir()) == NULL || paths_mkdirs(dir) < 0 ||
	    (path = history_path()) == NULL) {
		free(dir);
		return;
	}
	if ((f = fopen(path, "a")) == NULL || fprintf(f, "%s\n", text) < 0 || fclose(f) != 0)
		ui_message(p->ui, 1, _("cannot save the search history: %s"), strerror(errno));
	free(path);
	free(dir);
}

/* Free the strings of n hits (not the array). */
static void
free_hits(struct hit *v, int n)
{
	for (int i = 0; i < n; i++) {
		free(v[i].title);
		free(v[i].source);
		free(v[i].snippet);
	}
}

static void
clear_hits(struct search *s)
{
	free_hits(s->hits, s->nhits);
	free(s->hits);
	s->hits = NULL;
	s->nhits = 0;
	free(s->suggest);
	s->suggest = NULL;
	free(s->cuts);
	s->cuts = NULL;
	trend_free(&s->trend);
	s->trended = 0;
}

static void
search_free(struct pane *p)
{
	struct search *s = p->data;

	clear_hits(s);
	edit_free(&s->line);
	free(s->searched);
	free(s->draft);
	strlist_free(&s->history);
	strlist_free(&s->words);
	mark_words_free(&s->marks);
	free(s);
}

struct gather {
	struct hit *v;
	int n, cap;
};

static int
gather_hit(const struct store_item *it, const char *snippet, void *ctx)
{
	struct gather *g = ctx;
	struct hit *h;

	if (g->n == g->cap) {
		g->cap = g->cap ? g->cap * 2 : 32;
		g->v = xrealloc(g->v, (size_t)g->cap * sizeof *g->v);
	}
	h = &g->v[g->n++];
	h->id = it->id;
	h->unread = it->unread;
	h->bookmarked = it->bookmarked;
	h->copies = it->copies;
	snprintf(h->date, sizeof h->date, "%.10s", it->published ? it->published : "");
	h->title = xstrdup(it->title ? it->title : "");
	h->source = url_source_shown(it->source, it->url);
	h->snippet = xstrdup(snippet ? snippet : "");
	return 0;
}

static int
has_copies(const struct hit *v, int n)
{
	for (int i = 0; i < n; i++) {
		if (v[i].copies > 1)
			return 1;
	}
	return 0;
}

/* q's prefixes cut short, for the status line: the first with its
 * words searched of all ("t* 16/200"), then how many more ("+2"); NULL
 * for none. */
static char *
cuts_of(const struct query *q)
{
	if (q->ncuts == 0)
		return NULL;
	if (q->ncuts == 1)
		return xasprintf("%s %ld/%ld", q->cuts[0].prefix, q->cuts[0].used, q->cuts[0].of);
	return xasprintf("%s %ld/%ld +%zu", q->cuts[0].prefix, q->cuts[0].used, q->cuts[0].of,
	    q->ncuts - 1);
}

/* What the line is searched as: while it is typed, with its last word a
 * prefix. New string. */
static char *
query_text(const struct search *s)
{
	char *t = s->typing ? query_typing(s->line.text) : NULL;

	return t != NULL ? t : xstrdup(s->line.text);
}

/*
 * Search for the query typed, unless a key is waiting (or force: even then,
 * and even if it ran already): ranked, or the most recent hits only (the
 * quick answer to a key). A key typed while it runs stops it, forced or
 * not (s->interrupted says so); a key typed before a forced search began
 * was typed for what the search leads to. Returns UI_REDRAW when the
 * hits changed.
 */
static int
run(struct pane *p, int force, int ranked)
{
	struct search *s = p->data;
	struct store *st = ui_store(p->ui);
	struct store_search_info info;
	struct gather g = { NULL, 0, 0 };
	struct query q;
	char *text = query_text(s);
	int rc, same = s->searched != NULL && strcmp(s->searched, text) == 0;
	int stoppable;

	s->interrupted = 0;
	if ((!force && ((same && (s->ranked || !ranked)) || ui_key_waiting())) ||
	    /* The user has moved among the quick hits: do not pull them away. */
	    (same && ranked && !force && (s->lv.sel > 0 || s->lv.top > 0))) {
		free(text);
		return 0;	/* done, or the next idle moment */
	}
	stoppable = !force || !ui_key_waiting();
	store_parse_query(st, text, &q);
	if (query_empty(&q)) {
		query_free(&q);
		clear_hits(s);
		free(s->searched);
		s->searched = text;
		s->lv.sel = s->lv.top = 0;
		s->more = s->partial = 0;
		s->total = s->articles = -1;
		s->uncounted = 0;
		s->ranked = 1;	/* nothing to rank */
		return UI_REDRAW;
	}
	if (stoppable)
		store_set_interrupt(st, ui_stop_for_key, NULL);
	rc = store_search(st, &q, ranked ? STORE_SORT_RANK : STORE_SORT_DATE, s->limit + 1,
	    gather_hit, &g, &info);
	store_set_interrupt(st, NULL, NULL);
	if (rc < 0) {
		free_hits(g.v, g.n);
		free(g.v);
		query_free(&q);
		free(text);
		if (!store_interrupted(st))
			ui_store_error(p->ui);
		else
			s->interrupted = 1;
		return 0;
	}
	clear_hits(s);
	s->more = g.n > s->limit;
	if (s->more) {
		/* One hit past the limit was asked for, to know there are more. */
		free_hits(g.v + s->limit, g.n - s->limit);
		g.n = s->limit;
	}
	s->hits = g.v;
	s->nhits = g.n;
	s->partial = info.partial;
	if (ranked) {
		/* Few hits for what was typed ("daan vaajn" may be Telex), or
		 * its words rarely together ("Đà Năng"): did you mean. */
		if (stoppable)
			store_set_interrupt(st, ui_stop_for_key, NULL);
		s->suggest = store_suggest(st, s->line.text, g.n, &s->suggest_n);
		store_set_interrupt(st, NULL, NULL);
	}
	/* Counted once the ranked hits show (count_hits): a quick answer
	 * to a key stays quick, and the count waits for a screen. */
	s->total = ranked && !s->more ? g.n : -1;
	s->total_more = 0;
	s->articles = -1;
	/* A story's copies are counted too when a hit has any. */
	s->uncounted = ranked && (s->more || has_copies(g.v, g.n));
	s->info = info;
	s->ranked = ranked;
	if (!same)
		s->lv.sel = s->lv.top = 0;
	free(s->searched);
	s->searched = text;
	s->cuts = cuts_of(&q);
	strlist_free(&s->words);
	strlist_init(&s->words);
	for (size_t i = 0; i < q.marks.len; i++)
		strlist_push(&s->words, xstrdup(q.marks.items[i]));
	mark_words_set(&s->marks, &s->words);
	query_free(&q);
	return UI_REDRAW;
}

/* Lines a hit takes: its row and its snippet. */
#define HIT_LINES 2

static int
visible_hits(const struct pane *p)
{
	return listview_rows(&((const struct search *)p->data)->lv, p);
}

/* "Did you mean: dân vận (12 articles)? Tab", on row y if it fits. */
static void
draw_suggestion(struct pane *p, int y)
{
	struct search *s = p->data;
	char keys[32], *line, *safe;

	if (s->suggest == NULL || y >= p->rows)
		return;
	keymap_keys_of(ACT_SUGGESTION, keys, sizeof keys);
	safe = text_sanitize(s->suggest);
	if (s->suggest_n > STORE_SUGGEST_COUNT)
		line = xasprintf(_("Did you mean: %s (more than %d articles)? %s"), safe,
		    STORE_SUGGEST_COUNT, keys);
	else
		line = xasprintf(P_("Did you mean: %s (%lld article)? %s",
		    "Did you mean: %s (%lld articles)? %s", (unsigned long)s->suggest_n), safe,
		    (long long)s->suggest_n, keys);
	ui_put(p, y, 1, line, p->cols - 1, (attr_t)color_attr(EL_MATCH));
	free(line);
	free(safe);
}

/* A hit's title with the words searched marked; on the selected row,
 * whose reverse video would hide reverse marks, underlined. */
static void
draw_title(struct pane *p, int y, int x, int w, const char *title, int sel)
{
	struct search *s = p->data;
	char *marked = mark_text(&s->marks, title, strlen(title));

	ui_put_marked(p, y, x, marked, w,
	    (attr_t)color_attr(sel ? EL_SELECTED : EL_TITLE),
	    sel ? (attr_t)color_attr(EL_SELECTED) | A_UNDERLINE : (attr_t)color_attr(EL_MATCH));
	free(marked);
}

/* A hit's snippet under it: on a narrow screen, from a little before its
 * first match, so the match shows. */
static void
draw_snippet(struct pane *p, int y, const char *snippet)
{
	char *lead = text_snippet_lead(snippet, p->cols > 3 ? (size_t)p->cols - 3 : 0);

	ui_put_marked(p, y, 3, lead, p->cols - 3, (attr_t)color_attr(EL_SNIPPET),
	    (attr_t)color_attr(EL_MATCH));
	free(lead);
}

static int
count_hits_held(void *ctx)
{
	return ((struct search *)((struct pane *)ctx)->data)->nhits;
}

/* A hit: date, source, title, and its snippet under them. */
static void
draw_hit(struct pane *p, int y, int i, int sel, void *ctx)
{
	struct search *s = p->data;
	const struct hit *h = &s->hits[i];
	int x = pane_row_start(p, y, h->date, sel);
	attr_t a = sel ? pane_selected_attr(p) : (attr_t)color_attr(EL_TITLE);

	(void)ctx;
	if (p->cols >= 60) {
		/* A column of its own: titles line up. */
		ui_put(p, y, x, h->source, 16, a);
		x += 18;
	}
	{
		/* A story: "×3" after its title, as in the list. */
		char mark[32];
		int tw = pane_story_mark(h->title, p->cols - x, h->copies, mark, sizeof mark);

		draw_title(p, y, x, tw, h->title, sel);
		if (*mark)
			ui_put(p, y, x + tw, mark, p->cols - x - tw,
			    (attr_t)color_attr(sel ? EL_SELECTED : EL_META));
	}
	if (y + 1 < p->rows)
		draw_snippet(p, y + 1, h->snippet);
}

/* The widest the header's trend gets, in bars. */
#define TREND_BARS 24

/*
 * The hits' months at the end of the header, "2017 ▁▂▅█▃ 2024" (a bar
 * for a month, or for a few when there are more than TREND_BARS), where
 * it fits after used columns. Returns the columns it took, 0 for none.
 */
static int
draw_trend(struct pane *p, int used)
{
	struct search *s = p->data;
	struct buf b;
	int per, bars, w;
	char from[16], to[16];

	/* Bars are no ASCII: a terminal that shows none has no trend. */
	if (s->trend.n == NULL || s->trend.last == s->trend.first || !text_utf8_locale())
		return 0;
	snprintf(from, sizeof from, "%d", s->trend.first / 12);
	snprintf(to, sizeof to, "%d", s->trend.last / 12);
	buf_init(&b);
	buf_printf(&b, "%s ", from);
	bars = trend_sparkline(&s->trend, TREND_BARS, &per, &b);
	buf_printf(&b, " %s", to);
	w = (int)strlen(from) + (int)strlen(to) + 2 + bars;
	if (used + 2 + w + 1 > p->cols) {
		buf_free(&b);
		return 0;
	}
	ui_put(p, 0, p->cols - w - 1, b.data, w, (attr_t)color_attr(EL_META));
	buf_free(&b);
	return w + 2;
}

static void
search_draw(struct pane *p)
{
	struct search *s = p->data;
	int shown = s->nhits - s->lv.top < visible_hits(p) ? s->nhits - s->lv.top : visible_hits(p);

	listview_draw(&s->lv, p);
	if (s->nhits == 0 && s->searched != NULL && s->searched[0] && p->rows > 2)
		ui_put(p, 2, 1, _("No match."), p->cols - 1, A_DIM);
	draw_suggestion(p, s->nhits == 0 ? 3 : 1 + shown * HIT_LINES);
	{
		/* The query line leaves the trend its end, where both fit. */
		int cols = p->cols, tw = draw_trend(p, 2 + (int)text_width(s->line.text));

		p->cols = cols - tw;
		edit_draw(&s->line, p, 0, "/ ");
		p->cols = cols;
	}
}

/* More hits past the last (listview's more): twice as many asked for,
 * up to HITS_MAX. */
static int
more_hits(void *ctx)
{
	struct pane *p = ctx;
	struct search *s = p->data;
	int had = s->nhits;

	if (!s->more || s->limit >= HITS_MAX)
		return 0;
	s->limit = s->limit * 2 < HITS_MAX ? s->limit * 2 : HITS_MAX;
	run(p, 1, s->ranked);
	return s->nhits > had;
}

static void
recall(struct search *s, int dir)
{
	int n = (int)s->history.len, at = s->hpos + dir;

	if (at < 0 || at > n)
		return;
	if (s->hpos == n) {
		free(s->draft);
		s->draft = xstrdup(s->line.text);
	}
	s->hpos = at;
	s->typing = 0;		/* a query recalled is whole */
	edit_set(&s->line, at == n ? (s->draft ? s->draft : "") : s->history.items[at]);
}

/* The "did you mean" in the query line, searched. */
static void
take_suggestion(struct pane *p)
{
	struct search *s = p->data;

	edit_set(&s->line, s->suggest);
	s->hpos = (int)s->history.len;
	s->typing = 0;
	run(p, 1, 1);
}

/*
 * Enter: the hit selected, if the user moved to one. Else the query is
 * taken as typed (its last word no longer a prefix), ranked, and its best
 * hit opens; a last word that finds nothing whole stays a prefix, and a
 * query that finds nothing takes the suggestion, if there is one.
 */
static int
open_hit(struct pane *p)
{
	struct search *s = p->data;

	s->interrupted = 0;
	if (s->lv.sel == 0) {
		int prefix_hits = s->typing && s->nhits > 0;

		s->typing = 0;
		/* Typing may have run ahead of the ranking: the best hit
		 * opens, not the newest. */
		if (s->searched == NULL || strcmp(s->searched, s->line.text) != 0 || !s->ranked)
			run(p, 1, 1);
		if (s->nhits == 0 && prefix_hits && !s->interrupted) {
			s->typing = 1;
			run(p, 1, 1);
		}
		if (s->interrupted)	/* another key came: it says what next */
			return 0;
	}
	history_add(p, s->line.text);
	s->hpos = (int)s->history.len;
	if (s->nhits > 0)
		return UI_OPEN;
	if (s->suggest != NULL)
		take_suggestion(p);
	return 0;
}

static int
search_key(struct pane *p, int key, int action)
{
	struct search *s = p->data;

	switch (action) {
	case ACT_HISTORY_PREV:
		recall(s, -1);
		break;
	case ACT_HISTORY_NEXT:
		recall(s, 1);
		break;
	case ACT_HIT_DOWN:
		return listview_key(&s->lv, p, ACT_DOWN);
	case ACT_HIT_UP:
		return listview_key(&s->lv, p, ACT_UP);
	case ACT_PAGE_DOWN:
	case ACT_PAGE_UP:
		return listview_key(&s->lv, p, action);
	case ACT_HIT_OPEN:
		return UI_HANDLED | UI_REDRAW | open_hit(p);
	case ACT_CANCEL:
		history_add(p, s->line.text);
		return UI_HANDLED | UI_LEAVE;
	case ACT_SUGGESTION:
		if (s->suggest == NULL)
			return 0;
		take_suggestion(p);
		break;
	case ACT_HELP:
		return 0;
	default:
		if (!edit_key(&s->line, key))
			return 0;
		s->typing = 1;
		s->hpos = (int)s->history.len;
		s->limit = visible_hits(p) * 2 > 20 ? visible_hits(p) * 2 : 20;
		run(p, 0, 0);
		break;
	}
	return UI_HANDLED | UI_REDRAW;
}

/*
 * The count of the ranked hits' matches, for the status line: after they
 * are drawn, as it takes up to 20 ms of its own (store_search_total). A
 * key stops it, to be counted at the next pause if the hits stay.
 */
static int
count_hits(struct pane *p)
{
	struct search *s = p->data;
	struct store *st = ui_store(p->ui);
	struct query q;
	int rc;

	if (!s->uncounted || s->searched == NULL || ui_key_waiting())
		return 0;
	store_parse_query(st, s->searched, &q);
	store_set_interrupt(st, ui_stop_for_key, NULL);
	rc = s->more ? store_search_total(st, &q, &s->info, STORE_COUNT_CAP + 1, STORE_COUNT_MS,
	    &s->total, &s->total_more) : 0;
	if (rc == 0 && (rc = store_search_articles(st, &q, STORE_COUNT_CAP + 1, STORE_COUNT_MS,
	    &s->articles, &s->articles_more)) != 1)
		s->articles = -1;
	/* As many as the stories: nothing more to say. */
	if (rc == 1 && s->articles == s->total && !s->articles_more && !s->total_more)
		s->articles = -1;
	if (rc == 1)
		rc = 0;
	store_set_interrupt(st, NULL, NULL);
	query_free(&q);
	if (rc < 0) {
		s->total = -1;
		s->total_more = 0;
		if (store_interrupted(st))
			return 0;	/* again, once the key is seen to */
		ui_store_error(p->ui);
	}
	s->uncounted = 0;
	return UI_REDRAW | UI_AGAIN;	/* the trend is next */
}

/*
 * The hits by month, for the header's sparkline: after they are counted,
 * as it reads every hit's index key (store_trend); a key stops it, to be
 * made at the next pause. A failure leaves the header without it.
 */
static int
trend_hits(struct pane *p)
{
	struct search *s = p->data;
	struct store *st = ui_store(p->ui);
	struct query q;
	int rc;

	if (s->trended || !s->ranked || s->uncounted || s->nhits == 0 || s->searched == NULL ||
	    ui_key_waiting())
		return 0;
	store_parse_query(st, s->searched, &q);
	store_set_interrupt(st, ui_stop_for_key, NULL);
	rc = store_trend(st, &q, STORE_BY_DAY, trend_add_day, &s->trend);
	store_set_interrupt(st, NULL, NULL);
	query_free(&q);
	if (rc < 0) {
		trend_free(&s->trend);
		if (store_interrupted(st))
			return 0;
	}
	s->trended = 1;
	return UI_REDRAW;
}

/* When typing pauses: the hits for the last text, then ranked, then
 * counted, each drawn as it comes. */
static int
search_idle(struct pane *p)
{
	int flags = run(p, 0, 0);

	flags |= run(p, 0, 1);
	if (flags & UI_REDRAW) {
		const struct search *s = p->data;

		/* The count and the trend come next, without waiting for a
		 * key's timeout. */
		return flags | (s->uncounted || (s->ranked && !s->trended) ? UI_AGAIN : 0);
	}
	if ((flags = count_hits(p)) != 0)
		return flags;
	return trend_hits(p);
}

static void
search_resize(struct pane *p)
{
	listview_fit(&((struct search *)p->data)->lv, p);
}

static void
search_status(struct pane *p, char *buf, size_t size)
{
	struct search *s = p->data;

	char of[160] = "";
	char cut[160] = "";

	if (s->total > STORE_COUNT_CAP)
		snprintf(of, sizeof of, _(" of more than %d"), STORE_COUNT_CAP);
	else if (s->total >= 0 && s->total_more && s->more)
		snprintf(of, sizeof of, _(" of at least %lld"), (long long)s->total);
	else if (s->total >= 0 && s->more)
		snprintf(of, sizeof of, _(" of %lld"), (long long)s->total);
	/* Stories are the rows; the articles behind them too. */
	if (s->articles > STORE_COUNT_CAP)
		snprintf(of + strlen(of), sizeof of - strlen(of), _(" (articles: more than %d)"),
		    STORE_COUNT_CAP);
	else if (s->articles >= 0)
		snprintf(of + strlen(of), sizeof of - strlen(of), _(" (articles: %lld%s)"),
		    (long long)s->articles, s->articles_more ? "+" : "");
	if (s->cuts != NULL)
		snprintf(cut, sizeof cut, _(" (most frequent words only: %s)"), s->cuts);
	if (s->nhits == 0)
		snprintf(buf, size, "0%s", cut);
	else
		snprintf(buf, size, "%d/%d%s%s%s%s", s->lv.sel + 1, s->nhits, s->more && !*of ? "+" : "",
		    of, !s->ranked ? _(" (newest first)") :
		    s->partial ? _(" (the newest ranked, then older ones)") : "", cut);
}

/* A search begins (enter): an empty query line, the history loaded. */
static void
search_start(struct pane *p)
{
	struct search *s = p->data;

	edit_set(&s->line, "");
	s->typing = 0;
	clear_hits(s);
	free(s->searched);
	s->searched = NULL;
	s->lv.sel = s->lv.top = 0;
	s->ranked = 0;
	s->total = s->articles = -1;
	s->uncounted = 0;
	s->limit = 20;
	history_load(s);
	s->hpos = (int)s->history.len;
	/* Opened for a query (a story's copies, c): searched at once. */
	{
		char *preset = ui_take_search_preset(p->ui);

		if (preset != NULL) {
			edit_set(&s->line, preset);
			free(preset);
			run(p, 1, 1);
		}
	}
}

static const char *
search_query(struct pane *p)
{
	struct search *s = p->data;

	return s->searched;
}

static int
search_current(struct pane *p, struct pane_article *a)
{
	struct search *s = p->data;

	if (s->nhits == 0)
		return 0;
	a->id = s->hits[s->lv.sel].id;
	a->unread = s->hits[s->lv.sel].unread;
	a->bookmarked = s->hits[s->lv.sel].bookmarked;
	a->words = &s->words;
	return 1;
}

static void
search_changed(struct pane *p, const struct pane_change *c)
{
	struct search *s = p->data;

	for (int i = 0; i < s->nhits; i++) {
		if (c->id != 0 && s->hits[i].id != c->id)
			continue;
		if (c->what == CHANGE_READ)
			s->hits[i].unread = !c->on;
		else
			s->hits[i].bookmarked = c->on;
	}
}

static const struct listview_ops hits_ops = {
	count_hits_held, draw_hit, NULL, NULL, more_hits,
};

static const struct pane_ops search_ops = {
	.where = KEYS_SEARCH,
	.name = N_("search"),
	.kind = PANE_LIST,
	.draw = search_draw,
	.key = search_key,
	.resize = search_resize,
	.status = search_status,
	.idle = search_idle,
	.free = search_free,
	.enter = search_start,
	.current = search_current,
	.query = search_query,
	.changed = search_changed,
};

struct pane *
pane_search_new(struct ui *ui)
{
	struct search *s = xcalloc(1, sizeof *s);
	struct pane *p;

	edit_init(&s->line);
	strlist_init(&s->history);
	strlist_init(&s->words);
	s->limit = 20;
	p = pane_new(ui, &search_ops, s);
	listview_init(&s->lv, &hits_ops, p, HIT_LINES);
	s->lv.y0 = 1;	/* under the query line */
	return p;
}
