/* rag_internal.h: shared by catalogue.c, series.c and rate.c only. */
#ifndef SE_RAG_INTERNAL_H
#define SE_RAG_INTERNAL_H

#include "internal.h"

/* Names as compared: ASCII case ignored, surrounding spaces ignored, a
 * run of spaces inside counts as one.  Hash and equality agree. */
uint64_t se_name_hash(const char *s, size_t len);
bool se_name_equal(const char *a, size_t alen, const char *b, size_t blen);

#endif
