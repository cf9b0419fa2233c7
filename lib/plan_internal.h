/* plan_internal.h: what plan.c, plandiff.c and planout.c share. */
#ifndef SE_PLAN_INTERNAL_H
#define SE_PLAN_INTERNAL_H

#include "internal.h"

/* A new empty action at 'pos' (its file copied); NULL when out of
 * memory.  Valid until the next action is added. */
se_action *se_plan_add_action(se_plan *p, const se_pos *pos);
/* Remember an authority's name (kept, not copied). */
int se_plan_note_authority(se_plan *p, const char *name);
/* 's' trimmed and copied into the plan's arena; NULL when out of memory. */
const char *se_plan_trim(se_plan *p, const char *s, size_t len);
char *se_plan_strdup(se_plan *p, const char *s, size_t n);
int se_plan_add_note(se_plan *p, se_action *a, long day, const char *text,
    const se_pos *pos);
int se_plan_read_note(se_plan *p, se_action *a, const char *s, size_t len,
    const se_pos *pos, se_diag *d);
/* Set an action's status or timescale from the text 's' as written,
 * reporting what cannot be read at 'pos' with 'where' after the message
 * (" (row 5, column 'Timescale')" in a CSV, else ""). */
void se_plan_set_status(se_plan *p, se_action *a, const char *s,
    const se_pos *pos, const char *where, se_diag *d);
void se_plan_set_due(se_plan *p, se_action *a, const char *s,
    const se_pos *pos, const char *where, se_diag *d);
/* Read the date 's' as every plan date is read (se_date_parse), the
 * error (rule bad-date, listing the forms) at 'pos'; 0 or -1. */
int se_plan_read_date(const char *s, const se_pos *pos, const char *where,
    long *day, se_diag *d);
/* The headings of the columns se-plan -F csv computes, NULL-terminated:
 * written after a plan's own columns, and not kept when read back. */
extern const char *const se_plan_computed[];
/* Whether a CSV header is a plan's: it has an Action and an Accountable
 * officer column, by the names and aliases of the plan definition. */
bool se_plan_is_header(const se_plan *p, const char *const *cells,
    size_t n);
int se_plan_measure_from_text(se_plan *p, se_action *a);
const char *se_plan_num(se_plan *p, double v, int prec);
/* An action's id, or its first words in 'buf'. */
const char *se_action_label(const se_action *a, char *buf, size_t n);

#endif
