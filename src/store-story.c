/*
 * store-story.c: the copies of one story (story.h) in the store.
 *
 * Each article's signature is kept in story_sig and its band keys in
 * story_band (schema 20). An article added looks its keys up: the
 * articles sharing one are the candidates, and the best of those the
 * rule calls the same story gives it its story. article.story is the id
 * of the story's head, its earliest article (by date, then id; undated
 * after dated), for every member; NULL for an article alone. story_copy
 * holds the ids of the members that are not the head, so that a list or
 * a search of one row a story checks each hit against it by id, without
 * reading the article's row.
 */
#include "config.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "date.h"
#include "i18n.h"
#include "store.h"
#include "store-int.h"
#include "story.h"
#include "util.h"

/* Candidates read a band key, and in all: keys shared by many articles
 * are a template's
 * (a bulletin run daily), and the first of them do (20,000 bulletins of
 * one template took 6.7 times as long to import with no bound). A
 * story's copies are few, and any one of them brings the article into
 * the story. */
#define BAND_CANDIDATES 6
#define MAX_CANDIDATES 32

/* Run a kept statement with up to two ids bound; 0 or -1. */
static int
run_ids(struct store *s, const char *sql, int64_t a, int64_t b)
{
	return store_change(s, sql, a, b) < 0 ? -1 : 0;
}

int
store_story_rule(struct store *s, struct story_rule *r)
{
	sqlite3_stmt *st;
	int rc;

	story_rule_default(r);
	if ((st = store_stmt(s, "SELECT value FROM setting WHERE name = 'story-likeness'")) == NULL)
		return -1;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		r->likeness = sqlite3_column_double(st, 0);
	store_stmt_done(s, st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : store_db_fail(s);
}

static int
set_likeness(struct store *s, double likeness)
{
	sqlite3_stmt *st = store_stmt(s, "INSERT INTO setting (name, value)"
	    " VALUES ('story-likeness', ?1) ON CONFLICT (name) DO UPDATE SET value = ?1");
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_double(st, 1, likeness);
	rc = sqlite3_step(st);
	store_stmt_done(s, st);
	return rc == SQLITE_DONE ? 0 : store_db_fail(s);
}

/* What an article is compared by: its signature and day (story_sig
 * alone, a small table the cache holds: the article's own row, with its
 * text, is read only for the title when the rule needs it). */
struct member {
	struct story_sig sig;
	int64_t day;
};

/* Article id's signature and day; 1, 0 when it has none, -1. */
static int
member_read(struct store *s, int64_t id, struct member *m)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT sig, day FROM story_sig WHERE article = ?1");
	int rc, found = 0;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW &&
	    story_sig_unpack(sqlite3_column_blob(st, 0), (size_t)sqlite3_column_bytes(st, 0),
	    &m->sig) == 0) {
		m->day = sqlite3_column_type(st, 1) == SQLITE_NULL ? STORY_UNDATED :
		    sqlite3_column_int64(st, 1);
		found = 1;
	}
	store_stmt_done(s, st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_db_fail(s);
	return found;
}

/* Article id's title (new) and the head of its story (itself alone). */
static int
article_story(struct store *s, int64_t id, char **title, int64_t *head)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT title, coalesce(story, id) FROM article"
	    " WHERE id = ?1");
	int rc;

	*head = 0;
	if (title != NULL)
		*title = NULL;
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (title != NULL)
			*title = xstrdup(store_col(st, 0) ? store_col(st, 0) : "");
		*head = sqlite3_column_int64(st, 1);
	}
	store_stmt_done(s, st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : store_db_fail(s);
}

/* Does a come before b in a story (the head is the first)? */
static int
earlier(const char *pub_a, int64_t id_a, const char *pub_b, int64_t id_b)
{
	if ((pub_a == NULL) != (pub_b == NULL))
		return pub_a != NULL;	/* dated first */
	if (pub_a != NULL && strcmp(pub_a, pub_b) != 0)
		return strcmp(pub_a, pub_b) < 0;
	return id_a < id_b;
}

/* The date of article id (new), or NULL. */
static int
date_of(struct store *s, int64_t id, char **out)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT published FROM article WHERE id = ?1");
	int rc;

	*out = NULL;
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
		*out = xstrdup(store_col(st, 0));
	store_stmt_done(s, st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : store_db_fail(s);
}

/*
 * Article id (published pub) joins the stories headed by heads[0..n): one
 * story of them all (an article like two stories' copies is what they
 * share), headed by the earliest of them and id.
 */
static int
join(struct store *s, int64_t id, const char *pub, const int64_t *heads, size_t n)
{
	int64_t head = id;
	char *head_pub = pub != NULL ? xstrdup(pub) : NULL;
	int rc = 0;

	for (size_t i = 0; i < n && rc == 0; i++) {
		char *p;

		if ((rc = date_of(s, heads[i], &p)) < 0)
			break;
		if (earlier(p, heads[i], head_pub, head)) {
			free(head_pub);
			head_pub = p;
			head = heads[i];
		} else {
			free(p);
		}
	}
	free(head_pub);
	for (size_t i = 0; i < n && rc == 0; i++) {
		if (heads[i] == head)
			continue;
		rc = run_ids(s, "UPDATE article SET story = ?1 WHERE story = ?2 OR id = ?2",
		    head, heads[i]);
		if (rc == 0)
			rc = run_ids(s, "INSERT OR IGNORE INTO story_copy (article) VALUES (?1)",
			    heads[i], 0);
	}
	if (rc == 0)
		rc = run_ids(s, "UPDATE article SET story = ?1 WHERE id IN (?1, ?2)", head, id);
	if (rc == 0 && head != id)
		rc = run_ids(s, "INSERT OR IGNORE INTO story_copy (article) VALUES (?1)", id, 0);
	return rc;
}

/* Keep the signature of article id, and its day (STORY_UNDATED: none). */
static int
sig_write(struct store *s, int64_t id, int64_t day, const struct story_sig *sig)
{
	unsigned char blob[STORY_SIG_BYTES];
	sqlite3_stmt *st = store_stmt(s, "INSERT OR REPLACE INTO story_sig (article, day, sig)"
	    " VALUES (?1, ?2, ?3)");
	int rc;

	if (st == NULL)
		return -1;
	story_sig_pack(sig, blob);
	sqlite3_bind_int64(st, 1, id);
	if (day != STORY_UNDATED)
		sqlite3_bind_int64(st, 2, day);
	sqlite3_bind_blob(st, 3, blob, sizeof blob, SQLITE_STATIC);
	rc = sqlite3_step(st);
	store_stmt_done(s, st);
	return rc == SQLITE_DONE ? 0 : store_db_fail(s);
}

/* The statement that indexes an article's band keys: one, of every key
 * (?1 to ?STORY_BANDS) and the article (the next parameter); a statement
 * a key was a fifth of an import's time. Made once: regroup runs it for
 * every article. */
static char bands_sql[64 + STORY_BANDS * 16];
static pthread_once_t bands_sql_once = PTHREAD_ONCE_INIT;

static void
bands_sql_make(void)
{
	int at = snprintf(bands_sql, sizeof bands_sql,
	    "INSERT OR IGNORE INTO story_band (key, article) VALUES ");

	for (int k = 1; k <= STORY_BANDS; k++)
		at += snprintf(bands_sql + at, sizeof bands_sql - (size_t)at, "%s(?%d, ?%d)",
		    k > 1 ? ", " : "", k, STORY_BANDS + 1);
}


/* Index the band keys of article id's signature (its day); the hashes
 * into keys. */
static int
bands_write(struct store *s, int64_t id, int64_t day, const struct story_sig *sig,
    int64_t keys[STORY_BANDS])
{
	sqlite3_stmt *st;
	int rc;

	pthread_once(&bands_sql_once, bands_sql_make);
	st = store_stmt(s, bands_sql);
	story_band_keys(sig, keys);
	if (st == NULL)
		return -1;
	for (int k = 0; k < STORY_BANDS; k++)
		sqlite3_bind_int64(st, k + 1, store_band_key(day, keys[k]));
	sqlite3_bind_int64(st, STORY_BANDS + 1, id);
	rc = sqlite3_step(st);
	store_stmt_done(s, st);
	return rc == SQLITE_DONE ? 0 : store_db_fail(s);
}

/* Add c to the n candidates in out (up to MAX_CANDIDATES) unless there. */
static void
add_candidate(int64_t *out, size_t *n, int64_t c)
{
	size_t k = 0;

	while (k < *n && out[k] != c)
		k++;
	if (k == *n && *n < MAX_CANDIDATES)
		out[(*n)++] = c;
}

/* The keys of band hash h an article of day looks in: its week and the
 * two beside it (copies are at most the rule's 7 days apart, less than
 * a bucket) and the undated; an undated one the undated alone (a dated
 * copy that comes later finds it). Into k[4]; how many differ. */
static int
look_keys(int64_t day, int64_t h, int64_t k[4])
{
	k[0] = store_band_key(STORY_UNDATED, h);
	if (day == STORY_UNDATED)
		return 1;
	k[1] = store_band_key(day - STORY_BUCKET_DAYS, h);
	k[2] = store_band_key(day, h);
	k[3] = store_band_key(day + STORY_BUCKET_DAYS, h);
	return 4;
}

/* The articles other than id in story_band under the nk keys k (one
 * statement: a band's keys are near in the index), up to limit, into
 * the candidates. */
static int
band_rows(struct store *s, const int64_t *k, int nk, int64_t id, int limit, int64_t *out,
    size_t *n)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT article FROM story_band"
	    " WHERE key IN (?1, ?3, ?4, ?5) AND article != ?2 LIMIT ?6");
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 2, id);
	sqlite3_bind_int(st, 6, limit);
	for (int i = 0; i < 4; i++)
		sqlite3_bind_int64(st, i == 0 ? 1 : i + 2, k[i < nk ? i : 0]);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		add_candidate(out, n, sqlite3_column_int64(st, 0));
	store_stmt_done(s, st);
	return rc == SQLITE_DONE ? 0 : store_db_fail(s);
}

/* The same while a big import holds its keys in memory: those first,
 * then story_band for a key its filter says it may hold. */
static int
held_rows_near(struct store *s, const int64_t k[4], int nk, int64_t id, int64_t *out,
    size_t *n)
{
	size_t before = *n;

	for (int i = 0; i < nk && *n - before < BAND_CANDIDATES; i++) {
		int64_t found[BAND_CANDIDATES];
		size_t got = store_band_find(s, k[i], id, found, BAND_CANDIDATES - (*n - before));

		for (size_t j = 0; j < got; j++)
			add_candidate(out, n, found[j]);
		if (*n - before < BAND_CANDIDATES && store_band_maybe(s, k[i]) &&
		    band_rows(s, &k[i], 1, id, BAND_CANDIDATES - (int)(*n - before), out, n) < 0)
			return -1;
	}
	return 0;
}

/*
 * The articles other than id (of day, band hashes keys) sharing a band key
 * with it (look_keys), each once, into *out (new) of *n.
 */
static int
candidates(struct store *s, int64_t id, int64_t day, const int64_t keys[STORY_BANDS],
    int64_t **out, size_t *n)
{
	int bulk = store_band_bulk(s);

	*out = xcalloc(MAX_CANDIDATES, sizeof **out);
	*n = 0;
	for (int b = 0; b < STORY_BANDS && *n < MAX_CANDIDATES; b++) {
		int64_t k[4];
		int nk = look_keys(day, keys[b], k);

		if ((bulk ? held_rows_near(s, k, nk, id, *out, n) :
		    band_rows(s, k, nk, id, BAND_CANDIDATES, *out, n)) < 0) {
			free(*out);
			*out = NULL;
			*n = 0;
			return -1;
		}
	}
	return 0;
}

/* Is h among the n heads? */
static int
has_head(const int64_t *heads, size_t n, int64_t h)
{
	for (size_t k = 0; k < n; k++) {
		if (heads[k] == h)
			return 1;
	}
	return 0;
}

/* Is candidate c (member m) of the same story as article id (signature
 * sig, day, title)? 1, 0, -1; its story's head into *head. */
static int
accepted(struct store *s, const struct story_rule *r, const struct story_sig *sig,
    int64_t day, const char *title, int64_t c, const struct member *m, int64_t *head)
{
	double j;
	char *other;
	int v = story_same(r, sig, day, &m->sig, m->day, &j), same;

	if (v == STORY_APART)
		return 0;
	if (article_story(s, c, v == STORY_IF_TITLES ? &other : NULL, head) < 0)
		return -1;
	if (v == STORY_SAME)
		return *head != 0;
	same = *head != 0 && other != NULL && title != NULL &&
	    story_title_likeness(title, other) >= r->title;
	free(other);
	return same;
}

/* Group article id (signature sig, title, day, date pub) with every
 * candidate the rule accepts; 1 when it joined a story. */
static int
group(struct store *s, const struct story_rule *r, int64_t id, const struct story_sig *sig,
    const char *title, int64_t day, const char *pub, const int64_t keys[STORY_BANDS])
{
	int64_t *cand, *heads;
	size_t n, nheads = 0;
	int rc = 0;

	if (sig->shingles < STORY_MIN_SHINGLES)
		return 0;
	if (candidates(s, id, day, keys, &cand, &n) < 0)
		return -1;
	heads = xcalloc(n ? n : 1, sizeof *heads);
	for (size_t i = 0; i < n && rc == 0; i++) {
		struct member m;
		int64_t head;
		int got = member_read(s, cand[i], &m), ok;

		if (got < 0)
			rc = -1;
		if (got <= 0)
			continue;
		if ((ok = accepted(s, r, sig, day, title, cand[i], &m, &head)) < 0)
			rc = -1;
		else if (ok && !has_head(heads, nheads, head))
			heads[nheads++] = head;
	}
	free(cand);
	if (rc == 0 && nheads > 0)
		rc = join(s, id, pub, heads, nheads) < 0 ? -1 : 1;
	free(heads);
	return rc;
}

/* An article added, to group at the commit. */
struct story_pend {
	int64_t id;
	struct story_sig sig;
	char *title, *pub;	/* pub NULL: undated */
};

void
store_story_clear(struct store *s)
{
	for (size_t i = 0; i < s->nstory; i++) {
		free(s->story_pend[i].title);
		free(s->story_pend[i].pub);
	}
	s->nstory = 0;
}

int
store_story_add(struct store *s, int64_t id, const struct article *a)
{
	struct story_pend *p;
	char pub[DATE_ISO_MAX];

	if (a->sig.shingles == 0)
		return 0;
	if (s->nstory == s->story_cap) {
		s->story_cap = s->story_cap ? 2 * s->story_cap : 256;
		s->story_pend = xrealloc(s->story_pend, s->story_cap * sizeof *s->story_pend);
	}
	date_iso(&a->published, pub);
	p = &s->story_pend[s->nstory++];
	p->id = id;
	p->sig = a->sig;
	p->title = xstrdup(a->title ? a->title : "");
	p->pub = pub[0] ? xstrdup(pub) : NULL;
	return 0;
}

/* The band keys of the pending articles: to story_band, or held in
 * memory by a big import. */
static int
bands_write_pending(struct store *s)
{
	struct band_row *v = xcalloc(s->nstory * STORY_BANDS + 1, sizeof *v);
	size_t n = 0;
	int rc;

	for (size_t i = 0; i < s->nstory; i++) {
		int64_t keys[STORY_BANDS];

		int64_t day = story_day(s->story_pend[i].pub);

		story_band_keys(&s->story_pend[i].sig, keys);
		for (int k = 0; k < STORY_BANDS; k++)
			v[n++] = (struct band_row){ store_band_key(day, keys[k]), s->story_pend[i].id };
	}
	rc = store_band_bulk(s) ? store_band_hold(s, v, n) : store_band_write(s, v, n);
	free(v);
	return rc;
}

int
store_story_flush(struct store *s)
{
	struct story_rule r;
	int rc = 0;

	if (s->nstory == 0)
		return 0;
	if (store_story_rule(s, &r) < 0)
		return -1;
	for (size_t i = 0; i < s->nstory && rc == 0; i++) {
		struct story_pend *p = &s->story_pend[i];

		rc = sig_write(s, p->id, story_day(p->pub), &p->sig);
	}
	if (rc == 0)
		rc = bands_write_pending(s);
	/* In the order added: each finds the batch's others by their keys
	 * too, and the rule is the same both ways. */
	for (size_t i = 0; i < s->nstory && rc == 0; i++) {
		struct story_pend *p = &s->story_pend[i];
		int64_t keys[STORY_BANDS];

		story_band_keys(&p->sig, keys);
		if (group(s, &r, p->id, &p->sig, p->title, story_day(p->pub), p->pub, keys) < 0)
			rc = -1;
	}
	store_story_clear(s);
	return rc == 0 ? store_band_flush(s, 0) : rc;
}

int
store_story_resign(struct store *s, int64_t id, const struct article *a)
{
	int64_t keys[STORY_BANDS];
	char pub[DATE_ISO_MAX];

	if (a->sig.shingles == 0)
		return 0;
	/* The old keys stay until luot regroup: a candidate they bring is
	 * compared by its new signature. */
	date_iso(&a->published, pub);
	return sig_write(s, id, story_day(pub), &a->sig) < 0 ||
	    bands_write(s, id, story_day(pub), &a->sig, keys) < 0 ? -1 : 0;
}

int
store_story_forget(struct store *s, int64_t id)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT story FROM article WHERE id = ?1");
	int64_t story = 0, next = 0, left = 0;
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		story = sqlite3_column_int64(st, 0);
	store_stmt_done(s, st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_db_fail(s);
	/* Its band rows stay until luot regroup: candidates without a
	 * signature are passed over (member_read). */
	if (run_ids(s, "DELETE FROM story_sig WHERE article = ?1", id, 0) < 0 ||
	    run_ids(s, "DELETE FROM story_copy WHERE article = ?1", id, 0) < 0 ||
	    run_ids(s, "UPDATE article SET story = NULL WHERE id = ?1", id, 0) < 0)
		return -1;
	if (story == 0)
		return 0;
	/* The earliest member left leads; one left alone is no story. */
	if ((st = store_stmt(s, "SELECT id, count(*) OVER () FROM article WHERE story = ?1"
	    " ORDER BY published IS NULL, published, id LIMIT 1")) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, story);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		next = sqlite3_column_int64(st, 0);
		left = sqlite3_column_int64(st, 1);
	}
	store_stmt_done(s, st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_db_fail(s);
	if (next == 0)
		return 0;
	if (left == 1)
		return run_ids(s, "UPDATE article SET story = NULL WHERE id = ?1", next, 0) < 0 ||
		    run_ids(s, "DELETE FROM story_copy WHERE article = ?1", next, 0) < 0 ? -1 : 0;
	if (story == next)
		return 0;
	return run_ids(s, "UPDATE article SET story = ?1 WHERE story = ?2", next, story) < 0 ||
	    run_ids(s, "DELETE FROM story_copy WHERE article = ?1", next, 0) < 0 ? -1 : 0;
}

/* The body of article id (new), or NULL. */
static char *
body_of(struct store *s, int64_t id)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT luot_unzip(body) FROM article WHERE id = ?1");
	char *body = NULL;

	if (st == NULL)
		return NULL;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		body = xstrdup(store_col(st, 0) ? store_col(st, 0) : "");
	store_stmt_done(s, st);
	return body;
}

/*
 * Group the articles of one run: the undated by id, then the dated by
 * date (the (published, id) index); each joins the stories of those
 * before it. An article without a signature (imported before schema 20)
 * gets one. Only the column story changes under the walk, which no index
 * it reads holds.
 */
static int
regroup_run(struct store *s, const char *sql, const struct story_rule *r,
    struct store_regroup *out)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return store_db_fail(s);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0), keys[STORY_BANDS];
		struct story_sig sig;
		int g = 0;

		if (story_sig_unpack(sqlite3_column_blob(st, 3), (size_t)sqlite3_column_bytes(st, 3),
		    &sig) < 0) {
			char *body = body_of(s, id);

			story_sign(body ? body : "", body ? strlen(body) : 0, &sig);
			free(body);
			out->signed_now++;
			if (sig_write(s, id, story_day(store_col(st, 2)), &sig) < 0)
				g = -1;
		}
		if (g < 0 || bands_write(s, id, story_day(store_col(st, 2)), &sig, keys) < 0 ||
		    (g = group(s, r, id, &sig, store_col(st, 1), story_day(store_col(st, 2)),
		    store_col(st, 2), keys)) < 0) {
			sqlite3_finalize(st);
			return -1;
		}
		out->articles++;
		out->joined += g;
		if (out->progress != NULL)
			out->progress(out->articles, out->ctx);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_db_fail(s);
}

#define REGROUP_COLUMNS "SELECT a.id, a.title, a.published, g.sig FROM article a" \
	" LEFT JOIN story_sig g ON g.article = a.id "

static int
regroup_all(struct store *s, const struct story_rule *r, struct store_regroup *out)
{
	/* The undated first: a dated article looks among them too, an
	 * undated one among them alone (candidates). */
	if (regroup_run(s, REGROUP_COLUMNS "WHERE a.published IS NULL ORDER BY a.id", r, out) < 0)
		return -1;
	return regroup_run(s, REGROUP_COLUMNS "WHERE a.published IS NOT NULL"
	    " ORDER BY a.published, a.id", r, out);
}

int
store_regroup(struct store *s, double likeness, struct store_regroup *out)
{
	struct story_rule r;

	out->articles = out->joined = out->signed_now = out->stories = 0;
	if (store_begin(s) < 0)
		return -1;
	if ((likeness > 0 && set_likeness(s, likeness) < 0) || store_story_rule(s, &r) < 0 ||
	    store_exec(s, "DELETE FROM story_band; DELETE FROM story_copy;"
	    " DELETE FROM setting WHERE name = 'story-band-from';"
	    " UPDATE article SET story = NULL WHERE story IS NOT NULL") < 0 ||
	    regroup_all(s, &r, out) < 0 ||
	    store_int_query(s, "SELECT count(*) FROM article WHERE story = id", &out->stories) < 0 ||
	    store_commit(s) < 0) {
		store_rollback_keep(s);
		return -1;
	}
	return 0;
}

void
store_set_grouping(struct store *s, int on)
{
	s->group = on;
}

int
store_story_members(struct store *s, int64_t id, store_item_fn fn, void *ctx)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT " ITEM_COLUMNS " FROM article a"
	    " WHERE a.story = (SELECT story FROM article WHERE id = ?1)"
	    " ORDER BY a.published IS NULL, a.published, a.id");

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	return store_each_item(s, st, fn, ctx);
}
