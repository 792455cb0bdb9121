/*
 * rank.h: luot_rank(), bm25 that weighs common words without counting
 * every document that holds them (rank.c says how).
 */
#ifndef LUOT_RANK_H
#define LUOT_RANK_H

struct fts5_api;

/* Register luot_rank() and luot_band_rank() with FTS5; an SQLite result
 * code. */
int rank_register(struct fts5_api *api);

#endif
