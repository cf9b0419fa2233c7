/* test_hypo.c: the six candidate rules of se-hypothesise, each on a
 * minimal hand-made case and its near miss; the ranking, the
 * investigate/park cut, and determinism. */
#include "se.h"
#include "unit.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const char catalogue[] =
    "kind: indicators\n"
    "indicators:\n"
    "  - {id: A1, title: Re-referrals within 12 months, unit: percent,\n"
    "     polarity: low, compare: england, tolerance: 1.0,\n"
    "     areas: [front-door, service-delivery]}\n"
    "  - {id: A2, title: Assessments within 45 days, unit: percent,\n"
    "     polarity: high, compare: england, tolerance: 1.0,\n"
    "     areas: [service-delivery]}\n"
    "  - {id: A3, title: Visits on time, unit: percent, polarity: high,\n"
    "     compare: england, tolerance: 1.0, areas: [service-delivery]}\n"
    "  - {id: B1, title: Social worker turnover, unit: percent,\n"
    "     polarity: low, compare: england, tolerance: 1.0,\n"
    "     areas: [managing-resources]}\n"
    "  - {id: C1, title: First time entrants, unit: rate, polarity: low,\n"
    "     compare: england, tolerance: 1.0, areas: [partnership]}\n"
    "  - {id: C2, title: Re-offending, unit: percent, polarity: low,\n"
    "     compare: england, tolerance: 1.0, areas: [partnership]}\n"
    "  - {id: D1, title: Care leavers in work or training, unit: percent,\n"
    "     polarity: high, compare: england, tolerance: 1.0,\n"
    "     areas: [care-leavers, outcomes]}\n"
    "  - {id: X1, title: Referral rate, unit: rate, polarity: none,\n"
    "     areas: [service-delivery]}\n";

/* A value row: authority, indicator, period, value. */
struct val {
	const char *auth, *ind, *period;
	double v;
};

struct fx {
	se_diag *d;
	se_doc *catdoc, *sa;
	se_catalogue *cat;
	se_store *s;
	se_profile *p;
	se_hypo_input in;
	se_hypos *h;
};

static void
rows(struct fx *f, const struct val *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		se_row r;
		memset(&r, 0, sizeof r);
		r.authority = v[i].auth;
		r.indicator = v[i].ind;
		r.period_text = v[i].period;
		se_period_parse(v[i].period, strlen(v[i].period), &r.period);
		r.has_value = true;
		r.value = v[i].v;
		r.pos.file = r.row_pos.file = "t.csv";
		r.pos.line = r.row_pos.line = (unsigned)i + 2;
		r.pos.col = r.row_pos.col = 1;
		se_store_row(f->s, &r);
	}
}

/* The self-assessment 'sa' (YAML), the data 'v', and no rule run yet. */
static void
setup(struct fx *f, const char *sa, const struct val *v, size_t n)
{
	memset(f, 0, sizeof *f);
	f->d = se_diag_new();
	f->catdoc = se_doc_parse("cat.yaml", -1, catalogue,
	    sizeof catalogue - 1, f->d);
	f->cat = se_catalogue_from_doc(f->catdoc, f->d);
	f->s = se_store_new(f->cat, f->d);
	rows(f, v, n);
	se_store_finish(f->s);
	f->p = se_profile_new(f->cat);
	se_profile_add_store(f->p, f->s, NULL, "Host");
	f->sa = se_doc_parse("sa.yaml", -1, sa, strlen(sa), f->d);
	f->in.sa = f->sa;
	f->in.cat = f->cat;
	f->in.profile = f->p;
	f->h = se_hypos_new(&f->in);
}

static void
teardown(struct fx *f)
{
	se_hypos_free(f->h);
	se_profile_free(f->p);
	se_store_free(f->s);
	se_catalogue_free(f->cat);
	se_doc_free(f->catdoc);
	se_doc_free(f->sa);
	se_diag_free(f->d);
}

/* Three years of a worsening service-delivery profile: re-referrals up,
 * assessments down, both red against England; visits green. */
static const struct val front_door[] = {
	{ "Host", "A1", "2016", 20 }, { "Host", "A1", "2017", 22 },
	{ "Host", "A1", "2018", 25 }, { "England", "A1", "2018", 21 },
	{ "Other", "A1", "2018", 19 },
	{ "Host", "A2", "2016", 80 }, { "Host", "A2", "2017", 78 },
	{ "Host", "A2", "2018", 70 }, { "England", "A2", "2018", 85 },
	{ "Other", "A2", "2018", 86 },
	{ "Host", "A3", "2017", 90 }, { "Host", "A3", "2018", 91 },
	{ "England", "A3", "2018", 85 }, { "Other", "A3", "2018", 84 },
	{ "Host", "X1", "2017", 500 }, { "Host", "X1", "2018", 520 },
};

#define SA_HEAD                                                      \
	"kind: self-assessment\nframework: em-2012\nauthority: Host\n"  \
	"period: 2018\n"

static const char sa_good[] = SA_HEAD
    "areas:\n"
    "  service-delivery:\n"
    "    rating: 3\n"
    "    commentary: Practice is strong.\n"
    "weaknesses:\n"
    "  - {text: Too few foster carers., area: commissioning,\n"
    "     evidence: x.md}\n";

TEST(a_good_rating_over_mostly_red_declining_indicators_is_a_self_awareness_gap)
{
	struct fx f;
	const se_hypo *c;

	setup(&f, sa_good, front_door, sizeof front_door /
	    sizeof front_door[0]);
	CHECK_INT_EQ(se_hypo_find_gaps(f.h), 0);
	CHECK_INT_EQ(se_hypos_ncandidates(f.h), 1);
	c = se_hypos_candidate(f.h, 0);
	CHECK(c != NULL);
	if (c) {
		CHECK_INT_EQ(c->rule, SE_HYPO_GAP);
		CHECK_STR_EQ(c->area, "service-delivery");
		/* 50 + 2 bad x 10 + 2 red and declining x 5 */
		CHECK_INT_EQ(c->score, 80);
		CHECK(c->linked_data && c->linked_self_assessment);
		CHECK_INT_EQ(c->nfacts, 2);
		CHECK_STR_EQ(c->facts[0]->ind->id, "A1");
		CHECK_STR_EQ(c->facts[1]->ind->id, "A2");
		CHECK_INT_EQ(c->nlines, 1);
		CHECK_INT_EQ(c->lines[0].line, 7);
		CHECK_STR_EQ(c->rationale,
		    "The self-assessment rates Service delivery as good (3) "
		    "(sa.yaml line 7), but 2 of its 3 linked indicators are "
		    "red and declining. Re-referrals within 12 months "
		    "rose two years running, from 20.0% in 2016 to 25.0% in "
		    "2018 (England 21.0%; red). Assessments within 45 days "
		    "fell two years running, from 80.0% in 2016 to 70.0% in "
		    "2018 (England 85.0%; red).");
	}
	teardown(&f);
}

TEST(an_adequate_rating_over_the_same_data_is_no_self_awareness_gap)
{
	static const char sa[] = SA_HEAD
	    "areas:\n  service-delivery: {rating: 2, commentary: Mixed.}\n";
	struct fx f;

	setup(&f, sa, front_door, sizeof front_door / sizeof front_door[0]);
	CHECK_INT_EQ(se_hypo_find_gaps(f.h), 0);
	CHECK_INT_EQ(se_hypos_ncandidates(f.h), 0);
	teardown(&f);
}

TEST(a_good_rating_with_one_bad_indicator_in_three_is_no_gap)
{
	static const struct val v[] = {
		{ "Host", "A1", "2017", 22 }, { "Host", "A1", "2018", 25 },
		{ "England", "A1", "2018", 21 },
		{ "Host", "A2", "2017", 88 }, { "Host", "A2", "2018", 90 },
		{ "England", "A2", "2018", 85 },
		{ "Host", "A3", "2017", 90 }, { "Host", "A3", "2018", 91 },
		{ "England", "A3", "2018", 85 },
	};
	struct fx f;

	setup(&f, sa_good, v, sizeof v / sizeof v[0]);
	CHECK_INT_EQ(se_hypo_find_gaps(f.h), 0);
	CHECK_INT_EQ(se_hypos_ncandidates(f.h), 0);
	teardown(&f);
}

static const char sa_kloe[] = SA_HEAD
    "areas:\n  managing-resources: {rating: 2, commentary: Thin.}\n"
    "key_lines_of_enquiry:\n"
    "  - text: >\n"
    "      How well does our workforce strategy\n"
    "      keep social workers?\n"
    "    area: managing-resources\n"
    "    evidence: [indicator:B1]\n";

static const struct val turnover[] = {
	{ "Host", "B1", "2017", 15 }, { "Host", "B1", "2018", 19 },
	{ "England", "B1", "2018", 15 },
};

TEST(each_key_line_of_enquiry_is_a_candidate_linked_to_its_data)
{
	struct fx f;
	const se_hypo *c;

	setup(&f, sa_kloe, turnover, sizeof turnover / sizeof turnover[0]);
	CHECK_INT_EQ(se_hypo_find_kloes(f.h), 0);
	CHECK_INT_EQ(se_hypos_ncandidates(f.h), 1);
	c = se_hypos_candidate(f.h, 0);
	if (c) {
		CHECK_INT_EQ(c->rule, SE_HYPO_KLOE);
		CHECK_STR_EQ(c->text, "How well does our workforce strategy "
		    "keep social workers?");
		CHECK_INT_EQ(c->score, 50); /* 45 + 1 bad indicator x 5 */
		CHECK(c->linked_data && c->linked_self_assessment);
		CHECK_INT_EQ(c->lines[0].line, 8);
		CHECK_STR_EQ(c->rationale, "Key line of enquiry 1 of the "
		    "self-assessment (sa.yaml line 8), in Managing resources "
		    "(rated adequate (2)). Social worker turnover rose from "
		    "15.0% in 2017 to 19.0% in 2018 (England 15.0%; "
		    "red).");
	}
	teardown(&f);
}

TEST(a_self_assessment_with_no_data_still_gives_key_line_of_enquiry_hypotheses)
{
	struct fx f;
	const se_hypo *c;

	setup(&f, sa_kloe, NULL, 0);
	f.in.profile = NULL;
	se_hypos_free(f.h);
	f.h = se_hypos_propose(&f.in, 3);
	CHECK_INT_EQ(se_hypos_len(f.h), 1);
	c = se_hypos_at(f.h, 0);
	if (c) {
		CHECK_STR_EQ(c->id, "H1");
		CHECK(c->investigate);
		CHECK(!c->linked_data);
		CHECK(c->linked_self_assessment);
		CHECK_STR_EQ(c->rationale, "Key line of enquiry 1 of the "
		    "self-assessment (sa.yaml line 8), in Managing resources "
		    "(rated adequate (2)). No indicator with data is linked "
		    "to it: the evidence will come from the visit.");
	}
	teardown(&f);
}

TEST(a_line_of_enquiry_without_an_area_takes_the_area_of_the_indicator_it_cites)
{
	static const char sa[] = SA_HEAD
	    "areas:\n  managing-resources: {rating: 2, commentary: Thin.}\n"
	    "key_lines_of_enquiry:\n"
	    "  - {text: Are we keeping social workers?,\n"
	    "     evidence: [indicator:B1]}\n";
	struct fx f;

	setup(&f, sa, turnover, sizeof turnover / sizeof turnover[0]);
	CHECK_INT_EQ(se_hypo_find_kloes(f.h), 0);
	CHECK_INT_EQ(se_hypos_ncandidates(f.h), 1);
	if (se_hypos_ncandidates(f.h) == 1)
		CHECK_STR_EQ(se_hypos_candidate(f.h, 0)->area,
		    "managing-resources");
	teardown(&f);
}

TEST(a_weakness_is_no_key_line_of_enquiry)
{
	struct fx f;

	setup(&f, sa_good, NULL, 0);
	CHECK_INT_EQ(se_hypo_find_kloes(f.h), 0);
	CHECK_INT_EQ(se_hypos_ncandidates(f.h), 0);
	teardown(&f);
}

static const struct val care_leavers[] = {
	{ "Host", "D1", "2017", 50 }, { "Host", "D1", "2018", 40 },
	{ "England", "D1", "2018", 52 }, { "Other", "D1", "2018", 55 },
};

TEST(a_red_declining_indicator_nobody_names_is_a_blind_spot)
{
	static const char sa[] = SA_HEAD
	    "areas:\n  outcomes: {rating: 3, commentary: Good.}\n";
	struct fx f;
	const se_hypo *c;

	setup(&f, sa, care_leavers, sizeof care_leavers /
	    sizeof care_leavers[0]);
	CHECK_INT_EQ(se_hypo_find_blind_spots(f.h), 0);
	CHECK_INT_EQ(se_hypos_ncandidates(f.h), 1);
	c = se_hypos_candidate(f.h, 0);
	if (c) {
		CHECK_INT_EQ(c->rule, SE_HYPO_BLIND_SPOT);
		CHECK_STR_EQ(c->area, "outcomes");
		/* 30 + 8; no quartile bonus among two authorities */
		CHECK_INT_EQ(c->score, 38);
		CHECK(c->linked_data && !c->linked_self_assessment);
		CHECK_STR_EQ(c->rationale, "This indicator is red and "
		    "declining in Outcomes, and the self-assessment names it "
		    "neither as a weakness nor in a line of enquiry. Care "
		    "leavers in work or training fell from 50.0% in 2017 to "
		    "40.0% in 2018 (England 52.0%; red).");
	}
	teardown(&f);
}

TEST(a_red_declining_indicator_in_an_area_named_as_a_weakness_is_no_blind_spot)
{
	static const char sa[] = SA_HEAD
	    "areas:\n  outcomes: {rating: 3, commentary: Good.}\n"
	    "weaknesses:\n  - {text: Care leavers., area: outcomes, "
	    "evidence: x.md}\n";
	struct fx f;

	setup(&f, sa, care_leavers, sizeof care_leavers /
	    sizeof care_leavers[0]);
	CHECK_INT_EQ(se_hypo_find_blind_spots(f.h), 0);
	CHECK_INT_EQ(se_hypos_ncandidates(f.h), 0);
	teardown(&f);
}

TEST(a_red_indicator_that_is_improving_is_no_blind_spot)
{
	static const struct val v[] = {
		{ "Host", "D1", "2017", 35 }, { "Host", "D1", "2018", 40 },
		{ "England", "D1", "2018", 52 },
	};
	struct fx f;

	setup(&f, sa_good, v, sizeof v / sizeof v[0]);
	CHECK_INT_EQ(se_hypo_find_blind_spots(f.h), 0);
	CHECK_INT_EQ(se_hypos_ncandidates(f.h), 0);
	teardown(&f);
}

static const char sa_weak[] = SA_HEAD
    "areas:\n  managing-resources: {rating: 2, commentary: Thin.}\n"
    "weaknesses:\n"
    "  - text: Turnover is too high.\n"
    "    area: managing-resources\n"
    "    evidence: [indicator:B1, workforce.md]\n";

TEST(a_weakness_whose_indicators_still_decline_is_a_weakness_without_movement)
{
	struct fx f;
	const se_hypo *c;

	setup(&f, sa_weak, turnover, sizeof turnover / sizeof turnover[0]);
	CHECK_INT_EQ(se_hypo_find_weaknesses(f.h), 0);
	CHECK_INT_EQ(se_hypos_ncandidates(f.h), 1);
	c = se_hypos_candidate(f.h, 0);
	if (c) {
		CHECK_INT_EQ(c->rule, SE_HYPO_WEAKNESS);
		CHECK_INT_EQ(c->score, 34); /* 25 + 6 declining + 3 red */
		CHECK_INT_EQ(c->lines[0].line, 8);
		CHECK_STR_EQ(c->rationale, "Weakness 1 of the self-assessment "
		    "(sa.yaml line 8): its only indicator is still declining. "
		    "Social worker turnover rose from 15.0% in 2017 to 19.0% "
		    "in 2018 (England 15.0%; red).");
	}
	teardown(&f);
}

TEST(a_weakness_whose_indicator_improves_is_not_without_movement)
{
	static const struct val v[] = {
		{ "Host", "B1", "2017", 22 }, { "Host", "B1", "2018", 19 },
		{ "England", "B1", "2018", 15 },
	};
	struct fx f;

	setup(&f, sa_weak, v, sizeof v / sizeof v[0]);
	CHECK_INT_EQ(se_hypo_find_weaknesses(f.h), 0);
	CHECK_INT_EQ(se_hypos_ncandidates(f.h), 0);
	teardown(&f);
}

static const char sa_low[] = SA_HEAD
    "areas:\n  partnership: {rating: 2, commentary: Uneven.}\n";

TEST(a_low_rating_over_green_data_is_under_claiming)
{
	static const struct val v[] = {
		{ "Host", "C1", "2017", 300 }, { "Host", "C1", "2018", 290 },
		{ "England", "C1", "2018", 400 },
		{ "Host", "C2", "2017", 30 }, { "Host", "C2", "2018", 30 },
		{ "England", "C2", "2018", 40 },
	};
	struct fx f;
	const se_hypo *c;

	setup(&f, sa_low, v, sizeof v / sizeof v[0]);
	CHECK_INT_EQ(se_hypo_find_under_claims(f.h), 0);
	CHECK_INT_EQ(se_hypos_ncandidates(f.h), 1);
	c = se_hypos_candidate(f.h, 0);
	if (c) {
		CHECK_INT_EQ(c->rule, SE_HYPO_UNDER);
		CHECK_INT_EQ(c->score, 14); /* 10 + 2 green x 2 */
		CHECK_STR_EQ(c->text, "Partnership may be stronger than the "
		    "self-assessment's rating of adequate (2) suggests: the "
		    "authority may be under-claiming.");
	}
	teardown(&f);
}

TEST(a_low_rating_with_one_red_indicator_is_not_under_claiming)
{
	static const struct val v[] = {
		{ "Host", "C1", "2017", 300 }, { "Host", "C1", "2018", 290 },
		{ "England", "C1", "2018", 400 },
		{ "Host", "C2", "2017", 45 }, { "Host", "C2", "2018", 45 },
		{ "England", "C2", "2018", 40 },
	};
	struct fx f;

	setup(&f, sa_low, v, sizeof v / sizeof v[0]);
	CHECK_INT_EQ(se_hypo_find_under_claims(f.h), 0);
	CHECK_INT_EQ(se_hypos_ncandidates(f.h), 0);
	teardown(&f);
}

TEST(a_claim_the_data_contradicts_is_a_candidate_with_sentence_and_figures)
{
	static const char sa[] = SA_HEAD
	    "areas:\n  service-delivery:\n    rating: 2\n"
	    "    commentary: >\n      Thresholds are clear. Re-referrals "
	    "have reduced\n      (indicator:A1).\n";
	struct fx f;
	const se_hypo *c;

	setup(&f, sa, front_door, sizeof front_door / sizeof front_door[0]);
	CHECK_INT_EQ(se_hypo_find_claims(f.h), 0);
	CHECK_INT_EQ(se_hypos_ncandidates(f.h), 1);
	c = se_hypos_candidate(f.h, 0);
	if (c) {
		CHECK_INT_EQ(c->rule, SE_HYPO_CLAIM);
		CHECK_STR_EQ(c->area, "service-delivery");
		CHECK_INT_EQ(c->score, 40); /* 35 + 5 red */
		CHECK_INT_EQ(c->lines[0].line, 9);
		CHECK_STR_EQ(c->rationale, "sa.yaml line 9 says \"Re-referrals "
		    "have reduced (indicator:A1).\", but A1 Re-referrals "
		    "within 12 months rose from 22.0% in 2017 to 25.0% in "
		    "2018. Re-referrals within 12 months rose two years "
		    "running, from 20.0% in 2016 to 25.0% in 2018 (England "
		    "21.0%; red).");
	}
	teardown(&f);
}

TEST(a_claim_the_data_bears_out_is_no_candidate)
{
	static const char sa[] = SA_HEAD
	    "areas:\n  service-delivery:\n    rating: 2\n"
	    "    commentary: Assessments have fallen (indicator:A2). "
	    "Re-referrals have not reduced (indicator:A1).\n";
	struct fx f;

	setup(&f, sa, front_door, sizeof front_door / sizeof front_door[0]);
	CHECK_INT_EQ(se_hypo_find_claims(f.h), 0);
	CHECK_INT_EQ(se_hypos_ncandidates(f.h), 0);
	teardown(&f);
}

/* A gap and a claim in service delivery, a KLOE in managing resources,
 * a blind spot in outcomes. */
static const char sa_all[] = SA_HEAD
    "areas:\n"
    "  outcomes: {rating: 3, commentary: Good.}\n"
    "  service-delivery:\n"
    "    rating: 3\n"
    "    commentary: Re-referrals have reduced (indicator:A1).\n"
    "  managing-resources: {rating: 2, commentary: Thin.}\n"
    "key_lines_of_enquiry:\n"
    "  - {text: Are we keeping social workers?, area: managing-resources,\n"
    "     evidence: [indicator:B1]}\n";

static const struct val all_data[] = {
	{ "Host", "A1", "2016", 20 }, { "Host", "A1", "2017", 22 },
	{ "Host", "A1", "2018", 25 }, { "England", "A1", "2018", 21 },
	{ "Other", "A1", "2018", 19 },
	{ "Host", "A2", "2016", 80 }, { "Host", "A2", "2017", 78 },
	{ "Host", "A2", "2018", 70 }, { "England", "A2", "2018", 85 },
	{ "Other", "A2", "2018", 86 },
	{ "Host", "B1", "2017", 15 }, { "Host", "B1", "2018", 19 },
	{ "England", "B1", "2018", 15 },
	{ "Host", "D1", "2017", 50 }, { "Host", "D1", "2018", 40 },
	{ "England", "D1", "2018", 52 }, { "Other", "D1", "2018", 55 },
};

TEST(candidates_of_one_area_merge_and_rank_by_score_with_the_top_n_investigated)
{
	struct fx f;
	const se_hypo *x;

	setup(&f, sa_all, all_data, sizeof all_data / sizeof all_data[0]);
	se_hypos_free(f.h);
	f.h = se_hypos_propose(&f.in, 2);
	CHECK_INT_EQ(se_hypos_len(f.h), 3);
	x = se_hypos_at(f.h, 0);
	if (x) {
		/* gap 80 + blind spot 30 + 2 x 8 + claim 40 */
		CHECK_STR_EQ(x->id, "H1");
		CHECK_STR_EQ(x->area, "service-delivery");
		CHECK_INT_EQ(x->rule, SE_HYPO_GAP);
		CHECK_INT_EQ(x->nparts, 3);
		CHECK_INT_EQ(x->score, 166);
		CHECK(x->investigate);
	}
	x = se_hypos_at(f.h, 1);
	if (x) {
		/* outcomes rated good with its one indicator red and
		 * declining: gap 50 + 10 + 5, and a blind spot 30 + 8 */
		CHECK_STR_EQ(x->area, "outcomes");
		CHECK_INT_EQ(x->score, 103);
		CHECK(x->investigate);
	}
	x = se_hypos_at(f.h, 2);
	if (x) {
		CHECK_STR_EQ(x->id, "H3");
		CHECK_STR_EQ(x->area, "managing-resources");
		CHECK_INT_EQ(x->rule, SE_HYPO_KLOE);
		CHECK_INT_EQ(x->score, 50);
		CHECK(!x->investigate);
	}
	teardown(&f);
}

TEST(equal_scores_are_ordered_by_framework_area_then_indicator_id)
{
	/* Two blind spots of equal score: outcomes comes before
	 * service-delivery in the framework, though A3 sorts before D1. */
	static const char sa[] = SA_HEAD
	    "areas:\n"
	    "  service-delivery: {rating: 2, commentary: Mixed.}\n"
	    "  outcomes: {rating: 2, commentary: Mixed.}\n";
	static const struct val v[] = {
		{ "Host", "A3", "2017", 80 }, { "Host", "A3", "2018", 70 },
		{ "England", "A3", "2018", 85 }, { "Other", "A3", "2018", 90 },
		{ "Host", "D1", "2017", 50 }, { "Host", "D1", "2018", 40 },
		{ "England", "D1", "2018", 52 }, { "Other", "D1", "2018", 55 },
	};
	se_formats *fm;
	struct fx f;

	setup(&f, sa, v, sizeof v / sizeof v[0]);
	fm = se_formats_load("formats", f.d);
	f.in.formats = fm;
	se_hypos_free(f.h);
	f.h = se_hypos_propose(&f.in, 3);
	CHECK_INT_EQ(se_hypos_len(f.h), 2);
	if (se_hypos_len(f.h) == 2) {
		CHECK_INT_EQ(se_hypos_at(f.h, 0)->score,
		    se_hypos_at(f.h, 1)->score);
		CHECK_STR_EQ(se_hypos_at(f.h, 0)->area, "outcomes");
		CHECK_STR_EQ(se_hypos_at(f.h, 1)->area, "service-delivery");
	}
	se_hypos_free(f.h);
	f.h = NULL;
	se_formats_free(fm);
	teardown(&f);
}

static char *
render(const se_hypo_input *in, se_hypoout_format fmt)
{
	se_hypoout_opts o = { fmt, "Chris Placeholder" };
	se_hypos *h = se_hypos_propose(in, 3);
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	se_hypoout_render(h, &o, f);
	fclose(f);
	se_hypos_free(h);
	return buf;
}

TEST(the_same_input_in_another_row_order_gives_byte_identical_output)
{
	struct val shuffled[sizeof all_data / sizeof all_data[0]];
	size_t n = sizeof all_data / sizeof all_data[0], i;
	struct fx a, b;
	int fmt;

	for (i = 0; i < n; i++)
		shuffled[i] = all_data[(i * 7 + 3) % n]; /* 7 is prime to 17 */
	setup(&a, sa_all, all_data, n);
	setup(&b, sa_all, shuffled, n);
	for (fmt = SE_HYPOOUT_YAML; fmt <= SE_HYPOOUT_JSON; fmt++) {
		char *x = render(&a.in, (se_hypoout_format)fmt);
		char *y = render(&b.in, (se_hypoout_format)fmt);
		char *z = render(&a.in, (se_hypoout_format)fmt);
		CHECK(x && y && z);
		if (x && y && z) {
			CHECK_STR_EQ(x, y);
			CHECK_STR_EQ(x, z);
		}
		free(x);
		free(y);
		free(z);
	}
	teardown(&a);
	teardown(&b);
}

TEST(rule_names_are_the_ids_the_man_page_lists)
{
	CHECK_STR_EQ(se_hypo_rule_name(SE_HYPO_GAP), "self-awareness-gap");
	CHECK_STR_EQ(se_hypo_rule_name(SE_HYPO_KLOE), "key-line-of-enquiry");
	CHECK_STR_EQ(se_hypo_rule_name(SE_HYPO_BLIND_SPOT), "blind-spot");
	CHECK_STR_EQ(se_hypo_rule_name(SE_HYPO_WEAKNESS),
	    "weakness-without-movement");
	CHECK_STR_EQ(se_hypo_rule_name(SE_HYPO_UNDER), "under-claiming");
	CHECK_STR_EQ(se_hypo_rule_name(SE_HYPO_CLAIM), "claim-vs-data");
	CHECK_INT_EQ(se_hypoout_format_parse("yaml"), SE_HYPOOUT_YAML);
	CHECK_INT_EQ(se_hypoout_format_parse("json"), SE_HYPOOUT_JSON);
	CHECK_INT_EQ(se_hypoout_format_parse("html"), -1);
}

int
main(void)
{
	RUN(a_good_rating_over_mostly_red_declining_indicators_is_a_self_awareness_gap);
	RUN(an_adequate_rating_over_the_same_data_is_no_self_awareness_gap);
	RUN(a_good_rating_with_one_bad_indicator_in_three_is_no_gap);
	RUN(each_key_line_of_enquiry_is_a_candidate_linked_to_its_data);
	RUN(a_self_assessment_with_no_data_still_gives_key_line_of_enquiry_hypotheses);
	RUN(a_line_of_enquiry_without_an_area_takes_the_area_of_the_indicator_it_cites);
	RUN(a_weakness_is_no_key_line_of_enquiry);
	RUN(a_red_declining_indicator_nobody_names_is_a_blind_spot);
	RUN(a_red_declining_indicator_in_an_area_named_as_a_weakness_is_no_blind_spot);
	RUN(a_red_indicator_that_is_improving_is_no_blind_spot);
	RUN(a_weakness_whose_indicators_still_decline_is_a_weakness_without_movement);
	RUN(a_weakness_whose_indicator_improves_is_not_without_movement);
	RUN(a_low_rating_over_green_data_is_under_claiming);
	RUN(a_low_rating_with_one_red_indicator_is_not_under_claiming);
	RUN(a_claim_the_data_contradicts_is_a_candidate_with_sentence_and_figures);
	RUN(a_claim_the_data_bears_out_is_no_candidate);
	RUN(candidates_of_one_area_merge_and_rank_by_score_with_the_top_n_investigated);
	RUN(equal_scores_are_ordered_by_framework_area_then_indicator_id);
	RUN(the_same_input_in_another_row_order_gives_byte_identical_output);
	RUN(rule_names_are_the_ids_the_man_page_lists);
	return DONE();
}
