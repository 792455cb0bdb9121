/*
 * tokenize.c: see tokenize.h. Text only: what FTS5 makes of the words is
 * fts.c's. This file is also compiled into the loadable SQLite extension
 * (fts-ext.c), for fts.c.
 */
#include "config.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <uninorm.h>
#include <unistr.h>

#include "text.h"
#include "tokenize.h"

/* What one code point contributes to a word. */
struct fold {
	char folded[8];		/* UTF-8, not NUL-terminated */
	char exact[8];
	unsigned char nfolded, nexact;
	char tone;
	unsigned char word;	/* 1: part of a word; 2: a combining mark */
	unsigned char diacritic;	/* folded != exact, or a tone */
	unsigned char slow;	/* forms too long for the table */
};

#define TABLE_SIZE 0x2000

static struct fold table[TABLE_SIZE];
/* Built once, whichever thread asks first: import workers sign articles
 * (story.h) while the writing thread indexes them. */
static pthread_once_t table_once = PTHREAD_ONCE_INIT;

/* Vietnamese tone marks and their Telex letters. */
static char
tone_letter(ucs4_t mark)
{
	switch (mark) {
	case 0x0301: return 'S';
	case 0x0300: return 'F';
	case 0x0309: return 'R';
	case 0x0303: return 'X';
	case 0x0323: return 'J';
	default: return 0;
	}
}

static void
append(char *dst, unsigned char *n, size_t cap, const uint8_t *src, size_t len,
    unsigned char *slow)
{
	if (*n + len > cap) {
		*slow = 1;
		return;
	}
	memcpy(dst + *n, src, len);
	*n += (unsigned char)len;
}

/* Compute the contribution of uc with libunistring (table build, and code
 * points past the table). */
static void
fold_compute(ucs4_t uc, struct fold *f)
{
	uint8_t one[6], cf[64], nfd[128], exact_nfd[128];
	size_t n1, ncf = sizeof cf, nnfd = sizeof nfd, nex = 0, i = 0;
	uint8_t *r;

	memset(f, 0, sizeof *f);
	if (!text_is_alnum(uc) && !text_has_class(uc, TEXT_MARK))
		return;
	f->word = text_has_class(uc, TEXT_MARK) && !text_is_alnum(uc) ? 2 : 1;
	n1 = (size_t)u8_uctomb(one, uc, sizeof one);
	r = u8_casefold(one, n1, NULL, NULL, cf, &ncf);
	if (r == NULL || r != cf) {
		free(r != cf ? r : NULL);
		f->slow = 1;
		return;
	}
	r = u8_normalize(UNINORM_NFD, cf, ncf, nfd, &nnfd);
	if (r == NULL || r != nfd) {
		free(r != nfd ? r : NULL);
		f->slow = 1;
		return;
	}
	while (i < nnfd) {
		ucs4_t c;
		int len = u8_mbtouc(&c, nfd + i, nnfd - i);
		char t = tone_letter(c);

		if (t) {
			if (!f->tone)
				f->tone = t;
		} else if (text_has_class(c, TEXT_MARK) && !text_is_alnum(c)) {
			memcpy(exact_nfd + nex, nfd + i, (size_t)len);	/* vowel mark */
			nex += (size_t)len;
		} else {
			const uint8_t *src = nfd + i;
			size_t sl = (size_t)len;

			if (c == 0x0111) {	/* đ folds to d */
				src = (const uint8_t *)"d";
				sl = 1;
			}
			append(f->folded, &f->nfolded, sizeof f->folded, src, sl, &f->slow);
			memcpy(exact_nfd + nex, nfd + i, (size_t)len);
			nex += (size_t)len;
		}
		i += (size_t)len;
	}
	{
		uint8_t ex[64];
		size_t nexc = sizeof ex;

		r = u8_normalize(UNINORM_NFC, exact_nfd, nex, ex, &nexc);
		if (r == NULL || r != ex) {
			free(r != ex ? r : NULL);
			f->slow = 1;
			return;
		}
		append(f->exact, &f->nexact, sizeof f->exact, ex, nexc, &f->slow);
	}
	f->diacritic = f->tone != 0 || f->nexact != f->nfolded ||
	    memcmp(f->exact, f->folded, f->nfolded) != 0;
}

static void
table_build(void)
{
	text_init();
	for (ucs4_t uc = 0; uc < TABLE_SIZE; uc++)
		fold_compute(uc, &table[uc]);
}

void
tok_init(void)
{
	pthread_once(&table_once, table_build);
}

/* Append the forms of one code point to the word. */
static void
word_add(struct tok_word *w, const struct fold *f)
{
	if (w->nfolded + f->nfolded <= TOK_MAX) {
		for (unsigned k = 0; k < f->nfolded; k++)
			w->folded[w->nfolded + k] = f->folded[k];
		w->nfolded += f->nfolded;
	}
	if (w->nexact + f->nexact <= TOK_MAX) {
		for (unsigned k = 0; k < f->nexact; k++)
			w->exact[w->nexact + k] = f->exact[k];
		w->nexact += f->nexact;
	}
	if (f->tone && !w->tone)
		w->tone = f->tone;
	if (f->diacritic)
		w->diacritics = 1;
}

/* The fold of one code point: from the table, or computed. */
static const struct fold *
fold_of(ucs4_t uc, struct fold *tmp)
{
	if (uc < TABLE_SIZE && !table[uc].slow)
		return &table[uc];
	fold_compute(uc, tmp);
	return tmp;
}

/* Fill w's forms from the word's bytes, composing combining marks first
 * (the slow path). */
static void
fold_word(const char *s, size_t n, struct tok_word *w)
{
	struct tok_word a;
	uint8_t *nfc = NULL;
	size_t nn = n, i = 0;
	int marks = 0;

	memset(&a, 0, sizeof a);
	a.start = w->start;
	a.end = w->end;
	/* Combining marks: compose first, so "o" + U+0323 + U+0302 is "ộ". */
	for (size_t k = 0; k < n; k++) {
		if ((unsigned char)s[k] == 0xCC || (unsigned char)s[k] == 0xCD) {
			marks = 1;
			break;
		}
	}
	if (marks) {
		nfc = u8_normalize(UNINORM_NFC, (const uint8_t *)s, n, NULL, &nn);
		if (nfc != NULL)
			s = (const char *)nfc;
		else
			nn = n;
	}
	while (i < nn) {
		uint32_t uc;
		struct fold tmp;
		int len = text_next(s + i, nn - i, &uc);

		word_add(&a, fold_of(uc, &tmp));
		i += (size_t)len;
	}
	free(nfc);
	*w = a;
}

static void
finish_word(struct tok_word *w)
{
	if (w->tone && w->nexact < TOK_MAX + 7)
		w->exact[w->nexact++] = w->tone;
	w->folded[w->nfolded] = '\0';
	w->exact[w->nexact] = '\0';
}

/* Start a word at byte i (the forms' buffers are not cleared: counts do). */
static void
word_begin(struct tok_word *w, size_t i)
{
	w->start = i;
	w->nfolded = w->nexact = 0;
	w->tone = 0;
	w->diacritics = 0;
}

int
tok_split(const char *text, size_t n, tok_fn fn, void *ctx)
{
	const unsigned char *p = (const unsigned char *)text;
	size_t i = 0;
	struct tok_word w;
	int in = 0, slow = 0, rc;

	tok_init();
	w.nfolded = w.nexact = 0;
	while (i <= n) {
		uint32_t uc = 0;
		int len = 1;
		const struct fold *f = NULL;
		struct fold tmp;

		if (i < n && p[i] < 0x80) {
			/* ASCII: a letter or digit is its own folded and exact form. */
			unsigned char c = p[i];

			if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
			    (c >= 'A' && c <= 'Z')) {
				if (!in) {
					word_begin(&w, i);
					in = 1;
					slow = 0;
				}
				if (c <= 'Z' && c >= 'A')
					c += 32;
				if (w.nfolded < TOK_MAX)
					w.folded[w.nfolded++] = (char)c;
				if (w.nexact < TOK_MAX)
					w.exact[w.nexact++] = (char)c;
				i++;
				continue;
			}
		} else if (i < n) {
			len = text_next(text + i, n - i, &uc);
			f = fold_of(uc, &tmp);
		}
		if (f != NULL && f->word && !(f->word == 2 && !in)) {
			if (!in) {
				word_begin(&w, i);
				in = 1;
				slow = 0;
			}
			if (f->word == 2 || uc >= TABLE_SIZE || f->slow)
				slow = 1;
			else
				word_add(&w, f);
		} else if (in) {
			w.end = i;
			if (slow)
				fold_word(text + w.start, w.end - w.start, &w);
			finish_word(&w);
			if ((rc = fn(&w, ctx)) != 0)
				return rc;
			in = 0;
		}
		i += (size_t)len;
	}
	return 0;
}

size_t
tok_query_form(const struct tok_word *w, int prefix, const char **form)
{
	if (!w->diacritics) {
		*form = w->folded;
		return w->nfolded;
	}
	/* Prefix: drop the tone letter, which Telex types last. */
	*form = w->exact;
	return w->nexact - (prefix && w->tone ? 1 : 0);
}
