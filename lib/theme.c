/* theme.c: how a theme is named once for every command that groups by
 * theme (se-report -t themes, se-plan --group-by theme): "Edge of care",
 * "edge-of-care" and "EDGE OF CARE" are one theme. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

/* The theme's key is the name as names are compared (name.c, words):
 * case, spaces and punctuation fold, so the key is the one fold. */
void
se_theme_key(se_buf *b, const char *s, size_t n)
{
	char *k = se_name_fold(s, n, SE_NAME_WORDS);

	if (k == NULL) {
		b->failed = true;
		return;
	}
	se_buf_adds(b, k);
	free(k);
}

bool
se_theme_same(const char *a, const char *b)
{
	return se_name_match(a, strlen(a), b, strlen(b), SE_NAME_WORDS);
}
