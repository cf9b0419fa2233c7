/* se-validate: check documents against their formats (se-validate(1)).
 * Options, the walk over operands and the wiring; the checks live in
 * lib/check.c. */
#include "se.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

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

struct file {
	char *path;
	bool named;
	se_doc *doc;
};

struct run {
	se_diag *diag;
	struct file *files;
	size_t nfiles, cap;
	bool failed; /* a file could not be read or parsed (exit 2) */
	se_catalogue **cats;
	size_t ncats;
	const char **data; /* --data files */
	size_t ndata;
	se_store *store;
	const char *argv0;
	const se_cli *cli; /* --where for the --data files */
	const char *formats_dir; /* the authorities table, the national catalogue */
	bool final; /* --final */
	bool explain; /* --explain[=SECTION] */
	const char *explain_only;
};

static bool
is_candidate(const char *path)
{
	return se_path_kind_of(path) != SE_PATH_OTHER;
}

static int
collect(void *ctx, const char *path, bool named)
{
	struct run *r = ctx;
	struct file *f;

	if (!named && !is_candidate(path))
		return 0;
	if (r->nfiles == r->cap) {
		size_t cap = r->cap ? r->cap * 2 : 64;
		struct file *v = realloc(r->files, cap * sizeof *v);
		if (!v)
			return -1;
		r->files = v;
		r->cap = cap;
	}
	f = &r->files[r->nfiles];
	f->path = strdup(path);
	if (!f->path)
		return -1;
	f->named = named;
	f->doc = NULL;
	r->nfiles++;
	return 0;
}

/* Copy from's diagnostics, from the i-th on, to 'to'. */
static void
copy_diags_from(se_diag *to, const se_diag *from, size_t i)
{
	for (; i < se_diag_len(from); i++) {
		const se_diag_item *it = se_diag_get(from, i);
		se_pos pos = { it->file, it->line, it->col };
		se_diag_add(to, it->severity, &pos, it->rule, "%s", it->message);
	}
}

/* The report could not be written: why, on standard error, as the other
 * commands say it ("FILE: error: cannot write: REASON [unwritable]"). */
static int
write_failed(const se_diag *d, size_t from, const char *prog)
{
	se_diag *why = se_diag_new();

	if (why) {
		copy_diags_from(why, d, from);
		se_diag_render(why, SE_DIAG_TEXT, prog, stderr);
		se_diag_free(why);
	}
	return SE_EXIT_FAILURE;
}

static bool
indicator_known(void *ctx, const char *id)
{
	const struct run *r = ctx;
	size_t i;

	for (i = 0; i < r->ncats; i++)
		if (se_catalogue_find(r->cats[i], id, strlen(id)))
			return true;
	return false;
}

static int
add_catalogue(struct run *r, se_catalogue *c)
{
	se_catalogue **v = realloc(r->cats, (r->ncats + 1) * sizeof *v);

	if (!v) {
		se_catalogue_free(c);
		return -1;
	}
	r->cats = v;
	r->cats[r->ncats++] = c;
	return 0;
}

/* Load a YAML or Markdown file.  A file found in a directory without
 * 'kind' is not a document and is skipped silently, its problems too;
 * one that cannot be parsed is an error wherever it is. */
static void
load(struct run *r, struct file *f, size_t *nchecked)
{
	if (se_doc_load_found(f->path, f->named, NULL, &f->doc, r->diag) < 0) {
		r->failed = true;
		(*nchecked)++;
	} else if (f->doc) {
		(*nchecked)++;
	}
}

/* Catalogues among the documents are the ones indicator:ID references
 * are checked against when -i does not name one. */
static int
find_catalogues(struct run *r)
{
	size_t i;

	for (i = 0; i < r->nfiles; i++) {
		const se_doc *doc = r->files[i].doc;
		se_diag *tmp;
		se_catalogue *c;
		if (!doc || !doc->kind || strcmp(doc->kind, "indicators") != 0)
			continue;
		tmp = se_diag_new_child(r->diag); /* its problems are the check's to report */
		if (!tmp)
			return -1;
		c = se_catalogue_from_doc(doc, tmp);
		se_diag_free(tmp);
		if (c && add_catalogue(r, c) < 0)
			return -1;
	}
	return 0;
}

/* The extracts claims are checked against (--data): rated with the
 * catalogue, so "improved" is read with each indicator's polarity. */
static int
read_data(struct run *r)
{
	size_t i;

	r->store = se_store_open(r->formats_dir, r->ncats ? r->cats[0] : NULL,
	    r->data, r->ndata, r->cli->where, r->cli->nwhere, r->diag);
	if (!r->store)
		return -1;
	for (i = 0; i < r->ndata; i++)
		if (se_store_read(r->store, r->data[i]) < 0)
			r->failed = true;
	return se_store_finish(r->store);
}

static bool
is_csv(const struct file *f)
{
	return strcmp(f->path, "-") != 0 &&
	    se_path_kind_of(f->path) == SE_PATH_CSV;
}

/* Check with the first catalogue, when there is one. */
static void
use_catalogues(struct run *r, se_check *chk)
{
	if (r->ncats == 0)
		return;
	chk->catalogue = r->cats[0];
	chk->indicator_known = indicator_known;
	chk->indicator_ctx = r;
}

/* Documents first, so that a CSV extract is read with the catalogue -i
 * names or one found among them, as --data is. */
static int
validate(struct run *r, const se_formats *formats, size_t *nchecked)
{
	se_check chk = { .formats = formats, .formats_dir = r->formats_dir,
	    .where = r->cli->where, .nwhere = r->cli->nwhere,
	    .final = r->final };
	size_t i;

	use_catalogues(r, &chk); /* -i, for standard input */
	for (i = 0; i < r->nfiles; i++) {
		if (strcmp(r->files[i].path, "-") == 0) {
			(*nchecked)++;
			if (se_check_stdin(&chk, &r->files[i].doc, r->diag) < 0)
				r->failed = true;
		} else if (!is_csv(&r->files[i])) {
			load(r, &r->files[i], nchecked);
		}
	}
	if (r->ncats == 0 && find_catalogues(r) < 0)
		return -1;
	use_catalogues(r, &chk);
	for (i = 0; i < r->nfiles; i++) {
		if (!is_csv(&r->files[i]))
			continue;
		(*nchecked)++;
		if (se_check_csv(&chk, r->files[i].path, r->diag) < 0)
			r->failed = true;
	}
	if (r->ndata > 0) {
		if (read_data(r) < 0)
			return -1;
		chk.data = r->store;
	}
	for (i = 0; i < r->nfiles; i++)
		if (r->files[i].doc &&
		    se_check_doc(&chk, r->files[i].doc, r->diag) < 0)
			return -1;
	return 0;
}

/* --explain: what each document's format asks of it, on standard
 * output; its problems (an unknown kind) on standard error. */
static int
explain(struct run *r, const se_formats *formats, const se_cli *cli)
{
	size_t i, n = 0;
	int rc = 0;

	for (i = 0; i < r->nfiles; i++) {
		struct file *f = &r->files[i];
		se_pos pos = { f->path, 0, 0 };
		if (se_path_kind_of(f->path) == SE_PATH_CSV) {
			se_diag_warning(r->diag, &pos, "not-explained",
			    "a CSV has no sections to explain: --explain reads "
			    "YAML and Markdown documents");
			continue;
		}
		load(r, f, &n);
		if (f->doc && n > 1)
			putchar('\n');
		if (f->doc && se_explain_doc(formats, f->doc, r->explain_only,
		    stdout, r->diag) < 0)
			rc = -1;
	}
	if (fflush(stdout) != 0 || rc < 0) {
		fprintf(stderr, "%s: cannot write the explanation\n", cli->prog);
		return SE_EXIT_FAILURE;
	}
	se_diag_sort(r->diag);
	se_diag_render(r->diag, SE_DIAG_TEXT, cli->prog, stderr);
	if (r->failed)
		return SE_EXIT_FAILURE;
	return se_diag_count(r->diag, SE_ERROR) ? SE_EXIT_PROBLEMS : SE_EXIT_OK;
}

static void
release(struct run *r)
{
	size_t i;

	for (i = 0; i < r->nfiles; i++) {
		free(r->files[i].path);
		se_doc_free(r->files[i].doc);
	}
	free(r->files);
	se_store_free(r->store);
	for (i = 0; i < r->ncats; i++)
		se_catalogue_free(r->cats[i]);
	free(r->cats);
	free(r->data);
	se_diag_free(r->diag);
}

static int
report(struct run *r, se_cli *cli, size_t nchecked, int fmt)
{
	se_out *out;
	size_t errors, warnings, mark;
	int status;

	se_diag_sort(r->diag);
	errors = se_diag_count(r->diag, SE_ERROR);
	warnings = se_diag_count(r->diag, SE_WARNING);
	mark = se_diag_len(r->diag);
	out = se_out_open(cli->output, r->diag);
	if (!out)
		return write_failed(r->diag, mark, cli->prog);
	if (se_diag_render(r->diag, (se_diag_format)fmt, cli->prog,
	    se_out_file(out)) < 0) {
		se_out_close(out, false, r->diag);
		return write_failed(r->diag, mark, cli->prog);
	}
	if (se_out_close(out, true, r->diag) < 0)
		return write_failed(r->diag, mark, cli->prog);
	fprintf(stderr, "%zu file%s, %zu error%s, %zu warning%s\n", nchecked,
	    nchecked == 1 ? "" : "s", errors, errors == 1 ? "" : "s",
	    warnings, warnings == 1 ? "" : "s");
	if (r->failed)
		status = SE_EXIT_FAILURE;
	else
		status = errors ? SE_EXIT_PROBLEMS : SE_EXIT_OK;
	return status;
}

/* The options that are se-validate's own. */
struct opts {
	struct run *r;
	se_cli *cli;
	const char *catalogue; /* -i */
	bool strict;
};

static int
own_option(void *ctx, int opt, const char *arg)
{
	struct opts *o = ctx;
	const char **v;

	switch (opt) {
	case OPT_STRICT:
		o->strict = true;
		return SE_CLI_NEXT;
	case OPT_FINAL:
		o->r->final = true;
		return SE_CLI_NEXT;
	case OPT_EXPLAIN:
		o->r->explain = true;
		o->r->explain_only = arg;
		return SE_CLI_NEXT;
	case 'i':
		o->catalogue = arg;
		return SE_CLI_NEXT;
	case OPT_DATA:
		v = realloc(o->r->data, (o->r->ndata + 1) * sizeof *v);
		if (!v)
			return SE_EXIT_FAILURE;
		o->r->data = v;
		o->r->data[o->r->ndata++] = arg;
		return SE_CLI_NEXT;
	default:
		return se_cli_usage_error(o->cli->prog, usage,
		    "unknown option");
	}
}

int
main(int argc, char **argv)
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
	struct run r;
	se_cli cli;
	se_formats *formats = NULL;
	struct opts o = { NULL, NULL, NULL, false };
	char *dir = NULL;
	size_t nchecked = 0;
	int rc, fmt = SE_DIAG_TEXT, status = SE_EXIT_FAILURE, i;

	memset(&r, 0, sizeof r);
	se_cli_init(&cli, argv[0], usage);
	cli.help = help;
	o.r = &r;
	o.cli = &cli;
	r.cli = &cli;
	rc = se_cli_parse(&cli, argc, argv, "h" SE_CLI_SHORTOPTS "i:", longopts,
	    own_option, &o);
	if (rc != SE_CLI_NEXT)
		return rc;
	if (cli.format) {
		fmt = se_diag_format_parse(cli.format);
		if (fmt < 0)
			return se_cli_usage_error(cli.prog, usage,
			    "unknown format '%s': use text, json, github or "
			    "sarif", cli.format);
	}
	if (optind >= argc)
		return se_cli_usage_error(cli.prog, usage,
		    "name the files or directories to check");
	r.diag = se_diag_new();
	dir = se_formats_dir(cli.formats_dir, argv[0]);
	if (!r.diag || !dir)
		goto out;
	se_diag_set_strict(r.diag, o.strict);
	r.formats_dir = dir;
	formats = se_formats_load(dir, r.diag);
	if (!formats) {
		r.failed = true;
		status = report(&r, &cli, 0, fmt);
		goto out;
	}
	if (o.catalogue) {
		se_catalogue *c = se_catalogue_load(o.catalogue, r.diag);
		if (!c || add_catalogue(&r, c) < 0) {
			r.failed = true;
			status = report(&r, &cli, 0, fmt);
			goto out;
		}
	}
	for (i = optind; i < argc; i++)
		if (se_walk(argv[i], collect, &r, r.diag) < 0) {
			r.failed = true;
			nchecked++; /* an operand that cannot be read is counted */
		}
	if (r.explain) {
		status = explain(&r, formats, &cli);
		goto out;
	}
	if (validate(&r, formats, &nchecked) < 0) {
		fprintf(stderr, "%s: out of memory\n", cli.prog);
		goto out;
	}
	status = report(&r, &cli, nchecked, fmt);
out:
	se_formats_free(formats);
	free(dir);
	release(&r);
	return status;
}
