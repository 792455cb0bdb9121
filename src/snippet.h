/*
 * snippet.h: luot_snippet(), the FTS5 function that cuts a hit's snippet
 * (snippet.c says how it differs from FTS5's snippet()).
 */
#ifndef LUOT_SNIPPET_H
#define LUOT_SNIPPET_H

struct fts5_api;

/* Register luot_snippet() with FTS5; an SQLite result code. */
int snippet_register(struct fts5_api *api);

#endif
