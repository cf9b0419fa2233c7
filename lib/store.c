/* store.c: the series store, se_store (se-rag(1)): extract
 * rows folded into entity x indicator x period cells.  Strings are
 * interned once; a row costs a few string comparisons against the
 * previous row's names and one write, so memory follows the cells, not
 * the rows. */
#define _DEFAULT_SOURCE /* madvise() and MADV_HUGEPAGE, a hint */
#include "rag_internal.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#define NONE SIZE_MAX
#define ISEEN 64 /* indicator spellings remembered (a power of two) */

/* ---- a table of names (folded as se_name_equal) to indices ------------- */

struct tslot {
	const char *key; /* NULL: empty */
	uint64_t hash;
	size_t val;
};

struct table {
	struct tslot *v;
	size_t n, used;
};

static struct tslot *
table_slot(const struct table *t, const char *key, size_t len, uint64_t h)
{
	size_t mask = t->n - 1, i;

	for (i = h & mask;; i = (i + 1) & mask) {
		struct tslot *s = &t->v[i];
		if (!s->key || (s->hash == h &&
		    se_name_equal(s->key, strlen(s->key), key, len)))
			return s;
	}
}

static size_t
table_get(const struct table *t, const char *key, size_t len)
{
	const struct tslot *s;

	if (!t->n)
		return NONE;
	s = table_slot(t, key, len, se_name_hash(key, len));
	return s->key ? s->val : NONE;
}

/* Add 'key' (kept, not copied) unless present.  -1 out of memory. */
static int
table_put(struct table *t, const char *key, size_t val)
{
	size_t len = strlen(key), i;
	uint64_t h = se_name_hash(key, len);
	struct tslot *s;

	if ((t->used + 1) * 2 > t->n) {
		struct table g;
		g.n = t->n ? t->n * 2 : 64;
		g.used = t->used;
		g.v = calloc(g.n, sizeof *g.v);
		if (!g.v)
			return -1;
		for (i = 0; i < t->n; i++)
			if (t->v[i].key)
				*table_slot(&g, t->v[i].key, strlen(t->v[i].key),
				    t->v[i].hash) = t->v[i];
		free(t->v);
		*t = g;
	}
	s = table_slot(t, key, len, h);
	if (!s->key) {
		s->key = key;
		s->hash = h;
		s->val = val;
		t->used++;
	}
	return 0;
}

/* ---- a table of entity spellings (the fast path) ----------------------- */

/* An entity as rows write it: code and second code ("" when none) and
 * name, exact bytes, and the entity it stands for.  Interned ones live in
 * the arena. */
struct spelling {
	const char *code, *code2, *name;
	size_t cl, c2l, nl;
	size_t e;
};

static bool
same_spelling(const struct spelling *a, const struct spelling *b)
{
	return a->cl == b->cl && a->nl == b->nl && a->c2l == b->c2l &&
	    memcmp(a->code, b->code, a->cl) == 0 &&
	    memcmp(a->code2, b->code2, a->c2l) == 0 &&
	    memcmp(a->name, b->name, a->nl) == 0;
}

struct rslot {
	const struct spelling *key; /* NULL: empty */
	uint64_t hash;
};

struct rtable {
	struct rslot *v;
	size_t n, used;
};

static struct rslot *
rtable_slot(const struct rtable *t, const struct spelling *key, uint64_t h)
{
	size_t mask = t->n - 1, i;

	for (i = h & mask;; i = (i + 1) & mask) {
		struct rslot *s = &t->v[i];
		if (!s->key || (s->hash == h && same_spelling(s->key, key)))
			return s;
	}
}

/* -1 out of memory; the key is kept, not copied. */
static int
rtable_put(struct rtable *t, const struct spelling *key, uint64_t h)
{
	struct rslot *s;
	size_t i;

	if ((t->used + 1) * 2 > t->n) {
		struct rtable g;
		g.n = t->n ? t->n * 2 : 256;
		g.used = t->used;
		g.v = calloc(g.n, sizeof *g.v);
		if (!g.v)
			return -1;
		for (i = 0; i < t->n; i++)
			if (t->v[i].key)
				*rtable_slot(&g, t->v[i].key, t->v[i].hash) =
				    t->v[i];
		free(t->v);
		*t = g;
	}
	s = rtable_slot(t, key, h);
	if (!s->key) {
		s->key = key;
		s->hash = h;
		t->used++;
	}
	return 0;
}

/* ---- the store ---------------------------------------------------------- */

struct entity {
	const char *name, *code, *region;
	size_t auth;       /* its entry in the authorities table, or NONE */
	size_t region_key; /* index in 'regions', or NONE */
	size_t region_row; /* entity of its region row, or NONE */
	se_entity_kind kind;
	size_t *nb;        /* neighbours (internal indices) */
	const char **closeness; /* each neighbour's, as the file words it */
	const char *closeness_summary; /* "3 very close, 7 close", or NULL */
	size_t nnb;
	size_t *nb_public; /* the same as public indices */
	/* The spelling of the row after this entity's last row (or NULL):
	 * sorted extracts list the entities in the same order for each
	 * indicator and period. */
	const struct spelling *next;
};

/* The cells of PAGE_CELLS entities of one column.  Pages are made when
 * one of their cells is first written, and never move, so a column grows
 * without copying whatever order the rows come in; they come from slabs
 * (cells_new). */
#define PAGE_CELLS 16
struct cells {
	double v[PAGE_CELLS];
	uint32_t line[PAGE_CELLS]; /* global line of the row that set the cell */
	uint8_t state[PAGE_CELLS]; /* se_cell_state: zero is SE_CELL_ABSENT */
	uint8_t flag[PAGE_CELLS];  /* index in 'flags' when suppressed */
	uint8_t release[PAGE_CELLS]; /* SE_RELEASE_* of the row that set it */
};

/* The confidence limits of a page's cells, made only for the columns of
 * files that give them (Fingertips); NaN where a cell has none. */
struct limits {
	double low[PAGE_CELLS], high[PAGE_CELLS];
};

/* One period of one series: a column of cells indexed by entity. */
struct column {
	se_period period;
	const char *text;  /* canonical, set by finish */
	uint32_t first;    /* global line of its first row */
	size_t npages;
	struct cells **page; /* NULL: no cell of it written */
	size_t nlimits;
	struct limits **limits; /* NULL: no cell of the page has limits */
};

struct series {
	const se_indicator *ind;
	const char *name;    /* as first written */
	bool ok;
	struct column *cols;
	size_t ncols, capcols;
	size_t *order;       /* columns in chronological order */
	size_t last;         /* the last row's column */
};

struct file {
	const char *name;
	const char *path; /* to read it again (rowdiff.c), or NULL */
	uint32_t base;
};

/* Conflicting values, said once their file is read (say_conflicts). */
struct conflict {
	se_pos at;        /* the later row (its file in the arena) */
	se_pos value;     /* its value's cell */
	uint32_t first;   /* global lines of the earlier and the later row */
	uint32_t later;
	const char *text; /* the message before the columns (arena) */
};

/* The diagnostics sink shows 10 of a rule in a file and counts the rest:
 * only their rows are read again. */
#define CONFLICTS_EXPLAINED 10

/* A neighbours row: authority 'a' (by code 'a_code' first, when the
 * layout gives one), its neighbour 'b' (a name or a code), the rank and
 * the file's word for how close they are (or NULL). */
struct pair {
	const char *a, *a_code, *b, *closeness;
	long rank;
	uint32_t line;
};

struct se_store {
	const se_catalogue *cat;
	const se_authorities *auth; /* or NULL */
	se_catalogue *own_cat;      /* se_store_open's national catalogue */
	char *formats_dir;          /* with no catalogue: for standard input's */
	se_authorities *own_auth;   /* se_store_open's authorities table */
	size_t *auth_ent;           /* table entry -> entity, or NONE */
	const char *const *where; /* --where, for the extracts read */
	size_t nwhere;
	se_diag *diag;
	se_arena *arena;
	struct entity *ent;
	size_t nent, capent;
	struct table names, codes, regions, series_names;
	struct rtable raw;     /* entity spellings -> entity */
	const struct spelling *last; /* the previous row's, or NULL */
	const char **region_names; /* each region column value, as first seen */
	size_t nregions, capregions;
	struct series *ser;
	size_t nser, capser;
	size_t *cat_series;  /* catalogue index -> series, or NONE */
	const char *flags[256];
	size_t nflags;
	struct file *files;
	size_t nfiles;
	const char *reading;   /* the path se_store_read is reading, or NULL */
	struct conflict *conflicts; /* not said yet */
	size_t nconflicts, capconflicts;
	uint32_t base, maxline;
	/* Indicators as rows spell them, exact bytes, and the series each
	 * resolved to: a row of one column per measure (EES) names each
	 * in turn. */
	struct spelled_series {
		uint64_t hash;
		size_t k;  /* NONE: empty */
		char text[48];
	} ind_seen[ISEEN];
	const struct spelled_series *ind_last; /* the previous row's */
	struct pair *pairs;
	size_t npairs, cappairs;
	/* Slabs the pages of cells are cut from. */
	void **slabs;
	size_t nslabs, capslabs, slab_size;
	char *slab_at;
	size_t slab_left;
	/* After finish: public index -> internal index. */
	size_t *ent_order, *ser_order;
	size_t england;
	bool finished, oom;
};

/* Rate with 'cat' (NULL: none): each of its indicators without a series
 * yet.  0, or -1 out of memory (the store unchanged). */
static int
set_catalogue(se_store *s, const se_catalogue *cat)
{
	size_t i, n = se_catalogue_len(cat);
	size_t *cs = realloc(s->cat_series, (n ? n : 1) * sizeof *cs);

	if (!cs)
		return -1;
	for (i = 0; i < n; i++)
		cs[i] = NONE;
	s->cat_series = cs;
	s->cat = cat;
	return 0;
}

se_store *
se_store_new(const se_catalogue *cat, se_diag *diag)
{
	se_store *s = calloc(1, sizeof *s);
	size_t i;

	if (!s)
		return NULL;
	s->diag = diag;
	s->arena = se_arena_new(0);
	s->england = NONE;
	if (!s->arena || set_catalogue(s, cat) < 0) {
		se_store_free(s);
		return NULL;
	}
	for (i = 0; i < ISEEN; i++)
		s->ind_seen[i].k = NONE;
	return s;
}

void
se_store_free(se_store *s)
{
	size_t i, j;

	if (!s)
		return;
	for (i = 0; i < s->nser; i++) {
		for (j = 0; j < s->ser[i].ncols; j++) {
			struct column *c = &s->ser[i].cols[j];
			size_t k;
			for (k = 0; k < c->nlimits; k++)
				free(c->limits[k]);
			free(c->limits);
			free(c->page);
		}
		free(s->ser[i].cols);
		free(s->ser[i].order);
	}
	for (i = 0; i < s->nent; i++) {
		free(s->ent[i].nb);
		free(s->ent[i].closeness);
		free(s->ent[i].nb_public);
	}
	free(s->auth_ent);
	free(s->ser);
	free(s->ent);
	free(s->names.v);
	free(s->codes.v);
	free(s->regions.v);
	free(s->raw.v);
	free(s->region_names);
	free(s->series_names.v);
	free(s->cat_series);
	free(s->formats_dir);
	free(s->files);
	free(s->conflicts);
	free(s->pairs);
	free(s->ent_order);
	free(s->ser_order);
	for (i = 0; i < s->nslabs; i++)
		free(s->slabs[i]);
	free(s->slabs);
	se_arena_free(s->arena);
	se_catalogue_free(s->own_cat);
	se_authorities_free(s->own_auth);
	free(s);
}

/* One setup for every command that reads extracts (se-rag(1) "Which
 * catalogue", se-formats(5) Authorities), so that each reads the same
 * file into the same entities and measures. */
se_store *
se_store_open(const char *formats_dir, const se_catalogue *cat,
    const char *const *paths, size_t n, const char *const *where,
    size_t nwhere, se_diag *d)
{
	se_catalogue *national = NULL;
	se_authorities *auth = NULL;
	se_store *s;
	size_t i;

	if (!cat)
		cat = national = se_catalogue_national(formats_dir, paths, n, d);
	if (n > 0)
		auth = se_authorities_of(formats_dir, d);
	s = se_store_new(cat, d);
	if (!s || se_store_set_authorities(s, auth) < 0) {
		se_store_free(s);
		se_catalogue_free(national);
		se_authorities_free(auth);
		return NULL;
	}
	s->own_cat = national;
	s->own_auth = auth;
	/* standard input's layout is known only when its header is read */
	for (i = 0; !cat && formats_dir && i < n; i++)
		if (strcmp(paths[i], "-") == 0) {
			s->formats_dir = strdup(formats_dir);
			if (!s->formats_dir) {
				se_store_free(s);
				return NULL;
			}
			break;
		}
	s->where = where;
	s->nwhere = nwhere;
	return s;
}

const se_catalogue *
se_store_catalogue(const se_store *s)
{
	return s->cat;
}

static int
oom(se_store *s)
{
	s->oom = true;
	return se_diag_error(s->diag, NULL, "out-of-memory",
	    "out of memory building the series store");
}

static bool
empty(const char *p)
{
	return !p || !*p;
}

/* Grow an array of 'size'-byte elements to hold n + 1. */
static int
reserve(void **v, size_t *cap, size_t n, size_t size)
{
	size_t c;
	void *p;

	if (n < *cap)
		return 0;
	c = *cap ? *cap * 2 : 16;
	p = realloc(*v, c * size);
	if (!p)
		return -1;
	*v = p;
	*cap = c;
	return 0;
}

/* ---- places: a global line number per row, decoded through the files -- */

static size_t
file_index(const se_store *s, uint32_t g)
{
	size_t lo = 0, hi = s->nfiles;

	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (s->files[mid].base <= g)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

static void
place_of(const se_store *s, uint32_t g, se_pos *pos)
{
	size_t lo = file_index(s, g);

	pos->file = s->nfiles ? s->files[lo].name : "";
	pos->line = s->nfiles ? g - s->files[lo].base : 0;
	pos->col = 0;
}

static uint32_t
line_in_file(se_store *s, unsigned line)
{
	if (line > s->maxline)
		s->maxline = line;
	return s->base + line;
}

static uint32_t
global_line(se_store *s, const se_pos *p)
{
	if (!s->nfiles || strcmp(s->files[s->nfiles - 1].name,
	    p->file ? p->file : "") != 0) {
		struct file *f = realloc(s->files,
		    (s->nfiles + 1) * sizeof *f);
		if (!f)
			return 0;
		s->files = f;
		if (s->nfiles)
			s->base += s->maxline + 1;
		s->maxline = 0;
		f[s->nfiles].name = se_arena_strdup(s->arena,
		    p->file ? p->file : "");
		f[s->nfiles].path = s->reading && strcmp(s->reading, "-") != 0 ?
		    se_arena_strdup(s->arena, s->reading) : NULL;
		f[s->nfiles].base = s->base;
		s->nfiles++;
	}
	return line_in_file(s, p->line);
}

/* The global line of a row known to come from the last file seen: the
 * rows of one se_store_read after its first (no file name compared). */
static uint32_t
row_line(se_store *s, const se_pos *p, bool *in_file)
{
	uint32_t g;

	if (in_file && *in_file)
		return line_in_file(s, p->line);
	g = global_line(s, p);
	if (in_file)
		*in_file = g != 0; /* 0: the file could not be noted */
	return g;
}

/* ---- entities ----------------------------------------------------------- */

int
se_store_set_authorities(se_store *s, const se_authorities *a)
{
	size_t i, n = se_authorities_len(a);

	free(s->auth_ent);
	s->auth_ent = NULL;
	s->auth = NULL;
	if (!a)
		return 0;
	s->auth_ent = malloc((n ? n : 1) * sizeof *s->auth_ent);
	if (!s->auth_ent)
		return oom(s);
	for (i = 0; i < n; i++)
		s->auth_ent[i] = NONE;
	s->auth = a;
	return 0;
}

static size_t
new_entity(se_store *s, const char *name, const char *code)
{
	struct entity *e;

	if (reserve((void **)&s->ent, &s->capent, s->nent, sizeof *s->ent) < 0)
		return NONE;
	e = &s->ent[s->nent];
	memset(e, 0, sizeof *e);
	e->name = se_arena_strdup(s->arena, name);
	e->code = empty(code) ? NULL : se_arena_strdup(s->arena, code);
	e->auth = e->region_key = e->region_row = NONE;
	if (!e->name || (!empty(code) && !e->code))
		return NONE;
	if (table_put(&s->names, e->name, s->nent) < 0 ||
	    (e->code && table_put(&s->codes, e->code, s->nent) < 0))
		return NONE;
	return s->nent++;
}

/* Another code or name 'key' for entity e, when it has none yet (so
 * --authority and neighbours files find it by the file's own words). */
static int
also_known(se_store *s, struct table *t, const char *key, size_t e)
{
	const char *copy;

	if (empty(key) || table_get(t, key, strlen(key)) != NONE)
		return 0;
	copy = se_arena_strdup(s->arena, key);
	return copy ? table_put(t, copy, e) : -1;
}

/* The table entry a row names: by its code, its second code, then its
 * name; NONE when the table does not know it. */
static size_t
table_entry(const se_store *s, const char *name, const char *code,
    const char *code2)
{
	size_t a = se_authorities_by_code(s->auth, code);

	if (a == NONE)
		a = se_authorities_by_code(s->auth, code2);
	if (a == NONE)
		a = se_authorities_by_name(s->auth, name);
	return a;
}

/* The entity of table entry a, made on its first row: named and coded as
 * the table has it. */
static size_t
entity_of_entry(se_store *s, size_t a, const char *name, const char *code,
    const char *code2)
{
	const se_authority *x = se_authorities_at(s->auth, a);
	size_t e = s->auth_ent[a];

	if (e == NONE) {
		e = new_entity(s, x->name, x->ons_code ? x->ons_code :
		    x->dfe_number);
		if (e == NONE)
			return NONE;
		s->ent[e].auth = a;
		s->auth_ent[a] = e;
	}
	if (also_known(s, &s->codes, code, e) < 0 ||
	    also_known(s, &s->codes, code2, e) < 0 ||
	    also_known(s, &s->names, name, e) < 0)
		return NONE;
	return e;
}

/* se-rag(1) AUTHORITIES: an authority of the authorities table is one
 * entity whichever of its codes or names a row uses; any other by code
 * (or second code) when both rows have one, otherwise by name. */
static size_t
find_entity(se_store *s, const char *name, const char *code,
    const char *code2)
{
	size_t e, a = s->auth ? table_entry(s, name, code, code2) : NONE;

	if (a != NONE)
		return entity_of_entry(s, a, name, code, code2);
	if (!empty(code)) {
		e = table_get(&s->codes, code, strlen(code));
		if (e != NONE)
			return also_known(s, &s->codes, code2, e) < 0 ? NONE : e;
	}
	if (!empty(code2)) {
		e = table_get(&s->codes, code2, strlen(code2));
		if (e != NONE)
			return also_known(s, &s->codes, code, e) < 0 ? NONE : e;
	}
	e = table_get(&s->names, name, strlen(name));
	if (e != NONE) {
		struct entity *x = &s->ent[e];
		if (empty(code) && empty(code2))
			return e;
		if (!x->code) {
			x->code = se_arena_strdup(s->arena, empty(code) ? code2 :
			    code);
			if (!x->code || table_put(&s->codes, x->code, e) < 0 ||
			    also_known(s, &s->codes, code2, e) < 0)
				return NONE;
			return e;
		}
		/* Same name, another code: another authority. */
	}
	e = new_entity(s, name, empty(code) ? code2 : code);
	if (e != NONE && !empty(code) && also_known(s, &s->codes, code2, e) < 0)
		return NONE;
	return e;
}

/* A hash of 'n' bytes taken eight at a time, on from 'h' (names are
 * short; this runs once per row). */
static uint64_t
fast_hash(const char *p, size_t n, uint64_t h)
{
	uint64_t w;

	h ^= n;
	for (; n >= 8; p += 8, n -= 8) {
		memcpy(&w, p, 8);
		h = (h ^ w) * 0xFF51AFD7ED558CCDull;
		h ^= h >> 32;
	}
	w = 0;
	memcpy(&w, p, n);
	h = (h ^ w) * 0xC4CEB9FE1A85EC53ull;
	return h ^ (h >> 29);
}

static uint64_t
spelling_hash(const struct spelling *k)
{
	return fast_hash(k->name, k->nl, fast_hash(k->code2, k->c2l,
	    fast_hash(k->code, k->cl, 0x9E3779B97F4A7C15ull)));
}

/* An interned copy of 'k' standing for entity e, or NULL out of memory. */
static const struct spelling *
spelling_new(se_store *s, const struct spelling *k, size_t e)
{
	struct spelling *copy = se_arena_alloc(s->arena, sizeof *copy);
	char *p = se_arena_alloc(s->arena, k->cl + k->c2l + k->nl + 3);

	if (!copy || !p) /* p is zeroed: each string ends there */
		return NULL;
	memcpy(p, k->code, k->cl);
	memcpy(p + k->cl + 1, k->code2, k->c2l);
	memcpy(p + k->cl + k->c2l + 2, k->name, k->nl);
	*copy = *k;
	copy->code = p;
	copy->code2 = p + k->cl + 1;
	copy->name = p + k->cl + k->c2l + 2;
	copy->e = e;
	return copy;
}

/* Whether a row's codes ("" when none) and name are spelled 'k' (whose
 * strings are interned, so NUL-terminated).  Most names that differ do
 * so in their first byte. */
static bool
spelled(const struct spelling *k, const char *code, const char *code2,
    const char *name)
{
	return k->name[0] == name[0] && strcmp(k->name, name) == 0 &&
	    strcmp(k->code, code) == 0 && strcmp(k->code2, code2) == 0;
}

/* The interned spelling of a row's code and name, found by the exact
 * bytes written (one hash lookup for rows spelled as before), else made
 * for the entity find_entity gives.  NULL out of memory. */
static const struct spelling *
spelling_of(se_store *s, const char *code, const char *code2,
    const char *name)
{
	const struct spelling *k;
	struct spelling want;
	uint64_t h;
	size_t e;

	want.code = code;
	want.cl = strlen(code);
	want.code2 = code2;
	want.c2l = strlen(code2);
	want.name = name;
	want.nl = strlen(name);
	want.e = NONE;
	h = spelling_hash(&want);
	if (s->raw.n) {
		const struct rslot *slot = rtable_slot(&s->raw, &want, h);
		if (slot->key)
			return slot->key;
	}
	e = find_entity(s, name, code, code2);
	if (e == NONE)
		return NULL;
	k = spelling_new(s, &want, e);
	if (!k || rtable_put(&s->raw, k, h) < 0)
		return NULL;
	return k;
}

/* The entity of a row: the previous row's, or the one that followed it
 * last time, when spelled the same (sorted extracts: no hashing), else
 * by spelling_of(). */
static size_t
entity_fast(se_store *s, const char *name, const char *code,
    const char *code2)
{
	const struct spelling *last = s->last, *k;

	if (!code)
		code = "";
	if (!code2)
		code2 = "";
	if (last && spelled(last, code, code2, name))
		return last->e;
	k = last ? s->ent[last->e].next : NULL;
	if (!k || !spelled(k, code, code2, name)) {
		k = spelling_of(s, code, code2, name);
		if (!k)
			return NONE;
	}
	if (last)
		s->ent[last->e].next = k;
	s->last = k;
	return k->e;
}

static int
note_region(se_store *s, size_t e, const char *region)
{
	struct entity *x = &s->ent[e];
	size_t k = table_get(&s->regions, region, strlen(region));

	if (k == NONE) {
		const char *copy = se_arena_strdup(s->arena, region);
		if (!copy || reserve((void **)&s->region_names, &s->capregions,
		    s->nregions, sizeof *s->region_names) < 0)
			return -1;
		k = s->nregions;
		s->region_names[s->nregions++] = copy;
		if (table_put(&s->regions, copy, k) < 0)
			return -1;
	}
	x->region = s->region_names[k];
	x->region_key = k;
	return 0;
}

/* ---- series ------------------------------------------------------------- */

static size_t
new_series(se_store *s, const se_indicator *ind, const char *name,
    const char *title)
{
	struct series *x;

	if (reserve((void **)&s->ser, &s->capser, s->nser, sizeof *s->ser) < 0)
		return NONE;
	x = &s->ser[s->nser];
	memset(x, 0, sizeof *x);
	x->name = se_arena_strdup(s->arena, name);
	x->ok = true;
	x->last = NONE;
	if (!x->name)
		return NONE;
	if (!ind) {
		se_indicator *made = se_arena_alloc(s->arena, sizeof *made);
		if (!made)
			return NONE;
		made->id = made->title = x->name;
		if (title && *title &&
		    !(made->title = se_arena_strdup(s->arena, title)))
			return NONE;
		made->polarity = SE_POLARITY_NONE;
		made->precision = 1;
		ind = made;
	}
	x->ind = ind;
	return s->nser++;
}

static size_t
find_series(se_store *s, const char *name, const char *title,
    const se_pos *pos)
{
	size_t len = strlen(name), k;
	const se_indicator *ind;

	k = table_get(&s->series_names, name, len);
	if (k != NONE)
		return k;
	ind = se_catalogue_find(s->cat, name, len);
	if (ind) {
		size_t ci = se_catalogue_index(s->cat, ind);
		if (s->cat_series[ci] == NONE)
			s->cat_series[ci] = new_series(s, ind, ind->id, NULL);
		k = s->cat_series[ci];
	} else {
		k = new_series(s, NULL, name, title);
		if (k != NONE && s->cat)
			se_diag_warning(s->diag, pos, "unknown-indicator",
			    "indicator '%s' is not in the catalogue: shown, "
			    "not rated", name);
	}
	if (k == NONE)
		return NONE;
	if (table_put(&s->series_names, se_arena_strdup(s->arena, name),
	    k) < 0)
		return NONE;
	return k;
}

static bool
period_eq(const se_period *a, const se_period *b)
{
	return a->kind == b->kind && a->year == b->year && a->sub == b->sub &&
	    a->day == b->day;
}

static size_t
find_column(se_store *s, struct series *x, const se_period *p, uint32_t g)
{
	size_t i;
	struct column *c;

	if (x->last != NONE && period_eq(&x->cols[x->last].period, p))
		return x->last;
	for (i = 0; i < x->ncols; i++)
		if (period_eq(&x->cols[i].period, p))
			return x->last = i;
	if (reserve((void **)&x->cols, &x->capcols, x->ncols,
	    sizeof *x->cols) < 0)
		return NONE;
	c = &x->cols[x->ncols];
	memset(c, 0, sizeof *c);
	c->period = *p;
	c->first = g;
	(void)s;
	return x->last = x->ncols++;
}

/* A page of cells, zeroed (every cell absent), cut from a slab.  Slabs
 * grow from 64 KiB to 8 MiB; from 2 MiB on they are aligned to 2 MiB and
 * offered to the kernel for huge pages, which on a national extract (tens
 * of MB of cells) saves most of the page faults. */
#define SLAB_MIN (64u << 10)
#define SLAB_MAX (8u << 20)
#define HUGE_PAGE (2u << 20)

static struct cells *
cells_new(se_store *s)
{
	struct cells *p;

	if (s->slab_left < sizeof *p) {
		size_t size = s->slab_size ? s->slab_size * 2 : SLAB_MIN;
		void *b;
		if (size > SLAB_MAX)
			size = SLAB_MAX;
		if (reserve((void **)&s->slabs, &s->capslabs, s->nslabs,
		    sizeof *s->slabs) < 0 ||
		    posix_memalign(&b, size >= HUGE_PAGE ? HUGE_PAGE : 64,
		    size) != 0)
			return NULL;
#ifdef MADV_HUGEPAGE
		if (size >= HUGE_PAGE)
			(void)madvise(b, size, MADV_HUGEPAGE);
#endif
		s->slabs[s->nslabs++] = b;
		s->slab_size = size;
		s->slab_at = b;
		s->slab_left = size;
	}
	p = (struct cells *)(void *)s->slab_at;
	s->slab_at += sizeof *p;
	s->slab_left -= sizeof *p;
	memset(p, 0, sizeof *p);
	return p;
}

/* The page of column 'c' that holds entity 'e', made if need be.  A new
 * column has room for the entities known so far. */
static struct cells *
column_page(se_store *s, struct column *c, size_t e)
{
	size_t k = e / PAGE_CELLS;

	if (k >= c->npages) {
		size_t n = c->npages ? c->npages * 2 :
		    (s->nent + PAGE_CELLS - 1) / PAGE_CELLS;
		struct cells **v;
		if (n <= k)
			n = k + 1;
		v = realloc(c->page, n * sizeof *v);
		if (!v)
			return NULL;
		memset(v + c->npages, 0, (n - c->npages) * sizeof *v);
		c->page = v;
		c->npages = n;
	}
	if (!c->page[k])
		c->page[k] = cells_new(s);
	return c->page[k];
}

/* The page of column 'c' that holds entity 'e', or NULL: all absent. */
static const struct cells *
page_of(const struct column *c, size_t e)
{
	return e / PAGE_CELLS < c->npages ? c->page[e / PAGE_CELLS] : NULL;
}

static size_t
intern_flag(se_store *s, const char *flag)
{
	size_t i;

	for (i = 0; i < s->nflags; i++)
		if (strcmp(s->flags[i], flag) == 0)
			return i;
	if (s->nflags == 255)
		return 255; /* every marker past 255 shows as "*" */
	s->flags[s->nflags] = se_arena_strdup(s->arena, flag);
	if (!s->flags[s->nflags])
		return 255;
	return s->nflags++;
}

/* The shortest text that reads back as 'v' (%.15g, else %.17g). */
static void
shortest(double v, char *buf, size_t n)
{
	snprintf(buf, n, "%.15g", v);
	if (strtod(buf, NULL) != v)
		snprintf(buf, n, "%.17g", v);
}

static void
cell_text(const se_store *s, const struct cells *c, size_t k, char *buf,
    size_t n)
{
	if (c->state[k] == SE_CELL_SUPPRESSED)
		snprintf(buf, n, "suppressed (%s)", c->flag[k] < s->nflags ?
		    s->flags[c->flag[k]] : "*");
	else
		shortest(c->v[k], buf, n);
}

/* Keep the row's confidence limits for cell 'e' of 'col' (NaN: none).
 * -1 when out of memory. */
static int
put_limits(struct column *col, size_t e, const se_row *r)
{
	size_t k = e / PAGE_CELLS, i;
	struct limits *l;

	if (!r->has_ci && (k >= col->nlimits || !col->limits[k]))
		return 0;
	if (k >= col->nlimits) {
		size_t n = col->npages > k ? col->npages : k + 1;
		struct limits **v = realloc(col->limits, n * sizeof *v);
		if (!v)
			return -1;
		memset(v + col->nlimits, 0, (n - col->nlimits) * sizeof *v);
		col->limits = v;
		col->nlimits = n;
	}
	if (!col->limits[k]) {
		col->limits[k] = malloc(sizeof *col->limits[k]);
		if (!col->limits[k])
			return -1;
		for (i = 0; i < PAGE_CELLS; i++)
			col->limits[k]->low[i] = col->limits[k]->high[i] = NAN;
	}
	l = col->limits[k];
	l->low[e % PAGE_CELLS] = r->has_ci ? r->ci_low : NAN;
	l->high[e % PAGE_CELLS] = r->has_ci ? r->ci_high : NAN;
	return 0;
}

/* se-rag(1) duplicate: an identical repeated row is ignored; conflicting
 * values for one cell are an error naming both places, and neither is
 * used.  A later release of the figures (Final over Revised over
 * Provisional) replaces an earlier one, and an earlier one is ignored. */
static int
put_cell(se_store *s, struct series *x, struct column *col,
    struct cells *c, size_t e, const se_row *r, uint32_t g)
{
	uint8_t state = r->has_value ? SE_CELL_VALUE : SE_CELL_SUPPRESSED;
	uint8_t flag = r->has_value ? 0 :
	    (uint8_t)intern_flag(s, r->flag ? r->flag : "");
	char was[64], now[64], when[64];
	size_t k = e % PAGE_CELLS;
	se_pos first;
	struct conflict *cf;
	se_buf b;

	if (c->state[k] != SE_CELL_ABSENT && r->release < c->release[k])
		return 0;
	if (c->state[k] == SE_CELL_ABSENT || r->release > c->release[k]) {
		c->state[k] = state;
		c->v[k] = r->has_value ? r->value : 0;
		c->flag[k] = flag;
		c->line[k] = g;
		c->release[k] = (uint8_t)r->release;
		return put_limits(col, e, r);
	}
	if (c->state[k] == state && (state == SE_CELL_VALUE ?
	    c->v[k] == r->value : c->flag[k] == flag))
		return 0;
	place_of(s, c->line[k], &first);
	if (c->state[k] == SE_CELL_CONFLICT)
		snprintf(was, sizeof was, "other values");
	else
		cell_text(s, c, k, was, sizeof was);
	if (r->has_value)
		shortest(r->value, now, sizeof now);
	else
		snprintf(now, sizeof now, "suppressed (%s)",
		    r->flag ? r->flag : "");
	se_period_format(&col->period, when, sizeof when);
	c->state[k] = SE_CELL_CONFLICT;
	if (reserve((void **)&s->conflicts, &s->capconflicts, s->nconflicts,
	    sizeof *s->conflicts) < 0)
		return -1;
	cf = &s->conflicts[s->nconflicts];
	se_buf_init(&b);
	se_buf_addf(&b, "conflicting values for '%s', '%s', %s: %s here and "
	    "%s at %s:%u", s->ent[e].name, x->ind->id, when, now, was,
	    first.file, first.line);
	cf->text = se_buf_failed(&b) ? NULL :
	    se_arena_strdup(s->arena, se_buf_str(&b));
	se_buf_release(&b);
	cf->at = r->row_pos;
	cf->at.file = se_arena_strdup(s->arena, r->row_pos.file ?
	    r->row_pos.file : "");
	cf->value = r->pos;
	cf->value.file = NULL;
	cf->first = c->line[k];
	cf->later = g;
	if (!cf->text || !cf->at.file)
		return -1;
	s->nconflicts++;
	return 0;
}

/* The first CONFLICTS_EXPLAINED conflicts of each file, their rows read
 * again: 'explain' marks them. */
static se_rowdiff *
read_again(se_store *s, bool *explain)
{
	se_rowdiff *rd = se_rowdiff_new();
	size_t *n = calloc(s->nfiles ? s->nfiles : 1, sizeof *n), i;
	bool any = false;

	if (!rd || !n) {
		se_rowdiff_free(rd);
		free(n);
		return NULL;
	}
	for (i = 0; i < s->nconflicts; i++) {
		const struct conflict *c = &s->conflicts[i];
		const struct file *a = &s->files[file_index(s, c->first)];
		size_t later = file_index(s, c->later);
		const struct file *z = &s->files[later];
		explain[i] = a->path && z->path &&
		    n[later]++ < CONFLICTS_EXPLAINED;
		if (explain[i] && (se_rowdiff_want(rd, a->path, c->first -
		    a->base) < 0 || se_rowdiff_want(rd, z->path, c->later -
		    z->base) < 0)) {
			se_rowdiff_free(rd);
			free(n);
			return NULL;
		}
		any = any || explain[i];
	}
	free(n);
	if (any)
		se_rowdiff_read(rd, s->diag);
	return rd;
}

/* se-rag(1) duplicate: each conflict, with the columns its rows differ
 * in when they can be read again.  -1 when out of memory. */
static int
say_conflicts(se_store *s)
{
	bool *explain;
	se_rowdiff *rd;
	size_t i;
	se_buf b;

	if (s->nconflicts == 0)
		return 0;
	explain = calloc(s->nconflicts, sizeof *explain);
	rd = explain ? read_again(s, explain) : NULL;
	if (!rd) {
		free(explain);
		return oom(s);
	}
	se_buf_init(&b);
	for (i = 0; i < s->nconflicts; i++) {
		const struct conflict *c = &s->conflicts[i];
		const struct file *a = &s->files[file_index(s, c->first)];
		const struct file *z = &s->files[file_index(s, c->later)];
		se_buf_reset(&b);
		se_buf_adds(&b, c->text);
		if (explain[i])
			se_rowdiff_say(rd, a->path, c->first - a->base, z->path,
			    c->later - z->base, &c->value, s->cat, &b);
		se_buf_adds(&b, "; neither is used");
		se_diag_error(s->diag, &c->at, "duplicate", "%s",
		    se_buf_failed(&b) ? c->text : se_buf_str(&b));
	}
	se_buf_release(&b);
	se_rowdiff_free(rd);
	free(explain);
	s->nconflicts = 0;
	return 0;
}

/* The series of a row's indicator: by its exact bytes when spelled as
 * before (no name folding), else find_series(), remembered.  NONE out of
 * memory. */
static size_t
series_of(se_store *s, const se_row *r)
{
	const struct spelled_series *last = s->ind_last;
	struct spelled_series *seen;
	size_t n, k;
	uint64_t h;

	if (last && last->k != NONE && strcmp(last->text, r->indicator) == 0)
		return last->k;
	n = strlen(r->indicator);
	h = fast_hash(r->indicator, n, 0x9E3779B97F4A7C15ull);
	seen = &s->ind_seen[h & (ISEEN - 1)];
	s->ind_last = seen;
	if (seen->k != NONE && seen->hash == h &&
	    strcmp(seen->text, r->indicator) == 0)
		return seen->k;
	k = find_series(s, r->indicator, r->title, &r->pos);
	if (k != NONE && n < sizeof seen->text) {
		memcpy(seen->text, r->indicator, n + 1);
		seen->hash = h;
		seen->k = k;
	}
	return k;
}

/* 'in_file' as for row_line(), or NULL. */
static int
store_row(se_store *s, const se_row *r, bool *in_file)
{
	const char *name = empty(r->authority) ? r->code : r->authority;
	struct series *x;
	struct cells *page;
	size_t e, k, col;
	uint32_t g;

	if (s->oom)
		return -1;
	if (empty(name)) {
		se_diag_error(s->diag, &r->row_pos, "csv-row",
		    "row names no authority: expected a name or a code");
		return 0;
	}
	if (empty(r->indicator)) {
		se_diag_error(s->diag, &r->row_pos, "csv-row",
		    "row names no indicator");
		return 0;
	}
	g = row_line(s, &r->row_pos, in_file);
	e = entity_fast(s, name, r->code, r->code2);
	if (e == NONE)
		return oom(s);
	k = series_of(s, r);
	if (k == NONE)
		return oom(s);
	if (!s->ent[e].region && !empty(r->region) &&
	    note_region(s, e, r->region) < 0)
		return oom(s);
	x = &s->ser[k];
	col = find_column(s, x, &r->period, g);
	page = col == NONE ? NULL : column_page(s, &x->cols[col], e);
	if (!page)
		return oom(s);
	if (put_cell(s, x, &x->cols[col], page, e, r, g) < 0)
		return oom(s);
	return 0;
}

int
se_store_row(void *store, const se_row *r)
{
	return store_row(store, r, NULL);
}

/* The rows of one se_store_read: all from one file. */
struct reading {
	se_store *s;
	bool in_file; /* its first row is in */
};

static int
read_row(void *ctx, const se_row *r)
{
	struct reading *rd = ctx;

	return store_row(rd->s, r, &rd->in_file);
}

/* se_extract_opts.catalogue_for: a published file on standard input,
 * whose layout only its header shows, is rated with the national
 * catalogue as a named file is (se-rag(1) -i), when nothing has been
 * read into the store yet. */
static const se_catalogue *
national_for(void *ctx, se_extract_layout l, const char *name)
{
	se_store *s = ctx;
	se_catalogue *c;

	if (s->cat || s->nser > 0 || !s->formats_dir)
		return NULL;
	c = se_catalogue_national_for(s->formats_dir, l, name, s->diag);
	if (!c || set_catalogue(s, c) < 0) {
		se_catalogue_free(c);
		return NULL;
	}
	s->own_cat = c;
	return c;
}

void
se_store_extract_opts(se_store *s, se_extract_opts *o)
{
	o->cat = s->cat;
	o->where = s->where;
	o->nwhere = s->nwhere;
	o->catalogue_for = s->cat ? NULL : national_for;
	o->catalogue_ctx = s;
}

int
se_store_read(se_store *s, const char *path)
{
	struct reading rd = { s, false };
	se_extract_opts o;
	int rc;

	se_store_extract_opts(s, &o);
	s->reading = path;
	rc = se_extract_read_opts(path, &o, read_row, &rd, s->diag);
	s->reading = NULL;
	if (say_conflicts(s) < 0)
		return -1;
	return rc;
}

/* ---- statistical neighbours -------------------------------------------- */

/* The layouts of a neighbours file, from its header (se-formats(5) Neighbours):
 * 'authority,neighbour,rank'; DfE's groupings, a row per authority with
 * SN1..SN10 (or SN_1..) holding its neighbours' numbers or names, each
 * followed by a closeness column (SNP); and the square layout, a column
 * per authority headed by its name, its neighbours' names down it in
 * rank order. */
enum nb_layout { NB_NONE, NB_LONG, NB_SN, NB_SQUARE };

#define MAX_SN 32

struct nbhead {
	enum nb_layout layout;
	int col[3];            /* long: authority, neighbour, rank */
	int code, name;        /* SN: the authority's code and name, or -1 */
	int sn[MAX_SN + 1];    /* SN: column of the k-th neighbour, or -1 */
	int close[MAX_SN + 1]; /* SN: its closeness column, or -1 */
	int nsn;
};

/* A heading folded: lower case, '_' and runs of spaces one space, into
 * buf (cap bytes); "" when it does not fit. */
static const char *
heading(const se_csv_field *f, char *buf, size_t cap)
{
	size_t i, k = 0;
	bool space = false;

	for (i = 0; i < f->len; i++) {
		char c = f->text[i];
		if (c == ' ' || c == '_' || c == '\t') {
			space = k > 0;
			continue;
		}
		if (k + 3 > cap)
			return "";
		if (space)
			buf[k++] = ' ';
		space = false;
		buf[k++] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
	}
	buf[k] = '\0';
	return buf;
}

/* SN1, SN_1, sn 1: the rank k; else 0. */
static int
sn_rank(const char *h)
{
	char *end;
	long k;

	if (h[0] != 's' || h[1] != 'n')
		return 0;
	h += 2;
	if (*h == ' ')
		h++;
	if (*h < '1' || *h > '9')
		return 0;
	k = strtol(h, &end, 10);
	return *end || k > MAX_SN ? 0 : (int)k;
}

static bool
one_of(const char *h, const char *const *names)
{
	for (; *names; names++)
		if (strcmp(h, *names) == 0)
			return true;
	return false;
}

static const char *const code_headings[] = { "la num", "la number",
	"la code", "la no", "lea", "old la code", "new la code", "code",
	"authority code", "ons code", NULL };
static const char *const name_headings[] = { "la name", "la", "authority",
	"local authority", "authority name", "name", "local authority name",
	NULL };

static void
sn_header(const se_csv_field *f, size_t n, struct nbhead *h)
{
	char buf[64];
	size_t i;
	int k;

	h->code = h->name = -1;
	for (k = 0; k <= MAX_SN; k++)
		h->sn[k] = h->close[k] = -1;
	for (i = 0; i < n; i++) {
		const char *t = heading(&f[i], buf, sizeof buf);
		if ((k = sn_rank(t)) != 0) {
			if (h->sn[k] < 0)
				h->sn[k] = (int)i;
			if (k > h->nsn)
				h->nsn = k;
			if (i + 1 < n && f[i + 1].len &&
			    !sn_rank(heading(&f[i + 1], buf, sizeof buf)))
				h->close[k] = (int)i + 1;
		} else if (h->code < 0 && one_of(t, code_headings))
			h->code = (int)i;
		else if (h->name < 0 && one_of(t, name_headings))
			h->name = (int)i;
	}
}

/* Headings that are column names of other files, never an authority's:
 * a file headed only by names, none of these, may be the square layout. */
static bool
square_heading(const se_csv_field *f)
{
	static const char *const not_names[] = { "authority", "neighbour",
		"rank", "name", "code", "value", "indicator", "measure",
		"period", "year", "date", "region", "la", "area", "action",
		"owner", "status", "rag", "comparator", "id", "title", "notes",
		"description", "total", "count", "type", NULL };
	char buf[64];
	const char *t = heading(f, buf, sizeof buf);
	size_t i;
	bool letter = false;

	if (!*t || one_of(t, not_names))
		return false;
	for (i = 0; t[i]; i++) {
		if (t[i] >= '0' && t[i] <= '9')
			return false;
		letter |= t[i] >= 'a' && t[i] <= 'z';
	}
	return letter;
}

static void
nb_header(const se_csv_field *f, size_t n, struct nbhead *h)
{
	static const char *const want[3] = { "authority", "neighbour", "rank" };
	size_t i, k;

	memset(h, 0, sizeof *h);
	for (k = 0; k < 3; k++) {
		h->col[k] = -1;
		for (i = 0; i < n; i++)
			if (se_name_equal(f[i].text, f[i].len, want[k],
			    strlen(want[k])))
				h->col[k] = (int)i;
	}
	if (h->col[0] >= 0 && h->col[1] >= 0) {
		h->layout = NB_LONG;
		return;
	}
	sn_header(f, n, h);
	if (h->sn[1] >= 0 && (h->code >= 0 || h->name >= 0)) {
		h->layout = NB_SN;
		return;
	}
	for (i = 0; i < n; i++)
		if (!square_heading(&f[i]))
			return;
	if (n >= 2)
		h->layout = NB_SQUARE;
}

bool
se_neighbours_header(const se_csv_field *f, size_t n, bool square)
{
	struct nbhead h;

	nb_header(f, n, &h);
	return h.layout == NB_LONG || h.layout == NB_SN ||
	    (square && h.layout == NB_SQUARE);
}

struct nbread {
	se_store *s;
	const char *name;
	struct nbhead h;
	const char **heads; /* square: each column's authority */
	size_t nheads;
	long rank;          /* square: the row's rank */
	size_t empty;       /* SN: rows that name no neighbours */
	unsigned first_empty;
	bool header_done, bad;
};

static const char *
cell(const se_csv_field *f, size_t n, int c)
{
	return c >= 0 && (size_t)c < n && f[c].len ? f[c].text : NULL;
}

static int
add_pair(struct nbread *r, const char *a, const char *a_code,
    const char *b, const char *closeness, long rank, unsigned line)
{
	se_store *s = r->s;
	se_pos pos = { r->name, line, 1 };
	struct pair *p;

	if (reserve((void **)&s->pairs, &s->cappairs, s->npairs,
	    sizeof *s->pairs) < 0)
		return oom(s);
	p = &s->pairs[s->npairs];
	p->a = se_arena_strdup(s->arena, a ? a : a_code);
	p->a_code = a_code ? se_arena_strdup(s->arena, a_code) : NULL;
	p->b = se_arena_strdup(s->arena, b);
	p->closeness = closeness ? se_arena_strdup(s->arena, closeness) : NULL;
	p->rank = rank ? rank : (long)s->npairs + 1;
	p->line = global_line(s, &pos);
	if (!p->a || !p->b || (a_code && !p->a_code) ||
	    (closeness && !p->closeness))
		return oom(s);
	s->npairs++;
	return 0;
}

static int
long_row(struct nbread *r, const se_csv_field *f, size_t n, unsigned line)
{
	se_pos pos = { r->name, line, 1 };
	const char *a = cell(f, n, r->h.col[0]), *b = cell(f, n, r->h.col[1]);
	const se_csv_field *rf;
	long rank = 0;
	char *end;

	if (!a || !b)
		return se_diag_error(r->s->diag, &pos, "csv-row",
		    "row needs an authority and a neighbour") * 0;
	if (cell(f, n, r->h.col[2])) {
		rf = &f[r->h.col[2]];
		errno = 0;
		rank = strtol(rf->text, &end, 10);
		if (errno || end != rf->text + rf->len || rank < 1) {
			pos.line = rf->line;
			pos.col = rf->col;
			return se_diag_error(r->s->diag, &pos, "csv-value",
			    "rank '%s' is not a whole number from 1",
			    rf->text) * 0;
		}
	}
	return add_pair(r, a, NULL, b, NULL, rank, line);
}

static int
sn_row(struct nbread *r, const se_csv_field *f, size_t n, unsigned line)
{
	const char *code = cell(f, n, r->h.code), *name = cell(f, n, r->h.name);
	bool any = false;
	int k;

	if (!code && !name) {
		for (k = 0; (size_t)k < n && !f[k].len; k++)
			;
		if ((size_t)k == n)
			return 0; /* an empty row */
	}
	for (k = 1; k <= r->h.nsn; k++) {
		const char *b = cell(f, n, r->h.sn[k]);
		if (!b)
			continue;
		any = true;
		if (add_pair(r, name, code, b, cell(f, n, r->h.close[k]), k,
		    line) < 0)
			return -1;
	}
	if (!any || (!code && !name)) {
		if (!r->empty++)
			r->first_empty = line;
	}
	return 0;
}

static int
square_row(struct nbread *r, const se_csv_field *f, size_t n, unsigned line)
{
	size_t i;

	r->rank++;
	for (i = 0; i < n && i < r->nheads; i++)
		if (f[i].len && add_pair(r, r->heads[i], NULL, f[i].text, NULL,
		    r->rank, line) < 0)
			return -1;
	return 0;
}

static int
square_header(struct nbread *r, const se_csv_field *f, size_t n)
{
	se_store *s = r->s;
	size_t i, known = 0;

	r->heads = se_arena_alloc(s->arena, (n ? n : 1) * sizeof *r->heads);
	if (!r->heads)
		return oom(s);
	for (i = 0; i < n; i++) {
		r->heads[i] = se_arena_strdup(s->arena, f[i].text);
		if (!r->heads[i])
			return oom(s);
		known += se_authorities_find(s->auth, f[i].text) != NONE;
	}
	r->nheads = n;
	return s->auth && !known ? -1 : 0;
}

static int
on_neighbour(void *ctx, const se_csv_field *f, size_t n, unsigned line)
{
	struct nbread *r = ctx;
	se_store *s = r->s;
	se_pos pos = { r->name, line, 1 };

	if (!r->header_done) {
		r->header_done = true;
		nb_header(f, n, &r->h);
		if (r->h.layout == NB_SQUARE && square_header(r, f, n) < 0 &&
		    !s->oom)
			r->h.layout = NB_NONE;
		if (r->h.layout == NB_NONE) {
			r->bad = true;
			se_diag_error(s->diag, &pos, "csv-header",
			    "not a neighbours file: expected the columns "
			    "'authority,neighbour,rank', DfE's 'LA num,LA Name,"
			    "SN1,SNP,SN2,...', or a column per authority headed "
			    "by its name");
			return -1;
		}
		return s->oom ? -1 : 0;
	}
	switch (r->h.layout) {
	case NB_LONG:
		return long_row(r, f, n, line);
	case NB_SN:
		return sn_row(r, f, n, line);
	default:
		return square_row(r, f, n, line);
	}
}

int
se_store_read_neighbours(se_store *s, const char *path)
{
	se_pos pos = { path, 0, 0 };
	struct nbread r;
	se_csv *csv;
	int rc;

	memset(&r, 0, sizeof r);
	r.s = s;
	r.name = strcmp(path, "-") == 0 ? "<stdin>" : path;
	pos.file = r.name;
	csv = se_csv_new(r.name, on_neighbour, &r, s->diag);
	if (!csv)
		return oom(s);
	rc = se_csv_read_file(csv, path, false, s->diag);
	if (rc == 0 && !r.header_done)
		rc = se_diag_error(s->diag, &pos, "csv-header",
		    "not a neighbours file: it is empty");
	if (r.empty) {
		pos.line = r.first_empty;
		pos.col = 1;
		se_diag_note(s->diag, &pos, "csv-row", "%zu row%s name%s no "
		    "authority or no neighbours, and %s skipped (the first "
		    "here)", r.empty, r.empty == 1 ? "" : "s", r.empty == 1 ?
		    "s" : "", r.empty == 1 ? "is" : "are");
	}
	se_csv_free(csv);
	return r.bad ? -1 : rc;
}

/* The entity 'name' names or codes: through the authorities table
 * first, then by the store's own names and codes. */
static size_t
entity_by_name_or_code(const se_store *s, const char *name)
{
	size_t a = se_authorities_find(s->auth, name), e;

	if (a != NONE && s->auth_ent[a] != NONE)
		return s->auth_ent[a];
	e = table_get(&s->names, name, strlen(name));
	return e != NONE ? e : table_get(&s->codes, name, strlen(name));
}

static int
cmp_pair(const void *pa, const void *pb)
{
	const struct pair *a = pa, *b = pb;

	if (a->rank != b->rank)
		return a->rank < b->rank ? -1 : 1;
	return (a->line > b->line) - (a->line < b->line);
}

/* The subject of a neighbours row: by its code first, when it has one. */
static size_t
subject(const se_store *s, const struct pair *p)
{
	size_t e = p->a_code ? entity_by_name_or_code(s, p->a_code) : NONE;

	return e != NONE ? e : entity_by_name_or_code(s, p->a);
}

/* "3 very close, 7 close": how many neighbours of each closeness, in the
 * order the words first come (best rank first). */
static int
summarise_closeness(se_store *s, struct entity *x)
{
	size_t i, j, k, count;
	se_buf b;

	se_buf_init(&b);
	for (i = 0; i < x->nnb; i++) {
		const char *w = x->closeness[i];
		if (!w)
			continue;
		for (j = 0; j < i; j++)
			if (x->closeness[j] && se_strcasecmp(x->closeness[j], w) == 0)
				break;
		if (j < i)
			continue;
		for (count = 0, k = i; k < x->nnb; k++)
			count += x->closeness[k] &&
			    se_strcasecmp(x->closeness[k], w) == 0;
		se_buf_addf(&b, "%s%zu ", b.len ? ", " : "", count);
		for (; *w; w++)
			se_buf_addc(&b, *w >= 'A' && *w <= 'Z' ?
			    (char)(*w - 'A' + 'a') : *w);
	}
	if (b.len)
		x->closeness_summary = se_arena_strdup(s->arena,
		    se_buf_str(&b));
	k = b.len && (se_buf_failed(&b) || !x->closeness_summary);
	se_buf_release(&b);
	return k ? oom(s) : 0;
}

static int
resolve_neighbours(se_store *s)
{
	struct table seen;
	size_t i, unknown = 0, e;
	se_pos first = { NULL, 0, 0 };

	memset(&seen, 0, sizeof seen);
	if (s->npairs > 1)
		qsort(s->pairs, s->npairs, sizeof *s->pairs, cmp_pair);
	for (i = 0; i < s->npairs; i++) {
		const struct pair *p = &s->pairs[i];
		size_t a = subject(s, p);
		size_t b = entity_by_name_or_code(s, p->b);
		struct entity *x;
		se_pos pos;
		size_t *v;
		const char **c;

		place_of(s, p->line, &pos);
		if (a == NONE) {
			/* Groupings cover every authority; an extract, some. */
			if (table_get(&seen, p->a, strlen(p->a)) == NONE) {
				if (table_put(&seen, p->a, i) < 0) {
					free(seen.v);
					return oom(s);
				}
				if (!unknown++)
					first = pos;
			}
			continue;
		}
		if (b == NONE) {
			se_diag_warning(s->diag, &pos, "unknown-authority",
			    "'%s' is not an authority in the extracts", p->b);
			continue;
		}
		x = &s->ent[a];
		v = realloc(x->nb, (x->nnb + 1) * sizeof *v);
		if (v)
			x->nb = v;
		c = v ? realloc(x->closeness, (x->nnb + 1) * sizeof *c) : NULL;
		if (!c) {
			free(seen.v);
			return oom(s);
		}
		x->closeness = c;
		c[x->nnb] = p->closeness;
		v[x->nnb++] = b;
	}
	free(seen.v);
	if (unknown)
		se_diag_note(s->diag, &first, "unknown-authority", "%zu "
		    "authorit%s of the neighbours file %s in none of the "
		    "extracts; %s neighbours are not used (the first here)",
		    unknown, unknown == 1 ? "y" : "ies", unknown == 1 ? "is" :
		    "are", unknown == 1 ? "its" : "their");
	for (e = 0; e < s->nent; e++)
		if (s->ent[e].nnb && summarise_closeness(s, &s->ent[e]) < 0)
			return -1;
	return 0;
}

/* ---- finishing ---------------------------------------------------------- */

/* "Inner London", "London (Inner)", "Outer London": parts of London
 * that DfE and LAIT report as regions, never authorities. */
static bool
london_part(const char *name)
{
	char w[3][8];
	int n = 0, i;
	const char *p = name;

	while (*p && n < 3) {
		size_t k = 0;
		while (*p && !((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
			p++;
		while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')) {
			if (k + 1 < sizeof w[0])
				w[n][k++] = (char)(*p | 0x20);
			p++;
		}
		w[n][k] = '\0';
		if (k)
			n++;
	}
	if (n != 2 || *p)
		return false;
	for (i = 0; i < 2; i++)
		if (strcmp(w[i], "london") == 0 && (strcmp(w[1 - i], "inner") ==
		    0 || strcmp(w[1 - i], "outer") == 0))
			return true;
	return false;
}

/* The region row an authority's region names: through the authorities
 * table, by name, or by region code. */
static size_t
region_entity(const se_store *s, const char *region)
{
	size_t r = entity_by_name_or_code(s, region), j;
	int code;

	if (r != NONE && s->ent[r].kind == SE_ENTITY_REGION)
		return r;
	code = se_region_code(region);
	for (j = 0; code && j < s->nent; j++)
		if (s->ent[j].kind == SE_ENTITY_REGION &&
		    (se_region_code(s->ent[j].name) == code ||
		    (s->ent[j].code && se_region_code(s->ent[j].code) == code)))
			return j;
	return NONE;
}

static se_entity_kind
table_kind(const se_store *s, const struct entity *x)
{
	switch (se_authorities_at(s->auth, x->auth)->kind) {
	case SE_AUTHORITY_REGION:
		return SE_ENTITY_REGION;
	case SE_AUTHORITY_COUNTRY:
		return SE_ENTITY_ENGLAND;
	default:
		return SE_ENTITY_AUTHORITY;
	}
}

static void
classify(se_store *s)
{
	size_t i;

	for (i = 0; i < s->nent; i++) {
		struct entity *x = &s->ent[i];
		if (x->auth != NONE)
			x->kind = table_kind(s, x);
		else if (se_is_england(x->name, x->code))
			x->kind = SE_ENTITY_ENGLAND;
		else if (se_region_code(x->name) ||
		    (x->code && se_region_code(x->code)) ||
		    london_part(x->name) ||
		    table_get(&s->regions, x->name, strlen(x->name)) != NONE)
			x->kind = SE_ENTITY_REGION;
		if (x->kind == SE_ENTITY_ENGLAND && s->england == NONE)
			s->england = i;
	}
	for (i = 0; i < s->nent; i++) {
		struct entity *x = &s->ent[i];
		if (x->kind == SE_ENTITY_AUTHORITY && x->region)
			x->region_row = region_entity(s, x->region);
	}
}

/* An authority of the table with no region column in its files has the
 * table's region (the file's own region first). */
static int
table_regions(se_store *s)
{
	size_t i;

	for (i = 0; s->auth && i < s->nent; i++) {
		const se_authority *a;
		if (s->ent[i].auth == NONE || s->ent[i].region)
			continue;
		a = se_authorities_at(s->auth, s->ent[i].auth);
		if ((a->kind == SE_AUTHORITY_CURRENT ||
		    a->kind == SE_AUTHORITY_FORMER) && a->region &&
		    note_region(s, i, a->region) < 0)
			return oom(s);
	}
	return 0;
}

/* One note naming how many authorities the table does not know, when it
 * knows some of the others (data of made-up authorities says nothing
 * about the table). */
static void
note_unknown(se_store *s)
{
	size_t i, known = 0, unknown = 0;
	se_buf b;
	se_pos p = { NULL, 0, 0 };

	if (!s->auth)
		return;
	for (i = 0; i < s->nent; i++) {
		if (s->ent[i].kind != SE_ENTITY_AUTHORITY)
			continue;
		if (s->ent[i].auth != NONE)
			known++;
		else
			unknown++;
	}
	if (!known || !unknown)
		return;
	se_buf_init(&b);
	for (i = 0; i < s->nent; i++) {
		const struct entity *x = &s->ent[s->ent_order[i]];
		if (x->kind != SE_ENTITY_AUTHORITY || x->auth != NONE)
			continue;
		if (b.len >= 200) {
			se_buf_adds(&b, ", ...");
			break;
		}
		se_buf_addf(&b, "%s'%s'", b.len ? ", " : "", x->name);
	}
	p.file = se_authorities_path(s->auth);
	se_diag_note(s->diag, &p, "unknown-authority", "%zu authorit%s not in "
	    "the authorities table, so known only by %s own code and name: %s",
	    unknown, unknown == 1 ? "y is" : "ies are", unknown == 1 ? "its" :
	    "their", se_buf_str(&b));
	se_buf_release(&b);
}

static const char *
kind_name(se_period_kind k)
{
	static const char *const names[] = { "years", "year spans",
		"quarters", "months", "dates", "financial-year quarters",
		"rolling spans", "terms", "weeks" };

	return (unsigned)k < sizeof names / sizeof names[0] ? names[k] :
	    "periods";
}

struct colkey {
	se_period p;
	size_t i;
};

static int
cmp_colkey(const void *pa, const void *pb)
{
	const struct colkey *a = pa, *b = pb;

	return se_period_cmp(&a->p, &b->p);
}

/* se-rag(1) mixed-periods: a YYYY-YY that could be a month is a month when the same
 * series has periods that can only be months; then one granularity. */
static int
resolve_periods(se_store *s, struct series *x)
{
	bool months = false;
	size_t i;
	struct colkey *k;
	char buf[64];

	for (i = 0; i < x->ncols; i++)
		if (x->cols[i].period.kind == SE_PERIOD_MONTH)
			months = true;
	for (i = 0; months && i < x->ncols; i++)
		if (x->cols[i].period.kind == SE_PERIOD_SPAN &&
		    x->cols[i].period.maybe_month)
			x->cols[i].period = se_period_as_month(&x->cols[i].period);
	for (i = 1; i < x->ncols; i++) {
		const struct column *a = &x->cols[0], *b = &x->cols[i];
		se_pos pa, pb;
		char ta[32], tb[32];
		if (b->period.kind == a->period.kind)
			continue;
		place_of(s, a->first, &pa);
		place_of(s, b->first, &pb);
		se_period_format(&a->period, ta, sizeof ta);
		se_period_format(&b->period, tb, sizeof tb);
		se_diag_error(s->diag, &pb, "mixed-periods",
		    "indicator '%s' mixes %s and %s: '%s' (%s:%u) and '%s' "
		    "here; it is not rated", x->ind->id,
		    kind_name(a->period.kind), kind_name(b->period.kind),
		    ta, pa.file, pa.line, tb);
		x->ok = false;
		break;
	}
	k = malloc((x->ncols ? x->ncols : 1) * sizeof *k);
	x->order = malloc((x->ncols ? x->ncols : 1) * sizeof *x->order);
	if (!k || !x->order) {
		free(k);
		return oom(s);
	}
	for (i = 0; i < x->ncols; i++) {
		k[i].p = x->cols[i].period;
		k[i].i = i;
	}
	qsort(k, x->ncols, sizeof *k, cmp_colkey);
	for (i = 0; i < x->ncols; i++) {
		x->order[i] = k[i].i;
		se_period_format(&x->cols[i].period, buf, sizeof buf);
		x->cols[i].text = se_arena_strdup(s->arena, buf);
		if (!x->cols[i].text) {
			free(k);
			return oom(s);
		}
	}
	free(k);
	return 0;
}

struct sortkey {
	size_t major;
	const char *name, *code;
	size_t i;
};

static int
cmp_sortkey(const void *pa, const void *pb)
{
	const struct sortkey *a = pa, *b = pb;
	int c;

	if (a->major != b->major)
		return a->major < b->major ? -1 : 1;
	c = se_strcasecmp(a->name, b->name);
	if (!c)
		c = strcmp(a->name, b->name);
	if (!c)
		c = strcmp(a->code ? a->code : "", b->code ? b->code : "");
	return c ? c : (a->i > b->i) - (a->i < b->i);
}

static size_t *
sorted(struct sortkey *k, size_t n)
{
	size_t *v = malloc((n ? n : 1) * sizeof *v), i;

	if (v) {
		qsort(k, n, sizeof *k, cmp_sortkey);
		for (i = 0; i < n; i++)
			v[i] = k[i].i;
	}
	free(k);
	return v;
}

int
se_store_finish(se_store *s)
{
	struct sortkey *k;
	size_t i, j, *inv;

	if (s->finished || s->oom)
		return s->oom ? -1 : 0;
	s->finished = true;
	if (say_conflicts(s) < 0)
		return -1;
	if (table_regions(s) < 0)
		return -1;
	classify(s);
	if (resolve_neighbours(s) < 0)
		return -1;
	for (i = 0; i < s->nser; i++)
		if (resolve_periods(s, &s->ser[i]) < 0)
			return -1;
	k = malloc((s->nent ? s->nent : 1) * sizeof *k);
	if (!k)
		return oom(s);
	for (i = 0; i < s->nent; i++) {
		k[i].major = 0;
		k[i].name = s->ent[i].name;
		k[i].code = s->ent[i].code;
		k[i].i = i;
	}
	s->ent_order = sorted(k, s->nent);
	k = malloc((s->nser ? s->nser : 1) * sizeof *k);
	if (!s->ent_order || !k) {
		free(k);
		return oom(s);
	}
	for (i = 0; i < s->nser; i++) {
		const se_indicator *ind = s->ser[i].ind;
		k[i].major = s->cat && se_catalogue_find(s->cat, ind->id,
		    strlen(ind->id)) == ind ? se_catalogue_index(s->cat, ind) :
		    NONE;
		k[i].name = s->ser[i].name;
		k[i].code = NULL;
		k[i].i = i;
	}
	s->ser_order = sorted(k, s->nser);
	inv = malloc((s->nent ? s->nent : 1) * sizeof *inv);
	if (!s->ser_order || !inv) {
		free(inv);
		return oom(s);
	}
	for (i = 0; i < s->nent; i++)
		inv[s->ent_order[i]] = i;
	for (i = 0; i < s->nent; i++) {
		struct entity *x = &s->ent[i];
		if (!x->nnb)
			continue;
		x->nb_public = malloc(x->nnb * sizeof *x->nb_public);
		if (!x->nb_public) {
			free(inv);
			return oom(s);
		}
		for (j = 0; j < x->nnb; j++)
			x->nb_public[j] = inv[x->nb[j]];
	}
	for (i = 0; i < s->nent; i++)
		if (s->ent[i].region_row != NONE)
			s->ent[i].region_row = inv[s->ent[i].region_row];
	if (s->england != NONE)
		s->england = inv[s->england];
	free(inv);
	note_unknown(s);
	return 0;
}

/* ---- queries (public indices) ------------------------------------------- */

static const struct entity *
ent(const se_store *s, size_t e)
{
	return &s->ent[s->ent_order[e]];
}

static const struct series *
ser(const se_store *s, size_t i)
{
	return &s->ser[s->ser_order[i]];
}

size_t
se_store_nentities(const se_store *s)
{
	return s->nent;
}

const char *
se_store_entity_name(const se_store *s, size_t e)
{
	return ent(s, e)->name;
}

const char *
se_store_entity_code(const se_store *s, size_t e)
{
	return ent(s, e)->code;
}

const char *
se_store_entity_region(const se_store *s, size_t e)
{
	return ent(s, e)->region;
}

se_entity_kind
se_store_entity_kind(const se_store *s, size_t e)
{
	return ent(s, e)->kind;
}

size_t
se_store_england(const se_store *s)
{
	return s->england;
}

size_t
se_store_region_row(const se_store *s, size_t e)
{
	return ent(s, e)->region_row;
}

bool
se_store_same_region(const se_store *s, size_t a, size_t b)
{
	const struct entity *x = ent(s, a), *y = ent(s, b);

	return x->region_key != NONE && x->region_key == y->region_key;
}

size_t
se_store_entity_find(const se_store *s, const char *name)
{
	size_t e = entity_by_name_or_code(s, name), i;

	if (e == NONE)
		return NONE;
	for (i = 0; i < s->nent; i++)
		if (s->ent_order[i] == e)
			return i;
	return NONE;
}

const char *
se_store_neighbours_closeness(const se_store *s, size_t e)
{
	return ent(s, e)->closeness_summary;
}

size_t
se_store_neighbours(const se_store *s, size_t e, const size_t **list)
{
	const struct entity *x = ent(s, e);

	*list = x->nb_public;
	return x->nb_public ? x->nnb : 0;
}

size_t
se_store_nseries(const se_store *s)
{
	return s->nser;
}

const se_indicator *
se_store_series_indicator(const se_store *s, size_t i)
{
	return ser(s, i)->ind;
}

bool
se_store_series_ok(const se_store *s, size_t i)
{
	return ser(s, i)->ok;
}

size_t
se_store_nperiods(const se_store *s, size_t i)
{
	return ser(s, i)->ncols;
}

const se_period *
se_store_period(const se_store *s, size_t i, size_t p)
{
	const struct series *x = ser(s, i);

	return &x->cols[x->order[p]].period;
}

const char *
se_store_period_text(const se_store *s, size_t i, size_t p)
{
	const struct series *x = ser(s, i);

	return x->cols[x->order[p]].text;
}

const char *
se_store_column_file(const se_store *s, size_t i, size_t p)
{
	const struct series *x = ser(s, i);
	se_pos pos;

	if (p >= x->ncols || !s->nfiles)
		return NULL;
	place_of(s, x->cols[x->order[p]].first, &pos);
	return pos.file;
}

size_t
se_store_period_find(const se_store *s, size_t i, const char *text)
{
	const struct series *x = ser(s, i);
	se_period want;
	size_t p;

	if (se_period_parse(text, strlen(text), &want) < 0)
		return NONE;
	for (p = 0; p < x->ncols; p++) {
		const se_period *have = &x->cols[x->order[p]].period;
		se_period w = want;
		if (have->kind == SE_PERIOD_MONTH && w.kind == SE_PERIOD_SPAN &&
		    w.maybe_month)
			w = se_period_as_month(&w);
		if (period_eq(have, &w))
			return p;
	}
	return NONE;
}

static void
limits_of(const struct column *col, size_t e, se_cell *cell)
{
	const struct limits *l;
	size_t k = e / PAGE_CELLS;

	if (k >= col->nlimits || !(l = col->limits[k]) ||
	    isnan(l->low[e % PAGE_CELLS]))
		return;
	cell->has_ci = true;
	cell->ci_low = l->low[e % PAGE_CELLS];
	cell->ci_high = l->high[e % PAGE_CELLS];
}

se_cell
se_store_cell(const se_store *s, size_t i, size_t p, size_t e)
{
	const struct series *x = ser(s, i);
	size_t ie = s->ent_order[e], k = ie % PAGE_CELLS;
	const struct cells *c = page_of(&x->cols[x->order[p]], ie);
	se_cell cell;

	memset(&cell, 0, sizeof cell);
	if (!c)
		return cell;
	cell.state = (se_cell_state)c->state[k];
	if (cell.state == SE_CELL_VALUE)
		cell.value = c->v[k];
	else if (cell.state == SE_CELL_SUPPRESSED)
		cell.flag = c->flag[k] < s->nflags ? s->flags[c->flag[k]] :
		    "*";
	if (cell.state != SE_CELL_CONFLICT && c->release[k])
		cell.release = se_release_name(c->release[k]);
	if (cell.state == SE_CELL_VALUE)
		limits_of(&x->cols[x->order[p]], ie, &cell);
	return cell;
}

bool
se_store_has_series(const se_store *s, size_t i, size_t e)
{
	const struct series *x = ser(s, i);
	size_t ie = s->ent_order[e], p;

	for (p = 0; p < x->ncols; p++) {
		const struct cells *c = page_of(&x->cols[p], ie);
		if (c && c->state[ie % PAGE_CELLS] != SE_CELL_ABSENT)
			return true;
	}
	return false;
}
