/* new.c: start a document from its format (se-new(1)).  A new draft of a
 * kind holds, in the format's order, every field the kind requires (or
 * requires once final) and every required and recommended section, each
 * with its title and the framework's key questions as comments, and a
 * placeholder "[fill in: ...]" where the author's text goes: the right
 * scale named for a rating, the allowed values for a choice, an evidence
 * placeholder where evidence is needed.  se-validate reports a placeholder
 * left in (rule placeholder, lib/check.c): a warning in a draft, an error
 * once the document is final.  Also the skeleton of a region's
 * repository. */
#include "format_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define PLACEHOLDER "[fill in"

bool
se_is_placeholder(const char *s, size_t len)
{
	size_t n = sizeof PLACEHOLDER - 1, i;

	for (i = 0; i + n <= len; i++)
		if (se_strncasecmp(s + i, PLACEHOLDER, n) == 0 &&
		    (i + n == len || s[i + n] == ':' || s[i + n] == ']'))
			return true;
	return false;
}

struct wr {
	const se_formats *f;
	const se_format *fm;
	const se_new *n;
	FILE *out;
};

static void
indent(struct wr *w, int depth)
{
	int i;

	for (i = 0; i < depth; i++)
		fputs("  ", w->out);
}

/* What a value of field 'f' is written as, for the comment and the
 * placeholder: the scale for a rating, the choices for an enum. */
static void
hint(struct wr *w, const se_field *f, se_buf *b)
{
	size_t i;
	char *d;

	switch (f->type) {
	case SE_FT_RATING:
		d = se_scale_describe(f->scale);
		se_buf_addf(b, "a rating on the %s scale: %s%s",
		    se_scale_id(f->scale), d ? d : "", f->na ? ", or N/A" : "");
		free(d);
		break;
	case SE_FT_ENUM:
		se_buf_adds(b, "one of:");
		for (i = 0; f->values && i < f->values->n; i++)
			se_buf_addf(b, "%s %s", i ? "," : "",
			    f->values->items[i]->text);
		break;
	case SE_FT_DATE:
		se_buf_adds(b, "a date, YYYY-MM-DD");
		break;
	case SE_FT_INTEGER:
		se_buf_adds(b, "a whole number");
		break;
	case SE_FT_NUMBER:
		se_buf_adds(b, "a number");
		break;
	case SE_FT_BOOLEAN:
		se_buf_adds(b, "yes or no");
		break;
	case SE_FT_EVIDENCE:
		se_buf_adds(b, "evidence: a file (relative to this document), a "
		    "link or indicator:ID; one, or a list");
		break;
	case SE_FT_PATH:
		se_buf_adds(b, "a file, relative to this document");
		break;
	case SE_FT_INDICATOR:
		se_buf_adds(b, "an indicator id of the catalogue");
		break;
	case SE_FT_AREA:
		se_buf_addf(b, "an area of %s:", w->fm->framework);
		for (i = 0; w->fm->fw && i < w->fm->fw->nareas; i++)
			se_buf_addf(b, "%s %s", i ? "," : "",
			    w->fm->fw->areas[i].id);
		break;
	case SE_FT_URL:
		se_buf_adds(b, "a web address starting https://");
		break;
	case SE_FT_EMAIL:
		se_buf_adds(b, "an email address");
		break;
	default:
		break;
	}
}

static bool
is_scalar_type(const se_field *f)
{
	return f->type != SE_FT_LIST && f->type != SE_FT_MAP;
}

/* A field the new document holds: required, required once final, one
 * a new document starts with (start: true), or the evidence of an item
 * that needs it. */
static bool
wanted(const se_field *spec, const se_field *f)
{
	return f->required || f->start || f->when_field ||
	    (spec->evidence && strcmp(f->name, "evidence") == 0);
}

/* Whether any field of map 'spec' is wanted; when none is (a required
 * map of optional parts, such as the phases of a quality-standards
 * document), its parts that are maps or lists are written instead. */
static bool
any_wanted(const se_field *spec)
{
	size_t i;

	for (i = 0; i < spec->nfields; i++)
		if (wanted(spec, &spec->fields[i]))
			return true;
	return false;
}

/* The value se-new knows for a top-level field, or NULL. */
static const char *
known_value(struct wr *w, const se_field *f)
{
	size_t i;

	if (strcmp(f->name, "authority") == 0)
		return w->n->authority;
	if (strcmp(f->name, "period") == 0)
		return w->n->period;
	if (w->fm->variant_field && strcmp(f->name, w->fm->variant_field) == 0)
		return w->n->chapter;
	if (strcmp(f->name, "stage") == 0 && f->type == SE_FT_ENUM)
		for (i = 0; f->values && i < f->values->n; i++)
			if (strcmp(f->values->items[i]->text, "draft") == 0)
				return "draft";
	return NULL;
}

static void
put_placeholder(struct wr *w, const se_field *f)
{
	se_buf b;

	se_buf_init(&b);
	se_buf_adds(&b, PLACEHOLDER ": ");
	se_buf_adds(&b, se_field_label(f));
	if (f->type != SE_FT_STRING && f->type != SE_FT_TEXT) {
		se_buf_adds(&b, " (");
		hint(w, f, &b);
		se_buf_adds(&b, ")");
	}
	se_buf_adds(&b, "]");
	se_json_put(w->out, se_buf_str(&b));
	se_buf_release(&b);
}

/* The comment above a field: its title, what it takes, when required. */
static void
comment(struct wr *w, const se_field *f, int depth)
{
	se_buf b;

	se_buf_init(&b);
	if (f->title && se_strcasecmp(f->title, f->name) != 0)
		se_buf_adds(&b, f->title);
	if (!f->required && f->when_field)
		se_buf_addf(&b, " (required when %s is %s)", f->when_field,
		    f->when_value);
	if (se_buf_str(&b)[0]) {
		indent(w, depth);
		fprintf(w->out, "# %s\n", se_buf_str(&b));
	}
	se_buf_release(&b);
}

static void write_map(struct wr *w, const se_field *spec, int depth,
    bool dash, bool top);

/* One item of a list: a map's fields after "- ", or a placeholder. */
static void
write_item(struct wr *w, const se_field *items, int depth)
{
	if (items->type == SE_FT_MAP && items->nfields > 0) {
		write_map(w, items, depth, true, false);
		return;
	}
	indent(w, depth);
	fputs("- ", w->out);
	put_placeholder(w, items);
	fputc('\n', w->out);
}

/* "key: value" (or "key:" and what it holds) at 'depth'; 'dash' starts
 * a list item ("- key: ..."). */
static void
write_field(struct wr *w, const se_field *f, int depth, bool dash, bool top)
{
	const char *v = top ? known_value(w, f) : NULL;
	size_t i, n;

	comment(w, f, dash ? depth - 1 : depth);
	indent(w, dash ? depth - 1 : depth);
	fprintf(w->out, "%s%s:", dash ? "- " : "", f->name);
	if (v) {
		fputc(' ', w->out);
		se_json_put(w->out, v);
		fputc('\n', w->out);
		return;
	}
	if (f->type == SE_FT_MAP && f->nfields > 0) {
		fputc('\n', w->out);
		write_map(w, f, depth + 1, false, false);
		return;
	}
	if (f->type == SE_FT_MAP) {
		fputs(" {}\n", w->out);
		return;
	}
	if (f->type == SE_FT_LIST && f->items) {
		fputc('\n', w->out);
		n = f->has_min && f->min > 1 ? (size_t)f->min : 1;
		for (i = 0; i < n; i++)
			write_item(w, f->items, depth + 2);
		return;
	}
	fputc(' ', w->out);
	put_placeholder(w, f);
	fputc('\n', w->out);
}

static void
write_map(struct wr *w, const se_field *spec, int depth, bool dash, bool top)
{
	bool some = any_wanted(spec), first = true;
	size_t i, nopt = 0;

	for (i = 0; i < spec->nfields; i++) {
		const se_field *f = &spec->fields[i];
		bool take = some ? wanted(spec, f) || (top && known_value(w, f))
		    : !is_scalar_type(f);
		if (!take) {
			nopt++;
			continue;
		}
		write_field(w, f, depth, dash && first, top);
		first = false;
	}
	if (nopt == 0)
		return;
	indent(w, depth);
	fputs("# Optional, add any that apply:\n", w->out);
	for (i = 0; i < spec->nfields; i++) {
		const se_field *f = &spec->fields[i];
		bool take = some ? wanted(spec, f) || (top && known_value(w, f))
		    : !is_scalar_type(f);
		if (take)
			continue;
		indent(w, depth);
		fprintf(w->out, "#   %s: %s\n", f->name, se_field_label(f));
	}
}

/* ---- Markdown sections ------------------------------------------------- */

/* The key questions or guidance the formats give, as comments. */
static void
questions(struct wr *w, const char *const *q, size_t n, const char *intro)
{
	size_t i;

	if (n == 0)
		return;
	fprintf(w->out, "<!-- %s -->\n", intro);
	for (i = 0; i < n; i++)
		fprintf(w->out, "<!-- - %s -->\n", q[i]);
}

static void
write_section(struct wr *w, const se_fsection *fs)
{
	int level = fs->level ? fs->level : 2, i;

	fputc('\n', w->out);
	for (i = 0; i < level; i++)
		fputc('#', w->out);
	fprintf(w->out, " %s\n\n", fs->title);
	fprintf(w->out, "<!-- %s -->\n", fs->presence == SE_PRESENCE_REQUIRED ?
	    "Required." : "Recommended: answer it, or remove the section if "
	    "it does not apply.");
	questions(w, fs->questions, fs->nquestions, "Key questions:");
	questions(w, fs->guidance, fs->nguidance, "Guidance:");
	if (fs->evidence)
		fputs("- " PLACEHOLDER ": one point a line] Evidence: "
		    PLACEHOLDER ": a link, a file or indicator:ID]\n", w->out);
	else
		fputs(PLACEHOLDER ": your answer]\n", w->out);
}

static void
write_sections(struct wr *w, const se_fsection *v, size_t n,
    se_buf *optional)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (v[i].presence == SE_PRESENCE_OPTIONAL) {
			se_buf_addf(optional, "%s%s",
			    se_buf_str(optional)[0] ? "; " : "", v[i].title);
			continue;
		}
		write_section(w, &v[i]);
	}
}

static const se_variant *
find_variant(const se_format *fm, const char *value)
{
	size_t i;

	for (i = 0; value && i < fm->nvariants; i++)
		if (strcmp(fm->variants[i].value, value) == 0)
			return &fm->variants[i];
	return NULL;
}

static void
write_body(struct wr *w)
{
	const se_variant *v = find_variant(w->fm, w->n->chapter);
	se_buf opt;

	fprintf(w->out, "\n# %s\n\n", v && v->title ? v->title :
	    w->fm->title ? w->fm->title : w->fm->kind);
	if (v) {
		questions(w, v->questions, v->nquestions,
		    "The framework's key questions for this chapter:");
		questions(w, v->guidance, v->nguidance, "Guidance:");
	}
	questions(w, w->fm->guidance, w->fm->nguidance,
	    "Guidance for every author:");
	fputs("<!-- Each " PLACEHOLDER ": ...] is where your text goes; "
	    "se-validate reports any left in. -->\n", w->out);
	se_buf_init(&opt);
	if (v)
		write_sections(w, v->sections, v->nsections, &opt);
	write_sections(w, w->fm->sections, w->fm->nsections, &opt);
	if (se_buf_str(&opt)[0])
		fprintf(w->out, "\n<!-- Optional sections you may add: %s -->\n",
		    se_buf_str(&opt));
	se_buf_release(&opt);
}

/* ---- the document ------------------------------------------------------ */

/* The format of kind 'k' in 'framework', or, with no framework, in the
 * one framework that defines it (the shared one first). */
static const se_format *
pick(const se_formats *f, const se_new *n, se_diag *diag)
{
	se_pos top = { "se-new", 0, 0 };
	const se_format *fm;
	se_buf b;

	se_buf_init(&b);
	if (!se_formats_has_kind(f, n->kind)) {
		se_formats_list_kinds(f, &b);
		se_diag_error(diag, &top, "unknown-kind", "kind '%s' is not "
		    "known: the formats define %s", n->kind, se_buf_str(&b));
		se_buf_release(&b);
		return NULL;
	}
	se_formats_list_frameworks(f, n->kind, &b);
	if (n->framework) {
		fm = se_formats_has_framework(f, n->framework) ?
		    se_formats_find(f, n->framework, n->kind) : NULL;
		if (!fm)
			se_diag_error(diag, &top, "unknown-framework",
			    "framework '%s' has no kind '%s': a %s is defined "
			    "by %s", n->framework, n->kind, n->kind,
			    se_buf_str(&b));
	} else {
		fm = se_formats_find(f, NULL, n->kind);
		if (!fm && !strchr(se_buf_str(&b), ','))
			fm = se_formats_find(f, se_buf_str(&b), n->kind);
		if (!fm)
			se_diag_error(diag, &top, "unknown-framework",
			    "a %s is defined by %s: name one with --framework",
			    n->kind, se_buf_str(&b));
	}
	se_buf_release(&b);
	return fm;
}

static int
check_chapter(const se_format *fm, const se_new *n, se_diag *diag)
{
	se_pos top = { "se-new", 0, 0 };
	se_buf b;
	size_t i;

	if (!fm->nvariants && !n->chapter)
		return 0;
	if (fm->nvariants && find_variant(fm, n->chapter))
		return 0;
	se_buf_init(&b);
	for (i = 0; i < fm->nvariants; i++)
		se_buf_addf(&b, "%s%s", i ? ", " : "", fm->variants[i].value);
	if (!fm->nvariants)
		se_diag_error(diag, &top, "usage", "a %s has no chapters: "
		    "leave out --chapter", fm->kind);
	else if (!n->chapter)
		se_diag_error(diag, &top, "usage", "a %s is written one "
		    "chapter at a time: name it with --chapter (%s)", fm->kind,
		    se_buf_str(&b));
	else
		se_diag_error(diag, &top, "usage", "chapter '%s' is not one "
		    "of the %s's: %s", n->chapter, fm->kind, se_buf_str(&b));
	se_buf_release(&b);
	return -1;
}

static bool
is_markdown(const se_format *fm)
{
	return fm->syntax && strcmp(fm->syntax, "markdown") == 0;
}

int
se_new_syntax(const se_formats *f, const se_new *n)
{
	se_diag *quiet = se_diag_new();
	const se_format *fm = quiet ? pick(f, n, quiet) : NULL;

	se_diag_free(quiet);
	return !fm ? -1 : is_markdown(fm) ? SE_SYNTAX_MARKDOWN : SE_SYNTAX_YAML;
}

int
se_new_doc(const se_formats *f, const se_new *n, FILE *out, se_diag *diag)
{
	const se_format *fm = pick(f, n, diag);
	struct wr w;
	bool md;

	if (!fm || check_chapter(fm, n, diag) < 0)
		return -1;
	if (strcmp(fm->kind, "programme") == 0) {
		se_pos top = { "se-new", 0, 0 };
		/* Its rules tie every review and visit to the others: only a
		 * drafted calendar keeps them (lib/programme.c). */
		return se_diag_error(diag, &top, "usage", "a programme is "
		    "drafted from the region's authorities, keeping its rules: "
		    "se-plan --draft-programme --authorities FILE --cycle "
		    "YYYY-YYYY");
	}
	w.f = f;
	w.fm = fm;
	w.n = n;
	w.out = out;
	md = is_markdown(fm);
	if (md)
		fputs("---\n", out);
	fprintf(out, "# A new %s (%s), drafted by se-new.\n# Replace each "
	    "\"[fill in: ...]\" with your own text; se-validate reports\n# "
	    "any left in.\n", fm->title ? fm->title : fm->kind, n->kind);
	fprintf(out, "kind: %s\n", n->kind);
	fprintf(out, "framework: %s\n", n->framework ? n->framework :
	    fm->framework);
	write_map(&w, &fm->top, 0, false, true);
	if (md) {
		fputs("---\n", out);
		write_body(&w);
	}
	return ferror(out) ? -1 : 0;
}

int
se_new_write(const se_formats *f, const se_new *n, const char *output,
    se_diag *diag)
{
	se_pos pos = { output, 0, 0 };
	int syntax = se_new_syntax(f, n);
	bool md = syntax == SE_SYNTAX_MARKDOWN;
	struct stat st;
	se_out *out;

	/* A device or FIFO (/dev/stdout) is written, never a file that
	 * exists; a new file is named as its syntax needs. */
	if (syntax >= 0 && output && strcmp(output, "-") != 0 &&
	    (stat(output, &st) != 0 || S_ISREG(st.st_mode) ||
	    S_ISDIR(st.st_mode))) {
		if (syntax != (int)se_doc_syntax(output)) {
			se_diag_error(diag, &pos, "output-name", "a %s is "
			    "written in %s: name the file %s", n->kind,
			    md ? "Markdown" : "YAML", md ? "FILE.md" :
			    "FILE.yaml");
			return -2;
		}
		if (stat(output, &st) == 0)
			return se_diag_error(diag, &pos, "exists", "'%s' exists: "
			    "se-new never writes over a document", output);
	}
	out = se_out_open(output, diag);
	if (!out)
		return -1;
	if (se_new_doc(f, n, se_out_file(out), diag) < 0) {
		se_out_close(out, false, diag);
		return -1;
	}
	return se_out_close(out, true, diag);
}

/* ---- a region's repository -------------------------------------------- */

static int
copy_file(const char *from, const char *to, mode_t mode, se_diag *diag)
{
	se_pos pos = { to, 0, 0 };
	char *buf = NULL;
	size_t len;
	FILE *f;
	int fd, rc = 0;

	if (se_read_file(from, (size_t)64 << 20, &buf, &len, diag) < 0)
		return -1;
	fd = open(to, O_WRONLY | O_CREAT | O_EXCL, mode); /* umask applies */
	f = fd < 0 ? NULL : fdopen(fd, "w");
	if (!f) {
		if (fd >= 0)
			close(fd);
		free(buf);
		return se_diag_error(diag, &pos, "unwritable",
		    "cannot create '%s': %s", to, strerror(errno));
	}
	if (fwrite(buf, 1, len, f) != len)
		rc = -1;
	if (fclose(f) != 0)
		rc = -1;
	free(buf);
	if (rc < 0)
		se_diag_error(diag, &pos, "unwritable", "cannot write '%s': %s",
		    to, strerror(errno));
	return rc;
}

static int
make_dir(const char *path, se_diag *diag)
{
	se_pos pos = { path, 0, 0 };

	if (mkdir(path, 0777) == 0)
		return 0;
	return se_diag_error(diag, &pos, "unwritable",
	    "cannot create directory '%s': %s", path, strerror(errno));
}

static bool
is_file(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* 'rel' under the first directory of 'dirs' (':'-separated) holding it,
 * into 'b'; false when none does. */
static bool
find_in(const char *dirs, const char *rel, se_buf *b)
{
	while (*dirs) {
		size_t len = strcspn(dirs, ":");
		se_buf_reset(b);
		se_buf_add(b, dirs, len);
		se_buf_addf(b, "/%s", rel);
		if (!se_buf_failed(b) && is_file(se_buf_str(b)))
			return true;
		dirs += len;
		if (*dirs == ':')
			dirs++;
	}
	return false;
}

struct region_file {
	const char *from; /* under a formats directory */
	const char *to;   /* under the region's directory */
	mode_t mode;
};

/* The CI files of examples/ci/, beside the formats in a source tree
 * (formats/../examples/ci) and when installed (share/se/ci). */
static const struct region_file files[] = {
	{ "shared/authorities.csv", "data/authorities.csv", 0666 },
	{ "shared/catalogues/indicators.yaml", "data/indicators.yaml", 0666 },
	{ "../examples/ci/github-workflow.yml", ".github/workflows/se.yml", 0666 },
	{ "../ci/github-workflow.yml", ".github/workflows/se.yml", 0666 },
	{ "../examples/ci/gitlab-ci.yml", ".gitlab-ci.yml", 0666 },
	{ "../ci/gitlab-ci.yml", ".gitlab-ci.yml", 0666 },
	{ "../examples/ci/pre-commit", ".githooks/pre-commit", 0777 },
	{ "../ci/pre-commit", ".githooks/pre-commit", 0777 },
};

static const char *const dirs[] = { "", "/data", "/plans", "/.github",
	"/.github/workflows", "/.githooks" };

static const char readme[] =
    "Self-evaluations of the region's authorities\n"
    "=============================================\n"
    "\n"
    "Kept as plain text and checked by se (the self-evaluation toolkit):\n"
    "\n"
    "    data/indicators.yaml   the indicator catalogue extracts are rated"
    " with\n"
    "    data/authorities.csv   the authorities, their codes and regions\n"
    "    data/                  performance extracts (CSV), as downloaded\n"
    "    plans/                 improvement plans (YAML or CSV)\n"
    "    AUTHORITY/PERIOD/      each authority's documents for a year\n"
    "\n"
    "Start a document from its framework, then fill it in:\n"
    "\n"
    "    mkdir -p anyshire/2018-19\n"
    "    se-new self-assessment --authority Anyshire --period 2018-19 \\\n"
    "        -o anyshire/2018-19/self-assessment.yaml\n"
    "    se-new self-evaluation --chapter send --authority Anyshire \\\n"
    "        --period 2018-19 -o anyshire/2018-19/send.md\n"
    "    se-new plan --authority Anyshire -o plans/anyshire.yaml\n"
    "\n"
    "Check everything (each placeholder left in is reported):\n"
    "\n"
    "    se-validate -i data/indicators.yaml .\n"
    "\n"
    "Before submitting, check as final (a placeholder is then an error):\n"
    "\n"
    "    se-validate --final anyshire/2018-19/\n"
    "\n"
    "Every push is checked by .github/workflows/se.yml (GitHub) or\n"
    ".gitlab-ci.yml (GitLab).  To check each commit before it is made:\n"
    "\n"
    "    git config core.hooksPath .githooks\n"
    "\n"
    "See se(7) for the commands and se-formats(5) for the documents.\n";

int
se_new_region(const char *formats_dirs, const char *dir, se_diag *diag)
{
	se_pos pos = { dir, 0, 0 };
	se_buf from, to;
	struct stat st;
	size_t i;
	FILE *f;
	int rc = 0;

	if (stat(dir, &st) == 0)
		return se_diag_error(diag, &pos, "exists", "'%s' exists: "
		    "se-new makes a new directory and never writes into one",
		    dir);
	se_buf_init(&from);
	se_buf_init(&to);
	for (i = 0; rc == 0 && i < sizeof dirs / sizeof dirs[0]; i++) {
		se_buf_reset(&to);
		se_buf_addf(&to, "%s%s", dir, dirs[i]);
		rc = se_buf_failed(&to) ? -1 : make_dir(se_buf_str(&to), diag);
	}
	for (i = 0; rc == 0 && i < sizeof files / sizeof files[0]; i++) {
		se_buf_reset(&to);
		se_buf_addf(&to, "%s/%s", dir, files[i].to);
		if (is_file(se_buf_str(&to)) ||
		    !find_in(formats_dirs, files[i].from, &from))
			continue;
		rc = copy_file(se_buf_str(&from), se_buf_str(&to),
		    files[i].mode, diag);
	}
	if (rc == 0) {
		se_buf_reset(&to);
		se_buf_addf(&to, "%s/README.md", dir);
		f = fopen(se_buf_str(&to), "wx");
		if (!f || fputs(readme, f) == EOF || fclose(f) != 0) {
			rc = se_diag_error(diag, &pos, "unwritable",
			    "cannot write '%s': %s", se_buf_str(&to),
			    strerror(errno));
		}
	}
	se_buf_release(&from);
	se_buf_release(&to);
	return rc;
}
