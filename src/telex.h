/*
 * telex.h: reading text typed in Telex or VNI without a Vietnamese
 * keyboard ("daan vaajn", "da6n va65n") as Vietnamese ("dân vận"), for
 * "did you mean" suggestions. Never used to rewrite a query silently:
 * "bus" reads as "bú".
 */
#ifndef LUOT_TELEX_H
#define LUOT_TELEX_H

/* The Vietnamese reading of text, or NULL when no word of it looks like
 * Telex or VNI. Words that do not stay as they are. Caller frees. */
char *telex_to_vietnamese(const char *text);

/*
 * Each way of writing a syllable folded as tokenize.h folds it (lowercase
 * ASCII letters: "van") with Vietnamese vowel marks, đ and a tone: "van",
 * "vân", "văn", "vấn", "vạn"... (NFC), for "did you mean" to try the ones
 * the index holds. fn gets each and stops the walk by returning non-zero,
 * which is returned; 0 after the last. A word with too many (past 1,000)
 * or that cannot be a syllable gets none.
 */
int telex_spellings(const char *folded, int (*fn)(const char *spelling, void *ctx),
    void *ctx);

#endif
