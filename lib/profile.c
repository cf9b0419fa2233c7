/* profile.c: the host authority's data profile (se-hypothesise(1)):
 * one fact an indicator, from the series store as se-rag rates it or from
 * se-rag -F csv output, and how a fact is said in plain English.  The
 * rules that read it are in hypo.c. */
#include "hypo_internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define NONE SIZE_MAX

/* ---- saying a fact ------------------------------------------------------ */

void
se_fact_value(se_buf *b, const se_fact *f, double v)
{
	char num[64];

	se_number_format(v, f->ind->precision, num, sizeof num);
	se_buf_adds(b, num);
	if (f->ind->unit && strcmp(f->ind->unit, "percent") == 0)
		se_buf_addc(b, '%');
	else if (f->ind->unit && strcmp(f->ind->unit, "days") == 0)
		se_buf_adds(b, " days");
}

bool
se_fact_is_rated(const se_fact *f)
{
	return f->has_value && f->rag != SE_RAG_NONE &&
	    f->ind->polarity != SE_POLARITY_NONE;
}

char
se_fact_quartile(const se_fact *f)
{
	return f->of >= 4 ? f->quartile : 0;
}

bool
se_fact_is_bad(const se_fact *f)
{
	return se_fact_is_rated(f) && (f->rag == SE_RAG_RED ||
	    se_fact_quartile(f) == 'D' || f->direction == SE_DIR_DECLINING);
}

static const char *
count_word(unsigned n)
{
	static const char *const w[] = { "no", "one", "two", "three", "four",
		"five", "six", "seven", "eight", "nine", "ten" };

	return n < 11 ? w[n] : NULL;
}

/* Whether the series counts in years (2018, 2018-19), for "three years
 * running"; quarters and months say "periods". */
static bool
yearly(const char *period)
{
	se_period p;

	return period && se_period_parse(period, strlen(period), &p) == 0 &&
	    (p.kind == SE_PERIOD_YEAR || p.kind == SE_PERIOD_SPAN);
}

static void
comparison(se_buf *b, const se_fact *f)
{
	static const char *const quart[] = { "top quartile", "second quartile",
		"third quartile", "bottom quartile" };
	bool any = false;

	se_buf_adds(b, " (");
	if (f->source == SE_SOURCE_THRESHOLDS && f->ind->has_thresholds) {
		char g[64], r[64];
		se_number_format(f->ind->green, f->ind->precision, g, sizeof g);
		se_number_format(f->ind->red, f->ind->precision, r, sizeof r);
		se_buf_addf(b, "thresholds: green %s, red %s", g, r);
		any = true;
	} else if (f->has_comparator && f->comparator_name) {
		se_buf_addf(b, "%s ", f->comparator_name);
		se_fact_value(b, f, f->comparator);
		any = true;
	} else if (f->has_england) {
		se_buf_adds(b, "England ");
		se_fact_value(b, f, f->england);
		any = true;
	}
	if (f->rag != SE_RAG_NONE) {
		se_buf_adds(b, any ? "; " : "");
		se_buf_adds(b, se_rag_name(f->rag));
		any = true;
	}
	if (se_fact_quartile(f) >= 'A' && se_fact_quartile(f) <= 'D') {
		se_buf_adds(b, any ? (f->rag != SE_RAG_NONE ? ", " : "; ") : "");
		se_buf_adds(b, quart[se_fact_quartile(f) - 'A']);
		any = true;
	}
	if (any)
		se_buf_addc(b, ')');
	else
		b->len -= 2; /* drop " (" */
}

void
se_fact_sentence(se_buf *b, const se_fact *f)
{
	const char *w;

	se_buf_adds(b, f->ind->title && *f->ind->title ? f->ind->title :
	    f->ind->id);
	if (!f->has_value) {
		se_buf_addf(b, " has no value for %s.", f->period ? f->period :
		    "the latest period");
		return;
	}
	if (f->run >= 2 && f->run_from && (w = count_word(f->run)) != NULL &&
	    f->value != f->run_start) {
		se_buf_addf(b, " %s %s %s running, from ", f->value >
		    f->run_start ? "rose" : "fell", w, yearly(f->period) ?
		    "years" : "periods");
		se_fact_value(b, f, f->run_start);
		se_buf_addf(b, " in %s to ", f->run_from);
	} else if (f->has_previous && f->value != f->previous) {
		se_buf_addf(b, " %s from ", f->value > f->previous ? "rose" :
		    "fell");
		se_fact_value(b, f, f->previous);
		if (f->previous_period)
			se_buf_addf(b, " in %s", f->previous_period);
		se_buf_adds(b, " to ");
	} else {
		se_buf_adds(b, " stood at ");
	}
	se_fact_value(b, f, f->value);
	if (f->period)
		se_buf_addf(b, " in %s", f->period);
	comparison(b, f);
	se_buf_addc(b, '.');
}

/* ---- the data profile --------------------------------------------------- */

struct se_profile {
	const se_catalogue *cat;
	se_arena *arena;
	se_fact **facts;
	size_t n, cap;
};

se_profile *
se_profile_new(const se_catalogue *cat)
{
	se_profile *p = calloc(1, sizeof *p);

	if (!p)
		return NULL;
	p->cat = cat;
	p->arena = se_arena_new(0);
	if (!p->arena) {
		free(p);
		return NULL;
	}
	return p;
}

void
se_profile_free(se_profile *p)
{
	if (!p)
		return;
	se_arena_free(p->arena);
	free(p->facts);
	free(p);
}

size_t
se_profile_len(const se_profile *p)
{
	return p ? p->n : 0;
}

const se_fact *
se_profile_at(const se_profile *p, size_t i)
{
	return p && i < p->n ? p->facts[i] : NULL;
}

const se_fact *
se_profile_find(const se_profile *p, const char *id)
{
	size_t i;

	if (!p || !id)
		return NULL;
	for (i = 0; i < p->n; i++)
		if (se_strcasecmp(p->facts[i]->ind->id, id) == 0)
			return p->facts[i];
	return NULL;
}

/* Catalogue order, then unknown indicators by id. */
static int
fact_order(const se_profile *p, const se_fact *a, const se_fact *b)
{
	size_t ia = NONE, ib = NONE;
	const se_indicator *x;

	if (p->cat) {
		x = se_catalogue_find(p->cat, a->ind->id, strlen(a->ind->id));
		if (x == a->ind)
			ia = se_catalogue_index(p->cat, x);
		x = se_catalogue_find(p->cat, b->ind->id, strlen(b->ind->id));
		if (x == b->ind)
			ib = se_catalogue_index(p->cat, x);
	}
	if (ia != ib)
		return ia < ib ? -1 : 1;
	return strcmp(a->ind->id, b->ind->id);
}

/* Add 'f' (in the arena), replacing a fact for the same indicator. */
static int
profile_put(se_profile *p, se_fact *f)
{
	size_t i, at;

	for (i = 0; i < p->n; i++)
		if (se_strcasecmp(p->facts[i]->ind->id, f->ind->id) == 0) {
			p->facts[i] = f;
			return 0;
		}
	if (p->n == p->cap) {
		size_t cap = p->cap ? p->cap * 2 : 32;
		se_fact **v = realloc(p->facts, cap * sizeof *v);
		if (!v)
			return -1;
		p->facts = v;
		p->cap = cap;
	}
	for (at = p->n; at > 0 && fact_order(p, p->facts[at - 1], f) > 0; at--)
		p->facts[at] = p->facts[at - 1];
	p->facts[at] = f;
	p->n++;
	return 0;
}

static const char *
pstr(se_profile *p, const char *s)
{
	return s ? se_arena_strdup(p->arena, s) : NULL;
}

/* The catalogue's entry, or a copy of one the store made up. */
static const se_indicator *
own_indicator(se_profile *p, const se_indicator *ind)
{
	se_indicator *c;
	const se_indicator *known;

	if (p->cat) {
		known = se_catalogue_find(p->cat, ind->id, strlen(ind->id));
		if (known)
			return known;
	}
	c = se_arena_alloc(p->arena, sizeof *c);
	if (!c)
		return NULL;
	*c = *ind;
	c->id = pstr(p, ind->id);
	c->title = pstr(p, ind->title);
	c->unit = pstr(p, ind->unit);
	c->source = NULL;
	c->areas = NULL;
	c->nareas = 0;
	c->aliases = NULL;
	c->naliases = 0;
	return c->id ? c : NULL;
}

static bool
cell_value(const se_store *s, size_t i, size_t p, size_t e, double *v)
{
	se_cell c;

	if (e == NONE || p == NONE)
		return false;
	c = se_store_cell(s, i, p, e);
	*v = c.value;
	return c.state == SE_CELL_VALUE;
}

/* How many periods in a row, ending at 'p', were each worse than the one
 * before (no tolerance: any worsening counts). */
static void
worse_run(const se_store *s, size_t i, size_t p, size_t e, se_fact *f,
    se_profile *pr)
{
	double cur, prev;
	size_t q = p;

	f->run = 0;
	if (f->ind->polarity == SE_POLARITY_NONE)
		return;
	while (q > 0 && cell_value(s, i, q, e, &cur) &&
	    cell_value(s, i, q - 1, e, &prev) &&
	    se_direction_of(f->ind->polarity, cur, prev, 0) ==
	    SE_DIR_DECLINING) {
		f->run++;
		q--;
	}
	if (f->run) {
		f->run_from = pstr(pr, se_store_period_text(s, i, q));
		cell_value(s, i, q, e, &f->run_start);
	}
}

int
se_profile_add_store(se_profile *p, const se_store *s, const se_rate_opts *o,
    const char *authority)
{
	size_t e = se_store_entity_find(s, authority), i, n, eng;
	se_rating *r;
	int rc = 0;

	if (e == NONE || se_store_entity_kind(s, e) != SE_ENTITY_AUTHORITY)
		return 0;
	n = se_store_nentities(s);
	eng = se_store_england(s);
	r = calloc(n ? n : 1, sizeof *r);
	if (!r)
		return -1;
	for (i = 0; i < se_store_nseries(s) && rc == 0; i++) {
		const se_rating *me = &r[e];
		se_fact *f;
		int k = se_rate_series(s, i, o, r);
		if (k < 0) {
			rc = -1;
			break;
		}
		if (k > 0 || !me->shown)
			continue;
		f = se_arena_alloc(p->arena, sizeof *f);
		if (!f || !(f->ind = own_indicator(p,
		    se_store_series_indicator(s, i)))) {
			rc = -1;
			break;
		}
		f->period = pstr(p, me->period_text);
		f->previous_period = pstr(p, me->previous_text);
		f->has_value = me->cur.state == SE_CELL_VALUE;
		f->value = me->cur.value;
		f->has_previous = me->prev.state == SE_CELL_VALUE &&
		    me->previous != NONE;
		f->previous = me->prev.value;
		f->direction = me->direction;
		f->rag = me->rag;
		f->quartile = me->quartile;
		f->rank = me->rank;
		f->of = me->of;
		f->has_comparator = me->has_comparator;
		f->comparator = me->comparator;
		f->comparator_name = pstr(p, me->comparator_name);
		f->source = me->source;
		f->has_england = cell_value(s, i, me->period, eng, &f->england);
		worse_run(s, i, me->period, e, f, p);
		rc = profile_put(p, f);
	}
	free(r);
	return rc;
}

/* ---- se-rag -F csv output ----------------------------------------------- */

enum { C_AUTH, C_IND, C_PERIOD, C_VALUE, C_PREV, C_DIR, C_RANK, C_OF,
	C_QUART, C_COMP, C_SOURCE, C_RAG, NCOLS };

struct rread {
	se_profile *p;
	const char *path, *authority;
	se_diag *d;
	int col[NCOLS];
	bool header, bad;
	int rc;
};

static const char *const rcols[NCOLS] = { "authority", "indicator", "period",
	"value", "previous", "direction", "rank", "of", "quartile",
	"comparator", "comparator_source", "rag" };

static bool
num_field(const se_csv_field *f, double *v)
{
	return f->len && se_number_parse(f->text, f->len, v) == SE_NUM_OK;
}

static const char *
source_name(se_source s)
{
	switch (s) {
	case SE_SOURCE_ENGLAND:
		return "England";
	case SE_SOURCE_REGION:
		return "the region";
	case SE_SOURCE_NEIGHBOURS:
		return "neighbours";
	case SE_SOURCE_MEDIAN:
		return "the median";
	default:
		return NULL;
	}
}

static int
enum_of(const char *const *names, int n, const se_csv_field *f)
{
	int i;

	for (i = 0; i < n; i++)
		if (se_strcasecmp(names[i], f->text) == 0)
			return i;
	return 0;
}

static int
ratings_header(struct rread *r, const se_csv_field *f, size_t n,
    unsigned line)
{
	se_pos pos = { r->path, line, 1 };
	size_t i;
	int c;

	r->header = true;
	for (c = 0; c < NCOLS; c++) {
		r->col[c] = -1;
		for (i = 0; i < n; i++)
			if (se_strcasecmp(f[i].text, rcols[c]) == 0)
				r->col[c] = (int)i;
	}
	if (r->col[C_AUTH] < 0 || r->col[C_IND] < 0 || r->col[C_VALUE] < 0 ||
	    r->col[C_RAG] < 0) {
		r->bad = true;
		se_diag_error(r->d, &pos, "csv-header", "this is not se-rag "
		    "-F csv output: it needs authority, indicator, value and "
		    "rag columns");
		return -1;
	}
	return 0;
}

static int
on_rating(void *ctx, const se_csv_field *f, size_t n, unsigned line)
{
	static const char *const dirs[] = { "", "new", "unknown", "declining",
		"stable", "improving" };
	static const char *const rags[] = { "", "red", "amber", "green" };
	static const char *const srcs[] = { "", "england", "region",
		"neighbours", "median", "thresholds" };
	struct rread *r = ctx;
	const se_csv_field *col[NCOLS];
	se_pos pos = { r->path, line, 1 };
	se_fact *fact;
	double v;
	int c;

	if (!r->header)
		return ratings_header(r, f, n, line);
	for (c = 0; c < NCOLS; c++)
		col[c] = r->col[c] >= 0 && (size_t)r->col[c] < n ?
		    &f[r->col[c]] : NULL;
	if (!col[C_AUTH] || !col[C_IND] || !col[C_VALUE] || !col[C_RAG]) {
		se_diag_warning(r->d, &pos, "csv-row", "the row has %zu "
		    "fields, fewer than the header", n);
		return 0;
	}
	if (!se_same_name(col[C_AUTH]->text, r->authority))
		return 0;
	fact = se_arena_alloc(r->p->arena, sizeof *fact);
	if (!fact)
		return r->rc = -1;
	if (r->p->cat)
		fact->ind = se_catalogue_find(r->p->cat, col[C_IND]->text,
		    col[C_IND]->len);
	if (!fact->ind) {
		se_indicator made = { 0 };
		made.id = col[C_IND]->text;
		made.title = col[C_IND]->text;
		made.precision = 1;
		if (!(fact->ind = own_indicator(r->p, &made)))
			return r->rc = -1;
	}
	fact->has_value = num_field(col[C_VALUE], &fact->value);
	if (!fact->has_value && col[C_VALUE]->len && !(se_number_parse(
	    col[C_VALUE]->text, col[C_VALUE]->len, &v) == SE_NUM_SUPPRESSED)) {
		pos.col = col[C_VALUE]->col;
		se_diag_warning(r->d, &pos, "csv-value", "value '%s' is not a "
		    "number", col[C_VALUE]->text);
	}
	if (col[C_PERIOD] && col[C_PERIOD]->len)
		fact->period = pstr(r->p, col[C_PERIOD]->text);
	fact->has_previous = col[C_PREV] && num_field(col[C_PREV],
	    &fact->previous);
	fact->direction = col[C_DIR] ? (se_direction)enum_of(dirs, 6,
	    col[C_DIR]) : SE_DIR_NONE;
	fact->rag = (se_rag)enum_of(rags, 4, col[C_RAG]);
	if (col[C_QUART] && col[C_QUART]->len == 1 &&
	    col[C_QUART]->text[0] >= 'A' && col[C_QUART]->text[0] <= 'D')
		fact->quartile = col[C_QUART]->text[0];
	if (col[C_RANK] && num_field(col[C_RANK], &v) && v >= 0 && v < 1e6)
		fact->rank = (unsigned)v;
	if (col[C_OF] && num_field(col[C_OF], &v) && v >= 0 && v < 1e6)
		fact->of = (unsigned)v;
	fact->source = col[C_SOURCE] ? (se_source)enum_of(srcs, 6,
	    col[C_SOURCE]) : SE_SOURCE_NONE;
	fact->has_comparator = col[C_COMP] && num_field(col[C_COMP],
	    &fact->comparator);
	fact->comparator_name = source_name(fact->source);
	if (fact->has_comparator && fact->source == SE_SOURCE_ENGLAND) {
		fact->has_england = true;
		fact->england = fact->comparator;
	}
	if (fact->direction == SE_DIR_DECLINING && fact->has_previous) {
		fact->run = 1;
		fact->run_start = fact->previous;
	}
	return r->rc = profile_put(r->p, fact);
}

int
se_profile_read_ratings(se_profile *p, const char *path,
    const char *authority, se_diag *d)
{
	struct rread r;
	se_csv *c;
	int rc;

	memset(&r, 0, sizeof r);
	r.p = p;
	r.path = path;
	r.authority = authority ? authority : "";
	r.d = d;
	c = se_csv_new(path, on_rating, &r, d);
	if (!c)
		return -1;
	rc = se_csv_read_file(c, path, false, d);
	se_csv_free(c);
	if (!r.header && rc == 0) {
		se_pos pos = { path, 0, 0 };
		return se_diag_error(d, &pos, "csv-header", "the file is empty: "
		    "expected se-rag -F csv output");
	}
	return rc < 0 || r.bad || r.rc < 0 ? -1 : 0;
}
