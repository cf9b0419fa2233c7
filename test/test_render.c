#include "se.h"
#include "internal.h"
#include "unit.h"

#include <stdlib.h>
#include <string.h>

static char *
wrapped(const char *text, size_t width)
{
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);

	se_text_wrap(f, text, strlen(text), width);
	fclose(f);
	return out;
}

TEST(a_long_line_wraps_at_words_under_its_value)
{
	char *got = wrapped("  Action               Audit forty re-referrals "
	    "and report the findings to the board.\nshort\n", 50);

	CHECK_STR_EQ(got, "  Action               Audit forty re-referrals\n"
	    "                       and report the findings to\n"
	    "                       the board.\nshort\n");
	free(got);
}

TEST(a_list_item_wraps_under_its_text_and_a_long_word_stays_whole)
{
	char *got = wrapped("1. Offer early help to every family "
	    "https://example.org/a/very/long/address/that/does/not/fit\n", 30);

	CHECK_STR_EQ(got, "1. Offer early help to every\n   family\n"
	    "   https://example.org/a/very/long/address/that/does/not/fit\n");
	free(got);
}

TEST(width_zero_writes_the_text_as_it_is)
{
	const char *t = "a line far longer than any terminal would be, kept\n";
	char *got = wrapped(t, 0);

	CHECK_STR_EQ(got, t);
	free(got);
}

TEST(columns_sets_the_width_and_a_pipe_without_it_has_none)
{
	setenv("COLUMNS", "72", 1);
	CHECK_INT_EQ((int)se_text_width(-1), 72);
	setenv("COLUMNS", "wide", 1);
	CHECK_INT_EQ((int)se_text_width(-1), 0);
	unsetenv("COLUMNS");
	CHECK_INT_EQ((int)se_text_width(-1), 0);
}

TEST(one_markdown_escaper_keeps_text_text)
{
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);

	se_md_put(f, "a|b *c* <i>&x;\nnext", true);
	se_md_put(f, "\nline", false);
	fclose(f);
	CHECK_STR_EQ(out, "a\\|b \\*c\\* \\<i\\>\\&x; next\nline");
	free(out);
}

int
main(void)
{
	RUN(a_long_line_wraps_at_words_under_its_value);
	RUN(a_list_item_wraps_under_its_text_and_a_long_word_stays_whole);
	RUN(width_zero_writes_the_text_as_it_is);
	RUN(columns_sets_the_width_and_a_pipe_without_it_has_none);
	RUN(one_markdown_escaper_keeps_text_text);
	return DONE();
}
