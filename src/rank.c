/*
 * rank.c: luot_rank(), the FTS5 ranking function searches use.
 *
 * Like fts.c, this file is also compiled into the loadable extension.
 *
 * It scores a row as FTS5's bm25() does (k1 = 1.2, b = 0.75, column
 * weights as arguments) and differs in one place only: how it learns how
 * many documents hold each phrase of the query, which bm25 needs to weigh
 * the phrase. bm25() counts them before it scores the first row, walking
 * every document of every phrase: for a common syllable that is nearly
 * every article, read on every query, however few rows are scored
 * (ranking a window of recent hits does not help).
 *
 * luot_rank counts a phrase only once a scored row holds it (an excluded
 * word is never counted), and stops after RANK_SAMPLE documents, oldest
 * first: the count is then scaled by the share of all rows that are as
 * old or older than the last one counted. The rowids are date keys
 * (store-int.h's SQL_FTS_KEY), and the table key_count says how many rows
 * each block of keys holds, which gives that share (struct spread). For a
 * common word that is an estimate within a few per cent, and the weight,
 * a logarithm, moves by less; a rare word is counted exactly. The
 * estimate assumes a word is spread evenly over time, which holds for
 * weighing (a word rare in old articles and common in new ones is
 * weighed as common or rare, never as absent). A phrase of several words
 * that are each in the query too is weighed as its rarest word
 * (word_bound_idf), not counted. In the bookmarks' index (marked_fts,
 * as many rows as bookmarks) every phrase is counted whole: key_count
 * tells how all the articles spread, not the bookmarks.
 *
 *   luot_rank(span, w0, w1, ...)
 *   luot_band_rank(span, w0, w1, ...)
 *
 * luot_band_rank adds bands over bm25 for a query with a phrase of several
 * words (band_of): the phrase in the title, the phrase elsewhere, its
 * words near one another, the rest.
 *
 * span is the largest article id (0: assume ids 1..rows), which places an
 * undated row (its key is its id) among the undated; w0... are the
 * column weights, 1.0 where absent. Without key_count (an older schema)
 * the rowids are taken for ids spread evenly.
 */
#include "config.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#ifndef LUOT_EXTENSION
#include <sqlite3.h>
#endif

#include "rank.h"

/* Documents counted for a phrase before the count is scaled. */
#define RANK_SAMPLE 512

/* As in store-int.h (schema 12): the id below the date in a key, and
 * the keys a block of key_count holds. */
#define KEY_ID_BITS 36
#define KEY_BLOCK_BITS 50

/* The rows of each block of keys (key_count), ascending, with the rows of
 * the blocks before each: where a key stands among all rows. */
struct spread {
	int n;
	sqlite3_int64 *block;
	double *below, *count;
};

#define BM25_K1 1.2
#define BM25_B 0.75

/* What is known of a query, kept as FTS5 auxiliary data across its rows. */
struct rank_query {
	int nphrase;
	struct spread spread;	/* n 0: none known */
	double rows;		/* rows in the table */
	double avgdl;		/* mean row size in tokens */
	int part;		/* an index of part of the rows key_count counts */
	double *idf;		/* per phrase; NAN until a row holds it */
	double *freq;		/* per phrase, the row being scored */
};

struct sample {
	sqlite3_int64 n, max;	/* documents counted, and up to */
	sqlite3_int64 last;	/* rowid of the last document counted */
};

static int
count_doc(const Fts5ExtensionApi *api, Fts5Context *fts, void *v)
{
	struct sample *s = v;

	s->last = api->xRowid(fts);
	return ++s->n >= s->max ? SQLITE_DONE : SQLITE_OK;
}

/* bm25's weight of a phrase held by n of the rows documents. */
static double
idf_of(double n, double rows)
{
	double idf = log((rows - n + 0.5) / (n + 0.5));

	/* As bm25(): a word in more than half the rows still counts a little. */
	return idf > 0 ? idf : 1e-6;
}

/* Read key_count into sp; without it (another schema), sp->n stays 0. */
static int
spread_read(sqlite3 *db, struct spread *sp)
{
	sqlite3_stmt *st;
	double below = 0;
	int rc, cap = 0;

	memset(sp, 0, sizeof *sp);
	if (sqlite3_prepare_v2(db, "SELECT block, n FROM key_count WHERE n > 0 ORDER BY block",
	    -1, &st, NULL) != SQLITE_OK)
		return SQLITE_OK;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (sp->n == cap) {
			void *b, *w, *c;

			cap = cap ? 2 * cap : 256;
			b = realloc(sp->block, (size_t)cap * sizeof *sp->block);
			if (b != NULL)
				sp->block = b;
			w = realloc(sp->below, (size_t)cap * sizeof *sp->below);
			if (w != NULL)
				sp->below = w;
			c = realloc(sp->count, (size_t)cap * sizeof *sp->count);
			if (c != NULL)
				sp->count = c;
			if (b == NULL || w == NULL || c == NULL) {
				rc = SQLITE_NOMEM;
				break;
			}
		}
		sp->block[sp->n] = sqlite3_column_int64(st, 0);
		sp->count[sp->n] = (double)sqlite3_column_int64(st, 1);
		sp->below[sp->n] = below;
		below += sp->count[sp->n++];
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* The rows the spread counts in all. */
static double
spread_total(const struct spread *sp)
{
	return sp->n > 0 ? sp->below[sp->n - 1] + sp->count[sp->n - 1] : 0;
}

static void
spread_free(struct spread *sp)
{
	free(sp->block);
	free(sp->below);
	free(sp->count);
}

/* The rows with a key up to key, estimated: the blocks before key's in
 * full, and the share of its own that lies below it (undated rows, in
 * block 0, by their id against the largest, span). */
static double
spread_rows_to(const struct spread *sp, sqlite3_int64 key, double span)
{
	sqlite3_int64 b = key >> KEY_BLOCK_BITS;
	int lo = 0, hi = sp->n;
	double share;

	while (lo < hi) {	/* the first block >= b */
		int mid = lo + (hi - lo) / 2;

		if (sp->block[mid] < b)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == sp->n)
		return lo > 0 ? sp->below[lo - 1] + sp->count[lo - 1] : 0;
	if (sp->block[lo] != b)
		return sp->below[lo];
	if (b == 0)
		share = span > 0 ? (double)(key & ((1LL << KEY_ID_BITS) - 1)) / span : 1;
	else
		share = (double)(key & ((1LL << KEY_BLOCK_BITS) - 1)) /
		    (double)(1LL << KEY_BLOCK_BITS);
	return sp->below[lo] + sp->count[lo] * (share < 1 ? share : 1);
}

/* Count the documents of phrase i, up to RANK_SAMPLE, and weigh it. */
static int
sampled_idf(const Fts5ExtensionApi *api, Fts5Context *fts, struct rank_query *rq, int i,
    double span)
{
	/* An index of part of the articles (the bookmarks') is small, and
	 * the spread is not its own: counted whole. */
	struct sample s = { 0, rq->part ? LLONG_MAX : RANK_SAMPLE, 0 };
	double n;
	int rc = api->xQueryPhrase(fts, i, &s, count_doc);

	if (rc != SQLITE_OK)
		return rc;
	n = (double)s.n;
	if (s.n >= RANK_SAMPLE && s.last > 0) {
		double to = rq->spread.n > 0 ? spread_rows_to(&rq->spread, s.last, span) :
		    (double)s.last * rq->rows / span;

		/* The sample is the oldest n of those rows. */
		n = to > n ? n * rq->rows / to : rq->rows;
		if (n > rq->rows)
			n = rq->rows;
	}
	rq->idf[i] = idf_of(n, rq->rows);
	return SQLITE_OK;
}

/*
 * The weight of a phrase of several words whose every word is also a
 * phrase of the query on its own, as in the alternative luot adds for
 * adjacent words ("a b" OR (a AND b)): the weight of its rarest word. A
 * phrase is at least that rare, and sampling a rare phrase would read
 * every document holding all its words. The words are found where this
 * row holds the phrase: one-word phrases at the same column and offsets.
 * Returns 1 when every word was found, 0 when not (then it is sampled).
 */
static int
word_bound_idf(const Fts5ExtensionApi *api, Fts5Context *fts, struct rank_query *rq, int i,
    int ninst, double span, int *rc)
{
	int size = api->xPhraseSize(fts, i), col = -1, off = -1, ip, ic, io;
	double best = 0;

	for (int k = 0; k < ninst && col < 0; k++) {
		if (api->xInst(fts, k, &ip, &ic, &io) == SQLITE_OK && ip == i) {
			col = ic;
			off = io;
		}
	}
	for (int w = 0; w < size && col >= 0; w++) {
		double word = -1;

		for (int k = 0; k < ninst && *rc == SQLITE_OK; k++) {
			if (api->xInst(fts, k, &ip, &ic, &io) != SQLITE_OK || ic != col ||
			    io != off + w || ip == i || api->xPhraseSize(fts, ip) != 1)
				continue;
			if (isnan(rq->idf[ip]))
				*rc = sampled_idf(api, fts, rq, ip, span);
			if (*rc == SQLITE_OK && rq->idf[ip] > word)
				word = rq->idf[ip];
		}
		if (word < 0)
			return 0;
		if (word > best)
			best = word;
	}
	if (col < 0 || *rc != SQLITE_OK)
		return 0;
	rq->idf[i] = best;
	return 1;
}

static int
phrase_idf(const Fts5ExtensionApi *api, Fts5Context *fts, struct rank_query *rq, int i,
    int ninst, double span)
{
	int rc = SQLITE_OK;

	/* A phrase of words alone: every row holds it, so its weight orders
	 * nothing, and counting a rare phrase of common words reads every
	 * row holding them. */
	if (rq->nphrase == 1 && api->xPhraseSize(fts, i) > 1) {
		rq->idf[i] = 1;
		return SQLITE_OK;
	}
	if (api->xPhraseSize(fts, i) > 1 && word_bound_idf(api, fts, rq, i, ninst, span, &rc))
		return SQLITE_OK;
	return rc != SQLITE_OK ? rc : sampled_idf(api, fts, rq, i, span);
}

static void
rank_query_free(void *p)
{
	struct rank_query *rq = p;

	if (rq != NULL) {
		spread_free(&rq->spread);
		free(rq->idf);
		free(rq->freq);
		free(rq);
	}
}

/* The query's auxiliary data, made on its first row; NULL on error. */
static struct rank_query *
rank_query_of(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx, int *rc)
{
	struct rank_query *rq = api->xGetAuxdata(fts, 0);
	sqlite3_int64 rows = 0, tokens = 0;

	if (rq != NULL)
		return rq;
	if ((rq = calloc(1, sizeof *rq)) == NULL) {
		*rc = SQLITE_NOMEM;
		return NULL;
	}
	rq->nphrase = api->xPhraseCount(fts);
	rq->idf = calloc((size_t)rq->nphrase + 1, sizeof *rq->idf);
	rq->freq = calloc((size_t)rq->nphrase + 1, sizeof *rq->freq);
	if (rq->idf == NULL || rq->freq == NULL) {
		rank_query_free(rq);
		*rc = SQLITE_NOMEM;
		return NULL;
	}
	for (int i = 0; i < rq->nphrase; i++)
		rq->idf[i] = NAN;
	if ((*rc = api->xRowCount(fts, &rows)) == SQLITE_OK)
		*rc = api->xColumnTotalSize(fts, -1, &tokens);
	if (*rc == SQLITE_OK)
		*rc = spread_read(sqlite3_context_db_handle(ctx), &rq->spread);
	rq->rows = (double)rows;
	rq->avgdl = rows > 0 ? (double)tokens / (double)rows : 1;
	/* The bookmarks' index (marked_fts): key_count counts every article. */
	if (*rc == SQLITE_OK && rq->spread.n > 0 && spread_total(&rq->spread) > 2 * rq->rows) {
		spread_free(&rq->spread);
		memset(&rq->spread, 0, sizeof rq->spread);
		rq->part = 1;
	}
	if (*rc == SQLITE_OK)
		*rc = api->xSetAuxdata(fts, rq, rank_query_free);
	else
		rank_query_free(rq);
	return *rc == SQLITE_OK ? rq : NULL;
}

/* Bands of rows (see band_of); a band's least score is above any bm25. */
#define BAND_TITLE_PHRASE 3000.0
#define BAND_PHRASE 2000.0
#define BAND_NEAR 1000.0
/* What nearness adds in the near band, at most (words adjacent but out of
 * order, or one word between): it outweighs bm25's usual range. */
#define NEAR_WEIGHT 500.0

/*
 * The smallest span, in tokens, of one column of the row holding every
 * one-word phrase the row holds (two at least), or 0. Instances come
 * sorted by column and offset, so one pass with a sliding start does.
 */
static int
near_span(const Fts5ExtensionApi *api, Fts5Context *fts, const struct rank_query *rq,
    int ninst, int *held, int *rc)
{
	int *count = calloc((size_t)rq->nphrase + 1, sizeof *count);
	int want = 0, have = 0, start = 0, best = 0, ip, ic, io, sp, sc, so;

	if (count == NULL) {
		*rc = SQLITE_NOMEM;
		return 0;
	}
	for (int i = 0; i < rq->nphrase; i++)
		want += held[i];
	for (int k = 0; want >= 2 && k < ninst && *rc == SQLITE_OK; k++) {
		if ((*rc = api->xInst(fts, k, &ip, &ic, &io)) != SQLITE_OK || !held[ip])
			continue;
		/* A new column starts the window again. */
		if (api->xInst(fts, start, &sp, &sc, &so) == SQLITE_OK && sc != ic) {
			memset(count, 0, (size_t)rq->nphrase * sizeof *count);
			have = 0;
			start = k;
		}
		if (count[ip]++ == 0)
			have++;
		/* Drop instances off the start while the window keeps every
		 * phrase. */
		while (have == want && start < k) {
			if (api->xInst(fts, start, &sp, &sc, &so) != SQLITE_OK)
				break;
			if (held[sp] && count[sp] == 1) {
				break;
			}
			if (held[sp])
				count[sp]--;
			start++;
		}
		if (have == want && api->xInst(fts, start, &sp, &sc, &so) == SQLITE_OK &&
		    (best == 0 || io - so + 1 < best))
			best = io - so + 1;
	}
	free(count);
	return best;
}

/*
 * The band of a row, for a query with a phrase of several words (luot adds
 * one for plain words: "a b" OR (a AND b)): the phrase in the title, the
 * phrase elsewhere, its words near one another in one column (nearer is
 * better), the rest. Every row of a band ranks above every row of the
 * bands below; bm25 orders rows within a band. 0 for other queries.
 */
static double
band_of(const Fts5ExtensionApi *api, Fts5Context *fts, const struct rank_query *rq,
    int ninst, int *rc)
{
	int multi = 0, title = 0, body = 0, words = 0, span, ip, ic, io;
	int *held;

	for (int i = 0; i < rq->nphrase; i++)
		multi += api->xPhraseSize(fts, i) > 1;
	if (multi == 0)
		return 0;
	if ((held = calloc((size_t)rq->nphrase + 1, sizeof *held)) == NULL) {
		*rc = SQLITE_NOMEM;
		return 0;
	}
	for (int k = 0; k < ninst && *rc == SQLITE_OK; k++) {
		if ((*rc = api->xInst(fts, k, &ip, &ic, &io)) != SQLITE_OK)
			break;
		if (api->xPhraseSize(fts, ip) > 1) {
			title |= ic == 0;
			body |= ic != 0;
		} else if (!held[ip]) {
			held[ip] = 1;
			words++;
		}
	}
	span = title || body || words < 2 || *rc != SQLITE_OK ? 0 :
	    near_span(api, fts, rq, ninst, held, rc);
	free(held);
	if (title)
		return BAND_TITLE_PHRASE;
	if (body)
		return BAND_PHRASE;
	if (span > 0)
		return BAND_NEAR + NEAR_WEIGHT * words / span;
	return 0;
}

/*
 * $LUOT_TEST_SLOW_US: a pause each time a hit is ranked, for the tests of
 * a slow ranked search in the interface (ui-prefix.sh), since none of a
 * corpus a test can build in seconds is slow any longer; newest first,
 * which ranks nothing, stays quick, as with real searches.
 */
static long slow_us;

static void
rank_fn(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx, int nval,
    sqlite3_value **val)
{
	int rc = SQLITE_OK, ninst = 0, size = 0;
	struct rank_query *rq = rank_query_of(api, fts, ctx, &rc);
	double span = nval > 0 ? sqlite3_value_double(val[0]) : 0, score = 0, d;

	if (slow_us > 0) {
		struct timespec ts = { slow_us / 1000000, slow_us % 1000000 * 1000 };

		nanosleep(&ts, NULL);
	}
	if (rq != NULL) {
		memset(rq->freq, 0, (size_t)rq->nphrase * sizeof *rq->freq);
		rc = api->xInstCount(fts, &ninst);
	}
	if (span <= 0 && rq != NULL)
		span = rq->rows;
	for (int i = 0; rc == SQLITE_OK && i < ninst; i++) {
		int ip, ic, io;

		if ((rc = api->xInst(fts, i, &ip, &ic, &io)) == SQLITE_OK)
			rq->freq[ip] += ic + 1 < nval ? sqlite3_value_double(val[ic + 1]) : 1.0;
	}
	if (rc == SQLITE_OK)
		rc = api->xColumnSize(fts, -1, &size);
	d = (double)size;
	for (int i = 0; rc == SQLITE_OK && i < rq->nphrase; i++) {
		double f = rq->freq[i];

		if (f == 0)
			continue;
		if (isnan(rq->idf[i]) && (rc = phrase_idf(api, fts, rq, i, ninst, span)) != SQLITE_OK)
			break;
		score += rq->idf[i] * (f * (BM25_K1 + 1.0)) /
		    (f + BM25_K1 * (1 - BM25_B + BM25_B * d / rq->avgdl));
	}
	if (rc == SQLITE_OK && api->xUserData(fts) != NULL)
		score += band_of(api, fts, rq, ninst, &rc);
	if (rc == SQLITE_OK)
		/* Lower is better, as with bm25(), so that ORDER BY rank works. */
		sqlite3_result_double(ctx, -score);
	else
		sqlite3_result_error_code(ctx, rc);
}

int
rank_register(struct fts5_api *api)
{
	/* Any pointer but NULL says "banded". */
	static const char banded[] = "banded";
	int rc = api->xCreateFunction(api, "luot_rank", NULL, rank_fn, NULL);
	const char *slow;

	if (rc == SQLITE_OK)
		rc = api->xCreateFunction(api, "luot_band_rank", (void *)banded, rank_fn, NULL);
	if ((slow = getenv("LUOT_TEST_SLOW_US")) != NULL)
		slow_us = strtol(slow, NULL, 10);
	return rc;
}
