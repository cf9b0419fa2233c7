/* ragdoc.c: what se-rag shows for documents (se-rag(1) DOCUMENTS,
 * se-formats(5) Framework data): a summary's Signature of Success with its
 * direction computed, a self-assessment's areas, and a quality-standards
 * dashboard with its combined ratings computed beside the recorded ones
 * and each standard's best supported grade (lib/combine.c). */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

/* ---- a small table, emitted in every format ------------------------------ */

#define MAXCOL 10

struct table {
	const char *title;
	const char *cols[MAXCOL];
	size_t ncols;
	char **cells; /* nrows x ncols, malloc'ed, NULL for empty */
	int *tone;    /* per row and column: -1 none, else 0 worst .. 2 best */
	size_t nrows, cap;
	bool oom;
};

static void
table_init(struct table *t, const char *title, const char *const *cols)
{
	memset(t, 0, sizeof *t);
	t->title = title;
	while (cols[t->ncols] && t->ncols < MAXCOL) {
		t->cols[t->ncols] = cols[t->ncols];
		t->ncols++;
	}
}

static void
table_release(struct table *t)
{
	size_t i;

	for (i = 0; i < t->nrows * t->ncols; i++)
		free(t->cells[i]);
	free(t->cells);
	free(t->tone);
}

/* A new row; its cells are set with cell(). */
static size_t
table_row(struct table *t)
{
	size_t i;

	if (t->nrows == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 16;
		char **c = realloc(t->cells, cap * t->ncols * sizeof *c);
		int *tn;
		if (!c) {
			t->oom = true;
			return (size_t)-1;
		}
		t->cells = c;
		tn = realloc(t->tone, cap * t->ncols * sizeof *tn);
		if (!tn) {
			t->oom = true;
			return (size_t)-1;
		}
		t->tone = tn;
		t->cap = cap;
	}
	for (i = 0; i < t->ncols; i++) {
		t->cells[t->nrows * t->ncols + i] = NULL;
		t->tone[t->nrows * t->ncols + i] = -1;
	}
	return t->nrows++;
}

static void
cell(struct table *t, size_t row, size_t col, const char *s, int tone)
{
	char *p;
	size_t n;

	if (row == (size_t)-1 || !s)
		return;
	n = strlen(s);
	p = malloc(n + 1);
	if (!p) {
		t->oom = true;
		return;
	}
	memcpy(p, s, n + 1);
	free(t->cells[row * t->ncols + col]);
	t->cells[row * t->ncols + col] = p;
	t->tone[row * t->ncols + col] = tone;
}

static const char *
get(const struct table *t, size_t r, size_t c)
{
	const char *s = t->cells[r * t->ncols + c];

	return s ? s : "";
}

static void
emit_text(const struct table *t, FILE *out)
{
	size_t w[MAXCOL], r, c, k;

	fprintf(out, "%s\n", t->title);
	for (c = 0; c < t->ncols; c++) {
		w[c] = strlen(t->cols[c]);
		for (r = 0; r < t->nrows; r++)
			if (se_utf8_width(get(t, r, c)) > w[c])
				w[c] = se_utf8_width(get(t, r, c));
	}
	for (r = 0; r <= t->nrows; r++) {
		size_t last = t->ncols;
		/* No padding after the last cell with text. */
		while (last > 1 && r && !*get(t, r - 1, last - 1))
			last--;
		for (c = 0; c < last; c++) {
			const char *s = r ? get(t, r - 1, c) : t->cols[c];
			se_text_put(out, s);
			if (c + 1 < last)
				for (k = se_utf8_width(s); k < w[c] + 2; k++)
					fputc(' ', out);
		}
		fputc('\n', out);
	}
}

static void
emit_markdown(const struct table *t, FILE *out)
{
	size_t r, c;

	fputs("### ", out);
	se_md_put(out, t->title, true);
	fputs("\n\n|", out);
	for (c = 0; c < t->ncols; c++)
		fprintf(out, " %s |", t->cols[c]);
	fputs("\n|", out);
	for (c = 0; c < t->ncols; c++)
		fputs("---|", out);
	fputc('\n', out);
	for (r = 0; r < t->nrows; r++) {
		fputc('|', out);
		for (c = 0; c < t->ncols; c++) {
			fputc(' ', out);
			se_md_put(out, get(t, r, c), true);
			fputs(" |", out);
		}
		fputc('\n', out);
	}
	fputc('\n', out);
}

/* CSV is one table, whatever was rated: its header is the columns of
 * every kind of document rated, in the order first seen, and a row leaves
 * the columns of other kinds empty (a header for each kind would make
 * the records after the first kind's rows the wrong width). */
#define MAXCSVCOL (3 * MAXCOL)

static void
emit_csv(const struct table *t, size_t n, FILE *out)
{
	const char *cols[MAXCSVCOL];
	size_t ncols = 0, i, c, k, r;

	for (i = 0; i < n; i++)
		for (c = 0; c < t[i].ncols; c++) {
			for (k = 0; k < ncols; k++)
				if (strcmp(cols[k], t[i].cols[c]) == 0)
					break;
			if (k == ncols && ncols < MAXCSVCOL)
				cols[ncols++] = t[i].cols[c];
		}
	for (k = 0; k < ncols; k++)
		fprintf(out, "%s%s", cols[k], k + 1 < ncols ? "," : "\n");
	for (i = 0; i < n; i++)
		for (r = 0; r < t[i].nrows; r++)
			for (k = 0; k < ncols; k++) {
				for (c = 0; c < t[i].ncols; c++)
					if (strcmp(t[i].cols[c], cols[k]) == 0)
						break;
				se_csv_put(out, c < t[i].ncols ?
				    get(&t[i], r, c) : "", false);
				fputc(k + 1 < ncols ? ',' : '\n', out);
			}
}

static void
emit_json(const struct table *t, FILE *out, bool *first)
{
	size_t r, c;

	for (r = 0; r < t->nrows; r++) {
		fputs(*first ? "\n  {" : ",\n  {", out);
		*first = false;
		for (c = 0; c < t->ncols; c++) {
			fprintf(out, "%s\"%s\": ", c ? ", " : "", t->cols[c]);
			if (*get(t, r, c))
				se_json_put(out, get(t, r, c));
			else
				fputs("null", out);
		}
		fputc('}', out);
	}
}

static void
emit_html(const struct table *t, FILE *out)
{
	static const char *const cls[] = { "rag rag-r", "rag rag-a", "rag rag-g" };
	size_t r, c;

	fputs("<h2>", out);
	se_html_put(out, t->title);
	fputs("</h2>\n<table>\n<thead><tr>", out);
	for (c = 0; c < t->ncols; c++)
		fprintf(out, "<th scope=\"col\">%s</th>", t->cols[c]);
	fputs("</tr></thead>\n<tbody>\n", out);
	for (r = 0; r < t->nrows; r++) {
		fputs("<tr>", out);
		for (c = 0; c < t->ncols; c++) {
			int tone = t->tone[r * t->ncols + c];
			if (tone >= 0 && tone <= 2)
				fprintf(out, "<td class=\"%s\">", cls[tone]);
			else
				fputs("<td>", out);
			se_html_put(out, get(t, r, c));
			fputs("</td>", out);
		}
		fputs("</tr>\n", out);
	}
	fputs("</tbody>\n</table>\n", out);
}

/* ---- levels -------------------------------------------------------------- */

struct ctx {
	const se_formats *f;
	const se_doc *doc;
	se_diag *diag;
};

/* A level's tone for colour: the worst third red, the best green. */
static int
tone_of(const se_scale *s, int level)
{
	size_t n = se_scale_len(s);

	if (level < 0 || n < 2)
		return -1;
	if (n == 3)
		return level;
	return level == 0 ? 0 : (size_t)level + 1 == n || (size_t)level * 2 >= n ?
	    2 : 1;
}

static bool
is_na(const char *s)
{
	return s && (se_strcasecmp(s, "n/a") == 0 || se_strcasecmp(s, "na") == 0 ||
	    se_strcasecmp(s, "not applicable") == 0);
}

/* Read a rating; report one that is not on the scale. */
static int
level_of(struct ctx *x, const se_scale *s, const se_node *n)
{
	const char *t = se_node_str(n);
	int lv;

	if (!t || !*t)
		return -2;
	if (is_na(t))
		return SE_LEVEL_NA;
	lv = se_scale_parse(s, t, strlen(t));
	if (lv < 0)
		se_diag_error(x->diag, &n->pos, "rating-scale", "rating '%s' is "
		    "not on the %s scale", t, se_scale_id(s));
	return lv < 0 ? -2 : lv;
}

static const char *
label(const se_scale *s, int lv)
{
	return lv == SE_LEVEL_NA ? "N/A" : lv < 0 ? "" :
	    se_scale_level_label(s, (size_t)lv);
}

static const char *
authority(const se_doc *doc)
{
	const char *a = se_node_str(se_node_get(doc->meta, "authority"));

	return a ? a : "";
}

static bool
is_kind(const se_doc *doc, const char *kind)
{
	return doc->kind && strcmp(doc->kind, kind) == 0;
}

/* ---- summary: the Signature of Success (RIA framework) ------------------ */

static void
rate_summary(struct ctx *x, struct table *t)
{
	static const char *const cols[] = { "authority", "area", "previous",
		"current", "direction", "typed_direction", "commentary", NULL };
	const se_node *sos = se_node_get(x->doc->meta, "signature_of_success");
	const se_scale *rag = se_formats_scale(x->f, "rag");
	size_t i, r;

	table_init(t, "Signature of Success", cols);
	if (!sos || sos->kind != SE_NODE_LIST || !rag)
		return;
	for (i = 0; i < sos->n; i++) {
		const se_node *e = sos->items[i];
		const char *area = se_node_str(se_node_get(e, "area"));
		const char *title = area ? se_formats_area(x->f,
		    x->doc->framework, area) : NULL;
		int p = level_of(x, rag, se_node_get(e, "previous"));
		int c = level_of(x, rag, se_node_get(e, "current"));
		se_direction typed;
		se_direction dn = se_sos_direction(x->f, e, &typed, NULL);
		r = table_row(t);
		cell(t, r, 0, authority(x->doc), -1);
		cell(t, r, 1, title ? title : area ? area : "", -1);
		cell(t, r, 2, label(rag, p), tone_of(rag, p));
		cell(t, r, 3, label(rag, c), tone_of(rag, c));
		cell(t, r, 4, se_direction_name(dn), -1);
		cell(t, r, 5, se_node_str(se_node_get(e, "direction")), -1);
		cell(t, r, 6, se_node_str(se_node_get(e, "commentary")), -1);
	}
}

/* ---- self-assessment: the nine areas (handbook, section G) --------------- */

static void
rate_self_assessment(struct ctx *x, struct table *t)
{
	static const char *const cols[] = { "authority", "area", "rating",
		NULL };
	const se_node *areas = se_node_get(x->doc->meta, "areas");
	const se_scale *s = se_format_area_scale(x->f, se_formats_find(x->f,
	    x->doc->framework, x->doc->kind), "em4");
	size_t i, r;

	table_init(t, is_kind(x->doc, "self-assessment") ? "Self-assessment "
	    "areas" : "Areas", cols);
	if (!areas || areas->kind != SE_NODE_MAP || !s)
		return;
	for (i = 0; i < areas->n; i++) {
		const char *id = areas->keys[i]->text;
		const char *title = se_formats_area(x->f, x->doc->framework, id);
		int lv = level_of(x, s, se_node_get(areas->items[i], "rating"));
		char buf[128];
		long code;
		r = table_row(t);
		cell(t, r, 0, authority(x->doc), -1);
		cell(t, r, 1, title ? title : id, -1);
		if (lv >= 0 && se_scale_level_code(s, (size_t)lv, &code))
			snprintf(buf, sizeof buf, "%ld %s", code, label(s, lv));
		else
			snprintf(buf, sizeof buf, "%s", label(s, lv));
		cell(t, r, 2, buf, tone_of(s, lv));
	}
}

/* ---- quality-standards: the quality standards dashboard -------------------- */

struct crit {
	const se_node *node;
	const char *id;
	int level;
	bool critical, derived, met;
};

static bool
listed(const se_node *met, const char *id)
{
	size_t i;

	for (i = 0; met && met->kind == SE_NODE_LIST && i < met->n; i++) {
		const char *l = se_node_str(se_node_get(met->items[i],
		    "criterion"));
		if (!l)
			l = se_node_str(met->items[i]);
		if (l && strcmp(l, id) == 0)
			return true;
	}
	return false;
}

static const struct crit *
find_crit(const struct crit *c, size_t n, const char *id)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(c[i].id, id) == 0)
			return &c[i];
	return NULL;
}

/* {met: [ids], min, max} or {missing: [ids], min, max}. */
static bool
count_holds(const struct crit *c, size_t n, const se_node *met,
    const se_node *d, bool want_met)
{
	const se_node *ids = se_node_get(d, want_met ? "met" : "missing");
	const char *mn = se_node_str(se_node_get(d, "min"));
	const char *mx = se_node_str(se_node_get(d, "max"));
	long k = 0, lo = mn ? strtol(mn, NULL, 10) : 0;
	long hi = mx ? strtol(mx, NULL, 10) : 1000000;
	size_t i;

	for (i = 0; ids && ids->kind == SE_NODE_LIST && i < ids->n; i++) {
		const char *id = se_node_str(ids->items[i]);
		const struct crit *x = id ? find_crit(c, n, id) : NULL;
		bool m = x ? x->met : (id && listed(met, id));
		if (m == want_met)
			k++;
	}
	return lo <= k && k <= hi;
}

/* The criteria of 'standard' that apply in 'phase', with 'met' resolved:
 * listed ones, then derived counts, then "all criteria of a column". */
static struct crit *
collect(const se_scale *s, const se_node *standard, const char *phase,
    const se_node *met, size_t *count)
{
	const se_node *cols = se_node_get(standard, "criteria");
	struct crit *c;
	size_t i, j, n = 0;

	*count = 0;
	if (!cols || cols->kind != SE_NODE_MAP)
		return NULL;
	for (i = 0; i < cols->n; i++)
		if (cols->items[i]->kind == SE_NODE_LIST)
			n += cols->items[i]->n;
	c = calloc(n ? n : 1, sizeof *c);
	if (!c)
		return NULL;
	n = 0;
	for (i = 0; i < cols->n; i++) {
		const se_node *l = cols->items[i];
		int lv = se_scale_parse(s, cols->keys[i]->text,
		    cols->keys[i]->len);
		for (j = 0; l->kind == SE_NODE_LIST && j < l->n; j++) {
			const se_node *e = l->items[j];
			const char *id = se_node_str(se_node_get(e, "id"));
			const char *crit = se_node_str(se_node_get(e, "critical"));
			if (!id || lv < 0 || !se_phase_applies(se_node_get(e, "phases"),
			    phase))
				continue;
			c[n].node = e;
			c[n].id = id;
			c[n].level = lv;
			c[n].critical = crit && strcmp(crit, "true") == 0;
			c[n].derived = se_node_get(e, "derived") != NULL;
			c[n].met = !c[n].derived && listed(met, id);
			n++;
		}
	}
	for (i = 0; i < n; i++) {
		const se_node *d = se_node_get(c[i].node, "derived");
		if (c[i].derived && !se_node_get(d, "all-met"))
			c[i].met = count_holds(c, n, met, d,
			    se_node_get(d, "met") != NULL);
	}
	for (i = 0; i < n; i++) {
		const char *col = se_node_str(se_node_get(se_node_get(
		    c[i].node, "derived"), "all-met"));
		int lv;
		if (!c[i].derived || !col)
			continue;
		lv = se_scale_parse(s, col, strlen(col));
		c[i].met = true;
		for (j = 0; j < n; j++)
			if (c[j].level == lv && !c[j].met && !se_node_get(
			    se_node_get(c[j].node, "derived"), "all-met"))
				c[i].met = false;
	}
	*count = n;
	return c;
}

/* The lowest level of the rubric's necessary columns ("good"). */
static int
good_level(const se_scale *s, const se_node *rubric)
{
	const se_node *nec = se_node_get(rubric, "necessary");
	int good = (int)se_scale_len(s);
	size_t i;

	for (i = 0; nec && nec->kind == SE_NODE_LIST && i < nec->n; i++) {
		int lv = se_scale_parse(s, nec->items[i]->text,
		    nec->items[i]->len);
		if (lv >= 0 && lv < good)
			good = lv;
	}
	return good;
}

/* The best supported grade of one standard in one phase, or -1 when no
 * criterion is listed (not graded). */
static int
best_grade(const se_scale *s, const se_node *root, const char *sid,
    const char *phase, const se_node *met)
{
	const se_node *stds = se_node_get(root, "standards");
	const se_node *rubric = se_node_get(root, "rubric");
	const char *own = se_node_str(se_node_get(rubric, "own-criterion"));
	const se_node *standard = NULL;
	struct crit *c;
	se_criterion *v;
	size_t i, n;
	int g;

	if (!met || met->kind != SE_NODE_LIST || met->n == 0)
		return -1;
	for (i = 0; stds && stds->kind == SE_NODE_LIST && i < stds->n; i++) {
		const char *id = se_node_str(se_node_get(stds->items[i], "id"));
		if (id && strcmp(id, sid) == 0)
			standard = stds->items[i];
	}
	c = standard ? collect(s, standard, phase, met, &n) : NULL;
	if (!c)
		return -1;
	v = calloc(n ? n : 1, sizeof *v);
	if (!v) {
		free(c);
		return -1;
	}
	for (i = 0; i < n; i++) {
		v[i].level = c[i].level;
		v[i].critical = c[i].critical;
		v[i].derived = c[i].derived;
		v[i].met = c[i].met;
	}
	g = se_rubric_grade(v, n, (int)se_scale_len(s), good_level(s, rubric),
	    own && strcmp(own, "true") == 0);
	free(v);
	free(c);
	return g;
}

static const char *
phase_title(const se_node *root, const char *phase)
{
	const se_node *ph = se_node_get(root, "phases");
	size_t i;

	for (i = 0; ph && ph->kind == SE_NODE_LIST && i < ph->n; i++) {
		const char *id = se_node_str(se_node_get(ph->items[i], "id"));
		const char *t = se_node_str(se_node_get(ph->items[i], "title"));
		if (id && t && strcmp(id, phase) == 0)
			return t;
	}
	return phase;
}

struct qs {
	struct ctx *x;
	struct table *t;
	const se_node *root, *groups;
	const se_scale *s;
	se_combine rule;
	se_rounding round;
};

/* One combined row: the group's levels in 'phases' (NULL: every phase). */
static void
combined_row(struct qs *q, const se_node *phases, const char *phase,
    const se_node *group)
{
	const se_node *stds = se_node_get(group, "standards");
	const se_node *rec = se_node_path(q->x->doc->meta, "recorded");
	const char *gid = se_node_str(se_node_get(group, "id"));
	int lv[64], comp, recl = -2;
	size_t n = 0, i, k, r;

	for (i = 0; i < phases->n; i++) {
		const char *ph = phases->keys[i]->text;
		if (phase && strcmp(ph, phase) != 0)
			continue;
		for (k = 0; stds && stds->kind == SE_NODE_LIST && k < stds->n &&
		    n < 64; k++) {
			const se_node *cellnode = se_node_get(phases->items[i],
			    stds->items[k]->text);
			int l;
			if (!cellnode)
				continue;
			l = level_of(q->x, q->s, se_node_get(cellnode, "rating"));
			if (l != -2)
				lv[n++] = l;
		}
	}
	comp = se_combine_levels(q->rule, &q->round, lv, n);
	if (rec && gid)
		recl = level_of(q->x, q->s, se_node_get(se_node_get(rec,
		    phase ? phase : "overall"), gid));
	r = table_row(q->t);
	cell(q->t, r, 0, authority(q->x->doc), -1);
	cell(q->t, r, 1, phase ? phase_title(q->root, phase) : "Overall", -1);
	cell(q->t, r, 2, se_node_str(se_node_get(group, "id")), -1);
	cell(q->t, r, 5, label(q->s, comp), tone_of(q->s, comp));
	if (recl != -2) {
		cell(q->t, r, 6, label(q->s, recl), tone_of(q->s, recl));
		if (recl != comp)
			cell(q->t, r, 8, "recorded differs from computed", -1);
	}
}

static void
standard_rows(struct qs *q, const char *phase, const se_node *stds)
{
	size_t i, r;

	for (i = 0; i < stds->n; i++) {
		const se_node *c = stds->items[i];
		const char *sid = stds->keys[i]->text;
		int rating, claimed, best;
		const char *note = NULL;
		if (c->kind != SE_NODE_MAP)
			continue;
		rating = level_of(q->x, q->s, se_node_get(c, "rating"));
		claimed = level_of(q->x, q->s, se_node_get(c, "claimed"));
		best = best_grade(q->s, q->root, sid, phase,
		    se_node_get(c, "met"));
		if (best >= 0 && (rating > best || claimed > best))
			note = rating > best ? "rating above the best supported "
			    "grade" : "claim above the best supported grade";
		r = table_row(q->t);
		cell(q->t, r, 0, authority(q->x->doc), -1);
		cell(q->t, r, 1, phase_title(q->root, phase), -1);
		cell(q->t, r, 2, sid, -1);
		cell(q->t, r, 3, label(q->s, rating), tone_of(q->s, rating));
		cell(q->t, r, 4, label(q->s, claimed), tone_of(q->s, claimed));
		if (best >= 0)
			cell(q->t, r, 7, label(q->s, best), tone_of(q->s, best));
		cell(q->t, r, 8, note, -1);
	}
}

/* The format's `combine: round:` (and `threshold:`); half-towards-worse
 * when absent.  A value that cannot be read is an error at its place in
 * the format, and the default is used. */
static void
read_rounding(struct ctx *x, const se_node *root, se_rounding *r)
{
	const se_node *rn = se_node_path(root, "combine.round");
	const se_node *tn = se_node_path(root, "combine.threshold");
	const char *round = se_node_str(rn);

	r->kind = SE_ROUND_HALF_TOWARDS_WORSE;
	if (!rn)
		return;
	if (!round || se_rounding_parse(round, se_node_str(tn), r) < 0)
		se_diag_error(x->diag, tn && round &&
		    strcmp(round, "threshold") == 0 ? &tn->pos : &rn->pos,
		    "format", "combine: round must be nearest, "
		    "half-towards-worse or threshold (with threshold: a "
		    "number above 0 and at most 1, such as 0.75)");
}

static void
rate_quality_standards(struct ctx *x, struct table *t)
{
	static const char *const cols[] = { "authority", "phase", "item",
		"rating", "claimed", "computed", "recorded", "best_supported",
		"note", NULL };
	const se_format *fm = se_formats_find(x->f, x->doc->framework,
	    x->doc->kind);
	const se_node *phases = se_node_get(x->doc->meta, "phases");
	struct qs q;
	const char *sc, *rule;
	size_t i, g;
	int rl;

	table_init(t, "Quality standards dashboard", cols);
	memset(&q, 0, sizeof q);
	q.x = x;
	q.t = t;
	q.root = fm ? se_format_node(fm) : NULL;
	sc = se_node_str(se_node_get(q.root, "scale"));
	q.s = se_formats_scale(x->f, sc ? sc : "ns4");
	q.groups = se_node_path(q.root, "combine.groups");
	rule = se_node_str(se_node_path(q.root, "combine.rule"));
	rl = rule ? se_combine_parse(rule) : SE_COMBINE_MEAN;
	q.rule = rl < 0 ? SE_COMBINE_MEAN : (se_combine)rl;
	read_rounding(x, q.root, &q.round);
	if (!q.root || !q.s || !phases || phases->kind != SE_NODE_MAP ||
	    !q.groups || q.groups->kind != SE_NODE_LIST)
		return;
	for (i = 0; i < phases->n; i++) {
		if (phases->items[i]->kind != SE_NODE_MAP)
			continue;
		standard_rows(&q, phases->keys[i]->text, phases->items[i]);
		for (g = 0; g < q.groups->n; g++)
			combined_row(&q, phases, phases->keys[i]->text,
			    q.groups->items[g]);
	}
	for (g = 0; g < q.groups->n; g++)
		combined_row(&q, phases, NULL, q.groups->items[g]);
}

/* ---- what cannot be rated ------------------------------------------------ */

/* What reads a kind se-rag cannot rate, as se(7) maps the commands. */
static const struct {
	const char *kind, *use;
} instead[] = {
	{ "review", "use se-report -t feedback or -t letter for its "
	  "feedback, -t themes for its themes" },
	{ "self-evaluation", "rate the summary that lists it (its Signature "
	  "of Success), or use se-report -t summary or -t themes" },
	{ "plan", "use se-plan, which shows each action's progress" },
	{ "programme", "use se-report -t calendar or se-plan --programme" },
	{ "indicators", "give it with -i: a catalogue is what se-rag rates "
	  "an extract with" },
};

/* A document se-rag has no ratings for: say what it rates, and what
 * to use for this kind instead. */
static void
not_rated(const struct ctx *x, const se_format *fm, const se_pos *pos)
{
	const char *what = fm && se_format_title(fm) ? se_format_title(fm) :
	    x->doc->kind ? x->doc->kind : "document with no kind";
	const char *use = "use se-validate --explain to see what its format "
	    "asks of it";
	size_t i;

	for (i = 0; x->doc->kind && i < sizeof instead / sizeof instead[0]; i++)
		if (strcmp(instead[i].kind, x->doc->kind) == 0)
			use = instead[i].use;
	se_diag_error(x->diag, pos, "not-rated", "se-rag has no ratings for "
	    "this %s: it rates performance data (CSV extracts), a summary's "
	    "Signature of Success, quality standards, and documents whose "
	    "areas each have a rating, such as a self-assessment; %s", what,
	    use);
}

/* ---- entry ---------------------------------------------------------------- */

int
se_ragdoc_render(const se_formats *f, se_doc *const *docs, size_t ndocs,
    se_ragout_format fmt, FILE *out, se_diag *diag)
{
	struct table t, *kept = NULL, *nk;
	struct ctx x;
	const se_format *fm;
	size_t i, nkept = 0;
	bool first = true, oom = false;

	if (fmt == SE_RAGOUT_HTML)
		se_html_page_begin(out, "Ratings", true);
	if (fmt == SE_RAGOUT_JSON)
		fputs("[", out);
	for (i = 0; i < ndocs; i++) {
		const se_doc *doc = docs[i];
		se_pos pos = { doc->path, 0, 0 };
		x.f = f;
		x.doc = doc;
		x.diag = diag;
		fm = doc->kind && f ? se_formats_resolve(f, doc, diag) : NULL;
		if (f && doc->kind && !fm)
			continue; /* no format to rate it by: said why */
		if (is_kind(doc, "summary"))
			rate_summary(&x, &t);
		else if (is_kind(doc, "quality-standards"))
			rate_quality_standards(&x, &t);
		else if (is_kind(doc, "self-assessment") ||
		    se_format_area_scale(f, fm, NULL))
			rate_self_assessment(&x, &t);
		else {
			not_rated(&x, fm, &pos);
			continue;
		}
		switch (fmt) {
		case SE_RAGOUT_CSV: /* kept for one table at the end */
			nk = realloc(kept, (nkept + 1) * sizeof *kept);
			if (nk) {
				kept = nk;
				kept[nkept++] = t;
				continue;
			}
			oom = true;
			break;
		case SE_RAGOUT_JSON:
			emit_json(&t, out, &first);
			break;
		case SE_RAGOUT_MARKDOWN:
			emit_markdown(&t, out);
			break;
		case SE_RAGOUT_HTML:
			emit_html(&t, out);
			break;
		default:
			if (i)
				fputc('\n', out);
			emit_text(&t, out);
			break;
		}
		oom = oom || t.oom;
		table_release(&t);
	}
	if (fmt == SE_RAGOUT_CSV && nkept > 0)
		emit_csv(kept, nkept, out);
	for (i = 0; i < nkept; i++) {
		oom = oom || kept[i].oom;
		table_release(&kept[i]);
	}
	free(kept);
	if (fmt == SE_RAGOUT_JSON)
		fputs(first ? "]\n" : "\n]\n", out);
	if (fmt == SE_RAGOUT_HTML)
		se_html_page_end(out);
	return oom ? -1 : 0;
}
