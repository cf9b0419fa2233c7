/* test_utf8.c: the input check (lib/utf8.c). */
#include "internal.h"
#include "unit.h"

static char diagtext[1024];

/* The diagnostics as "line:col rule: message", one a line. */
static const char *
check(const char *buf, size_t len, int *r)
{
	se_diag *d = se_diag_new();
	size_t i, n = 0;

	*r = se_utf8_check("f.txt", buf, len, d);
	diagtext[0] = '\0';
	for (i = 0; i < se_diag_len(d); i++) {
		const se_diag_item *it = se_diag_get(d, i);
		n += (size_t)snprintf(diagtext + n, sizeof diagtext - n,
		    "%u:%u %s: %s\n", it->line, it->col, it->rule, it->message);
	}
	se_diag_free(d);
	return diagtext;
}

#define S(lit) lit, sizeof lit - 1

TEST(valid_utf8_passes_silently)
{
	int r;

	CHECK_STR_EQ(check(S("caf\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x98\x80\n"),
	    &r), "");
	CHECK_INT_EQ(r, 0);
	CHECK_STR_EQ(check(S(""), &r), "");
	CHECK_INT_EQ(r, 0);
}

TEST(a_utf8_byte_order_mark_is_allowed)
{
	int r;

	CHECK_STR_EQ(check(S("\xef\xbb\xbfkind: x\n"), &r), "");
	CHECK_INT_EQ(r, 0);
}

TEST(utf16_is_reported_without_a_position)
{
	int r;

	CHECK_STR_EQ(check(S("\xff\xfek\0"), &r),
	    "0:0 encoding: file is UTF-16, not UTF-8: save it as UTF-8\n");
	CHECK_INT_EQ(r, -1);
	CHECK_STR_EQ(check(S("\xfe\xff\0k"), &r),
	    "0:0 encoding: file is UTF-16, not UTF-8: save it as UTF-8\n");
}

TEST(an_invalid_byte_is_reported_at_its_line_and_character_column)
{
	int r;

	/* Latin-1 e-acute after two-byte characters on line 3. */
	CHECK_STR_EQ(check(S("a\nb\n\xc3\xa9\xc3\xa9x\xe9z\n"), &r),
	    "3:4 encoding: invalid UTF-8 byte 0xe9: save the file as UTF-8\n");
	CHECK_INT_EQ(r, -1);
}

TEST(a_lone_continuation_byte_is_invalid)
{
	int r;

	CHECK_STR_EQ(check(S("ab\x80"), &r),
	    "1:3 encoding: invalid UTF-8 byte 0x80: save the file as UTF-8\n");
}

TEST(overlong_forms_surrogates_and_too_high_code_points_are_invalid)
{
	int r;

	CHECK_STR_EQ(check(S("\xc0\xaf"), &r),
	    "1:1 encoding: invalid UTF-8 byte 0xc0: save the file as UTF-8\n");
	CHECK_STR_EQ(check(S("\xe0\x80\xaf"), &r),
	    "1:1 encoding: invalid UTF-8 byte 0xe0: save the file as UTF-8\n");
	CHECK_STR_EQ(check(S("x\xed\xa0\x80"), &r),
	    "1:2 encoding: invalid UTF-8 byte 0xed: save the file as UTF-8\n");
	CHECK_STR_EQ(check(S("\xf4\x90\x80\x80"), &r),
	    "1:1 encoding: invalid UTF-8 byte 0xf4: save the file as UTF-8\n");
	CHECK_STR_EQ(check(S("\xf5\x80\x80\x80"), &r),
	    "1:1 encoding: invalid UTF-8 byte 0xf5: save the file as UTF-8\n");
	CHECK_STR_EQ(check(S("\xf4\x8f\xbf\xbf"), &r), "");
}

TEST(a_sequence_cut_off_by_the_end_of_the_file_is_invalid)
{
	int r;

	CHECK_STR_EQ(check(S("ok \xe2\x80"), &r),
	    "1:4 encoding: invalid UTF-8 byte 0xe2: save the file as UTF-8\n");
	CHECK_INT_EQ(r, -1);
}

TEST(a_nul_byte_is_reported_as_binary)
{
	int r;

	CHECK_STR_EQ(check(S("one\r\ntwo\0"), &r),
	    "2:4 binary: NUL byte: this looks like a binary file, not text\n");
	CHECK_INT_EQ(r, -1);
}

TEST(lines_break_at_lf_crlf_and_lone_cr)
{
	int r;

	CHECK_STR_EQ(check(S("1\r\n2\r3\n4 \xff"), &r),
	    "4:3 encoding: invalid UTF-8 byte 0xff: save the file as UTF-8\n");
}

TEST(the_first_line_counts_columns_after_the_byte_order_mark)
{
	int r;

	CHECK_STR_EQ(check(S("\xef\xbb\xbf" "ab\xff"), &r),
	    "1:3 encoding: invalid UTF-8 byte 0xff: save the file as UTF-8\n");
}

TEST(only_the_first_fault_is_reported)
{
	int r;

	CHECK_STR_EQ(check(S("\xff\n\0\n\xfe"), &r),
	    "1:1 encoding: invalid UTF-8 byte 0xff: save the file as UTF-8\n");
}

TEST(columns_count_code_points)
{
	const char *s = "\xc3\xa9t\xc3\xa9 \xf0\x9f\x98\x80x";

	CHECK_INT_EQ(se_utf8_column(s, s), 1);
	CHECK_INT_EQ(se_utf8_column(s, s + 2), 2);
	CHECK_INT_EQ(se_utf8_column(s, s + 6), 5);
	CHECK_INT_EQ(se_utf8_column(s, s + 10), 6);
}

TEST(quoted_text_is_cut_between_characters)
{
	/* "é" is two bytes: a cut at 3 would split the second one */
	const char *s = "\xc3\xa9\xc3\xa9x";
	char long_text[60];

	CHECK_INT_EQ(se_utf8_cut(s, 5, 3), 2);
	CHECK_INT_EQ(se_utf8_cut(s, 5, 4), 4);
	CHECK_INT_EQ(se_utf8_cut(s, 5, 80), 5);
	CHECK_INT_EQ(se_utf8_cut(s, 4, 4), 4);
	memset(long_text, 'a', sizeof long_text);
	CHECK_INT_EQ(se_shown(long_text, sizeof long_text), 40);
	CHECK_INT_EQ(se_shown(long_text, 12), 12);
}

int
main(void)
{
	RUN(valid_utf8_passes_silently);
	RUN(a_utf8_byte_order_mark_is_allowed);
	RUN(utf16_is_reported_without_a_position);
	RUN(an_invalid_byte_is_reported_at_its_line_and_character_column);
	RUN(a_lone_continuation_byte_is_invalid);
	RUN(overlong_forms_surrogates_and_too_high_code_points_are_invalid);
	RUN(a_sequence_cut_off_by_the_end_of_the_file_is_invalid);
	RUN(a_nul_byte_is_reported_as_binary);
	RUN(lines_break_at_lf_crlf_and_lone_cr);
	RUN(the_first_line_counts_columns_after_the_byte_order_mark);
	RUN(only_the_first_fault_is_reported);
	RUN(columns_count_code_points);
	RUN(quoted_text_is_cut_between_characters);
	return DONE();
}
