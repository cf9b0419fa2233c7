/* diag.c: the diagnostics sink every command uses.  Renderers are in
 * diagfmt.c. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct entry {
	se_diag_item item;
	size_t seq; /* insertion order, for a stable sort */
};

/* After REPEAT_SHOWN diagnostics of one rule in one file, the rest are
 * counted, and one entry says how many more there were. */
#define REPEAT_SHOWN 10

struct repeat {
	char *file, *rule;
	size_t n;       /* diagnostics of the rule in the file */
	size_t summary; /* index of the summary entry, or SIZE_MAX */
};

/* A file the run has opened to read (lib/input.c), so that no output
 * replaces it (lib/output.c). */
struct input {
	dev_t dev;
	ino_t ino;
	char *path;
};

struct se_diag {
	struct entry *v;
	size_t n, cap;
	size_t count[3];
	bool strict;
	struct repeat *rep;
	size_t nrep, lastrep;
	/* The inputs are the run's, kept in the sink every part of the run
	 * is given: a child sink (se_diag_new_child) records them in its
	 * parent's. */
	se_diag *parent;
	struct input *in;
	size_t nin, capin;
};

se_diag *
se_diag_new(void)
{
	return calloc(1, sizeof(se_diag));
}

se_diag *
se_diag_new_child(se_diag *parent)
{
	se_diag *d = se_diag_new();

	if (d)
		d->parent = parent;
	return d;
}

static se_diag *
root(se_diag *d)
{
	while (d->parent)
		d = d->parent;
	return d;
}

int
se_diag_add_input(se_diag *d, const char *path, const struct stat *st)
{
	struct input *v;

	d = root(d);
	if (se_diag_find_input(d, st))
		return 0;
	if (d->nin == d->capin) {
		size_t cap = d->capin ? d->capin * 2 : 16;
		v = realloc(d->in, cap * sizeof *v);
		if (!v)
			return -1;
		d->in = v;
		d->capin = cap;
	}
	v = &d->in[d->nin];
	v->dev = st->st_dev;
	v->ino = st->st_ino;
	v->path = strdup(path);
	if (!v->path)
		return -1;
	d->nin++;
	return 0;
}

const char *
se_diag_find_input(se_diag *d, const struct stat *st)
{
	size_t i;

	d = root(d);
	for (i = 0; i < d->nin; i++)
		if (d->in[i].dev == st->st_dev && d->in[i].ino == st->st_ino)
			return d->in[i].path;
	return NULL;
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
	for (i = 0; i < d->nrep; i++) {
		free(d->rep[i].file);
		free(d->rep[i].rule);
	}
	free(d->rep);
	free(d->v);
	for (i = 0; i < d->nin; i++)
		free(d->in[i].path);
	free(d->in);
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

static bool
same_str(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

/* The count of 'rule' in 'file', one more; NULL when out of memory. */
static struct repeat *
repeat_of(se_diag *d, const char *file, const char *rule)
{
	struct repeat *r, *v;
	size_t i;

	for (i = 0; i < d->nrep; i++) {
		r = &d->rep[(d->lastrep + i) % d->nrep];
		if (same_str(r->file, file) && strcmp(r->rule, rule) == 0) {
			d->lastrep = (size_t)(r - d->rep);
			r->n++;
			return r;
		}
	}
	v = realloc(d->rep, (d->nrep + 1) * sizeof *v);
	if (!v)
		return NULL;
	d->rep = v;
	r = &v[d->nrep];
	r->file = dup(file);
	r->rule = dup(rule);
	r->n = 1;
	r->summary = SIZE_MAX;
	if (!r->rule || (file && !r->file)) {
		free(r->file);
		free(r->rule);
		return NULL;
	}
	d->lastrep = d->nrep++;
	return r;
}

/* The summary's text, rewritten as the count grows. */
static void
say_more(se_diag *d, const struct repeat *r)
{
	struct entry *e = &d->v[r->summary];
	size_t more = r->n - REPEAT_SHOWN;
	char t[160];
	char *m;

	snprintf(t, sizeof t, "%zu more problem%s of this kind in this file "
	    "%s not shown", more, more == 1 ? "" : "s",
	    more == 1 ? "is" : "are");
	m = dup(t);
	if (!m)
		return;
	free((char *)e->item.message);
	e->item.message = m;
}

/* Append an entry whose message is 'msg' (taken; NULL: out of memory).
 * False when out of memory. */
static bool
add_entry(se_diag *d, se_severity sev, const se_pos *pos, const char *rule,
    char *msg)
{
	struct entry *e;

	if (d->n == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 16;
		struct entry *v = realloc(d->v, cap * sizeof *v);
		if (!v) {
			free(msg);
			return false;
		}
		d->v = v;
		d->cap = cap;
	}
	e = &d->v[d->n];
	memset(e, 0, sizeof *e);
	e->item.file = pos && pos->file ? dup(pos->file) : NULL;
	e->item.line = pos ? pos->line : 0;
	e->item.col = pos && pos->line ? pos->col : 0;
	e->item.severity = sev;
	e->item.rule = dup(rule ? rule : "error");
	e->item.message = msg ? msg : dup("(out of memory)");
	e->seq = d->n;
	d->n++;
	return true;
}

static char *format(const char *fmt, va_list ap)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 0)))
#endif
    ;

static char *
format(const char *fmt, va_list ap)
{
	va_list aq;
	char *p;
	int n;

	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n < 0 || !(p = malloc((size_t)n + 1)))
		return NULL;
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

int
se_diag_vadd(se_diag *d, se_severity sev, const se_pos *pos,
    const char *rule, const char *fmt, va_list ap)
{
	const char *file = pos && pos->line ? pos->file : NULL;
	struct repeat *r;
	int status;

	if (sev == SE_WARNING && d->strict)
		sev = SE_ERROR;
	status = sev == SE_ERROR ? -1 : 0;
	r = file ? repeat_of(d, file, rule ? rule : "error") : NULL;
	if (!r || r->n <= REPEAT_SHOWN) {
		if (!add_entry(d, sev, pos, rule, format(fmt, ap)))
			return -1;
		d->count[sev]++;
		return status;
	}
	/* Counted, not kept: the summary entry (at the first of them) says
	 * how many. */
	d->count[sev]++;
	if (r->summary == SIZE_MAX) {
		if (!add_entry(d, sev, pos, rule, NULL))
			return -1;
		r->summary = d->n - 1;
	} else if (d->v[r->summary].item.severity < sev)
		d->v[r->summary].item.severity = sev;
	say_more(d, r);
	return status;
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

void
se_diag_append(se_diag *to, const se_diag *from)
{
	size_t i;

	for (i = 0; i < from->n; i++) {
		const se_diag_item *it = &from->v[i].item;
		se_pos pos = { it->file, it->line, it->col };
		se_diag_add(to, it->severity, &pos, it->rule, "%s", it->message);
	}
}

static bool
same_item(const se_diag_item *a, const se_diag_item *b)
{
	return a->severity == b->severity && a->line == b->line &&
	    a->col == b->col && strcmp(a->file ? a->file : "",
	    b->file ? b->file : "") == 0 && strcmp(a->rule, b->rule) == 0 &&
	    strcmp(a->message, b->message) == 0;
}

void
se_diag_append_new(se_diag *to, const se_diag *from)
{
	size_t i, j;

	for (i = 0; i < from->n; i++) {
		const se_diag_item *it = &from->v[i].item;
		se_pos pos = { it->file, it->line, it->col };
		for (j = 0; j < to->n; j++)
			if (same_item(&to->v[j].item, it))
				break;
		if (j == to->n)
			se_diag_add(to, it->severity, &pos, it->rule, "%s",
			    it->message);
	}
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
