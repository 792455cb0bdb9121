#!/bin/sh
# cli-demo.sh: luot --demo imports the bundled corpus once and lists it.
. "$TESTLIB"

demo="$LUOT_DATADIR/demo"
nfiles=$(ls "$demo"/*.txt | wc -l)

test_expect_success 'the demo corpus has at least 15 articles' '
	test "$nfiles" -ge 15
'

test_expect_success '--demo imports into demo.db and lists the articles' '
	"$LUOT" --demo >out1 2>err &&
	test -f "$XDG_DATA_HOME/luot/demo.db" &&
	test ! -e "$XDG_DATA_HOME/luot/luot.db" &&
	test "$(count_lines out1)" = $((nfiles - 1)) &&
	test "$(count_lines err)" = 1 &&
	grep -q "not a terminal: listing the articles instead" err
'

test_expect_success 'the duplicate page in the demo is skipped' '
	"$LUOT" --db "$XDG_DATA_HOME/luot/demo.db" import "$demo" >out &&
	grep -q "^imported 0, duplicates $nfiles," out
'

test_expect_success '--demo again adds nothing' '
	"$LUOT" --demo >out2 &&
	test_cmp out1 out2
'

test_expect_success 'demo output to a pipe has no escape sequences' '
	! grep -q "$(printf "\033")" out1
'

test_expect_success 'every demo article has a title, paragraphs and words' '
	db="$XDG_DATA_HOME/luot/demo.db" &&
	test "$(sql "$db" "SELECT count(*) FROM article_text JOIN article USING (id) WHERE article_text.title = \"\" OR article_text.body = \"\" OR words < 50")" = 0
'

test_expect_success 'the NFD demo article is stored as NFC' '
	db="$XDG_DATA_HOME/luot/demo.db" &&
	test "$(sql "$db" "SELECT count(*) FROM article_text JOIN article USING (id) WHERE path LIKE \"%nfd%\" AND article_text.body LIKE \"%sốt xuất huyết%\"")" = 1
'

test_done
