/*
 * t-extract.c: the extraction rules one by one on small pages, then every
 * fixture page against its manifest (the *-expected.tsv files in tests/data).
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/extract.h"
#include "../src/text.h"
#include "../src/util.h"
#include "tap.h"

static struct boiler *bp;

/* Long enough to be a paragraph (more than 8 words). */
#define P1 "Sáng nay, hàng nghìn nông dân trong tỉnh bắt đầu thu hoạch vụ lúa đông xuân sớm."
#define P2 "Theo ngành nông nghiệp, năng suất năm nay đạt trung bình bảy tấn một héc-ta."

static int
run(const char *page, struct article *a)
{
	article_init(a);
	return extract_article(bp, page, a);
}

static const char *
para(const struct article *a, size_t i)
{
	return i < a->paras.len ? a->paras.items[i] : NULL;
}

static void
test_junk_above_title(void)
{
	struct article a;

	run("Nhập thông tin\n  • Lỗi: Email không hợp lệ\n\nĐóng\n\n"
	    "Nông dân phấn khởi vào vụ gặt\n\n" P1 "\n\n" P2 "\n", &a);
	is_str(a.title, "Nông dân phấn khởi vào vụ gặt", "pop-up above the title removed");
	is_str(para(&a, 0), P1, "  body starts after the title");
	is_int((long long)a.paras.len, 2, "  two paragraphs");
	article_free(&a);
}

static void
test_crawl_date_and_section(void)
{
	struct article a;
	char iso[DATE_ISO_MAX];

	run("Hôm nay, ngày 19 tháng 1 năm 2019\nCỡ chữ: A+ A-\nTIN TỨC | KINH TẾ\n\n"
	    "Giá lúa tăng mạnh đầu vụ\n\n27.6.2018 - 15:31\n\n" P1 "\n" P2 "\n", &a);
	is_str(a.title, "Giá lúa tăng mạnh đầu vụ", "section header is not the title");
	date_iso(&a.published, iso);
	is_str(iso, "2018-06-27T15:31", "  dateline after the title is published");
	date_iso(&a.crawled, iso);
	is_str(iso, "2019-01-19", "  'Hôm nay' line is the crawl date");
	is_str(para(&a, 0), P1, "  widget and dates not in the body");
	article_free(&a);
}

static void
test_weekday_header(void)
{
	struct article a;
	char iso[DATE_ISO_MAX];

	run("Thứ Sáu, 21/6/2024\n\nMưa lớn gây ngập nhiều tuyến phố\n\n"
	    "Cập nhật ngày 19 tháng 1 năm 2019\n" P1 "\n", &a);
	date_iso(&a.crawled, iso);
	is_str(iso, "2024-06-21", "weekday header above the title is the crawl date");
	date_iso(&a.published, iso);
	is_str(iso, "2019-01-19", "  worded date after the title is published");
	article_free(&a);
}

static void
test_related_block(void)
{
	struct article a;
	char iso[DATE_ISO_MAX];

	run("Phối hợp chặt chẽ trong công tác dân vận\n\n" P1 "\n" P2 "\n\n \n"
	    "Các tin tức khác\n\nGiao ban công tác quý I\n\n27/04/2020 - 12.191 lượt xem\n"
	    "Kết quả bình chọn hàng Việt 2018Công ty tháo dỡ uy tín\n", &a);
	is_int((long long)a.paras.len, 2, "related block and everything after it cut");
	ok(a.published.prec == DATE_NONE, "  a date in the related block is not the article's");
	date_iso(&a.published, iso);
	article_free(&a);
}

static void
test_trailing_ad(void)
{
	struct article a;

	run("Phối hợp chặt chẽ trong công tác dân vận\n\n" P1 "\n" P2 "\n"
	    "Kết quả bình chọn hàng Việt 2018Công ty tháo dỡ công trình uy tín\n", &a);
	is_int((long long)a.paras.len, 2, "run-together ad after the body dropped");
	article_free(&a);
	run("Phối hợp chặt chẽ trong công tác dân vận\n\n" P1 "\n" P2 "\n"
	    "Giá lúa tăng mạnh\n", &a);
	is_int((long long)a.paras.len, 3, "  a plain short last line stays");
	article_free(&a);
}

static void
test_author_source(void)
{
	struct article a;

	run("Cầu mới nối đôi bờ sông Hậu\n\n" P1 "\n" P2 "\n\nTRUNG TRỰC\nIn tin bàiLưu tin bài\n"
	    "CÁC TIN KHÁC\n\nAndroid APK\n", &a);
	is_str(a.author, "TRUNG TRỰC", "signature in capitals is the author");
	is_int((long long)a.paras.len, 2, "  print/save links gone");
	article_free(&a);

	run("Hội chợ sách mở cửa\n\n" P1 "\n" P2 "\nTin, ảnh: Hoàng Lan\nNguồn: Báo Cần Thơ\n", &a);
	is_str(a.author, "Hoàng Lan", "'Tin, ảnh:' author");
	is_str(a.source, "Báo Cần Thơ", "'Nguồn:' source");
	article_free(&a);

	run("Hội chợ sách mở cửa\n\n" P1 "\n" P2 "\nTin Phan Thanh, ảnh Tiến Thắng\n", &a);
	is_str(a.author, "Phan Thanh", "'Tin X, ảnh Y' author is X");
	article_free(&a);

	run("Hội chợ sách mở cửa\n\n" P1 "\n" P2 "\nBài và ảnh: Thu Hà\n", &a);
	is_str(a.author, "Thu Hà", "'Bài và ảnh:' author");
	article_free(&a);
}

static void
test_captions(void)
{
	struct article a;

	run("Lúa chín vàng đồng\n\n" P1 "\nNông dân thu hoạch lúa. Ảnh: Ngọc Hân\n" P2
	    "\nQuang cảnh buổi họp. Ảnh: Văn Điệp/TTXVN\n", &a);
	is_int((long long)a.captions.len, 2, "captions kept apart");
	is_str(a.captions.len ? a.captions.items[0] : NULL, "Nông dân thu hoạch lúa. Ảnh: Ngọc Hân",
	    "  caption text whole");
	is_int((long long)a.paras.len, 2, "  not among paragraphs");
	article_free(&a);

	run("Lúa chín vàng đồng\n\n" P1 "\nÔng nói: “Những bức ảnh: ký ức của cả một thời "
	    "tuổi trẻ gian khổ nhưng đẹp đẽ mà chúng tôi không bao giờ quên được”.\n", &a);
	is_int((long long)a.captions.len, 0, "'ảnh:' inside prose is not a caption");
	article_free(&a);
}

static void
test_glued(void)
{
	struct article a;

	run("Tổng kết năm học\n\nKết quả nổi bậtNăm qua, toàn tỉnh có hơn chín mươi phần trăm "
	    "học sinh tốt nghiệp.\nCông tác này được sự ủng hộ của nhân dân.Trên cơ sở đó, "
	    "ngành giáo dục đề ra nhiệm vụ mới cho năm tới.\n", &a);
	is_str(para(&a, 0), "Kết quả nổi bật", "heading glued to paragraph split");
	is_str(para(&a, 1), "Năm qua, toàn tỉnh có hơn chín mươi phần trăm học sinh tốt nghiệp.",
	    "  paragraph after it");
	is_str(para(&a, 2), "Công tác này được sự ủng hộ của nhân dân.", "sentence glued split");
	is_str(para(&a, 3), "Trên cơ sở đó, ngành giáo dục đề ra nhiệm vụ mới cho năm tới.",
	    "  next sentence");
	article_free(&a);
}

static void
test_unglue_keeps_names(void)
{
	static const char *const keep[] = {
		"Xem trên YouTube và TikTok", "Mua iPhone mới", "TP.HCM và Q.Ba Đình",
		"Ông Nguyễn Văn A.Nguyễn", "giá 3.5 triệu", "eVisa cho du khách", NULL
	};

	for (int i = 0; keep[i]; i++) {
		struct strlist l;

		strlist_init(&l);
		is_int((long long)extract_unglue(keep[i], &l), 1, keep[i]);
		strlist_free(&l);
	}
}

static void
test_no_headline(void)
{
	struct article a;

	run("Chiều 12/3, tại thành phố Hội An, Ủy ban nhân dân tỉnh Quảng Nam tổ chức lễ khai mạc "
	    "lễ hội đèn lồng lần thứ năm với sự tham gia của hàng trăm nghệ nhân. Lễ hội kéo dài "
	    "đến hết tháng ba và thu hút đông đảo du khách trong và ngoài nước.\n" P2 "\n", &a);
	ok(a.title != NULL && strncmp(a.title, "Chiều 12/3, tại thành phố Hội An", 34) == 0,
	    "title from the first sentence");
	ok(a.title != NULL && text_width(a.title) <= 100, "  at most 100 columns");
	ok(a.title != NULL && strstr(a.title, "Lễ hội kéo dài") == NULL, "  only the first sentence");
	is_int((long long)a.paras.len, 2, "  the paragraph stays in the body");
	article_free(&a);
}

static void
test_empty(void)
{
	struct article a;

	is_int(run("", &a), -1, "empty page has no article");
	is_int(run("Nhập thông tin\nĐóng\nCỡ chữ: A+ A-\n", &a), -1, "junk only has no article");
	is_int(run("Chỉ có một tiêu đề thôi\n", &a), -1, "title without body has no article");
}

/* Fields of a manifest row: file title published crawled author source captions dup */
static int
split_tsv(char *line, char **f, int max)
{
	int n = 0;

	while (n < max) {
		char *tab = strchr(line, '\t');

		f[n++] = line;
		if (tab == NULL)
			break;
		*tab = '\0';
		line = tab + 1;
	}
	return n;
}

static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	struct buf b;
	char chunk[4096];
	size_t n;

	if (f == NULL)
		return NULL;
	buf_init(&b);
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&b, chunk, n);
	fclose(f);
	*len = b.len;
	return buf_detach(&b);
}

static void
check_manifest(const char *manifest, const char *dir)
{
	FILE *f = fopen(manifest, "r");
	char line[2048];
	int first = 1;

	if (!ok(f != NULL, manifest))
		return;
	while (fgets(line, sizeof line, f)) {
		char *fld[8], *path, *raw, *text, iso[DATE_ISO_MAX], name[512];
		size_t len = 0;
		struct article a;
		int n;

		line[strcspn(line, "\r\n")] = '\0';
		if (first || line[0] == '\0') {
			first = 0;
			continue;
		}
		n = split_tsv(line, fld, 8);
		while (n < 8)
			fld[n++] = "";
		path = xasprintf("%s/%s", dir, fld[0]);
		raw = slurp(path, &len);
		snprintf(name, sizeof name, "%s: readable", fld[0]);
		if (!ok(raw != NULL, name)) {
			free(path);
			continue;
		}
		text = text_decode(raw, len, NULL, NULL);
		article_init(&a);
		snprintf(name, sizeof name, "%s: article found", fld[0]);
		ok(extract_article(bp, text, &a) == 0, name);
		snprintf(name, sizeof name, "%s: title", fld[0]);
		if (strcmp(fld[1], "*") == 0)
			ok(a.title != NULL && text_width(a.title) <= 100 && a.paras.len > 0 &&
			    strncmp(a.paras.items[0], a.title, strlen(a.title) >= 3 ?
				strlen(a.title) - 3 : 0) == 0, name);
		else
			is_str(a.title, fld[1], name);
		date_iso(&a.published, iso);
		snprintf(name, sizeof name, "%s: published", fld[0]);
		is_str(iso, fld[2], name);
		date_iso(&a.crawled, iso);
		snprintf(name, sizeof name, "%s: crawled", fld[0]);
		is_str(iso, fld[3], name);
		snprintf(name, sizeof name, "%s: author", fld[0]);
		is_str(a.author ? a.author : "", fld[4], name);
		snprintf(name, sizeof name, "%s: source", fld[0]);
		is_str(a.source ? a.source : "", fld[5], name);
		snprintf(name, sizeof name, "%s: captions", fld[0]);
		is_int((long long)a.captions.len, atoll(fld[6]), name);
		for (size_t i = 0; i < a.paras.len; i++) {
			if (boiler_match(bp, a.paras.items[i]) != BOILER_NONE) {
				snprintf(name, sizeof name, "%s: junk left: %s", fld[0], a.paras.items[i]);
				ok(0, name);
			}
		}
		article_free(&a);
		free(text);
		free(raw);
		free(path);
	}
	fclose(f);
}

int
main(void)
{
	const char *data = getenv("LUOT_DATADIR"), *tests = getenv("TESTDATA");
	char *path, *err = NULL, *m, *d;

	setlocale(LC_ALL, "C.UTF-8");
	bp = boiler_new();
	path = xasprintf("%s/boilerplate", data ? data : "data");
	if (boiler_load(bp, path, &err) < 0) {
		printf("Bail out! %s\n", err);
		return 1;
	}
	free(path);
	test_junk_above_title();
	test_crawl_date_and_section();
	test_weekday_header();
	test_related_block();
	test_trailing_ad();
	test_author_source();
	test_captions();
	test_glued();
	test_unglue_keeps_names();
	test_no_headline();
	test_empty();

	m = xasprintf("%s/import-expected.tsv", tests ? tests : "tests/data");
	d = xasprintf("%s/import", tests ? tests : "tests/data");
	check_manifest(m, d);
	free(m);
	free(d);
	m = xasprintf("%s/demo-expected.tsv", tests ? tests : "tests/data");
	d = xasprintf("%s/demo", data ? data : "data");
	check_manifest(m, d);
	free(m);
	free(d);
	boiler_free(bp);
	return done();
}
