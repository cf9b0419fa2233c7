/* report_text.c: a report as plain text for a terminal or an email:
 * underlined headings, narrative as plain paragraphs, tables aligned when
 * they fit in 100 columns and as one record a row when they do not.
 * Input text goes through se_text_put, so nothing can drive a terminal. */
#include "report_internal.h"

#include <stdlib.h>
#include <string.h>

/* Tables wider than this are shown as records when no width is given. */
enum { WIDTH = 100 };

static void
put(FILE *f, const char *s)
{
	se_text_put(f, s);
}

static void
underline(FILE *f, const char *s, char c)
{
	size_t i, n = se_utf8_width(s);

	put(f, s);
	fputc('\n', f);
	for (i = 0; i < n; i++)
		fputc(c, f);
	fputs("\n\n", f);
}

/* A cell's text with its footnote mark, in 'b'. */
static void
cell_text(const rcell *c, se_buf *b)
{
	se_buf_reset(b);
	if (c->text) {
		const char *p;
		for (p = c->text; *p; p++)
			se_buf_addc(b, *p == '\n' ? ' ' : *p);
	} else {
		se_buf_adds(b, c->rag ? se_report_rag_letter(c->rag) :
		    "not rated");
	}
	if (c->note)
		se_buf_addf(b, " [%u]", c->note);
}

static void
table(FILE *f, const rblock *b, size_t fit)
{
	size_t i, j, k, total = 0, *w;
	se_buf t;

	if (!b->ncols)
		return;
	w = calloc(b->ncols, sizeof *w);
	if (!w)
		return;
	se_buf_init(&t);
	if (b->text[0]) {
		put(f, b->text);
		fputs("\n\n", f);
	}
	for (j = 0; j < b->ncols; j++)
		w[j] = se_utf8_width(b->head[j]);
	for (i = 0; i < b->ncells; i++) {
		cell_text(&b->cells[i], &t);
		if (se_utf8_width(se_buf_str(&t)) > w[i % b->ncols])
			w[i % b->ncols] = se_utf8_width(se_buf_str(&t));
	}
	for (j = 0; j < b->ncols; j++)
		total += w[j] + 2;
	if (!fit)
		fit = WIDTH;
	if (total <= fit) {
		for (j = 0; j < b->ncols; j++) {
			put(f, b->head[j]);
			for (k = se_utf8_width(b->head[j]); j + 1 < b->ncols && k < w[j] + 2;
			    k++)
				fputc(' ', f);
		}
		fputc('\n', f);
		for (j = 0; j < b->ncols; j++)
			for (k = 0; k < w[j] + (j + 1 < b->ncols ? 2 : 0); k++)
				fputc('-', f);
		fputc('\n', f);
	}
	for (i = 0; i + b->ncols <= b->ncells; i += b->ncols) {
		for (j = 0; j < b->ncols; j++) {
			cell_text(&b->cells[i + j], &t);
			if (total > fit) {
				if (j == 0) {
					put(f, se_buf_str(&t));
					fputc('\n', f);
					continue;
				}
				if (!se_buf_str(&t)[0])
					continue;
				fputs("  ", f);
				put(f, b->head[j]);
				fputs(": ", f);
				put(f, se_buf_str(&t));
				fputc('\n', f);
				continue;
			}
			put(f, se_buf_str(&t));
			for (k = se_utf8_width(se_buf_str(&t));
			    j + 1 < b->ncols && k < w[j] + 2; k++)
				fputc(' ', f);
		}
		fputc('\n', f);
	}
	if (b->ncells < b->ncols)
		fputs("None recorded.\n", f);
	se_buf_release(&t);
	free(w);
}

/* Narrative as plain text: paragraphs and list items, links as their
 * text followed by the target. */
static void
plain(FILE *f, cmark_node *doc)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	se_buf b;

	se_buf_init(&b);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		bool enter = ev == CMARK_EVENT_ENTER;
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
			se_buf_adds(&b, cmark_node_get_literal(n));
			break;
		case CMARK_NODE_CODE_BLOCK:
			se_buf_adds(&b, cmark_node_get_literal(n));
			se_buf_addc(&b, '\n');
			break;
		case CMARK_NODE_SOFTBREAK:
			se_buf_addc(&b, ' ');
			break;
		case CMARK_NODE_LINEBREAK:
			se_buf_addc(&b, '\n');
			break;
		case CMARK_NODE_ITEM:
			if (enter)
				se_buf_adds(&b, "- ");
			break;
		case CMARK_NODE_LINK:
			if (!enter && cmark_node_get_url(n) &&
			    cmark_node_get_url(n)[0])
				se_buf_addf(&b, " <%s>", cmark_node_get_url(n));
			break;
		case CMARK_NODE_PARAGRAPH:
		case CMARK_NODE_HEADING:
			if (!enter) {
				bool tight = cmark_node_parent(n) &&
				    cmark_node_get_type(cmark_node_parent(n)) ==
				    CMARK_NODE_ITEM && cmark_node_get_list_tight(
				    cmark_node_parent(cmark_node_parent(n)));
				se_buf_adds(&b, tight ? "\n" : "\n\n");
			}
			break;
		case CMARK_NODE_LIST:
			if (!enter && cmark_node_get_list_tight(n))
				se_buf_addc(&b, '\n');
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
	put(f, se_buf_str(&b));
	se_buf_release(&b);
}

static int
narrative(FILE *f, const rblock *b)
{
	cmark_node *doc = se_report_md_parse(b->text, b->len, b->level);

	if (!doc)
		return -1;
	plain(f, doc);
	cmark_node_free(doc);
	return 0;
}

static void
note_ref(FILE *f, unsigned note)
{
	if (note)
		fprintf(f, " [%u]", note);
}

static int
block(FILE *f, const rblock *b, size_t number, size_t width)
{
	se_buf alt;

	switch (b->kind) {
	case RB_HEADING:
		if (b->level == 2)
			underline(f, b->text, '-');
		else {
			put(f, b->text);
			fputs("\n\n", f);
		}
		break;
	case RB_MARKDOWN:
		return narrative(f, b);
	case RB_PARA:
	case RB_WARNING:
		if (b->kind == RB_WARNING)
			fputs("WARNING: ", f);
		put(f, b->text);
		note_ref(f, b->note);
		fputs("\n\n", f);
		break;
	case RB_ITEM:
	case RB_NITEM:
		if (b->kind == RB_NITEM)
			fprintf(f, "%zu. ", number);
		else
			fputs("- ", f);
		put(f, b->text);
		note_ref(f, b->note);
		fputc('\n', f);
		break;
	case RB_FIELD:
		put(f, b->text);
		fputs(": ", f);
		put(f, b->value);
		note_ref(f, b->note);
		fputc('\n', f);
		break;
	case RB_TABLE:
		table(f, b, width);
		fputc('\n', f);
		break;
	case RB_CHART:
		se_buf_init(&alt);
		se_report_chart_alt(b, &alt);
		put(f, b->text);
		fputs(": ", f);
		put(f, se_buf_str(&alt));
		fputs("\n\n", f);
		se_buf_release(&alt);
		break;
	default:
		break;
	}
	return 0;
}

int
se_report_render_text(const se_report *r, FILE *f, size_t width)
{
	size_t i;

	underline(f, r->title, '=');
	for (i = 0; i < r->nblocks; i++) {
		if (se_report_ends_run(r, i))
			fputc('\n', f);
		if (block(f, &r->blocks[i], se_report_item_number(r, i),
		    width) < 0)
			return -1;
	}
	if (se_report_ends_run(r, r->nblocks))
		fputc('\n', f);
	if (r->nnotes)
		underline(f, "Sources", '-');
	for (i = 0; i < r->nnotes; i++) {
		fprintf(f, "[%zu] ", i + 1);
		put(f, r->notes[i]);
		fputc('\n', f);
	}
	return ferror(f) ? -1 : 0;
}
