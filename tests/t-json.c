/*
 * t-json.c: JSON strings stay valid for any input.
 */
#include "config.h"

#include <stdlib.h>

#include "../src/json.h"
#include "tap.h"

static void
check(const char *in, const char *want, const char *name)
{
	struct buf b;

	buf_init(&b);
	json_str(&b, in);
	is_str(b.data, want, name);
	buf_free(&b);
}

int
main(void)
{
	struct buf b;

	check("Dân vận", "\"Dân vận\"", "UTF-8 kept as is");
	check("a\"b\\c", "\"a\\\"b\\\\c\"", "quote and backslash");
	check("a\nb\tc\r", "\"a\\nb\\tc\\r\"", "newline, tab, CR");
	check("\x1b[31m\x01", "\"\\u001b[31m\\u0001\"", "controls as \\u");
	check("x\xe2\x80\xa8y", "\"x\\u2028y\"", "line separator escaped");
	check("\x7f\xc2\x9b" "2J\xc2\x90", "\"\\u007f\\u009b2J\\u0090\"", "DEL and C1 (U+009B CSI) as \\u");
	check("\xe2\x80\xae" "abc\xe2\x81\xa6" "x\xe2\x81\xa9", "\"\\u202eabc\\u2066x\\u2069\"",
	    "bidi overrides and isolates as \\u");
	check("bad\xff", "\"bad\\udcff\"", "a byte not UTF-8 as its lone surrogate (surrogateescape)");
	check("b\xe0i\xed\xa0\x80.txt", "\"b\\udce0i\\udced\\udca0\\udc80.txt\"",
	    "each byte of a bad sequence, an encoded surrogate too");
	check("x\xef\xbf\xbdy", "\"x\xef\xbf\xbdy\"", "a real U+FFFD kept");
	check(NULL, "null", "NULL is null");
	buf_init(&b);
	json_lines(&b, "một\nhai\n");
	is_str(b.data, "[\"một\",\"hai\"]", "lines to array");
	buf_reset(&b);
	json_lines(&b, "");
	is_str(b.data, "[]", "empty array");
	buf_free(&b);
	return done();
}
