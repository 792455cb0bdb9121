/*
 * fuzz-query.c: any text as a search query, parsed and run against a
 * small store (in memory, a few Vietnamese articles): the parser must
 * never hand FTS5 something it rejects, so every search succeeds.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/article.h"
#include "../../src/query.h"
#include "../../src/store.h"
#include "../../src/text.h"
#include "../../src/util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct store *store;

static const char *const texts[] = {
	"Dân vận khéo ở Đà Nẵng", "Công tác dân vận năm 2020 đạt kết quả nổi bật.",
	"Nước sạch về nông thôn", "Hơn 90% dân số được dùng nước sạch; thủy lợi và thuỷ điện.",
	"TỈNH UỶ họp bàn", "Thành ủy và Tỉnh ủy bàn về lũ lụt, hòa bình, khoá học.",
};

static void
open_store(void)
{
	char *err = NULL;

	text_init();
	if ((store = store_open(":memory:", &err)) == NULL) {
		fprintf(stderr, "fuzz-query: %s\n", err);
		abort();
	}
	store_begin(store);
	for (size_t i = 0; i + 1 < sizeof texts / sizeof *texts; i += 2) {
		struct article a;

		article_init(&a);
		a.title = xstrdup(texts[i]);
		strlist_push(&a.paras, xstrdup(texts[i + 1]));
		a.published = (struct date){ 2020 + (int)i, 3, 27, 0, 0, DATE_DAY };
		if (store_add(store, &a, "fuzz", NULL) < 0)
			abort();
		article_free(&a);
	}
	store_commit(store);
}

static int
hit(const struct store_item *it, const char *snippet, void *ctx)
{
	(void)it;
	(void)snippet;
	(*(int *)ctx)++;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	struct query q;
	int n = 0;

	if (text == NULL)
		return 0;
	if (store == NULL)
		open_store();
	memcpy(text, data, size);
	text[size] = '\0';
	store_parse_query(store, text, &q);
	if (!query_empty(&q)) {
		/* Every way a search runs: ranked, by date, counted. */
		int64_t count;

		if (store_search(store, &q, STORE_SORT_RANK, 20, hit, &n, NULL) < 0 ||
		    store_search(store, &q, STORE_SORT_DATE, 20, hit, &n, NULL) < 0 ||
		    store_search_count(store, &q, -1, &count) < 0) {
			fprintf(stderr, "query %s: %s\n", text, store_errmsg(store));
			abort();
		}
	}
	query_free(&q);
	free(text);
	return 0;
}
