/* test_report_run.c: se-report's run (lib/report_run.c): the report
 * types by name, and the store of a command's extracts (lib/inputs.c)
 * that every file is read into before it fails. */
#include "se.h"
#include "scratch.h"
#include "unit.h"

#include <stdint.h>

static const char extract[] =
    "la_code,la_name,region,indicator,period,value\n"
    "E10000001,Anyshire,South,Re-referrals,2018-19,20.5\n";

TEST(each_report_type_is_found_by_its_name_in_the_man_pages_order)
{
	static const char *const names[] = { "summary", "feedback", "letter",
		"dashboard", "themes", "calendar", "incidents", "evaluation" };
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		CHECK_INT_EQ(se_report_type_parse(names[i]), i);
}

TEST(an_unknown_report_type_is_minus_one)
{
	CHECK_INT_EQ(se_report_type_parse("Summary"), -1);
	CHECK_INT_EQ(se_report_type_parse("letters"), -1);
	CHECK_INT_EQ(se_report_type_parse(""), -1);
}

TEST(the_data_is_the_data_option_then_the_extracts_found)
{
	const char *const data[] = { "a.csv", "b.csv" };
	char *found[] = { "c.csv" };
	se_inputs in;
	const char **all;
	size_t n = 9;

	se_inputs_init(&in, SE_TAKE_EXTRACTS, NULL);
	in.extracts = found;
	in.nextracts = 1;
	all = se_inputs_data(&in, data, 2, &n);
	CHECK_INT_EQ(n, 3);
	if (all && n == 3) {
		CHECK_STR_EQ(all[0], "a.csv");
		CHECK_STR_EQ(all[1], "b.csv");
		CHECK_STR_EQ(all[2], "c.csv");
	}
	free(all);
	in.nextracts = 0;
	all = se_inputs_data(&in, NULL, 0, &n);
	CHECK(all != NULL);
	CHECK_INT_EQ(n, 0);
	free(all);
}

/* Two extracts that cannot be read and one that can: each is said. */
TEST(the_store_reads_every_extract_before_it_fails)
{
	const char *paths[3];
	se_diag *d = se_diag_new();
	se_inputs in;
	se_cli cli;
	size_t i, bad[2] = { 0, 0 };

	paths[0] = at("missing.csv");
	paths[1] = at("good.csv");
	paths[2] = at("also-missing.csv");
	put_file(paths[1], extract);
	se_cli_init(&cli, "se-report", "usage\n");
	se_inputs_init(&in, SE_TAKE_EXTRACTS, NULL);
	CHECK(se_inputs_store(&in, NULL, NULL, paths, 3, NULL, &cli,
	    d) == NULL);
	for (i = 0; i < se_diag_len(d); i++) {
		const se_diag_item *it = se_diag_get(d, i);
		if (it->severity == SE_ERROR && it->file &&
		    strcmp(it->file, paths[0]) == 0)
			bad[0]++;
		if (it->severity == SE_ERROR && it->file &&
		    strcmp(it->file, paths[2]) == 0)
			bad[1]++;
	}
	CHECK_INT_EQ(bad[0], 1);
	CHECK_INT_EQ(bad[1], 1);
	se_diag_free(d);
}

TEST(the_store_without_a_catalogue_warns_once_and_is_finished)
{
	const char *paths[1];
	se_diag *d = se_diag_new();
	se_inputs in;
	se_store *s;
	se_cli cli;
	size_t i, warned = 0;

	paths[0] = at("good.csv");
	put_file(paths[0], extract);
	se_cli_init(&cli, "se-report", "usage\n");
	se_inputs_init(&in, SE_TAKE_EXTRACTS, NULL);
	s = se_inputs_store(&in, NULL, NULL, paths, 1, NULL, &cli, d);
	CHECK(s != NULL);
	for (i = 0; i < se_diag_len(d); i++)
		warned += strcmp(se_diag_get(d, i)->rule, "no-catalogue") == 0;
	CHECK_INT_EQ(warned, 1);
	CHECK(s && se_store_entity_find(s, "Anyshire") != SIZE_MAX);
	se_store_free(s);
	se_diag_free(d);
}

int
main(void)
{
	if (scratch_open("report-run") < 0)
		return 1;
	RUN(each_report_type_is_found_by_its_name_in_the_man_pages_order);
	RUN(an_unknown_report_type_is_minus_one);
	RUN(the_data_is_the_data_option_then_the_extracts_found);
	RUN(the_store_reads_every_extract_before_it_fails);
	RUN(the_store_without_a_catalogue_warns_once_and_is_finished);
	scratch_close();
	return DONE();
}
