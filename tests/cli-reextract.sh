#!/bin/sh
# cli-reextract.sh: articles extracted again from the pages kept at
# import (or from their files, for articles imported before luot kept
# pages); fields, text and index follow the new extraction, the reading
# state stays.
. "$TESTLIB"

cd "$T"
db="$T/r.db"
mkdir pages
cp "$TESTDATA"/mixed/02-dot-lead.txt "$TESTDATA"/mixed/03-good.txt pages/
cat >pages/01-good.txt <<'PAGE'
Xã Tân Phú khánh thành cây cầu bê tông thay cầu khỉ

Sáng 14/3, người dân xã Tân Phú đã có thể đi lại trên cây cầu bê tông rộng ba mét.
Cây cầu dài 42 mét do người dân cùng góp tiền xây dựng.
Học sinh hai ấp không còn phải đi vòng gần năm cây số để đến trường.
Minh Khoa
PAGE
# An "older extractor": one that dropped a paragraph and the byline of
# 01-good.txt.
printf "drop cây cầu dài 42 mét*\ndrop minh khoa\n" >old.pat
"$LUOT" --db "$db" import -q --patterns old.pat pages >/dev/null
id=$(sqlite3 "$db" "SELECT id FROM article WHERE path LIKE '%/01-good.txt'")

test_expect_success 'the page is kept with each article, compressed against its body' '
	test "$(sqlite3 "$db" "SELECT count(*) FROM article WHERE original IS NOT NULL")" = 3 &&
	test "$(sqlite3 "$db" "SELECT sum(length(original)) * 2 < sum(length(body)) FROM article")" = 1
'

test_expect_success 'the older extraction is replaced; bookmark, note, tags, read state stay' '
	"$LUOT" --db "$db" bookmark add "$id" --note "ghi chú giữ lại" --tag "cầu" --tag "nông thôn" &&
	"$LUOT" --db "$db" read "$id" &&
	sqlite3 "$db" "UPDATE state SET position = 7" &&
	"$LUOT" --db "$db" bookmarks --json >before &&
	old=$(sqlite3 "$db" "SELECT hex(hash) FROM article WHERE id = $id") &&
	! "$LUOT" --db "$db" search "cầu dài 42 mét" | grep -q "Tân Phú" &&
	"$LUOT" --db "$db" reextract -q >out &&
	grep -q "^changed 1, unchanged 2, failed 0" out &&
	test "$(sqlite3 "$db" "SELECT hex(hash) FROM article WHERE id = $id")" != "$old" &&
	test "$(sqlite3 "$db" "SELECT author FROM article WHERE id = $id")" = "Minh Khoa" &&
	"$LUOT" --db "$db" show "$id" | grep -q "^Cây cầu dài 42 mét" &&
	"$LUOT" --db "$db" search "cầu dài 42 mét" | grep -q "Tân Phú" &&
	"$LUOT" --db "$db" bookmarks --json >after &&
	test "$(jq -c "{id, note, tags}" before)" = "$(jq -c "{id, note, tags}" after)" &&
	test "$(jq -r .note after)" = "ghi chú giữ lại" &&
	test "$(sqlite3 "$db" "SELECT count(*) FROM state WHERE read_at IS NOT NULL AND position = 7
	    AND hash = (SELECT hash FROM article WHERE id = $id)")" = 1 &&
	test "$(sqlite3 "$db" "SELECT count(*) FROM state_tag")" = 2 &&
	"$LUOT" --db "$db" check
'

test_expect_success 'extracting again with the same extractor changes nothing' '
	"$LUOT" --db "$db" reextract -q >out &&
	grep -q "^changed 0, unchanged 3, failed 0" out
'

test_expect_success 'articles imported before pages were kept are read from their files' '
	sqlite3 "$db" "UPDATE article SET original = NULL" &&
	"$LUOT" --db "$db" reextract -q --patterns old.pat "$id" >out &&
	grep -q "^changed 1, unchanged 0, failed 0" out &&
	! "$LUOT" --db "$db" show "$id" | grep -q "Cây cầu dài" &&
	test "$(sqlite3 "$db" "SELECT count(*) FROM article WHERE original IS NOT NULL")" = 1 &&
	"$LUOT" --db "$db" check
'

test_expect_success 'a page neither kept nor on disk: named, left as it was, exit 1' '
	id3=$(sqlite3 "$db" "SELECT id FROM article WHERE path LIKE \"%/03-good.txt\"") &&
	rm pages/03-good.txt &&
	before=$(sqlite3 "$db" "SELECT title, hex(hash) FROM article WHERE id = $id3") &&
	st=0; "$LUOT" --db "$db" reextract -q >out 2>err || st=$?
	test "$st" = 1 &&
	grep -q "^luot: article $id3 left as it was: its page was not kept and .*03-good.txt cannot be read: cannot read: No such file or directory$" err &&
	grep -q "^changed 2, unchanged 0, failed 1" out &&
	test "$(sqlite3 "$db" "SELECT title, hex(hash) FROM article WHERE id = $id3")" = "$before"
'

test_expect_success 'ids: one that does not exist fails; a bad one is a usage error' '
	st=0; "$LUOT" --db "$db" reextract -q 99999 >out 2>err || st=$?
	test "$st" = 1 && grep -q "no article with id 99999" err &&
	st=0; "$LUOT" --db "$db" reextract -q x1 2>err || st=$?
	test "$st" = 2
'

test_expect_success 'a thousand articles and more, in batches: each is read again' '
	gen="$(dirname "$TESTLIB")/bench/gen.awk" &&
	awk -v n=2500 -v dir="$PWD/g" -v seed=11 -f "$gen" &&
	"$LUOT" --db g.db import -q g >/dev/null &&
	n=$(sqlite3 g.db "SELECT count(*) FROM article") &&
	"$LUOT" --db g.db reextract -q >out &&
	grep -q "^changed 0, unchanged $n, failed 0" out &&
	printf "drop nguồn: *\n" >src.pat &&
	"$LUOT" --db g.db reextract -q --patterns src.pat >out &&
	changed=$(sed -n "s/^changed \([0-9]*\),.*/\1/p" out) &&
	test "$changed" -gt 1000 &&
	test "$(sqlite3 g.db "SELECT count(*) FROM article WHERE source IS NULL")" -ge "$changed" &&
	"$LUOT" --db g.db check
'

test_done
