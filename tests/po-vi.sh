#!/bin/sh
# po-vi.sh: po/vi.po translates every message of the sources as they are
# now. The messages are extracted afresh, as "make update-po" does (the
# files of po/POTFILES.in, the options of po/Makevars), into the scratch
# folder: a string added or changed without its Vietnamese fails here
# rather than reach a user in English. Only reads the source tree, so it
# runs in make distcheck's read-only one.
. "$TESTLIB"

top=$(cd "$TESTDATA/../.." && pwd)
po="$top/po/vi.po"

for tool in xgettext msgmerge msgfmt msgattrib msgexec; do
	if ! command -v $tool >/dev/null 2>&1; then
		echo "1..0 # SKIP no $tool (GNU gettext tools)"
		exit 0
	fi
done

# Prints a message's msgid when its translation (on stdin) is the msgid
# itself and the msgid has words to translate: only options, operators
# and one-letter placeholders ("[--limit N] [--json]") may stay as they are.
cat >"$T/same.sh" <<'EOF'
msgstr=$(cat)
msgid=$(printf '%s' "$MSGEXEC_MSGID")
if [ -n "$msgid" ] && [ "$msgid" = "$msgstr" ] &&
    printf '%s' "$msgid" | sed 's/--[a-z-]*//g' | grep -q '[A-Za-z][A-Za-z]'; then
	printf '%s\n' "$msgid"
fi
exit 0
EOF

test_expect_success 'vi is in po/LINGUAS' '
	grep -qx "vi" "$top/po/LINGUAS"
'

test_expect_success 'the messages of the sources, extracted as po/Makevars says' '
	opts=$(sed -n "s/^XGETTEXT_OPTIONS *= *//p" "$top/po/Makevars") &&
	test -n "$opts" &&
	grep -v "^#" "$top/po/POTFILES.in" | grep . >files &&
	(cd "$top" && xgettext $opts -o "$T/luot.pot" -f "$T/files") &&
	grep -q "^msgid_plural" luot.pot &&
	test "$(grep -c "^msgid " luot.pot)" -gt 150
'

test_expect_success 'vi.po translates all of them, none fuzzy' '
	msgmerge --quiet --lang=vi -o merged.po "$po" luot.pot &&
	msgattrib --untranslated --no-obsolete merged.po >untranslated &&
	msgattrib --only-fuzzy --no-obsolete merged.po >fuzzy &&
	LC_ALL=C msgfmt --statistics -o /dev/null merged.po 2>stats &&
	cat stats untranslated fuzzy &&
	grep -q "^[0-9]* translated messages\.$" stats
'

test_expect_success 'vi.po is the catalogue of the sources, kept current (make update-po)' '
	msgattrib --only-fuzzy "$po" >fuzzy &&
	msgattrib --untranslated "$po" >untranslated &&
	test ! -s fuzzy && test ! -s untranslated &&
	msgcomm --unique --no-location luot.pot "$po" >differ 2>&1 &&
	echo "only in the sources or only in vi.po (make update-po, then translate):" &&
	cat differ &&
	test ! -s differ
'

test_expect_success 'no message is left in English' '
	msgexec -i merged.po sh "$T/same.sh" >same &&
	cat same &&
	test ! -s same
'

test_expect_success 'msgfmt -c accepts it: formats, header, plural forms' '
	msgfmt -c -o /dev/null "$po" &&
	grep -q "^\"Plural-Forms: nplurals=1; plural=0;\\\\n\"$" "$po" &&
	grep -q "^\"Content-Type: text/plain; charset=UTF-8\\\\n\"$" "$po"
'

if command -v perl >/dev/null 2>&1 && perl -MUnicode::Normalize -e 1 2>/dev/null; then
	test_expect_success 'its text is NFC' '
		perl -CSD -MUnicode::Normalize -ne "exit 1 if \$_ ne NFC(\$_)" "$po"
	'
else
	test_skip 'its text is NFC' 'no perl with Unicode::Normalize'
fi

test_done
