/* combine.c: combining sub-ratings into an overall rating (se-formats(5),
 * Framework data) and the quality standards' critical-criteria rubric.
 * Levels are plain integers, 0 the worst, so the rules stand alone. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

int
se_combine_parse(const char *name)
{
	if (se_strcasecmp(name, "worst") == 0)
		return SE_COMBINE_WORST;
	if (se_strcasecmp(name, "median") == 0)
		return SE_COMBINE_MEDIAN;
	if (se_strcasecmp(name, "mean") == 0)
		return SE_COMBINE_MEAN;
	return -1;
}

int
se_rounding_parse(const char *round, const char *threshold, se_rounding *r)
{
	long num = 0, den = 1;
	const char *p;
	int places = 0;

	if (se_strcasecmp(round, "half-towards-worse") == 0) {
		r->kind = SE_ROUND_HALF_TOWARDS_WORSE;
		return 0;
	}
	if (se_strcasecmp(round, "nearest") == 0) {
		r->kind = SE_ROUND_NEAREST;
		return 0;
	}
	if (se_strcasecmp(round, "threshold") != 0 || !threshold)
		return -1;
	/* "0.75", "1", ".5": exactly, as num/den. */
	p = threshold;
	while (*p >= '0' && *p <= '9' && num < 10)
		num = num * 10 + (*p++ - '0');
	if (*p == '.')
		for (p++; *p >= '0' && *p <= '9' && places < 6; p++, places++) {
			num = num * 10 + (*p - '0');
			den *= 10;
		}
	if (*p != '\0' || p == threshold || num <= 0 || num > den)
		return -1;
	r->kind = SE_ROUND_THRESHOLD;
	r->num = num;
	r->den = den;
	return 0;
}

/* The mean of 'sum' over 'n' levels as a level, in integers: the lower
 * level q = floor(sum / n) and the fraction f = (sum - q n) / n above it
 * go up when f > 1/2 (half-towards-worse), f >= 1/2 (nearest) or
 * f >= num/den (threshold). */
static int
mean_level(long sum, long n, const se_rounding *r)
{
	long q, rem;
	bool up;

	if (sum <= 0)
		return 0;
	q = sum / n;
	rem = sum - q * n; /* f = rem / n */
	if (!r || r->kind == SE_ROUND_HALF_TOWARDS_WORSE)
		up = 2 * rem > n;
	else if (r->kind == SE_ROUND_NEAREST)
		up = 2 * rem >= n;
	else
		up = rem * r->den >= r->num * n;
	return (int)(q + up);
}

static int
cmp_int(const void *pa, const void *pb)
{
	int a = *(const int *)pa, b = *(const int *)pb;

	return (a > b) - (a < b);
}

int
se_combine_levels(se_combine rule, const se_rounding *round,
    const int *levels, size_t n)
{
	int *v;
	size_t i, k = 0;
	long sum = 0;
	int r;

	v = malloc((n ? n : 1) * sizeof *v);
	if (!v)
		return SE_LEVEL_NA;
	for (i = 0; i < n; i++)
		if (levels[i] != SE_LEVEL_NA)
			v[k++] = levels[i];
	if (k == 0) {
		free(v);
		return SE_LEVEL_NA;
	}
	qsort(v, k, sizeof *v, cmp_int);
	switch (rule) {
	case SE_COMBINE_WORST:
		r = v[0];
		break;
	case SE_COMBINE_MEDIAN:
		r = k % 2 ? v[k / 2] : mean_level((long)v[k / 2 - 1] + v[k / 2], 2,
		    round);
		break;
	default:
		for (i = 0; i < k; i++)
			sum += v[i];
		r = mean_level(sum, (long)k, round);
		break;
	}
	free(v);
	return r;
}

/* Whether column 'level' supports its grade: every critical criterion
 * there met and, with 'own', one of its own criteria met (the quality
 * standards (2009): critical criteria are "necessary but not sufficient"). */
static bool
column_supported(const se_criterion *c, size_t n, int level, bool own)
{
	bool any = false;
	size_t i;

	for (i = 0; i < n; i++) {
		if (c[i].level != level)
			continue;
		if (c[i].critical && !c[i].met)
			return false;
		if (!c[i].derived && c[i].met)
			any = true;
	}
	return any || !own;
}

int
se_rubric_grade(const se_criterion *c, size_t n, int nlevels, int good,
    bool own)
{
	int g = good - 1, level;
	size_t i;

	for (level = nlevels - 1; level >= good; level--)
		if (column_supported(c, n, level, own)) {
			g = level;
			break;
		}
	for (i = 0; i < n; i++)
		if (c[i].critical && c[i].met && c[i].level < good &&
		    c[i].level < g)
			g = c[i].level;
	return g < 0 ? 0 : g;
}
