/* test_plan.c: the plan model (lib/plan.c): reading YAML and CSV plans,
 * states as of a date, staleness, what an action lacks, impact checks
 * against the data, drafts and the rendered outputs (lib/planout.c). */
#include "se.h"
#include "unit.h"

#include <math.h>
#include <stdlib.h>

static long
day(const char *s)
{
	long d = -1;

	se_ymd_parse(s, strlen(s), &d);
	return d;
}

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

static void
assess(se_plan *p, const char *as_of, const se_store *data)
{
	se_assess a = { day(as_of), 42, data };
	se_plan_assess(p, &a);
}

/* One action due 'due' with status 'status'. */
static se_state
state_of(const char *status, const char *due, const char *as_of)
{
	se_action a;

	memset(&a, 0, sizeof a);
	a.status = (se_status)se_status_parse(status, strlen(status));
	a.has_due = true;
	a.due = day(due);
	return se_action_state(&a, day(as_of));
}

TEST(an_action_due_yesterday_is_overdue)
{
	CHECK_INT_EQ(state_of("in-progress", "2019-06-29", "2019-06-30"),
	    SE_STATE_OVERDUE);
	CHECK_INT_EQ(state_of("at-risk", "2019-06-29", "2019-06-30"),
	    SE_STATE_OVERDUE);
	CHECK_INT_EQ(state_of("not-started", "2019-06-29", "2019-06-30"),
	    SE_STATE_OVERDUE);
}

TEST(an_action_due_today_is_not_overdue)
{
	CHECK_INT_EQ(state_of("in-progress", "2019-06-30", "2019-06-30"),
	    SE_STATE_ON_TRACK);
	CHECK_INT_EQ(state_of("not-started", "2019-06-30", "2019-06-30"),
	    SE_STATE_AT_RISK);
}

TEST(not_started_and_due_within_28_days_is_at_risk)
{
	CHECK_INT_EQ(state_of("not-started", "2019-07-28", "2019-06-30"),
	    SE_STATE_AT_RISK);
	CHECK_INT_EQ(state_of("not-started", "2019-07-29", "2019-06-30"),
	    SE_STATE_ON_TRACK);
	CHECK_INT_EQ(state_of("in-progress", "2019-07-28", "2019-06-30"),
	    SE_STATE_ON_TRACK);
}

TEST(marked_at_risk_is_at_risk_until_overdue)
{
	CHECK_INT_EQ(state_of("at risk", "2020-03-31", "2019-06-30"),
	    SE_STATE_AT_RISK);
	CHECK_INT_EQ(state_of("Delayed", "2020-03-31", "2019-06-30"),
	    SE_STATE_AT_RISK);
}

TEST(complete_and_dropped_are_never_overdue)
{
	CHECK_INT_EQ(state_of("Done", "2019-01-01", "2019-06-30"),
	    SE_STATE_COMPLETE);
	CHECK_INT_EQ(state_of("Cancelled", "2019-01-01", "2019-06-30"),
	    SE_STATE_DROPPED);
}

TEST(statuses_are_read_with_their_aliases_in_any_case)
{
	CHECK_INT_EQ(se_status_parse("Completed", 9), SE_STATUS_COMPLETE);
	CHECK_INT_EQ(se_status_parse("DONE", 4), SE_STATUS_COMPLETE);
	CHECK_INT_EQ(se_status_parse("Not Started", 11),
	    SE_STATUS_NOT_STARTED);
	CHECK_INT_EQ(se_status_parse("in_progress", 11),
	    SE_STATUS_IN_PROGRESS);
	CHECK_INT_EQ(se_status_parse("Withdrawn", 9), SE_STATUS_DROPPED);
	CHECK_INT_EQ(se_status_parse("nearly there", 12), -1);
	CHECK_INT_EQ(se_status_parse("", 0), -1);
}

TEST(state_names_are_read_for_the_status_filter)
{
	CHECK_INT_EQ(se_state_parse("overdue"), SE_STATE_OVERDUE);
	CHECK_INT_EQ(se_state_parse("at-risk"), SE_STATE_AT_RISK);
	CHECK_INT_EQ(se_state_parse("On track"), SE_STATE_ON_TRACK);
	CHECK_INT_EQ(se_state_parse("in-progress"), -1);
}

TEST(the_example_plan_is_read_with_positions_and_states)
{
	se_diag *d = se_diag_new();
	se_plan *p = se_plan_new();
	const se_action *a;

	CHECK_INT_EQ(se_plan_load(p, "examples/anyshire/2018-19/plan.yaml",
	    d), 0);
	CHECK_INT_EQ(se_diag_len(d), 0);
	CHECK_INT_EQ(se_plan_len(p), 13);
	assess(p, "2019-06-30", NULL);
	a = se_plan_get(p, 2);
	CHECK_STR_EQ(a->id, "AP-03");
	CHECK_STR_EQ(a->authority, "Anyshire");
	CHECK_INT_EQ(a->pos.line, 44);
	CHECK_INT_EQ(a->state, SE_STATE_OVERDUE);
	CHECK_INT_EQ(a->days_overdue, 30);
	CHECK_INT_EQ(a->nnotes, 2);
	CHECK_STR_EQ(a->indicator, "CSC-003");
	CHECK_DBL_EQ(a->baseline, 73.9, 1e-12);
	CHECK_STR_EQ(a->baseline_period, "2018-19");
	CHECK_INT_EQ(se_plan_get(p, 7)->state, SE_STATE_DROPPED);
	CHECK_STR_EQ(se_plan_get(p, 7)->due_text, "Q3 2019-20");
	CHECK_INT_EQ(se_plan_get(p, 7)->due, day("2019-12-31"));
	CHECK_STR_EQ(se_plan_get(p, 1)->evidence,
	    "evidence/early-help-strategy-2018.md; review.yaml");
	CHECK_INT_EQ(se_plan_nauthorities(p), 1);
	se_plan_free(p);
	se_diag_free(d);
}

TEST(the_example_csv_reads_as_the_yaml_plan_does)
{
	se_diag *d = se_diag_new();
	se_plan *y = se_plan_new(), *c = se_plan_new();
	size_t i;

	CHECK_INT_EQ(se_plan_load(y, "examples/anyshire/2018-19/plan.yaml",
	    d), 0);
	CHECK_INT_EQ(se_plan_load(c, "examples/anyshire/2018-19/plan.csv",
	    d), 0);
	CHECK_INT_EQ(se_diag_len(d), 0);
	CHECK_INT_EQ(se_plan_len(c), 13);
	assess(y, "2019-06-30", NULL);
	assess(c, "2019-06-30", NULL);
	for (i = 0; i < 13 && i < se_plan_len(c); i++) {
		CHECK_STR_EQ(se_plan_get(c, i)->id, se_plan_get(y, i)->id);
		CHECK_INT_EQ(se_plan_get(c, i)->status,
		    se_plan_get(y, i)->status);
		CHECK_INT_EQ(se_plan_get(c, i)->nnotes,
		    se_plan_get(y, i)->nnotes);
	}
	/* AP-02's measure is in its Impact cell: "Measure: CSC-002 from
	 * 26.3% (2018-19) to 22.6% by March 2020." */
	CHECK_STR_EQ(se_plan_get(c, 1)->indicator, "CSC-002");
	CHECK_DBL_EQ(se_plan_get(c, 1)->baseline, 26.3, 1e-12);
	CHECK_DBL_EQ(se_plan_get(c, 1)->target, 22.6, 1e-12);
	CHECK_STR_EQ(se_plan_get(c, 1)->baseline_period, "2018-19");
	CHECK_INT_EQ(se_plan_get(c, 1)->by, day("2020-03-31"));
	/* "May 2019" and "end of October 2019" */
	CHECK_INT_EQ(se_plan_get(c, 2)->due, day("2019-05-31"));
	CHECK_INT_EQ(se_plan_get(c, 3)->due, day("2019-10-31"));
	CHECK_INT_EQ(se_plan_get(c, 2)->notes[1].pos.line, 7);
	CHECK_INT_EQ(se_plan_get(c, 2)->notes[1].day, day("2019-06-28"));
	se_plan_free(y);
	se_plan_free(c);
	se_diag_free(d);
}

TEST(a_plan_edited_in_excel_is_read_with_bom_crlf_and_windows_1252)
{
	se_diag *d = se_diag_new();
	se_plan *p = se_plan_new();
	const se_action *a;

	CHECK_INT_EQ(se_plan_load(p, "test/fixtures/plan/excel.csv", d), 0);
	CHECK_INT_EQ(se_plan_len(p), 3);
	CHECK_INT_EQ(se_diag_count(d, SE_ERROR), 0);
	CHECK_INT_EQ(se_diag_count(d, SE_WARNING), 1); /* the encoding */
	a = se_plan_get(p, 0);
	CHECK_STR_EQ(a->id, "X-01");
	CHECK_STR_EQ(a->priority, "1. Caf\xc3\xa9 and youth clubs");
	CHECK_STR_EQ(a->action,
	    "Open the youth caf\xc3\xa9 \xe2\x80\x93 three evenings a week");
	CHECK_STR_EQ(a->owner, "Lee Smith, Head of Youth Services");
	CHECK_INT_EQ(a->due, day("2019-03-31"));
	CHECK_INT_EQ(a->status, SE_STATUS_COMPLETE);
	CHECK_INT_EQ(a->nnotes, 2);
	CHECK_STR_EQ(a->notes[0].text, "Opened");
	CHECK_STR_EQ(a->notes[1].text, "Three evenings running");
	a = se_plan_get(p, 1);
	CHECK_STR_EQ(a->action, "Recruit 10 carers, incl. \xe2\x80\x9c"
	    "teenagers\xe2\x80\x9d");
	CHECK_INT_EQ(a->due, day("2019-06-30"));
	CHECK_INT_EQ(a->status, SE_STATUS_IN_PROGRESS);
	CHECK_STR_EQ(a->indicator, "CSC-011");
	CHECK_DBL_EQ(a->target, 72.0, 1e-12);
	a = se_plan_get(p, 2);
	CHECK_INT_EQ(a->due, day("2019-09-30"));
	CHECK_STR_EQ(a->owner, "");
	se_plan_free(p);
	se_diag_free(d);
}

TEST(unreadable_dates_statuses_and_notes_are_reported_with_positions)
{
	se_diag *d = se_diag_new();
	se_plan *p = se_plan_new();
	const se_diag_item *it;

	CHECK_INT_EQ(se_plan_load(p, "test/fixtures/plan/bad.yaml", d), 0);
	CHECK_INT_EQ(se_plan_len(p), 2);
	se_diag_sort(d);
	CHECK_INT_EQ(se_diag_len(d), 5);
	it = se_diag_get(d, 0);
	CHECK_STR_EQ(it->rule, "bad-date");
	CHECK_INT_EQ(it->line, 9);
	CHECK_INT_EQ(it->col, 10);
	it = se_diag_get(d, 1);
	CHECK_STR_EQ(it->rule, "bad-status");
	CHECK_STR_EQ(it->message, "status 'nearly there' is not one of "
	    "not-started, in-progress, at-risk, complete, dropped");
	CHECK_INT_EQ(it->line, 11);
	CHECK_STR_EQ(se_diag_get(d, 2)->rule, "bad-date");
	CHECK_INT_EQ(se_diag_get(d, 2)->line, 16);
	CHECK_STR_EQ(se_diag_get(d, 3)->rule, "bad-progress");
	CHECK_INT_EQ(se_diag_get(d, 3)->severity, SE_WARNING);
	CHECK_INT_EQ(se_diag_get(d, 3)->line, 20);
	CHECK_STR_EQ(se_diag_get(d, 4)->rule, "bad-date");
	CHECK_INT_EQ(se_diag_get(d, 4)->line, 21);
	CHECK(!se_plan_get(p, 0)->has_due);
	CHECK_INT_EQ(se_plan_get(p, 0)->status, SE_STATUS_NONE);
	se_plan_free(p);
	se_diag_free(d);
}

TEST(a_csv_that_is_not_a_plan_is_refused)
{
	se_diag *d = se_diag_new();
	se_plan *p = se_plan_new();

	CHECK_INT_EQ(se_plan_load(p, "test/fixtures/plan/not-a-plan.csv", d),
	    -1);
	CHECK_INT_EQ(se_diag_len(d), 1);
	CHECK_STR_EQ(se_diag_get(d, 0)->rule, "csv-header");
	CHECK_INT_EQ(se_plan_add_csv(p, "empty.csv", "", 0, d), -1);
	CHECK_INT_EQ(se_plan_len(p), 0);
	se_plan_free(p);
	se_diag_free(d);
}

TEST(a_document_of_another_kind_is_not_a_plan)
{
	se_diag *d = se_diag_new();
	se_plan *p = se_plan_new();

	CHECK_INT_EQ(se_plan_load(p, "examples/anyshire/2018-19/review.yaml",
	    d), -1);
	CHECK_STR_EQ(se_diag_get(d, 0)->rule, "not-a-plan");
	se_plan_free(p);
	se_diag_free(d);
}

static const char stale_plan[] =
    "kind: plan\nauthority: A\nactions:\n"
    "  - {priority: P, action: Noted recently, owner: O, due: 2020-01-01,"
    " impact: I, status: in-progress, progress: [{date: 2019-05-19, note: n}]}\n"
    "  - {priority: P, action: Noted long ago, owner: O, due: 2020-01-01,"
    " impact: I, status: in-progress, progress: [{date: 2019-05-18, note: n}]}\n"
    "  - {priority: P, action: Never noted, owner: O, due: 2020-01-01,"
    " impact: I, status: at-risk}\n"
    "  - {priority: P, action: Not started, owner: O, due: 2020-01-01,"
    " impact: I, status: not-started}\n"
    "  - {priority: P, action: Lacks all, status: in-progress,"
    " progress: ['2019-06-01: n']}\n"
    "  - {priority: P, action: Done, status: complete}\n";

TEST(an_action_with_no_note_for_over_42_days_is_stale)
{
	se_diag *d = se_diag_new();
	se_plan *p = plan_yaml(stale_plan, d);

	assess(p, "2019-06-30", NULL);
	CHECK(!se_plan_get(p, 0)->stale);  /* 42 days */
	CHECK(se_plan_get(p, 1)->stale);   /* 43 days */
	CHECK_INT_EQ(se_plan_get(p, 1)->last_note, day("2019-05-18"));
	CHECK(se_plan_get(p, 2)->stale);
	CHECK(!se_plan_get(p, 3)->stale);
	CHECK(!se_plan_get(p, 5)->stale);
	se_plan_free(p);
	se_diag_free(d);
}

TEST(an_action_without_owner_date_or_impact_is_incomplete)
{
	se_diag *d = se_diag_new(), *chk = se_diag_new();
	se_plan *p = plan_yaml(stale_plan, d);

	assess(p, "2019-06-30", NULL);
	CHECK_INT_EQ(se_plan_get(p, 0)->lacks, 0);
	CHECK_INT_EQ(se_plan_get(p, 4)->lacks,
	    SE_LACKS_OWNER | SE_LACKS_DUE | SE_LACKS_IMPACT);
	CHECK_INT_EQ(se_plan_get(p, 5)->lacks, 0);
	CHECK_INT_EQ(se_plan_check(p, chk), 1);
	CHECK_STR_EQ(se_diag_get(chk, 0)->rule, "incomplete");
	CHECK_STR_EQ(se_diag_get(chk, 0)->message, "action 'Lacks all' has "
	    "no accountable officer, no timescale, no impact");
	CHECK_INT_EQ(se_diag_get(chk, 0)->line, 8);
	se_plan_free(p);
	se_diag_free(d);
	se_diag_free(chk);
}

TEST(check_reports_each_overdue_action_with_its_days)
{
	se_diag *d = se_diag_new();
	se_plan *p = se_plan_new();

	se_plan_load(p, "examples/anyshire/2018-19/plan.yaml", d);
	assess(p, "2019-06-30", NULL);
	CHECK_INT_EQ(se_plan_check(p, d), 1);
	CHECK_STR_EQ(se_diag_get(d, 0)->message, "action 'AP-03' is overdue: "
	    "due 2019-05-31, 30 days ago");
	CHECK_INT_EQ(se_diag_get(d, 0)->line, 44);
	se_plan_free(p);
	se_diag_free(d);
}

TEST(several_authorities_plans_merge_into_one)
{
	se_diag *d = se_diag_new();
	se_plan *p = se_plan_new();

	CHECK_INT_EQ(se_plan_load(p, "test/fixtures/plan/any-dale.yaml", d),
	    0);
	CHECK_INT_EQ(se_plan_load(p, "test/fixtures/plan/any-vale.csv", d), 0);
	CHECK_INT_EQ(se_diag_len(d), 0);
	CHECK_INT_EQ(se_plan_len(p), 4);
	CHECK_INT_EQ(se_plan_nauthorities(p), 2);
	CHECK_STR_EQ(se_plan_authority(p, 0), "Any Dale");
	CHECK_STR_EQ(se_plan_authority(p, 1), "Any Vale");
	CHECK_STR_EQ(se_plan_get(p, 2)->authority, "Any Vale");
	CHECK_STR_EQ(se_plan_get(p, 2)->regional_priority,
	    "Reducing resources and increasing need");
	se_plan_free(p);
	se_diag_free(d);
}

/* ---- impact against hand-made data ------------------------------------ */

static void
row(se_store *s, const char *period, double v)
{
	se_row r;

	memset(&r, 0, sizeof r);
	r.authority = "A";
	r.indicator = "IND-1";
	r.period_text = period;
	se_period_parse(period, strlen(period), &r.period);
	r.has_value = true;
	r.value = v;
	r.pos.file = r.row_pos.file = "x.csv";
	r.pos.line = r.row_pos.line = 2;
	se_store_row(s, &r);
}

static se_store *
store_of(se_diag *d, double v1920, double v2021)
{
	se_store *s = se_store_new(NULL, d);

	row(s, "2018-19", 20);
	if (!isnan(v1920))
		row(s, "2019-20", v1920);
	if (!isnan(v2021))
		row(s, "2020-21", v2021);
	se_store_finish(s);
	return s;
}

/* Baseline 20 at 2018-19 (ends 2019-03-31), target 30 by 2021-03-31
 * (731 days on).  At 2019-20 (ends 2020-03-31, 366 days on) the line
 * stands at 20 + 10 * 366 / 731 = 25.0068. */
static se_impact
impact(const char *measure, double v1920, double v2021, const char *as_of,
    const char **reason)
{
	se_diag *d = se_diag_new();
	char yaml[512];
	se_plan *p;
	se_store *s = store_of(d, v1920, v2021);
	se_impact r;

	snprintf(yaml, sizeof yaml, "kind: plan\nauthority: A\nactions:\n"
	    "  - {priority: P, action: X, owner: O, due: 2021-03-31, %s}\n",
	    measure);
	p = plan_yaml(yaml, d);
	r = se_action_impact(p, se_plan_get(p, 0), s, day(as_of), reason);
	if (reason != NULL) {
		static char keep[256];
		snprintf(keep, sizeof keep, "%s", *reason);
		*reason = keep;
	}
	se_plan_free(p);
	se_store_free(s);
	se_diag_free(d);
	return r;
}

#define LINE "measure: {indicator: IND-1, baseline: 20, " \
	"baseline_period: 2018-19, target: 30, by: 2021-03-31}"

TEST(impact_above_the_line_is_on_trajectory)
{
	const char *why;

	CHECK_INT_EQ(impact(LINE, 25.1, NAN, "2020-06-30", &why),
	    SE_IMPACT_ON_TRAJECTORY);
	CHECK_STR_EQ(why, "25.1 (2019-20) against 25.0 on the line from 20.0 "
	    "(2018-19) to 30.0 by 2021-03-31");
}

TEST(impact_below_the_line_is_off_trajectory)
{
	CHECK_INT_EQ(impact(LINE, 25.0, NAN, "2020-06-30", NULL),
	    SE_IMPACT_OFF_TRAJECTORY);
}

TEST(impact_reaching_the_target_after_the_date_is_met)
{
	const char *why;

	CHECK_INT_EQ(impact(LINE, 25, 30, "2021-04-01", &why), SE_IMPACT_MET);
	CHECK_STR_EQ(why, "30.0 (2020-21) against target 30.0 by 2021-03-31");
}

TEST(impact_short_of_the_target_after_the_date_is_missed)
{
	CHECK_INT_EQ(impact(LINE, 25, 29.9, "2021-04-01", NULL),
	    SE_IMPACT_MISSED);
	/* on the day itself the date has not passed */
	CHECK_INT_EQ(impact(LINE, 25, 29.9, "2021-03-31", NULL),
	    SE_IMPACT_OFF_TRAJECTORY);
}

TEST(impact_lower_is_better_when_the_target_is_below_the_baseline)
{
	CHECK_INT_EQ(impact("measure: {indicator: IND-1, baseline: 20, "
	    "baseline_period: 2018-19, target: 10, by: 2021-03-31}", 14, NAN,
	    "2020-06-30", NULL), SE_IMPACT_ON_TRAJECTORY);
	CHECK_INT_EQ(impact("measure: {indicator: IND-1, baseline: 20, "
	    "baseline_period: 2018-19, target: 10, by: 2021-03-31}", 16, NAN,
	    "2020-06-30", NULL), SE_IMPACT_OFF_TRAJECTORY);
}

TEST(impact_without_a_baseline_before_the_date_is_not_yet)
{
	CHECK_INT_EQ(impact("measure: {indicator: IND-1, target: 30, by: "
	    "2021-03-31}", 25, NAN, "2020-06-30", NULL),
	    SE_IMPACT_NOT_MEASURABLE);  /* polarity none: no way to tell */
	CHECK_INT_EQ(impact(LINE, NAN, NAN, "2020-06-30", NULL),
	    SE_IMPACT_NOT_YET);          /* no value since the baseline */
}

TEST(impact_that_names_nothing_measurable_is_not_measurable)
{
	const char *why;

	CHECK_INT_EQ(impact("impact: Families feel listened to.", 25, NAN,
	    "2020-06-30", &why), SE_IMPACT_NOT_MEASURABLE);
	CHECK_STR_EQ(why, "no indicator, target and date to check");
	CHECK_INT_EQ(impact("measure: {indicator: NOPE-9, baseline: 1, "
	    "target: 2, by: 2021-03-31}", 25, NAN, "2020-06-30", &why),
	    SE_IMPACT_NOT_MEASURABLE);
	CHECK_STR_EQ(why, "'NOPE-9' is not in the data");
}

TEST(impact_with_a_catalogue_polarity_and_no_baseline_is_not_yet)
{
	se_diag *d = se_diag_new();
	se_catalogue *cat = se_catalogue_load("examples/data/indicators.yaml",
	    d);
	se_store *s = se_store_new(cat, d);
	se_plan *p = plan_yaml("kind: plan\nauthority: Anyshire\nactions:\n"
	    "  - {priority: P, action: X, owner: O, due: 2021-03-31, "
	    "measure: {indicator: CSC-002, target: 20, by: 2021-03-31}}\n", d);

	se_store_read(s, "examples/data/extract-long.csv");
	se_store_finish(s);
	CHECK_INT_EQ(se_action_impact(p, se_plan_get(p, 0), s,
	    day("2020-06-30"), NULL), SE_IMPACT_NOT_YET);
	se_plan_free(p);
	se_store_free(s);
	se_catalogue_free(cat);
	se_diag_free(d);
}

/* ---- drafts ----------------------------------------------------------- */

TEST(a_draft_takes_the_improvement_priorities_with_their_lines)
{
	se_diag *d = se_diag_new();
	se_plan *p = se_plan_new();
	se_doc *doc = se_doc_load(
	    "examples/anyshire/2018-19/childrens-social-care.md", d);

	CHECK_INT_EQ(se_plan_draft(p, doc, d), 0);
	CHECK_INT_EQ(se_plan_len(p), 3);
	CHECK_STR_EQ(se_plan_get(p, 0)->action, "Right help at the right time: "
	    "step-down to early help for every family closed at assessment "
	    "with needs remaining; fewer repeat child protection plans.");
	CHECK_INT_EQ(se_plan_get(p, 0)->pos.line, 147);
	CHECK_STR_EQ(se_plan_get(p, 0)->owner, "");
	CHECK(!se_plan_get(p, 0)->has_due);
	CHECK_STR_EQ(se_plan_get(p, 0)->theme, "childrens-social-care");
	se_doc_free(doc);
	se_plan_free(p);
	se_diag_free(d);
}

TEST(a_draft_takes_a_reviews_agreed_actions)
{
	se_diag *d = se_diag_new();
	se_plan *p = se_plan_new();
	se_doc *doc = se_doc_load("examples/anyshire/2018-19/review.yaml", d);

	CHECK_INT_EQ(se_plan_draft(p, doc, d), 0);
	CHECK(se_plan_len(p) >= 3);
	CHECK_STR_EQ(se_plan_get(p, 0)->action, "Offer early help to every "
	    "family closed at assessment where needs remain, and follow up at "
	    "three months.");
	CHECK_STR_EQ(se_plan_get(p, 0)->priority, "Peer challenge: H1");
	CHECK_STR_EQ(se_plan_get(p, 0)->theme, "front door");
	CHECK_INT_EQ(se_plan_get(p, 0)->pos.line, 262);
	se_doc_free(doc);
	se_plan_free(p);
	se_diag_free(d);
}

TEST(a_draft_from_another_kind_is_refused)
{
	se_diag *d = se_diag_new();
	se_plan *p = se_plan_new();
	se_doc *doc = se_doc_load("examples/anyshire/2018-19/plan.yaml", d);

	CHECK_INT_EQ(se_plan_draft(p, doc, d), -1);
	CHECK_STR_EQ(se_diag_get(d, 0)->rule, "not-draftable");
	se_doc_free(doc);
	se_plan_free(p);
	se_diag_free(d);
}

/* ---- CSV output ------------------------------------------------------- */

static char *
render(se_plan *p, se_planout_format fmt, size_t *len)
{
	se_planout_opts o;
	char *buf = NULL;
	FILE *f = open_memstream(&buf, len);

	memset(&o, 0, sizeof o);
	o.format = fmt;
	o.as_of = day("2019-06-30");
	o.stale_days = 42;
	o.state = o.status = -1;
	CHECK_INT_EQ(se_planout_render(p, &o, f), 0);
	fclose(f);
	return buf;
}

TEST(csv_output_neutralises_formulas_and_keeps_numbers)
{
	se_diag *d = se_diag_new();
	se_plan *p = se_plan_new();
	size_t len;
	char *out;

	CHECK_INT_EQ(se_plan_load(p, "test/fixtures/plan/injection.csv", d),
	    0);
	assess(p, "2019-06-30", NULL);
	out = render(p, SE_PLANOUT_CSV, &len);
	CHECK(strstr(out, "\r\n'=1+1,,\"'=HYPERLINK(\"\"http://x.example\"\","
	    "\"\"click\"\")\",,'+SUM(A1:A2),'@cmd,2019-12-31,,-2.5,") != NULL);
	CHECK(strstr(out, "\r\n-1,,Negative,,'-cmd|' /C calc'!A0,'=owner,"
	    "2019-12-31,,+3,") != NULL);
	/* white space around a cell is not kept, so no cell starts with a
	 * tab or a carriage return */
	CHECK(strstr(out, "\r\nT-1,,Tabs,,starts with a tab,Me,"
	    "2019-12-31,,cr,") != NULL);
	free(out);
	se_plan_free(p);
	se_diag_free(d);
}

TEST(a_plan_read_back_from_its_csv_output_is_the_same)
{
	se_diag *d = se_diag_new();
	se_plan *p = se_plan_new(), *q = se_plan_new();
	size_t len, len2, i;
	char *out, *again;

	se_plan_load(p, "examples/anyshire/2018-19/plan.yaml", d);
	se_plan_load(p, "test/fixtures/plan/injection.csv", d);
	assess(p, "2019-06-30", NULL);
	out = render(p, SE_PLANOUT_CSV, &len);
	CHECK_INT_EQ(se_plan_add_csv(q, "out.csv", out, len, d), 0);
	CHECK_INT_EQ(se_diag_count(d, SE_ERROR), 0);
	CHECK_INT_EQ(se_plan_len(q), se_plan_len(p));
	assess(q, "2019-06-30", NULL);
	again = render(q, SE_PLANOUT_CSV, &len2);
	CHECK_STR_EQ(again, out);
	for (i = 0; i < se_plan_len(q) && i < se_plan_len(p); i++)
		CHECK_STR_EQ(se_plan_get(q, i)->action,
		    se_plan_get(p, i)->action);
	free(out);
	free(again);
	se_plan_free(p);
	se_plan_free(q);
	se_diag_free(d);
}

TEST(a_plan_read_back_from_its_yaml_output_is_the_same)
{
	se_diag *d = se_diag_new();
	se_plan *p = se_plan_new(), *q;
	size_t len, len2;
	char *out, *again;

	se_plan_load(p, "test/fixtures/plan/excel.csv", d);
	assess(p, "2019-06-30", NULL);
	out = render(p, SE_PLANOUT_YAML, &len);
	q = plan_yaml(out, d);
	CHECK_INT_EQ(se_diag_count(d, SE_ERROR), 0);
	assess(q, "2019-06-30", NULL);
	again = render(q, SE_PLANOUT_YAML, &len2);
	CHECK_STR_EQ(again, out);
	free(out);
	free(again);
	se_plan_free(p);
	se_plan_free(q);
	se_diag_free(d);
}

int
main(void)
{
	RUN(an_action_due_yesterday_is_overdue);
	RUN(an_action_due_today_is_not_overdue);
	RUN(not_started_and_due_within_28_days_is_at_risk);
	RUN(marked_at_risk_is_at_risk_until_overdue);
	RUN(complete_and_dropped_are_never_overdue);
	RUN(statuses_are_read_with_their_aliases_in_any_case);
	RUN(state_names_are_read_for_the_status_filter);
	RUN(the_example_plan_is_read_with_positions_and_states);
	RUN(the_example_csv_reads_as_the_yaml_plan_does);
	RUN(a_plan_edited_in_excel_is_read_with_bom_crlf_and_windows_1252);
	RUN(unreadable_dates_statuses_and_notes_are_reported_with_positions);
	RUN(a_csv_that_is_not_a_plan_is_refused);
	RUN(a_document_of_another_kind_is_not_a_plan);
	RUN(an_action_with_no_note_for_over_42_days_is_stale);
	RUN(an_action_without_owner_date_or_impact_is_incomplete);
	RUN(check_reports_each_overdue_action_with_its_days);
	RUN(several_authorities_plans_merge_into_one);
	RUN(impact_above_the_line_is_on_trajectory);
	RUN(impact_below_the_line_is_off_trajectory);
	RUN(impact_reaching_the_target_after_the_date_is_met);
	RUN(impact_short_of_the_target_after_the_date_is_missed);
	RUN(impact_lower_is_better_when_the_target_is_below_the_baseline);
	RUN(impact_without_a_baseline_before_the_date_is_not_yet);
	RUN(impact_that_names_nothing_measurable_is_not_measurable);
	RUN(impact_with_a_catalogue_polarity_and_no_baseline_is_not_yet);
	RUN(a_draft_takes_the_improvement_priorities_with_their_lines);
	RUN(a_draft_takes_a_reviews_agreed_actions);
	RUN(a_draft_from_another_kind_is_refused);
	RUN(csv_output_neutralises_formulas_and_keeps_numbers);
	RUN(a_plan_read_back_from_its_csv_output_is_the_same);
	RUN(a_plan_read_back_from_its_yaml_output_is_the_same);
	return DONE();
}
