#!/bin/sh
# ui-web.sh: the article and the world outside, in tmux: L lists the
# body's links and opens one by its number, | pipes the text to a
# command typed, s saves text or Markdown (asking before replacing), r
# fetches the feeds in the background from the test suite's web server
# while the list stays usable.
. "$TESTLIB"
. "$(dirname "$TESTLIB")/ui-lib.sh"

db="$T/web.db"
"$LUOT" --db "$db" import -q "$TESTDATA/html/jsonld-news.html" >/dev/null
printf "#!/bin/sh\nprintf \"%%s\\\\n\" \"\$@\" >>\"%s/opened\"\n" "$T" >"$T/browser"
chmod +x "$T/browser"
t1="Hà Nội thử nghiệm làn đường riêng cho xe buýt nhanh"

test_expect_success 'L lists the links of the body, numbered; a number and Enter open that one' '
	UI_ENV="BROWSER=$T/browser" ui_start 100 24 --db "$db" &&
	ui_wait "$t1" &&
	ui_keys Enter &&
	ui_wait "Theo Sở Giao thông" &&
	ui_keys L &&
	ui_wait "https://www.youtube.com/watch?v=abc&t=5" &&
	ui_screen | grep -q "^ *1 lần đầu năm 2017  https://vnexpress.net/giao-thong/brt-2017-4567.html" &&
	ui_screen | grep -q "^ *2 video BRT  https://www.youtube.com/watch?v=abc&t=5" &&
	ui_wait_status "links  1/2" &&
	ui_keys 2 &&
	ui_wait_status "link 2" &&
	ui_keys Enter &&
	ui_wait "opened with" &&
	test "$(cat "$T/opened")" = "https://www.youtube.com/watch?v=abc&t=5" &&
	ui_keys q &&
	ui_wait "Theo Sở Giao thông"
'

test_expect_success '  a number past the last is said; an article of plain text lists the addresses it spells out' '
	ui_keys L &&
	ui_wait_status "links" &&
	ui_keys 7 &&
	ui_wait "no link 7" &&
	ui_keys q &&
	printf "Tin có địa chỉ\n\nBài đọc thêm tại https://baodanang.vn/bai/123.htm, và trang http://x.vn/a.\n\nĐoạn thứ hai của bài viết này để có đủ chữ cho một bài báo ngắn gọn.\n" >"$T/plain.txt" &&
	"$LUOT" --db "$db" import -q "$T/plain.txt" >/dev/null &&
	ui_keys q R &&
	ui_wait "Tin có địa chỉ" &&
	ui_keys G Enter &&
	ui_wait "Đoạn thứ hai" &&
	ui_keys L &&
	ui_wait "https://baodanang.vn/bai/123.htm" &&
	ui_screen | grep -q "^ *2 http://x.vn/a$" &&
	ui_keys q q
'

test_expect_success '| pipes the article'"'"'s text to the command typed; Enter returns; the command is offered again' '
	ui_start 100 24 --db "$db" &&
	ui_wait "$t1" &&
	ui_keys g &&
	ui_keys "|" &&
	ui_wait "pipe the article to:" &&
	ui_type "tee \"$T/piped\" | head -n 1" &&
	ui_keys Enter &&
	ui_wait "Press Enter to go back to luot." &&
	ui_screen | grep -q "^$t1" &&
	ui_keys Enter &&
	ui_wait "piped to tee" &&
	head -n 1 "$T/piped" | grep -qx "$t1" &&
	test "$(grep -c "xe buýt" "$T/piped")" -ge 3 &&
	ui_keys "|" &&
	ui_wait "pipe the article to: tee" &&
	ui_keys Escape &&
	ui_wait "cancelled"
'

test_expect_success '  a command that fails is said with its status' '
	ui_keys "|" C-u &&
	ui_type "exit 3" &&
	ui_keys Enter &&
	ui_wait "Press Enter" &&
	ui_keys Enter &&
	ui_wait "the command ended with status 3"
'

test_expect_success 's saves the article: text by default, Markdown for .md; an existing file is replaced only on y' '
	ui_keys s &&
	ui_wait "save as (.md: Markdown, else text): ha-noi-thu-nghiem-lan-duong-rieng-cho-xe-buyt-nhanh.txt" &&
	ui_keys Enter &&
	ui_wait "saved to ha-noi-thu-nghiem" &&
	head -n 1 "$T/ha-noi-thu-nghiem-lan-duong-rieng-cho-xe-buyt-nhanh.txt" | grep -qx "$t1" &&
	grep -qx "\\[1\\] lần đầu năm 2017 <https://vnexpress.net/giao-thong/brt-2017-4567.html>" \
		"$T/ha-noi-thu-nghiem-lan-duong-rieng-cho-xe-buyt-nhanh.txt" &&
	ui_keys s C-u &&
	ui_type "~/bai.md" &&
	ui_keys Enter &&
	ui_wait "saved to $HOME/bai.md" &&
	head -n 1 "$HOME/bai.md" | grep -qx "# $t1" &&
	grep -q "^1. \\[lần đầu năm 2017\\](<https://vnexpress.net/giao-thong/brt-2017-4567.html>)" "$HOME/bai.md" &&
	echo old >"$HOME/bai.md" &&
	ui_keys s C-u &&
	ui_type "~/bai.md" &&
	ui_keys Enter &&
	ui_wait "the file exists: replace it? (y/n)" &&
	ui_keys n &&
	ui_wait "cancelled" &&
	test "$(cat "$HOME/bai.md")" = old &&
	ui_keys s C-u &&
	ui_type "~/bai.md" &&
	ui_keys Enter y &&
	ui_wait "saved to $HOME/bai.md" &&
	head -n 1 "$HOME/bai.md" | grep -qx "# $t1"
'

test_expect_success '  a folder that cannot be written is said in one line, nothing written' '
	ui_keys s C-u &&
	ui_type "$T/no/such/folder/a.txt" &&
	ui_keys Enter &&
	ui_wait "No such file or directory" &&
	test ! -e "$T/no" &&
	ui_keys q
'

# The feeds of the test suite's web server (cli-fetch.sh has the same).
cp -R "$TESTDATA/web" "$T/www"
trap 'httpd_stop; ui_tmux kill-server 2>/dev/null; rm -rf "$T"' EXIT
httpd_start "$T/www" site
sed -i "s|@SITE@|$site|g" "$T/www/pages/"*.html

test_expect_success 'r with no feed says how to add one' '
	cp "$db" "$T/nofeed.db" &&
	ui_start 100 24 --db "$T/nofeed.db" &&
	ui_wait "$t1" &&
	ui_keys r &&
	ui_wait "no feeds to fetch: add one with luot feed add URL" &&
	ui_keys q
'

test_expect_success 'r fetches in the background: new articles appear unread, a failed feed is said' '
	"$LUOT" --db "$db" feed add "$site/summary.xml" "$site/nothing.xml" >/dev/null &&
	ui_start 100 24 --db "$db" &&
	ui_wait "$t1" &&
	ui_wait_status "unread 0" &&
	ui_keys r &&
	ui_wait "fetched 2 feeds: 6 new articles; 1 failed: failed $site/nothing.xml: HTTP 404" 10 &&
	ui_wait_status "unread 6" &&
	ui_screen | grep -q "^N  2024-04-06  Tin Miền Trung.*Đà Nẵng mở tuyến xe buýt ven biển" &&
	ui_keys g Enter &&
	ui_wait "mười chín cây số" &&
	test ! -s "$T/ui-stderr"
'

test_expect_success '  r again while a fetch runs says so; q stops it without waiting for it' '
	"$LUOT" --db "$db" feed add "$site/slow.xml" >/dev/null &&
	ui_keys q &&
	ui_keys r &&
	ui_wait_status "fetching" &&
	ui_keys r &&
	ui_wait "the feeds are being fetched already" &&
	start=$(date +%s) &&
	ui_keys q &&
	test "$(ui_exit_status)" = 0 &&
	test $(($(date +%s) - start)) -lt 3
'

test_done
