/* theme.c: how a theme is named once for every command that groups by
 * theme (se-report -t themes, se-plan --group-by theme): "Edge of care",
 * "edge-of-care" and "EDGE OF CARE" are one theme. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

void
se_theme_key(se_buf *b, const char *s, size_t n)
{
	size_t i;
	bool dash = false, any = false;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c - 'A' + 'a');
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    c >= 0x80) {
			if (dash && any)
				se_buf_addc(b, '-');
			se_buf_addc(b, (char)c);
			dash = false;
			any = true;
		} else {
			dash = true;
		}
	}
}

bool
se_theme_same(const char *a, const char *b)
{
	se_buf x, y;
	bool same;

	se_buf_init(&x);
	se_buf_init(&y);
	se_theme_key(&x, a, strlen(a));
	se_theme_key(&y, b, strlen(b));
	same = !se_buf_failed(&x) && !se_buf_failed(&y) &&
	    strcmp(se_buf_str(&x), se_buf_str(&y)) == 0;
	se_buf_release(&x);
	se_buf_release(&y);
	return same;
}
