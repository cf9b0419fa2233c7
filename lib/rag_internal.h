/* rag_internal.h: shared by catalogue.c, series.c and rate.c only. */
#ifndef SE_RAG_INTERNAL_H
#define SE_RAG_INTERNAL_H

#include "internal.h"

/* Names are compared by name.c (internal.h). */

#endif
