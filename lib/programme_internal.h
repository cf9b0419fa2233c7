/*
 * programme_internal.h: shared by the files of the regional programme
 * only (se-formats(5), programme): programme.c loads a programme into the
 * model below, programme_rules.c checks its rules, programme_draft.c
 * drafts one, programme_rows.c lists its events and milestones as plan
 * rows, calendar.c draws its calendar.
 *
 * Months are counted as one number, year * 12 + month - 1, so that a
 * quarter starts on a multiple of 3 and a two-month slot on a multiple
 * of 2 (January, March, May, ...), as in the handbook's tables.
 */
#ifndef SE_PROGRAMME_INTERNAL_H
#define SE_PROGRAMME_INTERNAL_H

#include "internal.h"

#define NONE SIZE_MAX

/* Rule parameters: the defaults are formats/em-2012/programme.yaml's. */
enum {
	R_HOST_ONE,
	R_LEADS_ONE,
	R_QA_ONE,
	R_OWN,
	R_ONE_ROLE,
	R_SPACING,
	R_NEXT_CYCLE,
	R_ONE_EVENT,
	R_ACCREDITED,
	R_COUNT
};

typedef struct params {
	bool on[R_COUNT];
	long min, max; /* visit-spacing, months */
	long visits;   /* visit-next-cycle: visits an authority has a cycle */
} params;

typedef struct pmember {
	const char *name, *authority; /* authority may be NULL */
	const se_node *node;
} pmember;

typedef struct pauth {
	const char *name, *dcs, *sgl;
	bool next_cycle;
	const se_node *node;
} pauth;

enum { EV_REVIEW, EV_VISIT };

typedef struct pevent {
	int type;
	size_t host, lead, qa;   /* authority indices, NONE when unknown */
	int m0, m1;              /* first and last month of its window */
	bool ok;                 /* the window is known */
	bool has_dates;
	long start, end;         /* days, when has_dates */
	pmember *team;
	size_t nteam;
	bool done;               /* status: complete */
	const se_node *node, *host_node, *lead_node, *qa_node, *when_node;
} pevent;

typedef struct pmile {
	long start, due;
	const char *what, *who;
	bool done;
	const se_node *node;
} pmile;

struct se_programme {
	se_arena *arena;
	const char *region, *cycle_name;
	int cstart, cend; /* months; cstart > cend when unknown */
	pauth *auth;
	size_t nauth;
	pevent *ev;
	size_t nev;
	pmile *ms;
	size_t nms;
	pmember *acc;
	size_t nacc;
	params par;
};

/* What an authority does in a quarter, for the involvement grid and the
 * one-event-per-slot rule: host, LDCS, QA of a review, or host a visit. */
enum { INV_HOST, INV_LEAD, INV_QA, INV_SAV };

typedef struct inv {
	size_t ev;
	int role;
	int q0, q1; /* candidate quarters (first months); equal when fixed */
	int q;      /* the quarter given, or -1 */
} inv;

/* ---- programme.c ------------------------------------------------------ */

/* The month number of month 'm' (1-12) of year 'y'. */
int se_prog_month(long y, int m);
/* The first and last day (day numbers) of month number 'm'. */
long se_prog_first_day(int m);
long se_prog_last_day(int m);
/* The month number of day number 'day'. */
int se_prog_day_month(long day);
/* "Jan-Mar 2013" for months m0..m1 (of one year), "Jan 2013" for one. */
void se_prog_range_label(int m0, int m1, char *buf, size_t n);
/* The string under 'key' of 'map'; NULL when absent or empty. */
const char *se_prog_get_str(const se_node *map, const char *key);
const se_pos *se_prog_pos(const se_node *n);
/* Formatted into 'ar'; "" when out of memory. */
const char *se_prog_aprintf(se_arena *ar, const char *fmt, ...)
    SE_PRINTF(2, 3);
/* Authority i's name, "?" for NONE. */
const char *se_prog_aname(const se_programme *p, size_t i);
/* Whether 's' is a cycle 'YYYY-YYYY' of at most ten years: its years. */
bool se_prog_cycle_years(const char *s, long *y0, long *y1);
/* The rules' defaults, then the rules 'format' runs with its parameters;
 * problems in them go to 'd'.  Returns how many there were. */
int se_prog_params_read(params *pr, const se_node *format, se_diag *d);

/* ---- programme_rules.c ------------------------------------------------ */

/* The first month of the quarter month number 'm' is in. */
int se_prog_quarter(int m);
/* What authority 'a' does in the programme, into 'v' (room for three an
 * event) and '*n', each given a quarter of its own where it can be
 * (unplaced ones keep q -1).  0, or -1 when out of memory. */
int se_prog_involvement(const se_programme *p, size_t a, inv *v, size_t *n);
/* What 'v' is, as a grid cell ("LDCS for X") or, with 'verb', as a
 * phrase for a message ("leads the team review of X"). */
const char *se_prog_inv_text(const se_programme *p, const inv *v, bool verb);

/* ---- programme_draft.c ------------------------------------------------ */

/* A YAML scalar: plain when that reads back as the same string, else
 * double-quoted. */
void se_prog_yaml_put(FILE *f, const char *s);

#endif /* SE_PROGRAMME_INTERNAL_H */
