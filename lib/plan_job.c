/* plan_job.c: what se-plan does with its options (se-plan(1)): the plans'
 * states as of a date, what changed since an older plan, the impact
 * against extracts and the CI check; drafts from documents (--from); the
 * regional programme (--programme, --draft-programme).  The model is
 * lib/plan.c, the diff lib/plandiff.c, the outputs lib/planout.c. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

void
se_plan_job_init(se_plan_job *j, const char *argv0, const char *usage)
{
	memset(j, 0, sizeof *j);
	se_cli_init(&j->cli, argv0, usage);
	j->argv0 = argv0;
	j->out.state = j->out.status = -1;
}

void
se_plan_job_release(se_plan_job *j)
{
	free(j->data);
	j->data = NULL;
	j->ndata = 0;
}

int
se_plan_job_format(se_plan_job *j)
{
	const char *name = j->cli.format ? j->cli.format : j->from ? "yaml" :
	    "text";
	int f = se_planout_format_parse(name);

	if (f < 0 || (j->from && f != SE_PLANOUT_YAML && f != SE_PLANOUT_CSV))
		return -1;
	j->out.format = (se_planout_format)f;
	return 0;
}

/* One run of a job: the formats, the operands, the outputs' options. */
typedef struct run {
	const se_plan_job *j;
	char *dir;              /* se_formats_dir() */
	se_formats *f;          /* NULL for --draft-programme */
	char *const *operands;
	size_t n;
	se_planout_opts o;      /* the job's, as of today unless --as-of */
	se_diag *d;
} run;

/* The --data extracts, read and finished; NULL when one could not be. */
static se_store *
load_data(const run *r, const se_catalogue *cat)
{
	const se_plan_job *j = r->j;
	se_store *s = se_store_open(r->dir, cat, j->data, j->ndata,
	    j->cli.where, j->cli.nwhere, r->d);
	size_t i;

	if (s == NULL)
		return NULL;
	for (i = 0; i < j->ndata; i++)
		if (se_store_read(s, j->data[i]) < 0) {
			se_store_free(s);
			return NULL;
		}
	if (se_store_finish(s) < 0) {
		se_store_free(s);
		return NULL;
	}
	return s;
}

struct drawing {
	se_planout_opts *o;
	const se_plan *p;
};

static int
draw_plan(void *ctx, FILE *f, size_t width, bool color)
{
	struct drawing *x = ctx;

	(void)width; /* se_wrap fits the text */
	x->o->color = color;
	return se_planout_render(x->p, x->o, f);
}

static int
write_out(run *r, const se_plan *p)
{
	struct drawing x = { &r->o, p };

	return se_out_draw(r->j->cli.output, r->j->cli.color,
	    r->o.format == SE_PLANOUT_TEXT, "could not write the plan",
	    draw_plan, &x, r->d);
}

/* --programme and --draft-programme (lib/programme_rows.c,
 * lib/programme_draft.c).  A programme's problems, a missed deadline of
 * its timetable among them, are errors: exit 1. */
static int
run_programme(const run *r)
{
	const se_plan_job *j = r->j;
	se_out *out = se_out_open(j->cli.output, r->d);
	int rc;

	if (out == NULL)
		return SE_EXIT_FAILURE;
	rc = j->draft_programme ? se_programme_draft_file(j->authorities,
	    j->cycle, se_out_file(out), r->d) : se_programme_plan(j->programme,
	    (const char *const *)r->operands, r->n, r->o.as_of, r->o.format,
	    r->f, se_out_file(out), r->d);
	if (se_out_close(out, rc >= 0, r->d) < 0 || rc < 0 || rc == 2)
		return SE_EXIT_FAILURE;
	if (!j->draft_programme && se_diag_count(r->d, SE_ERROR) > 0)
		return SE_EXIT_PROBLEMS;
	return rc == 1 && (j->draft_programme || j->check) ?
	    SE_EXIT_PROBLEMS : SE_EXIT_OK;
}

/* se-validate's checks on the operands, unless --no-check, problems in
 * 'd': the exit status for errors, or -1 when there are none (or no
 * checking). */
static int
check_operands(const run *r, se_diag *d)
{
	int errors;

	if (r->j->no_check)
		return -1;
	errors = se_inputs_check_operands(r->f, r->operands, r->n, "plan", d);
	return errors < 0 ? SE_EXIT_FAILURE : errors > 0 ? SE_EXIT_PROBLEMS :
	    -1;
}

/* A plan that reads its columns, statuses and timescales from the
 * formats; NULL when out of memory or the formats have no plan. */
static se_plan *
plan_new(const run *r)
{
	se_plan *p = se_plan_new();

	if (p != NULL && se_plan_use(p, r->f, r->d) < 0) {
		se_plan_free(p);
		return NULL;
	}
	return p;
}

/* --from: draft a plan from documents, none of them with errors. */
static int
run_draft(run *r)
{
	se_plan *p;
	size_t i, failed = 0;
	int status = check_operands(r, r->d);

	if (status >= 0)
		return status;
	/* the formats say which sections of a document are its priorities */
	p = plan_new(r);
	if (p == NULL)
		return SE_EXIT_FAILURE;
	r->o.draft = true;
	for (i = 0; i < r->n; i++) {
		se_doc *doc = se_doc_load(r->operands[i], r->d);
		if (doc == NULL || se_plan_draft(p, doc, r->d) < 0)
			failed++;
		se_doc_free(doc);
	}
	status = SE_EXIT_FAILURE;
	if (failed < r->n && write_out(r, p) == 0)
		status = failed ? SE_EXIT_FAILURE : SE_EXIT_OK;
	se_plan_free(p);
	return status;
}

/* The older plan of --since, assessed as of --since-as-of (default: a
 * month before --as-of), and what changed since it; NULL when it could
 * not be read. */
static se_plandiff *
diff_since(const run *r, const se_plan *p, const se_assess *now,
    se_plan **old)
{
	const se_plan_job *j = r->j;
	se_assess then = { j->since_as_of_given ? j->since_as_of :
	    se_date_month_before(now->as_of), now->stale_days, NULL };

	*old = plan_new(r);
	if (*old == NULL || se_plan_load(*old, j->since, r->d) < 0)
		return NULL;
	se_plan_assess(*old, &then);
	return se_plan_diff(*old, p);
}

/* The plans, shown even with errors (what cannot be read is shown as
 * unknown): se-validate's errors on them are reported beside se-plan's
 * own, each once (the plan's rules are the same). */
static int
run_plans(run *r)
{
	const se_plan_job *j = r->j;
	se_plan *p = plan_new(r), *old = NULL;
	se_catalogue *cat = NULL;
	se_store *data = NULL;
	se_plandiff *diff = NULL;
	se_assess as = { r->o.as_of, r->o.stale_days, NULL };
	se_diag *d = r->d, *chk = NULL;
	size_t i, failed = 0, bad = 0;
	int status = SE_EXIT_FAILURE;

	if (p == NULL)
		goto out;
	chk = se_diag_new_child(d);
	if (chk == NULL || check_operands(r, chk) == SE_EXIT_FAILURE) {
		if (chk)
			se_diag_append(d, chk);
		goto out;
	}
	for (i = 0; i < r->n; i++)
		if (se_plan_load(p, r->operands[i], d) < 0)
			failed++;
	se_diag_append_new(d, chk);
	if (failed == r->n)
		goto out;
	if (j->catalogue) {
		cat = se_catalogue_load(j->catalogue, d);
		if (cat == NULL)
			goto out;
	}
	if (j->ndata > 0) {
		data = load_data(r, cat);
		if (data == NULL)
			goto out;
		as.data = data;
		r->o.checked = true;
	}
	se_plan_assess(p, &as);
	if (j->since) {
		r->o.diff = diff = diff_since(r, p, &as, &old);
		if (diff == NULL)
			goto out;
	}
	if (r->o.group == SE_GROUP_NONE && se_plan_nauthorities(p) > 1)
		r->o.group = SE_GROUP_REGIONAL;
	if (j->check)
		bad = se_plan_check(p, d);
	if ((!j->check || j->cli.output || j->cli.format) &&
	    write_out(r, p) < 0)
		goto out;
	status = failed ? SE_EXIT_FAILURE :
	    bad > 0 || se_diag_count(d, SE_ERROR) ? SE_EXIT_PROBLEMS :
	    SE_EXIT_OK;
out:
	se_diag_free(chk);
	se_plandiff_free(diff);
	se_plan_free(old);
	se_store_free(data);
	se_catalogue_free(cat);
	se_plan_free(p);
	return status;
}

int
se_plan_job_run(const se_plan_job *j, char *const *operands, size_t n,
    se_diag *d)
{
	run r = { j, NULL, NULL, operands, n, j->out, d };
	int status = SE_EXIT_FAILURE;

	if (!j->as_of_given)
		r.o.as_of = se_date_today();
	r.dir = se_formats_dir(j->cli.formats_dir, j->argv0);
	/* --draft-programme needs no formats: its rules are the defaults;
	 * the others' plan columns, statuses, timescales and rules */
	if (r.dir && !j->draft_programme)
		r.f = se_formats_load(r.dir, d);
	if (r.dir && (r.f || j->draft_programme))
		status = j->programme || j->draft_programme ?
		    run_programme(&r) : j->from ? run_draft(&r) :
		    run_plans(&r);
	se_formats_free(r.f);
	free(r.dir);
	return status;
}
