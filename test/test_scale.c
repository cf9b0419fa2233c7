/* test_scale.c: reading ratings through a named scale (lib/scale.c). */
#include "se.h"
#include "unit.h"

#include <stdlib.h>

static se_formats *
shipped(void)
{
	se_diag *d = se_diag_new();
	se_formats *f = se_formats_load("formats", d);

	se_diag_free(d);
	return f;
}

static int
parse(const se_formats *f, const char *scale, const char *text)
{
	const se_scale *s = se_formats_scale(f, scale);

	return s ? se_scale_parse(s, text, strlen(text)) : -99;
}

TEST(em4_reads_its_own_codes_ids_and_labels)
{
	se_formats *f = shipped();

	CHECK_INT_EQ(parse(f, "em4", "1"), 0);
	CHECK_INT_EQ(parse(f, "em4", "3"), 2);
	CHECK_INT_EQ(parse(f, "em4", "4"), 3);
	CHECK_INT_EQ(parse(f, "em4", "Good"), 2);
	CHECK_INT_EQ(parse(f, "em4", "OUTSTANDING"), 3);
	CHECK_INT_EQ(parse(f, "em4", " adequate "), 1);
	se_formats_free(f);
}

TEST(a_number_means_what_its_own_scale_says)
{
	se_formats *f = shipped();

	/* 1 is the worst on em4 and the best on ns4 and ofsted4. */
	CHECK_INT_EQ(parse(f, "em4", "1"), 0);
	CHECK_INT_EQ(parse(f, "ns4", "1"), 3);
	CHECK_INT_EQ(parse(f, "ofsted4", "1"), 3);
	CHECK_INT_EQ(parse(f, "ns4", "4"), 0);
	CHECK_INT_EQ(parse(f, "ofsted4", "3"), 1);
	se_formats_free(f);
}

TEST(numbers_off_the_scale_or_on_a_scale_without_codes_are_refused)
{
	se_formats *f = shipped();

	CHECK_INT_EQ(parse(f, "em4", "5"), -1);
	CHECK_INT_EQ(parse(f, "em4", "0"), -1);
	CHECK_INT_EQ(parse(f, "em4", "3.0"), -1);
	CHECK_INT_EQ(parse(f, "em4", "-1"), -1);
	CHECK_INT_EQ(parse(f, "rag", "1"), -1);
	CHECK_INT_EQ(parse(f, "direction", "2"), -1);
	se_formats_free(f);
}

TEST(aliases_match_ignoring_case_punctuation_and_spaces)
{
	se_formats *f = shipped();

	CHECK_INT_EQ(parse(f, "ns4", "NI"), 1);
	CHECK_INT_EQ(parse(f, "ns4", "needs some improvement"), 1);
	CHECK_INT_EQ(parse(f, "ns4", "Requires  significant improvement"), 0);
	CHECK_INT_EQ(parse(f, "ns4", "requires-some-improvement"), 1);
	CHECK_INT_EQ(parse(f, "ns4", "os"), 3);
	CHECK_INT_EQ(parse(f, "ofsted4", "Requires improvement to be good"), 1);
	CHECK_INT_EQ(parse(f, "ofsted4", "RI"), 1);
	CHECK_INT_EQ(parse(f, "rag", "R"), 0);
	CHECK_INT_EQ(parse(f, "rag", "a"), 1);
	CHECK_INT_EQ(parse(f, "rag", "Green"), 2);
	CHECK_INT_EQ(parse(f, "direction", "up"), 2);
	CHECK_INT_EQ(parse(f, "direction", "same"), 1);
	se_formats_free(f);
}

TEST(words_not_on_the_scale_are_refused)
{
	se_formats *f = shipped();

	CHECK_INT_EQ(parse(f, "em4", "requires improvement"), -1);
	CHECK_INT_EQ(parse(f, "rag", "yellow"), -1);
	CHECK_INT_EQ(parse(f, "rag", "gree"), -1);
	CHECK_INT_EQ(parse(f, "rag", "greener"), -1);
	CHECK_INT_EQ(parse(f, "rag", ""), -1);
	CHECK_INT_EQ(parse(f, "rag", "  "), -1);
	CHECK_INT_EQ(parse(f, "ns4", "G G"), -1);
	se_formats_free(f);
}

TEST(levels_keep_their_order_ids_labels_and_codes)
{
	se_formats *f = shipped();
	const se_scale *s = se_formats_scale(f, "ns4");
	long code = 0;
	char *desc;

	CHECK(s != NULL);
	CHECK_INT_EQ(se_scale_len(s), 4);
	CHECK_STR_EQ(se_scale_id(s), "ns4");
	CHECK_STR_EQ(se_scale_level_id(s, 0), "requires-significant-improvement");
	CHECK_STR_EQ(se_scale_level_label(s, 3), "Outstanding");
	CHECK(se_scale_level_code(s, 3, &code));
	CHECK_INT_EQ(code, 1);
	CHECK(se_scale_level_id(s, 4) == NULL);
	CHECK(!se_scale_level_code(se_formats_scale(f, "rag"), 0, &code));
	desc = se_scale_describe(se_formats_scale(f, "em4"));
	CHECK_STR_EQ(desc, "1 inadequate, 2 adequate, 3 good, 4 outstanding");
	free(desc);
	desc = se_scale_describe(se_formats_scale(f, "rag"));
	CHECK_STR_EQ(desc, "red, amber, green");
	free(desc);
	se_formats_free(f);
}

static se_scale *
from_yaml(const char *yaml, se_diag *d, se_doc **doc)
{
	*doc = se_doc_parse("s.yaml", -1, yaml, strlen(yaml), d);
	return *doc ? se_scale_from_node((*doc)->meta, d) : NULL;
}

TEST(a_scale_without_levels_is_refused_with_a_message)
{
	se_diag *d = se_diag_new();
	se_doc *doc;
	se_scale *s = from_yaml("id: five\ntitle: Five\n", d, &doc);

	CHECK(s == NULL);
	CHECK_INT_EQ(se_diag_count(d, SE_ERROR), 1);
	CHECK_STR_EQ(se_diag_get(d, 0)->rule, "format");
	CHECK_STR_EQ(se_diag_get(d, 0)->message,
	    "scale 'five' needs a list of 'levels', worst first");
	se_doc_free(doc);
	se_diag_free(d);
}

TEST(a_level_code_that_is_not_a_whole_number_is_refused)
{
	se_diag *d = se_diag_new();
	se_doc *doc;
	se_scale *s = from_yaml("id: x\nlevels:\n  - {id: low, code: one}\n",
	    d, &doc);

	CHECK(s == NULL);
	CHECK_STR_EQ(se_diag_get(d, 0)->message,
	    "the code of level 'low' of scale 'x' must be a whole number");
	CHECK_INT_EQ(se_diag_get(d, 0)->line, 3);
	se_doc_free(doc);
	se_diag_free(d);
	se_scale_free(NULL);
}

TEST(a_scale_built_from_yaml_reads_its_aliases)
{
	se_diag *d = se_diag_new();
	se_doc *doc;
	se_scale *s = from_yaml("id: yn\nlevels:\n  - {id: no, aliases: [N]}\n"
	    "  - {id: yes, label: Yes please, code: 7}\n", d, &doc);

	CHECK(s != NULL);
	CHECK_INT_EQ(se_scale_parse(s, "n", 1), 0);
	CHECK_INT_EQ(se_scale_parse(s, "yes please", 10), 1);
	CHECK_INT_EQ(se_scale_parse(s, "7", 1), 1);
	CHECK_INT_EQ(se_diag_len(d), 0);
	se_scale_free(s);
	se_doc_free(doc);
	se_diag_free(d);
}

int
main(void)
{
	RUN(em4_reads_its_own_codes_ids_and_labels);
	RUN(a_number_means_what_its_own_scale_says);
	RUN(numbers_off_the_scale_or_on_a_scale_without_codes_are_refused);
	RUN(aliases_match_ignoring_case_punctuation_and_spaces);
	RUN(words_not_on_the_scale_are_refused);
	RUN(levels_keep_their_order_ids_labels_and_codes);
	RUN(a_scale_without_levels_is_refused_with_a_message);
	RUN(a_level_code_that_is_not_a_whole_number_is_refused);
	RUN(a_scale_built_from_yaml_reads_its_aliases);
	return DONE();
}
