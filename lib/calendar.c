/*
 * calendar.c: the regional programme as a calendar: the sector-led
 * improvement handbook's (2012) three grids (team reviews, safeguarding
 * assurance visits, involvement in all parts of the programme) and the
 * RIA framework's timetable of activity, as se-report -t calendar.
 */
#include "programme_internal.h"

#include <stdlib.h>
#include <string.h>

static const char *
grid_set(se_arena *ar, se_calendar_grid *g, size_t row, size_t col,
    const char *text)
{
	const char **c;

	if (col >= g->ncols)
		return NULL;
	c = &g->cells[row * g->ncols + col];
	if (!**c)
		*c = se_arena_strdup(ar, text);
	else if (strlen(*c) < 512)
		*c = se_prog_aprintf(ar, "%s; %s", *c, text);
	else if (!strstr(*c, "; ..."))
		*c = se_prog_aprintf(ar, "%s; ...", *c); /* a hostile pile-up */
	return *c;
}

static int
grid_init(se_arena *ar, se_calendar_grid *g, const se_programme *p,
    const char *title, int first, int last, int span)
{
	size_t i;
	char buf[40];

	g->title = title;
	g->nrows = p->nauth;
	g->ncols = last < first ? 0 : (size_t)(last - first) / (size_t)span + 1;
	g->rows = se_arena_alloc(ar, (g->nrows + 1) * sizeof *g->rows);
	g->cols = se_arena_alloc(ar, (g->ncols + 1) * sizeof *g->cols);
	g->cells = se_arena_alloc(ar, (g->nrows * g->ncols + 1) *
	    sizeof *g->cells);
	if (!g->rows || !g->cols || !g->cells)
		return -1;
	for (i = 0; i < g->nrows; i++)
		g->rows[i] = p->auth[i].name;
	for (i = 0; i < g->ncols; i++) {
		int m = first + (int)i * span;
		se_prog_range_label(m, m + span - 1, buf, sizeof buf);
		g->cols[i] = se_arena_strdup(ar, buf);
	}
	for (i = 0; i < g->nrows * g->ncols; i++)
		g->cells[i] = "";
	return 0;
}

static size_t
col_of(int m, int first, int span)
{
	return m < first ? SIZE_MAX : (size_t)(m - first) / (size_t)span;
}

static int
fill_involvement(se_arena *ar, se_calendar_grid *g, const se_programme *p,
    int q0)
{
	inv *v = malloc((p->nev * 3 + 1) * sizeof *v);
	size_t a, i, n;

	if (!v)
		return -1;
	for (a = 0; a < p->nauth; a++) {
		if (se_prog_involvement(p, a, v, &n) < 0) {
			free(v);
			return -1;
		}
		for (i = 0; i < n; i++) {
			grid_set(ar, g, a, col_of(v[i].q >= 0 ? v[i].q :
			    v[i].q0, q0, 3), se_prog_inv_text(p, &v[i], false));
		}
	}
	free(v);
	return 0;
}

se_calendar *
se_programme_calendar(const se_programme *p)
{
	se_calendar *c = calloc(1, sizeof *c);
	se_arena *ar;
	int q0, q1, s0, s1;
	size_t i;
	char buf[200];

	if (c)
		c->arena = se_arena_new(0);
	if (!c || !c->arena) {
		free(c);
		return NULL;
	}
	ar = c->arena;
	if (p->cstart <= p->cend) {
		q0 = se_prog_quarter(p->cstart), q1 = se_prog_quarter(p->cend);
		s0 = p->cstart - p->cstart % 2, s1 = p->cend - p->cend % 2;
	} else {
		q0 = s0 = 1, q1 = s1 = 0;
	}
	c->title = p->region ? se_prog_aprintf(ar, "Peer challenge calendar: %s, %s",
	    p->region, p->cycle_name ? p->cycle_name : "") :
	    se_prog_aprintf(ar, "Peer challenge calendar, %s", p->cycle_name ?
	    p->cycle_name : "");
	if (grid_init(ar, &c->grids[0], p, "Calendar of peer challenge "
	    "team reviews", q0, q1, 3) < 0 || grid_init(ar, &c->grids[1], p,
	    "Calendar of safeguarding assurance visits", s0, s1, 2) < 0 ||
	    grid_init(ar, &c->grids[2], p, "Involvement in all parts of the "
	    "programme", q0, q1, 3) < 0)
		goto fail;
	for (i = 0; i < p->nev; i++) {
		const pevent *e = &p->ev[i];
		int m = e->has_dates ? se_prog_day_month(e->start) : e->m0;
		if (!e->ok || e->host == NONE)
			continue;
		if (e->type == EV_REVIEW) {
			grid_set(ar, &c->grids[0], e->host, col_of(m, q0, 3),
			    se_prog_aprintf(ar, "HOST, LDCS %s, QA %s",
			    se_prog_aname(p, e->lead), se_prog_aname(p, e->qa)));
		} else {
			grid_set(ar, &c->grids[1], e->host, col_of(m, s0, 2),
			    "SAV");
		}
	}
	for (i = 0; i < p->nauth; i++)
		if (p->auth[i].next_cycle) {
			c->grids[1].rows[i] = se_prog_aprintf(ar, "%s*",
			    p->auth[i].name);
			c->grids[1].note = "* next visit falls in the next cycle";
		}
	if (fill_involvement(ar, &c->grids[2], p, q0) < 0)
		goto fail;
	c->items = se_arena_alloc(ar, (p->nms + 1) * sizeof *c->items);
	if (!c->items)
		goto fail;
	for (i = 0; i < p->nms; i++) {
		se_calendar_item *it = (se_calendar_item *)&c->items[i];
		const pmile *m = &p->ms[i];
		char d[11];
		it->start = m->start, it->due = m->due;
		it->what = m->what, it->who = m->who;
		if (m->start == m->due) {
			se_ymd_format(m->due, d);
			it->date = se_arena_strdup(ar, d);
		} else {
			se_prog_range_label(se_prog_day_month(m->due), se_prog_day_month(m->due), buf,
			    sizeof buf);
			it->date = se_arena_strdup(ar, buf);
		}
	}
	c->nitems = p->nms;
	return c;
fail:
	se_calendar_free(c);
	return NULL;
}

void
se_calendar_free(se_calendar *c)
{
	if (!c)
		return;
	se_arena_free(c->arena);
	free(c);
}

/* ---- the calendar as a report (se-report -t calendar) ----------------- */

static int
report_grid(se_report *r, const se_calendar_grid *g)
{
	const char **head = malloc((g->ncols + 1) * sizeof *head);
	size_t i, k;
	int rc = 0;

	if (!head)
		return -1;
	head[0] = "Authority";
	for (k = 0; k < g->ncols; k++)
		head[k + 1] = g->cols[k];
	if (se_report_heading(r, 2, g->title) < 0 ||
	    se_report_table(r, NULL, g->ncols + 1, head) < 0)
		rc = -1;
	for (i = 0; i < g->nrows && rc == 0; i++) {
		if (se_report_row(r) < 0 || se_report_cell(r, g->rows[i]) < 0)
			rc = -1;
		for (k = 0; k < g->ncols && rc == 0; k++)
			if (se_report_cell(r, g->cells[i * g->ncols + k]) < 0)
				rc = -1;
	}
	if (rc == 0 && g->note && se_report_para(r, g->note) < 0)
		rc = -1;
	free(head);
	return rc;
}

se_report *
se_report_calendar(const se_report_input *in, se_diag *d)
{
	const se_doc *doc = NULL;
	const se_node *format = NULL;
	se_programme *p;
	se_calendar *c = NULL;
	se_report *r = NULL;
	size_t i;

	for (i = 0; i < in->ndocs && !doc; i++)
		if (in->docs[i] && in->docs[i]->kind &&
		    strcmp(in->docs[i]->kind, "programme") == 0)
			doc = in->docs[i];
	if (!doc) {
		se_diag_error(d, NULL, "no-programme", "no programme among the "
		    "inputs: -t calendar needs a document of kind 'programme'");
		return NULL;
	}
	if (in->formats) {
		const se_format *fm = se_formats_find(in->formats,
		    doc->framework, "programme");
		format = fm ? se_format_node(fm) : NULL;
	}
	p = se_programme_from_doc(doc, format, d);
	if (!p)
		return NULL;
	c = se_programme_calendar(p);
	r = c ? se_report_new(c->title) : NULL;
	if (!r)
		goto fail;
	for (i = 0; i < 3; i++)
		if (report_grid(r, &c->grids[i]) < 0)
			goto fail;
	if (c->nitems && se_report_heading(r, 2, "Timetable") < 0)
		goto fail;
	for (i = 0; i < c->nitems; i++) {
		const se_calendar_item *it = &c->items[i];
		const char *line = se_prog_aprintf(c->arena, "%s: %s (%s)", it->date,
		    it->what, it->who);
		if (se_report_item(r, line) < 0)
			goto fail;
	}
	se_calendar_free(c);
	se_programme_free(p);
	return r;
fail:
	se_report_free(r);
	se_calendar_free(c);
	se_programme_free(p);
	se_diag_error(d, NULL, "out-of-memory", "out of memory");
	return NULL;
}
