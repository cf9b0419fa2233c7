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

/* Whether 's' ends with 'end', ASCII case ignored (a file name's suffix). */
bool se_ends_with(const char *s, const char *end);

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

/* csv.c: the records of one chunk of lines, read ahead by a helper
 * thread (csvstream.c) with a reader of its own and played back later,
 * in order, into the reader the chunk belongs to.  A field is its text
 * at 'off' in 'text' (NUL-terminated), its length and its column; its
 * line is its record's.  Lines are counted from 1 within the chunk. */
typedef struct se_csv_lines {
	struct se_csv_lrec {
		uint32_t line, nf, first;
	} *rec;
	struct se_csv_lfield {
		uint32_t off, len, col;
	} *fld;
	char *text;
	size_t nrec, caprec, nfld, capfld, tlen, tcap;
	size_t taken;    /* bytes of the chunk read (whole lines) */
	unsigned lines;  /* lines in them */
	bool failed;     /* out of memory: nothing taken */
} se_csv_lines;
void se_csv_lines_free(se_csv_lines *b);
/* Read the plain lines at the start of s[0..n) (a chunk that starts at a
 * line's start) with the fast path of 'w', a reader used for nothing
 * else, into 'b'. */
void se_csv_lines_take(se_csv *w, se_csv_lines *b, const char *s, size_t n);
/* Give c's callback the records of 'b', as if c had read its 'taken'
 * bytes itself: 0 done; 1 not done, because c is not at the start of a
 * line between records (the records would not be what c reads); -1 the
 * callback stopped reading.  (The lines are ASCII: the same text in a
 * file read as Windows-1252.) */
int se_csv_lines_replay(se_csv *c, const se_csv_lines *b);
/* Report running out of memory at c's file, and stop c: -1. */
int se_csv_out_of_memory(se_csv *c);

/* pipe.c: jobs done on every core, their results taken in order.  The
 * calling thread fills free slots with jobs, in order ('fill': 1 a job,
 * 0 no more, -1 stop; '*work' false for a job 'done' does alone); any
 * thread does a job's 'work' with a state of its own ('state_new' runs on
 * that thread; NULL out of memory); the calling thread takes each job
 * back in order ('done', told whether it was worked: 0 go on, -1 stop).
 * 'slot' holds 'nslots' (at most 16) jobs' memory; 'helpers' threads
 * start when a second job is queued (-1: se_pipe_helpers()).  Returns 0,
 * or -1 when fill or done stopped it, or out of memory. */
typedef struct se_pipe_ops {
	int (*fill)(void *ctx, void *slot, bool *work);
	void (*work)(void *ctx, void *slot, void *state);
	int (*done)(void *ctx, void *slot, bool worked);
	void *(*state_new)(void *ctx);
	void (*state_free)(void *state);
} se_pipe_ops;
int se_pipe_run(const se_pipe_ops *ops, void *ctx, void **slot,
    size_t nslots, int helpers);
/* A helper for each other core, at most 8; 0 on one core.  SE_THREADS
 * in the environment (a number from 1) says how many threads in all. */
int se_pipe_helpers(void);

/* csvstream.c: feed c a whole stream, to its end (or until c stops),
 * reading chunks of lines ahead on the other cores.  The records,
 * positions and diagnostics are those of se_csv_feed() on the same bytes;
 * then call se_csv_finish().  Returns as se_csv_feed(); a read error ends
 * the input early (check ferror()).  'chunk' and 'helpers' are for the
 * tests: 0 and -1 for the defaults (128 KiB; a helper per other core). */
int se_csv_feed_stream(se_csv *c, FILE *fp, size_t chunk, int helpers);

#endif /* SE_INTERNAL_H */
