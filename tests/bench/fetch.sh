#!/bin/sh
# fetch.sh SRC [FEEDS [ENTRIES]]: luot fetch on FEEDS local feeds (default
# 200) of ENTRIES entries each (default 20), made of the text pages of SRC
# (the baomoi crawl's vn_news/data, or any folder of text pages), served
# by the test suite's web server (tests/httpd) on 127.0.0.1: the first
# fetch with --jobs 1 and --jobs 8 on fresh databases, then a second
# fetch, which the server answers from the same files (no 304: it sends
# no ETag for them) and luot finds all seen before. Then the same entries
# as feeds of summaries (a first sentence), each linking to its article
# as a web page of its own, which fetch gets for the full text. Prints
# the totals lines and the wall time of each. Build first (make; make
# tests/httpd).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
luot=${LUOT:-$top/src/luot}
httpd=${HTTPD:-$top/tests/httpd}
[ $# -ge 1 ] || { echo "usage: $0 SRC [FEEDS [ENTRIES]]" >&2; exit 2; }
src=$1 nfeeds=${2:-200} nentries=${3:-20}
work=$(mktemp -d)
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
mkdir "$work/www"
find "$src" -type f -name '*.txt' | sort | head -n $((nfeeds * nentries)) |
awk -v n="$nentries" -v out="$work/www" '
function esc(s) { gsub(/&/, "\\&amp;", s); gsub(/</, "\\&lt;", s); gsub(/>/, "\\&gt;", s); return s }
{
	k = int((NR - 1) / n)
	f = out "/feed-" k ".xml"
	if ((NR - 1) % n == 0) {
		if (prev != "") { print "</channel></rss>" > prev; close(prev) }
		printf "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>Feed %d</title><link>https://bao.example.vn/</link>\n", k > f
		prev = f
	}
	sf = out "/summary-" k ".xml"
	if ((NR - 1) % n == 0) {
		if (sprev != "") { print "</channel></rss>" > sprev; close(sprev) }
		printf "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Summaries %d</title><link>https://bao.example.vn/</link>\n", k > sf
		sprev = sf
	}
	title = ""; body = ""; first = ""
	while ((getline line < $0) > 0) {
		if (line ~ /^[ \t\r]*$/) continue
		if (title == "") title = esc(line)
		else {
			body = body "<p>" esc(line) "</p>"
			if (first == "") { first = esc(line); sub(/\. .*/, ".", first) }
		}
	}
	close($0)
	# Links relative to the feed: its page on the same server.
	printf "<item><title>%s</title><link>page-%d.html</link><pubDate>Mon, 06 Feb 2017 10:20:00 +0700</pubDate><content:encoded><![CDATA[%s]]></content:encoded></item>\n", title, NR, body > f
	printf "<item><title>%s</title><link>page-%d.html</link><pubDate>Mon, 06 Feb 2017 10:20:00 +0700</pubDate><description>%s</description></item>\n", title, NR, first > sf
	page = out "/page-" NR ".html"
	printf "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>%s - Báo</title></head><body><div class=\"menu\"><a href=\"/\">Trang chủ</a> <a href=\"/tin\">Tin tức</a></div><h1>%s</h1><div class=\"content\">%s</div><div class=\"related\"><a href=\"/a\">Tin khác</a></div></body></html>\n", title, title, body > page
	close(page)
}
END {
	if (prev != "") print "</channel></rss>" > prev
	if (sprev != "") print "</channel></rss>" > sprev
}'
"$httpd" "$work/port" "$work/www" "$work/requests" &
server=$!
i=0
while [ ! -s "$work/port" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
www="http://127.0.0.1:$(cat "$work/port")"
urls=$(ls "$work/www" | grep "^feed-" | sed "s|^|$www/|")
sums=$(ls "$work/www" | grep "^summary-" | sed "s|^|$www/|")
echo "$(echo "$urls" | wc -l) feeds, $(du -sh "$work/www" | cut -f1) with the pages"
for jobs in 1 8; do
	db="$work/j$jobs.db"
	# shellcheck disable=SC2086
	"$luot" --db "$db" feed add $urls >/dev/null
	start=$(date +%s.%N)
	"$luot" --db "$db" fetch -q --jobs "$jobs"
	end=$(date +%s.%N)
	echo "  --jobs $jobs: $(awk -v a="$start" -v b="$end" "BEGIN { printf \"%.2f\", b - a }") s wall"
done
start=$(date +%s.%N)
"$luot" --db "$work/j8.db" fetch -q --jobs 8
end=$(date +%s.%N)
echo "  again, --jobs 8: $(awk -v a="$start" -v b="$end" "BEGIN { printf \"%.2f\", b - a }") s wall"
db="$work/full.db"
# shellcheck disable=SC2086
"$luot" --db "$db" feed add $sums >/dev/null
start=$(date +%s.%N)
"$luot" --db "$db" fetch -q --jobs 8
end=$(date +%s.%N)
echo "  summaries, full text from the pages, --jobs 8: $(awk -v a="$start" -v b="$end" "BEGIN { printf \"%.2f\", b - a }") s wall"
