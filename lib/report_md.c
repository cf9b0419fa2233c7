/* report_md.c: a report as Markdown (CommonMark with GitHub tables and
 * footnotes).  Text taken from input is escaped here so that no input
 * becomes markup: a '<' never opens raw HTML, a '|' never splits a cell. */
#include "report_internal.h"

#include <stdlib.h>
#include <string.h>

static void
note_ref(FILE *f, unsigned note)
{
	if (note)
		fprintf(f, "[^%u]", note);
}

static void
put_cell(FILE *f, const rcell *c)
{
	if (c->text)
		se_md_put(f, c->text, true);
	else
		fputs(c->rag ? se_report_rag_letter(c->rag) : "not rated", f);
	note_ref(f, c->note);
}

static void
table(FILE *f, const rblock *b)
{
	size_t i, j;

	if (b->text[0]) {
		fputs("**", f);
		se_md_put(f, b->text, true);
		fputs("**\n\n", f);
	}
	fputc('|', f);
	for (j = 0; j < b->ncols; j++) {
		fputc(' ', f);
		se_md_put(f, b->head[j], true);
		fputs(" |", f);
	}
	fputs("\n|", f);
	for (j = 0; j < b->ncols; j++)
		fputs("---|", f);
	fputc('\n', f);
	for (i = 0; i + b->ncols <= b->ncells && b->ncols; i += b->ncols) {
		fputc('|', f);
		for (j = 0; j < b->ncols; j++) {
			fputc(' ', f);
			put_cell(f, &b->cells[i + j]);
			fputs(" |", f);
		}
		fputc('\n', f);
	}
	if (b->ncells < b->ncols) { /* a row saying so, under the header */
		fputs("| None recorded |", f);
		for (j = 1; j < b->ncols; j++)
			fputs("  |", f);
		fputc('\n', f);
	}
	fputc('\n', f);
}

static int
narrative(FILE *f, const rblock *b)
{
	cmark_node *doc = se_report_md_parse(b->text, b->len, b->level);
	char *md;

	if (!doc)
		return -1;
	md = cmark_render_commonmark(doc, CMARK_OPT_DEFAULT, 0);
	cmark_node_free(doc);
	if (!md)
		return -1;
	if (md[0]) {
		fputs(md, f);
		fputc('\n', f);
	}
	free(md);
	return 0;
}

static int
block(FILE *f, const rblock *b, size_t number)
{
	se_buf alt;

	switch (b->kind) {
	case RB_HEADING:
		fprintf(f, "%.*s ", b->level, "######");
		se_md_put(f, b->text, true);
		fputs("\n\n", f);
		break;
	case RB_MARKDOWN:
		return narrative(f, b);
	case RB_PARA:
	case RB_WARNING:
		if (b->kind == RB_WARNING)
			fputs("> **Warning:** ", f);
		se_md_put(f, b->text, false);
		note_ref(f, b->note);
		fputs("\n\n", f);
		break;
	case RB_ITEM:
	case RB_NITEM:
		if (b->kind == RB_NITEM)
			fprintf(f, "%zu. ", number);
		else
			fputs("- ", f);
		se_md_put(f, b->text, true);
		note_ref(f, b->note);
		fputc('\n', f);
		break;
	case RB_FIELD:
		fputs("**", f);
		se_md_put(f, b->text, true);
		fputs(":** ", f);
		se_md_put(f, b->value, false);
		note_ref(f, b->note);
		fputs("  \n", f);
		break;
	case RB_TABLE:
		table(f, b);
		break;
	case RB_CHART:
		se_buf_init(&alt);
		se_report_chart_alt(b, &alt);
		fputs("*", f);
		se_md_put(f, b->text, true);
		fputs(":* ", f);
		se_md_put(f, se_buf_str(&alt), true);
		fputs("\n\n", f);
		se_buf_release(&alt);
		break;
	default:
		break;
	}
	return 0;
}

int
se_report_render_md(const se_report *r, FILE *f)
{
	size_t i;

	fputs("# ", f);
	se_md_put(f, r->title, true);
	fputs("\n\n", f);
	for (i = 0; i < r->nblocks; i++) {
		/* a field list ends with a blank line before anything else */
		if (se_report_ends_run(r, i))
			fputc('\n', f);
		if (block(f, &r->blocks[i], se_report_item_number(r, i)) < 0)
			return -1;
	}
	if (se_report_ends_run(r, r->nblocks))
		fputc('\n', f);
	for (i = 0; i < r->nnotes; i++) {
		fprintf(f, "[^%zu]: ", i + 1);
		se_md_put(f, r->notes[i], true);
		fputc('\n', f);
	}
	return ferror(f) ? -1 : 0;
}
