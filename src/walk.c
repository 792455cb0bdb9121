/*
 * walk.c: see walk.h.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "text.h"
#include "util.h"
#include "walk.h"

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The folder the import runs in, for showing paths below it short. */
static char *cwd;

void
walk_begin(void)
{
	free(cwd);
	cwd = getcwd(NULL, 0);
}

void
walk_end(void)
{
	free(cwd);
	cwd = NULL;
}

/* A path as messages show it: below the working folder, relative to it;
 * made safe to print, on one line. Caller frees. */
char *
walk_shown(const char *path)
{
	size_t n = cwd ? strlen(cwd) : 0;

	if (n > 1 && strncmp(path, cwd, n) == 0 && path[n] == '/')
		path += n + 1;
	return text_sanitize(path);
}

/* A file or folder that cannot be imported: named, counted. */
static void
walk_fail(const char *path, int err, struct import_totals *t)
{
	char *name = walk_shown(path);

	warnx(_("failed %s: %s"), name, strerror(err));
	free(name);
	t->failed++;
}

/* What the walk needs besides the list it fills. */
struct walk {
	struct strlist *files;
	struct import_totals *t;
	struct strlist roots;	/* the paths given, absolute */
	int follow;		/* import_opts' */
};

/* A path the walk passes over: named with the reason, counted. */
static void
walk_skip(struct walk *w, const char *path, const char *why)
{
	char *name = walk_shown(path);

	warnx(_("skipped %s: %s"), name, why);
	free(name);
	w->t->skipped++;
}

/* Whether the absolute path is one of the paths given or inside one. */
static int
inside_roots(const struct walk *w, const char *path)
{
	for (size_t i = 0; i < w->roots.len; i++) {
		const char *r = w->roots.items[i];
		size_t n = strlen(r);

		if (strncmp(path, r, n) == 0 && (path[n] == '\0' || path[n] == '/' ||
		    (n > 0 && r[n - 1] == '/')))
			return 1;
	}
	return 0;
}

/*
 * A symbolic link met in a folder: taken when it leads to a file inside
 * the paths given (or with --follow); a link out of them, say to
 * ~/.bash_history or /proc/self/fd/2 in a scraped folder, is skipped with
 * the reason. Links to folders are never followed: no loops.
 */
static void
walk_link(struct walk *w, char *child)
{
	struct stat st;
	char *to;

	if (stat(child, &st) == 0 && S_ISDIR(st.st_mode)) {
		free(child);
		return;
	}
	/* A link that leads nowhere is taken: reading it says why not. */
	to = realpath(child, NULL);
	if (w->follow || to == NULL || inside_roots(w, to)) {
		free(to);
		strlist_push(w->files, child);	/* errors are reported on reading */
		return;
	}
	free(to);
	walk_skip(w, child, _("a symbolic link out of the folders given (--follow follows it)"));
	free(child);
}

static void
walk_dir(struct walk *w, const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	struct strlist names;

	if (d == NULL) {
		/* Skipped, not failed: nothing was read; but the import is
		 * not whole, and says so by its exit status (unopened). */
		char *why = xasprintf(_("cannot open the folder: %s"), strerror(errno));

		walk_skip(w, dir, why);
		free(why);
		w->t->unopened++;
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

		if (lstat(child, &st) < 0)
			st.st_mode = 0;
		if (S_ISDIR(st.st_mode)) {
			walk_dir(w, child);
			free(child);
		} else if (S_ISLNK(st.st_mode)) {
			walk_link(w, child);
		} else {
			strlist_push(w->files, child);	/* errors are reported on reading */
		}
	}
	strlist_free(&names);
}

/*
 * A path as given: a folder is walked, a file taken. Both are made
 * absolute first, so that the store says where an article came from
 * whatever folder the import ran in. A path that does not exist is a
 * failure, not a file to skip.
 */
static void
walk(struct walk *w, const char *path)
{
	char *abs = realpath(path, NULL);
	struct stat st;

	if (abs == NULL) {
		walk_fail(path, errno, w->t);
		return;
	}
	if (stat(abs, &st) == 0 && S_ISDIR(st.st_mode)) {
		walk_dir(w, abs);
		free(abs);
	} else {
		strlist_push(w->files, abs);
	}
}

void
walk_paths(char *const *paths, int npaths, int follow, struct strlist *files,
    struct import_totals *t)
{
	struct walk ws = { files, t, { NULL, 0, 0 }, follow }, *w = &ws;

	strlist_init(&w->roots);
	for (int i = 0; i < npaths; i++) {
		char *abs = realpath(paths[i], NULL);

		if (abs != NULL)
			strlist_push(&w->roots, abs);
	}
	for (int i = 0; i < npaths; i++)
		walk(w, paths[i]);
	strlist_free(&w->roots);
}
