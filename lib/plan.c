/* plan.c: the improvement plan model (the Improvement Plan Guidance's
 * columns, a Post Inspection Action Plan's recommendations and monthly
 * monitoring): actions read from a YAML plan or a council's spreadsheet
 * CSV by the columns, statuses and timescales of formats/shared/plan.yaml
 * (se-plan and se-validate both read plans here), their states as of a
 * date, staleness, what they lack, their recommendations' states and
 * their measurable impact checked against the data. */
#include "format_internal.h"
#include "plan_internal.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
	COL_NONE = -1, COL_ID, COL_AUTHORITY, COL_PRIORITY, COL_REGIONAL,
	COL_ACTION, COL_OWNER, COL_DUE, COL_EVIDENCE, COL_IMPACT,
	COL_INDICATOR, COL_BASELINE, COL_TARGET, COL_BY, COL_STATUS,
	COL_PROGRESS, COL_THEME, COL_BASELINE_PERIOD, COL_RECOMMENDATION,
	COL_SUCCESS, NCOLS
};

/* The action field each COL_ fills, as formats/shared/plan.yaml's
 * csv-columns name it ('field'). */
static const char *const col_fields[NCOLS] = { "id", "authority",
	"priority", "regional_priority", "action", "owner", "due", "evidence",
	"impact", "measure.indicator", "measure.baseline", "measure.target",
	"measure.by", "status", "progress", "theme", "measure.baseline_period",
	"recommendation", "success_criteria" };

/* The columns se-plan -F csv adds after a plan's own: read back, they
 * are computed again, not kept. */
const char *const se_plan_computed[] = { "State", "Days overdue", "Stale",
	"Impact check", "Impact reason", NULL };

static bool
is_computed(const char *heading)
{
	size_t i;

	for (i = 0; se_plan_computed[i] != NULL; i++)
		if (strcmp(heading, se_plan_computed[i]) == 0)
			return true;
	return false;
}

/* One of plan.yaml's csv-columns. */
typedef struct pcol {
	const char *name;        /* the heading: "Accountable officer" */
	const se_node *aliases;  /* a list of other headings, or NULL */
	int col;                 /* COL_* */
	bool required, carry;
	const char **keys;       /* the name and aliases, folded */
	size_t nkeys;
} pcol;

struct se_plan {
	se_arena *arena;
	se_action *actions;
	size_t n, cap;
	const char **auths;
	size_t nauth, authcap;
	const char *title;
	/* The plan definition (se_plan_use). */
	bool defined;
	pcol cols[NCOLS];
	size_t ncols;
	const se_node *values, *aliases, *rag, *recurring, *action_fields;
	const se_formats *formats; /* what --from drafts from */
	se_recommendation *recs;
	size_t nrecs, reccap;
	/* The header of the CSVs read, while they all have the same one. */
	const char *const *header;
	size_t nheader;
	bool header_mixed;
};

static int column_keys(se_plan *p, pcol *c);

se_plan *
se_plan_new(void)
{
	se_plan *p = calloc(1, sizeof *p);

	if (p == NULL)
		return NULL;
	p->arena = se_arena_new(0);
	if (p->arena == NULL) {
		free(p);
		return NULL;
	}
	p->title = "";
	return p;
}

void
se_plan_free(se_plan *p)
{
	if (p == NULL)
		return;
	free(p->actions);
	free(p->auths);
	free(p->recs);
	se_arena_free(p->arena);
	free(p);
}

size_t
se_plan_len(const se_plan *p)
{
	return p->n;
}

const se_action *
se_plan_get(const se_plan *p, size_t i)
{
	return &p->actions[i];
}

size_t
se_plan_nauthorities(const se_plan *p)
{
	return p->nauth;
}

const char *
se_plan_authority(const se_plan *p, size_t i)
{
	return p->auths[i];
}

const char *
se_plan_title(const se_plan *p)
{
	return p->title;
}

char *
se_plan_strdup(se_plan *p, const char *s, size_t n)
{
	return se_arena_strndup(p->arena, s, n);
}

/* ---- statuses and states ---------------------------------------------- */

/* Letters and digits of 's', lower case, into 'buf'; false when too
 * long. */
static bool
squeeze(const char *s, size_t len, char *buf, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (!isalnum(c))
			continue;
		if (k + 1 >= n)
			return false;
		buf[k++] = (char)tolower(c);
	}
	buf[k] = '\0';
	return true;
}

int
se_status_parse(const char *s, size_t len)
{
	char buf[32], name[32];
	int i;

	if (!squeeze(s, len, buf, sizeof buf))
		return -1;
	for (i = SE_STATUS_NOT_STARTED; i <= SE_STATUS_DROPPED; i++) {
		const char *n = se_status_name((se_status)i);
		squeeze(n, strlen(n), name, sizeof name);
		if (strcmp(buf, name) == 0)
			return i;
	}
	return -1;
}

/* Whether 's' (squeezed already) is one of the scalars of 'list'. */
static const char *
in_list(const se_node *list, const char *s)
{
	char buf[64];
	size_t i;

	if (list == NULL || list->kind != SE_NODE_LIST)
		return NULL;
	for (i = 0; i < list->n; i++) {
		const char *t = se_node_str(list->items[i]);
		if (t && squeeze(t, strlen(t), buf, sizeof buf) &&
		    strcmp(buf, s) == 0)
			return t;
	}
	return NULL;
}

/* A status as a plan writes it: a value of plan.yaml's statuses or one
 * of its value-aliases; '*rag' the RAG word when it is one.  -1 when it
 * is none. */
static int
plan_status(const se_plan *p, const char *s, const char **rag)
{
	char buf[64], key[64];
	const char *r;
	size_t i;

	*rag = "";
	if (!squeeze(s, strlen(s), buf, sizeof buf))
		return -1;
	r = in_list(p->rag, buf);
	if (r != NULL)
		*rag = r;
	if (in_list(p->values, buf))
		return se_status_parse(buf, strlen(buf));
	if (p->aliases == NULL || p->aliases->kind != SE_NODE_MAP)
		return -1;
	for (i = 0; i < p->aliases->n; i++) {
		const char *k = se_node_str(p->aliases->keys[i]);
		const char *v = se_node_str(p->aliases->items[i]);
		if (k && v && squeeze(k, strlen(k), key, sizeof key) &&
		    strcmp(key, buf) == 0)
			return se_status_parse(v, strlen(v));
	}
	return -1;
}

const char *
se_status_name(se_status s)
{
	static const char *const names[] = { "", "not-started", "in-progress",
		"at-risk", "complete", "dropped" };
	return names[s];
}

const char *
se_state_name(se_state s)
{
	static const char *const names[] = { "overdue", "at risk", "unknown",
		"ongoing", "on track", "complete", "dropped" };
	return names[s];
}

const char *
se_rec_state_name(se_rec_state s)
{
	static const char *const names[] = { "in progress", "met",
		"not met" };
	return names[s];
}

int
se_state_parse(const char *s)
{
	char buf[32];
	int i;

	if (!squeeze(s, strlen(s), buf, sizeof buf))
		return -1;
	for (i = 0; i < SE_NSTATES; i++) {
		char name[32];
		const char *n = se_state_name((se_state)i);
		squeeze(n, strlen(n), name, sizeof name);
		if (strcmp(buf, name) == 0)
			return i;
	}
	return -1;
}

const char *
se_impact_name(se_impact i)
{
	static const char *const names[] = { "", "met", "missed",
		"on-trajectory", "off-trajectory", "not-yet", "not-measurable" };
	return names[i];
}

se_state
se_action_state(const se_action *a, long as_of)
{
	if (a->status == SE_STATUS_COMPLETE)
		return SE_STATE_COMPLETE;
	if (a->status == SE_STATUS_DROPPED)
		return SE_STATE_DROPPED;
	if (a->status_unread || (!a->has_due && !a->recurring))
		return SE_STATE_UNKNOWN;
	if (a->has_due && a->due < as_of)
		return SE_STATE_OVERDUE;
	if (a->status == SE_STATUS_AT_RISK)
		return SE_STATE_AT_RISK;
	if ((a->status == SE_STATUS_NOT_STARTED ||
	    a->status == SE_STATUS_NONE) && a->has_due &&
	    a->due - as_of >= 0 && a->due - as_of <= 28)
		return SE_STATE_AT_RISK;
	if (a->recurring)
		return SE_STATE_ONGOING;
	return SE_STATE_ON_TRACK;
}

/* ---- building actions ------------------------------------------------- */

se_action *
se_plan_add_action(se_plan *p, const se_pos *pos)
{
	se_action *a;

	if (p->n == p->cap) {
		size_t cap = p->cap ? p->cap * 2 : 16;
		se_action *n = realloc(p->actions, cap * sizeof *n);
		if (n == NULL)
			return NULL;
		p->actions = n;
		p->cap = cap;
	}
	a = &p->actions[p->n++];
	memset(a, 0, sizeof *a);
	a->id = a->authority = a->priority = a->regional_priority = "";
	a->action = a->owner = a->due_text = a->evidence = a->impact = "";
	a->theme = a->indicator = a->baseline_period = a->result_reason = "";
	a->recommendation = a->success_criteria = a->status_text = "";
	a->rag = "";
	a->last_note = -1;
	a->pos = *pos;
	a->pos.file = se_arena_strdup(p->arena, pos->file ? pos->file : "");
	return a->pos.file ? a : NULL;
}

int
se_plan_note_authority(se_plan *p, const char *name)
{
	size_t i;

	if (name[0] == '\0')
		return 0;
	for (i = 0; i < p->nauth; i++)
		if (strcmp(p->auths[i], name) == 0)
			return 0;
	if (p->nauth == p->authcap) {
		size_t cap = p->authcap ? p->authcap * 2 : 8;
		const char **n = realloc(p->auths, cap * sizeof *n);
		if (n == NULL)
			return -1;
		p->auths = n;
		p->authcap = cap;
	}
	p->auths[p->nauth++] = name;
	return 0;
}

/* 's' without surrounding white space, copied into the arena. */
const char *
se_plan_trim(se_plan *p, const char *s, size_t len)
{
	while (len > 0 && isspace((unsigned char)*s)) {
		s++;
		len--;
	}
	while (len > 0 && isspace((unsigned char)s[len - 1]))
		len--;
	return se_arena_strndup(p->arena, s, len);
}

int
se_plan_add_note(se_plan *p, se_action *a, long day, const char *text,
    const se_pos *pos)
{
	se_note *n = se_arena_alloc(p->arena, (a->nnotes + 1) * sizeof *n);

	if (n == NULL)
		return -1;
	if (a->nnotes > 0)
		memcpy(n, a->notes, a->nnotes * sizeof *n);
	n[a->nnotes].day = day;
	n[a->nnotes].text = text;
	n[a->nnotes].pos = *pos;
	a->notes = n;
	a->nnotes++;
	return 0;
}

/* One line "2019-06-28: note" of a progress cell or list. */
int
se_plan_read_note(se_plan *p, se_action *a, const char *s, size_t len,
    const se_pos *pos, se_diag *d)
{
	const char *colon = memchr(s, ':', len);
	const char *text;
	long day;

	if (colon != NULL && se_date_parse(s, (size_t)(colon - s), &day) == 0) {
		text = se_plan_trim(p, colon + 1, len - (size_t)(colon - s) - 1);
	} else {
		day = -1;
		text = se_plan_trim(p, s, len);
		if (text != NULL && text[0] != '\0')
			se_diag_warning(d, pos, "bad-progress",
			    "progress note '%.40s' has no date: expected "
			    "'YYYY-MM-DD: note'", text);
	}
	if (text == NULL)
		return -1;
	if (text[0] == '\0' && day < 0)
		return 0;
	return se_plan_add_note(p, a, day, text, pos);
}

void
se_plan_set_status(se_plan *p, se_action *a, const char *s,
    const se_pos *pos, const char *where, se_diag *d)
{
	int st;

	a->status_text = s;
	a->status_unread = false;
	if (s[0] == '\0') {
		a->status = SE_STATUS_NONE;
		return;
	}
	st = plan_status(p, s, &a->rag);
	if (st < 0) {
		se_diag_error(d, pos, "bad-status",
		    "cannot read status '%.40s': expected not-started, "
		    "in-progress, at-risk, complete, dropped or a RAG word "
		    "(Red, Amber, Green, Blue)%s", s, where);
		a->status = SE_STATUS_NONE;
		a->status_unread = true;
		return;
	}
	a->status = (se_status)st;
}

/* A date the plan reader reads, as every plan date is read; reported
 * at 'pos' when it cannot be. */
int
se_plan_read_date(const char *s, const se_pos *pos, const char *where,
    long *day, se_diag *d)
{
	size_t len = strlen(s);

	if (se_date_parse(s, len, day) == 0)
		return 0;
	return se_diag_error(d, pos, "bad-date",
	    "cannot read '%.*s' as a date: expected a date such as %s%s",
	    (int)(len > 60 ? 60 : len), s, se_date_forms(), where);
}

void
se_plan_set_due(se_plan *p, se_action *a, const char *s, const se_pos *pos,
    const char *where, se_diag *d)
{
	char buf[64];

	a->due_text = s;
	a->due_pos = *pos;
	a->has_due = a->recurring = a->due_unread = false;
	if (s[0] == '\0')
		return;
	if (squeeze(s, strlen(s), buf, sizeof buf) &&
	    in_list(p->recurring, buf) != NULL) {
		a->recurring = true;
		return;
	}
	a->has_due = se_plan_read_date(s, pos, where, &a->due, d) == 0;
	a->due_unread = !a->has_due;
}

/* A required field left empty: the same error from YAML and CSV. */
static void
required_empty(const se_plan *p, int col, const se_pos *pos,
    const char *where, se_diag *d)
{
	size_t i;

	for (i = 0; i < p->ncols; i++)
		if (p->cols[i].col == col && p->cols[i].required)
			se_diag_error(d, pos, "required",
			    "'%s' is empty: every action needs it%s",
			    p->cols[i].name, where);
}

/* ---- the plan definition ---------------------------------------------- */

static bool
is_true(const se_node *n)
{
	const char *s = se_node_str(n);
	return s != NULL && strcmp(s, "true") == 0;
}

int
se_plan_use(se_plan *p, const se_formats *f, se_diag *diag)
{
	const se_format *fm = f ? se_formats_find(f, NULL, "plan") : NULL;
	const se_node *root, *cols, *st, *n;
	se_pos none = { "formats/shared/plan.yaml", 0, 0 };
	size_t i;
	int k;

	if (fm == NULL)
		return se_diag_error(diag, &none, "no-plan-format",
		    "the formats have no shared plan format: expected "
		    "formats/shared/plan.yaml");
	root = se_format_node(fm);
	cols = se_node_get(root, "csv-columns");
	for (i = 0; cols && cols->kind == SE_NODE_LIST && i < cols->n; i++) {
		const se_node *c = cols->items[i];
		const char *field = se_node_str(se_node_get(c, "field"));
		const char *name = se_node_str(se_node_get(c, "column"));
		for (k = 0; field && k < NCOLS; k++)
			if (strcmp(field, col_fields[k]) == 0)
				break;
		if (field == NULL || name == NULL || k == NCOLS ||
		    p->ncols == NCOLS)
			continue;
		p->cols[p->ncols].name = name;
		p->cols[p->ncols].aliases = se_node_get(c, "aliases");
		p->cols[p->ncols].col = k;
		p->cols[p->ncols].required = is_true(se_node_get(c,
		    "required"));
		p->cols[p->ncols].carry = is_true(se_node_get(c, "carry-down"));
		if (column_keys(p, &p->cols[p->ncols]) < 0)
			return -1;
		p->ncols++;
	}
	st = se_node_get(root, "statuses");
	p->values = se_node_get(st, "values");
	p->aliases = se_node_get(st, "value-aliases");
	p->rag = se_node_get(st, "rag");
	p->recurring = se_node_get(root, "recurring");
	n = se_node_get(se_node_get(root, "fields"), "actions");
	p->action_fields = se_node_get(se_node_get(n, "items"), "fields");
	p->formats = f;
	p->defined = true;
	return 0;
}

size_t
se_plan_nrecs(const se_plan *p)
{
	return p->nrecs;
}

const se_recommendation *
se_plan_rec(const se_plan *p, size_t i)
{
	return &p->recs[i];
}

const char *const *
se_plan_csv_header(const se_plan *p, size_t *n)
{
	*n = p->header_mixed ? 0 : p->nheader;
	return p->header_mixed ? NULL : p->header;
}

/* The recommendation 'id' (added when new); NULL when out of memory. */
static se_recommendation *
note_rec(se_plan *p, const char *id, const se_pos *pos)
{
	se_recommendation *r;
	size_t i;

	for (i = 0; i < p->nrecs; i++)
		if (strcmp(p->recs[i].id, id) == 0)
			return &p->recs[i];
	if (p->nrecs == p->reccap) {
		size_t cap = p->reccap ? p->reccap * 2 : 8;
		se_recommendation *nr = realloc(p->recs, cap * sizeof *nr);
		if (nr == NULL)
			return NULL;
		p->recs = nr;
		p->reccap = cap;
	}
	r = &p->recs[p->nrecs++];
	memset(r, 0, sizeof *r);
	r->id = id;
	r->text = r->impact = r->way_forward = "";
	r->pos = *pos;
	return r;
}

/* ---- YAML plans ------------------------------------------------------- */

typedef struct yctx {
	se_plan *p;
	const se_doc *doc;
	se_diag *d;
	const char *file;
} yctx;

static se_pos
at(const yctx *y, const se_node *n)
{
	se_pos pos = n->pos;
	pos.file = y->file;
	return pos;
}

/* A scalar field as trimmed text ("" when absent); a map or list is
 * reported. */
static const char *
text_of(const yctx *y, const se_node *map, const char *key)
{
	const se_node *n = se_node_get(map, key);
	se_pos pos;

	if (n == NULL)
		return "";
	if (n->kind == SE_NODE_SCALAR)
		return se_plan_trim(y->p, n->text, n->len);
	pos = at(y, n);
	se_diag_error(y->d, &pos, "plan-field", "'%s' should be text", key);
	return "";
}

static bool
number_of(const yctx *y, const se_node *map, const char *key, double *v)
{
	const se_node *n = se_node_get(map, key);
	se_pos pos;

	if (n == NULL)
		return false;
	if (n->kind == SE_NODE_SCALAR &&
	    se_number_parse(n->text, n->len, v) == SE_NUM_OK)
		return true;
	pos = at(y, n);
	se_diag_error(y->d, &pos, "plan-field",
	    "'%s' should be a number", key);
	return false;
}

/* evidence: a path, or a list of them, joined with "; ". */
static const char *
evidence_of(const yctx *y, const se_node *map)
{
	const se_node *n = se_node_get(map, "evidence");
	se_buf b;
	const char *s;
	size_t i;

	if (n == NULL || n->kind != SE_NODE_LIST)
		return text_of(y, map, "evidence");
	se_buf_init(&b);
	for (i = 0; i < n->n; i++) {
		if (n->items[i]->kind != SE_NODE_SCALAR)
			continue;
		if (b.len > 0)
			se_buf_adds(&b, "; ");
		se_buf_add(&b, n->items[i]->text, n->items[i]->len);
	}
	s = se_plan_trim(y->p, se_buf_str(&b), b.len);
	se_buf_release(&b);
	return s ? s : "";
}

/* Whether 'list' (given) is a list; reported when it is not. */
static bool
given_list(const yctx *y, const se_node *list, const char *what)
{
	se_pos pos;

	if (list == NULL)
		return false;
	if (list->kind == SE_NODE_LIST)
		return true;
	pos = at(y, list);
	se_diag_error(y->d, &pos, "plan-field", "%s", what);
	return false;
}

static int
read_progress(const yctx *y, se_action *a, const se_node *list)
{
	size_t i;

	if (!given_list(y, list, "'progress' should be a list of dated notes"))
		return 0;
	for (i = 0; i < list->n; i++) {
		const se_node *it = list->items[i];
		se_pos pos = at(y, it);
		const char *date, *note;
		long day = -1;

		if (it->kind == SE_NODE_SCALAR) {
			if (se_plan_read_note(y->p, a, it->text, it->len, &pos,
			    y->d) < 0)
				return -1;
			continue;
		}
		if (it->kind != SE_NODE_MAP)
			continue;
		date = text_of(y, it, "date");
		note = text_of(y, it, "note");
		if (date[0] != '\0') {
			const se_node *dn = se_node_get(it, "date");
			se_pos dpos = at(y, dn);
			if (se_plan_read_date(date, &dpos, "", &day, y->d) < 0)
				day = -1;
		} else {
			se_diag_warning(y->d, &pos, "bad-progress",
			    "progress note has no date: expected "
			    "'{date: YYYY-MM-DD, note: ...}'");
		}
		if (se_plan_add_note(y->p, a, day, note, &pos) < 0)
			return -1;
	}
	return 0;
}

static void
read_measure(const yctx *y, se_action *a, const se_node *m)
{
	const char *by;

	if (m == NULL)
		return;
	if (m->kind != SE_NODE_MAP) {
		se_pos pos = at(y, m);
		se_diag_error(y->d, &pos, "plan-field",
		    "'measure' should be a map: indicator, baseline, target, by");
		return;
	}
	a->indicator = text_of(y, m, "indicator");
	a->has_baseline = number_of(y, m, "baseline", &a->baseline);
	a->has_target = number_of(y, m, "target", &a->target);
	a->baseline_period = text_of(y, m, "baseline_period");
	by = text_of(y, m, "by");
	if (by[0] != '\0') {
		se_pos pos = at(y, se_node_get(m, "by"));
		a->has_by = se_plan_read_date(by, &pos, "", &a->by,
		    y->d) == 0;
	}
}

/* A node as YAML flow text (a JSON value is one), for keys kept as
 * they were. */
static void
flow(se_buf *b, const se_node *n)
{
	size_t i;

	if (n == NULL) {
		se_buf_adds(b, "null");
		return;
	}
	if (n->kind == SE_NODE_SCALAR) {
		se_buf_addc(b, '"');
		for (i = 0; i < n->len; i++) {
			unsigned char c = (unsigned char)n->text[i];
			if (c == '"' || c == '\\')
				se_buf_addc(b, '\\');
			if (c < 0x20)
				se_buf_addf(b, "\\u%04x", c);
			else
				se_buf_addc(b, (char)c);
		}
		se_buf_addc(b, '"');
		return;
	}
	se_buf_addc(b, n->kind == SE_NODE_LIST ? '[' : '{');
	for (i = 0; i < n->n; i++) {
		if (i > 0)
			se_buf_adds(b, ", ");
		if (n->kind == SE_NODE_MAP) {
			flow(b, n->keys[i]);
			se_buf_adds(b, ": ");
		}
		flow(b, n->items[i]);
	}
	se_buf_addc(b, n->kind == SE_NODE_LIST ? ']' : '}');
}

/* The keys of action 'it' plan.yaml does not name, kept. */
static int
keep_extra(const yctx *y, se_action *a, const se_node *it)
{
	const char **keys, **values;
	size_t i, n = 0;
	se_buf b;

	if (y->p->action_fields == NULL)
		return 0;
	keys = se_arena_alloc(y->p->arena, (it->n + 1) * sizeof *keys);
	values = se_arena_alloc(y->p->arena, (it->n + 1) * sizeof *values);
	if (keys == NULL || values == NULL)
		return -1;
	se_buf_init(&b);
	for (i = 0; i < it->n; i++) {
		const char *k = se_node_str(it->keys[i]);
		if (k == NULL || se_node_get(y->p->action_fields, k) != NULL)
			continue;
		se_buf_reset(&b);
		flow(&b, it->items[i]);
		keys[n] = se_arena_strdup(y->p->arena, k);
		values[n] = se_arena_strndup(y->p->arena, se_buf_str(&b),
		    b.len);
		if (keys[n] == NULL || values[n] == NULL) {
			se_buf_release(&b);
			return -1;
		}
		n++;
	}
	se_buf_release(&b);
	a->extra_keys = (const char *const *)keys;
	a->extra_values = (const char *const *)values;
	a->nextra = n;
	return 0;
}

static int
read_action(const yctx *y, const se_node *it, const char *authority,
    const char *rec)
{
	se_pos pos = at(y, it);
	se_action *a;
	const se_node *n;

	if (it->kind != SE_NODE_MAP) {
		se_diag_error(y->d, &pos, "plan-field",
		    "an action should be a map of priority, action, owner, "
		    "due, ...");
		return 0;
	}
	a = se_plan_add_action(y->p, &pos);
	if (a == NULL)
		return -1;
	a->id = text_of(y, it, "id");
	a->authority = text_of(y, it, "authority");
	if (a->authority[0] == '\0')
		a->authority = authority;
	a->recommendation = text_of(y, it, "recommendation");
	if (a->recommendation[0] == '\0')
		a->recommendation = rec;
	else if (note_rec(y->p, a->recommendation, &pos) == NULL)
		return -1;
	a->priority = text_of(y, it, "priority");
	a->regional_priority = text_of(y, it, "regional_priority");
	a->action = text_of(y, it, "action");
	a->owner = text_of(y, it, "owner");
	a->evidence = evidence_of(y, it);
	a->impact = text_of(y, it, "impact");
	a->success_criteria = text_of(y, it, "success_criteria");
	a->theme = text_of(y, it, "theme");
	n = se_node_get(it, "action");
	if (a->action[0] == '\0') {
		se_pos apos = n ? at(y, n) : pos;
		required_empty(y->p, COL_ACTION, &apos, "", y->d);
	}
	n = se_node_get(it, "owner");
	if (a->owner[0] == '\0') {
		se_pos opos = n ? at(y, n) : pos;
		required_empty(y->p, COL_OWNER, &opos, "", y->d);
	}
	n = se_node_get(it, "due");
	if (n != NULL) {
		se_pos dpos = at(y, n);
		se_plan_set_due(y->p, a, text_of(y, it, "due"), &dpos, "",
		    y->d);
	}
	n = se_node_get(it, "status");
	if (n != NULL) {
		se_pos spos = at(y, n);
		se_plan_set_status(y->p, a, text_of(y, it, "status"), &spos,
		    "", y->d);
	}
	read_measure(y, a, se_node_get(it, "measure"));
	if (a->indicator[0] == '\0' && se_plan_measure_from_text(y->p, a) < 0)
		return -1;
	if (keep_extra(y, a, it) < 0)
		return -1;
	return read_progress(y, a, se_node_get(it, "progress"));
}

static int
read_actions(const yctx *y, const se_node *list, const char *authority,
    const char *rec)
{
	size_t i;

	for (i = 0; i < list->n; i++)
		if (read_action(y, list->items[i], authority, rec) < 0)
			return -1;
	return 0;
}

/* recommendations: each with its id, text, impact, way forward and
 * actions. */
static int
read_recs(const yctx *y, const se_node *list, const char *authority)
{
	size_t i;

	if (!given_list(y, list,
	    "'recommendations' should be a list of recommendations"))
		return 0;
	for (i = 0; i < list->n; i++) {
		const se_node *it = list->items[i], *acts;
		se_pos pos = at(y, it);
		se_recommendation *r;
		const char *id;
		char num[32];

		if (it->kind != SE_NODE_MAP) {
			se_diag_error(y->d, &pos, "plan-field",
			    "a recommendation should be a map of id, "
			    "recommendation, impact, way_forward, actions");
			continue;
		}
		id = text_of(y, it, "id");
		if (id[0] == '\0') {
			snprintf(num, sizeof num, "R%zu", i + 1);
			id = se_plan_trim(y->p, num, strlen(num));
		}
		r = id ? note_rec(y->p, id, &pos) : NULL;
		if (r == NULL)
			return -1;
		r->text = text_of(y, it, "recommendation");
		r->impact = text_of(y, it, "impact");
		r->way_forward = text_of(y, it, "way_forward");
		acts = se_node_get(it, "actions");
		if (acts != NULL && acts->kind == SE_NODE_LIST &&
		    read_actions(y, acts, authority, r->id) < 0)
			return -1;
	}
	return 0;
}

int
se_plan_add_doc(se_plan *p, const se_doc *doc, se_diag *diag)
{
	yctx y = { p, doc, diag, NULL };
	const se_node *list, *recs;
	const char *authority, *title;
	se_pos whole = { doc->path, 0, 0 };
	size_t i;

	if (!p->defined)
		return se_diag_error(diag, &whole, "no-plan-format",
		    "the plan format is not loaded");
	if (doc->kind == NULL || strcmp(doc->kind, "plan") != 0)
		return se_diag_error(diag, &whole, "not-a-plan",
		    "not a plan: expected 'kind: plan' or a CSV with the "
		    "columns Action and Accountable officer");
	y.file = se_arena_strdup(p->arena, doc->path);
	if (y.file == NULL)
		return -1;
	p->header_mixed = true;
	authority = text_of(&y, doc->meta, "authority");
	title = text_of(&y, doc->meta, "title");
	if (p->title[0] == '\0')
		p->title = title;
	list = se_node_get(doc->meta, "actions");
	recs = se_node_get(doc->meta, "recommendations");
	if ((list == NULL || list->kind != SE_NODE_LIST) && recs == NULL) {
		se_pos pos = list ? at(&y, list) : whole;
		return se_diag_error(diag, &pos, "plan-field",
		    "a plan needs 'actions', a list of actions (or "
		    "'recommendations', each with its actions)");
	}
	if (read_recs(&y, recs, authority) < 0)
		return -1;
	if (list != NULL && list->kind == SE_NODE_LIST &&
	    read_actions(&y, list, authority, "") < 0)
		return -1;
	for (i = 0; i < p->n; i++)
		if (se_plan_note_authority(p, p->actions[i].authority) < 0)
			return -1;
	return 0;
}

/* ---- loading a file --------------------------------------------------- */

/* A CSV by its name, or (standard input, other names) by a first line
 * that has a comma and is not YAML. */
static bool
looks_csv(const char *path, const char *buf, size_t len)
{
	const char *nl;
	size_t n;

	if (se_ends_with(path, ".csv"))
		return true;
	if (se_ends_with(path, ".yaml") || se_ends_with(path, ".yml") ||
	    se_ends_with(path, ".md"))
		return false;
	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0) {
		buf += 3;
		len -= 3;
	}
	if (len >= 3 && (memcmp(buf, "---", 3) == 0 || buf[0] == '#'))
		return false;
	nl = memchr(buf, '\n', len);
	n = nl ? (size_t)(nl - buf) : len;
	return memchr(buf, ',', n) != NULL && memchr(buf, ':', n) == NULL;
}

static int
load_file(se_plan *p, const char *path, se_diag *diag)
{
	char *buf;
	size_t len;
	se_doc *doc;
	int rc;

	if (se_read_file(path, SE_MAX_DOC_BYTES, &buf, &len, diag) < 0)
		return -1;
	if (looks_csv(path, buf, len)) {
		rc = se_plan_add_csv(p, strcmp(path, "-") == 0 ? "<stdin>" :
		    path, buf, len, diag);
		free(buf);
		return rc;
	}
	doc = se_doc_parse(path, -1, buf, len, diag);
	free(buf);
	if (doc == NULL)
		return -1;
	rc = se_plan_add_doc(p, doc, diag);
	se_doc_free(doc);
	return rc;
}

typedef struct walk_ctx {
	se_plan *p;
	se_diag *diag;
	bool failed; /* a file could not be read or parsed */
} walk_ctx;

/* A file se_walk() visits: one named is read as a plan; one found in a
 * directory only when it is a plan, any other document skipped silently
 * (a file that cannot be parsed is an error: it may be a plan). */
static int
add_found(void *ctx, const char *path, bool named)
{
	walk_ctx *f = ctx;
	se_plan *p = f->p;
	se_diag *diag = f->diag, *quiet;
	se_doc *doc;
	int rc = 0;

	if (named)
		return load_file(p, path, diag);
	if (!se_ends_with(path, ".csv") && !se_ends_with(path, ".yaml") &&
	    !se_ends_with(path, ".yml"))
		return 0;
	if (se_ends_with(path, ".csv")) {
		quiet = se_diag_new_child(diag);
		if (quiet == NULL)
			return -1;
		if (load_file(p, path, quiet) == 0)
			se_diag_append(diag, quiet);
		se_diag_free(quiet);
		return 0;
	}
	if (se_doc_load_found(path, false, "plan", &doc, diag) < 0) {
		f->failed = true;
		return -1;
	}
	if (doc)
		rc = se_plan_add_doc(p, doc, diag);
	se_doc_free(doc);
	return rc;
}

int
se_plan_load(se_plan *p, const char *path, se_diag *diag)
{
	walk_ctx f = { p, diag, false };

	return se_walk(path, add_found, &f, diag) == 0 && !f.failed ? 0 : -1;
}

/* ---- assessing -------------------------------------------------------- */

/* The impact of the recommendation an action serves, or "". */
static const char *
rec_impact(const se_plan *p, const se_action *a)
{
	size_t i;

	for (i = 0; a->recommendation[0] && i < p->nrecs; i++)
		if (strcmp(p->recs[i].id, a->recommendation) == 0)
			return p->recs[i].impact;
	return "";
}

static void
lacks(const se_plan *p, se_action *a)
{
	a->lacks = 0;
	if (a->status == SE_STATUS_COMPLETE || a->status == SE_STATUS_DROPPED)
		return;
	if (a->owner[0] == '\0')
		a->lacks |= SE_LACKS_OWNER;
	if (a->due_text[0] == '\0')
		a->lacks |= SE_LACKS_DUE;
	if (a->impact[0] == '\0' && a->indicator[0] == '\0' &&
	    a->success_criteria[0] == '\0' && rec_impact(p, a)[0] == '\0')
		a->lacks |= SE_LACKS_IMPACT;
}

static void
staleness(se_action *a, const se_assess *as)
{
	size_t i;

	a->last_note = -1;
	for (i = 0; i < a->nnotes; i++)
		if (a->notes[i].day > a->last_note)
			a->last_note = a->notes[i].day;
	/* Not started: nothing to report yet; finished: nothing more. */
	a->stale = (a->status == SE_STATUS_IN_PROGRESS ||
	    a->status == SE_STATUS_AT_RISK) &&
	    (a->last_note < 0 || as->as_of - a->last_note >
	    (as->stale_days > 0 ? as->stale_days : SE_STALE_DAYS));
}

/* A recommendation's state: met when all its actions are done (at least
 * one complete) and no measured impact falls short; not met when its
 * last due date has passed with actions undone; else in progress. */
static void
assess_rec(se_plan *p, se_recommendation *r, long as_of)
{
	bool short_of = false;
	size_t i;

	r->nactions = r->ncomplete = r->ndropped = 0;
	r->has_last_due = false;
	for (i = 0; i < p->n; i++) {
		const se_action *a = &p->actions[i];
		if (strcmp(a->recommendation, r->id) != 0)
			continue;
		r->nactions++;
		r->ncomplete += a->status == SE_STATUS_COMPLETE;
		r->ndropped += a->status == SE_STATUS_DROPPED;
		if (a->has_due && (!r->has_last_due || a->due > r->last_due)) {
			r->has_last_due = true;
			r->last_due = a->due;
		}
		short_of |= a->result == SE_IMPACT_MISSED ||
		    a->result == SE_IMPACT_OFF_TRAJECTORY ||
		    a->result == SE_IMPACT_NOT_YET;
	}
	if (r->ncomplete > 0 && r->ncomplete + r->ndropped == r->nactions &&
	    !short_of)
		r->state = SE_REC_MET;
	else if (r->has_last_due && r->last_due < as_of)
		r->state = SE_REC_NOT_MET;
	else
		r->state = SE_REC_IN_PROGRESS;
}

int
se_plan_assess(se_plan *p, const se_assess *as)
{
	size_t i;

	for (i = 0; i < p->n; i++) {
		se_action *a = &p->actions[i];
		a->state = se_action_state(a, as->as_of);
		a->days_overdue = a->state == SE_STATE_OVERDUE ?
		    as->as_of - a->due : 0;
		staleness(a, as);
		lacks(p, a);
		a->result = SE_IMPACT_UNCHECKED;
		a->result_reason = "";
		if (as->data != NULL)
			a->result = se_action_impact(p, a, as->data, as->as_of,
			    &a->result_reason);
	}
	for (i = 0; i < p->nrecs; i++)
		assess_rec(p, &p->recs[i], as->as_of);
	return 0;
}

/* A short name for an action in messages: its id, or its first words. */
const char *
se_action_label(const se_action *a, char *buf, size_t n)
{
	char *q;

	if (a->id[0] != '\0')
		return a->id;
	snprintf(buf, n, "%.40s%s", a->action, strlen(a->action) > 40 ?
	    "..." : "");
	for (q = buf; *q; q++)
		if (*q == '\n' || *q == '\r' || *q == '\t')
			*q = ' ';
	return buf;
}

size_t
se_plan_check(const se_plan *p, se_diag *diag)
{
	size_t i, failed = 0;

	for (i = 0; i < p->n; i++) {
		const se_action *a = &p->actions[i];
		char buf[64], due[11], row[32] = "";
		const char *label = se_action_label(a, buf, sizeof buf);
		/* An empty owner is already an error of the plan reader. */
		unsigned lacks = a->lacks & ~(unsigned)SE_LACKS_OWNER;
		bool bad = false;

		if (a->row > 0)
			snprintf(row, sizeof row, " (row %u)", a->row);
		if (a->state == SE_STATE_OVERDUE) {
			se_ymd_format(a->due, due);
			se_diag_error(diag, &a->pos, "overdue",
			    "action '%s' is overdue: due %s, %ld day%s ago%s",
			    label, due, a->days_overdue,
			    a->days_overdue == 1 ? "" : "s", row);
			bad = true;
		}
		if (lacks != 0) {
			se_diag_error(diag, &a->pos, "incomplete",
			    "action '%s' has %s%s%s%s", label,
			    lacks & SE_LACKS_DUE ? "no timescale" : "",
			    (lacks & SE_LACKS_DUE) &&
			    (lacks & SE_LACKS_IMPACT) ? ", " : "",
			    lacks & SE_LACKS_IMPACT ? "no impact" : "", row);
			bad = true;
		}
		failed += bad || (a->lacks & SE_LACKS_OWNER) ||
		    a->due_unread || a->status_unread;
	}
	return failed;
}

/* ---- impact against the data ------------------------------------------ */

/* The day a store period ends (a span is a financial year). */
static bool
period_end(const se_period *pr, long *day)
{
	char buf[11];

	se_period_end(pr, buf);
	return se_ymd_parse(buf, 10, day);
}

/* A baseline period as a day: a date, or the end of a period (2019Q2,
 * Q2 2018-19, 2018-19). */
static bool
baseline_day(const char *s, long *day)
{
	se_period pr;

	if (se_date_parse(s, strlen(s), day) == 0)
		return true;
	return se_period_parse(s, strlen(s), &pr) == 0 && period_end(&pr, day);
}

static size_t
find_series(const se_store *s, const char *name)
{
	size_t i;

	for (i = 0; i < se_store_nseries(s); i++) {
		const se_indicator *ind = se_store_series_indicator(s, i);
		if (se_strcasecmp(ind->id, name) == 0 ||
		    (ind->title && se_strcasecmp(ind->title, name) == 0))
			return i;
	}
	return SIZE_MAX;
}

typedef struct latest {
	double value;
	const char *period;
	long end;
} latest;

static bool
latest_value(const se_store *s, size_t i, size_t e, latest *out)
{
	size_t k = se_store_nperiods(s, i);

	while (k-- > 0) {
		se_cell c = se_store_cell(s, i, k, e);
		if (c.state != SE_CELL_VALUE)
			continue;
		out->value = c.value;
		out->period = se_store_period_text(s, i, k);
		if (!period_end(se_store_period(s, i, k), &out->end))
			out->end = -1;
		return true;
	}
	return false;
}

static void
say(se_plan *p, const char **reason, const char *fmt, ...)
    SE_PRINTF(3, 4);

static void
say(se_plan *p, const char **reason, const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (reason != NULL)
		*reason = se_arena_strdup(p->arena, buf);
	if (reason != NULL && *reason == NULL)
		*reason = "";
}

/* Which way is better: +1 higher, -1 lower, 0 unknown.  The plan's own
 * baseline and target say it first; else the indicator's polarity. */
static int
better_way(const se_action *a, const se_indicator *ind)
{
	if (a->has_baseline && a->target != a->baseline)
		return a->target > a->baseline ? 1 : -1;
	if (ind->polarity == SE_POLARITY_HIGH)
		return 1;
	if (ind->polarity == SE_POLARITY_LOW)
		return -1;
	return 0;
}

se_impact
se_action_impact(se_plan *p, const se_action *a, const se_store *data,
    long as_of, const char **reason)
{
	const char *who = a->authority;
	const se_indicator *ind;
	char v[32], t[32], e[32], by[11];
	size_t i, ent;
	latest l;
	long t0;
	int way, prec;
	double expected, frac;

	if (reason != NULL)
		*reason = "";
	if (a->indicator[0] == '\0' || !a->has_target || !a->has_by) {
		say(p, reason, "no indicator, target and date to check");
		return SE_IMPACT_NOT_MEASURABLE;
	}
	i = find_series(data, a->indicator);
	if (i == SIZE_MAX) {
		say(p, reason, "'%s' is not in the data", a->indicator);
		return SE_IMPACT_NOT_MEASURABLE;
	}
	ind = se_store_series_indicator(data, i);
	way = better_way(a, ind);
	if (way == 0) {
		say(p, reason, "'%s' has no polarity and no baseline: cannot "
		    "tell which way is better", a->indicator);
		return SE_IMPACT_NOT_MEASURABLE;
	}
	prec = ind->precision;
	se_number_format(a->target, prec, t, sizeof t);
	se_ymd_format(a->by, by);
	ent = se_store_entity_find(data, who);
	if (ent == SIZE_MAX || !latest_value(data, i, ent, &l)) {
		say(p, reason, "no value for '%s' yet; target %s by %s",
		    who, t, by);
		return SE_IMPACT_NOT_YET;
	}
	se_number_format(l.value, prec, v, sizeof v);
	if (a->by < as_of) {
		bool met = (l.value - a->target) * way >= 0;
		say(p, reason, "%s (%s) against target %s by %s", v, l.period,
		    t, by);
		return met ? SE_IMPACT_MET : SE_IMPACT_MISSED;
	}
	if (!a->has_baseline) {
		say(p, reason, "%s (%s); no baseline; target %s by %s", v,
		    l.period, t, by);
		return SE_IMPACT_NOT_YET;
	}
	if (a->baseline_period[0] == '\0' ||
	    !baseline_day(a->baseline_period, &t0)) {
		say(p, reason, "%s (%s); the baseline has no period; target %s "
		    "by %s", v, l.period, t, by);
		return SE_IMPACT_NOT_YET;
	}
	if (l.end <= t0) {
		say(p, reason, "no value since the baseline (%s); target %s by "
		    "%s", a->baseline_period, t, by);
		return SE_IMPACT_NOT_YET;
	}
	frac = a->by > t0 ? (double)(l.end - t0) / (double)(a->by - t0) : 1;
	if (frac > 1)
		frac = 1;
	expected = a->baseline + (a->target - a->baseline) * frac;
	se_number_format(expected, prec, e, sizeof e);
	say(p, reason, "%s (%s) against %s on the line from %s (%s) to %s by "
	    "%s", v, l.period, e, se_plan_num(p, a->baseline, prec),
	    a->baseline_period, t, by);
	return (l.value - expected) * way >= -1e-9 ?
	    SE_IMPACT_ON_TRAJECTORY : SE_IMPACT_OFF_TRAJECTORY;
}

const char *
se_plan_num(se_plan *p, double v, int prec)
{
	char buf[32];
	const char *s;

	se_number_format(v, prec, buf, sizeof buf);
	s = se_arena_strdup(p->arena, buf);
	return s ? s : "";
}

/* "Measure: CSC-002 from 26.3% (2018-19) to 22.6% by March 2020." in
 * an Impact cell, as plan.csv writes a measure in one column. */
int
se_plan_measure_from_text(se_plan *p, se_action *a)
{
	const char *s = a->impact, *m = NULL, *q;
	char tok[8][64];
	size_t ntok = 0, i, k;
	long by;
	double base, target;
	const char *period = "";

	for (q = s; *q; q++)
		if (se_strncasecmp(q, "measure:", 8) == 0) {
			m = q + 8;
			break;
		}
	if (m == NULL)
		return 0;
	/* indicator, "from", value, [unit] [(period)], "to", value, [unit],
	 * "by", date... */
	while (*m && ntok < 8) {
		while (*m == ' ')
			m++;
		if (*m == '\0')
			break;
		if (ntok > 0 && se_strcasecmp(tok[ntok - 1], "by") == 0) {
			size_t n = strlen(m);
			while (n > 0 && (m[n - 1] == '.' || m[n - 1] == ' '))
				n--;
			if (n >= sizeof tok[0])
				return 0;
			memcpy(tok[ntok], m, n);
			tok[ntok++][n] = '\0';
			break;
		}
		for (k = 0; m[k] && m[k] != ' ' && k + 1 < sizeof tok[0]; k++)
			tok[ntok][k] = m[k];
		tok[ntok][k] = '\0';
		m += k;
		ntok++;
	}
	if (ntok < 6 || se_strcasecmp(tok[1], "from") != 0 ||
	    se_number_parse(tok[2], strlen(tok[2]), &base) != SE_NUM_OK)
		return 0;
	for (i = 3; i < ntok && se_strcasecmp(tok[i], "to") != 0; i++) {
		size_t n = strlen(tok[i]);
		if (n > 2 && tok[i][0] == '(' && tok[i][n - 1] == ')') {
			tok[i][n - 1] = '\0';
			period = tok[i] + 1;
		}
	}
	if (i + 1 >= ntok || se_number_parse(tok[i + 1], strlen(tok[i + 1]),
	    &target) != SE_NUM_OK)
		return 0;
	for (i += 2; i < ntok && se_strcasecmp(tok[i], "by") != 0; i++)
		;
	if (i + 1 >= ntok ||
	    se_date_parse(tok[i + 1], strlen(tok[i + 1]), &by) < 0)
		return 0;
	a->indicator = se_arena_strdup(p->arena, tok[0]);
	a->baseline_period = se_arena_strdup(p->arena, period);
	if (a->indicator == NULL || a->baseline_period == NULL)
		return -1;
	a->has_baseline = a->has_target = a->has_by = true;
	a->baseline = base;
	a->target = target;
	a->by = by;
	return 0;
}

/* ---- CSV plans -------------------------------------------------------- */

/* A heading as it is compared: text in brackets dropped ("ACTION
 * (What?)" is "Action"), then folded as every name is (se_name_fold, by
 * words); NULL when out of memory.  No heading is over 200 bytes: a longer cell matches nothing
 * ("" is returned). */
static char *
heading_key(const char *cell)
{
	char *t, *f;
	size_t i, k = 0, n = strlen(cell);
	int depth = 0;

	t = malloc(n < 200 ? n + 1 : 1);
	if (t == NULL)
		return NULL;
	for (i = 0; n < 200 && cell[i]; i++) {
		if (cell[i] == '(')
			depth++;
		else if (cell[i] == ')' && depth > 0)
			depth--;
		else if (depth == 0)
			t[k++] = cell[i];
	}
	t[k] = '\0';
	f = se_name_fold(t, k, SE_NAME_WORDS);
	free(t);
	return f;
}

/* The csv-columns entry a heading names, or -1: its name or an alias,
 * compared as heading_key() folds them. */
static int
column_of(const se_plan *p, const char *text)
{
	char *key = heading_key(text);
	size_t i, k;
	int found = -1;

	for (i = 0; key && key[0] && found < 0 && i < p->ncols; i++)
		for (k = 0; found < 0 && k < p->cols[i].nkeys; k++)
			if (strcmp(key, p->cols[i].keys[k]) == 0)
				found = (int)i;
	free(key);
	return found;
}

/* A column's name and aliases folded once, as headings are compared. */
static int
column_keys(se_plan *p, pcol *c)
{
	const se_node *al = c->aliases;
	size_t n = 1 + (al && al->kind == SE_NODE_LIST ? al->n : 0), i;
	const char **keys = se_arena_alloc(p->arena, n * sizeof *keys);

	if (keys == NULL)
		return -1;
	c->nkeys = 0;
	for (i = 0; i < n; i++) {
		const char *name = i == 0 ? c->name : se_node_str(al->items[i - 1]);
		char *k = name ? heading_key(name) : NULL;
		if (name && k == NULL)
			return -1;
		if (k == NULL)
			continue;
		keys[c->nkeys] = se_arena_strdup(p->arena, k);
		free(k);
		if (keys[c->nkeys] == NULL)
			return -1;
		c->nkeys++;
	}
	c->keys = keys;
	return 0;
}

bool
se_plan_is_header(const se_plan *p, const char *const *cells, size_t n)
{
	bool action = false, owner = false;
	size_t i;
	int c;

	for (i = 0; i < n && i < 64; i++) {
		c = column_of(p, cells[i]);
		action |= c >= 0 && p->cols[c].col == COL_ACTION;
		owner |= c >= 0 && p->cols[c].col == COL_OWNER;
	}
	return action && owner;
}

typedef struct cctx {
	se_plan *p;
	se_diag *d;
	const char *file;
	int map[64];          /* field index -> csv-columns entry, or -1 */
	const char **heads;   /* the header's cells as written */
	bool *computed;       /* a column se-plan computes (not kept) */
	size_t nmap, nheads;
	unsigned row;         /* the spreadsheet's row of this record */
	size_t first;         /* this file's first action */
	bool header_done, bad;
	char where[160];      /* " (row 5, column 'Timescale')" */
} cctx;

/* The header's cells, kept; the same header for every CSV so far is the
 * header -F csv writes back. */
static int
keep_header(cctx *c, const se_csv_field *f, size_t n)
{
	se_plan *p = c->p;
	const char **kept;
	size_t i, k = 0;

	c->heads = se_arena_alloc(p->arena, (n + 1) * sizeof *c->heads);
	kept = se_arena_alloc(p->arena, (n + 1) * sizeof *kept);
	c->computed = se_arena_alloc(p->arena, (n + 1) * sizeof *c->computed);
	if (c->heads == NULL || kept == NULL || c->computed == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		c->heads[i] = se_arena_strndup(p->arena, f[i].text, f[i].len);
		if (c->heads[i] == NULL)
			return -1;
		c->computed[i] = is_computed(c->heads[i]);
		if (!c->computed[i])
			kept[k++] = c->heads[i];
	}
	c->nheads = n;
	if (p->header == NULL && !p->header_mixed) {
		p->header = (const char *const *)kept;
		p->nheader = k;
		return 0;
	}
	if (p->nheader != k)
		p->header_mixed = true;
	for (i = 0; !p->header_mixed && i < k; i++)
		if (strcmp(p->header[i], kept[i]) != 0)
			p->header_mixed = true;
	return 0;
}

static int
csv_header(cctx *c, const se_csv_field *f, size_t n, unsigned line)
{
	size_t i, k;
	bool has[NCOLS] = { false };
	se_pos pos = { c->file, line, 1 };
	se_buf unused;
	size_t nunused = 0;

	c->header_done = true;
	if (keep_header(c, f, n) < 0)
		return -1;
	c->nmap = n < 64 ? n : 64;
	se_buf_init(&unused);
	for (i = 0; i < n; i++) {
		int e = i < c->nmap ? column_of(c->p, f[i].text) : -1;
		/* The first column of a name wins; a repeat is not used. */
		if (e >= 0 && has[c->p->cols[e].col])
			e = -1;
		if (e >= 0)
			has[c->p->cols[e].col] = true;
		if (i < c->nmap)
			c->map[i] = e;
		if (e < 0 && f[i].len > 0 && !c->computed[i]) {
			if (nunused < 10)
				se_buf_addf(&unused, "%s'%.60s'",
				    nunused ? ", " : "", f[i].text);
			nunused++;
		}
	}
	if (nunused > 10)
		se_buf_addf(&unused, " and %zu more", nunused - 10);
	for (k = 0; k < c->p->ncols; k++)
		if (c->p->cols[k].required && !has[c->p->cols[k].col]) {
			c->bad = true;
			se_buf_release(&unused);
			return se_diag_error(c->d, &pos, "csv-header",
			    "not a plan: the header needs the columns 'Action' "
			    "and 'Accountable officer' (or 'Lead officer', "
			    "'Owner', ...)");
		}
	/* Named once: no command reads them; -F csv writes them back. */
	if (nunused > 0)
		se_diag_note(c->d, &pos, "unused-column",
		    "%s %s %s: kept as %s and written back by se-plan -F csv",
		    nunused == 1 ? "column" : "columns", se_buf_str(&unused),
		    nunused == 1 ? "is not a plan column" :
		    "are not plan columns", nunused == 1 ? "it is" : "they are");
	se_buf_release(&unused);
	return 0;
}

static int
csv_progress(cctx *c, se_action *a, const se_csv_field *f)
{
	const char *s = f->text, *end = f->text + f->len;
	unsigned line = f->line;

	while (s < end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		size_t n = nl ? (size_t)(nl - s) : (size_t)(end - s);
		se_pos pos = { c->file, line, f->col };

		if (se_plan_read_note(c->p, a, s, n, &pos, c->d) < 0)
			return -1;
		s += n + (nl != NULL);
		line++;
	}
	return 0;
}

static bool
blank_record(const se_csv_field *f, size_t n)
{
	size_t i, k;

	for (i = 0; i < n; i++)
		for (k = 0; k < f[i].len; k++)
			if (!isspace((unsigned char)f[i].text[k]))
				return false;
	return true;
}

static int
csv_number(cctx *c, const se_csv_field *f, const char *what, double *v)
{
	se_pos pos = { c->file, f->line, f->col };
	se_num_status st = se_number_parse(f->text, f->len, v);

	if (st == SE_NUM_OK)
		return 1;
	if (f->len > 0)
		se_diag_error(c->d, &pos, "plan-field",
		    "%s '%.40s' is not a number%s", what, f->text, c->where);
	return 0;
}

/* The value of a carry-down column (Recommendation, Priority) from the
 * row above, when this row's cell is blank. */
static const char *
carried(const cctx *c, int col)
{
	const se_action *above;

	if (c->p->n < 2 || c->p->n - 1 <= c->first)
		return "";
	above = &c->p->actions[c->p->n - 2];
	return col == COL_PRIORITY ? above->priority : above->recommendation;
}

static int
csv_field(cctx *c, se_action *a, const pcol *pc, const se_csv_field *f)
{
	const char *s, *text = f->text;
	size_t len = f->len;
	se_pos pos = { c->file, f->line, f->col };
	int col = pc->col;

	/* Undo the "'" se_csv_put puts before a formula (round trip). */
	if (len >= 2 && text[0] == '\'' && strchr("=+-@\t\r", text[1])) {
		text++;
		len--;
	}
	if (col == COL_PROGRESS)
		return csv_progress(c, a, f);
	if (col == COL_BASELINE) {
		a->has_baseline = csv_number(c, f, "baseline", &a->baseline);
		return 0;
	}
	if (col == COL_TARGET) {
		a->has_target = csv_number(c, f, "target", &a->target);
		return 0;
	}
	s = se_plan_trim(c->p, text, len);
	if (s == NULL)
		return -1;
	if (s[0] == '\0' && pc->carry)
		s = carried(c, col);
	if (s[0] == '\0' && pc->required)
		required_empty(c->p, col, &pos, c->where, c->d);
	switch (col) {
	case COL_ID: a->id = s; break;
	case COL_AUTHORITY: a->authority = s; break;
	case COL_PRIORITY: a->priority = s; break;
	case COL_REGIONAL: a->regional_priority = s; break;
	case COL_ACTION: a->action = s; break;
	case COL_OWNER: a->owner = s; break;
	case COL_EVIDENCE: a->evidence = s; break;
	case COL_IMPACT: a->impact = s; break;
	case COL_SUCCESS: a->success_criteria = s; break;
	case COL_INDICATOR: a->indicator = s; break;
	case COL_THEME: a->theme = s; break;
	case COL_BASELINE_PERIOD: a->baseline_period = s; break;
	case COL_RECOMMENDATION:
		a->recommendation = s;
		if (s[0] != '\0' && note_rec(c->p, s, &pos) == NULL)
			return -1;
		break;
	case COL_DUE:
		se_plan_set_due(c->p, a, s, &pos, c->where, c->d);
		break;
	case COL_STATUS:
		se_plan_set_status(c->p, a, s, &pos, c->where, c->d);
		break;
	case COL_BY:
		a->has_by = s[0] != '\0' &&
		    se_plan_read_date(s, &pos, c->where, &a->by, c->d) == 0;
		break;
	default: break;
	}
	return 0;
}

/* The row's cells as read (the computed ones left out), for -F csv. */
static int
keep_cells(cctx *c, se_action *a, const se_csv_field *f, size_t n)
{
	const char **cells = se_arena_alloc(c->p->arena,
	    (n + 1) * sizeof *cells);
	size_t i, k = 0;

	if (cells == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		if (i < c->nheads && c->computed[i])
			continue;
		cells[k] = se_arena_strndup(c->p->arena, f[i].text, f[i].len);
		if (cells[k] == NULL)
			return -1;
		k++;
	}
	a->cells = (const char *const *)cells;
	a->ncells = k;
	return 0;
}

/* A baseline period written "26.3 (2018-19)" is not kept apart in CSV;
 * the impact text's "Measure:" sentence can say it. */
static int
csv_record(void *ctx, const se_csv_field *f, size_t n, unsigned line)
{
	cctx *c = ctx;
	se_pos pos = { c->file, line, 1 };
	se_action *a;
	size_t i;

	c->row++;
	if (!c->header_done)
		return csv_header(c, f, n, line);
	if (blank_record(f, n))
		return 0;
	a = se_plan_add_action(c->p, &pos);
	if (a == NULL)
		return -1;
	a->row = c->row;
	if (keep_cells(c, a, f, n) < 0)
		return -1;
	for (i = 0; i < c->nmap; i++) {
		const pcol *pc;
		static const se_csv_field empty = { "", 0, 0, 0 };
		const se_csv_field *cell = i < n ? &f[i] : &empty;
		se_csv_field here;
		if (c->map[i] < 0)
			continue;
		pc = &c->p->cols[c->map[i]];
		if (i >= n) {
			here = *cell;
			here.line = line;
			here.col = 1;
			cell = &here;
		}
		snprintf(c->where, sizeof c->where, " (row %u, column '%.100s')",
		    c->row, c->heads[i]);
		if (csv_field(c, a, pc, cell) < 0)
			return -1;
	}
	c->where[0] = '\0';
	if (a->indicator[0] == '\0')
		return se_plan_measure_from_text(c->p, a);
	return 0;
}

int
se_plan_add_csv(se_plan *p, const char *name, const char *buf, size_t len,
    se_diag *diag)
{
	cctx c;
	se_csv *csv;
	size_t first = p->n, i;
	int rc;
	se_pos whole = { name, 0, 0 };

	if (!p->defined)
		return se_diag_error(diag, &whole, "no-plan-format",
		    "the plan format is not loaded");
	memset(&c, 0, sizeof c);
	c.p = p;
	c.d = diag;
	c.first = first;
	c.file = se_arena_strdup(p->arena, name);
	if (c.file == NULL)
		return -1;
	csv = se_csv_new(name, csv_record, &c, diag);
	if (csv == NULL)
		return -1;
	rc = se_csv_feed(csv, buf, len);
	if (rc == 0)
		rc = se_csv_finish(csv);
	se_csv_free(csv);
	if (!c.header_done && !c.bad) {
		whole.file = c.file;
		return se_diag_error(diag, &whole, "csv-header",
		    "not a plan: the file is empty");
	}
	if (c.bad)
		return -1;
	for (i = first; i < p->n; i++)
		if (se_plan_note_authority(p, p->actions[i].authority) < 0)
			return -1;
	return rc;
}

/* ---- drafting from documents (--from) --------------------------------- */

/* List item text on one line, a leading "1." or "-" already gone. */
static const char *
one_line(se_plan *p, const char *s)
{
	char *t = se_plan_strdup(p, s, strlen(s)), *q;

	if (t == NULL)
		return NULL;
	for (q = t; *q; q++)
		if (*q == '\n' || *q == '\t')
			*q = ' ';
	return se_plan_trim(p, t, strlen(t));
}

/* An action for each item of document section 's'. */
static int
draft_items(se_plan *p, const se_section *s, const char *authority,
    const char *theme, size_t *found)
{
	size_t k;

	for (k = 0; k < s->nitems; k++) {
		se_action *a = se_plan_add_action(p, &s->items[k].pos);
		const char *t;
		if (a == NULL)
			return -1;
		t = one_line(p, s->items[k].text);
		if (t == NULL)
			return -1;
		a->priority = a->action = t;
		a->authority = authority;
		a->theme = theme ? se_plan_trim(p, theme, strlen(theme)) : "";
		if (a->theme == NULL)
			return -1;
		(*found)++;
	}
	return 0;
}

/* The items of the sections of 'v' marked `theme: true` (a
 * self-evaluation's improvement priorities); 'want' names them. */
static int
draft_marked(se_plan *p, const se_doc *doc, const se_fsection *v,
    size_t nv, const char *authority, const char *theme, size_t *found,
    se_buf *want)
{
	size_t i, j;

	for (i = 0; i < nv; i++) {
		if (!v[i].theme)
			continue;
		se_buf_addf(want, "%s'%s'", want->len ? " or " : "", v[i].title);
		for (j = 0; j < doc->nsections; j++)
			if (se_fsection_matches(&v[i], &doc->sections[j]) &&
			    draft_items(p, &doc->sections[j], authority, theme,
			    found) < 0)
				return -1;
	}
	return 0;
}

/* A Markdown document's sections that its format marks as themes: each
 * list item an action, its theme the chapter.  -1 with nothing said when
 * out of memory; 1 when the format marks none. */
static int
draft_sections(se_plan *p, const se_doc *doc, const se_format *fm,
    const char *authority, se_diag *diag)
{
	const char *chapter = se_node_str(se_node_get(doc->meta, "chapter"));
	const se_variant *v = se_format_variant(fm, doc);
	se_pos whole = { doc->path, 0, 0 };
	size_t found = 0;
	se_buf want;
	int rc;

	se_buf_init(&want);
	rc = draft_marked(p, doc, fm->sections, fm->nsections, authority,
	    chapter, &found, &want);
	if (rc == 0 && v)
		rc = draft_marked(p, doc, v->sections, v->nsections, authority,
		    chapter, &found, &want);
	if (rc == 0 && want.len == 0)
		rc = 1;
	else if (rc == 0 && found == 0)
		se_diag_warning(diag, &whole, "not-draftable",
		    "no items to draft from: expected a list under %s",
		    se_buf_str(&want));
	se_buf_release(&want);
	return rc;
}

static bool
agreed(const se_node *n)
{
	const char *s = se_node_str(se_node_get(n, "agreed"));
	return s == NULL || !(se_strcasecmp(s, "false") == 0 ||
	    se_strcasecmp(s, "no") == 0 || se_strcasecmp(s, "n") == 0);
}

static int
draft_review(se_plan *p, const se_doc *doc, const char *authority,
    se_diag *diag)
{
	const se_node *list = se_node_get(doc->meta, "agreed_actions");
	yctx y = { p, doc, diag, NULL };
	size_t i;

	y.file = se_arena_strdup(p->arena, doc->path);
	if (y.file == NULL)
		return -1;
	if (list == NULL || list->kind != SE_NODE_LIST) {
		se_pos whole = { doc->path, 0, 0 };
		se_diag_warning(diag, &whole, "not-draftable",
		    "no agreed actions to draft from");
		return 0;
	}
	for (i = 0; i < list->n; i++) {
		const se_node *it = list->items[i];
		se_pos pos = at(&y, it);
		const char *h;
		se_action *a;
		char buf[128];

		if (it->kind != SE_NODE_MAP || !agreed(it))
			continue;
		a = se_plan_add_action(p, &pos);
		if (a == NULL)
			return -1;
		a->action = one_line(p, text_of(&y, it, "text"));
		a->theme = text_of(&y, it, "theme");
		a->authority = authority;
		h = text_of(&y, it, "hypothesis");
		snprintf(buf, sizeof buf, "Peer challenge%s%s", h[0] ? ": " : "",
		    h);
		a->priority = se_plan_trim(p, buf, strlen(buf));
		if (a->action == NULL || a->priority == NULL)
			return -1;
	}
	return 0;
}

int
se_plan_draft(se_plan *p, const se_doc *doc, se_diag *diag)
{
	const char *auth = se_node_str(se_node_get(doc->meta, "authority"));
	const char *authority = se_plan_trim(p, auth ? auth : "",
	    auth ? strlen(auth) : 0);
	se_pos whole = { doc->path, 0, 0 };
	const se_format *fm;
	int rc;

	if (authority == NULL)
		return -1;
	fm = doc->kind && p->formats ? se_formats_find(p->formats,
	    doc->framework, doc->kind) : NULL;
	rc = 1;
	if (doc->kind != NULL && strcmp(doc->kind, "review") == 0)
		rc = draft_review(p, doc, authority, diag);
	else if (fm && doc->syntax == SE_SYNTAX_MARKDOWN)
		rc = draft_sections(p, doc, fm, authority, diag);
	if (rc == 1)
		return se_diag_error(diag, &whole, "not-draftable",
		    "cannot draft a plan from a %s: expected a review workbook "
		    "or a Markdown document whose format marks sections as "
		    "themes (a self-evaluation, a summary)",
		    doc->kind ? doc->kind : "file without 'kind'");
	if (rc == 0)
		rc = se_plan_note_authority(p, authority);
	return rc;
}
