/*
 * html.c: see html.h.
 */
#include "config.h"

#include <ctype.h>
#include <stdint.h>
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>
#include <unictype.h>
#include <unistr.h>

#include <libxml/HTMLparser.h>
#include <libxml/uri.h>
#include <libxml/xpath.h>
#include <libxml/tree.h>

#include "credit.h"
#include "date.h"
#include "html.h"
#include "i18n.h"
#include "text.h"
#include "url.h"
#include "util.h"

/* Bytes of the page looked at for <meta charset> (HTML5 says 1024; pages
 * put a long <head> first). */
#define CHARSET_SCAN 4096
/* Characters of paragraph text an <article> needs to be the body. */
#define ARTICLE_MIN_TEXT 200
/* An <h1> is the headline with this many words or more, and this share of
 * them in the metadata's title. */
#define HEADLINE_MIN_WORDS 3
#define HEADLINE_SHARED 0.6
/* An <h1> of this many words is the headline, whatever the metadata says
 * (sites give their Open Graph title other words for social networks). */
#define HEADLINE_WORDS 5
/* Texts after the headline, and before it, searched for its date; the
 * longest element read as a dateline, bytes. */
#define DATE_AFTER 40
#define DATE_BEFORE 12
#define DATELINE_MAX 120
/* A dateline this many texts from the headline or nearer is its own: its
 * time wins over the metadata's. */
#define DATE_NEAR 6
/* A <form> with this much text is a page's wrapper, not a form. */
#define FORM_MAX_TEXT 2000
/* A signature: at most this many bytes, in one of the body's last
 * blocks with text. */
#define SIGNATURE_MAX 80
#define SIGNATURE_LAST 6
/* ...or one of its first blocks, under the sapo (magazines sign there). */
#define SIGNATURE_FIRST 3
/* A block all link with this many characters is another story's headline. */
#define LINK_BLOCK_MIN 12
/* A lede has this many characters or more; so many of them are
 * compared with the metadata's description. */
#define LEDE_MIN 50
/* Characters a block needs to count as a paragraph when scoring. */
#define PARA_MIN_TEXT 25

void
html_init(void)
{
	xmlInitParser();
}

int
html_file(const char *path)
{
	static const char *const ext[] = { ".html", ".htm", ".xhtml", ".shtml", NULL };

	return path_has_ext(path, ext);
}

int
html_looks(const char *s, size_t n)
{
	static const char *const heads[] = { "<!doctype html", "<html", "<!--", NULL };
	size_t i = 0;

	if (n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	while (i < n && isspace((unsigned char)s[i]))
		i++;
	/* XHTML saved as it was served: "<?xml version=...?>" first. */
	if (n - i >= 5 && strncmp(s + i, "<?xml", 5) == 0) {
		const char *end = memmem(s + i, n - i < CHARSET_SCAN ? n - i : CHARSET_SCAN, "?>", 2);

		if (end == NULL)
			return 0;
		i = (size_t)(end - s) + 2;
		while (i < n && isspace((unsigned char)s[i]))
			i++;
	}
	for (size_t k = 0; heads[k] != NULL; k++) {
		size_t m = strlen(heads[k]);

		if (n - i >= m && strncasecmp(s + i, heads[k], m) == 0)
			return k < 2 || memmem(s + i, n - i < CHARSET_SCAN ? n - i : CHARSET_SCAN,
			    "<html", 5) != NULL || memmem(s + i, n - i < CHARSET_SCAN ? n - i :
			    CHARSET_SCAN, "<HTML", 5) != NULL;
	}
	return 0;
}

/* The charset named at s (after "charset="), new; NULL when empty. */
static char *
charset_at(const char *s, const char *end)
{
	size_t n = 0;

	while (s < end && (*s == ' ' || *s == '"' || *s == '\''))
		s++;
	while (s + n < end && (isalnum((unsigned char)s[n]) || strchr("-_.:", s[n]) != NULL))
		n++;
	return n > 0 && n < 40 ? xstrndup(s, n) : NULL;
}

/* needle (lower case) in [s, end), in any case, or NULL. */
static const char *
find_ci(const char *s, const char *end, const char *needle)
{
	size_t m = strlen(needle);

	for (; s + m <= end; s++) {
		if (strncasecmp(s, needle, m) == 0)
			return s;
	}
	return NULL;
}

/* The charset a <meta> in the first bytes names (<meta charset=x>, or
 * http-equiv's content="text/html; charset=x"), new, or NULL. */
static char *
meta_charset(const char *bytes, size_t n)
{
	const char *end = bytes + (n < CHARSET_SCAN ? n : CHARSET_SCAN), *p = bytes;

	while ((p = find_ci(p, end, "<meta")) != NULL) {
		const char *close = memchr(p, '>', (size_t)(end - p));
		const char *c;

		if (close == NULL)
			break;
		if ((c = find_ci(p, close, "charset=")) != NULL)
			return charset_at(c + 8, close);
		p = close;
	}
	/* An XHTML page's XML declaration, when no <meta> says. */
	if ((p = find_ci(bytes, end, "<?xml")) != NULL && p - bytes < 8) {
		const char *close = find_ci(p, end, "?>"), *c;

		if (close != NULL && (c = find_ci(p, close, "encoding=")) != NULL)
			return charset_at(c + 9, close);
	}
	return NULL;
}

/* A charset name as iconv knows it: what browsers read Latin-1 and ASCII
 * pages as (Windows-1252), UTF-8 under its names. New string. */
static char *
iconv_name(const char *cs)
{
	static const char *const western[] = { "iso-8859-1", "latin1", "latin-1", "us-ascii",
	    "ascii", "iso8859-1", NULL };

	for (size_t i = 0; western[i] != NULL; i++) {
		if (strcasecmp(cs, western[i]) == 0)
			return xstrdup("WINDOWS-1252");
	}
	if (strcasecmp(cs, "utf8") == 0 || strcasecmp(cs, "unicode-1-1-utf-8") == 0)
		return xstrdup("UTF-8");
	return xstrdup(cs);
}

/* Is s (n bytes) valid UTF-8? */
static int
valid_utf8(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		uint32_t uc;
		int k = text_next(s + i, n - i, &uc);

		if (k <= 0 || uc == 0xFFFD)
			return 0;
		i += (size_t)k;
	}
	return 1;
}

/* n bytes in charset cs to UTF-8, bytes it cannot map as U+FFFD (counted
 * in *bad); NULL when iconv has no such charset. */
static char *
convert(const char *bytes, size_t n, const char *cs, size_t *outlen, size_t *bad)
{
	iconv_t cd = iconv_open("UTF-8", cs);
	struct buf b;
	char *in = (char *)bytes, chunk[4096];
	size_t left = n;

	if (cd == (iconv_t)-1)
		return NULL;
	buf_init(&b);
	while (left > 0) {
		char *out = chunk;
		size_t room = sizeof chunk;
		size_t rc = iconv(cd, &in, &left, &out, &room);

		buf_add(&b, chunk, sizeof chunk - room);
		if (rc == (size_t)-1 && errno != E2BIG) {
			/* EILSEQ or EINVAL (cut short at the end): one byte
			 * lost, said with U+FFFD. */
			buf_adds(&b, "\xef\xbf\xbd");
			(*bad)++;
			in++;
			left--;
			iconv(cd, NULL, NULL, NULL, NULL);
		}
	}
	iconv_close(cd);
	*outlen = b.len;
	buf_addc(&b, '\0');
	return buf_detach(&b);
}

char *
html_decode(const char *bytes, size_t n, const char *hint, char **used, size_t *bad)
{
	const unsigned char *u = (const unsigned char *)bytes;
	char *cs = NULL, *name, *utf8 = NULL, *text;
	size_t len = 0, tlen;

	*bad = 0;
	if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
		cs = xstrdup("UTF-8");
	else if (n >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)))
		cs = xstrdup("UTF-16");	/* text_decode reads its BOM */
	else if (hint != NULL && *hint)
		cs = xstrdup(hint);
	else if ((cs = meta_charset(bytes, n)) == NULL)
		cs = xstrdup(valid_utf8(bytes, n) ? "UTF-8" : "WINDOWS-1258");
	name = iconv_name(cs);
	free(cs);
	/* UTF-8 and UTF-16 are text_decode's own (it repairs and counts). */
	if (strcasecmp(name, "UTF-8") != 0 && strcasecmp(name, "UTF-16") != 0 &&
	    (utf8 = convert(bytes, n, name, &len, bad)) == NULL) {
		/* A charset iconv does not know: read as UTF-8, repaired. */
		free(name);
		name = xstrdup("UTF-8");
	}
	{
		struct text_stats st;

		memset(&st, 0, sizeof st);
		text = text_decode(utf8 ? utf8 : bytes, utf8 ? len : n, &tlen, &st);
		*bad += st.invalid;
	}
	free(utf8);
	if (used != NULL)
		*used = name;
	else
		free(name);
	return text;
}

/* ---- the parsed page ---- */

static int
is_tag(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && strcasecmp((const char *)n->name, name) == 0;
}

static int
tag_in(const xmlNode *n, const char *const *names)
{
	for (size_t i = 0; names[i] != NULL; i++) {
		if (is_tag(n, names[i]))
			return 1;
	}
	return 0;
}

/* Attribute name of n, new, or NULL. */
static char *
attr(const xmlNode *n, const char *name)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	char *s;

	if (v == NULL)
		return NULL;
	s = xstrdup((const char *)v);
	xmlFree(v);
	return s;
}

/* Text of a node and its descendants appended to b, spaces squeezed;
 * with gap, a space after each text node too ("<a>08:00</a><a>|
 * 20/12/2012</a>" read as two words). 0 as soon as b passes max bytes
 * (the rest not read), else 1. */
static int
text_walk(const xmlNode *n, struct buf *b, size_t max, int gap)
{
	for (const xmlNode *c = n; c != NULL; c = c->next) {
		int end_space = 0;

		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			for (const char *s = (const char *)c->content; s && *s; s++) {
				int space = *s == ' ' || *s == '\n' || *s == '\t' || *s == '\r';

				if (!space)
					buf_addc(b, *s);
				else if (b->len > 0 && b->data[b->len - 1] != ' ')
					buf_addc(b, ' ');
			}
			end_space = gap;
		} else if (c->type == XML_ELEMENT_NODE && !is_tag(c, "script") &&
		    !is_tag(c, "style")) {
			end_space = is_tag(c, "br");
			if (!text_walk(c->children, b, max, gap))
				return 0;
		}
		if (end_space && b->len > 0 && b->data[b->len - 1] != ' ')
			buf_addc(b, ' ');
		if (b->len > max)
			return 0;
	}
	return 1;
}

static void
text_into(const xmlNode *n, struct buf *b)
{
	(void)text_walk(n, b, SIZE_MAX, 0);
}

/* The text of n, trimmed and squeezed, new (maybe ""). */
static char *
text_of(const xmlNode *n)
{
	struct buf b;

	buf_init(&b);
	buf_add(&b, "", 0);
	text_into(n->children, &b);
	buf_addc(&b, '\0');
	return text_squeeze(buf_detach(&b));
}

/* Characters of text under n (bytes: a fair count for the score). */
static size_t
text_len(const xmlNode *n)
{
	size_t k = 0;

	for (const xmlNode *c = n->children; c != NULL; c = c->next) {
		if (c->type == XML_TEXT_NODE && c->content != NULL) {
			for (const char *s = (const char *)c->content; *s; s++)
				k += !isspace((unsigned char)*s);
		} else if (c->type == XML_ELEMENT_NODE) {
			k += text_len(c);
		}
	}
	return k;
}

/* Characters of text under n inside links. */
static size_t
link_len(const xmlNode *n)
{
	size_t k = 0;

	for (const xmlNode *c = n->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		k += is_tag(c, "a") ? text_len(c) : link_len(c);
	}
	return k;
}

/* ---- metadata ---- */

struct meta {
	char *title, *date, *author, *source, *url, *description;
};

static void
meta_free(struct meta *m)
{
	free(m->title);
	free(m->date);
	free(m->author);
	free(m->source);
	free(m->url);
	free(m->description);
}

/* Set *slot to v (taken) unless it holds something already. */
/* Metadata text that still holds entities ("Ch&#237;nh", or escaped twice
 * in JSON-LD: "Chi&amp;#7871;n") read as the page would show it. */
static char *
unescaped(char *v)
{
	for (int pass = 0; pass < 2 && v != NULL && strchr(v, '&') != NULL; pass++) {
		char *t = html_fragment_text(v);

		free(v);
		v = t;
	}
	return v;
}

static void
keep_first(char **slot, char *v)
{
	v = unescaped(v);
	if (v != NULL)
		text_squeeze(v);
	if (*slot == NULL && v != NULL && *v)
		*slot = v;
	else
		free(v);
}

/* A JSON-LD value as text: a string, an object's name, an array's
 * strings or names joined by ", ". New, or NULL. */
static char *
ld_text(json_t *j)
{
	struct buf b;
	size_t i;
	json_t *e;

	if (json_is_string(j))
		return xstrdup(json_string_value(j));
	if (json_is_object(j)) {
		json_t *name = json_object_get(j, "name");

		return json_is_string(name) ? xstrdup(json_string_value(name)) : NULL;
	}
	if (!json_is_array(j))
		return NULL;
	buf_init(&b);
	json_array_foreach(j, i, e) {
		char *s = ld_text(e);

		if (s != NULL && *s)
			buf_printf(&b, "%s%s", b.len ? ", " : "", s);
		free(s);
	}
	if (b.len == 0) {
		buf_free(&b);
		return NULL;
	}
	buf_addc(&b, '\0');
	return buf_detach(&b);
}

/* Is j an article of schema.org (its @type, or one of its types)? */
static int
ld_is_article(json_t *j)
{
	static const char *const types[] = { "NewsArticle", "Article", "ReportageNewsArticle",
	    "AnalysisNewsArticle", "BlogPosting", "OpinionNewsArticle", "LiveBlogPosting", NULL };
	json_t *t = json_object_get(j, "@type"), *e;
	size_t k;

	if (json_is_array(t)) {
		json_array_foreach(t, k, e) {
			for (size_t i = 0; json_is_string(e) && types[i] != NULL; i++) {
				if (strcmp(json_string_value(e), types[i]) == 0)
					return 1;
			}
		}
		return 0;
	}
	for (size_t i = 0; json_is_string(t) && types[i] != NULL; i++) {
		if (strcmp(json_string_value(t), types[i]) == 0)
			return 1;
	}
	return 0;
}

/* The first article object in j (itself, an array's, an @graph's). */
static json_t *
ld_article(json_t *j, int depth)
{
	size_t i;
	json_t *e, *found;

	if (depth > 4)
		return NULL;
	if (json_is_object(j)) {
		if (ld_is_article(j))
			return j;
		return ld_article(json_object_get(j, "@graph"), depth + 1);
	}
	if (json_is_array(j)) {
		json_array_foreach(j, i, e) {
			if ((found = ld_article(e, depth + 1)) != NULL)
				return found;
		}
	}
	return NULL;
}

static void
read_json_ld(const xmlNode *script, struct meta *m)
{
	char *type = attr(script, "type"), *src;
	json_t *root, *art, *page;

	if (type == NULL || strstr(type, "ld+json") == NULL) {
		free(type);
		return;
	}
	free(type);
	src = (char *)xmlNodeGetContent(script);
	root = src ? json_loads(src, 0, NULL) : NULL;
	xmlFree(src);
	if ((art = ld_article(root, 0)) != NULL) {
		keep_first(&m->title, ld_text(json_object_get(art, "headline")));
		keep_first(&m->date, ld_text(json_object_get(art, "datePublished")));
		keep_first(&m->author, ld_text(json_object_get(art, "author")));
		keep_first(&m->source, ld_text(json_object_get(art, "publisher")));
		keep_first(&m->description, ld_text(json_object_get(art, "description")));
		page = json_object_get(art, "mainEntityOfPage");
		keep_first(&m->url, ld_text(json_object_get(art, "url")));
		keep_first(&m->url, json_is_object(page) ? ld_text(json_object_get(page, "@id")) :
		    ld_text(page));
	}
	json_decref(root);
}

/* <meta> and <link> in the order of trust: kept in struct meta's slots
 * for the second pass (after JSON-LD). */
static void
read_meta_tag(const xmlNode *n, struct meta *m)
{
	char *key = attr(n, "property"), *content = attr(n, "content");

	if (key == NULL)
		key = attr(n, "name");
	if (key == NULL)
		key = attr(n, "itemprop");
	if (key != NULL && content != NULL) {
		if (strcasecmp(key, "og:title") == 0)
			keep_first(&m->title, xstrdup(content));
		else if (strcasecmp(key, "article:published_time") == 0 ||
		    strcasecmp(key, "datePublished") == 0 || strcasecmp(key, "pubdate") == 0 ||
		    strcasecmp(key, "publishdate") == 0 || strcasecmp(key, "dc.date.issued") == 0)
			keep_first(&m->date, xstrdup(content));
		else if (strcasecmp(key, "author") == 0 || strcasecmp(key, "dc.creator") == 0)
			keep_first(&m->author, url_openable(content) ? NULL : xstrdup(content));
		else if (strcasecmp(key, "og:site_name") == 0)
			keep_first(&m->source, xstrdup(content));
		else if (strcasecmp(key, "og:url") == 0)
			keep_first(&m->url, xstrdup(content));
		else if (strcasecmp(key, "og:description") == 0 ||
		    strcasecmp(key, "description") == 0)
			keep_first(&m->description, xstrdup(content));
	}
	free(key);
	free(content);
}

static void
read_link(const xmlNode *n, struct meta *canon)
{
	char *rel = attr(n, "rel");

	if (rel != NULL && strcasecmp(rel, "canonical") == 0)
		keep_first(&canon->url, attr(n, "href"));
	free(rel);
}

/* Walk the document for its metadata: JSON-LD into ld, the rest into
 * og, the canonical link into canon, the <title> into page. */
static void
walk_meta(const xmlNode *n, struct meta *ld, struct meta *og, struct meta *canon,
    char **page_title)
{
	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (is_tag(n, "script"))
			read_json_ld(n, ld);
		else if (is_tag(n, "meta"))
			read_meta_tag(n, og);
		else if (is_tag(n, "link"))
			read_link(n, canon);
		else if (is_tag(n, "title") && *page_title == NULL)
			*page_title = text_of(n);
		else
			walk_meta(n->children, ld, og, canon, page_title);
	}
}

/* A "saved from" note: a browser's (<!-- saved from url=(0042)https://...
 * -->) or SingleFile's (url: https://...). New, or NULL. */
static char *
saved_from(const char *page)
{
	static const char *const marks[] = { "saved from url=(", "Page saved with SingleFile",
	    NULL };
	const char *p = NULL, *u;

	for (size_t i = 0; marks[i] != NULL && p == NULL; i++)
		p = strstr(page, marks[i]);
	if (p == NULL || p - page > CHARSET_SCAN)
		return NULL;
	u = strstr(p, "http");
	if (u == NULL || u - p > 200)
		return NULL;
	return xstrndup(u, strcspn(u, " \t\r\n>"));
}

/* ---- the body ---- */

/* Elements that never hold the article's text. */
static const char *const junk_tags[] = {
	"script", "style", "noscript", "iframe", "form", "nav", "aside", "footer", "button",
	"svg", "select", "textarea", "input", "object", "embed", "template", "canvas", "video",
	"audio", "map", "dialog", "menu", NULL
};

/* Class or id words of a block that holds the headline. */
static const char *const heading_words[] = {
	"title", "tieude", "tieu-de", "headline", "tenbai", "ten-bai", NULL
};

/* A sapo is a few sentences: a block named one that holds more is a
 * column, not the sapo. */
#define LEDE_MAX 800

/* Class or id words of a site's sapo, the lede above the text. */
static const char *const lede_words[] = {
	"sapo", "lead", "description", "desc", "summary", "chapeau", "intro", "tomtat",
	"tom-tat", "tomluoc", "tom-luoc", "trichdan", "trich-dan", "subhead", "subtitle",
	"sub-title", "excerpt", "standfirst", NULL
};

/* Words in a class or id that mark a block as not the article: as
 * Readability's "unlikely candidates", and what Vietnamese sites call
 * theirs ("tin liên quan", "bình luận", "chia sẻ", "xem thêm"). */
static const char *const junk_words[] = {
	"comment", "binh-luan", "binhluan", "share", "social", "chia-se", "chiase", "related",
	"relate", "lien-quan", "lienquan", "tin-khac", "tinkhac", "other-news", "othernews",
	"xem-them", "xemthem", "see-more", "read-more", "readmore", "read-also", "readalso",
	"see-also", "seealso", "doc-them", "docthem", "sidebar", "banner", "product-box",
	"box-product", "product-card", "product-list", "btn-buy", "buy-now",
	"advert", "-ads", "ads-", "quangcao", "quang-cao", "breadcrumb", "navbar", "menu",
	"footer", "header", "subscribe", "newsletter", "popup", "modal", "pagination", "pager",
	"sponsor", "rating", "vote", "tags", "tag-list", "keyword", "box-news", "most-view",
	"mostview", "xem-nhieu", "xemnhieu", "doc-nhieu", "docnhieu", "tin-moi", "tinmoi",
	"print", "toolbar", "font-size", "fontsize", "login", "widget", "-views", "view-count",
	"viewcount", "luot-xem", "luotxem", NULL
};
/* ...unless they also say it may be the article. */
static const char *const maybe_words[] = {
	"article", "content", "main", "body", "detail", "story", "entry", "post", "noi-dung",
	"noidung", "fck", NULL
};
/* Class or id words that raise a block's score, or lower it. */
static const char *const good_words[] = {
	"article", "body", "content", "entry", "main", "page", "post", "text", "story",
	"detail", "noi-dung", "noidung", "fck", "singular", "cms", NULL
};

/* Does the lower-cased class-and-id string s hold any of words? */
static int
holds_word(const char *s, const char *const *words)
{
	for (size_t i = 0; words[i] != NULL; i++) {
		if (strstr(s, words[i]) != NULL)
			return 1;
	}
	return 0;
}

/* n's class and id, lower case, new ("" when none). */
static char *
class_id(const xmlNode *n)
{
	char *c = attr(n, "class"), *i = attr(n, "id"), *s;

	s = xasprintf("%s %s", c ? c : "", i ? i : "");
	free(c);
	free(i);
	for (char *p = s; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	/* WordPress's block styles ("has-medium-font-size" on a sapo's
	 * paragraph) say how it looks, not what it is. */
	for (char *p = strstr(s, "has-"); p != NULL; p = strstr(p, "has-")) {
		if (p == s || p[-1] == ' ') {
			while (*p && *p != ' ')
				*p++ = ' ';
		} else {
			p += 4;
		}
	}
	return s;
}

/* Elements named tag under n, counted up to most. */
static int
count_tag(const xmlNode *n, const char *tag, int most)
{
	int k = 0;

	for (const xmlNode *c = n->children; c != NULL && k < most; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		k += is_tag(c, tag);
		if (k < most)
			k += count_tag(c, tag, most - k);
	}
	return k;
}

/* Does the tree under n hold an element named tag? */
static int
holds_tag(const xmlNode *n, const char *tag)
{
	for (const xmlNode *c = n->children; c != NULL; c = c->next) {
		if (c->type == XML_ELEMENT_NODE && (is_tag(c, tag) || holds_tag(c, tag)))
			return 1;
	}
	return 0;
}

/* The first element tag at or under n (its siblings too), or NULL. */
static const xmlNode *
find_tag(const xmlNode *n, const char *tag)
{
	for (; n != NULL; n = n->next) {
		const xmlNode *found;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (is_tag(n, tag))
			return n;
		if ((found = find_tag(n->children, tag)) != NULL)
			return found;
	}
	return NULL;
}

/* Does a class or id word of ci (lower case, space-separated) say it may
 * be the article, with no junk word in it? "box-related-inbody" is a box
 * of related news set in the body, not the body. */
static int
maybe_article(const char *ci)
{
	char *t = xstrdup(ci), *save = NULL;
	int maybe = 0;

	for (char *w = strtok_r(t, " \t\n", &save); w != NULL && !maybe;
	    w = strtok_r(NULL, " \t\n", &save))
		maybe = holds_word(w, maybe_words) && !holds_word(w, junk_words);
	free(t);
	return maybe;
}

/* A block classed as the sapo and holding no other block
 * ("ArticleHeader_excerpt", a header's sapo by its name): the article's
 * even when its class names the header it stands in. */
static int has_block_child(const xmlNode *n);

static int
lede_alone(const xmlNode *n, const char *ci)
{
	return holds_word(ci, lede_words) && !has_block_child(n) && text_len(n) <= LEDE_MAX;
}

/* Does n hold an <h2> or <h3> classed as a title ("itemTitle")? */
static int
holds_titled_heading(const xmlNode *n)
{
	for (const xmlNode *c = n->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (is_tag(c, "h2") || is_tag(c, "h3")) {
			char *ci = class_id(c);
			int titled = holds_word(ci, heading_words);

			free(ci);
			if (titled)
				return 1;
		} else if (holds_titled_heading(c)) {
			return 1;
		}
	}
	return 0;
}

/* Is n, classed as a header and nothing else of junk, the article's
 * (K2's "itemHeader": its date, its <h2 class=itemTitle>, its writer)? */
static int
article_header(const xmlNode *n, const char *ci)
{
	char *rest, *at;
	int other;

	if ((at = strstr(ci, "header")) == NULL || !holds_titled_heading(n))
		return 0;
	rest = xstrdup(ci);
	for (at = strstr(rest, "header"); at != NULL; at = strstr(at, "header"))
		memset(at, ' ', strlen("header"));
	other = holds_word(rest, junk_words);
	free(rest);
	return !other;
}

static int
is_junk(const xmlNode *n)
{
	/* The headline too: BBC's is an <h1 class="story-header">. */
	static const char *const keep[] = { "html", "body", "article", "main", "h1", NULL };
	char *ci;
	int junk;

	/* A <form> is a search box or a comment form, unless it wraps the
	 * page (ASP.NET sites put the whole body in one): the headline, text
	 * enough or paragraphs in it. */
	if (is_tag(n, "form"))
		return !holds_tag(n, "h1") && text_len(n) < FORM_MAX_TEXT && count_tag(n, "p", 2) < 2;
	/* "<aside class=\"left newsdetail\"><article><h1>": a layout's
	 * column named by the tag, holding the article itself. */
	if (is_tag(n, "aside") && (holds_tag(n, "h1") || holds_tag(n, "article")))
		return 0;
	if (tag_in(n, junk_tags))
		return 1;
	if (tag_in(n, keep))
		return 0;
	ci = class_id(n);
	/* By its class, unless it holds the headline or an <article>: a
	 * site's main column may be its "sidebar-1". */
	junk = holds_word(ci, junk_words) && !maybe_article(ci) &&
	    !holds_tag(n, "h1") && !holds_tag(n, "article") && !lede_alone(n, ci) &&
	    !article_header(n, ci);
	/* A hidden block is none of the page the reader sees. */
	if (!junk) {
		char *style = attr(n, "style"), *hidden = attr(n, "hidden");

		junk = hidden != NULL || (style != NULL && strstr(style, "display:none") != NULL);
		free(style);
		free(hidden);
	}
	free(ci);
	return junk;
}

/* Take the junk out of the tree under n, figures' captions kept aside
 * first (their figure may be in a block taken out: a gallery). */
static void
drop_junk(xmlNode *n)
{
	xmlNode *c = n->children, *next;

	for (; c != NULL; c = next) {
		next = c->next;
		if (c->type == XML_COMMENT_NODE) {
			xmlUnlinkNode(c);
			xmlFreeNode(c);
		} else if (c->type == XML_ELEMENT_NODE && is_junk(c)) {
			xmlUnlinkNode(c);
			xmlFreeNode(c);
		} else if (c->type == XML_ELEMENT_NODE) {
			drop_junk(c);
		}
	}
}

/* Elements that start a line of their own. */
static const char *const block_tags[] = {
	"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li",
	"ul", "ol", "blockquote", "pre", "table", "tr", "dl", "dt", "dd", "figure", "header",
	"address", "center", "hr", NULL
};

static int
has_block_child(const xmlNode *n)
{
	for (const xmlNode *c = n->children; c != NULL; c = c->next) {
		if (c->type == XML_ELEMENT_NODE && tag_in(c, block_tags))
			return 1;
	}
	return 0;
}

/* Scores, Readability's way, kept beside the nodes they belong to. */
struct scored {
	const xmlNode *node;
	double score;
};

struct scores {
	struct scored *v;
	size_t n, cap;
};

static struct scored *
score_of(struct scores *s, const xmlNode *n)
{
	/* The node keeps its score's place (libxml2 leaves _private to
	 * the application): no search among the scored. */
	size_t at = (size_t)(uintptr_t)n->_private;

	if (at > 0)
		return &s->v[at - 1];
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 64;
		s->v = xrealloc(s->v, s->cap * sizeof *s->v);
	}
	((xmlNode *)n)->_private = (void *)(uintptr_t)(s->n + 1);
	s->v[s->n] = (struct scored){ n, 0 };
	/* A block starts from what it is and what its class says. */
	if (is_tag(n, "div") || is_tag(n, "article") || is_tag(n, "section") || is_tag(n, "main"))
		s->v[s->n].score = 5;
	else if (is_tag(n, "td") || is_tag(n, "blockquote") || is_tag(n, "pre"))
		s->v[s->n].score = 3;
	else if (is_tag(n, "ul") || is_tag(n, "ol") || is_tag(n, "li") || is_tag(n, "form"))
		s->v[s->n].score = -3;
	{
		char *ci = class_id(n);

		if (holds_word(ci, good_words))
			s->v[s->n].score += 25;
		free(ci);
	}
	return &s->v[s->n++];
}

/* Commas in n's text. */
static size_t
commas(const xmlNode *n)
{
	char *t = text_of(n);
	size_t k = 0;

	for (const char *p = t; *p; p++)
		k += *p == ',';
	free(t);
	return k;
}

/* Score each paragraph under n into its parent and grandparents. */
static void
score_tree(const xmlNode *n, struct scores *s)
{
	for (const xmlNode *c = n; c != NULL; c = c->next) {
		size_t len;

		if (c->type != XML_ELEMENT_NODE)
			continue;
		if ((is_tag(c, "p") || is_tag(c, "pre") || is_tag(c, "td") ||
		    ((is_tag(c, "div") || is_tag(c, "section")) && !has_block_child(c))) &&
		    (len = text_len(c)) >= PARA_MIN_TEXT) {
			double add = 1 + (double)commas(c) + (double)(len / 100 < 3 ? len / 100 : 3);
			const xmlNode *up = c->parent;

			for (int level = 0; level < 3 && up != NULL && up->type == XML_ELEMENT_NODE;
			    level++, up = up->parent)
				score_of(s, up)->score += add / (level == 0 ? 1 : level == 1 ? 2 :
				    level * 3);
		}
		score_tree(c->children, s);
	}
}

/* The block that holds the article's text: the one <article> with text
 * enough, else the best scored, its score weighed against its links. */
static const xmlNode *
find_body(const xmlNode *root)
{
	struct scores s = { NULL, 0, 0 };
	const xmlNode *best = NULL;
	double top = 0;

	score_tree(root, &s);
	for (size_t i = 0; i < s.n; i++) {
		size_t len = text_len(s.v[i].node);
		double density = len ? (double)link_len(s.v[i].node) / (double)len : 1;
		double v = s.v[i].score * (1 - density);

		if (best == NULL || v > top) {
			best = s.v[i].node;
			top = v;
		}
	}
	free(s.v);
	return best;
}

/* The <article> that holds min characters of text or more, when the
 * page has one. */
static const xmlNode *
find_article(const xmlNode *n, size_t min)
{
	for (; n != NULL; n = n->next) {
		const xmlNode *found;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (is_tag(n, "article") && text_len(n) >= min)
			return n;
		if ((found = find_article(n->children, min)) != NULL)
			return found;
	}
	return NULL;
}

/* With no paragraph to score (a page of one sentence, a feed's summary),
 * the <article> or else the <body> is the text, as in Readability; not
 * when it is mostly links (a section's front page). */
static const xmlNode *
whole_text(const xmlNode *root)
{
	const xmlNode *n = find_article(root, 1);
	size_t len;

	if (n == NULL)
		n = find_tag(root, "body");
	if (n == NULL || (len = text_len(n)) < PARA_MIN_TEXT || link_len(n) * 2 >= len)
		return NULL;
	return n;
}

/* The lines of the body: a block each, captions of figures apart. */
struct lines_out {
	struct buf text;	/* lines joined by LF */
	struct buf line;	/* the line being made */
	struct strlist captions;
	struct strlist links;	/* href, text, href, text... as the page has them */
};

static void
end_line(struct lines_out *o)
{
	char *s;

	buf_addc(&o->line, '\0');
	s = text_squeeze(o->line.data);
	if (*s) {
		buf_adds(&o->text, s);
		buf_addc(&o->text, '\n');
	}
	o->line.len = 0;
}

/* Is block n all link: its text (LINK_BLOCK_MIN characters or more) at
 * least nine tenths in links? */
static int
link_block(const xmlNode *n)
{
	size_t len = text_len(n);

	return len >= LINK_BLOCK_MIN && link_len(n) * 10 >= len * 9;
}

/* Is n a list (<ul>, <ol>) whose every item is all link: other
 * stories' headlines? */
static int
link_list(const xmlNode *n)
{
	int items = 0;

	if (n == NULL || !(is_tag(n, "ul") || is_tag(n, "ol")))
		return 0;
	for (const xmlNode *c = n->children; c != NULL; c = c->next) {
		if (c->type == XML_TEXT_NODE && c->content != NULL &&
		    !text_only_spaces((const char *)c->content, strlen((const char *)c->content)))
			return 0;
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (!is_tag(c, "li") || !link_block(c))
			return 0;
		items++;
	}
	return items > 0;
}

/* The next element after n, or NULL. */
static const xmlNode *
next_element(const xmlNode *n)
{
	for (n = n->next; n != NULL; n = n->next) {
		if (n->type == XML_ELEMENT_NODE)
			return n;
		if (n->type == XML_TEXT_NODE && n->content != NULL &&
		    !text_only_spaces((const char *)n->content, strlen((const char *)n->content)))
			return NULL;
	}
	return NULL;
}

/* Is n a short block ending with a colon ("Xem thêm:", "Tin liên
 * quan:"), a label for what follows? */
static int
short_label(const xmlNode *n)
{
	char *t;
	size_t len;
	int label;

	if (!(is_tag(n, "p") || is_tag(n, "div") || is_tag(n, "h3") || is_tag(n, "h4")) ||
	    text_len(n) > 40)
		return 0;
	t = text_of(n);
	len = strlen(t);
	while (len > 0 && strchr(" \t\r\n", t[len - 1]) != NULL)
		len--;
	label = len > 0 && t[len - 1] == ':';
	free(t);
	return label;
}

/* Links under n, counted up to most. */
static int
count_links(const xmlNode *n, int most)
{
	int k = 0;

	for (const xmlNode *c = n->children; c != NULL && k < most; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		k += is_tag(c, "a") ? 1 : count_links(c, most - k);
	}
	return k;
}

/* Does n's class or id name it as junk ("cms-relate"), whatever else it
 * says ("article__story")? */
static int
junk_class(const xmlNode *n)
{
	char *ci = class_id(n);
	int junk = holds_word(ci, junk_words);

	free(ci);
	return junk;
}

/* Is n a <span> or <time> with a class, an item of a line that a
 * style lays out? */
static int
styled_item(const xmlNode *n)
{
	xmlChar *c;
	int styled;

	if (n->type != XML_ELEMENT_NODE || !(is_tag(n, "span") || is_tag(n, "time")))
		return 0;
	c = xmlGetProp(n, (const xmlChar *)"class");
	styled = c != NULL && *c;
	xmlFree(c);
	return styled;
}

/* Is block n a box of links set in the text ("Tin cùng chủ đề" and two
 * headlines): no paragraph, two links or more (one in a box classed as
 * related news: "Đọc thêm" and a headline), three quarters of its text
 * in them, the rest its label? */
static int
link_box(const xmlNode *n)
{
	size_t len = text_len(n);

	return !is_tag(n, "p") && len >= LINK_BLOCK_MIN && link_len(n) * 4 >= len * 3 &&
	    (count_links(n, 2) >= 2 || (count_links(n, 1) == 1 && junk_class(n)));
}

static void
emit(const xmlNode *n, struct lines_out *o)
{
	for (const xmlNode *c = n; c != NULL; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			for (const char *s = (const char *)c->content; s && *s; s++)
				buf_addc(&o->line, *s == '\n' || *s == '\t' || *s == '\r' ? ' ' : *s);
			continue;
		}
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (is_tag(c, "figcaption")) {
			char *t = text_of(c);

			if (*t)
				strlist_push_new(&o->captions, t);
			else
				free(t);
			continue;
		}
		if (is_tag(c, "br")) {
			end_line(o);
			continue;
		}
		if (is_tag(c, "a")) {
			char *href = attr(c, "href");

			if (href != NULL && *href && *href != '#') {
				/* Pairs: strlist_push_new would drop a text seen before. */
				strlist_push(&o->links, href);
				strlist_push(&o->links, text_of(c));
			} else {
				free(href);
			}
		}
		/* The headline is the title's (first_h1), not the text's. */
		if (is_tag(c, "h1")) {
			end_line(o);
			continue;
		}
		/* "<p><strong>Xem thêm:</strong></p><ul><li><a>...</a></li>
		 * ...</ul>": other stories listed in the text, their label with
		 * them; the text goes on after them. */
		if (link_list(c) || (short_label(c) && link_list(next_element(c)))) {
			end_line(o);
			continue;
		}
		if (tag_in(c, block_tags) || is_tag(c, "td") || is_tag(c, "th")) {
			end_line(o);
			/* A block that is one link is another article's headline
			 * (a related story set in the text), not this one's; a
			 * box of them with its label is other articles'. */
			if (!link_block(c) && !link_box(c))
				emit(c->children, o);
			end_line(o);
			continue;
		}
		/* "<span class=date>15/03/2023</span><span class=view>Lượt
		 * xem</span>": two items a style sets apart, not one word. */
		if (styled_item(c) && c->prev != NULL && styled_item(c->prev))
			buf_addc(&o->line, ' ');
		emit(c->children, o);
	}
}

/* Take out what stands before the headline h1 in body, when body holds
 * it: a section's link, a kicker, a breadcrumb ("Quản trị" over a
 * WordPress headline) are the page's, not the article's. */
static void
drop_before_headline(const xmlNode *body, const xmlNode *h1)
{
	const xmlNode *n = h1;

	while (n != NULL && n != body)
		n = n->parent;
	if (n == NULL)
		return;
	for (n = h1; n != body; n = n->parent) {
		while (n->prev != NULL) {
			xmlNode *p = n->prev;

			xmlUnlinkNode(p);
			xmlFreeNode(p);
		}
	}
}

/* The first block under n whose text, on one line, is t; or NULL. */
static const xmlNode *
block_saying(const xmlNode *n, const char *t)
{
	for (; n != NULL; n = n->next) {
		const xmlNode *found;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (!has_block_child(n) && text_len(n) <= strlen(t) * 2) {
			char *mine = text_of(n), *line = text_one_line(mine);
			int same = line != NULL && strcmp(line, t) == 0;

			free(mine);
			free(line);
			if (same)
				return n;
		}
		if ((found = block_saying(n->children, t)) != NULL)
			return found;
	}
	return NULL;
}

/* Is the <h1> n the site's logo ("<h1 class=sitename><a href=/>TẠP CHÍ
 * ...</a></h1>"): classed so, or a link to the site's home alone? */
static int
logo_h1(const xmlNode *n)
{
	static const char *const words[] = { "logo", "sitename", "site-name", "site-title",
		"site_title", "brand", NULL };
	char *ci = class_id(n);
	const xmlNode *only = NULL;
	int logo = holds_word(ci, words);

	free(ci);
	for (const xmlNode *c = n->children; c != NULL && !logo; c = c->next) {
		if (c->type == XML_ELEMENT_NODE) {
			if (only != NULL)
				return 0;
			only = c;
		} else if (c->type == XML_TEXT_NODE && c->content != NULL &&
		    !text_only_spaces((const char *)c->content, strlen((const char *)c->content))) {
			return 0;
		}
	}
	if (!logo && only != NULL && is_tag(only, "a")) {
		char *href = attr(only, "href");

		logo = href != NULL && (strcmp(href, "/") == 0 || strcmp(href, "./") == 0 ||
		    strcmp(href, "index.html") == 0 || strcmp(href, "/index.php") == 0);
		free(href);
	}
	return logo;
}

/* The text of the first <h1> under n, new, or NULL. */
static char *
first_h1(const xmlNode *n)
{
	for (; n != NULL; n = n->next) {
		char *t;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (is_tag(n, "h1") && !logo_h1(n)) {
			t = text_of(n);
			if (*t)
				return t;
			free(t);
		}
		if ((t = first_h1(n->children)) != NULL)
			return t;
	}
	return NULL;
}

/* Does a come before b in the page? */
static int
before(const xmlNode *a, const xmlNode *b)
{
	/* libxml2 takes them writable; it only reads them. */
	return xmlXPathCmpNodes((xmlNodePtr)(uintptr_t)a, (xmlNodePtr)(uintptr_t)b) == 1;
}



/* The page's description, where it stands on the page outside the body
 * (a site's sapo above its text): a paragraph of its own, first. */
static const xmlNode *
visible_lede(const xmlNode *n, const xmlNode *h1, const xmlNode *body, const char *description)
{
	for (; n != NULL; n = n->next) {
		const xmlNode *found;

		if (n->type != XML_ELEMENT_NODE || n == body)
			continue;
		/* Between the headline and the text, as sapos stand: a list
		 * of other stories with sapos of their own may be anywhere. */
		if ((is_tag(n, "p") || is_tag(n, "h2") || is_tag(n, "div") || is_tag(n, "td") ||
		    is_tag(n, "span")) &&
		    (h1 == NULL || before(h1, n)) && (body == NULL || before(n, body))) {
			char *t = text_of(n), *ci = class_id(n);
			size_t len = strlen(t);
			int inner = has_block_child(n);
			/* The description as the page shows it (the metadata's
			 * may be cut short, or longer; a site that describes
			 * each page by its headline has it in a title block),
			 * or a block the site
			 * names its sapo (an old table's cell holding its
			 * paragraph too, when it is as short as a sapo). */
			int lede = len >= LEDE_MIN && ((!inner && description != NULL &&
			    strncmp(t, description, LEDE_MIN) == 0 && !holds_word(ci, heading_words)) ||
			    (holds_word(ci, lede_words) && (!inner || len <= LEDE_MAX)));

			free(t);
			free(ci);
			if (lede)
				return n;
		}
		if ((found = visible_lede(n->children, h1, body, description)) != NULL)
			return found;
	}
	return NULL;
}

/* The links of the body (o->links) as article.h keeps them, "URL<TAB>
 * text" lines, each URL once, made absolute against base (may be NULL:
 * relative ones are then left out); NULL when there are none. */
static char *
links_text(const struct strlist *v, const char *base)
{
	struct buf b;
	struct strlist seen;

	buf_init(&b);
	strlist_init(&seen);
	for (size_t i = 0; i + 1 < v->len; i += 2) {
		xmlChar *abs = xmlBuildURI((const xmlChar *)v->items[i], (const xmlChar *)base);
		char *url = url_clean(abs != NULL ? (const char *)abs : v->items[i]), *text;
		int dup = 0;

		xmlFree(abs);
		if (url == NULL)
			continue;
		for (size_t k = 0; k < seen.len && !dup; k++)
			dup = strcmp(seen.items[k], url) == 0;
		if (dup) {
			free(url);
			continue;
		}
		text = text_one_line(v->items[i + 1]);
		buf_adds(&b, url);
		buf_addc(&b, '\t');
		if (text != NULL)
			buf_adds(&b, text);
		buf_addc(&b, '\n');
		free(text);
		strlist_push(&seen, url);
	}
	strlist_free(&seen);
	if (b.len == 0)
		return NULL;
	buf_addc(&b, '\0');
	return buf_detach(&b);
}

/* Replace *slot with v when v says something. */
static void
take(char **slot, char *v)
{
	if (v == NULL)
		return;
	free(*slot);
	*slot = v;
}

/* The most text an element holding a byline has ("Bài và ảnh: ... -
 * 06/04/2024 08:47", a counter, a button's label). */
#define BYLINE_MAX_TEXT 240

/* Class or id words of the element a page shows its author in. */
static const char *const byline_words[] = {
	"author", "byline", "tac-gia", "tacgia", "writer", "createdby", "created-by", NULL
};
/* What a byline may say before the name. */
static const char *const byline_heads[] = {
	"Tác giả:", "Tác giả,", "Bài và ảnh:", "Bài, ảnh:", "Bài - ảnh:", "Bài-ảnh:", "Tin và ảnh:",
	"Tin, ảnh:", "Tin - ảnh:", "Tin-ảnh:", "Bài:", "Tin:", "By ", "Viết bởi ", "Đăng bởi ",
	"Bởi ", "bởi ", "Nhóm phóng viên:", "Nhóm PV:", "Nhóm tác giả:", "Phóng viên:", "PV:",
	"Người viết:", "Người đăng:", "Đăng bởi:", "Viết bởi:", "Tác giả bài viết:", "Thực hiện:",
	"Nhóm thực hiện:", "Ghi chép:", "Ghi chép của ", "Bài viết của ",
	"Bài viết được viết bởi ", "Bài viết bởi ", "Được viết bởi ", "Tác giả ", NULL
};

static char *signature_names(const char *text);

/* Does t open with one of byline_heads ("Tác giả:", "Bài viết bởi ")? */
static int
opens_with_head(const char *t)
{
	t += strspn(t, " \t\r\n");
	for (size_t i = 0; byline_heads[i] != NULL; i++) {
		if (strncmp(t, byline_heads[i], strlen(byline_heads[i])) == 0)
			return 1;
	}
	return 0;
}

/* "Thu Hằng/Bnews/vnanet.vn", "Minh Trang/BNEWS/TTXVN", "Văn Lâm/Người
 * Việt": the names before the paper's or agency's path, a few words,
 * cut there. */
static void
cut_paper_after_slash(char *t)
{
	char *slash = strchr(t, '/');
	size_t words = 1;

	if (slash == NULL || slash == t || strlen(slash) > 40)
		return;
	for (const char *p = slash; *p; p++)
		words += *p == ' ';
	if (words <= 3)
		*slash = '\0';
}

/* The name in a byline's text, "Bài và ảnh: Hoàng Sơn - 06/04/2024", new;
 * NULL when what is left does not read as a name (a few words, no
 * digits, no address). */
static char *
byline_name(const char *text)
{
	static const char *const seps[] = { " - ", " | ", " – ", " — ", " (", ",", NULL };
	char *t = text_one_line(text), *name;
	const char *p = t;
	size_t n, words = 0;

	if (t == NULL)
		return NULL;
	for (size_t i = 0; byline_heads[i] != NULL; i++) {
		if (strncmp(p, byline_heads[i], strlen(byline_heads[i])) == 0) {
			p += strlen(byline_heads[i]);
			break;
		}
	}
	p += strspn(p, " ");
	/* "PGS, TS. Đỗ Quang Huy": the comma is the rank's, not the end of
	 * the name. */
	p += credit_role_len(p);
	/* "Thu Hằng - Đức Phong", "Lan Hương, Quốc Tuấn": two writers, not
	 * a name and a date or an office. */
	if ((name = signature_names(p)) != NULL &&
	    (strstr(name, " - ") != NULL || strstr(name, ", ") != NULL)) {
		free(t);
		return name;
	}
	free(name);
	n = strlen(p);
	for (size_t i = 0; seps[i] != NULL; i++) {
		const char *at = strstr(p, seps[i]);

		if (at != NULL && (size_t)(at - p) < n)
			n = (size_t)(at - p);
	}
	name = xstrndup(p, n);
	free(t);
	cut_paper_after_slash(name);
	for (const char *q = name; *q; q++) {
		if (isdigit((unsigned char)*q) || *q == '@' || *q == '/' || *q == ':') {
			free(name);
			return NULL;
		}
		if (*q == ' ')
			words++;
	}
	/* "Về tác giả", "Thông tin tác giả": a box's label, no name. */
	if (*name == '\0' || words >= 6 || strlen(name) > 60 || strstr(name, "tác giả") != NULL) {
		free(name);
		return NULL;
	}
	return name;
}

/* Are the n bytes of t a byline's head alone, spaces aside ("<div
 * class=td-author-by>Bởi</div>", a label in a block of its own)? */
static int
head_alone(const char *t, size_t n)
{
	while (n > 0 && (*t == ' ' || *t == '\n' || *t == '\t' || *t == '\r')) {
		t++;
		n--;
	}
	while (n > 0 && strchr(" \n\t\r", t[n - 1]) != NULL)
		n--;
	for (size_t i = 0; byline_heads[i] != NULL; i++) {
		size_t k = strlen(byline_heads[i]);

		while (k > 0 && byline_heads[i][k - 1] == ' ')
			k--;
		if (k == n && strncmp(t, byline_heads[i], k) == 0)
			return 1;
	}
	return 0;
}

/* The text under c and its siblings up to the first <br>, into b; 0
 * when it got there. */
static int
line_walk(const xmlNode *c, struct buf *b)
{
	for (; c != NULL; c = c->next) {
		if (c->type == XML_TEXT_NODE && c->content != NULL)
			buf_add(b, (const char *)c->content, strlen((const char *)c->content));
		else if (is_tag(c, "br"))
			return 0;
		else if (c->type == XML_ELEMENT_NODE && !is_tag(c, "script") && !is_tag(c, "style")) {
			if (!line_walk(c->children, b))
				return 0;
			/* A block with text ends the line too ("<p>Name</p>
			 * <p>Office</p>"). */
			if (tag_in(c, block_tags)) {
				buf_addc(b, ' ');
				if (!text_only_spaces(b->data, b->len) && !head_alone(b->data, b->len))
					return 0;
			}
		}
	}
	return 1;
}

/* The text of n up to its first <br>, spaces squeezed, new: a byline's
 * names, not the writers' school on the line under them. */
static char *
first_line_of(const xmlNode *n)
{
	struct buf b;

	buf_init(&b);
	buf_add(&b, "", 0);
	line_walk(n->children, &b);
	buf_addc(&b, '\0');
	return text_squeeze(buf_detach(&b));
}

/* The first text node under c and its siblings with more than spaces,
 * in document order, or NULL. */
static const xmlNode *
first_text(const xmlNode *c)
{
	for (; c != NULL; c = c->next) {
		const xmlNode *t;

		if (c->type == XML_TEXT_NODE && c->content != NULL &&
		    !text_only_spaces((const char *)c->content, strlen((const char *)c->content)))
			return c;
		if (c->type == XML_ELEMENT_NODE && !is_tag(c, "script") && !is_tag(c, "style") &&
		    (t = first_text(c->children)) != NULL)
			return t;
	}
	return NULL;
}

/* Does the text of n open with "Tác giả" (BBC's "Tác giả, Bùi Thu", in
 * spans of no telling class)? Its first text alone is read. */
static int
author_head(const xmlNode *n)
{
	static const char head[] = "Tác giả";
	const xmlNode *c = first_text(n->children);

	return c != NULL && strncmp((const char *)c->content +
	    strspn((const char *)c->content, " \t\r\n"), head, sizeof head - 1) == 0;
}

/* Take out the blocks classed as the byline's that follow it ("TS.
 * Nguyễn Thị Hoa", then "detail-author-org": her school): the writer's,
 * not the article's. */
static void
drop_byline_rest(xmlNode *n)
{
	xmlNode *c = n->next, *next;

	for (; c != NULL; c = next) {
		char *ci;
		int rest;

		next = c->next;
		if (c->type != XML_ELEMENT_NODE)
			continue;
		ci = class_id(c);
		rest = holds_word(ci, byline_words) && text_len(c) <= BYLINE_MAX_TEXT;
		free(ci);
		if (!rest)
			break;
		xmlUnlinkNode(c);
		xmlFreeNode(c);
	}
}

/* Is n a link to its author's page (<a rel="author">, the microformat
 * WordPress themes and Medium-like sites write)? */
static int
rel_author(const xmlNode *n)
{
	static const char *const words[] = { "author", NULL };
	char *rel = attr(n, "rel");
	int r = rel != NULL && holds_word(rel, words);

	free(rel);
	return r;
}

/* The author a page shows in an element so classed (a byline above or
 * under the text), or opening with "Tác giả", taken out of the tree so
 * that the body does not hold it; new, or NULL. */
static char *
page_byline(xmlNode *n)
{
	for (; n != NULL; n = n->next) {
		char *ci, *name = NULL;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		ci = class_id(n);
		/* A byline is a line, and never the page's root: a broken
		 * page whose root is an <a class=author> holds everything,
		 * and taking it out left the caller with a freed tree. */
		if ((holds_word(ci, byline_words) || rel_author(n) ||
		    (!has_block_child(n) && author_head(n))) &&
		    text_len(n) <= BYLINE_MAX_TEXT &&
		    n->parent != NULL && n->parent->type == XML_ELEMENT_NODE) {
			char *t = first_line_of(n);

			name = byline_name(t);
			free(t);
		}
		free(ci);
		if (name != NULL) {
			drop_byline_rest(n);
			xmlUnlinkNode(n);
			xmlFreeNode(n);
			return name;
		}
		if ((name = page_byline(n->children)) != NULL)
			return name;
	}
	return NULL;
}

/* The first block under n, in document order, whose first line reads as
 * a name ("Minh Đức" under "Về tác giả"), new; NULL when none does. */
static char *
box_name(const xmlNode *n)
{
	for (; n != NULL; n = n->next) {
		char *t, *name;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (has_block_child(n)) {
			if ((name = box_name(n->children)) != NULL)
				return name;
			continue;
		}
		t = first_line_of(n);
		name = byline_name(t);
		free(t);
		if (name != NULL)
			return name;
	}
	return NULL;
}

/* An author's box ("author-box", "about-author"), a card with their
 * name, photo and a few lines about them, taken out of the tree: not the
 * article's. The name in it, new, or NULL: the first of its blocks that
 * reads as one. */
static char *
drop_author_boxes(xmlNode *n)
{
	static const char *const box_words[] = { "box", "bio", "info", "profile", "about",
		"card", NULL };
	char *name = NULL;

	for (xmlNode *next; n != NULL; n = next) {
		char *ci;
		int box;

		next = n->next;
		if (n->type != XML_ELEMENT_NODE)
			continue;
		ci = class_id(n);
		box = holds_word(ci, byline_words) && holds_word(ci, box_words) &&
		    has_block_child(n) && n->parent != NULL && n->parent->type == XML_ELEMENT_NODE;
		free(ci);
		if (!box) {
			char *in = drop_author_boxes(n->children);

			if (name == NULL)
				name = in;
			else
				free(in);
			continue;
		}
		if (name == NULL)
			name = box_name(n->children);
		xmlUnlinkNode(n);
		xmlFreeNode(n);
	}
	return name;
}

/* Words of s. */
static size_t
count_words(const char *s)
{
	size_t n = 0;

	for (const char *p = s; *p; p++)
		n += (p == s || *(p - 1) == ' ') && *p != ' ';
	return n;
}

/* What joins a headline and a site's name in a <title>, or a byline's
 * parts. */
static const char *const title_seps[] = { " - ", " | ", " – ", " — ", NULL };

/* The <title> without the site's name after a separator ("Tin - Báo X"). */
static char *
page_title_alone(char *t, const char *site)
{
	for (size_t i = 0; t != NULL && title_seps[i] != NULL; i++) {
		char *at = strstr(t, title_seps[i]);

		/* The last separator, and only when what follows is short:
		 * a headline may hold a dash ("Hàm Rồng – Vũng Tàu đón dòng
		 * khí đầu tiên", a page that names no site): five words at most
		 * after the separator, itself counted as one. */
		while (at != NULL && strstr(at + 1, title_seps[i]) != NULL)
			at = strstr(at + 1, title_seps[i]);
		if (at != NULL && strlen(at) < 40 && (site != NULL || count_words(at) <= 6)) {
			*at = '\0';
			break;
		}
	}
	return t;
}

/* The site's name in a <title> that is the headline and the name joined
 * by a separator, either way round ("Báo X - Tin", "Tin | Báo X"). New,
 * or NULL. */
static char *
site_in_title(const char *page_title, const char *headline)
{
	const char *at;
	size_t n;

	if (page_title == NULL || headline == NULL || (at = strstr(page_title, headline)) == NULL)
		return NULL;
	n = strlen(headline);
	for (size_t i = 0; title_seps[i] != NULL; i++) {
		size_t k = strlen(title_seps[i]);

		if (at == page_title && strncmp(at + n, title_seps[i], k) == 0 && strlen(at + n + k) < 60)
			return xstrdup(at + n + k);
		if (at[n] == '\0' && (size_t)(at - page_title) > k && (size_t)(at - page_title) < 60 + k &&
		    strncmp(at - k, title_seps[i], k) == 0)
			return xstrndup(page_title, (size_t)(at - page_title) - k);
	}
	return NULL;
}

/* Share of the words of a found in b (both lower-cased), 0 to 1. */
static double
words_shared(const char *a, const char *b)
{
	char *x = text_lower(a), *y = text_lower(b), *save = NULL;
	size_t n = 0, in = 0;

	for (char *w = strtok_r(x, " ,.:;!?\"'()", &save); w != NULL;
	    w = strtok_r(NULL, " ,.:;!?\"'()", &save)) {
		n++;
		in += strstr(y, w) != NULL;
	}
	free(x);
	free(y);
	return n ? (double)in / (double)n : 0;
}


/* t without the site's name after its last separator ("Tin - VnExpress
 * Đời sống"), when what follows names the site. */
static void
drop_site(char *t, const char *site)
{
	for (size_t i = 0; site != NULL && *site && title_seps[i] != NULL; i++) {
		char *at = strstr(t, title_seps[i]), *next;

		while (at != NULL && (next = strstr(at + 1, title_seps[i])) != NULL)
			at = next;
		if (at != NULL && at != t && strlen(at) < 60 &&
		    strcasestr(at + strlen(title_seps[i]), site) != NULL) {
			*at = '\0';
			return;
		}
	}
}

/* Does s name a paper rather than a story: the site's name, or what
 * papers are called ("Báo ...", "Tạp chí ...", "Đài ...")? */
static int
paper_name(const char *s, const char *site)
{
	static const char *const heads[] = {
		"Báo ", "Tạp chí ", "Đài ", "Trang tin ", "Cổng thông tin ", NULL
	};

	if (site != NULL && strcasecmp(s, site) == 0)
		return 1;
	for (size_t i = 0; heads[i] != NULL; i++) {
		if (strncmp(s, heads[i], strlen(heads[i])) == 0 && count_words(s) <= 7)
			return 1;
	}
	return 0;
}

/* A title's last part after a dash or a bar when it names a paper ("...
 * - Báo Kiên Giang") and the page names no site to cut it by. */
static void
drop_paper_tail(char *t, const char *site)
{
	for (size_t i = 0; title_seps[i] != NULL; i++) {
		char *at = strstr(t, title_seps[i]), *next;

		while (at != NULL && (next = strstr(at + 1, title_seps[i])) != NULL)
			at = next;
		if (at != NULL && at != t && paper_name(at + strlen(title_seps[i]), site)) {
			*at = '\0';
			return;
		}
	}
}

/* Names in bylines that are no person (lowered): agencies, the makers
 * of sites' CMS, the placeholder of a blog. */
static const char *const not_authors[] = {
	"admin", "administrator", "ttxvn", "vna", "afp", "reuters", "ap", "vccorp", "admicro",
	"fpt online", "vtv digital", "ban biên tập", "quản trị", "quản trị viên", "super user",
	"webmaster", "bbt", "tòa soạn", "toà soạn", "nhóm pv", "nhóm phóng viên", "nhóm tác giả",
	"nhóm thực hiện", "phóng viên", "pv", "ctv", NULL
};

/* Is s one of words? */
static int
in_words(const char *s, const char *const *words)
{
	for (size_t i = 0; words[i] != NULL; i++) {
		if (strcmp(s, words[i]) == 0)
			return 1;
	}
	return 0;
}

/* name as an author, new: trimmed of separators left at its ends
 * ("Bình Minh -"); NULL when it names the paper rather than a person
 * (its site's name, the URL's host or its first word: "VnExpress",
 * "NLD.COM.VN", "baodautu.vn") or nobody ("admin"). */
/*
 * Cut the characters of set off the end of t, each a whole UTF-8
 * sequence: a byte at a time, the "–" of the set (E2 80 93) took the last
 * byte of an NFD "À" (A CC 80) and left the name invalid. Returns the
 * length left.
 */
static size_t
trim_end(char *t, const char *set)
{
	size_t n = strlen(t);

	while (n > 0) {
		size_t i = n - 1;

		while (i > 0 && ((unsigned char)t[i] & 0xC0) == 0x80)
			i--;
		if (memmem(set, strlen(set), t + i, n - i) == NULL)
			break;
		n = i;
		t[n] = '\0';
	}
	return n;
}

/* Is s a domain ("Dantri.com.vn", "vnexpress.net"), not an initial and
 * a name ("N.Linh")? One word, its last part after a dot in small
 * letters. */
static int
domain_like(const char *s)
{
	const char *dot = strrchr(s, '.');
	size_t n;

	if (strchr(s, ' ') != NULL || dot == NULL)
		return 0;
	n = strlen(dot + 1);
	return n >= 2 && n <= 6 && strspn(dot + 1, "abcdefghijklmnopqrstuvwxyz") == n;
}

static int capitalised(const char *s);

static char *
author_name(const char *name, const char *site, const char *url)
{
	char *t = text_one_line(name), *host = url_site(url), *low;
	size_t n;
	int paper = 0;

	if (t == NULL) {
		free(host);
		return NULL;
	}
	n = trim_end(t, " -–—|,:;");
	/* "Luật sư Nguyễn Văn Phúc", "PGS.TS Lê Văn Khoa", "CTV Minh Khôi",
	 * "PV Minh Hà": the name, as the text importer keeps it
	 * (extract-trailer.c). */
	{
		size_t rank = credit_role_len(t);

		/* "ThS. Đỗ Thị Mai - Vũ Hoàng Nam": two names after it. */
		if (rank > 0 && rank < n && (credit_vietnamese_name(t + rank) ||
		    (capitalised(t + rank) && (strstr(t + rank, " - ") != NULL ||
		    strstr(t + rank, " – ") != NULL || strstr(t + rank, ", ") != NULL)))) {
			memmove(t, t + rank, n - rank + 1);
			n -= rank;
		}
	}
	low = text_lower(t);
	/* "Theo Reuters", "Theo Sầm Hoa (Vietnamnet)", "(TTXVN)": a source
	 * credit; "Báo điện tử 24h", a news agency, a CMS's maker: no one. */
	if (n == 0 || strncmp(low, "theo ", 5) == 0 || (t[0] == '(' && t[n - 1] == ')') ||
	    paper_name(t, site) || in_words(low, not_authors))
		paper = 1;
	else if (site != NULL && strcasecmp(t, site) == 0)
		paper = 1;
	else if (domain_like(t))
		paper = 1;
	else if (host != NULL && *host) {
		size_t k = strcspn(host, ".");

		paper = strcasecmp(low, host) == 0 || (strlen(low) == k &&
		    strncasecmp(low, host, k) == 0);
	}
	free(low);
	free(host);
	if (paper) {
		free(t);
		return NULL;
	}
	return t;
}

/* Is the text of n all in one <strong>, <b> or <em>? */
static int
all_bold(const xmlNode *n)
{
	const xmlNode *only = NULL;

	for (const xmlNode *c = n->children; c != NULL; c = c->next) {
		if (c->type == XML_TEXT_NODE && c->content != NULL &&
		    !text_only_spaces((const char *)c->content, strlen((const char *)c->content)))
			return 0;
		if (c->type == XML_ELEMENT_NODE) {
			if (only != NULL)
				return 0;
			only = c;
		}
	}
	return only != NULL && (is_tag(only, "strong") || is_tag(only, "b") || is_tag(only, "em"));
}

/* Does n open with a line all in <strong> or <b>, a <br> after it
 * ("<strong>NGUYỄN VĂN AN</strong><br>(Phòng Cảnh sát hình sự)"), as a
 * signature over its writer's office is set? */
static int
bold_first_line(const xmlNode *n)
{
	const xmlNode *c = n->children;

	while (c != NULL && c->type == XML_TEXT_NODE && c->content != NULL &&
	    text_only_spaces((const char *)c->content, strlen((const char *)c->content)))
		c = c->next;
	if (c == NULL || c->type != XML_ELEMENT_NODE || !(is_tag(c, "strong") || is_tag(c, "b")))
		return 0;
	for (c = c->next; c != NULL && c->type == XML_TEXT_NODE && c->content != NULL &&
	    text_only_spaces((const char *)c->content, strlen((const char *)c->content)); c = c->next)
		;
	return c != NULL && c->type == XML_ELEMENT_NODE && is_tag(c, "br");
}

/* Is n set to the right (align=right, text-align: right)? */
static int
right_aligned(const xmlNode *n)
{
	/* Classes of CSS frameworks and themes that set a block right. */
	static const char *const right_words[] = { "text-right", "text-end", "align-right",
		"alignright", "has-text-align-right", "pull-right", "float-right", NULL };
	char *align = attr(n, "align"), *style = attr(n, "style"), *cls = attr(n, "class");
	int right = (align != NULL && strcasecmp(align, "right") == 0) ||
	    (style != NULL && strcasestr(style, "text-align") != NULL &&
	    strcasestr(style, "right") != NULL);

	if (!right && cls != NULL) {
		char *low = text_lower(cls);

		right = holds_word(low, right_words);
		free(low);
	}
	free(align);
	free(style);
	free(cls);
	return right;
}

/* Does every word of s begin with a capital, as names do ("Lê Tuyết",
 * "NHÓM PV"), unlike a heading ("Người dân nói gì")? Joining words
 * ("và", "-") aside. */
static int
capitalised(const char *s)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + strlen(s);

	while (p < end) {
		ucs4_t uc;

		while (p < end && *p == ' ')
			p++;
		if (p >= end)
			break;
		u8_mbtouc(&uc, p, (size_t)(end - p));
		if (!uc_is_upper(uc) && !uc_is_punct(uc) && strncmp((const char *)p, "và ", 4) != 0)
			return 0;
		while (p < end && *p != ' ')
			p++;
	}
	return 1;
}

/* Does every full stop in s end an initial ("K. Miên", "H.V."), as in a
 * name, not a sentence? */
static int
initials_only(const char *s)
{
	for (const char *p = strchr(s, '.'); p != NULL; p = strchr(p + 1, '.')) {
		if (p == s || !isupper((unsigned char)p[-1]) ||
		    (p - s >= 2 && isalpha((unsigned char)p[-2])))
			return 0;
	}
	return 1;
}

/* Take the rank or role out before each name after the first in t
 * ("ThS. Đỗ Thị Mai - TS. Vũ Hoàng Nam"): the first one's is the
 * caller's to keep or drop. */
static void
drop_roles(char *t)
{
	static const char *const joins[] = { " - ", " – ", ", ", " và ", NULL };

	for (size_t k = 0; joins[k] != NULL; k++) {
		for (char *p = strstr(t, joins[k]); p != NULL; p = strstr(p, joins[k])) {
			char *name = p + strlen(joins[k]);
			size_t role = credit_role_len(name);

			if (role > 0)
				memmove(name, name + role, strlen(name + role) + 1);
			p = name;
		}
	}
}

/* The names of a signature ("Quang Phong - Tùng Nguyên"), new, or NULL
 * when it does not read as names: a few words each, no digits. */
static char *
signature_names(const char *text)
{
	static const char *const credits[] = { "Ảnh:", "ảnh:", "Ảnh -", "Video:", NULL };
	char *t = text_one_line(text);

	if (t == NULL)
		return NULL;
	/* "Tin, ảnh: Hoàng Hiệp": the names after the credit's head. */
	for (size_t i = 0; byline_heads[i] != NULL; i++) {
		size_t k = strlen(byline_heads[i]);

		if (strncasecmp(t, byline_heads[i], k) == 0) {
			memmove(t, t + k, strlen(t + k) + 1);
			text_squeeze(t);
			break;
		}
	}
	cut_paper_after_slash(t);
	/* "Hà Vân (Theo Reuters)": where the story came from, after the
	 * writer (or translator) it names. */
	{
		char *paren = strrchr(t, '(');

		if (paren != NULL && paren != t && t[strlen(t) - 1] == ')')
			*paren = '\0';
	}
	/* "Tâm Giao Ảnh: Cao Trung Hiếu": the writer, not the photographer. */
	for (size_t i = 0; credits[i] != NULL; i++) {
		char *at = strstr(t, credits[i]);

		if (at != NULL && at != t)
			*at = '\0';
	}
	trim_end(t, " -–,;");
	/* "Phạm Thị Lan - Kiểm sát viên VKSND tỉnh Nghệ An": the writer's
	 * office after the names, with the small letters no name has
	 * ("Minh Anh - TS. Vũ Nam", "Minh Anh - Trường Giang": two writers). */
	{
		static const char *const joins[] = { " - ", " – ", ", ", NULL };

		for (size_t k = 0; joins[k] != NULL; k++) {
			for (char *at = strstr(t, joins[k]); at != NULL; at = strstr(at + 1, joins[k])) {
				char *rest = at + strlen(joins[k]);

				if (at != t && (credit_office_len(rest) > 0 || credit_role_len(rest) > 0) &&
				    !capitalised(rest + credit_role_len(rest))) {
					*at = '\0';
					break;
				}
			}
		}
	}
	drop_roles(t);
	/* "Đại tá Trần Văn Sơn": a rank's small letters are no heading's. */
	if (strlen(t) > SIGNATURE_MAX || count_words(t) > 8 || strpbrk(t, "0123456789:@/!?") != NULL ||
	    !initials_only(t + credit_role_len(t)) || !capitalised(t + credit_role_len(t)) ||
	    strncmp(t, "Theo ", 5) == 0) {
		free(t);
		return NULL;
	}
	return t;
}

/* A news agency's code as it signs under a story ("FILI", "AFP"): one
 * word of three capitals or more, no marks, no dots. A writer who signs
 * in capitals has two words or more ("THANH HÀ"); "PV" is the reporter. */
static int
agency_code(const char *name)
{
	size_t n = 0;

	for (const char *p = name; *p; p++, n++) {
		if (*p < 'A' || *p > 'Z')
			return 0;
	}
	return n >= 3;
}

/* Block elements under n with text, in document order. */
static void
blocks_under(xmlNode *n, xmlNode ***v, size_t *len, size_t *cap)
{
	for (xmlNode *c = n->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if ((is_tag(c, "p") || is_tag(c, "div")) && !has_block_child(c)) {
			if (*len == *cap) {
				*cap = *cap ? *cap * 2 : 64;
				*v = xrealloc(*v, *cap * sizeof **v);
			}
			(*v)[(*len)++] = c;
		} else {
			blocks_under(c, v, len, cap);
		}
	}
}

/* The n blocks v after a signature: the lines set as it is (to the
 * right, or all in bold or italics) and short are the writer's office or
 * unit ("Hội CCB tỉnh Thanh Hóa"), not the article's; taken out. */
static void
drop_signature_rest(xmlNode **v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char *t;
		int rest;

		if (v[i] == NULL || (!right_aligned(v[i]) && !all_bold(v[i])) ||
		    text_len(v[i]) > SIGNATURE_MAX * 2)
			continue;
		t = text_of(v[i]);
		rest = count_words(t) <= 12 && strpbrk(t, ".!?:") == NULL;
		free(t);
		if (rest) {
			xmlUnlinkNode(v[i]);
			xmlFreeNode(v[i]);
			v[i] = NULL;
		}
	}
}

/* Writers who sign one by one, each over their office ("<p
 * align=right><b>ThS. Trần Văn Lợi</b><br><i>Ban Tổ chức Trung
 * ương</i></p>", then the next): the signatures set the same way just
 * above the k-th block, taken out, their names before name's; new. */
static char *
signatures_above(xmlNode **v, size_t k, char *name)
{
	for (int more = 0; k > 0 && more < 2; more++) {
		xmlNode *b = v[k - 1];
		char *t, *above;

		if (b == NULL || !right_aligned(b) || text_len(b) > SIGNATURE_MAX * 2)
			break;
		t = first_line_of(b);
		above = signature_names(t);
		free(t);
		if (above == NULL)
			break;
		t = xasprintf("%s, %s", above, name + credit_role_len(name));
		free(above);
		free(name);
		name = t;
		xmlUnlinkNode(b);
		xmlFreeNode(b);
		v[--k] = NULL;
	}
	return name;
}

/* The signature at the end of the body, VnExpress's and Dân trí's way: one
 * of its last blocks set to the right or all in bold, holding names only
 * ("<p align=right><strong>Lê Tuyết</strong></p>"); taken out of the
 * body, its names new; else NULL. */
static char *
body_signature(xmlNode *body)
{
	xmlNode **v = NULL;
	size_t n = 0, cap = 0, seen = 0;
	char *name = NULL;

	if (body == NULL)
		return NULL;
	blocks_under(body, &v, &n, &cap);
	for (size_t i = n; i > 0 && seen < SIGNATURE_LAST && name == NULL; i--) {
		char *t;

		if (text_len(v[i - 1]) == 0)
			continue;
		seen++;
		/* Bold alone is a heading as often: last but one at most. */
		if (!right_aligned(v[i - 1]) &&
		    !((all_bold(v[i - 1]) || bold_first_line(v[i - 1])) && seen <= 2))
			continue;
		/* "<strong>Hoàng Lộc</strong><br>Sở Kế hoạch": the names on
		 * its first line, the office under them going with it. */
		t = first_line_of(v[i - 1]);
		if ((name = signature_names(t)) != NULL) {
			drop_signature_rest(v + i, n - i);
			xmlUnlinkNode(v[i - 1]);
			xmlFreeNode(v[i - 1]);
			v[i - 1] = NULL;
			/* "FILI" set under the writer's name: where the story
			 * came from; the name is above it. */
			if (agency_code(name)) {
				free(name);
				name = NULL;
			} else {
				name = signatures_above(v, i - 1, name);
			}
		}
		free(t);
	}
	/* NukeViet's "<div class=bodytext>...</div><div><p class=\"h5
	 * text-right\"><strong>Thanh Hương - Đình Trung</strong></p></div>":
	 * the signature in the blocks just after the body's. */
	for (xmlNode *after = body->next; after != NULL && name == NULL; after = after->next) {
		xmlNode **w = NULL;
		size_t wn = 0, wcap = 0;

		/* The first block with text only. */
		if (after->type != XML_ELEMENT_NODE || text_len(after) == 0)
			continue;
		if (text_len(after) > SIGNATURE_MAX * 2)
			break;
		if ((is_tag(after, "p") || is_tag(after, "div")) && !has_block_child(after)) {
			w = xmalloc(sizeof *w);
			w[wn++] = after;
		} else {
			blocks_under(after, &w, &wn, &wcap);
		}
		if (wn == 1 && (right_aligned(w[0]) || all_bold(w[0]))) {
			char *t = first_line_of(w[0]);

			if ((name = signature_names(t)) != NULL && agency_code(name)) {
				free(name);
				name = NULL;
			} else if (name != NULL) {
				xmlUnlinkNode(after);
				xmlFreeNode(after);
			}
			free(t);
		}
		free(w);
		break;
	}
	/* A magazine signs over the text, under its sapo: "<p
	 * align=right><strong>ThS. Lê Hồng Nhung</strong><br><em>Học viện
	 * ...</em></p>", among the first blocks, set right and in bold. */
	for (size_t i = 0, first = 0; i < n && first < SIGNATURE_FIRST && name == NULL; i++) {
		char *t;

		if (v[i] == NULL || text_len(v[i]) == 0)
			continue;
		first++;
		t = first_line_of(v[i]);
		/* Or in italics, saying so: "<p><em>Bài viết được viết bởi
		 * ThS.BS Đỗ Thanh Hùng - Khoa Nhi</em></p>" under the sapo. */
		if (!(right_aligned(v[i]) && (all_bold(v[i]) || bold_first_line(v[i]))) &&
		    !(all_bold(v[i]) && opens_with_head(t))) {
			free(t);
			continue;
		}
		if ((name = signature_names(t)) != NULL && !agency_code(name)) {
			xmlUnlinkNode(v[i]);
			xmlFreeNode(v[i]);
			v[i] = NULL;
		} else {
			free(name);
			name = NULL;
		}
		free(t);
	}
	free(v);
	return name;
}

/* The page's texts in document order, read before its junk is taken out
 * (a date stands in "email-print" bars and the like), for the search of
 * its date: each text short enough to be a headline, and its date when it
 * is a dateline. */
struct page_texts {
	char **text;		/* NULL: too short or too long for a headline */
	struct date *date;	/* prec DATE_NONE: no dateline */
	char **by;		/* names before the date in its element, or NULL */
	unsigned char *in_h1;	/* the text stands in an <h1> */
	size_t n, cap;
	int published_time;	/* a <time> is marked the publication's */
};

/* The names a dateline starts with ("Nguyên Minh - 07/03/2026 08:47"),
 * new, or NULL. */
static char *
names_before(const char *line)
{
	static const char *const seps[] = { " - ", " | ", " – ", NULL };

	for (size_t i = 0; seps[i] != NULL; i++) {
		const char *at = strstr(line, seps[i]);

		if (at != NULL && at != line) {
			char *head = xstrndup(line, (size_t)(at - line)), *names;

			names = signature_names(head);
			free(head);
			return names;
		}
	}
	return NULL;
}

/* The names after a byline's head in a line of the page's meta ("Ngày
 * 12 tháng 3 năm 2010 | Bởi Trần Đăng Khoa | Chuyên mục: ..."), up to
 * the next part, new, or NULL. */
static char *
names_after_head(const char *line)
{
	static const char *const heads[] = { "Bởi ", "bởi ", "Tác giả: ", "Tác giả ",
		"Người viết: ", "Viết bởi ", NULL };
	static const char *const seps[] = { " | ", " · ", " • ", NULL };

	for (size_t i = 0; heads[i] != NULL; i++) {
		const char *at = strstr(line, heads[i]), *end;
		char *part, *names;

		if (at == NULL)
			continue;
		at += strlen(heads[i]);
		end = at + strlen(at);
		for (size_t k = 0; seps[k] != NULL; k++) {
			const char *e = strstr(at, seps[k]);

			if (e != NULL && e < end)
				end = e;
		}
		/* "... bởi <a>Thanh Bình</a> <span>2.914 lượt xem</span>":
		 * a name has no digit; the counter after it is no part. */
		for (const char *e = at; e < end; e++) {
			if (isdigit((unsigned char)*e)) {
				end = e;
				break;
			}
		}
		part = xstrndup(at, (size_t)(end - at));
		names = signature_names(part);
		free(part);
		return names;
	}
	return NULL;
}

/* The text of n when it is short (max bytes, spaces squeezed), new;
 * else NULL, found without reading all of a long one. */
static char *
short_text(const xmlNode *n, size_t max)
{
	struct buf b;

	buf_init(&b);
	buf_add(&b, "", 0);
	if (!text_walk(n->children, &b, max * 2, 1)) {
		buf_free(&b);
		return NULL;
	}
	buf_addc(&b, '\0');
	return text_squeeze(buf_detach(&b));
}

/* The names after a byline's head in the block that holds text node n
 * (a line of the page's meta), new, or NULL. */
static char *
meta_line_names(const xmlNode *n)
{
	const xmlNode *line = n->parent;
	char *t, *names = NULL;

	while (line != NULL && line->type == XML_ELEMENT_NODE && !tag_in(line, block_tags))
		line = line->parent;
	if (line == NULL || line->type != XML_ELEMENT_NODE ||
	    (t = short_text(line, 2 * DATELINE_MAX)) == NULL)
		return NULL;
	if (strlen(t) <= 2 * DATELINE_MAX)
		names = names_after_head(t);
	free(t);
	return names;
}

/* Room for one more text in pt. */
static void
grow(struct page_texts *pt)
{
	if (pt->n == pt->cap) {
		pt->cap = pt->cap ? pt->cap * 2 : 256;
		pt->text = xrealloc(pt->text, pt->cap * sizeof *pt->text);
		pt->date = xrealloc(pt->date, pt->cap * sizeof *pt->date);
		pt->by = xrealloc(pt->by, pt->cap * sizeof *pt->by);
		pt->in_h1 = xrealloc(pt->in_h1, pt->cap * sizeof *pt->in_h1);
	}
}

static void
add_text(struct page_texts *pt, const xmlNode *n, int in_h1)
{
	const char *s = (const char *)n->content;
	size_t len = strlen(s);
	struct date d = { 0, 0, 0, 0, 0, DATE_NONE };
	char *around;
	int hour, minute;

	if (strspn(s, " \t\r\n") == len)
		return;
	/* "<span>Thứ Sáu, 18/03/2022</span> <span>08:30</span>", "... lúc
	 * <span>9:05 sáng</span>": the time of the day just before (a
	 * short word between them). */
	if (len <= 24 && date_time_alone(s, &hour, &minute)) {
		size_t k = pt->n;

		if (k > 1 && pt->date[k - 1].prec == DATE_NONE && pt->text[k - 1] == NULL)
			k--;
		if (k > 0 && pt->date[k - 1].prec == DATE_DAY) {
			pt->date[k - 1].hour = hour;
			pt->date[k - 1].minute = minute;
			pt->date[k - 1].prec = DATE_MINUTE;
		}
	}
	/* "<time>14:05 25.05.2016</time> <span>(giờ Mát-xcơ-va)</span>":
	 * the zone of the time just before. */
	if (len <= 48 && pt->n > 0 && pt->date[pt->n - 1].prec == DATE_MINUTE)
		date_zone_alone(s, &pt->date[pt->n - 1]);
	grow(pt);
	pt->by[pt->n] = NULL;
	pt->in_h1[pt->n] = (unsigned char)in_h1;
	/* A dateline alone, or over the nodes of a short element ("08:00 |
	 * 20/12/2012", "Nguyên Minh - 07/03/2026 08:47": the names before
	 * the date kept). */
	if (len <= DATELINE_MAX && !date_is_dateline(s, &d) && n->parent != NULL &&
	    n->parent->type == XML_ELEMENT_NODE &&
	    (around = short_text(n->parent, DATELINE_MAX)) != NULL) {
		if (strlen(around) > DATELINE_MAX || !date_is_dateline(around, &d))
			d.prec = DATE_NONE;
		else
			pt->by[pt->n] = names_before(around);
		free(around);
	}
	/* "Đăng ngày <span>...</span> · Tác giả: <a>Lê Minh Tuấn</a>": the
	 * writer named after the date, in the line that holds it. */
	if (d.prec != DATE_NONE && pt->by[pt->n] == NULL)
		pt->by[pt->n] = meta_line_names(n);
	pt->date[pt->n] = d;
	/* As it is: visible_date cleans the few as long as the headline. */
	pt->text[pt->n] = len >= 8 && len <= 600 ? xstrdup(s) : NULL;
	pt->n++;
}

/* Class or itemprop words of a <time> that is the publication's, and of
 * one that is the last edit's. */
static const char *const time_published[] = { "published", "datepublished", NULL };
static const char *const time_modified[] = { "updated", "modified", "datemodified", NULL };

/* n's class, id and itemprop, lower case, new. */
static char *
time_marks(const xmlNode *n)
{
	char *ci = class_id(n), *prop = attr(n, "itemprop"), *all;

	if (prop == NULL)
		return ci;
	all = xasprintf("%s %s", ci, prop);
	free(ci);
	free(prop);
	for (char *p = all; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	return all;
}

/* Is a <time> under n marked with one of words? */
static int
time_marked(const xmlNode *n, const char *const *words)
{
	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (is_tag(n, "time")) {
			char *m = time_marks(n);
			int marked = holds_word(m, words);

			free(m);
			if (marked)
				return 1;
		}
		if (time_marked(n->children, words))
			return 1;
	}
	return 0;
}

/* A <time datetime="2024-02-26T08:30+07:00"> as a dateline of its own,
 * where it stands; 0 when it is the last edit's, whose text is no
 * dateline either. */
static int
add_time(struct page_texts *pt, const xmlNode *n)
{
	char *when, *shown, *ci = time_marks(n);
	struct date d, seen;
	int update;

	/* "<time class="entry-date updated" datetime=...>": the last edit's
	 * when another is marked the publication's (WordPress marks a post
	 * never edited "published updated"; tagDiv's Newspaper theme marks
	 * its one date "updated"). */
	update = pt->published_time && holds_word(ci, time_modified) &&
	    !holds_word(ci, time_published);
	free(ci);
	if (update)
		return 0;
	when = attr(n, "datetime");

	/* It shows a time of its own ("22/11/2015 - 21:47"): the reader
	 * goes by that, read as its text is; the attribute's offset is often
	 * wrong. */
	if (when != NULL && (shown = short_text(n, DATELINE_MAX)) != NULL) {
		int own = date_is_dateline(shown, &seen) && seen.prec == DATE_MINUTE;

		free(shown);
		if (own) {
			free(when);
			return 1;
		}
	}
	if (when != NULL && date_parse_meta(when, &d)) {
		grow(pt);
		pt->text[pt->n] = NULL;
		pt->by[pt->n] = NULL;
		pt->in_h1[pt->n] = 0;
		pt->date[pt->n++] = d;
	}
	free(when);
	return 1;
}

static void
page_texts_collect(const xmlNode *n, struct page_texts *pt, int in_h1)
{
	for (; n != NULL; n = n->next) {
		if (n->type == XML_ELEMENT_NODE && is_tag(n, "time") && !add_time(pt, n))
			continue;
		if (n->type == XML_TEXT_NODE && n->content != NULL)
			add_text(pt, n, in_h1);
		else if (n->type == XML_ELEMENT_NODE && !is_tag(n, "script") && !is_tag(n, "style") &&
		    !is_tag(n, "head"))	/* its <title> is not where the page shows it */
			page_texts_collect(n->children, pt, in_h1 || is_tag(n, "h1"));
	}
}

static void
page_texts_free(struct page_texts *pt)
{
	for (size_t i = 0; i < pt->n; i++) {
		free(pt->text[i]);
		free(pt->by[i]);
	}
	free(pt->text);
	free(pt->date);
	free(pt->by);
	free(pt->in_h1);
}

/* The dateline nearest the headline at h: the nearest after it (within
 * DATE_AFTER texts) or before it (DATE_BEFORE), the closer winning (the
 * one after on a tie), as a site puts its date under or over the title;
 * lists farther on have dates too. SIZE_MAX when there is none. */
static size_t
dateline_near(const struct page_texts *pt, size_t h)
{
	size_t after = SIZE_MAX, before = SIZE_MAX, i;

	for (i = h; i < pt->n && i < h + DATE_AFTER && after == SIZE_MAX; i++) {
		if (pt->date[i].prec != DATE_NONE)
			after = i;
	}
	for (i = h; i > 0 && i + DATE_BEFORE > h && before == SIZE_MAX; i--) {
		if (pt->date[i - 1].prec != DATE_NONE)
			before = i - 1;
	}
	if (after == SIZE_MAX && before == SIZE_MAX)
		return SIZE_MAX;
	i = after != SIZE_MAX && (before == SIZE_MAX || after - h <= h - before) ? after : before;
	/* A day alone over the headline and a day with its time under it:
	 * the one over is the site's "today" in its header, as often as
	 * not (Joomla's "Thứ hai, 23 Tháng 3 2009" over the title, its
	 * article's "20 Tháng 3 2009 08:12" under it, past a PDF button). */
	if (i == before && after != SIZE_MAX && after - h <= DATE_NEAR &&
	    pt->date[before].prec == DATE_DAY && pt->date[after].prec == DATE_MINUTE)
		i = after;
	return i;
}

/*
 * The date the page shows by its headline (dateline_near); the headline
 * is the text that is the title, and of several (a breadcrumb repeats
 * it) the one with a dateline nearest. Without the headline among the
 * texts, from the top. *near says it is close enough to be the
 * article's own (DATE_NEAR).
 */
static int
visible_date(const struct page_texts *pt, const char *title, struct date *d, char **by,
    int *near)
{
	size_t h = 0, i = SIZE_MAX, best = SIZE_MAX;
	int matched = 0;

	for (size_t k = 0, n = title ? strlen(title) : 0; title != NULL && k < pt->n; k++) {
		size_t len = pt->text[k] ? strlen(pt->text[k]) : 0, at, dist;
		char *t;
		int same;

		/* Cleaning every text costs: those about as long only. */
		if (len < n / 2 || len > n * 2 + 16)
			continue;
		t = text_one_line(pt->text[k]);
		same = t != NULL && strcmp(t, title) == 0;
		free(t);
		if (same && !matched) {
			matched = 1;
			h = k;
		}
		if (!same || (at = dateline_near(pt, k)) == SIZE_MAX)
			continue;
		/* A day alone over a copy of the headline (a breadcrumb's,
		 * under the header's "today") counts as farther. */
		dist = at > k ? at - k : k - at + (pt->date[at].prec == DATE_DAY ? DATE_NEAR : 0);
		if (best == SIZE_MAX || dist < best) {
			best = dist;
			h = k;
			i = at;
		}
	}
	/* A headline in pieces ("<h1>Tin <span>nóng</span></h1>"): its
	 * first, in the <h1>, else the first text that begins it. */
	if (matched && i == SIZE_MAX)
		return 0;
	for (size_t k = 0; i == SIZE_MAX && h == 0 && k < pt->n; k++) {
		if (pt->in_h1[k]) {
			h = k;
			break;
		}
	}
	for (size_t k = 0; i == SIZE_MAX && h == 0 && title != NULL && k < pt->n; k++) {
		char *t = pt->text[k] ? text_one_line(pt->text[k]) : NULL;

		if (t != NULL && count_words(t) >= HEADLINE_MIN_WORDS &&
		    strncmp(title, t, strlen(t)) == 0)
			h = k;
		free(t);
	}
	if (i == SIZE_MAX && (i = dateline_near(pt, h)) == SIZE_MAX)
		return 0;
	*d = pt->date[i];
	if (near != NULL)
		*near = (i > h ? i - h : h - i) <= DATE_NEAR;
	/* "Nguyên Minh - 07/03/2026 08:47" under the headline: the text
	 * before the date (or the one before a spacer), names only. */
	if (by != NULL && i > h && pt->by[i] != NULL)
		*by = xstrdup(pt->by[i]);
	for (size_t k = i; by != NULL && *by == NULL && i > h && k > h + 1 && k + 3 > i; k--) {
		if (pt->text[k - 1] != NULL)
			*by = signature_names(pt->text[k - 1]);
	}
	return 1;
}

/* The headline in a <title> joined with the site's name either way
 * round ("Tin - Báo X", "Báo X - Tin"), new; the whole when no part is
 * the site's name but a short last one (page_title_alone). */
static char *
title_headline(const char *page_title, const char *site)
{
	if (page_title == NULL)
		return NULL;
	for (size_t i = 0; title_seps[i] != NULL; i++) {
		const char *at = strstr(page_title, title_seps[i]);
		char *head;

		if (at == NULL)
			continue;
		head = xstrndup(page_title, (size_t)(at - page_title));
		if (paper_name(head, site) && strlen(at + strlen(title_seps[i])) > 0) {
			free(head);
			return xstrdup(at + strlen(title_seps[i]));
		}
		free(head);
	}
	return page_title_alone(xstrdup(page_title), site);
}


/* The first heading the page shows on a layout with no <h1>: an <h2> or
 * <h3>, or a block classed as a title, of a few words at least. New, or
 * NULL. */
/* Is element n a heading of page_heading's kind? Its text when it reads
 * as a headline (new), else NULL. */
static int
heading_of(const xmlNode *n, char **text)
{
	char *ci = class_id(n);
	int heading = (is_tag(n, "h2") || is_tag(n, "h3") || holds_word(ci, heading_words)) &&
	    !has_block_child(n);

	free(ci);
	*text = NULL;
	if (heading) {
		char *t = text_of(n);

		if (count_words(t) >= HEADLINE_MIN_WORDS && strlen(t) < 400)
			*text = t;
		else
			free(t);
	}
	return heading;
}

static char *
page_heading(const xmlNode *n)
{
	for (; n != NULL; n = n->next) {
		char *t;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (heading_of(n, &t) && t != NULL)
			return t;
		if ((t = page_heading(n->children)) != NULL)
			return t;
	}
	return NULL;
}

/* The last heading (page_heading's kind) in document order before the
 * node stop, walking from n; *at is set when stop was reached. New, or
 * NULL. */
static char *
heading_before(const xmlNode *n, const xmlNode *stop, int *at)
{
	char *last = NULL;

	for (; n != NULL && !*at; n = n->next) {
		char *t;

		if (n == stop) {
			*at = 1;
			break;
		}
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (heading_of(n, &t)) {
			take(&last, t);
			continue;
		}
		take(&last, heading_before(n->children, stop, at));
	}
	return last;
}

/* The first heading (heading_of's kind) under n that begins with a part
 * of the <title> t between its separators, of a headline's words at
 * least ("Van nghe Quan doi - Người lính trong truyện ngắn hậu chiến",
 * an old site's <title> half without its marks, over "<div
 * class=tenbai>Người lính trong truyện ngắn hậu chiến: những trang
 * ...</div>"); new, or NULL. */
static char *
heading_begun_by(const xmlNode *n, const char *t)
{
	for (; t != NULL && n != NULL; n = n->next) {
		char *h, *found = NULL;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (!heading_of(n, &h)) {
			if ((found = heading_begun_by(n->children, t)) != NULL)
				return found;
			continue;
		}
		if (h == NULL)
			continue;
		take(&h, text_one_line(h));
		for (const char *part = t; part != NULL && found == NULL; ) {
			const char *end = NULL;
			size_t len, sep = 0;

			for (size_t k = 0; title_seps[k] != NULL; k++) {
				const char *at = strstr(part, title_seps[k]);

				if (at != NULL && (end == NULL || at < end)) {
					end = at;
					sep = strlen(title_seps[k]);
				}
			}
			len = end != NULL ? (size_t)(end - part) : strlen(part);
			if (len > 0 && strncmp(h, part, len) == 0) {
				char *piece = xstrndup(part, len);

				if (count_words(piece) >= HEADLINE_MIN_WORDS)
					found = h;
				free(piece);
			}
			part = end != NULL ? end + sep : NULL;
		}
		if (found != NULL)
			return found;
		free(h);
	}
	return NULL;
}

/* Does the page show title (as one of its texts, or begun by one)? */
static int
title_shown(const struct page_texts *pt, const char *title)
{
	size_t n = strlen(title);
	int shown = 0;

	for (size_t i = 0; i < pt->n && !shown; i++) {
		size_t len = pt->text[i] ? strlen(pt->text[i]) : 0;
		char *t;

		if (len < n / 2 || len > n * 2 + 16)
			continue;
		t = text_one_line(pt->text[i]);
		shown = t != NULL && *t && strncmp(title, t, strlen(t)) == 0;
		free(t);
	}
	return shown;
}

/*
 * The headline, new: the one the page shows in its <h1> when it is one
 * (HEADLINE_WORDS words, or fewer and most of them in the metadata's
 * title; not a section's name or the site's), since the metadata's is
 * often an SEO or social variant ("... -lo luyen thi", other words); else
 * the metadata's
 * without the site's name after it; else the <title>'s part that is not
 * the site's name; and when that names the site alone, the heading the
 * page shows (an <h2> or a block classed as a title, on layouts with no
 * <h1>).
 */
/* Is the page's <h1> its headline? Short ones are a section's name, or
 * the site's in its logo. */
static int
h1_is_headline(const char *h1, const char *meta, const char *site)
{
	return h1 != NULL && !paper_name(h1, site) && (count_words(h1) >= HEADLINE_WORDS ||
	    (count_words(h1) >= HEADLINE_MIN_WORDS && (meta == NULL ||
	    words_shared(h1, meta) >= HEADLINE_SHARED)));
}

static char *
headline(const char *meta, const char *h1, const char *heading, const char *page_title,
    const char *site)
{
	char *t, *out;

	if (h1_is_headline(h1, meta, site))
		return text_one_line(h1);
	if (meta != NULL) {
		t = xstrdup(meta);
		drop_site(t, site);
		drop_paper_tail(t, site);
	} else if (heading != NULL && page_title != NULL && strstr(page_title, heading) != NULL) {
		/* "Công an TP - Bắt nhóm...": the part the page shows. */
		t = xstrdup(heading);
	} else {
		t = title_headline(page_title, site);
	}
	/* A <title> that names the site alone, or a section ("Trang chủ"):
	 * the page's heading. */
	if ((t == NULL || paper_name(t, site) || count_words(t) < HEADLINE_MIN_WORDS) &&
	    heading != NULL) {
		free(t);
		t = xstrdup(heading);
	}
	out = text_one_line(t);
	free(t);
	return out;
}

int
html_article(const struct boiler *bp, const char *page, const char *known,
    const struct extract_limits *lim, struct article *a, enum extract_cut_kind *cut, char **why)
{
	htmlDocPtr doc;
	xmlNode *root;
	const xmlNode *body, *lede;
	struct meta ld = { 0 }, og = { 0 }, canon = { 0 };
	struct page_texts texts = { NULL, NULL, NULL, NULL, 0, 0, 0 };
	struct date meta_date = { 0, 0, 0, 0, 0, DATE_NONE };
	struct lines_out o;
	char *page_title = NULL, *title, *h1 = NULL, *text, *byline = NULL,
	    *signature = NULL, *dated_by = NULL;
	size_t n;
	int rc = -1;

	*why = NULL;
	*cut = EXTRACT_WHOLE;
	doc = htmlReadMemory(page, (int)strlen(page), NULL, "UTF-8", HTML_PARSE_RECOVER |
	    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_COMPACT);
	if (doc == NULL || (root = xmlDocGetRootElement(doc)) == NULL) {
		*why = xstrdup(_("not a web page that can be read"));
		xmlFreeDoc(doc);
		return -1;
	}
	walk_meta(root, &ld, &og, &canon, &page_title);
	/* The page's own dateline is read (before its junk goes) when the
	 * metadata gives no date, or a day without the time the page shows,
	 * and for the byline beside it. */
	/* JSON-LD's date first, Open Graph's when that one does not read
	 * ("1/21/2022 8:12:40 AM") or has no time. */
	if (!date_parse_meta(ld.date ? ld.date : "", &meta_date))
		meta_date.prec = DATE_NONE;
	if (meta_date.prec != DATE_MINUTE && og.date != NULL) {
		struct date d;

		if (date_parse_meta(og.date, &d) && d.prec >= meta_date.prec)
			meta_date = d;
	}
	texts.published_time = time_marked(root, time_published);
	page_texts_collect(root, &texts, 0);
	drop_junk(root);
	byline = page_byline(root);
	{
		char *boxed = drop_author_boxes(root);

		if (byline == NULL)
			byline = boxed;
		else
			free(boxed);
	}
	if ((body = find_article(root, ARTICLE_MIN_TEXT)) == NULL &&
	    (body = find_body(root)) == NULL)
		body = whole_text(root);
	/* The headline: the metadata's, else the one the page shows, else
	 * its <title> without the site's name. */
	h1 = first_h1(root);
	if (known != NULL)
		title = xstrdup(known);
	else {
		const char *meta = ld.title ? ld.title : og.title;
		const char *site = ld.source ? ld.source : og.source;
		/* An <h1> that is the logo's or a section's is no headline:
		 * the page is read as one with none. */
		int no_h1 = !h1_is_headline(h1, meta, site);
		char *heading = no_h1 ? page_heading(root) : NULL;

		title = headline(meta, h1, heading, page_title, site);
		free(heading);
		/* A <title> the page does not show, with no <h1> or metadata
		 * to say otherwise, is the site's slogan or a section's: the
		 * heading over the text is the headline. */
		/* "<title>Bảo quản thuốc trong mùa nồm ẩm - Nhà thuốc</title>"
		 * over "<h2 class=itemTitle>Bảo quản thuốc trong mùa nồm ẩm:
		 * những sai lầm ...</h2>": the heading, whole. */
		if (no_h1 && ld.title == NULL && og.title == NULL && title != NULL) {
			char *whole = heading_begun_by(root, title);

			if (whole != NULL && strlen(whole) > strlen(title))
				take(&title, whole);
			else
				free(whole);
		}
		if (no_h1 && ld.title == NULL && og.title == NULL && title != NULL &&
		    body != NULL && !title_shown(&texts, title)) {
			int at = 0;
			char *over = heading_before(root, body, &at);

			if (at && over != NULL)
				take(&title, over);
			else
				take(&title, heading_begun_by(root, page_title));
			if (!at)
				free(over);
		}
	}
	memset(&o, 0, sizeof o);
	buf_init(&o.text);
	buf_init(&o.line);
	strlist_init(&o.captions);
	strlist_init(&o.links);
	{
		const char *desc = ld.description ? ld.description : og.description;
		const char *named = ld.title ? ld.title : og.title ? og.title : page_title;

		/* A site whose description is its headline: no sapo by it. */
		if (desc != NULL && named != NULL && strncmp(desc, named, strlen(desc)) == 0)
			desc = NULL;
		lede = visible_lede(root, find_tag(root, "h1"), body, desc);
	}
	signature = body_signature((xmlNode *)body);
	if (lede != NULL) {
		emit(lede->children, &o);
		end_line(&o);
	}
	if (body != NULL) {
		const xmlNode *top = find_tag(body->children, "h1");

		/* No <h1>: the block the headline is shown in ("<div
		 * class=tenbai>"), in an old table page's body. */
		if (top == NULL && title != NULL)
			top = block_saying(body->children, title);
		drop_before_headline(body, top);
		emit(body->children, &o);
	}
	end_line(&o);
	buf_addc(&o.text, '\0');
	/* Entities are read now: "&#27;" is an escape, "&nbsp;" a space
	 * that is not one. Cleaned as a page's text is. */
	text = text_decode(o.text.data, o.text.len - 1, &n, NULL);
	if (n == 0 || extract_body_within(bp, title, text, lim, a, cut) < 0) {
		*why = xstrdup(_("no article text found"));
		free(title);
		free(text);
		goto out;
	}
	free(text);
	free(title);
	for (size_t i = 0; i < o.captions.len; i++) {
		char *c = text_one_line(o.captions.items[i]);

		if (c != NULL)
			strlist_push_new(&a->captions, c);
	}
	{
		char *from = saved_from(page);

		free(a->url);
		a->url = url_clean(canon.url ? canon.url : og.url ? og.url : ld.url ? ld.url : from);
		free(from);
	}
	{
		char *site = site_in_title(page_title, a->title);

		take(&a->source, text_one_line(ld.source ? ld.source : og.source ? og.source : site));
		free(site);
	}
	{
		struct date d;

		/* The time the page shows by its headline, over the metadata's:
		 * sites write their local time as UTC ("Z"), or UTC as local,
		 * and readers go by the page. Else the metadata's date; else the
		 * page's day; else a date the body's text holds (a photo story's
		 * captions hold many). */
		int near = 0, shown = visible_date(&texts, a->title, &d, &dated_by, &near);

		if (shown && d.prec == DATE_MINUTE && (near || meta_date.prec != DATE_MINUTE))
			a->published = d;
		else if (meta_date.prec != DATE_NONE)
			a->published = meta_date;
		else if (shown)
			a->published = d;
	}
	{
		/* meta author names the CMS's maker as often as a person:
		 * after what the page shows. */
		const char *names[] = { ld.author, signature, byline, dated_by, og.author };

		size_t i;

		/* The first that names a person, not the paper. */
		for (i = 0; i < sizeof names / sizeof *names; i++) {
			char *who = author_name(names[i], a->source, a->url);

			if (who != NULL) {
				take(&a->author, who);
				break;
			}
		}
		/* Metadata that names the first writer only ("Bài: Khánh Linh
		 * - Bảo Ngọc" shown, Ghost's JSON-LD one of them): the names
		 * the page shows, when they begin with it. */
		for (size_t k = 1; i == 0 && k < 3; k++) {
			char *shown = author_name(names[k], a->source, a->url);
			size_t first = a->author ? strlen(a->author) : 0;

			if (shown != NULL && first > 0 && strncmp(shown, a->author, first) == 0 &&
			    (strncmp(shown + first, " - ", 3) == 0 ||
			    strncmp(shown + first, ", ", 2) == 0)) {
				take(&a->author, shown);
				break;
			}
			free(shown);
		}
		/* Else the text's own trailer's ("PV Ngọc Hà" closing it),
		 * read as the others are. */
		if (i == sizeof names / sizeof *names && a->author != NULL)
			take(&a->author, author_name(a->author, a->source, a->url));
	}
	free(a->links);
	a->links = links_text(&o.links, a->url);
	rc = 0;
out:
	page_texts_free(&texts);
	free(byline);
	free(signature);
	free(dated_by);
	free(h1);
	free(page_title);
	buf_free(&o.text);
	buf_free(&o.line);
	strlist_free(&o.captions);
	strlist_free(&o.links);
	meta_free(&ld);
	meta_free(&og);
	meta_free(&canon);
	xmlFreeDoc(doc);
	return rc;
}

char *
html_fragment_text(const char *html)
{
	htmlDocPtr doc;
	xmlNode *root;
	char *text = NULL, *out;

	if (html == NULL)
		return NULL;
	/* Plain text needs no parser (and "a < b" must stay as it is). */
	if (strchr(html, '<') == NULL && strchr(html, '&') == NULL)
		return text_one_line(html);
	doc = htmlReadMemory(html, (int)strlen(html), NULL, "UTF-8", HTML_PARSE_RECOVER |
	    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
	if (doc != NULL && (root = xmlDocGetRootElement(doc)) != NULL) {
		struct buf b;

		buf_init(&b);
		buf_add(&b, "", 0);
		text_into(root->children, &b);
		buf_addc(&b, '\0');
		text = buf_detach(&b);
	}
	xmlFreeDoc(doc);
	out = text_one_line(text);
	free(text);
	return out;
}
