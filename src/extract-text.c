/*
 * extract-text.c: the small tests on a line's characters and words that
 * every stage of the extraction asks (see extract-int.h): the code points
 * at a line's ends, whether a mark ends a sentence, abbreviations, list
 * markers.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "extract-int.h"
#include "text.h"
#include "util.h"

/* Code point before byte offset i of s (s[i] is a lead byte). */
uint32_t
extract_prev_uc(const char *s, size_t i, size_t *start)
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

/* Words in the n bytes at s. */
size_t
extract_words_in(const char *s, size_t n)
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
size_t
extract_word_before(const char *s, size_t i, size_t *start)
{
	size_t letters = 0;

	*start = i;
	while (*start > 0) {
		size_t j;
		uint32_t uc = extract_prev_uc(s, *start, &j);

		if (!text_is_letter(uc))
			break;
		letters++;
		*start = j;
	}
	return letters;
}

/* Does the period at byte i of s follow an abbreviation or an initial,
 * so that it ends no sentence? */
int
extract_after_abbrev(const char *s, size_t i)
{
	size_t start, letters = extract_word_before(s, i, &start);

	if (letters == 1)
		return 1;
	for (int k = 0; abbrevs[k]; k++) {
		if (strlen(abbrevs[k]) == i - start && strncmp(s + start, abbrevs[k], i - start) == 0)
			return 1;
	}
	return 0;
}

int
extract_is_closing_quote(uint32_t uc)
{
	return uc == '"' || uc == '\'' || uc == 0x201D || uc == 0x2019 || uc == 0xBB;
}

int
extract_is_sentence_end(uint32_t uc)
{
	return uc == '.' || uc == '!' || uc == '?' || uc == 0x2026;
}

/* Has s a letter or a digit? A line without is punctuation only: a
 * separator, a bullet, what was left of a removed link. */
int
extract_has_alnum(const char *s)
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

uint32_t
extract_first_uc(const char *s)
{
	uint32_t uc = 0;

	if (*s)
		text_next(s, strlen(s), &uc);
	return uc;
}

/* Last code point of s, or 0. */
uint32_t
extract_last_uc(const char *s)
{
	size_t start;

	return extract_prev_uc(s, strlen(s), &start);
}

/* The last code point of s before its closing quotes and brackets, or 0. */
uint32_t
extract_last_mark(const char *s)
{
	size_t i = strlen(s);

	while (i > 0) {
		size_t j;
		uint32_t uc = extract_prev_uc(s, i, &j);

		if (!extract_is_closing_quote(uc) && uc != ')')
			return uc;
		i = j;
	}
	return 0;
}

/* Does s end a sentence, closing quotes and brackets aside? */
int
extract_ends_sentence(const char *s)
{
	return extract_is_sentence_end(extract_last_mark(s));
}

/* Letters, two capitals at least and no small one ("QUYẾT ĐỊNH"). */
int
extract_has_letters_no_lower(const char *s)
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

/* "a) ", "b. ": an item of a list, not the rest of a sentence. */
int
extract_list_item(const char *s)
{
	size_t i = 0;
	uint32_t uc;

	i += (size_t)text_next(s, strlen(s), &uc);
	return text_is_letter(uc) && (s[i] == ')' || s[i] == '.') && s[i + 1] == ' ';
}

/* "- ", "+ ", "• ", "1. ", "a) ": an item of a list. */
int
extract_list_marker(const char *s)
{
	size_t digits = strspn(s, "0123456789");

	if ((s[0] == '-' || s[0] == '+' || s[0] == '*') && s[1] == ' ')
		return 1;
	if (strncmp(s, "\xe2\x80\xa2", 3) == 0)	/* • */
		return 1;
	if (digits > 0 && (s[digits] == '.' || s[digits] == ')') && s[digits + 1] == ' ')
		return 1;
	return extract_list_item(s);
}

/*
 * Does the mark at byte i of s end a sentence that more text follows
 * ("... điên rồ. Juventus bán")? Not after an abbreviation or an initial
 * ("TS. Hoàng", "A. Cô-bi-a-cốp"), and only before a capital or a digit.
 */
int
extract_sentence_ends_at(const char *s, size_t i, size_t n)
{
	uint32_t uc, next;
	int len = text_next(s + i, n - i, &uc);

	if (!extract_is_sentence_end(uc) || s[i + len] != ' ' || i == 0)
		return 0;
	text_next(s + i + len + 1, n - i - (size_t)len - 1, &next);
	if (!text_is_upper(next) && !(next >= '0' && next <= '9'))
		return 0;
	return uc != '.' || !extract_after_abbrev(s, i);
}

/* Text with a sentence end inside it, followed by more text. */
int
extract_has_inner_sentence(const char *s)
{
	size_t n = strlen(s);

	for (size_t i = 0; i < n; i++) {
		if (extract_sentence_ends_at(s, i, n))
			return 1;
	}
	return 0;
}
