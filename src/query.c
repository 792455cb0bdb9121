/*
 * query.c: see query.h.
 *
 * The text is parsed into a small tree (words, phrases, AND, OR, with a
 * "not" flag and a field), then rendered: every word is quoted, so no user
 * text ever reaches FTS5 as syntax.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "query.h"
#include "tokenize.h"
#include "url.h"

/* Deepest nesting of parentheses honoured; deeper ones are read as text.
 * Each level costs FTS5's parser several places on its stack of 100 (a
 * group of ORs of prefixes more), and 16 levels overflowed it (found by
 * fuzz-query); nobody types more than a few. */
#define MAX_DEPTH 8
/* Most words an unquoted run may have for the adjacency rewrite. */
#define MAX_ADJACENT 6

enum kind { K_WORD, K_PHRASE, K_AND, K_OR };

struct node {
	enum kind kind;
	int neg;		/* -x: excluded */
	int prefix;		/* x*: a prefix */
	const char *field;	/* "title", "author", "source" or NULL */
	char *text;		/* the word or phrase as typed */
	struct node **kids;
	size_t nkids;
};

struct parser {
	const char *s;
	size_t i, n;
	int words;		/* words kept so far */
	int depth;
	struct query *q;
	query_expand_fn expand;
	void *expand_ctx;
	int plain;		/* render without the adjacency rewrite */
	struct strlist *expanded;	/* word, group, word, group...: the
					 * query is rendered twice, looked up once */
	int prefixes;		/* prefixes in the query, each counted once */
};

static struct node *
node_of(enum kind kind)
{
	struct node *nd = xcalloc(1, sizeof *nd);

	nd->kind = kind;
	return nd;
}

static void
node_add(struct node *parent, struct node *kid)
{
	parent->kids = xrealloc(parent->kids, (parent->nkids + 1) * sizeof *parent->kids);
	parent->kids[parent->nkids++] = kid;
}

static void
node_free(struct node *nd)
{
	if (nd == NULL)
		return;
	for (size_t i = 0; i < nd->nkids; i++)
		node_free(nd->kids[i]);
	free(nd->kids);
	free(nd->text);
	free(nd);
}

static int
is_space_at(const struct parser *p, size_t i)
{
	unsigned char c;

	if (i >= p->n)
		return 0;
	c = (unsigned char)p->s[i];
	if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
		return 1;
	return c == 0xC2 && i + 1 < p->n && (unsigned char)p->s[i + 1] == 0xA0;	/* NBSP */
}

static void
skip_spaces(struct parser *p)
{
	while (p->i < p->n && is_space_at(p, p->i))
		p->i += (unsigned char)p->s[p->i] == 0xC2 ? 2 : 1;
}

/* Ends a bare word: space, parenthesis, quote or the end. */
static int
is_stop(const struct parser *p, size_t i)
{
	return i >= p->n || is_space_at(p, i) || p->s[i] == '(' || p->s[i] == ')' ||
	    p->s[i] == '"';
}

/* The bare word at p->i is exactly kw (an operator such as "OR"). */
static int
keyword_at(const struct parser *p, const char *kw)
{
	size_t k = strlen(kw);

	return p->i + k <= p->n && strncmp(p->s + p->i, kw, k) == 0 && is_stop(p, p->i + k);
}

static int
count_word(const struct tok_word *w, void *ctx)
{
	(void)w;
	(*(int *)ctx)++;
	return 0;
}

/* Number of words (as the index sees them) in s. */
static int
words_in(const char *s)
{
	int n = 0;

	tok_split(s, strlen(s), count_word, &n);
	return n;
}

/* A date filter value: ISO (2020, 2020-03, 2020-03-27) or d/m/yyyy.
 * Returns the ISO prefix or NULL. */
static char *
date_value(const char *v)
{
	int y, m, d;
	char end;
	struct date dt;

	if (sscanf(v, "%4d-%2d-%2d%c", &y, &m, &d, &end) == 3 && strlen(v) == 10) {
		char dmy[32];

		/* date_find knows month lengths and leap years. */
		snprintf(dmy, sizeof dmy, "%d/%d/%d", d, m, y);
		return date_find(dmy, &dt) ? xasprintf("%04d-%02d-%02d", y, m, d) : NULL;
	}
	if (sscanf(v, "%4d-%2d%c", &y, &m, &end) == 2 && strlen(v) == 7 && y >= 1900 &&
	    y <= 2100 && m >= 1 && m <= 12)
		return xasprintf("%04d-%02d", y, m);
	if (strlen(v) == 4 && sscanf(v, "%4d%c", &y, &end) == 1 && y >= 1900 && y <= 2100)
		return xasprintf("%04d", y);
	if (date_find(v, &dt) && strlen(v) <= 10) {
		char iso[DATE_ISO_MAX];

		dt.prec = DATE_DAY;
		date_iso(&dt, iso);
		return xstrdup(iso);
	}
	return NULL;
}

/* Apply "name:value" as a filter. Returns 1 when it was one. */
static int
filter(struct parser *p, const char *name, size_t nlen, const char *value)
{
	char **slot = NULL, *v;

	if (nlen == 2 && strncmp(name, "is", 2) == 0) {
		if (strcmp(value, "bookmarked") == 0)
			p->q->bookmarked = 1;
		else if (strcmp(value, "unread") == 0)
			p->q->unread = 1;
		else if (strcmp(value, "original") == 0)
			p->q->original = 1;
		else if (strcmp(value, "queued") == 0)
			p->q->queued = 1;
		else
			return 0;
		return 1;
	}
	if (nlen == 5 && strncmp(name, "story", 5) == 0) {
		/* A story by the id of any of its articles. */
		char *end;
		long long id = strtoll(value, &end, 10);

		if (*value < '0' || *value > '9' || *end != '\0' || id <= 0)
			return 0;
		p->q->story = id;
		return 1;
	}
	if (nlen == 3 && strncmp(name, "tag", 3) == 0 && *value != '\0') {
		/* A bookmark tag, as written when it was given. */
		free(p->q->tag);
		p->q->tag = xstrdup(value);
		return 1;
	}
	if (nlen == 4 && strncmp(name, "site", 4) == 0) {
		/* The host, as the store keeps it (url.h). */
		if ((v = url_site_of_query(value)) == NULL)
			return 0;
		free(p->q->site);
		p->q->site = v;
		return 1;
	}
	if (nlen == 5 && strncmp(name, "after", 5) == 0)
		slot = &p->q->after;
	else if (nlen == 6 && strncmp(name, "before", 6) == 0)
		slot = &p->q->before;
	else if (nlen == 2 && strncmp(name, "on", 2) == 0)
		slot = &p->q->on;
	if (slot == NULL || (v = date_value(value)) == NULL)
		return 0;
	free(*slot);
	*slot = v;
	return 1;
}

static const char *
field_named(const char *s, size_t n)
{
	static const char *const fields[] = { "title", "author", "source", NULL };

	for (int i = 0; fields[i]; i++) {
		if (strlen(fields[i]) == n && strncmp(s, fields[i], n) == 0)
			return fields[i];
	}
	return NULL;
}

/* A phrase from the quote at p->i to the closing quote (or the end). */
static struct node *
parse_phrase(struct parser *p)
{
	size_t start = ++p->i;
	struct node *nd;

	while (p->i < p->n && p->s[p->i] != '"')
		p->i++;
	nd = node_of(K_PHRASE);
	nd->text = xstrndup(p->s + start, p->i - start);
	if (p->i < p->n)
		p->i++;
	return nd;
}

static struct node *parse_or(struct parser *p);

/* A word, field:word, field:"phrase", filter, phrase or group; NULL for
 * something that has no words (it is dropped). */
static struct node *
parse_primary(struct parser *p)
{
	struct node *nd = NULL;
	const char *field = NULL;
	size_t start, colon = 0;
	char *word;
	int nwords;

	if (p->s[p->i] == '(') {
		if (p->depth >= MAX_DEPTH) {
			p->i++;
			return NULL;
		}
		p->i++;
		p->depth++;
		nd = parse_or(p);
		p->depth--;
		skip_spaces(p);
		if (p->i < p->n && p->s[p->i] == ')')
			p->i++;
		return nd;
	}
	if (p->s[p->i] == '"')
		nd = parse_phrase(p);
	if (nd == NULL) {
		start = p->i;
		while (!is_stop(p, p->i)) {
			if (p->s[p->i] == ':' && colon == 0)
				colon = p->i;
			p->i++;
		}
		if (colon > start) {
			field = field_named(p->s + start, colon - start);
			if (field != NULL && colon + 1 == p->i && p->i < p->n && p->s[p->i] == '"') {
				nd = parse_phrase(p);	/* title:"dân vận" */
			} else if (field != NULL && colon + 1 < p->i) {
				start = colon + 1;	/* title:dân */
			} else if (colon + 1 == p->i && p->i < p->n && p->s[p->i] == '"') {
				/* tag:"văn hóa": a filter's value in quotes, or
				 * else the phrase is searched. */
				nd = parse_phrase(p);
				if (filter(p, p->s + start, colon - start, nd->text)) {
					node_free(nd);
					return NULL;
				}
			} else if (field == NULL) {
				char *v = xstrndup(p->s + colon + 1, p->i - colon - 1);
				int was = filter(p, p->s + start, colon - start, v);

				free(v);
				if (was)
					return NULL;
			}
		}
		if (nd == NULL) {
			nd = node_of(K_WORD);
			word = xstrndup(p->s + start, p->i - start);
			/* dân* is a prefix; stray stars elsewhere are text. */
			for (size_t k = strlen(word); k > 0 && word[k - 1] == '*'; k--) {
				word[k - 1] = '\0';
				nd->prefix = 1;
			}
			nd->text = word;
		}
	}
	nd->field = field;
	nwords = words_in(nd->text);
	if (nwords == 0 || p->words >= QUERY_MAX_WORDS) {
		node_free(nd);
		return NULL;
	}
	p->words += nwords;
	return nd;
}

static struct node *
parse_unary(struct parser *p)
{
	int neg = 0;
	struct node *nd;

	for (;;) {
		if (p->s[p->i] == '-' && p->i + 1 < p->n && !is_space_at(p, p->i + 1)) {
			neg = !neg;
			p->i++;
		} else if (keyword_at(p, "NOT")) {
			p->i += 3;
			skip_spaces(p);
			if (p->i >= p->n)
				break;
			neg = !neg;
		} else {
			break;
		}
	}
	if (p->i >= p->n)
		return NULL;
	nd = parse_primary(p);
	if (nd != NULL)
		nd->neg ^= neg;
	return nd;
}

/* Words side by side; stops at ')' , "OR" or the end. */
static struct node *
parse_and(struct parser *p)
{
	struct node *and = node_of(K_AND);

	for (;;) {
		struct node *nd;

		skip_spaces(p);
		if (p->i >= p->n || p->s[p->i] == ')')
			break;
		if (keyword_at(p, "OR")) {
			size_t save = p->i;

			if (and->nkids > 0)
				break;
			/* A leading OR joins nothing: skip it if words follow. */
			p->i += 2;
			skip_spaces(p);
			if (p->i >= p->n || p->s[p->i] == ')')
				p->i = save;
			else
				continue;
		}
		if (keyword_at(p, "AND")) {
			p->i += 3;
			continue;
		}
		if ((nd = parse_unary(p)) != NULL)
			node_add(and, nd);
	}
	return and;
}

static struct node *
parse_or(struct parser *p)
{
	struct node *first = parse_and(p), *or = NULL;

	for (;;) {
		size_t save = p->i;
		struct node *next;

		skip_spaces(p);
		if (!keyword_at(p, "OR")) {
			p->i = save;
			break;
		}
		p->i += 2;
		next = parse_and(p);
		if (next->nkids == 0) {		/* "a OR" at the end: a literal or */
			node_free(next);
			break;
		}
		if (or == NULL) {
			or = node_of(K_OR);
			node_add(or, first);
		}
		node_add(or, next);
	}
	return or ? or : first;
}

/* Append s as an FTS5 string: in double quotes, quotes doubled. */
static void
put_quoted(struct buf *b, const char *s)
{
	buf_addc(b, '"');
	for (; *s; s++) {
		if (*s == '"')
			buf_addc(b, '"');
		buf_addc(b, *s);
	}
	buf_addc(b, '"');
}

static char *render(const struct parser *p, const struct node *nd, struct strlist *lifted);

static int
note_start(const struct tok_word *w, void *ctx)
{
	*(long *)ctx = (long)w->start;
	return 0;
}

/* The expander's answer for word, asked once a query ("" kept for NULL);
 * a prefix it cuts short is noted in the query, as typed. */
static char *
expand_once(const struct parser *p, const char *word, const char *typed)
{
	struct strlist *e = p->expanded;
	struct query *q = p->q;
	long used = 0, of = 0;
	char *group;

	for (size_t i = 0; i + 1 < e->len; i += 2) {
		if (strcmp(e->items[i], word) == 0)
			return *e->items[i + 1] ? xstrdup(e->items[i + 1]) : NULL;
	}
	group = p->expand(word, p->prefixes, p->expand_ctx, &used, &of);
	strlist_push(e, xstrdup(word));
	strlist_push(e, xstrdup(group ? group : ""));
	if (group != NULL && used < of) {
		q->cuts = xrealloc(q->cuts, (q->ncuts + 1) * sizeof *q->cuts);
		q->cuts[q->ncuts++] = (struct query_cut){ xasprintf("%s*", typed), used, of };
	}
	return group;
}

/*
 * A prefix as FTS5 text: "text"*, or, when the expander lists the terms
 * the last word covers, the text with that word replaced by their group
 * (tokenize.h), which FTS5 reads lazily.
 */
static void
put_prefix(const struct parser *p, struct buf *b, const char *text)
{
	long start = -1;
	char *group = NULL;

	if (p->expand != NULL) {
		tok_split(text, strlen(text), note_start, &start);
		if (start >= 0)
			group = expand_once(p, text + start, text);
	}
	if (group == NULL) {
		put_quoted(b, text);
		buf_addc(b, '*');
		return;
	}
	{
		char *t = xasprintf("%.*s%s", (int)start, text, group);

		put_quoted(b, t);
		free(t);
		free(group);
	}
}

static char *
render_leaf(const struct parser *p, const struct node *nd)
{
	struct buf b;

	buf_init(&b);
	if (nd->field != NULL) {
		buf_adds(&b, nd->field);
		buf_adds(&b, " : ");
	}
	if (nd->prefix)
		put_prefix(p, &b, nd->text);
	else
		put_quoted(&b, nd->text);
	return buf_detach(&b);
}

/* Plain words, two or more: rank them adjacent and in order first. */
static int
adjacent_run(const struct node *const *pos, size_t n)
{
	if (n < 2 || n > MAX_ADJACENT)
		return 0;
	for (size_t i = 0; i < n; i++) {
		if (pos[i]->kind != K_WORD || pos[i]->prefix || pos[i]->field != NULL)
			return 0;
	}
	return 1;
}

/* Words as one quoted FTS5 phrase: "w1 w2 w3". */
static void
put_phrase(struct buf *b, const struct node *const *words, size_t n)
{
	struct buf text;

	buf_init(&text);
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			buf_addc(&text, ' ');
		buf_adds(&text, words[i]->text);
	}
	put_quoted(b, text.data);
	buf_free(&text);
}

static char *
render_and(const struct parser *pr, const struct node *nd, struct strlist *lifted)
{
	struct node const **pos = xcalloc(nd->nkids + 1, sizeof *pos);
	struct strlist neg, p;
	size_t npos = 0;
	struct buf b;

	strlist_init(&neg);
	strlist_init(&p);
	for (size_t i = 0; i < nd->nkids; i++) {
		const struct node *k = nd->kids[i];
		char *r = render(pr, k, NULL);

		if (r == NULL)
			continue;
		/* A word, prefix or phrase typed twice is the same set
		 * of hits: it is searched once (the phrase keeps both). */
		if (k->neg) {
			strlist_push_new(&neg, r);
		} else {
			pos[npos++] = k;
			strlist_push_new(&p, r);
		}
	}
	buf_init(&b);
	if (p.len == 0) {
		/* Only exclusions: the caller searches everything but them. */
		for (size_t i = 0; i < neg.len && lifted != NULL; i++)
			strlist_push(lifted, xstrdup(neg.items[i]));
	} else {
		int adjacent = !pr->plain && adjacent_run(pos, npos);

		if (adjacent) {
			buf_addc(&b, '(');
			put_phrase(&b, pos, npos);
			buf_adds(&b, " OR (");
		} else {
			buf_addc(&b, '(');
		}
		for (size_t i = 0; i < p.len; i++) {
			if (i > 0)
				buf_adds(&b, " AND ");
			buf_adds(&b, p.items[i]);
		}
		buf_adds(&b, adjacent ? "))" : ")");
		for (size_t i = 0; i < neg.len; i++) {
			buf_adds(&b, " NOT ");
			buf_adds(&b, neg.items[i]);
		}
	}
	free(pos);
	strlist_free(&neg);
	strlist_free(&p);
	if (b.len == 0) {
		buf_free(&b);
		return NULL;
	}
	{
		/* Wrap: NOT binds left to right, and the result may be an
		 * operand of OR or NOT itself. */
		char *inner = buf_detach(&b), *r = xasprintf("(%s)", inner);

		free(inner);
		return r;
	}
}

static char *
render_or(const struct parser *pr, const struct node *nd)
{
	struct strlist parts;
	char *r;

	strlist_init(&parts);
	for (size_t i = 0; i < nd->nkids; i++) {
		/* "a OR -b" cannot be searched: the excluded side is dropped. */
		char *k = nd->kids[i]->neg ? NULL : render(pr, nd->kids[i], NULL);

		if (k != NULL)
			strlist_push_new(&parts, k);
	}
	if (parts.len == 0) {
		strlist_free(&parts);
		return NULL;
	}
	{
		char *inner = strlist_join(&parts, " OR ");

		r = xasprintf("(%s)", inner);
		free(inner);
	}
	strlist_free(&parts);
	return r;
}

/* The node as FTS5 text, ignoring its own neg flag; NULL when it has no
 * positive words (their exclusions then go to lifted, if given). */
static char *
render(const struct parser *p, const struct node *nd, struct strlist *lifted)
{
	switch (nd->kind) {
	case K_WORD:
	case K_PHRASE:
		return render_leaf(p, nd);
	case K_AND:
		return render_and(p, nd, lifted);
	case K_OR:
		return render_or(p, nd);
	}
	return NULL;
}

/* The prefixes of the tree into seen, each once. */
static void
collect_prefixes(const struct node *nd, struct strlist *seen)
{
	if (nd->prefix)
		strlist_push_new(seen, xstrdup(nd->text));
	for (size_t i = 0; i < nd->nkids; i++)
		collect_prefixes(nd->kids[i], seen);
}

/* Does the tree hold a field or an exclusion anywhere? */
static int
has_field_or_not(const struct node *nd)
{
	if (nd->field != NULL || nd->neg)
		return 1;
	for (size_t i = 0; i < nd->nkids; i++) {
		if (has_field_or_not(nd->kids[i]))
			return 1;
	}
	return 0;
}

/*
 * Plain words and exclusions ("bao hiem -rung"): the words' phrase, then
 * each exclusion, as FTS5 wants them after NOT; 1 when the tree is so.
 */
static int
phrase_and_nots(const struct parser *pr, const struct node *root, struct buf *phrase,
    struct buf *nots)
{
	const struct node **pos = xcalloc(root->nkids + 1, sizeof *pos);
	size_t npos = 0;
	int ok = root->kind == K_AND;

	for (size_t i = 0; i < root->nkids && ok; i++) {
		const struct node *k = root->kids[i];

		if (!k->neg)
			pos[npos++] = k;
		else if (k->field == NULL && k->nkids == 0) {
			char *r = render(pr, k, NULL);

			if (r != NULL) {
				buf_adds(nots, " NOT ");
				buf_adds(nots, r);
			}
			free(r);
		} else
			ok = 0;	/* an exclusion of a group or a field */
	}
	ok = ok && adjacent_run(pos, npos);
	if (ok)
		put_phrase(phrase, pos, npos);
	free(pos);
	return ok;
}

/* The tiers of a ranked search over many hits (store-search.c): the
 * query in titles, and several plain words as a phrase (with the words
 * excluded, if any, excluded from both). */
static void
make_tiers(const struct parser *pr, const struct node *root, struct query *q)
{
	struct buf phrase, nots;

	if (q->match == NULL)
		return;
	if (has_field_or_not(root)) {
		buf_init(&phrase);
		buf_init(&nots);
		if (phrase_and_nots(pr, root, &phrase, &nots) && nots.len > 0) {
			q->phrase = xasprintf("(%s)%s", phrase.data, nots.data);
			q->title_match = xasprintf("(title : %s)%s", phrase.data, nots.data);
		}
		buf_free(&phrase);
		buf_free(&nots);
		return;
	}
	if (root->kind == K_AND &&
	    adjacent_run((const struct node *const *)root->kids, root->nkids)) {
		buf_init(&phrase);
		put_phrase(&phrase, (const struct node *const *)root->kids, root->nkids);
		q->phrase = buf_detach(&phrase);
	}
	/* Several plain words: their phrase in the title, not each word
	 * somewhere in it ("công sở ... ăn" is no title hit of "cong an"). */
	q->title_match = xasprintf("title : %s", q->phrase ? q->phrase :
	    q->all_words ? q->all_words : q->match);
}

/* Words and phrases searched for (not excluded), to mark in an article;
 * a prefix keeps its '*'. */
static void
collect_marks(const struct node *nd, struct strlist *out)
{
	if (nd->neg)
		return;
	if (nd->kind == K_WORD || nd->kind == K_PHRASE)
		strlist_push_new(out, xasprintf("%s%s", nd->text, nd->prefix ? "*" : ""));
	for (size_t i = 0; i < nd->nkids; i++)
		collect_marks(nd->kids[i], out);
}

/* Plain words typed, for the Telex suggestion. */
static void
collect_words(const struct node *nd, struct strlist *out)
{
	if (nd->kind == K_WORD && !nd->neg)
		strlist_push_new(out, xstrdup(nd->text));
	for (size_t i = 0; i < nd->nkids; i++)
		collect_words(nd->kids[i], out);
}

/* A copy of text without the code points that mark groups in the
 * expressions made here (tokenize.h): typed, they are spaces. */
static char *
without_group_marks(const char *text)
{
	char *t = xstrdup(text), *m;

	while ((m = strstr(t, "\xee\x80\x80")) != NULL || (m = strstr(t, "\xee\x80\x81")) != NULL)
		memcpy(m, "   ", 3);
	return t;
}

/* Is the word w the whole of the n bytes it was split from? */
static int
whole_word(const struct tok_word *w, void *ctx)
{
	return w->start == 0 && w->end == *(const size_t *)ctx ? 1 : 2;
}

char *
query_typing(const char *text)
{
	size_t n = strlen(text), start = n, quotes = 0;

	while (start > 0 && text[start - 1] != ' ')
		start--;
	for (size_t i = 0; i < start; i++)
		quotes += text[i] == '"';
	n -= start;
	/* One word and nothing else: "-x", "x:", "(x", "x*" are syntax. */
	if (n == 0 || quotes % 2 == 1 || tok_split(text + start, n, whole_word, &n) != 1 ||
	    strcmp(text + start, "OR") == 0 || strcmp(text + start, "AND") == 0 ||
	    strcmp(text + start, "NOT") == 0)
		return NULL;
	return xasprintf("%s*", text);
}

void
query_parse(const char *text, struct query *q)
{
	query_parse_with(text, q, NULL, NULL);
}

void
query_parse_with(const char *text, struct query *q, query_expand_fn expand, void *ctx)
{
	char *t = without_group_marks(text);
	struct strlist expanded;
	struct parser p = { t, 0, strlen(t), 0, 0, q, expand, ctx, 0, &expanded, 0 };
	struct node *root = node_of(K_AND);
	struct strlist lifted, prefixes;

	strlist_init(&expanded);
	memset(q, 0, sizeof *q);
	strlist_init(&q->words);
	strlist_init(&q->marks);
	strlist_init(&lifted);
	/* A stray ')' ends parse_or early: skip it and read on. */
	while (p.i < p.n) {
		struct node *nd = parse_or(&p);

		if (nd->kind == K_AND && !nd->neg) {
			for (size_t i = 0; i < nd->nkids; i++)
				node_add(root, nd->kids[i]);
			nd->nkids = 0;
			node_free(nd);
		} else {
			node_add(root, nd);
		}
		if (p.i < p.n && p.s[p.i] == ')')
			p.i++;
	}
	strlist_init(&prefixes);
	collect_prefixes(root, &prefixes);
	p.prefixes = (int)prefixes.len;
	strlist_free(&prefixes);
	q->match = render(&p, root, &lifted);
	if (lifted.len > 0)
		q->exclude = strlist_join(&lifted, " OR ");
	/* The same hits without the phrase alternatives: finding hits needs
	 * no positions, only ranking does. */
	p.plain = 1;
	q->all_words = render(&p, root, NULL);
	if (q->all_words != NULL && q->match != NULL && strcmp(q->all_words, q->match) == 0) {
		free(q->all_words);
		q->all_words = NULL;
	}
	make_tiers(&p, root, q);
	collect_words(root, &q->words);
	collect_marks(root, &q->marks);
	strlist_free(&lifted);
	node_free(root);
	strlist_free(&expanded);
	free(t);
}

void
query_free(struct query *q)
{
	free(q->match);
	free(q->title_match);
	free(q->phrase);
	free(q->all_words);
	free(q->exclude);
	free(q->after);
	free(q->before);
	free(q->on);
	free(q->tag);
	free(q->site);
	strlist_free(&q->words);
	strlist_free(&q->marks);
	for (size_t i = 0; i < q->ncuts; i++)
		free(q->cuts[i].prefix);
	free(q->cuts);
	memset(q, 0, sizeof *q);
}

int
query_empty(const struct query *q)
{
	return q->match == NULL && q->exclude == NULL && q->after == NULL &&
	    q->before == NULL && q->on == NULL && !q->bookmarked && !q->unread && q->tag == NULL &&
	    q->site == NULL && !q->original && !q->queued && q->story == 0;
}
