/*
 * t-credit.c: bylines and sources as papers print them, each form the
 * person to the author and the publication to the source; prose, captions
 * and section heads are no credit.
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/credit.h"
#include "../src/text.h"
#include "tap.h"

struct credit_case {
	const char *line;
	enum credit_where where;
	int credit;
	const char *author, *source;	/* "" for none */
};

static const struct credit_case cases[] = {
	{ "Hạnh Chi", CREDIT_END, 1, "Hạnh Chi", "" },
	{ "Thùy Dương", CREDIT_END, 1, "Thùy Dương", "" },
	{ "N.Mạnh", CREDIT_END, 1, "N.Mạnh", "" },
	{ "H.L", CREDIT_END, 1, "H.L", "" },
	{ "Ch. Tuấn", CREDIT_END, 1, "Ch. Tuấn", "" },
	{ "TRUNG TRỰC", CREDIT_END, 1, "TRUNG TRỰC", "" },
	{ "Hải Yến -", CREDIT_END, 1, "Hải Yến", "" },
	{ "Minh Anh - Quốc Bảo", CREDIT_END, 1, "Minh Anh - Quốc Bảo", "" },
	{ "(Theo Daily Mail)", CREDIT_END, 1, "", "Daily Mail" },
	{ "Theo Trí thức trẻ", CREDIT_END, 1, "", "Trí thức trẻ" },
	{ "Theo Dân trí.", CREDIT_END, 1, "", "Dân trí" },
	{ "B.T (Theo AFP)", CREDIT_END, 1, "B.T", "AFP" },
	{ "(TTXVN)", CREDIT_END, 1, "", "TTXVN" },
	{ "Tin, ảnh: Nguyễn Hoàng (TTXVN)", CREDIT_END, 1, "Nguyễn Hoàng", "TTXVN" },
	{ "Tin, ảnh: Nguyễn Hoàng (TTXVN)", CREDIT_BODY, 1, "Nguyễn Hoàng", "TTXVN" },
	{ "Thục Quyên (Khám Phá)", CREDIT_END, 1, "Thục Quyên", "Khám Phá" },
	{ "Theo Hà Anh (Dân trí)", CREDIT_END, 1, "Hà Anh", "Dân trí" },
	{ "Theo Thanh Tuyết/Vnexpress.net", CREDIT_END, 1, "Thanh Tuyết", "Vnexpress.net" },
	{ "Theo Minh Châu/TTXVN", CREDIT_END, 1, "Minh Châu", "TTXVN" },
	{ "Hà Anh/VOV.VN", CREDIT_END, 1, "Hà Anh", "VOV.VN" },
	{ "Minh Thu/KD&PL", CREDIT_END, 1, "Minh Thu", "KD&PL" },
	{ "TTXVN/Quân Trang - Thanh Thắng", CREDIT_END, 1, "Quân Trang - Thanh Thắng", "TTXVN" },
	{ "PV/VOV-Tây Nguyên", CREDIT_END, 1, "PV", "VOV-Tây Nguyên" },
	{ "Theo An Yên (Video: Gigadget)/VnExpress.net", CREDIT_END, 1, "An Yên", "VnExpress.net" },
	{ "Theo Nguyễn Nguyễn/ Sina (Khám phá)", CREDIT_END, 1, "Nguyễn Nguyễn", "Khám phá" },
	{ "Lan Hương/VOV-Trung tâm Tin Theo AFP", CREDIT_END, 1, "Lan Hương", "AFP" },
	{ "VnExpress", CREDIT_END, 1, "", "VnExpress" },
	{ "Thanh Niên", CREDIT_END, 1, "", "Thanh Niên" },
	{ "TTXVN/Tin Tức", CREDIT_END, 1, "", "TTXVN/Tin Tức" },
	{ "Báo Lâm Đồng", CREDIT_END, 1, "", "Báo Lâm Đồng" },
	{ "Nguồn: Báo Cần Thơ", CREDIT_BODY, 1, "", "Báo Cần Thơ" },
	{ "(Nguồn: VTV)", CREDIT_END, 1, "", "VTV" },
	{ "Bài và ảnh: Thu Hà", CREDIT_BODY, 1, "Thu Hà", "" },
	{ "Tin - Ảnh - Video: Hòa Nguyễn", CREDIT_END, 1, "Hòa Nguyễn", "" },
	{ "Tin Phan Thanh, ảnh Tiến Thắng", CREDIT_BODY, 1, "Phan Thanh", "" },
	{ "KIM THANH (Lược dịch)", CREDIT_END, 1, "KIM THANH", "" },
	{ "Tổng hợp", CREDIT_END, 1, "", "" },
	{ "(T/h)", CREDIT_END, 1, "", "" },
	{ "PV", CREDIT_END, 1, "PV", "" },
	{ "Theo Hữu Doãn (Thể Thao 247)", CREDIT_END, 1, "Hữu Doãn", "Thể Thao 247" },
	{ "Nguyễn Hà (tổng hợp theo báo VnExpress, Đầu tư)", CREDIT_END, 1, "Nguyễn Hà",
	  "VnExpress, Đầu tư" },
	{ "Dương - Hằng", CREDIT_END, 1, "Dương - Hằng", "" },
	{ "Phương Nam - Thể thao Việt Nam | 21:00 06/02/2017", CREDIT_END, 1, "Phương Nam",
	  "Thể thao Việt Nam" },
	{ "hoàng giang (thực hiện", CREDIT_END, 1, "hoàng giang", "" },
	{ "Báo PLVN sẽ tiếp tục cập nhật thông tin./.", CREDIT_END, 0, "", "" },
	{ "PV: Xin cảm ơn ông!", CREDIT_BODY, 0, "", "" },
	{ "Ảnh: Carscoop", CREDIT_BODY, 0, "", "" },
	/* No credit: prose, captions, heads, and names in the body. */
	{ "Hạnh Chi", CREDIT_BODY, 0, "", "" },
	{ "Theo Trí thức trẻ", CREDIT_BODY, 0, "", "" },
	{ "Toàn cảnh Hội nghị", CREDIT_END, 0, "", "" },
	{ "Hoàng", CREDIT_END, 0, "", "" },
	{ "Theo Sport Mail, Chelsea đã sẵn sàng chi đậm cho tiền đạo này", CREDIT_END, 0, "", "" },
	{ "Giá lúa tăng mạnh", CREDIT_END, 0, "", "" },
	{ "Ông Nguyễn Văn An (Bắc Ninh) cho biết sẽ tiếp tục theo dõi.", CREDIT_END, 0, "", "" },
	{ "Nông dân thu hoạch lúa. Ảnh: Ngọc Hân", CREDIT_END, 0, "", "" },
	{ "Năm 2017", CREDIT_END, 0, "", "" },
	{ "", CREDIT_END, 0, "", "" },
};

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct credit_case *c = &cases[i];
		char *author, *source, name[256];
		int r = credit_parse(c->line, c->where, &author, &source);

		snprintf(name, sizeof name, "%s \"%s\"", c->where == CREDIT_END ? "end" : "body",
		    c->line);
		is_int(r, c->credit, name);
		is_str(author ? author : "", c->author, "  author");
		is_str(source ? source : "", c->source, "  source");
		free(author);
		free(source);
	}
	/* A name above a nameless "(T/h)" counts only when it can only be a
	 * person's. */
	ok(credit_vietnamese_name("Trần Thanh") && credit_vietnamese_name("Hữu Nam") &&
	    credit_vietnamese_name("Nguyễn Thị Minh Khai"), "Vietnamese names");
	ok(!credit_vietnamese_name("Xe Kia Sportage") && !credit_vietnamese_name("Thanh") &&
	    !credit_vietnamese_name("Sân: Camp Nou") && !credit_vietnamese_name("Năm 2017") &&
	    !credit_vietnamese_name("Jennifer Lopez") && !credit_vietnamese_name("T.Tú Lan"),
	    "  a product, one word, a label, a year, a foreign name, initials are not");
	/* What a byline says before the name: ranks, degrees, and (for a
	 * writer alone) a newsroom's role. */
	is_int((int)credit_rank_len("PGS, TS. Đỗ Quang Huy"), (int)strlen("PGS, TS. "),
	    "ranks joined by a comma");
	is_int((int)credit_rank_len("Đại tá Trần Văn Sơn"), (int)strlen("Đại tá "), "a rank");
	is_int((int)credit_rank_len("TS.BS Lê Hùng"), (int)strlen("TS.BS "),
	    "short degrees joined by a dot");
	is_int((int)credit_rank_len("ThS-LS. Vũ Mai"), (int)strlen("ThS-LS. "), "  by a dash");
	is_int((int)credit_rank_len("BS.CKII Đào Nga"), (int)strlen("BS.CKII "),
	    "  a specialist's grade");
	is_int((int)credit_rank_len("NSƯT, Ths. Hà Vy"), (int)strlen("NSƯT, Ths. "),
	    "  an honour and a degree");
	is_int((int)credit_rank_len("Chuẩn Đô đốc, TS. Lê Văn Đạo"),
	    (int)strlen("Chuẩn Đô đốc, TS. "), "a navy rank before a degree");
	is_int((int)credit_rank_len("Kiểm sát viên Trần Thu"), (int)strlen("Kiểm sát viên "),
	    "  an office of the courts");
	is_int((int)credit_rank_len("Nghệ sĩ Nhân dân Lan Hương"),
	    (int)strlen("Nghệ sĩ Nhân dân "), "  an honour in words, whole");
	is_int((int)credit_rank_len("Thượng tá, nhà phê bình Lê Hữu Nghĩa"),
	    (int)strlen("Thượng tá, nhà phê bình "), "  a second title in small letters");
	is_int((int)credit_rank_len("nhà báo Lê Hữu"), 0, "  but never the first");
	is_int((int)credit_rank_len("N.Mạnh"), 0, "initials are no degree");
	is_int((int)credit_rank_len("TSMC đầu tư"), 0, "  nor a word that opens with one");
	is_int((int)credit_rank_len("TS.Lê Hùng"), 0, "  nor one glued to a name");
	is_int((int)credit_rank_len("Doanh nhân Sài Gòn"), 0, "  nor a paper's name");
	is_int((int)credit_rank_len("PV Minh Hà"), 0, "  a role is no rank");
	is_int((int)credit_role_len("PV Minh Hà"), (int)strlen("PV "), "  but a role");
	is_int((int)credit_role_len("Phóng viên Đức Trung"), (int)strlen("Phóng viên "),
	    "  in words too");
	is_int((int)credit_role_len("Phan Văn Minh"), 0, "a name opens with neither");
	is_int((int)credit_role_len("PVGas tăng vốn"), 0, "  nor a word that begins like one");
	return done();
}
