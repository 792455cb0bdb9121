#!/bin/sh
# cli-bad-input.sh: files that must be skipped or repaired, hostile text,
# a locked, read-only or full database: clear one-line errors, nothing lost.
. "$TESTLIB"

good="$TESTDATA/import/glued.txt"
body="Đây là đoạn văn đầu tiên của bài báo, đủ dài để được coi là nội dung."

test_expect_success 'empty file skipped with its name and reason' '
	: >empty.txt &&
	"$LUOT" --db a.db import empty.txt >out 2>err &&
	grep -q "^luot: skipped empty.txt: empty file$" err &&
	grep -q "skipped 1," out
'

test_expect_success 'binary file (NUL bytes) skipped' '
	printf "ELF\000\001\002binary" >bin.dat &&
	"$LUOT" --db a.db import bin.dat 2>err >out &&
	grep -q "skipped bin.dat: binary file" err
'

test_expect_success 'file larger than --max-size skipped' '
	{ echo "Tiêu đề của một bài rất dài"; echo; i=0; while [ $i -lt 200 ]; do echo "$body"; i=$((i+1)); done; } >big.txt &&
	"$LUOT" --db a.db import --max-size 4K big.txt 2>err >out &&
	grep -q "skipped big.txt: larger than the limit of 4096 bytes" err &&
	"$LUOT" --db a.db import big.txt >out &&
	grep -q "^imported 1," out
'

test_expect_success 'bad --max-size is a usage error' '
	st=0; "$LUOT" --db a.db import --max-size lots big.txt 2>err || st=$?
	test "$st" = 2
'

test_expect_success 'unreadable file failed with its name, the rest imported, exit 1' '
	mkdir d && ln -s /nonexistent/file d/dangling.txt && cp "$good" d/ &&
	st=0; "$LUOT" --db b.db import d >out 2>err || st=$?
	test "$st" = 1 &&
	grep -q "^luot: failed d/dangling.txt: cannot read: No such file or directory$" err &&
	grep -q "^imported 1, duplicates 0, skipped 0, failed 1" out
'

test_expect_success 'page with only junk: no article text' '
	printf "Nhập thông tin\nĐóng\nCỡ chữ: A+ A-\n" >junk.txt &&
	"$LUOT" --db a.db import junk.txt 2>err >out &&
	grep -q "skipped junk.txt: no article text found" err
'

test_expect_success 'broken UTF-8 becomes U+FFFD and is counted' '
	printf "Tiêu đề có byte h\377ng\n\n%s\n" "$body" >broken.txt &&
	"$LUOT" --db c.db import broken.txt >out 2>err &&
	grep -q "broken.txt: 1 invalid UTF-8 sequence replaced" err &&
	grep -q "^1 invalid UTF-8 sequence was replaced" out &&
	"$LUOT" --db c.db show 1 | head -n 1 | grep -q "h�ng"
'

test_expect_success 'two broken sequences: the count is plural' '
	printf "Tiêu đề h\377ng h\376ng\n\n%s\n" "$body" >broken2.txt &&
	"$LUOT" --db c2.db import broken2.txt >out 2>err &&
	grep -q "broken2.txt: 2 invalid UTF-8 sequences replaced" err &&
	grep -q "^2 invalid UTF-8 sequences were replaced" out
'

test_expect_success 'escape sequences in an article never reach the output' '
	printf "Tiêu đề \033]0;pwned\007 \033[2J độc hại\n\n%s \033[31m đỏ \302\233 31m\n" "$body" >evil.txt &&
	"$LUOT" --db e.db import evil.txt >out &&
	"$LUOT" --db e.db list >l && "$LUOT" --db e.db show 1 >s &&
	"$LUOT" --db e.db list --json >j && "$LUOT" --db e.db show 1 --json >sj &&
	! grep -q "$(printf "\033")" l s j sj &&
	! grep -q "$(printf "\007")" l s j sj &&
	! grep -q "$(printf "\302\233")" l s j sj
'

test_expect_success 'control characters already in a database are shown as U+FFFD' '
	sqlite3 -cmd ".load $LUOT_EXT" e.db "UPDATE article SET title = char(27) || \"[2Jx\" || char(8238) WHERE id = 1" &&
	"$LUOT" --db e.db list >l &&
	! grep -q "$(printf "\033")" l &&
	grep -q "�\[2Jx�" l &&
	"$LUOT" --db e.db list --json | grep -q "u001b\[2Jx"
'

test_expect_success 'locked database: a one-line error, nothing half-written' '
	"$LUOT" --db l.db import "$good" >/dev/null
	before=$(sqlite3 l.db "SELECT count(*) FROM article")
	{ echo "BEGIN IMMEDIATE;"; sleep 7; echo "COMMIT;"; } | sqlite3 l.db &
	sleep 1
	st=0; "$LUOT" --db l.db import "$TESTDATA/import" >out 2>err || st=$?
	wait &&
	test "$st" = 1 && grep -q "database is locked" err &&
	test "$(grep -c "^luot: " err)" = 1 &&
	test "$(sqlite3 l.db "SELECT count(*) FROM article")" = "$before" &&
	"$LUOT" --db l.db import "$TESTDATA/import" >out &&
	grep -q "failed 0" out
'

test_expect_success 'a lock held for good: the import gives up after its wait, in one line' '
	"$LUOT" --db held.db import "$good" >/dev/null &&
	db_hold held.db &&
	t0=$(date +%s%N) &&
	st=0; "$LUOT" --db held.db import "$TESTDATA/import" >out 2>err || st=$?
	ms=$(( ($(date +%s%N) - t0) / 1000000 )) &&
	db_release &&
	echo "gave up after $ms ms" &&
	test "$st" = 1 &&
	test "$(cat err)" = "luot: import stopped: held.db: the database is locked by another program; try again when it is done" &&
	test "$ms" -ge 5000 && test "$ms" -lt 15000
'

test_expect_success 'a state writer stuck on its turn holds an import up a bounded time a batch' '
	mkdir turn &&
	awk "BEGIN { for (i = 0; i < 3000; i++) { f = sprintf(\"turn/%04d.txt\", i)
		printf \"Tin số %d trong ngày\n\nĐoạn văn của tin số %d, đủ dài để là nội dung.\n\", i, i > f
		close(f) } }" &&
	"$LUOT" --db turn.db import "$good" >/dev/null &&
	{ flock -s turn.db-turn sleep 120 & } &&
	stuck=$! &&
	for i in $(seq 100); do
		flock -n -x turn.db-turn true || break
		sleep 0.05
	done &&
	t0=$(date +%s%N) &&
	st=0; timeout 60 "$LUOT" --db turn.db import -q turn >out 2>err || st=$?
	ms=$(( ($(date +%s%N) - t0) / 1000000 )) &&
	kill $stuck &&
	echo "3,000 articles in $ms ms" &&
	# 1.7 s on a quiet machine with no one waiting; half a second more
	# a batch with the turn stuck (3 batches or more).
	test "$st" = 0 && grep -q "^imported 3000," out && test "$ms" -lt 30000
'

test_expect_success 'full disk: import stops with one line, committed work kept' '
	mkdir many && i=0 &&
	while [ $i -lt 400 ]; do
		printf "Bài số %d về thời tiết\n\n%s Số %d.\n%s\n" $i "$body" $i "$body" >many/$i.txt
		i=$((i+1))
	done &&
	"$LUOT" --db f.db import "$good" >/dev/null &&
	st=0; (ulimit -f 96; trap "" XFSZ; exec "$LUOT" --db f.db import -q many >out 2>err) || st=$?
	test "$st" = 1 &&
	grep -q "^luot: import stopped: " err &&
	test "$(sqlite3 f.db "PRAGMA integrity_check")" = ok &&
	test "$(sql f.db "SELECT count(*) FROM article_text WHERE body = \"\" OR title = \"\"")" = 0 &&
	"$LUOT" --db f.db import many >out &&
	test "$(sqlite3 f.db "SELECT count(*) FROM article")" = 401
'

# counts FILE: the four totals of an import's summary line, summed.
summed() {
	sed -n "s/^imported \([0-9]*\), duplicates \([0-9]*\), skipped \([0-9]*\), failed \([0-9]*\).*/\1 \2 \3 \4/p" "$1" |
		awk "{ print \$1 + \$2 + \$3 + \$4 }"
}

test_expect_success 'hostile files: a FIFO, a 2 GB sparse file, a link loop, hostile names' '
	mkdir -p h/sub &&
	cp "$good" h/good.txt &&
	printf "Bài thứ hai\n\n%s Thêm.\n%s\n" "$body" "$body" >"h/$(printf "new\nline.txt")" &&
	printf "Bài thứ ba\n\n%s Ba.\n%s\n" "$body" "$body" >"h/$(printf "bad\377name.txt")" &&
	: >"h/$(printf "esc\033]0;PWNED\007\033[2Jname.txt")" &&
	mkfifo h/fifo.txt &&
	truncate -s 2G h/sparse.txt &&
	ln -s .. h/sub/loop &&
	ln -s missing.txt h/dangling.txt &&
	st=0; timeout 60 "$LUOT" --db h.db import h >out 2>err || st=$?
	test "$st" = 1 &&
	grep -q "^imported 3, duplicates 0, skipped 3, failed 1" out &&
	test "$(summed out)" = 7 &&
	test "$(wc -l <err)" = 4 &&
	grep -q "fifo.txt: not a regular file$" err &&
	grep -q "sparse.txt: larger than the limit" err &&
	grep -q "failed h/dangling.txt: cannot read: " err &&
	grep -q "^luot: skipped h/esc.*name.txt: empty file$" err &&
	! grep -q "$(printf "\033")" err out &&
	! grep -q "$(printf "\007")" err out
'

test_expect_success 'a folder of 100,000 empty files: each skipped, the counts add up' '
	mkdir many0 &&
	(cd many0 && seq -f "%06g.txt" 1 100000 | xargs touch) &&
	"$LUOT" --db m.db import many0 >out 2>err &&
	grep -q "^imported 0, duplicates 0, skipped 100000, failed 0" out &&
	test "$(grep -c ": empty file$" err)" = 100000
'

# A folder nothing may write to. root ignores file modes, so for root it
# is a read-only bind mount, in a mount namespace of the command's own:
#   read_only DIR SCRIPT   runs sh SCRIPT in the current folder.
read_only() {
	if [ "$(id -u)" = 0 ]; then
		unshare -m sh -c 'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" && exec sh "$2"' \
			sh "$1" "$2"
	else
		chmod a-w "$1" "$1"/* && st=0 && sh "$2" || st=$?
		chmod u+w "$1" "$1"/*
		return $st
	fi
}

if [ "$(id -u)" != 0 ] || unshare -m true 2>/dev/null; then
test_expect_success 'a read-only database: reading works, writing says why, nothing changes' '
	mkdir ro && "$LUOT" --db ro/r.db import -q "$TESTDATA/import" >/dev/null &&
	"$LUOT" --db ro/r.db list >list.before &&
	printf "Một bài mới hoàn toàn\n\n%s Mới.\n%s\n" "$body" "$body" >new.txt &&
	cksum <ro/r.db >sum.before && ls -a ro >ls.before &&
	cat >ro.sh <<-\EOF &&
	"$LUOT" --db ro/r.db list >list || exit 1
	"$LUOT" --db ro/r.db search "nón lá" >found || exit 1
	"$LUOT" --db ro/r.db show 1 >shown || exit 1
	st=0; "$LUOT" --db ro/r.db import new.txt >/dev/null 2>import.err || st=$?; echo $st >import.st
	st=0; "$LUOT" --db ro/r.db bookmark add 1 2>mark.err || st=$?; echo $st >mark.st
	st=0; "$LUOT" --db ro/r.db tidy 2>tidy.err || st=$?; echo $st >tidy.st
	EOF
	read_only ro ro.sh &&
	test_cmp list.before list &&
	grep -q "nón lá" found && test -s shown &&
	test "$(cat import.st)" = 1 && test "$(cat mark.st)" = 1 &&
	test "$(cat import.err)" = "luot: import stopped: ro/r.db: the database is read-only" &&
	test "$(cat mark.err)" = "luot: ro/r.db: the database is read-only" &&
	test "$(cat tidy.st)" = 1 &&
	test "$(cat tidy.err)" = "luot: ro/r.db: the database is read-only" &&
	cksum <ro/r.db >sum.after && test_cmp sum.before sum.after &&
	ls -a ro >ls.after && test_cmp ls.before ls.after
'
else
test_skip 'a read-only database: reading works, writing says why, nothing changes' \
	'root, and no mount namespace to make a read-only folder in'
fi

# A full file system, not only a process limit: the WAL and the -shm
# file cannot grow either. Needs a tmpfs, so root and a mount namespace.
if [ "$(id -u)" = 0 ] && unshare -m true 2>/dev/null; then
test_expect_success 'full disk (a 2 MiB tmpfs): one line, store intact, resumed once there is room' '
	mkdir small big && i=0 &&
	while [ $i -lt 3000 ]; do
		printf "Bài số %d về mưa bão\n\n%s Số %d.\n%s Lần %d.\n" $i "$body" $i "$body" $i >big/$i.txt
		i=$((i+1))
	done &&
	cat >full.sh <<-\EOF &&
	mount -t tmpfs -o size=2m tmpfs small || exit 1
	"$LUOT" --db small/f.db import -q "$TESTDATA/import/glued.txt" >/dev/null || exit 1
	st=0; "$LUOT" --db small/f.db import -q big >out 2>err || st=$?; echo $st >st
	sqlite3 small/f.db "PRAGMA integrity_check" >check
	sqlite3 small/f.db "SELECT count(*) FROM article" >kept
	mount -o remount,size=64m small || exit 1
	"$LUOT" --db small/f.db import big >resumed || exit 1
	sqlite3 small/f.db "SELECT count(*) FROM article" >count
	"$LUOT" --db small/f.db check >checked
	EOF
	unshare -m sh full.sh &&
	test "$(cat st)" = 1 &&
	test "$(wc -l <err)" = 1 &&
	grep -q "^luot: import stopped: small/f.db: the disk is full$" err &&
	test "$(cat check)" = ok &&
	test "$(cat kept)" -ge 1 && test "$(cat kept)" -lt 3001 &&
	grep -q "failed 0" resumed &&
	test "$(cat count)" = 3001 &&
	test "$(cat checked)" = ok
'
else
test_skip 'full disk (a 2 MiB tmpfs): one line, store intact, resumed once there is room' \
	'a tmpfs needs root and a mount namespace'
fi

# Exports: what -o may write into, replace or must refuse.
xdb="$T/export.db"
mkdir -p "$T/hostile"
printf '%s\n\n%s\n' '=HYPERLINK("http://x.invalid","bấm") <script>alert(1)</script>' \
	'[Xem ảnh](javascript:alert(1)) và <img src=x onerror=alert(1)> &amp; đoạn văn đủ dài của bài báo thử.' \
	>"$T/hostile/a.txt"
"$LUOT" --db "$xdb" import -q "$T/hostile" >/dev/null
xid=$("$LUOT" --db "$xdb" list | awk "NR == 1 { print \$1 }")
"$LUOT" --db "$xdb" bookmark add "$xid" --note "@SUM(A1:A9)" --tag "-cmd" >/dev/null

test_expect_success 'export into a FIFO and /dev/stdout is written into, the file stays what it was' '
	mkfifo fifo &&
	{ cat fifo >from-fifo & } &&
	"$LUOT" --db "$xdb" export --bookmarks --format json -o fifo &&
	wait &&
	test -p fifo && test "$(count_lines from-fifo)" = 1 &&
	"$LUOT" --db "$xdb" export --bookmarks --format json -o /dev/stdout --force >out &&
	test "$(count_lines out)" = 1 &&
	test -L /dev/stdout || test -c /dev/stdout
'

test_expect_success 'export -o - writes to standard output, leaving no file behind' '
	mkdir dash && cd dash &&
	"$LUOT" --db "$xdb" export --bookmarks --format json >want &&
	"$LUOT" --db "$xdb" export --bookmarks --format json -o - >out &&
	test_cmp want out && test "$(count_lines out)" = 1 &&
	"$LUOT" --db "$xdb" export --bookmarks --format json -o - --force >out &&
	test_cmp want out &&
	test "$(ls -A)" = "$(printf "out\nwant")"
'

# The device as it was: kind, numbers, owner and mode.
device() {
	stat -c "%F %t:%T %u %a" "$1"
}

test_expect_success 'export into /dev/null or /dev/full writes into the device, with or without --force' '
	for dev in /dev/null /dev/full; do device $dev; done >before &&
	"$LUOT" --db "$xdb" export --bookmarks --format csv -o /dev/null &&
	"$LUOT" --db "$xdb" export --bookmarks --format csv -o /dev/null --force &&
	# Written into: /dev/full says so.
	! "$LUOT" --db "$xdb" export --bookmarks --format csv -o /dev/full 2>err &&
	test "$(cat err)" = "luot: /dev/full: No space left on device" &&
	! "$LUOT" --db "$xdb" export --bookmarks --format csv -o /dev/full --force 2>err &&
	test "$(cat err)" = "luot: /dev/full: No space left on device" &&
	for dev in /dev/null /dev/full; do device $dev; done >after &&
	test_cmp before after &&
	test -z "$(ls -a /dev | grep "tmp-")"
'

test_expect_success 'export through a symlink writes its file; the link stays a link' '
	echo old >real.csv && ln -s real.csv link.csv &&
	! "$LUOT" --db "$xdb" export --bookmarks --format csv -o link.csv 2>err &&
	grep -q "exists" err && test "$(cat real.csv)" = old &&
	"$LUOT" --db "$xdb" export --bookmarks --format csv -o link.csv --force &&
	test -L link.csv && test "$(readlink link.csv)" = real.csv &&
	grep -q "^id,title" real.csv &&
	ln -s new.md dangling.md &&
	"$LUOT" --db "$xdb" export --bookmarks --format md -o dangling.md &&
	test -L dangling.md && grep -q "^## " new.md
'

test_expect_success 'export refuses a folder, a socket or a block device, with one line' '
	mkdir folder &&
	! "$LUOT" --db "$xdb" export --bookmarks --format md -o folder --force 2>err &&
	test "$(count_lines err)" = 1 && grep -q "not a regular file" err &&
	test -d folder && test -z "$(ls folder)" &&
	python3 -c "import socket; socket.socket(socket.AF_UNIX).bind(\"sock\")" &&
	! "$LUOT" --db "$xdb" export --bookmarks --format md -o sock --force 2>err &&
	test -S sock && grep -q "not a regular file" err
'

test_expect_success 'export --force keeps the mode of the file it replaces; a new one follows the umask' '
	echo private >notes.md && chmod 600 notes.md &&
	"$LUOT" --db "$xdb" export --bookmarks --format md -o notes.md --force &&
	test "$(stat -c %a notes.md)" = 600 && grep -q "^## " notes.md &&
	(umask 027 && "$LUOT" --db "$xdb" export --bookmarks --format md -o fresh.md) &&
	test "$(stat -c %a fresh.md)" = 640
'

# old NAME...: files of two minutes ago, past the age at which an
# unheld temporary counts as stale.
old() {
	for f in "$@"; do : >"$f" && touch -d "2 minutes ago" "$f"; done
}

test_expect_success 'temporaries left by exports killed mid-write are cleaned by the next one to the folder' '
	if strace -f -o /dev/null -e inject=fsync:delay_enter=1 true 2>/dev/null; then
		echo keep >k.json &&
		{ traced -f -o /dev/null -e trace=fsync -e inject=fsync:delay_enter=30000000 \
			"$LUOT" --db "$xdb" export --bookmarks --format json -o k.json --force & } &&
		for i in $(seq 300); do
			ls | grep -q "^k.json.luot-tmp-" && break
			sleep 0.1
		done &&
		sleep 0.2 &&
		# luot alone, not strace (whose command line names it too):
		# a tracer killed first lets its tracee run on and finish.
		pkill -9 -f "^$LUOT --db $xdb export" &&
		wait || true
		ls | grep "^k.json.luot-tmp-" >stale &&
		test "$(count_lines stale)" = 1 && test "$(cat k.json)" = keep &&
		touch -d "2 minutes ago" "$(cat stale)"
	else
		old k.json.luot-tmp-Ab12Cd && echo keep >k.json
	fi &&
	# Another target'"'"'s, stale too; then what must stay: a live export'"'"'s
	# (it holds its lock), one just written, other programs'"'"' names.
	old other.csv.luot-tmp-Zz99Yy live.md.luot-tmp-Li1vE0 k.json.tmp-Ab12Cd \
		k.json.luot-tmp-short .luot-tmp-Xy12Zw &&
	: >fresh.md.luot-tmp-Fr3sh0 &&
	{ flock live.md.luot-tmp-Li1vE0 sleep 60 & } &&
	holder=$! &&
	for i in $(seq 100); do
		flock -n live.md.luot-tmp-Li1vE0 true || break
		sleep 0.05
	done &&
	"$LUOT" --db "$xdb" export --bookmarks --format json -o k.json --force &&
	kill $holder &&
	ls -a | grep "tmp-" >left &&
	printf "%s\n" .luot-tmp-Xy12Zw fresh.md.luot-tmp-Fr3sh0 k.json.luot-tmp-short \
		k.json.tmp-Ab12Cd live.md.luot-tmp-Li1vE0 >want &&
	test_cmp want left &&
	test "$(count_lines k.json)" = 1
'

test_expect_success 'CSV cells that a spreadsheet would run start with an apostrophe' '
	"$LUOT" --db "$xdb" export --bookmarks --format csv -o x.csv &&
	sqlite3 x.db ".import --csv x.csv b" &&
	test "$(sqlite3 x.db "SELECT title FROM b")" = "'"'"'=HYPERLINK(\"http://x.invalid\",\"bấm\") <script>alert(1)</script>" &&
	test "$(sqlite3 x.db "SELECT note FROM b")" = "'"'"'@SUM(A1:A9)" &&
	test "$(sqlite3 x.db "SELECT tags FROM b")" = "'"'"'-cmd" &&
	! grep -q "^=\|,=\|,@\|,-\|,+" x.csv
'

test_expect_success 'CSV cells starting with +, a tab or a carriage return start with an apostrophe too' '
	"$LUOT" --db csv.db import -q "$LUOT_DATADIR/demo" >/dev/null &&
	"$LUOT" --db csv.db bookmark add 1 --note "+SUM(A1:A9)" --tag "+cmd" &&
	"$LUOT" --db csv.db bookmark add 2 --note "$(printf "\tTAB")" &&
	"$LUOT" --db csv.db bookmark add 3 --note "$(printf "\rCR")" &&
	"$LUOT" --db csv.db export --bookmarks --format csv -o c.csv &&
	sqlite3 c2.db ".import --csv c.csv b" &&
	sqlite3 c2.db "SELECT id, tags, note FROM b ORDER BY id" >cells &&
	printf "%s\n" "1|'"'"'+cmd|'"'"'+SUM(A1:A9)" "2||'"'"'�TAB" "3||'"'"'�CR" >want &&
	test_cmp want cells
'

test_expect_success 'Markdown export: no HTML of the article, no link it could make' '
	"$LUOT" --db "$xdb" export --bookmarks --format md -o x.md &&
	! grep -qi "<script\|<img" x.md &&
	! grep -Eq "(^|[^\\\\])\\]\\(javascript:" x.md &&
	grep -q "&lt;script&gt;" x.md &&
	grep -qF "\\[Xem ảnh\\](javascript:alert(1))" x.md &&
	grep -q "&amp;amp;" x.md
'

# Memory: a page of millions of lines, limits, an address-space limit.
sanitized=${LUOT_SANITIZED:-no}

test_expect_success 'pages of 7.5 million one-letter lines: cut with a note, four at once in under 200 MB' '
	mkdir huge &&
	for c in a b c d; do yes $c | head -n 7500000 >huge/$c.txt; done &&
	/usr/bin/time -f %M -o rss "$LUOT" --db huge.db import -q huge 2>err &&
	test "$(grep -c "cut huge/.\.txt: more than 20000 paragraphs (--max-paragraphs)" err)" = 4 &&
	"$LUOT" --db huge.db show --json 1 >one.json &&
	test "$(jq ".paragraphs | length" one.json)" -le 20001 &&
	jq -r ".paragraphs[-1]" one.json | grep -q "^\[luot cut the article here: its page has more than 20000 paragraphs" &&
	echo "peak RSS $(cat rss) KB" &&
	if [ "$sanitized" != yes ]; then test "$(cat rss)" -lt 200000; fi
'

# Consumed articles were freed only when their slot came round again,
# 2,048 files later: 200 pages of 1.5 MB took 591 MB.
test_expect_success 'a folder of 120 pages of 1.5 MB imports in under 200 MB' '
	mkdir large &&
	awk "BEGIN { for (k = 0; k < 120; k++) {
		f = sprintf(\"large/%03d.txt\", k)
		printf \"Bài rất dài số %d về kinh tế và xã hội\n\n\", k > f
		for (i = 0; i < 7000; i++)
			printf \"Đoạn %d của bài %d: người dân thành phố hôm nay bàn về kinh tế, văn hóa, giáo dục, đường phố và nhà cửa, những chuyện của đời sống hằng ngày ở khắp các phường xã.\n\n\", i, k > f
		close(f) } }" &&
	/usr/bin/time -f %M -o rss "$LUOT" --db large.db import -q large >out 2>err &&
	grep -q "^imported 120," out &&
	echo "peak RSS $(cat rss) KB" &&
	if [ "$sanitized" != yes ]; then test "$(cat rss)" -lt 200000; fi
'

# Lines that each go on in the next were joined one by one, the whole
# line read and copied again at each: 19,000 lines took 265 s.
test_expect_success 'a page of 16,000 lines that each go on in the next imports in seconds' '
	mkdir joined &&
	awk "BEGIN { print \"Một trang dài những dòng ngắn liền nhau\"; print \"\";
		for (i = 0; i < 16000; i++)
			printf \"người dân thành phố hôm nay bàn về kinh tế văn hóa giáo dục đường phố nhà cửa và đời sống, dòng %d,\n\", i }" >joined/a.txt &&
	timeout 20 "$LUOT" --db joined.db import -q joined >out 2>err &&
	grep -q "^imported 1," out
'

test_expect_success '--max-paragraphs and --max-text cut where they are told' '
	mkdir lim &&
	{ echo "Tiêu đề của bài thử giới hạn"; echo;
	  for i in 1 2 3 4 5 6 7 8; do echo "Đoạn văn số $i của bài, đủ dài để được coi là nội dung thật."; echo; done; } >lim/a.txt &&
	"$LUOT" --db lim.db import -q --max-paragraphs 4 lim 2>err &&
	grep -q "cut lim/a.txt: more than 4 paragraphs" err &&
	"$LUOT" --db lim.db show --json 1 >a.json &&
	test "$(jq ".paragraphs | length" a.json)" = 4 &&
	jq -r ".paragraphs[-1]" a.json | grep -q "more than 4 paragraphs" &&
	"$LUOT" --db lim2.db import -q --max-text 300 lim 2>err &&
	grep -q "cut lim/a.txt: more than 300 bytes of text (--max-text)" err &&
	! "$LUOT" --db lim3.db import --max-paragraphs 0 lim 2>err &&
	grep -q "max-paragraphs wants a number" err &&
	! "$LUOT" --db lim3.db import --max-text lots lim 2>err &&
	grep -q "max-text wants a size" err
'

if [ "$sanitized" != yes ]; then
	test_expect_success 'under ulimit -v 200000 an import of 3,000 articles finishes' '
		mkdir manyv &&
		awk "BEGIN { for (i = 0; i < 3000; i++) {
			f = sprintf(\"manyv/%04d.txt\", i)
			printf \"Bài số %d về dân vận khéo\n\nĐoạn văn của bài số %d, đủ dài để được coi là nội dung thật sự của bài.\n\", i, i > f
			close(f) } }" &&
		(ulimit -v 200000 && "$LUOT" --db many.db import -q manyv) >out 2>err &&
		grep -q "^imported 3000," out
	'
else
	test_skip 'under ulimit -v 200000 an import finishes' 'a sanitizer reserves terabytes of address space'
fi

test_expect_success 'symbolic links out of the folders given are skipped unless --follow' '
	mkdir -p scraped outside &&
	printf "Bài bên ngoài thư mục\n\n%s\n" "$body" >outside/secret.txt &&
	printf "Bài trong thư mục\n\n%s Thêm một câu.\n" "$body" >scraped/in.txt &&
	ln -s ../outside/secret.txt scraped/history.txt &&
	ln -s /proc/self/fd/2 scraped/stderr.txt &&
	ln -s in.txt scraped/same.txt &&
	"$LUOT" --db links.db import scraped >out 2>err &&
	grep -q "skipped scraped/history.txt: a symbolic link out of the folders given (--follow follows it)" err &&
	grep -q "skipped scraped/stderr.txt: a symbolic link out of the folders given" err &&
	grep -q "^imported 1, duplicates 1, skipped 2," out &&
	! "$LUOT" --db links.db search --json "bên ngoài" | grep -q . &&
	"$LUOT" --db links2.db import --follow scraped >out 2>err &&
	"$LUOT" --db links2.db search --json "bên ngoài" | grep -q history.txt &&
	"$LUOT" --db links3.db import -q scraped outside >out 2>err &&
	! grep -q "history.txt" err && grep -q "stderr.txt" err
'

test_expect_success 'file names that are not UTF-8 (or are NFD) keep their bytes in the store' '
	mkdir names &&
	bad=$(printf "names/b\340i\377.txt") && nfd=$(printf "names/ba\314\200i.txt") &&
	printf "Tên tệp không phải UTF-8\n\n%s\n" "$body" >"$bad" &&
	printf "Tên tệp dạng NFD\n\n%s Câu khác.\n" "$body" >"$nfd" &&
	"$LUOT" --db names.db import -q names &&
	sqlite3 names.db "SELECT path FROM article" >paths &&
	test "$(count_lines paths)" = 2 &&
	while read -r p; do test -f "$p"; done <paths &&
	grep -q "$(printf "b\340i\377.txt")" paths
'

# Names as luot writes them, back to their bytes, each ended by a NUL:
#   json_names   JSON lines on stdin, their "path" (a byte that is not
#                UTF-8 is \udcXX: Python's surrogateescape);
#   word_names   a name a line on stdin, plain or a shell word $'...'.
json_names() {
	python3 -c 'import json, os, sys
for line in sys.stdin:
	sys.stdout.buffer.write(os.fsencode(json.loads(line)["path"]) + b"\0")'
}
word_names() {
	while IFS= read -r w; do
		case $w in
		"\$'"*) bash -c "printf '%s\\0' $w" ;;
		*) printf '%s\0' "$w" ;;
		esac
	done
}

test_expect_success 'JSON, CSV, Markdown and show name the real file of a name that is not UTF-8' '
	mkdir names2 &&
	printf "Tên tệp không phải UTF-8\n\n%s\n" "$body" >"$(printf "names2/b\340i\377.txt")" &&
	printf "Tên tệp có mã điều khiển\n\n%s Hai.\n" "$body" >"$(printf "names2/e\033[2Jx\nz.txt")" &&
	printf "Tên tệp dạng NFD\n\n%s Ba.\n" "$body" >"$(printf "names2/ba\314\200i.txt")" &&
	find "$PWD/names2" -type f -print0 | sort -z >want &&
	"$LUOT" --db names2.db import -q names2 &&
	for id in 1 2 3; do "$LUOT" --db names2.db bookmark add $id; done &&
	"$LUOT" --db names2.db list --json | json_names | sort -z >got &&
	cmp want got &&
	for id in 1 2 3; do "$LUOT" --db names2.db show --json $id; done | json_names | sort -z >got &&
	cmp want got &&
	"$LUOT" --db names2.db export --bookmarks --format json | json_names | sort -z >got &&
	cmp want got &&
	"$LUOT" --db names2.db export --bookmarks --format csv -o n.csv &&
	sqlite3 n.db ".import --csv n.csv b" &&
	sqlite3 n.db "SELECT path FROM b" | word_names | sort -z >got &&
	cmp want got &&
	"$LUOT" --db names2.db export --bookmarks --format md -o n.md &&
	sed -n "s/^- File: //p" n.md | sed "s/\\\\\\(.\\)/\\1/g" | word_names | sort -z >got &&
	cmp want got &&
	for id in 1 2 3; do "$LUOT" --db names2.db show $id; done >shown &&
	! grep -q "$(printf "\033")" shown n.csv n.md &&
	sed -n "s/^File: //p" shown | word_names | sort -z >got &&
	cmp want got &&
	grep -qF "File: $T/names2/ba$(printf "\314\200")i.txt" shown &&
	grep -qF "File: \$'"'"'$T/names2/b\\340i\\377.txt'"'"'" shown
'

# EMFILE on one folder of a tree, by strace (-P: only the calls on that
# path fail). luot keeps no folder open while it walks, so a small
# ulimit -n fails the database, the top folder or every file, never one
# folder deep down alone.
if strace -f -o /dev/null -e inject=openat:error=EMFILE:when=1000 true 2>/dev/null; then
	test_expect_success 'a folder that hits EMFILE is skipped with one line, the rest imported, exit 1' '
		mkdir -p fds/a/deep/er fds/b &&
		printf "Bài ở thư mục sâu\n\n%s Sâu.\n" "$body" >fds/a/deep/er/x.txt &&
		printf "Bài ở thư mục b\n\n%s Bê.\n" "$body" >fds/b/y.txt &&
		cp "$good" fds/a/ &&
		st=0 &&
		traced -f -o /dev/null -P "$PWD/fds/a/deep" -e trace=openat \
			-e inject=openat:error=EMFILE "$LUOT" --db fds.db import fds >out 2>err || st=$?
		test "$st" = 1 &&
		test "$(cat err)" = "luot: skipped fds/a/deep: cannot open the folder: Too many open files" &&
		grep -q "^imported 2, duplicates 0, skipped 1, failed 0" out
	'
else
	test_skip 'a folder that hits EMFILE is skipped' 'no strace that injects errors'
fi

# With no file descriptor to spare SQLite cannot open the journal: that is
# said, not "read-only" (and no read-only fallback that then asks for an
# upgrade from schema 0).
test_expect_success 'out of file descriptors is said as such' '
	"$LUOT" --db fdlim.db import -q "$good" >/dev/null &&
	st=0 && (ulimit -n 5 && exec "$LUOT" --db fdlim.db bookmark add 1) 2>err || st=$?
	test "$st" != 0 &&
	grep -q "too many open files" err && test "$(wc -l <err)" = 1 &&
	st=0 && (ulimit -n 5 && exec "$LUOT" --db fdnew.db stats) 2>err || st=$?
	test "$st" != 0 && grep -q "too many open files" err &&
	"$LUOT" --db fdlim.db bookmark add 1 && "$LUOT" --db fdlim.db bookmarks | grep -q .
'

# As nobody, for whom a folder of mode 000 cannot be opened; only where
# nobody can run luot (its folders are not private to root).
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null 2>&1 &&
	setpriv --reuid=65534 --regid=65534 --clear-groups "$LUOT" --version >/dev/null 2>&1; then
	test_expect_success 'a folder that cannot be opened is skipped with the reason, exit 1' '
		mkdir -p open/shut && cp "$good" open/ &&
		printf "Bài trong thư mục đóng\n\n%s\n" "$body" >open/shut/a.txt &&
		chmod 000 open/shut && mkdir -m 777 nobody && chmod 755 "$T" &&
		st=0 &&
		setpriv --reuid=65534 --regid=65534 --clear-groups \
			"$LUOT" --db nobody/o.db import open >out 2>err || st=$?
		chmod 755 open/shut &&
		cat out err &&
		test "$st" = 1 &&
		grep -q "^luot: skipped open/shut: cannot open the folder: Permission denied$" err &&
		grep -q "^imported 1, duplicates 0, skipped 1, failed 0" out
	'
else
	test_skip 'a folder that cannot be opened is skipped, exit 1' 'needs root, setpriv and a luot that nobody can run'
fi

test_done
