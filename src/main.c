/*
 * main.c: start-up: the locale and the catalogue, the program's own
 * options and the configuration, then a command (cmd.c's table), the demo,
 * or the interface.
 */
#include "config.h"

#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "cmd.h"
#include "conf.h"
#include "i18n.h"
#include "import.h"
#include "paths.h"
#include "store.h"
#include "ui.h"
#include "util.h"

/*
 * The interface on the database (name in the data folder unless db is
 * given). Where it cannot run (a pipe, TERM=dumb), say why on stderr and
 * list the articles instead: useful output, and never escape codes.
 */
static int
browse_db(const char *db, const char *name)
{
	const char *why = ui_unavailable();
	struct store *s;
	int rc;

	if (why != NULL) {
		warnx(_("%s: listing the articles instead of opening the reader"), why);
		return cli_list_db(db, name, -1, 0);
	}
	if ((s = cmd_open_store(db, name)) == NULL)
		return 1;
	rc = ui_run(s);
	store_close(s);
	return rc;
}

/* --demo: import the bundled articles into demo.db (again is a no-op:
 * they are duplicates) and show them. */
static int
run_demo(const char *db)
{
	struct import_opts o;
	char *data = paths_pkgdata(), *demo = xasprintf("%s/demo", data);
	int rc;

	import_opts_init(&o);
	rc = cli_import_run(db, "demo.db", &demo, 1, &o, NULL, 1);
	free(demo);
	free(data);
	if (rc != 0)
		return rc;
	return browse_db(db, "demo.db");
}

static void
start_locale(void)
{
	char *localedir;

	setlocale(LC_ALL, "");
	localedir = paths_localedir();
	bindtextdomain(PACKAGE, localedir);
	free(localedir);
	/* Messages in UTF-8 whatever the locale, like the articles: the
	 * interface folds both to ASCII itself where the locale is not UTF-8. */
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "demo", no_argument, NULL, 'D' },
		{ "config", required_argument, NULL, 'c' },
		{ "dump-config", no_argument, NULL, 'C' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	const char *db = NULL, *conf_path = NULL;
	int opt, demo = 0, dump = 0, rc;

	start_locale();
	/* '+': options after the command belong to the command. */
	while ((opt = getopt_long(argc, argv, "+d:c:hV", longopts, NULL)) != -1) {
		switch (opt) {
		case 'd':
			db = optarg;
			break;
		case 'c':
			conf_path = optarg;
			break;
		case 'C':
			dump = 1;
			break;
		case 'D':
			demo = 1;
			break;
		case 'h':
			cmd_usage_program(stdout);
			return 0;
		case 'V':
			printf("%s %s\n", PACKAGE, VERSION);
			return 0;
		default:
			fprintf(stderr, _("Try '%s --help'.\n"), PACKAGE);
			return 2;
		}
	}
	/* Bad lines are said and skipped; an unreadable --config file stops. */
	if ((rc = conf_load(conf_path)) < 0)
		return 1;
	if (dump) {
		conf_dump(stdout);
		return rc > 0 ? 1 : 0;
	}
	if (demo) {
		if (optind < argc) {
			warnx("%s", _("--demo takes no command"));
			return 2;
		}
		return run_demo(db);
	}
	if (optind >= argc)
		return browse_db(db, "luot.db");
	return cmd_run(db, argc - optind, argv + optind);
}
