/*
 * launch.h: handing an article to another program: its URL (or its
 * file) to a browser. The program is run from an argument vector with
 * posix_spawnp, never through a shell, so nothing in a URL or a file
 * name is read as a command: only http, https and file URLs (url.h) and
 * absolute paths are handed over.
 */
#ifndef LUOT_LAUNCH_H
#define LUOT_LAUNCH_H

#include "util.h"

/*
 * The command that opens target: $BROWSER as the environment gives it
 * (the first of a colon-separated list, its words split at spaces; a
 * word "%s" is replaced by target, else target comes last), else
 * xdg-open. Fills argv (initialised here). Returns 0, or -1 when target
 * is neither an openable URL nor an absolute path (argv empty).
 */
int launch_command(const char *browser, const char *target, struct strlist *argv);

/*
 * Run argv and wait for it (a browser in the terminal takes it over),
 * its standard input in_fd (-1: luot's own). Returns its exit status
 * (0: it opened), or -1 with the reason in *why (new) when it could not
 * be started or ended by a signal.
 */
int launch_run(const struct strlist *argv, int in_fd, char **why);

/* The command a user typed, run by the shell: "sh -c CMD" into argv
 * (initialised here). Only for what the user types (|), never for what
 * an article holds. */
void launch_shell(const char *cmd, struct strlist *argv);

#endif
