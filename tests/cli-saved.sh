#!/bin/sh
# cli-saved.sh: searches saved by name: save, change, forget; saved lists
# each with what it finds and the unread among them, as search counts.
. "$TESTLIB"

db="$T/s.db"
"$LUOT" --db "$db" import -q "$LUOT_DATADIR/demo" >/dev/null

test_expect_success 'save NAME -- QUERY: saved, with its counts; saved lists it' '
	"$LUOT" --db "$db" save "Dân vận" -- dan van >out &&
	n=$("$LUOT" --db "$db" search --limit 1000 dan van | grep -c "^ *[0-9]") &&
	grep -qx "saved Dân vận: dan van (articles $n, unread $n)" out &&
	"$LUOT" --db "$db" saved >list &&
	grep -q "^ *$n *$n  Dân vận  dan van$" list
'

test_expect_success 'the unread count follows what is read' '
	n=$("$LUOT" --db "$db" search --limit 1000 dan van | grep -c "^ *[0-9]") &&
	id=$("$LUOT" --db "$db" search dan van | awk "NR == 1 { print \$1 }") &&
	"$LUOT" --db "$db" read "$id" &&
	"$LUOT" --db "$db" saved --json >j &&
	jq -e "select(.name == \"Dân vận\") | .articles == $n and .unread == $n - 1 and
		.articles_more == false and .query == \"dan van\" and (.created | test(\"Z$\"))" j
'

test_expect_success 'a name saved again takes the new query; filters and phrases are kept as typed' '
	"$LUOT" --db "$db" save "Dân vận" -- "\"dân vận\"" site:example.vn >out &&
	grep -q "^changed Dân vận: \"dân vận\" site:example.vn (articles 0, unread 0)$" out &&
	test "$("$LUOT" --db "$db" saved | wc -l)" = 1
'

test_expect_success 'saved searches come by name; --rm forgets one; an unknown name fails' '
	"$LUOT" --db "$db" save "Lễ hội" lễ hội >/dev/null &&
	"$LUOT" --db "$db" save "biển" -- biển >/dev/null &&
	"$LUOT" --db "$db" saved | awk "{ print \$3 }" >names &&
	printf "biển\nDân\nLễ\n" >want &&
	test_cmp want names &&
	"$LUOT" --db "$db" save --rm "Lễ hội" >out &&
	grep -qx "forgot Lễ hội" out &&
	{ "$LUOT" --db "$db" save --rm "Lễ hội" 2>err; test $? = 1; } &&
	grep -q "no search is saved as Lễ hội" err
'

test_expect_success 'usage: a name alone, an empty or multi-line name, a name too long' '
	{ "$LUOT" --db "$db" save onlyname 2>err; test $? = 2; } &&
	grep -q "save wants a name and a query" err &&
	{ "$LUOT" --db "$db" save "" x 2>err; test $? = 1; } &&
	grep -q "1 to 60 characters" err &&
	long=$(printf "%070d" 0) &&
	{ "$LUOT" --db "$db" save "$long" x 2>err; test $? = 1; } &&
	{ "$LUOT" --db "$db" save --rm a b 2>err; test $? = 2; } &&
	grep -q "save --rm takes the name alone" err
'

test_expect_success 'control characters in a name or query never reach the terminal' '
	"$LUOT" --db "$db" save "$(printf "x\033[31my")" -- "$(printf "a\033]0;t\007b")" >out &&
	"$LUOT" --db "$db" saved >list &&
	! grep -q "$(printf "\033")" out list
'

test_done
