/*
 * store.c: see store.h.
 *
 * Schema, by version (PRAGMA user_version):
 *  1  article: one row an article. hash is the SHA-256 (32 bytes) of the
 *     normalised body and is unique, which is how duplicates are skipped.
 *     published and crawled are ISO 8601 text, 'YYYY-MM-DD' or
 *     'YYYY-MM-DDTHH:MM' as the page gave it (no time zone: pages give
 *     local time), with their precision in *_prec; imported is UTC,
 *     'YYYY-MM-DDTHH:MM:SSZ'. body holds the paragraphs joined by LF,
 *     captions the photo captions joined by LF; words counts body words.
 *  2  reading state and bookmarks: article.read_at (UTC, NULL = unread),
 *     article.position (paragraph index the reader was at); bookmark with
 *     a note; tag and bookmark_tag.
 *  3  article_fts: an FTS5 index of title, body, captions, author and
 *     source with the "luot" tokenizer (tokenize.h), external content on
 *     article (the text is not stored twice), kept in step by triggers;
 *     existing articles are indexed by the migration.
 *  4  body and captions stored compressed (zip.h: a zlib stream in a
 *     BLOB); the view article_text shows them as text and is the FTS5
 *     content table. Less than half the bytes on disk for the text.
 *  5  term: every term of the index, for prefixes (tokenize.h).
 *  6  an index of unread articles (superseded by 7).
 *  7  what the reader keeps of an article (read, position, bookmark, note,
 *     tags) moves to state and state_tag, keyed by the content hash: it
 *     survives deleting and importing the article again. read_at is UTC
 *     like imported; position is (paragraph << 32) | byte of the first
 *     line shown; bookmarked is when, or NULL. article.read_at and
 *     article.position are left unused (dropping a column rewrites the
 *     whole table).
 *  9  article_fts keeps up to 16 MiB of new terms in memory before it
 *     writes them out (FTS5's hashsize): a batch becomes one segment;
 *     crisismerge 64 leaves merging to automerge, a slice a commit.
 */
#include "config.h"

#include <sys/file.h>
#include <sys/stat.h>

#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "i18n.h"
#include "query.h"
#include "store.h"
#include "store-int.h"
#include "tokenize.h"
#include "zip.h"
#include "util.h"

/*
 * Ranking every hit of a common word costs time in proportion to the hits
 * (bm25 scores each one): at a million articles, seconds. Past this many
 * hits, a ranked search scores a window of the most recently imported hits
 * instead, after the hits in titles and, for several words, the hits
 * where they stand as a phrase, and says the ranking is partial.
 */
#define RANK_WINDOW 2000
/* The title and phrase tiers look that many windows back. */
#define TIER_SPAN 4

/* Milliseconds to wait for another process's write lock. */
#define BUSY_TIMEOUT_MS 5000
/* The longest an import waits for state writers after a commit. */
#define STORE_YIELD_MAX_MS 500
/* Above this, a user_version was not written by luot (store_version). */
#define STORE_VERSION_MAX 1000
#define WAL_CHECKPOINT_PAGES 4096
/*
 * Bytes of a statement journal kept in memory before SQLite writes it to
 * a temporary file (its default is 64 KiB). The article INSERT has one,
 * because the table has an insert trigger, and it holds each page the
 * row changes: often four 16 KiB pages or more, so at the default a 100k
 * import wrote 5.7 GB to /var/tmp, half of all it wrote. The few
 * statements larger than this (a migration rewriting a table) still
 * spill to disk.
 */
#define STMTJRNL_SPILL (4 << 20)
/* store_trim() gives free pages back when they are more than this part of
 * the file: fewer are reused by the next import soon enough. */
#define TRIM_FRACTION 10


static const char *const migrations[STORE_VERSION] = {
	/* 1 */
	"CREATE TABLE article ("
	"  id INTEGER PRIMARY KEY,"
	"  hash BLOB NOT NULL UNIQUE,"
	"  title TEXT NOT NULL,"
	"  author TEXT,"
	"  source TEXT,"
	"  published TEXT,"
	"  published_prec TEXT CHECK (published_prec IN ('day', 'minute')),"
	"  crawled TEXT,"
	"  crawled_prec TEXT CHECK (crawled_prec IN ('day', 'minute')),"
	"  path TEXT NOT NULL,"
	"  imported TEXT NOT NULL,"
	"  body TEXT NOT NULL,"
	"  captions TEXT NOT NULL DEFAULT '',"
	"  words INTEGER NOT NULL"
	");"
	"CREATE INDEX article_by_published ON article (published, id);",
	/* 2 */
	"ALTER TABLE article ADD COLUMN read_at TEXT;"
	"ALTER TABLE article ADD COLUMN position INTEGER NOT NULL DEFAULT 0;"
	"CREATE TABLE bookmark ("
	"  article_id INTEGER PRIMARY KEY REFERENCES article (id) ON DELETE CASCADE,"
	"  created TEXT NOT NULL,"
	"  note TEXT NOT NULL DEFAULT ''"
	");"
	"CREATE TABLE tag ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE"
	");"
	"CREATE TABLE bookmark_tag ("
	"  article_id INTEGER NOT NULL REFERENCES bookmark (article_id) ON DELETE CASCADE,"
	"  tag_id INTEGER NOT NULL REFERENCES tag (id) ON DELETE CASCADE,"
	"  PRIMARY KEY (article_id, tag_id)"
	") WITHOUT ROWID;",
	/* 3 */
	"CREATE VIRTUAL TABLE article_fts USING fts5 ("
	"  title, body, captions, author, source,"
	"  content = 'article', content_rowid = 'id', tokenize = 'luot'"
	");"
	"CREATE TRIGGER article_fts_insert AFTER INSERT ON article BEGIN"
	"  INSERT INTO article_fts (rowid, title, body, captions, author, source)"
	"  VALUES (new.id, new.title, new.body, new.captions, new.author, new.source);"
	"END;"
	"CREATE TRIGGER article_fts_delete AFTER DELETE ON article BEGIN"
	"  INSERT INTO article_fts (article_fts, rowid, title, body, captions, author, source)"
	"  VALUES ('delete', old.id, old.title, old.body, old.captions, old.author, old.source);"
	"END;"
	"CREATE TRIGGER article_fts_update"
	"  AFTER UPDATE OF title, body, captions, author, source ON article BEGIN"
	"  INSERT INTO article_fts (article_fts, rowid, title, body, captions, author, source)"
	"  VALUES ('delete', old.id, old.title, old.body, old.captions, old.author, old.source);"
	"  INSERT INTO article_fts (rowid, title, body, captions, author, source)"
	"  VALUES (new.id, new.title, new.body, new.captions, new.author, new.source);"
	"END;"
	"INSERT INTO article_fts (article_fts) VALUES ('rebuild');",
	/* 4 */
	"DROP TRIGGER article_fts_insert;"
	"DROP TRIGGER article_fts_delete;"
	"DROP TRIGGER article_fts_update;"
	"DROP TABLE article_fts;"
	"UPDATE article SET body = luot_zip(body), captions = luot_zip(captions);"
	"CREATE VIEW article_text AS SELECT id, title, luot_unzip(body) AS body,"
	"  luot_unzip(captions) AS captions, author, source FROM article;"
	"CREATE VIRTUAL TABLE article_fts USING fts5 ("
	"  title, body, captions, author, source,"
	"  content = 'article_text', content_rowid = 'id', tokenize = 'luot'"
	");"
	"CREATE TRIGGER article_fts_insert AFTER INSERT ON article BEGIN"
	"  INSERT INTO article_fts (rowid, title, body, captions, author, source)"
	"  VALUES (new.id, new.title, luot_unzip(new.body), luot_unzip(new.captions),"
	"    new.author, new.source);"
	"END;"
	"CREATE TRIGGER article_fts_delete AFTER DELETE ON article BEGIN"
	"  INSERT INTO article_fts (article_fts, rowid, title, body, captions, author, source)"
	"  VALUES ('delete', old.id, old.title, luot_unzip(old.body), luot_unzip(old.captions),"
	"    old.author, old.source);"
	"END;"
	"CREATE TRIGGER article_fts_update"
	"  AFTER UPDATE OF title, body, captions, author, source ON article BEGIN"
	"  INSERT INTO article_fts (article_fts, rowid, title, body, captions, author, source)"
	"  VALUES ('delete', old.id, old.title, luot_unzip(old.body), luot_unzip(old.captions),"
	"    old.author, old.source);"
	"  INSERT INTO article_fts (rowid, title, body, captions, author, source)"
	"  VALUES (new.id, new.title, luot_unzip(new.body), luot_unzip(new.captions),"
	"    new.author, new.source);"
	"END;"
	/* Merge segments 16 at a time instead of 4: a quarter less index
	 * building time, the same query times (tests/bench/README.md). */
	"INSERT INTO article_fts (article_fts, rank) VALUES ('automerge', 16);"
	"INSERT INTO article_fts (article_fts) VALUES ('rebuild');",
	/* 5: the index's terms, for prefixes (tokenize.c); the triggers
	 * write the terms each article brings. */
	"CREATE TABLE term (t TEXT PRIMARY KEY) WITHOUT ROWID;"
	"DROP TRIGGER article_fts_insert;"
	"DROP TRIGGER article_fts_update;"
	"CREATE TRIGGER article_fts_insert AFTER INSERT ON article BEGIN"
	"  INSERT INTO article_fts (rowid, title, body, captions, author, source)"
	"  VALUES (new.id, new.title, luot_unzip(new.body), luot_unzip(new.captions),"
	"    new.author, new.source);"
	"  SELECT luot_terms_flush();"
	"END;"
	"CREATE TRIGGER article_fts_update"
	"  AFTER UPDATE OF title, body, captions, author, source ON article BEGIN"
	"  INSERT INTO article_fts (article_fts, rowid, title, body, captions, author, source)"
	"  VALUES ('delete', old.id, old.title, luot_unzip(old.body), luot_unzip(old.captions),"
	"    old.author, old.source);"
	"  INSERT INTO article_fts (rowid, title, body, captions, author, source)"
	"  VALUES (new.id, new.title, luot_unzip(new.body), luot_unzip(new.captions),"
	"    new.author, new.source);"
	"  SELECT luot_terms_flush();"
	"END;"
	"CREATE VIRTUAL TABLE temp.article_vocab USING fts5vocab (main, article_fts, row);"
	"INSERT INTO term SELECT term FROM temp.article_vocab;"
	"DROP TABLE temp.article_vocab;",
	/* 6: counting unread articles reads this index, not every row. */
	"CREATE INDEX article_unread ON article (id) WHERE read_at IS NULL;",
	/* 7 */
	"CREATE TABLE state ("
	"  hash BLOB PRIMARY KEY,"
	"  read_at TEXT,"
	"  position INTEGER NOT NULL DEFAULT 0,"
	"  bookmarked TEXT,"
	"  note TEXT NOT NULL DEFAULT ''"
	") WITHOUT ROWID;"
	"CREATE TABLE state_tag ("
	"  hash BLOB NOT NULL,"
	"  tag TEXT NOT NULL,"
	"  PRIMARY KEY (hash, tag)"
	") WITHOUT ROWID;"
	"CREATE INDEX state_tag_by_tag ON state_tag (tag);"
	"CREATE INDEX state_by_bookmarked ON state (bookmarked) WHERE bookmarked IS NOT NULL;"
	"INSERT INTO state (hash, read_at, position, bookmarked, note)"
	"  SELECT a.hash, a.read_at, a.position, b.created, coalesce(b.note, '')"
	"  FROM article a LEFT JOIN bookmark b ON b.article_id = a.id"
	"  WHERE a.read_at IS NOT NULL OR a.position != 0 OR b.article_id IS NOT NULL;"
	"INSERT OR IGNORE INTO state_tag (hash, tag)"
	"  SELECT a.hash, t.name FROM bookmark_tag bt JOIN tag t ON t.id = bt.tag_id"
	"  JOIN article a ON a.id = bt.article_id;"
	"DROP TABLE bookmark_tag;"
	"DROP TABLE tag;"
	"DROP TABLE bookmark;"
	"DROP INDEX article_unread;",
	/* 8: the store indexes new articles a batch at a time when the
	 * transaction that adds them commits (index_pending). FTS5 writes its
	 * pending terms out as a segment at every savepoint, and an INSERT
	 * with a trigger opens one, so the trigger made a segment per
	 * article, and merging them was most of an import's time. It stays
	 * for articles written in the sqlite3 shell, where the extension's
	 * luot_index_later() says 0; the store's says 1. */
	"DROP TRIGGER article_fts_insert;"
	"CREATE TRIGGER article_fts_insert AFTER INSERT ON article"
	"  WHEN NOT luot_index_later() BEGIN"
	"  INSERT INTO article_fts (rowid, title, body, captions, author, source)"
	"  VALUES (new.id, new.title, luot_unzip(new.body), luot_unzip(new.captions),"
	"    new.author, new.source);"
	"  SELECT luot_terms_flush();"
	"END;",
	/* 9: FTS5 writes its pending terms out as a segment when they pass
	 * hashsize bytes (1 MiB by default), and a batch of 1,000 news
	 * articles brings several MiB: several segments a commit, and the
	 * merges copy each posting once more. With 16 MiB a batch is one
	 * segment. Once a level holds crisismerge segments (16 by default,
	 * as many as luot's automerge), FTS5 finishes merging it inside the
	 * commit at hand; with segments this large that made commits of
	 * hundreds of MB, and the WAL grew past its bound. At 64, automerge
	 * does the merges a slice at each commit. Together: a 1M import a
	 * third faster, a quarter fewer bytes written (tests/bench/README.md). */
	"INSERT INTO article_fts (article_fts, rank) VALUES ('hashsize', 16777216);"
	"INSERT INTO article_fts (article_fts, rank) VALUES ('crisismerge', 64);",
	/* 10: each article keeps the page it was extracted from, so that a
	 * better extractor can read it again (luot reextract). It is the
	 * decoded text, compressed with the body as zlib's dictionary
	 * (article_pack): about what the page has besides the body. NULL
	 * for articles imported before; reextract reads their files. */
	"ALTER TABLE article ADD COLUMN original BLOB;"
	/* store_replace() indexes a replaced article with its batch, as
	 * store_add() does a new one (schema 8); the trigger stays for the
	 * sqlite3 shell. */
	"DROP TRIGGER article_fts_update;"
	"CREATE TRIGGER article_fts_update"
	"  AFTER UPDATE OF title, body, captions, author, source ON article"
	"  WHEN NOT luot_index_later() BEGIN"
	"  INSERT INTO article_fts (article_fts, rowid, title, body, captions, author, source)"
	"  VALUES ('delete', old.id, old.title, luot_unzip(old.body), luot_unzip(old.captions),"
	"    old.author, old.source);"
	"  INSERT INTO article_fts (rowid, title, body, captions, author, source)"
	"  VALUES (new.id, new.title, luot_unzip(new.body), luot_unzip(new.captions),"
	"    new.author, new.source);"
	"  SELECT luot_terms_flush();"
	"END;",
};

static void
set_err(struct store *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
set_err(struct store *s, const char *fmt, ...)
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

/* Record SQLite's message for the last call, prefixed with the file. */
/*
 * Why the last call on db failed: for what a person meets and can act on
 * (a lock, a full disk, a damaged file), in their language; SQLite's own
 * words, which are English only, for the rest.
 */
static const char *
db_reason(sqlite3 *db)
{
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

	set_err(s, "%s: %s", s->path, db_reason(s->db));
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

static int
exec(struct store *s, const char *sql)
{
	if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return store_db_fail(s);
	return 0;
}

static int
int_query(struct store *s, const char *sql, int64_t *out)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return store_db_fail(s);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_db_fail(s);
	return 0;
}

int
store_version(struct store *s)
{
	int64_t v = -1;

	if (int_query(s, "PRAGMA user_version", &v) < 0)
		return -1;
	/* luot counts its schemas from 0 up; anything else was written by
	 * another program (or a damaged header). */
	if (v < 0 || v > STORE_VERSION_MAX) {
		set_err(s, _("%s: its schema version (PRAGMA user_version) is %lld, "
		    "which no luot writes; another program changed it"), s->path, (long long)v);
		return -1;
	}
	return (int)v;
}

/* The upgrade from schema v, already inside a write transaction. */
static int
migrate_from(struct store *s, int v)
{
	char sql[64];

	for (int i = v; i < STORE_VERSION; i++) {
		if (exec(s, migrations[i]) < 0)
			return -1;
	}
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", STORE_VERSION);
	return exec(s, sql);
}

/* Whether schema v is one this luot can use or upgrade; else why not. */
static int
known_version(struct store *s, int v)
{
	if (v <= STORE_VERSION)
		return 1;
	set_err(s, _("%s has schema version %d, newer than this luot supports (%d); use a newer luot"),
	    s->path, v, STORE_VERSION);
	return 0;
}

static int
migrate(struct store *s)
{
	int v = store_version(s);

	if (v < 0 || !known_version(s, v))
		return -1;
	if (v == STORE_VERSION)
		return 0;
	if (s->read_only) {
		set_err(s, _("%s: the database is read-only and needs an upgrade from schema %d to %d; "
		    "open it once where it can be written"), s->path, v, STORE_VERSION);
		return -1;
	}
	if (exec(s, "BEGIN IMMEDIATE") < 0)
		return -1;
	/* Read again under the write lock: another luot opening the same
	 * new file at the same moment may have made or upgraded it while
	 * this one waited for the lock. */
	if ((v = store_version(s)) < 0 || !known_version(s, v))
		goto fail;
	if (v == STORE_VERSION)
		return exec(s, "COMMIT");
	/* Indexing or compressing a big database takes a while: say why. */
	if (v > 0)
		warnx(_("upgrading %s from schema %d to %d, once"), s->path, v, STORE_VERSION);
	if (migrate_from(s, v) < 0 || exec(s, "COMMIT") < 0)
		goto fail;
	return 0;
fail:
	sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

/*
 * After each commit: SQLite's own automatic checkpoint, but one that
 * readers cannot starve. A passive checkpoint copies the WAL back, yet
 * the WAL only starts again from its beginning when no reader still uses
 * it, and readers that keep overlapping (the interface and a loop of
 * commands during a long import) can put that off while the file grows
 * (to 138 MB in ui-wal.sh). So every WAL_CHECKPOINT_PAGES (64 MiB at
 * 16 KiB pages; twice that made the import no faster) the checkpoint is
 * RESTART, which waits (busy timeout) for those readers to move on. A
 * reader that never does costs one such wait per further
 * WAL_CHECKPOINT_PAGES, with passive checkpoints in between. With a
 * background checkpointer (store-ckpt.c) the passive ones are its, and
 * the writer only restarts the WAL.
 */
static int
checkpoint(void *arg, sqlite3 *db, const char *name, int pages)
{
	struct store *s = arg;
	int mode = SQLITE_CHECKPOINT_PASSIVE, rc;

	if (pages < s->wal_pages)	/* it did start again */
		s->wal_restart_at = WAL_CHECKPOINT_PAGES;
	s->wal_pages = pages;
	if (pages >= WAL_CHECKPOINT_PAGES && pages >= s->wal_restart_at)
		mode = SQLITE_CHECKPOINT_RESTART;
	if (s->ckpt != NULL && mode != SQLITE_CHECKPOINT_RESTART) {
		/* Passive ones are the thread's. */
		store_ckpt_wake(s->ckpt, pages);
		return SQLITE_OK;
	}
	if (pages < WAL_CHECKPOINT_PAGES)
		return SQLITE_OK;
	/* Wait for a copy the thread has begun rather than try again at
	 * the next commit: a thread that copies often (two fsyncs each)
	 * could put the restart off commit after commit. */
	if (s->ckpt != NULL)
		store_ckpt_pause(s->ckpt);
	rc = sqlite3_wal_checkpoint_v2(db, name, mode, NULL, NULL);
	if (s->ckpt != NULL)
		store_ckpt_resume(s->ckpt);
	/* Not done is no error: the next commit tries again. */
	if (rc != SQLITE_OK && mode == SQLITE_CHECKPOINT_RESTART)
		s->wal_restart_at = pages + WAL_CHECKPOINT_PAGES;
	return SQLITE_OK;
}

/*
 * SQLite's own busy handler sleeps longer the longer it waits, up to
 * 100 ms a try, and an import takes the write lock again a moment after
 * each commit: a waiting bookmark rarely got in before its timeout. This
 * one tries again every millisecond, so the pause an import leaves
 * between its transactions (import.c) is enough.
 */
static int
busy_wait(void *arg, int tries)
{
	struct store *s = arg;

	if (tries == 0)
		s->busy_since = monotonic_seconds();
	if ((monotonic_seconds() - s->busy_since) * 1000 >= s->busy_ms)
		return 0;
	sqlite3_sleep(1);
	return 1;
}

/*
 * WAL mode. A new database is still in rollback mode, where taking the
 * lock to change that can deadlock with another luot opening it at the
 * same moment: SQLite then says busy at once, without the busy handler
 * (its documentation, sqlite3_busy_handler). Neither holds a lock after
 * failing, so try again, for as long as a busy handler would wait.
 */
static int
set_wal(struct store *s)
{
	double start = monotonic_seconds();

	for (;;) {
		int rc = sqlite3_exec(s->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);

		if (rc == SQLITE_OK)
			return 0;
		if ((rc & 0xff) != SQLITE_BUSY ||
		    (monotonic_seconds() - start) * 1000 >= s->busy_ms)
			return store_db_fail(s);
		sqlite3_sleep(1 + (int)(monotonic_seconds() * 1e6) % 8);
	}
}

static int
setup(struct store *s)
{
	int64_t pages;
	int rc;

	store_set_busy_timeout(s, BUSY_TIMEOUT_MS);
	if ((rc = tok_register(s->db)) != SQLITE_OK || (rc = zip_register(s->db)) != SQLITE_OK) {
		set_err(s, "%s: %s", s->path, sqlite3_errstr(rc));
		return -1;
	}
	/* This connection indexes what it adds itself (index_pending). */
	if ((rc = tok_index_later(s->db, 1)) != SQLITE_OK) {
		set_err(s, "%s: %s", s->path, sqlite3_errstr(rc));
		return -1;
	}
	sqlite3_extended_result_codes(s->db, 1);
	/* 16 KiB pages for a new database: a compressed article (2-3 KB)
	 * takes a 4 KiB page nearly alone, so the text would cost a third
	 * more on disk. Ignored for an existing database. */
	if (exec(s, "PRAGMA page_size = 16384") < 0)
		return -1;
	/* A new database can give free pages back (store_trim): FTS5's
	 * merges free the segments they read, up to a sixth of the file
	 * after a large import. Only for a new one: on an existing
	 * database the pragma would write to the file at every open. */
	if (int_query(s, "PRAGMA page_count", &pages) < 0 ||
	    (pages == 0 && exec(s, "PRAGMA auto_vacuum = INCREMENTAL") < 0))
		return -1;
	/* WAL: readers (the interface) never block the importer. NORMAL
	 * sync keeps every commit atomic; only the last ones may be lost on
	 * power failure, and importing again restores them. */
	if ((!s->read_only && set_wal(s) < 0) ||
	    exec(s, "PRAGMA synchronous = NORMAL") < 0 ||
	    exec(s, "PRAGMA foreign_keys = ON") < 0 ||
	    exec(s, "PRAGMA cache_size = -65536") < 0 ||
	    /* Debian builds SQLite with secure_delete on: every page freed
	     * is zeroed and written again, and FTS5's merges free a
	     * segment's pages after each copy (8 % of a 100k import's
	     * writes). FAST still zeroes what is deleted inside a page. */
	    exec(s, "PRAGMA secure_delete = FAST") < 0 ||
	    /* After a checkpoint the WAL is cut back to 64 MiB. */
	    exec(s, "PRAGMA journal_size_limit = 67108864") < 0)
		return -1;
	if (!s->read_only)
		sqlite3_wal_hook(s->db, checkpoint, s);
	return migrate(s);
}

/*
 * Whether the database just opened can be written. SQLite opens a file it
 * may not write read-only without a word, and a WAL database on a
 * read-only file system cannot even be read that way (its -shm cannot be
 * made), so ask it: reading the schema opens the file.
 */
static int
writable(struct store *s)
{
	int rc = sqlite3_exec(s->db, "PRAGMA schema_version", NULL, NULL, NULL);

	if (rc == SQLITE_OK)
		return sqlite3_db_readonly(s->db, "main") != 1;
	rc &= 0xff;
	return rc != SQLITE_READONLY && rc != SQLITE_CANTOPEN && rc != SQLITE_PERM;
}

/* Whether a read-only connection can read: not without a -shm file. */
static int
readable(struct store *s)
{
	int rc = sqlite3_exec(s->db, "PRAGMA schema_version", NULL, NULL, NULL) & 0xff;

	return rc != SQLITE_CANTOPEN && rc != SQLITE_READONLY;
}

/* "file:" URI for path, so that query parameters can follow it. */
static char *
file_uri(const char *path, const char *params)
{
	struct buf b;

	buf_init(&b);
	buf_adds(&b, "file:");
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if (*p == '%' || *p == '?' || *p == '#' || *p < 0x20)
			buf_printf(&b, "%%%02X", *p);
		else
			buf_addc(&b, (char)*p);
	}
	buf_printf(&b, "?%s", params);
	return buf_detach(&b);
}

/*
 * Reopen s read-only: reading works, every write fails with
 * SQLITE_READONLY, which says so. Where not even the -shm file can be made
 * (a read-only file system), the file is opened as immutable, but only
 * when no WAL holds changes it would then not see.
 */
static int
open_read_only(struct store *s)
{
	char *wal = xasprintf("%s-wal", s->path), *uri;
	struct stat st;
	int rc, pending = stat(wal, &st) == 0 && st.st_size > 0;

	free(wal);
	sqlite3_close(s->db);
	uri = file_uri(s->path, "mode=ro");
	rc = sqlite3_open_v2(uri, &s->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
	free(uri);
	if (rc == SQLITE_OK && !pending && !readable(s)) {
		sqlite3_close(s->db);
		uri = file_uri(s->path, "immutable=1");
		rc = sqlite3_open_v2(uri, &s->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
		free(uri);
	}
	s->read_only = 1;
	return rc;
}

/* Process-wide settings: they must come before SQLite initialises. */
static void
configure_sqlite(void)
{
	/* SQLITE_MISUSE if SQLite is already initialised (a program that
	 * opened a database first): it then keeps its defaults. */
	(void)sqlite3_config(SQLITE_CONFIG_STMTJRNL_SPILL, STMTJRNL_SPILL);
}

struct store *
store_open(const char *path, char **err)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	struct store *s = xcalloc(1, sizeof *s);
	int rc;

	pthread_once(&once, configure_sqlite);
	s->path = xstrdup(path);
	s->rank_window = RANK_WINDOW;
	s->wal_restart_at = WAL_CHECKPOINT_PAGES;
	s->turn_fd = -1;
	rc = sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
	if (rc == SQLITE_OK && !writable(s))
		rc = open_read_only(s);
	if (rc != SQLITE_OK) {
		if (s->db != NULL)
			store_db_fail(s);
		else
			set_err(s, "%s: %s", path, sqlite3_errstr(rc));
		goto fail;
	}
	if (setup(s) < 0)
		goto fail;
	return s;
fail:
	*err = xstrdup(store_errmsg(s));
	store_close(s);
	return NULL;
}

void
store_close(struct store *s)
{
	if (s == NULL)
		return;
	store_ckpt_stop(s);
	if (s->turn_fd >= 0)
		close(s->turn_fd);
	sqlite3_finalize(s->add);
	sqlite3_finalize(s->index);
	sqlite3_finalize(s->unindex);
	store_stmt_free(s);
	sqlite3_close(s->db);
	buf_free(&s->pend);
	free(s->pend_at);
	free(s->path);
	free(s->err);
	free(s);
}

void
store_set_busy_timeout(struct store *s, int ms)
{
	s->busy_ms = ms;
	sqlite3_busy_handler(s->db, ms > 0 ? busy_wait : NULL, s);
}

void
store_set_rank_window(struct store *s, long window)
{
	s->rank_window = window < 0 ? 0 : window;
}

int
store_begin(struct store *s)
{
	return exec(s, "BEGIN IMMEDIATE");
}

/*
 * Taking turns with an import. SQLite's lock has no queue: an import that
 * takes it again 2 ms after each commit let a waiting bookmark in only
 * when its busy handler happened to try in those 2 ms. So a writer of
 * reading state says it waits: a shared flock on PATH-turn, from before
 * it asks for the lock until it has committed; and an import, after each
 * commit, waits until it can take that flock exclusively (no one waits),
 * for STORE_YIELD_MAX_MS at most. Where the file cannot be made (a
 * read-only folder) there are no turns, only the 2 ms.
 */
static int
turn_fd(struct store *s)
{
	if (s->turn_fd == -1) {
		char *path = xasprintf("%s-turn", s->path);

		s->turn_fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0666);
		if (s->turn_fd < 0)
			s->turn_fd = -2;
		free(path);
	}
	return s->turn_fd;
}

/* A state writer's turn: asked for, then given back. */
static void
turn_ask(struct store *s)
{
	if (!s->read_only && turn_fd(s) >= 0)
		(void)flock(s->turn_fd, LOCK_SH);
}

static void
turn_done(struct store *s)
{
	if (s->turn_fd >= 0)
		(void)flock(s->turn_fd, LOCK_UN);
}

void
store_yield(struct store *s, int min_ms)
{
	double start = monotonic_seconds();

	sqlite3_sleep(min_ms);
	if (s->read_only || turn_fd(s) < 0)
		return;
	while (flock(s->turn_fd, LOCK_EX | LOCK_NB) < 0) {
		if ((monotonic_seconds() - start) * 1000 >= STORE_YIELD_MAX_MS)
			return;
		sqlite3_sleep(1);
	}
	(void)flock(s->turn_fd, LOCK_UN);
}

int
store_state_begin(struct store *s)
{
	if (!sqlite3_get_autocommit(s->db)) {
		s->state_nested++;
		return exec(s, "SAVEPOINT state");
	}
	/* Articles stay at NORMAL (an import brings them back); this
	 * connection's commits sync the log until store_state_end(). */
	if (exec(s, "PRAGMA synchronous = FULL") < 0)
		return -1;
	turn_ask(s);
	if (store_begin(s) < 0) {
		turn_done(s);
		exec(s, "PRAGMA synchronous = NORMAL");
		return -1;
	}
	return 0;
}

int
store_state_end(struct store *s, int rc)
{
	char *msg;
	int busy;

	if (s->state_nested > 0) {
		s->state_nested--;
		if (rc >= 0)
			return exec(s, "RELEASE state") < 0 ? -1 : rc;
		msg = xstrdup(store_errmsg(s));
		sqlite3_exec(s->db, "ROLLBACK TO state; RELEASE state", NULL, NULL, NULL);
	} else {
		if (rc >= 0 && store_commit(s) == 0) {
			turn_done(s);
			exec(s, "PRAGMA synchronous = NORMAL");
			return rc;
		}
		rc = -1;
		msg = xstrdup(store_errmsg(s));
		store_rollback(s);
		turn_done(s);
		sqlite3_exec(s->db, "PRAGMA synchronous = NORMAL", NULL, NULL, NULL);
	}
	busy = s->busy;
	set_err(s, "%s", msg);	/* the failure's, not the rollback's */
	s->busy = busy;
	free(msg);
	return -1;
}

size_t
store_pending_bytes(const struct store *s)
{
	return s->pend.len;
}

/* Nothing is waiting to be indexed. */
static void
pending_clear(struct store *s)
{
	s->npend = 0;
	buf_reset(&s->pend);
}

/* Where v is kept in s->pend, appended; NULL and "" are kept as NULL, as
 * bind_text() stores them. */
static struct pend_span
pending_keep(struct store *s, const char *v)
{
	struct pend_span sp = { 0, PEND_NULL };

	if (v != NULL && *v != '\0') {
		sp.at = s->pend.len;
		sp.len = strlen(v);
		buf_add(&s->pend, v, sp.len);
	}
	return sp;
}

/* Room for one more article's texts in s->pend_at. */
static struct pend_text *
pending_slot(struct store *s, int64_t id, int del)
{
	struct pend_text *p;

	if (s->npend == s->pend_cap) {
		s->pend_cap = s->pend_cap ? 2 * s->pend_cap : 256;
		s->pend_at = xrealloc(s->pend_at, s->pend_cap * sizeof *s->pend_at);
	}
	p = &s->pend_at[s->npend++];
	p->id = id;
	p->del = del;
	return p;
}

/*
 * Keep what index_pending() gives the index for article id: its text as
 * stored, the body and captions before compression (the workers made
 * them; decompressing them again was a twelfth of the writing thread's
 * time).
 */
static void
pending_add(struct store *s, const struct article *a, int64_t id)
{
	struct pend_text *p = pending_slot(s, id, 0);

	p->col[0] = pending_keep(s, a->title);
	p->col[1] = pending_keep(s, a->body);
	p->col[2] = pending_keep(s, a->captions_text);
	p->col[3] = pending_keep(s, a->author);
	p->col[4] = pending_keep(s, a->source);
}

/* Keep the texts article id was indexed with, to take them out of the
 * index before its new ones go in (store_replace). */
static void
pending_del(struct store *s, int64_t id, char *const cols[5])
{
	struct pend_text *p = pending_slot(s, id, 1);

	for (int c = 0; c < 5; c++)
		p->col[c] = pending_keep(s, cols[c]);
}

/*
 * Index the articles added since the last call, from the texts store_add
 * kept, and write the terms they bring to the table "term".
 *
 * One INSERT a row: a statement that writes one row of a virtual table
 * needs no statement journal, so FTS5 gets no savepoint and keeps its
 * pending terms in memory to the commit, as it does for one INSERT ...
 * SELECT of the whole batch (the same index at 100k). What made a
 * segment an article in schema 3 was the insert trigger: an INSERT with
 * a trigger does get a savepoint, and FTS5 writes its terms out at each.
 */
static int
index_pending(struct store *s)
{
	if (s->npend == 0)
		return 0;
	if (s->index == NULL &&
	    sqlite3_prepare_v3(s->db,
		"INSERT INTO article_fts (rowid, title, body, captions, author, source)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
		-1, SQLITE_PREPARE_PERSISTENT, &s->index, NULL) != SQLITE_OK)
		return store_db_fail(s);
	if (s->unindex == NULL &&
	    sqlite3_prepare_v3(s->db,
		"INSERT INTO article_fts (article_fts, rowid, title, body, captions, author, source)"
		" VALUES ('delete', ?1, ?2, ?3, ?4, ?5, ?6)",
		-1, SQLITE_PREPARE_PERSISTENT, &s->unindex, NULL) != SQLITE_OK)
		return store_db_fail(s);
	for (size_t k = 0; k < s->npend; k++) {
		const struct pend_text *p = &s->pend_at[k];
		sqlite3_stmt *st = p->del ? s->unindex : s->index;
		int rc;

		sqlite3_bind_int64(st, 1, p->id);
		for (int c = 0; c < 5; c++) {
			if (p->col[c].len == PEND_NULL)
				sqlite3_bind_null(st, c + 2);
			else
				sqlite3_bind_text(st, c + 2, s->pend.data + p->col[c].at,
				    (int)p->col[c].len, SQLITE_STATIC);
		}
		rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			return store_db_fail(s);
	}
	sqlite3_clear_bindings(s->index);
	sqlite3_clear_bindings(s->unindex);
	if (exec(s, "SELECT luot_terms_flush()") < 0)
		return -1;
	pending_clear(s);
	return 0;
}

int
store_commit(struct store *s)
{
	if (index_pending(s) < 0)
		return -1;
	return exec(s, "COMMIT");
}

int
store_rollback(struct store *s)
{
	pending_clear(s);
	if (sqlite3_get_autocommit(s->db))
		return 0;
	return exec(s, "ROLLBACK");
}

int
store_trim(struct store *s)
{
	int64_t mode, pages, unused;

	if (s->read_only)
		return 0;
	if (int_query(s, "PRAGMA auto_vacuum", &mode) < 0 ||
	    int_query(s, "PRAGMA page_count", &pages) < 0 ||
	    int_query(s, "PRAGMA freelist_count", &unused) < 0)
		return -1;
	if (mode != 2 || unused * TRIM_FRACTION <= pages)
		return 0;
	return exec(s, "PRAGMA incremental_vacuum");
}

static void
bind_text(sqlite3_stmt *st, int i, const char *v)
{
	if (v == NULL || *v == '\0')
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
}

static void
bind_date(sqlite3_stmt *st, int i, const struct date *d, char *buf)
{
	date_iso(d, buf);
	bind_text(st, i, buf);
	bind_text(st, i + 1, date_prec_name(d->prec));
}

/* Insert the article's row; 1 when added, 0 for a duplicate. */
static int
add_row(struct store *s, struct article *a, const char *path, int64_t *id)
{
	char pub[DATE_ISO_MAX], crawl[DATE_ISO_MAX];
	int rc;

	if (s->add == NULL &&
	    sqlite3_prepare_v3(s->db,
		"INSERT INTO article (hash, title, author, source, published,"
		" published_prec, crawled, crawled_prec, path, imported, body,"
		" captions, words, original) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,"
		" strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?10, ?11, ?12, ?13)"
		" ON CONFLICT (hash) DO NOTHING",
		-1, SQLITE_PREPARE_PERSISTENT, &s->add, NULL) != SQLITE_OK)
		return store_db_fail(s);
	if (!a->packed)
		article_pack(a);
	sqlite3_bind_blob(s->add, 1, a->hash, sizeof a->hash, SQLITE_STATIC);
	bind_text(s->add, 2, a->title);
	bind_text(s->add, 3, a->author);
	bind_text(s->add, 4, a->source);
	bind_date(s->add, 5, &a->published, pub);
	bind_date(s->add, 7, &a->crawled, crawl);
	sqlite3_bind_text(s->add, 9, path, -1, SQLITE_STATIC);
	sqlite3_bind_blob(s->add, 10, a->zbody.data, (int)a->zbody.len, SQLITE_STATIC);
	sqlite3_bind_blob(s->add, 11, a->zcaptions.data, (int)a->zcaptions.len, SQLITE_STATIC);
	sqlite3_bind_int64(s->add, 12, (sqlite3_int64)a->words);
	if (a->zoriginal.len > 0)
		sqlite3_bind_blob(s->add, 13, a->zoriginal.data, (int)a->zoriginal.len,
		    SQLITE_STATIC);
	else
		sqlite3_bind_null(s->add, 13);
	rc = sqlite3_step(s->add);
	sqlite3_reset(s->add);
	sqlite3_clear_bindings(s->add);
	if (rc != SQLITE_DONE)
		return store_db_fail(s);
	if (sqlite3_changes(s->db) == 0)
		return 0;
	pending_add(s, a, sqlite3_last_insert_rowid(s->db));
	if (id != NULL)
		*id = sqlite3_last_insert_rowid(s->db);
	return 1;
}

/* Run one statement kept for reuse (store-stmt.c): for the savepoint
 * around each article, which runs a thousand times a batch. */
static int
exec_kept(struct store *s, const char *sql)
{
	sqlite3_stmt *st = store_stmt(s, sql);
	int rc;

	if (st == NULL)
		return -1;
	rc = sqlite3_step(st);
	store_stmt_done(s, st);
	return rc == SQLITE_DONE ? 0 : store_db_fail(s);
}

/*
 * Is the last failure the article's own (a constraint it breaks, a value
 * too large), so that the batch may go on without it? A full disk, an
 * I/O error or a lock is the store's: the import must stop.
 */
static int
article_fault(struct store *s)
{
	int e = sqlite3_errcode(s->db) & 0xff;

	return (e == SQLITE_CONSTRAINT || e == SQLITE_TOOBIG || e == SQLITE_MISMATCH) &&
	    !sqlite3_get_autocommit(s->db);
}

/*
 * Add an article. Inside store_begin() it is written under a savepoint
 * of its own, so that an article the store refuses leaves the batch
 * whole; it is indexed at store_commit() with the rest of the batch.
 * Alone, it gets a transaction of its own so that no article is ever
 * stored without its index.
 */
int
store_add(struct store *s, struct article *a, const char *path, int64_t *id)
{
	int own = sqlite3_get_autocommit(s->db), rc;

	if (own) {
		if (store_begin(s) < 0)
			return -1;
		rc = add_row(s, a, path, id);
		if (rc < 0 || store_commit(s) < 0) {
			int refused = rc < 0 && article_fault(s);
			char *msg = xstrdup(store_errmsg(s));

			store_rollback(s);
			set_err(s, "%s", msg);	/* not the rollback's */
			free(msg);
			return refused ? STORE_REFUSED : -1;
		}
		return rc;
	}
	if (exec_kept(s, "SAVEPOINT article") < 0)
		return -1;
	rc = add_row(s, a, path, id);
	if (rc >= 0)
		return exec_kept(s, "RELEASE article") < 0 ? -1 : rc;
	if (!article_fault(s))
		return -1;
	set_err(s, "%s", sqlite3_errmsg(s->db));
	if (exec_kept(s, "ROLLBACK TO article") < 0 || exec_kept(s, "RELEASE article") < 0)
		return -1;
	return STORE_REFUSED;
}

/* The columns store_replace() compares, as the row has them. */
struct old_row {
	char *col[5];		/* title, body, captions, author, source (texts) */
	char *published, *published_prec, *crawled, *crawled_prec;
	unsigned char hash[ARTICLE_HASH_LEN];
	int has_original;
};

static void
old_row_free(struct old_row *o)
{
	for (int c = 0; c < 5; c++)
		free(o->col[c]);
	free(o->published);
	free(o->published_prec);
	free(o->crawled);
	free(o->crawled_prec);
}

static char *
col_dup(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? NULL : xstrdup(store_col(st, i));
}

/* Article id's row as store_replace() needs it: 1, 0 when there is none,
 * -1 on error. */
static int
old_row_read(struct store *s, int64_t id, struct old_row *o)
{
	sqlite3_stmt *st = store_stmt(s,
	    "SELECT title, luot_unzip(body), luot_unzip(captions), author, source, published,"
	    " published_prec, crawled, crawled_prec, hash, original IS NOT NULL"
	    " FROM article WHERE id = ?1");
	int rc;

	memset(o, 0, sizeof *o);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		for (int c = 0; c < 5; c++)
			o->col[c] = col_dup(st, c);
		o->published = col_dup(st, 5);
		o->published_prec = col_dup(st, 6);
		o->crawled = col_dup(st, 7);
		o->crawled_prec = col_dup(st, 8);
		if (sqlite3_column_bytes(st, 9) == ARTICLE_HASH_LEN)
			memcpy(o->hash, sqlite3_column_blob(st, 9), ARTICLE_HASH_LEN);
		o->has_original = sqlite3_column_int(st, 10);
	}
	store_stmt_done(s, st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_db_fail(s);
	return rc == SQLITE_ROW;
}

/* NULL and "" are the same, as bind_text() stores them. */
static int
same_text(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

/* Move the reading state (read, position, bookmark, note, tags) kept
 * under the old content hash to the new one; the article's own state
 * wins over any left under the new hash. */
static int
move_state(struct store *s, const unsigned char *from, const unsigned char *to)
{
	static const char *const sql[] = {
		"DELETE FROM state WHERE hash = ?2 AND EXISTS (SELECT 1 FROM state WHERE hash = ?1)",
		"UPDATE state SET hash = ?2 WHERE hash = ?1",
		"INSERT OR IGNORE INTO state_tag (hash, tag) SELECT ?2, tag FROM state_tag WHERE hash = ?1",
		"DELETE FROM state_tag WHERE hash = ?1",
	};

	for (size_t k = 0; k < sizeof sql / sizeof sql[0]; k++) {
		sqlite3_stmt *st = store_stmt(s, sql[k]);
		int rc;

		if (st == NULL)
			return -1;
		sqlite3_bind_blob(st, 1, from, ARTICLE_HASH_LEN, SQLITE_STATIC);
		sqlite3_bind_blob(st, 2, to, ARTICLE_HASH_LEN, SQLITE_STATIC);
		rc = sqlite3_step(st);
		store_stmt_done(s, st);
		if (rc != SQLITE_DONE)
			return store_db_fail(s);
	}
	return 0;
}

/* Write a's fields over article id's row (under a savepoint). */
static int
replace_row(struct store *s, int64_t id, struct article *a)
{
	char pub[DATE_ISO_MAX], crawl[DATE_ISO_MAX];
	sqlite3_stmt *st = store_stmt(s,
	    "UPDATE article SET hash = ?1, title = ?2, author = ?3, source = ?4, published = ?5,"
	    " published_prec = ?6, crawled = ?7, crawled_prec = ?8, body = ?9, captions = ?10,"
	    " words = ?11, original = coalesce(?12, original) WHERE id = ?13");
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_blob(st, 1, a->hash, ARTICLE_HASH_LEN, SQLITE_STATIC);
	bind_text(st, 2, a->title);
	bind_text(st, 3, a->author);
	bind_text(st, 4, a->source);
	bind_date(st, 5, &a->published, pub);
	bind_date(st, 7, &a->crawled, crawl);
	sqlite3_bind_blob(st, 9, a->zbody.data, (int)a->zbody.len, SQLITE_STATIC);
	sqlite3_bind_blob(st, 10, a->zcaptions.data, (int)a->zcaptions.len, SQLITE_STATIC);
	sqlite3_bind_int64(st, 11, (sqlite3_int64)a->words);
	if (a->zoriginal.len > 0)
		sqlite3_bind_blob(st, 12, a->zoriginal.data, (int)a->zoriginal.len, SQLITE_STATIC);
	sqlite3_bind_int64(st, 13, id);
	rc = sqlite3_step(st);
	store_stmt_done(s, st);
	return rc == SQLITE_DONE ? 0 : store_db_fail(s);
}

int
store_replace(struct store *s, int64_t id, struct article *a)
{
	struct old_row o;
	char pub[DATE_ISO_MAX], crawl[DATE_ISO_MAX];
	const char *now[5];
	int rc, reindex = 0, changed;

	if (sqlite3_get_autocommit(s->db)) {
		/* Alone: a transaction of its own, indexed at its commit. */
		if (store_begin(s) < 0)
			return -1;
		rc = store_replace(s, id, a);
		if (rc < 0 || store_commit(s) < 0) {
			char *msg = xstrdup(store_errmsg(s));

			store_rollback(s);
			set_err(s, "%s", msg);
			free(msg);
			return rc == STORE_REFUSED ? rc : -1;
		}
		return rc;
	}
	if (!a->packed)
		article_pack(a);
	if ((rc = old_row_read(s, id, &o)) <= 0)
		return rc;
	now[0] = a->title;
	now[1] = a->body;
	now[2] = a->captions_text;
	now[3] = a->author;
	now[4] = a->source;
	for (int c = 0; c < 5; c++)
		reindex |= !same_text(o.col[c], now[c]);
	date_iso(&a->published, pub);
	date_iso(&a->crawled, crawl);
	changed = reindex || !same_text(o.published, pub) || !same_text(o.crawled, crawl) ||
	    !same_text(o.published_prec, date_prec_name(a->published.prec)) ||
	    !same_text(o.crawled_prec, date_prec_name(a->crawled.prec)) ||
	    (!o.has_original && a->zoriginal.len > 0);
	if (!changed) {
		old_row_free(&o);
		return 0;
	}
	if (exec_kept(s, "SAVEPOINT article") < 0) {
		old_row_free(&o);
		return -1;
	}
	rc = replace_row(s, id, a);
	if (rc == 0 && memcmp(o.hash, a->hash, ARTICLE_HASH_LEN) != 0)
		rc = move_state(s, o.hash, a->hash);
	if (rc < 0) {
		int refused = article_fault(s);

		if (refused)
			set_err(s, "%s", sqlite3_errmsg(s->db));
		old_row_free(&o);
		if (!refused || exec_kept(s, "ROLLBACK TO article") < 0 ||
		    exec_kept(s, "RELEASE article") < 0)
			return -1;
		return STORE_REFUSED;
	}
	if (exec_kept(s, "RELEASE article") < 0) {
		old_row_free(&o);
		return -1;
	}
	if (reindex) {
		pending_del(s, id, o.col);
		pending_add(s, a, id);
	}
	old_row_free(&o);
	return 1;
}

void
store_page_free(struct store_page *p)
{
	free(p->path);
	free(p->original);
	memset(p, 0, sizeof *p);
}

int
store_pages(struct store *s, int64_t after, int limit, struct store_page **out, size_t *n)
{
	sqlite3_stmt *st = store_stmt(s,
	    "SELECT id, path, original, luot_unzip(body) FROM article WHERE id > ?1"
	    " ORDER BY id LIMIT ?2");
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, after);
	sqlite3_bind_int(st, 2, limit);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct store_page *p;

		if (*n == cap) {
			cap = cap ? 2 * cap : 64;
			*out = xrealloc(*out, cap * sizeof **out);
		}
		p = &(*out)[(*n)++];
		p->id = sqlite3_column_int64(st, 0);
		p->path = xstrdup(store_col(st, 1));
		p->original = NULL;
		p->corrupt = 0;
		if (sqlite3_column_type(st, 2) == SQLITE_BLOB) {
			/* The body is the original's dictionary (article_pack). */
			const char *body = store_col(st, 3);

			p->original = article_unpack_original(sqlite3_column_blob(st, 2),
			    (size_t)sqlite3_column_bytes(st, 2), body);
			p->corrupt = p->original == NULL;
		}
	}
	store_stmt_done(s, st);
	if (rc != SQLITE_DONE) {
		for (size_t i = 0; i < *n; i++)
			store_page_free(&(*out)[i]);
		free(*out);
		*out = NULL;
		*n = 0;
		return store_db_fail(s);
	}
	return 0;
}

const char *
store_col(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

void
store_fill_item(sqlite3_stmt *st, struct store_item *it)
{
	memset(it, 0, sizeof *it);
	it->id = sqlite3_column_int64(st, 0);
	it->title = store_col(st, 1);
	it->published = store_col(st, 2);
	it->crawled = store_col(st, 3);
	it->author = store_col(st, 4);
	it->source = store_col(st, 5);
	it->path = store_col(st, 6);
	it->words = sqlite3_column_int64(st, 7);
	it->unread = sqlite3_column_int(st, 8);
	it->bookmarked = sqlite3_column_int(st, 9);
	it->position = sqlite3_column_int64(st, 10);
}

int
store_hashes(struct store *s, unsigned char **out, size_t *n)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	/* The unique index gives them in memcmp order. */
	if (sqlite3_prepare_v2(s->db, "SELECT hash FROM article ORDER BY hash", -1, &st, NULL)
	    != SQLITE_OK)
		return store_db_fail(s);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (sqlite3_column_bytes(st, 0) != ARTICLE_HASH_LEN)
			continue;
		if (*n == cap) {
			cap = cap ? cap * 2 : 1024;
			*out = xrealloc(*out, cap * ARTICLE_HASH_LEN);
		}
		memcpy(*out + *n * ARTICLE_HASH_LEN, sqlite3_column_blob(st, 0), ARTICLE_HASH_LEN);
		(*n)++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(*out);
		*out = NULL;
		*n = 0;
		return store_db_fail(s);
	}
	return 0;
}

int
store_find_hash(struct store *s, const unsigned char *hash, int64_t *id, char **path)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT id, path FROM article WHERE hash = ?1");
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_blob(st, 1, hash, ARTICLE_HASH_LEN, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		*path = xstrdup(store_col(st, 1));
	}
	store_stmt_done(s, st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_db_fail(s);
	return rc == SQLITE_ROW;
}

/* store_list() is a search without words: its callback takes no snippet. */
struct list_adapter {
	store_item_fn fn;
	void *ctx;
};

static int
list_hit(const struct store_item *it, const char *snippet, void *vctx)
{
	struct list_adapter *l = vctx;

	(void)snippet;
	return l->fn(it, l->ctx);
}

int
store_list(struct store *s, long limit, store_item_fn fn, void *ctx)
{
	struct list_adapter l = { fn, ctx };
	struct query q;

	memset(&q, 0, sizeof q);
	return store_search(s, &q, STORE_SORT_DATE, limit, list_hit, &l, NULL);
}

int
store_show(struct store *s, int64_t id, store_item_fn fn, void *ctx)
{
	sqlite3_stmt *st;
	int rc, found = 0;

	if (sqlite3_prepare_v2(s->db,
		"SELECT " ITEM_COLUMNS ", luot_unzip(a.body), luot_unzip(a.captions)"
		" FROM article a WHERE a.id = ?1",
		-1, &st, NULL) != SQLITE_OK)
		return store_db_fail(s);
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		struct store_item it;

		store_fill_item(st, &it);
		it.body = store_col(st, ITEM_NCOLS);
		it.captions = store_col(st, ITEM_NCOLS + 1);
		if (fn != NULL)
			fn(&it, ctx);
		found = 1;
		rc = SQLITE_DONE;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_db_fail(s);
	return found;
}

int
store_stats(struct store *s, struct store_stats *out)
{
	sqlite3_stmt *st;
	int rc;

	memset(out, 0, sizeof *out);
	if (sqlite3_prepare_v2(s->db,
		"SELECT count(*), total(words), count(DISTINCT source), count(published),"
		" min(published), max(published) FROM article",
		-1, &st, NULL) != SQLITE_OK)
		return store_db_fail(s);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->articles = sqlite3_column_int64(st, 0);
		out->words = sqlite3_column_int64(st, 1);
		out->sources = sqlite3_column_int64(st, 2);
		out->dated = sqlite3_column_int64(st, 3);
		if (store_col(st, 4) != NULL)
			snprintf(out->first, sizeof out->first, "%s", store_col(st, 4));
		if (store_col(st, 5) != NULL)
			snprintf(out->last, sizeof out->last, "%s", store_col(st, 5));
		rc = SQLITE_DONE;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_db_fail(s);
	out->version = store_version(s);
	return 0;
}

int
store_delete(struct store *s, int64_t id)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(s->db, "DELETE FROM article WHERE id = ?1", -1, &st, NULL) != SQLITE_OK)
		return store_db_fail(s);
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_db_fail(s);
	return sqlite3_changes(s->db) > 0;
}

/*
 * The rank function: bm25 that weighs a common word without reading all
 * its documents (rank.c), given the largest rowid, and the column weights:
 * title, body, captions, author, source.
 */
#define RANK_FN "luot_rank(%lld, 10.0, 1.0, 1.0, 3.0, 3.0)"


enum search_mode { SEARCH_ROWS, SEARCH_COUNT };

/* Matches marked \x01...\x02, about 24 words around the best one. */
#define SNIPPET "snippet(article_fts, -1, char(1), char(2), '\xe2\x80\xa6', 24)"

/* How a search statement finds its rows. */
enum search_plan {
	PLAN_INDEX,		/* the full-text index leads */
	PLAN_DATES,		/* the date index leads (many hits, newest first) */
};

/*
 * The SQL of a search with numbered parameters: ?1 the FTS5 expression,
 * ?2 after, ?3 before, ?4 on, ?5 exclusion, ?6 limit, ?7 lowest rowid,
 * ?8 the rank function, ?9 a tag. Only the parameters it uses are in it.
 */
static char *
search_sql(const struct query *q, enum store_sort sort, enum search_mode mode, int floor,
    int walk_dates)
{
	struct buf b;
	int fts = q->match != NULL;

	buf_init(&b);
	if (mode == SEARCH_COUNT)
		/* Up to ?6 hits: a common word's whole posting list can take a
		 * second to read at a million articles. */
		buf_adds(&b, "SELECT count(*) FROM (SELECT 1 FROM ");
	else if (fts)
		buf_adds(&b, "SELECT " ITEM_COLUMNS ", " SNIPPET " FROM ");
	else
		buf_adds(&b, "SELECT " ITEM_COLUMNS ", NULL FROM ");
	if (fts && walk_dates)
		/* Many hits, newest first: walk the date index and keep the
		 * hits, which come soon. */
		buf_adds(&b, "article a CROSS JOIN article_fts ON article_fts.rowid = a.id"
		    " WHERE article_fts MATCH ?1");
	else if (fts)
		buf_adds(&b, "article_fts JOIN article a ON a.id = article_fts.rowid"
		    " WHERE article_fts MATCH ?1");
	else
		buf_adds(&b, "article a WHERE 1");
	if (fts && sort == STORE_SORT_RANK && mode == SEARCH_ROWS)
		buf_adds(&b, " AND article_fts.rank MATCH ?8");
	if (floor)
		buf_adds(&b, " AND article_fts.rowid >= ?7");
	if (q->after)
		buf_adds(&b, " AND a.published >= ?2");
	if (q->before)
		buf_adds(&b, " AND a.published < ?3");
	if (q->on)
		buf_adds(&b, " AND a.published >= ?4 AND a.published < ?4 || char(127)");
	if (q->bookmarked)
		buf_adds(&b, " AND " SQL_BOOKMARKED);
	if (q->unread)
		buf_adds(&b, " AND " SQL_UNREAD);
	if (q->tag)
		buf_adds(&b, " AND EXISTS (SELECT 1 FROM state_tag t JOIN state s ON s.hash = t.hash"
		    " WHERE t.hash = a.hash AND t.tag = ?9 AND s.bookmarked IS NOT NULL)");
	if (q->exclude)
		buf_adds(&b, " AND a.id NOT IN (SELECT rowid FROM article_fts"
		    " WHERE article_fts MATCH ?5)");
	if (mode == SEARCH_COUNT) {
		buf_adds(&b, " LIMIT ?6)");
		return buf_detach(&b);
	}
	if (fts && sort == STORE_SORT_RANK)
		/* FTS5 sorts by rank itself, so snippets are made for the
		 * rows returned only, not for every hit. */
		buf_adds(&b, " ORDER BY article_fts.rank");
	else if (fts && sort == STORE_SORT_RECENT)
		buf_adds(&b, " ORDER BY article_fts.rowid DESC");
	else
		/* NULL sorts lowest: undated articles come last, and the
		 * (published, id) index serves the order. */
		buf_adds(&b, " ORDER BY a.published DESC, a.id DESC");
	buf_adds(&b, " LIMIT ?6");
	return buf_detach(&b);
}

/* The largest article id, or 0. */
static int64_t
last_id(struct store *s)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT max(id) FROM article");
	int64_t id = 0;

	if (st == NULL)
		return 0;
	if (sqlite3_step(st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	store_stmt_done(s, st);
	return id;
}

static void
bind_search(struct store *s, sqlite3_stmt *st, const struct query *q, const char *expr,
    long limit, int64_t floor)
{
	int n = sqlite3_bind_parameter_count(st);

	bind_text(st, 1, expr);
	bind_text(st, 2, q->after);
	bind_text(st, 3, q->before);
	bind_text(st, 4, q->on);
	bind_text(st, 5, q->exclude);
	if (n >= 6)
		sqlite3_bind_int64(st, 6, limit);
	if (n >= 7)
		sqlite3_bind_int64(st, 7, floor);
	if (n >= 8) {
		char rank[sizeof RANK_FN + 24];

		snprintf(rank, sizeof rank, RANK_FN, (long long)last_id(s));
		sqlite3_bind_text(st, 8, rank, -1, SQLITE_TRANSIENT);
	}
	if (n >= 9)
		sqlite3_bind_text(st, 9, q->tag, -1, SQLITE_STATIC);
}

/*
 * The rowid of the window-th most recently imported hit of expr, in
 * *floor: 1 when there are that many hits, 0 when fewer, -1 on error.
 * It reads window entries of the index at most.
 */
static int
window_floor(struct store *s, const char *expr, long window, int64_t *floor)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT rowid FROM article_fts WHERE article_fts MATCH ?1"
	    " ORDER BY rowid DESC LIMIT 1 OFFSET ?2");
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, expr, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, window - 1);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*floor = sqlite3_column_int64(st, 0);
	store_stmt_done(s, st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_db_fail(s);
	return rc == SQLITE_ROW;
}

/* The expression that finds the same hits as q->match most cheaply. */
static const char *
hits_expr(const struct query *q)
{
	return q->all_words ? q->all_words : q->match;
}

/* Ids already given, so that tiers do not repeat a hit. */
struct seen_ids {
	int64_t *v;
	size_t n;
};

struct tier_ctx {
	store_hit_fn fn;
	void *ctx;
	struct seen_ids *seen;
	long left;		/* hits still wanted */
	int stop;		/* fn asked to stop */
};

static int
tier_hit(const struct store_item *it, const char *snippet, void *vctx)
{
	struct tier_ctx *t = vctx;

	for (size_t i = 0; i < t->seen->n; i++) {
		if (t->seen->v[i] == it->id)
			return 0;
	}
	t->seen->v = xrealloc(t->seen->v, (t->seen->n + 1) * sizeof *t->seen->v);
	t->seen->v[t->seen->n++] = it->id;
	t->left--;
	if (t->fn(it, snippet, t->ctx) != 0) {
		t->stop = 1;
		return 1;
	}
	return t->left <= 0;
}

/* The statement of sql (freed here) with the query's values bound, to be
 * given back with store_stmt_done(); NULL on error. */
static sqlite3_stmt *
prepare_search(struct store *s, char *sql, const struct query *q, const char *expr,
    long limit, int64_t floor)
{
	sqlite3_stmt *st = store_stmt(s, sql);

	free(sql);
	if (st != NULL)
		bind_search(s, st, q, expr, limit, floor);
	return st;
}

/* Run one search statement, calling fn for each row until it says stop. */
static int
run_search(struct store *s, const struct query *q, const char *expr, enum store_sort sort,
    enum search_plan plan, long limit, int64_t floor, store_hit_fn fn, void *ctx)
{
	sqlite3_stmt *st = prepare_search(s, search_sql(q, sort, SEARCH_ROWS, floor > 0,
	    plan == PLAN_DATES), q, expr, limit, floor);
	int rc;

	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct store_item it;

		store_fill_item(st, &it);
		if (fn(&it, store_col(st, ITEM_NCOLS), ctx) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	store_stmt_done(s, st);
	if (rc != SQLITE_DONE)
		return store_db_fail(s);
	return 0;
}

/*
 * Ranked search over many hits: the title tier, the phrase tier, then the
 * window of recent hits, each ranked within itself.
 */
static int
ranked_tiers(struct store *s, const struct query *q, long limit, int64_t floor,
    store_hit_fn fn, void *ctx, struct store_search_info *info)
{
	const char *tiers[3] = { q->title_match, q->phrase, q->match };
	struct seen_ids seen = { NULL, 0 };
	struct tier_ctx t = { fn, ctx, &seen, limit < 0 ? s->rank_window : limit, 0 };
	int64_t wide = 0;
	int rc = 0;

	if (info != NULL) {
		info->partial = 1;
		info->window = s->rank_window;
	}
	/* Title and phrase hits are looked for among the TIER_SPAN times
	 * more recent hits: a column filter or a phrase over every hit of a
	 * common word reads its whole posting list. */
	if ((tiers[0] || tiers[1]) &&
	    window_floor(s, hits_expr(q), s->rank_window * TIER_SPAN, &wide) < 0)
		return -1;
	for (int k = 0; k < 3 && rc == 0 && t.left > 0 && !t.stop; k++) {
		if (tiers[k] == NULL)
			continue;
		/* Rows already given by an earlier tier come again. */
		rc = run_search(s, q, tiers[k], STORE_SORT_RANK, PLAN_INDEX,
		    t.left + (long)seen.n, k < 2 ? wide : floor, tier_hit, &t);
	}
	free(seen.v);
	return rc;
}

/* Most terms a prefix is replaced by; past that FTS5 merges them. */
#define PREFIX_TERMS 64

static int
first_form(const struct tok_word *w, void *ctx)
{
	struct buf *b = ctx;
	const char *form;
	size_t n = tok_query_form(w, 1, &form);

	buf_add(b, form, n);
	return 1;
}

static int
is_ascii(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if ((unsigned char)s[i] >= 0x80)
			return 0;
	}
	return 1;
}

static int
note_folded(const struct tok_word *w, void *ctx)
{
	const char *t = ctx;

	return w->start == 0 && w->end == strlen(t) && !w->diacritics &&
	    w->nfolded == w->end && memcmp(w->folded, t, w->nfolded) == 0 ? 1 : 2;
}

/* Is the term t a folded form (tokenize.h), not an exact one? */
static int
term_is_folded(const char *t)
{
	for (const char *c = t; *c; c++) {
		if (*c >= 'A' && *c <= 'Z')	/* a tone letter */
			return 0;
	}
	return tok_split(t, strlen(t), note_folded, (void *)t) == 1;
}

/*
 * query_expand_fn: the terms of the index the prefix word covers, as a
 * group. An ASCII prefix needs only the folded terms: each exact term it
 * covers stands at the same place as a folded one it covers too.
 */
static char *
expand_prefix(const char *word, void *vs)
{
	struct store *s = vs;
	struct buf lo, g;
	sqlite3_stmt *st;
	int rc, rows = 0, kept = 0, ascii;

	buf_init(&lo);
	tok_split(word, strlen(word), first_form, &lo);
	if (lo.len == 0 || (unsigned char)lo.data[lo.len - 1] == 0xFF ||
	    (st = store_stmt(s, "SELECT t FROM term WHERE t >= ?1 AND t < ?2 LIMIT ?3")) == NULL) {
		buf_free(&lo);
		return NULL;
	}
	ascii = is_ascii(lo.data, lo.len);
	sqlite3_bind_text(st, 1, lo.data, (int)lo.len, SQLITE_TRANSIENT);
	lo.data[lo.len - 1]++;	/* the first string past the prefix */
	sqlite3_bind_text(st, 2, lo.data, (int)lo.len, SQLITE_TRANSIENT);
	lo.data[lo.len - 1]--;
	sqlite3_bind_int(st, 3, PREFIX_TERMS + 1);
	buf_init(&g);
	buf_adds(&g, TOK_GROUP_MARK);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(st, 0);

		rows++;
		if (t == NULL || (ascii && !term_is_folded(t)))
			continue;
		if (kept++ > 0)
			buf_adds(&g, TOK_GROUP_SEP);
		buf_adds(&g, t);
	}
	store_stmt_done(s, st);
	if (rc != SQLITE_DONE || rows > PREFIX_TERMS) {
		buf_free(&lo);
		buf_free(&g);
		return NULL;
	}
	if (kept == 0)		/* no term: the prefix itself, which finds nothing */
		buf_add(&g, lo.data, lo.len);
	buf_free(&lo);
	return buf_detach(&g);
}

void
store_parse_query(struct store *s, const char *text, struct query *q)
{
	query_parse_with(text, q, expand_prefix, s);
}

int
store_search(struct store *s, const struct query *q, enum store_sort sort, long limit,
    store_hit_fn fn, void *ctx, struct store_search_info *info)
{
	int64_t floor;
	int cut;

	if (info != NULL)
		memset(info, 0, sizeof *info);
	if (q->match == NULL)
		return run_search(s, q, NULL, sort == STORE_SORT_RECENT ? STORE_SORT_DATE : sort,
		    PLAN_INDEX, limit, 0, fn, ctx);
	if (sort == STORE_SORT_RECENT)
		/* The words without the phrase alternative: no positions to
		 * check for the order, only for the snippets shown. */
		return run_search(s, q, hits_expr(q), sort, PLAN_INDEX, limit, 0, fn, ctx);
	if (s->rank_window == 0)
		return run_search(s, q, q->match, sort, PLAN_INDEX, limit, 0, fn, ctx);
	if ((cut = window_floor(s, hits_expr(q), s->rank_window, &floor)) < 0)
		return -1;
	if (!cut)	/* few hits: rank or sort them all */
		return run_search(s, q, q->match, sort, PLAN_INDEX, limit, 0, fn, ctx);
	/* Many hits in a date range, or among bookmarks: walked newest
	 * first (the window of recent imports may hold none of them). */
	if (sort == STORE_SORT_DATE || q->after || q->before || q->on || q->bookmarked || q->tag) {
		if (info != NULL && sort == STORE_SORT_RANK)
			info->partial = 1;	/* window 0: by date */
		return run_search(s, q, q->match, STORE_SORT_DATE, PLAN_DATES, limit, 0, fn, ctx);
	}
	return ranked_tiers(s, q, limit, floor, fn, ctx, info);
}

int
store_search_count(struct store *s, const struct query *q, long cap, int64_t *n)
{
	sqlite3_stmt *st = prepare_search(s, search_sql(q, STORE_SORT_RANK, SEARCH_COUNT, 0, 0),
	    q, q->match, cap, 0);
	int rc;

	*n = 0;
	if (st == NULL)
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*n = sqlite3_column_int64(st, 0);
		rc = SQLITE_DONE;
	}
	store_stmt_done(s, st);
	if (rc != SQLITE_DONE)
		return store_db_fail(s);
	return 0;
}
