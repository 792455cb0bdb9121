#!/bin/sh
# cli-fetch.sh: luot fetch against a web server of the test suite's own
# (tests/httpd.c) on a free port: new entries stored once, a 304 for a
# feed that has not changed, redirects and a loop, gzip and a gzip bomb,
# a response too large, a slow one, a 429, hostile feeds; a failure kept
# with its feed while the others go on.
. "$TESTLIB"

feeds="$TESTDATA/feeds"
trap 'httpd_stop; rm -rf "$T"' EXIT
httpd_start "$feeds" www
db="$T/w.db"

test_expect_success 'the test server answers' '
	test -s "$T/www.port"
'

test_expect_success 'fetch: three feeds at once, their entries stored, each feed named in feeds' '
	"$LUOT" --db "$db" feed add --no-full-text "$www/rss2.xml" "$www/rss1.rdf" "$www/gzip.xml" >/dev/null &&
	"$LUOT" --db "$db" fetch -q --jobs 3 >out &&
	grep -q "^feeds 3: new articles 6, seen before 0, unchanged 0, failed 0, waiting 0" out &&
	"$LUOT" --db "$db" feeds --json >j &&
	jq -s -e "all(.[]; .status == \"200\" and .error == null and .fetched != null)" j &&
	jq -s -e "any(.[]; .title == \"Tạp chí Văn hóa\" and .articles == 2)" j &&
	jq -s -e "any(.[]; .title == \"Blog Đọc báo\" and .articles == 1)" j
'

test_expect_success '  a gzipped feed read; relative links read against the feed'"'"'s address' '
	"$LUOT" --db "$db" search "site:127.0.0.1" >out &&
	grep -q "Sài Gòn <mưa> đầu mùa" out &&
	"$LUOT" --db "$db" list --json | jq -s -e "any(.[]; .url == \"$www/2024/05/sai-gon-mua-dau-mua\")" &&
	"$LUOT" --db "$db" list --json | jq -s -e "any(.[]; .url == \"https://tapchi.example.vn/bai/101\")"
'

test_expect_success 'fetching again stores nothing twice' '
	"$LUOT" --db "$db" fetch -q >out &&
	grep -q "^feeds 3: new articles 0, seen before 6," out &&
	test "$("$LUOT" --db "$db" list | wc -l)" = 6
'

test_expect_success 'ETag: the second fetch asks If-None-Match and gets a 304' '
	"$LUOT" --db e.db feed add --no-full-text "$www/etag.xml" >/dev/null &&
	"$LUOT" --db e.db fetch -q >out &&
	grep -q "new articles 3," out &&
	"$LUOT" --db e.db fetch -q >out &&
	grep -q "unchanged 1, failed 0" out &&
	grep -qx "/etag.xml \"v1\"" "$T/www.log" &&
	"$LUOT" --db e.db feeds --json | jq -e ".status == \"304\" and .articles == 3"
'

test_expect_success 'a redirect is followed; a loop, a 404, a 429 and a non-feed fail, named, the rest fetched' '
	"$LUOT" --db r.db feed add --no-full-text "$www/moved" "$www/loop" "$www/nothing.xml" "$www/busy" \
		"$www/not-a-feed.html" "$www/atom.xml" >/dev/null &&
	{ "$LUOT" --db r.db fetch -q >out 2>err; test $? = 1; } &&
	grep -q "^feeds 6: new articles 4, seen before 0, unchanged 0, failed 4, waiting 0" out &&
	grep -q "failed $www/loop: .*[Rr]edirect" err &&
	grep -q "failed $www/nothing.xml: HTTP 404" err &&
	grep -q "failed $www/busy: HTTP 429: asked again after 20" err &&
	grep -q "failed $www/not-a-feed.html: not a feed" err &&
	"$LUOT" --db r.db feeds >t &&
	test "$(grep -c "  !$" t)" = 4
'

test_expect_success '  the 429 is not asked again before its Retry-After' '
	: >"$T/www.log" &&
	{ "$LUOT" --db r.db fetch -q >out 2>err; test $? = 1; } &&
	grep -q "waiting 1 " out &&
	! grep -q "^/busy" "$T/www.log"
'

test_expect_success 'too large, a gzip bomb, too slow: each stopped, said, in bounded memory' '
	"$LUOT" --db b.db feed add --no-full-text "$www/big.xml" "$www/bomb.xml" "$www/slow.xml" >/dev/null &&
	{ /usr/bin/time -f "%M" -o rss "$LUOT" --db b.db fetch -q --timeout 2 >out 2>err; test $? = 1; } &&
	grep -q "failed 3," out &&
	grep -q "failed $www/big.xml: larger than 16777216 bytes" err &&
	grep -q "failed $www/bomb.xml: larger than 16777216 bytes" err &&
	grep -q "failed $www/slow.xml: .*timed out" err &&
	"$LUOT" --db b.db feeds --json | jq -s -e "map(.status) | sort == [\"timeout\", \"too large\", \"too large\"]" &&
	if [ "${LUOT_SANITIZED:-no}" != yes ]; then test "$(tail -n 1 rss)" -lt 120000; fi
'

test_expect_success 'hostile feeds over HTTP: no file read through an entity, no laughs' '
	"$LUOT" --db x.db feed add --no-full-text "$www/xxe.xml" "$www/laughs.xml" >/dev/null &&
	"$LUOT" --db x.db fetch -q >out &&
	! "$LUOT" --db x.db show --json 1 | grep -q "root:" &&
	test "$("$LUOT" --db x.db search lol | wc -l)" = 0
'

test_expect_success 'a redirect from the web to a local file is refused' '
	"$LUOT" --db l.db feed add --no-full-text "$www/tofile" >/dev/null &&
	{ "$LUOT" --db l.db fetch -q >out 2>err; test $? = 1; } &&
	grep -q "failed $www/tofile: " err &&
	! "$LUOT" --db l.db list | grep -q . &&
	"$LUOT" --db l.db feeds --json | jq -e ".status == \"error\""
'

# The full text of entries that give a summary: a second server, its pages
# naming its own address (@SITE@) in their canonical links.
cp -R "$TESTDATA/web" "$T/www"
httpd_start "$T/www" site
sed -i "s|@SITE@|$site|g" "$T/www/pages/"*.html

test_expect_success 'full text: the pages of summary entries fetched, read as saved pages are' '
	"$LUOT" --db f.db feed add "$site/summary.xml" >/dev/null &&
	"$LUOT" --db f.db fetch -q >out 2>err &&
	grep -q "^feeds 1: new articles 6, seen before 0, unchanged 0, failed 0" out &&
	grep -q "^pages of entries with a summary only 5: full text 3, failed 2" out &&
	"$LUOT" --db f.db list --json >l &&
	jq -s -e "length == 6" l
'

test_expect_success '  the entry'"'"'s title and date stay; the page gives the text, author, canonical URL' '
	jq -s -e "any(.[]; .title == \"Đà Nẵng mở tuyến xe buýt ven biển nối ba bãi tắm\" and
		.url == \"$site/bai/xe-buyt-ven-bien\" and .author == \"Hoàng Sơn\" and
		(.published | startswith(\"2024-04-06\")))" l &&
	id=$(jq -s -r ".[] | select(.url == \"$site/bai/xe-buyt-ven-bien\") | .id" l) &&
	"$LUOT" --db f.db show "$id" >a &&
	grep -q "mười chín cây số" a &&
	grep -q "trẻ em dưới một mét" a &&
	grep -qx "\[1\] của sở giao thông <$site/thong-bao/xe-buyt>" a &&
	! grep -q "Tin liên quan" a &&
	! grep -q "Gửi cho bạn bè" a &&
	! grep -q "Trang chủ" a
'

test_expect_success '  a canonical URL of another site is not taken: the address the page came from is' '
	jq -s -e "any(.[]; .title == \"Chợ cá Thọ Quang lên khu mới\" and .url == \"$site/pages/ngoai-site.html\")" l &&
	! grep -q baokhac l &&
	"$LUOT" --db f.db search "kho lạnh dùng chung" | grep -q "Chợ cá" &&
	! "$LUOT" --db f.db search "giữ được vệ sinh" | grep -q .
'

test_expect_success '  the charset of the Content-Type over a wrong <meta>; a title-only entry gets its page' '
	"$LUOT" --db f.db search "hoa đăng thả trôi" >s &&
	grep -q "Hội An thắp đèn lồng đêm rằm" s &&
	"$LUOT" --db f.db search "sông Thu Bồn" | grep -q "Hội An"
'

test_expect_success '  a page that fails (404, a PDF) leaves the summary, named, and the fetch succeeds' '
	grep -q "no full text for $site/pages/mat-tich.html: HTTP 404" err &&
	grep -q "no full text for $site/pages/bang-gia.pdf: not a web page (application/pdf)" err &&
	"$LUOT" --db f.db search "bảo dưỡng" | grep -q "Cầu Rồng" &&
	"$LUOT" --db f.db search "quý hai" | grep -q "Bảng giá đất"
'

test_expect_success '  an entry with its content is not fetched again as a page' '
	! grep -q "^/pages/khong-hoi.html" "$T/site.log" &&
	"$LUOT" --db f.db search "gió mùa tây nam" | grep -q "Mùa sứa"
'

test_expect_success 'fetching again asks for no page: not even one stored under its canonical URL' '
	: >"$T/site.log" &&
	"$LUOT" --db f.db fetch -q >out 2>err &&
	grep -q "^feeds 1: new articles 0, seen before 6," out &&
	! grep -q "^pages" out &&
	test "$(grep -c . "$T/site.log")" = 1
'

test_expect_success 'a feed added with --no-full-text keeps its entries as they come' '
	: >"$T/site.log" &&
	"$LUOT" --db n.db feed add --no-full-text "$site/summary.xml" >/dev/null &&
	"$LUOT" --db n.db fetch -q >out &&
	grep -q "^feeds 1: new articles 5," out &&
	test "$(grep -c . "$T/site.log")" = 1 &&
	! "$LUOT" --db n.db search "mười chín cây số" | grep -q .
'

test_done
