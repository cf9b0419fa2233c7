/* fuzz_pii.c: the personal-data scanner on any bytes.  Hits must come in
 * order of offset, lie inside the text, never overlap, name one of the
 * six kinds, and be counted as returned; a callback that stops at once
 * sees exactly the first hit.  Anything else aborts. */
#include "se.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct seen {
	size_t size, n, end;
	se_pii_hit first;
	int stop;
} seen;

static int
check(void *ctx, const se_pii_hit *hit)
{
	static const char *const kinds[] = { "Unique Pupil Number",
		"NHS number", "National Insurance number",
		"Unique Learner Number", "postcode", "date of birth" };
	seen *s = ctx;
	size_t k;

	if (hit->len == 0 || hit->off < s->end || hit->off > s->size ||
	    hit->len > s->size - hit->off)
		abort();
	for (k = 0; k < 6; k++)
		if (hit->what && strcmp(hit->what, kinds[k]) == 0)
			break;
	if (k == 6)
		abort();
	if (s->n++ == 0)
		s->first = *hit;
	s->end = hit->off + hit->len;
	return s->stop;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	unsigned flags;
	seen all = { size, 0, 0, { 0, 0, NULL }, 0 };
	seen one = { size, 0, 0, { 0, 0, NULL }, 1 };
	int n;

	for (flags = 0; flags <= SE_PII_NO_POSTCODE; flags++) {
		all.n = all.end = 0;
		one.n = one.end = 0;
		n = se_pii_scan(text, size, flags, check, &all);
		if (n < 0 || (size_t)n != all.n)
			abort();
		if (se_pii_scan(text, size, flags, NULL, NULL) != n)
			abort();
		n = se_pii_scan(text, size, flags, check, &one);
		if (n != (all.n ? 1 : 0) || one.n != (size_t)n)
			abort();
		if (n && (one.first.off != all.first.off ||
			     one.first.len != all.first.len))
			abort();
	}
	return 0;
}
