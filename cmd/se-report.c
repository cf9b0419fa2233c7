/* se-report: the documents people read (se-report(1)):
 * summary report, verbal-feedback record, feedback letter, dashboard,
 * regional themes, calendar, critical incident record and evaluation.
 * Options only; the run is lib/report_run.c, the reports are assembled in
 * lib/reports.c and rendered by lib/report_*.c. */
#include "se.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: se-report -t summary|feedback|letter|dashboard|themes|calendar|\n"
    "                    incidents|evaluation\n"
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
    " calendar,\n"
    "                       incidents, evaluation\n"
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

struct opts {
	se_cli cli;
	se_report_opts run;
	const char **data; /* --data, in order */
};

static int
own_option(void *ctx, int opt, const char *arg)
{
	struct opts *o = ctx;

	switch (opt) {
	case 't':
		o->run.type = se_report_type_parse(arg);
		if (o->run.type < 0)
			return se_cli_usage_error(o->cli.prog, usage,
			    "unknown report type '%s' (expected summary, "
			    "feedback, letter, dashboard, themes, calendar, "
			    "incidents or evaluation)",
			    arg);
		return SE_CLI_NEXT;
	case 'i':
		o->run.catalogue = arg;
		return SE_CLI_NEXT;
	case OPT_DATA:
		return se_cli_add(&o->cli, &o->data, &o->run.ndata, arg);
	case OPT_AUTHORITY:
		o->run.authority = arg;
		return SE_CLI_NEXT;
	case OPT_PERIOD:
		o->run.period = arg;
		return SE_CLI_NEXT;
	case OPT_NEIGHBOURS:
		o->run.neighbours = arg;
		return SE_CLI_NEXT;
	case OPT_NO_CHECK:
		o->run.no_check = true;
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
	int r, syntax;

	r = se_cli_parse(&o->cli, argc, argv, "h" SE_CLI_SHORTOPTS "t:i:", longopts,
	    own_option, o);
	if (r != SE_CLI_NEXT)
		return r;
	if (o->run.type < 0)
		return se_cli_usage_error(o->cli.prog, usage,
		    "no report type: give -t summary, feedback, letter, "
		    "dashboard, themes, calendar, incidents or evaluation");
	syntax = (int)o->run.syntax;
	r = se_cli_check(&o->cli, se_report_syntax_parse,
	    "markdown, html or text", &syntax, (size_t)(argc - optind) +
	    o->run.ndata, "no input: name the documents (or, for a dashboard, "
	    "the extracts) to report on");
	o->run.syntax = (se_report_syntax)syntax;
	return r;
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
	o.run.cli = &o.cli;
	o.run.argv0 = argv[0];
	o.run.type = -1;
	r = parse_args(&o, argc, argv);
	o.run.data = o.data;
	d = r == SE_CLI_NEXT ? se_diag_new() : NULL;
	if (d)
		r = se_cli_finish(&o.cli, d, se_report_run(&o.run,
		    argv + optind, (size_t)(argc - optind), d));
	else if (r == SE_CLI_NEXT)
		r = SE_EXIT_FAILURE;
	free(o.data);
	return r;
}
