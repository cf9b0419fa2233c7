/* fuzz_date.c: dates people type (se_date_parse) and plan CSVs
 * (se_plan_add_csv) on any bytes.  A date that parses must format back
 * to a date that parses to the same day, and a plan read from any bytes
 * must assess and render without fault. */
#include "se.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_date(const char *s, size_t n)
{
	long day, again;
	char buf[11];

	if (se_date_parse(s, n, &day) < 0)
		return;
	se_ymd_format(day, buf);
	if (se_date_parse(buf, strlen(buf), &again) < 0 || again != day)
		abort();
}

static void
check_plan(const char *s, size_t n)
{
	se_diag *d = se_diag_new();
	se_plan *p = se_plan_new();
	se_assess as = { 18000, 42, NULL };
	se_planout_opts o;
	FILE *f = fopen("/dev/null", "w");
	int fmt;

	if (d == NULL || p == NULL || f == NULL)
		abort();
	if (se_plan_add_csv(p, "fuzz.csv", s, n, d) == 0) {
		se_plan_assess(p, &as);
		memset(&o, 0, sizeof o);
		o.as_of = 18000;
		o.stale_days = 42;
		o.state = o.status = -1;
		for (fmt = SE_PLANOUT_TEXT; fmt <= SE_PLANOUT_YAML; fmt++) {
			o.format = (se_planout_format)fmt;
			se_planout_render(p, &o, f);
		}
	}
	fclose(f);
	se_plan_free(p);
	se_diag_free(d);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	check_date((const char *)data, size);
	check_plan((const char *)data, size);
	return 0;
}
