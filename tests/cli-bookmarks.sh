#!/bin/sh
# cli-bookmarks.sh: bookmark add/rm, bookmarks, read/unread, tag: and is:
# filters, and the reading state surviving delete and re-import.
. "$TESTLIB"

db="$T/b.db"
"$LUOT" --db "$db" import -q "$LUOT_DATADIR/demo" >/dev/null
id=$("$LUOT" --db "$db" list | awk 'NR == 2 { print $1 }')
id2=$("$LUOT" --db "$db" list | awk 'NR == 5 { print $1 }')
note='Trích "dân vận khéo", dấu phẩy, và
một dòng mới'

test_expect_success 'bookmark add with a Vietnamese note and tags' '
	"$LUOT" --db "$db" bookmark add "$id" --note "$note" --tag "lễ hội" --tag "văn hóa" &&
	"$LUOT" --db "$db" bookmark add "$id2" --tag "văn hóa" &&
	"$LUOT" --db "$db" bookmarks >out &&
	test "$(grep -c "^ *[0-9]" out)" = 2 &&
	grep -q "tags: lễ hội,văn hóa" out &&
	grep -q "note: Trích \"dân vận khéo\", dấu phẩy, và" out
'

test_expect_success 'bookmarks --json keeps the note and tags exactly' '
	"$LUOT" --db "$db" bookmarks --json --tag "lễ hội" >out &&
	test "$(count_lines out)" = 1 &&
	test "$(jq -r .note out)" = "$note" &&
	test "$(jq -c .tags out)" = "[\"lễ hội\",\"văn hóa\"]" &&
	test "$(jq .id out)" = "$id"
'

test_expect_success 'a second add keeps the note unless given, adds tags' '
	"$LUOT" --db "$db" bookmark add "$id" --tag "trích dẫn" &&
	"$LUOT" --db "$db" bookmarks --json --tag "trích dẫn" >out &&
	test "$(jq -r .note out)" = "$note" &&
	test "$(jq -c ".tags | length" out)" = 3
'

test_expect_success 'notes and tags typed decomposed (NFD) are kept as NFC' '
	nfd_note=$(printf "Ghi chu\314\201 da\314\202n va\314\202\314\243n") &&
	nfd_tag=$(printf "ho\314\200a bi\314\200nh") &&
	"$LUOT" --db "$db" bookmark add "$id2" --note "$nfd_note" --tag "$nfd_tag" &&
	"$LUOT" --db "$db" bookmarks --json --tag "hòa bình" >out &&
	test "$(jq .id out)" = "$id2" &&
	test "$(jq -r .note out)" = "Ghi chú dân vận"
'

test_expect_success 'tag: and is:bookmarked in search' '
	"$LUOT" --db "$db" search --json "tag:\"văn hóa\"" >out &&
	test "$(count_lines out)" = 2 &&
	"$LUOT" --db "$db" search --json "is:bookmarked" >out &&
	test "$(count_lines out)" = 2 &&
	"$LUOT" --db "$db" search --json "tag:\"lễ hội\"" >out &&
	test "$(jq .id out)" = "$id" &&
	"$LUOT" --db "$db" search "tag:nothing-like-it" >out 2>err &&
	test ! -s out && grep -q "no articles found" err
'

test_expect_success 'read and unread, and is:unread' '
	n=$("$LUOT" --db "$db" search --json is:unread | wc -l) &&
	"$LUOT" --db "$db" read "$id" "$id2" &&
	test "$("$LUOT" --db "$db" search --json is:unread | wc -l)" = $((n - 2)) &&
	"$LUOT" --db "$db" unread "$id2" &&
	test "$("$LUOT" --db "$db" search --json is:unread | wc -l)" = $((n - 1))
'

test_expect_success 'deleting and importing again brings the state back' '
	path=$("$LUOT" --db "$db" show --json "$id" | jq -r .path) &&
	"$LUOT" --db "$db" delete "$id" &&
	test "$("$LUOT" --db "$db" bookmarks --json | wc -l)" = 1 &&
	"$LUOT" --db "$db" import -q "$path" >/dev/null &&
	"$LUOT" --db "$db" bookmarks --json --tag "lễ hội" >out &&
	test "$(jq -r .note out)" = "$note" &&
	new=$(jq .id out) &&
	! "$LUOT" --db "$db" search --json is:unread | jq .id | grep -qx "$new"
'

test_expect_success 'bookmark rm removes it; the note comes back with it' '
	new=$("$LUOT" --db "$db" bookmarks --json --tag "lễ hội" | jq .id) &&
	"$LUOT" --db "$db" bookmark rm "$new" &&
	! "$LUOT" --db "$db" bookmarks --json | jq .id | grep -qx "$new" &&
	"$LUOT" --db "$db" bookmark add "$new" &&
	test "$("$LUOT" --db "$db" bookmarks --json --tag "lễ hội" | jq -r .note)" = "$note"
'

test_expect_success 'export --format csv reads back the same (sqlite3 .import)' '
	"$LUOT" --db "$db" export --bookmarks --format csv -o b.csv &&
	"$LUOT" --db "$db" export --bookmarks --format json >b.json &&
	sqlite3 x.db ".import --csv b.csv b" &&
	test "$(sqlite3 x.db "SELECT count(*) FROM b")" = "$(count_lines b.json)" &&
	sqlite3 x.db "SELECT note FROM b WHERE tags LIKE \"%lễ hội%\"" >got &&
	printf "%s\n" "$note" >want &&
	test_cmp want got &&
	sqlite3 x.db "SELECT title || \"|\" || opening FROM b ORDER BY id" >got &&
	jq -r "[.id, .title + \"|\" + .opening] | @tsv" b.json | sort -n | cut -f2 >want &&
	test_cmp want got &&
	test "$(sqlite3 x.db "SELECT tags FROM b WHERE tags LIKE \"%lễ hội%\"")" = "lễ hội, trích dẫn, văn hóa"
'

test_expect_success 'export -o never replaces a file without --force, and leaves no temporary' '
	echo keep >b.md &&
	! "$LUOT" --db "$db" export --bookmarks --format md -o b.md 2>err &&
	test "$(cat b.md)" = keep &&
	grep -q "exists" err && test "$(count_lines err)" = 1 &&
	"$LUOT" --db "$db" export --bookmarks --format md -o b.md --force &&
	grep -q "^## " b.md && grep -q "^> " b.md &&
	grep -q "^- Tags: lễ hội, trích dẫn, văn hóa" b.md &&
	test -z "$(ls | grep tmp-)"
'

test_expect_success 'export --tag, and bad formats' '
	"$LUOT" --db "$db" export --bookmarks --tag "lễ hội" --format json >out &&
	test "$(count_lines out)" = 1 &&
	! "$LUOT" --db "$db" export --bookmarks --format pdf 2>err &&
	grep -q "md, csv or json" err &&
	! "$LUOT" --db "$db" export --format csv 2>err
'

test_expect_success 'export -o FILE: the format from the name; without one, an error' '
	"$LUOT" --db "$db" export --bookmarks -o n.CSV &&
	head -n 1 n.CSV | grep -q "^id,title,source,published,bookmarked," &&
	"$LUOT" --db "$db" export --bookmarks -o n.jsonl &&
	jq -e .bookmarked n.jsonl >/dev/null &&
	"$LUOT" --db "$db" export --bookmarks -o n.markdown &&
	grep -q "^## " n.markdown &&
	{ "$LUOT" --db "$db" export --bookmarks -o n.txt 2>err; test $? = 2; } &&
	test ! -e n.txt && grep -q "\.md, \.csv, \.json" err &&
	{ "$LUOT" --db "$db" export --bookmarks 2>err >out; test $? = 2; } &&
	test ! -s out &&
	"$LUOT" --db "$db" export --bookmarks --format md -o n.txt && grep -q "^## " n.txt
'

test_expect_success 'Markdown and CSV say when each was bookmarked' '
	"$LUOT" --db "$db" export --bookmarks --format json >b.json &&
	"$LUOT" --db "$db" export --bookmarks --format md >b.md &&
	"$LUOT" --db "$db" export --bookmarks --format csv >b.csv &&
	for when in $(jq -r .bookmarked b.json); do
		grep -q "^- Bookmarked: $when$" b.md &&
		grep -q ",$when," b.csv || exit 1
	done &&
	test "$(grep -c "^- Bookmarked: " b.md)" = "$(count_lines b.json)"
'

test_expect_success 'export --bom: CSV begins with the byte order mark, only CSV takes it' '
	"$LUOT" --db "$db" export --bookmarks --format csv --bom >bom.csv &&
	test "$(head -c 3 bom.csv | od -An -tx1 | tr -d " ")" = efbbbf &&
	"$LUOT" --db "$db" export --bookmarks --format csv >plain.csv &&
	test "$(head -c 2 plain.csv)" = id &&
	test "$(tail -c +4 bom.csv | cmp - plain.csv && echo same)" = same &&
	! "$LUOT" --db "$db" export --bookmarks --format md --bom 2>err &&
	grep -q "CSV" err
'

test_expect_success 'no bookmark with a tag: bookmarks and export say so' '
	"$LUOT" --db "$db" bookmarks --tag "không có" >out 2>err &&
	test ! -s out && grep -q "no bookmark has the tag không có" err &&
	"$LUOT" --db "$db" export --bookmarks --tag "không có" --format csv >out 2>err &&
	test "$(count_lines out)" = 1 && grep -q "no bookmark has the tag không có" err &&
	"$LUOT" --db "$db" bookmarks >out 2>err && test -s out && test ! -s err
'

test_expect_success 'bad ids and usage: a one-line error and status' '
	! "$LUOT" --db "$db" bookmark add 999999 2>err &&
	test "$(count_lines err)" = 1 && grep -q "no article with id 999999" err &&
	! "$LUOT" --db "$db" bookmark rm 999999 2>err &&
	! "$LUOT" --db "$db" bookmark add abc 2>err &&
	! "$LUOT" --db "$db" bookmark frob 2>err &&
	grep -q "add or rm" err &&
	! "$LUOT" --db "$db" read 2>err &&
	! "$LUOT" --db "$db" unread 0 2>err
'

test_expect_success 'bookmark rm takes no note or tag, and changes nothing then' '
	"$LUOT" --db "$db" bookmark add 1 --note "giữ lại" &&
	st=0; "$LUOT" --db "$db" bookmark rm 1 --note x 2>err || st=$? &&
	test "$st" = 2 && grep -q "ids only" err &&
	"$LUOT" --db "$db" bookmarks --json | grep -q "giữ lại"
'

test_expect_success 'tags match folded: the first spelling is kept, any spelling finds it' '
	rm -f t.db* && "$LUOT" --db t.db import -q "$LUOT_DATADIR/demo" >/dev/null &&
	a=$("$LUOT" --db t.db list | awk "NR == 1 { print \$1 }") &&
	b=$("$LUOT" --db t.db list | awk "NR == 3 { print \$1 }") &&
	"$LUOT" --db t.db bookmark add "$a" -t "  Dân   vận " &&
	"$LUOT" --db t.db bookmark add "$b" -t "dan van" -t "DÂN VẬN" &&
	"$LUOT" --db t.db tags >out &&
	printf "     2  Dân vận\n" >want && test_cmp want out &&
	"$LUOT" --db t.db bookmarks --tag "dân vận" | grep -c "^ *[0-9]" >n && test "$(cat n)" = 2 &&
	"$LUOT" --db t.db search "tag:\"DAN VAN\"" | grep -c "^ *[0-9]" >n && test "$(cat n)" = 2 &&
	"$LUOT" --db t.db list --tag "Dan Van" | awk "{ print \$1 }" | sort >got &&
	printf "%s\n%s\n" "$a" "$b" | sort >want && test_cmp want got
'

test_expect_success '-t "a, b" is two tags, as in the interface; tags --json counts them' '
	c=$("$LUOT" --db t.db list | awk "NR == 5 { print \$1 }") &&
	"$LUOT" --db t.db bookmark add "$c" -t "kinh tế, #xã hội" &&
	"$LUOT" --db t.db bookmarks --json | jq -r "select(.id == $c) | .tags | join(\"|\")" >got &&
	echo "kinh tế|xã hội" >want && test_cmp want got &&
	"$LUOT" --db t.db tags --json | jq -r "select(.tag == \"kinh tế\") | .bookmarks" >n &&
	test "$(cat n)" = 1
'

test_expect_success 'list --unread, --bookmarked, --tag: the rows of the list with those only' '
	total=$("$LUOT" --db t.db list | wc -l) &&
	one=$("$LUOT" --db t.db list | awk "NR == 2 { print \$1 }") &&
	"$LUOT" --db t.db read "$one" &&
	test "$("$LUOT" --db t.db list --unread | wc -l)" = $((total - 1)) &&
	! "$LUOT" --db t.db list --unread | grep -q "^ *$one " &&
	test "$("$LUOT" --db t.db list --bookmarked | wc -l)" = 3 &&
	test "$("$LUOT" --db t.db list --bookmarked --tag "kinh te" | wc -l)" = 1 &&
	"$LUOT" --db t.db list --unread --json | jq -r .id | head -n 1 >first &&
	"$LUOT" --db t.db list --json | jq -r .id | grep -v "^$one\$" | head -n 1 >want &&
	test_cmp want first
'

test_expect_success 'read --before DATE, read -- QUERY, read --all: how many, and only those' '
	rm -f r.db* && "$LUOT" --db r.db import -q "$LUOT_DATADIR/demo" >/dev/null &&
	old=$("$LUOT" --db r.db list --json | jq -r "select(.published != null and .published < \"2023-01-01\") | .id" | wc -l) &&
	test "$old" -gt 0 &&
	"$LUOT" --db r.db read --before 2023-01-01 >out &&
	grep -q "^$old article" out &&
	test "$("$LUOT" --db r.db search "is:unread before:2023" 2>/dev/null | wc -l)" = 0 &&
	"$LUOT" --db r.db search --limit 0 --json "nước sạch is:unread" | wc -l >n &&
	"$LUOT" --db r.db read -- nước sạch >out &&
	grep -q "^$(cat n) article" out &&
	test "$("$LUOT" --db r.db search "nước sạch is:unread" 2>/dev/null | wc -l)" = 0 &&
	left=$("$LUOT" --db r.db list --unread | wc -l) &&
	"$LUOT" --db r.db read --all >out &&
	grep -q "^$left articles marked read" out &&
	"$LUOT" --db r.db read --all >out && grep -q "^0 articles" out &&
	test "$("$LUOT" --db r.db list --unread 2>/dev/null | wc -l)" = 0
'

test_expect_success 'read: bad dates, ids with --all, a word without --: usage errors' '
	{ "$LUOT" --db r.db read --before 2023 2>err; test $? = 2; } && grep -q "2024-06-01" err &&
	{ "$LUOT" --db r.db read --all 3 2>err; test $? = 2; } &&
	{ "$LUOT" --db r.db read nuoc 2>err; test $? = 2; } && grep -q "after --" err &&
	{ "$LUOT" --db r.db read -- 2>err; test $? = 2; } && grep -q "QUERY are wanted" err
'

test_done
