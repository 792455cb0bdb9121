#!/bin/sh
# no-shell.sh: article text, titles and paths never reach a shell. luot
# runs no external command today; whichever comes first (an opener, a
# pager, a browser for a link) must get an argument vector through
# fork/exec or posix_spawn, never a command line built for system(),
# popen() or "sh -c", where a title with `$(...)` in it would run
# (newsbeuter's CVE-2017-12904 was that, through a bookmark command).
# Both the program as linked and its source are checked.
. "$TESTLIB"

src=$(cd "$(dirname "$TESTLIB")/../src" && pwd)

test_expect_success 'the program does not link system(), popen() or wordexp()' '
	nm -D --undefined-only "$LUOT" >imports &&
	grep -q " U sqlite3_open_v2" imports &&
	! grep -E " U (system|popen|wordexp)(@|$)" imports
'

test_expect_success 'no source file calls them or builds an "sh -c" command line' '
	! grep -nE "(^|[^_a-z])(system|popen|wordexp) *\(" "$src"/*.c "$src"/*.h &&
	! grep -nE "\"(/bin/)?sh\"|\"-c\"" "$src"/*.c
'

test_done
