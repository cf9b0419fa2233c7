/* rate.c: the rating rules of se-rag(1) RATING RULES as pure functions
 * over numbers; series.c applies them to a series store. */
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

/* Powers of ten: all exact in a double up to 10^22. */
static const double p10[] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8,
	1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
	1e21, 1e22 };
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

/* "%.15g", or "%.17g" when that does not read back as 'v'. */
static size_t
general(double v, char *buf, size_t n)
{
	size_t len;
	int k, g = G_CANNOT;

	if (isfinite(v) && v != 0) {
		g = general_fast(v, 15, buf, n, &len);
		if (g == G_INEXACT)
			g = general_fast(v, 17, buf, n, &len);
	}
	if (g == G_OK)
		return len;
	k = snprintf(buf, n, "%.15g", v);
	if (strtod(buf, NULL) != v)
		k = snprintf(buf, n, "%.17g", v);
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
	else if (r->has_comparator)
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
	}
	sink_addc(b, ')');
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
	return b.len;
}
