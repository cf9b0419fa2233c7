/* date.c: dates as people type them in a plan's Timescale column: ISO
 * dates, UK day/month dates, month names, financial year quarters, school
 * terms and bare years, each read as the day it ends on.  The one date
 * reader: se-plan and se-validate read every plan date here, and
 * formats/shared/plan.yaml lists these forms (date-forms, checked by
 * test_date against this code). */
#include "internal.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
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

/* "2018-19 Q4", "2018/19 Q4": the same quarter, written year first. */
static int
year_quarter(const char *s, size_t len, long *day)
{
	char buf[64];
	size_t i = 0;
	long y, yy;

	y = digits(s, len, &i, 4);
	if (y < 1000 || i >= len || (s[i] != '-' && s[i] != '/'))
		return -1;
	i++;
	yy = digits(s, len, &i, 2);
	if (yy < 0)
		return -1;
	skip_spaces(s, len, &i);
	if (len - i != 2 || (s[i] != 'Q' && s[i] != 'q'))
		return -1;
	snprintf(buf, sizeof buf, "Q%c %04ld-%02ld", s[i + 1], y, yy);
	return quarter(buf, strlen(buf), day);
}

/* A school term and the academic year it is in: "Summer term 2013" (31
 * August 2013), "Autumn term 2012" (31 December), "Spring term 2013" (31
 * March); with the year as a span, "Autumn term 2012/13" is 31 December
 * 2012 and the spring and summer terms fall in 2013.  "term" may be left
 * out. */
static int
term(const char *s, size_t len, long *day)
{
	static const struct {
		const char *name;
		int month, day, later; /* later: in the span's second year */
	} terms[] = { { "autumn", 12, 31, 0 }, { "spring", 3, 31, 1 },
		{ "summer", 8, 31, 1 } };
	size_t i = 0, k, n;
	long y, yy;

	for (k = 0; k < 3; k++) {
		n = strlen(terms[k].name);
		if (len > n && se_strncasecmp(s, terms[k].name, n) == 0 &&
		    (s[n] == ' ' || s[n] == '\t'))
			break;
	}
	if (k == 3)
		return -1;
	i = n;
	skip_spaces(s, len, &i);
	if (len - i > 4 && se_strncasecmp(s + i, "term", 4) == 0) {
		i += 4;
		skip_spaces(s, len, &i);
	}
	y = digits(s, len, &i, 4);
	if (y < 1000)
		return -1;
	if (i < len && (s[i] == '-' || s[i] == '/')) {
		i++;
		yy = digits(s, len, &i, 2);
		if (yy < 0 || yy != (y + 1) % 100)
			return -1;
		y += terms[k].later;
	}
	if (!at_end(i, len))
		return -1;
	return ymd(y, terms[k].month, terms[k].day, day) ? 0 : -1;
}

/* "March 2019", "end of March 2019", "31 March 2019"; as Excel shows
 * dates, "31-Mar-2019", "31-Mar-19" and "Mar-19" (a two-digit year only
 * after a hyphen: 2000 + yy). */
static int
named_month(const char *s, size_t len, long *day)
{
	size_t i = 0, at;
	long d = 0, y;
	int m;
	bool hyphen = false;

	if (len > 7 && se_strncasecmp(s, "end of ", 7) == 0) {
		i = 7;
		skip_spaces(s, len, &i);
	} else if (isdigit((unsigned char)s[0])) {
		d = digits(s, len, &i, 2);
		if (d < 1)
			return -1;
		if (i < len && s[i] == '-')
			i++;
		skip_spaces(s, len, &i);
	}
	m = month_name(s, len, &i);
	if (m == 0)
		return -1;
	if (i < len && s[i] == ',')
		i++;
	else if (i < len && s[i] == '-') {
		i++;
		hyphen = true;
	}
	skip_spaces(s, len, &i);
	at = i;
	y = digits(s, len, &i, 4);
	if (hyphen && i - at == 2 && y >= 0)
		y += 2000;
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
	    quarter(s, len, &v) == 0 || year_quarter(s, len, &v) == 0 ||
	    term(s, len, &v) == 0 || named_month(s, len, &v) == 0) {
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
	    "cannot read '%.*s' as a date: expected a date such as %s",
	    (int)len, s, se_date_forms());
}

long
se_date_month_before(long day)
{
	char d[11];
	long y, m, dd, out, last;

	se_ymd_format(day, d);
	y = strtol(d, NULL, 10);
	m = strtol(d + 5, NULL, 10);
	dd = strtol(d + 8, NULL, 10);
	if (--m < 1) {
		m = 12;
		y--;
	}
	if (!month_end(y, (int)m, &last))
		return day - 30;
	if (ymd(y, (int)m, (int)dd, &out))
		return out;
	return last;
}

const char *
se_date_forms(void)
{
	return "2019-03-31, 31/03/2019, 31 March 2019, 31-Mar-19, March "
	    "2019, Mar-19, end of March 2019, Q4 2018-19, 2018-19, Summer "
	    "term 2019 or 2019";
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
