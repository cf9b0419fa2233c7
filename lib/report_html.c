/* report_html.c: a report as one self-contained HTML page: inline CSS
 * and SVG, no script, nothing fetched; semantic (headings in order,
 * tables with th scope, lang) with text as well as colour; the one page
 * of render.c, A4 in print (landscape when a table is wide), sections
 * flowing on, never split at a heading.  Input text goes through
 * se_html_put. */
#include "report_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* A table of this many columns or more is laid out wide (render.c). */
#define WIDE_COLS 8
/* A table of at most this many rows is kept on one printed page. */
#define KEEP_ROWS 12
/* Cells of at most this many bytes are kept on one line. */
#define SHORT_CELL 12

struct html {
	FILE *f;
	unsigned charts;
	bool open;      /* a <section> is open */
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
		/* a short cell (a period, a rank, a value) never wraps */
		fprintf(f, "<%s%s%s>", tag, scope, !head &&
		    strlen(c->text) <= SHORT_CELL ? " class=\"nw\"" : "");
		put(f, c->text);
	} else if (c->rag == SE_RAG_NONE) {
		fprintf(f, "<%s%s class=\"rag\">Not rated", tag, scope);
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

	bool keep = b->ncols && b->ncells / b->ncols <= KEEP_ROWS;

	if (b->ncols >= WIDE_COLS)
		fprintf(f, "<div class=\"scroll\"><table class=\"wide%s\">\n",
		    keep ? " keep" : "");
	else
		fputs(keep ? "<table class=\"keep\">\n" : "<table>\n", f);
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
	if (b->ncells < b->ncols)
		fprintf(f, "<tr><td colspan=\"%zu\">None recorded</td></tr>\n",
		    b->ncols);
	fputs(b->ncols >= WIDE_COLS ? "</tbody>\n</table></div>\n" :
	    "</tbody>\n</table>\n", f);
}

/* ---- charts ---------------------------------------------------------- */

enum { CW = 640, CH = 220, ML = 56, MR = 170, MT = 14, MB = 34 };

/* The lines: the authority in blue, then ink, grey and blue again, told
 * apart by their dashes as well (the one palette: render.c). */
#define stroke(k) se_palette[(const int[]){ SE_PAL_BLUE, SE_PAL_INK, \
	SE_PAL_GREY, SE_PAL_BLUE }[k]]
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
			    "stroke-width=\"%s\"%s points=\"", stroke(k),
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
				    yat(v[i], lo, hi), stroke(0));
}

/* A step of 1, 2 or 5 times a power of ten giving 4 to 8 ticks. */
static double
tick_step(double lo, double hi)
{
	double raw = (hi - lo) / 5, mag = pow(10, floor(log10(raw)));
	double n = raw / mag;

	return (n < 1.5 ? 1 : n < 3.5 ? 2 : n < 7.5 ? 5 : 10) * mag;
}

/* The y-axis: a labelled tick and a faint grid line at every step, the
 * labels with as many decimals as the step needs. */
static void
ticks(FILE *f, double lo, double hi)
{
	double step = tick_step(lo, hi), y;
	int dec = step >= 1 ? 0 : (int)ceil(-log10(step) - 1e-9);
	char num[64];

	for (y = ceil(lo / step) * step; y <= hi + step * 1e-9; y += step) {
		double py = yat(y, lo, hi);
		se_number_format(fabs(y) < step * 1e-9 ? 0 : y, dec, num,
		    sizeof num);
		fprintf(f, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" "
		    "stroke=\"#e8eef5\"/>\n<text x=\"%d\" y=\"%.1f\" "
		    "text-anchor=\"end\">%s</text>\n", ML, py, CW - MR, py,
		    ML - 6, py + 4, num);
	}
}

static void
chart(struct html *h, const rblock *b)
{
	FILE *f = h->f;
	unsigned id = ++h->charts;
	double lo, hi;
	size_t i, j, step;
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
	ticks(f, lo, hi);
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
		    CW - MR + 36, y, stroke(j % 4), j == 0 ? "2.5" : "1.5",
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
		fputs("<section>\n", h->f);
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
	struct html h = { f, 0, false };
	size_t i;

	bool wide = false;

	for (i = 0; i < r->nblocks; i++)
		if (r->blocks[i].kind == RB_TABLE &&
		    r->blocks[i].ncols >= WIDE_COLS)
			wide = true;
	se_html_page_begin(f, r->title, wide);
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
	return se_html_page_end(f);
}
