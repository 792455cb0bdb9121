/*
 * date.c: see date.h.
 *
 * The parser works on a lowered copy of the line, byte by byte: every
 * pattern it needs is ASCII digits and separators, plus the Vietnamese
 * words "ngày", "tháng", "năm", compared as lowered UTF-8.
 */
#include "config.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "date.h"
#include "zone.h"
#include "i18n.h"
#include "text.h"

static int
days_in_month(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return days[m - 1];
}

static int
valid_ymd(int y, int m, int d)
{
	return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 &&
	    d <= days_in_month(y, m);
}

/* Read 1..max digits at s[*i]; returns the number or -1. */
static int
digits(const char *s, size_t *i, int min, int max)
{
	int v = 0, n = 0;

	while (isdigit((unsigned char)s[*i]) && n < max) {
		v = v * 10 + (s[*i] - '0');
		(*i)++;
		n++;
	}
	if (n < min || isdigit((unsigned char)s[*i]))
		return -1;
	return v;
}

/* The four-digit year at s[i] ends a date of day and month: check the
 * whole date and fill *d. */
static int
finish_date(const char *s, size_t i, int day, int mon, struct date *d, size_t *end)
{
	int year = digits(s, &i, 4, 4);

	if (year < 0 || !valid_ymd(year, mon, day) || isalpha((unsigned char)s[i]))
		return 0;
	d->year = year;
	d->month = mon;
	d->day = day;
	*end = i;
	return 1;
}

/* The two-digit year of "ngày 24/12/12" at s[i], after "ngày" only (a
 * bare "24/12/12" may be anything): 2000 to 2069, else 1970 to 1999. */
static int
short_year_date(const char *s, size_t at, size_t i, int day, int mon, struct date *d,
    size_t *end)
{
	static const char ngay[] = "ngày ", luc[] = " lúc ";
	size_t k = sizeof ngay - 1;
	int yy = digits(s, &i, 2, 2);

	/* "10/9/14 lúc 14:05": a forum's (XenForo's) date and time. */
	if (yy < 0 || isalnum((unsigned char)s[i]) || s[i] == '/' || s[i] == '.' ||
	    ((at < k || strncmp(s + at - k, ngay, k) != 0) &&
	    !(strncmp(s + i, luc, sizeof luc - 1) == 0 && isdigit((unsigned char)s[i + sizeof luc - 1]))))
		return 0;
	yy += yy < 70 ? 2000 : 1900;
	if (!valid_ymd(yy, mon, day))
		return 0;
	d->year = yy;
	d->month = mon;
	d->day = day;
	*end = i;
	return 1;
}

/* "2013-11-04", as metadata writes a day and some pages show theirs
 * (RFA's datelines); what follows it is not read. */
static int
iso_day(const char *s, size_t at, struct date *d, size_t *end)
{
	size_t i = at;
	int year = digits(s, &i, 4, 4), mon, day;

	if (year < 0 || s[i] != '-')
		return 0;
	i++;
	if ((mon = digits(s, &i, 2, 2)) < 0 || s[i] != '-')
		return 0;
	i++;
	if ((day = digits(s, &i, 2, 2)) < 0 || !valid_ymd(year, mon, day))
		return 0;
	d->year = year;
	d->month = mon;
	d->day = day;
	*end = i;
	return 1;
}

/* d{1,2} sep d{1,2} sep d{4}, one separator kind among . / -; or an ISO
 * day. */
static int
numeric_date(const char *s, size_t at, struct date *d, size_t *end)
{
	size_t i = at;
	int day, mon;
	char sep;

	if (iso_day(s, at, d, end))
		return !isalpha((unsigned char)s[*end]);
	if ((day = digits(s, &i, 1, 2)) < 0)
		return 0;
	sep = s[i];
	if (sep != '.' && sep != '/' && sep != '-')
		return 0;
	i++;
	if ((mon = digits(s, &i, 1, 2)) < 0 || s[i] != sep)
		return 0;
	i++;
	if (finish_date(s, i, day, mon, d, end) || short_year_date(s, at, i, day, mon, d, end))
		return 1;
	/* "10/14/2014 2:35:00 PM": the month first, as en-US pages write
	 * it, when the day cannot be a month. */
	return sep == '/' && mon > 12 && day <= 12 && finish_date(s, i, mon, day, d, end);
}

static size_t
skip_spaces(const char *s, size_t i)
{
	while (s[i] == ' ' || s[i] == '\t' || s[i] == ',')
		i++;
	return i;
}

static int
word_at(const char *s, size_t *i, const char *w)
{
	size_t n = strlen(w);

	if (strncmp(s + *i, w, n) != 0)
		return 0;
	*i += n;
	return 1;
}

/* A month's name after "tháng" at s[*i] ("tư", "mười hai", "giêng"),
 * lowered: its number, or -1. */
static int
month_word(const char *s, size_t *i)
{
	/* Longest first where one begins another. */
	static const struct { const char *w; int m; } names[] = {
		{ "mười một", 11 }, { "mười hai", 12 }, { "mười", 10 }, { "một", 1 },
		{ "giêng", 1 }, { "hai", 2 }, { "ba", 3 }, { "tư", 4 }, { "bốn", 4 },
		{ "năm", 5 }, { "sáu", 6 }, { "bảy", 7 }, { "tám", 8 }, { "chín", 9 },
		{ "chạp", 12 },
	};

	for (size_t k = 0; k < sizeof names / sizeof names[0]; k++) {
		size_t j = *i;

		if (word_at(s, &j, names[k].w) && !isalnum((unsigned char)s[j]) &&
		    (unsigned char)s[j] < 0x80) {
			*i = j;
			return names[k].m;
		}
	}
	return -1;
}

/* "ngày 19 tháng 1 năm 2019" (lowered); at points at "ngày". Without
 * "ngày" when at points at the day, and "năm" may be left out: "09 tháng
 * 3 2015" (Joomla's Vietnamese dates). */
static int
worded_date(const char *s, size_t at, struct date *d, size_t *end)
{
	size_t i = at;
	int day, mon, named = word_at(s, &i, "ngày");

	if (!named && !isdigit((unsigned char)s[at]))
		return 0;
	i = skip_spaces(s, i);
	if ((day = digits(s, &i, 1, 2)) < 0)
		return 0;
	i = skip_spaces(s, i);
	if (!word_at(s, &i, "tháng"))
		return 0;
	i = skip_spaces(s, i);
	if ((mon = digits(s, &i, 1, 2)) < 0 && (mon = month_word(s, &i)) < 0)
		return 0;
	i = skip_spaces(s, i);
	if (!word_at(s, &i, "năm") && named)
		return 0;
	i = skip_spaces(s, i);
	return finish_date(s, i, day, mon, d, end);
}

/* "Tháng Tư 14, 2014": WordPress's Vietnamese dates, the month first. */
static int
month_first_date(const char *s, size_t at, struct date *d, size_t *end)
{
	size_t i = at;
	int day, mon;

	if (!word_at(s, &i, "tháng"))
		return 0;
	i = skip_spaces(s, i);
	if ((mon = month_word(s, &i)) < 0)
		return 0;
	i = skip_spaces(s, i);
	if ((day = digits(s, &i, 1, 2)) < 0)
		return 0;
	i = skip_spaces(s, i);
	return finish_date(s, i, day, mon, d, end);
}

/* An English month's name or its three letters, lowered, at s[*i]
 * ("may", "sept.", "december"): its number, or -1. */
static int
english_month(const char *s, size_t *i)
{
	static const char *const names[] = { "january", "february", "march", "april", "may",
		"june", "july", "august", "september", "october", "november", "december" };

	for (int k = 0; k < 12; k++) {
		size_t n, j = *i;

		if (s[j] != names[k][0])	/* most words: no strncmp at all */
			continue;
		n = strlen(names[k]);
		if (strncmp(s + j, names[k], n) == 0) {
			j += n;
		} else if (strncmp(s + j, names[k], 3) == 0) {
			j += 3 + (k == 8 && s[j + 3] == 't');	/* "sept" */
			j += s[j] == '.';
		} else {
			continue;
		}
		if (isalpha((unsigned char)s[j]))
			continue;
		*i = j;
		return k + 1;
	}
	return -1;
}

/* A day's number with its English ending ("12", "3rd") at s[*i]. */
static int
english_day(const char *s, size_t *i)
{
	int day = digits(s, i, 1, 2);
	const char *e = s + *i;

	if (day >= 0 && ((e[0] == 's' && e[1] == 't') || (e[0] == 'n' && e[1] == 'd') ||
	    (e[0] == 'r' && e[1] == 'd') || (e[0] == 't' && e[1] == 'h')))
		*i += 2;
	return day;
}

/* The first digit in the n bytes at s (fewer at its end), or NULL. */
static const char *
digit_within(const char *s, size_t n)
{
	for (size_t k = 0; k < n && s[k]; k++) {
		if (s[k] >= '0' && s[k] <= '9')
			return s + k;
	}
	return NULL;
}

/* An English month, or "th5" (WordPress's Vietnamese short month), at
 * s[*i]: its number, or -1. */
static int
short_month(const char *s, size_t *i)
{
	size_t j = *i + 2;
	int mon;

	if (strncmp(s + *i, "th", 2) != 0 || !isdigit((unsigned char)s[j]))
		return english_month(s, i);
	if ((mon = digits(s, &j, 1, 2)) < 1 || mon > 12 || isalnum((unsigned char)s[j]))
		return -1;
	*i = j;
	return mon;
}

/* The most bytes before a date's first digit ("tháng mười hai 14"). */
#define DATE_LEAD 24

/* May an English date, or "th5 12, 2014", begin with c? */
static int
english_opener(char c)
{
	switch (c) {
	case 'j': case 'f': case 'm': case 'a': case 's': case 'o': case 'n': case 'd':
	case 't':
		return 1;
	default:
		return c >= '0' && c <= '9';
	}
}

/* "May 12, 2014", "12 May 2014" (lowered): the dates of WordPress and
 * other software left in English, as older sites show them; "Th5 12,
 * 2014", WordPress's Vietnamese short month. */
static int
english_date(const char *s, size_t at, struct date *d, size_t *end)
{
	size_t i = at;
	int day, mon;

	if (isdigit((unsigned char)s[i])) {
		if ((day = english_day(s, &i)) < 0)
			return 0;
		i = skip_spaces(s, i);
		if (s[i] < 'a' || !english_opener(s[i]) || (mon = short_month(s, &i)) < 0)
			return 0;
	} else {
		/* Most words are no month: none has a digit close after it. */
		if (digit_within(s + i, 12) == NULL ||
		    (mon = short_month(s, &i)) < 0)
			return 0;
		i = skip_spaces(s, i);
		if ((day = english_day(s, &i)) < 0)
			return 0;
	}
	i = skip_spaces(s, i);
	return finish_date(s, i, day, mon, d, end);
}

/* Spaces from s[i] on skipped. */
static size_t
skip_blank(const char *s, size_t i)
{
	while (s[i] == ' ')
		i++;
	return i;
}

/* Is w at s[*i], after spaces, and a word's end after it? *i past it. */
static int
word_after_space(const char *s, size_t *i, const char *w)
{
	size_t j = skip_blank(s, *i);

	if (!word_at(s, &j, w) || isalnum((unsigned char)s[j]) || (unsigned char)s[j] >= 0x80)
		return 0;
	*i = j;
	return 1;
}

/* Does s open with a part of the day ("sáng", "chiều")? */
static int
part_of_day(const char *s)
{
	static const char *const parts[] = { "sáng", "trưa", "chiều", "tối", "đêm", NULL };

	for (int k = 0; parts[k] != NULL; k++) {
		if (strncmp(s, parts[k], strlen(parts[k])) == 0)
			return 1;
	}
	return 0;
}

/* HH:MM or HHhMM, optionally :SS, optionally AM/PM/SA/CH. */
static int
time_at(const char *s, size_t at, int *h, int *m, size_t *end)
{
	size_t i = at;
	int hh, mm;

	if ((hh = digits(s, &i, 1, 2)) < 0)
		return 0;
	if (s[i] == ':') {
		i++;
		if ((mm = digits(s, &i, 2, 2)) < 0)
			return 0;
	} else if (s[i] == 'h' || word_after_space(s, &i, "giờ")) {
		/* "9h15", "9h" alone, "09 giờ 10 phút", "9 giờ sáng"; not
		 * "trong 2 giờ" (how long). */
		size_t j;
		int letter = s[i] == 'h';

		i += letter;
		j = skip_blank(s, i);
		if ((mm = digits(s, &j, 1, 2)) >= 0) {
			i = j;
			j = skip_blank(s, i);
			if (word_at(s, &j, "phút"))
				i = j;
		} else if (isalnum((unsigned char)s[i]) || (!letter && !part_of_day(s + skip_blank(s, i)))) {
			return 0;
		} else {
			mm = 0;
		}
	} else {
		return 0;
	}
	if (s[i] == ':') {
		size_t j = i + 1;

		if (digits(s, &j, 2, 2) >= 0)
			i = j;
	}
	{
		size_t j = i;

		while (s[j] == ' ')
			j++;
		if ((strncmp(s + j, "am", 2) == 0 || strncmp(s + j, "sa", 2) == 0) &&
		    !isalpha((unsigned char)s[j + 2])) {
			if (hh == 12)
				hh = 0;
			i = j + 2;
		} else if ((strncmp(s + j, "pm", 2) == 0 || strncmp(s + j, "ch", 2) == 0) &&
		    !isalpha((unsigned char)s[j + 2])) {
			if (hh < 12)
				hh += 12;
			i = j + 2;
		} else if (strncmp(s + j, "sáng", strlen("sáng")) == 0) {
			/* "9:05 sáng": in the morning, as written. */
			i = j + strlen("sáng");
		} else if (strncmp(s + j, "tối", strlen("tối")) == 0 ||
		    strncmp(s + j, "chiều", strlen("chiều")) == 0) {
			/* "11:05 tối": in the evening. */
			if (hh < 12)
				hh += 12;
			i = j + (s[j + 1] == 'h' ? strlen("chiều") : strlen("tối"));
		}
	}
	if (hh > 23 || mm > 59)
		return 0;
	*h = hh;
	*m = mm;
	*end = i;
	return 1;
}

static int
boundary_before(const char *s, size_t i)
{
	return i == 0 || !isalnum((unsigned char)s[i - 1]);
}

/* The nearest time within a short distance before or after the date,
 * not before floor; [*tstart, *tend) is where it is, empty when there
 * is none. */
static void
find_time(const char *s, size_t floor, size_t dstart, size_t dend, struct date *d,
    size_t *tstart, size_t *tend)
{
	size_t n = strlen(s);
	size_t from = dstart > floor + 32 ? dstart - 32 : floor;
	size_t to = dend + 24 < n ? dend + 24 : n;

	const char *update = strstr(s + dend, "cập nhật");

	*tstart = *tend = 0;
	/* "Đăng: 08:00 05/05/2023 | Cập nhật: 10:30 06/05/2023": the time
	 * after the date is the update's. */
	if (update != NULL && (size_t)(update - s) < to)
		to = (size_t)(update - s);
	for (size_t i = dend; i < to; i++) {
		int h, m;
		size_t e;

		if (isdigit((unsigned char)s[i]) && boundary_before(s, i) &&
		    time_at(s, i, &h, &m, &e)) {
			d->hour = h;
			d->minute = m;
			d->prec = DATE_MINUTE;
			*tstart = i;
			*tend = e;
			return;
		}
	}
	for (size_t i = from; i < dstart; i++) {
		int h, m;
		size_t e;

		if (isdigit((unsigned char)s[i]) && boundary_before(s, i) &&
		    time_at(s, i, &h, &m, &e) && e <= dstart) {
			d->hour = h;
			d->minute = m;
			d->prec = DATE_MINUTE;
			*tstart = i;
			*tend = e;
			return;
		}
	}
}

static int
find_at(const char *low, struct date *d, size_t *start, size_t *end)
{
	const char *digit = digit_within(low, SIZE_MAX);

	if (digit == NULL)
		return 0;
	for (size_t i = 0; low[i]; i++) {
		/* Every date has a digit within DATE_LEAD bytes of its start
		 * ("tháng mười hai 14"): far from one, nothing to try. */
		if (digit < low + i && (digit = digit_within(low + i, SIZE_MAX)) == NULL)
			return 0;
		if ((size_t)(digit - low) > i + DATE_LEAD) {
			i = (size_t)(digit - low) - DATE_LEAD - 1;
			continue;
		}
		if (!boundary_before(low, i))
			continue;
		if ((isdigit((unsigned char)low[i]) && (numeric_date(low, i, d, end) ||
		    worded_date(low, i, d, end))) || (low[i] == 'n' && worded_date(low, i, d, end)) ||
		    (low[i] == 't' && month_first_date(low, i, d, end)) ||
		    (english_opener(low[i]) && english_date(low, i, d, end))) {
			*start = i;
			return 1;
		}
	}
	return 0;
}

/* The papers' time zone, UTC+7, in minutes. */
#define DATE_LOCAL_OFFSET 420

/* d, a time at UTC offset off (minutes), moved to Vietnam's (UTC+7): the
 * time the papers show, which datelines in the text are read in too. */
static void
move_to_local(struct date *d, int off)
{
	struct tm tm = { 0 };
	time_t t;

	if (d->prec != DATE_MINUTE || off == DATE_LOCAL_OFFSET)
		return;
	tm.tm_year = d->year - 1900;
	tm.tm_mon = d->month - 1;
	tm.tm_mday = d->day;
	tm.tm_hour = d->hour;
	tm.tm_min = d->minute;
	t = timegm(&tm) + (time_t)(DATE_LOCAL_OFFSET - off) * 60;
	if (gmtime_r(&t, &tm) == NULL)
		return;
	d->year = tm.tm_year + 1900;
	d->month = tm.tm_mon + 1;
	d->day = tm.tm_mday;
	d->hour = tm.tm_hour;
	d->minute = tm.tm_min;
}

/* "9/8/2011 9:15:40 AM PDT": a day and month at [start, end) of low that
 * an American page wrote month first, read again so. */
static void
month_first(const char *low, size_t start, size_t end, struct date *d)
{
	size_t i = start;
	int a = digits(low, &i, 1, 2), b;

	if (a < 0 || low[i] != '/' || i >= end)
		return;
	i++;
	if ((b = digits(low, &i, 1, 2)) < 0 || low[i] != '/' || a > 12 || !valid_ymd(d->year, a, b))
		return;
	d->month = a;
	d->day = b;
}

/* Does a label of an update ("cập nhật", "updated", "sửa lúc") stand in
 * the few words of low before at? */
static int
update_label_before(const char *low, size_t at)
{
	static const char *const labels[] = { "cập nhật", "updated", "sửa lúc", "chỉnh sửa", NULL };
	size_t from = at > 40 ? at - 40 : 0;

	for (int k = 0; labels[k] != NULL; k++) {
		const char *p = strstr(low + from, labels[k]);

		if (p != NULL && (size_t)(p - low) < at)
			return 1;
	}
	return 0;
}

/*
 * Find the date in s (lowered into *low, which the caller frees) and the
 * time next to it: [*dstart, *dend) and [*tstart, *tend).
 */
/* "Cập nhật: 10:30 13/05/2014 | Đăng: 09:15 12/05/2014": when a label
 * says the day at [*dstart, *dend) of low is the update's and another
 * follows, that one into d and its span; the offset past the update's
 * own time (no time of the later) is returned, else 0. */
static size_t
past_update(const char *low, struct date *d, size_t *dstart, size_t *dend)
{
	struct date later;
	size_t t = *dend, te, ls, le;
	int h, m;

	if (!update_label_before(low, *dstart))
		return 0;
	while (low[t] == ' ' || low[t] == ',' || low[t] == '-')
		t++;
	t = time_at(low, t, &h, &m, &te) ? te : *dend;
	memset(&later, 0, sizeof later);
	if (!find_at(low + t, &later, &ls, &le))
		return 0;
	*d = later;
	*dstart = t + ls;
	*dend = t + le;
	return t;
}

static int
find_spans(const char *s, struct date *d, char **low, size_t *dstart, size_t *dend,
    size_t *tstart, size_t *tend)
{
	size_t floor, zend;
	int off, american;

	*low = text_lower(s);
	memset(d, 0, sizeof *d);
	if (!find_at(*low, d, dstart, dend))
		return 0;
	floor = past_update(*low, d, dstart, dend);
	d->prec = DATE_DAY;
	find_time(*low, floor, *dstart, *dend, d, tstart, tend);
	if (*tend > 0 && zone_shown(*low, *tend, d->year, d->month, d->day, &off, &american,
	    &zend)) {
		/* The month first, then the summer time of that day. */
		if (american) {
			month_first(*low, *dstart, *dend, d);
			zone_shown(*low, *tend, d->year, d->month, d->day, &off, &american, &zend);
		}
		move_to_local(d, off);
	}
	return 1;
}

int
date_time_alone(const char *s, int *hour, int *minute)
{
	char *low;
	size_t i = 0, end;
	int off, american, found = 0;

	/* Called for every short text of a page (links, labels): most
	 * hold no digit, and are not lowered for nothing. */
	if (strpbrk(s, "0123456789") == NULL)
		return 0;
	low = text_lower(s);

	while (low[i] == ' ' || low[i] == '|' || low[i] == '-' || low[i] == ',')
		i++;
	if (strncmp(low + i, "lúc ", strlen("lúc ")) == 0)
		i += strlen("lúc ");
	if (time_at(low, i, hour, minute, &end)) {
		while (low[end] == ' ')
			end++;
		found = low[end] == '\0' || (zone_shown(low, end, 0, 0, 0, &off, &american,
		    &end) && off == DATE_LOCAL_OFFSET);
	}
	free(low);
	return found;
}

int
date_zone_alone(const char *s, struct date *d)
{
	char *low;
	size_t end;
	int off, american, found;

	if (d->prec != DATE_MINUTE || strlen(s) > 48)
		return 0;
	low = text_lower(s);
	found = zone_shown(low, 0, d->year, d->month, d->day, &off, &american, &end) &&
	    low[end + strspn(low + end, " )")] == '\0';
	free(low);
	if (found)
		move_to_local(d, off);
	return found;
}

int
date_find(const char *s, struct date *d)
{
	char *low;
	size_t ds, de, ts, te;
	int found = find_spans(s, d, &low, &ds, &de, &ts, &te);

	free(low);
	return found;
}

/* "HH:MM" (then ":SS", a fraction and a zone, skipped) at s[*i] into d. */
static int
meta_time(const char *s, size_t *i, struct date *d)
{
	int h = digits(s, i, 2, 2), m;

	if (h < 0 || h > 23 || s[*i] != ':')
		return 0;
	(*i)++;
	if ((m = digits(s, i, 2, 2)) < 0 || m > 59)
		return 0;
	d->hour = h;
	d->minute = m;
	d->prec = DATE_MINUTE;
	return 1;
}


/* The zone after a time at s[*i] ("Z", "+07:00", "-0500", " GMT",
 * " +0700"): its offset from UTC in minutes into *off; 0 when none is
 * named. Seconds and their fraction before it are skipped. */
static int
meta_zone(const char *s, size_t *i, int *off)
{
	size_t j = *i;
	int h, m = 0, sign;

	if (s[j] == ':' && isdigit((unsigned char)s[j + 1])) {
		j++;
		while (isdigit((unsigned char)s[j]) || s[j] == '.')
			j++;
	}
	while (s[j] == ' ')
		j++;
	if (s[j] == 'Z' || strncmp(s + j, "GMT", 3) == 0 || strncmp(s + j, "UTC", 3) == 0) {
		j += s[j] == 'Z' ? 1 : 3;
		*off = 0;
		if (s[j] != '+' && s[j] != '-') {
			*i = j;
			return 1;
		}
	}
	if (s[j] != '+' && s[j] != '-')
		return 0;
	sign = s[j] == '-' ? -1 : 1;
	j++;
	/* Two digits of hours, then of minutes, with or without a colon
	 * ("+0700", "+07:00", "+07"). */
	if (!isdigit((unsigned char)s[j]) || !isdigit((unsigned char)s[j + 1]))
		return 0;
	h = (s[j] - '0') * 10 + (s[j + 1] - '0');
	j += 2;
	if (s[j] == ':')
		j++;
	if (isdigit((unsigned char)s[j]) && isdigit((unsigned char)s[j + 1])) {
		m = (s[j] - '0') * 10 + (s[j + 1] - '0');
		j += 2;
	}
	if (h > 14 || m > 59)
		return 0;
	*off = sign * (h * 60 + m);
	*i = j;
	return 1;
}


/* d, a time metadata writes at UTC offset off, at UTC+7. Only a time in
 * UTC is moved: Vietnamese sites write their local time with other
 * offsets as often as with the right one (VnExpress's JSON-LD says
 * "+08:00" of a time its page shows at +7), so those are kept as they
 * are written. */
static void
to_local(struct date *d, int off)
{
	if (off == 0)
		move_to_local(d, off);
}

/* ISO 8601: "2017-02-06", then "T10:20" or " 10:20" and what follows; a
 * zone named moves the time to UTC+7. */
static int
meta_iso(const char *s, struct date *d)
{
	size_t i = 0;
	int off;

	*d = (struct date){ .prec = DATE_DAY };
	if (!iso_day(s, 0, d, &i))
		return 0;
	if ((s[i] == 'T' || s[i] == ' ') && isdigit((unsigned char)s[i + 1])) {
		i++;
		if (!meta_time(s, &i, d))
			d->prec = DATE_DAY;
		else if (meta_zone(s, &i, &off))
			to_local(d, off);
	}
	return 1;
}

/* RFC 822: "[Mon, ]06 Feb 2017 10:20[:00] [zone]". */
static int
meta_rfc822(const char *s, struct date *d)
{
	static const char months[] = "janfebmaraprmayjunjulaugsepoctnovdec";
	size_t i = 0;
	int day, y, m = 0;

	if (isalpha((unsigned char)s[0])) {
		while (isalpha((unsigned char)s[i]))
			i++;
		if (s[i] == ',')
			i++;
		i = skip_spaces(s, i);
	}
	if ((day = digits(s, &i, 1, 2)) < 0 || s[i] != ' ')
		return 0;
	i = skip_spaces(s, i);
	for (int k = 0; k < 12 && m == 0; k++) {
		if (strncasecmp(s + i, months + 3 * k, 3) == 0)
			m = k + 1;
	}
	if (m == 0 || s[i + 3] != ' ')
		return 0;
	i = skip_spaces(s, i + 3);
	if ((y = digits(s, &i, 4, 4)) < 0 || !valid_ymd(y, m, day))
		return 0;
	*d = (struct date){ .year = y, .month = m, .day = day, .prec = DATE_DAY };
	i = skip_spaces(s, i);
	if (isdigit((unsigned char)s[i]) && meta_time(s, &i, d)) {
		int off;

		if (meta_zone(s, &i, &off))
			to_local(d, off);
	}
	return 1;
}

int
date_parse_meta(const char *s, struct date *d)
{
	if (s == NULL)
		return 0;
	s += strspn(s, " \t\r\n");
	return meta_iso(s, d) || meta_rfc822(s, d) || date_find(s, d);
}

/* Words a dateline has around its date and time ("Thứ Sáu", "Cập nhật
 * lúc", "GMT", "lượt xem"), lowered. */
static const char *const dateline_words[] = {
	"thứ", "hai", "ba", "tư", "năm", "sáu", "bảy", "chủ", "nhật", "cn", "ngày",
	"tháng", "hôm", "nay", "cập", "đăng", "lúc", "giờ", "gmt", "utc", "am", "pm",
	"sa", "ch", "lượt", "xem", "đọc", "bình", "luận", "views", "updated", "posted",
	"thời", "gian", "h", "phút", "sáng", "trưa", "chiều", "tối", NULL
};
/* Of those, the ones that make a line a dateline with a few other words
 * on it (a site's name): weekdays and the words of "Cập nhật lúc". */
static const char *const dateline_marks[] = {
	"thứ", "chủ", "cập", "đăng", "lúc", "gmt", "utc", "updated", "posted", NULL
};

static int
in_list(const char *const *list, const char *w, size_t n)
{
	for (int i = 0; list[i]; i++) {
		if (strlen(list[i]) == n && memcmp(list[i], w, n) == 0)
			return 1;
	}
	return 0;
}

int
date_is_dateline(const char *s, struct date *d)
{
	char *low;
	size_t ds, de, ts, te, n, i = 0;
	int others = 0, lower = 0, marked;
	/* Lowering kept the byte lengths (Vietnamese does): the case of a
	 * word can be read in s at the offsets of low. */
	int same;

	if (strlen(s) > 160)
		return 0;
	if (!find_spans(s, d, &low, &ds, &de, &ts, &te)) {
		free(low);
		return 0;
	}
	same = strlen(low) == strlen(s);
	memset(low + ds, ' ', de - ds);
	memset(low + ts, ' ', te - ts);
	marked = te > ts || strchr(s, '|') != NULL;
	n = strlen(low);
	/* A dateline is mostly its date and time: what else it says is a
	 * weekday, "Cập nhật", a counter, or a name or two. A headline that
	 * holds a date says more ("Lịch cắt điện ngày 27/5/2017"). */
	while (i < n) {
		size_t start = i, len;
		uint32_t uc;
		int digits = 1;

		len = (size_t)text_next(low + i, n - i, &uc);
		if (!text_is_alnum(uc)) {
			i += len;
			continue;
		}
		while (i < n && (len = (size_t)text_next(low + i, n - i, &uc)) > 0 &&
		    text_is_alnum(uc)) {
			digits &= uc >= '0' && uc <= '9';
			i += len;
		}
		if (digits)
			continue;
		if (in_list(dateline_words, low + start, i - start)) {
			marked |= in_list(dateline_marks, low + start, i - start);
			continue;
		}
		others++;
		if (same)
			text_next(s + start, n - start, &uc);
		if (!same || !text_is_upper(uc))
			lower++;
	}
	free(low);
	return others == 0 || (others <= 3 && marked) || (others <= 2 && lower == 0);
}

void
date_iso(const struct date *d, char *out)
{
	if (d->prec == DATE_MINUTE)
		snprintf(out, DATE_ISO_MAX, "%04u-%02u-%02uT%02u:%02u",
		    (unsigned)d->year % 10000u, (unsigned)d->month % 100u,
		    (unsigned)d->day % 100u, (unsigned)d->hour % 100u,
		    (unsigned)d->minute % 100u);
	else if (d->prec == DATE_DAY)
		snprintf(out, DATE_ISO_MAX, "%04u-%02u-%02u", (unsigned)d->year % 10000u,
		    (unsigned)d->month % 100u, (unsigned)d->day % 100u);
	else
		out[0] = '\0';
}

enum date_prec
date_from_iso(const char *iso, struct tm *tm)
{
	int y, mo, d, h = 0, mi = 0, n = 0;
	enum date_prec prec = DATE_MINUTE;

	if (sscanf(iso, "%4d-%2d-%2dT%2d:%2d%n", &y, &mo, &d, &h, &mi, &n) != 5) {
		prec = DATE_DAY;
		if (sscanf(iso, "%4d-%2d-%2d%n", &y, &mo, &d, &n) != 3)
			return DATE_NONE;
	}
	if (iso[n] != '\0' || h > 23 || mi > 59)
		return DATE_NONE;
	memset(tm, 0, sizeof *tm);
	tm->tm_year = y - 1900;
	tm->tm_mon = mo - 1;
	tm->tm_mday = d;
	tm->tm_hour = h;
	tm->tm_min = mi;
	/* The weekday, from the date alone: as UTC, no daylight saving
	 * moves it. A day that does not exist comes back as another. */
	if (timegm(tm) == (time_t)-1 || tm->tm_mday != d || tm->tm_mon != mo - 1)
		return DATE_NONE;
	return prec;
}

void
date_shown(const char *iso, char *out, size_t size)
{
	struct tm tm;
	enum date_prec prec;

	if (size == 0)
		return;
	prec = date_from_iso(iso, &tm);
	if (prec == DATE_NONE ||
	    /* TRANSLATORS: strftime(3) formats of an article's date in the
	     * reader, with the time and without. */
	    strftime(out, size, prec == DATE_MINUTE ? _("%a %d %b %Y, %H:%M") : _("%a %d %b %Y"),
	    &tm) == 0)
		snprintf(out, size, "%s", iso);
}

const char *
date_prec_name(enum date_prec p)
{
	switch (p) {
	case DATE_DAY:
		return "day";
	case DATE_MINUTE:
		return "minute";
	default:
		return NULL;
	}
}
