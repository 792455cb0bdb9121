#!/bin/sh
# html-pages.sh SRC OUT [N]: web pages for the HTML benchmark, made of
# real text: each text page of SRC (the baomoi crawl's vn_news/data, or
# any folder of text pages; at most N, default 2000) becomes OUT/NAME.html
# in the shape of a Vietnamese news site's article page: JSON-LD and Open
# Graph in a <head> with a 30 KB script, a menu, the article with its
# sapo and a figure, a "Tin liên quan" box, a share bar, comments, a
# "Xem nhiều" column and a footer: about 60 KB a page, as real ones are
# (their text is a tenth of them). The crawl states no licence: the
# pages stay in OUT, outside the repository.
set -eu
[ $# -ge 2 ] || { echo "usage: $0 SRC OUT [N]" >&2; exit 2; }
src=$1 out=$2 n=${3:-2000}
mkdir -p "$out"
# 30 KB of script and 20 KB of links, the same on every page.
script=$(awk 'BEGIN { for (i = 0; i < 600; i++) printf "window.a%d=function(x){return x*%d+\"tracking-%d\";};\n", i, i, i }')
links=$(awk 'BEGIN { for (i = 0; i < 120; i++) printf "<li><a href=\"/tin-%d.html\">Tin tức số %d trong ngày, cập nhật liên tục</a></li>\n", i, i }')
find "$src" -type f -name '*.txt' | sort | head -n "$n" | while read -r f; do
	name=$(basename "$f" .txt)
	awk -v name="$name" -v script="$script" -v links="$links" '
	function esc(s) {
		gsub(/&/, "\\&amp;", s); gsub(/</, "\\&lt;", s); gsub(/>/, "\\&gt;", s); gsub(/"/, "\\&quot;", s)
		return s
	}
	NF == 0 { next }
	title == "" { title = esc($0); next }
	{ para[++np] = esc($0) }
	END {
		printf "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">\n"
		printf "<title>%s - Báo Điện Tử</title>\n", title
		printf "<meta property=\"og:title\" content=\"%s\">\n", title
		printf "<meta property=\"og:site_name\" content=\"Báo Điện Tử\">\n"
		printf "<link rel=\"canonical\" href=\"https://bao.example.vn/%s.html\">\n", name
		printf "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":\"%s\",\"datePublished\":\"2017-02-06T10:20:00+07:00\",\"author\":{\"@type\":\"Person\",\"name\":\"Phóng viên\"}}</script>\n", title
		printf "<script>%s</script>\n</head><body>\n", script
		printf "<header class=\"header\"><nav class=\"menu\"><ul>%s</ul></nav></header>\n", links
		printf "<div class=\"container\"><div class=\"sidebar-1\">\n<h1 class=\"title-detail\">%s</h1>\n", title
		printf "<div class=\"toolbar\">Cỡ chữ: A+ A- | In bài | Gửi cho bạn bè</div>\n"
		printf "<article class=\"fck_detail\">\n"
		for (i = 1; i <= np; i++) {
			printf "<p class=\"Normal\">%s</p>\n", para[i]
			if (i == 2)
				printf "<figure><img src=\"a.jpg\"><figcaption>Ảnh minh họa cho bài viết. Ảnh: Phóng viên</figcaption></figure>\n"
		}
		printf "<div class=\"box-tinlienquan\"><h3>Tin liên quan</h3><ul>%s</ul></div>\n", substr(links, 1, 2000)
		printf "</article>\n<div class=\"social_share\"><a href=\"#\">Chia sẻ</a> <a href=\"#\">Facebook</a> <a href=\"#\">Zalo</a></div>\n"
		printf "<div id=\"box_comment\"><h3>Ý kiến bạn đọc</h3><p>Bài viết rất hay, cảm ơn tòa soạn đã đưa tin kịp thời.</p></div>\n"
		printf "</div><aside class=\"sidebar-2\"><h3>Xem nhiều</h3><ul>%s</ul></aside></div>\n", links
		printf "<footer class=\"footer\"><p>Giấy phép số 123/GP-BTTTT. Ghi rõ nguồn khi phát hành lại.</p></footer>\n</body></html>\n"
	}' "$f" >"$out/$name.html"
done
echo "$(ls "$out" | wc -l) pages in $out"
