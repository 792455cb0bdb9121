#!/bin/sh
# ui-search.sh: search as you type (the last word a prefix until it is
# whole), the hits with their titles and snippets marked (at 40 columns
# too), did you mean (Tab, or Enter on no match), opening a hit with its
# words marked, finding inside an article (n, N, "match 3/25"), Esc, and
# the query history across runs; driven in tmux.
. "$TESTLIB"
. "$(dirname "$TESTLIB")/ui-lib.sh"

db="$T/demo.db"
"$LUOT" --db "$db" import -q "$LUOT_DATADIR/demo" >/dev/null
# Reverse video as tmux writes it (ESC [7m, ESC [0;7m), maybe followed by
# colour resets, then text.
esc=$(printf "\033")
rev="$esc\[[0-9;]*7m\($esc\[[0-9;]*m\)*"

# hits: the number of hits the status line shows ("3/12" -> 12).
hits() {
	ui_status_line | sed -n "s/.*search *[0-9]*\\/\\([0-9]*\\).*/\\1/p"
}

test_expect_success '/ opens the query line' '
	ui_start 100 30 --db "$db" &&
	ui_wait "Sôi nổi" &&
	ui_keys / &&
	ui_wait "luot: search" &&
	ui_screen | head -n 1 | grep -q "^/ *$" &&
	ui_status_raw | grep -q " F1: help$"
'

test_expect_success 'the hits narrow as the query grows' '
	ui_type "nuoc" &&
	ui_wait_status "/nuoc\*$" &&
	n1=$(hits) &&
	ui_type " sach" &&
	ui_wait_status "/nuoc sach\*$" &&
	n2=$(hits) &&
	test "$n1" -gt "$n2" &&
	test "$n2" -ge 1 &&
	ui_screen | sed -n 2p | grep -q "Thanh Hóa: Hơn 90% dân số nông thôn"
'

test_expect_success 'snippets mark the words found, with or without diacritics' '
	ui_type " " &&
	ui_wait_status "/nuoc sach *$" &&
	ui_screen_attrs | sed -n 3p >snip &&
	grep -q "${rev}[Nn]ước sạch" snip
'

test_expect_success 'titles mark the words found too; the selected one underlined' '
	ui_keys C-u &&
	ui_type "nong dan" &&
	ui_wait_status "/nong dan\*$" &&
	ui_screen | sed -n 4p | grep -q "Nông dân" &&
	ui_screen_attrs | sed -n 2p | grep -q "$esc\[[0-9;]*4m\($esc\[[0-9;]*m\)*Nông dân" &&
	ui_keys Down &&
	ui_settle &&
	ui_screen_attrs | sed -n 4p | grep -q "${rev}Nông dân"
'

test_expect_success 'Backspace removes a whole letter with its marks' '
	ui_keys C-u &&
	ui_type "nước" &&
	ui_wait "/nước" &&
	ui_keys BSpace &&
	ui_wait "/nướ" &&
	ui_screen | head -n 1 | sed "s/  *20[0-9][0-9] .* 20[0-9][0-9]$//" | grep -q "^/ nướ *$"
'

test_expect_success 'a query with diacritics matches those diacritics' '
	ui_keys C-u &&
	ui_type "hội" &&
	ui_wait_status "/hội\*$" &&
	n1=$(hits) &&
	ui_keys C-u &&
	ui_type "hoi" &&
	ui_wait_status "/hoi\*$" &&
	n2=$(hits) &&
	test "$n2" -gt "$n1"
'

test_expect_success 'a query typed in Telex: did you mean, and Tab takes it' '
	ui_keys C-u &&
	ui_type "nuowcs sachj" &&
	ui_wait "Did you mean: nước sạch (3 articles)? Tab" &&
	ui_keys Tab &&
	ui_wait_status "/nước sạch$" &&
	ui_screen | head -n 1 | sed "s/  *20[0-9][0-9] .* 20[0-9][0-9]$//" | grep -q "^/ nước sạch *$" &&
	test "$(hits)" -ge 1 &&
	! ui_screen | grep -q "Did you mean"
'

test_expect_success 'Enter on no match takes the suggestion; Enter again opens a hit' '
	ui_keys C-u &&
	ui_type "nuowcs sachj" &&
	ui_wait "Did you mean: nước sạch" &&
	ui_wait "No match." &&
	ui_keys Enter &&
	ui_wait_status "/nước sạch$" &&
	ui_wait_gone "No match." &&
	test "$(hits)" -ge 1 &&
	ui_keys Enter &&
	ui_wait "luot: article" &&
	ui_keys q &&
	ui_wait "luot: search"
'

test_expect_success 'while typing, the last word is a prefix: nguo finds người, marked' '
	ui_keys C-u &&
	ui_type "nguo" &&
	ui_wait_status "/nguo\*$" &&
	test "$(hits)" -ge 1 &&
	! ui_screen | grep -q "No match" &&
	ui_screen_attrs | sed -n 3p | grep -qi "${rev}người"
'

test_expect_success 'after a space the word is whole: nguo alone finds nothing' '
	ui_type " " &&
	ui_wait "No match." &&
	ui_wait_status "/nguo *$"
'

test_expect_success 'Enter searches the last word whole, or as a prefix when whole it finds nothing' '
	ui_keys C-u &&
	ui_type "nguoi" &&
	ui_wait_status "/nguoi\*$" &&
	ui_keys Enter &&
	ui_wait "luot: article" &&
	ui_keys q &&
	ui_wait "luot: search" &&
	ui_wait_status "/nguoi$" &&
	ui_keys C-u &&
	ui_type "nguo" &&
	ui_wait_status "/nguo\*$" &&
	ui_keys Enter &&
	ui_wait "luot: article" &&
	ui_keys q &&
	ui_wait "luot: search" &&
	ui_wait_status "/nguo\*$"
'

test_expect_success 'malformed queries show no error' '
	for q in "\"" "(((" "*" "title:" "-" "OR OR" ":^*"; do
		ui_keys C-u && ui_type "$q" && ui_settle &&
		! ui_screen | grep -qi "error\|syntax" || return 1
	done
'

test_expect_success 'Enter opens the selected hit with the words marked' '
	ui_keys C-u &&
	ui_type "dan so" &&
	ui_wait_status "/dan so\*$" &&
	ui_keys Enter &&
	ui_wait "luot: article" &&
	ui_screen_attrs | grep -q "${rev}dân" &&
	ui_screen_attrs | grep -q "${rev}số"
'

test_expect_success 'the status line counts the places of the words together: match k/2' '
	ui_keys g &&
	ui_wait_status "match 1/2 " &&
	ui_keys n &&
	ui_wait_status "match 2/2 " &&
	ui_keys N &&
	ui_wait_status "match 1/2 "
'

test_expect_success 'n and N go from match to match' '
	ui_keys g &&
	ui_settle &&
	ui_screen | head -n 1 >top0 &&
	ui_keys n &&
	ui_settle &&
	ui_screen | head -n 1 >top1 &&
	! test_cmp top0 top1 >/dev/null &&
	ui_screen_attrs | head -n 1 | grep -q "$rev" &&
	ui_keys N &&
	ui_settle &&
	ui_screen | head -n 1 >top2 &&
	! test_cmp top1 top2 >/dev/null
'

test_expect_success '/ in the article finds other words' '
	ui_keys g / &&
	ui_wait "find:" &&
	ui_type "hau loc" &&
	ui_keys Enter &&
	ui_wait_gone "find:" &&
	ui_screen_attrs | grep -q "${rev}Hậu" &&
	ui_screen_attrs | grep -q "${rev}Lộc" &&
	ui_wait_status "match [123]/3 "
'

test_expect_success 'words that never stand together: n goes to each of them' '
	ui_keys g / &&
	ui_wait "find:" &&
	ui_type "loc hau" &&
	ui_keys Enter &&
	ui_wait_gone "find:" &&
	ui_wait_status "match [1-8]/8 " &&
	ui_keys g &&
	ui_wait_status "match 0/8 " &&
	ui_keys n &&
	ui_wait_status "match 2/8 " &&
	ui_keys n &&
	ui_wait_status "match 4/8 "
'

test_expect_success 'q goes back to the hits, Esc back to the list' '
	ui_keys q &&
	ui_wait "luot: search" &&
	ui_screen | head -n 1 | grep -q "^/ dan so" &&
	ui_keys Escape &&
	ui_wait "luot: list"
'

test_expect_success 'queries are kept across runs: Up recalls them' '
	ui_keys q &&
	test "$(ui_exit_status)" = 0 &&
	ui_start 100 30 --db "$db" &&
	ui_wait "Sôi nổi" &&
	ui_keys / &&
	ui_wait "luot: search" &&
	ui_keys Up &&
	ui_wait "/ dan so" &&
	ui_keys Down &&
	ui_wait_gone "/ dan so" &&
	ui_keys Up &&
	ui_wait "/ dan so"
'

test_expect_success 'a phrase and a prefix searched are marked too' '
	ui_start 100 30 --db "$db" &&
	ui_wait "luot: list" &&
	ui_keys / &&
	ui_wait "luot: search" &&
	ui_type "\"nước sạch\" nông*" &&
	ui_wait_status "/\"nước sạch\" nông\*$" &&
	ui_keys Enter &&
	ui_wait "luot: article" &&
	ui_screen_attrs | grep -q "${rev}nước" &&
	ui_screen_attrs | grep -q "${rev}sạch" &&
	ui_screen_attrs | grep -q "${rev}nông"
'

test_expect_success 'at 40 columns each snippet shows its match, after a few words' '
	ui_start 40 24 --db "$db" &&
	ui_wait "luot: list" &&
	ui_keys / &&
	ui_wait "luot: search" &&
	ui_type "vo dich " &&
	ui_wait "Khánh Hòa" &&
	ui_settle &&
	for row in 3 5 7; do
		ui_screen_attrs | sed -n ${row}p >snip &&
		grep -q "${rev}\(vô \)*[đd]ịch" snip &&
		ui_screen | sed -n ${row}p | grep -q "^   …*[^ ]* [^ ]* .*ịch" || return 1
	done &&
	# Cut between words: no "vô địch g…", no "khi về …".
	! ui_screen | grep -q " [^ ]…$\| …$"
'

# 400 articles, each with "xuan" in its text: more than a page of hits.
many="$T/many.db"
mkdir "$T/many"
awk -v dir="$T/many" 'BEGIN {
	for (i = 1; i <= 400; i++) {
		f = sprintf("%s/%03d.txt", dir, i)
		printf "Bai so %d\n%02d/%02d/2024 10:00\n\n", i, 1 + i % 28, 1 + int(i / 28) % 12 >f
		printf "Mua xuan nam %d, doan van thu %d ve mua xuan.\n", i, i >f
		close(f)
	} }'
"$LUOT" --db "$many" import -q "$T/many" >/dev/null

test_expect_success 'the count of matches: on the status line after the ranked hits are drawn' '
	UI_ENV="LUOT_UI_TRACE=$T/count-trace" ui_start 100 30 --db "$many" &&
	ui_wait "Bai so" &&
	ui_keys / &&
	ui_wait "luot: search" &&
	ui_type "xuan" &&
	ui_wait_status " of [a-z ]*[0-9][0-9]* .*/xuan\\*$" &&
	ui_status_line >status &&
	n=$(sed -n "s/.* of [a-z ]*\([0-9][0-9]*\).*/\\1/p" status) &&
	all=$(sql "$many" "SELECT count(*) FROM article_fts WHERE article_fts MATCH '"'"'xuan*'"'"'") &&
	echo "status: $(cat status); $all articles hold xuan" &&
	test "$all" = 400 &&
	# Exact, or "at least" a part of them when the count was cut short.
	if grep -q "at least" status; then test "$n" -le "$all"; else test "$n" = "$all"; fi &&
	# The ranked hits were drawn, then the count: two idle moments
	# after the last key.
	sed -n "/^key /h; /^idle /H; \${x;p}" "$T/count-trace" >after &&
	test "$(grep -c "^idle " after)" -ge 2
'

# no_trend: the query line ends with no years.
no_trend() {
	! ui_screen | head -n 1 | grep -q "20[0-9][0-9]"
}

test_expect_success 'the header shows the hits by month as bars, from the first year to the last' '
	# The demo has "nông dân" in 2022, 2023 and 2024: the bars stand
	# for months (two a bar past 24 of them), the empty ones blank.
	ui_start 120 30 --db "$db" &&
	ui_wait "Sôi nổi" &&
	ui_keys / &&
	ui_type "nông dân" &&
	ui_wait "2022 " &&
	ui_screen | head -n 1 | grep -q "^/ nông dân  *2022 [ ▁▂▃▄▅▆▇█]*█[ ▁▂▃▄▅▆▇█]* 2024$" &&
	ui_keys C-u &&
	ui_type "đua ghe" &&
	ui_wait "đua ghe đầu xuân" &&
	ui_settle &&
	no_trend
'

test_done
