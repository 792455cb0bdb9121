/*
 * handoff.c: see handoff.h.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "export.h"
#include "handoff.h"
#include "i18n.h"
#include "keymap.h"
#include "launch.h"
#include "pane.h"
#include "store.h"
#include "text.h"
#include "util.h"

/* Columns of a file name made of a title. */
#define SLUG_MAX 60

/* The command last piped to, offered again (as mutt does). */
static char *last_pipe;

void
handoff_open(struct ui *ui, const char *target)
{
	struct strlist argv;
	char *why = NULL;
	int rc;

	if (launch_command(getenv("BROWSER"), target, &argv) < 0) {
		ui_message(ui, 1, "%s", _("not a URL or file that can be opened"));
		strlist_free(&argv);
		return;
	}
	if ((rc = ui_external(ui, &argv, -1, 0, &why)) < 0)
		ui_message(ui, 1, "%s", why);
	else if (rc > 0)
		ui_message(ui, 1, _("%s ended with status %d"), argv.items[0], rc);
	else
		ui_message(ui, 0, _("opened with %s"), argv.items[0]);
	free(why);
	strlist_free(&argv);
}

/* What of an article is wanted: its fields (url, path, title), and its
 * text or Markdown too. */
enum want { WANT_FIELDS, WANT_TEXT, WANT_MD };

/* An article as store_show() gives it: its fields copied, and rendered
 * into out as wanted. */
struct got {
	enum want want;
	char *url, *path, *title;
	struct buf out;
};

static int
keep(const struct store_item *it, void *ctx)
{
	struct got *g = ctx;

	g->url = it->url ? xstrdup(it->url) : NULL;
	g->path = xstrdup(it->path);
	g->title = xstrdup(it->title);
	if (g->want == WANT_MD)
		export_article_md(&g->out, it);
	else if (g->want == WANT_TEXT)
		export_article_text(&g->out, it);
	return 0;
}

/* Article id into *g as wanted; 0 with a message when it cannot be
 * read. */
static int
get(struct ui *ui, int64_t id, enum want want, struct got *g)
{
	memset(g, 0, sizeof *g);
	g->want = want;
	buf_init(&g->out);
	return ui_found(ui, store_show(ui_store(ui), id, keep, g));
}

static void
got_free(struct got *g)
{
	free(g->url);
	free(g->path);
	free(g->title);
	buf_free(&g->out);
}

/* o: the article's URL in the browser, else (an article of a text file)
 * its file; x (file set): its file. */
static void
open_source(struct ui *ui, const struct pane_article *a, int file)
{
	struct got g;

	if (!get(ui, a->id, WANT_FIELDS, &g))
		return;
	handoff_open(ui, file || g.url == NULL ? g.path : g.url);
	got_free(&g);
}

/* The article a question is about, and for a file that exists, where. */
struct about {
	int64_t id;
	char *path;
};

static void
about_free(void *ctx)
{
	struct about *ab = ctx;

	free(ab->path);
	free(ab);
}

/* A path as typed: "~/" is the home folder; spaces around dropped. New,
 * or NULL when empty. */
static char *
typed_path(const char *s)
{
	const char *home = getenv("HOME");
	size_t n;

	while (isspace((unsigned char)*s))
		s++;
	n = strlen(s);
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		n--;
	if (n == 0)
		return NULL;
	if (n >= 2 && s[0] == '~' && s[1] == '/' && home != NULL && *home)
		return xasprintf("%s/%.*s", home, (int)(n - 2), s + 2);
	return xstrndup(s, n);
}

/* Does path ask for Markdown (.md, .markdown)? */
static int
wants_md(const char *path)
{
	enum export_format f;

	return export_format_of_path(path, &f) == 0 && f == EXPORT_MD;
}

/* Write article id to path (over a file there with force); the outcome
 * said. 1 when the file exists and force was not given. */
static int
save_to(struct ui *ui, int64_t id, const char *path, int force)
{
	struct got g;
	char *why = NULL;
	int exists = 0;

	if (!get(ui, id, wants_md(path) ? WANT_MD : WANT_TEXT, &g))
		return 0;
	if (export_write(path, &g.out, force, &why, &exists) == 0)
		ui_message(ui, 0, _("saved to %s"), path);
	else if (!exists)
		ui_message(ui, 1, "%s", why);
	free(why);
	got_free(&g);
	return exists;
}

static void replaced(struct ui *ui, const char *answer, void *ctx);

static const struct ui_question replace_question = {
	.text = N_("the file exists: replace it? (y/n) "), .answered = replaced,
	.done = about_free, .yes_no = 1,
};

static void
replaced(struct ui *ui, const char *answer, void *ctx)
{
	struct about *ab = ctx;

	if (strcmp(answer, "y") == 0)
		save_to(ui, ab->id, ab->path, 1);
}

static void
saved(struct ui *ui, const char *answer, void *ctx)
{
	struct about *ab = ctx, *again;
	char *path = typed_path(answer);

	if (path == NULL) {
		ui_message(ui, 0, "%s", _("not saved"));
		return;
	}
	if (save_to(ui, ab->id, path, 0)) {
		/* The answer is the prompt's own text: copied above. */
		again = xmalloc(sizeof *again);
		again->id = ab->id;
		again->path = path;
		ui_prompt(ui, &replace_question, "", again);
		return;
	}
	free(path);
}

static const struct ui_question save_question = {
	.text = N_("save as (.md: Markdown, else text): "), .answered = saved,
	.done = about_free,
};

/* A file name made of a title: "Hà Nội: xe buýt" gives "ha-noi-xe-buyt.txt". */
static char *
slug_of(const char *title)
{
	char *ascii = text_ascii(title ? title : "");
	struct buf b;
	int dash = 0;

	buf_init(&b);
	buf_add(&b, "", 0);
	for (const char *p = ascii; *p && b.len < SLUG_MAX; p++) {
		if (isalnum((unsigned char)*p)) {
			if (dash && b.len > 0)
				buf_addc(&b, '-');
			buf_addc(&b, (char)tolower((unsigned char)*p));
			dash = 0;
		} else {
			dash = 1;
		}
	}
	free(ascii);
	if (b.len == 0)
		buf_adds(&b, "article");
	buf_adds(&b, ".txt");
	buf_addc(&b, '\0');
	return buf_detach(&b);
}

static void
ask_save(struct ui *ui, const struct pane_article *a)
{
	struct about *ab;
	struct got g;
	char *slug;

	if (!get(ui, a->id, WANT_FIELDS, &g))
		return;
	slug = slug_of(g.title);
	got_free(&g);
	ab = xcalloc(1, sizeof *ab);
	ab->id = a->id;
	ui_prompt(ui, &save_question, slug, ab);
	free(slug);
}

/* A file that holds text, unlinked, at its start: a command's input. -1
 * with a message when none could be made. */
static int
input_of(struct ui *ui, const struct buf *b)
{
	const char *dir = getenv("TMPDIR");
	char *path = xasprintf("%s/luot-pipe-XXXXXX", dir && *dir ? dir : "/tmp");
	int fd = mkstemp(path);
	size_t done = 0;

	if (fd < 0) {
		ui_message(ui, 1, "%s: %s", path, strerror(errno));
		free(path);
		return -1;
	}
	unlink(path);
	free(path);
	while (done < b->len) {
		ssize_t k = write(fd, b->data + done, b->len - done);

		if (k < 0) {
			ui_message(ui, 1, "%s", strerror(errno));
			close(fd);
			return -1;
		}
		done += (size_t)k;
	}
	lseek(fd, 0, SEEK_SET);
	return fd;
}

static void
piped(struct ui *ui, const char *answer, void *ctx)
{
	struct about *ab = ctx;
	struct strlist argv;
	struct got g;
	char *cmd = typed_path(answer), *why = NULL;
	int fd, rc;

	if (cmd == NULL) {
		ui_message(ui, 0, "%s", _("cancelled"));
		return;
	}
	free(last_pipe);
	last_pipe = xstrdup(cmd);
	if (!get(ui, ab->id, WANT_TEXT, &g)) {
		free(cmd);
		return;
	}
	if ((fd = input_of(ui, &g.out)) >= 0) {
		/* What the user typed is a shell command, as in mutt; the
		 * article reaches it as its input only. */
		launch_shell(cmd, &argv);
		rc = ui_external(ui, &argv, fd, 1, &why);
		close(fd);
		if (rc < 0)
			ui_message(ui, 1, "%s", why);
		else if (rc > 0)
			ui_message(ui, 1, _("the command ended with status %d"), rc);
		else
			ui_message(ui, 0, _("piped to %s"), cmd);
		strlist_free(&argv);
		free(why);
	}
	got_free(&g);
	free(cmd);
}

static const struct ui_question pipe_question = {
	.text = N_("pipe the article to: "), .answered = piped, .done = about_free,
};

int
handoff_article(struct ui *ui, int action, const struct pane_article *a)
{
	struct about *ab;

	switch (action) {
	case ACT_OPEN_URL:
	case ACT_OPEN_FILE:
		open_source(ui, a, action == ACT_OPEN_FILE);
		return UI_HANDLED;
	case ACT_SAVE:
		ask_save(ui, a);
		return UI_HANDLED;
	case ACT_PIPE:
		ab = xcalloc(1, sizeof *ab);
		ab->id = a->id;
		ui_prompt(ui, &pipe_question, last_pipe, ab);
		return UI_HANDLED;
	}
	return 0;
}
