/* evaluation.c: the critical incident record and the reflection and
 * evaluation reports of se-report (se-report(1) -t incidents, -t
 * evaluation), from review workbooks, after the East Midlands
 * sector-led improvement handbook (2012), section J (Critical Incident
 * Reporting) and section K (Reflection and Evaluation).
 *
 * The fields shown, their order and their labels are the review format's
 * (formats/em-2012/review.yaml: critical_incidents, reflections), so a
 * region that adds a question to its form sees it reported.  Data
 * assembly only: lib/report*.c render. */
#include "format_internal.h"
#include "report_internal.h"

#include <stdlib.h>
#include <string.h>

static const char none[] = "None recorded.";

static const char *
str(const se_node *map, const char *key)
{
	return se_node_str(se_node_get(map, key));
}

static const se_node *
list(const se_node *map, const char *key)
{
	const se_node *n = se_node_get(map, key);

	return n && n->kind == SE_NODE_LIST ? n : NULL;
}

/* The review workbooks among the inputs, in walk order. */
struct reviews {
	const se_doc **rv;
	size_t n;
};

static int
reviews_of(const se_report_input *in, struct reviews *rs, se_diag *d,
    const char *type)
{
	size_t i;

	rs->n = 0;
	rs->rv = NULL;
	if (!se_report_need_review(in, d, type))
		return -1;
	rs->rv = calloc(in->ndocs, sizeof *rs->rv);
	if (!rs->rv)
		return -1;
	for (i = 0; i < in->ndocs; i++)
		if (in->docs[i]->kind && strcmp(in->docs[i]->kind, "review") == 0)
			rs->rv[rs->n++] = in->docs[i];
	return 0;
}

/* The spec of the items of list field 'key' of the workbook's format. */
static const se_field *
items_spec(const se_report_input *in, const se_doc *rv, const char *key)
{
	const se_format *fm = in->formats ? se_formats_find(in->formats,
	    rv->framework, "review") : NULL;
	const se_field *f = fm ? se_format_field(fm, key) : NULL;

	return f && f->type == SE_FT_LIST && f->items &&
	    f->items->type == SE_FT_MAP ? f->items : NULL;
}

static const se_field *
subfield(const se_field *map, const char *key)
{
	size_t i;

	for (i = 0; map && i < map->nfields; i++)
		if (strcmp(map->fields[i].name, key) == 0)
			return &map->fields[i];
	return NULL;
}

/* A value as a line: text trimmed, a list joined with ", ". */
static const char *
value_text(const se_node *n, se_buf *b)
{
	size_t i;

	se_buf_reset(b);
	if (!n)
		return "";
	if (n->kind == SE_NODE_SCALAR)
		return se_report_trim(b, n->text);
	for (i = 0; n->kind == SE_NODE_LIST && i < n->n; i++) {
		se_buf t;
		const char *s = se_node_str(n->items[i]);
		if (!s)
			continue;
		se_buf_init(&t);
		if (b->len)
			se_buf_adds(b, ", ");
		se_buf_adds(b, se_report_trim(&t, s));
		se_buf_release(&t);
	}
	return se_buf_str(b);
}

/* "Host (review, 2018-19)": where a comment or an incident came from. */
static const char *
review_label(const se_doc *rv, se_buf *b)
{
	const char *t = str(rv->meta, "type");

	se_buf_reset(b);
	se_buf_addf(b, "%s (%s, %s)", str(rv->meta, "authority") ?
	    str(rv->meta, "authority") : "(authority not given)",
	    t && strcmp(t, "visit") == 0 ? "visit" : "review",
	    str(rv->meta, "period") ? str(rv->meta, "period") : "period not given");
	return se_buf_str(b);
}

static const char *
dates_text(const se_doc *rv, se_buf *b)
{
	const se_node *dates = se_node_get(rv->meta, "dates");

	se_buf_reset(b);
	if (!str(dates, "start") && !str(dates, "end"))
		return "not recorded";
	se_buf_addf(b, "%s to %s", str(dates, "start") ? str(dates, "start") :
	    "?", str(dates, "end") ? str(dates, "end") : "?");
	return se_buf_str(b);
}

/* An incident's kind as people read it: the format's value with its
 * hyphens as spaces ("Financial irregularity"); a value the format does
 * not list shown as typed, and said to be unknown. */
static const char *
kind_words(const se_field *spec, const char *kind, se_buf *b)
{
	size_t i;
	bool known = false;

	se_buf_reset(b);
	if (!kind || !kind[0])
		return "Not recorded";
	for (i = 0; spec && spec->values && i < spec->values->n; i++)
		if (se_node_str(spec->values->items[i]) &&
		    strcmp(se_node_str(spec->values->items[i]), kind) == 0)
			known = true;
	if (!known && spec && spec->values) {
		se_buf_addf(b, "'%s' (unknown kind)", kind);
		return se_buf_str(b);
	}
	for (i = 0; kind[i]; i++) {
		char c = kind[i] == '-' ? ' ' : kind[i];
		if (i == 0 && c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		se_buf_addc(b, c);
	}
	return se_buf_str(b);
}

/* ---- incidents ----------------------------------------------------------- */

static const char *
who(const se_node *p, se_buf *b)
{
	return p ? se_report_person(p, b) : "None recorded";
}

/* The handbook's form heads each record with the review it came from. */
static void
incident_head(se_report *r, const se_doc *rv, se_buf *b)
{
	const char *t = str(rv->meta, "type");
	bool visit = t && strcmp(t, "visit") == 0;

	se_report_field(r, "Local Authority", str(rv->meta, "authority") ?
	    str(rv->meta, "authority") : "not given");
	se_report_field(r, "Host DCS", who(se_node_get(rv->meta, "host"), b));
	se_report_field(r, visit ? "SAV AD" : "Peer Challenging DCS",
	    who(se_node_get(rv->meta, "lead_reviewer"), b));
	se_report_field(r, visit ? "Date of visit" : "Date of review",
	    dates_text(rv, b));
}

static bool
is_signature(const char *key)
{
	return strncmp(key, "signed", 6) == 0;
}

/* One record: every field of the format's incident, in its order, with
 * its title; a field left empty "None recorded", a signature "Not yet
 * signed".  The handbook: the record "will be jointly signed", so an
 * unsigned one is a warning (incident-unsigned). */
static void
incident(se_report *r, const se_field *spec, const se_node *x, size_t k,
    int level, se_diag *d)
{
	static const char *const head[] = { "Item", "Record" };
	se_buf b, t;
	size_t i;
	bool unsigned_ = false;

	se_buf_init(&b);
	se_buf_init(&t);
	se_buf_addf(&t, "Critical incident %zu", k);
	se_report_heading(r, level, se_buf_str(&t));
	/* the handbook's form is a table of two columns */
	se_report_table(r, "", 2, head);
	for (i = 0; spec && i < spec->nfields; i++) {
		const se_field *f = &spec->fields[i];
		const se_node *v = se_node_get(x, f->name);
		const char *s = value_text(v, &b);
		if (strcmp(f->name, "kind") == 0)
			s = kind_words(f, se_node_str(v), &b);
		else if (!s[0] && is_signature(f->name)) {
			s = "Not yet signed";
			unsigned_ = true;
		} else if (!s[0])
			s = "None recorded";
		se_report_row(r);
		se_report_cell(r, se_field_label(f));
		se_report_cell(r, s);
		if (i == 0)
			se_report_source(r, &x->pos, NULL);
	}
	for (i = 0; !spec && x->kind == SE_NODE_MAP && i < x->n; i++) {
		se_report_row(r);
		se_report_cell(r, x->keys[i]->text);
		se_report_cell(r, value_text(x->items[i], &b));
	}
	if (unsigned_) {
		se_buf_reset(&t);
		se_buf_addf(&t, "critical incident %zu is not yet signed by both "
		    "the Lead DCS and the Host DCS: the handbook's record is "
		    "jointly signed", k);
		se_report_warning(r, se_buf_str(&t));
		se_report_source(r, &x->pos, "incident-unsigned");
		se_diag_warning(d, &x->pos, "incident-unsigned", "%s",
		    se_buf_str(&t));
	}
	se_buf_release(&b);
	se_buf_release(&t);
}

static void
incidents_of(se_report *r, const se_report_input *in, const se_doc *rv,
    int level, se_diag *d)
{
	const se_node *xs = list(rv->meta, "critical_incidents");
	const se_field *spec = items_spec(in, rv, "critical_incidents");
	size_t i;

	if (!xs || xs->n == 0) {
		se_report_para(r, none);
		return;
	}
	for (i = 0; i < xs->n; i++)
		incident(r, spec, xs->items[i], i + 1, level, d);
}

static size_t
count(const se_doc *rv, const char *key)
{
	const se_node *xs = list(rv->meta, key);

	return xs ? xs->n : 0;
}

se_report *
se_report_incidents(const se_report_input *in, se_diag *d)
{
	struct reviews rs;
	se_report *r = NULL;
	se_buf b, t;
	size_t i;

	if (reviews_of(in, &rs, d, "incidents") < 0)
		return NULL;
	se_buf_init(&b);
	se_buf_init(&t);
	if (rs.n == 1)
		se_buf_addf(&t, "Critical incident record: %s of %s",
		    se_report_visit_type(rs.rv[0]), str(rs.rv[0]->meta,
		    "authority") ? str(rs.rv[0]->meta, "authority") :
		    "(authority not given)");
	else
		se_buf_addf(&t, "Critical incident record: %zu reviews and "
		    "visits", rs.n);
	r = se_report_new(se_buf_str(&t));
	if (!r)
		goto out;
	se_report_para(r, "A critical incident is evidence found during a "
	    "review that constitutes a significant and immediate risk to the "
	    "host local authority (e.g. safeguarding, financial irregularity, "
	    "discrimination). The lead reviewer raises it at once with the "
	    "Host DCS, the Host DCS's response is recorded, and the record is "
	    "jointly signed; responding to and resolving it then rests with "
	    "the Host DCS and host local authority.");
	if (rs.n == 1) {
		incident_head(r, rs.rv[0], &b);
		incidents_of(r, in, rs.rv[0], 2, d);
		goto out;
	}
	{
		static const char *const head[] = { "Review or visit", "Dates",
			"Critical incidents" };
		se_report_table(r, "", 3, head);
		for (i = 0; i < rs.n; i++) {
			se_report_row(r);
			se_report_cell(r, review_label(rs.rv[i], &b));
			se_report_source(r, &rs.rv[i]->meta->pos, NULL);
			se_report_cell(r, dates_text(rs.rv[i], &b));
			se_buf_reset(&t);
			se_buf_addf(&t, "%zu", count(rs.rv[i],
			    "critical_incidents"));
			se_report_cell(r, se_buf_str(&t));
		}
	}
	for (i = 0; i < rs.n; i++) {
		se_report_heading(r, 2, review_label(rs.rv[i], &b));
		incident_head(r, rs.rv[i], &b);
		incidents_of(r, in, rs.rv[i], 3, d);
	}
out:
	free(rs.rv);
	se_buf_release(&b);
	se_buf_release(&t);
	return r;
}

/* ---- evaluation: what the reflections hold -------------------------------- */

/* A rating question (an integer field with a range, the handbook's 1-5
 * scales): how many gave each value, and what could not be read. */
struct rating {
	const se_field *f;
	size_t n[10];    /* n[v - min] */
	size_t given;
	double sum;
	const se_node **bad; /* values not on the scale */
	size_t nbad;
};

static bool
is_rating(const se_field *f)
{
	return f->type == SE_FT_INTEGER && f->has_min && f->has_max &&
	    f->max - f->min >= 1 && f->max - f->min < 10;
}

static void
rating_add(struct rating *rt, const se_node *v)
{
	const char *s = se_node_str(v);
	char *end;
	long n;

	if (!v)
		return;
	n = s ? strtol(s, &end, 10) : 0;
	if (!s || end == s || *end || n < rt->f->min || n > rt->f->max) {
		const se_node **p = realloc(rt->bad, (rt->nbad + 1) * sizeof *p);
		if (p) {
			rt->bad = p;
			p[rt->nbad++] = v;
		}
		return;
	}
	rt->n[n - (long)rt->f->min]++;
	rt->given++;
	rt->sum += (double)n;
}

/* The common words of what went well or could be better.  A theme is a
 * word of five letters or more (a hyphenated word is one), folded to
 * lower case with a plural "s" dropped, that is not one of the little
 * words below, or two such words side by side; it is common when it
 * occurs in two or more groups (reflections of one review, or reviews). */
struct word {
	char *key, *shown;
	size_t mentions, groups, last; /* last: the group + 1 it was seen in */
	bool pair;                     /* two words side by side */
};

struct words {
	struct word *w;
	size_t n, cap;
	size_t comments;
};

static const char *const little[] = { "about", "above", "after", "again",
	"against", "already", "although", "always", "among", "another",
	"around", "because", "before", "being", "below", "between", "could",
	"doing", "during", "either", "enough", "every", "first", "further",
	"having", "however", "itself", "little", "might", "never", "often",
	"other", "others", "quite", "rather", "really", "review", "should",
	"since", "still", "their", "there", "these", "thing", "think",
	"those", "though", "three", "through", "under", "until", "using",
	"where", "whether", "which", "while", "whole", "within", "without",
	"would" };

static bool
is_little(const char *w)
{
	size_t i;

	for (i = 0; i < sizeof little / sizeof little[0]; i++)
		if (strcmp(w, little[i]) == 0)
			return true;
	return false;
}

/* The entry of 'key' (a word, or two words side by side: 'pair'), its
 * mentions and groups counted; false when out of memory. */
static bool
entry_add(struct words *ws, const char *key, const char *shown, bool pair,
    size_t group)
{
	size_t k;

	for (k = 0; k < ws->n; k++)
		if (strcmp(ws->w[k].key, key) == 0)
			break;
	if (k == ws->n) {
		if (ws->n == ws->cap) {
			size_t cap = ws->cap ? ws->cap * 2 : 32;
			struct word *p = realloc(ws->w, cap * sizeof *p);
			if (!p)
				return false;
			ws->w = p;
			ws->cap = cap;
		}
		memset(&ws->w[k], 0, sizeof ws->w[k]);
		ws->w[k].key = strdup(key);
		ws->w[k].shown = strdup(shown); /* as first written */
		ws->w[k].pair = pair;
		if (!ws->w[k].key || !ws->w[k].shown) {
			free(ws->w[k].key);
			free(ws->w[k].shown);
			return false;
		}
		ws->n++;
	}
	ws->w[k].mentions++;
	if (ws->w[k].last != group + 1) {
		ws->w[k].groups++;
		ws->w[k].last = group + 1;
	}
	return true;
}

/* Word [s, s + n) as a theme's key (folded, plural dropped) and as
 * written (lower case); false when it is no theme word. */
static bool
theme_word(const char *s, size_t n, char key[64], char lower[64])
{
	size_t i;

	if (n < 5 || n >= 64)
		return false;
	for (i = 0; i < n; i++)
		lower[i] = s[i] >= 'A' && s[i] <= 'Z' ?
		    (char)(s[i] - 'A' + 'a') : s[i];
	lower[n] = '\0';
	memcpy(key, lower, n + 1);
	if (n > 5 && key[n - 1] == 's' && key[n - 2] != 's')
		key[n - 1] = '\0';
	return !is_little(key) && !is_little(lower);
}

static bool
is_letter(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

/* A comment's theme words, and each two theme words side by side
 * ("focus groups", "front-line managers") as a theme of its own. */
static void
words_add(struct words *ws, const char *s, size_t group)
{
	char key[64], lower[64], pkey[64] = "", plower[64] = "";
	char pair[130], pshown[130];
	size_t i = 0, j;

	if (!s || !s[0])
		return;
	ws->comments++;
	while (s[i]) {
		for (; s[i] && !is_letter((unsigned char)s[i]); i++)
			if (s[i] != ' ')
				pkey[0] = '\0'; /* punctuation parts a pair */
		/* "front-line", "check-ins": one word */
		for (j = i; s[j] && (is_letter((unsigned char)s[j]) ||
		    (s[j] == '-' && j > i && is_letter((unsigned char)s[j + 1])));
		    j++)
			;
		if (j == i)
			break;
		if (!theme_word(s + i, j - i, key, lower)) {
			pkey[0] = '\0';
			i = j;
			continue;
		}
		entry_add(ws, key, lower, false, group);
		if (pkey[0]) {
			snprintf(pair, sizeof pair, "%s %s", pkey, key);
			snprintf(pshown, sizeof pshown, "%s %s", plower, lower);
			entry_add(ws, pair, pshown, true, group);
		}
		memcpy(pkey, key, sizeof pkey);
		memcpy(plower, lower, sizeof plower);
		i = j;
	}
}

static int
word_cmp(const void *a, const void *b)
{
	const struct word *x = a, *y = b;

	if (x->groups != y->groups)
		return x->groups > y->groups ? -1 : 1;
	if (x->mentions != y->mentions)
		return x->mentions > y->mentions ? -1 : 1;
	return strcmp(x->key, y->key);
}

static void
words_release(struct words *ws)
{
	size_t i;

	for (i = 0; i < ws->n; i++) {
		free(ws->w[i].key);
		free(ws->w[i].shown);
	}
	free(ws->w);
}

/* Incidents by kind, in the order first met. */
struct kind {
	char *words;
	size_t n;
	se_buf where;
	size_t last; /* the review + 1 last added to 'where' */
};

struct eval {
	const se_report_input *in;
	const struct reviews *rs;
	const se_field *spec;  /* a reflection's fields */
	struct rating *ratings;
	size_t nratings;
	struct words well, better;
	struct kind *kinds;
	size_t nkinds;
	size_t reflections, places, reviews, visits, incidents;
	se_diag *d;
};

static void
kind_add(struct eval *ev, const char *words, const se_doc *rv, size_t g)
{
	struct kind *k;
	size_t i;
	se_buf b;

	for (i = 0; i < ev->nkinds; i++)
		if (strcmp(ev->kinds[i].words, words) == 0)
			break;
	if (i == ev->nkinds) {
		k = realloc(ev->kinds, (ev->nkinds + 1) * sizeof *k);
		if (!k)
			return;
		ev->kinds = k;
		k = &ev->kinds[ev->nkinds];
		k->words = strdup(words);
		if (!k->words)
			return;
		k->n = 0;
		k->last = 0;
		se_buf_init(&k->where);
		ev->nkinds++;
	}
	k = &ev->kinds[i];
	k->n++;
	if (k->last == g + 1)
		return;
	k->last = g + 1;
	se_buf_init(&b);
	se_buf_addf(&k->where, "%s%s", k->where.len ? "; " : "",
	    review_label(rv, &b));
	se_buf_release(&b);
}

/* The team places on the handbook's form: the lead reviewer and each
 * team member. */
static size_t
places(const se_doc *rv)
{
	return (se_node_get(rv->meta, "lead_reviewer") ? 1 : 0) +
	    count(rv, "team");
}

static void
gather(struct eval *ev)
{
	size_t g, i, k, j;
	se_buf b;

	se_buf_init(&b);
	for (g = 0; g < ev->rs->n; g++) {
		const se_doc *rv = ev->rs->rv[g];
		const se_node *fl = list(rv->meta, "reflections");
		const se_node *xs = list(rv->meta, "critical_incidents");
		const se_field *kspec = subfield(items_spec(ev->in, rv,
		    "critical_incidents"), "kind");
		const char *t = str(rv->meta, "type");

		if (t && strcmp(t, "visit") == 0)
			ev->visits++;
		else
			ev->reviews++;
		ev->places += places(rv);
		for (i = 0; fl && i < fl->n; i++) {
			const se_node *x = fl->items[i];
			const se_node *tf = list(x, "team_feedback");
			/* one review: a reflection is a group; several: a review */
			size_t grp = ev->rs->n == 1 ? i : g;
			ev->reflections++;
			for (k = 0; k < ev->nratings; k++)
				rating_add(&ev->ratings[k], se_node_get(x,
				    ev->ratings[k].f->name));
			/* the handbook's team feedback: strengths are what went
			 * well, areas for development what could be better */
			for (j = 0; tf && j < tf->n; j++) {
				words_add(&ev->well, str(tf->items[j], "strengths"),
				    grp);
				words_add(&ev->better, str(tf->items[j],
				    "development"), grp);
			}
		}
		for (i = 0; xs && i < xs->n; i++) {
			ev->incidents++;
			kind_add(ev, kind_words(kspec, str(xs->items[i], "kind"),
			    &b), rv, g);
		}
	}
	se_buf_release(&b);
}

static int
eval_init(struct eval *ev, const se_report_input *in,
    const struct reviews *rs, se_diag *d)
{
	size_t i;

	memset(ev, 0, sizeof *ev);
	ev->d = d;
	ev->in = in;
	ev->rs = rs;
	ev->spec = items_spec(in, rs->rv[0], "reflections");
	for (i = 0; ev->spec && i < ev->spec->nfields; i++)
		if (is_rating(&ev->spec->fields[i]))
			ev->nratings++;
	ev->ratings = calloc(ev->nratings ? ev->nratings : 1,
	    sizeof *ev->ratings);
	if (!ev->ratings)
		return -1;
	ev->nratings = 0;
	for (i = 0; ev->spec && i < ev->spec->nfields; i++)
		if (is_rating(&ev->spec->fields[i]))
			ev->ratings[ev->nratings++].f = &ev->spec->fields[i];
	gather(ev);
	return 0;
}

static void
eval_release(struct eval *ev)
{
	size_t i;

	for (i = 0; i < ev->nratings; i++)
		free(ev->ratings[i].bad);
	free(ev->ratings);
	words_release(&ev->well);
	words_release(&ev->better);
	for (i = 0; i < ev->nkinds; i++) {
		free(ev->kinds[i].words);
		se_buf_release(&ev->kinds[i].where);
	}
	free(ev->kinds);
}

/* ---- evaluation: the parts of the report --------------------------------- */

static void
rating_table(se_report *r, struct eval *ev)
{
	static const char *const head[] = { "Question", "Ratings given",
		"Mean" };
	char cell[64];
	size_t k, v;
	se_buf b;

	if (ev->nratings == 0)
		return;
	se_report_heading(r, 2, "Ratings");
	if (ev->reflections == 0) {
		se_report_para(r, none);
		return;
	}
	se_buf_init(&b);
	se_report_table(r, "", 3, head);
	for (k = 0; k < ev->nratings; k++) {
		struct rating *rt = &ev->ratings[k];
		size_t n = (size_t)(rt->f->max - rt->f->min) + 1;
		se_buf_reset(&b);
		for (v = 0; v < n; v++)
			if (rt->n[v])
				se_buf_addf(&b, "%s%zu at %.0f", b.len ? ", " : "",
				    rt->n[v], rt->f->min + (double)v);
		se_report_row(r);
		se_report_cell(r, se_field_label(rt->f));
		if (rt->nbad)
			se_buf_addf(&b, "%s%zu unknown", b.len ? ", " : "",
			    rt->nbad);
		se_report_cell(r, b.len ? se_buf_str(&b) : "none given");
		if (rt->given)
			snprintf(cell, sizeof cell, "%.1f (%zu answer%s)",
			    rt->sum / (double)rt->given, rt->given,
			    rt->given == 1 ? "" : "s");
		else
			snprintf(cell, sizeof cell, "none given");
		se_report_cell(r, cell);
	}
	for (k = 0; k < ev->nratings; k++) {
		struct rating *rt = &ev->ratings[k];
		size_t i;
		for (i = 0; i < rt->nbad; i++) {
			se_buf_reset(&b);
			se_buf_addf(&b, "the rating '%s' is unknown: not a whole "
			    "number from %.0f to %.0f; it is left out of the "
			    "counts and the mean", se_node_str(rt->bad[i]) ?
			    se_node_str(rt->bad[i]) : "(not a value)",
			    rt->f->min, rt->f->max);
			se_report_warning(r, se_buf_str(&b));
			se_report_source(r, &rt->bad[i]->pos, "unknown-rating");
			se_diag_warning(ev->d, &rt->bad[i]->pos, "unknown-rating",
			    "%s", se_buf_str(&b));
		}
	}
	se_buf_release(&b);
}

/* Whether the single word w is part of a pair shared as widely, which is
 * shown instead ("focus groups", not "focus" and "groups"). */
static bool
in_pair(const struct words *ws, const struct word *w)
{
	size_t k, n = strlen(w->key);

	for (k = 0; k < ws->n; k++) {
		const char *p = ws->w[k].key;
		size_t m = strlen(p);
		if (!ws->w[k].pair || ws->w[k].groups < w->groups)
			continue;
		if ((strncmp(p, w->key, n) == 0 && p[n] == ' ') ||
		    (m > n && p[m - n - 1] == ' ' && strcmp(p + m - n, w->key) == 0))
			return true;
	}
	return false;
}

static void
theme_part(se_report *r, const char *title, struct words *ws,
    const char *groups, bool several)
{
	static const char *const head1[] = { "Theme", "Reflections",
		"Mentions" };
	static const char *const head2[] = { "Theme", "Reviews", "Mentions" };
	size_t i, shown = 0;
	char n1[32], n2[32];

	se_report_heading(r, 3, title);
	if (ws->comments == 0) {
		se_report_para(r, none);
		return;
	}
	qsort(ws->w, ws->n, sizeof *ws->w, word_cmp);
	for (i = 0; i < ws->n && shown < 10; i++) {
		if (ws->w[i].groups < 2)
			break;
		if (!ws->w[i].pair && in_pair(ws, &ws->w[i]))
			continue;
		if (shown++ == 0)
			se_report_table(r, "", 3, several ? head2 : head1);
		se_report_row(r);
		se_report_cell(r, ws->w[i].shown);
		snprintf(n1, sizeof n1, "%zu", ws->w[i].groups);
		snprintf(n2, sizeof n2, "%zu", ws->w[i].mentions);
		se_report_cell(r, n1);
		se_report_cell(r, n2);
	}
	if (!shown) {
		se_buf b;
		se_buf_init(&b);
		se_buf_addf(&b, "No theme is shared by two or more %s (%zu "
		    "comment%s).", groups, ws->comments,
		    ws->comments == 1 ? "" : "s");
		se_report_para(r, se_buf_str(&b));
		se_buf_release(&b);
	}
}

static void
themes(se_report *r, struct eval *ev)
{
	bool several = ev->rs->n > 1;
	const char *g = several ? "reviews" : "reflections";

	se_report_heading(r, 2, "What went well and what could be better");
	se_report_para(r, several ?
	    "Words of five letters or more, alone or two side by side, used "
	    "in the team feedback of two or more reviews, most widely shared "
	    "first: what went well from the strengths, what could be better "
	    "from the areas for development." :
	    "Words of five letters or more, alone or two side by side, used "
	    "in two or more reflections' team feedback, most widely shared "
	    "first: what went well from the strengths, what could be better "
	    "from the areas for development.");
	theme_part(r, "What went well", &ev->well, g, several);
	theme_part(r, "What could be better", &ev->better, g, several);
}

static void
kinds(se_report *r, struct eval *ev)
{
	static const char *const head[] = { "Kind", "Incidents", "Where" };
	size_t i;
	char n[32];

	se_report_heading(r, 2, "Critical incidents by kind");
	if (ev->incidents == 0) {
		se_report_para(r, none);
		return;
	}
	se_report_table(r, "", 3, head);
	for (i = 0; i < ev->nkinds; i++) {
		se_report_row(r);
		se_report_cell(r, ev->kinds[i].words);
		snprintf(n, sizeof n, "%zu", ev->kinds[i].n);
		se_report_cell(r, n);
		se_report_cell(r, se_buf_str(&ev->kinds[i].where));
	}
	se_report_para(r, "se-report -t incidents gives each record in full.");
}

/* Every answer to a text question of the form, under its title. */
static void
answers(se_report *r, struct eval *ev, const se_field *f)
{
	size_t g, i, shown = 0;
	se_buf b, t;

	se_buf_init(&b);
	se_buf_init(&t);
	se_report_heading(r, 3, se_field_label(f));
	for (g = 0; g < ev->rs->n; g++) {
		const se_node *fl = list(ev->rs->rv[g]->meta, "reflections");
		for (i = 0; fl && i < fl->n; i++) {
			const char *s = str(fl->items[i], f->name);
			if (!s || !s[0])
				continue;
			se_buf_reset(&t);
			if (ev->rs->n > 1)
				se_buf_addf(&t, "%s: ", review_label(ev->rs->rv[g],
				    &b));
			se_buf_adds(&t, se_report_trim(&b, s));
			se_report_item(r, se_buf_str(&t));
			se_report_source(r, &se_node_get(fl->items[i],
			    f->name)->pos, NULL);
			shown++;
		}
	}
	if (!shown)
		se_report_para(r, none);
	se_buf_release(&b);
	se_buf_release(&t);
}

static void
all_answers(se_report *r, struct eval *ev)
{
	size_t i;

	se_report_heading(r, 2, "Answers to the form's questions");
	for (i = 0; ev->spec && i < ev->spec->nfields; i++) {
		const se_field *f = &ev->spec->fields[i];
		if (f->type == SE_FT_TEXT)
			answers(r, ev, f);
	}
}

/* The composite view of how the team operated: each member's strengths
 * and areas for development as the team gave them, no reviewer named
 * (the handbook: "individuals will only see a composite view provided by
 * the whole team"); a member's rows together, in the order first named. */
static void
team_table(se_report *r, struct eval *ev)
{
	const se_doc *rv = ev->rs->rv[0];
	const se_field *tf = subfield(ev->spec, "team_feedback");
	const se_field *items = tf ? tf->items : NULL;
	const se_node *fl = list(rv->meta, "reflections");
	const char *head[3] = { "Team member", "Strengths",
		"Areas for development" };
	const se_node **rows = NULL;
	size_t n = 0, i, j, k;
	se_buf b;

	se_report_heading(r, 2, tf ? se_field_label(tf) :
	    "Evaluating how the review team operated");
	for (i = 0; fl && i < fl->n; i++) {
		const se_node *xs = list(fl->items[i], "team_feedback");
		for (j = 0; xs && j < xs->n; j++) {
			const se_node **p = realloc(rows, (n + 1) * sizeof *p);
			if (!p)
				break;
			rows = p;
			rows[n++] = xs->items[j];
		}
	}
	if (n == 0) {
		se_report_para(r, none);
		free(rows);
		return;
	}
	if (subfield(items, "strengths"))
		head[1] = se_field_label(subfield(items, "strengths"));
	if (subfield(items, "development"))
		head[2] = se_field_label(subfield(items, "development"));
	se_buf_init(&b);
	se_report_para(r, "The team's composite view: what each reviewer said "
	    "of themselves (Self) and of each other, without saying who said "
	    "it.");
	se_report_table(r, "", 3, head);
	for (i = 0; i < n; i++) {
		const char *m = str(rows[i], "member");
		bool first = true;
		for (k = 0; k < i; k++)
			if (m && str(rows[k], "member") &&
			    se_strcasecmp(m, str(rows[k], "member")) == 0)
				first = false;
		if (!first)
			continue;
		for (k = i; k < n; k++) {
			const char *mk = str(rows[k], "member");
			if (k > i && (!m || !mk || se_strcasecmp(m, mk) != 0))
				continue;
			se_report_row(r);
			se_report_cell(r, m ? m : "(not named)");
			se_report_source(r, &rows[k]->pos, NULL);
			se_report_cell(r, se_report_trim(&b, str(rows[k],
			    "strengths")));
			se_report_cell(r, se_report_trim(&b, str(rows[k],
			    "development")));
		}
	}
	se_buf_release(&b);
	free(rows);
}

static void
returned(se_report *r, struct eval *ev)
{
	se_buf b;

	se_buf_init(&b);
	if (ev->places)
		se_buf_addf(&b, "%zu of %zu (the lead reviewer and each team "
		    "member)", ev->reflections, ev->places);
	else
		se_buf_addf(&b, "%zu (the team is not recorded)", ev->reflections);
	se_report_field(r, "Reflections returned", se_buf_str(&b));
	se_buf_release(&b);
}

static void
one_review(se_report *r, struct eval *ev)
{
	const se_doc *rv = ev->rs->rv[0];
	se_buf b;

	se_buf_init(&b);
	se_report_heading(r, 2, strcmp(se_report_visit_type(rv),
	    "Safeguarding Assurance Visit") == 0 ? "About the visit" :
	    "About the review");
	se_report_field(r, "Host authority", str(rv->meta, "authority") ?
	    str(rv->meta, "authority") : "not given");
	se_report_field(r, "Dates", dates_text(rv, &b));
	se_report_field(r, "Lead reviewer", se_report_person(
	    se_node_get(rv->meta, "lead_reviewer"), &b));
	returned(r, ev);
	se_buf_release(&b);
	team_table(r, ev);
}

static void
several_reviews(se_report *r, struct eval *ev)
{
	static const char *const head[] = { "Review or visit", "Dates",
		"Reflections returned", "Critical incidents" };
	char n[64];
	size_t g;
	se_buf b;

	se_buf_init(&b);
	se_report_heading(r, 2, "The reviews and visits");
	snprintf(n, sizeof n, "%zu", ev->reviews);
	se_report_field(r, "Peer Challenge Team Reviews", n);
	snprintf(n, sizeof n, "%zu", ev->visits);
	se_report_field(r, "Safeguarding Assurance Visits", n);
	returned(r, ev);
	snprintf(n, sizeof n, "%zu", ev->incidents);
	se_report_field(r, "Critical incidents", n);
	se_report_table(r, "", 4, head);
	for (g = 0; g < ev->rs->n; g++) {
		const se_doc *rv = ev->rs->rv[g];
		se_report_row(r);
		se_report_cell(r, review_label(rv, &b));
		se_report_source(r, &rv->meta->pos, NULL);
		se_report_cell(r, dates_text(rv, &b));
		snprintf(n, sizeof n, "%zu of %zu", count(rv, "reflections"),
		    places(rv));
		se_report_cell(r, n);
		snprintf(n, sizeof n, "%zu", count(rv, "critical_incidents"));
		se_report_cell(r, n);
	}
	se_buf_release(&b);
}

/* The first and last periods named ("2018-19 to 2019-20"). */
static const char *
span(const struct reviews *rs, se_buf *b)
{
	const char *lo = NULL, *hi = NULL;
	size_t i;

	for (i = 0; i < rs->n; i++) {
		const char *p = str(rs->rv[i]->meta, "period");
		if (!p)
			continue;
		if (!lo || strcmp(p, lo) < 0)
			lo = p;
		if (!hi || strcmp(p, hi) > 0)
			hi = p;
	}
	se_buf_reset(b);
	if (!lo)
		return "periods not given";
	if (strcmp(lo, hi) == 0)
		se_buf_adds(b, lo);
	else
		se_buf_addf(b, "%s to %s", lo, hi);
	return se_buf_str(b);
}

se_report *
se_report_evaluation(const se_report_input *in, se_diag *d)
{
	struct reviews rs;
	struct eval ev;
	se_report *r = NULL;
	se_buf t, b;

	if (reviews_of(in, &rs, d, "evaluation") < 0)
		return NULL;
	if (eval_init(&ev, in, &rs, d) < 0) {
		free(rs.rv);
		return NULL;
	}
	se_buf_init(&t);
	se_buf_init(&b);
	if (rs.n == 1)
		se_buf_addf(&t, "Reflection and evaluation: %s of %s",
		    se_report_visit_type(rs.rv[0]), str(rs.rv[0]->meta,
		    "authority") ? str(rs.rv[0]->meta, "authority") :
		    "(authority not given)");
	else
		se_buf_addf(&t, "Evaluation across reviews: %zu reviews and "
		    "visits, %s", rs.n, span(&rs, &b));
	r = se_report_new(se_buf_str(&t));
	if (!r)
		goto out;
	if (rs.n == 1)
		one_review(r, &ev);
	else
		several_reviews(r, &ev);
	rating_table(r, &ev);
	themes(r, &ev);
	kinds(r, &ev);
	all_answers(r, &ev);
out:
	eval_release(&ev);
	free(rs.rv);
	se_buf_release(&t);
	se_buf_release(&b);
	return r;
}
