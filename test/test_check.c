/* test_check.c: checking documents against their formats (lib/check.c,
 * lib/rules.c).  Whole-command behaviour, one failing document per rule,
 * is in test/golden/validate-*. */
#include "se.h"
#include "unit.h"

#include <stdlib.h>

static se_formats *formats;

/* Check 'text' as file 'name'; the diagnostics are returned sorted. */
static se_diag *
check_with(const char *name, const char *text,
    bool (*known)(void *, const char *))
{
	se_diag *d = se_diag_new();
	se_check c = { .formats = formats, .indicator_known = known };
	se_doc *doc = se_doc_parse(name, -1, text, strlen(text), d);

	if (doc)
		CHECK_INT_EQ(se_check_doc(&c, doc, d), 0);
	se_doc_free(doc);
	se_diag_sort(d);
	return d;
}

static se_diag *
check(const char *name, const char *text)
{
	return check_with(name, text, NULL);
}

/* The rules of every diagnostic, space-separated. */
static const char *
rules(const se_diag *d)
{
	static char buf[512];
	size_t i, n = 0;

	buf[0] = '\0';
	for (i = 0; i < se_diag_len(d) && n + 1 < sizeof buf; i++)
		n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s",
		    i ? " " : "", se_diag_get(d, i)->rule);
	return buf;
}

#define REVIEW                                                        \
	"kind: review\nframework: em-2012\nauthority: Anyshire\n"     \
	"period: 2018-19\ntype: review\n"                             \
	"lead_reviewer: {name: Chris Placeholder, authority: Any City}\n" \
	"hypotheses:\n  - {id: H1, text: Caseloads are high., "       \
	"linked_data: y, linked_self_assessment: N, decision: investigate}\n"

TEST(a_valid_draft_review_has_no_diagnostics)
{
	se_diag *d = check("r.yaml", REVIEW "stage: draft\n");

	CHECK_STR_EQ(rules(d), "");
	se_diag_free(d);
}

TEST(a_final_review_needs_what_a_draft_may_leave_out)
{
	se_diag *d = check("r.yaml", REVIEW "stage: final\n");

	CHECK_STR_EQ(rules(d), "required required required required required");
	CHECK_STR_EQ(se_diag_get(d, 0)->message,
	    "'qa_reviewer' (Quality Assurance DCS (or QA AD for a visit)) is "
	    "missing: it is required when 'stage' is 'final'");
	se_diag_free(d);
}

TEST(a_letter_on_the_last_allowed_working_day_is_in_time)
{
	se_diag *d = check("r.yaml", REVIEW "stage: draft\n"
	    "dates: {start: 2018-12-12, end: 2018-12-14}\n"
	    "letter_sent: 2019-01-02\n");

	CHECK_STR_EQ(rules(d), "");
	se_diag_free(d);
}

TEST(a_letter_dated_before_the_review_ended_is_an_error)
{
	se_diag *d = check("r.yaml", REVIEW "stage: draft\n"
	    "dates: {start: 2018-12-12, end: 2018-12-14}\n"
	    "letter_sent: 2018-12-13\n");

	CHECK_STR_EQ(rules(d), "letter-deadline");
	CHECK_STR_EQ(se_diag_get(d, 0)->message, "the letter was sent on "
	    "2018-12-13, before the last day of the review (2018-12-14)");
	se_diag_free(d);
}

TEST(an_action_from_a_parked_hypothesis_is_an_error)
{
	se_diag *d = check("r.yaml", REVIEW
	    "  - {id: H2, text: Drift., linked_data: no, "
	    "linked_self_assessment: no, decision: park}\n"
	    "stage: draft\nagreed_actions:\n  - {text: Act., agreed: yes, hypothesis: H2}\n");

	CHECK_STR_EQ(rules(d), "action-names-hypothesis");
	se_diag_free(d);
}

TEST(reviewers_from_the_host_are_found_ignoring_case_and_spaces)
{
	se_diag *d = check("r.yaml", REVIEW "stage: draft\n"
	    "qa_reviewer: {name: Robin Trial, authority: '  ANYSHIRE '}\n");

	CHECK_STR_EQ(rules(d), "team-not-from-host");
	CHECK_STR_EQ(se_diag_get(d, 0)->message, "the quality assurance "
	    "reviewer 'Robin Trial' is from Anyshire, the host authority: "
	    "reviewers come from other authorities");
	se_diag_free(d);
}

#define ASSESS(rating)                                                \
	"kind: self-assessment\nframework: em-2012\nauthority: A\n"   \
	"period: 2018-19\ncontact: {name: Pat}\nareas:\n"             \
	"  outcomes: {rating: " rating ", commentary: x}\n"           \
	"  vision-strategy-leadership: {rating: good, commentary: x}\n" \
	"  partnership: {rating: Adequate, commentary: x}\n"          \
	"  service-delivery: {rating: 4, commentary: x}\n"            \
	"  participation: {rating: 1, commentary: x}\n"               \
	"  managing-performance: {rating: 2, commentary: x}\n"        \
	"  managing-resources: {rating: 3, commentary: x}\n"          \
	"  productivity-innovation: {rating: 3, commentary: x}\n"     \
	"  commissioning: {rating: 3, commentary: x}\n"               \
	"strengths:\n  - {text: Re-referrals fell to 21%, evidence: 'Ofsted letter, 2018'}\n" \
	"weaknesses:\n  - text: 'w (Evidence: audit)'\n"              \
	"key_lines_of_enquiry:\n  - {text: k}\n"

TEST(ratings_are_read_through_the_scale_their_field_names)
{
	se_diag *d = check("sa.yaml", ASSESS("3"));

	CHECK_STR_EQ(rules(d), "");
	se_diag_free(d);
	/* G is good on rag and ns4, but em4 has no such alias */
	d = check("sa.yaml", ASSESS("G"));
	CHECK_STR_EQ(rules(d), "rating-scale");
	CHECK_STR_EQ(se_diag_get(d, 0)->message, "rating 'G' of 'rating' is "
	    "not on the em4 scale (1 inadequate, 2 adequate, 3 good, 4 "
	    "outstanding)");
	se_diag_free(d);
}

static bool
only_csc_002(void *ctx, const char *id)
{
	(void)ctx;
	return strcmp(id, "CSC-002") == 0;
}

TEST(indicator_references_are_checked_only_when_a_catalogue_is_known)
{
	const char *doc = ASSESS("3") "  - {text: k2, evidence: "
	    "[indicator:CSC-002, indicator:CSC-404]}\n";
	se_diag *d = check("sa.yaml", doc);

	CHECK_STR_EQ(rules(d), "");
	se_diag_free(d);
	d = check_with("sa.yaml", doc, only_csc_002);
	CHECK_STR_EQ(rules(d), "unknown-indicator");
	CHECK_STR_EQ(se_diag_get(d, 0)->message, "indicator 'CSC-404' is not "
	    "in the indicator catalogue: check the id");
	se_diag_free(d);
}

TEST(indicator_references_in_running_text_are_checked_too)
{
	const char *doc = ASSESS("3") "  - {text: 'Re-referrals "
	    "(indicator:CSC-003).'}\n";
	se_diag *d = check_with("sa.yaml", doc, only_csc_002);

	CHECK_STR_EQ(rules(d), "unknown-indicator");
	se_diag_free(d);
}

TEST(plan_statuses_accept_the_plans_own_words_as_se_plan_does)
{
	se_diag *d = check("p.yaml", "kind: plan\nauthority: A\nactions:\n"
	    "  - {priority: p, action: a, owner: o, status: Done}\n"
	    "  - {priority: p, action: b, owner: o, status: In Progress}\n"
	    "  - {priority: p, action: d, owner: o, status: Amber}\n"
	    "  - {priority: p, action: c, owner: o, status: finished}\n");

	CHECK_STR_EQ(rules(d), "bad-status");
	CHECK_INT_EQ(se_diag_get(d, 0)->line, 7);
	se_diag_free(d);
}

TEST(a_shared_kind_may_omit_its_framework_but_others_may_not)
{
	se_diag *d = check("p.yaml", "kind: plan\nauthority: A\nactions:\n"
	    "  - {priority: p, action: a, owner: o}\n");

	CHECK_STR_EQ(rules(d), "");
	se_diag_free(d);
	d = check("r.yaml", "kind: review\nauthority: A\n");
	CHECK_STR_EQ(rules(d), "unknown-framework");
	CHECK_STR_EQ(se_diag_get(d, 0)->message, "no 'framework': name the "
	    "framework that defines this review (em-2012)");
	se_diag_free(d);
}

TEST(a_kind_in_the_wrong_framework_says_where_it_is_defined)
{
	se_diag *d = check("r.yaml", "kind: review\nframework: ria-2018\n");

	CHECK_STR_EQ(rules(d), "unknown-kind");
	CHECK_STR_EQ(se_diag_get(d, 0)->message, "framework 'ria-2018' has no "
	    "kind 'review': a review is defined by em-2012");
	se_diag_free(d);
}

TEST(a_document_without_kind_is_an_error_without_a_position)
{
	se_diag *d = check("x.yaml", "authority: A\n");

	CHECK_STR_EQ(rules(d), "no-kind");
	CHECK_INT_EQ(se_diag_get(d, 0)->line, 0);
	se_diag_free(d);
}

#define CHAPTER                                                       \
	"---\nkind: self-evaluation\nframework: ria-2018\nauthority: A\n" \
	"period: 2018-19\nchapter: youth-offending\nauthor: {name: C}\n" \
	"---\n# Youth Offending\n\n"                                  \
	"## AREAS FOR IMPROVEMENT!\n\n- Custody: fell ([data](indicator:YJ-003)).\n\n" \
	"## Outcomes we are proud of\n\nFirst time entrants fell. Evidence: YOT report.\n\n" \
	"## Improvement priorities\n\n- Fewer re-offend.\n\n"       \
	"## Key  risks\n\nFunding.\n\n"                              \
	"## Organisational delivery\n\n### Governance and leadership\n\nBoard.\n\n" \
	"### Staff\n\nStable.\n\n### Partnerships and services\n\nGood.\n\n" \
	"### Information and facilities\n\nShared.\n\n"              \
	"## Quality of post-court supervision\n\nAudited.\n\n"       \
	"## Quality of out-of-court disposals\n\nAudited.\n"

TEST(section_titles_match_ignoring_case_punctuation_and_spaces)
{
	se_diag *d = check("yot.md", CHAPTER);

	CHECK_STR_EQ(rules(d), "");
	se_diag_free(d);
}

TEST(a_heading_with_only_answered_subsections_is_not_empty)
{
	/* Organisational delivery has no text of its own, only its four
	 * parts under level-3 headings. */
	se_diag *d = check("yot.md", CHAPTER);

	CHECK_INT_EQ(se_diag_count(d, SE_ERROR) + se_diag_count(d, SE_WARNING),
	    0);
	se_diag_free(d);
}

TEST(judgement_words_are_found_as_whole_words_only)
{
	se_diag *d = check("r.yaml", REVIEW "stage: draft\n"
	    "previsit_notes: The plans were inadequately recorded; "
	    "outstandingly, nothing was Inadequate.\n");

	CHECK_STR_EQ(rules(d), "judgement-word");
	CHECK_INT_EQ(se_diag_get(d, 0)->col, 82);
	se_diag_free(d);
}

TEST(postcodes_in_contact_details_are_allowed_but_not_in_narrative)
{
	se_diag *d = check("r.yaml", REVIEW "stage: draft\n"
	    "team:\n  - {name: Sky Fixture, role: 'County Hall, AN1 2BC', "
	    "authority: Any Borough}\n"
	    "previsit_notes: The boy moved to AN3 4DE in May.\n");

	CHECK_STR_EQ(rules(d), "personal-data");
	CHECK_INT_EQ(se_diag_get(d, 0)->line, 12);
	CHECK_INT_EQ(se_diag_get(d, 0)->col, 34);
	CHECK_STR_EQ(se_diag_get(d, 0)->message, "possible postcode: remove "
	    "personal data about a child, or mark a false alarm with "
	    "'se:allow personal-data'");
	se_diag_free(d);
}

TEST(a_line_marked_se_allow_personal_data_is_not_scanned)
{
	se_diag *d = check("r.yaml", REVIEW "stage: draft\n"
	    "previsit_notes: Case 943 476 5919 # se:allow personal-data\n");

	CHECK_STR_EQ(rules(d), "");
	se_diag_free(d);
	d = check("r.yaml", REVIEW "stage: draft\n"
	    "previsit_notes: Case 943 476 5919\n");
	CHECK_STR_EQ(rules(d), "personal-data");
	se_diag_free(d);
	/* a wrong check digit (and not a valid ULN either) is no number */
	d = check("r.yaml", REVIEW "stage: draft\n"
	    "previsit_notes: Case 943 476 5917\n");
	CHECK_STR_EQ(rules(d), "");
	se_diag_free(d);
}

int
main(void)
{
	se_diag *d = se_diag_new();

	formats = se_formats_load("formats", d);
	se_diag_free(d);
	RUN(a_valid_draft_review_has_no_diagnostics);
	RUN(a_final_review_needs_what_a_draft_may_leave_out);
	RUN(a_letter_on_the_last_allowed_working_day_is_in_time);
	RUN(a_letter_dated_before_the_review_ended_is_an_error);
	RUN(an_action_from_a_parked_hypothesis_is_an_error);
	RUN(reviewers_from_the_host_are_found_ignoring_case_and_spaces);
	RUN(ratings_are_read_through_the_scale_their_field_names);
	RUN(indicator_references_are_checked_only_when_a_catalogue_is_known);
	RUN(indicator_references_in_running_text_are_checked_too);
	RUN(plan_statuses_accept_the_plans_own_words_as_se_plan_does);
	RUN(a_shared_kind_may_omit_its_framework_but_others_may_not);
	RUN(a_kind_in_the_wrong_framework_says_where_it_is_defined);
	RUN(a_document_without_kind_is_an_error_without_a_position);
	RUN(section_titles_match_ignoring_case_punctuation_and_spaces);
	RUN(a_heading_with_only_answered_subsections_is_not_empty);
	RUN(judgement_words_are_found_as_whole_words_only);
	RUN(postcodes_in_contact_details_are_allowed_but_not_in_narrative);
	RUN(a_line_marked_se_allow_personal_data_is_not_scanned);
	se_formats_free(formats);
	return DONE();
}
