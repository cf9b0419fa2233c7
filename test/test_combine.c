/* test_combine.c: combining sub-ratings (se-formats(5), Framework data)
 * and the quality standards' rubric.  ns4 levels: 0 SI, 1 NI, 2 G, 3 OS. */
#include "se.h"
#include "unit.h"

enum { SI, NI, G, OS, NA = SE_LEVEL_NA };

TEST(worst_is_the_lowest_level_skipping_na)
{
	int v[] = { G, NA, NI, OS };

	CHECK_INT_EQ(se_combine_levels(SE_COMBINE_WORST, NULL, v, 4), NI);
}

TEST(mean_rounds_half_towards_the_worse)
{
	int a[] = { G, NI };          /* (2 + 1) / 2 = 1.5 -> 1 NI */
	int b[] = { G, G, NI };       /* 5 / 3 = 1.67 -> 2 G */
	int c[] = { OS, G, G, NI };   /* 8 / 4 = 2 -> G */
	int d[] = { OS, OS, G, NA };  /* 8 / 3 = 2.67 -> 3 OS */
	int e[] = { SI, NI, NI, NI }; /* 3 / 4 = 0.75 -> 1 NI */

	CHECK_INT_EQ(se_combine_levels(SE_COMBINE_MEAN, NULL, a, 2), NI);
	CHECK_INT_EQ(se_combine_levels(SE_COMBINE_MEAN, NULL, b, 3), G);
	CHECK_INT_EQ(se_combine_levels(SE_COMBINE_MEAN, NULL, c, 4), G);
	CHECK_INT_EQ(se_combine_levels(SE_COMBINE_MEAN, NULL, d, 4), OS);
	CHECK_INT_EQ(se_combine_levels(SE_COMBINE_MEAN, NULL, e, 4), NI);
}

TEST(median_of_an_even_count_rounds_the_middle_pair_towards_the_worse)
{
	int a[] = { OS, SI, G };     /* sorted SI G OS: G */
	int b[] = { OS, NI, G, SI }; /* middle NI, G: 1.5 -> NI */

	CHECK_INT_EQ(se_combine_levels(SE_COMBINE_MEDIAN, NULL, a, 3), G);
	CHECK_INT_EQ(se_combine_levels(SE_COMBINE_MEDIAN, NULL, b, 4), NI);
}

TEST(all_na_combines_to_na)
{
	int v[] = { NA, NA };

	CHECK_INT_EQ(se_combine_levels(SE_COMBINE_MEAN, NULL, v, 2), NA);
	CHECK_INT_EQ(se_combine_levels(SE_COMBINE_WORST, NULL, v, 0), NA);
	CHECK_INT_EQ(se_combine_parse("median"), SE_COMBINE_MEDIAN);
	CHECK_INT_EQ(se_combine_parse("average"), -1);
}

TEST(nearest_rounds_an_exact_half_up)
{
	int a[] = { G, NI };        /* 1.5 -> 2 G */
	int b[] = { OS, NI, G, SI }; /* median of NI, G: 1.5 -> G */
	se_rounding r;

	CHECK_INT_EQ(se_rounding_parse("nearest", NULL, &r), 0);
	CHECK_INT_EQ(se_combine_levels(SE_COMBINE_MEAN, &r, a, 2), G);
	CHECK_INT_EQ(se_combine_levels(SE_COMBINE_MEDIAN, &r, b, 4), G);
}

TEST(threshold_reaches_a_level_only_within_the_threshold_of_it)
{
	int a[] = { NI, NI, G, G, G };   /* 2.6: 0.6 above NI < 0.75 -> NI */
	int b[] = { NI, G, G, G, G };    /* 2.8: 0.8 >= 0.75 -> G */
	int c[] = { NI, G, G, G };       /* 2.75: exactly 0.75 -> G */
	int d[] = { SI, NI, NI, NI };    /* 1.75 - 1 = 0.75 -> NI */
	se_rounding r;

	CHECK_INT_EQ(se_rounding_parse("threshold", "0.75", &r), 0);
	CHECK_INT_EQ(se_combine_levels(SE_COMBINE_MEAN, &r, a, 5), NI);
	CHECK_INT_EQ(se_combine_levels(SE_COMBINE_MEAN, &r, b, 5), G);
	CHECK_INT_EQ(se_combine_levels(SE_COMBINE_MEAN, &r, c, 4), G);
	CHECK_INT_EQ(se_combine_levels(SE_COMBINE_MEAN, &r, d, 4), NI);
}

TEST(rounding_names_and_thresholds_that_cannot_be_read_are_refused)
{
	se_rounding r = { SE_ROUND_NEAREST, 0, 1 };

	CHECK_INT_EQ(se_rounding_parse("threshold", NULL, &r), -1);
	CHECK_INT_EQ(se_rounding_parse("threshold", "0", &r), -1);
	CHECK_INT_EQ(se_rounding_parse("threshold", "1.5", &r), -1);
	CHECK_INT_EQ(se_rounding_parse("threshold", "0.7x", &r), -1);
	CHECK_INT_EQ(se_rounding_parse("up", NULL, &r), -1);
	CHECK_INT_EQ(r.kind, SE_ROUND_NEAREST);
	CHECK_INT_EQ(se_rounding_parse("threshold", ".5", &r), 0);
	CHECK_INT_EQ(r.num * 2, r.den);
	CHECK_INT_EQ(se_rounding_parse("Half-Towards-Worse", NULL, &r), 0);
	CHECK_INT_EQ(r.kind, SE_ROUND_HALF_TOWARDS_WORSE);
}

TEST(rubric_grade_is_the_highest_whose_critical_criteria_are_met)
{
	se_criterion c[] = {
		{ G, true, false, true }, { G, false, false, true },
		{ OS, true, false, false }, { OS, false, false, true },
	};

	/* Good: its critical one met and an own one met; outstanding's
	 * critical one is not. */
	CHECK_INT_EQ(se_rubric_grade(c, 4, 4, G, true), G);
	c[2].met = true;
	CHECK_INT_EQ(se_rubric_grade(c, 4, 4, G, true), OS);
}

TEST(rubric_grade_needs_an_own_criterion_met_not_only_derived_ones)
{
	/* Outstanding's only criteria: the derived "all good criteria met"
	 * (critical, met) and one own criterion, not met. */
	se_criterion c[] = {
		{ G, false, false, true },
		{ OS, true, true, true }, { OS, false, false, false },
	};

	CHECK_INT_EQ(se_rubric_grade(c, 3, 4, G, true), G);
	CHECK_INT_EQ(se_rubric_grade(c, 3, 4, G, false), OS);
}

TEST(rubric_columns_are_judged_each_on_its_own)
{
	/* The quality standards' 1.5 in all-outstanding.yaml: good's critical criterion
	 * is unmet but outstanding's are met: outstanding is supported. */
	se_criterion c[] = { { G, true, false, false }, { OS, true, false, true } };

	CHECK_INT_EQ(se_rubric_grade(c, 2, 4, G, true), OS);
	c[1].met = false;
	CHECK_INT_EQ(se_rubric_grade(c, 2, 4, G, true), NI);
}

TEST(rubric_applying_critical_criterion_below_good_caps_the_grade)
{
	se_criterion c[] = {
		{ G, true, false, true }, { OS, true, false, true },
		{ SI, true, false, true }, /* "no identifiable improvement" */
		{ NI, false, false, true }, /* not critical: caps nothing */
	};

	CHECK_INT_EQ(se_rubric_grade(c, 4, 4, G, true), SI);
	c[2].met = false;
	CHECK_INT_EQ(se_rubric_grade(c, 4, 4, G, true), OS);
}

int
main(void)
{
	RUN(worst_is_the_lowest_level_skipping_na);
	RUN(mean_rounds_half_towards_the_worse);
	RUN(median_of_an_even_count_rounds_the_middle_pair_towards_the_worse);
	RUN(all_na_combines_to_na);
	RUN(nearest_rounds_an_exact_half_up);
	RUN(threshold_reaches_a_level_only_within_the_threshold_of_it);
	RUN(rounding_names_and_thresholds_that_cannot_be_read_are_refused);
	RUN(rubric_grade_is_the_highest_whose_critical_criteria_are_met);
	RUN(rubric_grade_needs_an_own_criterion_met_not_only_derived_ones);
	RUN(rubric_columns_are_judged_each_on_its_own);
	RUN(rubric_applying_critical_criterion_below_good_caps_the_grade);
	return DONE();
}
