#!/bin/sh
# cli-check.sh: "luot check" on a sound store, on one whose search index no
# longer matches its articles, and on one with a damaged page; and what
# the other commands say of damaged or foreign files. Nothing is changed.
. "$TESTLIB"

db="$T/good.db"
"$LUOT" --db "$db" import -q "$LUOT_DATADIR/demo" >/dev/null

test_expect_success 'a sound store: ok, status 0' '
	"$LUOT" --db "$db" check >out &&
	test "$(cat out)" = ok
'

test_expect_success 'an index out of step with the articles: said, status 1' '
	cp "$db" stale.db &&
	sqlite3 stale.db "DROP TRIGGER article_fts_update; DROP TRIGGER marked_fts_article_update; UPDATE article SET title = \"Khác\" WHERE id = 3" &&
	st=0; "$LUOT" --db stale.db check >out 2>err || st=$?
	test "$st" = 1 &&
	grep -q "^the search index does not match the articles$" out &&
	grep -q "^luot: 1 problem found" err
'

test_expect_success 'a bookmark its index does not hold: said, status 1' '
	cp "$db" marked.db &&
	"$LUOT" --db marked.db bookmark add 3 >/dev/null &&
	"$LUOT" --db marked.db check >out && test "$(cat out)" = ok &&
	sqlite3 marked.db "DROP TRIGGER marked_fts_state_insert; DROP TRIGGER marked_fts_state_mark;
		DROP TRIGGER marked_fts_state_unmark; DROP TRIGGER marked_fts_state_delete;
		DROP TRIGGER marked_fts_state_rehash;
		INSERT INTO state (hash, bookmarked) SELECT hash, \"2024-01-01\" FROM article
		WHERE id = 5 ON CONFLICT (hash) DO UPDATE SET bookmarked = excluded.bookmarked" &&
	st=0; "$LUOT" --db marked.db check >out 2>err || st=$?
	test "$st" = 1 &&
	grep -q "^the index of the bookmarks does not match the bookmarks$" out
'

test_expect_success 'a damaged page: each problem on a line, status 1, the file untouched' '
	cp "$db" bad.db &&
	root=$(sqlite3 bad.db "SELECT rootpage FROM sqlite_master WHERE name = \"article_by_published\"") &&
	printf "\377\377\377\377\377\377\377\377" |
		dd of=bad.db bs=1 seek=$(( (root - 1) * 16384 )) conv=notrunc 2>/dev/null &&
	sum=$(cksum <bad.db) &&
	st=0; "$LUOT" --db bad.db check >out 2>err || st=$?
	test "$st" = 1 &&
	grep -q "Page $root" out &&
	grep -q "^luot: [0-9]* problems\? found" err &&
	test "$(cksum <bad.db)" = "$sum"
'

test_expect_success 'a file that is not a database: one line, status 1, left as it was' '
	printf "%s\n" "plain text" >text.db &&
	st=0; "$LUOT" --db text.db list >out 2>err || st=$?
	test "$st" = 1 && test "$(wc -l <err)" = 1 &&
	grep -q "text.db: not a database" err &&
	test "$(cat text.db)" = "plain text"
'

test_expect_success 'check takes no arguments' '
	st=0; "$LUOT" --db "$db" check extra 2>err || st=$?
	test "$st" = 2
'

test_done
