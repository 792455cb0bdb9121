/*
 * launch.c: see launch.h.
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "i18n.h"
#include "launch.h"
#include "url.h"

extern char **environ;

int
launch_command(const char *browser, const char *target, struct strlist *argv)
{
	int placed = 0;
	char *first, *word, *save = NULL;

	strlist_init(argv);
	if (target == NULL || (!url_openable(target) && target[0] != '/'))
		return -1;
	if (browser == NULL || *browser == '\0' || *browser == ':')
		browser = "xdg-open";
	/* $BROWSER may list several, tried in turn by some programs: the
	 * first is taken. */
	first = xstrndup(browser, strcspn(browser, ":"));
	for (word = strtok_r(first, " \t", &save); word != NULL; word = strtok_r(NULL, " \t", &save)) {
		if (strcmp(word, "%s") == 0) {
			strlist_push(argv, xstrdup(target));
			placed = 1;
		} else {
			strlist_push(argv, xstrdup(word));
		}
	}
	free(first);
	if (argv->len == 0)
		strlist_push(argv, xstrdup("xdg-open"));
	if (!placed)
		strlist_push(argv, xstrdup(target));
	return 0;
}

void
launch_shell(const char *cmd, struct strlist *argv)
{
	strlist_init(argv);
	strlist_push(argv, xstrdup("/bin/sh"));
	strlist_push(argv, xstrdup("-c"));
	strlist_push(argv, xstrdup(cmd));
}

int
launch_run(const struct strlist *argv, int in_fd, char **why)
{
	char **v = xcalloc(argv->len + 1, sizeof *v);
	posix_spawn_file_actions_t fa;
	pid_t pid;
	int rc, status;

	*why = NULL;
	for (size_t i = 0; i < argv->len; i++)
		v[i] = argv->items[i];
	posix_spawn_file_actions_init(&fa);
	if (in_fd >= 0)
		posix_spawn_file_actions_adddup2(&fa, in_fd, 0);
	rc = posix_spawnp(&pid, v[0], &fa, NULL, v, environ);
	posix_spawn_file_actions_destroy(&fa);
	free(v);
	if (rc != 0) {
		*why = xasprintf(_("cannot run %s: %s"), argv->items[0], strerror(rc));
		return -1;
	}
	while (waitpid(pid, &status, 0) < 0) {
		if (errno != EINTR) {
			*why = xasprintf("%s: %s", argv->items[0], strerror(errno));
			return -1;
		}
	}
	if (WIFSIGNALED(status)) {
		*why = xasprintf(_("%s ended by signal %d"), argv->items[0], WTERMSIG(status));
		return -1;
	}
	return WEXITSTATUS(status);
}
