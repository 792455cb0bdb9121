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

#endif
