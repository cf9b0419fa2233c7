/* plandiff.c: what changed between two versions of a plan, for the
 * monthly monitoring of a Post Inspection Action Plan: new, completed,
 * slipped and dropped actions, changed owners and dates, and actions
 * that started or became at risk or overdue (each plan's states as it
 * was assessed). */
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
		"dropped", "owner changed", "started", "newly at risk",
		"newly overdue", "date changed" };
	return names[k];
}

/* Names and texts compared by their words, as every name is (name.c). */
static bool
same_words(const char *a, const char *b)
{
	return se_name_match(a, strlen(a), b, strlen(b), SE_NAME_WORDS);
}

/* Whether two actions are the same action: by id when both have one,
 * else by action text within the same priority (folded). */
static bool
same(const se_action *a, const se_action *b)
{
	if (a->id[0] != '\0' && b->id[0] != '\0')
		return se_strcasecmp(a->id, b->id) == 0 &&
		    se_strcasecmp(a->authority, b->authority) == 0;
	return same_words(a->priority, b->priority) &&
	    same_words(a->action, b->action) &&
	    strcmp(a->authority, b->authority) == 0;
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
	return !same_words(old->owner, now->owner);
}

/* A timescale changed otherwise than to a later date (slipped): earlier,
 * or a date given, taken away or no longer (or now) readable. */
static bool
date_changed(const se_action *old, const se_action *now)
{
	if (old->has_due && now->has_due)
		return now->due < old->due;
	return strcmp(old->due_text, now->due_text) != 0;
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
		case SE_CHANGE_STARTED:
			hit = o && (o->status == SE_STATUS_NONE ||
			    o->status == SE_STATUS_NOT_STARTED) &&
			    (a->status == SE_STATUS_IN_PROGRESS ||
			    a->status == SE_STATUS_AT_RISK);
			break;
		case SE_CHANGE_AT_RISK:
			hit = o && a->state == SE_STATE_AT_RISK &&
			    o->state != SE_STATE_AT_RISK;
			break;
		case SE_CHANGE_OVERDUE:
			hit = o && a->state == SE_STATE_OVERDUE &&
			    o->state != SE_STATE_OVERDUE;
			break;
		case SE_CHANGE_DATE:
			hit = o && date_changed(o, a);
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
		SE_CHANGE_OWNER, SE_CHANGE_STARTED, SE_CHANGE_AT_RISK,
		SE_CHANGE_OVERDUE, SE_CHANGE_DATE };
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
