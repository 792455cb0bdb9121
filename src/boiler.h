/*
 * boiler.h: boilerplate patterns, the junk that scraped pages carry.
 *
 * Patterns come from data files, one a line: "KIND PATTERN". Lines starting
 * with '#' are comments. Matching ignores case (Unicode simple case mapping),
 * leading bullets and a trailing colon. In a pattern '*' matches any text
 * and '#' a number ("12.191").
 *
 *   drop   the whole line matches: the line is junk
 *   label  the whole line matches: the line is junk in the body (the label
 *          of a video or a related link: "Video: ...", "Clip: ..."), but
 *          may be the headline, which the extractor decides
 *   cut    the whole line matches: it opens a trailing block (related news,
 *          "Tin mới"); it and everything after it are junk
 *   strip  literal junk glued to the start or end of a line ("In tin bàiLưu
 *          tin bài"); removed only where nothing but the junk is, or where
 *          it is run together with no space, so prose that happens to
 *          contain the words survives
 */
#ifndef LUOT_BOILER_H
#define LUOT_BOILER_H

enum boiler_kind {
	BOILER_NONE = 0,
	BOILER_DROP,
	BOILER_CUT,
	BOILER_STRIP,
	BOILER_LABEL,
};

struct boiler;

struct boiler *boiler_new(void);
void boiler_free(struct boiler *b);

/* Add one pattern (copied). */
void boiler_add(struct boiler *b, enum boiler_kind kind, const char *pattern);

/*
 * Add the patterns of a file. Returns the number added, or -1 with a
 * one-line message in *err (caller frees) naming the file and line.
 */
int boiler_load(struct boiler *b, const char *path, char **err);

/* The patterns in use: the installed file, the user's (its config
 * folder's boilerplate), the one the configuration names, then extra
 * (may be NULL). NULL with the reason in *err (new) when one is bad. */
struct boiler *boiler_in_use(const char *extra, char **err);

/* BOILER_DROP, BOILER_LABEL, BOILER_CUT or BOILER_NONE for a squeezed
 * line. */
enum boiler_kind boiler_match(const struct boiler *b, const char *line);

/*
 * Remove strip patterns glued to the start or end of line, in place.
 * Returns the number of removals.
 */
int boiler_strip(const struct boiler *b, char *line);

/* Case-insensitive glob match of a whole line (exposed for tests). */
int boiler_glob(const char *pattern, const char *line);

#endif
