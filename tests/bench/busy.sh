#!/bin/sh
# busy.sh [N]: issue 20's figure for writes during an import. Imports the
# report's N pages (default 100000; $BENCH_DIR/files-N, made by
# search-bench as report.sh does) while 1,000 edits run from the command
# line and 200 from the interface (tests/ui-busy.sh, which make check
# runs at 20,000 pages and 300 edits); prints the figures. Run from the
# build tree after make check's programs are built: make bench-busy.
set -eu
n=${1:-100000}
top=$(cd "$(dirname "$0")/../.." && pwd)
build=${BUILD:-$top}
bench=${BENCH_DIR:-/tmp/luot-bench}
files="$bench/files-$n"
if [ ! -f "$files/.done" ]; then
	mkdir -p "$bench"
	rm -rf "$files.tmp"
	"$build/tests/bench/search-bench" "$n" --files "$files.tmp"
	mv "$files.tmp" "$files"
fi
out=$(mktemp)
LUOT="$build/src/luot" LUOT_EXT="$build/src/luot" LUOT_DATADIR="$top/data" \
TESTDATA="$top/tests/data" TESTLIB="$top/tests/lib.sh" LC_ALL=C.UTF-8 \
BUSY_PAGES="$files" BUSY_CLI_EDITS=1000 BUSY_FIGURES="$out" \
	sh "$top/tests/ui-busy.sh" | grep -v "^ok\|^1\.\." || true
echo "== writes during an import of $n pages ($(git -C "$top" rev-parse --short HEAD 2>/dev/null || echo '?'))"
cat "$out"
rm -f "$out"
