/*
 * credit-paper.c: the papers and agencies a byline may name, and whether a
 * name is one of them (credit.h's credit_is_publication).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "credit.h"
#include "text.h"
#include "util.h"

/* Papers and agencies that a byline names alone, lowered: without the
 * list "Thanh Niên" or "VnExpress" would be taken for a person. */
static const char *const publications[] = {
	"ttxvn", "vna", "tin tức", "ttxvn/tin tức", "vnexpress", "dân trí", "tuổi trẻ",
	"thanh niên", "tiền phong", "lao động", "người lao động", "vietnamnet", "zing",
	"zing news", "kenh14", "kênh 14", "soha", "infonet", "vov", "vtv", "vtc", "vtc news",
	"nhân dân", "quân đội nhân dân", "qđnd", "công an nhân dân", "cand", "pháp luật tp.hcm",
	"plo", "sài gòn giải phóng", "sggp", "hà nội mới", "an ninh thủ đô", "antđ",
	"giáo dục việt nam", "giáo dục và thời đại", "gia đình & xã hội", "gia đình và xã hội",
	"đời sống & pháp luật", "đời sống và pháp luật", "người đưa tin", "kiến thức",
	"khám phá", "trí thức trẻ", "báo mới", "baomoi", "24h", "eva", "ngôi sao",
	"vietnamplus", "nông nghiệp việt nam", "thể thao & văn hóa", "thể thao và văn hóa",
	"bongda", "doanh nhân sài gòn", "đầu tư", "đttd", "tiêu dùng", "vneconomy", "cafef",
	"cafebiz", "afp", "ap", "reuters", "xinhua", "tân hoa xã", "yonhap", "kyodo", "bbc",
	"cnn", "daily mail", "the guardian", "guardian", "new york times", "sputnik", "tass",
	"ria novosti", "bloomberg", "nhk", "cctv", "dpa", "ansa", "efe", "the sun",
	"mirror", "telegraph", "independent", "forbes", "nikkei", "wall street journal",
	"washington post", "al jazeera", "france 24", "rfi", "voa", "abc news", "nbc news",
	"cbs news", "fox news", "usa today", "time", "scmp", "global times",
	"thời báo hoàn cầu", "nhân dân nhật báo", "thể thao việt nam", "thể thao 247",
	"thethao247", "webthethao", "bóng đá plus", "vnmedia", "vtv news", "vtv24", "dân việt",
	"gđvn", "plvn", "pháp luật việt nam", "đời sống plus", "dnsg", "vne", "vtc14",
	"hanoimoi", "tiin", "yan", "saostar", "afamily", "đất việt", "petrotimes",
	"phonearena", "gsmarena", "the verge", "techcrunch", "engadget", "gd&tđ", "tto",
	"ndđt", "nlđ",
	/* photo agencies */
	"epa", "getty", "getty images", "shutterstock", "ap photo", NULL
};
/* How a publication's name often starts, lowered. */
static const char *const publication_heads[] = {
	"báo ", "tạp chí ", "đài ", "cổng thông tin ", "thông tấn xã ", "hãng tin ",
	"trang tin ", "kênh ", "nhật báo ", "tuần báo ", NULL
};

/* A host name: "vov.vn", "Dantri.com.vn". */
static int
domain_like(const char *low)
{
	static const char *const tlds[] = { ".vn", ".com", ".net", ".org", ".info", NULL };

	return strchr(low, ' ') == NULL && str_ends_any(tlds, low);
}

int
credit_is_publication(const char *name)
{
	char *low = text_lower(name);
	/* "Báo Lâm Đồng", not "Báo X sẽ tiếp tục cập nhật thông tin." */
	int r = str_in_list(publications, low) || domain_like(low) ||
	    (str_starts_any(publication_heads, low) && text_words(name) <= 6 &&
		strpbrk(name, ".!?:;") == NULL);

	free(low);
	return r;
}
