/* render.c: the one HTML page every HTML output is (one skeleton, one
 * stylesheet, one palette, lang en-GB) and the one Markdown escaper.
 * The writers (ragout.c, ragdoc.c, planout.c, report_html.c, ...) put
 * their own content between se_html_page_begin and se_html_page_end and
 * use only the classes defined here; escaping is escape.c's and this
 * file's. */
#include "internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

/* The palette: one red, one amber, one green, one blue, one grey, each
 * with the text colour it carries.  Contrast with that text is at least
 * 4.5:1 (WCAG 2.1 AA), checked by test/a11y.sh: white on red 7.1, black
 * on amber 11.0, white on green 6.6, white on blue 8.6, white on grey
 * 7.0. */
#define RED "#a4161a"
#define AMBER "#f2b31a"
#define GREEN "#1d6b35"
#define BLUE "#1d4e89"
#define GREY "#505a5f"
#define INK "#0b0c0c"
#define RULE "#b1b4b6"
#define PALE "#f3f2f1"
#define HEAD "#e8eef5"

const char *const se_palette[SE_PALETTE_N] = { RED, AMBER, GREEN, BLUE,
	GREY, INK };

/* Screen: a column of at most 60em, or the whole window for a landscape
 * page, never wider than the window (long words break, wide tables are
 * split by their writers).  Print: A4, portrait or landscape (body
 * class "landscape"), headers repeated on every page (thead is a header
 * group), no row, figure or list item split, no heading left at a page
 * foot, at least two lines of a paragraph either side of a break. */
static const char stylesheet[] =
    "body{font:11pt/1.45 Arial,Helvetica,sans-serif;color:" INK ";"
    "margin:0;background:#fff}\n"
    "main{max-width:60em;margin:0 auto;padding:1.5em 2em}\n"
    "body.landscape main{max-width:none}\n"
    "h1{font-size:1.9em;margin:0 0 .6em;border-bottom:4px solid " BLUE ";"
    "padding-bottom:.3em}\n"
    "h2{font-size:1.4em;margin:1.6em 0 .5em;color:" BLUE "}\n"
    "h3{font-size:1.15em;margin:1.2em 0 .4em}\n"
    "h4,h5,h6{font-size:1em;margin:1em 0 .3em}\n"
    "p,li,td,th,dd{overflow-wrap:break-word}\n"
    "p.meta{color:" GREY ";margin:0 0 1em}\n"
    "table{border-collapse:collapse;width:100%;margin:.5em 0 1.2em}\n"
    "caption{text-align:left;font-weight:bold;padding:.3em 0}\n"
    "th,td{border:1px solid " RULE ";padding:.35em .5em;text-align:left;"
    "vertical-align:top}\n"
    "thead th{background:" HEAD "}\n"
    "tbody th{font-weight:normal;background:" PALE "}\n"
    "td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}\n"
    "td.nw,th.nw{white-space:nowrap}\n"
    ".rag{text-align:center;font-weight:bold;white-space:nowrap;"
    "min-width:4.5em}\n"
    ".rag-r{background:" RED ";color:#ffffff}\n"
    ".rag-a{background:" AMBER ";color:" INK "}\n"
    ".rag-g{background:" GREEN ";color:#ffffff}\n"
    ".rag-b{background:" BLUE ";color:#ffffff}\n"
    ".rag-n{background:#ffffff;color:" INK "}\n"
    ".rag-s{background:repeating-linear-gradient(45deg,#fff,#fff 4px,"
    PALE " 4px," PALE " 8px);color:" INK "}\n"
    ".better{color:" GREEN ";font-weight:bold}\n"
    ".worse{color:" RED ";font-weight:bold}\n"
    /* on a coloured cell, better and worse keep their colour on white */
    "td[class*=rag-] .better,td[class*=rag-] .worse{background:#ffffff;"
    "padding:0 .25em;border-radius:2px}\n"
    ".vh{position:absolute;width:1px;height:1px;overflow:hidden;"
    "clip:rect(0 0 0 0);white-space:nowrap}\n"
    ".field{margin:.2em 0}\n"
    ".field b{display:inline-block;min-width:17em}\n"
    ".warning{border-left:6px solid " RED ";background:" PALE ";"
    "padding:.6em 1em;font-weight:bold}\n"
    ".note{color:" GREY ";font-size:.85em}\n"
    ".flag{font-weight:bold;color:" RED "}\n"
    ".state .flag{color:inherit}\n"
    "figure{margin:.8em 0 1.4em;break-inside:avoid}\n"
    "figcaption{font-size:.9em;color:" GREY "}\n"
    "svg{max-width:100%;height:auto}\n"
    "sup a{text-decoration:none}\n.rag a{color:inherit}\n"
    ".notes{font-size:.9em}\n"
    /* tables of many columns (the calendar's quarters, a plan): tighter
     * cells, words never broken, scrolled sideways in a narrow window */
    "table.wide{font-size:.88em}\n"
    "table.wide th,table.wide td{padding:.3em .35em;overflow-wrap:normal;"
    "word-break:normal;hyphens:manual}\n"
    ".scroll{overflow-x:auto}\n"
    /* the tartan rug: one table per group of columns */
    "table.rug{width:auto;font-size:.85em}\n"
    "table.rug th,table.rug td{padding:.2em .35em;white-space:nowrap}\n"
    "table.rug thead th{text-align:center}\n"
    "table.rug th[scope=colgroup]{white-space:normal}\n"
    "table.rug td{text-align:center;font-variant-numeric:tabular-nums}\n"
    "table.rug tbody.ref th,table.rug tbody.ref td{background:" PALE ";"
    "font-style:italic}\n"
    "table.rug tbody.ref tr:first-child>*{border-top:3px double " GREY "}\n"
    "table.rug sup{font-size:.75em}\n"
    "th.ind small{display:block;font-weight:normal}\n"
    "table.why td.why{min-width:16em;width:60%}\n"
    /* the plan's states */
    ".state{font-weight:bold;white-space:nowrap}\n"
    ".overdue{background:" RED ";color:#ffffff}\n"
    ".at-risk{background:" AMBER ";color:" INK "}\n"
    ".on-track{background:" GREEN ";color:#ffffff}\n"
    ".complete{background:" BLUE ";color:#ffffff}\n"
    ".ongoing{background:#00695c;color:#ffffff}\n"
    ".dropped{background:" PALE ";color:" INK "}\n"
    ".unknown{background:#6a1b9a;color:#ffffff}\n"
    "table.summary{width:auto}\n"
    "dl.key{font-size:.9em;margin:.5em 0}\n"
    "dl.key dt{font-weight:bold;float:left;clear:left;width:7em}\n"
    "dl.key dd{margin:0 0 .2em 7em}\n"
    "@media print{\n"
    "@page{size:A4;margin:14mm 12mm}\n"
    "@page wide{size:A4 landscape;margin:10mm}\n"
    "body.landscape main{page:wide}\n"
    "table.rug{font-size:1em}\n"
    "body{font-size:10pt}\n"
    "main{max-width:none;padding:0}\n"
    "section.page{break-before:page}\n"
    "h2,h3,h4,caption{break-after:avoid}\n"
    "tr,figure,li,.field,dl.key dd,caption,table.why{break-inside:avoid}\n"
    "thead{display:table-header-group}\n"
    "table.keep{break-inside:avoid}\n"
    /* the first two and last two items of a list, and rows of a table,
     * stay together: no bullet or row alone at a page's top or foot */
    "li:first-child,tbody tr:first-child{break-after:avoid}\n"
    "li:last-child,tbody tr:last-child{break-before:avoid}\n"
    "p,li,dd{orphans:2;widows:2}\n"
    "ul,ol{orphans:2;widows:2}\n"
    "a{color:inherit}\n"
    "*{-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
    "}\n";

int
se_html_page_begin(FILE *f, const char *title, bool landscape)
{
	fputs("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
	    "content=\"width=device-width, initial-scale=1\">\n"
	    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
	    "'none'; style-src 'unsafe-inline'; img-src 'none'\">\n<title>", f);
	se_html_put(f, title);
	fprintf(f, "</title>\n<style>\n%s</style>\n</head>\n<body%s>\n<main>\n"
	    "<h1>", stylesheet, landscape ? " class=\"landscape\"" : "");
	se_html_put(f, title);
	fputs("</h1>\n", f);
	return ferror(f) ? -1 : 0;
}

int
se_html_page_end(FILE *f)
{
	fputs("</main>\n</body>\n</html>\n", f);
	return ferror(f) ? -1 : 0;
}

/* CommonMark's backslash escapes (every ASCII punctuation character may
 * be escaped): those that could start markup, split a cell or open raw
 * HTML or an entity. */
int
se_md_put(FILE *f, const char *s, bool cell)
{
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '\n' || c == '\r') {
			fputc(cell ? ' ' : '\n', f);
			continue;
		}
		if (c == '\t') {
			fputc(' ', f);
			continue;
		}
		if (c < 0x20 || c == 0x7f)
			continue;
		if (strchr("\\`*_[]<>|#&~", c))
			fputc('\\', f);
		fputc(c, f);
	}
	return ferror(f) ? -1 : 0;
}

/* Way the number moved (by the sign of the change shown at the
 * indicator's precision) and, in words, whether that is better or worse
 * (the direction of travel, which knows the polarity and tolerance):
 * "↑ worse", "↓ better", "↑ stable" (within the tolerance), "new". */
size_t
se_rating_move(const se_rating *r, int precision, char *buf, size_t n)
{
	const char *arrow = "", *word = "";
	char t[64];

	if (r->has_change) {
		se_number_format(fabs(r->change), precision, t, sizeof t);
		arrow = strspn(t, "0.") == strlen(t) ? "\xe2\x86\x92" /* → */ :
		    r->change > 0 ? "\xe2\x86\x91" /* ↑ */ :
		    "\xe2\x86\x93" /* ↓ */;
	}
	switch (r->direction) {
	case SE_DIR_IMPROVING: word = "better"; break;
	case SE_DIR_DECLINING: word = "worse"; break;
	case SE_DIR_STABLE: word = "stable"; break;
	case SE_DIR_NEW: word = "new"; break;
	case SE_DIR_UNKNOWN: word = "no previous"; break;
	default: break;
	}
	return (size_t)snprintf(buf, n, "%s%s%s", arrow, *arrow && *word ?
	    " " : "", word);
}

/* Every English authority with children's services (formats/shared/
 * authorities.csv lists them): a ranking among this many is national. */
#define NATIONAL_AUTHORITIES 153

size_t
se_rating_scope(const se_rating *r, char *buf, size_t n)
{
	if (r->of >= NATIONAL_AUTHORITIES)
		return (size_t)snprintf(buf, n, "national");
	return (size_t)snprintf(buf, n, "of %u in the extract", r->of);
}

/* ---- terminal text -------------------------------------------------------- */

size_t
se_text_width(int fd)
{
	const char *c = getenv("COLUMNS");
	char *end;
	long n;

	if (c && *c) {
		n = strtol(c, &end, 10);
		if (*end == '\0' && n >= 20 && n <= 1000)
			return (size_t)n;
	}
	if (fd < 0 || !isatty(fd))
		return 0;
#ifdef TIOCGWINSZ
	{
		struct winsize ws;
		if (ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20)
			return ws.ws_col;
	}
#endif
	return 80;
}

/* Columns a character takes: code points, an ANSI colour sequence none. */
static size_t
span_width(const char *s, size_t n)
{
	size_t w = 0, i;

	for (i = 0; i < n; i++) {
		if (s[i] == '\033' && i + 1 < n && s[i + 1] == '[') {
			while (i < n && s[i] != 'm')
				i++;
			continue;
		}
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			w++;
	}
	return w;
}

/* Where a line's continuation lines start: under its value when it is
 * "  Label   value" (a run of two spaces after a label), under the text
 * of a list item ("- ", "1. "), else under its own indentation. */
static size_t
hang(const char *s, size_t n, size_t width)
{
	size_t lead = 0, i;

	while (lead < n && s[lead] == ' ')
		lead++;
	for (i = lead; i + 2 < n; i++)
		if (s[i] == ' ' && s[i + 1] == ' ') {
			size_t v = i;
			while (v < n && s[v] == ' ')
				v++;
			if (v < n && span_width(s, v) <= width / 2)
				return span_width(s, v);
			break;
		}
	if (lead + 1 < n && (s[lead] == '-' || s[lead] == '*') &&
	    s[lead + 1] == ' ')
		return lead + 2;
	for (i = lead; i < n && s[i] >= '0' && s[i] <= '9'; i++)
		;
	if (i > lead && i + 1 < n && s[i] == '.' && s[i + 1] == ' ')
		return i + 2;
	return lead;
}

static void
wrap_line(FILE *out, const char *s, size_t n, size_t width)
{
	size_t h = hang(s, n, width), col = 0, first = 1;

	if (width == 0 || span_width(s, n) <= width || h + 10 > width) {
		fwrite(s, 1, n, out);
		fputc('\n', out);
		return;
	}
	while (n > 0) {
		size_t room = width - (first ? 0 : h), k = 0, cut = 0;
		/* the longest run of whole words that fits in 'room' */
		while (k < n) {
			size_t e = k;
			while (e < n && s[e] == ' ')
				e++;
			while (e < n && s[e] != ' ')
				e++;
			if (span_width(s, e) > room && cut > 0)
				break;
			cut = e;
			k = e;
			if (span_width(s, e) > room)
				break; /* one word longer than the line */
		}
		if (!first)
			for (col = 0; col < h; col++)
				fputc(' ', out);
		fwrite(s, 1, cut, out);
		fputc('\n', out);
		s += cut;
		n -= cut;
		while (n > 0 && *s == ' ')
			s++, n--;
		first = 0;
	}
}

void
se_text_wrap(FILE *out, const char *s, size_t len, size_t width)
{
	const char *end = s + len;

	while (s < end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		size_t n = nl ? (size_t)(nl - s) : (size_t)(end - s);
		if (!nl && n == 0)
			break;
		if (nl || n)
			wrap_line(out, s, n, width);
		s += n + (nl ? 1 : 0);
		if (!nl)
			break;
	}
}

int
se_out_draw(const char *output, int color, bool text, const char *failed,
    se_draw_fn draw, void *ctx, se_diag *d)
{
	se_pos me = { NULL, 0, 0 }; /* no file: "error: ..." */
	int fd = output ? -1 : STDOUT_FILENO;
	size_t width = text ? se_text_width(fd) : 0;
	se_out *out = se_out_open(output, d);
	se_wrap *w;
	int rc;

	if (!out)
		return -1;
	w = se_wrap_open(se_out_file(out), width);
	rc = w ? draw(ctx, se_wrap_file(w), width, text &&
	    se_color_use(color, fd)) : -1;
	if (w && se_wrap_close(w) < 0) /* closed (and freed) either way */
		rc = -1;
	if (rc < 0) {
		if (se_out_close(out, false, d) < 0)
			return -1; /* a write failed: said why */
		return se_diag_error(d, &me, "out-of-memory", "%s", failed);
	}
	return se_out_close(out, true, d);
}

struct se_wrap {
	FILE *out, *mem;
	char *buf;
	size_t len, width;
};

se_wrap *
se_wrap_open(FILE *out, size_t width)
{
	se_wrap *w = calloc(1, sizeof *w);

	if (!w)
		return NULL;
	w->out = out;
	w->width = width;
	if (width) {
		w->mem = open_memstream(&w->buf, &w->len);
		if (!w->mem) {
			free(w);
			return NULL;
		}
	}
	return w;
}

FILE *
se_wrap_file(const se_wrap *w)
{
	return w->mem ? w->mem : w->out;
}

int
se_wrap_close(se_wrap *w)
{
	FILE *out;
	int rc = 0;

	if (!w)
		return 0;
	out = w->out;
	if (w->mem) {
		if (fclose(w->mem) != 0)
			rc = -1;
		else
			se_text_wrap(out, w->buf, w->len, w->width);
		free(w->buf);
	}
	free(w);
	return rc < 0 || ferror(out) ? -1 : 0;
}
