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

static const struct {
	const char *name;
	void (*fn)(const se_rule_ctx *rc);
} rules[] = {
	{ "action-names-hypothesis", action_names_hypothesis },
	{ "letter-deadline", letter_deadline },
	{ "max-investigated", max_investigated },
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
