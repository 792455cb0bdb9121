/*
 * record.c: see record.h.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#include "date.h"
#include "feed.h"
#include "html.h"
#include "i18n.h"
#include "record.h"
#include "text.h"
#include "url.h"
#include "util.h"

/* The names crawlers give each field, tried in this order after a map's
 * own: news-please (maintext, date_publish, authors, source_domain),
 * trafilatura (text, date, sitename), schema.org (headline,
 * datePublished), feeds turned JSON (link, pubDate, description) and
 * Vietnamese crawlers' own (tieu_de, noi_dung, ngay, tac_gia, nguon). */
static const char *const usual[RECORD_NFIELDS][12] = {
	[RECORD_TITLE] = { "title", "headline", "tieu_de", "name", NULL },
	[RECORD_BODY] = { "content", "text", "body", "maintext", "article", "articleBody",
	    "noi_dung", "description", "summary", NULL },
	[RECORD_URL] = { "url", "canonical_url", "canonical", "link", "source_url", "href", NULL },
	[RECORD_DATE] = { "published", "date", "date_publish", "datePublished", "published_at",
	    "publish_date", "pubDate", "time", "ngay", NULL },
	[RECORD_AUTHOR] = { "author", "authors", "byline", "tac_gia", NULL },
	[RECORD_SOURCE] = { "source", "sitename", "site_name", "source_domain", "publisher",
	    "domain", "nguon", NULL },
};

static const char *const field_names[RECORD_NFIELDS] = {
	[RECORD_TITLE] = "title", [RECORD_BODY] = "body", [RECORD_URL] = "url",
	[RECORD_DATE] = "date", [RECORD_AUTHOR] = "author", [RECORD_SOURCE] = "source",
};

/* A JSON array file longer than this is refused: it is read whole to be
 * cut into records, where JSON Lines are read a block at a time. */
#define ARRAY_MAX ((size_t)1 << 30)

void
record_init(void)
{
	json_object_seed(0);
}

int
record_map_parse(struct record_map *m, const char *spec, char **err)
{
	char *part, *save = NULL;

	memset(m, 0, sizeof *m);
	*err = NULL;
	if (spec == NULL)
		return 0;
	m->spec = xstrdup(spec);
	for (part = strtok_r(m->spec, ",", &save); part != NULL; part = strtok_r(NULL, ",", &save)) {
		char *eq;
		int f;
		size_t k = 0;

		text_squeeze(part);
		eq = strchr(part, '=');
		if (eq == NULL || eq == part || eq[1] == '\0') {
			*err = xasprintf(_("--map wants FIELD=NAME, not \"%s\""), part);
			goto fail;
		}
		*eq = '\0';
		text_squeeze(part);
		for (f = 0; f < RECORD_NFIELDS && strcmp(part, field_names[f]) != 0; f++)
			;
		if (f == RECORD_NFIELDS) {
			*err = xasprintf(_("--map: no field \"%s\" (title, body, url, date, author, "
			    "source)"), part);
			goto fail;
		}
		while (m->names[f][k] != NULL)
			k++;
		if (k == RECORD_MAP_NAMES) {
			*err = xasprintf(_("--map: more than %d names for %s"), RECORD_MAP_NAMES, part);
			goto fail;
		}
		m->names[f][k] = text_squeeze(eq + 1);
	}
	return 0;
fail:
	record_map_free(m);
	return -1;
}

void
record_map_free(struct record_map *m)
{
	free(m->spec);
	memset(m, 0, sizeof *m);
}

/* Bytes at the start of an .xml file looked at for a feed's root. */
#define FEED_SNIFF 1024

/* Is the .xml file at path a feed: its first bytes open rss, RDF or an
 * Atom feed? */
static int
xml_feed(const char *path)
{
	char head[FEED_SNIFF + 1];
	FILE *f = fopen(path, "rb");
	size_t n;

	if (f == NULL)
		return 0;
	n = fread(head, 1, FEED_SNIFF, f);
	fclose(f);
	head[n] = '\0';
	return strstr(head, "<rss") != NULL || strstr(head, "<rdf:RDF") != NULL ||
	    (strstr(head, "<feed") != NULL && strstr(head, "http://www.w3.org/2005/Atom") != NULL);
}

static int
feed_file(const char *path)
{
	static const char *const ext[] = { ".rss", ".atom", ".rdf", NULL };
	static const char *const xml[] = { ".xml", NULL };

	return path_has_ext(path, ext) || (path_has_ext(path, xml) && xml_feed(path));
}

int
record_file(const char *path)
{
	static const char *const ext[] = { ".jsonl", ".ndjson", ".json", NULL };

	return path_has_ext(path, ext) || feed_file(path);
}

int
record_is_original(const char *text)
{
	json_t *j;
	int is;

	/* Parsed only when it may be one: a page seldom opens with "{". */
	if (text == NULL || text[strspn(text, " \t\r\n")] != '{')
		return 0;
	j = json_loads(text, 0, NULL);
	is = json_is_object(j);
	json_decref(j);
	return is;
}

static int
is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static void
push_span(struct record_span **v, size_t *n, size_t *cap, int64_t off, size_t len, size_t line)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		*v = xrealloc(*v, *cap * sizeof **v);
	}
	(*v)[(*n)++] = (struct record_span){ off, len, line, NULL, NULL, 0 };
}

/* JSON Lines: each line that holds more than spaces, read a block at a
 * time (a dump may be gigabytes). */
static int
line_spans(FILE *f, struct record_span **v, size_t *n, char **why)
{
	static char block[1 << 16];
	size_t cap = 0, line = 1, got;
	int64_t off = 0, start = 0;
	int full = 0;

	while ((got = fread(block, 1, sizeof block, f)) > 0) {
		for (size_t i = 0; i < got; i++, off++) {
			if (block[i] == '\n') {
				if (full)
					push_span(v, n, &cap, start, (size_t)(off - start), line);
				line++;
				start = off + 1;
				full = 0;
			} else if (!is_space((unsigned char)block[i])) {
				full = 1;
			}
		}
	}
	if (ferror(f)) {
		*why = xstrdup(strerror(errno));
		return -1;
	}
	if (full)
		push_span(v, n, &cap, start, (size_t)(off - start), line);
	return 0;
}

/* Lines from s up to end. */
static size_t
lines_in(const char *s, const char *end)
{
	size_t k = 0;

	for (; s < end; s++)
		k += *s == '\n';
	return k;
}

/* A JSON array: where each element starts and ends, found by parsing
 * them one by one (jansson tells how far a value went). A syntax error
 * ends the records there: those before it are given, with *why saying
 * where it broke. */
static int
array_spans(const char *data, size_t len, struct record_span **v, size_t *n, char **why)
{
	size_t cap = 0, line = 1, i = 0, from = 0;

	while (i < len && is_space((unsigned char)data[i]))
		i++;
	i++;	/* '[' */
	for (;;) {
		json_error_t err;
		json_t *j;

		while (i < len && is_space((unsigned char)data[i]))
			i++;
		if (i < len && data[i] == ']')
			return 0;
		line += lines_in(data + from, data + i);
		from = i;
		j = json_loadb(data + i, len - i, JSON_DISABLE_EOF_CHECK | JSON_DECODE_ANY, &err);
		if (j == NULL) {
			*why = xasprintf(_("line %zu: %s"), line + (size_t)(err.line > 0 ?
			    err.line - 1 : 0), err.text);
			return 0;
		}
		json_decref(j);
		push_span(v, n, &cap, (int64_t)i, (size_t)err.position, line);
		i += (size_t)err.position;
		while (i < len && is_space((unsigned char)data[i]))
			i++;
		if (i < len && data[i] == ',') {
			i++;
			continue;
		}
		if (i < len && data[i] == ']')
			return 0;
		line += lines_in(data + from, data + i);
		*why = xasprintf(_("line %zu: no \",\" or \"]\" after a record"), line);
		return 0;
	}
}

/* The first byte of the file that is not a space, or EOF. */
static int
first_byte(FILE *f)
{
	int c;

	while ((c = getc(f)) != EOF && is_space((unsigned char)c))
		;
	rewind(f);
	return c;
}

/* A .json file: an array, cut; anything else one record. */
static int
json_spans(FILE *f, struct record_span **v, size_t *n, char **why)
{
	struct stat st;
	char *data;
	size_t len;
	int rc;

	if (fstat(fileno(f), &st) < 0) {
		*why = xstrdup(strerror(errno));
		return -1;
	}
	if (first_byte(f) != '[') {
		size_t cap = 0;

		push_span(v, n, &cap, 0, (size_t)st.st_size, 1);
		return 0;
	}
	if ((uint64_t)st.st_size > ARRAY_MAX) {
		*why = xasprintf(_("a JSON array of more than %zu MiB; write it as JSON Lines"),
		    ARRAY_MAX >> 20);
		return -1;
	}
	len = (size_t)st.st_size;
	data = xmalloc(len + 1);
	if (fread(data, 1, len, f) != len) {
		*why = xstrdup(ferror(f) ? strerror(errno) : _("the file changed while read"));
		free(data);
		return -1;
	}
	data[len] = '\0';
	rc = array_spans(data, len, v, n, why);
	free(data);
	return rc;
}

/* Most bytes of a feed file read. */
#define FEED_MAX ((size_t)64 << 20)

/* A string member of a record, when there is one. */
static void
set_text(json_t *obj, const char *key, const char *v)
{
	if (v != NULL && *v)
		json_object_set_new(obj, key, json_string(v));
}

int
record_feed(const char *bytes, size_t n, const char *base, struct record_span **v, size_t *nv,
    char **title, char **why)
{
	struct feed feed;
	size_t cap = 0;

	*v = NULL;
	*nv = 0;
	if (title != NULL)
		*title = NULL;
	if (feed_parse(bytes, n, base, &feed, why) < 0)
		return -1;
	for (size_t i = 0; i < feed.n; i++) {
		const struct feed_entry *e = &feed.v[i];
		json_t *obj = json_object();
		char *s;

		set_text(obj, "title", e->title);
		set_text(obj, "body", e->content ? e->content : e->summary);
		set_text(obj, "url", e->link);
		set_text(obj, "date", e->date);
		set_text(obj, "author", e->author);
		set_text(obj, "source", feed.title);
		s = json_dumps(obj, JSON_COMPACT);
		json_decref(obj);
		if (s == NULL)
			continue;
		push_span(v, nv, &cap, 0, strlen(s), e->line > 0 ? (size_t)e->line : i + 1);
		(*v)[*nv - 1].json = xstrdup(s);
		(*v)[*nv - 1].url = e->link ? xstrdup(e->link) : NULL;
		(*v)[*nv - 1].summary = e->content == NULL;
		free(s);
	}
	if (title != NULL && feed.title != NULL)
		*title = xstrdup(feed.title);
	feed_free(&feed);
	return 0;
}

/* obj as compact JSON, new (ours: jansson's memory is freed with its own
 * free); obj is released. */
static char *
dump(json_t *obj)
{
	char *s = json_dumps(obj, JSON_COMPACT), *out;

	json_decref(obj);
	if (s == NULL)
		die("%s", strerror(ENOMEM));
	out = xstrdup(s);
	free(s);
	return out;
}

char *
record_with_page(const char *json, const char *page)
{
	json_t *obj = json_loads(json, 0, NULL);

	if (obj == NULL || !json_is_object(obj)) {
		json_decref(obj);
		obj = json_object();
	}
	json_object_del(obj, "url");
	json_object_set_new(obj, "body", json_string(page));
	return dump(obj);
}

/* A feed file's entries, each a record (record_feed). */
static int
feed_spans(FILE *f, struct record_span **v, size_t *n, char **why)
{
	struct buf b;
	char chunk[65536];
	size_t got;
	int rc;

	buf_init(&b);
	while ((got = fread(chunk, 1, sizeof chunk, f)) > 0 && b.len <= FEED_MAX)
		buf_add(&b, chunk, got);
	if (b.len > FEED_MAX) {
		*why = xasprintf(_("a feed of more than %zu MiB"), FEED_MAX >> 20);
		buf_free(&b);
		return -1;
	}
	rc = record_feed(b.data ? b.data : "", b.len, NULL, v, n, NULL, why);
	buf_free(&b);
	return rc;
}

void
record_spans_free(struct record_span *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].json);
		free(v[i].url);
	}
	free(v);
}

int
record_spans(const char *path, struct record_span **v, size_t *n, char **why)
{
	FILE *f = fopen(path, "rb");
	size_t k = strlen(path);
	int rc;

	*v = NULL;
	*n = 0;
	*why = NULL;
	if (f == NULL) {
		*why = xstrdup(strerror(errno));
		return -1;
	}
	if (feed_file(path))
		rc = feed_spans(f, v, n, why);
	else if (k > 5 && strcasecmp(path + k - 5, ".json") == 0)
		rc = json_spans(f, v, n, why);
	else
		rc = line_spans(f, v, n, why);
	fclose(f);
	if (rc < 0) {
		record_spans_free(*v, *n);
		*v = NULL;
		*n = 0;
	}
	return rc;
}

char *
record_read(const char *path, const struct record_span *sp, char **why)
{
	int fd;
	char *data;
	ssize_t got;

	*why = NULL;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0) {
		*why = xstrdup(strerror(errno));
		return NULL;
	}
	data = xmalloc(sp->len + 1);
	got = pread(fd, data, sp->len, (off_t)sp->off);
	close(fd);
	if (got < 0 || (size_t)got != sp->len) {
		*why = xstrdup(got < 0 ? strerror(errno) : _("the file changed while read"));
		free(data);
		return NULL;
	}
	data[sp->len] = '\0';
	/* A UTF-8 BOM at the start of the file is no part of the JSON. */
	if (sp->off == 0 && sp->len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		memmove(data, data + 3, sp->len - 2);
	return data;
}

/* A date given as a number: seconds since 1970 (or milliseconds). */
static int
epoch_date(json_t *j, struct date *d)
{
	double x = json_number_value(j);
	time_t t;
	struct tm tm;

	if (x > 1e11)
		x /= 1000;
	/* 1970 to 2100 only: a number past time_t's range is no date (and
	 * converting it would be undefined). */
	if (!(x > 0 && x < 4102444800.0))
		return 0;
	t = (time_t)x;
	if (gmtime_r(&t, &tm) == NULL)
		return 0;
	*d = (struct date){ tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
	    DATE_MINUTE };
	return d->year >= 1900 && d->year <= 2100;
}

/* A value as text, appended to b: a string; the strings of an array
 * (joined by sep: several authors, a body as a list of paragraphs); an
 * object's "name" (schema.org's author and publisher). */
static void
value_text(json_t *j, const char *sep, struct buf *b)
{
	if (json_is_string(j)) {
		if (json_string_length(j) > 0) {
			if (b->len > 0)
				buf_adds(b, sep);
			buf_add(b, json_string_value(j), json_string_length(j));
		}
	} else if (json_is_array(j)) {
		size_t i;
		json_t *e;

		json_array_foreach(j, i, e) {
			if (!json_is_array(e))
				value_text(e, sep, b);
		}
	} else if (json_is_object(j)) {
		json_t *name = json_object_get(j, "name");

		if (json_is_string(name))
			value_text(name, sep, b);
	}
}

/* The value of field f: the first name (the map's, then the usual ones)
 * the object has with a value that is not null. */
static json_t *
field(json_t *obj, const struct record_map *m, enum record_field f)
{
	const char *const *lists[2] = { m ? m->names[f] : NULL, usual[f] };

	for (int l = 0; l < 2; l++) {
		for (size_t i = 0; lists[l] != NULL && lists[l][i] != NULL; i++) {
			json_t *j = json_object_get(obj, lists[l][i]);

			if (j != NULL && !json_is_null(j))
				return j;
		}
	}
	return NULL;
}

/* Field f as text, new; NULL when the record has none. */
static char *
field_text(json_t *obj, const struct record_map *m, enum record_field f)
{
	json_t *j = field(obj, m, f);
	struct buf b;

	if (j == NULL)
		return NULL;
	buf_init(&b);
	value_text(j, f == RECORD_BODY ? "\n" : ", ", &b);
	if (b.len == 0) {
		buf_free(&b);
		return NULL;
	}
	buf_addc(&b, '\0');
	return buf_detach(&b);
}

/* A field for one line (title, author, source), cleaned (text.h). */
static char *
one_line(char *s)
{
	char *t = text_one_line(s);

	free(s);
	return t;
}

/* Does the text look like HTML (a crawler that kept the markup)? */
static int
looks_html(const char *s)
{
	static const char *const tags[] = { "<p>", "<p ", "<br", "<div", "</p>", "<figure",
	    "<img ", NULL };

	for (const char *lt = strchr(s, '<'); lt != NULL; lt = strchr(lt + 1, '<')) {
		for (size_t i = 0; tags[i] != NULL; i++) {
			if (strncasecmp(lt, tags[i], strlen(tags[i])) == 0)
				return 1;
		}
	}
	return 0;
}

/* The fields the record gives itself, over what the text said. */
static void
take_fields(json_t *obj, const struct record_map *m, struct article *a)
{
	char *s;
	json_t *j;
	struct date d;

	if ((s = one_line(field_text(obj, m, RECORD_AUTHOR))) != NULL) {
		free(a->author);
		a->author = s;
	}
	if ((s = one_line(field_text(obj, m, RECORD_SOURCE))) != NULL) {
		free(a->source);
		a->source = s;
	}
	if ((s = field_text(obj, m, RECORD_URL)) != NULL) {
		free(a->url);
		a->url = url_clean(s);
		free(s);
	}
	j = field(obj, m, RECORD_DATE);
	if (j != NULL && json_is_number(j)) {
		if (epoch_date(j, &d))
			a->published = d;
	} else if ((s = field_text(obj, m, RECORD_DATE)) != NULL) {
		if (date_parse_meta(s, &d))
			a->published = d;
		free(s);
	}
}

/* What the article keeps of its record (its original): the fields found,
 * under luot's own names, which the usual names hold; so that reextract
 * reads it again without the map, and nothing else of the record is
 * stored. New string. */
static char *
kept_record(json_t *obj, const struct record_map *m)
{
	json_t *kept = json_object();

	for (int f = 0; f < RECORD_NFIELDS; f++) {
		json_t *j = field(obj, m, f);

		if (j != NULL)
			json_object_set(kept, field_names[f], j);
	}
	return dump(kept);
}

int
record_article(const struct boiler *bp, const struct record_map *m, const char *json,
    const struct extract_limits *lim, struct article *a, enum extract_cut_kind *cut,
    char **why)
{
	json_error_t err;
	json_t *obj = json_loads(json, 0, &err);
	char *body = NULL, *title = NULL, *text;
	size_t n;
	int rc = -1;

	*why = NULL;
	*cut = EXTRACT_WHOLE;
	if (obj == NULL) {
		*why = xasprintf(_("not JSON (%s, column %d)"), err.text, err.column);
		return -2;
	}
	if (!json_is_object(obj)) {
		*why = xstrdup(_("not a JSON object"));
		goto out;
	}
	if ((body = field_text(obj, m, RECORD_BODY)) == NULL) {
		*why = xstrdup(_("no text (no content, text or body field; see --map)"));
		goto out;
	}
	title = one_line(field_text(obj, m, RECORD_TITLE));
	if (looks_html(body)) {
		/* A crawler that kept the markup: read as the page's
		 * article (html.h), the record's title over the page's. A
		 * whole page (a feed entry's, fetched for its full text) is
		 * read as it is; a fragment is the article of a page. */
		char *page = html_looks(body, strlen(body)) ? NULL :
		    xasprintf("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head>"
		    "<body><article>%s</article></body></html>", body);

		rc = html_article(bp, page != NULL ? page : body, title, lim, a, cut, why);
		free(page);
		if (rc < 0)
			goto out;
		rc = -1;
	} else {
		/* The text cleaned as a page's body is (extract.h); without
		 * a title, read as a page: its first line may be one. */
		text = text_decode(body, strlen(body), &n, NULL);
		if (extract_body_within(bp, title, text, lim, a, cut) < 0) {
			free(text);
			*why = xstrdup(_("no article text found"));
			goto out;
		}
		free(text);
	}
	take_fields(obj, m, a);
	free(a->original);
	a->original = kept_record(obj, m);
	rc = 0;
out:
	free(title);
	free(body);
	json_decref(obj);
	return rc;
}
