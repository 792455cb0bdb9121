#!/bin/bash
# first-page.sh DB [FILTER...]: the first page of every fixed query
# (search-bench --list-queries) on an existing database, as a reader at
# the command line gets it: `luot search --limit 20`, ranked and newest
# first, best of 3 runs of each, timed two ways from before the exec:
# until the page is out (luot's trace says when: "page-at", trace.h),
# and the whole command (start, the page, the count for the note and the
# suggestion after it, exit). Prints the slowest queries and lines per
# sort:
#   ranked, page out: n 144, p50 12.3 ms, p99 45.6 ms, max 78.9 ms (query)
# Each FILTER (e.g. "is:bookmarked", "after:2020") is put before every
# query for a second set of lines: filters must be as fast.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
luot=${LUOT:-$top/src/luot}
bench=${SEARCH_BENCH:-$top/tests/bench/search-bench}
[ $# -ge 1 ] || { echo "usage: $0 DB [FILTER...]" >&2; exit 2; }
db=$1
shift
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bench" --list-queries >"$tmp/queries"

# run SORT PREFIX: "page-us<TAB>whole-us<TAB>query" per query, each the
# best of 3; timed with bash's EPOCHREALTIME (the wall clock, as luot's
# "page-at"), not date(1), whose own start was in every figure.
run() {
	while IFS= read -r q; do
		page= whole=
		for i in 1 2 3; do
			rm -f "$tmp/trace"
			t0=${EPOCHREALTIME/[.,]/}
			LUOT_UI_TRACE=$tmp/trace "$luot" --db "$db" search --sort "$1" --limit 20 \
			    -- "$2$q" >/dev/null 2>&1 || true
			t=$(( ${EPOCHREALTIME/[.,]/} - t0 ))
			at=$(sed -n 's/^page-at //p' "$tmp/trace" 2>/dev/null)
			p=$t
			[ -z "$at" ] || p=$(( ${at/./} - t0 ))
			if [ -z "$whole" ] || [ "$t" -lt "$whole" ]; then whole=$t; fi
			if [ -z "$page" ] || [ "$p" -lt "$page" ]; then page=$p; fi
		done
		printf '%s\t%s\t%s\n' "$page" "$whole" "$2$q"
	done <"$tmp/queries"
}

report() {	# LABEL FILE COLUMN
	cut -f "$3,3" "$2" | sort -n | awk -F '\t' -v label="$1" '
		{ t[NR] = $1 / 1000; q[NR] = $2 }
		END {
			p50 = t[int((NR - 1) * 0.5) + 1]; p99 = t[int((NR - 1) * 0.99) + 1]
			printf "%s: n %d, p50 %.1f ms, p99 %.1f ms, max %.1f ms (%s)\n",
			    label, NR, p50, p99, t[NR], q[NR]
		}'
	cut -f "$3,3" "$2" | sort -rn | head -5 |
	    awk -F '\t' '{ printf "    %8.1f ms  %s\n", $1 / 1000, $2 }'
}

for prefix in "" "$@"; do
	[ -z "$prefix" ] || prefix="$prefix "
	run rank "$prefix" >"$tmp/rank"
	run date "$prefix" >"$tmp/date"
	report "${prefix}ranked, page out" "$tmp/rank" 1
	report "${prefix}ranked, whole command" "$tmp/rank" 2
	report "${prefix}newest first, page out" "$tmp/date" 1
	report "${prefix}newest first, whole command" "$tmp/date" 2
done
