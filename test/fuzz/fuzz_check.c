/* fuzz_check.c: libFuzzer target for the format checker.  The real
 * formats (formats/, or $SE_FORMATS) are loaded once; each input is parsed
 * with se_doc_parse (its first byte picks YAML or Markdown) and checked
 * with se_check_doc, and the diagnostics rendered as JSON and SARIF.  Any
 * input must give diagnostics, never a crash, a leak or a hang, and what
 * is rendered must parse: the JSON as JSON Lines, the SARIF as one JSON
 * value (test/jsoncheck.c, strict RFC 8259). */
#include "se.h"
#include "jsoncheck.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdbool.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* libFuzzer gives no context pointer: what every run shares lives here,
 * set up once in LLVMFuzzerInitialize and never freed. */
static struct {
	se_formats *formats;
} fuzz;

/* Render the diagnostics as 'fmt' into memory and check that it parses. */
static void
render_parses(const se_diag *d, se_diag_format fmt, bool lines)
{
	char *buf = NULL, err[256];
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	if (!f)
		return;
	(void)se_diag_render(d, fmt, "se-validate", f);
	if (fclose(f) != 0)
		abort();
	if (jsoncheck(buf, len, lines, NULL, NULL, err, sizeof err) != 0) {
		fprintf(stderr, "fuzz_check: %s output does not parse: %s\n",
		    lines ? "JSON" : "SARIF", err);
		abort();
	}
	free(buf);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *dir = getenv("SE_FORMATS");
	se_diag *d = se_diag_new();

	(void)argc;
	(void)argv;
	if (!d)
		abort();
	fuzz.formats = se_formats_load(dir && *dir ? dir : "formats", d);
	if (!fuzz.formats || se_diag_count(d, SE_ERROR) > 0) {
		fprintf(stderr, "fuzz_check: cannot load the formats from %s "
		    "(run from the repository root or set SE_FORMATS)\n",
		    dir && *dir ? dir : "formats");
		abort();
	}
	se_diag_free(d);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	se_check c = { 0 };
	se_diag *d;
	se_doc *doc;
	int syntax;

	if (size < 1)
		return 0;
	syntax = data[0] & 1 ? SE_SYNTAX_MARKDOWN : SE_SYNTAX_YAML;
	d = se_diag_new();
	if (!d)
		return 0;
	c.formats = fuzz.formats;
	doc = se_doc_parse(syntax == SE_SYNTAX_MARKDOWN ? "fuzz.md" :
	    "fuzz.yaml", syntax, (const char *)data + 1, size - 1, d);
	if (doc && se_check_doc(&c, doc, d) != 0 &&
	    se_diag_count(d, SE_ERROR) == 0)
		abort(); /* -1 must come with its reason (out of memory) */
	se_diag_sort(d);
	render_parses(d, SE_DIAG_JSON, true);
	render_parses(d, SE_DIAG_SARIF, false);
	se_doc_free(doc);
	se_diag_free(d);
	return 0;
}
