/* hypoout.c: the hypotheses as the lead reviewer's draft review workbook
 * (the sector-led improvement handbook (2012), section H; YAML, kind:
 * review, stage: draft, se-formats(5) review),
 * or as Markdown, text or JSON.  Escaping happens here and only here. */
#include "hypo_internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define WRAP 72

int
se_hypoout_format_parse(const char *name)
{
	static const char *const names[] = { "yaml", "markdown", "text",
		"json" };

	return se_format_index(name, names, sizeof names / sizeof names[0]);
}

static const char *
meta(const se_hypos *h, const char *key)
{
	return se_node_str(se_node_get(se_hypos_input(h)->sa->meta, key));
}

static size_t
ninvestigate(const se_hypos *h)
{
	size_t i, n = 0;

	for (i = 0; i < se_hypos_len(h); i++)
		n += se_hypos_at(h, i)->investigate;
	return n;
}

/* ---- YAML ---------------------------------------------------------------- */

/* Text a folded block scalar can hold as it is: printable, single
 * spaces, no leading or trailing space. */
static bool
foldable(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	if (!*p || *p == ' ')
		return false;
	for (; *p; p++)
		if (*p < 0x20 || *p == 0x7f || (p[0] == ' ' && (p[1] == ' ' ||
		    !p[1])))
			return false;
	return true;
}

/* A scalar value after "key:": short or odd text as a JSON string (a
 * valid YAML double-quoted scalar), long text as a folded block wrapped
 * at WRAP columns under 'indent' spaces. */
/* A plain scalar that reads back as the same string: a name, an id, a
 * period; never a word YAML 1.1 reads as a boolean or null, nor a
 * number. */
static bool
plain_ok(const char *s)
{
	static const char *const words[] = { "true", "false", "yes", "no",
		"on", "off", "y", "n", "null", "~" };
	const char *p;
	size_t i;

	if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z')))
		return false;
	for (p = s; *p; p++)
		if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || strchr(" ._@'/-", *p)))
			return false;
	if (p[-1] == ' ' || strstr(s, "  "))
		return false;
	for (i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strcmp(s, words[i]) == 0 || (s[0] != words[i][0] &&
		    s[0] - 'A' + 'a' == words[i][0] &&
		    se_strcasecmp(s, words[i]) == 0))
			return false;
	return true;
}

/* White space folded: one space between words, ends trimmed. */
static char *
folded(const char *s)
{
	char *r = malloc(strlen(s) + 1), *q = r;
	bool space = false;

	if (!r)
		return NULL;
	for (; *s; s++) {
		if (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r') {
			space = q > r;
			continue;
		}
		if (space)
			*q++ = ' ';
		space = false;
		*q++ = *s;
	}
	*q = '\0';
	return r;
}

/* 's' in lines of words of at most WRAP columns under 'indent' spaces (a
 * longer word kept whole): as they are in a YAML folded scalar, or for
 * the text output through se_text_put(). */
static void
wrap_words(FILE *f, const char *p, int indent, bool text)
{
	int col = indent;
	char word[512];

	fprintf(f, "%*s", indent, "");
	while (*p) {
		size_t w = strcspn(p, " ");
		if (col > indent && col + 1 + (int)w > WRAP) {
			fprintf(f, "\n%*s", indent, "");
			col = indent;
		} else if (col > indent) {
			fputc(' ', f);
			col++;
		}
		while (w > 0) {
			size_t k = w < sizeof word - 1 ? w : sizeof word - 1;
			memcpy(word, p, k);
			word[k] = '\0';
			if (text)
				se_text_put(f, word);
			else
				fputs(word, f);
			p += k;
			w -= k;
			col += (int)k;
		}
		if (*p == ' ')
			p++;
	}
	fputc('\n', f);
}

static void
yaml_text(FILE *f, const char *s, int indent)
{
	if (plain_ok(s) && strlen(s) < 60) {
		fprintf(f, " %s\n", s);
		return;
	}
	if (strlen(s) < 60 || !foldable(s)) {
		fputc(' ', f);
		se_json_put(f, s);
		fputc('\n', f);
		return;
	}
	fputs(" >\n", f);
	wrap_words(f, s, indent, false);
}

static void
yaml_key(FILE *f, int indent, const char *key, const char *value)
{
	if (!value)
		return;
	fprintf(f, "%*s%s:", indent, "", key);
	yaml_text(f, value, indent + 2);
}

static void
yaml_person(FILE *f, const char *key, const se_node *contact)
{
	const char *name = se_node_str(se_node_get(contact, "name"));

	if (!name)
		return;
	fprintf(f, "%s:\n", key);
	yaml_key(f, 2, "name", name);
	yaml_key(f, 2, "role", se_node_str(se_node_get(contact, "position")));
	yaml_key(f, 2, "email", se_node_str(se_node_get(contact, "email")));
	yaml_key(f, 2, "telephone", se_node_str(se_node_get(contact,
	    "telephone")));
}

/* Evidence worth copying into a workbook that may live anywhere:
 * indicator links and URLs, not paths relative to the self-assessment. */
static bool
portable(const char *e)
{
	return strncmp(e, "indicator:", 10) == 0 || strncmp(e, "http://", 7) ==
	    0 || strncmp(e, "https://", 8) == 0;
}

static void
yaml_evidence_node(FILE *f, int indent, const se_node *ev)
{
	size_t i, n = 0;

	if (!ev)
		return;
	if (ev->kind == SE_NODE_SCALAR) {
		if (portable(ev->text))
			yaml_key(f, indent, "evidence", ev->text);
		return;
	}
	if (ev->kind != SE_NODE_LIST)
		return;
	for (i = 0; i < ev->n; i++) {
		const char *e = se_node_str(ev->items[i]);
		if (!e || !portable(e))
			continue;
		fprintf(f, n++ ? ", " : "%*sevidence: [", indent, "");
		se_json_put(f, e);
	}
	if (n)
		fputs("]\n", f);
}

static void
yaml_kloes(FILE *f, const se_hypos *h)
{
	const se_node *l = se_node_get(se_hypos_input(h)->sa->meta,
	    "key_lines_of_enquiry");
	size_t i;

	if (!l || l->kind != SE_NODE_LIST || l->n == 0)
		return;
	fputs("\nkey_lines_of_enquiry:\n", f);
	for (i = 0; i < l->n; i++) {
		const se_node *k = l->items[i];
		const char *text = k->kind == SE_NODE_MAP ?
		    se_node_str(se_node_get(k, "text")) : se_node_str(k);
		if (!text)
			continue;
		char *t = folded(text);
		fputs("  - text:", f);
		yaml_text(f, t ? t : text, 6);
		free(t);
		yaml_key(f, 4, "area", se_node_str(se_node_get(k, "area")));
		yaml_evidence_node(f, 4, se_node_get(k, "evidence"));
		yaml_key(f, 4, "theme", se_node_str(se_node_get(k, "theme")));
	}
}

/* Catalogue indicators only: an id the catalogue does not know would not
 * validate. */
static bool
known(const se_hypos *h, const se_fact *fact)
{
	const se_catalogue *cat = se_hypos_input(h)->cat;

	return cat && se_catalogue_find(cat, fact->ind->id,
	    strlen(fact->ind->id)) == fact->ind;
}

static void
yaml_hypo(FILE *f, const se_hypos *h, const se_hypo *x)
{
	size_t i, n = 0;

	fprintf(f, "  - id: %s\n", x->id);
	fputs("    text:", f);
	yaml_text(f, x->text, 6);
	yaml_key(f, 4, "area", x->area);
	yaml_key(f, 4, "theme", x->theme);
	fprintf(f, "    linked_data: %s\n", x->linked_data ? "true" : "false");
	fprintf(f, "    linked_self_assessment: %s\n",
	    x->linked_self_assessment ? "true" : "false");
	fprintf(f, "    decision: %s\n", x->investigate ? "investigate" :
	    "park");
	fputs("    rationale:", f);
	yaml_text(f, x->rationale, 6);
	for (i = 0; i < x->nfacts; i++) {
		if (!known(h, x->facts[i]))
			continue;
		fprintf(f, n++ ? ", " : "    evidence: [");
		fprintf(f, "indicator:%s", x->facts[i]->ind->id);
	}
	if (n)
		fputs("]\n", f);
	fputs("    methods: []\n", f);
	fputs("    notebook: []\n", f);
	fputs("    findings: []\n", f);
}

static void
render_yaml(const se_hypos *h, const se_hypoout_opts *o, FILE *f)
{
	const se_hypo_input *in = se_hypos_input(h);
	const se_node *contact = se_node_get(in->sa->meta, "contact");
	const char *type = meta(h, "type");
	se_buf b;
	size_t i;

	fputs("# Review workbook drafted by se-hypothesise (sector-led "
	    "improvement handbook,\n# 2012, section H): the lead reviewer's "
	    "proposed hypotheses, ranked; agree them\n# with the host before "
	    "the visit; then fill in methods, team, dates, findings.\n", f);
	fputs("kind: review\n", f);
	yaml_key(f, 0, "framework", in->sa->framework ? in->sa->framework :
	    "em-2012");
	yaml_key(f, 0, "authority", meta(h, "authority"));
	yaml_key(f, 0, "period", meta(h, "period"));
	fputs("stage: draft\n", f);
	fprintf(f, "type: %s\n", type && strcmp(type, "visit") == 0 ?
	    "visit" : "review");
	fputc('\n', f);
	yaml_person(f, "host", contact);
	yaml_person(f, "contact", contact);
	fputs("lead_reviewer:\n", f);
	yaml_key(f, 2, "name", o->lead ? o->lead : "to be confirmed");
	yaml_key(f, 2, "authority", "to be confirmed");
	yaml_kloes(f, h);
	se_buf_init(&b);
	se_buf_addf(&b, "Drafted from %s", in->sa->path);
	for (i = 0; i < in->nsev; i++)
		se_buf_addf(&b, "%s%s", i + 1 == in->nsev ? " and " : ", ",
		    in->sev[i]->path);
	se_buf_addf(&b, "%s: %zu proposed hypotheses, the first %zu marked "
	    "to investigate. The views of the host DCS have primacy in the "
	    "final decision about which to investigate; note any "
	    "disagreement in the rationale.", se_profile_len(in->profile) ?
	    " and the data profile" : " (no data profile)", se_hypos_len(h),
	    ninvestigate(h));
	if (!se_buf_failed(&b)) {
		fputc('\n', f);
		yaml_key(f, 0, "previsit_notes", se_buf_str(&b));
	}
	se_buf_release(&b);
	fputs(se_hypos_len(h) ? "\nhypotheses:\n" : "\nhypotheses: []\n", f);
	for (i = 0; i < se_hypos_len(h); i++) {
		if (i)
			fputc('\n', f);
		yaml_hypo(f, h, se_hypos_at(h, i));
	}
}

/* ---- Markdown and text ------------------------------------------------- */

static const char *
area_or_none(const se_hypo *x)
{
	return x->area ? x->area : "no framework area";
}

static void
rules_of(FILE *f, const se_hypo *x)
{
	size_t i, j;

	for (i = 0; i < x->nparts; i++) {
		for (j = 0; j < i; j++)
			if (x->parts[j]->rule == x->parts[i]->rule)
				break;
		if (j < i)
			continue;
		fprintf(f, "%s%s", i ? ", " : "",
		    se_hypo_rule_name(x->parts[i]->rule));
	}
}

static void
render_markdown(const se_hypos *h, FILE *f)
{
	size_t i;

	fputs("# Proposed hypotheses: ", f);
	se_md_put(f, meta(h, "authority") ? meta(h, "authority") : "", true);
	if (meta(h, "period")) {
		fputc(' ', f);
		se_md_put(f, meta(h, "period"), true);
	}
	fprintf(f, "\n\n%zu hypotheses, %zu to investigate.\n", se_hypos_len(h),
	    ninvestigate(h));
	for (i = 0; i < se_hypos_len(h); i++) {
		const se_hypo *x = se_hypos_at(h, i);
		size_t k;
		fprintf(f, "\n## %s: %s (%s)\n\n", x->id, x->investigate ?
		    "investigate" : "park", area_or_none(x));
		se_md_put(f, x->text, true);
		fputs("\n\n**Why:** ", f);
		se_md_put(f, x->rationale, true);
		fprintf(f, "\n\n- Linked to data: %s\n- Linked to self-assessment: "
		    "%s\n- Score: %d (", x->linked_data ? "yes" : "no",
		    x->linked_self_assessment ? "yes" : "no", x->score);
		rules_of(f, x);
		fputs(")\n", f);
		if (x->nfacts) {
			fputs("- Indicators:", f);
			for (k = 0; k < x->nfacts; k++) {
				fputs(k ? ", " : " ", f);
				se_md_put(f, x->facts[k]->ind->id, true);
			}
			fputc('\n', f);
		}
	}
}

static void
render_text(const se_hypos *h, FILE *f)
{
	size_t i;

	fputs("Proposed hypotheses: ", f);
	se_text_put(f, meta(h, "authority") ? meta(h, "authority") : "");
	if (meta(h, "period")) {
		fputc(' ', f);
		se_text_put(f, meta(h, "period"));
	}
	fprintf(f, " (%zu, %zu to investigate)\n", se_hypos_len(h),
	    ninvestigate(h));
	for (i = 0; i < se_hypos_len(h); i++) {
		const se_hypo *x = se_hypos_at(h, i);
		fprintf(f, "\n%s  %-11s  score %d  ", x->id, x->investigate ?
		    "investigate" : "park", x->score);
		se_text_put(f, area_or_none(x));
		fputs("  [", f);
		rules_of(f, x);
		fprintf(f, "]  data %s, self-assessment %s\n", x->linked_data ?
		    "yes" : "no", x->linked_self_assessment ? "yes" : "no");
		wrap_words(f, x->text, 4, true);
		fputs("    Why:\n", f);
		wrap_words(f, x->rationale, 4, true);
	}
}

/* ---- JSON ---------------------------------------------------------------- */

static void
json_num(FILE *f, bool has, double v)
{
	char buf[64];

	if (!has) {
		fputs("null", f);
		return;
	}
	se_number_format(v, -1, buf, sizeof buf);
	fputs(buf, f);
}

static void
json_str(FILE *f, const char *s)
{
	if (s)
		se_json_put(f, s);
	else
		fputs("null", f);
}

static void
json_fact(FILE *f, const se_fact *x)
{
	char q[2] = { x->quartile, 0 };

	fputs("{\"indicator\":", f);
	se_json_put(f, x->ind->id);
	fputs(",\"title\":", f);
	json_str(f, x->ind->title);
	fputs(",\"period\":", f);
	json_str(f, x->period);
	fputs(",\"value\":", f);
	json_num(f, x->has_value, x->value);
	fputs(",\"previous\":", f);
	json_num(f, x->has_previous, x->previous);
	fputs(",\"direction\":", f);
	se_json_put(f, se_direction_name(x->direction));
	fputs(",\"comparator\":", f);
	json_num(f, x->has_comparator, x->comparator);
	fputs(",\"comparator_source\":", f);
	se_json_put(f, se_source_name(x->source));
	fputs(",\"rag\":", f);
	se_json_put(f, se_rag_name(x->rag));
	fputs(",\"quartile\":", f);
	se_json_put(f, q);
	fprintf(f, ",\"worse_periods_running\":%u}", x->run);
}

static void
render_json(const se_hypos *h, FILE *f)
{
	size_t i, k;

	fputs("{\"authority\":", f);
	json_str(f, meta(h, "authority"));
	fputs(",\"period\":", f);
	json_str(f, meta(h, "period"));
	fputs(",\"hypotheses\":[", f);
	for (i = 0; i < se_hypos_len(h); i++) {
		const se_hypo *x = se_hypos_at(h, i);
		fprintf(f, "%s\n{\"id\":\"%s\",\"decision\":\"%s\",\"score\":%d,"
		    "\"rules\":[", i ? "," : "", x->id, x->investigate ?
		    "investigate" : "park", x->score);
		for (k = 0; k < x->nparts; k++)
			fprintf(f, "%s\"%s\"", k ? "," : "",
			    se_hypo_rule_name(x->parts[k]->rule));
		fputs("],\"area\":", f);
		json_str(f, x->area);
		fputs(",\"text\":", f);
		json_str(f, x->text);
		fputs(",\"rationale\":", f);
		json_str(f, x->rationale);
		fprintf(f, ",\"linked_data\":%s,\"linked_self_assessment\":%s,"
		    "\"indicators\":[", x->linked_data ? "true" : "false",
		    x->linked_self_assessment ? "true" : "false");
		for (k = 0; k < x->nfacts; k++) {
			fputs(k ? "," : "", f);
			json_fact(f, x->facts[k]);
		}
		fputs("],\"lines\":[", f);
		for (k = 0; k < x->nlines; k++) {
			fputs(k ? ",{\"file\":" : "{\"file\":", f);
			json_str(f, x->lines[k].file);
			fprintf(f, ",\"line\":%u}", x->lines[k].line);
		}
		fputs("]}", f);
	}
	fputs("\n]}\n", f);
}

int
se_hypoout_render(const se_hypos *h, const se_hypoout_opts *o, FILE *out)
{
	switch (o->format) {
	case SE_HYPOOUT_YAML:
		render_yaml(h, o, out);
		break;
	case SE_HYPOOUT_MARKDOWN:
		render_markdown(h, out);
		break;
	case SE_HYPOOUT_TEXT:
		render_text(h, out);
		break;
	case SE_HYPOOUT_JSON:
		render_json(h, out);
		break;
	}
	return ferror(out) ? -1 : 0;
}
