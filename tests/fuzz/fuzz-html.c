/*
 * fuzz-html.c: a web page's bytes in, as the importer reads a saved page:
 * decoded by its charset (html_decode), parsed and cut into an article
 * (html_article). Any crash, leak or undefined behaviour is a bug; so is
 * an article whose text holds a control character or a URL that
 * url_clean() would refuse.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/article.h"
#include "../../src/boiler.h"
#include "../../src/html.h"
#include "../../src/text.h"
#include "../../src/url.h"
#include "../../src/util.h"

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Does s hold a C0 control other than LF and TAB, or ESC's C1 kin? */
static int
has_control(const char *s)
{
	for (; s != NULL && *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c < 0x20 && c != '\n' && c != '\t')
			return 1;
		if (c == 0xC2 && (unsigned char)s[1] >= 0x80 && (unsigned char)s[1] < 0xA0)
			return 1;
	}
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct boiler *patterns = fuzz_patterns();
	static const struct extract_limits lim = { 2000, 1 << 20 };
	enum extract_cut_kind cut;
	struct article a;
	size_t bad;
	char *page, *why = NULL;

	page = html_decode((const char *)data, size, NULL, NULL, &bad);
	article_init(&a);
	if (html_article(patterns, page, NULL, &lim, &a, &cut, &why) == 0) {
		if (has_control(a.title) || has_control(a.author) || has_control(a.source))
			abort();
		for (size_t i = 0; i < a.paras.len; i++) {
			if (has_control(a.paras.items[i]))
				abort();
		}
		if (a.url != NULL) {
			char *again = url_clean(a.url);

			if (again == NULL || strcmp(again, a.url) != 0)
				abort();
			free(again);
		}
	}
	free(why);
	article_free(&a);
	free(page);
	return 0;
}
