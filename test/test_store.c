/* test_store.c: the series store (lib/store.c): identity, comparators, duplicates,
 * period resolution (se-rag(1)), streaming from a CSV. */
#include "se.h"
#include "unit.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>

static unsigned line_no;

static void
add(se_store *s, const char *auth, const char *code, const char *region,
    const char *ind, const char *period, double v)
{
	se_row r;

	memset(&r, 0, sizeof r);
	r.authority = auth;
	r.code = code;
	r.region = region;
	r.indicator = ind;
	r.period_text = period;
	se_period_parse(period, strlen(period), &r.period);
	r.has_value = !isnan(v);
	r.value = v;
	r.flag = r.has_value ? NULL : "x";
	line_no++;
	r.pos.file = r.row_pos.file = "x.csv";
	r.pos.line = r.row_pos.line = line_no;
	r.pos.col = r.row_pos.col = 1;
	se_store_row(s, &r);
}

TEST(authorities_match_by_code_when_both_rows_have_one_else_by_name)
{
	se_diag *d = se_diag_new();
	se_store *s = se_store_new(NULL, d);

	line_no = 1;
	add(s, "Anyshire", "E99000001", "Midshires", "A", "2018", 1);
	add(s, "Anyshire County Council", "E99000001", NULL, "A", "2019", 2);
	add(s, "  anyshire ", NULL, NULL, "B", "2019", 3);
	add(s, "Any City", NULL, NULL, "A", "2019", 4);
	se_store_finish(s);
	/* Anyshire, Any City, and no third: the code joined the renamed
	 * row, the name (case and spaces folded) the uncoded one. */
	CHECK_INT_EQ(se_store_nentities(s), 2);
	CHECK_STR_EQ(se_store_entity_name(s, 0), "Any City");
	CHECK_STR_EQ(se_store_entity_name(s, 1), "Anyshire");
	CHECK_STR_EQ(se_store_entity_code(s, 1), "E99000001");
	CHECK_STR_EQ(se_store_entity_region(s, 1), "Midshires");
	CHECK_INT_EQ(se_store_nseries(s), 2);
	CHECK_INT_EQ(se_diag_len(d), 0);
	se_store_free(s);
	se_diag_free(d);
}

TEST(england_and_regions_are_comparators_not_authorities)
{
	se_diag *d = se_diag_new();
	se_store *s = se_store_new(NULL, d);

	line_no = 1;
	add(s, "England", "E92000001", NULL, "A", "2018", 1);
	add(s, "North West", NULL, NULL, "A", "2018", 1);
	add(s, "Midshires", NULL, "Midshires", "A", "2018", 1);
	add(s, "Anyshire", NULL, "Midshires", "A", "2018", 1);
	se_store_finish(s);
	CHECK_INT_EQ(se_store_entity_kind(s, se_store_entity_find(s,
	    "England")), SE_ENTITY_ENGLAND);
	CHECK_INT_EQ(se_store_entity_kind(s, se_store_entity_find(s,
	    "North West")), SE_ENTITY_REGION);
	CHECK_INT_EQ(se_store_entity_kind(s, se_store_entity_find(s,
	    "Midshires")), SE_ENTITY_REGION);
	CHECK_INT_EQ(se_store_entity_kind(s, se_store_entity_find(s,
	    "Anyshire")), SE_ENTITY_AUTHORITY);
	CHECK_INT_EQ(se_store_region_row(s, se_store_entity_find(s,
	    "Anyshire")), se_store_entity_find(s, "Midshires"));
	CHECK_INT_EQ(se_store_england(s), se_store_entity_find(s,
	    "E92000001"));
	se_store_free(s);
	se_diag_free(d);
}

TEST(identical_repeated_rows_are_ignored)
{
	se_diag *d = se_diag_new();
	se_store *s = se_store_new(NULL, d);
	se_cell c;

	line_no = 1;
	add(s, "Anyshire", NULL, NULL, "A", "2018", 23.5);
	add(s, "Anyshire", NULL, NULL, "A", "2018", 23.5);
	add(s, "Anyshire", NULL, NULL, "A", "2019", NAN);
	add(s, "Anyshire", NULL, NULL, "A", "2019", NAN);
	se_store_finish(s);
	CHECK_INT_EQ(se_diag_len(d), 0);
	c = se_store_cell(s, 0, 0, 0);
	CHECK_INT_EQ(c.state, SE_CELL_VALUE);
	CHECK_DBL_EQ(c.value, 23.5, 0);
	c = se_store_cell(s, 0, 1, 0);
	CHECK_INT_EQ(c.state, SE_CELL_SUPPRESSED);
	CHECK_STR_EQ(c.flag, "x");
	se_store_free(s);
	se_diag_free(d);
}

TEST(conflicting_rows_are_an_error_naming_both_places_and_neither_is_used)
{
	se_diag *d = se_diag_new();
	se_store *s = se_store_new(NULL, d);
	const se_diag_item *it;

	line_no = 1;
	add(s, "Anyshire", NULL, NULL, "A", "2018", 23.5); /* line 2 */
	add(s, "Any City", NULL, NULL, "A", "2018", 20);   /* line 3 */
	add(s, "Anyshire", NULL, NULL, "A", "2018", 24);   /* line 4 */
	se_store_finish(s);
	CHECK_INT_EQ(se_diag_count(d, SE_ERROR), 1);
	it = se_diag_get(d, 0);
	CHECK_STR_EQ(it->rule, "duplicate");
	CHECK_INT_EQ(it->line, 4);
	CHECK_STR_EQ(it->message, "conflicting values for 'Anyshire', 'A', "
	    "2018: 24 here and 23.5 at x.csv:2; neither is used");
	CHECK_INT_EQ(se_store_cell(s, 0, 0, se_store_entity_find(s,
	    "Anyshire")).state, SE_CELL_CONFLICT);
	se_store_free(s);
	se_diag_free(d);
}

TEST(year_spans_become_months_when_the_series_has_months)
{
	se_diag *d = se_diag_new();
	se_store *s = se_store_new(NULL, d);

	line_no = 1;
	/* 2018-09 can only be a month, so 2018-12 is December 2018 and
	 * sorts after September; in series B 2018-19 stays a year span. */
	add(s, "Anyshire", NULL, NULL, "A", "2018-12", 3);
	add(s, "Anyshire", NULL, NULL, "A", "2018-09", 1);
	add(s, "Anyshire", NULL, NULL, "B", "2018-19", 1);
	add(s, "Anyshire", NULL, NULL, "B", "2017-18", 1);
	se_store_finish(s);
	CHECK_INT_EQ(se_diag_len(d), 0);
	CHECK_INT_EQ(se_store_period(s, 0, 1)->kind, SE_PERIOD_MONTH);
	CHECK_STR_EQ(se_store_period_text(s, 0, 0), "2018-09");
	CHECK_STR_EQ(se_store_period_text(s, 0, 1), "2018-12");
	CHECK_INT_EQ(se_store_period(s, 1, 0)->kind, SE_PERIOD_SPAN);
	CHECK_STR_EQ(se_store_period_text(s, 1, 0), "2017-18");
	CHECK_INT_EQ(se_store_period_find(s, 0, "2018-12"), 1);
	se_store_free(s);
	se_diag_free(d);
}

TEST(mixed_granularity_is_an_error_with_two_example_periods)
{
	se_diag *d = se_diag_new();
	se_store *s = se_store_new(NULL, d);
	const se_diag_item *it;

	line_no = 1;
	add(s, "Anyshire", NULL, NULL, "A", "2018", 1);    /* line 2 */
	add(s, "Anyshire", NULL, NULL, "A", "2018Q2", 1);  /* line 3 */
	se_store_finish(s);
	CHECK_INT_EQ(se_diag_count(d, SE_ERROR), 1);
	it = se_diag_get(d, 0);
	CHECK_STR_EQ(it->rule, "mixed-periods");
	CHECK_INT_EQ(it->line, 3);
	CHECK_STR_EQ(it->message, "indicator 'A' mixes years and quarters: "
	    "'2018' (x.csv:2) and '2018Q2' here; it is not rated");
	CHECK(!se_store_series_ok(s, 0));
	se_store_free(s);
	se_diag_free(d);
}

TEST(an_extract_file_streams_into_the_store_with_bad_rows_reported)
{
	se_diag *d = se_diag_new();
	se_store *s = se_store_new(NULL, d);
	FILE *f = fopen("test_store.csv", "w");
	se_cell c;

	fputs("\xef\xbb\xbfla_name,indicator,period,value\r\n"
	    "\"Any, City\",A,2018,\"1,234\"\r\n"
	    "Anyshire,A,2018,23.5%\r\n"
	    "Anyshire,A,2019,banana\r\n"
	    "Anyshire,A,2017,..\r\n", f);
	fclose(f);
	CHECK_INT_EQ(se_store_read(s, "test_store.csv"), 0);
	se_store_finish(s);
	CHECK_INT_EQ(se_store_nentities(s), 2);
	CHECK_STR_EQ(se_store_entity_name(s, 0), "Any, City");
	c = se_store_cell(s, 0, se_store_period_find(s, 0, "2018"), 0);
	CHECK_DBL_EQ(c.value, 1234, 0);
	c = se_store_cell(s, 0, se_store_period_find(s, 0, "2018"), 1);
	CHECK_DBL_EQ(c.value, 23.5, 0);
	c = se_store_cell(s, 0, se_store_period_find(s, 0, "2017"), 1);
	CHECK_INT_EQ(c.state, SE_CELL_SUPPRESSED);
	CHECK_STR_EQ(c.flag, "..");
	/* The garbage value is an error at its line, and the rest is read. */
	CHECK(se_diag_count(d, SE_ERROR) >= 1);
	CHECK_INT_EQ(se_diag_get(d, 0)->line, 4);
	remove("test_store.csv");
	se_store_free(s);
	se_diag_free(d);
}

/* Rows find their authority from the previous row, from the row that
 * followed it last time, or by a lookup; a broken order, a new code for
 * a name and a missing code must all land where the rules say. */
TEST(authorities_are_found_whatever_the_order_of_the_rows)
{
	se_diag *d = se_diag_new();
	se_store *s = se_store_new(NULL, d);
	size_t a, b, c, e;

	line_no = 1;
	add(s, "Anyshire", "E99000001", NULL, "A", "2018", 1);
	add(s, "Borough", "E99000002", NULL, "A", "2018", 2);
	add(s, "City", "E99000003", NULL, "A", "2018", 3);
	add(s, "Anyshire", "E99000001", NULL, "A", "2019", 11);
	add(s, "City", "E99000003", NULL, "A", "2019", 13);    /* not B */
	add(s, "Borough", "E99000002", NULL, "A", "2019", 12);
	add(s, "Anyshire", "E99000001", NULL, "B", "2019", 21);
	add(s, "Borough", "E99000009", NULL, "B", "2019", 22); /* new code */
	add(s, "City", NULL, NULL, "B", "2019", 23);           /* no code */
	add(s, "Anyshire", "", NULL, "B", "2018", 31);         /* empty */
	add(s, "City", NULL, NULL, "B", "2018", 33);
	se_store_finish(s);
	CHECK_INT_EQ(se_diag_len(d), 0);
	CHECK_INT_EQ(se_store_nentities(s), 4);
	a = se_store_entity_find(s, "E99000001");
	b = se_store_entity_find(s, "E99000002");
	c = se_store_entity_find(s, "City");
	e = se_store_entity_find(s, "E99000009");
	CHECK_DBL_EQ(se_store_cell(s, 0, 1, a).value, 11, 0);
	CHECK_DBL_EQ(se_store_cell(s, 0, 1, b).value, 12, 0);
	CHECK_DBL_EQ(se_store_cell(s, 0, 1, c).value, 13, 0);
	CHECK_DBL_EQ(se_store_cell(s, 1, 1, e).value, 22, 0);
	CHECK_INT_EQ(se_store_cell(s, 1, 1, b).state, SE_CELL_ABSENT);
	CHECK_DBL_EQ(se_store_cell(s, 1, 1, c).value, 23, 0);
	CHECK_DBL_EQ(se_store_cell(s, 1, 0, a).value, 31, 0);
	CHECK_DBL_EQ(se_store_cell(s, 1, 0, c).value, 33, 0);
	se_store_free(s);
	se_diag_free(d);
}

/* 100 authorities (pages of cells hold 16) x 3 indicators x 2 periods,
 * with the rows in three orders: authority first (every column is made
 * when one authority is known and grows page by page), period first, and
 * a shuffle; authority 37 has no rows for indicator "I1" (a page with a
 * hole) and authority 99 only one.  Every cell reads back as written,
 * and a conflicting row still names the line of the first. */
#define NAUTH 100

static double
value_of(int a, int i, int p)
{
	return a * 100 + i * 10 + p + 0.5;
}

static bool
skipped(int a, int i, int p)
{
	return (a == 37 && i == 1) || (a == 99 && (i || p));
}

TEST(cells_of_a_hundred_authorities_read_back_in_any_row_order)
{
	static const char *const ind[3] = { "I0", "I1", "I2" };
	static const char *const per[2] = { "2018", "2019" };
	int order, a, i, p, k, n = NAUTH * 3 * 2;

	for (order = 0; order < 3; order++) {
		se_diag *d = se_diag_new();
		se_store *s = se_store_new(NULL, d);
		char name[32];
		uint32_t x = 7;
		int *seq = malloc(sizeof *seq * (size_t)n);
		bool bad = false;

		for (k = 0; k < n; k++) /* authority first */
			seq[k] = k;
		if (order == 1) /* period, then indicator, then authority */
			for (k = 0; k < n; k++)
				seq[k] = (k % NAUTH) * 6 + (k / NAUTH % 3) * 2 +
				    k / (NAUTH * 3);
		for (k = n - 1; order == 2 && k > 0; k--) {
			int j, t;
			x = x * 1103515245u + 12345u;
			j = (int)((x >> 8) % (uint32_t)(k + 1));
			t = seq[k];
			seq[k] = seq[j];
			seq[j] = t;
		}
		line_no = 1;
		for (k = 0; k < n; k++) {
			a = seq[k] / 6;
			i = seq[k] / 2 % 3;
			p = seq[k] % 2;
			if (skipped(a, i, p))
				continue;
			snprintf(name, sizeof name, "Authority %03d", a);
			add(s, name, NULL, NULL, ind[i], per[p],
			    value_of(a, i, p));
		}
		/* line_no + 1: a conflict with the first row written */
		add(s, "Authority 000", NULL, NULL, "I0", "2018", -1);
		se_store_finish(s);
		CHECK_INT_EQ(se_store_nentities(s), NAUTH);
		for (a = 0; a < NAUTH; a++) {
			size_t e;
			snprintf(name, sizeof name, "Authority %03d", a);
			e = se_store_entity_find(s, name);
			for (i = 0; i < 3; i++)
				for (p = 0; p < 2; p++) {
					se_cell c = se_store_cell(s, (size_t)i,
					    (size_t)p, e);
					se_cell_state want = a == 0 && !i &&
					    !p ? SE_CELL_CONFLICT :
					    skipped(a, i, p) ? SE_CELL_ABSENT :
					    SE_CELL_VALUE;
					if (c.state != want || (want ==
					    SE_CELL_VALUE && c.value !=
					    value_of(a, i, p)))
						bad = true;
				}
			CHECK_INT_EQ(se_store_has_series(s, 1, e), a != 37 &&
			    a != 99);
		}
		CHECK(!bad);
		CHECK_INT_EQ(se_diag_len(d), 1);
		if (se_diag_len(d) == 1) {
			char want[160];
			int line = 2; /* add() numbers rows written from 2 */
			for (k = 0; seq[k] != 0; k++)
				line += !skipped(seq[k] / 6, seq[k] / 2 % 3,
				    seq[k] % 2);
			snprintf(want, sizeof want, "conflicting values for "
			    "'Authority 000', 'I0', 2018: -1 here and 0.5 at "
			    "x.csv:%d; neither is used", line);
			CHECK_STR_EQ(se_diag_get(d, 0)->message, want);
		}
		free(seq);
		se_store_free(s);
		se_diag_free(d);
	}
}

static void
write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	fputs(text, f);
	fclose(f);
}

/* Places are kept as one line number across files: a conflict names the
 * first file's line, and one within the second file its own. */
TEST(a_conflict_across_two_files_names_the_line_in_the_first)
{
	se_diag *d = se_diag_new();
	se_store *s = se_store_new(NULL, d);

	write_file("test_store_1.csv", "la_name,indicator,period,value\n"
	    "Anyshire,A,2018,1\nBorough,A,2018,2\nCity,A,2018,3\n");
	write_file("test_store_2.csv", "la_name,indicator,period,value\n"
	    "Borough,A,2018,5\nCity,A,2019,6\nCity,A,2019,7\n");
	CHECK_INT_EQ(se_store_read(s, "test_store_1.csv"), 0);
	CHECK_INT_EQ(se_store_read(s, "test_store_2.csv"), 0);
	se_store_finish(s);
	CHECK_INT_EQ(se_diag_len(d), 2);
	CHECK_STR_EQ(se_diag_get(d, 0)->file, "test_store_2.csv");
	CHECK_INT_EQ(se_diag_get(d, 0)->line, 2);
	CHECK_STR_EQ(se_diag_get(d, 0)->message, "conflicting values for "
	    "'Borough', 'A', 2018: 5 here and 2 at test_store_1.csv:3; "
	    "the rows differ in no other column; neither is used");
	CHECK_INT_EQ(se_diag_get(d, 1)->line, 4);
	CHECK_STR_EQ(se_diag_get(d, 1)->message, "conflicting values for "
	    "'City', 'A', 2019: 7 here and 6 at test_store_2.csv:3; "
	    "the rows differ in no other column; neither is used");
	remove("test_store_1.csv");
	remove("test_store_2.csv");
	se_store_free(s);
	se_diag_free(d);
}

/* #15: the rows of a conflict are read again to name the columns that
 * tell them apart (here one the long layout does not read). */
TEST(a_conflict_names_the_columns_its_rows_differ_in)
{
	se_diag *d = se_diag_new();
	se_store *s = se_store_new(NULL, d);

	write_file("test_store_3.csv", "la_name,indicator,period,value,sex,"
	    "source\nAnyshire,A,2018,1,F,census\nBorough,A,2018,4,F,census\n"
	    "Anyshire,A,2018,2,M,census\n");
	CHECK_INT_EQ(se_store_read(s, "test_store_3.csv"), 0);
	se_store_finish(s);
	CHECK_INT_EQ(se_diag_len(d), 1);
	CHECK_INT_EQ(se_diag_get(d, 0)->line, 4);
	CHECK_STR_EQ(se_diag_get(d, 0)->message, "conflicting values for "
	    "'Anyshire', 'A', 2018: 2 here and 1 at test_store_3.csv:2; "
	    "the rows differ in 'sex'; neither is used");
	remove("test_store_3.csv");
	se_store_free(s);
	se_diag_free(d);
}

int
main(void)
{
	RUN(authorities_match_by_code_when_both_rows_have_one_else_by_name);
	RUN(england_and_regions_are_comparators_not_authorities);
	RUN(identical_repeated_rows_are_ignored);
	RUN(conflicting_rows_are_an_error_naming_both_places_and_neither_is_used);
	RUN(year_spans_become_months_when_the_series_has_months);
	RUN(mixed_granularity_is_an_error_with_two_example_periods);
	RUN(an_extract_file_streams_into_the_store_with_bad_rows_reported);
	RUN(authorities_are_found_whatever_the_order_of_the_rows);
	RUN(cells_of_a_hundred_authorities_read_back_in_any_row_order);
	RUN(a_conflict_across_two_files_names_the_line_in_the_first);
	RUN(a_conflict_names_the_columns_its_rows_differ_in);
	return DONE();
}
