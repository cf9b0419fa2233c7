/* test_format.c: loading formats/ into a model (lib/format.c). */
#include "se.h"
#include "unit.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static long
day(const char *s)
{
	long d = 0;

	se_ymd_parse(s, strlen(s), &d);
	return d;
}

TEST(the_shipped_formats_load_without_a_diagnostic)
{
	se_diag *d = se_diag_new();
	se_formats *f = se_formats_load("formats", d);
	size_t i;

	CHECK(f != NULL);
	for (i = 0; i < se_diag_len(d); i++)
		printf("# %s:%u: %s\n", se_diag_get(d, i)->file,
		    se_diag_get(d, i)->line, se_diag_get(d, i)->message);
	CHECK_INT_EQ(se_diag_len(d), 0);
	se_formats_free(f);
	se_diag_free(d);
}

TEST(kinds_are_found_by_framework_and_kind)
{
	se_diag *d = se_diag_new();
	se_formats *f = se_formats_load("formats", d);
	const se_format *fm;

	fm = se_formats_find(f, "em-2012", "review");
	CHECK(fm != NULL);
	CHECK_STR_EQ(se_format_kind(fm), "review");
	CHECK_STR_EQ(se_format_framework(fm), "em-2012");
	CHECK_STR_EQ(se_format_title(fm), "Review Workbook");
	CHECK(se_format_node(fm) != NULL);
	CHECK(se_formats_find(f, "ria-2018", "self-evaluation") != NULL);
	CHECK(se_formats_find(f, "ria-2018", "review") == NULL);
	CHECK(se_formats_find(f, "em-2013", "review") == NULL);
	CHECK(se_formats_has_framework(f, "ns-2009"));
	CHECK(!se_formats_has_framework(f, "em-2013"));
	CHECK(se_formats_has_kind(f, "quality-standards"));
	CHECK(!se_formats_has_kind(f, "self-assesment"));
	se_formats_free(f);
	se_diag_free(d);
}

TEST(a_framework_that_adopts_the_shared_plan_gets_the_shared_format)
{
	se_diag *d = se_diag_new();
	se_formats *f = se_formats_load("formats", d);
	const se_format *fm = se_formats_find(f, "ria-2018", "plan");

	CHECK(fm != NULL);
	CHECK_STR_EQ(se_format_framework(fm), "shared");
	CHECK(fm == se_formats_find(f, NULL, "plan"));
	CHECK(se_formats_find(f, NULL, "indicators") != NULL);
	CHECK(se_formats_find(f, NULL, "review") == NULL);
	se_formats_free(f);
	se_diag_free(d);
}

TEST(areas_belong_to_their_framework)
{
	se_diag *d = se_diag_new();
	se_formats *f = se_formats_load("formats", d);

	CHECK_STR_EQ(se_formats_area(f, "em-2012", "outcomes"),
	    "How well are outcomes being achieved?");
	CHECK(se_formats_area(f, "em-2012", "front-door") == NULL);
	CHECK_STR_EQ(se_formats_area(f, "ria-2018", "front-door"),
	    "The front door");
	CHECK(se_formats_area(f, NULL, "front-door") != NULL);
	se_formats_free(f);
	se_diag_free(d);
}

TEST(bank_holidays_load_into_the_working_day_calendar)
{
	se_diag *d = se_diag_new();
	se_formats *f = se_formats_load("formats", d);
	const se_workdays *w = se_formats_workdays(f);

	CHECK(!se_workdays_is_working(w, day("2018-12-25")));
	CHECK(!se_workdays_is_working(w, day("2022-09-19")));
	CHECK(se_workdays_is_working(w, day("2018-12-24")));
	CHECK_INT_EQ(se_workdays_after(w, day("2018-12-14"), 10),
	    day("2019-01-02"));
	se_formats_free(f);
	se_diag_free(d);
}

TEST(a_missing_formats_directory_is_an_error)
{
	se_diag *d = se_diag_new();
	se_formats *f = se_formats_load("test/no-such-formats", d);

	CHECK(f == NULL);
	CHECK_INT_EQ(se_diag_count(d, SE_ERROR), 1);
	CHECK_STR_EQ(se_diag_get(d, 0)->rule, "formats");
	se_diag_free(d);
}

static char dir[64];

static void
put(const char *rel, const char *text)
{
	char path[256];
	FILE *fp;

	snprintf(path, sizeof path, "%s/%s", dir, rel);
	fp = fopen(path, "w");
	if (fp) {
		fputs(text, fp);
		fclose(fp);
	}
}

static void
make_tree(void)
{
	char path[256];

	snprintf(dir, sizeof dir, "/tmp/se-formats-XXXXXX");
	if (!mkdtemp(dir))
		return;
	snprintf(path, sizeof path, "%s/shared", dir);
	mkdir(path, 0700);
	snprintf(path, sizeof path, "%s/t-1", dir);
	mkdir(path, 0700);
	put("shared/scales.yaml", "scales:\n  - id: rag\n    levels:\n"
	    "      - {id: red}\n      - {id: green}\n");
}

static void
remove_tree(void)
{
	char cmd[128];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		printf("# could not remove %s\n", dir);
}

TEST(mistakes_in_a_format_file_are_reported_with_their_place)
{
	se_diag *d = se_diag_new();
	se_formats *f;

	make_tree();
	put("t-1/good.yaml", "format: good\nframework: t-1\nfields:\n"
	    "  r: {type: rating, scale: rag}\n");
	put("t-1/bad.yaml", "format: bad\nframework: t-1\nfields:\n"
	    "  when: {type: datetime}\n");
	put("t-1/worse.yaml", "format: worse\nframework: t-1\nfields:\n"
	    "  r: {type: rating, scale: em9}\n");
	f = se_formats_load(dir, d);
	CHECK(f != NULL);
	CHECK_INT_EQ(se_diag_count(d, SE_ERROR), 2);
	se_diag_sort(d);
	CHECK_STR_EQ(se_diag_get(d, 0)->message,
	    "'datetime' is not a field type: use string, text, integer, "
	    "number, boolean, date, enum, rating, list, map, path, indicator, "
	    "evidence, area, url or email");
	CHECK_INT_EQ(se_diag_get(d, 0)->line, 4);
	CHECK_STR_EQ(se_diag_get(d, 1)->message,
	    "rating field 'r' needs a 'scale' defined in scales.yaml ('em9' "
	    "is not)");
	/* the good one still loads; the broken ones do not */
	CHECK(se_formats_find(f, "t-1", "good") != NULL);
	CHECK(se_formats_find(f, "t-1", "bad") == NULL);
	se_formats_free(f);
	se_diag_free(d);
	remove_tree();
}

TEST(a_framework_that_does_not_match_its_directory_is_refused)
{
	se_diag *d = se_diag_new();
	se_formats *f;

	make_tree();
	put("t-1/x.yaml", "format: x\nframework: t-2\n");
	f = se_formats_load(dir, d);
	CHECK_INT_EQ(se_diag_count(d, SE_ERROR), 1);
	CHECK_STR_EQ(se_diag_get(d, 0)->message,
	    "framework 't-2' does not match its directory 't-1'");
	CHECK(!se_formats_has_framework(f, "t-2"));
	se_formats_free(f);
	se_diag_free(d);
	remove_tree();
}

TEST(a_bad_pattern_and_a_bad_section_are_reported)
{
	se_diag *d = se_diag_new();
	se_formats *f;

	make_tree();
	put("t-1/p.yaml", "format: p\nframework: t-1\nfields:\n"
	    "  x: {type: string, pattern: '[0-9'}\n");
	put("t-1/s.yaml", "format: s\nframework: t-1\nsections:\n"
	    "  - {id: a, title: A, presence: must}\n");
	f = se_formats_load(dir, d);
	se_diag_sort(d);
	CHECK_INT_EQ(se_diag_count(d, SE_ERROR), 2);
	CHECK_STR_EQ(se_diag_get(d, 0)->message,
	    "pattern '[0-9' is not a valid regular expression");
	CHECK_STR_EQ(se_diag_get(d, 1)->message,
	    "presence 'must' is not required, recommended or optional");
	se_formats_free(f);
	se_diag_free(d);
	remove_tree();
}

int
main(void)
{
	RUN(the_shipped_formats_load_without_a_diagnostic);
	RUN(kinds_are_found_by_framework_and_kind);
	RUN(a_framework_that_adopts_the_shared_plan_gets_the_shared_format);
	RUN(areas_belong_to_their_framework);
	RUN(bank_holidays_load_into_the_working_day_calendar);
	RUN(a_missing_formats_directory_is_an_error);
	RUN(mistakes_in_a_format_file_are_reported_with_their_place);
	RUN(a_framework_that_does_not_match_its_directory_is_refused);
	RUN(a_bad_pattern_and_a_bad_section_are_reported);
	return DONE();
}
