#!/bin/sh
# cli-stories.sh: the copies of one story (tests/data/stories: an article,
# two papers' edited copies of it, another paper's own report of the same
# event, and the first copy run again six weeks later) are one row in the
# list and in searches, whatever order they come in; show names the
# others; story: and is:original; deleting a head; regroup.
. "$TESTLIB"

S="$TESTDATA/stories"
db="$T/s.db"
"$LUOT" --db "$db" import -q "$S" >/dev/null

# The ids of the list's rows, by file name (a1 a2 ...), as "name id" lines.
ids() {
	"$LUOT" --db "$1" list --no-group --json | jq -r '.path | capture("(?<n>[a-z][0-9])-") | .n' >names &&
	"$LUOT" --db "$1" list --no-group --json | jq -r .id >nums &&
	paste -d " " names nums
}

test_expect_success 'three copies are one row, headed by the earliest, with x3 and their papers' '
	test "$("$LUOT" --db "$db" list | wc -l)" = 3 &&
	test "$("$LUOT" --db "$db" list --no-group | wc -l)" = 5 &&
	ids "$db" >map &&
	a1=$(awk "\$1 == \"a1\" { print \$2 }" map) &&
	"$LUOT" --db "$db" list --json >j &&
	jq -s -e "map(select(.copies)) | length == 1 and .[0].id == $a1 and .[0].copies == 3 and
		(.[0].copy_sources | split(\",\") | sort) == [\"Báo Dân Sinh\", \"Báo Tin tức\"]" j &&
	"$LUOT" --db "$db" list | grep "^ *$a1 " | grep -q "×3$"
'

test_expect_success 'another paper'"'"'s own report, and a rerun weeks later, stay apart' '
	ids "$db" >map &&
	b1=$(awk "\$1 == \"b1\" { print \$2 }" map) &&
	a4=$(awk "\$1 == \"a4\" { print \$2 }" map) &&
	"$LUOT" --db "$db" list --json >j &&
	jq -s -e "map(select(.id == $b1 or .id == $a4)) | length == 2 and all(.[]; .story == null)" j
'

test_expect_success 'the same stories whatever the order of import: the head moves to the earliest' '
	db2="$T/order.db" &&
	"$LUOT" --db "$db2" import -q "$S/a3-rut-gon.txt" >/dev/null &&
	"$LUOT" --db "$db2" import -q "$S/a2-dang-lai.txt" >/dev/null &&
	"$LUOT" --db "$db2" import -q "$S" >/dev/null &&
	"$LUOT" --db "$db2" list --json | jq -r "select(.copies) | .title" >got &&
	"$LUOT" --db "$db" list --json | jq -r "select(.copies) | .title" >want &&
	test_cmp want got &&
	test "$("$LUOT" --db "$db2" list | wc -l)" = 3
'

test_expect_success 'a search finds the story once; --no-group every copy; counts are of stories and articles' '
	"$LUOT" --db "$db" search --json "hồ chứa nước Nước Trong" >j &&
	jq -s -e "length == 3 and all(.[]; .total == 3 and .articles == 5 and .articles_more == false)" j &&
	"$LUOT" --db "$db" search --no-group --json "hồ chứa nước Nước Trong" >j &&
	jq -s -e "length == 5 and all(.[]; .total == 5 and .articles == 5)" j
'

test_expect_success 'show names the other copies; --json as also_in' '
	ids "$db" >map &&
	a2=$(awk "\$1 == \"a2\" { print \$2 }" map) &&
	"$LUOT" --db "$db" show "$a2" >out &&
	grep -q "^Also in:$" out &&
	grep -q "Báo Quảng Ngãi  Quảng Ngãi: Khánh thành" out &&
	grep -q "Báo Dân Sinh" out &&
	"$LUOT" --db "$db" show --json "$a2" | jq -e ".also_in | length == 2 and all(.[]; .story != null)"
'

test_expect_success 'story:ID lists every copy; is:original the heads and those alone' '
	ids "$db" >map &&
	a3=$(awk "\$1 == \"a3\" { print \$2 }" map) &&
	"$LUOT" --db "$db" search "story:$a3" | grep -c "^ *[0-9]" >n &&
	echo 3 >want && test_cmp want n &&
	"$LUOT" --db "$db" search --no-group "is:original Nước Trong" | grep -c "^ *[0-9]" >n &&
	test_cmp want n &&
	{ "$LUOT" --db "$db" search "story:x" 2>err; test $? = 0; }
'

test_expect_success 'deleting the head: the next earliest copy leads; the last alone is no story' '
	db3="$T/del.db" && cp "$db" "$db3" &&
	ids "$db3" >map &&
	a1=$(awk "\$1 == \"a1\" { print \$2 }" map) &&
	a2=$(awk "\$1 == \"a2\" { print \$2 }" map) &&
	a3=$(awk "\$1 == \"a3\" { print \$2 }" map) &&
	"$LUOT" --db "$db3" delete "$a1" &&
	"$LUOT" --db "$db3" list --json >j &&
	jq -s -e "map(select(.copies)) | .[0].id == $a3 and .[0].copies == 2" j &&
	"$LUOT" --db "$db3" delete "$a3" &&
	"$LUOT" --db "$db3" list --json >j &&
	jq -s -e "map(select(.id == $a2)) | .[0].story == null" j &&
	test "$("$LUOT" --db "$db3" list | wc -l)" = 3 &&
	test "$("$LUOT" --db "$db3" check)" = ok
'

test_expect_success 'regroup: a stricter likeness splits, is kept for imports, and the default returns' '
	db4="$T/re.db" && cp "$db" "$db4" &&
	"$LUOT" --db "$db4" regroup --likeness 0.9 >out &&
	grep -q "^5 articles: 0 stories of more than one copy" out &&
	test "$("$LUOT" --db "$db4" list | wc -l)" = 5 &&
	"$LUOT" --db "$db4" regroup --likeness 0.4 >out &&
	grep -q "^5 articles: 1 story of more than one copy, 2 copies grouped" out &&
	test "$("$LUOT" --db "$db4" list | wc -l)" = 3 &&
	{ "$LUOT" --db "$db4" regroup --likeness 2 2>err; test $? = 2; } &&
	grep -q "from 0.05 to 1" err
'

test_expect_success 'articles kept before stories were (no signature): regroup signs them' '
	db5="$T/old.db" && cp "$db" "$db5" &&
	sqlite3 "$db5" "DELETE FROM story_sig; DELETE FROM story_band; DELETE FROM story_copy;
		UPDATE article SET story = NULL" &&
	test "$("$LUOT" --db "$db5" list | wc -l)" = 5 &&
	"$LUOT" --db "$db5" regroup >out &&
	grep -q "^5 articles had no signature yet$" out &&
	test "$("$LUOT" --db "$db5" list | wc -l)" = 3
'

test_expect_success 'reading one copy reads its story; unread unreads it; bookmarks stay the copy'"'"'s own' '
	db6="$T/read.db" && cp "$db" "$db6" &&
	ids "$db6" >map &&
	a2=$(awk "\$1 == \"a2\" { print \$2 }" map) &&
	a3=$(awk "\$1 == \"a3\" { print \$2 }" map) &&
	"$LUOT" --db "$db6" read "$a2" &&
	test "$("$LUOT" --db "$db6" list --no-group --unread | wc -l)" = 2 &&
	"$LUOT" --db "$db6" unread "$a3" &&
	test "$("$LUOT" --db "$db6" list --no-group --unread | wc -l)" = 5 &&
	"$LUOT" --db "$db6" bookmark add "$a2" >/dev/null &&
	test "$("$LUOT" --db "$db6" bookmarks --json | jq -s -c "map(.id)")" = "[$a2]"
'

test_expect_success 'a dated copy joins an undated one (and leads); copies a week apart stay apart' '
	db7="$T/undated.db" &&
	grep -v "^Thứ Hai, 10/03/2025" "$S/a1-goc.txt" | sed "s/Sáng 10\/3, UBND/Sáng nay, UBND/" >"$T/undated.txt" &&
	"$LUOT" --db "$db7" import -q "$T/undated.txt" >/dev/null &&
	"$LUOT" --db "$db7" import -q "$S/a1-goc.txt" >/dev/null &&
	"$LUOT" --db "$db7" list --json >j &&
	jq -s -e "length == 1 and .[0].copies == 2 and .[0].published != null" j &&
	sed "s/Thứ Hai, 10\/03\/2025 07:30/Thứ Ba, 18\/03\/2025 07:30/" "$S/a1-goc.txt" |
		sed "s/Sáng 10\/3, UBND/Sáng 18\/3, UBND/" >"$T/later.txt" &&
	"$LUOT" --db "$T/week.db" import -q "$S/a1-goc.txt" >/dev/null &&
	"$LUOT" --db "$T/week.db" import -q "$T/later.txt" >/dev/null &&
	test "$("$LUOT" --db "$T/week.db" list | wc -l)" = 2
'

test_expect_success 'keys a big import held when it died are written by the next import' '
	db8="$T/died.db" && cp "$db" "$db8" &&
	sqlite3 "$db8" "SELECT key, article FROM story_band ORDER BY 1, 2" >want &&
	first=$(sqlite3 "$db8" "SELECT min(article) FROM story_sig") &&
	sqlite3 "$db8" "DELETE FROM story_band; INSERT INTO setting (name, value) VALUES ('"'"'story-band-from'"'"', $first)" &&
	"$LUOT" --db "$db8" import -q "$S/a1-goc.txt" >/dev/null &&
	sqlite3 "$db8" "SELECT key, article FROM story_band ORDER BY 1, 2" >got &&
	test_cmp want got &&
	test "$(sqlite3 "$db8" "SELECT count(*) FROM setting WHERE name = '"'"'story-band-from'"'"'")" = 0
'

test_done
