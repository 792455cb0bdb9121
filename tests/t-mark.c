/*
 * t-mark.c: the words of a search found again in text (mark.h): marked
 * with the index's folding, joined across spaces, and found as runs of
 * words apart by spaces alone ("dân, số" is no "dân số").
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/mark.h"
#include "../src/util.h"
#include "tap.h"

/* words: the marks, separated by '|' ("dan|so", "\"nước sạch\"|nông*"). */
static void
set(struct mark_words *m, const char *words)
{
	struct strlist l;
	char *copy = xstrdup(words), *save = NULL;

	strlist_init(&l);
	for (char *w = strtok_r(copy, "|", &save); w; w = strtok_r(NULL, "|", &save))
		strlist_push(&l, xstrdup(w));
	mark_words_set(m, &l);
	strlist_free(&l);
	free(copy);
}

static void
test_text(void)
{
	static const struct { const char *words, *in, *want; } cases[] = {
		{ "dan|van", "Phong trào dân vận khéo", "Phong trào \x01" "dân vận\x02 khéo" },
		{ "dân", "dân, dẫn, Dân", "\x01" "dân\x02, dẫn, \x01" "Dân\x02" },
		{ "nguo*", "Người dân, người.", "\x01Người\x02 dân, \x01người\x02." },
		{ "dấ*", "dân dấn dẫn đan", "\x01" "dân dấn dẫn\x02 đan" },
		{ "hoà", "Hòa bình, hoà hợp", "\x01Hòa\x02 bình, \x01hoà\x02 hợp" },
		{ "xyz", "nothing here", "nothing here" },
		{ "", "nothing", "nothing" },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct mark_words m = { NULL, NULL, NULL, 0 };
		char *got, name[96];

		set(&m, cases[i].words);
		got = mark_text(&m, cases[i].in, strlen(cases[i].in));
		snprintf(name, sizeof name, "mark %s in \"%s\"", cases[i].words, cases[i].in);
		is_str(got, cases[i].want, name);
		free(got);
		mark_words_free(&m);
	}
}

static int
note(size_t start, size_t end, void *ctx)
{
	struct buf *b = ctx;

	buf_printf(b, "%s%zu-%zu", b->len ? "," : "", start, end);
	return 0;
}

static void
test_find(void)
{
	static const struct {
		const char *words, *in;
		size_t from, to;
		const char *want;
	} cases[] = {
		{ "dan|so", "dân số, dân, số; Dân Số", 0, 2, "0-9,23-32" },
		{ "dan|so", "dân số, dân, số; Dân Số", 1, 2, "5-9,17-21,28-32" },
		{ "dan|so", "số dân", 0, 2, "" },
		{ "\"nuoc sach\"|nong*", "nước sạch nông thôn", 0, 3, "0-20" },
		{ "a|a", "a a a", 0, 2, "0-3,2-5" },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct mark_words m = { NULL, NULL, NULL, 0 };
		struct buf b;
		char name[96];

		buf_init(&b);
		set(&m, cases[i].words);
		mark_find(&m, cases[i].from, cases[i].to, cases[i].in, strlen(cases[i].in), note, &b);
		snprintf(name, sizeof name, "find %s [%zu, %zu) in \"%s\"", cases[i].words,
		    cases[i].from, cases[i].to, cases[i].in);
		is_str(b.data ? b.data : "", cases[i].want, name);
		buf_free(&b);
		mark_words_free(&m);
	}
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	test_text();
	test_find();
	return done();
}
