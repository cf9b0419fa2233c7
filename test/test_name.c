/* test_name.c: names compared one way (lib/name.c). */
#include "internal.h"
#include "unit.h"

#include <string.h>

#define EQ(a, b, f) se_name_match(a, strlen(a), b, strlen(b), f)

TEST(case_and_runs_of_space_are_ignored_punctuation_is_not)
{
	CHECK(EQ("  North   Yorkshire\t", "north yorkshire", 0));
	CHECK(EQ("Dee City", "DEE CITY", 0));
	CHECK(!EQ("Dee-City", "Dee City", 0));
	CHECK(!EQ("DeeCity", "Dee City", 0));
	CHECK(se_same_name(" Chris  Placeholder ", "chris placeholder"));
}

TEST(with_words_punctuation_separates_and_apostrophes_and_dots_join)
{
	CHECK(EQ("Requires improvement to be good",
	    "requires-improvement-to-be-good", SE_NAME_WORDS));
	CHECK(EQ("N.I.", "ni", SE_NAME_WORDS));
	CHECK(EQ("Children's services", "childrens services", SE_NAME_WORDS));
	CHECK(EQ("employers\xe2\x80\x99 needs", "employers needs",
	    SE_NAME_WORDS));
	CHECK(!EQ("good", "goods", SE_NAME_WORDS));
	CHECK(se_name_eq("  Not started ", 14, "not-started"));
}

TEST(hash_agrees_with_equality)
{
	CHECK_INT_EQ(se_name_hash(" A  b ", 6) == se_name_hash("a B", 3), 1);
	CHECK_INT_EQ(se_name_hash("a-b", 3) == se_name_hash("a b", 3), 0);
}

int
main(void)
{
	RUN(case_and_runs_of_space_are_ignored_punctuation_is_not);
	RUN(with_words_punctuation_separates_and_apostrophes_and_dots_join);
	RUN(hash_agrees_with_equality);
	return DONE();
}
