/*
 * t-url.c: which addresses an article keeps, the site search's site:
 * compares them by, and the command that opens them.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "../src/launch.h"
#include "../src/url.h"
#include "../src/util.h"
#include "tap.h"

/* is_str on a new string, freed. */
static void
is_new(char *got, const char *want, const char *name)
{
	is_str(got, want, name);
	free(got);
}

static void
test_clean(void)
{
	char *long_url = xmalloc(URL_MAX + 16), *kept;

	is_new(url_clean("  https://vnexpress.net/a-1.html\n"), "https://vnexpress.net/a-1.html",
	    "a URL is trimmed");
	is_new(url_clean("HTTP://Example.vn/x"), "HTTP://Example.vn/x", "the scheme in any case");
	is_new(url_clean("file:///srv/bao/a.html"), "file:///srv/bao/a.html", "a file URL");
	is_new(url_clean("javascript:alert(1)"), NULL, "javascript: is not kept");
	is_new(url_clean("ftp://x.vn/a"), NULL, "nor ftp");
	is_new(url_clean("/tin-tuc/a.html"), NULL, "nor a relative one");
	is_new(url_clean("https://x.vn/a b"), NULL, "nor one with a space");
	is_new(url_clean("https://x.vn/\033[2J"), NULL, "nor one with an escape");
	is_new(url_clean("https://x.vn/tin-tức"), NULL, "nor raw UTF-8 (not percent-encoded)");
	is_new(url_clean("https://x.vn/a>b"), NULL, "nor one with > (it would end a link)");
	is_new(url_clean("https://x.vn/\"onclick"), NULL, "nor one with a quote");
	is_new(url_clean(""), NULL, "nor an empty one");
	is_new(url_clean(NULL), NULL, "nor none");
	memcpy(long_url, "https://x.vn/", 13);
	memset(long_url + 13, 'a', URL_MAX);
	long_url[URL_MAX + 13] = '\0';
	is_new(url_clean(long_url), NULL, "nor one past URL_MAX");
	long_url[URL_MAX] = '\0';
	kept = url_clean(long_url);
	ok(strlen(long_url) == URL_MAX && kept != NULL, "one of URL_MAX bytes is");
	free(kept);
	free(long_url);
	ok(url_openable("https://a.vn/") && url_openable("file:///a") && !url_openable("mailto:a@b")
	    && !url_openable(NULL), "openable: http, https and file only");
}

static void
test_site(void)
{
	is_new(url_site("https://www.VnExpress.net/thoi-su-1.html"), "vnexpress.net",
	    "site: host in lower case, without www.");
	is_new(url_site("http://user:pw@baomoi.com:8080/a?b#c"), "baomoi.com",
	    "  without user and port");
	is_new(url_site("https://e.vnexpress.net"), "e.vnexpress.net", "  a subdomain kept");
	is_new(url_site("https://[2001:db8::1]:443/a"), "[2001:db8::1]", "  an IPv6 literal");
	is_new(url_site("https://tuoitre.vn./a"), "tuoitre.vn", "  the root's dot dropped");
	is_new(url_site("file:///srv/a.html"), "", "  a file has none but is one");
	is_new(url_site("https:///a"), NULL, "  no host: none");
	is_new(url_site("tuoitre.vn/a"), NULL, "  not a URL: none");
	is_new(url_site_of_query("TuoiTre.vn"), "tuoitre.vn", "site: typed, folded the same way");
	is_new(url_site_of_query("https://www.tuoitre.vn/"), "tuoitre.vn", "  typed as a URL");
	is_new(url_site_of_query("www.thanhnien.vn"), "thanhnien.vn", "  with www.");
	is_new(url_site_of_query(""), NULL, "  empty: no filter");
}

/* The command line of launch_command, words joined by "|". */
static char *
command(const char *browser, const char *target)
{
	struct strlist argv;
	char *s;

	if (launch_command(browser, target, &argv) < 0)
		return xstrdup("refused");
	s = strlist_join(&argv, "|");
	strlist_free(&argv);
	return s;
}

static void
test_launch(void)
{
	is_new(command(NULL, "https://a.vn/x?y=1&z=2"), "xdg-open|https://a.vn/x?y=1&z=2",
	    "no $BROWSER: xdg-open, the URL one word");
	is_new(command("w3m", "https://a.vn/$(rm -rf ~)"), "w3m|https://a.vn/$(rm -rf ~)",
	    "  nothing in it read by a shell");
	is_new(command("firefox --new-tab %s --private", "https://a.vn/"),
	    "firefox|--new-tab|https://a.vn/|--private", "$BROWSER's words, %s where it says");
	is_new(command("lynx:firefox", "file:///tmp/a.html"), "lynx|file:///tmp/a.html",
	    "  the first of a list");
	is_new(command("", "/srv/bao/a.txt"), "xdg-open|/srv/bao/a.txt", "an absolute path");
	is_new(command(NULL, "bao/a.txt"), "refused", "not a relative one");
	is_new(command(NULL, "javascript:alert(1)"), "refused", "nor javascript:");
	is_new(command(NULL, "-e rm"), "refused", "nor an option");
	is_new(command(NULL, NULL), "refused", "nor none");
}

int
main(void)
{
	test_clean();
	test_site();
	test_launch();
	return done();
}
