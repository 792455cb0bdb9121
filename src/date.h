/*
 * date.h: dates as Vietnamese pages write them.
 *
 * Recognised: "27.6.2018 - 15:31", "27/03/2020 - 11:38 AM", "19-01-2019",
 * "Thứ Sáu, 21/6/2024", "ngày 19 tháng 1 năm 2019", "ngày 24/12/12" (a
 * two-digit year after "ngày" only), a time before or after the date
 * ("08:15 03/02/2025"), 12-hour clocks with AM/PM, SA/CH, or "tối" and
 * "chiều" after it ("11:05 tối").
 */
#ifndef LUOT_DATE_H
#define LUOT_DATE_H

#include <stddef.h>

enum date_prec {
	DATE_NONE = 0,
	DATE_DAY,
	DATE_MINUTE,
};

struct date {
	int year, month, day, hour, minute;
	enum date_prec prec;
};

/* Length of an ISO 8601 string date_iso() writes, NUL included. */
#define DATE_ISO_MAX 17

/*
 * Find the first valid date in the UTF-8 line s and the time next to it.
 * Returns 1 and fills *d when found, 0 otherwise.
 */
int date_find(const char *s, struct date *d);

/*
 * A text that is a time alone ("08:30", "| 9:15 SA", "lúc 14:20"), as a
 * page shows it in an element beside the day's: 1 with *hour, *minute,
 * else 0.
 */
int date_time_alone(const char *s, int *hour, int *minute);

/*
 * A text that is a zone alone ("(giờ Mát-xcơ-va)", "GMT+3"), as a page
 * shows it in an element beside the time's: 1 with the time d moved from
 * it to UTC+7, else 0 (d as it was).
 */
int date_zone_alone(const char *s, struct date *d);

/*
 * True when the line is a dateline: a date with at most a few words around
 * it (weekday, "Cập nhật", a view counter), not a sentence that mentions a
 * date.
 */
int date_is_dateline(const char *s, struct date *d);

/*
 * A date as programs write it, in metadata (JSON, feeds, HTML): ISO 8601
 * or RFC 3339 ("2017-02-06", "2017-02-06T10:20:00.000+07:00", a space
 * for the T), RFC 822 as RSS has it ("Mon, 06 Feb 2017 10:20:00 +0700");
 * else any date a page writes (date_find). A time in UTC ("Z", "+00:00",
 * "GMT") is moved to UTC+7, the time Vietnamese papers show and their
 * datelines are read in (a page's metadata in UTC may fall on the day
 * before); any other is kept as written, its offset dropped (sites write
 * their local time with wrong offsets). Returns 1 and fills *d, or 0.
 */
int date_parse_meta(const char *s, struct date *d);

/* "2018-06-27" or "2018-06-27T15:31" into out (DATE_ISO_MAX bytes). */
void date_iso(const struct date *d, char *out);

/*
 * A stored date ("2024-09-16" or "2024-09-16T22:10", nothing else) into
 * *tm, its weekday and day of the year too. Returns DATE_DAY or
 * DATE_MINUTE, or DATE_NONE for any other string or a day that does not
 * exist.
 */
struct tm;
enum date_prec date_from_iso(const char *iso, struct tm *tm);

/*
 * A stored date ("2024-09-16" or "2024-09-16T22:10") as a reader writes
 * it, in the locale's words: "Mon 16 Sep 2024, 22:10", under vi_VN
 * "Thứ Hai, 16/09/2024 22:10" (the formats are translated). Anything
 * else is copied as it is. Writes at most size bytes, NUL included.
 */
void date_shown(const char *iso, char *out, size_t size);

/* "day" or "minute" (NULL for DATE_NONE): the stored precision name. */
const char *date_prec_name(enum date_prec p);

#endif
