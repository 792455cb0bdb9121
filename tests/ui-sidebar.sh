#!/bin/sh
# ui-sidebar.sh: the sidebar and the reading queue in tmux: shown by
# default on a wide screen when it has entries, S to go to it and hide
# it, Enter shows a saved search or a tag, counts that follow an import
# made by another process while luot runs, + and Q for the queue, reading
# takes an article out of it (set queue-keep-read on keeps it), set
# sidebar off.
. "$TESTLIB"
. "$(dirname "$TESTLIB")/ui-lib.sh"

db="$T/sb.db"
"$LUOT" --db "$db" import -q "$LUOT_DATADIR/demo" >/dev/null
"$LUOT" --db "$db" save "Lúa gạo" -- lúa >/dev/null
hits=$("$LUOT" --db "$db" search --limit 1000 lúa | grep -c "^ *[0-9]")
lua=$("$LUOT" --db "$db" search lúa | awk 'NR == 1 { print $1 }')
"$LUOT" --db "$db" bookmark add "$lua" -t "nông nghiệp"
conf="$XDG_CONFIG_HOME/luot/config"
mkdir -p "$(dirname "$conf")"

# Two new articles about rice, unlike each other and the rest (a copy
# would join their story and count as one).
cat >"$T/a1.txt" <<-EOF2
	Nông dân Giao Thủy gặt lúa sớm nhờ nắng ấm đầu mùa

	01/04/2024 - 08:01 AM

	Nông dân xã Giao Thủy bắt đầu gặt lúa sớm hơn mọi năm gần một tuần vì trời nắng ấm, thương lái về tận ruộng mua lúa tươi với giá cao.
	Hợp tác xã cho thuê máy gặt đập liên hợp, mỗi máy gặt xong một mẫu trong chưa đầy hai giờ, đỡ cho người già trong làng rất nhiều công sức.
	EOF2
cat >"$T/a2.txt" <<-EOF2
	Kho lạnh mới giúp hợp tác xã giữ lúa giống qua mùa mưa bão

	02/04/2024 - 09:30 AM

	Một kho lạnh sức chứa hai trăm tấn vừa được khánh thành ở huyện Hải Hậu, để các hợp tác xã gửi lúa giống qua những tháng ẩm ướt.
	Trước đây, nhiều hộ phải phơi lại hạt giống nhiều lần mà vẫn mất gần một phần năm vì nấm mốc; nay giống được kiểm tra độ ẩm mỗi tuần.
	EOF2

# wait_re RE: until a line of the screen matches RE.
screen_re() {
	ui_screen | grep -q -- "$1"
}
wait_re() {
	ui_until 5 "$1" screen_re "$1"
}

first=$("$LUOT" --db "$db" list | awk 'NR == 1 { print $1 }')
third=$("$LUOT" --db "$db" list | awk 'NR == 3 { print $1 }')

test_expect_success 'on 160 columns the sidebar shows the queue, the search and the tag, with counts' '
	ui_start 160 30 --db "$db" &&
	wait_re "^ Reading queue  *0 │" &&
	wait_re "^ Lúa gạo  *$hits/$hits │" &&
	wait_re "^ #nông nghiệp  *1/1 │"
'

test_expect_success '  S goes to it, Enter shows the saved search as hits, Esc back to it' '
	ui_keys S &&
	ui_wait_status "sidebar  1/3" &&
	ui_keys j Enter &&
	ui_wait "/ lúa" &&
	ui_wait_status "search  1/$hits" &&
	ui_keys Escape &&
	ui_wait_status "sidebar  2/3"
'

test_expect_success '  a tag shows its bookmarks; Tab leaves the sidebar shown' '
	ui_keys j Enter &&
	ui_wait "tag:\"nông nghiệp\"" &&
	ui_wait_status "search  1/1" &&
	ui_keys Escape &&
	ui_wait_status "sidebar" &&
	ui_keys Tab &&
	ui_wait_status "list" &&
	screen_has "Reading queue"
'

test_expect_success '  the counts follow an import made by another process while it runs' '
	"$LUOT" --db "$db" import -q "$T/a1.txt" "$T/a2.txt" >/dev/null &&
	m=$((hits + 2)) &&
	wait_re "Lúa gạo  *$m/$m │"
'

test_expect_success '  reading one article of the search lowers its unread count' '
	"$LUOT" --db "$db" read "$lua" &&
	wait_re "Lúa gạo  *$((hits + 1))/$((hits + 2)) │" &&
	wait_re "#nông nghiệp  *0/1 │"
'

test_expect_success '  S in the sidebar hides it; the list takes the screen' '
	ui_keys S &&
	ui_wait_status "sidebar" &&
	ui_keys S &&
	ui_wait_gone "Reading queue" &&
	ui_wait_status "list"
'

test_expect_success 'on 100 columns it is hidden; S shows it, narrower' '
	ui_start 100 30 --db "$db" &&
	ui_wait "luot: list" &&
	screen_lacks "Reading queue" &&
	ui_keys S &&
	ui_wait "Reading queue" &&
	ui_wait_status "sidebar"
'

test_expect_success '  the screen made too narrow for it: hidden, the keys back to the list' '
	ui_resize 40 30 &&
	ui_wait_gone "Reading queue" &&
	ui_wait_status "list" &&
	ui_keys j &&
	ui_wait_status "list  2/"
'

test_expect_success '+ queues articles, Q lists them first added first' '
	ui_start 100 30 --db "$db" &&
	ui_wait "luot: list" &&
	ui_keys g &&
	ui_keys j j + &&
	ui_wait "added to the reading queue" &&
	ui_keys g + &&
	ui_wait_status "list" &&
	test "$("$LUOT" --db "$db" queue --json | jq -r .id | tr "\n" " ")" = "$third $first " &&
	ui_keys Q &&
	ui_wait_status "queue  1/2" &&
	t3=$("$LUOT" --db "$db" show --json "$third" | jq -r .title | cut -c1-30) &&
	ui_body | sed -n 1p | grep -qF "$t3"
'

test_expect_success '  reading a queued article takes it out; + in the queue takes one out' '
	ui_keys Enter &&
	ui_wait_status "article" &&
	ui_keys q &&
	ui_wait_status "queue  1/1" &&
	test "$("$LUOT" --db "$db" queue --json | jq -r .id)" = "$first" &&
	ui_keys + &&
	ui_wait "The reading queue is empty" &&
	{ "$LUOT" --db "$db" queue 2>err; grep -q "empty" err; }
'

test_expect_success 'set queue-keep-read on: read, it stays; set sidebar off: not on a wide screen' '
	printf "set queue-keep-read on\nset sidebar off\n" >"$conf" &&
	"$LUOT" --db "$db" queue add "$first" &&
	ui_start 160 30 --db "$db" &&
	ui_wait "luot: list" &&
	screen_lacks "Reading queue" &&
	ui_keys Q &&
	ui_wait_status "queue  1/1" &&
	ui_keys Enter &&
	ui_wait_status "article" &&
	ui_keys q &&
	ui_wait_status "queue  1/1" &&
	test "$("$LUOT" --db "$db" queue --json | jq -r .id)" = "$first"
'
test_done
