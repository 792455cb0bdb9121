/*
 * text.h: UTF-8 text as luot stores and shows it. Decoding raw file bytes into
 * clean NFC, character classes, word counts, display widths. No curses here.
 *
 * Strings are UTF-8 and NUL-terminated unless a length is given. Functions
 * returning char * hand a new string to the caller.
 */
#ifndef LUOT_TEXT_H
#define LUOT_TEXT_H

#include <stddef.h>
#include <stdint.h>

/* What text_decode() had to repair, for the import summary. */
struct text_stats {
	size_t invalid;		/* malformed sequences replaced by U+FFFD */
	size_t removed;		/* control, soft hyphen and zero-width characters dropped */
	int utf16;		/* the input carried a UTF-16 byte-order mark */
};

/*
 * Decode file bytes into clean text: a UTF-8 or UTF-16 (LE/BE) BOM is
 * honoured, invalid sequences become U+FFFD, CRLF and lone CR become LF,
 * C0/C1 controls other than LF and TAB are removed and so are U+00AD,
 * U+200B-U+200D, U+2060 and U+FEFF; space separators become ' '; the result
 * is NFC. *outlen gets the length; st may be NULL.
 */
char *text_decode(const char *in, size_t n, size_t *outlen, struct text_stats *st);

/* NFC of s (n bytes); cheap when s is already NFC, which is most text. */
char *text_nfc(const char *s, size_t n, size_t *outlen);

/* Append the UTF-8 encoding of uc to b. */
struct buf;
void text_put(struct buf *b, uint32_t uc);

/* Decode one code point at s (at most n bytes); returns its length (>= 1).
 * Invalid bytes decode as U+FFFD. Inline for ASCII: it runs per byte. */
int text_next_slow(const char *s, size_t n, uint32_t *uc);

/* Whether the code point uc that text_next() gave for the len bytes at s
 * stands for bytes that are not UTF-8, not for a real U+FFFD. */
int text_invalid(const char *s, int len, uint32_t uc);

/*
 * The two- and three-byte UTF-8 forms that need no check beyond their
 * continuation bytes (C2-DF, E1-EC, EE-EF leads: all of Vietnamese):
 * their length, or 0 for anything else, which the caller hands on.
 */
static inline int
text_utf8_short(const unsigned char *p, size_t n, uint32_t *uc)
{
	if (n >= 2 && p[0] >= 0xC2 && p[0] <= 0xDF && (p[1] & 0xC0) == 0x80) {
		*uc = (uint32_t)(p[0] & 0x1F) << 6 | (p[1] & 0x3F);
		return 2;
	}
	if (n >= 3 && p[0] >= 0xE1 && p[0] <= 0xEF && p[0] != 0xED &&
	    (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
		*uc = (uint32_t)(p[0] & 0x0F) << 12 | (uint32_t)(p[1] & 0x3F) << 6 | (p[2] & 0x3F);
		return 3;
	}
	return 0;
}

static inline int
text_next(const char *s, size_t n, uint32_t *uc)
{
	const unsigned char *p = (const unsigned char *)s;
	int len;

	if (n > 0 && p[0] < 0x80) {
		*uc = p[0];
		return 1;
	}
	if ((len = text_utf8_short(p, n, uc)) > 0)
		return len;
	return text_next_slow(s, n, uc);
}

/*
 * Character classes on code points (Unicode, not the locale). Below
 * TEXT_TABLE_SIZE they are table lookups (the table is built by
 * text_init(), or on first use); above, libunistring calls.
 */
#define TEXT_TABLE_SIZE 0x2000
enum {
	TEXT_LETTER = 1, TEXT_UPPER = 2, TEXT_LOWER = 4, TEXT_ALNUM = 8, TEXT_MARK = 16
};
extern uint8_t text_class_table[TEXT_TABLE_SIZE];
extern int text_table_ready;
void text_init(void);
int text_has_class_slow(uint32_t uc, uint8_t c);

static inline int
text_has_class(uint32_t uc, uint8_t c)
{
	if (uc < TEXT_TABLE_SIZE && text_table_ready)
		return (text_class_table[uc] & c) != 0;
	return text_has_class_slow(uc, c);
}

static inline int text_is_letter(uint32_t uc) { return text_has_class(uc, TEXT_LETTER); }
static inline int text_is_upper(uint32_t uc) { return text_has_class(uc, TEXT_UPPER); }
static inline int text_is_lower(uint32_t uc) { return text_has_class(uc, TEXT_LOWER); }
static inline int text_is_alnum(uint32_t uc) { return text_has_class(uc, TEXT_ALNUM); }

extern uint16_t text_lower_table[TEXT_TABLE_SIZE];
uint32_t text_tolower_slow(uint32_t uc);

static inline uint32_t
text_tolower(uint32_t uc)
{
	if (uc < TEXT_TABLE_SIZE && text_table_ready)
		return text_lower_table[uc];
	return text_tolower_slow(uc);
}

/* A copy of s with every code point lowered (simple case mapping, so
 * lengths in code points are kept). */
char *text_lower(const char *s);

/* The same for the first max bytes of s at most (cut before a code point
 * that would not fit): a line's start, without lowering all of it. */
char *text_lower_n(const char *s, size_t max);

/* Number of words (runs of letters and digits) in s. */
size_t text_words(const char *s);

/* Is the locale's character set UTF-8 (checked once)? */
int text_utf8_locale(void);

/* Columns s takes on a terminal: wcwidth() under a UTF-8 locale, else
 * libunistring's tables. Controls count as one column (they are shown as a
 * visible replacement, never sent). */
size_t text_width(const char *s);

/* The same for the n bytes at s. */
size_t text_width_n(const char *s, size_t n);

/* Are the n bytes at s spaces only (true when n is 0)? */
int text_only_spaces(const char *s, size_t n);

/* One line of a wrapped paragraph: bytes [start, start + len) of it. */
struct text_line {
	size_t start, len;
	size_t cols;		/* its width in columns */
};

/*
 * Wrap the paragraph s (one line of text) at width columns: lines break
 * where Unicode line breaking allows (libunistring), a word longer than a
 * line is cut between graphemes, never inside one; the spaces at a break
 * are dropped. A wide character alone on a line may exceed a width of 1.
 * Returns the number of lines (at least 1, an empty one for "") and sets
 * *lines to them (the caller frees).
 */
size_t text_wrap(const char *s, size_t width, struct text_line **lines);

/*
 * A copy of s that is safe to send to a terminal: controls, bidi overrides
 * and isolates are replaced by U+FFFD. Articles are cleaned at import, but
 * a database may come from elsewhere.
 */
char *text_sanitize(const char *s);

/* text_sanitize of n bytes at s appended to b, and text_ascii of that
 * when ascii is set; no copy made on the way. */
void text_sanitize_into(struct buf *b, const char *s, size_t n, int ascii);

/*
 * The grapheme after the one at s (before end), or before s (after
 * start), as libunistring's u8_grapheme_next and _prev, with emoji joined
 * by U+200D one cluster (UAX #29 GB11: 👨‍👩‍👧‍👦 is one). NULL as they.
 */
const uint8_t *text_grapheme_next(const uint8_t *s, const uint8_t *end);
const uint8_t *text_grapheme_prev(const uint8_t *s, const uint8_t *start);

/* Must uc never reach a terminal as it is? Controls (C0, DEL, C1), bidi
 * overrides, isolates and marks. */
int text_is_unsafe(uint32_t uc);

/* The same, line breaks kept: a note of several lines. */
char *text_sanitize_lines(const char *s);

/*
 * A file name (any bytes) as text that names it exactly, new: s itself
 * when it is valid UTF-8 that text_sanitize() leaves as it is and does
 * not begin with $'; else a shell word $'...' (bash, zsh, ksh, POSIX.1-2024)
 * in which each byte of what text_sanitize() would replace, invalid
 * UTF-8 included, is \ooo (three octal digits), and \ and ' are \\ and
 * \'. Either way, safe to show on a terminal.
 */
char *text_shell_quote(const char *s);

/*
 * s in ASCII, for a terminal whose locale is not UTF-8: letters without
 * their marks (đ -> d), quotes and dashes as ASCII ones, anything else
 * '?'. Readable Vietnamese, one column a character.
 */
char *text_ascii(const char *s);

/*
 * Cut s to at most max_cols columns at a word boundary, adding "…" when
 * something was cut. A single word longer than the limit is cut at a
 * character boundary.
 */
char *text_truncate(const char *s, size_t max_cols);

/*
 * A snippet (matches between \x01 and \x02) to be shown in cols columns:
 * when its first match would start past the first third of them, the
 * words before it are dropped, from the start and at a space, for "…",
 * so that it does. New string.
 */
char *text_snippet_lead(const char *s, size_t cols);

/* Text for one line (a title, an author) from metadata: as text_decode()
 * cleans a page (NFC, no controls, spaces as spaces), line breaks and
 * tabs as spaces, squeezed. New; NULL when s is NULL or nothing is left. */
char *text_one_line(const char *s);

/* Trim ASCII spaces and tabs at both ends and collapse inner runs to one
 * space, in place. Returns s. */
char *text_squeeze(char *s);

#endif
