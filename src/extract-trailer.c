/*
 * extract-trailer.c: who wrote the article and where it is from, and
 * its lead (see extract-int.h). The byline, source, photo credit or
 * expert's signature among the body's last paragraphs, a section's
 * byline in mid-body, the paper's tag before the lead ("(Dân trí) - "),
 * and a lead that a crawl put at the page's end.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "credit.h"
#include "extract-int.h"
#include "text.h"
#include "util.h"

/* The last paragraphs looked at for a byline or source. */
#define TRAILER_LINES 4

/* A credit's author and source (owned) for the fields still empty. */
void
extract_take_credit(struct article *a, char *author, char *source)
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

	if (l->words > 30 || extract_is_sentence_end(extract_last_uc(l->s)))
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
	uint32_t last = extract_last_uc(s);

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

		if (n > m && strcmp(last + n - m, compiled[k]) == 0 &&
		    text_is_lower(extract_prev_uc(last, n - m, &start)) && text_words(last) <= 5) {
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
	uint32_t first = extract_first_uc(s);

	return text_words(s) <= 14 && !extract_ends_sentence(s) && extract_last_uc(s) != ':' &&
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
void
extract_take_trailer(struct article *a)
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

			extract_take_credit(a, author, source);
			/* "(Tổng hợp)": compiled by the paper. Above it stands
			 * the body's last line (a list's "Xe Kia Sportage"),
			 * initials ("T.Tú") or a name ("Trần Thanh"): only a
			 * credit that says it is one, or a name that can only be
			 * a person's, counts now. */
			strict |= nameless;
		} else if (!glued_ad_like(&l) && !extract_photo_credit_like(last)) {
			break;
		}
		drop_paras_from(a, a->paras.len - 1);
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
void
extract_drop_section_bylines(struct article *a)
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
void
extract_take_lead_tag(struct article *a)
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
size_t
extract_tail_lead(const struct lines *ls, size_t start, size_t upto)
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
		if (ls->v[i].kind != BOILER_NONE || extract_caption_like(&ls->v[i]))
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
void
extract_place_lead(struct article *a, const struct lines *ls, size_t from, size_t to)
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
