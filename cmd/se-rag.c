/* se-rag: rate performance data (se-rag(1)): the table,
 * the tartan rug and the exception report.  Options and wiring only; the
 * run is lib/rag_run.c, the rules lib/rate.c, the store lib/store.c, the
 * outputs lib/ragout.c. */
#include "se.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: se-rag [-i CATALOGUE] [--period P] [--previous P] "
    "[--authority A]...\n"
    "              [--compare england|region|neighbours] "
    "[--neighbours FILE]\n"
    "              [--by authority|indicator] [--exceptions [--band PCT]]\n"
    "              [--where COLUMN=VALUE]... [--comments FILE]\n"
    "              [-F text|csv|json|markdown|html] [-o FILE] INPUT...\n"
    "       se-rag [--formats DIR] [-F FORMAT] [-o FILE] DOCUMENT...\n";

/* What --help prints after the usage: what the command does, every option
 * it accepts, examples on examples/.  Kept to what se-rag(1) says. */
static const char help[] =
    "\n"
    "Rate performance data: the tartan rug, RAG, rank, quartile and"
    " direction.\n"
    "\n"
    "Options:\n"
    "  -i, --indicators CATALOGUE\n"
    "                         the indicator catalogue; without it nothing"
    " is rated\n"
    "      --period P         rate period P instead of each indicator's"
    " latest\n"
    "      --previous P       compare with period P instead of the one before\n"
    "      --authority A      show only authority A (name or code);"
    " repeatable\n"
    "      --compare WHAT     the comparator: england, region or neighbours\n"
    "      --neighbours FILE  statistical neighbours: CSV"
    " authority,neighbour,rank\n"
    "      --by PIVOT         the tartan rug, a row per authority or per"
    " indicator\n"
    "      --exceptions       the exception report: red-reds, top and"
    " bottom bands\n"
    "      --band PCT         the bands' size in percent, up to 50"
    " (default 20)\n"
    "      --comments FILE    one line of narrative per cell in the HTML"
    " rug: CSV\n"
    "                         authority,indicator,comment\n"
    "  -F, --format FORMAT    text (default), csv, json, markdown or html\n"
    "  -o, --output FILE      write to FILE, atomically, instead of"
    " standard output\n"
    "      --color WHEN       colour the RAG in text output: auto, always"
    " or never\n"
    "      --formats DIR      read the formats (rules, area titles) from DIR\n"
    "  -h, --help             print this help and exit\n"
    "      --version          print the version and exit\n"
    "\n"
    "Examples:\n"
    "  se-rag -i examples/data/indicators.yaml examples/data/extract-long.csv\n"
    "  se-rag -i examples/data/indicators.yaml --exceptions --band 10 \\\n"
    "      examples/data/extract-long.csv\n"
    "\n"
    "See se-rag(1) for the rules and output columns.\n";

enum {
	OPT_PERIOD = 0x200, OPT_PREVIOUS, OPT_AUTHORITY, OPT_COMPARE,
	OPT_NEIGHBOURS, OPT_BY, OPT_EXCEPTIONS, OPT_BAND, OPT_COMMENTS
};

struct opts {
	se_cli cli;
	se_rag_job job;
	const char **authorities; /* --authority */
};

static bool
is_document(const char *path)
{
	return se_path_kind_of(path) == SE_PATH_DOCUMENT;
}

/* --period and --previous: '*to' is 'arg' when it is a period. */
static int
period(const struct opts *o, const char *what, const char *arg,
    const char **to)
{
	se_period p;

	*to = arg;
	if (se_period_parse(arg, strlen(arg), &p) < 0)
		return se_cli_usage_error(o->cli.prog, usage, "%s '%s' is not "
		    "a period: " SE_PERIOD_FORMS, what, arg);
	return SE_CLI_NEXT;
}

static int
own_option(void *ctx, int opt, const char *arg)
{
	struct opts *o = ctx;
	char *end;
	int v;

	switch (opt) {
	case 'i':
		o->job.catalogue = arg;
		return SE_CLI_NEXT;
	case OPT_PERIOD:
		return period(o, "period", arg, &o->job.rate.period);
	case OPT_PREVIOUS:
		return period(o, "previous period", arg, &o->job.rate.previous);
	case OPT_AUTHORITY:
		return se_cli_add(&o->cli, &o->authorities,
		    &o->job.out.nauthorities, arg);
	case OPT_COMPARE:
		v = se_compare_parse(arg);
		if (v < 0 || v == SE_COMPARE_THRESHOLDS)
			return se_cli_usage_error(o->cli.prog, usage,
			    "unknown comparator '%s' (expected england, region "
			    "or neighbours)", arg);
		o->job.rate.compare = v;
		return SE_CLI_NEXT;
	case OPT_COMMENTS:
		o->job.comments = arg;
		return SE_CLI_NEXT;
	case OPT_NEIGHBOURS:
		o->job.neighbours = arg;
		return SE_CLI_NEXT;
	case OPT_BY:
		if (strcmp(arg, "authority") == 0)
			o->job.out.by = SE_BY_AUTHORITY;
		else if (strcmp(arg, "indicator") == 0)
			o->job.out.by = SE_BY_INDICATOR;
		else
			return se_cli_usage_error(o->cli.prog, usage,
			    "unknown pivot '%s' (expected authority or "
			    "indicator)", arg);
		return SE_CLI_NEXT;
	case OPT_EXCEPTIONS:
		o->job.out.exceptions = true;
		return SE_CLI_NEXT;
	case OPT_BAND:
		o->job.out.band = strtod(arg, &end);
		if (end == arg || *end || !(o->job.out.band > 0) ||
		    o->job.out.band > 50)
			return se_cli_usage_error(o->cli.prog, usage,
			    "band '%s' should be a percentage above 0 and at "
			    "most 50", arg);
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
		{ "period", required_argument, NULL, OPT_PERIOD },
		{ "previous", required_argument, NULL, OPT_PREVIOUS },
		{ "authority", required_argument, NULL, OPT_AUTHORITY },
		{ "compare", required_argument, NULL, OPT_COMPARE },
		{ "neighbours", required_argument, NULL, OPT_NEIGHBOURS },
		{ "by", required_argument, NULL, OPT_BY },
		{ "exceptions", no_argument, NULL, OPT_EXCEPTIONS },
		{ "band", required_argument, NULL, OPT_BAND },
		{ "comments", required_argument, NULL, OPT_COMMENTS },
		{ NULL, 0, NULL, 0 }
	};
	int r, f;

	r = se_cli_parse(&o->cli, argc, argv, "h" SE_CLI_SHORTOPTS "i:", longopts,
	    own_option, o);
	if (r != SE_CLI_NEXT)
		return r;
	f = (int)o->job.out.format;
	r = se_cli_check(&o->cli, se_ragout_format_parse,
	    "text, csv, json, markdown or html", &f, (size_t)(argc - optind),
	    "no input: name one or more CSV extracts or documents");
	if (r != SE_CLI_NEXT)
		return r;
	o->job.out.format = (se_ragout_format)f;
	for (f = optind + 1; f < argc; f++)
		if (is_document(argv[f]) != is_document(argv[optind]))
			return se_cli_usage_error(o->cli.prog, usage,
			    "give either CSV extracts or documents, not both");
	return SE_CLI_NEXT;
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
	se_rag_job_init(&o.job, &o.cli, argv[0]);
	r = parse_args(&o, argc, argv);
	o.job.out.authorities = o.authorities;
	if (r == SE_CLI_NEXT) {
		d = se_diag_new();
		r = d ? se_cli_finish(&o.cli, d, se_rag_job_run(&o.job,
		    argv + optind, (size_t)(argc - optind), d)) :
		    SE_EXIT_FAILURE;
	}
	free(o.authorities);
	return r;
}
