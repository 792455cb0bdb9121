/*
 * queries.c: search-bench's fixed queries (queries.h).
 *
 * Two kinds. Issue 9's: real phrases that the generator mixes in at
 * known rates, operators, fields and filters, and words of its vocabulary
 * by rank. Issue 22's: real Vietnamese typed as readers type it (without
 * marks, with marks, of one to four syllables, places and people, common
 * words and phrases, prefixes), which find their hits in the real-text
 * corpus. Each kind also runs on the other corpus: a query that finds
 * little there is timed all the same.
 */
#include "config.h"

#include <string.h>

#include "queries.h"

/* Issue 9's queries, on the phrases search-bench mixes in. */
static const char *const generated[] = {
	"dân vận", "dan van", "dân vận khéo", "dan van kheo", "\"dân vận khéo\"",
	"đà nẵng", "da nang", "ĐÀ NẴNG", "nước sạch", "nuoc sach", "thuỷ lợi", "thủy lợi",
	"thuy loi", "hòa bình", "hoa binh", "tỉnh ủy", "tinh uy", "lũ lụt", "lu lut",
	"công tác dân vận", "cong tac dan van", "\"công tác dân vận\"", "dân*", "dan*",
	"nướ*", "title:nước", "title:da nang", "after:2020 da nang", "on:2015 nuoc sach",
	"da nang -nuoc", "lũ OR lụt", "(da nang) OR (nuoc sach)", "before:2012 thuy loi",
	"daan vaajn", NULL
};

/* Issue 22's: real news as readers search it. The queries the issue
 * names first; then by kind. None holds an apostrophe: grep gets them
 * inside single quotes. */
static const char *const typed[] = {
	/* the issue's */
	"cong an", "bong da", "tham nhung", "ha noi", "tai nan giao thong", "t*", "ng*",
	/* without marks, one to four syllables */
	"dien", "xang", "bao", "giao thong", "chinh phu", "hoc sinh", "benh vien", "gia vang",
	"thu tuong", "du lich", "thoi tiet", "chung khoan", "ngan hang", "quoc hoi",
	"doanh nghiep", "ma tuy", "bat dong san", "ho chi minh", "an toan thuc pham",
	"uy ban nhan dan",
	/* with marks */
	"công an", "bóng đá", "tham nhũng", "Hà Nội", "tai nạn giao thông", "điện", "xăng",
	"Chính phủ", "bệnh viện", "ma túy", "bất động sản", "Thủ tướng", "học sinh",
	/* places */
	"hai phong", "Hải Phòng", "can tho", "Cần Thơ", "quang ninh", "Quảng Ninh", "nghe an",
	"tp hcm", "sai gon", "dak lak", "Đắk Lắk", "hue", "Huế", "trung quoc", "Trung Quốc",
	"my", "Mỹ", "han quoc", "bien dong",
	/* people */
	"nguyen xuan phuc", "Nguyễn Xuân Phúc", "nguyen phu trong", "donald trump", "trump",
	"dinh la thang", "Đinh La Thăng", "trinh xuan thanh", "cong vinh", "Công Vinh",
	"messi", "ronaldo", "kim jong un", "park hang seo", "xuan truong",
	/* the commonest words, four together, and phrases of common words */
	"của và các có", "cua va cac co", "người", "\"của các\"", "\"cho biết\"",
	"\"người dân\"", "\"có thể\"", "\"là một\"",
	/* prefixes, as a word is cut while typing */
	"nguo*", "cong a*", "tham nh*", "viet*", "h* n*",
	NULL
};

void
bench_queries(struct strlist *qs, char *const *vocab)
{
	static const int ranks[] = { 0, 1, 3, 9, 30, 99, 300, 999, 3000, 7000 };

	strlist_init(qs);
	for (int i = 0; generated[i]; i++)
		strlist_push(qs, xstrdup(generated[i]));
	for (size_t r = 0; r < sizeof ranks / sizeof *ranks; r++) {
		strlist_push(qs, xstrdup(vocab[ranks[r]]));
		strlist_push(qs, xasprintf("%s %s", vocab[ranks[r]], vocab[ranks[r] + 1]));
	}
	/* Issue 22: four common syllables; phrases of common syllables, one
	 * common, one rare as a phrase. */
	strlist_push(qs, xasprintf("%s %s %s %s", vocab[0], vocab[1], vocab[2], vocab[3]));
	strlist_push(qs, xasprintf("\"%s %s\"", vocab[0], vocab[1]));
	strlist_push(qs, xasprintf("\"%s %s\"", vocab[3], vocab[9]));
	for (int i = 0; typed[i]; i++)
		strlist_push(qs, xstrdup(typed[i]));
}

int
bench_words_only(const char *q)
{
	return strpbrk(q, ":*\"()-") == NULL && strstr(q, " OR ") == NULL &&
	    strcmp(q, "daan vaajn") != 0;
}
