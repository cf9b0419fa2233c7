/*
 * programme_draft.c: se-plan --draft-programme: a programme drafted from
 * a list of authorities that keeps the regional programme's rules
 * (se-formats(5), programme; se-plan(1)).
 */
#include "programme_internal.h"

#include <stdlib.h>
#include <string.h>

/* A drafted programme: reviews at fixed quarters with lead and QA by
 * rotation; visits found by a backtracking search over (first slot, gap)
 * per authority, then the visiting authority per visit. */
typedef struct drafter {
	size_t n;          /* authorities */
	const char **name, **dcs, **sgl;
	int cstart, cend;  /* months */
	size_t nq, ns;     /* quarters and two-month slots in the cycle */
	long visits;       /* visits per authority */
	size_t dmin, dmax, dpref; /* gaps between visits, in slots */
	size_t cap;        /* visits a slot takes at most */
	size_t *rq;        /* review quarter of host k (quarter index) */
	size_t *slot;      /* n * visits: slot of visit j of authority a */
	size_t *visitor;   /* n * visits: the visiting authority */
	size_t *load;      /* visits in each slot */
	size_t *led;       /* visits each authority leads */
	unsigned char *busy; /* n * ns: hosting or leading a visit */
	unsigned long steps, budget;
	bool gave_up;
	se_pos at;         /* the authorities file, for messages */
	size_t (*cand)[2]; /* each authority's choices, ncand_max apart */
	size_t *ncand, ncand_max;
	bool done;         /* a programme was found */
} drafter;


/* The quarters (indices) authority 'a' has a review role in. */
static bool
review_role_in(const drafter *r, size_t a, size_t q)
{
	size_t n = r->n;

	return r->rq[a] == q || r->rq[(a + n - 1) % n] == q ||
	    r->rq[(a + n - 2) % n] == q;
}

/* Whether a's visits at r->slot[a * V ..] can each have a quarter of
 * their own, free of a's review roles (one-event-per-slot). */
static bool
visits_fit_quarters(const drafter *r, size_t a)
{
	size_t V = (size_t)r->visits, mask, j, k;

	for (mask = 0; mask < ((size_t)1 << V); mask++) {
		size_t q[16];
		bool ok = true;
		for (j = 0; j < V && ok; j++) {
			size_t m = r->slot[a * V + j] * 2 + ((mask >> j) & 1);
			q[j] = m / 3;
			if (review_role_in(r, a, q[j]))
				ok = false;
			for (k = 0; k < j && ok; k++)
				if (q[k] == q[j])
					ok = false;
		}
		if (ok)
			return true;
	}
	return false;
}

static bool draft_visitors(drafter *r, size_t a, size_t j);

/* The (first slot, gap) choices of authority 'a', best first: nearest
 * its spread-out first slot and the preferred gap; ties by slot then gap,
 * so the order is fixed.  Returns how many. */
static size_t
draft_choices(const drafter *r, size_t a, size_t (*cand)[2])
{
	size_t V = (size_t)r->visits, nc = 0, i, j, s, d;
	size_t span = r->ns - (V - 1) * r->dpref, pref = a * span / r->n;

	for (d = r->dmin; d <= r->dmax; d++) {
		for (s = 0; s + (V - 1) * d < r->ns; s++) {
			cand[nc][0] = s;
			cand[nc][1] = d;
			nc++;
		}
		if (V == 1)
			break;
	}
	for (i = 1; i < nc; i++) {
		size_t c0 = cand[i][0], c1 = cand[i][1];
		size_t key = (c0 > pref ? c0 - pref : pref - c0) * 64 +
		    (c1 > r->dpref ? c1 - r->dpref : r->dpref - c1);
		for (j = i; j > 0; j--) {
			size_t p0 = cand[j - 1][0], p1 = cand[j - 1][1];
			size_t pk = (p0 > pref ? p0 - pref : pref - p0) * 64 +
			    (p1 > r->dpref ? p1 - r->dpref : r->dpref - p1);
			if (pk < key || (pk == key && (p0 < c0 ||
			    (p0 == c0 && p1 < c1))))
				break;
			cand[j][0] = p0, cand[j][1] = p1;
		}
		cand[j][0] = c0, cand[j][1] = c1;
	}
	return nc;
}

static bool
draft_from(drafter *r, size_t a)
{
	size_t V = (size_t)r->visits, i, j, s;
	const size_t (*cand)[2];
	bool found = false;

	if (a == r->n) {
		r->done = true;
		return true;
	}
	if (++r->steps > r->budget) {
		r->gave_up = true;
		return false;
	}
	cand = (const size_t (*)[2])r->cand + a * r->ncand_max;
	for (i = 0; i < r->ncand[a] && !found && !r->gave_up; i++) {
		bool ok = true;
		for (j = 0; j < V; j++) {
			s = cand[i][0] + j * cand[i][1];
			if (r->load[s] >= r->cap || r->busy[a * r->ns + s])
				ok = false;
			r->slot[a * V + j] = s;
		}
		if (!ok || !visits_fit_quarters(r, a))
			continue;
		for (j = 0; j < V; j++) {
			r->load[r->slot[a * V + j]]++;
			r->busy[a * r->ns + r->slot[a * V + j]] = 1;
		}
		found = draft_visitors(r, a, 0);
		if (!found)
			for (j = 0; j < V; j++) {
				r->load[r->slot[a * V + j]]--;
				r->busy[a * r->ns + r->slot[a * V + j]] = 0;
			}
	}
	return found;
}

/* The visiting authority of a's visit j, in rotation, then the next
 * authority. */
static bool
draft_visitors(drafter *r, size_t a, size_t j)
{
	size_t V = (size_t)r->visits, off, v, s;

	if (j == V)
		return draft_from(r, a + 1);
	s = r->slot[a * V + j];
	for (off = 0; off + 1 < r->n; off++) {
		v = (a + 1 + (j + off) % (r->n - 1)) % r->n;
		if (r->led[v] >= (size_t)r->visits || r->busy[v * r->ns + s])
			continue;
		r->led[v]++;
		r->busy[v * r->ns + s] = 1;
		r->visitor[a * V + j] = v;
		if (draft_visitors(r, a, j + 1))
			return true;
		r->led[v]--;
		r->busy[v * r->ns + s] = 0;
		if (r->gave_up)
			return false;
	}
	return false;
}

/* A YAML scalar: plain when that reads back as the same string, else
 * double-quoted (a JSON string is a YAML double-quoted scalar). */
void
se_prog_yaml_put(FILE *f, const char *s)
{
	static const char *const words[] = { "y", "n", "yes", "no", "true",
		"false", "on", "off", "null", "~" };
	const char *c;
	size_t i;
	bool plain = *s && ((*s >= 'A' && *s <= 'Z') || (*s >= 'a' &&
	    *s <= 'z')) && s[strlen(s) - 1] != ' ';

	for (c = s; plain && *c; c++)
		if (!((*c >= 'A' && *c <= 'Z') || (*c >= 'a' && *c <= 'z') ||
		    (*c >= '0' && *c <= '9') || strchr(" -.'()/&", *c)) ||
		    (*c == ' ' && c[1] == ' '))
			plain = false;
	for (i = 0; plain && i < sizeof words / sizeof words[0]; i++)
		if (se_strcasecmp(s, words[i]) == 0)
			plain = false;
	if (plain)
		fputs(s, f);
	else
		se_json_put(f, s);
}

static void
draft_write(const drafter *r, const char *region, const char *cycle,
    FILE *f)
{
	size_t V = (size_t)r->visits, a, j, k, q, s;
	char buf[40];

	fprintf(f, "# A draft programme written by se-plan --draft-programme:"
	    "\n# reviews one a quarter, lead and QA DCS by rotation, "
	    "safeguarding\n# assurance visits across two-month slots.  "
	    "Review teams are formed\n# once the hypotheses are agreed "
	    "(East Midlands sector-led improvement handbook, A1).\n");
	fputs("kind: programme\nframework: em-2012\n", f);
	if (region) {
		fputs("region: ", f);
		se_prog_yaml_put(f, region);
		fputc('\n', f);
	}
	fputs("cycle: ", f);
	se_prog_yaml_put(f, cycle);
	fputc('\n', f);
	fputs("authorities:\n", f);
	for (a = 0; a < r->n; a++) {
		fputs("  - name: ", f);
		se_prog_yaml_put(f, r->name[a]);
		if (r->dcs[a]) {
			fputs("\n    dcs: ", f);
			se_prog_yaml_put(f, r->dcs[a]);
		}
		if (r->sgl[a]) {
			fputs("\n    safeguarding_lead: ", f);
			se_prog_yaml_put(f, r->sgl[a]);
		}
		fputc('\n', f);
	}
	fputs("reviews:\n", f);
	for (q = 0; q < r->nq; q++)
		for (a = 0; a < r->n; a++) {
			if (r->rq[a] != q)
				continue;
			se_prog_range_label(r->cstart + (int)q * 3, r->cstart +
			    (int)q * 3 + 2, buf, sizeof buf);
			fputs("  - host: ", f);
			se_prog_yaml_put(f, r->name[a]);
			fprintf(f, "\n    quarter: %s\n    lead: ", buf);
			se_prog_yaml_put(f, r->name[(a + 1) % r->n]);
			fputs("\n    qa: ", f);
			se_prog_yaml_put(f, r->name[(a + 2) % r->n]);
			fputc('\n', f);
		}
	fputs("visits:\n", f);
	for (s = 0; s < r->ns; s++)
		for (a = 0; a < r->n; a++)
			for (j = 0; j < V; j++) {
				if (r->slot[a * V + j] != s)
					continue;
				k = r->visitor[a * V + j];
				se_prog_range_label(r->cstart + (int)s * 2,
				    r->cstart + (int)s * 2 + 1, buf, sizeof buf);
				fputs("  - host: ", f);
				se_prog_yaml_put(f, r->name[a]);
				fprintf(f, "\n    slot: %s\n    lead: ", buf);
				se_prog_yaml_put(f, r->name[k]);
				fputc('\n', f);
			}
}

static int
draft_authorities(drafter *r, const se_doc *doc, se_arena *ar, se_diag *d)
{
	const se_node *meta = doc ? doc->meta : NULL;
	const se_node *list = meta && meta->kind == SE_NODE_LIST ? meta :
	    se_node_get(meta, "authorities");
	size_t i, j;

	if (!list || list->kind != SE_NODE_LIST || list->n == 0)
		return se_diag_error(d, meta ? &meta->pos : NULL,
		    "programme-draft", "'%s' lists no authorities: give "
		    "'authorities:' a list of names or {name, dcs, "
		    "safeguarding_lead}", doc ? doc->path : "");
	r->name = se_arena_alloc(ar, list->n * sizeof *r->name);
	r->dcs = se_arena_alloc(ar, list->n * sizeof *r->dcs);
	r->sgl = se_arena_alloc(ar, list->n * sizeof *r->sgl);
	if (!r->name || !r->dcs || !r->sgl)
		return se_diag_error(d, NULL, "out-of-memory", "out of memory");
	for (i = 0; i < list->n; i++) {
		const se_node *it = list->items[i];
		const char *nm = it->kind == SE_NODE_SCALAR ? it->text :
		    se_prog_get_str(it, "name");
		if (!nm || !*nm)
			return se_diag_error(d, &it->pos, "programme-draft",
			    "each authority needs a 'name'");
		for (j = 0; j < r->n; j++)
			if (se_same_name(r->name[j], nm))
				return se_diag_error(d, &it->pos,
				    "programme-draft", "'%s' is listed twice "
				    "among the authorities", nm);
		r->name[r->n] = nm;
		r->dcs[r->n] = it->kind == SE_NODE_MAP ? se_prog_get_str(it, "dcs") :
		    NULL;
		r->sgl[r->n] = it->kind == SE_NODE_MAP ?
		    se_prog_get_str(it, "safeguarding_lead") : NULL;
		r->n++;
	}
	return 0;
}

/* Refuse what no programme can satisfy, saying why. */
static int
draft_possible(drafter *r, const char *cycle, se_diag *d)
{
	size_t V = (size_t)r->visits;

	if (r->n < 3)
		return se_diag_error(d, &r->at, "programme-draft", "%zu "
		    "authorit%s cannot make a programme: each team review "
		    "needs a host, a lead DCS and a QA DCS from three "
		    "different authorities, so at least 3", r->n,
		    r->n == 1 ? "y" : "ies");
	if (r->n > r->nq)
		return se_diag_error(d, &r->at, "programme-draft", "%zu "
		    "authorities need %zu quarters for their team reviews, "
		    "one a quarter, but the cycle %s has %zu", r->n, r->n,
		    cycle, r->nq);
	if (r->dmin > r->dmax)
		return se_diag_error(d, &r->at, "programme-draft", "visits "
		    "spaced %zu to %zu two-month slots apart cannot be "
		    "drafted", r->dmin, r->dmax);
	if (V > 8 || (V - 1) * r->dmin >= r->ns)
		return se_diag_error(d, &r->at, "programme-draft", "%zu visits "
		    "to each authority, at least %zu months apart, do not "
		    "fit in the cycle %s (%zu months)", V, r->dmin * 2,
		    cycle, r->ns * 2);
	return 0;
}

int
se_programme_draft(const se_doc *authorities, const char *cycle,
    const se_node *format, FILE *out, se_diag *d)
{
	drafter r;
	se_arena *ar = se_arena_new(0);
	params par;
	int errors;
	long y0, y1;
	size_t V, k, total;
	int rc = 1;

	memset(&r, 0, sizeof r);
	if (!ar)
		return se_diag_error(d, NULL, "out-of-memory", "out of memory");
	errors = se_prog_params_read(&par, format, d);
	if (!cycle || !se_prog_cycle_years(cycle, &y0, &y1)) {
		se_diag_error(d, NULL, "programme-draft", "cycle '%s' is not "
		    "years 'Y1-Y2' (e.g. 2012-2014)", cycle ? cycle : "");
		goto out;
	}
	r.at.file = authorities ? authorities->path : NULL;
	if (errors || draft_authorities(&r, authorities, ar, d) < 0)
		goto out;
	r.cstart = se_prog_month(y0, 1), r.cend = se_prog_month(y1, 12);
	r.nq = (size_t)(r.cend - r.cstart + 1) / 3;
	r.ns = (size_t)(r.cend - r.cstart + 1) / 2;
	r.visits = par.on[R_NEXT_CYCLE] ? par.visits : 2;
	V = (size_t)r.visits;
	r.dmin = par.on[R_SPACING] ? (size_t)(par.min + 1) / 2 : 1;
	r.dmax = par.on[R_SPACING] ? (size_t)par.max / 2 : r.ns;
	if (r.dmin == 0)
		r.dmin = 1;
	if (draft_possible(&r, cycle, d) < 0)
		goto out;
	r.dpref = V > 1 ? (r.ns - 1) / (V - 1) : r.dmin;
	if (r.dpref > r.dmax)
		r.dpref = r.dmax;
	if (r.dpref < r.dmin)
		r.dpref = r.dmin;
	total = r.n * V;
	r.cap = (total + r.ns - 1) / r.ns;
	r.budget = 50000;
	r.rq = se_arena_alloc(ar, r.n * sizeof *r.rq);
	r.slot = se_arena_alloc(ar, total * sizeof *r.slot);
	r.visitor = se_arena_alloc(ar, total * sizeof *r.visitor);
	r.load = se_arena_alloc(ar, r.ns * sizeof *r.load);
	r.led = se_arena_alloc(ar, r.n * sizeof *r.led);
	r.busy = se_arena_alloc(ar, r.n * r.ns);
	r.ncand_max = r.ns * (r.dmax - r.dmin + 1);
	r.cand = se_arena_alloc(ar, r.n * r.ncand_max * sizeof *r.cand);
	r.ncand = se_arena_alloc(ar, r.n * sizeof *r.ncand);
	if (!r.rq || !r.slot || !r.visitor || !r.load || !r.led || !r.busy ||
	    !r.cand || !r.ncand) {
		rc = se_diag_error(d, NULL, "out-of-memory", "out of memory");
		goto out;
	}
	/* Reviews spread over the cycle, one a quarter, in the order the
	 * authorities are listed. */
	for (k = 0; k < r.n; k++) {
		r.rq[k] = k * r.nq / r.n;
		r.ncand[k] = draft_choices(&r, k, r.cand + k * r.ncand_max);
	}
	/* One visit a slot where the slots allow (as the handbook's calendar),
	 * else two, and so on: the spread is a preference, not a rule. */
	for (;;) {
		bool ok;
		memset(r.load, 0, r.ns * sizeof *r.load);
		memset(r.led, 0, r.n * sizeof *r.led);
		memset(r.busy, 0, r.n * r.ns);
		r.steps = 0, r.gave_up = false;
		ok = draft_from(&r, 0);
		if (ok || r.cap >= r.n)
			break;
		r.cap++;
	}
	if (!r.done) {
		se_diag_error(d, &r.at, "programme-draft", r.gave_up ?
		    "no programme found for %zu authorities in the cycle %s "
		    "within the search limit" : "no programme for %zu "
		    "authorities in the cycle %s can keep every rule: "
		    "visits %zu to %zu months apart, one event a quarter",
		    r.n, cycle, r.dmin * 2, r.dmax * 2);
		goto out;
	}
	draft_write(&r, authorities->meta && authorities->meta->kind ==
	    SE_NODE_MAP ? se_prog_get_str(authorities->meta, "region") : NULL,
	    cycle, out);
	/* A failed write: the stream's owner says why (se_out_close). */
	rc = ferror(out) ? -1 : 0;
out:
	se_arena_free(ar);
	return rc;
}

int
se_programme_draft_file(const char *authorities, const char *cycle,
    FILE *out, se_diag *d)
{
	se_doc *doc = se_doc_load(authorities, d);
	int rc;

	if (!doc)
		return -1;
	rc = se_programme_draft(doc, cycle, NULL, out, d);
	se_doc_free(doc);
	return rc;
}
