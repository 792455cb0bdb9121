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

# The pages built (man_MANS), beside the program under test.
built=$(cd "$(dirname "$LUOT")/.." && pwd)/man
test_expect_success 'the man pages built name the version, not a placeholder' '
	version=$("$LUOT" --version | sed -n "1s/.* //p") &&
	test -n "$version" &&
	for page in luot.1 luot.conf.5; do
		grep -q "^\.TH .*\"luot $version\"" "$built/$page" &&
		! grep -n "@[A-Za-z_]*@" "$built/$page" || { echo "in $page"; exit 1; }
	done
'

# opts_of CMD: the long options "luot help CMD" lists, one a line, and
# each one's short form after it where it has one ("--source -s").
opts_of() {
	"$LUOT" help "$1" | sed -n "/^Options:/,/^$/p" |
		awk "/^  +-/ { s = \"\"; for (i = 1; i <= NF; i++) {
			if (\$i ~ /^-[^-],\$/) s = substr(\$i, 1, 2);
			if (\$i ~ /^--/) { print \$i, s; break } } }"
}

commands=$("$LUOT" --help | sed -n "/^Commands:/,/^$/p" | awk "NF > 1 { print \$1 }")

test_expect_success 'the man page describes every option of every command' '
	sed -e "s/\\\\-/-/g" -e "s/\\\\f[BIRP]//g" "$top/man/luot.1.in" >plain1 &&
	for c in $commands; do
		# The command'"'"'s entry: from its .TP line to the next.
		awk -v c="$c" "/^\\.TP/ { on = 0; next } on || \$1 == c || (\$1 == \"read\" && c == \"unread\") { on = 1; print }" plain1 >entry &&
		test -s entry || { echo "no entry for $c"; exit 1; }
		opts_of "$c" | while read -r long short; do
			test "$long" = --db && continue
			grep -q -e "$long" ${short:+-e "$short[] .,]"} entry ||
				{ echo "$c: $long not in its man entry"; exit 1; }
		done || exit 1
	done
'

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

	test_expect_success 'bash completion: each command'"'"'s options are those of its help' '
		for c in $commands; do
			test "$c" = help && continue
			words="luot $c --"
			test "$c" = bookmark && words="luot bookmark add --"
			{ opts_of "$c" | awk "{ print \$1 }"; echo --help; } | sort >want &&
			bash -c ". \"$comp\"; COMP_WORDS=($words); COMP_CWORD=\$((\${#COMP_WORDS[@]} - 1)); _luot;
				printf \"%s\\n\" \"\${COMPREPLY[@]}\"" | sort >got &&
			test_cmp want got || { echo "completion of $c"; exit 1; }
		done
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
