/* ragout.c: se-rag's outputs: the ratings table (text, CSV, JSON,
 * Markdown), the tartan rug (--by, and HTML) and the exception report.
 * Escaping goes through the emitters of escape.c; Markdown cells are
 * escaped here. */
#include "internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define NONE SIZE_MAX

int
se_ragout_format_parse(const char *name)
{
	static const char *const names[] = { "text", "csv", "json",
		"markdown", "html" };

	return se_format_index(name, names, sizeof names / sizeof names[0]);
}

/* The columns of the table (se-rag(1) OUTPUT). */
enum {
	C_AUTH, C_IND, C_PERIOD, C_VALUE, C_PREV, C_CHANGE, C_DIR, C_RANK,
	C_OF, C_QUART, C_COMP, C_SOURCE, C_RAG, C_REASON, C_FLAG, NCOL
};
static const char *const colname[NCOL] = { "authority", "indicator",
	"period", "value", "previous", "change", "direction", "rank", "of",
	"quartile", "comparator", "comparator_source", "rag", "reason",
	"flag" };
/* Which columns hold numbers (CSV writes them as they are, JSON bare). */
static const bool colnum[NCOL] = { [C_VALUE] = true, [C_PREV] = true,
	[C_CHANGE] = true, [C_RANK] = true, [C_OF] = true, [C_COMP] = true };

/* One output row: its fields as text ("" for none). */
struct row {
	char *f[NCOL];
	const char *exception; /* red-red, top, bottom; or NULL */
	se_rag rag;
	bool suppressed;
};

struct ctx {
	const se_store *s;
	const se_rate_opts *ro;
	const se_ragout_opts *o;
	FILE *out;
	bool *want;       /* entities to show (NULL: all) */
	se_rating *r;     /* one series' ratings */
	struct row *rows; /* collected rows */
	size_t nrows, caprows;
	se_buf line;      /* a CSV row, written whole */
	bool oom;
};

/* ---- fields ------------------------------------------------------------- */

static char *
dupstr(struct ctx *c, const char *s)
{
	size_t n = strlen(s);
	char *p = malloc(n + 1);

	if (!p) {
		c->oom = true;
		return NULL;
	}
	memcpy(p, s, n + 1);
	return p;
}

static char *
numstr(struct ctx *c, double v, int precision, bool sign)
{
	char buf[80];
	size_t k = 0;

	if (sign && v > 0 && precision >= 0) {
		/* A rounded change of zero is shown without a sign. */
		char t[72];
		se_number_format(v, precision, t, sizeof t);
		if (strspn(t, "0.") != strlen(t))
			buf[k++] = '+';
		snprintf(buf + k, sizeof buf - k, "%s", t);
		return dupstr(c, buf);
	}
	se_number_format(v, precision, buf, sizeof buf);
	return dupstr(c, buf);
}

static char *
reason(struct ctx *c, size_t i, const se_rating *r)
{
	char buf[256], *p;
	size_t n = se_rating_reason(c->s, i, r, buf, sizeof buf);

	if (n < sizeof buf)
		return dupstr(c, buf);
	p = malloc(n + 1);
	if (!p) {
		c->oom = true;
		return NULL;
	}
	se_rating_reason(c->s, i, r, p, n + 1);
	return p;
}

static void
row_free(struct row *w)
{
	size_t k;

	for (k = 0; k < NCOL; k++)
		free(w->f[k]);
}

/* Fill 'w' for entity 'e' of series 'i': unrounded for machines
 * ('display' false), rounded to the indicator's precision for people. */
static void
row_fill(struct ctx *c, struct row *w, size_t i, size_t e,
    const se_rating *r, bool display)
{
	const se_indicator *ind = se_store_series_indicator(c->s, i);
	int pr = display ? ind->precision : -1;
	char t[64];

	memset(w, 0, sizeof *w);
	w->rag = r->rag;
	w->suppressed = r->cur.state == SE_CELL_SUPPRESSED;
	w->f[C_AUTH] = dupstr(c, se_store_entity_name(c->s, e));
	w->f[C_IND] = dupstr(c, ind->id);
	w->f[C_PERIOD] = dupstr(c, r->period_text ? r->period_text : "");
	if (r->cur.state == SE_CELL_VALUE)
		w->f[C_VALUE] = numstr(c, r->cur.value, pr, false);
	else if (display && r->cur.state == SE_CELL_SUPPRESSED)
		w->f[C_VALUE] = dupstr(c, "suppressed");
	else if (display && r->cur.state == SE_CELL_CONFLICT)
		w->f[C_VALUE] = dupstr(c, "conflict");
	if (r->prev.state == SE_CELL_VALUE)
		w->f[C_PREV] = numstr(c, r->prev.value, pr, false);
	else if (display && r->prev.state == SE_CELL_SUPPRESSED)
		w->f[C_PREV] = dupstr(c, "suppressed");
	if (r->has_change)
		w->f[C_CHANGE] = numstr(c, r->change, pr, display);
	if (display) {
		char mv[64];
		se_rating_move(r, ind->precision, mv, sizeof mv);
		w->f[C_DIR] = dupstr(c, mv);
	} else
		w->f[C_DIR] = dupstr(c, se_direction_name(r->direction));
	if (r->rank) {
		snprintf(t, sizeof t, "%u", r->rank);
		w->f[C_RANK] = dupstr(c, t);
		snprintf(t, sizeof t, "%u", r->of);
		w->f[C_OF] = dupstr(c, t);
	}
	t[0] = r->quartile;
	t[1] = '\0';
	if (display && r->quartile) {
		char q[48];
		se_rating_scope(r, q, sizeof q);
		snprintf(t, sizeof t, "%c (%s)", r->quartile, q);
	}
	w->f[C_QUART] = dupstr(c, t);
	if (r->has_comparator)
		w->f[C_COMP] = numstr(c, r->comparator, pr, false);
	w->f[C_SOURCE] = dupstr(c, se_source_name(r->source));
	w->f[C_RAG] = dupstr(c, se_rag_name(r->rag));
	w->f[C_REASON] = reason(c, i, r);
	if (r->cur.state == SE_CELL_SUPPRESSED)
		w->f[C_FLAG] = dupstr(c, r->cur.flag ? r->cur.flag : "");
}

static const char *
field(const struct row *w, int k)
{
	return w->f[k] ? w->f[k] : "";
}

static int
reserve_rows(struct ctx *c)
{
	struct row *v;
	size_t cap;

	if (c->nrows < c->caprows)
		return 0;
	cap = c->caprows ? c->caprows * 2 : 64;
	v = realloc(c->rows, cap * sizeof *v);
	if (!v) {
		c->oom = true;
		return -1;
	}
	c->rows = v;
	c->caprows = cap;
	return 0;
}

static void
keep(struct ctx *c, struct row *w)
{
	if (reserve_rows(c) < 0) {
		row_free(w);
		return;
	}
	c->rows[c->nrows++] = *w;
}

/* ---- CSV and JSON --------------------------------------------------------- */

static void
csv_header(struct ctx *c, bool exceptions)
{
	int k;

	if (exceptions)
		fputs("exception,", c->out);
	for (k = 0; k < NCOL; k++)
		fprintf(c->out, "%s%s", colname[k], k + 1 < NCOL ? "," : "\n");
}

static const char *
fget(const char *const *f, int k)
{
	return f[k] ? f[k] : "";
}

/* One CSV row, added to 'b'. */
static void
csv_add(se_buf *b, const char *const *f, const char *exception)
{
	const char *cells[NCOL + 1];
	bool num[NCOL + 1] = { false };
	size_t k = 0;

	if (exception)
		cells[k++] = exception;
	memcpy(cells + k, f, sizeof cells[0] * NCOL);
	memcpy(num + k, colnum, sizeof colnum);
	se_csv_add_row(b, cells, num, k + NCOL);
}

/* One CSV row, built in 'c->line' and written with one fwrite. */
static void
csv_row(struct ctx *c, const char *const *f, const char *exception)
{
	se_buf_reset(&c->line);
	csv_add(&c->line, f, exception);
	if (se_buf_failed(&c->line))
		c->oom = true;
	else
		fwrite(c->line.data, 1, c->line.len, c->out);
}

static void
json_row(struct ctx *c, const char *const *f, const char *exception,
    bool suppressed, bool first)
{
	int k;

	fputs(first ? "\n  {" : ",\n  {", c->out);
	if (exception) {
		fputs("\"exception\": ", c->out);
		se_json_put(c->out, exception);
		fputs(", ", c->out);
	}
	for (k = 0; k < NCOL; k++) {
		const char *v = fget(f, k);
		fprintf(c->out, "%s\"%s\": ", k ? ", " : "", colname[k]);
		if (!*v && !(k == C_FLAG && suppressed))
			fputs("null", c->out);
		else if (colnum[k])
			fputs(v, c->out);
		else
			se_json_put(c->out, v);
	}
	fprintf(c->out, ", \"suppressed\": %s}", suppressed ? "true" :
	    "false");
}

/* 'u' in decimal into 't' (at least 11 bytes), as "%u" writes it. */
static void
uint_text(unsigned u, char *t)
{
	char d[16];
	size_t k = 0;

	do {
		d[k++] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	while (k > 0)
		*t++ = d[--k];
	*t = '\0';
}

/* The machine fields of one rating, without allocating: numbers in
 * 'x->num', the reason in 'x->why' (or 'x->long_why' when longer). */
struct cells {
	const char *f[NCOL];
	char num[8][48];
	char why[256];
	char *long_why;
};

static void
cells_fill(struct ctx *c, struct cells *x, size_t i, size_t e,
    const se_rating *r)
{
	const se_indicator *ind = se_store_series_indicator(c->s, i);
	size_t n;

	memset(x->f, 0, sizeof x->f);
	x->long_why = NULL;
	x->f[C_AUTH] = se_store_entity_name(c->s, e);
	x->f[C_IND] = ind->id;
	x->f[C_PERIOD] = r->period_text;
	if (r->cur.state == SE_CELL_VALUE) {
		se_number_format(r->cur.value, -1, x->num[0], 48);
		x->f[C_VALUE] = x->num[0];
	}
	if (r->prev.state == SE_CELL_VALUE) {
		se_number_format(r->prev.value, -1, x->num[1], 48);
		x->f[C_PREV] = x->num[1];
	}
	if (r->has_change) {
		se_number_format(r->change, -1, x->num[2], 48);
		x->f[C_CHANGE] = x->num[2];
	}
	x->f[C_DIR] = se_direction_name(r->direction);
	if (r->rank) {
		uint_text(r->rank, x->num[3]);
		uint_text(r->of, x->num[4]);
		x->f[C_RANK] = x->num[3];
		x->f[C_OF] = x->num[4];
	}
	x->num[5][0] = r->quartile;
	x->num[5][1] = '\0';
	x->f[C_QUART] = x->num[5];
	if (r->has_comparator) {
		se_number_format(r->comparator, -1, x->num[6], 48);
		x->f[C_COMP] = x->num[6];
	}
	x->f[C_SOURCE] = se_source_name(r->source);
	x->f[C_RAG] = se_rag_name(r->rag);
	n = se_rating_reason(c->s, i, r, x->why, sizeof x->why);
	x->f[C_REASON] = x->why;
	if (n >= sizeof x->why) {
		x->long_why = malloc(n + 1);
		if (x->long_why) {
			se_rating_reason(c->s, i, r, x->long_why, n + 1);
			x->f[C_REASON] = x->long_why;
		}
	}
	if (r->cur.state == SE_CELL_SUPPRESSED)
		x->f[C_FLAG] = r->cur.flag ? r->cur.flag : "";
}

/* ---- text and Markdown tables -------------------------------------------- */

static const int text_cols[] = { C_AUTH, C_IND, C_PERIOD, C_VALUE, C_PREV,
	C_CHANGE, C_DIR, C_RANK, C_QUART, C_COMP, C_SOURCE, C_RAG, C_REASON };
#define NTEXT (sizeof text_cols / sizeof text_cols[0])

static const char *
rag_color(se_rag r)
{
	return r == SE_RAG_RED ? "\033[1;31m" : r == SE_RAG_AMBER ?
	    "\033[1;33m" : r == SE_RAG_GREEN ? "\033[1;32m" : "";
}

/* Put "rank/of" in the rank field for people. */
static void
rank_of(struct ctx *c, struct row *w)
{
	char t[48];

	if (!w->f[C_RANK])
		return;
	snprintf(t, sizeof t, "%s/%s", w->f[C_RANK], field(w, C_OF));
	free(w->f[C_RANK]);
	w->f[C_RANK] = dupstr(c, t);
}

static void
pad(FILE *f, size_t n)
{
	while (n--)
		fputc(' ', f);
}

/* The table when it does not fit the terminal: a record a row, its
 * authority, indicator and period on the first line, then each field
 * that has a value under it ("  rag: red"). */
static void
text_records(struct ctx *c, bool exceptions)
{
	size_t i, k;

	for (i = 0; i < c->nrows; i++) {
		const struct row *w = &c->rows[i];
		if (i)
			fputc('\n', c->out);
		if (exceptions) {
			fputs(w->exception, c->out);
			fputs("  ", c->out);
		}
		se_text_put_line(c->out, field(w, C_AUTH));
		fputs("  ", c->out);
		se_text_put_line(c->out, field(w, C_IND));
		fputs("  ", c->out);
		se_text_put_line(c->out, field(w, C_PERIOD));
		fputc('\n', c->out);
		for (k = 0; k < NTEXT; k++) {
			int col = text_cols[k];
			const char *v = field(w, col);
			bool colour = c->o->color && col == C_RAG &&
			    w->rag != SE_RAG_NONE;
			if (col == C_AUTH || col == C_IND || col == C_PERIOD ||
			    !*v)
				continue;
			fprintf(c->out, "  %-11s ", col == C_SOURCE ? "source" :
			    colname[col]);
			if (colour)
				fputs(rag_color(w->rag), c->out);
			se_text_put_line(c->out, v);
			if (colour)
				fputs("\033[0m", c->out);
			fputc('\n', c->out);
		}
	}
}

static void
text_table(struct ctx *c, bool exceptions)
{
	size_t wd[NTEXT + 1], i, k, ex = 0;

	for (k = 0; k < NTEXT; k++)
		wd[k] = strlen(colname[text_cols[k]]);
	if (exceptions)
		ex = strlen("exception");
	for (i = 0; i < c->nrows; i++) {
		for (k = 0; k < NTEXT; k++) {
			size_t w = se_utf8_width(field(&c->rows[i],
			    text_cols[k]));
			if (w > wd[k])
				wd[k] = w;
		}
		if (exceptions && strlen(c->rows[i].exception) > ex)
			ex = strlen(c->rows[i].exception);
	}
	{
		size_t total = exceptions ? ex + 2 : 0;
		for (k = 0; k < NTEXT; k++)
			total += wd[k] + 2;
		if (c->o->width && total - 2 > c->o->width) {
			text_records(c, exceptions);
			return;
		}
	}
	if (exceptions) {
		fputs("exception", c->out);
		pad(c->out, ex - 9 + 2);
	}
	for (k = 0; k < NTEXT; k++) {
		const char *h = colname[text_cols[k]];
		if (text_cols[k] == C_SOURCE)
			h = "source";
		if (colnum[text_cols[k]])
			pad(c->out, wd[k] - strlen(h));
		fputs(h, c->out);
		if (k + 1 < NTEXT)
			pad(c->out, (colnum[text_cols[k]] ? 0 :
			    wd[k] - strlen(h)) + 2);
	}
	fputc('\n', c->out);
	for (i = 0; i < c->nrows; i++) {
		const struct row *w = &c->rows[i];
		if (exceptions) {
			fputs(w->exception, c->out);
			pad(c->out, ex - strlen(w->exception) + 2);
		}
		for (k = 0; k < NTEXT; k++) {
			const char *v = field(w, text_cols[k]);
			bool colour = c->o->color && text_cols[k] == C_RAG &&
			    w->rag != SE_RAG_NONE;
			bool right = colnum[text_cols[k]];
			size_t gap = wd[k] - se_utf8_width(v);
			if (right)
				pad(c->out, gap);
			if (colour)
				fputs(rag_color(w->rag), c->out);
			se_text_put(c->out, v);
			if (colour)
				fputs("\033[0m", c->out);
			if (k + 1 < NTEXT)
				pad(c->out, (right ? 0 : gap) + 2);
		}
		fputc('\n', c->out);
	}
}

static void
md_table(struct ctx *c, bool exceptions)
{
	size_t i, k;

	fputs("|", c->out);
	if (exceptions)
		fputs(" exception |", c->out);
	for (k = 0; k < NTEXT; k++)
		fprintf(c->out, " %s |", colname[text_cols[k]]);
	fputs("\n|", c->out);
	if (exceptions)
		fputs("---|", c->out);
	for (k = 0; k < NTEXT; k++)
		fputs(colnum[text_cols[k]] ? "--:|" : "---|", c->out);
	fputc('\n', c->out);
	for (i = 0; i < c->nrows; i++) {
		fputs("|", c->out);
		if (exceptions)
			fprintf(c->out, " %s |", c->rows[i].exception);
		for (k = 0; k < NTEXT; k++) {
			fputc(' ', c->out);
			se_md_put(c->out, field(&c->rows[i], text_cols[k]), true);
			fputs(" |", c->out);
		}
		fputc('\n', c->out);
	}
}

static void
free_rows(struct ctx *c)
{
	size_t i;

	for (i = 0; i < c->nrows; i++)
		row_free(&c->rows[i]);
	c->nrows = 0;
}

/* ---- the flat table ------------------------------------------------------ */

static bool
wanted(const struct ctx *c, size_t e, const se_rating *r)
{
	return r->shown && (!c->want || c->want[e]);
}

static int
rate(struct ctx *c, size_t i)
{
	int rc = se_rate_series(c->s, i, c->ro, c->r);

	if (rc < 0)
		c->oom = true;
	return rc;
}

/* The CSV table on every core (pipe.c): each job rates a run of series
 * into CSV text of its own; the calling thread writes the texts in order,
 * so the file is the one a single thread writes. */
#define CSV_RUN 16 /* series a job */

struct csv_job {
	size_t from, to;
	se_buf text;
	bool oom;
};

struct csv_jobs {
	struct ctx *c;
	size_t next, ns;
};

static int
csv_fill(void *ctx, void *slot, bool *work)
{
	struct csv_jobs *j = ctx;
	struct csv_job *x = slot;

	if (j->next >= j->ns)
		return 0;
	x->from = j->next;
	x->to = j->ns - j->next < CSV_RUN ? j->ns : j->next + CSV_RUN;
	j->next = x->to;
	se_buf_reset(&x->text);
	x->oom = false;
	*work = true;
	return 1;
}

/* A thread's own ratings. */
static void *
csv_state_new(void *ctx)
{
	const struct csv_jobs *j = ctx;
	size_t n = se_store_nentities(j->c->s);

	return malloc((n ? n : 1) * sizeof(se_rating));
}

static void
csv_work(void *ctx, void *slot, void *state)
{
	const struct csv_jobs *j = ctx;
	struct csv_job *x = slot;
	struct ctx c = *j->c; /* with this thread's ratings */
	size_t i, e, n = se_store_nentities(c.s);

	c.r = state;
	c.oom = false;
	for (i = x->from; i < x->to && !c.oom; i++) {
		if (rate(&c, i) != 0)
			continue;
		for (e = 0; e < n && !c.oom; e++) {
			struct cells cx;
			if (!wanted(&c, e, &c.r[e]))
				continue;
			cells_fill(&c, &cx, i, e, &c.r[e]);
			csv_add(&x->text, cx.f, NULL);
			free(cx.long_why);
		}
	}
	x->oom = c.oom || se_buf_failed(&x->text);
}

static int
csv_done(void *ctx, void *slot, bool worked)
{
	const struct csv_jobs *j = ctx;
	struct csv_job *x = slot;

	(void)worked;
	if (x->oom) {
		j->c->oom = true;
		return -1;
	}
	fwrite(x->text.data, 1, x->text.len, j->c->out);
	return 0;
}

static void
csv_table(struct ctx *c)
{
	static const se_pipe_ops ops = { csv_fill, csv_work, csv_done,
		csv_state_new, free };
	struct csv_jobs j = { c, 0, se_store_nseries(c->s) };
	struct csv_job x[8];
	void *slot[8];
	size_t k;

	csv_header(c, false);
	for (k = 0; k < 8; k++) {
		x[k].oom = false;
		se_buf_init(&x[k].text);
		slot[k] = &x[k];
	}
	if (se_pipe_run(&ops, &j, slot, 8, -1) < 0)
		c->oom = true;
	for (k = 0; k < 8; k++)
		se_buf_release(&x[k].text);
}

static void
flat(struct ctx *c)
{
	size_t ns = se_store_nseries(c->s), n = se_store_nentities(c->s);
	size_t i, e;
	bool display = c->o->format != SE_RAGOUT_JSON;
	bool first = true;

	if (c->o->format == SE_RAGOUT_CSV) {
		csv_table(c);
		return;
	}
	if (c->o->format == SE_RAGOUT_JSON)
		fputs("[", c->out);
	for (i = 0; i < ns && !c->oom; i++) {
		if (rate(c, i) != 0)
			continue;
		for (e = 0; e < n && !c->oom; e++) {
			struct row w;
			struct cells x;
			if (!wanted(c, e, &c->r[e]))
				continue;
			if (!display) {
				cells_fill(c, &x, i, e, &c->r[e]);
				json_row(c, x.f, NULL, c->r[e].cur.state ==
				    SE_CELL_SUPPRESSED, first);
				first = false;
				free(x.long_why);
				continue;
			}
			row_fill(c, &w, i, e, &c->r[e], display);
			rank_of(c, &w);
			keep(c, &w);
		}
	}
	if (c->o->format == SE_RAGOUT_JSON)
		fputs(first ? "]\n" : "\n]\n", c->out);
	else if (c->o->format == SE_RAGOUT_TEXT)
		text_table(c, false);
	else if (c->o->format == SE_RAGOUT_MARKDOWN)
		md_table(c, false);
	free_rows(c);
}

/* ---- exceptions ---------------------------------------------------------- */

static const char *const exkind[3] = { "red-red", "top", "bottom" };

/* Which exception 'r' is of kind k: 0 red and declining, 1 in the top
 * band, 2 in the bottom band (rank counted from the worst). */
static bool
is_exception(const struct ctx *c, const se_rating *r, int k)
{
	double band = c->o->band;

	if (k == 0)
		return r->rag == SE_RAG_RED && r->direction == SE_DIR_DECLINING;
	if (k == 1)
		return r->rank && r->rank * 100.0 <= r->of * band;
	return r->rrank && r->rrank * 100.0 <= r->of * band;
}

static void
prefix_reason(struct ctx *c, struct row *w, const se_rating *r, int k)
{
	char head[96];
	size_t n;
	char *p;

	if (k == 0)
		return;
	snprintf(head, sizeof head, "rank %u of %u, %s %g%%; ", r->rank,
	    r->of, k == 1 ? "top" : "bottom", c->o->band);
	n = strlen(head) + strlen(field(w, C_REASON)) + 1;
	p = malloc(n);
	if (!p) {
		c->oom = true;
		return;
	}
	snprintf(p, n, "%s%s", head, field(w, C_REASON));
	free(w->f[C_REASON]);
	w->f[C_REASON] = p;
}

static void
exceptions_collect(struct ctx *c)
{
	size_t ns = se_store_nseries(c->s), n = se_store_nentities(c->s);
	size_t i, e;
	bool display = c->o->format != SE_RAGOUT_CSV &&
	    c->o->format != SE_RAGOUT_JSON;
	int k;

	/* Each kind listed together: red-reds, then top, then bottom. */
	for (k = 0; k < 3 && !c->oom; k++)
		for (i = 0; i < ns && !c->oom; i++) {
			if (rate(c, i) != 0)
				continue;
			for (e = 0; e < n; e++) {
				struct row w;
				if (!wanted(c, e, &c->r[e]) ||
				    !is_exception(c, &c->r[e], k))
					continue;
				row_fill(c, &w, i, e, &c->r[e], display);
				w.exception = exkind[k];
				prefix_reason(c, &w, &c->r[e], k);
				if (display)
					rank_of(c, &w);
				keep(c, &w);
			}
		}
}

static void
exceptions_print(struct ctx *c)
{
	size_t i;

	switch (c->o->format) {
	case SE_RAGOUT_CSV:
		csv_header(c, true);
		for (i = 0; i < c->nrows; i++)
			csv_row(c, (const char *const *)c->rows[i].f,
			    c->rows[i].exception);
		break;
	case SE_RAGOUT_JSON:
		fputs("[", c->out);
		for (i = 0; i < c->nrows; i++)
			json_row(c, (const char *const *)c->rows[i].f,
			    c->rows[i].exception, c->rows[i].suppressed, i == 0);
		fputs(c->nrows ? "\n]\n" : "]\n", c->out);
		break;
	case SE_RAGOUT_MARKDOWN:
		md_table(c, true);
		break;
	default:
		text_table(c, true);
		break;
	}
}

/* ---- the tartan rug (--by, and HTML) -------------------------------------- */

struct rug {
	size_t ns, n;
	se_rating *r;      /* ns x n */
	bool *ok;          /* series rated */
	size_t *rows;      /* authorities shown */
	size_t nrows;
	size_t *refs;      /* England and region rows with values */
	size_t nrefs;
	size_t *cols;      /* series, grouped by area */
	size_t ncols;
};

static const char *
area_of(const se_indicator *ind)
{
	return ind->nareas ? ind->areas[0] : "other";
}

static void
rug_free(struct rug *g)
{
	free(g->r);
	free(g->ok);
	free(g->rows);
	free(g->refs);
	free(g->cols);
}

static int
rug_build(struct ctx *c, struct rug *g)
{
	size_t i, e, k;
	const se_store *s = c->s;

	memset(g, 0, sizeof *g);
	g->ns = se_store_nseries(s);
	g->n = se_store_nentities(s);
	g->r = malloc((g->ns && g->n ? g->ns * g->n : 1) * sizeof *g->r);
	g->ok = calloc(g->ns ? g->ns : 1, sizeof *g->ok);
	g->rows = malloc((g->n ? g->n : 1) * sizeof *g->rows);
	g->refs = malloc((g->n ? g->n : 1) * sizeof *g->refs);
	g->cols = malloc((g->ns ? g->ns : 1) * sizeof *g->cols);
	if (!g->r || !g->ok || !g->rows || !g->refs || !g->cols)
		return -1;
	for (i = 0; i < g->ns; i++) {
		int rc = se_rate_series(s, i, c->ro, g->r + i * g->n);
		if (rc < 0)
			return -1;
		g->ok[i] = rc == 0;
	}
	for (e = 0; e < g->n; e++) {
		bool any = false, val = false;
		for (i = 0; i < g->ns; i++) {
			if (!g->ok[i])
				continue;
			any = any || wanted(c, e, &g->r[i * g->n + e]);
			val = val || se_store_cell(s, i, g->r[i * g->n + e].period,
			    e).state == SE_CELL_VALUE;
		}
		if (any)
			g->rows[g->nrows++] = e;
		else if (val && se_store_entity_kind(s, e) != SE_ENTITY_AUTHORITY)
			g->refs[g->nrefs++] = e;
	}
	/* Columns: series grouped by their first area, groups in order of
	 * first appearance, the catalogue order kept inside a group. */
	for (i = 0; i < g->ns; i++) {
		const char *area;
		bool seen = false;
		if (!g->ok[i])
			continue;
		area = area_of(se_store_series_indicator(s, i));
		for (k = 0; k < g->ncols; k++)
			if (strcmp(area_of(se_store_series_indicator(s,
			    g->cols[k])), area) == 0)
				seen = true;
		if (seen)
			continue;
		for (k = i; k < g->ns; k++)
			if (g->ok[k] && strcmp(area_of(
			    se_store_series_indicator(s, k)), area) == 0)
				g->cols[g->ncols++] = k;
	}
	return 0;
}

static char
letter(se_rag r)
{
	return r == SE_RAG_RED ? 'R' : r == SE_RAG_AMBER ? 'A' :
	    r == SE_RAG_GREEN ? 'G' : '-';
}

/* The text of one rug cell: "G 24.1 ↑"; a reference row's value alone. */
static void
cell_text(struct ctx *c, const struct rug *g, size_t i, size_t e,
    char *buf, size_t n)
{
	const se_indicator *ind = se_store_series_indicator(c->s, i);
	const se_rating *r = &g->r[i * g->n + e];
	se_cell cell = se_store_cell(c->s, i, r->period, e);
	char v[64];

	if (se_store_entity_kind(c->s, e) != SE_ENTITY_AUTHORITY) {
		if (cell.state == SE_CELL_VALUE)
			se_number_format(cell.value, ind->precision, buf, n);
		else
			snprintf(buf, n, "%s", cell.state ==
			    SE_CELL_SUPPRESSED ? "supp" : "");
		return;
	}
	if (!r->shown) {
		snprintf(buf, n, "%s", "");
		return;
	}
	if (cell.state == SE_CELL_VALUE)
		se_number_format(cell.value, ind->precision, v, sizeof v);
	else
		snprintf(v, sizeof v, "%s", cell.state == SE_CELL_SUPPRESSED ?
		    "supp" : cell.state == SE_CELL_CONFLICT ? "conflict" :
		    "none");
	{
		char mv[64];
		se_rating_move(r, ind->precision, mv, sizeof mv);
		snprintf(buf, n, *mv ? "%c %s %s" : "%c %s", letter(r->rag), v,
		    mv);
	}
}

/* The pivot as text, Markdown or CSV: a grid of cells. */
static void
pivot(struct ctx *c)
{
	struct rug g;
	size_t nr, nc, a, b, k, *wd = NULL;
	bool by_ind = c->o->by == SE_BY_INDICATOR;
	char buf[128];
	int fmt = c->o->format;
	se_buf cells;
	size_t *off = NULL;

	se_buf_init(&cells);
	if (rug_build(c, &g) < 0) {
		c->oom = true;
		goto out;
	}
	/* Lines are indicators (by indicator) or entities; the first column
	 * is their name, the others the other dimension. */
	nr = by_ind ? g.ncols : g.nrows + g.nrefs;
	nc = by_ind ? g.nrows + g.nrefs : g.ncols;
	off = malloc(((nr + 1) * (nc + 1) + 1) * sizeof *off);
	wd = calloc(nc + 1, sizeof *wd);
	if (!off || !wd) {
		c->oom = true;
		goto out;
	}
	for (a = 0; a <= nr; a++)
		for (b = 0; b <= nc; b++) {
			size_t line = a ? a - 1 : 0, col = b ? b - 1 : 0;
			size_t ent = by_ind ? col : line, ser = by_ind ? line : col;
			size_t e = ent < g.nrows ? g.rows[ent] :
			    g.refs[ent - g.nrows];
			size_t i = g.cols[ser < g.ncols ? ser : 0];
			const char *t = buf;
			if (a == 0 && b == 0)
				t = by_ind ? "indicator" : "authority";
			else if (a == 0 || b == 0)
				t = (a == 0) != by_ind ?
				    se_store_series_indicator(c->s, i)->id :
				    se_store_entity_name(c->s, e);
			else
				cell_text(c, &g, i, e, buf, sizeof buf);
			off[a * (nc + 1) + b] = cells.len;
			se_buf_add(&cells, t, strlen(t) + 1);
			if (se_utf8_width(t) > wd[b])
				wd[b] = se_utf8_width(t);
		}
	if (se_buf_failed(&cells)) {
		c->oom = true;
		goto out;
	}
	for (k = 0, b = 0; b <= nc; b++)
		k += wd[b] + 2;
	if (fmt == SE_RAGOUT_TEXT && c->o->width && k - 2 > c->o->width) {
		/* Too wide for the terminal: a record a line of the grid,
		 * each column's heading and cell under its name. */
		size_t hw = 0;
		for (b = 1; b <= nc; b++)
			if (se_utf8_width(cells.data + off[b]) > hw)
				hw = se_utf8_width(cells.data + off[b]);
		for (a = 1; a <= nr; a++) {
			if (a > 1)
				fputc('\n', c->out);
			se_text_put(c->out, cells.data + off[a * (nc + 1)]);
			fputc('\n', c->out);
			for (b = 1; b <= nc; b++) {
				const char *hd = cells.data + off[b];
				fputs("  ", c->out);
				se_text_put(c->out, hd);
				pad(c->out, hw - se_utf8_width(hd) + 2);
				se_text_put(c->out, cells.data + off[a * (nc + 1) +
				    b]);
				fputc('\n', c->out);
			}
		}
		goto out;
	}
	for (a = 0; a <= nr; a++) {
		if (fmt == SE_RAGOUT_MARKDOWN)
			fputs("|", c->out);
		for (b = 0; b <= nc; b++) {
			const char *t = cells.data + off[a * (nc + 1) + b];
			if (fmt == SE_RAGOUT_CSV) {
				se_csv_put(c->out, t, false);
				fputc(b < nc ? ',' : '\n', c->out);
			} else if (fmt == SE_RAGOUT_MARKDOWN) {
				fputc(' ', c->out);
				se_md_put(c->out, t, true);
				fputs(" |", c->out);
			} else {
				se_text_put(c->out, t);
				if (b < nc)
					pad(c->out, wd[b] - se_utf8_width(t) + 2);
			}
		}
		if (fmt != SE_RAGOUT_CSV)
			fputc('\n', c->out);
		if (a == 0 && fmt == SE_RAGOUT_MARKDOWN) {
			fputs("|", c->out);
			for (k = 0; k <= nc; k++)
				fputs("---|", c->out);
			fputc('\n', c->out);
		}
	}
out:
	se_buf_release(&cells);
	free(off);
	free(wd);
	rug_free(&g);
}

/* ---- HTML ------------------------------------------------------------------ */

/* Indicator columns in one table of the rug: with the authority column,
 * one A4 landscape page (and a 1280 px window) holds this many two-line
 * cells.  A wider rug is several tables, each with the authority column
 * again, each a page in print. */
#define RUG_COLS 11

static void
h(struct ctx *c, const char *s)
{
	se_html_put(c->out, s);
}

static const char *
rag_class(const se_rating *r, se_cell cell)
{
	if (cell.state == SE_CELL_SUPPRESSED)
		return "rag-s";
	return r->rag == SE_RAG_RED ? "rag-r" : r->rag == SE_RAG_AMBER ?
	    "rag-a" : r->rag == SE_RAG_GREEN ? "rag-g" : "rag-n";
}

/* The comment on entity e's cell of series i, and its number (1 up, in
 * the order of the comments file), or NULL. */
static const char *
comment_of(const struct ctx *c, size_t i, size_t e, size_t *num)
{
	const se_comments *cm = c->o->comments;
	size_t k;

	for (k = 0; cm && k < se_comments_len(cm); k++)
		if (se_comments_series(cm, k, c->s) == i &&
		    se_comments_entity(cm, k, c->s) == e) {
			*num = k + 1;
			return se_comments_text(cm, k);
		}
	return NULL;
}

/* The value of a cell as shown: the number at the indicator's precision,
 * or what stands in for it. */
static void
value_text(const se_indicator *ind, se_cell cell, char *v, size_t n)
{
	if (cell.state == SE_CELL_VALUE)
		se_number_format(cell.value, ind->precision, v, n);
	else
		snprintf(v, n, "%s", cell.state == SE_CELL_SUPPRESSED ?
		    "supp" : cell.state == SE_CELL_CONFLICT ? "conflict" :
		    "none");
}

/* The way the number moved and whether that is better or worse, in a
 * span coloured (and worded) better or worse. */
static void
move_put(struct ctx *c, const se_rating *r, int precision)
{
	char mv[64];

	se_rating_move(r, precision, mv, sizeof mv);
	if (!*mv)
		return;
	fprintf(c->out, "<br><span%s>", r->direction == SE_DIR_IMPROVING ?
	    " class=\"better\"" : r->direction == SE_DIR_DECLINING ?
	    " class=\"worse\"" : "");
	h(c, mv);
	fputs("</span>", c->out);
}

/* One cell: letter and value, then the move; the reason is in the
 * indicator's table below (and in the title, for a pointer). */
static void
html_cell(struct ctx *c, const struct rug *g, size_t i, size_t e)
{
	const se_rating *r = &g->r[i * g->n + e];
	const se_indicator *ind = se_store_series_indicator(c->s, i);
	se_cell cell = se_store_cell(c->s, i, r->period, e);
	char v[64], *why;
	size_t num = 0;

	if (se_store_entity_kind(c->s, e) != SE_ENTITY_AUTHORITY) {
		fputs("<td>", c->out);
		cell_text(c, g, i, e, v, sizeof v);
		h(c, v);
		fputs("</td>", c->out);
		return;
	}
	if (!r->shown) {
		fputs("<td class=\"rag-n\"></td>", c->out);
		return;
	}
	why = reason(c, i, r);
	fprintf(c->out, "<td class=\"%s\" title=\"", rag_class(r, cell));
	h(c, why ? why : "");
	fprintf(c->out, "\"><b>%c</b> ", letter(r->rag));
	value_text(ind, cell, v, sizeof v);
	h(c, v);
	if (comment_of(c, i, e, &num))
		fprintf(c->out, "<sup><a href=\"#comment-%zu\" "
		    "aria-label=\"comment %zu\">%zu</a></sup>", num, num, num);
	move_put(c, r, ind->precision);
	fputs("</td>", c->out);
	free(why);
}

static void
html_legend(struct ctx *c, const struct rug *g)
{
	unsigned of = 0;
	size_t k, e;
	char scope[48];

	for (k = 0; k < g->ncols && !of; k++)
		for (e = 0; e < g->n && !of; e++)
			of = g->r[g->cols[k] * g->n + e].of;
	fputs("<section class=\"page\">\n<h2>How to read it</h2>\n"
	    "<table class=\"summary\">\n"
	    "<tbody>\n"
	    "<tr><td class=\"rag rag-g\">G</td><td>green: better than the "
	    "comparator by more than the tolerance, or reaches the green "
	    "threshold</td></tr>\n"
	    "<tr><td class=\"rag rag-a\">A</td><td>amber: in line with the "
	    "comparator (within the tolerance), or between the thresholds"
	    "</td></tr>\n"
	    "<tr><td class=\"rag rag-r\">R</td><td>red: worse than the "
	    "comparator by more than the tolerance, or beyond the red "
	    "threshold</td></tr>\n"
	    "<tr><td class=\"rag rag-n\">-</td><td>not rated: context only "
	    "(no polarity), no value, or no comparator</td></tr>\n"
	    "<tr><td class=\"rag rag-s\">- supp</td><td>suppressed in the "
	    "published data</td></tr>\n"
	    "<tr><td class=\"rag\">\xe2\x86\x91 \xe2\x86\x93 \xe2\x86\x92</td>"
	    "<td>the arrow is the way the number moved since the previous "
	    "period: up, down, unchanged; the word says whether that is "
	    "<span class=\"better\">better</span> or <span class=\"worse\">"
	    "worse</span> for the indicator's polarity, or <i>stable</i> "
	    "(within the tolerance); <i>new</i>: no previous period</td>"
	    "</tr>\n"
	    "<tr><td class=\"rag\"><i>italic</i></td><td>England and region "
	    "rows: reference values, not rated</td></tr>\n", c->out);
	if (of) {
		se_rating r0;
		memset(&r0, 0, sizeof r0);
		r0.of = of;
		se_rating_scope(&r0, scope, sizeof scope);
		fputs("<tr><td class=\"rag\">rank</td><td>rank and quartile "
		    "(A the best quarter) in the reasons below: ", c->out);
		h(c, scope);
		fputs("</td></tr>\n", c->out);
	}
	fputs("</tbody>\n</table>\n<p class=\"meta\">Each indicator is rated "
	    "at its latest period (shown under its name); the reason for "
	    "every cell is in the indicator's table below.</p>\n</section>\n",
	    c->out);
}

/* The period shown in an indicator's header: the one rated. */
static const char *
col_period(const struct rug *g, size_t i)
{
	size_t e;

	for (e = 0; e < g->n; e++)
		if (g->r[i * g->n + e].period_text)
			return g->r[i * g->n + e].period_text;
	return "";
}

static const char *
col_previous(const struct rug *g, size_t i)
{
	size_t e;

	for (e = 0; e < g->n; e++)
		if (g->r[i * g->n + e].previous_text)
			return g->r[i * g->n + e].previous_text;
	return NULL;
}

/* An area's title from the formats; else its id as words ("front-door"
 * is "Front door"). */
static void
area_put(struct ctx *c, const char *area)
{
	const char *title = c->o->formats ? se_formats_area(c->o->formats,
	    NULL, area) : NULL;
	char *t, *p;

	if (title) {
		h(c, title);
		return;
	}
	t = dupstr(c, area);
	if (!t)
		return;
	for (p = t; *p; p++)
		if (*p == '-')
			*p = ' ';
	if (*t >= 'a' && *t <= 'z')
		*t = (char)(*t - 'a' + 'A');
	h(c, t);
	free(t);
}

static const char *
polarity_words(const se_indicator *ind)
{
	return ind->polarity == SE_POLARITY_HIGH ? "higher is better" :
	    ind->polarity == SE_POLARITY_LOW ? "lower is better" :
	    "context only";
}

static void
html_ind_header(struct ctx *c, const struct rug *g, size_t i)
{
	const se_indicator *ind = se_store_series_indicator(c->s, i);

	fputs("<th scope=\"col\" class=\"ind\" title=\"", c->out);
	h(c, ind->title);
	fprintf(c->out, "\"><a href=\"#ind-%zu\">", i);
	h(c, ind->id);
	fputs("</a> <small>", c->out);
	h(c, col_period(g, i));
	fputs("</small></th>", c->out);
}

static const char *
col_area(const struct ctx *c, const struct rug *g, size_t k)
{
	return area_of(se_store_series_indicator(c->s, g->cols[k]));
}

/* Where the next table of the rug starts after the one starting at
 * column 'a': whole areas while they fit in RUG_COLS, an area wider
 * than that cut at RUG_COLS. */
static size_t
group_end(const struct ctx *c, const struct rug *g, size_t a)
{
	size_t b = a, end = a;

	while (b < g->ncols) {
		size_t z = b;
		while (z < g->ncols && strcmp(col_area(c, g, z),
		    col_area(c, g, b)) == 0)
			z++;
		if (z - a > RUG_COLS)
			return end > a ? end : a + RUG_COLS;
		end = b = z;
	}
	return end;
}

static void
html_row_name(struct ctx *c, size_t e)
{
	fputs("<tr><th scope=\"row\">", c->out);
	h(c, se_store_entity_name(c->s, e));
	fputs("</th>", c->out);
}

/* Columns a..b of the rug by authority: a table with the authority
 * column, area headings and indicator headings (repeated on every
 * printed page), then the comments on its cells. */
static void
html_rug_part(struct ctx *c, const struct rug *g, size_t a, size_t b,
    unsigned part, unsigned parts)
{
	size_t x, y, k, e;

	fputs(part > 1 ? "<section class=\"page\">\n" : "<section>\n", c->out);
	fputs("<table class=\"rug\">\n", c->out);
	if (parts > 1)
		fprintf(c->out, "<caption>Part %u of %u: indicators %zu to %zu "
		    "of %zu</caption>\n", part, parts, a + 1, b, g->ncols);
	fputs("<thead>\n<tr><th rowspan=\"2\" scope=\"col\">Authority</th>",
	    c->out);
	for (x = a; x < b; x = y) {
		for (y = x; y < b && strcmp(col_area(c, g, x),
		    col_area(c, g, y)) == 0; y++)
			;
		fprintf(c->out, "<th scope=\"colgroup\" colspan=\"%zu\">",
		    y - x);
		area_put(c, col_area(c, g, x));
		fputs("</th>", c->out);
	}
	fputs("</tr>\n<tr>", c->out);
	for (x = a; x < b; x++)
		html_ind_header(c, g, g->cols[x]);
	fputs("</tr>\n</thead>\n<tbody>\n", c->out);
	for (k = 0; k < g->nrows + g->nrefs; k++) {
		e = k < g->nrows ? g->rows[k] : g->refs[k - g->nrows];
		if (k == g->nrows)
			fputs("</tbody>\n<tbody class=\"ref\">\n", c->out);
		html_row_name(c, e);
		for (x = a; x < b; x++)
			html_cell(c, g, g->cols[x], e);
		fputs("</tr>\n", c->out);
	}
	fputs("</tbody>\n</table>\n", c->out);
	/* The comments on this part's cells, beside it. */
	k = 0;
	for (x = a; x < b; x++)
		for (y = 0; y < g->nrows; y++) {
			size_t num;
			const char *t = comment_of(c, g->cols[x], g->rows[y],
			    &num);
			if (!t)
				continue;
			fputs(k++ ? "" : "<ol class=\"notes\">\n", c->out);
			fprintf(c->out, "<li value=\"%zu\" id=\"comment-%zu\"><b>",
			    num, num);
			h(c, se_store_entity_name(c->s, g->rows[y]));
			fputs(", ", c->out);
			h(c, se_store_series_indicator(c->s, g->cols[x])->id);
			fputs(":</b> ", c->out);
			h(c, t);
			fputs("</li>\n", c->out);
		}
	if (k)
		fputs("</ol>\n", c->out);
	fputs("</section>\n", c->out);
}

/* The rug by indicator: a row an indicator, a column an authority. */
static void
html_rug_by_indicator(struct ctx *c, const struct rug *g)
{
	size_t a, k;

	fputs("<section>\n<table class=\"rug\">\n<thead>\n<tr><th scope=\"col\">"
	    "Area</th><th scope=\"col\">Indicator</th>", c->out);
	for (a = 0; a < g->nrows + g->nrefs; a++) {
		size_t e = a < g->nrows ? g->rows[a] : g->refs[a - g->nrows];
		fputs("<th scope=\"col\">", c->out);
		h(c, se_store_entity_name(c->s, e));
		fputs("</th>", c->out);
	}
	fputs("</tr>\n</thead>\n<tbody>\n", c->out);
	for (k = 0; k < g->ncols; k++) {
		const se_indicator *ind = se_store_series_indicator(c->s,
		    g->cols[k]);
		fputs("<tr><td>", c->out);
		area_put(c, area_of(ind));
		fputs("</td>", c->out);
		html_ind_header(c, g, g->cols[k]);
		for (a = 0; a < g->nrows + g->nrefs; a++)
			html_cell(c, g, g->cols[k], a < g->nrows ?
			    g->rows[a] : g->refs[a - g->nrows]);
		fputs("</tr>\n", c->out);
	}
	fputs("</tbody>\n</table>\n</section>\n", c->out);
}

/* Each indicator: what it is, where its column came from (source, file,
 * period, previous period), and each authority's rating with its
 * reason and comment, for readers on paper and on touch screens. */
static void
html_reasons(struct ctx *c, const struct rug *g)
{
	size_t k, y;
	char v[64], q[96];

	fputs("<section>\n<h2>Reasons and sources</h2>\n", c->out);
	for (k = 0; k < g->ncols; k++) {
		size_t i = g->cols[k];
		const se_indicator *ind = se_store_series_indicator(c->s, i);
		const char *file = NULL, *prev = col_previous(g, i);
		size_t p;
		for (y = 0; y < g->n && !file; y++)
			if (g->r[i * g->n + y].period_text) {
				p = g->r[i * g->n + y].period;
				file = se_store_column_file(c->s, i, p);
			}
		fprintf(c->out, "<table class=\"why\" id=\"ind-%zu\">\n"
		    "<caption>", i);
		h(c, ind->id);
		fputs(" ", c->out);
		h(c, ind->title);
		fputs(" (", c->out);
		h(c, polarity_words(ind));
		fputs(")<br><span class=\"note\">Period ", c->out);
		h(c, col_period(g, i));
		if (prev) {
			fputs(", previous ", c->out);
			h(c, prev);
		}
		if (ind->source) {
			fputs("; source: ", c->out);
			h(c, ind->source);
		}
		if (file) {
			fputs("; file: ", c->out);
			h(c, file);
		}
		fputs("</span></caption>\n<thead><tr><th scope=\"col\">Authority"
		    "</th><th scope=\"col\">RAG</th><th scope=\"col\">Value</th>"
		    "<th scope=\"col\">Move</th><th scope=\"col\">Rank</th>"
		    "<th scope=\"col\">Reason</th></tr></thead>\n<tbody>\n",
		    c->out);
		for (y = 0; y < g->nrows; y++) {
			size_t e = g->rows[y], num;
			const se_rating *r = &g->r[i * g->n + e];
			se_cell cell = se_store_cell(c->s, i, r->period, e);
			const char *cm;
			char *why;
			if (!r->shown)
				continue;
			html_row_name(c, e);
			fprintf(c->out, "<td class=\"rag %s\">%c</td><td class="
			    "\"num\">", rag_class(r, cell), letter(r->rag));
			value_text(ind, cell, v, sizeof v);
			h(c, v);
			fputs("</td><td class=\"nw\">", c->out);
			se_rating_move(r, ind->precision, v, sizeof v);
			h(c, v);
			fputs("</td><td class=\"nw\">", c->out);
			if (r->rank) {
				snprintf(q, sizeof q, "%u of %u, quartile %c",
				    r->rank, r->of, r->quartile);
				h(c, q);
			}
			fputs("</td><td class=\"why\">", c->out);
			why = reason(c, i, r);
			h(c, why ? why : "");
			free(why);
			cm = comment_of(c, i, e, &num);
			if (cm) {
				fputs("<br><b>Comment:</b> ", c->out);
				h(c, cm);
			}
			fputs("</td></tr>\n", c->out);
		}
		fputs("</tbody>\n</table>\n", c->out);
	}
	fputs("</section>\n", c->out);
}

static void
html_rug(struct ctx *c)
{
	struct rug g;
	size_t a, b;
	unsigned parts = 0, part = 0;

	if (rug_build(c, &g) < 0) {
		c->oom = true;
		rug_free(&g);
		return;
	}
	se_html_page_begin(c->out, "Tartan rug", true);
	fprintf(c->out, "<p class=\"meta\">%zu authorities, %zu indicators. "
	    "Letters as well as colours: G green, A amber, R red; the arrow "
	    "is the way the number moved, the word whether that is better or "
	    "worse (the key follows the rug).</p>\n", g.nrows, g.ncols);
	if (c->o->by == SE_BY_INDICATOR)
		html_rug_by_indicator(c, &g);
	else {
		for (a = 0; a < g.ncols; a = group_end(c, &g, a))
			parts++;
		for (a = 0; a < g.ncols; a = b) {
			b = group_end(c, &g, a);
			html_rug_part(c, &g, a, b, ++part, parts);
		}
	}
	html_legend(c, &g);
	html_reasons(c, &g);
	se_html_page_end(c->out);
	rug_free(&g);
}

static void
html_exceptions(struct ctx *c)
{
	size_t i, k;

	se_html_page_begin(c->out, "Exception report", true);
	fprintf(c->out, "<p class=\"meta\">Red-reds: worse than the "
	    "comparator and declining. Top and bottom %g%% of each "
	    "indicator by rank.</p>\n<table class=\"why\">\n<thead><tr><th scope=\"col\">"
	    "exception</th>", c->o->band);
	for (k = 0; k < NTEXT; k++) {
		fputs("<th scope=\"col\">", c->out);
		h(c, text_cols[k] == C_SOURCE ? "source" : colname[text_cols[k]]);
		fputs("</th>", c->out);
	}
	fputs("</tr></thead>\n<tbody>\n", c->out);
	for (i = 0; i < c->nrows; i++) {
		const struct row *w = &c->rows[i];
		fprintf(c->out, "<tr><td>%s</td>", w->exception);
		for (k = 0; k < NTEXT; k++) {
			if (text_cols[k] == C_RAG)
				fprintf(c->out, "<td class=\"rag rag-%c\">",
				    w->rag == SE_RAG_RED ? 'r' : w->rag ==
				    SE_RAG_AMBER ? 'a' : w->rag == SE_RAG_GREEN ?
				    'g' : 'n');
			else if (colnum[text_cols[k]])
				fputs("<td class=\"num\">", c->out);
			else if (text_cols[k] == C_REASON)
				fputs("<td class=\"why\">", c->out);
			else
				fputs("<td>", c->out);
			h(c, field(w, text_cols[k]));
			fputs("</td>", c->out);
		}
		fputs("</tr>\n", c->out);
	}
	fputs("</tbody>\n</table>\n", c->out);
	se_html_page_end(c->out);
}

/* ---- entry ----------------------------------------------------------------- */

int
se_ragout_render(const se_store *s, const se_rate_opts *ro,
    const se_ragout_opts *o, FILE *out)
{
	struct ctx c;
	size_t n = se_store_nentities(s), k;
	se_ragout_opts with_band = *o;

	if (!(with_band.band > 0))
		with_band.band = SE_BAND;
	o = &with_band;
	memset(&c, 0, sizeof c);
	se_buf_init(&c.line);
	c.s = s;
	c.ro = ro;
	c.o = o;
	c.out = out;
	c.r = malloc((n ? n : 1) * sizeof *c.r);
	if (!c.r)
		return -1;
	if (o->nauthorities) {
		c.want = calloc(n ? n : 1, sizeof *c.want);
		if (!c.want) {
			free(c.r);
			return -1;
		}
		for (k = 0; k < o->nauthorities; k++) {
			size_t e = se_store_entity_find(s, o->authorities[k]);
			if (e != NONE)
				c.want[e] = true;
		}
	}
	if (o->exceptions) {
		exceptions_collect(&c);
		if (o->format == SE_RAGOUT_HTML)
			html_exceptions(&c);
		else
			exceptions_print(&c);
		free_rows(&c);
	} else if (o->format == SE_RAGOUT_HTML)
		html_rug(&c);
	else if (o->by != SE_BY_NONE && o->format != SE_RAGOUT_JSON)
		pivot(&c);
	else
		flat(&c);
	free(c.rows);
	free(c.r);
	free(c.want);
	se_buf_release(&c.line);
	return c.oom ? -1 : 0;
}
