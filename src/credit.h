/*
 * credit.h: bylines and sources as Vietnamese papers print them.
 *
 * "Hạnh Chi", "N.Mạnh", "TRUNG TRỰC", "(Theo Daily Mail)", "B.T (Theo AFP)",
 * "(TTXVN)", "Tin, ảnh: Nguyễn Hoàng (TTXVN)", "Thục Quyên (Khám Phá)",
 * "Hà Anh/VOV.VN", "Nguồn: Báo Cần Thơ": the person goes to the author,
 * the publication to the source.
 */
#ifndef LUOT_CREDIT_H
#define LUOT_CREDIT_H

enum credit_where {
	/* A line inside the body: only a credit that says what it is
	 * ("Tin, ảnh: ...", "Nguồn: ...") counts; prose that starts with a
	 * name must not lose its line. */
	CREDIT_BODY,
	/* One of the last lines of the body, where bylines stand: a name
	 * alone, "Theo X", "(X)" count too. */
	CREDIT_END,
};

/*
 * Is line (squeezed) a credit line? Returns 1 and sets *author and
 * *source (each NULL or a new string the caller frees) when it is: a
 * credit may name neither ("Tổng hợp", "(Lược dịch)"); 0 when it is not.
 */
int credit_parse(const char *line, enum credit_where where, char **author, char **source);

/* Is s what follows "Ảnh:" in a caption: who took the photo or where it
 * is from ("Văn Điệp/TTXVN", "Reuters", "Internet", "Tư liệu")? */
int credit_photo(const char *s);

/* Is name (a whole string) a publication or news agency ("TTXVN",
 * "Báo Lâm Đồng", "VnExpress", "vov.vn"), not a person? */
int credit_is_publication(const char *name);

/* Is s a Vietnamese person's name and nothing else: two to four words,
 * each one capitalised syllable ("Trần Thanh", "Hữu Nam"), not "Xe Kia
 * Sportage"? */
int credit_vietnamese_name(const char *s);

/* The bytes of the ranks and degrees s opens with, the space after them
 * included ("Thượng tướng GS.TS ", "Lương y ", "PGS-TS "), or 0. */
size_t credit_rank_len(const char *s);

/* The same, or a newsroom's role before a writer's name ("PV ", "Phóng
 * viên ", "CTV "): what a byline or signature may say before the name. */
size_t credit_role_len(const char *s);

/* The bytes of the word or words a writer's office may open with, after
 * the name ("Trường", "Phó", "UBND"), or 0: a name may open with some
 * ("Trường Giang"), which the caller tells by the small letters an
 * office has. */
size_t credit_office_len(const char *s);

/* Is s an expert's signature: ranks, a name, maybe their office after a
 * dash or a comma ("TS. Đoàn Văn Báu – Chuyên gia Tâm lý tội phạm",
 * "Lương y Vũ Quốc Trung")? Returns the name, a new string, or NULL. */
char *credit_expert(const char *s);

#endif
