#!/bin/sh
# cli-terminal.sh: what every command writes to a terminal (a pty, under
# script(1)) when the store holds hostile text: escape sequences of every
# kind in title, body, author, source, note and tags, C1 controls, bidi
# overrides and isolates, a 1 MB line. None of it may reach the terminal;
# luot's own highlighting (reverse video) may.
. "$TESTLIB"

if ! command -v script >/dev/null 2>&1; then
	echo "1..0 # SKIP no script(1)"
	exit 0
fi

db="$T/h.db"
"$LUOT" --db "$db" import -q "$LUOT_DATADIR/demo" >/dev/null
esc=$(printf "\033")

# Past the importer (which would clean it), as a database from elsewhere
# could hold it.
sql "$db" "INSERT INTO article (hash, title, author, source, path, imported, body, captions,
	words, published)
SELECT randomblob(32),
	'Hostile ' || char(27) || '[2J' || char(27) || ']0;PWNED' || char(7) || ' title',
	'Tác giả ' || char(27) || ']8;;http://evil' || char(27) || char(92) || 'x',
	'Nguồn ' || char(155) || '2J' || char(8238) || 'desrever',
	'x' || char(10) || char(27) || '[2J.txt', '2030-01-01', luot_zip(
	'OSC 52 ' || char(27) || ']52;c;cm0gLXJmIC8=' || char(7) || '. CSI ' || char(27) ||
	'[31mred' || char(27) || '[0m. DCS ' || char(27) || 'P1;2|x' || char(27) || char(92) ||
	'. C1 ' || char(144) || '. Bidi ' || char(8294) || 'iso' || char(8297) || '.' ||
	char(10) || printf('%.*c', 1000000, 'w')),
	luot_zip('Chú thích ' || char(27) || '[5m'), 10, '2030-01-01'" &&
id=$(sqlite3 "$db" "SELECT max(id) FROM article")
"$LUOT" --db "$db" bookmark add "$id" --note "$(printf 'ghi \033]52;c;eA==\007 chú')" \
	--tag "$(printf 'thẻ\033[8m')" >/dev/null

# tty NAME ARGS...: luot ARGS on a pty; everything it wrote, raw, in NAME.
tty() {
	name=$1
	shift
	args=""
	for a in "$@"; do
		args="$args '$a'"
	done
	script -qec "stty cols 120; '$LUOT' --db '$db' $args" /dev/null >"$T/$name" 2>&1
}

# clean FILE...: none of the hostile bytes in them.
clean() {
	for f in "$@"; do
		for bad in "${esc}]" "${esc}P" "${esc}[2J" "${esc}[31m" "${esc}[5m" "${esc}[8m" \
		    "$(printf "\007")" "$(printf "\302\233")" "$(printf "\302\220")" \
		    "$(printf "\342\200\256")" "$(printf "\342\201\246")"; do
			if grep -qF -- "$bad" "$f"; then
				echo "$f: holds $(printf "%s" "$bad" | od -c | head -n 1)"
				return 1
			fi
		done
	done
}

test_expect_success 'list, show, stats on a terminal' '
	tty list list && tty show show "$id" && tty stats stats &&
	grep -q "Hostile" list && grep -q "OSC 52" show &&
	clean list show stats
'

test_expect_success 'search on a terminal: hits highlighted, nothing hostile' '
	tty search search hostile && tty search2 search "OSC 52" &&
	grep -q "Hostile" search && grep -q "${esc}\\[7m\\|${esc}\\[.*7m" search2 &&
	clean search search2
'

test_expect_success 'JSON on a terminal: escapes as \\u001b, never raw' '
	tty listj list --json && tty showj show "$id" --json && tty searchj search --json hostile &&
	grep -q "u001b" showj &&
	clean listj showj searchj
'

test_expect_success 'bookmarks and every export format on a terminal' '
	tty marks bookmarks && tty marksj bookmarks --json &&
	tty md export --bookmarks --format md && tty csv export --bookmarks --format csv &&
	tty json export --bookmarks --format json &&
	grep -q "ghi" marks && grep -q "ghi" md &&
	clean marks marksj md csv json
'

test_expect_success 'read, unread, delete of that article: nothing hostile said' '
	tty read read "$id" && tty unread unread "$id" && tty del delete "$id" &&
	clean read unread del
'

test_done
