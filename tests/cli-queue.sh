#!/bin/sh
# cli-queue.sh: the reading queue from the command line: queue add, rm,
# the list first added first, is:queued in searches, kept by content
# across a delete and a new import, as the rest of the reading state.
. "$TESTLIB"

db="$T/q.db"
"$LUOT" --db "$db" import -q "$LUOT_DATADIR/demo" >/dev/null

ids() {
	"$LUOT" --db "$db" queue --json | jq -r .id | tr "\n" " "
}

test_expect_success 'an empty queue: nothing listed, and said so' '
	"$LUOT" --db "$db" queue >out 2>err &&
	test ! -s out &&
	grep -q "the reading queue is empty" err
'

test_expect_success 'queue add: listed in the order added, not by date or id' '
	"$LUOT" --db "$db" queue add 7 2 &&
	"$LUOT" --db "$db" queue add 11 &&
	test "$(ids)" = "7 2 11 " &&
	"$LUOT" --db "$db" queue >out &&
	test "$(wc -l <out)" = 3 &&
	head -n 1 out | grep -q "^ *7  "
'

test_expect_success 'adding a queued article again keeps its place' '
	"$LUOT" --db "$db" queue add 7 &&
	test "$(ids)" = "7 2 11 "
'

test_expect_success 'queue rm takes one out; the others keep their order' '
	"$LUOT" --db "$db" queue rm 2 &&
	test "$(ids)" = "7 11 " &&
	"$LUOT" --db "$db" queue add 2 &&
	test "$(ids)" = "7 11 2 "
'

test_expect_success 'is:queued finds the queued articles, alone or with words' '
	"$LUOT" --db "$db" search --json --limit 100 is:queued >j &&
	test "$(jq -s "map(.id) | sort | map(tostring) | join(\" \")" j)" = "\"2 7 11\"" &&
	t=$("$LUOT" --db "$db" show --json 7 | jq -r .title | cut -d" " -f4-6) &&
	"$LUOT" --db "$db" search --json "$t" is:queued >j2 &&
	jq -s -e "map(.id) | index(7) != null and all(.[]; . == 7 or . == 11 or . == 2)" j2
'

test_expect_success 'no such article, a bad id, a bad verb: an error, nothing changed' '
	{ "$LUOT" --db "$db" queue add 9999 2>err; test $? = 1; } &&
	grep -q "no article with id 9999" err &&
	{ "$LUOT" --db "$db" queue add x 2>err; test $? = 2; } &&
	{ "$LUOT" --db "$db" queue push 3 2>err; test $? = 2; } &&
	grep -q "queue wants add or rm" err &&
	{ "$LUOT" --db "$db" queue add 3 9999 2>err; test $? = 1; } &&
	test "$(ids)" = "7 11 2 "
'

test_expect_success 'the queue is kept by content: a deleted article imported again is still queued' '
	title=$("$LUOT" --db "$db" show --json 11 | jq -r .title) &&
	"$LUOT" --db "$db" delete 11 &&
	test "$(ids)" = "7 2 " &&
	"$LUOT" --db "$db" import -q "$LUOT_DATADIR/demo" >/dev/null &&
	"$LUOT" --db "$db" queue --json | jq -r .title >titles &&
	grep -qxF "$title" titles &&
	test "$(wc -l <titles)" = 3
'
test_done
