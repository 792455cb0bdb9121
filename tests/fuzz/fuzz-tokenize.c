/*
 * fuzz-tokenize.c: any bytes through the word splitter, with the
 * invariants the index relies on: words in order, inside the text, forms
 * no longer than TOK_MAX.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "../../src/text.h"
#include "../../src/tokenize.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct walk {
	size_t n, last_end;
};

static int
check_word(const struct tok_word *w, void *ctx)
{
	struct walk *k = ctx;

	if (w->start > w->end || w->end > k->n || w->start < k->last_end ||
	    w->nfolded > TOK_MAX + 4 || w->nexact > TOK_MAX + 4)
		abort();
	k->last_end = w->end;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct walk k = { size, 0 };

	text_init();
	tok_split((const char *)data, size, check_word, &k);
	return 0;
}
