/*
 * pool.c: see pool.h.
 */
#include "config.h"

#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

#include "pool.h"
#include "util.h"

/* A list of tasks, first in first out. */
struct list {
	void **v;
	size_t head, n, cap;
};

static void
push(struct list *l, void *task)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 16;
		void **v = xcalloc(cap, sizeof *v);

		for (size_t i = 0; i < l->n; i++)
			v[i] = l->v[(l->head + i) % l->cap];
		free(l->v);
		l->v = v;
		l->cap = cap;
		l->head = 0;
	}
	l->v[(l->head + l->n++) % l->cap] = task;
}

static void *
pop(struct list *l)
{
	void *task;

	if (l->n == 0)
		return NULL;
	task = l->v[l->head];
	l->head = (l->head + 1) % l->cap;
	l->n--;
	return task;
}

struct pool {
	pthread_mutex_t lock;
	pthread_cond_t more;
	struct list todo, done;
	size_t pending;
	int stop, nthreads;
	pthread_t *threads;
	void (*run)(void *task);
	void (*wake)(void *ctx);
	void *ctx;
};

static void *
worker(void *arg)
{
	struct pool *p = arg;

	pthread_mutex_lock(&p->lock);
	for (;;) {
		void *task;

		while (p->todo.n == 0 && !p->stop)
			pthread_cond_wait(&p->more, &p->lock);
		if ((task = pop(&p->todo)) == NULL)
			break;
		pthread_mutex_unlock(&p->lock);
		p->run(task);
		pthread_mutex_lock(&p->lock);
		push(&p->done, task);
		if (p->wake != NULL)
			p->wake(p->ctx);
	}
	pthread_mutex_unlock(&p->lock);
	return NULL;
}

struct pool *
pool_new(int threads, void (*run)(void *task), void (*wake)(void *ctx), void *ctx)
{
	struct pool *p = xcalloc(1, sizeof *p);

	pthread_mutex_init(&p->lock, NULL);
	pthread_cond_init(&p->more, NULL);
	p->run = run;
	p->wake = wake;
	p->ctx = ctx;
	p->threads = xcalloc((size_t)(threads < 1 ? 1 : threads), sizeof *p->threads);
	for (int i = 0; i < (threads < 1 ? 1 : threads); i++) {
		if (pthread_create(&p->threads[p->nthreads], NULL, worker, p) == 0)
			p->nthreads++;
	}
	if (p->nthreads == 0) {
		pool_free(p, NULL);
		return NULL;
	}
	return p;
}

void
pool_submit(struct pool *p, void *task)
{
	pthread_mutex_lock(&p->lock);
	push(&p->todo, task);
	p->pending++;
	pthread_cond_signal(&p->more);
	pthread_mutex_unlock(&p->lock);
}

void *
pool_take(struct pool *p)
{
	void *task;

	pthread_mutex_lock(&p->lock);
	if ((task = pop(&p->done)) != NULL)
		p->pending--;
	pthread_mutex_unlock(&p->lock);
	return task;
}

size_t
pool_finished(struct pool *p)
{
	size_t n;

	pthread_mutex_lock(&p->lock);
	n = p->done.n;
	pthread_mutex_unlock(&p->lock);
	return n;
}

size_t
pool_pending(const struct pool *p)
{
	/* Read by the thread that submits and takes: it alone changes it. */
	return p->pending;
}

void
pool_free(struct pool *p, void (*drop)(void *task))
{
	void *task;

	if (p == NULL)
		return;
	pthread_mutex_lock(&p->lock);
	p->stop = 1;
	pthread_cond_broadcast(&p->more);
	pthread_mutex_unlock(&p->lock);
	for (int i = 0; i < p->nthreads; i++)
		pthread_join(p->threads[i], NULL);
	while ((task = pop(&p->done)) != NULL || (task = pop(&p->todo)) != NULL) {
		if (drop != NULL)
			drop(task);
	}
	free(p->threads);
	free(p->todo.v);
	free(p->done.v);
	pthread_cond_destroy(&p->more);
	pthread_mutex_destroy(&p->lock);
	free(p);
}

int
pool_threads(int max)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > max ? max : (int)n;
}
