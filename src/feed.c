/*
 * feed.c: see feed.h.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/uri.h>

#include "feed.h"
#include "html.h"
#include "i18n.h"
#include "text.h"
#include "util.h"

#define NS_ATOM "http://www.w3.org/2005/Atom"
#define NS_RSS1 "http://purl.org/rss/1.0/"
#define NS_RDF "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define NS_DC "http://purl.org/dc/elements/1.1/"
#define NS_CONTENT "http://purl.org/rss/1.0/modules/content/"

/* No external entity, DTD or schema is ever loaded: a feed that names
 * file:///etc/passwd or a URL gets nothing. */
static xmlParserInputPtr
refuse_entity(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	(void)url;
	(void)id;
	(void)ctxt;
	return NULL;
}

/* Is n the element name in namespace ns (NULL: in none, as RSS 2.0's)? */
static int
is_el(const xmlNode *n, const char *ns, const char *name)
{
	if (n == NULL || n->type != XML_ELEMENT_NODE || strcmp((const char *)n->name, name) != 0)
		return 0;
	if (ns == NULL)
		return n->ns == NULL || n->ns->href == NULL;
	return n->ns != NULL && n->ns->href != NULL && strcmp((const char *)n->ns->href, ns) == 0;
}

/* The text of n: its text and CDATA nodes, its children's, and never an
 * entity's (feed.h). New. */
static void
text_under(const xmlNode *n, struct buf *b)
{
	for (const xmlNode *c = n->children; c != NULL; c = c->next) {
		if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) &&
		    c->content != NULL)
			buf_adds(b, (const char *)c->content);
		else if (c->type == XML_ELEMENT_NODE)
			text_under(c, b);
	}
}

static char *
text_of(const xmlNode *n)
{
	struct buf b;

	buf_init(&b);
	buf_add(&b, "", 0);
	text_under(n, &b);
	buf_addc(&b, '\0');
	return buf_detach(&b);
}

/* The first child of n that is ns:name, or NULL. */
static const xmlNode *
child(const xmlNode *n, const char *ns, const char *name)
{
	for (const xmlNode *c = n->children; c != NULL; c = c->next) {
		if (is_el(c, ns, name))
			return c;
	}
	return NULL;
}

/* The text of the first child ns:name, new, or NULL when none or empty. */
static char *
child_text(const xmlNode *n, const char *ns, const char *name)
{
	const xmlNode *c = child(n, ns, name);
	char *t;

	if (c == NULL)
		return NULL;
	t = text_squeeze(text_of(c));
	if (*t == '\0') {
		free(t);
		return NULL;
	}
	return t;
}

/* A title or a name: its text, HTML in it read (html_fragment_text). */
static char *
line_of(char *s)
{
	char *t = html_fragment_text(s);

	free(s);
	return t;
}

/* link against base, new; NULL when it is none. */
static char *
absolute(char *link, const char *base)
{
	xmlChar *u;
	char *out;

	if (link == NULL || base == NULL)
		return link;
	u = xmlBuildURI((const xmlChar *)link, (const xmlChar *)base);
	if (u == NULL)
		return link;
	free(link);
	out = xstrdup((const char *)u);
	xmlFree(u);
	return out;
}

/* Keep v (taken) in *slot unless it holds one already. */
static void
first(char **slot, char *v)
{
	if (*slot == NULL)
		*slot = v;
	else
		free(v);
}

static struct feed_entry *
add_entry(struct feed *f, const xmlNode *n)
{
	f->v = xrealloc(f->v, (f->n + 1) * sizeof *f->v);
	memset(&f->v[f->n], 0, sizeof f->v[f->n]);
	f->v[f->n].line = xmlGetLineNo(n);
	return &f->v[f->n++];
}

/* An RSS item (2.0: no namespace; 1.0: its own). */
static void
rss_item(const xmlNode *it, const char *ns, const char *base, struct feed *f)
{
	struct feed_entry *e = add_entry(f, it);

	e->title = line_of(child_text(it, ns, "title"));
	e->link = absolute(child_text(it, ns, "link"), base);
	e->id = child_text(it, ns, "guid");
	if (e->id == NULL) {
		char *about = (char *)xmlGetNsProp(it, (const xmlChar *)"about", (const xmlChar *)NS_RDF);

		e->id = about ? xstrdup(about) : NULL;
		xmlFree(about);
	}
	/* A guid that is a permalink is the link when there is none. */
	if (e->link == NULL && e->id != NULL && strncmp(e->id, "http", 4) == 0)
		e->link = xstrdup(e->id);
	e->date = child_text(it, ns, "pubDate");
	first(&e->date, child_text(it, NS_DC, "date"));
	e->author = line_of(child_text(it, NS_DC, "creator"));
	first(&e->author, line_of(child_text(it, ns, "author")));
	e->summary = child_text(it, ns, "description");
	e->content = child_text(it, NS_CONTENT, "encoded");
}

/* An Atom link to the entry's page: rel="alternate" or no rel. */
static char *
atom_link(const xmlNode *n, const char *base)
{
	for (const xmlNode *c = n->children; c != NULL; c = c->next) {
		char *rel, *href;

		if (!is_el(c, NS_ATOM, "link"))
			continue;
		rel = (char *)xmlGetProp(c, (const xmlChar *)"rel");
		href = (char *)xmlGetProp(c, (const xmlChar *)"href");
		if (href != NULL && (rel == NULL || strcmp(rel, "alternate") == 0)) {
			char *out = absolute(xstrdup(href), base);

			xmlFree(rel);
			xmlFree(href);
			return out;
		}
		xmlFree(rel);
		xmlFree(href);
	}
	return NULL;
}

static void
atom_entry(const xmlNode *en, const char *base, struct feed *f)
{
	struct feed_entry *e = add_entry(f, en);
	const xmlNode *author = child(en, NS_ATOM, "author");

	e->title = line_of(child_text(en, NS_ATOM, "title"));
	e->link = atom_link(en, base);
	e->id = child_text(en, NS_ATOM, "id");
	e->date = child_text(en, NS_ATOM, "published");
	first(&e->date, child_text(en, NS_ATOM, "updated"));
	if (author != NULL)
		e->author = line_of(child_text(author, NS_ATOM, "name"));
	e->summary = child_text(en, NS_ATOM, "summary");
	e->content = child_text(en, NS_ATOM, "content");
}

/* What the entries' links are read against: the feed's address, else
 * (a feed saved as a file) the site it names. */
static const char *
base_of(const char *base, const struct feed *f)
{
	return base != NULL ? base : f->link;
}

static void
read_rss2(const xmlNode *rss, const char *base, struct feed *f)
{
	const xmlNode *ch = child(rss, NULL, "channel");

	f->kind = FEED_RSS2;
	if (ch == NULL)
		return;
	f->title = line_of(child_text(ch, NULL, "title"));
	f->link = absolute(child_text(ch, NULL, "link"), base);
	base = base_of(base, f);
	for (const xmlNode *c = ch->children; c != NULL; c = c->next) {
		if (is_el(c, NULL, "item"))
			rss_item(c, NULL, base, f);
	}
}

static void
read_rss1(const xmlNode *rdf, const char *base, struct feed *f)
{
	const xmlNode *ch = child(rdf, NS_RSS1, "channel");

	f->kind = FEED_RSS1;
	if (ch != NULL) {
		f->title = line_of(child_text(ch, NS_RSS1, "title"));
		f->link = absolute(child_text(ch, NS_RSS1, "link"), base);
	}
	base = base_of(base, f);
	/* RSS 1.0's items stand beside its channel. */
	for (const xmlNode *c = rdf->children; c != NULL; c = c->next) {
		if (is_el(c, NS_RSS1, "item"))
			rss_item(c, NS_RSS1, base, f);
	}
}

static void
read_atom(const xmlNode *feed, const char *base, struct feed *f)
{
	f->kind = FEED_ATOM;
	f->title = line_of(child_text(feed, NS_ATOM, "title"));
	f->link = atom_link(feed, base);
	base = base_of(base, f);
	for (const xmlNode *c = feed->children; c != NULL; c = c->next) {
		if (is_el(c, NS_ATOM, "entry"))
			atom_entry(c, base, f);
	}
}

/* Untrusted XML parsed: no external entity loaded (refuse_entity), no
 * entity substituted (no XML_PARSE_NOENT: they stay references), no DTD
 * loaded, no network; a broken document read as far as it goes. NULL
 * with *why set when nothing can be read. */
static xmlDocPtr
safe_read(const char *bytes, size_t n, const char *base, xmlNode **root, char **why)
{
	xmlDocPtr doc;

	*why = NULL;
	xmlSetExternalEntityLoader(refuse_entity);
	doc = xmlReadMemory(bytes, (int)(n > (size_t)INT32_MAX ? INT32_MAX : n), base, NULL,
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_RECOVER |
	    XML_PARSE_NOCDATA);
	if (doc == NULL || (*root = xmlDocGetRootElement(doc)) == NULL) {
		*why = xstrdup(_("not XML that can be read"));
		xmlFreeDoc(doc);
		return NULL;
	}
	return doc;
}

int
feed_parse(const char *bytes, size_t n, const char *base, struct feed *f, char **why)
{
	xmlDocPtr doc;
	xmlNode *root;
	int rc = 0;

	memset(f, 0, sizeof *f);
	if ((doc = safe_read(bytes, n, base, &root, why)) == NULL)
		return -1;
	if (is_el(root, NULL, "rss"))
		read_rss2(root, base, f);
	else if (is_el(root, NS_RDF, "RDF"))
		read_rss1(root, base, f);
	else if (is_el(root, NS_ATOM, "feed"))
		read_atom(root, base, f);
	else {
		*why = xasprintf(_("not a feed (its root is <%s>, not rss, RDF or Atom's feed)"),
		    (const char *)root->name);
		rc = -1;
	}
	xmlFreeDoc(doc);
	return rc;
}

void
feed_free(struct feed *f)
{
	for (size_t i = 0; i < f->n; i++) {
		struct feed_entry *e = &f->v[i];

		free(e->title);
		free(e->link);
		free(e->id);
		free(e->date);
		free(e->author);
		free(e->summary);
		free(e->content);
	}
	free(f->v);
	free(f->title);
	free(f->link);
	memset(f, 0, sizeof *f);
}

/* An attribute as text for one line, new, or NULL. */
static char *
prop_line(const xmlNode *n, const char *name)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	char *t = v ? text_one_line((const char *)v) : NULL;

	xmlFree(v);
	return t;
}

static void
outlines_under(const xmlNode *n, const char *folder, struct feed_outline **v, size_t *nv)
{
	for (const xmlNode *c = n->children; c != NULL; c = c->next) {
		char *url, *title;

		if (c->type != XML_ELEMENT_NODE || strcmp((const char *)c->name, "outline") != 0)
			continue;
		url = prop_line(c, "xmlUrl");
		title = prop_line(c, "title");
		if (title == NULL)
			title = prop_line(c, "text");
		if (url != NULL) {
			/* Its folder's title, else its category (as luot writes
			 * them, and many readers). */
			char *tag = folder ? xstrdup(folder) : prop_line(c, "category");

			*v = xrealloc(*v, (*nv + 1) * sizeof **v);
			(*v)[(*nv)++] = (struct feed_outline){ url, title, tag };
		} else {
			/* A folder: its feeds are tagged with its title. */
			outlines_under(c, title ? title : folder, v, nv);
			free(title);
		}
	}
}

int
feed_opml(const char *bytes, size_t n, struct feed_outline **v, size_t *nv, char **why)
{
	xmlDocPtr doc;
	xmlNode *root;
	const xmlNode *body = NULL;

	*v = NULL;
	*nv = 0;
	if ((doc = safe_read(bytes, n, NULL, &root, why)) == NULL)
		return -1;
	if (strcmp((const char *)root->name, "opml") == 0) {
		for (const xmlNode *c = root->children; c != NULL && body == NULL; c = c->next) {
			if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, "body") == 0)
				body = c;
		}
	}
	if (body == NULL) {
		*why = xstrdup(_("not OPML (no <opml> with a <body>)"));
		xmlFreeDoc(doc);
		return -1;
	}
	outlines_under(body, NULL, v, nv);
	xmlFreeDoc(doc);
	return 0;
}

void
feed_outlines_free(struct feed_outline *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].url);
		free(v[i].title);
		free(v[i].tag);
	}
	free(v);
}
