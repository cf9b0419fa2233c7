/* se-report: the documents people read (se-report(1)):
 * summary report, verbal-feedback record, feedback letter, dashboard and
 * regional themes.  Options and wiring only; the reports are assembled in
 * lib/reports.c and rendered by lib/report_*.c. */
#include "se.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char usage[] =
    "usage: se-report -t summary|feedback|letter|dashboard|themes|calendar\n"
    "                 [-F markdown|html|text] [-o FILE] [-i CATALOGUE]\n"
    "                 [--data FILE]... [--where COLUMN=VALUE]...\n"
    "                 [--neighbours FILE] [--no-check]\n"
    "                 [--authority A] [--period P] [--formats DIR] "
    "DOCUMENT...\n";

/* What --help prints after the usage: what the command does, every option
 * it accepts, examples on examples/.  Kept to what se-report(1) says. */
static const char help[] =
    "\n"
    "Assemble one report (-t TYPE) from documents and performance data.\n"
    "\n"
    "Options:\n"
    "  -t, --type TYPE      summary, feedback, letter, dashboard, themes,"
    " calendar\n"
    "  -F, --format FORMAT  text (default), markdown or html\n"
    "  -o, --output FILE    write to FILE, atomically, instead of standard"
    " output\n"
    "  -i, --indicators CATALOGUE\n"
    "                       the indicator catalogue the dashboard rates with\n"
    "      --data FILE      an extract for the dashboard; repeatable\n"
    "      --neighbours FILE\n"
    "                       the dashboard's statistical neighbours: CSV\n"
    "                       authority,neighbour,rank\n"
    "      --authority A    the dashboard's authority\n"
    "      --period P       the period the dashboard rates (default: the"
    " latest)\n"
    "      --formats DIR    where the frameworks are (see se-formats(5))\n"
    "      --no-check       build on the documents without checking them"
    " first\n"
    "      --color WHEN     auto, always or never; this output has no colour\n"
    "  -h, --help           print this help and exit\n"
    "      --version        print the version and exit\n"
    "\n"
    "Examples:\n"
    "  se-report -t letter examples/anyshire/2018-19/review.yaml\n"
    "  se-report -t summary -F html -o summary.html \\\n"
    "      examples/anyshire/2018-19/summary.md\n"
    "\n"
    "See se-report(1) for the rules and output columns.\n";

enum { OPT_DATA = 0x200, OPT_AUTHORITY, OPT_PERIOD, OPT_NEIGHBOURS,
	    OPT_NO_CHECK };

typedef se_report *(*build_fn)(const se_report_input *, se_diag *);

static const struct {
	const char *name;
	build_fn build;
} types[] = {
	{ "summary", se_report_summary },
	{ "feedback", se_report_feedback },
	{ "letter", se_report_letter },
	{ "dashboard", se_report_dashboard },
	{ "themes", se_report_themes },
	{ "calendar", se_report_calendar }, /* lib/calendar.c */
};

struct opts {
	se_cli cli;
	int type;
	int syntax;
	const char *catalogue, *neighbours;
	const char **data;
	size_t ndata;
	bool no_check; /* --no-check */
	se_report_input in;
};

static int
own_option(void *ctx, int opt, const char *arg)
{
	struct opts *o = ctx;
	size_t k;

	switch (opt) {
	case 't':
		for (k = 0; k < sizeof types / sizeof types[0]; k++)
			if (strcmp(arg, types[k].name) == 0)
				o->type = (int)k;
		if (o->type < 0 || strcmp(types[o->type].name, arg) != 0)
			return se_cli_usage_error(o->cli.prog, usage,
			    "unknown report type '%s' (expected summary, "
			    "feedback, letter, dashboard, themes or calendar)",
			    arg);
		return SE_CLI_NEXT;
	case 'i':
		o->catalogue = arg;
		return SE_CLI_NEXT;
	case OPT_DATA: {
		const char **v = realloc(o->data, (o->ndata + 1) * sizeof *v);
		if (!v)
			return SE_EXIT_FAILURE;
		o->data = v;
		v[o->ndata++] = arg;
		return SE_CLI_NEXT;
	}
	case OPT_AUTHORITY:
		o->in.authority = arg;
		return SE_CLI_NEXT;
	case OPT_PERIOD:
		o->in.period = arg;
		return SE_CLI_NEXT;
	case OPT_NEIGHBOURS:
		o->neighbours = arg;
		return SE_CLI_NEXT;
	case OPT_NO_CHECK:
		o->no_check = true;
		return SE_CLI_NEXT;
	default:
		return se_cli_usage_error(o->cli.prog, usage, "unknown option");
	}
}

static int
parse_args(struct opts *o, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		SE_CLI_LONGOPTS, SE_CLI_DATA_LONGOPTS,
		{ "type", required_argument, NULL, 't' },
		{ "indicators", required_argument, NULL, 'i' },
		{ "data", required_argument, NULL, OPT_DATA },
		{ "no-check", no_argument, NULL, OPT_NO_CHECK },
		{ "authority", required_argument, NULL, OPT_AUTHORITY },
		{ "period", required_argument, NULL, OPT_PERIOD },
		{ "neighbours", required_argument, NULL, OPT_NEIGHBOURS },
		{ NULL, 0, NULL, 0 }
	};
	int r;

	r = se_cli_parse(&o->cli, argc, argv, "h" SE_CLI_SHORTOPTS "t:i:", longopts,
	    own_option, o);
	if (r != SE_CLI_NEXT)
		return r;
	if (o->type < 0)
		return se_cli_usage_error(o->cli.prog, usage,
		    "no report type: give -t summary, feedback, letter, "
		    "dashboard, themes or calendar");
	if (o->cli.format) {
		o->syntax = se_report_syntax_parse(o->cli.format);
		if (o->syntax < 0)
			return se_cli_usage_error(o->cli.prog, usage,
			    "unknown format '%s' (expected markdown, html or "
			    "text)", o->cli.format);
	}
	if (optind >= argc && o->ndata == 0)
		return se_cli_usage_error(o->cli.prog, usage,
		    "no input: name the documents (or, for a dashboard, the "
		    "extracts) to report on");
	return SE_CLI_NEXT;
}

/* Extracts: --data and the extracts among the operands into one store,
 * rated with -i or the catalogue found among them. */
static int
load_store(struct opts *o, const se_inputs *in, se_catalogue **cat,
    se_store **s, const se_authorities *auth, se_diag *d)
{
	size_t k, n = o->ndata + in->nextracts;
	const char **all;

	*cat = se_inputs_catalogue(in, o->catalogue, d);
	if (o->catalogue && !*cat)
		return -1;
	if (n == 0)
		return 0;
	if (!*cat)
		se_inputs_no_catalogue(o->cli.prog, "every indicator is shown "
		    "as context only, not rated", d);
	all = calloc(n, sizeof *all);
	*s = se_store_new(*cat, d);
	if (!all || !*s || se_store_set_authorities(*s, auth) < 0) {
		free(all);
		return -1;
	}
	se_store_set_where(*s, o->cli.where, o->cli.nwhere);
	for (k = 0; k < o->ndata; k++)
		all[k] = o->data[k];
	for (k = 0; k < in->nextracts; k++)
		all[o->ndata + k] = in->extracts[k];
	o->in.data = all;
	o->in.ndata = n;
	for (k = 0; k < n; k++)
		if (se_store_read(*s, all[k]) < 0)
			return -1;
	for (k = 0; k < in->nneighbours; k++)
		if (se_store_read_neighbours(*s, in->neighbours[k]) < 0)
			return -1;
	if (o->neighbours && se_store_read_neighbours(*s, o->neighbours) < 0)
		return -1;
	if (se_store_finish(*s) < 0)
		return -1;
	o->in.store = *s;
	return 0;
}

static int
run(struct opts *o, int argc, char **argv, se_diag *d)
{
	char *dir = se_formats_dir(o->cli.formats_dir, argv[0]);
	se_formats *f = dir ? se_formats_load(dir, d) : NULL;
	bool dashboard = types[o->type].build == se_report_dashboard;
	se_inputs in;
	se_catalogue *cat = NULL;
	se_store *s = NULL;
	se_authorities *auth = NULL;
	se_report *r = NULL;
	se_out *out = NULL;
	int status = SE_EXIT_FAILURE, dropped = 0;

	se_inputs_init(&in, SE_TAKE_DOCS | (dashboard ? SE_TAKE_EXTRACTS |
	    SE_TAKE_NEIGHBOURS | SE_TAKE_CATALOGUE : 0), f);
	if (!f)
		goto done;
	if (se_inputs_add_all(&in, argv + optind, (size_t)(argc - optind),
	    d) < 0)
		goto done;
	if (o->ndata + in.nextracts)
		auth = se_authorities_of(dir, d);
	if (load_store(o, &in, &cat, &s, auth, d) < 0)
		goto done;
	if (!o->no_check && (dropped = se_inputs_check(&in, cat, d)) < 0)
		goto done;
	if (dropped > 0 && in.ndocs == 0) {
		status = SE_EXIT_PROBLEMS; /* nothing left to build on */
		goto done;
	}
	o->in.formats = f;
	o->in.docs = in.docs;
	o->in.ndocs = in.ndocs;
	o->in.catalogue = cat; /* -i: titles for indicator:ID too */
	r = types[o->type].build(&o->in, d);
	if (!r)
		goto done;
	out = se_out_open(o->cli.output, d);
	if (!out)
		goto done;
	if (se_report_render_width(r, (se_report_syntax)o->syntax,
	    se_text_width(o->cli.output ? -1 : STDOUT_FILENO),
	    se_out_file(out)) < 0) {
		se_out_close(out, false, d);
		goto done;
	}
	if (se_out_close(out, true, d) < 0)
		goto done;
	status = se_diag_count(d, SE_ERROR) || se_diag_count(d, SE_WARNING) ?
	    SE_EXIT_PROBLEMS : SE_EXIT_OK;
done:
	se_report_free(r);
	free((void *)o->in.data);
	se_store_free(s);
	se_authorities_free(auth);
	se_catalogue_free(cat);
	se_inputs_release(&in);
	se_formats_free(f);
	free(dir);
	return status;
}

int
main(int argc, char **argv)
{
	struct opts o;
	se_diag *d;
	int r;

	memset(&o, 0, sizeof o);
	se_cli_init(&o.cli, argv[0], usage);
	o.cli.help = help;
	o.type = -1;
	o.syntax = SE_REPORT_TEXT;
	r = parse_args(&o, argc, argv);
	if (r != SE_CLI_NEXT) {
		free(o.data);
		return r;
	}
	d = se_diag_new();
	if (!d) {
		free(o.data);
		return SE_EXIT_FAILURE;
	}
	r = se_cli_finish(&o.cli, d, run(&o, argc, argv, d));
	free(o.data);
	return r;
}
