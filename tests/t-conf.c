/*
 * t-conf.c: the configuration file: every directive, every error path,
 * and --dump-config's output read back to the same settings.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <curses.h>

#include "../src/conf.h"
#include "../src/keymap.h"
#include "tap.h"

static char errfile[] = "/tmp/t-conf-err.XXXXXX";

/* Run one line; the message it wrote on stderr, or "" (static). */
static const char *
line_err(const char *line, int *rc)
{
	static char msg[512];
	FILE *f;
	size_t n;

	fflush(stderr);
	if (freopen(errfile, "w", stderr) == NULL)
		return "(no stderr)";
	*rc = conf_line(line, "test.conf", 7);
	fflush(stderr);
	f = fopen(errfile, "r");
	n = f ? fread(msg, 1, sizeof msg - 1, f) : 0;
	msg[n] = '\0';
	if (f)
		fclose(f);
	if (n > 0 && msg[n - 1] == '\n')
		msg[n - 1] = '\0';
	return msg;
}

/* The configuration dumped into f (closed here), and read into buf. */
static size_t
dump_into(FILE *f, char *buf, size_t size)
{
	size_t n;

	conf_dump(f);
	rewind(f);
	n = fread(buf, 1, size - 1, f);
	buf[n] = '\0';
	fclose(f);
	return n;
}

static void
good(const char *line)
{
	int rc;
	const char *e = line_err(line, &rc);
	char name[256];

	snprintf(name, sizeof name, "accepted: %s", line);
	if (!ok(rc == 0 && *e == '\0', name))
		printf("#   %s\n", e);
}

/* A bad line: refused with FILE:LINE: and the message expected. */
static void
bad_line(const char *line, const char *want)
{
	int rc;
	const char *e = line_err(line, &rc);
	char name[256];

	snprintf(name, sizeof name, "refused: %s", line);
	if (!ok(rc < 0 && strncmp(e, "test.conf:7: ", 13) == 0 && strstr(e, want) != NULL &&
	    strchr(e, '\n') == NULL, name))
		printf("#   got '%s', want '%s'\n", e, want);
}

static int
key(const char *name)
{
	return keymap_parse_key(name);
}

static int
lookup1(enum keys_where where, const char *name)
{
	int k = key(name);

	return keymap_lookup(where, &k, 1);
}

static void
test_bind(void)
{
	int seq[2] = { key("g"), key("g") }, other[2] = { key("g"), key("x") };

	conf_reset();
	{
		char k[32];

		keymap_first_key(ACT_HELP, KEYS_LIST, k, sizeof k);
		is_str(k, "?", "the help's first key in the list: ?");
		keymap_first_key(ACT_HELP, KEYS_SEARCH, k, sizeof k);
		is_str(k, "F1", "...in the search, where ? is typed: F1");
		is_int(lookup1(KEYS_SEARCH, "F1"), ACT_HELP, "...and F1 opens it there");
		is_int(lookup1(KEYS_SEARCH, "?"), ACT_NONE, "...? does not");
		keymap_first_key(ACT_HISTORY_PREV, KEYS_SEARCH, k, sizeof k);
		is_str(k, "Up", "the search's own keys come first");
	}
	good("bind x quit");
	is_int(lookup1(KEYS_LIST, "x"), ACT_QUIT, "bind: x quits");
	good("bind C-d page-down");
	is_int(lookup1(KEYS_LIST, "C-d"), ACT_PAGE_DOWN, "bind: C-d rebound from half-down");
	good("bind F5 refresh");
	is_int(lookup1(KEYS_READER, "F5"), ACT_REFRESH, "bind: F5, in any pane");
	good("bind PgDn bottom");
	is_int(lookup1(KEYS_LIST, "PgDn"), ACT_BOTTOM, "bind: PgDn");
	good("bind g g top   # a comment");
	is_int(lookup1(KEYS_LIST, "g"), KEYMAP_PENDING, "bind g g: g waits for the next key");
	is_int(keymap_lookup(KEYS_LIST, seq, 2), ACT_TOP, "...and g g goes to the top");
	is_int(keymap_lookup(KEYS_LIST, other, 2), ACT_NONE, "...g x does nothing");
	good("bind Enter none");
	is_int(lookup1(KEYS_LIST, "Enter"), ACT_NONE, "bind KEY none: unbound in every pane");
	good("unbind j");
	is_int(lookup1(KEYS_LIST, "j"), ACT_NONE, "unbind j");
	is_int(lookup1(KEYS_LIST, "k"), ACT_UP, "other keys kept");
	/* Found by fuzz-conf: C-] was dumped as "#29", which does not read
	 * back. */
	good("bind C-] quit");
	is_int(lookup1(KEYS_LIST, "C-]"), ACT_QUIT, "bind C-]");
	{
		char buf[8192];

		dump_into(tmpfile(), buf, sizeof buf);
		ok(strstr(buf, "\nbind C-] quit\n") != NULL, "...dumped as C-], as it is read");
	}
	good("bind / find");
	is_int(lookup1(KEYS_READER, "/"), ACT_FIND, "an action binds in its own pane");
	is_int(lookup1(KEYS_LIST, "/"), ACT_SEARCH, "...and leaves the others' binding");

	bad_line("bind", "usage: bind KEY... ACTION");
	bad_line("bind x", "usage: bind KEY... ACTION");
	bad_line("bind Ctrl-x quit", "no such key: Ctrl-x");
	bad_line("bind x fly", "no such action: fly");
	bad_line("bind a b c d e quit", "at most 4 keys");
	bad_line("unbind", "usage: unbind KEY...");
	is_int(lookup1(KEYS_LIST, "x"), ACT_QUIT, "a bad line changes nothing");
}

static void
test_color(void)
{
	char buf[4096];

	conf_reset();
	good("color status white blue bold");
	good("color selected color208 color17");
	good("color match brightyellow default reverse underline");
	good("colour title red");
	good("color date \"default\"");
	bad_line("color", "usage: color ELEMENT");
	bad_line("color status", "usage: color ELEMENT");
	bad_line("color sky blue", "no such element: sky");
	bad_line("color status mauve", "no such colour: mauve");
	bad_line("color status white color256", "no such colour: color256");
	bad_line("color status white colorx", "no such colour: colorx");
	bad_line("color status white blue blinking", "no such attribute: blinking");

	dump_into(tmpfile(), buf, sizeof buf);
	ok(strstr(buf, "color status white blue bold\n") != NULL, "dump: a colour as given");
	ok(strstr(buf, "color selected color208 color17\n") != NULL, "dump: 256 colours");
	ok(strstr(buf, "color match brightyellow default underline reverse\n") != NULL,
	    "dump: bright colours and attributes");
	ok(strstr(buf, "color title red default\n") != NULL, "dump: 'colour' spelling read");
}

static void
test_set(void)
{
	const struct config *c = conf_get();
	char out[64];

	conf_reset();
	good("set layout wide");
	is_int(c->layout, CONFIG_LAYOUT_WIDE, "set layout wide");
	good("set list-size 30");
	is_int(c->list_percent, 30, "set list-size");
	good("set columns date title source");
	ok(c->ncolumns == 3 && c->columns[0] == COL_DATE && c->columns[1] == COL_TITLE &&
	    c->columns[2] == COL_SOURCE, "set columns: order kept, flags left out");
	good("set source-width 20");
	is_int(c->source_width, 20, "set source-width");
	good("set date-format \"%d/%m/%Y\"");
	conf_date("2020-03-27", out, sizeof out);
	is_str(out, "27/03/2020", "set date-format: a date as configured");
	conf_date("", out, sizeof out);
	is_str(out, "", "...an undated article stays blank");
	good("set sort import");
	is_int(c->sort_import, 1, "set sort import");
	good("set patterns \"/srv/my junk.txt\"");
	is_str(c->patterns, "/srv/my junk.txt", "set patterns: a quoted path with a space");
	/* Found by fuzz-conf: a carriage return inside a value was dumped
	 * unquoted, and read back as a separator. */
	good("set patterns \"a\rb\"");
	{
		char buf[8192];

		dump_into(tmpfile(), buf, sizeof buf);
		ok(strstr(buf, "set patterns \"a\rb\"\n") != NULL, "...a carriage return is quoted");
	}

	bad_line("set", "usage: set NAME VALUE");
	bad_line("set layout", "usage: set NAME VALUE");
	bad_line("set layout diagonal", "layout: diagonal is not auto, single, tall or wide");
	bad_line("set list-size 95", "list-size: 95 is not a percentage");
	bad_line("set list-size half", "list-size: half is not a percentage");
	bad_line("set source-width -1", "source-width: -1 is not a number");
	bad_line("set date-format %H:%M", "date-format: %H:%M is not a date format");
	bad_line("set date-format %", "is not a date format");
	bad_line("set sort random", "sort: random is not date or import");
	bad_line("set columns date source", "the columns must include title");
	bad_line("set columns title title", "column title given twice");
	bad_line("set columns title author", "no such column: author");
	bad_line("set colour red", "no such setting: colour");
	bad_line("set layout wide tall", "layout takes one value");
	is_int(c->layout, CONFIG_LAYOUT_WIDE, "bad lines leave the setting as it was");

	bad_line("frobnicate 3", "no such directive: frobnicate");
	bad_line("bind \033[2J quit", "no such key: \xef\xbf\xbd[2J");
	/* A C1 CSI (U+009B) and a right-to-left override (U+202E). */
	bad_line("bind \xc2\x9b" "2J quit", "no such key: \xef\xbf\xbd" "2J");
	bad_line("bind \xe2\x80\xae" "tiuq quit", "no such key: \xef\xbf\xbd" "tiuq");
	bad_line("bind \"x quit", "a quote is not closed");
	bad_line("set a b c d e f g h i j k l m n o p q", "too many words");
	bad_line("include", "usage: include FILE");
	bad_line("include /nonexistent/luot.conf", "/nonexistent/luot.conf:");
	if (getenv("LUOT_DATADIR") != NULL) {
		good("theme dark");
		good("theme light");
	}
	bad_line("theme neon", "no such theme: neon");
	bad_line("theme ../x", "usage: theme NAME");
	good("");
	good("   # only a comment");
}

/* A file: bad lines reported with their number, the rest applied; the
 * dump read back gives the same dump. */
static void
test_file(void)
{
	char path[] = "/tmp/t-conf.XXXXXX", dump1[] = "/tmp/t-conf-d1.XXXXXX";
	char buf1[8192], buf2[8192], msg[1024];
	FILE *f, *e;
	int fd, rc;
	size_t n1, n;

	conf_reset();
	fd = mkstemp(path);
	f = fdopen(fd, "w");
	fputs("# a comment\nset layout tall\nset layout nowhere\nbind q none\nbind Q quit\n"
	    "color nothing red\ncolor status red default\n", f);
	fclose(f);
	fflush(stderr);
	if (freopen(errfile, "w", stderr) == NULL)
		return;
	rc = conf_load(path);
	fflush(stderr);
	e = fopen(errfile, "r");
	n = fread(msg, 1, sizeof msg - 1, e);
	msg[n] = '\0';
	fclose(e);
	is_int(rc, 2, "a file with two bad lines: two reported");
	{
		char want[256];

		snprintf(want, sizeof want, "%s:3: layout: nowhere", path);
		ok(strstr(msg, want) != NULL, "...as FILE:LINE: message");
	}
	is_int(conf_get()->layout, CONFIG_LAYOUT_TALL, "...and the good lines applied");
	is_int(lookup1(KEYS_LIST, "Q"), ACT_QUIT, "...all of them");
	is_int(conf_load("/nonexistent/config"), -1, "an explicit file that is missing: -1");

	fd = mkstemp(dump1);
	n1 = dump_into(fdopen(fd, "w+"), buf1, sizeof buf1);
	conf_reset();
	rc = conf_load(dump1);
	dump_into(tmpfile(), buf2, sizeof buf2);
	is_int(rc, 0, "the dump reads back without an error");
	ok(n1 > 0 && n1 < sizeof buf1 - 1 && strcmp(buf1, buf2) == 0,
	    "...to the same configuration");
	unlink(path);
	unlink(dump1);
}

int
main(void)
{
	int fd = mkstemp(errfile);

	if (fd < 0) {
		printf("Bail out! no temporary file\n");
		return 1;
	}
	close(fd);
	unsetenv("XDG_CONFIG_HOME");
	setenv("HOME", "/nonexistent", 1);
	test_bind();
	test_color();
	test_set();
	test_file();
	unlink(errfile);
	return done();
}
