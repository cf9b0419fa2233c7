/*
 * hypo_internal.h: shared by profile.c, hypo.c, claims.c and hypoout.c
 * only: how a fact of the data profile is said in plain English.
 */
#ifndef SE_HYPO_INTERNAL_H
#define SE_HYPO_INTERNAL_H

#include "internal.h"

/* A value of 'f''s indicator as a reviewer reads it: rounded to the
 * indicator's precision, with "%" for a percentage ("26.3%"). */
void se_fact_value(se_buf *b, const se_fact *f, double v);
/* One sentence about 'f', e.g. "Re-referrals ... rose three years
 * running, from 20.9% in 2015-16 to 26.3% in 2018-19 (England 22.6%;
 * red, bottom quartile)." */
void se_fact_sentence(se_buf *b, const se_fact *f);
/* Red, in the bottom quartile, or declining. */
bool se_fact_is_bad(const se_fact *f);
/* Rated: a value and a RAG. */
bool se_fact_is_rated(const se_fact *f);
/* 'f''s quartile ('A'..'D'), or 0 when it is among fewer than four
 * authorities: a quartile then says little (with one, the rule gives D),
 * so it is neither told nor counted. */
char se_fact_quartile(const se_fact *f);

#endif /* SE_HYPO_INTERNAL_H */
