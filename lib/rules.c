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

/* Next character of a name with case folded and runs of spaces as one
 * space; 0 at the end.  Leading and trailing spaces are skipped. */
static int
name_next(const char **p)
{
	int c;

	if (**p == ' ') {
		while (**p == ' ')
			(*p)++;
		if (**p == '\0')
			return 0;
		return ' ';
	}
	c = (unsigned char)**p;
	if (c)
		(*p)++;
	return c >= 'A' && c <= 'Z' ? c + 'a' - 'A' : c;
}

bool
se_same_name(const char *a, const char *b)
{
	int ca, cb;

	while (*a == ' ')
		a++;
	while (*b == ' ')
		b++;
	do {
		ca = name_next(&a);
		cb = name_next(&b);
		if (ca != cb)
			return false;
	} while (ca);
	return true;
}

/* Seed 002 H: "select a maximum of 3 hypotheses to investigate". */
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

/* Seed 002 B, C: no one reviews their own authority. */
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

/* Seed 002 H: each agreed action comes from a hypothesis investigated. */
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
		const char *d;
		if (a->kind != SE_NODE_MAP)
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

/* DESIGN 10.7, seed 002 B: the letter is sent within 10 working days of
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

static bool
in_list(const se_node *list, const char *v)
{
	size_t i;

	if (!list || list->kind != SE_NODE_LIST)
		return true; /* no list: applies everywhere */
	for (i = 0; i < list->n; i++)
		if (se_node_str(list->items[i]) &&
		    strcmp(list->items[i]->text, v) == 0)
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
		else if (!in_list(se_node_get(c, "phases"), phase))
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
			    !in_list(se_node_get(st, "phases"), phase))
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

static const struct {
	const char *name;
	void (*fn)(const se_rule_ctx *rc);
} rules[] = {
	{ "action-names-hypothesis", action_names_hypothesis },
	{ "letter-deadline", letter_deadline },
	{ "max-investigated", max_investigated },
	{ "qs-criterion-known", qs_criterion_known },
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
