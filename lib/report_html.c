/* report_html.c: a report as one self-contained HTML page: inline CSS
 * and SVG, no script, nothing fetched; semantic (headings in order,
 * tables with th scope, lang) with text as well as colour; A4 in print,
 * each section on a new page.  Input text goes through se_html_put. */
#include "report_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* RAG colours chosen for contrast >= 4.5:1 with their text (WCAG 2.1
 * AA), checked by test/a11y.sh: white on red 7.1, black on amber 11.0,
 * white on green 6.6. */
static const char style[] =
    "body{font:11pt/1.45 Arial,Helvetica,sans-serif;color:#0b0c0c;"
    "margin:0;background:#fff}\n"
    "main{max-width:60em;margin:0 auto;padding:1.5em 2em}\n"
    "h1{font-size:1.9em;margin:0 0 .6em;border-bottom:4px solid #1d4e89;"
    "padding-bottom:.3em}\n"
    "h2{font-size:1.4em;margin:1.6em 0 .5em;color:#1d4e89}\n"
    "h3{font-size:1.15em;margin:1.2em 0 .4em}\n"
    "h4,h5,h6{font-size:1em;margin:1em 0 .3em}\n"
    "p,li,td,th,dd{overflow-wrap:break-word}\n"
    "table{border-collapse:collapse;width:100%;margin:.5em 0 1.2em}\n"
    "caption{text-align:left;font-weight:bold;padding:.3em 0}\n"
    "th,td{border:1px solid #b1b4b6;padding:.35em .5em;text-align:left;"
    "vertical-align:top}\n"
    "thead th{background:#e8eef5}\n"
    "tbody th{font-weight:normal;background:#f8f8f8}\n"
    "td.rag,th.rag{text-align:center;font-weight:bold;white-space:nowrap;"
    "width:4.5em;print-color-adjust:exact;-webkit-print-color-adjust:exact}\n"
    ".rag-r{background:#a4161a;color:#ffffff}\n"
    ".rag-a{background:#f2b31a;color:#0b0c0c}\n"
    ".rag-g{background:#1d6b35;color:#ffffff}\n"
    ".vh{position:absolute;width:1px;height:1px;overflow:hidden;"
    "clip:rect(0 0 0 0);white-space:nowrap}\n"
    ".field{margin:.2em 0}\n"
    ".field b{display:inline-block;min-width:17em}\n"
    ".warning{border-left:6px solid #a4161a;background:#fbeaea;"
    "padding:.6em 1em;font-weight:bold}\n"
    "figure{margin:.8em 0 1.4em;break-inside:avoid}\n"
    "figcaption{font-size:.9em;color:#383f43}\n"
    "svg{max-width:100%;height:auto}\n"
    "sup a{text-decoration:none}\n.rag a{color:inherit}\n"
    ".notes{font-size:.9em}\n"
    /* a table of many columns (the calendar's quarters): the whole
     * width on screen, a landscape page in print, tighter cells */
    "main:has(table.wide){max-width:none}\n"
    "table.wide{font-size:.88em;table-layout:fixed}\n"
    "table.wide th,table.wide td{padding:.3em .35em}\n"
    "@media print{\n"
    "@page{size:A4;margin:16mm 15mm}\n"
    "@page wide{size:A4 landscape;margin:12mm}\n"
    "main:has(table.wide){page:wide}\n"
    "body{font-size:10pt}\n"
    "main{max-width:none;padding:0}\n"
    "section{break-before:page}\n"
    "section.first{break-before:auto}\n"
    "h2,h3,h4{break-after:avoid}\n"
    "tr,figure,.field{break-inside:avoid}\n"
    "a{color:inherit}\n"
    "}\n";

/* A table of this many columns or more is laid out wide (style above). */
#define WIDE_COLS 8

struct html {
	FILE *f;
	unsigned charts;
	bool open;      /* a <section> is open */
	bool first;     /* the next section is the first */
};

static void
put(FILE *f, const char *s)
{
	se_html_put(f, s);
}

static void
note_ref(FILE *f, unsigned note)
{
	if (note)
		fprintf(f, "<sup><a href=\"#note-%u\" id=\"ref-%u\" "
		    "aria-label=\"source %u\">[%u]</a></sup>", note, note, note,
		    note);
}

static void
cell(FILE *f, const rcell *c, bool head)
{
	const char *tag = head ? "th" : "td";
	const char *scope = head ? " scope=\"row\"" : "";

	if (c->text) {
		fprintf(f, "<%s%s>", tag, scope);
		put(f, c->text);
	} else if (c->rag == SE_RAG_NONE) {
		fprintf(f, "<%s%s>Not rated", tag, scope);
	} else {
		const char *l = se_report_rag_letter(c->rag);
		fprintf(f, "<%s%s class=\"rag rag-%c\">%s<span class=\"vh\"> "
		    "(%s)</span>", tag, scope, l[0] + 'a' - 'A', l,
		    se_report_rag_label(c->rag));
	}
	note_ref(f, c->note);
	fprintf(f, "</%s>", tag);
}

static void
table(FILE *f, const rblock *b)
{
	size_t i, j;

	fputs(b->ncols >= WIDE_COLS ? "<table class=\"wide\">\n" : "<table>\n",
	    f);
	if (b->text[0]) {
		fputs("<caption>", f);
		put(f, b->text);
		fputs("</caption>\n", f);
	}
	fputs("<thead><tr>", f);
	for (j = 0; j < b->ncols; j++) {
		fputs("<th scope=\"col\">", f);
		put(f, b->head[j]);
		fputs("</th>", f);
	}
	fputs("</tr></thead>\n<tbody>\n", f);
	for (i = 0; i + b->ncols <= b->ncells && b->ncols; i += b->ncols) {
		fputs("<tr>", f);
		for (j = 0; j < b->ncols; j++)
			cell(f, &b->cells[i + j], j == 0);
		fputs("</tr>\n", f);
	}
	fputs("</tbody>\n</table>\n", f);
}

/* ---- charts ---------------------------------------------------------- */

enum { CW = 640, CH = 220, ML = 56, MR = 170, MT = 14, MB = 34 };

static const char *const stroke[] = { "#1d4e89", "#505a5f", "#6f3c8c",
	"#00703c" };
static const char *const dash[] = { "", " stroke-dasharray=\"6 4\"",
	" stroke-dasharray=\"2 3\"", " stroke-dasharray=\"8 3 2 3\"" };

static void
range(const rblock *b, double *lo, double *hi)
{
	size_t i, j;

	*lo = INFINITY;
	*hi = -INFINITY;
	for (j = 0; j < b->nlines; j++)
		for (i = 0; i < b->n; i++) {
			double v = b->lines[j].v[i];
			if (isnan(v))
				continue;
			if (v < *lo)
				*lo = v;
			if (v > *hi)
				*hi = v;
		}
	if (*lo > *hi)
		*lo = 0, *hi = 1;
	if (*hi - *lo < 1e-9) {
		*lo -= 1;
		*hi += 1;
	} else {
		double pad = (*hi - *lo) * 0.1;
		*lo -= pad;
		*hi += pad;
	}
}

static double
xat(const rblock *b, size_t i)
{
	double w = CW - ML - MR;

	return b->n > 1 ? ML + w * (double)i / (double)(b->n - 1) : ML + w / 2;
}

static double
yat(double v, double lo, double hi)
{
	return MT + (CH - MT - MB) * (hi - v) / (hi - lo);
}

static void
polyline(FILE *f, const rblock *b, size_t j, double lo, double hi)
{
	const double *v = b->lines[j].v;
	size_t i, k = j % 4;
	bool open = false;

	for (i = 0; i < b->n; i++) {
		if (isnan(v[i])) {
			if (open)
				fputs("\"/>\n", f);
			open = false;
			continue;
		}
		if (!open)
			fprintf(f, "<polyline fill=\"none\" stroke=\"%s\" "
			    "stroke-width=\"%s\"%s points=\"", stroke[k],
			    j == 0 ? "2.5" : "1.5", dash[k]);
		fprintf(f, "%s%.1f,%.1f", open ? " " : "", xat(b, i),
		    yat(v[i], lo, hi));
		open = true;
	}
	if (open)
		fputs("\"/>\n", f);
	if (j == 0)
		for (i = 0; i < b->n; i++)
			if (!isnan(v[i]))
				fprintf(f, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" "
				    "fill=\"%s\"/>\n", xat(b, i),
				    yat(v[i], lo, hi), stroke[0]);
}

static void
chart(struct html *h, const rblock *b)
{
	FILE *f = h->f;
	unsigned id = ++h->charts;
	double lo, hi;
	size_t i, j, step;
	char num[64];
	se_buf alt;

	range(b, &lo, &hi);
	se_buf_init(&alt);
	se_report_chart_alt(b, &alt);
	fprintf(f, "<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
	    "viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" "
	    "aria-labelledby=\"chart-%u-t chart-%u-d\">\n<title id=\"chart-%u-t\">",
	    CW, CH, CW, CH, id, id, id);
	put(f, b->text);
	fprintf(f, "</title>\n<desc id=\"chart-%u-d\">", id);
	put(f, se_buf_str(&alt));
	fputs("</desc>\n", f);
	fprintf(f, "<g font-family=\"Arial,sans-serif\" font-size=\"11\" "
	    "fill=\"#383f43\">\n<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
	    "stroke=\"#b1b4b6\"/>\n<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
	    "stroke=\"#b1b4b6\"/>\n", ML, MT, ML, CH - MB, ML, CH - MB,
	    CW - MR, CH - MB);
	se_number_format(hi, b->precision, num, sizeof num);
	fprintf(f, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>\n",
	    ML - 6, MT + 4, num);
	se_number_format(lo, b->precision, num, sizeof num);
	fprintf(f, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>\n",
	    ML - 6, CH - MB, num);
	step = b->n > 8 ? (b->n + 7) / 8 : 1;
	for (i = 0; i < b->n; i++) {
		if (i % step && i != b->n - 1)
			continue;
		fprintf(f, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">",
		    xat(b, i), CH - MB + 16);
		put(f, b->labels[i]);
		fputs("</text>\n", f);
	}
	fputs("</g>\n", f);
	for (j = b->nlines; j-- > 0;)
		polyline(f, b, j, lo, hi);
	for (j = 0; j < b->nlines; j++) {
		int y = MT + 8 + (int)j * 18;
		fprintf(f, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
		    "stroke=\"%s\" stroke-width=\"%s\"%s/>\n", CW - MR + 12, y,
		    CW - MR + 36, y, stroke[j % 4], j == 0 ? "2.5" : "1.5",
		    dash[j % 4]);
		fprintf(f, "<text x=\"%d\" y=\"%d\" font-family=\"Arial,"
		    "sans-serif\" font-size=\"11\" fill=\"#0b0c0c\">",
		    CW - MR + 42, y + 4);
		put(f, b->lines[j].name);
		fputs("</text>\n", f);
	}
	fputs("</svg>\n<figcaption>", f);
	put(f, se_buf_str(&alt));
	fputs("</figcaption>\n</figure>\n", f);
	se_buf_release(&alt);
}

static int
narrative(FILE *f, const rblock *b)
{
	cmark_node *doc = se_report_md_parse(b->text, b->len, b->level);
	char *html;

	if (!doc)
		return -1;
	html = cmark_render_html(doc, CMARK_OPT_SAFE);
	cmark_node_free(doc);
	if (!html)
		return -1;
	fputs(html, f);
	free(html);
	return 0;
}

static void
section(struct html *h, const rblock *b)
{
	if (b->level == 2) {
		if (h->open)
			fputs("</section>\n", h->f);
		fprintf(h->f, "<section%s>\n", h->first ? " class=\"first\"" : "");
		h->first = false;
		h->open = true;
	}
	fprintf(h->f, "<h%d>", b->level);
	put(h->f, b->text);
	fprintf(h->f, "</h%d>\n", b->level);
}

static int
block(struct html *h, const rblock *b)
{
	FILE *f = h->f;

	switch (b->kind) {
	case RB_HEADING:
		section(h, b);
		break;
	case RB_MARKDOWN:
		return narrative(f, b);
	case RB_PARA:
		fputs("<p>", f);
		put(f, b->text);
		note_ref(f, b->note);
		fputs("</p>\n", f);
		break;
	case RB_WARNING:
		fputs("<p class=\"warning\" role=\"note\">Warning: ", f);
		put(f, b->text);
		note_ref(f, b->note);
		fputs("</p>\n", f);
		break;
	case RB_ITEM:
	case RB_NITEM:
		fputs("<li>", f);
		put(f, b->text);
		note_ref(f, b->note);
		fputs("</li>\n", f);
		break;
	case RB_FIELD:
		fputs("<p class=\"field\"><b>", f);
		put(f, b->text);
		fputs(":</b> ", f);
		put(f, b->value);
		note_ref(f, b->note);
		fputs("</p>\n", f);
		break;
	case RB_TABLE:
		table(f, b);
		break;
	case RB_CHART:
		chart(h, b);
		break;
	default:
		break;
	}
	return 0;
}

int
se_report_render_html(const se_report *r, FILE *f)
{
	struct html h = { f, 0, false, true };
	size_t i;

	fputs("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
	    "content=\"width=device-width, initial-scale=1\">\n"
	    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
	    "'none'; style-src 'unsafe-inline'; img-src 'none'\">\n<title>", f);
	put(f, r->title);
	fprintf(f, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<main>\n"
	    "<h1>", style);
	put(f, r->title);
	fputs("</h1>\n", f);
	for (i = 0; i < r->nblocks; i++) {
		int k = r->blocks[i].kind;
		int was = i ? r->blocks[i - 1].kind : -1;
		if (k != was && (was == RB_ITEM || was == RB_NITEM))
			fputs(was == RB_ITEM ? "</ul>\n" : "</ol>\n", f);
		if (k != was && (k == RB_ITEM || k == RB_NITEM))
			fputs(k == RB_ITEM ? "<ul>\n" : "<ol>\n", f);
		if (block(&h, &r->blocks[i]) < 0)
			return -1;
	}
	if (r->nblocks && (r->blocks[r->nblocks - 1].kind == RB_ITEM ||
	    r->blocks[r->nblocks - 1].kind == RB_NITEM))
		fputs(r->blocks[r->nblocks - 1].kind == RB_ITEM ? "</ul>\n" :
		    "</ol>\n", f);
	if (h.open)
		fputs("</section>\n", f);
	if (r->nnotes) {
		fputs("<section class=\"notes\">\n<h2>Sources</h2>\n<ol>\n", f);
		for (i = 0; i < r->nnotes; i++) {
			fprintf(f, "<li id=\"note-%zu\">", i + 1);
			put(f, r->notes[i]);
			fprintf(f, " <a href=\"#ref-%zu\" aria-label=\"back to the "
			    "text\">&#8617;</a></li>\n", i + 1);
		}
		fputs("</ol>\n</section>\n", f);
	}
	fputs("</main>\n</body>\n</html>\n", f);
	return ferror(f) ? -1 : 0;
}
