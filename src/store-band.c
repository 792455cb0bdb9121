/*
 * store-band.c: the band keys of a big import (story_band, store-story.c),
 * held in memory for the import's length.
 *
 * An article added looks up its ten band keys in story_band (each with
 * the weeks beside its own) and inserts them. Past what the page cache
 * holds, each lookup and each insert was a page read, and each insert
 * a page written again at the commit: at a million articles the import
 * took 74 % longer with stories than without (tests/bench/README.md). A
 * big import (store_band_begin: import.c says when) keeps the keys of
 * the articles it adds in memory instead, found there by a hash, and
 * writes them to story_band in key order when BAND_FLUSH keys wait and
 * at its end: a page of the index written once a flush, not once a key.
 * The keys already in story_band are read into a Bloom filter at the
 * start, so that looking up a key no article has reads no page.
 *
 * Committed articles whose keys wait in memory are named by the setting
 * story-band-from (the least of their ids), written in the transaction
 * that commits the first of them and deleted by the one that writes
 * them. An import that dies before that leaves it, and the next one
 * writes those keys from story_sig first (store_band_recover).
 *
 * Another program adding articles meanwhile (a fetch) does not see the
 * keys held: its copy of an article the import holds is found when the
 * import has written them, by the next copy to come, or by regroup.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "store.h"
#include "store-int.h"
#include "story.h"
#include "util.h"

/* Bits of the filter a key, and the probes of a key: about one false
 * positive in 85 (0.012). */
#define BLOOM_BITS_A_KEY 10
#define BLOOM_PROBES 4
/* At most 32 MB of filter: a store of tens of millions of articles gets
 * more false positives (page reads), not more memory. */
#define BLOOM_MAX_BITS ((uint64_t)1 << 28)

struct band_mem {
	uint64_t *bloom;	/* the keys in story_band, and those written */
	uint64_t mask;		/* its bits - 1 */
	struct band_row *pend;	/* keys waiting to be written */
	size_t npend, cap, flush_at;
	uint32_t *slot;		/* open addressing over pend: index + 1 */
	size_t nslot;		/* a power of two, twice flush_at */
};

static uint64_t
key_hash(int64_t key)
{
	return story_mix((uint64_t)key ^ 0x9e3779b97f4a7c15ULL);
}

static void
bloom_add(struct band_mem *m, int64_t key)
{
	uint64_t h = key_hash(key), step = (h >> 32) | 1;

	for (int k = 0; k < BLOOM_PROBES; k++, h += step)
		m->bloom[(h & m->mask) >> 6] |= (uint64_t)1 << (h & 63);
}

static int
bloom_has(const struct band_mem *m, int64_t key)
{
	uint64_t h = key_hash(key), step = (h >> 32) | 1;

	for (int k = 0; k < BLOOM_PROBES; k++, h += step) {
		if (!(m->bloom[(h & m->mask) >> 6] & ((uint64_t)1 << (h & 63))))
			return 0;
	}
	return 1;
}

/* Bits for n keys, a power of two (at least a page of them). */
static uint64_t
bloom_bits(uint64_t n)
{
	uint64_t bits = 1 << 16;

	while (bits < n * BLOOM_BITS_A_KEY && bits < BLOOM_MAX_BITS)
		bits <<= 1;
	return bits;
}

/* Every key in story_band into the filter. */
static int
bloom_fill(struct store *s, struct band_mem *m)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(s->db, "SELECT key FROM story_band", -1, &st, NULL) != SQLITE_OK)
		return store_db_fail(s);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		bloom_add(m, sqlite3_column_int64(st, 0));
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_db_fail(s);
}

/*
 * An import writes and looks up the keys of the weeks it brings, a part
 * of the index the cache may hold, not keys all over it: at 1M
 * articles, keys by hash alone made the import 84 % slower than without
 * stories.
 */
int64_t
store_band_key(int64_t day, int64_t hash)
{
	int64_t bucket = day == STORY_UNDATED ? 0 : 1 + (day + STORY_DAY_ORIGIN) / STORY_BUCKET_DAYS;

	return (bucket << 32) | hash;
}

static int
by_key(const void *va, const void *vb)
{
	const struct band_row *a = va, *b = vb;

	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	return (a->id > b->id) - (a->id < b->id);
}

int
store_band_write(struct store *s, struct band_row *v, size_t n)
{
	int rc = 0;

	/* In key order: the B-tree's pages are written once each, in
	 * order, not once a key (the keys are random). */
	qsort(v, n, sizeof *v, by_key);
	for (size_t i = 0; i < n && rc == 0; i++) {
		if (i > 0 && v[i].key == v[i - 1].key && v[i].id == v[i - 1].id)
			continue;
		rc = store_change(s, "INSERT OR IGNORE INTO story_band (key, article) VALUES (?1, ?2)",
		    v[i].key, v[i].id) < 0 ? -1 : 0;
	}
	return rc;
}

int
store_band_recover(struct store *s)
{
	sqlite3_stmt *st;
	struct band_row *v = NULL;
	size_t n = 0, cap = 0;
	int64_t from;
	int rc;

	from = -1;
	if (store_int_query(s, "SELECT value FROM setting WHERE name = 'story-band-from'",
	    &from) < 0)
		return -1;
	if (from < 0)
		return 0;
	if (store_begin(s) < 0)
		return -1;
	if (sqlite3_prepare_v2(s->db, "SELECT article, day, sig FROM story_sig WHERE article >= ?1",
	    -1, &st, NULL) != SQLITE_OK) {
		store_db_fail(s);
		goto fail;
	}
	sqlite3_bind_int64(st, 1, from);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct story_sig sig;
		int64_t keys[STORY_BANDS], day = sqlite3_column_type(st, 1) == SQLITE_NULL ?
		    STORY_UNDATED : sqlite3_column_int64(st, 1);

		if (story_sig_unpack(sqlite3_column_blob(st, 2), (size_t)sqlite3_column_bytes(st, 2),
		    &sig) < 0)
			continue;
		story_band_keys(&sig, keys);
		if (n + STORY_BANDS > cap) {
			cap = cap ? 2 * cap : 4096;
			v = xrealloc(v, cap * sizeof *v);
		}
		for (int k = 0; k < STORY_BANDS; k++)
			v[n++] = (struct band_row){ store_band_key(day, keys[k]),
			    sqlite3_column_int64(st, 0) };
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		store_db_fail(s);
		goto fail;
	}
	if (store_band_write(s, v, n) < 0 ||
	    store_exec(s, "DELETE FROM setting WHERE name = 'story-band-from'") < 0 ||
	    store_commit(s) < 0)
		goto fail;
	free(v);
	return 1;
fail:
	free(v);
	store_rollback_keep(s);
	return -1;
}

int
store_band_begin(struct store *s, size_t keys, size_t flush_at)
{
	struct band_mem *m;
	int64_t rows;

	if (s->band != NULL)
		return 0;
	/* The keys in story_band now: a cheap bound, ten for the greatest
	 * id in story_sig. */
	rows = 0;
	if (store_int_query(s, "SELECT max(article) FROM story_sig", &rows) < 0)
		return -1;
	rows *= STORY_BANDS;
	m = xcalloc(1, sizeof *m);
	m->mask = bloom_bits((uint64_t)rows + keys) - 1;
	m->bloom = xcalloc((m->mask + 1) / 64, sizeof *m->bloom);
	m->flush_at = flush_at > 0 ? flush_at : 1;
	m->cap = m->flush_at + STORY_BANDS * 1024;
	m->nslot = 2;
	while (m->nslot < 2 * m->cap)
		m->nslot <<= 1;
	m->slot = xcalloc(m->nslot, sizeof *m->slot);
	m->pend = xcalloc(m->cap, sizeof *m->pend);
	if (bloom_fill(s, m) < 0) {
		s->band = m;
		store_band_free(s);
		return -1;
	}
	s->band = m;
	return 1;
}

void
store_band_free(struct store *s)
{
	if (s->band == NULL)
		return;
	free(s->band->bloom);
	free(s->band->pend);
	free(s->band->slot);
	free(s->band);
	s->band = NULL;
}

int
store_band_bulk(const struct store *s)
{
	return s->band != NULL;
}

/* Put row i of pend in the hash: the first free slot from its key's
 * (linear probing, nothing ever taken out but all at once: every row of a
 * key stands between its key's slot and the next free one). */
static void
slot_put(struct band_mem *m, size_t i)
{
	size_t at = key_hash(m->pend[i].key) & (m->nslot - 1);

	while (m->slot[at] != 0)
		at = (at + 1) & (m->nslot - 1);
	m->slot[at] = (uint32_t)(i + 1);
}

/* Room for n more keys in pend (a batch may take it past flush_at). */
static void
pend_room(struct band_mem *m, size_t n)
{
	if (m->npend + n <= m->cap)
		return;
	while (m->npend + n > m->cap)
		m->cap *= 2;
	m->pend = xrealloc(m->pend, m->cap * sizeof *m->pend);
	/* A table twice as big, the rows in it again. */
	free(m->slot);
	while (m->nslot < 2 * m->cap)
		m->nslot <<= 1;
	m->slot = xcalloc(m->nslot, sizeof *m->slot);
	for (size_t i = 0; i < m->npend; i++)
		slot_put(m, i);
}

int
store_band_hold(struct store *s, const struct band_row *v, size_t n)
{
	struct band_mem *m = s->band;
	int64_t least = INT64_MAX;

	pend_room(m, n);
	for (size_t i = 0; i < n; i++) {
		m->pend[m->npend] = v[i];
		slot_put(m, m->npend++);
		if (v[i].id < least)
			least = v[i].id;
	}
	/* At each commit, not once: another import may have written the
	 * keys named so far (store_band_recover) and taken the name away. */
	if (n > 0 && store_change(s, "INSERT INTO setting (name, value)"
	    " VALUES ('story-band-from', ?1) ON CONFLICT (name) DO UPDATE"
	    " SET value = min(value, ?1)", least, 0) < 0)
		return -1;
	return 0;
}

size_t
store_band_find(struct store *s, int64_t key, int64_t not, int64_t *out, size_t max)
{
	struct band_mem *m = s->band;
	size_t n = 0, i = key_hash(key) & (m->nslot - 1);

	/* Every row of the key, among others', up to the next free slot. */
	for (; m->slot[i] != 0 && n < max; i = (i + 1) & (m->nslot - 1)) {
		const struct band_row *r = &m->pend[m->slot[i] - 1];

		if (r->key == key && r->id != not)
			out[n++] = r->id;
	}
	return n;
}

int
store_band_maybe(const struct store *s, int64_t key)
{
	return bloom_has(s->band, key);
}

int
store_band_flush(struct store *s, int all)
{
	struct band_mem *m = s->band;

	if (m == NULL || m->npend == 0 || (!all && m->npend < m->flush_at))
		return 0;
	if (store_band_write(s, m->pend, m->npend) < 0 ||
	    store_exec(s, "DELETE FROM setting WHERE name = 'story-band-from'") < 0)
		return -1;
	for (size_t i = 0; i < m->npend; i++)
		bloom_add(m, m->pend[i].key);
	m->npend = 0;
	memset(m->slot, 0, m->nslot * sizeof *m->slot);
	return 0;
}

int
store_band_end(struct store *s)
{
	int rc = 0;

	if (s->band != NULL && s->band->npend > 0) {
		if (store_begin(s) < 0 || store_band_flush(s, 1) < 0 || store_commit(s) < 0) {
			store_rollback_keep(s);
			rc = -1;
		}
	}
	store_band_free(s);
	return rc;
}
