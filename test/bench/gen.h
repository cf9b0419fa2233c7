/* gen.h: what the benchmark's generators (gen.c, gen_ees.c) share: the
 * same pseudo-random numbers on every machine, the nine regions, and
 * made-up authority names, some quoted with a comma as publishers write
 * "Bristol, City of". */
#ifndef GEN_H
#define GEN_H

#include <stdint.h>
#include <stdio.h>

#define NREG 9

static uint64_t seed = 88172645463325252ull;

/* xorshift64: the same numbers on every machine. */
static uint64_t
next(void)
{
	seed ^= seed << 13;
	seed ^= seed >> 7;
	seed ^= seed << 17;
	return seed;
}

static const char *const regions[NREG] = { "North East", "North West",
	"Yorkshire and The Humber", "East Midlands", "West Midlands",
	"East of England", "London", "South East", "South West" };

/* Authority a's name, as a CSV field (quoted when it has a comma). */
static void
auth_name(int a, char *buf, size_t n)
{
	static const char *const stem[] = { "Any", "Some", "Far", "Near",
		"Old", "New", "High", "Low", "Great", "Little" };
	static const char *const tail[] = { "shire", " City", " Borough",
		" Dale", " Vale", " Forest", " Moor", " Port", " Wick",
		"ham", " Heath", " Cross", " Marsh", " Bridge", " Fields",
		" Down" };

	if (a % 10 == 3)
		snprintf(buf, n, "\"%s%s, City of\"", stem[a % 10],
		    tail[(a / 10) % 16]);
	else
		snprintf(buf, n, "%s%s", stem[a % 10], tail[(a / 10) % 16]);
}

#endif
