/*
 * feed.h: news feeds read: RSS 2.0, RSS 1.0 (RDF) and Atom, as every
 * Vietnamese paper publishes them.
 *
 * A feed is untrusted XML from the network. It is parsed with libxml2
 * with network access off and no external entity ever loaded (a loader
 * that refuses them all), entities never substituted (no "billion
 * laughs": an entity reference is left out of the text), and a broken
 * feed read as far as it goes. Titles that hold HTML (escaped, or an
 * Atom type="html") come out as their text.
 */
#ifndef LUOT_FEED_H
#define LUOT_FEED_H

#include <stddef.h>

enum feed_kind { FEED_RSS2, FEED_RSS1, FEED_ATOM };

struct feed_entry {
	char *title;		/* text; NULL when none */
	char *link;		/* the article's address, absolute; NULL when none */
	char *id;		/* guid / id, or the link */
	char *date;		/* as the feed writes it (date_parse_meta reads it) */
	char *author;
	char *summary;		/* description / summary: HTML or text */
	char *content;		/* content:encoded / content: HTML or text */
	long line;		/* where it starts in the feed's text */
};

struct feed {
	enum feed_kind kind;
	char *title;		/* the feed's own */
	char *link;		/* its site */
	struct feed_entry *v;
	size_t n;
};

/*
 * Parse n bytes of a feed fetched from base (for relative links; may be
 * NULL) into *f. Returns 0, or -1 with the reason in *why (new): not XML
 * at all, or not a feed (no rss, RDF or feed element).
 */
int feed_parse(const char *bytes, size_t n, const char *base, struct feed *f, char **why);
void feed_free(struct feed *f);

/* A feed an OPML file lists: its address, title, and the title of the
 * outline it stands in (a folder) or else its category, taken as its tag. */
struct feed_outline {
	char *url, *title, *tag;
};

/*
 * The feeds of an OPML file (what every feed reader exports): each
 * outline with an xmlUrl, at any depth. Read as safely as a feed. 0 with
 * *v (feed_outlines_free) and *n, or -1 with the reason in *why (new).
 */
int feed_opml(const char *bytes, size_t n, struct feed_outline **v, size_t *nv, char **why);
void feed_outlines_free(struct feed_outline *v, size_t n);

#endif
