/*
 * html-bench.c: web pages extracted per second, on one core: each file
 * given is read once into memory, then decoded (html_decode) and cut
 * into an article (html_article) ROUNDS times, timed apart from reading.
 * Usage: html-bench [-r ROUNDS] FILE... (the pages of html-pages.sh).
 * Prints pages/s, MB/s and how many gave an article.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../src/boiler.h"
#include "../../src/html.h"
#include "../../src/text.h"
#include "../../src/util.h"

struct page {
	char *data;
	size_t len;
};

static int
read_all(const char *path, struct page *p)
{
	FILE *f = fopen(path, "rb");
	struct buf b;
	char chunk[65536];
	size_t got;

	if (f == NULL)
		return -1;
	buf_init(&b);
	while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&b, chunk, got);
	fclose(f);
	p->len = b.len;
	buf_addc(&b, '\0');
	p->data = buf_detach(&b);
	return 0;
}

int
main(int argc, char **argv)
{
	static const struct extract_limits lim = { EXTRACT_MAX_PARAS, EXTRACT_MAX_TEXT };
	struct boiler *bp = boiler_new();
	struct page *pages;
	size_t n = 0, ok = 0, bytes = 0;
	int rounds = 3, c;
	char *err = NULL, *path;
	double start, secs;

	while ((c = getopt(argc, argv, "r:")) != -1) {
		if (c != 'r')
			return 2;
		rounds = atoi(optarg);
	}
	if (optind == argc || rounds < 1) {
		fprintf(stderr, "usage: html-bench [-r ROUNDS] FILE...\n");
		return 2;
	}
	text_init();
	/* The patterns an import loads: $LUOT_DATADIR's, else the tree's. */
	path = xasprintf("%s/boilerplate", getenv("LUOT_DATADIR") ? getenv("LUOT_DATADIR") : "data");
	if (boiler_load(bp, path, &err) < 0) {
		fprintf(stderr, "html-bench: %s\n", err);
		return 1;
	}
	free(path);
	pages = xcalloc((size_t)(argc - optind), sizeof *pages);
	for (int i = optind; i < argc; i++) {
		if (read_all(argv[i], &pages[n]) == 0)
			bytes += pages[n++].len;
	}
	start = monotonic_seconds();
	for (int r = 0; r < rounds; r++) {
		for (size_t i = 0; i < n; i++) {
			enum extract_cut_kind cut;
			struct article a;
			size_t bad;
			char *why = NULL, *text = html_decode(pages[i].data, pages[i].len, NULL, NULL, &bad);

			article_init(&a);
			if (html_article(bp, text, NULL, &lim, &a, &cut, &why) == 0 && r == 0)
				ok++;
			article_free(&a);
			free(why);
			free(text);
		}
	}
	secs = monotonic_seconds() - start;
	printf("%zu pages (%.1f KB each), %d rounds: %.0f pages/s, %.1f MB/s on one core; "
	    "%zu gave an article\n", n, n ? (double)bytes / (double)n / 1024 : 0, rounds,
	    (double)n * rounds / secs, (double)bytes * rounds / secs / 1e6, ok);
	return 0;
}
