/* number.c: numbers as statistical extracts write them ("23.5%", "1,234",
 * " 12 ") and the suppression markers of official statistics
 * (se-formats(5) Extracts), read; and numbers written as printf writes
 * them, faster (se_number_format). */
#include "internal.h"

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The markers that mean "no value" (GSS guidance on symbols, plus what
 * Excel-made extracts use, plus Explore Education Statistics' own: u low
 * reliability, k a value that rounds to zero, ':' and '~'): compared
 * case-insensitively. */
static const char *const markers[] = {
	"x", "c", "z", "..", ".", "*", "-", "low", "n/a", "u", "k", ":", "~",
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

/* ---- writing numbers -------------------------------------------------- */

/* The powers of ten above (exact up to 10^22) serve writing too. */
#define MAXP10 22

/* ---- printf's digits without printf ----------------------------------------
 * printf rounds the exact binary value of a double to the digits asked
 * for, ties to even (glibc, default rounding mode).  For a >= 0 and
 * 0 <= k <= 22, a * 10^k is exactly hi + lo: 10^k is exact, hi is the
 * rounded product and fma gives its error lo exactly (|lo| <= ulp(hi)/2;
 * lo can only be inexact when it underflows, and then hi < 1/2 and lo
 * makes no difference).  Rounding hi + lo to an integer is then exact too, so the
 * digits are printf's in every case, halfway ones included.  This needs
 * doubles evaluated as doubles (FLT_EVAL_METHOD 0, any SSE2 or AArch64
 * build); elsewhere printf is used. */

/* hi + lo rounded to an integer, ties to even; 0 <= hi < 2^62. */
static inline uint64_t
round_exact(double hi, double lo)
{
	uint64_t u = (uint64_t)hi;
	double f = hi - (double)u; /* hi's fraction: exact */
	int64_t t;

	if (f != 0) {
		/* hi < 2^52, f a multiple of ulp(hi), |lo| <= ulp(hi)/2:
		 * only a fraction of exactly one half leaves it to lo. */
		if (f > 0.5 || (f == 0.5 && (lo > 0 || (lo == 0 && u % 2))))
			return u + 1;
		return u;
	}
	/* hi is a whole number and lo is small (at most 2^9): round lo. */
	t = (int64_t)lo;
	f = lo - (double)t; /* lo's fraction, toward zero: exact */
	u += (uint64_t)t;   /* modulo 2^64: u + t >= 0 */
	if (f > 0.5 || (f == 0.5 && u % 2))
		u++;
	else if (f < -0.5 || (f == -0.5 && u % 2))
		u--;
	return u;
}

/* a * 10^k as the exact pair hi + lo (see above). */
static void
scale_exact(double a, int k, double *hi, double *lo)
{
	*hi = a * p10[k];
	*lo = fma(a, p10[k], -*hi);
}

/* The decimal digits of u written backwards, ending at 'end': at least
 * 'places' + 1 digits, a '.' before the last 'places' of them when
 * 'places' > 0.  Returns where the text starts. */
static char *
digits_back(uint64_t u, int places, char *end)
{
	char *p = end;
	int i;

	for (i = 0; u != 0 || i <= places; i++) {
		if (i == places && i > 0)
			*--p = '.';
		*--p = (char)('0' + u % 10);
		u /= 10;
	}
	return p;
}

/* Copy the 'len' bytes of 't' and a NUL to 'buf' when they fit. */
static bool
put_text(const char *t, size_t len, char *buf, size_t n)
{
	if (len >= n)
		return false;
	memcpy(buf, t, len);
	buf[len] = '\0';
	return true;
}

/* The shortest text of 'v' when it has at most six decimals (most
 * values in extracts), checked by reading it back, so the exact
 * conversion is needed only for the rest.  The result is what "%.15g"
 * prints for such values.  Returns its length, 0 (nothing written) when
 * 'v' is not such a value. */
static size_t
short_decimal(double v, char *buf, size_t n)
{
	double a = fabs(v), scale = 1;
	char t[48], *p;
	int k;

	if (!(a < 1e14))
		return 0;
	for (k = 0; k <= 6; k++, scale *= 10) {
		double x = a * scale, r = floor(x + 0.5);
		if (x != r && fabs(x - r) > x * 4e-16)
			continue;
		/* r < 2^53 and 10^k are exact, and IEEE division rounds
		 * correctly: r / 10^k is what strtod reads the text as. */
		if (r >= 9007199254740992.0 || r / p10[k] != a)
			return 0;
		p = digits_back((uint64_t)r, k, t + sizeof t);
		if (v < 0 && r != 0)
			*--p = '-';
		return put_text(p, (size_t)(t + sizeof t - p), buf, n) ?
		    (size_t)(t + sizeof t - p) : 0;
	}
	return 0;
}

/* "%.*f" of 'v' with no "-0" (se_number_format's rounding), when |v|
 * times 10^precision is below 2^52.  In that range it is also what the short
 * decimal path gives: the exact value of a v read from a decimal with at
 * most 'precision' places is within ulp(v)/2 <= 2^-53 |v| of it, under
 * half a unit of the last place asked for, so rounding gives that
 * decimal back.  False, with nothing written, when it does not apply. */
static bool
fixed_fast(double v, int precision, char *buf, size_t n, size_t *len)
{
	double a = fabs(v), hi, lo;
	char t[48], *p;
	uint64_t r;

	if (FLT_EVAL_METHOD != 0 || precision > MAXP10 || !isfinite(v))
		return false;
	scale_exact(a, precision, &hi, &lo);
	if (!(hi < 0x1p52))
		return false;
	r = round_exact(hi, lo);
	p = digits_back(r, precision, t + sizeof t);
	if (v < 0 && r != 0)
		*--p = '-';
	*len = (size_t)(t + sizeof t - p);
	return put_text(p, *len, buf, n);
}

enum { G_OK, G_INEXACT, G_CANNOT };

/* "%.<P>g" of 'v' (v finite and not zero, P 15 or 17) without printf;
 * with P 15, G_INEXACT when that text does not read back as 'v' (as
 * strtod would read it), so "%.17g" is needed.  G_CANNOT when it cannot
 * tell or the text would take the exponent form: printf then. */
static int
general_fast(double v, int P, char *buf, size_t n, size_t *len)
{
	double a = fabs(v), hi, lo;
	int k = P - 1, x;
	char t[48], *p, *end = t + sizeof t;
	uint64_t r;

	if (FLT_EVAL_METHOD != 0)
		return G_CANNOT;
	/* Find k with 10^(P-1) <= a * 10^k < 10^P, compared exactly. */
	for (;;) {
		if (k < 0 || k > MAXP10)
			return G_CANNOT;
		scale_exact(a, k, &hi, &lo);
		if (hi < p10[P - 1] || (hi == p10[P - 1] && lo < 0))
			k++;
		else if (hi > p10[P] || (hi == p10[P] && lo >= 0))
			k--;
		else
			break;
	}
	r = round_exact(hi, lo); /* P digits, or 10^P when it carried */
	/* r <= 10^15 < 2^53 and 10^k are exact and division rounds
	 * correctly: r / 10^k is what strtod reads the text as. */
	if (P == 15 && (double)r / p10[k] != a)
		return G_INEXACT;
	x = (r == (uint64_t)p10[P] ? P : P - 1) - k; /* the exponent of %e */
	if (x < -4 || x >= P)
		return G_CANNOT;
	/* "%g" drops trailing zeros, and the point when none are left. */
	for (; k > 0 && r % 10 == 0; k--)
		r /= 10;
	p = digits_back(r, k, end);
	if (v < 0)
		*--p = '-';
	*len = (size_t)(end - p);
	return put_text(p, *len, buf, n) ? G_OK : G_CANNOT;
}

/* The shortest of "%.15g", "%.16g" and "%.17g" that reads back as 'v'
 * (computed numbers go out in the shortest text that reads back). */
static size_t
general(double v, char *buf, size_t n)
{
	size_t len;
	int k, g = G_CANNOT;

	if (isfinite(v) && v != 0) {
		g = general_fast(v, 15, buf, n, &len);
		if (g == G_INEXACT) {
			k = snprintf(buf, n, "%.16g", v);
			if (k > 0 && (size_t)k < n && strtod(buf, NULL) == v)
				return (size_t)k;
			g = general_fast(v, 17, buf, n, &len);
		}
	}
	if (g == G_OK)
		return len;
	k = snprintf(buf, n, "%.15g", v);
	if (strtod(buf, NULL) != v) {
		k = snprintf(buf, n, "%.16g", v);
		if (strtod(buf, NULL) != v)
			k = snprintf(buf, n, "%.17g", v);
	}
	return k < 0 ? 0 : (size_t)k;
}

size_t
se_number_format(double v, int precision, char *buf, size_t n)
{
	size_t len;
	int k;

	if (precision >= 0 && fixed_fast(v, precision, buf, n, &len))
		return len;
	len = short_decimal(v, buf, n);
	if (len > 0 && precision < 0)
		return len;
	if (len > 0) {
		/* With no more decimals than asked for, rounding is padding:
		 * the same text printf would give, without its slow path. */
		const char *dot = strchr(buf, '.');
		size_t have = dot ? len - (size_t)(dot - buf) - 1 : 0;

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
	if (precision < 0)
		return general(v, buf, n);
	k = snprintf(buf, n, "%.*f", precision, v);
	/* "-0.0" reads as a negative change that is not there. */
	if (k > 0 && n > 0 && buf[0] == '-' && strspn(buf + 1, "0.") ==
	    (size_t)k - 1) {
		memmove(buf, buf + 1, (size_t)k);
		k--;
	}
	return k < 0 ? 0 : (size_t)k;
}
