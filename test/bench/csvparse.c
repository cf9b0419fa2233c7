/* csvparse.c: the libcsv floor for the benchmark: parse a CSV file with
 * callbacks that only count fields and records, nothing else. */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>

struct count {
	unsigned long fields, records;
};

static void
on_field(void *s, size_t len, void *ctx)
{
	(void)s;
	(void)len;
	((struct count *)ctx)->fields++;
}

static void
on_record(int c, void *ctx)
{
	(void)c;
	((struct count *)ctx)->records++;
}

int
main(int argc, char **argv)
{
	static char buf[65536];
	struct csv_parser p;
	struct count n = { 0, 0 };
	FILE *f;
	size_t len;

	if (argc != 2 || !(f = fopen(argv[1], "rb"))) {
		fprintf(stderr, "usage: csvparse FILE\n");
		return 2;
	}
	if (csv_init(&p, CSV_APPEND_NULL) != 0)
		return 2;
	while ((len = fread(buf, 1, sizeof buf, f)) > 0)
		if (csv_parse(&p, buf, len, on_field, on_record, &n) != len)
			return 1;
	csv_fini(&p, on_field, on_record, &n);
	csv_free(&p);
	fclose(f);
	printf("%lu records, %lu fields\n", n.records, n.fields);
	return 0;
}
