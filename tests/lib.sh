# lib.sh: TAP helpers for the shell tests, in the style of git's t/.
#
# Each test script sources this file, then calls
#   test_expect_success 'name' 'shell commands'
# and ends with test_done. Commands run in a subshell with set -e; their
# output goes to a log that is shown (as TAP comments) only on failure.
# Every script gets a private HOME, XDG dirs and scratch folder $T.

set -u
: "${LUOT:?LUOT must name the luot binary}"
: "${TESTDATA:?TESTDATA must name tests/data}"
T=$(mktemp -d "${TMPDIR:-/tmp}/luot-test.XXXXXX")
trap 'rm -rf "$T"' EXIT
HOME="$T/home"
XDG_DATA_HOME="$T/data"
XDG_CONFIG_HOME="$T/config"
export HOME XDG_DATA_HOME XDG_CONFIG_HOME
unset LUOT_DB
mkdir -p "$HOME"
test_count=0
test_failed=0

test_expect_success() {
	test_count=$((test_count + 1))
	if (set -e; cd "$T"; eval "$2") >"$T/log" 2>&1; then
		echo "ok $test_count - $1"
	else
		echo "not ok $test_count - $1"
		sed 's/^/#   /' "$T/log"
		test_failed=$((test_failed + 1))
	fi
}

test_skip() {
	test_count=$((test_count + 1))
	echo "ok $test_count - $1 # SKIP $2"
}

test_done() {
	echo "1..$test_count"
	[ "$test_failed" -eq 0 ]
}

# test_cmp EXPECTED ACTUAL: files must be equal; shows the diff otherwise.
test_cmp() {
	diff -u "$1" "$2"
}

# Print the number of lines of a file (no leading spaces).
count_lines() {
	wc -l <"$1" | tr -d ' '
}

# sqlite3 with luot's extension loaded (tokenizer, luot_unzip): the view
# article_text shows bodies as text.
sql() {
	db=$1
	shift
	sqlite3 -cmd ".load ${LUOT_EXT:?}" "$db" "$@"
}

# Fail with a message.
fail() {
	echo "$*" >&2
	return 1
}
