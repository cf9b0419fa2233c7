/* check_internal.h: what check.c (documents) and checkcsv.c (CSV files
 * and standard input) share.  lib/ only. */
#ifndef SE_CHECK_INTERNAL_H
#define SE_CHECK_INTERNAL_H

#include "internal.h"

/* A plan read by the plan reader se-plan uses: its columns, statuses,
 * timescales and dates are one set of rules in both commands (lib/plan.c
 * reading formats/shared/plan.yaml).  NULL when the plan definition cannot
 * be read (the reason in 'diag') or out of memory; free it with
 * se_plan_free(). */
se_plan *se_check_plan_reader(const se_check *c, se_diag *diag);

#endif /* SE_CHECK_INTERNAL_H */
