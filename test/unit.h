/*
 * unit.h: our whole unit-test framework.  A test is a function named as a
 * sentence about a behaviour; TEST(name) declares it, RUN(name) runs it
 * and prints a TAP line.  main() ends with DONE(), which prints
 * "N passed, N failed" and returns non-zero on any failure.
 */
#ifndef SE_UNIT_H
#define SE_UNIT_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int unit_passed, unit_failed, unit_cur_failed, unit_n;

#define TEST(name) static void name(void)

#define RUN(name)                                                         \
	do {                                                              \
		unit_cur_failed = 0;                                      \
		name();                                                   \
		unit_n++;                                                 \
		if (unit_cur_failed) {                                    \
			unit_failed++;                                    \
			printf("not ok %d - %s\n", unit_n, #name);        \
		} else {                                                  \
			unit_passed++;                                    \
			printf("ok %d - %s\n", unit_n, #name);            \
		}                                                         \
		fflush(stdout);                                           \
	} while (0)

#define DONE()                                                            \
	(printf("%d passed, %d failed\n", unit_passed, unit_failed),      \
	    unit_failed ? 1 : 0)

#define CHECK(cond)                                                       \
	do {                                                              \
		if (!(cond)) {                                            \
			printf("# %s:%d: check failed: %s\n", __FILE__,   \
			    __LINE__, #cond);                             \
			unit_cur_failed = 1;                              \
		}                                                         \
	} while (0)

#define CHECK_INT_EQ(got, want)                                           \
	do {                                                              \
		long long g_ = (long long)(got), w_ = (long long)(want);  \
		if (g_ != w_) {                                           \
			printf("# %s:%d: %s: got %lld, expected %lld\n",  \
			    __FILE__, __LINE__, #got, g_, w_);            \
			unit_cur_failed = 1;                              \
		}                                                         \
	} while (0)

#define CHECK_STR_EQ(got, want)                                           \
	do {                                                              \
		const char *g_ = (got), *w_ = (want);                     \
		if (!g_ || !w_ ? g_ != w_ : strcmp(g_, w_) != 0) {        \
			printf("# %s:%d: %s:\n#   got      \"%s\"\n"      \
			       "#   expected \"%s\"\n",                    \
			    __FILE__, __LINE__, #got, g_ ? g_ : "(null)", \
			    w_ ? w_ : "(null)");                          \
			unit_cur_failed = 1;                              \
		}                                                         \
	} while (0)

#define CHECK_DBL_EQ(got, want, eps)                                      \
	do {                                                              \
		double g_ = (got), w_ = (want);                           \
		if (!(g_ - w_ <= (eps) && w_ - g_ <= (eps))) {            \
			printf("# %s:%d: %s: got %.17g, expected %.17g\n",\
			    __FILE__, __LINE__, #got, g_, w_);            \
			unit_cur_failed = 1;                              \
		}                                                         \
	} while (0)

/* How many times slower than an optimised build this run is: the
 * SE_TEST_SLOW environment variable (make check-valgrind sets it), for the
 * few tests that bound a time to catch a quadratic algorithm. */
static inline double
unit_slow(void)
{
	const char *s = getenv("SE_TEST_SLOW");
	double f = s ? atof(s) : 1;

	return f > 1 ? f : 1;
}

#endif /* SE_UNIT_H */
