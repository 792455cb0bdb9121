#!/bin/sh
# ui-vi.sh: the interface in Vietnamese, driven in tmux under
# LC_ALL=vi_VN.UTF-8 with po/vi.po: the list and its status line, the help
# screen, the search and reader panes, the note question and its messages,
# the empty list and a terminal too small. The locale is made in the
# scratch folder when the system lacks it (tests/lib.sh: vi_setup).
. "$TESTLIB"
. "$(dirname "$TESTLIB")/ui-lib.sh"

vi_setup
UI_ENV=$VI_ENV

db="$T/demo.db"
"$LUOT" --db "$db" import -q "$LUOT_DATADIR/demo" >/dev/null

test_expect_success 'the list: the status line names the pane and counts in Vietnamese' '
	ui_start 100 30 --db "$db" &&
	ui_wait "luot: danh sách" &&
	ui_wait_status "luot: danh sách  1/19  chưa đọc 19$" &&
	ui_status_raw | grep -q "chưa đọc 19  .* ?: trợ giúp$"
'

test_expect_success 'the help screen: headings, descriptions, key names as typed' '
	ui_keys "?" &&
	ui_wait "Trong danh sách" &&
	ui_wait_status "luot: phím tắt  q để đóng" &&
	ui_screen >screen &&
	grep -q "^   Enter, l, Right  *mở bài viết$" screen &&
	grep -q "^   B  *xem các dấu trang$" screen &&
	grep -q "^ Khi tìm kiếm (gõ để tìm; kết quả đổi theo từng chữ gõ vào)$" screen &&
	ui_keys G &&
	ui_wait "Ở mọi nơi" &&
	ui_wait "xem các phím tắt" &&
	ui_screen | grep -q "^   q  *thoát$" &&
	ui_keys q &&
	ui_wait_status "luot: danh sách"
'

test_expect_success 'the note question, saved and cancelled' '
	ui_keys a &&
	ui_wait "ghi chú:" &&
	ui_type "đọc lại cuối tuần" &&
	ui_keys Enter &&
	ui_wait "đã lưu ghi chú" &&
	ui_wait_status "chưa đọc 19  dấu trang 1$" &&
	ui_keys t &&
	ui_wait "thẻ (a, b;" &&
	ui_keys Escape &&
	ui_wait "đã hủy"
'

test_expect_success 'o sorts: the message says how' '
	ui_keys O &&
	ui_wait "xếp theo thứ tự nhập, mới nhất trước" &&
	ui_keys O &&
	ui_wait "xếp theo ngày đăng, mới nhất trước"
'

test_expect_success 'the reader: its pane, bookmarking, finding' '
	ui_keys Enter &&
	ui_wait_status "luot: bài viết" &&
	ui_screen | head -n 5 | grep -Eq "(Thứ [^,]*|Chủ [Nn]hật), [0-9]{2}/[0-9]{2}/[0-9]{4}" &&
	ui_keys m &&
	ui_wait "đã bỏ dấu trang" &&
	ui_keys m &&
	ui_wait "đã thêm dấu trang" &&
	ui_keys n &&
	ui_wait "chưa có gì để tìm: nhấn / trước đã" &&
	ui_keys / &&
	ui_wait "tìm:" &&
	ui_type "khôngcóđâu" &&
	ui_keys Enter &&
	ui_wait "không thấy trong bài này" &&
	ui_keys q &&
	ui_wait_status "luot: danh sách"
'

test_expect_success 'the search: its pane, the order of quick hits, no match' '
	ui_keys / &&
	ui_wait_status "luot: tìm kiếm" &&
	ui_type "dan van" &&
	ui_wait_status "luot: tìm kiếm  1/[0-9]*" &&
	ui_keys C-u &&
	ui_type "zzqxw" &&
	ui_wait "Không có kết quả nào." &&
	ui_keys Escape &&
	ui_wait_status "luot: danh sách"
'

test_expect_success 'no line of the screens drawn is wider than the terminal' '
	ui_keys "?" &&
	ui_wait "Trong danh sách" &&
	ui_screen | "$COLWIDTH" >widths &&
	test "$(sort -n widths | tail -n 1)" -le 100 &&
	ui_keys q q &&
	test "$(ui_exit_status)" = 0
'

test_expect_success 'an empty database says how to import, in Vietnamese' '
	ui_start 80 24 --db "$T/empty.db" &&
	ui_wait "Chưa có bài viết nào." &&
	ui_screen >screen &&
	grep -q "Nhập một thư mục bài viết bằng lệnh:" screen &&
	grep -q "luot import THƯ_MỤC" screen &&
	grep -q "Nhấn q để thoát, ? để xem các phím tắt." screen
'

test_expect_success 'a terminal too small says so, cut by columns' '
	ui_resize 14 4 &&
	ui_wait "Terminal quá" &&
	ui_screen | "$COLWIDTH" >widths &&
	test "$(sort -n widths | tail -n 1)" -le 14 &&
	ui_resize 80 24 &&
	ui_wait "Chưa có bài viết nào." &&
	ui_keys q &&
	test "$(ui_exit_status)" = 0
'

test_done
