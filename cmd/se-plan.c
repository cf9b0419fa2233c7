/* se-plan: keep the improvement plan (se-plan(1)): states as of a date,
 * what changed since last month, the regional plan, impact against the
 * data, the CI check, and drafts from documents.  Options only; what they
 * do is lib/plan_job.c. */
#include "se.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#define STR_(x) #x
#define STR(x) STR_(x) /* the library's default, in the help */

static const char usage[] =
    "usage: se-plan [--as-of DATE] [--owner NAME] [--status S] [--overdue] "
    "[--check]\n"
    "               [--stale DAYS] [--since OLD-PLAN [--since-as-of DATE]]\n"
    "               [--group-by priority|owner|theme|regional|"
    "recommendation]\n"
    "               [-i CATALOGUE] [--data FILE]... [--where COLUMN=VALUE]...\n"
    "               [-F text|csv|markdown|html|json|yaml] [-o FILE] [--no-check]\n"
    "               PLAN...\n"
    "       se-plan --from [-F yaml|csv] [-o FILE] [--no-check] DOCUMENT...\n"
    "       se-plan --programme FILE [--as-of DATE] [--check] [-F ...] "
    "[-o FILE]\n"
    "               [DOCUMENT|DIR]...\n"
    "       se-plan --draft-programme --authorities FILE --cycle Y1-Y2 "
    "[-o FILE]\n";

/* What --help prints after the usage: what the command does, every option
 * it accepts, examples on examples/.  Kept to what se-plan(1) says. */
static const char help[] =
    "\n"
    "Keep improvement plans: states as of a date, what is overdue, what"
    " changed.\n"
    "\n"
    "Options:\n"
    "      --as-of DATE        compute the states as of DATE (default: today)\n"
    "      --owner NAME        only actions whose accountable officer"
    " contains NAME\n"
    "      --status S          only actions in state or with status S,"
    " e.g. at-risk\n"
    "      --overdue           only overdue actions\n"
    "      --check             for CI: list overdue and incomplete"
    " actions, exit 1\n"
    "      --stale DAYS        stale after DAYS without a progress note"
    " (default " STR(SE_STALE_DAYS) ")\n"
    "      --since OLD-PLAN    also list what changed since OLD-PLAN\n"
    "      --since-as-of DATE  OLD-PLAN's states as of DATE (default: one"
    " month\n"
    "                          before --as-of)\n"
    "      --group-by KEY      group by priority, owner, theme, regional or\n"
    "                          recommendation\n"
    "  -i, --indicators CATALOGUE\n"
    "                          the indicator catalogue, for polarities\n"
    "      --data FILE         an extract to check impact against; repeatable\n"
    "  -F, --format FORMAT     text (default), csv, markdown, html, json"
    " or yaml\n"
    "  -o, --output FILE       write to FILE, atomically, instead of"
    " standard output\n"
    "      --from              draft a plan from DOCUMENTs instead (-F"
    " yaml or csv)\n"
    "      --programme FILE    a programme's events and milestones as plan"
    " rows\n"
    "      --draft-programme   draft a programme from --authorities and"
    " --cycle\n"
    "      --authorities FILE  the region's authorities, for"
    " --draft-programme\n"
    "      --cycle Y1-Y2       the years of the cycle, e.g. 2012-2014\n"
    "      --color WHEN        colour the states in text: auto, always or"
    " never\n"
    "      --no-check          build on the plans or documents without"
    " checking them\n"
    "                          first as se-validate does\n"
    "      --formats DIR       read the formats from DIR (the plan's columns,\n"
    "                          statuses and timescales; default: see se(7))\n"
    "  -h, --help              print this help and exit\n"
    "      --version           print the version and exit\n"
    "\n"
    "Examples:\n"
    "  se-plan --as-of 2019-06-30 --overdue"
    " examples/anyshire/2018-19/plan.csv\n"
    "  se-plan --as-of 2019-06-30 -F markdown \\\n"
    "      --since examples/anyshire/2018-19/plan-2019-05.yaml \\\n"
    "      examples/anyshire/2018-19/plan.yaml\n"
    "\n"
    "See se-plan(1) for the rules and output columns.\n";

enum {
	OPT_AS_OF = 0x200, OPT_OWNER, OPT_STATUS, OPT_OVERDUE, OPT_CHECK,
	OPT_STALE, OPT_SINCE, OPT_GROUP_BY, OPT_DATA, OPT_FROM,
	OPT_PROGRAMME, OPT_DRAFT_PROGRAMME, OPT_AUTHORITIES, OPT_CYCLE,
	OPT_SINCE_AS_OF, OPT_NO_CHECK
};

/* Where an option that only keeps its argument keeps it, or NULL. */
static const char **
kept(se_plan_job *j, int opt)
{
	return opt == 'i' ? &j->catalogue : opt == OPT_OWNER ? &j->out.owner :
	    opt == OPT_SINCE ? &j->since : opt == OPT_PROGRAMME ?
	    &j->programme : opt == OPT_AUTHORITIES ? &j->authorities :
	    opt == OPT_CYCLE ? &j->cycle : NULL;
}

/* The switch an option without an argument turns on, or NULL. */
static bool *
flag(se_plan_job *j, int opt)
{
	return opt == OPT_OVERDUE ? &j->out.overdue : opt == OPT_CHECK ?
	    &j->check : opt == OPT_FROM ? &j->from : opt == OPT_NO_CHECK ?
	    &j->no_check : opt == OPT_DRAFT_PROGRAMME ? &j->draft_programme :
	    NULL;
}

static int
own_option(void *ctx, int opt, const char *arg)
{
	se_plan_job *j = ctx;
	const char **s = kept(j, opt);
	bool *b = flag(j, opt), now;
	char *end;
	long v;
	int k;

	if (s)
		*s = arg;
	else if (b)
		*b = true;
	else if (opt == OPT_AS_OF || opt == OPT_SINCE_AS_OF) {
		now = opt == OPT_AS_OF;
		if (se_date_parse(arg, strlen(arg), now ? &j->out.as_of :
		    &j->since_as_of) < 0)
			return se_cli_usage_error(j->cli.prog, usage, "cannot "
			    "read '%s' as a date (%s, ...)", arg, now ?
			    "2019-06-30, 30/06/2019, June 2019" :
			    "2019-05-31, 31/05/2019, May 2019");
		*(now ? &j->as_of_given : &j->since_as_of_given) = true;
	} else if (opt == OPT_STATUS) {
		if (se_planout_status_parse(&j->out, arg) < 0)
			return se_cli_usage_error(j->cli.prog, usage,
			    "unknown status '%s' (expected overdue, at-risk, "
			    "unknown, ongoing, on-track, complete, dropped, "
			    "not-started or in-progress)", arg);
	} else if (opt == OPT_STALE) {
		v = strtol(arg, &end, 10);
		if (end == arg || *end || v < 1 || v > 3660)
			return se_cli_usage_error(j->cli.prog, usage,
			    "--stale '%s' should be a number of days, 1 to "
			    "3660", arg);
		j->out.stale_days = v;
	} else if (opt == OPT_GROUP_BY) {
		k = se_group_parse(arg);
		if (k < 0)
			return se_cli_usage_error(j->cli.prog, usage,
			    "unknown grouping '%s' (expected priority, owner, "
			    "theme, regional or recommendation)", arg);
		j->out.group = (se_group)k;
	} else if (opt == OPT_DATA)
		return se_cli_add(&j->cli, &j->data, &j->ndata, arg);
	else
		return se_cli_usage_error(j->cli.prog, usage, "unknown option");
	return SE_CLI_NEXT;
}

static int
parse_args(se_plan_job *j, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		SE_CLI_LONGOPTS, SE_CLI_DATA_LONGOPTS,
		{ "indicators", required_argument, NULL, 'i' },
		{ "as-of", required_argument, NULL, OPT_AS_OF },
		{ "owner", required_argument, NULL, OPT_OWNER },
		{ "status", required_argument, NULL, OPT_STATUS },
		{ "overdue", no_argument, NULL, OPT_OVERDUE },
		{ "check", no_argument, NULL, OPT_CHECK },
		{ "stale", required_argument, NULL, OPT_STALE },
		{ "since", required_argument, NULL, OPT_SINCE },
		{ "since-as-of", required_argument, NULL, OPT_SINCE_AS_OF },
		{ "group-by", required_argument, NULL, OPT_GROUP_BY },
		{ "data", required_argument, NULL, OPT_DATA },
		{ "from", no_argument, NULL, OPT_FROM },
		{ "no-check", no_argument, NULL, OPT_NO_CHECK },
		{ "programme", required_argument, NULL, OPT_PROGRAMME },
		{ "draft-programme", no_argument, NULL, OPT_DRAFT_PROGRAMME },
		{ "authorities", required_argument, NULL, OPT_AUTHORITIES },
		{ "cycle", required_argument, NULL, OPT_CYCLE },
		{ NULL, 0, NULL, 0 }
	};
	const char *prog = j->cli.prog;
	int r;

	r = se_cli_parse(&j->cli, argc, argv, "h" SE_CLI_SHORTOPTS "i:",
	    longopts, own_option, j);
	if (r != SE_CLI_NEXT)
		return r;
	if (se_plan_job_format(j) < 0)
		return se_cli_usage_error(prog, usage, "unknown format '%s' "
		    "(expected %s)", j->cli.format, j->from ? "yaml or csv" :
		    "text, csv, markdown, html, json or yaml");
	if (j->draft_programme && (!j->authorities || !j->cycle))
		return se_cli_usage_error(prog, usage, "--draft-programme "
		    "needs --authorities FILE and --cycle Y1-Y2");
	if (optind >= argc && !j->programme && !j->draft_programme)
		return se_cli_usage_error(prog, usage, j->from ?
		    "no input: name self-evaluations or review workbooks" :
		    "no input: name one or more plans");
	return SE_CLI_NEXT;
}

int
main(int argc, char **argv)
{
	se_plan_job j;
	se_diag *d;
	int r;

	se_plan_job_init(&j, argv[0], usage);
	j.cli.help = help;
	r = parse_args(&j, argc, argv);
	if (r == SE_CLI_NEXT) {
		d = se_diag_new();
		r = d ? se_cli_finish(&j.cli, d, se_plan_job_run(&j, argv +
		    optind, (size_t)(argc - optind), d)) : SE_EXIT_FAILURE;
	}
	se_plan_job_release(&j);
	return r;
}
