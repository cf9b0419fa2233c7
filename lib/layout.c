/* layout.c: extracts as they are published (se-formats(5), "Published
 * data"): Explore Education Statistics tidy data, the Local Authority
 * Interactive Tool's long data and Fingertips exports, read row by row
 * and handed on as se_row values like the long and wide layouts
 * (extract.c).
 *
 * Breakdowns ("filters") are decided as the rows come: a row is passed
 * on when each filter column holds its total level or the --where level.
 * A column whose only level so far is not a total may turn out to have
 * that single level, which is then its total: rows waiting on such a
 * column are kept aside (at most PENDING_MAX values) until the column
 * shows a second level or a total (they are dropped) or the file ends
 * (they are passed on).  Files whose filters have total levels stream. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

#define NONE SIZE_MAX
/* Values kept aside waiting for a filter's levels: past this, the rows
 * of a single-level filter are passed on as they come. */
#define PENDING_MAX 200000u
#define MAX_FILTERS 64

const char *
se_release_name(int release)
{
	static const char *const names[] = { "", "provisional", "revised",
		"final" };

	return release >= 0 && release <= SE_RELEASE_FINAL ? names[release] : "";
}

/* ---- text helpers ---------------------------------------------------------- */

static bool
starts_ci(const char *a, size_t n, const char *b)
{
	size_t k = strlen(b);

	return n >= k && se_strncasecmp(a, b, k) == 0;
}

static bool
contains_ci(const char *a, size_t n, const char *b)
{
	size_t k = strlen(b), i;

	for (i = 0; i + k <= n; i++)
		if (se_strncasecmp(a + i, b, k) == 0)
			return true;
	return false;
}

/* A Fingertips area type that is not an authority with children's
 * services: lower-tier districts, health and small-area geographies
 * (se-formats(5) Fingertips exports). */
static bool
ft_area_skipped(const char *s, size_t n)
{
	static const char *const words[] = { "district", "lower tier",
		"ltla", "icb", "ccg", "gp", "pcn", "nhs", "ward", "msoa",
		"lsoa", "combined authorit", "parliamentary", "stp",
		"cancer alliance", "primary care", "practice", "ukhsa" };
	size_t i;

	for (i = 0; i < sizeof words / sizeof words[0]; i++)
		if (contains_ci(s, n, words[i]))
			return true;
	return false;
}

static void
trim(const char **s, size_t *n)
{
	const char *p = *s, *e = *s + *n;

	while (p < e && (unsigned char)*p <= ' ')
		p++;
	while (e > p && (unsigned char)e[-1] <= ' ')
		e--;
	*s = p;
	*n = (size_t)(e - p);
}

/* A total level: Total, All, Persons, or a level starting "All " or "Total "
 * (All EHC plans issued, Total children), any case. */
static bool
total_named(const char *s, size_t n)
{
	return se_eq_ci(s, n, "total") || se_eq_ci(s, n, "all") ||
	    se_eq_ci(s, n, "persons") || starts_ci(s, n, "all ") ||
	    starts_ci(s, n, "total ");
}

static int
status_of(const char *s, size_t n)
{
	if (se_eq_ci(s, n, "final"))
		return SE_RELEASE_FINAL;
	if (se_eq_ci(s, n, "revised"))
		return SE_RELEASE_REVISED;
	if (se_eq_ci(s, n, "provisional"))
		return SE_RELEASE_PROVISIONAL;
	return -1;
}

/* ---- counted notes: skipped levels, period marks ---------------------------- */

struct tally {
	char *text;
	size_t n;
};

struct tallies {
	struct tally *v;
	size_t n;
};

static int
tally(struct tallies *t, se_arena *a, const char *s, size_t len)
{
	size_t i;
	struct tally *v;

	for (i = 0; i < t->n; i++)
		if (strlen(t->v[i].text) == len &&
		    memcmp(t->v[i].text, s, len) == 0) {
			t->v[i].n++;
			return 0;
		}
	v = realloc(t->v, (t->n + 1) * sizeof *v);
	if (!v)
		return -1;
	t->v = v;
	v[t->n].text = se_arena_strndup(a, s, len);
	v[t->n].n = 1;
	if (!v[t->n].text)
		return -1;
	t->n++;
	return 0;
}

/* ---- the reader ------------------------------------------------------------ */

enum crole {
	C_IGNORED,  /* a standard column, or one this layout does not use */
	C_MEASURE,  /* a catalogue indicator (EES) */
	C_NUMERIC,  /* numbers and markers so far: an unused measure */
	C_FILTER,
	C_STATUS
};

struct filter {
	size_t col;
	const char *name;
	const char *where;   /* the --where level, or NULL */
	bool where_seen;
	bool empty_total;    /* the empty cell is its total level */
	struct level {       /* levels in order of appearance */
		char *text;
		size_t len;
		bool accepted; /* level_accepted() */
	} *level;
	size_t nlevels, caplevels, last;
	size_t ntotal;       /* total-named levels among them */
	size_t total_at;     /* the first of them */
	bool committed;      /* its single level was passed on (PENDING_MAX) */
	unsigned line;       /* where its second level first appears */
};

struct pend {
	se_row r;
	uint64_t mask; /* the filters it waits on */
};

/* The columns of each layout: SIZE_MAX when the file has none. */
enum col {
	/* EES */
	K_TP, K_TI, K_LEVEL, K_COUNTRY_CODE, K_REGION_CODE, K_REGION_NAME,
	K_OLD_CODE, K_NEW_CODE, K_LA_NAME,
	/* LAIT */
	K_DESC, K_ITEM, K_YEARS, K_AREA, K_VALUES, K_LA_NUMBER, K_REGION,
	/* Fingertips */
	K_IND_ID, K_IND_NAME, K_AREA_CODE, K_AREA_NAME, K_AREA_TYPE,
	K_PARENT, K_PERIOD, K_VALUE, K_CI_LOW, K_CI_HIGH,
	NCOLS
};

static const struct colname {
	const char *name; /* as the header writes it, compared in any case */
	enum col col;
} colnames[] = {
	{ "time_period", K_TP }, { "time_identifier", K_TI },
	{ "geographic_level", K_LEVEL }, { "country_code", K_COUNTRY_CODE },
	{ "region_code", K_REGION_CODE }, { "region_name", K_REGION_NAME },
	{ "old_la_code", K_OLD_CODE }, { "new_la_code", K_NEW_CODE },
	{ "la_name", K_LA_NAME },
	{ "Short Desc", K_DESC }, { "Data item", K_ITEM }, { "Years", K_YEARS },
	{ "LA and Regions", K_AREA }, { "Values", K_VALUES },
	{ "LA Number", K_LA_NUMBER }, { "Region", K_REGION },
	{ "Indicator ID", K_IND_ID }, { "Indicator Name", K_IND_NAME },
	{ "Area Code", K_AREA_CODE }, { "Area Name", K_AREA_NAME },
	{ "Area Type", K_AREA_TYPE }, { "Parent Name", K_PARENT },
	{ "Time period", K_PERIOD }, { "Value", K_VALUE },
	{ "Lower CI 95.0 limit", K_CI_LOW }, { "Upper CI 95.0 limit", K_CI_HIGH },
};

/* EES columns that are neither measures nor filters: the geography of
 * levels other than the three used, and the period columns. */
static const char *const ees_standard[] = {
	"country_name", "lad_code", "lad_name", "pcon_code", "pcon_name",
	"ward_code", "ward_name", "lsip_code", "lsip_name", "school_urn",
	"school_name", "school_laestab", "school_postcode", "provider_ukprn",
	"provider_name", "institution_id", "institution_name",
	"local_enterprise_partnership_code", "local_enterprise_partnership_name",
	"english_devolved_area_code", "english_devolved_area_name",
	"opportunity_area_code", "opportunity_area_name", "rsc_region_lead_name",
	"sponsor_id", "sponsor_name", "trust_id", "trust_name",
	"mayoral_combined_authority_code", "mayoral_combined_authority_name",
	"local_skills_improvement_plan_code", "local_skills_improvement_plan_name",
	"planning_area_code", "planning_area_name",
};

/* Fingertips breakdowns: Persons and no category by default. */
static const struct {
	const char *name;
	bool empty_total;
} ft_filters[] = {
	{ "Sex", false }, { "Age", false }, { "Category Type", true },
	{ "Category", true },
};

struct se_real {
	se_extract_layout layout;
	const char *name;
	se_diag *d;
	se_row_fn fn;
	void *ctx;
	const se_catalogue *cat;
	const char *const *where;
	size_t nwhere;
	bool *where_col;     /* each --where names a column of the file */
	se_arena *arena;

	size_t ncols;
	size_t col[NCOLS];
	unsigned char *role; /* enum crole per column */
	size_t *filter_of;   /* the filter of a C_FILTER column */
	char **heading;      /* each column's heading, trimmed */
	unsigned *text_line; /* where a C_NUMERIC column first held text */
	size_t status_col;
	struct filter *f;
	size_t nf;
	size_t *measure;     /* EES measure columns */
	size_t nm;
	size_t *numeric;     /* the C_NUMERIC columns, in order */
	size_t nnum;
	size_t copied[NCOLS + 1]; /* the columns text() copies, once a row */
	size_t ncopied;

	/* the last geographic level read, and which it is */
	char ltext[32];
	size_t llen;
	int lkind;

	/* the last period read, with its identifier */
	char ptext[48], itext[48];
	size_t plen, ilen;
	bool pok;
	se_period per;

	struct tallies skipped, marks;
	/* LAIT: the title each Short Desc was given */
	struct title {
		const char *desc, *title;
	} *titles;
	size_t ntitles, last_title;
	se_row *rows;        /* the values of one row */

	struct pend *pend;
	size_t npend, cappend;
	bool overflowed;     /* PENDING_MAX reached */
	size_t emitted;      /* values passed on */
	size_t rows_read;    /* rows of the levels used that reached the filters */

	char *buf;           /* the row's strings */
	size_t buflen, bufcap;
	char flag[8];
	bool failed;
};

static int
oom(se_real *x)
{
	se_pos p = { x->name, 0, 0 };

	x->failed = true;
	return se_diag_error(x->d, &p, "out-of-memory",
	    "out of memory reading the file");
}

static se_pos
pos_of(const se_real *x, const se_csv_field *f)
{
	se_pos p = { x->name, f->line, f->col };

	return p;
}

/* A trimmed, NUL-terminated copy of field 'c' in the row buffer ("" when
 * the file has no such column). */
static const char *
text(se_real *x, const se_csv_field *f, size_t c, size_t *len)
{
	const char *s;
	size_t n;
	char *t;

	if (c == NONE) {
		if (len)
			*len = 0;
		return "";
	}
	s = f[c].text;
	n = f[c].len;
	trim(&s, &n);
	t = x->buf + x->buflen;
	memcpy(t, s, n);
	t[n] = '\0';
	x->buflen += n + 1;
	if (len)
		*len = n;
	return t;
}

/* Room in the row buffer for the row's strings: the columns text()
 * copies, and a flag for each measure. */
static bool
make_room(se_real *x, const se_csv_field *f)
{
	size_t need = 64 + x->nm * sizeof x->flag, i;

	for (i = 0; i < x->ncopied; i++)
		need += f[x->copied[i]].len + 1;
	x->buflen = 0;
	if (need > x->bufcap) {
		char *b = realloc(x->buf, need * 2);
		if (!b)
			return false;
		x->buf = b;
		x->bufcap = need * 2;
	}
	return true;
}

/* ---- the header ---------------------------------------------------------- */

static size_t
col_named(const se_csv_field *h, size_t n, const char *want)
{
	size_t i, k = strlen(want);

	for (i = 0; i < n; i++) {
		const char *s = h[i].text;
		size_t len = h[i].len;
		trim(&s, &len);
		if (len == k && se_strncasecmp(s, want, k) == 0)
			return i;
	}
	return NONE;
}

static bool
is_ees_standard(const char *s)
{
	size_t i;

	for (i = 0; i < sizeof ees_standard / sizeof ees_standard[0]; i++)
		if (se_strcasecmp(s, ees_standard[i]) == 0)
			return true;
	return false;
}

static const char *
where_of(se_real *x, const char *column)
{
	size_t i, k = strlen(column);

	for (i = 0; i < x->nwhere; i++) {
		const char *w = x->where[i], *eq = strchr(w, '=');
		if (eq && (size_t)(eq - w) == k && memcmp(w, column, k) == 0) {
			x->where_col[i] = true;
			return eq + 1;
		}
	}
	return NULL;
}

static int
add_filter(se_real *x, size_t c, bool empty_total)
{
	struct filter *f, *v;

	v = realloc(x->f, (x->nf + 1) * sizeof *v);
	if (!v)
		return -1;
	x->f = v;
	f = &x->f[x->nf];
	memset(f, 0, sizeof *f);
	f->col = c;
	f->name = x->heading[c];
	f->where = where_of(x, f->name);
	f->empty_total = empty_total;
	f->total_at = NONE;
	f->last = NONE;
	x->role[c] = C_FILTER;
	x->filter_of[c] = x->nf++;
	return 0;
}

static int
ees_columns(se_real *x)
{
	size_t i;

	for (i = 0; i < x->ncols; i++) {
		const char *h = x->heading[i];
		size_t k;
		bool known = false;
		for (k = 0; k < NCOLS; k++)
			if (x->col[k] == i)
				known = true;
		if (known || is_ees_standard(h) || !*h)
			continue;
		if (se_strcasecmp(h, "version") == 0 ||
		    se_strcasecmp(h, "data_status") == 0) {
			if (x->status_col == NONE) {
				x->status_col = i;
				x->role[i] = C_STATUS;
			}
			continue;
		}
		if (x->cat && se_catalogue_find(x->cat, h, strlen(h))) {
			size_t *m = realloc(x->measure, (x->nm + 1) * sizeof *m);
			if (!m)
				return -1;
			x->measure = m;
			x->measure[x->nm++] = i;
			x->role[i] = C_MEASURE;
			continue;
		}
		/* --where names a breakdown, whatever it holds. */
		if (where_of(x, h)) {
			if (add_filter(x, i, false) < 0)
				return -1;
			continue;
		}
		x->role[i] = C_NUMERIC;
		x->numeric[x->nnum++] = i;
	}
	return 0;
}

static int
ft_columns(se_real *x)
{
	size_t i, c;

	for (i = 0; i < sizeof ft_filters / sizeof ft_filters[0]; i++) {
		c = NONE;
		for (c = 0; c < x->ncols; c++)
			if (se_strcasecmp(x->heading[c], ft_filters[i].name) == 0)
				break;
		if (c < x->ncols && add_filter(x, c, ft_filters[i].empty_total) < 0)
			return -1;
	}
	return 0;
}

static int
real_header(se_real *x, const se_csv_field *h, size_t n)
{
	size_t i;

	x->ncols = n;
	x->role = calloc(n ? n : 1, 1);
	x->filter_of = calloc(n ? n : 1, sizeof *x->filter_of);
	x->heading = calloc(n ? n : 1, sizeof *x->heading);
	x->text_line = calloc(n ? n : 1, sizeof *x->text_line);
	x->numeric = calloc(n ? n : 1, sizeof *x->numeric);
	if (!x->role || !x->filter_of || !x->heading || !x->text_line ||
	    !x->numeric)
		return oom(x);
	for (i = 0; i < n; i++) {
		const char *s = h[i].text;
		size_t len = h[i].len;
		trim(&s, &len);
		x->heading[i] = se_arena_strndup(x->arena, s, len);
		if (!x->heading[i])
			return oom(x);
	}
	for (i = 0; i < NCOLS; i++)
		x->col[i] = NONE;
	for (i = 0; i < sizeof colnames / sizeof colnames[0]; i++)
		if (x->col[colnames[i].col] == NONE)
			x->col[colnames[i].col] = col_named(h, n, colnames[i].name);
	x->status_col = NONE;
	if (x->layout == SE_LAYOUT_EES && ees_columns(x) < 0)
		return oom(x);
	if (x->layout == SE_LAYOUT_FINGERTIPS && ft_columns(x) < 0)
		return oom(x);
	for (i = 0; i < NCOLS; i++)
		if (x->col[i] != NONE)
			x->copied[x->ncopied++] = x->col[i];
	if (x->status_col != NONE)
		x->copied[x->ncopied++] = x->status_col;
	x->rows = malloc((x->nm ? x->nm : 1) * sizeof *x->rows);
	if (!x->rows)
		return oom(x);
	return 0;
}

/* ---- periods --------------------------------------------------------------- */

static const char *const months[] = { "january", "february", "march",
	"april", "may", "june", "july", "august", "september", "october",
	"november", "december" };

/* "Q2", "Financial year Q2", "Academic year Q3": the quarter, or 0. */
static int
quarter_of(const char *s, size_t n)
{
	if (n >= 2 && (s[n - 2] == 'Q' || s[n - 2] == 'q') && s[n - 1] >= '1' &&
	    s[n - 1] <= '4' && (n == 2 || s[n - 3] == ' '))
		return s[n - 1] - '0';
	return 0;
}

static bool
year_identifier(const char *s, size_t n)
{
	static const char *const years[] = { "calendar year", "reporting year",
		"academic year", "financial year", "tax year", "fiscal year",
		"school year", "census", "spending year", "year", "week",
		"aged year" };
	size_t i;

	for (i = 0; i < sizeof years / sizeof years[0]; i++)
		if (se_eq_ci(s, n, years[i]))
			return true;
	return false;
}

/* An EES time_period with its time_identifier.  0, or -1 with the
 * reason reported. */
static int
ees_period(se_real *x, const char *tp, size_t tn, const char *ti, size_t in,
    const se_pos *at)
{
	int y, q, k;
	size_t i;
	bool span = false;

	y = -1;
	if (tn == 4 || tn == 6) {
		y = 0;
		for (i = 0; i < tn; i++) {
			if (tp[i] < '0' || tp[i] > '9') {
				y = -1;
				break;
			}
		}
	}
	if (y == 0) {
		y = (tp[0] - '0') * 1000 + (tp[1] - '0') * 100 +
		    (tp[2] - '0') * 10 + (tp[3] - '0');
		if (tn == 6) {
			k = (tp[4] - '0') * 10 + (tp[5] - '0');
			if (k != (y + 1) % 100)
				y = -1;
			span = true;
		}
	}
	if (y < 0)
		return se_diag_error(x->d, at, "csv-period",
		    "time_period '%.*s' is not a year (2018) or a year span "
		    "(201819)", se_shown(tp, tn), tp);
	memset(&x->per, 0, sizeof x->per);
	x->per.year = y;
	if ((q = quarter_of(ti, in)) != 0) {
		/* A quarter of a span is a financial-year quarter; of a year,
		 * a calendar quarter. */
		x->per.kind = span || starts_ci(ti, in, "financial") ||
		    starts_ci(ti, in, "tax") ? SE_PERIOD_FY_QUARTER :
		    SE_PERIOD_QUARTER;
		x->per.sub = q;
		return 0;
	}
	for (i = 0; i < 12; i++)
		if (se_eq_ci(ti, in, months[i])) {
			x->per.kind = SE_PERIOD_MONTH;
			x->per.sub = (int)i + 1;
			/* a month of an academic year: September to August */
			if (span && i < 8)
				x->per.year++;
			return 0;
		}
	if (year_identifier(ti, in)) {
		x->per.kind = span ? SE_PERIOD_SPAN : SE_PERIOD_YEAR;
		return 0;
	}
	/* a term of an academic year (202324); a week of a year (2024) */
	q = se_period_term(ti, in);
	k = se_period_week(ti, in);
	if (k != 0 && !span && k > se_period_weeks_in(y))
		return se_diag_error(x->d, at, "csv-period",
		    "time_identifier '%.*s': %d has %d weeks", se_shown(ti, in),
		    ti, y, se_period_weeks_in(y));
	if ((q != 0 && span) || (k != 0 && !span)) {
		x->per.kind = q != 0 ? SE_PERIOD_TERM : SE_PERIOD_WEEK;
		x->per.sub = q != 0 ? q : k;
		return 0;
	}
	if (q != 0 || k != 0)
		return se_diag_error(x->d, at, "csv-period",
		    "time_identifier '%.*s' needs a %s time_period, not "
		    "'%.*s'", se_shown(ti, in), ti, span ? "four-digit (2024)" :
		    "six-digit (202324)", se_shown(tp, tn), tp);
	return se_diag_error(x->d, at, "csv-period",
	    "time_identifier '%.*s' is not understood: expected a year "
	    "('Calendar year', 'Academic year', 'Financial year', 'Reporting "
	    "year', 'Tax year'), a quarter ('Q1'..'Q4', 'Financial year Q2'), "
	    "a month ('January'..), a term ('Autumn term', 'Autumn and spring "
	    "term', 'Spring term', 'Summer term') or a week ('Week 1'..'Week "
	    "53')", se_shown(ti, in), ti);
}

/* The period of a row, remembered: extracts repeat it row after row. */
static int
row_period(se_real *x, const se_csv_field *f, size_t pc, size_t ic,
    se_row *r)
{
	const char *tp = f[pc].text, *ti = ic != NONE ? f[ic].text : "";
	size_t tn = f[pc].len, in = ic != NONE ? f[ic].len : 0;
	se_pos at = pos_of(x, &f[pc]);
	int rc;

	trim(&tp, &tn);
	trim(&ti, &in);
	if (x->plen == tn && x->ilen == in && memcmp(x->ptext, tp, tn) == 0 &&
	    memcmp(x->itext, ti, in) == 0 && (x->plen || x->ilen)) {
		if (!x->pok)
			return -1;
		r->period = x->per;
		return 0;
	}
	if (x->layout == SE_LAYOUT_EES)
		rc = ees_period(x, tp, tn, ti, in, &at);
	else if ((rc = se_period_parse(tp, tn, &x->per)) != 0)
		se_diag_error(x->d, &at, "csv-period",
		    "period '%.*s%s' is not " SE_PERIOD_FORMS,
		    se_shown(tp, tn), tp,
		    se_shown(tp, tn) < (int)tn ? "..." : "");
	x->pok = rc == 0;
	/* Remembered only while it fits; a failure is reported once for a
	 * run of rows. */
	if (tn < sizeof x->ptext && in < sizeof x->itext) {
		memcpy(x->ptext, tp, tn);
		memcpy(x->itext, ti, in);
		x->plen = tn;
		x->ilen = in;
	} else
		x->plen = x->ilen = 0;
	if (rc != 0)
		return -1;
	r->period = x->per;
	return 0;
}

/* LAIT: a status mark on a period ("2022 (Rev)", "2016-17 (OT)") is
 * dropped and counted, one note per kind. */
static void
drop_mark(se_real *x, const char **s, size_t *n)
{
	const char *p = *s, *open;
	size_t k = *n;

	if (k < 3 || p[k - 1] != ')')
		return;
	open = memchr(p, '(', k);
	if (!open || open == p)
		return;
	if (tally(&x->marks, x->arena, open, (size_t)(p + k - open)) < 0)
		oom(x);
	k = (size_t)(open - p);
	trim(&p, &k);
	*n = k;
}

/* ---- filters --------------------------------------------------------------- */

static bool
level_is_total(const struct filter *f, const char *s, size_t n)
{
	return (n == 0 && f->empty_total) || (n > 0 && total_named(s, n));
}

static bool
level_accepted(const struct filter *f, const char *s, size_t n)
{
	if (f->where)
		return se_eq_ci(s, n, f->where);
	return level_is_total(f, s, n);
}

static void drop_pending(se_real *x, size_t fi);

/* Note the level 's' of filter 'fi': the level's index, or NONE when out
 * of memory. */
static size_t
note_level(se_real *x, size_t fi, const char *s, size_t n, unsigned line)
{
	struct filter *f = &x->f[fi];
	struct level *l;
	size_t i;
	bool total;

	if (f->last != NONE && f->level[f->last].len == n &&
	    memcmp(f->level[f->last].text, s, n) == 0)
		return f->last;
	for (i = 0; i < f->nlevels; i++)
		if (f->level[i].len == n && memcmp(f->level[i].text, s, n) == 0)
			return f->last = i;
	if (f->nlevels == f->caplevels) {
		size_t cap = f->caplevels ? f->caplevels * 2 : 8;
		struct level *v = realloc(f->level, cap * sizeof *v);
		if (!v)
			return NONE;
		f->level = v;
		f->caplevels = cap;
	}
	l = &f->level[f->nlevels];
	l->text = se_arena_strndup(x->arena, s, n);
	if (!l->text)
		return NONE;
	l->len = n;
	l->accepted = level_accepted(f, s, n);
	total = level_is_total(f, s, n);
	if (total && f->ntotal++ == 0)
		f->total_at = f->nlevels;
	f->last = f->nlevels++;
	if (f->nlevels == 2)
		f->line = line;
	/* The column is not single-level with no total any more: rows that
	 * waited on it are not wanted. */
	if (f->nlevels == 2 || (total && f->nlevels > 1))
		drop_pending(x, fi);
	return f->last;
}

/* A single-level filter with no total: its level stands for the total
 * when the file ends that way. */
static bool
single(const struct filter *f)
{
	return !f->where && f->ntotal == 0 && f->nlevels == 1;
}

/* ---- rows kept aside --------------------------------------------------------- */

static const char *
keep_str(se_real *x, const char *s)
{
	return s ? se_arena_strdup(x->arena, s) : NULL;
}

static int
pend_row(se_real *x, const se_row *r, uint64_t mask)
{
	struct pend *p;

	if (x->npend == x->cappend) {
		size_t cap = x->cappend ? x->cappend * 2 : 256;
		struct pend *v = realloc(x->pend, cap * sizeof *v);
		if (!v)
			return -1;
		x->pend = v;
		x->cappend = cap;
	}
	p = &x->pend[x->npend];
	p->r = *r;
	p->mask = mask;
	p->r.authority = keep_str(x, r->authority);
	p->r.code = keep_str(x, r->code);
	p->r.code2 = keep_str(x, r->code2);
	p->r.region = keep_str(x, r->region);
	p->r.indicator = keep_str(x, r->indicator);
	p->r.period_text = keep_str(x, r->period_text);
	p->r.flag = keep_str(x, r->flag);
	p->r.title = keep_str(x, r->title);
	if ((r->authority && !p->r.authority) || !p->r.indicator)
		return -1;
	x->npend++;
	return 0;
}

static void
drop_pending(se_real *x, size_t fi)
{
	size_t i, k = 0;
	uint64_t bit;

	if (fi >= MAX_FILTERS)
		return;
	bit = (uint64_t)1 << fi;
	for (i = 0; i < x->npend; i++)
		if (!(x->pend[i].mask & bit))
			x->pend[k++] = x->pend[i];
	x->npend = k;
}

static int
emit(se_real *x, const se_row *r)
{
	x->emitted++;
	return x->fn(x->ctx, r);
}

/* Past PENDING_MAX: the rows kept aside are passed on, and single-level
 * filters with them from now on (a second level later is an error). */
static int
overflow(se_real *x)
{
	size_t i;

	x->overflowed = true;
	for (i = 0; i < x->nf; i++)
		if (single(&x->f[i]))
			x->f[i].committed = true;
	for (i = 0; i < x->npend; i++)
		if (emit(x, &x->pend[i].r) != 0)
			return -1;
	x->npend = 0;
	return 0;
}

/* Which way the row's filters decide: 1 pass it on, 0 drop it, 2 keep
 * it aside (the filters in *mask may turn out to be single-level); -1
 * out of memory. */
static int
decide(se_real *x, const se_csv_field *f, uint64_t *mask)
{
	size_t i;
	int verdict = 1;

	*mask = 0;
	x->rows_read++;
	for (i = 0; i < x->nf; i++) {
		struct filter *fl = &x->f[i];
		const char *s = f[fl->col].text;
		size_t n = f[fl->col].len, at;
		trim(&s, &n);
		if ((at = note_level(x, i, s, n, f[fl->col].line)) == NONE)
			return oom(x);
		if (fl->level[at].accepted) {
			if (fl->where)
				fl->where_seen = true;
			continue;
		}
		if (fl->committed && fl->nlevels == 1)
			continue;
		if (single(fl) && i < MAX_FILTERS) {
			*mask |= (uint64_t)1 << i;
			verdict = verdict == 1 ? 2 : verdict;
			continue;
		}
		verdict = 0;
	}
	return verdict;
}

/* Digits with a sign, point, exponent, grouping or percent: a number
 * for telling measures from filters (reading it is for used columns).
 * One table look-up a byte: 2 a digit, 1 one of the others. */
static const unsigned char number_byte[256] = {
	['0'] = 2, ['1'] = 2, ['2'] = 2, ['3'] = 2, ['4'] = 2, ['5'] = 2,
	['6'] = 2, ['7'] = 2, ['8'] = 2, ['9'] = 2, ['.'] = 1, ['-'] = 1,
	['+'] = 1, ['e'] = 1, ['E'] = 1, [','] = 1, ['%'] = 1,
};

static bool
numberish(const char *s, size_t n)
{
	size_t i;
	unsigned seen = 0;

	for (i = 0; i < n; i++) {
		unsigned k = number_byte[(unsigned char)s[i]];
		if (!k)
			return false;
		seen |= k;
	}
	return (seen & 2) != 0;
}

/* Numbers and markers so far; text makes a column a filter. */
static int
watch_numeric(se_real *x, const se_csv_field *f, size_t c)
{
	const char *s = f[c].text;
	size_t n = f[c].len;
	double v;

	if (numberish(s, n) || se_number_parse(s, n, &v) != SE_NUM_BAD)
		return 0;
	x->text_line[c] = f[c].line;
	if (add_filter(x, c, false) < 0)
		return oom(x);
	return 0;
}

/* Pass on or keep aside the row's values (rows[0..n)) as decide() said
 * (v, mask). */
static int
deliver(se_real *x, const se_row *rows, size_t n, int v, uint64_t mask)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (v == 1) {
			if (emit(x, &rows[i]) != 0)
				return -1;
		} else if (pend_row(x, &rows[i], mask) < 0)
			return oom(x);
	}
	if (x->npend > PENDING_MAX)
		return overflow(x);
	return 0;
}

/* ---- values ---------------------------------------------------------------- */

/* The value of field 'c' into r; false (reported unless 'quiet') when it
 * is not a number or marker. */
static bool
value_of(se_real *x, const se_csv_field *f, size_t c, se_row *r)
{
	const char *s = f[c].text;
	size_t n = f[c].len;

	r->pos = pos_of(x, &f[c]);
	switch (se_number_parse(s, n, &r->value)) {
	case SE_NUM_OK:
		r->has_value = true;
		r->flag = NULL;
		return true;
	case SE_NUM_SUPPRESSED:
		trim(&s, &n);
		if (n >= sizeof x->flag)
			n = sizeof x->flag - 1;
		memcpy(x->flag, s, n);
		x->flag[n] = '\0';
		r->has_value = false;
		r->value = 0;
		r->flag = x->flag;
		return true;
	case SE_NUM_BAD:
	default:
		trim(&s, &n);
		se_diag_error(x->d, &r->pos, "csv-value",
		    "value '%.*s%s' is not a number", se_shown(s, n), s,
		    se_shown(s, n) < (int)n ? "..." : "");
		return false;
	}
}

/* The flag of the first of several values lives in x->flag: a row of
 * several values gets each its own copy in the row buffer. */
static void
own_flag(se_real *x, se_row *r)
{
	size_t n;
	char *t;

	if (!r->flag)
		return;
	n = strlen(r->flag);
	t = x->buf + x->buflen;
	memcpy(t, r->flag, n + 1);
	x->buflen += n + 1;
	r->flag = t;
}

/* ---- EES ------------------------------------------------------------------- */

/* The geographic levels read (se-formats(5), Published layouts). */
enum { G_OTHER, G_NATIONAL, G_REGIONAL, G_LA };

/* Which level 's' is, remembered: rows repeat it. */
static int
geo_level(se_real *x, const char *s, size_t n)
{
	int k;

	if (n == x->llen && n > 0 && memcmp(s, x->ltext, n) == 0)
		return x->lkind;
	k = se_eq_ci(s, n, "National") ? G_NATIONAL : se_eq_ci(s, n, "Regional") ?
	    G_REGIONAL : se_eq_ci(s, n, "Local authority") ? G_LA : G_OTHER;
	if (n < sizeof x->ltext) {
		memcpy(x->ltext, s, n);
		x->llen = n;
		x->lkind = k;
	}
	return k;
}

static int
ees_row(se_real *x, const se_csv_field *f, se_row *rows)
{
	se_row r;
	const char *level;
	size_t ln, i, k = 0;
	uint64_t mask;
	int v, g;

	level = text(x, f, x->col[K_LEVEL], &ln);
	memset(&r, 0, sizeof r);
	r.row_pos = pos_of(x, &f[0]);
	if ((g = geo_level(x, level, ln)) == G_OTHER) {
		if (tally(&x->skipped, x->arena, level, ln) < 0)
			return oom(x);
		return 0;
	}
	for (i = k = 0; i < x->nnum; i++) {
		size_t c = x->numeric[i];
		if (watch_numeric(x, f, c) < 0)
			return -1;
		if (x->role[c] == C_NUMERIC)
			x->numeric[k++] = c; /* (a filter now: not watched) */
	}
	x->nnum = k;
	k = 0;
	/* The breakdowns first: most rows of a file with breakdowns are
	 * not used, and need no more reading. */
	if ((v = decide(x, f, &mask)) <= 0)
		return v;
	if (g == G_NATIONAL) {
		r.code = text(x, f, x->col[K_COUNTRY_CODE], NULL);
		r.authority = "England";
		if (!*r.code)
			r.code = "E92000001";
	} else if (g == G_REGIONAL) {
		r.authority = text(x, f, x->col[K_REGION_NAME], NULL);
		r.code = text(x, f, x->col[K_REGION_CODE], NULL);
	} else {
		r.authority = text(x, f, x->col[K_LA_NAME], NULL);
		r.code = text(x, f, x->col[K_NEW_CODE], NULL);
		r.code2 = text(x, f, x->col[K_OLD_CODE], NULL);
		r.region = text(x, f, x->col[K_REGION_NAME], NULL);
	}
	if (r.code && !*r.code)
		r.code = NULL;
	if (r.code2 && !*r.code2)
		r.code2 = NULL;
	if (r.region && !*r.region)
		r.region = NULL;
	if (!*r.authority && !r.code) {
		se_diag_error(x->d, &r.row_pos, "csv-row",
		    "%.*s row has no name or code", se_shown(level, ln), level);
		return 0;
	}
	if (!*r.authority)
		r.authority = NULL;
	if (row_period(x, f, x->col[K_TP], x->col[K_TI], &r) != 0)
		return x->failed ? -1 : 0;
	r.period_text = text(x, f, x->col[K_TP], NULL);
	if (x->status_col != NONE) {
		size_t sn;
		const char *st = text(x, f, x->status_col, &sn);
		int s = status_of(st, sn);
		if (s < 0) {
			se_pos p = pos_of(x, &f[x->status_col]);
			se_diag_warning(x->d, &p, "csv-value",
			    "'%s' is '%.*s', not Provisional, Revised or Final: "
			    "read as no status", x->heading[x->status_col],
			    se_shown(st, sn), st);
			s = SE_RELEASE_NONE;
		}
		r.release = s;
	}
	for (i = 0; i < x->nm; i++) {
		size_t c = x->measure[i];
		rows[k] = r;
		rows[k].indicator = x->heading[c];
		if (!value_of(x, f, c, &rows[k]))
			continue;
		own_flag(x, &rows[k]);
		k++;
	}
	return deliver(x, rows, k, v, mask);
}

/* ---- LAIT ------------------------------------------------------------------ */

/* The Data item of a Short Desc: given on its first rows only. */
static const char *
lait_title(se_real *x, const char *desc, const char *item)
{
	struct title *t;
	size_t i;

	for (i = 0; i < x->ntitles; i++) {
		size_t k = (x->last_title + i) % x->ntitles;
		if (strcmp(x->titles[k].desc, desc) == 0) {
			x->last_title = k;
			if (*item && strcmp(x->titles[k].title, item) != 0 &&
			    !(x->titles[k].title = keep_str(x, item)))
				oom(x);
			return x->titles[k].title;
		}
	}
	if (!*item)
		return NULL;
	t = realloc(x->titles, (x->ntitles + 1) * sizeof *t);
	if (!t) {
		oom(x);
		return NULL;
	}
	x->titles = t;
	t[x->ntitles].desc = keep_str(x, desc);
	t[x->ntitles].title = keep_str(x, item);
	if (!t[x->ntitles].desc || !t[x->ntitles].title) {
		oom(x);
		return NULL;
	}
	x->last_title = x->ntitles++;
	return t[x->last_title].title;
}

static int
lait_row(se_real *x, const se_csv_field *f, se_row *rows)
{
	se_row r;
	const char *years, *item;
	size_t yn, an;

	memset(&r, 0, sizeof r);
	r.row_pos = pos_of(x, &f[0]);
	r.indicator = text(x, f, x->col[K_DESC], NULL);
	item = text(x, f, x->col[K_ITEM], NULL);
	r.authority = text(x, f, x->col[K_AREA], &an);
	r.code = text(x, f, x->col[K_LA_NUMBER], NULL);
	r.region = text(x, f, x->col[K_REGION], NULL);
	if (!*r.indicator) {
		se_diag_error(x->d, &r.row_pos, "csv-row",
		    "row has no Short Desc");
		return 0;
	}
	r.title = lait_title(x, r.indicator, item);
	if (x->failed)
		return -1;
	/* LAIT's London halves are region rows, named as its Region column
	 * names them. */
	if (se_eq_ci(r.authority, an, "London (Inner)"))
		r.authority = "Inner London";
	else if (se_eq_ci(r.authority, an, "London (Outer)"))
		r.authority = "Outer London";
	if (!*r.code || se_eq_ci(r.code, strlen(r.code), "NA"))
		r.code = NULL;
	if (!*r.region || se_eq_ci(r.region, strlen(r.region), "NA"))
		r.region = NULL;
	if (!*r.authority && !r.code) {
		se_diag_error(x->d, &r.row_pos, "csv-row",
		    "row has no authority name or code");
		return 0;
	}
	years = f[x->col[K_YEARS]].text;
	yn = f[x->col[K_YEARS]].len;
	trim(&years, &yn);
	drop_mark(x, &years, &yn);
	if (se_period_parse(years, yn, &r.period) != 0) {
		se_pos p = pos_of(x, &f[x->col[K_YEARS]]);
		se_diag_error(x->d, &p, "csv-period",
		    "period '%.*s' is not " SE_PERIOD_FORMS, se_shown(years, yn),
		    years);
		return 0;
	}
	r.period_text = text(x, f, x->col[K_YEARS], NULL);
	rows[0] = r;
	if (!value_of(x, f, x->col[K_VALUES], &rows[0]))
		return 0;
	return deliver(x, rows, 1, 1, 0);
}

/* ---- Fingertips ------------------------------------------------------------ */

static bool
number_at(const se_csv_field *f, size_t c, double *v)
{
	return c != NONE && f[c].len > 0 &&
	    se_number_parse(f[c].text, f[c].len, v) == SE_NUM_OK;
}

static int
ft_row(se_real *x, const se_csv_field *f, se_row *rows)
{
	se_row r;
	const char *type, *id;
	size_t tn;
	uint64_t mask;
	int v;

	memset(&r, 0, sizeof r);
	r.row_pos = pos_of(x, &f[0]);
	type = text(x, f, x->col[K_AREA_TYPE], &tn);
	if (ft_area_skipped(type, tn))
		return tally(&x->skipped, x->arena, type, tn) < 0 ? oom(x) : 0;
	if ((v = decide(x, f, &mask)) <= 0)
		return v;
	id = text(x, f, x->col[K_IND_ID], NULL);
	r.title = text(x, f, x->col[K_IND_NAME], NULL);
	r.indicator = *id ? id : r.title;
	if (r.indicator == r.title || !*r.title)
		r.title = NULL;
	if (!*r.indicator) {
		se_diag_error(x->d, &r.row_pos, "csv-row",
		    "row has no Indicator ID or Indicator Name");
		return 0;
	}
	r.authority = text(x, f, x->col[K_AREA_NAME], NULL);
	r.code = text(x, f, x->col[K_AREA_CODE], NULL);
	if (!se_eq_ci(type, tn, "England") && !starts_ci(type, tn, "region")) {
		r.region = text(x, f, x->col[K_PARENT], NULL);
		if (se_is_england(r.region, NULL) || !*r.region)
			r.region = NULL;
	}
	if (!*r.code)
		r.code = NULL;
	if (!*r.authority && !r.code) {
		se_diag_error(x->d, &r.row_pos, "csv-row",
		    "row has no Area Name or Area Code");
		return 0;
	}
	if (!*r.authority)
		r.authority = NULL;
	if (row_period(x, f, x->col[K_PERIOD], NONE, &r) != 0)
		return x->failed ? -1 : 0;
	r.period_text = text(x, f, x->col[K_PERIOD], NULL);
	rows[0] = r;
	if (!value_of(x, f, x->col[K_VALUE], &rows[0]))
		return 0;
	if (number_at(f, x->col[K_CI_LOW], &rows[0].ci_low) &&
	    number_at(f, x->col[K_CI_HIGH], &rows[0].ci_high))
		rows[0].has_ci = true;
	return deliver(x, rows, 1, v, mask);
}

/* ---- the reader's life ------------------------------------------------------- */

se_real *
se_real_new(se_extract_layout layout, const char *name,
    const se_extract_opts *o, se_row_fn fn, void *ctx, se_diag *d)
{
	se_real *x = calloc(1, sizeof *x);

	if (!x)
		return NULL;
	x->layout = layout;
	x->name = name;
	x->d = d;
	x->fn = fn;
	x->ctx = ctx;
	x->arena = se_arena_new(0);
	if (o) {
		x->cat = o->cat;
		x->where = o->where;
		x->nwhere = o->nwhere;
	}
	x->where_col = calloc(x->nwhere ? x->nwhere : 1, sizeof *x->where_col);
	if (!x->arena || !x->where_col) {
		se_real_free(x);
		return NULL;
	}
	return x;
}

void
se_real_free(se_real *x)
{
	size_t i;

	if (!x)
		return;
	for (i = 0; i < x->nf; i++)
		free(x->f[i].level);
	free(x->f);
	free(x->role);
	free(x->filter_of);
	free(x->heading);
	free(x->text_line);
	free(x->measure);
	free(x->numeric);
	free(x->skipped.v);
	free(x->marks.v);
	free(x->titles);
	free(x->rows);
	free(x->pend);
	free(x->buf);
	free(x->where_col);
	se_arena_free(x->arena);
	free(x);
}

int
se_real_header(se_real *x, const se_csv_field *f, size_t n)
{
	return real_header(x, f, n);
}

int
se_real_row(se_real *x, const se_csv_field *f, size_t n, unsigned line)
{
	int rc;

	if (x->failed)
		return -1;
	if (n != x->ncols) {
		se_pos at = { x->name, line, f[0].col };
		se_diag_error(x->d, &at, "csv-row",
		    "row has %zu field%s, the header has %zu", n,
		    n == 1 ? "" : "s", x->ncols);
		return 0;
	}
	if (!make_room(x, f))
		return oom(x);
	if (x->layout == SE_LAYOUT_EES)
		rc = ees_row(x, f, x->rows);
	else if (x->layout == SE_LAYOUT_LAIT)
		rc = lait_row(x, f, x->rows);
	else
		rc = ft_row(x, f, x->rows);
	if (rc != 0)
		x->failed = true;
	return rc;
}

/* A filter's levels in a message: up to 10, quoted. */
static void
levels_text(const struct filter *f, se_buf *b)
{
	size_t i;

	for (i = 0; i < f->nlevels && i < 10; i++)
		se_buf_addf(b, "%s'%s'", i ? ", " : "", f->level[i].text);
	if (f->nlevels > 10)
		se_buf_addf(b, " and %zu more", f->nlevels - 10);
}

static void
filter_problems(se_real *x)
{
	se_pos at = { x->name, 1, 1 };
	size_t i;

	for (i = 0; i < x->nf; i++) {
		const struct filter *f = &x->f[i];
		se_buf b;
		se_pos p = { x->name, f->line, 1 };
		se_buf_init(&b);
		levels_text(f, &b);
		if (f->where && !f->where_seen)
			se_diag_error(x->d, &at, "where",
			    "--where %s=%s: no row has that level; its levels are "
			    "%s", f->name, f->where, se_buf_str(&b));
		else if (!f->where && f->ntotal == 0 && f->nlevels > 1)
			se_diag_error(x->d, &at, "no-total",
			    "breakdown '%s' has no total level, so none of its "
			    "rows is used: choose one with --where %s=LEVEL "
			    "(%s)", f->name, f->name, se_buf_str(&b));
		else if (!f->where && f->ntotal > 1)
			se_diag_warning(x->d, &at, "no-total",
			    "breakdown '%s' has %zu total levels (%s): rows of "
			    "each are used; choose one with --where %s=LEVEL",
			    f->name, f->ntotal, se_buf_str(&b), f->name);
		else if (f->committed && f->nlevels > 1)
			se_diag_error(x->d, &p, "no-total",
			    "breakdown '%s' has a second level here, after "
			    "%u values of its first were used as its total: "
			    "choose one with --where %s=LEVEL (%s)", f->name,
			    PENDING_MAX, f->name, se_buf_str(&b));
		if (x->text_line[f->col] && x->emitted &&
		    x->text_line[f->col] > 2) {
			se_pos t = { x->name, x->text_line[f->col], 1 };
			se_diag_error(x->d, &t, "csv-value",
			    "column '%s' holds text from here after numbers: "
			    "rows above were read as if it were not a breakdown",
			    f->name);
		}
		se_buf_release(&b);
	}
}

/* Whether a filter has been reported as unusable. */
static bool
filters_failed(const se_real *x)
{
	size_t i;

	for (i = 0; i < x->nf; i++) {
		const struct filter *f = &x->f[i];
		if ((f->where && !f->where_seen) ||
		    (!f->where && f->ntotal == 0 && f->nlevels > 1))
			return true;
	}
	return false;
}

static void
notes(se_real *x)
{
	se_pos at = { x->name, 1, 1 };
	size_t i, unused = 0;
	se_buf b;

	se_buf_init(&b);
	for (i = 0; i < x->skipped.n; i++)
		se_buf_addf(&b, "%s%zu row%s of '%s'", i ? ", " : "",
		    x->skipped.v[i].n, x->skipped.v[i].n == 1 ? "" : "s",
		    x->skipped.v[i].text);
	if (x->skipped.n)
		se_diag_note(x->d, &at, "skipped-rows", "%s: %s skipped",
		    x->layout == SE_LAYOUT_FINGERTIPS ? "area types of "
		    "lower-tier districts and of health or small areas are not "
		    "authorities with children's services, so not used" :
		    "geographic levels other than National, Regional and Local "
		    "authority are not used", se_buf_str(&b));
	for (i = 0; i < x->marks.n; i++)
		se_diag_note(x->d, &at, "period-mark",
		    "periods marked '%s' are read without the mark (%zu row%s)",
		    x->marks.v[i].text, x->marks.v[i].n,
		    x->marks.v[i].n == 1 ? "" : "s");
	se_buf_reset(&b);
	for (i = 0; i < x->ncols; i++)
		if (x->role[i] == C_NUMERIC) {
			if (unused < 8)
				se_buf_addf(&b, "%s'%s'", unused ? ", " : "",
				    x->heading[i]);
			unused++;
		}
	if (unused > 8)
		se_buf_addf(&b, " and %zu more", unused - 8);
	if (x->layout == SE_LAYOUT_EES && x->nm == 0)
		se_diag_warning(x->d, &at, "no-measure",
		    "no column is an indicator of the catalogue, so nothing is "
		    "read: give a catalogue (-i) whose ids, titles or aliases "
		    "name some of the measure columns (%s)", se_buf_str(&b));
	else if (unused)
		se_diag_note(x->d, &at, "unused-measure",
		    "%zu measure column%s not in the catalogue %s not read: %s",
		    unused, unused == 1 ? "" : "s", unused == 1 ? "is" : "are",
		    se_buf_str(&b));
	if (x->rows_read && x->emitted == 0 && x->nf && !filters_failed(x)) {
		se_buf_reset(&b);
		for (i = 0; i < x->nf; i++)
			se_buf_addf(&b, "%s'%s'", i ? ", " : "", x->f[i].name);
		se_diag_warning(x->d, &at, "no-rows",
		    "none of the %zu rows read has the level chosen (its total "
		    "or --where) in every breakdown column at once: %s",
		    x->rows_read, se_buf_str(&b));
	}
	for (i = 0; i < x->nwhere; i++)
		if (!x->where_col[i])
			se_diag_note(x->d, &at, "where",
			    "--where %s: the file has no such breakdown column",
			    x->where[i]);
	se_buf_release(&b);
}

int
se_real_finish(se_real *x)
{
	size_t i, j;

	if (x->failed)
		return -1;
	/* Rows waiting on single-level filters: those filters' one level is
	 * their total. */
	for (i = 0; i < x->npend; i++) {
		bool ok = true;
		for (j = 0; j < x->nf && j < MAX_FILTERS; j++)
			if ((x->pend[i].mask & ((uint64_t)1 << j)) &&
			    !single(&x->f[j]))
				ok = false;
		if (ok && emit(x, &x->pend[i].r) != 0)
			return -1;
	}
	x->npend = 0;
	filter_problems(x);
	notes(x);
	return 0;
}

/* ---- which layout ---------------------------------------------------------- */

se_extract_layout
se_real_sniff(const se_csv_field *h, size_t n)
{
	if (col_named(h, n, "time_period") != NONE &&
	    col_named(h, n, "time_identifier") != NONE &&
	    col_named(h, n, "geographic_level") != NONE)
		return SE_LAYOUT_EES;
	if (col_named(h, n, "Short Desc") != NONE &&
	    col_named(h, n, "Years") != NONE &&
	    col_named(h, n, "LA and Regions") != NONE &&
	    col_named(h, n, "Values") != NONE)
		return SE_LAYOUT_LAIT;
	if ((col_named(h, n, "Indicator ID") != NONE ||
	    col_named(h, n, "Indicator Name") != NONE) &&
	    col_named(h, n, "Area Code") != NONE &&
	    col_named(h, n, "Area Type") != NONE &&
	    col_named(h, n, "Time period") != NONE &&
	    col_named(h, n, "Value") != NONE)
		return SE_LAYOUT_FINGERTIPS;
	return SE_LAYOUT_NONE;
}
