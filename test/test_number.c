/* test_number.c: numbers and suppression markers as extracts write them. */
#include "se.h"
#include "unit.h"

#include <math.h>
#include <stdlib.h>

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

/* The fast path for plain decimals must give the double strtod gives
 * (correctly rounded), as the general path does. */
TEST(plain_decimals_read_as_strtod_reads_them)
{
	static const char *const plain[] = { "0", "7", "25.1", "75.2",
		"0.1", "0.3", "-0.7", "1000.25", "123456789012345",
		"999999999999999", "99999999999999.9", "0.000000000000001",
		"-12345678.9012345", "1.5", "3.14159265358979", ".000001",
		"9007199254740.99", "100.", "0.0" };
	size_t i;
	char buf[32];
	unsigned seed = 1;

	for (i = 0; i < sizeof plain / sizeof plain[0]; i++)
		CHECK(num(plain[i], SE_NUM_OK) == strtod(plain[i], NULL));
	for (i = 0; i < 20000; i++) {
		size_t k, n, dot;
		seed = seed * 1103515245u + 12345u;
		n = 1 + (seed >> 16) % 16;
		dot = (seed >> 8) % (n + 1);
		for (k = 0; k < n; k++) {
			seed = seed * 1103515245u + 12345u;
			buf[k] = (char)('0' + (seed >> 16) % 10);
		}
		memmove(buf + dot + 1, buf + dot, n - dot);
		buf[dot] = '.';
		buf[n + 1] = '\0';
		CHECK(num(buf, SE_NUM_OK) == strtod(buf, NULL));
	}
}

TEST(a_negative_zero_keeps_its_sign)
{
	CHECK(num("-0", SE_NUM_OK) == 0);
	CHECK(signbit(num("-0", SE_NUM_OK)));
	CHECK(signbit(num("-0.00", SE_NUM_OK)));
	CHECK(!signbit(num("0.00", SE_NUM_OK)));
}

TEST(sixteen_digits_and_more_read_as_strtod_reads_them)
{
	static const char *const many[] = { "9007199254740993",
		"1234567890123456.7", "0.1000000000000000055511151231257827",
		"-98765432109876543210.5", "12345678901234567" };
	size_t i;

	for (i = 0; i < sizeof many / sizeof many[0]; i++)
		CHECK(num(many[i], SE_NUM_OK) == strtod(many[i], NULL));
	num("1.2.3", SE_NUM_BAD);
	num("-.", SE_NUM_BAD);
	num("1-2", SE_NUM_BAD);
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
	RUN(plain_decimals_read_as_strtod_reads_them);
	RUN(a_negative_zero_keeps_its_sign);
	RUN(sixteen_digits_and_more_read_as_strtod_reads_them);
	return DONE();
}
