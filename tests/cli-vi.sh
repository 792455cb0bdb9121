#!/bin/sh
# cli-vi.sh: the command line in Vietnamese (LC_ALL=vi_VN.UTF-8, po/vi.po):
# help, output, errors and plural messages are translated, and what
# programs read (JSON, CSV) is the same in every language.
. "$TESTLIB"

vi_setup

db="$T/demo.db"

test_expect_success '--help is in Vietnamese, commands and options as typed' '
	vi_luot --help >out &&
	grep -q "^Cách dùng: luot \[TÙY_CHỌN\]... \[LỆNH \[ĐỐI_SỐ\]...\]$" out &&
	grep -q "^Lệnh:$" out &&
	grep -q "^  search    Tìm kiếm bài viết\.$" out &&
	grep -q "^      --demo          nhập các bài viết mẫu" out &&
	grep -q "^  -c, --config TỆP    đọc cấu hình trong TỆP" out &&
	! grep -q "Usage\|Commands\|Options" out
'

# Without LUOT_LOCALEDIR: the build tree's catalogue (or the installed
# one, when luot is installed where it was configured to go).
test_expect_success 'a fresh build speaks Vietnamese before make install' '
	env $(printf "%s\n" $VI_ENV | grep -v "^LUOT_LOCALEDIR=") "$LUOT" --help >out &&
	grep -q "^Lệnh:$" out
'

test_expect_success 'help lines stay within 80 columns' '
	for c in "" import list show search bookmark bookmarks export read unread delete stats; do
		vi_luot help $c || exit 1
	done >all &&
	"$COLWIDTH" <all >widths &&
	test "$(sort -n widths | tail -n 1)" -le 80
'

test_expect_success 'a command'"'"'s help: placeholders translated, options aligned' '
	vi_luot help import >out &&
	grep -q "^Cách dùng: luot import \[TÙY_CHỌN\]... ĐƯỜNG_DẪN...$" out &&
	grep -q "^  -m, --max-size CỠ    bỏ qua các tệp lớn hơn CỠ" out &&
	grep -q "^  -q, --quiet          không hiện thanh tiến độ (hay các dòng, khi ra ống)$" out
'

test_expect_success 'a usage error: the message and the hint, status 2' '
	st=0; vi_luot frob >out 2>err || st=$?
	test "$st" = 2 && test ! -s out &&
	printf "%s\n" "luot: không có lệnh nào tên là frob" "Hãy thử '"'"'luot --help'"'"'." >want &&
	test_cmp want err &&
	st=0; vi_luot show abc 2>err || st=$?
	test "$st" = 2 &&
	grep -q "^luot: mã bài viết phải là một số dương$" err
'

test_expect_success 'import: the totals, with a decimal comma' '
	vi_luot --db "$db" import -q "$LUOT_DATADIR/demo" >out &&
	grep -q "^đã nhập [0-9]*, trùng [0-9]*, bỏ qua 0, lỗi 0, mất [0-9]*,[0-9][0-9] giây$" out
'

test_expect_success 'a count: one sequence and two read the same in Vietnamese' '
	printf "Tiêu đề h\377ng h\376ng\n\nThân bài đủ dài để được nhận là một bài viết.\n" >broken.txt &&
	vi_luot --db b.db import broken.txt >out 2>err &&
	grep -q "broken.txt: đã thay 2 chuỗi byte UTF-8 không hợp lệ bằng U+FFFD" err &&
	grep -q "^đã thay 2 chuỗi byte UTF-8 không hợp lệ bằng U+FFFD$" out
'

test_expect_success 'errors of the commands: a missing article, a file not replaced' '
	st=0; vi_luot --db "$db" show 9999 2>err || st=$?
	test "$st" = 1 &&
	grep -q "^luot: không có bài viết nào mang mã 9999$" err &&
	: >exists.md &&
	st=0; vi_luot --db "$db" export --bookmarks --format md -o exists.md 2>err || st=$?
	test "$st" = 1 &&
	grep -q "^luot: exists.md đã có: không ghi đè (thêm --force để ghi đè)$" err
'

test_expect_success 'database errors: a file that is not a database, in Vietnamese' '
	printf "%s\n" "không phải SQLite" >bad.db &&
	st=0; vi_luot --db bad.db list >out 2>err || st=$?
	test "$st" = 1 && test "$(wc -l <err)" = 1 &&
	grep -q "bad.db: không phải một cơ sở dữ liệu" err &&
	test "$(cat bad.db)" = "không phải SQLite"
'

test_expect_success 'configuration errors: FILE:LINE and the reason in Vietnamese' '
	printf "set layout xiên\nbind x bay\n" >vi.conf &&
	st=0; vi_luot --config vi.conf --dump-config >out 2>err || st=$?
	test "$st" = 1 &&
	grep -q "^vi.conf:1: layout: xiên không phải auto, single, tall hay wide$" err &&
	grep -q "^vi.conf:2: không có hành động nào tên là bay" err
'

test_expect_success 'stats: labels translated, numbers in one column' '
	vi_luot --db "$db" stats >out &&
	grep -q "^Bài viết:      [0-9]" out &&
	grep -q "^Lược đồ:       [0-9]" out &&
	sed "s/[0-9].*//" out | "$COLWIDTH" | sort -u >cols &&
	test "$(cat cols)" = 15
'

test_expect_success 'search: no hits, and a suggestion with its count' '
	vi_luot --db "$db" search nuwowcs sachj >out 2>err &&
	test ! -s out &&
	grep -q "^luot: không tìm thấy bài viết nào$" err &&
	grep -q "^có phải bạn muốn tìm: nước sạch ([0-9]* bài viết)$" err
'

test_expect_success 'without a terminal the reason is in Vietnamese too' '
	vi_luot --db "$db" </dev/null >out 2>err &&
	grep -q "^luot: không phải terminal: liệt kê bài viết thay vì mở trình đọc$" err &&
	test -s out
'

test_expect_success 'what programs read does not change with the language' '
	vi_luot --db "$db" bookmark add 1 --note "ghi chú" --tag "thẻ" &&
	for args in "list --json" "show 1 --json" "stats --json" "search --json dan van" \
	    "bookmarks --json" "export --bookmarks --format csv" "export --bookmarks --format json"; do
		vi_luot --db "$db" $args >vi.out 2>/dev/null &&
		"$LUOT" --db "$db" $args >en.out 2>/dev/null &&
		test_cmp en.out vi.out || exit 1
	done
'

test_done
