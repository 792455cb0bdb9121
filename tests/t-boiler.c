/*
 * t-boiler.c: pattern syntax, the shipped pattern file, strip safety.
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../src/boiler.h"
#include "../src/util.h"
#include "tap.h"

static void
test_glob(void)
{
	ok(boiler_glob("nhập thông tin", "Nhập thông tin"), "case ignored");
	ok(boiler_glob("nhập thông tin", "NHẬP THÔNG TIN"), "Vietnamese capitals");
	ok(!boiler_glob("nhập thông tin", "Nhập thông tin cá nhân"), "whole line only");
	ok(boiler_glob("cỡ chữ*", "Cỡ chữ: A+ A-"), "star");
	ok(boiler_glob("# lượt xem", "12.191 lượt xem"), "hash is a number");
	ok(!boiler_glob("# lượt xem", "nhiều lượt xem"), "hash needs digits");
	ok(boiler_glob("* - # lượt xem", "27/04/2020 - 12.191 lượt xem"), "star and hash");
	ok(boiler_glob("*", ""), "star matches empty");
}

static void
test_match(void)
{
	struct boiler *b = boiler_new();

	boiler_add(b, BOILER_DROP, "Lỗi: Email không hợp lệ");
	boiler_add(b, BOILER_CUT, "các tin khác");
	is_int(boiler_match(b, "  • Lỗi: Email không hợp lệ"), BOILER_DROP, "bullet ignored");
	is_int(boiler_match(b, "CÁC TIN KHÁC"), BOILER_CUT, "cut in capitals");
	is_int(boiler_match(b, "Các tin khác:"), BOILER_CUT, "trailing colon ignored");
	is_int(boiler_match(b, "Các tin khác về giá lúa"), BOILER_NONE, "prose kept");
	boiler_free(b);
}

static void
test_strip(void)
{
	struct boiler *b = boiler_new();
	char l1[] = "In tin bàiLưu tin bài";
	char l2[] = "Bài viết hay.Chia sẻ Facebook";
	char l3[] = "Anh gửi cho bạn bè những lời chúc";
	char l4[] = "Nhờ gửi cho bạn bè";
	char l5[] = "Gửi cho bạn bè";

	boiler_add(b, BOILER_STRIP, "in tin bài");
	boiler_add(b, BOILER_STRIP, "lưu tin bài");
	boiler_add(b, BOILER_STRIP, "chia sẻ facebook");
	boiler_add(b, BOILER_STRIP, "gửi cho bạn bè");
	boiler_strip(b, l1);
	is_str(l1, "", "run-together links removed");
	boiler_strip(b, l2);
	is_str(l2, "Bài viết hay.", "glued at the end removed");
	boiler_strip(b, l3);
	is_str(l3, "Anh gửi cho bạn bè những lời chúc", "prose in the middle kept");
	boiler_strip(b, l4);
	is_str(l4, "Nhờ gửi cho bạn bè", "prose ending in the words kept");
	boiler_strip(b, l5);
	is_str(l5, "", "alone on its line removed");
	boiler_free(b);
}

static void
test_load(void)
{
	const char *dir = getenv("LUOT_DATADIR");
	char *path, *err = NULL;
	struct boiler *b = boiler_new();
	char tmp[] = "/tmp/t-boiler-XXXXXX";
	int fd, n;
	FILE *f;

	path = xasprintf("%s/boilerplate", dir ? dir : "data");
	n = boiler_load(b, path, &err);
	ok(n > 50, "shipped pattern file loads");
	is_int(boiler_match(b, "Cỡ chữ: A+ A-"), BOILER_DROP, "font widget is junk");
	is_int(boiler_match(b, "Android APK"), BOILER_DROP, "app link is junk");
	is_int(boiler_match(b, "Tin mới"), BOILER_CUT, "latest news cuts");
	is_int(boiler_match(b, "Các tin tức khác"), BOILER_CUT, "related news cuts");
	is_int(boiler_match(b, "Video: Toàn cảnh lễ khai mạc"), BOILER_LABEL, "a video's label");
	is_int(boiler_match(b, "Tạm dừng"), BOILER_DROP, "a player's button is junk");
	is_int(boiler_match(b, "Xem video:"), BOILER_LABEL, "a bare 'Xem video:' is a label");
	is_int(boiler_match(b, "Nguồn video: YouTube/Kênh Hay."), BOILER_LABEL, "a video's credit is a label");
	/* Patterns are anchored: no shipped one deletes a line that starts
	 * like it and says more. */
	is_int(boiler_match(b, "Tạm dừng hoạt động cơ sở mầm non Sen Vàng"), BOILER_NONE,
	    "a headline that starts like a button is no junk");
	is_int(boiler_match(b, "Đăng ký kết hôn trực tuyến từ tháng sau"), BOILER_NONE,
	    "  nor one that starts like a sign-up link");
	is_int(boiler_match(b, "Tải ứng dụng VNeID để làm thủ tục trực tuyến"), BOILER_NONE,
	    "  nor one that starts like an app link");
	is_int(boiler_match(b, "Video do người dân quay lại cho thấy: chiếc xe bị lật"), BOILER_NONE,
	    "  nor a sentence about a video");
	is_int(boiler_match(b, "Xem video, nhiều người bức xúc"), BOILER_NONE,
	    "  nor one that starts 'Xem video'");
	is_int(boiler_match(b, "Tải ứng dụng Báo Lâm Đồng"), BOILER_DROP, "the paper's app link is junk");
	free(path);

	fd = mkstemp(tmp);
	f = fdopen(fd, "w");
	fputs("# comment\ndrop quảng cáo\nremove this\n", f);
	fclose(f);
	n = boiler_load(b, tmp, &err);
	is_int(n, -1, "bad kind refused");
	ok(err != NULL && strstr(err, ":3:") != NULL, "error names the line");
	free(err);
	err = NULL;
	unlink(tmp);
	strcpy(tmp, "/tmp/t-boiler-XXXXXX");
	fd = mkstemp(tmp);
	f = fdopen(fd, "w");
	fputs("label xem clip*\n", f);
	fclose(f);
	is_int(boiler_load(b, tmp, &err), 1, "'label' patterns load");
	is_int(boiler_match(b, "Xem clip: người dân xếp hàng"), BOILER_LABEL, "  and match");
	unlink(tmp);
	is_int(boiler_load(b, "/nonexistent/boilerplate", &err), -1, "missing file refused");
	free(err);
	boiler_free(b);
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	test_glob();
	test_match();
	test_strip();
	test_load();
	return done();
}
