/* period.c: the periods extracts use (se-formats(5) Extracts): years, year
 * spans (financial or academic years), quarters, months and dates. */
#include "internal.h"

#include <stdio.h>

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* n digits at p as a number, or -1. */
static int
digits(const char *p, size_t n)
{
	int v = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		if (!is_digit(p[i]))
			return -1;
		v = v * 10 + (p[i] - '0');
	}
	return v;
}

static int
days_in_month(int year, int month)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
		30, 31 };
	bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

	return month == 2 && leap ? 29 : days[month - 1];
}

static int
set(se_period *out, se_period_kind kind, int year, int sub, int day,
    bool maybe_month)
{
	out->kind = kind;
	out->year = year;
	out->sub = sub;
	out->day = day;
	out->maybe_month = maybe_month;
	return 0;
}

/* After "YYYY" and a separator: "YY" or "YYYY" of a span, or a month. */
static int
parse_pair(int year, char sep, const char *p, size_t n, se_period *out)
{
	int v;

	if (n != 2 && n != 4)
		return -1;
	v = digits(p, n);
	if (v < 0)
		return -1;
	if (n == 4)
		return v == year + 1 ? set(out, SE_PERIOD_SPAN, year, 0, 0, false)
				     : -1;
	if (v == (year + 1) % 100)
		return set(out, SE_PERIOD_SPAN, year, 0, 0,
		    sep == '-' && v >= 1 && v <= 12);
	if (sep == '-' && v >= 1 && v <= 12)
		return set(out, SE_PERIOD_MONTH, year, v, 0, false);
	return -1;
}

static int
parse_quarter(int year, const char *p, size_t n, se_period *out)
{
	if (n != 2 || (p[0] != 'Q' && p[0] != 'q') || p[1] < '1' || p[1] > '4')
		return -1;
	return set(out, SE_PERIOD_QUARTER, year, p[1] - '0', 0, false);
}

int
se_period_parse(const char *s, size_t n, se_period *out)
{
	const char *p = s, *end = s + n;
	int year, month, day;
	char sep;

	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	n = (size_t)(end - p);
	if (n < 4 || (year = digits(p, 4)) < 0)
		return -1;
	if (n == 4)
		return set(out, SE_PERIOD_YEAR, year, 0, 0, false);
	if (p[4] == 'Q' || p[4] == 'q')
		return parse_quarter(year, p + 4, n - 4, out);
	sep = p[4];
	if (sep != '-' && sep != '/' && sep != ' ')
		return -1;
	if (n == 7 && (p[5] == 'Q' || p[5] == 'q'))
		return sep == '/' ? -1 : parse_quarter(year, p + 5, 2, out);
	if (sep == ' ')
		return -1;
	if (n == 10 && sep == '-' && p[7] == '-') {
		month = digits(p + 5, 2);
		day = digits(p + 8, 2);
		if (month < 1 || month > 12 || day < 1 ||
		    day > days_in_month(year, month))
			return -1;
		return set(out, SE_PERIOD_DATE, year, month, day, false);
	}
	return parse_pair(year, sep, p + 5, n - 5, out);
}

int
se_period_cmp(const se_period *a, const se_period *b)
{
	if (a->kind != b->kind)
		return (int)a->kind < (int)b->kind ? -1 : 1;
	if (a->year != b->year)
		return a->year < b->year ? -1 : 1;
	if (a->sub != b->sub)
		return a->sub < b->sub ? -1 : 1;
	if (a->day != b->day)
		return a->day < b->day ? -1 : 1;
	return 0;
}

size_t
se_period_format(const se_period *p, char *buf, size_t n)
{
	int r;

	switch (p->kind) {
	case SE_PERIOD_SPAN:
		r = snprintf(buf, n, "%04d-%02d", p->year, (p->year + 1) % 100);
		break;
	case SE_PERIOD_QUARTER:
		r = snprintf(buf, n, "%04dQ%d", p->year, p->sub);
		break;
	case SE_PERIOD_MONTH:
		r = snprintf(buf, n, "%04d-%02d", p->year, p->sub);
		break;
	case SE_PERIOD_DATE:
		r = snprintf(buf, n, "%04d-%02d-%02d", p->year, p->sub, p->day);
		break;
	case SE_PERIOD_YEAR:
	default:
		r = snprintf(buf, n, "%04d", p->year);
		break;
	}
	return r < 0 ? 0 : (size_t)r;
}

se_period
se_period_as_month(const se_period *p)
{
	se_period m = *p;

	if (p->kind == SE_PERIOD_SPAN && p->maybe_month) {
		m.kind = SE_PERIOD_MONTH;
		m.sub = (p->year + 1) % 100;
		m.maybe_month = false;
	}
	return m;
}
