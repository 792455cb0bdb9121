/*
 * t-text.c: decoding file bytes to clean NFC, widths, truncation, sanitising.
 */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include <uninorm.h>

#include "../src/text.h"
#include "../src/util.h"
#include "tap.h"

struct decode_case {
	const char *name;
	const char *in;
	size_t len;		/* 0: strlen(in) */
	const char *want;
	size_t invalid;
	size_t removed;
};

static const struct decode_case decode_cases[] = {
	{ "plain UTF-8 passes", "Dân vận khéo", 0, "Dân vận khéo", 0, 0 },
	{ "UTF-8 BOM dropped", "\xef\xbb\xbfHà Nội", 0, "Hà Nội", 0, 0 },
	{ "UTF-16LE with BOM", "\xff\xfeH\0\xe0\0 \0N\0\xd9\x1e" "i\0", 14, "Hà Nội", 0, 0 },
	{ "UTF-16BE with BOM", "\xfe\xff\0H\0\xe0\0 \0N\x1e\xd9\0i", 14, "Hà Nội", 0, 0 },
	{ "UTF-16 lone surrogate", "\xff\xfe" "a\0\x00\xd8" "b\0", 8, "a\xef\xbf\xbd" "b", 1, 0 },
	{ "invalid byte becomes U+FFFD", "a\xff" "b", 0, "a\xef\xbf\xbd" "b", 1, 0 },
	{ "truncated sequence at end", "ab\xe1\xba", 0, "ab\xef\xbf\xbd", 1, 0 },
	{ "overlong encoding rejected", "x\xc0\xafy", 0, "x\xef\xbf\xbd\xef\xbf\xbdy", 2, 0 },
	{ "CRLF becomes LF", "a\r\nb\r\n", 0, "a\nb\n", 0, 0 },
	{ "lone CR becomes LF", "a\rb\r", 0, "a\nb\n", 0, 0 },
	{ "CR CR LF is two lines", "a\r\r\nb", 0, "a\n\nb", 0, 0 },
	{ "escape sequence loses its ESC", "\x1b[31mred\x07", 0, "[31mred", 0, 2 },
	{ "C1 control removed", "a\xc2\x85" "b\xc2\x9b" "c", 0, "abc", 0, 2 },
	{ "tab and newline kept", "a\tb\nc", 0, "a\tb\nc", 0, 0 },
	{ "soft hyphen removed", "ng\xc2\xad" "ười", 0, "người", 0, 1 },
	{ "zero-width space and joiners removed", "d\xe2\x80\x8b" "â\xe2\x80\x8cn\xe2\x80\x8d", 0, "dân", 0, 3 },
	{ "BOM inside text removed", "Hà\xef\xbb\xbf Nội", 0, "Hà Nội", 0, 1 },
	{ "NBSP becomes a space", "Hà\xc2\xa0Nội", 0, "Hà Nội", 0, 0 },
	{ "NFD composed to NFC", "Vie\xcc\xa3\xcc\x82t Nam", 0, "Việt Nam", 0, 0 },
	{ "NFD with old-style tone", "ngu\xcc\x9bo\xcc\x9b\xcc\x80i", 0, "người", 0, 0 },
};

static void
test_decode(void)
{
	for (size_t i = 0; i < sizeof decode_cases / sizeof decode_cases[0]; i++) {
		const struct decode_case *c = &decode_cases[i];
		struct text_stats st;
		size_t n = c->len ? c->len : strlen(c->in), outlen;
		char *out = text_decode(c->in, n, &outlen, &st);

		is_str(out, c->want, c->name);
		is_int((long long)st.invalid, (long long)c->invalid, "  invalid count");
		is_int((long long)st.removed, (long long)c->removed, "  removed count");
		is_int((long long)outlen, (long long)strlen(c->want), "  length");
		free(out);
	}
}

static void
test_nfc_quick_path(void)
{
	/* Already NFC text, including Vietnamese, comes back byte for byte. */
	const char *s = "Đảng ủy Khối – “dân vận khéo” … 12,5%";
	size_t n;
	char *out = text_nfc(s, strlen(s), &n);

	is_str(out, s, "NFC text unchanged");
	free(out);
	out = text_nfc("A\xcc\x8a", 3, &n);	/* A + ring above */
	is_str(out, "\xc3\x85", "combining mark composed");
	free(out);
}

/* text_nfc normalises only the runs that may change: on text that mixes
 * every kind of piece, it gives what u8_normalize gives for the whole. */
static void
test_nfc_runs(void)
{
	static const char *const pieces[] = {
		"a", "e", "Vi", " ", ".", "\xe1\xba\xbf" /* ế */, "\xc6\xb0" /* ư */,
		"\xcc\x81" /* acute */, "\xcc\x83" /* tilde */, "\xcc\xa3" /* dot below */,
		"\xcc\x82" /* circumflex */, "\xe1\x84\x80" /* Hangul L */,
		"\xe1\x85\xa1" /* Hangul V */, "\xe1\x86\xa8" /* Hangul T */,
		"\xe2\x84\xa6" /* ohm sign */, "\xe2\x84\xab" /* angstrom */,
		"\xf0\x9f\x98\x80" /* emoji */, "\xe4\xb8\xad" /* CJK */, "\xcd\x80" /* U+0340 */,
		"\xe2\x89\xa0" /* not equal */, "=", "\xcc\xb8" /* long solidus overlay */,
	};
	size_t np = sizeof pieces / sizeof *pieces;
	unsigned seed = 12345;
	int same = 1;

	for (int round = 0; round < 2000 && same; round++) {
		char s[256] = "";
		size_t n, k;
		char *fast;
		uint8_t *full;

		for (int j = 0; j < 24; j++) {
			seed = seed * 1103515245 + 12345;
			strcat(s, pieces[(seed >> 16) % np]);
		}
		fast = text_nfc(s, strlen(s), &n);
		full = u8_normalize(UNINORM_NFC, (const uint8_t *)s, strlen(s), NULL, &k);
		same = n == k && memcmp(fast, full, n) == 0;
		if (!same)
			printf("#   differs on %s\n", s);
		free(fast);
		free(full);
	}
	ok(same, "NFC by runs is NFC of the whole, on 2,000 mixed strings");
}

static void
test_words(void)
{
	is_int((long long)text_words("Hà Nội, 2024-05-01: giá xăng tăng 3,5%"), 10,
	    "words: syllables and numbers");
	is_int((long long)text_words(""), 0, "words: empty");
	is_int((long long)text_words(" — … "), 0, "words: punctuation only");
}

static void
test_width(void)
{
	is_int((long long)text_width("Người Việt"), 10, "width of Vietnamese NFC");
	is_int((long long)text_width("中文"), 4, "width of CJK");
	is_int((long long)text_width("Ngu\xcc\x9bo\xcc\x9b\xcc\x80i"), 5, "NFD marks take no column");
}

static void
test_truncate(void)
{
	char *t;

	t = text_truncate("Công tác dân vận phải thực chất", 15);
	is_str(t, "Công tác dân…", "cut at a word boundary");
	ok(text_width(t) <= 15, "  fits the columns");
	free(t);
	t = text_truncate("ngắn", 10);
	is_str(t, "ngắn", "short text untouched");
	free(t);
	/* NFD: never separate a base letter from its marks. */
	t = text_truncate("a\xcc\x81" "b\xcc\x81" "c\xcc\x81" "d\xcc\x81", 3);
	is_str(t, "a\xcc\x81" "b\xcc\x81\xe2\x80\xa6", "grapheme-safe cut");
	free(t);
	t = text_truncate("中文中文", 5);
	is_str(t, "中文…", "wide characters not split");
	free(t);
}

/* Wrap s at width; the lines joined by "|". Checks that every line fits
 * and that the lines, rejoined, are s without the spaces at breaks. */
static char *
wrapped(const char *s, size_t width)
{
	struct text_line *v;
	size_t n = text_wrap(s, width, &v), fits = 1;
	struct buf b, joined, squeezed;

	buf_init(&b);
	buf_init(&joined);
	buf_add(&b, "", 0);
	for (size_t i = 0; i < n; i++) {
		char *line = xstrndup(s + v[i].start, v[i].len);

		if (v[i].cols != text_width(line) || (v[i].cols > width && v[i].len > 4))
			fits = 0;
		buf_printf(&b, "%s%s", i ? "|" : "", line);
		buf_printf(&joined, "%s", line);
		free(line);
	}
	buf_init(&squeezed);
	for (const char *c = s; *c; c++) {
		if (*c != ' ')
			buf_addc(&squeezed, *c);
	}
	buf_add(&squeezed, "", 0);
	buf_add(&joined, "", 0);
	{
		char *nospace = xstrdup(joined.data), *w = nospace;

		for (const char *c = joined.data; *c; c++) {
			if (*c != ' ')
				*w++ = *c;
		}
		*w = '\0';
		char name[64];

		snprintf(name, sizeof name, "wrap at %zu keeps every character, each line fits", width);
		ok(fits && strcmp(nospace, squeezed.data) == 0, name);
		free(nospace);
	}
	buf_free(&joined);
	buf_free(&squeezed);
	free(v);
	return buf_detach(&b);
}

static void
expect_wrap(const char *s, size_t width, const char *want)
{
	char *got = wrapped(s, width);

	is_str(got, want, "  as expected");
	free(got);
}

static void
test_wrap(void)
{
	expect_wrap("Công tác dân vận phải thực chất", 12, "Công tác dân|vận phải|thực chất");
	expect_wrap("Công tác dân vận", 80, "Công tác dân vận");
	expect_wrap("", 10, "");
	expect_wrap("abcdefghij", 4, "abcd|efgh|ij");
	/* NFD: the cut falls between graphemes, never before a mark. */
	expect_wrap("Ngu\xcc\x9b\xcc\x80o\xcc\x9bi", 3, "Ngu\xcc\x9b\xcc\x80|o\xcc\x9bi");
	/* Wide characters: two columns each. */
	expect_wrap("日本語の新聞", 5, "日本|語の|新聞");
	expect_wrap("a  b", 1, "a|b");
	/* A hyphen is a break opportunity too. */
	expect_wrap("kinh-tế xã-hội", 9, "kinh-tế|xã-hội");
}

static void
test_ascii(void)
{
	char *t = text_ascii("Đảng ủy “Người” – Nguyễn Thị Thuỷ… 日");

	is_str(t, "Dang uy \"Nguoi\" - Nguyen Thi Thuy. ?", "ASCII stand-in for a non-UTF-8 terminal");
	free(t);
	t = text_ascii("a\x1b[2Jb");
	is_str(t, "a?[2Jb", "  controls too");
	free(t);
}

static void
test_sanitize(void)
{
	char *t;

	t = text_sanitize("a\x1b[2Jb");
	is_str(t, "a\xef\xbf\xbd[2Jb", "escape replaced");
	free(t);
	t = text_sanitize("x\xe2\x80\xaey\xe2\x81\xa6z");
	is_str(t, "x\xef\xbf\xbdy\xef\xbf\xbdz", "bidi override and isolate replaced");
	free(t);
	t = text_sanitize("bad\xff\xc3");
	is_str(t, "bad\xef\xbf\xbd\xef\xbf\xbd", "invalid bytes become U+FFFD");
	free(t);
	t = text_sanitize("Việt Nam");
	is_str(t, "Việt Nam", "text untouched");
	free(t);
	/* 👨‍👩‍👧: the joiners go, the emoji stay, each as wide as wcwidth says. */
	t = text_sanitize("a\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7" "b");
	is_str(t, "a\xf0\x9f\x91\xa8\xf0\x9f\x91\xa9\xf0\x9f\x91\xa7" "b", "zero width joiners dropped for the screen");
	ok(text_width(t) == 8, "  8 columns, as wcwidth counts them");
	free(t);
	{
		/* Appended, n bytes only, and in ASCII in the same pass. */
		struct buf b;
		const char *s = "Đà\x1b[2J Nẵng\xffXYZ";

		buf_init(&b);
		buf_adds(&b, "> ");
		text_sanitize_into(&b, s, strlen(s) - 3, 0);
		is_str(b.data, "> Đà\xef\xbf\xbd[2J Nẵng\xef\xbf\xbd", "sanitized into a buffer, n bytes");
		buf_reset(&b);
		text_sanitize_into(&b, s, strlen(s) - 3, 1);
		is_str(b.data, "Da?[2J Nang?", "  and in ASCII");
		buf_free(&b);
	}
}

static void
test_shell_quote(void)
{
	static const struct { const char *in, *want, *name; } t[] = {
		{ "/tmp/Việt Nam/bài 1.txt", "/tmp/Việt Nam/bài 1.txt", "UTF-8 name as it is" },
		{ "/x/ba\xcc\x80i.txt", "/x/ba\xcc\x80i.txt", "  NFD marks too" },
		{ "/x/b\xe0i\xff.txt", "$'/x/b\\340i\\377.txt'", "invalid bytes as \\ooo" },
		{ "/x/a\nb\x1b[2J", "$'/x/a\\012b\\033[2J'", "controls as \\ooo" },
		{ "/x/\xe2\x80\xae" "evil", "$'/x/\\342\\200\\256evil'", "a bidi override as its bytes" },
		{ "/x/it's\\\xff", "$'/x/it\\'s\\\\\\377'", "quote and backslash escaped once quoted" },
		{ "/x/it's", "/x/it's", "  and not otherwise" },
		{ "$'x'", "$'$\\'x\\''", "a name like a quoted word is quoted" },
		{ "", "", "empty" },
	};

	for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
		char *q = text_shell_quote(t[i].in);

		is_str(q, t[i].want, t[i].name);
		free(q);
	}
}

static void
test_squeeze_lower(void)
{
	char s[] = "  a \t b   c  ";
	char *l;

	is_str(text_squeeze(s), "a b c", "squeeze");
	l = text_lower("ĐẢNG ỦY Hà");
	is_str(l, "đảng ủy hà", "lower Vietnamese capitals");
	free(l);
}

static void
test_snippet_lead(void)
{
	static const struct { const char *in; size_t cols; const char *want; } cases[] = {
		{ "ab \x01" "cd\x02 ef", 30, "ab \x01" "cd\x02 ef" },
		{ "no mark at all, however long it may be", 9, "no mark at all, however long it may be" },
		{ "một hai ba bốn năm sáu \x01" "bảy\x02 tám", 27, "\xe2\x80\xa6" "năm sáu \x01" "bảy\x02 tám" },
		{ "một hai ba bốn năm sáu \x01" "bảy\x02 tám", 18, "\xe2\x80\xa6" "sáu \x01" "bảy\x02 tám" },
		{ "mộthaibabốnnămsáu \x01" "bảy\x02", 9, "\xe2\x80\xa6" "\x01" "bảy\x02" },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *got = text_snippet_lead(cases[i].in, cases[i].cols), name[64];

		snprintf(name, sizeof name, "snippet lead, case %zu", i + 1);
		is_str(got, cases[i].want, name);
		free(got);
	}
}

/* Emoji joined by U+200D are one grapheme (GB11); a letter with its
 * marks is one too; a flag of two regional indicators is one. */
static void
test_graphemes(void)
{
	const char *fam = "a\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d"
	    "\xf0\x9f\x91\xa7\xe2\x80\x8d\xf0\x9f\x91\xa6" "b";
	const uint8_t *s = (const uint8_t *)fam, *end = s + strlen(fam);
	const uint8_t *p = text_grapheme_next(s + 1, end);

	ok(p == end - 1, "the family is one grapheme going forward");
	p = text_grapheme_prev(end - 1, s);
	ok(p == s + 1, "...and going back");
	p = text_grapheme_next(s, end);
	ok(p == s + 1, "the letter before it is one of its own");
	{
		const char *vi = "Vie\xcc\x82\xcc\x83t";	/* "Viễt", NFD */
		const uint8_t *v = (const uint8_t *)vi;

		ok(text_grapheme_next(v + 2, v + strlen(vi)) == v + 7,
		    "a letter with two combining marks is one");
	}
	{
		/* A joiner that joins no emoji ends nothing more. */
		const char *j = "x\xe2\x80\x8dy";
		const uint8_t *q = (const uint8_t *)j;

		ok(text_grapheme_next(q, q + strlen(j)) == q + 4, "x with a joiner, then y apart");
	}
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	test_decode();
	test_nfc_quick_path();
	test_nfc_runs();
	test_words();
	test_width();
	test_truncate();
	test_snippet_lead();
	test_wrap();
	test_ascii();
	test_sanitize();
	test_graphemes();
	test_shell_quote();
	test_squeeze_lower();
	return done();
}
