/* test_plandiff.c: what changed between two versions of a plan
 * (lib/plandiff.c, se-plan(1) Changes). */
#include "se.h"
#include "unit.h"

static se_plan *
plan_yaml(const char *yaml, se_diag *d)
{
	se_plan *p = se_plan_new();
	se_doc *doc = se_doc_parse("plan.yaml", -1, yaml, strlen(yaml), d);

	CHECK(doc != NULL);
	if (doc != NULL)
		CHECK_INT_EQ(se_plan_add_doc(p, doc, d), 0);
	se_doc_free(doc);
	return p;
}

/* "kind id" for change i. */
static const char *
change(const se_plandiff *df, size_t i)
{
	static char buf[128];
	const se_change *c;
	const se_action *a;

	if (i >= se_plandiff_len(df))
		return "(none)";
	c = se_plandiff_at(df, i);
	a = c->now ? c->now : c->old;
	snprintf(buf, sizeof buf, "%s %s", se_change_name(c->kind),
	    a->id[0] ? a->id : a->action);
	return buf;
}

TEST(the_examples_two_versions_differ_as_the_june_report_says)
{
	se_diag *d = se_diag_new();
	se_plan *old = se_plan_new(), *now = se_plan_new();
	se_plandiff *df;
	long sep30, dec31, oct31;

	se_plan_load(old, "examples/anyshire/2018-19/plan-2019-05.yaml", d);
	se_plan_load(now, "examples/anyshire/2018-19/plan.yaml", d);
	CHECK_INT_EQ(se_diag_len(d), 0);
	df = se_plan_diff(old, now);
	CHECK_INT_EQ(se_plandiff_len(df), 6);
	CHECK_STR_EQ(change(df, 0), "completed AP-09");
	CHECK_STR_EQ(change(df, 1), "slipped AP-06");
	CHECK_STR_EQ(change(df, 2), "slipped AP-10");
	CHECK_STR_EQ(change(df, 3), "new AP-11");
	CHECK_STR_EQ(change(df, 4), "new AP-12");
	CHECK_STR_EQ(change(df, 5), "dropped AP-08");
	se_ymd_parse("2019-09-30", 10, &sep30);
	se_ymd_parse("2019-12-31", 10, &dec31);
	se_ymd_parse("2019-10-31", 10, &oct31);
	CHECK_INT_EQ(se_plandiff_at(df, 1)->old->due, sep30);
	CHECK_INT_EQ(se_plandiff_at(df, 1)->now->due, dec31);
	CHECK_INT_EQ(se_plandiff_at(df, 2)->now->due, oct31);
	CHECK(se_plandiff_at(df, 3)->old == NULL);
	se_plandiff_free(df);
	se_plan_free(old);
	se_plan_free(now);
	se_diag_free(d);
}

TEST(a_plan_compared_with_itself_has_no_changes)
{
	se_diag *d = se_diag_new();
	se_plan *p = se_plan_new();
	se_plandiff *df;

	se_plan_load(p, "examples/anyshire/2018-19/plan.yaml", d);
	df = se_plan_diff(p, p);
	CHECK_INT_EQ(se_plandiff_len(df), 0);
	se_plandiff_free(df);
	se_plan_free(p);
	se_diag_free(d);
}

static const char old_plan[] =
    "kind: plan\nauthority: A\nactions:\n"
    "  - {priority: One, action: 'Audit re-referrals.', owner: Jo,"
    " due: 2019-05-31}\n"
    "  - {priority: One, action: Open a hub, owner: Sam, due: 2019-09-30}\n"
    "  - {priority: Two, action: Train staff, owner: Kim, due: 2019-09-30}\n"
    "  - {id: X-1, priority: Two, action: Old words, owner: Lee,"
    " due: 2019-09-30}\n";
static const char new_plan[] =
    "kind: plan\nauthority: A\nactions:\n"
    "  - {priority: ' one ', action: 'audit  RE-REFERRALS', owner: Jo,"
    " due: 2019-05-31, status: done}\n"
    "  - {priority: One, action: Open two hubs, owner: Sam, due: 2019-09-30}\n"
    "  - {priority: Three, action: Train staff, owner: Kim, due: 2019-09-30}\n"
    "  - {id: X-1, priority: Two, action: New words, owner: Lee Smith,"
    " due: 2019-08-31}\n";

TEST(without_ids_actions_match_by_text_within_their_priority)
{
	se_diag *d = se_diag_new();
	se_plan *old = plan_yaml(old_plan, d), *now = plan_yaml(new_plan, d);
	se_plandiff *df = se_plan_diff(old, now);

	/* case, spaces and punctuation ignored: the audit is the same
	 * action, now complete; a reworded action is dropped and new; so
	 * is an action moved to another priority */
	CHECK_INT_EQ(se_plandiff_len(df), 6);
	CHECK_STR_EQ(change(df, 0), "completed audit  RE-REFERRALS");
	CHECK_STR_EQ(change(df, 1), "new Open two hubs");
	CHECK_STR_EQ(change(df, 2), "new Train staff");
	CHECK_STR_EQ(change(df, 3), "dropped Open a hub");
	CHECK_STR_EQ(change(df, 4), "dropped Train staff");
	CHECK_STR_EQ(change(df, 5), "owner changed X-1");
	CHECK_STR_EQ(se_plandiff_at(df, 5)->old->owner, "Lee");
	CHECK_STR_EQ(se_plandiff_at(df, 5)->now->owner, "Lee Smith");
	se_plandiff_free(df);
	se_plan_free(old);
	se_plan_free(now);
	se_diag_free(d);
}

TEST(with_ids_a_reworded_action_is_the_same_and_an_earlier_date_is_no_slip)
{
	se_diag *d = se_diag_new();
	se_plan *old = plan_yaml(old_plan, d), *now = plan_yaml(new_plan, d);
	se_plandiff *df = se_plan_diff(old, now);
	size_t i;

	for (i = 0; i < se_plandiff_len(df); i++) {
		const se_change *c = se_plandiff_at(df, i);
		if (c->now && strcmp(c->now->id, "X-1") == 0)
			CHECK_INT_EQ(c->kind, SE_CHANGE_OWNER);
	}
	se_plandiff_free(df);
	se_plan_free(old);
	se_plan_free(now);
	se_diag_free(d);
}

TEST(an_action_marked_dropped_is_reported_dropped)
{
	se_diag *d = se_diag_new();
	se_plan *old = plan_yaml("kind: plan\nauthority: A\nactions:\n"
	    "  - {id: A1, priority: P, action: X, owner: O, due: 2019-05-31}\n",
	    d);
	se_plan *now = plan_yaml("kind: plan\nauthority: A\nactions:\n"
	    "  - {id: a1, priority: P, action: X, owner: O, due: 2019-06-30,"
	    " status: Cancelled}\n", d);
	se_plandiff *df = se_plan_diff(old, now);

	CHECK_INT_EQ(se_plandiff_len(df), 2);
	CHECK_STR_EQ(change(df, 0), "slipped a1");
	CHECK_STR_EQ(change(df, 1), "dropped a1");
	se_plandiff_free(df);
	se_plan_free(old);
	se_plan_free(now);
	se_diag_free(d);
}

int
main(void)
{
	RUN(the_examples_two_versions_differ_as_the_june_report_says);
	RUN(a_plan_compared_with_itself_has_no_changes);
	RUN(without_ids_actions_match_by_text_within_their_priority);
	RUN(with_ids_a_reworded_action_is_the_same_and_an_earlier_date_is_no_slip);
	RUN(an_action_marked_dropped_is_reported_dropped);
	return DONE();
}
