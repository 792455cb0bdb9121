#!/bin/sh
# cli-search.sh: luot search on the demo corpus, as people and scripts use it.
. "$TESTLIB"

db="$T/s.db"
"$LUOT" --db "$db" import "$LUOT_DATADIR/demo" >/dev/null

test_expect_success 'a diacritic-free query finds the accented words' '
	"$LUOT" --db "$db" search nuoc sach >out &&
	grep -q "Hơn 90% dân số nông thôn được dùng nước sạch" out
'

test_expect_success 'hits print id, date, source, title and a snippet line' '
	"$LUOT" --db "$db" search --limit 1 "nước sạch" >out &&
	test "$(count_lines out)" = 2 &&
	head -n 1 out | grep -q "^ *[0-9]*  20[0-9-]*  " &&
	sed -n 2p out | grep -qi "^        .*nước sạch"
'

test_expect_success 'in a pipe: no escape sequences' '
	"$LUOT" --db "$db" search dan >out &&
	! grep -q "$(printf "\033")" out
'

test_expect_success 'on a terminal: matches in reverse video' '
	command -v script >/dev/null || exit 0
	script -qec "\"$LUOT\" --db \"$db\" search --limit 1 nuoc sach" /dev/null >tty &&
	grep -qi "$(printf "\033\\[7m")nước sạch$(printf "\033\\[27m")" tty
'

test_expect_success 'on a 60-column terminal: hits fit, snippets wrap under their hit' '
	command -v tmux >/dev/null || exit 0
	sock="t$$"
	tmux -L "$sock" -f /dev/null new-session -d -x 60 -y 30 \
		"env LC_ALL=C.UTF-8 \"$LUOT\" --db \"$db\" search --limit 4 dan van; sleep 30"
	i=0
	while [ $i -lt 50 ] && ! tmux -L "$sock" capture-pane -p | grep -q "^ *[0-9]"; do
		sleep 0.1; i=$((i + 1))
	done
	sleep 0.3
	tmux -L "$sock" capture-pane -p >screen
	tmux -L "$sock" kill-server
	grep . screen >lines &&
	test "$(count_lines lines)" -ge 8 &&
	while IFS= read -r line; do
		test "$(printf "%s" "$line" | wc -m)" -lt 60 || fail "too wide: $line"
	done <lines &&
	awk "!/^ +[0-9]+  / && !/^        [^ ]/ { bad = 1 } END { exit bad }" lines
'

test_expect_success '--json: snippet and match offsets that point at the words' '
	command -v jq >/dev/null || exit 0
	"$LUOT" --db "$db" search --json --limit 3 nuoc sach >j &&
	test "$(count_lines j)" = 3 &&
	jq -e "has(\"snippet\") and has(\"matches\") and has(\"id\")" j >/dev/null &&
	jq -r ".snippet as \$s | .matches[0] as \$m | \$s | explode | .[\$m[0]:\$m[1]] | implode" j |
		head -n 1 >first &&
	grep -qix "nước sạch" first
'

test_expect_success '--json: snippets from the text, not the title; cut between words; words around the match' '
	command -v jq >/dev/null || exit 0
	: >bad
	for q in "nuoc sach" "vo dich" "dan so" "nguoi dan" "thach ha" "title:nang"; do
		"$LUOT" --db "$db" search --json --limit 5 -- $q >j || echo "search $q" >>bad
		jq -e ".snippet | length > 20" j >/dev/null || echo "short snippet for $q" >>bad
		jq -e "(.title as \$t | .snippet | contains(\$t)) | not" j >/dev/null ||
			echo "title repeated for $q" >>bad
		# Before the first match: words, or the start of a sentence.
		jq -e "(.matches[0][0] // 0) as \$m | .snippet | explode | .[:\$m] | implode |
			test(\"^$|^[^…]|[[:alpha:]]{2,}.* \$\")" j >/dev/null || echo "no context for $q" >>bad
		jq -r "[.id, (.snippet | ltrimstr(\"…\") | rtrimstr(\"…\") |
			(split(\" \") | first, last) | gsub(\"^[.,:;!?()\\\"]+|[.,:;!?()\\\"]+$\"; \"\"))] | @tsv" j |
		while IFS="$(printf "\t")" read -r id first last; do
			"$LUOT" --db "$db" show "$id" >body
			for w in "$first" "$last"; do
				test -z "$w" || grep -qw -- "$w" body || echo "cut inside a word for $q: $w" >>bad
			done
		done
	done
	cat bad && test ! -s bad
'

test_expect_success '--json: every hit says how many there are; --limit 0 gives them all' '
	command -v jq >/dev/null || exit 0
	"$LUOT" --db "$db" search --json --limit 0 nuoc >all &&
	n=$(count_lines all) &&
	test "$n" -gt 3 &&
	"$LUOT" --db "$db" search --json --limit 2 nuoc >two &&
	test "$(count_lines two)" = 2 &&
	test "$(jq -r "[.total, .total_more] | @tsv" two | sort -u)" = "$(printf "%s\tfalse" "$n")" &&
	"$LUOT" --db "$db" search --json --limit 0 --sort date nuoc >bydate &&
	test "$(count_lines bydate)" = "$n"
'

test_expect_success '--sort date lists newest first' '
	"$LUOT" --db "$db" search --sort date --json dan | jq -r ".published // empty" >dates &&
	sort -r dates >sorted && test_cmp sorted dates
'

test_expect_success 'a Telex query that finds nothing gets a suggestion, not a rewrite' '
	"$LUOT" --db "$db" search nuwowcs sachj >out 2>err &&
	test ! -s out &&
	grep -q "did you mean: nước sạch" err
'

test_expect_success 'a query without words is not an error' '
	"$LUOT" --db "$db" search "*** ()" >out 2>err &&
	grep -q "no words" err && test ! -s out
'

test_expect_success 'malformed queries never surface an SQL or FTS5 error' '
	for q in "\"" "(" ")" "OR" "AND" "NOT" "-" "*" ":" "^" "title:" "a OR" "\"a" \
	    "a)" "((a" "NEAR(a b)" "a:b:c" "{a}" "a\"b\"c" "-\"\"" "after:" "on:x"; do
		"$LUOT" --db "$db" search -- "$q" >/dev/null 2>err || fail "status for $q"
		! grep -qi "fts5\|sql\|syntax" err || fail "error for $q: $(cat err)"
	done
'

# Found by fuzz-query: groups nested 16 deep, each an OR of prefixes,
# overflowed FTS5's parser stack ("parser stack overflow").
test_expect_success 'deeply nested groups of ORs: no FTS5 error' '
	"$LUOT" --db "$db" search "$(cat "$TESTDATA/queries/deep-or-groups.bin")" >/dev/null 2>err &&
	! grep -qi "fts5\|sql\|overflow" err
'

test_expect_success 'search wants a query; bad --sort is a usage error' '
	st=0; "$LUOT" --db "$db" search 2>err || st=$?
	test "$st" = 2 &&
	st=0; "$LUOT" --db "$db" search --sort best x 2>err || st=$?
	test "$st" = 2
'

test_expect_success 'delete removes an article from the results' '
	id=$("$LUOT" --db "$db" search --json --limit 1 "nước sạch" | jq -r .id) &&
	"$LUOT" --db "$db" delete "$id" &&
	! "$LUOT" --db "$db" search --json "nước sạch" | grep -q "\"id\":$id,"
'

test_expect_success 'the sqlite3 shell searches with the loadable extension' '
	n=$(sqlite3 -cmd ".load $LUOT_EXT" "$db" \
		"SELECT count(*) FROM article_fts WHERE article_fts MATCH '"'"'da nang'"'"'") &&
	test "$n" -ge 1
'

test_expect_success 'a prefix of many words: its most frequent ones, said on stderr and in --json' '
	"$LUOT" --db "$db" search --limit 3 -- "t* t* t*" >out 2>err &&
	test "$(count_lines out)" -ge 3 &&
	grep "most frequent" err >notes &&
	test "$(count_lines notes)" = 1 &&
	grep -q "^luot: t\*: only its 16 most frequent words of [0-9]* are searched" notes &&
	"$LUOT" --db "$db" search --limit 1 --json -- "t* tha*" >out 2>err &&
	# Two prefixes share the bounds: 8 words each.
	jq -e ".prefixes | length == 2 and .[0].prefix == \"t*\" and .[0].words == 8 and .[0].of > 16 and .[1].prefix == \"tha*\"" out &&
	"$LUOT" --db "$db" search --limit 1 --json -- "tha*" >out 2>err &&
	jq -e ".prefixes == []" out &&
	! grep -q "most frequent" err
'

test_expect_success 'more hits than are ranked: after the page, a note counts them and says which are' '
	mkdir many &&
	awk -v dir="$PWD/many" "BEGIN {
		for (i = 1; i <= 2100; i++) {
			f = sprintf(\"%s/%04d.txt\", dir, i)
			printf \"Bai so %d\\n%02d/%02d/2023 10:00\\n\\nMua xuan nam %d.\\n\", i, 1 + i % 28, 1 + int(i / 28) % 12, i >f
			close(f)
		} }" &&
	"$LUOT" --db many.db import -q many >/dev/null &&
	# One file for both: the note (stderr) after the page (stdout).
	"$LUOT" --db many.db search --limit 5 -- xuan >out 2>&1 &&
	test "$(count_lines out)" -ge 6 &&
	head -n 1 out | grep -q "Bai so" &&
	tail -n 1 out >note &&
	grep -q "^luot: \(2100\|at least [0-9]*\) matches: the 2000 newest are ranked, older ones follow newest first$" note
'

test_done
