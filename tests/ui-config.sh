#!/bin/sh
# ui-config.sh: the configuration file as the interface honours it, in
# tmux: bindings (rebound, unbound, a two-key sequence), a bad line said
# on stderr while the rest applies, colours in 256 and 8 colours, NO_COLOR,
# a forced layout, the date format and the columns of the list.
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
	printf "theme dark\ncolor status color208 color17 bold\n" >"$conf" &&
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

test_done
