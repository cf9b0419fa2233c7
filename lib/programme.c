/*
 * programme.c: the regional peer challenge programme (kind: programme,
 * se-formats(5) programme): the three-year calendar of peer challenge
 * team reviews and safeguarding assurance visits of the sector-led
 * improvement handbook (2012) ("Calendar of Peer Challenge in the East
 * Midlands" and the Memorandum of Understanding) and the annual timetable
 * of the RIA framework ("2018/19 Timetable of activity"), loaded into the
 * one model of programme_internal.h with the rules' parameters.
 *
 * The other jobs over that model have a file each: programme_rules.c
 * (the handbook's rules), programme_draft.c (se-plan --draft-programme),
 * programme_rows.c (the events and milestones as plan rows, se-plan
 * --programme) and calendar.c (the handbook's grids, se-report -t
 * calendar).
 */
#include "programme_internal.h"

#include <stdlib.h>
#include <string.h>

static const char *const rule_names[R_COUNT] = {
	"host-one-review", "dcs-leads-one", "dcs-qa-one", "not-own-authority",
	"one-role-per-review", "visit-spacing", "visit-next-cycle",
	"one-event-per-slot", "accredited"
};

static const char *const month_names[12] = { "Jan", "Feb", "Mar", "Apr",
	"May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

/* ---- small helpers ---------------------------------------------------- */

static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

int
se_prog_month(long y, int m)
{
	return (int)(y * 12 + m - 1);
}

long
se_prog_first_day(int m)
{
	char buf[32];
	long d = 0;

	snprintf(buf, sizeof buf, "%04d-%02d-01", m / 12, m % 12 + 1);
	(void)se_ymd_parse(buf, strlen(buf), &d);
	return d;
}

long
se_prog_last_day(int m)
{
	return se_prog_first_day(m + 1) - 1;
}

int
se_prog_day_month(long day)
{
	char buf[11];

	se_ymd_format(day, buf);
	return se_prog_month(strtol(buf, NULL, 10), (int)strtol(buf + 5, NULL, 10));
}

/* "Jan-Mar 2013" for months m0..m1 (of one year), "Jan 2013" for one. */
void
se_prog_range_label(int m0, int m1, char *buf, size_t n)
{
	if (m0 == m1)
		snprintf(buf, n, "%s %d", month_names[m0 % 12], m0 / 12);
	else if (m0 / 12 == m1 / 12)
		snprintf(buf, n, "%s-%s %d", month_names[m0 % 12],
		    month_names[m1 % 12], m0 / 12);
	else
		snprintf(buf, n, "%s %d-%s %d", month_names[m0 % 12], m0 / 12,
		    month_names[m1 % 12], m1 / 12);
}

static const char *
str(const se_node *n)
{
	return se_node_str(n);
}

const char *
se_prog_get_str(const se_node *map, const char *key)
{
	const char *s = se_node_str(se_node_get(map, key));

	return s && *s ? s : NULL;
}

const se_pos *
se_prog_pos(const se_node *n)
{
	return n ? &n->pos : NULL;
}

const char *
se_prog_aprintf(se_arena *ar, const char *fmt, ...)
{
	va_list ap;
	int n;
	char *s;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	s = n < 0 ? NULL : se_arena_alloc(ar, (size_t)n + 1);
	if (!s)
		return "";
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}


/* ---- reading when things happen --------------------------------------- */

static int
month_word(const char *s, size_t n)
{
	static const char *const full[12] = { "january", "february", "march",
		"april", "may", "june", "july", "august", "september",
		"october", "november", "december" };
	size_t i;

	if (n < 3)
		return -1;
	for (i = 0; i < 12; i++)
		if (se_strncasecmp(s, full[i], 3) == 0 &&
		    (n == 3 || (n <= strlen(full[i]) &&
		    se_strncasecmp(s, full[i], n) == 0) ||
		    (n == 4 && i == 8 && se_strncasecmp(s, "sept", 4) == 0)))
			return (int)i;
	return -1;
}

static bool
year_at(const char *s, size_t n, long *y)
{
	size_t i;

	if (n != 4)
		return false;
	*y = 0;
	for (i = 0; i < 4; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		*y = *y * 10 + (s[i] - '0');
	}
	return *y >= 1900 && *y <= 2999;
}

/* Read a span of months: "2013Q1", "2013-Q1", "Q1 2013", "Jan-Mar 2013",
 * "Jan - Mar 2013", "March-April 2013", "2013-03" (one month, which the
 * caller widens to a slot or quarter).  False when it is none of these. */
static bool
parse_months(const char *s, int *m0, int *m1, bool *single)
{
	size_t n = strlen(s), i, a, b;
	long y;
	int w0, w1;

	while (n && is_space(s[n - 1]))
		n--;
	while (n && is_space(*s))
		s++, n--;
	*single = false;
	if ((n == 6 || n == 7) && year_at(s, 4, &y)) {
		i = n == 7 ? 5 : 4;
		if (n == 7 && s[4] != '-')
			return false;
		if ((s[i] == 'Q' || s[i] == 'q') && s[i + 1] >= '1' &&
		    s[i + 1] <= '4' && i + 2 == n) {
			*m0 = se_prog_month(y, (s[i + 1] - '1') * 3 + 1);
			*m1 = *m0 + 2;
			return true;
		}
		if (n == 7 && s[5] >= '0' && s[5] <= '1' && s[6] >= '0' &&
		    s[6] <= '9') {
			int m = (s[5] - '0') * 10 + (s[6] - '0');
			if (m < 1 || m > 12)
				return false;
			*m0 = *m1 = se_prog_month(y, m);
			*single = true;
			return true;
		}
		return false;
	}
	if (n == 7 && (s[0] == 'Q' || s[0] == 'q') && s[1] >= '1' &&
	    s[1] <= '4' && s[2] == ' ' && year_at(s + 3, 4, &y)) {
		*m0 = se_prog_month(y, (s[1] - '1') * 3 + 1);
		*m1 = *m0 + 2;
		return true;
	}
	/* Mon[-Mon] YYYY */
	if (n < 8 || !year_at(s + n - 4, 4, &y) || s[n - 5] != ' ')
		return false;
	n -= 5;
	for (a = 0; a < n && s[a] != '-' && !is_space(s[a]); a++)
		;
	w0 = month_word(s, a);
	if (w0 < 0)
		return false;
	i = a;
	while (i < n && is_space(s[i]))
		i++;
	if (i == n) {
		*m0 = *m1 = se_prog_month(y, w0 + 1);
		*single = true;
		return true;
	}
	if (s[i] != '-')
		return false;
	i++;
	while (i < n && is_space(s[i]))
		i++;
	for (b = i; b < n && !is_space(s[b]); b++)
		;
	if (b != n)
		return false;
	w1 = month_word(s + i, b - i);
	if (w1 < w0)
		return false;
	*m0 = se_prog_month(y, w0 + 1);
	*m1 = se_prog_month(y, w1 + 1);
	return true;
}

bool
se_prog_cycle_years(const char *s, long *y0, long *y1)
{
	return strlen(s) == 9 && s[4] == '-' && year_at(s, 4, y0) &&
	    year_at(s + 5, 4, y1) && *y1 >= *y0 && *y1 - *y0 <= 9;
}

/* ---- loading ---------------------------------------------------------- */

typedef struct loader {
	se_programme *p;
	const se_node *meta;
	se_diag *d;
	int errors;
} loader;

static int
lerr(loader *l, const se_node *at, const char *rule, const char *fmt, ...)
    SE_PRINTF(4, 5);

static int
lerr(loader *l, const se_node *at, const char *rule, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	se_diag_vadd(l->d, SE_ERROR, se_prog_pos(at), rule, fmt, ap);
	va_end(ap);
	l->errors++;
	return -1;
}

static size_t
auth_find(const se_programme *p, const char *name)
{
	size_t i;

	if (!name)
		return NONE;
	for (i = 0; i < p->nauth; i++)
		if (se_same_name(p->auth[i].name, name))
			return i;
	return NONE;
}

/* An authority named under 'key' of 'map' ('what' for messages): its
 * index, or NONE (reported when 'required' or named but unknown). */
static size_t
ref_auth(loader *l, const se_node *map, const char *key, const char *what,
    bool required, const se_node **at)
{
	const se_node *n = se_node_get(map, key);
	const char *s = str(n);
	size_t i;

	*at = n;
	if (!n || (s && !*s)) {
		if (required)
			lerr(l, map, "programme-field", "%s has no '%s': name "
			    "one of the programme's authorities", what, key);
		return NONE;
	}
	if (!s) {
		lerr(l, n, "programme-field", "'%s' of %s must be an "
		    "authority's name", key, what);
		return NONE;
	}
	i = auth_find(l->p, s);
	if (i == NONE)
		lerr(l, n, "programme-authority", "'%s' is not one of the "
		    "programme's authorities", s);
	return i;
}

static void *
lalloc(loader *l, size_t n, size_t size)
{
	if (n == 0)
		return NULL;
	if (n > SIZE_MAX / size)
		return NULL;
	return se_arena_alloc(l->p->arena, n * size);
}

/* 'cycle: 2012-2014' is January 2012 to December 2014; 'start' and
 * 'end' (YYYY-MM) narrow it to the months the calendar covers, as the
 * handbook's runs from January 2012 to June 2014. */
static int
load_cycle(loader *l, const se_node *meta)
{
	const se_node *c = se_node_get(meta, "cycle");
	const se_node *sn = se_node_get(meta, "start");
	const se_node *en = se_node_get(meta, "end");
	se_programme *p = l->p;
	const char *s = str(c);
	long y0, y1;
	int m0, m1, x;
	bool single;

	p->cstart = 1, p->cend = 0;
	if (!c)
		return lerr(l, meta, "programme-cycle", "the programme has no "
		    "'cycle': give its years, e.g. 'cycle: 2012-2014'");
	if (!s || !se_prog_cycle_years(s, &y0, &y1))
		return lerr(l, c, "programme-cycle", "cycle '%s' is not years "
		    "'YYYY-YYYY' (e.g. 2012-2014)", s ? s : "");
	p->cycle_name = s;
	m0 = se_prog_month(y0, 1), m1 = se_prog_month(y1, 12);
	if (sn && (!str(sn) || !parse_months(str(sn), &m0, &x, &single) ||
	    !single))
		return lerr(l, sn, "programme-cycle", "start '%s' is not a "
		    "month written YYYY-MM", str(sn) ? str(sn) : "");
	if (en && (!str(en) || !parse_months(str(en), &x, &m1, &single) ||
	    !single))
		return lerr(l, en, "programme-cycle", "end '%s' is not a "
		    "month written YYYY-MM", str(en) ? str(en) : "");
	if (m1 < m0)
		return lerr(l, en ? en : sn, "programme-cycle", "the cycle "
		    "ends before it starts");
	p->cstart = m0, p->cend = m1;
	return 0;
}

static int
load_authorities(loader *l, const se_node *list)
{
	se_programme *p = l->p;
	size_t i, j;

	if (!list || list->kind != SE_NODE_LIST || list->n == 0)
		return lerr(l, list ? list : l->meta, "programme-field", "the "
		    "programme needs 'authorities': a list of the region's "
		    "authorities");
	p->auth = lalloc(l, list->n, sizeof *p->auth);
	if (!p->auth)
		return -1;
	for (i = 0; i < list->n; i++) {
		const se_node *it = list->items[i];
		pauth *a = &p->auth[p->nauth];
		const char *nm = it->kind == SE_NODE_SCALAR ? it->text :
		    se_prog_get_str(it, "name");
		if (!nm || !*nm) {
			lerr(l, it, "programme-field", "each authority needs "
			    "a 'name'");
			continue;
		}
		a->name = nm;
		a->node = it;
		if (it->kind == SE_NODE_MAP) {
			const char *nv = se_prog_get_str(it, "next_visit");
			a->dcs = se_prog_get_str(it, "dcs");
			a->sgl = se_prog_get_str(it, "safeguarding_lead");
			if (nv && strcmp(nv, "next-cycle") == 0)
				a->next_cycle = true;
			else if (nv)
				lerr(l, se_node_get(it, "next_visit"),
				    "programme-field", "next_visit '%s' is "
				    "not 'next-cycle'", nv);
		}
		for (j = 0; j < p->nauth; j++)
			if (se_same_name(p->auth[j].name, nm))
				break;
		if (j < p->nauth) {
			lerr(l, it, "programme-authority", "'%s' is listed "
			    "twice among the authorities", nm);
			continue;
		}
		p->nauth++;
	}
	return 0;
}

static void
load_members(loader *l, const se_node *list, pmember **out, size_t *n,
    const char *what)
{
	size_t i;

	*out = NULL, *n = 0;
	if (!list)
		return;
	if (list->kind != SE_NODE_LIST) {
		lerr(l, list, "programme-field", "'%s' must be a list of "
		    "people ({name, authority})", what);
		return;
	}
	*out = lalloc(l, list->n, sizeof **out);
	if (!*out)
		return;
	for (i = 0; i < list->n; i++) {
		const se_node *it = list->items[i];
		pmember *m = &(*out)[*n];
		m->name = it->kind == SE_NODE_SCALAR ? it->text :
		    se_prog_get_str(it, "name");
		m->authority = se_prog_get_str(it, "authority");
		m->node = it;
		if (!m->name || !*m->name) {
			lerr(l, it, "programme-field", "each entry of '%s' "
			    "needs a 'name'", what);
			continue;
		}
		if (m->authority && auth_find(l->p, m->authority) == NONE)
			lerr(l, se_node_get(it, "authority"),
			    "programme-authority", "'%s' is not one of the "
			    "programme's authorities", m->authority);
		(*n)++;
	}
}

/* The window of an event: 'quarter' (reviews) or 'slot' (visits), and/or
 * 'dates: {start, end}'. */
static void
load_when(loader *l, pevent *e, const char *key, int span)
{
	const se_node *w = se_node_get(e->node, key);
	const se_node *dt = se_node_get(e->node, "dates");
	const char *what = span == 3 ? "quarter" : "two-month slot";
	int m0 = 0, m1 = 0;
	bool have = false, single;

	e->when_node = w ? w : dt;
	if (w) {
		const char *s = str(w);
		if (!s || !parse_months(s, &m0, &m1, &single)) {
			lerr(l, w, "programme-when", "%s '%s' is not a %s "
			    "(e.g. %s)", key, s ? s : "", what, span == 3 ?
			    "2013Q1 or Jan-Mar 2013" : "Mar-Apr 2013 or "
			    "2013-03");
		} else {
			if (single)
				m1 = m0 + span - 1;
			if (m1 - m0 != span - 1 || m0 % span != 0) {
				lerr(l, w, "programme-when", "%s '%s' is not a "
				    "%s: %s", key, s, what, span == 3 ?
				    "Jan-Mar, Apr-Jun, Jul-Sep or Oct-Dec" :
				    "two months starting in Jan, Mar, May, "
				    "Jul, Sep or Nov");
			} else {
				have = true;
			}
		}
	}
	if (dt) {
		const char *a = se_prog_get_str(dt, "start"), *b = se_prog_get_str(dt, "end");
		long d0, d1;
		if (!a || !b || !se_ymd_parse(a, strlen(a), &d0) ||
		    !se_ymd_parse(b, strlen(b), &d1) || d1 < d0) {
			lerr(l, dt, "programme-when", "dates need 'start' and "
			    "'end' written YYYY-MM-DD, the end not before "
			    "the start");
		} else {
			e->has_dates = true;
			e->start = d0, e->end = d1;
			if (have && (se_prog_day_month(d0) < m0 || se_prog_day_month(d1) > m1)) {
				char buf[40];
				se_prog_range_label(m0, m1, buf, sizeof buf);
				lerr(l, dt, "programme-when", "dates %s to %s "
				    "are not within the %s %s", a, b, what,
				    buf);
			} else if (!have) {
				m0 = se_prog_day_month(d0) - se_prog_day_month(d0) % span;
				m1 = se_prog_day_month(d1);
				have = true;
			}
		}
	}
	if (!w && !dt) {
		lerr(l, e->node, "programme-when", "the %s has no '%s' or "
		    "'dates'", e->type == EV_REVIEW ? "team review" :
		    "safeguarding assurance visit", key);
		return;
	}
	if (!have)
		return;
	e->m0 = m0, e->m1 = m1, e->ok = true;
	if (l->p->cstart <= l->p->cend && (m0 < l->p->cstart ||
	    m1 > l->p->cend)) {
		char buf[40], cb[40];
		se_prog_range_label(m0, m1, buf, sizeof buf);
		se_prog_range_label(l->p->cstart, l->p->cend, cb, sizeof cb);
		lerr(l, e->when_node, "programme-when", "%s is outside the "
		    "cycle %s (%s)", buf, l->p->cycle_name ?
		    l->p->cycle_name : "", cb);
	}
}

static void
load_events(loader *l, const se_node *list, int type)
{
	se_programme *p = l->p;
	const char *key = type == EV_REVIEW ? "reviews" : "visits";
	const char *what = type == EV_REVIEW ? "a team review" :
	    "a safeguarding assurance visit";
	size_t i;

	if (!list)
		return;
	if (list->kind != SE_NODE_LIST) {
		lerr(l, list, "programme-field", "'%s' must be a list", key);
		return;
	}
	for (i = 0; i < list->n; i++) {
		const se_node *it = list->items[i];
		pevent *e = &p->ev[p->nev];
		if (it->kind != SE_NODE_MAP) {
			lerr(l, it, "programme-field", "each entry of '%s' "
			    "must be a map", key);
			continue;
		}
		e->type = type;
		e->node = it;
		e->host = ref_auth(l, it, "host", what, true, &e->host_node);
		e->lead = ref_auth(l, it, "lead", what, true, &e->lead_node);
		e->qa = type == EV_REVIEW ? ref_auth(l, it, "qa", what, true,
		    &e->qa_node) : NONE;
		load_when(l, e, type == EV_REVIEW ? "quarter" : "slot",
		    type == EV_REVIEW ? 3 : 2);
		load_members(l, se_node_get(it, "team"), &e->team, &e->nteam,
		    "team");
		{
			const char *st = se_prog_get_str(it, "status");
			e->done = st && se_strcasecmp(st, "complete") == 0;
		}
		p->nev++;
	}
}

static void
load_timetable(loader *l, const se_node *list)
{
	se_programme *p = l->p;
	size_t i, j;

	if (!list)
		return;
	if (list->kind != SE_NODE_LIST) {
		lerr(l, list, "programme-field", "'timetable' must be a "
		    "list of {date, what, who}");
		return;
	}
	p->ms = lalloc(l, list->n, sizeof *p->ms);
	if (!p->ms)
		return;
	for (i = 0; i < list->n; i++) {
		const se_node *it = list->items[i], *who;
		pmile *m = &p->ms[p->nms];
		const char *date = se_prog_get_str(it, "date"), *st;
		int m0, m1;
		bool single;
		m->node = it;
		m->what = se_prog_get_str(it, "what");
		if (!m->what) {
			lerr(l, it, "programme-field", "each milestone needs "
			    "'what'");
			continue;
		}
		if (date && se_ymd_parse(date, strlen(date), &m->due)) {
			m->start = m->due;
		} else if (date && parse_months(date, &m0, &m1, &single) &&
		    single) {
			m->start = se_prog_first_day(m0);
			m->due = se_prog_last_day(m0);
		} else {
			lerr(l, date ? se_node_get(it, "date") : it,
			    "programme-when", "milestone '%s' needs a 'date' "
			    "written YYYY-MM-DD, or YYYY-MM for a month",
			    m->what);
			continue;
		}
		st = se_prog_get_str(it, "status");
		m->done = st && se_strcasecmp(st, "complete") == 0;
		m->who = se_prog_get_str(it, "who");
		who = se_node_get(it, "authorities");
		if (who && who->kind != SE_NODE_LIST) {
			lerr(l, who, "programme-field", "'authorities' of a "
			    "milestone must be a list of authorities");
		} else if (who) {
			se_buf b;
			se_buf_init(&b);
			for (j = 0; j < who->n; j++) {
				const char *w = str(who->items[j]);
				if (!w)
					continue;
				if (auth_find(p, w) == NONE)
					lerr(l, who->items[j],
					    "programme-authority", "'%s' is "
					    "not one of the programme's "
					    "authorities", w);
				if (b.len)
					se_buf_adds(&b, ", ");
				se_buf_adds(&b, w);
			}
			if (!m->who)
				m->who = se_arena_strdup(p->arena,
				    se_buf_str(&b));
			se_buf_release(&b);
		}
		if (!m->who || !*m->who)
			m->who = "all authorities";
		p->nms++;
	}
}

static void
params_default(params *pr)
{
	size_t i;

	for (i = 0; i < R_COUNT; i++)
		pr->on[i] = true;
	pr->min = 12, pr->max = 18, pr->visits = 2;
}

static int
rule_index(const char *name)
{
	int i;

	for (i = 0; i < R_COUNT; i++)
		if (name && strcmp(rule_names[i], name) == 0)
			return i;
	return -1;
}

static bool
long_param(loader *l, const se_node *r, const char *key, long lo, long *v)
{
	const se_node *n = se_node_get(r, key);
	const char *s = str(n);
	char *end;
	long x;

	if (!n)
		return true;
	if (!s || !*s)
		return lerr(l, n, "programme-rule", "'%s' must be a whole "
		    "number", key), false;
	x = strtol(s, &end, 10);
	if (*end || x < lo || x > 120)
		return lerr(l, n, "programme-rule", "'%s' must be a whole "
		    "number from %ld to 120, not '%s'", key, lo, s), false;
	*v = x;
	return true;
}

/* Rule parameters from a rules list (a format's, or the programme's own
 * overrides).  With 'enable', the list says which rules run. */
static void
read_rules(loader *l, params *pr, const se_node *rules, bool enable)
{
	size_t i;

	if (!rules)
		return;
	if (rules->kind != SE_NODE_LIST) {
		lerr(l, rules, "programme-rule", "'rules' must be a list of "
		    "{rule: NAME, ...}");
		return;
	}
	if (enable)
		memset(pr->on, 0, sizeof pr->on);
	for (i = 0; i < rules->n; i++) {
		const se_node *r = rules->items[i];
		const char *nm = se_prog_get_str(r, "rule");
		int k = rule_index(nm);
		if (k < 0) {
			if (!enable)
				lerr(l, r, "programme-rule", "'%s' is not a "
				    "programme rule", nm ? nm : "");
			continue;
		}
		if (enable)
			pr->on[k] = true;
		if (k == R_SPACING) {
			long_param(l, r, "min", 1, &pr->min);
			long_param(l, r, "max", 1, &pr->max);
			if (pr->max < pr->min)
				lerr(l, r, "programme-rule", "visit-spacing's "
				    "max %ld is below its min %ld", pr->max,
				    pr->min);
		}
		if (k == R_NEXT_CYCLE)
			long_param(l, r, "visits", 1, &pr->visits);
	}
}

int
se_prog_params_read(params *pr, const se_node *format, se_diag *d)
{
	loader l;

	l.p = NULL, l.d = d, l.errors = 0, l.meta = NULL;
	params_default(pr);
	if (format)
		read_rules(&l, pr, se_node_get(format, "rules"), true);
	return l.errors;
}

/* Limits, far above a region's (9 to 16 authorities, a few dozen
 * events), so that the rules' checks, some quadratic in the size of the
 * programme, finish quickly on any input (libse(3), limits). */
enum {
	MAX_AUTHORITIES = 1000,
	MAX_EVENTS = 5000,
	MAX_MEMBERS = 10000,
	MAX_ACCREDITED = 2000,
	MAX_MILESTONES = 10000
};

static size_t
list_len(const se_node *n)
{
	return n && n->kind == SE_NODE_LIST ? n->n : 0;
}

static bool
too_large(se_diag *d, const se_node *meta, const se_node *rv,
    const se_node *vs)
{
	const se_node *au = se_node_get(meta, "authorities");
	const se_node *ac = se_node_get(meta, "accredited");
	const se_node *tt = se_node_get(meta, "timetable");
	size_t members = 0, i, k;

	for (k = 0; k < 2; k++) {
		const se_node *list = k ? vs : rv;
		for (i = 0; i < list_len(list); i++)
			members += list_len(se_node_get(list->items[i],
			    "team"));
	}
	if (list_len(au) > MAX_AUTHORITIES)
		return se_diag_error(d, &au->pos, "programme-too-large", "%zu "
		    "authorities: a programme may list at most %d",
		    list_len(au), MAX_AUTHORITIES), true;
	if (list_len(rv) + list_len(vs) > MAX_EVENTS)
		return se_diag_error(d, &meta->pos, "programme-too-large", "%zu "
		    "reviews and visits: a programme may hold at most %d",
		    list_len(rv) + list_len(vs), MAX_EVENTS), true;
	if (members > MAX_MEMBERS)
		return se_diag_error(d, &meta->pos, "programme-too-large", "%zu "
		    "team members: a programme may name at most %d", members,
		    MAX_MEMBERS), true;
	if (list_len(ac) > MAX_ACCREDITED)
		return se_diag_error(d, &ac->pos, "programme-too-large", "%zu "
		    "accredited reviewers: a programme may list at most %d",
		    list_len(ac), MAX_ACCREDITED), true;
	if (list_len(tt) > MAX_MILESTONES)
		return se_diag_error(d, &tt->pos, "programme-too-large", "%zu "
		    "milestones: a timetable may hold at most %d",
		    list_len(tt), MAX_MILESTONES), true;
	return false;
}

se_programme *
se_programme_from_doc(const se_doc *doc, const se_node *format, se_diag *d)
{
	se_programme *p;
	loader l;
	const se_node *meta = doc ? doc->meta : NULL;
	size_t nev = 0;
	const se_node *rv, *vs;

	if (!meta || meta->kind != SE_NODE_MAP) {
		se_pos at = { doc ? doc->path : NULL, 0, 0 };
		se_diag_error(d, &at, "programme-field", "'%s' is not a "
		    "programme: it has no fields", doc ? doc->path : "");
		return NULL;
	}
	p = calloc(1, sizeof *p);
	if (p)
		p->arena = se_arena_new(0);
	if (!p || !p->arena) {
		free(p);
		se_diag_error(d, NULL, "out-of-memory", "out of memory");
		return NULL;
	}
	l.p = p, l.d = d, l.errors = 0, l.meta = meta;
	p->region = se_prog_get_str(meta, "region");
	(void)se_prog_params_read(&p->par, format, d);
	read_rules(&l, &p->par, se_node_get(meta, "rules"), false);
	load_cycle(&l, meta);
	load_authorities(&l, se_node_get(meta, "authorities"));
	rv = se_node_get(meta, "reviews");
	vs = se_node_get(meta, "visits");
	nev = (rv && rv->kind == SE_NODE_LIST ? rv->n : 0) +
	    (vs && vs->kind == SE_NODE_LIST ? vs->n : 0);
	if (too_large(d, meta, rv, vs)) {
		se_programme_free(p);
		return NULL;
	}
	p->ev = lalloc(&l, nev, sizeof *p->ev);
	if (nev && !p->ev) {
		se_programme_free(p);
		se_diag_error(d, NULL, "out-of-memory", "out of memory");
		return NULL;
	}
	load_events(&l, rv, EV_REVIEW);
	load_events(&l, vs, EV_VISIT);
	if (!rv)
		lerr(&l, meta, "programme-field", "the programme has no "
		    "'reviews'");
	load_members(&l, se_node_get(meta, "accredited"), &p->acc, &p->nacc,
	    "accredited");
	load_timetable(&l, se_node_get(meta, "timetable"));
	return p;
}

void
se_programme_free(se_programme *p)
{
	if (!p)
		return;
	se_arena_free(p->arena);
	free(p);
}

const char *
se_prog_aname(const se_programme *p, size_t i)
{
	return i == NONE ? "?" : p->auth[i].name;
}

