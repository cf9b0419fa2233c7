/* jsoncheck.h: a strict JSON checker (RFC 8259) for the tests and the
 * fuzz targets, so that `make check` parses every JSON output without
 * anything more installed.  Strict means: exactly one value (or, for
 * JSON Lines, one value a line), no trailing commas, no comments, only
 * the six escapes and \uXXXX with surrogates paired, no control
 * characters in strings, valid UTF-8 throughout, numbers per the RFC's
 * grammar, no duplicate keys in an object, no byte order mark. */
#ifndef JSONCHECK_H
#define JSONCHECK_H

#include <stdbool.h>
#include <stddef.h>

/* The kind of a value seen by a walker. */
typedef enum {
	JSONCHECK_STRING,
	JSONCHECK_NUMBER,
	JSONCHECK_TRUE,
	JSONCHECK_FALSE,
	JSONCHECK_NULL,
	JSONCHECK_OBJECT, /* an empty {} */
	JSONCHECK_ARRAY   /* an empty [] */
} jsoncheck_kind;

/* Called for every scalar and every empty object or array, in document
 * order: 'path' names it from the root ("[3].progress[0].date"; a key
 * that is not a plain word is written ["key with spaces"]); 'value' is
 * the decoded string, the number's text, or "true", "false", "null",
 * "{}" or "[]"; 'record' counts JSON Lines records from 0. */
typedef void jsoncheck_fn(void *ctx, size_t record, const char *path,
    jsoncheck_kind kind, const char *value, size_t len);

/* Check s[0..n).  With 'lines', s is JSON Lines: each line one value,
 * every line ended by '\n', no empty lines (an empty s has no records).
 * 'fn' (may be NULL) sees every value.  Returns 0 when s is valid; -1
 * with "LINE:COLUMN: reason" in err (of errlen bytes) when it is not. */
int jsoncheck(const char *s, size_t n, bool lines, jsoncheck_fn *fn,
    void *ctx, char *err, size_t errlen);

/* Whether s[0..n) is valid UTF-8 (no overlong forms, no surrogates,
 * nothing above U+10FFFF); *bad is the offset of the first bad byte. */
bool jsoncheck_utf8(const char *s, size_t n, size_t *bad);

#endif
