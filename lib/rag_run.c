/* rag_run.c: se-rag's run (se-rag(1)): documents rated as they rate
 * themselves (ragdoc.c), or every extract among the operands read into
 * one store (store.c), rated (rate.c) and drawn as the table, the tartan
 * rug or the exception report (ragout.c). */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

/* Warn about --authority names and a --period no extract has. */
static void
check_authorities(const se_rag_job *j, const se_store *s, se_diag *d)
{
	se_pos me = { NULL, 0, 0 }; /* no file: "warning: ..." */
	const char *period = j->rate.period;
	size_t k;

	for (k = 0; k < j->out.nauthorities; k++)
		if (se_store_entity_find(s, j->out.authorities[k]) == SIZE_MAX)
			se_diag_warning(d, &me, "unknown-authority",
			    "authority '%s' is in none of the extracts",
			    j->out.authorities[k]);
	for (k = 0; period && k < se_store_nseries(s); k++)
		if (se_store_period_find(s, k, period) != SIZE_MAX)
			return;
	if (period)
		se_diag_warning(d, &me, "unknown-period", "no indicator has "
		    "values for period '%s'", period);
}

/* Documents: rate what they rate (lib/ragdoc.c). */
static int
run_documents(const se_rag_job *j, char *const *operands, size_t n,
    se_diag *d)
{
	char *dir = se_formats_dir(j->cli->formats_dir, j->argv0);
	se_formats *f = dir ? se_formats_load(dir, d) : NULL;
	se_doc **docs = calloc(n ? n : 1, sizeof *docs);
	size_t i, ndocs = 0;
	se_out *out = NULL;
	int status = SE_EXIT_FAILURE;

	if (!f || !docs)
		goto done;
	for (i = 0; i < n; i++) {
		docs[ndocs] = se_doc_load(operands[i], d);
		if (docs[ndocs])
			ndocs++;
	}
	out = se_out_open(j->cli->output, d);
	if (!out)
		goto done;
	if (se_ragdoc_render(f, docs, ndocs, j->out.format, se_out_file(out),
	    d) < 0) {
		se_out_close(out, false, d);
		goto done;
	}
	if (se_out_close(out, true, d) < 0)
		goto done;
	status = ndocs < n ? SE_EXIT_FAILURE :
	    se_diag_count(d, SE_ERROR) ? SE_EXIT_PROBLEMS : SE_EXIT_OK;
done:
	while (ndocs > 0)
		se_doc_free(docs[--ndocs]);
	free(docs);
	se_formats_free(f);
	free(dir);
	return status;
}

struct drawing {
	const se_rag_job *j;
	const se_store *s;
	se_ragout_opts *o;
};

/* se_draw_fn: text tables too wide for the width are records. */
static int
draw_table(void *ctx, FILE *f, size_t width, bool color)
{
	struct drawing *x = ctx;

	x->o->width = width;
	x->o->color = color;
	return se_ragout_render(x->s, &x->j->rate, x->o, f);
}

/* Draw the store as 'o' asks on -o's file or standard output.  0, or -1
 * (said in 'd'). */
static int
draw(const se_rag_job *j, const se_store *s, se_ragout_opts *o, se_diag *d)
{
	struct drawing x = { j, s, o };

	return se_out_draw(j->cli->output, j->cli->color,
	    o->format == SE_RAGOUT_TEXT, "out of memory", draw_table, &x, d);
}

/* Extracts: every one the operands hold (se(7): a named file is read as
 * an extract; in a directory the CSVs whose header is an extract's), the
 * neighbours files among them and --neighbours, rated with -i or the
 * catalogue found among them. */
static int
run_extracts(const se_rag_job *j, char *const *operands, size_t n,
    se_diag *d)
{
	se_ragout_opts o = j->out;
	se_inputs in;
	se_catalogue *cat = NULL;
	se_store *s = NULL;
	se_comments *cm = NULL;
	se_formats *f = NULL;
	se_diag *quiet = se_diag_new();
	char *dir = NULL;
	se_pos me = { NULL, 0, 0 }; /* no file: "error: ..." */
	int status = SE_EXIT_FAILURE;
	bool failed;

	se_inputs_init(&in, SE_TAKE_EXTRACTS | SE_TAKE_NEIGHBOURS |
	    SE_TAKE_CATALOGUE, NULL);
	failed = se_inputs_add_all(&in, operands, n, d) < 0;
	if (in.nextracts == 0 && !failed) {
		se_diag_error(d, &me, "no-extract", "no extract among the "
		    "inputs: name CSV extracts or directories holding them");
		goto out;
	}
	dir = se_formats_dir(j->cli->formats_dir, j->argv0);
	cat = se_inputs_catalogue(&in, j->catalogue, d);
	if (j->catalogue && !cat)
		goto out;
	s = se_inputs_store(&in, dir, cat, (const char *const *)in.extracts,
	    in.nextracts, j->neighbours, j->cli, d);
	if (!s || failed)
		goto out;
	check_authorities(j, s, d);
	if (j->comments) {
		cm = se_comments_read(j->comments, d);
		if (!cm)
			goto out;
		se_comments_check(cm, s, d);
	}
	/* Area titles for the rug's headings: from the formats when they
	 * can be read (the rug is drawn from ids otherwise). */
	f = dir && quiet ? se_formats_load(dir, quiet) : NULL;
	o.formats = f;
	o.comments = cm;
	if (draw(j, s, &o, d) < 0)
		goto out;
	status = se_diag_count(d, SE_ERROR) ? SE_EXIT_PROBLEMS : SE_EXIT_OK;
out:
	se_comments_free(cm);
	se_formats_free(f);
	se_diag_free(quiet);
	free(dir);
	se_store_free(s);
	se_catalogue_free(cat);
	se_inputs_release(&in);
	return status;
}

void
se_rag_job_init(se_rag_job *j, const se_cli *cli, const char *argv0)
{
	memset(j, 0, sizeof *j);
	j->cli = cli;
	j->argv0 = argv0;
	j->rate.compare = -1; /* each indicator's own */
	j->out.format = SE_RAGOUT_TEXT;
}

int
se_rag_job_run(const se_rag_job *j, char *const *operands, size_t n,
    se_diag *d)
{
	if (n > 0 && se_path_kind_of(operands[0]) == SE_PATH_DOCUMENT)
		return run_documents(j, operands, n, d);
	return run_extracts(j, operands, n, d);
}
