/* workdays.c: calendar dates as day numbers, and working days (Monday to
 * Friday less bank holidays) for the letter deadline (se-formats(5) review) and
 * se-plan. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

struct se_workdays {
	long *days; /* sorted, no duplicates */
	size_t n, cap;
};

/* Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar
 * (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms",
 * days_from_civil). */
long
se_days_from_civil(long y, unsigned m, unsigned d)
{
	long era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (long)doe - 719468;
}

/* The inverse (civil_from_days, same source). */
static void
to_civil(long z, long *y, unsigned *m, unsigned *d)
{
	long era;
	unsigned doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = (long)yoe + era * 400 + (*m <= 2);
}

static bool
is_leap(long y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static unsigned
month_days(long y, unsigned m)
{
	static const unsigned char n[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30,
		31, 30, 31 };

	return m == 2 && is_leap(y) ? 29 : n[m - 1];
}

static bool
digits(const char *s, size_t n, unsigned *v)
{
	size_t i;

	*v = 0;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		*v = *v * 10 + (unsigned)(s[i] - '0');
	}
	return true;
}

bool
se_ymd_parse(const char *s, size_t len, long *day)
{
	unsigned y, m, d;

	if (len != 10 || s[4] != '-' || s[7] != '-')
		return false;
	if (!digits(s, 4, &y) || !digits(s + 5, 2, &m) || !digits(s + 8, 2, &d))
		return false;
	if (m < 1 || m > 12 || d < 1 || d > month_days(y, m))
		return false;
	*day = se_days_from_civil(y, m, d);
	return true;
}

void
se_ymd_format(long day, char buf[11])
{
	long y;
	unsigned m, d;

	to_civil(day, &y, &m, &d);
	y = y < 0 ? 0 : y % 10000;
	buf[0] = (char)('0' + y / 1000);
	buf[1] = (char)('0' + y / 100 % 10);
	buf[2] = (char)('0' + y / 10 % 10);
	buf[3] = (char)('0' + y % 10);
	buf[4] = '-';
	buf[5] = (char)('0' + m / 10);
	buf[6] = (char)('0' + m % 10);
	buf[7] = '-';
	buf[8] = (char)('0' + d / 10);
	buf[9] = (char)('0' + d % 10);
	buf[10] = '\0';
}

int
se_ymd_weekday(long day)
{
	/* 1970-01-01 was a Thursday (3 counting from Monday 0). */
	long w = (day + 3) % 7;

	return (int)(w < 0 ? w + 7 : w);
}

se_workdays *
se_workdays_new(void)
{
	return calloc(1, sizeof(se_workdays));
}

void
se_workdays_free(se_workdays *w)
{
	if (!w)
		return;
	free(w->days);
	free(w);
}

/* Index of the first holiday >= day. */
static size_t
lower_bound(const se_workdays *w, long day)
{
	size_t lo = 0, hi = w->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (w->days[mid] < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

int
se_workdays_add_holiday(se_workdays *w, long day)
{
	size_t i = lower_bound(w, day);

	if (i < w->n && w->days[i] == day)
		return 0;
	if (w->n == w->cap) {
		size_t cap = w->cap ? w->cap * 2 : 64;
		long *v = realloc(w->days, cap * sizeof *v);
		if (!v)
			return -1;
		w->days = v;
		w->cap = cap;
	}
	memmove(w->days + i + 1, w->days + i, (w->n - i) * sizeof *w->days);
	w->days[i] = day;
	w->n++;
	return 0;
}

bool
se_workdays_is_working(const se_workdays *w, long day)
{
	size_t i;

	if (se_ymd_weekday(day) >= 5)
		return false;
	if (!w)
		return true;
	i = lower_bound(w, day);
	return !(i < w->n && w->days[i] == day);
}

long
se_workdays_after(const se_workdays *w, long from, unsigned n)
{
	long day = from;

	while (n > 0) {
		day++;
		if (se_workdays_is_working(w, day))
			n--;
	}
	return day;
}

long
se_workdays_between(const se_workdays *w, long from, long to)
{
	long n = 0, day;

	for (day = from + 1; day <= to; day++)
		if (se_workdays_is_working(w, day))
			n++;
	return n;
}
