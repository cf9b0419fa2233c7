/* escape.c: writing text taken from input safely in each output syntax
 * (JSON, CSV, HTML, terminal text).  Escaping lives here and only here. */
#include "internal.h"

#include <string.h>

/* Length of the valid UTF-8 sequence at 's' (1 to 4 bytes) and its code
 * point, or 0 when the bytes there are not valid UTF-8 (RFC 3629: no
 * overlong forms, no surrogates, nothing above U+10FFFF). */
static size_t
utf8_seq(const unsigned char *s, uint32_t *cp)
{
	uint32_t c = s[0], min;
	size_t n, i;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xc2 && c <= 0xdf) {
		n = 2, c &= 0x1f, min = 0x80;
	} else if (c >= 0xe0 && c <= 0xef) {
		n = 3, c &= 0x0f, min = 0x800;
	} else if (c >= 0xf0 && c <= 0xf4) {
		n = 4, c &= 0x07, min = 0x10000;
	} else {
		return 0;
	}
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return n;
}

static int
done(FILE *f)
{
	return ferror(f) ? -1 : 0;
}

/* Code points a YAML stream may not hold as they are (YAML 1.1 5.1: the
 * C1 controls, U+FFFE, U+FFFF), or that it reads as line breaks, folded
 * in a double-quoted scalar (NEL, U+2028, U+2029): escaped, so that a
 * JSON string is also a YAML double-quoted one with the same value (the
 * YAML writers, se-plan -F yaml and se-hypothesise, rely on that). */
static bool
yaml_unsafe(uint32_t cp)
{
	return (cp >= 0x80 && cp <= 0x9f) || cp == 0x2028 || cp == 0x2029 ||
	    cp == 0xfffe || cp == 0xffff;
}

int
se_json_put(FILE *f, const char *s)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	uint32_t cp;
	size_t n;

	fputc('"', f);
	while (*p) {
		n = utf8_seq(p, &cp);
		if (n == 0) {
			fputs("\xef\xbf\xbd", f); /* U+FFFD for each bad byte */
			p++;
			continue;
		}
		if (cp == '"')
			fputs("\\\"", f);
		else if (cp == '\\')
			fputs("\\\\", f);
		else if (cp == '\n')
			fputs("\\n", f);
		else if (cp == '\r')
			fputs("\\r", f);
		else if (cp == '\t')
			fputs("\\t", f);
		else if (cp < 0x20 || cp == 0x7f || yaml_unsafe(cp))
			fprintf(f, "\\u%04x", (unsigned)cp);
		else
			fwrite(p, 1, n, f);
		p += n;
	}
	fputc('"', f);
	return done(f);
}

/* OWASP "CSV Injection": a cell starting with one of these is a formula
 * to Excel and LibreOffice. */
static bool
csv_is_formula(const char *s)
{
	switch (s[0]) {
	case '=': case '+': case '-': case '@': case '\t': case '\r':
		return true;
	default:
		return false;
	}
}

/* The cell needs quotes: it holds a separator, a quote or a line end. */
static bool
csv_needs_quotes(const char *s)
{
	return strpbrk(s, ",\"\r\n") != NULL;
}

int
se_csv_put(FILE *f, const char *s, bool is_number)
{
	bool prefix, quote;
	const char *q;

	if (!s)
		s = "";
	prefix = !is_number && csv_is_formula(s);
	quote = csv_needs_quotes(s);
	if (!prefix && !quote) {
		fputs(s, f);
		return done(f);
	}
	if (quote)
		fputc('"', f);
	if (prefix)
		fputc('\'', f);
	/* Each '"' written twice: the text up to and with it, then again. */
	for (q = strchr(s, '"'); q; q = strchr(s, '"')) {
		fwrite(s, 1, (size_t)(q - s) + 1, f);
		fputc('"', f);
		s = q + 1;
	}
	fputs(s, f);
	if (quote)
		fputc('"', f);
	return done(f);
}

/* Text on its way into a string builder, gathered in 't' so that a row
 * of short cells costs one append, not one a cell. */
struct stage {
	se_buf *b;
	size_t n;
	char t[512];
};

static void
stage_flush(struct stage *st)
{
	se_buf_add(st->b, st->t, st->n);
	st->n = 0;
}

static inline void
stage_add(struct stage *st, const char *s, size_t len)
{
	if (len > sizeof st->t - st->n) {
		stage_flush(st);
		if (len > sizeof st->t) {
			se_buf_add(st->b, s, len);
			return;
		}
	}
	memcpy(st->t + st->n, s, len);
	st->n += len;
}

static void
stage_addc(struct stage *st, char c)
{
	if (st->n == sizeof st->t)
		stage_flush(st);
	st->t[st->n++] = c;
}

/* The bytes that end a cell's plain run: its end, and those that need
 * quotes (RFC 4180). */
static const bool csv_stop[256] = { ['\0'] = true, [','] = true,
	['"'] = true, ['\r'] = true, ['\n'] = true };

/* One cell, as se_csv_put writes it. */
static void
stage_cell(struct stage *st, const char *s, bool is_number)
{
	const unsigned char *u = (const unsigned char *)s;
	bool prefix = !is_number && csv_is_formula(s), quote;
	const char *q;
	size_t i;

	/* Most cells are plain: their length and plainness in one pass. */
	for (i = 0; !csv_stop[u[i]]; i++)
		;
	quote = u[i] != '\0';
	if (!quote && !prefix) {
		stage_add(st, s, i);
		return;
	}
	if (quote)
		stage_addc(st, '"');
	if (prefix)
		stage_addc(st, '\'');
	for (q = strchr(s, '"'); q; q = strchr(s, '"')) {
		stage_add(st, s, (size_t)(q - s) + 1);
		stage_addc(st, '"');
		s = q + 1;
	}
	stage_add(st, s, strlen(s));
	if (quote)
		stage_addc(st, '"');
}

void
se_csv_add_row(se_buf *b, const char *const *cells, const bool *is_number,
    size_t n)
{
	struct stage st;
	size_t i;

	st.b = b;
	st.n = 0;
	for (i = 0; i < n; i++) {
		stage_cell(&st, cells[i] ? cells[i] : "", is_number[i]);
		stage_addc(&st, i + 1 < n ? ',' : '\n');
	}
	stage_flush(&st);
}

int
se_html_put(FILE *f, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '&': fputs("&amp;", f); break;
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		case '"': fputs("&quot;", f); break;
		case '\'': fputs("&#39;", f); break;
		default: fputc(*s, f); break;
		}
	}
	return done(f);
}

static int
text_put(FILE *f, const char *s, bool one_line)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	uint32_t cp;
	size_t n;

	while (*p) {
		n = utf8_seq(p, &cp);
		if (n == 0) {
			fprintf(f, "\\x%02x", (unsigned)*p++);
			continue;
		}
		if (cp == '\\')
			fputs("\\\\", f);
		else if ((cp == '\n' || cp == '\t') && !one_line)
			fputc((int)cp, f);
		else if (cp == '\n')
			fputs("\\n", f);
		else if (cp == '\t')
			fputs("\\t", f);
		else if (cp < 0x20 || cp == 0x7f)
			fprintf(f, "\\x%02x", (unsigned)cp);
		else if (cp >= 0x80 && cp <= 0x9f)
			fprintf(f, "\\u%04x", (unsigned)cp); /* C1 controls */
		else
			fwrite(p, 1, n, f);
		p += n;
	}
	return done(f);
}

int
se_text_put(FILE *f, const char *s)
{
	return text_put(f, s, false);
}

int
se_text_put_line(FILE *f, const char *s)
{
	return text_put(f, s, true);
}
