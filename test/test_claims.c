/* test_claims.c: claims of movement checked against the data (the
 * claim-vs-data rule shared by se-hypothesise and se-validate --data). */
#include "se.h"
#include "unit.h"

#include <stdlib.h>
#include <string.h>

static const char catalogue[] =
    "kind: indicators\n"
    "indicators:\n"
    "  - {id: RR, title: Re-referrals within 12 months, unit: percent,\n"
    "     polarity: low, compare: england, tolerance: 1.0,\n"
    "     aliases: [Re-referral rate]}\n"
    "  - {id: EET, title: Care leavers in education or training,\n"
    "     unit: percent, polarity: high, compare: england,\n"
    "     tolerance: 2.0}\n"
    "  - {id: REF, title: Referrals per 10000 children, unit: rate,\n"
    "     polarity: none}\n";

struct fx {
	se_diag *d;
	se_doc *catdoc, *doc;
	se_catalogue *cat;
	se_store *s;
	se_profile *p;
	se_claims *c;
};

static void
row(se_store *s, const char *auth, const char *ind, const char *period,
    double v)
{
	se_row r;

	memset(&r, 0, sizeof r);
	r.authority = auth;
	r.indicator = ind;
	r.period_text = period;
	se_period_parse(period, strlen(period), &r.period);
	r.has_value = true;
	r.value = v;
	r.pos.file = r.row_pos.file = "t.csv";
	r.pos.line = r.row_pos.line = 2;
	r.pos.col = r.row_pos.col = 1;
	se_store_row(s, &r);
}

/* Re-referrals up from 22 to 25 (England 21); care leavers in EET down
 * from 50 to 40 (England 52); referrals (context) down. */
static void
setup(struct fx *f, const char *name, const char *text)
{
	memset(f, 0, sizeof *f);
	f->d = se_diag_new();
	f->catdoc = se_doc_parse("cat.yaml", -1, catalogue,
	    sizeof catalogue - 1, f->d);
	f->cat = se_catalogue_from_doc(f->catdoc, f->d);
	f->s = se_store_new(f->cat, f->d);
	row(f->s, "Host", "RR", "2017-18", 22);
	row(f->s, "Host", "RR", "2018-19", 25);
	row(f->s, "England", "RR", "2018-19", 21);
	row(f->s, "Host", "EET", "2017-18", 50);
	row(f->s, "Host", "EET", "2018-19", 40);
	row(f->s, "England", "EET", "2018-19", 52);
	row(f->s, "Host", "REF", "2017-18", 600);
	row(f->s, "Host", "REF", "2018-19", 550);
	se_store_finish(f->s);
	f->p = se_profile_new(f->cat);
	se_profile_add_store(f->p, f->s, NULL, "Host");
	f->doc = se_doc_parse(name, -1, text, strlen(text), f->d);
	f->c = se_claims_find(f->doc, f->cat, f->p);
}

static void
teardown(struct fx *f)
{
	se_claims_free(f->c);
	se_profile_free(f->p);
	se_store_free(f->s);
	se_catalogue_free(f->cat);
	se_doc_free(f->catdoc);
	se_doc_free(f->doc);
	se_diag_free(f->d);
}

#define HEAD "kind: self-assessment\nauthority: Host\n"

TEST(a_reduction_claimed_for_a_rising_indicator_is_contradicted)
{
	struct fx f;
	const se_claim *c;

	setup(&f, "sa.yaml", HEAD "process: >\n  We audit monthly. "
	    "Re-referrals have\n  reduced (indicator:RR) since 2017.\n");
	CHECK_INT_EQ(se_claims_len(f.c), 1);
	c = se_claims_at(f.c, 0);
	if (c) {
		CHECK_STR_EQ(c->fact->ind->id, "RR");
		CHECK_STR_EQ(c->word, "reduced");
		CHECK_STR_EQ(c->sentence, "Re-referrals have reduced "
		    "(indicator:RR) since 2017.");
		CHECK_INT_EQ(c->pos.line, 4);
		CHECK_INT_EQ(c->pos.col, 21);
		CHECK_STR_EQ(c->message, "RR Re-referrals within 12 months "
		    "rose from 22.0% in 2017-18 to 25.0% in 2018-19");
	}
	teardown(&f);
}

TEST(a_title_or_alias_in_the_sentence_cites_the_indicator)
{
	struct fx f;

	setup(&f, "sa.yaml", HEAD "process: The re-referral rate has "
	    "fallen. Care leavers in education or training have "
	    "increased.\n");
	CHECK_INT_EQ(se_claims_len(f.c), 2);
	if (se_claims_len(f.c) == 2) {
		CHECK_STR_EQ(se_claims_at(f.c, 0)->fact->ind->id, "RR");
		CHECK_STR_EQ(se_claims_at(f.c, 0)->word, "fallen");
		CHECK_STR_EQ(se_claims_at(f.c, 1)->fact->ind->id, "EET");
		CHECK_STR_EQ(se_claims_at(f.c, 1)->word, "increased");
	}
	teardown(&f);
}

TEST(a_claim_the_data_bears_out_or_a_negated_claim_is_not_reported)
{
	struct fx f;

	setup(&f, "sa.yaml", HEAD "process: Re-referrals have risen "
	    "(indicator:RR). Care leavers in education or training have "
	    "not improved. Referrals per 10000 children have fallen.\n");
	CHECK_INT_EQ(se_claims_len(f.c), 0);
	teardown(&f);
}

TEST(above_the_national_average_is_checked_against_england)
{
	struct fx f;
	const se_claim *c;

	setup(&f, "sa.yaml", HEAD "process: Care leavers in education or "
	    "training are above the national average.\n");
	CHECK_INT_EQ(se_claims_len(f.c), 1);
	c = se_claims_at(f.c, 0);
	if (c) {
		CHECK_STR_EQ(c->word, "above the national average");
		CHECK_STR_EQ(c->message, "EET Care leavers in education or "
		    "training was 40.0% in 2018-19, below England's 52.0%");
	}
	teardown(&f);
}

TEST(lower_than_nationally_compares_with_england_not_last_year)
{
	struct fx f;
	const se_claim *c;

	/* 25 is above England's 21: contradicted, though it is not the
	 * year-on-year movement the word alone would mean. */
	setup(&f, "sa.yaml", HEAD "process: Re-referrals "
	    "(indicator:RR) are lower than nationally.\n");
	CHECK_INT_EQ(se_claims_len(f.c), 1);
	c = se_claims_at(f.c, 0);
	if (c)
		CHECK_STR_EQ(c->message, "RR Re-referrals within 12 months "
		    "was 25.0% in 2018-19, above England's 21.0%");
	teardown(&f);
}

TEST(each_indicator_in_a_sentence_takes_the_claim_nearest_it)
{
	struct fx f;

	/* RR did rise; EET did not improve. */
	setup(&f, "sa.yaml", HEAD "process: Re-referrals (indicator:RR) "
	    "rose while care leavers in training (indicator:EET) "
	    "improved.\n");
	CHECK_INT_EQ(se_claims_len(f.c), 1);
	if (se_claims_len(f.c) == 1) {
		CHECK_STR_EQ(se_claims_at(f.c, 0)->fact->ind->id, "EET");
		CHECK_STR_EQ(se_claims_at(f.c, 0)->word, "improved");
	}
	teardown(&f);
}

TEST(an_item_whose_evidence_names_one_indicator_is_checked_against_it)
{
	struct fx f;
	const se_claim *c;

	setup(&f, "sa.yaml", HEAD "strengths:\n  - text: Re-referrals "
	    "have reduced since the restructure.\n    area: "
	    "service-delivery\n    evidence: [indicator:RR, mash.md]\n"
	    "  - text: Both have reduced.\n    evidence: [indicator:RR, "
	    "indicator:EET]\n");
	CHECK_INT_EQ(se_claims_len(f.c), 1);
	c = se_claims_at(f.c, 0);
	if (c) {
		CHECK_STR_EQ(c->area, "service-delivery");
		CHECK_INT_EQ(c->pos.line, 4);
	}
	teardown(&f);
}

TEST(a_claim_in_a_markdown_section_is_placed_at_its_line_and_column)
{
	struct fx f;
	const se_claim *c;

	setup(&f, "sev.md", "---\nkind: self-evaluation\nauthority: Host\n"
	    "---\n# Front door\n\nContacts are quick.\nThe [re-referral "
	    "rate](indicator:RR) has reduced.\n");
	CHECK_INT_EQ(se_claims_len(f.c), 1);
	c = se_claims_at(f.c, 0);
	if (c) {
		CHECK_STR_EQ(c->area, "front-door");
		CHECK_STR_EQ(c->pos.file, "sev.md");
		CHECK_INT_EQ(c->pos.line, 8);
		CHECK_INT_EQ(c->pos.col, 42); /* at "reduced" */
	}
	teardown(&f);
}

TEST(the_validate_check_warns_with_rule_claim_vs_data_at_the_sentence)
{
	struct fx f;
	const se_diag_item *it;

	setup(&f, "sa.yaml", HEAD "process: Re-referrals have reduced "
	    "(indicator:RR).\n");
	CHECK_INT_EQ(se_claims_check(f.doc, f.cat, f.s, f.d), 0);
	CHECK_INT_EQ(se_diag_count(f.d, SE_WARNING), 1);
	it = se_diag_get(f.d, 0);
	if (it) {
		CHECK_STR_EQ(it->rule, "claim-vs-data");
		CHECK_INT_EQ(it->line, 3);
		CHECK_INT_EQ(it->col, 10);
		CHECK_STR_EQ(it->message, "the text says 'reduced' but RR "
		    "Re-referrals within 12 months rose from 22.0% in 2017-18 "
		    "to 25.0% in 2018-19");
	}
	teardown(&f);
}

TEST(a_document_for_an_authority_the_data_lacks_gets_no_warning)
{
	struct fx f;
	static const char text[] = "kind: self-assessment\nauthority: "
	    "Elsewhere\nprocess: Re-referrals have reduced (indicator:RR).\n";

	setup(&f, "sa.yaml", text);
	CHECK_INT_EQ(se_claims_check(f.doc, f.cat, f.s, f.d), 0);
	CHECK_INT_EQ(se_diag_count(f.d, SE_WARNING), 0);
	teardown(&f);
}

TEST(a_claim_on_the_next_line_of_a_list_is_tied_to_its_own_item)
{
	struct fx f;
	const se_claim *c;

	/* The first item cites RR with no claim; "fallen" is EET's, on the
	 * next line, and the warning is there. */
	setup(&f, "sev.md", "---\nkind: self-evaluation\nauthority: Host\n"
	    "---\n# Outcomes\n\n- Re-referrals are watched (indicator:RR)\n"
	    "- Care leavers in education or training have fallen "
	    "(indicator:EET)\n");
	CHECK_INT_EQ(se_claims_len(f.c), 0); /* EET did fall: no warning */
	teardown(&f);
	setup(&f, "sev.md", "---\nkind: self-evaluation\nauthority: Host\n"
	    "---\n# Outcomes\n\n- Care leavers are tracked (indicator:EET)\n"
	    "- Re-referrals have fallen\n  (indicator:RR)\n");
	CHECK_INT_EQ(se_claims_len(f.c), 1);
	c = se_claims_at(f.c, 0);
	if (c) {
		CHECK_STR_EQ(c->fact->ind->id, "RR");
		CHECK_INT_EQ(c->pos.line, 8);
		CHECK_INT_EQ(c->pos.col, 21); /* at "fallen" */
	}
	teardown(&f);
}

TEST(decrease_and_increase_are_movement_words)
{
	struct fx f;

	setup(&f, "sa.yaml", HEAD "process: We saw a decrease in "
	    "re-referrals (indicator:RR). An increase in care leavers in "
	    "education or training (indicator:EET).\n");
	CHECK_INT_EQ(se_claims_len(f.c), 2);
	if (se_claims_len(f.c) == 2) {
		CHECK_STR_EQ(se_claims_at(f.c, 0)->word, "decrease in");
		CHECK_STR_EQ(se_claims_at(f.c, 1)->word, "increase in");
	}
	teardown(&f);
}

TEST(a_value_claimed_after_a_movement_is_checked_at_its_places)
{
	struct fx f;
	const se_claim *c;

	/* RR rose to 25.0: "rose to 24%" names the wrong figure. */
	setup(&f, "sa.yaml", HEAD "process: Re-referrals rose to 24% "
	    "(indicator:RR).\n");
	CHECK_INT_EQ(se_claims_len(f.c), 1);
	c = se_claims_at(f.c, 0);
	if (c) {
		CHECK_STR_EQ(c->word, "rose to 24%");
		CHECK_STR_EQ(c->message, "RR Re-referrals within 12 months was "
		    "25.0% in 2018-19");
	}
	teardown(&f);
	/* Near misses: the right figure, and 25.04 given to one place. */
	setup(&f, "sa.yaml", HEAD "process: Re-referrals rose to 25% "
	    "(indicator:RR). Re-referrals rose to 25.0 per cent "
	    "(indicator:RR).\n");
	CHECK_INT_EQ(se_claims_len(f.c), 0);
	teardown(&f);
}

TEST(a_claim_before_its_evidence_line_is_checked_against_that_evidence)
{
	struct fx f;
	const se_claim *c;

	setup(&f, "sev.md", "---\nkind: self-evaluation\nauthority: Host\n"
	    "---\n# Front door\n\nRe-referrals have reduced.\n"
	    "Evidence: indicator:RR\n");
	CHECK_INT_EQ(se_claims_len(f.c), 1);
	c = se_claims_at(f.c, 0);
	if (c) {
		CHECK_STR_EQ(c->fact->ind->id, "RR");
		CHECK_STR_EQ(c->word, "reduced");
		CHECK_INT_EQ(c->pos.line, 7);
	}
	teardown(&f);
	/* Near miss: the claim sentence cites its own indicator. */
	setup(&f, "sev.md", "---\nkind: self-evaluation\nauthority: Host\n"
	    "---\n# Front door\n\nCare leavers in education or training "
	    "have reduced.\nEvidence: indicator:RR\n");
	CHECK_INT_EQ(se_claims_len(f.c), 0);
	teardown(&f);
}

TEST(lower_than_statistical_neighbours_is_checked_against_the_neighbours)
{
	struct fx f;

	/* The fixture's data has England only: a neighbours claim cannot be
	 * checked and is not reported as a movement either (RR rose, so
	 * "lower" as a movement would be contradicted). */
	setup(&f, "sa.yaml", HEAD "process: Re-referrals are lower than "
	    "statistical neighbours (indicator:RR).\n");
	CHECK_INT_EQ(se_claims_len(f.c), 0);
	teardown(&f);
}

TEST(with_two_indicators_each_takes_the_claims_of_its_own_clause)
{
	struct fx f;

	/* "more ... than nationally" is EET's (40 < England 52: wrong); the
	 * near miss is RR's clause, which claims nothing. */
	setup(&f, "sa.yaml", HEAD "process: Re-referrals are watched "
	    "(indicator:RR), and more care leavers are in education or "
	    "training than nationally (indicator:EET).\n");
	CHECK_INT_EQ(se_claims_len(f.c), 1);
	if (se_claims_len(f.c) == 1)
		CHECK_STR_EQ(se_claims_at(f.c, 0)->fact->ind->id, "EET");
	teardown(&f);
}

int
main(void)
{
	RUN(a_reduction_claimed_for_a_rising_indicator_is_contradicted);
	RUN(a_title_or_alias_in_the_sentence_cites_the_indicator);
	RUN(a_claim_the_data_bears_out_or_a_negated_claim_is_not_reported);
	RUN(above_the_national_average_is_checked_against_england);
	RUN(lower_than_nationally_compares_with_england_not_last_year);
	RUN(each_indicator_in_a_sentence_takes_the_claim_nearest_it);
	RUN(an_item_whose_evidence_names_one_indicator_is_checked_against_it);
	RUN(a_claim_in_a_markdown_section_is_placed_at_its_line_and_column);
	RUN(the_validate_check_warns_with_rule_claim_vs_data_at_the_sentence);
	RUN(a_document_for_an_authority_the_data_lacks_gets_no_warning);
	RUN(a_claim_on_the_next_line_of_a_list_is_tied_to_its_own_item);
	RUN(decrease_and_increase_are_movement_words);
	RUN(a_value_claimed_after_a_movement_is_checked_at_its_places);
	RUN(a_claim_before_its_evidence_line_is_checked_against_that_evidence);
	RUN(lower_than_statistical_neighbours_is_checked_against_the_neighbours);
	RUN(with_two_indicators_each_takes_the_claims_of_its_own_clause);
	return DONE();
}
