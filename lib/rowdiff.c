/* rowdiff.c: what two extract rows differ in, for the store's conflicting
 * values (se-rag(1) duplicate): "the rows differ in 'age'".  The store
 * keeps one line per cell, not its row, so the rows of a conflict are
 * read again from their files when those have been read: conflicts are
 * rare, and the fast path holds nothing more.  Each file is read once
 * for all the rows asked of it, quietly (a file that cannot be read again,
 * such as standard input, gives no rows, and the conflict is said without
 * its columns). */
#include "rag_internal.h"

#include <stdlib.h>
#include <string.h>

/* The most column names one message lists. */
#define NAMES_SHOWN 5

struct grab {
	unsigned line;
	char **field;
	unsigned *col, *fline; /* where each field starts */
	size_t n;
};

struct rfile {
	const char *path;
	unsigned *want;      /* lines asked for, sorted once read */
	size_t nwant, capwant;
	struct grab header;
	bool have_header;
	se_extract_layout layout;
	struct grab *rows;
	size_t nrows;
};

struct se_rowdiff {
	se_arena *arena;
	struct rfile *f;
	size_t nf;
	bool oom;
};

se_rowdiff *
se_rowdiff_new(void)
{
	se_rowdiff *r = calloc(1, sizeof *r);

	if (!r)
		return NULL;
	r->arena = se_arena_new(0);
	if (!r->arena) {
		free(r);
		return NULL;
	}
	return r;
}

void
se_rowdiff_free(se_rowdiff *r)
{
	size_t i;

	if (!r)
		return;
	for (i = 0; i < r->nf; i++) {
		free(r->f[i].want);
		free(r->f[i].rows);
	}
	free(r->f);
	se_arena_free(r->arena);
	free(r);
}

static struct rfile *
file_of(const se_rowdiff *r, const char *path)
{
	size_t i;

	for (i = 0; i < r->nf; i++)
		if (strcmp(r->f[i].path, path) == 0)
			return &r->f[i];
	return NULL;
}

int
se_rowdiff_want(se_rowdiff *r, const char *path, unsigned line)
{
	struct rfile *f = file_of(r, path);

	if (!f) {
		struct rfile *v = realloc(r->f, (r->nf + 1) * sizeof *v);
		if (!v)
			return -1;
		r->f = v;
		f = &v[r->nf];
		memset(f, 0, sizeof *f);
		f->path = se_arena_strdup(r->arena, path);
		if (!f->path)
			return -1;
		r->nf++;
	}
	if (f->nwant == f->capwant) {
		size_t cap = f->capwant ? f->capwant * 2 : 16;
		unsigned *w = realloc(f->want, cap * sizeof *w);
		if (!w)
			return -1;
		f->want = w;
		f->capwant = cap;
	}
	f->want[f->nwant++] = line;
	return 0;
}

static int
cmp_line(const void *a, const void *b)
{
	unsigned x = *(const unsigned *)a, y = *(const unsigned *)b;

	return x < y ? -1 : x > y;
}

static bool
wanted(const struct rfile *f, unsigned line)
{
	return bsearch(&line, f->want, f->nwant, sizeof *f->want,
	    cmp_line) != NULL;
}

static int
keep(se_rowdiff *r, struct grab *g, const se_csv_field *fl, size_t n,
    unsigned line)
{
	size_t i;

	g->line = line;
	g->n = n;
	g->field = se_arena_alloc(r->arena, (n ? n : 1) * sizeof *g->field);
	g->col = se_arena_alloc(r->arena, (n ? n : 1) * sizeof *g->col);
	g->fline = se_arena_alloc(r->arena, (n ? n : 1) * sizeof *g->fline);
	if (!g->field || !g->col || !g->fline)
		return -1;
	for (i = 0; i < n; i++) {
		const char *s = fl[i].text;
		size_t len = fl[i].len;
		while (len > 0 && (unsigned char)*s <= ' ')
			s++, len--;
		while (len > 0 && (unsigned char)s[len - 1] <= ' ')
			len--;
		g->field[i] = se_arena_strndup(r->arena, s, len);
		g->col[i] = fl[i].col;
		g->fline[i] = fl[i].line;
		if (!g->field[i])
			return -1;
	}
	return 0;
}

struct reading {
	se_rowdiff *r;
	struct rfile *f;
	size_t left; /* rows still wanted */
};

static int
on_record(void *ctx, const se_csv_field *fl, size_t n, unsigned line)
{
	struct reading *rd = ctx;
	struct rfile *f = rd->f;
	unsigned at = n ? fl[0].line : line;
	struct grab *g;

	if (!f->have_header) {
		f->have_header = true;
		f->layout = se_extract_layout_sniff(fl, n);
		return keep(rd->r, &f->header, fl, n, line);
	}
	if ((!wanted(f, line) && !wanted(f, at)) || f->nrows == f->nwant)
		return 0;
	g = &f->rows[f->nrows++];
	if (keep(rd->r, g, fl, n, wanted(f, line) ? line : at) < 0)
		return -1;
	return --rd->left == 0 ? -1 : 0; /* all found: stop reading */
}

void
se_rowdiff_read(se_rowdiff *r, se_diag *d)
{
	size_t i, j, k;

	for (i = 0; i < r->nf; i++) {
		struct rfile *f = &r->f[i];
		struct reading rd = { r, f, 0 };
		se_diag *quiet;
		se_csv *c;
		qsort(f->want, f->nwant, sizeof *f->want, cmp_line);
		for (j = k = 0; j < f->nwant; j++)
			if (k == 0 || f->want[k - 1] != f->want[j])
				f->want[k++] = f->want[j];
		f->nwant = k;
		f->rows = calloc(k ? k : 1, sizeof *f->rows);
		quiet = se_diag_new_child(d); /* read before: said then */
		c = quiet ? se_csv_new(f->path, on_record, &rd, quiet) : NULL;
		rd.left = k;
		if (f->rows && c)
			se_csv_read_file(c, f->path, true, quiet);
		else
			r->oom = true;
		se_csv_free(c);
		se_diag_free(quiet);
	}
}

static const struct grab *
row_at(const se_rowdiff *r, const char *path, unsigned line,
    const struct grab **header)
{
	const struct rfile *f = path ? file_of(r, path) : NULL;
	size_t i;

	if (!f || !f->have_header)
		return NULL;
	*header = &f->header;
	for (i = 0; i < f->nrows; i++)
		if (f->rows[i].line == line)
			return &f->rows[i];
	return NULL;
}

/* EES columns that say which place and period a row is of: rows that
 * differ in one of these are two places taken for one (a breakdown is
 * not why they conflict). */
static bool
names_the_place(const char *heading)
{
	static const char *const place[] = { "time_period", "time_identifier",
		"geographic_level", "country_code", "country_name",
		"region_code", "region_name", "old_la_code", "new_la_code",
		"la_name" };
	size_t i;

	for (i = 0; i < sizeof place / sizeof place[0]; i++)
		if (se_strcasecmp(heading, place[i]) == 0)
			return true;
	return false;
}

/* The column of 'h' headed 'name', or SIZE_MAX. */
static size_t
column(const struct grab *h, const char *name)
{
	size_t i;

	for (i = 0; i < h->n; i++)
		if (se_strcasecmp(h->field[i], name) == 0)
			return i;
	return SIZE_MAX;
}

bool
se_rowdiff_say(const se_rowdiff *r, const char *path1, unsigned line1,
    const char *path2, unsigned line2, const se_pos *value,
    const se_catalogue *cat, se_buf *b)
{
	const struct grab *h1 = NULL, *h2 = NULL, *a, *z;
	size_t i, vc = SIZE_MAX, shown = 0, more = 0;
	const char *hint = NULL;
	bool places = false;

	a = row_at(r, path1, line1, &h1);
	z = row_at(r, path2, line2, &h2);
	if (!a || !z || a == z)
		return false; /* one row: two columns of one indicator */
	for (i = 0; i < z->n; i++)
		if (z->fline[i] == value->line && z->col[i] == value->col)
			vc = i;
	for (i = 0; i < z->n && i < h2->n; i++) {
		size_t j = h1 == h2 ? i : column(h1, h2->field[i]);
		if (i == vc || j == SIZE_MAX || j >= a->n ||
		    strcmp(a->field[j], z->field[i]) == 0)
			continue;
		places = places || names_the_place(h2->field[i]);
		if (shown == NAMES_SHOWN) {
			more++;
			continue;
		}
		se_buf_addf(b, "%s'%s'", shown ? ", " : "; the rows differ in ",
		    h2->field[i]);
		shown++;
		if (!hint && !names_the_place(h2->field[i]) &&
		    !se_catalogue_find(cat, h2->field[i], strlen(h2->field[i])))
			hint = h2->field[i];
	}
	if (more)
		se_buf_addf(b, " and %zu more", more);
	if (!shown)
		se_buf_adds(b, "; the rows differ in no other column");
	else if (hint && !places &&
	    file_of(r, path2)->layout == SE_LAYOUT_EES)
		se_buf_addf(b, " (if '%s' is a breakdown, choose its level with "
		    "--where %s=LEVEL)", hint, hint);
	return true;
}
