#!/bin/sh
# cli-json.sh: --json output is JSON Lines with the documented keys.
. "$TESTLIB"

if ! command -v jq >/dev/null 2>&1; then
	echo "1..0 # SKIP no jq"
	exit 0
fi

db="$T/j.db"
"$LUOT" --db "$db" import "$TESTDATA/import" >/dev/null

test_expect_success 'list --json: one valid object a line' '
	"$LUOT" --db "$db" list --json >out &&
	test "$(count_lines out)" = "$(ls "$TESTDATA/import" | wc -l)" &&
	jq -c . out >/dev/null
'

test_expect_success 'list --json keys are exactly the documented ones' '
	"$LUOT" --db "$db" list --json | jq -c "keys" | sort -u >keys &&
	echo "[\"author\",\"crawled\",\"id\",\"path\",\"published\",\"source\",\"story\",\"title\",\"url\",\"words\"]" >want &&
	test_cmp want keys
'

test_expect_success 'unknown values are null, numbers are numbers' '
	"$LUOT" --db "$db" list --json >out &&
	jq -s -e "map(select(.path | endswith(\"noheadline.txt\"))) |
	    length == 1 and .[0].published == null and (.[0].words | type) == \"number\"" out
'

test_expect_success 'show --json adds paragraphs and captions arrays' '
	id=$(jq -r "select(.path | endswith(\"ttxvn-style.txt\")) | .id" out) &&
	"$LUOT" --db "$db" show "$id" --json >s &&
	test "$(count_lines s)" = 1 &&
	jq -e "(.paragraphs | type) == \"array\" and (.paragraphs | length) > 1 and (.captions | length) == 2" s
'

test_expect_success 'hostile strings round-trip through JSON' '
	printf "Tiêu đề \"trích dẫn\" \\\\ gạch ngược và tab\tở giữa\n\nĐây là đoạn văn đầu tiên của bài báo, đủ dài để được coi là nội dung.\n" >h.txt &&
	"$LUOT" --db h.db import h.txt >/dev/null &&
	"$LUOT" --db h.db list --json | jq -r .title >got &&
	printf "Tiêu đề \"trích dẫn\" \\\\ gạch ngược và tab ở giữa\n" >want &&
	test_cmp want got
'

test_expect_success 'stats --json is one object' '
	"$LUOT" --db "$db" stats --json | jq -e ".articles >= 5 and .schema == 21 and .index_parts >= 1"
'

test_done
