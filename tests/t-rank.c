/*
 * t-rank.c: luot_rank() against FTS5's own bm25(). Where every phrase is
 * in fewer documents than the sample, the two agree to the last bit; for a
 * common word the weight comes from a sample and stays close.
 */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <sqlite3.h>

#include "../src/fts.h"
#include "tap.h"

/* Documents in the corpus: more than rank.c's sample of a common word. */
#define DOCS 6000

static uint64_t rng = 2463534242u;

static unsigned
rnd(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

static void
exec(sqlite3 *db, const char *sql)
{
	char *err = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) {
		printf("Bail out! %s: %s\n", sql, err);
		exit(1);
	}
}

/*
 * Each document: filler words, "thường" (common) in about a third of them,
 * "hiếm" (rare) in about one in a hundred, and in the title now and then.
 */
static void
fill(sqlite3 *db)
{
	sqlite3_stmt *st;

	exec(db, "CREATE VIRTUAL TABLE t USING fts5(title, body, tokenize = 'luot')");
	exec(db, "BEGIN");
	sqlite3_prepare_v2(db, "INSERT INTO t (title, body) VALUES (?1, ?2)", -1, &st, NULL);
	for (int i = 0; i < DOCS; i++) {
		char title[64], body[256];
		int n = 0;

		snprintf(title, sizeof title, "tin %d%s", i % 50, rnd(40) == 0 ? " hiếm" : "");
		for (int w = 4 + (int)rnd(20); w > 0; w--)
			n += snprintf(body + n, sizeof body - (size_t)n, "lời%u ", rnd(30));
		if (rnd(3) == 0)
			n += snprintf(body + n, sizeof body - (size_t)n, "thường ");
		if (rnd(100) == 0)
			snprintf(body + n, sizeof body - (size_t)n, "hiếm thường");
		sqlite3_bind_text(st, 1, title, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, body, -1, SQLITE_TRANSIENT);
		sqlite3_step(st);
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	exec(db, "COMMIT");
}

/* The first column of sql's first row, ?1 bound to arg; -1 on error. */
static double
scalar(sqlite3 *db, const char *sql, double arg)
{
	sqlite3_stmt *st;
	double v = -1;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
		printf("# %s\n", sqlite3_errmsg(db));
		return -1;
	}
	if (sqlite3_bind_parameter_count(st) > 0)
		sqlite3_bind_double(st, 1, arg);
	if (sqlite3_step(st) != SQLITE_ROW)
		printf("# %s\n", sqlite3_errmsg(db));
	else if (sqlite3_column_type(st, 0) != SQLITE_NULL)
		v = sqlite3_column_double(st, 0);
	sqlite3_finalize(st);
	return v;
}

/*
 * Over the rows matching expr: the largest difference between luot_rank and
 * bm25 relative to bm25, and whether both order the rows the same way.
 */
static double
compare(sqlite3 *db, const char *expr, int *same_order)
{
	sqlite3_stmt *st;
	double worst = 0, prev_b = -INFINITY, prev_l = -INFINITY;

	*same_order = 1;
	sqlite3_prepare_v2(db, "SELECT bm25(t, 3.0, 1.0), luot_rank(t, 0, 3.0, 1.0) FROM t"
	    " WHERE t MATCH ?1 ORDER BY bm25(t, 3.0, 1.0), rowid", -1, &st, NULL);
	sqlite3_bind_text(st, 1, expr, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		double b = sqlite3_column_double(st, 0), l = sqlite3_column_double(st, 1);
		double d = fabs(l - b) / fabs(b);

		if (d > worst)
			worst = d;
		/* Ties in bm25 may split either way; a real inversion may not. */
		if (b > prev_b && l < prev_l - 1e-12)
			*same_order = 0;
		prev_b = b;
		prev_l = l;
	}
	sqlite3_finalize(st);
	return worst;
}

/*
 * luot_band_rank: rows with the words adjacent, in the title, then
 * elsewhere, then nearer before farther, whatever bm25 says (the title
 * weighs ten times the body). The title of row 4 holds both words three
 * words apart; row 6 holds them in different columns. "cong an" matches
 * "công ăn" too: no row may say that.
 */
static void
test_bands(void)
{
	static const char *const rows[][2] = {
		{ "Tin ngắn trong ngày", "Lực lượng công an có mặt tại hiện trường." },	/* 1 */
		{ "Công an tỉnh khen thưởng", "Buổi lễ diễn ra vào sáng nay." },		/* 2 */
		{ "Tin ngắn trong ngày", "Công tác an ninh được giữ vững." },		/* 3 */
		{ "Thánh nữ công sở nấu thức ăn", "công việc nhiều, làm mãi rồi mới về ăn" },	/* 4 */
		{ "Tin ngắn trong ngày", "Công nhân làm việc, về nhà an toàn." },		/* 5 */
		{ "Công bố kết quả", "Mọi người đều an toàn." },				/* 6 */
	};
	static const int want[] = { 2, 1, 3, 4, 5, 6 };
	sqlite3 *db;
	sqlite3_stmt *st;
	int got[6], n = 0, same = 1;

	if (sqlite3_open(":memory:", &db) != SQLITE_OK || fts_register(db) != SQLITE_OK) {
		printf("Bail out! cannot open a database with the luot tokenizer\n");
		exit(1);
	}
	exec(db, "CREATE VIRTUAL TABLE b USING fts5(title, body, tokenize = 'luot')");
	sqlite3_prepare_v2(db, "INSERT INTO b (rowid, title, body) VALUES (?1, ?2, ?3)", -1, &st,
	    NULL);
	for (int i = 0; i < 6; i++) {
		sqlite3_bind_int(st, 1, i + 1);
		sqlite3_bind_text(st, 2, rows[i][0], -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, rows[i][1], -1, SQLITE_STATIC);
		sqlite3_step(st);
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	sqlite3_prepare_v2(db, "SELECT rowid FROM b WHERE b MATCH '\"cong an\" OR (cong AND an)'"
	    " AND rank MATCH 'luot_band_rank(0, 10.0, 1.0)' ORDER BY rank", -1, &st, NULL);
	while (sqlite3_step(st) == SQLITE_ROW && n < 6)
		got[n++] = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	for (int i = 0; i < n; i++)
		same &= got[i] == want[i];
	ok(n == 6 && same, "bands: adjacent in the title, adjacent, then nearer first, apart last");
	if (!(n == 6 && same))
		for (int i = 0; i < n; i++)
			printf("#   %d: row %d\n", i + 1, got[i]);
	sqlite3_prepare_v2(db, "SELECT count(*) FROM (SELECT luot_rank(b, 0, 10.0, 1.0) r,"
	    " luot_band_rank(b, 0, 10.0, 1.0) s FROM b WHERE b MATCH 'cong' AND r = s)", -1, &st,
	    NULL);
	sqlite3_step(st);
	is_int(sqlite3_column_int(st, 0), 6, "one word: no bands, the same score as luot_rank");
	sqlite3_finalize(st);
	sqlite3_close(db);
}

int
main(void)
{
	sqlite3 *db;
	int same;
	double d;

	if (sqlite3_open(":memory:", &db) != SQLITE_OK || fts_register(db) != SQLITE_OK) {
		printf("Bail out! cannot open a database with the luot tokenizer\n");
		return 1;
	}
	fill(db);

	d = compare(db, "hiếm", &same);
	ok(d < 1e-12, "a word in fewer documents than the sample: the same score as bm25");
	d = compare(db, "\"hiếm thường\" OR tin", &same);
	ok(d < 1e-12, "phrases and rare words: the same as bm25");

	d = compare(db, "thường", &same);
	ok(d > 0 && d < 0.05, "a common word: its weight estimated from a sample, within 5 %");
	if (d >= 0.05)
		printf("#   worst relative difference %.4f\n", d);
	ok(same, "...and the rows in bm25's order");

	d = compare(db, "thường OR hiếm", &same);
	ok(d < 0.05 && same, "common and rare words together: close, same order");

	d = compare(db, "thuong", &same);
	ok(d < 0.05 && same, "a word without its marks weighed the same way");

	{
		/* A phrase alone is not counted (every row holds it; counting a
		 * rare one reads every row holding its words): its weight is
		 * 1, bm25's score over its own weight, in bm25's order. */
		double np = scalar(db, "SELECT count(*) FROM t WHERE t MATCH '\"hiếm thường\"'", 0);
		double w = log((DOCS - np + 0.5) / (np + 0.5));
		double r = scalar(db, "WITH a AS MATERIALIZED (SELECT luot_rank(t, 0, 1.0, 1.0) l,"
		    "  bm25(t, 1.0, 1.0) b FROM t WHERE t MATCH '\"hiếm thường\"')"
		    " SELECT max(abs(l * ?1 - b)) FROM a", w);

		compare(db, "\"hiếm thường\"", &same);
		ok(np > 0 && r >= 0 && r < 1e-9 && same, "a phrase alone: weight 1, bm25's order");
		if (!(r >= 0 && r < 1e-9))
			printf("#   off by %g\n", r);
	}

	{
		/*
		 * The phrase luot adds for adjacent words is weighed as its
		 * rarest word, not counted. Its share of a row's score is the
		 * difference between the query with and without it; bm25's
		 * share has the phrase's own weight. Their ratio is the ratio
		 * of the weights.
		 */
		double n = scalar(db, "SELECT count(*) FROM t WHERE t MATCH '\"hiếm\"'", 0);
		double np = scalar(db, "SELECT count(*) FROM t WHERE t MATCH '\"hiếm thường\"'", 0);
		double want = log((DOCS - n + 0.5) / (n + 0.5)) / log((DOCS - np + 0.5) / (np + 0.5));
		double r = scalar(db, "WITH a AS MATERIALIZED (SELECT rowid r,"
		    "  luot_rank(t, 0, 1.0, 1.0) l, bm25(t, 1.0, 1.0) b FROM t"
		    "  WHERE t MATCH '\"hiếm thường\" OR (\"hiếm\" AND \"thường\")'),"
		    " w AS MATERIALIZED (SELECT rowid r, luot_rank(t, 0, 1.0, 1.0) l,"
		    "  bm25(t, 1.0, 1.0) b FROM t WHERE t MATCH '\"hiếm\" AND \"thường\"')"
		    " SELECT max(abs((a.l - w.l) / (a.b - w.b) - ?1)) FROM a JOIN w ON a.r = w.r"
		    " WHERE a.b != w.b", want);

		ok(np > 0 && want < 1 && r >= 0 && r < 1e-9,
		    "an added phrase of query words: weighed as its rarest word");
		if (!(r >= 0 && r < 1e-9))
			printf("#   ratio off by %g (want %g)\n", r, want);
	}
	{
		/* An error inside the function (a bad column weight is not one;
		 * no argument at all is allowed) must not stop the query. */
		sqlite3_stmt *st;
		int rows = 0;

		sqlite3_prepare_v2(db, "SELECT luot_rank(t) FROM t WHERE t MATCH 'hiếm'", -1, &st,
		    NULL);
		while (sqlite3_step(st) == SQLITE_ROW)
			rows += sqlite3_column_double(st, 0) < 0;
		sqlite3_finalize(st);
		ok(rows > 0, "without arguments: every weight 1, a score for each row");
	}
	{
		/* As the rank of the table: ORDER BY rank uses it. */
		sqlite3_stmt *st;
		int rc;

		rc = sqlite3_prepare_v2(db, "SELECT rowid FROM t WHERE t MATCH 'thường'"
		    " AND rank MATCH 'luot_rank(6000, 3.0, 1.0)' ORDER BY rank LIMIT 5", -1, &st, NULL);
		if (rc == SQLITE_OK)
			while ((rc = sqlite3_step(st)) == SQLITE_ROW)
				;
		sqlite3_finalize(st);
		is_int(rc, SQLITE_DONE, "usable as the table's rank with the span given");
	}
	sqlite3_close(db);
	test_bands();
	return done();
}
