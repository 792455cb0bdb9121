#!/bin/sh
# ui-safety.sh: what the interface must survive: hostile article text,
# terminals it cannot drive, a locale that is not UTF-8, NFD text, another
# process importing while it is open, Ctrl-Z.
. "$TESTLIB"
. "$(dirname "$TESTLIB")/ui-lib.sh"

db="$T/demo.db"
"$LUOT" --db "$db" import -q "$LUOT_DATADIR/demo" >/dev/null
esc=$(printf "\033")

# An article written past the importer (which would clean it), as a
# database from elsewhere could hold: escape sequences of every kind, C1
# controls, bidi overrides, zero-width characters, a 1 MB line.
hostile() {
	sql "$db" "INSERT INTO article (hash, title, path, imported, body, captions, words,
		published)
	SELECT randomblob(32),
		'Hostile ' || char(27) || '[2J' || char(27) || ']0;PWNED' || char(7) || ' title',
		'x.txt', '2030-01-01', luot_zip(
		'CSI ' || char(27) || '[31mred' || char(27) || '[0m. OSC 52 ' || char(27) ||
		']52;c;cm0gLXJmIC8=' || char(7) || '. OSC 8 ' || char(27) || ']8;;http://evil' ||
		char(27) || char(92) || 'link. DCS ' || char(27) || 'P1;2|x' || char(27) ||
		char(92) || '. C1 ' || char(155) || '2J and ' || char(144) || '. Bidi ' ||
		char(8238) || 'desrever' || char(8236) || ' ' || char(8294) || 'iso' ||
		char(8297) || '. Zero width ' || char(8203) || char(8204) || char(8205) || 'x.' ||
		char(10) || printf('%.*c', 1000000, 'w')),
		luot_zip(''), 10, '2030-01-01'"
}

test_expect_success 'hostile article text never reaches the terminal' '
	hostile &&
	ui_start 80 24 --db "$db" &&
	ui_wait "Hostile" &&
	ui_tmux pipe-pane -o "cat >>\"$T/raw\"" &&
	ui_keys Enter &&
	ui_wait "OSC 52" 20 &&
	ui_keys G &&
	ui_settle &&
	ui_tmux pipe-pane &&
	ui_until 5 "what the terminal got, piped" test -s raw &&
	! grep -q "PWNED$(printf "\\007")" raw &&
	! grep -q "${esc}\\]" raw &&
	! grep -q "${esc}P" raw &&
	! grep -q "$(printf "\\302\\233")" raw &&
	! grep -q "$(printf "\\302\\220")" raw &&
	! grep -q "$(printf "\\342\\200\\256")" raw &&
	! grep -q "$(printf "\\342\\201\\246")" raw &&
	! grep -q "${esc}\\[31m" raw
'

test_expect_success 'and the screen stays whole: text in place, status line last' '
	ui_keys g &&
	ui_settle &&
	ui_screen | head -n 1 | grep -q "^ Hostile �\\[2J�\\]0;PWNED� title" &&
	ui_status_line | grep -q "luot: article" &&
	ui_screen | "$COLWIDTH" >widths &&
	! grep -q -- "^-1$" widths &&
	test "$(sort -n widths | tail -n 1)" -le 80
'

test_expect_success 'not a terminal: a note, and the list without escape codes' '
	"$LUOT" --db "$db" </dev/null >out 2>err &&
	test "$(count_lines err)" = 1 &&
	grep -q "not a terminal" err &&
	grep -q "Sôi nổi lễ hội đua ghe" out &&
	! grep -q "$esc" out
'

test_expect_success 'TERM=dumb: the same, never escape codes' '
	UI_TERM=dumb ui_start 100 30 --db "$db" &&
	ui_wait "Sôi nổi lễ hội" &&
	grep -q "TERM=dumb" ui-stderr &&
	test "$(ui_exit_status)" = 0
'

test_expect_success 'an unknown TERM and an empty one: the same' '
	UI_TERM=no-such-terminal-xyz ui_start 100 30 --db "$db" &&
	ui_wait "Sôi nổi lễ hội" &&
	grep -q "unknown terminal type" ui-stderr &&
	UI_TERM= ui_start 100 30 --db "$db" &&
	ui_wait "Sôi nổi lễ hội" &&
	grep -q "TERM is not set" ui-stderr
'

test_expect_success 'vt100 and linux terminals work' '
	UI_TERM=vt100 ui_start 80 24 --db "$db" &&
	ui_wait "luot: list" &&
	ui_keys q &&
	UI_TERM=linux ui_start 80 24 --db "$db" &&
	ui_wait "luot: list"
'

test_expect_success 'a locale that is not UTF-8: a warning and readable ASCII' '
	UI_LC_ALL=C ui_start 100 30 --db "$db" &&
	ui_wait "Soi noi le hoi dua ghe dau xuan tren song Thu Bon" &&
	ui_wait "not UTF-8" &&
	grep -q "not UTF-8" ui-stderr
'

test_expect_success 'an NFD article looks the same as its NFC twin' '
	"$LUOT" --db "$T/twins.db" import -q "$TESTDATA/ui" >/dev/null &&
	printf "set stories off\n" >"$T/twins.conf" &&
	ui_start 80 24 --db "$T/twins.db" -c "$T/twins.conf" &&
	ui_wait "Bản NF" &&
	ui_keys g Enter &&
	ui_wait "Dân vận khéo" &&
	ui_screen | head -n 1 >title1 &&
	ui_screen | sed -n 2,12p >one &&
	ui_keys q j Enter &&
	ui_wait_gone "$(cat title1)" &&
	ui_wait "Dân vận khéo" &&
	ui_screen | sed -n 2,12p >two &&
	test_cmp one two &&
	cat title1 - <<-EOF | sort | uniq | wc -l | grep -q 2
	$(ui_screen | head -n 1)
	EOF
'

test_expect_success 'an import in another process: no error, new articles appear' '
	"$LUOT" --db "$T/live.db" import -q "$TESTDATA/ui" >/dev/null &&
	ui_start 100 30 --db "$T/live.db" &&
	ui_wait "Bản NFC" &&
	"$LUOT" --db "$T/live.db" import -q "$LUOT_DATADIR/demo" >/dev/null &&
	ui_wait "Sôi nổi lễ hội" &&
	! ui_screen | grep -qi "error\|locked"
'

# Job control needs an interactive shell (luot run from a non-interactive
# one is in an orphaned process group, where the kernel drops SIGTSTP).
test_expect_success 'Ctrl-Z suspends to the shell; fg brings the screen back' '
	ui_start 100 30 --db "$T/live.db" &&
	ui_wait "luot: list" &&
	ui_keys q &&
	ui_tmux kill-server &&
	echo "luot-t$$-z" >"$T/ui-sock" &&
	ui_tmux -f /dev/null new-session -d -x 100 -y 30 \
		"env LC_ALL=C.UTF-8 TERM=screen HOME=$HOME PS1=\"sh$ \" sh -i" &&
	ui_wait "sh$" &&
	ui_type "\"$LUOT\" --db \"$T/live.db\"" &&
	ui_keys Enter &&
	ui_wait "luot: list" &&
	ui_keys C-z &&
	ui_wait_gone "luot: list" &&
	ui_wait "sh$" &&
	ui_type "fg" &&
	ui_keys Enter &&
	ui_wait "luot: list" &&
	ui_wait "Sôi nổi lễ hội" &&
	ui_keys q &&
	ui_wait "sh$"
'

test_done
