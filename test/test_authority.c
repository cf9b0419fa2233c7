/* test_authority.c: the authorities table (lib/authority.c) and one
 * identity per authority in the series store.  The real files in
 * test/fixtures/real/ are copied unchanged from the Department for
 * Education's analysts' repositories (Open Government Licence v3.0):
 * Explore Education Statistics open data, the Local Authority Interactive
 * Tool's long data, the statistical neighbour groupings of April 2021;
 * fingertips-areas.csv holds the distinct areas (code, name, type,
 * parent) of an OHID Fingertips export of indicator 90284. */
#include "se.h"
#include "unit.h"

#include <math.h>
#include <stdint.h>

#define TABLE "formats/shared/authorities.csv"
#define NONE SIZE_MAX

static se_authorities *
table(se_diag *d)
{
	return se_authorities_load(TABLE, d);
}

TEST(the_shipped_table_loads_with_no_diagnostics)
{
	se_diag *d = se_diag_new();
	se_authorities *a = table(d);
	size_t i, current = 0, former = 0, regions = 0;

	CHECK(a != NULL);
	CHECK_INT_EQ(se_diag_count(d, SE_NOTE) + se_diag_count(d, SE_WARNING) +
	    se_diag_count(d, SE_ERROR), 0);
	for (i = 0; a && i < se_authorities_len(a); i++) {
		const se_authority *x = se_authorities_at(a, i);
		current += x->kind == SE_AUTHORITY_CURRENT;
		former += x->kind == SE_AUTHORITY_FORMER;
		regions += x->kind == SE_AUTHORITY_REGION;
		/* Every current authority has both codes and a region. */
		if (x->kind == SE_AUTHORITY_CURRENT)
			CHECK(x->ons_code && x->dfe_number && x->region);
	}
	CHECK_INT_EQ(current, 153);
	CHECK_INT_EQ(former, 7);
	CHECK_INT_EQ(regions, 11);
	se_authorities_free(a);
	se_diag_free(d);
}

static const char *
name_of(const se_authorities *a, size_t e)
{
	return e == NONE ? "(none)" : se_authorities_at(a, e)->name;
}

TEST(every_code_an_authority_has_had_finds_it)
{
	se_diag *d = se_diag_new();
	se_authorities *a = table(d);

	CHECK_STR_EQ(name_of(a, se_authorities_by_code(a, "E10000002")),
	    "Buckinghamshire");
	CHECK_STR_EQ(name_of(a, se_authorities_by_code(a, "E06000060")),
	    "Buckinghamshire");
	CHECK_STR_EQ(name_of(a, se_authorities_by_code(a, "825")),
	    "Buckinghamshire");
	CHECK_STR_EQ(name_of(a, se_authorities_by_code(a, "e10000023")),
	    "North Yorkshire");
	CHECK_STR_EQ(name_of(a, se_authorities_by_code(a, " E06000065 ")),
	    "North Yorkshire");
	CHECK_STR_EQ(name_of(a, se_authorities_by_code(a, "E10000027")),
	    "Somerset");
	CHECK_STR_EQ(name_of(a, se_authorities_by_code(a, "E06000048")),
	    "Northumberland");
	CHECK_STR_EQ(name_of(a, se_authorities_by_code(a, "370")), "Barnsley");
	CHECK_STR_EQ(name_of(a, se_authorities_by_code(a, "E08000016")),
	    "Barnsley");
	CHECK_STR_EQ(name_of(a, se_authorities_by_code(a, "909")), "Cumbria");
	CHECK_STR_EQ(name_of(a, se_authorities_by_code(a, "942")), "Cumberland");
	CHECK_STR_EQ(name_of(a, se_authorities_by_code(a, "987")),
	    "Inner London");
	CHECK_STR_EQ(name_of(a, se_authorities_by_code(a, "970")), "England");
	CHECK(se_authorities_by_code(a, "940 / 941") == NONE);
	CHECK(se_authorities_by_code(a, "E99000001") == NONE);
	se_authorities_free(a);
	se_diag_free(d);
}

TEST(names_match_with_their_common_variants)
{
	static const char *const same[][2] = {
		{ "Bristol, City of", "Bristol, City of" },
		{ "City of Bristol", "Bristol, City of" },
		{ "Bristol", "Bristol, City of" },
		{ "BRISTOL CITY COUNCIL", "Bristol, City of" },
		{ "Kingston Upon Hull, City of", "Kingston upon Hull, City of" },
		{ "Kingston upon Hull", "Kingston upon Hull, City of" },
		{ "Herefordshire", "Herefordshire, County of" },
		{ "St Helens", "St. Helens" },
		{ "Saint Helens", "St. Helens" },
		{ "Telford & Wrekin", "Telford and Wrekin" },
		{ "Southend on Sea", "Southend-on-Sea" },
		{ "Bedford Borough", "Bedford" },
		{ "Durham", "County Durham" },
		{ "Buckinghamshire UA", "Buckinghamshire" },
		{ "North Yorkshire UA", "North Yorkshire" },
		{ "Kent County Council", "Kent" },
		{ "London Borough of Barnet", "Barnet" },
		{ "Royal Borough of Greenwich", "Greenwich" },
		{ "City of York", "York" },
		{ "City of London", "City of London" },
		{ "City of Westminster", "Westminster" },
		{ "Yorkshire and the Humber", "Yorkshire and The Humber" },
		{ "London (Inner)", "Inner London" },
		{ "London (Outer)", "Outer London" },
		{ "London region (statistical)", "London" },
		{ "Dorset", "Dorset" },
		{ "Dorset (Pre LG)", "Dorset (to 2019)" },
		{ "Poole (Pre LG)", "Poole" },
		{ "King\xe2\x80\x99s Lynn", "(none)" },
		{ "North Northamptonshire / West Northamptonshire", "(none)" },
		{ "London", "London" },
	};
	se_diag *d = se_diag_new();
	se_authorities *a = table(d);
	size_t i;

	for (i = 0; i < sizeof same / sizeof same[0]; i++)
		CHECK_STR_EQ(name_of(a, se_authorities_by_name(a, same[i][0])),
		    same[i][1]);
	se_authorities_free(a);
	se_diag_free(d);
}

/* ---- every authority of the real files ---------------------------------- */

struct realfile {
	const se_authorities *a;
	const char *path;
	const char *want[4];  /* column names: name, code, code2, level */
	int col[4];           /* their columns, or -1 */
	const char *level_is; /* the value of the level column to check */
	bool header;
	size_t rows, bad;
};

static int
column(const se_csv_field *f, size_t n, const char *want)
{
	size_t i;

	for (i = 0; want && i < n; i++)
		if (strcmp(f[i].text, want) == 0)
			return (int)i;
	return -1;
}

/* A former authority a current one took the name of (Dorset). */
static bool
renamed(const se_authorities *a, size_t by_code, size_t by_name)
{
	const se_authority *x = se_authorities_at(a, by_code);
	size_t k;

	for (k = 0; x->kind == SE_AUTHORITY_FORMER && k < x->nbecame; k++)
		if (se_authorities_by_name(a, x->became[k]) == by_name)
			return true;
	return false;
}

static const char *
text(const struct realfile *r, const se_csv_field *f, size_t n, int k)
{
	return r->col[k] >= 0 && (size_t)r->col[k] < n ? f[r->col[k]].text :
	    "";
}

static int
on_real(void *ctx, const se_csv_field *f, size_t n, unsigned line)
{
	struct realfile *r = ctx;
	const char *name, *code, *code2;
	size_t bn, bc, bc2, k;

	if (!r->header) {
		r->header = true;
		for (k = 0; k < 4; k++)
			r->col[k] = column(f, n, r->want[k]);
		return 0;
	}
	if (r->col[3] >= 0 && strcmp(text(r, f, n, 3), r->level_is) != 0)
		return 0;
	name = text(r, f, n, 0);
	code = text(r, f, n, 1);
	code2 = text(r, f, n, 2);
	if (!*code)
		return 0; /* the neighbours file's blank and heading rows */
	r->rows++;
	bn = se_authorities_by_name(r->a, name);
	bc = se_authorities_by_code(r->a, code);
	bc2 = *code2 ? se_authorities_by_code(r->a, code2) : bc;
	if (bn == NONE || bc == NONE || bc != bc2 ||
	    (bn != bc && !renamed(r->a, bc, bn))) {
		r->bad++;
		printf("# %s:%u: '%s' '%s' '%s' -> '%s' '%s' '%s'\n", r->path,
		    line, name, code, code2, name_of(r->a, bn),
		    name_of(r->a, bc), name_of(r->a, bc2));
	}
	return 0;
}

/* Rows of 'path' checked (by name, code and second code, each finding
 * one entry, the same), and how many did not. */
static void
resolve_file(struct realfile *r)
{
	se_diag *d = se_diag_new();
	se_csv *c = se_csv_new(r->path, on_real, r, d);
	FILE *f = fopen(r->path, "rb");
	char buf[65536];
	size_t n;

	CHECK(f != NULL && c != NULL);
	while (f && c && (n = fread(buf, 1, sizeof buf, f)) > 0)
		if (se_csv_feed(c, buf, n) < 0)
			break;
	if (c)
		se_csv_finish(c);
	if (f)
		fclose(f);
	se_csv_free(c);
	CHECK_INT_EQ(se_diag_count(d, SE_ERROR), 0);
	se_diag_free(d);
}

TEST(every_authority_of_the_real_files_is_one_entry_of_the_table)
{
	static const struct {
		const char *path, *name, *code, *code2, *level, *level_is;
		size_t rows;
	} files[] = {
		{ "test/fixtures/real/ees-cin-referrals-rereferrals.csv",
		    "la_name", "new_la_code", "old_la_code", "geographic_level",
		    "Local authority", 1976 },
		{ "test/fixtures/real/ees-cla-number-and-rate.csv", "la_name",
		    "new_la_code", "old_la_code", "geographic_level",
		    "Local authority", 2325 },
		{ "test/fixtures/real/ees-ks4-by-social-care-group.csv",
		    "la_name", "new_la_code", "old_la_code", "geographic_level",
		    "Local authority", 3192 },
		{ "test/fixtures/real/lait-long-12-measures.csv",
		    "LA and Regions", "LA Number", NULL, NULL, NULL, 18870 },
		{ "test/fixtures/real/dfe-statistical-neighbours-2021.csv",
		    "LA Name", "LA num", "LA number", NULL, NULL, 156 },
		{ "test/fixtures/real/fingertips-areas.csv", "Area Name",
		    "Area Code", NULL, NULL, NULL, 155 },
	};
	se_diag *d = se_diag_new();
	se_authorities *a = table(d);
	size_t i;

	for (i = 0; a && i < sizeof files / sizeof files[0]; i++) {
		struct realfile r;
		memset(&r, 0, sizeof r);
		r.a = a;
		r.path = files[i].path;
		r.want[0] = files[i].name;
		r.want[1] = files[i].code;
		r.want[2] = files[i].code2;
		r.want[3] = files[i].level;
		r.level_is = files[i].level_is;
		resolve_file(&r);
		CHECK_INT_EQ(r.rows, files[i].rows);
		CHECK_INT_EQ(r.bad, 0);
	}
	se_authorities_free(a);
	se_diag_free(d);
}

/* ---- one identity in the store -------------------------------------------- */

static unsigned line_no;

static void
row(se_store *s, const char *file, const char *auth, const char *code,
    const char *code2, const char *region, const char *period, double v)
{
	se_row r;

	memset(&r, 0, sizeof r);
	r.authority = auth;
	r.code = code;
	r.code2 = code2;
	r.region = region;
	r.indicator = "CLA rate";
	r.period_text = period;
	se_period_parse(period, strlen(period), &r.period);
	r.has_value = true;
	r.value = v;
	r.pos.file = r.row_pos.file = file;
	r.pos.line = r.row_pos.line = ++line_no;
	r.pos.col = r.row_pos.col = 1;
	se_store_row(s, &r);
}

struct fix {
	se_diag *d;
	se_authorities *a;
	se_store *s;
};

static void
fix_init(struct fix *f)
{
	f->d = se_diag_new();
	f->a = table(f->d);
	f->s = se_store_new(NULL, f->d);
	CHECK_INT_EQ(se_store_set_authorities(f->s, f->a), 0);
}

static void
fix_release(struct fix *f)
{
	se_store_free(f->s);
	se_authorities_free(f->a);
	se_diag_free(f->d);
}

static size_t
count_kind(const se_store *s, se_entity_kind k)
{
	size_t i, n = 0;

	for (i = 0; i < se_store_nentities(s); i++)
		n += se_store_entity_kind(s, i) == k;
	return n;
}

TEST(an_authority_that_changed_code_is_one_entity)
{
	struct fix f;
	size_t e;

	fix_init(&f);
	row(f.s, "old.csv", "Buckinghamshire", "E10000002", "825", "South East",
	    "2019", 1);
	row(f.s, "new.csv", "Buckinghamshire", "E06000060", "825", "South East",
	    "2021", 2);
	row(f.s, "new.csv", "North Yorkshire", "E10000023", NULL, NULL, "2022",
	    3);
	row(f.s, "new.csv", "North Yorkshire", "E06000065", NULL, NULL, "2024",
	    4);
	CHECK_INT_EQ(se_store_finish(f.s), 0);
	CHECK_INT_EQ(se_store_nentities(f.s), 2);
	e = se_store_entity_find(f.s, "E10000002");
	CHECK_STR_EQ(se_store_entity_name(f.s, e), "Buckinghamshire");
	CHECK_STR_EQ(se_store_entity_code(f.s, e), "E06000060");
	CHECK_INT_EQ(se_store_entity_find(f.s, "825"), e);
	CHECK_INT_EQ(se_store_entity_find(f.s, "Buckinghamshire UA"), e);
	/* No region column: the table's region. */
	CHECK_STR_EQ(se_store_entity_region(f.s, se_store_entity_find(f.s,
	    "815")), "Yorkshire and The Humber");
	CHECK_INT_EQ(se_diag_count(f.d, SE_NOTE), 0);
	fix_release(&f);
}

TEST(three_digit_numbers_and_ons_codes_make_one_entity)
{
	struct fix f;
	size_t e;

	fix_init(&f);
	row(f.s, "lait.csv", "Barnsley", "370", NULL, "Yorkshire and the Humber",
	    "2020", 1);
	row(f.s, "ees.csv", "Barnsley", "E08000016", "370",
	    "Yorkshire and The Humber", "2021", 2);
	row(f.s, "lait.csv", "Bedford Borough", "822", NULL, "East of England",
	    "2020", 1);
	row(f.s, "ees.csv", "Bedford", "E06000055", "822", "East of England",
	    "2021", 2);
	row(f.s, "ft.csv", "Bedford", "E06000055", NULL, NULL, "2022", 3);
	CHECK_INT_EQ(se_store_finish(f.s), 0);
	CHECK_INT_EQ(se_store_nentities(f.s), 2);
	e = se_store_entity_find(f.s, "370");
	CHECK_STR_EQ(se_store_entity_name(f.s, e), "Barnsley");
	CHECK_STR_EQ(se_store_entity_code(f.s, e), "E08000016");
	CHECK_STR_EQ(se_store_entity_name(f.s, se_store_entity_find(f.s,
	    "Bedford Borough")), "Bedford");
	CHECK_STR_EQ(se_store_entity_region(f.s, e),
	    "Yorkshire and the Humber"); /* the first file's own */
	fix_release(&f);
}

TEST(name_variants_make_one_entity_shown_by_the_table_name)
{
	struct fix f;

	fix_init(&f);
	row(f.s, "a.csv", "Bristol, City of", NULL, NULL, NULL, "2020", 1);
	row(f.s, "b.csv", "City of Bristol", NULL, NULL, NULL, "2021", 2);
	row(f.s, "c.csv", "BRISTOL", NULL, NULL, NULL, "2022", 3);
	row(f.s, "a.csv", "St Helens", NULL, NULL, NULL, "2020", 1);
	row(f.s, "b.csv", "St. Helens", NULL, NULL, NULL, "2021", 1);
	row(f.s, "b.csv", "Kingston Upon Hull, City of", NULL, NULL, NULL,
	    "2021", 1);
	row(f.s, "c.csv", "Kingston upon Hull", NULL, NULL, NULL, "2022", 1);
	CHECK_INT_EQ(se_store_finish(f.s), 0);
	CHECK_INT_EQ(se_store_nentities(f.s), 3);
	CHECK_STR_EQ(se_store_entity_name(f.s, 0), "Bristol, City of");
	CHECK_STR_EQ(se_store_entity_name(f.s, 1),
	    "Kingston upon Hull, City of");
	CHECK_STR_EQ(se_store_entity_name(f.s, 2), "St. Helens");
	fix_release(&f);
}

TEST(predecessor_rows_are_former_authorities_never_merged)
{
	struct fix f;
	size_t old, now;

	fix_init(&f);
	row(f.s, "lait.csv", "Dorset (Pre LG)", "835", NULL, "South West",
	    "2018", 1);
	row(f.s, "lait.csv", "Dorset", "838", NULL, "South West", "2020", 2);
	row(f.s, "ees.csv", "Dorset", "E10000009", "835", "South West", "2018",
	    1);
	row(f.s, "ees.csv", "Dorset", "E06000059", "838", "South West", "2020",
	    2);
	row(f.s, "lait.csv", "Poole (Pre LG)", "836", NULL, "South West",
	    "2018", 1);
	row(f.s, "lait.csv", "Bournemouth, Christchurch and Poole", "839", NULL,
	    "South West", "2020", 1);
	CHECK_INT_EQ(se_store_finish(f.s), 0);
	CHECK_INT_EQ(se_store_nentities(f.s), 4);
	CHECK_INT_EQ(count_kind(f.s, SE_ENTITY_AUTHORITY), 4);
	old = se_store_entity_find(f.s, "Dorset (Pre LG)");
	now = se_store_entity_find(f.s, "Dorset");
	CHECK(old != now);
	CHECK_STR_EQ(se_store_entity_name(f.s, old), "Dorset (to 2019)");
	CHECK_STR_EQ(se_store_entity_name(f.s, now), "Dorset");
	CHECK_INT_EQ(se_store_entity_find(f.s, "E10000009"), old);
	CHECK_INT_EQ(se_diag_count(f.d, SE_ERROR), 0); /* no conflicts */
	fix_release(&f);
}

TEST(a_row_naming_two_authorities_is_one_entity_named_as_given)
{
	struct fix f;
	size_t two, north;

	fix_init(&f);
	row(f.s, "a.csv", "North Northamptonshire / West Northamptonshire",
	    "E06000061 / E06000062", "940 / 941", "East Midlands", "2021", 1);
	row(f.s, "a.csv", "North Northamptonshire", "E06000061", "940",
	    "East Midlands", "2022", 2);
	row(f.s, "b.csv", "940 / 941", NULL, NULL, "East Midlands", "2023", 3);
	CHECK_INT_EQ(se_store_finish(f.s), 0);
	CHECK_INT_EQ(se_store_nentities(f.s), 3);
	two = se_store_entity_find(f.s,
	    "North Northamptonshire / West Northamptonshire");
	north = se_store_entity_find(f.s, "940");
	CHECK_INT_EQ(se_store_entity_find(f.s, "E06000061 / E06000062"), two);
	CHECK(two != north && two != NONE && north != NONE);
	CHECK_STR_EQ(se_store_entity_name(f.s, two),
	    "North Northamptonshire / West Northamptonshire");
	CHECK_STR_EQ(se_store_entity_name(f.s, north), "North Northamptonshire");
	CHECK_INT_EQ(se_store_entity_kind(f.s, two), SE_ENTITY_AUTHORITY);
	/* '940 / 941' in b.csv is not in the table: its own entity. */
	CHECK_INT_EQ(count_kind(f.s, SE_ENTITY_AUTHORITY), 3);
	/* One note: two authorities the table does not know. */
	CHECK_INT_EQ(se_diag_count(f.d, SE_NOTE), 1);
	fix_release(&f);
}

TEST(inner_and_outer_london_are_regions_never_authorities)
{
	struct fix f;
	size_t camden, inner;
	se_diag *d2 = se_diag_new();
	se_store *bare = se_store_new(NULL, d2);

	fix_init(&f);
	row(f.s, "lait.csv", "London (Inner)", "987", NULL, "NA", "2020", 1);
	row(f.s, "lait.csv", "London (Outer)", "988", NULL, "NA", "2020", 1);
	row(f.s, "lait.csv", "Camden", "202", NULL, "Inner London", "2020", 2);
	row(f.s, "lait.csv", "England", "970", NULL, "NA", "2020", 2);
	CHECK_INT_EQ(se_store_finish(f.s), 0);
	camden = se_store_entity_find(f.s, "Camden");
	inner = se_store_entity_find(f.s, "Inner London");
	CHECK_INT_EQ(se_store_entity_kind(f.s, inner), SE_ENTITY_REGION);
	CHECK_INT_EQ(se_store_region_row(f.s, camden), inner);
	CHECK_INT_EQ(count_kind(f.s, SE_ENTITY_REGION), 2);
	CHECK_INT_EQ(se_store_england(f.s), se_store_entity_find(f.s, "970"));
	/* Without a table too. */
	row(bare, "lait.csv", "London (Inner)", "987", NULL, NULL, "2020", 1);
	row(bare, "lait.csv", "Outer London", "988", NULL, NULL, "2020", 1);
	CHECK_INT_EQ(se_store_finish(bare), 0);
	CHECK_INT_EQ(count_kind(bare, SE_ENTITY_REGION), 2);
	se_store_free(bare);
	se_diag_free(d2);
	fix_release(&f);
}

TEST(made_up_authorities_work_as_before_with_no_note)
{
	struct fix f;

	fix_init(&f);
	row(f.s, "a.csv", "Anyshire", "E99000001", NULL, "Midshires", "2020",
	    1);
	row(f.s, "b.csv", "Anyshire", NULL, NULL, NULL, "2021", 2);
	row(f.s, "b.csv", "Any City", NULL, "E99000002", NULL, "2021", 2);
	row(f.s, "c.csv", "Any City", "E99000002", NULL, NULL, "2022", 2);
	CHECK_INT_EQ(se_store_finish(f.s), 0);
	CHECK_INT_EQ(se_store_nentities(f.s), 2);
	CHECK_INT_EQ(se_diag_count(f.d, SE_NOTE), 0);
	fix_release(&f);
}

/* ---- neighbours layouts are told from their headers ------------------------ */

static se_csv_kind
sniff(const char *header)
{
	static char buf[1024];
	se_csv_field f[64];
	size_t n = 0;
	char *p;

	snprintf(buf, sizeof buf, "%s", header);
	for (p = buf; n < 64;) {
		char *c = strchr(p, ',');
		f[n].text = p;
		f[n].len = c ? (size_t)(c - p) : strlen(p);
		f[n].line = 1;
		f[n].col = (unsigned)(p - buf) + 1;
		n++;
		if (!c)
			break;
		*c = '\0';
		p = c + 1;
	}
	return se_csv_sniff(f, n);
}

TEST(each_neighbours_layout_is_sniffed_as_neighbours)
{
	CHECK_INT_EQ(sniff("authority,neighbour,rank"), SE_CSV_NEIGHBOURS);
	CHECK_INT_EQ(sniff("LA num,LA Name,LA number,GOInd,GOReg,SN1,SNP,SN2,"
	    "SNP,SN3,SNP,SN4,SNP,SN5,SNP,SN6,SNP,SN7,SNP,SN8,SNP,SN9,SNP,SN10,"
	    "SNP,"), SE_CSV_NEIGHBOURS);
	CHECK_INT_EQ(sniff("LA Name,SN_1,SN_2,SN_3"), SE_CSV_NEIGHBOURS);
	CHECK_INT_EQ(sniff("la_code,SN_1,SN_1_closeness"), SE_CSV_NEIGHBOURS);
	CHECK_INT_EQ(sniff("Camden,Barnsley,Bristol City of,Buckinghamshire"),
	    SE_CSV_NEIGHBOURS);
	/* Other files' headers stay what they were. */
	CHECK_INT_EQ(sniff("la_code,la_name,region,indicator,period,value"),
	    SE_CSV_EXTRACT);
	CHECK_INT_EQ(sniff("Action,Owner,Due"), SE_CSV_PLAN);
	CHECK_INT_EQ(sniff("authority,indicator,rag,comparator"),
	    SE_CSV_RATINGS);
	CHECK_INT_EQ(sniff("name,value"), SE_CSV_UNKNOWN);
	CHECK_INT_EQ(sniff("Camden"), SE_CSV_UNKNOWN);
	CHECK_INT_EQ(sniff("Camden,2019"), SE_CSV_UNKNOWN);
}

static size_t
neighbours_of(const char *nbfile, const char *who, char *names, size_t cap)
{
	se_diag *d = se_diag_new();
	se_authorities *a = table(d);
	se_store *s = se_store_new(NULL, d);
	const size_t *l;
	size_t n = 0, k, e, used = 0;
	unsigned i;
	static const char *const all[] = { "Camden", "Westminster",
		"Hammersmith and Fulham", "Kensington and Chelsea", "Islington",
		"Wandsworth", "Manchester", "Greenwich", "Reading", "Haringey",
		"Barnet" };

	se_store_set_authorities(s, a);
	line_no = 0;
	for (i = 0; i < sizeof all / sizeof all[0]; i++)
		row(s, "x.csv", all[i], NULL, NULL, NULL, "2020", i);
	CHECK_INT_EQ(se_store_read_neighbours(s, nbfile), 0);
	CHECK_INT_EQ(se_store_finish(s), 0);
	e = se_store_entity_find(s, who);
	if (e != NONE)
		n = se_store_neighbours(s, e, &l);
	names[0] = '\0';
	for (k = 0; k < n; k++)
		used += (size_t)snprintf(names + used, cap - used, "%s%s",
		    k ? "|" : "", se_store_entity_name(s, l[k]));
	if (e != NONE && se_store_neighbours_closeness(s, e))
		snprintf(names + used, cap - used, " (%s)",
		    se_store_neighbours_closeness(s, e));
	se_store_free(s);
	se_authorities_free(a);
	se_diag_free(d);
	return n;
}

TEST(each_neighbours_layout_gives_the_same_neighbours_in_rank_order)
{
	static const char *const files[] = {
		"test/fixtures/real/dfe-statistical-neighbours-2021.csv",
		"test/fixtures/real/neighbours-sn-names.csv",
		"test/fixtures/real/neighbours-square.csv" };
	static const char want[] = "Westminster|Hammersmith and Fulham|"
	    "Kensington and Chelsea|Islington|Wandsworth|Manchester|Greenwich|"
	    "Reading|Haringey|Barnet";
	char got[1024];
	size_t i;

	for (i = 0; i < 3; i++) {
		CHECK_INT_EQ(neighbours_of(files[i], "202", got, sizeof got), 10);
		CHECK(strncmp(got, want, strlen(want)) == 0);
	}
	neighbours_of(files[0], "Camden", got, sizeof got);
	CHECK_STR_EQ(got + strlen(want), " (1 very close, 3 close, 1 somewhat "
	    "close, 5 not close)");
	neighbours_of(files[2], "Camden", got, sizeof got);
	CHECK_STR_EQ(got + strlen(want), "");
}

int
main(void)
{
	RUN(the_shipped_table_loads_with_no_diagnostics);
	RUN(every_code_an_authority_has_had_finds_it);
	RUN(names_match_with_their_common_variants);
	RUN(every_authority_of_the_real_files_is_one_entry_of_the_table);
	RUN(an_authority_that_changed_code_is_one_entity);
	RUN(three_digit_numbers_and_ons_codes_make_one_entity);
	RUN(name_variants_make_one_entity_shown_by_the_table_name);
	RUN(predecessor_rows_are_former_authorities_never_merged);
	RUN(a_row_naming_two_authorities_is_one_entity_named_as_given);
	RUN(inner_and_outer_london_are_regions_never_authorities);
	RUN(made_up_authorities_work_as_before_with_no_note);
	RUN(each_neighbours_layout_is_sniffed_as_neighbours);
	RUN(each_neighbours_layout_gives_the_same_neighbours_in_rank_order);
	return DONE();
}
