/*
 * t-worddiff.c: the words one copy of a story adds or changes against
 * another (worddiff.h): none between equal texts, an added word, a
 * changed word, words moved by a new paragraph, texts too far apart
 * (the words the other lacks), empty texts.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/util.h"
#include "../src/worddiff.h"
#include "tap.h"

/* The words of a that worddiff marks, joined by "|". */
static char *
marked(const char *a, const char *b)
{
	struct worddiff_span *v;
	size_t n = worddiff(a, strlen(a), b, strlen(b), &v);
	struct buf out;

	buf_init(&out);
	buf_add(&out, "", 0);
	for (size_t i = 0; i < n; i++)
		buf_printf(&out, "%s%.*s", i ? "|" : "", (int)(v[i].end - v[i].start), a + v[i].start);
	free(v);
	return buf_detach(&out);
}

static void
check(const char *a, const char *b, const char *want, const char *name)
{
	char *got = marked(a, b);

	is_str(got, want, name);
	free(got);
}

int
main(void)
{
	const char *head = "Sáng 10/3, tỉnh Quảng Ngãi khánh thành hồ chứa nước Nước Trong,"
	    " cấp nước tưới cho 5.000 ha lúa của ba huyện.";
	char *big_a, *big_b;
	struct buf a, b;

	check(head, head, "", "the same text: nothing marked");
	check("Sáng 10/3, tỉnh Quảng Ngãi đã khánh thành hồ chứa nước Nước Trong,"
	    " cấp nước tưới cho 5.000 ha lúa của ba huyện.", head, "đã", "a word added is marked");
	check("Sáng 11/3, tỉnh Quảng Ngãi khánh thành hồ chứa nước Nước Trong,"
	    " cấp nước tưới cho 6.000 ha lúa của ba huyện.", head, "11/3,|6.000",
	    "words changed are marked, each where it stands");
	check("Sáng 10/3, tỉnh Quảng Ngãi khánh thành hồ chứa nước Nước Trong.", head, "Trong.",
	    "a cut text: only the word whose end changed");
	check("Theo TTXVN\nSáng 10/3, tỉnh Quảng Ngãi khánh thành hồ chứa nước Nước Trong,"
	    " cấp nước tưới cho 5.000 ha lúa của ba huyện.", head, "Theo|TTXVN",
	    "a new first paragraph: its words, the rest in step");
	check("", head, "", "an empty text marks nothing");
	check("một hai ba", "", "một|hai|ba", "against an empty text every word is new");

	/* Far apart: past the edits' bound, the words the other lacks. */
	buf_init(&a);
	buf_init(&b);
	for (int i = 0; i < 3000; i++) {
		buf_printf(&a, "a%d ", i);
		buf_printf(&b, "b%d ", i);
	}
	buf_adds(&a, "chung");
	buf_adds(&b, "chung");
	big_a = buf_detach(&a);
	big_b = buf_detach(&b);
	{
		struct worddiff_span *v;
		size_t n = worddiff(big_a, strlen(big_a), big_b, strlen(big_b), &v);

		ok(n == 3000 && strncmp(big_a + v[0].start, "a0", 2) == 0 &&
		    strncmp(big_a + v[n - 1].start, "a2999", 5) == 0,
		    "texts too far apart: the words the other lacks, the shared one not");
		free(v);
	}
	free(big_a);
	free(big_b);
	return done();
}
