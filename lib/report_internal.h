/*
 * report_internal.h: the report model shared by report.c (which builds
 * it) and the renderers report_md.c, report_html.c, report_text.c.
 * lib/ only.
 */
#ifndef SE_REPORT_INTERNAL_H
#define SE_REPORT_INTERNAL_H

#include "internal.h"

#include <cmark.h>

enum {
	RB_HEADING,
	RB_MARKDOWN,
	RB_PARA,
	RB_WARNING,
	RB_ITEM,
	RB_NITEM,   /* an item of a numbered list */
	RB_FIELD,
	RB_TABLE,
	RB_CHART
};

typedef struct rcell {
	const char *text; /* NULL for a RAG cell */
	se_rag rag;
	unsigned note;    /* footnote number, 0: none */
} rcell;

typedef struct rblock {
	int kind;
	int level;          /* heading level; narrative: the level above it */
	const char *text;   /* heading, paragraph, field label, caption */
	const char *value;  /* field value */
	size_t len;         /* markdown length */
	unsigned note;
	/* a table: ncols heads, then rows of ncols cells */
	size_t ncols;
	const char **head;
	rcell *cells;
	size_t ncells, capcells;
	/* a chart */
	const char **labels;
	size_t n;
	se_chart_line *lines;
	size_t nlines;
	int precision;
} rblock;

struct se_report {
	se_arena *arena;
	const char *title;
	rblock *blocks;
	size_t nblocks, cap;
	const char **notes;
	size_t nnotes, capnotes;
	bool failed;
};

/* Narrative Markdown parsed and made safe: raw HTML removed, images
 * replaced by their text, links to unsafe schemes unwrapped, headings
 * placed below 'level'.  NULL when out of memory; free with
 * cmark_node_free(). */
cmark_node *se_report_md_parse(const char *md, size_t len, int level);

/* The chart's text alternative: one sentence a line, e.g. "Anyshire:
 * 20.9 (2015-16) to 26.3 (2018-19)." */
void se_report_chart_alt(const rblock *b, se_buf *out);

/* A RAG's letter ("R") and name ("Red"); "" and "Not rated" for none. */
const char *se_report_rag_letter(se_rag r);
const char *se_report_rag_label(se_rag r);

/* An item of a numbered list (consecutive items make one list); for the
 * report types of reports.c, not (yet) public. */
int se_report_numbered(se_report *r, const char *text);

/* The number of numbered item 'i' (1 for the first of a run). */
size_t se_report_item_number(const se_report *r, size_t i);

/* Whether a blank line goes before block 'i' (r->nblocks: after the last)
 * in the text and Markdown renderers: fields and list items run on line
 * by line, and a blank line ends a run. */
bool se_report_ends_run(const se_report *r, size_t i);

/* For report types outside reports.c (lib/evaluation.c): folded YAML
 * text without its final newline (in 'b'); a person as "Name, role,
 * authority" (in 'b'); "Peer Challenge Team Review" or "Safeguarding
 * Assurance Visit"; a footnote "FILE:LINE" (and the rule, when not NULL)
 * on the last thing added; the first review workbook, else NULL and the
 * error no-review for "-t TYPE". */
const char *se_report_trim(se_buf *b, const char *s);
const char *se_report_person(const se_node *p, se_buf *b);
const char *se_report_visit_type(const se_doc *rv);
void se_report_source(se_report *r, const se_pos *pos, const char *rule);
se_doc *se_report_need_review(const se_report_input *in, se_diag *d,
    const char *type);

int se_report_render_md(const se_report *r, FILE *out);
int se_report_render_html(const se_report *r, FILE *out);
/* Tables wider than 'width' (0: 100) as records. */
int se_report_render_text(const se_report *r, FILE *out, size_t width);

#endif /* SE_REPORT_INTERNAL_H */
