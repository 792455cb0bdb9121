/*
 * url.c: see url.h.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "url.h"
#include "util.h"

static const char *const schemes[] = { "http://", "https://", "file://", NULL };

/* The length of the scheme s starts with (with "://"), or 0. */
static size_t
scheme_len(const char *s)
{
	for (size_t i = 0; schemes[i] != NULL; i++) {
		size_t n = strlen(schemes[i]);

		if (strncasecmp(s, schemes[i], n) == 0)
			return n;
	}
	return 0;
}

int
url_openable(const char *url)
{
	return url != NULL && scheme_len(url) > 0;
}

char *
url_clean(const char *s)
{
	size_t n;

	if (s == NULL)
		return NULL;
	s += strspn(s, " \t\r\n");
	n = strlen(s);
	while (n > 0 && strchr(" \t\r\n", s[n - 1]) != NULL)
		n--;
	if (n == 0 || n > URL_MAX)
		return NULL;
	/* Printable ASCII only, without the characters RFC 3986 leaves out
	 * (they must be percent-encoded): a URL with spaces, controls, raw
	 * UTF-8 or quotes is not one a browser, a Markdown link or a shell
	 * should be given as it is. */
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c <= 0x20 || c >= 0x7f || strchr("<>\"`\\{}|^", c) != NULL)
			return NULL;
	}
	if (scheme_len(s) == 0)
		return NULL;
	return xstrndup(s, n);
}

/* Lower-case ASCII copy of n bytes of s. */
static char *
lower_copy(const char *s, size_t n)
{
	char *out = xstrndup(s, n);

	for (char *p = out; *p; p++) {
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	}
	return out;
}

/* The host of the authority that starts at s (up to a path, query or
 * fragment): without user and port, lower case, without "www.". */
static char *
host_of(const char *s)
{
	size_t n = strcspn(s, "/?#");
	const char *at, *end = s + n, *colon;

	/* user:password@ comes before the host */
	for (at = s; at < end; at++) {
		if (*at == '@') {
			s = at + 1;
			break;
		}
	}
	n = (size_t)(end - s);
	if (n > 0 && *s == '[') {
		/* an IPv6 literal keeps its colons */
		const char *close = memchr(s, ']', n);

		n = close != NULL ? (size_t)(close - s + 1) : n;
	} else if ((colon = memchr(s, ':', n)) != NULL) {
		n = (size_t)(colon - s);
	}
	while (n > 0 && s[n - 1] == '.')	/* "vnexpress.net." */
		n--;
	if (n > 4 && strncasecmp(s, "www.", 4) == 0) {
		s += 4;
		n -= 4;
	}
	return lower_copy(s, n);
}

/* host_of(s), or NULL when there is none. */
static char *
some_host(const char *s)
{
	char *site = host_of(s);

	if (*site == '\0') {
		free(site);
		return NULL;
	}
	return site;
}

char *
url_site(const char *url)
{
	size_t k;

	if (url == NULL || (k = scheme_len(url)) == 0)
		return NULL;
	if (strncasecmp(url, "file://", 7) == 0)
		return xstrdup("");
	return some_host(url + k);
}

int
url_same_site(const char *a, const char *b)
{
	char *x = url_site(a), *y = url_site(b);
	int same = x != NULL && y != NULL && *x && strcmp(x, y) == 0;

	free(x);
	free(y);
	return same;
}

char *
url_site_of_query(const char *s)
{
	size_t k = scheme_len(s);

	if (k == 0 && strstr(s, "://") != NULL)
		k = (size_t)(strstr(s, "://") - s) + 3;
	return some_host(s + k);
}

char *
url_source_shown(const char *source, const char *url)
{
	char *site;

	if (source != NULL && *source)
		return xstrdup(source);
	site = url_site(url);
	return site != NULL ? site : xstrdup("");
}
