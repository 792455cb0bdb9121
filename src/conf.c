/*
 * conf.c: see conf.h. The file format is in luot.conf(5).
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <curses.h>

#include "conf.h"
#include "date.h"
#include "i18n.h"
#include "keymap.h"
#include "paths.h"
#include "text.h"
#include "util.h"

/* Words on a line, at most; quoted words count as one. */
#define MAX_WORDS 16
/* Files included within files, at most (a file including itself stops). */
#define MAX_DEPTH 8

static struct config conf;

/* The first bad line's message, and how many there were, for the
 * interface: curses takes the screen over what stderr said. */
static char *first_error;
static int nerrors;

/* A colour: -1 the terminal's own, 0..255 an index. */
struct color {
	short fg, bg;
	int attrs;		/* A_BOLD ... */
};

/*
 * Every element: its name in the file, and its look by default. The
 * attributes alone read well on any terminal; where it has colours, a few
 * accents in the eight basic ones, on the terminal's own background, so
 * that they read on a dark and a light one alike (NO_COLOR: none).
 */
static const struct {
	const char *name;
	struct color dflt;
	int plain;		/* its attributes where no colour shows */
} elements[EL_COUNT] = {
	[EL_NORMAL] = { "normal", { -1, -1, A_NORMAL }, A_NORMAL },
	[EL_STATUS] = { "status", { -1, -1, A_REVERSE }, A_REVERSE },
	[EL_MESSAGE] = { "message", { -1, -1, A_NORMAL }, A_NORMAL },
	[EL_ERROR] = { "error", { COLOR_RED, -1, A_BOLD }, A_BOLD },
	[EL_RULE] = { "rule", { COLOR_BLUE, -1, A_NORMAL }, A_NORMAL },
	[EL_UNREAD] = { "unread", { -1, -1, A_BOLD }, A_BOLD },
	[EL_SELECTED] = { "selected", { -1, -1, A_REVERSE }, A_REVERSE },
	[EL_DATE] = { "date", { COLOR_CYAN, -1, A_NORMAL }, A_NORMAL },
	[EL_SOURCE] = { "source", { COLOR_GREEN, -1, A_NORMAL }, A_NORMAL },
	[EL_FLAGS] = { "flags", { COLOR_RED, -1, A_BOLD }, A_BOLD },
	[EL_TITLE] = { "title", { -1, -1, A_BOLD }, A_BOLD },
	[EL_META] = { "meta", { -1, -1, A_DIM }, A_DIM },
	[EL_MATCH] = { "match", { -1, -1, A_REVERSE }, A_REVERSE },
	[EL_SNIPPET] = { "snippet", { -1, -1, A_DIM }, A_DIM },
	[EL_HEADING] = { "heading", { COLOR_BLUE, -1, A_BOLD }, A_BOLD },
	[EL_PROMPT] = { "prompt", { -1, -1, A_BOLD }, A_BOLD },
	/* The list's selected row while keys go to the article: set apart
	 * from the focused one, on a terminal without dim too. */
	[EL_SELECTED_AWAY] = { "selected-away", { -1, -1, A_UNDERLINE }, A_UNDERLINE },
};

static struct color colors[EL_COUNT];
static int use_color;		/* pairs made: colours shown */

static const char *const color_names[8] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"
};

static const struct {
	const char *name;
	int attr;
} attr_names[] = {
	{ "normal", A_NORMAL }, { "bold", A_BOLD }, { "dim", A_DIM },
	{ "underline", A_UNDERLINE }, { "reverse", A_REVERSE }, { "italic", A_ITALIC },
	{ "blink", A_BLINK }, { "standout", A_STANDOUT },
};

static const char *const layout_names[] = { "auto", "single", "tall", "wide" };
static const char *const column_names[] = { "flags", "date", "source", "title" };

void
conf_reset(void)
{
	free(conf.patterns);
	memset(&conf, 0, sizeof conf);
	free(first_error);
	first_error = NULL;
	nerrors = 0;
	conf.layout = CONFIG_LAYOUT_AUTO;
	conf.list_percent = 0;	/* each layout's own */
	conf.columns[0] = COL_FLAGS;
	conf.columns[1] = COL_DATE;
	conf.columns[2] = COL_SOURCE;
	conf.columns[3] = COL_TITLE;
	conf.ncolumns = 4;
	snprintf(conf.date_format, sizeof conf.date_format, "%s", "%Y-%m-%d");
	/* Lines of 80 columns at most, as a page of print: 118 at 200
	 * columns were too long to read. */
	conf.text_width = 80;
	conf.text_center = 1;
	conf.key_hints = 1;
	conf.stories = 1;
	for (int i = 0; i < EL_COUNT; i++)
		colors[i] = elements[i].dflt;
	keymap_init();
}

const struct config *
conf_get(void)
{
	if (conf.ncolumns == 0)
		conf_reset();
	return &conf;
}

char *
conf_default_path(void)
{
	return paths_in(paths_config_dir(), "config");
}

/* Where a line is read from, for messages and relative includes. */
struct source {
	const char *file;
	int line;
	int depth;
};

static int __attribute__((format(printf, 2, 3)))
bad(const struct source *src, const char *fmt, ...)
{
	char raw[512], *msg, *safe;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(raw, sizeof raw, fmt, ap);
	va_end(ap);
	/* The message quotes the file, and the file may name itself oddly:
	 * nothing of either may reach the terminal as a control. */
	msg = xasprintf("%s:%d: %s", src->file, src->line, raw);
	safe = text_sanitize(msg);
	free(msg);
	fprintf(stderr, "%s\n", safe);
	if (nerrors++ == 0)
		first_error = safe;
	else
		free(safe);
	return -1;
}

const char *
conf_first_error(int *count)
{
	*count = nerrors;
	return nerrors > 0 ? first_error : NULL;
}

/*
 * Split line into words: blanks separate them, "double quotes" keep
 * blanks in one (\" and \\ inside), # outside quotes ends the line.
 * Returns the count, or -1 (with *why) for an open quote or too many.
 */
static int
split(const char *line, char *buf, char **words, const char **why)
{
	int n = 0;
	char *o = buf;

	for (const char *c = line;;) {
		while (*c == ' ' || *c == '\t' || *c == '\r' || *c == '\n')
			c++;
		if (*c == '\0' || *c == '#')
			return n;
		if (n == MAX_WORDS) {
			*why = _("too many words");
			return -1;
		}
		words[n++] = o;
		if (*c == '"') {
			for (c++; *c != '"'; c++) {
				if (*c == '\0') {
					*why = _("a quote is not closed");
					return -1;
				}
				if (*c == '\\' && (c[1] == '"' || c[1] == '\\'))
					c++;
				*o++ = *c;
			}
			c++;
		} else {
			while (*c != '\0' && *c != ' ' && *c != '\t' && *c != '\r' && *c != '\n')
				*o++ = *c++;
		}
		*o++ = '\0';
	}
}

static int
bind_words(const struct source *src, char **w, int n, int unbind_only)
{
	int keys[KEYMAP_MAX_SEQ], nkeys = unbind_only ? n - 1 : n - 2, action = ACT_NONE;

	if (unbind_only && n == 2 && strcmp(w[1], "all") == 0) {
		keymap_clear();
		return 0;
	}
	if (nkeys < 1)
		return bad(src, unbind_only ? _("usage: unbind KEY...") : _("usage: bind KEY... ACTION"));
	if (nkeys > KEYMAP_MAX_SEQ)
		return bad(src, _("at most %d keys in a sequence"), KEYMAP_MAX_SEQ);
	for (int i = 0; i < nkeys; i++) {
		if ((keys[i] = keymap_parse_key(w[i + 1])) < 0)
			return bad(src, _("no such key: %s"), w[i + 1]);
	}
	if (!unbind_only && strcmp(w[n - 1], "none") != 0 &&
	    (action = keymap_action_of(w[n - 1])) == ACT_NONE)
		return bad(src, _("no such action: %s (luot --dump-config lists them)"), w[n - 1]);
	if (keymap_bind(keys, nkeys, action) < 0)
		return bad(src, "%s", _("too many bindings"));
	return 0;
}

/* A colour name: default, black..white, brightblack..brightwhite,
 * colorN (0..255); -2 when it is none. */
static short
parse_color(const char *s)
{
	char *end;
	long n;

	if (strcmp(s, "default") == 0)
		return -1;
	for (int i = 0; i < 8; i++) {
		if (strcmp(s, color_names[i]) == 0)
			return (short)i;
		if (strncmp(s, "bright", 6) == 0 && strcmp(s + 6, color_names[i]) == 0)
			return (short)(i + 8);
	}
	if (strncmp(s, "color", 5) != 0 || s[5] < '0' || s[5] > '9')
		return -2;
	errno = 0;
	n = strtol(s + 5, &end, 10);
	return *end != '\0' || errno != 0 || n > 255 ? -2 : (short)n;
}

static int
element_of(const char *name)
{
	for (int i = 0; i < EL_COUNT; i++) {
		if (strcmp(elements[i].name, name) == 0)
			return i;
	}
	return -1;
}

static int
color_words(const struct source *src, char **w, int n)
{
	struct color c = { -1, -1, A_NORMAL };
	int el;

	if (n < 3)
		return bad(src, "%s", _("usage: color ELEMENT FOREGROUND [BACKGROUND [ATTRIBUTE...]]"));
	if ((el = element_of(w[1])) < 0)
		return bad(src, _("no such element: %s"), w[1]);
	if ((c.fg = parse_color(w[2])) == -2)
		return bad(src, _("no such colour: %s"), w[2]);
	if (n > 3 && (c.bg = parse_color(w[3])) == -2)
		return bad(src, _("no such colour: %s"), w[3]);
	for (int i = 4; i < n; i++) {
		size_t k;

		for (k = 0; k < sizeof attr_names / sizeof *attr_names; k++) {
			if (strcmp(w[i], attr_names[k].name) == 0)
				break;
		}
		if (k == sizeof attr_names / sizeof *attr_names)
			return bad(src, _("no such attribute: %s"), w[i]);
		c.attrs |= attr_names[k].attr;
	}
	colors[el] = c;
	return 0;
}

/* The index of s in names, or -1. */
static int
name_index(const char *s, const char *const *names, int n)
{
	for (int i = 0; i < n; i++) {
		if (strcmp(s, names[i]) == 0)
			return i;
	}
	return -1;
}

/* A whole number in [lo, hi], or -1. */
static int
number(const char *s, int lo, int hi)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	return *s == '\0' || *end != '\0' || errno != 0 || v < lo || v > hi ? -1 : (int)v;
}

static int
set_columns(const struct source *src, char **w, int n)
{
	enum config_column cols[CONFIG_MAX_COLUMNS];
	int ncols = 0, title = 0;

	for (int i = 2; i < n; i++) {
		int c = name_index(w[i], column_names, 4);

		if (c < 0)
			return bad(src, _("no such column: %s"), w[i]);
		for (int j = 0; j < ncols; j++) {
			if (cols[j] == (enum config_column)c)
				return bad(src, _("column %s given twice"), w[i]);
		}
		title |= c == COL_TITLE;
		cols[ncols++] = (enum config_column)c;
	}
	if (!title)
		return bad(src, "%s", _("the columns must include title"));
	memcpy(conf.columns, cols, sizeof cols);
	conf.ncolumns = ncols;
	return 0;
}

/* strftime with the user's format, which good_date_format checked. */
static size_t
format_day(char *out, size_t size, const char *fmt, const struct tm *tm)
{
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	return strftime(out, size, fmt, tm);
#pragma GCC diagnostic pop
}

/* A date format strftime can use: short, with no time of day (dates
 * are days; "%H" would always say 00). */
static int
good_date_format(const char *f)
{
	struct tm tm = { .tm_year = 120, .tm_mon = 11, .tm_mday = 31 };
	char out[64];

	if (strlen(f) >= sizeof conf.date_format || strchr(f, '\n') != NULL)
		return 0;
	for (const char *c = strchr(f, '%'); c != NULL; c = strchr(c + 2, '%')) {
		if (c[1] == '\0' || strchr("YymdebBaAjUWVGgu%", c[1]) == NULL)
			return 0;
	}
	return format_day(out, sizeof out, f, &tm) > 0;
}

/* The setting of conf that "set NAME on|off" sets, or NULL. */
static int *
on_off_setting(const char *name)
{
	static const struct {
		const char *name;
		int *flag;
	} flags[] = {
		{ "key-hints", &conf.key_hints },
		{ "column-headers", &conf.column_headers },
		{ "stories", &conf.stories },
		{ "queue-keep-read", &conf.queue_keep_read },
	};

	for (size_t i = 0; i < sizeof flags / sizeof *flags; i++) {
		if (strcmp(name, flags[i].name) == 0)
			return flags[i].flag;
	}
	return NULL;
}

static int
set_words(const struct source *src, char **w, int n)
{
	int v, *flag;

	if (n < 3)
		return bad(src, "%s", _("usage: set NAME VALUE"));
	if (strcmp(w[1], "columns") == 0)
		return set_columns(src, w, n);
	if (n > 3)
		return bad(src, _("%s takes one value (quote it if it has spaces)"), w[1]);
	if (strcmp(w[1], "layout") == 0) {
		if ((v = name_index(w[2], layout_names, 4)) < 0)
			return bad(src, _("layout: %s is not auto, single, tall or wide"), w[2]);
		conf.layout = (enum config_layout)v;
	} else if (strcmp(w[1], "list-size") == 0) {
		if ((v = number(w[2], 10, 90)) < 0)
			return bad(src, _("list-size: %s is not a percentage from 10 to 90"), w[2]);
		conf.list_percent = v;
	} else if (strcmp(w[1], "source-width") == 0) {
		if ((v = number(w[2], 0, 60)) < 0)
			return bad(src, _("source-width: %s is not a number from 0 to 60"), w[2]);
		conf.source_width = v;
	} else if (strcmp(w[1], "date-format") == 0) {
		if (!good_date_format(w[2]))
			return bad(src, _("date-format: %s is not a date format (%%Y %%m %%d %%b ...)"),
			    w[2]);
		snprintf(conf.date_format, sizeof conf.date_format, "%s", w[2]);
	} else if (strcmp(w[1], "text-width") == 0) {
		if ((v = number(w[2], 0, 1000)) < 0 || (v > 0 && v < 20))
			return bad(src, _("text-width: %s is not 0 (the pane's width) or 20 to 1000"),
			    w[2]);
		conf.text_width = v;
	} else if (strcmp(w[1], "text-center") == 0) {
		if (strcmp(w[2], "on") != 0 && strcmp(w[2], "off") != 0)
			return bad(src, _("text-center: %s is not on or off"), w[2]);
		conf.text_center = strcmp(w[2], "on") == 0;
	} else if ((flag = on_off_setting(w[1])) != NULL) {
		if (strcmp(w[2], "on") != 0 && strcmp(w[2], "off") != 0)
			return bad(src, _("%s: %s is not on or off"), w[1], w[2]);
		*flag = strcmp(w[2], "on") == 0;
	} else if (strcmp(w[1], "sidebar") == 0) {
		if (strcmp(w[2], "auto") == 0)
			conf.sidebar = CONFIG_SIDEBAR_AUTO;
		else if (strcmp(w[2], "on") == 0)
			conf.sidebar = CONFIG_SIDEBAR_ON;
		else if (strcmp(w[2], "off") == 0)
			conf.sidebar = CONFIG_SIDEBAR_OFF;
		else
			return bad(src, _("sidebar: %s is not auto, on or off"), w[2]);
	} else if (strcmp(w[1], "sort") == 0) {
		if (strcmp(w[2], "date") != 0 && strcmp(w[2], "import") != 0)
			return bad(src, _("sort: %s is not date or import"), w[2]);
		conf.sort_import = strcmp(w[2], "import") == 0;
	} else if (strcmp(w[1], "patterns") == 0) {
		free(conf.patterns);
		conf.patterns = xstrdup(w[2]);
	} else {
		return bad(src, _("no such setting: %s"), w[1]);
	}
	return 0;
}

static int read_file(const char *path, const struct source *from, int explicit_file);

/* include FILE: relative to the including file's folder. */
static int
include_words(const struct source *src, char **w, int n, const char *dir_of)
{
	char *path;
	int rc;

	if (n != 2)
		return bad(src, "%s", _("usage: include FILE"));
	if (w[1][0] == '/' || dir_of == NULL)
		path = xstrdup(w[1]);
	else if (w[1][0] == '~' && w[1][1] == '/' && getenv("HOME") != NULL)
		path = xasprintf("%s%s", getenv("HOME"), w[1] + 1);
	else
		path = xasprintf("%s/%s", dir_of, w[1]);
	rc = read_file(path, src, 1);
	free(path);
	return rc < 0 ? -1 : 0;
}

/* theme NAME: the user's themes folder, then the installed one. */
static int
theme_words(const struct source *src, char **w, int n)
{
	char *dir, *path = NULL;
	int rc;

	if (n != 2 || strchr(w[1], '/') != NULL)
		return bad(src, "%s", _("usage: theme NAME (light, dark, or a file in the themes folder)"));
	if ((dir = paths_config_dir()) != NULL) {
		path = xasprintf("%s/themes/%s", dir, w[1]);
		free(dir);
		if (access(path, R_OK) != 0) {
			free(path);
			path = NULL;
		}
	}
	if (path == NULL) {
		dir = paths_pkgdata();
		path = xasprintf("%s/themes/%s", dir, w[1]);
		free(dir);
		if (access(path, R_OK) != 0) {
			free(path);
			return bad(src, _("no such theme: %s"), w[1]);
		}
	}
	rc = read_file(path, src, 1);
	free(path);
	return rc < 0 ? -1 : 0;
}

static int
line_in(const char *line, const struct source *src, const char *dir_of)
{
	char *buf = xmalloc(strlen(line) + 1), *w[MAX_WORDS];
	const char *why = NULL;
	int n = split(line, buf, w, &why), rc = 0;

	if (n < 0)
		rc = bad(src, "%s", why);
	else if (n == 0)
		rc = 0;
	else if (strcmp(w[0], "bind") == 0)
		rc = bind_words(src, w, n, 0);
	else if (strcmp(w[0], "unbind") == 0)
		rc = bind_words(src, w, n, 1);
	else if (strcmp(w[0], "color") == 0 || strcmp(w[0], "colour") == 0)
		rc = color_words(src, w, n);
	else if (strcmp(w[0], "set") == 0)
		rc = set_words(src, w, n);
	else if (strcmp(w[0], "include") == 0)
		rc = include_words(src, w, n, dir_of);
	else if (strcmp(w[0], "theme") == 0)
		rc = theme_words(src, w, n);
	else
		rc = bad(src, _("no such directive: %s"), w[0]);
	free(buf);
	return rc;
}

int
conf_line(const char *line, const char *file, int lineno)
{
	struct source src = { file, lineno, 0 };

	conf_get();
	return line_in(line, &src, NULL);
}

/*
 * Read the file at path line by line. Returns the count of bad lines, or
 * -1 when it cannot be read (said only when explicit_file: the user's
 * default file may well not exist).
 */
static int
read_file(const char *path, const struct source *from, int explicit_file)
{
	struct source src = { path, 0, from != NULL ? from->depth + 1 : 0 };
	char *line = NULL, *dir = xstrdup(path), *slash;
	size_t cap = 0;
	int errors = 0;
	FILE *f;

	if (src.depth > MAX_DEPTH) {
		free(dir);
		return bad(from, "%s", _("files include each other too deeply"));
	}
	if ((f = fopen(path, "r")) == NULL) {
		int e = errno;

		free(dir);
		if (explicit_file || e != ENOENT) {
			if (from != NULL)
				bad(from, "%s: %s", path, strerror(e));
			else
				warnx("%s: %s", path, strerror(e));
		}
		return -1;
	}
	if ((slash = strrchr(dir, '/')) != NULL)
		*slash = '\0';
	else
		snprintf(dir, strlen(dir) + 1, ".");
	while (getline(&line, &cap, f) != -1) {
		src.line++;
		if (line_in(line, &src, dir) < 0)
			errors++;
	}
	free(line);
	free(dir);
	fclose(f);
	return errors;
}

int
conf_load(const char *path)
{
	char *dflt;
	int rc;

	conf_get();
	if (path != NULL)
		return read_file(path, NULL, 1);
	if ((dflt = conf_default_path()) == NULL)
		return 0;
	rc = read_file(dflt, NULL, 0);
	free(dflt);
	return rc < 0 ? 0 : rc;
}

void
conf_date(const char *iso, char *out, size_t size)
{
	struct tm tm;

	conf_get();
	if (strcmp(conf.date_format, "%Y-%m-%d") == 0 || date_from_iso(iso, &tm) == DATE_NONE ||
	    format_day(out, size, conf.date_format, &tm) == 0)
		snprintf(out, size, "%.10s", iso);
}

/* A colour as the file names it. */
static void
put_color(FILE *f, short c)
{
	if (c < 0)
		fputs(" default", f);
	else if (c < 8)
		fprintf(f, " %s", color_names[c]);
	else if (c < 16)
		fprintf(f, " bright%s", color_names[c - 8]);
	else
		fprintf(f, " color%d", c);
}

/* A value as one word of the file: quoted when it holds what split()
 * separates words on or treats specially (a carriage return too). */
static void
put_word(FILE *f, const char *s)
{
	if (*s != '\0' && strpbrk(s, " \t\r\"#\\") == NULL) {
		fputs(s, f);
		return;
	}
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			fputc('\\', f);
		fputc(*s, f);
	}
	fputc('"', f);
}

void
conf_dump(FILE *f)
{
	conf_get();
	fputs("# luot configuration (luot --dump-config); see luot.conf(5).\n\n", f);
	fprintf(f, "set layout %s\n", layout_names[conf.layout]);
	if (conf.list_percent > 0)
		fprintf(f, "set list-size %d\n", conf.list_percent);
	fputs("set columns", f);
	for (int i = 0; i < conf.ncolumns; i++)
		fprintf(f, " %s", column_names[conf.columns[i]]);
	fprintf(f, "\nset source-width %d\n", conf.source_width);
	fputs("set date-format ", f);
	put_word(f, conf.date_format);
	fprintf(f, "\nset sort %s\n", conf.sort_import ? "import" : "date");
	fprintf(f, "set text-width %d\n", conf.text_width);
	fprintf(f, "set text-center %s\n", conf.text_center ? "on" : "off");
	fprintf(f, "set key-hints %s\n", conf.key_hints ? "on" : "off");
	fprintf(f, "set column-headers %s\n", conf.column_headers ? "on" : "off");
	fprintf(f, "set stories %s\n", conf.stories ? "on" : "off");
	fprintf(f, "set queue-keep-read %s\n", conf.queue_keep_read ? "on" : "off");
	fprintf(f, "set sidebar %s\n", conf.sidebar == CONFIG_SIDEBAR_ON ? "on" :
	    conf.sidebar == CONFIG_SIDEBAR_OFF ? "off" : "auto");
	if (conf.patterns != NULL) {
		fputs("set patterns ", f);
		put_word(f, conf.patterns);
		fputc('\n', f);
	}
	fputc('\n', f);
	for (int i = 0; i < EL_COUNT; i++) {
		fprintf(f, "color %s", elements[i].name);
		put_color(f, colors[i].fg);
		put_color(f, colors[i].bg);
		for (size_t k = 1; k < sizeof attr_names / sizeof *attr_names; k++) {
			if (colors[i].attrs & attr_names[k].attr)
				fprintf(f, " %s", attr_names[k].name);
		}
		fputc('\n', f);
	}
	/* The bindings in force replace the defaults, not add to them. */
	fputs("\nunbind all\n", f);
	keymap_dump(f);
}

/*
 * The nearest of the eight basic colours to a 256-colour index, for
 * terminals with eight: the 6x6x6 cube and the grey ramp by their
 * channels, each above half counting as on.
 */
static short
basic_color(short c)
{
	int r, g, b;

	if (c < 16)
		return c % 8;
	if (c >= 232)
		return c >= 244 ? 7 : 0;
	c -= 16;
	r = c / 36 >= 3;
	g = c / 6 % 6 >= 3;
	b = c % 6 >= 3;
	return (short)(r | g << 1 | b << 2);
}

static short
usable(short c)
{
	return c < 0 || c < COLORS ? c : basic_color(c);
}

void
color_start(void)
{
	const char *no = getenv("NO_COLOR");

	use_color = 0;
	conf_get();
	/* https://no-color.org: set and not empty means no colour. */
	if ((no != NULL && *no != '\0') || !has_colors() || start_color() == ERR)
		return;
	use_default_colors();
	for (int i = 0; i < EL_COUNT; i++) {
		if (colors[i].fg >= 0 || colors[i].bg >= 0)
			init_pair((short)(i + 1), usable(colors[i].fg), usable(colors[i].bg));
	}
	use_color = 1;
}

/*
 * An element's attributes. Where its colours are not shown (NO_COLOR, a
 * terminal without colour), an element the configuration coloured keeps
 * its default attributes as well: a theme that marks the selected row by
 * its colour alone must not leave it unmarked.
 */
static int
attrs_of(enum color_element el)
{
	int colored = colors[el].fg >= 0 || colors[el].bg >= 0;

	return colors[el].attrs | (!use_color && colored ? elements[el].plain : 0);
}

int
color_mix(enum color_element el, enum color_element over)
{
	int a = attrs_of(el) | attrs_of(over);

	if (use_color && (colors[over].fg >= 0 || colors[over].bg >= 0))
		return a | (int)COLOR_PAIR(over + 1);
	if (use_color && (colors[el].fg >= 0 || colors[el].bg >= 0))
		return a | (int)COLOR_PAIR(el + 1);
	return a;
}

int
color_attr(enum color_element el)
{
	int a;

	conf_get();
	a = attrs_of(el);
	if (use_color && (colors[el].fg >= 0 || colors[el].bg >= 0))
		a |= (int)COLOR_PAIR(el + 1);
	return a;
}
