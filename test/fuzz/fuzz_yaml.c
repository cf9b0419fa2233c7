/* fuzz_yaml.c: libFuzzer target for the YAML loader through
 * se_doc_parse.  Any input must give a document or NULL, never a crash,
 * a leak or a hang. */
#include "se.h"

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	se_diag *d = se_diag_new();
	se_doc *doc;

	if (!d)
		return 0;
	doc = se_doc_parse("fuzz.yaml", SE_SYNTAX_YAML, (const char *)data,
	    size, d);
	if (doc && doc->meta)
		(void)se_node_path(doc->meta, "a.b");
	se_doc_free(doc);
	se_diag_free(d);
	return 0;
}
