#!/bin/sh
# busy.sh [N]: issue 20's figure for writes during an import. Imports the
# report's N pages (default 100000; $BENCH_DIR/files-N, made by
# search-bench as report.sh does) while 1,000 edits run from the command
# line and 200 from the interface (tests/ui-busy.sh, which make check
# runs at 20,000 pages and 300 edits); prints the figures, and with
# BUSY_SECTION set writes them to that file as a section of the report,
# the targets marked. make bench runs it after the report (report.sh,
# BUSY_N); make bench-busy alone. LUOT and SEARCH_BENCH name the
# programs (default: those of the build tree BUILD, else this tree).
set -eu
n=${1:-100000}
top=$(cd "$(dirname "$0")/../.." && pwd)
build=${BUILD:-$top}
luot=${LUOT:-$build/src/luot}
sb=${SEARCH_BENCH:-$build/tests/bench/search-bench}
bench=${BENCH_DIR:-/tmp/luot-bench}
files="$bench/files-$n"
if [ ! -f "$files/.done" ]; then
	mkdir -p "$bench"
	rm -rf "$files.tmp"
	"$sb" "$n" --files "$files.tmp"
	mv "$files.tmp" "$files"
fi
out=$(mktemp)
tap=$(mktemp)
LUOT="$luot" LUOT_EXT="$luot" LUOT_DATADIR="$top/data" \
TESTDATA="$top/tests/data" TESTLIB="$top/tests/lib.sh" LC_ALL=C.UTF-8 \
BUSY_PAGES="$files" BUSY_CLI_EDITS=1000 BUSY_FIGURES="$out" \
	sh "$top/tests/ui-busy.sh" >"$tap" || true
grep -v "^ok\|^1\.\." "$tap" || true
commit=$(git -C "$top" rev-parse --short HEAD 2>/dev/null || echo '?')
echo "== writes during an import of $n pages ($commit)"
cat "$out"

# The section: the figures ui-busy.sh wrote, against issue 20's targets.
if [ -n "${BUSY_SECTION:-}" ]; then
	checks=failed
	grep -q "^ok 1 " "$tap" && checks=passed
	awk -v n="$n" -v commit="$commit" -v checks="$checks" '
	function mark(ok) { return ok ? "✓" : "✗" }
	/^imported / { import = $0; sub(/, duplicates.* in /, " in ", import) }
	/command-line edits:/ {
		cli = $1; med = $5; p99 = $8; max = $11
	}
	/interface keys, slowest:/ { keys = $1; key = $5; slow = $6 }
	END {
		printf "\n## Writes during an import of %d pages (busy.sh, luot %s)\n\n", n, commit
		printf "| figure | value | target (issue 20) |\n|---|---|---|\n"
		printf "| the import, during the edits | %s |  |\n", import
		printf "| %s command-line edits: median / p99 / max wait | %d / %d / %d ms | p99 ≤ 1 s %s |\n",
			cli, med, p99, max, mark(p99 != "" && p99 <= 1000)
		printf "| interface keys (%s), the slowest | %s %.1f ms | ≤ 100 ms %s |\n",
			keys, key, slow, mark(slow != "" && slow <= 100)
		printf "| ui-busy.sh at this size: every edit lands, the import is whole, the bounds | %s | %s |\n",
			checks, mark(checks == "passed")
	}' "$out" >"$BUSY_SECTION"
fi
rm -f "$out" "$tap"
