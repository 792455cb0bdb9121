#!/bin/sh
# harness.sh: lib.sh itself. A test body runs with set -e in force, so a
# command failing in the middle of a body fails the test.
. "$TESTLIB"

# inner BODY: test_expect_success run on BODY in a scratch folder of its
# own, printing its TAP line.
inner() {
	(T="$T/inner" && mkdir -p "$T" && test_count=0 && test_failed=0 &&
		test_expect_success inner "$1")
}

test_expect_success 'a command failing midway fails the test' '
	test "$(inner "false
		true" | head -n 1)" = "not ok 1 - inner"
'

test_expect_success 'a body of passing commands passes' '
	test "$(inner "true
		test 1 = 1")" = "ok 1 - inner"
'

test_expect_success 'a command expected to fail, with !, does not stop it' '
	test "$(inner "! false
		true")" = "ok 1 - inner"
'

test_done
