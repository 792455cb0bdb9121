/*
 * paths.h: where luot keeps and finds its files (XDG base directories).
 * Every function returns a new string the caller frees.
 */
#ifndef LUOT_PATHS_H
#define LUOT_PATHS_H

/* $XDG_DATA_HOME/luot, else ~/.local/share/luot. NULL without HOME. */
char *paths_data_dir(void);

/* $XDG_CONFIG_HOME/luot, else ~/.config/luot. NULL without HOME. */
char *paths_config_dir(void);

/*
 * The database: explicit (--db) if not NULL, else $LUOT_DB, else
 * name ("luot.db", "demo.db") in the data directory, which is created.
 * NULL with a message printed when no location can be found or made.
 */
char *paths_db(const char *explicit_path, const char *name);

/*
 * The installed data folder (boilerplate patterns, demo corpus):
 * $LUOT_DATADIR, else the installed pkgdatadir when it exists, else the
 * source tree's data/ so that a fresh build runs before "make install".
 */
char *paths_pkgdata(void);

/*
 * The folder of message catalogues (DIR/vi/LC_MESSAGES/luot.mo):
 * $LUOT_LOCALEDIR, else the installed localedir when luot's catalogue
 * is there, else the build tree's locale/ (Makefile.am), so that a fresh
 * build speaks the reader's language before "make install".
 */
char *paths_localedir(void);

/* dir/name; takes dir (frees it). NULL when dir is NULL (no HOME). */
char *paths_in(char *dir, const char *name);

/* mkdir -p; returns 0 or -1 with errno set. */
int paths_mkdirs(const char *dir);

#endif
