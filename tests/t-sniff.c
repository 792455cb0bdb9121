/*
 * t-sniff.c: telling files that are not article pages by their name and
 * their text, and not mistaking article pages for them.
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "../src/sniff.h"
#include "tap.h"

static const char *
text(const char *s)
{
	struct text_stats st = { 0, 0, 0 };

	return sniff_text(s, strlen(s), strlen(s), &st);
}

static void
test_names(void)
{
	static const char *const skip[] = {
		"README", "a/b/README.md", "readme.txt", "LICENSE", "x/LICENCE.txt", "copyright",
		"COPYING", "data/bai.csv", "bai.TSV", NULL
	};
	static const char *const keep[] = {
		"bai-001.txt", "readme-2019-tin-moi.txt", "licensed.txt", "x/copyrights-law.txt",
		"csv.txt", "README2.txt", NULL
	};

	for (int i = 0; skip[i]; i++)
		ok(sniff_name(skip[i]) != NULL, skip[i]);
	for (int i = 0; keep[i]; i++)
		ok(sniff_name(keep[i]) == NULL, keep[i]);
}

static void
test_markup(void)
{
	ok(text("  <!DOCTYPE html>\n<p>Bài báo</p>\n") != NULL, "doctype is markup");
	ok(text("<?xml version=\"1.0\"?>\n<rss><channel/></rss>\n") != NULL, "xml is markup");
	ok(text("<div class=\"a\">\n<p>Một đoạn văn.</p>\n</div>\n<span>x</span>\n") != NULL,
	    "lines of tags are markup");
	ok(text("Tiêu đề bài báo\n\nMột đoạn văn có <br> thừa lại từ trang web.\n"
	    "Một đoạn khác.\n<b>Chữ đậm</b> ở đầu dòng.\nĐoạn cuối cùng của bài.\n") == NULL,
	    "a page with a stray tag or two is an article");
	ok(text("Giá vàng <5% so với tuần trước\n\nĐoạn văn.\n") == NULL,
	    "a less-than sign is not markup");
}

static void
test_tables(void)
{
	ok(text("id,title,date\n1,a,2020\n2,b,2021\n3,\"c, d\",2022\n4,e,2023\n5,f,2024\n") != NULL,
	    "CSV with a quoted comma");
	ok(text("a;b;c;d\n1;2;3;4\n5;6;7;8\n9;1;2;3\n4;5;6;7\n") != NULL, "semicolon table");
	ok(text("a\tb\tc\n1\t2\t3\n4\t5\t6\n7\t8\t9\n1\t2\t3\n") != NULL, "TSV table");
	ok(text("Hà Nội, Huế, Đà Nẵng, TP.HCM đón mưa lớn\n\n"
	    "Sáng nay, mưa lớn, kéo dài, gây ngập nhiều tuyến phố.\n"
	    "Theo đài khí tượng, mưa còn kéo dài hai ngày.\n"
	    "Người dân, nhất là ở vùng trũng, cần chủ động phòng tránh.\n"
	    "Nhiều trường học cho học sinh nghỉ.\n"
	    "Lực lượng chức năng, công an, dân quân đã có mặt.\n") == NULL,
	    "prose full of commas is not a table");
	ok(text("a,b,c\n1,2,3\n") == NULL, "two rows are too few to tell");
}

static void
test_binary(void)
{
	struct text_stats st = { 0, 0, 0 };
	char bytes[] = "ab\0cd";

	ok(sniff_bytes(bytes, 5) != NULL, "NUL bytes are binary");
	ok(sniff_bytes("\xff\xfe" "a\0b\0", 6) == NULL, "UTF-16 with its BOM is not");
	st.removed = 20;
	ok(sniff_text("abc", 3, 100, &st) != NULL, "a fifth of control characters is binary");
	st.removed = 0;
	st.invalid = 20;
	ok(sniff_text("abc", 3, 100, &st) == NULL,
	    "a fifth invalid (a legacy 8-bit page) is still text");
	st.invalid = 40;
	ok(sniff_text("abc", 3, 100, &st) != NULL, "two fifths invalid is binary");
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	test_names();
	test_markup();
	test_tables();
	test_binary();
	return done();
}
