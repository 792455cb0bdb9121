#!/bin/sh
# fetch.sh SRC [FEEDS [ENTRIES]]: luot fetch on FEEDS local feeds (default
# 200) of ENTRIES entries each (default 20), made of the text pages of SRC
# (the baomoi crawl's vn_news/data, or any folder of text pages), served
# by the test suite's web server (tests/httpd) on 127.0.0.1: the first
# fetch with --jobs 1 and --jobs 8 on fresh databases, then a second
# fetch, which the server answers from the same files (no 304: it sends
# no ETag for them) and luot finds all seen before. Prints the totals
# line and the wall time of each. Build first (make; make tests/httpd).
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
	title = ""; body = ""
	while ((getline line < $0) > 0) {
		if (line ~ /^[ \t\r]*$/) continue
		if (title == "") title = esc(line); else body = body "<p>" esc(line) "</p>"
	}
	close($0)
	printf "<item><title>%s</title><link>https://bao.example.vn/%d.html</link><pubDate>Mon, 06 Feb 2017 10:20:00 +0700</pubDate><content:encoded><![CDATA[%s]]></content:encoded></item>\n", title, NR, body > f
}
END { if (prev != "") print "</channel></rss>" > prev }'
"$httpd" "$work/port" "$work/www" "$work/requests" &
server=$!
i=0
while [ ! -s "$work/port" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
www="http://127.0.0.1:$(cat "$work/port")"
urls=$(ls "$work/www" | sed "s|^|$www/|")
echo "$(ls "$work/www" | wc -l) feeds, $(du -sh "$work/www" | cut -f1)"
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
