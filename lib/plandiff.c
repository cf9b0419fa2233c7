/* plandiff.c: what changed between two versions of a plan, for the
 * monthly monitoring report: new, completed, slipped and dropped
 * actions and changed owners, matched as se-plan(1) Changes says. */
#include "internal.h"
#include "plan_internal.h"

#include <stdlib.h>
#include <string.h>

struct se_plandiff {
	se_change *c;
	size_t n, cap;
	bool failed;
};

const char *
se_change_name(se_change_kind k)
{
	static const char *const names[] = { "new", "completed", "slipped",
		"dropped", "owner changed" };
	return names[k];
}

/* Whether two actions are the same action: by id when both have one,
 * else by action text within the same priority (folded). */
static bool
same(const se_action *a, const se_action *b)
{
	char *x, *y;
	bool eq;

	if (a->id[0] != '\0' && b->id[0] != '\0')
		return se_strcasecmp(a->id, b->id) == 0 &&
		    se_strcasecmp(a->authority, b->authority) == 0;
	x = se_plan_fold(a->priority);
	y = se_plan_fold(b->priority);
	eq = x && y && strcmp(x, y) == 0;
	free(x);
	free(y);
	if (!eq)
		return false;
	x = se_plan_fold(a->action);
	y = se_plan_fold(b->action);
	eq = x && y && strcmp(x, y) == 0;
	free(x);
	free(y);
	return eq && strcmp(a->authority, b->authority) == 0;
}

static void
add(se_plandiff *d, se_change_kind k, const se_action *old,
    const se_action *now)
{
	if (d->n == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 16;
		se_change *n = realloc(d->c, cap * sizeof *n);
		if (n == NULL) {
			d->failed = true;
			return;
		}
		d->c = n;
		d->cap = cap;
	}
	d->c[d->n].kind = k;
	d->c[d->n].old = old;
	d->c[d->n].now = now;
	d->n++;
}

static const se_action *
find(const se_plan *p, const se_action *a)
{
	size_t i;

	for (i = 0; i < se_plan_len(p); i++)
		if (same(se_plan_get(p, i), a))
			return se_plan_get(p, i);
	return NULL;
}

static bool
owner_changed(const se_action *old, const se_action *now)
{
	char *x = se_plan_fold(old->owner), *y = se_plan_fold(now->owner);
	bool changed = x && y && strcmp(x, y) != 0;

	free(x);
	free(y);
	return changed;
}

/* One kind of change over the new plan (and, for dropped, the old). */
static void
scan(se_plandiff *d, se_change_kind k, const se_plan *old,
    const se_plan *now)
{
	size_t i;

	for (i = 0; i < se_plan_len(now); i++) {
		const se_action *a = se_plan_get(now, i);
		const se_action *o = find(old, a);
		bool hit = false;

		switch (k) {
		case SE_CHANGE_NEW:
			hit = o == NULL;
			break;
		case SE_CHANGE_COMPLETED:
			hit = o && a->status == SE_STATUS_COMPLETE &&
			    o->status != SE_STATUS_COMPLETE;
			break;
		case SE_CHANGE_SLIPPED:
			hit = o && o->has_due && a->has_due && a->due > o->due;
			break;
		case SE_CHANGE_DROPPED:
			hit = o && a->status == SE_STATUS_DROPPED &&
			    o->status != SE_STATUS_DROPPED;
			break;
		case SE_CHANGE_OWNER:
			hit = o && owner_changed(o, a);
			break;
		}
		if (hit)
			add(d, k, o, a);
	}
	if (k != SE_CHANGE_DROPPED)
		return;
	for (i = 0; i < se_plan_len(old); i++)
		if (find(now, se_plan_get(old, i)) == NULL)
			add(d, k, se_plan_get(old, i), NULL);
}

se_plandiff *
se_plan_diff(const se_plan *old, const se_plan *now)
{
	se_plandiff *d = calloc(1, sizeof *d);
	static const se_change_kind order[] = { SE_CHANGE_COMPLETED,
		SE_CHANGE_SLIPPED, SE_CHANGE_NEW, SE_CHANGE_DROPPED,
		SE_CHANGE_OWNER };
	size_t i;

	if (d == NULL)
		return NULL;
	for (i = 0; i < sizeof order / sizeof order[0]; i++)
		scan(d, order[i], old, now);
	if (d->failed) {
		se_plandiff_free(d);
		return NULL;
	}
	return d;
}

void
se_plandiff_free(se_plandiff *d)
{
	if (d == NULL)
		return;
	free(d->c);
	free(d);
}

size_t
se_plandiff_len(const se_plandiff *d)
{
	return d->n;
}

const se_change *
se_plandiff_at(const se_plandiff *d, size_t i)
{
	return &d->c[i];
}
