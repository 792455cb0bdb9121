#!/bin/sh
# ui-config.sh: the configuration file as the interface honours it, in
# tmux: bindings (rebound, unbound, a two-key sequence), a bad line said
# on stderr while the rest applies, colours in 256 and 8 colours, NO_COLOR,
# a forced layout, the date format and the columns of the list, the
# reader's text width and centring.
. "$TESTLIB"
. "$(dirname "$TESTLIB")/ui-lib.sh"

db="$T/demo.db"
"$LUOT" --db "$db" import -q "$LUOT_DATADIR/demo" >/dev/null
mkdir -p "$XDG_CONFIG_HOME/luot"
conf="$XDG_CONFIG_HOME/luot/config"
last=$("$LUOT" --db "$db" list | tail -n 1 | cut -c 39-70 | sed "s/^ *//")

# The status line with its attributes, as escape sequences.
status_attrs() {
	ui_screen_attrs | grep "luot: list"
}

test_expect_success 'the default file: x quits instead of q; a bad line is said, the rest applies' '
	cat >"$conf" <<-EOF &&
	# keys
	bind x quit
	set layout sideways
	unbind q
	EOF
	ui_start 100 30 --db "$db" &&
	ui_wait "luot: list" &&
	ui_wait "config:3: layout: sideways is not" &&
	grep -q "config:3: layout: sideways is not auto, single, tall or wide" "$T/ui-stderr" &&
	test "$(wc -l <"$T/ui-stderr")" -eq 1 &&
	ui_keys q &&
	ui_keys j &&
	ui_settle &&
	screen_has "luot: list" &&
	ui_keys x &&
	test "$(ui_exit_status)" = 0
'

test_expect_success 'a two-key sequence: g g goes to the bottom, g alone waits' '
	printf "bind g g bottom\n" >"$conf" &&
	ui_start 100 30 --db "$db" &&
	ui_wait "luot: list" &&
	ui_keys g &&
	ui_settle &&
	ui_keys g &&
	ui_wait_status "19/19" &&
	ui_keys Enter &&
	ui_wait "$last" &&
	ui_keys q &&
	ui_keys g z &&
	ui_wait "g z: no such key"
'

test_expect_success '--config FILE instead of the default one' '
	printf "bind Q quit\n" >"$T/other.conf" &&
	ui_start 100 30 --db "$db" --config "$T/other.conf" &&
	ui_wait "luot: list" &&
	ui_keys Q &&
	test "$(ui_exit_status)" = 0
'

# Each start from the first row: luot puts the cursor back where it was.
fresh_place() {
	rm -f "$XDG_DATA_HOME/luot/list-position"
}

test_expect_success 'by default, colour where the terminal has it; none with NO_COLOR' '
	: >"$conf" && fresh_place &&
	ui_start 100 30 --db "$db" &&
	ui_wait "luot: list" &&
	ui_screen_attrs | grep "2024-12-20" >row &&
	grep -q "\[36m\|;36m\|\[36;\|;36;" row &&
	UI_ENV=NO_COLOR=1 ui_start 100 30 --db "$db" &&
	ui_wait "luot: list" &&
	ui_screen_attrs >screen &&
	! grep -q "\[3[0-7]m\|\[4[0-7]m\|;3[0-7]m\|;4[0-7]m" screen
'

test_expect_success 'the key-hint bar names the keys as bound, per view; set key-hints off hides it' '
	printf "bind x quit\nunbind q\n" >"$conf" &&
	ui_start 100 30 --db "$db" &&
	ui_wait "luot: list" &&
	ui_screen | tail -n 3 | head -n 1 >bar &&
	grep -q "Enter open  / search" bar && grep -q "x quit" bar &&
	ui_keys Enter &&
	ui_wait_status "luot: article" &&
	ui_screen | tail -n 3 | head -n 1 | grep -q "J next  K previous" &&
	printf "set key-hints off\n" >"$conf" &&
	ui_start 100 30 --db "$db" &&
	ui_wait "luot: list" &&
	ui_wait_status "luot: list" &&
	screen_lacks "Enter open"
'

test_expect_success 'set column-headers on: the columns named over them, the rows under' '
	printf "set column-headers on\n" >"$conf" && fresh_place &&
	ui_start 100 30 --db "$db" &&
	ui_wait_status "luot: list  1/19" &&
	ui_screen | head -n 1 | grep -q "^   Date  *Source  *Title" &&
	ui_screen | sed -n 2p | grep -q "2025-02-03" &&
	ui_keys G &&
	ui_wait_status "luot: list  19/19" &&
	ui_screen | head -n 1 | grep -q "Title" &&
	ui_keys g &&
	ui_wait_status "luot: list  1/19" &&
	ui_screen | sed -n 2p | grep -q "2025-02-03"
'

test_expect_success 'colours: 256 where the terminal has them' '
	printf "color status color208 color17 bold\n" >"$conf" &&
	UI_TERM=screen-256color ui_start 100 30 --db "$db" &&
	ui_wait "luot: list" &&
	status_attrs >line &&
	grep -q "38;5;208" line && grep -q "48;5;17" line
'

test_expect_success '...the nearest of eight where it has eight' '
	ui_start 100 30 --db "$db" &&
	ui_wait "luot: list" &&
	status_attrs >line &&
	grep -q "\[31m\|;31m\|\[31;\|;31;" line && grep -q "40m\|;40;\|\[40;" line &&
	! grep -q "38;5" line
'

test_expect_success 'NO_COLOR: no colour at all; the attributes kept, and the selected row still marked' '
	printf "theme dark\ncolor status color208 color17 bold\n" >"$conf" && fresh_place &&
	UI_TERM=screen-256color UI_ENV=NO_COLOR=1 ui_start 100 30 --db "$db" &&
	ui_wait "luot: list" &&
	ui_screen_attrs >screen &&
	! grep -q "38;5\|48;5\|\[3[0-7]m\|\[4[0-7]m\|;3[0-7]m\|;4[0-7]m" screen &&
	status_attrs | grep -q "\[1m\|;1m\|\[1;" &&
	grep "Sôi nổi lễ hội" screen | grep -q "\[7m\|;7m\|\[7;"
'

test_expect_success 'the dark theme colours the screen' '
	printf "theme dark\n" >"$conf" &&
	UI_TERM=screen-256color ui_start 100 30 --db "$db" &&
	ui_wait "luot: list" &&
	status_attrs | grep -q "48;5;110"
'

test_expect_success 'set layout wide: list beside the article on 100 columns' '
	printf "set layout wide\nset list-size 50\n" >"$conf" &&
	ui_start 100 30 --db "$db" &&
	ui_wait "luot: list" &&
	ui_screen >screen &&
	test "$(grep -c "│" screen)" -ge 20
'

test_expect_success 'date format and columns of the list' '
	printf "set date-format \"%%d/%%m/%%Y\"\nset columns title date\n" >"$conf" &&
	ui_start 100 30 --db "$db" &&
	ui_wait "20/12/2024" &&
	ui_screen | grep "20/12/2024" | grep -q "^Thanh Hóa: Hơn 90%" &&
	screen_lacks "2024-12-20"
'

test_expect_success 'the source column: as wide as the longest source shown, none without' '
	: >"$conf" &&
	mkdir nosource &&
	cp "$LUOT_DATADIR/demo/15-nuoc-sach.txt" "$LUOT_DATADIR/demo/18-trung-thu.txt" nosource/ &&
	"$LUOT" --db nosource.db import -q nosource >/dev/null &&
	ui_start 100 30 --db nosource.db &&
	ui_wait "luot: list" &&
	ui_screen | grep -q "^N  2024-12-20  Thanh Hóa: Hơn 90%" &&
	ui_start 100 8 --db "$db" &&
	ui_wait "luot: list" &&
	ui_screen | grep -q "^N  2024-06-06  Báo Đà Nẵng  Đà Nẵng: Hơn 13.000" &&
	ui_screen | grep -q "^N  2024-07-01               Quy Nhơn đông nghịt"
'

# text_box: the first and the last column of the article's body lines on
# the screen ("FIRST LAST", 1-based), the header and status left out.
text_box() {
	ui_body | sed -n "4,\$p" | grep . >box &&
	first=$(sed "s/[^ ].*//" box | awk "{ if (NR == 1 || length(\$0) < m) m = length(\$0) }
		END { print m + 1 }") &&
	last=$("$COLWIDTH" <box | sort -n | tail -n 1) &&
	echo "$first $last"
}

# open_wide CONF: luot at 200 columns, one pane, the article about the
# Mid-Autumn night open.
open_wide() {
	printf "set layout single\n%s\n" "$1" >"$conf" &&
	ui_start 200 40 --db "$db" &&
	ui_wait "luot: list" &&
	ui_keys j j Enter &&
	ui_wait "luot: article"
}

test_expect_success 'text-width: 80 columns by default, in the middle of 200' '
	open_wide "" &&
	set -- $(text_box) &&
	test "$1" -ge 55 && test "$1" -le 62 &&
	test $(($2 - $1)) -le 80 && test $(($2 - $1)) -ge 70
'

test_expect_success 'text-center off: from the left margin' '
	open_wide "set text-center off" &&
	set -- $(text_box) &&
	test "$1" = 2 && test "$2" -le 81
'

test_expect_success 'text-width 0: the pane is the limit; a bad value is said' '
	open_wide "set text-width 0" &&
	set -- $(text_box) &&
	test "$2" -gt 150 &&
	printf "set text-width 5\nset text-center maybe\n" >"$conf" &&
	{ "$LUOT" --dump-config 2>err >dump; test $? = 1; } &&
	grep -q "text-width: 5 is not 0" err && grep -q "text-center: maybe is not on or off" err &&
	grep -q "^set text-width 80$" dump && grep -q "^set text-center on$" dump
'

test_done
