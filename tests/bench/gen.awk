# gen.awk: write N synthetic scraped article pages into DIR, in the shape of
# real input: pop-up junk, a section header, the title, a dateline, 5-9
# paragraphs of Vietnamese syllables, a caption, a signature, share links
# and a related-news block. Deterministic for a given SEED.
#
#   awk -v n=10000 -v dir=out -v seed=1 -f gen.awk
BEGIN {
	srand(seed ? seed : 1)
	nw = split("dân vận khéo công tác nông dân thu hoạch lúa gạo mùa vụ giá cả thị trường " \
	    "tỉnh thành phố huyện xã người Việt Nam phát triển kinh tế xã hội giáo dục y tế " \
	    "đường sá cầu cống mưa lớn nắng nóng học sinh thầy cô bệnh viện bác sĩ nước sạch " \
	    "điện lưới du lịch biển đảo lễ hội truyền thống văn hóa đọc sách hội chợ đặc sản " \
	    "hợp tác xã doanh nghiệp đầu tư xây dựng nông thôn mới đô thị giao thông an toàn " \
	    "chính quyền cơ sở đoàn thể thanh niên phụ nữ cựu chiến binh hộ nghèo tín dụng " \
	    "ưu đãi sản xuất chăn nuôi thủy sản tôm cá cà phê hồ tiêu cao su trái cây xuất khẩu", w, " ")
	nsrc = split("Báo Cần Thơ|Báo Nông nghiệp|Đài PT-TH Quảng Nam|Báo Đà Nẵng|Báo Hải Phòng", src, "|")
	for (i = 0; i < n; i++) {
		if (i % 1000 == 0) {
			sub_dir = sprintf("%s/%03d", dir, i / 1000)
			system("mkdir -p '" sub_dir "'")
		}
		f = sprintf("%s/%06d.txt", sub_dir, i)
		print "Nhập thông tin" > f
		print "  • Lỗi: Email không hợp lệ" > f
		print "Đóng\n" > f
		print "TIN TỨC | XÃ HỘI\n" > f
		print cap(words(8 + int(rand() * 8))) " số " i "\n" > f
		printf "%d/%d/%d - %02d:%02d\n\n", 1 + int(rand() * 28), 1 + int(rand() * 12),
		    2015 + int(rand() * 10), int(rand() * 24), int(rand() * 60) > f
		np = 5 + int(rand() * 5)
		for (p = 0; p < np; p++) {
			para = ""
			ns = 2 + int(rand() * 4)
			for (s = 0; s < ns; s++)
				para = para (s ? " " : "") cap(words(10 + int(rand() * 20))) "."
			print para "\n" > f
			if (p == 1)
				print cap(words(8)) ". Ảnh: " cap(words(2)) "\n" > f
		}
		print toupper_vi(words(2)) > f
		print "Nguồn: " src[1 + int(rand() * nsrc)] > f
		print "In tin bàiLưu tin bài" > f
		print "CÁC TIN KHÁC\n" > f
		print cap(words(10)) > f
		print "27/04/2020 - 12.191 lượt xem" > f
		close(f)
	}
}

function words(k,    s, j) {
	s = ""
	for (j = 0; j < k; j++)
		s = s (j ? " " : "") w[1 + int(rand() * nw)]
	return s
}

# Capitalise an ASCII first letter; Vietnamese initials are left as they are.
function cap(s) {
	return toupper(substr(s, 1, 1)) substr(s, 2)
}

# Capitals for the signature: ASCII letters only, which still reads as caps.
function toupper_vi(s) {
	return toupper(s)
}
