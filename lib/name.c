/* name.c: names compared one way everywhere: authorities, people,
 * indicators, scale levels, headings.  ASCII case is ignored, surrounding
 * space too, and a run of spaces inside counts as one; with SE_NAME_WORDS
 * punctuation separates words as space does, while apostrophes (' and the
 * typographic ones) and dots join ("children's", "N.I." = "ni"), so
 * "Requires improvement to be good" matches
 * "requires-improvement-to-be-good".  Hash and equality agree. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

struct norm {
	const char *p, *end;
	unsigned flags;
	bool gap; /* a character was given: a word break may follow */
};

static bool
is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' ||
	    c == '\f' || c == '\v';
}

static bool
is_word(int c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z') || (c & 0x80);
}

static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

static void
norm_init(struct norm *n, const char *s, size_t len, unsigned flags)
{
	n->p = s;
	n->end = s + len;
	n->flags = flags;
	n->gap = false;
	while (n->end > n->p && is_space((unsigned char)n->end[-1]))
		n->end--;
	while (n->p < n->end && is_space((unsigned char)*n->p))
		n->p++;
}

/* A typographic apostrophe (U+2018, U+2019) at n->p: it joins, as '
 * does, though its bytes look like a word's. */
static bool
curly_apostrophe(const struct norm *n)
{
	const unsigned char *q = (const unsigned char *)n->p;

	return n->p + 2 < n->end && q[0] == 0xe2 && q[1] == 0x80 &&
	    (q[2] == 0x98 || q[2] == 0x99);
}

/* The next character of a name as compared, or -1 at the end. */
static int
norm_next(struct norm *n)
{
	bool sep = false;

	if (!(n->flags & SE_NAME_WORDS)) {
		if (n->p >= n->end)
			return -1;
		if (is_space((unsigned char)*n->p)) {
			while (n->p < n->end && is_space((unsigned char)*n->p))
				n->p++;
			return ' ';
		}
		return lower((unsigned char)*n->p++);
	}
	for (;;) {
		if (curly_apostrophe(n)) {
			n->p += 3;
			continue;
		}
		if (n->p >= n->end || is_word((unsigned char)*n->p))
			break;
		if (*n->p != '\'' && *n->p != '.')
			sep = true;
		n->p++;
	}
	if (n->p >= n->end)
		return -1;
	if (sep && n->gap) {
		n->gap = false;
		return ' ';
	}
	n->gap = true;
	return lower((unsigned char)*n->p++);
}

uint64_t
se_name_hash(const char *s, size_t len)
{
	struct norm n;
	uint64_t h = 1469598103934665603ull;
	int c;

	norm_init(&n, s, len, 0);
	while ((c = norm_next(&n)) >= 0) {
		h ^= (unsigned char)c;
		h *= 1099511628211ull;
	}
	return h;
}

char *
se_name_fold(const char *s, size_t len, unsigned flags)
{
	struct norm n;
	char *out = malloc(len + 1), *o = out;
	int c;

	if (!out)
		return NULL;
	norm_init(&n, s, len, flags);
	while ((c = norm_next(&n)) >= 0)
		*o++ = (char)c;
	*o = '\0';
	return out;
}

bool
se_name_match(const char *a, size_t alen, const char *b, size_t blen,
    unsigned flags)
{
	struct norm x, y;
	int c, d;

	norm_init(&x, a, alen, flags);
	norm_init(&y, b, blen, flags);
	do {
		c = norm_next(&x);
		d = norm_next(&y);
		if (c != d)
			return false;
	} while (c >= 0);
	return true;
}

bool
se_name_equal(const char *a, size_t alen, const char *b, size_t blen)
{
	return se_name_match(a, alen, b, blen, 0);
}

bool
se_same_name(const char *a, const char *b)
{
	return se_name_match(a, strlen(a), b, strlen(b), 0);
}

bool
se_name_eq(const char *a, size_t alen, const char *b)
{
	return se_name_match(a, alen, b, strlen(b), SE_NAME_WORDS);
}
