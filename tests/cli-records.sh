#!/bin/sh
# cli-records.sh: articles from JSON records (crawler output): JSON Lines
# and JSON arrays, the fields under the names crawlers give them or a
# --map, bad records named by line and skipped, URLs kept and searched.
. "$TESTLIB"

rec="$TESTDATA/records"
db="$T/r.db"

test_expect_success 'a folder of JSON Lines and JSON arrays: every good record an article' '
	{ "$LUOT" --db "$db" import -q "$rec" >out 2>err; test $? = 1; } &&
	grep -q "^imported 9, duplicates 2, skipped 3, failed 2 " out &&
	test "$("$LUOT" --db "$db" list | wc -l)" = 9
'

test_expect_success 'a bad record is named by its file and line, and the rest imports' '
	grep -q "failed .*crawl.jsonl:5: not JSON" err &&
	grep -q "skipped .*crawl.jsonl:6: not a JSON object" err &&
	grep -q "skipped .*crawl.jsonl:7: no text" err &&
	grep -q "failed .*broken-array.json: line 3: .*records after it are not read" err &&
	test "$(wc -l <err)" = 5
'

# field TITLE JQ: the value jq's JQ gives for the article titled TITLE.
field() {
	"$LUOT" --db "$db" list --json | jq -r --arg t "$1" "select(.title == \$t) | $2"
}

test_expect_success 'news-please names: maintext, date_publish, authors, source_domain' '
	t="Khai mạc tuần lễ văn hóa cố đô Huế" &&
	test "$(field "$t" .published)" = 2024-03-01T16:45 &&
	test "$(field "$t" .author)" = "Nguyễn Văn Hùng, Lê Thu Trang" &&
	test "$(field "$t" .source)" = baothuathienhue.vn &&
	test "$(field "$t" .url)" = https://baothuathienhue.vn/van-hoa/khai-mac-tuan-le-van-hoa-co-do-hue-139001.html
'

test_expect_success 'the text is cleaned as a page is: junk lines gone, paragraphs kept' '
	id=$(field "Khai mạc tuần lễ văn hóa cố đô Huế" .id) &&
	"$LUOT" --db "$db" show --json "$id" | jq -r ".paragraphs[]" >paras &&
	test "$(wc -l <paras)" = 2 &&
	! grep -q "Cỡ chữ\|Các tin khác" paras &&
	grep -q "^Tuần lễ kéo dài đến ngày 7/3" paras
'

test_expect_success 'trafilatura and schema.org names; a date with its zone keeps its time' '
	test "$(field "Cần Thơ mở rộng vùng trồng lúa chất lượng cao" .source)" = "Báo Cần Thơ" &&
	test "$(field "Cần Thơ mở rộng vùng trồng lúa chất lượng cao" .published)" = 2023-11-20 &&
	test "$(field "Đà Lạt rộn ràng chuẩn bị lễ hội hoa" .author)" = "Phạm Quỳnh" &&
	test "$(field "Đà Lạt rộn ràng chuẩn bị lễ hội hoa" .source)" = "Báo Lâm Đồng" &&
	test "$(field "Đà Lạt rộn ràng chuẩn bị lễ hội hoa" .published)" = 2023-12-20T07:30
'

test_expect_success 'decomposed (NFD) text in a record is stored composed (NFC)' '
	id=$(field "Đà Lạt rộn ràng chuẩn bị lễ hội hoa" .id) &&
	test -n "$id" &&
	"$LUOT" --db "$db" show "$id" >shown &&
	grep -q "Người dân Đà Lạt" shown
'

test_expect_success 'a JSON array: RSS-like names, an RFC 822 date, a body as a list, an epoch' '
	test "$(field "Quảng Ninh đón tàu biển quốc tế đầu năm" .published)" = 2024-02-05T09:15 &&
	test "$(field "Quảng Ninh đón tàu biển quốc tế đầu năm" .url)" = https://baoquangninh.vn/tau-bien-quoc-te.html &&
	id=$(field "Nghệ An hoàn thành giải phóng mặt bằng cao tốc" .id) &&
	"$LUOT" --db "$db" show --json "$id" | jq -e ".paragraphs | length == 2" &&
	test "$(field "Nghệ An hoàn thành giải phóng mặt bằng cao tốc" .published)" = 2023-11-14T22:13
'

test_expect_success 'a record whose text is HTML is read as a page: paragraphs, no share bar, captions apart' '
	id=$(field "Bài có HTML" .id) &&
	"$LUOT" --db "$db" show --json "$id" >j &&
	jq -e ".paragraphs == [\"Đoạn một của bài viết có định dạng HTML, do trình thu thập giữ nguyên thẻ đánh dấu của trang.\", \"Đoạn hai, với chữ đậm và một liên kết ở giữa câu văn này.\"]" j &&
	jq -e ".captions == [\"Ảnh minh họa trong bài.\"]" j
'

test_expect_success 'a date given as a number past any date, or below zero, is no date' '
	test "$(field "Số lớn" .published)" = null &&
	test "$(field "Số âm" .published)" = null
'

test_expect_success 'the same URL with other text is a duplicate' '
	test "$("$LUOT" --db "$db" list --json | jq -r .url | grep -c "co-do-hue-139001")" = 1 &&
	"$LUOT" --db "$db" search "bản cập nhật" >out &&
	test ! -s out
'

test_expect_success 'escape sequences in a record never reach the output; a javascript: URL is not kept' '
	"$LUOT" --db "$db" list >out &&
	! grep -q "$(printf "\033")" out &&
	! grep -q "$(printf "\007")" out &&
	grep -q "Tin .*giả mạo" out &&
	test "$(field "$(grep -o "Tin .*giả mạo" out)" .url)" = null
'

test_expect_success 'site: finds the articles of a site, with words or alone' '
	"$LUOT" --db "$db" search "site:baocantho.com.vn" >out &&
	test "$(wc -l <out)" = 1 && grep -q "Cần Thơ mở rộng" out &&
	"$LUOT" --db "$db" search "lúa site:https://www.baocantho.com.vn/" >out &&
	grep -q "Cần Thơ mở rộng" out &&
	"$LUOT" --db "$db" search "lúa site:baolamdong.vn" >out &&
	test ! -s out
'

test_expect_success 'site: holds the sites under it, not a name that ends alike' '
	printf "%s\n" "{\"title\": \"Giá cà phê xuất khẩu tăng mạnh trong quý đầu năm\", \"url\": \"https://e.vnexpress.net/news/ca-phe-1.html\", \"content\": \"Giá cà phê xuất khẩu trong quý đầu năm tăng mạnh so với cùng kỳ, theo số liệu của hiệp hội ngành hàng.\"}" \
		"{\"title\": \"Giá hồ tiêu giảm nhẹ sau nhiều tuần đi ngang\", \"url\": \"https://notvnexpress.net/tieu-2.html\", \"content\": \"Giá hồ tiêu tại các tỉnh Tây Nguyên giảm nhẹ sau nhiều tuần đi ngang, thương lái mua vào chậm.\"}" >sub.jsonl &&
	"$LUOT" --db sub.db import -q sub.jsonl >/dev/null &&
	"$LUOT" --db sub.db search --json site:vnexpress.net | jq -r .title >got &&
	test "$(cat got)" = "Giá cà phê xuất khẩu tăng mạnh trong quý đầu năm" &&
	"$LUOT" --db sub.db search --json site:e.vnexpress.net | jq -r .title | grep -q "cà phê" &&
	"$LUOT" --db sub.db search --json site:notvnexpress.net | jq -r .title | grep -q "hồ tiêu"
'

test_expect_success 'a crawler of its own names: nothing without --map, all with it' '
	"$LUOT" --db own.db import -q "$rec/own-names.ndjson" 2>err >out &&
	grep -q "^imported 0, duplicates 0, skipped 1" out &&
	grep -q "own-names.ndjson:1: no text" err &&
	"$LUOT" --db own.db import -q --map "title=tieu_de_bai, body=noi_dung_bai,date=thoi_gian,url=duong_dan" \
		"$rec/own-names.ndjson" >out &&
	grep -q "^imported 1," out &&
	"$LUOT" --db own.db list --json | jq -e "select(.title == \"Hải Phòng thông xe cầu Nguyễn Trãi\"
		and .published == \"2024-04-15T10:30\"
		and .url == \"https://baohaiphong.com.vn/thong-xe-cau-nguyen-trai.html\")"
'

test_expect_success 'a bad --map is a usage error' '
	{ "$LUOT" --db own.db import --map "bogus=x" "$rec" 2>err; test $? = 2; } &&
	grep -q "no field \"bogus\"" err &&
	{ "$LUOT" --db own.db import --map "body" "$rec" 2>err; test $? = 2; } &&
	grep -q "FIELD=NAME" err
'

test_expect_success 'reextract reads records again, without the map, and changes nothing' '
	"$LUOT" --db own.db reextract -q >out &&
	grep -q "^changed 0, unchanged 1, failed 0" out &&
	"$LUOT" --db "$db" reextract -q >out &&
	grep -q "^changed 0, unchanged 9, failed 0" out &&
	test "$(field "Cần Thơ mở rộng vùng trồng lúa chất lượng cao" .url)" = https://baocantho.com.vn/can-tho-mo-rong-vung-trong-lua-a170001.html
'

test_expect_success 'a record past --max-size is skipped, named' '
	{ "$LUOT" --db big.db import -q --max-size 300 "$rec/crawl.jsonl" >out 2>err; test $? = 1; } &&
	grep -q "crawl.jsonl:1: a record of more than 300 bytes" err
'

test_expect_success 'a saved feed: each entry with text an article, its fields the entry'"'"'s' '
	{ "$LUOT" --db feeds.db import -q "$TESTDATA/feeds" >out 2>err; test $? = 0; } &&
	grep -q "^imported 7, duplicates 0, skipped 6, failed 0" out &&
	"$LUOT" --db feeds.db list --json >l &&
	jq -s -e "any(.[]; .title == \"Quảng Ngãi: Ngư dân trúng đậm mùa cá cơm\"
		and .published == \"2024-03-12T07:30\" and .author == \"Thanh Nhị\"
		and .source == \"Báo Quảng Ngãi - Thời sự\"
		and .url == \"https://baoquangngai.vn/kinh-te/202403/ngu-dan-trung-dam-ca-com-1234.htm\")" l &&
	jq -s -e "any(.[]; .title == \"Sài Gòn <mưa> đầu mùa\" and .published == \"2024-05-01T17:45\"
		and .url == \"https://blog.example.vn/2024/05/sai-gon-mua-dau-mua\")" l &&
	jq -s -e "any(.[]; .title == \"Hội An đón Tết Nguyên tiêu\" and .source == \"Tạp chí Văn hóa\")" l &&
	grep -q "skipped .*atom.xml:19: no text" err &&
	grep -q "skipped .*not-a-feed.html: no article text found" err
'

test_expect_success '  its HTML content read as a page: paragraphs, no markup' '
	id=$(jq -r "select(.title == \"Quảng Ngãi: Ngư dân trúng đậm mùa cá cơm\") | .id" l) &&
	"$LUOT" --db feeds.db show --json "$id" | jq -r ".paragraphs[]" >p &&
	test "$(wc -l <p)" = 2 &&
	grep -q "^Giá cá cơm tại cảng Sa Huỳnh" p &&
	! grep -q "<p>\|<img" p
'

test_expect_success '  a hostile feed: no file read through an entity, no laughs expanded' '
	! "$LUOT" --db feeds.db show --json "$(jq -r "select(.title == \"Tin an toàn\") | .id" l)" |
		grep -q "root:" &&
	test "$("$LUOT" --db feeds.db search lol | wc -l)" = 0
'

test_done
