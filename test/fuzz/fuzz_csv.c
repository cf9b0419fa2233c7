/* fuzz_csv.c: the extract reader (and the CSV reader under it) on any
 * bytes, fed in two pieces split at the offset the first byte names, so
 * chunk boundaries land everywhere.  The CSV reader is also run on the
 * whole input at once and on the two pieces, with the fast path turned
 * off (csv.c), and as a stream read ahead in small chunks by 0 to 2
 * helper threads (csvstream.c, the second byte names the chunk size):
 * records, positions and diagnostics must be the same, or the target
 * aborts. */
#include "internal.h"
#include "se.h"

#include <stdint.h>
#include <stdlib.h>
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

static void
mix(uint64_t *h, const void *p, size_t n)
{
	const unsigned char *s = p;
	size_t i;

	for (i = 0; i < n; i++)
		*h = (*h ^ s[i]) * UINT64_C(0x100000001b3);
}

static int
record(void *ctx, const se_csv_field *f, size_t n, unsigned line)
{
	uint64_t *h = ctx;
	size_t i;

	mix(h, &line, sizeof line);
	mix(h, &n, sizeof n);
	for (i = 0; i < n; i++) {
		mix(h, f[i].text, f[i].len + 1);
		mix(h, &f[i].line, sizeof f[i].line);
		mix(h, &f[i].col, sizeof f[i].col);
	}
	return 0;
}

/* A hash of the records and diagnostics from reading data in two pieces,
 * or ('chunk' > 0) as a stream in chunks of 'chunk' bytes read ahead by
 * 'helpers' threads (csvstream.c). */
static uint64_t
read_csv(const char *s, size_t size, size_t split, bool exact, size_t chunk,
    int helpers)
{
	uint64_t h = UINT64_C(0xcbf29ce484222325);
	se_diag *d = se_diag_new();
	se_csv *c;
	size_t i;

	if (!d)
		return 0;
	c = se_csv_new("fuzz.csv", record, &h, d);
	if (c) {
		int r;
		se_csv_set_exact(c, exact);
		if (chunk) {
			FILE *fp = fmemopen((void *)s, size, "rb");
			r = fp ? se_csv_feed_stream(c, fp, chunk, helpers) : 0;
			if (fp)
				fclose(fp);
		} else {
			r = se_csv_feed(c, s, split);
			if (r == 0)
				r = se_csv_feed(c, s + split, size - split);
		}
		if (r == 0)
			r = se_csv_finish(c);
		mix(&h, &r, sizeof r);
		se_csv_free(c);
	}
	for (i = 0; i < se_diag_len(d); i++) {
		const se_diag_item *it = se_diag_get(d, i);
		mix(&h, &it->line, sizeof it->line);
		mix(&h, &it->col, sizeof it->col);
		mix(&h, it->rule, strlen(it->rule));
	}
	se_diag_free(d);
	return h;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	size_t n = 0, split = size ? data[0] : 0;
	se_diag *d;
	se_extract *x;
	uint64_t h;

	if (split > size)
		split = size;
	h = read_csv(s, size, split, false, 0, 0);
	if (h != read_csv(s, size, size, false, 0, 0) ||
	    h != read_csv(s, size, split, true, 0, 0) ||
	    (size > 1 && h != read_csv(s, size, 0, false,
	    1 + data[1] % 64, data[0] % 3)))
		abort();
	d = se_diag_new();
	if (!d)
		return 0;
	x = se_extract_new("fuzz.csv", row, &n, d);
	if (x) {
		if (se_extract_feed(x, s, split) == 0 &&
		    se_extract_feed(x, s + split, size - split) == 0)
			se_extract_finish(x);
		se_extract_free(x);
	}
	se_diag_free(d);
	return 0;
}
