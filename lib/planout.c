/* planout.c: the plan as people read it (the improvement plan template's
 * table in text and Markdown, the scrutiny report in HTML laid out by
 * recommendation, the monthly changes) and as machines read it (CSV that
 * gives a council's own columns back and is safe in Excel, JSON, YAML
 * that is a plan document again). */
#include "internal.h"
#include "plan_internal.h"

#include <stdlib.h>
#include <string.h>

int
se_planout_format_parse(const char *name)
{
	static const char *const names[] = { "text", "csv", "markdown",
		"html", "json", "yaml" };

	return se_format_index(name, names, sizeof names / sizeof names[0]);
}

int
se_group_parse(const char *name)
{
	static const char *const names[] = { "none", "priority", "owner",
		"theme", "regional", "recommendation" };

	return se_word_index(name, names, sizeof names / sizeof names[0]);
}

int
se_planout_status_parse(se_planout_opts *o, const char *name)
{
	int k = se_state_parse(name);

	if (k >= 0) {
		o->state = k;
		return 0;
	}
	k = se_status_parse(name, strlen(name));
	if (k < 0)
		return -1;
	o->status = k;
	return 0;
}

/* Whether 'needle' occurs in 'hay', ignoring ASCII case. */
static bool
contains(const char *hay, const char *needle)
{
	size_t n = strlen(needle);

	for (; *hay; hay++)
		if (se_strncasecmp(hay, needle, n) == 0)
			return true;
	return n == 0;
}

/* Whether an assessed action passes the --owner/--status/--overdue
 * filters of 'o'. */
static bool
shows(const se_planout_opts *o, const se_action *a)
{
	if (o->owner != NULL && !contains(a->owner, o->owner))
		return false;
	if (o->state >= 0 && (int)a->state != o->state)
		return false;
	if (o->status >= 0 && (int)a->status != o->status)
		return false;
	if (o->overdue && a->state != SE_STATE_OVERDUE)
		return false;
	return true;
}

/* ---- order and groups ------------------------------------------------- */

typedef struct row {
	const se_action *a;
	size_t group, index;
	int state;
} row;

typedef struct view {
	row *rows;
	size_t n;
	const char **groups;
	size_t ngroups;
	size_t count[SE_NSTATES];
} view;

static const char *
group_key(se_group g, const se_action *a)
{
	switch (g) {
	case SE_GROUP_PRIORITY:
		return a->priority[0] ? a->priority : "(no priority)";
	case SE_GROUP_OWNER:
		return a->owner[0] ? a->owner : "(no accountable officer)";
	case SE_GROUP_THEME:
		return a->theme[0] ? a->theme : "(no theme)";
	case SE_GROUP_REGIONAL:
		return a->regional_priority[0] ? a->regional_priority :
		    "(no regional priority)";
	case SE_GROUP_RECOMMENDATION:
		return a->recommendation[0] ? a->recommendation :
		    "(no recommendation)";
	default:
		return "";
	}
}

static int
by_group_state(const void *x, const void *y)
{
	const row *a = x, *b = y;

	if (a->group != b->group)
		return a->group < b->group ? -1 : 1;
	if (a->state != b->state)
		return a->state < b->state ? -1 : 1;
	return a->index < b->index ? -1 : a->index > b->index;
}

static int
by_group(const void *x, const void *y)
{
	const row *a = x, *b = y;

	if (a->group != b->group)
		return a->group < b->group ? -1 : 1;
	return a->index < b->index ? -1 : a->index > b->index;
}

static int
view_make(view *v, const se_plan *p, const se_planout_opts *o,
    bool state_first)
{
	size_t i, g;

	memset(v, 0, sizeof *v);
	v->rows = calloc(se_plan_len(p) + 1, sizeof *v->rows);
	v->groups = calloc(se_plan_len(p) + 1, sizeof *v->groups);
	if (v->rows == NULL || v->groups == NULL)
		return -1;
	for (i = 0; i < se_plan_len(p); i++) {
		const se_action *a = se_plan_get(p, i);
		const char *key;
		if (!o->draft && !shows(o, a))
			continue;
		key = group_key(o->group, a);
		/* themes are named as se-report -t themes names them: "Edge
		 * of care" and "edge-of-care" are one group, headed as first
		 * written */
		for (g = 0; g < v->ngroups; g++)
			if (o->group == SE_GROUP_THEME ?
			    se_theme_same(v->groups[g], key) :
			    strcmp(v->groups[g], key) == 0)
				break;
		if (g == v->ngroups)
			v->groups[v->ngroups++] = key;
		v->rows[v->n].a = a;
		v->rows[v->n].group = g;
		v->rows[v->n].index = i;
		v->rows[v->n].state = (int)a->state;
		v->count[a->state]++;
		v->n++;
	}
	qsort(v->rows, v->n, sizeof *v->rows,
	    state_first ? by_group_state : by_group);
	return 0;
}

static void
view_release(view *v)
{
	free(v->rows);
	free(v->groups);
}

static void
ymd(long day, char buf[11])
{
	se_ymd_format(day, buf);
}

/* "2 overdue, 1 at risk, ..." for the states that occur. */
static void
summary(const view *v, se_buf *b)
{
	int s;
	bool first = true;

	for (s = 0; s < SE_NSTATES; s++) {
		if (v->count[s] == 0)
			continue;
		se_buf_addf(b, "%s%zu %s", first ? "" : ", ", v->count[s],
		    se_state_name((se_state)s));
		first = false;
	}
	if (first)
		se_buf_adds(b, "no actions");
}

static void
headline(const se_plan *p, const se_planout_opts *o, const view *v,
    se_buf *b)
{
	char d[11];
	size_t i;

	ymd(o->as_of, d);
	for (i = 0; i < se_plan_nauthorities(p); i++)
		se_buf_addf(b, "%s%s", i ? ", " : "", se_plan_authority(p, i));
	if (se_plan_nauthorities(p) > 0)
		se_buf_adds(b, ": ");
	se_buf_addf(b, "%zu action%s as of %s: ", v->n, v->n == 1 ? "" : "s",
	    d);
	summary(v, b);
}

/* "overdue by 30 days", "at risk", ..., and the council's own RAG word
 * beside it: "on track (amber)". */
static void
state_text(const se_action *a, se_buf *b)
{
	const char *r;

	se_buf_adds(b, se_state_name(a->state));
	if (a->state == SE_STATE_OVERDUE)
		se_buf_addf(b, " by %ld day%s", a->days_overdue,
		    a->days_overdue == 1 ? "" : "s");
	if (a->rag[0] != '\0') {
		se_buf_adds(b, " (");
		for (r = a->rag; *r; r++)
			se_buf_addc(b, (char)(*r >= 'A' && *r <= 'Z' ?
			    *r - 'A' + 'a' : *r));
		se_buf_addc(b, ')');
	}
}

/* "R1: met (3 of 3 actions complete)". */
static void
rec_state_text(const se_recommendation *r, se_buf *b)
{
	se_buf_addf(b, "%s (%zu of %zu action%s complete",
	    se_rec_state_name(r->state), r->ncomplete, r->nactions,
	    r->nactions == 1 ? "" : "s");
	if (r->ndropped > 0)
		se_buf_addf(b, ", %zu dropped", r->ndropped);
	if (r->has_last_due) {
		char d[11];
		se_ymd_format(r->last_due, d);
		se_buf_addf(b, "; last due %s", d);
	}
	se_buf_addc(b, ')');
}

static void
rec_text(const se_recommendation *r, se_buf *b)
{
	se_buf_addf(b, "%s: ", r->id);
	rec_state_text(r, b);
}

static const se_recommendation *
find_rec(const se_plan *p, const char *id)
{
	size_t i;

	for (i = 0; i < se_plan_nrecs(p); i++)
		if (strcmp(se_plan_rec(p, i)->id, id) == 0)
			return se_plan_rec(p, i);
	return NULL;
}

static void
timescale(const se_action *a, se_buf *b)
{
	char d[11];

	if (!a->has_due) {
		se_buf_adds(b, a->due_text);
		if (a->recurring)
			se_buf_adds(b, " (recurring)");
		else if (a->due_unread)
			se_buf_adds(b, " (cannot be read)");
		return;
	}
	ymd(a->due, d);
	se_buf_adds(b, d);
	if (strcmp(a->due_text, d) != 0)
		se_buf_addf(b, " (%s)", a->due_text);
}

static void
measure_text(const se_action *a, se_buf *b)
{
	char d[11], n[32];

	if (a->indicator[0] == '\0')
		return;
	se_buf_adds(b, a->indicator);
	if (a->has_baseline) {
		se_number_format(a->baseline, -1, n, sizeof n);
		se_buf_addf(b, " from %s", n);
		if (a->baseline_period[0])
			se_buf_addf(b, " (%s)", a->baseline_period);
	}
	if (a->has_target) {
		se_number_format(a->target, -1, n, sizeof n);
		se_buf_addf(b, " to %s", n);
	}
	if (a->has_by) {
		ymd(a->by, d);
		se_buf_addf(b, " by %s", d);
	}
}

static void
result_text(const se_action *a, se_buf *b)
{
	if (a->result == SE_IMPACT_UNCHECKED)
		return;
	se_buf_adds(b, se_impact_name(a->result));
	if (a->result_reason[0])
		se_buf_addf(b, ": %s", a->result_reason);
}

static const se_note *
last_note(const se_action *a)
{
	const se_note *best = NULL;
	size_t i;

	for (i = 0; i < a->nnotes; i++)
		if (best == NULL || a->notes[i].day >= best->day)
			best = &a->notes[i];
	return best;
}

static void
status_text(const se_action *a, long stale_days, se_buf *b)
{
	if (stale_days <= 0)
		stale_days = SE_STALE_DAYS;
	const se_note *n = last_note(a);
	char d[11];

	if (a->status_unread)
		se_buf_addf(b, "%s (cannot be read)", a->status_text);
	else
		se_buf_adds(b, a->status == SE_STATUS_NONE ? "(no status)" :
		    se_status_name(a->status));
	if (n != NULL) {
		if (n->day >= 0) {
			ymd(n->day, d);
			se_buf_addf(b, "; %s: %s", d, n->text);
		} else {
			se_buf_addf(b, "; %s", n->text);
		}
	}
	if (a->stale)
		se_buf_addf(b, " (stale: no dated progress note for over %ld "
		    "days)", stale_days);
}

/* The action's text for a change: whole ('full'), or cut at a word
 * after about 60 characters. */
static void
change_action(const se_action *a, bool full, se_buf *b)
{
	size_t n = strlen(a->action), k;

	size_t i;

	if (full || n <= 60) {
		k = n;
	} else {
		for (k = 60; k > 20 && a->action[k] != ' '; k--)
			;
		if (a->action[k] != ' ')
			k = 60;
	}
	/* a spreadsheet's multi-line cell on one line */
	for (i = 0; i < k; i++) {
		char c = a->action[i];
		if (c == '\r' && i + 1 < k && a->action[i + 1] == '\n')
			continue;
		se_buf_addc(b, c == '\n' || c == '\r' ? ' ' : c);
	}
	if (k < n)
		se_buf_adds(b, "...");
}

static const char *
status_of(const se_action *a)
{
	return a->status == SE_STATUS_NONE ? "not-started" :
	    se_status_name(a->status);
}

/* A change's old and new values ("" when it has none). */
static void
change_values(const se_change *c, char d1[32], char d2[32],
    const char **old, const char **now)
{
	*old = *now = "";
	switch (c->kind) {
	case SE_CHANGE_SLIPPED:
		ymd(c->old->due, d1);
		ymd(c->now->due, d2);
		*old = d1;
		*now = d2;
		break;
	case SE_CHANGE_DATE:
		if (c->old->has_due)
			ymd(c->old->due, d1);
		if (c->now->has_due)
			ymd(c->now->due, d2);
		*old = c->old->has_due ? d1 : c->old->due_text;
		*now = c->now->has_due ? d2 : c->now->due_text;
		break;
	case SE_CHANGE_OWNER:
		*old = c->old->owner;
		*now = c->now->owner;
		break;
	case SE_CHANGE_STARTED:
		*old = status_of(c->old);
		*now = status_of(c->now);
		break;
	case SE_CHANGE_AT_RISK:
	case SE_CHANGE_OVERDUE:
		*old = se_state_name(c->old->state);
		*now = se_state_name(c->now->state);
		break;
	case SE_CHANGE_COMPLETED:
	case SE_CHANGE_DROPPED:
		if (c->old != NULL && c->now != NULL) {
			*old = se_status_name(c->old->status);
			*now = se_status_name(c->now->status);
		}
		break;
	default:
		break;
	}
}

static void
change_text(const se_change *c, bool full, se_buf *b)
{
	const se_action *a = c->now ? c->now : c->old;
	char label[64], d1[32], d2[32];
	const char *old, *now;

	se_buf_addf(b, "%s: ", se_change_name(c->kind));
	if (a->id[0]) {
		se_buf_addf(b, "%s ", a->id);
		change_action(a, full, b);
	} else if (full) {
		se_buf_adds(b, a->action);
	} else {
		se_buf_adds(b, se_action_label(a, label, sizeof label));
	}
	change_values(c, d1, d2, &old, &now);
	if (c->kind == SE_CHANGE_SLIPPED) {
		se_buf_addf(b, " (%s to %s, %ld days later)", old, now,
		    c->now->due - c->old->due);
	} else if (c->kind == SE_CHANGE_OWNER) {
		se_buf_addf(b, " (%s, was %s)", now, old);
	} else if (c->kind == SE_CHANGE_DROPPED && c->now == NULL) {
		se_buf_adds(b, " (no longer in the plan)");
	} else if (c->kind == SE_CHANGE_DATE || c->kind == SE_CHANGE_STARTED ||
	    c->kind == SE_CHANGE_AT_RISK || c->kind == SE_CHANGE_OVERDUE) {
		se_buf_addf(b, " (%s, was %s)", now[0] ? now : "(none)",
		    old[0] ? old : "(none)");
	}
}

/* A merged plan of several authorities is the regional plan. */
static const char *
title_of(const se_plan *p)
{
	if (se_plan_nauthorities(p) > 1)
		return "Regional improvement plan";
	return se_plan_title(p)[0] ? se_plan_title(p) : "Improvement plan";
}

/* ---- text ------------------------------------------------------------- */

static const char *
ansi(se_state s)
{
	static const char *const c[] = { "\033[1;31m", "\033[1;33m",
		"\033[1;35m", "\033[36m", "\033[32m", "\033[34m", "\033[2m" };
	return c[s];
}

/* "  Label                value", a multi-line value's further lines
 * under the first. */
static void
text_field(FILE *f, const char *label, const char *value)
{
	const char *s = value, *nl;
	char *line;

	if (value[0] == '\0')
		return;
	fprintf(f, "  %-20s ", label);
	for (;;) {
		nl = strchr(s, '\n');
		if (nl == NULL) {
			se_text_put_line(f, s);
			break;
		}
		line = strndup(s, (size_t)(nl - s - (nl > s && nl[-1] == '\r')));
		if (line != NULL)
			se_text_put_line(f, line);
		free(line);
		fprintf(f, "\n  %-20s ", "");
		s = nl + 1;
	}
	fputc('\n', f);
}

static void
text_action(FILE *f, const se_action *a, const se_planout_opts *o,
    se_buf *b)
{
	char label[64];

	se_buf_reset(b);
	state_text(a, b);
	if (o->color)
		fputs(ansi(a->state), f);
	se_text_put_line(f, se_action_label(a, label, sizeof label));
	fputs("  ", f);
	for (const char *s = se_buf_str(b); *s; s++)
		fputc(*s >= 'a' && *s <= 'z' ? *s - 'a' + 'A' : *s, f);
	if (o->color)
		fputs("\033[0m", f);
	if (a->stale)
		fputs("  STALE", f);
	if (a->lacks)
		fputs("  INCOMPLETE", f);
	fputc('\n', f);
	if (a->authority[0] && o->group != SE_GROUP_NONE)
		text_field(f, "Authority", a->authority);
	if (o->group != SE_GROUP_RECOMMENDATION)
		text_field(f, "Recommendation", a->recommendation);
	text_field(f, "Priority", a->priority);
	text_field(f, "Action", a->action);
	text_field(f, "Accountable officer", a->owner[0] ? a->owner :
	    "(none)");
	se_buf_reset(b);
	timescale(a, b);
	text_field(f, "Timescale", b->len ? se_buf_str(b) : "(none)");
	text_field(f, "Evidence", a->evidence);
	text_field(f, "Impact", a->impact[0] ? a->impact :
	    a->success_criteria[0] ? "" : "(none)");
	text_field(f, "Success criteria", a->success_criteria);
	se_buf_reset(b);
	measure_text(a, b);
	text_field(f, "Measure", se_buf_str(b));
	se_buf_reset(b);
	result_text(a, b);
	text_field(f, "Impact check", se_buf_str(b));
	se_buf_reset(b);
	status_text(a, o->stale_days, b);
	text_field(f, "Status", se_buf_str(b));
	fputc('\n', f);
}

static void
render_text(FILE *f, const se_plan *p, const se_planout_opts *o,
    const view *v, se_buf *b)
{
	size_t i, g = SIZE_MAX;

	se_text_put_line(f, title_of(p));
	fputc('\n', f);
	headline(p, o, v, b);
	se_text_put_line(f, se_buf_str(b));
	fputs("\n\n", f);
	if (o->diff != NULL) {
		fprintf(f, "Changes since the last version: %zu\n",
		    se_plandiff_len(o->diff));
		for (i = 0; i < se_plandiff_len(o->diff); i++) {
			se_buf_reset(b);
			change_text(se_plandiff_at(o->diff, i), false, b);
			fputs("  ", f);
			se_text_put_line(f, se_buf_str(b));
			fputc('\n', f);
		}
		fputc('\n', f);
	}
	if (se_plan_nrecs(p) > 0) {
		fputs("Recommendations\n", f);
		for (i = 0; i < se_plan_nrecs(p); i++) {
			const se_recommendation *r = se_plan_rec(p, i);
			se_buf_reset(b);
			rec_text(r, b);
			fputs("  ", f);
			se_text_put_line(f, se_buf_str(b));
			fputc('\n', f);
			text_field(f, "Recommendation", r->text);
			text_field(f, "Impact", r->impact);
			text_field(f, "Way forward", r->way_forward);
		}
		fputc('\n', f);
	}
	for (i = 0; i < v->n; i++) {
		if (o->group != SE_GROUP_NONE && v->rows[i].group != g) {
			g = v->rows[i].group;
			fputs("== ", f);
			se_text_put_line(f, v->groups[g]);
			fputs(" ==\n\n", f);
		}
		text_action(f, v->rows[i].a, o, b);
	}
}

/* ---- Markdown --------------------------------------------------------- */

static void
md_cell(FILE *f, const char *s)
{
	fputs(" ", f);
	se_md_put(f, s, true);
	fputs(" |", f);
}

static void
md_table_head(FILE *f, bool authority)
{
	fputs(authority ? "| ID | Authority |" : "| ID |", f);
	fputs(" Priority | Action | Accountable officer | Timescale | "
	      "Evidence | Impact | Status | State |\n", f);
	fputs(authority ? "|---|---|" : "|---|", f);
	fputs("---|---|---|---|---|---|---|---|\n", f);
}

static void
md_row(FILE *f, const se_action *a, const se_planout_opts *o, se_buf *b,
    bool authority)
{
	fputs("|", f);
	md_cell(f, a->id);
	if (authority)
		md_cell(f, a->authority);
	md_cell(f, a->priority);
	md_cell(f, a->action);
	md_cell(f, a->owner);
	se_buf_reset(b);
	timescale(a, b);
	md_cell(f, se_buf_str(b));
	md_cell(f, a->evidence);
	se_buf_reset(b);
	se_buf_adds(b, a->impact);
	if (a->indicator[0]) {
		se_buf_adds(b, b->len ? " Measure: " : "Measure: ");
		measure_text(a, b);
	}
	if (a->result != SE_IMPACT_UNCHECKED) {
		se_buf_adds(b, " Check: ");
		result_text(a, b);
	}
	md_cell(f, se_buf_str(b));
	se_buf_reset(b);
	status_text(a, o->stale_days, b);
	md_cell(f, se_buf_str(b));
	se_buf_reset(b);
	state_text(a, b);
	fputs(" **", f);
	se_md_put(f, se_buf_str(b), true);
	fputs("** |\n", f);
}

static void
render_markdown(FILE *f, const se_plan *p, const se_planout_opts *o,
    const view *v, se_buf *b)
{
	size_t i, g = SIZE_MAX;
	bool auth = se_plan_nauthorities(p) > 1;

	fputs("# ", f);
	se_md_put(f, title_of(p), true);
	fputs("\n\n", f);
	se_buf_reset(b);
	headline(p, o, v, b);
	se_md_put(f, se_buf_str(b), true);
	fputs("\n\n", f);
	if (o->diff != NULL) {
		fputs("## Changes since the last version\n\n", f);
		for (i = 0; i < se_plandiff_len(o->diff); i++) {
			se_buf_reset(b);
			change_text(se_plandiff_at(o->diff, i), false, b);
			fputs("- ", f);
			se_md_put(f, se_buf_str(b), true);
			fputc('\n', f);
		}
		if (se_plandiff_len(o->diff) == 0)
			fputs("No changes.\n", f);
		fputc('\n', f);
	}
	for (i = 0; i < v->n; i++) {
		if (v->rows[i].group != g) {
			if (g != SIZE_MAX)
				fputc('\n', f);
			g = v->rows[i].group;
			if (o->group != SE_GROUP_NONE) {
				fputs("## ", f);
				se_md_put(f, v->groups[g], true);
				fputs("\n\n", f);
			}
			md_table_head(f, auth);
		}
		md_row(f, v->rows[i].a, o, b, auth);
	}
}

/* ---- CSV -------------------------------------------------------------- */

static void
csv_num(FILE *f, bool has, double v)
{
	char n[32];

	if (!has) {
		fputs(",", f);
		return;
	}
	se_number_format(v, -1, n, sizeof n);
	fputc(',', f);
	se_csv_put(f, n, true);
}

/* A plain number ("-2.5", "+3", "12") stays a number; any other text
 * that starts like a formula is neutralised by se_csv_put. */
static bool
plain_number(const char *s)
{
	bool digits = false, dot = false;

	if (*s == '-' || *s == '+')
		s++;
	for (; *s; s++) {
		if (*s >= '0' && *s <= '9')
			digits = true;
		else if (*s == '.' && !dot)
			dot = true;
		else
			return false;
	}
	return digits;
}

static void
csv_cell(FILE *f, const char *s)
{
	fputc(',', f);
	se_csv_put(f, s, plain_number(s));
}

static void
csv_progress(const se_action *a, se_buf *b)
{
	size_t i;
	char d[11];
	const char *t;

	se_buf_reset(b);
	for (i = 0; i < a->nnotes; i++) {
		if (i > 0)
			se_buf_addc(b, '\n');
		if (a->notes[i].day >= 0) {
			ymd(a->notes[i].day, d);
			se_buf_addf(b, "%s: ", d);
		}
		/* One note a line: a note's own line breaks are spaces. */
		for (t = a->notes[i].text; *t; t++)
			se_buf_addc(b, *t == '\n' || *t == '\r' ? ' ' : *t);
	}
}

static void csv_computed(FILE *f, const se_action *a);

static void
csv_action(FILE *f, const se_action *a, const se_planout_opts *o,
    se_buf *b)
{
	char d[11];

	se_csv_put(f, a->id, plain_number(a->id));
	csv_cell(f, a->authority);
	csv_cell(f, a->priority);
	csv_cell(f, a->regional_priority);
	csv_cell(f, a->action);
	csv_cell(f, a->owner);
	csv_cell(f, a->due_text);
	csv_cell(f, a->evidence);
	csv_cell(f, a->impact);
	csv_cell(f, a->indicator);
	csv_num(f, a->has_baseline, a->baseline);
	csv_cell(f, a->baseline_period);
	csv_num(f, a->has_target, a->target);
	if (a->has_by)
		ymd(a->by, d);
	csv_cell(f, a->has_by ? d : "");
	csv_cell(f, se_status_name(a->status));
	csv_progress(a, b);
	csv_cell(f, se_buf_str(b));
	csv_cell(f, a->theme);
	if (o->draft) {
		se_buf_reset(b);
		se_buf_addf(b, "%s:%u", a->pos.file, a->pos.line);
		csv_cell(f, se_buf_str(b));
		fputs("\r\n", f);
		return;
	}
	csv_computed(f, a);
}

static void
csv_computed_head(FILE *f)
{
	size_t i;

	for (i = 0; se_plan_computed[i] != NULL; i++) {
		fputc(',', f);
		se_csv_put(f, se_plan_computed[i], false);
	}
	fputs("\r\n", f);
}

static void
csv_computed(FILE *f, const se_action *a)
{
	csv_cell(f, se_state_name(a->state));
	csv_num(f, a->state == SE_STATE_OVERDUE, (double)a->days_overdue);
	csv_cell(f, a->stale ? "yes" : "no");
	csv_cell(f, se_impact_name(a->result));
	csv_cell(f, a->result_reason);
	fputs("\r\n", f);
}

/* A row of a plan read from CSV: its own cells as read, in its columns'
 * order, then the computed ones. */
static void
csv_input_row(FILE *f, const se_action *a, size_t ncols)
{
	size_t i;

	for (i = 0; i < ncols; i++) {
		const char *c = i < a->ncells ? a->cells[i] : "";
		if (i > 0)
			fputc(',', f);
		se_csv_put(f, c, plain_number(c));
	}
	csv_computed(f, a);
}

static void
render_csv_changes(FILE *f, const se_plandiff *d)
{
	size_t i;
	char d1[32], d2[32];

	fputs("Change,ID,Authority,Action,Old,New\r\n", f);
	for (i = 0; i < se_plandiff_len(d); i++) {
		const se_change *c = se_plandiff_at(d, i);
		const se_action *a = c->now ? c->now : c->old;
		const char *old, *now;
		se_csv_put(f, se_change_name(c->kind), false);
		csv_cell(f, a->id);
		csv_cell(f, a->authority);
		csv_cell(f, a->action);
		change_values(c, d1, d2, &old, &now);
		csv_cell(f, old);
		csv_cell(f, now);
		fputs("\r\n", f);
	}
}

static void
render_csv(FILE *f, const se_plan *p, const se_planout_opts *o,
    const view *v, se_buf *b)
{
	const char *const *head;
	size_t i, n;

	if (o->diff != NULL) {
		render_csv_changes(f, o->diff);
		return;
	}
	head = se_plan_csv_header(p, &n);
	if (head != NULL && !o->draft) {
		for (i = 0; i < n; i++) {
			if (i > 0)
				fputc(',', f);
			se_csv_put(f, head[i], false);
		}
		csv_computed_head(f);
		for (i = 0; i < v->n; i++)
			csv_input_row(f, v->rows[i].a, n);
		return;
	}
	fputs("ID,Authority,Priority,Regional priority,Action,"
	      "Accountable officer,Timescale,Evidence,Impact,Indicator,"
	      "Baseline,Baseline period,Target,Target by,Status,Progress,"
	      "Theme", f);
	if (o->draft)
		fputs(",Source\r\n", f);
	else
		csv_computed_head(f);
	for (i = 0; i < v->n; i++)
		csv_action(f, v->rows[i].a, o, b);
}

/* ---- JSON ------------------------------------------------------------- */

static void
json_key(FILE *f, const char *key, const char *value, bool comma)
{
	fprintf(f, "%s\"%s\": ", comma ? ", " : "", key);
	se_json_put(f, value);
}

static void
json_num(FILE *f, const char *key, bool has, double v)
{
	char n[32];

	if (!has) {
		fprintf(f, ", \"%s\": null", key);
		return;
	}
	se_number_format(v, -1, n, sizeof n);
	fprintf(f, ", \"%s\": %s", key, n);
}

static void
json_date(FILE *f, const char *key, bool has, long day)
{
	char d[11];

	if (!has) {
		fprintf(f, ", \"%s\": null", key);
		return;
	}
	ymd(day, d);
	fprintf(f, ", \"%s\": \"%s\"", key, d);
}

static void
json_action(FILE *f, const se_action *a, const se_planout_opts *o)
{
	size_t i;
	char d[11];

	fputs("{", f);
	json_key(f, "id", a->id, false);
	json_key(f, "authority", a->authority, true);
	json_key(f, "priority", a->priority, true);
	json_key(f, "regional_priority", a->regional_priority, true);
	json_key(f, "action", a->action, true);
	json_key(f, "owner", a->owner, true);
	json_key(f, "timescale", a->due_text, true);
	json_date(f, "due", a->has_due, a->due);
	json_key(f, "evidence", a->evidence, true);
	json_key(f, "impact", a->impact, true);
	json_key(f, "indicator", a->indicator, true);
	json_num(f, "baseline", a->has_baseline, a->baseline);
	json_key(f, "baseline_period", a->baseline_period, true);
	json_num(f, "target", a->has_target, a->target);
	json_date(f, "by", a->has_by, a->by);
	json_key(f, "status", se_status_name(a->status), true);
	json_key(f, "theme", a->theme, true);
	fputs(", \"progress\": [", f);
	for (i = 0; i < a->nnotes; i++) {
		fputs(i ? ", {\"date\": " : "{\"date\": ", f);
		if (a->notes[i].day >= 0) {
			ymd(a->notes[i].day, d);
			fprintf(f, "\"%s\"", d);
		} else {
			fputs("null", f);
		}
		json_key(f, "note", a->notes[i].text, true);
		fputs("}", f);
	}
	fputs("]", f);
	json_key(f, "state", se_state_name(a->state), true);
	fprintf(f, ", \"days_overdue\": %ld", a->days_overdue);
	fprintf(f, ", \"stale\": %s", a->stale ? "true" : "false");
	json_date(f, "last_progress", a->last_note >= 0, a->last_note);
	fprintf(f, ", \"lacks\": [%s%s%s%s%s]",
	    a->lacks & SE_LACKS_OWNER ? "\"owner\"" : "",
	    (a->lacks & SE_LACKS_OWNER) && (a->lacks & ~SE_LACKS_OWNER) ?
	    ", " : "", a->lacks & SE_LACKS_DUE ? "\"timescale\"" : "",
	    (a->lacks & SE_LACKS_DUE) && (a->lacks & SE_LACKS_IMPACT) ?
	    ", " : "", a->lacks & SE_LACKS_IMPACT ? "\"impact\"" : "");
	if (o->checked) {
		json_key(f, "impact_check", se_impact_name(a->result), true);
		json_key(f, "impact_reason", a->result_reason, true);
	}
	json_key(f, "file", a->pos.file, true);
	fprintf(f, ", \"line\": %u", a->pos.line);
	if (a->row > 0)
		fprintf(f, ", \"row\": %u", a->row);
	json_key(f, "recommendation", a->recommendation, true);
	json_key(f, "success_criteria", a->success_criteria, true);
	json_key(f, "status_as_written", a->status_text, true);
	json_key(f, "rag", a->rag, true);
	fprintf(f, ", \"recurring\": %s", a->recurring ? "true" : "false");
	fputs("}", f);
}

static void
json_recs(FILE *f, const se_plan *p)
{
	size_t i;

	fputs(", \"recommendations\": [", f);
	for (i = 0; i < se_plan_nrecs(p); i++) {
		const se_recommendation *r = se_plan_rec(p, i);
		fputs(i ? ",\n  {" : "\n  {", f);
		json_key(f, "id", r->id, false);
		json_key(f, "recommendation", r->text, true);
		json_key(f, "impact", r->impact, true);
		json_key(f, "way_forward", r->way_forward, true);
		json_key(f, "state", se_rec_state_name(r->state), true);
		fprintf(f, ", \"actions\": %zu, \"complete\": %zu, "
		    "\"dropped\": %zu", r->nactions, r->ncomplete, r->ndropped);
		json_date(f, "last_due", r->has_last_due, r->last_due);
		fputs("}", f);
	}
	fputs("]", f);
}

static void
render_json(FILE *f, const se_plan *p, const se_planout_opts *o,
    const view *v)
{
	char d[11];
	size_t i;
	int s;

	ymd(o->as_of, d);
	fputs("{", f);
	json_key(f, "title", title_of(p), false);
	fprintf(f, ", \"as_of\": \"%s\", \"authorities\": [", d);
	for (i = 0; i < se_plan_nauthorities(p); i++) {
		if (i)
			fputs(", ", f);
		se_json_put(f, se_plan_authority(p, i));
	}
	fputs("], \"summary\": {", f);
	for (s = 0; s < SE_NSTATES; s++)
		fprintf(f, "%s\"%s\": %zu", s ? ", " : "",
		    se_state_name((se_state)s), v->count[s]);
	fputs("}", f);
	if (o->diff != NULL) {
		fputs(", \"changes\": [", f);
		for (i = 0; i < se_plandiff_len(o->diff); i++) {
			const se_change *c = se_plandiff_at(o->diff, i);
			const se_action *a = c->now ? c->now : c->old;
			fputs(i ? ",\n  {" : "\n  {", f);
			json_key(f, "change", se_change_name(c->kind), false);
			json_key(f, "id", a->id, true);
			json_key(f, "action", a->action, true);
			if (c->kind == SE_CHANGE_SLIPPED) {
				json_date(f, "old_due", true, c->old->due);
				json_date(f, "new_due", true, c->now->due);
			}
			if (c->kind == SE_CHANGE_OWNER) {
				json_key(f, "old_owner", c->old->owner, true);
				json_key(f, "new_owner", c->now->owner, true);
			}
			{
				char d1[32], d2[32];
				const char *ov, *nv;
				change_values(c, d1, d2, &ov, &nv);
				json_key(f, "old", ov, true);
				json_key(f, "new", nv, true);
			}
			fputs("}", f);
		}
		fputs("]", f);
	}
	json_recs(f, p);
	fputs(", \"actions\": [", f);
	for (i = 0; i < v->n; i++) {
		fputs(i ? ",\n  " : "\n  ", f);
		json_action(f, v->rows[i].a, o);
	}
	fputs("]}\n", f);
}

/* ---- YAML: a plan document again -------------------------------------- */

static void
yaml_str(FILE *f, const char *indent, const char *key, const char *value)
{
	if (value[0] == '\0')
		return;
	fprintf(f, "%s%s: ", indent, key);
	se_json_put(f, value);  /* a JSON string is a YAML double-quoted one */
	fputc('\n', f);
}

/* Evidence joined with "; " goes back to a list of paths. */
static void
yaml_evidence(FILE *f, const char *ev, se_buf *b)
{
	const char *s = ev, *sep;

	if (strstr(ev, "; ") == NULL) {
		yaml_str(f, "    ", "evidence", ev);
		return;
	}
	fputs("    evidence:\n", f);
	while (*s) {
		sep = strstr(s, "; ");
		se_buf_reset(b);
		se_buf_add(b, s, sep ? (size_t)(sep - s) : strlen(s));
		fputs("      - ", f);
		se_json_put(f, se_buf_str(b));
		fputc('\n', f);
		s = sep ? sep + 2 : s + strlen(s);
	}
}

static void
yaml_action(FILE *f, const se_action *a, const se_planout_opts *o,
    bool authority, se_buf *b)
{
	char d[11], n[32];
	size_t i;

	if (o->draft) {
		fprintf(f, "  # from %s:%u\n", a->pos.file, a->pos.line);
	} else {
		se_buf_reset(b);
		state_text(a, b);
		ymd(o->as_of, d);
		fprintf(f, "  # as of %s: %s%s\n", d, se_buf_str(b),
		    a->stale ? ", stale" : "");
	}
	fputs("  - ", f);
	if (a->id[0])
		yaml_str(f, "", "id", a->id);
	fprintf(f, "%spriority: ", a->id[0] ? "    " : "");
	se_json_put(f, a->priority);
	fputc('\n', f);
	if (authority)
		yaml_str(f, "    ", "authority", a->authority);
	yaml_str(f, "    ", "recommendation", a->recommendation);
	yaml_str(f, "    ", "regional_priority", a->regional_priority);
	yaml_str(f, "    ", "action", a->action);
	fprintf(f, "    owner: ");
	se_json_put(f, a->owner);
	fprintf(f, "\n    due: ");
	se_json_put(f, a->due_text);
	fputc('\n', f);
	yaml_evidence(f, a->evidence, b);
	yaml_str(f, "    ", "impact", a->impact);
	yaml_str(f, "    ", "success_criteria", a->success_criteria);
	if (a->indicator[0] && a->has_target && a->has_by) {
		fputs("    measure:\n", f);
		yaml_str(f, "      ", "indicator", a->indicator);
		if (a->has_baseline) {
			se_number_format(a->baseline, -1, n, sizeof n);
			fprintf(f, "      baseline: %s\n", n);
		}
		yaml_str(f, "      ", "baseline_period", a->baseline_period);
		se_number_format(a->target, -1, n, sizeof n);
		fprintf(f, "      target: %s\n", n);
		ymd(a->by, d);
		fprintf(f, "      by: %s\n", d);
	}
	/* A council's RAG word, or a status that cannot be read, as
	 * written: it reads back the same. */
	yaml_str(f, "    ", "status", a->rag[0] || a->status_unread ?
	    a->status_text : se_status_name(a->status));
	if (a->nnotes > 0)
		fputs("    progress:\n", f);
	for (i = 0; i < a->nnotes; i++) {
		if (a->notes[i].day >= 0) {
			ymd(a->notes[i].day, d);
			fprintf(f, "      - date: %s\n        note: ", d);
		} else {
			fputs("      - note: ", f);
		}
		se_json_put(f, a->notes[i].text);
		fputc('\n', f);
	}
	yaml_str(f, "    ", "theme", a->theme);
	for (i = 0; i < a->nextra; i++) {
		fputs("    ", f);
		se_json_put(f, a->extra_keys[i]);
		fprintf(f, ": %s\n", a->extra_values[i]);
	}
}

static void
render_yaml(FILE *f, const se_plan *p, const se_planout_opts *o,
    const view *v, se_buf *b)
{
	size_t i;
	bool several = se_plan_nauthorities(p) > 1;

	fputs("kind: plan\nframework: shared\n", f);
	se_buf_reset(b);
	for (i = 0; i < se_plan_nauthorities(p); i++)
		se_buf_addf(b, "%s%s", i ? ", " : "", se_plan_authority(p, i));
	fputs("authority: ", f);
	se_json_put(f, se_buf_str(b));
	fputc('\n', f);
	yaml_str(f, "", "title", se_plan_title(p));
	if (se_plan_nrecs(p) > 0)
		fputs("\nrecommendations:\n", f);
	for (i = 0; i < se_plan_nrecs(p); i++) {
		const se_recommendation *r = se_plan_rec(p, i);
		fputs("  - id: ", f);
		se_json_put(f, r->id);
		fputc('\n', f);
		yaml_str(f, "    ", "recommendation", r->text);
		yaml_str(f, "    ", "impact", r->impact);
		yaml_str(f, "    ", "way_forward", r->way_forward);
	}
	fputs("\nactions:\n", f);
	for (i = 0; i < v->n; i++) {
		if (i > 0)
			fputc('\n', f);
		yaml_action(f, v->rows[i].a, o, several, b);
	}
}

/* ---- HTML: the scrutiny report ---------------------------------------- */

static const char *
state_class(se_state s)
{
	static const char *const c[] = { "overdue", "at-risk", "unknown",
		"ongoing", "on-track", "complete", "dropped" };
	return c[s];
}

/* Text whose lines (a spreadsheet's multi-line cell) stay lines. */
static void
html_lines(FILE *f, const char *s)
{
	const char *nl;
	char *line;

	while ((nl = strchr(s, '\n')) != NULL) {
		line = strndup(s, (size_t)(nl - s - (nl > s && nl[-1] == '\r')));
		if (line != NULL)
			se_html_put(f, line);
		free(line);
		fputs("<br>", f);
		s = nl + 1;
	}
	se_html_put(f, s);
}

static void
html_cell_class(FILE *f, const char *cls, const char *s)
{
	if (cls)
		fprintf(f, "<td class=\"%s\">", cls);
	else
		fputs("<td>", f);
	html_lines(f, s);
	fputs("</td>", f);
}

static void
html_cell(FILE *f, const char *s)
{
	html_cell_class(f, NULL, s);
}

static void
html_row(FILE *f, const se_action *a, const se_planout_opts *o, se_buf *b,
    bool authority)
{
	se_buf_reset(b);
	state_text(a, b);
	fprintf(f, "<tr><td class=\"state %s\">", state_class(a->state));
	se_buf_str(b);
	if (b->len > 0)
		b->data[0] = (char)(b->data[0] - 'a' + 'A');
	se_html_put(f, se_buf_str(b));
	if (a->stale)
		fputs("<br><span class=\"flag\">Stale</span>", f);
	if (a->lacks)
		fputs("<br><span class=\"flag\">Incomplete</span>", f);
	fputs("</td>", f);
	html_cell_class(f, "nw", a->id);
	if (authority)
		html_cell(f, a->authority);
	html_cell(f, a->priority);
	html_cell(f, a->action);
	html_cell(f, a->owner[0] ? a->owner : "(none)");
	se_buf_reset(b);
	timescale(a, b);
	html_cell_class(f, "nw", b->len ? se_buf_str(b) : "(none)");
	html_cell(f, a->evidence);
	fputs("<td>", f);
	html_lines(f, a->impact);
	if (a->success_criteria[0]) {
		fputs(a->impact[0] ? "<br><span class=\"note\">Success "
		    "criteria: " : "<span class=\"note\">Success criteria: ",
		    f);
		html_lines(f, a->success_criteria);
		fputs("</span>", f);
	}
	se_buf_reset(b);
	measure_text(a, b);
	if (b->len) {
		fputs("<br><span class=\"note\">Measure: ", f);
		se_html_put(f, se_buf_str(b));
		fputs("</span>", f);
	}
	se_buf_reset(b);
	result_text(a, b);
	if (b->len) {
		fputs("<br><strong>Impact: ", f);
		se_html_put(f, se_buf_str(b));
		fputs("</strong>", f);
	}
	fputs("</td><td>", f);
	se_buf_reset(b);
	status_text(a, o->stale_days, b);
	html_lines(f, se_buf_str(b));
	fputs("</td></tr>\n", f);
}

static void
html_table_head(FILE *f, bool authority)
{
	fputs("<table class=\"wide\">\n<thead><tr><th scope=\"col\">State</th>"
	      "<th scope=\"col\">ID</th>", f);
	if (authority)
		fputs("<th scope=\"col\">Authority</th>", f);
	fputs("<th scope=\"col\">Priority</th><th scope=\"col\">Action</th>"
	      "<th scope=\"col\">Accountable officer</th>"
	      "<th scope=\"col\">Timescale</th><th scope=\"col\">Evidence</th>"
	      "<th scope=\"col\">Impact</th>"
	      "<th scope=\"col\">Status and latest progress</th></tr>"
	      "</thead>\n<tbody>\n", f);
}

/* A recommendation's heading, state, impact and way forward, as the
 * scrutiny report sets out each recommendation before its actions. */
static void
html_rec_head(FILE *f, const se_plan *p, const char *id, se_buf *b)
{
	const se_recommendation *r = find_rec(p, id);

	fputs("<h2>", f);
	se_html_put(f, id);
	if (r != NULL && r->text[0] && strcmp(r->text, id) != 0) {
		fputs(" \xe2\x80\x93 ", f);
		se_html_put(f, r->text);
	}
	fputs("</h2>\n", f);
	if (r == NULL)
		return;
	se_buf_reset(b);
	rec_state_text(r, b);
	fputs("<p><strong>State:</strong> ", f);
	se_html_put(f, se_buf_str(b));
	fputs("</p>\n", f);
	if (r->impact[0]) {
		fputs("<h3>Impact</h3>\n<p>", f);
		html_lines(f, r->impact);
		fputs("</p>\n", f);
	}
	if (r->way_forward[0]) {
		fputs("<h3>Way forward</h3>\n<p>", f);
		html_lines(f, r->way_forward);
		fputs("</p>\n", f);
	}
}

static void
render_html(FILE *f, const se_plan *p, const se_planout_opts *o,
    const view *v, se_buf *b)
{
	const char *title = title_of(p);
	bool auth = se_plan_nauthorities(p) > 1;
	size_t i, g = SIZE_MAX;
	int s;

	se_html_page_begin(f, title, true);
	fputs("<p>", f);
	se_buf_reset(b);
	headline(p, o, v, b);
	se_html_put(f, se_buf_str(b));
	fputs("</p>\n<h2>Summary</h2>\n<table class=\"summary\">\n"
	      "<thead><tr><th scope=\"col\">State</th><th scope=\"col\">"
	      "Actions</th></tr></thead>\n<tbody>\n", f);
	for (s = 0; s < SE_NSTATES; s++) {
		char name[16];
		/* Unknown and ongoing are listed when they occur. */
		if ((s == SE_STATE_UNKNOWN || s == SE_STATE_ONGOING) &&
		    v->count[s] == 0)
			continue;
		snprintf(name, sizeof name, "%s", se_state_name((se_state)s));
		name[0] = (char)(name[0] - 'a' + 'A');
		fprintf(f, "<tr><td class=\"state %s\">%s</td><td class=\"num\">"
		    "%zu</td></tr>\n", state_class((se_state)s), name,
		    v->count[s]);
	}
	fprintf(f, "<tr><th scope=\"row\">Total</th><td class=\"num\">%zu</td>"
	    "</tr>\n</tbody>\n</table>\n", v->n);
	if (o->diff != NULL) {
		fputs("<h2>Changes since the last version</h2>\n<ul>\n", f);
		for (i = 0; i < se_plandiff_len(o->diff); i++) {
			se_buf_reset(b);
			change_text(se_plandiff_at(o->diff, i), true, b);
			fputs("<li>", f);
			se_html_put(f, se_buf_str(b));
			fputs("</li>\n", f);
		}
		if (se_plandiff_len(o->diff) == 0)
			fputs("<li>No changes.</li>\n", f);
		fputs("</ul>\n", f);
	}
	if (o->group == SE_GROUP_NONE && v->n > 0)
		fputs("<h2>Actions</h2>\n", f);
	if (o->group == SE_GROUP_RECOMMENDATION) {
		fputs("<h2>Recommendations</h2>\n<ul>\n", f);
		for (i = 0; i < se_plan_nrecs(p); i++) {
			se_buf_reset(b);
			rec_text(se_plan_rec(p, i), b);
			fputs("<li>", f);
			se_html_put(f, se_buf_str(b));
			fputs("</li>\n", f);
		}
		fputs("</ul>\n", f);
	}
	for (i = 0; i < v->n; i++) {
		if (v->rows[i].group != g) {
			if (g != SIZE_MAX)
				fputs("</tbody>\n</table>\n", f);
			g = v->rows[i].group;
			if (o->group == SE_GROUP_RECOMMENDATION)
				html_rec_head(f, p, v->groups[g], b);
			else if (o->group != SE_GROUP_NONE) {
				fputs("<h2>", f);
				se_html_put(f, v->groups[g]);
				fputs("</h2>\n", f);
			}
			html_table_head(f, auth);
		}
		html_row(f, v->rows[i].a, o, b, auth);
	}
	if (g != SIZE_MAX)
		fputs("</tbody>\n</table>\n", f);
	se_html_page_end(f);
}

int
se_planout_render(const se_plan *p, const se_planout_opts *o, FILE *out)
{
	se_planout_opts here;
	view v;
	se_buf b;
	int rc = 0;

	se_buf_init(&b);
	/* The scrutiny report is laid out by recommendation, when the plan
	 * has them. */
	if (o->format == SE_PLANOUT_HTML && o->group == SE_GROUP_NONE &&
	    se_plan_nrecs(p) > 0) {
		here = *o;
		here.group = SE_GROUP_RECOMMENDATION;
		o = &here;
	}
	if (view_make(&v, p, o, o->format == SE_PLANOUT_HTML) < 0) {
		view_release(&v);
		return -1;
	}
	switch (o->format) {
	case SE_PLANOUT_TEXT: render_text(out, p, o, &v, &b); break;
	case SE_PLANOUT_CSV: render_csv(out, p, o, &v, &b); break;
	case SE_PLANOUT_MARKDOWN: render_markdown(out, p, o, &v, &b); break;
	case SE_PLANOUT_HTML: render_html(out, p, o, &v, &b); break;
	case SE_PLANOUT_JSON: render_json(out, p, o, &v); break;
	case SE_PLANOUT_YAML: render_yaml(out, p, o, &v, &b); break;
	}
	if (se_buf_failed(&b) || ferror(out))
		rc = -1;
	se_buf_release(&b);
	view_release(&v);
	return rc;
}
