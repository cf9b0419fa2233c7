/* hypo.c: the lead reviewer's desk analysis (se-hypothesise(1);
 * the sector-led improvement handbook (2012), section H): the six
 * candidate rules over the host authority's data profile (profile.c), and
 * the ranking into hypotheses. */
#include "hypo_internal.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define NONE SIZE_MAX

/* ---- the rules' shared view of the self-assessment ---------------------- */

/* Scoring weights (documented in se-hypothesise(1)).  A candidate's score
 * is its rule's base plus the per-indicator weights; when candidates of
 * one area merge, their scores add up, so corroboration ranks higher. */
enum {
	W_GAP = 50,             /* self-awareness gap */
	W_GAP_BAD = 10,         /* + each linked indicator red, bottom
	                           quartile or declining */
	W_GAP_RED_DECLINING = 5,/* + each that is red and declining too */
	W_GAP_ABOVE_GOOD = 10,  /* + each level the rating is above good */
	W_KLOE = 45,            /* key line of enquiry */
	W_KLOE_BAD = 5,         /* + each of its indicators that is bad */
	W_BLIND = 30,           /* blind spot */
	W_BLIND_EACH = 8,       /* + each red, declining indicator */
	W_BLIND_BOTTOM = 4,     /* + each of those in the bottom quartile */
	W_WEAK = 25,            /* weakness without movement */
	W_WEAK_DECLINING = 6,   /* + each linked indicator declining */
	W_WEAK_RED = 3,         /* + each of those that is red */
	W_UNDER = 10,           /* under-claiming (the lowest) */
	W_UNDER_GREEN = 2,      /* + each green linked indicator */
	W_CLAIM = 35,           /* claim contradicted by data */
	W_CLAIM_RED = 5         /* + when the indicator is red as well */
};

/* At most this many facts are told in one rationale. */
#define MAX_TOLD 3

struct area {
	const char *id, *title;
	size_t order;
	int level;             /* 0 worst .. ; -1 when not rated */
	const char *label;     /* the level's label, e.g. "good" */
	long code;             /* the number the document wrote */
	bool has_code;
	bool good, low;        /* level >= good; level < good */
	int above;             /* levels above good */
	se_pos pos;            /* the rating */
};

struct item {
	const char *text;      /* whitespace folded */
	const char *area;      /* its area: field, or NULL */
	const char *theme;
	se_pos pos;
	const char **ids;      /* indicator:ID in its evidence or text */
	size_t nids;
	size_t index;          /* 1-based, in its list */
};

struct se_hypos {
	const se_hypo_input *in;
	se_arena *arena;
	struct area *areas;
	size_t nareas;
	struct item *weak, *kloe;
	size_t nweak, nkloe;
	const char *sa_name;   /* the self-assessment's file name */
	const char *const *judgement; /* words the review format flags */
	size_t njudgement;
	se_hypo **cand;
	size_t ncand, capcand;
	se_hypo **ranked;
	size_t nranked;
	bool failed;
};

static const char *
hstr(se_hypos *h, const char *s)
{
	char *c;

	if (!s)
		return NULL;
	c = se_arena_strdup(h->arena, s);
	if (!c)
		h->failed = true;
	return c;
}

/* Take the buffer's text into the arena. */
static const char *
htake(se_hypos *h, se_buf *b)
{
	const char *s;

	if (se_buf_failed(b)) {
		h->failed = true;
		se_buf_release(b);
		return NULL;
	}
	s = hstr(h, se_buf_str(b));
	se_buf_release(b);
	return s;
}

/* Text with runs of white space folded to one space, ends trimmed. */
static const char *
fold(se_hypos *h, const char *s)
{
	se_buf b;
	bool space = false;

	se_buf_init(&b);
	for (; s && *s; s++) {
		if (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r') {
			space = b.len > 0;
			continue;
		}
		if (space)
			se_buf_addc(&b, ' ');
		space = false;
		se_buf_addc(&b, *s);
	}
	return htake(h, &b);
}

static const char *
base_name(const char *path)
{
	const char *s = strrchr(path, '/');

	return s ? s + 1 : path;
}

static struct area *
area_find(const se_hypos *h, const char *id)
{
	size_t i;

	for (i = 0; id && i < h->nareas; i++)
		if (strcmp(h->areas[i].id, id) == 0)
			return &h->areas[i];
	return NULL;
}

/* A title that reads inside a sentence: the framework's, unless it is a
 * question ("How well are outcomes being achieved?"); then the id with
 * its first letter capitalised and dashes as spaces. */
static const char *
area_title(se_hypos *h, const char *id, const char *title)
{
	char *t;
	size_t i;

	if (title && *title && title[strlen(title) - 1] != '?')
		return hstr(h, title);
	t = (char *)hstr(h, id);
	for (i = 0; t && t[i]; i++)
		if (t[i] == '-')
			t[i] = ' ';
	if (t && t[0] >= 'a' && t[0] <= 'z')
		t[0] = (char)(t[0] - 'a' + 'A');
	return t;
}

/* The self-assessment's format, when formats are known. */
static const se_format *
sa_fmt(const se_hypos *h)
{
	if (!h->in->formats || !h->in->sa->framework)
		return NULL;
	return se_formats_find(h->in->formats, h->in->sa->framework,
	    h->in->sa->kind ? h->in->sa->kind : "self-assessment");
}

/* The self-assessment format's tree, when formats are known. */
static const se_node *
sa_format(const se_hypos *h)
{
	const se_format *fm = sa_fmt(h);

	return fm ? se_format_node(fm) : NULL;
}

static void
rate_area(se_hypos *h, struct area *a, const se_node *n, const se_scale *sc)
{
	static const char *const em4[] = { "inadequate", "adequate", "good",
		"outstanding" };
	const se_node *r = se_node_get(n, "rating");
	const char *t = se_node_str(r);
	size_t good = 2, i;
	char *end;
	long v;

	a->level = -1;
	if (!t)
		return;
	a->pos = r->pos;
	if (sc) {
		a->level = se_scale_parse(sc, t, strlen(t));
		for (i = 0; i < se_scale_len(sc); i++)
			if (strcmp(se_scale_level_id(sc, i), "good") == 0)
				good = i;
		if (a->level < 0)
			return;
		a->label = se_scale_level_label(sc, (size_t)a->level);
		a->has_code = se_scale_level_code(sc, (size_t)a->level,
		    &a->code);
	} else {
		v = strtol(t, &end, 10);
		if (*end || v < 1 || v > 4)
			return;
		a->level = (int)v - 1;
		a->label = em4[v - 1];
		a->code = v;
		a->has_code = true;
	}
	a->label = hstr(h, a->label);
	if (a->label && a->label[0] >= 'A' && a->label[0] <= 'Z')
		((char *)a->label)[0] = (char)(a->label[0] - 'A' + 'a');
	a->good = (size_t)a->level >= good;
	a->above = a->good ? a->level - (int)good : 0;
	a->low = (size_t)a->level < good;
}

/* The areas in framework order (the format's), else the document's. */
static int
load_areas(se_hypos *h)
{
	const se_node *map = se_node_get(h->in->sa->meta, "areas");
	const se_node *fmt = se_node_path(sa_format(h), "fields.areas.fields");
	const se_node *order = fmt && fmt->kind == SE_NODE_MAP ? fmt : map;
	const se_scale *sc = h->in->formats ? se_format_area_scale(
	    h->in->formats, sa_fmt(h), "em4") : NULL;
	size_t i, k = 0;

	if (!order || order->kind != SE_NODE_MAP)
		return 0;
	h->areas = se_arena_alloc(h->arena, (order->n + 1) *
	    sizeof *h->areas);
	if (!h->areas)
		return -1;
	for (i = 0; i < order->n; i++) {
		struct area *a = &h->areas[k];
		const char *id = order->keys[i]->text;
		const char *title = fmt ? se_node_str(se_node_get(
		    se_node_get(fmt, id), "title")) : NULL;
		if (h->in->formats && h->in->sa->framework &&
		    se_formats_area(h->in->formats, h->in->sa->framework, id))
			title = se_formats_area(h->in->formats,
			    h->in->sa->framework, id);
		a->id = hstr(h, id);
		a->title = area_title(h, id, title);
		a->order = k;
		rate_area(h, a, map && map->kind == SE_NODE_MAP ?
		    se_node_get(map, id) : NULL, sc);
		k++;
	}
	h->nareas = k;
	return h->failed ? -1 : 0;
}

/* Add each indicator:ID in 's' to the item's ids (once). */
static void
ids_in(se_hypos *h, struct item *it, const char *s, size_t *cap)
{
	const char *p = s;

	while (s && (p = strstr(p, "indicator:")) != NULL) {
		const char *q = p + 10, *e = q;
		size_t i;
		char *id;
		while ((*e >= 'A' && *e <= 'Z') || (*e >= 'a' && *e <= 'z') ||
		    (*e >= '0' && *e <= '9') || *e == '-' || *e == '_' ||
		    *e == '.')
			e++;
		while (e > q && e[-1] == '.')
			e--;
		p = e > q ? e : q;
		if (e == q)
			continue;
		id = se_arena_strndup(h->arena, q, (size_t)(e - q));
		if (!id) {
			h->failed = true;
			return;
		}
		for (i = 0; i < it->nids; i++)
			if (se_strcasecmp(it->ids[i], id) == 0)
				break;
		if (i < it->nids)
			continue;
		if (it->nids == *cap) {
			const char **v = se_arena_alloc(h->arena,
			    (*cap * 2 + 4) * sizeof *v);
			if (!v) {
				h->failed = true;
				return;
			}
			if (it->nids)
				memcpy(v, it->ids, it->nids * sizeof *v);
			it->ids = v;
			*cap = *cap * 2 + 4;
		}
		it->ids[it->nids++] = id;
	}
}

static void
ids_of_node(se_hypos *h, struct item *it, const se_node *n, size_t *cap)
{
	size_t i;

	if (!n)
		return;
	if (n->kind == SE_NODE_SCALAR) {
		ids_in(h, it, n->text, cap);
		return;
	}
	for (i = 0; i < n->n; i++)
		ids_of_node(h, it, n->items[i], cap);
}

/* An item without an area: the first framework area an indicator it
 * cites evidences (by the catalogue), or NULL. */
static const char *
cited_area(const se_hypos *h, const struct item *it)
{
	const se_indicator *ind;
	const struct area *a;
	size_t i, j;

	for (i = 0; h->in->cat && i < it->nids; i++) {
		ind = se_catalogue_find(h->in->cat, it->ids[i],
		    strlen(it->ids[i]));
		for (j = 0; ind && j < ind->nareas; j++)
			if ((a = area_find(h, ind->areas[j])) != NULL)
				return a->id;
	}
	return NULL;
}

static int
load_items(se_hypos *h, const char *key, struct item **out, size_t *nout)
{
	const se_node *list = se_node_get(h->in->sa->meta, key);
	size_t i, k = 0;

	*out = NULL;
	*nout = 0;
	if (!list || list->kind != SE_NODE_LIST || list->n == 0)
		return 0;
	*out = se_arena_alloc(h->arena, list->n * sizeof **out);
	if (!*out)
		return -1;
	for (i = 0; i < list->n; i++) {
		const se_node *n = list->items[i];
		struct item *it = &(*out)[k];
		const se_node *text = n->kind == SE_NODE_MAP ?
		    se_node_get(n, "text") : n;
		size_t cap = 0;
		if (!se_node_str(text))
			continue;
		it->text = fold(h, se_node_str(text));
		it->area = hstr(h, se_node_str(se_node_get(n, "area")));
		it->theme = hstr(h, se_node_str(se_node_get(n, "theme")));
		it->pos = n->pos;
		it->index = i + 1;
		ids_in(h, it, se_node_str(text), &cap);
		ids_of_node(h, it, se_node_get(n, "evidence"), &cap);
		k++;
	}
	*nout = k;
	for (i = 0; i < k; i++)
		if (!(*out)[i].area)
			(*out)[i].area = cited_area(h, &(*out)[i]);
	return h->failed ? -1 : 0;
}

se_hypos *
se_hypos_new(const se_hypo_input *in)
{
	se_hypos *h = calloc(1, sizeof *h);
	const se_format *rv;
	const se_node *jw;
	size_t i;

	if (!h)
		return NULL;
	h->in = in;
	h->arena = se_arena_new(0);
	if (!h->arena) {
		free(h);
		return NULL;
	}
	h->sa_name = base_name(in->sa->path);
	if (load_areas(h) < 0 || load_items(h, "weaknesses", &h->weak,
	    &h->nweak) < 0 || load_items(h, "key_lines_of_enquiry", &h->kloe,
	    &h->nkloe) < 0)
		goto fail;
	rv = in->formats ? se_formats_find(in->formats, in->sa->framework,
	    "review") : NULL;
	jw = rv ? se_node_get(se_format_node(rv), "judgement-words") : NULL;
	if (jw && jw->kind == SE_NODE_LIST) {
		const char **w = se_arena_alloc(h->arena, (jw->n + 1) *
		    sizeof *w);
		if (!w)
			goto fail;
		for (i = 0; i < jw->n; i++)
			if (se_node_str(jw->items[i]))
				w[h->njudgement++] = jw->items[i]->text;
		h->judgement = w;
	}
	return h;
fail:
	se_hypos_free(h);
	return NULL;
}

void
se_hypos_free(se_hypos *h)
{
	if (!h)
		return;
	free(h->cand);
	free(h->ranked);
	se_arena_free(h->arena);
	free(h);
}

size_t
se_hypos_ncandidates(const se_hypos *h)
{
	return h ? h->ncand : 0;
}

const se_hypo *
se_hypos_candidate(const se_hypos *h, size_t i)
{
	return h && i < h->ncand ? h->cand[i] : NULL;
}

size_t
se_hypos_len(const se_hypos *h)
{
	return h ? h->nranked : 0;
}

const se_hypo *
se_hypos_at(const se_hypos *h, size_t i)
{
	return h && i < h->nranked ? h->ranked[i] : NULL;
}

const se_hypo_input *
se_hypos_input(const se_hypos *h)
{
	return h->in;
}

const char *
se_hypo_rule_name(se_hypo_rule r)
{
	static const char *const names[] = { "self-awareness-gap",
		"key-line-of-enquiry", "blind-spot",
		"weakness-without-movement", "under-claiming",
		"claim-vs-data" };

	return (unsigned)r < 6 ? names[r] : "";
}

/* ---- building candidates ------------------------------------------------- */

/* The indicators linked to 'area' that have a rated value. */
static size_t
linked_facts(const se_hypos *h, const char *area, const se_fact **out,
    size_t max)
{
	size_t i, j, n = 0;

	for (i = 0; i < se_profile_len(h->in->profile) && n < max; i++) {
		const se_fact *f = se_profile_at(h->in->profile, i);
		if (!se_fact_is_rated(f))
			continue;
		for (j = 0; j < f->ind->nareas; j++)
			if (strcmp(f->ind->areas[j], area) == 0) {
				out[n++] = f;
				break;
			}
	}
	return n;
}

/* How bad a fact is, for telling the worst first. */
static int
badness(const se_fact *f)
{
	return (f->rag == SE_RAG_RED) * 4 + (f->direction ==
	    SE_DIR_DECLINING) * 2 + (se_fact_quartile(f) == 'D') +
	    (f->run >= 2);
}

static int
by_badness(const void *a, const void *b)
{
	const se_fact *x = *(const se_fact *const *)a;
	const se_fact *y = *(const se_fact *const *)b;
	int d = badness(y) - badness(x);

	return d ? d : strcmp(x->ind->id, y->ind->id);
}

static se_hypo *
new_hypo(se_hypos *h, se_hypo_rule rule, const char *area)
{
	se_hypo *c = se_arena_alloc(h->arena, sizeof *c);
	const struct area *a = area_find(h, area);

	if (!c) {
		h->failed = true;
		return NULL;
	}
	c->rule = rule;
	c->area = a ? a->id : NULL;
	c->area_order = a ? a->order : NONE;
	return c;
}

static int
add_candidate(se_hypos *h, se_hypo *c)
{
	if (h->failed || !c)
		return -1;
	if (h->ncand == h->capcand) {
		size_t cap = h->capcand ? h->capcand * 2 : 16;
		se_hypo **v = realloc(h->cand, cap * sizeof *v);
		if (!v)
			return -1;
		h->cand = v;
		h->capcand = cap;
	}
	h->cand[h->ncand++] = c;
	return 0;
}

static int
set_facts(se_hypos *h, se_hypo *c, const se_fact *const *f, size_t n)
{
	if (n == 0)
		return 0;
	c->facts = se_arena_alloc(h->arena, n * sizeof *c->facts);
	if (!c->facts)
		return -1;
	memcpy(c->facts, f, n * sizeof *f);
	qsort(c->facts, n, sizeof *c->facts, by_badness);
	c->nfacts = n;
	c->linked_data = true;
	return 0;
}

static int
set_line(se_hypos *h, se_hypo *c, se_pos pos)
{
	c->lines = se_arena_alloc(h->arena, sizeof *c->lines);
	if (!c->lines)
		return -1;
	c->lines[0] = pos;
	c->nlines = 1;
	c->linked_self_assessment = true;
	return 0;
}

/* "good (3)", or for a word the review format flags as a graded
 * judgement, "3 on the em4 scale" said without the word. */
static void
say_rating(const se_hypos *h, se_buf *b, const struct area *a)
{
	size_t i;

	for (i = 0; i < h->njudgement; i++)
		if (se_strcasecmp(h->judgement[i], a->label) == 0)
			break;
	if (i < h->njudgement && a->has_code) {
		se_buf_addf(b, "%ld, the %s of the scale", a->code,
		    a->good ? "top" : "bottom");
		return;
	}
	se_buf_adds(b, a->label);
	if (a->has_code)
		se_buf_addf(b, " (%ld)", a->code);
}

static void
say_line(const se_hypos *h, se_buf *b, unsigned line)
{
	se_buf_addf(b, "(%s line %u)", h->sa_name, line);
}

/* Up to MAX_TOLD fact sentences, worst first. */
static void
tell_facts(se_buf *b, const se_fact *const *f, size_t n)
{
	size_t i;

	for (i = 0; i < n && i < MAX_TOLD; i++) {
		se_buf_addc(b, ' ');
		se_fact_sentence(b, f[i]);
	}
	for (i = MAX_TOLD; i < n; i++)
		se_buf_addf(b, "%s%s (%s)%s", i == MAX_TOLD ? " Also: " : "; ",
		    f[i]->ind->id, f[i]->ind->title, i + 1 == n ? "." : "");
}

/* "all 4 of its linked indicators are", "its only linked indicator
 * is", "2 of its 5 linked indicators are". */
static void
say_count(se_buf *b, size_t k, size_t n, const char *what)
{
	if (k == n && n > 1)
		se_buf_addf(b, "all %zu of its %ss are", n, what);
	else if (k == n)
		se_buf_addf(b, "its only %s is", what);
	else
		se_buf_addf(b, "%zu of its %zu %ss %s", k, n, what,
		    k == 1 ? "is" : "are");
}

/* ---- rule 1: self-awareness gap ----------------------------------------- */

static int
gap_for(se_hypos *h, const struct area *a)
{
	const se_fact *linked[256], *bad[256];
	size_t n, nbad = 0, nred = 0, ndecl = 0, nboth = 0, i;
	int score;
	se_hypo *c;
	se_buf b;

	if (!a->good || a->level < 0)
		return 0;
	n = linked_facts(h, a->id, linked, 256);
	for (i = 0; i < n; i++) {
		if (!se_fact_is_bad(linked[i]))
			continue;
		bad[nbad++] = linked[i];
		nred += linked[i]->rag == SE_RAG_RED;
		ndecl += linked[i]->direction == SE_DIR_DECLINING;
		nboth += linked[i]->rag == SE_RAG_RED &&
		    linked[i]->direction == SE_DIR_DECLINING;
	}
	if (n == 0 || nbad * 2 <= n)
		return 0;
	score = W_GAP + W_GAP_BAD * (int)nbad;
	for (i = 0; i < nbad; i++)
		if (bad[i]->rag == SE_RAG_RED &&
		    bad[i]->direction == SE_DIR_DECLINING)
			score += W_GAP_RED_DECLINING;
	score += W_GAP_ABOVE_GOOD * a->above;
	c = new_hypo(h, SE_HYPO_GAP, a->id);
	if (!c || set_facts(h, c, bad, nbad) < 0 || set_line(h, c, a->pos) < 0)
		return -1;
	c->score = score;
	se_buf_init(&b);
	se_buf_addf(&b, "%s is not as strong as the self-assessment's rating "
	    "of ", a->title);
	say_rating(h, &b, a);
	se_buf_adds(&b, " suggests: the data linked to it points the other "
	    "way.");
	c->text = htake(h, &b);
	se_buf_init(&b);
	se_buf_adds(&b, "The self-assessment rates ");
	se_buf_adds(&b, a->title);
	se_buf_adds(&b, " as ");
	say_rating(h, &b, a);
	se_buf_addc(&b, ' ');
	say_line(h, &b, a->pos.line);
	se_buf_adds(&b, ", but ");
	if (nred * 2 > n) {
		say_count(&b, nred, n, "linked indicator");
		se_buf_adds(&b, " red");
		if (ndecl == nred && nboth == nred)
			se_buf_adds(&b, " and declining");
		else if (ndecl)
			se_buf_addf(&b, " and %zu %s declining", ndecl,
			    ndecl == 1 ? "is" : "are");
	} else {
		say_count(&b, nbad, n, "linked indicator");
		se_buf_adds(&b, " red, in the bottom quartile or declining");
	}
	se_buf_addc(&b, '.');
	tell_facts(&b, bad, nbad);
	c->rationale = htake(h, &b);
	se_buf_init(&b);
	se_buf_addf(&b, "The self-assessment rates %s as ", a->title);
	say_rating(h, &b, a);
	se_buf_addc(&b, ' ');
	say_line(h, &b, a->pos.line);
	se_buf_addf(&b, ", but %zu of its %zu linked indicators are red, in "
	    "the bottom quartile or declining.", nbad, n);
	c->aside = htake(h, &b);
	return add_candidate(h, c);
}

int
se_hypo_find_gaps(se_hypos *h)
{
	size_t i;

	for (i = 0; i < h->nareas; i++)
		if (gap_for(h, &h->areas[i]) < 0)
			return -1;
	return 0;
}

/* ---- rule 2: key lines of enquiry ------------------------------------- */

/* The rated facts an item cites, or failing that, the bad ones linked to
 * its area. */
static size_t
item_facts(const se_hypos *h, const struct item *it, const se_fact **out,
    size_t max, bool *cited)
{
	size_t i, n = 0, k;
	const se_fact *all[256];

	for (i = 0; i < it->nids && n < max; i++) {
		const se_fact *f = se_profile_find(h->in->profile, it->ids[i]);
		if (f && se_fact_is_rated(f))
			out[n++] = f;
	}
	*cited = n > 0;
	if (n || !it->area)
		return n;
	k = linked_facts(h, it->area, all, 256);
	for (i = 0; i < k && n < max; i++)
		if (se_fact_is_bad(all[i]))
			out[n++] = all[i];
	return n;
}

static const char *
ordinal_kloe(size_t i)
{
	(void)i;
	return "Key line of enquiry";
}

static int
kloe_for(se_hypos *h, const struct item *it)
{
	const se_fact *f[256];
	const struct area *a = area_find(h, it->area);
	bool cited;
	size_t n = item_facts(h, it, f, 256, &cited), i, nbad = 0;
	se_hypo *c = new_hypo(h, SE_HYPO_KLOE, it->area);
	se_buf b;

	if (!c || set_line(h, c, it->pos) < 0 || set_facts(h, c, f, n) < 0)
		return -1;
	for (i = 0; i < n; i++)
		nbad += se_fact_is_bad(f[i]);
	c->score = W_KLOE + W_KLOE_BAD * (int)nbad;
	c->text = it->text;
	c->theme = it->theme;
	se_buf_init(&b);
	se_buf_addf(&b, "%s %zu of the self-assessment ", ordinal_kloe(
	    it->index), it->index);
	say_line(h, &b, it->pos.line);
	if (a) {
		se_buf_addf(&b, ", in %s", a->title);
		if (a->level >= 0) {
			se_buf_adds(&b, " (rated ");
			say_rating(h, &b, a);
			se_buf_addc(&b, ')');
		}
	}
	se_buf_addc(&b, '.');
	if (n && !cited)
		se_buf_adds(&b, " It cites no indicator; those linked to its "
		    "area that are red, in the bottom quartile or declining:");
	tell_facts(&b, c->facts, c->nfacts);
	if (!n)
		se_buf_adds(&b, " No indicator with data is linked to it: "
		    "the evidence will come from the visit.");
	c->rationale = htake(h, &b);
	se_buf_init(&b);
	se_buf_addf(&b, "It is the host's key line of enquiry %zu ", it->index);
	say_line(h, &b, it->pos.line);
	se_buf_addf(&b, ": \"%s\"", it->text);
	c->aside = htake(h, &b);
	return add_candidate(h, c);
}

int
se_hypo_find_kloes(se_hypos *h)
{
	size_t i;

	for (i = 0; i < h->nkloe; i++)
		if (kloe_for(h, &h->kloe[i]) < 0)
			return -1;
	return 0;
}

/* ---- rule 3: blind spots ------------------------------------------------ */

static bool
area_named(const se_hypos *h, const char *area)
{
	size_t i;

	for (i = 0; i < h->nweak; i++)
		if (h->weak[i].area && strcmp(h->weak[i].area, area) == 0)
			return true;
	for (i = 0; i < h->nkloe; i++)
		if (h->kloe[i].area && strcmp(h->kloe[i].area, area) == 0)
			return true;
	return false;
}

static bool
id_named(const se_hypos *h, const char *id)
{
	size_t i, j;

	for (i = 0; i < h->nweak; i++)
		for (j = 0; j < h->weak[i].nids; j++)
			if (se_strcasecmp(h->weak[i].ids[j], id) == 0)
				return true;
	for (i = 0; i < h->nkloe; i++)
		for (j = 0; j < h->kloe[i].nids; j++)
			if (se_strcasecmp(h->kloe[i].ids[j], id) == 0)
				return true;
	return false;
}

/* The first framework area (in framework order) an indicator evidences,
 * or NULL; 'named' is set when any of its areas is named in a weakness or
 * a line of enquiry. */
static const struct area *
home_area(const se_hypos *h, const se_fact *f, bool *named)
{
	const struct area *best = NULL, *a;
	size_t j;

	*named = false;
	for (j = 0; j < f->ind->nareas; j++) {
		if (area_named(h, f->ind->areas[j]))
			*named = true;
		a = area_find(h, f->ind->areas[j]);
		if (a && (!best || a->order < best->order))
			best = a;
	}
	return best;
}

static int
blind_spot(se_hypos *h, const struct area *a, const se_fact **f, size_t n)
{
	se_hypo *c = new_hypo(h, SE_HYPO_BLIND_SPOT, a ? a->id : NULL);
	size_t i;
	se_buf b;

	if (!c || set_facts(h, c, f, n) < 0)
		return -1;
	c->score = W_BLIND;
	for (i = 0; i < n; i++)
		c->score += W_BLIND_EACH + (se_fact_quartile(f[i]) == 'D' ?
		    W_BLIND_BOTTOM : 0);
	se_buf_init(&b);
	se_buf_addf(&b, "%s %s worse than %s and getting worse, and the "
	    "self-assessment does not say so: leaders may not know, or may "
	    "not have said.", c->facts[0]->ind->title, n > 1 ? "and other "
	    "indicators are" : "is", n > 1 ? "their comparators" :
	    "its comparator");
	c->text = htake(h, &b);
	se_buf_init(&b);
	if (n == 1)
		se_buf_adds(&b, "This indicator is red and declining");
	else
		se_buf_addf(&b, "These %zu indicators are red and declining",
		    n);
	if (a)
		se_buf_addf(&b, " in %s", a->title);
	se_buf_adds(&b, ", and the self-assessment names ");
	se_buf_adds(&b, n > 1 ? "them" : "it");
	se_buf_adds(&b, " neither as a weakness nor in a line of enquiry.");
	tell_facts(&b, c->facts, c->nfacts);
	c->rationale = htake(h, &b);
	se_buf_init(&b);
	se_buf_addf(&b, "The self-assessment names none of %s as a weakness "
	    "or a line of enquiry:", n > 1 ? "these" : "this");
	for (i = 0; i < n; i++)
		se_buf_addf(&b, "%s %s", i ? "," : "", c->facts[i]->ind->id);
	se_buf_addc(&b, '.');
	c->aside = htake(h, &b);
	return add_candidate(h, c);
}

int
se_hypo_find_blind_spots(se_hypos *h)
{
	size_t np = se_profile_len(h->in->profile), i, k, n;
	const se_fact **f;
	const struct area **home;
	bool named;
	int rc = 0;

	if (!np)
		return 0;
	f = calloc(np, sizeof *f);
	home = calloc(np, sizeof *home);
	if (!f || !home) {
		free(f);
		free(home);
		return -1;
	}
	n = 0;
	for (i = 0; i < np; i++) {
		const se_fact *x = se_profile_at(h->in->profile, i);
		if (!se_fact_is_rated(x) || x->rag != SE_RAG_RED ||
		    x->direction != SE_DIR_DECLINING || id_named(h, x->ind->id))
			continue;
		home[n] = home_area(h, x, &named);
		if (named)
			continue;
		f[n++] = x;
	}
	/* One candidate per framework area; an indicator in none of them
	 * stands alone. */
	for (k = 0; k <= h->nareas && rc == 0; k++) {
		const struct area *a = k < h->nareas ? &h->areas[k] : NULL;
		const se_fact *g[256];
		size_t m = 0;
		for (i = 0; i < n && m < 256; i++) {
			if (home[i] != a)
				continue;
			if (a)
				g[m++] = f[i];
			else
				rc = blind_spot(h, NULL, &f[i], 1);
		}
		if (a && m)
			rc = blind_spot(h, a, g, m);
	}
	free(f);
	free(home);
	return rc;
}

/* ---- rule 4: weaknesses without movement --------------------------------- */

static int
weakness_for(se_hypos *h, const struct item *it)
{
	const se_fact *f[256], *decl[256];
	bool cited;
	size_t n = item_facts(h, it, f, 256, &cited), i, nd = 0, nimp = 0;
	se_hypo *c;
	se_buf b;

	for (i = 0; i < n; i++) {
		if (f[i]->direction == SE_DIR_DECLINING)
			decl[nd++] = f[i];
		nimp += f[i]->direction == SE_DIR_IMPROVING;
	}
	if (nd == 0 || nd < nimp)
		return 0;
	c = new_hypo(h, SE_HYPO_WEAKNESS, it->area);
	if (!c || set_facts(h, c, decl, nd) < 0 || set_line(h, c, it->pos) < 0)
		return -1;
	c->score = W_WEAK;
	for (i = 0; i < nd; i++)
		c->score += W_WEAK_DECLINING + (decl[i]->rag == SE_RAG_RED ?
		    W_WEAK_RED : 0);
	c->theme = it->theme;
	se_buf_init(&b);
	se_buf_addf(&b, "The weakness the self-assessment names (\"%s\") is "
	    "not yet turning round: the work on it has not reached the "
	    "data.", it->text);
	c->text = htake(h, &b);
	se_buf_init(&b);
	se_buf_addf(&b, "Weakness %zu of the self-assessment ", it->index);
	say_line(h, &b, it->pos.line);
	se_buf_adds(&b, ": ");
	say_count(&b, nd, n, cited ? "indicator" : "linked indicator");
	se_buf_adds(&b, " still declining.");
	tell_facts(&b, c->facts, c->nfacts);
	c->rationale = htake(h, &b);
	se_buf_init(&b);
	se_buf_addf(&b, "It is weakness %zu of the self-assessment ",
	    it->index);
	say_line(h, &b, it->pos.line);
	se_buf_adds(&b, ", and ");
	say_count(&b, nd, n, "indicator");
	se_buf_adds(&b, " still declining (");
	for (i = 0; i < nd; i++)
		se_buf_addf(&b, "%s%s", i ? ", " : "", c->facts[i]->ind->id);
	se_buf_adds(&b, ").");
	c->aside = htake(h, &b);
	return add_candidate(h, c);
}

int
se_hypo_find_weaknesses(se_hypos *h)
{
	size_t i;

	for (i = 0; i < h->nweak; i++)
		if (weakness_for(h, &h->weak[i]) < 0)
			return -1;
	return 0;
}

/* ---- rule 5: under-claiming ---------------------------------------------- */

static int
under_for(se_hypos *h, const struct area *a)
{
	const se_fact *linked[256];
	size_t n, i, green = 0;
	se_hypo *c;
	se_buf b;

	if (!a->low || a->level < 0)
		return 0;
	n = linked_facts(h, a->id, linked, 256);
	for (i = 0; i < n; i++) {
		if (linked[i]->rag == SE_RAG_RED ||
		    se_fact_quartile(linked[i]) == 'D' ||
		    linked[i]->direction == SE_DIR_DECLINING)
			return 0;
		green += linked[i]->rag == SE_RAG_GREEN;
	}
	if (n == 0 || green * 2 <= n)
		return 0;
	c = new_hypo(h, SE_HYPO_UNDER, a->id);
	if (!c || set_facts(h, c, linked, n) < 0 || set_line(h, c, a->pos) < 0)
		return -1;
	c->score = W_UNDER + W_UNDER_GREEN * (int)green;
	se_buf_init(&b);
	se_buf_addf(&b, "%s may be stronger than the self-assessment's rating "
	    "of ", a->title);
	say_rating(h, &b, a);
	se_buf_adds(&b, " suggests: the authority may be under-claiming.");
	c->text = htake(h, &b);
	se_buf_init(&b);
	se_buf_addf(&b, "The self-assessment rates %s as ", a->title);
	say_rating(h, &b, a);
	se_buf_addc(&b, ' ');
	say_line(h, &b, a->pos.line);
	se_buf_adds(&b, ", but ");
	say_count(&b, green, n, "linked indicator");
	se_buf_adds(&b, " green and none is red or declining.");
	tell_facts(&b, c->facts, c->nfacts);
	c->rationale = htake(h, &b);
	se_buf_init(&b);
	se_buf_addf(&b, "Its data is stronger than its rating: %zu of %zu "
	    "linked indicators are green.", green, n);
	c->aside = htake(h, &b);
	return add_candidate(h, c);
}

int
se_hypo_find_under_claims(se_hypos *h)
{
	size_t i;

	for (i = 0; i < h->nareas; i++)
		if (under_for(h, &h->areas[i]) < 0)
			return -1;
	return 0;
}

/* ---- rule 6: claims contradicted by data ----------------------------- */

static int
claim_for(se_hypos *h, const se_doc *doc, const se_claim *cl)
{
	const char *area = cl->area;
	const struct area *a = area_find(h, area);
	bool named;
	se_hypo *c;
	se_buf b;

	if (!a)
		a = home_area(h, cl->fact, &named);
	c = new_hypo(h, SE_HYPO_CLAIM, a ? a->id : NULL);
	if (!c || set_facts(h, c, &cl->fact, 1) < 0)
		return -1;
	if (doc == h->in->sa) {
		if (set_line(h, c, cl->pos) < 0)
			return -1;
	}
	c->score = W_CLAIM + (cl->fact->rag == SE_RAG_RED ? W_CLAIM_RED : 0);
	se_buf_init(&b);
	se_buf_addf(&b, "The claim that \"%s\" is not borne out by the data: "
	    "leaders' understanding of %s may rest on the wrong figures.",
	    cl->sentence, cl->fact->ind->title);
	c->text = htake(h, &b);
	se_buf_init(&b);
	se_buf_addf(&b, "%s line %u says \"%s\", but %s.", base_name(doc->path),
	    cl->pos.line, cl->sentence, cl->message);
	se_buf_addc(&b, ' ');
	se_fact_sentence(&b, cl->fact);
	c->rationale = htake(h, &b);
	se_buf_init(&b);
	se_buf_addf(&b, "%s line %u says \"%s\", but %s.", base_name(doc->path),
	    cl->pos.line, cl->sentence, cl->message);
	c->aside = htake(h, &b);
	return add_candidate(h, c);
}

static int
claims_of(se_hypos *h, const se_doc *doc)
{
	se_claims *cl = se_claims_find(doc, h->in->cat, h->in->profile);
	size_t i;
	int rc = 0;

	if (!cl)
		return -1;
	for (i = 0; i < se_claims_len(cl) && rc == 0; i++)
		rc = claim_for(h, doc, se_claims_at(cl, i));
	se_claims_free(cl);
	return rc;
}

int
se_hypo_find_claims(se_hypos *h)
{
	size_t i;

	if (!se_profile_len(h->in->profile))
		return 0;
	if (claims_of(h, h->in->sa) < 0)
		return -1;
	for (i = 0; i < h->in->nsev; i++)
		if (claims_of(h, h->in->sev[i]) < 0)
			return -1;
	return 0;
}

/* ---- ranking ------------------------------------------------------------- */

static const char *
first_id(const se_hypo *c)
{
	return c->nfacts ? c->facts[0]->ind->id : NULL;
}

/* Score, then framework area order, then indicator id (no indicator
 * last), then rule and text, so that the order never depends on the
 * order of the input. */
static int
by_rank(const void *a, const void *b)
{
	const se_hypo *x = *(const se_hypo *const *)a;
	const se_hypo *y = *(const se_hypo *const *)b;
	const char *ix = first_id(x), *iy = first_id(y);
	int d;

	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	if (x->area_order != y->area_order)
		return x->area_order < y->area_order ? -1 : 1;
	if (!ix != !iy)
		return ix ? -1 : 1;
	if (ix && (d = strcmp(ix, iy)) != 0)
		return d;
	if (x->rule != y->rule)
		return x->rule < y->rule ? -1 : 1;
	if (x->nlines && y->nlines && x->lines[0].line != y->lines[0].line)
		return x->lines[0].line < y->lines[0].line ? -1 : 1;
	return strcmp(x->text ? x->text : "", y->text ? y->text : "");
}

struct group {
	const se_hypo **parts;
	size_t n;
	bool kloe;
};

static bool
has_fact(const se_hypo *m, const se_fact *f)
{
	size_t i;

	for (i = 0; i < m->nfacts; i++)
		if (m->facts[i] == f)
			return true;
	return false;
}

static bool
has_line(const se_hypo *m, unsigned line)
{
	size_t i;

	for (i = 0; i < m->nlines; i++)
		if (m->lines[i].line == line)
			return true;
	return false;
}

static se_hypo *
merge(se_hypos *h, const struct group *g)
{
	se_hypo *m = se_arena_alloc(h->arena, sizeof *m);
	size_t i, j, nf = 0, nl = 0;
	se_buf b;

	if (!m)
		return NULL;
	*m = *g->parts[0];
	for (i = 0; i < g->n; i++) {
		nf += g->parts[i]->nfacts;
		nl += g->parts[i]->nlines;
	}
	m->facts = se_arena_alloc(h->arena, (nf + 1) * sizeof *m->facts);
	m->lines = se_arena_alloc(h->arena, (nl + 1) * sizeof *m->lines);
	m->parts = se_arena_alloc(h->arena, g->n * sizeof *m->parts);
	if (!m->facts || !m->lines || !m->parts)
		return NULL;
	m->nfacts = m->nlines = 0;
	m->score = 0;
	se_buf_init(&b);
	se_buf_adds(&b, g->parts[0]->rationale);
	for (i = 0; i < g->n; i++) {
		const se_hypo *p = g->parts[i];
		m->parts[i] = p;
		m->score += p->score;
		m->linked_data |= p->linked_data;
		m->linked_self_assessment |= p->linked_self_assessment;
		if (!m->theme)
			m->theme = p->theme;
		for (j = 0; j < p->nfacts; j++)
			if (!has_fact(m, p->facts[j]))
				m->facts[m->nfacts++] = p->facts[j];
		for (j = 0; j < p->nlines; j++)
			if (!has_line(m, p->lines[j].line))
				m->lines[m->nlines++] = p->lines[j];
		if (i > 0) {
			se_buf_addc(&b, ' ');
			se_buf_adds(&b, p->aside);
		}
	}
	m->nparts = g->n;
	m->rationale = htake(h, &b);
	return h->failed ? NULL : m;
}

static int
by_line(const void *a, const void *b)
{
	const se_pos *x = a, *y = b;

	return x->line < y->line ? -1 : x->line > y->line;
}

/* Merge the candidates of each area, order, number and mark them (as
 * se_hypos_propose says in se.h).  0, or -1 when out of memory. */
static int
rank(se_hypos *h, size_t investigate)
{
	const se_hypo **order;
	struct group *g;
	size_t ng = 0, i, k;
	int rc = -1;

	if (h->failed)
		return -1;
	if (investigate == 0)
		investigate = SE_INVESTIGATE;
	order = calloc(h->ncand + 1, sizeof *order);
	g = calloc(h->ncand + 1, sizeof *g);
	free(h->ranked);
	h->ranked = calloc(h->ncand + 1, sizeof *h->ranked);
	h->nranked = 0;
	if (!order || !g || !h->ranked)
		goto out;
	if (h->ncand)
		memcpy(order, h->cand, h->ncand * sizeof *order);
	qsort(order, h->ncand, sizeof *order, by_rank);
	for (i = 0; i < h->ncand; i++) {
		const se_hypo *c = order[i];
		bool kloe = c->rule == SE_HYPO_KLOE;
		for (k = 0; k < ng; k++)
			if (c->area && g[k].parts[0]->area &&
			    strcmp(g[k].parts[0]->area, c->area) == 0 &&
			    !(kloe && g[k].kloe))
				break;
		if (k == ng) {
			g[k].parts = calloc(h->ncand, sizeof *g[k].parts);
			if (!g[k].parts)
				goto out;
			ng++;
		}
		/* The host's own line of enquiry leads its group (the handbook:
		 * KLOEs are translated into hypotheses). */
		if (kloe && g[k].n) {
			memmove(&g[k].parts[1], &g[k].parts[0], g[k].n *
			    sizeof *g[k].parts);
			g[k].parts[0] = c;
		} else {
			g[k].parts[g[k].n] = c;
		}
		g[k].n++;
		g[k].kloe |= kloe;
	}
	for (k = 0; k < ng; k++) {
		se_hypo *m = merge(h, &g[k]);
		if (!m)
			goto out;
		qsort(m->lines, m->nlines, sizeof *m->lines, by_line);
		h->ranked[h->nranked++] = m;
	}
	qsort(h->ranked, h->nranked, sizeof *h->ranked, by_rank);
	for (k = 0; k < h->nranked; k++) {
		char id[32];
		snprintf(id, sizeof id, "H%zu", k + 1);
		h->ranked[k]->id = hstr(h, id);
		h->ranked[k]->investigate = k < investigate;
	}
	rc = h->failed ? -1 : 0;
out:
	for (k = 0; g && k < ng; k++)
		free(g[k].parts);
	free(g);
	free(order);
	return rc;
}

se_hypos *
se_hypos_propose(const se_hypo_input *in, size_t investigate)
{
	se_hypos *h = se_hypos_new(in);

	if (!h)
		return NULL;
	if (se_hypo_find_gaps(h) < 0 || se_hypo_find_kloes(h) < 0 ||
	    se_hypo_find_blind_spots(h) < 0 ||
	    se_hypo_find_weaknesses(h) < 0 ||
	    se_hypo_find_under_claims(h) < 0 || se_hypo_find_claims(h) < 0 ||
	    rank(h, investigate) < 0) {
		se_hypos_free(h);
		return NULL;
	}
	return h;
}
