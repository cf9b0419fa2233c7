/* yaml.c: the YAML loader, on libyaml's event API.  Nodes are built in
 * the document's arena with an explicit stack (never recursion), so the
 * nesting limit, the alias limit and the arena's cap bound the work and
 * the memory whatever the input. */
#include "load_internal.h"

#include <stdlib.h>
#include <string.h>
#include <yaml.h>

/* An open list or map: its children sit on the loader's child stack from
 * 'base' up (keys and values alternating for a map). */
struct frame {
	se_node *node;
	size_t base;
	size_t weight;      /* alias uses inside, counted as if expanded */
	unsigned last_line; /* the last line of any child so far */
	bool flow;
	const char *anchor; /* in the arena, or NULL */
};

struct anchor {
	const char *name; /* in the arena; NULL marks a free slot */
	se_node *node;
	size_t weight;
	bool open; /* its list or map has not ended yet */
};

struct loader {
	se_arena *arena;
	const char *file;
	const char *buf;
	size_t len;
	unsigned line_off;
	se_diag *diag;
	yaml_parser_t parser;
	struct frame frames[SE_MAX_DEPTH];
	size_t depth;
	se_node **kids;
	size_t nkids, capkids;
	struct anchor *anchors; /* open addressing; capacity a power of 2 */
	size_t nanchors, capanchors;
	size_t aliases; /* alias uses so far, counted as if expanded */
	size_t docs;
	se_node *root;
};

static se_pos
pos_of(const struct loader *l, yaml_mark_t m)
{
	se_pos p;

	p.file = l->file;
	p.line = (unsigned)m.line + 1 + l->line_off;
	p.col = (unsigned)m.column + 1;
	return p;
}

/* The last line an event covers.  A block scalar's end mark sits at the
 * start of the line after it; that line is not part of the value. */
static unsigned
end_line_of(const struct loader *l, yaml_mark_t start, yaml_mark_t end)
{
	if (end.column == 0 && end.line > start.line)
		return (unsigned)end.line + l->line_off;
	return (unsigned)end.line + 1 + l->line_off;
}

static int
nomem(struct loader *l)
{
	return se_load_nomem(l->arena, l->file, l->diag);
}

static se_node *
new_node(struct loader *l, se_node_kind kind, yaml_mark_t start)
{
	se_node *n = se_arena_alloc(l->arena, sizeof *n);

	if (!n)
		return NULL;
	n->kind = kind;
	n->pos = pos_of(l, start);
	n->end_line = n->pos.line;
	return n;
}

/* ---- anchors ------------------------------------------------------------ */

static struct anchor *
anchor_slot(const struct loader *l, const char *name)
{
	size_t mask = l->capanchors - 1;
	size_t i = (size_t)se_hash(name, strlen(name)) & mask;

	while (l->anchors[i].name && strcmp(l->anchors[i].name, name) != 0)
		i = (i + 1) & mask;
	return &l->anchors[i];
}

static int
anchor_grow(struct loader *l)
{
	struct anchor *old = l->anchors;
	size_t oldcap = l->capanchors, i;

	l->capanchors = oldcap ? oldcap * 2 : 64;
	l->anchors = calloc(l->capanchors, sizeof *l->anchors);
	if (!l->anchors) {
		l->anchors = old;
		l->capanchors = oldcap;
		return -1;
	}
	for (i = 0; i < oldcap; i++)
		if (old[i].name)
			*anchor_slot(l, old[i].name) = old[i];
	free(old);
	return 0;
}

/* Define (or redefine: YAML lets a later anchor reuse a name) 'name'. */
static int
anchor_define(struct loader *l, const char *name, se_node *node, bool open,
    size_t weight, const char **stored)
{
	struct anchor *a;

	if ((l->nanchors + 1) * 2 > l->capanchors && anchor_grow(l) < 0)
		return -1;
	a = anchor_slot(l, name);
	if (!a->name) {
		a->name = se_arena_strdup(l->arena, name);
		if (!a->name)
			return -1;
		l->nanchors++;
	}
	a->node = node;
	a->open = open;
	a->weight = weight;
	if (stored)
		*stored = a->name;
	return 0;
}

/* A list or map with an anchor has ended: aliases may use it now. */
static void
anchor_close(struct loader *l, const char *name, const se_node *node,
    size_t weight)
{
	struct anchor *a = anchor_slot(l, name);

	if (a->node == node) {
		a->open = false;
		a->weight = weight;
	}
}

/* ---- building the tree ------------------------------------------------- */

static int
push_kid(struct loader *l, se_node *n)
{
	if (l->nkids == l->capkids) {
		size_t cap = l->capkids ? l->capkids * 2 : 256;
		se_node **v = realloc(l->kids, cap * sizeof *v);
		if (!v)
			return -1;
		l->kids = v;
		l->capkids = cap;
	}
	l->kids[l->nkids++] = n;
	return 0;
}

/* Attach a finished node to the open list or map, or make it the root. */
static int
attach(struct loader *l, se_node *n, size_t weight, unsigned end_line)
{
	struct frame *f;

	if (l->depth == 0) {
		l->root = n;
		return 0;
	}
	f = &l->frames[l->depth - 1];
	if (push_kid(l, n) < 0)
		return nomem(l);
	f->weight += weight;
	if (end_line > f->last_line)
		f->last_line = end_line;
	return 0;
}

/* The position of byte 'off' of the buffer. */
static se_pos
pos_at(const struct loader *l, size_t off)
{
	size_t i, start = 0;
	se_pos p = { l->file, 1 + l->line_off, 1 };

	for (i = 0; i < off && i < l->len; i++)
		if (l->buf[i] == '\n' || (l->buf[i] == '\r' &&
		    (i + 1 == l->len || l->buf[i + 1] != '\n'))) {
			p.line++;
			start = i + 1;
		}
	p.col = se_utf8_column(l->buf + start, l->buf + (off < l->len ? off :
	    l->len));
	return p;
}

/* The byte offset of a mark (its line and column in characters). */
static size_t
offset_of(const struct loader *l, yaml_mark_t m)
{
	size_t i = 0, line = 0, col = 0;

	while (i < l->len && line < m.line) {
		if (l->buf[i] == '\n' || (l->buf[i] == '\r' &&
		    (i + 1 == l->len || l->buf[i + 1] != '\n')))
			line++;
		i++;
	}
	while (i < l->len && col < m.column) {
		i++;
		while (i < l->len && ((unsigned char)l->buf[i] & 0xc0) == 0x80)
			i++;
		col++;
	}
	return i;
}

/* A NUL in a value can only come from an escape ("\0", "\x00",
 * "\u0000", "\U00000000"; a NUL byte is refused before parsing): it
 * would end the text there, silently.  An error at the escape. */
static int
nul_in_value(struct loader *l, const yaml_event_t *ev)
{
	static const char *const esc[] = { "\\0", "\\x00", "\\u0000",
		"\\U00000000" };
	size_t from = offset_of(l, ev->start_mark), to = offset_of(l,
	    ev->end_mark), at = to, i, k;
	se_pos p;

	for (i = from; i < to && at == to; i++)
		for (k = 0; k < sizeof esc / sizeof *esc; k++)
			if (strncmp(l->buf + i, esc[k], strlen(esc[k])) == 0 &&
			    (i == from || l->buf[i - 1] != '\\')) {
				at = i;
				break;
			}
	p = at < to ? pos_at(l, at) : pos_of(l, ev->start_mark);
	return se_diag_error(l->diag, &p, "nul-character",
	    "a NUL character (an escape for byte 0) would cut this text "
	    "short here: remove it");
}

static int
on_scalar(struct loader *l, const yaml_event_t *ev)
{
	const char *tag = (const char *)ev->data.scalar.tag;
	se_node *n = new_node(l, SE_NODE_SCALAR, ev->start_mark);

	if (!n)
		return nomem(l);
	n->end_line = end_line_of(l, ev->start_mark, ev->end_mark);
	n->text = se_arena_strndup(l->arena, (const char *)ev->data.scalar.value,
	    ev->data.scalar.length);
	if (!n->text)
		return nomem(l);
	n->len = ev->data.scalar.length;
	if (memchr(ev->data.scalar.value, '\0', n->len))
		nul_in_value(l, ev);
	/* "!!str 3" is as much a string as "3". */
	n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
	    !(tag && strcmp(tag, YAML_STR_TAG) == 0);
	if (ev->data.scalar.anchor && anchor_define(l,
	    (const char *)ev->data.scalar.anchor, n, false, 0, NULL) < 0)
		return nomem(l);
	return attach(l, n, 0, n->end_line);
}

static int
on_start(struct loader *l, const yaml_event_t *ev, se_node_kind kind)
{
	const yaml_char_t *anchor = kind == SE_NODE_MAP ?
	    ev->data.mapping_start.anchor : ev->data.sequence_start.anchor;
	struct frame *f;
	se_node *n;
	se_pos p;

	if (l->depth == SE_MAX_DEPTH) {
		p = pos_of(l, ev->start_mark);
		return se_diag_error(l->diag, &p, "too-deep",
		    "nesting deeper than %d levels: the document is refused",
		    SE_MAX_DEPTH);
	}
	n = new_node(l, kind, ev->start_mark);
	if (!n)
		return nomem(l);
	f = &l->frames[l->depth++];
	memset(f, 0, sizeof *f);
	f->node = n;
	f->base = l->nkids;
	f->last_line = n->pos.line;
	f->flow = kind == SE_NODE_MAP ?
	    ev->data.mapping_start.style == YAML_FLOW_MAPPING_STYLE :
	    ev->data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE;
	if (anchor && anchor_define(l, (const char *)anchor, n, true, 0,
	    &f->anchor) < 0)
		return nomem(l);
	return 0;
}

static int
key_cmp(const void *pa, const void *pb)
{
	const se_node *a = *(se_node *const *)pa, *b = *(se_node *const *)pb;
	size_t n = a->len < b->len ? a->len : b->len;
	int c = memcmp(a->text, b->text, n);

	if (c != 0)
		return c;
	if (a->len != b->len)
		return a->len < b->len ? -1 : 1;
	if (a->pos.line != b->pos.line)
		return a->pos.line < b->pos.line ? -1 : 1;
	if (a->pos.col != b->pos.col)
		return a->pos.col < b->pos.col ? -1 : 1;
	return 0;
}

static bool
same_key(const se_node *a, const se_node *b)
{
	return a->len == b->len && memcmp(a->text, b->text, a->len) == 0;
}

/* Report each repeated key at the repeat, naming the first one's line. */
static int
check_duplicates(struct loader *l, const se_node *map)
{
	se_node **v;
	size_t i, first = 0;

	if (map->n < 2)
		return 0;
	v = malloc(map->n * sizeof *v);
	if (!v)
		return nomem(l);
	memcpy(v, map->keys, map->n * sizeof *v);
	qsort(v, map->n, sizeof *v, key_cmp);
	for (i = 1; i < map->n; i++) {
		if (!same_key(v[first], v[i])) {
			first = i;
			continue;
		}
		se_diag_error(l->diag, &v[i]->pos, "duplicate-key",
		    "duplicate key '%.*s' (first at line %u)",
		    se_utf8_cut(v[i]->text, v[i]->len, 80), v[i]->text,
		    v[first]->pos.line);
	}
	free(v);
	return 0;
}

static int
fill_map(struct loader *l, se_node *n, se_node **kids, size_t nkids)
{
	size_t i;

	n->n = nkids / 2;
	n->keys = se_arena_alloc(l->arena, (n->n ? n->n : 1) * sizeof *n->keys);
	n->items = se_arena_alloc(l->arena,
	    (n->n ? n->n : 1) * sizeof *n->items);
	if (!n->keys || !n->items)
		return nomem(l);
	n->n = 0;
	for (i = 0; i < nkids / 2; i++) {
		/* "? [a, b]: c" is valid YAML, but no format has such keys:
		 * a problem in the document, and the pair is left out. */
		if (kids[2 * i]->kind != SE_NODE_SCALAR) {
			se_diag_error(l->diag, &kids[2 * i]->pos, "complex-key",
			    "a key must be plain text, not a list or map");
			continue;
		}
		n->keys[n->n] = kids[2 * i];
		n->items[n->n] = kids[2 * i + 1];
		n->n++;
	}
	return check_duplicates(l, n);
}

static int
on_end(struct loader *l, const yaml_event_t *ev)
{
	struct frame f = l->frames[--l->depth];
	se_node *n = f.node;
	size_t nkids = l->nkids - f.base;
	se_node **kids = nkids ? l->kids + f.base : NULL;

	if (n->kind == SE_NODE_MAP) {
		if (fill_map(l, n, kids, nkids) < 0)
			return -1;
	} else {
		n->n = nkids;
		n->items = se_arena_alloc(l->arena,
		    (nkids ? nkids : 1) * sizeof *n->items);
		if (!n->items)
			return nomem(l);
		if (nkids)
			memcpy(n->items, kids, nkids * sizeof *n->items);
	}
	l->nkids = f.base;
	n->end_line = f.last_line;
	if (f.flow && end_line_of(l, ev->start_mark, ev->end_mark) > n->end_line)
		n->end_line = end_line_of(l, ev->start_mark, ev->end_mark);
	if (f.anchor)
		anchor_close(l, f.anchor, n, f.weight);
	return attach(l, n, f.weight, n->end_line);
}

static int
on_alias(struct loader *l, const yaml_event_t *ev)
{
	const char *name = (const char *)ev->data.alias.anchor;
	se_pos p = pos_of(l, ev->start_mark);
	struct anchor *a = l->capanchors ? anchor_slot(l, name) : NULL;

	if (!a || !a->name)
		return se_diag_error(l->diag, &p, "yaml-syntax",
		    "alias '*%s' has no anchor '&%s' before it", name, name);
	if (a->open)
		return se_diag_error(l->diag, &p, "alias-cycle",
		    "alias '*%s' is inside the list or map it names", name);
	/* Shared, never copied; but counted as if expanded, so that nested
	 * aliases (the "billion laughs") hit the limit at once. */
	l->aliases += 1 + a->weight;
	if (l->aliases > SE_MAX_ALIASES)
		return se_diag_error(l->diag, &p, "too-many-aliases",
		    "more than %d uses of aliases ('*name'), counting those "
		    "inside aliased parts: the document is refused",
		    SE_MAX_ALIASES);
	return attach(l, a->node, 1 + a->weight, p.line);
}

/* One event.  Sets *done at the end of the first document. */
static int
on_event(struct loader *l, const yaml_event_t *ev, bool *done)
{
	se_pos p;

	switch (ev->type) {
	case YAML_DOCUMENT_START_EVENT:
		if (l->docs++ == 0)
			return 0;
		p = pos_of(l, ev->start_mark);
		se_diag_warning(l->diag, &p, "multiple-documents",
		    "only the first YAML document in a file is used: this one "
		    "and any after it are ignored");
		*done = true;
		return 0;
	case YAML_STREAM_END_EVENT:
		*done = true;
		return 0;
	case YAML_SCALAR_EVENT:
		return on_scalar(l, ev);
	case YAML_SEQUENCE_START_EVENT:
		return on_start(l, ev, SE_NODE_LIST);
	case YAML_MAPPING_START_EVENT:
		return on_start(l, ev, SE_NODE_MAP);
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		return on_end(l, ev);
	case YAML_ALIAS_EVENT:
		return on_alias(l, ev);
	default:
		return 0;
	}
}

/* ---- libyaml's errors in plain words ------------------------------------ */

/* Byte offset of a libyaml mark (line and column in characters). */
static size_t
mark_offset(const struct loader *l, yaml_mark_t m)
{
	size_t i = 0, line = 0, col = 0;
	const char *s = l->buf;

	while (i < l->len && line < m.line) {
		if (s[i] == '\n' || (s[i] == '\r' && (i + 1 == l->len ||
		    s[i + 1] != '\n')))
			line++;
		i++;
	}
	while (i < l->len && col < m.column) {
		i++;
		while (i < l->len && ((unsigned char)s[i] & 0xc0) == 0x80)
			i++;
		col++;
	}
	return i;
}

/* Is the character at 'm' a tab with only blanks before it on its line? */
static bool
tab_in_indent(const struct loader *l, yaml_mark_t m)
{
	size_t off = mark_offset(l, m), i;

	if (off >= l->len || l->buf[off] != '\t')
		return false;
	for (i = off; i > 0; i--) {
		char c = l->buf[i - 1];
		if (c == '\n' || c == '\r')
			break;
		if (c != ' ' && c != '\t')
			return false;
	}
	return true;
}

struct explain {
	const char *problem; /* libyaml's problem text */
	bool at_context;     /* report where the construct started */
	const char *message;
};

static const struct explain explanations[] = {
	{ "mapping values are not allowed in this context", false,
	    "a ':' here starts a new key: put the value in quotes if it "
	    "contains ': '" },
	{ "did not find expected key", false,
	    "this line does not line up with the keys above it: check its "
	    "indentation" },
	{ "did not find expected '-' indicator", false,
	    "this line does not line up with the list above it: check its "
	    "indentation" },
	{ "could not find expected ':'", true,
	    "a key here has no ':' after it" },
	{ "found unexpected end of stream", true,
	    "quoted text is not closed: add the closing quote" },
	{ "found unknown escape character", false,
	    "unknown escape after '\\' in double quotes: use single quotes, "
	    "or write '\\\\' for a backslash" },
	{ "did not find expected node content", false,
	    "a value is missing here" },
	{ "did not find expected ',' or ']'", true,
	    "a list in '[ ]' is not closed: expected ',' or ']'" },
	{ "did not find expected ',' or '}'", true,
	    "a map in '{ }' is not closed: expected ',' or '}'" },
	{ "block sequence entries are not allowed in this context", false,
	    "a '- ' list item is not allowed here: check the indentation" },
	{ "mapping keys are not allowed in this context", false,
	    "a '?' key is not allowed here: check the indentation" },
	{ "did not find expected <document start>", false,
	    "unexpected text after the end of the document" },
	{ "did not find expected comment or line break", false,
	    "unexpected text after the value on this line" },
	{ "did not find expected alphabetic or numeric character", false,
	    "an anchor '&' or alias '*' needs a name of letters and digits" },
	{ "found undefined tag handle", false,
	    "unknown tag: put the value in quotes if it starts with '!'" },
};

/* libyaml's problem text, tidied: no parser words. */
static void
tidy(se_buf *b, const char *problem)
{
	static const char *const words[][2] = {
		{ "end of stream", "end of the file" },
		{ "scalar", "value" },
		{ "octet", "byte" },
		{ "found ", "" },
	};
	size_t i;

	se_buf_adds(b, "YAML syntax error: ");
	while (*problem) {
		for (i = 0; i < sizeof words / sizeof words[0]; i++) {
			size_t n = strlen(words[i][0]);
			if (strncmp(problem, words[i][0], n) == 0) {
				se_buf_adds(b, words[i][1]);
				problem += n;
				break;
			}
		}
		if (i == sizeof words / sizeof words[0])
			se_buf_addc(b, *problem++);
	}
}

static int
reader_error(struct loader *l)
{
	const yaml_parser_t *y = &l->parser;
	se_pos p = pos_at(l, y->problem_offset);
	if (y->problem && strstr(y->problem, "control characters"))
		return se_diag_error(l->diag, &p, "yaml-syntax",
		    "control character 0x%02x is not allowed in YAML: remove it",
		    (unsigned)y->problem_value);
	return se_diag_error(l->diag, &p, "yaml-syntax",
	    "YAML syntax error: %s", y->problem ? y->problem : "unreadable");
}

static int
syntax_error(struct loader *l)
{
	const yaml_parser_t *y = &l->parser;
	const char *problem = y->problem ? y->problem : "";
	se_pos p = pos_of(l, y->problem_mark);
	se_buf b;
	size_t i;

	if (y->error == YAML_MEMORY_ERROR)
		return se_diag_error(l->diag, &p, "out-of-memory",
		    "out of memory reading YAML");
	if (y->error == YAML_READER_ERROR)
		return reader_error(l);
	if (tab_in_indent(l, y->problem_mark) || strstr(problem, "tab"))
		return se_diag_error(l->diag, &p, "yaml-syntax",
		    "tab character in indentation: YAML needs spaces here");
	for (i = 0; i < sizeof explanations / sizeof explanations[0]; i++) {
		if (strcmp(problem, explanations[i].problem) != 0)
			continue;
		if (explanations[i].at_context && y->context)
			p = pos_of(l, y->context_mark);
		return se_diag_error(l->diag, &p, "yaml-syntax", "%s",
		    explanations[i].message);
	}
	if (strcmp(problem, "found character that cannot start any token") ==
	    0) {
		size_t off = mark_offset(l, y->problem_mark), n = 1;
		while (off + n < l->len &&
		    ((unsigned char)l->buf[off + n] & 0xc0) == 0x80)
			n++;
		if (off < l->len)
			return se_diag_error(l->diag, &p, "yaml-syntax",
			    "'%.*s' cannot start a value: put the value in "
			    "quotes", (int)n, l->buf + off);
	}
	se_buf_init(&b);
	tidy(&b, problem);
	se_diag_error(l->diag, &p, "yaml-syntax", "%s", se_buf_str(&b));
	se_buf_release(&b);
	return -1;
}

/* ---- the event loop ----------------------------------------------------- */

int
se_yaml_parse(se_arena *arena, const char *file, const char *buf,
    size_t len, unsigned line_off, se_diag *diag, se_node **root)
{
	struct loader l;
	yaml_event_t ev;
	bool done = false;
	int r = 0;

	*root = NULL;
	memset(&l, 0, sizeof l);
	l.arena = arena;
	l.file = file;
	l.buf = buf;
	l.len = len;
	l.line_off = line_off;
	l.diag = diag;
	if (!yaml_parser_initialize(&l.parser))
		return nomem(&l);
	yaml_parser_set_input_string(&l.parser, (const unsigned char *)buf, len);
	yaml_parser_set_encoding(&l.parser, YAML_UTF8_ENCODING);
	while (!done) {
		if (!yaml_parser_parse(&l.parser, &ev)) {
			r = syntax_error(&l);
			break;
		}
		r = on_event(&l, &ev, &done);
		yaml_event_delete(&ev);
		if (r < 0)
			break;
	}
	yaml_parser_delete(&l.parser);
	free(l.kids);
	free(l.anchors);
	if (r < 0)
		return -1;
	*root = l.root;
	return 0;
}
