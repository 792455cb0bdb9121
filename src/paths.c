/*
 * paths.c: see paths.h.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "i18n.h"
#include "paths.h"
#include "util.h"

static char *
xdg_dir(const char *var, const char *fallback)
{
	const char *v = getenv(var), *home = getenv("HOME");

	if (v != NULL && v[0] == '/')
		return xasprintf("%s/%s", v, PACKAGE);
	if (home == NULL || *home == '\0')
		return NULL;
	return xasprintf("%s/%s/%s", home, fallback, PACKAGE);
}

char *
paths_data_dir(void)
{
	return xdg_dir("XDG_DATA_HOME", ".local/share");
}

char *
paths_config_dir(void)
{
	return xdg_dir("XDG_CONFIG_HOME", ".config");
}

int
paths_mkdirs(const char *dir)
{
	char *p = xstrdup(dir);
	int rc = 0;

	for (char *s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0700) < 0 && errno != EEXIST)
			rc = -1;
		*s = '/';
		if (rc < 0)
			break;
	}
	if (rc == 0 && mkdir(p, 0700) < 0 && errno != EEXIST)
		rc = -1;
	free(p);
	return rc;
}

char *
paths_in(char *dir, const char *name)
{
	char *path;

	if (dir == NULL)
		return NULL;
	path = xasprintf("%s/%s", dir, name);
	free(dir);
	return path;
}

char *
paths_db(const char *explicit_path, const char *name)
{
	const char *env = getenv("LUOT_DB");
	char *dir;

	if (explicit_path != NULL)
		return xstrdup(explicit_path);
	if (env != NULL && *env != '\0' && strcmp(name, "luot.db") == 0)
		return xstrdup(env);
	if ((dir = paths_data_dir()) == NULL) {
		warnx("%s", _("no place for the database: set HOME, XDG_DATA_HOME or use --db"));
		return NULL;
	}
	if (paths_mkdirs(dir) < 0) {
		warnx(_("cannot create %s: %s"), dir, strerror(errno));
		free(dir);
		return NULL;
	}
	return paths_in(dir, name);
}

char *
paths_pkgdata(void)
{
	const char *env = getenv("LUOT_DATADIR");
	struct stat st;

	if (env != NULL && *env != '\0')
		return xstrdup(env);
	if (stat(PKGDATADIR "/boilerplate", &st) == 0)
		return xstrdup(PKGDATADIR);
	return xstrdup(SRCDATADIR);
}

char *
paths_localedir(void)
{
	const char *env = getenv("LUOT_LOCALEDIR");
	struct stat st;

	if (env != NULL && *env != '\0')
		return xstrdup(env);
	if (stat(LOCALEDIR "/vi/LC_MESSAGES/" PACKAGE ".mo", &st) == 0)
		return xstrdup(LOCALEDIR);
	return xstrdup(BUILDLOCALEDIR);
}
