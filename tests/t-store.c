/*
 * t-store.c: schema creation, add and dedupe, reopen, migration from an
 * older schema, refusal of a newer one, a locked database.
 */
#include "config.h"

#include <sys/stat.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>
#include <zlib.h>

#include "../src/query.h"
#include "../src/store.h"
#include "../src/store-int.h"
#include "../src/tokenize.h"
#include "../src/util.h"
#include "../src/zip.h"
#include "tap.h"

static char dir[] = "/tmp/t-store-XXXXXX";

static char *
db_path(const char *name)
{
	return xasprintf("%s/%s", dir, name);
}

static void
make_article(struct article *a, const char *title, const char *p1)
{
	article_init(a);
	a->title = xstrdup(title);
	a->published = (struct date){ 2018, 6, 27, 15, 31, DATE_MINUTE };
	strlist_push(&a->paras, xstrdup(p1));
	strlist_push(&a->paras, xstrdup("Đoạn thứ hai của bài."));
	strlist_push(&a->captions, xstrdup("Quang cảnh. Ảnh: Minh Anh"));
	a->words = 10;
}

struct seen {
	int n;
	char title[256];
	char published[32];
	char captions[256];
	char url[256];
};

static int
remember(const struct store_item *it, void *ctx)
{
	struct seen *s = ctx;

	s->n++;
	snprintf(s->title, sizeof s->title, "%s", it->title);
	snprintf(s->published, sizeof s->published, "%s", it->published ? it->published : "");
	snprintf(s->captions, sizeof s->captions, "%s", it->captions ? it->captions : "");
	snprintf(s->url, sizeof s->url, "%s", it->url ? it->url : "");
	return 0;
}

static void
test_new_and_reopen(void)
{
	char *path = db_path("new.db"), *err = NULL;
	struct store *s = store_open(path, &err);
	struct article a, b;
	struct seen seen = { 0 };
	int64_t id = 0;

	ok(s != NULL, "new database opens");
	is_int(store_version(s), STORE_VERSION, "schema at the current version");
	make_article(&a, "Giá lúa tăng", "Giá lúa hôm nay tăng mạnh.");
	make_article(&b, "Tiêu đề khác", "Giá lúa hôm nay tăng mạnh.");
	is_int(store_add(s, &a, "a.txt", &id), 1, "article added");
	ok(id > 0, "  id returned");
	is_int(store_add(s, &b, "b.txt", NULL), 0, "same body is a duplicate");
	store_close(s);
	article_free(&a);
	article_free(&b);
	{
		/* An article met again at its address, its text changed: a
		 * duplicate too (schema 16); another address is another. */
		struct article c;
		int64_t cid = 0;

		s = store_open(path, &err);
		make_article(&c, "Bão số 3", "Bão số 3 đổ bộ vào đất liền chiều nay.");
		c.url = xstrdup("https://www.baomoi.com/bao-so-3/c/1.epi");
		is_int(store_add(s, &c, "c.jsonl", &cid), 1, "an article with its URL added");
		is_int(store_show(s, cid, remember, &seen), 1, "  shown");
		is_str(seen.url, "https://www.baomoi.com/bao-so-3/c/1.epi", "  with its URL");
		article_free(&c);
		make_article(&c, "Bão số 3 (cập nhật)", "Bão số 3 đã đổ bộ vào đất liền chiều nay.");
		c.url = xstrdup("https://www.baomoi.com/bao-so-3/c/1.epi");
		is_int(store_add(s, &c, "c.jsonl", NULL), 0, "  the same URL again is a duplicate");
		free(c.url);
		c.url = xstrdup("https://www.baomoi.com/bao-so-3/c/2.epi");
		is_int(store_add(s, &c, "c.jsonl", NULL), 1, "  at another URL it is added");
		article_free(&c);
		store_close(s);
	}

	s = store_open(path, &err);
	ok(s != NULL, "reopens");
	is_int(store_show(s, id, remember, &seen), 1, "article still there");
	is_str(seen.title, "Giá lúa tăng", "  title kept");
	is_str(seen.published, "2018-06-27T15:31", "  date with minute precision");
	is_str(seen.captions, "Quang cảnh. Ảnh: Minh Anh", "  captions kept apart");
	is_int(store_show(s, id + 100, remember, &seen), 0, "missing id is not found");
	store_close(s);
	{
		sqlite3 *h;
		sqlite3_stmt *st;
		char type[16] = "";

		sqlite3_open(path, &h);
		sqlite3_prepare_v2(h, "SELECT typeof(body) FROM article LIMIT 1", -1, &st, NULL);
		if (sqlite3_step(st) == SQLITE_ROW)
			snprintf(type, sizeof type, "%s", (const char *)sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
		sqlite3_close(h);
		is_str(type, "blob", "body is stored compressed");
	}
	free(path);
}

static void
run_sql_file(const char *db, const char *file)
{
	FILE *f = fopen(file, "r");
	char sql[8192];
	size_t n;
	sqlite3 *h;

	if (f == NULL) {
		ok(0, "fixture readable");
		return;
	}
	n = fread(sql, 1, sizeof sql - 1, f);
	sql[n] = '\0';
	fclose(f);
	sqlite3_open(db, &h);
	ok(sqlite3_exec(h, sql, NULL, NULL, NULL) == SQLITE_OK, "old database built");
	sqlite3_close(h);
}

static void
test_migrate(void)
{
	const char *data = getenv("TESTDATA");
	char *path = db_path("old.db"), *fixture, *err = NULL;
	struct store *s;
	struct seen seen = { 0 };
	sqlite3 *h;
	sqlite3_stmt *st;

	fixture = xasprintf("%s/schema-v1.sql", data ? data : "tests/data");
	run_sql_file(path, fixture);
	s = store_open(path, &err);
	ok(s != NULL, "version 1 database opens");
	is_int(store_version(s), STORE_VERSION, "migrated to the current version");
	is_int(store_show(s, 1, remember, &seen), 1, "old article kept");
	is_str(seen.title, "Bài cũ từ phiên bản trước", "  its title");
	{
		struct query q;
		int64_t n = -1;

		query_parse("bai cu doan hai", &q);
		ok(store_search_count(s, &q, -1, &n) == 0 && n == 1, "old article indexed by the migration");
		query_free(&q);
		store_parse_query(s, "bai cu doan ha*", &q);
		ok(strstr(q.match, TOK_GROUP_MARK) != NULL && store_search_count(s, &q, -1, &n) == 0 &&
		    n == 1, "  and its terms listed, for prefixes");
		query_free(&q);
	}
	store_close(s);
	sqlite3_open(path, &h);
	ok(sqlite3_prepare_v2(h, "SELECT hash, read_at, position, bookmarked, note FROM state",
	    -1, &st, NULL) == SQLITE_OK, "reading state table exists");
	sqlite3_finalize(st);
	ok(sqlite3_prepare_v2(h, "SELECT read_at, position FROM article", -1, &st, NULL) == SQLITE_OK,
	    "reading state columns exist");
	sqlite3_finalize(st);
	ok(sqlite3_prepare_v2(h, "SELECT count(*) FROM term WHERE t IN ('bai', 'baiF', 'cu', 'cuX')"
	    " AND n > 0", -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW &&
	    sqlite3_column_int(st, 0) == 4,
	    "term table holds folded and exact forms, with their articles (schema 13)");
	sqlite3_finalize(st);
	ok(sqlite3_prepare_v2(h, "SELECT count(*), sum(d.id = a.fts_key),"
	    " sum(a.fts_key >> 36 = (unixepoch(a.published) / 60 + 36816480)),"
	    " sum(a.fts_key & 68719476735 = a.id)"
	    " FROM article a LEFT JOIN article_fts_docsize d ON d.id = a.fts_key", -1, &st,
	    NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW &&
	    sqlite3_column_int(st, 0) == 1 && sqlite3_column_int(st, 1) == 1 &&
	    sqlite3_column_int(st, 2) == 1 && sqlite3_column_int(st, 3) == 1,
	    "the index's rows are the articles' date keys (schema 12)");
	sqlite3_finalize(st);
	ok(sqlite3_prepare_v2(h, "SELECT count(*) FROM key_count k JOIN (SELECT fts_key >> 50 b,"
	    " count(*) n FROM article GROUP BY b) a ON a.b = k.block AND a.n = k.n", -1, &st,
	    NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) == 1,
	    "  and key_count counts them by block");
	sqlite3_finalize(st);
	{
		/* The keys of a tag's articles come from an index, no
		 * article row read. */
		int covered = 0;

		if (sqlite3_prepare_v2(h, "EXPLAIN QUERY PLAN " SQL_TAG_KEYS("'x'"), -1, &st,
		    NULL) == SQLITE_OK) {
			while (sqlite3_step(st) == SQLITE_ROW)
				covered |= strstr((const char *)sqlite3_column_text(st, 3),
				    "COVERING INDEX article_date_of_hash") != NULL;
		}
		sqlite3_finalize(st);
		ok(covered, "keys of a tag's articles from the index article_date_of_hash (schema 14)");
	}
	sqlite3_close(h);
	free(fixture);
	free(path);
}

/* Reading state and bookmarks of schema 2 come through to schema 7. */
static void
test_migrate_state(void)
{
	const char *data = getenv("TESTDATA");
	char *path = db_path("v2.db"), *fixture, *err = NULL;
	struct store *s;
	struct store_counts c;
	sqlite3 *h;
	sqlite3_stmt *st;

	fixture = xasprintf("%s/schema-v2.sql", data ? data : "tests/data");
	run_sql_file(path, fixture);
	s = store_open(path, &err);
	ok(s != NULL && store_version(s) == STORE_VERSION, "version 2 database migrated");
	ok(s != NULL && store_count(s, &c) == 0 && c.articles == 2 && c.unread == 1 &&
	    c.bookmarked == 1, "  one read, one bookmarked, as before");
	if (s != NULL) {
		/* Both hold "Đoạn"; the bookmarked one is in the bookmarks'
		 * index the migration to 15 made. */
		struct query q;
		int64_t n = -1, all = -1;

		store_parse_query(s, "is:bookmarked doan", &q);
		store_search_count(s, &q, -1, &n);
		query_free(&q);
		store_parse_query(s, "doan", &q);
		store_search_count(s, &q, -1, &all);
		query_free(&q);
		ok(n == 1 && all == 2, "  the bookmark in the bookmarks' index (schema 15)");
	}
	store_close(s);
	sqlite3_open(path, &h);
	ok(sqlite3_prepare_v2(h, "SELECT read_at || '|' || position || '|' || bookmarked || '|' ||"
	    " note || '|' || (SELECT group_concat(tag, ',') FROM (SELECT tag FROM state_tag"
	    " WHERE hash = x'00aa' ORDER BY tag)) FROM state WHERE hash = x'00aa'",
	    -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW, "  state row made");
	is_str((const char *)sqlite3_column_text(st, 0),
	    "2020-02-02T10:00:00Z|3|2020-02-03T08:00:00Z|Ghi chú cũ|cũ,lịch sử",
	    "  read time, position, bookmark time, note and tags kept");
	sqlite3_finalize(st);
	ok(sqlite3_prepare_v2(h, "SELECT 1 FROM bookmark", -1, &st, NULL) != SQLITE_OK,
	    "  old bookmark table gone");
	sqlite3_finalize(st);
	sqlite3_close(h);
	free(fixture);
	free(path);
}

static void
test_newer_refused(void)
{
	char *path = db_path("future.db"), *err = NULL;
	struct store *s;
	sqlite3 *h;

	sqlite3_open(path, &h);
	sqlite3_exec(h, "CREATE TABLE x (y); PRAGMA user_version = 99", NULL, NULL, NULL);
	sqlite3_close(h);
	s = store_open(path, &err);
	ok(s == NULL, "newer schema refused");
	ok(err != NULL && strstr(err, "newer") != NULL && strchr(err, '\n') == NULL,
	    "  with a one-line message");
	free(err);
	sqlite3_open(path, &h);
	{
		sqlite3_stmt *st;
		int v = -1;

		sqlite3_prepare_v2(h, "PRAGMA user_version", -1, &st, NULL);
		if (sqlite3_step(st) == SQLITE_ROW)
			v = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
		is_int(v, 99, "  and left untouched");
	}
	sqlite3_close(h);
	free(path);
}

static void
test_zip(void)
{
	struct buf z;
	char *back;
	size_t n;
	const char *text = "Phong trào dân vận khéo được triển khai rộng rãi ở Đà Nẵng.";

	buf_init(&z);
	zip_pack(text, strlen(text), &z);
	back = zip_unpack(z.data, z.len, &n);
	is_str(back, text, "zip round trip");
	free(back);
	z.data[z.len / 2] ^= 0x55;
	back = zip_unpack(z.data, z.len, &n);
	ok(back == NULL, "corrupt compressed text is refused");
	free(back);
	zip_pack("", 0, &z);
	back = zip_unpack(z.data, z.len, &n);
	is_str(back, "", "empty text round trip");
	free(back);
	buf_free(&z);
}

/* A page packed against its body; the body is needed to unpack it. */
static void
test_zip_dict(void)
{
	const char *body = "Phong trào dân vận khéo được triển khai rộng rãi ở Đà Nẵng.\n"
	    "Các cấp ủy đã chỉ đạo sát sao, tạo chuyển biến rõ nét.";
	char page[1024];
	struct buf z;
	char *back;
	size_t n;

	snprintf(page, sizeof page, "Trang chủ | Thời sự\n%s\nCỡ chữ: A+ A-\nGửi cho bạn bè", body);
	buf_init(&z);
	zip_pack_dict(page, strlen(page), body, strlen(body), &z);
	if (!ok(z.len < strlen(page) - strlen(body) + 40, "a page costs about what its body lacks"))
		printf("# %zu bytes packed\n", z.len);
	back = zip_unpack_dict(z.data, z.len, body, strlen(body), &n);
	is_str(back, page, "dictionary round trip");
	ok(n == strlen(page), "dictionary round trip length");
	free(back);
	back = zip_unpack(z.data, z.len, &n);
	ok(back == NULL, "without its dictionary the page is refused");
	free(back);
	buf_free(&z);
}

/* Databases written before zstd hold zlib streams: they still read. */
static void
test_zip_zlib(void)
{
	const char *body = "Đà Nẵng triển khai phong trào dân vận khéo.";
	const char *page = "Trang chủ\nĐà Nẵng triển khai phong trào dân vận khéo.\nCác tin khác";
	unsigned char out[512];
	uLongf len = sizeof out;
	z_stream zs;
	char *back;
	size_t n;

	ok(compress2(out, &len, (const Bytef *)body, strlen(body), 6) == Z_OK, "zlib packs");
	back = zip_unpack(out, len, &n);
	is_str(back, body, "a zlib value reads back");
	free(back);

	memset(&zs, 0, sizeof zs);
	deflateInit(&zs, 1);
	deflateSetDictionary(&zs, (const Bytef *)body, (uInt)strlen(body));
	zs.next_in = (Bytef *)(uintptr_t)page;
	zs.avail_in = (uInt)strlen(page);
	zs.next_out = out;
	zs.avail_out = sizeof out;
	ok(deflate(&zs, Z_FINISH) == Z_STREAM_END, "zlib packs with a dictionary");
	len = zs.total_out;
	deflateEnd(&zs);
	back = zip_unpack_dict(out, len, body, strlen(body), &n);
	is_str(back, page, "a zlib page kept with its body as dictionary reads back");
	free(back);
}

static void
test_locked(void)
{
	char *path = db_path("locked.db"), *err = NULL;
	struct store *s = store_open(path, &err);
	struct article a;
	sqlite3 *h;

	sqlite3_open(path, &h);
	sqlite3_exec(h, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	store_set_busy_timeout(s, 50);
	make_article(&a, "Bị khóa", "Cơ sở dữ liệu đang bị khóa.");
	is_int(store_begin(s), -1, "locked database: begin fails");
	ok(strstr(store_errmsg(s), "locked") != NULL, "  message says locked");
	sqlite3_exec(h, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(h);
	is_int(store_begin(s), 0, "after release: begin works");
	is_int(store_add(s, &a, "c.txt", NULL), 1, "  and the article goes in");
	is_int(store_commit(s), 0, "  and commits");
	article_free(&a);
	store_close(s);
	free(path);
}

/* Articles text finds, counted up to cap (< 0: all); -1 on error. */
static int
count_hits_upto(struct store *s, const char *text, long cap)
{
	struct query q;
	int64_t n = -1;

	query_parse(text, &q);
	if (store_search_count(s, &q, cap, &n) < 0)
		n = -1;
	query_free(&q);
	return (int)n;
}

static int
count_hits(struct store *s, const char *text)
{
	return count_hits_upto(s, text, -1);
}

static void
test_index_in_step(void)
{
	char *path = db_path("fts.db"), *err = NULL;
	struct store *s = store_open(path, &err);
	struct article a;
	int64_t id = 0;

	make_article(&a, "Đảng ủy khối họp", "Hội nghị bàn về công tác dân vận khéo.");
	store_add(s, &a, "x.txt", &id);
	article_free(&a);
	is_int(count_hits(s, "dan van kheo"), 1, "new article is searchable at once");
	is_int(count_hits(s, "quang canh"), 1, "  captions are indexed");
	is_int(count_hits(s, "title:dang"), 1, "  the title is a field");
	is_int(store_delete(s, id), 1, "delete");
	is_int(count_hits(s, "dan van kheo"), 0, "  its index entries are gone");
	is_int(store_delete(s, id), 0, "  deleting again finds nothing");
	store_close(s);
	free(path);
}

static void
count_problems(const char *what, void *ctx)
{
	(void)what;
	(*(int *)ctx)++;
}

/* A batch is indexed when it commits, in the same transaction: a rolled
 * back one leaves neither rows nor index entries, and the index always
 * matches the articles (FTS5's integrity check, through store_check). */
static void
test_index_per_batch(void)
{
	char *path = db_path("batch.db"), *err = NULL;
	struct store *s = store_open(path, &err);
	struct article a;
	int problems = 0;

	store_begin(s);
	make_article(&a, "Lô thứ nhất", "Bài về mùa màng ở đồng bằng sông Cửu Long.");
	store_add(s, &a, "1.txt", NULL);
	article_free(&a);
	make_article(&a, "Lô thứ nhất, bài hai", "Bài về giá lúa gạo ở đồng bằng.");
	store_add(s, &a, "2.txt", NULL);
	article_free(&a);
	store_rollback(s);
	is_int(count_hits(s, "dong bang"), 0, "rolled back batch: nothing found");
	store_begin(s);
	make_article(&a, "Lô thứ hai", "Bài về thủy lợi ở đồng bằng sông Hồng.");
	store_add(s, &a, "3.txt", NULL);
	article_free(&a);
	make_article(&a, "Lô thứ hai, bài hai", "Bài về đê điều ở đồng bằng.");
	store_add(s, &a, "4.txt", NULL);
	article_free(&a);
	is_int(store_commit(s), 0, "second batch commits");
	is_int(count_hits(s, "dong bang"), 2, "  both its articles are found");
	is_int(count_hits(s, "lua gao"), 0, "  nothing of the rolled back one");
	make_article(&a, "Một bài riêng", "Bài về đồng bằng, thêm ngoài lô.");
	is_int(store_add(s, &a, "5.txt", NULL), 1, "an article added alone");
	article_free(&a);
	is_int(count_hits(s, "dong bang"), 3, "  is indexed at once");
	is_int(count_hits_upto(s, "dong bang", 2), 2, "a count stops at its cap");
	is_int(store_check(s, count_problems, &problems), 0, "the index matches the articles");
	is_int(problems, 0, "  no problem reported");
	store_close(s);
	free(path);
}

struct ids {
	char list[512];
	int n;
	struct store_key last;
	int unread, bookmarked;
};

static int
collect(const struct store_item *it, void *ctx)
{
	struct ids *r = ctx;
	size_t len = strlen(r->list);

	snprintf(r->list + len, sizeof r->list - len, "%s%lld", r->n ? "," : "", (long long)it->id);
	r->n++;
	store_key_of(it, &r->last);
	r->unread = it->unread;
	r->bookmarked = it->bookmarked;
	return 0;
}

/* The whole list in pages of n, going down (dir > 0) or up. */
static void
walk(struct store *s, enum store_order order, int down, int n, struct ids *all)
{
	struct store_key key;
	int first = 1;

	memset(all, 0, sizeof *all);
	for (;;) {
		struct ids page;

		memset(&page, 0, sizeof page);
		if (store_page(s, order, first ? NULL : &key, down, n, collect, &page) <= 0)
			break;
		first = 0;
		key = page.last;
		snprintf(all->list + strlen(all->list), sizeof all->list - strlen(all->list),
		    "%s%s", all->n ? "," : "", page.list);
		all->n += page.n;
	}
}

static void
test_pages(void)
{
	char *path = db_path("pages.db"), *err = NULL;
	struct store *s = store_open(path, &err);
	static const char *const dates[] = {
		"2020-05-01", NULL, "2021-01-02", "2020-05-01", NULL, "2019-12-31",
		"2021-01-02", NULL, "2020-05-01",
	};
	struct ids all;

	for (size_t i = 0; i < sizeof dates / sizeof *dates; i++) {
		struct article a;
		char *body = xasprintf("Bài số %zu.", i + 1);

		make_article(&a, "Bài", body);
		a.published.prec = DATE_NONE;
		if (dates[i] != NULL) {
			sscanf(dates[i], "%d-%d-%d", &a.published.year, &a.published.month,
			    &a.published.day);
			a.published.prec = DATE_DAY;
		}
		store_add(s, &a, "p.txt", NULL);
		article_free(&a);
		free(body);
	}
	/* Newest first, ties by newest import, undated last. */
	walk(s, STORE_ORDER_DATE, 1, 2, &all);
	is_str(all.list, "7,3,9,4,1,6,8,5,2", "date order, down in pages of 2");
	walk(s, STORE_ORDER_DATE, -1, 4, &all);
	is_str(all.list, "2,5,8,6,1,4,9,3,7", "  and up from the bottom in pages of 4");
	walk(s, STORE_ORDER_DATE, 1, 100, &all);
	is_str(all.list, "7,3,9,4,1,6,8,5,2", "  one page of 100");
	walk(s, STORE_ORDER_IMPORT, 1, 4, &all);
	is_str(all.list, "9,8,7,6,5,4,3,2,1", "import order, down");
	walk(s, STORE_ORDER_IMPORT, -1, 3, &all);
	is_str(all.list, "1,2,3,4,5,6,7,8,9", "  and up");
	{
		struct store_key k = { 6, "2019-12-31" };
		struct ids r;

		memset(&r, 0, sizeof r);
		store_page(s, STORE_ORDER_DATE, &k, 1, 2, collect, &r);
		is_str(r.list, "8,5", "down from the last dated row into the undated ones");
		memset(&r, 0, sizeof r);
		k.id = 8;
		k.published[0] = '\0';
		store_page(s, STORE_ORDER_DATE, &k, -1, 2, collect, &r);
		is_str(r.list, "6,1", "up from the first undated row into the dated ones");
	}
	{
		struct store_key k = { 4, "2020-05-01" };
		struct ids r;

		is_int(store_set_read(s, 9, 1), 1, "marked read");
		is_int(store_toggle_bookmark(s, 9), 1, "bookmarked");
		memset(&r, 0, sizeof r);
		store_page(s, STORE_ORDER_DATE, &k, -1, 1, collect, &r);
		ok(r.n == 1 && !r.unread && r.bookmarked, "  both show on the row");
		is_int(store_toggle_bookmark(s, 9), 0, "bookmark toggled off");
		is_int(store_set_read(s, 9, 0), 1, "marked unread");
		memset(&r, 0, sizeof r);
		store_page(s, STORE_ORDER_DATE, &k, -1, 1, collect, &r);
		ok(r.unread && !r.bookmarked, "  both show on the row");
		is_int(store_set_read(s, 999, 1), 0, "no such article");
	}
	{
		/* The state is the content's: deleting and importing again
		 * brings it back. */
		struct store_key k = { 4, "2020-05-01" };
		struct article a;
		struct ids r;
		int64_t id = 0;
		struct store_counts c;

		store_set_read(s, 9, 1);
		store_toggle_bookmark(s, 9);
		store_set_position(s, 9, 42);
		is_int(store_delete(s, 9), 1, "deleted");
		store_count(s, &c);
		ok(c.articles == 8 && c.unread == 8 && c.bookmarked == 0,
		    "  not counted as read or bookmarked any more");
		make_article(&a, "Bài", "Bài số 9.");
		a.published = (struct date){ 2020, 5, 1, 0, 0, DATE_DAY };
		is_int(store_add(s, &a, "p.txt", &id), 1, "imported again");
		article_free(&a);
		k.id = 4;
		memset(&r, 0, sizeof r);
		store_page(s, STORE_ORDER_DATE, &k, -1, 1, collect, &r);
		ok(r.n == 1 && r.last.id == id && !r.unread && r.bookmarked,
		    "  read and bookmarked again");
		store_count(s, &c);
		ok(c.articles == 9 && c.unread == 8 && c.bookmarked == 1,
		    "  and counted as read and bookmarked");
	}
	store_close(s);
	free(path);
}

struct nested {
	struct store *s;
	struct query *q;
	int depth, outer, inner;
};

/* For each hit, the same search again while the first still steps. */
static int
search_again(const struct store_item *it, const char *snippet, void *ctx)
{
	struct nested *n = ctx;

	(void)it;
	(void)snippet;
	if (n->depth > 0) {
		n->inner++;
		return 0;
	}
	n->outer++;
	n->depth++;
	if (store_search(n->s, n->q, STORE_SORT_RANK, 10, search_again, n, NULL) < 0)
		n->inner = -100;
	n->depth--;
	return 0;
}

/*
 * Statements are kept prepared between searches (store-stmt.c): a search
 * inside a search's callback gets its own statement, more statements than
 * are kept still run, a kept one holds no read transaction between uses,
 * and one whose table went away says why.
 */
static void
test_kept_statements(void)
{
	char *path = db_path("kept.db"), *err = NULL;
	struct store *s = store_open(path, &err);
	struct nested n = { s, NULL, 0, 0, 0 };
	struct query q;
	struct article a;
	sqlite3 *h;
	int ok_all = 1, busy = -1;

	for (int i = 0; i < 3; i++) {
		char title[64], body[80];

		snprintf(title, sizeof title, "Mùa lũ năm %d", 2000 + i);
		snprintf(body, sizeof body, "Nước lũ về các tỉnh miền Trung lần thứ %d.", i + 1);
		make_article(&a, title, body);
		a.published.year = 2000 + i;
		store_add(s, &a, title, NULL);
		article_free(&a);
	}
	query_parse("mua lu", &q);
	n.q = &q;
	is_int(store_search(s, &q, STORE_SORT_RANK, 10, search_again, &n, NULL), 0,
	    "a search inside a search's callback");
	is_int(n.outer, 3, "  the outer search gives every hit");
	is_int(n.inner, 9, "  each inner one gives them all");
	query_free(&q);
	/* Every combination of six filters: 64 count statements, more than
	 * are kept, each run twice. */
	for (int round = 0; round < 2; round++) {
		for (int f = 0; f < 64; f++) {
			char text[160];
			int want = f & (16 | 32) ? 0 : 3 - !!(f & 1);

			snprintf(text, sizeof text, "nuoc lu%s%s%s%s%s%s",
			    f & 1 ? " after:2001" : "", f & 2 ? " before:2003" : "",
			    f & 4 ? " -hanoi" : "", f & 8 ? " is:unread" : "",
			    f & 16 ? " is:bookmarked" : "", f & 32 ? " tag:x" : "");
			if (count_hits(s, text) != want)
				ok_all = 0;
		}
	}
	ok(ok_all, "128 searches over 64 statements, each counts right");
	sqlite3_open(path, &h);
	{
		sqlite3_stmt *st;

		/* A checkpoint that must wait for every reader: none is left
		 * by the kept statements. */
		sqlite3_prepare_v2(h, "PRAGMA wal_checkpoint(TRUNCATE)", -1, &st, NULL);
		if (sqlite3_step(st) == SQLITE_ROW)
			busy = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
	}
	is_int(busy, 0, "kept statements hold no read transaction");
	sqlite3_exec(h, "DROP TABLE state_tag", NULL, NULL, NULL);
	sqlite3_close(h);
	query_parse("tag:x nuoc", &q);
	{
		int64_t count = 0;

		is_int(store_search_count(s, &q, -1, &count), -1,
		    "a kept statement whose table went away fails");
		ok(strstr(store_errmsg(s), "state_tag") != NULL, "  and the message says which table");
	}
	query_free(&q);
	store_close(s);
	free(path);
}

/* A paragraph of n pseudo-random words from seed, in buf: a syllable
 * and a number below numbers, which sets the size of the vocabulary. */
static void
random_text(char *buf, size_t cap, unsigned seed, int n, unsigned numbers)
{
	static const char *const syl[] = {
		"dân", "vận", "khéo", "nước", "sạch", "nông", "thôn", "tỉnh", "ủy", "họp",
		"bàn", "lũ", "lụt", "hòa", "bình", "khóa", "học", "mùa", "màng", "đồng",
		"bằng", "sông", "hồng", "giá", "lúa", "gạo", "đê", "điều", "thủy", "lợi",
	};
	size_t len = 0;

	buf[0] = '\0';
	for (int i = 0; i < n && len + 32 < cap; i++) {
		seed = seed * 1103515245u + 12345u;
		len += (size_t)snprintf(buf + len, cap - len, "%s%s%u ", syl[(seed >> 16) % 30],
		    i % 7 == 0 ? "x" : "", (seed >> 8) % numbers);
	}
}

/* Add n articles of words random words each, the text of article i from
 * seed seed0 + i * step; how many were added. */
static int
add_random(struct store *s, int n, unsigned seed0, unsigned step, int words, unsigned numbers)
{
	static char body[65536];
	struct article a;
	int added = 0;

	for (int i = 0; i < n; i++) {
		unsigned seed = seed0 + (unsigned)i * step;
		char title[64];

		snprintf(title, sizeof title, "Bài %u", seed);
		random_text(body, sizeof body, seed, words, numbers);
		make_article(&a, title, body);
		added += store_add(s, &a, title, NULL) == 1;
		article_free(&a);
	}
	return added;
}

/*
 * The background checkpointer (store-ckpt.c): while batches are
 * written, a thread of its own copies the WAL into the database file,
 * and nothing is lost or damaged by it.
 */
static void
test_background_checkpoint(void)
{
	char *path = db_path("ckpt.db"), *err = NULL;
	struct store *s = store_open(path, &err);
	long done = 0;
	int problems = 0, added = 0;
	struct stat st;

	is_int(store_ckpt_count(s), -1, "no checkpointer until one is started");
	is_int(store_ckpt_start(s), 0, "a checkpointer starts");
	/* About 20 MB of WAL: more than CKPT_STEP (16 MiB). */
	for (int b = 0; b < 10; b++) {
		store_begin(s);
		added += add_random(s, 100, (unsigned)b * 100, 1, 700, 5000);
		store_commit(s);
	}
	for (int wait = 0; wait < 100 && (done = store_ckpt_count(s)) < 1; wait++)
		usleep(50000);
	printf("# %ld background checkpoints\n", done);
	ok(done >= 1, "the thread checkpointed while the batches were written");
	ok(stat(path, &st) == 0 && st.st_size > 4 << 20,
	    "  the database file holds what it copied");
	store_ckpt_stop(s);
	is_int(store_ckpt_count(s), -1, "it stops");
	is_int(store_check(s, count_problems, &problems), 0, "the store checks clean");
	is_int(problems, 0, "  no problem reported");
	store_close(s);
	s = store_open(path, &err);
	is_int(count_hits(s, "bai"), added, "reopened, every article is there and found");
	store_close(s);
	free(path);
}

/* A VFS over the default one that counts the statement journals opened:
 * SQLite opens a file for one only when it spills out of memory. */
static sqlite3_vfs *base_vfs;
static int subjournals;

static int
counting_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *f, int flags, int *out)
{
	(void)vfs;
	if (flags & SQLITE_OPEN_SUBJOURNAL)
		subjournals++;
	return base_vfs->xOpen(base_vfs, name, f, flags, out);
}

/*
 * Adding articles in a batch writes no statement journal to disk: the
 * article INSERT has one (the table has an insert trigger), and at
 * SQLite's default it went to a temporary file at most inserts, as much
 * as the import wrote everywhere else.
 */
static void
test_no_statement_journal(void)
{
	static sqlite3_vfs counting;
	static char body[16384];
	char *path = db_path("stmtjrnl.db"), *err = NULL;
	struct store *s;
	struct article a;
	int added = 0;

	base_vfs = sqlite3_vfs_find(NULL);
	counting = *base_vfs;
	counting.zName = "counting";
	counting.xOpen = counting_open;
	sqlite3_vfs_register(&counting, 1);
	s = store_open(path, &err);
	store_begin(s);
	for (int i = 0; i < 400; i++) {
		char title[64];

		snprintf(title, sizeof title, "Bài số %d", i);
		random_text(body, sizeof body, (unsigned)i * 7919u, 200 + (i * 37) % 1500, 5000);
		make_article(&a, title, body);
		a.published.day = 1 + i % 28;
		added += store_add(s, &a, title, NULL) == 1;
		article_free(&a);
	}
	is_int(store_commit(s), 0, "a batch of 400 articles commits");
	is_int(added, 400, "  every one added");
	is_int(subjournals, 0, "  no statement journal was written to a file");
	store_close(s);
	sqlite3_vfs_unregister(&counting);
	free(path);
}

/* Size of path's WAL, or 0. */
static off_t
wal_size(const char *path)
{
	char *wal = xasprintf("%s-wal", path);
	struct stat st;
	off_t n = stat(wal, &st) == 0 ? st.st_size : 0;

	free(wal);
	return n;
}

/* Frames of path's WAL from byte from on whose page is all zero bytes. */
static int
zero_frames(const char *path, off_t from, size_t page)
{
	char *wal = xasprintf("%s-wal", path);
	FILE *f = fopen(wal, "rb");
	char *frame = xmalloc(24 + page);
	int n = 0;

	if (f != NULL && fseeko(f, from, SEEK_SET) == 0) {
		while (fread(frame, 1, 24 + page, f) == 24 + page) {
			size_t k = 24;

			while (k < 24 + page && frame[k] == 0)
				k++;
			n += k == 24 + page;
		}
	}
	if (f != NULL)
		fclose(f);
	free(frame);
	free(wal);
	return n;
}

/* The integer a query on path's database answers (read beside the
 * store), or -1. */
static int64_t
int_of(const char *path, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	int64_t n = -1;

	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			n = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	sqlite3_close(db);
	return n;
}

/*
 * Pages freed are not written again: SQLite's secure_delete (on in
 * Debian's build) zeroes each freed page and writes it to the WAL, and
 * FTS5's merges free a segment's pages after every copy.
 */
static void
test_freed_pages_not_written(void)
{
	char *path = db_path("freed.db"), *err = NULL;
	struct store *s = store_open(path, &err);
	int64_t freed;
	off_t wal0;
	int zeros;

	store_begin(s);
	add_random(s, 40, 0, 104729, 6000, 5000);
	store_commit(s);
	freed = int_of(path, "PRAGMA freelist_count");
	wal0 = wal_size(path);
	store_begin(s);
	for (int i = 1; i <= 40; i++)
		store_delete(s, i);
	is_int(store_commit(s), 0, "deleting 40 long articles commits");
	freed = int_of(path, "PRAGMA freelist_count") - freed;
	zeros = zero_frames(path, wal0, 16384);
	printf("# %lld pages freed, %d written as zeros\n", (long long)freed, zeros);
	ok(freed >= 20, "  the pages of their text are freed");
	is_int(zeros, 0, "  and not written again as zeros");
	store_close(s);
	free(path);
}

/*
 * A batch's new terms reach the index as one segment. FTS5 writes its
 * pending terms out whenever they pass its hashsize (1 MiB by default),
 * and every segment written is copied again by the merges that follow.
 */
static void
test_one_segment_a_batch(void)
{
	char *path = db_path("segments.db"), *err = NULL;
	struct store *s = store_open(path, &err);
	int64_t index;

	store_begin(s);
	add_random(s, 300, 0, 7919, 2000, 100);
	is_int(store_commit(s), 0, "a batch of 300 articles of 2,000 words commits");
	index = int_of(path, "SELECT sum(length(block)) FROM article_fts_data");
	printf("# %lld bytes of index\n", (long long)index);
	ok(index > 2 << 20, "  its index is a few MiB");
	is_int(int_of(path, "SELECT count(DISTINCT segid) FROM article_fts_idx"), 1,
	    "  and was written as one segment");
	store_close(s);
	free(path);
}

static void
test_bad_path(void)
{
	char *err = NULL;
	struct store *s = store_open("/nonexistent/dir/x.db", &err);

	ok(s == NULL, "unopenable path fails");
	ok(err != NULL && strstr(err, "/nonexistent/dir/x.db") != NULL, "  message names the file");
	free(err);
}

/* store_replace: an article extracted again takes its new text, fields
 * and index; its state follows it to its new hash; text that is now
 * another article's is refused and leaves the row as it was. */
static void
test_replace(void)
{
	char *path = db_path("replace.db"), *err = NULL, *note = NULL, *tags = NULL;
	struct store *s = store_open(path, &err);
	struct article a, b;
	struct strlist t;
	struct seen seen = { 0 };
	int64_t id = 0, id2 = 0;
	int problems = 0;

	make_article(&a, "Cũ", "Hội nghị bàn về công tác dân vận khéo.");
	store_add(s, &a, "a.txt", &id);
	article_free(&a);
	make_article(&a, "Bài khác", "Bài về mùa màng ở đồng bằng.");
	store_add(s, &a, "b.txt", &id2);
	article_free(&a);
	strlist_init(&t);
	strlist_push(&t, xstrdup("dân vận"));
	store_bookmark_set(s, id, "ghi chú", &t);
	strlist_free(&t);
	store_set_read(s, id, 1);
	store_set_position(s, id, 9);

	make_article(&a, "Mới", "Hội nghị tổng kết phong trào thi đua yêu nước.");
	a.author = xstrdup("Minh Anh");
	a.original = xstrdup("Mới\n\nHội nghị tổng kết phong trào thi đua yêu nước.\nĐoạn thứ hai.\n");
	is_int(store_replace(s, id, &a), 1, "replace: an article extracted again is rewritten");
	is_int(store_replace(s, id, &a), 0, "  the same extraction again changes nothing");
	article_free(&a);
	store_show(s, id, remember, &seen);
	is_str(seen.title, "Mới", "  new title");
	is_int(count_hits(s, "thi dua yeu nuoc"), 1, "  new text indexed");
	is_int(count_hits(s, "dan van kheo"), 0, "  old text out of the index");
	is_int(count_hits(s, "author:minh"), 1, "  new author indexed");
	is_int(store_mark_of(s, id, &note, &tags), 1, "  bookmark kept");
	is_str(note, "ghi chú", "  note kept");
	is_str(tags, "dân vận", "  tags kept");
	free(note);
	free(tags);
	is_int(int_of(path, "SELECT count(*) FROM state WHERE read_at IS NOT NULL AND position = 9"
	    " AND hash = (SELECT hash FROM article WHERE id = 1)"), 1, "  read state and position kept");

	/* Now the same text as the other article: refused, row unchanged. */
	make_article(&b, "Trùng", "Bài về mùa màng ở đồng bằng.");
	is_int(store_begin(s), 0, "a batch");
	is_int(store_replace(s, id, &b), STORE_REFUSED, "  text now another article's: refused");
	ok(strstr(store_errmsg(s), "UNIQUE") != NULL, "  the reason says so");
	is_int(store_commit(s), 0, "  the batch still commits");
	article_free(&b);
	seen.n = 0;
	store_show(s, id, remember, &seen);
	is_str(seen.title, "Mới", "  the refused article is as it was");
	is_int(count_hits(s, "thi dua yeu nuoc"), 1, "  and so is its index");
	store_check(s, count_problems, &problems);
	is_int(problems, 0, "the index matches the articles");
	store_close(s);
	free(path);
}

/* Add the band set: n stories of an original and two copies (a sentence
 * added, a credit put before), and n articles alone; a transaction each
 * batch articles. */
static void
add_band_set(struct store *s, int n, int batch)
{
	static char body[8192], copy[8300];
	int added = 0;

	for (int i = 0; i < n; i++) {
		for (int k = 0; k < 4; k++) {
			struct article a;
			char title[64];

			if (added % batch == 0)
				store_begin(s);
			random_text(body, sizeof body, k < 3 ? 9000u + (unsigned)i : 50000u + (unsigned)i,
			    120, 1000);
			snprintf(copy, sizeof copy, "%s%s%s", k == 2 ? "Theo báo Tin tức: " : "", body,
			    k == 1 ? " Thêm một câu ở cuối bài." : "");
			snprintf(title, sizeof title, "Bài %d của chuyện %d", k, i);
			make_article(&a, title, copy);
			store_add(s, &a, title, NULL);
			article_free(&a);
			if (++added % batch == 0)
				store_commit(s);
		}
	}
	if (added % batch != 0)
		store_commit(s);
}

#define STORY_SUM "SELECT sum((id * 7919 + coalesce(story, 0)) * (id + 13) % 1000000007) FROM article"
#define BAND_SUM "SELECT sum((key % 2147483647) * (article + 7) % 1000000007) FROM story_band"

/*
 * A big import's band keys held in memory (store-band.c) group the
 * articles as the store does key by key, and leave story_band the same;
 * an import that dies with keys in memory leaves them named, and the
 * next writes them.
 */
static void
test_band_bulk(void)
{
	char *pa = db_path("band-a.db"), *pb = db_path("band-b.db"), *pc = db_path("band-c.db");
	char *err = NULL;
	struct store *a = store_open(pa, &err), *b = store_open(pb, &err), *c = store_open(pc, &err);

	if (a == NULL || b == NULL || c == NULL) {
		ok(0, "stores for the band test");
		return;
	}
	add_band_set(a, 30, 7);
	/* Flushed every 25 keys: mid-batch and across batches. */
	is_int(store_band_begin(b, 1000, 25), 1, "a big import's keys held in memory");
	add_band_set(b, 30, 7);
	is_int(store_band_end(b), 0, "  and written at its end");
	is_int(int_of(pa, "SELECT count(*) FROM article WHERE story IS NOT NULL"), 90,
	    "  key by key: 30 stories of three");
	ok(int_of(pa, STORY_SUM) == int_of(pb, STORY_SUM), "  held: the same stories");
	is_int(int_of(pb, "SELECT count(*) FROM story_band"),
	    int_of(pa, "SELECT count(*) FROM story_band"), "  the same keys in the store");
	ok(int_of(pa, BAND_SUM) == int_of(pb, BAND_SUM), "  the same rows");
	is_int(int_of(pb, "SELECT count(*) FROM setting WHERE name = 'story-band-from'"), 0,
	    "  none left waiting");

	/* An import that dies: its batches committed, their keys in memory. */
	is_int(store_band_begin(c, 1000, 1 << 20), 1, "an import that will die");
	add_band_set(c, 30, 7);
	store_close(c);
	ok(int_of(pc, "SELECT count(*) FROM setting WHERE name = 'story-band-from'") == 1 &&
	    int_of(pc, "SELECT count(*) FROM story_band") == 0,
	    "  its keys are named as waiting, none written");
	ok(int_of(pa, STORY_SUM) == int_of(pc, STORY_SUM), "  its stories were made");
	c = store_open(pc, &err);
	is_int(c ? store_band_recover(c) : -1, 1, "the next writes them");
	ok(int_of(pa, BAND_SUM) == int_of(pc, BAND_SUM) &&
	    int_of(pc, "SELECT count(*) FROM setting WHERE name = 'story-band-from'") == 0,
	    "  all of them, and names none after");
	is_int(c ? store_band_recover(c) : -1, 0, "  once");
	store_close(a);
	store_close(b);
	if (c != NULL)
		store_close(c);
	free(pa);
	free(pb);
	free(pc);
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	if (mkdtemp(dir) == NULL)
		return 1;
	test_new_and_reopen();
	test_migrate();
	test_migrate_state();
	test_newer_refused();
	test_zip();
	test_zip_dict();
	test_zip_zlib();
	test_locked();
	test_index_in_step();
	test_index_per_batch();
	test_replace();
	test_pages();
	test_kept_statements();
	test_background_checkpoint();
	test_no_statement_journal();
	test_freed_pages_not_written();
	test_one_segment_a_batch();
	test_bad_path();
	test_band_bulk();
	tap_cleanup(dir);
	return done();
}
