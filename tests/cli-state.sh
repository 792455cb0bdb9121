#!/bin/sh
# cli-state.sh: changes of reading state are atomic and durable, and
# opening one database from several luots at once is safe: luots racing to
# make a new database, an odd schema version, a write error injected at
# every write of a bookmark (note, tags) and of a read mark of several
# articles, and the log synced when a state change returns.
. "$TESTLIB"

db="$T/s.db"
"$LUOT" --db "$db" import -q "$LUOT_DATADIR/demo" >/dev/null
cp "$db" "$T/template.db"
ids=$("$LUOT" --db "$db" list | awk 'NR >= 2 && NR <= 4 { printf "%s ", $1 }')
id=${ids%% *}

test_expect_success 'four luots opening one new database at once all succeed' '
	for round in 1 2 3 4 5 6 7 8 9 10; do
		rm -f new.db new.db-wal new.db-shm
		for j in 1 2 3 4; do
			"$LUOT" --db new.db stats >/dev/null 2>err$j &
		done
		wait
		cat err1 err2 err3 err4 >errs
		test ! -s errs || { cat errs; exit 1; }
	done &&
	"$LUOT" --db new.db check >out && grep -qx ok out
'

test_expect_success 'a user_version luot never writes is named in the message' '
	cp "$T/template.db" odd.db &&
	sqlite3 odd.db "PRAGMA user_version = -3" &&
	! "$LUOT" --db odd.db stats 2>err &&
	test "$(count_lines err)" = 1 &&
	grep -q "odd.db: its schema version (PRAGMA user_version) is -3" err &&
	sqlite3 odd.db "PRAGMA user_version = 4000000" &&
	! "$LUOT" --db odd.db list 2>err &&
	grep -q "is 4000000, which no luot writes" err
'

# state DB: the bookmark row of article $id as "bookmarked|note|tags".
state() {
	sqlite3 "$1" "SELECT s.bookmarked IS NOT NULL, coalesce(s.note, '-'),
		(SELECT count(*) FROM state_tag t WHERE t.hash = a.hash)
		FROM article a LEFT JOIN state s ON s.hash = a.hash WHERE a.id = $id"
}

# inject_each NAME EXPECT_NONE EXPECT_ALL CHECK COMMAND...: runs COMMAND on
# a fresh copy of the template once for each of its writes, with that
# write failing (ENOSPC); after each, CHECK (a function of the database)
# must print EXPECT_NONE or EXPECT_ALL, and EXPECT_ALL only when the
# command succeeded. Fails unless some runs failed and one ran clean.
inject_each() {
	check=$1 none=$2 all=$3
	shift 3
	cp "$T/template.db" w.db
	traced -f -o trace -e trace=pwrite64 "$@" || return 1
	writes=$(grep -c "pwrite64(" trace)
	test "$writes" -gt 2 || return 1
	failed=0 n=1
	while [ "$n" -le "$writes" ]; do
		rm -f w.db-wal w.db-shm
		cp "$T/template.db" w.db
		if traced -f -o /dev/null -e trace=pwrite64 \
			-e inject=pwrite64:error=ENOSPC:when=$n "$@" 2>err; then
			rc=0
		else
			rc=1
			failed=$((failed + 1))
			test "$(count_lines err)" = 1 ||
				{ echo "write $n: more than one line"; cat err; return 1; }
		fi
		got=$($check w.db)
		if [ "$got" != "$none" ] && [ "$got" != "$all" ]; then
			echo "write $n of $writes (exit $rc): half a change: $got"
			return 1
		fi
		if [ "$rc" = 1 ] && [ "$got" = "$all" ]; then
			echo "write $n: the command failed yet its change is stored"
			cat err
			return 1
		fi
		n=$((n + 1))
	done
	echo "$failed of $writes injected failures made the command fail"
	test "$failed" -gt 0
}

if command -v strace >/dev/null 2>&1 && strace -f -o /dev/null -e inject=pwrite64:error=ENOSPC:when=1000 true 2>/dev/null; then
	test_expect_success 'a bookmark with its note and tags: all or nothing at every failed write' '
		inject_each state "0|-|0" "1|Ghi chú|2" \
			"$LUOT" --db w.db bookmark add "$id" --note "Ghi chú" --tag "a" --tag "b"
	'

	read_count() {
		sqlite3 "$1" "SELECT count(*) FROM state WHERE read_at IS NOT NULL"
	}
	test_expect_success 'read marks of several articles: all or nothing at every failed write' '
		inject_each read_count 0 3 "$LUOT" --db w.db read $ids
	'
else
	test_skip 'a bookmark: all or nothing at every failed write' 'no strace with fault injection'
	test_skip 'read marks: all or nothing at every failed write' 'no strace with fault injection'
fi

test_expect_success 'an id that does not exist changes none of the others' '
	cp "$T/template.db" r.db &&
	! "$LUOT" --db r.db read $ids 999999 2>err &&
	grep -q "no article with id 999999" err &&
	test "$(sqlite3 r.db "SELECT count(*) FROM state WHERE read_at IS NOT NULL")" = 0 &&
	"$LUOT" --db r.db read $ids &&
	test "$(sqlite3 r.db "SELECT count(*) FROM state WHERE read_at IS NOT NULL")" = 3
'

# With another connection reading, luot's close does not checkpoint, so
# a sync of the log can only come from the commit itself.
if command -v strace >/dev/null 2>&1; then
	test_expect_success 'a state change is synced to disk before the command returns; an import is not' '
		cp "$T/template.db" d.db &&
		"$LUOT" --db d.db stats >/dev/null &&
		mkfifo hold &&
		{ sqlite3 d.db <hold >/dev/null & } &&
		exec 3>hold &&
		echo "BEGIN; SELECT count(*) FROM article;" >&3 &&
		sleep 0.3 &&
		traced -f -o trace -y -e trace=fsync,fdatasync "$LUOT" --db d.db bookmark add "$id" --note n &&
		grep -c "d.db-wal>" trace >syncs &&
		traced -f -o trace -y -e trace=fsync,fdatasync "$LUOT" --db d.db read $ids &&
		grep -c "d.db-wal>" trace >>syncs &&
		printf "Một bài mới\n\nĐoạn văn của bài mới, đủ dài để là một bài báo thật sự.\n" >new.txt &&
		traced -f -o trace -y -e trace=fsync,fdatasync "$LUOT" --db d.db import -q new.txt &&
		echo "import $(grep -c "d.db-wal>" trace || true)" >>syncs &&
		exec 3>&- &&
		wait &&
		cat syncs &&
		test "$(sed -n 1p syncs)" -ge 1 &&
		test "$(sed -n 2p syncs)" -ge 1 &&
		test "$(sed -n 3p syncs)" = "import 0"
	'
else
	test_skip 'a state change is synced to disk' 'no strace'
fi

test_done
