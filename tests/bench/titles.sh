#!/bin/sh
# titles.sh: how many titles, authors and sources luot's extractor gets
# right on gen.awk's page shapes (headlines with dates, bars, abbreviations
# and brand names; breadcrumbs above them; bylines in real forms).
#
#   tests/bench/titles.sh [N]      default: 2000
#
# The corpus, N pages and gen.awk's manifest.tsv (seed 42), is kept in
# $BENCH_DIR/shapes-N (default /tmp/luot-bench) and reused; each run
# imports it into a fresh database and compares what was stored with the
# manifest: the totals line, then the figures and the first 20 wrong titles.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
luot=${LUOT:-$top/src/luot}
bench=${BENCH_DIR:-/tmp/luot-bench}
export LUOT_DATADIR="${LUOT_DATADIR:-$top/data}"
n=${1:-2000}
mkdir -p "$bench"
bench=$(cd "$bench" && pwd)

corpus="$bench/shapes-$n"
if [ ! -f "$corpus/.done" ]; then
	rm -rf "$corpus"
	mkdir -p "$corpus"
	awk -v n="$n" -v dir="$corpus" -v seed=42 -v manifest=1 -f "$here/gen.awk"
	: >"$corpus/.done"
fi
db="$bench/shapes-$n.db"
rm -f "$db" "$db-wal" "$db-shm"
# The manifest is skipped (or imported) along with the pages; a failed
# file makes the status 1, which the figures report rather than stop at.
st=0
"$luot" --db "$db" import -q "$corpus" >"$bench/shapes-out-$n" 2>"$bench/shapes-err-$n" || st=$?
totals=$(grep '^imported ' "$bench/shapes-out-$n" || :)
if [ -z "$totals" ]; then
	echo "titles.sh: no totals from luot import (status $st):" >&2
	cat "$bench/shapes-out-$n" "$bench/shapes-err-$n" >&2
	exit 1
fi
echo "$totals"

tab=$(printf '\t')
sqlite3 -separator "$tab" "$db" "select path, title, author, source from article" |
awk -F "$tab" -v totals="$totals" '
# The manifest first: path relative to the corpus, title, author, source.
FNR == NR { want[$1] = 1; order[++files] = $0; next }
# Then the stored rows: path (as given or absolute), title, author,
# source, keyed by the longest suffix of the path, at a "/", that the
# manifest names.
{
	k = $1
	while (k != "" && !(k in want))
		k = (i = index(k, "/")) ? substr(k, i + 1) : ""
	if (k != "") {
		got[k] = 1
		gt[k] = $2; ga[k] = $3; gs[k] = $4
	}
}
END {
	failed = totals; sub(/.*failed /, "", failed); sub(/[^0-9].*/, "", failed)
	for (j = 1; j <= files; j++) {
		split(order[j], m, "\t")
		f = m[1]
		if (f in got) {
			if (gt[f] == m[2])
				tr++
			else if (nw++ < 20)
				wrong[nw] = f " | " m[2] " | " gt[f]
			if (m[3] != "") {
				na++
				ar += ga[f] == m[3]
			} else if (ga[f] != "")
				extra_a++
			if (m[4] != "") {
				ns++
				sr += gs[f] == m[4]
			}
		} else {
			missing++
			if (nw++ < 20)
				wrong[nw] = f " | " m[2] " | (not stored)"
			na += m[3] != ""
			ns += m[4] != ""
		}
	}
	pc = files ? 100 / files : 0
	printf "files          %7d\n", files
	printf "failed         %7d   (pages not stored: %d)\n", failed, missing
	printf "titles right   %7d   %5.1f %%\n", tr, tr * pc
	printf "authors right  %7d / %d   %5.1f %%   (%d pages got an author where none is expected)\n",
	    ar, na, na ? 100 * ar / na : 0, extra_a
	printf "sources right  %7d / %d   %5.1f %%\n", sr, ns, ns ? 100 * sr / ns : 0
	printf "wrong titles: %d; the first %d (file | expected | got):\n", nw, nw < 20 ? nw : 20
	for (j = 1; j <= nw && j <= 20; j++)
		print wrong[j]
}' "$corpus/manifest.tsv" -
