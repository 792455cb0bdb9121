#!/bin/sh
# stories.sh: what keeping stories costs an import (issue 25), and how well
# the grouping does on the labelled pairs of the real crawl.
#
#   tests/bench/stories.sh DIR [ROUNDS]
#
# Imports DIR (a folder of articles: the baomoi crawl of crawl.sh, or a
# corpus of gen.awk) ROUNDS times (default 2) into fresh stores, with
# stories and with --no-stories in turn, and prints the median of each and
# the difference; then luot regroup on the store imported without stories
# (signing every article and grouping it), and, when DIR is the crawl,
# story-labels.py's precision and recall.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
luot=${LUOT:-$top/src/luot}
bench=${BENCH_DIR:-/tmp/luot-bench}
export LUOT_DATADIR=${LUOT_DATADIR:-$top/data}
dir=$1
rounds=${2:-2}
mkdir -p "$bench"

now() { date +%s.%N; }

# import OPTION...: seconds for one import of $dir into a fresh store.
import_once() {
	db="$bench/stories.db"
	rm -f "$db" "$db-wal" "$db-shm"
	t0=$(now)
	"$luot" --db "$db" import -q "$@" "$dir" >/dev/null 2>&1 || true
	t1=$(now)
	awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f\n", b - a }'
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

: >"$bench/with" && : >"$bench/without"
i=0
while [ $i -lt "$rounds" ]; do
	import_once >>"$bench/with"
	import_once --no-stories >>"$bench/without"
	i=$((i + 1))
done
with=$(median <"$bench/with")
without=$(median <"$bench/without")
articles=$(sqlite3 "$bench/stories.db" "SELECT count(*) FROM article")
awk -v w="$with" -v o="$without" -v n="$articles" 'BEGIN {
	printf "%d articles: import %.2f s with stories, %.2f s without: +%.1f%%\n",
	    n, w, o, 100 * (w - o) / o
}'
t0=$(now)
"$luot" --db "$bench/stories.db" regroup
t1=$(now)
awk -v a="$t0" -v b="$t1" 'BEGIN { printf "regroup (signing every article): %.2f s\n", b - a }'
sqlite3 "$bench/stories.db" "SELECT 'stored: story_sig ' || (SELECT count(*) FROM story_sig) ||
	' rows, story_band ' || (SELECT count(*) FROM story_band) || ' rows'"
if [ -f "$dir/21395276.txt" ]; then
	python3 "$here/story-labels.py" "$bench/stories.db"
fi
