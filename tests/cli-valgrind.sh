#!/bin/sh
# cli-valgrind.sh: valgrind's memcheck over the command-line paths (import,
# list, show, search, bookmarks, export, the configuration): no error, no
# definite leak. Skipped under the sanitizers, which do the same job and
# cannot run inside valgrind.
. "$TESTLIB"

if ! command -v valgrind >/dev/null 2>&1; then
	echo "1..0 # SKIP no valgrind"
	exit 0
fi
if [ "${LUOT_SANITIZED:-}" = yes ]; then
	echo "1..0 # SKIP built with the sanitizers (they check the same)"
	exit 0
fi

db="$T/v.db"

# vg NAME ARGS...: luot ARGS under memcheck; its report in NAME.vg.
vg() {
	name=$1
	shift
	valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
		--show-leak-kinds=definite --log-file="$T/$name.vg" "$LUOT" "$@"
	st=$?
	if [ "$st" = 99 ] || [ -s "$T/$name.vg" ]; then
		cat "$T/$name.vg"
		return 1
	fi
	return "$st"
}

test_expect_success 'import (worker threads, batches, the index)' '
	vg import --db "$db" import -q "$LUOT_DATADIR/demo" >out
'

test_expect_success 'list, show, stats' '
	vg list --db "$db" list >out &&
	vg listj --db "$db" list --json >out &&
	vg show --db "$db" show 3 >out &&
	vg stats --db "$db" stats >out
'

test_expect_success 'search: words, phrases, prefixes, filters, a Telex suggestion' '
	vg s1 --db "$db" search dan van kheo >out &&
	vg s2 --db "$db" search --json "\"dân vận\" OR lũ*" >out &&
	vg s3 --db "$db" search --sort date "after:2020 -title:hội nuoc" >out &&
	vg s4 --db "$db" search daan vaajn >out 2>&1 || true
	test ! -s "$T/s4.vg"
'

test_expect_success 'bookmarks: add, list, export, remove' '
	vg b1 --db "$db" bookmark add 3 --note "ghi chú" --tag "dân vận" &&
	vg b2 --db "$db" bookmarks --json >out &&
	vg b3 --db "$db" export --bookmarks --format csv -o "$T/out.csv" &&
	vg b4 --db "$db" export --bookmarks --format md >out &&
	vg b5 --db "$db" bookmark rm 3
'

test_expect_success 'configuration: a file with good and bad lines, dumped' '
	printf "theme dark\nbind g g top\nset layout nowhere\ncolor x y\n" >"$T/c" &&
	{ vg conf --config "$T/c" --dump-config >out 2>err; test $? = 1; } &&
	test ! -s "$T/conf.vg"
'

test_done
