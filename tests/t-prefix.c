/*
 * t-prefix.c: prefixes and repeats. A term typed again is searched once;
 * the table "term" counts each term's articles through imports, deletes
 * and replacements; a prefix over many terms becomes its most frequent
 * ones, says so, and a longer prefix still reaches the rare ones.
 */
#include "config.h"

#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "../src/fts.h"
#include "../src/query.h"
#include "../src/store.h"
#include "../src/tokenize.h"
#include "../src/util.h"
#include "../src/zip.h"
#include "tap.h"

static struct store *st;
static char dir[] = "/tmp/t-prefix-XXXXXX";
static char *db_path;

static int64_t
add_doc(const char *title, const char *body)
{
	struct article a;
	int64_t id = -1;

	article_init(&a);
	a.title = xstrdup(title);
	strlist_push(&a.paras, xstrdup(body));
	if (store_add(st, &a, "t.txt", &id) < 0)
		printf("# add: %s\n", store_errmsg(st));
	article_free(&a);
	return id;
}

static void
build(void)
{
	char *err = NULL;

	if (mkdtemp(dir) == NULL)
		exit(1);
	db_path = xasprintf("%s/p.db", dir);
	st = store_open(db_path, &err);
	if (st == NULL) {
		printf("Bail out! %s\n", err);
		exit(1);
	}
	add_doc("Dân vận khéo", "Phong trào dân vận khéo ở Đà Nẵng, dần dần lan rộng.");
	add_doc("Dần dần", "Mọi việc dần dần tốt lên, người dân vui.");
	add_doc("Tin tức", "Tin tổng hợp trong ngày.");
}

struct ids {
	char list[512];
	int n;
};

static int
add_id(const struct store_item *it, const char *snippet, void *ctx)
{
	struct ids *r = ctx;
	size_t len = strlen(r->list);

	(void)snippet;
	snprintf(r->list + len, sizeof r->list - len, "%s%lld", r->n ? "," : "", (long long)it->id);
	r->n++;
	return 0;
}

/* Ids text finds, newest first ("" for none, "error" on an error). */
static char *
find(const char *text)
{
	struct query q;
	struct ids r;
	int rc;

	memset(&r, 0, sizeof r);
	store_parse_query(st, text, &q);
	rc = store_search(st, &q, STORE_SORT_DATE, -1, add_id, &r, NULL);
	query_free(&q);
	return xstrdup(rc < 0 ? "error" : r.list);
}

/* The FTS5 expression of text, as store_parse_query makes it. */
static char *
match_of(const char *text)
{
	struct query q;
	char *m;

	store_parse_query(st, text, &q);
	m = q.match ? xstrdup(q.match) : NULL;
	query_free(&q);
	return m;
}

static char *
repeated(const char *word, int times)
{
	struct buf b;

	buf_init(&b);
	for (int i = 0; i < times; i++)
		buf_printf(&b, "%s%s", i ? " " : "", word);
	return buf_detach(&b);
}

/* The same word, prefix or phrase twice is one condition. */
static void
test_repeats(void)
{
	static const char *const words[] = { "t*", "dan*", "\"dan van\"", "title:dan", "-tin",
		NULL };

	for (int i = 0; words[i]; i++) {
		char *text = repeated(words[i], 100), *once = xasprintf("dan %s", words[i]);
		char *twice = xasprintf("dan %s %s", text, words[i]);
		char *m1 = match_of(once), *m2 = match_of(twice), name[128];

		snprintf(name, sizeof name, "%s 100 times is searched once", words[i]);
		is_str(m2, m1, name);
		free(m1);
		free(m2);
		free(text);
		free(once);
		free(twice);
	}
	{
		char *text = repeated("dan", 100), *m = match_of(text), *once = match_of("dan");

		is_str(m, once, "dan 100 times is dan");
		free(text);
		free(m);
		free(once);
	}
	{
		/* "dần dần": the set of "dan", with the phrase ranked first. */
		char *m = match_of("dan dan"), *a = find("dan dan"), *b = find("dan");

		ok(m != NULL && strstr(m, "\"dan dan\"") != NULL &&
		    strstr(m, "\"dan\" AND \"dan\"") == NULL, "dan dan: the phrase, the word once");
		is_str(a, b, "dan dan finds what dan finds");
		free(m);
		free(a);
		free(b);
	}
	{
		char *m = match_of("tin OR tin OR tin"), *m1 = match_of("tin");

		ok(m != NULL && strstr(m, " OR ") == NULL, "a OR a OR a is a");
		free(m);
		free(m1);
	}
}

/* A connection of its own with luot's functions, as the sqlite3 shell
 * has them with the extension: its writes go through the triggers. */
static sqlite3 *
shell_open(void)
{
	sqlite3 *h = NULL;

	if (sqlite3_open(db_path, &h) != SQLITE_OK || fts_register(h) != SQLITE_OK ||
	    zip_register(h) != SQLITE_OK)
		printf("# shell: %s\n", sqlite3_errmsg(h));
	sqlite3_busy_timeout(h, 5000);
	return h;
}

/* Terms whose count differs from the articles the index has for them
 * (fts5vocab), or -1 on an error; *total gets the sum of the counts. */
static int
wrong_counts(int64_t *total)
{
	sqlite3 *h = shell_open();
	sqlite3_stmt *q;
	int n = -1;

	*total = 0;
	if (sqlite3_exec(h, "CREATE VIRTUAL TABLE temp.v USING fts5vocab (main, article_fts, row)",
	    NULL, NULL, NULL) == SQLITE_OK && sqlite3_prepare_v2(h,
	    "SELECT (SELECT count(*) FROM term t LEFT JOIN temp.v v ON v.term = t.t"
	    "  WHERE t.n != coalesce(v.doc, 0))"
	    " + (SELECT count(*) FROM temp.v v WHERE NOT EXISTS (SELECT 1 FROM term t"
	    "  WHERE t.t = v.term)), (SELECT sum(n) FROM term)", -1, &q, NULL) == SQLITE_OK) {
		if (sqlite3_step(q) == SQLITE_ROW) {
			n = sqlite3_column_int(q, 0);
			*total = sqlite3_column_int64(q, 1);
		}
		sqlite3_finalize(q);
	}
	if (n < 0)
		printf("# counts: %s\n", sqlite3_errmsg(h));
	sqlite3_close(h);
	return n;
}

/* The count of term t, or -1. */
static int64_t
count_of(const char *t)
{
	sqlite3 *h = shell_open();
	sqlite3_stmt *q;
	int64_t n = -1;

	if (sqlite3_prepare_v2(h, "SELECT n FROM term WHERE t = ?1", -1, &q, NULL) == SQLITE_OK) {
		sqlite3_bind_text(q, 1, t, -1, SQLITE_STATIC);
		if (sqlite3_step(q) == SQLITE_ROW)
			n = sqlite3_column_int64(q, 0);
		sqlite3_finalize(q);
	}
	sqlite3_close(h);
	return n;
}

static void
counts_right(const char *when)
{
	int64_t total;
	char name[128];

	snprintf(name, sizeof name, "term counts are the index's %s", when);
	is_int(wrong_counts(&total), 0, name);
}

/* The table "term" counts articles, through every way of writing. */
static void
test_counts(void)
{
	struct article a;
	int64_t id, total;
	sqlite3 *h;

	counts_right("after an import");
	is_int(count_of("dan"), 2, "dan: two articles (title, body, twice: once each)");
	is_int(count_of("d\xc3\xa2nF"), 2, "d\xc3\xa2nF (d\xe1\xba\xa7n): two articles");
	is_int(count_of("tin"), 1, "tin: one article");
	wrong_counts(&total);
	id = add_doc("Tin mới", "Tin nóng về dân vận.");
	is_int(count_of("tin"), 2, "tin: one more article");
	is_int(count_of("dan"), 3, "dan: one more article");
	ok(store_delete(st, id) == 1, "deleted");
	is_int(count_of("tin"), 1, "tin: one less after a delete");
	is_int(count_of("dan"), 2, "dan: one less after a delete");
	counts_right("after a delete");
	id = add_doc("Tin mới", "Tin nóng về dân vận.");
	counts_right("after importing it again");
	article_init(&a);
	a.title = xstrdup("Tin đã sửa");
	strlist_push(&a.paras, xstrdup("Nội dung thay thế hoàn toàn, không còn chữ kia."));
	ok(store_replace(st, id, &a) == 1, "replaced");
	article_free(&a);
	is_int(count_of("dan"), 2, "dan: gone from the replaced article");
	counts_right("after a replacement");
	/* Another writer, as the sqlite3 shell with the extension: the
	 * triggers count. */
	h = shell_open();
	ok(sqlite3_exec(h, "UPDATE article SET title = 'Quốc hội' WHERE title = 'Tin tức'",
	    NULL, NULL, NULL) == SQLITE_OK, "a title changed in the shell");
	is_int(count_of("quoc"), 1, "quoc: one article");
	ok(sqlite3_exec(h, "DELETE FROM article WHERE title = 'Quốc hội'", NULL, NULL, NULL) ==
	    SQLITE_OK, "deleted in the shell");
	sqlite3_close(h);
	is_int(count_of("quoc"), 0, "quoc: none left");
	counts_right("after the shell's writes");
	ok(wrong_counts(&total) == 0 && total > 0, "the counts add up");
}

/* The cuts of text: "t* 2/5" each, or "" */
static char *
cuts_of(const char *text)
{
	struct query q;
	struct buf b;

	store_parse_query(st, text, &q);
	buf_init(&b);
	buf_add(&b, "", 0);
	for (size_t i = 0; i < q.ncuts; i++)
		buf_printf(&b, "%s%s %ld/%ld", i ? ", " : "", q.cuts[i].prefix, q.cuts[i].used,
		    q.cuts[i].of);
	query_free(&q);
	return buf_detach(&b);
}

/* got (freed here) is want: "TEXT VERB {WANT}". */
static void
expect_is(const char *text, const char *verb, char *got, const char *want)
{
	char name[160];

	snprintf(name, sizeof name, "%s %s {%s}", text, verb, want);
	is_str(got, want, name);
	free(got);
}

static void
expect_cuts(const char *text, const char *want)
{
	expect_is(text, "is cut as", cuts_of(text), want);
}

static void
expect_found(const char *text, const char *want)
{
	expect_is(text, "finds", find(text), want);
}

/* A prefix over many terms: the most frequent ones, said so. */
static void
test_cuts(void)
{
	/* zqa in 4 articles, zqb in 3, zqc in 2, zqd (as zqđ too) in 1. */
	static const char *const bodies[] = {
		"zqa zqb zqc một", "zqa zqb hai", "zqa zqb zqc ba", "zqa bốn", "zqđ năm",
	};
	char ids[5][24];

	for (int i = 0; i < 5; i++)
		snprintf(ids[i], sizeof ids[i], "%lld", (long long)add_doc("Tin", bodies[i]));
	expect_cuts("zq*", "");
	store_set_prefix_cap(st, 2, 1000000);
	expect_cuts("zq*", "zq* 2/4");
	expect_cuts("zq* zq* title:zq*", "zq* 2/4");
	expect_cuts("zqd*", "");
	{
		char want[128];

		/* Newest first: the last added first. */
		snprintf(want, sizeof want, "%s,%s,%s,%s", ids[3], ids[2], ids[1], ids[0]);
		expect_found("zq*", want);
		expect_found("zqd*", ids[4]);
		expect_found("zqđ*", ids[4]);
		expect_found("zqd", ids[4]);
	}
	/* Prefixes share the bounds: two of them, one term each. */
	store_set_prefix_cap(st, 4, 1000000);
	expect_cuts("zq*", "");
	expect_cuts("zq* zq* tin*", "zq* 2/4");
	expect_cuts("zq* ph* tin* d*", "zq* 1/4, d* 1/3");
	expect_cuts("zq* ph* tin* d* zqa* zqb* zqc* zqd*", "zq* 1/4, d* 1/3");
	store_set_prefix_cap(st, 2, 1000000);
	/* Accented: the exact terms; zqđ is the only one. */
	expect_cuts("zqđ*", "");
	/* The articles the terms hold, together: zqa (4) and zqb (3) pass 6. */
	store_set_prefix_cap(st, 64, 6);
	expect_cuts("zq*", "zq* 1/4");
	{
		char want[128];

		snprintf(want, sizeof want, "%s,%s,%s", ids[2], ids[1], ids[0]);
		expect_found("zqb*", want);
	}
	/* One term always, however many articles it holds. */
	store_set_prefix_cap(st, 64, 1);
	expect_cuts("zq*", "zq* 1/4");
	{
		char want[128];

		/* zqa alone: the articles of the most frequent term. */
		snprintf(want, sizeof want, "%s,%s,%s,%s", ids[3], ids[2], ids[1], ids[0]);
		expect_found("zq*", want);
	}
	expect_cuts("zqa* zqb*", "");
	store_set_prefix_cap(st, 0, 0);
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	build();
	test_repeats();
	test_counts();
	test_cuts();
	store_close(st);
	tap_cleanup(dir);
	free(db_path);
	return done();
}
