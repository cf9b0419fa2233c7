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
		"2018-00", "2018-20", "2018/09", "2018Q5", "2018Q0", "2018 Q",
		"2018-Q", "2018/Q2", "2018-02-30", "2019-02-29", "2018-9",
		"2018-09-1", "18-19", "2018-2020", "abcd", "Q2 2018",
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
	RUN(a_span_that_could_be_a_month_is_marked_maybe_month);
	RUN(anything_else_is_not_a_period);
	RUN(periods_sort_chronologically_within_a_kind);
	RUN(format_reports_the_length_it_needs_like_snprintf);
	return DONE();
}
