/*
 * extract.c: see extract.h.
 *
 * The page is read as lines (extract-lines.c). Each line is squeezed,
 * freed of glued junk, split where text was run together and classified;
 * then the headline is found, and the lines after it become fields,
 * captions (extract-caption.c) and paragraphs until the first trailing
 * block. The last paragraphs may be a byline or a source
 * (extract-trailer.c).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "credit.h"
#include "extract.h"
#include "extract-int.h"
#include "i18n.h"
#include "text.h"

/* Longest title we make from a first sentence, in columns. */
#define DERIVED_TITLE_COLS 100
/* A paragraph has this many words at least before a trailing block may cut. */
#define CUT_MIN_WORDS 8
/* A headline has at most this many words; a first line without a final
 * period up to here is one, however long (the list cuts it, not us). */
#define HEADLINE_MAX_WORDS 80

static int
paragraph_like(const struct line *l)
{
	return l->words > 40 || (l->words > 20 && extract_has_inner_sentence(l->s)) ||
	    (extract_ends_sentence(l->s) && l->words > 25);
}

/* Does s end as a paragraph does: a period, an ellipsis or a colon
 * (closing quotes aside)? A headline may end in "?" or "!". */
static int
ends_paragraph(const char *s)
{
	uint32_t uc = extract_last_mark(s);

	return uc == '.' || uc == 0x2026 || uc == ':';
}

/*
 * A headline, as the first line of the article: not a paragraph, or one
 * that does not end as paragraphs do. A headline of two sentences
 * ("... điên rồ. Juventus bán sao sang Trung Quốc") or a long one without
 * a final period is kept whole.
 */
static int
headline_like(const struct line *l)
{
	if (!paragraph_like(l))
		return 1;
	return l->words <= HEADLINE_MAX_WORDS && !ends_paragraph(l->s);
}

static int
title_like(const struct line *l)
{
	return l->words >= 3 && headline_like(l);
}

/*
 * A navigation bar or section label above the headline: parts of a few
 * words between separators ("Trang chủ | Tin tức | Sự kiện", "Thời sự >
 * Xã hội"). A headline with a " | " in it has a part of several words.
 */
static int
nav_bar(const struct line *l)
{
	static const char *const seps[] = {
		" | ", "|", " > ", " / ", "\xc2\xbb", "\xe2\x80\xba", NULL	/* » › */
	};
	char *copy;
	const char *p;
	int parts = 0, short_parts = 0;

	if (l->words > 16)
		return 0;
	copy = xstrdup(l->s);
	for (int k = 0; seps[k]; k++) {
		char *q;

		while ((q = strstr(copy, seps[k])) != NULL) {
			memset(q, '\x01', strlen(seps[k]));
		}
	}
	p = copy;
	while (*p) {
		size_t n = strcspn(p, "\x01");

		if (n > 0) {
			size_t w = extract_words_in(p, n);

			parts += w > 0;
			short_parts += w > 0 && w <= 3;
		}
		p += n;
		p += strspn(p, "\x01");
	}
	free(copy);
	return parts >= 2 && short_parts == parts;
}

/* A section label in capitals ("TIN TỨC", "VĂN PHÒNG TỈNH UỶ"). */
static int
section_like(const struct line *l)
{
	return l->words <= 8 && extract_has_letters_no_lower(l->s);
}

/* A menu item or button label left above the headline. */
static int
nav_like(const struct line *l)
{
	return l->words <= 2 && !extract_is_sentence_end(extract_last_uc(l->s));
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

		if (l->kind == BOILER_CUT || date_is_dateline(l->s, &d) || extract_caption_like(l))
			continue;
		if (title_like(l) && !nav_bar(l) && !section_like(l))
			return 1;
	}
	return 0;
}

char *
extract_title_of_path(const char *path)
{
	const char *base = strrchr(path, '/'), *dot;
	char *t;

	base = base ? base + 1 : path;
	dot = strrchr(base, '.');
	t = xstrndup(base, dot && dot > base ? (size_t)(dot - base) : strlen(base));
	text_squeeze(t);
	if (*t == '\0') {
		free(t);
		t = xstrdup(base);
	}
	return t;
}

char *
extract_first_sentence(const char *para, size_t max_cols)
{
	size_t n = strlen(para), i = 0, end = n;
	char *sentence, *title;

	while (i < n) {
		uint32_t uc;
		int len = text_next(para + i, n - i, &uc);

		if (extract_sentence_ends_at(para, i, n)) {
			end = i;
			break;
		}
		i += (size_t)len;
	}
	sentence = xstrndup(para, end);
	for (;;) {
		size_t at;

		if (end == 0 || !extract_is_sentence_end(extract_prev_uc(sentence, end, &at)))
			break;
		sentence[end = at] = '\0';	/* a whole "…", not its last byte */
	}
	if (!extract_has_alnum(sentence)) {
		/* Marks only ("…"): the paragraph's first words instead. */
		free(sentence);
		sentence = xstrdup(para);
	}
	title = text_truncate(sentence, max_cols);
	free(sentence);
	return title;
}

/*
 * Index of the headline. Above it: navigation, section labels, the
 * page's own date (kept as the crawl date) and photo captions (kept as
 * captions: a page may open with a photo and no headline).
 */
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
		if (extract_caption_like(l)) {
			strlist_push(&a->captions, xstrdup(l->s));
			continue;
		}
		if (nav_bar(l) || (section_like(l) && title_follows(ls, i, 4)) ||
		    (nav_like(l) && title_follows(ls, i, 3)))
			continue;
		return i;
	}
	return ls->len;
}

/* Is s one of l's strings? */
static int
in_list(const struct strlist *l, const char *s)
{
	for (size_t i = 0; i < l->len; i++) {
		if (strcmp(l->items[i], s) == 0)
			return 1;
	}
	return 0;
}

/* headline: the page's headline, or NULL when the title was made from
 * the body's first line. */
static void
take_body_line(struct article *a, const struct line *l, const char *headline)
{
	struct date d;
	char *author, *source;

	if (date_is_dateline(l->s, &d)) {
		if (contains_ci(l->s, "hôm nay")) {
			if (a->crawled.prec == DATE_NONE)
				a->crawled = d;
		} else if (a->published.prec == DATE_NONE) {
			a->published = d;
		}
		return;
	}
	if (credit_parse(l->s, CREDIT_BODY, &author, &source)) {
		extract_take_credit(a, author, source);
		return;
	}
	/* A photo's credit alone ("(Ảnh minh họa: Reuters)") describes no
	 * photo; a line the article already has is a crawl's repeat (a
	 * page's captions again after its source line). */
	if (extract_photo_credit_like(l->s) || (l->words >= 5 && (in_list(&a->paras, l->s) ||
	    in_list(&a->captions, l->s))))
		return;
	if (extract_body_caption(a, l, headline)) {
		strlist_push(&a->captions, xstrdup(l->s));
	} else {
		strlist_push(&a->paras, xstrdup(l->s));
		a->words += l->words;
	}
}

/* Where the body ends: at the first trailing block (a cut line) after
 * a paragraph, or at the page's end. A cut line above any paragraph is a
 * menu item. */
static size_t
body_end(const struct lines *ls, size_t start, size_t stop)
{
	size_t body_words = 0;

	for (size_t i = start; i < stop; i++) {
		if (ls->v[i].kind == BOILER_CUT && body_words >= CUT_MIN_WORDS)
			return i;
		if (ls->v[i].words >= CUT_MIN_WORDS)
			body_words = ls->v[i].words;
	}
	return stop;
}

/* Is l, after a bare "Clip:" label, the title of the clip: a short line
 * that is no byline? */
static int
clip_title(const struct line *l)
{
	char *author, *source;
	int credit;

	/* "Từ số nhà 954 ... có vết đục, khoét.": a sentence is the body's. */
	if (l->kind != BOILER_NONE || paragraph_like(l) || extract_ends_sentence(l->s))
		return 0;
	credit = credit_parse(l->s, CREDIT_END, &author, &source);
	free(author);
	free(source);
	return !credit;
}

/*
 * A photo story: three captions or more, twice the paragraphs or more
 * ("Chùm ảnh", a gallery whose every photo's text ends "Ảnh: Military
 * Today"). There the captions are the story: back into the body, each
 * where it stood. An article with a photo for every other paragraph
 * keeps its captions apart. at[i] is how many paragraphs came
 * before caption i.
 */
/* Where the captions taken since the last call stand: after how many
 * paragraphs. Captions from above the headline stand before them all. */
static void
note_caption_places(const struct article *a, size_t **at, size_t *placed)
{
	if (a->captions.len == *placed)
		return;
	*at = xrealloc(*at, a->captions.len * sizeof **at);
	while (*placed < a->captions.len)
		(*at)[(*placed)++] = a->paras.len;
}

static void
keep_photo_story(struct article *a, const size_t *at)
{
	struct strlist body = { NULL, 0, 0 };
	size_t p = 0;

	if (a->captions.len < 3 || a->captions.len < 2 * a->paras.len)
		return;
	for (size_t c = 0; c < a->captions.len; c++) {
		while (p < at[c])
			strlist_push(&body, a->paras.items[p++]);
		strlist_push(&body, a->captions.items[c]);
		a->words += text_words(a->captions.items[c]);
	}
	while (p < a->paras.len)
		strlist_push(&body, a->paras.items[p++]);
	free(a->paras.items);
	a->paras = body;
	a->captions.len = 0;
}

/* extract_article(), or with the title known (title not NULL): then
 * every line of text is the body's. */
static int
extract_from(const struct boiler *bp, const char *text, const char *title, struct article *a)
{
	struct lines ls = { NULL, 0, 0 };
	size_t t = 0, start, end, lead, lead_end, placed = 0, *at = NULL;
	const char *echo = NULL;	/* the title, if the body may repeat it */

	extract_read_lines(bp, text, &ls);
	if (title != NULL) {
		/* A body that opens with its title again drops it
		 * (take_body_line), as a page's does. */
		a->title = xstrdup(title);
		echo = a->title;
		start = 0;
		if (ls.len == 0)
			goto empty;
	} else if ((t = find_title(&ls, a)) == ls.len) {
		goto empty;
	} else if (headline_like(&ls.v[t])) {
		a->title = xstrdup(ls.v[t].s);
		echo = a->title;
		start = t + 1;
	} else {
		a->title = extract_first_sentence(ls.v[t].s, DERIVED_TITLE_COLS);
		start = t;
	}
	/* The page's last line, else the body's. */
	lead_end = ls.len;
	lead = extract_tail_lead(&ls, start, lead_end);
	end = body_end(&ls, start, lead);
	if (lead == lead_end) {
		lead_end = end;
		end = lead = extract_tail_lead(&ls, start, end);
	}
	note_caption_places(a, &at, &placed);
	for (size_t i = start; i < end; i++) {
		const struct line *l = &ls.v[i];

		/* Cut lines above the body (menu items) and labels ("Video:
		 * ...") are no text; a bare "Clip:" labels the line after it,
		 * the title of a clip that is not on the page, and "Nên đọc"
		 * the headline of another article. */
		if (l->kind == BOILER_LABEL && (extract_last_uc(l->s) == ':' || l->words <= 2) &&
		    i + 1 < end && clip_title(&ls.v[i + 1]))
			i++;
		if (l->kind == BOILER_CUT || l->kind == BOILER_LABEL)
			continue;
		take_body_line(a, l, echo);
		note_caption_places(a, &at, &placed);
	}
	keep_photo_story(a, at);
	free(at);
	if (lead != lead_end)
		extract_place_lead(a, &ls, lead, lead_end);
	extract_take_trailer(a);
	extract_take_lead_tag(a);
	extract_drop_section_bylines(a);
	if (a->paras.len == 0)
		goto empty;
	extract_lines_free(&ls);
	return 0;
empty:
	extract_lines_free(&ls);
	article_free(a);
	return -1;
}

int
extract_article(const struct boiler *bp, const char *text, struct article *a)
{
	return extract_from(bp, text, NULL, a);
}

int
extract_body(const struct boiler *bp, const char *title, const char *text, struct article *a)
{
	return extract_from(bp, text, title, a);
}

/* Whether the line s..e holds more than spaces. */
static int
line_has_text(const char *s, const char *e)
{
	for (; s < e; s++) {
		if (*s != ' ' && *s != '\t' && *s != '\r')
			return 1;
	}
	return 0;
}

/* Where a text of len bytes (more than max) is cut: at the last line break
 * before max, else at the last space, else at a character's start. */
static size_t
cut_at_bytes(const char *text, size_t max)
{
	size_t at = max;

	while (at > 0 && text[at - 1] != '\n')
		at--;
	if (at > 0)
		return at;
	for (at = max; at > 0 && text[at - 1] != ' '; at--)
		;
	if (at > 0)
		return at;
	for (at = max; at > 0 && ((unsigned char)text[at] & 0xC0) == 0x80; at--)
		;
	return at;
}

size_t
extract_cut(const char *text, size_t len, const struct extract_limits *lim,
    enum extract_cut_kind *why)
{
	size_t paras = 0;
	const char *s = text, *end = text + len;

	*why = EXTRACT_WHOLE;
	while (s < end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		const char *e = nl ? nl : end;

		if ((size_t)(e - text) > lim->bytes) {
			*why = EXTRACT_CUT_BYTES;
			return cut_at_bytes(text, lim->bytes);
		}
		if (line_has_text(s, e) && ++paras > lim->paras) {
			*why = EXTRACT_CUT_PARAS;
			return (size_t)(s - text);
		}
		s = nl ? nl + 1 : end;
	}
	return len;
}

int
extract_body_within(const struct boiler *bp, const char *title, char *text,
    const struct extract_limits *lim, struct article *a, enum extract_cut_kind *why)
{
	size_t len = strlen(text), keep = extract_cut(text, len, lim, why);

	text[keep] = '\0';
	if (extract_from(bp, text, title, a) < 0)
		return -1;
	if (*why == EXTRACT_CUT_PARAS)
		strlist_push(&a->paras, xasprintf(_("[luot cut the article here: its page has more "
		    "than %zu paragraphs (import --max-paragraphs).]"), lim->paras));
	else if (*why == EXTRACT_CUT_BYTES)
		strlist_push(&a->paras, xasprintf(_("[luot cut the article here: its page has more "
		    "than %zu bytes of text (import --max-text).]"), lim->bytes));
	return 0;
}

int
extract_article_within(const struct boiler *bp, char *text, const struct extract_limits *lim,
    struct article *a, enum extract_cut_kind *why)
{
	return extract_body_within(bp, NULL, text, lim, a, why);
}
