/*
 * programme.c: the regional peer challenge programme (kind: programme,
 * se-formats(5) programme): the three-year calendar of peer challenge team reviews
 * and safeguarding assurance visits of the sector-led improvement handbook (2012) ("Calendar of Peer
 * Challenge in the East Midlands" and the Memorandum of Understanding)
 * and the annual timetable of the RIA framework ("2018/19 Timetable of activity").
 *
 * One file, four jobs over one model: loading a programme document and
 * checking the handbook's rules; drafting a programme that keeps them; the
 * events and milestones as plan rows with states; the handbook's three grids
 * and the timetable as a calendar report.
 *
 * Months are counted as one number, year * 12 + month - 1, so that a
 * quarter starts on a multiple of 3 and a two-month slot on a multiple
 * of 2 (January, March, May, ...), as in the handbook's tables.
 */
#include "internal.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define NONE SIZE_MAX

/* Rule parameters: the defaults are formats/em-2012/programme.yaml's. */
enum {
	R_HOST_ONE,
	R_LEADS_ONE,
	R_QA_ONE,
	R_OWN,
	R_ONE_ROLE,
	R_SPACING,
	R_NEXT_CYCLE,
	R_ONE_EVENT,
	R_ACCREDITED,
	R_COUNT
};

static const char *const rule_names[R_COUNT] = {
	"host-one-review", "dcs-leads-one", "dcs-qa-one", "not-own-authority",
	"one-role-per-review", "visit-spacing", "visit-next-cycle",
	"one-event-per-slot", "accredited"
};

typedef struct params {
	bool on[R_COUNT];
	long min, max; /* visit-spacing, months */
	long visits;   /* visit-next-cycle: visits an authority has a cycle */
} params;

typedef struct pmember {
	const char *name, *authority; /* authority may be NULL */
	const se_node *node;
} pmember;

typedef struct pauth {
	const char *name, *dcs, *sgl;
	bool next_cycle;
	const se_node *node;
} pauth;

enum { EV_REVIEW, EV_VISIT };

typedef struct pevent {
	int type;
	size_t host, lead, qa;   /* authority indices, NONE when unknown */
	int m0, m1;              /* first and last month of its window */
	bool ok;                 /* the window is known */
	bool has_dates;
	long start, end;         /* days, when has_dates */
	pmember *team;
	size_t nteam;
	bool done;               /* status: complete */
	const se_node *node, *host_node, *lead_node, *qa_node, *when_node;
} pevent;

typedef struct pmile {
	long start, due;
	const char *what, *who;
	bool done;
	const se_node *node;
} pmile;

struct se_programme {
	se_arena *arena;
	const char *region, *cycle_name;
	int cstart, cend; /* months; cstart > cend when unknown */
	pauth *auth;
	size_t nauth;
	pevent *ev;
	size_t nev;
	pmile *ms;
	size_t nms;
	pmember *acc;
	size_t nacc;
	params par;
};

static const char *const month_names[12] = { "Jan", "Feb", "Mar", "Apr",
	"May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

/* ---- small helpers ---------------------------------------------------- */

static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int
fold(char c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

/* Authorities match by name, case-insensitive, spaces folded
 * (se-rag(1)). */
static bool
name_eq(const char *a, const char *b)
{
	while (is_space(*a))
		a++;
	while (is_space(*b))
		b++;
	for (;;) {
		bool sa = is_space(*a), sb = is_space(*b);
		while (is_space(*a))
			a++;
		while (is_space(*b))
			b++;
		if (!*a || !*b)
			return !*a && !*b;
		if (sa != sb || fold(*a) != fold(*b))
			return false;
		a++, b++;
	}
}

static int
month_of(long y, int m)
{
	return (int)(y * 12 + m - 1);
}

static long
month_first_day(int m)
{
	char buf[32];
	long d = 0;

	snprintf(buf, sizeof buf, "%04d-%02d-01", m / 12, m % 12 + 1);
	(void)se_ymd_parse(buf, strlen(buf), &d);
	return d;
}

static long
month_last_day(int m)
{
	return month_first_day(m + 1) - 1;
}

static int
day_month(long day)
{
	char buf[11];

	se_ymd_format(day, buf);
	return month_of(strtol(buf, NULL, 10), (int)strtol(buf + 5, NULL, 10));
}

/* "Jan-Mar 2013" for months m0..m1 (of one year), "Jan 2013" for one. */
static void
range_label(int m0, int m1, char *buf, size_t n)
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

static const char *
get_str(const se_node *map, const char *key)
{
	const char *s = se_node_str(se_node_get(map, key));

	return s && *s ? s : NULL;
}

static const se_pos *
pos_of(const se_node *n)
{
	return n ? &n->pos : NULL;
}

static const char *
aprintf(se_arena *ar, const char *fmt, ...) SE_PRINTF(2, 3);

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
			*m0 = month_of(y, (s[i + 1] - '1') * 3 + 1);
			*m1 = *m0 + 2;
			return true;
		}
		if (n == 7 && s[5] >= '0' && s[5] <= '1' && s[6] >= '0' &&
		    s[6] <= '9') {
			int m = (s[5] - '0') * 10 + (s[6] - '0');
			if (m < 1 || m > 12)
				return false;
			*m0 = *m1 = month_of(y, m);
			*single = true;
			return true;
		}
		return false;
	}
	if (n == 7 && (s[0] == 'Q' || s[0] == 'q') && s[1] >= '1' &&
	    s[1] <= '4' && s[2] == ' ' && year_at(s + 3, 4, &y)) {
		*m0 = month_of(y, (s[1] - '1') * 3 + 1);
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
		*m0 = *m1 = month_of(y, w0 + 1);
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
	*m0 = month_of(y, w0 + 1);
	*m1 = month_of(y, w1 + 1);
	return true;
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
	se_diag_vadd(l->d, SE_ERROR, pos_of(at), rule, fmt, ap);
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
		if (name_eq(p->auth[i].name, name))
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
	if (!s || strlen(s) != 9 || s[4] != '-' || !year_at(s, 4, &y0) ||
	    !year_at(s + 5, 4, &y1) || y1 < y0 || y1 - y0 > 9)
		return lerr(l, c, "programme-cycle", "cycle '%s' is not years "
		    "'YYYY-YYYY' (e.g. 2012-2014)", s ? s : "");
	p->cycle_name = s;
	m0 = month_of(y0, 1), m1 = month_of(y1, 12);
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
		    get_str(it, "name");
		if (!nm || !*nm) {
			lerr(l, it, "programme-field", "each authority needs "
			    "a 'name'");
			continue;
		}
		a->name = nm;
		a->node = it;
		if (it->kind == SE_NODE_MAP) {
			const char *nv = get_str(it, "next_visit");
			a->dcs = get_str(it, "dcs");
			a->sgl = get_str(it, "safeguarding_lead");
			if (nv && strcmp(nv, "next-cycle") == 0)
				a->next_cycle = true;
			else if (nv)
				lerr(l, se_node_get(it, "next_visit"),
				    "programme-field", "next_visit '%s' is "
				    "not 'next-cycle'", nv);
		}
		for (j = 0; j < p->nauth; j++)
			if (name_eq(p->auth[j].name, nm))
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
		    get_str(it, "name");
		m->authority = get_str(it, "authority");
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
		const char *a = get_str(dt, "start"), *b = get_str(dt, "end");
		long d0, d1;
		if (!a || !b || !se_ymd_parse(a, strlen(a), &d0) ||
		    !se_ymd_parse(b, strlen(b), &d1) || d1 < d0) {
			lerr(l, dt, "programme-when", "dates need 'start' and "
			    "'end' written YYYY-MM-DD, the end not before "
			    "the start");
		} else {
			e->has_dates = true;
			e->start = d0, e->end = d1;
			if (have && (day_month(d0) < m0 || day_month(d1) > m1)) {
				char buf[40];
				range_label(m0, m1, buf, sizeof buf);
				lerr(l, dt, "programme-when", "dates %s to %s "
				    "are not within the %s %s", a, b, what,
				    buf);
			} else if (!have) {
				m0 = day_month(d0) - day_month(d0) % span;
				m1 = day_month(d1);
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
		range_label(m0, m1, buf, sizeof buf);
		range_label(l->p->cstart, l->p->cend, cb, sizeof cb);
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
			const char *st = get_str(it, "status");
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
		const char *date = get_str(it, "date"), *st;
		int m0, m1;
		bool single;
		m->node = it;
		m->what = get_str(it, "what");
		if (!m->what) {
			lerr(l, it, "programme-field", "each milestone needs "
			    "'what'");
			continue;
		}
		if (date && se_ymd_parse(date, strlen(date), &m->due)) {
			m->start = m->due;
		} else if (date && parse_months(date, &m0, &m1, &single) &&
		    single) {
			m->start = month_first_day(m0);
			m->due = month_last_day(m0);
		} else {
			lerr(l, date ? se_node_get(it, "date") : it,
			    "programme-when", "milestone '%s' needs a 'date' "
			    "written YYYY-MM-DD, or YYYY-MM for a month",
			    m->what);
			continue;
		}
		st = get_str(it, "status");
		m->done = st && se_strcasecmp(st, "complete") == 0;
		m->who = get_str(it, "who");
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
		const char *nm = get_str(r, "rule");
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

static const se_node *
format_rules(const se_node *format)
{
	return format ? se_node_get(format, "rules") : NULL;
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
	p->region = get_str(meta, "region");
	params_default(&p->par);
	if (format)
		read_rules(&l, &p->par, format_rules(format), true);
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

/* ---- checking the rules ----------------------------------------------- */

static const char *
aname(const se_programme *p, size_t i)
{
	return i == NONE ? "?" : p->auth[i].name;
}

static void
label_of(const pevent *e, char *buf, size_t n)
{
	range_label(e->m0, e->m1, buf, n);
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
			se_diag_error(d, pos_of(e->host_node),
			    "host-one-review", "'%s' hosts a second team "
			    "review in the cycle (the first %s%s): each "
			    "authority hosts exactly one", p->auth[a].name,
			    p->ev[first].ok ? "is in " : "is ", buf);
		}
		if (first == NONE)
			se_diag_error(d, pos_of(p->auth[a].node),
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
			se_diag_error(d, pos_of(qa ? e->qa_node : e->lead_node),
			    rule, "the DCS of '%s' %s a second team review "
			    "('%s', after '%s'): each DCS %s exactly one",
			    p->auth[a].name, verb, aname(p, e->host), aname(p,
			    p->ev[first].host), verb);
		}
		if (first == NONE)
			se_diag_error(d, pos_of(p->auth[a].node), rule,
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
			se_diag_error(d, pos_of(e->lead_node),
			    "not-own-authority", e->type == EV_REVIEW ?
			    "'%s' cannot lead the team review of its own "
			    "authority" : "'%s' cannot lead the safeguarding "
			    "assurance visit to its own authority",
			    aname(p, e->host));
		if (e->qa == e->host)
			se_diag_error(d, pos_of(e->qa_node),
			    "not-own-authority", "'%s' cannot quality-assure "
			    "the team review of its own authority",
			    aname(p, e->host));
		for (j = 0; j < e->nteam; j++)
			if (e->team[j].authority && name_eq(e->team[j].authority,
			    aname(p, e->host)))
				se_diag_error(d, pos_of(e->team[j].node),
				    "not-own-authority", "team member '%s' is "
				    "from '%s', the authority under review",
				    e->team[j].name, aname(p, e->host));
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
			se_diag_error(d, pos_of(e->qa_node),
			    "one-role-per-review", "the DCS of '%s' is both "
			    "lead DCS and QA DCS of the team review of '%s': "
			    "one role each", aname(p, e->lead),
			    aname(p, e->host));
		for (j = 0; j < e->nteam; j++) {
			const pmember *m = &e->team[j];
			for (k = 0; k < j; k++)
				if (name_eq(e->team[k].name, m->name))
					break;
			if (k < j)
				se_diag_error(d, pos_of(m->node),
				    "one-role-per-review", "'%s' is in the "
				    "team of '%s' twice: one role each",
				    m->name, aname(p, e->host));
			else if ((ldcs && name_eq(ldcs, m->name)) ||
			    (qdcs && name_eq(qdcs, m->name)))
				se_diag_error(d, pos_of(m->node),
				    "one-role-per-review", "'%s' is a team "
				    "member and the %s DCS of the review of "
				    "'%s': one role each", m->name, ldcs &&
				    name_eq(ldcs, m->name) ? "lead" : "QA",
				    aname(p, e->host));
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
	return e->has_dates ? day_month(e->start) : e->m0;
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
			se_diag_error(d, pos_of(y->when_node), "visit-spacing",
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
			se_diag_error(d, pos_of(au->node), "visit-next-cycle",
			    "'%s' has no safeguarding assurance visit in the "
			    "cycle: each authority has at least one",
			    au->name);
		else if ((long)n < p->par.visits && !au->next_cycle)
			se_diag_error(d, pos_of(au->node), "visit-next-cycle",
			    "'%s' has %zu safeguarding assurance visit%s in "
			    "the cycle, not %ld: mark it 'next_visit: "
			    "next-cycle' when its next visit falls in the "
			    "next cycle", au->name, n, n == 1 ? "" : "s",
			    p->par.visits);
		else if ((long)n >= p->par.visits && au->next_cycle)
			se_diag_error(d, pos_of(se_node_get(au->node,
			    "next_visit")), "visit-next-cycle", "'%s' is "
			    "marked 'next_visit: next-cycle' but has its %ld "
			    "visits in the cycle", au->name, p->par.visits);
	}
}

/* What an authority does in a quarter, for the involvement grid and the
 * one-event-per-slot rule: host, LDCS, QA of a review, or host a visit. */
enum { INV_HOST, INV_LEAD, INV_QA, INV_SAV };

typedef struct inv {
	size_t ev;
	int role;
	int q0, q1; /* candidate quarters (first months); equal when fixed */
	int q;      /* the quarter given, or -1 */
} inv;

static int
quarter_of(int m)
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
		q0 = quarter_of(e->has_dates ? day_month(e->start) : e->m0);
		q1 = e->type == EV_VISIT && !e->has_dates ? quarter_of(e->m1) :
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
static const char *
inv_text(const se_programme *p, const inv *v, bool verb)
{
	const pevent *e = &p->ev[v->ev];

	switch (v->role) {
	case INV_HOST:
		return verb ? "hosts its team review" : "HOST";
	case INV_LEAD:
		return aprintf(p->arena, verb ? "leads the team review of '%s'" :
		    "LDCS for %s", aname(p, e->host));
	case INV_QA:
		return aprintf(p->arena, verb ? "quality-assures the team "
		    "review of '%s'" : "QA for %s", aname(p, e->host));
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
		n = collect_inv(p, a, v);
		if (!assign_quarters(v, n)) {
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
			range_label(v[i].q0, v[i].q1 + 2, q, sizeof q);
			se_diag_error(d, pos_of(inv_node(p, &v[i])),
			    "one-event-per-slot", "'%s' %s in %s, when it "
			    "already %s: no authority has two events in one "
			    "quarter", p->auth[a].name, inv_text(p, &v[i], true),
			    q, j < n ? inv_text(p, &v[j], true) :
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
				se_diag_error(d, pos_of(e->lead_node),
				    "one-event-per-slot", "'%s' leads the "
				    "visit to '%s' in %s, when it already %s "
				    "'%s' then: no authority has two events "
				    "in one slot", aname(p, e->lead),
				    aname(p, e->host), b0, f->host == e->lead ?
				    "hosts a visit from" : "visits",
				    f->host == e->lead ? aname(p, f->lead) :
				    aname(p, f->host));
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
		if (name_eq(p->acc[i].name, m->name) && (!m->authority ||
		    !p->acc[i].authority || name_eq(p->acc[i].authority,
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
				se_diag_error(d, pos_of(m->node), "accredited",
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

/* ---- drafting --------------------------------------------------------- */

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
static void
yaml_put(FILE *f, const char *s)
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
		yaml_put(f, region);
		fputc('\n', f);
	}
	fputs("cycle: ", f);
	yaml_put(f, cycle);
	fputc('\n', f);
	fputs("authorities:\n", f);
	for (a = 0; a < r->n; a++) {
		fputs("  - name: ", f);
		yaml_put(f, r->name[a]);
		if (r->dcs[a]) {
			fputs("\n    dcs: ", f);
			yaml_put(f, r->dcs[a]);
		}
		if (r->sgl[a]) {
			fputs("\n    safeguarding_lead: ", f);
			yaml_put(f, r->sgl[a]);
		}
		fputc('\n', f);
	}
	fputs("reviews:\n", f);
	for (q = 0; q < r->nq; q++)
		for (a = 0; a < r->n; a++) {
			if (r->rq[a] != q)
				continue;
			range_label(r->cstart + (int)q * 3, r->cstart +
			    (int)q * 3 + 2, buf, sizeof buf);
			fputs("  - host: ", f);
			yaml_put(f, r->name[a]);
			fprintf(f, "\n    quarter: %s\n    lead: ", buf);
			yaml_put(f, r->name[(a + 1) % r->n]);
			fputs("\n    qa: ", f);
			yaml_put(f, r->name[(a + 2) % r->n]);
			fputc('\n', f);
		}
	fputs("visits:\n", f);
	for (s = 0; s < r->ns; s++)
		for (a = 0; a < r->n; a++)
			for (j = 0; j < V; j++) {
				if (r->slot[a * V + j] != s)
					continue;
				k = r->visitor[a * V + j];
				range_label(r->cstart + (int)s * 2,
				    r->cstart + (int)s * 2 + 1, buf, sizeof buf);
				fputs("  - host: ", f);
				yaml_put(f, r->name[a]);
				fprintf(f, "\n    slot: %s\n    lead: ", buf);
				yaml_put(f, r->name[k]);
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
		    get_str(it, "name");
		if (!nm || !*nm)
			return se_diag_error(d, &it->pos, "programme-draft",
			    "each authority needs a 'name'");
		for (j = 0; j < r->n; j++)
			if (name_eq(r->name[j], nm))
				return se_diag_error(d, &it->pos,
				    "programme-draft", "'%s' is listed twice "
				    "among the authorities", nm);
		r->name[r->n] = nm;
		r->dcs[r->n] = it->kind == SE_NODE_MAP ? get_str(it, "dcs") :
		    NULL;
		r->sgl[r->n] = it->kind == SE_NODE_MAP ?
		    get_str(it, "safeguarding_lead") : NULL;
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
	loader l;
	long y0, y1;
	size_t V, k, total;
	int rc = 1;

	memset(&r, 0, sizeof r);
	if (!ar)
		return se_diag_error(d, NULL, "out-of-memory", "out of memory");
	params_default(&par);
	l.p = NULL, l.d = d, l.errors = 0, l.meta = NULL;
	if (format)
		read_rules(&l, &par, format_rules(format), true);
	if (!cycle || strlen(cycle) != 9 || cycle[4] != '-' ||
	    !year_at(cycle, 4, &y0) || !year_at(cycle + 5, 4, &y1) ||
	    y1 < y0 || y1 - y0 > 9) {
		se_diag_error(d, NULL, "programme-draft", "cycle '%s' is not "
		    "years 'Y1-Y2' (e.g. 2012-2014)", cycle ? cycle : "");
		goto out;
	}
	r.at.file = authorities ? authorities->path : NULL;
	if (l.errors || draft_authorities(&r, authorities, ar, d) < 0)
		goto out;
	r.cstart = month_of(y0, 1), r.cend = month_of(y1, 12);
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
	    SE_NODE_MAP ? get_str(authorities->meta, "region") : NULL,
	    cycle, out);
	rc = ferror(out) ? se_diag_error(d, NULL, "write", "cannot write "
	    "the draft programme") : 0;
out:
	se_arena_free(ar);
	return rc;
}

/* ---- plan rows -------------------------------------------------------- */

const char *
se_prog_state_name(se_prog_state s)
{
	switch (s) {
	case SE_PROG_COMPLETE:
		return "complete";
	case SE_PROG_OVERDUE:
		return "overdue";
	case SE_PROG_UPCOMING:
		return "upcoming";
	default:
		return "on track";
	}
}

static const char *
aprintf(se_arena *ar, const char *fmt, ...)
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

/* The review workbook (or letter) for event 'e' among 'docs': a review
 * of the same type, host and window, final or with its letter sent. */
static const char *
find_workbook(const se_programme *p, const pevent *e,
    const se_doc *const *docs, size_t ndocs)
{
	long w0 = month_first_day(e->m0), w1 = month_last_day(e->m1);
	size_t i;

	for (i = 0; i < ndocs; i++) {
		const se_node *m = docs[i] ? docs[i]->meta : NULL;
		const char *type, *auth, *stage, *start;
		long day;
		if (!m || !docs[i]->kind || strcmp(docs[i]->kind, "review"))
			continue;
		type = get_str(m, "type");
		auth = get_str(m, "authority");
		stage = get_str(m, "stage");
		start = get_str(se_node_get(m, "dates"), "start");
		if (type && strcmp(type, e->type == EV_REVIEW ? "review" :
		    "visit") != 0)
			continue;
		if (!auth || !name_eq(auth, p->auth[e->host].name))
			continue;
		if (!start || !se_ymd_parse(start, strlen(start), &day) ||
		    day < w0 || day > w1)
			continue;
		if ((stage && strcmp(stage, "final") == 0) ||
		    get_str(m, "letter_sent"))
			return docs[i]->path;
	}
	return NULL;
}

static se_prog_state
state_of(long start, long due, long as_of, bool done)
{
	if (done)
		return SE_PROG_COMPLETE;
	if (due < as_of)
		return SE_PROG_OVERDUE;
	if (start - as_of <= 28)
		return SE_PROG_UPCOMING;
	return SE_PROG_ON_TRACK;
}

static int
row_cmp(const void *x, const void *y)
{
	const se_programme_row *a = x, *b = y;

	if (a->due != b->due)
		return a->due < b->due ? -1 : 1;
	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	if (a->pos.line != b->pos.line)
		return a->pos.line < b->pos.line ? -1 : 1;
	return strcmp(a->what, b->what);
}

int
se_programme_rows(const se_programme *p, const se_doc *const *docs,
    size_t ndocs, long as_of, se_programme_row **rows, size_t *nrows)
{
	se_programme_row *r;
	size_t i, n = 0;

	*rows = NULL, *nrows = 0;
	r = calloc(p->nev + p->nms + 1, sizeof *r);
	if (!r)
		return -1;
	for (i = 0; i < p->nev; i++) {
		const pevent *e = &p->ev[i];
		se_programme_row *w = &r[n];
		if (!e->ok || e->host == NONE)
			continue;
		w->start = e->has_dates ? e->start : month_first_day(e->m0);
		w->due = e->has_dates ? e->end : month_last_day(e->m1);
		if (e->type == EV_REVIEW) {
			w->what = aprintf(p->arena, "Peer challenge team "
			    "review of %s", aname(p, e->host));
			w->who = aprintf(p->arena, "%s (host); %s (lead DCS); "
			    "%s (QA DCS)", aname(p, e->host), aname(p, e->lead),
			    aname(p, e->qa));
		} else {
			w->what = aprintf(p->arena, "Safeguarding assurance "
			    "visit to %s", aname(p, e->host));
			w->who = aprintf(p->arena, "%s (host); %s (visiting "
			    "lead)", aname(p, e->host), aname(p, e->lead));
		}
		w->evidence = find_workbook(p, e, docs, ndocs);
		w->state = state_of(w->start, w->due, as_of,
		    e->done || w->evidence != NULL);
		w->pos = e->node->pos;
		n++;
	}
	for (i = 0; i < p->nms; i++) {
		const pmile *m = &p->ms[i];
		se_programme_row *w = &r[n++];
		w->what = m->what;
		w->who = m->who;
		w->start = m->start;
		w->due = m->due;
		w->state = state_of(m->start, m->due, as_of, m->done);
		w->pos = m->node->pos;
	}
	qsort(r, n, sizeof *r, row_cmp);
	*rows = r, *nrows = n;
	return 0;
}

/* ---- the calendar (the handbook's three grids, the RIA timetable) */

static const char *
grid_set(se_arena *ar, se_calendar_grid *g, size_t row, size_t col,
    const char *text)
{
	const char **c;

	if (col >= g->ncols)
		return NULL;
	c = &g->cells[row * g->ncols + col];
	if (!**c)
		*c = se_arena_strdup(ar, text);
	else if (strlen(*c) < 512)
		*c = aprintf(ar, "%s; %s", *c, text);
	else if (!strstr(*c, "; ..."))
		*c = aprintf(ar, "%s; ...", *c); /* a hostile pile-up */
	return *c;
}

static int
grid_init(se_arena *ar, se_calendar_grid *g, const se_programme *p,
    const char *title, int first, int last, int span)
{
	size_t i;
	char buf[40];

	g->title = title;
	g->nrows = p->nauth;
	g->ncols = last < first ? 0 : (size_t)(last - first) / (size_t)span + 1;
	g->rows = se_arena_alloc(ar, (g->nrows + 1) * sizeof *g->rows);
	g->cols = se_arena_alloc(ar, (g->ncols + 1) * sizeof *g->cols);
	g->cells = se_arena_alloc(ar, (g->nrows * g->ncols + 1) *
	    sizeof *g->cells);
	if (!g->rows || !g->cols || !g->cells)
		return -1;
	for (i = 0; i < g->nrows; i++)
		g->rows[i] = p->auth[i].name;
	for (i = 0; i < g->ncols; i++) {
		int m = first + (int)i * span;
		range_label(m, m + span - 1, buf, sizeof buf);
		g->cols[i] = se_arena_strdup(ar, buf);
	}
	for (i = 0; i < g->nrows * g->ncols; i++)
		g->cells[i] = "";
	return 0;
}

static size_t
col_of(int m, int first, int span)
{
	return m < first ? SIZE_MAX : (size_t)(m - first) / (size_t)span;
}

static int
fill_involvement(se_arena *ar, se_calendar_grid *g, const se_programme *p,
    int q0)
{
	inv *v = malloc((p->nev * 3 + 1) * sizeof *v);
	size_t a, i, n;

	if (!v)
		return -1;
	for (a = 0; a < p->nauth; a++) {
		n = collect_inv(p, a, v);
		if (!assign_quarters(v, n)) {
			free(v);
			return -1;
		}
		for (i = 0; i < n; i++) {
			grid_set(ar, g, a, col_of(v[i].q >= 0 ? v[i].q :
			    v[i].q0, q0, 3), inv_text(p, &v[i], false));
		}
	}
	free(v);
	return 0;
}

se_calendar *
se_programme_calendar(const se_programme *p)
{
	se_calendar *c = calloc(1, sizeof *c);
	se_arena *ar;
	int q0, q1, s0, s1;
	size_t i;
	char buf[200];

	if (c)
		c->arena = se_arena_new(0);
	if (!c || !c->arena) {
		free(c);
		return NULL;
	}
	ar = c->arena;
	if (p->cstart <= p->cend) {
		q0 = quarter_of(p->cstart), q1 = quarter_of(p->cend);
		s0 = p->cstart - p->cstart % 2, s1 = p->cend - p->cend % 2;
	} else {
		q0 = s0 = 1, q1 = s1 = 0;
	}
	c->title = p->region ? aprintf(ar, "Peer challenge calendar: %s, %s",
	    p->region, p->cycle_name ? p->cycle_name : "") :
	    aprintf(ar, "Peer challenge calendar, %s", p->cycle_name ?
	    p->cycle_name : "");
	if (grid_init(ar, &c->grids[0], p, "Calendar of peer challenge "
	    "team reviews", q0, q1, 3) < 0 || grid_init(ar, &c->grids[1], p,
	    "Calendar of safeguarding assurance visits", s0, s1, 2) < 0 ||
	    grid_init(ar, &c->grids[2], p, "Involvement in all parts of the "
	    "programme", q0, q1, 3) < 0)
		goto fail;
	for (i = 0; i < p->nev; i++) {
		const pevent *e = &p->ev[i];
		int m = e->has_dates ? day_month(e->start) : e->m0;
		if (!e->ok || e->host == NONE)
			continue;
		if (e->type == EV_REVIEW) {
			grid_set(ar, &c->grids[0], e->host, col_of(m, q0, 3),
			    aprintf(ar, "HOST, LDCS %s, QA %s",
			    aname(p, e->lead), aname(p, e->qa)));
		} else {
			grid_set(ar, &c->grids[1], e->host, col_of(m, s0, 2),
			    "SAV");
		}
	}
	for (i = 0; i < p->nauth; i++)
		if (p->auth[i].next_cycle) {
			c->grids[1].rows[i] = aprintf(ar, "%s*",
			    p->auth[i].name);
			c->grids[1].note = "* next visit falls in the next cycle";
		}
	if (fill_involvement(ar, &c->grids[2], p, q0) < 0)
		goto fail;
	c->items = se_arena_alloc(ar, (p->nms + 1) * sizeof *c->items);
	if (!c->items)
		goto fail;
	for (i = 0; i < p->nms; i++) {
		se_calendar_item *it = (se_calendar_item *)&c->items[i];
		const pmile *m = &p->ms[i];
		char d[11];
		it->start = m->start, it->due = m->due;
		it->what = m->what, it->who = m->who;
		if (m->start == m->due) {
			se_ymd_format(m->due, d);
			it->date = se_arena_strdup(ar, d);
		} else {
			range_label(day_month(m->due), day_month(m->due), buf,
			    sizeof buf);
			it->date = se_arena_strdup(ar, buf);
		}
	}
	c->nitems = p->nms;
	return c;
fail:
	se_calendar_free(c);
	return NULL;
}

void
se_calendar_free(se_calendar *c)
{
	if (!c)
		return;
	se_arena_free(c->arena);
	free(c);
}

/* Markdown text: characters with a meaning in Markdown are escaped, a
 * line end becomes a space, so a cell stays a cell. */
static void
md_put(FILE *f, const char *s)
{
	for (; *s; s++) {
		if (*s == '\n' || *s == '\r' || *s == '\t')
			fputc(' ', f);
		else if (strchr("\\`*_[]<>|#&!", *s))
			fprintf(f, "\\%c", *s);
		else
			fputc(*s, f);
	}
}

int
se_calendar_markdown(const se_calendar *c, FILE *out)
{
	size_t g, r, k;

	fputs("# ", out);
	md_put(out, c->title);
	fputs("\n", out);
	for (g = 0; g < 3; g++) {
		const se_calendar_grid *gr = &c->grids[g];
		fputs("\n## ", out);
		md_put(out, gr->title);
		fputs("\n\n| Authority |", out);
		for (k = 0; k < gr->ncols; k++) {
			fputc(' ', out);
			md_put(out, gr->cols[k]);
			fputs(" |", out);
		}
		fputs("\n|---|", out);
		for (k = 0; k < gr->ncols; k++)
			fputs("---|", out);
		fputc('\n', out);
		for (r = 0; r < gr->nrows; r++) {
			fputs("| ", out);
			md_put(out, gr->rows[r]);
			fputs(" |", out);
			for (k = 0; k < gr->ncols; k++) {
				fputc(' ', out);
				md_put(out, gr->cells[r * gr->ncols + k]);
				fputs(" |", out);
			}
			fputc('\n', out);
		}
		if (gr->note) {
			fputc('\n', out);
			md_put(out, gr->note);
			fputc('\n', out);
		}
	}
	if (c->nitems) {
		fputs("\n## Timetable\n\n", out);
		for (k = 0; k < c->nitems; k++) {
			fputs("- ", out);
			md_put(out, c->items[k].date);
			fputs(": ", out);
			md_put(out, c->items[k].what);
			fputs(" (", out);
			md_put(out, c->items[k].who);
			fputs(")\n", out);
		}
	}
	return ferror(out) ? -1 : 0;
}

static const char html_style[] =
    "body{font-family:Arial,Helvetica,sans-serif;margin:1.5em;color:#111}"
    "table{border-collapse:collapse;margin:0.5em 0 1.5em;font-size:0.85em}"
    "caption{text-align:left;font-weight:bold;padding:0.3em 0}"
    "th,td{border:1px solid #555;padding:0.25em 0.4em;vertical-align:top}"
    "thead th{background:#e8e8e8}"
    "tbody th{text-align:left;white-space:nowrap}"
    "td.host{background:#d9e6f5;font-weight:bold}"
    "td.sav{background:#f6ead2}"
    "@media print{@page{size:A4 landscape;margin:12mm}"
    "body{margin:0}table{page-break-inside:avoid}"
    "th,td{font-size:8pt}td.host,td.sav{background:none}}";

static const char *
cell_class(const char *s)
{
	if (strncmp(s, "HOST", 4) == 0)
		return " class=\"host\"";
	if (strcmp(s, "SAV") == 0)
		return " class=\"sav\"";
	return "";
}

int
se_calendar_html(const se_calendar *c, FILE *out)
{
	size_t g, r, k;

	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<title>", out);
	se_html_put(out, c->title);
	fprintf(out, "</title>\n<style>%s</style>\n</head>\n<body>\n<h1>",
	    html_style);
	se_html_put(out, c->title);
	fputs("</h1>\n", out);
	for (g = 0; g < 3; g++) {
		const se_calendar_grid *gr = &c->grids[g];
		fputs("<table>\n<caption>", out);
		se_html_put(out, gr->title);
		fputs("</caption>\n<thead><tr><th scope=\"col\">Authority</th>",
		    out);
		for (k = 0; k < gr->ncols; k++) {
			fputs("<th scope=\"col\">", out);
			se_html_put(out, gr->cols[k]);
			fputs("</th>", out);
		}
		fputs("</tr></thead>\n<tbody>\n", out);
		for (r = 0; r < gr->nrows; r++) {
			fputs("<tr><th scope=\"row\">", out);
			se_html_put(out, gr->rows[r]);
			fputs("</th>", out);
			for (k = 0; k < gr->ncols; k++) {
				const char *s = gr->cells[r * gr->ncols + k];
				fprintf(out, "<td%s>", cell_class(s));
				se_html_put(out, s);
				fputs("</td>", out);
			}
			fputs("</tr>\n", out);
		}
		fputs("</tbody>\n</table>\n", out);
		if (gr->note) {
			fputs("<p>", out);
			se_html_put(out, gr->note);
			fputs("</p>\n", out);
		}
	}
	if (c->nitems) {
		fputs("<h2>Timetable</h2>\n<ul>\n", out);
		for (k = 0; k < c->nitems; k++) {
			char d[11];
			se_ymd_format(c->items[k].start, d);
			fputs("<li><time datetime=\"", out);
			fputs(d, out);
			fputs("\">", out);
			se_html_put(out, c->items[k].date);
			fputs("</time>: ", out);
			se_html_put(out, c->items[k].what);
			fputs(" (", out);
			se_html_put(out, c->items[k].who);
			fputs(")</li>\n", out);
		}
		fputs("</ul>\n", out);
	}
	fputs("</body>\n</html>\n", out);
	return ferror(out) ? -1 : 0;
}

/* ---- the calendar as a report (se-report -t calendar) ----------------- */

static int
report_grid(se_report *r, const se_calendar_grid *g)
{
	const char **head = malloc((g->ncols + 1) * sizeof *head);
	size_t i, k;
	int rc = 0;

	if (!head)
		return -1;
	head[0] = "Authority";
	for (k = 0; k < g->ncols; k++)
		head[k + 1] = g->cols[k];
	if (se_report_heading(r, 2, g->title) < 0 ||
	    se_report_table(r, NULL, g->ncols + 1, head) < 0)
		rc = -1;
	for (i = 0; i < g->nrows && rc == 0; i++) {
		if (se_report_row(r) < 0 || se_report_cell(r, g->rows[i]) < 0)
			rc = -1;
		for (k = 0; k < g->ncols && rc == 0; k++)
			if (se_report_cell(r, g->cells[i * g->ncols + k]) < 0)
				rc = -1;
	}
	if (rc == 0 && g->note && se_report_para(r, g->note) < 0)
		rc = -1;
	free(head);
	return rc;
}

se_report *
se_report_calendar(const se_report_input *in, se_diag *d)
{
	const se_doc *doc = NULL;
	const se_node *format = NULL;
	se_programme *p;
	se_calendar *c = NULL;
	se_report *r = NULL;
	size_t i;

	for (i = 0; i < in->ndocs && !doc; i++)
		if (in->docs[i] && in->docs[i]->kind &&
		    strcmp(in->docs[i]->kind, "programme") == 0)
			doc = in->docs[i];
	if (!doc) {
		se_diag_error(d, NULL, "no-programme", "no programme among the "
		    "inputs: -t calendar needs a document of kind 'programme'");
		return NULL;
	}
	if (in->formats) {
		const se_format *fm = se_formats_find(in->formats,
		    doc->framework, "programme");
		format = fm ? se_format_node(fm) : NULL;
	}
	p = se_programme_from_doc(doc, format, d);
	if (!p)
		return NULL;
	c = se_programme_calendar(p);
	r = c ? se_report_new(c->title) : NULL;
	if (!r)
		goto fail;
	for (i = 0; i < 3; i++)
		if (report_grid(r, &c->grids[i]) < 0)
			goto fail;
	if (c->nitems && se_report_heading(r, 2, "Timetable") < 0)
		goto fail;
	for (i = 0; i < c->nitems; i++) {
		const se_calendar_item *it = &c->items[i];
		const char *line = aprintf(c->arena, "%s: %s (%s)", it->date,
		    it->what, it->who);
		if (se_report_item(r, line) < 0)
			goto fail;
	}
	se_calendar_free(c);
	se_programme_free(p);
	return r;
fail:
	se_report_free(r);
	se_calendar_free(c);
	se_programme_free(p);
	se_diag_error(d, NULL, "out-of-memory", "out of memory");
	return NULL;
}

/* ---- se-plan --programme and --draft-programme ------------------------ */

/* The review workbooks under the operands, for completing events. */
typedef struct wbooks {
	se_doc **docs;
	size_t n, cap;
	se_diag *d;       /* problems with files named on the command line */
	se_diag *quiet;   /* problems with files found in directories */
	bool oom;
} wbooks;

static int
wbook_add(void *ctx, const char *path, bool named)
{
	wbooks *w = ctx;
	se_doc *doc;

	if (!named && !se_ends_with(path, ".yaml") && !se_ends_with(path, ".yml"))
		return 0;
	doc = se_doc_load(path, named ? w->d : w->quiet);
	if (!doc)
		return named ? -1 : 0;
	if (!doc->kind || strcmp(doc->kind, "review") != 0) {
		se_doc_free(doc);
		return 0;
	}
	if (w->n == w->cap) {
		size_t cap = w->cap ? w->cap * 2 : 16;
		se_doc **v = realloc(w->docs, cap * sizeof *v);
		if (!v) {
			se_doc_free(doc);
			w->oom = true;
			return 1;
		}
		w->docs = v, w->cap = cap;
	}
	w->docs[w->n++] = doc;
	return 0;
}

static void
plan_text_rows(const se_programme *p, const se_programme_row *rows,
    size_t n, long as_of, se_planout_format fmt, FILE *out)
{
	static const char *const head[] = { "When", "What", "Who", "State",
		"Evidence" };
	char due[11], start[11], asof[11];
	se_report *r;
	size_t i;

	se_ymd_format(as_of, asof);
	r = se_report_new(aprintf(p->arena, "Peer challenge programme%s%s%s, "
	    "as of %s", p->region ? ": " : "", p->region ? p->region : "",
	    p->cycle_name ? aprintf(p->arena, " %s", p->cycle_name) : "",
	    asof));
	if (!r)
		return;
	se_report_table(r, NULL, 5, head);
	for (i = 0; i < n; i++) {
		se_ymd_format(rows[i].start, start);
		se_ymd_format(rows[i].due, due);
		se_report_row(r);
		se_report_cell(r, rows[i].start == rows[i].due ? due :
		    aprintf(p->arena, "%s to %s", start, due));
		se_report_cell(r, rows[i].what);
		se_report_cell(r, rows[i].who);
		se_report_cell(r, se_prog_state_name(rows[i].state));
		se_report_cell(r, rows[i].evidence ? rows[i].evidence : "");
	}
	se_report_render(r, fmt == SE_PLANOUT_HTML ? SE_REPORT_HTML :
	    fmt == SE_PLANOUT_MARKDOWN ? SE_REPORT_MARKDOWN : SE_REPORT_TEXT,
	    out);
	se_report_free(r);
}

static void
plan_data_rows(const se_programme_row *rows, size_t n,
    se_planout_format fmt, FILE *out)
{
	char due[11], start[11];
	size_t i;

	if (fmt == SE_PLANOUT_CSV)
		fputs("Start,Due,What,Who,State,Evidence\r\n", out);
	else if (fmt == SE_PLANOUT_JSON)
		fputs("[", out);
	for (i = 0; i < n; i++) {
		const se_programme_row *w = &rows[i];
		const char *ev = w->evidence ? w->evidence : "";
		se_ymd_format(w->start, start);
		se_ymd_format(w->due, due);
		if (fmt == SE_PLANOUT_CSV) {
			fprintf(out, "%s,%s,", start, due);
			se_csv_put(out, w->what, false);
			fputc(',', out);
			se_csv_put(out, w->who, false);
			fprintf(out, ",%s,", se_prog_state_name(w->state));
			se_csv_put(out, ev, false);
			fputs("\r\n", out);
		} else if (fmt == SE_PLANOUT_JSON) {
			fprintf(out, "%s\n  {\"start\": \"%s\", \"due\": \"%s\", "
			    "\"what\": ", i ? "," : "", start, due);
			se_json_put(out, w->what);
			fputs(", \"who\": ", out);
			se_json_put(out, w->who);
			fprintf(out, ", \"state\": \"%s\", \"evidence\": ",
			    se_prog_state_name(w->state));
			if (w->evidence)
				se_json_put(out, w->evidence);
			else
				fputs("null", out);
			fputs("}", out);
		} else {
			fprintf(out, "- start: %s\n  due: %s\n  what: ", start,
			    due);
			yaml_put(out, w->what);
			fputs("\n  who: ", out);
			yaml_put(out, w->who);
			fprintf(out, "\n  state: %s\n",
			    se_prog_state_name(w->state));
			if (w->evidence) {
				fputs("  evidence: ", out);
				yaml_put(out, w->evidence);
				fputc('\n', out);
			}
		}
	}
	if (fmt == SE_PLANOUT_JSON)
		fputs(n ? "\n]\n" : "]\n", out);
}

int
se_programme_plan(const char *path, const char *const *operands,
    size_t noperands, long as_of, int syntax, FILE *out, se_diag *d)
{
	wbooks w;
	se_doc *doc;
	se_programme *p = NULL;
	se_programme_row *rows = NULL;
	size_t n = 0, i;
	se_planout_format fmt = (se_planout_format)syntax;
	int rc = -1;

	memset(&w, 0, sizeof w);
	w.d = d;
	w.quiet = se_diag_new();
	doc = se_doc_load(path, d);
	if (!doc || !w.quiet)
		goto out;
	if (!doc->kind || strcmp(doc->kind, "programme") != 0) {
		se_pos at = { doc->path, 0, 0 };
		se_diag_error(d, &at, "no-programme", "'%s' is not a programme "
		    "(kind: programme)", doc->path);
		goto out;
	}
	for (i = 0; i < noperands && !w.oom; i++)
		(void)se_walk(operands[i], wbook_add, &w, d);
	p = se_programme_from_doc(doc, NULL, d);
	if (!p || w.oom || se_programme_rows(p, (const se_doc *const *)w.docs,
	    w.n, as_of, &rows, &n) < 0)
		goto out;
	if (fmt == SE_PLANOUT_TEXT || fmt == SE_PLANOUT_MARKDOWN ||
	    fmt == SE_PLANOUT_HTML)
		plan_text_rows(p, rows, n, as_of, fmt, out);
	else
		plan_data_rows(rows, n, fmt, out);
	rc = 0;
	for (i = 0; i < n; i++)
		if (rows[i].state == SE_PROG_OVERDUE)
			rc = 1;
out:
	free(rows);
	se_programme_free(p);
	for (i = 0; i < w.n; i++)
		se_doc_free(w.docs[i]);
	free(w.docs);
	se_diag_free(w.quiet);
	se_doc_free(doc);
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
