/*
 * extract.c: see extract.h.
 *
 * The page is read as lines. Each line is squeezed, freed of glued junk,
 * split where text was run together and classified; then the headline is
 * found, and the lines after it become fields, captions and paragraphs
 * until the first trailing block.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "text.h"

/* Longest title we make from a first sentence, in columns. */
#define DERIVED_TITLE_COLS 100
/* A paragraph has this many words at least before a trailing block may cut. */
#define CUT_MIN_WORDS 8

struct line {
	char *s;
	enum boiler_kind kind;	/* BOILER_NONE, or BOILER_CUT for a block head */
	size_t words;
};

struct lines {
	struct line *v;
	size_t len, cap;
};

static void
lines_push(struct lines *l, char *s, enum boiler_kind kind)
{
	if (l->len == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
	l->v[l->len].s = s;
	l->v[l->len].kind = kind;
	l->v[l->len].words = text_words(s);
	l->len++;
}

static void
lines_free(struct lines *l)
{
	for (size_t i = 0; i < l->len; i++)
		free(l->v[i].s);
	free(l->v);
}

/* Code point before byte offset i of s (s[i] is a lead byte). */
static uint32_t
prev_uc(const char *s, size_t i, size_t *start)
{
	uint32_t uc;
	size_t j = i;

	if (j == 0) {
		*start = 0;
		return 0;
	}
	do
		j--;
	while (j > 0 && ((unsigned char)s[j] & 0xC0) == 0x80);
	text_next(s + j, i - j, &uc);
	*start = j;
	return uc;
}

/*
 * The word that ends at byte i may be the left half of a glued heading:
 * two letters at least, and lowercase-initial or non-ASCII, so that
 * "YouTube", "TikTok" and "iPhone" stay whole while "bậtNăm" and "NộiNăm"
 * split.
 */
static int
glue_left_ok(const char *s, size_t i)
{
	size_t start = i, letters = 0;
	int ascii = 1;
	uint32_t first = 0;

	while (start > 0) {
		size_t j;
		uint32_t uc = prev_uc(s, start, &j);

		if (!text_is_letter(uc))
			break;
		if (uc >= 0x80)
			ascii = 0;
		first = uc;
		letters++;
		start = j;
	}
	return letters >= 2 && (text_is_lower(first) || !ascii);
}

static int
is_sentence_end(uint32_t uc)
{
	return uc == '.' || uc == '!' || uc == '?' || uc == 0x2026;
}

size_t
extract_unglue(const char *line, struct strlist *out)
{
	size_t n = strlen(line), i = 0, from = 0, pieces = 0;
	uint32_t p2 = 0, p1 = 0, cur, next = 0;	/* p2 p1 cur next, in order */
	int len = 1, next_len = 0;

	if (n > 0)
		len = text_next(line, n, &cur);
	while (i < n) {
		if (i + (size_t)len < n)
			next_len = text_next(line + i + len, n - i - (size_t)len, &next);
		else
			next = 0;
		if (text_is_upper(cur) && text_is_lower(next) && i > from &&
		    ((text_is_lower(p1) && glue_left_ok(line, i)) ||	/* heading glued */
		    (is_sentence_end(p1) && (text_is_lower(p2) ||	/* sentence glued */
			(p2 >= '0' && p2 <= '9'))))) {
			strlist_push(out, xstrndup(line + from, i - from));
			pieces++;
			from = i;
		}
		p2 = p1;
		p1 = cur;
		cur = next;
		i += (size_t)len;
		len = next_len;
	}
	if (n > from) {
		strlist_push(out, xstrndup(line + from, n - from));
		pieces++;
	}
	return pieces;
}

/* Has s a letter or a digit? A line without is punctuation only: a
 * separator, a bullet, what was left of a removed link. */
static int
has_alnum(const char *s)
{
	size_t n = strlen(s), i = 0;

	while (i < n) {
		uint32_t uc;

		i += (size_t)text_next(s + i, n - i, &uc);
		if (text_is_alnum(uc))
			return 1;
	}
	return 0;
}

/* A line that opens with ". " or ", ": a crawler dropped the link or
 * word that stood before it. The mark goes with it. */
static void
strip_orphan_mark(char *s)
{
	size_t k = 0;

	while ((s[k] == '.' || s[k] == ',' || s[k] == ';' || s[k] == ':') && s[k + 1] == ' ')
		k += 2;
	if (k > 0)
		memmove(s, s + k, strlen(s + k) + 1);
}

/* Read the page into lines: squeezed, glued junk removed, unglued,
 * drop patterns applied. */
static void
read_lines(const struct boiler *bp, const char *text, struct lines *out)
{
	const char *p = text;
	struct strlist pieces;

	strlist_init(&pieces);
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		char *raw = xstrndup(p, n);

		text_squeeze(raw);
		boiler_strip(bp, raw);
		if (*raw != '\0')
			extract_unglue(raw, &pieces);
		free(raw);
		for (size_t i = 0; i < pieces.len; i++) {
			char *s = pieces.items[i];
			enum boiler_kind k;

			pieces.items[i] = NULL;
			boiler_strip(bp, s);
			strip_orphan_mark(s);
			k = has_alnum(s) ? boiler_match(bp, s) : BOILER_DROP;
			if (k == BOILER_DROP)
				free(s);
			else
				lines_push(out, s, k);
		}
		pieces.len = 0;
		p = nl ? nl + 1 : p + n;
	}
	strlist_free(&pieces);
}

/* Last code point of s, or 0. */
static uint32_t
last_uc(const char *s)
{
	size_t start;

	return prev_uc(s, strlen(s), &start);
}

static int
has_letters_no_lower(const char *s)
{
	size_t n = strlen(s), i = 0, upper = 0;

	while (i < n) {
		uint32_t uc;

		i += (size_t)text_next(s + i, n - i, &uc);
		if (text_is_lower(uc))
			return 0;
		if (text_is_upper(uc))
			upper++;
	}
	return upper >= 2;
}

static int
has_digit(const char *s)
{
	return strpbrk(s, "0123456789") != NULL;
}

/* Text with a sentence end inside it, followed by more text. */
static int
has_inner_sentence(const char *s)
{
	const char *p = s;

	while ((p = strpbrk(p, ".!?")) != NULL) {
		if (p[1] == ' ' && p[2] != '\0')
			return 1;
		p++;
	}
	return 0;
}

static int
paragraph_like(const struct line *l)
{
	uint32_t end = last_uc(l->s);

	return l->words > 40 || (l->words > 20 && has_inner_sentence(l->s)) ||
	    (is_sentence_end(end) && l->words > 25);
}

static int
title_like(const struct line *l)
{
	return l->words >= 3 && !paragraph_like(l);
}

/* A breadcrumb or section label above the headline. */
static int
section_like(const struct line *l)
{
	if (l->words > 12)
		return 0;
	if (strchr(l->s, '|') || strstr(l->s, "\xc2\xbb") || strstr(l->s, "\xe2\x80\xba") ||
	    strstr(l->s, " > ") || strstr(l->s, " / "))
		return 1;
	return l->words <= 8 && has_letters_no_lower(l->s);
}

/* A menu item or button label left above the headline. */
static int
nav_like(const struct line *l)
{
	return l->words <= 2 && !is_sentence_end(last_uc(l->s));
}

static int
contains_ci(const char *s, const char *low_needle)
{
	char *low = text_lower(s);
	int r = strstr(low, low_needle) != NULL;

	free(low);
	return r;
}

/* Is there a better headline among the next few lines? */
static int
title_follows(const struct lines *ls, size_t i, size_t within)
{
	struct date d;

	for (size_t j = i + 1; j < ls->len && j <= i + within; j++) {
		const struct line *l = &ls->v[j];

		if (l->kind == BOILER_CUT || date_is_dateline(l->s, &d))
			continue;
		if (title_like(l) && !section_like(l))
			return 1;
	}
	return 0;
}

char *
extract_first_sentence(const char *para, size_t max_cols)
{
	size_t n = strlen(para), i = 0, end = n;
	char *sentence, *title;

	while (i < n) {
		uint32_t uc;
		int len = text_next(para + i, n - i, &uc);

		if (is_sentence_end(uc) && para[i + len] == ' ' && i > 0) {
			uint32_t next;

			text_next(para + i + len + 1, n - i - (size_t)len - 1, &next);
			if (text_is_upper(next) || (next >= '0' && next <= '9')) {
				end = i;
				break;
			}
		}
		i += (size_t)len;
	}
	sentence = xstrndup(para, end);
	for (;;) {
		size_t at;

		if (end == 0 || !is_sentence_end(prev_uc(sentence, end, &at)))
			break;
		sentence[end = at] = '\0';	/* a whole "…", not its last byte */
	}
	if (!has_alnum(sentence)) {
		/* Marks only ("…"): the paragraph's first words instead. */
		free(sentence);
		sentence = xstrdup(para);
	}
	title = text_truncate(sentence, max_cols);
	free(sentence);
	return title;
}

/* Text after a marker like "Nguồn:" when the lowered line starts with it. */
static char *
after_marker(const char *s, const char *const *markers)
{
	char *low = text_lower(s);
	char *r = NULL;

	for (int i = 0; markers[i] && r == NULL; i++) {
		size_t m = strlen(markers[i]);

		/* Lowering keeps Vietnamese byte lengths, so offsets agree. */
		if (strncmp(low, markers[i], m) == 0 && strlen(low) == strlen(s)) {
			const char *v = s + m;

			while (*v == ' ' || *v == ':')
				v++;
			if (*v)
				r = xstrdup(v);
		}
	}
	free(low);
	if (r != NULL) {
		size_t k = strlen(r);

		while (k > 0 && (r[k - 1] == '.' || r[k - 1] == ' ' || r[k - 1] == ')'))
			r[--k] = '\0';
		if (k == 0) {
			free(r);
			r = NULL;
		}
	}
	return r;
}

static char *
source_of(const struct line *l)
{
	static const char *const markers[] = { "nguồn:", "(nguồn:", "nguồn tin:", NULL };

	if (l->words > 15)
		return NULL;
	return after_marker(l->s, markers);
}

/* "Tin Phan Thanh, ảnh Tiến Thắng": the writer is before ", ảnh". */
static char *
writer_before_photo(const char *s)
{
	static const char *const leads[] = { "Tin ", "Bài ", NULL };
	const char *comma;

	for (int i = 0; leads[i]; i++) {
		size_t m = strlen(leads[i]);
		uint32_t first;

		if (strncmp(s, leads[i], m) != 0)
			continue;
		text_next(s + m, strlen(s + m), &first);
		comma = strstr(s + m, ", \xe1\xba\xa3nh ");	/* ", ảnh " */
		if (comma == NULL)
			comma = strstr(s + m, " - \xe1\xba\xa3nh ");
		if (comma != NULL && text_is_upper(first))
			return xstrndup(s + m, (size_t)(comma - s - m));
	}
	return NULL;
}

static char *
author_of(const struct line *l)
{
	static const char *const markers[] = {
		"tin, ảnh:", "tin và ảnh:", "tin - ảnh:", "tin/ảnh:", "tin-ảnh:",
		"bài, ảnh:", "bài và ảnh:", "bài - ảnh:", "bài/ảnh:", "bài và ảnh :",
		"ảnh, tin:", "ảnh và bài:", "bài:", "tin:", "tác giả:", "phóng viên:",
		"nhóm phóng viên:", NULL
	};
	char *a;

	if (l->words > 12)
		return NULL;
	if ((a = after_marker(l->s, markers)) != NULL)
		return a;
	return writer_before_photo(l->s);
}

/* A signature: the writer's name alone in capitals ("TRUNG TRỰC"). */
static int
signature_like(const struct line *l)
{
	return l->words >= 2 && l->words <= 6 && has_letters_no_lower(l->s) &&
	    !has_digit(l->s) && strpbrk(l->s, ":|") == NULL;
}

/* "... Ảnh: Văn Điệp/TTXVN", "(Ảnh minh họa)": a photo caption, told by
 * a photo credit of a few words at its end. */
static int
caption_like(const struct line *l)
{
	static const char *const needles[] = { "\xe1\xba\xa2nh", "\xe1\xba\xa3nh", NULL };
	const char *last = NULL;

	if (l->words > 60)
		return 0;
	for (int k = 0; needles[k]; k++) {
		for (const char *p = l->s; (p = strstr(p, needles[k])) != NULL; p++) {
			if (p == l->s || p[-1] == ' ' || p[-1] == '(')
				last = last > p ? last : p;
		}
	}
	if (last == NULL)
		return 0;
	last += strlen(needles[0]);
	if (*last != ':' && strncmp(last, " minh h", 7) != 0)
		return 0;
	return text_words(last) <= 8;
}

/* Index of the headline; sets *derived when it must come from a sentence. */
static size_t
find_title(const struct lines *ls, struct article *a)
{
	struct date d;

	for (size_t i = 0; i < ls->len; i++) {
		const struct line *l = &ls->v[i];

		if (l->kind == BOILER_CUT)
			continue;
		if (date_is_dateline(l->s, &d)) {
			/* A date above the headline is the page's, not the article's. */
			if (a->crawled.prec == DATE_NONE)
				a->crawled = d;
			continue;
		}
		if ((section_like(l) && title_follows(ls, i, 4)) ||
		    (nav_like(l) && title_follows(ls, i, 3)))
			continue;
		return i;
	}
	return ls->len;
}

static void
take_body_line(struct article *a, const struct line *l)
{
	struct date d;
	char *v;

	if (date_is_dateline(l->s, &d)) {
		if (contains_ci(l->s, "hôm nay")) {
			if (a->crawled.prec == DATE_NONE)
				a->crawled = d;
		} else if (a->published.prec == DATE_NONE) {
			a->published = d;
		}
		return;
	}
	if (a->source == NULL && (v = source_of(l)) != NULL) {
		a->source = v;
		return;
	}
	if (a->author == NULL && (v = author_of(l)) != NULL) {
		a->author = v;
		return;
	}
	if (caption_like(l)) {
		strlist_push(&a->captions, xstrdup(l->s));
	} else {
		strlist_push(&a->paras, xstrdup(l->s));
		a->words += l->words;
	}
}

/*
 * Ads and headlines run together on one line: short, no sentence end,
 * and a word glued to a capitalised one after a digit or a lowercase
 * letter ("yêu thích 2018Công ty tháo dỡ"). Such a line after the body
 * is page furniture, never prose.
 */
static int
glued_ad_like(const struct line *l)
{
	size_t n = strlen(l->s), i = 0;
	uint32_t prev = 0, cur, next;

	if (l->words > 30 || is_sentence_end(last_uc(l->s)))
		return 0;
	while (i < n) {
		int len = text_next(l->s + i, n - i, &cur);

		text_next(l->s + i + len, n - i - (size_t)len, &next);
		if (text_is_upper(cur) && text_is_lower(next) &&
		    ((prev >= '0' && prev <= '9') || text_is_lower(prev)))
			return 1;
		prev = cur;
		i += (size_t)len;
	}
	return 0;
}

/* The last paragraphs may be a signature, a "Theo ..." source line or a
 * run-together ad. */
static void
take_trailer(struct article *a)
{
	static const char *const theo[] = { "theo ", NULL };

	for (int k = 0; k < 4 && a->paras.len > 1; k++) {
		char *last = a->paras.items[a->paras.len - 1];
		struct line l = { last, BOILER_NONE, text_words(last) };
		char *v;

		if (glued_ad_like(&l)) {
			/* dropped */
		} else if (a->author == NULL && signature_like(&l)) {
			a->author = xstrdup(last);
		} else if (a->source == NULL && l.words <= 10 &&
		    !is_sentence_end(last_uc(last)) && (v = after_marker(last, theo)) != NULL) {
			a->source = v;
		} else {
			break;
		}
		a->words -= l.words;
		free(last);
		a->paras.len--;
	}
}

int
extract_article(const struct boiler *bp, const char *text, struct article *a)
{
	struct lines ls = { NULL, 0, 0 };
	size_t t, start, body_words = 0;

	read_lines(bp, text, &ls);
	t = find_title(&ls, a);
	if (t == ls.len)
		goto empty;
	if (paragraph_like(&ls.v[t])) {
		a->title = extract_first_sentence(ls.v[t].s, DERIVED_TITLE_COLS);
		start = t;
	} else {
		a->title = xstrdup(ls.v[t].s);
		start = t + 1;
	}
	for (size_t i = start; i < ls.len; i++) {
		const struct line *l = &ls.v[i];

		if (l->kind == BOILER_CUT) {
			if (body_words >= CUT_MIN_WORDS)
				break;
			continue;	/* a menu item above the body */
		}
		if (l->words >= CUT_MIN_WORDS)
			body_words = l->words;
		take_body_line(a, l);
	}
	take_trailer(a);
	if (a->paras.len == 0)
		goto empty;
	lines_free(&ls);
	return 0;
empty:
	lines_free(&ls);
	article_free(a);
	return -1;
}
