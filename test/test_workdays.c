/* test_workdays.c: calendar dates and working days (lib/workdays.c). */
#include "se.h"
#include "unit.h"

static long
day(const char *s)
{
	long d = -999999;

	se_ymd_parse(s, strlen(s), &d);
	return d;
}

static const char *
fmt(long d)
{
	static char buf[11];

	se_ymd_format(d, buf);
	return buf;
}

/* The bank holidays of England around Christmas 2018 and Easter 2019
 * (formats/shared/bank-holidays.yaml). */
static se_workdays *
calendar(void)
{
	static const char *const hol[] = { "2018-12-25", "2018-12-26",
		"2019-01-01", "2019-04-19", "2019-04-22", "2019-05-06" };
	se_workdays *w = se_workdays_new();
	size_t i;

	for (i = 0; i < sizeof hol / sizeof hol[0]; i++)
		se_workdays_add_holiday(w, day(hol[i]));
	return w;
}

TEST(dates_parse_only_as_yyyy_mm_dd_of_real_days)
{
	long d;

	CHECK(se_ymd_parse("2018-12-14", 10, &d));
	CHECK_INT_EQ(d, 17879);
	CHECK(se_ymd_parse("1970-01-01", 10, &d));
	CHECK_INT_EQ(d, 0);
	CHECK(se_ymd_parse("2020-02-29", 10, &d));
	CHECK(!se_ymd_parse("2019-02-29", 10, &d));
	CHECK(!se_ymd_parse("1900-02-29", 10, &d));
	CHECK(se_ymd_parse("2000-02-29", 10, &d));
	CHECK(!se_ymd_parse("2018-13-01", 10, &d));
	CHECK(!se_ymd_parse("2018-00-10", 10, &d));
	CHECK(!se_ymd_parse("2018-04-31", 10, &d));
	CHECK(!se_ymd_parse("2018-4-30", 9, &d));
	CHECK(!se_ymd_parse("31/03/2019", 10, &d));
	CHECK(!se_ymd_parse("2018-12-1x", 10, &d));
	CHECK(!se_ymd_parse("2018-12-14 ", 11, &d));
	CHECK(!se_ymd_parse("", 0, &d));
}

TEST(dates_format_back_as_written)
{
	CHECK_STR_EQ(fmt(day("2018-12-14")), "2018-12-14");
	CHECK_STR_EQ(fmt(day("2000-02-29")), "2000-02-29");
	CHECK_STR_EQ(fmt(day("1969-12-31")), "1969-12-31");
	CHECK_STR_EQ(fmt(day("2030-12-26")), "2030-12-26");
}

TEST(weekdays_count_from_monday)
{
	CHECK_INT_EQ(se_ymd_weekday(day("2018-12-17")), 0); /* Monday */
	CHECK_INT_EQ(se_ymd_weekday(day("2018-12-14")), 4); /* Friday */
	CHECK_INT_EQ(se_ymd_weekday(day("2018-12-16")), 6); /* Sunday */
	CHECK_INT_EQ(se_ymd_weekday(day("1969-12-31")), 2); /* Wednesday */
}

TEST(weekends_are_not_working_days)
{
	CHECK(!se_workdays_is_working(NULL, day("2018-12-15")));
	CHECK(!se_workdays_is_working(NULL, day("2018-12-16")));
	CHECK(se_workdays_is_working(NULL, day("2018-12-17")));
	CHECK_STR_EQ(fmt(se_workdays_after(NULL, day("2018-12-14"), 1)),
	    "2018-12-17");
	CHECK_STR_EQ(fmt(se_workdays_after(NULL, day("2018-12-14"), 0)),
	    "2018-12-14");
}

TEST(bank_holidays_are_not_working_days)
{
	se_workdays *w = calendar();

	CHECK(!se_workdays_is_working(w, day("2018-12-25")));
	CHECK(!se_workdays_is_working(w, day("2019-01-01")));
	CHECK(se_workdays_is_working(w, day("2018-12-24")));
	CHECK(se_workdays_is_working(NULL, day("2018-12-25")));
	se_workdays_free(w);
}

TEST(ten_working_days_after_a_review_skip_christmas_and_new_year)
{
	se_workdays *w = calendar();

	/* Friday 14 December 2018: 17-21, 24, 27, 28, 31 Dec, 2 Jan. */
	CHECK_STR_EQ(fmt(se_workdays_after(w, day("2018-12-14"), 10)),
	    "2019-01-02");
	CHECK_INT_EQ(se_workdays_between(w, day("2018-12-14"),
	    day("2019-01-02")), 10);
	CHECK_INT_EQ(se_workdays_between(w, day("2018-12-14"),
	    day("2019-01-03")), 11);
	se_workdays_free(w);
}

TEST(five_working_days_after_a_visit_skip_easter)
{
	se_workdays *w = calendar();

	/* Thursday 18 April 2019: Good Friday and Easter Monday are off. */
	CHECK_STR_EQ(fmt(se_workdays_after(w, day("2019-04-18"), 5)),
	    "2019-04-29");
	CHECK_STR_EQ(fmt(se_workdays_after(NULL, day("2019-04-18"), 5)),
	    "2019-04-25");
	se_workdays_free(w);
}

TEST(days_between_are_none_when_the_end_is_not_later)
{
	CHECK_INT_EQ(se_workdays_between(NULL, day("2019-01-10"),
	    day("2019-01-10")), 0);
	CHECK_INT_EQ(se_workdays_between(NULL, day("2019-01-10"),
	    day("2019-01-01")), 0);
	/* a weekend only */
	CHECK_INT_EQ(se_workdays_between(NULL, day("2019-01-11"),
	    day("2019-01-13")), 0);
}

TEST(a_holiday_added_twice_counts_once)
{
	se_workdays *w = se_workdays_new();

	se_workdays_add_holiday(w, day("2019-01-01"));
	se_workdays_add_holiday(w, day("2019-01-01"));
	se_workdays_add_holiday(w, day("2018-12-25"));
	CHECK(!se_workdays_is_working(w, day("2019-01-01")));
	CHECK(!se_workdays_is_working(w, day("2018-12-25")));
	CHECK_INT_EQ(se_workdays_between(w, day("2018-12-24"),
	    day("2019-01-02")), 5);
	se_workdays_free(w);
	se_workdays_free(NULL);
}

int
main(void)
{
	RUN(dates_parse_only_as_yyyy_mm_dd_of_real_days);
	RUN(dates_format_back_as_written);
	RUN(weekdays_count_from_monday);
	RUN(weekends_are_not_working_days);
	RUN(bank_holidays_are_not_working_days);
	RUN(ten_working_days_after_a_review_skip_christmas_and_new_year);
	RUN(five_working_days_after_a_visit_skip_easter);
	RUN(days_between_are_none_when_the_end_is_not_later);
	RUN(a_holiday_added_twice_counts_once);
	return DONE();
}
