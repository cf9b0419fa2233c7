/* se-rag: rate performance data (se-rag(1)): the table,
 * the tartan rug and the exception report.  Options and wiring only; the
 * rules are in lib/rate.c, the store in lib/series.c, the outputs in
 * lib/ragout.c. */
#include "se.h"

#include <getopt.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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
	const char *catalogue, *neighbours, *comments;
	se_rate_opts rate;
	se_ragout_opts out;
	const char **authorities;
	size_t nauthorities;
};

static bool
is_document(const char *path)
{
	return se_path_kind_of(path) == SE_PATH_DOCUMENT;
}

static int
parse_period(const struct opts *o, const char *what, const char *arg)
{
	se_period p;

	if (se_period_parse(arg, strlen(arg), &p) < 0)
		return se_cli_usage_error(o->cli.prog, usage, "%s '%s' is not "
		    "a period (2018, 2018-19, 2018Q2, 2018-09, 2018-09-30)",
		    what, arg);
	return 0;
}

static int
own_option(void *ctx, int opt, const char *arg)
{
	struct opts *o = ctx;
	char *end;
	int v;

	switch (opt) {
	case 'i':
		o->catalogue = arg;
		return SE_CLI_NEXT;
	case OPT_PERIOD:
		o->rate.period = arg;
		return parse_period(o, "period", arg) ? SE_EXIT_FAILURE :
		    SE_CLI_NEXT;
	case OPT_PREVIOUS:
		o->rate.previous = arg;
		return parse_period(o, "previous period", arg) ?
		    SE_EXIT_FAILURE : SE_CLI_NEXT;
	case OPT_AUTHORITY: {
		const char **v2 = realloc(o->authorities,
		    (o->nauthorities + 1) * sizeof *v2);
		if (!v2)
			return SE_EXIT_FAILURE;
		o->authorities = v2;
		v2[o->nauthorities++] = arg;
		return SE_CLI_NEXT;
	}
	case OPT_COMPARE:
		v = se_compare_parse(arg);
		if (v < 0 || v == SE_COMPARE_THRESHOLDS)
			return se_cli_usage_error(o->cli.prog, usage,
			    "unknown comparator '%s' (expected england, region "
			    "or neighbours)", arg);
		o->rate.compare = v;
		return SE_CLI_NEXT;
	case OPT_COMMENTS:
		o->comments = arg;
		return SE_CLI_NEXT;
	case OPT_NEIGHBOURS:
		o->neighbours = arg;
		return SE_CLI_NEXT;
	case OPT_BY:
		if (strcmp(arg, "authority") == 0)
			o->out.by = SE_BY_AUTHORITY;
		else if (strcmp(arg, "indicator") == 0)
			o->out.by = SE_BY_INDICATOR;
		else
			return se_cli_usage_error(o->cli.prog, usage,
			    "unknown pivot '%s' (expected authority or "
			    "indicator)", arg);
		return SE_CLI_NEXT;
	case OPT_EXCEPTIONS:
		o->out.exceptions = true;
		return SE_CLI_NEXT;
	case OPT_BAND:
		o->out.band = strtod(arg, &end);
		if (end == arg || *end || !(o->out.band > 0) ||
		    o->out.band > 50)
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
	if (o->cli.format) {
		f = se_ragout_format_parse(o->cli.format);
		if (f < 0)
			return se_cli_usage_error(o->cli.prog, usage,
			    "unknown format '%s' (expected text, csv, json, "
			    "markdown or html)", o->cli.format);
		o->out.format = (se_ragout_format)f;
	}
	if (optind >= argc)
		return se_cli_usage_error(o->cli.prog, usage,
		    "no input: name one or more CSV extracts or documents");
	for (f = optind + 1; f < argc; f++)
		if (is_document(argv[f]) != is_document(argv[optind]))
			return se_cli_usage_error(o->cli.prog, usage,
			    "give either CSV extracts or documents, not both");
	return SE_CLI_NEXT;
}

/* Warn about --authority names and a --period no extract has. */
static void
check_authorities(const struct opts *o, const se_store *s, se_diag *d)
{
	se_pos me = { NULL, 0, 0 }; /* no file: "warning: ..." */
	size_t k;

	for (k = 0; k < o->nauthorities; k++)
		if (se_store_entity_find(s, o->authorities[k]) == SIZE_MAX)
			se_diag_warning(d, &me, "unknown-authority",
			    "authority '%s' is in none of the extracts",
			    o->authorities[k]);
	for (k = 0; o->rate.period && k < se_store_nseries(s); k++)
		if (se_store_period_find(s, k, o->rate.period) != SIZE_MAX)
			return;
	if (o->rate.period)
		se_diag_warning(d, &me, "unknown-period", "no indicator has "
		    "values for period '%s'", o->rate.period);
}

/* Documents: rate what they rate (lib/ragdoc.c). */
static int
run_documents(struct opts *o, int argc, char **argv, se_diag *d)
{
	char *dir = se_formats_dir(o->cli.formats_dir, argv[0]);
	se_formats *f = dir ? se_formats_load(dir, d) : NULL;
	se_doc **docs = calloc((size_t)argc, sizeof *docs);
	size_t n = 0;
	se_out *out = NULL;
	int status = SE_EXIT_FAILURE, i;

	if (!f || !docs)
		goto done;
	for (i = optind; i < argc; i++) {
		docs[n] = se_doc_load(argv[i], d);
		if (docs[n])
			n++;
	}
	out = se_out_open(o->cli.output, d);
	if (!out)
		goto done;
	if (se_ragdoc_render(f, docs, n, o->out.format, se_out_file(out),
	    d) < 0) {
		se_out_close(out, false, d);
		goto done;
	}
	if (se_out_close(out, true, d) < 0)
		goto done;
	status = n < (size_t)(argc - optind) ? SE_EXIT_FAILURE :
	    se_diag_count(d, SE_ERROR) ? SE_EXIT_PROBLEMS : SE_EXIT_OK;
done:
	while (n > 0)
		se_doc_free(docs[--n]);
	free(docs);
	se_formats_free(f);
	free(dir);
	return status;
}

/* Extracts: every one the operands hold (se(7): a named file is read as
 * an extract; in a directory the CSVs whose header is an extract's), the
 * neighbours files among them and --neighbours, rated with -i or the
 * catalogue found among them. */
static int
run(struct opts *o, int argc, char **argv, se_diag *d)
{
	se_inputs in;
	se_catalogue *cat = NULL;
	se_authorities *auth = NULL;
	se_store *s = NULL;
	se_out *out = NULL;
	se_comments *cm = NULL;
	se_formats *f = NULL;
	se_wrap *w = NULL;
	int rc;
	se_diag *quiet = se_diag_new();
	char *dir = NULL;
	se_pos me = { NULL, 0, 0 }; /* no file: "error: ..." */
	int status = SE_EXIT_FAILURE;
	bool failed;
	size_t k;

	se_inputs_init(&in, SE_TAKE_EXTRACTS | SE_TAKE_NEIGHBOURS |
	    SE_TAKE_CATALOGUE, NULL);
	failed = se_inputs_add_all(&in, argv + optind,
	    (size_t)(argc - optind), d) < 0;
	if (in.nextracts == 0 && !failed) {
		se_diag_error(d, &me, "no-extract", "no extract among the "
		    "inputs: name CSV extracts or directories holding them");
		goto out;
	}
	dir = se_formats_dir(o->cli.formats_dir, argv[0]);
	cat = se_inputs_catalogue(&in, o->catalogue, d);
	if (o->catalogue && !cat)
		goto out;
	if (!cat)
		cat = se_catalogue_national(dir, (const char *const *)in.extracts,
		    in.nextracts, d);
	if (!cat)
		se_inputs_no_catalogue(o->cli.prog, "every indicator is shown "
		    "as context only, not rated", d);
	s = se_store_new(cat, d);
	auth = se_authorities_of(dir, d);
	if (!s || se_store_set_authorities(s, auth) < 0)
		goto out;
	se_store_set_where(s, o->cli.where, o->cli.nwhere);
	for (k = 0; k < in.nextracts; k++)
		if (se_store_read(s, in.extracts[k]) < 0)
			failed = true;
	for (k = 0; k < in.nneighbours; k++)
		if (se_store_read_neighbours(s, in.neighbours[k]) < 0)
			goto out;
	if (o->neighbours && se_store_read_neighbours(s, o->neighbours) < 0)
		goto out;
	if (failed || se_store_finish(s) < 0)
		goto out;
	check_authorities(o, s, d);
	if (o->comments) {
		cm = se_comments_read(o->comments, d);
		if (!cm)
			goto out;
		se_comments_check(cm, s, d);
	}
	/* Area titles for the rug's headings: from the formats when they
	 * can be read (the rug is drawn from ids otherwise). */
	f = dir && quiet ? se_formats_load(dir, quiet) : NULL;
	o->out.formats = f;
	o->out.comments = cm;
	o->out.authorities = o->authorities;
	o->out.nauthorities = o->nauthorities;
	o->out.color = o->out.format == SE_RAGOUT_TEXT &&
	    se_color_use(o->cli.color, o->cli.output ? -1 : STDOUT_FILENO);
	out = se_out_open(o->cli.output, d);
	if (!out)
		goto out;
	/* Text fits the terminal (or $COLUMNS): tables too wide for it are
	 * records, long lines wrapped at words. */
	o->out.width = o->out.format == SE_RAGOUT_TEXT ?
	    se_text_width(o->cli.output ? -1 : STDOUT_FILENO) : 0;
	w = se_wrap_open(se_out_file(out), o->out.width);
	rc = w ? se_ragout_render(s, &o->rate, &o->out, se_wrap_file(w)) : -1;
	if (w && se_wrap_close(w) < 0) /* closed (and freed) either way */
		rc = -1;
	if (rc < 0) {
		if (se_out_close(out, false, d) == 0) /* else: said why */
			se_diag_error(d, &me, "out-of-memory", "out of memory");
		goto out;
	}
	if (se_out_close(out, true, d) < 0)
		goto out;
	status = se_diag_count(d, SE_ERROR) ? SE_EXIT_PROBLEMS : SE_EXIT_OK;
out:
	se_comments_free(cm);
	se_formats_free(f);
	se_diag_free(quiet);
	free(dir);
	se_store_free(s);
	se_authorities_free(auth);
	se_catalogue_free(cat);
	se_inputs_release(&in);
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
	o.rate.compare = -1;
	r = parse_args(&o, argc, argv);
	if (r != SE_CLI_NEXT) {
		free(o.authorities);
		return r;
	}
	d = se_diag_new();
	if (!d) {
		free(o.authorities);
		return SE_EXIT_FAILURE;
	}
	r = se_cli_finish(&o.cli, d, is_document(argv[optind]) ?
	    run_documents(&o, argc, argv, d) : run(&o, argc, argv, d));
	free(o.authorities);
	return r;
}
