/*
 * export.c: see export.h.
 */
#include "config.h"

#include <sys/file.h>
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
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

int
export_format_of_path(const char *path, enum export_format *f)
{
	static const struct {
		const char *ext;
		enum export_format f;
	} exts[] = {
		{ ".md", EXPORT_MD }, { ".markdown", EXPORT_MD }, { ".csv", EXPORT_CSV },
		{ ".json", EXPORT_JSON }, { ".jsonl", EXPORT_JSON }, { ".ndjson", EXPORT_JSON },
	};
	const char *dot = strrchr(path, '.');

	if (dot == NULL || strchr(dot, '/') != NULL)
		return -1;
	for (size_t i = 0; i < sizeof exts / sizeof *exts; i++) {
		if (strcasecmp(dot, exts[i].ext) == 0) {
			*f = exts[i].f;
			return 0;
		}
	}
	return -1;
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
 * kept), but for the file's name, which must name it: a shell word
 * (text_shell_quote) when it is not plain text. JSON keeps the exact
 * text, escaped. */
static char *
shown(const char *s)
{
	return text_sanitize_lines(s ? s : "");
}

/* Would a spreadsheet take a cell starting so for a formula? OWASP's
 * rule for CSV injection: =, +, -, @, tab or CR first. */
static int
csv_formula(const char *s)
{
	return *s != '\0' && strchr("=+-@\t\r", *s) != NULL;
}

/* One CSV field (RFC 4180): quoted when it holds a comma, quote or line
 * break, quotes doubled; one a spreadsheet would run as a formula starts
 * with an apostrophe (and is quoted), which shows it as text. */
static void
csv_field(struct buf *b, const char *text, int last)
{
	char *safe = shown(text);
	int formula = csv_formula(text ? text : "") || csv_formula(safe);

	if (!formula && strpbrk(safe, ",\"\n") == NULL) {
		buf_adds(b, safe);
	} else {
		buf_addc(b, '"');
		if (formula)
			buf_addc(b, '\'');
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

/*
 * Text for Markdown, new: as shown() makes it, then with HTML's <, > and
 * & as entities (no tag, autolink or entity of the article's reaches a
 * renderer) and Markdown's link, code and emphasis marks escaped (no
 * link, javascript: or other, is made of the article's text).
 */
static char *
md_text(const char *s)
{
	char *safe = shown(s);
	struct buf b;

	buf_init(&b);
	buf_add(&b, "", 0);
	for (const char *p = safe; *p; p++) {
		if (*p == '<')
			buf_adds(&b, "&lt;");
		else if (*p == '>')
			buf_adds(&b, "&gt;");
		else if (*p == '&')
			buf_adds(&b, "&amp;");
		else {
			if (strchr("\\`*_[]", *p) != NULL)
				buf_addc(&b, '\\');
			buf_addc(&b, *p);
		}
	}
	free(safe);
	return buf_detach(&b);
}

static void
put_field(struct buf *b, const char *label, const char *value)
{
	char *safe;

	if (value == NULL)
		return;
	safe = text_sanitize(value);
	buf_printf(b, "%s %s\n", label, safe);
	free(safe);
}

/* A file's name: as a shell word when it is not plain text, so that
 * it names the real file and sends nothing odd to the terminal. */
static void
put_path(struct buf *b, const char *label, const char *path)
{
	char *word = text_shell_quote(path);

	put_field(b, label, word);
	free(word);
}

static void
put_lines_text(struct buf *b, const char *s, const char *sep)
{
	const char *p = s ? s : "";

	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		char *line = xstrndup(p, n);
		char *safe = text_sanitize(line);

		buf_adds(b, safe);
		buf_adds(b, sep);
		free(safe);
		free(line);
		p += n;
		if (*p == '\n')
			p++;
	}
}

/* The body's links under the text, numbered as the reader's L lists
 * them: "[1] text <URL>". */
static void
put_links(struct buf *b, const char *links)
{
	const char *p = links;
	char *url, *text;
	size_t k = 0;

	if (links == NULL || *links == '\0')
		return;
	buf_printf(b, "\n%s\n", _("Links:"));
	while (article_link_next(&p, &url, &text)) {
		char *safe = text_sanitize(text), *safe_url = text_sanitize(url);

		buf_printf(b, "[%zu] %s%s<%s>\n", ++k, safe, *safe ? " " : "", safe_url);
		free(url);
		free(text);
		free(safe);
		free(safe_url);
	}
}

void
export_article_text(struct buf *b, const struct store_item *it)
{
	char *safe = text_sanitize(it->title);

	buf_printf(b, "%s\n", safe);
	free(safe);
	put_field(b, _("Published:"), it->published);
	put_field(b, _("Page date:"), it->crawled);
	put_field(b, _("Author:"), it->author);
	put_field(b, _("Source:"), it->source);
	put_path(b, _("File:"), it->path);
	put_field(b, _("URL:"), it->url);
	buf_printf(b, "%s %lld\n\n", _("Words:"), (long long)it->words);
	put_lines_text(b, it->body, "\n\n");
	if (it->captions != NULL && *it->captions) {
		buf_printf(b, "%s\n", _("Photo captions:"));
		put_lines_text(b, it->captions, "\n");
	}
	put_links(b, it->links);
}

/* Lines of s (joined by LF) as Markdown paragraphs, each after head
 * ("" or "> "). */
static void
md_lines(struct buf *b, const char *s, const char *head)
{
	const char *p = s ? s : "";

	while (*p) {
		size_t n = strcspn(p, "\n");
		char *line = xstrndup(p, n), *md = md_text(line);

		if (*md)
			buf_printf(b, "%s%s\n\n", head, md);
		free(md);
		free(line);
		p += n;
		if (*p == '\n')
			p++;
	}
}

void
export_article_md(struct buf *b, const struct store_item *it)
{
	const char *f[] = { it->source, it->published, it->author };
	const char *p = it->links;
	char *s, *url, *text;
	int any = 0;
	size_t k = 0;

	s = md_text(it->title);
	buf_printf(b, "# %s\n\n", s);
	free(s);
	for (size_t i = 0; i < sizeof f / sizeof *f; i++) {
		if (f[i] == NULL)
			continue;
		s = md_text(f[i]);
		buf_printf(b, "%s%s", any ? " · " : "*", s);
		free(s);
		any = 1;
	}
	if (any)
		buf_adds(b, "*\n\n");
	/* A link: url.h keeps no URL with a character that would end it. */
	if (it->url)
		buf_printf(b, "<%s>\n\n", it->url);
	md_lines(b, it->body, "");
	md_lines(b, it->captions, "> ");
	if (p != NULL && *p)
		buf_printf(b, "## %s\n\n", _("Links"));
	while (article_link_next(&p, &url, &text)) {
		s = md_text(text);
		buf_printf(b, "%zu. [%s](<%s>)\n", ++k, *s ? s : url, url);
		free(s);
		free(url);
		free(text);
	}
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
	char *tags = tag_list(m->tags), *path = text_shell_quote(it->path), *f[9];
	enum { TITLE, SOURCE, DATE, AUTHOR, PATH, MARKED, TAGS, NOTE, FIRST };

	f[TITLE] = md_text(it->title);
	f[SOURCE] = md_text(it->source);
	f[DATE] = md_text(it->published);
	f[AUTHOR] = md_text(it->author);
	f[PATH] = md_text(path);
	f[MARKED] = md_text(m->bookmarked);
	f[TAGS] = md_text(tags);
	f[NOTE] = md_text(m->note);
	f[FIRST] = md_text(first);
	/* Markdown shows text as it is: one line for the heading. */
	buf_printf(b, "## %s\n\n", f[TITLE]);
	if (it->source)
		buf_printf(b, "- %s %s\n", _("Source:"), f[SOURCE]);
	if (it->published)
		buf_printf(b, "- %s %s\n", _("Date:"), f[DATE]);
	if (it->author)
		buf_printf(b, "- %s %s\n", _("Author:"), f[AUTHOR]);
	buf_printf(b, "- %s %s\n", _("File:"), f[PATH]);
	/* A link: url.h keeps no URL with a character that would end it. */
	if (it->url)
		buf_printf(b, "- %s <%s>\n", _("URL:"), it->url);
	if (m->bookmarked)
		buf_printf(b, "- %s %s\n", _("Bookmarked:"), f[MARKED]);
	if (*tags)
		buf_printf(b, "- %s %s\n", _("Tags:"), f[TAGS]);
	buf_addc(b, '\n');
	if (*f[NOTE])
		buf_printf(b, "%s\n\n", f[NOTE]);
	if (*f[FIRST])
		buf_printf(b, "> %s\n\n", f[FIRST]);
	for (size_t i = 0; i < sizeof f / sizeof *f; i++)
		free(f[i]);
	free(path);
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
	char id[24], *tags = tag_list(m->tags), *path = text_shell_quote(it->path);

	snprintf(id, sizeof id, "%lld", (long long)it->id);
	csv_field(b, id, 0);
	csv_field(b, it->title, 0);
	csv_field(b, it->source, 0);
	csv_field(b, it->published, 0);
	csv_field(b, m->bookmarked, 0);
	csv_field(b, it->author, 0);
	csv_field(b, path, 0);
	csv_field(b, it->url, 0);
	csv_field(b, tags, 0);
	csv_field(b, m->note, 0);
	csv_field(b, first, 1);
	free(path);
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

/* The folder of path and its last name, new strings. */
static void
split_path(const char *path, char **dir, char **base)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL) {
		*dir = xstrdup(".");
		*base = xstrdup(path);
	} else {
		*dir = slash == path ? xstrdup("/") : xstrndup(path, (size_t)(slash - path));
		*base = xstrdup(slash + 1);
	}
}

/* What the symbolic link path says, new; NULL with errno. */
static char *
read_link(const char *path)
{
	for (size_t cap = 256; cap <= 65536; cap *= 2) {
		char *to = xmalloc(cap);
		ssize_t n = readlink(path, to, cap);

		if (n < 0) {
			free(to);
			return NULL;
		}
		if ((size_t)n < cap) {
			to[n] = '\0';
			return to;
		}
		free(to);
	}
	errno = ENAMETOOLONG;
	return NULL;
}

/*
 * The file an export to path writes: path, or where its symbolic links
 * lead (followed, so that the link stays a link), new; NULL with errno
 * when they go round in circles.
 */
static char *
link_target(const char *path)
{
	char *p = xstrdup(path);

	for (int hops = 0; hops < 40; hops++) {
		struct stat st;
		char *to, *dir, *base;

		if (lstat(p, &st) < 0 || !S_ISLNK(st.st_mode))
			return p;
		if ((to = read_link(p)) == NULL) {
			free(p);
			return NULL;
		}
		if (to[0] != '/') {
			split_path(p, &dir, &base);
			free(p);
			p = xasprintf("%s/%s", dir, to);
			free(dir);
			free(base);
			free(to);
		} else {
			free(p);
			p = to;
		}
	}
	free(p);
	errno = ELOOP;
	return NULL;
}

/*
 * Temporaries are named TARGET.luot-tmp-XXXXXX (mkstemp's six letters or
 * digits): the "luot" tells them from other programs' files, which an
 * export to the same folder must leave alone.
 */
#define TMP_INFIX ".luot-tmp-"
/* A temporary that no writer holds may still be a live one where flock
 * is not shared (some network file systems): one written this recently
 * is left alone. */
#define STALE_SECONDS 60

/* Whether name is one of write_replace()'s temporaries, for any target. */
static int
our_temporary(const char *name)
{
	const char *infix = strstr(name, TMP_INFIX), *x;

	if (infix == NULL || infix == name)
		return 0;
	x = infix + strlen(TMP_INFIX);
	return strlen(x) == 6 && strspn(x, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "abcdefghijklmnopqrstuvwxyz0123456789") == 6;
}

/*
 * Remove the temporaries that exports to dir, of any target, left when
 * they were killed. A live export holds a lock on its own (make_temporary),
 * so one whose lock can be taken has no writer left; two exports to one
 * folder never take each other's.
 */
static void
clean_stale(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	if (d == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		struct stat st;
		int fd;

		if (!our_temporary(e->d_name))
			continue;
		fd = openat(dirfd(d), e->d_name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
		if (fd < 0)
			continue;
		if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == geteuid() &&
		    time(NULL) - st.st_mtime >= STALE_SECONDS &&
		    flock(fd, LOCK_EX | LOCK_NB) == 0)
			unlinkat(dirfd(d), e->d_name, 0);
		close(fd);
	}
	closedir(d);
}

/* A temporary file for target, made and locked (clean_stale); its
 * descriptor, or -1 with errno. */
static int
make_temporary(const char *target, char **tmp)
{
	for (int tries = 0; tries < 3; tries++) {
		struct stat st;
		int fd;

		*tmp = xasprintf("%s" TMP_INFIX "XXXXXX", target);
		if ((fd = mkstemp(*tmp)) < 0) {
			free(*tmp);
			return -1;
		}
		/* Between mkstemp and the lock, another export's clean_stale
		 * may have taken the file for a dead one's: make another. */
		if (flock(fd, LOCK_EX) == 0 && fstat(fd, &st) == 0 && st.st_nlink > 0)
			return fd;
		close(fd);
		free(*tmp);
	}
	errno = EAGAIN;
	return -1;
}

/* Make the rename durable: sync the folder that holds it. */
static void
sync_folder(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
}

/*
 * b into the regular file target, whole or not at all: a temporary file
 * beside it, synced, renamed over it. old is the file replaced (NULL for
 * a new one): its mode (and, for root, its owner) stay.
 */
static int
write_replace(const char *target, const struct buf *b, const struct stat *old, char **why)
{
	char *tmp, *dir, *base;
	int fd, err = 0;

	split_path(target, &dir, &base);
	free(base);
	clean_stale(dir);
	if ((fd = make_temporary(target, &tmp)) < 0) {
		*why = xasprintf("%s: %s", target, strerror(errno));
		free(dir);
		return -1;
	}
	/* mkstemp makes it 0600: the file is the user's, made as usual,
	 * or as the one it replaces was. */
	fchmod(fd, old ? old->st_mode & 07777 : 0666 & ~umask_now());
	if (old != NULL && geteuid() == 0)
		(void)!fchown(fd, old->st_uid, old->st_gid);
	if (write_all(fd, b->data, b->len) < 0 || fsync(fd) < 0)
		err = errno;
	if (err == 0 && rename(tmp, target) < 0)
		err = errno;
	if (err != 0) {
		unlink(tmp);
		*why = xasprintf("%s: %s", target, strerror(err));
	} else {
		sync_folder(dir);
	}
	close(fd);	/* the lock goes with it, after the rename */
	free(tmp);
	free(dir);
	return err != 0 ? -1 : 0;
}

/* b into a FIFO or a terminal (or any character device): written into,
 * as a shell's > does, since there is no file to replace. */
static int
write_into(const char *path, const struct buf *b, char **why)
{
	int fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC), err;

	if (fd < 0 || write_all(fd, b->data, b->len) < 0) {
		err = errno;
		if (fd >= 0)
			close(fd);
		*why = xasprintf("%s: %s", path, strerror(err));
		return -1;
	}
	if (close(fd) < 0) {
		*why = xasprintf("%s: %s", path, strerror(errno));
		return -1;
	}
	return 0;
}

int
export_write(const char *path, const struct buf *b, int force, char **why, int *exists)
{
	struct stat st;
	char *target;
	int found, rc;

	*why = NULL;
	if (exists != NULL)
		*exists = 0;
	found = stat(path, &st) == 0;
	if (!found && errno != ENOENT) {
		*why = xasprintf("%s: %s", path, strerror(errno));
		return -1;
	}
	if (found && (S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode)))
		return write_into(path, b, why);
	if (found && !S_ISREG(st.st_mode)) {
		*why = xasprintf(_("%s is not a regular file, a FIFO or a terminal: not written"),
		    path);
		return -1;
	}
	if (found && !force) {
		if (exists != NULL)
			*exists = 1;
		*why = xasprintf(_("%s exists: not replaced (--force replaces it)"), path);
		return -1;
	}
	if ((target = link_target(path)) == NULL) {
		*why = xasprintf("%s: %s", path, strerror(errno));
		return -1;
	}
	rc = write_replace(target, b, found ? &st : NULL, why);
	free(target);
	return rc;
}

int
export_bookmarks(struct store *s, const char *tag, enum export_format f, const char *path,
    int force, int bom, int *n)
{
	struct out o = { f, { NULL, 0, 0 }, 0 };
	int rc;

	buf_init(&o.b);
	buf_add(&o.b, "", 0);
	if (f == EXPORT_MD)
		buf_printf(&o.b, "# %s\n\n", tag ? tag : _("Bookmarks"));
	else if (f == EXPORT_CSV)
		buf_printf(&o.b, "%sid,title,source,published,bookmarked,author,path,url,tags,note,"
		    "opening\r\n", bom ? "\xef\xbb\xbf" : "");
	if (store_bookmarks(s, tag, 1, one, &o) < 0) {
		warnx("%s", store_errmsg(s));
		buf_free(&o.b);
		return 1;
	}
	*n = o.n;
	if (path == NULL || strcmp(path, "-") == 0) {
		rc = fwrite(o.b.data, 1, o.b.len, stdout) != o.b.len || fflush(stdout) != 0;
		if (rc)
			warnx("%s", _("write error on standard output"));
	} else {
		char *why;

		rc = export_write(path, &o.b, force, &why, NULL) < 0;
		if (rc)
			warnx("%s", why);
		free(why);
	}
	buf_free(&o.b);
	return rc;
}
