/* test_layout.c: the published layouts (lib/layout.c) read through
 * se_extract: EES tidy data, LAIT long and Fingertips exports. */
#include "se.h"
#include "unit.h"

#include <stdlib.h>
#include <string.h>

struct out {
	char *s;
	size_t len, cap;
};

static void
out_add(struct out *o, const char *t)
{
	size_t n = strlen(t);

	if (o->len + n + 1 > o->cap) {
		o->cap = (o->len + n + 1) * 2;
		o->s = realloc(o->s, o->cap);
	}
	memcpy(o->s + o->len, t, n + 1);
	o->len += n;
}

#define S(x) ((x) ? (x) : "-")

/* One value as "line name|code|code2|region|indicator|title|period=value
 * [release] (ci)". */
static int
collect(void *ctx, const se_row *r)
{
	char per[32], t[512];

	se_period_format(&r->period, per, sizeof per);
	snprintf(t, sizeof t, "%u %s|%s|%s|%s|%s|%s|%s=", r->row_pos.line,
	    S(r->authority), S(r->code), S(r->code2), S(r->region),
	    S(r->indicator), S(r->title), per);
	out_add(ctx, t);
	if (r->has_value)
		snprintf(t, sizeof t, "%g", r->value);
	else
		snprintf(t, sizeof t, "[%s]", S(r->flag));
	out_add(ctx, t);
	if (r->release)
		out_add(ctx, r->release == SE_RELEASE_FINAL ? " final" :
		    r->release == SE_RELEASE_REVISED ? " revised" :
		    " provisional");
	if (r->has_ci) {
		snprintf(t, sizeof t, " (%g to %g)", r->ci_low, r->ci_high);
		out_add(ctx, t);
	}
	out_add(ctx, "\n");
	return 0;
}

static char *
diags(se_diag *d)
{
	static char buf[8192];
	size_t i, k = 0;

	buf[0] = '\0';
	for (i = 0; i < se_diag_len(d); i++) {
		const se_diag_item *it = se_diag_get(d, i);
		k += (size_t)snprintf(buf + k, sizeof buf - k, "%u:%s: %s\n",
		    it->line, it->rule, it->message);
	}
	return buf;
}

static const char catalogue[] =
    "kind: indicators\n"
    "indicators:\n"
    "  - {id: A, title: Measure A, unit: percent, polarity: high,"
    " aliases: [measure_a]}\n"
    "  - {id: B, title: Measure B, unit: rate, polarity: low}\n";

/* Read 'in' fed in pieces of 'chunk' bytes (0: whole) with the test
 * catalogue and --where 'where' (NULL: none). */
static char *
read_mem(const char *in, size_t chunk, const char *where, int *rc,
    char **dg)
{
	struct out o = { 0 };
	se_diag *d = se_diag_new();
	se_doc *doc = se_doc_parse("c.yaml", -1, catalogue,
	    sizeof catalogue - 1, d);
	se_catalogue *cat = se_catalogue_from_doc(doc, d);
	se_extract *x = se_extract_new("x.csv", collect, &o, d);
	const char *w[1] = { where };
	se_extract_opts opts = { .cat = cat, .where = w,
	    .nwhere = where ? 1 : 0 };
	size_t len = strlen(in), i;
	int r = se_extract_set_opts(x, &opts);

	if (!chunk)
		chunk = len ? len : 1;
	for (i = 0; i < len && r == 0; i += chunk)
		r = se_extract_feed(x, in + i, len - i < chunk ? len - i : chunk);
	if (r == 0)
		r = se_extract_finish(x);
	*rc = r;
	*dg = strdup(diags(d));
	se_extract_free(x);
	se_catalogue_free(cat);
	se_doc_free(doc);
	se_diag_free(d);
	if (!o.s)
		out_add(&o, "");
	return o.s;
}

static se_extract_layout
sniff(const char *header)
{
	se_csv_field f[64];
	char buf[2048];
	size_t n = 0;
	char *p = buf, *q;

	snprintf(buf, sizeof buf, "%s", header);
	for (;;) {
		q = strchr(p, ',');
		f[n].text = p;
		f[n].len = q ? (size_t)(q - p) : strlen(p);
		f[n].line = f[n].col = 1;
		n++;
		if (!q || n == 64)
			break;
		p = q + 1;
	}
	return se_extract_layout_sniff(f, n);
}

TEST(the_layout_is_told_from_the_header_alone)
{
	CHECK_INT_EQ(sniff("time_period,time_identifier,geographic_level,"
	    "country_code,country_name,region_code,region_name,old_la_code,"
	    "new_la_code,la_name,category,referral_count"), SE_LAYOUT_EES);
	CHECK_INT_EQ(sniff("Short Desc,Data item,Years,LA and Regions,Values,"
	    "LA Number,Region"), SE_LAYOUT_LAIT);
	CHECK_INT_EQ(sniff("Indicator ID,Indicator Name,Parent Code,Parent "
	    "Name,Area Code,Area Name,Area Type,Sex,Age,Category Type,"
	    "Category,Time period,Value,Lower CI 95.0 limit,Upper CI 95.0 "
	    "limit"), SE_LAYOUT_FINGERTIPS);
	CHECK_INT_EQ(sniff("Indicator Name,Area Code,Area Type,Time period,"
	    "Value"), SE_LAYOUT_FINGERTIPS);
	CHECK_INT_EQ(sniff("la_code,la_name,indicator,time_period,value"),
	    SE_LAYOUT_LONG);
	CHECK_INT_EQ(sniff("authority,indicator,2017-18,2018-19"),
	    SE_LAYOUT_WIDE);
	CHECK_INT_EQ(sniff("area,year,count"), SE_LAYOUT_NONE);
	CHECK_INT_EQ(sniff("time_period,geographic_level,la_name"),
	    SE_LAYOUT_NONE);
	CHECK_STR_EQ(se_extract_layout_name(SE_LAYOUT_EES), "EES tidy data");
	CHECK_STR_EQ(se_extract_layout_name(SE_LAYOUT_NONE), "none");
}

static const char ees[] =
    "\xef\xbb\xbftime_period,time_identifier,geographic_level,country_code,"
    "country_name,region_code,region_name,old_la_code,new_la_code,la_name,"
    "group,version,measure_a,B,spare\n"
    "202324,Academic year,National,E92000001,England,,,,,,Total,Final,"
    "50,1.5E-1,7\n"
    "202324,Academic year,Regional,E92000001,England,E12000001,North East,"
    ",,,Total,Final,51,x,8\n"
    "202324,Academic year,Local authority,E92000001,England,E12000001,"
    "North East,841,E06000005,Darlington,Total,Revised,52,k,9\n"
    "202324,Academic year,Local authority,E92000001,England,E12000001,"
    "North East,841,E06000005,Darlington,Girls,Revised,53,c,9\n"
    "202324,Academic year,Local authority district,E92000001,England,"
    "E12000001,North East,,,,Total,Final,1,1,1\n"
    "2024,Q3,Local authority,E92000001,England,E12000001,"
    "North East,\"940 / 941\",,\"North Northamptonshire / West "
    "Northamptonshire\",Total,Final,54,~,9\n";

static const char ees_want[] =
    "2 England|E92000001|-|-|measure_a|-|2023-24=50 final\n"
    "2 England|E92000001|-|-|B|-|2023-24=0.15 final\n"
    "3 North East|E12000001|-|-|measure_a|-|2023-24=51 final\n"
    "3 North East|E12000001|-|-|B|-|2023-24=[x] final\n"
    "4 Darlington|E06000005|841|North East|measure_a|-|2023-24=52 revised\n"
    "4 Darlington|E06000005|841|North East|B|-|2023-24=[k] revised\n"
    "7 North Northamptonshire / West Northamptonshire|-|940 / 941|North "
    "East|measure_a|-|2024Q3=54 final\n"
    "7 North Northamptonshire / West Northamptonshire|-|940 / 941|North "
    "East|B|-|2024Q3=[~] final\n";

TEST(ees_rows_are_read_by_level_with_measures_from_the_catalogue)
{
	int rc;
	char *dg, *got = read_mem(ees, 0, NULL, &rc, &dg);

	CHECK_STR_EQ(got, ees_want);
	CHECK_STR_EQ(dg, "1:skipped-rows: geographic levels other than "
	    "National, Regional and Local authority are not used: 1 row of "
	    "'Local authority district' skipped\n"
	    "1:unused-measure: 1 measure column not in the catalogue is not "
	    "read: 'spare'\n");
	CHECK_INT_EQ(rc, 0);
	free(got);
	free(dg);
}

TEST(ees_reads_the_same_in_every_chunk_size)
{
	size_t chunk;

	for (chunk = 1; chunk <= sizeof ees; chunk++) {
		int rc;
		char *dg, *got = read_mem(ees, chunk, NULL, &rc, &dg);
		if (strcmp(got, ees_want) != 0) {
			printf("# chunk %zu:\n%s", chunk, got);
			unit_cur_failed = 1;
			free(got);
			free(dg);
			break;
		}
		free(got);
		free(dg);
	}
}

TEST(where_picks_a_level_in_any_case)
{
	int rc;
	char *dg, *got = read_mem(ees, 0, "group=GIRLS", &rc, &dg);

	CHECK_STR_EQ(got,
	    "5 Darlington|E06000005|841|North East|measure_a|-|2023-24=53 "
	    "revised\n"
	    "5 Darlington|E06000005|841|North East|B|-|2023-24=[c] revised\n");
	CHECK_INT_EQ(rc, 0);
	free(got);
	free(dg);
}

#define EES_HEAD "time_period,time_identifier,geographic_level," \
	"country_code,region_code,region_name,new_la_code,la_name,phase," \
	"measure_a\n"

TEST(a_single_level_filter_is_its_own_total_unless_a_total_follows)
{
	static const char single[] = EES_HEAD
	    "2024,Calendar year,Local authority,E92000001,E12000001,"
	    "North East,E06000005,Darlington,Secondary,5\n"
	    "2024,Calendar year,National,E92000001,,,,,Secondary,6\n";
	static const char later[] = EES_HEAD
	    "2024,Calendar year,Local authority,E92000001,E12000001,"
	    "North East,E06000005,Darlington,Secondary,5\n"
	    "2024,Calendar year,Local authority,E92000001,E12000001,"
	    "North East,E06000005,Darlington,Total,7\n";
	int rc;
	char *dg, *got = read_mem(single, 0, NULL, &rc, &dg);

	CHECK_STR_EQ(got,
	    "2 Darlington|E06000005|-|North East|measure_a|-|2024=5\n"
	    "3 England|E92000001|-|-|measure_a|-|2024=6\n");
	CHECK_STR_EQ(dg, "");
	free(got);
	free(dg);
	got = read_mem(later, 0, NULL, &rc, &dg);
	CHECK_STR_EQ(got,
	    "3 Darlington|E06000005|-|North East|measure_a|-|2024=7\n");
	CHECK_STR_EQ(dg, "");
	free(got);
	free(dg);
}

TEST(a_filter_without_a_total_names_its_levels)
{
	static const char in[] = EES_HEAD
	    "2024,Calendar year,Local authority,E92000001,E12000001,"
	    "North East,E06000005,Darlington,Primary,5\n"
	    "2024,Calendar year,Local authority,E92000001,E12000001,"
	    "North East,E06000005,Darlington,Secondary,7\n";
	int rc;
	char *dg, *got = read_mem(in, 0, NULL, &rc, &dg);

	CHECK_STR_EQ(got, "");
	CHECK_STR_EQ(dg, "1:no-total: breakdown 'phase' has no total level, "
	    "so none of its rows is used: choose one with --where "
	    "phase=LEVEL ('Primary', 'Secondary')\n");
	free(got);
	free(dg);
}

TEST(an_identifier_not_understood_is_named)
{
	static const char in[] = EES_HEAD
	    "2024,Summer term,National,E92000001,,,,,Total,5\n"
	    "202425,January,National,E92000001,,,,,Total,6\n"
	    "202425,Financial year Q4,National,E92000001,,,,,Total,7\n"
	    "2024,Financial year Q1,National,E92000001,,,,,Total,8\n"
	    "202526,Academic year,National,E92000001,,,,,Total,9\n"
	    "202527,Academic year,National,E92000001,,,,,Total,9\n"
	    "2024,Month 4,National,E92000001,,,,,Total,9\n";
	int rc;
	char *dg, *got = read_mem(in, 0, NULL, &rc, &dg);

	CHECK_STR_EQ(got,
	    "3 England|E92000001|-|-|measure_a|-|2025-01=6\n"
	    "4 England|E92000001|-|-|measure_a|-|2024-25 Q4=7\n"
	    "5 England|E92000001|-|-|measure_a|-|2024-25 Q1=8\n"
	    "6 England|E92000001|-|-|measure_a|-|2025-26=9\n");
	CHECK(strstr(dg, "2:csv-period: time_identifier 'Summer term' needs a "
	    "six-digit (202324) time_period, not '2024'") == dg);
	CHECK(strstr(dg, "7:csv-period: time_period '202527' is not a year "
	    "(2018) or a year span (201819)") != NULL);
	CHECK(strstr(dg, "8:csv-period: time_identifier 'Month 4' is not "
	    "understood") != NULL);
	free(got);
	free(dg);
}

static const char lait[] =
    "Short Desc,Data item,Years,LA and Regions,Values,LA Number,Region\n"
    "RTA,Children killed or injured,2014-16,Camden,11.19,202,Inner London\n"
    "RTA,,2014-16,London (Inner),12,987,NA\n"
    "RTA,,2014-16,England,17.14,970,NA\n"
    "RTA,,2015-17,Camden,-,202,Inner London\n"
    "CIN,Children in need,2022 (Rev),Camden,500,202,Inner London\n"
    "CIN,,2023 (Rev),Camden,510,202,Inner London\n"
    "CIN,,2025 (prov),Camden,520,202,Inner London\n"
    "RTA,,2016-18,Camden,13,202,Inner London\n";

TEST(lait_carries_the_title_drops_marks_and_names_london_halves)
{
	int rc;
	char *dg, *got = read_mem(lait, 0, NULL, &rc, &dg);

	CHECK_STR_EQ(got,
	    "2 Camden|202|-|Inner London|RTA|Children killed or injured|"
	    "2014-16=11.19\n"
	    "3 Inner London|987|-|-|RTA|Children killed or injured|2014-16=12\n"
	    "4 England|970|-|-|RTA|Children killed or injured|2014-16=17.14\n"
	    "5 Camden|202|-|Inner London|RTA|Children killed or injured|"
	    "2015-17=[-]\n"
	    "6 Camden|202|-|Inner London|CIN|Children in need|2022=500\n"
	    "7 Camden|202|-|Inner London|CIN|Children in need|2023=510\n"
	    "8 Camden|202|-|Inner London|CIN|Children in need|2025=520\n"
	    "9 Camden|202|-|Inner London|RTA|Children killed or injured|"
	    "2016-18=13\n");
	CHECK_STR_EQ(dg, "1:period-mark: periods marked '(Rev)' are read "
	    "without the mark (2 rows)\n"
	    "1:period-mark: periods marked '(prov)' are read without the mark "
	    "(1 row)\n");
	CHECK_INT_EQ(rc, 0);
	free(got);
	free(dg);
}

static const char ft[] =
    "Indicator ID,Indicator Name,Parent Code,Parent Name,Area Code,"
    "Area Name,Area Type,Sex,Age,Category Type,Category,Time period,Value,"
    "Lower CI 95.0 limit,Upper CI 95.0 limit,Count\n"
    "90284,Injuries,,,E92000001,England,England,Persons,<15 yrs,,,"
    "2010/11,115.2,114.5,115.9,107429\n"
    "90284,Injuries,,,E92000001,England,England,Persons,<15 yrs,"
    "Deciles,Most deprived,2010/11,150,140,160,1\n"
    "90284,Injuries,E92000001,England,E06000001,Hartlepool,"
    "Counties & UAs,Persons,<15 yrs,,,2010/11,158.6,140.0,178.9,264\n"
    "90284,Injuries,E92000001,England,E06000001,Hartlepool,"
    "Counties & UAs,Male,<15 yrs,,,2010/11,170,150,190,140\n"
    "90284,Injuries,E12000007,London region (statistical),E09000007,"
    "Camden,Counties & UAs,Persons,<15 yrs,,,2011/12,90,,,1\n";

TEST(fingertips_persons_and_no_category_by_default_with_limits)
{
	int rc;
	char *dg, *got = read_mem(ft, 0, NULL, &rc, &dg);

	CHECK_STR_EQ(got,
	    "2 England|E92000001|-|-|90284|Injuries|2010-11=115.2 "
	    "(114.5 to 115.9)\n"
	    "4 Hartlepool|E06000001|-|-|90284|Injuries|2010-11=158.6 "
	    "(140 to 178.9)\n"
	    "6 Camden|E09000007|-|London region (statistical)|90284|Injuries|"
	    "2011-12=90\n");
	CHECK_STR_EQ(dg, "");
	free(got);
	free(dg);
	got = read_mem(ft, 0, "Sex=male", &rc, &dg);
	CHECK_STR_EQ(got,
	    "5 Hartlepool|E06000001|-|-|90284|Injuries|2010-11=170 "
	    "(150 to 190)\n");
	free(got);
	free(dg);
}

TEST(regions_are_matched_without_region_and_statistical)
{
	CHECK_INT_EQ(se_region_code("London region (statistical)"), 7);
	CHECK_INT_EQ(se_region_code("North East region (statistical)"), 1);
	CHECK_INT_EQ(se_region_code("Yorkshire and The Humber"), 3);
}

int
main(void)
{
	RUN(the_layout_is_told_from_the_header_alone);
	RUN(ees_rows_are_read_by_level_with_measures_from_the_catalogue);
	RUN(ees_reads_the_same_in_every_chunk_size);
	RUN(where_picks_a_level_in_any_case);
	RUN(a_single_level_filter_is_its_own_total_unless_a_total_follows);
	RUN(a_filter_without_a_total_names_its_levels);
	RUN(an_identifier_not_understood_is_named);
	RUN(lait_carries_the_title_drops_marks_and_names_london_halves);
	RUN(fingertips_persons_and_no_category_by_default_with_limits);
	RUN(regions_are_matched_without_region_and_statistical);
	return DONE();
}
