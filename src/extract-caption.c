/*
 * extract-caption.c: photo captions (see extract-int.h). A caption is
 * told by a photo's credit at its end ("Ảnh: Văn Điệp/TTXVN"), by words
 * that point people out ("(trái)", "từ trái sang"), or, in the body, by
 * how it stands: a person and their office alone, a scene, the headline
 * said again, a paragraph's opening words under it.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "credit.h"
#include "extract-int.h"
#include "text.h"
#include "util.h"

/* "Ảnh: Quang Hiếu", "Ảnh minh họa", "- Ảnh cắt từ clip." alone after
 * the body: a credit of a photo that is not on the page. */
int
extract_photo_credit_like(const char *s)
{
	static const char *const heads[] = { "ảnh:", "ảnh :", "(ảnh", "ảnh minh họa", "ảnh minh hoạ",
		"nguồn ảnh:", NULL };
	char *low;
	int r = 0;

	/* Every body line asks: the words first, then only the line's
	 * start is lowered (lowering whole paragraphs was a tenth of the
	 * extraction). */
	if ((s[0] != '(' && s[0] != '-' && (unsigned char)s[0] < 0x80 && s[0] != 'N' && s[0] != 'n') ||
	    text_words(s) > 8)
		return 0;
	if (s[0] == '-' && s[1] == ' ')
		s += 2;
	low = text_lower_n(s, 24);
	for (int i = 0; heads[i] && !r; i++)
		r = strncmp(low, heads[i], strlen(heads[i])) == 0;
	/* "Ảnh Internet", "Ảnh cắt từ clip", not "Ảnh hưởng của bão". */
	if (!r && strncmp(low, "\xe1\xba\xa3nh ", 6) == 0)
		r = credit_photo(s + 6);
	free(low);
	return r;
}

/*
 * Does s end with a parenthesis that speaks of its photo: "(ảnh có tính
 * chất minh họa)", "(Ảnh chụp từ clip).", "(ảnh: K.Đ)"? A bare "(ảnh)"
 * is a headline's label ("Lính Nga ở tiền tuyến (ảnh)"), not a caption.
 */
static int
photo_paren_end(const char *s)
{
	size_t n = strlen(s);
	const char *open;
	char *low;
	int r;

	while (n > 0 && (s[n - 1] == '.' || s[n - 1] == ' '))
		n--;
	if (n < 6 || s[n - 1] != ')')
		return 0;
	open = s + n - 1;
	while (open > s && *open != '(')
		open--;
	if (*open != '(' || open == s || extract_words_in(open, (size_t)(s + n - open)) > 8)
		return 0;
	low = text_lower_n(open + 1, 8);
	r = strncmp(low, "\xe1\xba\xa3nh", 5) == 0 && (low[5] == ' ' || low[5] == ':');
	free(low);
	if (!r && strncmp(open + 1, "Ngu\xe1\xbb\x93n: ", 9) == 0) {
		/* "(Nguồn: EPA/TTXVN)": an agency's photo; "(Nguồn: Bộ Tài
		 * chính)" cites figures. */
		char *who = xstrndup(open + 10, (size_t)(s + n - 1 - (open + 10)));
		char *save = NULL;

		r = 1;
		for (char *part = strtok_r(who, "/", &save); part && r; part = strtok_r(NULL, "/", &save))
			r = credit_is_publication(part);
		free(who);
	}
	return r;
}

/*
 * A photo's credit without its colon, at "Ảnh" (at, in line): "... đặc
 * sắc Ảnh Thu Giang", "... clip. Ảnh cắt từ clip", "..., ảnh Internet".
 * A capital "Ảnh" follows a small word or a sentence's end (never a
 * name's word: "Hội Điện Ảnh Việt Nam"), a small one a comma or a dash;
 * what follows is a credit of a few words, not said before in the line.
 */
static int
bare_credit_at(const char *line, const char *at)
{
	const char *after = at + strlen("\xe1\xba\xa2nh"), *b = at;
	int capital = (unsigned char)at[2] == 0xA2;

	if (*after != ' ' || text_words(after) > 5)
		return 0;
	while (b > line && b[-1] == ' ')
		b--;
	if (b == line)
		return 0;
	if (strchr(",;-", b[-1]) == NULL && strncmp(b - 3, "\xe2\x80\x93", 3) != 0) {
		const char *w = b;

		if (!capital || b[-1] == '.')
			return capital;
		while (w > line && w[-1] != ' ')
			w--;
		if (text_is_upper(extract_first_uc(w)))
			return 0;
	}
	/* "Porsche Cayenne có giá 5,8 tỷ đồng Ảnh Porsche Cayenne": the
	 * photo's subject, said again, is not its credit. */
	if (strstr(line, after + 1) < at && strstr(line, after + 1) != NULL)
		return 0;
	return credit_photo(after + 1);
}

/* Does s go on to what someone said ("..., cho biết ...")? Then it is
 * the article's prose, not a caption. */
static int
reports_speech(const char *s)
{
	static const char *const said[] = { " cho biết", " nói", " khẳng định", " cho rằng", " nhấn mạnh",
		" chia sẻ", " trả lời", " phát biểu", NULL };

	for (int k = 0; said[k]; k++) {
		if (strstr(s, said[k]) != NULL)
			return 1;
	}
	return 0;
}

/*
 * Does s point people out in a photo: "Chí Tài (trái) và Lê Giang",
 * "(thứ 3 từ trái sang)", "(bìa phải)", "Từ trái sang: ..."? Only a
 * caption speaks so of where someone stands.
 */
static int
points_out(const char *s)
{
	static const char *const sides[] = { "trái", "phải", "giữa", NULL };
	static const char *const across[] = { "ừ trái sang", "ừ phải sang", "ừ trái qua", "ừ phải qua", NULL };

	if (reports_speech(s))
		return 0;
	for (int k = 0; across[k]; k++) {
		if (strstr(s, across[k]) != NULL)
			return 1;
	}
	for (const char *open = strchr(s, '('); open != NULL; open = strchr(open + 1, '(')) {
		const char *close = strchr(open, ')');
		char *low;
		size_t n;
		int r = 0;

		if (close == NULL || close - open > 48)
			continue;
		low = xstrndup(open + 1, (size_t)(close - open - 1));
		n = strlen(low);
		/* "(Phải)": the capital too. */
		if (strncmp(low, "Ph", 2) == 0)
			low[0] = 'p';
		for (int k = 0; sides[k] && !r; k++) {
			size_t m = strlen(sides[k]);

			r = n >= m && strcmp(low + n - m, sides[k]) == 0 && (n == m || low[n - m - 1] == ' ') &&
			    extract_words_in(low, n) <= 4;
		}
		free(low);
		if (r)
			return 1;
	}
	return 0;
}

/* The length of the one of heads that s opens with, or 0. */
static size_t
opens_with(const char *s, const char *const *heads)
{
	for (int k = 0; heads[k]; k++) {
		size_t n = strlen(heads[k]);

		if (strncmp(s, heads[k], n) == 0)
			return n;
	}
	return 0;
}

/* Does s hold phrase as whole words? */
static int
has_phrase(const char *s, const char *phrase)
{
	size_t n = strlen(phrase);

	for (const char *p = s; (p = strstr(p, phrase)) != NULL; p++) {
		if ((p == s || p[-1] == ' ') && (p[n] == '\0' || strchr(" ,;.", p[n]) != NULL))
			return 1;
	}
	return 0;
}

/* A word of a person's name: a capital, small letters after it, no
 * digit ("Gaga", "Jean-Pierre"; not "USD", "U23", "BVĐK"). */
static int
name_word(const char *w, size_t n)
{
	size_t i = 0;
	int lower = 0;
	uint32_t uc;

	i += (size_t)text_next(w, n, &uc);
	if (!text_is_upper(uc))
		return 0;
	while (i < n) {
		i += (size_t)text_next(w + i, n - i, &uc);
		if (uc >= '0' && uc <= '9')
			return 0;
		lower |= text_is_lower(uc);
	}
	return lower;
}

/* Name words at the start of s, up to the first that is none. */
static size_t
capitalised_run(const char *s)
{
	size_t run = 0;

	for (const char *w = s; *w != '\0'; run++) {
		const char *end = strchr(w, ' ');

		if (!name_word(w, end != NULL ? (size_t)(end - w) : strlen(w)))
			break;
		if (end == NULL)
			return run + 1;
		w = end + 1;
	}
	return run;
}

/*
 * "Ông Lê Hoàng Châu, Chủ tịch Hiệp hội Bất động sản TP.HCM" alone, with
 * no stop: a portrait's caption, a person and their office. Not a
 * sentence that goes on to what they said.
 */
static int
portrait_caption(const struct line *l)
{
	static const char *const titles[] = { "Ông ", "Bà ", "Anh ", "Chị ", "TS ", "TS. ",
		"PGS.TS ", "PGS.TS. ", "GS.TS ", "ThS ", "ThS. ", NULL };
	const char *p = NULL, *comma;
	size_t names = 0, head;

	if (l->words < 4 || l->words > 25 || extract_ends_sentence(l->s) ||
	    strpbrk(l->s, ":\"'") != NULL || strstr(l->s, "\xe2\x80\x9c") != NULL)
		return 0;
	if ((head = opens_with(l->s, titles)) > 0)
		p = l->s + head;
	comma = p != NULL ? strstr(p, ", ") : NULL;
	if (comma == NULL)
		return 0;
	/* The name: two to five words, each capitalised. */
	for (const char *w = p; w < comma; names++) {
		if (!text_is_upper(extract_first_uc(w)))
			return 0;
		w = strchr(w, ' ');
		if (w == NULL || w > comma)
			break;
		w++;
	}
	return names + 1 >= 2 && names + 1 <= 5 && !reports_speech(comma);
}

/*
 * "Hiện trường vụ lật xe. Ảnh: Otofun.", "KIA Rio lộ ảnh - Ảnh: Hubemx":
 * after a finished sentence or a dash, a capital "Ảnh:" and one to three
 * capitalised words are a credit, whatever the name (a forum, a site,
 * "Google Maps"). at is "Ảnh" in line, credit what follows its colon.
 */
static int
credit_after_sentence(const char *line, const char *at, const char *credit)
{
	const char *b = at;
	size_t n, words;

	if (strncmp(at, "\xe1\xba\xa2nh", 5) != 0)
		return 0;
	while (b > line && b[-1] == ' ')
		b--;
	if (b == line || strchr(".!?-", b[-1]) == NULL)
		return 0;
	/* Before a dash, a caption's words; "Theo An An - Ảnh: NVCC" is a
	 * byline. */
	if (b[-1] == '-' && (extract_words_in(line, (size_t)(b - line)) < 5 ||
	    strncmp(line, "Theo ", 5) == 0))
		return 0;
	while (*credit == ' ')
		credit++;
	n = strlen(credit);
	while (n > 0 && strchr(" .", credit[n - 1]) != NULL)
		n--;
	words = extract_words_in(credit, n);
	return words >= 1 && words <= 3 && text_is_upper(extract_first_uc(credit)) &&
	    memchr(credit, '.', n) == NULL && memchr(credit, ',', n) == NULL;
}

/*
 * "Hiện trường vụ tai nạn.", "Chân dung nghi phạm.", "Cận cảnh vé buýt
 * nhanh theo tháng.": one short sentence that opens by saying what the
 * photo shows. Only under the headline and a first paragraph: above,
 * "Cận cảnh ..." and "Toàn cảnh ..." are headlines' words, and a page
 * whose only text it is keeps it as text.
 */
static int
shows_scene(const struct line *l)
{
	static const char *const heads[] = { "Hiện trường ", "Chân dung ", "Hình ảnh ",
		"Trong ảnh ", "Ảnh chụp ", "Cận cảnh ", "Toàn cảnh ", "Khung cảnh ", "Quang cảnh ",
		NULL };
	const char *stop;

	if (l->words < 2 || l->words > 25 || extract_last_uc(l->s) == ':' || reports_speech(l->s))
		return 0;
	/* One sentence: no stop before its end. */
	stop = strstr(l->s, ". ");
	if (stop != NULL && stop[2] != '\0' && !text_is_lower(extract_first_uc(stop + 2)))
		return 0;
	return str_starts_any(heads, l->s);
}

/*
 * Does s open with a person: a rank or a trade before a name ("Ca sĩ
 * Thanh Lam", "Thứ trưởng Nguyễn Văn Sơn", "Vợ chồng Phi Thanh Vân") or
 * a name of two capitalised words or more before a small word ("Lady
 * Gaga trình diễn", "Mazda3 2017 sở hữu")?
 */
static int
opens_with_person(const char *s)
{
	static const char *const ranks[] = { "Ông ", "Bà ", "Anh ", "Chị ", "Cô ", "Em ", "Bé ",
		"Cháu ", "Bạn ", "Ca sĩ ", "Nữ ca sĩ ", "Nam ca sĩ ", "Diễn viên ", "Nam diễn viên ",
		"Nữ diễn viên ", "Người mẫu ", "Siêu mẫu ", "Hoa hậu ", "Á hậu ", "MC ", "Cầu thủ ",
		"HLV ", "Tiền đạo ", "Thủ môn ", "Tiền vệ ", "Hậu vệ ", "Nghệ sĩ ", "NSƯT ", "NSND ",
		"Danh hài ", "Nhạc sĩ ", "Đạo diễn ", "Nhà thiết kế ", "Vợ chồng ", "Hai vợ chồng ",
		"Mẹ con ", "Bố con ", "Cha con ", "Gia đình ", "Tổng thống ", "Thủ tướng ",
		"Phó Thủ tướng ", "Chủ tịch ", "Phó Chủ tịch ", "Tổng Bí thư ", "Bí thư ", "Bộ trưởng ",
		"Thứ trưởng ", "Giám đốc ", "Đại tướng ", "Thượng tướng ", "Trung tướng ",
		"Thiếu tướng ", "Đại tá ", "Thượng tá ", "Trung tá ", "Thiếu tá ", "Đại úy ", NULL };
	/* Words that open sentences, headings and the names of bodies
	 * ("Hội Điện ảnh Việt Nam trao giải"), not people's names. */
	static const char *const openers[] = { "Những ", "Các ", "Một ", "Nhiều ", "Hơn ",
		"Cần ", "Không ", "Đừng ", "Có ", "Khi ", "Tại ", "Theo ", "Trong ", "Để ", "Từ ",
		"Sau ", "Với ", "Vì ", "Do ", "Nếu ", "Bên ", "Cuối ", "Đầu ", "Thêm ", "Vẫn ", "Chỉ ",
		"Còn ", "Video ", "Clip ", "Xem ", "Sáng ", "Chiều ", "Tối ", "Trưa ", "Đêm ", "Hội ",
		"Bộ ", "Sở ", "Ban ", "Phòng ", "Trường ", "Công ty ", "Bệnh viện ", "UBND ", "Đảng ",
		"Tỉnh ", "Thành phố ", "Huyện ", "Quận ", "Xã ", "Đội ", "Câu lạc bộ ", "CLB ", NULL };
	size_t rank = opens_with(s, ranks), run;

	if (rank > 0)
		return text_is_upper(extract_first_uc(s + rank));
	if (str_starts_any(openers, s))
		return 0;
	/* A name is two to four words: "Ưng Hoàng Phúc", "Lady Gaga". */
	run = capitalised_run(s);
	return run >= 2 && run <= 4 && run < extract_words_in(s, strlen(s));
}

/* Does s stop on a small word that the sentence must go on from ("...
 * trong các phim như", "... của"), or a comma: the crawler broke it at
 * a link? */
static int
runs_on(const char *s)
{
	static const char *const words[] = { " như", " của", " và", " là", " với", " cho", " các",
		" những", " từ", " về", " tại", NULL };
	uint32_t last = extract_last_uc(s);

	return last == ',' || last == ';' || str_ends_any(words, s);
}

/* "Tổng thống John F. Kennedy và vợ.": one sentence of ten words at the
 * most, ended by a full stop. A paragraph is seldom so short. */
static int
short_statement(const struct line *l)
{
	return l->words <= 10 && extract_last_uc(l->s) == '.' && !extract_has_inner_sentence(l->s);
}

/*
 * "Lady Gaga trình diễn hết mình", "Vợ chồng Phi Thanh Vân khi còn bên
 * nhau", "Bộ trưởng X phát biểu tại buổi họp báo": no stop (or one of a
 * short statement), a person,
 * and words that say what a photo shows (someone doing something now,
 * posing, at an event). A subhead ("Quyết liệt nhiều giải pháp",
 * "Man City nhắm Aubameyang") names no such scene.
 */
static int
depicts_person(const struct line *l)
{
	static const char *const scene[] = { "đang", "khi", "khoe", "tạo dáng", "xuất hiện",
		"trình diễn", "chụp", "phát biểu", "trao", "tặng", "thăm", "rạng rỡ", "rạng ngời",
		"tươi cười", "hạnh phúc", "bụng bầu", "gương mặt", "nhan sắc", "xinh đẹp", "sở hữu",
		"lộ diện", "tại buổi", "tại lễ", "tại sự kiện", "trong buổi", "trong lễ", "trong ngày",
		"trong trang phục", "trong bộ", "bên vợ", "bên chồng", "bên con", "bên gia đình",
		"bên bạn", "cùng vợ", "cùng chồng", "cùng bà xã", "cùng ông xã", "cùng con",
		"cùng gia đình", "và hai con", "và 2 con", "và vợ", "và chồng", "bộ ảnh", "ảnh cưới",
		NULL };

	if (l->words < 4 || l->words > 30 || (extract_ends_sentence(l->s) && !short_statement(l)) ||
	    extract_last_uc(l->s) == ':' || extract_list_marker(l->s) || !opens_with_person(l->s) ||
	    runs_on(l->s))
		return 0;
	for (int k = 0; scene[k]; k++) {
		if (has_phrase(l->s, scene[k]))
			return 1;
	}
	return 0;
}

/*
 * "Video siêu phẩm đá phạt của Messi", "Clip đua xe mô tô khủng gây tai
 * nạn", "Video trận Chelsea 3-1 Arsenal:": the caption of a clip the text
 * dump lost, "Video" or "Clip" before what it shows. A sentence about a
 * clip has a verb next ("Clip được quay ...", "Clip này ...", "Clip khiến
 * cư dân mạng ...") or runs longer.
 */
static int
video_caption(const struct line *l)
{
	static const char *const heads[] = { "Video clip ", "Video ", "Clip ", "VIDEO ", "CLIP ",
		NULL };
	static const char *const verbs[] = { "này", "được", "sau", "khiến", "và", "đã", "cho",
		"là", "có", "đang", "cũng", "vừa", "gây", "lan", "thu", "nhận", "nhanh", "quay",
		"trên", "dài", "ngắn", NULL };
	size_t head = opens_with(l->s, heads);
	const char *next;
	char word[16];
	size_t n;

	if (head == 0 || l->words < 3 || l->words > 20 || extract_has_inner_sentence(l->s) ||
	    reports_speech(l->s))
		return 0;
	next = l->s + head;
	n = strcspn(next, " ,.:");
	if (n == 0 || n >= sizeof word)
		return 0;
	memcpy(word, next, n);
	word[n] = '\0';
	return !str_in_list(verbs, word);
}

/* "... Ảnh: Văn Điệp/TTXVN", "(Ảnh minh họa)", "... Ảnh Thu Giang": a
 * photo caption, told by a photo credit of a few words at its end. */
int
extract_caption_like(const struct line *l)
{
	static const char *const needles[] = { "\xe1\xba\xa2nh", "\xe1\xba\xa3nh", NULL };
	const char *last = NULL, *at;

	if (l->words > 60)
		return 0;
	if (l->words >= 4 && l->words <= 40 && (photo_paren_end(l->s) || points_out(l->s)))
		return 1;
	for (int k = 0; needles[k]; k++) {
		for (const char *p = l->s; (p = strstr(p, needles[k])) != NULL; p++) {
			/* "... gần đâyẢnh: REUTERS": a capital "Ảnh:" glued on. */
			int glued = k == 0 && p[strlen(needles[0])] == ':';

			if (p == l->s || glued || p[-1] == ' ' || p[-1] == '(' || p[-1] == '.' ||
			    p[-1] == '-')
				last = last > p ? last : p;
		}
	}
	if (last == NULL || extract_words_in(l->s, (size_t)(last - l->s)) < 2)
		return 0;	/* "Chùm ảnh: ...": a headline's label */
	at = last;
	last += strlen(needles[0]);
	if (strncmp(last, " minh h", 7) == 0)
		return 1;
	if (last[0] == ' ' && last[1] == ':')
		last++;	/* "Ảnh : internet" */
	if (*last != ':')
		return bare_credit_at(l->s, at);
	/* "Ảnh: Văn Điệp/TTXVN", not "điện ảnh: 'Xinh đẹp là lợi thế'". */
	return credit_photo(last + 1) || credit_after_sentence(l->s, at, last + 1);
}

/*
 * Is s the opening words of the longer paragraph p ("Chiếc ô tô cũ ...
 * tạo cho người lái xe cảm giác thoải mái" under the paragraph that
 * begins so)? Under its paragraph, that is a photo's caption: a subhead
 * stands above the paragraph it heads.
 */
static int
repeats_opening(const char *p, const char *s)
{
	size_t n = strlen(s);

	while (n > 0 && (s[n - 1] == '.' || s[n - 1] == ' '))
		n--;
	return n > 0 && strlen(p) > n && strncmp(p, s, n) == 0 &&
	    (p[n] == ' ' || p[n] == ',' || p[n] == '.' || p[n] == ';');
}

/* s lowered, with every mark a space: words to compare. */
static char *
words_only(const char *s)
{
	char *low = text_lower(s), *out = xmalloc(strlen(low) + 1), *o = out;
	size_t n = strlen(low);

	for (size_t i = 0; i < n;) {
		uint32_t uc;
		int len = text_next(low + i, n - i, &uc);

		if (text_is_letter(uc) || (uc >= '0' && uc <= '9')) {
			memcpy(o, low + i, (size_t)len);
			o += len;
		} else {
			*o++ = ' ';
		}
		i += (size_t)len;
	}
	*o = '\0';
	free(low);
	return out;
}

/*
 * Does l say the headline again, with no stop: six words or more, four
 * in five of them the headline's ("Xử lý 12 dự án, nhà máy thua lỗ nặng
 * của ngành Công Thương" under "Sắp có phương án xử lý 12 dự án thua lỗ
 * của ngành Công Thương")? The photo under a headline is captioned so; a
 * subhead says something new.
 */
static int
echoes_title(const char *title, const struct line *l)
{
	char *t, *s, *save = NULL;
	size_t words = 0, shared = 0;

	if (title == NULL || l->words < 6 || l->words > 30 || extract_ends_sentence(l->s) ||
	    extract_list_marker(l->s))
		return 0;
	t = words_only(title);
	s = words_only(l->s);
	for (char *w = strtok_r(s, " ", &save); w != NULL; w = strtok_r(NULL, " ", &save)) {
		words++;
		shared += has_phrase(t, w);
	}
	free(t);
	free(s);
	return words > 0 && shared * 5 >= words * 4;
}

/*
 * Is l, a line of the body, a photo's caption? a holds the body so far;
 * headline is the page's headline, or NULL when the title was made from
 * the body's first line.
 */
int
extract_body_caption(const struct article *a, const struct line *l, const char *headline)
{
	/* Under the headline, or after a finished paragraph: not a line a
	 * sentence runs on from. */
	int after_sentence = a->paras.len == 0 ||
	    extract_ends_sentence(a->paras.items[a->paras.len - 1]);

	/* A portrait's caption only under a headline: above, "Bà Tư Hường,
	 * Chủ tịch Tập đoàn Hoàn Cầu, qua đời" is one. */
	return extract_caption_like(l) || portrait_caption(l) ||
	    (after_sentence && (depicts_person(l) || video_caption(l))) ||
	    (a->paras.len <= 2 && echoes_title(headline, l)) ||
	    (a->paras.len > 0 && (shows_scene(l) ||
	    (l->words >= 5 && l->words <= 30 && repeats_opening(a->paras.items[a->paras.len - 1], l->s))));
}
