#!/bin/sh
# docs.sh: the man page lints clean, and the bash completion parses, knows
# every command luot has and completes as expected.
. "$TESTLIB"

top=$(cd "$TESTDATA/../.." && pwd)
comp="$top/data/luot.bash"

if command -v groff >/dev/null 2>&1; then
	for page in luot.1 luot.conf.5; do
		test_expect_success "man page $page: groff -ww -z -Tutf8 prints no warning" '
			sed -e "s|@pkgdatadir@|/usr/share/luot|g" -e "s|@pkglibdir@|/usr/lib/luot|g" \
				-e "s|@VERSION@|0|g" "$top/man/'$page'.in" >page &&
			groff -ww -z -Tutf8 -man page 2>warnings &&
			test ! -s warnings
		'
	done
	test_expect_success 'luot.conf.5 names every action and every colour element' '
		"$LUOT" --dump-config >dump &&
		sed -e "s/\\\\-/-/g" -e "s/\\\\f[BIRP]//g" "$top/man/luot.conf.5.in" >plain &&
		for a in $(sed -n "s/^bind .* //p" dump | sort -u) \
			$(sed -n "s/^color \([a-z]*\) .*/\1/p" dump); do
			grep -qw -- "$a" plain || { echo "not in luot.conf.5: $a"; exit 1; }
		done
	'
else
	test_skip 'man page lint' 'no groff'
fi

if command -v bash >/dev/null 2>&1; then
	test_expect_success 'bash completion: the script parses' '
		bash -n "$comp"
	'

	test_expect_success 'bash completion: it lists exactly the commands of luot --help' '
		"$LUOT" --help | sed -n "/^Commands:/,/^$/p" | awk "NF > 1 { print \$1 }" | sort >want &&
		bash -c ". \"$comp\"; COMP_WORDS=(luot \"\"); COMP_CWORD=1; _luot;
			printf \"%s\\n\" \"\${COMPREPLY[@]}\"" | sort >got &&
		test_cmp want got
	'

	test_expect_success 'bash completion: options and values' '
		bash -c ". \"$comp\"; COMP_WORDS=(luot export --format \"\"); COMP_CWORD=3; _luot;
			echo \"\${COMPREPLY[*]}\"" >got &&
		test "$(cat got)" = "md csv json" &&
		bash -c ". \"$comp\"; COMP_WORDS=(luot --db x.db bookmark \"\"); COMP_CWORD=4; _luot;
			echo \"\${COMPREPLY[*]}\"" >got &&
		test "$(cat got)" = "add rm" &&
		bash -c ". \"$comp\"; COMP_WORDS=(luot search --s); COMP_CWORD=2; _luot;
			echo \"\${COMPREPLY[*]}\"" >got &&
		test "$(cat got)" = "--sort"
	'
else
	test_skip 'bash completion' 'no bash'
fi

test_done
