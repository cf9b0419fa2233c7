/* test_period.c: periods parsed, ordered and formatted. */
#include "se.h"
#include "unit.h"

/* Parse and format back: the canonical text, or "-" when not a period;
 * kind and maybe_month as "K" and "?" suffixes. */
static const char *
canon(const char *s)
{
	static char buf[64];
	se_period p;
	size_t n;

	if (se_period_parse(s, strlen(s), &p) != 0)
		return "-";
	n = se_period_format(&p, buf, sizeof buf);
	snprintf(buf + n, sizeof buf - n, " %d%s", (int)p.kind,
	    p.maybe_month ? "?" : "");
	return buf;
}

TEST(years_spans_quarters_months_and_dates_parse)
{
	CHECK_STR_EQ(canon("2018"), "2018 0");
	CHECK_STR_EQ(canon(" 2018 "), "2018 0");
	CHECK_STR_EQ(canon("2018-19"), "2018-19 1");
	CHECK_STR_EQ(canon("2018/19"), "2018-19 1");
	CHECK_STR_EQ(canon("2018-2019"), "2018-19 1");
	CHECK_STR_EQ(canon("1999-00"), "1999-00 1");
	CHECK_STR_EQ(canon("2018Q2"), "2018Q2 2");
	CHECK_STR_EQ(canon("2018q4"), "2018Q4 2");
	CHECK_STR_EQ(canon("2018-Q1"), "2018Q1 2");
	CHECK_STR_EQ(canon("2018 Q3"), "2018Q3 2");
	CHECK_STR_EQ(canon("2018-09"), "2018-09 3");
	CHECK_STR_EQ(canon("2018-09-30"), "2018-09-30 4");
	CHECK_STR_EQ(canon("2020-02-29"), "2020-02-29 4");
}

TEST(a_span_that_could_be_a_month_is_marked_maybe_month)
{
	se_period p, m;

	CHECK_STR_EQ(canon("2011-12"), "2011-12 1?");
	CHECK_STR_EQ(canon("2010-11"), "2010-11 1?");
	CHECK_STR_EQ(canon("2011/12"), "2011-12 1");
	CHECK_STR_EQ(canon("2012-13"), "2012-13 1");
	CHECK_INT_EQ(se_period_parse("2011-12", 7, &p), 0);
	m = se_period_as_month(&p);
	CHECK_INT_EQ(m.kind, SE_PERIOD_MONTH);
	CHECK_INT_EQ(m.year, 2011);
	CHECK_INT_EQ(m.sub, 12);
}

TEST(anything_else_is_not_a_period)
{
	static const char *const bad[] = { "", "201", "20188", "2018-13",
		"2018-00", "2018/09", "2018Q5", "2018Q0", "2018 Q",
		"2018-Q", "2018/Q2", "2018-02-30", "2019-02-29", "2018-9",
		"2018-09-1", "18-19", "2018-2030", "abcd", "Q2 2018",
		"Q5 2018-19", "2018-19 Q0", "Q2 2018-20", "2018-19Q2", "2014-13",
		"2013/14-15/17", "2014-25",
		"2018-19x", "2018_19", "2018-1920000012018", "2018-99999999999" };
	size_t i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		se_period p;
		if (se_period_parse(bad[i], strlen(bad[i]), &p) == 0) {
			printf("# '%s' parsed\n", bad[i]);
			unit_cur_failed = 1;
		}
	}
}

TEST(periods_sort_chronologically_within_a_kind)
{
	static const char *const order[] = { "2017Q4", "2018Q1", "2018Q2",
		"2019Q1" };
	se_period a, b;
	size_t i;

	for (i = 0; i + 1 < sizeof order / sizeof order[0]; i++) {
		se_period_parse(order[i], strlen(order[i]), &a);
		se_period_parse(order[i + 1], strlen(order[i + 1]), &b);
		CHECK(se_period_cmp(&a, &b) < 0);
		CHECK(se_period_cmp(&b, &a) > 0);
		CHECK(se_period_cmp(&a, &a) == 0);
	}
	se_period_parse("2018-09-30", 10, &a);
	se_period_parse("2018-10-01", 10, &b);
	CHECK(se_period_cmp(&a, &b) < 0);
	se_period_parse("2009-10", 7, &a);
	se_period_parse("2010-11", 7, &b);
	CHECK(se_period_cmp(&a, &b) < 0);
}

TEST(financial_year_quarters_parse_either_way_round)
{
	CHECK_STR_EQ(canon("Q2 2018-19"), "2018-19 Q2 5");
	CHECK_STR_EQ(canon("2018-19 Q2"), "2018-19 Q2 5");
	CHECK_STR_EQ(canon("q1 2019/20"), "2019-20 Q1 5");
	CHECK_STR_EQ(canon(" 2019-20 Q4 "), "2019-20 Q4 5");
}

TEST(financial_year_quarters_sort_chronologically)
{
	static const char *const order[] = { "Q4 2017-18", "2018-19 Q1",
		"Q2 2018-19", "2018-19 Q3", "Q4 2018-19", "Q1 2019-20" };
	se_period a, b;
	size_t i;

	for (i = 0; i + 1 < sizeof order / sizeof order[0]; i++) {
		CHECK_INT_EQ(se_period_parse(order[i], strlen(order[i]), &a), 0);
		CHECK_INT_EQ(se_period_parse(order[i + 1],
		    strlen(order[i + 1]), &b), 0);
		CHECK(se_period_cmp(&a, &b) < 0);
	}
}

TEST(rolling_spans_parse_and_sort_by_their_last_year)
{
	se_period a, b;

	CHECK_STR_EQ(canon("2014-16"), "2014-16 6");
	CHECK_STR_EQ(canon("2014 - 16"), "2014-16 6");
	CHECK_STR_EQ(canon("2014-2016"), "2014-16 6");
	CHECK_STR_EQ(canon("2018-20"), "2018-20 6");
	CHECK_STR_EQ(canon("2013/14-15/16"), "2013/14-15/16 6");
	CHECK_STR_EQ(canon("2098-02"), "2098-02 3");   /* a month, as before */
	CHECK_STR_EQ(canon("2098-01"), "2098-01 3");
	/* 2013-17 ends after 2014-16 though it starts before it */
	se_period_parse("2014-16", 7, &a);
	se_period_parse("2013-17", 7, &b);
	CHECK(se_period_cmp(&a, &b) < 0);
	se_period_parse("2015-17", 7, &b);
	CHECK(se_period_cmp(&a, &b) < 0);
}

TEST(terms_and_weeks_parse_and_sort_within_their_year)
{
	static const char *const order[] = { "2022-23 summer term",
		"2023-24 Autumn term", "2023-24 autumn and spring term",
		"2023-24 SPRING TERM", "2023-24 summer term" };
	se_period a, b;
	size_t i;

	CHECK_STR_EQ(canon("2023-24 Spring term"), "2023-24 spring term 7");
	CHECK_STR_EQ(canon("2023-24 autumn and spring term"),
	    "2023-24 autumn and spring term 7");
	CHECK_STR_EQ(canon("2024 week 37"), "2024 week 37 8");
	CHECK_STR_EQ(canon("2024 Week 5"), "2024 week 5 8");
	CHECK_INT_EQ(se_period_parse("2023-25 spring term", 19, &a), -1);
	CHECK_INT_EQ(se_period_parse("2024 week 54", 12, &a), -1);
	CHECK_INT_EQ(se_period_parse("2021 week 53", 12, &a), -1);
	CHECK_INT_EQ(se_period_parse("2026 week 53", 12, &a), 0);
	CHECK_INT_EQ(se_period_parse("2020 week 53", 12, &a), 0);
	CHECK_INT_EQ(se_period_parse("2024 week 0", 11, &a), -1);
	CHECK_INT_EQ(se_period_parse("2023-24 winter term", 19, &a), -1);
	for (i = 0; i + 1 < sizeof order / sizeof order[0]; i++) {
		CHECK_INT_EQ(se_period_parse(order[i], strlen(order[i]), &a), 0);
		CHECK_INT_EQ(se_period_parse(order[i + 1],
		    strlen(order[i + 1]), &b), 0);
		CHECK(se_period_cmp(&a, &b) < 0);
	}
	se_period_parse("2024 week 9", 11, &a);
	se_period_parse("2024 week 10", 12, &b);
	CHECK(se_period_cmp(&a, &b) < 0);
}

TEST(a_period_ends_on_its_last_day)
{
	static const struct {
		const char *in, *end;
	} t[] = {
		{ "2018", "2018-12-31" }, { "2018-19", "2019-03-31" },
		{ "2018Q1", "2018-03-31" }, { "2019Q2", "2019-06-30" },
		{ "2020-02", "2020-02-29" }, { "2018-09-30", "2018-09-30" },
		{ "Q1 2018-19", "2018-06-30" }, { "Q3 2018-19", "2018-12-31" },
		{ "Q4 2018-19", "2019-03-31" }, { "2014-16", "2016-12-31" },
		{ "2013/14-15/16", "2016-03-31" },
		{ "2023-24 autumn term", "2023-12-31" },
		{ "2023-24 Autumn and spring term", "2024-03-31" },
		{ "2023-24 spring term", "2024-03-31" },
		{ "2023-24 summer term", "2024-08-31" },
		{ "2024 week 1", "2024-01-07" }, { "2020 week 53", "2021-01-03" },
		{ "2021 week 1", "2021-01-10" }, { "2026 week 49", "2026-12-06" },
	};
	size_t i;

	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		se_period p;
		char buf[11];
		CHECK_INT_EQ(se_period_parse(t[i].in, strlen(t[i].in), &p), 0);
		se_period_end(&p, buf);
		CHECK_STR_EQ(buf, t[i].end);
	}
}

TEST(format_reports_the_length_it_needs_like_snprintf)
{
	se_period p;
	char small[5];

	se_period_parse("2018-09-30", 10, &p);
	CHECK_INT_EQ(se_period_format(&p, small, sizeof small), 10);
	CHECK_STR_EQ(small, "2018");
}

int
main(void)
{
	RUN(years_spans_quarters_months_and_dates_parse);
	RUN(terms_and_weeks_parse_and_sort_within_their_year);
	RUN(a_span_that_could_be_a_month_is_marked_maybe_month);
	RUN(anything_else_is_not_a_period);
	RUN(periods_sort_chronologically_within_a_kind);
	RUN(financial_year_quarters_parse_either_way_round);
	RUN(financial_year_quarters_sort_chronologically);
	RUN(rolling_spans_parse_and_sort_by_their_last_year);
	RUN(a_period_ends_on_its_last_day);
	RUN(format_reports_the_length_it_needs_like_snprintf);
	return DONE();
}
