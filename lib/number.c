/* number.c: numbers as statistical extracts write them ("23.5%", "1,234",
 * " 12 ") and the suppression markers of official statistics (se-formats(5) Extracts). */
#include "internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The markers that mean "no value" (GSS guidance on symbols, plus what
 * Excel-made extracts use): compared case-insensitively. */
static const char *const markers[] = {
	"x", "c", "z", "..", ".", "*", "-", "low", "n/a",
};

static bool
is_space(char c)
{
	return c == ' ' || c == '\t';
}

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool
is_marker(const char *s, size_t n)
{
	size_t i;

	if (n > 3 || is_digit(s[0]))
		return false;
	for (i = 0; i < sizeof markers / sizeof markers[0]; i++)
		if (strlen(markers[i]) == n && se_strncasecmp(s, markers[i], n) == 0)
			return true;
	return false;
}

/* Digits of the integer part, with thousands separators only in whole
 * groups ("1,234,567"; not "1,23" or ",123").  Returns the end, or NULL. */
static const char *
scan_int(const char *p, const char *end, bool *grouped)
{
	const char *start = p;
	size_t group = 0;

	*grouped = false;
	while (p < end && (is_digit(*p) || *p == ',')) {
		if (*p == ',') {
			if (p == start || (*grouped ? group != 3 : group > 3))
				return NULL;
			*grouped = true;
			group = 0;
		} else {
			group++;
		}
		p++;
	}
	if (*grouped && group != 3)
		return NULL;
	return p;
}

/* 10^k for k <= 22 is exact in a double, so m / 10^k with m < 2^53 is
 * correctly rounded: the same result as strtod. */
static const double p10[] = {
	1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
	1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

static double
convert_exact(uint64_t m, size_t frac, bool neg)
{
	return neg ? -((double)m / p10[frac]) : (double)m / p10[frac];
}

static double
convert(const char *s, const char *end, bool neg)
{
	const uint64_t max = UINT64_C(1) << 53;
	uint64_t m = 0;
	size_t frac = 0;
	bool in_frac = false, exact = true;
	char tmp[128];
	size_t k = 0;
	const char *p;

	for (p = s; p < end; p++) {
		if (is_digit(*p)) {
			if (m > (max - 9) / 10)
				exact = false; /* too many digits: strtod */
			else
				m = m * 10 + (uint64_t)(*p - '0');
			frac += in_frac;
		} else if (*p == '.') {
			in_frac = true;
		} else if (*p == 'e' || *p == 'E') {
			exact = false;
			break;
		}
	}
	if (exact && frac <= 22)
		return convert_exact(m, frac, neg);
	if (neg)
		tmp[k++] = '-';
	for (p = s; p < end && k < sizeof tmp - 1; p++)
		if (*p != ',')
			tmp[k++] = *p;
	tmp[k] = '\0';
	return strtod(tmp, NULL);
}

/* The common case, a plain decimal of at most 15 digits ("25.1", "-3",
 * "1000.25"): then m < 10^15 < 2^53 and the divisor is at most 10^15, so
 * this is the exact path of convert() and gives the same double.  false
 * for anything else (spaces, signs but a leading '-', separators,
 * exponents, markers, more digits), which takes the general path. */
static bool
plain_decimal(const char *s, size_t n, double *out)
{
	const char *p = s, *end = s + n, *dot = NULL;
	uint64_t m = 0; /* at most 17 digits: no overflow before the check */
	size_t digits;
	bool neg = false;

	if (n == 0 || n > 17) /* '-', 15 digits and '.' at most */
		return false;
	if (*p == '-') {
		neg = true;
		p++;
	}
	for (; p < end; p++) {
		if (is_digit(*p))
			m = m * 10 + (uint64_t)(*p - '0');
		else if (*p == '.' && !dot)
			dot = p;
		else
			return false;
	}
	digits = n - neg - (dot != NULL);
	if (digits == 0 || digits > 15)
		return false;
	*out = convert_exact(m, dot ? (size_t)(end - dot - 1) : 0, neg);
	return true;
}

/* Anything but a plain decimal: spaces, '%', signs, separators,
 * exponents, markers. */
static se_num_status
parse_general(const char *s, size_t n, double *out)
{
	const char *p = s, *end = s + n, *num, *q;
	bool neg = false, grouped, digits;

	while (p < end && is_space(*p))
		p++;
	while (end > p && is_space(end[-1]))
		end--;
	if (p == end || is_marker(p, (size_t)(end - p)))
		return SE_NUM_SUPPRESSED;
	if (end - p > 100)
		return SE_NUM_BAD;
	if (end[-1] == '%') {
		end--;
		while (end > p && is_space(end[-1]))
			end--;
	}
	if (p < end && (*p == '-' || *p == '+')) {
		neg = *p == '-';
		p++;
	}
	num = p;
	q = scan_int(p, end, &grouped);
	if (!q)
		return SE_NUM_BAD;
	digits = q > p;
	p = q;
	if (p < end && *p == '.') {
		p++;
		q = p;
		while (p < end && is_digit(*p))
			p++;
		digits = digits || p > q;
	}
	if (!digits)
		return SE_NUM_BAD;
	if (p < end && (*p == 'e' || *p == 'E')) {
		p++;
		if (p < end && (*p == '-' || *p == '+'))
			p++;
		q = p;
		while (p < end && is_digit(*p))
			p++;
		if (p == q)
			return SE_NUM_BAD;
	}
	if (p != end)
		return SE_NUM_BAD;
	*out = convert(num, end, neg);
	return SE_NUM_OK;
}

se_num_status
se_number_parse(const char *s, size_t n, double *out)
{
	if (plain_decimal(s, n, out))
		return SE_NUM_OK;
	return parse_general(s, n, out);
}
