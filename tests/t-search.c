/*
 * t-search.c: the search end to end through the store: diacritic-free and
 * exact matching, tone placement, case, NFD queries, the query language,
 * hostile and malformed queries (none may error), ranking and snippets.
 */
#include "config.h"

#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../src/query.h"
#include "../src/store.h"
#include "../src/telex.h"
#include "../src/tokenize.h"
#include "../src/util.h"
#include "tap.h"

static struct store *st;
static char dir[] = "/tmp/t-search-XXXXXX";

/* The corpus: id order is insertion order. */
static const struct {
	const char *title, *body, *author, *published;
} docs[] = {
	/* 1 */ { "Phong trào thi đua ở Đà Nẵng", "Phong trào dân vận khéo được triển khai rộng rãi ở Đà Nẵng.",
		  "Minh Anh", "2020-03-27" },
	/* 2 */ { "Chuyện làng quê", "Dan van kheo. Anh ấy dấn thân, vấn đề được nêu, kheo chân đau.",
		  NULL, "2019-01-19" },
	/* 3 */ { "Thủy lợi và hòa bình", "Hoà hợp dân tộc, công trình thuỷ lợi, khoá học mới.",
		  "Thu Hà", "2021-06-01" },
	/* 4 */ { "Bài viết dạng NFD", "Phong tra\xcc\x80o da\xcc\x82n va\xcc\xa3\xcc\x82n khe\xcc\x81o.",
		  NULL, "2018-06-27" },
	/* 5 */ { "TỈNH UỶ họp bàn", "Thành ủy và Tỉnh ủy cùng ĐẢNG BỘ triển khai nghị quyết.",
		  "TRUNG TRỰC", "2022-01-10" },
	/* 6 */ { "Lũ lụt miền Trung", "Nước dâng cao ở nhiều xã, người dân sơ tán.", NULL, "2020-10-20" },
	/* 7 */ { "Giá cả thị trường", "Tin về lũ lụt ở miền Trung được cập nhật liên tục.", NULL, "2020-10-21" },
	/* 8 */ { "Xe buýt mới", "Tuyến bus số 5 bắt đầu chạy, em bé bú sữa.", NULL, NULL },
};
#define NDOCS (sizeof docs / sizeof docs[0])

static void
build(void)
{
	char *path, *err = NULL;

	if (mkdtemp(dir) == NULL)
		exit(1);
	path = xasprintf("%s/s.db", dir);
	st = store_open(path, &err);
	if (st == NULL) {
		printf("Bail out! %s\n", err);
		exit(1);
	}
	for (size_t i = 0; i < NDOCS; i++) {
		struct article a;

		article_init(&a);
		a.title = xstrdup(docs[i].title);
		a.author = docs[i].author ? xstrdup(docs[i].author) : NULL;
		if (docs[i].published)
			sscanf(docs[i].published, "%d-%d-%d", &a.published.year,
			    &a.published.month, &a.published.day), a.published.prec = DATE_DAY;
		strlist_push(&a.paras, xstrdup(docs[i].body));
		store_add(st, &a, "t.txt", NULL);
		article_free(&a);
	}
	free(path);
}

struct ids {
	char list[256];
	int n;
	int first;
	char snippet[512];
};

static int
add_id(const struct store_item *it, const char *snippet, void *ctx)
{
	struct ids *r = ctx;
	char num[24];

	snprintf(num, sizeof num, "%s%lld", r->n ? "," : "", (long long)it->id);
	strcat(r->list, num);
	if (r->n == 0) {
		r->first = (int)it->id;
		snprintf(r->snippet, sizeof r->snippet, "%s", snippet ? snippet : "");
	}
	r->n++;
	return 0;
}

/* Ids found by text, sorted ascending, as "1,4"; "error" on an error.
 * native: prefixes left to FTS5 instead of expanded to their terms. */
static char *
find_as(const char *text, enum store_sort sort, struct ids *r, int native)
{
	struct query q;
	int rc;

	memset(r, 0, sizeof *r);
	if (native)
		query_parse(text, &q);
	else
		store_parse_query(st, text, &q);
	if (query_empty(&q)) {
		query_free(&q);
		return xstrdup("");
	}
	rc = store_search(st, &q, sort, -1, add_id, r, NULL);
	query_free(&q);
	if (rc < 0)
		return xstrdup("error");
	return xstrdup(r->list);
}

static char *
find(const char *text, enum store_sort sort, struct ids *r)
{
	return find_as(text, sort, r, 0);
}

static int
cmp_int(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

static char *
sorted(const char *list)
{
	int v[64], n = 0;
	char *copy = xstrdup(list), *tok, *save = NULL;
	struct buf b;

	for (tok = strtok_r(copy, ",", &save); tok && n < 64; tok = strtok_r(NULL, ",", &save))
		v[n++] = atoi(tok);
	free(copy);
	qsort(v, (size_t)n, sizeof *v, cmp_int);
	buf_init(&b);
	buf_add(&b, "", 0);
	for (int i = 0; i < n; i++)
		buf_printf(&b, "%s%d", i ? "," : "", v[i]);
	return buf_detach(&b);
}

static void
expect(const char *query, const char *want)
{
	struct ids r;
	char *got = find(query, STORE_SORT_RANK, &r), *s = sorted(got);
	char name[300];

	snprintf(name, sizeof name, "%s -> {%s}", query, want);
	is_str(strcmp(got, "error") == 0 ? "error" : s, want, name);
	if (strchr(query, '*') != NULL) {
		/* A prefix expanded to its terms finds what FTS5 finds. */
		char *native = find_as(query, STORE_SORT_RANK, &r, 1), *ns = sorted(native);

		snprintf(name, sizeof name, "  %s: the same as FTS5's own prefix", query);
		is_str(s, ns, name);
		free(native);
		free(ns);
	}
	free(got);
	free(s);
}

/* Does text parse into an expression with a group of terms? */
static int
expanded(const char *text)
{
	struct query q;
	int yes;

	store_parse_query(st, text, &q);
	yes = q.match != NULL && strstr(q.match, TOK_GROUP_MARK) != NULL;
	query_free(&q);
	return yes;
}

/* Add an article; its id as a string, as find() lists it. */
static char *
add_doc(const char *title, const char *body)
{
	struct article a;
	int64_t id = -1;

	article_init(&a);
	a.title = xstrdup(title);
	strlist_push(&a.paras, xstrdup(body));
	store_add(st, &a, "t.txt", &id);
	article_free(&a);
	return xasprintf("%lld", (long long)id);
}

/* Both sorts of text find the same ids, as "1,4," sorted; the ranked
 * order's ids are returned. */
static char *
marked(const char *text)
{
	struct ids r, d;
	char *rank = find(text, STORE_SORT_RANK, &r), *date = find(text, STORE_SORT_DATE, &d);
	char *a = sorted(rank), *b = sorted(date);
	int same = strcmp(a, b) == 0;

	free(a);
	free(b);
	free(date);
	if (!same) {
		free(rank);
		return xstrdup("differ");
	}
	return rank;
}

/*
 * is:bookmarked and tag: read the bookmarks' own index (schema 15), which
 * triggers keep as bookmarks come and go and as their articles are
 * deleted, imported again or changed.
 */
/* marked(query) is want. */
static void
is_marked(const char *query, const char *want, const char *what)
{
	char *got = marked(query);

	is_str(got, want, what);
	free(got);
}

static void
test_marked_index(void)
{
	char *a = add_doc("Cống ngăn mặn",
	    "Cống ngăn mặn mới được xây ở xã ven biển.");
	char *b = add_doc("Tin khác", "Người dân nói cống ngăn mặn giúp lúa tốt.");
	int64_t ia = atoll(a), ib = atoll(b);
	char want[64], *got;
	struct strlist tags;
	struct article art;

	is_marked("is:bookmarked cong ngan man", "", "no bookmark: is:bookmarked finds nothing");
	ok(store_bookmark_set(st, ib, NULL, NULL) == 1, "a bookmark made");
	snprintf(want, sizeof want, "%s", b);
	is_marked("is:bookmarked cong ngan man", want,
	    "  is:bookmarked finds it, ranked and newest first");
	is_marked("is:bookmarked \"ngan man giup\"", want, "  a phrase too");
	is_marked("is:bookmarked cong -lua", "", "  an exclusion among the bookmarks");
	strlist_init(&tags);
	strlist_push(&tags, xstrdup("de-dieu"));
	ok(store_set_tags(st, ib, &tags) == 1, "  tagged");
	strlist_free(&tags);
	is_marked("tag:de-dieu cong ngan man", want, "  tag: finds it");
	is_marked("tag:khac cong ngan man", "", "  another tag does not");
	ok(store_bookmark_set(st, ia, NULL, NULL) == 1, "a second bookmark");
	got = marked("is:bookmarked cong ngan man");
	{
		char *both = sorted(got);

		snprintf(want, sizeof want, "%s,%s", a, b);
		is_str(both, want, "  both found");
		free(both);
	}
	free(got);
	ok(store_bookmark_remove(st, ib) == 1, "the first removed");
	snprintf(want, sizeof want, "%s", a);
	is_marked("is:bookmarked cong ngan man", want, "  only the other is found");
	is_marked("tag:de-dieu cong ngan man", "", "  nor by its tag");
	article_init(&art);
	art.title = xstrdup("Cống ngăn triều");
	strlist_push(&art.paras, xstrdup("Cống ngăn triều được sửa."));
	ok(store_replace(st, ia, &art) == 1, "the bookmarked article changed");
	article_free(&art);
	is_marked("is:bookmarked ngan man", "",
	    "  its old words are gone from the bookmarks' index");
	is_marked("is:bookmarked ngan trieu", want, "  its new ones found");
	ok(store_delete(st, ia) == 1, "the bookmarked article deleted");
	is_marked("is:bookmarked ngan trieu", "", "  gone from the bookmarks' index too");
	free(a);
	free(b);
}

/* all_words finds the same hits as match, without phrase alternatives. */
static void
test_all_words(void)
{
	static const char *const qs[] = {
		"dan van kheo", "trien khai -phong", "(dan van) OR (lu lut)",
		"phong trao -\"da nang\"", "lũ lụt OR thủy lợi", "(mien trung) lu*",
	};

	for (size_t i = 0; i < sizeof qs / sizeof *qs; i++) {
		struct query q;
		struct ids a, b;
		char name[128], *sa, *sb;
		char *saved;

		store_parse_query(st, qs[i], &q);
		snprintf(name, sizeof name, "%s: all_words without phrases, same hits", qs[i]);
		if (q.all_words == NULL || strchr(q.all_words, '"') == NULL ||
		    strstr(q.all_words, "\" OR (") != NULL) {
			ok(0, name);
			query_free(&q);
			continue;
		}
		memset(&a, 0, sizeof a);
		memset(&b, 0, sizeof b);
		store_search(st, &q, STORE_SORT_DATE, -1, add_id, &a, NULL);
		saved = q.match;
		q.match = q.all_words;
		store_search(st, &q, STORE_SORT_DATE, -1, add_id, &b, NULL);
		q.match = saved;
		sa = sorted(a.list);
		sb = sorted(b.list);
		ok(strcmp(sa, sb) == 0 && a.n > 0, name);
		free(sa);
		free(sb);
		query_free(&q);
	}
}

/* Prefixes are read as the terms they cover (store_parse_query). */
static void
test_prefix_terms(void)
{
	struct buf b;
	char *id;

	ok(expanded("dan*"), "dan* is expanded to its terms");
	ok(expanded("dân*"), "dân* too");
	ok(expanded("title:dan*"), "title:dan* too");
	ok(expanded("qqq*"), "a prefix with no term too (it finds nothing)");
	expect("qqq*", "");
	expect("d*", "1,2,3,4,5,6,7,8");
	expect("ph*", "1,4");
	expect("đả*", "1,2,5");
	expect("nướ*", "6");
	expect("title:dan*", "4");
	expect("title:tỉ*", "5");
	expect("lu* -mien*", "");
	expect("kh* OR bu*", "1,2,3,4,5,8");
	/* Typed, the marks of a group are spaces. */
	expect("\xee\x80\x80" "dân", "1,3,4,6");
	expect("dân\xee\x80\x81vận", "1,4");
	/* Many terms: the most frequent 64 (store-prefix.c). */
	buf_init(&b);
	for (int i = 0; i < 70; i++)
		buf_printf(&b, "zz%c%c ", 'a' + i / 26, 'a' + i % 26);
	id = add_doc("Nhiều từ", b.data);
	buf_free(&b);
	ok(expanded("zz*"), "a prefix of 70 terms is expanded too");
	expect("zz*", id);
	ok(expanded("zzc*"), "zzc* (18 terms) is expanded");
	expect("zzc*", id);
	free(id);
	/* Terms of a new article are known at once. */
	id = add_doc("Bài mới", "Từ lạ xyzwq xuất hiện.");
	expect("xyzw*", id);
	free(id);
}

static void
test_matching(void)
{
	expect("dan van kheo", "1,2,4");
	expect("dân vận khéo", "1,4");
	expect("\"dân vận\"", "1,4");
	expect("dân van", "1,4");
	expect("Dân Vận", "1,4");
	expect("DÂN VẬN KHÉO", "1,4");
	expect("da\xcc\x82n va\xcc\xa3\xcc\x82n", "1,4");	/* NFD query */
	expect("đà nẵng", "1");
	expect("da nang", "1");
	expect("dấn", "2");
	expect("hoà", "3");
	expect("hòa", "3");
	expect("thủy", "3");
	expect("thuỷ", "3");
	expect("khóa", "3");
	expect("uỷ", "5");
	expect("ủy", "5");
	expect("tỉnh ủy", "5");
	expect("đảng", "5");
	expect("dang bo", "5");
	expect("bus", "8");
	expect("bú", "8");
}

static void
test_language(void)
{
	expect("dân*", "1,2,3,4,6");
	expect("dâ*", "1,2,3,4,6");
	expect("kheo*", "1,2,4");
	expect("dân vận -kheo", "");
	expect("dan van -kheo", "");
	expect("lũ lụt -\"miền Trung\"", "");
	expect("lu lut -title:lut", "7");
	expect("lũ OR thủy", "3,6,7");
	expect("(lũ OR thủy) lợi", "3");
	expect("title:lũ", "6");
	expect("author:\"thu hà\"", "3");
	expect("author:trung", "5");
	expect("after:2020-03 phong", "1");
	expect("before:2020 phong", "4");
	expect("on:2020-10-20 lu", "6");
	expect("on:20/10/2020 lu", "6");
	expect("after:2021", "3,5");
	expect("is:unread dân vận", "1,4");
	expect("is:bookmarked dân", "");
	expect("-dân", "2,5,7,8");
}

/* Malformed and hostile input: never an error, always a sensible set. */
static void
test_hostile(void)
{
	static const struct { const char *q, *want; } cases[] = {
		{ "\"dân vận", "1,4" }, { "dân vận\"", "1,4" }, { "(dân vận", "1,4" },
		{ "dân vận)", "1,4" }, { "))dân((", "1,3,4,6" }, { "*", "" }, { ":", "" },
		{ "^dân", "1,3,4,6" }, { "dân^", "1,3,4,6" }, { "OR", "" }, { "OR dân vận", "1,4" },
		{ "dân vận OR", "1,4" }, { "dân OR OR vận", "1,3,4,6" }, { "AND", "" },
		{ "NOT", "" }, { "dân vận -", "1,4" }, { "- dân vận", "1,4" }, { "--dân vận", "1,4" },
		{ "title:", "" }, { "foo:bar", "" }, { "after:abc", "" }, { "on:2024-02-30 dân", "" },
		{ "dân*vận", "1,4" }, { "\"", "" }, { "\"\"", "" }, { "\"\" dân vận", "1,4" },
		{ "\xf0\x9f\x99\x82 dân vận", "1,4" }, { "dân;DROP TABLE article;--", "" },
		{ "'dân vận'", "1,4" }, { "dân\\ vận", "1,4" }, { "NEAR(dân vận)", "" },
		{ "{title}: dân", "" }, { "*dân vận", "1,4" }, { "dân vận**", "1,4" },
		{ "((((((((((((((((((((dân vận))))))))))))))))))))", "1,4" },
		{ "dân \"vận", "1,4" }, { "title:\"", "" }, { "-\"\"", "" }, { "-(dân)", "2,5,7,8" },
		{ "a OR -b", "" }, { "dân + vận", "1,4" }, { "dân, vận.", "1,4" },
		{ "\xff\xfe dân vận", "1,4" }, { "\x1b dân vận", "1,4" }, { "is:", "" },
		{ "is:nonsense dân vận", "" }, { "dân vận NOT kheo", "" },
	};
	char *longq;
	struct buf b;

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		expect(cases[i].q, cases[i].want);
	/* 2,000 characters: words past the limit are ignored. */
	buf_init(&b);
	while (b.len < 2000)
		buf_adds(&b, "dân vận ");
	longq = buf_detach(&b);
	expect(longq, "1,4");
	free(longq);
	ok(sizeof cases / sizeof cases[0] >= 40, "at least 40 hostile queries");
}

static void
test_ranking(void)
{
	struct ids r;
	char *got;
	struct article a;

	/* Same words, adjacent and in order vs scattered, same length. */
	article_init(&a);
	a.title = xstrdup("Bài A");
	strlist_push(&a.paras, xstrdup("Hôm qua xã tổ chức hội nghị công tác mặt trận nông thôn."));
	store_add(st, &a, "a.txt", NULL);
	article_free(&a);
	article_init(&a);
	a.title = xstrdup("Bài B");
	strlist_push(&a.paras, xstrdup("Công tác hôm qua ở xã, nông thôn tổ chức hội nghị mặt trận."));
	store_add(st, &a, "b.txt", NULL);
	article_free(&a);
	got = find("mat tran nong thon", STORE_SORT_RANK, &r);
	is_int(r.n, 2, "both articles found");
	is_int(r.first, 9, "adjacent words rank above scattered ones");
	free(got);
	got = find("lũ lụt", STORE_SORT_RANK, &r);
	is_int(r.first, 6, "a title match ranks above a body match");
	free(got);
	got = find("lũ lụt", STORE_SORT_DATE, &r);
	is_int(r.first, 7, "--sort date: newest first");
	free(got);
}

/* Past the window, ranking goes by tiers: titles, phrase, recent hits. */
static void
test_partial(void)
{
	struct store_search_info info;
	struct query q;
	struct ids r;
	char *s;

	store_set_rank_window(st, 2);
	memset(&r, 0, sizeof r);
	query_parse("lũ lụt", &q);
	ok(store_search(st, &q, STORE_SORT_RANK, 10, add_id, &r, &info) == 0, "windowed search runs");
	ok(info.partial, "  and says the ranking is partial");
	is_str(r.list, "6,7", "  title hit first, then the rest, no repeats");
	query_free(&q);
	memset(&r, 0, sizeof r);
	query_parse("dan", &q);
	ok(store_search(st, &q, STORE_SORT_DATE, 3, add_id, &r, &info) == 0 && !info.partial,
	    "many hits by date: along the date index, complete");
	is_str(r.list, "3,6,1", "  newest first");
	query_free(&q);
	memset(&r, 0, sizeof r);
	query_parse("dan after:2020-06", &q);
	store_search(st, &q, STORE_SORT_RANK, 10, add_id, &r, &info);
	s = sorted(r.list);
	is_str(s, "3,6", "a date filter with many hits: the range walked newest first");
	free(s);
	query_free(&q);
	store_set_rank_window(st, 2000);
}

/*
 * Past the window every hit still comes, and those with the words side by
 * side before every one with them apart, even when they are older than
 * the window: two old phrase hits under ten new scattered ones.
 */
static void
test_nothing_lost(void)
{
	struct store_search_info info;
	struct query q;
	struct ids r, d;
	char *body = add_doc("Thời sự", "Ai cũng cần bảo hiểm y tế.");
	char *title = add_doc("Bảo hiểm cho mọi người", "Một bài về chính sách.");
	char want[64], *all, *s1, *s2;

	for (int i = 0; i < 10; i++) {
		char text[96];

		snprintf(text, sizeof text, "Cần bảo vệ rừng số %d, cháy rừng rất nguy hiểm.", i);
		free(add_doc("Thời sự", text));
	}
	store_set_rank_window(st, 2);
	memset(&r, 0, sizeof r);
	query_parse("bao hiem", &q);
	ok(store_search(st, &q, STORE_SORT_RANK, -1, add_id, &r, &info) == 0 && info.partial,
	    "many hits, a small window: a partial ranking");
	is_int(r.n, 12, "  every hit comes, none lost, none twice");
	/* It read the window's 2 newest on its way: the total is counted. */
	ok(info.counted == 2 && !info.counted_all, "  the window's hits read on its way");
	{
		int64_t n = 0;
		int more = 1;

		ok(store_search_total(st, &q, &info, 100, STORE_COUNT_MS, &n, &more) == 0 && n == 12 &&
		    !more,
		    "  the total counted, all of it");
		ok(store_search_total(st, &q, &info, 5, STORE_COUNT_MS, &n, &more) == 0 && n == 5,
		    "  up to a cap");
		/* A count cut off at once says no less than the search read. */
		ok(store_search_total(st, &q, &info, 100, 1e-6, &n, &more) == 0 && more && n == 2,
		    "  a count stopped at once: at least the 2 read on the way");
	}
	snprintf(want, sizeof want, "%s,%s,", title, body);
	ok(strncmp(r.list, want, strlen(want)) == 0, "  the old phrase hits before the new scattered ones");
	query_free(&q);
	all = find("bao hiem", STORE_SORT_DATE, &d);
	s1 = sorted(r.list);
	s2 = sorted(all);
	is_str(s1, s2, "  the same hits as the date order");
	free(s1);
	free(s2);
	free(all);
	memset(&r, 0, sizeof r);
	query_parse("bao hiem", &q);
	store_search(st, &q, STORE_SORT_RANK, 3, add_id, &r, &info);
	is_int(r.n, 3, "  a limit still holds");
	query_free(&q);
	/* With a word excluded, the same steps: the phrase first, older or
	 * not, and nothing of what is excluded. */
	memset(&r, 0, sizeof r);
	query_parse("bao hiem -3", &q);
	ok(store_search(st, &q, STORE_SORT_RANK, 20, add_id, &r, &info) == 0 && info.partial,
	    "a word excluded, many hits: partial");
	is_int(r.n, 11, "  the 11 without the word excluded");
	ok(strncmp(r.list, want, strlen(want)) == 0, "  the old phrase hits first");
	query_free(&q);
	/* Ten more newer scattered hits, and a window of 1: the phrase hits
	 * are older than the depth the phrase is looked for (16 times the
	 * keys the window spans: here none); they still come, with the old
	 * hits, newest first. */
	for (int i = 10; i < 20; i++) {
		char text[96];

		snprintf(text, sizeof text, "Cần bảo vệ rừng số %d, cháy rừng rất nguy hiểm.", i);
		free(add_doc("Thời sự", text));
	}
	store_set_rank_window(st, 1);
	memset(&r, 0, sizeof r);
	query_parse("bao hiem", &q);
	ok(store_search(st, &q, STORE_SORT_RANK, -1, add_id, &r, &info) == 0 &&
	    info.depth_key > 0, "phrase hits past the depth");
	{
		/* 2020-03-27 00:00 UTC is minute 26421120 from 1970, and
		 * keys count minutes from 1900 (SQL_FTS_KEY). */
		int64_t key = ((int64_t)(26421120 + 36816480) << 36) | 5;
		char day[16] = "";

		ok(store_key_date(key, day, sizeof day) == 1, "  a key's day, for the note");
		is_str(day, "2020-03-27", "  that day");
		ok(!store_key_date(5, day, sizeof day), "  an undated article's key has none");
	}
	is_int(r.n, 22, "  every hit comes, none lost, none twice");
	ok(info.counted == 1 && !info.counted_all, "  1 hit read on its way, not all");
	{
		int64_t n = 0;
		int more = 1;

		ok(store_search_total(st, &q, &info, 100, STORE_COUNT_MS, &n, &more) == 0 && n == 22,
		    "  so the total is counted: 22");
		ok(store_search_total(st, &q, &info, 10, STORE_COUNT_MS, &n, &more) == 0 && n == 10,
		    "  (with a cap, the cap)");
	}
	snprintf(want, sizeof want, ",%s,%s", title, body);
	ok(strlen(r.list) > strlen(want) &&
	    strcmp(r.list + strlen(r.list) - strlen(want), want) == 0,
	    "  the oldest, phrase or not, last, newest first");
	/* Fewer hits than the window: ranked all at once, and counted on
	 * the way. */
	store_set_rank_window(st, 2000);
	ok(store_search(st, &q, STORE_SORT_RANK, 5, add_id, &d, &info) == 0 && !info.partial &&
	    info.counted == 22 && info.counted_all, "few hits: counted on the way, all of them");
	query_free(&q);
	/* More words, fewer hits ranked: each has the positions of each
	 * word read (window_of). */
	store_set_rank_window(st, 4);
	query_parse("bao hiem", &q);
	ok(store_search(st, &q, STORE_SORT_RANK, 5, add_id, &d, &info) == 0 && info.partial &&
	    info.window == 4, "two words: the whole window ranked");
	query_free(&q);
	query_parse("can bao ve rung", &q);
	ok(store_search(st, &q, STORE_SORT_RANK, 5, add_id, &d, &info) == 0 && info.partial &&
	    info.window == 2, "four words: half of it");
	query_free(&q);
	free(body);
	free(title);
	store_set_rank_window(st, 2000);
}

/* Each hit's id as "id,", for comparing orders. */
static int
list_id(const struct store_item *it, const char *snippet, void *ctx)
{
	(void)snippet;
	buf_printf(ctx, "%lld,", (long long)it->id);
	return 0;
}

/* The ids of text's first limit hits in bs newest first ("" on error). */
static char *
newest(struct store *bs, const char *text, long limit)
{
	struct query q;
	struct buf b;

	buf_init(&b);
	buf_add(&b, "", 0);
	query_parse(text, &q);
	if (store_search(bs, &q, STORE_SORT_DATE, limit, list_id, &b, NULL) < 0)
		buf_reset(&b);
	query_free(&q);
	return buf_detach(&b);
}

/* Does the list of limit ids a begin b, the list of every id? */
static int
begins(const char *a, const char *b)
{
	return *a && strncmp(a, b, strlen(a)) == 0;
}

/* An article of test_dates: its id, date as stored ("" none), rare word. */
struct dated {
	int64_t id;
	char published[24];
	int rare;
	int marked;	/* 1 bookmarked, 2 bookmarked and tagged */
	int site;	/* 1 www.baomoi.com, 2 m.baomoi.com, 3 tuoitre.vn, 0 no URL */
};

/* Newest first: by the minute, undated last, the same minute newest
 * import first (a day is its first minute). */
static int
dated_cmp(const void *va, const void *vb)
{
	const struct dated *a = va, *b = vb;
	char ma[32], mb[32];
	int c;

	snprintf(ma, sizeof ma, "%s%s", a->published, strlen(a->published) == 10 ? "T00:00" : "");
	snprintf(mb, sizeof mb, "%s%s", b->published, strlen(b->published) == 10 ? "T00:00" : "");
	c = strcmp(mb, ma);

	if (!*a->published != !*b->published)
		return *a->published ? -1 : 1;
	return c != 0 ? c : (a->id < b->id) - (a->id > b->id);
}

/* The ids, newest first, of the articles a filter keeps: the expected
 * answer, worked out here without the index. */
static char *
expected_ids(const struct dated *v, size_t n, int rare, const char *from, const char *to)
{
	struct buf b;

	buf_init(&b);
	buf_add(&b, "", 0);
	for (size_t i = 0; i < n; i++) {
		if ((rare == 1 && !v[i].rare) || (rare == -1 && v[i].rare) ||
		    (rare == 2 && !v[i].marked) || (rare == 3 && v[i].marked != 2) ||
		    (rare == 4 && v[i].site != 1 && v[i].site != 2) ||
		    (rare == 5 && v[i].site != 2) || (rare == 6 && v[i].site != 3) ||
		    ((from || to) && !*v[i].published) ||
		    (from && strcmp(v[i].published, from) < 0) ||
		    (to && strcmp(v[i].published, to) >= 0))
			continue;
		buf_printf(&b, "%lld,", (long long)v[i].id);
	}
	return buf_detach(&b);
}

/*
 * Newest first is the index's own order (SQL_FTS_KEY): 9,000 articles
 * imported with dates in no order (some undated, some at the edges of
 * the filters' spans, to the minute); every page and the whole list are
 * as sorted here, with and without date filters, for a word in few
 * articles and with one excluded, bookmarks, tags and sites.
 */
static void
test_dates(void)
{
	static const struct {
		const char *text;
		int rare;	/* 1: only the rare word's, -1: without it,
				 * 2: bookmarked, 3: tagged "mốc", 4: on
				 * baomoi.com, 5: on m.baomoi.com, 6: on
				 * tuoitre.vn */
		const char *from, *to;
	} cases[] = {
		{ "tuyến đê", 0, NULL, NULL },
		{ "tuyen de after:2015", 0, "2015", NULL },
		{ "tuyen de before:2012-06", 0, NULL, "2012-06" },
		{ "tuyen de on:2013", 0, "2013", "2013\x7f" },
		{ "tuyen de on:2013-02", 0, "2013-02", "2013-02\x7f" },
		{ "tuyen de on:2014-03-01", 0, "2014-03-01", "2014-03-01\x7f" },
		{ "hiếm hoi", 1, NULL, NULL },
		{ "tuyen de -hiem", -1, NULL, NULL },
		{ "is:bookmarked tuyen de", 2, NULL, NULL },
		{ "tuyen de is:bookmarked after:2013", 2, "2013", NULL },
		{ "tag:mốc đê", 3, NULL, NULL },
		{ "tag:mốc de before:2014", 3, NULL, "2014" },
		{ "tuyen de site:baomoi.com", 4, NULL, NULL },
		{ "site:M.Baomoi.com tuyen", 5, NULL, NULL },
		{ "site:https://tuoitre.vn/ after:2013", 6, "2013", NULL },
	};
	/* The edges of those spans, to the minute. */
	static const struct date edges[] = {
		{ .year = 2015, .month = 1, .day = 1, .prec = DATE_MINUTE },
		{ .year = 2014, .month = 12, .day = 31, .hour = 23, .minute = 59, .prec = DATE_MINUTE },
		{ .year = 2012, .month = 6, .day = 1, .prec = DATE_DAY },
		{ .year = 2012, .month = 5, .day = 31, .hour = 23, .minute = 59, .prec = DATE_MINUTE },
		{ .year = 2013, .month = 12, .day = 31, .hour = 23, .minute = 59, .prec = DATE_MINUTE },
		{ .year = 2014, .month = 1, .day = 1, .prec = DATE_DAY },
		{ .year = 2013, .month = 2, .day = 28, .hour = 23, .minute = 59, .prec = DATE_MINUTE },
		{ .year = 2013, .month = 3, .day = 1, .prec = DATE_DAY },
		{ .year = 2014, .month = 3, .day = 1, .hour = 23, .minute = 59, .prec = DATE_MINUTE },
		{ .year = 2014, .month = 3, .day = 2, .prec = DATE_DAY },
		{ .year = 1850, .month = 3, .day = 2, .prec = DATE_DAY },
	};
	enum { N = 9000 };
	struct dated *v = xcalloc(N, sizeof *v);
	uint64_t x = 88172645463325252u;
	char *path = xasprintf("%s/dates.db", dir), *err = NULL;
	struct store *bs = store_open(path, &err);

	free(path);
	if (bs == NULL) {
		printf("Bail out! %s\n", err);
		exit(1);
	}
	store_begin(bs);
	for (int i = 0; i < N; i++) {
		struct article a;
		char body[128];

		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		article_init(&a);
		a.title = xstrdup("Bản tin đê điều");
		v[i].rare = i % 700 == 0;
		snprintf(body, sizeof body, "Tuyến đê số %d được gia cố%s.", i,
		    v[i].rare ? ", một việc hiếm hoi" : "");
		strlist_push(&a.paras, xstrdup(body));
		if ((size_t)(i % 500) < sizeof edges / sizeof edges[0])
			a.published = edges[i % 500];
		else if (x % 10 != 0) {
			a.published.year = 2010 + (int)(x % 7);
			a.published.month = 1 + (int)(x / 7 % 12);
			a.published.day = 1 + (int)(x / 84 % 28);
			a.published.prec = DATE_DAY;
		}
		if (a.published.prec != DATE_NONE)
			date_iso(&a.published, v[i].published);
		v[i].site = i % 5 < 3 ? i % 5 + 1 : 0;
		if (v[i].site != 0)
			a.url = xasprintf("https://%s/tin/%d.html", v[i].site == 1 ? "www.baomoi.com" :
			    v[i].site == 2 ? "m.baomoi.com" : "tuoitre.vn", i);
		store_add(bs, &a, "d.txt", &v[i].id);
		article_free(&a);
	}
	store_commit(bs);
	/* Bookmarks, a few tagged, the index's hits checked against them. */
	for (int i = 0; i < N; i++) {
		struct strlist tags;

		if (i % 97 != 3)
			continue;
		strlist_init(&tags);
		if (i % 291 == 3)
			strlist_push(&tags, xstrdup("mốc"));
		v[i].marked = tags.len > 0 ? 2 : 1;
		store_bookmark_set(bs, v[i].id, NULL, &tags);
		strlist_free(&tags);
	}
	qsort(v, N, sizeof *v, dated_cmp);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *want = expected_ids(v, N, cases[i].rare, cases[i].from, cases[i].to);
		char *all = newest(bs, cases[i].text, -1), *page = newest(bs, cases[i].text, 20);
		char name[96];

		snprintf(name, sizeof name, "%s: every hit, newest first", cases[i].text);
		ok(strcmp(all, want) == 0, name);
		ok(begins(page, want), "  and the first 20");
		free(want);
		free(all);
		free(page);
	}
	{
		struct query q;
		int64_t n = -1;
		long want = 0;

		for (int i = 0; i < N; i++)
			want += v[i].marked != 0;
		query_parse("is:bookmarked tuyen de", &q);
		ok(store_search_count(bs, &q, -1, &n) == 0 && n == want,
		    "is:bookmarked: the hits counted");
		query_free(&q);
	}
	free(v);
	{
		/* An article whose date moves ahead of all, its text
		 * unchanged: it moves in the index, and comes first. */
		struct article a;
		char *first;

		article_init(&a);
		a.title = xstrdup("Bản tin đê điều");
		strlist_push(&a.paras, xstrdup("Tuyến đê số 4 được gia cố."));
		a.published = (struct date){ .year = 2030, .month = 1, .day = 2, .prec = DATE_DAY };
		ok(store_replace(bs, 5, &a) == 1, "an article's date moves to 2030");
		article_free(&a);
		first = newest(bs, "tuyen de", 1);
		is_str(first, "5,", "  it is the newest hit");
		free(first);
		first = newest(bs, "\"so 4 duoc\"", -1);
		is_str(first, "5,", "  once: its old place left the index");
		free(first);
		first = newest(bs, "\"so 4 duoc\" on:2030-01-02", -1);
		is_str(first, "5,", "  and its new date finds it");
		free(first);
		ok(store_bookmark_set(bs, 5, "mới", NULL) == 1, "  bookmarked");
		first = newest(bs, "is:bookmarked tuyen de", 2);
		ok(strncmp(first, "5,", 2) == 0, "  the newest bookmarked hit");
		free(first);
	}
	{
		/* Ranked, with a date filter and many hits: the phrase in the
		 * title, elsewhere, then apart, within the range. */
		static const char *const texts[][2] = {
			{ "Bảo hiểm xã hội tăng", "Tin cũ." },
			{ "Tin cũ", "Người dân cần bảo hiểm y tế." },
			{ "Tin mới", "Bảo vệ rừng là việc nguy hiểm." },
			{ "Tin mới nhất", "Bảo vệ đê là việc nguy hiểm." },
		};
		struct store_search_info info;
		struct query q;
		struct buf got;

		for (int i = 0; i < 4; i++) {
			struct article a;

			article_init(&a);
			a.title = xstrdup(texts[i][0]);
			strlist_push(&a.paras, xstrdup(texts[i][1]));
			a.published = (struct date){ .year = 2031 + i, .month = 1, .day = 1,
				.prec = DATE_DAY };
			store_add(bs, &a, "band.txt", NULL);
			article_free(&a);
		}
		store_set_rank_window(bs, 2);
		buf_init(&got);
		buf_add(&got, "", 0);
		query_parse("bao hiem after:2030", &q);
		store_search(bs, &q, STORE_SORT_RANK, -1, list_id, &got, &info);
		/* The window: the range's 2 newest hits, 2034 and 2033, both
		 * scattered; the phrase is looked for back to 15 years before
		 * 2033: in a title (2031), then elsewhere (2032). Then the
		 * window, ranked (a tie: by key). */
		is_str(got.data, "9001,9002,9003,9004,",
		    "  a date filter: the ranked steps within its range");
		ok(info.partial, "  and says so");
		query_free(&q);
		buf_free(&got);
	}
	store_close(bs);
}

static void
test_snippets(void)
{
	struct ids r;
	char *got;

	got = find("dan van kheo after:2020", STORE_SORT_RANK, &r);
	is_int(r.first, 1, "the one article after 2020");
	ok(strstr(r.snippet, "\x01" "dân vận khéo\x02") != NULL,
	    "diacritic-free query marks the accented words");
	free(got);
	got = find("hòa", STORE_SORT_RANK, &r);
	ok(strstr(r.snippet, "\x01Hoà\x02") != NULL || strstr(r.snippet, "\x01hòa\x02") != NULL,
	    "old-style tone marked for a new-style query");
	free(got);
	got = find("thuỷ lợi", STORE_SORT_RANK, &r);
	ok(strstr(r.snippet, "\x01thuỷ lợi\x02") != NULL, "exact query marks its words");
	ok(strstr(r.snippet, "Thủy lợi và hòa bình") == NULL, "  in the body: the title is not repeated");
	free(got);
	got = find("title:lũ", STORE_SORT_RANK, &r);
	is_str(r.snippet, "Nước dâng cao ở nhiều xã, người dân sơ tán.",
	    "a hit in the title alone: the body's opening, unmarked");
	free(got);
	got = find("author:trung", STORE_SORT_RANK, &r);
	ok(strncmp(r.snippet, "Thành ủy", strlen("Thành ủy")) == 0, "a hit in the author alone too");
	free(got);
}

static void
test_telex(void)
{
	static const struct { const char *in, *want; } cases[] = {
		{ "daan vaajn", "dân vận" }, { "da6n va65n", "dân vận" }, { "ddaf nawngx", "đà nẵng" },
		{ "nguwowif", "người" }, { "hoaf", "hoà" }, { "thuyr", "thuỷ" }, { "bus", "bú" },
		{ "dân vận", NULL }, { "123", NULL }, { "xin chao", NULL },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *got = telex_to_vietnamese(cases[i].in), name[128];

		snprintf(name, sizeof name, "telex %s", cases[i].in);
		is_str(got, cases[i].want, name);
		free(got);
	}
}

/* A store of its own for "did you mean", a word or phrase given n times. */
static struct store *
suggest_store(void)
{
	static const struct { const char *text; int n; } words[] = {
		{ "Bài về công tác dân vận ở xã.", 12 },
		{ "Chị Vân bán hàng, người dân ở chợ.", 3 },
		{ "Vụ tham nhũng lớn được xử lý nhanh.", 12 },
		{ "Xe chạy nhanh trên đường.", 30 },
		{ "Du lịch Đà Nẵng hè này.", 12 },
		{ "Trăng non trên núi.", 5 },
		{ "Người dân đi bầu cử.", 12 },
	};
	char *path = xasprintf("%s/suggest.db", dir), *err = NULL;
	struct store *ss = store_open(path, &err);
	int k = 0;

	free(path);
	if (ss == NULL) {
		printf("Bail out! %s\n", err);
		exit(1);
	}
	store_begin(ss);
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		for (int j = 0; j < words[i].n; j++) {
			struct article a;

			article_init(&a);
			a.title = xasprintf("Tin số %d", ++k);
			/* Not the same text twice: that is a duplicate. */
			strlist_push(&a.paras, xasprintf("%s Số %d.", words[i].text, k));
			store_add(ss, &a, "s.txt", NULL);
			article_free(&a);
		}
	}
	store_commit(ss);
	return ss;
}

/* Did you mean: Telex, one slipped mark, one letter, and only when the
 * reading finds more or stands together far more often. */
static void
test_suggest(void)
{
	static const struct { const char *q, *want; } cases[] = {
		{ "daan vaajn", "dân vận" },	/* Telex */
		{ "dân vân", "dân vận" },	/* found apart, together as vận */
		{ "Đà Năng", "Đà Nẵng" },	/* a capital kept */
		{ "tham nhunh", "tham nhung" },	/* not nhanh, more common alone */
		{ "nguoj", "nguoi" },		/* not in the index: a letter */
		{ "nguoi dna", "nguoi dan" },	/* swapped */
		{ "trang nno", "trang non" },
		{ "dân vận", NULL }, { "nhanh", NULL }, { "xyzzyq", NULL },
		{ "nguoj -trang", "nguoi -trang" }, { "title:nguoj", NULL },
		{ "nguo*", NULL },
	};
	struct store *ss = suggest_store();

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct query q;
		int64_t hits = 0, n = 0;
		char name[128], *got;

		store_parse_query(ss, cases[i].q, &q);
		store_search_count(ss, &q, -1, &hits);
		query_free(&q);
		got = store_suggest(ss, cases[i].q, (long)hits, &n);
		snprintf(name, sizeof name, "did you mean, for %s", cases[i].q);
		is_str(got, cases[i].want, name);
		if (got != NULL)
			ok(n > 0, "  with the articles it finds");
		free(got);
	}
	store_close(ss);
}

/* The last word of a query being typed is a prefix when it is a plain
 * word still unfinished. */
static void
test_typing(void)
{
	static const struct { const char *in, *want; } cases[] = {
		{ "nguo", "nguo*" }, { "người ngu", "người ngu*" }, { "dân vận k", "dân vận k*" },
		{ "nguoi ", NULL }, { "", NULL }, { "\"nuoc sa", NULL }, { "\"nuoc\" sa", "\"nuoc\" sa*" },
		{ "title:ng", NULL }, { "-nguo", NULL }, { "nguo*", NULL }, { "a OR", NULL },
		{ "(nguo", NULL }, { "nguo)", NULL }, { "after:2020", NULL },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *got = query_typing(cases[i].in), name[128];

		snprintf(name, sizeof name, "typing '%s'", cases[i].in);
		is_str(got, cases[i].want, name);
		free(got);
	}
	expect("nguo", "");
	expect("nguo*", "6,12");
}

/* An article of year y in bs; its id as "id,", as list_id() lists it. */
static char *
add_in_year(struct store *bs, const char *title, const char *body, int y)
{
	struct article a;
	int64_t id = -1;

	article_init(&a);
	a.title = xstrdup(title);
	strlist_push(&a.paras, xstrdup(body));
	/* Not a duplicate of another year's. */
	strlist_push(&a.paras, xasprintf("Số %d.", y));
	a.published = (struct date){ .year = y, .month = 6, .day = 1, .prec = DATE_DAY };
	store_add(bs, &a, "deep.txt", &id);
	article_free(&a);
	return xasprintf("%lld,", (long long)id);
}

/*
 * The phrase older than the window, back to 15 window spans below it: a
 * phrase the window held often enough is read in the two spans below it
 * first, then the rest; what the two give is ranked together, a title
 * before a body whichever holds it.
 */
static void
test_deep_stretches(void)
{
	static const char scattered[] = "Bảo vệ rừng là việc nguy hiểm.";
	static const char body[] = "Ai cũng cần bảo hiểm y tế.";
	static const char title[] = "Bảo hiểm cho mọi người";
	static const char other[] = "Một bài về chính sách.";
	char *path = xasprintf("%s/deep.db", dir), *err = NULL;
	struct store *bs = store_open(path, &err);
	char *id[9], want[160];
	struct store_search_info info;
	struct query q;
	struct buf got;

	free(path);
	if (bs == NULL) {
		printf("Bail out! %s\n", err);
		exit(1);
	}
	/* The window: 2040 (the phrase) and 2039, a year's span. The two
	 * spans below: 2037 to 2039; the depth: 2024; 2010 is past it. */
	id[0] = add_in_year(bs, "Tin", body, 2040);
	id[1] = add_in_year(bs, "Tin", scattered, 2039);
	id[2] = add_in_year(bs, "Tin", body, 2038);
	id[3] = add_in_year(bs, title, other, 2036);
	id[4] = add_in_year(bs, "Tin", body, 2035);
	id[5] = add_in_year(bs, title, other, 2034);
	id[6] = add_in_year(bs, "Tin", body, 2030);
	id[7] = add_in_year(bs, title, other, 2026);
	id[8] = add_in_year(bs, title, other, 2010);
	store_set_rank_window(bs, 2);

	buf_init(&got);
	buf_add(&got, "", 0);
	query_parse("bao hiem", &q);
	/* Two more after the window's phrase hit, and it had one: the two
	 * spans below first, which give 2038, then the rest, 2036. */
	ok(store_search(bs, &q, STORE_SORT_RANK, 3, list_id, &got, &info) == 0 && info.partial,
	    "deep phrase hits, a page of 3: partial");
	snprintf(want, sizeof want, "%s%s%s", id[0], id[3], id[2]);
	is_str(got.data, want, "  the window's phrase hit, then the title of the rest "
	    "before the body of the two spans below");
	buf_reset(&got);
	buf_add(&got, "", 0);
	ok(store_search(bs, &q, STORE_SORT_RANK, 20, list_id, &got, &info) == 0,
	    "a page of 20: the depth in one pass");
	{
		static const int groups[][4] = {
			{ 0, -1 }, { 3, 5, 7, -1 }, { 2, 4, 6, -1 }, { 1, -1 }, { 8, -1 },
		};
		static const char *const names[] = {
			"  the window's phrase hit", "  then the titles", "  then the bodies",
			"  then the window", "  then the hit past the depth",
		};
		const char *p = got.data;

		for (size_t g = 0; g < sizeof groups / sizeof groups[0]; g++) {
			char *part, *a, *w;
			size_t n = 0;

			want[0] = '\0';
			for (int k = 0; k < 4 && groups[g][k] >= 0; k++) {
				strcat(want, id[groups[g][k]]);
				n += strcspn(p + n, ",") + (p[n] != '\0');
			}
			part = xstrndup(p, n);
			a = sorted(part);
			w = sorted(want);
			is_str(a, w, names[g]);
			p += n;
			free(part);
			free(a);
			free(w);
		}
		is_str(p, "", "  and nothing else");
	}
	query_free(&q);
	buf_free(&got);
	for (int i = 0; i < 9; i++)
		free(id[i]);
	store_close(bs);
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	build();
	test_matching();
	test_language();
	test_hostile();
	test_ranking();
	test_partial();
	test_nothing_lost();
	test_deep_stretches();
	test_snippets();
	test_telex();
	test_suggest();
	test_typing();
	test_all_words();
	test_prefix_terms();
	test_dates();
	test_marked_index();
	store_close(st);
	tap_cleanup(dir);
	return done();
}
