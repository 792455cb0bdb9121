/*
 * export.c: see export.h.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "export.h"
#include "i18n.h"
#include "json.h"
#include "store.h"
#include "text.h"
#include "util.h"

int
export_format_parse(const char *name, enum export_format *f)
{
	if (strcmp(name, "md") == 0 || strcmp(name, "markdown") == 0)
		*f = EXPORT_MD;
	else if (strcmp(name, "csv") == 0)
		*f = EXPORT_CSV;
	else if (strcmp(name, "json") == 0)
		*f = EXPORT_JSON;
	else
		return -1;
	return 0;
}

struct out {
	enum export_format f;
	struct buf b;
	int n;
};

/* The first paragraph of a body, new. */
static char *
opening(const char *body)
{
	const char *s = body ? body : "";

	return xstrndup(s, strcspn(s, "\n"));
}

/* Markdown and CSV are read by people, on terminals too: text goes out
 * as luot shows it (controls and bidi overrides as U+FFFD, line breaks
 * kept). JSON keeps the exact text, escaped. */
static char *
shown(const char *s)
{
	return text_sanitize_lines(s ? s : "");
}

/* One CSV field (RFC 4180): quoted when it holds a comma, quote or line
 * break, quotes doubled. */
static void
csv_field(struct buf *b, const char *text, int last)
{
	char *safe = shown(text);

	if (strpbrk(safe, ",\"\n") == NULL) {
		buf_adds(b, safe);
	} else {
		buf_addc(b, '"');
		for (const char *s = safe; *s; s++) {
			if (*s == '"')
				buf_addc(b, '"');
			buf_addc(b, *s);
		}
		buf_addc(b, '"');
	}
	free(safe);
	buf_adds(b, last ? "\r\n" : ",");
}

/* Tags joined by ", " (they come joined by LF), new. */
static char *
tag_list(const char *tags)
{
	struct buf b;

	buf_init(&b);
	buf_add(&b, "", 0);
	for (const char *t = tags ? tags : ""; *t; t++) {
		if (*t == '\n')
			buf_adds(&b, ", ");
		else
			buf_addc(&b, *t);
	}
	return buf_detach(&b);
}

static void
put_md(struct buf *b, const struct store_item *it, const struct store_mark *m, const char *first)
{
	char *tags = tag_list(m->tags), *f[8];
	enum { TITLE, SOURCE, DATE, AUTHOR, PATH, TAGS, NOTE, FIRST };

	f[TITLE] = shown(it->title);
	f[SOURCE] = shown(it->source);
	f[DATE] = shown(it->published);
	f[AUTHOR] = shown(it->author);
	f[PATH] = shown(it->path);
	f[TAGS] = shown(tags);
	f[NOTE] = shown(m->note);
	f[FIRST] = shown(first);
	/* Markdown shows text as it is: one line for the heading. */
	buf_printf(b, "## %s\n\n", f[TITLE]);
	if (it->source)
		buf_printf(b, "- %s %s\n", _("Source:"), f[SOURCE]);
	if (it->published)
		buf_printf(b, "- %s %s\n", _("Date:"), f[DATE]);
	if (it->author)
		buf_printf(b, "- %s %s\n", _("Author:"), f[AUTHOR]);
	buf_printf(b, "- %s `%s`\n", _("File:"), f[PATH]);
	if (*tags)
		buf_printf(b, "- %s %s\n", _("Tags:"), f[TAGS]);
	buf_addc(b, '\n');
	if (*f[NOTE])
		buf_printf(b, "%s\n\n", f[NOTE]);
	if (*f[FIRST])
		buf_printf(b, "> %s\n\n", f[FIRST]);
	for (size_t i = 0; i < sizeof f / sizeof *f; i++)
		free(f[i]);
	free(tags);
}

/* The bookmark as luot bookmarks --json gives it, with the opening. */
static void
put_json(struct buf *b, const struct store_item *it, const struct store_mark *m, const char *first)
{
	json_mark(b, it, m);
	json_key(b, "opening", 0);
	json_str(b, first);
	buf_adds(b, "}\n");
}

static void
put_csv(struct buf *b, const struct store_item *it, const struct store_mark *m, const char *first)
{
	char id[24], *tags = tag_list(m->tags);

	snprintf(id, sizeof id, "%lld", (long long)it->id);
	csv_field(b, id, 0);
	csv_field(b, it->title, 0);
	csv_field(b, it->source, 0);
	csv_field(b, it->published, 0);
	csv_field(b, it->author, 0);
	csv_field(b, it->path, 0);
	csv_field(b, tags, 0);
	csv_field(b, m->note, 0);
	csv_field(b, first, 1);
	free(tags);
}

static int
one(const struct store_item *it, const struct store_mark *m, void *ctx)
{
	struct out *o = ctx;
	char *first = opening(it->body);

	if (o->f == EXPORT_MD)
		put_md(&o->b, it, m, first);
	else if (o->f == EXPORT_CSV)
		put_csv(&o->b, it, m, first);
	else
		put_json(&o->b, it, m, first);
	free(first);
	o->n++;
	return 0;
}

/* Write all of b to fd; 0 or -1 (errno set). */
static int
write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

static mode_t
umask_now(void)
{
	mode_t m = umask(0);

	umask(m);
	return m;
}

/* b into path whole or not at all: a temporary file beside it, synced,
 * renamed over it. */
static int
write_file(const char *path, const struct buf *b, int force)
{
	struct stat st;
	char *tmp;
	int fd, err;

	if (!force && lstat(path, &st) == 0) {
		warnx(_("%s exists: not replaced (--force replaces it)"), path);
		return 1;
	}
	tmp = xasprintf("%s.tmp-XXXXXX", path);
	if ((fd = mkstemp(tmp)) < 0) {
		warnx("%s: %s", path, strerror(errno));
		free(tmp);
		return 1;
	}
	if (write_all(fd, b->data, b->len) < 0 || fsync(fd) < 0) {
		err = errno;
		close(fd);
		unlink(tmp);
		warnx("%s: %s", path, strerror(err));
		free(tmp);
		return 1;
	}
	/* mkstemp makes it 0600: the file is the user's, made as usual. */
	fchmod(fd, 0666 & ~umask_now());
	if (close(fd) < 0 || rename(tmp, path) < 0) {
		err = errno;
		unlink(tmp);
		warnx("%s: %s", path, strerror(err));
		free(tmp);
		return 1;
	}
	free(tmp);
	return 0;
}

int
export_bookmarks(struct store *s, const char *tag, enum export_format f, const char *path,
    int force)
{
	struct out o = { f, { NULL, 0, 0 }, 0 };
	int rc;

	buf_init(&o.b);
	buf_add(&o.b, "", 0);
	if (f == EXPORT_MD)
		buf_printf(&o.b, "# %s\n\n", tag ? tag : _("Bookmarks"));
	else if (f == EXPORT_CSV)
		buf_adds(&o.b, "id,title,source,published,author,path,tags,note,opening\r\n");
	if (store_bookmarks(s, tag, 1, one, &o) < 0) {
		warnx("%s", store_errmsg(s));
		buf_free(&o.b);
		return 1;
	}
	if (path == NULL || strcmp(path, "-") == 0) {
		rc = fwrite(o.b.data, 1, o.b.len, stdout) != o.b.len || fflush(stdout) != 0;
		if (rc)
			warnx("%s", _("write error on standard output"));
	} else {
		rc = write_file(path, &o.b, force);
	}
	buf_free(&o.b);
	return rc;
}
