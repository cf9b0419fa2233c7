/* check.c: check a document against the format of its kind (se-validate(1),
 * se-formats(5)): kind and framework, fields (types, allowed values,
 * patterns, dates, ratings on their scale, list limits, word limits),
 * Markdown sections (present, answered, not duplicated), evidence, local
 * links and indicator references, the named rules (rules.c), and the
 * authors' guidance (judgement words).  CSV files and standard input are
 * checked in checkcsv.c. */
#include "check_internal.h"
#include "format_internal.h"
#include "plan_internal.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct range {
	unsigned from, to;
};

struct ck {
	const se_check *c;
	const se_doc *doc;
	const se_format *fm;
	const se_variant *variant;
	se_diag *diag;
	char *dir; /* the document's directory, for relative paths */
	const char **line; /* start of each line of doc->src (1-based) */
	size_t nlines;
	struct range *contact; /* lines of professional contact details */
	size_t ncontact, capcontact;
	struct range *narrative; /* lines of narrative text fields */
	size_t nnarrative, capnarrative;
	se_buf what;           /* "a self-assessment", for messages */
	bool final;            /* stage: final, or se-validate --final */
	bool oom;
};

static bool
is_empty(const se_node *n)
{
	return !n || (n->kind == SE_NODE_SCALAR && n->len == 0);
}

static void
add_range(struct ck *k, struct range **v, size_t *n, size_t *cap,
    const se_node *node)
{
	if (*n == *cap) {
		size_t c = *cap ? *cap * 2 : 16;
		struct range *nv = realloc(*v, c * sizeof *nv);
		if (!nv) {
			k->oom = true;
			return;
		}
		*v = nv;
		*cap = c;
	}
	(*v)[*n].from = node->pos.line;
	(*v)[*n].to = node->end_line > node->pos.line ? node->end_line :
	    node->pos.line;
	(*n)++;
}

/* ---- references: paths, URLs, indicator:ID ----------------------------- */

static bool
has_scheme(const char *s)
{
	const char *p = s;

	if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
		return false;
	while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
	    (*p >= '0' && *p <= '9') || *p == '+' || *p == '-' || *p == '.')
		p++;
	return *p == ':' && p - s > 1; /* "C:" is a drive, not a scheme */
}

static bool
path_exists(const struct ck *k, const char *target, size_t len)
{
	se_buf p;
	struct stat st;
	bool ok;
	size_t i;

	se_buf_init(&p);
	if (target[0] != '/') {
		se_buf_adds(&p, k->dir);
		se_buf_addc(&p, '/');
	}
	for (i = 0; i < len; i++) {
		/* %20 and friends, as Markdown links write spaces */
		if (target[i] == '%' && i + 2 < len + 0 &&
		    strchr("0123456789abcdefABCDEF", target[i + 1]) &&
		    strchr("0123456789abcdefABCDEF", target[i + 2])) {
			char hex[3] = { target[i + 1], target[i + 2], 0 };
			se_buf_addc(&p, (char)strtol(hex, NULL, 16));
			i += 2;
		} else {
			se_buf_addc(&p, target[i]);
		}
	}
	ok = !se_buf_failed(&p) && stat(se_buf_str(&p), &st) == 0;
	se_buf_release(&p);
	return ok;
}

static bool
indicator_known(const struct ck *k, const char *id)
{
	if (!k->c->indicator_known)
		return true;
	return k->c->indicator_known(k->c->indicator_ctx, id);
}

/* Check one reference: a URL (accepted), indicator:ID (must be in the
 * catalogue when one is known), or a path relative to the document's
 * directory (must exist).  'text_ok': free text ("Ofsted letter, March
 * 2018") is accepted as a description of the evidence. */
static void
check_ref(struct ck *k, const char *ref, const se_pos *pos, bool text_ok)
{
	size_t len;

	while (*ref == ' ')
		ref++;
	len = strcspn(ref, "#?");
	while (len > 0 && ref[len - 1] == ' ')
		len--;
	if (len == 0)
		return;
	if (se_strncasecmp(ref, "indicator:", 10) == 0) {
		char id[256];
		size_t n = len - 10;
		if (n >= sizeof id)
			n = sizeof id - 1;
		memcpy(id, ref + 10, n);
		id[n] = '\0';
		if (n == 0 || !indicator_known(k, id))
			se_diag_error(k->diag, pos, "unknown-indicator",
			    "indicator '%s' is not in the indicator catalogue: "
			    "check the id", id);
		return;
	}
	if (has_scheme(ref))
		return;
	if (text_ok && memchr(ref, ' ', len))
		return;
	if (!path_exists(k, ref, len))
		se_diag_error(k->diag, pos, "broken-link",
		    "'%.*s' does not lead to a file: check the path (relative "
		    "to this document's folder)", (int)len, ref);
}

/* indicator:ID references written in running text, s[0..len): in a YAML
 * value ('body_line' 0) reported at the value's position 'at'; in a
 * Markdown body starting at 'body_line', at the reference.  The link
 * form ("](indicator:ID)", "<indicator:ID>") is a link, checked as one. */
static void
check_refs_in(struct ck *k, const char *s, size_t len, const se_pos *at,
    unsigned body_line)
{
	const char *p = s, *end = s + len, *line = s, *q;
	unsigned lineno = body_line;

	while (p + 10 <= end) {
		char id[128];
		size_t n = 0;
		se_pos pos = *at;
		if (*p == '\n') {
			lineno++;
			line = ++p;
			continue;
		}
		if (se_strncasecmp(p, "indicator:", 10) != 0 || (p > s &&
		    (p[-1] == '/' || p[-1] == ']' || p[-1] == '<' ||
		    (p[-1] == '(' && p - 1 > s && p[-2] == ']')))) {
			p++;
			continue;
		}
		q = p + 10;
		while (q < end && n + 1 < sizeof id && ((*q >= 'A' && *q <= 'Z') ||
		    (*q >= 'a' && *q <= 'z') || (*q >= '0' && *q <= '9') ||
		    *q == '-' || *q == '_' || *q == '.'))
			id[n++] = *q++;
		while (n > 0 && id[n - 1] == '.')
			n--; /* a full stop ends a sentence, not an id */
		id[n] = '\0';
		if (body_line) {
			pos.line = lineno;
			pos.col = se_utf8_column(line, p);
		}
		if (n > 0 && !indicator_known(k, id))
			se_diag_error(k->diag, &pos, "unknown-indicator",
			    "indicator '%s' is not in the indicator catalogue: "
			    "check the id", id);
		p = q;
	}
}

static void
check_text_refs(struct ck *k, const se_node *n)
{
	check_refs_in(k, n->text, strlen(n->text), &n->pos, 0);
}

/* ---- fields ------------------------------------------------------------ */

static const char *
kind_word(const se_node *n)
{
	if (n->kind == SE_NODE_LIST)
		return "a list";
	if (n->kind == SE_NODE_MAP)
		return "a set of named fields";
	return "a single value";
}

static size_t
count_words(const char *s)
{
	size_t n = 0;
	bool in = false;

	for (; *s; s++) {
		bool w = !(*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r');
		if (w && !in)
			n++;
		in = w;
	}
	return n;
}

static bool
is_bool(const char *s)
{
	static const char *const words[] = { "true", "false", "yes", "no",
		"y", "n", "on", "off" };
	size_t i;

	for (i = 0; i < sizeof words / sizeof words[0]; i++)
		if (se_strcasecmp(s, words[i]) == 0)
			return true;
	return false;
}

static bool
enum_ok(const se_field *f, const char *v)
{
	size_t i;

	for (i = 0; i < f->values->n; i++) {
		const char *s = se_node_str(f->values->items[i]);
		if (s && strcmp(s, v) == 0)
			return true;
	}
	if (f->value_aliases && f->value_aliases->kind == SE_NODE_MAP) {
		for (i = 0; i < f->value_aliases->n; i++)
			if (se_strcasecmp(f->value_aliases->keys[i]->text, v) == 0)
				return true;
		for (i = 0; i < f->values->n; i++) {
			const char *s = se_node_str(f->values->items[i]);
			if (s && se_strcasecmp(s, v) == 0)
				return true;
		}
	}
	return false;
}

static char *
enum_list(const se_field *f)
{
	se_buf b;
	size_t i;

	se_buf_init(&b);
	for (i = 0; i < f->values->n; i++) {
		const char *s = se_node_str(f->values->items[i]);
		if (!s)
			continue;
		if (b.len)
			se_buf_adds(&b, ", ");
		se_buf_adds(&b, s);
	}
	return se_buf_take(&b);
}

static bool
is_email(const char *s)
{
	const char *at = strchr(s, '@');

	return at && at > s && !strchr(at + 1, '@') && strchr(at + 1, '.') &&
	    !strchr(s, ' ') && at[1] != '.';
}

static void check_map(struct ck *k, const se_field *spec, const se_node *n,
    bool top);
static void check_value(struct ck *k, const se_field *f, const char *name,
    const se_node *n);

/* Whether a list item or value holds evidence: an 'evidence' field, a
 * link, indicator:ID, or "Evidence:" in its text. */
static bool
text_has_evidence(const char *s)
{
	const char *p;

	if (strstr(s, "indicator:") || strstr(s, "](") || strstr(s, "http://") ||
	    strstr(s, "https://"))
		return true;
	for (p = s; *p; p++)
		if (se_strncasecmp(p, "evidence:", 9) == 0)
			return true;
	return false;
}

static bool
node_has_evidence(const se_node *n)
{
	const se_node *e;
	size_t i;

	if (n->kind == SE_NODE_SCALAR)
		return text_has_evidence(n->text);
	if (n->kind != SE_NODE_MAP)
		return false;
	e = se_node_get(n, "evidence");
	if (e && !is_empty(e) && !(e->kind == SE_NODE_LIST && e->n == 0))
		return true;
	for (i = 0; i < n->n; i++)
		if (n->items[i]->kind == SE_NODE_SCALAR &&
		    text_has_evidence(n->items[i]->text))
			return true;
	return false;
}

/* The guidance for authors: a strength says what difference it made
 * (RIA framework 2018/19: "outcomes achieved"; sector-led improvement
 * handbook (2012): strengths "with where the evidence is").  A strength shows its impact when it has a number, an
 * indicator, or says what changed. */
static bool
states_impact(const char *s)
{
	static const char *const words[] = { "improv", "reduc", "increas",
		"fell", "fall", "rose", "rise", "risen", "fewer", "more ",
		"less", "better", "faster", "higher", "lower", "cut ", "gain",
		"achiev", "result", "impact", "outcome", "progress", "halved",
		"doubled", "above", "below", "so that", "because", "now ",
		"stable", "quicker", "sooner", "down", " up" };
	const char *p;
	size_t i;

	for (p = s; *p; p++) {
		if (*p >= '0' && *p <= '9')
			return true;
		for (i = 0; i < sizeof words / sizeof words[0]; i++)
			if (se_strncasecmp(p, words[i], strlen(words[i])) == 0)
				return true;
	}
	return strstr(s, "indicator:") != NULL;
}

static bool
is_strength_list(const char *name)
{
	return name && (strcmp(name, "strengths") == 0 ||
	    strcmp(name, "key_strengths") == 0);
}

static void
check_strength(struct ck *k, const se_field *f, const se_node *it)
{
	const se_node *t = it->kind == SE_NODE_MAP ? se_node_get(it, "text") :
	    it;

	if (!se_node_str(t) || t->len == 0 || se_is_placeholder(t->text, t->len))
		return;
	if (!(f->items && f->items->evidence) && !node_has_evidence(it))
		se_diag_warning(k->diag, &it->pos, "strength-without-evidence",
		    "this strength has no evidence: say where the evidence is "
		    "(a document, a link or indicator:ID)");
	if (!states_impact(t->text))
		se_diag_warning(k->diag, &t->pos, "strength-without-impact",
		    "this strength says what is done but not what difference "
		    "it made: add the impact (a measure, a change, an outcome)");
}

static void
check_list(struct ck *k, const se_field *f, const char *name,
    const se_node *n)
{
	size_t i;

	if (f->has_min && (double)n->n < f->min)
		se_diag_error(k->diag, &n->pos, "list-length",
		    "'%s' has %zu item%s; at least %.0f %s needed", name, n->n,
		    n->n == 1 ? "" : "s", f->min, f->min == 1 ? "is" : "are");
	if (f->has_max && (double)n->n > f->max)
		se_diag_error(k->diag, &n->items[(size_t)f->max]->pos,
		    "list-length", "'%s' has %zu items; at most %.0f %s allowed",
		    name, n->n, f->max, f->max == 1 ? "is" : "are");
	if (!f->items)
		return;
	for (i = 0; i < n->n; i++) {
		const se_node *it = n->items[i];
		check_value(k, f->items, name, it);
		if (f->items->evidence && !is_empty(it) &&
		    !node_has_evidence(it))
			se_diag_error(k->diag, &it->pos, "evidence",
			    "this item of '%s' has no evidence: add 'evidence:' "
			    "with a document, a link or indicator:ID", name);
		if (is_strength_list(f->name) && !is_empty(it))
			check_strength(k, f, it);
	}
}

static void
check_scalar(struct ck *k, const se_field *f, const char *name,
    const se_node *n)
{
	const char *s = n->text;
	char *end;
	double v;
	long day;

	switch (f->type) {
	case SE_FT_TEXT:
		if (f->words && count_words(s) > f->words)
			se_diag_warning(k->diag, &n->pos, "word-limit",
			    "'%s' has %zu words; the limit is %zu", name,
			    count_words(s), f->words);
		add_range(k, &k->narrative, &k->nnarrative, &k->capnarrative, n);
		check_text_refs(k, n);
		break;
	case SE_FT_INTEGER:
	case SE_FT_NUMBER:
		v = strtod(s, &end);
		if (end == s || *end != '\0' ||
		    (f->type == SE_FT_INTEGER && v != (double)(long)v)) {
			se_diag_error(k->diag, &n->pos, "field-type",
			    "'%s' should be %s, not '%s'", name,
			    f->type == SE_FT_INTEGER ? "a whole number" :
			    "a number", s);
			return;
		}
		if ((f->has_min && v < f->min) || (f->has_max && v > f->max))
			se_diag_error(k->diag, &n->pos, "out-of-range",
			    "'%s' is %s; it should be %s%g%s%s%g", name, s,
			    f->has_min ? "at least " : "",
			    f->has_min ? f->min : 0.0,
			    f->has_min && f->has_max ? " and " : "",
			    f->has_max ? "at most " : "",
			    f->has_max ? f->max : 0.0);
		break;
	case SE_FT_BOOLEAN:
		if (!is_bool(s))
			se_diag_error(k->diag, &n->pos, "field-type",
			    "'%s' should be yes or no, not '%s'", name, s);
		break;
	case SE_FT_DATE:
		if (!se_ymd_parse(s, n->len, &day))
			se_diag_error(k->diag, &n->pos, "date",
			    "'%s' should be a date written YYYY-MM-DD (e.g. "
			    "2019-03-31), not '%s'", name, s);
		break;
	case SE_FT_ENUM:
		if (!enum_ok(f, s)) {
			char *l = enum_list(f);
			se_diag_error(k->diag, &n->pos, "allowed-values",
			    "'%s' is '%s'; it should be one of: %s", name, s,
			    l ? l : "");
			free(l);
		}
		break;
	case SE_FT_RATING:
		if (f->na && (se_name_eq(s, n->len, "n/a") ||
		    se_name_eq(s, n->len, "na") ||
		    se_name_eq(s, n->len, "not applicable")))
			break;
		if (se_scale_parse(f->scale, s, n->len) < 0) {
			char *l = se_scale_describe(f->scale);
			se_diag_error(k->diag, &n->pos, "rating-scale",
			    "rating '%s' of '%s' is not on the %s scale (%s)%s",
			    s, name, se_scale_id(f->scale), l ? l : "",
			    f->na ? " or N/A" : "");
			free(l);
		}
		break;
	case SE_FT_PATH:
		check_ref(k, s, &n->pos, false);
		break;
	case SE_FT_EVIDENCE:
		check_ref(k, s, &n->pos, true);
		break;
	case SE_FT_INDICATOR:
		if (!indicator_known(k, s))
			se_diag_error(k->diag, &n->pos, "unknown-indicator",
			    "indicator '%s' is not in the indicator catalogue: "
			    "check the id", s);
		break;
	case SE_FT_AREA:
		if (!se_formats_area(k->c->formats, k->fm->framework, s))
			se_diag_error(k->diag, &n->pos, "unknown-area",
			    "'%s' is not an area of %s: use an id from "
			    "formats/%s/areas.yaml", s, k->fm->framework,
			    k->fm->framework);
		break;
	case SE_FT_URL:
		if (se_strncasecmp(s, "http://", 7) != 0 &&
		    se_strncasecmp(s, "https://", 8) != 0)
			se_diag_error(k->diag, &n->pos, "field-type",
			    "'%s' should be a web address starting https://, "
			    "not '%s'", name, s);
		break;
	case SE_FT_EMAIL:
		if (!is_email(s))
			se_diag_error(k->diag, &n->pos, "field-type",
			    "'%s' should be an email address, not '%s'", name, s);
		break;
	default:
		break;
	}
	if (f->re && regexec(f->re, s, 0, NULL, 0) != 0)
		se_diag_error(k->diag, &n->pos, "pattern",
		    "'%s' is '%s', which is not in the expected form (%s)", name,
		    s, f->title ? f->title : f->pattern);
}

/* A placeholder se-new wrote, not yet replaced (rule placeholder): a
 * warning in a draft, an error once the document is final.  Its value
 * is not checked further: it is not content. */
static void
placeholder(struct ck *k, const se_pos *pos, const char *noun,
    const char *name)
{
	se_diag_add(k->diag, k->final ? SE_ERROR : SE_WARNING, pos,
	    "placeholder", "%s'%s' is still a placeholder: replace the "
	    "'[fill in: ...]' with your own text%s", noun, name, k->final ?
	    " (a final document has none left)" : "");
}

static void
check_value(struct ck *k, const se_field *f, const char *name,
    const se_node *n)
{
	if (f->contact)
		add_range(k, &k->contact, &k->ncontact, &k->capcontact, n);
	if (is_empty(n))
		return;
	switch (f->type) {
	case SE_FT_LIST:
		if (n->kind == SE_NODE_LIST) {
			check_list(k, f, name, n);
			return;
		}
		break;
	case SE_FT_MAP:
		if (n->kind == SE_NODE_MAP) {
			check_map(k, f, n, false);
			return;
		}
		break;
	case SE_FT_EVIDENCE:
		if (n->kind == SE_NODE_LIST) {
			size_t i;
			for (i = 0; i < n->n; i++)
				if (n->items[i]->kind == SE_NODE_SCALAR)
					check_ref(k, n->items[i]->text,
					    &n->items[i]->pos, true);
				else
					se_diag_error(k->diag, &n->items[i]->pos,
					    "field-type", "each piece of "
					    "evidence in '%s' should be a path, "
					    "a link or indicator:ID", name);
			return;
		}
		break;
	default:
		break;
	}
	if (n->kind == SE_NODE_SCALAR && se_is_placeholder(n->text, n->len)) {
		placeholder(k, &n->pos, "", name);
		return;
	}
	if (n->kind == SE_NODE_SCALAR && f->type != SE_FT_LIST &&
	    f->type != SE_FT_MAP) {
		check_scalar(k, f, name, n);
		return;
	}
	se_diag_error(k->diag, &n->pos, "field-type",
	    "'%s' should be %s, not %s", name,
	    f->type == SE_FT_LIST ? "a list" :
	    f->type == SE_FT_MAP ? "a set of named fields" : "a single value",
	    kind_word(n));
}

static bool
when_holds(const struct ck *k, const se_field *f)
{
	const char *v;

	if (!f->when_field)
		return false;
	if (k->final && strcmp(f->when_field, "stage") == 0 &&
	    strcmp(f->when_value, "final") == 0)
		return true;
	v = se_node_str(se_node_get(k->doc->meta, f->when_field));
	return v && strcmp(v, f->when_value) == 0;
}

static void
report_missing(struct ck *k, const se_field *f, const se_node *map, bool top)
{
	se_pos pos = map->pos;

	if (f->required)
		se_diag_error(k->diag, &pos, "required",
		    "'%s'%s%s%s is missing: %s%s needs it", f->name,
		    f->title ? " (" : "", f->title ? f->title : "",
		    f->title ? ")" : "", top ? "" : "this part of ",
		    se_buf_str(&k->what));
	else if (when_holds(k, f))
		se_diag_error(k->diag, &pos, "required",
		    "'%s'%s%s%s is missing: it is required when '%s' is '%s'",
		    f->name, f->title ? " (" : "", f->title ? f->title : "",
		    f->title ? ")" : "", f->when_field, f->when_value);
}

/* The field of 'spec' a misspelt key most likely meant, or NULL. */
static const char *
nearest_key(const se_field *spec, const char *key)
{
	const char *best = NULL;
	size_t i, d, bd = 3;

	for (i = 0; i < spec->nfields; i++) {
		d = se_edit_distance(key, spec->fields[i].name);
		if (d < bd) {
			bd = d;
			best = spec->fields[i].name;
		}
	}
	return best;
}

static bool
is_known_key(const se_field *spec, const char *key, bool top)
{
	size_t i;

	if (top && (strcmp(key, "kind") == 0 || strcmp(key, "framework") == 0))
		return true;
	for (i = 0; i < spec->nfields; i++)
		if (strcmp(spec->fields[i].name, key) == 0)
			return true;
	return false;
}

static void
check_map(struct ck *k, const se_field *spec, const se_node *n, bool top)
{
	size_t i;

	for (i = 0; i < spec->nfields; i++) {
		const se_field *f = &spec->fields[i];
		const se_node *v = se_node_get(n, f->name);
		/* Missing evidence of an item that needs it is the evidence
		 * rule's to report (check_list), once. */
		bool by_evidence = spec->evidence &&
		    strcmp(f->name, "evidence") == 0;
		if (is_empty(v) && !by_evidence)
			report_missing(k, f, n, top);
		if (v)
			check_value(k, f, f->name, v);
	}
	if (spec->values_spec) {
		for (i = 0; i < n->n; i++)
			check_value(k, spec->values_spec, n->keys[i]->text,
			    n->items[i]);
		return;
	}
	if (spec->nfields == 0)
		return;
	for (i = 0; i < n->n; i++) {
		const char *key = n->keys[i]->text, *near;
		if (is_known_key(spec, key, top))
			continue;
		near = nearest_key(spec, key);
		if (near)
			se_diag_warning(k->diag, &n->keys[i]->pos,
			    "unknown-field", "'%s' is not a field of %s: did "
			    "you mean '%s'?", key, se_buf_str(&k->what), near);
		else
			se_diag_warning(k->diag, &n->keys[i]->pos,
			    "unknown-field", "'%s' is not a field of %s: check "
			    "the spelling", key, se_buf_str(&k->what));
	}
}

/* ---- Markdown sections ------------------------------------------------- */

/* A heading is the format's section by its title or an alias
 * (se_fsection_matches) or by its id (its title normalised), at the
 * section's level when the format puts it below the second. */
static bool
section_matches(const se_fsection *fs, const se_section *s)
{
	if (s->level == 0)
		return false;
	if (fs->level && s->level != fs->level && fs->level > 2)
		return false;
	return (s->id && strcmp(s->id, fs->id) == 0) ||
	    se_fsection_matches(fs, s);
}

/* Words under a heading including its subsections (up to the next
 * heading of the same or a higher level), and whether it has list items. */
static size_t
section_words(const se_doc *doc, size_t i)
{
	size_t words = doc->sections[i].words + doc->sections[i].nitems, j;

	for (j = i + 1; j < doc->nsections; j++) {
		if (doc->sections[j].level <= doc->sections[i].level)
			break;
		words += doc->sections[j].words;
	}
	return words;
}

static bool
item_has_evidence(const se_item *it)
{
	return it->nlinks > 0 || text_has_evidence(it->text);
}

static bool
body_has_evidence(const se_section *s)
{
	se_buf b;
	bool r;

	if (s->nlinks > 0)
		return true;
	se_buf_init(&b);
	se_buf_add(&b, s->body, s->body_len);
	r = text_has_evidence(se_buf_str(&b));
	se_buf_release(&b);
	return r;
}

static void
check_section_evidence(struct ck *k, const se_fsection *fs,
    const se_section *s)
{
	size_t i;

	if (s->nitems == 0) {
		if (s->words > 0 && !body_has_evidence(s))
			se_diag_error(k->diag, &s->pos, "evidence",
			    "section '%s' has no evidence: link a document or "
			    "indicator:ID, or add 'Evidence: ...'", s->title);
		return;
	}
	for (i = 0; i < s->nitems; i++)
		if (!item_has_evidence(&s->items[i]))
			se_diag_error(k->diag, &s->items[i].pos, "evidence",
			    "this item in '%s' has no evidence: link a document "
			    "or indicator:ID, or add 'Evidence: ...'", fs->title);
}

static void
check_section_impact(struct ck *k, const se_section *s)
{
	size_t i;

	for (i = 0; i < s->nitems; i++)
		if (!se_is_placeholder(s->items[i].text,
		    strlen(s->items[i].text)) &&
		    !states_impact(s->items[i].text) &&
		    s->items[i].nlinks == 0)
			se_diag_warning(k->diag, &s->items[i].pos,
			    "strength-without-impact", "this strength says what "
			    "is done but not what difference it made: add the "
			    "impact (a measure, a change, an outcome)");
}

static void
check_one_section(struct ck *k, const se_fsection *fs)
{
	const se_doc *doc = k->doc;
	size_t i, found = 0, first = 0;
	se_pos top = { doc->path, 1, 1 };

	for (i = 0; i < doc->nsections; i++) {
		const se_section *s = &doc->sections[i];
		size_t words;
		if (!section_matches(fs, s))
			continue;
		if (found++ > 0) {
			se_diag_error(k->diag, &s->pos, "duplicate-section",
			    "section '%s' appears twice (first at line %u): "
			    "merge them into one", fs->title,
			    doc->sections[first].pos.line);
			continue;
		}
		first = i;
		words = section_words(doc, i);
		if (words == 0) {
			se_diag_add(k->diag, fs->presence ==
			    SE_PRESENCE_REQUIRED ? SE_ERROR : SE_WARNING,
			    &s->pos, "empty-section",
			    "section '%s' is empty: answer it%s", fs->title,
			    fs->presence == SE_PRESENCE_REQUIRED ? "" :
			    ", or remove it if it does not apply");
			continue;
		}
		if (fs->words && s->words > fs->words)
			se_diag_warning(k->diag, &s->pos, "word-limit",
			    "section '%s' has %zu words; the limit is %zu",
			    fs->title, s->words, fs->words);
		if (fs->evidence)
			check_section_evidence(k, fs, s);
		if (strcmp(fs->id, "key-strengths") == 0 ||
		    strcmp(fs->id, "outcomes-proud") == 0)
			check_section_impact(k, s);
	}
	if (found)
		return;
	if (fs->presence == SE_PRESENCE_REQUIRED)
		se_diag_error(k->diag, &top, "missing-section",
		    "section '%s' is required in %s but is missing", fs->title,
		    se_buf_str(&k->what));
	else if (fs->presence == SE_PRESENCE_RECOMMENDED)
		se_diag_warning(k->diag, &top, "recommended-section",
		    "section '%s' is recommended in %s but is missing",
		    fs->title, se_buf_str(&k->what));
}

static void
check_links(struct ck *k)
{
	size_t i, j;

	for (i = 0; i < k->doc->nsections; i++) {
		const se_section *s = &k->doc->sections[i];
		se_pos at = { k->doc->path, s->body_line, 1 };
		for (j = 0; j < s->nlinks; j++)
			if (s->links[j].target && s->links[j].target[0] != '#')
				check_ref(k, s->links[j].target, &s->links[j].pos,
				    false);
		/* "Evidence: indicator:CSC-098" counts as evidence: it is
		 * checked like the link form. */
		if (s->body && s->body_line)
			check_refs_in(k, s->body, s->body_len, &at, s->body_line);
	}
}

static void
check_sections(struct ck *k)
{
	size_t i;

	for (i = 0; i < k->fm->nsections; i++)
		check_one_section(k, &k->fm->sections[i]);
	if (k->variant)
		for (i = 0; i < k->variant->nsections; i++)
			check_one_section(k, &k->variant->sections[i]);
	check_links(k);
}

/* ---- guidance: graded judgement words in narrative --------------------- */

static bool
lower_eq(char a, char b)
{
	if (a >= 'A' && a <= 'Z')
		a = (char)(a + 'a' - 'A');
	if (b >= 'A' && b <= 'Z')
		b = (char)(b + 'a' - 'A');
	return a == b;
}

static bool
word_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c >= 0x80;
}

/* Find 'phrase' (spaces in it match any run of spaces) as whole words in
 * [s, end), ignoring case.  Returns where it starts, or NULL. */
static const char *
find_phrase(const char *s, const char *end, const char *phrase)
{
	const char *p;

	for (p = s; p < end; p++) {
		const char *a = p, *b = phrase;
		if (p > s && word_char((unsigned char)p[-1]))
			continue;
		while (*b && a < end) {
			if (*b == ' ') {
				if (*a != ' ')
					break;
				while (a < end && *a == ' ')
					a++;
				b++;
				continue;
			}
			if (!lower_eq(*a, *b))
				break;
			a++;
			b++;
		}
		if (*b == '\0' && (a >= end || !word_char((unsigned char)*a)))
			return p;
	}
	return NULL;
}

/* The longest phrase of the framework's judgement words that starts at
 * 'p' (as whole words); its length in '*len', or NULL. */
static const char *
phrase_at(const struct ck *k, const char *s, const char *p, const char *end,
    size_t *len)
{
	const char *best = NULL;
	size_t i;

	if (p > s && word_char((unsigned char)p[-1]))
		return NULL;
	for (i = 0; i < k->fm->njudgement; i++) {
		const char *w = k->fm->judgement[i];
		if (find_phrase(p, end, w) == p && (!best ||
		    strlen(w) > strlen(best)))
			best = w;
	}
	if (best) {
		const char *a = p, *b = best;
		/* the length as written: runs of spaces match one */
		while (*b) {
			if (*b == ' ')
				while (a < end && *a == ' ')
					a++;
			else
				a++;
			b++;
		}
		*len = (size_t)(a - p);
	}
	return best;
}

/* Every graded judgement word on the line, each once: where two phrases
 * start at one place the longer is reported ("requires improvement to be
 * good", not "requires improvement" too). */
static void
judge_line(struct ck *k, unsigned line)
{
	const char *s = k->line[line], *end = s + strcspn(s, "\n"), *p;
	size_t len;

	for (p = s; p < end; p++) {
		if (!phrase_at(k, s, p, end, &len))
			continue;
		se_pos pos = { k->doc->path, line, se_utf8_column(s, p) };
		se_diag_warning(k->diag, &pos, "judgement-word",
		    "'%.*s' is a graded judgement word: the framework asks for "
		    "careful language in narrative; say what the evidence shows",
		    (int)len, p);
		p += len - 1;
	}
}

/* A line that is an HTML comment (se-new's key questions and guidance):
 * not narrative, never shown by se-report. */
static bool
is_comment_line(const char *s, const char *end)
{
	while (s < end && (*s == ' ' || *s == '\t'))
		s++;
	while (end > s && (end[-1] == ' ' || end[-1] == '\t' ||
	    end[-1] == '\r'))
		end--;
	return end - s >= 7 && strncmp(s, "<!--", 4) == 0 &&
	    strncmp(end - 3, "-->", 3) == 0;
}

/* Where a placeholder starts on [s, end), or NULL. */
static const char *
placeholder_at(const char *s, const char *end)
{
	const char *p;

	for (p = s; p < end; p++)
		if (*p == '[' && se_is_placeholder(p, (size_t)(end - p)) &&
		    se_strncasecmp(p, "[fill in", 8) == 0)
			return p;
	return NULL;
}

/* One line of narrative: a placeholder left in is reported (and the line
 * is not content); otherwise its judgement words. */
static void
narrative_line(struct ck *k, unsigned line, const char *section)
{
	const char *s = k->line[line], *end = s + strcspn(s, "\n"), *at;

	if (is_comment_line(s, end))
		return;
	at = placeholder_at(s, end);
	if (at) {
		if (section) {
			se_pos pos = { k->doc->path, line,
				se_utf8_column(s, at) };
			placeholder(k, &pos, "section ", section);
		}
		return;
	}
	if (k->fm->njudgement)
		judge_line(k, line);
}

static void
check_judgement(struct ck *k)
{
	size_t i;
	unsigned l;

	if (!k->line)
		return;
	for (i = 0; i < k->nnarrative; i++)
		for (l = k->narrative[i].from; l <= k->narrative[i].to &&
		    l <= k->nlines; l++)
			narrative_line(k, l, NULL);
	for (i = 0; i < k->doc->nsections; i++) {
		const se_section *s = &k->doc->sections[i];
		unsigned last = s->body_line, j;
		for (j = 0; j < s->body_len; j++)
			if (s->body[j] == '\n')
				last++;
		for (l = s->body_line; l < last && l <= k->nlines; l++)
			narrative_line(k, l, s->title[0] ? s->title :
			    "the text before the first heading");
	}
}

/* ---- claims of movement against the data (se-hypothesise(1) RULES;
 *      se-validate --data): lib/claims.c, shared with se-hypothesise, so
 *      authors and reviewers see the same findings. --------------------- */

static void
check_claims(struct ck *k)
{
	if (k->c->data &&
	    se_claims_check(k->doc, k->c->catalogue, k->c->data, k->diag) < 0)
		k->oom = true;
}

/* ---- personal data (se-formats(5) PERSONAL DATA; lib/pii.c) ----------- */

struct pii_line {
	struct ck *k;
	unsigned line;
	const char *start;
};

static int
on_pii(void *ctx, const se_pii_hit *hit)
{
	struct pii_line *pl = ctx;
	se_pos pos = { pl->k->doc->path, pl->line,
		se_utf8_column(pl->start, pl->start + hit->off) };

	se_diag_error(pl->k->diag, &pos, "personal-data",
	    "possible %s: remove personal data about a child, or mark a false "
	    "alarm with 'se:allow personal-data'", hit->what);
	return 0;
}

static bool
in_contact(const struct ck *k, unsigned line)
{
	size_t i;

	for (i = 0; i < k->ncontact; i++)
		if (line >= k->contact[i].from && line <= k->contact[i].to)
			return true;
	return false;
}

/* Every line of the source, front matter and body alike; professional
 * contact details (fields marked contact: true) may hold work postcodes. */
static void
check_pii(struct ck *k)
{
	const char *end = k->doc->src + k->doc->src_len;
	unsigned l;

	for (l = 1; l <= k->nlines; l++) {
		const char *s = k->line[l], *e = memchr(s, '\n', (size_t)(end - s));
		struct pii_line pl = { k, l, s };
		size_t len = e ? (size_t)(e - s) : (size_t)(end - s);
		char *allow;
		se_buf b;

		se_buf_init(&b);
		se_buf_add(&b, s, len);
		allow = strstr(se_buf_str(&b), "se:allow personal-data");
		se_buf_release(&b);
		if (allow)
			continue;
		se_pii_scan(s, len, in_contact(k, l) ? SE_PII_NO_POSTCODE : 0,
		    on_pii, &pl);
	}
}

/* ---- the document ------------------------------------------------------ */

static int
index_lines(struct ck *k)
{
	const char *s = k->doc->src, *end;
	size_t n = 1, i;

	if (!s)
		return 0;
	end = s + k->doc->src_len;
	for (i = 0; i < k->doc->src_len; i++)
		if (s[i] == '\n')
			n++;
	k->line = calloc(n + 1, sizeof *k->line);
	if (!k->line)
		return -1;
	k->line[1] = s;
	k->nlines = 1;
	for (; s < end; s++)
		if (*s == '\n' && s + 1 <= end)
			k->line[++k->nlines] = s + 1;
	return 0;
}

static char *
dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	size_t n;
	char *d;

	if (!slash || strcmp(path, "<stdin>") == 0 || strcmp(path, "-") == 0)
		return strdup(".");
	n = slash == path ? 1 : (size_t)(slash - path);
	d = malloc(n + 1);
	if (d) {
		memcpy(d, path, n);
		d[n] = '\0';
	}
	return d;
}

static const se_format *
resolve(struct ck *k)
{
	return se_formats_resolve(k->c->formats, k->doc, k->diag);
}

static void
describe(struct ck *k)
{
	const char *t = k->variant && k->variant->title ? k->variant->title :
	    k->fm->title ? k->fm->title : k->fm->kind;
	const char *noun = k->variant ? " chapter" : "";

	se_buf_adds(&k->what, strchr("AEIOUaeiou", t[0]) ? "an " : "a ");
	se_buf_adds(&k->what, t);
	se_buf_adds(&k->what, noun);
}

static const se_variant *
find_variant(const se_format *fm, const se_doc *doc)
{
	const char *v;
	size_t i;

	if (!fm->variant_field)
		return NULL;
	v = se_node_str(se_node_get(doc->meta, fm->variant_field));
	if (!v)
		return NULL;
	for (i = 0; i < fm->nvariants; i++)
		if (strcmp(fm->variants[i].value, v) == 0)
			return &fm->variants[i];
	return NULL;
}

/* The regional programme's rules (se-formats(5), programme) work on one model of the
 * whole programme, built once by lib/programme.c, which reads the rules
 * and their parameters from the format itself. */
static int
run_rules(struct ck *k)
{
	bool programme = false;
	size_t i;

	for (i = 0; i < k->fm->nrules; i++) {
		se_rule_ctx rc = { k->c, k->fm, k->doc, k->fm->rules[i].node,
			k->diag };
		if (se_programme_is_rule(k->fm->rules[i].name,
		    k->fm->rules[i].node))
			programme = true;
		else
			(void)se_rule_run(k->fm->rules[i].name, &rc);
	}
	if (programme)
		return se_programme_check_with(k->doc, k->fm->root, k->diag);
	return 0;
}

se_plan *
se_check_plan_reader(const se_check *c, se_diag *diag)
{
	se_plan *p = se_plan_new();

	if (p != NULL && se_plan_use(p, c->formats, diag) < 0) {
		se_plan_free(p);
		return NULL;
	}
	return p;
}

static int
check_plan_doc(const se_check *c, const se_doc *doc, se_diag *diag)
{
	se_plan *p;

	/* The plan reader says what se-plan says, a plan without actions
	 * included. */
	p = se_check_plan_reader(c, diag);
	if (p == NULL)
		return 0;
	(void)se_plan_add_doc(p, doc, diag);
	se_plan_free(p);
	return 0;
}

int
se_check_doc(const se_check *c, const se_doc *doc, se_diag *diag)
{
	struct ck k;
	int rc = 0;

	memset(&k, 0, sizeof k);
	k.c = c;
	k.doc = doc;
	k.diag = diag;
	se_buf_init(&k.what);
	k.fm = resolve(&k);
	if (!k.fm)
		goto out;
	k.dir = dir_of(doc->path);
	if (!k.dir || index_lines(&k) < 0) {
		rc = -1;
		goto out;
	}
	k.variant = find_variant(k.fm, doc);
	k.final = c->final || (se_node_str(se_node_get(doc->meta, "stage")) &&
	    strcmp(se_node_str(se_node_get(doc->meta, "stage")), "final") == 0);
	describe(&k);
	if (doc->meta && doc->meta->kind == SE_NODE_MAP)
		check_map(&k, &k.fm->top, doc->meta, true);
	if (doc->syntax == SE_SYNTAX_MARKDOWN)
		check_sections(&k);
	if (run_rules(&k) < 0)
		k.oom = true;
	check_judgement(&k);
	check_claims(&k);
	check_pii(&k);
	if (strcmp(k.fm->kind, "plan") == 0 &&
	    check_plan_doc(c, doc, diag) < 0)
		k.oom = true;
	if (k.oom || se_buf_failed(&k.what))
		rc = -1;
out:
	free(k.dir);
	free(k.line);
	free(k.contact);
	free(k.narrative);
	se_buf_release(&k.what);
	return rc;
}

/* ---- the inputs other commands build on -------------------------------- */

static bool
catalogue_knows(void *ctx, const char *id)
{
	return se_catalogue_find(ctx, id, strlen(id)) != NULL;
}

static bool
is_csv_path(const char *path)
{
	size_t n = strlen(path);

	return n >= 4 && strcmp(path + n - 4, ".csv") == 0;
}

int
se_check_input(const se_formats *f, const se_catalogue *cat,
    const char *path, const se_doc *doc, se_diag *diag)
{
	se_check c = { .formats = f, .catalogue = cat };
	se_doc *own = NULL;
	se_diag *all = se_diag_new();
	size_t i;
	int rc = 0;

	if (!all)
		return -1;
	if (cat) {
		c.indicator_known = catalogue_knows;
		c.indicator_ctx = (void *)cat;
	}
	if (!doc && is_csv_path(path)) {
		if (se_check_csv(&c, path, all) < 0)
			rc = -1;
	} else {
		if (!doc)
			doc = own = se_doc_load(path, all);
		if (!doc || se_check_doc(&c, doc, all) < 0)
			rc = -1;
	}
	/* Only errors: the warnings are se-validate's to give. */
	for (i = 0; i < se_diag_len(all); i++) {
		const se_diag_item *it = se_diag_get(all, i);
		se_pos pos = { it->file, it->line, it->col };
		if (it->severity != SE_ERROR)
			continue;
		se_diag_add(diag, SE_ERROR, &pos, it->rule, "%s", it->message);
		if (rc >= 0)
			rc++;
	}
	se_doc_free(own);
	se_diag_free(all);
	return rc;
}
