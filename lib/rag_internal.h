/* rag_internal.h: shared by catalogue.c, store.c and rate.c only. */
#ifndef SE_RAG_INTERNAL_H
#define SE_RAG_INTERNAL_H

#include "internal.h"

/* Names are compared by name.c (internal.h). */

/* rowdiff.c: the rows of conflicting values read again, to say the
 * columns they differ in.  Ask for each row (path, line), read once, then
 * say each conflict. */
typedef struct se_rowdiff se_rowdiff;
se_rowdiff *se_rowdiff_new(void);  /* NULL when out of memory */
void se_rowdiff_free(se_rowdiff *r); /* NULL is a no-op */
int se_rowdiff_want(se_rowdiff *r, const char *path, unsigned line);
/* Read each file asked of once, quietly: rows not found are not known. */
void se_rowdiff_read(se_rowdiff *r, se_diag *d);
/* Add to 'b' "; the rows differ in 'a', 'b'" (the column of the later
 * row's 'value' left out; at most 5 named, with "and N more"), or "; the
 * rows differ in no other column", and for an EES file the --where to
 * choose a breakdown's level by ('cat' tells measure columns from
 * breakdowns).  False, nothing added, when a row is not known. */
bool se_rowdiff_say(const se_rowdiff *r, const char *path1, unsigned line1,
    const char *path2, unsigned line2, const se_pos *value,
    const se_catalogue *cat, se_buf *b);

#endif
