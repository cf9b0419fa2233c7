/* test_theme.c: one theme however its authors spell it (lib/theme.c). */
#include "se.h"
#include "internal.h"
#include "unit.h"

#include <string.h>

static void
key_is(const char *name, const char *want)
{
	se_buf b;

	se_buf_init(&b);
	se_theme_key(&b, name, strlen(name));
	CHECK_STR_EQ(se_buf_str(&b), want);
	se_buf_release(&b);
}

TEST(case_spaces_and_hyphens_fold_to_one_key)
{
	key_is("Edge of care", "edge of care");
	key_is("edge-of-care", "edge of care");
	key_is("  EDGE  OF - CARE. ", "edge of care");
	key_is("Edge_of_care", "edge of care");
}

TEST(spellings_of_one_theme_are_the_same_theme)
{
	CHECK(se_theme_same("Edge of care", "edge-of-care"));
	CHECK(se_theme_same("EDGE-OF-CARE", "edge of care"));
}

TEST(near_misses_are_other_themes)
{
	/* a letter more, a word run together, a word left out */
	CHECK(!se_theme_same("Edge of care", "Edge of carers"));
	CHECK(!se_theme_same("Edge of care", "Edgeofcare"));
	CHECK(!se_theme_same("Edge of care", "Edge care"));
}

TEST(a_name_of_only_punctuation_has_an_empty_key)
{
	key_is("--", "");
	key_is("", "");
}

int
main(void)
{
	RUN(case_spaces_and_hyphens_fold_to_one_key);
	RUN(spellings_of_one_theme_are_the_same_theme);
	RUN(near_misses_are_other_themes);
	RUN(a_name_of_only_punctuation_has_an_empty_key);
	return DONE();
}
