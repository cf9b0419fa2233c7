/* test_escape.c: escaping text taken from input for each output syntax. */
#include "se.h"
#include "internal.h"
#include "unit.h"

#include <stdlib.h>

typedef int (*put_fn)(FILE *, const char *);

/* What 'put' writes for 's', in a malloc'ed string (caller frees). */
static char *
render(put_fn put, const char *s, int *ret)
{
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);

	*ret = put(f, s);
	fclose(f);
	return out;
}

static char *
render_csv(const char *s, bool is_number)
{
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);

	se_csv_put(f, s, is_number);
	fclose(f);
	return out;
}

/* The same cell as the middle one of a row built by se_csv_add_row:
 * "x," then the cell then ",y\n". */
static char *
add_csv(const char *s, bool is_number)
{
	const char *cells[3] = { "x", s, "y" };
	const bool num[3] = { false, is_number, false };
	se_buf b;
	char *p;
	size_t len;

	se_buf_init(&b);
	se_csv_add_row(&b, cells, num, 3);
	len = b.len;
	p = se_buf_take(&b);
	if (len >= 4 && strcmp(p + len - 3, ",y\n") == 0)
		p[len - 3] = '\0';
	return p;
}

#define CHECK_PUT(put, in, want)                                          \
	do {                                                              \
		int r_;                                                   \
		char *got_ = render(put, in, &r_);                        \
		CHECK_STR_EQ(got_, want);                                 \
		CHECK_INT_EQ(r_, 0);                                      \
		free(got_);                                               \
	} while (0)

#define CHECK_CSV(in, num, want)                                          \
	do {                                                              \
		char *got_ = render_csv(in, num);                         \
		char *add_ = add_csv(in, num);                            \
		CHECK_STR_EQ(got_, want);                                 \
		CHECK(strncmp(add_, "x,", 2) == 0);                       \
		CHECK_STR_EQ(add_ + 2, want);                             \
		free(got_);                                               \
		free(add_);                                               \
	} while (0)

TEST(csv_neutralises_a_formula_cell_with_a_quote)
{
	CHECK_CSV("=cmd|' /C calc'!A0", false, "'=cmd|' /C calc'!A0");
	CHECK_CSV("@SUM(1)", false, "'@SUM(1)");
	CHECK_CSV("+44 115", false, "'+44 115");
}

TEST(csv_neutralises_text_starting_with_minus_but_not_a_number)
{
	CHECK_CSV("-2+3", false, "'-2+3");
	CHECK_CSV("-2.5", true, "-2.5");
	CHECK_CSV("+1", true, "+1");
}

TEST(csv_neutralises_a_leading_tab_or_carriage_return)
{
	CHECK_CSV("\t", false, "'\t");
	CHECK_CSV("\t=1", false, "'\t=1");
	CHECK_CSV("\r=1", false, "\"'\r=1\"");
}

TEST(csv_quotes_commas_quotes_and_newlines)
{
	CHECK_CSV("Anyshire, North", false, "\"Anyshire, North\"");
	CHECK_CSV("say \"no\"", false, "\"say \"\"no\"\"\"");
	CHECK_CSV("line 1\nline 2", false, "\"line 1\nline 2\"");
	CHECK_CSV("=A1,B1", false, "\"'=A1,B1\"");
	CHECK_CSV("\"", false, "\"\"\"\"");
	CHECK_CSV("a\"\"b\"", false, "\"a\"\"\"\"b\"\"\"");
}

TEST(csv_leaves_plain_cells_and_empty_cells_alone)
{
	CHECK_CSV("Re-referrals (%)", false, "Re-referrals (%)");
	CHECK_CSV("", false, "");
	CHECK_CSV(NULL, false, "");
	CHECK_CSV("it's", false, "it's");
}

/* Cells longer than se_csv_add_row's staging area, and many of them. */
TEST(csv_row_is_the_cells_as_csv_put_writes_them_joined)
{
	static const size_t lens[] = { 0, 1, 100, 511, 512, 513, 600, 1500 };
	const char *cells[40];
	bool num[40];
	char *text[40], *want = NULL, *got;
	size_t i, j, wlen = 0;
	FILE *f = open_memstream(&want, &wlen);
	se_buf b;

	for (i = 0; i < 40; i++) {
		size_t n = lens[i % 8];
		text[i] = malloc(n + 1);
		for (j = 0; j < n; j++)
			text[i][j] = i % 3 == 0 && j % 7 == 3 ? '"' :
			    i % 5 == 0 && j == n / 2 ? ',' : (char)('a' + j % 26);
		text[i][n] = '\0';
		if (i % 4 == 1)
			text[i][0] = n ? '-' : '\0';
		cells[i] = i == 39 ? NULL : text[i];
		num[i] = i % 8 == 1;
		se_csv_put(f, cells[i], num[i]);
		fputc(i + 1 < 40 ? ',' : '\n', f);
	}
	fclose(f);
	se_buf_init(&b);
	se_buf_adds(&b, "head\n");
	se_csv_add_row(&b, cells, num, 40);
	got = se_buf_take(&b);
	CHECK(strncmp(got, "head\n", 5) == 0);
	CHECK_STR_EQ(got + 5, want);
	free(got);
	free(want);
	for (i = 0; i < 40; i++)
		free(text[i]);
}

TEST(html_escapes_markup_and_both_quotes)
{
	CHECK_PUT(se_html_put, "<script>alert('x')</script>",
	    "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
	CHECK_PUT(se_html_put, "a & \"b\"", "a &amp; &quot;b&quot;");
	CHECK_PUT(se_html_put, "Caf\xc3\xa9", "Caf\xc3\xa9");
	CHECK_PUT(se_html_put, "", "");
}

TEST(json_quotes_and_escapes_quotes_backslashes_and_controls)
{
	CHECK_PUT(se_json_put, "a\"b\\c", "\"a\\\"b\\\\c\"");
	CHECK_PUT(se_json_put, "1\n2\t3\r", "\"1\\n2\\t3\\r\"");
	CHECK_PUT(se_json_put, "\x1b[31m\x01\x7f", "\"\\u001b[31m\\u0001\\u007f\"");
	CHECK_PUT(se_json_put, "", "\"\"");
	/* what YAML may not hold raw, or folds as a line break */
	CHECK_PUT(se_json_put, "\xc2\x80\xc2\x85\xc2\x9f\xc2\xa0",
	    "\"\\u0080\\u0085\\u009f\xc2\xa0\"");
	CHECK_PUT(se_json_put, "\xe2\x80\xa8\xe2\x80\xa9\xef\xbf\xbe\xef\xbf\xbf",
	    "\"\\u2028\\u2029\\ufffe\\uffff\"");
	CHECK_PUT(se_json_put, NULL, "\"\"");
}

TEST(json_keeps_valid_utf8_as_it_is)
{
	CHECK_PUT(se_json_put, "Caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80",
	    "\"Caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\"");
}

TEST(json_replaces_each_invalid_utf8_byte_with_u_fffd)
{
	CHECK_PUT(se_json_put, "a\xff", "\"a\xef\xbf\xbd\"");
	/* overlong '/', a surrogate, a truncated sequence at the end */
	CHECK_PUT(se_json_put, "\xc0\xaf", "\"\xef\xbf\xbd\xef\xbf\xbd\"");
	CHECK_PUT(se_json_put, "\xed\xa0\x80",
	    "\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\"");
	CHECK_PUT(se_json_put, "\xe2\x82", "\"\xef\xbf\xbd\xef\xbf\xbd\"");
	CHECK_PUT(se_json_put, "\xf4\x90\x80\x80",
	    "\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\"");
}

TEST(text_shows_an_escape_sequence_instead_of_sending_it)
{
	CHECK_PUT(se_text_put, "\x1b[31mred\x1b[0m", "\\x1b[31mred\\x1b[0m");
	CHECK_PUT(se_text_put, "bell\x07 del\x7f", "bell\\x07 del\\x7f");
}

TEST(text_shows_c1_controls_and_invalid_bytes)
{
	CHECK_PUT(se_text_put, "\xc2\x9b" "2J", "\\u009b2J");
	CHECK_PUT(se_text_put, "\xc2\x85", "\\u0085");
	CHECK_PUT(se_text_put, "bad\xff\xfe", "bad\\xff\\xfe");
	CHECK_PUT(se_text_put, "\xc2\xa0\xc3\xa9", "\xc2\xa0\xc3\xa9");
}

TEST(text_keeps_newlines_and_tabs_and_doubles_backslashes)
{
	CHECK_PUT(se_text_put, "a\tb\nc", "a\tb\nc");
	CHECK_PUT(se_text_put, "C:\\data", "C:\\\\data");
}

TEST(text_line_escapes_newlines_and_tabs_too)
{
	CHECK_PUT(se_text_put_line, "a\tb\nc\r", "a\\tb\\nc\\x0d");
}

TEST(escapers_report_a_failed_write)
{
	FILE *f = fopen("/dev/null", "r"); /* not open for writing */

	CHECK(f != NULL);
	if (!f)
		return;
	CHECK_INT_EQ(se_json_put(f, "x"), -1);
	CHECK_INT_EQ(se_html_put(f, "x"), -1);
	CHECK_INT_EQ(se_text_put(f, "x"), -1);
	CHECK_INT_EQ(se_csv_put(f, "x", false), -1);
	fclose(f);
}

int
main(void)
{
	RUN(csv_neutralises_a_formula_cell_with_a_quote);
	RUN(csv_neutralises_text_starting_with_minus_but_not_a_number);
	RUN(csv_neutralises_a_leading_tab_or_carriage_return);
	RUN(csv_quotes_commas_quotes_and_newlines);
	RUN(csv_leaves_plain_cells_and_empty_cells_alone);
	RUN(csv_row_is_the_cells_as_csv_put_writes_them_joined);
	RUN(html_escapes_markup_and_both_quotes);
	RUN(json_quotes_and_escapes_quotes_backslashes_and_controls);
	RUN(json_keeps_valid_utf8_as_it_is);
	RUN(json_replaces_each_invalid_utf8_byte_with_u_fffd);
	RUN(text_shows_an_escape_sequence_instead_of_sending_it);
	RUN(text_shows_c1_controls_and_invalid_bytes);
	RUN(text_keeps_newlines_and_tabs_and_doubles_backslashes);
	RUN(text_line_escapes_newlines_and_tabs_too);
	RUN(escapers_report_a_failed_write);
	return DONE();
}
