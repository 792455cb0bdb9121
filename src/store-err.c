/*
 * store-err.c: the store's errors: the message of the last failure, in
 * the user's language where it is one they can act on (a lock, a full
 * disk, a damaged file), and whether it was the lock.
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include <sqlite3.h>

#include "i18n.h"
#include "store.h"
#include "store-int.h"
#include "util.h"

void
store_set_err(struct store *s, const char *fmt, ...)
{
	va_list ap;
	char tmp[512];

	va_start(ap, fmt);
	vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	free(s->err);
	s->err = xstrdup(tmp);
	s->busy = 0;
}

/*
 * Why the last call on db failed: for what a person meets and can act on
 * (a lock, a full disk, a damaged file), in their language; SQLite's own
 * words, which are English only, for the rest.
 */
static const char *
db_reason(sqlite3 *db)
{
	/* With no file descriptor left SQLite cannot open the journal and
	 * says "read-only" or "cannot open": name the real cause. */
	if (sqlite3_system_errno(db) == EMFILE || sqlite3_system_errno(db) == ENFILE)
		return _("too many open files (raise the limit, e.g. 'ulimit -n')");
	switch (sqlite3_errcode(db) & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return _("the database is locked by another program; try again when it is done");
	case SQLITE_FULL:
		return _("the disk is full");
	case SQLITE_READONLY:
		return _("the database is read-only");
	case SQLITE_CORRUPT:
		return _("the database is damaged (database disk image is malformed)");
	case SQLITE_NOTADB:
		return _("not a database");
	case SQLITE_CANTOPEN:
		return _("cannot open the database file");
	case SQLITE_PERM:
	case SQLITE_AUTH:
		return _("permission denied");
	case SQLITE_IOERR:
		return _("input/output error");
	case SQLITE_NOMEM:
		return _("out of memory");
	case SQLITE_INTERRUPT:
		return _("interrupted");
	}
	return sqlite3_errmsg(db);
}

int
store_db_fail(struct store *s)
{
	int code = sqlite3_errcode(s->db) & 0xff;

	store_set_err(s, "%s: %s", s->path, db_reason(s->db));
	s->busy = code == SQLITE_BUSY || code == SQLITE_LOCKED;
	return -1;
}

int
store_busy(const struct store *s)
{
	return s->busy;
}

const char *
store_path(const struct store *s)
{
	return s->path;
}

const char *
store_errmsg(const struct store *s)
{
	return s->err ? s->err : "";
}
