/*
 * bench.h: the SQL helpers the benchmark programs share. Each program is
 * one file; a failure ends it with the statement and SQLite's message.
 */
#ifndef LUOT_BENCH_H
#define LUOT_BENCH_H

#include <stdint.h>
#include <time.h>

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

/* FTS5's API on db, or die. */
static inline fts5_api *
bench_fts5_api(sqlite3 *db)
{
	fts5_api *api = NULL;
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL) != SQLITE_OK)
		die("%s", sqlite3_errmsg(db));
	sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
	sqlite3_step(st);
	sqlite3_finalize(st);
	if (api == NULL)
		die("%s", "no fts5_api");
	return api;
}

/* The generators' random numbers (xorshift64): the same sequence from the
 * same seed on every machine, which is all a corpus needs. *state is the
 * seed at first, never 0. */
static inline uint64_t
bench_rand(uint64_t *state)
{
	*state ^= *state << 13;
	*state ^= *state >> 7;
	*state ^= *state << 17;
	return *state;
}

/* A number in [0, 1) from bench_rand(). */
static inline double
bench_uniform(uint64_t *state)
{
	return (double)(bench_rand(state) >> 11) / 9007199254740992.0;
}

/* The time on clock, in seconds. */
static inline double
bench_seconds(clockid_t clock)
{
	struct timespec ts;

	clock_gettime(clock, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

#endif
