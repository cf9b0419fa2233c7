/* scale.c: rating scales.  A rating is read through the scale its field
 * names: by level id, label or alias, or by that scale's own numeric code
 * (se-formats(5) Scales: em4 counts 1..4 upwards, ns4 and ofsted4 4..1 downwards, so a
 * number is never assumed to mean the same on two scales). */
#include "internal.h"
#include "format_internal.h"

#include <stdlib.h>
#include <string.h>

struct level {
	char *id, *label;
	char **aliases;
	size_t naliases;
	bool has_code;
	long code;
};

struct se_scale {
	char *id, *title;
	struct level *levels;
	size_t n;
};

static char *
dupstr(const char *s)
{
	size_t n = strlen(s);
	char *p = malloc(n + 1);

	if (p)
		memcpy(p, s, n + 1);
	return p;
}

void
se_scale_free(se_scale *s)
{
	size_t i, j;

	if (!s)
		return;
	for (i = 0; i < s->n; i++) {
		free(s->levels[i].id);
		free(s->levels[i].label);
		for (j = 0; j < s->levels[i].naliases; j++)
			free(s->levels[i].aliases[j]);
		free(s->levels[i].aliases);
	}
	free(s->levels);
	free(s->id);
	free(s->title);
	free(s);
}

static bool
parse_code(const char *t, long *code)
{
	char *end;

	if (!t || !*t)
		return false;
	*code = strtol(t, &end, 10);
	return *end == '\0';
}

static int
load_level(struct level *lv, const se_node *n, const char *scale,
    se_diag *diag)
{
	const char *id = se_node_str(se_node_get(n, "id"));
	const char *label = se_node_str(se_node_get(n, "label"));
	const se_node *code = se_node_get(n, "code");
	const se_node *al = se_node_get(n, "aliases");
	size_t i;

	if (n->kind != SE_NODE_MAP || !id || !*id)
		return se_diag_error(diag, &n->pos, "format",
		    "a level of scale '%s' needs an 'id'", scale);
	lv->id = dupstr(id);
	lv->label = dupstr(label ? label : id);
	if (!lv->id || !lv->label)
		return -1;
	if (code) {
		if (!parse_code(se_node_str(code), &lv->code))
			return se_diag_error(diag, &code->pos, "format",
			    "the code of level '%s' of scale '%s' must be a "
			    "whole number", id, scale);
		lv->has_code = true;
	}
	if (!al)
		return 0;
	if (al->kind != SE_NODE_LIST)
		return se_diag_error(diag, &al->pos, "format",
		    "the aliases of level '%s' must be a list", id);
	lv->aliases = calloc(al->n ? al->n : 1, sizeof *lv->aliases);
	if (!lv->aliases)
		return -1;
	for (i = 0; i < al->n; i++) {
		const char *a = se_node_str(al->items[i]);
		if (!a)
			continue;
		lv->aliases[lv->naliases] = dupstr(a);
		if (!lv->aliases[lv->naliases])
			return -1;
		lv->naliases++;
	}
	return 0;
}

se_scale *
se_scale_from_node(const se_node *n, se_diag *diag)
{
	const char *id = se_node_str(se_node_get(n, "id"));
	const char *title = se_node_str(se_node_get(n, "title"));
	const se_node *levels = se_node_get(n, "levels");
	se_scale *s;
	size_t i;

	if (!n || n->kind != SE_NODE_MAP || !id || !*id) {
		se_diag_error(diag, n ? &n->pos : NULL, "format",
		    "a scale needs an 'id' and a list of 'levels'");
		return NULL;
	}
	if (!levels || levels->kind != SE_NODE_LIST || levels->n == 0) {
		se_diag_error(diag, &n->pos, "format",
		    "scale '%s' needs a list of 'levels', worst first", id);
		return NULL;
	}
	s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	s->id = dupstr(id);
	s->title = dupstr(title ? title : id);
	s->levels = calloc(levels->n, sizeof *s->levels);
	if (!s->id || !s->title || !s->levels)
		goto fail;
	for (i = 0; i < levels->n; i++) {
		if (load_level(&s->levels[s->n], levels->items[i], id, diag) < 0) {
			s->n++;
			goto fail;
		}
		s->n++;
	}
	return s;
fail:
	se_scale_free(s);
	return NULL;
}

const char *
se_scale_id(const se_scale *s)
{
	return s->id;
}

size_t
se_scale_len(const se_scale *s)
{
	return s->n;
}

const char *
se_scale_level_id(const se_scale *s, size_t level)
{
	return level < s->n ? s->levels[level].id : NULL;
}

const char *
se_scale_level_label(const se_scale *s, size_t level)
{
	return level < s->n ? s->levels[level].label : NULL;
}

bool
se_scale_level_code(const se_scale *s, size_t level, long *code)
{
	if (level >= s->n || !s->levels[level].has_code)
		return false;
	*code = s->levels[level].code;
	return true;
}

static bool
all_digits(const char *t, size_t len)
{
	size_t i;

	if (len == 0 || len > 9)
		return false;
	for (i = 0; i < len; i++)
		if (t[i] < '0' || t[i] > '9')
			return false;
	return true;
}

int
se_scale_parse(const se_scale *s, const char *text, size_t len)
{
	size_t i, j;

	while (len > 0 && (*text == ' ' || *text == '\t')) {
		text++;
		len--;
	}
	while (len > 0 && (text[len - 1] == ' ' || text[len - 1] == '\t'))
		len--;
	if (all_digits(text, len)) {
		long v = 0;
		for (i = 0; i < len; i++)
			v = v * 10 + (text[i] - '0');
		for (i = 0; i < s->n; i++)
			if (s->levels[i].has_code && s->levels[i].code == v)
				return (int)i;
		return -1;
	}
	if (len == 0)
		return -1;
	for (i = 0; i < s->n; i++) {
		const struct level *lv = &s->levels[i];
		if (se_name_eq(text, len, lv->id) ||
		    se_name_eq(text, len, lv->label))
			return (int)i;
		for (j = 0; j < lv->naliases; j++)
			if (se_name_eq(text, len, lv->aliases[j]))
				return (int)i;
	}
	return -1;
}

char *
se_scale_describe(const se_scale *s)
{
	se_buf b;
	size_t i;

	se_buf_init(&b);
	for (i = 0; i < s->n; i++) {
		if (i)
			se_buf_adds(&b, ", ");
		if (s->levels[i].has_code)
			se_buf_addf(&b, "%ld ", s->levels[i].code);
		se_buf_adds(&b, s->levels[i].id);
	}
	if (se_buf_failed(&b)) {
		se_buf_release(&b);
		return NULL;
	}
	return se_buf_take(&b);
}

se_direction
se_sos_direction(const se_formats *f, const se_node *row, se_direction *typed,
    se_diag *diag)
{
	const se_scale *rag = se_formats_scale(f, "rag");
	const se_scale *dir = se_formats_scale(f, "direction");
	const se_node *tn = se_node_get(row, "direction");
	const char *prev = se_node_str(se_node_get(row, "previous"));
	const char *cur = se_node_str(se_node_get(row, "current"));
	const char *t = se_node_str(tn);
	se_direction dn = rag ? se_scale_direction(rag, prev, cur) :
	    SE_DIR_UNKNOWN;
	int lv = t && dir ? se_scale_parse(dir, t, strlen(t)) : -1;

	/* The direction scale runs declining, stable, improving. */
	*typed = lv == 0 ? SE_DIR_DECLINING : lv == 1 ? SE_DIR_STABLE :
	    lv == 2 ? SE_DIR_IMPROVING : SE_DIR_UNKNOWN;
	if (diag && dn != SE_DIR_UNKNOWN && *typed != SE_DIR_UNKNOWN &&
	    *typed != dn)
		se_diag_warning(diag, &tn->pos, "direction-mismatch",
		    "direction of travel '%s' does not follow from '%s' to "
		    "'%s', which is %s: both are shown", t, prev, cur,
		    se_direction_name(dn));
	return dn;
}
