#!/bin/sh
# ui-wal.sh: a long import while others read. SQLite's WAL grows until a
# checkpoint copies it back, and a checkpoint cannot finish past a reader
# that keeps its snapshot: a reader that never lets go (a statement left
# open by the interface, say) would make the WAL grow with the import.
# luot checkpoints every 4096 pages (64 MiB at 16 KiB) and cuts the file
# back to 64 MiB afterwards, so the WAL should stay under 64 MiB plus one
# batch of articles. An import of 20,000 generated pages writes about
# 200 MB to the WAL: without working checkpoints it would pass the 96 MiB
# checked here, and never shrink.
. "$TESTLIB"
. "$(dirname "$TESTLIB")/ui-lib.sh"

articles=20000
db="$T/w.db"
awk -v n=$articles -v dir="$T/pages" -v seed=7 -f "$(dirname "$TESTLIB")/bench/gen.awk"
"$LUOT" --db "$db" import -q "$LUOT_DATADIR/demo" >/dev/null

# sample_wal: until the file "stop" appears, the largest size of the WAL
# seen and how often it shrank (cut back after a checkpoint), into "wal".
sample_wal() {
	max=0 prev=0 shrank=0
	while [ ! -f stop ]; do
		size=$(stat -c %s "$db-wal" 2>/dev/null || echo 0)
		[ "$size" -gt "$max" ] && max=$size
		[ "$size" -lt "$prev" ] && shrank=$((shrank + 1))
		prev=$size
		sleep 0.05
	done
	echo "$max $shrank" >wal
}

# read_loop NAME ARGS...: run luot ARGS until "stop", its stderr (and a
# failure's status) into NAME.err.
read_loop() {
	name=$1
	shift
	while [ ! -f stop ]; do
		"$LUOT" --db "$db" "$@" >/dev/null 2>>"$name.err" || echo "status $?" >>"$name.err"
	done
}

test_expect_success 'the WAL stays bounded: 20,000 articles imported while the interface and two loops read' '
	ui_start 100 30 --db "$db" &&
	ui_wait "luot: list" &&
	ui_keys / &&
	ui_type "nông dân" &&
	ui_wait "nông dân" || exit 1
	sample_wal &
	read_loop search search "thị trường" &
	read_loop list list -n 50 &
	st=0; "$LUOT" --db "$db" import -q pages >out 2>err || st=$?
	touch stop && wait &&
	test "$st" = 0 && grep -q "^imported $articles," out && test ! -s err &&
	read max shrank <wal &&
	echo "largest WAL $max bytes, cut back $shrank times" &&
	test "$max" -le $((96 * 1024 * 1024)) &&
	test "$shrank" -ge 1 &&
	! grep -v "^luot: .* matches: " search.err &&
	test ! -s list.err &&
	ui_keys Escape &&
	ui_wait "luot: list" &&
	! ui_screen | grep -q "luot: .*db:" &&
	test "$(sqlite3 "$db" "PRAGMA integrity_check")" = ok
'

test_done
