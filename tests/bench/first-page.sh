#!/bin/bash
# first-page.sh DB [FILTER...]: the first page of every fixed query
# (search-bench --list-queries) on an existing database, as a reader at
# the command line gets it: `luot search --limit 20`, ranked and newest
# first, whole process (start, the count for the note, exit), best of 3
# runs of each. Prints the slowest queries and a line per sort:
#   ranked: n 144, p50 12.3 ms, p99 45.6 ms, max 78.9 ms (query)
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

# run SORT PREFIX: "microseconds<TAB>query" per query, best of 3; timed
# with bash's EPOCHREALTIME, not date(1), whose own start was in every
# figure.
run() {
	while IFS= read -r q; do
		best=
		for i in 1 2 3; do
			t0=${EPOCHREALTIME/[.,]/}
			"$luot" --db "$db" search --sort "$1" --limit 20 -- "$2$q" \
			    >/dev/null 2>&1 || true
			t=$(( ${EPOCHREALTIME/[.,]/} - t0 ))
			if [ -z "$best" ] || [ "$t" -lt "$best" ]; then best=$t; fi
		done
		printf '%s\t%s\n' "$best" "$2$q"
	done <"$tmp/queries"
}

report() {	# LABEL FILE
	sort -n "$2" | awk -F '\t' -v label="$1" '
		{ t[NR] = $1 / 1000; q[NR] = $2 }
		END {
			p50 = t[int((NR - 1) * 0.5) + 1]; p99 = t[int((NR - 1) * 0.99) + 1]
			printf "%s: n %d, p50 %.1f ms, p99 %.1f ms, max %.1f ms (%s)\n",
			    label, NR, p50, p99, t[NR], q[NR]
		}'
	sort -rn "$2" | head -5 | awk -F '\t' '{ printf "    %8.1f ms  %s\n", $1 / 1000, $2 }'
}

for prefix in "" "$@"; do
	[ -z "$prefix" ] || prefix="$prefix "
	run rank "$prefix" >"$tmp/rank"
	run date "$prefix" >"$tmp/date"
	report "${prefix}ranked" "$tmp/rank"
	report "${prefix}newest first" "$tmp/date"
done
