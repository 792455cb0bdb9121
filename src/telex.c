/*
 * telex.c: see telex.h.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <uninorm.h>

#include "telex.h"
#include "text.h"
#include "util.h"

/*
 * Telex and VNI, typed without a Vietnamese keyboard. A syllable is read
 * letter by letter into base letters with vowel marks (aa â, aw ă, ee ê,
 * oo ô, ow ơ, uw/w ư, dd đ; VNI 6 7 8 9) and one tone (s f r x j; VNI 1-5),
 * then the tone is placed on the vowel that carries it.
 */

/* Vowel letters, NFC, with their place in the vowel order below. */
static const char *const vowel_utf8[] = {
	"a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"
};

enum { V_A, V_AW, V_AA, V_E, V_EE, V_I, V_O, V_OO, V_OW, V_U, V_UW, V_Y, V_NONE };

struct syl {
	int v[16];		/* per letter: V_* or V_NONE for consonants */
	char c[16];		/* the consonant letter ('D' for đ) */
	int n;
	int tone;		/* combining mark code point, or 0 */
	int changed;		/* a Telex/VNI key was used */
};

static int
vowel_of(char c)
{
	switch (c) {
	case 'a': return V_A;
	case 'e': return V_E;
	case 'i': return V_I;
	case 'o': return V_O;
	case 'u': return V_U;
	case 'y': return V_Y;
	default: return V_NONE;
	}
}

static int
has_vowel(const struct syl *s)
{
	for (int i = 0; i < s->n; i++) {
		if (s->v[i] != V_NONE)
			return 1;
	}
	return 0;
}

/* The last vowel that a mark key can change, or -1. */
static int
last_vowel(const struct syl *s, int a, int b, int c2)
{
	for (int i = s->n - 1; i >= 0; i--) {
		if (s->v[i] == a || s->v[i] == b || s->v[i] == c2)
			return i;
	}
	return -1;
}

static int
tone_key(char k)
{
	switch (k) {
	case 's': case '1': return 0x0301;
	case 'f': case '2': return 0x0300;
	case 'r': case '3': return 0x0309;
	case 'x': case '4': return 0x0303;
	case 'j': case '5': return 0x0323;
	default: return 0;
	}
}

/* Read one ASCII word; 0 when it is not a plausible Telex/VNI syllable. */
static int
read_syllable(const char *w, struct syl *s)
{
	memset(s, 0, sizeof *s);
	for (const char *p = w; *p; p++) {
		char k = (char)tolower((unsigned char)*p);
		int i;

		if (s->n >= 15)
			return 0;
		/* s f r x j after a vowel are tone keys: Vietnamese syllables
		 * have those letters only as initial consonants. */
		if (has_vowel(s) && tone_key(k) && !s->tone) {
			s->tone = tone_key(k);
			s->changed = 1;
			continue;
		}
		if ((k == 'a' || k == '6') && (i = last_vowel(s, V_A, V_A, V_A)) >= 0 &&
		    (k == '6' || i == s->n - 1)) {
			s->v[i] = V_AA, s->changed = 1;
		} else if ((k == 'e' || k == '6') && (i = last_vowel(s, V_E, V_E, V_E)) >= 0 &&
		    (k == '6' || i == s->n - 1)) {
			s->v[i] = V_EE, s->changed = 1;
		} else if ((k == 'o' || k == '6') && (i = last_vowel(s, V_O, V_O, V_O)) >= 0 &&
		    (k == '6' || i == s->n - 1)) {
			s->v[i] = V_OO, s->changed = 1;
		} else if (k == 'w' || k == '7' || k == '8') {
			/* uow -> ươ; aw -> ă; ow -> ơ; uw or w -> ư */
			int o = last_vowel(s, V_O, V_O, V_O), u = last_vowel(s, V_U, V_U, V_U);
			int a = last_vowel(s, V_A, V_A, V_A);

			if (k != '8' && o >= 0 && u == o - 1) {
				s->v[u] = V_UW;
				s->v[o] = V_OW;
			} else if (k != '7' && a >= 0) {
				s->v[a] = V_AW;
			} else if (k != '8' && o >= 0) {
				s->v[o] = V_OW;
			} else if (k != '8' && u >= 0) {
				s->v[u] = V_UW;
			} else if (k == 'w') {
				s->v[s->n] = V_UW;
				s->n++;
			} else {
				return 0;
			}
			s->changed = 1;
		} else if ((k == 'd' && s->n > 0 && s->c[s->n - 1] == 'd' && s->v[s->n - 1] == V_NONE) ||
		    (k == '9' && s->n > 0 && s->c[0] == 'd')) {
			s->c[k == '9' ? 0 : s->n - 1] = 'D';
			s->changed = 1;
		} else if (isalpha((unsigned char)k)) {
			s->v[s->n] = vowel_of(k);
			s->c[s->n] = s->v[s->n] == V_NONE ? k : 0;
			s->n++;
		} else {
			return 0;
		}
	}
	return s->changed && has_vowel(s);
}

/* Index of the vowel that carries the tone. */
static int
tone_target(const struct syl *s)
{
	int first = -1, last = -1, count = 0;

	for (int i = 0; i < s->n; i++) {
		if (s->v[i] == V_NONE)
			continue;
		/* "qu" and "gi" before another vowel: the u and i are consonants. */
		if (i > 0 && ((s->v[i] == V_U && s->c[i - 1] == 'q') ||
		    (s->v[i] == V_I && s->c[i - 1] == 'g')) && i + 1 < s->n &&
		    s->v[i + 1] != V_NONE)
			continue;
		if (first < 0)
			first = i;
		last = i;
		count++;
	}
	for (int i = last; i >= first && first >= 0; i--) {
		int v = s->v[i];

		if (v == V_AW || v == V_AA || v == V_EE || v == V_OO || v == V_OW || v == V_UW)
			return i;
	}
	if (count <= 1 || last + 1 < s->n)
		return last;		/* one vowel, or closed by a consonant */
	if (count == 2 && (s->v[first] == V_O || s->v[first] == V_U) &&
	    (s->v[last] == V_A || s->v[last] == V_E || s->v[last] == V_Y))
		return last;		/* hoà, thuý */
	return count == 3 ? first + 1 : first;
}

static char *
render_syllable(const struct syl *s)
{
	struct buf b;
	int target = tone_target(s);
	uint8_t *nfc;
	size_t n;
	char *r;

	buf_init(&b);
	for (int i = 0; i < s->n; i++) {
		if (s->v[i] != V_NONE)
			buf_adds(&b, vowel_utf8[s->v[i]]);
		else if (s->c[i] == 'D')
			buf_adds(&b, "\xc4\x91");	/* đ */
		else
			buf_addc(&b, s->c[i]);
		if (i == target && s->tone)
			text_put(&b, (uint32_t)s->tone);
	}
	nfc = u8_normalize(UNINORM_NFC, (const uint8_t *)b.data, b.len, NULL, &n);
	r = nfc ? xstrndup((const char *)nfc, n) : xstrdup(b.data);
	free(nfc);
	buf_free(&b);
	return r;
}

char *
telex_to_vietnamese(const char *text)
{
	struct buf out;
	const char *p = text;
	int changed = 0;

	buf_init(&out);
	buf_add(&out, "", 0);
	while (*p) {
		size_t n = strcspn(p, " \t");
		char *w = xstrndup(p, n);
		struct syl s;
		int ascii = 1;

		for (const char *c = w; *c; c++)
			ascii = ascii && isalnum((unsigned char)*c);
		if (ascii && n > 0 && read_syllable(w, &s)) {
			char *v = render_syllable(&s);

			buf_adds(&out, v);
			free(v);
			changed = 1;
		} else {
			buf_add(&out, p, n);
		}
		free(w);
		p += n;
		while (*p == ' ' || *p == '\t')
			buf_addc(&out, *p++);
	}
	if (!changed) {
		buf_free(&out);
		return NULL;
	}
	return buf_detach(&out);
}

/* The letters a folded letter may be written as: vowels with their marks,
 * d or đ; a consonant as itself. Returns how many (1 to 3). */
static int
spellings_of(char c, int v[3], char k[3])
{
	static const struct { char c; int v[3]; int n; } vowels[] = {
		{ 'a', { V_A, V_AW, V_AA }, 3 }, { 'e', { V_E, V_EE, 0 }, 2 },
		{ 'i', { V_I, 0, 0 }, 1 }, { 'o', { V_O, V_OO, V_OW }, 3 },
		{ 'u', { V_U, V_UW, 0 }, 2 }, { 'y', { V_Y, 0, 0 }, 1 },
	};

	for (size_t i = 0; i < sizeof vowels / sizeof vowels[0]; i++) {
		if (vowels[i].c == c) {
			for (int j = 0; j < vowels[i].n; j++)
				v[j] = vowels[i].v[j], k[j] = 0;
			return vowels[i].n;
		}
	}
	v[0] = v[1] = V_NONE;
	k[0] = c, k[1] = 'D';
	return c == 'd' ? 2 : 1;
}

#define SPELLINGS_MAX 1000

int
telex_spellings(const char *folded, int (*fn)(const char *spelling, void *ctx), void *ctx)
{
	static const int tones[] = { 0, 0x0301, 0x0300, 0x0309, 0x0303, 0x0323 };
	int nopt[16], v[16][3], at[16] = { 0 }, n = (int)strlen(folded), rc = 0;
	char k[16][3];
	long total = 6;

	if (n == 0 || n > 15)
		return 0;
	for (int i = 0; i < n; i++) {
		if (folded[i] < 'a' || folded[i] > 'z')
			return 0;
		nopt[i] = spellings_of(folded[i], v[i], k[i]);
		total *= nopt[i];
	}
	if (total > SPELLINGS_MAX)
		return 0;
	/* Every choice of letters, counted like a number in mixed radix,
	 * each with every tone. */
	for (long c = 0; c < total / 6 && rc == 0; c++) {
		struct syl s;

		memset(&s, 0, sizeof s);
		s.n = n;
		for (int i = 0; i < n; i++)
			s.v[i] = v[i][at[i]], s.c[i] = k[i][at[i]];
		if (!has_vowel(&s))
			return 0;
		for (size_t t = 0; t < sizeof tones / sizeof tones[0] && rc == 0; t++) {
			char *w;

			s.tone = tones[t];
			w = render_syllable(&s);
			rc = fn(w, ctx);
			free(w);
		}
		for (int i = n - 1; i >= 0 && ++at[i] == nopt[i]; i--)
			at[i] = 0;
	}
	return rc;
}
