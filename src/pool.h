/*
 * pool.h: a few threads that run one function over the tasks handed to
 * them, for a loop that waits on something else (fetch's curl loop):
 * it submits tasks as they come, takes the finished ones back when it
 * may, and is woken (a callback of its choosing) when one is finished.
 * Tasks are the caller's; the pool only passes them along, in no order.
 */
#ifndef LUOT_POOL_H
#define LUOT_POOL_H

#include <stddef.h>

struct pool;

/* Threads run(task) for each task; after each, wake(ctx) (may be NULL).
 * threads < 1 is one. NULL when no thread could start. */
struct pool *pool_new(int threads, void (*run)(void *task), void (*wake)(void *ctx), void *ctx);

void pool_submit(struct pool *p, void *task);

/* A finished task, or NULL when none is yet (never waits). */
void *pool_take(struct pool *p);

/* Tasks finished and not taken back yet. */
size_t pool_finished(struct pool *p);

/* Tasks submitted and not taken back yet. */
size_t pool_pending(const struct pool *p);

/* The threads stopped once the tasks handed are run; those not taken
 * back go to drop (may be NULL). */
void pool_free(struct pool *p, void (*drop)(void *task));

/* Threads for CPU work on this machine: its processors, at most max. */
int pool_threads(int max);

#endif
