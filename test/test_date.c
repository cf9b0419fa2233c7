/* test_date.c: the dates people type in a plan (lib/date.c). */
#include "se.h"
#include "unit.h"

static long
day_of(const char *s)
{
	long d = -99;

	if (se_date_parse(s, strlen(s), &d) < 0)
		return -1;
	return d;
}

static const char *
text_of(const char *s)
{
	static char buf[11];
	long d;

	if (se_date_parse(s, strlen(s), &d) < 0)
		return "(unreadable)";
	se_ymd_format(d, buf);
	return buf;
}

TEST(iso_dates_are_read_as_written)
{
	CHECK_STR_EQ(text_of("2019-03-31"), "2019-03-31");
	CHECK_STR_EQ(text_of("  2019-03-31 "), "2019-03-31");
	CHECK_INT_EQ(day_of("1970-01-01"), 0);
}

TEST(slash_dates_are_day_then_month)
{
	CHECK_STR_EQ(text_of("31/03/2019"), "2019-03-31");
	CHECK_STR_EQ(text_of("1/4/2019"), "2019-04-01");
	CHECK_STR_EQ(text_of("04/01/2019"), "2019-01-04");
	CHECK_STR_EQ(text_of("09.07.2013"), "2013-07-09");
}

TEST(a_month_means_its_last_day)
{
	CHECK_STR_EQ(text_of("March 2019"), "2019-03-31");
	CHECK_STR_EQ(text_of("february 2020"), "2020-02-29");
	CHECK_STR_EQ(text_of("February 2019"), "2019-02-28");
	CHECK_STR_EQ(text_of("Sept 2019"), "2019-09-30");
	CHECK_STR_EQ(text_of("Dec 2019"), "2019-12-31");
	CHECK_STR_EQ(text_of("2019-06"), "2019-06-30");
}

TEST(end_of_a_month_means_its_last_day)
{
	CHECK_STR_EQ(text_of("end of March 2019"), "2019-03-31");
	CHECK_STR_EQ(text_of("End of June 2019"), "2019-06-30");
}

TEST(a_day_and_month_name_is_that_day)
{
	CHECK_STR_EQ(text_of("9 July 2013"), "2013-07-09");
	CHECK_STR_EQ(text_of("27 June, 2013"), "2013-06-27");
}

TEST(financial_year_quarters_end_april_to_march)
{
	CHECK_STR_EQ(text_of("Q1 2018-19"), "2018-06-30");
	CHECK_STR_EQ(text_of("Q2 2018-19"), "2018-09-30");
	CHECK_STR_EQ(text_of("Q3 2018-19"), "2018-12-31");
	CHECK_STR_EQ(text_of("Q4 2018-19"), "2019-03-31");
	CHECK_STR_EQ(text_of("q4 2018/19"), "2019-03-31");
	CHECK_STR_EQ(text_of("Q4 1999-00"), "2000-03-31");
}

TEST(a_financial_year_ends_on_31_march)
{
	CHECK_STR_EQ(text_of("2018-19"), "2019-03-31");
}

TEST(a_bare_year_is_its_31_december)
{
	CHECK_STR_EQ(text_of("2019"), "2019-12-31");
}

TEST(unreadable_dates_are_refused)
{
	CHECK_INT_EQ(day_of(""), -1);
	CHECK_INT_EQ(day_of("   "), -1);
	CHECK_INT_EQ(day_of("soon"), -1);
	CHECK_INT_EQ(day_of("31/02/2019"), -1);
	CHECK_INT_EQ(day_of("2019-13-01"), -1);
	CHECK_INT_EQ(day_of("2019-02-29"), -1);
	CHECK_INT_EQ(day_of("32/01/2019"), -1);
	CHECK_INT_EQ(day_of("03/31/2019"), -1);
	CHECK_INT_EQ(day_of("Q5 2018-19"), -1);
	CHECK_INT_EQ(day_of("Q4 2018-20"), -1);
	CHECK_INT_EQ(day_of("Q4 2018"), -1);
	CHECK_INT_EQ(day_of("Marchember 2019"), -1);
	CHECK_INT_EQ(day_of("end of 2019"), -1);
	CHECK_INT_EQ(day_of("March"), -1);
	CHECK_INT_EQ(day_of("20190"), -1);
	CHECK_INT_EQ(day_of("2019-03-31x"), -1);
	CHECK_INT_EQ(day_of("2011-13"), -1);
	CHECK_INT_EQ(day_of("31/03/19"), -1);
}

TEST(an_unreadable_date_is_reported_where_it_is)
{
	se_diag *d = se_diag_new();
	se_pos pos = { "plan.csv", 4, 12 };
	long day;

	CHECK_INT_EQ(se_date_read("next spring", 11, &pos, &day, d), -1);
	CHECK_INT_EQ(se_diag_len(d), 1);
	CHECK_STR_EQ(se_diag_get(d, 0)->rule, "bad-date");
	CHECK_INT_EQ(se_diag_get(d, 0)->line, 4);
	CHECK_INT_EQ(se_diag_get(d, 0)->col, 12);
	CHECK_STR_EQ(se_diag_get(d, 0)->message, "cannot read 'next spring' "
	    "as a date: expected a date such as 2019-03-31, 31/03/2019, "
	    "March 2019, end of March 2019, Q4 2018-19 or 2019");
	CHECK_INT_EQ(se_date_read("2019-03-31", 10, &pos, &day, d), 0);
	CHECK_INT_EQ(se_diag_len(d), 1);
	se_diag_free(d);
}

TEST(today_is_a_plausible_day)
{
	CHECK(se_date_today() > 17897); /* after 2019-01-01 */
}

int
main(void)
{
	RUN(iso_dates_are_read_as_written);
	RUN(slash_dates_are_day_then_month);
	RUN(a_month_means_its_last_day);
	RUN(end_of_a_month_means_its_last_day);
	RUN(a_day_and_month_name_is_that_day);
	RUN(financial_year_quarters_end_april_to_march);
	RUN(a_financial_year_ends_on_31_march);
	RUN(a_bare_year_is_its_31_december);
	RUN(unreadable_dates_are_refused);
	RUN(an_unreadable_date_is_reported_where_it_is);
	RUN(today_is_a_plausible_day);
	return DONE();
}
