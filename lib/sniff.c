/* sniff.c: what a CSV file holds, from its header (se-formats(5) CSV):
 * an extract, a plan, statistical neighbours or se-rag -F csv output.
 * The header is read by se_csv_sniff (extract.c, beside the layouts it
 * recognises); here a file's first record is read, and no more. */
#include "internal.h"

#include <string.h>
#include <sys/stat.h>

struct sniff {
	se_csv_kind kind;
	bool seen;
	bool comments; /* '#' lines before the header */
};

/* Only the authorities table may begin with '#' comment lines. */
se_csv_kind
se_csv_sniff_after(const se_csv_field *f, size_t n, bool *comments)
{
	se_csv_kind k = se_csv_sniff(f, n);

	if (k == SE_CSV_COMMENT)
		*comments = true;
	else if (*comments && k != SE_CSV_AUTHORITIES)
		k = SE_CSV_UNKNOWN;
	return k;
}

static int
on_sniff(void *ctx, const se_csv_field *f, size_t n, unsigned line)
{
	struct sniff *s = ctx;

	(void)line;
	s->kind = se_csv_sniff_after(f, n, &s->comments);
	if (s->kind == SE_CSV_COMMENT)
		return 0;
	s->seen = true;
	return -1;
}

se_csv_kind
se_csv_kind_of_file(const char *path, se_diag *d)
{
	struct sniff s = { SE_CSV_UNKNOWN, false, false };
	se_csv *c = se_csv_new(path, on_sniff, &s, d);

	if (!c)
		return SE_CSV_UNKNOWN;
	if (se_csv_read_file(c, path, true, d) < 0 || s.kind == SE_CSV_COMMENT)
		s.kind = SE_CSV_UNKNOWN;
	se_csv_free(c);
	return s.kind;
}

se_csv_kind
se_csv_sniff_file(const char *path, se_diag *d)
{
	se_pos pos = { path, 0, 0 };
	size_t before = se_diag_count(d, SE_ERROR);
	se_csv_kind k = se_csv_kind_of_file(path, d);

	if ((k == SE_CSV_UNKNOWN || k == SE_CSV_PLAN) &&
	    se_diag_count(d, SE_ERROR) == before)
		se_diag_error(d, &pos, "csv-header", "this CSV is not data: "
		    "expected an extract (indicator and value or period "
		    "columns), statistical neighbours (authority,neighbour,"
		    "rank) or se-rag -F csv output");
	return k == SE_CSV_PLAN ? SE_CSV_UNKNOWN : k;
}

static int
on_layout(void *ctx, const se_csv_field *f, size_t n, unsigned line)
{
	se_extract_layout *l = ctx;

	(void)line;
	*l = se_extract_layout_sniff(f, n);
	return -1;
}

se_extract_layout
se_extract_layout_file(const char *path)
{
	se_extract_layout l = SE_LAYOUT_NONE;
	se_diag *quiet = se_diag_new();
	se_csv *c = quiet ? se_csv_new(path, on_layout, &l, quiet) : NULL;
	struct stat st;

	/* Only a regular file: a FIFO or a device is read once, by the
	 * reader. */
	if (c && stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
	    se_csv_read_file(c, path, true, quiet) < 0)
		l = SE_LAYOUT_NONE;
	se_csv_free(c);
	se_diag_free(quiet);
	return l;
}
