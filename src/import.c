/*
 * import.c: see import.h.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "extract.h"
#include "i18n.h"
#include "import.h"
#include "text.h"
#include "util.h"

/* Seconds between two redraws of the progress line. */
#define PROGRESS_INTERVAL 0.1

void
import_opts_init(struct import_opts *o)
{
	o->max_bytes = IMPORT_MAX_BYTES;
	o->source = NULL;
	o->progress = 0;
	o->batch = 1000;
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void walk(const char *path, struct strlist *files);

static void
walk_dir(const char *dir, struct strlist *files)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	struct strlist names;

	if (d == NULL) {
		warnx(_("skipped %s: %s"), dir, strerror(errno));
		return;
	}
	strlist_init(&names);
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] != '.')
			strlist_push(&names, xstrdup(e->d_name));
	}
	closedir(d);
	qsort(names.items, names.len, sizeof *names.items, cmp_str);
	for (size_t i = 0; i < names.len; i++) {
		size_t n = strlen(dir);
		char *child = xasprintf("%s%s%s", dir, n && dir[n - 1] == '/' ? "" : "/",
		    names.items[i]);
		struct stat st;

		/* Symbolic links to folders are not followed: no loops. */
		if (lstat(child, &st) == 0 && S_ISLNK(st.st_mode) &&
		    stat(child, &st) == 0 && S_ISDIR(st.st_mode)) {
			free(child);
			continue;
		}
		walk(child, files);
		free(child);
	}
	strlist_free(&names);
}

static void
walk(const char *path, struct strlist *files)
{
	struct stat st;

	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		walk_dir(path, files);
	else
		strlist_push(files, xstrdup(path));
}

/*
 * Read a whole file into *data. Returns NULL, or a reason the file is
 * skipped (static or in *why, which the caller frees).
 */
static const char *
read_file(const char *path, size_t max, char **data, size_t *len, char **why)
{
	struct stat st;
	size_t got = 0;
	char *buf;
	int fd;

	*why = NULL;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return *why = xasprintf(_("unreadable: %s"), strerror(errno));
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return _("not a regular file");
	}
	if (st.st_size == 0) {
		close(fd);
		return _("empty file");
	}
	if ((uintmax_t)st.st_size > max) {
		close(fd);
		return *why = xasprintf(_("larger than the limit of %zu bytes"), max);
	}
	buf = xmalloc((size_t)st.st_size + 1);
	while (got < (size_t)st.st_size) {
		ssize_t r = read(fd, buf + got, (size_t)st.st_size - got);

		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			int e = errno;

			free(buf);
			close(fd);
			return *why = xasprintf(_("unreadable: %s"), strerror(e));
		}
		if (r == 0)
			break;
		got += (size_t)r;
	}
	close(fd);
	buf[got] = '\0';
	*data = buf;
	*len = got;
	return NULL;
}

/* NUL bytes mean binary, unless the file is UTF-16 with its BOM. */
static int
is_binary(const char *data, size_t len)
{
	const unsigned char *p = (const unsigned char *)data;

	if (len >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF)))
		return 0;
	return memchr(data, '\0', len) != NULL;
}

enum outcome { ADDED, DUPLICATE, SKIPPED, FAILED };

static enum outcome
import_one(struct store *s, const struct boiler *bp, const char *path,
    const struct import_opts *o, struct import_totals *t)
{
	struct text_stats ts;
	struct article a;
	const char *reason;
	char *data = NULL, *why, *text;
	size_t len = 0, tlen;
	int rc;

	if ((reason = read_file(path, o->max_bytes, &data, &len, &why)) != NULL) {
		warnx(_("skipped %s: %s"), path, reason);
		free(why);
		return SKIPPED;
	}
	if (is_binary(data, len)) {
		free(data);
		warnx(_("skipped %s: %s"), path, _("binary file (NUL bytes)"));
		return SKIPPED;
	}
	text = text_decode(data, len, &tlen, &ts);
	free(data);
	if (ts.invalid > 0) {
		warnx(_("%s: %zu invalid UTF-8 sequences replaced by U+FFFD"), path, ts.invalid);
		t->invalid += ts.invalid;
	}
	article_init(&a);
	rc = extract_article(bp, text, &a);
	free(text);
	if (rc < 0) {
		warnx(_("skipped %s: %s"), path, _("no article text found"));
		return SKIPPED;
	}
	if (a.source == NULL && o->source != NULL)
		a.source = xstrdup(o->source);
	rc = store_add(s, &a, path, NULL);
	article_free(&a);
	if (rc < 0)
		return FAILED;
	return rc ? ADDED : DUPLICATE;
}

static void
progress(const struct import_totals *t, size_t done, double start, int final)
{
	double el = now() - start;

	fprintf(stderr, "\r%s%zu/%zu  %.0f/s   ", _("files "), done, t->files,
	    el > 0 ? (double)done / el : 0.0);
	if (final)
		fprintf(stderr, "\r%*s\r", 60, "");
	fflush(stderr);
}

int
import_paths(struct store *s, const struct boiler *bp, char *const *paths, int npaths,
    const struct import_opts *o, struct import_totals *t)
{
	struct strlist files;
	double start = now(), drawn = 0;
	int in_batch = 0, open_txn = 0, rc = 0;

	memset(t, 0, sizeof *t);
	strlist_init(&files);
	for (int i = 0; i < npaths; i++)
		walk(paths[i], &files);
	t->files = files.len;
	for (size_t i = 0; i < files.len; i++) {
		if (!open_txn) {
			if (store_begin(s) < 0) {
				rc = -1;
				break;
			}
			open_txn = 1;
		}
		switch (import_one(s, bp, files.items[i], o, t)) {
		case ADDED:
			t->imported++;
			in_batch++;
			break;
		case DUPLICATE:
			t->duplicates++;
			break;
		case SKIPPED:
			t->skipped++;
			break;
		case FAILED:
			t->failed++;
			rc = -1;
			break;
		}
		if (rc < 0)
			break;
		if (in_batch >= o->batch || i + 1 == files.len) {
			if (store_commit(s) < 0) {
				rc = -1;
				break;
			}
			in_batch = 0;
			open_txn = 0;
		}
		if (o->progress && now() - drawn >= PROGRESS_INTERVAL) {
			progress(t, i + 1, start, 0);
			drawn = now();
		}
	}
	if (rc < 0) {
		/* Keep the first message: the rollback's would hide it. */
		char *msg = xstrdup(store_errmsg(s));

		store_rollback(s);
		/* The articles of the open batch are not in the store. */
		t->imported -= (size_t)in_batch;
		warnx(_("import stopped: %s"), msg);
		free(msg);
	}
	if (o->progress)
		progress(t, files.len, start, 1);
	t->seconds = now() - start;
	strlist_free(&files);
	return rc;
}
