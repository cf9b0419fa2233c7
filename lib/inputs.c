/* inputs.c: the operands of every command gathered once.  Each operand is
 * walked (se_walk); a file is taken by what it is: a document by its
 * 'kind', a CSV by what its header says (se_csv_kind_of_file, with a quiet
 * sink: a directory's other CSVs are no one's problem here), so that a
 * whole repository directory can be given to any command and each takes
 * from it what it needs.  The files are opened only through the loaders
 * (se_doc_load, se_csv_kind_of_file); reading CSVs is the caller's. */
#include "internal.h"

#include <string.h>
#include <stdlib.h>
#include <sys/stat.h>

se_path_kind
se_path_kind_of(const char *path)
{
	if (se_ends_with(path, ".yaml") || se_ends_with(path, ".yml") ||
	    se_ends_with(path, ".md") || se_ends_with(path, ".markdown"))
		return SE_PATH_DOCUMENT;
	if (se_ends_with(path, ".csv"))
		return SE_PATH_CSV;
	return SE_PATH_OTHER;
}

void
se_inputs_init(se_inputs *in, unsigned take, const se_formats *formats)
{
	memset(in, 0, sizeof *in);
	in->take = take;
	in->formats = formats;
}

static int
push_path(char ***v, size_t *n, const char *path)
{
	char **w = realloc(*v, (*n + 1) * sizeof *w);
	char *copy = strdup(path);

	if (w)
		*v = w;
	if (!w || !copy) {
		free(copy);
		return -1;
	}
	w[(*n)++] = copy;
	return 0;
}

static int
push_doc(se_doc ***v, size_t *n, se_doc *doc)
{
	se_doc **w = realloc(*v, (*n + 1) * sizeof *w);

	if (!w) {
		se_doc_free(doc);
		return -1;
	}
	*v = w;
	w[(*n)++] = doc;
	return 0;
}

/* What a CSV holds, asked quietly.  A named file that is not a regular
 * file (a FIFO, "-") cannot be read twice, so it is not sniffed: it is
 * taken as an extract. */
static se_csv_kind
sniff(const char *path, bool named, se_diag *d)
{
	struct stat st;
	se_diag *quiet;
	se_csv_kind k;

	if (named && (strcmp(path, "-") == 0 || stat(path, &st) != 0 ||
	    !S_ISREG(st.st_mode)))
		return SE_CSV_EXTRACT;
	quiet = se_diag_new_child(d); /* the file is an input all the same */
	if (!quiet)
		return SE_CSV_UNKNOWN;
	k = se_csv_kind_of_file(path, quiet);
	se_diag_free(quiet);
	return k;
}

static int
take_csv(se_inputs *in, const char *path, bool named, se_diag *d)
{
	se_pos pos = { path, 0, 0 };
	se_csv_kind k = sniff(path, named, d);

	if (k == SE_CSV_NEIGHBOURS && (in->take & SE_TAKE_NEIGHBOURS))
		return push_path(&in->neighbours, &in->nneighbours, path);
	if (k == SE_CSV_RATINGS && (in->take & SE_TAKE_RATINGS))
		return push_path(&in->ratings, &in->nratings, path);
	if (k == SE_CSV_PLAN && (in->take & SE_TAKE_PLANS))
		return push_path(&in->plans, &in->nplans, path);
	if (k == SE_CSV_EXTRACT && (in->take & SE_TAKE_EXTRACTS))
		return push_path(&in->extracts, &in->nextracts, path);
	if (!named)
		return 0; /* a CSV this command has no use for */
	/* Named: the extract reader says what is wrong with it. */
	if (in->take & SE_TAKE_EXTRACTS)
		return push_path(&in->extracts, &in->nextracts, path);
	in->failed = true;
	return se_diag_error(d, &pos, "csv-header", "this CSV is not one this "
	    "command reads: %s", (in->take & SE_TAKE_PLANS) ? "expected a "
	    "plan (Action and Accountable officer columns)" : "expected "
	    "documents");
}

static int
take_doc(se_inputs *in, const char *path, bool named, se_diag *d)
{
	se_pos pos = { path, 0, 0 };
	se_doc *doc;

	if (se_doc_load_found(path, named, NULL, &doc, d) < 0) {
		in->failed = true; /* said why; in a walk too: it may be a
		                      document whose kind is unreadable */
		return -1;
	}
	if (!doc)
		return 0; /* found in a directory, no kind: not a document */
	if (!doc->kind) {
		se_doc_free(doc);
		in->failed = true;
		return se_diag_error(d, &pos, "no-kind",
		    "not a document: no 'kind' field");
	}
	if (strcmp(doc->kind, "indicators") == 0)
		return (in->take & SE_TAKE_CATALOGUE) ?
		    push_doc(&in->catalogues, &in->ncatalogues, doc) :
		    (se_doc_free(doc), 0);
	if (!(in->take & SE_TAKE_DOCS)) {
		se_doc_free(doc);
		return 0;
	}
	if (in->formats && !se_formats_resolve(in->formats, doc, d)) {
		se_doc_free(doc); /* said why: the command goes on without it */
		in->ndropped++;
		return 0;
	}
	if (push_doc(&in->docs, &in->ndocs, doc) < 0)
		return -1;
	return named ? push_path(&in->named, &in->nnamed, doc->path) : 0;
}

static int
visit(void *ctx, const char *path, bool named)
{
	se_inputs *in = ctx;
	se_path_kind pk = se_path_kind_of(path);
	bool docs = in->take & (SE_TAKE_DOCS | SE_TAKE_CATALOGUE);
	bool csvs = in->take & (SE_TAKE_EXTRACTS | SE_TAKE_NEIGHBOURS |
	    SE_TAKE_RATINGS | SE_TAKE_PLANS);
	int r;

	if (pk == SE_PATH_CSV && csvs)
		r = take_csv(in, path, named, in->d);
	else if (pk == SE_PATH_DOCUMENT && docs)
		r = take_doc(in, path, named, in->d);
	else if (!named)
		r = 0;
	else if (csvs && (strcmp(path, "-") == 0 || !docs ||
	    pk == SE_PATH_CSV))
		r = take_csv(in, path, named, in->d);
	else
		r = take_doc(in, path, named, in->d);
	return r;
}

/* Walk one operand and take its files: 0, or -1 when it or a file in it
 * could not be read or loaded. */
static int
add_operand(se_inputs *in, const char *operand, se_diag *d)
{
	bool before = in->failed;
	int r;

	in->d = d;
	r = se_walk(operand, visit, in, d);
	if (r < 0)
		in->failed = true;
	return r < 0 || (in->failed && !before) ? -1 : 0;
}

int
se_inputs_add_all(se_inputs *in, char *const *operands, size_t n,
    se_diag *d)
{
	size_t i;
	int rc = 0;

	for (i = 0; i < n; i++)
		if (add_operand(in, operands[i], d) < 0)
			rc = -1;
	return rc;
}

static void
free_paths(char **v, size_t n)
{
	while (n > 0)
		free(v[--n]);
	free(v);
}

static void
free_docs(se_doc **v, size_t n)
{
	while (n > 0)
		se_doc_free(v[--n]);
	free(v);
}

void
se_inputs_release(se_inputs *in)
{
	free_docs(in->docs, in->ndocs);
	free_docs(in->catalogues, in->ncatalogues);
	free_paths(in->extracts, in->nextracts);
	free_paths(in->neighbours, in->nneighbours);
	free_paths(in->ratings, in->nratings);
	free_paths(in->plans, in->nplans);
	free_paths(in->named, in->nnamed);
	memset(in, 0, sizeof *in);
}

se_catalogue *
se_inputs_catalogue(const se_inputs *in, const char *given, se_diag *d)
{
	se_pos pos;
	size_t k;

	if (given)
		return se_catalogue_load(given, d);
	if (in->ncatalogues == 0)
		return NULL;
	pos.file = in->catalogues[0]->path;
	pos.line = pos.col = 0;
	se_diag_note(d, &pos, "catalogue-found", "the indicator catalogue "
	    "used: found among the inputs (give -i FILE for another)");
	for (k = 1; k < in->ncatalogues; k++) {
		se_pos other = { in->catalogues[k]->path, 0, 0 };
		se_diag_warning(d, &other, "catalogue-found", "a second "
		    "indicator catalogue, not used: '%s' is (give -i FILE to "
		    "choose)", in->catalogues[0]->path);
	}
	return se_catalogue_from_doc(in->catalogues[0], d);
}

/* Of no file: "warning: ...", as every diagnostic without a position. */
static const se_pos nowhere = { NULL, 0, 0 };

void
se_inputs_no_catalogue(const char *what, se_diag *d)
{

	se_diag_warning(d, &nowhere, "no-catalogue", "no indicator catalogue: %s; "
	    "give one with -i FILE, or put a 'kind: indicators' file among "
	    "the inputs", what);
}

const se_doc *
se_inputs_one(const se_inputs *in, const char *kind, se_diag *d)
{
	const se_doc *one = NULL;
	size_t i;

	for (i = 0; i < in->ndocs; i++) {
		if (strcmp(in->docs[i]->kind, kind) != 0)
			continue;
		if (one) {
			se_pos pos = { in->docs[i]->path, 0, 0 };
			se_diag_error(d, &pos, "one-input", "a second %s: '%s' "
			    "is one already; name the one to use", kind,
			    one->path);
			return NULL;
		}
		one = in->docs[i];
	}
	if (!one && !in->failed && in->ndropped == 0)
		se_diag_error(d, &nowhere, "one-input", "no %s among the inputs",
		    kind);
	return one;
}

int
se_inputs_only(se_inputs *in, const char *const *kinds, size_t n,
    se_diag *d)
{
	size_t i, j, k;
	int rc = 0;

	for (i = 0; i < in->ndocs; i++) {
		const se_doc *doc = in->docs[i];
		se_pos pos = { doc->path, 0, 0 };
		char want[256];
		size_t len = 0;
		for (k = 0; k < n && strcmp(doc->kind, kinds[k]) != 0; k++)
			;
		for (j = 0; j < in->nnamed &&
		    strcmp(in->named[j], doc->path) != 0; j++)
			;
		if (k < n || j == in->nnamed)
			continue;
		want[0] = '\0';
		for (k = 0; k < n && len < sizeof want; k++)
			len += (size_t)snprintf(want + len, sizeof want - len,
			    "%s%s", k == 0 ? "" : k + 1 == n ? " or " : ", ",
			    kinds[k]);
		rc = se_diag_error(d, &pos, "wrong-kind", "'%s' is a %s, not "
		    "a %s", doc->path, doc->kind, want);
		in->ndropped++;
	}
	return rc;
}

int
se_inputs_check(se_inputs *in, const se_catalogue *cat, se_diag *d)
{
	size_t i, kept = 0;
	int dropped = 0;

	if (!in->formats)
		return 0; /* said already: the formats could not be read */
	for (i = 0; i < in->ndocs; i++) {
		int n = se_check_input(in->formats, cat, NULL, in->docs[i], d);
		if (n < 0)
			return -1;
		if (n > 0) {
			se_doc_free(in->docs[i]);
			dropped++;
		} else {
			in->docs[kept++] = in->docs[i];
		}
	}
	in->ndocs = kept;
	in->ndropped += (size_t)dropped;
	return dropped;
}

/* se_inputs_check_operands() on one file se_walk() gave. */
typedef struct operands {
	const se_formats *f;
	const char *kind;
	se_diag *d, *quiet;
	int errors; /* -1: could not check */
} operands;

static int
check_found(void *ctx, const char *path, bool named)
{
	operands *c = ctx;
	se_doc *doc = NULL;
	int e;

	if (strcmp(path, "-") == 0)
		return 0; /* read once, by the command */
	if (!named && ((!se_ends_with(path, ".yaml") &&
	    !se_ends_with(path, ".yml")) || se_doc_load_found(path, false,
	    c->kind, &doc, c->quiet) < 0 || !doc))
		return 0; /* found: the command's reader skips it, or says */
	e = se_check_input(c->f, NULL, path, doc, c->d);
	se_doc_free(doc);
	c->errors = e < 0 || c->errors < 0 ? -1 : c->errors + e;
	return 0;
}

int
se_inputs_check_operands(const se_formats *f, char *const *ops, size_t n,
    const char *kind, se_diag *d)
{
	operands c = { f, kind, d, NULL, 0 };

	/* An operand that cannot be walked is the command's reader's to say. */
	c.quiet = se_diag_new_child(d);
	if (!c.quiet)
		return se_diag_error(d, &nowhere, "out-of-memory",
		    "out of memory checking the inputs");
	(void)se_inputs_walk(ops, n, check_found, &c, c.quiet);
	se_diag_free(c.quiet);
	return c.errors;
}

const char **
se_inputs_data(const se_inputs *in, const char *const *data, size_t ndata,
    size_t *n)
{
	const char **all = calloc(ndata + in->nextracts + 1, sizeof *all);
	size_t k;

	*n = 0;
	if (!all)
		return NULL;
	for (k = 0; k < ndata; k++)
		all[(*n)++] = data[k];
	for (k = 0; k < in->nextracts; k++)
		all[(*n)++] = in->extracts[k];
	return all;
}

se_store *
se_inputs_store(const se_inputs *in, const char *formats_dir,
    const se_catalogue *cat, const char *const *paths, size_t n,
    const char *neighbours, const se_cli *cli, se_diag *d)
{
	se_store *s = se_store_open(formats_dir, cat, paths, n, cli->where,
	    cli->nwhere, d);
	bool failed = false;
	size_t k;

	if (!s)
		return NULL;
	for (k = 0; k < n; k++)
		if (se_store_read(s, paths[k]) < 0)
			failed = true;
	/* after the reading: standard input's header may have chosen the
	 * national catalogue */
	if (n > 0 && !se_store_catalogue(s))
		se_inputs_no_catalogue("every indicator is shown as context "
		    "only, not rated", d);
	for (k = 0; k < in->nneighbours; k++)
		if (se_store_read_neighbours(s, in->neighbours[k]) < 0)
			failed = true;
	if (neighbours && se_store_read_neighbours(s, neighbours) < 0)
		failed = true;
	if (failed || se_store_finish(s) < 0) {
		se_store_free(s);
		return NULL;
	}
	return s;
}

/* ---- the files of the operands, for a command that reads each itself -- */

struct candidates {
	se_walk_fn fn;
	void *ctx;
};

/* A file found in a directory is a candidate when its name says it is a
 * document or a CSV; a named file always is. */
static int
visit_candidate(void *ctx, const char *path, bool named)
{
	const struct candidates *c = ctx;

	if (!named && se_path_kind_of(path) == SE_PATH_OTHER)
		return 0;
	return c->fn(c->ctx, path, named);
}

size_t
se_inputs_walk(char *const *ops, size_t n, se_walk_fn fn, void *ctx,
    se_diag *d)
{
	struct candidates c = { fn, ctx };
	size_t i, failed = 0;

	for (i = 0; i < n; i++)
		if (se_walk(ops[i], visit_candidate, &c, d) < 0)
			failed++;
	return failed;
}
