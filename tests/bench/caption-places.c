/*
 * caption-places.c: how many captions the reader can put back where they
 * stood (article_caption_places) in a store imported from real pages.
 * Usage: caption-places DB. Prints the articles with captions, the
 * captions, how many were found on their page, a few placed ones with
 * the paragraph before them and a few not found, to be read by eye. The figure for the
 * baomoi crawl is in tests/bench/README.md.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/article.h"
#include "../../src/store.h"
#include "../../src/util.h"

/* The samples printed. */
#define SHOWN 12

struct counts {
	long articles, captions, placed, shown, missed;
};

struct shown {
	struct strlist paras, caps;
};

static int
keep_item(const struct store_item *it, void *ctx)
{
	struct shown *s = ctx;

	strlist_free(&s->paras);
	strlist_free(&s->caps);
	strlist_split_lines(&s->paras, it->body);
	strlist_split_lines(&s->caps, it->captions);
	return 0;
}

static void
count_page(struct store *st, const struct store_page *pg, struct counts *c)
{
	struct shown s;
	size_t *at;

	strlist_init(&s.paras);
	strlist_init(&s.caps);
	if (pg->original == NULL || store_show(st, pg->id, keep_item, &s) < 0 || s.caps.len == 0)
		goto out;
	at = xcalloc(s.caps.len, sizeof *at);
	article_caption_places(&s.paras, &s.caps, pg->original, at);
	c->articles++;
	for (size_t k = 0; k < s.caps.len; k++) {
		c->captions++;
		if (at[k] == SIZE_MAX) {
			if (c->missed++ < SHOWN)
				printf("#%lld not found: %.80s\n", (long long)pg->id, s.caps.items[k]);
			continue;
		}
		c->placed++;
		if (c->shown < SHOWN && at[k] > 0 && at[k] < s.paras.len) {
			c->shown++;
			printf("#%lld caption after paragraph %zu of %zu: %.80s\n  after: %.80s\n",
			    (long long)pg->id, at[k], s.paras.len, s.caps.items[k],
			    s.paras.items[at[k] - 1]);
		}
	}
	free(at);
out:
	strlist_free(&s.paras);
	strlist_free(&s.caps);
}

int
main(int argc, char **argv)
{
	struct counts c = {0};
	char *err = NULL;
	struct store *st;
	int64_t after = 0;

	if (argc != 2) {
		fprintf(stderr, "usage: caption-places DB\n");
		return 2;
	}
	if ((st = store_open(argv[1], &err)) == NULL) {
		fprintf(stderr, "caption-places: %s\n", err);
		return 1;
	}
	for (;;) {
		struct store_page *pg;
		size_t n;

		if (store_pages(st, after, 200, &pg, &n) < 0 || n == 0)
			break;
		for (size_t i = 0; i < n; i++) {
			after = pg[i].id;
			count_page(st, &pg[i], &c);
			store_page_free(&pg[i]);
		}
		free(pg);
	}
	printf("articles with captions %ld, captions %ld, placed %ld (%.1f%%)\n", c.articles,
	    c.captions, c.placed, c.captions ? 100.0 * c.placed / c.captions : 0.0);
	store_close(st);
	return 0;
}
