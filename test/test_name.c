/* test_name.c: names compared one way (lib/name.c). */
#include "internal.h"
#include "unit.h"

#include <stdlib.h>
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

static void
check_fold(const char *s, unsigned flags, const char *want)
{
	char *f = se_name_fold(s, strlen(s), flags);

	CHECK_STR_EQ(f, want);
	free(f);
}

TEST(fold_is_the_form_compared)
{
	check_fold("  Front door, assessment & early help ", SE_NAME_WORDS,
	    "front door assessment early help");
	check_fold("ACTION (What?)", SE_NAME_WORDS, "action what");
	check_fold("Children\xe2\x80\x99s N.I. team", SE_NAME_WORDS,
	    "childrens ni team");
	check_fold("  North   Yorkshire\t", 0, "north yorkshire");
	check_fold("Dee-City", 0, "dee-city");
	check_fold(" - ", SE_NAME_WORDS, "");
}

TEST(folds_are_equal_exactly_when_names_match)
{
	static const char *const names[] = { "Lead officer", "lead-officer",
		"Lead officer's", "Lead officers", "LEAD  OFFICER", "Lead",
		"Leadofficer", "l.e.a.d officer", "" };
	size_t i, j, n = sizeof names / sizeof names[0];
	unsigned flags;

	for (flags = 0; flags <= SE_NAME_WORDS; flags++)
		for (i = 0; i < n; i++)
			for (j = 0; j < n; j++) {
				char *a = se_name_fold(names[i],
				    strlen(names[i]), flags);
				char *b = se_name_fold(names[j],
				    strlen(names[j]), flags);
				CHECK_INT_EQ(strcmp(a, b) == 0, EQ(names[i],
				    names[j], flags));
				free(a);
				free(b);
			}
}

int
main(void)
{
	RUN(case_and_runs_of_space_are_ignored_punctuation_is_not);
	RUN(with_words_punctuation_separates_and_apostrophes_and_dots_join);
	RUN(hash_agrees_with_equality);
	RUN(fold_is_the_form_compared);
	RUN(folds_are_equal_exactly_when_names_match);
	return DONE();
}
