/*
 * fts-ext.c: the "luot" FTS5 tokenizer as a loadable SQLite extension, so
 * that a luot database can be searched (and written) from the sqlite3
 * shell:  .load /usr/local/lib/luot/luot
 * It also brings luot_unzip() and luot_zip(), which the view article_text
 * and the triggers that keep the index in step need.
 *
 * The tokenizer source is compiled in here with sqlite3ext.h, which routes
 * its sqlite3_* calls through the API table the shell hands over.
 */
#include "config.h"

#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT1

#define LUOT_EXTENSION 1
#include "rank.c"
#include "snippet.c"
#include "tokenize.c"
#include "fts.c"
#include "zip.c"

int sqlite3_luot_init(sqlite3 *db, char **err, const sqlite3_api_routines *api);

int
sqlite3_luot_init(sqlite3 *db, char **err, const sqlite3_api_routines *api)
{
	int rc;

	SQLITE_EXTENSION_INIT2(api);
	(void)err;
	rc = fts_register(db);
	return rc == SQLITE_OK ? zip_register(db) : rc;
}
