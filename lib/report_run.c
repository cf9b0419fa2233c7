/* report_run.c: se-report from its operands to the report (se-report(1)):
 * the report types by name, the documents and (for a dashboard) the
 * extracts among the operands and in --data gathered, checked, the report
 * assembled (lib/reports.c, lib/calendar.c, lib/evaluation.c) and
 * rendered (lib/report_*.c). */
#include "internal.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef se_report *(*build_fn)(const se_report_input *, se_diag *);

/* In se-report(1)'s order. */
static const struct {
	const char *name;
	build_fn build;
} types[] = {
	{ "summary", se_report_summary },
	{ "feedback", se_report_feedback },
	{ "letter", se_report_letter },
	{ "dashboard", se_report_dashboard },
	{ "themes", se_report_themes },
	{ "calendar", se_report_calendar },
	{ "incidents", se_report_incidents },
	{ "evaluation", se_report_evaluation },
};

int
se_report_type_parse(const char *name)
{
	size_t k;

	for (k = 0; k < sizeof types / sizeof types[0]; k++)
		if (strcmp(name, types[k].name) == 0)
			return (int)k;
	return -1;
}

static int
write_out(const se_report_opts *o, const se_report *r, se_diag *d)
{
	se_out *out = se_out_open(o->cli->output, d);

	if (!out)
		return -1;
	if (se_report_render_width(r, o->syntax,
	    se_text_width(o->cli->output ? -1 : STDOUT_FILENO),
	    se_out_file(out)) < 0) {
		se_out_close(out, false, d);
		return -1;
	}
	return se_out_close(out, true, d);
}

int
se_report_run(const se_report_opts *o, char *const *operands, size_t n,
    se_diag *d)
{
	char *dir;
	se_formats *f;
	bool dashboard;
	se_report_input ri;
	se_inputs in;
	se_catalogue *cat = NULL;
	se_store *s = NULL;
	se_report *r = NULL;
	const char **paths = NULL;
	size_t npaths = 0;
	int status = SE_EXIT_FAILURE, dropped = 0;
	se_pos nowhere = { NULL, 0, 0 };

	if (o->type < 0 || (size_t)o->type >= sizeof types / sizeof types[0]) {
		se_diag_error(d, &nowhere, "usage", "no report type: give one "
		    "se_report_type_parse() knows");
		return SE_EXIT_FAILURE;
	}
	dir = se_formats_dir(o->cli->formats_dir, o->argv0);
	f = dir ? se_formats_load(dir, d) : NULL;
	dashboard = types[o->type].build == se_report_dashboard;
	se_inputs_init(&in, SE_TAKE_DOCS | (dashboard ? SE_TAKE_EXTRACTS |
	    SE_TAKE_NEIGHBOURS | SE_TAKE_CATALOGUE : 0), f);
	if (!f || se_inputs_add_all(&in, operands, n, d) < 0)
		goto done;
	/* The extracts rated with -i or the catalogue found among them. */
	cat = se_inputs_catalogue(&in, o->catalogue, d);
	if (o->catalogue && !cat)
		goto done;
	paths = se_inputs_data(&in, o->data, o->ndata, &npaths);
	if (!paths)
		goto done;
	if (npaths > 0) {
		s = se_inputs_store(&in, dir, cat, paths, npaths,
		    o->neighbours, o->cli, d);
		if (!s)
			goto done;
	}
	if (!o->no_check && (dropped = se_inputs_check(&in, cat, d)) < 0)
		goto done;
	if (dropped > 0 && in.ndocs == 0) {
		status = SE_EXIT_PROBLEMS; /* nothing left to build on */
		goto done;
	}
	memset(&ri, 0, sizeof ri);
	ri.formats = f;
	ri.docs = in.docs;
	ri.ndocs = in.ndocs;
	ri.store = s;
	ri.data = paths;
	ri.ndata = npaths;
	ri.authority = o->authority;
	ri.period = o->period;
	/* -i (or the national catalogue): titles for indicator:ID too */
	ri.catalogue = s ? se_store_catalogue(s) : cat;
	r = types[o->type].build(&ri, d);
	if (!r || write_out(o, r, d) < 0)
		goto done;
	status = se_diag_count(d, SE_ERROR) || se_diag_count(d, SE_WARNING) ?
	    SE_EXIT_PROBLEMS : SE_EXIT_OK;
done:
	se_report_free(r);
	free(paths);
	se_store_free(s);
	se_catalogue_free(cat);
	se_inputs_release(&in);
	se_formats_free(f);
	free(dir);
	return status;
}
