/* date.c: dates as people type them in a plan's Timescale column
 * (se-plan(1) Dates): ISO dates, UK day/month dates, month names, financial
 * year quarters and bare years, each read as the day it ends on. */
#include "internal.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static const char *const months[] = { "january", "february", "march",
	"april", "may", "june", "july", "august", "september", "october",
	"november", "december" };

/* The day number of y-m-d, false when that day does not exist. */
static bool
ymd(long y, int m, int d, long *day)
{
	char buf[32];
	int n;

	if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31)
		return false;
	n = snprintf(buf, sizeof buf, "%04ld-%02d-%02d", y, m, d);
	return se_ymd_parse(buf, (size_t)n, day);
}

/* The last day of month m of year y. */
static bool
month_end(long y, int m, long *day)
{
	long first;

	if (m == 12)
		return ymd(y, 12, 31, day);
	if (!ymd(y, m + 1, 1, &first))
		return false;
	*day = first - 1;
	return true;
}

/* A run of digits at s[*i], at most 'max' of them; -1 when none. */
static long
digits(const char *s, size_t len, size_t *i, size_t max)
{
	long v = 0;
	size_t n = 0;

	while (*i < len && n < max && isdigit((unsigned char)s[*i])) {
		v = v * 10 + (s[*i] - '0');
		(*i)++;
		n++;
	}
	if (n == 0 || (*i < len && isdigit((unsigned char)s[*i])))
		return -1;
	return v;
}

static bool
at_end(size_t i, size_t len)
{
	return i == len;
}

static void
skip_spaces(const char *s, size_t len, size_t *i)
{
	while (*i < len && (s[*i] == ' ' || s[*i] == '\t'))
		(*i)++;
}

/* A month name (full, or its first three letters; "sept" too) at s[*i];
 * 1..12, or 0. */
static int
month_name(const char *s, size_t len, size_t *i)
{
	size_t j = *i, n, k;

	while (j < len && isalpha((unsigned char)s[j]))
		j++;
	n = j - *i;
	if (n < 3)
		return 0;
	for (k = 0; k < 12; k++) {
		size_t full = strlen(months[k]);
		bool ok = n == full || n == 3 ||
		    (k == 8 && n == 4);  /* "Sept" */
		if (ok && n <= full && se_strncasecmp(s + *i, months[k], n) == 0) {
			*i = j;
			return (int)k + 1;
		}
	}
	return 0;
}

/* "Q4 2018-19" (also 2018/19): the quarter's last day, the financial
 * year running April to March. */
static int
quarter(const char *s, size_t len, long *day)
{
	size_t i = 1;
	long q, y, yy;

	if (len < 2 || (s[0] != 'Q' && s[0] != 'q'))
		return -1;
	q = digits(s, len, &i, 1);
	if (q < 1 || q > 4)
		return -1;
	skip_spaces(s, len, &i);
	y = digits(s, len, &i, 4);
	if (y < 1000 || i >= len || (s[i] != '-' && s[i] != '/'))
		return -1;
	i++;
	yy = digits(s, len, &i, 2);
	if (yy < 0 || !at_end(i, len) || yy != (y + 1) % 100)
		return -1;
	if (q == 4)
		return month_end(y + 1, 3, day) ? 0 : -1;
	return month_end(y, (int)(q * 3 + 3), day) ? 0 : -1;
}

/* "March 2019", "end of March 2019", "31 March 2019". */
static int
named_month(const char *s, size_t len, long *day)
{
	size_t i = 0;
	long d = 0, y;
	int m;

	if (len > 7 && se_strncasecmp(s, "end of ", 7) == 0) {
		i = 7;
		skip_spaces(s, len, &i);
	} else if (isdigit((unsigned char)s[0])) {
		d = digits(s, len, &i, 2);
		if (d < 1)
			return -1;
		skip_spaces(s, len, &i);
	}
	m = month_name(s, len, &i);
	if (m == 0)
		return -1;
	if (i < len && s[i] == ',')
		i++;
	skip_spaces(s, len, &i);
	y = digits(s, len, &i, 4);
	if (y < 1000 || !at_end(i, len))
		return -1;
	if (d > 0)
		return ymd(y, m, (int)d, day) ? 0 : -1;
	return month_end(y, m, day) ? 0 : -1;
}

/* 31/03/2019 (UK: day first); also 31-03-2019 and 31.03.2019. */
static int
uk_date(const char *s, size_t len, long *day)
{
	size_t i = 0;
	long d, m, y;
	char sep;

	d = digits(s, len, &i, 2);
	if (d < 0 || i >= len)
		return -1;
	sep = s[i];
	if (sep != '/' && sep != '-' && sep != '.')
		return -1;
	i++;
	m = digits(s, len, &i, 2);
	if (m < 0 || i >= len || s[i] != sep)
		return -1;
	i++;
	y = digits(s, len, &i, 4);
	if (y < 1000 || !at_end(i, len))
		return -1;
	return ymd(y, (int)m, (int)d, day) ? 0 : -1;
}

/* 2019-03-31, 2019-03 (month end), 2018-19 (financial year end), 2019. */
static int
iso_date(const char *s, size_t len, long *day)
{
	size_t i = 0;
	long y, m, d;

	y = digits(s, len, &i, 4);
	if (y < 1000)
		return -1;
	if (at_end(i, len))
		return ymd(y, 12, 31, day) ? 0 : -1;
	if (s[i] != '-')
		return -1;
	i++;
	m = digits(s, len, &i, 2);
	if (m < 0 || i - 5 != 2)
		return -1;
	if (at_end(i, len)) {
		if (m >= 1 && m <= 12)
			return month_end(y, (int)m, day) ? 0 : -1;
		if (m == (y + 1) % 100)
			return month_end(y + 1, 3, day) ? 0 : -1;
		return -1;
	}
	if (s[i] != '-')
		return -1;
	i++;
	d = digits(s, len, &i, 2);
	if (d < 0 || !at_end(i, len))
		return -1;
	return ymd(y, (int)m, (int)d, day) ? 0 : -1;
}

int
se_date_parse(const char *s, size_t len, long *day)
{
	long v;

	while (len > 0 && isspace((unsigned char)*s)) {
		s++;
		len--;
	}
	while (len > 0 && isspace((unsigned char)s[len - 1]))
		len--;
	if (len == 0 || len > 40)
		return -1;
	if (iso_date(s, len, &v) == 0 || uk_date(s, len, &v) == 0 ||
	    quarter(s, len, &v) == 0 || named_month(s, len, &v) == 0) {
		*day = v;
		return 0;
	}
	return -1;
}

int
se_date_read(const char *s, size_t len, const se_pos *pos, long *day,
    se_diag *diag)
{
	if (se_date_parse(s, len, day) == 0)
		return 0;
	if (len > 60)
		len = 60;
	return se_diag_error(diag, pos, "bad-date",
	    "cannot read '%.*s' as a date: expected a date such as 2019-03-31, "
	    "31/03/2019, March 2019, end of March 2019, Q4 2018-19 or 2019",
	    (int)len, s);
}

long
se_date_today(void)
{
	time_t t = time(NULL);
	struct tm tm;
	long day;

	if (localtime_r(&t, &tm) == NULL ||
	    !ymd(tm.tm_year + 1900L, tm.tm_mon + 1, tm.tm_mday, &day))
		return 0;
	return day;
}
