/*
 * credit.c: see credit.h.
 *
 * A credit line is parsed from its ends: a role ("Tin, ảnh:") or "Theo"
 * before, a parenthesis after ("(TTXVN)", "(Theo AFP)"), a slash between
 * a person and a paper ("Hà Anh/VOV.VN"); what is left must read as
 * names. A name is a few words each with a capital ("Hạnh Chi",
 * "TRUNG TRỰC") or initials ("N.Mạnh", "B.T"): prose never is.
 */
#include "config.h"

#include <stdlib.h>
#include <ctype.h>
#include <string.h>

#include "credit.h"
#include "date.h"
#include "text.h"
#include "util.h"

/* Longest credit line, in words: a byline with a role and two names. */
#define CREDIT_MAX_WORDS 16
/* Words in one person's name, at most. */
#define NAME_MAX_WORDS 5

/* Parentheses of a credit that name no publication, lowered. */
static const char *const not_sources[] = {
	"tổng hợp", "t/h", "th", "lược dịch", "dịch", "biên dịch", "thực hiện", "ghi",
	"sưu tầm", "st", "tổng hợp từ nhiều nguồn", "theo tổng hợp", NULL
};
/* The words of a role before the names ("Tin, ảnh:", "Nhóm phóng viên:"),
 * lowered. */
static const char *const role_words[] = {
	"tin", "bài", "ảnh", "video", "clip", "và", "phóng", "viên", "nhóm", "tác", "giả",
	"thực", "hiện", "ký", "đồ", "họa", "hoạ", "ghi", "chép", "biên", "tập", "dịch",
	"thiết", "kế", "infographic", "ctv", "cộng", "tác", NULL
};

/* Of those, the ones that credit pictures only. */
static const char *const photo_roles[] = {
	"ảnh", "video", "clip", "đồ", "họa", "hoạ", "infographic", "thiết", "kế", "và", NULL
};

/* A copy of the n bytes at s without spaces at either end. */
static char *
trimmed(const char *s, size_t n)
{
	while (n > 0 && *s == ' ') {
		s++;
		n--;
	}
	while (n > 0 && s[n - 1] == ' ')
		n--;
	return xstrndup(s, n);
}

/* The next word of the n bytes at s from *i, between spaces: 1 with
 * [*start, *i) its bytes, 0 at the end. */
static int
next_word(const char *s, size_t n, size_t *i, size_t *start)
{
	while (*i < n && s[*i] == ' ')
		(*i)++;
	if (*i == n)
		return 0;
	*start = *i;
	while (*i < n && s[*i] != ' ')
		(*i)++;
	return 1;
}

/* Letters in the n bytes at s, and of them capitals and small ones; 0
 * when something else than letters, '.', '-' and '\'' is there. */
static int
word_letters(const char *s, size_t n, size_t *upper, size_t *lower, uint32_t *first)
{
	size_t i = 0, letters = 0;

	*upper = *lower = 0;
	*first = 0;
	while (i < n) {
		uint32_t uc;

		i += (size_t)text_next(s + i, n - i, &uc);
		if (text_is_letter(uc)) {
			if (letters++ == 0)
				*first = uc;
			*upper += text_is_upper(uc);
			*lower += text_is_lower(uc);
		} else if (uc != '.' && uc != '-' && uc != '\'') {
			return 0;
		}
	}
	return (int)letters;
}

/*
 * One word of a name: it starts with a capital ("Chi", "TRỰC", "Jae-in")
 * or is initials ("N.Mạnh", "B.T", "Ch."). *initials says the second.
 */
static int
name_word(const char *s, size_t n, int *initials)
{
	size_t upper, lower;
	uint32_t first;
	int letters = word_letters(s, n, &upper, &lower, &first);

	*initials = memchr(s, '.', n) != NULL;
	return letters > 0 && text_is_upper(first);
}

/* One person's name: 1 to NAME_MAX_WORDS name words; a single word
 * only when it is initials or in capitals ("PV", "H.L"). */
static int
person_like(const char *s, size_t n)
{
	size_t i = 0, words = 0, start;
	int initials = 0, caps = 1;

	while (next_word(s, n, &i, &start)) {
		int ini;

		if (!name_word(s + start, i - start, &ini))
			return 0;
		initials |= ini;
		{
			size_t up, low;
			uint32_t first;

			word_letters(s + start, i - start, &up, &low, &first);
			caps &= low == 0 && up >= 2;
		}
		words++;
	}
	return words >= 2 ? words <= NAME_MAX_WORDS : words == 1 && (initials || caps);
}

/* Longest Vietnamese syllable, in letters ("nghiêng"). */
#define SYLLABLE_MAX_LETTERS 7

/* One written Vietnamese syllable, capitalised: letters only, the first a
 * capital, the rest small, none of f, j, w, z, which Vietnamese does not
 * write. */
static int
syllable_capitalised(const char *s, size_t n)
{
	size_t up, low;
	uint32_t first;
	int letters = word_letters(s, n, &up, &low, &first);

	if (letters < 1 || letters > SYLLABLE_MAX_LETTERS || up != 1 || !text_is_upper(first) ||
	    (size_t)letters != up + low || memchr(s, '.', n) != NULL || memchr(s, '-', n) != NULL ||
	    memchr(s, '\'', n) != NULL)
		return 0;
	for (size_t i = 0; i < n; i++) {
		if (strchr("fjwzFJWZ", s[i]) != NULL)
			return 0;
	}
	return 1;
}

int
credit_vietnamese_name(const char *s)
{
	size_t i = 0, n = strlen(s), start, words = 0;

	while (next_word(s, n, &i, &start)) {
		if (!syllable_capitalised(s + start, i - start))
			return 0;
		words++;
	}
	return words >= 2 && words <= 4;
}

/* Degrees and titles written short, alone or joined by dots or dashes
 * ("TS.BS", "BS.CKII", "ThS-LS", "NSƯT"): a page writes any mix of them. */
static const char *const degree_atoms[] = {
	"GS", "PGS", "TS", "Ts", "TSKH", "ThS", "Ths", "BS", "Bs", "BSCKI", "BSCKII", "CKI",
	"CKII", "BSNT", "LS", "KTS", "KS", "DS", "NSND", "NSƯT", "NSUT", "TTND", "TTƯT", "NGƯT",
	"NGND", NULL
};

/* Is [s, s + n) one of degree_atoms? */
static int
degree_atom(const char *s, size_t n)
{
	for (int k = 0; degree_atoms[k]; k++) {
		if (strlen(degree_atoms[k]) == n && strncmp(s, degree_atoms[k], n) == 0)
			return 1;
	}
	return 0;
}

/* The bytes of the short degrees p opens with ("PGS.TS." of "PGS.TS.
 * Đỗ Huy"), before the space or the ", " that ends them; 0 when p opens
 * with none. */
static size_t
degree_len(const char *p)
{
	size_t i = 0;

	for (;;) {
		size_t start = i;

		while (p[i] != '\0' && strchr(" ,.-", p[i]) == NULL)
			i++;
		if (i == start || !degree_atom(p + start, i - start))
			return 0;
		if (p[i] == '.')
			i++;
		if (p[i] == ' ' || (p[i] == ',' && p[i + 1] == ' '))
			return i;
		if (p[i] == '-')
			i++;
		else if (p[i] == '\0' || strchr(" ,", p[i]) != NULL || p[i - 1] != '.')
			return 0;
	}
}

size_t
credit_rank_len(const char *s)
{
	/* Longest first where one opens another ("Nghệ sĩ Nhân dân" before
	 * "Nghệ sĩ"). */
	static const char *const ranks[] = { "Thượng tướng", "Trung tướng", "Thiếu tướng",
		"Đại tướng", "Đại tá", "Thượng tá", "Trung tá", "Thiếu tá", "Đại úy", "Đại uý",
		"Thượng úy", "Thượng uý", "Trung úy", "Trung uý", "Thiếu úy", "Thiếu uý",
		"Chuẩn úy", "Chuẩn uý", "Phó Đô đốc", "Phó đô đốc", "Chuẩn Đô đốc", "Chuẩn đô đốc",
		"Đô đốc", "Thượng sĩ", "Trung sĩ", "Hạ sĩ", "Binh nhất", "Binh nhì", "Lương y",
		"Bác sĩ", "Bác sỹ", "Luật sư", "Luật gia", "Thẩm phán", "Kiểm sát viên",
		"Điều tra viên", "Nhà báo", "Nhà văn", "Nhà thơ", "Nhà nghiên cứu", "Nhà sử học",
		"Nhà phê bình", "Nhà khoa học", "Nhà giáo Nhân dân", "Nhà giáo Ưu tú", "Nhà giáo",
		"Nghệ sĩ Nhân dân", "Nghệ sĩ Ưu tú", "Nghệ sĩ", "Nghệ sỹ", "Thầy thuốc Nhân dân",
		"Thầy thuốc Ưu tú", "Nhạc sĩ", "Nhạc sỹ", "Họa sĩ", "Hoạ sĩ", "Họa sỹ",
		"Nhiếp ảnh gia", "Đạo diễn", "Chuyên gia", "Kỹ sư", "Kiến trúc sư", "Dược sĩ",
		"Điều dưỡng", "Cử nhân", "Nghệ nhân", "Phó Giáo sư", "Phó giáo sư", "Giáo sư",
		"Tiến sĩ", "Tiến sỹ", "Thạc sĩ", "Thạc sỹ", "Hòa thượng", "Thượng tọa", "Đại đức",
		"Linh mục", "Mục sư", NULL };
	size_t len = 0;

	for (;;) {
		const char *p = s + len;
		size_t m = degree_len(p);

		for (int k = 0; ranks[k] && m == 0; k++) {
			size_t n = strlen(ranks[k]);

			/* "PGS, TS. Đỗ Quang Huy" too; "Thượng tá, nhà phê
			 * bình ...": in small letters after the first. */
			if ((p[0] == ranks[k][0] || (len > 0 && p[0] == tolower((unsigned char)ranks[k][0]))) &&
			    strncmp(p + 1, ranks[k] + 1, n - 1) == 0 && (p[n] == ' ' ||
			    (p[n] == ',' && p[n + 1] == ' ')))
				m = n;
		}
		if (m == 0)
			return len;
		len += m + 1;
		while (s[len] == ' ')
			len++;
	}
}

size_t
credit_office_len(const char *s)
{
	/* What a writer's office opens with, after the name (", Trường Đại
	 * học Luật", " - Phó Giám đốc Sở"): a post or a body. Longest first
	 * where one opens another. */
	static const char *const offices[] = { "Học viện", "Viện kiểm sát", "Viện trưởng",
		"Viện", "Đại học", "ĐH", "Trường", "Khoa", "Bệnh viện", "Trung tâm", "Phòng", "Sở",
		"Ban", "Bộ Chỉ huy", "Bộ Tư lệnh", "Bộ", "Cục", "Vụ", "Chi cục", "Hội", "Hiệp hội",
		"Liên đoàn", "Đoàn Luật sư", "Đoàn Thanh niên", "Ủy ban", "Uỷ ban", "Ủy viên", "Uỷ viên", "UBND", "VKSND",
		"TAND", "Tòa án", "Toà án", "Công an", "Báo", "Đài", "Tạp chí", "Công ty",
		"Tổng công ty", "Ngân hàng", "Văn phòng", "Phó", "Trưởng", "Giám đốc", "Chủ tịch",
		"Bí thư", "Chánh", "Thư ký", "Nguyên", "Giảng viên", "Sinh viên", "Cán bộ",
		"Chuyên viên", "Tỉnh ủy", "Tỉnh uỷ", "Thành ủy", "Thành uỷ", "Huyện ủy", "Huyện uỷ",
		"Quân khu", "Quân chủng", "Binh chủng", "Sư đoàn", "Lữ đoàn", "Trung đoàn",
		"Tiểu đoàn", "Hải đội", "Vùng", "Đồn", "Hợp tác xã", "HTX", NULL };
	size_t len = 0;

	for (int k = 0; offices[k] != NULL && len == 0; k++) {
		size_t n = strlen(offices[k]);

		if (strncmp(s, offices[k], n) == 0 && (s[n] == ' ' || s[n] == ','))
			len = n;
	}
	return len;
}

size_t
credit_role_len(const char *s)
{
	static const char *const roles[] = { "Phóng viên ", "Cộng tác viên ", "Biên tập viên ",
		"PV ", "CTV ", "BTV ", NULL };
	size_t len = credit_rank_len(s);

	for (int k = 0; len == 0 && roles[k] != NULL; k++) {
		if (strncmp(s, roles[k], strlen(roles[k])) == 0)
			len = strlen(roles[k]);
	}
	return len;
}

char *
credit_expert(const char *s)
{
	static const char *const seps[] = { " - ", " – ", "- ", " -", ", ", NULL };
	size_t rank = credit_rank_len(s), n;
	const char *name = s + rank, *end = NULL;
	char *who;

	if (rank == 0 || strlen(s) > CREDIT_MAX_WORDS * 16 || text_words(s) > CREDIT_MAX_WORDS)
		return NULL;
	for (int k = 0; seps[k]; k++) {
		const char *q = strstr(name, seps[k]);

		if (q != NULL && (end == NULL || q < end))
			end = q;
	}
	n = end != NULL ? (size_t)(end - name) : strlen(name);
	who = trimmed(name, n);
	n = strlen(s);
	while (n > 0 && s[n - 1] == ' ')
		n--;
	/* The office after the name is a title, not what they said ("Tiến sĩ
	 * X – người phụ trách ... cho biết:"), nor a sentence. */
	if (!credit_vietnamese_name(who) || (n > 0 && strchr(":!?\"", s[n - 1]) != NULL) ||
	    (end != NULL && strstr(end, ". ") != NULL)) {
		free(who);
		return NULL;
	}
	return who;
}

/* One capitalised word without marks: a given name. */
static int
one_name(const char *s, size_t n)
{
	int ini;

	while (n > 0 && *s == ' ') {
		s++;
		n--;
	}
	while (n > 0 && s[n - 1] == ' ')
		n--;
	return n > 0 && memchr(s, ' ', n) == NULL && memchr(s, '.', n) == NULL &&
	    name_word(s, n, &ini);
}

/* Names joined by " - ", ", ", " và ", " & " (two writers). */
static int
names_like(const char *s)
{
	static const char *const seps[] = { " - ", " – ", "- ", ", ", " và ", " & ", NULL };
	const char *p = s;

	if (*s == '\0')
		return 0;
	for (;;) {
		const char *next = NULL;
		size_t seplen = 0;

		for (int k = 0; seps[k]; k++) {
			const char *q = strstr(p, seps[k]);

			if (q != NULL && (next == NULL || q < next)) {
				next = q;
				seplen = strlen(seps[k]);
			}
		}
		size_t n = next ? (size_t)(next - p) : strlen(p);

		/* "Dương - Hằng": two writers' given names. */
		if (!person_like(p, n) && !((next != NULL || p != s) && one_name(p, n)))
			return 0;
		if (next == NULL)
			return 1;
		p = next + seplen;
	}
}

/* names_like() of the n bytes at s. */
static int
names_like_n(const char *s, size_t n)
{
	char *t = trimmed(s, n);
	int r = names_like(t);

	free(t);
	return r;
}

/* An acronym in capitals, as agencies sign ("TTXVN", "ĐTTD", "AFP"). */
static int
acronym_like(const char *s)
{
	size_t up, low, n = strcspn(s, "&");
	uint32_t first;
	int letters;

	/* "KD&PL", "VH&ĐS": the two halves. */
	if (s[n] == '&')
		return n > 0 && strchr(s + n + 1, '&') == NULL && acronym_like(s + n + 1) &&
		    word_letters(s, n, &up, &low, &first) >= 1 && low == 0;
	letters = word_letters(s, n, &up, &low, &first);
	return letters >= 2 && letters <= 10 && low == 0 && strchr(s, ' ') == NULL;
}

/* Is s, or its part before a dash, a paper ("VOV-Tây Nguyên", "TTXVN")? */
static int
paper_like_head(const char *s)
{
	char *head = trimmed(s, strcspn(s, "-"));
	int r = credit_is_publication(head) || acronym_like(head);

	free(head);
	return r;
}

/* "Theo Thanh Tuyết/Vnexpress.net": after "Theo ", the writer and the
 * paper, with a slash between. Sets both, or neither. */
static int
theo_name_slash_paper(const char *x, char **author, char **source)
{
	const char *slash = strchr(x, '/');
	char *left, *right;
	int r;

	if (slash == NULL || strchr(slash + 1, '/') != NULL)
		return 0;
	left = trimmed(x, (size_t)(slash - x));
	right = trimmed(slash + 1, strlen(slash + 1));
	r = names_like(left) && (credit_is_publication(right) || acronym_like(right));
	if (r) {
		*author = left;
		*source = right;
	} else {
		free(left);
		free(right);
	}
	return r;
}

/* A name in title case, digits allowed ("Thể Thao 247", "Khám Phá"):
 * what a parenthesis after a byline holds is a paper's name. */
static int
title_case(const char *s)
{
	size_t n = strlen(s), i = 0, words = 0, start;

	while (next_word(s, n, &i, &start)) {
		uint32_t uc;

		text_next(s + start, n - start, &uc);
		if (!text_is_upper(uc) && !(uc >= '0' && uc <= '9'))
			return 0;
		words++;
	}
	return words >= 1 && words <= NAME_MAX_WORDS;
}

/* After a role such as "Tin, ảnh:" (words of role_words and marks only,
 * then a colon): where the names start, or NULL. */
static const char *
after_role(const char *s)
{
	const char *colon = strchr(s, ':');
	char *head, *low, *w, *save = NULL;
	int ok = 1, writes = 0;

	if (colon == NULL || colon - s > 48)
		return NULL;
	head = xstrndup(s, (size_t)(colon - s));
	low = text_lower(head);
	for (w = strtok_r(low, " ,-/&", &save); w != NULL; w = strtok_r(NULL, " ,-/&", &save)) {
		if (!str_in_list(role_words, w))
			ok = 0;
		writes |= !str_in_list(photo_roles, w);
	}
	free(low);
	free(head);
	/* "Ảnh: X" alone credits a photo, not the article. */
	if (!ok || !writes)
		return NULL;
	colon++;
	while (*colon == ' ')
		colon++;
	return colon;
}

/* "Tin Phan Thanh, ảnh Tiến Thắng": the writer is before ", ảnh". */
static char *
writer_before_photo(const char *s)
{
	static const char *const leads[] = { "Tin ", "Bài ", NULL };

	for (int i = 0; leads[i]; i++) {
		size_t m = strlen(leads[i]);
		const char *comma;

		if (strncmp(s, leads[i], m) != 0)
			continue;
		comma = strstr(s + m, ", \xe1\xba\xa3nh ");	/* ", ảnh " */
		if (comma == NULL)
			comma = strstr(s + m, " - \xe1\xba\xa3nh ");
		if (comma != NULL) {
			char *w = trimmed(s + m, (size_t)(comma - s - m));

			if (names_like(w))
				return w;
			free(w);
		}
	}
	return NULL;
}

/* "Nguồn: X", "(Nguồn: X)": the source X, or NULL. */
static char *
after_source_mark(const char *s)
{
	static const char *const marks[] = { "nguồn tin:", "nguồn:", "(nguồn:", NULL };
	char *low = text_lower(s), *r = NULL;

	for (int i = 0; marks[i] && r == NULL; i++) {
		size_t m = strlen(marks[i]), n;

		/* Lowering keeps Vietnamese byte lengths, so offsets agree. */
		if (strncmp(low, marks[i], m) != 0 || strlen(low) != strlen(s))
			continue;
		n = strlen(s + m);
		if (low[0] == '(' && n > 0 && s[m + n - 1] == ')')
			n--;
		r = trimmed(s + m, n);
		if (*r == '\0') {
			free(r);
			r = NULL;
		}
	}
	free(low);
	return r;
}

int
credit_photo(const char *s)
{
	/* Credits that name nobody, lowered. */
	static const char *const generic[] = {
		"internet", "minh họa", "minh hoạ", "tư liệu", "nvcc", "nhân vật cung cấp",
		"getty images", "shutterstock", "st", "sưu tầm", "chụp màn hình", "cắt từ clip",
		"cắt từ video", "pv", "ctv", NULL
	};
	char *t, *low, *slash;
	size_t n;
	int r;

	while (*s == ' ')
		s++;
	t = xstrdup(s);
	n = strlen(t);
	while (n > 0 && strchr(" .)", t[n - 1]) != NULL)
		t[--n] = '\0';
	low = text_lower(t);
	slash = strchr(t, '/');
	if (slash != NULL)
		*slash = '\0';	/* "Văn Điệp/TTXVN": the person is enough */
	r = str_in_list(generic, low) || names_like(t) || credit_is_publication(t) || acronym_like(t);
	free(low);
	free(t);
	return r;
}

/* What a trailing parenthesis says: *source set for a publication;
 * returns 0 when it is no credit's parenthesis at all. */
static int
paren_credit(const char *inner, char **source, int *role)
{
	char *low = text_lower(inner);
	int r = 1;

	const char *theo = strstr(low, "theo ");

	if (theo == low && inner[5] != '\0') {
		*source = xstrdup(inner + 5);
	} else if (theo != NULL && strncmp(low, "tổng hợp ", strlen("tổng hợp ")) == 0) {
		/* "(tổng hợp theo báo VnExpress, Đầu tư)": compiled from them */
		const char *x = inner + (theo - low) + 5;

		if (strncmp(x, "báo ", strlen("báo ")) == 0)
			x += strlen("báo ");
		*source = xstrdup(x);
	}
	else if (str_in_list(not_sources, low))
		*role = 1;	/* "(Lược dịch)", "(thực hiện)": a credit, no publication */
	else if (*source != NULL)
		;
	else if (credit_is_publication(inner) || acronym_like(inner) || title_case(inner))
		*source = xstrdup(inner);
	else
		r = 0;
	free(low);
	return r;
}

/* "Theo An Yên (Video: Gigadget)/VnExpress.net": a clip's or a photo's
 * credit in parentheses inside a byline says nothing of the writer or the
 * paper; removed, in place. */
static void
drop_media_credit(char *s)
{
	static const char *const marks[] = { "(Video:", "(video:", "(Clip:", "(clip:", "(Ảnh:",
		"(ảnh:", NULL };

	for (int k = 0; marks[k]; k++) {
		char *open = strstr(s, marks[k]), *close;

		if (open == NULL || (close = strchr(open, ')')) == NULL || close[1] == '\0')
			continue;
		while (open > s && open[-1] == ' ')
			open--;
		memmove(open, close + 1, strlen(close + 1) + 1);
		return;
	}
}

/* Split a trailing "(...)" (or an unclosed "(..." ) off s, in place:
 * returns its inside, or NULL. */
static char *
split_paren(char *s)
{
	size_t n = strlen(s);
	char *open = strrchr(s, '(');

	if (open == NULL)
		return NULL;
	if (n > 0 && s[n - 1] == ')')
		s[n - 1] = '\0';
	else if (strchr(open, ')') != NULL)
		return NULL;	/* "(...)" in the middle of the line */
	*open = '\0';
	return open + 1;
}

/* "Phương Nam - Thể thao Việt Nam | 21:00 06/02/2017": the date after
 * the last bar goes (it is the page's), in place. */
static void
cut_dateline(char *s)
{
	char *bar = strrchr(s, '|');
	struct date d;

	if (bar != NULL && bar != s && date_find(bar + 1, &d))
		*bar = '\0';
}

/* The names part, then a publication after the last " - ": "Phương Nam -
 * Thể thao Việt Nam". */
static int
name_dash_paper(const char *head, char **author, char **source)
{
	const char *dash = NULL, *p = head, *q;
	char *left, *right;
	int r = 0;

	while ((q = strstr(p, " - ")) != NULL) {
		dash = q;
		p = q + 3;
	}
	if (dash == NULL)
		return 0;
	left = trimmed(head, (size_t)(dash - head));
	right = trimmed(dash + 3, strlen(dash + 3));
	if (names_like(left) && credit_is_publication(right)) {
		*author = left;
		*source = right;
		left = right = NULL;
		r = 1;
	}
	free(left);
	free(right);
	return r;
}

/* The names part of a credit (after its role, without its parenthesis). */
static int
head_credit(const char *head, int role, char **author, char **source)
{
	char *low = text_lower(head);
	const char *slash;
	int r = 0;

	if (strncmp(low, "theo ", 5) == 0) {
		const char *x = head + 5;

		/* "Theo Hà Anh (Dân trí)": the paper was in the parenthesis;
		 * "Theo Nguyễn Nguyễn/ Sina (Khám phá)": the name, and where
		 * the paper took the story from. */
		if (*source != NULL && names_like(x))
			*author = xstrdup(x);
		else if (*source != NULL && (slash = strchr(x, '/')) != NULL &&
		    names_like_n(x, (size_t)(slash - x)))
			*author = trimmed(x, (size_t)(slash - x));
		else if (*source == NULL && theo_name_slash_paper(x, author, source))
			;
		else if (*source == NULL && text_words(x) <= 6 && strpbrk(x, ",;:") == NULL)
			*source = xstrdup(x);
		r = *author != NULL || *source != NULL;
	} else if (*source == NULL && name_dash_paper(head, author, source)) {
		r = 1;
	} else if (credit_is_publication(head)) {
		if (*source == NULL)
			*source = xstrdup(head);
		r = 1;
	} else if ((slash = strchr(head, '/')) != NULL && strchr(slash + 1, '/') == NULL) {
		char *left = trimmed(head, (size_t)(slash - head));
		char *right = trimmed(slash + 1, strlen(slash + 1));
		char *theo = strstr(right, " Theo ");

		/* "Hồng Nhung/VOV-Trung tâm Tin Theo Reuters": the paper's
		 * desk, then where the story came from, which is the source
		 * as in "B.T (Theo AFP)". */
		if (theo != NULL && text_words(theo + 6) <= 4) {
			char *from = xstrdup(theo + 6);

			*theo = '\0';
			right[strcspn(right, "-")] = '\0';
			if (credit_is_publication(right) || acronym_like(right)) {
				free(right);
				right = from;
			} else {
				free(from);
			}
		}
		/* "TTXVN/Quân Trang - Thanh Thắng": the agency first. */
		if (names_like(right) && !paper_like_head(right) &&
		    (credit_is_publication(left) || acronym_like(left))) {
			char *swap = left;

			left = right;
			right = swap;
		}
		if (names_like(left) && paper_like_head(right)) {
			*author = left;
			left = NULL;
			if (*source == NULL) {
				*source = right;
				right = NULL;
			}
			r = 1;
		}
		free(left);
		free(right);
	} else if (names_like(head) ||
	    (role && text_words(head) <= NAME_MAX_WORDS && strpbrk(head, ".!?:;\"") == NULL)) {
		*author = xstrdup(head);
		r = 1;
	}
	free(low);
	return r;
}

int
credit_parse(const char *line, enum credit_where where, char **author, char **source)
{
	const char *rest;
	char *s, *head, *paren = NULL;
	size_t n;
	int role, r = 0;

	*author = *source = NULL;
	/* Asked of every body line: a paragraph is turned away by its
	 * length before its words are counted. */
	if (strlen(line) > CREDIT_MAX_WORDS * 16 || text_words(line) > CREDIT_MAX_WORDS)
		return 0;
	if ((*source = after_source_mark(line)) != NULL)
		return 1;
	if ((*author = writer_before_photo(line)) != NULL)
		return 1;
	rest = after_role(line);
	role = rest != NULL;
	if (!role && where == CREDIT_BODY)
		return 0;
	s = xstrdup(role ? rest : line);
	cut_dateline(s);
	drop_media_credit(s);
	/* "Hải Yến -", "Theo Dân trí.": a mark left at the end. */
	n = strlen(s);
	while (n > 0 && strchr(" .-", s[n - 1]) != NULL)
		s[--n] = '\0';
	if (!role) {
		char *low = text_lower(s);

		/* "Tổng hợp", "T/h": compiled by the paper, nobody named. */
		r = str_in_list(not_sources, low);
		free(low);
		if (r)
			goto out;
	}
	paren = split_paren(s);
	if (paren != NULL) {
		char *inner = trimmed(paren, strlen(paren));

		if (!paren_credit(inner, source, &role)) {
			free(inner);
			goto out;
		}
		free(inner);
	}
	head = trimmed(s, strlen(s));
	if (*head == '\0')
		r = paren != NULL;	/* "(TTXVN)", "(Theo AFP)", "(Tổng hợp)" */
	else
		r = head_credit(head, role, author, source);
	free(head);
out:
	free(s);
	if (!r) {
		free(*author);
		free(*source);
		*author = *source = NULL;
	}
	return r;
}
