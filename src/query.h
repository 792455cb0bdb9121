/*
 * query.h: the search language, translated into a safe FTS5 expression
 * and SQL filters. No input is an error: what cannot be read as syntax is
 * searched as text, and what has no words at all is dropped.
 *
 *   dân vận            both words (adjacent and in order ranks first)
 *   "dân vận khéo"     a phrase          dân*  dan*   prefixes
 *   a OR b   -a   -"a b"   ( ... )     or, not, grouping
 *   title:x  author:x  source:x        one field (a word or a phrase)
 *   after:2020-03  before:2021  on:2020-03-27   published dates
 *   is:bookmarked  is:unread  tag:NAME (bookmarks with that tag)
 *   site:vnexpress.net   the article's address is on that site or under it
 *   is:original   the first article of each story, and those alone
 *   story:ID      the articles of article ID's story
 *
 * A word typed without diacritics matches every diacritic form; with
 * diacritics, only that form (tokenize.h). Filters apply to the whole
 * query wherever they stand.
 */
#ifndef LUOT_QUERY_H
#define LUOT_QUERY_H

#include "util.h"

/* Most words one query keeps; the rest of a very long input is ignored. */
#define QUERY_MAX_WORDS 64

/* A prefix read as its most frequent terms only (store_parse_query). */
struct query_cut {
	char *prefix;		/* as typed, with its star: "t*" */
	long used, of;		/* terms searched, of the terms it covers */
};

struct query {
	char *match;		/* FTS5 expression, or NULL: no positive words */
	char *title_match;	/* the query in the title (several plain words:
				 * their phrase); or NULL */
	char *phrase;		/* the words as one phrase, for several plain
				 * words; or NULL */
	char *all_words;	/* the same hits as match, found without the
				 * phrase alternatives (no positions to read);
				 * NULL when match has none */
	char *exclude;		/* FTS5 expression of words to exclude, or NULL */
	char *after;		/* published >= after (ISO prefix), or NULL */
	char *before;		/* published < before */
	char *on;		/* published starts with on */
	char *tag;		/* tag:NAME, a bookmark's tag; or NULL */
	char *site;		/* site:HOST as url_site_of_query() makes it, or NULL */
	int bookmarked;		/* is:bookmarked */
	int unread;		/* is:unread */
	int original;		/* is:original: no story's later copies */
	int queued;		/* is:queued: in the reading queue */
	int64_t story;		/* story:ID, or 0 */
	struct strlist words;	/* the plain words typed, for suggestions */
	struct strlist marks;	/* words and phrases sought, to mark in the
				 * text ("dân*" for a prefix) */
	struct query_cut *cuts;	/* prefixes cut short, in the order typed */
	size_t ncuts;
};

/* Parse text (UTF-8, any content) into q. The caller frees q. */
void query_parse(const char *text, struct query *q);

/*
 * The same, with prefixes expanded: expand gets the last word of each
 * prefix as typed ("dân" of dân*) and the number of prefixes in the query
 * (which share what the expander allows a query), and returns, allocated,
 * a group of the index terms it covers (TOK_GROUP_MARK, tokenize.h), or
 * NULL to leave the prefix to FTS5. It sets *used to the terms in the
 * group and *of to those the prefix covers: fewer used makes a query_cut.
 */
typedef char *(*query_expand_fn)(const char *word, int among, void *ctx, long *used,
    long *of);
void query_parse_with(const char *text, struct query *q, query_expand_fn expand, void *ctx);
void query_free(struct query *q);

/*
 * For a query still being typed: text with its last word a prefix
 * ("người ngu" -> "người ngu*"), so that the hits do not drop to none in
 * the middle of a word. NULL when that word is finished or is not a plain
 * word: text ends in a space, or its last word is quoted, a filter or a
 * field, an operator, excluded, or a prefix already. New string.
 */
char *query_typing(const char *text);

/* True when q selects nothing at all (no words, no filters). */
int query_empty(const struct query *q);

#endif
