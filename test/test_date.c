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
	    "31 March 2019, 31-Mar-19, March 2019, Mar-19, end of March 2019, "
	    "Q4 2018-19, 2018-19, Summer term 2019 or 2019");
	CHECK_INT_EQ(se_date_read("2019-03-31", 10, &pos, &day, d), 0);
	CHECK_INT_EQ(se_diag_len(d), 1);
	se_diag_free(d);
}

TEST(school_terms_end_in_august_december_and_march)
{
	CHECK_STR_EQ(text_of("Summer term 2013"), "2013-08-31");
	CHECK_STR_EQ(text_of("Autumn term 2013"), "2013-12-31");
	CHECK_STR_EQ(text_of("spring TERM 2014"), "2014-03-31");
	CHECK_STR_EQ(text_of("Summer 2013"), "2013-08-31");
	/* an academic year span: autumn in its first year */
	CHECK_STR_EQ(text_of("Autumn term 2012/13"), "2012-12-31");
	CHECK_STR_EQ(text_of("Spring term 2012-13"), "2013-03-31");
	CHECK_STR_EQ(text_of("Summer term 2012/13"), "2013-08-31");
	CHECK_INT_EQ(day_of("Summer term 2012/14"), -1);
	CHECK_INT_EQ(day_of("Winter term 2013"), -1);
	CHECK_INT_EQ(day_of("Summer term"), -1);
}

TEST(quarters_may_be_written_with_a_slash_or_year_first)
{
	CHECK_STR_EQ(text_of("Q4 2018/19"), "2019-03-31");
	CHECK_STR_EQ(text_of("Q2 2019-20"), "2019-09-30");
	CHECK_STR_EQ(text_of("2018-19 Q2"), "2018-09-30");
	CHECK_STR_EQ(text_of("2018/19 q4"), "2019-03-31");
	CHECK_INT_EQ(day_of("2018/19 Q5"), -1);
}

TEST(dates_as_excel_shows_them_are_read)
{
	CHECK_STR_EQ(text_of("31-Mar-2019"), "2019-03-31");
	CHECK_STR_EQ(text_of("31-Mar-19"), "2019-03-31");
	CHECK_STR_EQ(text_of("Mar-19"), "2019-03-31");
	CHECK_STR_EQ(text_of("Sept-2019"), "2019-09-30");
	CHECK_INT_EQ(day_of("March 19"), -1);
	CHECK_INT_EQ(day_of("31-Feb-19"), -1);
}

TEST(impossible_dates_are_refused)
{
	CHECK_INT_EQ(day_of("31/09/2019"), -1);
	CHECK_INT_EQ(day_of("31/13/2020"), -1);
	CHECK_INT_EQ(day_of("2019-02-30"), -1);
	CHECK_INT_EQ(day_of("29/02/2019"), -1);
	CHECK_STR_EQ(text_of("29/02/2020"), "2020-02-29");
	CHECK_INT_EQ(day_of("TBC"), -1);
	CHECK_INT_EQ(day_of(""), -1);
}

static long
ymd_day(const char *s)
{
	long d = -1;

	se_ymd_parse(s, strlen(s), &d);
	return d;
}

TEST(a_month_before_is_the_same_day_or_the_months_last)
{
	char buf[11];

	se_ymd_format(se_date_month_before(ymd_day("2019-06-30")), buf);
	CHECK_STR_EQ(buf, "2019-05-30");
	se_ymd_format(se_date_month_before(ymd_day("2019-03-31")), buf);
	CHECK_STR_EQ(buf, "2019-02-28");
	se_ymd_format(se_date_month_before(ymd_day("2020-03-31")), buf);
	CHECK_STR_EQ(buf, "2020-02-29");
	se_ymd_format(se_date_month_before(ymd_day("2019-01-15")), buf);
	CHECK_STR_EQ(buf, "2018-12-15");
}

/* formats/shared/plan.yaml lists the date forms for people; each is
 * read as the day it says. */
TEST(every_date_form_plan_yaml_lists_is_read_as_it_says)
{
	se_diag *d = se_diag_new();
	se_doc *doc = se_doc_load("formats/shared/plan.yaml", d);
	const se_node *forms = doc ? se_node_get(doc->meta, "date-forms") :
	    NULL;
	size_t i;

	CHECK(forms != NULL && forms->kind == SE_NODE_LIST);
	CHECK(forms != NULL && forms->n >= 10);
	for (i = 0; forms && i < forms->n; i++) {
		const char *form = se_node_str(se_node_get(forms->items[i],
		    "form"));
		const char *means = se_node_str(se_node_get(forms->items[i],
		    "means"));
		CHECK(form != NULL && means != NULL);
		if (form && means)
			CHECK_STR_EQ(text_of(form), means);
	}
	se_doc_free(doc);
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
	RUN(school_terms_end_in_august_december_and_march);
	RUN(quarters_may_be_written_with_a_slash_or_year_first);
	RUN(dates_as_excel_shows_them_are_read);
	RUN(impossible_dates_are_refused);
	RUN(a_month_before_is_the_same_day_or_the_months_last);
	RUN(every_date_form_plan_yaml_lists_is_read_as_it_says);
	RUN(today_is_a_plausible_day);
	return DONE();
}
