#!/bin/sh
# ui-busy.sh: writes that wait their turn. While an import of 20,000
# articles holds the write lock batch after batch, 300 edits from the
# command line and 200 from the interface all land, the command line's
# p99 wait is within 1 s, no key waits 100 ms on the database, two
# imports of overlapping folders both finish without duplicates, and
# edits get in during an import of nothing but duplicates. tests/bench/busy.sh runs it at 100k, with 1,000 edits from
# the command line: BUSY_PAGES names a folder to import instead of the
# 20,000 pages made here, BUSY_CLI_EDITS the count, and BUSY_FIGURES a
# file for the figures.
. "$TESTLIB"
. "$(dirname "$TESTLIB")/ui-lib.sh"
cli_n=${BUSY_CLI_EDITS:-300}
figures=${BUSY_FIGURES:-/dev/null}

db="$T/busy.db"
# 400 dated articles (the newest: the list's first rows), then 20,000
# undated ones for the import that runs during the edits.
mkdir "$T/dated" "$T/big"
awk -v dir="$T/dated" 'BEGIN {
	for (i = 1; i <= 400; i++) {
		f = sprintf("%s/%03d.txt", dir, i)
		printf "Bài có ngày số %d\n%02d/%02d/2024 10:00\n\nĐoạn văn của bài số %d, đủ dài để được coi là nội dung thật sự của bài.\n", i, 1 + i % 28, 1 + int(i / 28) % 12, i > f
		close(f)
	} }'
[ -n "${BUSY_PAGES:-}" ] || awk -v dir="$T/big" 'BEGIN {
	for (i = 1; i <= 20000; i++) {
		d = int((i - 1) / 1000)
		if ((i - 1) % 1000 == 0)
			system("mkdir -p " dir "/" d)
		f = sprintf("%s/%d/%05d.txt", dir, d, i)
		printf "Tin không ngày số %d\n\nNội dung của tin số %d về dân vận khéo, nước sạch nông thôn và mùa màng ở đồng bằng sông Hồng, đủ dài để là một bài.\n", i, i > f
		close(f)
	} }'
"$LUOT" --db "$db" import -q "$T/dated" >/dev/null
# The list's first 200 rows are the interface's; the other 200 the
# command line's.
"$LUOT" --db "$db" list --limit 400 | awk '{ print $1 }' >"$T/ids"
sed -n '201,400p' "$T/ids" >"$T/cli-ids"

# cli_edits N: N edits of the command line's articles, in a loop: a
# bookmark with a note and a tag, a read mark, a tag. Each one's seconds
# go to cli-times, failures to cli-errors.
cli_edits() {
	i=0
	: >cli-times
	: >cli-errors
	: >cli-bookmarked
	: >cli-noted
	while [ "$i" -lt "$1" ]; do
		id=$(sed -n "$((i % 200 + 1))p" cli-ids)
		t0=$(date +%s%N)
		case $((i % 3)) in
		0) "$LUOT" --db "$db" bookmark add "$id" --note "ghi chú $i" --tag "thẻ" ;;
		1) "$LUOT" --db "$db" read "$id" ;;
		2) "$LUOT" --db "$db" bookmark add "$id" --tag "khác" ;;
		esac 2>>cli-errors || echo "edit $i failed" >>cli-errors
		[ $((i % 3)) = 1 ] || echo "$id" >>cli-bookmarked
		[ $((i % 3)) != 0 ] || echo "$id" >>cli-noted
		echo "$(( ($(date +%s%N) - t0) / 1000000 ))" >>cli-times
		i=$((i + 1))
	done
}

test_expect_success 'during an import: 300 command-line and 200 interface edits all land, p99 within 1 s, no key waits' '
	UI_ENV="LUOT_UI_TRACE=$T/trace" ui_start 100 30 --db "$db" &&
	ui_wait "luot: list" &&
	pages=${BUSY_PAGES:-big} &&
	t0=$(date +%s%N) &&
	{ "$LUOT" --db "$db" import -q "$pages" >import.out 2>import.err & } &&
	sleep 0.5 &&
	{ cli_edits $cli_n & } &&
	# 100 bookmarks (m), then 100 read marks (N), each on the next row;
	# one key at a time, as typed.
	k=0 &&
	while [ "$k" -lt 200 ]; do
		if [ "$k" -lt 100 ]; then ui_keys m; else ui_keys N; fi
		ui_keys j
		k=$((k + 1))
		# Spread over the import when it is long.
		[ -z "${BUSY_PAGES:-}" ] || sleep 0.1
	done &&
	wait &&
	echo "edits and import: $(( ($(date +%s%N) - t0) / 1000000 )) ms" >>"$figures" &&
	cat import.out | tee -a "$figures" &&
	grep -q "duplicates 0, skipped 0, failed 0" import.out &&
	test ! -s cli-errors &&
	test "$(count_lines cli-times)" = "$cli_n" &&
	sort -n cli-times | awk "{ v[NR] = \$1 } END { printf \"%d command-line edits: median %d ms, p99 %d ms, max %d ms\\n\", NR, v[int(NR / 2)], v[int(NR * 0.99)], v[NR] }" | tee -a "$figures" &&
	# Issue 20: p99 of a command-line edit within 1 s (sanitizers make
	# each process several times slower to start).
	p99=$(sort -n cli-times | awk "{ v[NR] = \$1 } END { print v[int(NR * 0.99)] }") &&
	limit=1000 && if [ "${LUOT_SANITIZED:-no}" = yes ]; then limit=4000; fi &&
	test "$p99" -le "$limit" &&
	ui_keys q &&
	ui_until 30 "luot to quit" test -f ui-status &&
	test "$(cat ui-status)" = 0 &&
	grep "^key " trace | sort -k3 -n | tail -n 1 >slowest &&
	echo "$(grep -c "^key " trace) interface keys, slowest: $(cat slowest | cut -d" " -f2-) ms" | tee -a "$figures" &&
	limit=100 && if [ "${LUOT_SANITIZED:-no}" = yes ]; then limit=400; fi &&
	awk -v limit=$limit "{ exit !(\$3 <= limit) }" slowest &&
	# What the interface did: the first 100 rows bookmarked, the next 100
	# read (they were unread); the command line: its 200 bookmarked, the
	# third of its edits read marks.
	head -n 100 ids >ui-marked &&
	sqlite3 "$db" "SELECT a.id FROM article a JOIN state s ON s.hash = a.hash
		WHERE s.bookmarked IS NOT NULL" | sort >bookmarked &&
	sort -u ui-marked cli-bookmarked >want &&
	test_cmp want bookmarked &&
	sqlite3 "$db" "SELECT a.id FROM article a JOIN state s ON s.hash = a.hash
		WHERE s.read_at IS NOT NULL" | sort >read &&
	sed -n "101,200p" ids | sort | comm -23 - read >missing &&
	test ! -s missing &&
	test "$(sqlite3 "$db" "SELECT count(*) FROM state WHERE note LIKE '"'"'ghi chú %'"'"'")" = \
		"$(sort -u cli-noted | grep -c .)"
'

if [ -z "${BUSY_PAGES:-}" ]; then
test_expect_success 'two imports of overlapping folders both finish, with no duplicates' '
	mkdir -p part1 part2 &&
	cp -r big/1 big/2 big/3 part1/ && cp -r big/3 big/4 big/5 part2/ &&
	rm -f two.db two.db-wal two.db-shm &&
	{ "$LUOT" --db two.db import -q part1 >one.out 2>&1 & } &&
	{ "$LUOT" --db two.db import -q part2 >two.out 2>&1 & } &&
	wait &&
	cat one.out two.out &&
	grep -q "failed 0" one.out && grep -q "failed 0" two.out &&
	test "$(sqlite3 two.db "SELECT count(*) FROM article")" = 5000 &&
	test "$(sqlite3 two.db "SELECT count(DISTINCT path) FROM article")" = 5000 &&
	"$LUOT" --db two.db check >out && grep -qx ok out
'

# A run of duplicates added nothing, so its transaction never ended by
# time: the write lock was held from the first duplicate to the last.
test_expect_success 'the same 20,000 pages again (all duplicates): edits still get in at once' '
	{ "$LUOT" --db "$db" import -q big >again.out 2>&1; echo $? >again.st; } &
	: >dup-times &&
	# One edit at least: the import may end first (files seen before
	# are known by their size and time, in a fifth of a second here).
	first=yes &&
	while [ -n "$first" ] || [ ! -f again.st ]; do
		first= &&
		t0=$(date +%s%N) &&
		"$LUOT" --db "$db" bookmark add "$(sed -n 1p cli-ids)" --tag "lại" &&
		echo "$(( ($(date +%s%N) - t0) / 1000000 ))" >>dup-times
	done &&
	wait &&
	grep -q "^imported 0, duplicates 20000," again.out &&
	sort -n dup-times | awk "{ v[NR] = \$1 } END { printf \"%d edits, the slowest %d ms\\n\", NR, v[NR] }" &&
	test "$(count_lines dup-times)" -ge 1 &&
	limit=1000 && if [ "${LUOT_SANITIZED:-no}" = yes ]; then limit=4000; fi &&
	test "$(sort -n dup-times | tail -n 1)" -le "$limit"
'
else
	test_skip "two overlapping imports" "the benchmark imports its own pages"
	test_skip "duplicates again" "the benchmark imports its own pages"
fi

test_done
