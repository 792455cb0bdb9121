/*
 * fts.h: luot's words (tokenize.h) in SQLite's FTS5: the tokenizer
 * "luot", the table "term" of every indexed term (for prefixes), and the
 * SQL functions the schema's triggers call. With store*.c, the only code
 * that knows the schema; the loadable extension (fts-ext.c) brings it to
 * the sqlite3 shell.
 */
#ifndef LUOT_FTS_H
#define LUOT_FTS_H

struct sqlite3;

/*
 * Register the FTS5 tokenizer "luot" on db, the ranking function
 * luot_rank() (rank.h), and the SQL functions that keep the table "term"
 * (each term of the index and how many articles hold it): before each
 * article's texts go into the index or out of it, luot_terms_doc(1) or
 * luot_terms_doc(-1); after a batch of them, luot_terms_flush(), which
 * adds this connection's counts since the first luot_terms_doc() to the
 * table. Returns an SQLite result code.
 */
int fts_register(struct sqlite3 *db);
/* Whether db's inserts leave indexing to the inserter (1: the store) or
 * to the insert trigger (0, fts_register's default). Returns an SQLite
 * result code. */
int fts_index_later(struct sqlite3 *db, int later);

#endif
