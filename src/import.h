/*
 * import.h: files and folders into the store.
 *
 * Paths are made absolute and walked first (folders recursively, names
 * sorted, dot files skipped inside folders) so progress can show
 * done/total. Each file is read, checked (empty, binary, too large, not an
 * article page: skipped with a one-line reason on stderr), decoded,
 * extracted and added; a page longer than the limits of an article
 * (extract.h) is cut, with a note in the article and on stderr. A file that cannot be read, or that the store
 * refuses, is named with the reason and counted as failed; the import goes
 * on. Articles are committed in batches: a kill at any moment leaves whole
 * articles only, and importing again adds what is missing (duplicates are
 * skipped by content hash).
 */
#ifndef LUOT_IMPORT_H
#define LUOT_IMPORT_H

#include <stddef.h>

#include "progress.h"

#include "boiler.h"
#include "extract.h"
#include "record.h"
#include "store.h"

/* Default size limit for one file, in bytes. */
#define IMPORT_MAX_BYTES (16u << 20)

struct import_opts {
	size_t max_bytes;	/* larger files are skipped */
	struct extract_limits limits;	/* longer pages are cut */
	const char *source;	/* source for articles that name none, or NULL */
	const struct record_map *map;	/* field names of JSON records (record.h), or NULL */
	enum progress_mode progress;	/* on stderr: a bar, lines, or nothing */
	int batch;		/* articles per transaction */
	int verbose;		/* name each duplicate and the article it repeats */
	int follow;		/* follow links that lead out of the paths given */
	int no_stories;		/* no signatures, no grouping (luot regroup later) */
};

struct import_totals {
	size_t files;		/* files found */
	size_t imported;
	size_t duplicates;
	size_t skipped;
	size_t failed;		/* could not be read or stored */
	size_t unopened;	/* folders that could not be opened (skipped) */
	size_t invalid;		/* invalid sequences replaced by U+FFFD */
	double seconds;
};

void import_opts_init(struct import_opts *o);

/*
 * The text of the page at path as the import reads it: at most max
 * bytes, decoded (text_decode, with *ts; a web page by its charset,
 * html_decode), and an article page by name and by content (sniff.h). NULL otherwise, with the reason in *why (caller
 * frees) and *failed set when it is an error (the file cannot be read)
 * rather than the file's kind.
 */
struct text_stats;
char *import_read_page(const char *path, size_t max, struct text_stats *ts, char **why,
    int *failed);

/*
 * An article from the text of its page as import_read_page() gives it
 * (or as an article keeps it: a record's JSON, a page's HTML, plain
 * text), each kind by its own reader: record.h, html.h, extract.h. text
 * may be cut in place (lim). 0, or -1 with the reason in *why (caller
 * frees).
 */
int import_extract(const struct boiler *bp, char *text, const struct extract_limits *lim,
    struct article *a, enum extract_cut_kind *cut, char **why);

/*
 * Merge the search index into one segment (store_tidy), saying so on
 * stderr and with a bar on a terminal unless mode is PROGRESS_NONE.
 * Returns 0, or -1 with the store's error recorded. import_paths() calls
 * it when store_tidy_wanted().
 */
int import_tidy(struct store *s, enum progress_mode mode);

/*
 * Import paths into s with the patterns of bp. Fills *t. Returns 0 (some
 * files may have failed: t->failed), or -1 when the store failed (message
 * already printed); batches committed before the failure stay.
 */
int import_paths(struct store *s, const struct boiler *bp, char *const *paths,
    int npaths, const struct import_opts *o, struct import_totals *t);

#endif
