/* format.c: load formats/ into a model: frameworks, their kinds (fields,
 * sections, variants, rules, judgement words) and areas; the shared scales
 * and bank holidays.  The schema is formats/README.md. */
#include "format_internal.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct se_formats {
	se_arena *arena;
	se_doc **docs; /* the loaded format files, kept: the model points in */
	size_t ndocs, capdocs;
	se_framework **fws;
	size_t nfws;
	se_scale **scales;
	size_t nscales;
	regex_t **res;
	size_t nres, capres;
	se_workdays *workdays;
	char **layers; /* the directories, top layer first */
	size_t nlayers;
	se_diag *diag; /* while loading */
};

static const struct {
	const char *name;
	se_ftype type;
} types[] = {
	{ "string", SE_FT_STRING }, { "text", SE_FT_TEXT },
	{ "integer", SE_FT_INTEGER }, { "number", SE_FT_NUMBER },
	{ "boolean", SE_FT_BOOLEAN }, { "date", SE_FT_DATE },
	{ "enum", SE_FT_ENUM }, { "rating", SE_FT_RATING },
	{ "list", SE_FT_LIST }, { "map", SE_FT_MAP }, { "path", SE_FT_PATH },
	{ "indicator", SE_FT_INDICATOR }, { "evidence", SE_FT_EVIDENCE },
	{ "area", SE_FT_AREA }, { "url", SE_FT_URL }, { "email", SE_FT_EMAIL },
};

static bool
is_true(const se_node *n)
{
	const char *s = se_node_str(n);

	return s && (strcmp(s, "true") == 0 || strcmp(s, "yes") == 0);
}

static bool
number(const se_node *n, double *v)
{
	const char *s = se_node_str(n);
	char *end;

	if (!s || !*s)
		return false;
	*v = strtod(s, &end);
	return *end == '\0';
}

static void *
alloc(se_formats *f, size_t n, size_t size)
{
	if (n == 0)
		n = 1;
	if (n > SIZE_MAX / size)
		return NULL;
	return se_arena_alloc(f->arena, n * size);
}

static int
add_regex(se_formats *f, se_field *fd, const se_node *n)
{
	se_buf b;
	regex_t *re;
	int rc;

	if (f->nres == f->capres) {
		size_t cap = f->capres ? f->capres * 2 : 32;
		regex_t **v = realloc(f->res, cap * sizeof *v);
		if (!v)
			return -1;
		f->res = v;
		f->capres = cap;
	}
	re = malloc(sizeof *re);
	if (!re)
		return -1;
	se_buf_init(&b);
	se_buf_addf(&b, "^(%s)$", n->text);
	if (se_buf_failed(&b)) {
		free(re);
		return -1;
	}
	rc = regcomp(re, se_buf_str(&b), REG_EXTENDED | REG_NOSUB);
	se_buf_release(&b);
	if (rc != 0) {
		free(re);
		return se_diag_error(f->diag, &n->pos, "format",
		    "pattern '%s' is not a valid regular expression", n->text);
	}
	f->res[f->nres++] = re;
	fd->re = re;
	fd->pattern = n->text;
	return 0;
}

static int load_field(se_formats *f, se_field *fd, const char *name,
    const se_node *spec, int depth);

static int
load_fields(se_formats *f, se_field *fd, const se_node *fields, int depth)
{
	size_t i;

	if (fields->kind != SE_NODE_MAP)
		return se_diag_error(f->diag, &fields->pos, "format",
		    "'fields' must be a map of field names to their specs");
	fd->fields = alloc(f, fields->n, sizeof *fd->fields);
	if (!fd->fields)
		return -1;
	for (i = 0; i < fields->n; i++)
		if (load_field(f, &fd->fields[fd->nfields++],
		    fields->keys[i]->text, fields->items[i], depth + 1) < 0)
			return -1;
	return 0;
}

static int
load_type(se_formats *f, se_field *fd, const se_node *spec)
{
	const se_node *t = se_node_get(spec, "type");
	const char *ts = se_node_str(t);
	size_t i;

	if (!ts)
		return se_diag_error(f->diag, &spec->pos, "format",
		    "field '%s' needs a 'type'", fd->name ? fd->name : "(items)");
	for (i = 0; i < sizeof types / sizeof types[0]; i++)
		if (strcmp(ts, types[i].name) == 0) {
			fd->type = types[i].type;
			return 0;
		}
	return se_diag_error(f->diag, &t->pos, "format",
	    "'%s' is not a field type: use string, text, integer, number, "
	    "boolean, date, enum, rating, list, map, path, indicator, "
	    "evidence, area, url or email", ts);
}

static int
load_when(se_formats *f, se_field *fd, const se_node *w)
{
	if (w->kind != SE_NODE_MAP || w->n != 1 || !se_node_str(w->items[0]))
		return se_diag_error(f->diag, &w->pos, "format",
		    "'required-when' must be one field and its value, e.g. "
		    "{stage: final}");
	fd->when_field = w->keys[0]->text;
	fd->when_value = w->items[0]->text;
	return 0;
}

static int
load_field(se_formats *f, se_field *fd, const char *name,
    const se_node *spec, int depth)
{
	const se_node *n;
	double v;

	fd->name = name;
	fd->spec = spec;
	if (depth > SE_MAX_DEPTH)
		return se_diag_error(f->diag, &spec->pos, "format",
		    "fields nest too deeply");
	if (spec->kind != SE_NODE_MAP)
		return se_diag_error(f->diag, &spec->pos, "format",
		    "the spec of field '%s' must be a map with a 'type'",
		    name ? name : "(items)");
	if (load_type(f, fd, spec) < 0)
		return -1;
	fd->title = se_node_str(se_node_get(spec, "title"));
	fd->required = is_true(se_node_get(spec, "required"));
	fd->start = is_true(se_node_get(spec, "start"));
	fd->na = is_true(se_node_get(spec, "na"));
	fd->contact = is_true(se_node_get(spec, "contact"));
	fd->evidence = is_true(se_node_get(spec, "evidence"));
	fd->theme = is_true(se_node_get(spec, "theme"));
	if ((n = se_node_get(spec, "required-when")) && load_when(f, fd, n) < 0)
		return -1;
	if ((n = se_node_get(spec, "pattern")) && n->text &&
	    add_regex(f, fd, n) < 0)
		return -1;
	if ((n = se_node_get(spec, "min")) && number(n, &v)) {
		fd->has_min = true;
		fd->min = v;
	}
	if ((n = se_node_get(spec, "max")) && number(n, &v)) {
		fd->has_max = true;
		fd->max = v;
	}
	if ((n = se_node_get(spec, "words")) && number(n, &v) && v > 0)
		fd->words = (size_t)v;
	fd->values = se_node_get(spec, "values");
	fd->value_aliases = se_node_get(spec, "value-aliases");
	if (fd->type == SE_FT_ENUM &&
	    (!fd->values || fd->values->kind != SE_NODE_LIST))
		return se_diag_error(f->diag, &spec->pos, "format",
		    "enum field '%s' needs a list of 'values'",
		    name ? name : "(items)");
	if (fd->type == SE_FT_RATING) {
		const char *sc = se_node_str(se_node_get(spec, "scale"));
		fd->scale = sc ? se_formats_scale(f, sc) : NULL;
		if (!fd->scale)
			return se_diag_error(f->diag, &spec->pos, "format",
			    "rating field '%s' needs a 'scale' defined in "
			    "scales.yaml%s%s%s", name ? name : "(items)",
			    sc ? " ('" : "", sc ? sc : "", sc ? "' is not)" : "");
	}
	/* A list without 'items:' takes items of any shape. */
	if (fd->type == SE_FT_LIST && (n = se_node_get(spec, "items"))) {
		fd->items = alloc(f, 1, sizeof *fd->items);
		if (!fd->items || load_field(f, fd->items, NULL, n, depth + 1) < 0)
			return -1;
	}
	if (fd->type == SE_FT_MAP) {
		if ((n = se_node_get(spec, "fields")) &&
		    load_fields(f, fd, n, depth) < 0)
			return -1;
		if ((n = se_node_get(spec, "values")) && n->kind == SE_NODE_MAP) {
			fd->values_spec = alloc(f, 1, sizeof *fd->values_spec);
			if (!fd->values_spec ||
			    load_field(f, fd->values_spec, NULL, n, depth + 1) < 0)
				return -1;
		}
	}
	return 0;
}

static const char *presences[] = { "optional", "recommended", "required" };

/* 'key' of 'n', a list of strings (the key questions, the guidance),
 * into 'out'; a single string is a list of one. */
static int
load_strings(se_formats *f, const se_node *n, const char *key,
    const char ***out, size_t *nout)
{
	const se_node *l = se_node_get(n, key);
	size_t i;

	*nout = 0;
	if (!l)
		return 0;
	if (l->kind == SE_NODE_MAP)
		return se_diag_error(f->diag, &l->pos, "format",
		    "'%s' must be a list of sentences", key);
	*out = alloc(f, l->kind == SE_NODE_LIST ? l->n : 1, sizeof **out);
	if (!*out)
		return -1;
	if (l->kind == SE_NODE_SCALAR) {
		(*out)[(*nout)++] = l->text;
		return 0;
	}
	for (i = 0; i < l->n; i++)
		if (se_node_str(l->items[i]))
			(*out)[(*nout)++] = l->items[i]->text;
	return 0;
}

static int
load_section(se_formats *f, se_fsection *s, const se_node *n)
{
	const se_node *a;
	const char *p;
	double v;
	size_t i;

	if (n->kind != SE_NODE_MAP)
		return se_diag_error(f->diag, &n->pos, "format",
		    "a section must be a map with an 'id' and a 'title'");
	s->id = se_node_str(se_node_get(n, "id"));
	s->title = se_node_str(se_node_get(n, "title"));
	if (!s->id || !s->title)
		return se_diag_error(f->diag, &n->pos, "format",
		    "a section needs an 'id' and a 'title'");
	s->presence = SE_PRESENCE_OPTIONAL;
	p = se_node_str(se_node_get(n, "presence"));
	if (p) {
		for (i = 0; i < 3; i++)
			if (strcmp(p, presences[i]) == 0)
				break;
		if (i == 3)
			return se_diag_error(f->diag,
			    &se_node_get(n, "presence")->pos, "format",
			    "presence '%s' is not required, recommended or "
			    "optional", p);
		s->presence = (int)i;
	}
	if (number(se_node_get(n, "level"), &v) && v >= 1 && v <= 6)
		s->level = (int)v;
	if (number(se_node_get(n, "words"), &v) && v > 0)
		s->words = (size_t)v;
	s->evidence = is_true(se_node_get(n, "evidence"));
	s->theme = is_true(se_node_get(n, "theme"));
	if (load_strings(f, n, "questions", &s->questions, &s->nquestions) < 0
	    || load_strings(f, n, "guidance", &s->guidance, &s->nguidance) < 0)
		return -1;
	a = se_node_get(n, "aliases");
	if (a && a->kind == SE_NODE_LIST) {
		s->aliases = alloc(f, a->n, sizeof *s->aliases);
		if (!s->aliases)
			return -1;
		for (i = 0; i < a->n; i++)
			if (se_node_str(a->items[i]))
				s->aliases[s->naliases++] = a->items[i]->text;
	}
	return 0;
}

static int
load_sections(se_formats *f, const se_node *list, se_fsection **out,
    size_t *nout)
{
	size_t i;

	if (list->kind != SE_NODE_LIST)
		return se_diag_error(f->diag, &list->pos, "format",
		    "'sections' must be a list");
	*out = alloc(f, list->n, sizeof **out);
	if (!*out)
		return -1;
	for (i = 0; i < list->n; i++)
		if (load_section(f, &(*out)[(*nout)++], list->items[i]) < 0)
			return -1;
	return 0;
}

static int
load_variants(se_formats *f, se_format *fm, const se_node *v)
{
	const se_node *cases = se_node_get(v, "cases");
	size_t i;

	fm->variant_field = se_node_str(se_node_get(v, "field"));
	if (!fm->variant_field || !cases || cases->kind != SE_NODE_MAP)
		return se_diag_error(f->diag, &v->pos, "format",
		    "'variants' needs a 'field' and a map of 'cases'");
	fm->variants = alloc(f, cases->n, sizeof *fm->variants);
	if (!fm->variants)
		return -1;
	for (i = 0; i < cases->n; i++) {
		se_variant *var = &fm->variants[fm->nvariants++];
		const se_node *c = cases->items[i], *secs;
		var->value = cases->keys[i]->text;
		var->title = se_node_str(se_node_get(c, "title"));
		if (load_strings(f, c, "questions", &var->questions,
		    &var->nquestions) < 0 || load_strings(f, c, "guidance",
		    &var->guidance, &var->nguidance) < 0)
			return -1;
		secs = se_node_get(c, "sections");
		if (secs && load_sections(f, secs, &var->sections,
		    &var->nsections) < 0)
			return -1;
	}
	return 0;
}

static int
load_rules(se_formats *f, se_format *fm, const se_node *rules)
{
	size_t i;

	if (rules->kind != SE_NODE_LIST)
		return se_diag_error(f->diag, &rules->pos, "format",
		    "'rules' must be a list of {rule: NAME, ...}");
	fm->rules = alloc(f, rules->n, sizeof *fm->rules);
	if (!fm->rules)
		return -1;
	for (i = 0; i < rules->n; i++) {
		const char *name = se_node_str(se_node_get(rules->items[i],
		    "rule"));
		if (!name)
			return se_diag_error(f->diag, &rules->items[i]->pos,
			    "format", "each rule needs a 'rule' name");
		fm->rules[fm->nrules].name = name;
		fm->rules[fm->nrules++].node = rules->items[i];
	}
	return 0;
}

static int
load_judgement(se_formats *f, se_format *fm, const se_node *jw)
{
	size_t i;

	if (jw->kind != SE_NODE_LIST)
		return se_diag_error(f->diag, &jw->pos, "format",
		    "'judgement-words' must be a list of words");
	fm->judgement = alloc(f, jw->n, sizeof *fm->judgement);
	if (!fm->judgement)
		return -1;
	for (i = 0; i < jw->n; i++)
		if (se_node_str(jw->items[i]))
			fm->judgement[fm->njudgement++] = jw->items[i]->text;
	return 0;
}

static se_framework *
framework(se_formats *f, const char *name, bool create)
{
	se_framework **v, *fw;
	size_t i;

	for (i = 0; i < f->nfws; i++)
		if (strcmp(f->fws[i]->name, name) == 0)
			return f->fws[i];
	if (!create)
		return NULL;
	v = realloc(f->fws, (f->nfws + 1) * sizeof *v);
	if (!v)
		return NULL;
	f->fws = v;
	fw = se_arena_alloc(f->arena, sizeof *fw);
	if (!fw)
		return NULL;
	fw->name = se_arena_strdup(f->arena, name);
	if (!fw->name)
		return NULL;
	f->fws[f->nfws++] = fw;
	return fw;
}

static int
add_format(se_formats *f, se_framework *fw, se_format *fm)
{
	se_format **v = realloc(fw->formats, (fw->nformats + 1) * sizeof *v);

	if (!v)
		return -1;
	fw->formats = v;
	fw->formats[fw->nformats++] = fm;
	fm->fw = fw;
	(void)f;
	return 0;
}

static int
load_format(se_formats *f, const se_doc *doc, const char *dirname)
{
	const se_node *root = doc->meta, *n;
	se_format *fm;
	se_framework *fw;

	fm = se_arena_alloc(f->arena, sizeof *fm);
	if (!fm)
		return -1;
	fm->root = root;
	fm->kind = se_node_str(se_node_get(root, "format"));
	fm->framework = se_node_str(se_node_get(root, "framework"));
	fm->title = se_node_str(se_node_get(root, "title"));
	fm->syntax = se_node_str(se_node_get(root, "syntax"));
	fm->adopts = se_node_str(se_node_get(root, "adopts"));
	if (!fm->framework)
		fm->framework = dirname;
	if (strcmp(fm->framework, dirname) != 0)
		return se_diag_error(f->diag, &root->pos, "format",
		    "framework '%s' does not match its directory '%s'",
		    fm->framework, dirname);
	if (!fm->title)
		fm->title = fm->kind;
	fm->top.type = SE_FT_MAP;
	fm->top.spec = root;
	if ((n = se_node_get(root, "fields")) &&
	    load_fields(f, &fm->top, n, 0) < 0)
		return -1;
	if ((n = se_node_get(root, "sections")) &&
	    load_sections(f, n, &fm->sections, &fm->nsections) < 0)
		return -1;
	if ((n = se_node_get(root, "variants")) && load_variants(f, fm, n) < 0)
		return -1;
	if ((n = se_node_get(root, "rules")) && load_rules(f, fm, n) < 0)
		return -1;
	if ((n = se_node_get(root, "judgement-words")) &&
	    load_judgement(f, fm, n) < 0)
		return -1;
	if (load_strings(f, root, "guidance", &fm->guidance, &fm->nguidance) < 0)
		return -1;
	fw = framework(f, fm->framework, true);
	if (!fw)
		return -1;
	return add_format(f, fw, fm);
}

static int
load_areas(se_formats *f, const se_node *areas, const char *dirname)
{
	se_framework *fw = framework(f, dirname, true);
	size_t i;

	if (!fw)
		return -1;
	if (areas->kind != SE_NODE_LIST)
		return se_diag_error(f->diag, &areas->pos, "format",
		    "'areas' must be a list of {id, title}");
	fw->areas = alloc(f, areas->n, sizeof *fw->areas);
	if (!fw->areas)
		return -1;
	for (i = 0; i < areas->n; i++) {
		const se_node *a = areas->items[i];
		const char *id = se_node_str(se_node_get(a, "id"));
		if (!id)
			return se_diag_error(f->diag, &a->pos, "format",
			    "each area needs an 'id'");
		fw->areas[fw->nareas].id = id;
		fw->areas[fw->nareas++].title =
		    se_node_str(se_node_get(a, "title"));
	}
	return 0;
}

static int
load_scales(se_formats *f, const se_node *scales)
{
	se_scale **v;
	size_t i;

	if (scales->kind != SE_NODE_LIST)
		return se_diag_error(f->diag, &scales->pos, "format",
		    "'scales' must be a list");
	v = realloc(f->scales, (f->nscales + scales->n + 1) * sizeof *v);
	if (!v)
		return -1;
	f->scales = v;
	for (i = 0; i < scales->n; i++) {
		se_scale *s = se_scale_from_node(scales->items[i], f->diag);
		const se_scale *had;
		if (!s)
			return -1;
		if ((had = se_formats_scale(f, se_scale_id(s))) != NULL) {
			se_diag_error(f->diag, &scales->items[i]->pos, "format",
			    "scale '%s' is defined twice (also in another "
			    "scales.yaml of the formats): give it another id",
			    se_scale_id(s));
			se_scale_free(s);
			continue;
		}
		f->scales[f->nscales++] = s;
	}
	return 0;
}

static int
load_holidays(se_formats *f, const se_node *list)
{
	size_t i;
	long day;

	if (list->kind != SE_NODE_LIST)
		return se_diag_error(f->diag, &list->pos, "format",
		    "'bank-holidays' must be a list of dates");
	for (i = 0; i < list->n; i++) {
		const se_node *d = list->items[i];
		if (!se_node_str(d) || !se_ymd_parse(d->text, d->len, &day))
			return se_diag_error(f->diag, &d->pos, "format",
			    "bank holiday '%s' is not a date (YYYY-MM-DD)",
			    se_node_str(d) ? d->text : "");
		if (se_workdays_add_holiday(f->workdays, day) < 0)
			return -1;
	}
	return 0;
}

static int
keep_doc(se_formats *f, se_doc *doc)
{
	if (f->ndocs == f->capdocs) {
		size_t cap = f->capdocs ? f->capdocs * 2 : 16;
		se_doc **v = realloc(f->docs, cap * sizeof *v);
		if (!v)
			return -1;
		f->docs = v;
		f->capdocs = cap;
	}
	f->docs[f->ndocs++] = doc;
	return 0;
}

static int
cmpstr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The entries of 'dir' (no dot files), sorted; NULL on failure. */
static char **
list_dir(const char *dir, size_t *n)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **v = NULL, **nv;
	size_t cap = 0;

	*n = 0;
	if (!d)
		return NULL;
	while ((e = readdir(d)) != NULL) {
		char *s;
		if (e->d_name[0] == '.')
			continue;
		if (*n + 1 >= cap) {
			cap = cap ? cap * 2 : 16;
			nv = realloc(v, cap * sizeof *v);
			if (!nv)
				goto fail;
			v = nv;
		}
		s = malloc(strlen(e->d_name) + 1);
		if (!s)
			goto fail;
		memcpy(s, e->d_name, strlen(e->d_name) + 1);
		v[(*n)++] = s;
	}
	closedir(d);
	if (!v)
		v = calloc(1, sizeof *v);
	if (v && *n)
		qsort(v, *n, sizeof *v, cmpstr);
	return v;
fail:
	closedir(d);
	while (*n)
		free(v[--*n]);
	free(v);
	return NULL;
}

static void
free_list(char **v, size_t n)
{
	while (n)
		free(v[--n]);
	free(v);
}

/* Load one YAML file of framework 'dirname' (NULL at the top level). */
static int
load_file(se_formats *f, const char *path, const char *dirname)
{
	se_doc *doc = se_doc_load(path, f->diag);
	const se_node *root, *n;

	if (!doc)
		return 0; /* the reason is in the sink; go on with the rest */
	if (keep_doc(f, doc) < 0) {
		se_doc_free(doc);
		return -1;
	}
	root = doc->meta;
	if (!root || root->kind != SE_NODE_MAP)
		return 0;
	if ((n = se_node_get(root, "scales")))
		(void)load_scales(f, n);
	else if ((n = se_node_get(root, "bank-holidays")))
		(void)load_holidays(f, n);
	if (!dirname)
		return 0;
	/* A mistake in one file is reported and the others still load. */
	if (se_node_get(root, "format"))
		(void)load_format(f, doc, dirname);
	else if ((n = se_node_get(root, "areas")))
		(void)load_areas(f, n, dirname);
	return 0;
}

static bool
is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* One file of the merged tree: its path below the layers ("shared/x.yaml",
 * "x.yaml"), its framework directory (NULL at the top level) and the path
 * of the top layer's copy, which hides the others. */
struct entry {
	char *rel, *path, *fw;
};

struct tree {
	struct entry *v;
	size_t n, cap;
};

static void
tree_release(struct tree *t)
{
	size_t i;

	for (i = 0; i < t->n; i++) {
		free(t->v[i].rel);
		free(t->v[i].path);
		free(t->v[i].fw);
	}
	free(t->v);
}

static char *
dup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = malloc(n);

	if (p)
		memcpy(p, s, n);
	return p;
}

/* Add 'rel' unless a layer above has it. */
static int
tree_add(struct tree *t, const char *layer, const char *fw, const char *name)
{
	struct entry *e;
	se_buf b;
	size_t i;

	se_buf_init(&b);
	if (fw)
		se_buf_addf(&b, "%s/%s", fw, name);
	else
		se_buf_adds(&b, name);
	if (se_buf_failed(&b))
		return -1;
	for (i = 0; i < t->n; i++)
		if (strcmp(t->v[i].rel, se_buf_str(&b)) == 0) {
			se_buf_release(&b);
			return 0;
		}
	if (t->n == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 32;
		e = realloc(t->v, cap * sizeof *e);
		if (!e) {
			se_buf_release(&b);
			return -1;
		}
		t->v = e;
		t->cap = cap;
	}
	e = &t->v[t->n];
	e->rel = se_buf_take(&b);
	se_buf_init(&b);
	se_buf_addf(&b, "%s/%s", layer, e->rel);
	e->path = se_buf_take(&b);
	e->fw = fw ? dup(fw) : NULL;
	if (!e->rel || !e->path || (fw && !e->fw)) {
		free(e->rel);
		free(e->path);
		free(e->fw);
		return -1;
	}
	t->n++;
	return 0;
}

/* The YAML files of one layer: at its top and one directory down. */
static int
tree_layer(struct tree *t, const char *dir)
{
	char **top, **sub;
	size_t ntop, nsub, i, j;
	se_buf p;
	int rc = 0;

	top = list_dir(dir, &ntop);
	if (!top)
		return -1;
	se_buf_init(&p);
	for (i = 0; i < ntop && rc == 0; i++) {
		se_buf_reset(&p);
		se_buf_addf(&p, "%s/%s", dir, top[i]);
		if (se_buf_failed(&p)) {
			rc = -1;
			break;
		}
		if (!is_dir(se_buf_str(&p))) {
			if (se_ends_with(top[i], ".yaml"))
				rc = tree_add(t, dir, NULL, top[i]);
			continue;
		}
		sub = list_dir(se_buf_str(&p), &nsub);
		if (!sub)
			continue;
		for (j = 0; j < nsub && rc == 0; j++)
			if (se_ends_with(sub[j], ".yaml"))
				rc = tree_add(t, dir, top[i], sub[j]);
		free_list(sub, nsub);
	}
	free_list(top, ntop);
	se_buf_release(&p);
	return rc;
}

static int
cmp_entry(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->rel,
	    ((const struct entry *)b)->rel);
}

/* Scales first (rating fields refer to them: the shared ones and each
 * framework's own scales.yaml) and the bank holidays, then the rest. */
static bool
is_scales(const struct entry *e)
{
	const char *name = e->fw ? e->rel + strlen(e->fw) + 1 : e->rel;

	return !e->fw || strcmp(name, "scales.yaml") == 0 ||
	    (strcmp(e->fw, "shared") == 0 &&
	    strcmp(name, "bank-holidays.yaml") == 0);
}

static int
load_tree(se_formats *f, const struct tree *t)
{
	size_t i;
	int pass;

	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < t->n; i++) {
			const struct entry *e = &t->v[i];
			if (is_scales(e) != (pass == 0))
				continue;
			if (!e->fw && pass == 1)
				continue;
			if (load_file(f, e->path, e->fw) < 0)
				return -1;
		}
	return 0;
}

/* Split "A:B:C" into f->layers, skipping empty parts. */
static int
split_layers(se_formats *f, const char *dirs)
{
	const char *p = dirs, *q;
	size_t n = 1;

	for (q = dirs; *q; q++)
		n += *q == ':';
	f->layers = calloc(n, sizeof *f->layers);
	if (!f->layers)
		return -1;
	while (*p) {
		q = strchr(p, ':');
		if (!q)
			q = p + strlen(p);
		if (q > p) {
			char *d = malloc((size_t)(q - p) + 1);
			if (!d)
				return -1;
			memcpy(d, p, (size_t)(q - p));
			d[q - p] = '\0';
			f->layers[f->nlayers++] = d;
		}
		p = *q ? q + 1 : q;
	}
	return 0;
}

se_formats *
se_formats_load(const char *dirs, se_diag *diag)
{
	se_formats *f;
	struct tree t = { NULL, 0, 0 };
	size_t i;
	bool bad = false;

	f = calloc(1, sizeof *f);
	if (!f)
		return NULL;
	if (split_layers(f, dirs) < 0) {
		se_formats_free(f);
		return NULL;
	}
	for (i = 0; i < f->nlayers; i++)
		if (!is_dir(f->layers[i])) {
			se_pos pos = { f->layers[i], 0, 0 };
			se_diag_error(diag, &pos, "formats",
			    "cannot read the formats directory: it does not "
			    "exist or is not a directory");
			bad = true;
		}
	if (bad || f->nlayers == 0) {
		if (f->nlayers == 0) {
			se_pos pos = { dirs, 0, 0 };
			se_diag_error(diag, &pos, "formats",
			    "no formats directory given");
		}
		se_formats_free(f);
		return NULL;
	}
	f->diag = diag;
	f->arena = se_arena_new(0);
	f->workdays = se_workdays_new();
	for (i = 0; i < f->nlayers; i++)
		if (tree_layer(&t, f->layers[i]) < 0)
			bad = true;
	if (!bad && t.n > 1)
		qsort(t.v, t.n, sizeof *t.v, cmp_entry);
	if (bad || !f->arena || !f->workdays || load_tree(f, &t) < 0) {
		tree_release(&t);
		se_formats_free(f);
		return NULL;
	}
	tree_release(&t);
	f->diag = NULL;
	return f;
}

void
se_formats_free(se_formats *f)
{
	size_t i;

	if (!f)
		return;
	for (i = 0; i < f->nres; i++) {
		regfree(f->res[i]);
		free(f->res[i]);
	}
	free(f->res);
	for (i = 0; i < f->nscales; i++)
		se_scale_free(f->scales[i]);
	free(f->scales);
	for (i = 0; i < f->nfws; i++)
		free(f->fws[i]->formats);
	free(f->fws);
	for (i = 0; i < f->ndocs; i++)
		se_doc_free(f->docs[i]);
	free(f->docs);
	for (i = 0; i < f->nlayers; i++)
		free(f->layers[i]);
	free(f->layers);
	se_workdays_free(f->workdays);
	se_arena_free(f->arena);
	free(f);
}

bool
se_formats_has_framework(const se_formats *f, const char *name)
{
	size_t i;

	for (i = 0; i < f->nfws; i++)
		if (strcmp(f->fws[i]->name, name) == 0 && f->fws[i]->nformats)
			return true;
	return false;
}

static const se_format *
find_in(const se_framework *fw, const char *kind)
{
	size_t i;

	for (i = 0; i < fw->nformats; i++)
		if (fw->formats[i]->kind && strcmp(fw->formats[i]->kind, kind) == 0)
			return fw->formats[i];
	return NULL;
}

const se_format *
se_formats_find(const se_formats *f, const char *fwname, const char *kind)
{
	const se_format *fm;
	size_t i, hops;

	if (!fwname)
		fwname = "shared";
	for (hops = 0; hops < 8; hops++) {
		fm = NULL;
		for (i = 0; i < f->nfws && !fm; i++)
			if (strcmp(f->fws[i]->name, fwname) == 0)
				fm = find_in(f->fws[i], kind);
		if (!fm || !fm->adopts)
			return fm;
		fwname = fm->adopts;
	}
	return NULL;
}

bool
se_formats_has_kind(const se_formats *f, const char *kind)
{
	size_t i;

	for (i = 0; i < f->nfws; i++)
		if (find_in(f->fws[i], kind))
			return true;
	return false;
}

const se_scale *
se_formats_scale(const se_formats *f, const char *id)
{
	size_t i;

	for (i = 0; i < f->nscales; i++)
		if (strcmp(se_scale_id(f->scales[i]), id) == 0)
			return f->scales[i];
	return NULL;
}

const se_workdays *
se_formats_workdays(const se_formats *f)
{
	return f->workdays;
}

const char *
se_formats_area(const se_formats *f, const char *fwname, const char *id)
{
	size_t i, j;

	for (i = 0; i < f->nfws; i++) {
		if (fwname && strcmp(f->fws[i]->name, fwname) != 0)
			continue;
		for (j = 0; j < f->fws[i]->nareas; j++)
			if (strcmp(f->fws[i]->areas[j].id, id) == 0)
				return f->fws[i]->areas[j].title ?
				    f->fws[i]->areas[j].title : id;
	}
	return NULL;
}

const char *
se_format_kind(const se_format *fm)
{
	return fm->kind;
}

const char *
se_format_framework(const se_format *fm)
{
	return fm->framework;
}

const char *
se_format_title(const se_format *fm)
{
	return fm->title;
}

const se_node *
se_format_node(const se_format *fm)
{
	return fm->root;
}

const se_scale *
se_format_area_scale(const se_formats *f, const se_format *fm,
    const char *fallback)
{
	const se_node *fields = fm ? se_node_path(fm->root,
	    "fields.areas.fields") : NULL;
	const char *id = NULL;
	size_t i;

	for (i = 0; fields && fields->kind == SE_NODE_MAP && i < fields->n &&
	    !id; i++)
		id = se_node_str(se_node_path(fields->items[i],
		    "fields.rating.scale"));
	if (!id)
		id = fallback;
	return id ? se_formats_scale(f, id) : NULL;
}

const se_variant *
se_format_variant(const se_format *fm, const se_doc *doc)
{
	const char *v = fm->variant_field ? se_node_str(se_node_get(doc->meta,
	    fm->variant_field)) : NULL;
	size_t i;

	for (i = 0; v && i < fm->nvariants; i++)
		if (strcmp(fm->variants[i].value, v) == 0)
			return &fm->variants[i];
	return NULL;
}

bool
se_fsection_matches(const se_fsection *fs, const se_section *s)
{
	size_t i, len;

	if (!s->title)
		return false;
	len = strlen(s->title);
	if (se_name_eq(s->title, len, fs->title))
		return true;
	for (i = 0; i < fs->naliases; i++)
		if (se_name_eq(s->title, len, fs->aliases[i]))
			return true;
	return false;
}

const char *
se_fsection_name(const se_fsection *fs)
{
	const char *best = fs->title;
	size_t i;

	for (i = 0; i < fs->naliases; i++)
		if (strlen(fs->aliases[i]) < strlen(best))
			best = fs->aliases[i];
	return best;
}

void
se_field_theme_name(const se_field *fd, se_buf *b)
{
	const char *s = fd->name ? fd->name : "items";
	size_t i;

	for (i = 0; s[i]; i++) {
		char c = s[i] == '_' || s[i] == '-' ? ' ' : s[i];
		if (i == 0 && c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		se_buf_addc(b, c);
	}
}

/* The theme lists under 'fd' (a map's fields, a list's items), as
 * "Name, Name" into 'b'; 'n' counts them. */
static void
field_themes(const se_field *fd, se_buf *b, size_t *n, int depth)
{
	size_t i;

	if (depth > SE_MAX_DEPTH)
		return;
	if (fd->theme) {
		se_buf_adds(b, (*n)++ ? ", " : "");
		se_field_theme_name(fd, b);
	}
	if (fd->items)
		field_themes(fd->items, b, n, depth + 1);
	for (i = 0; i < fd->nfields; i++)
		field_themes(&fd->fields[i], b, n, depth + 1);
}

static void
section_themes(const se_fsection *v, size_t nv, se_buf *b, size_t *n)
{
	size_t i;

	for (i = 0; i < nv; i++)
		if (v[i].theme) {
			se_buf_addf(b, "%s%s", (*n)++ ? ", " : "",
			    se_fsection_name(&v[i]));
		}
}

void
se_formats_list_themes(const se_formats *f, se_buf *b)
{
	size_t i, j, k, n, any = 0;
	se_buf one;

	se_buf_init(&one);
	for (i = 0; i < f->nfws; i++)
		for (j = 0; j < f->fws[i]->nformats; j++) {
			const se_format *fm = f->fws[i]->formats[j];
			n = 0;
			se_buf_reset(&one);
			section_themes(fm->sections, fm->nsections, &one, &n);
			for (k = 0; k < fm->nvariants; k++)
				section_themes(fm->variants[k].sections,
				    fm->variants[k].nsections, &one, &n);
			field_themes(&fm->top, &one, &n, 0);
			if (n == 0 || !fm->kind)
				continue;
			se_buf_addf(b, "%s%s %s: %s", any++ ? "; " : "",
			    fm->framework, fm->kind, se_buf_str(&one));
		}
	if (se_buf_failed(&one))
		b->failed = true;
	se_buf_release(&one);
	if (any == 0)
		se_buf_adds(b, "none");
}

const se_field *
se_format_field(const se_format *fm, const char *name)
{
	size_t i;

	for (i = 0; i < fm->top.nfields; i++)
		if (strcmp(fm->top.fields[i].name, name) == 0)
			return &fm->top.fields[i];
	return NULL;
}

const char *
se_field_label(const se_field *f)
{
	if (f->title)
		return f->title;
	return f->name ? f->name : "item";
}

static int
cmp_cstr(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Append 'v' (n names) sorted, without repeats, comma-separated. */
static void
add_sorted(se_buf *b, const char **v, size_t n)
{
	size_t i;

	if (n > 1)
		qsort(v, n, sizeof *v, cmp_cstr);
	for (i = 0; i < n; i++) {
		if (i > 0 && strcmp(v[i], v[i - 1]) == 0)
			continue;
		if (b->len)
			se_buf_adds(b, ", ");
		se_buf_adds(b, v[i]);
	}
}

void
se_formats_list_kinds(const se_formats *f, se_buf *b)
{
	const char **v;
	size_t i, j, n = 0, total = 0;

	for (i = 0; i < f->nfws; i++)
		total += f->fws[i]->nformats;
	v = calloc(total ? total : 1, sizeof *v);
	if (!v) {
		b->failed = true;
		return;
	}
	for (i = 0; i < f->nfws; i++)
		for (j = 0; j < f->fws[i]->nformats; j++)
			if (f->fws[i]->formats[j]->kind)
				v[n++] = f->fws[i]->formats[j]->kind;
	if (n == 0)
		se_buf_adds(b, "no kind");
	add_sorted(b, v, n);
	free(v);
}

void
se_formats_list_frameworks(const se_formats *f, const char *kind, se_buf *b)
{
	const char **v = calloc(f->nfws ? f->nfws : 1, sizeof *v);
	size_t i, n = 0;

	if (!v) {
		b->failed = true;
		return;
	}
	for (i = 0; i < f->nfws; i++) {
		if (!f->fws[i]->nformats)
			continue;
		if (kind && !se_formats_find(f, f->fws[i]->name, kind))
			continue;
		v[n++] = f->fws[i]->name;
	}
	if (n == 0)
		se_buf_adds(b, "no framework");
	add_sorted(b, v, n);
	free(v);
}

/* The name in 'list' ("a, b, c") nearest 'name' (edit distance 2 or
 * less), into 'out'; "" when none is near. */
static void
nearest_name(const char *list, const char *name, char *out, size_t n)
{
	size_t bd = 3;

	while (*list) {
		size_t len = strcspn(list, ",");
		char w[64];
		if (len < sizeof w) {
			size_t d;
			memcpy(w, list, len);
			w[len] = '\0';
			d = se_edit_distance(name, w);
			if (d < bd && len < n) {
				bd = d;
				memcpy(out, w, len + 1);
			}
		}
		list += len;
		while (*list == ',' || *list == ' ')
			list++;
	}
}

const se_format *
se_formats_resolve(const se_formats *f, const se_doc *doc, se_diag *diag)
{
	const se_node *kn = se_node_get(doc->meta, "kind");
	const se_node *fn = se_node_get(doc->meta, "framework");
	se_pos top = { doc->path, 0, 0 };
	const se_format *fm;
	se_buf b;

	if (!doc->kind || !*doc->kind) {
		se_diag_error(diag, &top, "no-kind",
		    "no 'kind': this file does not say which kind of document "
		    "it is (e.g. 'kind: self-evaluation')");
		return NULL;
	}
	se_buf_init(&b);
	if (!se_formats_has_kind(f, doc->kind)) {
		char near[64] = "";
		se_formats_list_kinds(f, &b);
		nearest_name(se_buf_str(&b), doc->kind, near, sizeof near);
		if (*near)
			se_diag_error(diag, kn ? &kn->pos : &top,
			    "unknown-kind", "kind '%s' is not known: did you "
			    "mean '%s'?", doc->kind, near);
		else
			se_diag_error(diag, kn ? &kn->pos : &top,
			    "unknown-kind", "kind '%s' is not known: the "
			    "formats define %s", doc->kind, se_buf_str(&b));
		se_buf_release(&b);
		return NULL;
	}
	if (!doc->framework || !*doc->framework) {
		fm = se_formats_find(f, NULL, doc->kind);
		if (!fm) {
			se_formats_list_frameworks(f, doc->kind, &b);
			se_diag_error(diag, kn ? &kn->pos : &top,
			    "unknown-framework", "no 'framework': name the "
			    "framework that defines this %s (%s)", doc->kind,
			    se_buf_str(&b));
		}
		se_buf_release(&b);
		return fm;
	}
	if (!se_formats_has_framework(f, doc->framework)) {
		se_formats_list_frameworks(f, NULL, &b);
		se_diag_error(diag, fn ? &fn->pos : &top, "unknown-framework",
		    "framework '%s' is not known: the formats define %s",
		    doc->framework, se_buf_str(&b));
		se_buf_release(&b);
		return NULL;
	}
	fm = se_formats_find(f, doc->framework, doc->kind);
	if (!fm) {
		se_formats_list_frameworks(f, doc->kind, &b);
		se_diag_error(diag, kn ? &kn->pos : &top, "unknown-kind",
		    "framework '%s' has no kind '%s': a %s is defined by %s",
		    doc->framework, doc->kind, doc->kind, se_buf_str(&b));
	}
	se_buf_release(&b);
	return fm;
}
