/* rate.c: the rating rules of se-rag(1) RATING RULES: pure functions
 * over numbers, se_rate_series applying them to a series of the store,
 * and the reasons a person reads.  Numbers are written by number.c. */
#include "internal.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

const char *
se_rag_name(se_rag r)
{
	static const char *const names[] = { "", "red", "amber", "green" };

	return (unsigned)r < 4 ? names[r] : "";
}

const char *
se_direction_name(se_direction d)
{
	static const char *const names[] = { "", "new", "unknown",
		"declining", "stable", "improving" };

	return (unsigned)d < 6 ? names[d] : "";
}

const char *
se_source_name(se_source s)
{
	static const char *const names[] = { "", "england", "region",
		"neighbours", "median", "thresholds" };

	return (unsigned)s < 6 ? names[s] : "";
}

double
se_better(se_polarity p, double x, double y)
{
	if (p == SE_POLARITY_HIGH)
		return x - y;
	if (p == SE_POLARITY_LOW)
		return y - x;
	return 0;
}

se_rag
se_rag_thresholds(se_polarity p, double v, double green, double red)
{
	if (p == SE_POLARITY_HIGH)
		return v >= green ? SE_RAG_GREEN : v < red ? SE_RAG_RED :
		    SE_RAG_AMBER;
	if (p == SE_POLARITY_LOW)
		return v <= green ? SE_RAG_GREEN : v > red ? SE_RAG_RED :
		    SE_RAG_AMBER;
	return SE_RAG_NONE;
}

/* How d = better(x, y) compares with the tolerance: 1 above it, -1
 * below -tol, 0 within.  Values are decimals as written (4.7 - 4.5 is
 * 0.2, not 0.20000000000000018), so a difference within a billionth of
 * the values' size of the tolerance counts as equal to it. */
static int
against(se_polarity p, double x, double y, double tol)
{
	double d = se_better(p, x, y);
	double eps = 1e-9 * fmax(1, fmax(fabs(x), fabs(y)));

	return d > tol + eps ? 1 : d < -tol - eps ? -1 : 0;
}

se_rag
se_rag_comparator(se_polarity p, double v, double c, double tol)
{
	int k;

	if (p == SE_POLARITY_NONE)
		return SE_RAG_NONE;
	k = against(p, v, c, tol);
	return k > 0 ? SE_RAG_GREEN : k < 0 ? SE_RAG_RED : SE_RAG_AMBER;
}

se_rag
se_rag_interval(se_polarity p, double low, double high, double c)
{
	bool above = low > c, below = high < c;

	if (p == SE_POLARITY_NONE)
		return SE_RAG_NONE;
	if (!above && !below)
		return SE_RAG_AMBER; /* the interval holds or touches it */
	return above == (p == SE_POLARITY_HIGH) ? SE_RAG_GREEN : SE_RAG_RED;
}

se_direction
se_direction_of(se_polarity p, double latest, double previous, double tol)
{
	int k;

	if (p == SE_POLARITY_NONE)
		return SE_DIR_NONE;
	k = against(p, latest, previous, tol);
	return k > 0 ? SE_DIR_IMPROVING : k < 0 ? SE_DIR_DECLINING :
	    SE_DIR_STABLE;
}

struct ranked {
	double key; /* larger is better */
	size_t i;
};

static int
cmp_ranked(const void *pa, const void *pb)
{
	const struct ranked *a = pa, *b = pb;

	if (a->key != b->key)
		return a->key > b->key ? -1 : 1;
	return (a->i > b->i) - (a->i < b->i);
}

size_t
se_rank(se_polarity p, const double *v, size_t n, unsigned *rank,
    unsigned *rrank)
{
	struct ranked *r;
	size_t i, k = 0, j;

	for (i = 0; i < n; i++) {
		rank[i] = 0;
		if (rrank)
			rrank[i] = 0;
	}
	if (p == SE_POLARITY_NONE || n == 0)
		return 0;
	r = malloc(n * sizeof *r);
	if (!r)
		return 0;
	for (i = 0; i < n; i++)
		if (!isnan(v[i])) {
			r[k].key = p == SE_POLARITY_HIGH ? v[i] : -v[i];
			r[k].i = i;
			k++;
		}
	qsort(r, k, sizeof *r, cmp_ranked);
	/* Competition ranking: a tie shares the rank of its first member
	 * (1, 2, 2, 4); counted from the worst end the same way. */
	for (i = 0; i < k; i = j) {
		for (j = i + 1; j < k && r[j].key == r[i].key; j++)
			;
		for (size_t m = i; m < j; m++) {
			rank[r[m].i] = (unsigned)(i + 1);
			if (rrank)
				rrank[r[m].i] = (unsigned)(k - j + 1);
		}
	}
	free(r);
	return k;
}

char
se_quartile(unsigned rank, size_t n)
{
	/* rank <= n/4 as 4 rank <= n, so no rounding creeps in. */
	if (rank == 0 || n == 0)
		return 0;
	if (4 * (size_t)rank <= n)
		return 'A';
	if (2 * (size_t)rank <= n)
		return 'B';
	if (4 * (size_t)rank <= 3 * n)
		return 'C';
	return 'D';
}

static int
cmp_double(const void *pa, const void *pb)
{
	double a = *(const double *)pa, b = *(const double *)pb;

	return (a > b) - (a < b);
}

double
se_median(double *v, size_t n)
{
	if (n == 0)
		return NAN;
	qsort(v, n, sizeof *v, cmp_double);
	if (n % 2)
		return v[n / 2];
	return (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* ---- rating a series store ---------------------------------------------- */

#define NONE SIZE_MAX

static bool
has_value(const se_cell *c)
{
	return c->state == SE_CELL_VALUE;
}

/* The latest period in which any authority has a row. */
static size_t
latest_period(const se_store *s, size_t i)
{
	size_t p = se_store_nperiods(s, i), e, n = se_store_nentities(s);

	while (p-- > 0)
		for (e = 0; e < n; e++)
			if (se_store_entity_kind(s, e) == SE_ENTITY_AUTHORITY &&
			    se_store_cell(s, i, p, e).state != SE_CELL_ABSENT)
				return p;
	return se_store_nperiods(s, i) ? se_store_nperiods(s, i) - 1 : NONE;
}

/* The median of the authorities with a value at 'p' (of 'e''s region
 * when 'region'). */
static double
median_of(const se_store *s, size_t i, size_t p, size_t e, bool region,
    double *scratch, size_t *count)
{
	size_t n = se_store_nentities(s), k = 0, x;

	for (x = 0; x < n; x++) {
		se_cell c;
		if (se_store_entity_kind(s, x) != SE_ENTITY_AUTHORITY)
			continue;
		if (region && !se_store_same_region(s, e, x))
			continue;
		c = se_store_cell(s, i, p, x);
		if (has_value(&c))
			scratch[k++] = c.value;
	}
	*count = k;
	return se_median(scratch, k);
}

static se_compare
which_comparator(const se_indicator *ind, const se_rate_opts *o)
{
	se_compare c = o && o->compare >= 0 ? (se_compare)o->compare :
	    ind->compare;

	if (c == SE_COMPARE_DEFAULT)
		c = ind->has_thresholds ? SE_COMPARE_THRESHOLDS :
		    SE_COMPARE_ENGLAND;
	if (c == SE_COMPARE_THRESHOLDS && !ind->has_thresholds)
		c = SE_COMPARE_ENGLAND;
	return c;
}

static void
set_median(const se_store *s, size_t i, se_rating *r, size_t e,
    bool region, double *scratch)
{
	double m = median_of(s, i, r->period, e, region, scratch, &r->count);

	if (isnan(m))
		return;
	r->source = SE_SOURCE_MEDIAN;
	r->has_comparator = true;
	r->comparator = m;
	r->comparator_name = "median";
}

static void
find_comparator(const se_store *s, size_t i, const se_rate_opts *o,
    se_rating *r, size_t e, double *scratch)
{
	const se_indicator *ind = se_store_series_indicator(s, i);
	size_t row, k, nn;
	const size_t *nb;
	double sum = 0;
	se_cell c;

	switch (which_comparator(ind, o)) {
	case SE_COMPARE_THRESHOLDS:
		r->wanted = r->source = SE_SOURCE_THRESHOLDS;
		return;
	case SE_COMPARE_REGION:
		r->wanted = SE_SOURCE_REGION;
		if (!se_store_entity_region(s, e))
			return; /* unavailable: no region column */
		row = se_store_region_row(s, e);
		if (row != NONE) {
			c = se_store_cell(s, i, r->period, row);
			if (has_value(&c)) {
				r->source = SE_SOURCE_REGION;
				r->has_comparator = true;
				r->comparator = c.value;
				r->comparator_name = se_store_entity_name(s, row);
				return;
			}
		}
		set_median(s, i, r, e, true, scratch);
		return;
	case SE_COMPARE_NEIGHBOURS:
		r->wanted = SE_SOURCE_NEIGHBOURS;
		nn = se_store_neighbours(s, e, &nb);
		r->count = 0;
		for (k = 0; k < nn; k++) {
			c = se_store_cell(s, i, r->period, nb[k]);
			if (has_value(&c)) {
				sum += c.value;
				r->count++;
			}
		}
		if (r->count) {
			r->source = SE_SOURCE_NEIGHBOURS;
			r->has_comparator = true;
			r->comparator = sum / (double)r->count;
			r->comparator_name = "neighbours";
			r->closeness = se_store_neighbours_closeness(s, e);
			return;
		}
		set_median(s, i, r, e, false, scratch);
		return;
	default:
		r->wanted = SE_SOURCE_ENGLAND;
		row = se_store_england(s);
		if (row != NONE) {
			c = se_store_cell(s, i, r->period, row);
			if (has_value(&c)) {
				r->source = SE_SOURCE_ENGLAND;
				r->has_comparator = true;
				r->comparator = c.value;
				r->comparator_name = "England";
				return;
			}
		}
		set_median(s, i, r, e, false, scratch);
		return;
	}
}

static void
rate_one(const se_store *s, size_t i, const se_rate_opts *o, se_rating *r,
    size_t e, double *scratch)
{
	const se_indicator *ind = se_store_series_indicator(s, i);
	se_polarity pol = ind->polarity;

	if (has_value(&r->cur) && has_value(&r->prev)) {
		r->has_change = true;
		r->change = r->cur.value - r->prev.value;
	}
	if (!has_value(&r->cur) || pol == SE_POLARITY_NONE)
		return;
	if (r->previous == NONE)
		r->direction = o && o->previous ? SE_DIR_UNKNOWN : SE_DIR_NEW;
	else if (!has_value(&r->prev))
		r->direction = SE_DIR_UNKNOWN;
	else
		r->direction = se_direction_of(pol, r->cur.value,
		    r->prev.value, ind->tolerance);
	r->quartile = se_quartile(r->rank, r->of);
	find_comparator(s, i, o, r, e, scratch);
	if (r->source == SE_SOURCE_THRESHOLDS)
		r->rag = se_rag_thresholds(pol, r->cur.value, ind->green,
		    ind->red);
	else if (r->has_comparator && ind->by_confidence) {
		r->by_ci = true;
		r->rag = r->cur.has_ci ? se_rag_interval(pol, r->cur.ci_low,
		    r->cur.ci_high, r->comparator) : SE_RAG_NONE;
	} else if (r->has_comparator)
		r->rag = se_rag_comparator(pol, r->cur.value, r->comparator,
		    ind->tolerance);
}

int
se_rate_series(const se_store *s, size_t i, const se_rate_opts *o,
    se_rating *out)
{
	const se_indicator *ind = se_store_series_indicator(s, i);
	size_t n = se_store_nentities(s), e, p, q;
	double *v;
	unsigned *rank, *rrank;
	size_t of;

	for (e = 0; e < n; e++) {
		memset(&out[e], 0, sizeof out[e]);
		out[e].period = out[e].previous = NONE;
	}
	if (!se_store_series_ok(s, i))
		return 1;
	p = o && o->period ? se_store_period_find(s, i, o->period) :
	    latest_period(s, i);
	if (p == NONE)
		return 1;
	if (o && o->previous)
		q = se_store_period_find(s, i, o->previous);
	else
		q = p > 0 ? p - 1 : NONE;
	v = calloc(n ? n : 1, sizeof *v * 2 + sizeof *rank * 2);
	if (!v)
		return -1;
	rank = (unsigned *)(v + 2 * (n ? n : 1));
	rrank = rank + (n ? n : 1);
	for (e = 0; e < n; e++) {
		se_rating *r = &out[e];
		r->period = p;
		r->previous = q;
		r->period_text = se_store_period_text(s, i, p);
		r->previous_text = q != NONE ? se_store_period_text(s, i, q) :
		    o ? o->previous : NULL;
		r->cur = se_store_cell(s, i, p, e);
		if (q != NONE)
			r->prev = se_store_cell(s, i, q, e);
		r->shown = se_store_entity_kind(s, e) == SE_ENTITY_AUTHORITY &&
		    se_store_has_series(s, i, e);
		v[e] = r->shown && has_value(&r->cur) ? r->cur.value : NAN;
	}
	/* Ranks among the authorities with a value: polarity none is never
	 * ranked (se_rank returns 0 for it). */
	of = se_rank(ind->polarity, v, n, rank, rrank);
	for (e = 0; e < n; e++) {
		out[e].rank = rank[e];
		out[e].rrank = rrank[e];
		out[e].of = rank[e] ? (unsigned)of : 0;
		if (out[e].shown)
			rate_one(s, i, o, &out[e], e, v + n);
	}
	free(v);
	return 0;
}

/* ---- reasons ------------------------------------------------------------ */

/* Text written into the caller's buffer like snprintf: what does not fit
 * is counted, not written, so no reason needs an allocation. */
struct sink {
	char *buf;
	size_t n, len;
};

static inline void
sink_add(struct sink *b, const char *s, size_t k)
{
	if (b->len < b->n) {
		size_t room = b->n - 1 - b->len, m = k < room ? k : room;
		memcpy(b->buf + b->len, s, m);
		b->buf[b->len + m] = '\0';
	}
	b->len += k;
}

static void
sink_adds(struct sink *b, const char *s)
{
	sink_add(b, s, strlen(s));
}

static void
sink_addc(struct sink *b, char c)
{
	sink_add(b, &c, 1);
}

/* A count in decimal. */
static void
sink_addz(struct sink *b, size_t z)
{
	char t[24];
	size_t k = sizeof t;

	do {
		t[--k] = (char)('0' + z % 10);
		z /= 10;
	} while (z);
	sink_add(b, t + k, sizeof t - k);
}

static void
num(struct sink *b, double v, int precision)
{
	char t[64];
	size_t len = se_number_format(v, precision, t, sizeof t);

	sink_add(b, t, len < sizeof t ? len : strlen(t));
}

static void
missing(struct sink *b, const se_cell *c, const char *period)
{
	if (c->state == SE_CELL_SUPPRESSED) {
		sink_adds(b, period);
		sink_adds(b, " suppressed (");
		sink_adds(b, c->flag && *c->flag ? c->flag : "empty cell");
		sink_addc(b, ')');
	} else if (c->state == SE_CELL_CONFLICT) {
		sink_adds(b, "conflicting values for ");
		sink_adds(b, period);
		sink_adds(b, ", neither used");
	} else {
		sink_adds(b, "no value for ");
		sink_adds(b, period);
	}
}

static void
threshold_reason(struct sink *b, const se_indicator *ind, const se_rating *r)
{
	int pr = ind->precision;
	bool high = ind->polarity == SE_POLARITY_HIGH;

	num(b, r->cur.value, pr);
	if (r->rag == SE_RAG_GREEN) {
		sink_adds(b, high ? " at or above green " : " at or below green ");
		num(b, ind->green, pr);
	} else if (r->rag == SE_RAG_RED) {
		sink_adds(b, high ? " below red " : " above red ");
		num(b, ind->red, pr);
	} else {
		sink_adds(b, high ? " below green " : " above green ");
		num(b, ind->green, pr);
		sink_adds(b, high ? ", not below red " : ", not above red ");
		num(b, ind->red, pr);
	}
}

static const char *
wanted_name(se_source s)
{
	switch (s) {
	case SE_SOURCE_REGION:
		return "region";
	case SE_SOURCE_NEIGHBOURS:
		return "neighbours";
	default:
		return "England";
	}
}

static void
comparator_reason(struct sink *b, const se_indicator *ind, const se_rating *r)
{
	int pr = ind->precision;
	double d = se_better(ind->polarity, r->cur.value, r->comparator);

	if (against(ind->polarity, r->cur.value, r->comparator, 0) == 0)
		d = 0;

	num(b, r->cur.value, pr);
	sink_adds(b, " vs ");
	sink_adds(b, r->comparator_name);
	sink_addc(b, ' ');
	num(b, r->comparator, pr);
	if (d > 0)
		sink_adds(b, " (better by ");
	else if (d < 0)
		sink_adds(b, " (worse by ");
	else
		sink_adds(b, " (equal");
	if (d != 0)
		num(b, fabs(d), pr);
	sink_adds(b, ", tolerance ");
	num(b, ind->tolerance, pr);
	if (r->source == SE_SOURCE_MEDIAN) {
		sink_adds(b, "; no ");
		sink_adds(b, wanted_name(r->wanted));
		sink_adds(b, " value, median of ");
		sink_addz(b, r->count);
		sink_adds(b, " authorities");
	} else if (r->source == SE_SOURCE_NEIGHBOURS) {
		sink_adds(b, "; mean of ");
		sink_addz(b, r->count);
		sink_adds(b, " neighbours");
		if (r->closeness) {
			sink_adds(b, "; closeness of the group: ");
			sink_adds(b, r->closeness);
		}
	}
	sink_addc(b, ')');
}

/* Fingertips' comparison: "158.6 (95% interval 140.0 to 178.9) vs
 * England 115.2 (worse: the whole interval is above it)". */
static void
interval_reason(struct sink *b, const se_indicator *ind, const se_rating *r)
{
	int pr = ind->precision;

	num(b, r->cur.value, pr);
	if (!r->cur.has_ci) {
		sink_adds(b, " vs ");
		sink_adds(b, r->comparator_name);
		sink_addc(b, ' ');
		num(b, r->comparator, pr);
		sink_adds(b, " (not compared: no 95% confidence interval)");
		return;
	}
	sink_adds(b, " (95% interval ");
	num(b, r->cur.ci_low, pr);
	sink_adds(b, " to ");
	num(b, r->cur.ci_high, pr);
	sink_adds(b, ") vs ");
	sink_adds(b, r->comparator_name);
	sink_addc(b, ' ');
	num(b, r->comparator, pr);
	if (r->rag == SE_RAG_AMBER)
		sink_adds(b, " (similar: the interval includes it)");
	else {
		sink_adds(b, r->rag == SE_RAG_GREEN ? " (better" : " (worse");
		sink_adds(b, r->cur.ci_low > r->comparator ?
		    ": the whole interval is above it)" :
		    ": the whole interval is below it)");
	}
}

static void
direction_note(struct sink *b, const se_rating *r)
{
	if (r->direction != SE_DIR_UNKNOWN)
		return;
	sink_adds(b, "; previous: ");
	if (r->previous == NONE) {
		sink_adds(b, "no period ");
		sink_adds(b, r->previous_text ? r->previous_text : "");
		sink_adds(b, " in the series");
	} else
		missing(b, &r->prev, r->previous_text);
}

size_t
se_rating_reason(const se_store *s, size_t i, const se_rating *r,
    char *buf, size_t n)
{
	const se_indicator *ind = se_store_series_indicator(s, i);
	struct sink b = { buf, n, 0 };

	if (n > 0)
		buf[0] = '\0';
	if (!has_value(&r->cur))
		missing(&b, &r->cur, r->period_text ? r->period_text : "");
	else if (ind->polarity == SE_POLARITY_NONE)
		sink_adds(&b, "context only (polarity none)");
	else if (r->source == SE_SOURCE_THRESHOLDS)
		threshold_reason(&b, ind, r);
	else if (r->by_ci)
		interval_reason(&b, ind, r);
	else if (r->has_comparator)
		comparator_reason(&b, ind, r);
	else {
		num(&b, r->cur.value, ind->precision);
		if (r->wanted == SE_SOURCE_REGION)
			sink_adds(&b, ": no region comparator (no region "
			    "for this authority)");
		else
			sink_adds(&b, ": no comparator value");
	}
	if (has_value(&r->cur) && ind->polarity != SE_POLARITY_NONE)
		direction_note(&b, r);
	if (r->cur.release) {
		sink_adds(&b, "; ");
		sink_adds(&b, r->cur.release);
		sink_adds(&b, " figures");
	}
	return b.len;
}
