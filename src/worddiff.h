/*
 * worddiff.h: the words of one text that another lacks, for the reader
 * to mark what a copy of a story changed (Myers's O(ND) difference over
 * words, as diff(1) takes it over lines). No curses, no database.
 */
#ifndef LUOT_WORDDIFF_H
#define LUOT_WORDDIFF_H

#include <stddef.h>

/* Bytes [start, end) of a word. */
struct worddiff_span {
	size_t start, end;
};

/* Edits past this many, the texts are not copies of one another: the
 * words of a that b does not hold anywhere are taken instead, which
 * costs no more than the texts' lengths. */
#define WORDDIFF_MAX_EDITS 2000

/*
 * The words of the n bytes at a (split at spaces, newlines and NULs)
 * that are not in the shortest edit from the m bytes at b to them: added
 * or changed in a. *out gets them in order (new array, or NULL); returns
 * how many.
 */
size_t worddiff(const char *a, size_t n, const char *b, size_t m, struct worddiff_span **out);

#endif
