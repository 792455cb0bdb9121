-- A database as luot 0.1 schema version 1 left it, for the migration test.
CREATE TABLE article (
  id INTEGER PRIMARY KEY,
  hash BLOB NOT NULL UNIQUE,
  title TEXT NOT NULL,
  author TEXT,
  source TEXT,
  published TEXT,
  published_prec TEXT CHECK (published_prec IN ('day', 'minute')),
  crawled TEXT,
  crawled_prec TEXT CHECK (crawled_prec IN ('day', 'minute')),
  path TEXT NOT NULL,
  imported TEXT NOT NULL,
  body TEXT NOT NULL,
  captions TEXT NOT NULL DEFAULT '',
  words INTEGER NOT NULL
);
CREATE INDEX article_by_published ON article (published, id);
INSERT INTO article (hash, title, published, published_prec, path, imported, body, words)
VALUES (x'00aa', 'Bài cũ từ phiên bản trước', '2019-01-19', 'day', 'old.txt',
        '2020-01-01T00:00:00Z', 'Đoạn một.
Đoạn hai.', 4);
PRAGMA user_version = 1;
