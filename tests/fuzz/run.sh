#!/bin/sh
# run.sh SRCDIR TARGET...: build each libFuzzer harness fuzz-TARGET.c with
# clang (coverage, ASan, UBSan) over luot's sources, run it for
# $FUZZ_SECONDS from the seeds in seed-TARGET/, and print its executions.
# A crash stops the run with status 1 and leaves its input as
# crash-TARGET-* in the build's tests/fuzz/: make it a regression test.
# The environment gives FUZZ_CC, FUZZ_CFLAGS, FUZZ_LIBS, FUZZ_SOURCES.
set -u
src=$1
shift
out=tests/fuzz
mkdir -p "$out"
status=0
for t in "$@"; do
	sources=""
	for f in $FUZZ_SOURCES; do
		sources="$sources $src/$f"
	done
	# shellcheck disable=SC2086
	$FUZZ_CC -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
		-I. -I"$src/src" -DLOCALEDIR='"/nonexistent"' -DPKGDATADIR='"/nonexistent"' \
		-DSRCDATADIR="\"$src/data\"" -DBUILDLOCALEDIR='"/nonexistent"' \
		-DFUZZ_DATADIR="\"$src/data\"" $FUZZ_CFLAGS \
		"$src/tests/fuzz/fuzz-$t.c" $sources $FUZZ_LIBS -o "$out/fuzz-$t" || exit 1
	# New inputs go to a scratch folder: the seeds in the tree stay as
	# they are.
	work=$(mktemp -d)
	# The web pages' seeds are the test suite's pages.
	case $t in
	html) cp "$src/tests/data/html/"* "$work/" ;;
	*) cp "$src/tests/fuzz/seed-$t/"* "$work/" ;;
	esac
	# Inputs no longer than each kind needs: a page of text for the
	# extractor, a line or two for the others. Longer ones only slow
	# every run down (the extractor ran at 1-2 thousand a second at 64 KiB).
	case $t in
	extract | html) max_len=16384 ;;
	query) max_len=512 ;;
	*) max_len=4096 ;;
	esac
	ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS="suppressions=$src/tests/lsan.supp:print_suppressions=0" "$out/fuzz-$t" -max_total_time="$FUZZ_SECONDS" \
		-print_final_stats=1 -max_len=$max_len -artifact_prefix="$out/crash-$t-" \
		"$work" >"$out/fuzz-$t.log" 2>&1
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/fuzz-$t.log")
	echo "fuzz-$t: ${execs:-0} executions in ${FUZZ_SECONDS}s, exit $rc"
	if [ "$rc" -ne 0 ]; then
		grep -A20 "ERROR\|==ERROR" "$out/fuzz-$t.log" | head -40
		status=1
	fi
	rm -rf "$work"
done
exit $status
