#!/bin/sh
# cli-basics.sh: help, version, usage errors, database locations.
. "$TESTLIB"

test_expect_success '--version prints the name and version' '
	"$LUOT" --version >out &&
	grep -q "^luot [0-9]" out
'

test_expect_success '--help lists the commands' '
	"$LUOT" --help >out &&
	for c in import list show stats help; do grep -q "^  $c " out || fail "no $c"; done
'

test_expect_success 'help COMMAND and COMMAND --help agree' '
	"$LUOT" help import >a &&
	"$LUOT" import --help >b &&
	test_cmp a b &&
	grep -q -- "--max-size" a
'

test_expect_success 'unknown command: one line, status 2' '
	st=0; "$LUOT" frobnicate >out 2>err || st=$?
	test "$st" = 2 &&
	grep -q "no such command: frobnicate" err &&
	test ! -s out
'

test_expect_success 'bad option of a command: status 2 and a hint' '
	st=0; "$LUOT" list --bogus 2>err || st=$?
	test "$st" = 2 && grep -q "luot help list" err
'

test_expect_success 'import without paths is a usage error' '
	st=0; "$LUOT" import 2>err || st=$?
	test "$st" = 2 && grep -q "nothing to import" err
'

test_expect_success 'show wants a positive id' '
	st=0; "$LUOT" --db x.db show abc 2>err || st=$?
	test "$st" = 2 && grep -q "positive number" err
'

test_expect_success 'show of a missing article: status 1, one line' '
	st=0; "$LUOT" --db x.db show 42 >out 2>err || st=$?
	test "$st" = 1 && test "$(count_lines err)" = 1 && grep -q "no article with id 42" err
'

test_expect_success 'default database under XDG_DATA_HOME' '
	"$LUOT" list >out &&
	test -f "$XDG_DATA_HOME/luot/luot.db" &&
	test ! -s out
'

test_expect_success 'fallback to ~/.local/share without XDG_DATA_HOME' '
	(unset XDG_DATA_HOME; "$LUOT" list) &&
	test -f "$HOME/.local/share/luot/luot.db"
'

test_expect_success 'LUOT_DB overrides the default, --db overrides LUOT_DB' '
	LUOT_DB="$T/env.db" "$LUOT" list &&
	test -f "$T/env.db" &&
	LUOT_DB="$T/env.db" "$LUOT" --db "$T/opt.db" list &&
	test -f "$T/opt.db"
'

test_expect_success '--db after the command works too' '
	"$LUOT" list --db "$T/after.db" &&
	test -f "$T/after.db" &&
	"$LUOT" import "$TESTDATA/import/glued.txt" --db "$T/after.db" >out &&
	grep -q "^imported 1," out &&
	"$LUOT" stats --db "$T/after.db" | grep -q "Articles: *1"
'

test_expect_success 'option errors name the command' '
	st=0; "$LUOT" import --nope x 2>err || st=$?
	test "$st" = 2 && grep -q "^luot import: unrecognized option" err
'

test_expect_success 'database in a missing folder: one-line error' '
	st=0; "$LUOT" --db /nonexistent/dir/x.db list 2>err || st=$?
	test "$st" = 1 && test "$(count_lines err)" = 1 && grep -q "/nonexistent/dir/x.db" err
'

test_expect_success 'a newer schema is refused, not touched' '
	sqlite3 new.db "CREATE TABLE t(x); PRAGMA user_version = 99;" &&
	st=0; "$LUOT" --db new.db list 2>err || st=$?
	test "$st" = 1 && grep -q "newer" err &&
	test "$(sqlite3 new.db "PRAGMA user_version")" = 99
'

test_expect_success 'stats on an empty database' '
	"$LUOT" --db e.db stats >out &&
	grep -q "Articles: *0" out &&
	"$LUOT" --db e.db stats --json >j &&
	grep -q "\"articles\":0" j
'

test_done
