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

#include "credit.h"
#include "extract.h"
#include "i18n.h"
#include "text.h"

/* Longest title we make from a first sentence, in columns. */
#define DERIVED_TITLE_COLS 100
/* A paragraph has this many words at least before a trailing block may cut. */
#define CUT_MIN_WORDS 8
/* A headline has at most this many words; a first line without a final
 * period up to here is one, however long (the list cuts it, not us). */
#define HEADLINE_MAX_WORDS 80
/* A text glued to a heading before it is a paragraph: this many words. */
#define GLUE_MIN_WORDS 10
/* A line this short after one that ends in a space continues it (the
 * text of a link the crawler put on a line of its own). */
#define LINK_MAX_WORDS 8
/* The last paragraphs looked at for a byline or source. */
#define TRAILER_LINES 4

struct line {
	char *s;
	enum boiler_kind kind;	/* BOILER_NONE, BOILER_LABEL, or BOILER_CUT */
	size_t words;
	int gap;		/* blank lines before it */
	size_t raw;		/* the page's line it was split from */
};

struct lines {
	struct line *v;
	size_t len, cap;
};

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

/* Words in s from byte i to its end. */
static size_t
words_from(const char *s, size_t i)
{
	return text_words(s + i);
}

/* Words in the n bytes at s. */
static size_t
words_in(const char *s, size_t n)
{
	char *t = xstrndup(s, n);
	size_t w = text_words(t);

	free(t);
	return w;
}

/*
 * Words a period follows without ending a sentence: titles, degrees,
 * abbreviated places and names ("TS. Hoàng", "Mr.Đàm", "Atl.Madrid",
 * "TP.HCM", "St.Petersburg"). A single letter is an initial ("N.Mạnh",
 * "A. Cô-bi-a-cốp") and needs no entry.
 */
static const char *const abbrevs[] = {
	"Mr", "Mrs", "Ms", "Dr", "St", "Atl", "Jr", "Sr", "Inc", "Ltd", "Co", "Corp",
	"Mt", "vs", "No", "TS", "ThS", "PGS", "GS", "BS", "KS", "TP", "Tp", "TT", "TX",
	"Th", "Tr", "Ch", "Ph", "NSƯT", "NSND", "NXB", "ĐH", "CĐ", "Q", "P", "Man",
	"Fr", "Prof", "Gen", "Col", "Lt", "Sgt", "Rev", "Hon", "Ths", "Ts", "Bs", NULL
};

/* The run of letters that ends at byte i of s: its start, and how many. */
static size_t
word_before(const char *s, size_t i, size_t *start)
{
	size_t letters = 0;

	*start = i;
	while (*start > 0) {
		size_t j;
		uint32_t uc = prev_uc(s, *start, &j);

		if (!text_is_letter(uc))
			break;
		letters++;
		*start = j;
	}
	return letters;
}

/* Does the period at byte i of s follow an abbreviation or an initial,
 * so that it ends no sentence? */
static int
after_abbrev(const char *s, size_t i)
{
	size_t start, letters = word_before(s, i, &start);

	if (letters == 1)
		return 1;
	for (int k = 0; abbrevs[k]; k++) {
		if (strlen(abbrevs[k]) == i - start && strncmp(s + start, abbrevs[k], i - start) == 0)
			return 1;
	}
	return 0;
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
	size_t start, letters = word_before(s, i, &start), j = start;
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

static int
is_closing_quote(uint32_t uc)
{
	return uc == '"' || uc == '\'' || uc == 0x201D || uc == 0x2019 || uc == 0xBB;
}

static int
is_sentence_end(uint32_t uc)
{
	return uc == '.' || uc == '!' || uc == '?' || uc == 0x2026;
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
		uint32_t uc = prev_uc(s, j, &k);

		if (!is_sentence_end(uc))
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
	before = prev_uc(s, j, &start);
	if (is_closing_quote(before) || before == ')') {
		/* "... là “mẹ hai con”.Lưu Hương Giang": the quote closed
		 * the sentence's last word. */
		before = prev_uc(s, start, &start);
		return text_is_lower(before) || (before >= '0' && before <= '9');
	}
	if (before >= '0' && before <= '9')
		return 1;
	if (!text_is_letter(before) || (s[j] == '.' && j + 1 == i && after_abbrev(s, j)))
		return 0;
	/* Capitals before the period ("DN.Nhìn chung") end a sentence only
	 * after one, and before a word that is no name ("XSKT.Cần Thơ",
	 * "SHB.Đà Nẵng" are names). */
	return text_is_lower(before) ||
	    (word_before(s, j, &start) >= 2 && words_in(s, j) >= 3 && second_word_lower(s + i));
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
			words_in(line + from, i - from) >= 2 && words_from(line, i) >= GLUE_MIN_WORDS) ||
		    (is_sentence_end(p1) && glued_sentence_at(line, i)))) {
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

/* A line of the page as read, before joining and splitting. */
/* The longest line that lines broken by a crawler are joined into. */
#define JOIN_MAX_BYTES (32u << 10)

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

static uint32_t
first_uc(const char *s)
{
	uint32_t uc = 0;

	if (*s)
		text_next(s, strlen(s), &uc);
	return uc;
}

/* Last code point of s, or 0. */
static uint32_t
last_uc(const char *s)
{
	size_t start;

	return prev_uc(s, strlen(s), &start);
}

/* Does s open with a quote that closes the line before ("\" - ông nói",
 * "”, bà Hoa nói"): a quote mark then a space, a mark or nothing? */
static int
closing_quote_at(const char *s)
{
	uint32_t q, after = 0;
	int len = *s ? text_next(s, strlen(s), &q) : 0;

	if (len == 0 || !is_closing_quote(q))
		return 0;
	if (s[len])
		text_next(s + len, strlen(s + len), &after);
	return after == 0 || after == ' ' || after == ',' || after == '.' || after == ';';
}

/* The last code point of s before its closing quotes and brackets, or 0. */
static uint32_t
last_mark(const char *s)
{
	size_t i = strlen(s);

	while (i > 0) {
		size_t j;
		uint32_t uc = prev_uc(s, i, &j);

		if (!is_closing_quote(uc) && uc != ')')
			return uc;
		i = j;
	}
	return 0;
}

/* Does s end a sentence, closing quotes and brackets aside? */
static int
ends_sentence(const char *s)
{
	return is_sentence_end(last_mark(s));
}

/* A lone quote or period that a crawler put between two halves of a
 * sentence (a rule of underscores is no such thing). */
static int
stray_mark(const char *s)
{
	return !has_alnum(s) && strlen(s) <= 4 &&
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

/* "a) ", "b. ": an item of a list, not the rest of a sentence. */
static int
list_item(const char *s)
{
	size_t i = 0;
	uint32_t uc;

	i += (size_t)text_next(s, strlen(s), &uc);
	return text_is_letter(uc) && (s[i] == ')' || s[i] == '.') && s[i + 1] == ' ';
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
	uint32_t last = last_uc(s);
	char *w;
	int r = 0;

	if (last == ',' || last == ':' || last == ';')
		return 1;
	if (word_before(s, n, &start) == 0)
		return 0;
	w = text_lower(s + start);
	for (int i = 0; words[i] && !r; i++)
		r = strcmp(w, words[i]) == 0;
	free(w);
	return r;
}

/* "Ảnh: Quang Hiếu", "Ảnh minh họa", "- Ảnh cắt từ clip." alone after
 * the body: a credit of a photo that is not on the page. */
static int
photo_credit_like(const char *s)
{
	static const char *const heads[] = { "ảnh:", "ảnh :", "(ảnh", "ảnh minh họa", "ảnh minh hoạ",
		"nguồn ảnh:", NULL };
	char *low;
	int r = 0;

	/* Every body line asks: the words first, then only the line's
	 * start is lowered (lowering whole paragraphs was a tenth of the
	 * extraction). */
	if ((s[0] != '(' && s[0] != '-' && (unsigned char)s[0] < 0x80 && s[0] != 'N' && s[0] != 'n') ||
	    text_words(s) > 8)
		return 0;
	if (s[0] == '-' && s[1] == ' ')
		s += 2;
	low = text_lower_n(s, 24);
	for (int i = 0; heads[i] && !r; i++)
		r = strncmp(low, heads[i], strlen(heads[i])) == 0;
	/* "Ảnh Internet", "Ảnh cắt từ clip", not "Ảnh hưởng của bão". */
	if (!r && strncmp(low, "\xe1\xba\xa3nh ", 6) == 0)
		r = credit_photo(s + 6);
	free(low);
	return r;
}

/* Letters, two capitals at least and no small one ("QUYẾT ĐỊNH"). */
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

/* "- ", "+ ", "• ", "1. ", "a) ": an item of a list. */
static int
list_marker(const char *s)
{
	size_t digits = strspn(s, "0123456789");

	if ((s[0] == '-' || s[0] == '+' || s[0] == '*') && s[1] == ' ')
		return 1;
	if (strncmp(s, "\xe2\x80\xa2", 3) == 0)	/* • */
		return 1;
	if (digits > 0 && (s[digits] == '.' || s[digits] == ')') && s[digits + 1] == ' ')
		return 1;
	return list_item(s);
}

/* "2017 tại thị trường Philippines...": a number and a small word, after
 * a line the crawler left open ("... của Chevrolet Spark "). A subhead
 * ("Người tuổi Tuất ") is short and stands alone. */
static int
number_goes_on(const char *s)
{
	size_t digits = strspn(s, "0123456789");

	return digits > 0 && s[digits] == ' ' && text_is_lower(first_uc(s + digits + 1));
}

/* Does s open as the rest of a sentence: a small letter (not an item
 * of a list, not "iPhone"), or a mark that follows a word? */
static int
opens_mid_sentence(const char *s)
{
	uint32_t first = first_uc(s);

	if (text_is_lower(first))
		return !inner_capital(s) && !list_item(s);
	return first != 0 && first < 0x80 && strchr(",.;:)]!?", (int)first) != NULL;
}

/* Lines that each open with a space and a capital, one after another,
 * are rows: a gallery's captions, a table, verse. */
static int
row_like(const struct raw *r)
{
	return r != NULL && r->lead && r->gap == 0 && text_is_upper(first_uc(r->s));
}

/* Does line c go on with the link text above it: a space then a small
 * letter (" và Phú Quý") or a bracket (" (10/1 âm lịch), ..."), or a comma
 * (", ông Nam")? After a label ("Sân" ": Stadio Olimpico") comes a colon. */
static int
continued_by(const struct raw *c)
{
	uint32_t first = first_uc(c->s);

	if (c->lead && first == '(') {
		/* Not a bracket that is all the line: "(Trithucthoidai)"
		 * after a byline is its source. */
		const char *close = strchr(c->s, ')');

		return close != NULL && close[strspn(close + 1, " ") + 1] != '\0';
	}
	if (c->lead)
		return text_is_lower(first) && !list_item(c->s);
	return first == ',' || first == ';' || first == ')';
}

/* Does s end with a quote that opens ("cho biết: “", "nói: \"")? */
static int
opening_quote_end(const char *s)
{
	size_t n = strlen(s), start;
	uint32_t last = last_uc(s);

	return last == 0x201C || (last == '"' && n >= 2 && prev_uc(s, n - 1, &start) == ' ');
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
	uint32_t last = prev_uc(a, strlen(a), &start), before = prev_uc(a, start, &start);
	int r = 0;

	if (text_words(b) > 10 || !ends_sentence(b))
		return 0;
	if (!((last == '.' && is_closing_quote(before)) || (is_closing_quote(last) && before == '.')))
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
	    word_before(s, n - 1, &start) >= 2 && after_abbrev(s, n - 1);
}

/* Does s end with a word in small letters ("thiên tình sử", not a
 * caption's "Ảnh. Otofun")? */
static int
last_word_lower(const char *s)
{
	size_t start;

	word_before(s, strlen(s), &start);
	return text_is_lower(first_uc(s + start));
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
	return text_words(b->s) <= 20 && !ends_sentence(b->s) && last_mark(a->s) != ':' &&
	    !is_junk(bp, c);
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
	uint32_t last = last_uc(a->s);

	if (opening_quote_end(a->s))
		return 1;
	if (last != ',' || list_marker(b->s) || has_letters_no_lower(b->s))
		return 0;
	return !text_is_upper(first_uc(b->s)) || (last_uc(b->s) != ',' && !ends_sentence(b->s));
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
	uint32_t mark = last_mark(a);
	size_t n = strncmp(b, "\xe2\x80\x93 ", 4) == 0 ? 4 : strncmp(b, "- ", 2) == 0 ? 2 : 0;

	return n > 0 && text_is_lower(first_uc(b + n)) && mark != ':' && mark != ';' &&
	    !list_marker(a);
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
	uint32_t first = first_uc(b->s);
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
	if (photo_credit_like(b->s) && !is_junk(bp, a) && text_words(a->s) <= 40 &&
	    has_alnum(a->s)) {
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
	if ((ends_sentence(a->s) && !title_abbrev_end(a->s)) || is_junk(bp, a) || is_junk(bp, b))
		return 0;
	if (last_uc(a->s) == '(')
		return 1;	/* "Hòa Lê (" "T/h" ")" */
	if (!has_alnum(a->s) || !has_alnum(b->s))
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
	uint32_t first = first_uc(b->s), last = last_uc(a->s);
	int tight = (first < 0x80 && strchr(",.;:)]!?/", (int)first) != NULL) ||
	    closing_quote_at(b->s) || (!has_alnum(b->s) && first != '(') ||
	    !has_alnum(a->s) || opening_quote_end(a->s) || last == '(';
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
static void
read_lines(const struct boiler *bp, const char *text, struct lines *out)
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
			k = has_alnum(s) ? boiler_match(bp, s) : BOILER_DROP;
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

/*
 * Does the mark at byte i of s end a sentence that more text follows
 * ("... điên rồ. Juventus bán")? Not after an abbreviation or an initial
 * ("TS. Hoàng", "A. Cô-bi-a-cốp"), and only before a capital or a digit.
 */
static int
sentence_ends_at(const char *s, size_t i, size_t n)
{
	uint32_t uc, next;
	int len = text_next(s + i, n - i, &uc);

	if (!is_sentence_end(uc) || s[i + len] != ' ' || i == 0)
		return 0;
	text_next(s + i + len + 1, n - i - (size_t)len - 1, &next);
	if (!text_is_upper(next) && !(next >= '0' && next <= '9'))
		return 0;
	return uc != '.' || !after_abbrev(s, i);
}

/* Text with a sentence end inside it, followed by more text. */
static int
has_inner_sentence(const char *s)
{
	size_t n = strlen(s);

	for (size_t i = 0; i < n; i++) {
		if (sentence_ends_at(s, i, n))
			return 1;
	}
	return 0;
}

static int
paragraph_like(const struct line *l)
{
	return l->words > 40 || (l->words > 20 && has_inner_sentence(l->s)) ||
	    (ends_sentence(l->s) && l->words > 25);
}

/* Does s end as a paragraph does: a period, an ellipsis or a colon
 * (closing quotes aside)? A headline may end in "?" or "!". */
static int
ends_paragraph(const char *s)
{
	uint32_t uc = last_mark(s);

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
			size_t w = words_in(p, n);

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

/*
 * Does s end with a parenthesis that speaks of its photo: "(ảnh có tính
 * chất minh họa)", "(Ảnh chụp từ clip).", "(ảnh: K.Đ)"? A bare "(ảnh)"
 * is a headline's label ("Lính Nga ở tiền tuyến (ảnh)"), not a caption.
 */
static int
photo_paren_end(const char *s)
{
	size_t n = strlen(s);
	const char *open;
	char *low;
	int r;

	while (n > 0 && (s[n - 1] == '.' || s[n - 1] == ' '))
		n--;
	if (n < 6 || s[n - 1] != ')')
		return 0;
	open = s + n - 1;
	while (open > s && *open != '(')
		open--;
	if (*open != '(' || open == s || words_in(open, (size_t)(s + n - open)) > 8)
		return 0;
	low = text_lower_n(open + 1, 8);
	r = strncmp(low, "\xe1\xba\xa3nh", 5) == 0 && (low[5] == ' ' || low[5] == ':');
	free(low);
	if (!r && strncmp(open + 1, "Ngu\xe1\xbb\x93n: ", 9) == 0) {
		/* "(Nguồn: EPA/TTXVN)": an agency's photo; "(Nguồn: Bộ Tài
		 * chính)" cites figures. */
		char *who = xstrndup(open + 10, (size_t)(s + n - 1 - (open + 10)));
		char *save = NULL;

		r = 1;
		for (char *part = strtok_r(who, "/", &save); part && r; part = strtok_r(NULL, "/", &save))
			r = credit_is_publication(part);
		free(who);
	}
	return r;
}

/*
 * A photo's credit without its colon, at "Ảnh" (at, in line): "... đặc
 * sắc Ảnh Thu Giang", "... clip. Ảnh cắt từ clip", "..., ảnh Internet".
 * A capital "Ảnh" follows a small word or a sentence's end (never a
 * name's word: "Hội Điện Ảnh Việt Nam"), a small one a comma or a dash;
 * what follows is a credit of a few words, not said before in the line.
 */
static int
bare_credit_at(const char *line, const char *at)
{
	const char *after = at + strlen("\xe1\xba\xa2nh"), *b = at;
	int capital = (unsigned char)at[2] == 0xA2;

	if (*after != ' ' || text_words(after) > 5)
		return 0;
	while (b > line && b[-1] == ' ')
		b--;
	if (b == line)
		return 0;
	if (strchr(",;-", b[-1]) == NULL && strncmp(b - 3, "\xe2\x80\x93", 3) != 0) {
		const char *w = b;

		if (!capital || b[-1] == '.')
			return capital;
		while (w > line && w[-1] != ' ')
			w--;
		if (text_is_upper(first_uc(w)))
			return 0;
	}
	/* "Porsche Cayenne có giá 5,8 tỷ đồng Ảnh Porsche Cayenne": the
	 * photo's subject, said again, is not its credit. */
	if (strstr(line, after + 1) < at && strstr(line, after + 1) != NULL)
		return 0;
	return credit_photo(after + 1);
}

/* Does s go on to what someone said ("..., cho biết ...")? Then it is
 * the article's prose, not a caption. */
static int
reports_speech(const char *s)
{
	static const char *const said[] = { " cho biết", " nói", " khẳng định", " cho rằng", " nhấn mạnh",
		" chia sẻ", " trả lời", " phát biểu", NULL };

	for (int k = 0; said[k]; k++) {
		if (strstr(s, said[k]) != NULL)
			return 1;
	}
	return 0;
}

/*
 * Does s point people out in a photo: "Chí Tài (trái) và Lê Giang",
 * "(thứ 3 từ trái sang)", "(bìa phải)", "Từ trái sang: ..."? Only a
 * caption speaks so of where someone stands.
 */
static int
points_out(const char *s)
{
	static const char *const sides[] = { "trái", "phải", "giữa", NULL };
	static const char *const across[] = { "ừ trái sang", "ừ phải sang", "ừ trái qua", "ừ phải qua", NULL };

	if (reports_speech(s))
		return 0;
	for (int k = 0; across[k]; k++) {
		if (strstr(s, across[k]) != NULL)
			return 1;
	}
	for (const char *open = strchr(s, '('); open != NULL; open = strchr(open + 1, '(')) {
		const char *close = strchr(open, ')');
		char *low;
		size_t n;
		int r = 0;

		if (close == NULL || close - open > 48)
			continue;
		low = xstrndup(open + 1, (size_t)(close - open - 1));
		n = strlen(low);
		/* "(Phải)": the capital too. */
		if (strncmp(low, "Ph", 2) == 0)
			low[0] = 'p';
		for (int k = 0; sides[k] && !r; k++) {
			size_t m = strlen(sides[k]);

			r = n >= m && strcmp(low + n - m, sides[k]) == 0 && (n == m || low[n - m - 1] == ' ') &&
			    words_in(low, n) <= 4;
		}
		free(low);
		if (r)
			return 1;
	}
	return 0;
}

/* The length of the one of heads that s opens with, or 0. */
static size_t
opens_with(const char *s, const char *const *heads)
{
	for (int k = 0; heads[k]; k++) {
		size_t n = strlen(heads[k]);

		if (strncmp(s, heads[k], n) == 0)
			return n;
	}
	return 0;
}

/* Does s hold phrase as whole words? */
static int
has_phrase(const char *s, const char *phrase)
{
	size_t n = strlen(phrase);

	for (const char *p = s; (p = strstr(p, phrase)) != NULL; p++) {
		if ((p == s || p[-1] == ' ') && (p[n] == '\0' || strchr(" ,;", p[n]) != NULL))
			return 1;
	}
	return 0;
}

/* Capitalised words at the start of s, up to the first small one. */
static size_t
capitalised_run(const char *s)
{
	size_t run = 0;

	for (const char *w = s; *w != '\0'; run++) {
		if (!text_is_upper(first_uc(w)))
			break;
		w = strchr(w, ' ');
		if (w == NULL)
			return run + 1;
		w++;
	}
	return run;
}

/*
 * "Ông Lê Hoàng Châu, Chủ tịch Hiệp hội Bất động sản TP.HCM" alone, with
 * no stop: a portrait's caption, a person and their office. Not a
 * sentence that goes on to what they said.
 */
static int
portrait_caption(const struct line *l)
{
	static const char *const titles[] = { "Ông ", "Bà ", "Anh ", "Chị ", "TS ", "TS. ",
		"PGS.TS ", "PGS.TS. ", "GS.TS ", "ThS ", "ThS. ", NULL };
	const char *p = NULL, *comma;
	size_t names = 0;

	if (l->words < 4 || l->words > 25 || ends_sentence(l->s) || strpbrk(l->s, ":\"'") != NULL ||
	    strstr(l->s, "\xe2\x80\x9c") != NULL)
		return 0;
	if (opens_with(l->s, titles) > 0)
		p = l->s + opens_with(l->s, titles);
	comma = p != NULL ? strstr(p, ", ") : NULL;
	if (comma == NULL)
		return 0;
	/* The name: two to five words, each capitalised. */
	for (const char *w = p; w < comma; names++) {
		if (!text_is_upper(first_uc(w)))
			return 0;
		w = strchr(w, ' ');
		if (w == NULL || w > comma)
			break;
		w++;
	}
	return names + 1 >= 2 && names + 1 <= 5 && !reports_speech(comma);
}

/*
 * "Hiện trường vụ lật xe. Ảnh: Otofun.": after a finished sentence, a
 * capital "Ảnh:" and one to three capitalised words are a credit, whatever
 * the name (a forum, a site, "Google Maps"). at is "Ảnh" in line, credit
 * what follows its colon.
 */
static int
credit_after_sentence(const char *line, const char *at, const char *credit)
{
	const char *b = at;
	size_t n, words;

	if (strncmp(at, "\xe1\xba\xa2nh", 5) != 0)
		return 0;
	while (b > line && b[-1] == ' ')
		b--;
	if (b == line || strchr(".!?", b[-1]) == NULL)
		return 0;
	while (*credit == ' ')
		credit++;
	n = strlen(credit);
	while (n > 0 && strchr(" .", credit[n - 1]) != NULL)
		n--;
	words = words_in(credit, n);
	return words >= 1 && words <= 3 && text_is_upper(first_uc(credit)) &&
	    memchr(credit, '.', n) == NULL && memchr(credit, ',', n) == NULL;
}

/*
 * "Hiện trường vụ tai nạn.", "Chân dung nghi phạm.", "Cận cảnh vé buýt
 * nhanh theo tháng.": one short sentence that opens by saying what the
 * photo shows. Only under the headline and a first paragraph: above,
 * "Cận cảnh ..." and "Toàn cảnh ..." are headlines' words, and a page
 * whose only text it is keeps it as text.
 */
static int
shows_scene(const struct line *l)
{
	static const char *const heads[] = { "Hiện trường ", "Chân dung ", "Hình ảnh ",
		"Trong ảnh ", "Ảnh chụp ", "Cận cảnh ", "Toàn cảnh ", "Khung cảnh ", "Quang cảnh ",
		NULL };
	const char *stop;

	if (l->words < 2 || l->words > 25 || last_uc(l->s) == ':' || reports_speech(l->s))
		return 0;
	/* One sentence: no stop before its end. */
	stop = strstr(l->s, ". ");
	if (stop != NULL && stop[2] != '\0' && !text_is_lower(first_uc(stop + 2)))
		return 0;
	return opens_with(l->s, heads) > 0;
}

/*
 * Does s open with a person: a rank or a trade before a name ("Ca sĩ
 * Thanh Lam", "Thứ trưởng Nguyễn Văn Sơn", "Vợ chồng Phi Thanh Vân") or
 * a name of two capitalised words or more before a small word ("Lady
 * Gaga trình diễn", "Mazda3 2017 sở hữu")?
 */
static int
opens_with_person(const char *s)
{
	static const char *const ranks[] = { "Ông ", "Bà ", "Anh ", "Chị ", "Cô ", "Em ", "Bé ",
		"Cháu ", "Bạn ", "Ca sĩ ", "Nữ ca sĩ ", "Nam ca sĩ ", "Diễn viên ", "Nam diễn viên ",
		"Nữ diễn viên ", "Người mẫu ", "Siêu mẫu ", "Hoa hậu ", "Á hậu ", "MC ", "Cầu thủ ",
		"HLV ", "Tiền đạo ", "Thủ môn ", "Tiền vệ ", "Hậu vệ ", "Nghệ sĩ ", "NSƯT ", "NSND ",
		"Danh hài ", "Nhạc sĩ ", "Đạo diễn ", "Nhà thiết kế ", "Vợ chồng ", "Hai vợ chồng ",
		"Mẹ con ", "Bố con ", "Cha con ", "Gia đình ", "Tổng thống ", "Thủ tướng ",
		"Phó Thủ tướng ", "Chủ tịch ", "Phó Chủ tịch ", "Tổng Bí thư ", "Bí thư ", "Bộ trưởng ",
		"Thứ trưởng ", "Giám đốc ", "Đại tướng ", "Thượng tướng ", "Trung tướng ",
		"Thiếu tướng ", "Đại tá ", "Thượng tá ", "Trung tá ", "Thiếu tá ", "Đại úy ", NULL };
	/* Words that open sentences, headings and the names of bodies
	 * ("Hội Điện ảnh Việt Nam trao giải"), not people's names. */
	static const char *const openers[] = { "Những ", "Các ", "Một ", "Nhiều ", "Hơn ",
		"Cần ", "Không ", "Đừng ", "Có ", "Khi ", "Tại ", "Theo ", "Trong ", "Để ", "Từ ",
		"Sau ", "Với ", "Vì ", "Do ", "Nếu ", "Bên ", "Cuối ", "Đầu ", "Thêm ", "Vẫn ", "Chỉ ",
		"Còn ", "Video ", "Clip ", "Xem ", "Sáng ", "Chiều ", "Tối ", "Trưa ", "Đêm ", "Hội ",
		"Bộ ", "Sở ", "Ban ", "Phòng ", "Trường ", "Công ty ", "Bệnh viện ", "UBND ", "Đảng ",
		"Tỉnh ", "Thành phố ", "Huyện ", "Quận ", "Xã ", "Đội ", "Câu lạc bộ ", "CLB ", NULL };
	size_t rank = opens_with(s, ranks), run;

	if (rank > 0)
		return text_is_upper(first_uc(s + rank));
	if (opens_with(s, openers) > 0)
		return 0;
	/* A name is two to four words: "Ưng Hoàng Phúc", "Lady Gaga". */
	run = capitalised_run(s);
	return run >= 2 && run <= 4 && run < words_in(s, strlen(s));
}

/*
 * "Lady Gaga trình diễn hết mình", "Vợ chồng Phi Thanh Vân khi còn bên
 * nhau", "Bộ trưởng X phát biểu tại buổi họp báo": no stop, a person,
 * and words that say what a photo shows (someone doing something now,
 * posing, at an event). A subhead ("Quyết liệt nhiều giải pháp",
 * "Man City nhắm Aubameyang") names no such scene.
 */
static int
depicts_person(const struct line *l)
{
	static const char *const scene[] = { "đang", "khi", "khoe", "tạo dáng", "xuất hiện",
		"trình diễn", "chụp", "phát biểu", "trao", "tặng", "thăm", "rạng rỡ", "rạng ngời",
		"tươi cười", "hạnh phúc", "bụng bầu", "gương mặt", "nhan sắc", "xinh đẹp", "sở hữu",
		"lộ diện", "tại buổi", "tại lễ", "tại sự kiện", "trong buổi", "trong lễ", "trong ngày",
		"trong trang phục", "trong bộ", "bên vợ", "bên chồng", "bên con", "bên gia đình",
		"bên bạn", "cùng vợ", "cùng chồng", "cùng bà xã", "cùng ông xã", "cùng con",
		"cùng gia đình", "và hai con", "và 2 con", "bộ ảnh", "ảnh cưới", NULL };

	if (l->words < 4 || l->words > 30 || ends_sentence(l->s) || last_uc(l->s) == ':' ||
	    list_marker(l->s) || !opens_with_person(l->s))
		return 0;
	for (int k = 0; scene[k]; k++) {
		if (has_phrase(l->s, scene[k]))
			return 1;
	}
	return 0;
}

/* "... Ảnh: Văn Điệp/TTXVN", "(Ảnh minh họa)", "... Ảnh Thu Giang": a
 * photo caption, told by a photo credit of a few words at its end. */
static int
caption_like(const struct line *l)
{
	static const char *const needles[] = { "\xe1\xba\xa2nh", "\xe1\xba\xa3nh", NULL };
	const char *last = NULL, *at;

	if (l->words > 60)
		return 0;
	if (l->words >= 4 && l->words <= 40 && (photo_paren_end(l->s) || points_out(l->s)))
		return 1;
	for (int k = 0; needles[k]; k++) {
		for (const char *p = l->s; (p = strstr(p, needles[k])) != NULL; p++) {
			/* "... gần đâyẢnh: REUTERS": a capital "Ảnh:" glued on. */
			int glued = k == 0 && p[strlen(needles[0])] == ':';

			if (p == l->s || glued || p[-1] == ' ' || p[-1] == '(' || p[-1] == '.' ||
			    p[-1] == '-')
				last = last > p ? last : p;
		}
	}
	if (last == NULL || words_in(l->s, (size_t)(last - l->s)) < 2)
		return 0;	/* "Chùm ảnh: ...": a headline's label */
	at = last;
	last += strlen(needles[0]);
	if (strncmp(last, " minh h", 7) == 0)
		return 1;
	if (last[0] == ' ' && last[1] == ':')
		last++;	/* "Ảnh : internet" */
	if (*last != ':')
		return bare_credit_at(l->s, at);
	/* "Ảnh: Văn Điệp/TTXVN", not "điện ảnh: 'Xinh đẹp là lợi thế'". */
	return credit_photo(last + 1) || credit_after_sentence(l->s, at, last + 1);
}

/* Is there a better headline among the next few lines? */
static int
title_follows(const struct lines *ls, size_t i, size_t within)
{
	struct date d;

	for (size_t j = i + 1; j < ls->len && j <= i + within; j++) {
		const struct line *l = &ls->v[j];

		if (l->kind == BOILER_CUT || date_is_dateline(l->s, &d) || caption_like(l))
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

		if (sentence_ends_at(para, i, n)) {
			end = i;
			break;
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
		if (caption_like(l)) {
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

/* A credit's author and source (owned) for the fields still empty. */
static void
take_credit(struct article *a, char *author, char *source)
{
	if (a->author == NULL)
		a->author = author;
	else
		free(author);
	if (a->source == NULL)
		a->source = source;
	else
		free(source);
}

/*
 * Is s the opening words of the longer paragraph p ("Chiếc ô tô cũ ...
 * tạo cho người lái xe cảm giác thoải mái" under the paragraph that
 * begins so)? Under its paragraph, that is a photo's caption: a subhead
 * stands above the paragraph it heads.
 */
static int
repeats_opening(const char *p, const char *s)
{
	size_t n = strlen(s);

	while (n > 0 && (s[n - 1] == '.' || s[n - 1] == ' '))
		n--;
	return n > 0 && strlen(p) > n && strncmp(p, s, n) == 0 &&
	    (p[n] == ' ' || p[n] == ',' || p[n] == '.' || p[n] == ';');
}

/* s lowered, with every mark a space: words to compare. */
static char *
words_only(const char *s)
{
	char *low = text_lower(s), *out = xmalloc(strlen(low) + 1), *o = out;
	size_t n = strlen(low);

	for (size_t i = 0; i < n;) {
		uint32_t uc;
		int len = text_next(low + i, n - i, &uc);

		if (text_is_letter(uc) || (uc >= '0' && uc <= '9')) {
			memcpy(o, low + i, (size_t)len);
			o += len;
		} else {
			*o++ = ' ';
		}
		i += (size_t)len;
	}
	*o = '\0';
	free(low);
	return out;
}

/*
 * Does l say the headline again, with no stop: six words or more, four
 * in five of them the headline's ("Xử lý 12 dự án, nhà máy thua lỗ nặng
 * của ngành Công Thương" under "Sắp có phương án xử lý 12 dự án thua lỗ
 * của ngành Công Thương")? The photo under a headline is captioned so; a
 * subhead says something new.
 */
static int
echoes_title(const char *title, const struct line *l)
{
	char *t, *s, *save = NULL;
	size_t words = 0, shared = 0;

	if (title == NULL || l->words < 6 || l->words > 30 || ends_sentence(l->s) || list_marker(l->s))
		return 0;
	t = words_only(title);
	s = words_only(l->s);
	for (char *w = strtok_r(s, " ", &save); w != NULL; w = strtok_r(NULL, " ", &save)) {
		words++;
		shared += has_phrase(t, w);
	}
	free(t);
	free(s);
	return words > 0 && shared * 5 >= words * 4;
}

/* headline: the page's headline, or NULL when the title was made from
 * the body's first line. */
static void
take_body_line(struct article *a, const struct line *l, const char *headline)
{
	struct date d;
	char *author, *source;
	/* Under the headline, or after a finished paragraph: not a line a
	 * sentence runs on from. */
	int after_sentence = a->paras.len == 0 || ends_sentence(a->paras.items[a->paras.len - 1]);

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
		take_credit(a, author, source);
		return;
	}
	/* A photo's credit alone ("(Ảnh minh họa: Reuters)") describes no
	 * photo; a line the article already has is a crawl's repeat (a
	 * page's captions again after its source line). */
	if (photo_credit_like(l->s) || (l->words >= 5 && (in_list(&a->paras, l->s) ||
	    in_list(&a->captions, l->s))))
		return;
	/* A portrait's caption only under a headline: above, "Bà Tư Hường,
	 * Chủ tịch Tập đoàn Hoàn Cầu, qua đời" is one. */
	if (caption_like(l) || portrait_caption(l) || (after_sentence && depicts_person(l)) ||
	    (a->paras.len <= 2 && echoes_title(headline, l)) ||
	    (a->paras.len > 0 && (shows_scene(l) ||
	    (l->words >= 5 && l->words <= 30 && repeats_opening(a->paras.items[a->paras.len - 1], l->s))))) {
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

/* Does the name s end with a mark that joins it to the next ("Thảo
 * Vân -", "Hà Anh,")? */
static int
byline_goes_on(const char *s)
{
	uint32_t last = last_uc(s);

	return last == '-' || last == 0x2013 || last == ',' || last == '&';
}

/* "Khang PhạmTổng hợp": the last line, a name with "Tổng hợp" (compiled
 * by the paper) glued on, is the name. */
static void
drop_glued_compiled(struct article *a)
{
	static const char *const compiled[] = { "T\xe1\xbb\x95ng h\xe1\xbb\xa3p",
		"T\xe1\xbb\x95ng H\xe1\xbb\xa3p", NULL };
	char *last;
	size_t n, start;

	if (a->paras.len < 2)
		return;
	last = a->paras.items[a->paras.len - 1];
	n = strlen(last);
	for (int k = 0; compiled[k]; k++) {
		size_t m = strlen(compiled[k]);

		if (n > m && strcmp(last + n - m, compiled[k]) == 0 && text_is_lower(prev_uc(last, n - m, &start)) &&
		    text_words(last) <= 5) {
			last[n - m] = '\0';
			a->words -= 1;
			return;
		}
	}
}

/* "Bác sĩ" alone on its line: ranks and nothing else. */
static int
rank_alone(const char *s)
{
	char *spaced = xasprintf("%s ", s);
	int r = credit_rank_len(spaced) == strlen(spaced);

	free(spaced);
	return r;
}

/* "Trưởng khoa Tâm thần, Bệnh viện 103" under a signature: an office,
 * short and no sentence. */
static int
office_like(const char *s)
{
	uint32_t first = first_uc(s);

	return text_words(s) <= 14 && !ends_sentence(s) && last_uc(s) != ':' &&
	    (text_is_upper(first) || first == '(');
}

/* "(Hội Đông y Việt Nam)": an affiliation alone on its line. */
static int
paren_alone(const char *s)
{
	size_t n = strlen(s);

	return n > 2 && s[0] == '(' && s[n - 1] == ')' && text_words(s) <= 10;
}

/* Drop the body's paragraphs from index from to its end. */
static void
drop_paras_from(struct article *a, size_t from)
{
	while (a->paras.len > from) {
		char *last = a->paras.items[--a->paras.len];

		a->words -= text_words(last);
		free(last);
	}
}

/*
 * An expert signs a column or an answer with ranks, name and office, as
 * one line or split over several: "Thượng tướng GS.TS Tô Lâm - Ủy viên
 * Bộ Chính trị", "Bác sĩ" "Bùi Quang Huy" "Trưởng khoa ..., Bệnh viện
 * 103", "(Hội Đông y Việt Nam)" "Lương y Vũ Quốc Trung". The name is the
 * author; the ranks, office and affiliation are no paragraphs.
 */
static void
take_expert(struct article *a)
{
	size_t len = a->paras.len, from = 0;
	char *who = NULL;

	if (a->author != NULL || len < 3)
		return;
	for (size_t back = 1; back <= 2 && who == NULL; back++) {
		const char *line = a->paras.items[len - back];

		if (back == 2 && !office_like(a->paras.items[len - 1]))
			break;
		from = len - back;
		who = credit_expert(line);
		if (who == NULL && rank_alone(a->paras.items[from - 1]) && credit_vietnamese_name(line)) {
			who = xstrdup(line);
			from--;
		}
	}
	if (who == NULL || from < 2)
		goto out;
	if (paren_alone(a->paras.items[from - 1]))
		from--;
	drop_paras_from(a, from);
	a->author = who;
	who = NULL;
out:
	free(who);
}

/* The last paragraphs may be a byline, a source, a photo credit or a
 * run-together ad. */
static void
take_trailer(struct article *a)
{
	int strict = 0;

	drop_glued_compiled(a);
	take_expert(a);
	for (int k = 0; k < TRAILER_LINES && a->paras.len > 1; k++) {
		char *last = a->paras.items[a->paras.len - 1];
		struct line l = { last, BOILER_NONE, text_words(last), 0, 0 };
		char *author, *source;

		if ((!strict || strpbrk(last, ".(:") != NULL || credit_vietnamese_name(last)) &&
		    credit_parse(last, CREDIT_END, &author, &source)) {
			int nameless = author == NULL && source == NULL;

			if (author != NULL && source == NULL && a->author != NULL &&
			    !byline_goes_on(last)) {
				/* A second name above the byline: the body's
				 * last lines are names (a gallery's people).
				 * "Thảo Vân -" "Song Giang -" "H.Nhu" is one
				 * byline. */
				free(author);
				break;
			}

			take_credit(a, author, source);
			/* "(Tổng hợp)": compiled by the paper. Above it stands
			 * the body's last line (a list's "Xe Kia Sportage"),
			 * initials ("T.Tú") or a name ("Trần Thanh"): only a
			 * credit that says it is one, or a name that can only be
			 * a person's, counts now. */
			strict |= nameless;
		} else if (!glued_ad_like(&l) && !photo_credit_like(last)) {
			break;
		}
		a->words -= l.words;
		free(last);
		a->paras.len--;
	}
}

/* Is s (n bytes) one of the names in a credit ("Cao Sơn – Yên Trang",
 * "A, B và C")? */
static int
names_one_of(const char *credit, const char *s, size_t n)
{
	static const char *const seps[] = { " – ", " - ", " và ", " & ", ", ", "/", NULL };
	const char *p = credit;

	while (*p != '\0') {
		const char *end = p + strlen(p), *next = end;

		for (int k = 0; seps[k] != NULL; k++) {
			const char *q = strstr(p, seps[k]);

			if (q != NULL && q < end) {
				end = q;
				next = q + strlen(seps[k]);
			}
		}
		while (p < end && *p == ' ')
			p++;
		while (end > p && end[-1] == ' ')
			end--;
		if ((size_t)(end - p) == n && memcmp(p, s, n) == 0)
			return 1;
		p = next;
	}
	return 0;
}

/*
 * A section's byline in mid-body: a paragraph that is only a name the
 * article's credit names ("Cao Sơn" above the box "Giá vàng thế giới",
 * the credit "Cao Sơn – Yên Trang"). Without that credit a short line
 * may be a subhead, and stays.
 */
static void
drop_section_bylines(struct article *a)
{
	size_t kept = 0;

	if (a->author == NULL)
		return;
	for (size_t i = 0; i < a->paras.len; i++) {
		char *p = a->paras.items[i];
		size_t n = strlen(p), words = text_words(p);

		while (n > 0 && (p[n - 1] == '.' || p[n - 1] == ' '))
			n--;
		if (a->paras.len - (i - kept) > 1 && words <= 5 && n > 0 &&
		    names_one_of(a->author, p, n)) {
			a->words -= words;
			free(p);
			continue;
		}
		a->paras.items[kept++] = p;
	}
	a->paras.len = kept;
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
	if (l->kind != BOILER_NONE || paragraph_like(l) || ends_sentence(l->s))
		return 0;
	credit = credit_parse(l->s, CREDIT_END, &author, &source);
	free(author);
	free(source);
	return !credit;
}

/* "GD&TĐ - Ngày 6/2, ...": a known paper's name, one word, and a dash
 * before the lead's first words (a place there, "TP.HCM - ", is no
 * paper's). */
static void
lead_paper(struct article *a, const char *p)
{
	size_t n = strcspn(p, " ");
	char *name;

	if (n == 0 || n > 24 || (strncmp(p + n, " - ", 3) != 0 && strncmp(p + n, " \xe2\x80\x93 ", 5) != 0))
		return;
	name = xstrndup(p, n);
	if (credit_is_publication(name))
		a->source = name;
	else
		free(name);
}

/* "(Dân trí) - Sáng nay, ...", "(ĐTTD) - ...": the paper that signs the
 * lead, in the first paragraph's first words. */
static void
take_lead_tag(struct article *a)
{
	const char *p, *close;
	char *tag, *author = NULL, *source = NULL;

	if (a->source != NULL || a->paras.len == 0)
		return;
	p = a->paras.items[0];
	if (*p != '(') {
		lead_paper(a, p);
		return;
	}
	if ((close = strchr(p, ')')) == NULL || close - p > 40)
		return;
	tag = xstrndup(p, (size_t)(close - p + 1));
	/* Without the dash, only a known paper's tag: "(Bắc Ninh) Ông ..."
	 * names a place. */
	if (strncmp(close, ") - ", 4) != 0 && strncmp(close, ") \xe2\x80\x93 ", 6) != 0) {
		tag[close - p] = '\0';
		if (!credit_is_publication(tag + 1)) {
			free(tag);
			return;
		}
		tag[close - p] = ')';
	}
	if (credit_parse(tag, CREDIT_END, &author, &source) && author == NULL)
		a->source = source;
	else
		free(source);
	free(author);
	free(tag);
}

/*
 * Some crawls put the article's lead (sapo) last, after the byline, a
 * related-news block and a few blank lines: the page's last line, set
 * apart (split into pieces if sentences were glued in it), or the last
 * line before the related block that follows it. Looked for in lines
 * [start, upto): the index of its first piece, or upto when there is none.
 */
static size_t
tail_lead(const struct lines *ls, size_t start, size_t upto)
{
	size_t first, words = 0;

	if (upto < start + 2)
		return upto;
	first = upto - 1;
	while (first > start && ls->v[first - 1].raw == ls->v[upto - 1].raw)
		first--;
	if (first == start || ls->v[first].gap < 2)
		return upto;
	for (size_t i = first; i < upto; i++) {
		if (ls->v[i].kind != BOILER_NONE || caption_like(&ls->v[i]))
			return upto;
		words += ls->v[i].words;
	}
	if (words >= 12)
		return first;
	/* Above a short one, nothing but a few short lines (a byline): the
	 * page is its lead. */
	for (size_t i = start; i < first; i++) {
		if (ls->v[i].words > 5)
			return upto;
	}
	return words >= 5 && first - start <= 2 ? first : upto;
}

/*
 * Put the lead (lines [from, to)) first, unless the body already holds
 * it: then it was a repeat. Held means all of it in one paragraph; a
 * paragraph that only begins as the lead does (its first sentence, or a
 * caption that quotes it) held it by the first 80 bytes once, and the
 * lead's other sentences were lost. A paragraph the lead begins with and
 * goes on from is the lead cut short: the lead takes its place.
 */
static void
place_lead(struct article *a, const struct lines *ls, size_t from, size_t to)
{
	const char *lead = ls->v[from].s;
	size_t n = strlen(lead), k = to - from;
	char *held = xstrdup(lead);

	/* "Ngày 4/2, ... các bộ...": a teaser cut short of the paragraph. */
	if (k == 1 && n > 40 && (strcmp(lead + n - 3, "...") == 0 ||
	    strcmp(lead + n - 3, "\xe2\x80\xa6") == 0))
		held[n - 3] = '\0';
	for (size_t i = 0; i < a->paras.len; i++) {
		const char *p = a->paras.items[i];
		size_t pn = strlen(p);

		if (strstr(p, held) != NULL) {
			free(held);
			return;
		}
		if (k == 1 && pn >= 40 && pn < n && strncmp(p, lead, pn) == 0) {
			a->words += ls->v[from].words - text_words(p);
			free(a->paras.items[i]);
			a->paras.items[i] = xstrdup(lead);
			free(held);
			return;
		}
	}
	free(held);
	for (size_t i = 0; i < k; i++)
		strlist_push(&a->paras, NULL);
	memmove(a->paras.items + k, a->paras.items, (a->paras.len - k) * sizeof *a->paras.items);
	for (size_t i = 0; i < k; i++) {
		a->paras.items[i] = xstrdup(ls->v[from + i].s);
		a->words += ls->v[from + i].words;
	}
}

/*
 * A photo story: three captions or more, twice the paragraphs or more
 * ("Chùm ảnh", a gallery whose every photo's text ends "Ảnh: Military
 * Today"). There the captions are the story: back into the body, each
 * where it stood. An article with a photo for every other paragraph
 * keeps its captions apart. at[i] is how many paragraphs came
 * before caption i.
 */
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

int
extract_article(const struct boiler *bp, const char *text, struct article *a)
{
	struct lines ls = { NULL, 0, 0 };
	size_t t, start, end, lead, lead_end, caps, *at = NULL;

	read_lines(bp, text, &ls);
	t = find_title(&ls, a);
	if (t == ls.len)
		goto empty;
	if (headline_like(&ls.v[t])) {
		a->title = xstrdup(ls.v[t].s);
		start = t + 1;
	} else {
		a->title = extract_first_sentence(ls.v[t].s, DERIVED_TITLE_COLS);
		start = t;
	}
	/* The page's last line, else the body's. */
	lead_end = ls.len;
	lead = tail_lead(&ls, start, lead_end);
	end = body_end(&ls, start, lead);
	if (lead == lead_end) {
		lead_end = end;
		end = lead = tail_lead(&ls, start, end);
	}
	for (size_t i = start; i < end; i++) {
		const struct line *l = &ls.v[i];

		/* Cut lines above the body (menu items) and labels ("Video:
		 * ...") are no text; a bare "Clip:" labels the line after it,
		 * the title of a clip that is not on the page, and "Nên đọc"
		 * the headline of another article. */
		if (l->kind == BOILER_LABEL && (last_uc(l->s) == ':' || l->words <= 2) &&
		    i + 1 < end && clip_title(&ls.v[i + 1]))
			i++;
		if (l->kind == BOILER_CUT || l->kind == BOILER_LABEL)
			continue;
		caps = a->captions.len;
		take_body_line(a, l, start > t ? a->title : NULL);
		if (a->captions.len > caps) {
			at = xrealloc(at, a->captions.len * sizeof *at);
			at[caps] = a->paras.len;
		}
	}
	keep_photo_story(a, at);
	free(at);
	if (lead != lead_end)
		place_lead(a, &ls, lead, lead_end);
	take_trailer(a);
	take_lead_tag(a);
	drop_section_bylines(a);
	if (a->paras.len == 0)
		goto empty;
	lines_free(&ls);
	return 0;
empty:
	lines_free(&ls);
	article_free(a);
	return -1;
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
extract_article_within(const struct boiler *bp, char *text, const struct extract_limits *lim,
    struct article *a, enum extract_cut_kind *why)
{
	size_t len = strlen(text), keep = extract_cut(text, len, lim, why);

	text[keep] = '\0';
	if (extract_article(bp, text, a) < 0)
		return -1;
	if (*why == EXTRACT_CUT_PARAS)
		strlist_push(&a->paras, xasprintf(_("[luot cut the article here: its page has more "
		    "than %zu paragraphs (import --max-paragraphs).]"), lim->paras));
	else if (*why == EXTRACT_CUT_BYTES)
		strlist_push(&a->paras, xasprintf(_("[luot cut the article here: its page has more "
		    "than %zu bytes of text (import --max-text).]"), lim->bytes));
	return 0;
}
