/* se-hypothesise: the lead reviewer's desk analysis (se-hypothesise(1)):
 * from a self-assessment and the data profile, the hypotheses worth
 * investigating, as a draft review workbook.  Options only; the run is
 * lib/hypo_run.c, the rules lib/hypo.c and lib/claims.c, the outputs
 * lib/hypoout.c. */
#include "se.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: se-hypothesise [-n N] [-i CATALOGUE] [--data FILE]... "
    "[--lead NAME]\n"
    "                      [--where COLUMN=VALUE]...\n"
    "                      [-F yaml|markdown|text|json] [-o FILE] [--no-check]\n"
    "                      SELF-ASSESSMENT [SELF-EVALUATION...]\n";

/* What --help prints after the usage: what the command does, every option
 * it accepts, examples on examples/.  Kept to what se-hypothesise(1) says. */
static const char help[] =
    "\n"
    "Propose the hypotheses for a peer challenge, as a draft review workbook.\n"
    "\n"
    "Options:\n"
    "  -n N                 how many to mark investigate: 1, 2 or 3"
    " (default 3)\n"
    "  -i, --indicators CATALOGUE\n"
    "                       the indicator catalogue, linking indicators to"
    " areas\n"
    "      --data FILE      extract, neighbours or se-rag -F csv output;"
    " repeatable\n"
    "      --lead NAME      the lead reviewer (default \"to be confirmed\")\n"
    "      --no-check       build on the documents without checking them"
    " first\n"
    "  -F, --format FORMAT  yaml (the workbook; default), markdown, text"
    " or json\n"
    "  -o, --output FILE    write to FILE, atomically, instead of standard"
    " output\n"
    "      --formats DIR    where the frameworks are (area titles, rating"
    " scale)\n"
    "      --color WHEN     auto, always or never; this output has no colour\n"
    "  -h, --help           print this help and exit\n"
    "      --version        print the version and exit\n"
    "\n"
    "Example:\n"
    "  se-hypothesise -i examples/data/indicators.yaml \\\n"
    "      --data examples/data/extract-long.csv \\\n"
    "      examples/anyshire/2018-19/self-assessment.yaml\n"
    "\n"
    "See se-hypothesise(1) for the rules and output columns.\n";

enum { OPT_DATA = 0x200, OPT_LEAD, OPT_NO_CHECK };

struct opts {
	se_cli cli;
	se_hypothesise_opts run;
	const char **data; /* --data, in order */
};

static int
own_option(void *ctx, int opt, const char *arg)
{
	struct opts *o = ctx;
	char *end;
	long n;

	switch (opt) {
	case 'n':
		n = strtol(arg, &end, 10);
		if (end == arg || *end || n < 1 || n > SE_INVESTIGATE)
			return se_cli_usage_error(o->cli.prog, usage,
			    "'%s' hypotheses to investigate: the review "
			    "workbook's maximum is %d (expected 1 to %d)", arg,
			    SE_INVESTIGATE, SE_INVESTIGATE);
		o->run.investigate = (size_t)n;
		return SE_CLI_NEXT;
	case 'i':
		o->run.catalogue = arg;
		return SE_CLI_NEXT;
	case OPT_DATA:
		return se_cli_add(&o->cli, &o->data, &o->run.ndata, arg);
	case OPT_LEAD:
		o->run.out.lead = arg;
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
		{ "indicators", required_argument, NULL, 'i' },
		{ "data", required_argument, NULL, OPT_DATA },
		{ "lead", required_argument, NULL, OPT_LEAD },
		{ "no-check", no_argument, NULL, OPT_NO_CHECK },
		{ NULL, 0, NULL, 0 }
	};
	int r, f;

	r = se_cli_parse(&o->cli, argc, argv, "h" SE_CLI_SHORTOPTS "i:n:", longopts,
	    own_option, o);
	if (r != SE_CLI_NEXT)
		return r;
	f = (int)o->run.out.format;
	r = se_cli_check(&o->cli, se_hypoout_format_parse,
	    "yaml, markdown, text or json", &f, (size_t)(argc - optind),
	    "no input: name the self-assessment");
	o->run.out.format = (se_hypoout_format)f;
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
	r = parse_args(&o, argc, argv);
	o.run.data = o.data;
	d = r == SE_CLI_NEXT ? se_diag_new() : NULL;
	if (d)
		r = se_cli_finish(&o.cli, d, se_hypothesise_run(&o.run,
		    argv + optind, (size_t)(argc - optind), d));
	else if (r == SE_CLI_NEXT)
		r = SE_EXIT_FAILURE;
	free(o.data);
	return r;
}
