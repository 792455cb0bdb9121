#!/bin/sh
# report.sh: the benchmark report of issue 9, on one synthetic corpus,
# and issue 22's figures on a corpus of real text when a crawl is given.
#
#   tests/bench/report.sh [--crawl DIR] [N]...          default: 10000
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
# With --crawl DIR (or CRAWL_DIR=DIR), a folder of the baomoi.com crawl
# (crawl.sh), each size is also made of the crawl's headlines and
# sentences (`search-bench N --files $BENCH_DIR/files-real-N --from DIR`),
# imported and searched as in 2 and 3, without LIKE, grep and the
# interface; a second table puts its figures next to the generated
# corpus's, and lists the queries whose first page took 50 ms or more.
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
crawl=${CRAWL_DIR:-}
if [ "${1:-}" = --crawl ]; then
	[ $# -ge 2 ] || { echo "usage: $0 [--crawl DIR] [N]..." >&2; exit 2; }
	crawl=$2
	shift 2
fi
[ -z "$crawl" ] || [ -d "$crawl" ] || { echo "report: no crawl folder $crawl" >&2; exit 2; }
[ $# -gt 0 ] || set -- 10000
ns=$*
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

# corpus N FILES [CRAWL]: the page files of size N in FILES, made of
# CRAWL's text when given, written unless a complete set is there; prints
# "gen_s S" (the time it took, or "-" when reused).
corpus() {
	if [ -f "$2/.done" ]; then
		echo "gen_s -"
		return
	fi
	rm -rf "$2" "$2.tmp"
	t0=$(now)
	"$sb" "$1" --files "$2.tmp" ${3:+--from "$3"}
	mv "$2.tmp" "$2"
	echo "gen_s $(since "$t0")"
}

# measure N [CRAWL]: every figure for size N, as "key value" lines; with
# CRAWL, of the real-text corpus (its files and databases named real-N).
measure() {
	n=$1
	name=$n
	[ $# -lt 2 ] || name=real-$n
	files="$bench/files-$name"
	db="$bench/import-$name.db"
	corpus "$n" "$files" ${2:+"$2"}
	echo "size $n"
	if [ $# -lt 2 ]; then echo "corpus generated"; else echo "corpus real"; fi
	echo "luot_commit $(built | tr ' ' '_')"
	sed -n 's/^bytes /input_bytes /p' "$files/.done"

	rm -f "$db" "$db-wal" "$db-shm"
	if [ -x /usr/bin/time ]; then
		t0=$(now)
		/usr/bin/time -f '%M' -o "$bench/rss-$name" "$luot" --db "$db" import -q "$files" \
			>"$bench/import-$name.out"
		echo "import_s $(since "$t0")"
		echo "import_rss_kb $(tail -n 1 "$bench/rss-$name")"
	else
		t0=$(now)
		"$luot" --db "$db" import -q "$files" >"$bench/import-$name.out"
		echo "import_s $(since "$t0")"
		echo "import_rss_kb -"
	fi
	sed -n 's/^imported \([0-9]*\),.*/imported \1/p' "$bench/import-$name.out"
	# luot checkpoints its log when it closes; count one left over anyway.
	size=$(wc -c <"$db")
	[ ! -f "$db-wal" ] || size=$((size + $(wc -c <"$db-wal")))
	echo "db_bytes $size"
	# Pages FTS5's merges freed: the file keeps them for the next import.
	echo "db_free_bytes $(sqlite3 "$db" "SELECT f.freelist_count * p.page_size
		FROM pragma_freelist_count AS f, pragma_page_size AS p")"

	t0=$(now)
	if [ $# -lt 2 ]; then
		"$sb" --imported "$db" "$bench/plain-$name.db" "$files" >"$bench/queries-$name.txt"
	else
		"$sb" --imported "$db" "$bench/plain-$name.db" --no-scans >"$bench/queries-$name.txt"
	fi
	# Made again by every run; at 1M it takes 8 GB.
	rm -f "$bench/plain-$name.db" "$bench/plain-$name.db-wal" "$bench/plain-$name.db-journal"
	echo "search_s $(since "$t0")"
	sed -n 's/^= //p' "$bench/queries-$name.txt"
	[ $# -lt 2 ] || return 0

	t0=$(now)
	BENCH_VALUES=1 LUOT="$luot" sh "$here/ui-bench.sh" "$db" >"$bench/ui-$n.txt"
	echo "ui_s $(since "$t0")"
	sed -n 's/^= //p' "$bench/ui-$n.txt"
}

sizes=
reals=
pairs=
for n in "$@"; do
	# REPORT_ONLY=1: the table again from an earlier run's figures.
	if [ -z "${REPORT_ONLY:-}" ]; then
		echo "report: $n articles" >&2
		measure "$n" >"$bench/values-$n"
		if [ -n "$crawl" ]; then
			echo "report: $n articles of real text" >&2
			measure "$n" "$crawl" >"$bench/values-real-$n"
		fi
	fi
	sizes="$sizes $bench/values-$n"
	if [ -n "$crawl" ]; then
		reals="$reals $bench/values-real-$n"
		pairs="$pairs $bench/values-$n $bench/values-real-$n"
	fi
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

# size N: 100000 as 100k, 1000000 as 1M.
size() {
	awk -v n="$1" 'BEGIN { if (n % 1000000 == 0) n = n / 1000000 "M"
		else if (n % 1000 == 0) n = n / 1000 "k"; print n }'
}

# slow N: the queries whose first page, ranked or newest first, took 50 ms
# or more on the real text at size N, slowest first, as table rows. A line
# of search-bench's table ends in 11 figures; the query is what is before.
slow() {
	awk -v n="$(size "$1")" '/^query / { on = 1; next } on && NF > 11 {
		q = $1
		for (i = 2; i <= NF - 11; i++)
			q = q " " $i
		page = $(NF - 10); date = $(NF - 8)
		if (page >= 50 || date >= 50)
			printf "%.1f\t| `%s` | %s | %.1f | %.1f | %.1f | %s | %s |\n", \
			    (page > date ? page : date), q, n, page, date, $(NF - 9), ($NF ? "yes" : "no"), $(NF - 1)
	}' "$bench/queries-real-$1.txt" | sort -t '	' -k 1,1nr | cut -f 2
}

# real_section: the real-text table, then its slow queries at each size.
real_section() {
	printf '\n## Real text (issue 22)\n\n'
	printf 'Articles made of the headlines and sentences of %s\n' "$(basename "$(dirname "$crawl")")/$(basename "$crawl")"
	printf '(%s of its articles; `search-bench --from`), beside the generated corpus.\n\n' \
		"$(sed -n 's/^crawl_articles //p' "$bench/files-real-${ns%% *}/.done" 2>/dev/null)"
	awk -v table=real -f "$here/report.awk" $pairs
	printf '\nQueries whose first page took 50 ms or more on the real text\n'
	printf '(ms, best of 3; *bands*: more hits than the ranking window; matches: every hit):\n\n'
	printf '| query | size | ranked | newest first | every hit ranked | bands | matches |\n'
	printf '|---|---|---|---|---|---|---|\n'
	for n in $ns; do
		slow "$n"
	done
}

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
in the page cache. LIKE and grep run the queries made of words only (their
count in brackets), once each; the ratios are per query, against luot's first page. Per-query
timings: results-queries.txt. What each row means: README.md.
EOF
	[ -z "$pairs" ] || real_section
	[ -z "$busy" ] || [ ! -f "$busy" ] || cat "$busy"
} >"$results.tmp"
mv "$results.tmp" "$results"
for f in $sizes $reals; do
	name=${f##*values-}
	case $name in
	real-*) printf '## %s articles of real text\n' "${name#real-}" ;;
	*) printf '## %s articles\n' "$name" ;;
	esac
	sed '/^= /d' "$bench/queries-$name.txt"
	printf '\n'
done >"$queries"
cat "$results"
