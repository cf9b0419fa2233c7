/* fuzz_markdown.c: libFuzzer target for the Markdown loader (front
 * matter and body) through se_doc_parse. */
#include "se.h"

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	se_diag *d = se_diag_new();
	se_doc *doc;
	size_t i, j, words = 0;

	if (!d)
		return 0;
	doc = se_doc_parse("fuzz.md", SE_SYNTAX_MARKDOWN, (const char *)data,
	    size, d);
	/* Touch everything the loader built, so ASan sees any bad slice. */
	for (i = 0; doc && i < doc->nsections; i++) {
		const se_section *s = &doc->sections[i];
		words += s->words + s->body_len + (s->body_len ?
		    (unsigned char)s->body[s->body_len - 1] : 0);
		for (j = 0; j < s->nitems; j++)
			words += s->items[j].nlinks ?
			    (unsigned char)s->items[j].links[s->items[j].nlinks - 1].target[0] :
			    (unsigned char)s->items[j].text[0];
		for (j = 0; j < s->nlinks; j++)
			words += s->links[j].pos.col;
	}
	se_doc_free(doc);
	se_diag_free(d);
	return words == (size_t)-1;
}
