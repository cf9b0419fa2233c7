/* test_catalogue.c: the indicator catalogue (se-formats(5), indicators). */
#include "se.h"
#include "unit.h"

#include <math.h>

static se_catalogue *
parse(const char *yaml, se_diag *d, se_doc **doc)
{
	*doc = se_doc_parse("cat.yaml", -1, yaml, strlen(yaml), d);
	return *doc ? se_catalogue_from_doc(*doc, d) : NULL;
}

TEST(entries_are_found_by_id_title_or_alias_ignoring_case_and_spaces)
{
	se_diag *d = se_diag_new();
	se_doc *doc;
	se_catalogue *c = parse("kind: indicators\nindicators:\n"
	    "  - id: CSC-012\n    title: Re-referrals within 12 months\n"
	    "    unit: percent\n    polarity: low\n    tolerance: 1.0\n"
	    "    thresholds: {green: 20, red: 25}\n"
	    "    aliases: [\"Re-referrals (%)\"]\n", d, &doc);
	const se_indicator *i;

	CHECK(c != NULL);
	CHECK_INT_EQ(se_catalogue_len(c), 1);
	i = se_catalogue_find(c, "csc-012", 7);
	CHECK(i != NULL);
	CHECK(se_catalogue_find(c, "  RE-REFERRALS WITHIN 12 MONTHS ", 32) == i);
	CHECK(se_catalogue_find(c, "re-referrals (%)", 16) == i);
	CHECK(se_catalogue_find(c, "re-referrals", 12) == NULL);
	CHECK_INT_EQ(i->polarity, SE_POLARITY_LOW);
	CHECK_INT_EQ(i->precision, 1);
	CHECK(i->has_thresholds);
	CHECK_DBL_EQ(i->red, 25, 0);
	CHECK_INT_EQ(se_diag_len(d), 0);
	se_catalogue_free(c);
	se_doc_free(doc);
	se_diag_free(d);
}

TEST(bad_entries_are_reported_at_their_position_and_left_out)
{
	se_diag *d = se_diag_new();
	se_doc *doc;
	se_catalogue *c = parse("kind: indicators\nindicators:\n"
	    "  - id: A\n    title: A\n    polarity: sideways\n"
	    "  - id: B\n    title: B\n    polarity: high\n"
	    "    tolerance: lots\n"
	    "  - id: C\n    title: C\n    polarity: high\n"
	    "    thresholds: {green: 80, red: 90}\n"
	    "  - id: D\n    title: A\n    polarity: high\n"
	    "  - id: E\n    title: E\n    polarity: none\n", d, &doc);

	/* D may take A's title: A was left out. */
	CHECK_INT_EQ(se_catalogue_len(c), 2);
	CHECK_STR_EQ(se_catalogue_at(c, 0)->id, "D");
	CHECK_STR_EQ(se_catalogue_at(c, 1)->id, "E");
	CHECK_INT_EQ(se_diag_count(d, SE_ERROR), 3);
	CHECK_INT_EQ(se_diag_get(d, 0)->line, 5);
	CHECK_STR_EQ(se_diag_get(d, 0)->message,
	    "polarity 'sideways' is not high, low or none");
	CHECK_INT_EQ(se_diag_get(d, 1)->line, 9);
	CHECK_STR_EQ(se_diag_get(d, 2)->message, "thresholds of 'C' are the "
	    "wrong way round for polarity high: green 80, red 90");
	se_catalogue_free(c);
	se_doc_free(doc);
	se_diag_free(d);
}

TEST(a_name_two_entries_share_is_an_error)
{
	se_diag *d = se_diag_new();
	se_doc *doc;
	se_catalogue *c = parse("kind: indicators\nindicators:\n"
	    "  - {id: A, title: Same, polarity: high}\n"
	    "  - {id: B, title: same, polarity: low}\n", d, &doc);

	CHECK_INT_EQ(se_catalogue_len(c), 1);
	CHECK_STR_EQ(se_diag_get(d, 0)->rule, "catalogue-duplicate");
	CHECK_STR_EQ(se_diag_get(d, 0)->message, "indicator 'B' is also "
	    "called 'same', a name of indicator 'A' (line 3)");
	se_catalogue_free(c);
	se_doc_free(doc);
	se_diag_free(d);
}

TEST(a_document_of_another_kind_is_not_a_catalogue)
{
	se_diag *d = se_diag_new();
	se_doc *doc;
	se_catalogue *c = parse("kind: plan\nactions: []\n", d, &doc);

	CHECK(c == NULL);
	CHECK_STR_EQ(se_diag_get(d, 0)->rule, "catalogue-kind");
	se_doc_free(doc);
	se_diag_free(d);
}

TEST(the_examples_catalogue_loads_clean)
{
	se_diag *d = se_diag_new();
	se_catalogue *c = se_catalogue_load("examples/data/indicators.yaml", d);

	CHECK(c != NULL);
	CHECK_INT_EQ(se_catalogue_len(c) > 40, 1);
	CHECK_INT_EQ(se_diag_count(d, SE_ERROR), 0);
	CHECK(se_catalogue_find(c, "Progress 8", 10) != NULL);
	se_catalogue_free(c);
	se_diag_free(d);
}

/* One unit of the last published decimal place: figures that differ by
 * no more than that may be one figure before rounding. */
TEST(the_national_catalogue_tolerates_the_rounding_of_each_figure)
{
	se_diag *d = se_diag_new();
	se_catalogue *c = se_catalogue_load(
	    "formats/shared/catalogues/national.yaml", d);
	const se_indicator *i;
	size_t k, wrong = 0;

	CHECK(c != NULL);
	CHECK_INT_EQ(se_diag_count(d, SE_ERROR), 0);
	for (k = 0; k < se_catalogue_len(c); k++) {
		i = se_catalogue_at(c, k);
		if (fabs(i->tolerance - pow(10, -i->precision)) > 1e-12)
			wrong++;
	}
	CHECK_INT_EQ(wrong, 0);
	i = se_catalogue_find(c, "rereferral_percent", 18);
	CHECK(i != NULL);
	CHECK_INT_EQ(i->precision, 1);
	CHECK(i->tolerance == 0.1);
	se_catalogue_free(c);
	se_diag_free(d);
}

int
main(void)
{
	RUN(entries_are_found_by_id_title_or_alias_ignoring_case_and_spaces);
	RUN(bad_entries_are_reported_at_their_position_and_left_out);
	RUN(a_name_two_entries_share_is_an_error);
	RUN(a_document_of_another_kind_is_not_a_catalogue);
	RUN(the_examples_catalogue_loads_clean);
	RUN(the_national_catalogue_tolerates_the_rounding_of_each_figure);
	return DONE();
}
