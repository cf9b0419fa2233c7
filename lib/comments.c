/* comments.c: the comments file of se-rag --comments (se-formats(5)):
 * one line of narrative on an authority's cell of an indicator, shown
 * beside the rug ("supported with contextual narrative comment", as the
 * East Midlands sector-led improvement handbook asks of the rug). */
#include "internal.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

struct comment {
	char *authority, *indicator, *text;
	unsigned line;
};

struct se_comments {
	const char *name;
	se_arena *arena;
	struct comment *c;
	size_t n, cap;
	int col[3]; /* authority, indicator, comment */
	bool header_done, oom;
	se_diag *d;
};

static const char *const want[3] = { "authority", "indicator", "comment" };

static int
header(se_comments *cm, const se_csv_field *f, size_t n, unsigned line)
{
	se_pos pos = { cm->name, line, 1 };
	size_t i, k;

	cm->header_done = true;
	for (k = 0; k < 3; k++) {
		cm->col[k] = -1;
		for (i = 0; i < n; i++)
			if (se_strcasecmp(f[i].text, want[k]) == 0)
				cm->col[k] = (int)i;
		if (cm->col[k] < 0)
			return se_diag_error(cm->d, &pos, "csv-header",
			    "a comments file needs the columns authority, "
			    "indicator and comment; '%s' is missing", want[k]);
	}
	return 0;
}

static int
on_record(void *ctx, const se_csv_field *f, size_t n, unsigned line)
{
	se_comments *cm = ctx;
	struct comment *c;
	size_t k;

	if (!cm->header_done)
		return header(cm, f, n, line);
	if (cm->n == cm->cap) {
		size_t cap = cm->cap ? cm->cap * 2 : 16;
		struct comment *v = realloc(cm->c, cap * sizeof *v);
		if (!v) {
			cm->oom = true;
			return -1;
		}
		cm->c = v;
		cm->cap = cap;
	}
	c = &cm->c[cm->n];
	char **dst[3] = { &c->authority, &c->indicator, &c->text };
	for (k = 0; k < 3; k++) {
		const char *t = (size_t)cm->col[k] < n ? f[cm->col[k]].text : "";
		char *s = se_arena_strdup(cm->arena, t);
		if (!s) {
			cm->oom = true;
			return -1;
		}
		*dst[k] = s;
	}
	c->line = line;
	if (!*c->authority && !*c->indicator && !*c->text)
		return 0; /* a row of empty cells, as spreadsheets save */
	if (!*c->text) {
		se_pos pos = { cm->name, line, 1 };
		se_diag_warning(cm->d, &pos, "empty-comment", "the comment on "
		    "'%s', '%s' is empty", c->authority, c->indicator);
		return 0;
	}
	cm->n++;
	return 0;
}

se_comments *
se_comments_read(const char *path, se_diag *d)
{
	se_comments *cm = calloc(1, sizeof *cm);
	se_pos pos = { path, 0, 0 };
	se_csv *csv = NULL;
	FILE *f = NULL;
	int rc = -1;

	if (!cm || !(cm->arena = se_arena_new(0)))
		goto oom;
	cm->d = d;
	cm->name = se_arena_strdup(cm->arena, strcmp(path, "-") == 0 ?
	    "<stdin>" : path);
	if (!cm->name)
		goto oom;
	pos.file = cm->name;
	f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	if (!f) {
		se_diag_error(d, &pos, "unreadable", "cannot open: %s",
		    strerror(errno));
		goto out;
	}
	csv = se_csv_new(cm->name, on_record, cm, d);
	if (!csv)
		goto oom;
	if (se_csv_feed_stream(csv, f, 0, -1) == 0 && !ferror(f) &&
	    se_csv_finish(csv) == 0)
		rc = 0;
	if (ferror(f))
		se_diag_error(d, &pos, "unreadable", "cannot read: %s",
		    strerror(errno));
	if (cm->oom)
		goto oom;
	if (rc == 0 && !cm->header_done)
		rc = se_diag_error(d, &pos, "csv-header", "a comments file "
		    "needs a header line: authority,indicator,comment");
	goto out;
oom:
	se_diag_error(d, &pos, "out-of-memory", "out of memory");
	rc = -1;
out:
	se_csv_free(csv);
	if (f && f != stdin)
		fclose(f);
	if (rc < 0) {
		se_comments_free(cm);
		return NULL;
	}
	return cm;
}

void
se_comments_free(se_comments *c)
{
	if (!c)
		return;
	se_arena_free(c->arena);
	free(c->c);
	free(c);
}

size_t
se_comments_len(const se_comments *c)
{
	return c ? c->n : 0;
}

const char *
se_comments_text(const se_comments *c, size_t k)
{
	return c->c[k].text;
}

size_t
se_comments_entity(const se_comments *c, size_t k, const se_store *s)
{
	return se_store_entity_find(s, c->c[k].authority);
}

/* By the indicator's id or title, any case. */
size_t
se_comments_series(const se_comments *c, size_t k, const se_store *s)
{
	const char *want_ind = c->c[k].indicator;
	size_t i;

	for (i = 0; i < se_store_nseries(s); i++) {
		const se_indicator *ind = se_store_series_indicator(s, i);
		if (se_strcasecmp(ind->id, want_ind) == 0 ||
		    (ind->title && se_strcasecmp(ind->title, want_ind) == 0))
			return i;
	}
	return SIZE_MAX;
}

void
se_comments_check(const se_comments *c, const se_store *s, se_diag *d)
{
	size_t k;

	for (k = 0; c && k < c->n; k++) {
		se_pos pos = { c->name, c->c[k].line, 1 };
		if (se_comments_entity(c, k, s) == SIZE_MAX)
			se_diag_warning(d, &pos, "unknown-authority",
			    "the comment is on authority '%s', which is in "
			    "none of the extracts", c->c[k].authority);
		else if (se_comments_series(c, k, s) == SIZE_MAX)
			se_diag_warning(d, &pos, "unknown-indicator",
			    "the comment is on indicator '%s', which is in "
			    "none of the extracts", c->c[k].indicator);
	}
}
