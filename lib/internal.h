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

/* input.c: every file the library reads is opened here.  The open never
 * blocks (a FIFO with no writer reads as empty, a device is read like a
 * file), a directory is refused, and the file is recorded in the run's
 * sink (se_diag_add_input), so that no output replaces an input.  "-" is
 * standard input (descriptor 0, never closed: use se_input_close).
 * Returns the descriptor, or -1 with the reason in 'd' ("unreadable"). */
int se_input_open(const char *path, se_diag *d);
/* The same as a stream ("-": stdin); close it with se_input_fclose. */
FILE *se_input_fopen(const char *path, se_diag *d);
void se_input_close(int fd);
void se_input_fclose(FILE *f);
/* The name to show for 'path': "<stdin>" for "-". */
const char *se_input_name(const char *path);

/* diag.c: the files the run has read, kept in the root of d's sinks.
 * se_diag_add_input returns 0, or -1 out of memory; se_diag_find_input
 * returns the path an input with st's device and inode was read by, or
 * NULL. */
struct stat;
int se_diag_add_input(se_diag *d, const char *path, const struct stat *st);
const char *se_diag_find_input(se_diag *d, const struct stat *st);

/* Case-insensitive ASCII comparison and a whitespace-trimmed view. */
int se_strcasecmp(const char *a, const char *b);
int se_strncasecmp(const char *a, const char *b, size_t n);
/* Whether the n bytes at 'a' are 'b', ignoring ASCII case. */
bool se_eq_ci(const char *a, size_t n, const char *b);

/* Names compared one way (name.c): ASCII case ignored, surrounding space
 * ignored, a run of spaces inside as one; with SE_NAME_WORDS punctuation
 * separates words too, apostrophes and dots join.  Hash and equality
 * agree (without flags). */
enum { SE_NAME_WORDS = 1 };
bool se_name_match(const char *a, size_t alen, const char *b, size_t blen,
    unsigned flags);
uint64_t se_name_hash(const char *s, size_t len);
/* A name as it is compared, for a key kept or sorted: two names match
 * (with the same flags) exactly when their folds are equal.  Lower case,
 * words joined by one space.  NULL when out of memory; the caller frees. */
char *se_name_fold(const char *s, size_t len, unsigned flags);
bool se_name_equal(const char *a, size_t alen, const char *b, size_t blen);
/* The same, for NUL-terminated names (people, authorities). */
bool se_same_name(const char *a, const char *b);
/* A typed value against a canonical name, with SE_NAME_WORDS. */
bool se_name_eq(const char *a, size_t alen, const char *b);

/* A theme's key (theme.c), appended to 'b': lower case, each run of
 * characters that are not letters or digits one '-', none at either end,
 * so "Edge of care" and "edge-of-care" are one theme.  Every command
 * that groups by theme compares these keys. */
void se_theme_key(se_buf *b, const char *s, size_t n);
/* Whether 'a' and 'b' name one theme (their keys are equal). */
bool se_theme_same(const char *a, const char *b);

/* Characters (code points) in n bytes of UTF-8: a text cell's display
 * width, a diagnostic's column (utf8.c). */
size_t se_utf8_count(const char *s, size_t n);
/* The same for a NUL-terminated string. */
size_t se_utf8_width(const char *s);
/* How many bytes of s[0..n) a message quotes ("'%.*s'"): at most 'max',
 * cut between characters. */
int se_utf8_cut(const char *s, size_t n, size_t max);
/* The same for a user's text (a cell, a period): at most 40 bytes. */
int se_shown(const char *s, size_t n);

/* Edit distance of two short names (Levenshtein), capped at 9. */
size_t se_edit_distance(const char *a, const char *b);

/* Whether 's' ends with 'end', ASCII case ignored (a file name's suffix). */
bool se_ends_with(const char *s, const char *end);

/* util.c: the index of 'name' among the n 'words' (exactly), or -1; for
 * an option's keywords.  se_format_index() is the same for the names of
 * the output syntaxes of -F, where "md" stands for "markdown" (se(7)). */
int se_word_index(const char *name, const char *const *words, size_t n);
int se_format_index(const char *name, const char *const *names, size_t n);

/* rules.c: whether a framework entry's 'phases:' list (a node, or NULL)
 * lets it apply in 'phase'; no list applies in every phase. */
bool se_phase_applies(const se_node *phases, const char *phase);

/* FNV-1a hash of n bytes. */
uint64_t se_hash(const void *p, size_t n);

/* escape.c: se_text_put() with \n and \t escaped too, so that the text
 * stays on one line (a diagnostic, a table cell). */
int se_text_put_line(FILE *f, const char *s);
/* escape.c: a CSV row of 'n' cells (NULL as empty), each as se_csv_put()
 * writes it, separated by commas and ended by a newline, appended to 'b'. */
void se_csv_add_row(se_buf *b, const char *const *cells, const bool *is_number,
    size_t n);

/* period.c: an Explore Education Statistics term ("Autumn term", "Autumn
 * and spring term", "Spring term", "Summer term", any case) as
 * se_period.sub of SE_PERIOD_TERM, or 0; a week ("Week 37"), 1-53, or 0. */
int se_period_term(const char *s, size_t n);
int se_period_week(const char *s, size_t n);
/* workdays.c: days from 1970-01-01 to y-m-d (proleptic Gregorian; the
 * day numbers of se_ymd_parse()). */
long se_days_from_civil(long y, unsigned m, unsigned d);
/* The weeks of ISO 8601 year 'y': 52, or 53. */
int se_period_weeks_in(int y);

/* layout.c: the published layouts (EES tidy data, LAIT long,
 * Fingertips) behind se_extract.  se_real_sniff: which of them a header
 * is (SE_LAYOUT_NONE: none).  A reader per file; 'name' and the options'
 * strings are kept, not copied.  Each returns 0, or -1 when reading has
 * to stop (reason in 'd'). */
typedef struct se_real se_real;
se_extract_layout se_real_sniff(const se_csv_field *h, size_t n);
se_real *se_real_new(se_extract_layout layout, const char *name,
    const se_extract_opts *o, se_row_fn fn, void *ctx, se_diag *d);
int se_real_header(se_real *x, const se_csv_field *f, size_t n);
int se_real_row(se_real *x, const se_csv_field *f, size_t n, unsigned line);
int se_real_finish(se_real *x);
void se_real_free(se_real *x); /* NULL is a no-op */

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
/* The one way a CSV file is read: 'path' ("-": standard input) opened
 * with se_input_fopen (so it counts as an input), fed to c with se_csv_feed_stream, then finished.
 * 'stop_ok': c stopping early (a callback's -1, as a header sniff does)
 * is no failure.  0, or -1 with the reason in 'd' (unreadable). */
int se_csv_read_file(se_csv *c, const char *path, bool stop_ok, se_diag *d);

/* authority.c: the path of the top layer's copy of 'rel' in formats
 * directories 'dirs' (':'-separated, as se_formats_dir() gives them), or
 * NULL when none has it; the caller frees it. */
char *se_layers_file(const char *dirs, const char *rel);

/* store.c: whether a CSV header is a neighbours file's (the layouts of
 * se_store_read_neighbours(); the square one, a header of names only,
 * when 'square': so tell extracts from it first). */
bool se_neighbours_header(const se_csv_field *h, size_t n, bool square);

/* render.c: the one HTML page of every HTML output: the skeleton (lang
 * en-GB, a CSP that fetches nothing), the one stylesheet and its palette,
 * the title as the h1; portrait A4 in print, or landscape.  Writers put
 * their content between the two.  0, or -1 when writing failed. */
enum { SE_PAL_RED, SE_PAL_AMBER, SE_PAL_GREEN, SE_PAL_BLUE, SE_PAL_GREY,
	SE_PAL_INK, SE_PALETTE_N };
extern const char *const se_palette[SE_PALETTE_N];
int se_html_page_begin(FILE *f, const char *title, bool landscape);
/* render.c: what 'draw' writes, to -o's 'output' (NULL: standard output)
 * through se_out_open(); text (when 'text') fitted to the terminal or
 * $COLUMNS by se_wrap, and coloured when se_color_use() says so for the
 * --color 'color'; other formats as drawn.  'draw' gets the stream, that
 * width (0: none) and whether to colour.  0, or -1 said in 'd' ('failed',
 * rule out-of-memory, when drawing failed without a write error). */
typedef int (*se_draw_fn)(void *ctx, FILE *f, size_t width, bool color);
int se_out_draw(const char *output, int color, bool text,
    const char *failed, se_draw_fn draw, void *ctx, se_diag *d);
int se_html_page_end(FILE *f);
/* render.c: text taken from input as Markdown that is only text: the
 * punctuation that could start markup backslash-escaped, control
 * characters dropped, line ends as spaces in a table cell ('cell'). */
int se_md_put(FILE *f, const char *s, bool cell);
/* render.c: the one convention for direction in every output for
 * people: the arrow is the way the number moved, the word whether that
 * is better or worse ("\xe2\x86\x91 worse", "\xe2\x86\x93 better",
 * "\xe2\x86\x92 stable", "new"); and what a rank and quartile are among
 * ("national", or "of 9 in the extract").  Like snprintf. */
size_t se_rating_move(const se_rating *r, int precision, char *buf,
    size_t n);
size_t se_rating_scope(const se_rating *r, char *buf, size_t n);
/* programme.c: whether a format's rule 'rule' named 'name' is one of
 * the regional programme's (the handbook's rules, or a timetable
 * deadline: a rule with a 'step'), which se_programme_check_with()
 * checks on the whole programme. */
bool se_programme_is_rule(const char *name, const se_node *rule);

#endif /* SE_INTERNAL_H */
