/*
 * t-tokenize.c: word splitting and the folded/exact forms: every
 * Vietnamese vowel in each tone and case, đ, NFD input, tone placement,
 * mixed Latin/Vietnamese text, byte offsets.
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <uninorm.h>

#include "../src/tokenize.h"
#include "../src/util.h"
#include "tap.h"

struct words {
	char folded[16][300];
	char exact[16][300];
	size_t start[16], end[16];
	int n;
};

static int
collect(const struct tok_word *w, void *ctx)
{
	struct words *ws = ctx;

	if (ws->n < 16) {
		snprintf(ws->folded[ws->n], 300, "%s", w->folded);
		snprintf(ws->exact[ws->n], 300, "%s", w->exact);
		ws->start[ws->n] = w->start;
		ws->end[ws->n] = w->end;
		ws->n++;
	}
	return 0;
}

static void
split(const char *s, struct words *ws)
{
	memset(ws, 0, sizeof *ws);
	tok_split(s, strlen(s), collect, ws);
}

/* Compose base + marks (UTF-8) into NFC or NFD. */
static char *
compose(const char *nfd, uninorm_t form)
{
	size_t n;
	uint8_t *r = u8_normalize(form, (const uint8_t *)nfd, strlen(nfd), NULL, &n);
	char *s = xstrndup((const char *)r, n);

	free(r);
	return s;
}

static void
test_every_vowel(void)
{
	/* base letter (lower, upper) as NFD, its folded letter */
	static const struct { const char *lower, *upper, *folded; } vowels[] = {
		{ "a", "A", "a" }, { "a\xcc\x86", "A\xcc\x86", "a" }, { "a\xcc\x82", "A\xcc\x82", "a" },
		{ "e", "E", "e" }, { "e\xcc\x82", "E\xcc\x82", "e" }, { "i", "I", "i" },
		{ "o", "O", "o" }, { "o\xcc\x82", "O\xcc\x82", "o" }, { "o\xcc\x9b", "O\xcc\x9b", "o" },
		{ "u", "U", "u" }, { "u\xcc\x9b", "U\xcc\x9b", "u" }, { "y", "Y", "y" },
	};
	static const struct { const char *mark; char letter; } tones[] = {
		{ "", 0 }, { "\xcc\x80", 'F' }, { "\xcc\x81", 'S' }, { "\xcc\x89", 'R' },
		{ "\xcc\x83", 'X' }, { "\xcc\xa3", 'J' },
	};
	int bad = 0, checks = 0;

	for (size_t v = 0; v < sizeof vowels / sizeof vowels[0]; v++) {
		for (size_t t = 0; t < sizeof tones / sizeof tones[0]; t++) {
			for (int up = 0; up < 2; up++) {
				for (int nfd = 0; nfd < 2; nfd++) {
					char *raw = xasprintf("%s%s", up ? vowels[v].upper : vowels[v].lower,
					    tones[t].mark);
					char *word = compose(raw, nfd ? UNINORM_NFD : UNINORM_NFC);
					char *lowbase = compose(vowels[v].lower, UNINORM_NFC);
					char want_exact[32];
					struct words ws;

					snprintf(want_exact, sizeof want_exact, "%s%c", lowbase,
					    tones[t].letter ? tones[t].letter : '\0');
					split(word, &ws);
					checks++;
					if (ws.n != 1 || strcmp(ws.folded[0], vowels[v].folded) != 0 ||
					    strcmp(ws.exact[0], want_exact) != 0) {
						bad++;
						printf("# %s: got %d words '%s' '%s', want '%s' '%s'\n", word,
						    ws.n, ws.folded[0], ws.exact[0], vowels[v].folded, want_exact);
					}
					free(raw);
					free(word);
					free(lowbase);
				}
			}
		}
	}
	is_int(checks, 12 * 6 * 2 * 2, "every vowel, tone, case, NFC and NFD checked");
	is_int(bad, 0, "  all fold as expected");
}

static void
check(const char *in, const char *folded, const char *exact, const char *name)
{
	struct words ws;
	char f[256] = "", e[256] = "";

	split(in, &ws);
	for (int i = 0; i < ws.n; i++) {
		strcat(f, i ? " " : "");
		strcat(f, ws.folded[i]);
		strcat(e, i ? " " : "");
		strcat(e, ws.exact[i]);
	}
	is_str(f, folded, name);
	is_str(e, exact, "  exact forms");
}

static void
test_words(void)
{
	check("Dân vận khéo", "dan van kheo", "dân vânJ kheoS", "syllables");
	check("ĐẢNG ỦY Đà Nẵng", "dang uy da nang", "đangR uyR đaF năngX", "đ folds to d, case folds");
	check("hòa hoà", "hoa hoa", "hoaF hoaF", "old and new tone placement agree");
	check("thủy thuỷ khóa khoá", "thuy thuy khoa khoa", "thuyR thuyR khoaS khoaS",
	    "  thuỷ/thủy, khoá/khóa");
	check("người", "nguoi", "ngươiF", "two vowel marks and a tone");
	check("ngu\xcc\x9bo\xcc\x9b\xcc\x80i", "nguoi", "ngươiF", "NFD word");
	check("COVID-19 năm 2024, iPhone 15", "covid 19 nam 2024 iphone 15",
	    "covid 19 năm 2024 iphone 15", "Latin words and numbers");
	check("Straße", "strasse", "strasse", "full case folding");
	check("  ...  ", "", "", "no words in punctuation");
	check("café résumé", "cafe resume", "cafeS resumeS", "Latin accents fold too (one tone a word)");
}

static void
test_offsets(void)
{
	struct words ws;

	split("Hà Nội, 2024", &ws);
	is_int(ws.n, 3, "three words");
	is_int((long long)ws.start[1], 4, "  byte offset of Nội");
	is_int((long long)ws.end[1], 9, "  its end");
	split("ngu\xcc\x9bo\xcc\x9b\xcc\x80i x", &ws);
	is_int((long long)ws.end[0], 11, "NFD word keeps its original byte range");
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	test_every_vowel();
	test_words();
	test_offsets();
	return done();
}
