/* reports.c: the five report types of se-report (se-report(1)), assembled
 * from documents and extracts into the report model of report.c: data
 * assembly only, no printing.  Every figure carries a source footnote
 * (file:line, and the rule that rated it). */
#include "format_internal.h"
#include "report_internal.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* Problems with no place in any file: "error: MESSAGE [RULE]", never
 * the command's name, which starts only a usage error (se(7)). */
static const se_pos me = { NULL, 0, 0 };

/* ---- small helpers --------------------------------------------------- */

static const char *
str(const se_node *map, const char *key)
{
	return se_node_str(se_node_get(map, key));
}

static const char *
or(const char *s, const char *dflt)
{
	return s && s[0] ? s : dflt;
}

/* A footnote "FILE:LINE" (and more) on the last thing added. */
static void
note(se_report *r, const se_pos *pos, const char *fmt, ...)
    SE_PRINTF(3, 4);
static void
note(se_report *r, const se_pos *pos, const char *fmt, ...)
{
	se_buf b;
	va_list ap;
	char tail[1024] = "";

	if (fmt) {
		va_start(ap, fmt);
		vsnprintf(tail, sizeof tail, fmt, ap);
		va_end(ap);
	}
	se_buf_init(&b);
	se_buf_adds(&b, pos && pos->file ? pos->file : "");
	if (pos && pos->line)
		se_buf_addf(&b, ":%u", pos->line);
	if (tail[0])
		se_buf_addf(&b, "%s%s", b.len ? ": " : "", tail);
	se_report_note(r, se_buf_str(&b));
	se_buf_release(&b);
}

/* A scalar or a list of scalars joined with ", " into 'b'. */
static void
join(const se_node *n, se_buf *b)
{
	size_t i;

	se_buf_reset(b);
	if (!n)
		return;
	if (n->kind == SE_NODE_SCALAR) {
		se_buf_adds(b, n->text);
		return;
	}
	if (n->kind != SE_NODE_LIST)
		return;
	for (i = 0; i < n->n; i++) {
		const char *s = se_node_str(n->items[i]);
		if (!s)
			continue;
		if (b->len)
			se_buf_adds(b, ", ");
		se_buf_adds(b, s);
	}
}

/* Folded YAML text ends in a newline; a cell or paragraph does not. */
static const char *
trim(se_buf *b, const char *s)
{
	size_t n = s ? strlen(s) : 0;

	se_buf_reset(b);
	while (n && (s[n - 1] == '\n' || s[n - 1] == ' '))
		n--;
	if (n)
		se_buf_add(b, s, n);
	return se_buf_str(b);
}

static se_doc *
find_kind(const se_report_input *in, const char *kind, size_t from,
    size_t *at)
{
	size_t i;

	for (i = from; i < in->ndocs; i++)
		if (in->docs[i]->kind && strcmp(in->docs[i]->kind, kind) == 0) {
			if (at)
				*at = i;
			return in->docs[i];
		}
	return NULL;
}

/* The format's section that document section 'sec' is (matched by title
 * or alias, in the kind's sections or its variant's), or NULL. */
static const se_fsection *
section_of(const se_formats *f, const se_doc *doc, const se_section *sec)
{
	const se_format *fm;
	const se_variant *v;
	size_t i;

	if (!f || !doc->kind || !sec->title)
		return NULL;
	fm = se_formats_find(f, doc->framework, doc->kind);
	if (!fm)
		return NULL;
	for (i = 0; i < fm->nsections; i++)
		if (se_fsection_matches(&fm->sections[i], sec))
			return &fm->sections[i];
	v = se_format_variant(fm, doc);
	for (i = 0; v && i < v->nsections; i++)
		if (se_fsection_matches(&v->sections[i], sec))
			return &v->sections[i];
	return NULL;
}

static const char *
section_id(const se_formats *f, const se_doc *doc, const se_section *sec)
{
	const se_fsection *fs = section_of(f, doc, sec);

	return fs ? fs->id : NULL;
}

static const se_section *
doc_section(const se_formats *f, const se_doc *doc, const char *id)
{
	size_t i;

	for (i = 0; i < doc->nsections; i++) {
		const char *sid = section_id(f, doc, &doc->sections[i]);
		if (sid && strcmp(sid, id) == 0)
			return &doc->sections[i];
	}
	return NULL;
}

/* The document's title: its level-1 heading, else 'dflt'. */
static const char *
doc_title(const se_doc *doc, const char *dflt)
{
	size_t i;

	for (i = 0; i < doc->nsections; i++)
		if (doc->sections[i].level == 1)
			return doc->sections[i].title;
	return dflt;
}

/* An indicator:ID citation as people read it: the indicator's title and
 * id from the catalogue, or the id alone when no catalogue knows it. */
static void
cite(se_buf *b, const se_catalogue *cat, const char *id, size_t n,
    bool bare)
{
	char want[128];
	const se_indicator *ind;

	snprintf(want, sizeof want, "%.*s", (int)(n < 127 ? n : 127), id);
	ind = cat ? se_catalogue_find(cat, id, n) : NULL;
	if (ind && ind->title && bare)
		se_buf_addf(b, "%s (%s)", ind->title, ind->id);
	else if (ind && ind->title)
		se_buf_addf(b, " (%s, %s)", ind->title, ind->id);
	else
		se_buf_addf(b, bare ? "%s" : " (%s)", want);
}

/* Text with its indicator:ID citations shown as titles: a Markdown link
 * "[assessments](indicator:CSC-003)" becomes "assessments (Assessments
 * completed within 45 working days, CSC-003)", a bare "indicator:CSC-003"
 * "Assessments completed within 45 working days (CSC-003)".  Returns
 * the text in 'b'. */
static const char *
cite_titles(se_buf *b, const se_catalogue *cat, const char *s, size_t n)
{
	const char *end = s + n, *p;

	se_buf_reset(b);
	while (s < end) {
		const char *at = NULL, *lb = NULL;
		size_t k;
		for (p = s; p + 10 <= end && !at; p++)
			if (se_strncasecmp(p, "indicator:", 10) == 0)
				at = p;
		if (!at) {
			se_buf_add(b, s, (size_t)(end - s));
			break;
		}
		for (k = 10; at + k < end && (isalnum((unsigned char)at[k]) ||
		    strchr("_.-", at[k])); k++)
			;
		while (k > 10 && strchr(".-", at[k - 1]))
			k--; /* a full stop after the id is not part of it */
		/* "[label](indicator:ID)": the label, then the citation */
		if (at > s && at[-1] == '(' && at - 1 > s && at[-2] == ']' &&
		    at + k < end && at[k] == ')') {
			for (p = at - 2; p > s && *p != '['; p--)
				;
			if (*p == '[')
				lb = p;
		}
		if (lb) {
			se_buf_add(b, s, (size_t)(lb - s));
			se_buf_add(b, lb + 1, (size_t)(at - 2 - lb - 1));
			cite(b, cat, at + 10, k - 10, false);
			s = at + k + 1;
		} else {
			se_buf_add(b, s, (size_t)(at - s));
			cite(b, cat, at + 10, k - 10, true);
			s = at + k;
		}
	}
	return se_buf_str(b);
}

static void
body(se_report *r, const se_report_input *in, const se_section *sec)
{
	se_buf b;

	se_buf_init(&b);
	cite_titles(&b, in->catalogue, sec->body, sec->body_len);
	se_report_markdown(r, b.data ? b.data : "", b.len);
	se_buf_release(&b);
}

/* ---- direction of travel ----------------------------------------------- */

se_direction
se_scale_direction(const se_scale *s, const char *previous,
    const char *current)
{
	int p, c;

	if (!s || !previous || !current)
		return SE_DIR_UNKNOWN;
	p = se_scale_parse(s, previous, strlen(previous));
	c = se_scale_parse(s, current, strlen(current));
	if (p < 0 || c < 0)
		return SE_DIR_UNKNOWN;
	return c > p ? SE_DIR_IMPROVING : c < p ? SE_DIR_DECLINING :
	    SE_DIR_STABLE;
}

static const char *
direction_words(se_direction d)
{
	switch (d) {
	case SE_DIR_IMPROVING: return "Improving";
	case SE_DIR_STABLE: return "Stable";
	case SE_DIR_DECLINING: return "Declining";
	case SE_DIR_NEW: return "New";
	case SE_DIR_NONE: return "Not rated";
	default: break;
	}
	return "Not known";
}

static se_rag
rag_of(const se_scale *s, const char *text)
{
	int l;

	if (!s || !text)
		return SE_RAG_NONE;
	l = se_scale_parse(s, text, strlen(text));
	return l < 0 ? SE_RAG_NONE : (se_rag)(SE_RAG_RED + l);
}

/* ---- summary ----------------------------------------------------------- */

struct chapters {
	se_doc **docs;
	bool *owned;
	size_t n;
};

static void
chapters_free(struct chapters *c)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		if (c->owned[i])
			se_doc_free(c->docs[i]);
	free(c->docs);
	free(c->owned);
}

/* The summary's chapters in its `chapters:` order: a self-evaluation
 * named on the command line is used as it is, others are loaded from the
 * summary's directory (se-formats(5) Evidence). */
static int
chapters_load(const se_report_input *in, const se_doc *sum,
    struct chapters *c, se_diag *d)
{
	const se_node *list = se_node_get(sum->meta, "chapters");
	const char *slash = strrchr(sum->path, '/');
	size_t i, j, n = list && list->kind == SE_NODE_LIST ? list->n : 0;
	se_buf path;

	c->n = 0;
	c->docs = calloc(n + 1, sizeof *c->docs);
	c->owned = calloc(n + 1, sizeof *c->owned);
	if (!c->docs || !c->owned)
		return -1;
	se_buf_init(&path);
	for (i = 0; i < n; i++) {
		const char *name = se_node_str(list->items[i]);
		se_doc *doc = NULL;
		if (!name)
			continue;
		se_buf_reset(&path);
		if (slash && name[0] != '/')
			se_buf_add(&path, sum->path, (size_t)(slash - sum->path) + 1);
		se_buf_adds(&path, name);
		for (j = 0; j < in->ndocs && !doc; j++)
			if (strcmp(in->docs[j]->path, se_buf_str(&path)) == 0)
				doc = in->docs[j];
		if (doc) {
			c->docs[c->n++] = doc;
			continue;
		}
		doc = se_doc_load(se_buf_str(&path), d);
		if (!doc) {
			se_diag_warning(d, &list->items[i]->pos, "missing-chapter",
			    "chapter '%s' cannot be read: the summary leaves it out",
			    name);
			continue;
		}
		c->owned[c->n] = true;
		c->docs[c->n++] = doc;
	}
	se_buf_release(&path);
	return 0;
}

static void
contacts(se_report *r, const se_doc *sum)
{
	const se_node *c = se_node_get(sum->meta, "contacts");

	se_report_heading(r, 2, "Contact details");
	se_report_field(r, "Local Authority", or(str(sum->meta, "authority"),
	    "not given"));
	se_report_field(r, "Self-Evaluation Contact Name",
	    or(str(c, "contact"), "not given"));
	se_report_field(r, "Self-Evaluation Contact email",
	    or(str(c, "contact_email"), "not given"));
	se_report_field(r, "Director of Children's Services",
	    or(str(c, "director"), "not given"));
	se_report_field(r, "Lead Member", or(str(c, "lead_member"),
	    "not given"));
}

/* The five summary parts of the RIA framework's template, in its order, asked of the summary
 * itself ("Children's Services") and of each chapter. */
static const struct {
	const char *id, *title;
} parts[] = {
	{ "areas-for-improvement", "Areas for improvements identified from "
	  "the last Inspection/Peer Challenge/Annual Conversation" },
	{ "support-to-other-las", "Support we have provided to other LAs" },
	{ "outcomes-proud", "Outcomes we are proud of" },
	{ "improvement-priorities",
	  "Improvement priorities for the next 12 months" },
	{ "key-risks", "Key risks to achieving the improvement priorities" },
};

/* One block of the template: a heading and the five parts under it;
 * 'all' shows a part the document lacks as "None given." */
static void
parts_of(se_report *r, const se_report_input *in, const se_doc *doc,
    const char *title, bool all)
{
	size_t i;

	se_report_heading(r, 2, title);
	for (i = 0; i < sizeof parts / sizeof parts[0]; i++) {
		const se_section *s = doc_section(in->formats, doc, parts[i].id);
		if (!s && !all)
			continue;
		se_report_heading(r, 3, parts[i].title);
		if (s && s->nitems + s->words > 0)
			body(r, in, s);
		else
			se_report_para(r, "None given.");
	}
}

/* The Direction of Travel cell: what the authority typed, as typed, and
 * what the ratings imply beside it when that differs or nothing was
 * typed ("Improving (the ratings show Stable)"). */
static const char *
direction_cell(se_buf *b, se_direction typed_dn, const char *typed,
    se_direction dn)
{
	se_buf_reset(b);
	if (!typed || !*typed)
		se_buf_adds(b, direction_words(dn));
	else if (typed_dn == dn || dn == SE_DIR_UNKNOWN)
		se_buf_adds(b, typed);
	else
		se_buf_addf(b, "%s (the ratings show %s)", typed,
		    direction_words(dn));
	return se_buf_str(b);
}

static void
signature(se_report *r, const se_report_input *in, const se_doc *sum,
    se_diag *d)
{
	const se_node *list = se_node_get(sum->meta, "signature_of_success");
	const se_node *years = se_node_get(sum->meta, "rag_years");
	const se_scale *rag = se_formats_scale(in->formats, "rag");
	char h1[64], h2[64];
	const char *head[5] = { "Area", h1, h2, "Direction of Travel",
		"Commentary" };
	se_buf b, ev, c;
	size_t i;

	se_buf_init(&c);
	snprintf(h1, sizeof h1, "RAG %s", or(str(years, "previous"), "last year"));
	snprintf(h2, sizeof h2, "RAG %s", or(str(years, "current"), "this year"));
	se_report_heading(r, 2, "Summary of Signature of Success");
	se_report_table(r, "", 5, head);
	se_buf_init(&b);
	se_buf_init(&ev);
	for (i = 0; list && list->kind == SE_NODE_LIST && i < list->n; i++) {
		const se_node *row = list->items[i];
		const char *area = str(row, "area"), *prev = str(row, "previous");
		const char *cur = str(row, "current"), *typed = str(row, "direction");
		const char *title = area ? se_formats_area(in->formats,
		    sum->framework, area) : NULL;
		se_direction typed_dn;
		se_direction dn = se_sos_direction(in->formats, row, &typed_dn,
		    d);
		se_report_row(r);
		se_report_cell(r, or(title, or(area, "")));
		se_report_cell_rag(r, rag_of(rag, prev));
		se_report_cell_rag(r, rag_of(rag, cur));
		se_report_cell(r, direction_cell(&c, typed_dn, typed, dn));
		note(r, &row->pos, "direction computed from %s to %s (rag scale)",
		    or(prev, "none"), or(cur, "none"));
		join(se_node_get(row, "evidence"), &ev);
		se_buf_reset(&b);
		se_buf_adds(&b, trim(&c, str(row, "commentary")));
		if (ev.len)
			se_buf_addf(&b, " (evidence: %s)", se_buf_str(&ev));
		se_report_cell(r, cite_titles(&c, in->catalogue, b.data ?
		    b.data : "", b.len));
	}
	se_buf_release(&b);
	se_buf_release(&ev);
	se_buf_release(&c);
}

static void
risk_support(se_report *r, const se_doc *sum)
{
	static const char *const need_head[] = {
		"Support needed from the Regional Improvement Alliance",
		"What that support looks like", "When", "Improvement priority" };
	static const char *const offer_head[] = {
		"Expertise we are willing to share",
		"What that support looks like", "Constraints on capacity" };
	const se_node *need = se_node_get(sum->meta, "support_needed");
	const se_node *offer = se_node_get(sum->meta, "support_offered");
	se_buf b;
	size_t i;

	se_buf_init(&b);
	se_report_heading(r, 2, "Risk Support and Offer");
	se_report_table(r, "Support needed", 4, need_head);
	for (i = 0; need && need->kind == SE_NODE_LIST && i < need->n; i++) {
		const se_node *n = need->items[i];
		se_report_row(r);
		se_report_cell(r, trim(&b, str(n, "need")));
		note(r, &n->pos, NULL);
		se_report_cell(r, trim(&b, str(n, "form")));
		se_report_cell(r, trim(&b, str(n, "when")));
		se_report_cell(r, trim(&b, str(n, "priority")));
	}
	se_report_table(r, "Expertise offered", 3, offer_head);
	for (i = 0; offer && offer->kind == SE_NODE_LIST && i < offer->n; i++) {
		const se_node *n = offer->items[i];
		se_report_row(r);
		se_report_cell(r, trim(&b, str(n, "expertise")));
		note(r, &n->pos, NULL);
		se_report_cell(r, trim(&b, str(n, "form")));
		se_report_cell(r, trim(&b, str(n, "constraints")));
	}
	se_buf_release(&b);
}

se_report *
se_report_summary(const se_report_input *in, se_diag *d)
{
	static const struct { const char *id, *title; } intro[] = {
		{ "our-local-area", "Our local area" },
		{ "our-services", "Our services" },
		{ "structure", "High level Structure Chart and description" },
	};
	se_doc *sum = find_kind(in, "summary", 0, NULL);
	struct chapters ch = { NULL, NULL, 0 };
	se_report *r;
	se_buf t;
	size_t i;

	if (!sum) {
		se_diag_error(d, &me, "no-summary",
		    "no summary document among the inputs: -t summary needs a "
		    "document of kind 'summary'");
		return NULL;
	}
	se_buf_init(&t);
	se_buf_addf(&t, "Self-Evaluation Summary Report: %s",
	    or(str(sum->meta, "authority"), "(authority not given)"));
	if (str(sum->meta, "period"))
		se_buf_addf(&t, " %s", str(sum->meta, "period"));
	r = se_report_new(se_buf_str(&t));
	se_buf_release(&t);
	if (!r || chapters_load(in, sum, &ch, d) < 0) {
		chapters_free(&ch);
		se_report_free(r);
		return NULL;
	}
	contacts(r, sum);
	for (i = 0; i < sizeof intro / sizeof intro[0]; i++) {
		const se_section *s = doc_section(in->formats, sum, intro[i].id);
		if (!s)
			continue;
		se_report_heading(r, 2, intro[i].title);
		body(r, in, s);
	}
	/* The RIA template: the authority-wide block, the Signature of Success,
	 * then a block for each chapter, then Risk Support and Offer */
	parts_of(r, in, sum, "Children's Services", true);
	signature(r, in, sum, d);
	for (i = 0; i < ch.n; i++)
		parts_of(r, in, ch.docs[i], doc_title(ch.docs[i],
		    or(str(ch.docs[i]->meta, "chapter"), ch.docs[i]->path)),
		    false);
	risk_support(r, sum);
	chapters_free(&ch);
	return r;
}

/* ---- feedback and letter ---------------------------------------------- */

static const char *
person(const se_node *p, se_buf *b)
{
	se_buf_reset(b);
	se_buf_adds(b, or(str(p, "name"), "(not named)"));
	if (str(p, "role"))
		se_buf_addf(b, ", %s", str(p, "role"));
	if (str(p, "authority"))
		se_buf_addf(b, ", %s", str(p, "authority"));
	return se_buf_str(b);
}

static const char *
area_title(const se_report_input *in, const se_doc *doc, const char *area)
{
	const char *t = area ? se_formats_area(in->formats, doc->framework,
	    area) : NULL;

	return t ? t : area;
}

static void
hypothesis(se_report *r, const se_report_input *in, const se_doc *rv,
    const se_node *h, int level)
{
	static const char *const fhead[] = { "Key findings", "Evidence base" };
	const se_node *m = se_node_get(h, "methods");
	const se_node *fs = se_node_get(h, "findings");
	const char *area = area_title(in, rv, str(h, "area"));
	se_buf b, e;
	size_t i;

	se_buf_init(&b);
	se_buf_init(&e);
	se_buf_addf(&b, "Hypothesis %s", or(str(h, "id"), "(no id)"));
	if (area)
		se_buf_addf(&b, ": %s", area);
	se_report_heading(r, level, se_buf_str(&b));
	se_report_para(r, trim(&b, str(h, "text")));
	note(r, &h->pos, NULL);
	se_report_heading(r, level + 1, "Methodologies used");
	for (i = 0; m && m->kind == SE_NODE_LIST && i < m->n; i++)
		se_report_item(r, trim(&b, se_node_str(m->items[i])));
	if (str(h, "methods_comments"))
		se_report_field(r, "Any comments about this aspect of the review",
		    trim(&b, str(h, "methods_comments")));
	se_report_heading(r, level + 1, "Key findings");
	se_report_table(r, "", 2, fhead);
	for (i = 0; fs && fs->kind == SE_NODE_LIST && i < fs->n; i++) {
		se_report_row(r);
		se_report_cell(r, trim(&b, str(fs->items[i], "text")));
		note(r, &fs->items[i]->pos, NULL);
		join(se_node_get(fs->items[i], "evidence"), &e);
		se_report_cell(r, e.len ? se_buf_str(&e) : "none given");
	}
	se_report_heading(r, level + 1, "Overall conclusions");
	se_report_para(r, or(trim(&b, str(h, "conclusions")), "None recorded."));
	se_report_heading(r, level + 1,
	    "Comments from host LA at time of feedback");
	se_report_para(r, or(trim(&b, str(h, "host_comments")), "None recorded."));
	se_buf_release(&b);
	se_buf_release(&e);
}

static bool
is_true(const se_node *n)
{
	const char *s = se_node_str(n);

	return s && (se_strcasecmp(s, "true") == 0 ||
	    se_strcasecmp(s, "yes") == 0 || se_strcasecmp(s, "y") == 0);
}

static void
actions(se_report *r, const se_doc *rv, int level)
{
	static const char *const head[] = { "Action point", "Hypothesis",
		"Agreed by host LA", "Commentary" };
	const se_node *a = se_node_get(rv->meta, "agreed_actions");
	se_buf b;
	size_t i;

	se_buf_init(&b);
	se_report_heading(r, level, "Agreed actions arising from review");
	se_report_table(r, "", 4, head);
	for (i = 0; a && a->kind == SE_NODE_LIST && i < a->n; i++) {
		const se_node *x = a->items[i];
		se_report_row(r);
		{
			se_buf t;
			se_buf_init(&t);
			se_buf_addf(&t, "%zu. %s", i + 1, trim(&b, str(x, "text")));
			se_report_cell(r, se_buf_str(&t));
			se_buf_release(&t);
		}
		note(r, &x->pos, NULL);
		se_report_cell(r, or(str(x, "hypothesis"), "none named"));
		se_report_cell(r, is_true(se_node_get(x, "agreed")) ? "Yes" : "No");
		se_report_cell(r, trim(&b, str(x, "commentary")));
	}
	se_buf_release(&b);
}

static void
parked(se_report *r, const se_doc *rv, int level)
{
	const se_node *hs = se_node_get(rv->meta, "hypotheses");
	se_buf b;
	size_t i;
	bool any = false;

	se_buf_init(&b);
	for (i = 0; hs && hs->kind == SE_NODE_LIST && i < hs->n; i++) {
		const se_node *h = hs->items[i];
		const char *dec = str(h, "decision");
		if (dec && strcmp(dec, "investigate") == 0)
			continue;
		if (!any)
			se_report_heading(r, level, "Hypotheses not investigated");
		any = true;
		se_buf_reset(&b);
		se_buf_addf(&b, "%s: ", or(str(h, "id"), "(no id)"));
		{
			se_buf t;
			se_buf_init(&t);
			se_buf_adds(&b, trim(&t, str(h, "text")));
			se_buf_release(&t);
		}
		se_report_item(r, se_buf_str(&b));
		note(r, &h->pos, NULL);
	}
	se_buf_release(&b);
}

static const char *
visit_type(const se_doc *rv)
{
	const char *t = str(rv->meta, "type");

	return t && strcmp(t, "visit") == 0 ? "Safeguarding Assurance Visit" :
	    "Peer Challenge Team Review";
}

static void
record(se_report *r, const se_report_input *in, const se_doc *rv, int level)
{
	const se_node *hs = se_node_get(rv->meta, "hypotheses");
	const se_node *dates = se_node_get(rv->meta, "dates");
	se_buf b;
	size_t i;

	se_buf_init(&b);
	se_report_heading(r, level, "About the review");
	se_report_field(r, "Host authority", or(str(rv->meta, "authority"), ""));
	se_buf_addf(&b, "%s to %s", or(str(dates, "start"), "?"),
	    or(str(dates, "end"), "?"));
	se_report_field(r, "Dates", se_buf_str(&b));
	se_report_field(r, "Lead reviewer", person(se_node_get(rv->meta,
	    "lead_reviewer"), &b));
	se_report_heading(r, level, "Hypotheses investigated");
	for (i = 0; hs && hs->kind == SE_NODE_LIST && i < hs->n; i++) {
		const char *dec = str(hs->items[i], "decision");
		se_buf t;
		if (!dec || strcmp(dec, "investigate") != 0)
			continue;
		se_buf_init(&t);
		se_buf_reset(&b);
		se_buf_addf(&b, "%s: %s", or(str(hs->items[i], "id"), "(no id)"),
		    trim(&t, str(hs->items[i], "text")));
		se_report_numbered(r, se_buf_str(&b));
		se_buf_release(&t);
	}
	for (i = 0; hs && hs->kind == SE_NODE_LIST && i < hs->n; i++) {
		const char *dec = str(hs->items[i], "decision");
		if (dec && strcmp(dec, "investigate") == 0)
			hypothesis(r, in, rv, hs->items[i], level);
	}
	actions(r, rv, level);
	se_report_field(r, "Date of verbal feedback",
	    or(str(rv->meta, "feedback_date"), "not recorded"));
	parked(r, rv, level);
	se_buf_release(&b);
}

static se_doc *
need_review(const se_report_input *in, se_diag *d, const char *type)
{
	se_doc *rv = find_kind(in, "review", 0, NULL);

	if (!rv)
		se_diag_error(d, &me, "no-review",
		    "no review workbook among the inputs: -t %s needs a "
		    "document of kind 'review'", type);
	return rv;
}

se_report *
se_report_feedback(const se_report_input *in, se_diag *d)
{
	se_doc *rv = need_review(in, d, "feedback");
	se_report *r;
	se_buf t;

	if (!rv)
		return NULL;
	se_buf_init(&t);
	se_buf_addf(&t, "Verbal feedback record: %s of %s", visit_type(rv),
	    or(str(rv->meta, "authority"), "(authority not given)"));
	r = se_report_new(se_buf_str(&t));
	se_buf_release(&t);
	if (!r)
		return NULL;
	record(r, in, rv, 2);
	return r;
}

/* "2019-02-05" as "5 February 2019"; anything else as it is. */
static const char *
long_date(const char *ymd, char buf[32])
{
	static const char *const month[] = { "January", "February", "March",
		"April", "May", "June", "July", "August", "September",
		"October", "November", "December" };
	long day;
	int y, m, dd;

	if (!ymd || !se_ymd_parse(ymd, strlen(ymd), &day) ||
	    sscanf(ymd, "%4d-%2d-%2d", &y, &m, &dd) != 3 || m < 1 || m > 12)
		return ymd ? ymd : "";
	snprintf(buf, 32, "%d %s %d", dd, month[m - 1], y);
	return buf;
}

/* The handbook, sections B and C (se-formats(5) review): the letter within 10 working days of the
 * last day of a review, 5 of a visit. */
static void
deadline(se_report *r, const se_report_input *in, const se_doc *rv,
    se_diag *d)
{
	const se_node *sent = se_node_get(rv->meta, "letter_sent");
	const char *end = str(se_node_get(rv->meta, "dates"), "end");
	const char *t = str(rv->meta, "type");
	unsigned n = t && strcmp(t, "visit") == 0 ? 5 : 10;
	const se_workdays *w = in->formats ? se_formats_workdays(in->formats) :
	    NULL;
	long last, day, due;
	char dbuf[11], msg[256];

	if (!w || !end || !se_node_str(sent) ||
	    !se_ymd_parse(end, strlen(end), &last) ||
	    !se_ymd_parse(sent->text, sent->len, &day))
		return;
	due = se_workdays_after(w, last, n);
	if (day <= due)
		return;
	se_ymd_format(due, dbuf);
	snprintf(msg, sizeof msg, "this letter is dated %s, %ld working days "
	    "after the last day of the %s (%s); it was due within %u, by %s",
	    sent->text, se_workdays_between(w, last, day),
	    n == 5 ? "visit" : "review", end, n, dbuf);
	se_report_warning(r, msg);
	note(r, &sent->pos, "letter-deadline");
	se_diag_warning(d, &sent->pos, "letter-deadline", "%s", msg);
}

static void
priority_actions(se_report *r, const se_doc *rv)
{
	const se_node *a = se_node_get(rv->meta, "agreed_actions");
	size_t i, pass, shown = 0;
	se_buf b;

	se_buf_init(&b);
	/* the actions marked priority; when none is, every agreed one */
	for (pass = 0; pass < 2 && !shown; pass++)
		for (i = 0; a && a->kind == SE_NODE_LIST && i < a->n; i++) {
			const se_node *x = a->items[i];
			if (!is_true(se_node_get(x, "agreed")))
				continue;
			if (pass == 0 && !is_true(se_node_get(x, "priority")))
				continue;
			se_buf_reset(&b);
			{
				se_buf t;
				se_buf_init(&t);
				se_buf_adds(&b, trim(&t, str(x, "text")));
				se_buf_release(&t);
			}
			if (str(x, "hypothesis"))
				se_buf_addf(&b, " (hypothesis %s)",
				    str(x, "hypothesis"));
			se_report_numbered(r, se_buf_str(&b));
			note(r, &x->pos, NULL);
			shown++;
		}
	if (!shown)
		se_report_para(r, "No action was agreed.");
	se_buf_release(&b);
}

se_report *
se_report_letter(const se_report_input *in, se_diag *d)
{
	se_doc *rv = need_review(in, d, "letter");
	const se_node *host, *lead, *dates;
	const char *when;
	char b1[32], b2[32], b3[32];
	se_report *r;
	se_buf t;

	if (!rv)
		return NULL;
	host = se_node_get(rv->meta, "host");
	lead = se_node_get(rv->meta, "lead_reviewer");
	dates = se_node_get(rv->meta, "dates");
	when = str(rv->meta, "letter_sent");
	se_buf_init(&t);
	se_buf_addf(&t, "%s of %s: feedback letter", visit_type(rv),
	    or(str(rv->meta, "authority"), "(authority not given)"));
	r = se_report_new(se_buf_str(&t));
	if (!r) {
		se_buf_release(&t);
		return NULL;
	}
	deadline(r, in, rv, d);
	se_report_field(r, "Date", when ? long_date(when, b1) :
	    "not yet sent (letter_sent is not recorded)");
	if (when)
		note(r, &se_node_get(rv->meta, "letter_sent")->pos, NULL);
	se_report_field(r, "To", person(host, &t));
	se_report_field(r, "Email", or(str(host, "email"), "not given"));
	se_report_field(r, "From", person(lead, &t));
	se_report_field(r, "Email", or(str(lead, "email"), "not given"));
	se_buf_reset(&t);
	se_buf_addf(&t, "Dear %s", or(str(host, "name"), "Director"));
	se_report_para(r, se_buf_str(&t));
	se_buf_reset(&t);
	se_buf_addf(&t, "%s %s Children's Services", visit_type(rv)[0] == 'P' ?
	    "Peer Challenge Review" : "Safeguarding Assurance Visit",
	    or(str(rv->meta, "authority"), ""));
	se_report_heading(r, 2, se_buf_str(&t));
	se_buf_reset(&t);
	se_buf_addf(&t, "This letter summarises the findings of the recent %s "
	    "in %s which was conducted from %s to %s. I would like to thank all of "
	    "the staff we met for their assistance in undertaking this review.",
	    visit_type(rv)[0] == 'P' ? "Peer Challenge Review" :
	    "Safeguarding Assurance Visit",
	    or(str(rv->meta, "authority"), "your authority"),
	    long_date(str(dates, "start"), b1), long_date(str(dates, "end"), b2));
	se_report_para(r, se_buf_str(&t));
	se_report_para(r, "The review aimed to provide an objective evaluation "
	    "of the key strengths and areas for development within the Children "
	    "and Young People's Service. In order to conduct this evaluation, a "
	    "number of agreed hypotheses were investigated by a Peer Challenge "
	    "Review Team. The methodology used, evidence-base behind the key "
	    "findings and any comments made by the host council in response "
	    "have been captured in the record of verbal feedback which is "
	    "attached for reference.");
	se_report_para(r, "This review has identified the following area(s) "
	    "for priority action:");
	priority_actions(r, rv);
	if (str(rv->meta, "variations"))
		se_report_field(r, "Variations between review team member "
		    "findings", trim(&t, str(rv->meta, "variations")));
	se_report_para(r, "Yours sincerely");
	se_report_para(r, person(lead, &t));
	(void)b3;
	se_report_heading(r, 2, "Attached: verbal feedback record");
	record(r, in, rv, 3);
	se_buf_release(&t);
	return r;
}

/* reports.c's helpers for the report types of other files
 * (lib/evaluation.c); see report_internal.h. */
const char *
se_report_trim(se_buf *b, const char *s)
{
	return trim(b, s);
}

const char *
se_report_person(const se_node *p, se_buf *b)
{
	return person(p, b);
}

const char *
se_report_visit_type(const se_doc *rv)
{
	return visit_type(rv);
}

void
se_report_source(se_report *r, const se_pos *pos, const char *rule)
{
	note(r, pos, rule ? "%s" : NULL, rule);
}

se_doc *
se_report_need_review(const se_report_input *in, se_diag *d,
    const char *type)
{
	return need_review(in, d, type);
}

/* ---- dashboard --------------------------------------------------------- */

static void
fmtval(const se_store *s, size_t i, se_cell c, char *buf, size_t n)
{
	const se_indicator *ind = se_store_series_indicator(s, i);

	if (c.state == SE_CELL_VALUE)
		se_number_format(c.value, ind ? ind->precision : 1, buf, n);
	else if (c.state == SE_CELL_SUPPRESSED)
		snprintf(buf, n, "%s (suppressed)", c.flag ? c.flag : "");
	else
		snprintf(buf, n, "%s", "");
}

static double
valof(se_cell c)
{
	return c.state == SE_CELL_VALUE ? c.value : NAN;
}

/* The mean of e's statistical neighbours' values for series i at period
 * p (those present), NAN when none has one. */
static double
neighbours_mean(const se_store *s, size_t i, size_t p, size_t e)
{
	const size_t *nb;
	size_t n = se_store_neighbours(s, e, &nb), k, m = 0;
	double sum = 0;

	for (k = 0; k < n; k++) {
		se_cell c = se_store_cell(s, i, p, nb[k]);
		if (c.state == SE_CELL_VALUE) {
			sum += c.value;
			m++;
		}
	}
	return m ? sum / (double)m : NAN;
}

/* "percent, lower is better": what the chart's numbers are and which
 * way is good. */
static void
unit_words(const se_indicator *ind, char *buf, size_t n)
{
	const char *pol = ind->polarity == SE_POLARITY_HIGH ?
	    "higher is better" : ind->polarity == SE_POLARITY_LOW ?
	    "lower is better" : "context only, neither way is better";

	if (ind->unit && *ind->unit)
		snprintf(buf, n, "%s; %s", ind->unit, pol);
	else
		snprintf(buf, n, "%s", pol);
}

static void
trend(se_report *r, const se_store *s, size_t i, size_t e, const char *name)
{
	size_t np = se_store_nperiods(s, i), p, k, nl = 0;
	size_t ents[3] = { e, se_store_england(s), se_store_region_row(s, e) };
	const char **labels = calloc(np + 1, sizeof *labels);
	double *v = calloc(4 * (np + 1), sizeof *v);
	se_chart_line lines[4];
	const se_indicator *ind = se_store_series_indicator(s, i);
	const size_t *nb;
	char title[512], unit[128];

	if (!labels || !v)
		goto out;
	for (p = 0; p < np; p++)
		labels[p] = se_store_period_text(s, i, p);
	for (k = 0; k < 3; k++) {
		if (ents[k] == SIZE_MAX || (k && ents[k] == ents[0]) ||
		    !se_store_has_series(s, i, ents[k]))
			continue;
		for (p = 0; p < np; p++)
			v[nl * np + p] = valof(se_store_cell(s, i, p, ents[k]));
		lines[nl].name = se_store_entity_name(s, ents[k]);
		lines[nl].v = &v[nl * np];
		nl++;
	}
	if (se_store_neighbours(s, e, &nb) > 0) {
		for (p = 0; p < np; p++)
			v[nl * np + p] = neighbours_mean(s, i, p, e);
		lines[nl].name = "Statistical neighbours";
		lines[nl].v = &v[nl * np];
		nl++;
	}
	unit[0] = '\0';
	if (ind)
		unit_words(ind, unit, sizeof unit);
	snprintf(title, sizeof title, "%s: %s over time (%s)", name,
	    ind && ind->title ? ind->title : "", unit);
	se_report_chart(r, title, labels, np, lines, nl, ind ? ind->precision : 1);
out:
	free(labels);
	free(v);
}

static void
sources(se_buf *b, const se_report_input *in)
{
	size_t k;

	se_buf_reset(b);
	for (k = 0; k < in->ndata; k++)
		se_buf_addf(b, "%s%s", k ? ", " : "", in->data[k]);
}

se_report *
se_report_dashboard(const se_report_input *in, se_diag *d)
{
	static const char *const head[] = { "Indicator", "Period", "Value",
		"Move", "England", "Region", "Neighbours", "Rank",
		"Quartile (A best)", "RAG" };
	const se_store *s = in->store;
	se_rate_opts ro = { in->period, NULL, -1 };
	se_rating *rt = NULL;
	size_t e, i, ns, rows = 0, eng, reg;
	const size_t *nb;
	bool has_nb;
	se_report *r;
	se_buf t, src;
	char v[64], mv[128], why[512], en[64], rg[64], sn[64], rk[32], q[64];

	if (!s || !in->authority) {
		se_diag_error(d, &me, "dashboard-input", "%s",
		    !s ? "no extract given: -t dashboard needs --data FILE "
		    "or a CSV operand" : "no authority given: -t dashboard "
		    "needs --authority");
		return NULL;
	}
	e = se_store_entity_find(s, in->authority);
	if (e == SIZE_MAX) {
		se_diag_error(d, &me, "unknown-authority",
		    "authority '%s' is not in the extracts", in->authority);
		return NULL;
	}
	eng = se_store_england(s);
	reg = se_store_region_row(s, e);
	has_nb = se_store_neighbours(s, e, &nb) > 0;
	rt = calloc(se_store_nentities(s) + 1, sizeof *rt);
	if (!rt)
		return NULL;
	se_buf_init(&t);
	se_buf_init(&src);
	sources(&src, in);
	se_buf_addf(&t, "Performance dashboard: %s", se_store_entity_name(s, e));
	if (in->period)
		se_buf_addf(&t, " %s", in->period);
	r = se_report_new(se_buf_str(&t));
	if (!r)
		goto out;
	se_report_heading(r, 2, "Ratings");
	se_report_para(r, "Each indicator is rated at its latest period, or "
	    "the period asked for, by the rule in the indicator catalogue. "
	    "Move: the arrow is the way the number moved since the period "
	    "before, the word whether that is better or worse. England, "
	    "region and statistical neighbours (their mean) are the same "
	    "period's values. The sources give the rule and the figures it "
	    "used.");
	if (!has_nb)
		se_report_para(r, "No statistical neighbours were given "
		    "(--neighbours FILE): that column is empty.");
	se_report_table(r, "", 10, head);
	ns = se_store_nseries(s);
	for (i = 0; i < ns; i++) {
		const se_indicator *ind = se_store_series_indicator(s, i);
		const se_rating *x = &rt[e];
		double m;
		if (se_rate_series(s, i, &ro, rt) != 0 || !x->shown)
			continue;
		se_buf_reset(&t);
		se_buf_addf(&t, "%s %s", ind->id, ind->title ? ind->title : "");
		fmtval(s, i, x->cur, v, sizeof v);
		se_rating_move(x, ind->precision, mv, sizeof mv);
		if (x->prev.state == SE_CELL_VALUE) {
			char pv[64];
			fmtval(s, i, x->prev, pv, sizeof pv);
			snprintf(mv + strlen(mv), sizeof mv - strlen(mv),
			    " (from %s)", pv);
		}
		en[0] = rg[0] = sn[0] = rk[0] = q[0] = '\0';
		if (eng != SIZE_MAX)
			fmtval(s, i, se_store_cell(s, i, x->period, eng), en,
			    sizeof en);
		if (reg != SIZE_MAX)
			fmtval(s, i, se_store_cell(s, i, x->period, reg), rg,
			    sizeof rg);
		m = has_nb ? neighbours_mean(s, i, x->period, e) : NAN;
		if (!isnan(m))
			se_number_format(m, ind->precision, sn, sizeof sn);
		if (x->rank) {
			char sc[48];
			snprintf(rk, sizeof rk, "%u of %u", x->rank, x->of);
			se_rating_scope(x, sc, sizeof sc);
			snprintf(q, sizeof q, "%c (%s)", x->quartile, sc);
		}
		rows++;
		se_report_row(r);
		se_report_cell(r, se_buf_str(&t));
		se_report_cell(r, or(x->period_text, ""));
		se_report_cell(r, v);
		se_report_cell(r, mv);
		se_report_cell(r, en);
		se_report_cell(r, rg);
		se_report_cell(r, sn);
		se_report_cell(r, rk);
		se_report_cell(r, q);
		se_report_cell_rag(r, x->rag);
		se_rating_reason(s, i, x, why, sizeof why);
		se_buf_reset(&t);
		se_buf_addf(&t, "%s, %s %s: %s (rated by the catalogue's %s rule)",
		    se_buf_str(&src), ind->id, or(x->period_text, ""), why,
		    se_source_name(x->source)[0] ? se_source_name(x->source) :
		    "no");
		se_report_note(r, se_buf_str(&t));
	}
	if (rows == 0) {
		se_report_para(r, "No indicator has a value to rate.");
		if (in->period)
			se_diag_warning(d, &me, "unknown-period", "no indicator "
			    "has values for period '%s'", in->period);
	}
	se_report_heading(r, 2, "Trends");
	for (i = 0; i < ns; i++) {
		const se_indicator *ind = se_store_series_indicator(s, i);
		if (!se_store_has_series(s, i, e) || !ind)
			continue;
		{
			char u[128];
			unit_words(ind, u, sizeof u);
			se_buf_reset(&t);
			se_buf_addf(&t, "%s (%s)", ind->title ? ind->title :
			    ind->id, u);
			se_report_heading(r, 3, se_buf_str(&t));
		}
		trend(r, s, i, e, se_store_entity_name(s, e));
	}
out:
	se_buf_release(&t);
	se_buf_release(&src);
	free(rt);
	return r;
}

/* ---- themes ------------------------------------------------------------ */

/* A column of the themes table: the items of one part the formats mark
 * `theme: true` ("Improvement priorities", "Agreed actions"), the same
 * name in several kinds being one column, and the kinds it was found in. */
struct tcol {
	char *key, *label;
	const char **kinds; /* the kinds' titles, as the formats give them */
	size_t nkinds;
};

struct theme {
	char *key;       /* se_theme_key() */
	char *label;     /* as first written, or the area's title */
	size_t *count;   /* per column */
	size_t ncount;
	size_t total;
	char **auth;     /* the authorities, sorted, distinct */
	size_t nauth;
	se_buf where;    /* sources */
};

struct themes {
	struct theme *t;
	size_t n, cap;
	struct tcol *col;
	size_t ncol;
	bool oom;
};

/* A theme as themes are grouped: folded as every name is (se_name_fold,
 * by words), so "Front door" and "front-door" are one theme. */
static char *
theme_key(const char *s, size_t n)
{
	se_buf b;

	se_buf_init(&b);
	se_theme_key(&b, s, n);
	if (se_buf_failed(&b)) {
		se_buf_release(&b);
		return NULL;
	}
	if (b.len == 0) {
		se_buf_release(&b);
		return strdup(""); /* an empty key, not a failure */
	}
	return se_buf_take(&b);
}

/* The column named 'label' (found in a kind titled 'kind'), added when
 * new; (size_t)-1 when out of memory. */
static size_t
column(struct themes *ts, const char *label, const char *kind)
{
	char *key = theme_key(label, strlen(label));
	struct tcol *c, *nc;
	const char **nk;
	size_t i;

	if (!key) {
		ts->oom = true;
		return (size_t)-1;
	}
	for (i = 0; i < ts->ncol; i++)
		if (strcmp(ts->col[i].key, key) == 0)
			break;
	if (i == ts->ncol) {
		nc = realloc(ts->col, (ts->ncol + 1) * sizeof *nc);
		if (!nc || !(label = strdup(label))) {
			if (nc)
				ts->col = nc;
			free(key);
			ts->oom = true;
			return (size_t)-1;
		}
		ts->col = nc;
		memset(&nc[i], 0, sizeof nc[i]);
		nc[i].key = key;
		nc[i].label = (char *)label;
		ts->ncol++;
	} else {
		free(key);
	}
	c = &ts->col[i];
	for (i = 0; i < c->nkinds; i++)
		if (strcmp(c->kinds[i], kind) == 0)
			return (size_t)(c - ts->col);
	nk = realloc(c->kinds, (c->nkinds + 1) * sizeof *nk);
	if (!nk) {
		ts->oom = true;
		return (size_t)-1;
	}
	c->kinds = nk;
	c->kinds[c->nkinds++] = kind;
	return (size_t)(c - ts->col);
}

static struct theme *
theme_get(struct themes *ts, const char *key, const char *label)
{
	size_t i;
	struct theme *t;

	for (i = 0; i < ts->n; i++)
		if (strcmp(ts->t[i].key, key) == 0)
			return &ts->t[i];
	if (ts->n == ts->cap) {
		size_t cap = ts->cap ? 2 * ts->cap : 16;
		struct theme *nt = realloc(ts->t, cap * sizeof *nt);
		if (!nt)
			return NULL;
		ts->t = nt;
		ts->cap = cap;
	}
	t = &ts->t[ts->n];
	memset(t, 0, sizeof *t);
	t->key = strdup(key);
	t->label = strdup(label);
	se_buf_init(&t->where);
	/* "front door" heads a row as "Front door" */
	if (t->label && t->label[0] >= 'a' && t->label[0] <= 'z')
		t->label[0] = (char)(t->label[0] - 'a' + 'A');
	if (!t->key || !t->label) {
		free(t->key);
		free(t->label);
		return NULL;
	}
	ts->n++;
	return t;
}

static void
theme_add(struct themes *ts, const char *theme, size_t len,
    const char *label, size_t col, const char *auth, const se_pos *pos)
{
	char *key;
	struct theme *t;
	size_t i;
	char **na;

	if (col == (size_t)-1)
		return;
	key = theme_key(theme, len);
	if (!key || !key[0]) {
		ts->oom |= !key;
		free(key);
		return;
	}
	t = theme_get(ts, key, label);
	free(key);
	if (!t) {
		ts->oom = true;
		return;
	}
	if (t->ncount <= col) {
		size_t *nc = realloc(t->count, (col + 1) * sizeof *nc);
		if (!nc) {
			ts->oom = true;
			return;
		}
		memset(nc + t->ncount, 0, (col + 1 - t->ncount) * sizeof *nc);
		t->count = nc;
		t->ncount = col + 1;
	}
	t->count[col]++;
	t->total++;
	if (pos && pos->file)
		se_buf_addf(&t->where, "%s%s:%u", t->where.len ? "; " : "",
		    pos->file, pos->line);
	for (i = 0; i < t->nauth; i++)
		if (se_strcasecmp(t->auth[i], auth) == 0)
			return;
	na = realloc(t->auth, (t->nauth + 1) * sizeof *na);
	if (!na || !(na[t->nauth] = strdup(auth))) {
		if (na)
			t->auth = na;
		ts->oom = true;
		return;
	}
	t->auth = na;
	t->nauth++;
}

static const se_area *match_area(const se_framework *fw, const char *text,
    size_t len);

/* se-report(1) themes: an item's theme is its explicit `theme:`, else the
 * framework area it sits under (its `area:`, or its hypothesis's), else
 * the framework area its text names, else its list ('section', the
 * column's name). */
static void
yaml_items(struct themes *ts, const se_report_input *in, const se_doc *doc,
    const se_node *list, size_t kind, const se_node *parent,
    const char *auth, const char *section)
{
	const se_format *fm = se_formats_find(in->formats, doc->framework,
	    doc->kind);
	size_t i;

	for (i = 0; list && list->kind == SE_NODE_LIST && i < list->n; i++) {
		const se_node *x = list->items[i];
		const char *th = str(x, "theme"), *area = str(x, "area");
		if (!th && !area && parent) {
			th = str(parent, "theme");
			area = str(parent, "area");
		}
		if (th && se_formats_area(in->formats, NULL, th))
			theme_add(ts, th, strlen(th), se_formats_area(
			    in->formats, NULL, th), kind, auth, &x->pos);
		else if (th)
			theme_add(ts, th, strlen(th), th, kind, auth, &x->pos);
		else if (area)
			theme_add(ts, area, strlen(area),
			    or(area_title(in, doc, area), area), kind, auth,
			    &x->pos);
		else {
			const char *text = se_node_str(x);
			const se_area *a;
			if (!text)
				text = str(x, "text");
			a = text && fm ? match_area(fm->fw, text, strlen(text)) :
			    NULL;
			if (!a && parent && (text = str(parent, "text")) && fm)
				a = match_area(fm->fw, text, strlen(text));
			if (a)
				theme_add(ts, a->id, strlen(a->id),
				    or(a->title, a->id), kind, auth, &x->pos);
			else
				theme_add(ts, section, strlen(section), section,
				    kind, auth, &x->pos);
		}
	}
}

/* Whether word 'w' (n bytes) occurs in 's' (len bytes) as a whole word,
 * ignoring case. */
static bool
has_word(const char *s, size_t len, const char *w, size_t n)
{
	size_t i;

	for (i = 0; i + n <= len; i++) {
		if (se_strncasecmp(s + i, w, n) != 0)
			continue;
		if (i > 0 && isalnum((unsigned char)s[i - 1]))
			continue;
		/* a plural still counts: "workforces", "priorities" no */
		if (i + n < len && isalnum((unsigned char)s[i + n]) &&
		    !(s[i + n] == 's' && (i + n + 1 == len ||
		    !isalnum((unsigned char)s[i + n + 1]))))
			continue;
		return true;
	}
	return false;
}

/* The framework area whose title's words (of four letters or more) all
 * occur in 'text', the one with most such words: the theme words come
 * from the framework's own headings, not a list of ours.  NULL when none
 * does. */
static const se_area *
match_area(const se_framework *fw, const char *text, size_t len)
{
	const se_area *best = NULL;
	size_t i, bestn = 0;

	for (i = 0; fw && i < fw->nareas; i++) {
		const char *t = fw->areas[i].title, *w;
		size_t n = 0, k;
		bool all = true;
		if (!t)
			continue;
		for (w = t; *w && all;) {
			while (*w && !isalnum((unsigned char)*w))
				w++;
			for (k = 0; isalnum((unsigned char)w[k]); k++)
				;
			if (k >= 4) {
				n++;
				all = has_word(text, len, w, k);
			}
			w += k;
		}
		if (all && n > bestn) {
			best = &fw->areas[i];
			bestn = n;
		}
	}
	return best;
}

/* A Markdown item's theme: an explicit "Theme: X" in it; else the
 * framework area its lead words before a colon (the heading people give
 * a priority, "A stable workforce: ...") or, failing that, its text
 * name; else those lead words; else the section's id. */
static void
md_item(struct themes *ts, const se_framework *fw, const se_item *it,
    const char *sid, const char *stitle, size_t kind, const char *auth)
{
	const se_area *area;
	const char *s = it->text, *p = strstr(s, "Theme:"), *colon;
	size_t n, words = 1, i;
	char *label;

	if (!p)
		p = strstr(s, "theme:");
	if (p) {
		p += 6;
		while (*p == ' ')
			p++;
		for (n = 0; p[n] && p[n] != '\n' && p[n] != '.' && p[n] != ';' &&
		    p[n] != ')'; n++)
			;
		label = strndup(p, n);
		if (!label) {
			ts->oom = true;
			return;
		}
		theme_add(ts, p, n, label, kind, auth, &it->pos);
		free(label);
		return;
	}
	colon = strchr(s, ':');
	area = colon ? match_area(fw, s, (size_t)(colon - s)) : NULL;
	if (!area)
		area = match_area(fw, s, strlen(s));
	if (area) {
		theme_add(ts, area->id, strlen(area->id), or(area->title,
		    area->id), kind, auth, &it->pos);
		return;
	}
	if (colon) {
		for (i = 0; s + i < colon; i++)
			words += s[i] == ' ' || s[i] == '\n';
		if (words <= 6 && colon > s) {
			label = strndup(s, (size_t)(colon - s));
			if (!label) {
				ts->oom = true;
				return;
			}
			for (i = 0; label[i]; i++)
				if (label[i] == '\n')
					label[i] = ' ';
			theme_add(ts, s, (size_t)(colon - s), label, kind, auth,
			    &it->pos);
			free(label);
			return;
		}
	}
	theme_add(ts, sid, strlen(sid), stitle, kind, auth, &it->pos);
}

/* The items of each section of 'v' that the format marks as themes. */
static void
md_themes(struct themes *ts, const se_report_input *in, const se_doc *doc,
    const se_format *fm, const se_fsection *v, size_t nv, const char *auth)
{
	size_t i, k, col;

	for (i = 0; i < nv; i++) {
		const se_section *s;
		if (!v[i].theme)
			continue;
		s = doc_section(in->formats, doc, v[i].id);
		if (!s || s->nitems == 0)
			continue;
		col = column(ts, se_fsection_name(&v[i]), fm->title);
		for (k = 0; k < s->nitems; k++)
			md_item(ts, fm->fw, &s->items[k], v[i].id, s->title, col,
			    auth);
	}
}

/* The lists under 'spec' (the fields of map 'node') that the format marks
 * as themes, at any depth: a list inside a list's items (a hypothesis's
 * findings) has that item as its items' parent. */
static void
yaml_themes(struct themes *ts, const se_report_input *in, const se_doc *doc,
    const se_format *fm, const se_field *spec, const se_node *node,
    const se_node *parent, const char *auth, int depth)
{
	size_t i, k;
	se_buf name;

	if (depth > SE_MAX_DEPTH || !node || node->kind != SE_NODE_MAP)
		return;
	se_buf_init(&name);
	for (i = 0; i < spec->nfields; i++) {
		const se_field *fd = &spec->fields[i];
		const se_node *v = se_node_get(node, fd->name);
		if (!v)
			continue;
		if (fd->type == SE_FT_MAP) {
			yaml_themes(ts, in, doc, fm, fd, v, parent, auth,
			    depth + 1);
			continue;
		}
		if (fd->type != SE_FT_LIST || v->kind != SE_NODE_LIST)
			continue;
		if (fd->theme && v->n > 0) {
			se_buf_reset(&name);
			se_field_theme_name(fd, &name);
			yaml_items(ts, in, doc, v, column(ts, se_buf_str(&name),
			    fm->title), parent, auth, se_buf_str(&name));
		}
		for (k = 0; fd->items && fd->items->type == SE_FT_MAP &&
		    k < v->n; k++)
			yaml_themes(ts, in, doc, fm, fd->items, v->items[k],
			    v->items[k], auth, depth + 1);
	}
	ts->oom |= se_buf_failed(&name);
	se_buf_release(&name);
}

/* Everything a document's format marks `theme: true`: Markdown sections
 * (the kind's and its variant's) and lists of fields. */
static void
collect(struct themes *ts, const se_report_input *in, const se_doc *doc)
{
	const char *auth = str(doc->meta, "authority");
	const se_format *fm = doc->kind && in->formats ?
	    se_formats_find(in->formats, doc->framework, doc->kind) : NULL;
	const se_variant *v;

	if (!auth || !fm)
		return;
	md_themes(ts, in, doc, fm, fm->sections, fm->nsections, auth);
	v = se_format_variant(fm, doc);
	if (v)
		md_themes(ts, in, doc, fm, v->sections, v->nsections, auth);
	yaml_themes(ts, in, doc, fm, &fm->top, doc->meta, NULL, auth, 0);
}

static int
theme_cmp(const void *a, const void *b)
{
	const struct theme *x = a, *y = b;

	if (x->nauth != y->nauth)
		return x->nauth > y->nauth ? -1 : 1;
	if (x->total != y->total)
		return x->total > y->total ? -1 : 1;
	return strcmp(x->key, y->key);
}

static int
str_cmp(const void *a, const void *b)
{
	return se_strcasecmp(*(char *const *)a, *(char *const *)b);
}

static void
themes_free(struct themes *ts)
{
	size_t i, j;

	for (i = 0; i < ts->n; i++) {
		for (j = 0; j < ts->t[i].nauth; j++)
			free(ts->t[i].auth[j]);
		free(ts->t[i].auth);
		free(ts->t[i].key);
		free(ts->t[i].label);
		free(ts->t[i].count);
		se_buf_release(&ts->t[i].where);
	}
	free(ts->t);
	for (i = 0; i < ts->ncol; i++) {
		free(ts->col[i].key);
		free(ts->col[i].label);
		free(ts->col[i].kinds);
	}
	free(ts->col);
}

static void
theme_table(se_report *r, struct themes *ts, bool shared)
{
	const char **head = calloc(ts->ncol + 3, sizeof *head);
	size_t i, j, k;
	se_buf b;
	char num[32];

	if (!head) {
		ts->oom = true;
		return;
	}
	head[0] = "Theme";
	head[1] = "Authorities";
	head[2] = "Which authorities";
	for (k = 0; k < ts->ncol; k++)
		head[k + 3] = ts->col[k].label;
	se_buf_init(&b);
	se_report_table(r, "", ts->ncol + 3, head);
	for (i = 0; i < ts->n; i++) {
		struct theme *t = &ts->t[i];
		if ((t->nauth > 1) != shared)
			continue;
		se_buf_reset(&b);
		for (j = 0; j < t->nauth; j++)
			se_buf_addf(&b, "%s%s", j ? ", " : "", t->auth[j]);
		se_report_row(r);
		se_report_cell(r, t->label[0] ? t->label : t->key);
		snprintf(num, sizeof num, "%zu", t->nauth);
		se_report_cell(r, num);
		se_report_note(r, se_buf_str(&t->where));
		se_report_cell(r, se_buf_str(&b));
		for (k = 0; k < ts->ncol; k++) {
			snprintf(num, sizeof num, "%zu",
			    k < t->ncount ? t->count[k] : (size_t)0);
			se_report_cell(r, num);
		}
	}
	se_buf_release(&b);
	free(head);
}

/* "Improvement priorities (Self-evaluation chapter), ..." */
static void
what_is_counted(const struct themes *ts, se_buf *b)
{
	size_t i, j;

	for (i = 0; i < ts->ncol; i++) {
		se_buf_addf(b, "%s%s (", i ? "; " : "", ts->col[i].label);
		for (j = 0; j < ts->col[i].nkinds; j++)
			se_buf_addf(b, "%s%s", j ? ", " : "", ts->col[i].kinds[j]);
		se_buf_adds(b, ")");
	}
}

se_report *
se_report_themes(const se_report_input *in, se_diag *d)
{
	struct themes ts;
	se_report *r = NULL;
	size_t i, nshared = 0;
	char **auth = NULL;
	size_t nauth = 0, j;
	se_buf b;

	memset(&ts, 0, sizeof ts);
	for (i = 0; i < in->ndocs; i++)
		collect(&ts, in, in->docs[i]);
	if (ts.oom)
		goto out;
	if (ts.n == 0) {
		se_buf_init(&b);
		if (in->formats)
			se_formats_list_themes(in->formats, &b);
		se_diag_error(d, &me, "no-themes", "no themes among the "
		    "inputs: -t themes counts the items of the sections and "
		    "lists the formats mark 'theme: true', and no input has "
		    "any (%s)", se_buf_str(&b));
		se_buf_release(&b);
		goto out;
	}
	for (i = 0; i < ts.n; i++) {
		qsort(ts.t[i].auth, ts.t[i].nauth, sizeof *ts.t[i].auth, str_cmp);
		nshared += ts.t[i].nauth > 1;
		for (j = 0; j < ts.t[i].nauth; j++) {
			size_t k;
			for (k = 0; k < nauth; k++)
				if (se_strcasecmp(auth[k], ts.t[i].auth[j]) == 0)
					break;
			if (k == nauth) {
				char **na = realloc(auth, (nauth + 1) * sizeof *na);
				if (!na)
					goto out;
				auth = na;
				auth[nauth++] = ts.t[i].auth[j];
			}
		}
	}
	qsort(ts.t, ts.n, sizeof *ts.t, theme_cmp);
	qsort(auth, nauth, sizeof *auth, str_cmp);
	r = se_report_new("Regional themes");
	if (!r)
		goto out;
	se_buf_init(&b);
	for (j = 0; j < nauth; j++)
		se_buf_addf(&b, "%s%s", j ? ", " : "", auth[j]);
	se_report_field(r, "Authorities", se_buf_str(&b));
	se_buf_reset(&b);
	se_buf_addf(&b, "%zu, of which %zu shared by two or more authorities",
	    ts.n, nshared);
	se_report_field(r, "Themes", se_buf_str(&b));
	se_buf_reset(&b);
	se_buf_adds(&b, "A theme is an item's own theme, else the framework "
	    "area it sits under, else the words its author put before a colon "
	    "or the section it is in; names that differ only in case, spaces "
	    "and hyphens are one theme. Counts are of the items of what the "
	    "formats mark as themes: ");
	what_is_counted(&ts, &b);
	se_buf_adds(&b, ".");
	se_report_para(r, se_buf_str(&b));
	se_buf_release(&b);
	se_report_heading(r, 2, "Themes shared across authorities");
	if (nshared)
		theme_table(r, &ts, true);
	else
		se_report_para(r, "No theme is shared by two or more authorities.");
	se_report_heading(r, 2, "Themes of one authority");
	if (nshared < ts.n)
		theme_table(r, &ts, false);
	else
		se_report_para(r, "Every theme is shared.");
	if (ts.oom) {
		se_report_free(r);
		r = NULL;
	}
out:
	free(auth);
	themes_free(&ts);
	return r;
}
