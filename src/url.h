/*
 * url.h: the address an article came from. luot keeps it as given (the
 * canonical one when the page names it), shows it, searches by its host
 * (site:) and hands it to a browser, so it is checked before it is kept:
 * an absolute http, https or file URL of printable ASCII (none of
 * < > " ` \ { } | ^), no longer than URL_MAX. Anything else is not kept (an article without a URL).
 */
#ifndef LUOT_URL_H
#define LUOT_URL_H

#include <stddef.h>

/* Bytes of the longest URL kept. */
#define URL_MAX 2048

/* s trimmed, if it is a URL luot keeps (as above); else NULL. New string. */
char *url_clean(const char *s);

/*
 * The site of a URL: its host in lower case, without "www.", a port or a
 * user; "" for a file URL. NULL when url has no host. New string. What
 * search's site: compares, folded the same way (url_site_of_query).
 */
char *url_site(const char *url);

/* Are a and b of one site (url_site), both with a host? */
int url_same_site(const char *a, const char *b);

/* A site: filter as typed ("VnExpress.net", "https://www.vnexpress.net/")
 * made comparable with url_site(). New string; NULL when empty. */
char *url_site_of_query(const char *s);

/* What a list shows as an article's source: source itself, else (an
 * article of a feed or a page that names none) its URL's site, else "".
 * New string. */
char *url_source_shown(const char *source, const char *url);

/* May a browser be handed url: http, https or file? */
int url_openable(const char *url);

#endif
