/* test_new.c: a new document written to its file (se_new_write,
 * lib/new.c): never over a file that exists, named for its syntax. */
#include "se.h"
#include "scratch.h"
#include "unit.h"

static se_formats *formats;

static const char *
rule_of(const se_diag *d)
{
	return se_diag_len(d) == 1 ? se_diag_get(d, 0)->rule : "(not one)";
}

TEST(a_new_document_is_written_to_a_new_file)
{
	se_new n = { .kind = "self-assessment", .authority = "Anyshire" };
	se_diag *d = se_diag_new();

	CHECK_INT_EQ(se_new_write(formats, &n, at("sa.yaml"), d), 0);
	CHECK_INT_EQ(se_diag_len(d), 0);
	CHECK(strncmp(get_file(at("sa.yaml")), "# A new ", 8) == 0);
	unlink(at("sa.yaml"));
	se_diag_free(d);
}

TEST(a_new_document_is_never_written_over_a_file)
{
	se_new n = { .kind = "self-assessment" };
	se_diag *d = se_diag_new();

	put_file(at("keep.yaml"), "keep\n");
	CHECK_INT_EQ(se_new_write(formats, &n, at("keep.yaml"), d), -1);
	CHECK_STR_EQ(rule_of(d), "exists");
	CHECK_STR_EQ(get_file(at("keep.yaml")), "keep\n");
	unlink(at("keep.yaml"));
	se_diag_free(d);
}

TEST(a_new_file_is_named_for_the_documents_syntax)
{
	se_new n = { .kind = "self-evaluation", .chapter = "send" };
	se_diag *d = se_diag_new();

	CHECK_INT_EQ(se_new_write(formats, &n, at("send.yaml"), d), -2);
	CHECK_STR_EQ(rule_of(d), "output-name");
	CHECK_STR_EQ(get_file(at("send.yaml")), "(missing)");
	CHECK_INT_EQ(count_entries(tmpdir), 0);
	se_diag_free(d);
}

TEST(a_device_is_written_though_it_exists)
{
	se_new n = { .kind = "self-evaluation", .chapter = "send" };
	se_diag *d = se_diag_new();

	CHECK_INT_EQ(se_new_write(formats, &n, "/dev/null", d), 0);
	CHECK_INT_EQ(se_diag_len(d), 0);
	se_diag_free(d);
}

int
main(void)
{
	se_diag *d = se_diag_new();

	formats = se_formats_load("formats", d);
	se_diag_free(d);
	if (!formats || scratch_open("new") < 0)
		return 1;
	RUN(a_new_document_is_written_to_a_new_file);
	RUN(a_new_document_is_never_written_over_a_file);
	RUN(a_new_file_is_named_for_the_documents_syntax);
	RUN(a_device_is_written_though_it_exists);
	scratch_close();
	se_formats_free(formats);
	return DONE();
}
