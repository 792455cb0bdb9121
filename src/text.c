/*
 * text.c: see text.h.
 */
#include "config.h"

#include <langinfo.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <unicase.h>
#include <unictype.h>
#include <unigbrk.h>
#include <unilbrk.h>
#include <uniwidth.h>
#include <uninorm.h>
#include <unistr.h>

#include "text.h"
#include "util.h"

#define REPLACEMENT 0xFFFDu

void
text_put(struct buf *b, uint32_t uc)
{
	uint8_t tmp[6];
	int len = u8_uctomb(tmp, uc, sizeof tmp);

	if (len > 0)
		buf_add(b, tmp, (size_t)len);
}

/* Characters that carry no text: dropped at import so that search,
 * widths and the terminal never see them. */
static int
is_dropped(uint32_t uc)
{
	if (uc < 0x20)
		return uc != '\n' && uc != '\t';
	if (uc == 0x7F || (uc >= 0x80 && uc <= 0x9F))
		return 1;
	return uc == 0x00AD || (uc >= 0x200B && uc <= 0x200D) ||
	    uc == 0x2060 || uc == 0xFEFF;
}

/* Space separators other than the ASCII space (NBSP and friends). */
static int
is_odd_space(uint32_t uc)
{
	return uc == 0x00A0 || uc == 0x1680 || (uc >= 0x2000 && uc <= 0x200A) ||
	    uc == 0x202F || uc == 0x205F || uc == 0x3000;
}

/* Append one decoded code point, applying the cleaning rules; *cr tracks
 * a pending CR so that CRLF and lone CR both become one LF. */
static void
emit(struct buf *b, uint32_t uc, int *cr, struct text_stats *st)
{
	if (*cr) {
		*cr = 0;
		buf_addc(b, '\n');
		if (uc == '\n')
			return;
	}
	if (uc == '\r') {
		*cr = 1;
		return;
	}
	if (is_dropped(uc)) {
		st->removed++;
		return;
	}
	if (is_odd_space(uc))
		uc = ' ';
	text_put(b, uc);
}

static void
decode_utf16(const unsigned char *p, size_t n, int big, struct buf *b,
    struct text_stats *st)
{
	int cr = 0;
	size_t i = 0;

	while (i + 1 < n) {
		uint32_t u = big ? (uint32_t)(p[i] << 8 | p[i + 1]) :
		    (uint32_t)(p[i + 1] << 8 | p[i]);

		i += 2;
		if (u >= 0xD800 && u <= 0xDBFF && i + 1 < n) {
			uint32_t lo = big ? (uint32_t)(p[i] << 8 | p[i + 1]) :
			    (uint32_t)(p[i + 1] << 8 | p[i]);

			if (lo >= 0xDC00 && lo <= 0xDFFF) {
				i += 2;
				u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
			} else {
				u = REPLACEMENT;
				st->invalid++;
			}
		} else if (u >= 0xD800 && u <= 0xDFFF) {
			u = REPLACEMENT;
			st->invalid++;
		}
		emit(b, u, &cr, st);
	}
	if (i < n) {		/* odd trailing byte */
		emit(b, REPLACEMENT, &cr, st);
		st->invalid++;
	}
	if (cr)
		buf_addc(b, '\n');
}

/* A code point that NFC leaves alone whatever surrounds it. */
static int
nfc_stable(uint32_t uc)
{
	return uc < 0x0300 || (uc >= 0x1E00 && uc <= 0x1EFF) ||
	    (uc >= 0x2002 && uc <= 0x206F) || (uc >= 0x20A0 && uc <= 0x20BF) ||
	    (uc >= 0x2190 && uc <= 0x22FF) || uc == REPLACEMENT;
}

/*
 * Decode one well-formed UTF-8 sequence at p: its length, or -1 when
 * malformed (overlongs and surrogates refused).
 */
static int
utf8_valid(const unsigned char *p, size_t n, ucs4_t *uc)
{
	int len = text_utf8_short(p, n, uc);

	return len > 0 ? len : u8_mbtoucr(uc, p, n);
}

/* Bytes that go through as they are: printable ASCII, LF and TAB. */
static int
plain_ascii(unsigned char c)
{
	return (c >= 0x20 && c < 0x7F) || c == '\n' || c == '\t';
}

/* Decode UTF-8 into b; returns 1 when the result is known to be NFC. */
static int
decode_utf8(const unsigned char *p, size_t n, struct buf *b, struct text_stats *st)
{
	int cr = 0, stable = 1;
	size_t i = 0, run = 0;

	/* Most bytes are copied in runs; only what needs a change is decoded
	 * and emitted one by one. */
	while (i < n) {
		ucs4_t uc;
		int len;

		if (plain_ascii(p[i]) && !cr) {
			i++;
			continue;
		}
		if (p[i] >= 0x80 && !cr) {
			len = utf8_valid(p + i, n - i, &uc);
			if (len > 0 && !is_dropped(uc) && !is_odd_space(uc)) {
				stable = stable && nfc_stable(uc);
				i += (size_t)len;
				continue;
			}
		}
		buf_add(b, p + run, i - run);
		if (p[i] < 0x80) {
			emit(b, p[i], &cr, st);
			i++;
			run = i;
			continue;
		}
		len = utf8_valid(p + i, n - i, &uc);
		if (len < 0) {
			/* One U+FFFD for a valid lead byte and the continuation
			 * bytes that follow it (Unicode's "maximal subpart"),
			 * one for each other stray byte. */
			int want = p[i] >= 0xF0 ? 4 : p[i] >= 0xE0 ? 3 : 2;

			len = 1;
			if (p[i] >= 0xC2 && p[i] <= 0xF4) {
				while (len < want && i + (size_t)len < n &&
				    (p[i + len] & 0xC0) == 0x80)
					len++;
			}
			uc = REPLACEMENT;
			st->invalid++;
		}
		emit(b, uc, &cr, st);
		i += (size_t)len;
		run = i;
	}
	buf_add(b, p + run, i - run);
	if (cr)
		buf_addc(b, '\n');
	return stable;
}

char *
text_decode(const char *in, size_t n, size_t *outlen, struct text_stats *st)
{
	const unsigned char *p = (const unsigned char *)in;
	struct text_stats dummy;
	struct buf b;
	char *out;
	int stable = 0;

	if (st == NULL)
		st = &dummy;
	memset(st, 0, sizeof *st);
	buf_init(&b);
	buf_add(&b, "", 0);
	if (n >= 2 && p[0] == 0xFF && p[1] == 0xFE) {
		st->utf16 = 1;
		decode_utf16(p + 2, n - 2, 0, &b, st);
	} else if (n >= 2 && p[0] == 0xFE && p[1] == 0xFF) {
		st->utf16 = 1;
		decode_utf16(p + 2, n - 2, 1, &b, st);
	} else if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
		stable = decode_utf8(p + 3, n - 3, &b, st);
	} else {
		stable = decode_utf8(p, n, &b, st);
	}
	if (stable) {
		/* Already NFC: hand over the buffer itself. */
		if (outlen != NULL)
			*outlen = b.len;
		return buf_detach(&b);
	}
	out = text_nfc(b.data, b.len, outlen);
	buf_free(&b);
	return out;
}

/*
 * True when no code point of s can change under NFC. Latin up to U+02FF,
 * the Vietnamese block U+1E00-U+1EFF and general punctuation are NFC
 * stable on their own; only combining marks and a few singletons are not,
 * and those send us to the full normaliser.
 */
static int
quick_nfc(const uint8_t *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		ucs4_t uc;
		int len;

		if (s[i] < 0x80) {
			i++;
			continue;
		}
		len = text_next((const char *)s + i, n - i, &uc);
		if (!nfc_stable(uc))
			return 0;
		i += (size_t)len;
	}
	return 1;
}

/* The end of the run of code points at s[i] that NFC may change (up to
 * the next stable one, which nothing before it combines with). */
static size_t
unstable_end(const uint8_t *s, size_t n, size_t i)
{
	while (i < n && s[i] >= 0x80) {
		ucs4_t uc;
		int len = text_next((const char *)s + i, n - i, &uc);

		if (nfc_stable(uc))
			break;
		i += (size_t)len;
	}
	return i;
}

char *
text_nfc(const char *s, size_t n, size_t *outlen)
{
	const uint8_t *u = (const uint8_t *)s;
	size_t i = 0, copied = 0, prev = 0;
	struct buf b;

	if (quick_nfc(u, n)) {
		if (outlen != NULL)
			*outlen = n;
		return xstrndup(s, n);
	}
	/* Only the runs that may change go through the normaliser, each
	 * with the code point before it (the base a mark composes with):
	 * one emoji or one decomposed letter no longer costs the whole
	 * page (a third of a web page's extraction). */
	buf_init(&b);
	buf_add(&b, "", 0);
	while (i < n) {
		ucs4_t uc;
		int len = u[i] < 0x80 ? 1 : text_next(s + i, n - i, &uc);
		size_t end, k;
		uint8_t *r;

		if (u[i] < 0x80 || nfc_stable(uc)) {
			prev = i;
			i += (size_t)len;
			continue;
		}
		end = unstable_end(u, n, i);
		buf_add(&b, s + copied, prev - copied);
		r = u8_normalize(UNINORM_NFC, u + prev, end - prev, NULL, &k);
		if (r == NULL)
			die("%s", "text_nfc: u8_normalize failed");
		buf_add(&b, (const char *)r, k);
		free(r);
		copied = prev = i = end;
	}
	buf_add(&b, s + copied, n - copied);
	if (outlen != NULL)
		*outlen = b.len;
	buf_addc(&b, '\0');
	return buf_detach(&b);
}

int
text_next_slow(const char *s, size_t n, uint32_t *uc)
{
	ucs4_t c;
	int len;

	if (n == 0) {
		*uc = 0;
		return 1;
	}
	len = u8_mbtouc(&c, (const uint8_t *)s, n);
	*uc = c;
	return len > 0 ? len : 1;
}

int
text_invalid(const char *s, int len, uint32_t uc)
{
	return uc == REPLACEMENT && !(len == 3 && memcmp(s, "\xEF\xBF\xBD", 3) == 0);
}

/*
 * Character classes and lowercase for U+0000-U+1FFF, built once from
 * libunistring: Vietnamese text lives there (Latin, Latin Extended,
 * combining marks, U+1EA0-U+1EF9), and a table lookup per code point is
 * several times cheaper than a libunistring call per code point.
 */
uint8_t text_class_table[TEXT_TABLE_SIZE];
uint16_t text_lower_table[TEXT_TABLE_SIZE];
int text_table_ready;
static pthread_once_t text_once = PTHREAD_ONCE_INIT;
static void text_build(void);

/* Combining marks (category M), not spacing ones such as '^' or '`'. */
static int
is_mark(uint32_t uc)
{
	return uc_is_general_category(uc, UC_CATEGORY_M);
}

void
text_init(void)
{
	pthread_once(&text_once, text_build);
}

/* Once, whichever thread asks first (import workers and the writer). */
static void
text_build(void)
{
	for (uint32_t uc = 0; uc < TEXT_TABLE_SIZE; uc++) {
		uint8_t c = 0;
		ucs4_t lc = uc_tolower(uc);

		c |= uc_is_alpha(uc) ? TEXT_LETTER : 0;
		c |= uc_is_upper(uc) ? TEXT_UPPER : 0;
		c |= uc_is_lower(uc) ? TEXT_LOWER : 0;
		c |= uc_is_alnum(uc) ? TEXT_ALNUM : 0;
		c |= is_mark(uc) ? TEXT_MARK : 0;
		text_class_table[uc] = c;
		text_lower_table[uc] = lc < 0x10000 ? (uint16_t)lc : (uint16_t)uc;
	}
	text_table_ready = 1;
}

int
text_has_class_slow(uint32_t uc, uint8_t c)
{
	if (uc < TEXT_TABLE_SIZE) {
		text_init();
		return (text_class_table[uc] & c) != 0;
	}
	switch (c) {
	case TEXT_LETTER: return uc_is_alpha(uc);
	case TEXT_UPPER: return uc_is_upper(uc);
	case TEXT_LOWER: return uc_is_lower(uc);
	case TEXT_ALNUM: return uc_is_alnum(uc);
	default: return is_mark(uc);
	}
}

uint32_t
text_tolower_slow(uint32_t uc)
{
	if (uc < TEXT_TABLE_SIZE) {
		text_init();
		return text_lower_table[uc];
	}
	return uc_tolower(uc);
}

/* Append s with every code point passed through f: unchanged ones keep
 * their bytes, changed ones are re-encoded, so the result is valid UTF-8. */
static void
map_into(struct buf *b, const char *s, size_t n, uint32_t (*f)(uint32_t))
{
	size_t i = 0;

	buf_add(b, "", 0);
	while (i < n) {
		uint32_t uc, mapped;
		int len = text_next(s + i, n - i, &uc);

		mapped = f(uc);
		/* An invalid byte decodes as U+FFFD: write a real one. */
		if (mapped == 0 && uc != 0)
			;	/* dropped */
		else if (mapped == uc && uc != REPLACEMENT)
			buf_add(b, s + i, (size_t)len);
		else
			text_put(b, mapped);
		i += (size_t)len;
	}
}

/* map_into, as a new string. */
static char *
map_chars(const char *s, size_t n, uint32_t (*f)(uint32_t))
{
	struct buf b;

	buf_init(&b);
	map_into(&b, s, n, f);
	return buf_detach(&b);
}

char *
text_lower(const char *s)
{
	return map_chars(s, strlen(s), text_tolower);
}

char *
text_lower_n(const char *s, size_t max)
{
	size_t n = strlen(s);

	if (n > max) {
		n = max;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;	/* not inside a code point */
	}
	return map_chars(s, n, text_tolower);
}

size_t
text_words(const char *s)
{
	size_t n = strlen(s), i = 0, words = 0;
	int in = 0;

	while (i < n) {
		uint32_t uc;
		int len = text_next(s + i, n - i, &uc);
		int a = text_is_alnum(uc) || (in && text_has_class(uc, TEXT_MARK));

		if (a && !in)
			words++;
		in = a;
		i += (size_t)len;
	}
	return words;
}

int
text_utf8_locale(void)
{
	static int cached = -1;

	if (cached < 0) {
		const char *cs = nl_langinfo(CODESET);

		cached = cs != NULL && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
	}
	return cached;
}

/* Width of one code point as the terminal will draw it. */
static int
uc_columns(uint32_t uc)
{
	int w;

	if (text_utf8_locale())
		w = wcwidth((wchar_t)uc);
	else
		w = uc_width(uc, "UTF-8");
	return w < 0 ? 1 : w;
}

int
text_only_spaces(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] != ' ')
			return 0;
	}
	return 1;
}

size_t
text_width_n(const char *s, size_t n)
{
	size_t i = 0, w = 0;

	while (i < n) {
		uint32_t uc;

		i += (size_t)text_next(s + i, n - i, &uc);
		w += (size_t)uc_columns(uc);
	}
	return w;
}

size_t
text_width(const char *s)
{
	return text_width_n(s, strlen(s));
}

/* Append [start, end) to the lines, without the spaces it ends with. */
static void
wrap_emit(struct text_line **v, size_t *nv, size_t *cap, const char *s, size_t start,
    size_t end, size_t cols)
{
	while (end > start && s[end - 1] == ' ') {
		end--;
		cols--;
	}
	if (*nv == *cap) {
		*cap = *cap ? *cap * 2 : 8;
		*v = xrealloc(*v, *cap * sizeof **v);
	}
	(*v)[*nv].start = start;
	(*v)[*nv].len = end - start;
	(*v)[*nv].cols = cols;
	(*nv)++;
}

size_t
text_wrap(const char *s, size_t width, struct text_line **lines)
{
	const uint8_t *p = (const uint8_t *)s;
	size_t n = strlen(s), nv = 0, cap = 0;
	size_t line = 0, cols = 0;	/* the line's first byte, its columns so far */
	size_t last = 0, last_cols = 0;	/* the line's last break opportunity */
	size_t i = 0;
	char *brk = xmalloc(n + 1);
	struct text_line *v = NULL;

	if (width < 1)
		width = 1;
	if (n > 0)
		u8_possible_linebreaks(p, n, "UTF-8", brk);
	while (i < n) {
		size_t glen = (size_t)(u8_grapheme_next(p + i, p + n) - (p + i));
		size_t w = text_width_n(s + i, glen);

		if (i > line && brk[i] != UC_BREAK_PROHIBITED) {
			last = i;
			last_cols = cols;
		}
		/* Spaces may run past the width: they are dropped at the break. */
		if (cols + w > width && i > line && s[i] != ' ') {
			/* At the last opportunity, or inside a word too long
			 * for a line, between graphemes. */
			size_t end = last > line ? last : i;

			wrap_emit(&v, &nv, &cap, s, line, end, last > line ? last_cols : cols);
			line = end;
			while (line < n && s[line] == ' ')
				line++;
			if (line > i)
				i = line;
			cols = text_width_n(s + line, i - line);
			last = line;
			continue;
		}
		cols += w;
		i += glen;
	}
	if (line < n || nv == 0)
		wrap_emit(&v, &nv, &cap, s, line, n, cols);
	free(brk);
	*lines = v;
	return nv;
}

int
text_is_unsafe(uint32_t uc)
{
	return uc < 0x20 || uc == 0x7F || (uc >= 0x80 && uc <= 0x9F) ||
	    (uc >= 0x202A && uc <= 0x202E) || (uc >= 0x2066 && uc <= 0x2069) ||
	    uc == 0x200E || uc == 0x200F || uc == 0x061C;
}

/* U+FFFD for what must not reach a terminal, and for what it cannot
 * measure (wcwidth -1: unassigned code points), which curses would draw
 * in a width of its own and so shift every column after it. */
static uint32_t
safe_char(uint32_t uc)
{
	/* A zero width joiner is dropped: terminals that join an emoji
	 * sequence draw it in fewer columns than wcwidth says, others draw
	 * each emoji; without it all draw each, where wcwidth says. */
	if (uc == 0x200D)
		return 0;
	if (text_is_unsafe(uc))
		return REPLACEMENT;
	if (uc >= 0x80 && text_utf8_locale() && wcwidth((wchar_t)uc) < 0)
		return REPLACEMENT;
	return uc;
}

/* The code point at p (before end). */
static ucs4_t
at(const uint8_t *p, const uint8_t *end)
{
	ucs4_t c;

	u8_mbtouc(&c, p, (size_t)(end - p));
	return c;
}

/* Does the code point that ends at p (after start) equal c? */
static int
before_is(const uint8_t *p, const uint8_t *start, ucs4_t c)
{
	ucs4_t b;
	const uint8_t *q = u8_prev(&b, p, start);

	return q != NULL && b == c;
}

const uint8_t *
text_grapheme_next(const uint8_t *s, const uint8_t *end)
{
	const uint8_t *p = u8_grapheme_next(s, end);

	/* GB11, which libunistring 1.0 lacks: emoji joined by U+200D. */
	while (p != NULL && p < end && before_is(p, s, 0x200D) &&
	    uc_is_property_extended_pictographic(at(p, end)))
		p = u8_grapheme_next(p, end);
	return p;
}

const uint8_t *
text_grapheme_prev(const uint8_t *s, const uint8_t *start)
{
	const uint8_t *p = u8_grapheme_prev(s, start);

	while (p != NULL && p > start && before_is(p, start, 0x200D) &&
	    uc_is_property_extended_pictographic(at(p, s)))
		p = u8_grapheme_prev(p, start);
	return p;
}

/* An ASCII stand-in: the base letter of a letter with marks, đ -> d,
 * common punctuation by its ASCII look-alike, else '?'. */
static uint32_t
ascii_char(uint32_t uc)
{
	uint32_t d[UC_DECOMPOSITION_MAX_LENGTH];
	int type;

	if (uc < 0x80)
		return text_is_unsafe(uc) ? '?' : uc;
	if (uc == 0x0111 || uc == 0x0110)
		return uc == 0x0111 ? 'd' : 'D';
	if (uc == 0x2018 || uc == 0x2019)
		return '\'';
	if (uc == 0x201C || uc == 0x201D)
		return '"';
	if (uc == 0x2013 || uc == 0x2014)
		return '-';
	if (uc == 0xA0)
		return ' ';
	if (uc == 0x2026)	/* the ellipsis of a cut title */
		return '.';
	if (uc_decomposition(uc, &type, d) > 0 && d[0] < 0x80 && type == UC_DECOMP_CANONICAL)
		return d[0];
	if (uc_decomposition(uc, &type, d) > 0 && d[0] >= 0x80) {
		/* Two marks (ệ = ê + dot below): decompose again. */
		uint32_t e[UC_DECOMPOSITION_MAX_LENGTH];

		if (uc_decomposition(d[0], &type, e) > 0 && e[0] < 0x80)
			return e[0];
	}
	return '?';
}

char *
text_ascii(const char *s)
{
	return map_chars(s, strlen(s), ascii_char);
}

char *
text_sanitize(const char *s)
{
	return map_chars(s, strlen(s), safe_char);
}

/* safe_char, then ascii_char: text_ascii(text_sanitize(s)) in one pass. */
static uint32_t
safe_ascii_char(uint32_t uc)
{
	return ascii_char(safe_char(uc));
}

void
text_sanitize_into(struct buf *b, const char *s, size_t n, int ascii)
{
	map_into(b, s, n, ascii ? safe_ascii_char : safe_char);
}

/* safe_char, but a line break stays one. */
static uint32_t
safe_char_lines(uint32_t uc)
{
	return uc == '\n' ? uc : safe_char(uc);
}

char *
text_sanitize_lines(const char *s)
{
	return map_chars(s, strlen(s), safe_char_lines);
}

/* Can the len bytes at s, decoded as uc, stand in a file name's text as
 * they are? */
static int
shown_as_is(const char *s, int len, uint32_t uc)
{
	return !text_invalid(s, len, uc) && safe_char(uc) == uc;
}

char *
text_shell_quote(const char *s)
{
	size_t n = strlen(s), i;
	struct buf b;

	for (i = 0; i < n;) {
		uint32_t uc;
		int len = text_next(s + i, n - i, &uc);

		if (!shown_as_is(s + i, len, uc))
			break;
		i += (size_t)len;
	}
	if (i == n && strncmp(s, "$'", 2) != 0)
		return xstrdup(s);
	buf_init(&b);
	buf_adds(&b, "$'");
	for (i = 0; i < n;) {
		uint32_t uc;
		int len = text_next(s + i, n - i, &uc);

		if (uc == '\\' || uc == '\'') {
			buf_addc(&b, '\\');
			buf_addc(&b, s[i]);
		} else if (shown_as_is(s + i, len, uc)) {
			buf_add(&b, s + i, (size_t)len);
		} else {
			/* Invalid: one byte at a time, each its own \ooo. */
			if (text_invalid(s + i, len, uc))
				len = 1;
			for (int k = 0; k < len; k++)
				buf_printf(&b, "\\%03o", (unsigned char)s[i + k]);
		}
		i += (size_t)len;
	}
	buf_addc(&b, '\'');
	return buf_detach(&b);
}

char *
text_truncate(const char *s, size_t max_cols)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + strlen(s);
	const uint8_t *cut = p, *word_cut = NULL;
	size_t cols = 0;

	if (text_width(s) <= max_cols)
		return xstrdup(s);
	if (max_cols == 0)
		return xstrdup("");
	/* Keep one column for the ellipsis; cut only between graphemes. */
	while (cut < end) {
		const uint8_t *next = u8_grapheme_next(cut, end);
		size_t w = 0;

		for (const uint8_t *q = cut; q < next;) {
			uint32_t uc;

			q += text_next((const char *)q, (size_t)(next - q), &uc);
			w += (size_t)uc_columns(uc);
		}
		if (cols + w > max_cols - 1)
			break;
		if (*cut == ' ')
			word_cut = cut;
		cols += w;
		cut = next;
	}
	if (word_cut != NULL && word_cut > p && (size_t)(word_cut - p) * 2 >= (size_t)(cut - p))
		cut = word_cut;
	while (cut > p && cut[-1] == ' ')
		cut--;
	{
		struct buf b;

		buf_init(&b);
		buf_add(&b, s, (size_t)(cut - p));
		buf_adds(&b, "\xe2\x80\xa6");
		return buf_detach(&b);
	}
}

char *
text_snippet_lead(const char *s, size_t cols)
{
	size_t mark = strcspn(s, "\x01"), budget = cols / 3, ell = 1;
	const char *from = s + mark;

	if (s[mark] == '\0' || text_width_n(s, mark) <= budget)
		return xstrdup(s);
	/* The first space after which the rest, with "…", fits. */
	for (const char *c = s; c < s + mark; c++) {
		if (*c == ' ' && text_width_n(c + 1, (size_t)(s + mark - c - 1)) + ell <= budget) {
			from = c + 1;
			break;
		}
	}
	return xasprintf("\xe2\x80\xa6%s", from);
}

char *
text_squeeze(char *s)
{
	char *r = s, *w = s;
	int space = 0;

	while (*r == ' ' || *r == '\t')
		r++;
	for (; *r; r++) {
		if (*r == ' ' || *r == '\t') {
			space = 1;
			continue;
		}
		if (space && w > s)
			*w++ = ' ';
		space = 0;
		*w++ = *r;
	}
	*w = '\0';
	return s;
}

char *
text_one_line(const char *s)
{
	size_t n;
	char *t;

	if (s == NULL)
		return NULL;
	t = text_decode(s, strlen(s), &n, NULL);
	for (char *p = t; *p; p++) {
		if (*p == '\n' || *p == '\t')
			*p = ' ';
	}
	text_squeeze(t);
	if (*t == '\0') {
		free(t);
		return NULL;
	}
	return t;
}
