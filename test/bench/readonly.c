/* readonly.c: the extract reader alone (lib/extract.c over libcsv), rows
 * counted and dropped: what se-rag costs before the series store. */
#include "se.h"

#include <stdio.h>

static int
count(void *ctx, const se_row *r)
{
	(void)r;
	(*(unsigned long *)ctx)++;
	return 0;
}

int
main(int argc, char **argv)
{
	unsigned long n = 0;
	se_diag *d = se_diag_new();
	int rc;

	if (argc != 2 || !d)
		return 2;
	rc = se_extract_read(argv[1], count, &n, d);
	printf("%lu values, %zu diagnostics\n", n, se_diag_len(d));
	se_diag_free(d);
	return rc < 0 ? 1 : 0;
}
