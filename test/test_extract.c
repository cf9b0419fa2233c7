/* test_extract.c: long and wide extracts read row by row (lib/extract.c). */
#include "se.h"
#include "unit.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

struct out {
	char *s;
	size_t len, cap, rows;
	int stop_after;
};

static int
count_rows(void *ctx, const se_row *r)
{
	(void)r;
	(*(unsigned long *)ctx)++;
	return 0;
}

static void out_addf(struct out *o, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

static void
out_addf(struct out *o, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (o->len + (size_t)n + 1 > o->cap) {
		o->cap = (o->len + (size_t)n + 1) * 2;
		o->s = realloc(o->s, o->cap);
	}
	va_start(ap, fmt);
	vsnprintf(o->s + o->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	o->len += (size_t)n;
}

#define S(x) ((x) ? (x) : "(null)")

/* One row as "L:C authority|code|region|indicator|period=value" with the
 * value as %g or [flag], and the value's cell "@L:C". */
static int
collect(void *ctx, const se_row *r)
{
	struct out *o = ctx;
	char per[32];

	se_period_format(&r->period, per, sizeof per);
	out_addf(o, "%u:%u %s|%s|%s|%s|%s(%s)=", r->row_pos.line,
	    r->row_pos.col, S(r->authority), S(r->code), S(r->region),
	    S(r->indicator), S(r->period_text), per);
	if (r->has_value)
		out_addf(o, "%g", r->value);
	else
		out_addf(o, "[%s]", S(r->flag));
	out_addf(o, "@%u:%u\n", r->pos.line, r->pos.col);
	o->rows++;
	if (o->stop_after && (int)o->rows == o->stop_after)
		return -1;
	return 0;
}

static char *
diags(se_diag *d)
{
	static char buf[8192];
	size_t i, k = 0;

	buf[0] = '\0';
	for (i = 0; i < se_diag_len(d); i++) {
		const se_diag_item *it = se_diag_get(d, i);
		k += (size_t)snprintf(buf + k, sizeof buf - k, "%u:%u:%s: %s\n",
		    it->line, it->col, it->rule, it->message);
	}
	return buf;
}

/* Read bytes fed in pieces of 'chunk' (0: whole). */
static char *
read_mem(const char *in, size_t len, size_t chunk, int *rc, char **dg)
{
	struct out o = { 0 };
	se_diag *d = se_diag_new();
	se_extract *x = se_extract_new("x.csv", collect, &o, d);
	size_t i;
	int r = 0;

	if (!chunk)
		chunk = len ? len : 1;
	for (i = 0; i < len && r == 0; i += chunk)
		r = se_extract_feed(x, in + i, len - i < chunk ? len - i : chunk);
	if (r == 0)
		r = se_extract_finish(x);
	*rc = r;
	*dg = strdup(diags(d));
	se_extract_free(x);
	se_diag_free(d);
	return o.s ? o.s : strdup("");
}

static char *
read_path(const char *path, int *rc, char **dg)
{
	struct out o = { 0 };
	se_diag *d = se_diag_new();

	*rc = se_extract_read(path, collect, &o, d);
	*dg = strdup(diags(d));
	se_diag_free(d);
	return o.s ? o.s : strdup("");
}

static char *
slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *buf = malloc(1 << 16);

	*len = fread(buf, 1, 1 << 16, fp);
	fclose(fp);
	return buf;
}

/* The same rows and diagnostics for every chunk size. */
static void
check_every_chunk_size(const char *path)
{
	size_t len, k;
	char *in = slurp(path, &len), *want, *wdg;
	int rc, wrc;

	want = read_mem(in, len, 0, &wrc, &wdg);
	for (k = 1; k <= len; k++) {
		char *dg, *got = read_mem(in, len, k, &rc, &dg);
		if (strcmp(got, want) != 0 || strcmp(dg, wdg) != 0 ||
		    rc != wrc) {
			printf("# %s in chunks of %zu differs:\n%s%s", path, k,
			    got, dg);
			unit_cur_failed = 1;
			k = len;
		}
		free(got);
		free(dg);
	}
	free(want);
	free(wdg);
	free(in);
}

static const char long_rows[] =
    "2:1 Anyshire|E06000001|North East|CSC-012|2017-18(2017-18)=21.5@2:47\n"
    "3:1 Anyshire|E06000001|North East|CSC-012|2018-19(2018-19)=1234@3:47\n"
    "4:1 Borough, The|E06000002|North East|CSC-012|2018-19(2018-19)=[x]@4:53\n"
    "5:1 England|E92000001||CSC-012|2018-19(2018-19)=22@5:37\n";

TEST(a_long_extract_gives_one_row_per_value_with_its_cell)
{
	int rc;
	char *dg, *got = read_path("test/fixtures/csv/long.csv", &rc, &dg);

	CHECK_STR_EQ(got, long_rows);
	CHECK_STR_EQ(dg, "");
	CHECK_INT_EQ(rc, 0);
	check_every_chunk_size("test/fixtures/csv/long.csv");
	free(got);
	free(dg);
}

TEST(a_wide_extract_reads_as_if_long)
{
	int rc;
	char *dg, *got = read_path("test/fixtures/csv/wide.csv", &rc, &dg);

	CHECK_STR_EQ(got,
	    "2:1 Anyshire|E06000001|North East|CSC-012|2017-18(2017-18)=21.5@2:39\n"
	    "2:1 Anyshire|E06000001|North East|CSC-012|2018-19(2018-19)=1234@2:45\n"
	    "3:1 Borough, The|E06000002|North East|CSC-012|2017-18(2017-18)=[]@3:45\n"
	    "3:1 Borough, The|E06000002|North East|CSC-012|2018-19(2018-19)=[x]@3:46\n"
	    "4:1 England|E92000001||CSC-012|2017-18(2017-18)=[..]@4:28\n"
	    "4:1 England|E92000001||CSC-012|2018-19(2018-19)=22@4:31\n");
	CHECK_STR_EQ(dg, "");
	CHECK_INT_EQ(rc, 0);
	check_every_chunk_size("test/fixtures/csv/wide.csv");
	free(got);
	free(dg);
}

TEST(an_excel_extract_with_bom_crlf_and_windows_1252_names_reads)
{
	int rc;
	char *dg, *got = read_path("test/fixtures/csv/excel.csv", &rc, &dg);

	/* 0xf1 n-tilde, 0x92 right quote, 0x96 en dash, 0xf4 o-circumflex */
	CHECK_STR_EQ(got,
	    "2:1 Pe\xc3\xb1" "a Vale|(null)|(null)|Children\xe2\x80\x99s "
	    "re-referrals|2018(2018)=12@2:40\n"
	    "3:1 Ynys \xe2\x80\x93 M\xc3\xb4n|(null)|(null)|Children\xe2\x80\x99s "
	    "re-referrals|2018(2018)=[low]@3:43\n");
	CHECK_STR_EQ(dg, "2:3:encoding: file is not UTF-8; read as "
	    "Windows-1252\n");
	CHECK_INT_EQ(rc, 0);
	check_every_chunk_size("test/fixtures/csv/excel.csv");
	free(got);
	free(dg);
}

TEST(bad_rows_are_reported_at_their_cell_and_the_rest_is_read)
{
	int rc;
	char *dg, *got = read_path("test/fixtures/csv/bad.csv", &rc, &dg);

	CHECK_STR_EQ(got,
	    "2:1 Anyshire|(null)|(null)|CSC-012|2018(2018)=12@2:23\n"
	    "9:1 Borough|(null)|(null)|CSC-012|2019(2019)=7@9:22\n");
	CHECK_STR_EQ(dg,
	    "3:23:csv-value: value 'abc' is not a number\n"
	    "4:18:csv-period: period '201x' is not a year (2018), span "
	    "(2018-19, 2018/19), rolling span (2014-16), quarter (2018Q2, Q2 "
	    "2018-19), month (2018-09), term (2023-24 spring term), week "
	    "(2024 week 37) or date (2018-09-30)\n"
	    "5:1:csv-row: row has 5 fields, the header has 4\n"
	    "6:1:csv-row: row has 2 fields, the header has 4\n"
	    "7:1:csv-row: row has no authority name or code\n"
	    "8:10:csv-row: row has no indicator\n");
	CHECK_INT_EQ(rc, 0);
	check_every_chunk_size("test/fixtures/csv/bad.csv");
	free(got);
	free(dg);
}

TEST(a_long_message_quotes_at_most_forty_bytes_of_the_value)
{
	const char in[] = "authority,indicator,period,value\n"
			  "A,I,2018,abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz\n";
	int rc;
	char *dg, *got = read_mem(in, sizeof in - 1, 0, &rc, &dg);

	CHECK_STR_EQ(dg, "2:10:csv-value: value "
	    "'abcdefghijklmnopqrstuvwxyzabcdefghijklmn...' is not a number\n");
	free(got);
	free(dg);
}

TEST(a_header_with_period_and_value_columns_is_long_and_ignores_period_named_columns)
{
	const char in[] = "LA,Measure,Time_Period,Figure,2019\n"
			  "A,I,2018Q2,5,9\n";
	int rc;
	char *dg, *got = read_mem(in, sizeof in - 1, 0, &rc, &dg);

	CHECK_STR_EQ(got, "2:1 A|(null)|(null)|I|2018Q2(2018Q2)=5@2:12\n");
	CHECK_STR_EQ(dg, "1:31:csv-header: column '2019' is ignored: the file "
	    "has period and value columns\n");
	CHECK_INT_EQ(rc, 0);
	free(got);
	free(dg);
}

/* The one error for a header that is no layout. */
#define NO_LAYOUT "1:1:csv-header: the header is not an extract layout: " \
	"long needs columns 'indicator' (or 'measure'), 'authority' (or " \
	"'la_name', 'la_code'), 'period' and 'value'; wide needs 'indicator', " \
	"'authority' and a column per period (2018, 2018-19, 2018Q2); EES " \
	"tidy data needs 'time_period', 'time_identifier' and " \
	"'geographic_level'; LAIT long needs 'Short Desc', 'Years', 'LA and " \
	"Regions' and 'Values'; a Fingertips export needs 'Indicator ID' (or " \
	"'Indicator Name'), 'Area Code', 'Area Type', 'Time period' and " \
	"'Value'\n"

TEST(a_header_without_an_indicator_column_stops_reading)
{
	const char in[] = "authority,period,value\nA,2018,5\n";
	int rc;
	char *dg, *got = read_mem(in, sizeof in - 1, 0, &rc, &dg);

	CHECK_STR_EQ(got, "");
	CHECK_STR_EQ(dg, NO_LAYOUT);
	CHECK_INT_EQ(rc, -1);
	free(got);
	free(dg);
}

TEST(a_header_without_periods_or_values_stops_reading)
{
	const char in[] = "authority,indicator,notes\nA,I,x\n";
	int rc;
	char *dg, *got = read_mem(in, sizeof in - 1, 0, &rc, &dg);

	CHECK_STR_EQ(got, "");
	CHECK_STR_EQ(dg, NO_LAYOUT);
	CHECK_INT_EQ(rc, -1);
	free(got);
	free(dg);
}

TEST(an_empty_file_is_an_error)
{
	int rc;
	char *dg, *got = read_mem("", 0, 0, &rc, &dg);

	CHECK_STR_EQ(dg, "0:0:csv-header: file is empty: an extract needs a "
	    "header row\n");
	CHECK_INT_EQ(rc, -1);
	free(got);
	free(dg);
}

TEST(a_missing_file_is_reported_and_fails)
{
	int rc;
	char *dg, *got = read_path("test/fixtures/csv/no-such.csv", &rc, &dg);

	CHECK_STR_EQ(dg, "0:0:unreadable: cannot open: No such file or "
	    "directory\n");
	CHECK_INT_EQ(rc, -1);
	free(got);
	free(dg);
}

TEST(dev_zero_is_refused_as_binary_without_hanging)
{
	int rc;
	char *dg, *got = read_path("/dev/zero", &rc, &dg);

	CHECK_STR_EQ(dg, "1:1:binary: file contains a NUL byte: it looks "
	    "binary, not like CSV text\n");
	CHECK_INT_EQ(rc, -1);
	free(got);
	free(dg);
}

TEST(a_directory_is_reported_and_fails)
{
	int rc;
	char *dg, *got = read_path("test/fixtures/csv", &rc, &dg);

	CHECK_STR_EQ(dg, "0:0:unreadable: is a directory, not a file\n");
	CHECK_INT_EQ(rc, -1);
	free(got);
	free(dg);
}

TEST(the_row_callback_can_stop_reading)
{
	struct out o = { 0 };
	se_diag *d = se_diag_new();
	se_extract *x = se_extract_new("x.csv", collect, &o, d);
	const char in[] = "LA,Measure,2017,2018\nA,I,1,2\nB,I,3,4\n";

	o.stop_after = 3;
	CHECK_INT_EQ(se_extract_feed(x, in, sizeof in - 1), -1);
	CHECK_INT_EQ(se_extract_finish(x), -1);
	CHECK_INT_EQ(o.rows, 3);
	se_extract_free(x);
	se_diag_free(d);
	free(o.s);
}

static const se_csv_field *
fields(const char *spec, size_t *n)
{
	static se_csv_field f[16];
	static char buf[256];
	char *p;

	snprintf(buf, sizeof buf, "%s", spec);
	*n = 0;
	for (p = buf; *n < 16;) {
		char *c = strchr(p, ',');
		f[*n].text = p;
		f[*n].len = c ? (size_t)(c - p) : strlen(p);
		(*n)++;
		if (!c)
			break;
		*c = '\0';
		p = c + 1;
	}
	return f;
}

static se_csv_kind
sniff(const char *spec)
{
	size_t n;
	const se_csv_field *f = fields(spec, &n);

	return se_csv_sniff(f, n);
}

TEST(sniff_tells_extracts_plans_neighbours_and_ratings_apart)
{
	CHECK_INT_EQ(sniff("la_name,indicator,year,value"), SE_CSV_EXTRACT);
	CHECK_INT_EQ(sniff("LA Code,Measure,2017,2018-19"), SE_CSV_EXTRACT);
	CHECK_INT_EQ(sniff("Priority,Action,Accountable officer,Timescale,"
			   "Evidence,Impact,Status"), SE_CSV_PLAN);
	CHECK_INT_EQ(sniff("ID,Priority,Action,Owner,Status"), SE_CSV_PLAN);
	CHECK_INT_EQ(sniff("authority,neighbour,rank"), SE_CSV_NEIGHBOURS);
	CHECK_INT_EQ(sniff("authority,indicator,period,value,previous,change,"
			   "direction,rank,of,quartile,comparator,"
			   "comparator_source,rag,reason"), SE_CSV_RATINGS);
	CHECK_INT_EQ(sniff("authority,indicator,notes"), SE_CSV_UNKNOWN);
	CHECK_INT_EQ(sniff("name,age"), SE_CSV_UNKNOWN);
	CHECK_INT_EQ(sniff("indicator,period,value"), SE_CSV_UNKNOWN);
}

TEST(england_is_known_by_name_or_code)
{
	CHECK(se_is_england("England", NULL));
	CHECK(se_is_england(" ENGLAND ", NULL));
	CHECK(se_is_england(NULL, "E92000001"));
	CHECK(se_is_england("Anyshire", "E92000001"));
	CHECK(!se_is_england("New England", NULL));
	CHECK(!se_is_england("Anyshire", "E06000001"));
	CHECK(!se_is_england(NULL, NULL));
}

TEST(regions_are_known_by_name_variants_or_code)
{
	CHECK_INT_EQ(se_region_code("North East"), 1);
	CHECK_INT_EQ(se_region_code("north west"), 2);
	CHECK_INT_EQ(se_region_code("Yorkshire and The Humber"), 3);
	CHECK_INT_EQ(se_region_code("Yorkshire & Humber"), 3);
	CHECK_INT_EQ(se_region_code("Yorkshire and the Humber region"), 3);
	CHECK_INT_EQ(se_region_code("EAST MIDLANDS"), 4);
	CHECK_INT_EQ(se_region_code("West Midlands"), 5);
	CHECK_INT_EQ(se_region_code("East of England"), 6);
	CHECK_INT_EQ(se_region_code("East"), 6);
	CHECK_INT_EQ(se_region_code("Eastern"), 6);
	CHECK_INT_EQ(se_region_code("London"), 7);
	CHECK_INT_EQ(se_region_code("South-East"), 8);
	CHECK_INT_EQ(se_region_code(" South West "), 9);
	CHECK_INT_EQ(se_region_code("E12000001"), 1);
	CHECK_INT_EQ(se_region_code("e12000009"), 9);
	CHECK_INT_EQ(se_region_code("E12000010"), 0);
	CHECK_INT_EQ(se_region_code("E12000000"), 0);
	CHECK_INT_EQ(se_region_code("Inner London"), 0);
	CHECK_INT_EQ(se_region_code("Anyshire"), 0);
	CHECK_INT_EQ(se_region_code("England"), 0);
	CHECK_INT_EQ(se_region_code(""), 0);
	CHECK_INT_EQ(se_region_code(NULL), 0);
}

static int
count(void *ctx, const se_row *r)
{
	size_t *n = ctx;

	(*n) += r->has_value;
	return 0;
}

TEST(a_wide_header_of_a_million_period_columns_is_linear)
{
	size_t n = 1000000, i, k = 0, rows = 0;
	char *in = malloc(n * 11 + 64);
	se_diag *d = se_diag_new();
	se_extract *x = se_extract_new("x.csv", count, &rows, d);
	clock_t t0;
	double secs;

	k += (size_t)snprintf(in, 64, "la,indicator");
	for (i = 0; i < n; i++)
		k += (size_t)snprintf(in + k, 12, ",%04zu-%02zu", 1000 + i % 8000,
		    (1000 + i % 8000 + 1) % 100);
	k += (size_t)snprintf(in + k, 64, "\nA,I\n");
	t0 = clock();
	CHECK_INT_EQ(se_extract_feed(x, in, k), 0);
	CHECK_INT_EQ(se_extract_finish(x), 0);
	secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	printf("# 1,000,000 period columns in %.3f s\n", secs);
	CHECK(secs < 4.0 * unit_slow());
	CHECK_INT_EQ(rows, 0);
	/* the short row is reported, not read */
	CHECK_INT_EQ(se_diag_count(d, SE_ERROR), 1);
	se_extract_free(x);
	se_diag_free(d);
	free(in);
}

/* hostile.sh found se-rag waiting for ever on a FIFO nobody writes to. */
TEST(a_fifo_without_a_writer_reads_as_empty_without_blocking)
{
	char path[64];
	se_diag *d = se_diag_new();
	unsigned long n = 0;
	int rc;

	snprintf(path, sizeof path, "/tmp/se-test-fifo-%ld", (long)getpid());
	unlink(path);
	CHECK_INT_EQ(mkfifo(path, 0600), 0);
	rc = se_extract_read(path, count_rows, &n, d);
	CHECK_INT_EQ(rc, -1);
	CHECK_INT_EQ(n, 0);
	CHECK_INT_EQ(se_diag_len(d), 1);
	CHECK_STR_EQ(se_diag_get(d, 0)->rule, "csv-header");
	unlink(path);
	se_diag_free(d);
}

int
main(void)
{
	RUN(a_long_extract_gives_one_row_per_value_with_its_cell);
	RUN(a_wide_extract_reads_as_if_long);
	RUN(an_excel_extract_with_bom_crlf_and_windows_1252_names_reads);
	RUN(bad_rows_are_reported_at_their_cell_and_the_rest_is_read);
	RUN(a_long_message_quotes_at_most_forty_bytes_of_the_value);
	RUN(a_header_with_period_and_value_columns_is_long_and_ignores_period_named_columns);
	RUN(a_header_without_an_indicator_column_stops_reading);
	RUN(a_header_without_periods_or_values_stops_reading);
	RUN(an_empty_file_is_an_error);
	RUN(a_missing_file_is_reported_and_fails);
	RUN(dev_zero_is_refused_as_binary_without_hanging);
	RUN(a_directory_is_reported_and_fails);
	RUN(the_row_callback_can_stop_reading);
	RUN(sniff_tells_extracts_plans_neighbours_and_ratings_apart);
	RUN(england_is_known_by_name_or_code);
	RUN(regions_are_known_by_name_variants_or_code);
	RUN(a_wide_header_of_a_million_period_columns_is_linear);
	RUN(a_fifo_without_a_writer_reads_as_empty_without_blocking);
	return DONE();
}
