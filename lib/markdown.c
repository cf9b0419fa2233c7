/* markdown.c: the Markdown loader.  Front matter goes to the YAML loader
 * with its lines shifted to match the file; the body is parsed by cmark
 * with source positions and split into sections at its top-level
 * headings, each with its words, list items and links. */
#include "load_internal.h"

#include <cmark.h>
#include <stdlib.h>
#include <string.h>

/* A growable array of fixed-size elements (malloc'ed, temporary). */
struct vec {
	void *v;
	size_t n, cap, size;
};

static void *
vec_push(struct vec *a)
{
	if (a->n == a->cap) {
		size_t cap = a->cap ? a->cap * 2 : 16;
		void *v = realloc(a->v, cap * a->size);
		if (!v)
			return NULL;
		a->v = v;
		a->cap = cap;
	}
	return memset((char *)a->v + a->size * a->n++, 0, a->size);
}

/* A list item while its section is open: its links are the section's
 * links from 'first' up to 'first' + item.nlinks. */
struct titem {
	se_item item;
	size_t first;
};

struct mdload {
	se_doc *doc;
	se_diag *diag;
	const char *body;
	size_t body_len;
	size_t *lines; /* byte offset of each body line (0-based) */
	size_t nlines;
	struct vec sections; /* se_section */
	struct vec items;    /* struct titem, of the open section */
	struct vec links;    /* se_link, of the open section */
	struct vec stack;    /* size_t: open items, innermost last */
	bool inword;
	int col_line;        /* pos_at's last line, byte offset and column */
	size_t col_at;
	unsigned col;
	int link_line; /* link_pos's last line and where its search ended */
	size_t link_at;
};

static int
nomem(struct mdload *m)
{
	return se_load_nomem(m->doc->arena, m->doc->path, m->diag);
}

/* ---- characters and words ----------------------------------------------- */

static unsigned
decode(const unsigned char *s, size_t *n)
{
	if (s[0] < 0x80) {
		*n = 1;
		return s[0];
	}
	if (s[0] < 0xe0) {
		*n = 2;
		return (unsigned)(s[0] & 0x1f) << 6 | (s[1] & 0x3f);
	}
	if (s[0] < 0xf0) {
		*n = 3;
		return (unsigned)(s[0] & 0x0f) << 12 |
		    (unsigned)(s[1] & 0x3f) << 6 | (s[2] & 0x3f);
	}
	*n = 4;
	return (unsigned)(s[0] & 0x07) << 18 | (unsigned)(s[1] & 0x3f) << 12 |
	    (unsigned)(s[2] & 0x3f) << 6 | (s[3] & 0x3f);
}

static bool
is_apostrophe(unsigned c)
{
	return c == '\'' || c == 0x2018 || c == 0x2019;
}

/* Letters and digits: ASCII ones, and every non-ASCII character except
 * Latin-1 punctuation and the General Punctuation block (dashes, quotes,
 * spaces, ellipsis). */
static bool
is_alnum(unsigned c)
{
	if (c < 0x80)
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9');
	if (c <= 0xbf || c == 0xd7 || c == 0xf7)
		return false;
	if (c >= 0x2000 && c <= 0x206f)
		return false;
	if (c == 0x3000 || c == 0xfeff)
		return false;
	return true;
}

/* Count words (runs of letters, digits and apostrophes); a word may go on
 * into the next text node ("un*believ*able" is one word). */
static size_t
count_words(struct mdload *m, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t words = 0, n;
	unsigned c;

	while (*p) {
		c = decode(p, &n);
		p += n;
		if (is_alnum(c) || is_apostrophe(c)) {
			if (!m->inword)
				words++;
			m->inword = true;
		} else {
			m->inword = false;
		}
	}
	return words;
}

/* ---- positions ---------------------------------------------------------- */

static int
index_lines(struct mdload *m)
{
	size_t i, n = 1;

	for (i = 0; i < m->body_len; i++)
		if (m->body[i] == '\n' || (m->body[i] == '\r' &&
		    (i + 1 == m->body_len || m->body[i + 1] != '\n')))
			n++;
	m->lines = malloc(n * sizeof *m->lines);
	if (!m->lines)
		return -1;
	m->lines[0] = 0;
	m->nlines = 1;
	for (i = 0; i < m->body_len; i++)
		if (m->body[i] == '\n' || (m->body[i] == '\r' &&
		    (i + 1 == m->body_len || m->body[i + 1] != '\n')))
			m->lines[m->nlines++] = i + 1;
	return 0;
}

/* Byte offset where cmark's line 'line' (1-based) starts; past the end
 * gives the body's length. */
static size_t
line_off(const struct mdload *m, int line)
{
	if (line < 1)
		return 0;
	if ((size_t)line > m->nlines)
		return m->body_len;
	return m->lines[line - 1];
}

/* The end of the line's text, before its line break. */
static size_t
line_end(const struct mdload *m, int line)
{
	size_t e = (size_t)line < m->nlines ? m->lines[line] : m->body_len;

	while (e > line_off(m, line) && (m->body[e - 1] == '\n' ||
	    m->body[e - 1] == '\r'))
		e--;
	return e;
}

/* cmark's (line, byte column) as a position in the file.  Columns are
 * counted on from the last one asked for when it is on the same line and
 * before: many nested items on one long line stay linear. */
static se_pos
pos_at(struct mdload *m, int line, int col)
{
	se_pos p = { m->doc->path, 0, 1 };
	size_t start, end, at;

	if (line < 1)
		line = 1;
	start = line_off(m, line);
	end = line_end(m, line);
	p.line = m->doc->body_line + (unsigned)line - 1;
	if (col <= 1 || start + (size_t)(col - 1) > end)
		return p;
	at = start + (size_t)(col - 1);
	if (m->col_line != line || m->col_at > at) {
		m->col_line = line;
		m->col_at = start;
		m->col = 1;
	}
	m->col += se_utf8_column(m->body + m->col_at, m->body + at) - 1;
	m->col_at = at;
	p.col = m->col;
	return p;
}

/* A node's position; inlines without one take their block's. */
static se_pos
node_pos(struct mdload *m, cmark_node *n)
{
	while (n && cmark_node_get_start_line(n) <= 0)
		n = cmark_node_parent(n);
	if (!n)
		return pos_at(m, 1, 1);
	return pos_at(m, cmark_node_get_start_line(n),
	    cmark_node_get_start_column(n));
}

/* Where 'needle' first occurs in [a, b) of the body, or b. */
static size_t
find(const struct mdload *m, size_t a, size_t b, const char *needle)
{
	size_t n = strlen(needle);

	for (; n && a + n <= b; a++)
		if (memcmp(m->body + a, needle, n) == 0)
			return a;
	return b;
}

/* The '[' that opens the link text ending at the ']' at 'close'. */
static size_t
open_bracket(const struct mdload *m, size_t start, size_t close)
{
	size_t depth = 0, i = close;

	while (i > start) {
		i--;
		if (m->body[i] == ']')
			depth++;
		else if (m->body[i] == '[' && depth-- == 0)
			return i;
	}
	return close;
}

/* A link's position: its '[' or '<'.  cmark's inline columns are off on
 * the first line of a paragraph inside a list item, so a column that is
 * not at a '[' or '<' is looked for on the line by the link's target,
 * after the link found before it on that line (links come in order, so
 * the search stays linear); failing that, the link's block gives the
 * position. */
static se_pos
link_pos(struct mdload *m, cmark_node *n, const char *url)
{
	int line = cmark_node_get_start_line(n);
	int col = cmark_node_get_start_column(n);
	size_t a, b, at, close;
	se_buf pat;

	if (line < 1 || (size_t)line > m->nlines)
		return node_pos(m, cmark_node_parent(n));
	a = line_off(m, line);
	b = line_end(m, line);
	at = col > 0 ? a + (size_t)(col - 1) : b;
	if (at < b && (m->body[at] == '[' || m->body[at] == '<'))
		return pos_at(m, line, col);
	if (m->link_line == line && m->link_at > a)
		a = m->link_at;
	se_buf_init(&pat);
	se_buf_addc(&pat, '<');
	se_buf_adds(&pat, url);
	at = find(m, a, b, se_buf_str(&pat));
	if (at == b) {
		se_buf_reset(&pat);
		se_buf_adds(&pat, "](");
		se_buf_adds(&pat, url);
		close = find(m, a, b, se_buf_str(&pat));
		at = close < b ? open_bracket(m, a, close) : b;
		if (at == close)
			at = b;
	}
	se_buf_release(&pat);
	m->link_line = line;
	m->link_at = at < b ? at + 1 : b;
	if (at < b)
		return pos_at(m, line, (int)(at - line_off(m, line)) + 1);
	return node_pos(m, cmark_node_parent(n));
}

/* ---- sections ----------------------------------------------------------- */

static char *
heading_title(struct mdload *m, cmark_node *h)
{
	cmark_iter *it = cmark_iter_new(h);
	cmark_event_type ev;
	se_buf b;
	char *s;
	size_t start = 0, end;

	se_buf_init(&b);
	while (it && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(n);
		if (ev != CMARK_EVENT_ENTER)
			continue;
		if (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE)
			se_buf_adds(&b, cmark_node_get_literal(n));
		else if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK)
			se_buf_addc(&b, ' ');
	}
	cmark_iter_free(it);
	if (!it || se_buf_failed(&b)) {
		se_buf_release(&b);
		return NULL;
	}
	end = b.len;
	while (start < end && (b.data[start] == ' ' || b.data[start] == '\t'))
		start++;
	while (end > start && (b.data[end - 1] == ' ' ||
	    b.data[end - 1] == '\t'))
		end--;
	s = se_arena_strndup(m->doc->arena, b.data ? b.data + start : "",
	    end - start);
	se_buf_release(&b);
	return s;
}

/* "Front door, assessment & early help" -> "front-door-assessment-early-help".
 * Not the name matcher's fold (name.c): a section's id is an identifier the
 * formats write ("key-strengths") and compare exactly, so its words are
 * joined by '-', and any script's punctuation (decoded, not just ASCII)
 * separates them; titles themselves are compared with se_name_eq. */
static char *
title_id(struct mdload *m, const char *title)
{
	const unsigned char *p = (const unsigned char *)title;
	char *id = se_arena_alloc(m->doc->arena, strlen(title) + 1);
	size_t len = 0, n;
	bool dash = false;
	unsigned c;

	if (!id)
		return NULL;
	while (*p) {
		c = decode(p, &n);
		if (!is_alnum(c)) {
			dash = len > 0;
			p += n;
			continue;
		}
		if (dash)
			id[len++] = '-';
		dash = false;
		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		if (c < 0x80) {
			id[len++] = (char)c;
		} else {
			memcpy(id + len, p, n);
			len += n;
		}
		p += n;
	}
	id[len] = '\0';
	return id;
}

static se_section *
open_section(struct mdload *m)
{
	se_section *s = vec_push(&m->sections);

	m->items.n = 0;
	m->links.n = 0;
	m->stack.n = 0;
	return s;
}

/* Body lines [from, to) of cmark's lines go to 's'. */
static void
set_body(struct mdload *m, se_section *s, int from, int to)
{
	size_t a = line_off(m, from), b = line_off(m, to);

	if (b < a)
		b = a;
	s->body = m->body + a;
	s->body_len = b - a;
	s->body_line = m->doc->body_line + (unsigned)from - 1;
}

/* Move the open section's items and links into the arena. */
static int
close_section(struct mdload *m)
{
	se_section *s;
	se_arena *arena = m->doc->arena;
	const struct titem *ti = m->items.v;
	size_t i;

	if (m->sections.n == 0)
		return 0;
	s = (se_section *)m->sections.v + m->sections.n - 1;
	s->nlinks = m->links.n;
	s->links = se_arena_alloc(arena, (s->nlinks ? s->nlinks : 1) *
	    sizeof *s->links);
	s->nitems = m->items.n;
	s->items = se_arena_alloc(arena, (s->nitems ? s->nitems : 1) *
	    sizeof *s->items);
	if (!s->links || !s->items)
		return nomem(m);
	if (s->nlinks)
		memcpy(s->links, m->links.v, s->nlinks * sizeof *s->links);
	for (i = 0; i < s->nitems; i++) {
		s->items[i] = ti[i].item;
		s->items[i].links = s->links + ti[i].first;
	}
	return 0;
}

/* The item's text: the source lines of its first block, the first line
 * from where that block starts, the others without their indentation;
 * "" when that block is a list or a quote (its own items have the text),
 * so that no source line is copied more than once. */
static char *
item_text(struct mdload *m, cmark_node *item)
{
	cmark_node *first = cmark_node_first_child(item);
	int line, end;
	size_t a, b;
	se_buf buf;
	char *s;

	if (!first || cmark_node_get_type(first) == CMARK_NODE_LIST ||
	    cmark_node_get_type(first) == CMARK_NODE_BLOCK_QUOTE)
		return se_arena_strdup(m->doc->arena, "");
	line = cmark_node_get_start_line(first);
	end = cmark_node_get_end_line(first);
	se_buf_init(&buf);
	for (; line <= end && (size_t)line <= m->nlines; line++) {
		a = line_off(m, line);
		b = line_end(m, line);
		if (line == cmark_node_get_start_line(first)) {
			size_t col = (size_t)cmark_node_get_start_column(first);
			a = col > 0 && a + col - 1 <= b ? a + col - 1 : a;
		} else {
			while (a < b && (m->body[a] == ' ' || m->body[a] == '\t'))
				a++;
		}
		while (b > a && (m->body[b - 1] == ' ' || m->body[b - 1] == '\t'))
			b--;
		if (buf.len)
			se_buf_addc(&buf, '\n');
		se_buf_add(&buf, m->body + a, b - a);
	}
	while (buf.len && buf.data[buf.len - 1] == '\n')
		buf.data[--buf.len] = '\0';
	s = se_buf_failed(&buf) ? NULL : se_arena_strndup(m->doc->arena,
	    buf.data ? buf.data : "", buf.len);
	se_buf_release(&buf);
	return s;
}

static int
enter_item(struct mdload *m, cmark_node *n)
{
	struct titem *t = vec_push(&m->items);
	size_t *top;

	if (!t)
		return nomem(m);
	t->item.pos = node_pos(m, n);
	t->item.text = item_text(m, n);
	t->first = m->links.n;
	top = vec_push(&m->stack);
	if (!t->item.text || !top)
		return nomem(m);
	*top = m->items.n - 1;
	return 0;
}

static void
exit_item(struct mdload *m)
{
	struct titem *t;

	if (m->stack.n == 0)
		return;
	t = (struct titem *)m->items.v + ((size_t *)m->stack.v)[--m->stack.n];
	t->item.nlinks = m->links.n - t->first;
}

static int
add_link(struct mdload *m, cmark_node *n)
{
	se_link *l = vec_push(&m->links);

	if (!l)
		return nomem(m);
	l->target = se_arena_strdup(m->doc->arena, cmark_node_get_url(n) ?
	    cmark_node_get_url(n) : "");
	if (l->target)
		l->pos = link_pos(m, n, l->target);
	return l->target ? 0 : nomem(m);
}

/* Words, items and links of one top-level block of a section. */
static int
scan_block(struct mdload *m, se_section *s, cmark_node *block)
{
	cmark_iter *it = cmark_iter_new(block);
	cmark_event_type ev;
	int r = 0;

	if (!it)
		return nomem(m);
	m->inword = false;
	while (r == 0 && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(n);
		if (ev == CMARK_EVENT_EXIT) {
			if (t == CMARK_NODE_ITEM)
				exit_item(m);
			continue;
		}
		if ((t >= CMARK_NODE_FIRST_BLOCK && t <= CMARK_NODE_LAST_BLOCK) ||
		    t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK)
			m->inword = false;
		if (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE ||
		    t == CMARK_NODE_CODE_BLOCK)
			s->words += count_words(m, cmark_node_get_literal(n));
		if (t == CMARK_NODE_CODE_BLOCK)
			m->inword = false;
		if (t == CMARK_NODE_ITEM)
			r = enter_item(m, n);
		else if (t == CMARK_NODE_LINK)
			r = add_link(m, n);
	}
	cmark_iter_free(it);
	return r;
}

static bool
is_blank(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
			return false;
	return true;
}

static se_section *
current(struct mdload *m)
{
	return (se_section *)m->sections.v + m->sections.n - 1;
}

/* Text before the first heading is a section of level 0, titled "". */
static int
preamble(struct mdload *m, int first_heading_line)
{
	se_section *s;
	size_t end = line_off(m, first_heading_line);

	if (is_blank(m->body, end))
		return 0;
	s = open_section(m);
	if (!s)
		return nomem(m);
	s->title = "";
	s->id = "";
	s->level = 0;
	s->pos.file = m->doc->path;
	s->pos.line = m->doc->body_line;
	s->pos.col = 1;
	set_body(m, s, 1, first_heading_line);
	return 0;
}

/* Is body line 'line' a setext underline: up to three spaces, a run of
 * '=' or '-', trailing blanks? */
static bool
is_underline(const struct mdload *m, int line)
{
	size_t a = line_off(m, line), b = line_end(m, line), i = 0;
	char c;

	while (a < b && m->body[a] == ' ' && i++ < 3)
		a++;
	while (b > a && (m->body[b - 1] == ' ' || m->body[b - 1] == '\t'))
		b--;
	if (a == b || (m->body[a] != '=' && m->body[a] != '-'))
		return false;
	for (c = m->body[a]; a < b; a++)
		if (m->body[a] != c)
			return false;
	return true;
}

/* The heading's last line.  cmark ends a setext heading on the line
 * after its underline, so find the underline. */
static int
heading_end(const struct mdload *m, cmark_node *h)
{
	int line = cmark_node_get_start_line(h);
	int end = cmark_node_get_end_line(h);
	size_t a = line_off(m, line), b = line_end(m, line);

	while (a < b && m->body[a] == ' ')
		a++;
	if (a < b && m->body[a] == '#')
		return line;
	for (line++; line <= end; line++)
		if (is_underline(m, line))
			return line;
	return end;
}

static int
heading(struct mdload *m, cmark_node *h, cmark_node *next_heading)
{
	se_section *s;
	int to;

	if (close_section(m) < 0)
		return -1;
	s = open_section(m);
	if (!s)
		return nomem(m);
	s->level = cmark_node_get_heading_level(h);
	s->pos = node_pos(m, h);
	s->title = heading_title(m, h);
	s->id = s->title ? title_id(m, s->title) : NULL;
	if (!s->title || !s->id)
		return nomem(m);
	to = next_heading ? cmark_node_get_start_line(next_heading) :
	    (int)m->nlines + 1;
	set_body(m, s, heading_end(m, h) + 1, to);
	return 0;
}

static cmark_node *
next_heading(cmark_node *n)
{
	for (n = cmark_node_next(n); n; n = cmark_node_next(n))
		if (cmark_node_get_type(n) == CMARK_NODE_HEADING)
			return n;
	return NULL;
}

static int
split(struct mdload *m, cmark_node *root)
{
	cmark_node *n, *first = cmark_node_first_child(root);
	cmark_node *h = !first || cmark_node_get_type(first) ==
	    CMARK_NODE_HEADING ? first : next_heading(first);
	int r;

	r = preamble(m, h ? cmark_node_get_start_line(h) : (int)m->nlines + 1);
	for (n = first; r == 0 && n; n = cmark_node_next(n)) {
		if (cmark_node_get_type(n) == CMARK_NODE_HEADING)
			r = heading(m, n, next_heading(n));
		else if (m->sections.n)
			r = scan_block(m, current(m), n);
	}
	if (r == 0)
		r = close_section(m);
	return r;
}

/* ---- front matter -------------------------------------------------------- */

/* Is the line at 's' (up to its break) 'mark' with optional trailing
 * blanks?  *next is set after its line break. */
static bool
is_fence(const char *s, size_t len, const char *mark, size_t *next)
{
	size_t i = 0;

	while (i < len && s[i] != '\n' && s[i] != '\r')
		i++;
	*next = i;
	if (*next < len && s[*next] == '\r')
		(*next)++;
	if (*next < len && s[*next] == '\n')
		(*next)++;
	if (i < 3 || memcmp(s, mark, 3) != 0)
		return false;
	while (i > 3 && (s[i - 1] == ' ' || s[i - 1] == '\t'))
		i--;
	return i == 3;
}

static int
front_matter(se_doc *doc, se_diag *diag)
{
	const char *s = doc->src;
	size_t len = doc->src_len, start, off, next;
	unsigned line = 2;
	se_pos p = { doc->path, 1, 1 };

	doc->body = doc->src;
	doc->body_len = doc->src_len;
	doc->body_line = 1;
	if (!is_fence(s, len, "---", &start))
		return 0;
	for (off = start; off < len; off += next, line++) {
		if (is_fence(s + off, len - off, "---", &next) ||
		    is_fence(s + off, len - off, "...", &next))
			break;
	}
	if (off >= len)
		return se_diag_error(diag, &p, "front-matter",
		    "front matter starts with '---' at line 1 but has no "
		    "closing '---'");
	doc->body = s + off + next;
	doc->body_len = len - off - next;
	doc->body_line = line + 1;
	return se_yaml_parse(doc->arena, doc->path, s + start, off - start, 1,
	    diag, &doc->meta);
}

int
se_markdown_parse(se_doc *doc, se_diag *diag)
{
	struct mdload m;
	cmark_node *root = NULL;
	int r = -1;

	if (front_matter(doc, diag) < 0)
		return -1;
	memset(&m, 0, sizeof m);
	m.doc = doc;
	m.diag = diag;
	m.body = doc->body;
	m.body_len = doc->body_len;
	m.sections.size = sizeof(se_section);
	m.items.size = sizeof(struct titem);
	m.links.size = sizeof(se_link);
	m.stack.size = sizeof(size_t);
	if (index_lines(&m) < 0) {
		nomem(&m);
		goto out;
	}
	root = cmark_parse_document(m.body, m.body_len, CMARK_OPT_SOURCEPOS);
	if (!root) {
		nomem(&m);
		goto out;
	}
	cmark_consolidate_text_nodes(root);
	if (split(&m, root) < 0)
		goto out;
	doc->nsections = m.sections.n;
	doc->sections = se_arena_alloc(doc->arena,
	    (m.sections.n ? m.sections.n : 1) * sizeof *doc->sections);
	if (!doc->sections) {
		nomem(&m);
		goto out;
	}
	if (m.sections.n)
		memcpy(doc->sections, m.sections.v,
		    m.sections.n * sizeof *doc->sections);
	r = 0;
out:
	cmark_node_free(root);
	free(m.lines);
	free(m.sections.v);
	free(m.items.v);
	free(m.links.v);
	free(m.stack.v);
	return r;
}
