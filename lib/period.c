/* period.c: the periods extracts use (se-formats(5) Extracts): years, year
 * spans (financial or academic years), quarters, months, terms, weeks and
 * dates. */
#include "internal.h"

#include <stdio.h>
#include <string.h>

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

/* "YYYY-YY" or "YYYY/YY" at p (n bytes) that is a year span: its first
 * year, or -1. */
static int
span_at(const char *p, size_t n)
{
	int y, v;

	if (n != 7 || (p[4] != '-' && p[4] != '/'))
		return -1;
	y = digits(p, 4);
	v = digits(p + 5, 2);
	return y >= 0 && v == (y + 1) % 100 ? y : -1;
}

/* A financial-year quarter: "Q2 2018-19" or "2018-19 Q2" (any case). */
static int
parse_fy_quarter(const char *p, size_t n, se_period *out)
{
	const char *q, *span;
	int y;

	if (n != 10)
		return -1;
	if ((p[0] == 'Q' || p[0] == 'q') && p[2] == ' ') {
		q = p;
		span = p + 3;
	} else if (p[7] == ' ' && (p[8] == 'Q' || p[8] == 'q')) {
		q = p + 8;
		span = p;
	} else
		return -1;
	if (q[1] < '1' || q[1] > '4' || (y = span_at(span, 7)) < 0)
		return -1;
	return set(out, SE_PERIOD_FY_QUARTER, y, q[1] - '0', 0, false);
}

/* How many weeks ISO 8601 year 'y' has: 53 when it starts on a Thursday,
 * or on a Wednesday in a leap year; else 52. */
int
se_period_weeks_in(int y)
{
	int wd = se_ymd_weekday(se_days_from_civil(y, 1, 1)); /* 0 Monday */
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return wd == 3 || (leap && wd == 2) ? 53 : 52;
}

static const char *const terms[] = { "autumn term",
	"autumn and spring term", "spring term", "summer term" };

int
se_period_term(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < sizeof terms / sizeof terms[0]; i++)
		if (se_eq_ci(s, n, terms[i]))
			return (int)i + 1;
	return 0;
}

int
se_period_week(const char *s, size_t n)
{
	int w;

	if (n < 6 || n > 7 || se_strncasecmp(s, "week ", 5) != 0)
		return 0;
	w = digits(s + 5, n - 5);
	return w >= 1 && w <= 53 ? w : 0;
}

/* "2023-24 spring term" (any case) or "2024 week 37". */
static int
parse_term_or_week(int year, const char *p, size_t n, se_period *out)
{
	int t;

	if (n > 8 && span_at(p, 7) == year && p[7] == ' ' &&
	    (t = se_period_term(p + 8, n - 8)) != 0)
		return set(out, SE_PERIOD_TERM, year, t, 0, false);
	if (n > 5 && p[4] == ' ' && (t = se_period_week(p + 5, n - 5)) != 0 &&
	    t <= se_period_weeks_in(year))
		return set(out, SE_PERIOD_WEEK, year, t, 0, false);
	return -1;
}

/* The year YY (two digits) stands for after 'year', within a decade. */
static int
later_year(int year, int yy)
{
	int y = year - year % 100 + yy;

	if (y <= year)
		y += 100;
	return y - year <= 10 ? y : -1;
}

/* A rolling span: "2014-16", "2014 - 16", "2014-2016" (not a year span
 * and not a month), or "2013/14-15/16" (spans of years). */
static int
parse_rolling(const char *p, size_t n, se_period *out)
{
	char t[16];
	size_t k = 0, i;
	int year, last;

	for (i = 0; i < n && k < sizeof t - 1; i++)
		if (p[i] != ' ')
			t[k++] = p[i];
	if (i < n)
		return -1;
	t[k] = '\0';
	if ((year = digits(t, 4)) < 0)
		return -1;
	if (k == 13 && span_at(t, 7) == year && t[7] == '-' &&
	    (last = digits(t + 8, 2)) >= 0 && t[10] == '/' &&
	    digits(t + 11, 2) == (last + 1) % 100 &&
	    (last = later_year(year, last)) > year)
		return set(out, SE_PERIOD_ROLLING, year, last - year, 1, false);
	if (k == 7 && t[4] == '-' && (last = digits(t + 5, 2)) >= 0 &&
	    (last = later_year(year, last)) > year + 1)
		return set(out, SE_PERIOD_ROLLING, year, last - year, 0, false);
	if (k == 9 && t[4] == '-' && (last = digits(t + 5, 4)) > year + 1 &&
	    last - year <= 10)
		return set(out, SE_PERIOD_ROLLING, year, last - year, 0, false);
	return -1;
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
	if (n == 10 && parse_fy_quarter(p, n, out) == 0)
		return 0;
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
	if (parse_term_or_week(year, p, n, out) == 0)
		return 0;
	if (sep == ' ')
		return parse_rolling(p, n, out);
	if (n == 10 && sep == '-' && p[7] == '-') {
		month = digits(p + 5, 2);
		day = digits(p + 8, 2);
		if (month < 1 || month > 12 || day < 1 ||
		    day > days_in_month(year, month))
			return -1;
		return set(out, SE_PERIOD_DATE, year, month, day, false);
	}
	if (parse_pair(year, sep, p + 5, n - 5, out) == 0)
		return 0;
	return parse_rolling(p, n, out);
}

int
se_period_cmp(const se_period *a, const se_period *b)
{
	if (a->kind != b->kind)
		return (int)a->kind < (int)b->kind ? -1 : 1;
	if (a->kind == SE_PERIOD_ROLLING && a->year + a->sub != b->year + b->sub)
		return a->year + a->sub < b->year + b->sub ? -1 : 1;
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
	case SE_PERIOD_FY_QUARTER:
		r = snprintf(buf, n, "%04d-%02d Q%d", p->year,
		    (p->year + 1) % 100, p->sub);
		break;
	case SE_PERIOD_ROLLING:
		if (p->day)
			r = snprintf(buf, n, "%04d/%02d-%02d/%02d", p->year,
			    (p->year + 1) % 100, (p->year + p->sub) % 100,
			    (p->year + p->sub + 1) % 100);
		else
			r = snprintf(buf, n, "%04d-%02d", p->year,
			    (p->year + p->sub) % 100);
		break;
	case SE_PERIOD_TERM:
		r = snprintf(buf, n, "%04d-%02d %s", p->year,
		    (p->year + 1) % 100, p->sub >= 1 && p->sub <= 4 ?
		    terms[p->sub - 1] : "term");
		break;
	case SE_PERIOD_WEEK:
		r = snprintf(buf, n, "%04d week %d", p->year, p->sub);
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

static void
ymd(char buf[11], int y, int m, int d)
{
	char t[40];

	snprintf(t, sizeof t, "%04d-%02d-%02d", y, m, d);
	memcpy(buf, t, 10);
	buf[10] = '\0';
}

/* The Sunday ending ISO 8601 week 'w' of 'y' (week 1 holds 4 January). */
static void
week_end(char buf[11], int y, int w)
{
	long jan4 = se_days_from_civil(y, 1, 4);

	se_ymd_format(jan4 - se_ymd_weekday(jan4) + (long)(w - 1) * 7 + 6, buf);
}

void
se_period_end(const se_period *p, char buf[11])
{
	int y = p->year, m = 12;

	switch (p->kind) {
	case SE_PERIOD_SPAN:
		y++;
		m = 3;
		break;
	case SE_PERIOD_QUARTER:
		m = p->sub * 3;
		break;
	case SE_PERIOD_MONTH:
		m = p->sub;
		break;
	case SE_PERIOD_DATE:
		ymd(buf, y, p->sub, p->day);
		return;
	case SE_PERIOD_FY_QUARTER:
		m = 3 + p->sub * 3;
		if (m > 12) {
			m -= 12;
			y++;
		}
		break;
	case SE_PERIOD_ROLLING:
		y += p->sub + p->day;
		m = p->day ? 3 : 12;
		break;
	case SE_PERIOD_TERM:
		if (p->sub > 1)
			y++;
		m = p->sub <= 1 ? 12 : p->sub == 4 ? 8 : 3;
		break;
	case SE_PERIOD_WEEK:
		week_end(buf, y, p->sub);
		return;
	case SE_PERIOD_YEAR:
	default:
		break;
	}
	ymd(buf, y, m, days_in_month(y, m));
}
