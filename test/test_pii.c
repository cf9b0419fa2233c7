/* test_pii.c: children's personal identifiers found in text, and the
 * look-alikes (wrong check characters, phone numbers, codes, dates,
 * amounts) that are not.  Every valid identifier here is made up; the
 * arithmetic that makes its check character valid is shown beside it. */
#include "se.h"
#include "unit.h"

#define MAXHITS 16

typedef struct hits {
	size_t n, stop_after; /* stop_after 0: never stop */
	se_pii_hit h[MAXHITS];
} hits;

static int
collect(void *ctx, const se_pii_hit *hit)
{
	hits *c = ctx;

	if (c->n < MAXHITS)
		c->h[c->n] = *hit;
	c->n++;
	return c->stop_after && c->n >= c->stop_after;
}

static hits
scan_flags(const char *s, unsigned flags)
{
	hits c;
	int r;

	memset(&c, 0, sizeof c);
	r = se_pii_scan(s, strlen(s), flags, collect, &c);
	CHECK_INT_EQ(r, c.n);
	return c;
}

static hits
scan(const char *s)
{
	return scan_flags(s, 0);
}

/* Exactly one hit in 's', at 'off' for 'len' bytes, of kind 'what'. */
#define CHECK_ONE(s, off_, len_, what_)                                   \
	do {                                                              \
		hits c_ = scan(s);                                        \
		CHECK_INT_EQ(c_.n, 1);                                    \
		CHECK_INT_EQ(c_.h[0].off, (off_));                        \
		CHECK_INT_EQ(c_.h[0].len, (len_));                        \
		CHECK_STR_EQ(c_.n ? c_.h[0].what : NULL, (what_));        \
	} while (0)

#define CHECK_NONE(s) CHECK_INT_EQ(scan(s).n, 0)

/* ---- Unique Pupil Number ----------------------------------------------
 * F938200001234: characters 2..13 weighted 2..13:
 *   9*2 + 3*3 + 8*4 + 2*5 + 0*6 + 0*7 + 0*8 + 0*9 + 1*10 + 2*11 + 3*12
 *   + 4*13 = 18+9+32+10+10+22+36+52 = 189;  189 mod 23 = 5 -> 'F'.
 * Z93820000123A (temporary: last character a letter, 'A' counting 0):
 *   18+9+32+10+0+0+0+0+10+22+36 + 0*13 = 137;  137 mod 23 = 22 -> 'Z'. */

TEST(a_upn_with_a_valid_check_letter_is_found)
{
	CHECK_ONE("F938200001234", 0, 13, "Unique Pupil Number");
	CHECK_ONE("Pupil UPN F938200001234 joined in Year 7.", 10, 13,
	    "Unique Pupil Number");
	CHECK_ONE("upn: f938200001234", 5, 13, "Unique Pupil Number");
}

TEST(a_temporary_upn_ending_in_a_letter_is_found)
{
	CHECK_ONE("temporary Z93820000123A issued", 10, 13,
	    "Unique Pupil Number");
}

TEST(a_upn_with_a_wrong_check_letter_is_not_found)
{
	CHECK_NONE("G938200001234");   /* 5 is F, not G */
	CHECK_NONE("F938200001235");   /* sum 202, mod 23 = 18: V */
	CHECK_NONE("Y93820000123A");   /* 22 is Z */
	CHECK_NONE("I938200001234");   /* I is never a check letter */
}

TEST(a_upn_inside_a_longer_run_is_not_found)
{
	CHECK_NONE("XF938200001234");
	CHECK_NONE("F9382000012345");
	CHECK_NONE("F938200001234B7");
	CHECK_NONE("F93820000123"); /* one character short */
}

/* ---- NHS number -------------------------------------------------------
 * 943 476 5919, the standard test number: 9*10 + 4*9 + 3*8 + 4*7 + 7*6
 * + 6*5 + 5*4 + 9*3 + 1*2 = 90+36+24+28+42+30+20+27+2 = 299;
 * 299 mod 11 = 2; 11 - 2 = 9, the last digit.
 * 401 023 2137: 40+0+8+0+12+15+8+3+6 = 92; 92 mod 11 = 4; 11 - 4 = 7. */

TEST(an_nhs_number_with_a_valid_check_digit_is_found)
{
	CHECK_ONE("9434765919", 0, 10, "NHS number");
	CHECK_ONE("NHS no. 943 476 5919.", 8, 12, "NHS number");
	CHECK_ONE("nhs 401-023-2137 on file", 4, 12, "NHS number");
	CHECK_ONE("(4010232137)", 1, 10, "NHS number");
}

TEST(an_nhs_number_with_a_wrong_check_digit_is_not_found)
{
	CHECK_NONE("943 476 5910");
	CHECK_NONE("4010232138");
	/* 123456789x: 10+18+24+28+30+30+28+24+18 = 210, 210 mod 11 = 1,
	 * 11 - 1 = 10: no NHS number starts 123456789 */
	CHECK_NONE("1234567890");
}

TEST(an_nhs_number_spaced_unevenly_or_mixed_is_not_found)
{
	CHECK_NONE("943 4765 919");
	CHECK_NONE("943 476-5919");
	CHECK_NONE("943  476 5919");
}

TEST(a_number_inside_a_longer_digit_run_is_not_found)
{
	CHECK_NONE("19434765919");
	CHECK_NONE("94347659190");
	CHECK_NONE("0044 943 476 5919");
	CHECK_NONE("943 476 5919 12");
	CHECK_NONE("9434765919.5");
	CHECK_NONE("1,9434765919");
	CHECK_NONE("A9434765919");
}

TEST(phone_numbers_are_not_found)
{
	CHECK_NONE("call 01632 960 123 or 01632960123");
	CHECK_NONE("0943476591"); /* 10 digits, but a leading 0 */
	CHECK_NONE("+449434765919");
	CHECK_NONE("+44 943 476 5919");
	CHECK_NONE("tel. +44 9434765919");
	CHECK_NONE("(01632) 943 476 5919");
}

TEST(amounts_of_money_are_not_found)
{
	CHECK_NONE("£9434765919");
	CHECK_NONE("$9434765919");
	CHECK_NONE("€9434765919");
	CHECK_NONE("£9,434,765,919");
}

/* ---- Unique Learner Number --------------------------------------------
 * 943476591 has the weighted sum 299 (above); 299 mod 11 = 2, and the ULN
 * check digit is 10 - 2 = 8: 9434765918.  1234567899: sum 210, 210 mod
 * 11 = 1, 10 - 1 = 9 (as an NHS number it would need 10: invalid). */

TEST(a_uln_with_a_valid_check_digit_is_found)
{
	CHECK_ONE("ULN 9434765918", 4, 10, "Unique Learner Number");
	CHECK_ONE("1234567899", 0, 10, "Unique Learner Number");
}

TEST(a_uln_with_a_wrong_check_digit_is_not_found)
{
	CHECK_NONE("9434765917");
	CHECK_NONE("1234567898");
	/* 401023213x: sum 92, 92 mod 11 = 4: NHS check 7, ULN check 6 */
	CHECK_ONE("4010232136", 0, 10, "Unique Learner Number");
	CHECK_NONE("4010232135");
}

TEST(no_number_is_both_an_nhs_number_and_a_uln)
{
	/* With r = sum mod 11 the NHS check is 11 - r and the ULN check
	 * 10 - r, so for every nine-digit stem at most one tenth digit
	 * passes each, never the same one.  Check all ten endings of two
	 * stems: exactly one NHS number and one ULN each. */
	static const char *const stems[] = { "943476591", "450557710" };
	size_t k;
	int d;

	for (k = 0; k < 2; k++) {
		int nhs = 0, uln = 0;

		for (d = 0; d < 10; d++) {
			char buf[11];
			hits c;

			memcpy(buf, stems[k], 9);
			buf[9] = (char)('0' + d);
			buf[10] = '\0';
			c = scan(buf);
			CHECK(c.n <= 1);
			if (c.n == 1 && strcmp(c.h[0].what, "NHS number") == 0)
				nhs++;
			if (c.n == 1 &&
			    strcmp(c.h[0].what, "Unique Learner Number") == 0)
				uln++;
		}
		CHECK_INT_EQ(nhs, 1);
		CHECK_INT_EQ(uln, 1);
	}
}

/* ---- National Insurance number ------------------------------------- */

TEST(a_national_insurance_number_is_found_packed_or_spaced)
{
	CHECK_ONE("AB123456C", 0, 9, "National Insurance number");
	CHECK_ONE("NI: AB 12 34 56 C", 4, 13, "National Insurance number");
	CHECK_ONE("ni jg103759a here", 3, 9, "National Insurance number");
	CHECK_ONE("(TA 12 34 56D)", 1, 12, "National Insurance number");
}

TEST(never_issued_nino_prefixes_are_not_found)
{
	static const char *const bad[] = { "DA123456A", "FA123456A",
		"IA123456A", "QQ123456A", "UA123456A", "VA123456A",
		"AD123456A", "AF123456A", "AI123456A", "AO123456A",
		"AQ123456A", "AU123456A", "AV123456A", "BG123456A",
		"GB123456A", "NK123456A", "KN123456A", "TN123456A",
		"NT123456A", "ZZ123456A" };
	size_t k;

	for (k = 0; k < sizeof bad / sizeof bad[0]; k++)
		CHECK_NONE(bad[k]);
	CHECK_ONE("OA123456A", 0, 9, "National Insurance number");
}

TEST(a_nino_without_a_suffix_a_to_d_is_not_found)
{
	CHECK_NONE("AB123456E");
	CHECK_NONE("AB123456");
	CHECK_NONE("AB123456 and more");
	CHECK_NONE("AB12345C");
	CHECK_NONE("AB123456CD");
	CHECK_NONE("XAB123456C");
}

/* ---- postcodes --------------------------------------------------------- */

TEST(full_postcodes_of_every_shape_are_found)
{
	CHECK_ONE("M1 1AE", 0, 6, "postcode");
	CHECK_ONE("at B33 8TH now", 3, 7, "postcode");
	CHECK_ONE("CR2 6XH", 0, 7, "postcode");
	CHECK_ONE("DN55 1PT", 0, 8, "postcode");
	CHECK_ONE("W1A 0AX", 0, 7, "postcode");
	CHECK_ONE("lives at SW1A 1AA.", 9, 8, "postcode");
	CHECK_ONE("SW1A1AA", 0, 7, "postcode");
	CHECK_ONE("M11AE", 0, 5, "postcode");
}

TEST(partial_or_malformed_postcodes_are_not_found)
{
	CHECK_NONE("the M1 district and SW1A");
	CHECK_NONE("M1 1CE");    /* C never in the inward code */
	CHECK_NONE("Q1 1AA");    /* Q never first */
	CHECK_NONE("AZ1 1AA");   /* Z never second */
	CHECK_NONE("m1 1ae");    /* lower case: words, not a postcode */
	CHECK_NONE("M1 1AEX");
	CHECK_NONE("XSW1A 1AA");
	CHECK_NONE("M1  1AE");
}

/* Typed in lower case in a note about a child: found when the word
 * before it places someone there. */
TEST(a_lower_case_postcode_after_a_place_word_is_found)
{
	CHECK_ONE("The child was found at ng7 2rd by police.", 23, 7,
	    "postcode");
	CHECK_ONE("lives at sw1a 1aa", 9, 8, "postcode");
	CHECK_ONE("moved to an address in Le1 6zz", 23, 7, "postcode");
	CHECK_ONE("home: cr2 6xh", 6, 7, "postcode");
}

TEST(lower_case_near_misses_are_not_postcodes)
{
	CHECK_NONE("ng7 2rd");               /* no word placing anyone */
	CHECK_NONE("the child ng7 2rd");
	CHECK_NONE("found at ng72rd");       /* no space: a word */
	CHECK_NONE("pupils in y7 3rd set");  /* one-letter area, ordinal */
	CHECK_NONE("at m6 1am");             /* one-letter area; M inward */
	CHECK_NONE("in ks2 4th year");       /* ordinal */
	CHECK_NONE("in ab1 2nd");            /* ordinal */
	CHECK_NONE("at ng7 2rdx");
	CHECK_NONE("at ng7 2cd");            /* C never in the inward code */
	CHECK_NONE("in q1a 1aa");
}

TEST(postcodes_are_not_reported_with_no_postcode)
{
	hits c = scan_flags("SW1A 1AA and AB123456C", SE_PII_NO_POSTCODE);

	CHECK_INT_EQ(c.n, 1);
	CHECK_STR_EQ(c.h[0].what, "National Insurance number");
	CHECK_INT_EQ(c.h[0].off, 13);
}

/* ---- dates of birth ---------------------------------------------------- */

TEST(a_date_after_a_dob_keyword_is_found)
{
	CHECK_ONE("DOB 12/03/2015", 0, 14, "date of birth");
	CHECK_ONE("Child A, D.O.B.: 12-03-15.", 9, 16, "date of birth");
	CHECK_ONE("date of birth 2015-03-12", 0, 24, "date of birth");
	CHECK_ONE("Date of Birth: 1st March 2015", 0, 29, "date of birth");
	CHECK_ONE("She was born on 12 March 2015 in Leeds.", 8, 21,
	    "date of birth");
	CHECK_ONE("born in Leeds on Mar 12, 2015", 0, 29, "date of birth");
	CHECK_ONE("dob:12.3.2015", 0, 13, "date of birth");
	CHECK_ONE("DOB 3 Sept 2016", 0, 15, "date of birth");
	CHECK_ONE("DOB 3 sep. 2016", 0, 15, "date of birth");
	CHECK_ONE("DOB (30th December 2016)", 0, 23, "date of birth");
}

TEST(a_dob_keyword_without_a_whole_date_is_not_found)
{
	CHECK_NONE("born in 2015");
	CHECK_NONE("DOB: not known");
	CHECK_NONE("date of birth recorded for 98% of children");
	CHECK_NONE("DOB 32/03/2015");            /* no 32nd */
	CHECK_NONE("DOB 12/13/2015");            /* no 13th month */
	CHECK_NONE("DOB 12/03-2015");            /* mixed separators */
	CHECK_NONE("DOB 3 Septem 2016");         /* not a month's name */
	CHECK_NONE("DOB 12/03/201");
	CHECK_NONE("newborn 12/03/2015");        /* not the word born */
	CHECK_NONE("born. 12/03/2015");          /* a sentence between */
	CHECK_NONE("born to a family known to services since 12/03/2015");
}

TEST(a_name_with_a_date_in_brackets_is_found)
{
	CHECK_ONE("Amy Smith (12/03/2015)", 0, 22, "date of birth");
	CHECK_ONE("siblings: Jo O'Neil-Brown (3 May 2016)", 10, 28,
	    "date of birth");
}

TEST(titles_and_plain_dates_in_brackets_are_not_found)
{
	CHECK_NONE("Annual Conversation (14/11/2023)");
	CHECK_NONE("Ofsted Inspection (12/03/2015)");
	CHECK_NONE("Improvement Board (2024-01-10)");
	CHECK_NONE("amy smith (12/03/2015)");
	CHECK_NONE("Amy Smith (March 2015)");
	CHECK_NONE("Amy Smith (12/03/2015 to 2016)");
	CHECK_NONE("the review on 12/03/2015 found");
}

/* ---- codes, values and everything else ---------------------------- */

TEST(codes_values_years_and_amounts_are_not_found)
{
	CHECK_NONE("E06000001 and E92000001 and E10000016");
	CHECK_NONE("CSC-012 rose from 23.5% to 31.2% in 2023-24");
	CHECK_NONE("spend of £1,234,567 (2023) and 1234567890 bytes");
	CHECK_NONE("12/03/2015");
	CHECK_NONE("Year 2024, Q3 2023, KS2 4 and KS4");
}

TEST(several_hits_come_in_order_of_offset)
{
	hits c = scan("UPN F938200001234, NHS 943 476 5919, NI AB123456C, "
		      "SW1A 1AA, DOB 12/03/2015, ULN 9434765918");

	CHECK_INT_EQ(c.n, 6);
	CHECK_INT_EQ(c.h[0].off, 4);
	CHECK_STR_EQ(c.h[0].what, "Unique Pupil Number");
	CHECK_INT_EQ(c.h[1].off, 23);
	CHECK_STR_EQ(c.h[1].what, "NHS number");
	CHECK_INT_EQ(c.h[2].off, 40);
	CHECK_STR_EQ(c.h[2].what, "National Insurance number");
	CHECK_INT_EQ(c.h[3].off, 51);
	CHECK_STR_EQ(c.h[3].what, "postcode");
	CHECK_INT_EQ(c.h[4].off, 61);
	CHECK_INT_EQ(c.h[4].len, 14);
	CHECK_STR_EQ(c.h[4].what, "date of birth");
	CHECK_INT_EQ(c.h[5].off, 81);
	CHECK_STR_EQ(c.h[5].what, "Unique Learner Number");
}

TEST(a_non_zero_return_stops_the_scan)
{
	hits c;
	const char *s = "AB123456C CE123456D JG103759A";

	memset(&c, 0, sizeof c);
	c.stop_after = 2;
	CHECK_INT_EQ(se_pii_scan(s, strlen(s), 0, collect, &c), 2);
	CHECK_INT_EQ(c.n, 2);
	CHECK_INT_EQ(c.h[1].off, 10);
}

TEST(no_callback_counts_the_hits)
{
	const char *s = "AB123456C and M1 1AE";

	CHECK_INT_EQ(se_pii_scan(s, strlen(s), 0, NULL, NULL), 2);
	CHECK_INT_EQ(se_pii_scan(s, strlen(s), SE_PII_NO_POSTCODE, NULL,
			 NULL), 1);
}

TEST(only_len_bytes_are_read_and_empty_text_has_no_hits)
{
	const char s[] = "AB123456C";
	const char bytes[] = { '9', '4', '3', '4', '7', '6', '5', '9', '1',
		'9', '\0', 'A', 'B', '1', '2', '3', '4', '5', '6', 'C' };

	CHECK_INT_EQ(se_pii_scan(s, 8, 0, NULL, NULL), 0); /* AB123456 */
	CHECK_INT_EQ(se_pii_scan(s, 0, 0, NULL, NULL), 0);
	CHECK_INT_EQ(se_pii_scan(NULL, 0, 0, NULL, NULL), 0);
	/* a NUL byte is a separator like any other */
	CHECK_INT_EQ(se_pii_scan(bytes, sizeof bytes, 0, NULL, NULL), 2);
}

TEST(realistic_narrative_has_no_hits)
{
	const char *s =
	    "## Children in need\n\n"
	    "Re-referrals within 12 months fell from 24.1% in 2022-23 to "
	    "19.8% in 2023-24 (CSC-012), below the England average of 21.4% "
	    "and our statistical neighbours (22.0%). The Improvement Board "
	    "(14/11/2023) agreed a target of 18% by March 2025. Since the "
	    "Ofsted ILACS inspection on 12 June 2023, 1,284 assessments were "
	    "completed, 87% within 45 working days; spend on agency social "
	    "workers fell by £1,250,000. Our front door (MASH, tel. 01632 "
	    "960 123) now screens 95% of contacts within one working day. "
	    "Data for E06000001 and E92000001 were checked on 2024-01-10. "
	    "Children born in 2015 or later make up 61% of the cohort; the "
	    "date of birth field is complete for 99.6% of records. Year 7 "
	    "pupils in KS3 and the M1 corridor schools are included, and "
	    "the 2,345 families supported through Early Help are counted "
	    "once. Families: 1,000 (2023) and 1,120 (2024).\n";

	CHECK_NONE(s);
}

int
main(void)
{
	RUN(a_upn_with_a_valid_check_letter_is_found);
	RUN(a_temporary_upn_ending_in_a_letter_is_found);
	RUN(a_upn_with_a_wrong_check_letter_is_not_found);
	RUN(a_upn_inside_a_longer_run_is_not_found);
	RUN(an_nhs_number_with_a_valid_check_digit_is_found);
	RUN(an_nhs_number_with_a_wrong_check_digit_is_not_found);
	RUN(an_nhs_number_spaced_unevenly_or_mixed_is_not_found);
	RUN(a_number_inside_a_longer_digit_run_is_not_found);
	RUN(phone_numbers_are_not_found);
	RUN(amounts_of_money_are_not_found);
	RUN(a_uln_with_a_valid_check_digit_is_found);
	RUN(a_uln_with_a_wrong_check_digit_is_not_found);
	RUN(no_number_is_both_an_nhs_number_and_a_uln);
	RUN(a_national_insurance_number_is_found_packed_or_spaced);
	RUN(never_issued_nino_prefixes_are_not_found);
	RUN(a_nino_without_a_suffix_a_to_d_is_not_found);
	RUN(full_postcodes_of_every_shape_are_found);
	RUN(partial_or_malformed_postcodes_are_not_found);
	RUN(a_lower_case_postcode_after_a_place_word_is_found);
	RUN(lower_case_near_misses_are_not_postcodes);
	RUN(postcodes_are_not_reported_with_no_postcode);
	RUN(a_date_after_a_dob_keyword_is_found);
	RUN(a_dob_keyword_without_a_whole_date_is_not_found);
	RUN(a_name_with_a_date_in_brackets_is_found);
	RUN(titles_and_plain_dates_in_brackets_are_not_found);
	RUN(codes_values_years_and_amounts_are_not_found);
	RUN(several_hits_come_in_order_of_offset);
	RUN(a_non_zero_return_stops_the_scan);
	RUN(no_callback_counts_the_hits);
	RUN(only_len_bytes_are_read_and_empty_text_has_no_hits);
	RUN(realistic_narrative_has_no_hits);
	return DONE();
}
