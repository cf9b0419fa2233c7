/* test_rate.c: the rating rules of se-rag(1), rule by rule, with
 * the arithmetic written out. */
#include "se.h"
#include "unit.h"

#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static const char catalogue[] =
    "kind: indicators\n"
    "indicators:\n"
    "  - {id: LOW, title: Re-referrals, unit: percent, polarity: low,\n"
    "     compare: england, tolerance: 1.0}\n"
    "  - {id: HIGH, title: Assessments, unit: percent, polarity: high,\n"
    "     thresholds: {green: 95, red: 90}}\n"
    "  - {id: REG, title: Turnover, unit: percent, polarity: low,\n"
    "     compare: region, tolerance: 1.5}\n"
    "  - {id: NB, title: Caseload, unit: ratio, polarity: low,\n"
    "     compare: neighbours, tolerance: 1.0}\n"
    "  - {id: CTX, title: Referral rate, unit: rate, polarity: none}\n";

struct fixture {
	se_diag *d;
	se_doc *doc;
	se_catalogue *cat;
	se_store *s;
	unsigned line;
};

static void
setup(struct fixture *f)
{
	f->d = se_diag_new();
	f->doc = se_doc_parse("cat.yaml", -1, catalogue, sizeof catalogue - 1,
	    f->d);
	f->cat = se_catalogue_from_doc(f->doc, f->d);
	f->s = se_store_new(f->cat, f->d);
	f->line = 1;
}

static void
teardown(struct fixture *f)
{
	se_store_free(f->s);
	se_catalogue_free(f->cat);
	se_doc_free(f->doc);
	se_diag_free(f->d);
}

/* One extract row; NAN is the suppression marker "c". */
static void
add(struct fixture *f, const char *auth, const char *region,
    const char *ind, const char *period, double v)
{
	se_row r;

	memset(&r, 0, sizeof r);
	r.authority = auth;
	r.region = region;
	r.indicator = ind;
	r.period_text = period;
	se_period_parse(period, strlen(period), &r.period);
	r.has_value = !isnan(v);
	r.value = v;
	r.flag = r.has_value ? NULL : "c";
	f->line++;
	r.pos.file = r.row_pos.file = "t.csv";
	r.pos.line = r.row_pos.line = f->line;
	r.pos.col = r.row_pos.col = 1;
	se_store_row(f->s, &r);
}

static size_t
series(const se_store *s, const char *id)
{
	size_t i;

	for (i = 0; i < se_store_nseries(s); i++)
		if (strcmp(se_store_series_indicator(s, i)->id, id) == 0)
			return i;
	return SIZE_MAX;
}

/* Rate 'id' and return the rating of 'auth' (a static copy). */
static se_rating
rating(struct fixture *f, const se_rate_opts *o, const char *id,
    const char *auth, char *why, size_t n)
{
	static se_rating none;
	size_t k = series(f->s, id), e = se_store_entity_find(f->s, auth);
	se_rating *v, r;

	if (k == SIZE_MAX || e == SIZE_MAX)
		return none;
	v = calloc(se_store_nentities(f->s), sizeof *v);
	se_rate_series(f->s, k, o, v);
	r = v[e];
	if (why)
		se_rating_reason(f->s, k, &r, why, n);
	free(v);
	return r;
}

TEST(better_is_the_difference_in_the_good_direction)
{
	CHECK_DBL_EQ(se_better(SE_POLARITY_HIGH, 5, 3), 2, 0); /* 5 - 3 */
	CHECK_DBL_EQ(se_better(SE_POLARITY_LOW, 5, 3), -2, 0); /* 3 - 5 */
	CHECK_DBL_EQ(se_better(SE_POLARITY_NONE, 5, 3), 0, 0);
}

TEST(thresholds_high_green_at_the_green_value_red_only_below_red)
{
	/* green 95, red 90: 95 >= 95 green; 94.9 amber; 90 is not < 90,
	 * amber; 89.9 < 90 red. */
	CHECK_INT_EQ(se_rag_thresholds(SE_POLARITY_HIGH, 95, 95, 90), SE_RAG_GREEN);
	CHECK_INT_EQ(se_rag_thresholds(SE_POLARITY_HIGH, 94.9, 95, 90), SE_RAG_AMBER);
	CHECK_INT_EQ(se_rag_thresholds(SE_POLARITY_HIGH, 90, 95, 90), SE_RAG_AMBER);
	CHECK_INT_EQ(se_rag_thresholds(SE_POLARITY_HIGH, 89.9, 95, 90), SE_RAG_RED);
}

TEST(thresholds_low_green_at_or_below_green_red_only_above_red)
{
	/* green 426, red 547 (days: lower is better). */
	CHECK_INT_EQ(se_rag_thresholds(SE_POLARITY_LOW, 426, 426, 547), SE_RAG_GREEN);
	CHECK_INT_EQ(se_rag_thresholds(SE_POLARITY_LOW, 427, 426, 547), SE_RAG_AMBER);
	CHECK_INT_EQ(se_rag_thresholds(SE_POLARITY_LOW, 547, 426, 547), SE_RAG_AMBER);
	CHECK_INT_EQ(se_rag_thresholds(SE_POLARITY_LOW, 548, 426, 547), SE_RAG_RED);
}

TEST(comparator_rag_is_amber_within_the_tolerance_inclusive)
{
	/* low, England 21.9, t 1.0: 24.1 -> d = 21.9 - 24.1 = -2.2 < -1 red;
	 * 22.9 -> d = -1.0, not < -1, amber; 20.8 -> d = 1.1 > 1 green. */
	CHECK_INT_EQ(se_rag_comparator(SE_POLARITY_LOW, 24.1, 21.9, 1), SE_RAG_RED);
	CHECK_INT_EQ(se_rag_comparator(SE_POLARITY_LOW, 22.9, 21.9, 1), SE_RAG_AMBER);
	CHECK_INT_EQ(se_rag_comparator(SE_POLARITY_LOW, 20.8, 21.9, 1), SE_RAG_GREEN);
	/* 4.7 - 4.5 is 0.2 exactly as people write it: equal to t 0.2, so
	 * amber, not green (binary floating point says 0.2000000000000002). */
	CHECK_INT_EQ(se_rag_comparator(SE_POLARITY_LOW, 4.5, 4.7, 0.2), SE_RAG_AMBER);
	CHECK_INT_EQ(se_rag_comparator(SE_POLARITY_NONE, 4.5, 4.7, 0.2), SE_RAG_NONE);
}

TEST(direction_uses_the_tolerance_in_the_good_direction)
{
	/* high, t 2: 86.4 - 84.3 = 2.1 > 2 improving; 85.6 - 84.3 = 1.3
	 * stable; 73.9 - 76.5 = -2.6 < -2 declining. */
	CHECK_INT_EQ(se_direction_of(SE_POLARITY_HIGH, 86.4, 84.3, 2), SE_DIR_IMPROVING);
	CHECK_INT_EQ(se_direction_of(SE_POLARITY_HIGH, 85.6, 84.3, 2), SE_DIR_STABLE);
	CHECK_INT_EQ(se_direction_of(SE_POLARITY_HIGH, 73.9, 76.5, 2), SE_DIR_DECLINING);
	/* low: a rise of 1.7 with t 1 is declining. */
	CHECK_INT_EQ(se_direction_of(SE_POLARITY_LOW, 26.3, 24.6, 1), SE_DIR_DECLINING);
}

TEST(ties_share_the_lowest_rank)
{
	/* high: 9 best, then two 7s (rank 2, 2), then 5 is 4th. */
	double v[] = { 7, 9, 5, 7 };
	unsigned rank[4], rrank[4];

	CHECK_INT_EQ(se_rank(SE_POLARITY_HIGH, v, 4, rank, rrank), 4);
	CHECK_INT_EQ(rank[1], 1);
	CHECK_INT_EQ(rank[0], 2);
	CHECK_INT_EQ(rank[3], 2);
	CHECK_INT_EQ(rank[2], 4);
	/* From the worst: 5 is 1st, the 7s share 2nd, 9 is 4th. */
	CHECK_INT_EQ(rrank[2], 1);
	CHECK_INT_EQ(rrank[0], 2);
	CHECK_INT_EQ(rrank[1], 4);
}

TEST(low_polarity_ranks_the_smallest_first_and_skips_missing_values)
{
	double v[] = { 26.3, NAN, 19.4, 22.6 };
	unsigned rank[4];

	CHECK_INT_EQ(se_rank(SE_POLARITY_LOW, v, 4, rank, NULL), 3);
	CHECK_INT_EQ(rank[2], 1);
	CHECK_INT_EQ(rank[3], 2);
	CHECK_INT_EQ(rank[0], 3);
	CHECK_INT_EQ(rank[1], 0);
}

TEST(polarity_none_is_never_ranked)
{
	double v[] = { 1, 2 };
	unsigned rank[2];

	CHECK_INT_EQ(se_rank(SE_POLARITY_NONE, v, 2, rank, NULL), 0);
	CHECK_INT_EQ(rank[0], 0);
}

TEST(quartiles_with_three_ranked_are_b_c_d)
{
	/* n = 3: 1 <= 0.75? no; 1 <= 1.5 B.  2 <= 1.5? no; 2 <= 2.25 C.
	 * 3 > 2.25 D. */
	CHECK_INT_EQ(se_quartile(1, 3), 'B');
	CHECK_INT_EQ(se_quartile(2, 3), 'C');
	CHECK_INT_EQ(se_quartile(3, 3), 'D');
}

TEST(quartiles_with_nine_ranked_follow_n_over_four)
{
	/* n = 9: n/4 = 2.25 (ranks 1-2 A), n/2 = 4.5 (3-4 B), 3n/4 = 6.75
	 * (5-6 C), 7-9 D. */
	CHECK_INT_EQ(se_quartile(2, 9), 'A');
	CHECK_INT_EQ(se_quartile(3, 9), 'B');
	CHECK_INT_EQ(se_quartile(4, 9), 'B');
	CHECK_INT_EQ(se_quartile(5, 9), 'C');
	CHECK_INT_EQ(se_quartile(6, 9), 'C');
	CHECK_INT_EQ(se_quartile(7, 9), 'D');
	CHECK_INT_EQ(se_quartile(0, 9), 0);
}

TEST(median_of_an_even_count_is_the_mean_of_the_middle_two)
{
	double v[] = { 4, 1, 3, 2 }, w[] = { 5, 1, 3 };

	CHECK_DBL_EQ(se_median(v, 4), 2.5, 0); /* (2 + 3) / 2 */
	CHECK_DBL_EQ(se_median(w, 3), 3, 0);
	CHECK(isnan(se_median(v, 0)));
}

/* Three authorities, England, a region, two periods of LOW. */
static void
low_data(struct fixture *f, bool with_england)
{
	if (with_england) {
		add(f, "England", NULL, "LOW", "2017-18", 21.0);
		add(f, "England", NULL, "LOW", "2018-19", 21.9);
	}
	add(f, "Anyshire", "Midshires", "LOW", "2017-18", 22.0);
	add(f, "Anyshire", "Midshires", "LOW", "2018-19", 24.1);
	add(f, "Any City", "Midshires", "LOW", "2017-18", 21.0);
	add(f, "Any City", "Midshires", "LOW", "2018-19", 20.5);
	add(f, "Any Port", "Midshires", "LOW", "2017-18", NAN);
	add(f, "Any Port", "Midshires", "LOW", "2018-19", 22.0);
	se_store_finish(f->s);
}

TEST(england_comparator_gives_the_reason_in_words)
{
	struct fixture f;
	se_rate_opts o = { NULL, NULL, -1 };
	char why[200];
	se_rating r;

	setup(&f);
	low_data(&f, true);
	r = rating(&f, &o, "LOW", "Anyshire", why, sizeof why);
	/* d = 21.9 - 24.1 = -2.2 < -1.0: red.  Ranks (low): Any City 20.5
	 * 1st, Any Port 22.0 2nd, Anyshire 24.1 3rd of 3: quartile D.
	 * Change 24.1 - 22.0 = 2.1, better = -2.1 < -1: declining. */
	CHECK_INT_EQ(r.rag, SE_RAG_RED);
	CHECK_INT_EQ(r.source, SE_SOURCE_ENGLAND);
	CHECK_DBL_EQ(r.comparator, 21.9, 0);
	CHECK_INT_EQ(r.rank, 3);
	CHECK_INT_EQ(r.of, 3);
	CHECK_INT_EQ(r.quartile, 'D');
	CHECK_INT_EQ(r.direction, SE_DIR_DECLINING);
	CHECK_DBL_EQ(r.change, 2.1, 1e-12);
	CHECK_STR_EQ(r.period_text, "2018-19");
	CHECK_STR_EQ(why, "24.1 vs England 21.9 (worse by 2.2, tolerance 1.0)");
	teardown(&f);
}

TEST(missing_england_row_falls_back_to_the_median_of_authorities)
{
	struct fixture f;
	se_rate_opts o = { NULL, NULL, -1 };
	char why[200];
	se_rating r;

	setup(&f);
	low_data(&f, false);
	r = rating(&f, &o, "LOW", "Anyshire", why, sizeof why);
	/* Median of 20.5, 22.0, 24.1 is 22.0; d = 22.0 - 24.1 = -2.1: red. */
	CHECK_INT_EQ(r.source, SE_SOURCE_MEDIAN);
	CHECK_DBL_EQ(r.comparator, 22.0, 0);
	CHECK_INT_EQ(r.rag, SE_RAG_RED);
	CHECK_STR_EQ(why, "24.1 vs median 22.0 (worse by 2.1, tolerance 1.0; "
	    "no England value, median of 3 authorities)");
	teardown(&f);
}

TEST(suppressed_previous_value_makes_the_direction_unknown)
{
	struct fixture f;
	se_rate_opts o = { NULL, NULL, -1 };
	char why[200];
	se_rating r;

	setup(&f);
	low_data(&f, true);
	r = rating(&f, &o, "LOW", "Any Port", why, sizeof why);
	/* 22.0 vs 21.9: d = -0.1, within 1.0: amber; 2017-18 was "c". */
	CHECK_INT_EQ(r.direction, SE_DIR_UNKNOWN);
	CHECK_INT_EQ(r.rag, SE_RAG_AMBER);
	CHECK(!r.has_change);
	CHECK_STR_EQ(why, "22.0 vs England 21.9 (worse by 0.1, tolerance 1.0); "
	    "previous: 2017-18 suppressed (c)");
	teardown(&f);
}

TEST(suppressed_latest_value_is_shown_unrated_and_unranked)
{
	struct fixture f;
	se_rate_opts o = { NULL, "2017-18", -1 };
	se_rate_opts p = { "2017-18", "2018-19", -1 };
	char why[200];
	se_rating r;

	setup(&f);
	low_data(&f, true);
	/* --period 2017-18: Any Port is "c" there. */
	r = rating(&f, &p, "LOW", "Any Port", why, sizeof why);
	CHECK(r.shown);
	CHECK_INT_EQ(r.cur.state, SE_CELL_SUPPRESSED);
	CHECK_INT_EQ(r.rank, 0);
	CHECK_INT_EQ(r.rag, SE_RAG_NONE);
	CHECK_STR_EQ(why, "2017-18 suppressed (c)");
	/* Ranks at 2017-18 are over the two values: Any City 21.0 first. */
	r = rating(&f, &p, "LOW", "Anyshire", NULL, 0);
	CHECK_INT_EQ(r.rank, 2);
	CHECK_INT_EQ(r.of, 2);
	(void)o;
	teardown(&f);
}

TEST(previous_option_names_the_period_compared_with)
{
	struct fixture f;
	se_rate_opts o = { NULL, "2016-17", -1 };
	char why[200];
	se_rating r;

	setup(&f);
	add(&f, "England", NULL, "LOW", "2016-17", 20.0);
	add(&f, "Anyshire", "Midshires", "LOW", "2016-17", 25.0);
	low_data(&f, true);
	r = rating(&f, &o, "LOW", "Anyshire", why, sizeof why);
	/* 24.1 vs 2016-17's 25.0: better = 25.0 - 24.1 = 0.9, within 1:
	 * stable (2017-18's 22.0 is skipped as asked). */
	CHECK_INT_EQ(r.direction, SE_DIR_STABLE);
	CHECK_STR_EQ(r.previous_text, "2016-17");
	CHECK_DBL_EQ(r.change, -0.9, 1e-12);
	/* Any City has no 2016-17 row: unknown, and the reason says why. */
	r = rating(&f, &o, "LOW", "Any City", why, sizeof why);
	CHECK_INT_EQ(r.direction, SE_DIR_UNKNOWN);
	CHECK_STR_EQ(why, "20.5 vs England 21.9 (better by 1.4, tolerance 1.0); "
	    "previous: no value for 2016-17");
	teardown(&f);
}

TEST(a_single_period_is_new)
{
	struct fixture f;
	se_rate_opts o = { NULL, NULL, -1 };
	se_rating r;

	setup(&f);
	add(&f, "Anyshire", NULL, "HIGH", "2019", 96);
	se_store_finish(f.s);
	r = rating(&f, &o, "HIGH", "Anyshire", NULL, 0);
	CHECK_INT_EQ(r.direction, SE_DIR_NEW);
	teardown(&f);
}

TEST(thresholds_are_the_default_comparator_when_an_indicator_has_them)
{
	struct fixture f;
	se_rate_opts o = { NULL, NULL, -1 };
	char why[200];
	se_rating r;

	setup(&f);
	add(&f, "England", NULL, "HIGH", "2019", 99);
	add(&f, "Anyshire", NULL, "HIGH", "2019", 92);
	add(&f, "Any City", NULL, "HIGH", "2019", 95);
	se_store_finish(f.s);
	r = rating(&f, &o, "HIGH", "Anyshire", why, sizeof why);
	/* 92: below green 95, not below red 90: amber. */
	CHECK_INT_EQ(r.source, SE_SOURCE_THRESHOLDS);
	CHECK_INT_EQ(r.rag, SE_RAG_AMBER);
	CHECK_STR_EQ(why, "92.0 below green 95.0, not below red 90.0");
	r = rating(&f, &o, "HIGH", "Any City", why, sizeof why);
	CHECK_INT_EQ(r.rag, SE_RAG_GREEN);
	CHECK_STR_EQ(why, "95.0 at or above green 95.0");
	/* --compare england overrides: 92 vs 99, d = -7: red. */
	o.compare = SE_COMPARE_ENGLAND;
	r = rating(&f, &o, "HIGH", "Anyshire", NULL, 0);
	CHECK_INT_EQ(r.source, SE_SOURCE_ENGLAND);
	CHECK_INT_EQ(r.rag, SE_RAG_RED);
	teardown(&f);
}

TEST(region_comparator_uses_the_region_row_then_the_region_median)
{
	struct fixture f;
	se_rate_opts o = { NULL, NULL, -1 };
	char why[200];
	se_rating r;

	setup(&f);
	add(&f, "Midshires", "Midshires", "REG", "2018", 15.0);
	add(&f, "Anyshire", "Midshires", "REG", "2018", 17.0);
	add(&f, "Any City", "Midshires", "REG", "2018", 14.0);
	add(&f, "Far Town", "Westshires", "REG", "2018", 10.0);
	add(&f, "Near Town", "Westshires", "REG", "2018", 13.0);
	add(&f, "Lone Town", NULL, "REG", "2018", 12.0);
	se_store_finish(f.s);
	CHECK_INT_EQ(se_store_entity_kind(f.s, se_store_entity_find(f.s,
	    "Midshires")), SE_ENTITY_REGION);
	/* 17.0 vs Midshires 15.0: d = 15 - 17 = -2 < -1.5: red. */
	r = rating(&f, &o, "REG", "Anyshire", why, sizeof why);
	CHECK_INT_EQ(r.source, SE_SOURCE_REGION);
	CHECK_INT_EQ(r.rag, SE_RAG_RED);
	CHECK_STR_EQ(why, "17.0 vs Midshires 15.0 (worse by 2.0, tolerance 1.5)");
	/* Westshires has no row: median of 10 and 13 is 11.5; Near Town's
	 * d = 11.5 - 13 = -1.5, within 1.5: amber. */
	r = rating(&f, &o, "REG", "Near Town", why, sizeof why);
	CHECK_INT_EQ(r.source, SE_SOURCE_MEDIAN);
	CHECK_DBL_EQ(r.comparator, 11.5, 0);
	CHECK_INT_EQ(r.rag, SE_RAG_AMBER);
	/* No region column: the region comparator is unavailable. */
	r = rating(&f, &o, "REG", "Lone Town", why, sizeof why);
	CHECK_INT_EQ(r.rag, SE_RAG_NONE);
	CHECK_STR_EQ(why, "12.0: no region comparator (no region for this "
	    "authority)");
	teardown(&f);
}

TEST(neighbours_mean_leaves_out_suppressed_neighbours)
{
	struct fixture f;
	se_rate_opts o = { NULL, NULL, -1 };
	char why[200];
	se_rating r;
	FILE *nb = fopen("test_rate_nb.csv", "w");

	fputs("authority,neighbour,rank\nAnyshire,Any Dale,1\n"
	    "Anyshire,Any Vale,2\nAnyshire,Any Wick,3\n", nb);
	fclose(nb);
	setup(&f);
	add(&f, "Anyshire", NULL, "NB", "2018", 21.2);
	add(&f, "Any Dale", NULL, "NB", "2018", 16.0);
	add(&f, "Any Vale", NULL, "NB", "2018", NAN);
	add(&f, "Any Wick", NULL, "NB", "2018", 17.0);
	CHECK_INT_EQ(se_store_read_neighbours(f.s, "test_rate_nb.csv"), 0);
	se_store_finish(f.s);
	r = rating(&f, &o, "NB", "Anyshire", why, sizeof why);
	/* Mean of 16.0 and 17.0 (Any Vale suppressed) = 16.5; d = 16.5 -
	 * 21.2 = -4.7: red. */
	CHECK_INT_EQ(r.source, SE_SOURCE_NEIGHBOURS);
	CHECK_DBL_EQ(r.comparator, 16.5, 0);
	CHECK_INT_EQ(r.rag, SE_RAG_RED);
	CHECK_STR_EQ(why, "21.2 vs neighbours 16.5 (worse by 4.7, tolerance "
	    "1.0; mean of 2 neighbours)");
	/* Ranks leave the suppressed one out: 3 ranked. */
	CHECK_INT_EQ(r.of, 3);
	remove("test_rate_nb.csv");
	teardown(&f);
}

TEST(polarity_none_shows_value_and_change_but_no_rating)
{
	struct fixture f;
	se_rate_opts o = { NULL, NULL, -1 };
	char why[200];
	se_rating r;

	setup(&f);
	add(&f, "England", NULL, "CTX", "2018", 500);
	add(&f, "Anyshire", NULL, "CTX", "2017", 521.7);
	add(&f, "Anyshire", NULL, "CTX", "2018", 515.4);
	se_store_finish(f.s);
	r = rating(&f, &o, "CTX", "Anyshire", why, sizeof why);
	CHECK_INT_EQ(r.rag, SE_RAG_NONE);
	CHECK_INT_EQ(r.rank, 0);
	CHECK_INT_EQ(r.direction, SE_DIR_NONE);
	CHECK(r.has_change);
	CHECK_DBL_EQ(r.change, 515.4 - 521.7, 0);
	CHECK_STR_EQ(why, "context only (polarity none)");
	teardown(&f);
}

TEST(latest_period_is_the_last_any_authority_has)
{
	struct fixture f;
	se_rate_opts o = { NULL, NULL, -1 };
	se_rating r;

	setup(&f);
	/* England already has 2019-20; no authority has: 2018-19 is rated.
	 * Any City has no 2018-19 row: shown there, unrated. */
	add(&f, "England", NULL, "LOW", "2019-20", 20);
	add(&f, "England", NULL, "LOW", "2018-19", 21.9);
	add(&f, "Anyshire", NULL, "LOW", "2018-19", 24.1);
	add(&f, "Any City", NULL, "LOW", "2017-18", 20.1);
	se_store_finish(f.s);
	r = rating(&f, &o, "LOW", "Anyshire", NULL, 0);
	CHECK_STR_EQ(r.period_text, "2018-19");
	r = rating(&f, &o, "LOW", "Any City", NULL, 0);
	CHECK(r.shown);
	CHECK_INT_EQ(r.cur.state, SE_CELL_ABSENT);
	CHECK_INT_EQ(r.rag, SE_RAG_NONE);
	teardown(&f);
}

TEST(numbers_round_for_people_and_round_trip_for_machines)
{
	char b[64];

	se_number_format(2.1500000000000004, 1, b, sizeof b);
	CHECK_STR_EQ(b, "2.2");
	se_number_format(-0.04, 1, b, sizeof b);
	CHECK_STR_EQ(b, "0.0");
	se_number_format(24.1 - 22.0, -1, b, sizeof b);
	CHECK_STR_EQ(b, "2.1000000000000014");
	se_number_format(23.5, -1, b, sizeof b);
	CHECK_STR_EQ(b, "23.5");
}

/* ---- se_number_format against printf -------------------------------------
 * The formatter writes digits itself; its oracle is what it did before,
 * with printf: the short decimal path (values with at most six decimals),
 * else "%.*f" without "-0", or "%.15g" and "%.17g" when that does not read
 * back. */

static bool
ref_short_decimal(double v, char *buf, size_t n)
{
	static const double p10[] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6 };
	double a = fabs(v), scale = 1;
	char digits[24], t[40];
	int k, nd, d;
	size_t m = 0;
	unsigned long long u;

	if (!(a < 1e14))
		return false;
	for (k = 0; k <= 6; k++, scale *= 10) {
		double x = a * scale, r = floor(x + 0.5);
		if (x != r && fabs(x - r) > x * 4e-16)
			continue;
		u = (unsigned long long)r;
		nd = 0;
		do {
			digits[nd++] = (char)('0' + u % 10);
			u /= 10;
		} while (u);
		while (nd <= k)
			digits[nd++] = '0';
		if (v < 0 && r != 0)
			t[m++] = '-';
		for (d = nd - 1; d >= 0; d--) {
			t[m++] = digits[d];
			if (d == k && k > 0)
				t[m++] = '.';
		}
		t[m] = '\0';
		if (r >= 9007199254740992.0 || r / p10[k] != a || m >= n)
			return false;
		memcpy(buf, t, m + 1);
		return true;
	}
	return false;
}

static size_t
ref_format(double v, int precision, char *buf, size_t n)
{
	int k;

	if (ref_short_decimal(v, buf, n)) {
		const char *dot = strchr(buf, '.');
		size_t len = strlen(buf), have = dot ? len - (size_t)(dot -
		    buf) - 1 : 0;
		if (precision < 0)
			return len;
		if (have <= (size_t)precision && len + 2 + (size_t)precision <
		    n) {
			if (!dot && precision > 0)
				buf[len++] = '.';
			while (have < (size_t)precision) {
				buf[len++] = '0';
				have++;
			}
			buf[len] = '\0';
			if (strcmp(buf, "-0") != 0 && strspn(buf, "-0.") != len)
				return len;
		}
	}
	if (precision < 0) {
		k = snprintf(buf, n, "%.15g", v);
		if (strtod(buf, NULL) != v)
			k = snprintf(buf, n, "%.17g", v);
		return k < 0 ? 0 : (size_t)k;
	}
	k = snprintf(buf, n, "%.*f", precision, v);
	if (k > 0 && n > 0 && buf[0] == '-' && strspn(buf + 1, "0.") ==
	    (size_t)k - 1) {
		memmove(buf, buf + 1, (size_t)k);
		k--;
	}
	return k < 0 ? 0 : (size_t)k;
}

/* Compare one value at one precision; report the first few failures. */
static void
same_as_printf(double v, int precision, size_t n, int *fails)
{
	char got[400], want[400];
	size_t g, w;

	memset(got, 'x', sizeof got);
	memset(want, 'x', sizeof want);
	g = se_number_format(v, precision, got, n);
	w = ref_format(v, precision, want, n);
	if (g == w && memcmp(got, want, w < n ? w + 1 : n) == 0)
		return;
	if ((*fails)++ < 5)
		printf("# %.17g (%a) precision %d size %zu: got \"%.*s\" (%zu), "
		    "expected \"%.*s\" (%zu)\n", v, v, precision, n,
		    (int)(n ? n - 1 : 0), got, g, (int)(n ? n - 1 : 0), want, w);
	unit_cur_failed = 1;
}

static void
same_at_all_precisions(double v, int *fails)
{
	static const int precisions[] = { -1, 0, 1, 2, 3, 4, 6, 9, 15, 17, 22,
		23, 30 };
	size_t k;

	for (k = 0; k < sizeof precisions / sizeof precisions[0]; k++) {
		same_as_printf(v, precisions[k], 64, fails);
		same_as_printf(-v, precisions[k], 64, fails);
	}
}

/* xorshift64*: the same numbers on every run. */
static uint64_t
next_random(uint64_t *state)
{
	*state ^= *state >> 12;
	*state ^= *state << 25;
	*state ^= *state >> 27;
	return *state * 2685821657736338717ULL;
}

static double
bits_to_double(uint64_t u)
{
	double d;

	memcpy(&d, &u, sizeof d);
	return d;
}

TEST(number_format_matches_printf_on_edge_values)
{
	static const double edge[] = { 0.0, 0.5, 1.5, 2.5, 0.25, 0.125, 0.375,
		1e-300, 4.9406564584124654e-324, 2.2250738585072014e-308,
		1.7976931348623157e308, 0.05, 0.15, 0.25, 0.35, 0.45, 1.005,
		2.675, 1.0000000000000002, 0.9999999999999999, 9.5, 99.5,
		999999999999999.5, 99999999999999.95, 0.00001, 0.0001, 0.001,
		0.00009999999999999999, 123456789012345678.0, 1e15, 1e16, 1e17,
		1e21, 1e22, 1e23, 4503599627370495.5, 4503599627370496.0,
		9007199254740993.0, 0.30000000000000004, 5.8000000000000043,
		2.1000000000000014, 12345678901234.56, 90000000000000.1,
		0.1 + 0.7, 4.35, 4.45, 1e-5, 1.5e-5, 9.9999999999999995e-5 };
	int fails = 0;
	size_t i, n;
	int p;

	for (i = 0; i < sizeof edge / sizeof edge[0]; i++)
		same_at_all_precisions(edge[i], &fails);
	same_at_all_precisions(NAN, &fails);
	same_at_all_precisions(INFINITY, &fails);
	/* Halfway cases: k + 1/2 units of the last place, exactly. */
	for (p = 0; p <= 6; p++)
		for (i = 0; i < 2000; i++) {
			double half = ((double)i + 0.5) / (double)(1 << p);
			same_at_all_precisions(half, &fails);
		}
	/* Every buffer size, so truncation is printf's too.  (Not -0.0:
	 * with a buffer one byte short the printf version kept the "-" of
	 * "-0.0"; now it is dropped there too.) */
	for (n = 0; n <= 24; n++)
		for (p = -1; p <= 4; p++) {
			same_as_printf(-5.8000000000000043, p, n, &fails);
			same_as_printf(12.25, p, n, &fails);
			same_as_printf(0.00001234, p, n, &fails);
		}
}

TEST(number_format_matches_printf_on_random_values)
{
	uint64_t state = 88172645463325252ULL;
	int fails = 0, i;

	for (i = 0; i < 200000; i++) {
		uint64_t u = next_random(&state);
		int places = (int)(u % 7), p = (int)((u >> 3) % 8) - 1;
		double mag = (double)(next_random(&state) % 100000000);
		double d = mag / pow(10, places);
		double e = (double)(next_random(&state) % 1000000) / 1000;
		/* Decimals as in extracts, their differences and means, each
		 * one ulp either side, and any double at all. */
		same_as_printf(d, p, 64, &fails);
		same_as_printf(d - e, p, 64, &fails);
		same_as_printf((d + e) / 3, p, 64, &fails);
		same_as_printf(nextafter(d, 0), p, 64, &fails);
		same_as_printf(nextafter(d, INFINITY), p, 64, &fails);
		same_as_printf(bits_to_double(next_random(&state)), p, 64,
		    &fails);
		same_as_printf(bits_to_double(next_random(&state) >> 12 |
		    (uint64_t)(1023 + i % 60 - 20) << 52), p, 64, &fails);
	}
}

int
main(void)
{
	RUN(better_is_the_difference_in_the_good_direction);
	RUN(thresholds_high_green_at_the_green_value_red_only_below_red);
	RUN(thresholds_low_green_at_or_below_green_red_only_above_red);
	RUN(comparator_rag_is_amber_within_the_tolerance_inclusive);
	RUN(direction_uses_the_tolerance_in_the_good_direction);
	RUN(ties_share_the_lowest_rank);
	RUN(low_polarity_ranks_the_smallest_first_and_skips_missing_values);
	RUN(polarity_none_is_never_ranked);
	RUN(quartiles_with_three_ranked_are_b_c_d);
	RUN(quartiles_with_nine_ranked_follow_n_over_four);
	RUN(median_of_an_even_count_is_the_mean_of_the_middle_two);
	RUN(england_comparator_gives_the_reason_in_words);
	RUN(missing_england_row_falls_back_to_the_median_of_authorities);
	RUN(suppressed_previous_value_makes_the_direction_unknown);
	RUN(suppressed_latest_value_is_shown_unrated_and_unranked);
	RUN(previous_option_names_the_period_compared_with);
	RUN(a_single_period_is_new);
	RUN(thresholds_are_the_default_comparator_when_an_indicator_has_them);
	RUN(region_comparator_uses_the_region_row_then_the_region_median);
	RUN(neighbours_mean_leaves_out_suppressed_neighbours);
	RUN(polarity_none_shows_value_and_change_but_no_rating);
	RUN(latest_period_is_the_last_any_authority_has);
	RUN(numbers_round_for_people_and_round_trip_for_machines);
	RUN(number_format_matches_printf_on_edge_values);
	RUN(number_format_matches_printf_on_random_values);
	return DONE();
}
