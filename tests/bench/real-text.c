/*
 * real-text.c: articles made of a real crawl's sentences (real-text.h).
 *
 * The crawl is read once into one buffer: its headlines, and its
 * paragraphs cut into sentences, each a span of that buffer. An article
 * of the crawl is a headline and a run of paragraphs, each a count of
 * consecutive sentences. Whole sentences are kept so that its words, and
 * how often each comes, stay those of the crawl.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/text.h"
#include "../../src/util.h"
#include "bench.h"
#include "real-text.h"

/* The share of an article's sentences kept from the crawl's article it is
 * built on; the others are drawn from the whole crawl. Most of a story
 * stays on one subject, as words that belong together do, yet no two of
 * the articles built on one story are the same. */
#define KEEP 0.75
/* A sentence has at least this many words: shorter pieces of a line are
 * mostly credits and labels, which the extractor may take for junk. */
#define MIN_WORDS 3
/* The crawl often lost the breaks between a story's paragraphs (its body
 * is one line); a longer line is cut into paragraphs of 2 to this many
 * sentences, as papers print them. */
#define PARA_SENTENCES 5
/* A photo caption: a sentence of at most this many words. */
#define CAPTION_WORDS 20

struct span {
	uint32_t off, len;	/* bytes of rt->text */
};

struct source {
	struct span headline;
	uint32_t sent;		/* its first sentence; the others follow */
	uint32_t para;		/* its first paragraph in rt->para_len */
	uint32_t npara;
};

/* The hashes of the titles or first paragraphs made so far: open
 * addressing, 0 for an empty slot. */
struct seen {
	uint64_t *slot;
	size_t cap, len;
};

struct real_text {
	struct buf text;
	struct span *sents;
	size_t nsents, capsents;
	uint32_t *para_len;	/* sentences in each paragraph */
	size_t nparas, capparas;
	struct source *src;
	size_t nsrc, capsrc;
	uint32_t *order;	/* the sources in the order articles use them */
	struct seen titles, leads;
};

/* Credits of the captions, as the papers sign their photos. */
static const char *const credits[] = {
	"Minh Tuấn", "Ngọc Anh", "Văn Long", "Hồng Nhung", "Quang Huy", "Thanh Tâm", "TTXVN",
	"Đức Thanh", "Lê Hoàng", "Hải Yến"
};

/* items, an array of *cap items of size bytes, with room for need items:
 * the same or a new pointer. */
static void *
grow(void *items, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return items;
	*cap = *cap ? *cap * 2 : 1024;
	if (*cap < need)
		*cap = need;
	return xrealloc(items, *cap * size);
}

static uint64_t
hash_bytes(uint64_t h, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 0x100000001b3ull;
	return h;
}

/* Add h to set: 1 when it is new, 0 when it was there. */
static int
seen_add(struct seen *set, uint64_t h)
{
	size_t i;

	h += h == 0;
	if (2 * (set->len + 1) > set->cap) {
		struct seen old = *set;

		set->cap = old.cap ? old.cap * 2 : 1 << 16;
		set->slot = xcalloc(set->cap, sizeof *set->slot);
		set->len = 0;
		for (i = 0; i < old.cap; i++)
			if (old.slot[i])
				seen_add(set, old.slot[i]);
		free(old.slot);
	}
	for (i = h & (set->cap - 1); set->slot[i]; i = (i + 1) & (set->cap - 1))
		if (set->slot[i] == h)
			return 0;
	set->slot[i] = h;
	set->len++;
	return 1;
}

/* Keep s[0..n) in the text; its span. */
static struct span
keep(struct real_text *rt, const char *s, size_t n)
{
	struct span sp = { (uint32_t)rt->text.len, (uint32_t)n };

	if (rt->text.len + n >= UINT32_MAX)
		die("%s", "real-text: the crawl is larger than 4 GB");
	buf_add(&rt->text, s, n);
	return sp;
}

static size_t
count_words(const char *s, size_t n)
{
	size_t w = 0;

	for (size_t i = 0; i < n; i++)
		w += s[i] != ' ' && (i == 0 || s[i - 1] == ' ');
	return w;
}

/* Does the word that ends at s[end] (a full stop) look like an
 * abbreviation, "TP." or "ThS.", rather than a sentence's last word? */
static int
abbreviation(const char *s, size_t end)
{
	size_t b = end;

	while (b > 0 && s[b - 1] != ' ')
		b--;
	if (end - b > 4 || end == b || !(s[b] >= 'A' && s[b] <= 'Z'))
		return 0;
	for (size_t i = b; i < end; i++)
		if ((unsigned char)s[i] >= 0x80)
			return 0;
	return 1;
}

/* The length of a closing quote or bracket at s[i..n), 0 if none. */
static size_t
closer(const char *s, size_t i, size_t n)
{
	if (i < n && strchr("\"')", s[i]) != NULL)
		return 1;
	if (i + 3 <= n && (memcmp(s + i, "”", 3) == 0 || memcmp(s + i, "’", 3) == 0))
		return 3;
	if (i + 2 <= n && memcmp(s + i, "»", 2) == 0)
		return 2;
	return 0;
}

/* Where the sentence that has a stop at s[i] ends (past its closing
 * quotes), when a new sentence starts after spaces there; else 0. */
static size_t
sentence_end(const char *s, size_t i, size_t n)
{
	size_t e = i + 1, k;
	uint32_t uc;

	if (s[i] == '.' && (abbreviation(s, i) || (e < n && s[e] == '.')))
		return 0;
	while ((k = closer(s, e, n)) > 0)
		e += k;
	if (e >= n || s[e] != ' ')
		return 0;
	for (k = e; k < n && s[k] == ' '; k++)
		;
	if (k == n)
		return 0;
	if (s[k] == '"' || (k + 3 <= n && memcmp(s + k, "“", 3) == 0))
		return e;
	text_next(s + k, n - k, &uc);
	return text_is_upper(uc) || (uc >= '0' && uc <= '9') ? e : 0;
}

/* Add the sentence s[0..n) (spaces around it dropped) if it has words
 * enough; 1 when added. */
static int
add_sentence(struct real_text *rt, const char *s, size_t n)
{
	while (n > 0 && *s == ' ')
		s++, n--;
	while (n > 0 && s[n - 1] == ' ')
		n--;
	if (count_words(s, n) < MIN_WORDS)
		return 0;
	rt->sents = grow(rt->sents, &rt->capsents, rt->nsents + 1, sizeof *rt->sents);
	rt->sents[rt->nsents++] = keep(rt, s, n);
	return 1;
}

/* Cut the paragraph s[0..n) into sentences; how many were kept. */
static size_t
add_paragraph(struct real_text *rt, const char *s, size_t n)
{
	size_t start = 0, kept = 0, e;

	for (size_t i = 0; i < n; i++) {
		if (s[i] != '.' && s[i] != '!' && s[i] != '?')
			continue;
		if ((e = sentence_end(s, i, n)) > 0) {
			kept += add_sentence(rt, s + start, e - start);
			start = i = e;
		}
	}
	kept += add_sentence(rt, s + start, n - start);
	return kept;
}

/* Squeeze tabs, carriage returns and runs of spaces in s[0..n) to single
 * spaces, in place; the new length. */
static size_t
squeeze(char *s, size_t n)
{
	size_t k = 0;

	for (size_t i = 0; i < n; i++) {
		char c = s[i] == '\t' || s[i] == '\r' ? ' ' : s[i];

		if (c != ' ' || (k > 0 && s[k - 1] != ' '))
			s[k++] = c;
	}
	while (k > 0 && s[k - 1] == ' ')
		k--;
	return k;
}

/* One file of the crawl: a headline line, then paragraphs, a line each. */
static void
add_file(struct real_text *rt, char *s, size_t n)
{
	struct source src = { { 0, 0 }, (uint32_t)rt->nsents, (uint32_t)rt->nparas, 0 };
	char *line = s, *nl;

	for (; line < s + n; line = nl + 1) {
		size_t len, kept;

		if ((nl = memchr(line, '\n', (size_t)(s + n - line))) == NULL)
			nl = s + n;
		if ((len = squeeze(line, (size_t)(nl - line))) == 0)
			continue;
		if (src.headline.len == 0) {
			src.headline = keep(rt, line, len);
			continue;
		}
		if ((kept = add_paragraph(rt, line, len)) == 0)
			continue;
		rt->para_len = grow(rt->para_len, &rt->capparas, rt->nparas + 1, sizeof *rt->para_len);
		rt->para_len[rt->nparas++] = (uint32_t)kept;
		src.npara++;
	}
	if (src.npara == 0)
		return;
	rt->src = grow(rt->src, &rt->capsrc, rt->nsrc + 1, sizeof *rt->src);
	rt->src[rt->nsrc++] = src;
}

static int
cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names of dir's files (not those starting with '.'), sorted. */
static void
list_files(const char *dir, struct strlist *names)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	if (d == NULL)
		die("%s: %s", dir, strerror(errno));
	strlist_init(names);
	while ((e = readdir(d)) != NULL)
		if (e->d_name[0] != '.')
			strlist_push(names, xstrdup(e->d_name));
	closedir(d);
	qsort(names->items, names->len, sizeof *names->items, cmp_names);
}

static void
read_file(const char *path, struct buf *b)
{
	FILE *f = fopen(path, "rb");
	char chunk[65536];
	size_t n;

	buf_reset(b);
	if (f == NULL)
		die("%s: %s", path, strerror(errno));
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(b, chunk, n);
	if (ferror(f))
		die("%s: %s", path, strerror(errno));
	fclose(f);
}

/* A generator for article i: its own, so that article i is the same
 * whatever was drawn before it (splitmix64 of i, never 0). */
static uint64_t
seed(long i)
{
	uint64_t z = (uint64_t)i + 0x9e3779b97f4a7c15ull;

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	z ^= z >> 31;
	return z ? z : 1;
}

struct real_text *
real_text_load(const char *dir)
{
	struct real_text *rt = xcalloc(1, sizeof *rt);
	struct strlist names;
	struct buf file;
	uint64_t r = seed(-1);

	text_init();
	buf_init(&rt->text);
	buf_init(&file);
	list_files(dir, &names);
	for (size_t i = 0; i < names.len; i++) {
		char *path = xasprintf("%s/%s", dir, names.items[i]);

		read_file(path, &file);
		add_file(rt, file.data, file.len);
		free(path);
	}
	buf_free(&file);
	strlist_free(&names);
	if (rt->nsrc == 0)
		die("%s: no article (a headline line, then text) in this folder", dir);
	/* Neighbouring files are often one day's news: spread them. */
	rt->order = xmalloc(rt->nsrc * sizeof *rt->order);
	for (size_t i = 0; i < rt->nsrc; i++)
		rt->order[i] = (uint32_t)i;
	for (size_t i = rt->nsrc - 1; i > 0; i--) {
		size_t j = bench_rand(&r) % (i + 1);
		uint32_t t = rt->order[i];

		rt->order[i] = rt->order[j];
		rt->order[j] = t;
	}
	return rt;
}

size_t
real_text_sources(const struct real_text *rt)
{
	return rt->nsrc;
}

static const char *
at(const struct real_text *rt, struct span sp)
{
	return rt->text.data + sp.off;
}

static struct span
any_sentence(const struct real_text *rt, uint64_t *r)
{
	return rt->sents[bench_rand(r) % rt->nsents];
}

/* The first half of s's words or the rest (from the middle, give or take
 * one), added to b. */
static void
add_half(struct buf *b, const char *s, size_t n, int second, uint64_t *r)
{
	size_t words = count_words(s, n), cut = words / 2, w = 0, i;

	if (words > 3)
		cut = cut - 1 + bench_rand(r) % 3;
	for (i = 0; i < n; i++) {
		if (s[i] == ' ' && ++w == cut)
			break;
	}
	if (second)
		buf_add(b, s + i + (i < n), n - i - (i < n));
	else
		buf_add(b, s, i);
}

/* The title: the source's headline the first time it is free, else its
 * first half and the second half of another. */
static char *
make_title(struct real_text *rt, const struct source *src, uint64_t *r)
{
	const char *h = at(rt, src->headline);
	struct buf b;

	if (seen_add(&rt->titles, hash_bytes(0xcbf29ce484222325ull, h, src->headline.len)))
		return xstrndup(h, src->headline.len);
	buf_init(&b);
	for (int tries = 0; tries < 1000; tries++) {
		struct span other = rt->src[bench_rand(r) % rt->nsrc].headline;

		buf_reset(&b);
		add_half(&b, h, src->headline.len, 0, r);
		buf_addc(&b, ' ');
		add_half(&b, at(rt, other), other.len, 1, r);
		if (seen_add(&rt->titles, hash_bytes(0xcbf29ce484222325ull, b.data, b.len)))
			return buf_detach(&b);
	}
	die("%s", "real-text: no new title in 1,000 tries (too few headlines)");
}

/* Add the sentence sp to the paragraph in b. */
static void
add_to_paragraph(struct buf *b, const struct real_text *rt, struct span sp)
{
	if (b->len > 0)
		buf_addc(b, ' ');
	buf_add(b, at(rt, sp), sp.len);
}

/* A paragraph of 2 to PARA_SENTENCES sentences drawn from the whole crawl. */
static char *
any_paragraph(const struct real_text *rt, uint64_t *r)
{
	uint32_t n = 2 + (uint32_t)(bench_rand(r) % (PARA_SENTENCES - 1));
	struct buf b;

	buf_init(&b);
	for (uint32_t k = 0; k < n; k++)
		add_to_paragraph(&b, rt, any_sentence(rt, r));
	return buf_detach(&b);
}

/*
 * The paragraphs: the source's, each sentence kept or drawn anew, a long
 * one cut in several. luot skips an article whose body it holds, and its
 * extractor may leave little of a short story (a line that reads as a
 * clip's caption or a link is no text), so a body new as written is not
 * enough: a story of one paragraph gets a second one drawn from the
 * crawl, and the first paragraph gets one sentence more until it is one
 * not made before.
 */
static void
make_body(struct real_text *rt, const struct source *src, struct article *a, uint64_t *r)
{
	uint32_t sent = src->sent;
	struct buf b;

	buf_init(&b);
	for (uint32_t p = 0; p < src->npara; p++) {
		uint32_t left = rt->para_len[src->para + p];

		while (left > 0) {
			uint32_t k, take = left;

			if (left > PARA_SENTENCES)
				take = 2 + (uint32_t)(bench_rand(r) % (PARA_SENTENCES - 1));
			for (k = 0; k < take; k++, sent++)
				add_to_paragraph(&b, rt, bench_uniform(r) < KEEP ? rt->sents[sent]
				    : any_sentence(rt, r));
			strlist_push(&a->paras, buf_detach(&b));
			left -= take;
		}
	}
	if (a->paras.len < 2)
		strlist_push(&a->paras, any_paragraph(rt, r));
	while (!seen_add(&rt->leads, hash_bytes(0xcbf29ce484222325ull, a->paras.items[0],
	    strlen(a->paras.items[0])))) {
		struct span sp = any_sentence(rt, r);
		char *more = xasprintf("%s %.*s", a->paras.items[0], (int)sp.len, at(rt, sp));

		free(a->paras.items[0]);
		a->paras.items[0] = more;
	}
}

/* A photo caption: a short sentence of the crawl and a credit. */
static char *
make_caption(const struct real_text *rt, uint64_t *r)
{
	struct span sp = any_sentence(rt, r);

	for (int tries = 0; tries < 50 && count_words(at(rt, sp), sp.len) > CAPTION_WORDS; tries++)
		sp = any_sentence(rt, r);
	return xasprintf("%.*s Ảnh: %s", (int)sp.len, at(rt, sp),
	    credits[bench_rand(r) % (sizeof credits / sizeof *credits)]);
}

void
real_text_article(struct real_text *rt, struct article *a, long i, long n)
{
	uint64_t r = seed(i);
	const struct source *src = &rt->src[rt->order[(size_t)i % rt->nsrc]];

	article_init(a);
	a->title = make_title(rt, src, &r);
	a->published = (struct date){ 2010 + (int)(i * 15 / n), 1 + (int)(bench_rand(&r) % 12),
		1 + (int)(bench_rand(&r) % 28), 0, 0, DATE_DAY };
	make_body(rt, src, a, &r);
	strlist_push(&a->captions, make_caption(rt, &r));
}

void
real_text_free(struct real_text *rt)
{
	if (rt == NULL)
		return;
	buf_free(&rt->text);
	free(rt->sents);
	free(rt->para_len);
	free(rt->src);
	free(rt->order);
	free(rt->titles.slot);
	free(rt->leads.slot);
	free(rt);
}
