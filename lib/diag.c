/* diag.c: the diagnostics sink every command uses.  Renderers are in
 * diagfmt.c. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

struct entry {
	se_diag_item item;
	size_t seq; /* insertion order, for a stable sort */
};

struct se_diag {
	struct entry *v;
	size_t n, cap;
	size_t count[3];
	bool strict;
};

se_diag *
se_diag_new(void)
{
	return calloc(1, sizeof(se_diag));
}

void
se_diag_free(se_diag *d)
{
	size_t i;

	if (!d)
		return;
	for (i = 0; i < d->n; i++) {
		free((char *)d->v[i].item.file);
		free((char *)d->v[i].item.rule);
		free((char *)d->v[i].item.message);
	}
	free(d->v);
	free(d);
}

void
se_diag_set_strict(se_diag *d, bool strict)
{
	d->strict = strict;
}

static char *
dup(const char *s)
{
	size_t n;
	char *p;

	if (!s)
		return NULL;
	n = strlen(s);
	p = malloc(n + 1);
	if (p)
		memcpy(p, s, n + 1);
	return p;
}

int
se_diag_vadd(se_diag *d, se_severity sev, const se_pos *pos,
    const char *rule, const char *fmt, va_list ap)
{
	struct entry *e;
	se_buf msg;

	if (sev == SE_WARNING && d->strict)
		sev = SE_ERROR;
	if (d->n == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 16;
		struct entry *v = realloc(d->v, cap * sizeof *v);
		if (!v)
			return -1;
		d->v = v;
		d->cap = cap;
	}
	se_buf_init(&msg);
	{
		va_list aq;
		int n;
		va_copy(aq, ap);
		n = vsnprintf(NULL, 0, fmt, aq);
		va_end(aq);
		if (n >= 0) {
			char *p = malloc((size_t)n + 1);
			if (p) {
				vsnprintf(p, (size_t)n + 1, fmt, ap);
				msg.data = p;
				msg.len = (size_t)n;
			}
		}
	}
	e = &d->v[d->n];
	memset(e, 0, sizeof *e);
	e->item.file = pos && pos->file ? dup(pos->file) : NULL;
	e->item.line = pos ? pos->line : 0;
	e->item.col = pos && pos->line ? pos->col : 0;
	e->item.severity = sev;
	e->item.rule = dup(rule ? rule : "error");
	e->item.message = msg.data ? msg.data : dup("(out of memory)");
	e->seq = d->n;
	d->n++;
	d->count[sev]++;
	return sev == SE_ERROR ? -1 : 0;
}

int
se_diag_add(se_diag *d, se_severity sev, const se_pos *pos, const char *rule,
    const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = se_diag_vadd(d, sev, pos, rule, fmt, ap);
	va_end(ap);
	return r;
}

int
se_diag_error(se_diag *d, const se_pos *pos, const char *rule,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	se_diag_vadd(d, SE_ERROR, pos, rule, fmt, ap);
	va_end(ap);
	return -1;
}

int
se_diag_warning(se_diag *d, const se_pos *pos, const char *rule,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	se_diag_vadd(d, SE_WARNING, pos, rule, fmt, ap);
	va_end(ap);
	return 0;
}

int
se_diag_note(se_diag *d, const se_pos *pos, const char *rule,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	se_diag_vadd(d, SE_NOTE, pos, rule, fmt, ap);
	va_end(ap);
	return 0;
}

size_t
se_diag_count(const se_diag *d, se_severity sev)
{
	return d->count[sev];
}

size_t
se_diag_len(const se_diag *d)
{
	return d->n;
}

const se_diag_item *
se_diag_get(const se_diag *d, size_t i)
{
	return i < d->n ? &d->v[i].item : NULL;
}

static int
cmp(const void *pa, const void *pb)
{
	const struct entry *a = pa, *b = pb;
	int c;

	if (!a->item.file != !b->item.file)
		return a->item.file ? -1 : 1;
	c = a->item.file ? strcmp(a->item.file, b->item.file) : 0;
	if (c != 0)
		return c;
	if (a->item.line != b->item.line)
		return a->item.line < b->item.line ? -1 : 1;
	if (a->item.col != b->item.col)
		return a->item.col < b->item.col ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

void
se_diag_sort(se_diag *d)
{
	if (d->n > 1)
		qsort(d->v, d->n, sizeof *d->v, cmp);
}
