/* se-plan: keep the improvement plan (se-plan(1)):
 * states as of a date, what changed since last month, the regional plan,
 * impact against the data, the CI check, and drafts from documents.
 * Options and wiring only; the model is lib/plan.c, the diff
 * lib/plandiff.c, the outputs lib/planout.c. */
#include "se.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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
    " (default 42)\n"
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

struct opts {
	se_cli cli;
	se_planout_opts out;
	const char *catalogue, *since;
	const char *programme, *authorities, *cycle; /* lib/programme.c */
	bool draft_programme;
	const char **data;
	size_t ndata;
	bool check, from, as_of_given, since_as_of_given;
	long since_as_of;
	const char *argv0;
	bool no_check; /* --no-check */
};

static int
own_option(void *ctx, int opt, const char *arg)
{
	struct opts *o = ctx;
	char *end;
	long v;
	int k;

	switch (opt) {
	case 'i':
		o->catalogue = arg;
		return SE_CLI_NEXT;
	case OPT_AS_OF:
		if (se_date_parse(arg, strlen(arg), &o->out.as_of) < 0)
			return se_cli_usage_error(o->cli.prog, usage,
			    "cannot read '%s' as a date (2019-06-30, "
			    "30/06/2019, June 2019, ...)", arg);
		o->as_of_given = true;
		return SE_CLI_NEXT;
	case OPT_OWNER:
		o->out.owner = arg;
		return SE_CLI_NEXT;
	case OPT_STATUS:
		k = se_state_parse(arg);
		if (k >= 0) {
			o->out.state = k;
			return SE_CLI_NEXT;
		}
		k = se_status_parse(arg, strlen(arg));
		if (k < 0)
			return se_cli_usage_error(o->cli.prog, usage,
			    "unknown status '%s' (expected overdue, at-risk, "
			    "unknown, ongoing, on-track, complete, dropped, "
			    "not-started or in-progress)", arg);
		o->out.status = k;
		return SE_CLI_NEXT;
	case OPT_OVERDUE:
		o->out.overdue = true;
		return SE_CLI_NEXT;
	case OPT_CHECK:
		o->check = true;
		return SE_CLI_NEXT;
	case OPT_STALE:
		v = strtol(arg, &end, 10);
		if (end == arg || *end || v < 1 || v > 3660)
			return se_cli_usage_error(o->cli.prog, usage,
			    "--stale '%s' should be a number of days, 1 to "
			    "3660", arg);
		o->out.stale_days = v;
		return SE_CLI_NEXT;
	case OPT_SINCE:
		o->since = arg;
		return SE_CLI_NEXT;
	case OPT_SINCE_AS_OF:
		if (se_date_parse(arg, strlen(arg), &o->since_as_of) < 0)
			return se_cli_usage_error(o->cli.prog, usage,
			    "cannot read '%s' as a date (2019-05-31, "
			    "31/05/2019, May 2019, ...)", arg);
		o->since_as_of_given = true;
		return SE_CLI_NEXT;
	case OPT_GROUP_BY:
		k = se_group_parse(arg);
		if (k < 0)
			return se_cli_usage_error(o->cli.prog, usage,
			    "unknown grouping '%s' (expected priority, owner, "
			    "theme, regional or recommendation)", arg);
		o->out.group = (se_group)k;
		return SE_CLI_NEXT;
	case OPT_DATA: {
		const char **d = realloc(o->data, (o->ndata + 1) * sizeof *d);
		if (d == NULL)
			return SE_EXIT_FAILURE;
		o->data = d;
		d[o->ndata++] = arg;
		return SE_CLI_NEXT;
	}
	case OPT_FROM:
		o->from = true;
		return SE_CLI_NEXT;
	case OPT_NO_CHECK:
		o->no_check = true;
		return SE_CLI_NEXT;
	case OPT_PROGRAMME:
		o->programme = arg;
		return SE_CLI_NEXT;
	case OPT_DRAFT_PROGRAMME:
		o->draft_programme = true;
		return SE_CLI_NEXT;
	case OPT_AUTHORITIES:
		o->authorities = arg;
		return SE_CLI_NEXT;
	case OPT_CYCLE:
		o->cycle = arg;
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
	int r, f;

	r = se_cli_parse(&o->cli, argc, argv, "h" SE_CLI_SHORTOPTS "i:", longopts,
	    own_option, o);
	if (r != SE_CLI_NEXT)
		return r;
	o->out.format = o->from ? SE_PLANOUT_YAML : SE_PLANOUT_TEXT;
	if (o->cli.format) {
		f = se_planout_format_parse(o->cli.format);
		if (f < 0 || (o->from && f != SE_PLANOUT_YAML &&
		    f != SE_PLANOUT_CSV))
			return se_cli_usage_error(o->cli.prog, usage,
			    "unknown format '%s' (expected %s)", o->cli.format,
			    o->from ? "yaml or csv" : "text, csv, markdown, "
			    "html, json or yaml");
		o->out.format = (se_planout_format)f;
	}
	if (o->draft_programme && (!o->authorities || !o->cycle))
		return se_cli_usage_error(o->cli.prog, usage, "--draft-programme "
		    "needs --authorities FILE and --cycle Y1-Y2");
	if (optind >= argc && !o->programme && !o->draft_programme)
		return se_cli_usage_error(o->cli.prog, usage, o->from ?
		    "no input: name self-evaluations or review workbooks" :
		    "no input: name one or more plans");
	return SE_CLI_NEXT;
}

static se_store *
load_data(const struct opts *o, const se_catalogue *cat, se_diag *d)
{
	char *dir = se_formats_dir(o->cli.formats_dir, o->argv0);
	se_store *s = se_store_open(dir, cat, o->data, o->ndata, o->cli.where,
	    o->cli.nwhere, d);
	size_t i;

	free(dir);
	if (s == NULL)
		return NULL;
	for (i = 0; i < o->ndata; i++)
		if (se_store_read(s, o->data[i]) < 0) {
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
write_out(struct opts *o, const se_plan *p, se_diag *d)
{
	se_out *out = se_out_open(o->cli.output, d);
	se_pos me = { NULL, 0, 0 }; /* no file: "warning: ..." */
	se_wrap *w;
	int rc;

	if (out == NULL)
		return -1;

	o->out.color = o->out.format == SE_PLANOUT_TEXT &&
	    se_color_use(o->cli.color, o->cli.output ? -1 : STDOUT_FILENO);
	/* Text fits the terminal (or $COLUMNS); other formats as they are. */
	w = se_wrap_open(se_out_file(out), o->out.format == SE_PLANOUT_TEXT ?
	    se_text_width(o->cli.output ? -1 : STDOUT_FILENO) : 0);
	rc = w ? se_planout_render(p, &o->out, se_wrap_file(w)) : -1;
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
run_programme(struct opts *o, int argc, char **argv, se_diag *d)
{
	char *dir = o->draft_programme ? NULL :
	    se_formats_dir(o->cli.formats_dir, argv[0]);
	se_formats *f = dir ? se_formats_load(dir, d) : NULL;
	se_out *out = NULL;
	int rc = -1;

	free(dir);
	if (!o->draft_programme && f == NULL)
		return SE_EXIT_FAILURE;
	out = se_out_open(o->cli.output, d);
	if (out == NULL) {
		se_formats_free(f);
		return SE_EXIT_FAILURE;
	}
	rc = o->draft_programme ? se_programme_draft_file(o->authorities,
	    o->cycle, se_out_file(out), d) : se_programme_plan(o->programme,
	    (const char *const *)argv + optind, (size_t)(argc - optind),
	    o->out.as_of, o->out.format, f, se_out_file(out), d);
	se_formats_free(f);
	if (se_out_close(out, rc >= 0, d) < 0 || rc < 0 || rc == 2)
		return SE_EXIT_FAILURE;
	if (!o->draft_programme && se_diag_count(d, SE_ERROR) > 0)
		return SE_EXIT_PROBLEMS;
	return rc == 1 && (o->draft_programme || o->check) ?
	    SE_EXIT_PROBLEMS : SE_EXIT_OK;
}

struct checking {
	const se_formats *f;
	se_diag *d;
	int errors; /* -1: could not check */
};

/* se-validate's checks on an operand, or on a plan YAML found in one;
 * a CSV found in a directory is left to se-plan's own reading. */
static int
check_found(void *ctx, const char *path, bool named)
{
	struct checking *c = ctx;
	size_t n = strlen(path);
	se_diag *quiet;
	se_doc *doc;
	int e;

	if (strcmp(path, "-") == 0)
		return 0; /* read once, by se-plan */
	if (!named && !(n > 5 && strcmp(path + n - 5, ".yaml") == 0) &&
	    !(n > 4 && strcmp(path + n - 4, ".yml") == 0))
		return 0;
	doc = NULL;
	if (!named) {
		quiet = se_diag_new();
		doc = quiet ? se_doc_load(path, quiet) : NULL;
		se_diag_free(quiet);
		if (!doc || !doc->kind || strcmp(doc->kind, "plan") != 0) {
			se_doc_free(doc);
			return 0;
		}
	}
	e = se_check_input(c->f, NULL, path, doc, c->d);
	se_doc_free(doc);
	if (e < 0 || c->errors < 0)
		c->errors = -1;
	else
		c->errors += e;
	return 0;
}

/* se-validate's checks on the operands, unless --no-check: the exit
 * status for errors, or -1 when there are none (or no checking). */
static int
check_inputs(const struct opts *o, int argc, char **argv, se_diag *d)
{
	char *dir;
	struct checking c = { NULL, d, 0 };
	se_diag *quiet;
	se_formats *f;
	int i;

	if (o->no_check)
		return -1;
	dir = se_formats_dir(o->cli.formats_dir, argv[0]);
	f = dir ? se_formats_load(dir, d) : NULL;
	free(dir);
	if (!f)
		return SE_EXIT_FAILURE;
	c.f = f;
	quiet = se_diag_new(); /* an unreadable operand: se-plan's to say */
	for (i = optind; quiet && i < argc; i++)
		(void)se_walk(argv[i], check_found, &c, quiet);
	se_diag_free(quiet);
	se_formats_free(f);
	return c.errors < 0 ? SE_EXIT_FAILURE : c.errors > 0 ?
	    SE_EXIT_PROBLEMS : -1;
}

/* --from: draft a plan from documents. */
static int
run_draft(struct opts *o, int argc, char **argv, se_diag *d)
{
	se_plan *p = se_plan_new();
	se_formats *formats;
	char *dir;
	int i, status = SE_EXIT_FAILURE, failed = 0;

	if (p == NULL)
		return SE_EXIT_FAILURE;
	status = check_inputs(o, argc, argv, d);
	if (status >= 0) {
		se_plan_free(p);
		return status;
	}
	status = SE_EXIT_FAILURE;
	o->out.draft = true;
	/* the formats say which sections of a document are its priorities */
	dir = se_formats_dir(o->cli.formats_dir, o->argv0);
	formats = dir ? se_formats_load(dir, d) : NULL;
	free(dir);
	if (formats == NULL || se_plan_use(p, formats, d) < 0) {
		se_formats_free(formats);
		se_plan_free(p);
		return SE_EXIT_FAILURE;
	}
	for (i = optind; i < argc; i++) {
		se_doc *doc = se_doc_load(argv[i], d);
		if (doc == NULL || se_plan_draft(p, doc, d) < 0)
			failed++;
		se_doc_free(doc);
	}
	if (failed < argc - optind && write_out(o, p, d) == 0)
		status = failed ? SE_EXIT_FAILURE : SE_EXIT_OK;
	se_plan_free(p);
	se_formats_free(formats);
	return status;
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

static int
run(struct opts *o, int argc, char **argv, se_diag *d)
{
	se_plan *p = NULL, *old = NULL;
	se_catalogue *cat = NULL;
	se_store *data = NULL;
	se_plandiff *diff = NULL;
	se_assess as = { o->out.as_of, o->out.stale_days, NULL };
	char *dir = se_formats_dir(o->cli.formats_dir, o->argv0);
	se_formats *formats = dir ? se_formats_load(dir, d) : NULL;
	se_diag *chk = NULL;
	int i, failed = 0, status = SE_EXIT_FAILURE;
	size_t bad = 0;

	free(dir);
	if (formats == NULL || (p = plan_new(formats, d)) == NULL)
		goto out;
	/* A plan is shown even with errors (what cannot be read is shown
	 * as unknown): se-validate's errors on it are reported beside
	 * se-plan's own, each once (the plan's rules are the same). */
	chk = se_diag_new_child(d);
	if (chk == NULL || check_inputs(o, argc, argv, chk) ==
	    SE_EXIT_FAILURE) {
		if (chk)
			se_diag_append(d, chk);
		goto out;
	}
	for (i = optind; i < argc; i++)
		if (se_plan_load(p, argv[i], d) < 0)
			failed++;
	se_diag_append_new(d, chk);
	if (failed == argc - optind)
		goto out;
	if (o->catalogue) {
		cat = se_catalogue_load(o->catalogue, d);
		if (cat == NULL)
			goto out;
	}
	if (o->ndata > 0) {
		data = load_data(o, cat, d);
		if (data == NULL)
			goto out;
		as.data = data;
		o->out.checked = true;
	}
	se_plan_assess(p, &as);
	if (o->since) {
		se_assess then = as;
		then.as_of = o->since_as_of_given ? o->since_as_of :
		    se_date_month_before(o->out.as_of);
		then.data = NULL;
		old = plan_new(formats, d);
		if (old == NULL || se_plan_load(old, o->since, d) < 0)
			goto out;
		se_plan_assess(old, &then);
		diff = se_plan_diff(old, p);
		if (diff == NULL)
			goto out;
		o->out.diff = diff;
	}
	if (o->out.group == SE_GROUP_NONE && se_plan_nauthorities(p) > 1)
		o->out.group = SE_GROUP_REGIONAL;
	if (o->check)
		bad = se_plan_check(p, d);
	if ((!o->check || o->cli.output || o->cli.format) &&
	    write_out(o, p, d) < 0)
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
	se_formats_free(formats);
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
	o.argv0 = argv[0];
	o.cli.help = help;
	o.out.state = o.out.status = -1;
	r = parse_args(&o, argc, argv);
	if (r != SE_CLI_NEXT) {
		free(o.data);
		return r;
	}
	if (!o.as_of_given)
		o.out.as_of = se_date_today();
	d = se_diag_new();
	if (d == NULL) {
		free(o.data);
		return SE_EXIT_FAILURE;
	}
	r = se_cli_finish(&o.cli, d, o.programme || o.draft_programme ?
	    run_programme(&o, argc, argv, d) : o.from ?
	    run_draft(&o, argc, argv, d) : run(&o, argc, argv, d));
	free(o.data);
	return r;
}
