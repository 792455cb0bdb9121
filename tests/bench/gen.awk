# gen.awk: write N synthetic scraped article pages into DIR, in the shape of
# real input: pop-up junk, a section header, the title, a dateline, 5-9
# paragraphs of Vietnamese syllables, a caption, a signature, share links
# and a related-news block. Deterministic for a given SEED (and awk).
#
#   awk -v n=10000 -v dir=out -v seed=1 [-v manifest=1] [-v shapes=0] -f gen.awk
#
# About two pages in five vary that shape, each variation on a few per cent
# of pages, as real pages do where the extractor went wrong: a breadcrumb
# above the headline; a headline with a date, with " | " or " > ", of two
# sentences, over 150 characters, with abbreviations (TS., TP.HCM, Mr.X,
# Atl.X) or brand names with inner capitals, or starting "Tạm dừng"; a
# first paragraph starting ". "; related links after the body; a byline in
# a real form instead of the signature and source, sometimes followed by
# the lead again. shapes=0 writes the plain shape only (the pages of
# earlier versions, byte for byte). manifest=1 also writes DIR/manifest.tsv:
# path relative to DIR, the expected title (the headline as written,
# squeezed), the expected author and source (empty when none), tab-separated.
# The plain shape's signature is its author only when it is all capitals:
# toupper() leaves Vietnamese letters alone ("MớI TáC" is no signature).
BEGIN {
	srand(seed ? seed : 1)
	if (shapes == "")
		shapes = 1
	nw = split("dân vận khéo công tác nông dân thu hoạch lúa gạo mùa vụ giá cả thị trường " \
	    "tỉnh thành phố huyện xã người Việt Nam phát triển kinh tế xã hội giáo dục y tế " \
	    "đường sá cầu cống mưa lớn nắng nóng học sinh thầy cô bệnh viện bác sĩ nước sạch " \
	    "điện lưới du lịch biển đảo lễ hội truyền thống văn hóa đọc sách hội chợ đặc sản " \
	    "hợp tác xã doanh nghiệp đầu tư xây dựng nông thôn mới đô thị giao thông an toàn " \
	    "chính quyền cơ sở đoàn thể thanh niên phụ nữ cựu chiến binh hộ nghèo tín dụng " \
	    "ưu đãi sản xuất chăn nuôi thủy sản tôm cá cà phê hồ tiêu cao su trái cây xuất khẩu", w, " ")
	nsrc = split("Báo Cần Thơ|Báo Nông nghiệp|Đài PT-TH Quảng Nam|Báo Đà Nẵng|Báo Hải Phòng", src, "|")
	nav[1] = "Trang chủ | Tin tức | Sự kiện"
	nav[2] = "VĂN PHÒNG TỈNH UỶ | TIN HOẠT ĐỘNG"
	nav[3] = "Thời sự > Xã hội"
	nav[4] = "Trang chủ » Kinh tế"
	nbrand = split("iPhone TikTok easyJet ChợTốt", brand, " ")
	initials = "BCDGHKLMNPQSTV"
	if (manifest)
		mf = dir "/manifest.tsv"
	for (i = 0; i < n; i++) {
		if (i % 1000 == 0) {
			sub_dir = sprintf("%s/%03d", dir, i / 1000)
			system("mkdir -p '" sub_dir "'")
		}
		f = sprintf("%s/%06d.txt", sub_dir, i)
		pick_shape()
		print "Nhập thông tin" > f
		print "  • Lỗi: Email không hợp lệ" > f
		print "Đóng\n" > f
		print (navk ? nav[navk] : "TIN TỨC | XÃ HỘI") "\n" > f
		head = headk ? headline(headk) : cap(words(8 + int(rand() * 8))) " số " i
		print head "\n" > f
		printf "%d/%d/%d - %02d:%02d\n\n", 1 + int(rand() * 28), 1 + int(rand() * 12),
		    2015 + int(rand() * 10), int(rand() * 24), int(rand() * 60) > f
		np = 5 + int(rand() * 5)
		for (p = 0; p < np; p++) {
			para = ""
			ns = 2 + int(rand() * 4)
			for (s = 0; s < ns; s++)
				para = para (s ? " " : "") cap(words(10 + int(rand() * 20))) "."
			if (p == 0) {
				if (dotk)
					para = ". " capv(para)
				lead = para
			}
			print para "\n" > f
			if (p == 1)
				print cap(words(8)) ". Ảnh: " cap(words(2)) "\n" > f
		}
		for (k = 0; k < relk; k++)
			print (rand() < 0.6 ? ">> " : "Video: ") capv(words(6 + int(rand() * 8))) > f
		if (relk)
			print "" > f
		author = ""
		if (bylk) {
			byline(bylk)
			if (rand() < 0.4)
				print "\n\n\n" lead "\n" > f
		} else {
			sig = toupper_vi(words(2))
			print sig > f
			if (shapes || sig !~ /[\200-\377]/)
				author = sig	# all in capitals: a signature
			source = src[1 + int(rand() * nsrc)]
			print "Nguồn: " source > f
		}
		print "In tin bàiLưu tin bài" > f
		print "CÁC TIN KHÁC\n" > f
		print cap(words(10)) > f
		print "27/04/2020 - 12.191 lượt xem" > f
		close(f)
		if (mf)
			printf "%03d/%06d.txt\t%s\t%s\t%s\n", i / 1000, i, squeeze(head), author, source > mf
	}
	if (mf)
		close(mf)
}

# The page's variations, each on a few per cent of pages: navk (the line
# above the headline), headk (the headline's kind), dotk (". " before the
# first paragraph), relk (related-link lines after the body), bylk (the
# byline's form). All 0 is the plain shape.
function pick_shape(    r) {
	navk = headk = dotk = relk = bylk = 0
	if (!shapes)
		return
	r = rand()
	if (r < 0.08)
		navk = 1 + int(r / 0.02)	# 2 % each
	r = rand()
	if (r < 0.12)
		headk = 1 + int(r / 0.02)	# 1-6: 2 % each
	else if (r < 0.18)
		headk = 7 + int((r - 0.12) / 0.015)	# 7-10: 1.5 % each
	else if (r < 0.24)
		headk = 11 + int((r - 0.18) / 0.03)	# 11-12: 3 % each
	dotk = rand() < 0.03
	if (rand() < 0.05)
		relk = 1 + int(rand() * 3)
	r = rand()
	if (r < 0.10)
		bylk = 1 + int(r / 0.02)	# 2 % each
}

function headline(k,    d) {
	d = (1 + int(rand() * 28)) "/" (1 + int(rand() * 12)) "/" (2015 + int(rand() * 11))
	if (k == 1)
		return "Lịch cắt điện ngày " d " tại " capv(words(2 + int(rand() * 9)))
	if (k == 2)
		return "Từ " d " chính thức " words(3 + int(rand() * 9))
	if (k == 3)
		return "Giá vàng hôm nay " d ": " words(3 + int(rand() * 9))
	if (k == 4) {
		if (rand() < 0.5)
			return "Bóng đá | Đội tuyển " capv(words(2)) " thắng " words(2 + int(rand() * 8))
		return capv(words(2)) " > " capv(words(4 + int(rand() * 8)))
	}
	if (k == 5)
		return capv(words(3 + int(rand() * 5))) " nói gì? " capv(words(2 + int(rand() * 4))) " trả lời."
	if (k == 6)
		return long_words(151 + int(rand() * 50))
	if (k == 7)
		return "TS. " capv(words(1)) " Văn " capv(words(1)) ": " words(4 + int(rand() * 7))
	if (k == 8)
		return "TP.HCM " words(4 + int(rand() * 9))
	if (k == 9)
		return "Mr." capv(words(1)) " " words(4 + int(rand() * 7))
	if (k == 10)
		return capv(words(2 + int(rand() * 4))) " Atl." capv(words(1)) " " words(2 + int(rand() * 5))
	if (k == 11) {
		if (rand() < 0.4)
			return brand[1 + int(rand() * nbrand)] " " words(4 + int(rand() * 8))
		return capv(words(2 + int(rand() * 4))) " " brand[1 + int(rand() * nbrand)] " " \
		    words(2 + int(rand() * 6))
	}
	return "Tạm dừng " words(5 + int(rand() * 8))
}

# The byline's forms, in place of the signature and source; sets author
# and source.
function byline(k) {
	source = ""
	if (k == 1) {
		author = rand() < 0.3 ? initial() "." capv(words(1)) : person()
		print author > f
	} else if (k == 2) {
		source = "Daily Mail"
		print "(Theo " source ")" > f
	} else if (k == 3) {
		author = initial() "." initial()
		source = "AFP"
		print author " (Theo " source ")" > f
	} else if (k == 4) {
		source = "TTXVN"
		print "(" source ")" > f
	} else {
		author = person()
		source = "TTXVN"
		print "Tin, ảnh: " author " (" source ")" > f
	}
}

# An invented name: two or three syllables of the list, capitalised.
function person(    s) {
	s = capv(words(1)) " " capv(words(1))
	return rand() < 0.5 ? s : s " " capv(words(1))
}

function initial() {
	return substr(initials, 1 + int(rand() * length(initials)), 1)
}

function words(k,    s, j) {
	s = ""
	for (j = 0; j < k; j++)
		s = s (j ? " " : "") w[1 + int(rand() * nw)]
	return s
}

# Words until the text is at least cols characters long.
function long_words(cols,    s) {
	s = capv(words(1))
	while (chars(s) < cols)
		s = s " " words(1)
	return s
}

# Characters (not bytes) of UTF-8 text.
function chars(s) {
	return length(s) - gsub(/[\200-\277]/, "", s)
}

# Capitalise an ASCII first letter; Vietnamese initials are left as they are.
function cap(s) {
	return toupper(substr(s, 1, 1)) substr(s, 2)
}

# Capitalise the first letter, the list's Vietnamese initials (đ, ư) too.
function capv(s) {
	if (substr(s, 1, 2) == "đ")
		return "Đ" substr(s, 3)
	if (substr(s, 1, 2) == "ư")
		return "Ư" substr(s, 3)
	return cap(s)
}

# As luot squeezes a line: runs of blanks made one space, none at the ends.
function squeeze(s) {
	gsub(/[ \t]+/, " ", s)
	sub(/^ /, "", s)
	sub(/ $/, "", s)
	return s
}

# Capitals for the signature. awk's toupper() knows ASCII only; with the
# shapes on, Vietnamese letters are raised too, as papers print them
# (shapes=0 keeps the old pages' ASCII-only capitals, byte for byte).
function toupper_vi(s,    k) {
	s = toupper(s)
	if (!shapes)
		return s
	if (!vi_n) {
		vi_n = split("à á ả ã ạ ă ằ ắ ẳ ẵ ặ â ầ ấ ẩ ẫ ậ è é ẻ ẽ ẹ ê ề ế ể ễ ệ ì í ỉ ĩ ị ò ó ỏ õ ọ ô ồ ố ổ ỗ ộ ơ ờ ớ ở ỡ ợ ù ú ủ ũ ụ ư ừ ứ ử ữ ự ỳ ý ỷ ỹ ỵ đ", vi_low, " ")
		split("À Á Ả Ã Ạ Ă Ằ Ắ Ẳ Ẵ Ặ Â Ầ Ấ Ẩ Ẫ Ậ È É Ẻ Ẽ Ẹ Ê Ề Ế Ể Ễ Ệ Ì Í Ỉ Ĩ Ị Ò Ó Ỏ Õ Ọ Ô Ồ Ố Ổ Ỗ Ộ Ơ Ờ Ớ Ở Ỡ Ợ Ù Ú Ủ Ũ Ụ Ư Ừ Ứ Ử Ữ Ự Ỳ Ý Ỷ Ỹ Ỵ Đ", vi_up, " ")
	}
	for (k = 1; k <= vi_n; k++)
		gsub(vi_low[k], vi_up[k], s)
	return s
}
