#!/bin/sh
# crawl.sh: luot's import on a real crawl of Vietnamese news, as issue 19
# measures it. The crawl is not in the repository (it states no licence):
# bring it with git (github.com/magizbox/scraper) and give its folders.
#
#   tests/bench/crawl.sh DIR...     e.g. scraper/vn_news/data
#
# For each DIR: imports it into a fresh database ($BENCH_DIR, default
# /tmp/luot-bench), prints the import's totals line and how many stored
# titles equal the file's first non-blank line (spaces squeezed,
# zero-width characters removed, as luot cleans text), then the first 20
# that do not, and how many articles have an author and a source.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
luot=${LUOT:-$top/src/luot}
bench=${BENCH_DIR:-/tmp/luot-bench}
export LUOT_DATADIR="${LUOT_DATADIR:-$top/data}"
[ $# -gt 0 ] || { echo "usage: $0 DIR..." >&2; exit 2; }
mkdir -p "$bench"

for dir in "$@"; do
	name=$(basename "$dir")
	db="$bench/crawl-$name.db"
	rm -f "$db" "$db-wal" "$db-shm"
	st=0
	"$luot" --db "$db" import -q "$dir" >"$bench/crawl-$name.out" 2>"$bench/crawl-$name.err" || st=$?
	echo "== $dir (import status $st)"
	grep '^imported ' "$bench/crawl-$name.out"
	# path TAB title; titles hold no tab or newline (luot squeezes them).
	sqlite3 -separator '	' "$db" "SELECT path, title FROM article" | awk -F'\t' '
	function clean(s) {
		gsub(/\342\200[\213\214\215]|\357\273\277|\302\255|\342\201\240/, "", s)
		gsub(/[ \t\r]+/, " ", s)
		sub(/^ /, "", s)
		sub(/ $/, "", s)
		return s
	}
	{
		first = ""
		while ((getline line < $1) > 0) {
			line = clean(line)
			if (line != "") {
				first = line
				break
			}
		}
		close($1)
		n++
		if (first == $2)
			same++
		else if (shown++ < 20)
			printf "  %s\n    first line: %s\n    title:      %s\n", $1, first, $2
	}
	END {
		printf "titles equal to the first line: %d of %d (%.3f %%)\n", same, n,
		    n ? 100 * same / n : 0
	}'
	sqlite3 "$db" "SELECT 'authors ' || sum(author IS NOT NULL) || ', sources ' ||
	    sum(source IS NOT NULL) || ' of ' || count(*) FROM article"
done
