/*
 * store-schema.c: the schema and the migrations that make it.
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
 *     source with the "luot" tokenizer (fts.h), external content on
 *     article (the text is not stored twice), kept in step by triggers;
 *     existing articles are indexed by the migration.
 *  4  body and captions stored compressed (zip.h: a zlib stream in a
 *     BLOB); the view article_text shows them as text and is the FTS5
 *     content table. Less than half the bytes on disk for the text.
 *  5  term: every term of the index, for prefixes (fts.h).
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
 * 10  article.original: the page an article was extracted from.
 * 11  id_block: for each block of 4096 article ids (id >> 12), the
 *     newest and oldest published date in it (NULL: none dated), bounds
 *     that only widen (store_index_pending); newest-first searches walk
 *     the blocks (store-dates.c; superseded by 12).
 * 12  article.fts_key, a virtual column, is each article's rowid in
 *     article_fts: ordered by date, then id (store-int.h). key_count:
 *     the articles in each block of 2^50 keys (about 11 days), kept by
 *     triggers, tells ranking how the dates spread (rank.c).
 * 13  term.n: how many articles hold the term, counted by whoever writes
 *     the index (fts.h); a prefix over many terms becomes its most
 *     frequent ones (store-search.c).
 * 14  article_date_of_hash: the date of each content hash, so that the
 *     index keys of articles with a reading state (state is keyed by
 *     hash) are made without reading an article row each (SQL_KEYS_OF;
 *     SQLite 3.40 reads the row for a virtual column even where an index
 *     holds it).
 * 15  marked_fts: a second FTS5 index, as article_fts (same content
 *     table, keys and tokenizer) but of the bookmarked articles only,
 *     kept by triggers on state and article: is:bookmarked and tag:
 *     search it, and read as many index entries as there are bookmarks,
 *     not as there are articles (at 1M articles and 1,000 bookmarks a
 *     common word's newest bookmarked hits were 100-270 ms away in the
 *     whole index).
 * 16  article.url, where the article was published (url.h; the page's
 *     canonical address when it names one), unique: an article met again
 *     at the same address is a duplicate, as one with the same text is.
 *     article.site, the URL's host as url_site() makes it, for site:
 *     (indexed with the date, for newest first).
 * 17  feed: the feeds subscribed to (feed.h), one row a feed URL, with
 *     what fetching them needs (etag, last_modified, when to try again)
 *     and what it found (status, error); article.feed_id, the feed an
 *     article came from (NULL for imported files).
 * 18  article.link (the address a feed entry was fetched at), article.links.
 * 19  saved: searches saved by name.
 * 20  stories (store-story.c): story_sig, each article's near-duplicate
 *     signature (story.h, packed) and its day (story_day; NULL undated),
 *     what comparing it needs without reading the article; story_band, its LSH band keys, to find
 *     its likes; article.story, the id of its story's head (NULL alone);
 *     story_copy, the members that are not heads; setting, name/value
 *     pairs of the store's own (story-likeness). Articles imported
 *     before have no signature until luot regroup.
 */
#include "config.h"

#include <stdio.h>

#include <sqlite3.h>

#include "i18n.h"
#include "store-int.h"
#include "util.h"

/* What an index of article_text (article_fts, marked_fts) gets for the
 * article row r: its key and texts. */
#define INDEX_VALUES(r) r ".fts_key, " r ".title, luot_unzip(" r ".body), luot_unzip(" \
	r ".captions), " r ".author, " r ".source"

/* Above this, a user_version was not written by luot (store_version). */
#define STORE_VERSION_MAX 1000

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
	/* Merge segments 16 at a time instead of 4: less index building
	 * time, the same query times (tests/bench/README.md). */
	"INSERT INTO article_fts (article_fts, rank) VALUES ('automerge', 16);"
	"INSERT INTO article_fts (article_fts) VALUES ('rebuild');",
	/* 5: the index's terms, for prefixes (fts.c); the triggers
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
	 * does the merges a slice at each commit. Together: a faster import
	 * that writes fewer bytes (tests/bench/README.md). */
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
	/* 11: the index's hits come in id order, a newest-first search
	 * wants them by date; these bounds tell which blocks of ids can
	 * hold the newest (store-dates.c). Read from the date index, not
	 * the rows. */
	"CREATE TABLE id_block (block INTEGER PRIMARY KEY, newest TEXT, oldest TEXT);"
	"INSERT INTO id_block (block, newest, oldest)"
	"  SELECT id >> 12, max(published), min(published)"
	"  FROM article INDEXED BY article_by_published GROUP BY id >> 12;",
	/* 12: the index's rows are in date order: an article's rowid in
	 * article_fts is its fts_key (store-int.h), the minute it was
	 * published above its id, and a newest-first search reads the
	 * index backwards (store-search.c) instead of walking id_block.
	 * fts_key is a virtual column: it costs its index only. The index
	 * is built again, under the new rowids. key_count counts the
	 * articles of each block of keys (fts_key >> 50, about 11 days),
	 * for ranking (rank.c), kept by triggers for every writer. */
	"DROP TABLE id_block;"
	"DROP TRIGGER article_fts_insert;"
	"DROP TRIGGER article_fts_delete;"
	"DROP TRIGGER article_fts_update;"
	"DROP TABLE article_fts;"
	"DROP VIEW article_text;"
	"ALTER TABLE article ADD COLUMN fts_key INTEGER GENERATED ALWAYS AS ("
	SQL_FTS_KEY("published", "id") ") VIRTUAL;"
	"CREATE UNIQUE INDEX article_by_key ON article (fts_key);"
	"CREATE VIEW article_text AS SELECT fts_key, id, title, luot_unzip(body) AS body,"
	"  luot_unzip(captions) AS captions, author, source FROM article;"
	"CREATE VIRTUAL TABLE article_fts USING fts5 ("
	"  title, body, captions, author, source,"
	"  content = 'article_text', content_rowid = 'fts_key', tokenize = 'luot'"
	");"
	"INSERT INTO article_fts (article_fts, rank) VALUES ('automerge', 16);"
	"INSERT INTO article_fts (article_fts, rank) VALUES ('hashsize', 16777216);"
	"INSERT INTO article_fts (article_fts, rank) VALUES ('crisismerge', 64);"
	"CREATE TABLE key_count (block INTEGER PRIMARY KEY, n INTEGER NOT NULL);"
	"INSERT INTO key_count (block, n)"
	"  SELECT fts_key >> 50, count(*) FROM article GROUP BY fts_key >> 50;"
	"CREATE TRIGGER article_fts_insert AFTER INSERT ON article"
	"  WHEN NOT luot_index_later() BEGIN"
	"  INSERT INTO article_fts (rowid, title, body, captions, author, source)"
	"  VALUES (" INDEX_VALUES("new") ");"
	"  SELECT luot_terms_flush();"
	"END;"
	"CREATE TRIGGER article_fts_delete AFTER DELETE ON article BEGIN"
	"  INSERT INTO article_fts (article_fts, rowid, title, body, captions, author, source)"
	"  VALUES ('delete', " INDEX_VALUES("old") ");"
	"END;"
	/* The store writes a replaced article's index itself (schema 10);
	 * a new date is a new rowid. */
	"CREATE TRIGGER article_fts_update"
	"  AFTER UPDATE OF title, body, captions, author, source, published ON article"
	"  WHEN NOT luot_index_later() BEGIN"
	"  INSERT INTO article_fts (article_fts, rowid, title, body, captions, author, source)"
	"  VALUES ('delete', " INDEX_VALUES("old") ");"
	"  INSERT INTO article_fts (rowid, title, body, captions, author, source)"
	"  VALUES (" INDEX_VALUES("new") ");"
	"  SELECT luot_terms_flush();"
	"END;"
	"CREATE TRIGGER key_count_insert AFTER INSERT ON article BEGIN"
	"  INSERT INTO key_count (block, n) VALUES (new.fts_key >> 50, 1)"
	"  ON CONFLICT (block) DO UPDATE SET n = n + 1;"
	"END;"
	"CREATE TRIGGER key_count_delete AFTER DELETE ON article BEGIN"
	"  UPDATE key_count SET n = n - 1 WHERE block = old.fts_key >> 50;"
	"END;"
	"CREATE TRIGGER key_count_update AFTER UPDATE OF published ON article"
	"  WHEN old.fts_key >> 50 != new.fts_key >> 50 BEGIN"
	"  UPDATE key_count SET n = n - 1 WHERE block = old.fts_key >> 50;"
	"  INSERT INTO key_count (block, n) VALUES (new.fts_key >> 50, 1)"
	"  ON CONFLICT (block) DO UPDATE SET n = n + 1;"
	"END;"
	"INSERT INTO article_fts (article_fts) VALUES ('rebuild');",
	/* 13: the terms again, from the index itself, with their articles;
	 * the triggers count what they write (fts.h). */
	"CREATE TABLE term_n (t TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;"
	"CREATE VIRTUAL TABLE temp.article_vocab USING fts5vocab (main, article_fts, row);"
	"INSERT INTO term_n (t, n) SELECT term, doc FROM temp.article_vocab;"
	"DROP TABLE temp.article_vocab;"
	"DROP TABLE term;"
	"ALTER TABLE term_n RENAME TO term;"
	"DROP TRIGGER article_fts_insert;"
	"DROP TRIGGER article_fts_delete;"
	"DROP TRIGGER article_fts_update;"
	"CREATE TRIGGER article_fts_insert AFTER INSERT ON article"
	"  WHEN NOT luot_index_later() BEGIN"
	"  SELECT luot_terms_doc(1);"
	"  INSERT INTO article_fts (rowid, title, body, captions, author, source)"
	"  VALUES (" INDEX_VALUES("new") ");"
	"  SELECT luot_terms_flush();"
	"END;"
	"CREATE TRIGGER article_fts_delete AFTER DELETE ON article BEGIN"
	"  SELECT luot_terms_doc(-1);"
	"  INSERT INTO article_fts (article_fts, rowid, title, body, captions, author, source)"
	"  VALUES ('delete', " INDEX_VALUES("old") ");"
	"  SELECT luot_terms_flush();"
	"END;"
	"CREATE TRIGGER article_fts_update"
	"  AFTER UPDATE OF title, body, captions, author, source, published ON article"
	"  WHEN NOT luot_index_later() BEGIN"
	"  SELECT luot_terms_doc(-1);"
	"  INSERT INTO article_fts (article_fts, rowid, title, body, captions, author, source)"
	"  VALUES ('delete', " INDEX_VALUES("old") ");"
	"  SELECT luot_terms_doc(1);"
	"  INSERT INTO article_fts (rowid, title, body, captions, author, source)"
	"  VALUES (" INDEX_VALUES("new") ");"
	"  SELECT luot_terms_flush();"
	"END;",
	/* 14 */
	"CREATE INDEX article_date_of_hash ON article (hash, published);",
	/* 15 */
	"CREATE VIRTUAL TABLE marked_fts USING fts5 ("
	"  title, body, captions, author, source,"
	"  content = 'article_text', content_rowid = 'fts_key', tokenize = 'luot'"
	");"
	"INSERT INTO marked_fts (rowid, title, body, captions, author, source)"
	"  SELECT " INDEX_VALUES("a") " FROM state s JOIN article a ON a.hash = s.hash"
	"  WHERE s.bookmarked IS NOT NULL;"
	/* A bookmark made, removed, or gone with its reading state. */
	"CREATE TRIGGER marked_fts_state_insert AFTER INSERT ON state"
	"  WHEN new.bookmarked IS NOT NULL BEGIN"
	"  INSERT INTO marked_fts (rowid, title, body, captions, author, source)"
	"  SELECT " INDEX_VALUES("a") " FROM article a WHERE a.hash = new.hash;"
	"END;"
	"CREATE TRIGGER marked_fts_state_mark AFTER UPDATE OF bookmarked ON state"
	"  WHEN old.bookmarked IS NULL AND new.bookmarked IS NOT NULL BEGIN"
	"  INSERT INTO marked_fts (rowid, title, body, captions, author, source)"
	"  SELECT " INDEX_VALUES("a") " FROM article a WHERE a.hash = new.hash;"
	"END;"
	"CREATE TRIGGER marked_fts_state_unmark AFTER UPDATE OF bookmarked ON state"
	"  WHEN old.bookmarked IS NOT NULL AND new.bookmarked IS NULL BEGIN"
	"  INSERT INTO marked_fts (marked_fts, rowid, title, body, captions, author, source)"
	"  SELECT 'delete', " INDEX_VALUES("a") " FROM article a WHERE a.hash = old.hash;"
	"END;"
	"CREATE TRIGGER marked_fts_state_delete AFTER DELETE ON state"
	"  WHEN old.bookmarked IS NOT NULL BEGIN"
	"  INSERT INTO marked_fts (marked_fts, rowid, title, body, captions, author, source)"
	"  SELECT 'delete', " INDEX_VALUES("a") " FROM article a WHERE a.hash = old.hash;"
	"END;"
	/* Reading state moved to a changed article's new content hash
	 * (store_replace). */
	"CREATE TRIGGER marked_fts_state_rehash AFTER UPDATE OF hash ON state"
	"  WHEN new.bookmarked IS NOT NULL BEGIN"
	"  INSERT INTO marked_fts (marked_fts, rowid, title, body, captions, author, source)"
	"  SELECT 'delete', " INDEX_VALUES("a") " FROM article a WHERE a.hash = old.hash;"
	"  INSERT INTO marked_fts (rowid, title, body, captions, author, source)"
	"  SELECT " INDEX_VALUES("a") " FROM article a WHERE a.hash = new.hash;"
	"END;"
	/* A bookmarked article imported again, deleted, or changed. */
	"CREATE TRIGGER marked_fts_article_insert AFTER INSERT ON article"
	"  WHEN EXISTS (SELECT 1 FROM state s WHERE s.hash = new.hash"
	"    AND s.bookmarked IS NOT NULL) BEGIN"
	"  INSERT INTO marked_fts (rowid, title, body, captions, author, source)"
	"  VALUES (" INDEX_VALUES("new") ");"
	"END;"
	"CREATE TRIGGER marked_fts_article_delete AFTER DELETE ON article"
	"  WHEN EXISTS (SELECT 1 FROM state s WHERE s.hash = old.hash"
	"    AND s.bookmarked IS NOT NULL) BEGIN"
	"  INSERT INTO marked_fts (marked_fts, rowid, title, body, captions, author, source)"
	"  VALUES ('delete', " INDEX_VALUES("old") ");"
	"END;"
	"CREATE TRIGGER marked_fts_article_update"
	"  AFTER UPDATE OF title, body, captions, author, source, published, hash ON article"
	"  BEGIN"
	"  INSERT INTO marked_fts (marked_fts, rowid, title, body, captions, author, source)"
	"  SELECT 'delete', " INDEX_VALUES("old") " WHERE EXISTS (SELECT 1 FROM state s"
	"    WHERE s.hash = old.hash AND s.bookmarked IS NOT NULL);"
	"  INSERT INTO marked_fts (rowid, title, body, captions, author, source)"
	"  SELECT " INDEX_VALUES("new") " WHERE EXISTS (SELECT 1 FROM state s"
	"    WHERE s.hash = new.hash AND s.bookmarked IS NOT NULL);"
	"END;",
	/* 16 */
	"ALTER TABLE article ADD COLUMN url TEXT;"
	"ALTER TABLE article ADD COLUMN site TEXT;"
	"CREATE UNIQUE INDEX article_by_url ON article (url) WHERE url IS NOT NULL;"
	"CREATE INDEX article_by_site ON article (site, published) WHERE site IS NOT NULL;",
	/* 17 */
	"CREATE TABLE feed ("
	"  id INTEGER PRIMARY KEY,"
	"  url TEXT NOT NULL UNIQUE,"
	"  title TEXT,"
	"  tag TEXT,"
	"  full_text INTEGER NOT NULL DEFAULT 1,"
	"  added TEXT NOT NULL,"
	"  etag TEXT,"
	"  last_modified TEXT,"
	"  fetched TEXT,"
	"  status TEXT,"
	"  error TEXT,"
	"  retry_after TEXT"
	");"
	"ALTER TABLE article ADD COLUMN feed_id INTEGER;"
	"CREATE INDEX article_by_feed ON article (feed_id) WHERE feed_id IS NOT NULL;",
	/* 18: the address a feed's entry was fetched at, when the page
	 * named another (its canonical URL), so that the next fetch knows
	 * the entry; the links of the body, "URL<TAB>text" lines. */
	"ALTER TABLE article ADD COLUMN link TEXT;"
	"CREATE INDEX article_by_link ON article (link) WHERE link IS NOT NULL;"
	"ALTER TABLE article ADD COLUMN links TEXT;",
	/* 19: searches saved by name (luot save, the sidebar). */
	"CREATE TABLE saved ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE,"
	"  query TEXT NOT NULL,"
	"  created TEXT NOT NULL"
	");",
	/* 20: stories (store-story.c). */
	"CREATE TABLE story_sig (article INTEGER PRIMARY KEY, day INTEGER, sig BLOB NOT NULL);"
	"CREATE TABLE story_band (key INTEGER NOT NULL, article INTEGER NOT NULL,"
	"  PRIMARY KEY (key, article)) WITHOUT ROWID;"
	"CREATE TABLE story_copy (article INTEGER PRIMARY KEY);"
	"ALTER TABLE article ADD COLUMN story INTEGER;"
	"CREATE INDEX article_by_story ON article (story) WHERE story IS NOT NULL;"
	"CREATE TABLE setting (name TEXT PRIMARY KEY, value) WITHOUT ROWID;",
	/* 21: the reading queue: an article's place in it, by its content
	 * hash as the rest of its reading state; a number, not a time, so
	 * that two added in one second keep their order. */
	"ALTER TABLE state ADD COLUMN queued INTEGER;"
	"CREATE INDEX state_by_queued ON state (queued) WHERE queued IS NOT NULL;",
};

int
store_version(struct store *s)
{
	int64_t v = -1;

	if (store_int_query(s, "PRAGMA user_version", &v) < 0)
		return -1;
	/* luot counts its schemas from 0 up; anything else was written by
	 * another program (or a damaged header). */
	if (v < 0 || v > STORE_VERSION_MAX) {
		store_set_err(s, _("%s: its schema version (PRAGMA user_version) is %lld, "
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
		if (store_exec(s, migrations[i]) < 0)
			return -1;
	}
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", STORE_VERSION);
	return store_exec(s, sql);
}

/* Whether schema v is one this luot can use or upgrade; else why not. */
static int
known_version(struct store *s, int v)
{
	if (v <= STORE_VERSION)
		return 1;
	store_set_err(s, _("%s has schema version %d, newer than this luot supports (%d); use a newer luot"),
	    s->path, v, STORE_VERSION);
	return 0;
}

int
store_migrate(struct store *s)
{
	int v = store_version(s);

	if (v < 0 || !known_version(s, v))
		return -1;
	if (v == STORE_VERSION)
		return 0;
	if (s->read_only) {
		store_set_err(s, _("%s: the database is read-only and needs an upgrade from schema %d to %d; "
		    "open it once where it can be written"), s->path, v, STORE_VERSION);
		return -1;
	}
	if (store_exec(s, "BEGIN IMMEDIATE") < 0)
		return -1;
	/* Read again under the write lock: another luot opening the same
	 * new file at the same moment may have made or upgraded it while
	 * this one waited for the lock. */
	if ((v = store_version(s)) < 0 || !known_version(s, v))
		goto fail;
	if (v == STORE_VERSION)
		return store_exec(s, "COMMIT");
	/* Indexing or compressing a big database takes a while: say why. */
	if (v > 0)
		warnx(_("upgrading %s from schema %d to %d, once"), s->path, v, STORE_VERSION);
	if (migrate_from(s, v) < 0 || store_exec(s, "COMMIT") < 0)
		goto fail;
	return 0;
fail:
	sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}
