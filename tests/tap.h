/*
 * tap.h: a tiny TAP producer for the C unit tests (one header, no library).
 * ok() records one named check; done() prints the plan and returns the exit
 * status for main().
 */
#ifndef LUOT_TAP_H
#define LUOT_TAP_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int tap_count, tap_failed;

static inline int
ok(int cond, const char *name)
{
	tap_count++;
	if (!cond)
		tap_failed++;
	printf("%sok %d - %s\n", cond ? "" : "not ", tap_count, name);
	fflush(stdout);
	return cond;
}

/* Compare strings; prints both on failure. NULL equals NULL only. */
static inline int
is_str(const char *got, const char *want, const char *name)
{
	int same = (got == NULL && want == NULL) ||
	    (got != NULL && want != NULL && strcmp(got, want) == 0);

	if (!ok(same, name))
		printf("#   got:  '%s'\n#   want: '%s'\n", got ? got : "(null)",
		    want ? want : "(null)");
	return same;
}

/* Remove a test's temporary folder (made by mkdtemp: no quote in its
 * name); a failure is a failed check. */
static inline void
tap_cleanup(const char *dir)
{
	char cmd[4096];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		ok(0, "cleanup");
}

static inline int
is_int(long long got, long long want, const char *name)
{
	if (!ok(got == want, name))
		printf("#   got:  %lld\n#   want: %lld\n", got, want);
	return got == want;
}

static inline int
done(void)
{
	printf("1..%d\n", tap_count);
	return tap_failed ? 1 : 0;
}

#endif
