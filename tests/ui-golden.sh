#!/bin/sh
# ui-golden.sh: every view, whole, as the terminal shows it, against the
# screens kept in tests/ui/ (NAME-COLSxROWS.screen): the list, the
# article, the search, the bookmarks and the help at 100x30 and 47x20,
# the split screen (the article beside the list, following its cursor)
# at 200x50, and the sidebar at 160x30. A deliberate change to the
# screens: regenerate them with "make golden", and read the diff before
# committing it.
. "$TESTLIB"
. "$(dirname "$TESTLIB")/ui-lib.sh"

golden=$(cd "$TESTDATA/.." && pwd)/ui
base="$T/base.db"
"$LUOT" --db "$base" import -q "$LUOT_DATADIR/demo" >/dev/null
# Two bookmarks, with a note and tags, and one article read.
second=$("$LUOT" --db "$base" list | awk 'NR == 2 { print $1 }')
fourth=$("$LUOT" --db "$base" list | awk 'NR == 4 { print $1 }')
"$LUOT" --db "$base" bookmark add "$second" --note "Ghi chú: đọc lại" -t "lễ hội" -t "văn hóa" &&
"$LUOT" --db "$base" bookmark add "$fourth" &&
"$LUOT" --db "$base" read "$fourth" || exit 1

# still: until the screen stays the same for 300 ms (the counts and a
# followed article come at pauses).
still() {
	prev=$(ui_screen)
	same=0 i=0
	while [ $same -lt 6 ] && [ $i -lt 100 ]; do
		sleep 0.05
		cur=$(ui_screen)
		if [ "$cur" = "$prev" ]; then same=$((same + 1)); else same=0; fi
		prev=$cur
		i=$((i + 1))
	done
}

ranked() {
	screen_lacks "newest first"
}

# snap NAME: the screen against tests/ui/NAME.screen, or written there
# with LUOT_GOLDEN=update.
snap() {
	still
	ui_screen >"$1.screen"
	if [ "${LUOT_GOLDEN:-}" = update ]; then
		cp "$1.screen" "$golden/$1.screen"
		return 0
	fi
	diff -u "$golden/$1.screen" "$1.screen" >&2
}

# views COLS ROWS: each view at that size, on a fresh copy of the data.
views() {
	size=$1x$2
	rm -f "$T"/v.db* && cp "$base" "$T/v.db"
	ui_start "$1" "$2" --db "$T/v.db" &&
	ui_wait_status "unread" &&
	snap "list-$size" &&
	ui_keys Enter &&
	ui_wait_status "luot: article" &&
	snap "article-$size" &&
	ui_keys Escape &&
	ui_wait_status "luot: list" &&
	ui_keys / &&
	ui_type "dan van" &&
	ui_wait "/ dan van" &&
	ui_until 5 "ranked hits" ranked &&
	snap "search-$size" &&
	ui_keys Escape &&
	ui_wait_status "luot: list" &&
	ui_keys B &&
	ui_wait_status "luot: bookmarks" &&
	snap "bookmarks-$size" &&
	ui_keys Escape &&
	ui_wait_status "luot: list" &&
	ui_keys "?" &&
	ui_wait_status "luot: keys" &&
	snap "help-$size" &&
	ui_keys q &&
	ui_wait_status "luot: list" &&
	ui_keys q &&
	test "$(ui_exit_status)" = 0
}

test_expect_success 'every view at 100x30 is as kept in tests/ui' '
	views 100 30
'

test_expect_success 'every view at 47x20 is as kept in tests/ui' '
	views 47 20
'

test_expect_success 'the split screen at 200x50: the article follows the cursor' '
	rm -f "$T"/v.db* && cp "$base" "$T/v.db" &&
	ui_start 200 50 --db "$T/v.db" &&
	ui_wait_status "unread" &&
	snap "split-200x50" &&
	ui_keys j &&
	snap "split-moved-200x50" &&
	ui_keys Tab &&
	ui_wait_status "luot: article" &&
	snap "split-article-200x50" &&
	ui_keys Tab &&
	ui_wait_status "luot: list" &&
	ui_keys / &&
	ui_type "dan van" &&
	ui_until 5 "ranked hits" ranked &&
	snap "split-search-200x50" &&
	ui_keys q
'

test_expect_success 'the sidebar at 160x30: shown by itself, then with the keys, then a tag'"'"'s hits' '
	rm -f "$T"/v.db* && cp "$base" "$T/v.db" &&
	"$LUOT" --db "$T/v.db" save "Lễ hội" -- lễ hội >/dev/null &&
	"$LUOT" --db "$T/v.db" queue add "$second" "$fourth" &&
	ui_start 160 30 --db "$T/v.db" &&
	ui_wait_status "unread" &&
	ui_wait "Reading queue" &&
	snap "sidebar-160x30" &&
	ui_keys S j j &&
	ui_wait_status "sidebar  3/4" &&
	snap "sidebar-focus-160x30" &&
	ui_keys Enter &&
	ui_wait_status "search" &&
	snap "sidebar-tag-160x30" &&
	ui_keys Escape Escape q
'

test_done
