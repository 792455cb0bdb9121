#!/bin/sh
# po-files.sh: every source file that marks strings for translation is in
# po/POTFILES.in, so no message escapes the translators.
. "$TESTLIB"

top=$(cd "$TESTDATA/../.." && pwd)

test_expect_success 'files calling _() or N_() are listed in po/POTFILES.in' '
	(cd "$top" && grep -l "\b_(\|\bN_(" src/*.c src/*.def | sort) >uses &&
	grep -v "^#" "$top/po/POTFILES.in" | sort >listed &&
	test_cmp uses listed
'

test_done
