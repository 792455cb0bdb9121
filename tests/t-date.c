/*
 * t-date.c: Vietnamese date formats, precision, and datelines vs. sentences.
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "../src/date.h"
#include "tap.h"

struct date_case {
	const char *in;
	const char *iso;	/* NULL: no date found */
	int dateline;
};

static const struct date_case cases[] = {
	{ "27.6.2018 - 15:31", "2018-06-27T15:31", 1 },
	{ "27/03/2020 - 11:38 AM", "2020-03-27T11:38", 1 },
	{ "27/03/2020 - 03:15 PM", "2020-03-27T15:15", 1 },
	{ "12/05/2021 12:05 AM", "2021-05-12T00:05", 1 },
	{ "12/05/2021 12:05 PM", "2021-05-12T12:05", 1 },
	{ "Thứ Sáu, 21/6/2024", "2024-06-21", 1 },
	{ "ngày 19 tháng 1 năm 2019", "2019-01-19", 1 },
	{ "Hôm nay, ngày 19 tháng 1 năm 2019", "2019-01-19", 1 },
	{ "NGÀY 5 THÁNG 9 NĂM 2023", "2023-09-05", 1 },
	{ "19-01-2019", "2019-01-19", 1 },
	{ "Thứ Hai, 03/02/2025 08:15 (GMT+7)", "2025-02-03T08:15", 1 },
	{ "08:15 03/02/2025", "2025-02-03T08:15", 1 },
	{ "Cập nhật lúc 15h30 ngày 2/9/2022", "2022-09-02T15:30", 1 },
	{ "27/04/2020 - 12.191 lượt xem", "2020-04-27", 1 },
	{ "Ngày 27-3, Ủy viên Ban Thường vụ Thành ủy đã kiểm tra việc thực hiện "
	  "Quyết định 290-QĐ/TƯ, ngày 25-2-2010 của Bộ Chính trị và nhiều văn bản khác",
	  "2010-02-25", 0 },
	{ "31/02/2020", NULL, 0 },
	{ "29/02/2024", "2024-02-29", 1 },
	{ "29/02/2023", NULL, 0 },
	/* No thirteenth month: the month first, as en-US pages write it
	 * (ASP.NET's "10/14/2014 2:35:00 PM"); not with dots or dashes. */
	{ "12/13/2020", "2020-12-13", 1 },
	{ "10/14/2014 2:35:00 PM", "2014-10-14T14:35", 1 },
	{ "12.13.2020", NULL, 0 },
	{ "13/13/2020", NULL, 0 },
	/* Month names: WordPress's Vietnamese dates, the time "sáng". */
	{ "Tháng Tư 14, 2014", "2014-04-14", 1 },
	{ "Chủ nhật, 14 Tháng Ba, 2010", "2010-03-14", 1 },
	{ "Tháng Mười Hai 1, 2015 9:05 sáng", "2015-12-01T09:05", 1 },
	{ "Tháng Mười 1, 2015", "2015-10-01", 1 },
	{ "Tháng Mười Một 30, 2015", "2015-11-30", 1 },
	{ "1.5.20", NULL, 0 },
	{ "phiên bản 1.2.2019x", NULL, 0 },
	{ "Số 123/2020/NĐ-CP", NULL, 0 },
	{ "27/6/2018 25:61", "2018-06-27", 1 },
	/* A headline that holds a date is not a dateline; a site's name or
	 * a place beside the date still is. */
	{ "Lịch cắt điện ngày 27/5/2017", "2017-05-27", 0 },
	{ "Từ 1/7/2025 chính thức tăng lương cơ sở", "2025-07-01", 0 },
	{ "Giá vàng hôm nay 7/2/2017: Diễn biến khó lường", "2017-02-07", 0 },
	{ "Tin tức ngày 7/2/2017", "2017-02-07", 0 },
	{ "Báo Lâm Đồng | 27/03/2020 15:31", "2020-03-27T15:31", 1 },
	{ "Hà Nội, 27/3/2020", "2020-03-27", 1 },
	{ "Thứ hai, 06/02/2017, 10:23 GMT+7", "2017-02-06T10:23", 1 },
	{ "Cập nhật: 08:15 03/02/2025 | Lượt xem: 1.204", "2025-02-03T08:15", 1 },
	{ "Chủ nhật, 5/2/2017 | 14:20", "2017-02-05T14:20", 1 },
	{ "Đăng lúc 9:05 ngày 12/12/2012 bởi Quản trị", "2012-12-12T09:05", 1 },
	/* A two-digit year after "ngày" alone; the evening's hours. */
	{ "Cập nhật thứ hai, ngày 24/12/12 11:05 tối", "2012-12-24T23:05", 1 },
	{ "ngày 3/4/98", "1998-04-03", 1 },
	{ "24/12/12", NULL, 0 },
	{ "ngày 31/2/12", NULL, 0 },
	{ "Thứ Ba, 25/12/2012, 3:30 chiều", "2012-12-25T15:30", 1 },
	/* The update's day first, the publication's after it: the
	 * publication's, with its own time, never the update's. */
	{ "Cập nhật: 10:30 13/05/2014 | Đăng: 09:15 12/05/2014", "2014-05-12T09:15", 1 },
	{ "Cập nhật: 10:30 13/05/2014 | Đăng: 12/05/2014", "2014-05-12", 1 },
	{ "Đăng: 09:15 12/05/2014 | Cập nhật: 10:30 13/05/2014", "2014-05-12T09:15", 1 },
	{ "Updated 13/05/2014 10:30 - Posted 12/05/2014", "2014-05-12", 1 },
	/* A forum's two-digit year, with the time after "lúc". */
	{ "10/9/14 lúc 14:05", "2014-09-10T14:05", 1 },
	{ "10/9/14 14:05", NULL, 0 },
	/* Hours in words, and an hour alone. */
	{ "09 giờ 10 phút, ngày 21/06/2023", "2023-06-21T09:10", 1 },
	{ "21/06/2023 9 giờ 10", "2023-06-21T09:10", 1 },
	{ "Lúc 9h ngày 21/6/2023", "2023-06-21T09:00", 1 },
	{ "21/6/2023, 9 giờ sáng", "2023-06-21T09:00", 1 },
	{ "Ngày 21/6/2023, trong 2 giờ", "2023-06-21", 0 },
	{ "Báo 24h, 21/6/2023", "2023-06-21", 0 },
	/* Zones named as foreign services write them: a place after
	 * "giờ" (its summer time counted), an abbreviation; the offset when
	 * written over the place; American pages write the month first. */
	{ "Thứ Ba 13 Tháng Ba 2012 - 19:20 giờ Paris (GMT+1)", "2012-03-14T01:20", 1 },
	{ "16 tháng 4 năm 2015 19:00 (Giờ Nhật Bản)", "2015-04-16T17:00", 1 },
	{ "Ngày 22 tháng 3 năm 2022 01:20 (giờ Nhật Bản)", "2022-03-21T23:20", 1 },
	{ "14/07/2016 14:00 giờ Paris", "2016-07-14T19:00", 1 },
	{ "25.05.2016 14:05 MSK", "2016-05-25T18:05", 1 },
	{ "12.06.2013 14:05 (giờ Mát-xcơ-va)", "2013-06-12T17:05", 1 },
	{ "9/8/2011 9:15:40 AM PDT", "2011-09-08T23:15", 1 },
	{ "1/15/2010 8:00 PM PST", "2010-01-16T11:00", 1 },
	{ "12/03/2024 10:00 giờ Washington", "2024-12-03T22:00", 1 },
	{ "12/03/2024 10:00 giờ địa phương", "2024-03-12T10:00", 1 },
	/* A text that ends inside a zone's name (found by fuzz-extract:
	 * the byte after "eest" was read past the end). */
	{ "21/06/2023 09:10 e", "2023-06-21T09:10", 1 },
	/* English months, as software left in English shows them, and
	 * WordPress's Vietnamese short months. */
	{ "Posted on May 12, 2014 at 9:15 am", "2014-05-12T09:15", 1 },
	{ "12 May 2014", "2014-05-12", 1 },
	{ "Sept. 3rd, 2015 10:00", "2015-09-03T10:00", 1 },
	{ "Th5 12, 2014", "2014-05-12", 1 },
	{ "12 Th5, 2014", "2014-05-12", 1 },
	{ "Th13 1, 2019", NULL, 0 },
	{ "may 12 chiếc áo năm 2014", NULL, 0 },
	/* A zone the page shows beside its time is believed (BBC, VOA,
	 * RFA): the time moves to UTC+7, the day with it. */
	{ "Cập nhật: 08:43 GMT - thứ hai, 17 tháng 6, 2013", "2013-06-17T15:43", 1 },
	{ "21:30 GMT-4, 10.06.2015", "2015-06-11T08:30", 1 },
	{ "12/03/2024 21:10 (UTC-4)", "2024-03-13T08:10", 1 },
	{ "12/03/2024 21:10 (UTC+07:00)", "2024-03-12T21:10", 1 },
	{ "12/03/2024 21:10 GMTX", "2024-03-12T21:10", 1 },
	/* A day as ISO writes it, as some pages show theirs. */
	{ "2013-11-04", "2013-11-04", 1 },
	{ "2013-11-04 09:12", "2013-11-04T09:12", 1 },
	{ "2013-02-30", NULL, 0 },
	{ "", NULL, 0 },
};

/* A time alone, as a page shows it beside its day. */
static void
test_time_alone(void)
{
	int h = -1, m = -1;

	ok(date_time_alone("08:30", &h, &m) && h == 8 && m == 30, "a time alone");
	ok(date_time_alone(" | 9:15 SA", &h, &m) && h == 9 && m == 15, "  after a bar, SA");
	ok(date_time_alone("lúc 2:20 CH", &h, &m) && h == 14 && m == 20, "  after lúc, CH");
	ok(date_time_alone("9:05 sáng", &h, &m) && h == 9 && m == 5, "  sáng");
	ok(date_time_alone("07:00 (GMT+7)", &h, &m) && h == 7, "  with Vietnam's zone");
	ok(!date_time_alone("07:00 (GMT)", &h, &m), "  not with another zone");
	ok(!date_time_alone("08:30 họp báo", &h, &m) && !date_time_alone("Tỷ số 2:1", &h, &m),
	    "  not before words, nor a score");
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	test_time_alone();
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct date_case *c = &cases[i];
		struct date d;
		char iso[DATE_ISO_MAX];
		int found = date_find(c->in, &d);

		if (c->iso == NULL) {
			ok(!found, c->in);
			continue;
		}
		date_iso(&d, iso);
		is_str(found ? iso : NULL, c->iso, c->in);
		is_int(date_is_dateline(c->in, &d), c->dateline, "  is a dateline");
	}
	{
		struct date d = { 2020, 3, 27, 0, 0, DATE_DAY };

		is_str(date_prec_name(d.prec), "day", "precision day");
		d.prec = DATE_MINUTE;
		is_str(date_prec_name(d.prec), "minute", "precision minute");
		ok(date_prec_name(DATE_NONE) == NULL, "no precision without a date");
	}
	{
		/* Dates in metadata (JSON, feeds, HTML): a time in UTC at
		 * UTC+7, as the papers show it; any other as written (sites
		 * write their local time with wrong offsets). */
		static const char *const meta[][2] = {
			{ "2017-02-06", "2017-02-06" },
			{ "2017-02-06T10:20:33.120+07:00", "2017-02-06T10:20" },
			{ "2017-02-06 10:20:33", "2017-02-06T10:20" },
			{ " 2017-02-06T23:05Z", "2017-02-07T06:05" },
			{ "2024-03-04T23:10:00Z", "2024-03-05T06:10" },
			{ "2019-02-18T17:34:20+08:00", "2019-02-18T17:34" },
			{ "2017-02-06T10:20+0000", "2017-02-06T17:20" },
			{ "2016-12-31T20:00:00.5+00:00", "2017-01-01T03:00" },
			{ "2017-02-06T25:05Z", "2017-02-06" },
			{ "Mon, 06 Feb 2017 10:20:00 +0700", "2017-02-06T10:20" },
			{ "6 Feb 2017 09:05 GMT", "2017-02-06T16:05" },
			{ "Mon, 06 Feb 2017 22:20:00 -0000", "2017-02-07T05:20" },
			{ "Tue, 29 Feb 2000", "2000-02-29" },
			{ "Thứ Hai, 6/2/2017 - 10:20", "2017-02-06T10:20" },
			{ "2017-02-30", NULL },
			{ "Mon, 31 Feb 2017 10:20:00 +0700", NULL },
			{ "hôm qua", NULL },
		};

		for (size_t i = 0; i < sizeof meta / sizeof meta[0]; i++) {
			struct date d;
			char iso[DATE_ISO_MAX];
			int found = date_parse_meta(meta[i][0], &d);

			if (found)
				date_iso(&d, iso);
			is_str(found ? iso : NULL, meta[i][1], meta[i][0]);
		}
		ok(!date_parse_meta(NULL, NULL), "no date in none");
	}
	{
		/* As the reader shows a date (C locale, no catalogue). */
		static const char *const shown[][2] = {
			{ "2024-09-16T22:10", "Mon 16 Sep 2024, 22:10" },
			{ "2024-09-16", "Mon 16 Sep 2024" },
			{ "2000-02-29", "Tue 29 Feb 2000" },
			{ "2023-02-29", "2023-02-29" },		/* no such day */
			{ "2024-13-01", "2024-13-01" },
			{ "2024-09-16T22:10x", "2024-09-16T22:10x" },
			{ "16/09/2024", "16/09/2024" },
			{ "", "" },
		};
		char out[64];

		for (size_t i = 0; i < sizeof shown / sizeof *shown; i++) {
			date_shown(shown[i][0], out, sizeof out);
			is_str(out, shown[i][1], shown[i][0][0] ? shown[i][0] : "an empty date");
		}
		date_shown("2024-09-16T22:10", out, 8);
		ok(strlen(out) < 8, "a short buffer: cut, still a string");
	}
	return done();
}
