/* utf8.c: the input check every document passes before a parser sees it.
 * cmark silently replaces invalid UTF-8 and NUL bytes, and libyaml's
 * reader reports byte offsets, so the check with positions is ours. */
#include "internal.h"

#include <string.h>

/* Length of the valid UTF-8 sequence at 's' (RFC 3629: no overlong forms,
 * no surrogates, nothing above U+10FFFF), or 0 when it is invalid. */
static size_t
seq_len(const unsigned char *s, size_t avail)
{
	unsigned char c = s[0];
	size_t n, i;
	unsigned char lo = 0x80, hi = 0xbf;

	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		n = 2;
	else if (c >= 0xe0 && c <= 0xef)
		n = 3;
	else if (c >= 0xf0 && c <= 0xf4)
		n = 4;
	else
		return 0;
	if (c == 0xe0)
		lo = 0xa0;
	else if (c == 0xed)
		hi = 0x9f;
	else if (c == 0xf0)
		lo = 0x90;
	else if (c == 0xf4)
		hi = 0x8f;
	if (avail < 2 || s[1] < lo || s[1] > hi)
		return 0;
	for (i = 2; i < n; i++)
		if (i >= avail || (s[i] & 0xc0) != 0x80)
			return 0;
	return n;
}

int
se_utf8_check(const char *file, const char *buf, size_t len, se_diag *diag)
{
	const unsigned char *s = (const unsigned char *)buf;
	se_pos pos = { file, 0, 0 };
	size_t i = 0, n;
	size_t line_start = 0;
	unsigned line = 1;

	if (len >= 2 && ((s[0] == 0xff && s[1] == 0xfe) ||
	    (s[0] == 0xfe && s[1] == 0xff)))
		return se_diag_error(diag, &pos, "encoding",
		    "file is UTF-16, not UTF-8: save it as UTF-8");
	if (len >= 3 && s[0] == 0xef && s[1] == 0xbb && s[2] == 0xbf)
		i = line_start = 3;
	while (i < len) {
		if (s[i] >= 0x80) {
			n = seq_len(s + i, len - i);
			if (n == 0) {
				pos.line = line;
				pos.col = se_utf8_column(buf + line_start,
				    buf + i);
				return se_diag_error(diag, &pos, "encoding",
				    "invalid UTF-8 byte 0x%02x: save the file "
				    "as UTF-8", s[i]);
			}
			i += n;
			continue;
		}
		if (s[i] == '\0') {
			pos.line = line;
			pos.col = se_utf8_column(buf + line_start, buf + i);
			return se_diag_error(diag, &pos, "binary",
			    "NUL byte: this looks like a binary file, not "
			    "text");
		}
		/* Line breaks as YAML and CommonMark count them: LF, CR LF
		 * or a lone CR. */
		if (s[i] == '\n' || (s[i] == '\r' && (i + 1 == len ||
		    s[i + 1] != '\n'))) {
			line++;
			line_start = i + 1;
		}
		i++;
	}
	return 0;
}

size_t
se_utf8_count(const char *s, size_t n)
{
	size_t k = 0, i;

	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			k++;
	return k;
}

int
se_utf8_cut(const char *s, size_t n, size_t max)
{
	size_t k = n < max ? n : max;

	while (k < n && k > 0 && ((unsigned char)s[k] & 0xc0) == 0x80)
		k--;
	return (int)k;
}

int
se_shown(const char *s, size_t n)
{
	return se_utf8_cut(s, n, 40);
}

size_t
se_utf8_width(const char *s)
{
	return se_utf8_count(s, strlen(s));
}

unsigned
se_utf8_column(const char *line_start, const char *at)
{
	return 1 + (unsigned)se_utf8_count(line_start,
	    (size_t)(at - line_start));
}
