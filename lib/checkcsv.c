/* checkcsv.c: check a CSV file or standard input (se-validate(1),
 * se-formats(5) CSV): the header says what the CSV holds (an extract,
 * neighbours, a plan, authorities, se-rag ratings), and each kind is read
 * by the reader the other commands use, so a CSV se-validate passes is one
 * they read.  Documents are checked in check.c. */
#include "check_internal.h"
#include "plan_internal.h"

#include <stdlib.h>
#include <string.h>

/* ---- CSV files --------------------------------------------------------- */

struct sniff {
	se_csv_kind kind;
	char **cols; /* the header's cells, for a plan */
	size_t ncols;
	bool oom;
	bool comments; /* '#' lines before the header */
};

static int
on_header(void *ctx, const se_csv_field *f, size_t n, unsigned line)
{
	struct sniff *s = ctx;
	size_t i;

	(void)line;
	s->kind = se_csv_sniff_after(f, n, &s->comments);
	if (s->kind == SE_CSV_COMMENT)
		return 0;
	s->cols = calloc(n ? n : 1, sizeof *s->cols);
	if (!s->cols) {
		s->oom = true;
		return -1;
	}
	for (i = 0; i < n; i++) {
		s->cols[i] = strdup(f[i].text);
		if (!s->cols[i])
			s->oom = true;
	}
	s->ncols = n;
	return -1; /* the header is all we need */
}

static void
free_sniff(struct sniff *s)
{
	size_t i;

	for (i = 0; i < s->ncols; i++)
		free(s->cols[i]);
	free(s->cols);
}

static int
check_plan_buffer(const se_check *c, const char *name, const char *buf,
    size_t len, se_diag *diag)
{
	se_plan *p = se_check_plan_reader(c, diag);

	if (p == NULL)
		return 0;
	(void)se_plan_add_csv(p, name, buf, len, diag);
	se_plan_free(p);
	return 0;
}

static int
check_plan_csv(const se_check *c, const char *path, se_diag *diag)
{
	char *buf;
	size_t len;
	int rc;

	if (se_read_file(path, SE_MAX_DOC_BYTES, &buf, &len, diag) < 0)
		return -1;
	rc = check_plan_buffer(c, strcmp(path, "-") == 0 ? "<stdin>" : path,
	    buf, len, diag);
	free(buf);
	return rc;
}

/* A header the plan definition names as a plan's is a plan, whatever
 * else it has. */
static void
sniff_plan(const se_check *c, struct sniff *s)
{
	se_plan *p;
	se_diag *quiet;

	if (s->kind == SE_CSV_PLAN || s->cols == NULL)
		return;
	quiet = se_diag_new();
	p = quiet ? se_check_plan_reader(c, quiet) : NULL;
	if (p != NULL && se_plan_is_header(p, (const char *const *)s->cols,
	    s->ncols))
		s->kind = SE_CSV_PLAN;
	se_plan_free(p);
	se_diag_free(quiet);
}

/* The store an extract is read into, set up as every command sets it up
 * (se-validate(1) --data): the same file reads the same way everywhere. */
static se_store *
open_store(const se_check *c, const char *path, se_diag *diag)
{
	return se_store_open(c->formats_dir, c->catalogue, &path, 1, c->where,
	    c->nwhere, diag);
}

static int
check_extract(const se_check *c, const char *path, bool neighbours,
    se_diag *diag)
{
	se_diag *tmp = se_diag_new_child(diag);
	se_store *s = tmp ? open_store(c, path, tmp) : NULL;
	size_t i;
	int rc;

	if (!s) {
		se_diag_free(tmp);
		return -1;
	}
	rc = neighbours ? se_store_read_neighbours(s, path) :
	    se_store_read(s, path);
	if (rc == 0)
		rc = se_store_finish(s);
	se_store_free(s);
	/* A neighbours file checked on its own names authorities no extract
	 * has shown yet: that is not a fault of the file. */
	for (i = 0; i < se_diag_len(tmp); i++) {
		const se_diag_item *it = se_diag_get(tmp, i);
		se_pos pos = { it->file, it->line, it->col };
		if (strcmp(it->rule, "unknown-authority") == 0)
			continue;
		se_diag_add(diag, it->severity, &pos, it->rule, "%s",
		    it->message);
	}
	se_diag_free(tmp);
	return rc;
}

int
se_check_csv(const se_check *c, const char *path, se_diag *diag)
{
	struct sniff s;
	se_csv *csv;
	se_pos pos = { path, 0, 0 };
	int rc = 0;

	memset(&s, 0, sizeof s);
	csv = se_csv_new(path, on_header, &s, diag);
	if (!csv)
		return -1;
	if (se_csv_read_file(csv, path, false, diag) < 0 && !s.cols) {
		se_csv_free(csv);
		return -1; /* unreadable: the reason is in the sink */
	}
	se_csv_free(csv);
	if (s.oom) {
		free_sniff(&s);
		return -1;
	}
	sniff_plan(c, &s);
	switch (s.kind) {
	case SE_CSV_EXTRACT:
		rc = check_extract(c, path, false, diag);
		break;
	case SE_CSV_NEIGHBOURS:
		rc = check_extract(c, path, true, diag);
		break;
	case SE_CSV_PLAN:
		rc = check_plan_csv(c, path, diag);
		break;
	case SE_CSV_RATINGS:
		break;
	case SE_CSV_AUTHORITIES: {
		se_authorities *a = se_authorities_load(path, diag);
		rc = a ? 0 : -1;
		se_authorities_free(a);
		break;
	}
	default:
		se_diag_error(diag, &pos, "csv-header",
		    "the header does not say what this CSV holds: an extract "
		    "needs indicator and value (or period) columns, a plan "
		    "'Action' and 'Accountable officer', neighbours "
		    "'authority,neighbour,rank'");
		break;
	}
	free_sniff(&s);
	return rc;
}

/* ---- standard input ---------------------------------------------------- */

/* Standard input is sniffed like a file (se-formats(5), CSV): a CSV when its
 * first line has a comma and reads as no YAML or Markdown would, else a
 * document. */
static bool
looks_like_csv(const char *buf, size_t len)
{
	size_t n = 0;
	bool comma = false;

	if (len >= 3 && (unsigned char)buf[0] == 0xef &&
	    (unsigned char)buf[1] == 0xbb && (unsigned char)buf[2] == 0xbf) {
		buf += 3;
		len -= 3;
	}
	if (len >= 3 && memcmp(buf, "---", 3) == 0)
		return false;
	for (; n < len && buf[n] != '\n'; n++) {
		if (buf[n] == ',')
			comma = true;
		if (buf[n] == ':' && (n + 1 == len || buf[n + 1] == ' ' ||
		    buf[n + 1] == '\n' || buf[n + 1] == '\r'))
			return false;
		if (buf[n] == '#' && n == 0)
			return false;
	}
	return comma;
}

int
se_check_csv_text(const se_check *c, const char *buf, size_t len,
    se_diag *diag)
{
	const char *name = "<stdin>";
	se_pos pos = { name, 0, 0 };
	struct sniff sn;
	se_csv *csv;
	int rc = 0;

	memset(&sn, 0, sizeof sn);
	csv = se_csv_new(name, on_header, &sn, diag);
	if (!csv)
		return -1;
	(void)se_csv_feed(csv, buf, len);
	se_csv_free(csv);
	if (sn.oom) {
		free_sniff(&sn);
		return -1;
	}
	sniff_plan(c, &sn);
	if (sn.kind == SE_CSV_EXTRACT) {
		se_store *st = open_store(c, "-", diag);
		se_extract *x = st ? se_extract_new(name, se_store_row, st,
		    diag) : NULL;
		se_extract_opts o;
		rc = -1;
		if (x)
			se_store_extract_opts(st, &o);
		if (x && se_extract_set_opts(x, &o) == 0 &&
		    se_extract_feed(x, buf, len) == 0 &&
		    se_extract_finish(x) == 0)
			rc = se_store_finish(st);
		se_extract_free(x);
		se_store_free(st);
	} else if (sn.kind == SE_CSV_PLAN) {
		rc = check_plan_buffer(c, name, buf, len, diag);
	} else if (sn.kind != SE_CSV_RATINGS) {
		se_diag_error(diag, &pos, "csv-header",
		    "the header does not say what this CSV holds: an extract "
		    "needs indicator and value (or period) columns, a plan "
		    "'Action' and 'Accountable officer' (neighbours are read "
		    "from a file, not standard input)");
	}
	free_sniff(&sn);
	return rc;
}

int
se_check_stdin(se_doc **doc, char **csv, size_t *len, se_diag *diag)
{
	char *buf;

	*doc = NULL;
	*csv = NULL;
	if (se_read_file("-", SE_MAX_DOC_BYTES, &buf, len, diag) < 0)
		return -1;
	if (looks_like_csv(buf, *len)) {
		*csv = buf;
		return 0;
	}
	*doc = se_doc_parse("-", -1, buf, *len, diag);
	free(buf);
	return *doc ? 0 : -1;
}
