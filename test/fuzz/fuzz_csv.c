/* fuzz_csv.c: the extract reader (and the CSV reader under it) on any
 * bytes, fed in two pieces split at the offset the first byte names, so
 * chunk boundaries land everywhere. */
#include "se.h"

#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
row(void *ctx, const se_row *r)
{
	size_t *n = ctx;
	char buf[32];

	/* touch every string so the sanitizers see them */
	*n += strlen(r->indicator) + (r->authority ? strlen(r->authority) : 0) +
	    (r->code ? strlen(r->code) : 0) +
	    (r->region ? strlen(r->region) : 0) + strlen(r->period_text) +
	    (r->flag ? strlen(r->flag) : 0) +
	    se_period_format(&r->period, buf, sizeof buf);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	se_diag *d = se_diag_new();
	size_t n = 0, split = size ? data[0] : 0;
	se_extract *x;

	if (!d)
		return 0;
	x = se_extract_new("fuzz.csv", row, &n, d);
	if (x) {
		const char *s = (const char *)data;
		if (split > size)
			split = size;
		if (se_extract_feed(x, s, split) == 0 &&
		    se_extract_feed(x, s + split, size - split) == 0)
			se_extract_finish(x);
		se_extract_free(x);
	}
	se_diag_free(d);
	return 0;
}
