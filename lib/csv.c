/* csv.c: a streaming CSV reader on libcsv's callback API.
 *
 * libcsv gives field text but no positions, so a small scanner runs over
 * each piece of input just before libcsv does, with the same state
 * machine (libcsv 3.0.3 in strict mode: leading spaces skipped, CR and LF
 * both end a record, blank lines skipped).  It records where each field
 * starts, in a queue that libcsv's field callback takes from in order;
 * it also checks the encoding and finds the faults libcsv would stop on
 * (a quote inside a field, text after a closing quote, an unterminated
 * quote), so libcsv itself never sees a fault and never needs resetting
 * mid-record.  Both passes are linear; the scanner's inner loops skip
 * ordinary bytes with one table lookup each.
 *
 * Most lines need none of that: a line of ASCII text with no NUL and no
 * CR but a final CRLF, read between records, is given to libcsv on its
 * own (the fast path), and each field's column is worked out from the
 * field libcsv hands back, by stepping over its raw text in the line.
 * Whatever the fast path cannot vouch for (a byte it does not take, a
 * quote fault libcsv reports, a record going on past the line) is read
 * again from the start of its line by the scanner, so both paths give the
 * same records, positions and diagnostics; se_csv_set_exact() turns the
 * fast path off, and the tests compare the two.
 */
#include "internal.h"

#include <csv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define RANGE_MAX 65536u   /* bytes scanned, then parsed, at a time */
#define CSV_BLOCK 65536u   /* libcsv's field buffer grows by this much */
/* A field longer than a whole document may be (libse(3), limits) is refused: it
 * is most likely an unclosed quote swallowing the file. */
#define MAX_FIELD ((uint64_t)SE_MAX_DOC_BYTES)

enum state {
	ROW_NOT_BEGUN,   /* between records, skipping blank lines */
	FIELD_NOT_BEGUN, /* after a delimiter */
	UNQUOTED,
	QUOTED,
	MIGHT_HAVE_ENDED, /* after a quote inside a quoted field */
	SKIP_LINE         /* after a quote fault: drop the rest of the line */
};

/* Why a scan stopped before the end of its range. */
enum event {
	EV_NONE,
	EV_NOT_UTF8, /* the byte at 'used' starts an invalid sequence */
	EV_PARTIAL,  /* a UTF-8 sequence continues in the next piece */
	EV_QUOTE,    /* a quote fault at 'used' */
	EV_NUL,      /* a NUL byte at 'used' */
	EV_SKIPPED,  /* bytes up to 'used' belong to a dropped line */
	EV_TOO_LONG  /* the field being read is over SE_MAX_FIELD_BYTES */
};

/* Byte classes: what stops the scanner's inner loops. */
enum { C_PLAIN, C_SPACE, C_COMMA, C_QUOTE, C_LF, C_CR, C_HIGH, C_NUL };

static const unsigned char cls[256] = {
	[0] = C_NUL, ['\t'] = C_SPACE, ['\n'] = C_LF, ['\r'] = C_CR,
	[' '] = C_SPACE, [','] = C_COMMA, ['"'] = C_QUOTE,
#define H4(b) [b] = C_HIGH, [b + 1] = C_HIGH, [b + 2] = C_HIGH, [b + 3] = C_HIGH
#define H16(b) H4(b), H4(b + 4), H4(b + 8), H4(b + 12)
	H16(0x80), H16(0x90), H16(0xa0), H16(0xb0), H16(0xc0), H16(0xd0),
	H16(0xe0), H16(0xf0),
#undef H16
#undef H4
};

/* Eight bytes at a time: does any of them stop the inner loop of a quoted
 * field ('"' LF CR NUL or >= 0x80), or of an unquoted one (those and
 * ',')?  The zero-byte test never misses one; a false alarm only means
 * the byte loop after it takes over sooner. */
#define ONES UINT64_C(0x0101010101010101)
#define HIGHS UINT64_C(0x8080808080808080)
#define ZERO(v) (((v) - ONES) & ~(v) & HIGHS)

static inline bool
stops_quoted(uint64_t v)
{
	return ((v & HIGHS) | ZERO(v) | ZERO(v ^ (ONES * '"')) |
	    ZERO(v ^ (ONES * '\n')) | ZERO(v ^ (ONES * '\r'))) != 0;
}

static inline bool
stops_unquoted(uint64_t v)
{
	return stops_quoted(v) || ZERO(v ^ (ONES * ',')) != 0;
}

/* Windows-1252 0x80-0x9F (the WHATWG table: the five unassigned bytes
 * map to the C1 controls of the same value); 0xA0-0xFF are Latin-1. */
static const unsigned short cp1252[32] = {
	0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
	0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
	0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
};

struct start {
	unsigned line, col;
};

struct se_csv {
	struct csv_parser p;
	char *name;
	se_csv_record_fn fn;
	void *ctx;
	se_diag *d;

	/* the scanner */
	enum state state;
	uint64_t off;      /* file offset of the next byte to scan */
	uint64_t line_off; /* offset where the current line starts */
	uint64_t cont;     /* bytes on this line that are not characters */
	uint64_t cr_end;   /* offset just after the last CR (CRLF is one) */
	uint64_t fstart;   /* offset where the current field starts */
	struct start fpos; /* and its position */
	unsigned line;
	unsigned qline, qcol; /* where the open quote is */
	bool spaces;          /* spaces after a closing quote */
	bool cp1252;          /* decided: the file is Windows-1252 */
	bool bom_done;
	unsigned char held[4]; /* a BOM prefix or a split UTF-8 sequence */
	size_t nheld;

	/* field starts scanned but not yet taken by libcsv's callback */
	struct start *q;
	size_t qhead, qlen, qcap;

	/* the record being built: the fields' text one after another in
	 * 'text', each NUL-terminated; pointers are set when it is whole */
	se_csv_field *f;
	size_t nf, fcap;
	char *text;
	size_t tlen, tcap;
	unsigned rec_line;

	char *conv; /* Windows-1252 converted to UTF-8 */
	size_t convcap;
	bool stopped;
	bool done;

	/* the fast path: the line being given to libcsv */
	bool exact;    /* never take the fast path */
	bool in_fast;  /* libcsv is reading a line of the fast path */
	bool fast_rec; /* a record ended on that line */
	bool doubt;    /* a field was not where it should be */
	const unsigned char *lp; /* the line */
	size_t lbody;  /* its length without LF or CRLF */
	size_t lfull;  /* with them */
	size_t lcur;   /* where the next field's raw text may start */
	size_t lbase;  /* where the line's copy starts in the ahead text */
	/* reading ahead (csvstream.c): records go here, not to 'fn' */
	se_csv_lines *ahead;
};

se_csv *
se_csv_new(const char *name, se_csv_record_fn fn, void *ctx, se_diag *d)
{
	se_csv *c = calloc(1, sizeof *c);

	if (!c)
		return NULL;
	c->name = malloc(strlen(name) + 1);
	if (!c->name || csv_init(&c->p, CSV_STRICT) != 0) {
		free(c->name);
		free(c);
		return NULL;
	}
	memcpy(c->name, name, strlen(name) + 1);
	csv_set_blk_size(&c->p, CSV_BLOCK);
	c->fn = fn;
	c->ctx = ctx;
	c->d = d;
	c->line = 1;
	c->cr_end = UINT64_MAX;
	c->state = ROW_NOT_BEGUN;
	return c;
}

void
se_csv_free(se_csv *c)
{
	if (!c)
		return;
	csv_free(&c->p);
	free(c->name);
	free(c->q);
	free(c->f);
	free(c->text);
	free(c->conv);
	free(c);
}

static int
fail_oom(se_csv *c)
{
	se_pos pos = { c->name, 0, 0 };

	c->stopped = true;
	return se_diag_error(c->d, &pos, "out-of-memory",
	    "out of memory reading the file");
}

/* ---- the scanner ------------------------------------------------------ */

static unsigned
col_at(const se_csv *c, uint64_t at)
{
	return (unsigned)(at - c->line_off - c->cont + 1);
}

static int
push(se_csv *c, uint64_t at)
{
	if (c->qlen == c->qcap) {
		size_t cap = c->qcap ? c->qcap * 2 : 1024;
		struct start *q = realloc(c->q, cap * sizeof *q);
		if (!q)
			return -1;
		c->q = q;
		c->qcap = cap;
	}
	c->q[c->qlen].line = c->line;
	c->q[c->qlen].col = col_at(c, at);
	c->qlen++;
	c->fstart = at;
	c->fpos = c->q[c->qlen - 1];
	return 0;
}

/* A line ends at LF, CR, or CRLF (counted once). */
static void
newline(se_csv *c, uint64_t at, unsigned char ch)
{
	if (ch == '\n' && at == c->cr_end) {
		c->line_off = at + 1;
		return;
	}
	c->line++;
	c->line_off = at + 1;
	c->cont = 0;
	if (ch == '\r')
		c->cr_end = at + 1;
}

/* Length of a valid UTF-8 sequence at s (n bytes available): > 0; 0 when
 * it is invalid; -1 when it is valid so far but cut off. */
static int
utf8_len(const unsigned char *s, size_t n)
{
	unsigned char b = s[0], lo = 0x80, hi = 0xbf;
	size_t need, i;

	if (b >= 0xc2 && b <= 0xdf)
		need = 2;
	else if (b >= 0xe0 && b <= 0xef)
		need = 3;
	else if (b >= 0xf0 && b <= 0xf4)
		need = 4;
	else
		return 0;
	if (b == 0xe0)
		lo = 0xa0;
	else if (b == 0xed)
		hi = 0x9f;
	else if (b == 0xf0)
		lo = 0x90;
	else if (b == 0xf4)
		hi = 0x8f;
	for (i = 1; i < need; i++) {
		if (i >= n)
			return -1;
		if (s[i] < lo || s[i] > hi)
			return 0;
		lo = 0x80;
		hi = 0xbf;
	}
	return (int)need;
}

/* Scan s[0..n): advance the state, queue field starts, count lines and
 * characters.  Stops early on an event; '*used' is how far it got (a
 * UTF-8 sequence may end past n, within 'avail').  'last' says no more
 * input follows s[avail - 1]. */
static enum event
scan(se_csv *c, const unsigned char *s, size_t n, size_t avail, bool last,
    size_t *used)
{
	size_t i = 0;
	enum event ev = EV_NONE;
	int k;

	while (i < n) {
		unsigned char ch = s[i], k2 = cls[ch];

		switch (c->state) {
		case ROW_NOT_BEGUN:
		case FIELD_NOT_BEGUN:
			if (k2 == C_SPACE) {
				i++;
				continue;
			}
			if (k2 == C_NUL) {
				ev = EV_NUL;
				goto out;
			}
			if ((k2 == C_LF || k2 == C_CR) &&
			    c->state == ROW_NOT_BEGUN) {
				newline(c, c->off + i, ch);
				i++;
				continue;
			}
			if (push(c, c->off + i) != 0) {
				fail_oom(c);
				goto out;
			}
			if (k2 == C_LF || k2 == C_CR) {
				newline(c, c->off + i, ch);
				c->state = ROW_NOT_BEGUN;
				i++;
			} else if (k2 == C_COMMA) {
				c->state = FIELD_NOT_BEGUN;
				i++;
			} else if (k2 == C_QUOTE) {
				c->qline = c->line;
				c->qcol = col_at(c, c->off + i);
				c->state = QUOTED;
				i++;
			} else {
				c->state = UNQUOTED; /* the byte is looked at there */
			}
			continue;
		case UNQUOTED:
			for (; i + 8 <= n; i += 8) {
				uint64_t v;
				memcpy(&v, s + i, 8);
				if (stops_unquoted(v))
					break;
			}
			while (i < n && (k2 = cls[s[i]]) <= C_SPACE)
				i++;
			if (i == n)
				goto out;
			ch = s[i];
			if (k2 == C_COMMA) {
				c->state = FIELD_NOT_BEGUN;
				i++;
			} else if (k2 == C_LF || k2 == C_CR) {
				newline(c, c->off + i, ch);
				c->state = ROW_NOT_BEGUN;
				i++;
			} else if (k2 == C_QUOTE) {
				ev = EV_QUOTE;
				goto out;
			} else {
				break; /* high byte or NUL: below */
			}
			continue;
		case QUOTED:
			for (; i + 8 <= n; i += 8) {
				uint64_t v;
				memcpy(&v, s + i, 8);
				if (stops_quoted(v))
					break;
			}
			while (i < n && (k2 = cls[s[i]]) <= C_COMMA)
				i++;
			if (i == n)
				goto out;
			ch = s[i];
			if (k2 == C_QUOTE) {
				c->state = MIGHT_HAVE_ENDED;
				c->spaces = false;
				i++;
			} else if (k2 == C_LF || k2 == C_CR) {
				newline(c, c->off + i, ch);
				i++;
			} else {
				break;
			}
			continue;
		case MIGHT_HAVE_ENDED:
			if (k2 == C_COMMA) {
				c->state = FIELD_NOT_BEGUN;
			} else if (k2 == C_LF || k2 == C_CR) {
				newline(c, c->off + i, ch);
				c->state = ROW_NOT_BEGUN;
			} else if (k2 == C_SPACE) {
				/* dropped, but a quote after them is a fault */
				c->spaces = true;
			} else if (k2 == C_QUOTE && !c->spaces) {
				c->state = QUOTED; /* a doubled quote */
			} else if (k2 == C_NUL) {
				ev = EV_NUL;
				goto out;
			} else {
				ev = EV_QUOTE;
				goto out;
			}
			i++;
			continue;
		case SKIP_LINE:
			while (i < n && cls[s[i]] != C_LF && cls[s[i]] != C_CR)
				i++;
			if (i < n) {
				newline(c, c->off + i, s[i]);
				i++;
				c->state = ROW_NOT_BEGUN;
			}
			ev = EV_SKIPPED;
			goto out;
		}
		/* a high byte or a NUL inside a field */
		if (k2 == C_NUL) {
			ev = EV_NUL;
			goto out;
		}
		if (c->cp1252) {
			i++;
			continue;
		}
		k = utf8_len(s + i, avail - i);
		if (k > 0) {
			c->cont += (uint64_t)k - 1;
			i += (size_t)k;
		} else {
			ev = k < 0 && !last ? EV_PARTIAL : EV_NOT_UTF8;
			goto out;
		}
	}
out:
	*used = i;
	c->off += i;
	if (ev == EV_NONE && (c->state == UNQUOTED || c->state == QUOTED) &&
	    c->off - c->fstart > MAX_FIELD)
		ev = EV_TOO_LONG;
	return ev;
}

/* ---- libcsv's callbacks: the record ------------------------------------ */

static bool
grow_fields(se_csv *c)
{
	size_t cap = c->fcap ? c->fcap * 2 : 64;
	se_csv_field *f = realloc(c->f, cap * sizeof *f);

	if (!f)
		return false;
	c->f = f;
	c->fcap = cap;
	return true;
}

static bool
grow_text(se_csv *c, size_t need)
{
	size_t cap = c->tcap ? c->tcap : 4096;
	char *t;

	while (cap < need)
		cap *= 2;
	t = realloc(c->text, cap);
	if (!t)
		return false;
	c->text = t;
	c->tcap = cap;
	return true;
}


/* A field of the fast path's line was not where fast_col expected it:
 * take the columns from the scanner instead, run over the line from the
 * state at its start (which fast() has not moved yet), then put the
 * state back. */
static void
exact_cols(se_csv *c)
{
	uint64_t off = c->off, line_off = c->line_off, cont = c->cont,
	    cr_end = c->cr_end, fstart = c->fstart;
	struct start fpos = c->fpos;
	unsigned line = c->line, qline = c->qline, qcol = c->qcol;
	bool spaces = c->spaces;
	size_t used, i;

	c->qhead = c->qlen = 0;
	scan(c, c->lp, c->lfull, c->lfull, true, &used);
	for (i = 0; i < c->nf && i < c->qlen; i++)
		if (c->ahead)
			c->ahead->fld[c->ahead->nfld - c->nf + i].col =
			    c->q[i].col;
		else
			c->f[i].col = c->q[i].col;
	c->state = ROW_NOT_BEGUN;
	c->qhead = c->qlen = 0;
	c->off = off;
	c->line_off = line_off;
	c->cont = cont;
	c->cr_end = cr_end;
	c->fstart = fstart;
	c->fpos = fpos;
	c->line = line;
	c->qline = qline;
	c->qcol = qcol;
	c->spaces = spaces;
}

static bool
is_space(unsigned char ch)
{
	return ch == ' ' || ch == '\t';
}

/* The fast path: the column where libcsv's next field starts in the line,
 * found by stepping over its raw text: leading spaces (skipped by
 * libcsv), then the field: in quotes it is its text, plus two quotes,
 * plus one for each doubled quote (one '"' in the text); otherwise its
 * text, then spaces libcsv trimmed, then the comma or the line's end.  A
 * field that does not end there is a doubt, settled by on_record.
 *
 * The usual field (no spaces, no quotes, and no doubt before it on the
 * line) is the line's own bytes from its column on: its text is taken
 * from the copy of the line fast() makes (line_room), the comma after it
 * overwritten with its NUL, not copied field by field.  Any other field
 * is copied from libcsv's text. */
static unsigned fast_col_rest(se_csv *c, const char *text, size_t len);

/* Whether libcsv's next field, 'len' bytes, is the usual one: the line's
 * bytes at c->lcur, then a comma or the line's end. */
static inline bool
fast_usual(const se_csv *c, size_t len)
{
	const unsigned char *s = c->lp;
	size_t i = c->lcur, end = c->lbody;

	return !c->doubt && i + len <= end && !is_space(s[i]) && s[i] != '"' &&
	    (i + len == end || s[i + len] == ',');
}

/* The rest: spaces, quotes, and fields that are not where they should be. */
static unsigned
fast_col_rest(se_csv *c, const char *text, size_t len)
{
	const unsigned char *s = c->lp;
	size_t i = c->lcur, end = c->lbody, col;

	while (i < end && is_space(s[i]))
		i++;
	col = i + 1;
	if (i < end && s[i] == '"') {
		const char *q = text, *e = text + len;
		size_t raw = len + 2;

		while ((q = memchr(q, '"', (size_t)(e - q))) != NULL) {
			raw++;
			q++;
		}
		i += raw;
		if (i > end || s[i - 1] != '"')
			c->doubt = true;
	} else {
		i += len;
	}
	while (i < end && is_space(s[i]))
		i++;
	if (i < end && s[i] != ',')
		c->doubt = true;
	c->lcur = i + 1;
	return (unsigned)col;
}

static void
on_field(void *field, size_t len, void *data)
{
	se_csv *c = data;
	struct start st = { c->line, 0 };

	if (c->stopped)
		return;
	if (c->qhead < c->qlen)
		st = c->q[c->qhead++];
	if ((c->nf == c->fcap && !grow_fields(c)) ||
	    (c->tlen + len + 1 > c->tcap && !grow_text(c, c->tlen + len + 1))) {
		fail_oom(c);
		return;
	}
	if (c->nf == 0)
		c->rec_line = st.line;
	c->f[c->nf].len = len;
	c->f[c->nf].line = st.line;
	c->f[c->nf].col = st.col;
	c->nf++;
	if (len)
		memcpy(c->text + c->tlen, field, len);
	c->text[c->tlen + len] = '\0';
	c->tlen += len + 1;
}

/* A field of the fast path's line (room for the whole line's fields and
 * text is made before it: line_room): its text in the line's copy at the
 * start of c->text, or copied after it (field_copy), pointed at now.  The
 * usual field is a few stores and no call. */
static void field_copy(se_csv *c, const char *field, size_t len);

static void
fast_field(void *field, size_t len, void *data)
{
	se_csv *c = data;
	size_t i = c->lcur;
	se_csv_field *f;

	if (!fast_usual(c, len)) {
		field_copy(c, field, len);
		return;
	}
	f = &c->f[c->nf++];
	f->len = len;
	f->line = c->line;
	c->lcur = i + len + 1;
	f->col = (unsigned)(i + 1);
	f->text = c->text + i;
	c->text[i + len] = '\0';
}

static void
on_record(int term, void *data)
{
	se_csv *c = data;
	const char *t;
	size_t i;

	(void)term;
	if (c->stopped)
		return;
	if (c->in_fast) {
		c->fast_rec = true;
		if (c->doubt)
			exact_cols(c);
	} else {
		for (i = 0, t = c->text; i < c->nf; t += c->f[i].len + 1, i++)
			c->f[i].text = t;
	}
	if (c->fn(c->ctx, c->f, c->nf, c->rec_line) != 0)
		c->stopped = true;
	c->nf = 0;
	c->tlen = 0;
}

/* ---- feeding ------------------------------------------------------------ */

static void
put_utf8(char *o, size_t *k, unsigned u)
{
	if (u < 0x80) {
		o[(*k)++] = (char)u;
	} else if (u < 0x800) {
		o[(*k)++] = (char)(0xc0 | (u >> 6));
		o[(*k)++] = (char)(0x80 | (u & 0x3f));
	} else {
		o[(*k)++] = (char)(0xe0 | (u >> 12));
		o[(*k)++] = (char)(0x80 | ((u >> 6) & 0x3f));
		o[(*k)++] = (char)(0x80 | (u & 0x3f));
	}
}

/* Give libcsv the scanned bytes (converted to UTF-8 when the file is
 * Windows-1252), then drop the queue entries it has taken. */
static int
parse(se_csv *c, const unsigned char *s, size_t n)
{
	const void *in = s;
	size_t len = n, i;

	if (n == 0)
		return 0;
	if (c->cp1252) {
		if (c->convcap < 3 * n) {
			char *p = realloc(c->conv, 3 * n);
			if (!p)
				return fail_oom(c);
			c->conv = p;
			c->convcap = 3 * n;
		}
		len = 0;
		for (i = 0; i < n; i++) {
			unsigned u = s[i];
			if (u >= 0x80 && u < 0xa0)
				u = cp1252[u - 0x80];
			put_utf8(c->conv, &len, u);
		}
		in = c->conv;
	}
	if (csv_parse(&c->p, in, len, on_field, on_record, c) != len &&
	    !c->stopped)
		return fail_oom(c);
	if (c->qhead == c->qlen) {
		c->qhead = c->qlen = 0;
	} else if (c->qhead > 0) {
		memmove(c->q, c->q + c->qhead,
		    (c->qlen - c->qhead) * sizeof *c->q);
		c->qlen -= c->qhead;
		c->qhead = 0;
	}
	return c->stopped ? -1 : 0;
}

static se_pos
pos_at(const se_csv *c, uint64_t at)
{
	se_pos p = { c->name, c->line, col_at(c, at) };

	return p;
}

static void
not_utf8(se_csv *c)
{
	se_pos p = pos_at(c, c->off);

	c->cp1252 = true;
	se_diag_warning(c->d, &p, "encoding",
	    "file is not UTF-8; read as Windows-1252");
}

/* A fault in quoting: the record is dropped and the rest of the line
 * skipped, then reading goes on. */
static void
quote_fault(se_csv *c)
{
	se_pos p = pos_at(c, c->off);

	if (c->state == UNQUOTED)
		se_diag_error(c->d, &p, "csv-quote",
		    "quote in the middle of a field: put the whole field in "
		    "quotes and double the quote inside it; row skipped");
	else
		se_diag_error(c->d, &p, "csv-quote",
		    "text after a closing quote: put the whole field in "
		    "quotes and double any quote inside it; row skipped");
	csv_fini(&c->p, NULL, NULL, NULL);
	c->qhead = c->qlen = 0;
	c->nf = 0;
	c->tlen = 0;
	c->state = SKIP_LINE;
}

static int
too_long(se_csv *c)
{
	se_pos p = { c->name, c->qline, c->qcol };

	c->stopped = true;
	if (c->state == QUOTED)
		return se_diag_error(c->d, &p, "csv-quote",
		    "quote opened here is not closed within %u MiB: is a "
		    "closing quote missing?", SE_MAX_DOC_BYTES >> 20);
	p.line = c->fpos.line;
	p.col = c->fpos.col;
	return se_diag_error(c->d, &p, "too-large",
	    "field is longer than %u MiB", SE_MAX_DOC_BYTES >> 20);
}

/* A byte the fast path takes: ASCII, and neither NUL nor CR. */
static bool
plain(unsigned char b)
{
	/* b - 1 wraps NUL to 0xff; 0x80 and up land on 0x7f and up */
	return (unsigned char)(b - 1) < 0x7f && b != '\r';
}

/* Whether the 16 bytes at s are all plain(), in a loop the compiler can
 * vectorise. */
static bool
plain16(const unsigned char *s)
{
	unsigned char bad = 0;
	size_t j;

	for (j = 0; j < 16; j++)
		bad |= !plain(s[j]);
	return !bad;
}

/* How many bytes at the start of s[0..n) are plain(). */
static size_t
plain_prefix(const unsigned char *s, size_t n)
{
	size_t i = 0;

	for (; i + 16 <= n; i += 16)
		if (!plain16(s + i))
			break;
	/* the last 16 bytes, overlapping those seen: usually the rest */
	if (i < n && i >= 16 && i + 16 > n && plain16(s + n - 16))
		return n;
	while (i < n && plain(s[i]))
		i++;
	return i;
}

static bool
blank(const unsigned char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!is_space(s[i]) && s[i] != '\r' && s[i] != '\n')
			return false;
	return true;
}

/* ---- reading ahead (csvstream.c): records kept, not given to 'fn' ---- */

static bool
grow_to(void **v, size_t *cap, size_t n, size_t size)
{
	size_t c = *cap ? *cap : 256;
	void *p;

	while (c < n)
		c *= 2;
	p = realloc(*v, c * size);
	if (!p)
		return false;
	*v = p;
	*cap = c;
	return true;
}

/* Room for the fields of a line of 'body' bytes (before its line end),
 * in the records kept when reading ahead, else in c's record, which is
 * empty: at most body + 1 fields (and one record), and 3 * (body + 1)
 * bytes of text: the line's copy with its NUL, made here, then the
 * fields that are not taken from it, at most body bytes with body + 1
 * NULs.  So the callbacks check nothing. */
static bool
line_room(se_csv *c, const unsigned char *line, size_t body)
{
	se_csv_lines *b = c->ahead;
	size_t text = 3 * (body + 1);
	char *t;

	if (b) {
		if ((b->nrec + 1 > b->caprec &&
		    !grow_to((void **)&b->rec, &b->caprec, b->nrec + 1,
		    sizeof *b->rec)) ||
		    (b->nfld + body + 1 > b->capfld &&
		    !grow_to((void **)&b->fld, &b->capfld, b->nfld + body + 1,
		    sizeof *b->fld)) ||
		    (b->tlen + text > b->tcap &&
		    !grow_to((void **)&b->text, &b->tcap, b->tlen + text, 1)))
			return false;
		c->lbase = b->tlen;
		t = b->text + b->tlen;
		b->tlen += body + 1;
	} else {
		while (c->fcap < body + 1)
			if (!grow_fields(c))
				return false;
		if (c->tcap < text && !grow_text(c, text))
			return false;
		t = c->text;
		c->tlen = body + 1;
		c->rec_line = c->line;
	}
	memcpy(t, line, body);
	t[body] = '\0';
	return true;
}

/* libcsv's callbacks on the fast path of a reader reading ahead: a field,
 * its text and column, straight into the records kept. */
static void
ahead_field(void *field, size_t len, void *data)
{
	se_csv *c = data;
	se_csv_lines *b = c->ahead;
	size_t i = c->lcur;
	struct se_csv_lfield *x;

	if (!fast_usual(c, len)) {
		field_copy(c, field, len);
		return;
	}
	x = &b->fld[b->nfld++];
	c->nf++;
	x->len = (uint32_t)len;
	c->lcur = i + len + 1;
	x->col = (uint32_t)(i + 1);
	x->off = (uint32_t)(c->lbase + i);
	b->text[c->lbase + i + len] = '\0';
}

/* Any other field of the fast path: its text copied after the line's,
 * into the record or the records kept. */
static void
field_copy(se_csv *c, const char *field, size_t len)
{
	se_csv_lines *b = c->ahead;
	unsigned col = fast_col_rest(c, field, len);
	char *t;

	if (b) {
		struct se_csv_lfield *x = &b->fld[b->nfld++];
		x->len = (uint32_t)len;
		x->col = col;
		x->off = (uint32_t)b->tlen;
		t = b->text + b->tlen;
		b->tlen += len + 1;
	} else {
		se_csv_field *f = &c->f[c->nf];
		f->len = len;
		f->line = c->line;
		f->col = col;
		f->text = t = c->text + c->tlen;
		c->tlen += len + 1;
	}
	c->nf++;
	memcpy(t, field, len);
	t[len] = '\0';
}

static void
ahead_record(int term, void *data)
{
	se_csv *c = data;
	se_csv_lines *b = c->ahead;
	struct se_csv_lrec *r = &b->rec[b->nrec++];

	(void)term;
	c->fast_rec = true;
	if (c->doubt)
		exact_cols(c);
	r->line = c->line;
	r->nf = (uint32_t)c->nf;
	r->first = (uint32_t)(b->nfld - c->nf);
	c->nf = 0;
}

/* Drop the record libcsv was reading, to read its line again. */
static void
drop_record(se_csv *c)
{
	csv_fini(&c->p, NULL, NULL, NULL);
	c->nf = 0;
	c->tlen = 0;
}

/* The fast path: give libcsv whole plain lines of s[0..n), one at a time,
 * from the start of a line between records; stop at the first line it
 * cannot take and return how many bytes it took. */
static size_t
fast(se_csv *c, const unsigned char *s, size_t n)
{
	size_t at = 0;

	while (at < n && !c->stopped) {
		/* (no further: a longer line is the scanner's anyway) */
		size_t look = n - at < RANGE_MAX ? n - at : RANGE_MAX;
		const unsigned char *nl = memchr(s + at, '\n', look);
		size_t full, body;

		if (!nl || (nl == s + at && c->off == c->cr_end))
			break; /* (the LF of a CRLF cut in two: the scanner's) */
		full = (size_t)(nl - s) + 1 - at;
		body = full - 1;
		if (body > 0 && s[at + body - 1] == '\r')
			body--;
		if (full > RANGE_MAX || plain_prefix(s + at, body) != body)
			break;
		if (c->nf != 0)
			break; /* (a record begun: the scanner's) */
		if (!line_room(c, s + at, body)) {
			fail_oom(c);
			break;
		}
		c->lp = s + at;
		c->lbody = body;
		c->lfull = full;
		c->lcur = 0;
		c->fast_rec = c->doubt = false;
		c->in_fast = true;
		if (csv_parse(&c->p, s + at, full,
		    c->ahead ? ahead_field : fast_field,
		    c->ahead ? ahead_record : on_record, c) != full) {
			c->in_fast = false;
			if (c->stopped)
				break;
			if (csv_error(&c->p) != CSV_EPARSE) {
				fail_oom(c);
				break;
			}
			drop_record(c); /* a quote fault: the scanner says where */
			break;
		}
		c->in_fast = false;
		if (!c->fast_rec && !blank(s + at, full)) {
			drop_record(c); /* the record goes on past the line */
			break;
		}
		c->tlen = 0; /* (the line's copy, when it was blank) */
		c->off += full;
		c->line++;
		c->line_off = c->off;
		c->cont = 0;
		if (body + 2 == full)
			c->cr_end = c->off - 1;
		at += full;
	}
	return at;
}

/* Scan and parse s[0..n); 'last' says no more input follows.  Bytes of a
 * UTF-8 sequence cut off at the end are held for the next piece. */
static int
process(se_csv *c, const unsigned char *s, size_t n, bool last)
{
	while (n > 0 && !c->stopped) {
		size_t take = n < RANGE_MAX ? n : RANGE_MAX, used;
		enum event ev;

		if (c->state == ROW_NOT_BEGUN && c->off == c->line_off &&
		    !c->cp1252 && !c->exact) {
			used = fast(c, s, n);
			s += used;
			n -= used;
			if (c->stopped)
				return -1;
			if (n == 0)
				break;
			take = n < RANGE_MAX ? n : RANGE_MAX;
		}
		if (!c->exact) {
			/* a line at a time, for the fast path to take over */
			const unsigned char *nl = memchr(s, '\n', take);
			if (nl)
				take = (size_t)(nl - s) + 1;
		}
		ev = scan(c, s, take, n, last, &used);

		if (c->stopped)
			return -1;
		if (ev != EV_SKIPPED && parse(c, s, used) != 0)
			return -1;
		s += used;
		n -= used;
		switch (ev) {
		case EV_NONE:
		case EV_SKIPPED:
			break;
		case EV_NOT_UTF8:
			not_utf8(c);
			break;
		case EV_PARTIAL:
			memcpy(c->held, s, n);
			c->nheld = n;
			return 0;
		case EV_QUOTE:
			quote_fault(c);
			break;
		case EV_TOO_LONG:
			return too_long(c);
		case EV_NUL: {
			se_pos p = pos_at(c, c->off);
			c->stopped = true;
			return se_diag_error(c->d, &p, "binary",
			    "file contains a NUL byte: it looks binary, not "
			    "like CSV text");
		}
		}
	}
	return c->stopped ? -1 : 0;
}

/* Complete a held piece (a BOM prefix or a cut-off UTF-8 sequence) from
 * the new input; returns how many bytes of 'buf' it took. */
static size_t
fill_held(se_csv *c, const unsigned char *s, size_t n, bool last)
{
	static const unsigned char bom[3] = { 0xef, 0xbb, 0xbf };
	size_t used = 0;

	if (!c->bom_done && c->nheld == 0 && n >= 2 &&
	    ((s[0] == 0xff && s[1] == 0xfe) || (s[0] == 0xfe && s[1] == 0xff))) {
		se_pos p = { c->name, 1, 1 };
		/* as lib/utf8.c says it of a document, with Excel's way out */
		c->stopped = true;
		se_diag_error(c->d, &p, "encoding", "file is UTF-16, not UTF-8: "
		    "save it as UTF-8 (in Excel: Save As, CSV UTF-8)");
		return n;
	}
	if (!c->bom_done) {
		while (c->nheld < 3 && used < n && s[used] == bom[c->nheld])
			c->held[c->nheld++] = s[used++];
		if (c->nheld == 3) {
			c->bom_done = true;
			c->nheld = 0;
			c->off = c->line_off = 3;
		} else if (used < n || last) {
			size_t h = c->nheld;
			unsigned char tmp[3];
			memcpy(tmp, c->held, h);
			c->bom_done = true;
			c->nheld = 0;
			process(c, tmp, h, last && used == n);
		}
		return used;
	}
	while (used < n && c->nheld < 4 &&
	    utf8_len(c->held, c->nheld) < 0)
		c->held[c->nheld++] = s[used++];
	if (utf8_len(c->held, c->nheld) >= 0 || last) {
		size_t h = c->nheld;
		unsigned char tmp[4];
		memcpy(tmp, c->held, h);
		c->nheld = 0;
		process(c, tmp, h, last && used == n);
	}
	return used;
}

void
se_csv_set_exact(se_csv *c, bool exact)
{
	c->exact = exact;
}

int
se_csv_feed(se_csv *c, const char *buf, size_t len)
{
	const unsigned char *s = (const unsigned char *)buf;
	size_t used;

	if (c->stopped || c->done)
		return -1;
	while ((!c->bom_done || c->nheld) && len > 0) {
		used = fill_held(c, s, len, false);
		s += used;
		len -= used;
		if (c->stopped)
			return -1;
	}
	return process(c, s, len, false);
}

int
se_csv_finish(se_csv *c)
{
	if (c->stopped || c->done)
		return -1;
	while (!c->bom_done || c->nheld) {
		fill_held(c, NULL, 0, true);
		if (c->stopped)
			return -1;
	}
	c->done = true;
	if (c->state == QUOTED) {
		se_pos p = { c->name, c->qline, c->qcol };
		csv_fini(&c->p, NULL, NULL, NULL);
		se_diag_error(c->d, &p, "csv-quote",
		    "quote opened here is never closed: the rest of the file "
		    "would be one field; row skipped");
		return 0;
	}
	if (c->state == FIELD_NOT_BEGUN && push(c, c->off) != 0)
		return fail_oom(c);
	csv_fini(&c->p, on_field, on_record, c);
	return c->stopped ? -1 : 0;
}

/* ---- chunks read ahead (csvstream.c) ----------------------------------- */

int
se_csv_out_of_memory(se_csv *c)
{
	return fail_oom(c);
}

void
se_csv_lines_free(se_csv_lines *b)
{
	free(b->rec);
	free(b->fld);
	free(b->text);
}

void
se_csv_lines_take(se_csv *w, se_csv_lines *b, const char *s, size_t n)
{
	b->nrec = b->nfld = b->tlen = 0;
	b->failed = false;
	w->ahead = b;
	csv_fini(&w->p, NULL, NULL, NULL);
	w->state = ROW_NOT_BEGUN;
	w->off = w->line_off = w->cont = 0;
	w->cr_end = UINT64_MAX;
	w->line = 1;
	w->bom_done = true;
	w->nheld = 0;
	w->cp1252 = w->exact = w->stopped = w->done = false;
	w->nf = w->tlen = 0;
	w->qhead = w->qlen = 0;
	b->taken = fast(w, (const unsigned char *)s, n);
	b->lines = w->line - 1;
	w->ahead = NULL;
	if (w->stopped) {
		b->failed = true;
		b->taken = 0;
	}
}

int
se_csv_lines_replay(se_csv *c, const se_csv_lines *b)
{
	unsigned base = c->line - 1;
	size_t i, k;

	if (b->failed || c->stopped || c->done || c->exact || !c->bom_done ||
	    c->nheld || c->state != ROW_NOT_BEGUN ||
	    c->off != c->line_off || c->nf != 0)
		return 1;
	for (i = 0; i < b->nrec; i++) {
		const struct se_csv_lrec *r = &b->rec[i];

		while (c->fcap < r->nf)
			if (!grow_fields(c))
				return fail_oom(c);
		for (k = 0; k < r->nf; k++) {
			const struct se_csv_lfield *x = &b->fld[r->first + k];
			c->f[k].text = b->text + x->off;
			c->f[k].len = x->len;
			c->f[k].line = base + r->line;
			c->f[k].col = x->col;
		}
		if (c->fn(c->ctx, c->f, r->nf, base + r->line) != 0) {
			c->stopped = true;
			return -1;
		}
	}
	/* (cr_end stays behind: no CR can pair with an LF from here on) */
	c->off += b->taken;
	c->line += b->lines;
	c->line_off = c->off;
	c->cont = 0;
	return 0;
}
