#!/bin/sh
# ui-prefix.sh: prefixes in the search pane. A prefix read as its most
# frequent words says so on the status line; a slow search (44 prefixes
# of common words, ranked, and made slow by $LUOT_TEST_SLOW_US, a pause
# for each hit ranked: ranking reads a window of hits now, and took 90 ms)
# stops at the next key, and the pane shows the new query's hits at once,
# not when the slow one would have ended. Driven in tmux.
. "$TESTLIB"
. "$(dirname "$TESTLIB")/ui-lib.sh"

demo="$T/demo.db"
"$LUOT" --db "$demo" import -q "$LUOT_DATADIR/demo" >/dev/null

# 3,000 articles of 2,000 words each out of 44 syllables: every prefix
# below covers words in every article, and ranking all of them reads
# long position lists.
slow="$T/slow.db"
mkdir "$T/slow"
awk -v dir="$T/slow" 'BEGIN {
	srand(7)
	nw = split("an anh ba bao binh cao chi cong da dan dang dong duc gia ha hai " \
	    "hoa hong hung khanh lan linh long mai minh nam ngoc nhung phong phuc " \
	    "quang son tam thanh thao thu tien trang trung tuan van viet xuan yen", w, " ")
	for (i = 1; i <= 3000; i++) {
		f = sprintf("%s/%04d.txt", dir, i)
		printf "Bai so %d %s %s\n%02d/%02d/2024 10:00\n\n", i, w[1 + int(rand() * nw)],
		    w[1 + int(rand() * nw)], 1 + i % 28, 1 + int(i / 28) % 12 >f
		for (p = 0; p < 20; p++) {
			s = ""
			for (k = 0; k < 100; k++)
				s = s " " w[1 + int(rand() * nw)]
			print "Doan" s "." >f
		}
		close(f)
	} }'
"$LUOT" --db "$slow" import -q "$T/slow" >/dev/null
query=$(printf "%s* " an anh ba bao binh cao chi cong da dan dang dong duc gia ha hai hoa \
    hong hung khanh lan linh long mai minh nam ngoc nhung phong phuc quang son tam thanh \
    thao thu tien trang trung tuan van viet xuan yen)

ms() {
	echo $(($(date +%s%N) / 1000000))
}

status_ranked() {
	status_matches "/xuan\\*\\{0,1\\}$" && ! status_matches "newest first"
}

test_expect_success 'a prefix of many words: the status line says which were searched' '
	ui_start 100 30 --db "$demo" &&
	ui_wait "Sôi nổi" &&
	ui_keys / &&
	ui_wait "luot: search" &&
	ui_type "t*" &&
	ui_wait_status "most frequent words only: t\\* 16/[0-9]*" &&
	ui_keys C-u &&
	ui_type "tha*" &&
	ui_wait_status "/tha\\*$" &&
	! status_matches "most frequent"
'

test_expect_success 'a slow search stops at the next key; the new query shows at once' '
	t0=$(ms) &&
	LUOT_TEST_SLOW_US=20000 "$LUOT" --db "$slow" search --limit 20 -- "$query" >/dev/null 2>&1 &&
	slow_ms=$(($(ms) - t0)) &&
	echo "the slow query alone: $slow_ms ms" &&
	test "$slow_ms" -ge 600 &&
	UI_ENV="LUOT_TEST_SLOW_US=20000" ui_start 100 30 --db "$slow" &&
	ui_wait "Bai so" &&
	ui_keys / &&
	ui_wait "luot: search" &&
	ui_type "$query" &&
	# The newest hits at once; the ranking starts as typing pauses.
	ui_wait "yen*" 10 &&
	ui_wait_status "newest first" 30 &&
	t0=$(ms) &&
	ui_keys C-u &&
	ui_type "xuan" &&
	# While typing, the last word is a prefix: /xuan*.
	ui_wait_status "/xuan\\*\\{0,1\\}$" 10 &&
	took=$(($(ms) - t0)) &&
	echo "the next query shown after $took ms" &&
	test $((took * 2)) -lt "$slow_ms" &&
	# ...and it is ranked in turn.
	ui_until 30 "ranked hits for xuan" status_ranked
'

test_done
