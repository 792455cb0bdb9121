/*
 * t-story.c: near-duplicate signatures (story.h): shingles of folded
 * words, the Jaccard index, MinHash estimates of it, SimHash.
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/story.h"
#include "../src/tokenize.h"
#include "../src/util.h"
#include "tap.h"

static const char *const base =
	"Sáng nay, ngư dân ven biển Quảng Ngãi phấn khởi vì trúng mùa cá cơm, mỗi chuyến ra "
	"khơi thu về hàng chục triệu đồng. Giá cá cơm tại cảng Sa Huỳnh dao động từ mười lăm "
	"đến hai mươi nghìn đồng một ký, thương lái đến tận bến mua. Nhiều chủ tàu cho biết "
	"năm nay biển êm, luồng cá vào gần bờ sớm hơn mọi năm chừng nửa tháng, nên tàu nhỏ "
	"cũng đánh bắt được. Chính quyền xã khuyến cáo bà con theo dõi thời tiết, không ra "
	"khơi khi có gió mạnh, và giữ gìn vệ sinh bến cá sau mỗi phiên chợ sáng sớm.";

/* The likeness of two texts: exact Jaccard, MinHash estimate. */
static void
likeness(const char *a, const char *b, double *j, double *est, int *dist)
{
	uint64_t *x, *y, sx[STORY_MINHASH], sy[STORY_MINHASH];
	size_t nx = story_shingles(a, strlen(a), &x), ny = story_shingles(b, strlen(b), &y);

	*j = story_jaccard(x, nx, y, ny);
	story_minhash(x, nx, sx);
	story_minhash(y, ny, sy);
	*est = story_minhash_likeness(sx, sy);
	*dist = story_simhash_distance(story_simhash(x, nx), story_simhash(y, ny));
	free(x);
	free(y);
}

int
main(void)
{
	double j, est;
	int dist;
	char *edited, *longer;

	setlocale(LC_ALL, "C.UTF-8");
	tok_init();

	likeness(base, base, &j, &est, &dist);
	ok(j == 1.0 && est == 1.0 && dist == 0, "a text is its own copy: Jaccard 1, MinHash 1, SimHash 0");

	/* Marks, case and NFD do not tell copies apart: folded words. */
	likeness(base, "SÁNG NAY, NGƯ DÂN ven biển Quảng Ngãi phấn khởi", &j, &est, &dist);
	ok(j > 0 && j < 1, "a part shares some shingles");
	likeness("Đà Nẵng mở tuyến xe buýt ven biển nối ba bãi tắm",
	    "Da Nang mo tuyen xe buyt ven bien noi ba bai tam", &j, &est, &dist);
	ok(j == 1.0, "the same words without marks: the same shingles");
	likeness("Ngư dân trúng mùa cá cơm ở cảng Sa Huỳnh năm nay",
	    "Ngu\xcc\x9b da\xcc\x82n tru\xcc\x81ng mu\xcc\x80" "a ca\xcc\x81 co\xcc\x9bm o\xcc\x9b\xcc\x89 "
	    "ca\xcc\x89ng Sa Huy\xcc\x80nh na\xcc\x86m nay", &j, &est, &dist);
	ok(j == 1.0, "NFD text: the same shingles as NFC");

	/* A copy with a changed word and a line added: alike, not equal;
	 * the estimate near the truth. */
	edited = xstrdup(base);
	memcpy(strstr(edited, "mười lăm"), "mười sáu", strlen("mười sáu"));
	longer = xasprintf("%s Theo Báo Quảng Ngãi.", edited);
	likeness(base, longer, &j, &est, &dist);
	ok(j > 0.7 && j < 1.0, "an edited copy: Jaccard above 0.7");
	ok(fabs(est - j) < 0.2, "MinHash estimates it within 0.2");
	likeness(base, "Giá vàng hôm nay tăng mạnh, vàng miếng vượt mốc tám mươi triệu đồng một "
	    "lượng, trong khi giá vàng thế giới đi ngang sau phiên giảm.", &j, &est, &dist);
	ok(j == 0.0 && est < 0.1, "another story: nothing shared");
	likeness("", "", &j, &est, &dist);
	ok(j == 0.0 && est == 0.0, "empty texts: no likeness");

	/* What the store keeps: a 16-bit signature, packed and back. */
	{
		struct story_sig a, b, back;
		struct story_rule r;
		unsigned char blob[STORY_SIG_BYTES];
		int64_t ka[STORY_BANDS], kb[STORY_BANDS];
		int shared = 0;
		double like;
		char *cut = xstrndup(base, (size_t)(strstr(base, " Chính quyền") - base));

		story_sign(base, strlen(base), &a);
		story_sign(longer, strlen(longer), &b);
		{
			uint64_t *v, full[STORY_MINHASH];
			size_t nv = story_shingles(longer, strlen(longer), &v);
			int same = 1;

			story_minhash(v, nv, full);
			for (int k = 0; k < STORY_MINHASH; k++)
				same &= b.v[k] == (uint16_t)full[k];
			ok(same && b.shingles == nv,
			    "signing as the words come: the MinHash of the shingle set");
			free(v);
		}
		story_sig_pack(&a, blob);
		ok(story_sig_unpack(blob, sizeof blob, &back) == 0 &&
		    memcmp(&a, &back, sizeof a) == 0, "a signature packs and unpacks whole");
		ok(story_sig_unpack(blob, sizeof blob - 1, &back) < 0,
		    "a blob of the wrong size is no signature");
		like = story_likeness(&a, &b);
		likeness(base, longer, &j, &est, &dist);
		ok(fabs(like - j) < 0.2, "the 16-bit estimate is near the truth too");
		story_band_keys(&a, ka);
		story_band_keys(&b, kb);
		for (int k = 0; k < STORY_BANDS; k++)
			shared += ka[k] == kb[k];
		ok(shared > 0, "an edited copy shares band keys");

		story_rule_default(&r);
		ok(story_same(&r, &a, 100, &b, 103, &like) == STORY_SAME,
		    "an edited copy three days later: the same story");
		ok(story_same(&r, &a, 100, &b, 108, &like) == STORY_APART,
		    "eight days apart: not (a template rerun)");
		ok(story_same(&r, &a, STORY_UNDATED, &b, 108, &like) == STORY_SAME,
		    "an undated copy: by its text alone");
		story_sign(cut, strlen(cut), &b);
		r.likeness = 0.9;
		ok(story_same(&r, &a, 100, &b, 100, &like) == STORY_APART,
		    "a cut copy under a strict likeness: apart");
		r.likeness = 0.75;
		ok(story_same(&r, &a, 100, &b, 100, &like) == STORY_IF_TITLES,
		    "a cut copy held in the whole: the titles decide");
		story_sign("Ngắn quá.", strlen("Ngắn quá."), &b);
		ok(story_same(&r, &b, 100, &b, 100, &like) == STORY_APART,
		    "a brief too short to tell: never a story");
		ok(story_title_likeness("Hồ Nước Trong khánh thành", "HO NUOC TRONG khanh thanh") == 1.0,
		    "titles compared folded");
		ok(story_day("2025-03-10T07:30") - story_day("2025-02-28") == 10 &&
		    story_day("2024-03-01") - story_day("2024-02-28") == 2 &&
		    story_day("10/3/2025") == STORY_UNDATED && story_day(NULL) == STORY_UNDATED,
		    "days, across months and a leap year; a date not ISO is none");
		free(cut);
	}
	free(edited);
	free(longer);
	return done();
}
