/*
 * bench.h: the SQL helpers the benchmark programs share. Each program is
 * one file; a failure ends it with the statement and SQLite's message.
 */
#ifndef LUOT_BENCH_H
#define LUOT_BENCH_H

#include <sqlite3.h>

#include "../../src/util.h"

/* Run sql, or die. */
static inline void
exec(sqlite3 *db, const char *sql)
{
	char *err = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK)
		die("%s: %s", sql, err);
}

/* The first column of sql's first row, as a number; -1 when no row. */
static inline double
scalar(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	double v = -1;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		die("%s: %s", sql, sqlite3_errmsg(db));
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_double(st, 0);
	sqlite3_finalize(st);
	return v;
}

#endif
