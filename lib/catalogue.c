/* catalogue.c: the indicator catalogue (se-formats(5), indicators): a
 * 'kind: indicators' document loaded into entries, found by id, title or
 * alias through one hash table. */
#include "rag_internal.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

struct slot {
	const char *key; /* NULL: empty */
	size_t index;
};

struct se_catalogue {
	se_arena *arena;
	se_indicator *v;
	size_t n, cap;
	struct slot *slots;
	size_t nslots, used;
};

int
se_compare_parse(const char *name)
{
	static const char *const names[] = { "england", "region",
		"neighbours", "thresholds" };
	size_t i;

	for (i = 0; i < 4; i++)
		if (se_strcasecmp(name, names[i]) == 0)
			return SE_COMPARE_ENGLAND + (int)i;
	return -1;
}

static struct slot *
find_slot(const se_catalogue *c, const char *name, size_t len)
{
	size_t mask, i;

	if (!c->nslots)
		return NULL;
	mask = c->nslots - 1;
	for (i = se_name_hash(name, len) & mask;; i = (i + 1) & mask) {
		struct slot *s = &c->slots[i];
		if (!s->key)
			return s;
		if (se_name_equal(s->key, strlen(s->key), name, len))
			return s;
	}
}

static int
grow_slots(se_catalogue *c)
{
	size_t n = c->nslots ? c->nslots * 2 : 64, i, j;
	struct slot *old = c->slots, *v = calloc(n, sizeof *v);

	if (!v)
		return -1;
	for (i = 0; i < c->nslots; i++) {
		if (!old[i].key)
			continue;
		for (j = se_name_hash(old[i].key, strlen(old[i].key)) & (n - 1);
		    v[j].key; j = (j + 1) & (n - 1))
			;
		v[j] = old[i];
	}
	free(old);
	c->slots = v;
	c->nslots = n;
	return 0;
}

/* Register 'key' for entry 'index'.  1 when another entry already has
 * it (the index of that entry in '*other'), 0 when added, -1 out of
 * memory. */
static int
add_key(se_catalogue *c, const char *key, size_t index, size_t *other)
{
	struct slot *s;

	if ((c->used + 1) * 2 > c->nslots && grow_slots(c) < 0)
		return -1;
	s = find_slot(c, key, strlen(key));
	if (s->key) {
		*other = s->index;
		return s->index == index ? 0 : 1;
	}
	s->key = key;
	s->index = index;
	c->used++;
	return 0;
}

const se_indicator *
se_catalogue_find(const se_catalogue *c, const char *name, size_t len)
{
	const struct slot *s;

	if (!c)
		return NULL;
	s = find_slot(c, name, len);
	return s && s->key ? &c->v[s->index] : NULL;
}

size_t
se_catalogue_len(const se_catalogue *c)
{
	return c ? c->n : 0;
}

const se_indicator *
se_catalogue_at(const se_catalogue *c, size_t i)
{
	return c && i < c->n ? &c->v[i] : NULL;
}

size_t
se_catalogue_index(const se_catalogue *c, const se_indicator *ind)
{
	return (size_t)(ind - c->v);
}

void
se_catalogue_free(se_catalogue *c)
{
	if (!c)
		return;
	se_arena_free(c->arena);
	free(c->v);
	free(c->slots);
	free(c);
}

/* ---- reading entries ---------------------------------------------------- */

struct loader {
	se_catalogue *c;
	se_diag *diag;
	bool bad; /* the current entry has an error */
};

static const char *
copy_scalar(struct loader *l, const se_node *n)
{
	return se_arena_strndup(l->c->arena, n->text, n->len);
}

static const char *
get_string(struct loader *l, const se_node *entry, const char *key,
    bool required)
{
	const se_node *n = se_node_get(entry, key);

	if (!n) {
		if (required) {
			se_diag_error(l->diag, &entry->pos, "catalogue-entry",
			    "indicator has no '%s'", key);
			l->bad = true;
		}
		return NULL;
	}
	if (n->kind != SE_NODE_SCALAR || n->len == 0) {
		se_diag_error(l->diag, &n->pos, "catalogue-entry",
		    "'%s' should be text", key);
		l->bad = true;
		return NULL;
	}
	return copy_scalar(l, n);
}

static bool
get_number(struct loader *l, const se_node *entry, const char *key,
    double *out)
{
	const se_node *n = se_node_get(entry, key);
	char *end;
	double v;

	if (!n)
		return false;
	if (n->kind == SE_NODE_SCALAR && n->len > 0) {
		errno = 0;
		v = strtod(n->text, &end);
		if (errno == 0 && end == n->text + n->len && isfinite(v)) {
			*out = v;
			return true;
		}
	}
	se_diag_error(l->diag, &n->pos, "catalogue-entry",
	    "'%s' should be a number, not '%s'", key,
	    n->kind == SE_NODE_SCALAR ? n->text : "a list or map");
	l->bad = true;
	return false;
}

static const char **
get_list(struct loader *l, const se_node *entry, const char *key,
    size_t *count)
{
	const se_node *n = se_node_get(entry, key);
	const char **v;
	size_t i, k = 0;

	*count = 0;
	if (!n)
		return NULL;
	if (n->kind == SE_NODE_SCALAR) {
		v = se_arena_alloc(l->c->arena, sizeof *v);
		if (v && n->len) {
			v[0] = copy_scalar(l, n);
			*count = 1;
		}
		return v;
	}
	if (n->kind != SE_NODE_LIST) {
		se_diag_error(l->diag, &n->pos, "catalogue-entry",
		    "'%s' should be a list", key);
		l->bad = true;
		return NULL;
	}
	v = se_arena_alloc(l->c->arena, (n->n ? n->n : 1) * sizeof *v);
	if (!v)
		return NULL;
	for (i = 0; i < n->n; i++) {
		const se_node *it = n->items[i];
		if (it->kind != SE_NODE_SCALAR || it->len == 0) {
			se_diag_error(l->diag, &it->pos, "catalogue-entry",
			    "each of '%s' should be text", key);
			l->bad = true;
			continue;
		}
		v[k++] = copy_scalar(l, it);
	}
	*count = k;
	return v;
}

static void
read_polarity(struct loader *l, const se_node *entry, se_indicator *ind)
{
	const se_node *n = se_node_get(entry, "polarity");
	const char *s = se_node_str(n);

	if (!n) {
		se_diag_error(l->diag, &entry->pos, "catalogue-entry",
		    "indicator '%s' has no 'polarity' (high, low or none)",
		    ind->id);
		l->bad = true;
	} else if (s && se_strcasecmp(s, "high") == 0)
		ind->polarity = SE_POLARITY_HIGH;
	else if (s && se_strcasecmp(s, "low") == 0)
		ind->polarity = SE_POLARITY_LOW;
	else if (s && se_strcasecmp(s, "none") == 0)
		ind->polarity = SE_POLARITY_NONE;
	else {
		se_diag_error(l->diag, &n->pos, "catalogue-entry",
		    "polarity '%s' is not high, low or none", s ? s : "");
		l->bad = true;
	}
}

static void
read_compare(struct loader *l, const se_node *entry, se_indicator *ind)
{
	const se_node *n = se_node_get(entry, "compare");
	const char *s = se_node_str(n);
	int c;

	if (!n)
		return;
	c = s ? se_compare_parse(s) : -1;
	if (c < 0) {
		se_diag_error(l->diag, &n->pos, "catalogue-entry",
		    "compare '%s' is not england, region, neighbours or "
		    "thresholds", s ? s : "");
		l->bad = true;
		return;
	}
	ind->compare = (se_compare)c;
}

static void
read_compare_by(struct loader *l, const se_node *entry, se_indicator *ind)
{
	const se_node *n = se_node_get(entry, "compare-by");
	const char *s = se_node_str(n);

	if (!n)
		return;
	if (s && se_strcasecmp(s, "confidence") == 0)
		ind->by_confidence = true;
	else if (!s || se_strcasecmp(s, "value") != 0) {
		se_diag_error(l->diag, &n->pos, "catalogue-entry",
		    "compare-by '%s' is not value or confidence", s ? s : "");
		l->bad = true;
	}
}

static void
read_thresholds(struct loader *l, const se_node *entry, se_indicator *ind)
{
	const se_node *n = se_node_get(entry, "thresholds");
	bool g, r;

	if (!n)
		return;
	if (n->kind != SE_NODE_MAP) {
		se_diag_error(l->diag, &n->pos, "catalogue-entry",
		    "thresholds should be a map: {green: N, red: N}");
		l->bad = true;
		return;
	}
	g = get_number(l, n, "green", &ind->green);
	r = get_number(l, n, "red", &ind->red);
	if (!g || !r) {
		if (!l->bad)
			se_diag_error(l->diag, &n->pos, "catalogue-entry",
			    "thresholds need both 'green' and 'red'");
		l->bad = true;
		return;
	}
	ind->has_thresholds = true;
	if ((ind->polarity == SE_POLARITY_HIGH && ind->green < ind->red) ||
	    (ind->polarity == SE_POLARITY_LOW && ind->green > ind->red)) {
		se_diag_error(l->diag, &n->pos, "catalogue-entry",
		    "thresholds of '%s' are the wrong way round for polarity "
		    "%s: green %g, red %g", ind->id,
		    ind->polarity == SE_POLARITY_HIGH ? "high" : "low",
		    ind->green, ind->red);
		l->bad = true;
	}
}

static void
read_entry(struct loader *l, const se_node *entry, se_indicator *ind)
{
	double v;

	memset(ind, 0, sizeof *ind);
	ind->pos = entry->pos;
	ind->pos.file = se_arena_strdup(l->c->arena,
	    entry->pos.file ? entry->pos.file : "");
	ind->precision = 1;
	ind->id = get_string(l, entry, "id", true);
	if (!ind->id)
		return;
	ind->title = get_string(l, entry, "title", false);
	if (!ind->title)
		ind->title = ind->id;
	ind->unit = get_string(l, entry, "unit", false);
	ind->source = get_string(l, entry, "source", false);
	read_polarity(l, entry, ind);
	read_compare(l, entry, ind);
	read_compare_by(l, entry, ind);
	if (get_number(l, entry, "tolerance", &v)) {
		if (v < 0) {
			se_diag_error(l->diag, &se_node_get(entry,
			    "tolerance")->pos, "catalogue-entry",
			    "tolerance should not be negative");
			l->bad = true;
		}
		ind->tolerance = v;
	}
	if (get_number(l, entry, "precision", &v)) {
		if (v < 0 || v > 6 || v != floor(v)) {
			se_diag_error(l->diag, &se_node_get(entry,
			    "precision")->pos, "catalogue-entry",
			    "precision should be a whole number from 0 to 6");
			l->bad = true;
		} else
			ind->precision = (int)v;
	}
	read_thresholds(l, entry, ind);
	if (ind->compare == SE_COMPARE_THRESHOLDS && !ind->has_thresholds &&
	    !l->bad) {
		se_diag_error(l->diag, &entry->pos, "catalogue-entry",
		    "indicator '%s' is compared with thresholds but has none",
		    ind->id);
		l->bad = true;
	}
	ind->areas = get_list(l, entry, "areas", &ind->nareas);
	ind->aliases = get_list(l, entry, "aliases", &ind->naliases);
}

/* The entry's i-th name: its id, its title, then its aliases. */
static const char *
entry_name(const se_indicator *ind, size_t i)
{
	return i == 0 ? ind->id : i == 1 ? ind->title : ind->aliases[i - 2];
}

/* Register an entry's names.  A name another entry already has is an
 * error (rule catalogue-duplicate) and the entry is left out, so nothing
 * is registered until every name is known to be free. */
static int
register_entry(struct loader *l, size_t index)
{
	const se_indicator *ind = &l->c->v[index];
	size_t i, other, n = 2 + ind->naliases;

	for (i = 0; i < n; i++) {
		const char *name = entry_name(ind, i);
		const struct slot *s = find_slot(l->c, name, strlen(name));
		if (s && s->key && s->index != index) {
			const se_indicator *o = &l->c->v[s->index];
			return se_diag_error(l->diag, &ind->pos,
			    "catalogue-duplicate", "indicator '%s' is also "
			    "called '%s', a name of indicator '%s' (line %u)",
			    ind->id, name, o->id, o->pos.line);
		}
	}
	for (i = 0; i < n; i++)
		if (add_key(l->c, entry_name(ind, i), index, &other) < 0)
			return -1;
	return 0;
}

se_catalogue *
se_catalogue_from_doc(const se_doc *doc, se_diag *diag)
{
	se_pos pos = { doc->path, 0, 0 };
	const se_node *list;
	struct loader l;
	size_t i;

	if (!doc->kind || strcmp(doc->kind, "indicators") != 0) {
		se_diag_error(diag, &pos, "catalogue-kind",
		    "not an indicator catalogue: expected 'kind: indicators'");
		return NULL;
	}
	list = doc->meta ? se_node_get(doc->meta, "indicators") : NULL;
	if (!list || list->kind != SE_NODE_LIST) {
		se_diag_error(diag, list ? &list->pos : &pos, "catalogue-entry",
		    "the catalogue has no list of 'indicators'");
		return NULL;
	}
	memset(&l, 0, sizeof l);
	l.diag = diag;
	l.c = calloc(1, sizeof *l.c);
	if (!l.c)
		return NULL;
	l.c->arena = se_arena_new(0);
	l.c->v = calloc(list->n ? list->n : 1, sizeof *l.c->v);
	if (!l.c->arena || !l.c->v)
		goto fail;
	for (i = 0; i < list->n; i++) {
		const se_node *e = list->items[i];
		if (e->kind != SE_NODE_MAP) {
			se_diag_error(diag, &e->pos, "catalogue-entry",
			    "each indicator should be a map with 'id', "
			    "'title', 'polarity', ...");
			continue;
		}
		l.bad = false;
		read_entry(&l, e, &l.c->v[l.c->n]);
		if (l.bad || !l.c->v[l.c->n].id)
			continue;
		if (register_entry(&l, l.c->n) == 0)
			l.c->n++;
	}
	return l.c;
fail:
	se_catalogue_free(l.c);
	return NULL;
}

se_catalogue *
se_catalogue_load(const char *path, se_diag *diag)
{
	se_doc *doc = se_doc_load(path, diag);
	se_catalogue *c;

	if (!doc)
		return NULL;
	c = se_catalogue_from_doc(doc, diag);
	se_doc_free(doc);
	return c;
}

/* se-rag(1) -i: an EES, LAIT or Fingertips download is
 * rated with the national catalogue shipped with the formats. */
se_catalogue *
se_catalogue_national(const char *formats_dir, const char *const *paths,
    size_t n, se_diag *d)
{
	size_t i;
	se_extract_layout l = SE_LAYOUT_NONE;

	for (i = 0; formats_dir && i < n && l == SE_LAYOUT_NONE; i++) {
		l = se_extract_layout_file(paths[i]);
		if (l != SE_LAYOUT_EES && l != SE_LAYOUT_LAIT &&
		    l != SE_LAYOUT_FINGERTIPS)
			l = SE_LAYOUT_NONE;
	}
	if (l == SE_LAYOUT_NONE)
		return NULL;
	return se_catalogue_national_for(formats_dir, l, paths[i - 1], d);
}

se_catalogue *
se_catalogue_national_for(const char *formats_dir, se_extract_layout l,
    const char *name, se_diag *d)
{
	se_catalogue *c;
	char *path;

	if (!formats_dir || (l != SE_LAYOUT_EES && l != SE_LAYOUT_LAIT &&
	    l != SE_LAYOUT_FINGERTIPS))
		return NULL;
	path = se_layers_file(formats_dir, "shared/catalogues/national.yaml");
	if (!path)
		return NULL; /* none in these formats: no note */
	c = se_catalogue_load(path, d);
	free(path);
	if (c) {
		se_pos p = { name, 0, 0 };
		se_diag_note(d, &p, "catalogue", "no indicator catalogue (-i): "
		    "this %s file is rated with the national catalogue of the "
		    "formats directory, 'shared/catalogues/national.yaml'",
		    se_extract_layout_name(l));
	}
	return c;
}
