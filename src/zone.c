/*
 * zone.c: the time zones pages show beside their times: GMT and UTC with
 * an offset, the abbreviations broadcasters write (JST, MSK, PDT...), and
 * "giờ <place>" as the Vietnamese services of foreign media write it.
 * Summer time follows the European and American rules by the day; an
 * hour on the night of the change may be an hour off.
 */
#include "config.h"

#include <ctype.h>
#include <string.h>

#include "zone.h"

/* How a zone keeps time: a fixed offset, or summer time by a rule. */
enum zone_rule {
	RULE_FIXED,
	RULE_EU,	/* last Sunday of March to last Sunday of October */
	RULE_US,	/* second Sunday of March to first Sunday of November */
	RULE_MOSCOW,	/* Moscow's changes of 2011 and 2014 */
};

struct zone {
	const char *name;	/* lowered, as a page writes it */
	int off;		/* minutes from UTC, in winter */
	enum zone_rule rule;
};

/* After "giờ": places, longest first where one begins another. */
static const struct zone places[] = {
	{ "nhật bản", 540, RULE_FIXED }, { "nhật", 540, RULE_FIXED },
	{ "tokyo", 540, RULE_FIXED }, { "hàn quốc", 540, RULE_FIXED },
	{ "seoul", 540, RULE_FIXED }, { "trung quốc", 480, RULE_FIXED },
	{ "bắc kinh", 480, RULE_FIXED }, { "việt nam", 420, RULE_FIXED },
	{ "hà nội", 420, RULE_FIXED }, { "mát-xcơ-va", 180, RULE_MOSCOW },
	{ "matxcơva", 180, RULE_MOSCOW }, { "moscow", 180, RULE_MOSCOW },
	{ "moskva", 180, RULE_MOSCOW }, { "nga", 180, RULE_MOSCOW },
	{ "paris", 60, RULE_EU }, { "pháp", 60, RULE_EU }, { "berlin", 60, RULE_EU },
	{ "đức", 60, RULE_EU }, { "bonn", 60, RULE_EU }, { "brussels", 60, RULE_EU },
	{ "bỉ", 60, RULE_EU }, { "trung âu", 60, RULE_EU }, { "london", 0, RULE_EU },
	{ "anh", 0, RULE_EU }, { "washington", -300, RULE_US },
	{ "new york", -300, RULE_US }, { "miền đông", -300, RULE_US },
	{ "california", -480, RULE_US }, { "cali", -480, RULE_US },
	{ "los angeles", -480, RULE_US }, { "miền tây", -480, RULE_US },
	{ NULL, 0, RULE_FIXED }
};

/* Abbreviations; each names its season, so no rule applies. CST is left
 * out: China's and America's. */
static const struct zone abbrevs[] = {
	{ "jst", 540, RULE_FIXED }, { "kst", 540, RULE_FIXED }, { "msk", 180, RULE_MOSCOW },
	{ "ict", 420, RULE_FIXED }, { "wib", 420, RULE_FIXED }, { "sgt", 480, RULE_FIXED },
	{ "hkt", 480, RULE_FIXED }, { "cet", 60, RULE_FIXED }, { "cest", 120, RULE_FIXED },
	{ "bst", 60, RULE_FIXED }, { "eet", 120, RULE_FIXED }, { "eest", 180, RULE_FIXED },
	{ "aest", 600, RULE_FIXED }, { "aedt", 660, RULE_FIXED },
	{ "pst", -480, RULE_FIXED }, { "pdt", -420, RULE_FIXED }, { "mst", -420, RULE_FIXED },
	{ "mdt", -360, RULE_FIXED }, { "cdt", -300, RULE_FIXED }, { "est", -300, RULE_FIXED },
	{ "edt", -240, RULE_FIXED },
	{ NULL, 0, RULE_FIXED }
};

/* Day of the week, 0 for Sunday (Sakamoto's method). */
static int
weekday(int y, int m, int d)
{
	static const int t[] = { 0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4 };

	if (m < 3)
		y--;
	return (y + y / 4 - y / 100 + y / 400 + t[m - 1] + d) % 7;
}

/* The day of month m's n-th Sunday (n = -1: the last). */
static int
sunday(int y, int m, int n)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int len = days[m - 1] + (m == 2 && y % 4 == 0 && (y % 100 != 0 || y % 400 == 0));

	if (n > 0)
		return 1 + (7 - weekday(y, m, 1)) % 7 + 7 * (n - 1);
	return len - weekday(y, m, len);
}

/* Is month-day of year y in [m1-d1, m2-d2)? */
static int
between(int m, int d, int m1, int d1, int m2, int d2)
{
	int k = m * 100 + d;

	return k >= m1 * 100 + d1 && k < m2 * 100 + d2;
}

static int
summer_eu(int y, int m, int d)
{
	return between(m, d, 3, sunday(y, 3, -1), 10, sunday(y, 10, -1));
}

static int
summer_us(int y, int m, int d)
{
	if (y >= 2007)
		return between(m, d, 3, sunday(y, 3, 2), 11, sunday(y, 11, 1));
	return between(m, d, 4, sunday(y, 4, 1), 10, sunday(y, 10, -1));
}

/* Moscow: +3 with summer time until March 2011, +4 until October 2014,
 * +3 since. */
static int
moscow(int y, int m, int d)
{
	int k = y * 10000 + m * 100 + d;

	if (k >= 20141026)
		return 180;
	if (k >= 20110327)
		return 240;
	return 180 + (summer_eu(y, m, d) ? 60 : 0);
}

static int
offset_of(const struct zone *z, int y, int m, int d)
{
	switch (z->rule) {
	case RULE_EU:
		return z->off + (y > 0 && summer_eu(y, m, d) ? 60 : 0);
	case RULE_US:
		return z->off + (y > 0 && summer_us(y, m, d) ? 60 : 0);
	case RULE_MOSCOW:
		return y > 0 ? moscow(y, m, d) : z->off;
	case RULE_FIXED:
	default:
		return z->off;
	}
}

/* A name of list at low[*i], whole (no letter after it): the zone, *i
 * past it; else NULL. */
static const struct zone *
named(const struct zone *list, const char *low, size_t *i)
{
	for (const struct zone *z = list; z->name != NULL; z++) {
		size_t n = strlen(z->name);
		unsigned char next;

		/* The byte after the name is read only when the name is
		 * there: the text may end before n bytes. */
		if (strncmp(low + *i, z->name, n) != 0)
			continue;
		next = (unsigned char)low[*i + n];
		if (!isalnum(next) && next < 0x80) {
			*i += n;
			return z;
		}
	}
	return NULL;
}

/* "gmt", "utc", "gmt+7", "utc-4", "gmt+05:30" at low[*i]: 1 with the
 * offset in minutes, *i past it. */
static int
gmt_offset(const char *low, size_t *i, int *off)
{
	size_t j = *i;
	int sign, h = 0, m = 0, nd = 0;

	if (strncmp(low + j, "gmt", 3) != 0 && strncmp(low + j, "utc", 3) != 0)
		return 0;
	j += 3;
	if (low[j] != '+' && low[j] != '-') {
		if (isalnum((unsigned char)low[j]))
			return 0;
		*off = 0;
		*i = j;
		return 1;
	}
	sign = low[j++] == '-' ? -1 : 1;
	while (isdigit((unsigned char)low[j]) && nd < 2) {
		h = h * 10 + (low[j++] - '0');
		nd++;
	}
	if (nd == 0)
		return 0;
	if (low[j] == ':' && isdigit((unsigned char)low[j + 1]) &&
	    isdigit((unsigned char)low[j + 2])) {
		m = (low[j + 1] - '0') * 10 + (low[j + 2] - '0');
		j += 3;
	}
	if (h > 14 || m > 59 || isdigit((unsigned char)low[j]))
		return 0;
	*off = sign * (h * 60 + m);
	*i = j;
	return 1;
}

static size_t
skip_marks(const char *low, size_t i)
{
	while (low[i] == ' ' || low[i] == '(' || low[i] == ',')
		i++;
	return i;
}

int
zone_shown(const char *low, size_t i, int year, int month, int day, int *off,
    int *american, size_t *end)
{
	const struct zone *z;

	*american = 0;
	i = skip_marks(low, i);
	if (gmt_offset(low, &i, off)) {
		*end = i;
		return 1;
	}
	if ((z = named(abbrevs, low, &i)) != NULL) {
		*off = offset_of(z, year, month, day);
		*american = z->off < -180 && z->off > -600;
		*end = i;
		return 1;
	}
	if (strncmp(low + i, "giờ ", strlen("giờ ")) != 0)
		return 0;
	i = skip_marks(low, i + strlen("giờ "));
	/* "giờ Paris (GMT+1)": the offset, when written, over the place. */
	{
		size_t j = i, k;
		int shown;

		z = named(places, low, &j);
		k = skip_marks(low, j);
		if (z != NULL && gmt_offset(low, &k, &shown)) {
			*off = shown;
			*american = z->rule == RULE_US;
			*end = k;
			return 1;
		}
		i = j;
	}
	if (z == NULL)
		return 0;
	*off = offset_of(z, year, month, day);
	*american = z->rule == RULE_US;
	*end = i;
	return 1;
}
