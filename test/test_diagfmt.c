/* test_diagfmt.c: diagnostics rendered as text, JSON lines, GitHub
 * workflow commands and SARIF. */
#include "se.h"
#include "unit.h"

#include <stdlib.h>

/* A fixed set: a file name with a space, one with a colon and a newline,
 * one with '%' and no position, a message over two lines, a non-ASCII
 * message, and a diagnostic with no file at all. */
static se_diag *
fixture(void)
{
	se_diag *d = se_diag_new();
	se_pos p1 = { "examples/a b.md", 3, 7 };
	se_pos p2 = { "weird:name\n.yaml", 2, 1 };
	se_pos p3 = { "100%.csv", 0, 0 };
	se_pos p4 = { "x.md", 1, 1 };

	se_diag_error(d, &p1, "dup-key", "duplicate key '%s'", "x");
	se_diag_warning(d, &p2, "words", "%s",
	    "section 'Caf\xc3\xa9' has 512 words; the limit is 500");
	se_diag_error(d, &p3, "unreadable", "%s",
	    "cannot open: No such file or directory");
	se_diag_error(d, &p4, "evidence", "%s",
	    "line one\nline two, with 50% done: yes");
	se_diag_note(d, NULL, "summary", "nothing to check");
	return d;
}

static char *
render(const se_diag *d, se_diag_format fmt, int *ret)
{
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);

	*ret = se_diag_render(d, fmt, "se-validate", f);
	fclose(f);
	return out;
}

static void
check_render(se_diag_format fmt, const char *want)
{
	se_diag *d = fixture();
	int r;
	char *got = render(d, fmt, &r);

	CHECK_STR_EQ(got, want);
	CHECK_INT_EQ(r, 0);
	free(got);
	se_diag_free(d);
}

TEST(format_names_parse_and_unknown_ones_are_refused)
{
	CHECK_INT_EQ(se_diag_format_parse("text"), SE_DIAG_TEXT);
	CHECK_INT_EQ(se_diag_format_parse("json"), SE_DIAG_JSON);
	CHECK_INT_EQ(se_diag_format_parse("github"), SE_DIAG_GITHUB);
	CHECK_INT_EQ(se_diag_format_parse("sarif"), SE_DIAG_SARIF);
	CHECK_INT_EQ(se_diag_format_parse("TEXT"), -1);
	CHECK_INT_EQ(se_diag_format_parse("html"), -1);
	CHECK_INT_EQ(se_diag_format_parse(""), -1);
	CHECK_INT_EQ(se_diag_format_parse(NULL), -1);
	CHECK_INT_EQ(se_diag_format_parse("md"), -1); /* no markdown here */
}

/* Every command's -F reads its names the one way: exactly, and "md" as
 * "markdown" wherever markdown is offered (se(7)). */
TEST(every_commands_format_names_parse_alike)
{
	CHECK_INT_EQ(se_ragout_format_parse("md"), SE_RAGOUT_MARKDOWN);
	CHECK_INT_EQ(se_hypoout_format_parse("md"), SE_HYPOOUT_MARKDOWN);
	CHECK_INT_EQ(se_planout_format_parse("md"), SE_PLANOUT_MARKDOWN);
	CHECK_INT_EQ(se_report_syntax_parse("md"), SE_REPORT_MARKDOWN);
	CHECK_INT_EQ(se_report_syntax_parse("html"), SE_REPORT_HTML);
	CHECK_INT_EQ(se_planout_format_parse("yaml"), SE_PLANOUT_YAML);
	CHECK_INT_EQ(se_ragout_format_parse("Markdown"), -1);
	CHECK_INT_EQ(se_hypoout_format_parse("mdx"), -1);
	CHECK_INT_EQ(se_color_parse("always"), SE_COLOR_ALWAYS);
	CHECK_INT_EQ(se_color_parse("sometimes"), -1);
	CHECK_INT_EQ(se_group_parse("recommendation"), SE_GROUP_RECOMMENDATION);
	CHECK_INT_EQ(se_group_parse("md"), -1);
}

TEST(text_is_one_line_per_diagnostic_with_controls_escaped)
{
	check_render(SE_DIAG_TEXT,
	    "examples/a b.md:3:7: error: duplicate key 'x' [dup-key]\n"
	    "weird:name\\n.yaml:2:1: warning: section 'Caf\xc3\xa9' has 512 "
	    "words; the limit is 500 [words]\n"
	    "100%.csv: error: cannot open: No such file or directory "
	    "[unreadable]\n"
	    "x.md:1:1: error: line one\\nline two, with 50% done: yes "
	    "[evidence]\n"
	    "note: nothing to check [summary]\n");
}

TEST(json_is_one_object_per_line_with_null_for_no_position)
{
	check_render(SE_DIAG_JSON,
	    "{\"file\":\"examples/a b.md\",\"line\":3,\"column\":7,"
	    "\"severity\":\"error\",\"rule\":\"dup-key\","
	    "\"message\":\"duplicate key 'x'\"}\n"
	    "{\"file\":\"weird:name\\n.yaml\",\"line\":2,\"column\":1,"
	    "\"severity\":\"warning\",\"rule\":\"words\","
	    "\"message\":\"section 'Caf\xc3\xa9' has 512 words; the limit is "
	    "500\"}\n"
	    "{\"file\":\"100%.csv\",\"line\":null,\"column\":null,"
	    "\"severity\":\"error\",\"rule\":\"unreadable\","
	    "\"message\":\"cannot open: No such file or directory\"}\n"
	    "{\"file\":\"x.md\",\"line\":1,\"column\":1,"
	    "\"severity\":\"error\",\"rule\":\"evidence\","
	    "\"message\":\"line one\\nline two, with 50% done: yes\"}\n"
	    "{\"file\":null,\"line\":null,\"column\":null,"
	    "\"severity\":\"note\",\"rule\":\"summary\","
	    "\"message\":\"nothing to check\"}\n");
}

TEST(github_escapes_data_and_properties_as_the_runner_requires)
{
	check_render(SE_DIAG_GITHUB,
	    "::error file=examples/a b.md,line=3,col=7,title=dup-key::"
	    "duplicate key 'x'\n"
	    "::warning file=weird%3Aname%0A.yaml,line=2,col=1,title=words::"
	    "section 'Caf\xc3\xa9' has 512 words; the limit is 500\n"
	    "::error file=100%25.csv,title=unreadable::"
	    "cannot open: No such file or directory\n"
	    "::error file=x.md,line=1,col=1,title=evidence::"
	    "line one%0Aline two, with 50%25 done: yes\n"
	    "::notice title=summary::nothing to check\n");
}

TEST(sarif_is_a_2_1_0_log_with_rules_results_and_locations)
{
	check_render(SE_DIAG_SARIF,
	    "{\n"
	    "  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
	    "  \"version\": \"2.1.0\",\n"
	    "  \"runs\": [\n"
	    "    {\n"
	    "      \"tool\": {\n"
	    "        \"driver\": {\n"
	    "          \"name\": \"se-validate\",\n"
	    "          \"version\": \"" SE_VERSION "\",\n"
	    "          \"rules\": [ { \"id\": \"dup-key\" }, { \"id\": "
	    "\"evidence\" }, { \"id\": \"summary\" }, { \"id\": \"unreadable\" "
	    "}, { \"id\": \"words\" } ]\n"
	    "        }\n"
	    "      },\n"
	    "      \"columnKind\": \"unicodeCodePoints\",\n"
	    "      \"results\": [\n"
	    "        {\n"
	    "          \"ruleId\": \"dup-key\",\n"
	    "          \"ruleIndex\": 0,\n"
	    "          \"level\": \"error\",\n"
	    "          \"message\": { \"text\": \"duplicate key 'x'\" },\n"
	    "          \"locations\": [ { \"physicalLocation\": { "
	    "\"artifactLocation\": { \"uri\": \"examples/a%20b.md\" }, "
	    "\"region\": { \"startLine\": 3, \"startColumn\": 7 } } } ]\n"
	    "        },\n"
	    "        {\n"
	    "          \"ruleId\": \"words\",\n"
	    "          \"ruleIndex\": 4,\n"
	    "          \"level\": \"warning\",\n"
	    "          \"message\": { \"text\": \"section 'Caf\xc3\xa9' has 512 "
	    "words; the limit is 500\" },\n"
	    "          \"locations\": [ { \"physicalLocation\": { "
	    "\"artifactLocation\": { \"uri\": \"weird%3Aname%0A.yaml\" }, "
	    "\"region\": { \"startLine\": 2, \"startColumn\": 1 } } } ]\n"
	    "        },\n"
	    "        {\n"
	    "          \"ruleId\": \"unreadable\",\n"
	    "          \"ruleIndex\": 3,\n"
	    "          \"level\": \"error\",\n"
	    "          \"message\": { \"text\": \"cannot open: No such file or "
	    "directory\" },\n"
	    "          \"locations\": [ { \"physicalLocation\": { "
	    "\"artifactLocation\": { \"uri\": \"100%25.csv\" } } } ]\n"
	    "        },\n"
	    "        {\n"
	    "          \"ruleId\": \"evidence\",\n"
	    "          \"ruleIndex\": 1,\n"
	    "          \"level\": \"error\",\n"
	    "          \"message\": { \"text\": \"line one\\nline two, with 50% "
	    "done: yes\" },\n"
	    "          \"locations\": [ { \"physicalLocation\": { "
	    "\"artifactLocation\": { \"uri\": \"x.md\" }, "
	    "\"region\": { \"startLine\": 1, \"startColumn\": 1 } } } ]\n"
	    "        },\n"
	    "        {\n"
	    "          \"ruleId\": \"summary\",\n"
	    "          \"ruleIndex\": 2,\n"
	    "          \"level\": \"note\",\n"
	    "          \"message\": { \"text\": \"nothing to check\" }\n"
	    "        }\n"
	    "      ]\n"
	    "    }\n"
	    "  ]\n"
	    "}\n");
}

TEST(sarif_with_no_diagnostics_has_empty_rules_and_results)
{
	se_diag *d = se_diag_new();
	int r;
	char *got = render(d, SE_DIAG_SARIF, &r);

	CHECK_INT_EQ(r, 0);
	CHECK(strstr(got, "\"version\": \"2.1.0\"") != NULL);
	CHECK(strstr(got, "\"rules\": []") != NULL);
	CHECK(strstr(got, "\"results\": []") != NULL);
	free(got);
	se_diag_free(d);
}

TEST(empty_sink_renders_nothing_in_line_formats)
{
	se_diag *d = se_diag_new();
	int r;
	char *got;

	got = render(d, SE_DIAG_TEXT, &r);
	CHECK_STR_EQ(got, "");
	free(got);
	got = render(d, SE_DIAG_JSON, &r);
	CHECK_STR_EQ(got, "");
	free(got);
	se_diag_free(d);
}

TEST(a_line_without_a_column_prints_the_line_only)
{
	se_diag *d = se_diag_new();
	se_pos p = { "plan.csv", 4, 0 };
	int r;
	char *got;

	se_diag_error(d, &p, "date", "bad date");
	got = render(d, SE_DIAG_TEXT, &r);
	CHECK_STR_EQ(got, "plan.csv:4: error: bad date [date]\n");
	free(got);
	got = render(d, SE_DIAG_JSON, &r);
	CHECK_STR_EQ(got, "{\"file\":\"plan.csv\",\"line\":4,\"column\":null,"
	    "\"severity\":\"error\",\"rule\":\"date\",\"message\":\"bad date\"}\n");
	free(got);
	se_diag_free(d);
}

TEST(render_reports_a_failed_write)
{
	se_diag *d = fixture();
	FILE *f = fopen("/dev/null", "r");

	CHECK(f != NULL);
	if (f) {
		CHECK_INT_EQ(se_diag_render(d, SE_DIAG_TEXT, "se", f), -1);
		fclose(f);
	}
	f = fopen("/dev/full", "w");
	if (f) {
		setvbuf(f, NULL, _IONBF, 0);
		CHECK_INT_EQ(se_diag_render(d, SE_DIAG_SARIF, "se", f), -1);
		fclose(f);
	}
	se_diag_free(d);
}

int
main(void)
{
	RUN(format_names_parse_and_unknown_ones_are_refused);
	RUN(every_commands_format_names_parse_alike);
	RUN(text_is_one_line_per_diagnostic_with_controls_escaped);
	RUN(json_is_one_object_per_line_with_null_for_no_position);
	RUN(github_escapes_data_and_properties_as_the_runner_requires);
	RUN(sarif_is_a_2_1_0_log_with_rules_results_and_locations);
	RUN(sarif_with_no_diagnostics_has_empty_rules_and_results);
	RUN(empty_sink_renders_nothing_in_line_formats);
	RUN(a_line_without_a_column_prints_the_line_only);
	RUN(render_reports_a_failed_write);
	return DONE();
}
