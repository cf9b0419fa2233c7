/* se-validate: check documents against their formats (se-validate(1)).
 * Options and wiring; the run is lib/validate.c, the checks lib/check.c
 * and lib/checkcsv.c. */
#include "se.h"

#include <getopt.h>
#include <stdlib.h>

static const char usage[] =
    "usage: se-validate [-F text|json|github|sarif] [-o FILE] [--strict] [--final]\n"
    "                   [--formats DIR] [-i|--indicators FILE] [--data FILE]...\n"
    "                   [--where COLUMN=VALUE]...\n"
    "                   PATH...\n"
    "       se-validate --explain[=SECTION] [--formats DIR] PATH...\n";

/* What --help prints after the usage: what the command does, every option
 * it accepts, examples on examples/.  Kept to what se-validate(1) says. */
static const char help[] =
    "\n"
    "Check self-evaluations, reviews, plans and extracts against their"
    " formats.\n"
    "\n"
    "Options:\n"
    "  -F, --format FORMAT    text (default), json, github or sarif\n"
    "  -o, --output FILE      write the problems to FILE, atomically\n"
    "      --strict           report warnings as errors, making the exit"
    " status 1\n"
    "      --final            check every document as final: a placeholder"
    " left in\n"
    "                         ([fill in: ...]) is an error\n"
    "      --formats DIR      read the formats from DIR (default: see se(7))\n"
    "  -i, --indicators FILE  catalogue to check indicator:ID and extracts"
    " against\n"
    "      --data FILE        an extract to check claims against; repeatable\n"
    "      --explain[=SECTION]\n"
    "                         instead of checking, show what each document's\n"
    "                         format asks of it: each section (or SECTION),\n"
    "                         required or not, its key questions, guidance\n"
    "      --color WHEN       auto, always or never; this output has no"
    " colour\n"
    "  -h, --help             print this help and exit\n"
    "      --version          print the version and exit\n"
    "\n"
    "Examples:\n"
    "  se-validate examples/\n"
    "  se-validate --strict -i examples/data/indicators.yaml \\\n"
    "      examples/anyshire/2018-19/self-assessment.yaml\n"
    "\n"
    "See se-validate(1) for the rules and output columns.\n";

enum { OPT_STRICT = 0x200, OPT_DATA, OPT_FINAL, OPT_EXPLAIN };

/* The options that are se-validate's own. */
struct opts {
	se_cli *cli;
	se_validate_job job;
	const char **data; /* --data */
};

static int
own_option(void *ctx, int opt, const char *arg)
{
	struct opts *o = ctx;

	switch (opt) {
	case OPT_STRICT:
		o->job.strict = true;
		return SE_CLI_NEXT;
	case OPT_FINAL:
		o->job.final = true;
		return SE_CLI_NEXT;
	case OPT_EXPLAIN:
		o->job.explain = true;
		o->job.explain_only = arg;
		return SE_CLI_NEXT;
	case 'i':
		o->job.catalogue = arg;
		return SE_CLI_NEXT;
	case OPT_DATA:
		return se_cli_add(o->cli, &o->data, &o->job.ndata, arg);
	default:
		return se_cli_usage_error(o->cli->prog, usage,
		    "unknown option");
	}
}

static int
parse_args(struct opts *o, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' }, SE_CLI_LONGOPTS,
		SE_CLI_DATA_LONGOPTS,
		{ "strict", no_argument, NULL, OPT_STRICT },
		{ "final", no_argument, NULL, OPT_FINAL },
		{ "explain", optional_argument, NULL, OPT_EXPLAIN },
		{ "indicators", required_argument, NULL, 'i' },
		{ "data", required_argument, NULL, OPT_DATA },
		{ NULL, 0, NULL, 0 }
	};
	int r;

	r = se_cli_parse(o->cli, argc, argv, "h" SE_CLI_SHORTOPTS "i:",
	    longopts, own_option, o);
	if (r != SE_CLI_NEXT)
		return r;
	return se_cli_check(o->cli, se_diag_format_parse,
	    "text, json, github or sarif", &o->job.format,
	    (size_t)(argc - optind), "name the files or directories to check");
}

int
main(int argc, char **argv)
{
	se_cli cli;
	struct opts o = { .cli = &cli, .data = NULL };
	int rc;

	se_cli_init(&cli, argv[0], usage);
	se_validate_job_init(&o.job, &cli, argv[0]);
	cli.help = help;
	rc = parse_args(&o, argc, argv);
	o.job.data = o.data;
	if (rc == SE_CLI_NEXT)
		rc = se_validate_job_run(&o.job, argv + optind,
		    (size_t)(argc - optind));
	free(o.data);
	return rc;
}
