/*
 * programme_rules.c: the regional programme's rules (se-formats(5),
 * programme; the rule ids are listed in se-validate(1)), checked on the
 * model programme.c loads: the sector-led improvement handbook's (2012)
 * calendar and Memorandum of Understanding.
 */
#include "programme_internal.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

static void
label_of(const pevent *e, char *buf, size_t n)
{
	se_prog_range_label(e->m0, e->m1, buf, n);
}

/* Each authority hosts exactly one team review in the cycle. */
static void
check_host_one(const se_programme *p, se_diag *d)
{
	size_t a, i, first;
	char buf[40];

	for (a = 0; a < p->nauth; a++) {
		first = NONE;
		for (i = 0; i < p->nev; i++) {
			const pevent *e = &p->ev[i];
			if (e->type != EV_REVIEW || e->host != a)
				continue;
			if (first == NONE) {
				first = i;
				continue;
			}
			if (p->ev[first].ok)
				label_of(&p->ev[first], buf, sizeof buf);
			else
				snprintf(buf, sizeof buf, "at line %u",
				    p->ev[first].node->pos.line);
			se_diag_error(d, se_prog_pos(e->host_node),
			    "host-one-review", "'%s' hosts a second team "
			    "review in the cycle (the first %s%s): each "
			    "authority hosts exactly one", p->auth[a].name,
			    p->ev[first].ok ? "is in " : "is ", buf);
		}
		if (first == NONE)
			se_diag_error(d, se_prog_pos(p->auth[a].node),
			    "host-one-review", "'%s' hosts no team review in "
			    "the cycle %s: each authority hosts exactly one",
			    p->auth[a].name, p->cycle_name ? p->cycle_name :
			    "");
	}
}

/* Each DCS leads (or quality-assures) exactly one other authority's
 * team review (the handbook, "Within the three year cycle, each DCS will"). */
static void
check_role_once(const se_programme *p, bool qa, se_diag *d)
{
	const char *rule = qa ? "dcs-qa-one" : "dcs-leads-one";
	const char *verb = qa ? "quality-assures" : "leads";
	size_t a, i, first;

	for (a = 0; a < p->nauth; a++) {
		first = NONE;
		for (i = 0; i < p->nev; i++) {
			const pevent *e = &p->ev[i];
			if (e->type != EV_REVIEW || (qa ? e->qa : e->lead) != a)
				continue;
			if (first == NONE) {
				first = i;
				continue;
			}
			se_diag_error(d, se_prog_pos(qa ? e->qa_node : e->lead_node),
			    rule, "the DCS of '%s' %s a second team review "
			    "('%s', after '%s'): each DCS %s exactly one",
			    p->auth[a].name, verb, se_prog_aname(p, e->host), se_prog_aname(p,
			    p->ev[first].host), verb);
		}
		if (first == NONE)
			se_diag_error(d, se_prog_pos(p->auth[a].node), rule,
			    "the DCS of '%s' %s no team review: each DCS %s "
			    "exactly one other authority's review",
			    p->auth[a].name, verb, verb);
	}
}

/* Nobody reviews, leads, quality-assures or visits their own
 * authority. */
static void
check_own(const se_programme *p, se_diag *d)
{
	size_t i, j;

	for (i = 0; i < p->nev; i++) {
		const pevent *e = &p->ev[i];
		if (e->host == NONE)
			continue;
		if (e->lead == e->host)
			se_diag_error(d, se_prog_pos(e->lead_node),
			    "not-own-authority", e->type == EV_REVIEW ?
			    "'%s' cannot lead the team review of its own "
			    "authority" : "'%s' cannot lead the safeguarding "
			    "assurance visit to its own authority",
			    se_prog_aname(p, e->host));
		if (e->qa == e->host)
			se_diag_error(d, se_prog_pos(e->qa_node),
			    "not-own-authority", "'%s' cannot quality-assure "
			    "the team review of its own authority",
			    se_prog_aname(p, e->host));
		for (j = 0; j < e->nteam; j++)
			if (e->team[j].authority && se_same_name(e->team[j].authority,
			    se_prog_aname(p, e->host)))
				se_diag_error(d, se_prog_pos(e->team[j].node),
				    "not-own-authority", "team member '%s' is "
				    "from '%s', the authority under review",
				    e->team[j].name, se_prog_aname(p, e->host));
	}
}

/* Nobody holds two roles in one review. */
static void
check_one_role(const se_programme *p, se_diag *d)
{
	size_t i, j, k;

	for (i = 0; i < p->nev; i++) {
		const pevent *e = &p->ev[i];
		const char *ldcs = e->lead != NONE ? p->auth[e->lead].dcs : NULL;
		const char *qdcs = e->qa != NONE ? p->auth[e->qa].dcs : NULL;
		if (e->type == EV_REVIEW && e->lead != NONE && e->lead == e->qa)
			se_diag_error(d, se_prog_pos(e->qa_node),
			    "one-role-per-review", "the DCS of '%s' is both "
			    "lead DCS and QA DCS of the team review of '%s': "
			    "one role each", se_prog_aname(p, e->lead),
			    se_prog_aname(p, e->host));
		for (j = 0; j < e->nteam; j++) {
			const pmember *m = &e->team[j];
			for (k = 0; k < j; k++)
				if (se_same_name(e->team[k].name, m->name))
					break;
			if (k < j)
				se_diag_error(d, se_prog_pos(m->node),
				    "one-role-per-review", "'%s' is in the "
				    "team of '%s' twice: one role each",
				    m->name, se_prog_aname(p, e->host));
			else if ((ldcs && se_same_name(ldcs, m->name)) ||
			    (qdcs && se_same_name(qdcs, m->name)))
				se_diag_error(d, se_prog_pos(m->node),
				    "one-role-per-review", "'%s' is a team "
				    "member and the %s DCS of the review of "
				    "'%s': one role each", m->name, ldcs &&
				    se_same_name(ldcs, m->name) ? "lead" : "QA",
				    se_prog_aname(p, e->host));
		}
	}
}

/* The visits to one authority, in order: indices into p->ev. */
static size_t
visits_of(const se_programme *p, size_t a, size_t *out)
{
	size_t i, j, n = 0;

	for (i = 0; i < p->nev; i++) {
		if (p->ev[i].type != EV_VISIT || p->ev[i].host != a ||
		    !p->ev[i].ok)
			continue;
		for (j = n; j > 0 && p->ev[out[j - 1]].m0 > p->ev[i].m0; j--)
			out[j] = out[j - 1];
		out[j] = i;
		n++;
	}
	return n;
}

static int
visit_month(const pevent *e)
{
	return e->has_dates ? se_prog_day_month(e->start) : e->m0;
}

static void
check_spacing(const se_programme *p, size_t *buf, se_diag *d)
{
	size_t a, i, n;
	char b0[40], b1[40];

	for (a = 0; a < p->nauth; a++) {
		n = visits_of(p, a, buf);
		for (i = 1; i < n; i++) {
			const pevent *x = &p->ev[buf[i - 1]], *y = &p->ev[buf[i]];
			long gap = visit_month(y) - visit_month(x);
			if (gap >= p->par.min && gap <= p->par.max)
				continue;
			label_of(x, b0, sizeof b0);
			label_of(y, b1, sizeof b1);
			se_diag_error(d, se_prog_pos(y->when_node), "visit-spacing",
			    "visits to '%s' in %s and %s are %ld months "
			    "apart: consecutive safeguarding assurance visits "
			    "must be %ld to %ld months apart", p->auth[a].name,
			    b0, b1, gap, p->par.min, p->par.max);
		}
	}
}

/* The handbook's asterisk: an authority with fewer visits in the cycle than
 * the format says is marked, its next visit falling in the next cycle. */
static void
check_next_cycle(const se_programme *p, size_t *buf, se_diag *d)
{
	size_t a, n;

	for (a = 0; a < p->nauth; a++) {
		const pauth *au = &p->auth[a];
		n = visits_of(p, a, buf);
		if (n == 0)
			se_diag_error(d, se_prog_pos(au->node), "visit-next-cycle",
			    "'%s' has no safeguarding assurance visit in the "
			    "cycle: each authority has at least one",
			    au->name);
		else if ((long)n < p->par.visits && !au->next_cycle)
			se_diag_error(d, se_prog_pos(au->node), "visit-next-cycle",
			    "'%s' has %zu safeguarding assurance visit%s in "
			    "the cycle, not %ld: mark it 'next_visit: "
			    "next-cycle' when its next visit falls in the "
			    "next cycle", au->name, n, n == 1 ? "" : "s",
			    p->par.visits);
		else if ((long)n >= p->par.visits && au->next_cycle)
			se_diag_error(d, se_prog_pos(se_node_get(au->node,
			    "next_visit")), "visit-next-cycle", "'%s' is "
			    "marked 'next_visit: next-cycle' but has its %ld "
			    "visits in the cycle", au->name, p->par.visits);
	}
}

int
se_prog_quarter(int m)
{
	return m - ((m % 3) + 3) % 3;
}

static size_t
collect_inv(const se_programme *p, size_t a, inv *out)
{
	size_t i, n = 0;

	for (i = 0; i < p->nev; i++) {
		const pevent *e = &p->ev[i];
		int q0, q1;
		if (!e->ok)
			continue;
		q0 = se_prog_quarter(e->has_dates ? se_prog_day_month(e->start) : e->m0);
		q1 = e->type == EV_VISIT && !e->has_dates ? se_prog_quarter(e->m1) :
		    q0;
		if (e->host == a)
			out[n++] = (inv){ i, e->type == EV_REVIEW ? INV_HOST :
			    INV_SAV, q0, q1, -1 };
		/* Two roles in one review are reported once, by
		 * not-own-authority or one-role-per-review. */
		if (e->type == EV_REVIEW && e->lead == a && e->host != a)
			out[n++] = (inv){ i, INV_LEAD, q0, q0, -1 };
		if (e->type == EV_REVIEW && e->qa == a && e->lead != a &&
		    e->host != a)
			out[n++] = (inv){ i, INV_QA, q0, q0, -1 };
	}
	return n;
}

/* What 'v' is, as a grid cell ("LDCS for X") or, with 'verb', as a
 * phrase for a message ("leads the team review of X"). */
const char *
se_prog_inv_text(const se_programme *p, const inv *v, bool verb)
{
	const pevent *e = &p->ev[v->ev];

	switch (v->role) {
	case INV_HOST:
		return verb ? "hosts its team review" : "HOST";
	case INV_LEAD:
		return se_prog_aprintf(p->arena, verb ? "leads the team review of '%s'" :
		    "LDCS for %s", se_prog_aname(p, e->host));
	case INV_QA:
		return se_prog_aprintf(p->arena, verb ? "quality-assures the team "
		    "review of '%s'" : "QA for %s", se_prog_aname(p, e->host));
	default:
		return verb ? "hosts a safeguarding assurance visit" : "SAV";
	}
}

/* Give each event of one authority its own quarter: fixed ones first, in
 * order; a visit whose slot straddles two quarters (Mar-Apr, Sep-Oct)
 * takes whichever is free, as the handbook's third grid does, by augmenting
 * paths (Kuhn).  Events that cannot be placed keep q -1. */
static bool
place(inv *v, size_t n, size_t i, int *owner_q, size_t nq, int qbase,
    bool *seen)
{
	int c;

	for (c = 0; c < 2; c++) {
		int q = c ? v[i].q1 : v[i].q0;
		size_t k = (size_t)(q - qbase) / 3;
		if (c && v[i].q1 == v[i].q0)
			break;
		if (k >= nq || seen[k])
			continue;
		seen[k] = true;
		if (owner_q[k] < 0 || place(v, n, (size_t)owner_q[k], owner_q,
		    nq, qbase, seen)) {
			owner_q[k] = (int)i;
			v[i].q = q;
			return true;
		}
	}
	return false;
}

/* Place the events of 'v'; returns false when out of memory.  Unplaced
 * events keep q == -1. */
static bool
assign_quarters(inv *v, size_t n)
{
	int qmin = INT_MAX, qmax = INT_MIN;
	size_t i, j, nq;
	int *owner;
	bool *seen;

	if (n == 0)
		return true;
	for (i = 0; i < n; i++) {
		if (v[i].q0 < qmin)
			qmin = v[i].q0;
		if (v[i].q1 > qmax)
			qmax = v[i].q1;
	}
	nq = (size_t)(qmax - qmin) / 3 + 1;
	owner = malloc(nq * sizeof *owner);
	seen = malloc(nq);
	if (!owner || !seen) {
		free(owner);
		free(seen);
		return false;
	}
	for (i = 0; i < nq; i++)
		owner[i] = -1;
	/* Fixed events first, then the straddling ones. */
	for (j = 0; j < 2; j++)
		for (i = 0; i < n; i++) {
			if ((v[i].q0 != v[i].q1) != (j == 1))
				continue;
			memset(seen, 0, nq);
			if (j == 0) {
				size_t k = (size_t)(v[i].q0 - qmin) / 3;
				if (owner[k] < 0) {
					owner[k] = (int)i;
					v[i].q = v[i].q0;
				}
				continue;
			}
			(void)place(v, n, i, owner, nq, qmin, seen);
		}
	free(owner);
	free(seen);
	return true;
}

int
se_prog_involvement(const se_programme *p, size_t a, inv *v, size_t *n)
{
	*n = collect_inv(p, a, v);
	return assign_quarters(v, *n) ? 0 : -1;
}

static const se_node *
inv_node(const se_programme *p, const inv *v)
{
	const pevent *e = &p->ev[v->ev];

	switch (v->role) {
	case INV_LEAD:
		return e->lead_node;
	case INV_QA:
		return e->qa_node;
	case INV_SAV:
		return e->when_node;
	default:
		return e->host_node;
	}
}

static int
check_one_event(const se_programme *p, se_diag *d)
{
	size_t a, i, j, n;
	inv *v = malloc((p->nev * 3 + 1) * sizeof *v);
	char b0[64], q[40];

	if (!v)
		return -1;
	for (a = 0; a < p->nauth; a++) {
		if (se_prog_involvement(p, a, v, &n) < 0) {
			free(v);
			return -1;
		}
		for (i = 0; i < n; i++) {
			if (v[i].q >= 0)
				continue;
			/* Name what holds the quarter. */
			for (j = 0; j < n; j++)
				if (j != i && v[j].q == v[i].q0)
					break;
			se_prog_range_label(v[i].q0, v[i].q1 + 2, q, sizeof q);
			se_diag_error(d, se_prog_pos(inv_node(p, &v[i])),
			    "one-event-per-slot", "'%s' %s in %s, when it "
			    "already %s: no authority has two events in one "
			    "quarter", p->auth[a].name, se_prog_inv_text(p, &v[i], true),
			    q, j < n ? se_prog_inv_text(p, &v[j], true) :
			    "has other events");
		}
	}
	free(v);
	/* A safeguarding lead neither visits two authorities nor visits
	 * while hosting in the same months. */
	for (i = 0; i < p->nev; i++) {
		const pevent *e = &p->ev[i];
		if (e->type != EV_VISIT || e->lead == NONE || !e->ok)
			continue;
		for (j = 0; j < p->nev; j++) {
			const pevent *f = &p->ev[j];
			if (j == i || f->type != EV_VISIT || !f->ok ||
			    f->m0 > e->m1 || f->m1 < e->m0)
				continue;
			if ((f->lead == e->lead && j < i) ||
			    f->host == e->lead) {
				label_of(e, b0, sizeof b0);
				se_diag_error(d, se_prog_pos(e->lead_node),
				    "one-event-per-slot", "'%s' leads the "
				    "visit to '%s' in %s, when it already %s "
				    "'%s' then: no authority has two events "
				    "in one slot", se_prog_aname(p, e->lead),
				    se_prog_aname(p, e->host), b0, f->host == e->lead ?
				    "hosts a visit from" : "visits",
				    f->host == e->lead ? se_prog_aname(p, f->lead) :
				    se_prog_aname(p, f->host));
				break;
			}
		}
	}
	return 0;
}

static bool
accredited(const se_programme *p, const pmember *m)
{
	size_t i;

	for (i = 0; i < p->nacc; i++)
		if (se_same_name(p->acc[i].name, m->name) && (!m->authority ||
		    !p->acc[i].authority || se_same_name(p->acc[i].authority,
		    m->authority)))
			return true;
	return false;
}

static void
check_accredited(const se_programme *p, se_diag *d)
{
	size_t i, j;

	for (i = 0; i < p->nev; i++)
		for (j = 0; j < p->ev[i].nteam; j++) {
			const pmember *m = &p->ev[i].team[j];
			if (!accredited(p, m))
				se_diag_error(d, se_prog_pos(m->node), "accredited",
				    "team member '%s' is not on the "
				    "programme's 'accredited' list: every "
				    "member is accredited before deployment "
				    "(East Midlands sector-led improvement handbook, A1)", m->name);
		}
}

int
se_programme_check_model(const se_programme *p, se_diag *d)
{
	size_t *buf;
	int rc = 0;

	if (!p)
		return -1;
	buf = malloc((p->nev + 1) * sizeof *buf);
	if (!buf)
		return se_diag_error(d, NULL, "out-of-memory", "out of memory");
	if (p->par.on[R_HOST_ONE])
		check_host_one(p, d);
	if (p->par.on[R_LEADS_ONE])
		check_role_once(p, false, d);
	if (p->par.on[R_QA_ONE])
		check_role_once(p, true, d);
	if (p->par.on[R_OWN])
		check_own(p, d);
	if (p->par.on[R_ONE_ROLE])
		check_one_role(p, d);
	if (p->par.on[R_SPACING])
		check_spacing(p, buf, d);
	if (p->par.on[R_NEXT_CYCLE])
		check_next_cycle(p, buf, d);
	if (p->par.on[R_ONE_EVENT] && check_one_event(p, d) < 0)
		rc = se_diag_error(d, NULL, "out-of-memory", "out of memory");
	if (p->par.on[R_ACCREDITED])
		check_accredited(p, d);
	free(buf);
	return rc;
}

int
se_programme_check_with(const se_doc *doc, const se_node *format,
    se_diag *d)
{
	se_programme *p = se_programme_from_doc(doc, format, d);
	int rc;

	if (!p)
		return -1;
	rc = se_programme_check_model(p, d);
	se_programme_free(p);
	return rc;
}

int
se_programme_check(const se_doc *doc, se_diag *d)
{
	return se_programme_check_with(doc, NULL, d);
}
