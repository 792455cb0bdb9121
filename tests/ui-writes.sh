#!/bin/sh
# ui-writes.sh: the interface's changes when the database will not take
# them at once, driven in tmux. A write lock held past every retry: the
# change shows at once, no key waits, nothing is reported, and it lands
# when the lock goes, also when luot is quitting. A database that cannot
# be written: the change is tried, then reported as not saved, and the
# screen shows what the database holds.
. "$TESTLIB"
. "$(dirname "$TESTLIB")/ui-lib.sh"

db="$T/w.db"
"$LUOT" --db "$db" import -q "$LUOT_DATADIR/demo" >/dev/null

# marks N: whether N articles are bookmarked.
marks() {
	test "$(sqlite3 "$1" "SELECT count(*) FROM state WHERE bookmarked IS NOT NULL")" = "$2"
}

# The rows of the list: the first two, bookmarked, start so.
row1="* 2025-02-03"
row2="* 2024-12-20"

test_expect_success 'a lock held past every retry: m shows at once, lands when the lock goes' '
	UI_ENV="LUOT_UI_TRACE=$T/trace" ui_start 100 30 --db "$db" &&
	ui_wait "luot: list" &&
	db_hold "$db" &&
	ui_keys m &&
	ui_wait "$row1" &&
	# Past the command line'"'"'s busy timeout (5 s) and many of the
	# writer'"'"'s (1 s): still waiting, not given up.
	sleep 7 &&
	marks "$db" 0 &&
	screen_lacks "could not be saved" &&
	db_release &&
	ui_until 10 "the bookmark to be written" marks "$db" 1 &&
	ui_settle &&
	screen_has "$row1" && screen_lacks "could not be saved" &&
	limit=100 && if [ "${LUOT_SANITIZED:-no}" = yes ]; then limit=400; fi &&
	awk -v limit=$limit "\$1 == \"key\" { n++; if (\$3 > max) max = \$3 }
		END { print n, \"keys, the slowest\", max, \"ms\"; exit !(n > 0 && max <= limit) }" trace
'

test_expect_success 'quitting while the lock is held waits for the change, then saves it' '
	db_hold "$db" &&
	ui_keys j m &&
	ui_wait "$row2" &&
	ui_keys q &&
	ui_until 10 "luot to say it waits" grep -q "saving 1 change (the database is busy)" ui-stderr &&
	test ! -f ui-status &&
	db_release &&
	test "$(ui_exit_status)" = 0 &&
	marks "$db" 2
'

# The database in a folder nothing may write to, for luot alone: for
# root a read-only bind mount in a mount namespace of its own, else the
# folder's and file's modes.
if [ "$(id -u)" = 0 ] && unshare -m true 2>/dev/null; then
	ro_setup() {
		cat >ro-luot <<-EOF
		#!/bin/sh
		exec unshare -m sh -c 'mount --bind "\$0" "\$0" && mount -o remount,bind,ro "\$0" &&
			exec "$LUOT" "\$@"' "$T/ro" "\$@"
		EOF
		chmod +x ro-luot
	}
elif [ "$(id -u)" != 0 ]; then
	ro_setup() {
		printf "#!/bin/sh\nexec \"%s\" \"\$@\"\n" "$LUOT" >ro-luot &&
		chmod +x ro-luot && chmod a-w ro ro/r.db
	}
fi

if command -v ro_setup >/dev/null 2>&1; then
test_expect_success 'a database that cannot be written: m is reported as not saved, then undone' '
	mkdir ro && "$LUOT" --db ro/r.db import -q "$LUOT_DATADIR/demo" >/dev/null && ro_setup &&
	LUOT=$T/ro-luot &&
	ui_start 100 30 --db ro/r.db &&
	ui_wait "luot: list" &&
	ui_keys m &&
	ui_wait "$row1" &&
	ui_wait "could not be saved: ro/r.db: the database is read-only" 10 &&
	ui_wait_gone "$row1" &&
	ui_keys q &&
	test "$(ui_exit_status)" = 0 &&
	marks ro/r.db 0
'
chmod -R u+w "$T/ro" 2>/dev/null
else
	test_skip 'a database that cannot be written' 'root, and no mount namespace to make a read-only folder in'
fi

test_done
