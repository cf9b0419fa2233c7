/* rules.c: the cross-field rules a format names (formats/README.md,
 * `rules:`), each implemented once here and registered in one table.  The
 * rule's name is its diagnostic's rule id. */
#include "format_internal.h"

#include <stdlib.h>
#include <string.h>

static long
param(const se_rule_ctx *rc, const char *key, long dflt)
{
	const char *s = se_node_str(se_node_get(rc->params, key));
	char *end;
	long v;

	if (!s)
		return dflt;
	v = strtol(s, &end, 10);
	return *end == '\0' && end != s ? v : dflt;
}

static const se_node *
field(const se_rule_ctx *rc, const char *name)
{
	return se_node_get(rc->doc->meta, name);
}

/* Handbook, section H: "select a maximum of 3 hypotheses to investigate". */
static void
max_investigated(const se_rule_ctx *rc)
{
	const se_node *h = field(rc, "hypotheses");
	long max = param(rc, "max", 3), n = 0;
	size_t i;

	if (!h || h->kind != SE_NODE_LIST)
		return;
	for (i = 0; i < h->n; i++) {
		const char *d = se_node_str(se_node_get(h->items[i], "decision"));
		if (!d || strcmp(d, "investigate") != 0)
			continue;
		if (++n == max + 1)
			se_diag_error(rc->diag, &h->items[i]->pos,
			    "max-investigated",
			    "more than %ld hypotheses are marked 'investigate': "
			    "a review investigates at most %ld; mark the others "
			    "'park'", max, max);
	}
}

/* Handbook, sections B and C: no one reviews their own authority. */
static void
check_member(const se_rule_ctx *rc, const se_node *m, const char *host,
    const char *role)
{
	const se_node *a = se_node_get(m, "authority");
	const char *name = se_node_str(se_node_get(m, "name"));

	if (!se_node_str(a) || !se_same_name(a->text, host))
		return;
	se_diag_error(rc->diag, &a->pos, "team-not-from-host",
	    "%s '%s' is from %s, the host authority: reviewers come from "
	    "other authorities", role, name ? name : "(no name)", host);
}

static void
team_not_from_host(const se_rule_ctx *rc)
{
	const char *host = se_node_str(field(rc, "authority"));
	const se_node *team = field(rc, "team"), *m;
	size_t i;

	if (!host)
		return;
	if ((m = field(rc, "lead_reviewer")) && m->kind == SE_NODE_MAP)
		check_member(rc, m, host, "the lead reviewer");
	if ((m = field(rc, "qa_reviewer")) && m->kind == SE_NODE_MAP)
		check_member(rc, m, host, "the quality assurance reviewer");
	if (!team || team->kind != SE_NODE_LIST)
		return;
	for (i = 0; i < team->n; i++)
		if (team->items[i]->kind == SE_NODE_MAP)
			check_member(rc, team->items[i], host, "team member");
}

/* Handbook, section H: each agreed action comes from a hypothesis investigated. */
static const se_node *
find_hypothesis(const se_node *hyps, const char *id)
{
	size_t i;

	if (!hyps || hyps->kind != SE_NODE_LIST)
		return NULL;
	for (i = 0; i < hyps->n; i++) {
		const char *h = se_node_str(se_node_get(hyps->items[i], "id"));
		if (h && strcmp(h, id) == 0)
			return hyps->items[i];
	}
	return NULL;
}

static void
action_names_hypothesis(const se_rule_ctx *rc)
{
	const se_node *acts = field(rc, "agreed_actions");
	const se_node *hyps = field(rc, "hypotheses");
	size_t i;

	if (!acts || acts->kind != SE_NODE_LIST)
		return;
	for (i = 0; i < acts->n; i++) {
		const se_node *a = acts->items[i];
		const se_node *hn = se_node_get(a, "hypothesis"), *h;
		const se_node *t = se_node_get(a, "text");
		const char *d;
		if (a->kind != SE_NODE_MAP)
			continue;
		/* An action still a placeholder is not one yet (placeholder). */
		if (se_node_str(t) && se_is_placeholder(t->text, t->len))
			continue;
		if (!se_node_str(hn) || hn->len == 0) {
			se_diag_error(rc->diag, &a->pos,
			    "action-names-hypothesis",
			    "this agreed action does not name the hypothesis it "
			    "comes from: add 'hypothesis:' with its id");
			continue;
		}
		h = find_hypothesis(hyps, hn->text);
		if (!h) {
			se_diag_error(rc->diag, &hn->pos,
			    "action-names-hypothesis",
			    "this agreed action names hypothesis '%s', which is "
			    "not in 'hypotheses'", hn->text);
			continue;
		}
		d = se_node_str(se_node_get(h, "decision"));
		if (d && strcmp(d, "investigate") != 0)
			se_diag_error(rc->diag, &hn->pos,
			    "action-names-hypothesis",
			    "this agreed action comes from hypothesis '%s', which "
			    "was parked, not investigated", hn->text);
	}
}

/* Handbook, section B: the letter is sent within 10 working days of
 * the last day of a review, 5 of a visit (Monday to Friday, less the bank
 * holidays of England). */
static void
letter_deadline(const se_rule_ctx *rc)
{
	const char *type = se_node_str(field(rc, "type"));
	const se_node *end = se_node_get(field(rc, "dates"), "end");
	const se_node *sent = field(rc, "letter_sent");
	const se_workdays *w = se_formats_workdays(rc->check->formats);
	long n, last, day, due;
	char buf[11];

	if (!type || !se_node_str(end) || !se_node_str(sent))
		return;
	n = param(rc, type, -1);
	if (n < 0 || !se_ymd_parse(end->text, end->len, &last) ||
	    !se_ymd_parse(sent->text, sent->len, &day))
		return;
	due = se_workdays_after(w, last, (unsigned)n);
	if (day < last) {
		se_diag_error(rc->diag, &sent->pos, "letter-deadline",
		    "the letter was sent on %s, before the last day of the %s "
		    "(%s)", sent->text, type, end->text);
		return;
	}
	if (day <= due)
		return;
	se_ymd_format(due, buf);
	se_diag_error(rc->diag, &sent->pos, "letter-deadline",
	    "the letter was sent on %s, %ld working days after the last day "
	    "of the %s (%s): it is due within %ld working days, by %s", sent->text,
	    se_workdays_between(w, last, day), type, end->text, n, buf);
}

/* ---- ns-2009 (formats/ns-2009/README.md, "Rules") ---------------------- */

static bool
is_na(const char *s)
{
	return s && (se_name_eq(s, strlen(s), "n/a") ||
	    se_name_eq(s, strlen(s), "na") ||
	    se_name_eq(s, strlen(s), "not applicable"));
}

/* A framework entry's 'phases:' list: whether it applies in 'phase' (no
 * list: in every phase). */
bool
se_phase_applies(const se_node *phases, const char *phase)
{
	size_t i;

	if (!phases || phases->kind != SE_NODE_LIST)
		return true;
	for (i = 0; i < phases->n; i++)
		if (se_node_str(phases->items[i]) &&
		    strcmp(phases->items[i]->text, phase) == 0)
			return true;
	return false;
}

static const se_node *
qs_standard(const se_rule_ctx *rc, const char *id)
{
	const se_node *st = se_node_get(rc->format->root, "standards");
	size_t i;

	if (!st || st->kind != SE_NODE_LIST)
		return NULL;
	for (i = 0; i < st->n; i++) {
		const char *sid = se_node_str(se_node_get(st->items[i], "id"));
		if (sid && strcmp(sid, id) == 0)
			return st->items[i];
	}
	return NULL;
}

static const se_node *
qs_criterion(const se_node *standard, const char *id)
{
	const se_node *cols = se_node_get(standard, "criteria");
	size_t i, j;

	if (!cols || cols->kind != SE_NODE_MAP)
		return NULL;
	for (i = 0; i < cols->n; i++) {
		const se_node *l = cols->items[i];
		if (l->kind != SE_NODE_LIST)
			continue;
		for (j = 0; j < l->n; j++) {
			const char *cid = se_node_str(se_node_get(l->items[j],
			    "id"));
			if (cid && strcmp(cid, id) == 0)
				return l->items[j];
		}
	}
	return NULL;
}

static const char *
phase_title(const se_rule_ctx *rc, const char *phase)
{
	const se_node *ph = se_node_get(rc->format->root, "phases");
	size_t i;

	if (ph && ph->kind == SE_NODE_LIST)
		for (i = 0; i < ph->n; i++) {
			const char *id = se_node_str(se_node_get(ph->items[i],
			    "id"));
			const char *t = se_node_str(se_node_get(ph->items[i],
			    "title"));
			if (id && t && strcmp(id, phase) == 0)
				return t;
		}
	return phase;
}

static void
qs_met(const se_rule_ctx *rc, const char *phase, const char *sid,
    const se_node *standard, const se_node *met)
{
	size_t i;

	if (!met || met->kind != SE_NODE_LIST)
		return;
	for (i = 0; i < met->n; i++) {
		const se_node *cn = se_node_get(met->items[i], "criterion");
		const se_node *c;
		if (!se_node_str(cn))
			continue;
		c = standard ? qs_criterion(standard, cn->text) : NULL;
		if (!c)
			se_diag_error(rc->diag, &cn->pos, "qs-criterion-known",
			    "'%s' is not a criterion of standard %s: see its "
			    "criteria in formats/ns-2009/quality-standards.yaml",
			    cn->text, sid);
		else if (se_node_get(c, "derived"))
			se_diag_note(rc->diag, &cn->pos, "qs-criterion-known",
			    "criterion '%s' is computed from the criteria it "
			    "counts; the listing is ignored", cn->text);
		else if (!se_phase_applies(se_node_get(c, "phases"), phase))
			se_diag_warning(rc->diag, &cn->pos, "qs-criterion-known",
			    "criterion '%s' does not apply to %s", cn->text,
			    phase_title(rc, phase));
	}
}

static void
qs_each(const se_rule_ctx *rc, bool criteria)
{
	const se_node *phases = se_node_get(rc->doc->meta, "phases");
	size_t i, j;

	if (!phases || phases->kind != SE_NODE_MAP)
		return;
	for (i = 0; i < phases->n; i++) {
		const char *phase = phases->keys[i]->text;
		const se_node *stds = phases->items[i];
		if (stds->kind != SE_NODE_MAP)
			continue;
		for (j = 0; j < stds->n; j++) {
			const char *sid = stds->keys[j]->text;
			const se_node *st = qs_standard(rc, sid);
			const se_node *r = se_node_get(stds->items[j], "rating");
			if (criteria) {
				qs_met(rc, phase, sid, st, se_node_get(
				    stds->items[j], "met"));
				continue;
			}
			if (st && se_node_str(r) && !is_na(r->text) &&
			    !se_phase_applies(se_node_get(st, "phases"), phase))
				se_diag_warning(rc->diag, &r->pos,
				    "qs-standard-phase", "standard %s does not "
				    "apply to %s: rate it N/A", sid,
				    phase_title(rc, phase));
		}
	}
}

static void
qs_criterion_known(const se_rule_ctx *rc)
{
	qs_each(rc, true);
}

static void
qs_standard_phase(const se_rule_ctx *rc)
{
	qs_each(rc, false);
}

/* qs-rating-supported: the best grade the criteria met support (the
 * rubric of formats/ns-2009/quality-standards.yaml, the quality
 * standards' "critical criteria"), and a rating or claim above it. */
struct qs_crit {
	const se_node *node;
	const char *id;
	int level;      /* the column's level on the scale */
	bool critical;
	bool derived;
	bool met;
};

struct qs_grade {
	struct qs_crit *c;
	size_t n;
	const se_node *listed; /* the document's met: list */
};

static bool
qs_listed(const struct qs_grade *g, const char *id)
{
	size_t i;

	for (i = 0; i < g->listed->n; i++) {
		const char *l = se_node_str(se_node_get(g->listed->items[i],
		    "criterion"));
		if (l && strcmp(l, id) == 0)
			return true;
	}
	return false;
}

static const struct qs_crit *
qs_find(const struct qs_grade *g, const char *id)
{
	size_t i;

	for (i = 0; i < g->n; i++)
		if (strcmp(g->c[i].id, id) == 0)
			return &g->c[i];
	return NULL;
}

/* {met: [ids], min, max} or {missing: [ids], min, max}. */
static bool
qs_count(const struct qs_grade *g, const se_node *d, bool met)
{
	const se_node *ids = se_node_get(d, met ? "met" : "missing");
	const char *mn = se_node_str(se_node_get(d, "min"));
	const char *mx = se_node_str(se_node_get(d, "max"));
	long n = 0, lo = mn ? strtol(mn, NULL, 10) : 0;
	long hi = mx ? strtol(mx, NULL, 10) : 1000000;
	size_t i;

	for (i = 0; ids && ids->kind == SE_NODE_LIST && i < ids->n; i++) {
		const char *id = se_node_str(ids->items[i]);
		const struct qs_crit *c = id ? qs_find(g, id) : NULL;
		bool m = c ? c->met : (id && qs_listed(g, id));
		if (m == met)
			n++;
	}
	return lo <= n && n <= hi;
}

static void
qs_resolve(struct qs_grade *g, const se_scale *scale)
{
	size_t i, j;

	for (i = 0; i < g->n; i++)
		g->c[i].met = !g->c[i].derived && qs_listed(g, g->c[i].id);
	for (i = 0; i < g->n; i++) {
		const se_node *d = se_node_get(g->c[i].node, "derived");
		if (!g->c[i].derived || se_node_get(d, "all-met"))
			continue;
		g->c[i].met = qs_count(g, d, se_node_get(d, "met") != NULL);
	}
	for (i = 0; i < g->n; i++) {
		const se_node *d = se_node_get(g->c[i].node, "derived");
		const char *col = se_node_str(se_node_get(d, "all-met"));
		int lv;
		if (!g->c[i].derived || !col)
			continue;
		lv = se_scale_parse(scale, col, strlen(col));
		g->c[i].met = true;
		for (j = 0; j < g->n; j++)
			if (g->c[j].level == lv && !g->c[j].met &&
			    !se_node_get(se_node_get(g->c[j].node, "derived"),
			    "all-met"))
				g->c[i].met = false;
	}
}

static bool
qs_column(const char *col, const se_node *list)
{
	size_t i;

	for (i = 0; list && list->kind == SE_NODE_LIST && i < list->n; i++)
		if (se_node_str(list->items[i]) &&
		    strcmp(list->items[i]->text, col) == 0)
			return true;
	return false;
}

/* Whether grade 'lv' (a necessary column) is supported; 'why' gets the
 * unmet critical criterion, or NULL when no own criterion is met. */
static bool
qs_supported(const struct qs_grade *g, int lv, bool own, const char **why)
{
	bool any = false;
	size_t i;

	*why = NULL;
	for (i = 0; i < g->n; i++) {
		if (g->c[i].level != lv)
			continue;
		if (g->c[i].critical && !g->c[i].met) {
			*why = g->c[i].id;
			return false;
		}
		if (!g->c[i].derived && g->c[i].met)
			any = true;
	}
	return any || !own;
}

static int
qs_collect(const se_rule_ctx *rc, const se_node *st, const char *phase,
    const se_scale *scale, struct qs_grade *g)
{
	const se_node *cols = se_node_get(st, "criteria");
	size_t i, j, n = 0;

	if (!cols || cols->kind != SE_NODE_MAP)
		return 0;
	for (i = 0; i < cols->n; i++)
		if (cols->items[i]->kind == SE_NODE_LIST)
			n += cols->items[i]->n;
	g->c = calloc(n ? n : 1, sizeof *g->c);
	if (!g->c)
		return -1;
	for (i = 0; i < cols->n; i++) {
		const se_node *l = cols->items[i];
		const char *col = cols->keys[i]->text;
		int lv = se_scale_parse(scale, col, strlen(col));
		for (j = 0; l->kind == SE_NODE_LIST && j < l->n; j++) {
			const se_node *c = l->items[j];
			const char *id = se_node_str(se_node_get(c, "id"));
			const char *crit = se_node_str(se_node_get(c, "critical"));
			if (!id || lv < 0 ||
			    !se_phase_applies(se_node_get(c, "phases"), phase))
				continue;
			g->c[g->n].node = c;
			g->c[g->n].id = id;
			g->c[g->n].level = lv;
			g->c[g->n].critical = crit && strcmp(crit, "true") == 0;
			g->c[g->n].derived = se_node_get(c, "derived") != NULL;
			g->n++;
		}
	}
	(void)rc;
	return 0;
}

#define QS_MAX_LEVELS 16

struct qs_result {
	int best, uncapped;
	const char *capper;
	const char *unmet[QS_MAX_LEVELS]; /* per level: the unmet critical
	                                     criterion, "" for no own one */
};

static void
qs_over(const se_rule_ctx *rc, const se_node *v, const char *what,
    const char *sid, const char *phase, const se_scale *scale,
    const struct qs_result *r)
{
	char why[256];
	int lv;

	if (!se_node_str(v) || is_na(v->text))
		return;
	lv = se_scale_parse(scale, v->text, v->len);
	if (lv <= r->best || lv >= QS_MAX_LEVELS)
		return;
	if (r->capper && lv > r->best && lv <= r->uncapped)
		snprintf(why, sizeof why, "criterion %s is met, which caps it",
		    r->capper);
	else if (r->unmet[lv] && *r->unmet[lv])
		snprintf(why, sizeof why, "critical criterion %s is not met",
		    r->unmet[lv]);
	else
		snprintf(why, sizeof why, "no criterion of its own column is "
		    "met");
	se_diag_warning(rc->diag, &v->pos, "qs-rating-supported",
	    "the %s '%s' of standard %s in %s is above what the criteria met "
	    "support (%s): %s", what, v->text, sid, phase_title(rc, phase),
	    se_scale_level_label(scale, (size_t)r->best), why);
}

static void
qs_grade_one(const se_rule_ctx *rc, const se_scale *scale, const char *phase,
    const char *sid, const se_node *cell)
{
	const se_node *rub = se_node_get(rc->format->root, "rubric");
	const se_node *nec = se_node_get(rub, "necessary");
	const se_node *cap = se_node_get(rub, "cap");
	const char *ownv = se_node_str(se_node_get(rub, "own-criterion"));
	bool own = ownv && strcmp(ownv, "true") == 0;
	const se_node *st = qs_standard(rc, sid);
	struct qs_grade g = { NULL, 0, se_node_get(cell, "met") };
	struct qs_result r;
	int lv, capped = 1000;
	size_t i;

	memset(&r, 0, sizeof r);
	r.best = -1;
	if (!st || !g.listed || g.listed->kind != SE_NODE_LIST ||
	    g.listed->n == 0 || se_scale_len(scale) > QS_MAX_LEVELS ||
	    qs_collect(rc, st, phase, scale, &g) < 0)
		return;
	qs_resolve(&g, scale);
	for (lv = (int)se_scale_len(scale) - 1; lv >= 0; lv--) {
		const char *w;
		if (!qs_column(se_scale_level_id(scale, (size_t)lv), nec) ||
		    qs_supported(&g, lv, own, &w)) {
			r.best = lv;
			break;
		}
		r.unmet[lv] = w ? w : "";
	}
	r.uncapped = r.best;
	for (i = 0; i < g.n; i++)
		if (g.c[i].critical && g.c[i].met && g.c[i].level < capped &&
		    qs_column(se_scale_level_id(scale, (size_t)g.c[i].level),
		    cap)) {
			capped = g.c[i].level;
			r.capper = g.c[i].id;
		}
	if (capped < r.best)
		r.best = capped;
	else
		r.capper = NULL;
	if (r.best >= 0) {
		qs_over(rc, se_node_get(cell, "rating"), "rating", sid, phase,
		    scale, &r);
		qs_over(rc, se_node_get(cell, "claimed"), "claimed grade", sid,
		    phase, scale, &r);
	}
	free(g.c);
}

static void
qs_rating_supported(const se_rule_ctx *rc)
{
	const se_node *phases = se_node_get(rc->doc->meta, "phases");
	const char *sc = se_node_str(se_node_get(rc->format->root, "scale"));
	const se_scale *scale = se_formats_scale(rc->check->formats,
	    sc ? sc : "ns4");
	size_t i, j;

	if (!scale || !phases || phases->kind != SE_NODE_MAP)
		return;
	for (i = 0; i < phases->n; i++) {
		const se_node *stds = phases->items[i];
		if (stds->kind != SE_NODE_MAP)
			continue;
		for (j = 0; j < stds->n; j++)
			if (stds->items[j]->kind == SE_NODE_MAP)
				qs_grade_one(rc, scale, phases->keys[i]->text,
				    stds->keys[j]->text, stds->items[j]);
	}
}

/* A Signature of Success row's typed direction of travel against what
 * its two RAG ratings imply (se_sos_direction). */
static void
direction_mismatch(const se_rule_ctx *rc)
{
	const se_node *list = se_node_get(rc->doc->meta,
	    "signature_of_success");
	se_direction typed;
	size_t i;

	for (i = 0; list && list->kind == SE_NODE_LIST && i < list->n; i++)
		if (list->items[i]->kind == SE_NODE_MAP)
			(void)se_sos_direction(rc->check->formats,
			    list->items[i], &typed, rc->diag);
}

static const struct {
	const char *name;
	void (*fn)(const se_rule_ctx *rc);
} rules[] = {
	{ "action-names-hypothesis", action_names_hypothesis },
	{ "direction-mismatch", direction_mismatch },
	{ "letter-deadline", letter_deadline },
	{ "max-investigated", max_investigated },
	{ "qs-criterion-known", qs_criterion_known },
	{ "qs-rating-supported", qs_rating_supported },
	{ "qs-standard-phase", qs_standard_phase },
	{ "team-not-from-host", team_not_from_host },
};

bool
se_rule_run(const char *name, const se_rule_ctx *rc)
{
	size_t i;

	for (i = 0; i < sizeof rules / sizeof rules[0]; i++)
		if (strcmp(rules[i].name, name) == 0) {
			if (rc->doc->meta && rc->doc->meta->kind == SE_NODE_MAP)
				rules[i].fn(rc);
			return true;
		}
	return false;
}
