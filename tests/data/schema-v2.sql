-- A database as luot schema version 2 left it (reading state and bookmarks), for the migration test.
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
INSERT INTO article (hash, title, published, published_prec, path, imported, body, words)
VALUES (x'00bb', 'Bài chưa đọc', '2019-02-01', 'day', 'new.txt',
        '2020-01-01T00:00:00Z', 'Một đoạn.', 2);
ALTER TABLE article ADD COLUMN read_at TEXT;
ALTER TABLE article ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
CREATE TABLE bookmark (
  article_id INTEGER PRIMARY KEY REFERENCES article (id) ON DELETE CASCADE,
  created TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT ''
);
CREATE TABLE tag (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);
CREATE TABLE bookmark_tag (
  article_id INTEGER NOT NULL REFERENCES bookmark (article_id) ON DELETE CASCADE,
  tag_id INTEGER NOT NULL REFERENCES tag (id) ON DELETE CASCADE,
  PRIMARY KEY (article_id, tag_id)
) WITHOUT ROWID;
UPDATE article SET read_at = '2020-02-02T10:00:00Z', position = 3 WHERE hash = x'00aa';
INSERT INTO bookmark (article_id, created, note)
  SELECT id, '2020-02-03T08:00:00Z', 'Ghi chú cũ' FROM article WHERE hash = x'00aa';
INSERT INTO tag (id, name) VALUES (1, 'lịch sử'), (2, 'cũ');
INSERT INTO bookmark_tag SELECT id, 1 FROM article WHERE hash = x'00aa';
INSERT INTO bookmark_tag SELECT id, 2 FROM article WHERE hash = x'00aa';
PRAGMA user_version = 2;
