/* csvstream.c: a whole CSV stream read with the other cores' help.
 *
 * The calling thread reads the stream in chunks that end at a line's end
 * (the last LF of what it read).  Any thread (pipe.c) reads the plain
 * lines at the start of a chunk, with csv.c's fast path and a reader of
 * its own, into records kept aside (se_csv_lines).  The calling thread
 * takes the chunks back in order: when its reader stands at the start of
 * a line between records, as it almost always does, it plays back the
 * records, then feeds the rest of the chunk, if any, itself; otherwise (a
 * quoted field going over the chunk's end, the first chunk with its BOM
 * and header, a file found to be Windows-1252) it feeds the whole chunk
 * itself.  So the callback sees the same records, in the same order, on
 * the calling thread, with the same positions and diagnostics, as
 * se_csv_feed() gives; only libcsv's work on plain lines moves.  Memory:
 * SLOTS chunks of at most twice 'chunk' bytes, and their records.
 */
#include "internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define CHUNK_DEFAULT (128u << 10)
#define CHUNK_MAX (16u << 20)
#define SLOTS 8

struct chunk {
	char *buf;
	size_t len, cap;
	se_csv_lines lines;
};

struct stream {
	se_csv *c;
	FILE *fp;
	size_t chunk;
	char *carry; /* what was read past the last chunk's last LF */
	size_t ncarry;
	bool at_line; /* the next chunk starts a line */
	bool first;   /* no chunk yet */
	bool eof;
};

/* A reader for reading ahead, with diagnostics of its own (out of
 * memory only, and then the chunk is fed again by the calling thread). */
struct reader {
	se_csv *w;
	se_diag *d;
};

static void *
reader_new(void *ctx)
{
	struct reader *h = calloc(1, sizeof *h);

	(void)ctx;
	if (!h)
		return NULL;
	h->d = se_diag_new();
	h->w = h->d ? se_csv_new("", NULL, NULL, h->d) : NULL;
	if (!h->w) {
		se_diag_free(h->d);
		free(h);
		return NULL;
	}
	return h;
}

static void
reader_free(void *state)
{
	struct reader *h = state;

	se_csv_free(h->w);
	se_diag_free(h->d);
	free(h);
}

/* The next chunk: what was carried over, then up to 'chunk' bytes read,
 * cut after the last LF (the rest is carried to the next).  A chunk with
 * no LF is fed whole, as is the first. */
static int
fill(void *ctx, void *slot, bool *work)
{
	struct stream *s = ctx;
	struct chunk *x = slot;
	size_t n, cut;

	if (s->eof)
		return 0;
	if (x->cap < s->ncarry + s->chunk) {
		char *p = realloc(x->buf, s->ncarry + s->chunk);
		if (!p)
			return se_csv_out_of_memory(s->c);
		x->buf = p;
		x->cap = s->ncarry + s->chunk;
	}
	memcpy(x->buf, s->carry, s->ncarry);
	n = fread(x->buf + s->ncarry, 1, s->chunk, s->fp);
	if (n < s->chunk)
		s->eof = true; /* or a read error, which the caller sees */
	n += s->ncarry;
	cut = n;
	if (!s->eof) {
		while (cut > 0 && x->buf[cut - 1] != '\n')
			cut--;
		if (cut == 0)
			cut = n;
	}
	s->ncarry = n - cut;
	memcpy(s->carry, x->buf + cut, s->ncarry);
	x->len = cut;
	*work = s->at_line && !s->first && cut > 0;
	s->first = false;
	if (cut > 0)
		s->at_line = x->buf[cut - 1] == '\n';
	return 1;
}

static void
work(void *ctx, void *slot, void *state)
{
	struct chunk *x = slot;

	(void)ctx;
	se_csv_lines_take(((struct reader *)state)->w, &x->lines, x->buf,
	    x->len);
}

/* Feed the chunk to c: its records played back when c is where they
 * start, then the rest; or all of it. */
static int
done(void *ctx, void *slot, bool worked)
{
	struct stream *s = ctx;
	struct chunk *x = slot;
	size_t from = 0;

	if (worked) {
		int r = se_csv_lines_replay(s->c, &x->lines);
		if (r < 0)
			return -1;
		if (r == 0)
			from = x->lines.taken;
	}
	if (from == x->len)
		return 0;
	return se_csv_feed(s->c, x->buf + from, x->len - from);
}

static const se_pipe_ops ops = { fill, work, done, reader_new, reader_free };

int
se_csv_feed_stream(se_csv *c, FILE *fp, size_t chunk, int helpers)
{
	struct stream s;
	struct chunk x[SLOTS];
	void *slot[SLOTS];
	int i, r;

	if (helpers < 0)
		helpers = se_pipe_helpers();
	if (chunk == 0)
		chunk = CHUNK_DEFAULT;
	if (chunk > CHUNK_MAX)
		chunk = CHUNK_MAX;
	memset(&s, 0, sizeof s);
	memset(x, 0, sizeof x);
	s.c = c;
	s.fp = fp;
	s.chunk = chunk;
	s.at_line = s.first = true;
	if (helpers == 0 && chunk == CHUNK_DEFAULT) {
		/* one core: nothing to gain from reading ahead */
		char *buf = malloc(65536);
		size_t n;
		r = buf ? 0 : se_csv_out_of_memory(c);
		while (r == 0 && (n = fread(buf, 1, 65536, fp)) > 0)
			r = se_csv_feed(c, buf, n);
		free(buf);
		return r;
	}
	s.carry = malloc(chunk);
	if (!s.carry)
		return se_csv_out_of_memory(c);
	for (i = 0; i < SLOTS; i++)
		slot[i] = &x[i];
	r = se_pipe_run(&ops, &s, slot, SLOTS, helpers);
	if (r < 0 && se_csv_feed(c, NULL, 0) == 0)
		r = se_csv_out_of_memory(c); /* the pipe's own */
	for (i = 0; i < SLOTS; i++) {
		free(x[i].buf);
		se_csv_lines_free(&x[i].lines);
	}
	free(s.carry);
	return r;
}

int
se_csv_read_file(se_csv *c, const char *path, bool stop_ok, se_diag *d)
{
	se_pos pos = { se_input_name(path), 0, 0 };
	FILE *fp = se_input_fopen(path, d); /* recorded as an input */
	int rc;

	if (!fp)
		return -1; /* se_input_fopen said why */
	rc = se_csv_feed_stream(c, fp, 0, -1);
	if (ferror(fp))
		rc = se_diag_error(d, &pos, "unreadable", "cannot read: %s",
		    strerror(errno));
	else if (rc < 0)
		rc = stop_ok ? 0 : -1; /* the reader stopped, or said why */
	else
		rc = se_csv_finish(c) < 0 && !stop_ok ? -1 : 0;
	se_input_fclose(fp);
	return rc;
}
