/*
 * pane-links.c: the links of the current article (L), numbered as luot
 * show numbers them: those its page had (article.h), then the web
 * addresses its text spells out. Enter opens the selected one with the
 * browser (handoff.h); typing a number selects that link first, as in
 * urlview and w3m.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "conf.h"
#include "handoff.h"
#include "i18n.h"
#include "listview.h"
#include "pane.h"
#include "panes.h"
#include "store.h"
#include "url.h"
#include "util.h"

/* Digits of a link's number as typed. */
#define NUMBER_MAX 6

struct links {
	struct listview lv;
	struct strlist urls, texts;
	char *title;
	char number[NUMBER_MAX + 1];	/* typed so far */
};

static void
clear_links(struct links *l)
{
	strlist_free(&l->urls);
	strlist_free(&l->texts);
	strlist_init(&l->urls);
	strlist_init(&l->texts);
	free(l->title);
	l->title = NULL;
	l->number[0] = '\0';
}

static void
add_link(struct links *l, char *url, char *text)
{
	for (size_t i = 0; i < l->urls.len; i++) {
		if (strcmp(l->urls.items[i], url) == 0) {
			free(url);
			free(text);
			return;
		}
	}
	strlist_push(&l->urls, url);
	strlist_push(&l->texts, text);
}

/* The web addresses a text spells out ("xem tại https://x.vn/a."), the
 * punctuation after one left out. */
static void
links_in_text(struct links *l, const char *s)
{
	const char *p = s;

	while (p != NULL && (p = strstr(p, "http")) != NULL) {
		size_t n = strcspn(p, " \t\n\"<>()[]{}");
		char *raw, *url;

		while (n > 0 && strchr(".,;:!?'", p[n - 1]) != NULL)
			n--;
		raw = xstrndup(p, n);
		if ((url = url_clean(raw)) != NULL && (strncmp(url, "http://", 7) == 0 ||
		    strncmp(url, "https://", 8) == 0))
			add_link(l, url, xstrdup(""));
		else
			free(url);
		free(raw);
		p += n > 4 ? n : 4;
	}
}

static int
gather(const struct store_item *it, void *ctx)
{
	struct links *l = ctx;
	const char *p = it->links;
	char *url, *text;

	l->title = xstrdup(it->title);
	while (article_link_next(&p, &url, &text))
		add_link(l, url, text);
	links_in_text(l, it->body);
	links_in_text(l, it->captions);
	return 0;
}

static void
links_enter(struct pane *p)
{
	struct links *l = p->data;
	struct pane_article a;
	int rc;

	clear_links(l);
	l->lv.sel = l->lv.top = 0;
	if (!ui_article_under(p->ui, p, &a))
		return;
	if ((rc = store_show(ui_store(p->ui), a.id, gather, l)) < 0)
		ui_store_error(p->ui);
	if (p->rows > 0)
		listview_fit(&l->lv, p);
}

static int
count_links(void *ctx)
{
	return (int)((struct links *)((struct pane *)ctx)->data)->urls.len;
}

static void
draw_link(struct pane *p, int y, int i, int sel, void *ctx)
{
	struct links *l = p->data;
	const char *text = l->texts.items[i];
	attr_t attr = sel ? pane_selected_attr(p) : A_NORMAL;
	char num[16];
	int x;

	(void)ctx;
	ui_fill(p, y, 0, attr);
	snprintf(num, sizeof num, "%3d ", i + 1);
	x = ui_put(p, y, 1, num, p->cols - 1, sel ? attr : (attr_t)color_attr(EL_DATE));
	x += 1;
	if (*text) {
		x += ui_put(p, y, x, text, p->cols - x - 1, sel ? attr : (attr_t)color_attr(EL_TITLE));
		x += 2;
	}
	if (x < p->cols - 1)
		ui_put(p, y, x, l->urls.items[i], p->cols - x - 1,
		    sel ? attr : (attr_t)color_attr(EL_META));
}

static void
links_draw(struct pane *p)
{
	struct links *l = p->data;

	if (l->title != NULL)
		ui_put(p, 0, 1, l->title, p->cols - 2, (attr_t)color_attr(EL_HEADING));
	if (l->urls.len == 0) {
		ui_put(p, 2, 1, _("This article has no links."), p->cols - 2, A_DIM);
		return;
	}
	listview_draw(&l->lv, p);
}

/* A digit typed: the link of the number so far selected. */
static void
type_digit(struct pane *p, int key)
{
	struct links *l = p->data;
	size_t n = strlen(l->number);
	long k;

	if (n >= NUMBER_MAX)
		return;
	l->number[n] = (char)key;
	l->number[n + 1] = '\0';
	k = strtol(l->number, NULL, 10);
	if (k >= 1 && (size_t)k <= l->urls.len)
		listview_select(&l->lv, p, (int)k - 1);
	else
		ui_message(p->ui, 1, _("no link %ld"), k);
}

static int
links_key(struct pane *p, int key, int action)
{
	struct links *l = p->data;
	int flags;

	if (key >= '0' && key <= '9') {
		type_digit(p, key);
		return UI_HANDLED | UI_REDRAW;
	}
	if ((flags = listview_key(&l->lv, p, action)) != 0) {
		l->number[0] = '\0';
		return flags;
	}
	switch (action) {
	case ACT_LINK_OPEN:
		l->number[0] = '\0';
		if (l->urls.len > 0)
			handoff_open(p->ui, l->urls.items[l->lv.sel]);
		return UI_HANDLED | UI_REDRAW;
	case ACT_LINKS_CLOSE:
		return UI_HANDLED | UI_LEAVE;
	}
	return 0;
}

static void
links_resize(struct pane *p)
{
	listview_fit(&((struct links *)p->data)->lv, p);
}

static void
links_status(struct pane *p, char *buf, size_t size)
{
	struct links *l = p->data;

	if (l->number[0])
		snprintf(buf, size, _("link %s"), l->number);
	else
		snprintf(buf, size, "%d/%zu", l->urls.len ? l->lv.sel + 1 : 0, l->urls.len);
}

static void
links_free(struct pane *p)
{
	struct links *l = p->data;

	clear_links(l);
	strlist_free(&l->urls);
	strlist_free(&l->texts);
	free(l);
}

static const struct listview_ops link_rows = {
	count_links, draw_link, NULL, NULL, NULL,
};

static const struct pane_ops links_ops = {
	.where = KEYS_LINKS,
	.name = N_("links"),
	.kind = PANE_FULL,
	.draw = links_draw,
	.key = links_key,
	.resize = links_resize,
	.status = links_status,
	.free = links_free,
	.enter = links_enter,
};

struct pane *
pane_links_new(struct ui *ui)
{
	struct links *l = xcalloc(1, sizeof *l);
	struct pane *p;

	strlist_init(&l->urls);
	strlist_init(&l->texts);
	p = pane_new(ui, &links_ops, l);
	/* The first row under the title; count_links reads the pane. */
	listview_init(&l->lv, &link_rows, p, 1);
	l->lv.y0 = 2;
	return p;
}
