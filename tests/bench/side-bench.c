/*
 * side-bench.c: what the sidebar's counts cost (issue 25): each saved
 * search and tag of a store counted as the interface counts them
 * (store_saved_counts: the articles, then the unread among them, each cut
 * at STORE_COUNT_CAP and 50 ms), cold (the first, after the store opens)
 * and warm (the best of three after it).
 *
 *   side-bench DB [QUERY...]
 *
 * Without queries, the store's saved searches and its tags (as tag:"T").
 * Prints a line a query: its counts and milliseconds, then the slowest.
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../../src/store.h"
#include "../../src/tokenize.h"
#include "../../src/util.h"

/* The interface's cut for one count, ms (pane-side.c). */
#define SIDE_COUNT_MS 50.0

static double
now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static int
add_saved(const struct store_saved *v, void *ctx)
{
	strlist_push(ctx, xstrdup(v->query));
	return 0;
}

static int
add_tag(const char *tag, int64_t n, void *ctx)
{
	(void)n;
	strlist_push(ctx, xasprintf("tag:\"%s\"", tag));
	return 0;
}

int
main(int argc, char **argv)
{
	struct strlist q;
	struct store *s;
	char *err = NULL;
	double worst = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: side-bench DB [QUERY...]\n");
		return 2;
	}
	setlocale(LC_ALL, "C.UTF-8");
	tok_init();
	if ((s = store_open(argv[1], &err)) == NULL) {
		fprintf(stderr, "side-bench: %s\n", err);
		return 1;
	}
	store_set_grouping(s, 1);
	strlist_init(&q);
	for (int i = 2; i < argc; i++)
		strlist_push(&q, xstrdup(argv[i]));
	if (argc == 2 && (store_saved(s, add_saved, &q) < 0 || store_tags(s, add_tag, &q) < 0)) {
		fprintf(stderr, "side-bench: %s\n", store_errmsg(s));
		return 1;
	}
	for (size_t i = 0; i < q.len; i++) {
		int64_t all = 0, unread = 0;
		int more = 0, unread_more = 0;
		double t0 = now_ms(), cold, warm = 1e9;

		if (store_saved_counts(s, q.items[i], STORE_COUNT_CAP, SIDE_COUNT_MS, &all, &more,
		    &unread, &unread_more) < 0) {
			fprintf(stderr, "side-bench: %s: %s\n", q.items[i], store_errmsg(s));
			return 1;
		}
		cold = now_ms() - t0;
		for (int k = 0; k < 3; k++) {
			t0 = now_ms();
			store_saved_counts(s, q.items[i], STORE_COUNT_CAP, SIDE_COUNT_MS, &all, &more,
			    &unread, &unread_more);
			if (now_ms() - t0 < warm)
				warm = now_ms() - t0;
		}
		printf("%-34s %7lld%s unread %7lld%s  cold %7.1f ms  warm %7.1f ms\n", q.items[i],
		    (long long)all, more ? "+" : " ", (long long)unread, unread_more ? "+" : " ",
		    cold, warm);
		worst = cold > worst ? cold : worst;
	}
	printf("%zu entries; the slowest, cold: %.1f ms (both counts; each is cut at %.0f ms)\n",
	    q.len, worst, SIDE_COUNT_MS);
	strlist_free(&q);
	store_close(s);
	return 0;
}
