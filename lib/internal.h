/*
 * internal.h: shared by lib/ only (never installed): the arena, the
 * string builder and small helpers.
 */
#ifndef SE_INTERNAL_H
#define SE_INTERNAL_H

#include "se.h"

#include <stdint.h>

/* An arena: many small allocations freed at once.  Blocks grow
 * geometrically; the total is capped so one document cannot take more
 * than 'cap' bytes (0: no cap).  Allocation returns NULL when out of
 * memory or over the cap. */
typedef struct se_arena se_arena;
se_arena *se_arena_new(size_t cap);
void se_arena_free(se_arena *a);
void *se_arena_alloc(se_arena *a, size_t size);          /* aligned, zeroed */
char *se_arena_strndup(se_arena *a, const char *s, size_t n);
char *se_arena_strdup(se_arena *a, const char *s);
size_t se_arena_used(const se_arena *a);
bool se_arena_over_cap(const se_arena *a);

/* A growable string (like curl's dynbuf).  On allocation failure the
 * buffer is marked failed and later appends are ignored; check with
 * se_buf_failed() once at the end. */
typedef struct se_buf {
	char *data;
	size_t len, cap;
	bool failed;
} se_buf;
void se_buf_init(se_buf *b);
void se_buf_release(se_buf *b);
void se_buf_reset(se_buf *b);
void se_buf_add(se_buf *b, const char *s, size_t n);
void se_buf_adds(se_buf *b, const char *s);
void se_buf_addc(se_buf *b, char c);
void se_buf_addf(se_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
const char *se_buf_str(se_buf *b); /* NUL-terminated, "" when empty */
bool se_buf_failed(const se_buf *b);
/* Take the data (caller frees with free()); the buffer is reset. */
char *se_buf_take(se_buf *b);

/* Read a whole file, at most 'max' bytes (more is an error with rule
 * "too-large").  Returns 0 and a malloc'ed NUL-terminated buffer, or -1
 * with the reason in 'diag'.  "-" is standard input. */
int se_read_file(const char *path, size_t max, char **out, size_t *len,
    se_diag *diag);

/* Case-insensitive ASCII comparison and a whitespace-trimmed view. */
int se_strcasecmp(const char *a, const char *b);
int se_strncasecmp(const char *a, const char *b, size_t n);

/* FNV-1a hash of n bytes. */
uint64_t se_hash(const void *p, size_t n);

/* escape.c: se_text_put() with \n and \t escaped too, so that the text
 * stays on one line (a diagnostic, a table cell). */
int se_text_put_line(FILE *f, const char *s);
/* escape.c: a CSV row of 'n' cells (NULL as empty), each as se_csv_put()
 * writes it, separated by commas and ended by a newline, appended to 'b'. */
void se_csv_add_row(se_buf *b, const char *const *cells, const bool *is_number,
    size_t n);

/* csv.c: read every line with the scanner, never the fast path (the
 * tests and fuzz_csv compare the two; see csv.c). */
void se_csv_set_exact(se_csv *c, bool exact);

#endif /* SE_INTERNAL_H */
