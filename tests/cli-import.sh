#!/bin/sh
# cli-import.sh: importing fixture folders end to end.
. "$TESTLIB"

db="$T/a.db"
imp="$TESTDATA/import"
nfiles=$(ls "$imp" | wc -l)

test_expect_success 'import a folder: every fixture becomes an article' '
	"$LUOT" --db "$db" import "$imp" >out 2>err &&
	grep -q "^imported $nfiles, duplicates 0, skipped 0, failed 0" out &&
	test "$("$LUOT" --db "$db" list | wc -l)" = "$nfiles"
'

test_expect_success 'importing the same folder again adds nothing' '
	"$LUOT" --db "$db" import "$imp" >out &&
	grep -q "^imported 0, duplicates $nfiles," out &&
	test "$("$LUOT" --db "$db" list | wc -l)" = "$nfiles"
'

test_expect_success 'files and folders mix; dot files are skipped in folders' '
	mkdir -p mix/sub mix/.hidden &&
	cp "$imp/glued.txt" mix/sub/ &&
	cp "$imp/noheadline.txt" mix/.hidden/ &&
	cp "$imp/noheadline.txt" mix/.x.txt &&
	"$LUOT" --db m.db import mix "$imp/ttxvn-style.txt" >out &&
	grep -q "^imported 2," out
'

test_expect_success 'list: newest first, undated last, date source title' '
	"$LUOT" --db "$db" list >out &&
	cut -c9-18 out | grep -v "^-" >dates &&
	sort -r dates >sorted && test_cmp sorted dates &&
	tail -n 1 out | grep -q "^ *[0-9]*  -  "
'

test_expect_success 'list --limit' '
	"$LUOT" --db "$db" list --limit 2 >out &&
	test "$(count_lines out)" = 2
'

test_expect_success 'show prints title, fields and paragraphs' '
	id=$("$LUOT" --db "$db" list --json | grep "tinhuy-style" | sed "s/^{\"id\":\([0-9]*\),.*/\1/") &&
	"$LUOT" --db "$db" show "$id" >out &&
	grep -q "^Published: " out &&
	grep -q "^Author: " out &&
	! grep -q "In tin bài" out &&
	! grep -q "Android APK" out &&
	! grep -qi "các tin khác" out
'

test_expect_success 'NFD, CRLF and BOM files import as clean NFC' '
	mkdir enc && cp "$TESTDATA/nfd-crlf-bom.txt" enc/ &&
	"$LUOT" --db e.db import enc >out &&
	"$LUOT" --db e.db show 1 >show &&
	head -n 1 show >title &&
	printf "Giá lúa tăng mạnh\n" >want &&
	test_cmp want title &&
	grep -q "Nông dân thu hoạch lúa trên cánh đồng mẫu lớn ở Đồng Tháp." show &&
	! grep -q "$(printf "\r")" show
'

test_expect_success 'the same article in NFC is a duplicate of the NFD one' '
	printf "Giá lúa tăng mạnh\n\nNông dân thu hoạch lúa trên cánh đồng mẫu lớn ở Đồng Tháp.\n" >nfc.txt &&
	"$LUOT" --db e.db import nfc.txt >out &&
	grep -q "^imported 0, duplicates 1," out
'

test_expect_success '--source names articles that have none' '
	"$LUOT" --db s.db import --source "Báo Thử" "$imp/glued.txt" &&
	"$LUOT" --db s.db list --json | grep -q "\"source\":\"Báo Thử\""
'

test_expect_success 'extra patterns from --patterns and the user file' '
	printf "Tiêu đề thử nghiệm cho mẫu\n\nDòng rác riêng của trang\nĐây là một đoạn văn đủ dài để làm nội dung bài viết thử.\nRÁC KHÁC\n" >p.txt &&
	printf "drop dòng rác riêng*\n" >extra &&
	mkdir -p "$XDG_CONFIG_HOME/luot" &&
	printf "drop rác khác\n" >"$XDG_CONFIG_HOME/luot/boilerplate" &&
	"$LUOT" --db p.db import --patterns extra p.txt &&
	"$LUOT" --db p.db show 1 >out &&
	! grep -q "Dòng rác" out && ! grep -q "RÁC KHÁC" out &&
	grep -q "Đây là một đoạn văn" out
'

test_expect_success 'a bad pattern file stops before touching the database' '
	printf "nonsense line\n" >bad &&
	st=0; "$LUOT" --db q.db import --patterns bad p.txt 2>err || st=$?
	test "$st" = 1 && grep -q "bad:1:" err && test ! -e q.db
'

test_expect_success 'on a terminal: a progress bar with count, rate and time left, then cleared' '
	command -v script >/dev/null || { echo "no script(1)"; exit 0; }
	script -qec "stty cols 100; \"$LUOT\" --db tty.db import \"$imp\"" /dev/null >tty.out &&
	grep -q "\[=*>* *\]  100%  $nfiles/$nfiles  [0-9]*/s  0:00 left" tty.out &&
	grep -q "imported $nfiles," tty.out &&
	tr "\r" "\n" <tty.out | grep "imported $nfiles," | grep -vq "\["
'

test_expect_success 'in a pipe: plain lines now and then, no carriage return' '
	LUOT_PROGRESS_EVERY=0 "$LUOT" --db lines.db import "$imp" >out 2>err &&
	grep -q "^[0-9]*/$nfiles files ([0-9]*%), [0-9]*/s, [0-9:-]* left$" err &&
	! grep -q "$(printf "\r")" err out
'

test_expect_success 'to a pipe, shorter than the interval, or with -q: no progress' '
	"$LUOT" --db pipe.db import "$imp" >out 2>err &&
	! grep -q "files \|left" err &&
	! grep -q "$(printf "\r")" err out &&
	command -v script >/dev/null || exit 0
	script -qec "\"$LUOT\" --db q.db import -q \"$imp\"" /dev/null >tty.out &&
	! grep -q "left" tty.out
'

# FTS5 merges free pages on a large import; here deleting articles does.
test_expect_success 'free pages past a tenth of the file are given back after an import' '
	gen="$(dirname "$TESTLIB")/bench/gen.awk" &&
	awk -v n=600 -v dir="$PWD/g1" -v seed=3 -f "$gen" &&
	awk -v n=1 -v dir="$PWD/g2" -v seed=5 -f "$gen" &&
	"$LUOT" --db trim.db import -q g1 &&
	test "$(sqlite3 trim.db "PRAGMA auto_vacuum")" = 2 &&
	# The index merged into one part frees the pages its parts held:
	# deleting alone freed 40% of the file after a quick import, 8%
	# after a slow one (ASan, a busy machine) that wrote it otherwise.
	sql trim.db "DELETE FROM article WHERE id % 10 != 0;
	    INSERT INTO article_fts (article_fts) VALUES ('"'"'optimize'"'"')" &&
	free_part="SELECT freelist_count * 10 > page_count FROM pragma_freelist_count, pragma_page_count" &&
	test "$(sqlite3 trim.db "$free_part")" = 1 &&
	pages=$(sqlite3 trim.db "PRAGMA page_count") &&
	"$LUOT" --db trim.db import -q g2 &&
	test "$(sqlite3 trim.db "$free_part")" = 0 &&
	test "$(sqlite3 trim.db "PRAGMA page_count")" -lt "$pages" &&
	test "$(sqlite3 trim.db "SELECT count(*) FROM article")" = 61 &&
	"$LUOT" --db trim.db check
'

# tests/data/mixed: three article pages among one file of each kind that
# is not an article page (markup, tables, READMEs and licences, binary).
mixed="$TESTDATA/mixed"

test_expect_success 'a folder of mixed files: every article imported (a web page too), the rest skipped with reasons' '
	"$LUOT" --db mixed.db import "$mixed" >out 2>err &&
	grep -q "^imported 4, duplicates 0, skipped 9, failed 0" out &&
	sqlite3 mixed.db "SELECT title FROM article WHERE path LIKE \"%/page.html\"" >got &&
	echo "Một trang web được lưu nguyên dạng HTML" >want &&
	test_cmp want got &&
	grep -q "skipped .*/feed.txt: HTML or XML markup" err &&
	grep -q "skipped .*/articles.csv: a table (CSV)" err &&
	grep -q "skipped .*/export.txt: a table (CSV)" err &&
	grep -q "skipped .*/README.md: a README or licence file$" err &&
	grep -q "skipped .*/LICENSE: a README or licence file$" err &&
	grep -q "skipped .*/copyright: a README or licence file$" err &&
	grep -q "skipped .*/photo.jpg: binary file (NUL bytes)$" err &&
	grep -q "skipped .*/noise.bin: binary data, not text$" err &&
	grep -q "skipped .*/empty.txt: empty file$" err &&
	test "$(wc -l <err)" = 9
'

test_expect_success 'a page that starts with ". " is titled by its first sentence' '
	sqlite3 mixed.db "SELECT title FROM article WHERE path LIKE \"%/02-dot-lead.txt\"" >got &&
	echo "Sáng nay, hàng trăm hộ dân ven sông đã được di dời đến nơi an toàn trước khi lũ lên cao" >want &&
	test_cmp want got &&
	test "$(sqlite3 mixed.db "SELECT count(*) FROM article WHERE title = \"\"")" = 0
'

test_expect_success 'paths are stored absolute, whatever folder the import ran in' '
	mkdir -p rel/sub && cp "$mixed/01-good.txt" rel/sub/a.txt &&
	(cd rel && "$LUOT" --db ../abs.db import sub >/dev/null && "$LUOT" --db ../abs.db import ./sub/../sub/a.txt >out) &&
	grep -q "^imported 0, duplicates 1," rel/out &&
	test "$(sqlite3 abs.db "SELECT path FROM article")" = "$PWD/rel/sub/a.txt"
'

test_expect_success 'a path that does not exist fails the import (exit 1), the rest is imported' '
	st=0; "$LUOT" --db nx.db import "$mixed/01-good.txt" no/such/file.txt >out 2>err || st=$?
	test "$st" = 1 &&
	grep -q "^luot: failed no/such/file.txt: No such file or directory$" err &&
	grep -q "^imported 1, duplicates 0, skipped 0, failed 1" out
'

test_expect_success 'an article the store refuses is named and counted; the batch is kept' '
	mkdir refuse && cp "$mixed/01-good.txt" "$mixed/03-good.txt" refuse/ &&
	printf "Bài sẽ bị từ chối ở đây\n\nMột đoạn văn đủ dài để trở thành nội dung của bài báo thử nghiệm này.\n" >refuse/02-bad.txt &&
	"$LUOT" --db refuse.db import "$mixed/copyright" 2>/dev/null >/dev/null;
	sqlite3 refuse.db "CREATE TRIGGER no_bad BEFORE INSERT ON article WHEN new.title LIKE \"%từ chối%\" BEGIN SELECT RAISE(ABORT, \"refused by the test\"); END;" &&
	st=0; "$LUOT" --db refuse.db import refuse >out 2>err || st=$?
	test "$st" = 1 &&
	grep -q "^luot: failed refuse/02-bad.txt: refused by the test$" err &&
	grep -q "^imported 2, duplicates 0, skipped 0, failed 1" out &&
	test "$(sqlite3 refuse.db "SELECT count(*) FROM article")" = 2 &&
	"$LUOT" --db refuse.db search "cầu bê tông" | grep -q "Tân Phú" &&
	"$LUOT" --db refuse.db check &&
	st=0; "$LUOT" --db refuse.db import refuse >out 2>err || st=$?
	test "$st" = 1 &&
	grep -q "^imported 0, duplicates 2, skipped 0, failed 1" out
'

test_expect_success '--verbose names each duplicate and the article it repeats' '
	# 02-bad.txt is refused again: status 1.
	{ "$LUOT" --db refuse.db import --verbose refuse >out 2>err; test $? = 1; } &&
	id=$(sqlite3 refuse.db "SELECT id FROM article WHERE path LIKE \"%/refuse/01-good.txt\"") &&
	grep -q "^luot: duplicate refuse/01-good.txt: the same text as article $id (refuse/01-good.txt)$" err &&
	cp refuse/03-good.txt copy.txt &&
	"$LUOT" --db refuse.db import -v copy.txt >out 2>err &&
	grep -q "^luot: duplicate copy.txt: the same text as article [0-9]* (refuse/03-good.txt)$" err &&
	"$LUOT" --db refuse.db import copy.txt >out 2>err &&
	test ! -s err
'

test_expect_success 'stats count articles and dates' '
	"$LUOT" --db "$db" stats --json >j &&
	grep -q "\"articles\":$nfiles," j
'

test_done
