/* gen.c: a deterministic national-shaped long extract for the se-rag
 * benchmark: England, 9 regions and 150 authorities (some quoted names
 * with commas) x K indicators x 12 year-span periods, about 3% of cells
 * suppressed.  Also writes the catalogue and the neighbours file.
 *
 *   gen ROWS DIR     writes DIR/extract.csv, DIR/indicators.yaml,
 *                    DIR/neighbours.csv
 */
#include <stdlib.h>

#include "gen.h"

#define NAUTH 150
#define NPER 12

int
main(int argc, char **argv)
{
	long rows, k, nind, i, p, a;
	char path[4096], name[64];
	FILE *f;

	if (argc != 3) {
		fprintf(stderr, "usage: gen ROWS DIR\n");
		return 2;
	}
	rows = strtol(argv[1], NULL, 10);
	nind = rows / ((1 + NREG + NAUTH) * NPER);
	if (nind < 1)
		nind = 1;
	snprintf(path, sizeof path, "%s/indicators.yaml", argv[2]);
	f = fopen(path, "w");
	if (!f)
		return 2;
	fprintf(f, "kind: indicators\nframework: shared\nindicators:\n");
	for (i = 0; i < nind; i++) {
		static const char *const pol[] = { "high", "low", "high",
			"low", "none" };
		static const char *const cmp[] = { "england", "region",
			"neighbours", "england", "thresholds" };
		int c = (int)(i % 5);
		fprintf(f, "  - id: IND-%05ld\n    title: \"Measure %ld, "
		    "per 10,000\"\n    unit: percent\n    polarity: %s\n"
		    "    areas: [area-%ld]\n", i, i, pol[i % 5], i % 7);
		if (c == 4 && i % 5 != 4)
			fprintf(f, "    compare: thresholds\n");
		else if (c == 4)
			fprintf(f, "    compare: england\n");
		else
			fprintf(f, "    compare: %s\n", cmp[c]);
		fprintf(f, "    tolerance: 1.0\n");
	}
	fclose(f);
	snprintf(path, sizeof path, "%s/neighbours.csv", argv[2]);
	f = fopen(path, "w");
	if (!f)
		return 2;
	fprintf(f, "authority,neighbour,rank\n");
	for (a = 0; a < NAUTH; a++)
		for (k = 1; k <= 10; k++) {
			char other[64];
			auth_name(a, name, sizeof name);
			auth_name((int)((a + k * 7) % NAUTH), other, sizeof other);
			fprintf(f, "%s,%s,%ld\n", name, other, k);
		}
	fclose(f);
	snprintf(path, sizeof path, "%s/extract.csv", argv[2]);
	f = fopen(path, "w");
	if (!f)
		return 2;
	fprintf(f, "time_period,la_code,la_name,region_name,indicator,value\n");
	for (i = 0; i < nind; i++)
		for (p = 0; p < NPER; p++)
			for (a = -1 - NREG; a < NAUTH; a++) {
				uint64_t r = next();
				double v = 20 + (double)(r % 6000) / 100;
				int y = 2008 + (int)p;
				fprintf(f, "%d-%02d,", y, (y + 1) % 100);
				if (a == -1 - NREG)
					fprintf(f, "E92000001,England,,");
				else if (a < 0)
					fprintf(f, "E1200000%ld,%s,,", a + NREG + 1,
					    regions[a + NREG]);
				else {
					auth_name((int)a, name, sizeof name);
					/* E99: no real authority's code (the
					 * authorities table knows those). */
					fprintf(f, "E99%06ld,%s,%s,", a, name,
					    regions[a % NREG]);
				}
				fprintf(f, "\"Measure %ld, per 10,000\",", i);
				if (a >= 0 && (r >> 40) % 100 < 3)
					fputs((r >> 50) % 2 ? "c\n" : "x\n", f);
				else
					fprintf(f, "%.1f\n", v);
			}
	return fclose(f) ? 2 : 0;
}
