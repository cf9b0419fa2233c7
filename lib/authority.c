/* authority.c: the table of English local authorities (formats/shared/
 * authorities.csv): one identity per authority, found by any code it has
 * had (ONS code, DfE three-digit number, former codes) or by its name as
 * publishers write it.  Keys are folded once when the table loads and
 * kept sorted; a lookup folds its query and searches.  A name is folded
 * as every name is (se_name_fold), then as only authorities' are: '&' and
 * "Saint", ", City of" first, the words of a region dropped. */
#include "internal.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define NONE SIZE_MAX

struct key {
	const char *text; /* folded */
	size_t entry;
};

struct se_authorities {
	se_arena *arena;
	char *path;
	se_authority *v;
	size_t n, cap;
	struct key *codes, *names;
	size_t ncodes, nnames, capcodes, capnames;
	se_diag *d;     /* while loading */
	int col[9];     /* header columns, or -1 */
	bool header_done, bad;
};

enum { C_NAME, C_ONS, C_DFE, C_KIND, C_REGION, C_FORMER, C_OTHER, C_BECAME,
	C_ENDED, NCOLS };

static const char *const colnames[NCOLS] = { "name", "ons_code",
	"dfe_number", "kind", "region", "former_codes", "other_names",
	"became", "ended" };

/* ---- folding ------------------------------------------------------------- */

static bool
word_is(const char *w, size_t n, const char *want)
{
	return strlen(want) == n && se_strncasecmp(w, want, n) == 0;
}

/* Append the words of s[0..n) to b, folded as every name is (se_name_fold
 * by words: case ignored, apostrophes and dots join, other punctuation
 * separates) and further, as publishers write one authority several
 * ways: '&' is "and" and "Saint" is "St". */
static void
fold_words(se_buf *b, const char *s, size_t n)
{
	se_buf and;
	char *f, *w;
	size_t i, len;

	se_buf_init(&and);
	for (i = 0; i < n; i++) {
		if (s[i] == '&')
			se_buf_adds(&and, " and ");
		else
			se_buf_addc(&and, s[i]);
	}
	f = se_buf_failed(&and) ? NULL : se_name_fold(se_buf_str(&and),
	    and.len, SE_NAME_WORDS);
	se_buf_release(&and);
	if (!f) {
		b->failed = true;
		return;
	}
	for (w = f; *w; w += len + (w[len] == ' ')) {
		len = strcspn(w, " ");
		if (b->len)
			se_buf_addc(b, ' ');
		if (word_is(w, len, "saint"))
			se_buf_adds(b, "st");
		else
			se_buf_add(b, w, len);
	}
	free(f);
}

/* The folded key of a name into b: "Bristol, City of" is "city of
 * bristol" (a trailing ", ... of" moves to the front), then fold_words. */
static void
fold_name(se_buf *b, const char *s)
{
	const char *comma = strrchr(s, ','), *t;
	size_t n = strlen(s);

	se_buf_reset(b);
	if (comma) {
		t = comma + 1;
		while (*t == ' ')
			t++;
		n = strlen(t);
		while (n && t[n - 1] == ' ')
			n--;
		if (n > 3 && word_is(t + n - 2, 2, "of") && t[n - 3] == ' ') {
			fold_words(b, t, n);
			fold_words(b, s, (size_t)(comma - s));
			return;
		}
	}
	fold_words(b, s, strlen(s));
}

/* A code as compared: trimmed, upper case. */
static void
fold_code(se_buf *b, const char *s)
{
	size_t n = strlen(s);

	se_buf_reset(b);
	while (*s == ' ' || *s == '\t')
		s++, n--;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	for (; n; s++, n--)
		se_buf_addc(b, *s >= 'a' && *s <= 'z' ? (char)(*s - 'a' + 'A')
						      : *s);
}

/* ---- the sorted keys ------------------------------------------------------ */

static int
cmp_key(const void *pa, const void *pb)
{
	const struct key *a = pa, *b = pb;
	int c = strcmp(a->text, b->text);

	return c ? c : (a->entry > b->entry) - (a->entry < b->entry);
}

static size_t
search(const struct key *v, size_t n, const char *text)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(v[mid].text, text);
		if (c == 0)
			return v[mid].entry;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NONE;
}

static int
add_key(se_authorities *a, bool code, const char *text, size_t entry)
{
	struct key **v = code ? &a->codes : &a->names;
	size_t *n = code ? &a->ncodes : &a->nnames;
	size_t *cap = code ? &a->capcodes : &a->capnames;
	se_buf b;
	char *t;

	se_buf_init(&b);
	if (code)
		fold_code(&b, text);
	else
		fold_name(&b, text);
	if (se_buf_failed(&b)) {
		se_buf_release(&b);
		return -1;
	}
	if (b.len == 0) {
		se_buf_release(&b);
		return 0;
	}
	t = se_arena_strdup(a->arena, se_buf_str(&b));
	se_buf_release(&b);
	if (!t)
		return -1;
	if (*n == *cap) {
		size_t c = *cap ? *cap * 2 : 256;
		struct key *nv = realloc(*v, c * sizeof *nv);
		if (!nv)
			return -1;
		*v = nv;
		*cap = c;
	}
	(*v)[*n].text = t;
	(*v)[(*n)++].entry = entry;
	return 0;
}

/* ---- loading ---------------------------------------------------------------- */

static int
oom(se_authorities *a)
{
	se_pos p = { a->path, 0, 0 };

	a->bad = true;
	return se_diag_error(a->d, &p, "out-of-memory",
	    "out of memory reading the authorities table");
}

static const char *
field(se_authorities *a, const se_csv_field *f, size_t n, int c)
{
	const char *s;
	size_t len;

	if (a->col[c] < 0 || (size_t)a->col[c] >= n)
		return NULL;
	s = f[a->col[c]].text;
	len = f[a->col[c]].len;
	while (len && *s == ' ')
		s++, len--;
	while (len && s[len - 1] == ' ')
		len--;
	return len ? se_arena_strndup(a->arena, s, len) : NULL;
}

/* The ';'-separated items of 's' (NULL: none), in the arena. */
static const char **
items(se_authorities *a, const char *s, size_t *n)
{
	const char **v, *p, *e;
	size_t k = 1, i = 0;

	*n = 0;
	if (!s)
		return NULL;
	for (p = s; *p; p++)
		k += *p == ';';
	v = se_arena_alloc(a->arena, k * sizeof *v);
	if (!v)
		return NULL;
	for (p = s;; p = e + 1) {
		const char *q;
		size_t len;
		e = strchr(p, ';');
		if (!e)
			e = p + strlen(p);
		for (q = p; q < e && *q == ' '; q++)
			;
		len = (size_t)(e - q);
		while (len && q[len - 1] == ' ')
			len--;
		if (len && !(v[i] = se_arena_strndup(a->arena, q, len)))
			return NULL;
		i += len != 0;
		if (!*e)
			break;
	}
	*n = i;
	return v;
}

static int
kind_of(const char *s, se_authority_kind *k)
{
	static const char *const names[] = { "authority", "former", "region",
		"country" };
	size_t i;

	for (i = 0; s && i < 4; i++)
		if (strcmp(s, names[i]) == 0) {
			*k = (se_authority_kind)i;
			return 0;
		}
	return -1;
}

static int
header(se_authorities *a, const se_csv_field *f, size_t n, unsigned line)
{
	se_pos p = { a->path, line, 1 };
	size_t i, c;

	a->header_done = true;
	for (c = 0; c < NCOLS; c++) {
		a->col[c] = -1;
		for (i = 0; i < n; i++)
			if (f[i].len == strlen(colnames[c]) &&
			    memcmp(f[i].text, colnames[c], f[i].len) == 0)
				a->col[c] = (int)i;
	}
	if (a->col[C_NAME] < 0 || a->col[C_ONS] < 0 || a->col[C_DFE] < 0 ||
	    a->col[C_KIND] < 0) {
		a->bad = true;
		return se_diag_error(a->d, &p, "csv-header",
		    "not an authorities table: expected the columns 'name,"
		    "ons_code,dfe_number,kind,region,former_codes,other_names'");
	}
	return 0;
}

static int
reserve_entry(se_authorities *a)
{
	se_authority *v;
	size_t c;

	if (a->n < a->cap)
		return 0;
	c = a->cap ? a->cap * 2 : 256;
	v = realloc(a->v, c * sizeof *v);
	if (!v)
		return -1;
	a->v = v;
	a->cap = c;
	return 0;
}

static int
on_record(void *ctx, const se_csv_field *f, size_t n, unsigned line)
{
	se_authorities *a = ctx;
	se_pos p = { a->path, line, 1 };
	se_authority *x;
	const char *kind;

	if (!a->header_done)
		return header(a, f, n, line) < 0 ? -1 : 0;
	if (reserve_entry(a) < 0)
		return oom(a);
	x = &a->v[a->n];
	memset(x, 0, sizeof *x);
	x->name = field(a, f, n, C_NAME);
	x->ons_code = field(a, f, n, C_ONS);
	x->dfe_number = field(a, f, n, C_DFE);
	x->region = field(a, f, n, C_REGION);
	kind = field(a, f, n, C_KIND);
	x->former = items(a, field(a, f, n, C_FORMER), &x->nformer);
	x->names = items(a, field(a, f, n, C_OTHER), &x->nnames);
	x->became = items(a, field(a, f, n, C_BECAME), &x->nbecame);
	x->ended = field(a, f, n, C_ENDED);
	x->line = line;
	if (!x->name) {
		se_diag_error(a->d, &p, "csv-row", "row has no name");
		return 0;
	}
	if (!x->ons_code && !x->dfe_number) {
		se_diag_error(a->d, &p, "csv-row",
		    "authority '%s' has no ons_code and no dfe_number", x->name);
		return 0;
	}
	if (kind_of(kind, &x->kind) < 0) {
		se_diag_error(a->d, &p, "csv-value", "kind '%s' of '%s' is not "
		    "authority, former, region or country", kind ? kind : "",
		    x->name);
		return 0;
	}
	a->n++;
	return 0;
}

/* A former authority gives way to a current one of the same name (the
 * Dorset of 2019 is found by code, or by a name of its own). */
static bool
gives_way(const se_authority *a, const se_authority *b)
{
	return a->kind == SE_AUTHORITY_FORMER && b->kind != SE_AUTHORITY_FORMER;
}

/* Sort the keys; two entries with one key are an error, but for a
 * former authority's name that a current one has too (dropped). */
static void
sort_keys(se_authorities *a, bool code)
{
	struct key *v = code ? a->codes : a->names;
	size_t *n = code ? &a->ncodes : &a->nnames, i, k = 0;

	if (*n > 1)
		qsort(v, *n, sizeof *v, cmp_key);
	for (i = 0; i < *n; i++) {
		const se_authority *x, *y;
		se_pos p = { a->path, 0, 1 };
		if (k == 0 || strcmp(v[k - 1].text, v[i].text) != 0) {
			v[k++] = v[i];
			continue;
		}
		x = &a->v[v[k - 1].entry];
		y = &a->v[v[i].entry];
		if (x == y)
			continue;
		if (!code && gives_way(y, x))
			continue;
		if (!code && gives_way(x, y)) {
			v[k - 1] = v[i];
			continue;
		}
		p.line = y->line;
		se_diag_error(a->d, &p, "authority-duplicate", "%s '%s' of "
		    "'%s' is also one of '%s' (line %u)", code ? "code" :
		    "name", v[i].text, y->name, x->name, x->line);
	}
	*n = k;
}

static int
make_keys(se_authorities *a)
{
	size_t i, j;

	for (i = 0; i < a->n; i++) {
		const se_authority *x = &a->v[i];
		if ((x->ons_code && add_key(a, true, x->ons_code, i) < 0) ||
		    (x->dfe_number && add_key(a, true, x->dfe_number, i) < 0) ||
		    add_key(a, false, x->name, i) < 0)
			return -1;
		for (j = 0; j < x->nformer; j++)
			if (add_key(a, true, x->former[j], i) < 0)
				return -1;
		for (j = 0; j < x->nnames; j++)
			if (add_key(a, false, x->names[j], i) < 0)
				return -1;
	}
	sort_keys(a, true);
	sort_keys(a, false);
	return 0;
}

/* A former authority's successors are entries of the table. */
static void
check_successors(se_authorities *a)
{
	size_t i, j;

	for (i = 0; i < a->n; i++)
		for (j = 0; j < a->v[i].nbecame; j++)
			if (se_authorities_by_name(a, a->v[i].became[j]) == NONE) {
				se_pos p = { a->path, a->v[i].line, 1 };
				se_diag_error(a->d, &p, "csv-value", "'%s' became "
				    "'%s', which is not in the table",
				    a->v[i].name, a->v[i].became[j]);
			}
}

/* Feed 'c' the text of a file, comment lines ('#' first) as empty lines
 * so that positions stay those of the file. */
static int
feed_uncommented(se_csv *c, const char *text, size_t len)
{
	const char *p = text, *end = text + len;

	while (p < end) {
		const char *e = memchr(p, '\n', (size_t)(end - p));
		size_t n = e ? (size_t)(e - p) + 1 : (size_t)(end - p);
		if (se_csv_feed(c, *p == '#' ? "\n" : p, *p == '#' ? 1 : n) < 0)
			return -1;
		p += n;
	}
	return se_csv_finish(c);
}

se_authorities *
se_authorities_load(const char *path, se_diag *d)
{
	se_authorities *a = calloc(1, sizeof *a);
	se_pos p = { path, 0, 0 };
	char *text = NULL;
	size_t len;
	se_csv *c = NULL;

	if (!a)
		return NULL;
	a->d = d;
	a->arena = se_arena_new(0);
	a->path = malloc(strlen(path) + 1);
	if (!a->arena || !a->path)
		goto fail;
	memcpy(a->path, path, strlen(path) + 1);
	if (se_read_file(path, SE_MAX_DOC_BYTES, &text, &len, d) < 0)
		goto fail;
	c = se_csv_new(path, on_record, a, d);
	if (!c)
		goto fail;
	if (feed_uncommented(c, text, len) < 0 || a->bad)
		goto fail;
	if (!a->header_done) {
		se_diag_error(d, &p, "csv-header",
		    "the authorities table is empty");
		goto fail;
	}
	if (make_keys(a) < 0) {
		oom(a);
		goto fail;
	}
	check_successors(a);
	se_csv_free(c);
	free(text);
	a->d = NULL;
	return a;
fail:
	se_csv_free(c);
	free(text);
	se_authorities_free(a);
	return NULL;
}

char *
se_layers_file(const char *dirs, const char *rel)
{
	const char *p = dirs, *e;
	se_buf b;

	se_buf_init(&b);
	for (; p && *p; p = *e ? e + 1 : e) {
		struct stat st;
		e = strchr(p, ':');
		if (!e)
			e = p + strlen(p);
		if (e == p)
			continue;
		se_buf_reset(&b);
		se_buf_add(&b, p, (size_t)(e - p));
		se_buf_addf(&b, "/%s", rel);
		if (se_buf_failed(&b))
			break;
		if (stat(se_buf_str(&b), &st) == 0 && S_ISREG(st.st_mode))
			return se_buf_take(&b);
	}
	se_buf_release(&b);
	return NULL;
}

se_authorities *
se_authorities_of(const char *formats_dir, se_diag *d)
{
	se_authorities *a;
	char *path;

	if (!formats_dir)
		return NULL;
	path = se_layers_file(formats_dir, "shared/authorities.csv");
	if (!path) {
		se_pos p = { NULL, 0, 0 };
		se_diag_note(d, &p, "authorities", "no authorities table "
		    "(shared/authorities.csv) in the formats directories: "
		    "authorities are matched by their own codes and names");
		return NULL;
	}
	a = se_authorities_load(path, d);
	free(path);
	return a;
}

void
se_authorities_free(se_authorities *a)
{
	if (!a)
		return;
	se_arena_free(a->arena);
	free(a->v);
	free(a->codes);
	free(a->names);
	free(a->path);
	free(a);
}

size_t
se_authorities_len(const se_authorities *a)
{
	return a ? a->n : 0;
}

const se_authority *
se_authorities_at(const se_authorities *a, size_t i)
{
	return &a->v[i];
}

const char *
se_authorities_path(const se_authorities *a)
{
	return a->path;
}

size_t
se_authorities_by_code(const se_authorities *a, const char *code)
{
	se_buf b;
	size_t e = NONE;

	if (!a || !code || !*code)
		return NONE;
	se_buf_init(&b);
	fold_code(&b, code);
	if (!se_buf_failed(&b) && b.len)
		e = search(a->codes, a->ncodes, se_buf_str(&b));
	se_buf_release(&b);
	return e;
}

/* Words councils and publishers put around a name: tried, longest first,
 * only when the name as written is not in the table (so "City of London"
 * is itself, and "City of York" is York). */
static const char *const suffixes[] = { "metropolitan borough council",
	"county council", "city council", "borough council",
	"district council", "council", "pre lg", "ua", NULL };
static const char *const prefixes[] = { "london borough of",
	"royal borough of", "borough of", "city of", "county of", "the",
	NULL };

/* 'k' without the words 'w' at its end (or start): its length, or 0. */
static size_t
strip_suffix(const char *k, size_t n, const char *w)
{
	size_t wl = strlen(w);

	if (n > wl + 1 && memcmp(k + n - wl, w, wl) == 0 && k[n - wl - 1] == ' ')
		return n - wl - 1;
	return 0;
}

static size_t
strip_prefix(const char *k, size_t n, const char *w)
{
	size_t wl = strlen(w);

	if (n > wl + 1 && memcmp(k, w, wl) == 0 && k[wl] == ' ')
		return wl + 1;
	return 0;
}

static size_t
search_n(const se_authorities *a, const char *k, size_t n)
{
	char buf[256];

	if (n >= sizeof buf)
		return NONE;
	memcpy(buf, k, n);
	buf[n] = '\0';
	return search(a->names, a->nnames, buf);
}

/* The folded name 'k' with the words of a region's name dropped. */
static size_t
region_name(const se_authorities *a, const char *k, se_buf *b)
{
	const char *p = k;
	char code[16];
	int r;

	se_buf_reset(b);
	while (*p) {
		const char *e = strchr(p, ' ');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		if (!word_is(p, n, "region") && !word_is(p, n, "statistical")) {
			if (b->len)
				se_buf_addc(b, ' ');
			se_buf_add(b, p, n);
		}
		p += n + (e != NULL);
	}
	if (se_buf_failed(b) || !b->len)
		return NONE;
	if (strcmp(se_buf_str(b), k) != 0) {
		size_t e = search(a->names, a->nnames, se_buf_str(b));
		if (e != NONE)
			return e;
	}
	r = se_region_code(se_buf_str(b));
	if (!r)
		return NONE;
	snprintf(code, sizeof code, "E1200000%d", r);
	return search(a->codes, a->ncodes, code);
}

size_t
se_authorities_by_name(const se_authorities *a, const char *name)
{
	se_buf b;
	size_t e = NONE, n, i, j, cut, from;
	const char *k;

	if (!a || !name || !*name)
		return NONE;
	se_buf_init(&b);
	fold_name(&b, name);
	if (se_buf_failed(&b) || !b.len)
		goto out;
	k = se_buf_str(&b);
	n = b.len;
	e = search(a->names, a->nnames, k);
	for (i = 0; e == NONE && suffixes[i]; i++)
		if ((cut = strip_suffix(k, n, suffixes[i])) != 0)
			e = search_n(a, k, cut);
	for (j = 0; e == NONE && prefixes[j]; j++) {
		if ((from = strip_prefix(k, n, prefixes[j])) == 0)
			continue;
		e = search_n(a, k + from, n - from);
		for (i = 0; e == NONE && suffixes[i]; i++)
			if ((cut = strip_suffix(k + from, n - from,
			    suffixes[i])) != 0)
				e = search_n(a, k + from, cut);
	}
	if (e == NONE) {
		se_buf r;
		se_buf_init(&r);
		e = region_name(a, k, &r);
		se_buf_release(&r);
	}
out:
	se_buf_release(&b);
	return e;
}

size_t
se_authorities_find(const se_authorities *a, const char *code_or_name)
{
	size_t e = se_authorities_by_code(a, code_or_name);

	return e != NONE ? e : se_authorities_by_name(a, code_or_name);
}
