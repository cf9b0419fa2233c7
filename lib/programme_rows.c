/*
 * programme_rows.c: the regional programme's events and milestones as
 * plan rows with states, and se-plan --programme writing them
 * (se-plan(1), --programme).
 */
#include "programme_internal.h"

#include <stdlib.h>
#include <string.h>

const char *
se_prog_state_name(se_prog_state s)
{
	switch (s) {
	case SE_PROG_COMPLETE:
		return "complete";
	case SE_PROG_OVERDUE:
		return "overdue";
	case SE_PROG_UPCOMING:
		return "upcoming";
	default:
		return "on track";
	}
}

/* The review workbook (or letter) for event 'e' among 'docs': a review
 * of the same type, host and window, final or with its letter sent. */
static const char *
find_workbook(const se_programme *p, const pevent *e,
    const se_doc *const *docs, size_t ndocs)
{
	long w0 = se_prog_first_day(e->m0), w1 = se_prog_last_day(e->m1);
	size_t i;

	for (i = 0; i < ndocs; i++) {
		const se_node *m = docs[i] ? docs[i]->meta : NULL;
		const char *type, *auth, *stage, *start;
		long day;
		if (!m || !docs[i]->kind || strcmp(docs[i]->kind, "review"))
			continue;
		type = se_prog_get_str(m, "type");
		auth = se_prog_get_str(m, "authority");
		stage = se_prog_get_str(m, "stage");
		start = se_prog_get_str(se_node_get(m, "dates"), "start");
		if (type && strcmp(type, e->type == EV_REVIEW ? "review" :
		    "visit") != 0)
			continue;
		if (!auth || !se_same_name(auth, p->auth[e->host].name))
			continue;
		if (!start || !se_ymd_parse(start, strlen(start), &day) ||
		    day < w0 || day > w1)
			continue;
		if ((stage && strcmp(stage, "final") == 0) ||
		    se_prog_get_str(m, "letter_sent"))
			return docs[i]->path;
	}
	return NULL;
}

static se_prog_state
state_of(long start, long due, long as_of, bool done)
{
	if (done)
		return SE_PROG_COMPLETE;
	if (due < as_of)
		return SE_PROG_OVERDUE;
	if (start - as_of <= 28)
		return SE_PROG_UPCOMING;
	return SE_PROG_ON_TRACK;
}

static int
row_cmp(const void *x, const void *y)
{
	const se_programme_row *a = x, *b = y;

	if (a->due != b->due)
		return a->due < b->due ? -1 : 1;
	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	if (a->pos.line != b->pos.line)
		return a->pos.line < b->pos.line ? -1 : 1;
	return strcmp(a->what, b->what);
}

int
se_programme_rows(const se_programme *p, const se_doc *const *docs,
    size_t ndocs, long as_of, se_programme_row **rows, size_t *nrows)
{
	se_programme_row *r;
	size_t i, n = 0;

	*rows = NULL, *nrows = 0;
	r = calloc(p->nev + p->nms + 1, sizeof *r);
	if (!r)
		return -1;
	for (i = 0; i < p->nev; i++) {
		const pevent *e = &p->ev[i];
		se_programme_row *w = &r[n];
		if (!e->ok || e->host == NONE)
			continue;
		w->start = e->has_dates ? e->start : se_prog_first_day(e->m0);
		w->due = e->has_dates ? e->end : se_prog_last_day(e->m1);
		if (e->type == EV_REVIEW) {
			w->what = se_prog_aprintf(p->arena, "Peer challenge team "
			    "review of %s", se_prog_aname(p, e->host));
			w->who = se_prog_aprintf(p->arena, "%s (host); %s (lead DCS); "
			    "%s (QA DCS)", se_prog_aname(p, e->host), se_prog_aname(p, e->lead),
			    se_prog_aname(p, e->qa));
		} else {
			w->what = se_prog_aprintf(p->arena, "Safeguarding assurance "
			    "visit to %s", se_prog_aname(p, e->host));
			w->who = se_prog_aprintf(p->arena, "%s (host); %s (visiting "
			    "lead)", se_prog_aname(p, e->host), se_prog_aname(p, e->lead));
		}
		w->evidence = find_workbook(p, e, docs, ndocs);
		w->state = state_of(w->start, w->due, as_of,
		    e->done || w->evidence != NULL);
		w->pos = e->node->pos;
		n++;
	}
	for (i = 0; i < p->nms; i++) {
		const pmile *m = &p->ms[i];
		se_programme_row *w = &r[n++];
		w->what = m->what;
		w->who = m->who;
		w->start = m->start;
		w->due = m->due;
		w->state = state_of(m->start, m->due, as_of, m->done);
		w->pos = m->node->pos;
	}
	qsort(r, n, sizeof *r, row_cmp);
	*rows = r, *nrows = n;
	return 0;
}

/* ---- se-plan --programme and --draft-programme ------------------------ */

/* The review workbooks under the operands, for completing events. */
typedef struct wbooks {
	se_doc **docs;
	size_t n, cap;
	se_diag *d;
	bool oom;
	bool failed;      /* a file could not be read or parsed */
} wbooks;

static int
wbook_add(void *ctx, const char *path, bool named)
{
	wbooks *w = ctx;
	se_doc *doc;

	if (!named && !se_ends_with(path, ".yaml") && !se_ends_with(path, ".yml"))
		return 0;
	if (se_doc_load_found(path, named, "review", &doc, w->d) < 0) {
		w->failed = true;
		return -1;
	}
	if (!doc)
		return 0;
	if (!doc->kind || strcmp(doc->kind, "review") != 0) {
		se_doc_free(doc);
		return 0;
	}
	if (w->n == w->cap) {
		size_t cap = w->cap ? w->cap * 2 : 16;
		se_doc **v = realloc(w->docs, cap * sizeof *v);
		if (!v) {
			se_doc_free(doc);
			w->oom = true;
			return 1;
		}
		w->docs = v, w->cap = cap;
	}
	w->docs[w->n++] = doc;
	return 0;
}

static void
plan_text_rows(const se_programme *p, const se_programme_row *rows,
    size_t n, long as_of, se_planout_format fmt, FILE *out)
{
	static const char *const head[] = { "When", "What", "Who", "State",
		"Evidence" };
	char due[11], start[11], asof[11];
	se_report *r;
	size_t i;

	se_ymd_format(as_of, asof);
	r = se_report_new(se_prog_aprintf(p->arena, "Peer challenge programme%s%s%s, "
	    "as of %s", p->region ? ": " : "", p->region ? p->region : "",
	    p->cycle_name ? se_prog_aprintf(p->arena, " %s", p->cycle_name) : "",
	    asof));
	if (!r)
		return;
	se_report_table(r, NULL, 5, head);
	for (i = 0; i < n; i++) {
		se_ymd_format(rows[i].start, start);
		se_ymd_format(rows[i].due, due);
		se_report_row(r);
		se_report_cell(r, rows[i].start == rows[i].due ? due :
		    se_prog_aprintf(p->arena, "%s to %s", start, due));
		se_report_cell(r, rows[i].what);
		se_report_cell(r, rows[i].who);
		se_report_cell(r, se_prog_state_name(rows[i].state));
		se_report_cell(r, rows[i].evidence ? rows[i].evidence : "");
	}
	se_report_render(r, fmt == SE_PLANOUT_HTML ? SE_REPORT_HTML :
	    fmt == SE_PLANOUT_MARKDOWN ? SE_REPORT_MARKDOWN : SE_REPORT_TEXT,
	    out);
	se_report_free(r);
}

static void
plan_data_rows(const se_programme_row *rows, size_t n,
    se_planout_format fmt, FILE *out)
{
	char due[11], start[11];
	size_t i;

	if (fmt == SE_PLANOUT_CSV)
		fputs("Start,Due,What,Who,State,Evidence\r\n", out);
	else if (fmt == SE_PLANOUT_JSON)
		fputs("[", out);
	for (i = 0; i < n; i++) {
		const se_programme_row *w = &rows[i];
		const char *ev = w->evidence ? w->evidence : "";
		se_ymd_format(w->start, start);
		se_ymd_format(w->due, due);
		if (fmt == SE_PLANOUT_CSV) {
			fprintf(out, "%s,%s,", start, due);
			se_csv_put(out, w->what, false);
			fputc(',', out);
			se_csv_put(out, w->who, false);
			fprintf(out, ",%s,", se_prog_state_name(w->state));
			se_csv_put(out, ev, false);
			fputs("\r\n", out);
		} else if (fmt == SE_PLANOUT_JSON) {
			fprintf(out, "%s\n  {\"start\": \"%s\", \"due\": \"%s\", "
			    "\"what\": ", i ? "," : "", start, due);
			se_json_put(out, w->what);
			fputs(", \"who\": ", out);
			se_json_put(out, w->who);
			fprintf(out, ", \"state\": \"%s\", \"evidence\": ",
			    se_prog_state_name(w->state));
			if (w->evidence)
				se_json_put(out, w->evidence);
			else
				fputs("null", out);
			fputs("}", out);
		} else {
			fprintf(out, "- start: %s\n  due: %s\n  what: ", start,
			    due);
			se_prog_yaml_put(out, w->what);
			fputs("\n  who: ", out);
			se_prog_yaml_put(out, w->who);
			fprintf(out, "\n  state: %s\n",
			    se_prog_state_name(w->state));
			if (w->evidence) {
				fputs("  evidence: ", out);
				se_prog_yaml_put(out, w->evidence);
				fputc('\n', out);
			}
		}
	}
	if (fmt == SE_PLANOUT_JSON)
		fputs(n ? "\n]\n" : "]\n", out);
}

int
se_programme_plan(const char *path, const char *const *operands,
    size_t noperands, long as_of, int syntax, FILE *out, se_diag *d)
{
	wbooks w;
	se_doc *doc;
	se_programme *p = NULL;
	se_programme_row *rows = NULL;
	size_t n = 0, i;
	se_planout_format fmt = (se_planout_format)syntax;
	int rc = -1;

	memset(&w, 0, sizeof w);
	w.d = d;
	doc = se_doc_load(path, d);
	if (!doc)
		goto out;
	if (!doc->kind || strcmp(doc->kind, "programme") != 0) {
		se_pos at = { doc->path, 0, 0 };
		se_diag_error(d, &at, "no-programme", "'%s' is not a programme "
		    "(kind: programme)", doc->path);
		goto out;
	}
	for (i = 0; i < noperands && !w.oom; i++)
		(void)se_walk(operands[i], wbook_add, &w, d);
	p = se_programme_from_doc(doc, NULL, d);
	if (!p || w.oom || se_programme_rows(p, (const se_doc *const *)w.docs,
	    w.n, as_of, &rows, &n) < 0)
		goto out;
	if (fmt == SE_PLANOUT_TEXT || fmt == SE_PLANOUT_MARKDOWN ||
	    fmt == SE_PLANOUT_HTML)
		plan_text_rows(p, rows, n, as_of, fmt, out);
	else
		plan_data_rows(rows, n, fmt, out);
	rc = 0;
	for (i = 0; i < n; i++)
		if (rows[i].state == SE_PROG_OVERDUE)
			rc = 1;
	if (w.failed)
		rc = 2;
out:
	free(rows);
	se_programme_free(p);
	for (i = 0; i < w.n; i++)
		se_doc_free(w.docs[i]);
	free(w.docs);
	se_doc_free(doc);
	return rc;
}
