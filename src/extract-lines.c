/*
 * extract-lines.c: the page read into lines (see extract-int.h). Each
 * line of the page is squeezed and freed of glued junk; lines that a
 * crawler broke in mid-sentence are joined again, and text that was run
 * together ("nổi bậtNăm qua", "nhân dân.Trên cơ sở") is split apart.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "credit.h"
#include "extract.h"
#include "extract-int.h"
#include "text.h"
#include "util.h"

/* A text glued to a heading before it is a paragraph: this many words. */
#define GLUE_MIN_WORDS 10
/* A line this short after one that ends in a space continues it (the
 * text of a link the crawler put on a line of its own). */
#define LINK_MAX_WORDS 8

static void
lines_push(struct lines *l, char *s, enum boiler_kind kind, int gap, size_t raw)
{
	if (l->len == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
	l->v[l->len].s = s;
	l->v[l->len].kind = kind;
	l->v[l->len].words = text_words(s);
	l->v[l->len].gap = gap;
	l->v[l->len].raw = raw;
	l->len++;
}

void
extract_lines_free(struct lines *l)
{
	for (size_t i = 0; i < l->len; i++)
		free(l->v[i].s);
	free(l->v);
}

/* Words in s from byte i to its end. */
static size_t
words_from(const char *s, size_t i)
{
	return text_words(s + i);
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
	size_t start, letters = extract_word_before(s, i, &start), j = start;
	int ascii = 1;
	uint32_t first = 0;

	while (j < i) {
		uint32_t uc;

		j += (size_t)text_next(s + j, i - j, &uc);
		if (first == 0)
			first = uc;
		if (uc >= 0x80)
			ascii = 0;
	}
	return letters >= 2 && (text_is_lower(first) || !ascii);
}

/* Does the second word of s start with a small letter? */
static int
second_word_lower(const char *s)
{
	const char *sp = strchr(s, ' ');
	uint32_t uc = 0;

	if (sp != NULL && sp[1] != '\0')
		text_next(sp + 1, strlen(sp + 1), &uc);
	return text_is_lower(uc);
}

/*
 * A sentence glued to the one before it: the marks at byte i (".",
 * "...", "?") end it. They do after a small letter or a digit ("dân.Trên",
 * "2017.Hiện") or after capitals that are no abbreviation ("DN.Nhìn");
 * never after an abbreviation or an initial ("Mr.Đàm", "N.Mạnh",
 * "TS.Hoàng").
 */
static int
glued_sentence_at(const char *s, size_t i)
{
	size_t j = i, start, dots = 0;
	uint32_t before;

	while (j > 0) {
		size_t k;
		uint32_t uc = extract_prev_uc(s, j, &k);

		if (!extract_is_sentence_end(uc))
			break;
		dots += uc == '.' ? 1 : uc == 0x2026 ? 3 : 0;
		j = k;
	}
	if (j == i || j == 0 || dots > 5)
		return 0;	/* "Tín chủ con là…………Tuổi": a form's dot leaders */
	if (words_from(s, i) < 3)
		return 0;	/* "máu...Cristiano Ronaldo": a name, not a sentence */
	if (strncmp(s + i, "\xe1\xba\xa2nh", 5) == 0 && (s[i + 5] == ':' || s[i + 5] == ' '))
		return 0;	/* "... năm 2016.Ảnh: Doãn Tuấn": a caption's credit */
	before = extract_prev_uc(s, j, &start);
	if (extract_is_closing_quote(before) || before == ')') {
		/* "... là “mẹ hai con”.Lưu Hương Giang": the quote closed
		 * the sentence's last word. */
		before = extract_prev_uc(s, start, &start);
		return text_is_lower(before) || (before >= '0' && before <= '9');
	}
	if (before >= '0' && before <= '9')
		return 1;
	if (!text_is_letter(before) || (s[j] == '.' && j + 1 == i && extract_after_abbrev(s, j)))
		return 0;
	/* Capitals before the period ("DN.Nhìn chung") end a sentence only
	 * after one, and before a word that is no name ("XSKT.Cần Thơ",
	 * "SHB.Đà Nẵng" are names). */
	return text_is_lower(before) || (extract_word_before(s, j, &start) >= 2 &&
	    extract_words_in(s, j) >= 3 && second_word_lower(s + i));
}

size_t
extract_unglue(const char *line, struct strlist *out)
{
	size_t n = strlen(line), i = 0, from = 0, pieces = 0;
	uint32_t p1 = 0, cur, next = 0;	/* p1 cur next, in order */
	int len = 1, next_len = 0;

	if (n > 0)
		len = text_next(line, n, &cur);
	while (i < n) {
		if (i + (size_t)len < n)
			next_len = text_next(line + i + len, n - i - (size_t)len, &next);
		else
			next = 0;
		/* A heading glued to its paragraph ("nổi bậtNăm qua, ...") is
		 * a few words before a paragraph; a brand ("ChợTốt", "easyJet")
		 * or a typo ("ôngTrump") is not followed by one. */
		if (text_is_upper(cur) && text_is_lower(next) && i > from &&
		    ((text_is_lower(p1) && glue_left_ok(line, i) &&
			extract_words_in(line + from, i - from) >= 2 &&
			words_from(line, i) >= GLUE_MIN_WORDS) ||
		    (extract_is_sentence_end(p1) && glued_sentence_at(line, i)))) {
			strlist_push(out, xstrndup(line + from, i - from));
			pieces++;
			from = i;
		}
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

/* The longest line that lines broken by a crawler are joined into. */
#define JOIN_MAX_BYTES (32u << 10)

/* A line of the page as read, before joining and splitting. */
struct raw {
	char *s;		/* squeezed, glued junk stripped */
	size_t len;		/* strlen(s) */
	int lead, trail;	/* it began, or ended, with a space */
	int gap;		/* blank lines before it */
	int junk;		/* a pattern matched it, or it is a related link;
				 * -1 until is_junk() is asked */
};

/* ">> Xem thêm ...", "-> Mua vé ...": a link to another article. */
static int
related_link(const char *s)
{
	return strncmp(s, ">>", 2) == 0 || strncmp(s, "->", 2) == 0 || strncmp(s, "=>", 2) == 0 ||
	    strncmp(s, "\xe2\x96\xba", 3) == 0 ||	/* ► */
	    strncmp(s, "\xe2\x86\x92 ", 4) == 0;	/* → */
}

/* Does a pattern match r, or is it a related link? Matched once, when a
 * join asks: most lines end a sentence and are never asked. */
static int
is_junk(const struct boiler *bp, struct raw *r)
{
	if (r->junk < 0)
		r->junk = related_link(r->s) || boiler_match(bp, r->s) != BOILER_NONE;
	return r->junk;
}

/* Does s open with a quote that closes the line before ("\" - ông nói",
 * "”, bà Hoa nói"): a quote mark then a space, a mark or nothing? */
static int
closing_quote_at(const char *s)
{
	uint32_t q, after = 0;
	int len = *s ? text_next(s, strlen(s), &q) : 0;

	if (len == 0 || !extract_is_closing_quote(q))
		return 0;
	if (s[len])
		text_next(s + len, strlen(s + len), &after);
	return after == 0 || after == ' ' || after == ',' || after == '.' || after == ';';
}

/* A lone quote or period that a crawler put between two halves of a
 * sentence (a rule of underscores is no such thing). */
static int
stray_mark(const char *s)
{
	return !extract_has_alnum(s) && strlen(s) <= 4 &&
	    strspn(s, "\"'.,:;!?() \xe2\x80\x9c\x9d\xa6") == strlen(s);
}

/* Has the first word of s a capital after its first letter ("iPhone",
 * "eVisa")? Such a word starts a sentence as well as any. */
static int
inner_capital(const char *s)
{
	size_t n = strcspn(s, " "), i = 0;
	uint32_t uc;

	if (n == 0)
		return 0;
	i += (size_t)text_next(s, n, &uc);
	while (i < n) {
		i += (size_t)text_next(s + i, n - i, &uc);
		if (text_is_upper(uc))
			return 1;
	}
	return 0;
}

/* Does s end with a word or mark that a name must follow ("Theo", "của
 * tờ", "như:", a comma)? */
static int
wants_more(const char *s)
{
	static const char *const words[] = {
		"theo", "của", "tờ", "báo", "trang", "như", "là", "và", "với", "cho", "tại",
		"từ", "về", "gọi", "tên", "ông", "bà", "anh", "chị", "hãng", "đài",
		/* a title or role: "Bác sĩ", "Luật sư", "Giám đốc", "Bộ trưởng" */
		"sĩ", "sư", "viên", "giả", "đốc", "trưởng", "tịch", "tá", "tướng", NULL
	};
	size_t n = strlen(s), start;
	uint32_t last = extract_last_uc(s);
	char *w;
	int r = 0;

	if (last == ',' || last == ':' || last == ';')
		return 1;
	if (extract_word_before(s, n, &start) == 0)
		return 0;
	w = text_lower(s + start);
	for (int i = 0; words[i] && !r; i++)
		r = strcmp(w, words[i]) == 0;
	free(w);
	return r;
}

/* "7. KamAZ-5350, Nga", "• U18 quốc tế": an item of a numbered or bulleted
 * list, which starts a line even after the crawler's space. A dash is
 * no such mark: " - U23 Malaysia" goes on with "U23 Việt Nam". */
static int
numbered_item(const char *s)
{
	size_t digits = strspn(s, "0123456789");

	return strncmp(s, "\xe2\x80\xa2", 3) == 0 ||
	    (digits > 0 && digits <= 3 && (s[digits] == '.' || s[digits] == ')') && s[digits + 1] == ' ');
}

/* "2017 tại thị trường Philippines...": a number and a small word, after
 * a line the crawler left open ("... của Chevrolet Spark "). A subhead
 * ("Người tuổi Tuất ") is short and stands alone. */
static int
number_goes_on(const char *s)
{
	size_t digits = strspn(s, "0123456789");

	return digits > 0 && s[digits] == ' ' && text_is_lower(extract_first_uc(s + digits + 1));
}

/* Does s open as the rest of a sentence: a small letter (not an item
 * of a list, not "iPhone"), or a mark that follows a word? */
static int
opens_mid_sentence(const char *s)
{
	uint32_t first = extract_first_uc(s);

	if (text_is_lower(first))
		return !inner_capital(s) && !extract_list_item(s);
	return first != 0 && first < 0x80 && strchr(",.;:)]!?", (int)first) != NULL;
}

/* Lines that each open with a space and a capital, one after another,
 * are rows: a gallery's captions, a table, verse. */
static int
row_like(const struct raw *r)
{
	return r != NULL && r->lead && r->gap == 0 && text_is_upper(extract_first_uc(r->s));
}

/* Does line c go on with the link text above it: a space then a small
 * letter (" và Phú Quý") or a bracket (" (10/1 âm lịch), ..."), or a comma
 * (", ông Nam")? After a label ("Sân" ": Stadio Olimpico") comes a colon. */
static int
continued_by(const struct raw *c)
{
	uint32_t first = extract_first_uc(c->s);

	if (c->lead && first == '(') {
		/* Not a bracket that is all the line: "(Trithucthoidai)"
		 * after a byline is its source. */
		const char *close = strchr(c->s, ')');

		return close != NULL && close[strspn(close + 1, " ") + 1] != '\0';
	}
	if (c->lead)
		return text_is_lower(first) && !extract_list_item(c->s);
	return first == ',' || first == ';' || first == ')';
}

/* Does s end with a quote that opens ("cho biết: “", "nói: \"")? */
static int
opening_quote_end(const char *s)
{
	size_t n = strlen(s), start;
	uint32_t last = extract_last_uc(s);

	return last == 0x201C || (last == '"' && n >= 2 && extract_prev_uc(s, n - 1, &start) == ' ');
}

/*
 * Is b who said the quotation that a ends with ("...đã thấy”." " Phi
 * Thanh Vân cho biết.")? A short clause with a verb of saying.
 */
static int
quote_then_said(const char *a, const char *b)
{
	static const char *const verbs[] = {
		" cho biết", " nói", " chia sẻ", " khẳng định", " cho hay", " kể", " tâm sự",
		" bày tỏ", " nhấn mạnh", " giải thích", " thừa nhận", NULL
	};
	size_t start;
	uint32_t last = extract_prev_uc(a, strlen(a), &start);
	uint32_t before = extract_prev_uc(a, start, &start);
	int r = 0;

	if (text_words(b) > 10 || !extract_ends_sentence(b))
		return 0;
	if (!((last == '.' && extract_is_closing_quote(before)) ||
	    (extract_is_closing_quote(last) && before == '.')))
		return 0;
	for (int k = 0; verbs[k] && !r; k++)
		r = strstr(b, verbs[k]) != NULL;
	return r;
}

/* Does s end with a title's abbreviation that a name follows ("BS. "
 * "Hoàng Thuần", "PGS.TS. ")? Only a line of a word or two: a sentence
 * may well end with "TP.". */
static int
title_abbrev_end(const char *s)
{
	size_t n = strlen(s), start;

	return n > 1 && s[n - 1] == '.' && text_words(s) <= 2 &&
	    extract_word_before(s, n - 1, &start) >= 2 && extract_after_abbrev(s, n - 1);
}

/* Does s end with a word in small letters ("thiên tình sử", not a
 * caption's "Ảnh. Otofun")? */
static int
last_word_lower(const char *s)
{
	size_t start;

	extract_word_before(s, strlen(s), &start);
	return text_is_lower(extract_first_uc(s + start));
}

/*
 * Is b a link's text that a's sentence runs into, whatever its case and
 * length: a is a sentence that goes on (a space at its end, or many
 * words), and the line after b goes on with b's sentence (" và Phú Quý
 * ...", ", ông Nam ...", " năm 1998.")? A subhead ("Thông tin lực
 * lượng") is short and ends with no space.
 */
static int
link_between(const struct boiler *bp, const struct raw *a, const struct raw *b, struct raw *c)
{
	if (c == NULL || c->gap != 0 || b->trail || !continued_by(c))
		return 0;
	if (!a->trail && (text_words(a->s) <= 12 || !last_word_lower(a->s)))
		return 0;
	return text_words(b->s) <= 20 && !extract_ends_sentence(b->s) &&
	    extract_last_mark(a->s) != ':' && !is_junk(bp, c);
}

/*
 * Does a end where its sentence must go on: an opening quote ("cho biết
 * thêm: “"), or a comma? After a comma, a capitalised line that ends as a
 * sentence or a clause starts afresh: verse ("Biến khắp mười phương
 * giới," "Trong có vô biên Phật,"), a letter's "Bạn thân mến,", a
 * caption's last words; so does a heading in capitals ("QUYẾT ĐỊNH:").
 */
static int
left_open(const struct raw *a, const struct raw *b)
{
	uint32_t last = extract_last_uc(a->s);

	if (opening_quote_end(a->s))
		return 1;
	if (last != ',' || extract_list_marker(b->s) || extract_has_letters_no_lower(b->s))
		return 0;
	return !text_is_upper(extract_first_uc(b->s)) ||
	    (extract_last_uc(b->s) != ',' && !extract_ends_sentence(b->s));
}

/* Does s end with a photo credit's mark and no name: "... Ảnh:"? */
static int
credit_mark_end(const char *s)
{
	size_t n = strlen(s);

	while (n > 0 && s[n - 1] == ' ')
		n--;
	if (n < 6 || s[n - 1] != ':')
		return 0;
	n--;
	while (n > 0 && s[n - 1] == ' ')
		n--;
	return n >= 5 && (memcmp(s + n - 5, "\xe1\xba\xa2nh", 5) == 0 ||
	    memcmp(s + n - 5, "\xe1\xba\xa3nh", 5) == 0) && (n == 5 || s[n - 6] == ' ' || s[n - 6] == '.');
}

/*
 * "Asia's Next Top Model" "- siêu mẫu Thái Lan ... khoe ảnh", "“... lúc
 * đó có cứu vớt cũng muộn”" "– chị Thúy chia sẻ.": a dash and a small
 * letter go on with the line above (a name's apposition, who spoke). An
 * item of a list follows a colon, a semicolon or another item.
 */
static int
dash_goes_on(const char *a, const char *b)
{
	uint32_t mark = extract_last_mark(a);
	size_t n = strncmp(b, "\xe2\x80\x93 ", 4) == 0 ? 4 : strncmp(b, "- ", 2) == 0 ? 2 : 0;

	return n > 0 && text_is_lower(extract_first_uc(b + n)) && mark != ':' && mark != ';' &&
	    !extract_list_marker(a);
}

/*
 * Did the crawler break one sentence over lines a and b (adjacent, no
 * blank line; c is the line after b, or NULL)? It puts the text of an
 * inline link or a quotation on a line of its own: the line before ends
 * with a space or a comma, or the next begins with one, with a small
 * letter, with a comma or a closing quote. A byline after the body's last
 * line is never its continuation.
 */
static int
continues(const struct boiler *bp, struct raw *a, struct raw *b, struct raw *c)
{
	uint32_t first = extract_first_uc(b->s);
	char *au = NULL, *so = NULL;
	int byline;

	/* "Bí thư phát biểu tại hội nghị." "Ảnh: Văn Điệp": one caption;
	 * but a photo credit under the byline is the byline's neighbour.
	 * No broken sentence makes a paragraph of JOIN_MAX_BYTES: past that
	 * it is a page of short lines, and joining them all would read and
	 * copy the growing line at every one. */
	if (b->gap > 0 || a->len > JOIN_MAX_BYTES)
		return 0;
	if (dash_goes_on(a->s, b->s))
		return 1;
	/* "... chủ nhân của chú cá. Ảnh:" " NBC News.": the credit's name
	 * on a line of its own. */
	if (credit_mark_end(a->s) && text_words(b->s) <= 5)
		return 1;
	if (extract_photo_credit_like(b->s) && !is_junk(bp, a) && text_words(a->s) <= 40 &&
	    extract_has_alnum(a->s)) {
		int signed_a = credit_parse(a->s, CREDIT_END, &au, &so);

		free(au);
		free(so);
		au = so = NULL;
		if (!signed_a)
			return 1;
		return 0;	/* the byline's neighbour */
	}
	if (b->lead && quote_then_said(a->s, b->s))
		return 1;
	if ((extract_ends_sentence(a->s) && !title_abbrev_end(a->s)) || is_junk(bp, a) || is_junk(bp, b))
		return 0;
	if (extract_last_uc(a->s) == '(')
		return 1;	/* "Hòa Lê (" "T/h" ")" */
	if (!extract_has_alnum(a->s) || !extract_has_alnum(b->s))
		return stray_mark(a->s) || stray_mark(b->s);
	if (title_abbrev_end(a->s) || link_between(bp, a, b, c) ||
	    (first == '/' && text_words(b->s) <= 6))	/* "Minh Thà" "/KD&PL" */
		return 1;
	byline = credit_parse(b->s, CREDIT_END, &au, &so);
	free(au);
	free(so);
	/* A name after the body's last line is a byline; after "Theo ",
	 * "của tờ ", "như: " it is the rest of the sentence. */
	if (byline && (!a->trail || !wants_more(a->s) || strchr(b->s, ':') != NULL))
		return 0;
	if (left_open(a, b))
		return 1;
	if (opens_mid_sentence(b->s) || (a->trail && text_words(a->s) > 5 && number_goes_on(b->s)))
		return 1;
	if (text_is_lower(first) && !inner_capital(b->s))
		return 0;	/* "b) ...": an item of a list */
	if (closing_quote_at(b->s))
		return 1;
	if (b->lead && !numbered_item(b->s) && !((row_like(a) || row_like(c)) && text_is_upper(first)))
		return 1;
	return a->trail && text_words(b->s) < LINK_MAX_WORDS;
}

/* b appended to a, with a space unless b starts with a mark that
 * follows its word. */
static void
join_raw(struct raw *a, struct raw *b)
{
	uint32_t first = extract_first_uc(b->s), last = extract_last_uc(a->s);
	int tight = (first < 0x80 && strchr(",.;:)]!?/", (int)first) != NULL) ||
	    closing_quote_at(b->s) || (!extract_has_alnum(b->s) && first != '(') ||
	    !extract_has_alnum(a->s) || opening_quote_end(a->s) || last == '(';
	char *s = xasprintf("%s%s%s", a->s, tight ? "" : " ", b->s);

	free(a->s);
	a->s = s;
	a->len = strlen(s);
	a->trail = b->trail;
	a->junk = 0;
	free(b->s);
	b->s = NULL;
}

/* The page's lines, each squeezed and stripped of glued junk, with the
 * blank lines before it counted. */
static struct raw *
read_raw(const struct boiler *bp, const char *text, size_t *count)
{
	struct raw *v = NULL;
	size_t len = 0, cap = 0;
	int gap = 0;
	const char *p = text;

	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		char *s = xstrndup(p, n);
		int lead = n > 0 && (p[0] == ' ' || p[0] == '\t');
		int trail = n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t');
		int spaces = n > 0 && strspn(p, " \t") >= n;

		p = nl ? nl + 1 : p + n;
		text_squeeze(s);
		boiler_strip(bp, s);
		if (*s == '\0') {
			/* A line of spaces is what a crawler left of a tag, not
			 * a break ("Tuy" " " "nhiên ..."). */
			gap += !spaces;
			free(s);
			continue;
		}
		if (len == cap) {
			cap = cap ? cap * 2 : 64;
			v = xrealloc(v, cap * sizeof *v);
		}
		v[len].s = s;
		v[len].len = strlen(s);
		v[len].lead = lead;
		v[len].trail = trail;
		v[len].gap = gap;
		v[len].junk = -1;
		len++;
		gap = 0;
	}
	*count = len;
	return v;
}

/* Read the page into lines: broken sentences joined, glued junk removed,
 * unglued, drop patterns applied. */
void
extract_read_lines(const struct boiler *bp, const char *text, struct lines *out)
{
	struct strlist pieces;
	size_t n, last = 0;
	struct raw *raw = read_raw(bp, text, &n);
	int head = 1;

	for (size_t i = 1; i < n; i++) {
		/* The first line of a few words may be the headline, which
		 * no crawler breaks: the lead under it may well start with a
		 * small letter where the crawl lost its first word. */
		if (head && !is_junk(bp, &raw[last]) && text_words(raw[last].s) >= 3)
			head = 0;
		else if (raw[last].s != NULL &&
		    continues(bp, &raw[last], &raw[i], i + 1 < n ? &raw[i + 1] : NULL)) {
			join_raw(&raw[last], &raw[i]);
			continue;
		}
		last = i;
	}
	strlist_init(&pieces);
	for (size_t r = 0; r < n; r++) {
		int gap = raw[r].gap;

		if (raw[r].s == NULL)
			continue;
		strip_orphan_mark(raw[r].s);
		if (related_link(raw[r].s)) {
			free(raw[r].s);
			continue;
		}
		extract_unglue(raw[r].s, &pieces);
		free(raw[r].s);
		for (size_t i = 0; i < pieces.len; i++) {
			char *s = pieces.items[i];
			enum boiler_kind k;

			pieces.items[i] = NULL;
			boiler_strip(bp, s);
			k = extract_has_alnum(s) ? boiler_match(bp, s) : BOILER_DROP;
			if (k == BOILER_DROP) {
				free(s);
			} else {
				lines_push(out, s, k, gap, r);
				gap = 0;
			}
		}
		pieces.len = 0;
	}
	strlist_free(&pieces);
	free(raw);
}
