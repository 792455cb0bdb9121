#!/bin/sh
# cli-trend.sh: what a search finds, by month (every month from the
# first to the last, a gap as 0, the undated apart) or by source; JSON
# Lines; a sparkline on a terminal only.
. "$TESTLIB"

db="$T/t.db"
mkdir "$T/pages"
# page FILE DATE SOURCE WORD: an article of that date and source about WORD.
page() {
	printf "Tin %s số %s\n%s\n\nBài số %s về %s ở vùng ven biển, viết đủ dài để là một bài báo thật sự có nội dung.\n\nNguồn: %s\n" \
		"$4" "$1" "$2" "$1" "$4" "$3" >"$T/pages/$1.txt"
}
page 1 "05/01/2024 08:00" "Báo Biển" "cá cơm"
page 2 "17/01/2024 09:00" "Báo Biển" "cá cơm"
page 3 "30/01/2024 10:00" "Báo Núi" "cá cơm"
page 4 "02/03/2024 11:00" "Báo Biển" "cá cơm"
page 5 "20/03/2024 12:00" "Báo Núi" "mưa lũ"
printf "Tin cá cơm không ngày\n\nBài về cá cơm không ghi ngày, viết đủ dài để là một bài báo thật sự có nội dung.\n" >"$T/pages/6.txt"
"$LUOT" --db "$db" import -q "$T/pages" >/dev/null

test_expect_success 'by month: every month from the first to the last, a gap as 0, the undated after' '
	"$LUOT" --db "$db" trend cá cơm >out &&
	printf "2024-01         3\n2024-02         0\n2024-03         1\nundated         1\n" >want &&
	test_cmp want out
'

test_expect_success 'no query: every article; JSON Lines with null for the undated' '
	"$LUOT" --db "$db" trend --json >j &&
	jq -s -e "map(.articles) == [3, 0, 2, 1] and .[1].month == \"2024-02\" and .[3].month == null" j
'

test_expect_success 'by source: the most first, an article with none as -' '
	"$LUOT" --db "$db" trend --by source cá cơm >out &&
	printf "       3  Báo Biển\n       1  Báo Núi\n       1  -\n" >want &&
	test_cmp want out &&
	"$LUOT" --db "$db" trend --by source --json | jq -s -e ".[0] == {\"source\": \"Báo Biển\", \"articles\": 3}"
'

test_expect_success 'filters narrow it as in search; a query that finds nothing prints nothing' '
	"$LUOT" --db "$db" trend cá cơm after:2024-02 >out &&
	printf "2024-03         1\n" >want &&
	test_cmp want out &&
	"$LUOT" --db "$db" trend zzqxw >out &&
	test ! -s out
'

test_expect_success 'a sparkline on a terminal only; --by is month or source' '
	if command -v script >/dev/null 2>&1; then
		script -qec "\"$LUOT\" --db \"$db\" trend cá cơm" /dev/null >tty &&
		grep -q "2024-01 █ ▃" tty
	fi &&
	! grep -q "█" out &&
	{ "$LUOT" --db "$db" trend --by week x 2>err; test $? = 2; } &&
	grep -q "by is month or source" err
'

test_done
