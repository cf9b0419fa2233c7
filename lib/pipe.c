/* pipe.c: jobs done on every core, their results taken in order.
 *
 * The calling thread fills slots with jobs, in order; helper threads (and
 * the calling thread, rather than wait) do the jobs' work, in any order;
 * the calling thread takes the results back in order.  So whatever the
 * results feed (a callback, an output file, diagnostics) sees them in the
 * same order, on the same thread, as if the work were done there, and the
 * output does not depend on how the threads ran.  Helpers start when a
 * second job is queued, so short inputs never start a thread.
 */
#include "internal.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define NONE SIZE_MAX
#define SLOTS_MAX 16
#define HELPERS_MAX 8

enum slot_state {
	FREE,
	OWN,     /* for 'done' alone: no work */
	QUEUED,  /* work to do */
	WORKING, /* a thread is doing it */
	WORKED
};

struct pipe {
	pthread_mutex_t mu;
	pthread_cond_t work; /* a job was queued, or quit */
	pthread_cond_t done; /* a job was worked */
	const se_pipe_ops *ops;
	void *ctx;
	void **slot;
	enum slot_state st[SLOTS_MAX];
	size_t nslots, head, count; /* the oldest job, how many in use */
	int alive; /* helpers with a state, working or waiting */
	bool quit;
};

/* A helper's state, on cache lines of its own. */
struct helper {
	_Alignas(128) struct pipe *p;
	pthread_t t;
};

/* The first queued job in order, or NONE.  Under the lock. */
static size_t
first_queued(const struct pipe *p)
{
	size_t i;

	for (i = 0; i < p->count; i++) {
		size_t k = (p->head + i) % p->nslots;
		if (p->st[k] == QUEUED)
			return k;
	}
	return NONE;
}

/* Do job k with 'state'; called and returns under the lock. */
static void
work_on(struct pipe *p, size_t k, void *state)
{
	p->st[k] = WORKING;
	pthread_mutex_unlock(&p->mu);
	p->ops->work(p->ctx, p->slot[k], state);
	pthread_mutex_lock(&p->mu);
	p->st[k] = WORKED;
	pthread_cond_broadcast(&p->done);
}

/* A helper makes its state itself, so that what it writes to lies in
 * memory of its own (glibc's malloc arena per thread), not in cache lines
 * it shares with another thread. */
static void *
helper_main(void *arg)
{
	struct helper *h = arg;
	struct pipe *p = h->p;
	void *state = p->ops->state_new(p->ctx);

	pthread_mutex_lock(&p->mu);
	if (!state) { /* the others, or the calling thread, do it */
		p->alive--;
		pthread_cond_broadcast(&p->done);
		pthread_mutex_unlock(&p->mu);
		return NULL;
	}
	while (!p->quit) {
		size_t k = first_queued(p);
		if (k != NONE)
			work_on(p, k, state);
		else
			pthread_cond_wait(&p->work, &p->mu);
	}
	pthread_mutex_unlock(&p->mu);
	p->ops->state_free(state);
	return NULL;
}

int
se_pipe_helpers(void)
{
	const char *env = getenv("SE_THREADS");
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	if (env && *env) {
		char *end;
		long t = strtol(env, &end, 10);
		if (*end == '\0' && t >= 1)
			n = t;
	}
	if (n < 2)
		return 0;
	return n - 1 > HELPERS_MAX ? HELPERS_MAX : (int)(n - 1);
}

int
se_pipe_run(const se_pipe_ops *ops, void *ctx, void **slot, size_t nslots,
    int helpers)
{
	struct pipe p;
	struct helper h[HELPERS_MAX];
	void *mine = NULL;
	int nh = 0, i, r = 0;
	bool end = false, tried = false;

	if (helpers < 0)
		helpers = se_pipe_helpers();
	if (helpers > HELPERS_MAX)
		helpers = HELPERS_MAX;
	if (nslots > SLOTS_MAX)
		nslots = SLOTS_MAX;
	memset(&p, 0, sizeof p);
	p.ops = ops;
	p.ctx = ctx;
	p.slot = slot;
	p.nslots = nslots;
	pthread_mutex_init(&p.mu, NULL);
	pthread_cond_init(&p.work, NULL);
	pthread_cond_init(&p.done, NULL);

	for (;;) {
		size_t k;

		/* queue jobs while there is room */
		while (p.count < p.nslots && !end) {
			bool work = true;
			k = (p.head + p.count) % p.nslots;
			r = ops->fill(ctx, slot[k], &work);
			if (r <= 0) {
				end = true;
				if (r < 0)
					goto out;
				r = 0;
				break;
			}
			r = 0;
			pthread_mutex_lock(&p.mu);
			p.st[k] = work ? QUEUED : OWN;
			p.count++;
			if (work)
				pthread_cond_signal(&p.work);
			pthread_mutex_unlock(&p.mu);
			if (nh < helpers && p.count > 1) {
				for (; nh < helpers; nh++) {
					h[nh].p = &p;
					pthread_mutex_lock(&p.mu);
					p.alive++;
					pthread_mutex_unlock(&p.mu);
					if (pthread_create(&h[nh].t, NULL,
					    helper_main, &h[nh]) != 0) {
						pthread_mutex_lock(&p.mu);
						p.alive--;
						pthread_mutex_unlock(&p.mu);
						break; /* fewer helpers, or none */
					}
				}
				helpers = nh;
			}
		}
		if (p.count == 0)
			break;
		k = p.head;
		pthread_mutex_lock(&p.mu);
		while (p.st[k] == QUEUED || p.st[k] == WORKING) {
			size_t q = first_queued(&p);
			if (q != NONE && !mine && !tried) {
				tried = true;
				mine = ops->state_new(ctx);
			}
			if (q != NONE && mine)
				work_on(&p, q, mine);
			else if (p.st[k] == QUEUED && p.alive == 0)
				break; /* no thread has a state to do it */
			else
				pthread_cond_wait(&p.done, &p.mu);
		}
		pthread_mutex_unlock(&p.mu);
		if (p.st[k] == QUEUED) {
			r = -1; /* out of memory */
			break;
		}
		r = ops->done(ctx, slot[k], p.st[k] == WORKED);
		pthread_mutex_lock(&p.mu);
		p.st[k] = FREE;
		p.head = (p.head + 1) % p.nslots;
		p.count--;
		pthread_mutex_unlock(&p.mu);
		if (r != 0)
			break;
	}
out:
	pthread_mutex_lock(&p.mu);
	p.quit = true;
	pthread_cond_broadcast(&p.work);
	pthread_mutex_unlock(&p.mu);
	for (i = 0; i < nh; i++)
		pthread_join(h[i].t, NULL);
	if (mine)
		ops->state_free(mine);
	pthread_cond_destroy(&p.work);
	pthread_cond_destroy(&p.done);
	pthread_mutex_destroy(&p.mu);
	return r;
}
