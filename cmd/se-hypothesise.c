/* se-hypothesise: the lead reviewer's desk analysis (se-hypothesise(1)): from a self-assessment and the data profile, the hypotheses
 * worth investigating, as a draft review workbook.  Options and wiring
 * only; the rules are in lib/hypo.c and lib/claims.c, the outputs in
 * lib/hypoout.c. */
#include "se.h"

#include <getopt.h>
#include <stdint.h>
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
	const char *catalogue;
	const char **data;
	size_t ndata;
	size_t investigate;
	bool no_check; /* --no-check */
	se_hypoout_opts out;
};

static int
own_option(void *ctx, int opt, const char *arg)
{
	struct opts *o = ctx;
	const char **v;
	char *end;
	long n;

	switch (opt) {
	case 'n':
		n = strtol(arg, &end, 10);
		if (end == arg || *end || n < 1 || n > 3)
			return se_cli_usage_error(o->cli.prog, usage,
			    "'%s' hypotheses to investigate: the review "
			    "workbook's maximum is 3 (expected 1, 2 or 3)", arg);
		o->investigate = (size_t)n;
		return SE_CLI_NEXT;
	case 'i':
		o->catalogue = arg;
		return SE_CLI_NEXT;
	case OPT_DATA:
		v = realloc(o->data, (o->ndata + 1) * sizeof *v);
		if (!v)
			return SE_EXIT_FAILURE;
		o->data = v;
		v[o->ndata++] = arg;
		return SE_CLI_NEXT;
	case OPT_LEAD:
		o->out.lead = arg;
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
	if (o->cli.format) {
		f = se_hypoout_format_parse(o->cli.format);
		if (f < 0)
			return se_cli_usage_error(o->cli.prog, usage,
			    "unknown format '%s' (expected yaml, markdown, "
			    "text or json)", o->cli.format);
		o->out.format = (se_hypoout_format)f;
	}
	if (optind >= argc)
		return se_cli_usage_error(o->cli.prog, usage,
		    "no input: name the self-assessment");
	return SE_CLI_NEXT;
}

/* Each --data file by what its header says (se-formats(5), CSV). */
static int
read_data(const struct opts *o, se_store *s, se_profile *p,
    const char *authority, bool *extracts, se_diag *d)
{
	size_t i;
	int rc = 0;

	for (i = 0; i < o->ndata; i++) {
		const char *path = o->data[i];
		se_csv_kind k = strcmp(path, "-") == 0 ? SE_CSV_EXTRACT :
		    se_csv_sniff_file(path, d);
		if (k == SE_CSV_RATINGS) {
			if (se_profile_read_ratings(p, path, authority, d) < 0)
				rc = -1;
		} else if (k == SE_CSV_NEIGHBOURS) {
			if (se_store_read_neighbours(s, path) < 0)
				rc = -1;
		} else if (k == SE_CSV_EXTRACT) {
			if (se_store_read(s, path) < 0)
				rc = -1;
			*extracts = true;
		} else {
			rc = -1;
		}
	}
	return rc;
}

/* The data among the operands, by role, as --data is read. */
static int
read_found(const se_inputs *in, se_store *s, se_profile *p,
    const char *authority, bool *extracts, se_diag *d)
{
	size_t k;
	int rc = 0;

	for (k = 0; k < in->nratings; k++)
		if (se_profile_read_ratings(p, in->ratings[k], authority,
		    d) < 0)
			rc = -1;
	for (k = 0; k < in->nneighbours; k++)
		if (se_store_read_neighbours(s, in->neighbours[k]) < 0)
			rc = -1;
	for (k = 0; k < in->nextracts; k++) {
		if (se_store_read(s, in->extracts[k]) < 0)
			rc = -1;
		*extracts = true;
	}
	return rc;
}

static const char *const kinds[] = { "self-assessment", "self-evaluation" };

/* The self-assessment and the self-evaluations among the operands (any
 * other document named is an error), the data in them and --data. */
static int
run(struct opts *o, int argc, char **argv, se_diag *d)
{
	se_pos me = { NULL, 0, 0 }; /* no file: "warning: ..." */
	se_catalogue *cat = NULL;
	se_formats *fm = NULL;
	se_store *s = NULL;
	se_profile *p = NULL;
	se_hypos *h = NULL;
	const se_doc *sa;
	const se_doc **sev = NULL;
	const char **paths = NULL;
	se_hypo_input in;
	se_inputs ins;
	se_out *out = NULL;
	char *dir = NULL;
	const char *who;
	size_t nsev = 0, k;
	bool extracts = false;
	int status = SE_EXIT_FAILURE, bad = 0, invalid;

	dir = se_formats_dir(o->cli.formats_dir, argv[0]);
	if (dir)
		fm = se_formats_load(dir, d);
	se_inputs_init(&ins, SE_TAKE_DOCS | SE_TAKE_EXTRACTS |
	    SE_TAKE_NEIGHBOURS | SE_TAKE_RATINGS | SE_TAKE_CATALOGUE, fm);
	if (se_inputs_add_all(&ins, argv + optind, (size_t)(argc - optind),
	    d) < 0 || se_inputs_only(&ins, kinds, 2, d) < 0 || ins.ndropped)
		bad++;
	cat = se_inputs_catalogue(&ins, o->catalogue, d);
	if (o->catalogue && !cat)
		goto out;
	/* Without the self-assessment the data is still read, for its
	 * problems to be said. */
	sa = se_inputs_one(&ins, "self-assessment", d);
	/* Nothing is built on a document with errors (unless --no-check);
	 * 'sa' is not used after it is left out. */
	invalid = !sa || o->no_check ? 0 : se_inputs_check(&ins, cat, d);
	if (invalid != 0) {
		status = invalid < 0 ? SE_EXIT_FAILURE : SE_EXIT_PROBLEMS;
		goto out;
	}
	sev = calloc(ins.ndocs + 1, sizeof *sev);
	paths = calloc(o->ndata + ins.nextracts + 1, sizeof *paths);
	if (!sev || !paths)
		goto out;
	for (k = 0; k < o->ndata; k++)
		paths[k] = o->data[k];
	for (k = 0; k < ins.nextracts; k++)
		paths[o->ndata + k] = ins.extracts[k];
	s = se_store_open(dir, cat, paths, o->ndata + ins.nextracts,
	    o->cli.where, o->cli.nwhere, d);
	p = s ? se_profile_new(se_store_catalogue(s)) : NULL;
	if (!s || !p)
		goto out;
	for (k = 0; k < ins.ndocs; k++)
		if (strcmp(ins.docs[k]->kind, "self-evaluation") == 0)
			sev[nsev++] = ins.docs[k];
	who = sa ? se_node_str(se_node_get(sa->meta, "authority")) : NULL;
	if (sa && (o->ndata || ins.nextracts || ins.nratings) &&
	    !se_store_catalogue(s))
		se_inputs_no_catalogue("indicators cannot be "
		    "rated or linked to areas, so only key lines of enquiry "
		    "are proposed", d);
	if (sa && (o->ndata || ins.nextracts || ins.nratings) && !who)
		se_diag_warning(d, &me, "no-authority", "'%s' names no "
		    "authority: the data cannot be joined to it", sa->path);
	if (read_data(o, s, p, who ? who : "", &extracts, d) < 0 ||
	    read_found(&ins, s, p, who ? who : "", &extracts, d) < 0)
		bad++;
	if (!sa || se_store_finish(s) < 0)
		goto out;
	if (extracts && who && se_store_entity_find(s, who) == SIZE_MAX)
		se_diag_warning(d, &me, "unknown-authority", "authority '%s' "
		    "is in none of the extracts", who);
	if (who && se_profile_add_store(p, s, NULL, who) < 0)
		goto out;
	memset(&in, 0, sizeof in);
	in.sa = sa;
	in.sev = (const se_doc *const *)sev;
	in.nsev = nsev;
	in.cat = se_store_catalogue(s); /* -i, or the national catalogue */
	in.profile = p;
	in.formats = fm;
	h = se_hypos_propose(&in, o->investigate);
	if (!h) {
		se_diag_error(d, &me, "out-of-memory", "out of memory");
		goto out;
	}
	if (se_hypos_len(h) == 0)
		se_diag_warning(d, &me, "no-hypotheses", "nothing to propose: "
		    "the self-assessment names no key line of enquiry and the "
		    "data shows no gap, blind spot or contradicted claim");
	out = se_out_open(o->cli.output, d);
	if (!out)
		goto out;
	if (se_hypoout_render(h, &o->out, se_out_file(out)) < 0) {
		se_out_close(out, false, d);
		goto out;
	}
	if (se_out_close(out, true, d) < 0)
		goto out;
	status = bad ? SE_EXIT_FAILURE : se_diag_count(d, SE_ERROR) ?
	    SE_EXIT_PROBLEMS : SE_EXIT_OK;
out:
	se_hypos_free(h);
	se_profile_free(p);
	se_store_free(s);
	free(paths);
	free(sev);
	se_inputs_release(&ins);
	se_catalogue_free(cat);
	se_formats_free(fm);
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
	o.out.format = SE_HYPOOUT_YAML;
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
