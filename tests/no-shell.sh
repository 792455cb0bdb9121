#!/bin/sh
# no-shell.sh: article text, titles and paths never reach a shell. The
# programs luot runs (a browser for a URL, a file or a link) get an
# argument vector through posix_spawn, never a command line built for
# system(), popen() or "sh -c", where a title with `$(...)` in it would
# run (newsbeuter's CVE-2017-12904 was that, through a bookmark command).
# The one shell is the command the user types for | (as in mutt): made
# in launch_shell() alone, called from the pipe's answer alone, with the
# article as its input, never in its words. Both the program as linked
# and its source are checked.
. "$TESTLIB"

src=$(cd "$(dirname "$TESTLIB")/../src" && pwd)

test_expect_success 'the program does not link system(), popen() or wordexp()' '
	nm -D --undefined-only "$LUOT" >imports &&
	grep -q " U sqlite3_open_v2" imports &&
	! grep -E " U (system|popen|wordexp)(@|$)" imports
'

test_expect_success 'no source file calls them or builds an "sh -c" command line' '
	! grep -nE "(^|[^_a-z])(system|popen|wordexp) *\(" "$src"/*.c "$src"/*.h &&
	grep -lE "\"(/bin/)?sh\"|\"-c\"" "$src"/*.c >shells || : &&
	test "$(cat shells)" = "$src/launch.c" &&
	awk "/^launch_shell\(/ { f = 1 } f && /^}/ { f = 0 } !f && /\"(\/bin\/)?sh\"|\"-c\"/" \
		"$src/launch.c" >outside &&
	test ! -s outside
'

test_expect_success 'the one shell runs what the user typed for |, nothing of an article' '
	grep -n "launch_shell(" "$src"/*.c | grep -v "^$src/launch.c:" >calls &&
	test "$(wc -l <calls)" = 1 &&
	grep -q "handoff.c:.*launch_shell(cmd, &argv)" calls &&
	sed -n "/^piped(/,/^}/p" "$src/handoff.c" | grep -q "cmd = typed_path(answer)"
'

test_done
