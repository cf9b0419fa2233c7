/* report.c: the report model every report type is assembled into, and
 * the one place narrative Markdown is made safe before any renderer
 * sees it (cmark safe mode, se-report(1)). */
#include "report_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

int
se_report_syntax_parse(const char *name)
{
	static const char *const names[] = { [SE_REPORT_TEXT] = "text",
		[SE_REPORT_MARKDOWN] = "markdown", [SE_REPORT_HTML] = "html" };

	return se_format_index(name, names, sizeof names / sizeof names[0]);
}

se_report *
se_report_new(const char *title)
{
	se_report *r = calloc(1, sizeof *r);

	if (!r)
		return NULL;
	r->arena = se_arena_new(0);
	if (!r->arena) {
		free(r);
		return NULL;
	}
	r->title = se_arena_strdup(r->arena, title ? title : "");
	if (!r->title) {
		se_report_free(r);
		return NULL;
	}
	return r;
}

void
se_report_free(se_report *r)
{
	size_t i;

	if (!r)
		return;
	for (i = 0; i < r->nblocks; i++)
		free(r->blocks[i].cells);
	free(r->blocks);
	free(r->notes);
	se_arena_free(r->arena);
	free(r);
}

static const char *
dup(se_report *r, const char *s)
{
	char *p = se_arena_strdup(r->arena, s ? s : "");

	if (!p)
		r->failed = true;
	return p;
}

static rblock *
add(se_report *r, int kind)
{
	rblock *b;

	if (r->failed)
		return NULL;
	if (r->nblocks == r->cap) {
		size_t cap = r->cap ? 2 * r->cap : 16;
		rblock *nb = realloc(r->blocks, cap * sizeof *nb);
		if (!nb) {
			r->failed = true;
			return NULL;
		}
		r->blocks = nb;
		r->cap = cap;
	}
	b = &r->blocks[r->nblocks++];
	memset(b, 0, sizeof *b);
	b->kind = kind;
	return b;
}

/* The level of the heading in force (1: the title). */
static int
current_level(const se_report *r)
{
	size_t i = r->nblocks;

	while (i-- > 0)
		if (r->blocks[i].kind == RB_HEADING)
			return r->blocks[i].level;
	return 1;
}

int
se_report_heading(se_report *r, int level, const char *title)
{
	rblock *b = add(r, RB_HEADING);

	if (!b)
		return -1;
	b->level = level < 2 ? 2 : level > 6 ? 6 : level;
	b->text = dup(r, title);
	return r->failed ? -1 : 0;
}

int
se_report_markdown(se_report *r, const char *md, size_t len)
{
	rblock *b = add(r, RB_MARKDOWN);
	char *p;

	if (!b)
		return -1;
	b->level = current_level(r);
	p = se_arena_strndup(r->arena, md ? md : "", md ? len : 0);
	if (!p) {
		r->failed = true;
		return -1;
	}
	b->text = p;
	b->len = md ? len : 0;
	return 0;
}

static int
para(se_report *r, int kind, const char *text)
{
	rblock *b = add(r, kind);

	if (!b)
		return -1;
	b->text = dup(r, text);
	return r->failed ? -1 : 0;
}

int
se_report_para(se_report *r, const char *text)
{
	return para(r, RB_PARA, text);
}

int
se_report_warning(se_report *r, const char *text)
{
	return para(r, RB_WARNING, text);
}

int
se_report_item(se_report *r, const char *text)
{
	return para(r, RB_ITEM, text);
}

int
se_report_numbered(se_report *r, const char *text)
{
	return para(r, RB_NITEM, text);
}

size_t
se_report_item_number(const se_report *r, size_t i)
{
	size_t n = 1;

	while (i-- > 0 && r->blocks[i].kind == RB_NITEM)
		n++;
	return n;
}

bool
se_report_ends_run(const se_report *r, size_t i)
{
	int prev, next;

	if (i == 0 || i > r->nblocks)
		return false;
	prev = r->blocks[i - 1].kind;
	next = i < r->nblocks ? (int)r->blocks[i].kind : -1;
	return (prev == RB_FIELD || prev == RB_ITEM || prev == RB_NITEM) &&
	    next != prev;
}

int
se_report_field(se_report *r, const char *label, const char *value)
{
	rblock *b = add(r, RB_FIELD);

	if (!b)
		return -1;
	b->text = dup(r, label);
	b->value = dup(r, value);
	return r->failed ? -1 : 0;
}

int
se_report_table(se_report *r, const char *caption, size_t ncols,
    const char *const *head)
{
	rblock *b = add(r, RB_TABLE);
	size_t i;

	if (!b)
		return -1;
	b->text = dup(r, caption);
	b->ncols = ncols;
	b->head = se_arena_alloc(r->arena, (ncols + 1) * sizeof *b->head);
	if (!b->head) {
		r->failed = true;
		return -1;
	}
	for (i = 0; i < ncols; i++)
		b->head[i] = dup(r, head[i]);
	return r->failed ? -1 : 0;
}

static rblock *
last_table(se_report *r)
{
	if (r->failed || r->nblocks == 0 ||
	    r->blocks[r->nblocks - 1].kind != RB_TABLE)
		return NULL;
	return &r->blocks[r->nblocks - 1];
}

static rcell *
add_cell(se_report *r)
{
	rblock *b = last_table(r);
	rcell *c;

	if (!b)
		return NULL;
	if (b->ncells == b->capcells) {
		size_t cap = b->capcells ? 2 * b->capcells : 4 * b->ncols;
		rcell *nc = realloc(b->cells, cap * sizeof *nc);
		if (!nc) {
			r->failed = true;
			return NULL;
		}
		b->cells = nc;
		b->capcells = cap;
	}
	c = &b->cells[b->ncells++];
	memset(c, 0, sizeof *c);
	return c;
}

/* Pad the row in progress so a new row starts on a row boundary. */
int
se_report_row(se_report *r)
{
	rblock *b = last_table(r);

	if (!b)
		return -1;
	while (b->ncols && b->ncells % b->ncols) {
		rcell *c = add_cell(r);
		if (!c)
			return -1;
		c->text = "";
	}
	return 0;
}

int
se_report_cell(se_report *r, const char *text)
{
	rcell *c = add_cell(r);

	if (!c)
		return -1;
	c->text = dup(r, text);
	return r->failed ? -1 : 0;
}

int
se_report_cell_rag(se_report *r, se_rag rag)
{
	rcell *c = add_cell(r);

	if (!c)
		return -1;
	c->rag = rag;
	return 0;
}

int
se_report_note(se_report *r, const char *source)
{
	rblock *b;
	const char *s;

	if (r->failed || r->nblocks == 0)
		return -1;
	if (r->nnotes == r->capnotes) {
		size_t cap = r->capnotes ? 2 * r->capnotes : 16;
		const char **nn = realloc(r->notes, cap * sizeof *nn);
		if (!nn) {
			r->failed = true;
			return -1;
		}
		r->notes = nn;
		r->capnotes = cap;
	}
	s = dup(r, source);
	if (!s)
		return -1;
	r->notes[r->nnotes++] = s;
	b = &r->blocks[r->nblocks - 1];
	if (b->kind == RB_TABLE && b->ncells > 0)
		b->cells[b->ncells - 1].note = (unsigned)r->nnotes;
	else
		b->note = (unsigned)r->nnotes;
	return (int)r->nnotes;
}

int
se_report_chart(se_report *r, const char *title, const char *const *labels,
    size_t n, const se_chart_line *lines, size_t nlines, int precision)
{
	rblock *b = add(r, RB_CHART);
	size_t i, j;

	if (!b)
		return -1;
	b->text = dup(r, title);
	b->n = n;
	b->nlines = nlines;
	b->precision = precision;
	b->labels = se_arena_alloc(r->arena, (n + 1) * sizeof *b->labels);
	b->lines = se_arena_alloc(r->arena, (nlines + 1) * sizeof *b->lines);
	if (!b->labels || !b->lines) {
		r->failed = true;
		return -1;
	}
	for (i = 0; i < n; i++)
		b->labels[i] = dup(r, labels[i]);
	for (j = 0; j < nlines; j++) {
		double *v = se_arena_alloc(r->arena, (n + 1) * sizeof *v);
		if (!v) {
			r->failed = true;
			return -1;
		}
		for (i = 0; i < n; i++)
			v[i] = lines[j].v[i];
		b->lines[j].name = dup(r, lines[j].name);
		b->lines[j].v = v;
	}
	return r->failed ? -1 : 0;
}

int
se_report_render(const se_report *r, se_report_syntax syntax, FILE *out)
{
	return se_report_render_width(r, syntax, 0, out);
}

int
se_report_render_width(const se_report *r, se_report_syntax syntax,
    size_t width, FILE *out)
{
	se_wrap *w;

	if (r->failed)
		return -1;
	switch (syntax) {
	case SE_REPORT_MARKDOWN:
		return se_report_render_md(r, out);
	case SE_REPORT_HTML:
		return se_report_render_html(r, out);
	case SE_REPORT_TEXT:
		break;
	}
	w = se_wrap_open(out, width);
	if (!w)
		return -1;
	if (se_report_render_text(r, se_wrap_file(w), width) < 0) {
		se_wrap_close(w);
		return -1;
	}
	return se_wrap_close(w);
}

const char *
se_report_rag_letter(se_rag r)
{
	switch (r) {
	case SE_RAG_RED: return "R";
	case SE_RAG_AMBER: return "A";
	case SE_RAG_GREEN: return "G";
	case SE_RAG_NONE: break;
	}
	return "";
}

const char *
se_report_rag_label(se_rag r)
{
	switch (r) {
	case SE_RAG_RED: return "Red";
	case SE_RAG_AMBER: return "Amber";
	case SE_RAG_GREEN: return "Green";
	case SE_RAG_NONE: break;
	}
	return "Not rated";
}

void
se_report_chart_alt(const rblock *b, se_buf *out)
{
	size_t j, i, first, last;
	char v1[64], v2[64];

	for (j = 0; j < b->nlines; j++) {
		const double *v = b->lines[j].v;
		first = last = SIZE_MAX;
		for (i = 0; i < b->n; i++)
			if (!isnan(v[i])) {
				if (first == SIZE_MAX)
					first = i;
				last = i;
			}
		if (j)
			se_buf_addc(out, ' ');
		se_buf_adds(out, b->lines[j].name);
		if (first == SIZE_MAX) {
			se_buf_adds(out, ": no values.");
			continue;
		}
		se_number_format(v[first], b->precision, v1, sizeof v1);
		se_number_format(v[last], b->precision, v2, sizeof v2);
		if (first == last)
			se_buf_addf(out, ": %s (%s).", v1, b->labels[first]);
		else
			se_buf_addf(out, ": %s (%s) to %s (%s).", v1,
			    b->labels[first], v2, b->labels[last]);
	}
}

/* ---- safe narrative ------------------------------------------------- */

/* cmark's own notion of an unsafe URL (javascript:, vbscript:, file:,
 * data: other than images), checked here too so that the Markdown and
 * text renderings, which cmark does not filter, drop the same links. */
static bool
url_unsafe(const char *url)
{
	static const char *const bad[] = { "javascript:", "vbscript:",
		"file:", "data:" };
	char head[16];
	size_t i, n = 0;

	if (!url)
		return false;
	/* browsers ignore controls and spaces around a scheme and tabs and
	 * newlines inside it ("java\tscript:"): so does this check */
	for (; *url && n < sizeof head - 1; url++)
		if ((unsigned char)*url > 0x20)
			head[n++] = *url;
	head[n] = 0;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (se_strncasecmp(head, bad[i], strlen(bad[i])) == 0)
			return true;
	return false;
}

/* Replace 'n' by its children (an unwrapped link or image). */
static void
unwrap(cmark_node *n)
{
	cmark_node *c;

	while ((c = cmark_node_first_child(n)) != NULL)
		cmark_node_insert_before(n, c);
	cmark_node_free(n);
}

/* What to do with a node: nothing, drop it, or keep its children. */
enum { KEEP, DROP, UNWRAP };

static int
judge(cmark_node *n)
{
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_HTML_BLOCK:
	case CMARK_NODE_HTML_INLINE:
		return DROP;
	case CMARK_NODE_IMAGE:
		/* no fetch from a report: an image shows as its text */
		return UNWRAP;
	case CMARK_NODE_LINK:
		return url_unsafe(cmark_node_get_url(n)) ? UNWRAP : KEEP;
	default:
		return KEEP;
	}
}

/* Post-order walk so that a node is judged after its children. */
static void
clean(cmark_node *n, int level)
{
	cmark_node *c = cmark_node_first_child(n), *next;

	for (; c; c = next) {
		next = cmark_node_next(c);
		clean(c, level);
	}
	if (cmark_node_get_type(n) == CMARK_NODE_HEADING) {
		int l = cmark_node_get_heading_level(n) + level;
		cmark_node_set_heading_level(n, l > 6 ? 6 : l);
	}
	switch (judge(n)) {
	case DROP:
		cmark_node_free(n);
		break;
	case UNWRAP:
		unwrap(n);
		break;
	default:
		break;
	}
}

cmark_node *
se_report_md_parse(const char *md, size_t len, int level)
{
	cmark_node *doc = cmark_parse_document(md, len, CMARK_OPT_SAFE);
	cmark_node *c, *next;

	if (!doc)
		return NULL;
	for (c = cmark_node_first_child(doc); c; c = next) {
		next = cmark_node_next(c);
		clean(c, level);
	}
	return doc;
}
