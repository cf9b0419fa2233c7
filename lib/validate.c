/* validate.c: se-validate's run (se-validate(1)): the files of the
 * operands checked against their formats (check.c, checkcsv.c) with the
 * catalogue of -i or one found among them and the --data extracts, or,
 * with --explain, what their formats ask of them (explain.c); the
 * problems reported in the format -F names. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

struct file {
	char *path;
	bool named;
	se_doc *doc;
};

struct run {
	const se_validate_job *j;
	se_diag *diag;
	struct file *files;
	size_t nfiles, cap;
	size_t nchecked; /* the files counted in the summary */
	bool failed; /* a file could not be read or parsed (exit 2) */
	se_catalogue **cats;
	size_t ncats;
	se_store *store;
	char *stdin_csv;   /* standard input, when it is a CSV */
	size_t stdin_len;
	char *formats_dir; /* the authorities table, the national catalogue */
	se_formats *formats;
};

static int
collect(void *ctx, const char *path, bool named)
{
	struct run *r = ctx;
	struct file *f;

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
	const se_validate_job *j = r->j;
	size_t i;

	r->store = se_store_open(r->formats_dir, r->ncats ? r->cats[0] : NULL,
	    j->data, j->ndata, j->cli->where, j->cli->nwhere, r->diag);
	if (!r->store)
		return -1;
	for (i = 0; i < j->ndata; i++)
		if (se_store_read(r->store, j->data[i]) < 0)
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
validate(struct run *r)
{
	se_check chk = { .formats = r->formats,
	    .formats_dir = r->formats_dir, .where = r->j->cli->where,
	    .nwhere = r->j->cli->nwhere, .final = r->j->final };
	size_t i;

	for (i = 0; i < r->nfiles; i++) {
		if (strcmp(r->files[i].path, "-") == 0) {
			r->nchecked++;
			if (se_check_stdin(&r->files[i].doc, &r->stdin_csv,
			    &r->stdin_len, r->diag) < 0)
				r->failed = true;
		} else if (!is_csv(&r->files[i])) {
			load(r, &r->files[i], &r->nchecked);
		}
	}
	if (r->ncats == 0 && find_catalogues(r) < 0)
		return -1;
	use_catalogues(r, &chk);
	if (r->stdin_csv && se_check_csv_text(&chk, r->stdin_csv,
	    r->stdin_len, r->diag) < 0)
		r->failed = true;
	for (i = 0; i < r->nfiles; i++) {
		if (!is_csv(&r->files[i]))
			continue;
		r->nchecked++;
		if (se_check_csv(&chk, r->files[i].path, r->diag) < 0)
			r->failed = true;
	}
	if (r->j->ndata > 0) {
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
explain(struct run *r)
{
	const char *prog = r->j->cli->prog;
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
		if (f->doc && se_explain_doc(r->formats, f->doc,
		    r->j->explain_only, stdout, r->diag) < 0)
			rc = -1;
	}
	if (fflush(stdout) != 0 || rc < 0) {
		fprintf(stderr, "%s: cannot write the explanation\n", prog);
		return SE_EXIT_FAILURE;
	}
	se_diag_sort(r->diag);
	se_diag_render(r->diag, SE_DIAG_TEXT, prog, stderr);
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
	free(r->stdin_csv);
	for (i = 0; i < r->ncats; i++)
		se_catalogue_free(r->cats[i]);
	free(r->cats);
	se_formats_free(r->formats);
	free(r->formats_dir);
	se_diag_free(r->diag);
}

/* The problems in -F's format on -o's file (or standard output), then
 * "N files, N errors, N warnings" on standard error. */
static int
report(struct run *r)
{
	const se_cli *cli = r->j->cli;
	size_t errors, warnings, n = r->nchecked;
	se_diag *why = se_diag_new_child(r->diag); /* the output's problems */
	se_out *out;
	int rc = -1;

	se_diag_sort(r->diag);
	errors = se_diag_count(r->diag, SE_ERROR);
	warnings = se_diag_count(r->diag, SE_WARNING);
	out = why ? se_out_open(cli->output, why) : NULL;
	if (out)
		rc = se_diag_render(r->diag, (se_diag_format)r->j->format,
		    cli->prog, se_out_file(out));
	if (out && se_out_close(out, rc == 0, why) < 0)
		rc = -1;
	if (rc < 0) {
		/* As the other commands say it: "FILE: error: cannot
		 * write: REASON [unwritable]". */
		if (why)
			se_diag_render(why, SE_DIAG_TEXT, cli->prog, stderr);
		se_diag_free(why);
		return SE_EXIT_FAILURE;
	}
	se_diag_free(why);
	fprintf(stderr, "%zu file%s, %zu error%s, %zu warning%s\n", n,
	    n == 1 ? "" : "s", errors, errors == 1 ? "" : "s",
	    warnings, warnings == 1 ? "" : "s");
	if (r->failed)
		return SE_EXIT_FAILURE;
	return errors ? SE_EXIT_PROBLEMS : SE_EXIT_OK;
}

/* The formats and -i's catalogue: 0, or -1 (said in the sink) when
 * either cannot be read. */
static int
setup(struct run *r)
{
	const se_validate_job *j = r->j;
	se_catalogue *c;

	r->formats = se_formats_load(r->formats_dir, r->diag);
	if (!r->formats)
		return -1;
	if (!j->catalogue)
		return 0;
	c = se_catalogue_load(j->catalogue, r->diag);
	return c && add_catalogue(r, c) == 0 ? 0 : -1;
}

void
se_validate_job_init(se_validate_job *j, const se_cli *cli,
    const char *argv0)
{
	memset(j, 0, sizeof *j);
	j->cli = cli;
	j->argv0 = argv0;
	j->format = SE_DIAG_TEXT;
}

int
se_validate_job_run(const se_validate_job *j, char *const *operands,
    size_t n)
{
	struct run r;
	int status = SE_EXIT_FAILURE;

	memset(&r, 0, sizeof r);
	r.j = j;
	r.diag = se_diag_new();
	r.formats_dir = se_formats_dir(j->cli->formats_dir, j->argv0);
	if (!r.diag || !r.formats_dir)
		goto out;
	se_diag_set_strict(r.diag, j->strict);
	if (setup(&r) < 0) {
		r.failed = true;
		status = report(&r);
		goto out;
	}
	/* An operand that cannot be read is counted. */
	r.nchecked = se_inputs_walk(operands, n, collect, &r, r.diag);
	r.failed = r.nchecked > 0;
	if (j->explain) {
		status = explain(&r);
	} else if (validate(&r) < 0) {
		fprintf(stderr, "%s: out of memory\n", j->cli->prog);
	} else {
		status = report(&r);
	}
out:
	release(&r);
	return status;
}
