/* extract.c: performance-data extracts, long or wide (se-formats(5) Extracts), read
 * row by row from the CSV reader and handed on one value at a time.  No
 * allocation per row: a row's strings are its fields, or trimmed copies
 * in one reused buffer. */
#include "internal.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum role {
	R_NONE = -1,
	R_AUTHORITY,
	R_CODE,
	R_REGION,
	R_INDICATOR,
	R_PERIOD,
	R_VALUE,
	NROLES
};

/* Header names, as names are compared (se_name_eq: case ignored, '_',
 * '-' and other punctuation between words as a space), and the column
 * each names. */
static const struct alias {
	const char *name;
	enum role role;
} aliases[] = {
	{ "authority", R_AUTHORITY }, { "la", R_AUTHORITY },
	{ "la name", R_AUTHORITY }, { "local authority", R_AUTHORITY },
	{ "local authority name", R_AUTHORITY }, { "authority name", R_AUTHORITY },
	{ "area", R_AUTHORITY }, { "area name", R_AUTHORITY },
	{ "name", R_AUTHORITY },
	{ "la code", R_CODE }, { "code", R_CODE }, { "area code", R_CODE },
	{ "new la code", R_CODE }, { "ons code", R_CODE },
	{ "authority code", R_CODE },
	{ "region", R_REGION }, { "region name", R_REGION },
	{ "indicator", R_INDICATOR }, { "measure", R_INDICATOR },
	{ "indicator id", R_INDICATOR }, { "measure name", R_INDICATOR },
	{ "title", R_INDICATOR },
	{ "period", R_PERIOD }, { "year", R_PERIOD }, { "time period", R_PERIOD },
	{ "date", R_PERIOD },
	{ "value", R_VALUE }, { "figure", R_VALUE }, { "percent", R_VALUE },
	{ "rate", R_VALUE },
};

struct se_extract {
	se_csv *csv;
	char *name;
	se_row_fn fn;
	void *ctx;
	se_diag *d;

	bool have_header, wide, failed;
	size_t ncols;
	size_t col[NROLES]; /* SIZE_MAX: no such column */

	/* wide: the period columns, their header text and period */
	size_t *pcol;
	se_period *pper;
	char **ptext;
	size_t np;

	char *tbuf;   /* the row's strings that needed trimming */
	size_t tlen, tcap;
	char flag[8]; /* the suppression marker of the current value */

	/* long: the last period read, for sorted extracts */
	char last[32];
	size_t last_len;
	se_period last_per;

	se_extract_opts opts;
	se_real *real; /* a published layout (layout.c), or NULL */
};

static bool
is_space(char c)
{
	return c == ' ' || c == '\t';
}

/* One test for a space, a tab or a rarer control character: no text
 * that starts or ends with none of these needs trimming. */
static bool
space_or_control(char c)
{
	return (unsigned char)c <= ' ';
}

static void
trim(const char **s, size_t *n)
{
	const char *p = *s, *e = *s + *n;

	while (p < e && is_space(*p))
		p++;
	while (e > p && is_space(e[-1]))
		e--;
	*s = p;
	*n = (size_t)(e - p);
}

static enum role
role_of(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
		if (se_name_eq(s, n, aliases[i].name))
			return aliases[i].role;
	return R_NONE;
}

static se_pos
field_pos(const se_extract *x, const se_csv_field *f)
{
	se_pos p = { x->name, f->line, f->col };

	return p;
}

/* ---- the header ---------------------------------------------------------- */

static int
add_period_column(se_extract *x, size_t i, const se_csv_field *f,
    const se_period *per)
{
	const char *s = f->text;
	size_t n = f->len;

	if ((x->np & (x->np - 1)) == 0) {
		size_t cap = x->np ? x->np * 2 : 8;
		size_t *pc = realloc(x->pcol, cap * sizeof *pc);
		se_period *pp;
		char **pt;
		if (!pc)
			return -1;
		x->pcol = pc;
		pp = realloc(x->pper, cap * sizeof *pp);
		if (!pp)
			return -1;
		x->pper = pp;
		pt = realloc(x->ptext, cap * sizeof *pt);
		if (!pt)
			return -1;
		x->ptext = pt;
	}
	trim(&s, &n);
	x->ptext[x->np] = malloc(n + 1);
	if (!x->ptext[x->np])
		return -1;
	memcpy(x->ptext[x->np], s, n);
	x->ptext[x->np][n] = '\0';
	x->pcol[x->np] = i;
	x->pper[x->np] = *per;
	x->np++;
	return 0;
}

static int
oom(se_extract *x)
{
	se_pos p = { x->name, 0, 0 };

	x->failed = true;
	return se_diag_error(x->d, &p, "out-of-memory",
	    "out of memory reading the file");
}

static bool
has(const se_extract *x, enum role r)
{
	return x->col[r] != SIZE_MAX;
}

/* One error for a header that is none of the layouts, naming each. */
static int
no_layout(se_extract *x, const se_pos *at)
{
	return se_diag_error(x->d, at, "csv-header",
	    "the header is not an extract layout: long needs columns "
	    "'indicator' (or 'measure'), 'authority' (or 'la_name', 'la_code'), "
	    "'period' and 'value'; wide needs 'indicator', 'authority' and a "
	    "column per period (2018, 2018-19, 2018Q2); EES tidy data needs "
	    "'time_period', 'time_identifier' and 'geographic_level'; LAIT "
	    "long needs 'Short Desc', 'Years', 'LA and Regions' and 'Values'; "
	    "a Fingertips export needs 'Indicator ID' (or 'Indicator Name'), "
	    "'Area Code', 'Area Type', 'Time period' and 'Value'");
}

static int
header(se_extract *x, const se_csv_field *f, size_t n, unsigned line)
{
	se_pos at = { x->name, line, 1 };
	size_t i;

	x->ncols = n;
	for (i = 0; i < n; i++) {
		enum role r = role_of(f[i].text, f[i].len);
		se_period per;

		if (r != R_NONE && !has(x, r))
			x->col[r] = i;
		else if (r == R_NONE &&
		    se_period_parse(f[i].text, f[i].len, &per) == 0 &&
		    add_period_column(x, i, &f[i], &per) != 0)
			return oom(x);
	}
	if (!has(x, R_INDICATOR) || (!has(x, R_AUTHORITY) && !has(x, R_CODE)))
		return no_layout(x, &at);
	if (has(x, R_PERIOD) && has(x, R_VALUE)) {
		for (i = 0; i < x->np; i++) {
			se_pos p = field_pos(x, &f[x->pcol[i]]);
			se_diag_warning(x->d, &p, "csv-header",
			    "column '%s' is ignored: the file has period and "
			    "value columns", x->ptext[i]);
		}
		return 0;
	}
	if (x->np == 0)
		return no_layout(x, &at);
	x->wide = true;
	return 0;
}

/* ---- rows ------------------------------------------------------------------- */

/* Room in x->tbuf for every kept column of a row. */
static bool
make_room(se_extract *x, const se_csv_field *f)
{
	size_t need = NROLES, r;

	for (r = 0; r < NROLES; r++)
		if (has(x, (enum role)r))
			need += f[x->col[r]].len;
	if (need > x->tcap) {
		char *t = realloc(x->tbuf, need * 2);
		if (!t)
			return false;
		x->tbuf = t;
		x->tcap = need * 2;
	}
	return true;
}

/* A trimmed copy of s in x->tbuf.  The row's first copy (x->tlen is 0)
 * makes room for all its kept columns, so that later copies never move
 * the earlier ones.  NULL when out of memory, reported. */
static const char *
trimmed(se_extract *x, const se_csv_field *f, const char *s, size_t *len)
{
	size_t n = *len;
	char *t;

	if (x->tlen == 0 && !make_room(x, f)) {
		oom(x);
		return NULL;
	}
	trim(&s, &n);
	t = x->tbuf + x->tlen;
	memcpy(t, s, n);
	t[n] = '\0';
	x->tlen += n + 1;
	*len = n;
	return t;
}

/* The trimmed text of column r (NULL when there is no such column, or
 * out of memory with x->failed set): the field itself when it has no
 * spaces around it (libcsv has dropped them from unquoted fields), else
 * a copy in x->tbuf. */
static const char *
keep(se_extract *x, const se_csv_field *f, enum role r, size_t *len)
{
	const char *s;

	if (!has(x, r))
		return NULL;
	s = f[x->col[r]].text;
	*len = f[x->col[r]].len;
	if (*len == 0 || (!space_or_control(s[0]) &&
	    !space_or_control(s[*len - 1])))
		return s;
	return trimmed(x, f, s, len);
}

/* Parse the period of a long row, remembering the last one: extracts are
 * usually sorted, so most rows repeat it. */
static int
row_period(se_extract *x, const char *s, size_t n, se_period *out)
{
	if (n == x->last_len && n > 0 && memcmp(s, x->last, n) == 0) {
		*out = x->last_per;
		return 0;
	}
	if (se_period_parse(s, n, out) != 0)
		return -1;
	if (n < sizeof x->last) {
		memcpy(x->last, s, n);
		x->last_len = n;
		x->last_per = *out;
	}
	return 0;
}

/* The value in field v; 1 when the row is to be passed on, 0 when the
 * value is reported as not a number. */
static inline int
value(se_extract *x, const se_csv_field *v, se_row *r)
{
	const char *s = v->text;
	size_t n = v->len;

	r->pos = field_pos(x, v);
	switch (se_number_parse(s, n, &r->value)) {
	case SE_NUM_OK:
		r->has_value = true;
		r->flag = NULL;
		return 1;
	case SE_NUM_SUPPRESSED:
		trim(&s, &n); /* a marker: at most 3 bytes */
		if (n >= sizeof x->flag)
			n = sizeof x->flag - 1;
		memcpy(x->flag, s, n);
		x->flag[n] = '\0';
		r->has_value = false;
		r->value = 0;
		r->flag = x->flag;
		return 1;
	case SE_NUM_BAD:
	default:
		trim(&s, &n);
		se_diag_error(x->d, &r->pos, "csv-value",
		    "value '%.*s%s' is not a number", se_shown(s, n), s,
		    se_shown(s, n) < (int)n ? "..." : "");
		return 0;
	}
}

static int
row(se_extract *x, const se_csv_field *f, size_t n, unsigned line)
{
	se_row r;
	const char *text[NROLES];
	size_t i, len[NROLES];
	int k, last = x->wide ? R_INDICATOR : R_PERIOD;
	se_pos at = { x->name, line, f[0].col };

	if (n != x->ncols) {
		se_diag_error(x->d, &at, "csv-row",
		    "row has %zu field%s, the header has %zu", n,
		    n == 1 ? "" : "s", x->ncols);
		return 0;
	}
	x->tlen = 0;
	for (k = R_AUTHORITY; k <= last; k++) /* one call: keep() inlined */
		text[k] = keep(x, f, (enum role)k, &len[k]);
	if (x->failed)
		return -1;
	memset(&r, 0, sizeof r);
	r.authority = text[R_AUTHORITY];
	r.code = text[R_CODE];
	r.region = text[R_REGION];
	r.indicator = text[R_INDICATOR];
	r.row_pos = at;
	if ((!r.authority || !*r.authority) && (!r.code || !*r.code)) {
		se_pos p = field_pos(x, &f[x->col[has(x, R_AUTHORITY) ?
		    R_AUTHORITY : R_CODE]]);
		se_diag_error(x->d, &p, "csv-row",
		    "row has no authority name or code");
		return 0;
	}
	if (!*r.indicator) {
		se_pos p = field_pos(x, &f[x->col[R_INDICATOR]]);
		se_diag_error(x->d, &p, "csv-row", "row has no indicator");
		return 0;
	}
	if (!x->wide) {
		const char *ps = text[R_PERIOD];
		size_t pn = len[R_PERIOD];
		r.period_text = ps;
		if (row_period(x, ps, pn, &r.period) != 0) {
			se_pos p = field_pos(x, &f[x->col[R_PERIOD]]);
			se_diag_error(x->d, &p, "csv-period",
			    "period '%.*s%s' is not " SE_PERIOD_FORMS,
			    se_shown(ps, pn), ps,
			    se_shown(ps, pn) < (int)pn ? "..." : "");
			return 0;
		}
		if (value(x, &f[x->col[R_VALUE]], &r) && x->fn(x->ctx, &r) != 0)
			return -1;
		return 0;
	}
	for (i = 0; i < x->np; i++) {
		r.period = x->pper[i];
		r.period_text = x->ptext[i];
		if (value(x, &f[x->pcol[i]], &r) && x->fn(x->ctx, &r) != 0)
			return -1;
	}
	return 0;
}

static int
on_record(void *ctx, const se_csv_field *f, size_t n, unsigned line)
{
	se_extract *x = ctx;

	if (x->failed)
		return -1;
	if (!x->have_header) {
		se_extract_layout l = se_real_sniff(f, n);
		x->have_header = true;
		if (l != SE_LAYOUT_NONE) {
			if (!x->opts.cat && x->opts.catalogue_for)
				x->opts.cat = x->opts.catalogue_for(
				    x->opts.catalogue_ctx, l, x->name);
			x->real = se_real_new(l, x->name, &x->opts, x->fn,
			    x->ctx, x->d);
			if (!x->real)
				return oom(x);
			if (se_real_header(x->real, f, n) != 0) {
				x->failed = true;
				return -1;
			}
			return 0;
		}
		if (header(x, f, n, line) != 0) {
			x->failed = true;
			return -1;
		}
		return 0;
	}
	if (x->real) {
		if (se_real_row(x->real, f, n, line) != 0) {
			x->failed = true;
			return -1;
		}
		return 0;
	}
	if (row(x, f, n, line) != 0) {
		x->failed = true;
		return -1;
	}
	return 0;
}

/* ---- the reader ---------------------------------------------------------- */

se_extract *
se_extract_new(const char *name, se_row_fn fn, void *ctx, se_diag *d)
{
	se_extract *x = calloc(1, sizeof *x);
	size_t i;

	if (!x)
		return NULL;
	x->name = malloc(strlen(name) + 1);
	x->csv = se_csv_new(name, on_record, x, d);
	if (!x->name || !x->csv) {
		se_extract_free(x);
		return NULL;
	}
	memcpy(x->name, name, strlen(name) + 1);
	x->fn = fn;
	x->ctx = ctx;
	x->d = d;
	for (i = 0; i < NROLES; i++)
		x->col[i] = SIZE_MAX;
	return x;
}

void
se_extract_free(se_extract *x)
{
	size_t i;

	if (!x)
		return;
	se_csv_free(x->csv);
	se_real_free(x->real);
	for (i = 0; i < x->np; i++)
		free(x->ptext[i]);
	free(x->ptext);
	free(x->pcol);
	free(x->pper);
	free(x->tbuf);
	free(x->name);
	free(x);
}

int
se_extract_feed(se_extract *x, const char *buf, size_t len)
{
	return se_csv_feed(x->csv, buf, len);
}

int
se_extract_finish(se_extract *x)
{
	se_pos at = { x->name, 0, 0 };

	if (se_csv_finish(x->csv) != 0)
		return -1;
	if (!x->have_header)
		return se_diag_error(x->d, &at, "csv-header",
		    "file is empty: an extract needs a header row");
	if (!x->failed && x->real && se_real_finish(x->real) != 0)
		x->failed = true;
	return x->failed ? -1 : 0;
}

int
se_extract_set_opts(se_extract *x, const se_extract_opts *o)
{
	se_pos at = { x->name, 0, 0 };
	size_t i;

	x->opts = *o;
	for (i = 0; i < o->nwhere; i++)
		if (!strchr(o->where[i], '=') || o->where[i][0] == '=')
			return se_diag_error(x->d, &at, "where",
			    "--where '%s' is not COLUMN=VALUE", o->where[i]);
	return 0;
}

int
se_extract_read(const char *path, se_row_fn fn, void *ctx, se_diag *d)
{
	return se_extract_read_opts(path, NULL, fn, ctx, d);
}

int
se_extract_read_opts(const char *path, const se_extract_opts *o,
    se_row_fn fn, void *ctx, se_diag *d)
{
	const char *name = se_input_name(path);
	se_pos at = { name, 0, 0 };
	FILE *fp = se_input_fopen(path, d);
	se_extract *x;
	int r = 0;

	if (!fp)
		return -1;
	x = se_extract_new(name, fn, ctx, d);
	if (!x) {
		r = se_diag_error(d, &at, "out-of-memory",
		    "out of memory reading the file");
		goto out;
	}
	if (o && (r = se_extract_set_opts(x, o)) != 0)
		goto out;
	r = se_csv_feed_stream(x->csv, fp, 0, -1);
	if (r == 0 && ferror(fp))
		r = se_diag_error(d, &at, "unreadable", "cannot read: %s",
		    strerror(errno));
	if (r == 0)
		r = se_extract_finish(x);
out:
	se_extract_free(x);
	se_input_fclose(fp);
	return r;
}

/* ---- what a CSV is ----------------------------------------------------------- */

static bool
named(const se_csv_field *h, size_t n, const char *want)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (se_name_eq(h[i].text, h[i].len, want))
			return true;
	return false;
}

se_extract_layout
se_extract_layout_sniff(const se_csv_field *h, size_t n)
{
	bool role[NROLES] = { false };
	bool periods = false;
	size_t i;
	se_extract_layout l = se_real_sniff(h, n);

	if (l != SE_LAYOUT_NONE)
		return l;
	for (i = 0; i < n; i++) {
		enum role r = role_of(h[i].text, h[i].len);
		se_period per;
		if (r != R_NONE)
			role[r] = true;
		else if (se_period_parse(h[i].text, h[i].len, &per) == 0)
			periods = true;
	}
	if (!role[R_INDICATOR] || (!role[R_AUTHORITY] && !role[R_CODE]))
		return SE_LAYOUT_NONE;
	if (role[R_PERIOD] && role[R_VALUE])
		return SE_LAYOUT_LONG;
	return periods ? SE_LAYOUT_WIDE : SE_LAYOUT_NONE;
}

const char *
se_extract_layout_name(se_extract_layout l)
{
	switch (l) {
	case SE_LAYOUT_LONG:
		return "long";
	case SE_LAYOUT_WIDE:
		return "wide";
	case SE_LAYOUT_EES:
		return "EES tidy data";
	case SE_LAYOUT_LAIT:
		return "LAIT long";
	case SE_LAYOUT_FINGERTIPS:
		return "Fingertips export";
	case SE_LAYOUT_NONE:
	default:
		return "none";
	}
}

se_csv_kind
se_csv_sniff(const se_csv_field *h, size_t n)
{
	if (n > 0 && h[0].text[0] == '#')
		return SE_CSV_COMMENT;
	if (named(h, n, "ons code") && named(h, n, "dfe number") &&
	    named(h, n, "kind"))
		return SE_CSV_AUTHORITIES;

	if (named(h, n, "action") &&
	    (named(h, n, "accountable officer") || named(h, n, "owner")))
		return SE_CSV_PLAN;
	if (se_neighbours_header(h, n, false))
		return SE_CSV_NEIGHBOURS;
	if (named(h, n, "rag") && named(h, n, "comparator") &&
	    named(h, n, "indicator"))
		return SE_CSV_RATINGS;
	if (se_extract_layout_sniff(h, n) != SE_LAYOUT_NONE)
		return SE_CSV_EXTRACT;
	if (se_neighbours_header(h, n, true))
		return SE_CSV_NEIGHBOURS;
	return SE_CSV_UNKNOWN;
}

/* ---- England and the regions ------------------------------------------------ */

bool
se_is_england(const char *name, const char *code)
{
	const char *s;
	size_t n;

	if (code) {
		s = code;
		n = strlen(s);
		trim(&s, &n);
		if (se_eq_ci(s, n, "E92000001"))
			return true;
	}
	if (name) {
		s = name;
		n = strlen(s);
		trim(&s, &n);
		if (se_eq_ci(s, n, "England"))
			return true;
	}
	return false;
}

/* Region names as people write them, after dropping case, punctuation
 * and the words "the", "and", "of", "region" (se-rag(1)). */
static const struct {
	const char *name;
	int code;
} regions[] = {
	{ "north east", 1 }, { "north west", 2 }, { "yorkshire humber", 3 },
	{ "yorkshire", 3 }, { "east midlands", 4 }, { "west midlands", 5 },
	{ "east england", 6 }, { "east", 6 }, { "eastern", 6 },
	{ "london", 7 }, { "south east", 8 }, { "south west", 9 },
};

static bool
dropped_word(const char *w, size_t n)
{
	return se_eq_ci(w, n, "the") || se_eq_ci(w, n, "and") ||
	    se_eq_ci(w, n, "of") || se_eq_ci(w, n, "region") ||
	    se_eq_ci(w, n, "statistical");
}

int
se_region_code(const char *s)
{
	char buf[64];
	size_t k = 0, i, n;
	const char *p;

	if (!s)
		return 0;
	n = strlen(s);
	trim(&s, &n);
	if (n == 9 && se_strncasecmp(s, "E1200000", 8) == 0 && s[8] >= '1' &&
	    s[8] <= '9')
		return s[8] - '0';
	for (p = s; p < s + n;) {
		const char *w;
		while (p < s + n && !((*p >= 'a' && *p <= 'z') ||
		    (*p >= 'A' && *p <= 'Z')))
			p++;
		w = p;
		while (p < s + n && ((*p >= 'a' && *p <= 'z') ||
		    (*p >= 'A' && *p <= 'Z')))
			p++;
		if (p == w || dropped_word(w, (size_t)(p - w)))
			continue;
		if (k + (size_t)(p - w) + 2 > sizeof buf)
			return 0;
		if (k)
			buf[k++] = ' ';
		for (; w < p; w++)
			buf[k++] = (char)(*w >= 'A' && *w <= 'Z' ? *w - 'A' + 'a'
								  : *w);
	}
	buf[k] = '\0';
	for (i = 0; i < sizeof regions / sizeof regions[0]; i++)
		if (strcmp(buf, regions[i].name) == 0)
			return regions[i].code;
	return 0;
}
