/* test_diag.c: the diagnostics sink. */
#include "se.h"
#include "unit.h"

TEST(error_returns_minus_one_and_is_counted)
{
	se_diag *d = se_diag_new();
	se_pos p = { "a.yaml", 3, 7 };

	CHECK_INT_EQ(se_diag_error(d, &p, "dup-key", "duplicate key '%s'", "x"), -1);
	CHECK_INT_EQ(se_diag_warning(d, &p, "words", "too long"), 0);
	CHECK_INT_EQ(se_diag_count(d, SE_ERROR), 1);
	CHECK_INT_EQ(se_diag_count(d, SE_WARNING), 1);
	CHECK_STR_EQ(se_diag_get(d, 0)->message, "duplicate key 'x'");
	se_diag_free(d);
}

TEST(strict_turns_warnings_into_errors)
{
	se_diag *d = se_diag_new();

	se_diag_set_strict(d, true);
	se_diag_warning(d, NULL, "words", "too long");
	CHECK_INT_EQ(se_diag_count(d, SE_ERROR), 1);
	CHECK_INT_EQ(se_diag_count(d, SE_WARNING), 0);
	se_diag_free(d);
}

TEST(sort_orders_by_file_line_column_then_insertion)
{
	se_diag *d = se_diag_new();
	se_pos b2 = { "b", 2, 1 }, a9 = { "a", 9, 1 }, a2 = { "a", 2, 5 },
	       a2b = { "a", 2, 5 }, nofile = { NULL, 0, 0 };

	se_diag_error(d, &b2, "r", "1");
	se_diag_error(d, &a9, "r", "2");
	se_diag_error(d, &a2, "r", "3");
	se_diag_error(d, &a2b, "r", "4");
	se_diag_error(d, &nofile, "r", "5");
	se_diag_sort(d);
	CHECK_STR_EQ(se_diag_get(d, 0)->message, "3");
	CHECK_STR_EQ(se_diag_get(d, 1)->message, "4");
	CHECK_STR_EQ(se_diag_get(d, 2)->message, "2");
	CHECK_STR_EQ(se_diag_get(d, 3)->message, "1");
	CHECK_STR_EQ(se_diag_get(d, 4)->message, "5");
	se_diag_free(d);
}

TEST(after_ten_of_one_rule_in_one_file_the_rest_are_counted_in_one_entry)
{
	se_diag *d = se_diag_new();
	se_pos a = { "a.csv", 1, 1 }, b = { "b.csv", 1, 1 };
	unsigned i;

	for (i = 1; i <= 14; i++) {
		a.line = i;
		CHECK_INT_EQ(se_diag_error(d, &a, "csv-value", "bad %u", i), -1);
	}
	for (i = 1; i <= 10; i++) {
		b.line = i;
		se_diag_warning(d, &b, "csv-value", "odd %u", i);
	}
	a.line = 20;
	se_diag_warning(d, &a, "csv-row", "other rule");
	/* all still counted, for the exit status */
	CHECK_INT_EQ(se_diag_count(d, SE_ERROR), 14);
	CHECK_INT_EQ(se_diag_count(d, SE_WARNING), 11);
	/* 10 + the summary, 10 of b, 1 of the other rule */
	CHECK_INT_EQ(se_diag_len(d), 22);
	se_diag_sort(d);
	CHECK_STR_EQ(se_diag_get(d, 9)->message, "bad 10");
	CHECK_STR_EQ(se_diag_get(d, 10)->message,
	    "4 more problems of this kind in this file are not shown");
	CHECK_INT_EQ(se_diag_get(d, 10)->line, 11);
	CHECK_STR_EQ(se_diag_get(d, 10)->rule, "csv-value");
	CHECK_INT_EQ(se_diag_get(d, 10)->severity, SE_ERROR);
	CHECK_STR_EQ(se_diag_get(d, 11)->message, "other rule");
	CHECK_STR_EQ(se_diag_get(d, 21)->message, "odd 10");
	se_diag_free(d);
}

TEST(one_more_is_said_in_the_singular)
{
	se_diag *d = se_diag_new();
	se_pos a = { "a.csv", 1, 1 };
	unsigned i;

	for (i = 1; i <= 11; i++)
		se_diag_note(d, &a, "period-mark", "n");
	CHECK_INT_EQ(se_diag_len(d), 11);
	CHECK_STR_EQ(se_diag_get(d, 10)->message,
	    "1 more problem of this kind in this file is not shown");
	se_diag_free(d);
}

int
main(void)
{
	RUN(error_returns_minus_one_and_is_counted);
	RUN(strict_turns_warnings_into_errors);
	RUN(sort_orders_by_file_line_column_then_insertion);
	RUN(after_ten_of_one_rule_in_one_file_the_rest_are_counted_in_one_entry);
	RUN(one_more_is_said_in_the_singular);
	return DONE();
}
