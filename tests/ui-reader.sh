#!/bin/sh
# ui-reader.sh: the list and the reader, driven in tmux: rows, wrapping at
# 80 and 47 columns, NFD as NFC, resize, tiny terminals, read marks,
# bookmarks, reading positions.
. "$TESTLIB"
. "$(dirname "$TESTLIB")/ui-lib.sh"

db="$T/demo.db"
"$LUOT" --db "$db" import -q "$LUOT_DATADIR/demo" >/dev/null
cp "$db" "$T/fresh.db"

# The article about the Mid-Autumn night, third newest in the demo.
id=$("$LUOT" --db "$db" list | awk 'NR == 3 { print $1 }')
"$LUOT" --db "$db" show "$id" | awk 'body { print } /^$/ { body = 1 }' |
	grep -v "^Photo captions:" | tr -s ' \n' '\n\n' | grep . >"$T/words"

# dimmed: the screen's rows without their attributes, each after "d " when
# its text is dim (the byline, captions), "- " when not. tmux gives an
# attribute once, where it starts, so it is followed across rows.
dimmed() {
	ui_screen_attrs | head -n -3 | awk '
	{
		out = ""; dimtext = 0; s = $0
		while (s != "") {
			if (match(s, /^\033\[[0-9;]*m/)) {
				n = split(substr(s, 3, RLENGTH - 3), a, ";")
				if (n == 0) dim = 0
				for (i = 1; i <= n; i++) {
					if (a[i] == "" || a[i] == 0 || a[i] == 22) dim = 0
					else if (a[i] == 2) dim = 1
				}
				s = substr(s, RLENGTH + 1)
				continue
			}
			c = substr(s, 1, 1)
			if (dim && c != " ") dimtext = 1
			out = out c
			s = substr(s, 2)
		}
		print (dimtext ? "d " : "- ") out
	}'
}

# body_words: the words of the screen's article text (after the header),
# the captions (dim) left out.
body_words() {
	dimmed | awk 'body && /^- / { print substr($0, 3) } / · / { body = 1 }' |
		tr -s ' \n' '\n\n' | grep .
}

# top_has TEXT: the first row of the screen holds TEXT.
top_has() {
	ui_screen | head -n 1 | grep -qF -- "$1"
}

# quit_within_rss TRACE KB: quit luot; its peak memory, from its trace,
# was at most KB (not measured under the sanitizers, which add their own).
quit_within_rss() {
	ui_keys q q &&
	ui_until 30 "luot to quit" test -f ui-status &&
	grep maxrss-kb "$1" &&
	if [ "${LUOT_SANITIZED:-no}" != yes ]; then
		awk -v max="$2" "/^maxrss-kb/ { exit !(\$2 <= max) }" "$1"
	fi
}

# widths_ok COLS: every line of the screen fits, none is broken.
widths_ok() {
	ui_screen | "$COLWIDTH" >"$T/widths"
	! grep -q -- '^-1$' "$T/widths" &&
	test "$(sort -n "$T/widths" | tail -n 1)" -le "$1"
}

test_expect_success 'the list shows the newest articles first, with marks' '
	ui_start 100 30 --db "$db" &&
	ui_wait "Sôi nổi lễ hội đua ghe" &&
	ui_screen | head -n 3 >top &&
	grep -q "^N  2025-02-03 .*Sôi nổi lễ hội đua ghe đầu xuân" top &&
	sed -n 3p top | grep -q "2024-09-16 .*Rộn ràng đêm hội trăng rằm" &&
	ui_status_line | grep -q "list *1/19 *unread 19" &&
	ui_status_raw | grep -q "unread 19  .* ?: help$"
'

test_expect_success 'the cursor row is in reverse video' '
	ui_screen_attrs | head -n 1 | grep -q "$(printf "\033\\[7m")"
'

test_expect_success 'an article opens wrapped at 80 columns, every word kept' '
	ui_start 80 30 --db "$db" &&
	ui_wait "Sôi nổi" &&
	ui_keys j j Enter &&
	ui_wait "Tối 16/9" &&
	ui_screen | head -n 1 | grep -q "^ Rộn ràng đêm hội trăng rằm" &&
	widths_ok 80 &&
	test "$(sort -n widths | tail -n 1)" -ge 70 &&
	body_words >shown &&
	head -n "$(count_lines shown)" "$T/words" >want &&
	test_cmp want shown
'

test_expect_success 'the title is in bold' '
	ui_screen_attrs | head -n 1 | grep -q "$(printf "\033\\[1m")Rộn ràng"
'

test_expect_success 'under the title: author, then the date in words, not ISO' '
	ui_screen | head -n 4 | grep -q "^ Lan Anh · Mon 16 Sep 2024, 22:10 *$"
'

test_expect_success 'opening marks the article read, in the list too' '
	ui_status_line | grep -q "unread 18" &&
	ui_keys q &&
	ui_wait "luot: list" &&
	ui_screen | sed -n 3p | grep -q "^   2024-09-16" &&
	ui_screen | sed -n 4p | grep -q "^N  2024-08-03"
'

test_expect_success 'a bookmark set in the article shows in the list' '
	ui_keys Enter &&
	ui_wait "luot: article" &&
	ui_keys m &&
	ui_wait "bookmarked" &&
	ui_keys q &&
	ui_wait "luot: list" &&
	ui_screen | sed -n 3p | grep -q "^ \* 2024-09-16" &&
	ui_keys m &&
	ui_wait_gone "* 2024-09-16"
'

test_expect_success 'Esc leaves the article for the list' '
	ui_keys Enter &&
	ui_wait "luot: article" &&
	ui_keys Escape &&
	ui_wait "luot: list"
'

test_expect_success 'the same article at 47 columns' '
	ui_start 47 30 --db "$db" &&
	ui_wait "Sôi nổi" &&
	ui_keys j j Enter &&
	ui_wait "Tối 16/9" &&
	widths_ok 47 &&
	test "$(sort -n widths | tail -n 1)" -ge 40 &&
	body_words >shown &&
	head -n "$(count_lines shown)" "$T/words" >want &&
	test_cmp want shown
'

test_expect_success 'resizing re-wraps and keeps the place' '
	ui_keys j j j j j j &&
	ui_settle &&
	ui_screen | head -n 1 >before &&
	ui_resize 70 30 &&
	ui_settle &&
	widths_ok 70 &&
	awk "{ print \$1, \$2 }" before >first &&
	ui_screen | head -n 3 | grep -qF "$(cat first)"
'

test_expect_success 'the reading position is kept for the next opening' '
	ui_keys q &&
	ui_wait "Sôi nổi lễ hội" &&
	ui_keys g Enter &&
	ui_wait "Thu Bồn" &&
	ui_keys q &&
	ui_wait "Rộn ràng" &&
	ui_keys j j Enter &&
	ui_settle &&
	ui_screen | head -n 3 | grep -qF "$(cat first)"
'

test_expect_success 'a terminal too small says so, and recovers' '
	ui_resize 15 4 &&
	ui_wait "Terminal too" &&
	ui_resize 80 24 &&
	ui_wait "luot: article" &&
	ui_resize 20 5 &&
	ui_wait_gone "Terminal too" &&
	ui_wait "luot: article" &&
	ui_screen | "$COLWIDTH" >widths &&
	test "$(sort -n widths | tail -n 1)" -le 20 &&
	ui_resize 80 24
'

test_expect_success 'a tall terminal shows the list over the article' '
	ui_resize 100 50 &&
	ui_wait "────────" &&
	ui_screen | head -n 1 | grep -q "Sôi nổi lễ hội" &&
	ui_screen | awk "/────/ { below = 1; next } below && /Trung thu/" | grep -q . &&
	widths_ok 100
'

test_expect_success 'a wide one shows them side by side' '
	ui_resize 160 30 &&
	ui_wait "│" &&
	ui_screen | head -n 1 | grep -q "Sôi nổi lễ hội.*│" &&
	ui_screen | grep -q "│.*Trung thu" &&
	widths_ok 160
'

test_expect_success 'side by side, the list shows where the focus is' '
	ui_wait_status "luot: article" &&
	ui_screen_attrs | sed -n 3p >row &&
	grep -q "$(printf "\033\\[4m")" row && ! grep -q "$(printf "\033\\[7m")" row &&
	ui_keys Tab &&
	ui_wait_status "luot: list" &&
	ui_screen_attrs | sed -n 3p | grep -q "$(printf "\033\\[7m")" &&
	ui_keys Tab &&
	ui_wait_status "luot: article"
'

# beside: the article pane's half of the first line.
beside() {
	ui_screen | head -n 1 | sed "s/.*│//" | grep -qF -- "$1"
}

test_expect_success 'side by side, the article follows the cursor once keys pause; read once it has the keys' '
	cp "$T/fresh.db" "$T/follow.db" &&
	UI_ENV="LUOT_UI_TRACE=$T/follow-trace" ui_start 160 30 --db "$T/follow.db" &&
	ui_wait_status "unread 19" &&
	ui_until 5 "the first article beside the list" beside "Sôi nổi lễ hội" &&
	# Five keys 20 ms apart, as a key held down repeats.
	for k in 1 2 3 4 5; do ui_keys j && sleep 0.02; done &&
	ui_until 5 "the sixth article beside the list" beside "Đà Nẵng: Hơn 13.000" &&
	ui_settle &&
	# One article loaded for the five keys, not one a key.
	awk "/^key j/ { on = 1 } on && /^idle/ { n++ } END { print n + 0 }" "$T/follow-trace" >idles &&
	test "$(cat idles)" -le 2 &&
	ui_wait_status "luot: list  6/19  unread 19" &&
	ui_keys Tab &&
	ui_wait_status "luot: article" &&
	ui_wait_status "unread 18" &&
	ui_keys q &&
	ui_wait_status "luot: list  6/19  unread 18"
'

# marked N: the database holds N bookmarks (the writer may still be
# writing what the screen shows already).
marked() {
	test "$(sql "$db" "SELECT count(*) FROM state WHERE bookmarked IS NOT NULL")" = "$1"
}

test_expect_success 'm bookmarks the article under the cursor' '
	ui_start 100 30 --db "$db" &&
	ui_wait "Sôi nổi" &&
	ui_keys j m &&
	ui_wait "* 2024-12-20" &&
	ui_until 5 "the bookmark written" marked 1 &&
	ui_keys m &&
	ui_wait_gone "* 2024-12-20" &&
	ui_until 5 "the bookmark removed" marked 0
'

test_expect_success 'N marks read and unread' '
	n=$(ui_status_line | sed "s/.*unread \([0-9]*\).*/\1/") &&
	read=$(ui_screen | sed -n 2p | cut -c1) &&
	if [ "$read" = N ]; then m=$((n - 1)); else m=$((n + 1)); fi &&
	ui_keys N &&
	ui_wait "unread $m" &&
	ui_keys N &&
	ui_wait "unread $n"
'

test_expect_success 'o sorts by import order, and back' '
	ui_keys O &&
	ui_wait "sorted by import" &&
	last=$(sql "$db" "SELECT title FROM article ORDER BY id DESC LIMIT 1" |
		awk "{ print \$1, \$2, \$3 }") &&
	ui_screen | head -n 1 | grep -qF "$last" &&
	ui_keys O &&
	ui_wait "sorted by date"
'

test_expect_success 'G goes to the last article, g back to the first' '
	ui_keys G &&
	ui_wait "19/19" &&
	ui_keys g &&
	ui_wait "1/19"
'

test_expect_success '? shows the keys, q closes it' '
	ui_keys "?" &&
	ui_wait "In the list" &&
	ui_screen | grep -q "Enter, l, Right *open the article" &&
	ui_keys G &&
	ui_wait "j, Down, C-n" &&
	ui_screen | grep -q "j, Down, C-n *move down a line" &&
	ui_screen | grep -q "Everywhere but the search, where only PgDn, PgUp and F1" &&
	ui_keys q &&
	ui_wait "luot: list"
'

test_expect_success 'a caption stands dim where it stood on the page, not after the text' '
	cp "$T/fresh.db" "$T/cap.db" &&
	ui_start 100 30 --db "$T/cap.db" &&
	ui_wait_status "unread 19" &&
	ui_keys Enter &&
	ui_until 5 "the first article" top_has "Sôi nổi lễ hội" &&
	ui_screen_attrs >attrs &&
	cap=$(grep -n "Các đội ghe nam tăng tốc" attrs | cut -d: -f1) &&
	before=$(grep -n "ly 1.500 m đối với nam" attrs | cut -d: -f1) &&
	after=$(grep -n "Ngay từ đầu giờ chiều" attrs | cut -d: -f1) &&
	test "$before" -lt "$cap" && test "$cap" -lt "$after" &&
	grep "Các đội ghe nam tăng tốc" attrs | grep -q "\[2m\|;2m\|\[2;" &&
	! grep "Ngay từ đầu giờ chiều" attrs | grep -q "\[2m\|;2m\|\[2;" &&
	ui_keys q q
'

test_expect_success 'the list shows the site of a URL with no source; o hands the URL to $BROWSER, x the file (o too without a URL); no shell reads either' '
	printf "#!/bin/sh\nprintf \"%%s\\\\n\" \"\$@\" >>\"%s/opened\"\n" "$T" >"$T/browser" &&
	chmod +x "$T/browser" &&
	cp "$T/fresh.db" "$T/open.db" &&
	first=$("$LUOT" --db "$T/open.db" list | awk "NR == 1 { print \$1 }") &&
	url="https://baoquangnam.vn/le-hoi?a=1&b=\$(touch%20pwned);x" &&
	sql "$T/open.db" "UPDATE article SET url = '"'"'$url'"'"', site = '"'"'baoquangnam.vn'"'"' WHERE id = $first" &&
	rm -f "$T/opened" &&
	UI_ENV="BROWSER=$T/browser:firefox" ui_start 100 30 --db "$T/open.db" &&
	ui_wait_status "unread 19" &&
	ui_screen | head -n 1 | grep -q "2025-02-03  baoquangnam.vn  *Sôi nổi" &&
	ui_keys Enter &&
	ui_until 5 "the first article" top_has "Sôi nổi lễ hội" &&
	ui_wait "baoquangnam.vn/le-hoi" &&
	ui_keys o &&
	ui_wait "opened with" &&
	test "$(cat "$T/opened")" = "$url" &&
	test ! -e "$T/pwned" && test ! -e pwned &&
	ui_keys x &&
	ui_until 5 "the file opened" sh -c "test \$(wc -l <\"$T/opened\") = 2" &&
	tail -n 1 "$T/opened" | grep -q "/data/demo/04-le-hoi-dua-ghe.txt$" &&
	ui_keys J &&
	ui_until 5 "the second article" top_has "Thanh Hóa: Hơn 90%" &&
	ui_keys o &&
	ui_until 5 "o opening the file of an article with no URL" sh -c "test \$(wc -l <\"$T/opened\") = 3" &&
	tail -n 1 "$T/opened" | grep -q "^/.*/data/demo/.*\.txt$" &&
	ui_keys q q
'

test_expect_success 'in the article, J and K open the next and previous article, u the next unread' '
	cp "$T/fresh.db" "$T/jk.db" &&
	ui_start 100 30 --db "$T/jk.db" &&
	ui_wait_status "unread 19" &&
	ui_keys Enter &&
	ui_wait_status "luot: article" &&
	ui_until 5 "the first article" top_has "Sôi nổi lễ hội" &&
	ui_keys J &&
	ui_until 5 "the second article" top_has "Thanh Hóa: Hơn 90%" &&
	ui_keys J &&
	ui_until 5 "the third article" top_has "Rộn ràng đêm hội" &&
	ui_keys K &&
	ui_until 5 "the second again" top_has "Thanh Hóa: Hơn 90%" &&
	# A heading the extractor took apart from its paragraph is bold;
	# the paragraph under it is not.
	ui_screen_attrs | grep "Kết quả nổi bật" | grep -q "\[1m\|;1m\|\[1;" &&
	ui_screen_attrs | grep "Năm qua, tỉnh" >para &&
	! grep -q "\[1m\|;1m\|\[1;" para &&
	ui_keys J &&
	ui_until 5 "the third article" top_has "Rộn ràng đêm hội" &&
	ui_keys K &&
	ui_until 5 "the second again" top_has "Thanh Hóa: Hơn 90%" &&
	ui_wait_status "unread 16" &&
	ui_keys u &&
	ui_until 5 "the fourth, unread" top_has "Hơn 1.200 đơn vị máu" &&
	ui_wait_status "unread 15" &&
	ui_keys Escape &&
	ui_wait_status "luot: list  4/19"
'

test_expect_success 'A marks every article read, after a y' '
	ui_keys A &&
	ui_wait "mark every article read? (y/n)" &&
	ui_keys n &&
	ui_wait "cancelled" &&
	ui_wait_status "unread 15" &&
	ui_keys A &&
	ui_wait "mark every article read? (y/n)" &&
	ui_keys y &&
	ui_wait "every article marked read" &&
	ui_wait_status "unread 0" &&
	screen_lacks "N  20" &&
	ui_until 5 "the marks to be written" sh -c "test \"\$(\"$LUOT\" --db \"$T/jk.db\" list --unread 2>/dev/null | wc -l)\" = 0"
'

test_expect_success 'the list keeps its cursor and sort for the next run, per database' '
	cp "$T/fresh.db" "$T/place.db" &&
	ui_start 100 30 --db "$T/place.db" &&
	ui_wait_status "luot: list  1/19" &&
	ui_keys O &&
	ui_wait "sorted by import" &&
	ui_keys j j &&
	ui_wait_status "luot: list  3/19" &&
	ui_screen | sed -n 3p | cut -c 16- >row &&
	ui_keys q &&
	test "$(ui_exit_status)" = 0 &&
	ui_start 100 30 --db "$T/place.db" &&
	ui_wait_status "luot: list  3/19" &&
	ui_screen | sed -n 3p | cut -c 16- | diff row - &&
	ui_keys O &&
	ui_wait "sorted by date" &&
	ui_keys q &&
	test "$(ui_exit_status)" = 0 &&
	ui_start 100 30 --db "$T/fresh.db" &&
	ui_wait_status "luot: list  1/19"
'

test_expect_success 'q quits with status 0' '
	ui_keys q &&
	test "$(ui_exit_status)" = 0
'

test_expect_success 'columns line up for Vietnamese, CJK and emoji titles' '
	mixed="$T/mixed.db" &&
	"$LUOT" --db "$mixed" import -q "$LUOT_DATADIR/demo" >/dev/null &&
	n=0 &&
	for t in "日本語の新聞記事 タイトルがとても長い場合には切られる" \
		"😀 Tin vui 🎉 mừng 👍 năm mới" "中文标题 ＡＢＣ 全角字符" "Đắk Lắk: Người dân vùng lũ"; do
		n=$((n + 2)) &&
		sql "$mixed" "UPDATE article SET title = \"$t\", source = \"東京新聞 📰 Báo Mới Hôm Nay\" WHERE id =
			(SELECT id FROM article ORDER BY published DESC, id DESC LIMIT 1 OFFSET $n)" ||
		return 1
	done &&
	ui_start 100 30 --db "$mixed" &&
	ui_wait "luot: list" &&
	ui_screen | head -n 19 >rows &&
	"$COLWIDTH" <rows >w &&
	! grep -q -- "^-1$" w &&
	test "$(sort -n w | tail -n 1)" -le 100 &&
	grep -q "日本語" rows && grep -q "😀 Tin vui" rows && grep -q "ＡＢＣ" rows &&
	sql "$mixed" "SELECT title FROM article ORDER BY published DESC NULLS LAST, id DESC" |
		head -n 19 | awk "{ print \$1, \$2 }" >first &&
	paste -d "\t" rows first | awk -F "\t" "{ print substr(\$1, 1, index(\$1, \$2) - 1) }" |
		"$COLWIDTH" | sort -u >starts &&
	test "$(cat starts)" = 35
'

test_expect_success 'an empty database says how to import' '
	ui_start 80 24 --db "$T/empty.db" &&
	ui_wait "No articles yet" &&
	ui_screen | grep -q "luot import FOLDER"
'

# An article of 300,000 paragraphs (imported past the default limits) and
# one of a single 7 MB paragraph: the reader keeps the text once and lays
# out only what it shows, so it stays small and quick on both.
test_expect_success 'an article of 300,000 paragraphs opens in little memory; G, g and / work' '
	mkdir long &&
	awk "BEGIN { print \"Một bài rất dài để thử trình đọc\"; print \"\";
		for (i = 0; i < 300000; i++) printf \"Câu số %d.\\n\", i;
		print \"Cuối bài có chữ đích đến.\" }" >long/a.txt &&
	"$LUOT" --db long.db import -q --max-paragraphs 400000 long &&
	UI_ENV="LUOT_UI_TRACE=$T/trace-long" ui_start 100 30 --db long.db &&
	ui_wait "luot: list" &&
	ui_keys Enter &&
	ui_wait "Câu số 12." 20 &&
	ui_keys G &&
	ui_wait "Cuối bài có chữ đích đến." &&
	ui_wait_status "100%" &&
	screen_has "Câu số 299999." &&
	ui_keys g &&
	ui_wait "Một bài rất dài" &&
	ui_keys / && ui_type "đích" && ui_keys Enter &&
	ui_until 10 "the match at the top" top_has "Cuối bài" &&
	quit_within_rss trace-long 40000
'

test_expect_success 'an article of one 7 MB paragraph: the same' '
	mkdir wide &&
	awk "BEGIN { printf \"Một đoạn văn rất dài\\n\\n\";
		for (i = 0; i < 700000; i++) printf \"nhà cửa \";
		print \"đích đến.\" }" >wide/a.txt &&
	"$LUOT" --db wide.db import -q wide &&
	UI_ENV="LUOT_UI_TRACE=$T/trace-wide" ui_start 100 30 --db wide.db &&
	ui_wait "luot: list" &&
	ui_keys Enter &&
	ui_wait "nhà cửa nhà cửa" 20 &&
	ui_keys G &&
	ui_wait "đích đến." &&
	ui_keys g / && ui_type "đích" && ui_keys Enter &&
	ui_until 10 "the match at the top" top_has "đích đến." &&
	quit_within_rss trace-wide 40000
'

test_done
