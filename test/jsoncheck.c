/* jsoncheck.c: the strict JSON checker of jsoncheck.h, a recursive
 * descent over RFC 8259's grammar.  Not a library part: only the tests
 * and the fuzz targets use it, to prove what the commands write parses. */
#include "jsoncheck.h"
#include "se.h" /* SE_PRINTF only */

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DEPTH 512

typedef struct {
	char *p;
	size_t len, cap;
} buf;

typedef struct {
	const char *s;
	size_t n, i;
	size_t base; /* offset of the record (JSON Lines) */
	size_t record;
	int depth;
	jsoncheck_fn *fn;
	void *ctx;
	buf path, str;
	char *err;
	size_t errlen;
	bool failed;
} parser;

static bool
buf_add(buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 64;
		char *p;

		while (cap < b->len + n + 1)
			cap *= 2;
		p = realloc(b->p, cap);
		if (!p)
			return false;
		b->p = p;
		b->cap = cap;
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
	return true;
}

static int fail(parser *p, size_t at, const char *fmt, ...) SE_PRINTF(3, 4);

/* Report at offset 'at' of the whole text: line and column 1-based,
 * the column counted in bytes. */
static int
fail(parser *p, size_t at, const char *fmt, ...)
{
	size_t line = 1, col = 1, k;
	int w;
	va_list ap;

	if (p->failed)
		return -1;
	p->failed = true;
	for (k = 0; k < at && k < p->n; k++) {
		if (p->s[k] == '\n') {
			line++;
			col = 1;
		} else {
			col++;
		}
	}
	if (!p->err || p->errlen == 0)
		return -1;
	w = snprintf(p->err, p->errlen, "%zu:%zu: ", line, col);
	if (w < 0 || (size_t)w >= p->errlen)
		return -1;
	va_start(ap, fmt);
	vsnprintf(p->err + w, p->errlen - (size_t)w, fmt, ap);
	va_end(ap);
	return -1;
}

static void
skip_ws(parser *p)
{
	while (p->i < p->n && (p->s[p->i] == ' ' || p->s[p->i] == '\t' ||
	    p->s[p->i] == '\n' || p->s[p->i] == '\r'))
		p->i++;
}

/* Length of the UTF-8 sequence at s[0..n), 0 if it is not valid. */
static size_t
utf8_len(const unsigned char *s, size_t n)
{
	unsigned c = s[0];
	size_t len, k;
	unsigned long cp;

	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf) {
		len = 2;
		cp = c & 0x1f;
	} else if (c >= 0xe0 && c <= 0xef) {
		len = 3;
		cp = c & 0x0f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		len = 4;
		cp = c & 0x07;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	for (k = 1; k < len; k++) {
		if ((s[k] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (s[k] & 0x3f);
	}
	if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
	    cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return len;
}

bool
jsoncheck_utf8(const char *s, size_t n, size_t *bad)
{
	size_t i = 0, k;

	while (i < n) {
		k = utf8_len((const unsigned char *)s + i, n - i);
		if (k == 0) {
			if (bad)
				*bad = i;
			return false;
		}
		i += k;
	}
	return true;
}

static void
put_utf8(buf *b, unsigned long cp, bool *ok)
{
	char u[4];
	size_t n;

	if (cp < 0x80) {
		u[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		u[0] = (char)(0xc0 | cp >> 6);
		u[1] = (char)(0x80 | (cp & 0x3f));
		n = 2;
	} else if (cp < 0x10000) {
		u[0] = (char)(0xe0 | cp >> 12);
		u[1] = (char)(0x80 | (cp >> 6 & 0x3f));
		u[2] = (char)(0x80 | (cp & 0x3f));
		n = 3;
	} else {
		u[0] = (char)(0xf0 | cp >> 18);
		u[1] = (char)(0x80 | (cp >> 12 & 0x3f));
		u[2] = (char)(0x80 | (cp >> 6 & 0x3f));
		u[3] = (char)(0x80 | (cp & 0x3f));
		n = 4;
	}
	if (!buf_add(b, u, n))
		*ok = false;
}

static int
hex4(parser *p, unsigned long *v)
{
	size_t k;

	*v = 0;
	if (p->n - p->i < 4)
		return fail(p, p->i, "a \\u escape needs four hex digits");
	for (k = 0; k < 4; k++) {
		char c = p->s[p->i + k];
		unsigned d;

		if (c >= '0' && c <= '9')
			d = (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			d = (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			d = (unsigned)(c - 'A' + 10);
		else
			return fail(p, p->i + k, "'%c' is not a hex digit in a "
			    "\\u escape", c);
		*v = *v << 4 | d;
	}
	p->i += 4;
	return 0;
}

static int
escape(parser *p, bool *ok)
{
	static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
	const char *e;
	unsigned long cp, lo;
	size_t at = p->i - 1;

	if (p->i >= p->n)
		return fail(p, at, "a string ends inside an escape");
	e = strchr(from, p->s[p->i]);
	if (p->s[p->i] != '\0' && e != NULL) {
		char c = to[e - from];

		p->i++;
		if (!buf_add(&p->str, &c, 1))
			*ok = false;
		return 0;
	}
	if (p->s[p->i] != 'u')
		return fail(p, at, "'\\%c' is not a JSON escape",
		    p->s[p->i]);
	p->i++;
	if (hex4(p, &cp) < 0)
		return -1;
	if (cp >= 0xdc00 && cp <= 0xdfff)
		return fail(p, at, "a low surrogate \\u%04lX with no high "
		    "surrogate before it", cp);
	if (cp >= 0xd800 && cp <= 0xdbff) {
		if (p->n - p->i < 2 || p->s[p->i] != '\\' ||
		    p->s[p->i + 1] != 'u')
			return fail(p, at, "a high surrogate \\u%04lX with no "
			    "low surrogate after it", cp);
		p->i += 2;
		if (hex4(p, &lo) < 0)
			return -1;
		if (lo < 0xdc00 || lo > 0xdfff)
			return fail(p, at, "a high surrogate \\u%04lX followed "
			    "by \\u%04lX, not a low surrogate", cp, lo);
		cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
	}
	put_utf8(&p->str, cp, ok);
	return 0;
}

/* A string at p->i (its opening quote), decoded into p->str. */
static int
string(parser *p)
{
	size_t start = p->i, k;
	bool ok = true;

	p->str.len = 0;
	if (!buf_add(&p->str, "", 0))
		return fail(p, start, "out of memory");
	p->i++;
	for (;;) {
		unsigned char c;

		if (p->i >= p->n)
			return fail(p, start, "a string is not closed");
		c = (unsigned char)p->s[p->i];
		if (c == '"') {
			p->i++;
			break;
		}
		if (c == '\\') {
			p->i++;
			if (escape(p, &ok) < 0)
				return -1;
			continue;
		}
		if (c < 0x20)
			return fail(p, p->i, "control character 0x%02X in a "
			    "string (it must be escaped)", c);
		k = utf8_len((const unsigned char *)p->s + p->i, p->n - p->i);
		if (k == 0)
			return fail(p, p->i, "invalid UTF-8 (byte 0x%02X)", c);
		if (!buf_add(&p->str, p->s + p->i, k))
			ok = false;
		p->i += k;
	}
	if (!ok)
		return fail(p, start, "out of memory");
	return 0;
}

static int
digits(parser *p)
{
	size_t start = p->i;

	while (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9')
		p->i++;
	return p->i > start ? 0 : -1;
}

static int
number(parser *p)
{
	size_t start = p->i;

	if (p->s[p->i] == '-')
		p->i++;
	if (p->i < p->n && p->s[p->i] == '0') {
		p->i++;
		if (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9')
			return fail(p, start, "a number with a leading zero");
	} else if (digits(p) < 0) {
		return fail(p, start, "a number needs a digit after its sign");
	}
	if (p->i < p->n && p->s[p->i] == '.') {
		p->i++;
		if (digits(p) < 0)
			return fail(p, start, "a number needs a digit after "
			    "its decimal point");
	}
	if (p->i < p->n && (p->s[p->i] == 'e' || p->s[p->i] == 'E')) {
		p->i++;
		if (p->i < p->n && (p->s[p->i] == '+' || p->s[p->i] == '-'))
			p->i++;
		if (digits(p) < 0)
			return fail(p, start, "a number needs a digit in its "
			    "exponent");
	}
	return 0;
}

static void
emit(parser *p, jsoncheck_kind kind, const char *v, size_t len)
{
	if (p->fn)
		p->fn(p->ctx, p->record, p->path.p ? p->path.p : "", kind, v,
		    len);
}

static bool
plain_key(const char *k)
{
	if (!*k)
		return false;
	for (; *k; k++)
		if (!((*k >= 'a' && *k <= 'z') || (*k >= 'A' && *k <= 'Z') ||
		    (*k >= '0' && *k <= '9') || *k == '_' || *k == '$' ||
		    *k == '-'))
			return false;
	return true;
}

static int value(parser *p);

static int
object(parser *p)
{
	size_t mark = p->path.len, nkeys = 0, k;
	size_t open = p->i;
	char **keys = NULL;
	int rc = -1;

	p->i++;
	skip_ws(p);
	if (p->i < p->n && p->s[p->i] == '}') {
		p->i++;
		emit(p, JSONCHECK_OBJECT, "{}", 2);
		return 0;
	}
	for (;;) {
		char **nk;
		size_t at;

		skip_ws(p);
		at = p->i;
		if (p->i >= p->n || p->s[p->i] != '"') {
			fail(p, p->i, p->i < p->n && p->s[p->i] == '}' ?
			    "a trailing comma before '}'" :
			    "an object key must be a string");
			goto out;
		}
		if (string(p) < 0)
			goto out;
		for (k = 0; k < nkeys; k++)
			if (strcmp(keys[k], p->str.p) == 0) {
				fail(p, at, "duplicate key \"%s\"", p->str.p);
				goto out;
			}
		nk = realloc(keys, (nkeys + 1) * sizeof *keys);
		if (!nk || !(nk[nkeys] = strdup(p->str.p))) {
			keys = nk ? nk : keys;
			fail(p, at, "out of memory");
			goto out;
		}
		keys = nk;
		nkeys++;
		p->path.len = mark;
		if (plain_key(p->str.p) ? (!(mark == 0 ||
		    buf_add(&p->path, ".", 1)) ||
		    !buf_add(&p->path, p->str.p, p->str.len)) :
		    (!buf_add(&p->path, "[\"", 2) ||
		    !buf_add(&p->path, p->str.p, p->str.len) ||
		    !buf_add(&p->path, "\"]", 2))) {
			fail(p, at, "out of memory");
			goto out;
		}
		skip_ws(p);
		if (p->i >= p->n || p->s[p->i] != ':') {
			fail(p, p->i, "a ':' must follow an object key");
			goto out;
		}
		p->i++;
		if (value(p) < 0)
			goto out;
		skip_ws(p);
		if (p->i < p->n && p->s[p->i] == ',') {
			p->i++;
			continue;
		}
		if (p->i < p->n && p->s[p->i] == '}') {
			p->i++;
			break;
		}
		fail(p, p->i >= p->n ? open : p->i, p->i >= p->n ?
		    "an object is not closed" :
		    "',' or '}' expected in an object");
		goto out;
	}
	rc = 0;
out:
	for (k = 0; k < nkeys; k++)
		free(keys[k]);
	free(keys);
	p->path.len = mark;
	if (p->path.p)
		p->path.p[mark] = '\0';
	return rc;
}

static int
array(parser *p)
{
	size_t mark = p->path.len, idx = 0, open = p->i;
	char ix[32];

	p->i++;
	skip_ws(p);
	if (p->i < p->n && p->s[p->i] == ']') {
		p->i++;
		emit(p, JSONCHECK_ARRAY, "[]", 2);
		return 0;
	}
	for (;;) {
		skip_ws(p);
		if (p->i < p->n && p->s[p->i] == ']')
			return fail(p, p->i, "a trailing comma before ']'");
		p->path.len = mark;
		snprintf(ix, sizeof ix, "[%zu]", idx++);
		if (!buf_add(&p->path, ix, strlen(ix)))
			return fail(p, p->i, "out of memory");
		if (value(p) < 0)
			return -1;
		skip_ws(p);
		if (p->i < p->n && p->s[p->i] == ',') {
			p->i++;
			continue;
		}
		if (p->i < p->n && p->s[p->i] == ']') {
			p->i++;
			break;
		}
		return fail(p, p->i >= p->n ? open : p->i, p->i >= p->n ?
		    "an array is not closed" :
		    "',' or ']' expected in an array");
	}
	p->path.len = mark;
	p->path.p[mark] = '\0';
	return 0;
}

static int
literal(parser *p, const char *word, jsoncheck_kind kind)
{
	size_t n = strlen(word);

	if (p->n - p->i < n || memcmp(p->s + p->i, word, n) != 0)
		return fail(p, p->i, "'%c' does not start a JSON value",
		    p->s[p->i]);
	p->i += n;
	emit(p, kind, word, n);
	return 0;
}

static int
value(parser *p)
{
	int rc;
	size_t start;

	skip_ws(p);
	if (p->i >= p->n)
		return fail(p, p->i, "a value is missing");
	if (++p->depth > MAX_DEPTH)
		return fail(p, p->i, "nested deeper than %d", MAX_DEPTH);
	start = p->i;
	switch (p->s[p->i]) {
	case '{':
		rc = object(p);
		break;
	case '[':
		rc = array(p);
		break;
	case '"':
		rc = string(p);
		if (rc == 0)
			emit(p, JSONCHECK_STRING, p->str.p, p->str.len);
		break;
	case 't':
		rc = literal(p, "true", JSONCHECK_TRUE);
		break;
	case 'f':
		rc = literal(p, "false", JSONCHECK_FALSE);
		break;
	case 'n':
		rc = literal(p, "null", JSONCHECK_NULL);
		break;
	default:
		if (p->s[p->i] == '-' || (p->s[p->i] >= '0' &&
		    p->s[p->i] <= '9')) {
			rc = number(p);
			if (rc == 0) {
				char *t = malloc(p->i - start + 1);

				if (!t)
					return fail(p, start, "out of memory");
				memcpy(t, p->s + start, p->i - start);
				t[p->i - start] = '\0';
				emit(p, JSONCHECK_NUMBER, t, p->i - start);
				free(t);
			}
		} else if ((unsigned char)p->s[p->i] >= 0x20 &&
		    (unsigned char)p->s[p->i] < 0x7f) {
			rc = fail(p, p->i, "'%c' does not start a JSON value",
			    p->s[p->i]);
		} else {
			rc = fail(p, p->i, "byte 0x%02X does not start a JSON "
			    "value", (unsigned char)p->s[p->i]);
		}
	}
	p->depth--;
	return rc;
}

/* One value filling s[from..to) but for white space. */
static int
text(parser *p, size_t from, size_t to)
{
	size_t n = p->n;
	int rc;

	p->i = from;
	p->n = to;
	p->path.len = 0;
	if (p->path.p)
		p->path.p[0] = '\0';
	rc = value(p);
	if (rc == 0) {
		skip_ws(p);
		if (p->i < to)
			rc = fail(p, p->i, "text after the JSON value "
			    "(one value only)");
	}
	p->n = n;
	return rc;
}

int
jsoncheck(const char *s, size_t n, bool lines, jsoncheck_fn *fn,
    void *ctx, char *err, size_t errlen)
{
	parser p = { 0 };
	int rc = 0;
	size_t at = 0, bad;

	p.s = s;
	p.n = n;
	p.fn = fn;
	p.ctx = ctx;
	p.err = err;
	p.errlen = errlen;
	if (err && errlen)
		err[0] = '\0';
	if (!jsoncheck_utf8(s, n, &bad))
		return fail(&p, bad, "invalid UTF-8 (byte 0x%02X)",
		    (unsigned char)s[bad]);
	if (n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		return fail(&p, 0, "a byte order mark (JSON has none)");
	if (!lines) {
		if (n == 0)
			return fail(&p, 0, "no JSON value (empty output)");
		rc = text(&p, 0, n);
	}
	while (lines && rc == 0 && at < n) {
		const char *nl = memchr(s + at, '\n', n - at);
		size_t end = nl ? (size_t)(nl - s) : n;

		if (!nl)
			rc = fail(&p, n, "the last line is not ended by a "
			    "newline");
		else if (end == at || (end == at + 1 && s[at] == '\r'))
			rc = fail(&p, at, "an empty line in JSON Lines");
		else
			rc = text(&p, at, end);
		p.record++;
		at = end + 1;
	}
	free(p.path.p);
	free(p.str.p);
	return rc;
}
