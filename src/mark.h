/*
 * mark.h: the words a search sought, found again in text to mark them
 * (the reader's article, the search pane's titles) and to step through
 * them. Words match as the index matches them (tokenize.h): folded when
 * typed without diacritics ("dan van" marks "dân vận"), exact when typed
 * with them; "dân*" is a prefix. No curses, no database.
 */
#ifndef LUOT_MARK_H
#define LUOT_MARK_H

#include <stddef.h>

#include "tokenize.h"

struct strlist;

/* Zeroed is empty. */
struct mark_words {
	struct tok_word *v;	/* every word sought, in the order typed */
	int *prefix;		/* per word: the last of "dân*" */
	size_t *item;		/* per word: the string it came from */
	size_t n;
};

/* Split words (query.h's marks: words, "phrases", prefixes*) as the
 * index splits them, into m (emptied first). */
void mark_words_set(struct mark_words *m, const struct strlist *words);
void mark_words_free(struct mark_words *m);

/* Is w one of m's words? */
int mark_words_has(const struct mark_words *m, const struct tok_word *w);

/* n bytes of s, with each of m's words found in it between \x01 and
 * \x02 (words apart by spaces alone in one mark), as pane.h's
 * ui_put_marked draws. New string. */
char *mark_text(const struct mark_words *m, const char *s, size_t n);

/*
 * Call fn for each place in n bytes of s where the words of m from word
 * `from` up to `to` (exclusive) stand one after the other, in order and
 * apart by spaces alone: the bytes [start, end) of the run. A non-zero return of fn stops the
 * search and is returned; else 0.
 */
typedef int (*mark_found_fn)(size_t start, size_t end, void *ctx);
int mark_find(const struct mark_words *m, size_t from, size_t to, const char *s, size_t n,
    mark_found_fn fn, void *ctx);

#endif
