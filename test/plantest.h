/* plantest.h: what test_plan.c and test_plandiff.c share: a plan that
 * reads its columns, statuses and timescales from the shipped formats
 * (formats/shared/plan.yaml), as the commands do, and one from YAML text.
 * The formats are loaded once and freed at exit. */
#ifndef SE_PLANTEST_H
#define SE_PLANTEST_H

static se_formats *test_formats;

static void
free_test_formats(void)
{
	se_formats_free(test_formats);
}

static se_plan *
plan_new(void)
{
	se_plan *p = se_plan_new();
	se_diag *d = se_diag_new();

	if (test_formats == NULL) {
		test_formats = se_formats_load("formats", d);
		atexit(free_test_formats);
	}
	if (p != NULL && se_plan_use(p, test_formats, d) < 0) {
		se_plan_free(p);
		p = NULL;
	}
	se_diag_free(d);
	return p;
}

static se_plan *
plan_yaml(const char *yaml, se_diag *d)
{
	se_plan *p = plan_new();
	se_doc *doc = se_doc_parse("plan.yaml", -1, yaml, strlen(yaml), d);

	CHECK(doc != NULL);
	if (doc != NULL)
		CHECK_INT_EQ(se_plan_add_doc(p, doc, d), 0);
	se_doc_free(doc);
	return p;
}

#endif
