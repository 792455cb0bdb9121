#!/bin/sh
# cli-tidy.sh: the search index merged into one part (store-tidy.c): by
# `luot tidy`, and by an import that leaves it in parts as large as the
# rest; what is found, and how, is the same before and after.
. "$TESTLIB"

mkdir "$T/one" "$T/rest" "$T/a" "$T/b"
cp "$LUOT_DATADIR"/demo/* "$T/rest/"
mv "$T/rest/01-lua-gao.txt" "$T/one/"
cp "$LUOT_DATADIR"/demo/0* "$T/a/"
cp "$LUOT_DATADIR"/demo/1* "$LUOT_DATADIR"/demo/2* "$T/b/"

parts() { "$LUOT" --db "$1" stats --json | sed -n 's/.*"index_parts":\([-0-9]*\).*/\1/p'; }

# What the queries find, with snippets and ranks, as JSON (without the
# files' paths: the stores are made of different folders).
found() {
	for q in "lúa gạo" "lua gao" "bong da" "giao thông" "ng*" "le hoi -bong"; do
		"$LUOT" --db "$1" search --json --limit 50 -- "$q" || return 1
		"$LUOT" --db "$1" search --json --sort date --limit 50 -- "$q" || return 1
	done | sed "s/\"path\":\"[^\"]*\"//"
}

test_expect_success 'one import: one part, nothing to merge' '
	"$LUOT" --db all.db import -q "$LUOT_DATADIR/demo" >/dev/null &&
	test "$(parts all.db)" = 1 &&
	"$LUOT" --db all.db tidy >out &&
	grep -q "^search index: 1 part before, 1 after, in" out
'

test_expect_success 'pages in no order of date: one part a batch, nothing to merge' '
	"$LUOT" --db late.db import rest >/dev/null 2>err &&
	test "$(parts late.db)" = 1 &&
	! grep -q merging err &&
	test "$(sqlite3 late.db "SELECT count(*) FROM article a JOIN article b
		ON b.id = a.id + 1 AND b.fts_key < a.fts_key")" -gt 3
'

test_expect_success 'a small import on a larger one: two parts, left so' '
	"$LUOT" --db late.db import one >/dev/null 2>err &&
	test "$(parts late.db)" = 2 &&
	! grep -q merging err &&
	"$LUOT" --db late.db stats >out &&
	grep -q "^Index: *2 parts (luot tidy merges them)$" out
'

test_expect_success 'tidy merges them: one part, the same hits in the same order' '
	found late.db >before &&
	"$LUOT" --db late.db tidy -q >out &&
	grep -q "^search index: 2 parts before, 1 after, in" out &&
	test "$(parts late.db)" = 1 &&
	found late.db >after &&
	test -s before &&
	cmp before after &&
	"$LUOT" --db late.db check >out && test "$(cat out)" = ok
'

test_expect_success 'an import as large as the index merges it, and says so' '
	"$LUOT" --db early.db import -q a >/dev/null &&
	"$LUOT" --db early.db import b >/dev/null 2>err &&
	grep -q "merging the search index.s 2 parts into one" err &&
	test "$(parts early.db)" = 1 &&
	found early.db >early &&
	found all.db >all &&
	cmp early all
'

test_expect_success 'quiet: merged without a word' '
	"$LUOT" --db quiet.db import -q a >/dev/null &&
	"$LUOT" --db quiet.db import -q b >/dev/null 2>err &&
	test "$(parts quiet.db)" = 1 &&
	test ! -s err
'

test_expect_success 'a new store: nothing to merge' '
	"$LUOT" --db empty.db tidy >out &&
	grep -q "^search index: 0 parts before, 0 after" out
'

test_expect_success 'a store being written: one line, status 1, nothing lost' '
	"$LUOT" --db locked.db import -q rest >/dev/null &&
	"$LUOT" --db locked.db import -q one >/dev/null &&
	n=$("$LUOT" --db locked.db stats --json) &&
	test "$(parts locked.db)" = 2 &&
	{ sqlite3 locked.db "BEGIN IMMEDIATE; SELECT 1; " ".shell sleep 8" "COMMIT;" >/dev/null & } &&
	sleep 1 &&
	st=0; "$LUOT" --db locked.db tidy -q >out 2>err || st=$?
	wait
	test "$st" = 1 && test "$(wc -l <err)" = 1 && grep -q "locked\|busy" err &&
	test "$("$LUOT" --db locked.db stats --json)" = "$n"
'

test_expect_success 'tidy takes no arguments' '
	st=0; "$LUOT" --db all.db tidy extra 2>err || st=$?
	test "$st" = 2
'

test_done
