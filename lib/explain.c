/* explain.c: what a document's format asks of it (se-validate --explain):
 * for each section (a Markdown kind) or top-level field (a YAML kind),
 * its title, whether it is required, where the document has it, the
 * framework's key questions and its guidance to authors.  Everything
 * shown comes from the formats (format.c keeps it); nothing is checked. */
#include "format_internal.h"

#include <stdio.h>
#include <string.h>

static const char *const presence_word[] = { "optional", "recommended",
	"required" };

static void
list(FILE *out, const char *indent, const char *head, const char *const *v,
    size_t n)
{
	size_t i;

	if (n == 0)
		return;
	fprintf(out, "%s%s\n", indent, head);
	for (i = 0; i < n; i++)
		fprintf(out, "%s  - %s\n", indent, v[i]);
}

/* The document's section that is 'fs', or NULL. */
static const se_section *
found_section(const se_doc *doc, const se_fsection *fs)
{
	size_t i;

	for (i = 0; i < doc->nsections; i++)
		if (doc->sections[i].level > 0 &&
		    se_fsection_matches(fs, &doc->sections[i]))
			return &doc->sections[i];
	return NULL;
}

static void
explain_section(FILE *out, const se_doc *doc, const se_fsection *fs)
{
	const se_section *s = found_section(doc, fs);
	size_t i;

	fprintf(out, "\n%s (%s; ", fs->title, presence_word[fs->presence]);
	if (s)
		fprintf(out, "line %u)\n", s->pos.line);
	else
		fputs("not in this document)\n", out);
	if (fs->naliases) {
		fputs("  Also headed:", out);
		for (i = 0; i < fs->naliases; i++)
			fprintf(out, "%s %s", i ? ";" : "", fs->aliases[i]);
		fputc('\n', out);
	}
	if (fs->evidence)
		fputs("  Each point needs evidence: a link, a file or "
		    "indicator:ID, or \"Evidence: ...\".\n", out);
	if (fs->words)
		fprintf(out, "  At most %zu words.\n", fs->words);
	if (fs->theme)
		fputs("  Its points are themes (se-report -t themes) and "
		    "draft a plan (se-plan --from).\n", out);
	list(out, "  ", "Key questions:", fs->questions, fs->nquestions);
	list(out, "  ", "Guidance:", fs->guidance, fs->nguidance);
}

static const char *
field_presence(const se_field *fd, char *buf, size_t n)
{
	if (fd->required)
		return "required";
	if (fd->when_field) {
		snprintf(buf, n, "required when %s is %s", fd->when_field,
		    fd->when_value);
		return buf;
	}
	return "optional";
}

static void
explain_field(FILE *out, const se_doc *doc, const se_field *fd)
{
	const se_node *v = se_node_get(doc->meta, fd->name);
	const se_field *items = fd->items;
	char when[160];

	fprintf(out, "\n%s%s%s (%s; ", fd->name, fd->title ? ": " : "",
	    fd->title ? fd->title : "", field_presence(fd, when, sizeof when));
	if (v)
		fprintf(out, "line %u)\n", v->pos.line);
	else
		fputs("not in this document)\n", out);
	if (fd->type == SE_FT_LIST && fd->has_min && fd->has_max)
		fprintf(out, "  From %g to %g items.\n", fd->min, fd->max);
	else if (fd->type == SE_FT_LIST && fd->has_max)
		fprintf(out, "  At most %g items.\n", fd->max);
	else if (fd->type == SE_FT_LIST && fd->has_min)
		fprintf(out, "  At least %g item%s.\n", fd->min,
		    fd->min == 1 ? "" : "s");
	if (fd->evidence || (items && items->evidence))
		fputs("  Each item needs evidence: an evidence field, a link, "
		    "or \"Evidence: ...\" in its text.\n", out);
	if (fd->words)
		fprintf(out, "  At most %zu words.\n", fd->words);
	if (fd->theme)
		fputs("  Its items are themes (se-report -t themes).\n", out);
}

/* Whether 'name' names section 'fs' (its id, title or an alias). */
static bool
names_section(const se_fsection *fs, const char *name)
{
	size_t i, n = strlen(name);

	if (se_name_eq(name, n, fs->id) || se_name_eq(name, n, fs->title))
		return true;
	for (i = 0; i < fs->naliases; i++)
		if (se_name_eq(name, n, fs->aliases[i]))
			return true;
	return false;
}

static bool
names_field(const se_field *fd, const char *name)
{
	size_t n = strlen(name);

	return se_name_eq(name, n, fd->name) ||
	    (fd->title && se_name_eq(name, n, fd->title));
}

/* The sections of 'v' that 'only' names (all when NULL); how many. */
static size_t
sections(FILE *out, const se_doc *doc, const se_fsection *v, size_t nv,
    const char *only)
{
	size_t i, n = 0;

	for (i = 0; i < nv; i++)
		if (!only || names_section(&v[i], only)) {
			explain_section(out, doc, &v[i]);
			n++;
		}
	return n;
}

static void
ids(se_buf *b, const se_fsection *v, size_t nv)
{
	size_t i;

	for (i = 0; i < nv; i++)
		se_buf_addf(b, "%s%s", b->len ? ", " : "", v[i].id);
}

int
se_explain_doc(const se_formats *f, const se_doc *doc, const char *only,
    FILE *out, se_diag *diag)
{
	const se_format *fm = se_formats_resolve(f, doc, diag);
	const se_variant *v;
	se_pos top = { doc->path, 0, 0 };
	size_t n = 0, i;

	if (!fm)
		return 1;
	v = se_format_variant(fm, doc);
	fprintf(out, "%s: %s (%s)\n", doc->path, fm->title, fm->framework);
	if (v) {
		const se_field *vf = se_format_field(fm, fm->variant_field);
		fprintf(out, "%s: %s\n", vf ? se_field_label(vf) :
		    fm->variant_field, v->title ? v->title : v->value);
		list(out, "", "Key questions:", v->questions, v->nquestions);
		list(out, "", "Guidance:", v->guidance, v->nguidance);
	}
	list(out, "", "Guidance for every author:", fm->guidance,
	    fm->nguidance);
	if (v)
		n += sections(out, doc, v->sections, v->nsections, only);
	n += sections(out, doc, fm->sections, fm->nsections, only);
	if (fm->nsections == 0 && !(v && v->nsections))
		for (i = 0; i < fm->top.nfields; i++)
			if (!only || names_field(&fm->top.fields[i], only)) {
				explain_field(out, doc, &fm->top.fields[i]);
				n++;
			}
	if (only && n == 0) {
		se_buf b;
		se_buf_init(&b);
		if (v)
			ids(&b, v->sections, v->nsections);
		ids(&b, fm->sections, fm->nsections);
		for (i = 0; b.len == 0 && i < fm->top.nfields; i++)
			se_buf_addf(&b, "%s%s", i ? ", " : "",
			    fm->top.fields[i].name);
		se_diag_error(diag, &top, "not-a-section", "'%s' is not a "
		    "section or field of this %s: give the id, title or "
		    "heading of one of %s", only, fm->title, se_buf_str(&b));
		se_buf_release(&b);
		return 1;
	}
	return ferror(out) ? -1 : 0;
}
