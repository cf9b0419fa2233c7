/* se-hypothesise: the lead reviewer's desk analysis (DESIGN section 5,
 * 10.8): from a self-assessment and the data profile, the hypotheses
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
			    "'%s' hypotheses to investigate: the seed's "
			    "maximum is 3 (expected 1, 2 or 3)", arg);
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
		SE_CLI_LONGOPTS,
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

/* The self-assessment first, then self-evaluations; a document of
 * another kind, or with no framework that defines it, is reported. */
static se_doc *
load(const char *path, const char *want, const se_formats *fm, se_diag *d)
{
	se_pos pos = { path, 0, 0 };
	se_doc *doc = se_doc_load(path, d);

	if (!doc)
		return NULL;
	if (!doc->kind || strcmp(doc->kind, want) != 0) {
		se_diag_error(d, &pos, "wrong-kind", "'%s' is %s%s, not a %s",
		    path, doc->kind ? "a " : "", doc->kind ? doc->kind :
		    "not a document (no kind)", want);
		se_doc_free(doc);
		return NULL;
	}
	if (fm && !se_formats_resolve(fm, doc, d)) {
		se_doc_free(doc);
		return NULL;
	}
	return doc;
}

/* Each --data file by what its header says (DESIGN 10.4). */
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

static int
run(struct opts *o, int argc, char **argv, se_diag *d)
{
	se_pos me = { o->cli.prog, 0, 0 };
	se_catalogue *cat = NULL;
	se_formats *fm = NULL;
	se_store *s = NULL;
	se_profile *p = NULL;
	se_hypos *h = NULL;
	se_doc *sa = NULL, **sev = NULL;
	se_hypo_input in;
	se_out *out = NULL;
	char *dir = NULL;
	const char *who;
	size_t nsev = 0;
	bool extracts = false;
	int status = SE_EXIT_FAILURE, i, bad = 0, invalid = 0;

	dir = se_formats_dir(o->cli.formats_dir, argv[0]);
	if (dir)
		fm = se_formats_load(dir, d);
	if (o->catalogue && !(cat = se_catalogue_load(o->catalogue, d)))
		goto out;
	if (!(sa = load(argv[optind], "self-assessment", fm, d)))
		goto out;
	sev = calloc((size_t)argc, sizeof *sev);
	if (!sev)
		goto out;
	for (i = optind + 1; i < argc; i++) {
		se_doc *e = load(argv[i], "self-evaluation", fm, d);
		if (e)
			sev[nsev++] = e;
		else
			bad++;
	}
	/* Nothing is built on a document with errors (unless --no-check). */
	for (i = -1; fm && !o->no_check && i < (int)nsev; i++) {
		int n = se_check_input(fm, cat, NULL, i < 0 ? sa : sev[i], d);
		if (n < 0)
			goto out;
		invalid += n;
	}
	if (invalid) {
		status = SE_EXIT_PROBLEMS;
		goto out;
	}
	who = se_node_str(se_node_get(sa->meta, "authority"));
	s = se_store_new(cat, d);
	p = se_profile_new(cat);
	if (!s || !p)
		goto out;
	if (o->ndata && !cat)
		se_diag_warning(d, &me, "no-catalogue", "no indicator catalogue "
		    "(-i): indicators cannot be rated or linked to areas, so "
		    "only key lines of enquiry are proposed");
	if (o->ndata && !who)
		se_diag_warning(d, &me, "no-authority", "'%s' names no "
		    "authority: the data cannot be joined to it",
		    argv[optind]);
	if (read_data(o, s, p, who ? who : "", &extracts, d) < 0)
		bad++;
	if (se_store_finish(s) < 0)
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
	in.cat = cat;
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
	for (; nsev > 0; nsev--)
		se_doc_free(sev[nsev - 1]);
	free(sev);
	se_doc_free(sa);
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
	o.investigate = 3;
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
	r = run(&o, argc, argv, d);
	se_diag_sort(d);
	if (se_diag_render(d, SE_DIAG_TEXT, o.cli.prog, stderr) < 0 &&
	    r == SE_EXIT_OK)
		r = SE_EXIT_FAILURE;
	se_diag_free(d);
	free(o.data);
	return r;
}
