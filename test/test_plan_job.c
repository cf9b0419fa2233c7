/* test_plan_job.c: se-plan's run (lib/plan_job.c): the checks on its
 * operands (se_inputs_check_operands), --status and -F read as se-plan(1)
 * says.  Run from the source tree: the shipped formats/. */
#include "se.h"
#include "unit.h"
#include "scratch.h"

static se_formats *formats;

/* A plan se-validate finds two errors in (its date, its status), a
 * self-evaluation with errors of its own, and a file that is no YAML
 * (found in the directory, it is se_plan_load's to say). */
static const char bad_plan[] =
    "kind: plan\nframework: shared\nauthority: Anyshire\nactions:\n"
    "  - action: A date nobody can read.\n    owner: Someone\n"
    "    due: sometime soon\n    impact: None.\n"
    "    status: nearly there\n";
static const char other_kind[] =
    "kind: self-assessment\nframework: ilacs-2018\n";
static const char broken[] = "kind: plan\nactions: [\"not closed\n";

static int
check(const char *const *ops, size_t n, se_diag *d)
{
	return se_inputs_check_operands(formats, (char *const *)ops, n, "plan",
	    d);
}

TEST(a_named_plan_with_errors_counts_them)
{
	se_diag *d = se_diag_new();
	const char *ops[] = { at("bad.yaml") };

	CHECK_INT_EQ(check(ops, 1, d), 2);
	CHECK_INT_EQ(se_diag_count(d, SE_ERROR), 2);
	se_diag_free(d);
}

TEST(a_plan_found_in_a_directory_is_checked_and_other_kinds_are_not)
{
	se_diag *d = se_diag_new();
	const char *ops[] = { tmpdir };

	CHECK_INT_EQ(check(ops, 1, d), 2);
	CHECK_INT_EQ(se_diag_len(d), 2);
	se_diag_free(d);
}

TEST(a_named_document_of_another_kind_is_checked_all_the_same)
{
	se_diag *d = se_diag_new();
	const char *ops[] = { at("other.yaml") };

	CHECK(check(ops, 1, d) > 0);
	se_diag_free(d);
}

TEST(standard_input_is_left_to_the_reader)
{
	se_diag *d = se_diag_new();
	const char *ops[] = { "-" };

	CHECK_INT_EQ(check(ops, 1, d), 0);
	CHECK_INT_EQ(se_diag_len(d), 0);
	se_diag_free(d);
}

TEST(an_operand_that_cannot_be_walked_is_left_to_the_reader)
{
	se_diag *d = se_diag_new();
	const char *ops[] = { at("missing/"), at("missing.yaml"),
		at("bad.yaml") };

	CHECK_INT_EQ(check(ops, 3, d), 2);
	CHECK_INT_EQ(se_diag_len(d), 2);
	se_diag_free(d);
}

TEST(a_named_file_that_cannot_be_parsed_could_not_be_checked)
{
	se_diag *d = se_diag_new();
	const char *ops[] = { at("broken.yml"), at("bad.yaml") };

	CHECK_INT_EQ(check(ops, 2, d), -1);
	CHECK(se_diag_count(d, SE_ERROR) >= 1);
	se_diag_free(d);
}

TEST(the_checks_only_read_the_operands)
{
	se_diag *d = se_diag_new();
	const char *ops[] = { tmpdir, at("bad.yaml") };

	CHECK_INT_EQ(check(ops, 2, d), 4);
	CHECK_INT_EQ(count_entries(tmpdir), 3);
	CHECK_STR_EQ(get_file(at("bad.yaml")), bad_plan);
	se_diag_free(d);
}

TEST(status_takes_a_state_first_then_a_status)
{
	se_plan_job j;

	se_plan_job_init(&j, "se-plan", NULL);
	CHECK_INT_EQ(se_planout_status_parse(&j.out, "at-risk"), 0);
	CHECK_INT_EQ(j.out.state, se_state_parse("at-risk"));
	CHECK_INT_EQ(j.out.status, -1);
	se_plan_job_init(&j, "se-plan", NULL);
	CHECK_INT_EQ(se_planout_status_parse(&j.out, "in-progress"), 0);
	CHECK_INT_EQ(j.out.state, -1);
	CHECK_INT_EQ(j.out.status, se_status_parse("in-progress", 11));
	CHECK_INT_EQ(se_planout_status_parse(&j.out, "nearly"), -1);
	se_plan_job_release(&j);
}

TEST(the_format_is_text_by_default_and_yaml_for_a_draft)
{
	se_plan_job j;

	se_plan_job_init(&j, "se-plan", NULL);
	CHECK_INT_EQ(se_plan_job_format(&j), 0);
	CHECK_INT_EQ(j.out.format, SE_PLANOUT_TEXT);
	j.from = true;
	CHECK_INT_EQ(se_plan_job_format(&j), 0);
	CHECK_INT_EQ(j.out.format, SE_PLANOUT_YAML);
	j.cli.format = "csv";
	CHECK_INT_EQ(se_plan_job_format(&j), 0);
	CHECK_INT_EQ(j.out.format, SE_PLANOUT_CSV);
	j.cli.format = "html";
	CHECK_INT_EQ(se_plan_job_format(&j), -1);
	j.from = false;
	CHECK_INT_EQ(se_plan_job_format(&j), 0);
	CHECK_INT_EQ(j.out.format, SE_PLANOUT_HTML);
	se_plan_job_release(&j);
}

TEST(data_is_kept_in_order_and_released)
{
	se_plan_job j;

	se_plan_job_init(&j, "se-plan", NULL);
	CHECK_INT_EQ(se_cli_add(&j.cli, &j.data, &j.ndata, "a.csv"),
	    SE_CLI_NEXT);
	CHECK_INT_EQ(se_cli_add(&j.cli, &j.data, &j.ndata, "b.csv"),
	    SE_CLI_NEXT);
	CHECK_INT_EQ(j.ndata, 2);
	CHECK_STR_EQ(j.data[1], "b.csv");
	se_plan_job_release(&j);
	CHECK_INT_EQ(j.ndata, 0);
}

int
main(void)
{
	se_diag *d = se_diag_new();
	int rc;

	if (!d || scratch_open("plan-job") < 0)
		return 2;
	formats = se_formats_load("formats", d);
	se_diag_free(d);
	if (!formats)
		return 2;
	put_file(at("bad.yaml"), bad_plan);
	put_file(at("other.yaml"), other_kind);
	put_file(at("broken.yml"), broken);
	RUN(a_named_plan_with_errors_counts_them);
	RUN(a_plan_found_in_a_directory_is_checked_and_other_kinds_are_not);
	RUN(a_named_document_of_another_kind_is_checked_all_the_same);
	RUN(standard_input_is_left_to_the_reader);
	RUN(an_operand_that_cannot_be_walked_is_left_to_the_reader);
	RUN(a_named_file_that_cannot_be_parsed_could_not_be_checked);
	RUN(the_checks_only_read_the_operands);
	RUN(status_takes_a_state_first_then_a_status);
	RUN(the_format_is_text_by_default_and_yaml_for_a_draft);
	RUN(data_is_kept_in_order_and_released);
	rc = DONE();
	scratch_close();
	se_formats_free(formats);
	return rc;
}
