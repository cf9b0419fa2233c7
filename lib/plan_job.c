/* plan_job.c: what se-plan does with its options (se-plan(1)): the plans'
 * states as of a date, what changed since an older plan, the impact
 * against extracts and the CI check; drafts from documents (--from); the
 * regional programme (--programme, --draft-programme).  The model is
 * lib/plan.c, the diff lib/plandiff.c, the outputs lib/planout.c. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void
se_plan_job_init(se_plan_job *j, const char *argv0, const char *usage)
{
	memset(j, 0, sizeof *j);
	se_cli_init(&j->cli, argv0, usage);
	j->argv0 = argv0;
	j->out.state = j->out.status = -1;
}

int
se_plan_job_add_data(se_plan_job *j, const char *path)
{
	const char **d = realloc(j->data, (j->ndata + 1) * sizeof *d);

	if (d == NULL)
		return -1;
	j->data = d;
	d[j->ndata++] = path;
	return 0;
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

/* The formats (the plan's columns, statuses and timescales; the
 * programme's rules), or NULL with the reason in 'd'. */
static se_formats *
formats_load(const se_plan_job *j, se_diag *d)
{
	char *dir = se_formats_dir(j->cli.formats_dir, j->argv0);
	se_formats *f = dir ? se_formats_load(dir, d) : NULL;

	free(dir);
	return f;
}

/* The --data extracts, read and finished; NULL when one could not be. */
static se_store *
load_data(const se_plan_job *j, const se_catalogue *cat, se_diag *d)
{
	char *dir = se_formats_dir(j->cli.formats_dir, j->argv0);
	se_store *s = se_store_open(dir, cat, j->data, j->ndata, j->cli.where,
	    j->cli.nwhere, d);
	size_t i;

	free(dir);
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

static int
write_out(const se_plan_job *j, se_planout_opts *o, const se_plan *p,
    se_diag *d)
{
	se_out *out = se_out_open(j->cli.output, d);
	se_pos me = { NULL, 0, 0 }; /* no file: "warning: ..." */
	int fd = j->cli.output ? -1 : STDOUT_FILENO;
	se_wrap *w;
	int rc;

	if (out == NULL)
		return -1;
	o->color = o->format == SE_PLANOUT_TEXT && se_color_use(j->cli.color,
	    fd);
	/* Text fits the terminal (or $COLUMNS); other formats as they are. */
	w = se_wrap_open(se_out_file(out), o->format == SE_PLANOUT_TEXT ?
	    se_text_width(fd) : 0);
	rc = w ? se_planout_render(p, o, se_wrap_file(w)) : -1;
	if (w && se_wrap_close(w) < 0) /* closed (and freed) either way */
		rc = -1;
	if (rc < 0) {
		if (se_out_close(out, false, d) < 0)
			return -1; /* a write failed: said why */
		return se_diag_error(d, &me, "out-of-memory",
		    "could not write the plan");
	}
	return se_out_close(out, true, d);
}

/* --programme and --draft-programme (lib/programme_rows.c,
 * lib/programme_draft.c).  A programme's problems, a missed deadline of
 * its timetable among them, are errors: exit 1. */
static int
run_programme(const se_plan_job *j, const se_formats *f,
    char *const *operands, size_t n, long as_of, se_diag *d)
{
	se_out *out = se_out_open(j->cli.output, d);
	int rc;

	if (out == NULL)
		return SE_EXIT_FAILURE;
	rc = j->draft_programme ? se_programme_draft_file(j->authorities,
	    j->cycle, se_out_file(out), d) : se_programme_plan(j->programme,
	    (const char *const *)operands, n, as_of, j->out.format, f,
	    se_out_file(out), d);
	if (se_out_close(out, rc >= 0, d) < 0 || rc < 0 || rc == 2)
		return SE_EXIT_FAILURE;
	if (!j->draft_programme && se_diag_count(d, SE_ERROR) > 0)
		return SE_EXIT_PROBLEMS;
	return rc == 1 && (j->draft_programme || j->check) ?
	    SE_EXIT_PROBLEMS : SE_EXIT_OK;
}

/* se-validate's checks on the operands, unless --no-check: the exit
 * status for errors, or -1 when there are none (or no checking). */
static int
check_operands(const se_plan_job *j, const se_formats *f,
    char *const *operands, size_t n, se_diag *d)
{
	int errors;

	if (j->no_check)
		return -1;
	errors = se_inputs_check_operands(f, operands, n, "plan", d);
	return errors < 0 ? SE_EXIT_FAILURE : errors > 0 ? SE_EXIT_PROBLEMS :
	    -1;
}

/* A plan that reads its columns, statuses and timescales from the
 * formats; NULL when out of memory or the formats have no plan. */
static se_plan *
plan_new(const se_formats *formats, se_diag *d)
{
	se_plan *p = se_plan_new();

	if (p != NULL && se_plan_use(p, formats, d) < 0) {
		se_plan_free(p);
		return NULL;
	}
	return p;
}

/* --from: draft a plan from documents, none of them with errors. */
static int
run_draft(const se_plan_job *j, const se_formats *f, char *const *operands,
    size_t n, se_planout_opts *o, se_diag *d)
{
	se_plan *p;
	size_t i, failed = 0;
	int status = check_operands(j, f, operands, n, d);

	if (status >= 0)
		return status;
	/* the formats say which sections of a document are its priorities */
	p = plan_new(f, d);
	if (p == NULL)
		return SE_EXIT_FAILURE;
	o->draft = true;
	for (i = 0; i < n; i++) {
		se_doc *doc = se_doc_load(operands[i], d);
		if (doc == NULL || se_plan_draft(p, doc, d) < 0)
			failed++;
		se_doc_free(doc);
	}
	status = SE_EXIT_FAILURE;
	if (failed < n && write_out(j, o, p, d) == 0)
		status = failed ? SE_EXIT_FAILURE : SE_EXIT_OK;
	se_plan_free(p);
	return status;
}

/* The older plan of --since, assessed as of --since-as-of (default: a
 * month before --as-of), and what changed since it; NULL when it could
 * not be read. */
static se_plandiff *
diff_since(const se_plan_job *j, const se_formats *f, const se_plan *p,
    const se_assess *now, se_plan **old, se_diag *d)
{
	se_assess then = { j->since_as_of_given ? j->since_as_of :
	    se_date_month_before(now->as_of), now->stale_days, NULL };

	*old = plan_new(f, d);
	if (*old == NULL || se_plan_load(*old, j->since, d) < 0)
		return NULL;
	se_plan_assess(*old, &then);
	return se_plan_diff(*old, p);
}

/* The plans, shown even with errors (what cannot be read is shown as
 * unknown): se-validate's errors on them are reported beside se-plan's
 * own, each once (the plan's rules are the same). */
static int
run_plans(const se_plan_job *j, const se_formats *f, char *const *operands,
    size_t n, se_planout_opts *o, se_diag *d)
{
	se_plan *p = plan_new(f, d), *old = NULL;
	se_catalogue *cat = NULL;
	se_store *data = NULL;
	se_plandiff *diff = NULL;
	se_assess as = { o->as_of, o->stale_days, NULL };
	se_diag *chk = NULL;
	size_t i, failed = 0, bad = 0;
	int status = SE_EXIT_FAILURE;

	if (p == NULL)
		goto out;
	chk = se_diag_new_child(d);
	if (chk == NULL || check_operands(j, f, operands, n, chk) ==
	    SE_EXIT_FAILURE) {
		if (chk)
			se_diag_append(d, chk);
		goto out;
	}
	for (i = 0; i < n; i++)
		if (se_plan_load(p, operands[i], d) < 0)
			failed++;
	se_diag_append_new(d, chk);
	if (failed == n)
		goto out;
	if (j->catalogue) {
		cat = se_catalogue_load(j->catalogue, d);
		if (cat == NULL)
			goto out;
	}
	if (j->ndata > 0) {
		data = load_data(j, cat, d);
		if (data == NULL)
			goto out;
		as.data = data;
		o->checked = true;
	}
	se_plan_assess(p, &as);
	if (j->since) {
		o->diff = diff = diff_since(j, f, p, &as, &old, d);
		if (diff == NULL)
			goto out;
	}
	if (o->group == SE_GROUP_NONE && se_plan_nauthorities(p) > 1)
		o->group = SE_GROUP_REGIONAL;
	if (j->check)
		bad = se_plan_check(p, d);
	if ((!j->check || j->cli.output || j->cli.format) &&
	    write_out(j, o, p, d) < 0)
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
	se_planout_opts o = j->out;
	se_formats *f = NULL;
	int status;

	if (!j->as_of_given)
		o.as_of = se_date_today();
	/* --draft-programme needs no formats: its rules are the defaults */
	if (!j->draft_programme) {
		f = formats_load(j, d);
		if (f == NULL)
			return SE_EXIT_FAILURE;
	}
	if (j->programme || j->draft_programme)
		status = run_programme(j, f, operands, n, o.as_of, d);
	else if (j->from)
		status = run_draft(j, f, operands, n, &o, d);
	else
		status = run_plans(j, f, operands, n, &o, d);
	se_formats_free(f);
	return status;
}
