/* test_csv.c: the streaming CSV reader (lib/csv.c). */
#include "internal.h"
#include "se.h"
#include "unit.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Records rendered as "line:col=text|line:col=text" one per line, so a
 * whole read compares as one string. */
struct out {
	char *s;
	size_t len, cap;
	size_t records, fields_max;
	int stop_after; /* stop after this many records (0: never) */
};

static void
out_add(struct out *o, const char *s, size_t n)
{
	if (o->len + n + 1 > o->cap) {
		o->cap = (o->len + n + 1) * 2;
		o->s = realloc(o->s, o->cap);
	}
	memcpy(o->s + o->len, s, n);
	o->len += n;
	o->s[o->len] = '\0';
}

static int
collect(void *ctx, const se_csv_field *f, size_t n, unsigned line)
{
	struct out *o = ctx;
	char num[64];
	size_t i;

	snprintf(num, sizeof num, "%u>", line);
	out_add(o, num, strlen(num));
	for (i = 0; i < n; i++) {
		snprintf(num, sizeof num, "%s%u:%u=", i ? "|" : "", f[i].line,
		    f[i].col);
		out_add(o, num, strlen(num));
		out_add(o, f[i].text, f[i].len);
		if (strlen(f[i].text) != f[i].len)
			out_add(o, "<NUL?>", 6);
	}
	out_add(o, "\n", 1);
	o->records++;
	if (n > o->fields_max)
		o->fields_max = n;
	if (o->stop_after && (int)o->records == o->stop_after)
		return -1;
	return 0;
}

/* Diagnostics rendered as "line:col:rule;" in order (free it). */
static char *
diags(se_diag *d)
{
	se_buf b;
	size_t i;

	char *t;

	se_buf_init(&b);
	for (i = 0; i < se_diag_len(d); i++) {
		const se_diag_item *it = se_diag_get(d, i);
		se_buf_addf(&b, "%u:%u:%s;", it->line, it->col, it->rule);
	}
	t = se_buf_take(&b);
	return t ? t : strdup("");
}

/* Read 'in' fed in pieces of 'chunk' bytes (0: whole); returns the
 * records and sets *rc to the result of the last call, *diag to the
 * diagnostics. */
/* Read with the scanner only (no fast path): see csv.c. */
static bool exact_path;
/* Read as a stream (csvstream.c) in chunks of 'chunk' bytes, read ahead
 * by this many helper threads (-1: fed with se_csv_feed). */
static int stream_helpers = -1;
/* The callback stops reading after this many records (0: never). */
static int stop_records;

static char *
read_csv(const char *in, size_t len, size_t chunk, int *rc, char **dg)
{
	struct out o = { 0 };
	se_diag *d = se_diag_new();
	se_csv *c = se_csv_new("t.csv", collect, &o, d);
	size_t i;
	int r = 0;

	o.stop_after = stop_records;
	se_csv_set_exact(c, exact_path);
	if (!chunk)
		chunk = len ? len : 1;
	if (stream_helpers >= 0) {
		/* (fmemopen of nothing is an error) */
		FILE *fp = len ? fmemopen((void *)in, len, "rb") :
		    fopen("/dev/null", "rb");
		r = se_csv_feed_stream(c, fp, chunk, stream_helpers);
		fclose(fp);
	}
	for (i = 0; i < len && r == 0 && stream_helpers < 0; i += chunk)
		r = se_csv_feed(c, in + i, len - i < chunk ? len - i : chunk);
	if (r == 0)
		r = se_csv_finish(c);
	if (rc)
		*rc = r;
	if (dg)
		*dg = diags(d);
	se_csv_free(c);
	se_diag_free(d);
	if (!o.s)
		o.s = strdup("");
	return o.s;
}

/* Every chunk size from 1 to the whole gives the same records, the same
 * positions and the same diagnostics (like libcsv's own test_csv.c), on
 * the fast path, on the scanner alone, and read as a stream with lines
 * read ahead by 0, 1 or 2 helper threads. */
static int
same_in_every_chunk_size(const char *in, size_t len, const char *want,
    const char *want_diag)
{
	size_t k;
	int bad = 0, e;

	for (e = 0; e < 5; e++) {
		exact_path = e == 1;
		stream_helpers = e >= 2 ? e - 2 : -1;
		for (k = 1; k <= len + 1; k++) {
			int rc;
			char *dg, *got = read_csv(in, len, k, &rc, &dg);
			if (strcmp(got, want) != 0 ||
			    strcmp(dg, want_diag) != 0) {
				if (!bad)
					printf("# %s, chunk %zu:\n# got  %s"
					    "# diag %s\n", e == 0 ? "fast" :
					    e == 1 ? "exact" : "stream", k, got,
					    dg);
				bad++;
			}
			free(got);
			free(dg);
		}
	}
	exact_path = false;
	stream_helpers = -1;
	return bad;
}

#define CHECK_READ(in, want, want_diag)                                   \
	do {                                                              \
		char *dg_, *got_ = read_csv(in, sizeof(in) - 1, 0, NULL, &dg_); \
		CHECK_STR_EQ(got_, want);                                 \
		CHECK_STR_EQ(dg_, want_diag);                             \
		CHECK_INT_EQ(same_in_every_chunk_size(in, sizeof(in) - 1, \
		    want, want_diag), 0);                                 \
		free(got_);                                               \
		free(dg_);                                                \
	} while (0)

TEST(plain_records_have_each_field_position)
{
	CHECK_READ("a,bb,c\n1,22,333\n",
	    "1>1:1=a|1:3=bb|1:6=c\n2>2:1=1|2:3=22|2:6=333\n", "");
}

TEST(bom_and_crlf_are_skipped_and_lines_counted_once)
{
	CHECK_READ("\xef\xbb\xbf" "la,value\r\nAnyshire,12\r\n\r\nBorough,3\r\n",
	    "1>1:1=la|1:4=value\n2>2:1=Anyshire|2:10=12\n"
	    "4>4:1=Borough|4:9=3\n", "");
}

TEST(a_lone_bom_prefix_is_text)
{
	CHECK_READ("\xef\xbb" "a\n", "1>1:1=\xc3\xaf\xc2\xbb" "a\n",
	    "1:1:encoding;");
}

TEST(quoted_fields_keep_commas_quotes_and_newlines)
{
	CHECK_READ("name,note\n\"Smith, J\",\"said \"\"hi\"\"\nthen\r\nleft\"\n"
		   "x,\"y\"\nlast,z",
	    "1>1:1=name|1:6=note\n"
	    "2>2:1=Smith, J|2:12=said \"hi\"\nthen\r\nleft\n"
	    "5>5:1=x|5:3=y\n6>6:1=last|6:6=z\n", "");
}

TEST(leading_spaces_are_skipped_and_trailing_spaces_of_unquoted_dropped)
{
	CHECK_READ("  a , \"b \" ,c\n", "1>1:3=a|1:7=b |1:13=c\n", "");
}

/* Lines the fast path takes next to lines it leaves to the scanner:
 * doubled quotes, spaces around quoted and unquoted fields, a quote fault
 * after good lines, a record over two lines, a lone CR inside a line, a
 * CRLF, a tab, a non-ASCII line, and good lines after each. */
TEST(the_fast_path_and_the_scanner_agree_line_by_line)
{
	CHECK_READ("a,\"b \"\"q\"\" c\",d\n"
		   " x ,\t\"y\"  , z \n"
		   "p,q\"r,s\n"
		   "ok,1\n"
		   "\"two\nlines\",2\n"
		   "m,n\ro,p\n"
		   "e,f\r\n"
		   "\xc3\xa9,g\n"
		   "\"t\"u,v\n"
		   "last,3\n",
	    "1>1:1=a|1:3=b \"q\" c|1:15=d\n"
	    "2>2:2=x|2:6=y|2:13=z\n"
	    "4>4:1=ok|4:4=1\n"
	    "5>5:1=two\nlines|6:8=2\n"
	    "7>7:1=m|7:3=n\n"
	    "8>8:1=o|8:3=p\n"
	    "9>9:1=e|9:3=f\n"
	    "10>10:1=\xc3\xa9|10:3=g\n"
	    "12>12:1=last|12:6=3\n",
	    "3:4:csv-quote;11:4:csv-quote;");
}

TEST(empty_fields_are_fields_and_blank_lines_are_skipped)
{
	CHECK_READ("a,,b,\n\n   \n,\n", "1>1:1=a|1:3=|1:4=b|1:6=\n"
	    "4>4:1=|4:2=\n", "");
}

/* The fast path keeps a copy of its line for the fields' text: a blank
 * line it takes leaves nothing behind for the scanner's next record, and
 * a field after a quoted one on the same line is its own text. */
TEST(fields_after_blank_and_quoted_fields_on_the_fast_path_are_their_own)
{
	CHECK_READ("a,b\n\n\xc3\xa9,c\n  \n\"x\ny\",z\n\"p,q\",r,,s\n",
	    "1>1:1=a|1:3=b\n"
	    "3>3:1=\xc3\xa9|3:3=c\n"
	    "5>5:1=x\ny|6:4=z\n"
	    "7>7:1=p,q|7:7=r|7:9=|7:10=s\n", "");
}

TEST(a_trailing_comma_at_the_end_of_the_file_makes_an_empty_field)
{
	CHECK_READ("a,", "1>1:1=a|1:3=\n", "");
}

TEST(utf8_columns_count_characters_not_bytes)
{
	CHECK_READ("Pe\xc3\xb1" "a,\xe2\x82\xac" "5,x\n",
	    "1>1:1=Pe\xc3\xb1" "a|1:6=\xe2\x82\xac" "5|1:9=x\n", "");
}

TEST(windows_1252_is_converted_with_one_warning)
{
	/* 0xf1 n-tilde, 0x92 right single quote, 0x80 euro */
	CHECK_READ("la,note\nPe\xf1" "a,Children\x92s \x80" "5\nA\xe9,b\n",
	    "1>1:1=la|1:4=note\n"
	    "2>2:1=Pe\xc3\xb1" "a|2:6=Children\xe2\x80\x99s \xe2\x82\xac" "5\n"
	    "3>3:1=A\xc3\xa9|3:4=b\n",
	    "2:3:encoding;");
}

TEST(utf8_before_the_first_invalid_byte_is_kept_as_utf8)
{
	CHECK_READ("\xc3\xa9,x\n\xe9,y\n",
	    "1>1:1=\xc3\xa9|1:3=x\n2>2:1=\xc3\xa9|2:3=y\n", "2:1:encoding;");
}

TEST(a_truncated_utf8_sequence_at_the_end_is_windows_1252)
{
	CHECK_READ("a,\xe2\x82", "1>1:1=a|1:3=\xc3\xa2\xe2\x80\x9a\n",
	    "1:3:encoding;");
}

TEST(a_quote_inside_an_unquoted_field_skips_the_row_and_reading_goes_on)
{
	CHECK_READ("a,b\n5'2\",x\nc,d\n", "1>1:1=a|1:3=b\n3>3:1=c|3:3=d\n",
	    "2:4:csv-quote;");
}

TEST(text_after_a_closing_quote_skips_the_row)
{
	CHECK_READ("\"ab\"c,d\n\"ok\" ,e\n\"x\" \"\n1,2\n",
	    "2>2:1=ok|2:7=e\n4>4:1=1|4:3=2\n",
	    "1:5:csv-quote;3:5:csv-quote;");
}

TEST(an_unterminated_quote_is_reported_at_the_line_where_it_opened)
{
	CHECK_READ("a,b\nc,\"d\ne\nf\n", "1>1:1=a|1:3=b\n",
	    "2:3:csv-quote;");
}

TEST(a_nul_byte_stops_reading_as_binary)
{
	const char in[] = "a,b\nc\0d\ne,f\n";
	int rc;
	char *dg, *got = read_csv(in, sizeof in - 1, 0, &rc, &dg);

	CHECK_STR_EQ(got, "1>1:1=a|1:3=b\n");
	CHECK_STR_EQ(dg, "2:2:binary;");
	CHECK_INT_EQ(rc, -1);
	free(got);
	free(dg);
}

TEST(the_callback_can_stop_reading)
{
	struct out o = { 0 };
	se_diag *d = se_diag_new();
	se_csv *c = se_csv_new("t.csv", collect, &o, d);
	const char in[] = "a\nb\nc\n";

	o.stop_after = 2;
	CHECK_INT_EQ(se_csv_feed(c, in, sizeof in - 1), -1);
	CHECK_INT_EQ(se_csv_feed(c, in, sizeof in - 1), -1);
	CHECK_INT_EQ(se_csv_finish(c), -1);
	CHECK_INT_EQ(o.records, 2);
	se_csv_free(c);
	se_diag_free(d);
	free(o.s);
}

/* A file of every kind of line the reader meets, 'lines' long, with a
 * byte that is not UTF-8 three quarters of the way if 'latin1'. */
static char *
mixed_file(size_t lines, bool latin1, size_t *len)
{
	se_buf b;
	uint32_t x = 12345;
	size_t i;

	se_buf_init(&b);
	for (i = 0; i < lines; i++) {
		x = x * 1103515245u + 12345u;
		if (latin1 && i == lines * 3 / 4) {
			se_buf_addf(&b, "Caf\xe9,latin1,%zu\n", i);
			continue;
		}
		switch ((x >> 16) % 24) {
		case 0:
			se_buf_addf(&b, "Any Borough,E09%06zu,12.5\r\n", i);
			break;
		case 1:
			se_buf_adds(&b, "\n");
			break;
		case 2:
			se_buf_addf(&b, "\"Nearshire, City of\",E1%zu,"
			    "\"3\"\"4\"\n", i);
			break;
		case 3:
			se_buf_addf(&b, "\"multi\nline %zu\",x,1\n", i);
			break;
		case 4:
			se_buf_addf(&b, "  spaced , y%zu ,2\n", i);
			break;
		case 5: /* a quote fault */
			se_buf_addf(&b, "bad\"quote,z%zu,3\n", i);
			break;
		case 6:
			se_buf_addf(&b, "Caf\xc3\xa9,\xc3\xa9%zu,4\n", i);
			break;
		case 7:
			se_buf_addf(&b, "cr only,a%zu,5\r", i);
			break;
		case 8: /* text after a closing quote */
			se_buf_addf(&b, "x,\"y\" z%zu,1\n", i);
			break;
		case 9:
			se_buf_addf(&b, "short,%zu\n", i);
			break;
		case 10: /* inside quotes, lines that look like records */
			se_buf_addf(&b, "\"quoted\nplain,looking,%zu\nlines"
			    "\",end\n", i);
			break;
		default:
			se_buf_addf(&b, "Plain %zu,E%zu,%zu\n", i, i, i % 97);
		}
	}
	*len = b.len;
	return se_buf_take(&b);
}

TEST(a_stream_read_ahead_by_other_threads_reads_the_same_records)
{
	size_t len, k, chunks[] = { 17, 64, 333, 4096 };
	int latin1, h, stop;

	for (latin1 = 0; latin1 < 2; latin1++) {
		char *in = mixed_file(4000, latin1, &len);
		for (stop = 0; stop < 2; stop++) {
			char *dg, *want, *got, *gdg;
			int rc, grc;
			stop_records = stop ? 1500 : 0;
			want = read_csv(in, len, 0, &rc, &dg);
			for (k = 0; k < sizeof chunks / sizeof chunks[0]; k++)
				for (h = 0; h < 3; h++) {
					stream_helpers = h;
					got = read_csv(in, len, chunks[k], &grc,
					    &gdg);
					stream_helpers = -1;
					CHECK_STR_EQ(got, want);
					CHECK_STR_EQ(gdg, dg);
					CHECK_INT_EQ(grc, rc);
					free(got);
					free(gdg);
				}
			free(want);
			free(dg);
		}
		free(in);
	}
	stop_records = 0;
}

TEST(an_empty_input_has_no_records)
{
	CHECK_READ("", "", "");
}

TEST(a_one_mebibyte_field_is_read_whole)
{
	size_t n = 1024 * 1024, i;
	char *in = malloc(n + 16), *want = malloc(n + 64), *got;
	int rc;

	memcpy(in, "x,\"", 3);
	for (i = 0; i < n; i++)
		in[3 + i] = (char)('a' + i % 26);
	memcpy(in + 3 + n, "\",y\nz\n", 6);
	/* y: after x , " (3), the field (n), " , (2): column n + 6 */
	memcpy(want, "1>1:1=x|1:3=", 12);
	memcpy(want + 12, in + 3, n);
	memcpy(want + 12 + n, "|1:1048582=y\n2>2:1=z\n", 22);
	got = read_csv(in, n + 9, 4096, &rc, NULL);
	CHECK_INT_EQ(rc, 0);
	CHECK(strcmp(got, want) == 0);
	free(got);
	got = read_csv(in, n + 9, 0, &rc, NULL);
	CHECK(strcmp(got, want) == 0);
	free(got);
	free(want);
	free(in);
}

TEST(old_mac_cr_line_ends_count_as_lines)
{
	CHECK_READ("a,b\rc,d\r\r\"e\rf\",g\rh\n",
	    "1>1:1=a|1:3=b\n2>2:1=c|2:3=d\n4>4:1=e\rf|5:4=g\n6>6:1=h\n", "");
}

/* Feed 'total' bytes of 'fill' after 'head' in 64 KiB pieces. */
static int
feed_long(se_csv *c, const char *head, char fill, size_t total)
{
	static char buf[65536];
	size_t done = 0;
	int r = se_csv_feed(c, head, strlen(head));

	memset(buf, fill, sizeof buf);
	while (r == 0 && done < total) {
		r = se_csv_feed(c, buf, sizeof buf);
		done += sizeof buf;
	}
	return r == 0 ? se_csv_finish(c) : r;
}

TEST(an_unclosed_quote_swallowing_16_mib_stops_at_the_quote)
{
	struct out o = { 0 };
	char *dd;
	se_diag *d = se_diag_new();
	se_csv *c = se_csv_new("t.csv", collect, &o, d);

	CHECK_INT_EQ(feed_long(c, "a,b\nc,\"", 'x', 17u << 20), -1);
	CHECK_STR_EQ(o.s, "1>1:1=a|1:3=b\n");
	dd = diags(d);
	CHECK_STR_EQ(dd, "2:3:csv-quote;");
	free(dd);
	CHECK_STR_EQ(se_diag_get(d, 0)->message, "quote opened here is not "
	    "closed within 16 MiB: is a closing quote missing?");
	se_csv_free(c);
	se_diag_free(d);
	free(o.s);
}

TEST(an_unquoted_field_over_16_mib_stops_reading)
{
	struct out o = { 0 };
	char *dd;
	se_diag *d = se_diag_new();
	se_csv *c = se_csv_new("t.csv", collect, &o, d);

	CHECK_INT_EQ(feed_long(c, "a\nb,", 'x', 17u << 20), -1);
	dd = diags(d);
	CHECK_STR_EQ(dd, "2:3:too-large;");
	free(dd);
	se_csv_free(c);
	se_diag_free(d);
	free(o.s);
}

static int
count_fields(void *ctx, const se_csv_field *f, size_t n, unsigned line)
{
	size_t *fields = ctx;

	(void)line;
	*fields += n;
	return strcmp(f[n - 1].text, "c999") == 0 && f[n - 1].col == 4889996
	    ? 0 : -1;
}

/* Sanitizers slow everything down several times; the bound is for an
 * optimised build. */
#if defined(__SANITIZE_ADDRESS__)
#define SLOW 8
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SLOW 8
#endif
#endif
#ifndef SLOW
#define SLOW 1
#endif

TEST(a_header_of_a_million_columns_is_read_in_linear_time)
{
	size_t n = 1000000, i, k = 0, fields = 0;
	char *in = malloc(n * 8 + 2);
	se_diag *d = se_diag_new();
	se_csv *c = se_csv_new("t.csv", count_fields, &fields, d);
	clock_t t0;
	double secs;

	for (i = 0; i < n; i++)
		k += (size_t)snprintf(in + k, 8, "c%zu,", i % 1000);
	in[k - 1] = '\n';
	t0 = clock();
	CHECK_INT_EQ(se_csv_feed(c, in, k), 0);
	CHECK_INT_EQ(se_csv_finish(c), 0);
	secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	printf("# 1,000,000 columns in %.3f s\n", secs);
	CHECK(secs < 0.25 * SLOW * unit_slow());
	CHECK_INT_EQ(fields, n);
	se_csv_free(c);
	se_diag_free(d);
	free(in);
}

int
main(void)
{
	RUN(plain_records_have_each_field_position);
	RUN(bom_and_crlf_are_skipped_and_lines_counted_once);
	RUN(a_lone_bom_prefix_is_text);
	RUN(quoted_fields_keep_commas_quotes_and_newlines);
	RUN(leading_spaces_are_skipped_and_trailing_spaces_of_unquoted_dropped);
	RUN(the_fast_path_and_the_scanner_agree_line_by_line);
	RUN(empty_fields_are_fields_and_blank_lines_are_skipped);
	RUN(fields_after_blank_and_quoted_fields_on_the_fast_path_are_their_own);
	RUN(a_trailing_comma_at_the_end_of_the_file_makes_an_empty_field);
	RUN(utf8_columns_count_characters_not_bytes);
	RUN(windows_1252_is_converted_with_one_warning);
	RUN(utf8_before_the_first_invalid_byte_is_kept_as_utf8);
	RUN(a_truncated_utf8_sequence_at_the_end_is_windows_1252);
	RUN(a_quote_inside_an_unquoted_field_skips_the_row_and_reading_goes_on);
	RUN(text_after_a_closing_quote_skips_the_row);
	RUN(an_unterminated_quote_is_reported_at_the_line_where_it_opened);
	RUN(a_nul_byte_stops_reading_as_binary);
	RUN(the_callback_can_stop_reading);
	RUN(a_stream_read_ahead_by_other_threads_reads_the_same_records);
	RUN(an_empty_input_has_no_records);
	RUN(old_mac_cr_line_ends_count_as_lines);
	RUN(a_one_mebibyte_field_is_read_whole);
	RUN(an_unclosed_quote_swallowing_16_mib_stops_at_the_quote);
	RUN(an_unquoted_field_over_16_mib_stops_reading);
	RUN(a_header_of_a_million_columns_is_read_in_linear_time);
	return DONE();
}
