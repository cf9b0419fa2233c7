/*
 * diagtext.h: the loaders' tests compare diagnostics as text.  diags()
 * renders a sink as "FILE:LINE:COL: SEVERITY RULE: MESSAGE", one a line,
 * into a static buffer (cut at 4 KiB).
 */
#ifndef SE_DIAGTEXT_H
#define SE_DIAGTEXT_H

#include <stdio.h>

#include "se.h"

static char diagtext[4096];

static const char *
diags(const se_diag *d)
{
	size_t i, len = 0;
	static const char *const sev[] = { "note", "warning", "error" };

	diagtext[0] = '\0';
	for (i = 0; i < se_diag_len(d); i++) {
		const se_diag_item *it = se_diag_get(d, i);
		len += (size_t)snprintf(diagtext + len, sizeof diagtext - len,
		    "%s:%u:%u: %s %s: %s\n", it->file ? it->file : "-",
		    it->line, it->col, sev[it->severity], it->rule,
		    it->message);
		if (len >= sizeof diagtext)
			break;
	}
	return diagtext;
}

#endif /* SE_DIAGTEXT_H */
