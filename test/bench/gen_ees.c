/* gen_ees.c: a deterministic EES-shaped extract (Explore Education
 * Statistics tidy data) for the se-rag benchmark: one column per measure,
 * two filter columns with a Total level, National / Regional / Local
 * authority rows (and a few rows of another level, skipped), six-digit
 * academic-year periods, about 3% of cells suppressed with EES markers.
 * Also writes a catalogue naming most of the measure columns.
 *
 *   gen_ees VALUES DIR   writes DIR/ees.csv (about VALUES measure cells)
 *                        and DIR/ees-indicators.yaml
 */
#include <stdlib.h>

#include "gen.h"

#define NAUTH 152
#define NMEAS 40  /* measure columns */
#define NNAMED 30 /* of them in the catalogue */
#define NCHAR 12  /* levels of 'characteristic', Total first */
#define NTYPE 4   /* levels of 'school_type' */

static const char *const characteristic[NCHAR] = { "Total", "Boys",
	"Girls", "White", "Mixed", "Asian", "Black", "Other ethnic group",
	"FSM eligible", "Not FSM eligible", "SEN support", "EHC plan" };

static const char *const school_type[NTYPE] = { "Total",
	"State-funded secondary", "Special", "Alternative provision" };

static void
values(FILE *f, int a)
{
	int m;

	for (m = 0; m < NMEAS; m++) {
		uint64_t r = next();
		if (a >= 0 && (r >> 40) % 100 < 3)
			fputs((r >> 50) % 3 == 0 ? ",c" : (r >> 50) % 3 == 1 ?
			    ",x" : ",z", f);
		else if (m % 4 == 3)
			fprintf(f, ",%lu", (unsigned long)(r % 100000));
		else
			fprintf(f, ",%.1f", 20 + (double)(r % 6000) / 100);
	}
	fputc('\n', f);
}

int
main(int argc, char **argv)
{
	long want, nper, p;
	int i, a, c, t;
	char path[4096], name[64];
	FILE *f;

	if (argc != 3) {
		fprintf(stderr, "usage: gen_ees VALUES DIR\n");
		return 2;
	}
	want = strtol(argv[1], NULL, 10);
	nper = want / ((long)(1 + NREG + NAUTH) * NCHAR * NTYPE * NMEAS);
	if (nper < 1)
		nper = 1;
	snprintf(path, sizeof path, "%s/ees-indicators.yaml", argv[2]);
	f = fopen(path, "w");
	if (!f)
		return 2;
	fprintf(f, "kind: indicators\nframework: shared\nindicators:\n");
	for (i = 0; i < NNAMED; i++) {
		static const char *const pol[] = { "high", "low", "none" };
		fprintf(f, "  - id: M%02d\n    title: \"Measure %d\"\n"
		    "    unit: percent\n    polarity: %s\n    compare: %s\n"
		    "    tolerance: 1.0\n    aliases: [measure_%02d]\n", i, i,
		    pol[i % 3], i % 2 ? "region" : "england", i);
	}
	fclose(f);
	snprintf(path, sizeof path, "%s/ees.csv", argv[2]);
	f = fopen(path, "w");
	if (!f)
		return 2;
	fputs("time_period,time_identifier,geographic_level,country_code,"
	    "country_name,region_code,region_name,old_la_code,new_la_code,"
	    "la_name,characteristic,school_type", f);
	for (i = 0; i < NMEAS; i++)
		fprintf(f, ",measure_%02d", i);
	fputc('\n', f);
	for (p = 0; p < nper; p++) {
		int y = 2024 - (int)p;
		for (c = 0; c < NCHAR; c++)
			for (t = 0; t < NTYPE; t++)
				for (a = -1 - NREG; a < NAUTH; a++) {
					fprintf(f, "%d%02d,Academic year,", y,
					    (y + 1) % 100);
					if (a == -1 - NREG)
						fputs("National,E92000001,England,"
						    ",,,,", f);
					else if (a < 0)
						fprintf(f, "Regional,E92000001,"
						    "England,E1200000%d,%s,,,",
						    a + NREG + 1,
						    regions[a + NREG]);
					else {
						/* Codes no real authority has
						 * (the authorities table knows
						 * those): E99, four digits. */
						auth_name(a, name, sizeof name);
						fprintf(f, "Local authority,"
						    "E92000001,England,E1200000"
						    "%d,%s,%d,E99%06d,%s",
						    a % NREG + 1,
						    regions[a % NREG], 1000 + a,
						    a, name);
					}
					fprintf(f, ",%s,%s", characteristic[c],
					    school_type[t]);
					values(f, a);
				}
		/* rows of a level that is not read */
		fprintf(f, "%d%02d,Academic year,Local authority district,"
		    "E92000001,England,E12000001,North East,,,,Total,Total",
		    y, (y + 1) % 100);
		values(f, 0);
	}
	return fclose(f) ? 2 : 0;
}
