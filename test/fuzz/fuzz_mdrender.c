/* fuzz_mdrender.c: libFuzzer target for se-report's narrative Markdown:
 * the input is added to a report with se_report_markdown (and used as a
 * heading, a paragraph and a table cell) and the report rendered as
 * Markdown, HTML and text.  Besides never crashing, the HTML must never
 * carry markup from the input: no <script> or <iframe>, no javascript:
 * URL, no event handler attribute (cmark safe mode and se_html_put).
 * The input as text in the machine formats must parse: se_json_put's
 * string by the strict JSON checker (test/jsoncheck.c) and by libyaml as
 * the YAML writers use it, se_csv_put's cell by libcsv as one field of a record. */
#include "se.h"
#include "jsoncheck.h"

#include <csv.h>
#include <yaml.h>

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Render 'r' as 'syntax' into memory; the caller frees the result. */
static char *
render(const se_report *r, se_report_syntax syntax, size_t *len)
{
	char *buf = NULL;
	FILE *f = open_memstream(&buf, len);

	if (!f)
		return NULL;
	if (se_report_render(r, syntax, f) != 0)
		abort(); /* writing to memory cannot fail */
	if (fclose(f) != 0)
		abort();
	return buf;
}

/* Whether the tag at 'p' (after its '<') has an event handler attribute
 * (" on...=") or a javascript: URL; 'end' is its '>'. */
static int
tag_unsafe(const char *p, const char *end)
{
	const char *q = p;

	while (q < end) {
		if ((*q == ' ' || *q == '\t' || *q == '\n') && end - q > 3 &&
		    (q[1] | 0x20) == 'o' && (q[2] | 0x20) == 'n') {
			const char *a = q + 3;

			while (a < end && ((*a | 0x20) >= 'a' && (*a | 0x20) <= 'z'))
				a++;
			if (a < end && *a == '=')
				return 1;
		}
		if (*q == '=') {
			/* An attribute's value: quoted or bare.  Only its start
			 * names a scheme ("=javascript:" inside a value is a
			 * relative path, not a script). */
			const char *v = q + 1, *ve;
			char quote = 0;

			if (v < end && (*v == '"' || *v == '\''))
				quote = *v++;
			while (v < end && (*v == ' ' || *v == '\t'))
				v++;
			if (end - v >= 11 && strncasecmp(v, "javascript:", 11) == 0)
				return 1;
			for (ve = v; ve < end && (quote ? *ve != quote :
			    *ve != ' ' && *ve != '\t' && *ve != '\n'); ve++)
				;
			q = ve < end ? ve + 1 : end;
			continue;
		}
		q++;
	}
	return 0;
}

/* The HTML may hold no markup taken from the input: every tag is one the
 * renderer wrote, never <script> or <iframe>, never with an event handler
 * or a javascript: URL. */
static void
check_html(const char *html, size_t len)
{
	const char *p = html, *end = html + len, *gt;

	while ((p = memchr(p, '<', (size_t)(end - p))) != NULL) {
		p++;
		gt = memchr(p, '>', (size_t)(end - p));
		if (!gt)
			abort(); /* an unclosed tag */
		if (strncasecmp(p, "script", 6) == 0 ||
		    strncasecmp(p, "iframe", 6) == 0 || tag_unsafe(p, gt))
			abort();
		p = gt + 1;
	}
}

/* What 'put' writes for 's', in memory; the caller frees it. */
static char *
machine(const char *s, int kind, size_t *len)
{
	char *buf = NULL;
	FILE *f = open_memstream(&buf, len);

	if (!f)
		return NULL;
	if (kind == 'y')
		fputs("v: ", f);
	if (kind == 'c') { /* the middle cell of a record */
		fputs("x,", f);
		se_csv_put(f, s, false);
		fputs(",y\n", f);
	} else {
		se_json_put(f, s);
	}
	if (kind == 'y')
		fputc('\n', f);
	if (fclose(f) != 0)
		abort();
	return buf;
}

static void
count_field(void *s, size_t len, void *ctx)
{
	(void)s;
	(void)len;
	++*(int *)ctx;
}

static void
check_machine(const char *text)
{
	char err[256], *out;
	size_t len;
	yaml_parser_t y;
	yaml_event_t ev;
	struct csv_parser c;
	int done = 0, fields = 0;

	out = machine(text, 'j', &len);
	if (out && jsoncheck(out, len, false, NULL, NULL, err, sizeof err) != 0)
		abort(); /* se_json_put wrote what is not JSON */
	free(out);
	out = machine(text, 'y', &len);
	if (out && yaml_parser_initialize(&y)) {
		yaml_parser_set_input_string(&y, (unsigned char *)out, len);
		while (!done) {
			if (!yaml_parser_parse(&y, &ev))
				abort(); /* not a YAML double-quoted string */
			done = ev.type == YAML_STREAM_END_EVENT;
			yaml_event_delete(&ev);
		}
		yaml_parser_delete(&y);
	}
	free(out);
	out = machine(text, 'c', &len);
	if (out && csv_init(&c, CSV_STRICT | CSV_STRICT_FINI) == 0) {
		if (csv_parse(&c, out, len, count_field, NULL, &fields) != len ||
		    csv_fini(&c, count_field, NULL, &fields) != 0 ||
		    fields != 3)
			abort(); /* se_csv_put's cell is not one CSV field */
		csv_free(&c);
	}
	free(out);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1), *out;
	se_report *r;
	size_t len;
	int s;

	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	check_machine(text);
	r = se_report_new("Fuzz");
	if (!r || se_report_heading(r, 2, text) != 0 ||
	    se_report_markdown(r, (const char *)data, size) != 0 ||
	    se_report_para(r, text) != 0 ||
	    se_report_table(r, text, 1, (const char *const *)&text) != 0 ||
	    se_report_row(r) != 0 || se_report_cell(r, text) != 0)
		goto done;
	for (s = SE_REPORT_TEXT; s <= SE_REPORT_HTML; s++) {
		out = render(r, (se_report_syntax)s, &len);
		if (out && s == SE_REPORT_HTML)
			check_html(out, len);
		free(out);
	}
done:
	se_report_free(r);
	free(text);
	return 0;
}
