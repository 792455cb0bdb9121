/*
 * t-feed.c: feeds read (RSS 2.0, RSS 1.0, Atom), and the hostile ones
 * read safely: an external entity loads nothing, "billion laughs"
 * expands nothing, a broken feed gives what it holds.
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../src/feed.h"
#include "../src/util.h"
#include "tap.h"

static char *
slurp(const char *name, size_t *n)
{
	const char *dir = getenv("TESTDATA");
	char *path = xasprintf("%s/feeds/%s", dir ? dir : "tests/data", name);
	FILE *f = fopen(path, "rb");
	struct buf b;
	char chunk[4096];
	size_t got;

	free(path);
	buf_init(&b);
	if (f == NULL) {
		printf("Bail out! cannot read %s\n", name);
		exit(1);
	}
	while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&b, chunk, got);
	fclose(f);
	*n = b.len;
	buf_addc(&b, '\0');
	return buf_detach(&b);
}

/* Parse the fixture name as if fetched from base. */
static int
parse(const char *name, const char *base, struct feed *f, char **why)
{
	size_t n;
	char *data = slurp(name, &n);
	int rc = feed_parse(data, n, base, f, why);

	free(data);
	return rc;
}

static void
test_rss2(void)
{
	struct feed f;
	char *why;

	ok(parse("rss2.xml", "https://baoquangngai.vn/rss/thoi-su.rss", &f, &why) == 0,
	    "RSS 2.0 read");
	is_int(f.kind, FEED_RSS2, "  as RSS 2.0");
	is_str(f.title, "Báo Quảng Ngãi - Thời sự", "  the feed's title");
	is_int((long long)f.n, 3, "  three items");
	if (f.n == 3) {
		is_str(f.v[0].title, "Quảng Ngãi: Ngư dân trúng đậm mùa cá cơm", "  a title");
		is_str(f.v[0].link, "https://baoquangngai.vn/kinh-te/202403/ngu-dan-trung-dam-ca-com-1234.htm",
		    "  a relative link made absolute against the feed's address");
		is_str(f.v[0].id, "bqn-1234", "  its guid");
		is_str(f.v[0].date, "Tue, 12 Mar 2024 07:30:00 +0700", "  its date as written");
		is_str(f.v[0].author, "Thanh Nhị", "  dc:creator");
		ok(f.v[0].content != NULL && strstr(f.v[0].content, "<p>Những ngày này") != NULL,
		    "  content:encoded, HTML kept for the page reader");
		ok(f.v[0].summary != NULL && strstr(f.v[0].summary, "trúng mùa cá cơm") != NULL,
		    "  the description from CDATA");
		is_str(f.v[1].title, "Giá vàng hôm nay & tỷ giá", "  HTML in a title: its text");
		is_str(f.v[2].link, "https://baoquangngai.vn/xa-hoi/tin-9999.htm",
		    "  a permalink guid is the link when there is none");
	}
	feed_free(&f);
}

static void
test_rss1(void)
{
	struct feed f;
	char *why;

	ok(parse("rss1.rdf", NULL, &f, &why) == 0, "RSS 1.0 (RDF) read");
	is_int(f.kind, FEED_RSS1, "  as RSS 1.0");
	is_str(f.title, "Tạp chí Văn hóa", "  its channel's title");
	is_int((long long)f.n, 2, "  the items beside the channel");
	if (f.n == 2) {
		is_str(f.v[0].date, "2024-02-24T19:00:00+07:00", "  dc:date");
		is_str(f.v[0].author, "Minh Thư", "  dc:creator");
		is_str(f.v[1].id, "https://tapchi.example.vn/bai/102", "  rdf:about as the id");
	}
	feed_free(&f);
}

static void
test_atom(void)
{
	struct feed f;
	char *why;

	ok(parse("atom.xml", "https://blog.example.vn/feed.atom", &f, &why) == 0, "Atom read");
	is_int(f.kind, FEED_ATOM, "  as Atom");
	is_str(f.title, "Blog Đọc báo", "  a type=\"html\" title: its text");
	is_str(f.link, "https://blog.example.vn/", "  the site, not the self link");
	is_int((long long)f.n, 2, "  two entries");
	if (f.n == 2) {
		is_str(f.v[0].title, "Sài Gòn <mưa> đầu mùa", "  escaped brackets stay text");
		is_str(f.v[0].link, "https://blog.example.vn/2024/05/sai-gon-mua-dau-mua",
		    "  the alternate link, absolute; not the enclosure");
		is_str(f.v[0].date, "2024-05-01T17:45:00+07:00", "  published before updated");
		is_str(f.v[0].author, "Lê Hoa", "  author/name");
		ok(f.v[0].content != NULL && strncmp(f.v[0].content, "<p>Chiều 1/5", 12) == 0,
		    "  content as HTML");
		is_str(f.v[1].date, "2024-04-30T09:00:00Z", "  updated when nothing is published");
	}
	feed_free(&f);
}

static void
test_hostile(void)
{
	struct feed f;
	char *why = NULL;
	clock_t start;
	double secs;

	ok(parse("xxe.xml", NULL, &f, &why) == 0, "a feed with external entities is read");
	ok(f.n == 1 && f.v[0].title != NULL && strstr(f.v[0].title, "root:") == NULL &&
	    strstr(f.v[0].title, "an toàn") != NULL, "  and /etc/passwd is not in it");
	is_str(f.n == 1 ? f.v[0].title : NULL, "Tin an toàn", "  the references left out");
	feed_free(&f);

	start = clock();
	ok(parse("laughs.xml", NULL, &f, &why) == 0 || why != NULL, "billion laughs: an answer");
	secs = (double)(clock() - start) / CLOCKS_PER_SEC;
	ok(secs < 2, "  within 2 s of CPU, no gigabyte of lols");
	ok(f.n == 0 || f.v[0].title == NULL || strlen(f.v[0].title) < 1000, "  nothing expanded");
	feed_free(&f);
	free(why);
	why = NULL;

	ok(parse("broken.xml", NULL, &f, &why) == 0, "a feed cut short is read as far as it goes");
	ok(f.n >= 1 && f.v[0].title != NULL && strcmp(f.v[0].title, "Tin đầu tiên") == 0,
	    "  its first item whole");
	feed_free(&f);

	ok(parse("not-a-feed.html", NULL, &f, &why) < 0 && why != NULL &&
	    strstr(why, "not a feed") != NULL, "a web page is not a feed, said so");
	free(why);
	why = NULL;
	ok(feed_parse("", 0, NULL, &f, &why) < 0 && why != NULL, "nothing at all: not XML");
	free(why);
}

static void
test_charset(void)
{
	struct feed f;
	char *why;

	ok(parse("cp1258.xml", NULL, &f, &why) == 0, "a feed in Windows-1258 (its XML declaration)");
	is_str(f.n == 1 ? f.v[0].title : NULL, "Thời tiết Hà Nội", "  comes out as NFC UTF-8");
	feed_free(&f);
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	test_rss2();
	test_rss1();
	test_atom();
	test_hostile();
	test_charset();
	return done();
}
