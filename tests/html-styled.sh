#!/bin/sh
# html-styled.sh: the HTML extractor on 40 pages in the markup of real
# Vietnamese news sites (tests/data/html-styled): headline, date and
# author right on 95% of them at least, the text's first and last words
# there and none of the page's junk on 90% at least. Each miss is named.
. "$TESTLIB"

dir="$TESTDATA/html-styled"
db="$T/s.db"
"$LUOT" --db "$db" import -q "$dir/pages" >/dev/null 2>"$T/err" || true
"$LUOT" --db "$db" list --json --limit 1000 >"$T/list"

# The names of a byline, however joined, sorted: "A - B" is "A, B"; two
# bylines the same names whatever their case ("THANH TÂM", "Thanh Tâm").
names='def names: if . == null then "" else
	([splits(" *(,|;|&| - | – | và ) *")] | map(select(. != "")) | sort | join(",")) end;
	def esc: gsub("(?<c>[.*+?()\\[\\]{}|^$\\\\])"; "\\\(.c)");
	def same_names($x; $y): $x == $y or (($x | length) == ($y | length) and ($x | test("^" + ($y | esc) + "$"; "i")));'

# One line a page: file, then 1 or 0 for title, date, author, text, junk.
while read -r line; do
	file=$(printf "%s" "$line" | jq -r .file)
	# By the end of its path: luot keeps the file's real path, and the
	# test's may go through ".." (make distcheck).
	item=$(jq -c --arg f "/$file" "select(.path | endswith(\$f))" "$T/list")
	if [ -z "$item" ]; then
		echo "$file 0 0 0 0 0 no article"
		continue
	fi
	id=$(printf "%s" "$item" | jq -r .id)
	"$LUOT" --db "$db" show --json "$id" >"$T/a"
	jq -r -n --argjson t "$line" --slurpfile a "$T/a" --arg file "$file" "$names"'
		$a[0] as $a | ($a.paragraphs | join("\n")) as $text |
		[ ($a.title == $t.title),
		  (($a.published // "") | startswith($t.date) and
		    ($t.time == null or .[11:16] == $t.time)),
		  same_names($a.author | names; $t.author | names),
		  (($text | contains($t.first_words)) and ($text | contains($t.last_words))),
		  (all($t.junk[]; . as $j | $text | contains($j) | not)) ] |
		"\($file) " + (map(if . then "1" else "0" end) | join(" "))' "$T/a"
done <"$dir/truth.jsonl" >"$T/score"

# share N: the pages right in column N, in percent.
share() {
	awk -v c="$1" '{ s += $c } END { printf "%d", 100 * s / NR }' "$T/score"
}

test_expect_success 'every page gives an article' '
	test "$(wc -l <"$dir/truth.jsonl")" = 40 &&
	! grep -q "no article" "$T/score"
'

test_expect_success 'headline, date and author right on 95% of the pages at least' '
	awk "\$2 == 0 || \$3 == 0 || \$4 == 0" "$T/score" &&
	test "$(share 2)" -ge 95 && test "$(share 3)" -ge 95 && test "$(share 4)" -ge 95
'

test_expect_success 'the text whole and free of the page'"'"'s junk on 90% at least' '
	awk "\$5 == 0 || \$6 == 0" "$T/score" &&
	test "$(share 5)" -ge 90 && test "$(share 6)" -ge 90
'

test_done
