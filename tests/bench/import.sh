#!/bin/sh
# import.sh: time luot import on synthetic articles (tests/bench/gen.awk).
#
#   tests/bench/import.sh [N]...      default: 10000 100000
#
# Generated corpora are kept in $BENCH_DIR (default /tmp/luot-bench) and
# reused; each run imports into a fresh database and prints articles/s.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
luot=${LUOT:-$top/src/luot}
bench=${BENCH_DIR:-/tmp/luot-bench}
export LUOT_DATADIR=${LUOT_DATADIR:-$top/data}
[ $# -gt 0 ] || set -- 10000 100000
mkdir -p "$bench"

now() { date +%s.%N; }

for n in "$@"; do
	corpus="$bench/corpus-$n"
	if [ ! -f "$corpus/.done" ]; then
		rm -rf "$corpus"
		mkdir -p "$corpus"
		awk -v n="$n" -v dir="$corpus" -v seed=42 -f "$here/gen.awk"
		: >"$corpus/.done"
	fi
	bytes=$(du -sb "$corpus" | cut -f1)
	db="$bench/bench-$n.db"
	rm -f "$db" "$db-wal" "$db-shm"
	t0=$(now)
	"$luot" --db "$db" import -q "$corpus" >"$bench/out-$n"
	t1=$(now)
	imported=$(sed -n 's/^imported \([0-9]*\),.*/\1/p' "$bench/out-$n")
	awk -v n="$n" -v i="$imported" -v a="$t0" -v b="$t1" -v mb="$bytes" 'BEGIN {
		s = b - a
		printf "import %7d files: %7d articles in %6.2f s = %8.0f articles/s (%.1f MB/s)\n",
		    n, i, s, i / s, mb / s / 1e6
	}'
	# Importing again finds only duplicates: the cost of a re-scan.
	t0=$(now)
	"$luot" --db "$db" import -q "$corpus" >/dev/null
	t1=$(now)
	awk -v n="$n" -v a="$t0" -v b="$t1" 'BEGIN {
		printf "re-import %5d files (all duplicates) in %6.2f s = %8.0f files/s\n", n, b - a, n / (b - a)
	}'
done
