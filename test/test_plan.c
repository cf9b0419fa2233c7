/* test_plan.c: the plan model (lib/plan.c): reading YAML and CSV plans,
 * states as of a date, staleness, what an action lacks, impact checks
 * against the data, drafts and the rendered outputs (lib/planout.c). */
#include "se.h"
#include "unit.h"

#include <math.h>
#include <stdlib.h>

#include "plantest.h"

static long
day(const char *s)
{
	long d = -1;

	se_ymd_parse(s, strlen(s), &d);
	return d;
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
	CHECK_INT_EQ(state_of("at-risk", "2020-03-31", "2019-06-30"),
	    SE_STATE_AT_RISK);
}

TEST(complete_and_dropped_are_never_overdue)
{
	CHECK_INT_EQ(state_of("complete", "2019-01-01", "2019-06-30"),
	    SE_STATE_COMPLETE);
	CHECK_INT_EQ(state_of("dropped", "2019-01-01", "2019-06-30"),
	    SE_STATE_DROPPED);
}

TEST(statuses_are_read_with_their_aliases_in_any_case)
{
	se_diag *d = se_diag_new();
	se_plan *p = plan_yaml("kind: plan\nauthority: A\nactions:\n"
	    "  - {action: a, owner: o, due: 2020-03-31, status: Completed}\n"
	    "  - {action: b, owner: o, due: 2020-03-31, status: DONE}\n"
	    "  - {action: c, owner: o, due: 2020-03-31, status: Not Started}\n"
	    "  - {action: d, owner: o, due: 2020-03-31, status: in_progress}\n"
	    "  - {action: e, owner: o, due: 2020-03-31, status: Withdrawn}\n"
	    "  - {action: f, owner: o, due: 2020-03-31, status: Delayed}\n",
	    d);

	CHECK_INT_EQ(se_diag_len(d), 0);
	CHECK_INT_EQ(se_plan_get(p, 0)->status, SE_STATUS_COMPLETE);
	CHECK_INT_EQ(se_plan_get(p, 1)->status, SE_STATUS_COMPLETE);
	CHECK_INT_EQ(se_plan_get(p, 2)->status, SE_STATUS_NOT_STARTED);
	CHECK_INT_EQ(se_plan_get(p, 3)->status, SE_STATUS_IN_PROGRESS);
	CHECK_INT_EQ(se_plan_get(p, 4)->status, SE_STATUS_DROPPED);
	CHECK_INT_EQ(se_plan_get(p, 5)->status, SE_STATUS_AT_RISK);
	/* the public parser knows the five names only */
	CHECK_INT_EQ(se_status_parse("in_progress", 11),
	    SE_STATUS_IN_PROGRESS);
	CHECK_INT_EQ(se_status_parse("Done", 4), -1);
	CHECK_INT_EQ(se_status_parse("", 0), -1);
	se_plan_free(p);
	se_diag_free(d);
}

/* The states of the actions of a one-line-per-action YAML plan as of
 * 2019-06-30, as "state;state;...". */
static const char *
states(const char *actions)
{
	static char out[512];
	char yaml[2048];
	se_diag *d = se_diag_new();
	se_plan *p;
	size_t i;

	snprintf(yaml, sizeof yaml, "kind: plan\nauthority: A\nactions:\n%s",
	    actions);
	p = plan_yaml(yaml, d);
	assess(p, "2019-06-30", NULL);
	out[0] = '\0';
	for (i = 0; i < se_plan_len(p); i++) {
		char b[64];
		snprintf(b, sizeof b, "%s%s%s%s%s", i ? ";" : "",
		    se_state_name(se_plan_get(p, i)->state),
		    se_plan_get(p, i)->rag[0] ? " (" : "",
		    se_plan_get(p, i)->rag,
		    se_plan_get(p, i)->rag[0] ? ")" : "");
		strncat(out, b, sizeof out - strlen(out) - 1);
	}
	se_plan_free(p);
	se_diag_free(d);
	return out;
}

TEST(rag_words_are_statuses_and_shown_beside_the_state)
{
	CHECK_STR_EQ(states(
	    "  - {action: a, owner: o, due: 2020-03-31, status: Red}\n"
	    "  - {action: b, owner: o, due: 2020-03-31, status: Amber}\n"
	    "  - {action: c, owner: o, due: 2020-03-31, status: GREEN}\n"
	    "  - {action: d, owner: o, due: 2020-03-31, status: Blue}\n"
	    "  - {action: e, owner: o, due: 2019-01-31, status: Complete}\n"
	    "  - {action: f, owner: o, due: 2019-05-31, status: Red}\n"),
	    "at risk (red);on track (amber);on track (green);"
	    "complete (blue);complete;overdue (red)");
}

TEST(recurring_timescales_are_ongoing_and_never_overdue)
{
	CHECK_STR_EQ(states(
	    "  - {action: a, owner: o, due: Ongoing}\n"
	    "  - {action: b, owner: o, due: on-going, status: in progress}\n"
	    "  - {action: c, owner: o, due: Termly}\n"
	    "  - {action: d, owner: o, due: Monthly, status: Red}\n"
	    "  - {action: e, owner: o, due: QUARTERLY, status: complete}\n"),
	    "ongoing;ongoing;ongoing;at risk (red);complete");
}

TEST(unreadable_dates_and_statuses_are_unknown_never_on_track)
{
	se_diag *d = se_diag_new();

	/* precedence: complete, dropped, unknown, overdue, at risk, ongoing,
	 * on track */
	CHECK_STR_EQ(states(
	    "  - {action: a, owner: o, due: TBC}\n"
	    "  - {action: b, owner: o, due: ''}\n"
	    "  - {action: c, owner: o}\n"
	    "  - {action: d, owner: o, due: 2019-05-31, status: nearly}\n"
	    "  - {action: e, owner: o, due: 31/09/2019}\n"
	    "  - {action: f, owner: o, due: TBC, status: done}\n"
	    "  - {action: g, owner: o, due: Ongoing, status: whatever}\n"),
	    "unknown;unknown;unknown;unknown;unknown;complete;unknown");
	se_diag_free(d);
}

TEST(termly_and_quarter_timescales_are_dates)
{
	se_diag *d = se_diag_new();
	se_plan *p = plan_yaml("kind: plan\nauthority: A\nactions:\n"
	    "  - {action: a, owner: o, due: Summer term 2013}\n"
	    "  - {action: b, owner: o, due: Autumn term 2013}\n"
	    "  - {action: c, owner: o, due: spring term 2014}\n"
	    "  - {action: d, owner: o, due: Q4 2018/19}\n"
	    "  - {action: e, owner: o, due: Q2 2019-20}\n", d);

	CHECK_INT_EQ(se_diag_len(d), 0);
	CHECK_INT_EQ(se_plan_get(p, 0)->due, day("2013-08-31"));
	CHECK_INT_EQ(se_plan_get(p, 1)->due, day("2013-12-31"));
	CHECK_INT_EQ(se_plan_get(p, 2)->due, day("2014-03-31"));
	CHECK_INT_EQ(se_plan_get(p, 3)->due, day("2019-03-31"));
	CHECK_INT_EQ(se_plan_get(p, 4)->due, day("2019-09-30"));
	se_plan_free(p);
	se_diag_free(d);
}

TEST(an_empty_owner_is_the_same_error_in_yaml_and_csv)
{
	se_diag *d = se_diag_new(), *c = se_diag_new();
	se_plan *p = plan_yaml("kind: plan\nauthority: A\nactions:\n"
	    "  - {action: a, owner: '', due: 2020-03-31}\n"
	    "  - {action: b, due: 2020-03-31}\n", d);
	se_plan *q = plan_new();
	static const char csv[] = "Action,Lead Officer\r\na,\r\nb,  \r\n";

	CHECK_INT_EQ(se_plan_add_csv(q, "p.csv", csv, strlen(csv), c), 0);
	CHECK_INT_EQ(se_diag_len(d), 2);
	CHECK_INT_EQ(se_diag_len(c), 2);
	CHECK_STR_EQ(se_diag_get(d, 0)->rule, "required");
	CHECK_STR_EQ(se_diag_get(c, 0)->rule, "required");
	CHECK_STR_EQ(se_diag_get(d, 0)->message,
	    "'Accountable officer' is empty: every action needs it");
	CHECK_STR_EQ(se_diag_get(c, 0)->message,
	    "'Accountable officer' is empty: every action needs it "
	    "(row 2, column 'Lead Officer')");
	CHECK_INT_EQ(se_diag_get(d, 0)->line, 4);
	CHECK_INT_EQ(se_diag_get(d, 0)->col, 24);
	CHECK_INT_EQ(se_diag_get(d, 1)->line, 5);
	CHECK_INT_EQ(se_diag_get(c, 1)->line, 3);
	CHECK_INT_EQ(se_diag_get(c, 1)->col, 5);
	se_plan_free(p);
	se_plan_free(q);
	se_diag_free(d);
	se_diag_free(c);
}

TEST(csv_diagnostics_name_the_spreadsheet_row_and_heading)
{
	se_diag *d = se_diag_new();
	se_plan *p = plan_new();
	/* a multi-line cell in row 2 moves the file's lines ahead of the
	 * rows */
	static const char csv[] = "Ref,Action,Lead Officer,Timescale\r\n"
	    "1,\"Two\nlines\",Jo,March 2020\r\n"
	    "2,Another,Jo,31/09/2019\r\n";

	CHECK_INT_EQ(se_plan_add_csv(p, "plan.csv", csv, strlen(csv), d), 0);
	CHECK_INT_EQ(se_diag_len(d), 1);
	CHECK_INT_EQ(se_diag_get(d, 0)->line, 4);
	CHECK_INT_EQ(se_diag_get(d, 0)->col, 14);
	CHECK(strstr(se_diag_get(d, 0)->message,
	    "(row 3, column 'Timescale')") != NULL);
	CHECK(strstr(se_diag_get(d, 0)->message, "31/03/2019") != NULL);
	CHECK_INT_EQ(se_plan_get(p, 1)->row, 3);
	se_plan_free(p);
	se_diag_free(d);
}

TEST(blank_recommendation_and_priority_cells_carry_the_value_above)
{
	se_diag *d = se_diag_new();
	se_plan *p = plan_new();
	static const char csv[] = "Recommendation,Priority,Action,Owner\r\n"
	    "R1,Outcomes,a,Jo\r\n"
	    ",,b,Jo\r\n"
	    "R2,,c,Jo\r\n"
	    ",Challenge,d,Jo\r\n";

	CHECK_INT_EQ(se_plan_add_csv(p, "p.csv", csv, strlen(csv), d), 0);
	CHECK_STR_EQ(se_plan_get(p, 1)->recommendation, "R1");
	CHECK_STR_EQ(se_plan_get(p, 1)->priority, "Outcomes");
	CHECK_STR_EQ(se_plan_get(p, 2)->recommendation, "R2");
	CHECK_STR_EQ(se_plan_get(p, 2)->priority, "Outcomes");
	CHECK_STR_EQ(se_plan_get(p, 3)->recommendation, "R2");
	CHECK_STR_EQ(se_plan_get(p, 3)->priority, "Challenge");
	CHECK_INT_EQ(se_plan_nrecs(p), 2);
	se_plan_free(p);
	se_diag_free(d);
}

TEST(recommendations_are_met_not_met_or_in_progress)
{
	se_diag *d = se_diag_new();
	se_plan *p = plan_yaml("kind: plan\nauthority: A\n"
	    "recommendations:\n"
	    "  - id: R1\n    recommendation: Improve outcomes\n"
	    "    impact: Better.\n    way_forward: Keep going.\n"
	    "    actions:\n"
	    "      - {action: a, owner: o, due: 2019-03-31, status: complete}\n"
	    "      - {action: b, owner: o, due: 2019-03-31, status: done}\n"
	    "  - id: R2\n    actions:\n"
	    "      - {action: c, owner: o, due: 2019-03-31, status: complete}\n"
	    "      - {action: d, owner: o, due: 2019-05-31}\n"
	    "  - id: R3\n    actions:\n"
	    "      - {action: e, owner: o, due: 2019-03-31, status: complete}\n"
	    "      - {action: f, owner: o, due: 2019-12-31}\n"
	    "actions:\n"
	    "  - {action: g, owner: o, due: 2019-12-31, recommendation: R3}\n",
	    d);
	const se_recommendation *r;

	CHECK_INT_EQ(se_diag_len(d), 0);
	assess(p, "2019-06-30", NULL);
	CHECK_INT_EQ(se_plan_nrecs(p), 3);
	r = se_plan_rec(p, 0);
	CHECK_STR_EQ(r->id, "R1");
	CHECK_STR_EQ(r->impact, "Better.");
	CHECK_STR_EQ(r->way_forward, "Keep going.");
	CHECK_STR_EQ(se_rec_state_name(r->state), "met");
	r = se_plan_rec(p, 1);
	CHECK_STR_EQ(se_rec_state_name(r->state), "not met");
	r = se_plan_rec(p, 2);
	CHECK_STR_EQ(se_rec_state_name(r->state), "in progress");
	CHECK_INT_EQ(r->nactions, 3);
	CHECK_INT_EQ(r->ncomplete, 1);
	se_plan_free(p);
	se_diag_free(d);
}

static char *render(se_plan *p, se_planout_format fmt, size_t *len);
static char *slurp(const char *path);

TEST(yaml_keeps_the_keys_no_command_reads)
{
	se_diag *d = se_diag_new();
	se_plan *p = plan_yaml("kind: plan\nauthority: A\nactions:\n"
	    "  - {action: a, owner: o, due: 2020-03-31, directorate: People,"
	    " budget: {capital: 10}}\n", d);
	size_t len;
	char *out;

	assess(p, "2019-06-30", NULL);
	out = render(p, SE_PLANOUT_YAML, &len);
	CHECK(strstr(out, "    \"directorate\": \"People\"\n") != NULL);
	CHECK(strstr(out, "    \"budget\": {\"capital\": \"10\"}\n") != NULL);
	free(out);
	se_plan_free(p);
	se_diag_free(d);
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
	se_plan *p = plan_new();
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
	se_plan *y = plan_new(), *c = plan_new();
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
	se_plan *p = plan_new();
	const se_action *a;

	CHECK_INT_EQ(se_plan_load(p, "test/fixtures/plan/excel.csv", d), 0);
	CHECK_INT_EQ(se_plan_len(p), 3);
	/* X-03 has no owner */
	CHECK_INT_EQ(se_diag_count(d, SE_ERROR), 1);
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
	se_plan *p = plan_new();
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
	CHECK_STR_EQ(it->message, "cannot read status 'nearly there': "
	    "expected not-started, in-progress, at-risk, complete, dropped or "
	    "a RAG word (Red, Amber, Green, Blue)");
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
	se_plan *p = plan_new();

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
	se_plan *p = plan_new();

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
	/* the empty owner is the plan reader's error, not repeated */
	CHECK_STR_EQ(se_diag_get(chk, 0)->message, "action 'Lacks all' has "
	    "no timescale, no impact");
	CHECK_INT_EQ(se_diag_get(chk, 0)->line, 8);
	se_plan_free(p);
	se_diag_free(d);
	se_diag_free(chk);
}

TEST(check_reports_each_overdue_action_with_its_days)
{
	se_diag *d = se_diag_new();
	se_plan *p = plan_new();

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
	se_plan *p = plan_new();

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
	se_plan *p = plan_new();
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
	se_plan *p = plan_new();
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
	se_plan *p = plan_new();
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

/* Every record of a CSV as its first 'keep' cells, "\x1f" between
 * cells, "\x1e" after each record: what a spreadsheet holds, read by the
 * one CSV reader. */
struct cells {
	FILE *f;
	size_t keep;
};

static int
cells_of(void *ctx, const se_csv_field *f, size_t n, unsigned line)
{
	struct cells *c = ctx;
	size_t i;

	(void)line;
	for (i = 0; i < n && i < c->keep; i++) {
		if (i > 0)
			fputc('\x1f', c->f);
		fwrite(f[i].text, 1, f[i].len, c->f);
	}
	fputc('\x1e', c->f);
	return 0;
}

static char *
csv_cells(const char *buf, size_t len, size_t keep)
{
	se_diag *d = se_diag_new();
	char *out = NULL;
	size_t n;
	struct cells c = { open_memstream(&out, &n), keep };
	se_csv *csv = se_csv_new("x.csv", cells_of, &c, d);

	se_csv_feed(csv, buf, len);
	se_csv_finish(csv);
	se_csv_free(csv);
	fclose(c.f);
	se_diag_free(d);
	return out;
}

TEST(a_council_csv_goes_back_out_with_every_column_and_cell_as_read)
{
	se_diag *d = se_diag_new();
	se_plan *p = plan_new();
	size_t len, n;
	char *in = slurp("test/fixtures/plan/any-borough.csv"), *out;
	char *want, *got;

	CHECK(in != NULL);
	CHECK_INT_EQ(se_plan_load(p, "test/fixtures/plan/any-borough.csv", d),
	    0);
	assess(p, "2013-06-27", NULL);
	out = render(p, SE_PLANOUT_CSV, &len);
	/* the ten columns of the file, then the five computed */
	CHECK(strncmp(out, "Ref,Recommendation,Priority Area,Action,"
	    "Lead Officer,Timescale,Success Criteria,Progress Update,"
	    "RAG Status,Directorate,State,Days overdue,Stale,Impact check,"
	    "Impact reason\r\n", 163) == 0);
	/* every cell of the ten, byte for byte (multi-line cells too) */
	want = csv_cells(in, strlen(in), 10);
	got = csv_cells(out, len, 10);
	CHECK_STR_EQ(got, want);
	CHECK(strstr(out, "\"Schools causing concern are identified and "
	    "challenged earlier.\nEvery school has a named Systems Leader.\"")
	    != NULL);
	CHECK(se_plan_csv_header(p, &n) != NULL);
	CHECK_INT_EQ(n, 10);
	free(want);
	free(got);
	free(in);
	free(out);
	se_plan_free(p);
	se_diag_free(d);
}

TEST(csv_output_neutralises_formulas_and_keeps_numbers)
{
	se_diag *d = se_diag_new();
	se_plan *p = plan_new();
	size_t len;
	char *out;

	CHECK_INT_EQ(se_plan_load(p, "test/fixtures/plan/injection.csv", d),
	    0);
	assess(p, "2019-06-30", NULL);
	out = render(p, SE_PLANOUT_CSV, &len);
	/* the plan's own columns, each cell as read, formulas neutralised */
	CHECK(strncmp(out, "ID,Priority,Action,Accountable officer,Timescale,"
	    "Impact,Status,State,", 69) == 0);
	CHECK(strstr(out, "\r\n'=1+1,\"'=HYPERLINK(\"\"http://x.example\"\","
	    "\"\"click\"\")\",'+SUM(A1:A2),'@cmd,2019-12-31,-2.5,") != NULL);
	CHECK(strstr(out, "\r\n-1,Negative,'-cmd|' /C calc'!A0,'=owner,"
	    "2019-12-31,+3,") != NULL);
	/* a cell starting with a tab or a carriage return is neutralised
	 * too */
	CHECK(strstr(out, "\r\nT-1,Tabs,'\tstarts with a tab,Me,"
	    "2019-12-31,\"'\rcr\",") != NULL);
	free(out);
	se_plan_free(p);
	se_diag_free(d);
}

TEST(a_plan_read_back_from_its_csv_output_is_the_same)
{
	se_diag *d = se_diag_new();
	se_plan *p = plan_new(), *q = plan_new();
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
	se_plan *p = plan_new(), *q;
	size_t len, len2;
	char *out, *again;

	se_plan_load(p, "test/fixtures/plan/excel.csv", d);
	assess(p, "2019-06-30", NULL);
	out = render(p, SE_PLANOUT_YAML, &len);
	q = plan_yaml(out, d);
	/* X-03's empty owner, once in each */
	CHECK_INT_EQ(se_diag_count(d, SE_ERROR), 2);
	assess(q, "2019-06-30", NULL);
	again = render(q, SE_PLANOUT_YAML, &len2);
	CHECK_STR_EQ(again, out);
	free(out);
	free(again);
	se_plan_free(p);
	se_plan_free(q);
	se_diag_free(d);
}

/* ---- the man pages list what plan.yaml defines, once ------------------- */

/* The man page's text, NULL when it cannot be read; the caller frees. */
static char *
slurp(const char *path)
{
	FILE *f = fopen(path, "r");
	char *buf;
	long n;

	if (f == NULL)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t)n + 1);
	if (buf != NULL && fread(buf, 1, (size_t)n, f) != (size_t)n) {
		free(buf);
		buf = NULL;
	}
	if (buf != NULL)
		buf[n] = '\0';
	fclose(f);
	return buf;
}

/* The text after "<prefix>" at the start of a line following the line
 * "<item>" within the section 'sec' of 'man', its continuation lines
 * (up to the next macro line) joined with spaces, into 'out'; "" when
 * not found. */
static const char *
listed(const char *man, const char *sec, const char *item,
    const char *prefix, char *out, size_t n)
{
	char head[128];
	const char *s = strstr(man, sec), *end, *p, *q;
	size_t k = 0;

	out[0] = '\0';
	if (s == NULL)
		return out;
	end = strstr(s + 1, "\n.Ss ");
	if (item != NULL) {
		snprintf(head, sizeof head, "\n%s\n", item);
		s = strstr(s, head);
		if (s == NULL || (end != NULL && s > end))
			return out;
		s += strlen(head) - 1; /* at the item line's end */
	}
	snprintf(head, sizeof head, "\n%s", prefix);
	p = strstr(s, head);
	if (p == NULL || (end != NULL && p > end))
		return out;
	p += strlen(head);
	for (;;) {
		q = strchr(p, '\n');
		if (q == NULL)
			q = p + strlen(p);
		while (p < q && k + 1 < n)
			out[k++] = *p++;
		if (*q == '\0' || q[1] == '.')
			break;
		if (k + 1 < n)
			out[k++] = ' ';
		p = q + 1;
	}
	out[k] = '\0';
	return out;
}

/* The scalars of a list joined with ", ". */
static const char *
joined(const se_node *list, char *out, size_t n)
{
	size_t i;

	out[0] = '\0';
	for (i = 0; list && list->kind == SE_NODE_LIST && i < list->n; i++) {
		if (i > 0)
			strncat(out, ", ", n - strlen(out) - 1);
		strncat(out, list->items[i]->text, n - strlen(out) - 1);
	}
	return out;
}

TEST(the_man_pages_list_the_plan_formats_headings_statuses_and_dates)
{
	se_diag *d = se_diag_new();
	se_doc *doc = se_doc_load("formats/shared/plan.yaml", d);
	char *man = slurp("man/se-formats.5");
	char *pages[2] = { slurp("man/se-plan.1"), slurp("man/se-validate.1") };
	const se_node *cols, *st, *al, *forms, *list;
	char got[2048], want[2048], item[256];
	size_t i, k, p;

	CHECK(doc != NULL && man != NULL && pages[0] && pages[1]);
	if (doc == NULL || man == NULL || !pages[0] || !pages[1])
		goto out;
	cols = se_node_get(doc->meta, "csv-columns");
	CHECK(cols != NULL && cols->n >= 15);
	for (i = 0; cols && i < cols->n; i++) {
		const se_node *c = cols->items[i];
		snprintf(item, sizeof item, ".It Li %s",
		    se_node_str(se_node_get(c, "column")));
		listed(man, ".Ss Plan CSV", item, "Aliases: ", got, sizeof got);
		joined(se_node_get(c, "aliases"), want, sizeof want);
		CHECK_STR_EQ(got, want);
	}
	st = se_node_get(doc->meta, "statuses");
	al = se_node_get(st, "value-aliases");
	list = se_node_get(st, "values");
	for (i = 0; list && i < list->n; i++) {
		want[0] = '\0';
		for (k = 0; al && k < al->n; k++)
			if (strcmp(al->items[k]->text, list->items[i]->text) == 0) {
				if (want[0])
					strncat(want, ", ", sizeof want -
					    strlen(want) - 1);
				strncat(want, al->keys[k]->text, sizeof want -
				    strlen(want) - 1);
			}
		snprintf(item, sizeof item, ".It Cm %s", list->items[i]->text);
		listed(man, ".Ss Plan statuses", item, "Also: ", got,
		    sizeof got);
		CHECK_STR_EQ(got, want);
	}
	list = se_node_get(st, "rag");
	for (i = 0; list && i < list->n; i++) {
		snprintf(item, sizeof item, "\n.Cm %s", list->items[i]->text);
		CHECK(strstr(strstr(man, ".Ss Plan statuses"), item) != NULL);
	}
	forms = se_node_get(doc->meta, "date-forms");
	for (i = 0; forms && i < forms->n; i++) {
		snprintf(item, sizeof item, ".It Li %s", se_node_str(
		    se_node_get(forms->items[i], "form")));
		listed(man, ".Ss Plan timescales", item, "", got, sizeof got);
		CHECK_STR_EQ(got, se_node_str(se_node_get(forms->items[i],
		    "means")));
	}
	listed(man, ".Ss Plan timescales", NULL, "Recurring: ", got,
	    sizeof got);
	CHECK_STR_EQ(got, joined(se_node_get(doc->meta, "recurring"), want,
	    sizeof want));
	/* Listed once: the command pages refer to se-formats(5) and carry
	 * no list of their own. */
	for (p = 0; p < 2; p++) {
		CHECK(strstr(pages[p], "\n.Xr se-formats 5") != NULL);
		CHECK(strstr(pages[p], "Aliases:") == NULL);
		for (k = 0; al && k < al->n; k++) {
			snprintf(item, sizeof item, "\n.Dq %s\n",
			    al->keys[k]->text);
			CHECK(strstr(pages[p], item) == NULL);
			snprintf(item, sizeof item, "\n.Dq %s ",
			    al->keys[k]->text);
			CHECK(strstr(pages[p], item) == NULL);
		}
	}
out:
	free(man);
	free(pages[0]);
	free(pages[1]);
	se_doc_free(doc);
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
	RUN(rag_words_are_statuses_and_shown_beside_the_state);
	RUN(recurring_timescales_are_ongoing_and_never_overdue);
	RUN(unreadable_dates_and_statuses_are_unknown_never_on_track);
	RUN(termly_and_quarter_timescales_are_dates);
	RUN(an_empty_owner_is_the_same_error_in_yaml_and_csv);
	RUN(csv_diagnostics_name_the_spreadsheet_row_and_heading);
	RUN(blank_recommendation_and_priority_cells_carry_the_value_above);
	RUN(recommendations_are_met_not_met_or_in_progress);
	RUN(yaml_keeps_the_keys_no_command_reads);
	RUN(the_man_pages_list_the_plan_formats_headings_statuses_and_dates);
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
	RUN(a_council_csv_goes_back_out_with_every_column_and_cell_as_read);
	RUN(csv_output_neutralises_formulas_and_keeps_numbers);
	RUN(a_plan_read_back_from_its_csv_output_is_the_same);
	RUN(a_plan_read_back_from_its_yaml_output_is_the_same);
	return DONE();
}
