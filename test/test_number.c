/* test_number.c: numbers and suppression markers as extracts write them. */
#include "se.h"
#include "unit.h"

static double
num(const char *s, se_num_status want)
{
	double v = -999;
	se_num_status got = se_number_parse(s, strlen(s), &v);

	if (got != want) {
		printf("# '%s': status %d, expected %d\n", s, (int)got,
		    (int)want);
		unit_cur_failed = 1;
	}
	return v;
}

TEST(plain_and_decimal_numbers_read_exactly)
{
	CHECK(num("12", SE_NUM_OK) == 12.0);
	CHECK(num("23.5", SE_NUM_OK) == 23.5);
	CHECK(num("0.1", SE_NUM_OK) == 0.1);
	CHECK(num(".5", SE_NUM_OK) == 0.5);
	CHECK(num("5.", SE_NUM_OK) == 5.0);
	CHECK(num("-3.25", SE_NUM_OK) == -3.25);
	CHECK(num("+7", SE_NUM_OK) == 7.0);
	CHECK(num("1.2E-05", SE_NUM_OK) == 1.2e-05);
	CHECK(num("123456789.123456789", SE_NUM_OK) == 123456789.123456789);
	CHECK(num("98765432109876543210", SE_NUM_OK) == 98765432109876543210.0);
}

TEST(surrounding_spaces_and_a_percent_sign_are_allowed)
{
	CHECK(num(" 12 ", SE_NUM_OK) == 12.0);
	CHECK(num("\t23.5%", SE_NUM_OK) == 23.5);
	CHECK(num("23.5 %", SE_NUM_OK) == 23.5);
	CHECK(num("-0.5%", SE_NUM_OK) == -0.5);
}

TEST(thousands_separators_only_in_whole_groups)
{
	CHECK(num("1,234", SE_NUM_OK) == 1234.0);
	CHECK(num("1,234,567", SE_NUM_OK) == 1234567.0);
	CHECK(num("-12,345.5", SE_NUM_OK) == -12345.5);
	CHECK(num("999,000%", SE_NUM_OK) == 999000.0);
	num("1,23", SE_NUM_BAD);
	num("1,2345", SE_NUM_BAD);
	num("1234,567", SE_NUM_BAD);
	num(",123", SE_NUM_BAD);
	num("1,,234", SE_NUM_BAD);
	num("1,234,", SE_NUM_BAD);
	num("1.234,5", SE_NUM_BAD);
}

TEST(suppression_markers_are_never_zero)
{
	static const char *const m[] = { "x", "X", "c", "C", "z", "..", ".",
		"*", "-", "low", "LOW", "Low", "n/a", "N/A", "", "   ", " x " };
	size_t i;

	for (i = 0; i < sizeof m / sizeof m[0]; i++) {
		double v = -999;
		CHECK_INT_EQ(se_number_parse(m[i], strlen(m[i]), &v),
		    SE_NUM_SUPPRESSED);
		CHECK(v == -999); /* untouched: no value, not 0 */
	}
}

TEST(text_and_malformed_numbers_are_bad)
{
	static const char *const bad[] = { "abc", "12abc", "1 2", "--1", "+",
		"%", "1e", "1e+", "0x10", "inf", "nan", "1.2.3", "12%%", "xx",
		"n/a2", "- 5" };
	size_t i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		num(bad[i], SE_NUM_BAD);
}

TEST(length_is_respected_without_a_terminating_nul)
{
	double v = 0;

	CHECK_INT_EQ(se_number_parse("12345", 2, &v), SE_NUM_OK);
	CHECK(v == 12.0);
	CHECK_INT_EQ(se_number_parse("x5", 1, &v), SE_NUM_SUPPRESSED);
}

int
main(void)
{
	RUN(plain_and_decimal_numbers_read_exactly);
	RUN(surrounding_spaces_and_a_percent_sign_are_allowed);
	RUN(thousands_separators_only_in_whole_groups);
	RUN(suppression_markers_are_never_zero);
	RUN(text_and_malformed_numbers_are_bad);
	RUN(length_is_respected_without_a_terminating_nul);
	return DONE();
}
