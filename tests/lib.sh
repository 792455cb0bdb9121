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
# LANGUAGE outranks LC_ALL for messages: a tester's own must not make the
# English tests read Vietnamese from an installed catalogue.
unset LANGUAGE
mkdir -p "$HOME"
test_count=0
test_failed=0

# The body runs outside any if, && or ||: inside one, the shell ignores
# set -e, in the subshell too, and a failing command in the middle of a
# body went unnoticed.
test_expect_success() {
	test_count=$((test_count + 1))
	case $- in *e*) set +e; test_errexit=1 ;; *) test_errexit= ;; esac
	(set -e; cd "$T"; eval "$2") >"$T/log" 2>&1
	test_status=$?
	[ -z "$test_errexit" ] || set -e
	if [ "$test_status" -eq 0 ]; then
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

# vi_make: luot in Vietnamese, installing nothing: po/vi.po compiled into
# $T/locale (for LUOT_LOCALEDIR) and the vi_VN.UTF-8 locale compiled into
# $T/loc by localedef, which needs no root (LOCPATH finds it); a system
# that has the locale already uses its own. Sets VI_ENV to the environment
# words that run luot in Vietnamese. Returns 1 with the reason in vi_skip
# when a tool or the locale's source is missing, 2 when making them fails.
vi_make() {
	vi_po="$(cd "$TESTDATA/../.." && pwd)/po/vi.po"
	vi_src=${I18NPATH:-/usr/share/i18n}/locales/vi_VN
	vi_skip=
	if ! command -v msgfmt >/dev/null 2>&1; then
		vi_skip="no msgfmt (GNU gettext tools)"
		return 1
	fi
	mkdir -p "$T/locale/vi/LC_MESSAGES" "$T/loc"
	msgfmt -o "$T/locale/vi/LC_MESSAGES/luot.mo" "$vi_po" || return 2
	VI_ENV="LC_ALL=vi_VN.UTF-8 LUOT_LOCALEDIR=$T/locale"
	if command -v localedef >/dev/null 2>&1 && [ -f "$vi_src" ]; then
		# Status 1 is warnings only: whether the locale loads decides.
		localedef -i vi_VN -f UTF-8 "$T/loc/vi_VN.UTF-8" >"$T/localedef.log" 2>&1
		VI_ENV="LOCPATH=$T/loc $VI_ENV"
	elif ! locale -a 2>/dev/null | grep -qix "vi_VN.utf-\{0,1\}8"; then
		vi_skip="no vi_VN.UTF-8 locale, nor $vi_src to make it (Debian: locales)"
		return 1
	fi
	# Loads whole: locale says so on stderr when a category does not.
	if [ "$(env $VI_ENV locale charmap 2>"$T/locale.err")" != UTF-8 ] ||
	    [ -s "$T/locale.err" ]; then
		echo "the vi_VN.UTF-8 locale does not load" >&2
		cat "$T/locale.err" "$T/localedef.log" >&2 2>/dev/null
		return 2
	fi
}

# vi_setup: vi_make at the start of a script. Without the locale or the
# tools the script is skipped, saying why; failing to make them is a
# failed test, and the script stops there.
vi_setup() {
	vi_make
	vi_rc=$?
	if [ $vi_rc -eq 1 ]; then
		echo "1..0 # SKIP $vi_skip"
		exit 0
	fi
	test_expect_success 'the vi_VN.UTF-8 locale and the catalogue are made' "test $vi_rc -eq 0"
	if [ $vi_rc -ne 0 ]; then
		test_done
		exit 1
	fi
}

# vi_luot ARGS...: luot in Vietnamese (after vi_setup).
vi_luot() {
	env $VI_ENV "$LUOT" "$@"
}

# db_hold DB: sqlite3 takes the write lock of DB (BEGIN EXCLUSIVE) and
# holds it until db_release; returns once no write can get in. Uses fd 3
# and the files lockin and holder.pid in the current folder.
db_hold() {
	rm -f lockin && mkfifo lockin &&
	{ sqlite3 "$1" <lockin >/dev/null & echo $! >holder.pid; } &&
	exec 3>lockin &&
	echo "BEGIN EXCLUSIVE; SELECT count(*) FROM article;" >&3 || return 1
	for i in $(seq 100); do
		sqlite3 -cmd ".timeout 0" "$1" "BEGIN IMMEDIATE; ROLLBACK" 2>/dev/null || return 0
		sleep 0.05
	done
	return 1
}

db_release() {
	echo "COMMIT;" >&3 && exec 3>&- && wait "$(cat holder.pid)"
}

# Fail with a message.
fail() {
	echo "$*" >&2
	return 1
}

# strace, with LeakSanitizer off: it cannot run under ptrace (a
# sanitizer build's luot would fail at exit for that alone).
traced() {
	ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" strace "$@"
}

# httpd_start ROOT VAR: the test suite's web server (tests/httpd) serving
# ROOT on a free port, in the background; its address (http://127.0.0.1:
# PORT) into VAR, its requests logged in "$T/VAR.log". Stopped with the
# test (httpd_stop, run by the callers' EXIT trap).
httpd_start() {
	"$HTTPD" "$T/$2.port" "$1" "$T/$2.log" &
	httpd_pids="${httpd_pids:-} $!"
	i=0
	while [ ! -s "$T/$2.port" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
	eval "$2=http://127.0.0.1:$(cat "$T/$2.port")"
}

httpd_stop() {
	# shellcheck disable=SC2086
	[ -z "${httpd_pids:-}" ] || kill $httpd_pids 2>/dev/null || true
}
