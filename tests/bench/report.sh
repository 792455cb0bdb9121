#!/bin/sh
# report.sh: the benchmark report of issue 9, on one synthetic corpus.
#
#   tests/bench/report.sh [N]...          default: 10000
#
# For each size N:
#   1. search-bench writes N article pages once; they are kept in
#      $BENCH_DIR/files-N (default /tmp/luot-bench) and reused;
#   2. `luot import -q` reads them into a fresh database, timed end to end
#      (extraction, store, index), peak RSS by /usr/bin/time;
#   3. search-bench --imported times the fixed queries on that database
#      against a plain FTS5 table, a LIKE scan and grep over the files;
#   4. ui-bench.sh drives the interface on it.
# Then one markdown table, a column per size, goes to stdout and to
# $BENCH_RESULTS (default tests/bench/results.md); the per-query timings
# go next to it, in results-queries.txt.
#
# With BUSY_N set, busy.sh then measures writes during an import of
# BUSY_N pages (issue 20), a section of its own after the table.
# SEARCH_BENCH and LUOT name the programs (default: this build's).
# REPORT_ONLY=1 makes the table again from the figures of the last run
# (the values-N files in $BENCH_DIR), measuring nothing.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
luot=${LUOT:-$top/src/luot}
sb=${SEARCH_BENCH:-$top/tests/bench/search-bench}
bench=${BENCH_DIR:-/tmp/luot-bench}
results=${BENCH_RESULTS:-$here/results.md}
queries=$(dirname "$results")/results-queries.txt
# Absolute: ui-bench.sh starts luot from tmux's server.
luot=$(cd "$(dirname "$luot")" && pwd)/$(basename "$luot")
export LUOT_DATADIR=${LUOT_DATADIR:-$top/data}
[ $# -gt 0 ] || set -- 10000
mkdir -p "$bench"

now() { date +%s.%N; }

# The build measured: kept with the figures, for REPORT_ONLY.
built() {
	c=$(git -C "$top" rev-parse --short HEAD 2>/dev/null || echo unknown)
	[ -z "$(git -C "$top" status --porcelain --untracked-files=no 2>/dev/null)" ] ||
		c="$c (with local changes)"
	echo "$c"
}

# since T0: seconds from T0 to now.
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }

# corpus N: the page files of size N, written unless a complete set is
# there; prints "gen_s S" (the time it took, or "-" when reused).
corpus() {
	files="$bench/files-$1"
	if [ -f "$files/.done" ]; then
		echo "gen_s -"
		return
	fi
	rm -rf "$files" "$files.tmp"
	t0=$(now)
	"$sb" "$1" --files "$files.tmp"
	mv "$files.tmp" "$files"
	echo "gen_s $(since "$t0")"
}

# measure N: every figure for size N, as "key value" lines.
measure() {
	n=$1
	files="$bench/files-$n"
	db="$bench/import-$n.db"
	corpus "$n"
	echo "luot_commit $(built | tr ' ' '_')"
	sed -n 's/^bytes /input_bytes /p' "$files/.done"

	rm -f "$db" "$db-wal" "$db-shm"
	if [ -x /usr/bin/time ]; then
		t0=$(now)
		/usr/bin/time -f '%M' -o "$bench/rss-$n" "$luot" --db "$db" import -q "$files" \
			>"$bench/import-$n.out"
		echo "import_s $(since "$t0")"
		echo "import_rss_kb $(tail -n 1 "$bench/rss-$n")"
	else
		t0=$(now)
		"$luot" --db "$db" import -q "$files" >"$bench/import-$n.out"
		echo "import_s $(since "$t0")"
		echo "import_rss_kb -"
	fi
	sed -n 's/^imported \([0-9]*\),.*/imported \1/p' "$bench/import-$n.out"
	# luot checkpoints its log when it closes; count one left over anyway.
	size=$(wc -c <"$db")
	[ ! -f "$db-wal" ] || size=$((size + $(wc -c <"$db-wal")))
	echo "db_bytes $size"
	# Pages FTS5's merges freed: the file keeps them for the next import.
	echo "db_free_bytes $(sqlite3 "$db" "SELECT f.freelist_count * p.page_size
		FROM pragma_freelist_count AS f, pragma_page_size AS p")"

	t0=$(now)
	"$sb" --imported "$db" "$bench/plain-$n.db" "$files" >"$bench/queries-$n.txt"
	echo "search_s $(since "$t0")"
	sed -n 's/^= //p' "$bench/queries-$n.txt"

	t0=$(now)
	BENCH_VALUES=1 LUOT="$luot" sh "$here/ui-bench.sh" "$db" >"$bench/ui-$n.txt"
	echo "ui_s $(since "$t0")"
	sed -n 's/^= //p' "$bench/ui-$n.txt"
}

sizes=
for n in "$@"; do
	# REPORT_ONLY=1: the table again from an earlier run's figures.
	if [ -z "${REPORT_ONLY:-}" ]; then
		echo "report: $n articles" >&2
		measure "$n" >"$bench/values-$n"
	fi
	sizes="$sizes $bench/values-$n"
done
# Writes during an import (issue 20), at BUSY_N pages: its own section.
busy=
if [ -n "${BUSY_N:-}" ]; then
	busy="$bench/busy-$BUSY_N.md"
	if [ -z "${REPORT_ONLY:-}" ]; then
		echo "report: writes during an import of $BUSY_N pages" >&2
		LUOT="$luot" SEARCH_BENCH="$sb" BUSY_SECTION="$busy" \
			sh "$here/busy.sh" "$BUSY_N" >&2
	fi
fi

commit=$(sed -n 's/^luot_commit //p' $sizes | head -n 1 | tr '_' ' ')
cpu=$(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)

# The rows: label | cell format | its keys | target | key judged | op | bound.
# Derived keys (per size) are made in the awk program below.
{
	printf '# luot benchmark report\n\n'
	printf '%s, %s cores (%s), SQLite %s, luot %s.\n\n' "$(date -u '+%Y-%m-%d %H:%M UTC')" \
		"$(nproc)" "${cpu:-unknown CPU}" \
		"$(sed -n 's/^sqlite_version //p' $sizes | head -n 1)" "${commit:-$(built)}"
	awk -f "$here/report.awk" $sizes
	cat <<'EOF'

Raw text: the UTF-8 bytes of title, body and captions as luot stored them.
luot ranks with luot_rank (bm25's formula), the plain table with bm25,
both with the same column weights; the plain table (FTS5, `unicode61
remove_diacritics 2`) holds the same text in a database of its own.
LIKE: the newest 50 rows with every word of the query as `LIKE '%word%'`
in title, body or captions, a scan of every row; it folds ASCII case
only and no diacritics, and finds words inside others.
grep: `grep -rilF` with the query as one fixed string (its words adjacent;
case folded, diacritics not; no ranking, no snippets), over the page files
in the page cache. LIKE and grep run the 40 queries made of words only,
once each; the ratios are per query, against luot's first page. Per-query
timings: results-queries.txt. What each row means: README.md.
EOF
	[ -z "$busy" ] || [ ! -f "$busy" ] || cat "$busy"
} >"$results.tmp"
mv "$results.tmp" "$results"
for f in $sizes; do
	n=${f##*values-}
	printf '## %s articles\n' "$n"
	sed '/^= /d' "$bench/queries-$n.txt"
	printf '\n'
done >"$queries"
cat "$results"
