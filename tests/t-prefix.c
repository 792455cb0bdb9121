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

#include "../src/query.h"
#include "../src/store.h"
#include "../src/tokenize.h"
#include "../src/util.h"
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

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	build();
	test_repeats();
	store_close(st);
	{
		char *cmd = xasprintf("rm -rf '%s'", dir);

		if (system(cmd) != 0)
			ok(0, "cleanup");
		free(cmd);
	}
	free(db_path);
	return done();
}
