/* hypo_run.c: se-hypothesise from its operands to its workbook
 * (se-hypothesise(1)): the self-assessment and the self-evaluations
 * among the operands, the data among them and in --data read into the
 * host's profile, the hypotheses proposed (lib/hypo.c) and written
 * (lib/hypoout.c). */
#include "internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Of no file: "warning: ...". */
static const se_pos me = { NULL, 0, 0 };

static const char *const kinds[] = { "self-assessment", "self-evaluation" };

/* What one run holds, freed at its end. */
struct run {
	const se_hypothesise_opts *o;
	char *dir;
	se_formats *fm;
	se_inputs ins;
	se_catalogue *cat;
	const char **paths; /* --data, then the extracts among the operands */
	size_t npaths;
	se_store *s;
	se_profile *p;
	const char *who;    /* the self-assessment's authority, or "" */
	bool extracts;      /* an extract was read */
	bool bad;           /* an input could not be read */
};

/* One data file, by what it holds: ratings into the profile, neighbours
 * and extracts into the store. */
static void
read_one(struct run *r, se_csv_kind k, const char *path, se_diag *d)
{
	int rc = -1; /* none of them: said why */

	if (k == SE_CSV_RATINGS) {
		rc = se_profile_read_ratings(r->p, path, r->who, d);
	} else if (k == SE_CSV_NEIGHBOURS) {
		rc = se_store_read_neighbours(r->s, path);
	} else if (k == SE_CSV_EXTRACT) {
		rc = se_store_read(r->s, path);
		r->extracts = true;
	}
	if (rc < 0)
		r->bad = true;
}

/* Each --data file by what its header says (se-formats(5), CSV), then
 * the data among the operands, by role. */
static void
read_all(struct run *r, se_diag *d)
{
	const se_inputs *in = &r->ins;
	size_t k;

	for (k = 0; k < r->o->ndata; k++) {
		const char *path = r->o->data[k];
		read_one(r, strcmp(path, "-") == 0 ? SE_CSV_EXTRACT :
		    se_csv_sniff_file(path, d), path, d);
	}
	for (k = 0; k < in->nratings; k++)
		read_one(r, SE_CSV_RATINGS, in->ratings[k], d);
	for (k = 0; k < in->nneighbours; k++)
		read_one(r, SE_CSV_NEIGHBOURS, in->neighbours[k], d);
	for (k = 0; k < in->nextracts; k++)
		read_one(r, SE_CSV_EXTRACT, in->extracts[k], d);
}

/* The data read into the store and rated for the self-assessment's
 * authority into the profile.  Without the self-assessment ('sa' NULL)
 * the data is still read, for its problems to be said, and -1 returned.
 * -1 too when the store cannot be finished or memory runs out. */
static int
load_data(struct run *r, const se_doc *sa, se_diag *d)
{
	const char *who = sa ? se_node_str(se_node_get(sa->meta,
	    "authority")) : NULL;
	bool data = r->o->ndata || r->ins.nextracts || r->ins.nratings;

	r->paths = se_inputs_data(&r->ins, r->o->data, r->o->ndata,
	    &r->npaths);
	if (!r->paths)
		return -1;
	r->s = se_store_open(r->dir, r->cat, r->paths, r->npaths,
	    r->o->cli->where, r->o->cli->nwhere, d);
	r->p = r->s ? se_profile_new(se_store_catalogue(r->s)) : NULL;
	if (!r->s || !r->p)
		return -1;
	if (sa && data && !se_store_catalogue(r->s))
		se_inputs_no_catalogue("indicators cannot be rated or linked "
		    "to areas, so only key lines of enquiry are proposed", d);
	if (sa && data && !who)
		se_diag_warning(d, &me, "no-authority", "'%s' names no "
		    "authority: the data cannot be joined to it", sa->path);
	r->who = who ? who : "";
	read_all(r, d);
	if (!sa || se_store_finish(r->s) < 0)
		return -1;
	if (r->extracts && who && se_store_entity_find(r->s, who) == SIZE_MAX)
		se_diag_warning(d, &me, "unknown-authority", "authority '%s' "
		    "is in none of the extracts", who);
	if (who && se_profile_add_store(r->p, r->s, NULL, who) < 0)
		return -1;
	return 0;
}

static int
write_out(const se_hypothesise_opts *o, const se_hypos *h, se_diag *d)
{
	se_out *out = se_out_open(o->cli->output, d);

	if (!out)
		return -1;
	if (se_hypoout_render(h, &o->out, se_out_file(out)) < 0) {
		se_out_close(out, false, d);
		return -1;
	}
	return se_out_close(out, true, d);
}

/* The hypotheses on the self-assessment 'sa', the self-evaluations
 * among the inputs and the profile, written.  0, or -1. */
static int
propose(struct run *r, const se_doc *sa, se_diag *d)
{
	const se_doc **sev = calloc(r->ins.ndocs + 1, sizeof *sev);
	se_hypos *h = NULL;
	se_hypo_input in;
	size_t k;
	int rc = -1;

	if (!sev)
		goto out;
	memset(&in, 0, sizeof in);
	for (k = 0; k < r->ins.ndocs; k++)
		if (strcmp(r->ins.docs[k]->kind, "self-evaluation") == 0)
			sev[in.nsev++] = r->ins.docs[k];
	in.sa = sa;
	in.sev = (const se_doc *const *)sev;
	in.cat = se_store_catalogue(r->s); /* -i, or the national one */
	in.profile = r->p;
	in.formats = r->fm;
	h = se_hypos_propose(&in, r->o->investigate);
	if (!h) {
		se_diag_error(d, &me, "out-of-memory", "out of memory");
		goto out;
	}
	if (se_hypos_len(h) == 0)
		se_diag_warning(d, &me, "no-hypotheses", "nothing to propose: "
		    "the self-assessment names no key line of enquiry and the "
		    "data shows no gap, blind spot or contradicted claim");
	rc = write_out(r->o, h, d);
out:
	se_hypos_free(h);
	free(sev);
	return rc;
}

int
se_hypothesise_run(const se_hypothesise_opts *o, char *const *operands,
    size_t n, se_diag *d)
{
	struct run r;
	const se_doc *sa;
	int status = SE_EXIT_FAILURE, invalid;

	memset(&r, 0, sizeof r);
	r.o = o;
	r.dir = se_formats_dir(o->cli->formats_dir, o->argv0);
	if (r.dir)
		r.fm = se_formats_load(r.dir, d);
	se_inputs_init(&r.ins, SE_TAKE_DOCS | SE_TAKE_EXTRACTS |
	    SE_TAKE_NEIGHBOURS | SE_TAKE_RATINGS | SE_TAKE_CATALOGUE, r.fm);
	if (se_inputs_add_all(&r.ins, operands, n, d) < 0 ||
	    se_inputs_only(&r.ins, kinds, 2, d) < 0 || r.ins.ndropped)
		r.bad = true;
	r.cat = se_inputs_catalogue(&r.ins, o->catalogue, d);
	if (o->catalogue && !r.cat)
		goto out;
	sa = se_inputs_one(&r.ins, "self-assessment", d);
	/* Nothing is built on a document with errors (unless --no-check);
	 * 'sa' is not used after it is left out. */
	invalid = !sa || o->no_check ? 0 : se_inputs_check(&r.ins, r.cat, d);
	if (invalid != 0) {
		status = invalid < 0 ? SE_EXIT_FAILURE : SE_EXIT_PROBLEMS;
		goto out;
	}
	if (load_data(&r, sa, d) < 0 || propose(&r, sa, d) < 0)
		goto out;
	status = r.bad ? SE_EXIT_FAILURE : se_diag_count(d, SE_ERROR) ?
	    SE_EXIT_PROBLEMS : SE_EXIT_OK;
out:
	se_profile_free(r.p);
	se_store_free(r.s);
	free(r.paths);
	se_inputs_release(&r.ins);
	se_catalogue_free(r.cat);
	se_formats_free(r.fm);
	free(r.dir);
	return status;
}
