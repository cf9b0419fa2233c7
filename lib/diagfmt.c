/* diagfmt.c: the diagnostics sink rendered as text, JSON lines, GitHub
 * Actions workflow commands or a SARIF 2.1.0 log. */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const format_names[] = {
	[SE_DIAG_TEXT] = "text",
	[SE_DIAG_JSON] = "json",
	[SE_DIAG_GITHUB] = "github",
	[SE_DIAG_SARIF] = "sarif",
};

int
se_diag_format_parse(const char *name)
{
	return se_format_index(name, format_names,
	    sizeof format_names / sizeof *format_names);
}

static const char *
severity_name(se_severity sev)
{
	switch (sev) {
	case SE_ERROR: return "error";
	case SE_WARNING: return "warning";
	default: return "note";
	}
}

/* FILE:LINE:COL: SEVERITY: MESSAGE [RULE], with control characters in
 * the file name and message escaped so that one line is one diagnostic. */
static void
render_text(const se_diag_item *it, FILE *out)
{
	if (it->file) {
		se_text_put_line(out, it->file);
		if (it->line)
			fprintf(out, ":%u", it->line);
		if (it->line && it->col)
			fprintf(out, ":%u", it->col);
		fputs(": ", out);
	}
	fprintf(out, "%s: ", severity_name(it->severity));
	se_text_put_line(out, it->message);
	fputs(" [", out);
	se_text_put_line(out, it->rule);
	fputs("]\n", out);
}

static void
render_json(const se_diag_item *it, FILE *out)
{
	fputs("{\"file\":", out);
	if (it->file)
		se_json_put(out, it->file);
	else
		fputs("null", out);
	if (it->line)
		fprintf(out, ",\"line\":%u", it->line);
	else
		fputs(",\"line\":null", out);
	if (it->line && it->col)
		fprintf(out, ",\"column\":%u", it->col);
	else
		fputs(",\"column\":null", out);
	fprintf(out, ",\"severity\":\"%s\",\"rule\":", severity_name(it->severity));
	se_json_put(out, it->rule);
	fputs(",\"message\":", out);
	se_json_put(out, it->message);
	fputs("}\n", out);
}

/* The Actions runner's escaping (toolkit/core command.ts): data escapes
 * % CR LF; property values also ':' and ','. */
static void
github_put(FILE *out, const char *s, bool property)
{
	for (; s && *s; s++) {
		if (*s == '%')
			fputs("%25", out);
		else if (*s == '\r')
			fputs("%0D", out);
		else if (*s == '\n')
			fputs("%0A", out);
		else if (property && *s == ':')
			fputs("%3A", out);
		else if (property && *s == ',')
			fputs("%2C", out);
		else
			fputc(*s, out);
	}
}

static void
render_github(const se_diag_item *it, FILE *out)
{
	const char *cmd = it->severity == SE_ERROR ? "error"
	    : it->severity == SE_WARNING ? "warning" : "notice";

	fprintf(out, "::%s ", cmd);
	if (it->file) {
		fputs("file=", out);
		github_put(out, it->file, true);
		if (it->line)
			fprintf(out, ",line=%u", it->line);
		if (it->line && it->col)
			fprintf(out, ",col=%u", it->col);
		fputc(',', out);
	}
	fputs("title=", out);
	github_put(out, it->rule, true);
	fputs("::", out);
	github_put(out, it->message, false);
	fputc('\n', out);
}

/* A relative path as a URI reference (RFC 3986): unreserved characters
 * and '/' as they are, every other byte percent-encoded, so spaces,
 * colons (which would read as a scheme), '%' and newlines are safe. */
static void
uri_put(FILE *out, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *p;

	for (p = (const unsigned char *)s; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~/", *p)) {
			fputc(*p, out);
		} else {
			fputc('%', out);
			fputc(hex[*p >> 4], out);
			fputc(hex[*p & 15], out);
		}
	}
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The distinct rule ids, sorted; *n set to how many.  NULL when out of
 * memory (or there are none). */
static const char **
rule_ids(const se_diag *d, size_t *n)
{
	size_t len = se_diag_len(d), i, k = 0;
	const char **v;

	*n = 0;
	if (len == 0)
		return NULL;
	v = malloc(len * sizeof *v);
	if (!v)
		return NULL;
	for (i = 0; i < len; i++)
		v[i] = se_diag_get(d, i)->rule;
	qsort(v, len, sizeof *v, cmp_str);
	for (i = 0; i < len; i++)
		if (k == 0 || strcmp(v[k - 1], v[i]) != 0)
			v[k++] = v[i];
	*n = k;
	return v;
}

static size_t
rule_index(const char **ids, size_t n, const char *rule)
{
	const char **p = bsearch(&rule, ids, n, sizeof *ids, cmp_str);

	return p ? (size_t)(p - ids) : 0;
}

static void
sarif_result(const se_diag_item *it, size_t index, FILE *out)
{
	fputs("        {\n          \"ruleId\": ", out);
	se_json_put(out, it->rule);
	fprintf(out, ",\n          \"ruleIndex\": %zu", index);
	fprintf(out, ",\n          \"level\": \"%s\"", severity_name(it->severity));
	fputs(",\n          \"message\": { \"text\": ", out);
	se_json_put(out, it->message);
	fputs(" }", out);
	if (it->file) {
		fputs(",\n          \"locations\": [ { \"physicalLocation\": {"
		      " \"artifactLocation\": { \"uri\": \"", out);
		uri_put(out, it->file);
		fputs("\" }", out);
		if (it->line) {
			fprintf(out, ", \"region\": { \"startLine\": %u", it->line);
			if (it->col)
				fprintf(out, ", \"startColumn\": %u", it->col);
			fputs(" }", out);
		}
		fputs(" } } ]", out);
	}
	fputs("\n        }", out);
}

static int
render_sarif(const se_diag *d, const char *tool, FILE *out)
{
	size_t nrules = 0, i, n = se_diag_len(d);
	const char **ids = rule_ids(d, &nrules);

	if (n > 0 && !ids)
		return -1;
	fputs("{\n  \"$schema\": "
	      "\"https://json.schemastore.org/sarif-2.1.0.json\",\n"
	      "  \"version\": \"2.1.0\",\n"
	      "  \"runs\": [\n    {\n"
	      "      \"tool\": {\n        \"driver\": {\n"
	      "          \"name\": ", out);
	se_json_put(out, tool ? tool : "se");
	fputs(",\n          \"version\": ", out);
	se_json_put(out, SE_VERSION);
	fputs(",\n          \"rules\": [", out);
	for (i = 0; i < nrules; i++) {
		fputs(i ? ", { \"id\": " : " { \"id\": ", out);
		se_json_put(out, ids[i]);
		fputs(" }", out);
	}
	fputs(nrules ? " ]\n" : "]\n", out);
	fputs("        }\n      },\n"
	      "      \"columnKind\": \"unicodeCodePoints\",\n"
	      "      \"results\": [", out);
	for (i = 0; i < n; i++) {
		const se_diag_item *it = se_diag_get(d, i);
		fputs(i ? ",\n" : "\n", out);
		sarif_result(it, rule_index(ids, nrules, it->rule), out);
	}
	fputs(n ? "\n      ]\n" : "]\n", out);
	fputs("    }\n  ]\n}\n", out);
	free(ids);
	return 0;
}

int
se_diag_render(const se_diag *d, se_diag_format fmt, const char *tool,
    FILE *out)
{
	size_t i, n = se_diag_len(d);

	if (fmt == SE_DIAG_SARIF) {
		if (render_sarif(d, tool, out) < 0)
			return -1;
		return ferror(out) ? -1 : 0;
	}
	/* Standard error is unbuffered, and the escapers write a character
	 * at a time: a system call each.  So items are rendered into memory
	 * and written a batch at a time (a million diagnostics took minutes). */
	for (i = 0; i < n;) {
		size_t end = n - i > 4096 ? i + 4096 : n, len = 0;
		char *buf = NULL;
		FILE *m = open_memstream(&buf, &len);
		FILE *to = m ? m : out;

		for (; i < end; i++) {
			const se_diag_item *it = se_diag_get(d, i);
			if (fmt == SE_DIAG_JSON)
				render_json(it, to);
			else if (fmt == SE_DIAG_GITHUB)
				render_github(it, to);
			else
				render_text(it, to);
		}
		if (m) {
			if (fclose(m) != 0) {
				free(buf);
				return -1;
			}
			fwrite(buf, 1, len, out);
			free(buf);
		}
	}
	return ferror(out) ? -1 : 0;
}
