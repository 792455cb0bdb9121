#!/bin/sh
# ui-marks.sh: bookmarks in the interface, driven in tmux: the note and tag
# editors (multi-byte text, Backspace), the bookmarks view and its tag
# filter, next unread; and the interface open while the command line adds
# 200 bookmarks.
. "$TESTLIB"
. "$(dirname "$TESTLIB")/ui-lib.sh"

db="$T/demo.db"
"$LUOT" --db "$db" import -q "$LUOT_DATADIR/demo" >/dev/null

test_expect_success 'a writes a note: Vietnamese typed, Backspace takes a letter' '
	ui_start 100 30 --db "$db" &&
	ui_wait "luot: list" &&
	ui_keys j a &&
	ui_wait "note:" &&
	ui_type "Ghi chú: dân vận khéo" &&
	ui_wait "dân vận khéo" &&
	ui_keys BSpace &&
	ui_wait_gone "khéo" &&
	ui_wait "dân vận khé" &&
	ui_keys Enter &&
	ui_wait "note saved" &&
	"$LUOT" --db "$db" bookmarks --json >out &&
	test "$(jq -r .note out)" = "Ghi chú: dân vận khé" &&
	ui_wait "* 2024-12-20" &&
	ui_wait_status "unread 19  bookmarked 1"
'

test_expect_success 'Esc leaves the note as it was' '
	ui_keys a &&
	ui_wait "note: Ghi chú" &&
	ui_keys C-u &&
	ui_type "xoá hết" &&
	ui_keys Escape &&
	ui_wait "cancelled" &&
	test "$("$LUOT" --db "$db" bookmarks --json | jq -r .note)" = "Ghi chú: dân vận khé"
'

test_expect_success 'the cursor moves by grapheme; a long note scrolls' '
	ui_keys a &&
	ui_wait "note: Ghi chú" &&
	ui_keys C-u &&
	ui_type "Người" &&
	ui_keys Left Left &&
	ui_type "X" &&
	ui_wait "note: NgưXời" &&
	ui_keys End &&
	ui_type "$(printf "%0150d" 0) CUỐI" &&
	ui_wait "0 CUỐI" &&
	ui_screen | "$COLWIDTH" >widths &&
	test "$(sort -n widths | tail -n 1)" -le 100 &&
	ui_keys Escape &&
	ui_wait "cancelled"
'

test_expect_success 'emoji joined by U+200D are one: Backspace takes them whole; drawn without the joiners' '
	ui_keys a &&
	ui_wait "note: Ghi chú" &&
	ui_keys C-u &&
	ui_type "gia đình $(printf "\360\237\221\250\342\200\215\360\237\221\251\342\200\215\360\237\221\247")" &&
	ui_wait "note: gia đình $(printf "\360\237\221\250\360\237\221\251\360\237\221\247")" &&
	ui_keys BSpace &&
	ui_wait_gone "$(printf "\360\237\221\250")" &&
	ui_wait "note: gia đình" &&
	ui_type "x" &&
	ui_wait "note: gia đình x" &&
	ui_keys Escape &&
	ui_wait "cancelled"
'

test_expect_success 't sets tags' '
	ui_keys t &&
	ui_wait "tags" &&
	ui_type "lễ hội, văn hóa" &&
	ui_keys Enter &&
	ui_wait "tags saved" &&
	test "$("$LUOT" --db "$db" bookmarks --json | jq -c .tags)" = "[\"lễ hội\",\"văn hóa\"]" &&
	ui_keys j j a &&
	ui_wait "note:" &&
	ui_type "Bài thứ hai" &&
	ui_keys Enter t &&
	ui_wait "tags" &&
	ui_type "kinh tế" &&
	ui_keys Enter &&
	ui_wait "tags saved"
'

test_expect_success 'Tab completes a tag from those in use, matched folded' '
	ui_keys t &&
	ui_wait "tags (a, b" &&
	ui_keys C-u &&
	ui_type "kinh tế, VAN" &&
	ui_keys Tab &&
	ui_wait "tags (a, b; Tab completes): kinh tế, văn hóa," &&
	ui_type "l" &&
	ui_wait "văn hóa, l" &&
	ui_keys Tab &&
	ui_wait "kinh tế, văn hóa, lễ hội," &&
	ui_keys Escape &&
	ui_wait "cancelled" &&
	test "$("$LUOT" --db "$db" bookmarks --json | jq -c .tags | sort | tr -d "\n")" = \
		"[\"kinh tế\"][\"lễ hội\",\"văn hóa\"]"
'

test_expect_success 'B lists the bookmarks with tags and note; f filters by tag' '
	ui_keys B &&
	ui_wait "luot: bookmarks" &&
	ui_wait "#lễ hội #văn hóa  Ghi chú: dân vận khé" &&
	ui_screen | grep -q "#kinh tế  Bài thứ hai" &&
	ui_status_line | grep -q "1/2" &&
	ui_keys f &&
	ui_wait "tag (empty: all" &&
	ui_type "kinh tế" &&
	ui_keys Enter &&
	ui_wait_gone "Ghi chú" &&
	ui_status_line | grep -q "1/1 *#kinh tế"
'

test_expect_success 'Enter opens a bookmark; m in the view removes it' '
	ui_keys Enter &&
	ui_wait "luot: article" &&
	ui_keys q &&
	ui_wait "luot: bookmarks" &&
	ui_keys m &&
	ui_wait "No bookmark has this tag" &&
	test "$("$LUOT" --db "$db" bookmarks --json | wc -l)" = 1 &&
	ui_keys f C-u Enter &&
	ui_wait "Ghi chú" &&
	ui_keys q &&
	ui_wait "luot: list"
'

test_expect_success 'u goes to the next unread article' '
	ui_keys g Enter &&
	ui_wait "luot: article" &&
	ui_keys q &&
	ui_wait "luot: list" &&
	ui_keys g j Enter &&
	ui_wait "luot: article" &&
	ui_keys q g &&
	ui_wait "luot: list  1/" &&
	ui_keys u &&
	ui_wait "luot: list  3/"
'

test_expect_success 'the interface open while 200 bookmarks are added from the command line' '
	ids=$("$LUOT" --db "$db" list | awk "{ print \$1 }") &&
	i=0 &&
	for round in 1 2 3 4 5 6 7 8 9 10 11; do
		for id in $ids; do
			[ $i -lt 200 ] || break
			"$LUOT" --db "$db" bookmark add "$id" --tag "t$i" 2>>err || echo "failed $i" >>err
			i=$((i + 1))
		done
	done &&
	test ! -s err &&
	test "$(sql "$db" "SELECT count(*) FROM state_tag WHERE tag GLOB \"t[0-9]*\"")" = 200 &&
	ui_wait "* 2024-09-16" &&
	! ui_screen | grep -qi "error\\|locked"
'

test_expect_success 'at once: the interface, an import of 3,000 articles, 200 bookmark edits' '
	mkdir -p bulk &&
	awk -v dir=bulk "BEGIN { for (i = 0; i < 3000; i++) { f = dir \"/\" i \".txt\";
		printf \"Tin nhanh số %d trong ngày\\n\\nĐoạn một của tin số %d nói về thời tiết.\\nĐoạn hai của tin số %d nói về giao thông.\\n\", i, i, i >f; close(f) } }" &&
	"$LUOT" --db "$T/busy.db" import -q "$LUOT_DATADIR/demo" >/dev/null &&
	ui_start 100 30 --db "$T/busy.db" &&
	ui_wait "luot: list" || exit 1
	# The import in the background, alone: "&" would take the whole
	# chain before it along.
	{ "$LUOT" --db "$T/busy.db" import -q bulk >import.out 2>import.err; echo $? >import.st; } &
	ids=$("$LUOT" --db "$T/busy.db" list | awk "{ print \$1 }") &&
	i=0 &&
	for round in 1 2 3 4 5 6 7 8 9 10 11; do
		for id in $ids; do
			[ $i -lt 200 ] || break
			"$LUOT" --db "$T/busy.db" bookmark add "$id" --note "ghi chú $i" --tag "b$i" \
				2>>edits.err || echo "failed $i" >>edits.err
			[ $((i % 40)) = 0 ] && ui_keys j
			i=$((i + 1))
		done
	done &&
	ui_keys m &&
	wait &&
	test "$(cat import.st)" = 0 && test ! -s import.err && test ! -s edits.err &&
	grep -q "^imported 3000, duplicates 0, skipped 0, failed 0" import.out &&
	test "$(sql "$T/busy.db" "SELECT count(*) FROM state_tag WHERE tag GLOB \"b[0-9]*\"")" = 200 &&
	ui_wait_status "/3019 .*bookmarked" 20 &&
	! ui_screen | grep -qi "error\\|locked\\|busy" &&
	"$LUOT" --db "$T/busy.db" check >/dev/null
'

test_done
