/*
 * fuzz-extract.c: file bytes in, as the importer reads them: decoded to
 * clean NFC (text_decode), then cut into an article with the installed
 * boilerplate patterns. Any crash, leak or undefined behaviour is a bug.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "../../src/article.h"
#include "../../src/boiler.h"
#include "../../src/extract.h"
#include "../../src/text.h"

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct boiler *patterns = fuzz_patterns();
	struct text_stats st;
	struct article a;
	size_t n;
	char *text;

	text = text_decode((const char *)data, size, &n, &st);
	if (text == NULL)
		return 0;
	article_init(&a);
	extract_article(patterns, text, &a);
	article_free(&a);
	free(text);
	return 0;
}
