/*
 * reextract.h: articles extracted again from the pages they were
 * imported from, with the extractor of this build.
 *
 * Each article keeps its page (article.h's original; for articles
 * imported before luot kept it, the file at its path is read instead).
 * The articles are read again in id order, a batch a transaction; an
 * article whose text, title, author, source or dates come out otherwise
 * is updated with its index, and keeps its reading state, bookmark, note
 * and tags. One that cannot be (its page is gone, it is now another
 * article's text) is named on stderr and left as it was.
 */
#ifndef LUOT_REEXTRACT_H
#define LUOT_REEXTRACT_H

#include <stddef.h>
#include <stdint.h>

#include "boiler.h"
#include "progress.h"
#include "store.h"

/* Articles a transaction rewrites. */
#define REEXTRACT_BATCH 1000

struct reextract_totals {
	size_t articles;	/* looked at */
	size_t changed;
	size_t unchanged;
	size_t failed;		/* left as they were, each named on stderr */
	double seconds;
};

/*
 * Extract again the articles ids[0..nids) (nids 0: every article) of s
 * with the patterns of bp, batch articles a transaction, progress shown
 * as mode says. Fills *t. Returns 0 (some may have failed: t->failed),
 * or -1 when the store failed (message printed); batches committed
 * before stay.
 */
int reextract_run(struct store *s, const struct boiler *bp, const int64_t *ids, size_t nids,
    int batch, enum progress_mode mode, struct reextract_totals *t);

#endif
