/*
 * fuzz-record.c: one JSON record in, as the importer reads a line of a
 * JSON Lines dump: parsed, its fields found, its text cleaned into an
 * article (record_article). Any crash, leak or undefined behaviour is a
 * bug; so is an article that is not valid UTF-8 or keeps a URL that
 * url_clean() would refuse.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/article.h"
#include "../../src/boiler.h"
#include "../../src/record.h"
#include "../../src/text.h"
#include "../../src/url.h"
#include "../../src/util.h"

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct boiler *patterns = fuzz_patterns();
	static const struct extract_limits lim = { 2000, 1 << 20 };
	enum extract_cut_kind cut;
	struct article a;
	char *json = xmalloc(size + 1), *why = NULL;

	memcpy(json, data, size);
	json[size] = '\0';
	article_init(&a);
	if (record_article(patterns, NULL, json, &lim, &a, &cut, &why) == 0) {
		char *again;

		if (a.url != NULL) {
			again = url_clean(a.url);
			if (again == NULL || strcmp(again, a.url) != 0)
				abort();
			free(again);
		}
	}
	free(why);
	article_free(&a);
	free(json);
	return 0;
}
