#!/bin/sh
# ui-stories.sh: stories in tmux: one row a story with its number of
# copies, the reader naming the other papers, c listing every copy,
# reading one copy reads the story, and set stories off (the head keeps
# its mark).
. "$TESTLIB"
. "$(dirname "$TESTLIB")/ui-lib.sh"

db="$T/st.db"
"$LUOT" --db "$db" import -q "$TESTDATA/stories" >/dev/null
head="Quảng Ngãi: Khánh thành hồ chứa nước Nước Trong cấp nước tưới cho 5.000 ha lúa"

test_expect_success 'the list shows the story once, its earliest copy, marked ×3' '
	ui_start 120 20 --db "$db" &&
	ui_wait "$head" &&
	ui_screen | grep -q "$head ×3$" &&
	test "$(ui_screen | grep -c "Nước Trong")" = 3 &&
	! ui_screen | grep -q "Báo Tin tức" &&
	ui_wait_status "1/3"
'

test_expect_success '  a search shows the story once too, marked ×3' '
	ui_keys / &&
	ui_type "khánh thành hồ" &&
	ui_wait "hồ chứa nước Nước Trong cấp nước tưới cho 5.000 ha lúa ×3" &&
	! ui_screen | grep -q "Báo Tin tức" &&
	ui_wait_status "(articles: 5)" &&
	ui_keys Escape &&
	ui_wait_status "list"
'

test_expect_success '  the reader names the other papers under the header' '
	ui_keys G Enter &&
	ui_wait "Also in: Báo Dân Sinh (10/3), Báo Tin tức (11/3)"
'

test_expect_success '  c lists every copy of the story; Enter opens one' '
	ui_keys c &&
	ui_wait "story:" &&
	ui_wait "Báo Tin tức" &&
	test "$(ui_screen | grep -c "Nước Trong\|hồ chứa nước")" -ge 3 &&
	ui_wait_status "1/3" &&
	ui_keys C-n Enter &&
	ui_wait "Also in: " &&
	ui_screen | grep -q "Also in: [^,]* ([0-9/]*), [^,]* ([0-9/]*)$" &&
	ui_keys q Escape q
'

test_expect_success '  D marks the words a copy changed against the earliest; D again unmarks them' '
	ui_start 120 30 --db "$db" &&
	ui_wait "$head" &&
	ui_keys G c &&
	ui_wait "story:" &&
	ui_wait_status "1/3" &&
	ui_keys C-n Enter &&
	ui_wait "Also in: Báo Quảng Ngãi" &&
	ui_screen_attrs | sed -n 5,26p >before &&
	! grep -q "\[7m\|;7m" before &&
	ui_keys D &&
	ui_wait "words differ from Báo Quảng Ngãi (2025-03-10)" &&
	ui_screen_attrs | sed -n 5,26p >after &&
	grep -q "\[7m\|;7m" after &&
	ui_keys D &&
	ui_wait "differences unmarked" &&
	ui_screen_attrs | sed -n 5,26p >again &&
	! grep -q "\[7m\|;7m" again &&
	ui_keys q Escape q
'

test_expect_success '  D on an article alone says there is nothing to compare with' '
	ui_start 120 30 --db "$db" &&
	ui_wait "$head" &&
	ui_keys g &&
	ui_wait_status "1/3" &&
	ui_keys Enter &&
	ui_wait_status "article" &&
	ui_keys D &&
	ui_wait "no other copy of this story to compare with" &&
	ui_keys q q
'

test_expect_success 'reading the story read its copies' '
	"$LUOT" --db "$db" list --no-group --unread --json >j &&
	jq -s -e "map(.title) | all(.[]; test(\"Nhìn lại|Nông dân\"))" j
'

test_expect_success 'set stories off: every copy is a row' '
	mkdir -p "$XDG_CONFIG_HOME/luot" && printf "set stories off\n" >"$XDG_CONFIG_HOME/luot/config" &&
	ui_start 120 20 --db "$db" &&
	ui_wait "Báo Tin tức" &&
	ui_keys g &&
	ui_wait "Nhìn lại: Quảng Ngãi" &&
	test "$(ui_screen | grep -c "Nước Trong\|hồ chứa nước")" = 5 &&
	ui_wait_status "1/5" &&
	ui_keys q
'

test_done
