/*
 * se.h: libse, the library behind the se self-evaluation toolkit.
 *
 * Data flows one way: files are loaded into document trees (every node
 * with its file, line and column) or streamed into a series store; the
 * trees are checked against formats, the series are rated, and results
 * are rendered.  Problems in the input go to a diagnostics sink (se_diag);
 * failures to do the job return -1 or NULL with the reason in the sink.
 * The library never prints, exits or aborts on input.
 */
#ifndef SE_H
#define SE_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#ifndef SE_VERSION
#define SE_VERSION "0.1.0"
#endif

/* Exit status of every command (like grep and diff). */
enum {
	SE_EXIT_OK = 0,       /* done, nothing wrong */
	SE_EXIT_PROBLEMS = 1, /* done, and the input has problems */
	SE_EXIT_FAILURE = 2   /* could not do the job */
};

/* Limits (libse(3) DESCRIPTION), enforced where memory is obtained. */
#define SE_MAX_DOC_BYTES (16u * 1024u * 1024u)
#define SE_MAX_DEPTH 64
#define SE_MAX_ALIASES 1000

/* ---- positions and diagnostics (lib/diag.c, lib/diagfmt.c) ------------ */

/* A place in a file: 1-based line and column (column in characters);
 * line 0 means "no position" (the whole file). */
typedef struct se_pos {
	const char *file;
	unsigned line;
	unsigned col;
} se_pos;

typedef enum { SE_NOTE, SE_WARNING, SE_ERROR } se_severity;

typedef struct se_diag se_diag;

/* One diagnostic as stored in the sink; strings owned by the sink. */
typedef struct se_diag_item {
	const char *file; /* NULL when the problem has no file */
	unsigned line, col;
	se_severity severity;
	const char *rule;
	const char *message;
} se_diag_item;

/* A new empty sink.  NULL only when out of memory.  Free with
 * se_diag_free(). */
se_diag *se_diag_new(void);
void se_diag_free(se_diag *d); /* NULL is a no-op */
/* A new empty sink for part of the work whose diagnostics are sifted
 * before they go to 'parent' (a file found in a directory may be no
 * document at all): the files read through it are the parent's inputs
 * all the same, so no output replaces them.  Free with se_diag_free()
 * before 'parent'.  NULL only when out of memory. */
se_diag *se_diag_new_child(se_diag *parent);

/* Add a diagnostic at 'pos' (NULL or pos->line 0: no position; the file
 * name is copied).  se_diag_error() returns -1 so that reporting and
 * failing is one statement; the others return 0. */
/* Format checking of the message arguments (gcc and clang). */
#if defined(__GNUC__)
#define SE_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define SE_PRINTF(f, a)
#endif
int se_diag_error(se_diag *d, const se_pos *pos, const char *rule,
    const char *fmt, ...) SE_PRINTF(4, 5);
int se_diag_warning(se_diag *d, const se_pos *pos, const char *rule,
    const char *fmt, ...) SE_PRINTF(4, 5);
int se_diag_note(se_diag *d, const se_pos *pos, const char *rule,
    const char *fmt, ...) SE_PRINTF(4, 5);
int se_diag_add(se_diag *d, se_severity sev, const se_pos *pos,
    const char *rule, const char *fmt, ...) SE_PRINTF(5, 6);
int se_diag_vadd(se_diag *d, se_severity sev, const se_pos *pos,
    const char *rule, const char *fmt, va_list ap) SE_PRINTF(5, 0);

/* Add a copy of every diagnostic in 'from' to 'to'. */
void se_diag_append(se_diag *to, const se_diag *from);
/* ... but for those 'to' has already: the same severity, position, rule
 * and message (two checks that found the same problem say it once). */
void se_diag_append_new(se_diag *to, const se_diag *from);

/* Turn every warning added from now on into an error (--strict). */
void se_diag_set_strict(se_diag *d, bool strict);

/* How many diagnostics of a severity the sink holds. */
size_t se_diag_count(const se_diag *d, se_severity sev);
size_t se_diag_len(const se_diag *d);
/* The i-th diagnostic (after se_diag_sort, in file and position order). */
const se_diag_item *se_diag_get(const se_diag *d, size_t i);
/* Sort by file, line, column, then the order they were added. */
void se_diag_sort(se_diag *d);

typedef enum {
	SE_DIAG_TEXT,   /* FILE:LINE:COL: SEVERITY: MESSAGE [RULE] */
	SE_DIAG_JSON,   /* one JSON object per line */
	SE_DIAG_GITHUB, /* GitHub Actions workflow commands */
	SE_DIAG_SARIF   /* SARIF 2.1.0 log */
} se_diag_format;

/* Parse a -F name ("text", "json", "github", "sarif"); -1 if unknown. */
int se_diag_format_parse(const char *name);

/* Write every diagnostic to 'out' in 'fmt'; 'tool' names the command (for
 * SARIF's driver).  Returns 0, or -1 when writing failed. */
int se_diag_render(const se_diag *d, se_diag_format fmt, const char *tool,
    FILE *out);

/* ---- outputs, escaping, inputs, command line (lib/output.c,
 *      lib/escape.c, lib/walk.c, lib/cli.c) -------------------------------- */

/* An output opened for -o: written to a temporary file in the target's
 * directory and renamed over the target on commit, so a failed run never
 * leaves half a report.  NULL or "-" is standard output; a target that
 * exists and is not a regular file (/dev/null, /dev/stdout, a FIFO) is
 * written directly, never replaced. */
typedef struct se_out se_out;

/* Open 'path' for writing.  NULL (the reason in 'd') when the temporary
 * file cannot be created.  Close with se_out_close(). */
se_out *se_out_open(const char *path, se_diag *d);
/* The stream to write to; valid until se_out_close(). */
FILE *se_out_file(se_out *o);
/* Finish and free 'o'.  With 'commit': flush, check for write errors,
 * fsync and rename the temporary file over the target, keeping the old
 * file's permissions.  Without 'commit', or on any failure, the temporary
 * file is removed and the target left as it was.  Returns 0, or -1 with
 * the reason in 'd' (a full disk on standard output too).  NULL is a
 * no-op returning 0. */
int se_out_close(se_out *o, bool commit, se_diag *d);

/* --color=auto|never|always */
enum { SE_COLOR_AUTO, SE_COLOR_NEVER, SE_COLOR_ALWAYS };
/* Parse a --color value ("auto", "never", "always"); -1 if unknown. */
int se_color_parse(const char *name);
/* Whether to colour output written to 'fd': always, never, or (auto) when
 * 'fd' is a terminal and NO_COLOR is unset or empty. */
bool se_color_use(int mode, int fd);

/* Escapers: write 's' to 'f' safely for the output syntax.  Each returns
 * 0, or -1 when writing failed. */
/* A quoted JSON string: control characters as \u00XX, invalid UTF-8 as
 * U+FFFD. */
int se_json_put(FILE *f, const char *s);
/* A CSV cell (RFC 4180, quoted when needed).  A text cell starting with
 * '=', '+', '-', '@', TAB or CR is neutralised with a leading "'" (OWASP,
 * CSV injection); with 'is_number' the cell is written as it is. */
int se_csv_put(FILE *f, const char *s, bool is_number);
/* HTML text or attribute value: & < > " ' escaped. */
int se_html_put(FILE *f, const char *s);
/* The width text for people should fit on 'fd' (lib/render.c): $COLUMNS
 * when set (20 to 1000), else the terminal's width when 'fd' is one (80
 * when its size is unknown); 0, no limit, when 'fd' is not a terminal and
 * COLUMNS is unset, so piped output never changes. */
size_t se_text_width(int fd);
/* Write 'len' bytes of text, each line longer than 'width' columns
 * wrapped at spaces, its continuation lines under the value of a
 * "  Label  value" line or the text of a list item; a word longer than
 * the line is kept whole.  'width' 0 writes the text as it is. */
void se_text_wrap(FILE *out, const char *s, size_t len, size_t width);
/* Text written to se_wrap_file() reaches 'out' wrapped to 'width' (as
 * se_text_wrap) when se_wrap_close() is called; 'width' 0 writes straight
 * through.  NULL when out of memory.  se_wrap_close returns 0, or -1 when
 * writing failed, and frees the wrapper. */
typedef struct se_wrap se_wrap;
se_wrap *se_wrap_open(FILE *out, size_t width);
FILE *se_wrap_file(const se_wrap *w);
int se_wrap_close(se_wrap *w);
/* Text for a terminal: C0 controls other than \n and \t and DEL shown
 * as \xHH, C1 controls as \u00HH, invalid UTF-8 bytes as \xHH and a
 * backslash as \\, so no input can drive the terminal. */
int se_text_put(FILE *f, const char *s);

/* Called by se_walk() for each file: 'named' is true when the file was
 * the operand itself (so a file without 'kind' is an error), false when
 * found in a directory.  Return 0 to go on, -1 when the file failed (the
 * reason reported by 'fn'; the walk goes on), or a value > 0 to stop the
 * walk, which se_walk() then returns. */
typedef int (*se_walk_fn)(void *ctx, const char *path, bool named);

/* Visit an operand: a file (or FIFO, device, or "-") is passed to 'fn' as
 * named; a directory is walked recursively in sorted (strcmp) order,
 * skipping dot files and dot directories and anything not a regular file,
 * following symbolic links to directories but reporting loops
 * ("symlink-loop").  Unreadable entries are reported ("unreadable") and
 * the walk goes on.  Returns 0; -1 when the operand itself cannot be read
 * (the reason in 'd') or 'fn' failed on it; or the value > 0 'fn'
 * returned to stop. */
int se_walk(const char *operand, se_walk_fn fn, void *ctx, se_diag *d);

/* Options every command shares, filled by se_cli_common(). */
#define SE_CLI_MAX_WHERE 32
typedef struct se_cli {
	const char *prog;        /* the command's name, for messages */
	const char *usage;       /* the SYNOPSIS, printed on bad usage */
	const char *help;        /* what -h/--help prints after it, or NULL */
	const char *format;      /* -F, or NULL */
	const char *output;      /* -o, or NULL */
	int color;               /* SE_COLOR_* (default SE_COLOR_AUTO) */
	const char *formats_dir; /* each --formats joined by ':', or NULL */
	char formats_buf[4096];  /* where formats_dir is joined */
	/* --where COLUMN=VALUE, in order (commands that read extracts) */
	const char *where[SE_CLI_MAX_WHERE];
	size_t nwhere;
} se_cli;

/* Values getopt_long returns for the common long-only options. */
enum { SE_OPT_VERSION = 0x100, SE_OPT_COLOR, SE_OPT_FORMATS, SE_OPT_WHERE };

/* The options of every command that reads extracts, to splice into its
 * getopt_long table after SE_CLI_LONGOPTS; se_cli_common() keeps each
 * --where in se_cli.where (give them to se_store_open()). */
#define SE_CLI_DATA_LONGOPTS \
	{ "where", required_argument, NULL, SE_OPT_WHERE }

/* The common options, to splice into a command's getopt_long tables
 * (needs <getopt.h>):
 *   static const struct option longopts[] = {
 *       { "help", no_argument, NULL, 'h' }, SE_CLI_LONGOPTS,
 *       { "strict", no_argument, NULL, 's' }, { NULL, 0, NULL, 0 } };
 *   getopt_long(argc, argv, "h" SE_CLI_SHORTOPTS "i:", longopts, NULL) */
#define SE_CLI_SHORTOPTS "F:o:"
#define SE_CLI_LONGOPTS                                              \
	{ "format", required_argument, NULL, 'F' },                  \
	{ "output", required_argument, NULL, 'o' },                  \
	{ "color", required_argument, NULL, SE_OPT_COLOR },          \
	{ "formats", required_argument, NULL, SE_OPT_FORMATS },      \
	{ "version", no_argument, NULL, SE_OPT_VERSION }

/* Set up 'c': prog is the base name of 'argv0', color auto, the rest
 * NULL.  'usage' is kept (not copied). */
void se_cli_init(se_cli *c, const char *argv0, const char *usage);

/* se_cli_common() results other than an exit status. */
enum { SE_CLI_NEXT = -1, SE_CLI_OTHER = -2 };

/* Handle one option getopt_long returned: -F, -o, --color, --formats,
 * -h/--help (the usage, then 'help', on standard output), --version, and
 * '?' / ':' (getopt has printed the message: the usage follows).  Returns
 * SE_CLI_NEXT when handled (parse on), SE_CLI_OTHER when 'opt' is not a
 * common option (the command's own), or an exit status the command returns
 * at once (SE_EXIT_OK after --help or --version, SE_EXIT_FAILURE on bad
 * usage, already reported, or when the help cannot be written). */
int se_cli_common(se_cli *c, int opt, const char *arg);

/* The whole getopt_long loop: each option through se_cli_common(), then
 * through 'own' when it is the command's own ('own' returns as
 * se_cli_common() does).  Returns SE_CLI_NEXT when every option is read
 * (the operands start at optind), or the exit status to return at once. */
struct option;
typedef int (*se_cli_own_fn)(void *ctx, int opt, const char *arg);
int se_cli_parse(se_cli *c, int argc, char **argv, const char *shortopts,
    const struct option *longopts, se_cli_own_fn own, void *ctx);
/* What every command checks after se_cli_parse(): -F read by 'parse' into
 * '*format' (left as it is without -F), and that there are operands.
 * SE_CLI_NEXT, or the exit status of the usage error (se_cli_usage_error):
 * "unknown format 'F' (expected EXPECTED)", or 'none' when 'noperands' is
 * 0 ('none' NULL: operands are optional). */
int se_cli_check(const se_cli *c, int (*parse)(const char *name),
    const char *expected, int *format, size_t noperands, const char *none);
/* A repeatable option's value: 'arg' appended to the n values of '*v'
 * (the strings are not copied; free(*v) when done).  SE_CLI_NEXT, or
 * SE_EXIT_FAILURE when out of memory (said on standard error). */
int se_cli_add(const se_cli *c, const char ***v, size_t *n, const char *arg);


/* Print "PROG: MESSAGE" and then the usage to standard error; returns
 * SE_EXIT_FAILURE. */
int se_cli_usage_error(const char *prog, const char *usage, const char *fmt,
    ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* The formats directories, for se_formats_load(), top layer first and
 * separated by ':': 'cli_dir' (each --formats, as se_cli_common() joins
 * them), then each directory of $SE_FORMATS (':'-separated), then the
 * shipped formats: the build tree's formats/ when the command runs from
 * .../build* /bin/ ('argv0' resolved, or /proc/self/exe), else
 * SE_DATADIR "/formats".  Returns a string the caller frees with free();
 * NULL only when out of memory. */
char *se_formats_dir(const char *cli_dir, const char *argv0);

/* ---- the document tree (lib/doc.c, lib/yaml.c, lib/markdown.c) -------- */

typedef enum {
	SE_NODE_SCALAR,
	SE_NODE_MAP,
	SE_NODE_LIST
} se_node_kind;

/* A YAML node.  Read-only for users of the library; lives in its
 * document's arena.  A map holds 'n' keys (scalars) and 'n' values.  An
 * alias is the node its anchor names, shared (the tree is a DAG, never a
 * cycle); a node with an anchor starts at its '&'. */
typedef struct se_node se_node;
struct se_node {
	se_node_kind kind;
	se_pos pos;         /* where the node starts */
	unsigned end_line;  /* the last line it covers */
	const char *text;   /* scalar value (NUL-terminated), else NULL */
	size_t len;         /* scalar length in bytes */
	bool plain;         /* a plain (unquoted) scalar */
	size_t n;           /* entries of a map or list */
	se_node **keys;     /* map keys (scalars); NULL for a list */
	se_node **items;    /* map values, or list items */
};

/* A link target in Markdown: a path, a URL or "indicator:ID" (links and
 * autolinks, not images), at the link's '[' or '<'. */
typedef struct se_link {
	const char *target;
	se_pos pos;
} se_link;

/* A list item in a Markdown section: its text (the Markdown source of
 * its first paragraph, from after the marker, one line per source line,
 * indentation removed), its marker's position, and the links anywhere
 * inside it, nested items included (a slice of its section's links). */
typedef struct se_item {
	const char *text;
	se_pos pos;
	se_link *links;
	size_t nlinks;
} se_item;

/* A Markdown section: a top-level heading and what follows it up to the
 * next one, of any level (headings inside lists or quotes stay in the
 * body).  Text before the first heading, when not blank, is a section of
 * level 0 with title and id "", at the body's first line. */
typedef struct se_section {
	const char *title; /* heading text as written (inline markup removed) */
	const char *id;    /* normalised: lower case, words joined by '-' */
	int level;         /* 1..6, or 0 before the first heading */
	se_pos pos;        /* the heading's position */
	const char *body;  /* source under the heading (in doc->src: not
	                      NUL-terminated, use body_len) */
	size_t body_len;
	unsigned body_line; /* line where 'body' starts */
	size_t words;       /* words in the body's text, markup and HTML not
	                       counted: runs of letters, digits, apostrophes */
	se_item *items;     /* list items in the body (all nesting levels) */
	size_t nitems;
	se_link *links;     /* every link in the body */
	size_t nlinks;
} se_section;

typedef enum {
	SE_SYNTAX_YAML,
	SE_SYNTAX_MARKDOWN
} se_syntax;

typedef struct se_doc se_doc;
/* A loaded document.  Read-only for users; freed at once, arena and all,
 * by se_doc_free(). */
struct se_doc {
	const char *path;      /* as given; "-" is shown as "<stdin>" */
	se_syntax syntax;
	const char *src;       /* the file's bytes (BOM removed), NUL-terminated */
	size_t src_len;
	se_node *meta;         /* YAML root (the front matter of Markdown), or NULL */
	const char *kind;      /* meta's kind: and framework:, or NULL */
	const char *framework;
	const char *body;      /* Markdown body after the front matter (in src),
	                          or NULL */
	size_t body_len;
	unsigned body_line;    /* line where the body starts */
	se_section *sections;
	size_t nsections;
	struct se_arena *arena;
};

/* Load a document from a file: Markdown when the name ends in .md or
 * .markdown, otherwise YAML; "-" is standard input, Markdown when it
 * starts with a front matter block.  Problems in its content go to 'diag'
 * (duplicate keys: the document is still returned); NULL when it cannot
 * be read or parsed at all: unreadable, not UTF-8, a YAML syntax error,
 * unterminated front matter, or a limit of libse(3) (the reason
 * is in 'diag').  Only the first YAML document of a stream is used.
 * Rules: unreadable, encoding, binary, too-large, too-deep,
 * too-many-aliases (alias uses counted as if expanded), alias-cycle,
 * duplicate-key, yaml-syntax, front-matter, out-of-memory; and the
 * warning multiple-documents.  Free with se_doc_free(). */
se_doc *se_doc_load(const char *path, se_diag *diag);

/* Load a file se_walk() gave ('named' as the se_walk_fn has it), the one
 * rule for files found in a directory: a file that cannot be read or
 * parsed is an error wherever it was found (it may be a document whose
 * 'kind' is unreadable): -1, the reason in 'diag'.  A file found in a
 * directory that parses but has no 'kind', or (with 'kind' not NULL) a
 * kind other than 'kind', is no document for the caller: 0 and *doc NULL,
 * skipped silently with its problems.  Otherwise 0 and *doc, its problems
 * in 'diag'; a named file is returned whatever its kind, for the caller to
 * judge.  Free *doc with se_doc_free(). */
int se_doc_load_found(const char *path, bool named, const char *kind,
    se_doc **doc, se_diag *diag);

/* The same from bytes in memory; 'name' is used in positions and decides
 * the syntax as above ('syntax' < 0), or 'syntax' forces it. */
se_doc *se_doc_parse(const char *name, int syntax, const char *buf,
    size_t len, se_diag *diag);

void se_doc_free(se_doc *doc); /* NULL is a no-op */
/* How se_doc_load() reads a file by its name: Markdown when it ends in
 * .md or .markdown (any case), otherwise YAML. */
se_syntax se_doc_syntax(const char *path);

/* The value under 'key' in a map node, or NULL. */
const se_node *se_node_get(const se_node *map, const char *key);
/* A scalar's text, or NULL when 'n' is NULL or not a scalar. */
const char *se_node_str(const se_node *n);
/* Follow a path of map keys separated by '.', e.g. "areas.outcomes". */
const se_node *se_node_path(const se_node *root, const char *path);

/* ---- catalogue (lib/catalogue.c) -------------------------------------- */

/* Which way is better: high (higher is better), low, or none (context
 * only: shown, never rated or ranked). */
typedef enum {
	SE_POLARITY_NONE,
	SE_POLARITY_HIGH,
	SE_POLARITY_LOW
} se_polarity;

/* What an indicator is compared with (se-rag(1) RATING RULES). */
typedef enum {
	SE_COMPARE_DEFAULT, /* thresholds when it has them, else England */
	SE_COMPARE_ENGLAND,
	SE_COMPARE_REGION,
	SE_COMPARE_NEIGHBOURS,
	SE_COMPARE_THRESHOLDS
} se_compare;

/* Parse "england", "region", "neighbours", "thresholds"; -1 if unknown. */
int se_compare_parse(const char *name);

/* One catalogue entry; strings owned by the catalogue. */
typedef struct se_indicator {
	const char *id, *title, *unit, *source;
	se_polarity polarity;
	se_compare compare;
	double tolerance;      /* default 0 */
	bool has_thresholds;
	double green, red;     /* when has_thresholds */
	int precision;         /* decimal places for display; default 1 */
	const char **areas;
	size_t nareas;
	const char **aliases;
	size_t naliases;
	se_pos pos;            /* where the entry starts */
	/* compare-by: confidence: rated by the value's 95% confidence
	 * interval against the comparator value (Fingertips' rule) */
	bool by_confidence;
} se_indicator;

typedef struct se_catalogue se_catalogue;

/* Load a 'kind: indicators' document.  Bad entries are reported with
 * their positions and left out; NULL when the file cannot be loaded or is
 * not a catalogue.  Free with se_catalogue_free(). */
se_catalogue *se_catalogue_load(const char *path, se_diag *diag);
/* The same from a loaded document (its strings are copied). */
se_catalogue *se_catalogue_from_doc(const se_doc *doc, se_diag *diag);
void se_catalogue_free(se_catalogue *c); /* NULL is a no-op */
size_t se_catalogue_len(const se_catalogue *c);
/* The i-th entry, in the catalogue's order. */
const se_indicator *se_catalogue_at(const se_catalogue *c, size_t i);
/* The entry whose id, title or alias is 'name' (case-insensitive,
 * surrounding spaces ignored), or NULL. */
const se_indicator *se_catalogue_find(const se_catalogue *c,
    const char *name, size_t len);
/* The entry's index in the catalogue. */
size_t se_catalogue_index(const se_catalogue *c, const se_indicator *ind);

/* ---- rating (lib/rate.c) ---------------------------------------------- */

typedef enum { SE_RAG_NONE, SE_RAG_RED, SE_RAG_AMBER, SE_RAG_GREEN } se_rag;
typedef enum {
	SE_DIR_NONE,      /* not rated (polarity none, no value) */
	SE_DIR_NEW,       /* no previous period in the series */
	SE_DIR_UNKNOWN,   /* previous value suppressed or absent */
	SE_DIR_DECLINING,
	SE_DIR_STABLE,
	SE_DIR_IMPROVING
} se_direction;
typedef enum {
	SE_SOURCE_NONE,
	SE_SOURCE_ENGLAND,
	SE_SOURCE_REGION,
	SE_SOURCE_NEIGHBOURS,
	SE_SOURCE_MEDIAN,
	SE_SOURCE_THRESHOLDS
} se_source;

/* Names as the machine outputs print them ("" for NONE). */
const char *se_rag_name(se_rag r);       /* red, amber, green */
const char *se_direction_name(se_direction d);
const char *se_source_name(se_source s); /* england, region, ... */

/* better(x, y): x - y for high, y - x for low, 0 for none. */
double se_better(se_polarity p, double x, double y);
/* RAG with thresholds: green when 'v' reaches 'green' (>= high, <= low),
 * red when beyond 'red' (< high, > low), amber otherwise. */
se_rag se_rag_thresholds(se_polarity p, double v, double green, double red);
/* RAG with a comparator: d = better(v, c); green d > tol, red d < -tol. */
se_rag se_rag_comparator(se_polarity p, double v, double c, double tol);
/* Fingertips' rating by a 95% confidence interval [low, high] against the
 * comparator value c: green when the whole interval is better than c, red
 * when it is wholly worse, amber when it holds or touches c; none for
 * polarity none. */
se_rag se_rag_interval(se_polarity p, double low, double high, double c);
/* Direction: d = better(latest, previous); improving d > tol, declining
 * d < -tol, else stable. */
se_direction se_direction_of(se_polarity p, double latest, double previous,
    double tol);
/* Competition ranks ("1224"), best first, of the 'n' values (NaN: not
 * ranked, rank 0).  'rank' gets each rank, 'rrank' (may be NULL) the rank
 * counted from the worst.  Returns how many were ranked. */
size_t se_rank(se_polarity p, const double *v, size_t n, unsigned *rank,
    unsigned *rrank);
/* Quartile band of 'rank' among 'n': 'A' rank <= n/4, 'B' <= n/2,
 * 'C' <= 3n/4, else 'D'; 0 when rank is 0. */
char se_quartile(unsigned rank, size_t n);
/* Median of 'n' values (sorted in place; even n: mean of the middle
 * two).  NaN when n is 0. */
double se_median(double *v, size_t n);

/* ---- combining (lib/combine.c) ---------------------------------------- */

/* Levels are 0 (worst) .. nlevels - 1 (best); SE_LEVEL_NA is skipped. */
#define SE_LEVEL_NA (-1)
typedef enum { SE_COMBINE_WORST, SE_COMBINE_MEDIAN, SE_COMBINE_MEAN } se_combine;
/* Parse "worst", "median", "mean"; -1 if unknown. */
int se_combine_parse(const char *name);
/* How a mean between two levels becomes a level (a format's
 * `combine: round:`): half-towards-worse rounds to the nearest level, an
 * exact half down; nearest rounds to the nearest, an exact half up;
 * threshold goes up to the next level only when the fraction above the
 * lower one reaches num/den (`threshold: 0.75`: a level is reached only
 * when the mean is within a quarter of it). */
typedef enum {
	SE_ROUND_HALF_TOWARDS_WORSE,
	SE_ROUND_NEAREST,
	SE_ROUND_THRESHOLD
} se_round_kind;
typedef struct se_rounding {
	se_round_kind kind;
	long num, den; /* SE_ROUND_THRESHOLD: 0 < num/den <= 1 */
} se_rounding;
/* Parse a `round:` name and, for "threshold", its `threshold:` (a decimal
 * in (0, 1], at most 6 places) into 'r'.  0, or -1 with 'r' unchanged. */
int se_rounding_parse(const char *round, const char *threshold,
    se_rounding *r);
/* Combine 'n' levels by 'rule', skipping SE_LEVEL_NA: worst (the
 * lowest), median (an even count takes the mean of the middle two), mean;
 * a mean is rounded by 'round' (NULL: half-towards-worse).  SE_LEVEL_NA
 * when every level is N/A (or n is 0). */
int se_combine_levels(se_combine rule, const se_rounding *round,
    const int *levels, size_t n);

/* One criterion of the quality standards' rubric: the grade column it sits in
 * (a level), whether it is critical, whether it is derived from others
 * (its 'met' already resolved by the caller), and whether it is met: for
 * the columns below 'good', that it applies. */
typedef struct se_criterion {
	int level;
	bool critical;
	bool derived;
	bool met;
} se_criterion;
/* The best grade the criteria support (formats/ns-2009 'rubric'), on a
 * scale of 'nlevels' levels whose levels >= 'good' are the necessary
 * columns: the highest such level whose critical criteria are all met
 * and, with 'own', one of whose own (not derived) criteria is met; else
 * 'good' - 1.  A met critical criterion of a column below 'good' caps the
 * grade at that column.  Returns a level 0 .. nlevels - 1. */
int se_rubric_grade(const se_criterion *c, size_t n, int nlevels, int good,
    bool own);

/* ---- CSV extracts (lib/csv.c, lib/number.c, lib/period.c, lib/extract.c) */

/* One field of a CSV record: its text in UTF-8 (converted when the file
 * is Windows-1252), NUL-terminated, and where the field starts (its first
 * character that is not a leading space; 1-based line and column). */
typedef struct se_csv_field {
	const char *text;
	size_t len;
	unsigned line, col;
} se_csv_field;

/* Called once per record (blank lines are skipped); the fields live until
 * the callback returns.  'line' is the line where the record starts.
 * Return 0 to go on, -1 to stop reading. */
typedef int (*se_csv_record_fn)(void *ctx, const se_csv_field *f, size_t n,
    unsigned line);

/* A streaming CSV reader on libcsv: RFC 4180 quoting, CRLF, a UTF-8 BOM
 * skipped, Windows-1252 converted (one warning, rule "encoding").  Memory
 * grows with the widest record, never with the number of records.  'name'
 * is used in positions (copied).  NULL when out of memory.  Feed the input
 * in pieces of any size, then finish; free with se_csv_free(). */
typedef struct se_csv se_csv;
se_csv *se_csv_new(const char *name, se_csv_record_fn fn, void *ctx,
    se_diag *d);
/* Problems in the input are diagnostics: a quote fault (csv-quote) drops
 * its record and reading goes on; an unterminated quote is reported at
 * the line where it opened.  Both return -1 when reading had to stop: a
 * NUL byte (binary), a field over SE_MAX_DOC_BYTES (too-large, or
 * csv-quote for an unclosed quote), out of memory, or the callback
 * returned -1.  Then later calls do nothing and return -1. */
int se_csv_feed(se_csv *c, const char *buf, size_t len);
int se_csv_finish(se_csv *c);
void se_csv_free(se_csv *c); /* NULL is a no-op */

/* Periods: years 2018, spans 2018-19 (financial or academic years),
 * quarters 2018Q2 / 2018-Q2 / 2018 Q2, months 2018-09, dates 2018-09-30. */
typedef enum {
	SE_PERIOD_YEAR,
	SE_PERIOD_SPAN,
	SE_PERIOD_QUARTER,
	SE_PERIOD_MONTH,
	SE_PERIOD_DATE,
	SE_PERIOD_FY_QUARTER, /* a quarter of a financial year: Q2 2018-19 */
	SE_PERIOD_ROLLING,    /* a rolling span: 2014-16, 2013/14-15/16 */
	SE_PERIOD_TERM,       /* a school term of an academic year:
	                         2023-24 spring term */
	SE_PERIOD_WEEK        /* a numbered week of a year: 2024 week 37 */
} se_period_kind;

typedef struct se_period {
	se_period_kind kind;
	int year;         /* the first year of a span */
	int sub;          /* quarter 1-4, month 1-12 (month of a date), the
	                     years a rolling span adds (2014-16: 2), the
	                     term (1 autumn, 2 autumn and spring, 3 spring,
	                     4 summer), week 1-53, else 0 */
	int day;          /* day of the month of a date; 1 for a rolling
	                     span of year spans (2013/14-15/16); else 0 */
	bool maybe_month; /* a span like 2011-12 that could be December 2011
	                     (the series decides) */
} se_period;

/* Parse a period from 's' (n bytes; surrounding spaces allowed): also
 * financial-year quarters (Q2 2018-19, 2018-19 Q2), rolling spans
 * (2014-16, 2014 - 16, 2013/14-15/16, which sort by their last year),
 * terms (2023-24 autumn term, any case) and weeks (2024 week 37).
 * Returns 0, or -1 when it is not a period (nothing written to 'out'). */
int se_period_parse(const char *s, size_t n, se_period *out);
/* The periods an extract or --period may use, for messages. */
#define SE_PERIOD_FORMS "a year (2018), span (2018-19, 2018/19), rolling " \
	"span (2014-16), quarter (2018Q2, Q2 2018-19), month (2018-09), " \
	"term (2023-24 spring term), week (2024 week 37) or date (2018-09-30)"
/* Chronological order: negative, 0 or positive.  Periods of different
 * kinds are ordered by kind (a series should not mix them). */
int se_period_cmp(const se_period *a, const se_period *b);
/* Canonical text ("2018", "2018-19", "2018Q2", "2018-09", "2018-09-30",
 * "2018-19 Q2", "2014-16", "2023-24 spring term", "2024 week 37")
 * into 'buf' (n bytes, NUL-terminated when n > 0); returns the length it
 * needs, like snprintf. */
size_t se_period_format(const se_period *p, char *buf, size_t n);
/* The month a maybe_month span would be (2011-12 -> 2011-12 as a month). */
se_period se_period_as_month(const se_period *p);
/* The last day of a period as YYYY-MM-DD into 'buf' (a span ends on 31
 * March of its second year, a financial quarter with its third month, a
 * rolling span as its last year or span, the autumn term on 31 December,
 * the spring term (alone or with the autumn) on 31 March, the summer term
 * on 31 August, as a plan's term dates end (se-formats(5)), a week on its Sunday as ISO 8601 counts weeks). */
void se_period_end(const se_period *p, char buf[11]);

/* A number as extracts write it: "23.5%", "1,234", " 12 ", "-3.5"; the
 * suppression markers of official statistics (x c z .. . * - low n/a, any
 * case, and the empty cell) are SE_NUM_SUPPRESSED, never zero. */
typedef enum { SE_NUM_OK, SE_NUM_SUPPRESSED, SE_NUM_BAD } se_num_status;
se_num_status se_number_parse(const char *s, size_t n, double *out);

/* One value of an extract, long or wide.  Strings are trimmed, live until
 * the callback returns, and are NULL when the file has no such column. */
typedef struct se_row {
	const char *authority, *code;
	const char *code2; /* a second code of the same entity (EES old_la_code), or NULL */
	const char *region, *indicator, *period_text;
	se_period period;
	double value;     /* when has_value */
	bool has_value;
	const char *flag; /* the suppression marker as written ("" for an
	                     empty cell) when !has_value, else NULL */
	se_pos pos;       /* the value's cell */
	se_pos row_pos;   /* the row's first field */
	/* The indicator's title as the file gives it (LAIT 'Data item',
	 * Fingertips 'Indicator Name'), or NULL. */
	const char *title;
	/* The value's 95% confidence limits (Fingertips 'Lower CI 95.0
	 * limit' / 'Upper CI 95.0 limit'), when has_ci. */
	bool has_ci;
	double ci_low, ci_high;
	/* The figures' release (an EES 'version' or 'data_status' column):
	 * SE_RELEASE_NONE, or a later release replaces an earlier one. */
	int release;
} se_row;

/* Releases of published figures, in the order they replace each other. */
enum { SE_RELEASE_NONE, SE_RELEASE_PROVISIONAL, SE_RELEASE_REVISED,
	SE_RELEASE_FINAL };
/* "provisional", "revised", "final", or "" for SE_RELEASE_NONE. */
const char *se_release_name(int release);

/* Called once per value; return 0 to go on, -1 to stop. */
typedef int (*se_row_fn)(void *ctx, const se_row *r);

/* A streaming extract reader: the header decides the shape (long: columns
 * for authority or code, indicator, period and value; wide: an indicator
 * column and one column per period).  A row it cannot use is a diagnostic
 * (csv-row, csv-value, csv-period) and the rest is read; an unusable
 * header is an error (csv-header) and stops reading.  Rows for England and
 * regions are passed on like any other.  NULL when out of memory; free
 * with se_extract_free(). */
typedef struct se_extract se_extract;
se_extract *se_extract_new(const char *name, se_row_fn fn, void *ctx,
    se_diag *d);
/* Both return -1 when reading had to stop (see se_csv_feed, and an
 * unusable header), else 0. */
int se_extract_feed(se_extract *x, const char *buf, size_t len);
int se_extract_finish(se_extract *x);
void se_extract_free(se_extract *x); /* NULL is a no-op */
/* Stream a whole file ("-": standard input) in 64 KiB pieces.  0, or -1
 * when it could not be opened or read to the end (reason in 'd'). */
int se_extract_read(const char *path, se_row_fn fn, void *ctx, se_diag *d);

/* The layouts an extract's header can have (se-rag(1)): the long and wide
 * layouts, EES tidy data (time_period, time_identifier,
 * geographic_level), LAIT long (Short Desc, Years, LA and Regions,
 * Values) and a Fingertips export (Indicator ID or Indicator Name, Area
 * Code, Area Type, Time period, Value). */
typedef enum {
	SE_LAYOUT_NONE,
	SE_LAYOUT_LONG,
	SE_LAYOUT_WIDE,
	SE_LAYOUT_EES,
	SE_LAYOUT_LAIT,
	SE_LAYOUT_FINGERTIPS
} se_extract_layout;
/* The layout of a header row, from the header alone. */
se_extract_layout se_extract_layout_sniff(const se_csv_field *header,
    size_t n);
/* "long", "wide", "EES tidy data", "LAIT long", "Fingertips export", or
 * "none". */
const char *se_extract_layout_name(se_extract_layout l);
/* The layout of a file's header, read quietly; SE_LAYOUT_NONE when it
 * cannot be read (and for "-", standard input, which is not read). */
se_extract_layout se_extract_layout_file(const char *path);
/* With no -i: the national catalogue shipped in the formats
 * directory (shared/catalogues/national.yaml) when one of the files
 * 'paths' is an EES, LAIT or Fingertips download, with one note naming
 * it (rule catalogue); NULL when none is, or it cannot be loaded (the
 * reason in 'd').  Free with se_catalogue_free(). */
se_catalogue *se_catalogue_national(const char *formats_dir,
    const char *const *paths, size_t n, se_diag *d);
/* The same for a file 'name' whose layout 'l' is known (from a header
 * read, as standard input's is); NULL for other layouts. */
se_catalogue *se_catalogue_national_for(const char *formats_dir,
    se_extract_layout l, const char *name, se_diag *d);
/* What an extract reader needs besides the file: the catalogue (EES
 * measure columns are found through it; NULL: none, and an EES file then
 * has no measures) and --where choices ("COLUMN=VALUE": rows whose
 * COLUMN holds VALUE, any case, instead of the column's total level).
 * The strings must outlive the reader. */
typedef struct se_extract_opts {
	const se_catalogue *cat;
	const char *const *where;
	size_t nwhere;
	/* With no 'cat': called once a header shows a published layout (EES,
	 * LAIT, Fingertips) for the catalogue to read it with, or NULL. */
	const se_catalogue *(*catalogue_for)(void *ctx, se_extract_layout l,
	    const char *name);
	void *catalogue_ctx;
} se_extract_opts;
/* Set before the first se_extract_feed ('o' is copied, its strings
 * kept).  A --where without '=' is an error (rule where) and returns -1. */
int se_extract_set_opts(se_extract *x, const se_extract_opts *o);
/* se_extract_read with options ('o' may be NULL). */
int se_extract_read_opts(const char *path, const se_extract_opts *o,
    se_row_fn fn, void *ctx, se_diag *d);

/* What a CSV holds, from its header (se-formats(5) CSV). */
typedef enum {
	SE_CSV_UNKNOWN,
	SE_CSV_EXTRACT,
	SE_CSV_PLAN,
	SE_CSV_NEIGHBOURS,
	SE_CSV_RATINGS, /* se-rag -F csv output */
	SE_CSV_AUTHORITIES, /* formats/shared/authorities.csv, or a copy */
	SE_CSV_COMMENT /* a '#' line before the header: read on */
} se_csv_kind;
se_csv_kind se_csv_sniff(const se_csv_field *header, size_t n);
/* se_csv_sniff on a file's records in turn: SE_CSV_COMMENT for a comment
 * line (read on), then the header's kind, which is SE_CSV_UNKNOWN after
 * comments unless it is the authorities table's. */
se_csv_kind se_csv_sniff_after(const se_csv_field *header, size_t n,
    bool *comments);

/* England by name ("England", any case) or code E92000001. */
bool se_is_england(const char *name, const char *code);
/* 1-9 for the nine English regions, by name (common variants, any case:
 * "Yorkshire and The Humber", "Yorkshire & Humber", "East", "Eastern",
 * "Inner London", ...) or code E12000001-E12000009; 0 otherwise. */
int se_region_code(const char *name_or_code);

/* ---- authorities (lib/authority.c) ------------------------------------ */

/* The English local authorities with children's services, one identity
 * each (formats/shared/authorities.csv, described in se-formats(5)):
 * found by any code an authority has had (ONS code, DfE three-digit
 * number, former codes) or by its name as publishers write it (case,
 * punctuation, '&', "St."/"Saint", "Bristol, City of" / "City of
 * Bristol", "Council", "UA" and "(Pre LG)" folded). */
typedef enum {
	SE_AUTHORITY_CURRENT, /* has children's services now */
	SE_AUTHORITY_FORMER,  /* abolished in a reorganisation */
	SE_AUTHORITY_REGION,
	SE_AUTHORITY_COUNTRY  /* England */
} se_authority_kind;

typedef struct se_authority {
	const char *name;              /* as shown */
	const char *ons_code, *dfe_number, *region; /* or NULL */
	se_authority_kind kind;
	const char **former;           /* codes it had before */
	size_t nformer;
	const char **names;            /* other names publishers use */
	size_t nnames;
	const char **became;           /* a former authority's successors */
	size_t nbecame;
	const char *ended;             /* the day it ended, or NULL */
	unsigned line;                 /* in the table */
} se_authority;

typedef struct se_authorities se_authorities;
/* Load a table.  Problems in it are diagnostics (csv-row, csv-value,
 * authority-duplicate); NULL when it cannot be read or is not a table.
 * Free with se_authorities_free(). */
se_authorities *se_authorities_load(const char *path, se_diag *d);
/* The table of a formats directory (se_formats_dir()), DIR
 * "/shared/authorities.csv", loaded once per run; NULL when 'formats_dir'
 * is NULL, or with a note (rule authorities) when it has none. */
se_authorities *se_authorities_of(const char *formats_dir, se_diag *d);
void se_authorities_free(se_authorities *a); /* NULL is a no-op */
size_t se_authorities_len(const se_authorities *a); /* 0 for NULL */
const se_authority *se_authorities_at(const se_authorities *a, size_t i);
const char *se_authorities_path(const se_authorities *a);
/* The entry with code 'code' (any case), named 'name', or either; SIZE_MAX
 * when none (or 'a' is NULL).  A current authority wins a name it shares
 * with a former one. */
size_t se_authorities_by_code(const se_authorities *a, const char *code);
size_t se_authorities_by_name(const se_authorities *a, const char *name);
size_t se_authorities_find(const se_authorities *a, const char *code_or_name);

/* ---- series store (lib/store.c) -------------------------------------- */

/* The values of one or more extracts: entity (authority, England or a
 * region) x indicator x period, built row by row.  Memory grows with
 * entities x indicators x periods, never with rows. */
typedef struct se_store se_store;

typedef enum {
	SE_ENTITY_AUTHORITY,
	SE_ENTITY_ENGLAND,
	SE_ENTITY_REGION
} se_entity_kind;

typedef enum {
	SE_CELL_ABSENT,     /* no row */
	SE_CELL_VALUE,
	SE_CELL_SUPPRESSED, /* a suppression marker: no value, never zero */
	SE_CELL_CONFLICT    /* rows disagree: neither value is used */
} se_cell_state;

typedef struct se_cell {
	se_cell_state state;
	double value;     /* when SE_CELL_VALUE */
	const char *flag; /* the marker when SE_CELL_SUPPRESSED, else NULL */
	const char *release; /* "final", "revised", "provisional" when the
	                        file said (se_release_name), else NULL */
	bool has_ci;      /* the value's 95% confidence limits are known */
	double ci_low, ci_high;
} se_cell;

/* A new empty store.  'cat' (may be NULL: every indicator is then
 * polarity none) must outlive it; problems go to 'diag'.  NULL when out
 * of memory.  Free with se_store_free(). */
se_store *se_store_new(const se_catalogue *cat, se_diag *diag);
void se_store_free(se_store *s); /* NULL is a no-op */
/* A new empty store for a command's extracts, set up the one way every
 * command reads them: rated with 'cat' (-i, or the catalogue found among
 * the inputs) or, when that is NULL and one of the 'paths' is an EES,
 * LAIT or Fingertips download, with the national catalogue
 * (se_catalogue_national, one note; for standard input, whose header is
 * read only with the data, when that header shows such a layout);
 * authorities matched through the
 * authorities table of 'formats_dir' (se_authorities_of, when n > 0); and
 * --where 'where' (the strings must outlive the store).  The store owns
 * what it loads.  NULL when out of memory.  Free with se_store_free(). */
se_store *se_store_open(const char *formats_dir, const se_catalogue *cat,
    const char *const *paths, size_t n, const char *const *where,
    size_t nwhere, se_diag *d);
/* The catalogue the store rates with (se_store_open's choice), or NULL. */
const se_catalogue *se_store_catalogue(const se_store *s);
/* Match authorities through 'a' (se_authorities_of(); may be NULL: by
 * the rows' own codes and names), which must outlive the store.  Call
 * before the first row.  0, or -1 when out of memory. */
int se_store_set_authorities(se_store *s, const se_authorities *a);
/* Fold one extract row in (an se_row_fn: 'store' is the se_store).
 * Conflicting duplicates are errors (rule duplicate).  Returns 0, or -1
 * when out of memory. */
int se_store_row(void *store, const se_row *r);
/* Read an extract file into the store (se_extract_read_opts with the
 * store's catalogue and --where).  0, or -1 when it could not be read. */
int se_store_read(se_store *s, const char *path);
/* The reader options of 's': its catalogue and --where; when se_store_open
 * found no catalogue, the national one for a published layout seen only
 * in the header (standard input). */
void se_store_extract_opts(se_store *s, se_extract_opts *o);
/* Read statistical neighbours: a CSV 'authority,neighbour,rank'; DfE's
 * groupings (a row per authority, 'LA num', 'LA Name', SN1..SN10 or
 * SN_1.. holding numbers or names, each followed by a closeness column);
 * or the square layout (a column per authority headed by its name, its
 * neighbours' names down it in rank order).  All matched as extract rows
 * are.  0, or -1 when it could not be read or is not a neighbours file. */
int se_store_read_neighbours(se_store *s, const char *path);
/* After the last row: tell comparators from authorities, resolve each
 * indicator's periods (se-rag(1); mixed granularity is an error, rule
 * mixed-periods, and the indicator is left unrated) and sort.  Call once;
 * the queries below need it.  0, or -1 when out of memory. */
int se_store_finish(se_store *s);

/* Entities, in name order by index 0 .. se_store_nentities() - 1. */
size_t se_store_nentities(const se_store *s);
const char *se_store_entity_name(const se_store *s, size_t e);
const char *se_store_entity_code(const se_store *s, size_t e); /* or NULL */
const char *se_store_entity_region(const se_store *s, size_t e); /* or NULL */
se_entity_kind se_store_entity_kind(const se_store *s, size_t e);
/* The entity of England, or of 'e''s region row; SIZE_MAX when none. */
size_t se_store_england(const se_store *s);
size_t se_store_region_row(const se_store *s, size_t e);
/* Whether 'a' and 'b' have the same region (both having one). */
bool se_store_same_region(const se_store *s, size_t a, size_t b);
/* The entity named 'name' or coded 'name' (compared as authorities are
 * matched), or SIZE_MAX. */
size_t se_store_entity_find(const se_store *s, const char *name);
/* 'e''s statistical neighbours (entities, best rank first). */
size_t se_store_neighbours(const se_store *s, size_t e, const size_t **list);
/* How close they are, as the neighbours file words it, counted: "3 very
 * close, 7 close"; NULL when the file has no closeness columns. */
const char *se_store_neighbours_closeness(const se_store *s, size_t e);

/* Indicators ("series"): catalogue order first, then unknown ones by
 * name.  The catalogue entry, or one made up (polarity none) for an
 * indicator the catalogue does not know. */
size_t se_store_nseries(const se_store *s);
const se_indicator *se_store_series_indicator(const se_store *s, size_t i);
/* False when the series could not be used (mixed periods). */
bool se_store_series_ok(const se_store *s, size_t i);
/* Periods of series 'i' in chronological order, and their canonical
 * text ("2018-19"). */
size_t se_store_nperiods(const se_store *s, size_t i);
const se_period *se_store_period(const se_store *s, size_t i, size_t p);
const char *se_store_period_text(const se_store *s, size_t i, size_t p);
/* The file period 'p' of series 'i' was first read from (a name as
 * given), or NULL. */
const char *se_store_column_file(const se_store *s, size_t i, size_t p);
/* The period of series 'i' whose text is 'text' (parsed and resolved
 * as the series is), or SIZE_MAX. */
size_t se_store_period_find(const se_store *s, size_t i, const char *text);
/* The cell of series 'i', period 'p', entity 'e'. */
se_cell se_store_cell(const se_store *s, size_t i, size_t p, size_t e);
/* Whether 'e' has any row (value, marker or conflict) in series 'i'. */
bool se_store_has_series(const se_store *s, size_t i, size_t e);

/* ---- rating a series store (lib/rate.c) ------------------------------ */

/* Rating a series store (se-rag(1) RATING RULES).  Options from the command line: */
typedef struct se_rate_opts {
	const char *period;   /* --period, or NULL: each indicator's latest */
	const char *previous; /* --previous, or NULL: the period before it */
	int compare;          /* --compare (SE_COMPARE_*), or -1: catalogue */
} se_rate_opts;

/* One authority's rating for one indicator. */
typedef struct se_rating {
	bool shown;             /* an authority with rows for the indicator */
	size_t period;          /* the period rated (store index) */
	size_t previous;        /* the previous period, or SIZE_MAX */
	const char *period_text, *previous_text; /* NULL when none */
	se_cell cur, prev;      /* the values there */
	bool has_change;
	double change;          /* cur - prev, when both have values */
	se_direction direction;
	unsigned rank, of;      /* rank among 'of' ranked authorities; 0 */
	unsigned rrank;         /* rank counted from the worst */
	char quartile;          /* 'A'..'D', or 0 */
	se_source source;       /* where the comparator came from */
	se_source wanted;       /* what the rule asked for (median stands in) */
	bool has_comparator;
	double comparator;
	const char *comparator_name; /* "England", the region's name, ... */
	size_t count;           /* values in a median or neighbours mean */
	const char *closeness;  /* a neighbours mean: how close the group is
	                           (se_store_neighbours_closeness), or NULL */
	se_rag rag;
	bool by_ci;             /* rated by the confidence interval
	                           (compare-by: confidence) */
} se_rating;

/* Rate series 'i' of a finished store for every entity: 'out' holds
 * se_store_nentities(s) ratings.  Returns 0; 1 when the series is not
 * rated (mixed periods, or --period not in it: then nothing is shown);
 * -1 when out of memory. */
int se_rate_series(const se_store *s, size_t i, const se_rate_opts *o,
    se_rating *out);
/* The one-line reason for 'r' (series 'i'), e.g. "24.1 vs England 21.9
 * (worse by 2.2, tolerance 1.0)", into 'buf' (n bytes); returns the
 * length it needs, like snprintf. */
size_t se_rating_reason(const se_store *s, size_t i, const se_rating *r,
    char *buf, size_t n);
/* 'v' rounded to 'precision' places ("%.*f", no "-0"), or the shortest
 * text that reads back as 'v' when 'precision' < 0. */
size_t se_number_format(double v, int precision, char *buf, size_t n);

/* Rendering ratings (lib/ragout.c): the table of se-rag(1),
 * its tartan-rug pivot and the exception report. */
typedef enum {
	SE_RAGOUT_TEXT,
	SE_RAGOUT_CSV,
	SE_RAGOUT_JSON,
	SE_RAGOUT_MARKDOWN,
	SE_RAGOUT_HTML
} se_ragout_format;
/* Parse "text", "csv", "json", "markdown", "html"; -1 if unknown. */
int se_ragout_format_parse(const char *name);
typedef enum { SE_BY_NONE, SE_BY_AUTHORITY, SE_BY_INDICATOR } se_ragout_by;
typedef struct se_ragout_opts {
	se_ragout_format format;
	bool color;                      /* ANSI colour in text */
	const char *const *authorities;  /* --authority (names or codes) */
	size_t nauthorities;
	se_ragout_by by;                 /* --by: the pivot */
	bool exceptions;                 /* --exceptions */
	double band;                     /* --band, percent (0: SE_BAND) */
	const struct se_formats *formats; /* area titles, or NULL (ids) */
	const struct se_comments *comments; /* --comments, or NULL */
	size_t width;                    /* text: fit this many columns (0: any) */
} se_ragout_opts;
/* Comments on cells of the rug (se-rag --comments FILE, se-formats(5)):
 * a CSV with the columns authority, indicator and comment (one line of
 * narrative for that authority's cell of that indicator), in any order,
 * other columns ignored.  Problems are diagnostics in 'd'; NULL when the
 * file cannot be read or has no such columns.  Free with
 * se_comments_free(). */
typedef struct se_comments se_comments;
se_comments *se_comments_read(const char *path, se_diag *d);
void se_comments_free(se_comments *c); /* NULL is a no-op */
size_t se_comments_len(const se_comments *c);
const char *se_comments_text(const se_comments *c, size_t k);
/* The entity and series comment 'k' is on in 's', or SIZE_MAX. */
size_t se_comments_entity(const se_comments *c, size_t k, const se_store *s);
size_t se_comments_series(const se_comments *c, size_t k, const se_store *s);
/* Warn (unknown-authority, unknown-indicator, at the comment's line)
 * about comments on no cell of 's'. */
void se_comments_check(const se_comments *c, const se_store *s, se_diag *d);
/* Rate every series of a finished store and write the result to 'out'.
 * Returns 0, or -1 when out of memory or writing failed. */
int se_ragout_render(const se_store *s, const se_rate_opts *ro,
    const se_ragout_opts *o, FILE *out);

/* Rating documents (lib/ragdoc.c): a summary's Signature of Success
 * (previous and current RAG, the direction computed), a self-assessment's
 * areas, a quality-standards dashboard (the combined ratings computed by
 * the format's rule beside the recorded ones, each standard's best
 * supported grade).  One table per document in 'fmt'.  A document of
 * another kind is an error in 'diag' (rule not-rated).  Returns 0, or -1
 * when out of memory. */
struct se_formats; /* lib/format.c, below */
int se_ragdoc_render(const struct se_formats *f, se_doc *const *docs,
    size_t ndocs, se_ragout_format fmt, FILE *out, se_diag *diag);

/* What se-rag runs with (se-rag(1)): its options. */
typedef struct se_rag_job {
	const se_cli *cli;      /* -o, --color, --formats, --where, the name */
	const char *argv0;      /* where the formats are (se_formats_dir) */
	const char *catalogue;  /* -i, or NULL */
	const char *neighbours; /* --neighbours, or NULL */
	const char *comments;   /* --comments, or NULL */
	se_rate_opts rate;      /* --period, --previous, --compare */
	se_ragout_opts out;     /* -F, --authority, --by, --exceptions, --band */
} se_rag_job;
/* Set up 'j' with se-rag's defaults: text, each indicator's comparator
 * and latest period, nothing but 'cli' (which must outlive it) and
 * 'argv0' given. */
void se_rag_job_init(se_rag_job *j, const se_cli *cli, const char *argv0);
/* Run se-rag on n operands (lib/rag_run.c): documents when the first is
 * one (se_ragdoc_render), else every extract and neighbours file they
 * hold read into one store (se_store_open), rated and drawn
 * (se_ragout_render) on -o's file or standard output.  Problems go to
 * 'd', for the caller to render (se_cli_finish).  Returns the exit
 * status. */
int se_rag_job_run(const se_rag_job *j, char *const *operands, size_t n,
    se_diag *d);

/* ---- hypotheses (lib/profile.c, lib/hypo.c, lib/hypoout.c) ----------- */

/* One indicator of the host authority's data profile, as rated
 * (se-rag(1)): from a series store or from se-rag -F csv output.  Strings
 * are owned by the profile. */
typedef struct se_fact {
	const se_indicator *ind;     /* the catalogue entry (or made up) */
	const char *period;          /* the period rated, or NULL */
	const char *previous_period; /* or NULL */
	bool has_value, has_previous;
	double value, previous;
	se_direction direction;
	se_rag rag;
	char quartile;               /* 'A'..'D', or 0 */
	unsigned rank, of;
	bool has_comparator;
	double comparator;
	const char *comparator_name; /* "England", "neighbours", ... or NULL */
	se_source source;
	bool has_england;
	double england;              /* England's value in the same period */
	unsigned run;                /* periods in a row each worse than the
	                                one before, ending at the latest */
	const char *run_from;        /* the period the run starts from */
	double run_start;            /* and the value there */
} se_fact;

/* The host authority's rated indicators, in catalogue order. */
typedef struct se_profile se_profile;
/* A new empty profile; 'cat' (may be NULL) must outlive it.  NULL when
 * out of memory.  Free with se_profile_free(). */
se_profile *se_profile_new(const se_catalogue *cat);
void se_profile_free(se_profile *p); /* NULL is a no-op */
/* Rate every series of a finished store for 'authority' (its name or
 * code) and add them; an indicator already in the profile is replaced.
 * Returns 0 (nothing added when the store does not know the authority),
 * or -1 when out of memory. */
int se_profile_add_store(se_profile *p, const se_store *s,
    const se_rate_opts *o, const char *authority);
/* Read 'authority''s rows of a se-rag -F csv file.  Rows it cannot use
 * are reported (csv-row, csv-value).  0, or -1 when it could not be read
 * or is not se-rag output. */
int se_profile_read_ratings(se_profile *p, const char *path,
    const char *authority, se_diag *d);
size_t se_profile_len(const se_profile *p);
const se_fact *se_profile_at(const se_profile *p, size_t i);
/* The fact for indicator 'id' (compared case-insensitively), or NULL. */
const se_fact *se_profile_find(const se_profile *p, const char *id);

/* What a --data file holds, from its header: an extract, statistical
 * neighbours or se-rag -F csv output (se-formats(5) CSV).  SE_CSV_UNKNOWN,
 * reported (csv-header), when it is none of them or cannot be read. */
se_csv_kind se_csv_sniff_file(const char *path, se_diag *d);
/* What a CSV file holds, from its header, plans included (lib/sniff.c);
 * SE_CSV_UNKNOWN when none, or when it cannot be read (said in 'd'). */
se_csv_kind se_csv_kind_of_file(const char *path, se_diag *d);

/* The six candidate rules of se-hypothesise(1) RULES. */
typedef enum {
	SE_HYPO_GAP,        /* self-awareness gap */
	SE_HYPO_KLOE,       /* key line of enquiry */
	SE_HYPO_BLIND_SPOT, /* red and declining, not named anywhere */
	SE_HYPO_WEAKNESS,   /* weakness without movement */
	SE_HYPO_UNDER,      /* under-claiming */
	SE_HYPO_CLAIM       /* claim contradicted by data */
} se_hypo_rule;
/* "self-awareness-gap", "key-line-of-enquiry", "blind-spot",
 * "weakness-without-movement", "under-claiming", "claim-vs-data". */
const char *se_hypo_rule_name(se_hypo_rule r);

/* What the rules read.  Everything but 'sa' may be NULL or empty. */
typedef struct se_hypo_input {
	const se_doc *sa;                 /* the self-assessment */
	const se_doc *const *sev;         /* self-evaluations (claims) */
	size_t nsev;
	const se_catalogue *cat;
	const se_profile *profile;        /* the host's rated data */
	const struct se_formats *formats; /* area titles and order, scale */
} se_hypo_input;

/* A hypothesis: one rule's candidate, or (after ranking, se_hypos_propose) the
 * candidates of one area merged.  Read-only; owned by its se_hypos. */
typedef struct se_hypo {
	se_hypo_rule rule;          /* the rule of the leading candidate */
	int score;
	const char *id;             /* "H1".. once ranked, else NULL */
	const char *area;           /* a framework area id, or NULL */
	size_t area_order;          /* its place in the framework; SIZE_MAX */
	const char *theme;          /* short label for the workbook */
	const char *text;           /* the hypothesis, one sentence or two */
	const char *rationale;      /* why, in facts, plain English */
	const se_fact **facts;      /* the indicators behind it */
	size_t nfacts;
	se_pos *lines;              /* the self-assessment lines it rests on */
	size_t nlines;
	bool linked_data, linked_self_assessment;
	bool investigate;           /* within the top N once ranked */
	const char *aside;          /* the short form, said when merged into
	                               another rule's hypothesis */
	const struct se_hypo **parts; /* the merged candidates, lead first */
	size_t nparts;
} se_hypo;

/* A set of candidates and, once ranked, hypotheses. */
typedef struct se_hypos se_hypos;
/* An empty set over 'in' (which must outlive it).  NULL when out of
 * memory.  Free with se_hypos_free(). */
se_hypos *se_hypos_new(const se_hypo_input *in);
void se_hypos_free(se_hypos *h); /* NULL is a no-op */
/* The rules, one function each: add their scored candidates.  Each
 * returns 0, or -1 when out of memory. */
int se_hypo_find_gaps(se_hypos *h);
int se_hypo_find_kloes(se_hypos *h);
int se_hypo_find_blind_spots(se_hypos *h);
int se_hypo_find_weaknesses(se_hypos *h);
int se_hypo_find_under_claims(se_hypos *h);
int se_hypo_find_claims(se_hypos *h);
/* All six rules and the ranking: the candidates of each area merged (a
 * key line of enquiry keeps its own hypothesis), ordered by score, then
 * framework area order, then indicator id, numbered H1.., and the first
 * 'investigate' (1..3; 0: SE_INVESTIGATE) marked to investigate.  NULL
 * when out of memory. */
se_hypos *se_hypos_propose(const se_hypo_input *in, size_t investigate);
size_t se_hypos_ncandidates(const se_hypos *h);
const se_hypo *se_hypos_candidate(const se_hypos *h, size_t i);
size_t se_hypos_len(const se_hypos *h); /* ranked hypotheses */
const se_hypo *se_hypos_at(const se_hypos *h, size_t i);
const se_hypo_input *se_hypos_input(const se_hypos *h);

/* Rendering (lib/hypoout.c): the draft review workbook (YAML, kind:
 * review, stage: draft), or the same as Markdown, text or JSON. */
typedef enum {
	SE_HYPOOUT_YAML,
	SE_HYPOOUT_MARKDOWN,
	SE_HYPOOUT_TEXT,
	SE_HYPOOUT_JSON
} se_hypoout_format;
/* Parse "yaml", "markdown", "text", "json"; -1 if unknown. */
int se_hypoout_format_parse(const char *name);
typedef struct se_hypoout_opts {
	se_hypoout_format format;
	const char *lead;      /* --lead NAME, or NULL */
} se_hypoout_opts;
/* Write the ranked hypotheses of 'h' to 'out'.  0, or -1 when writing
 * failed. */
int se_hypoout_render(const se_hypos *h, const se_hypoout_opts *o,
    FILE *out);

/* se-hypothesise(1) from its operands to its output (lib/hypo_run.c):
 * what it is given. */
typedef struct se_hypothesise_opts {
	const se_cli *cli;        /* -o, --formats, --where */
	const char *argv0;        /* the command, for se_formats_dir() */
	const char *catalogue;    /* -i, or NULL */
	const char *const *data;  /* --data, in order */
	size_t ndata;
	size_t investigate;       /* -n; 0: SE_INVESTIGATE */
	bool no_check;            /* --no-check */
	se_hypoout_opts out;      /* -F (0: the workbook, YAML), --lead */
} se_hypothesise_opts;
/* The self-assessment and the self-evaluations among the 'n' operands
 * (another document named is an error), checked; the data among them and
 * in --data, each file by what its header says, rated for the
 * self-assessment's authority; the hypotheses proposed and written to -o
 * or standard output.  Returns the exit status (SE_EXIT_*); the problems
 * are in 'd'. */
int se_hypothesise_run(const se_hypothesise_opts *o, char *const *operands,
    size_t n, se_diag *d);

/* ---- claims of movement against the data (lib/claims.c) --------------- */

/* A sentence citing an indicator (an indicator:ID link, or the
 * indicator's title or alias) with a claim of movement or comparison
 * ("improved", "reduced", "above the national average", ...) that the
 * rated data contradicts.  Strings live as long as the se_claims. */
typedef struct se_claim {
	const se_fact *fact;   /* the indicator and its figures */
	const char *word;      /* the claim, as the table spells it */
	const char *sentence;  /* the sentence, whitespace folded */
	const char *area;      /* the area or section id it sits under, or
	                          NULL */
	se_pos pos;            /* where the sentence starts */
	const char *message;   /* "the text says 'reduced' but ..." */
} se_claim;
typedef struct se_claims se_claims;
/* Every contradicted claim in 'doc' (YAML text fields and Markdown
 * sections), checked against 'profile' ('cat' finds titles; may be
 * NULL).  NULL when out of memory.  Free with se_claims_free(). */
se_claims *se_claims_find(const se_doc *doc, const se_catalogue *cat,
    const se_profile *profile);
void se_claims_free(se_claims *c); /* NULL is a no-op */
size_t se_claims_len(const se_claims *c);
const se_claim *se_claims_at(const se_claims *c, size_t i);
/* For se-validate --data: rate 'data' (a finished store) for the
 * document's `authority:` and warn (rule claim-vs-data) at each
 * contradicted claim's sentence.  Returns 0, or -1 when out of memory. */
int se_claims_check(const se_doc *doc, const se_catalogue *cat,
    const se_store *data, se_diag *diag);

/* ---- input checks (lib/utf8.c) ---------------------------------------- */

/* Check that 'buf' is UTF-8 without NUL bytes; report the first fault
 * with its line and column and return -1.  A leading BOM is allowed.
 * Rules: "encoding" (invalid byte; a UTF-16 BOM, with no position) and
 * "binary" (a NUL byte).  Lines end at LF, CR LF or a lone CR. */
int se_utf8_check(const char *file, const char *buf, size_t len,
    se_diag *diag);
/* The 1-based column of 'at' in the line starting at 'line_start',
 * counted in characters (Unicode code points), not bytes. */
unsigned se_utf8_column(const char *line_start, const char *at);

/* ---- dates and working days (lib/workdays.c) -------------------------- */

/* Parse a calendar date written YYYY-MM-DD (exactly; the day must exist)
 * into a day number, days since 1970-01-01.  Returns false when 's' is not
 * such a date. */
bool se_ymd_parse(const char *s, size_t len, long *day);
/* Write 'day' as YYYY-MM-DD into 'buf' (11 bytes with the NUL). */
void se_ymd_format(long day, char buf[11]);
/* The day of the week: 0 Monday .. 6 Sunday. */
int se_ymd_weekday(long day);

/* A calendar of working days: Monday to Friday, less bank holidays. */
typedef struct se_workdays se_workdays;
/* A calendar with no holidays yet; NULL when out of memory.  Free with
 * se_workdays_free(). */
se_workdays *se_workdays_new(void);
void se_workdays_free(se_workdays *w); /* NULL is a no-op */
/* Add a bank holiday.  Returns 0, or -1 when out of memory. */
int se_workdays_add_holiday(se_workdays *w, long day);
/* Whether 'day' is a working day (a NULL calendar has no holidays). */
bool se_workdays_is_working(const se_workdays *w, long day);
/* The n-th working day after 'from' ('from' itself never counts; n 0 is
 * 'from'). */
long se_workdays_after(const se_workdays *w, long from, unsigned n);
/* How many working days there are after 'from' up to and including 'to'
 * (0 when 'to' <= 'from'). */
long se_workdays_between(const se_workdays *w, long from, long to);

/* ---- dates (lib/date.c) ----------------------------------------------- */

/* Read a date as people type it in a plan (se-plan(1) Dates), surrounding
 * spaces ignored: 2019-03-31; 31/03/2019 (day/month, UK); 31 March 2019;
 * "March 2019" and "end of March 2019" (the month's last day; month
 * names in full or three letters, any case); 2019-03 (the same);
 * "Q4 2018-19" (a financial-year quarter, April to March: Q1 ends 30
 * June 2018, Q4 31 March 2019); 2018-19 (the financial year's last day,
 * 31 March 2019); "2018-19 Q4" the same; a school term of an academic
 * year ("Summer term 2013" 31 August 2013, "Autumn term 2012" 31
 * December 2012, "Spring term 2013" 31 March 2013; "Spring term 2012/13"
 * 31 March 2013); a bare year (its 31 December).  Sets '*day' (days since
 * 1970-01-01) and returns 0, or -1 when 's' is none of these or names a
 * day that does not exist. */
int se_date_parse(const char *s, size_t len, long *day);
/* The same, reporting what cannot be read at 'pos' (rule bad-date, as an
 * error) and returning -1. */
int se_date_read(const char *s, size_t len, const se_pos *pos, long *day,
    se_diag *diag);
/* The forms se_date_parse reads, as examples for messages ("2019-03-31,
 * 31/03/2019, ... or 2019"; a static string). */
const char *se_date_forms(void);
/* Today's date in local time, as a day number. */
long se_date_today(void);
/* The same day one calendar month before 'day' (the month's last day
 * when it has no such day: 31 March -> 28 or 29 February). */
long se_date_month_before(long day);

/* ---- plans (lib/plan.c, lib/plandiff.c, lib/planout.c) ---------------- */

/* Status as recorded (se-plan(1) States). */
typedef enum {
	SE_STATUS_NONE, /* not recorded: counts as not started */
	SE_STATUS_NOT_STARTED,
	SE_STATUS_IN_PROGRESS,
	SE_STATUS_AT_RISK,
	SE_STATUS_COMPLETE,
	SE_STATUS_DROPPED
} se_status;
/* Read one of the five status names ("not-started", "in progress", ...)
 * ignoring case, spaces and punctuation; -1 when it is none.  A plan's
 * own words ("Done", "Amber", ...) are the aliases of
 * formats/shared/plan.yaml, read by the plan reader. */
int se_status_parse(const char *s, size_t len);
/* "not-started", "in-progress", ... ("" for NONE). */
const char *se_status_name(se_status s);

/* State as of a date, in the order reports list them.  Precedence when
 * an action is assessed: complete, dropped, unknown (a date or status
 * that cannot be read, or no timescale), overdue, at risk, ongoing (a
 * recurring timescale), on track. */
typedef enum {
	SE_STATE_OVERDUE,
	SE_STATE_AT_RISK,
	SE_STATE_UNKNOWN,
	SE_STATE_ONGOING,
	SE_STATE_ON_TRACK,
	SE_STATE_COMPLETE,
	SE_STATE_DROPPED
} se_state;
#define SE_NSTATES 7
/* "overdue", "at risk", "unknown", "ongoing", "on track", "complete",
 * "dropped". */
const char *se_state_name(se_state s);
/* Read a state or a status name (for --status); -1 when neither. */
int se_state_parse(const char *s);

/* The result of checking an action's measurable impact against data. */
typedef enum {
	SE_IMPACT_UNCHECKED, /* no data given */
	SE_IMPACT_MET,
	SE_IMPACT_MISSED,
	SE_IMPACT_ON_TRAJECTORY,
	SE_IMPACT_OFF_TRAJECTORY,
	SE_IMPACT_NOT_YET,
	SE_IMPACT_NOT_MEASURABLE
} se_impact;
/* "met", "missed", "on-trajectory", "off-trajectory", "not-yet",
 * "not-measurable" ("" for UNCHECKED). */
const char *se_impact_name(se_impact i);

/* A dated progress note ("2019-06-28: note"); day -1 when undated. */
typedef struct se_note {
	long day;
	const char *text;
	se_pos pos;
} se_note;

/* What an action lacks (se-plan --check). */
enum { SE_LACKS_OWNER = 1, SE_LACKS_DUE = 2, SE_LACKS_IMPACT = 4 };

/* One action of a plan.  Strings live in the plan's arena; empty fields
 * are "" (never NULL), numbers have a has_ flag. */
typedef struct se_action {
	const char *id, *authority, *priority, *regional_priority, *action;
	const char *owner, *due_text, *evidence, *impact, *theme;
	const char *recommendation;   /* "R1", or "" */
	const char *success_criteria;
	bool has_due;
	long due;                 /* day number */
	bool recurring;           /* "Ongoing", "Termly", ...: never overdue */
	bool due_unread;          /* a timescale given that cannot be read */
	se_status status;
	bool status_unread;       /* a status given that cannot be read */
	const char *status_text;  /* the status as written, or "" */
	const char *rag;          /* the council's RAG word ("amber"), or "" */
	/* A CSV row's cells as read, in the file's column order (for -F
	 * csv); NULL for an action from YAML. */
	const char *const *cells;
	size_t ncells;
	unsigned row;             /* the spreadsheet's row (header row 1) */
	const char *indicator;    /* the measure: "" when none */
	bool has_baseline, has_target, has_by;
	double baseline, target;
	const char *baseline_period;
	long by;
	se_note *notes;
	size_t nnotes;
	se_pos pos;               /* where the action starts (row or item) */
	se_pos due_pos;
	/* Set by se_plan_assess(): */
	se_state state;
	long days_overdue;        /* > 0 when overdue */
	long last_note;           /* latest dated note, or -1 */
	bool stale;
	unsigned lacks;           /* SE_LACKS_* */
	se_impact result;
	const char *result_reason; /* "latest 24.1 (2019-20) against ..." */
	/* Keys of a YAML action no command reads and their values as YAML
	 * flow text, kept for -F yaml. */
	const char *const *extra_keys, *const *extra_values;
	size_t nextra;
} se_action;

/* A recommendation that groups actions (a Recommendation column, or
 * 'recommendations:' in YAML). */
typedef enum {
	SE_REC_IN_PROGRESS,
	SE_REC_MET,      /* every action complete and the impact met */
	SE_REC_NOT_MET   /* its last due date passed with actions undone */
} se_rec_state;
/* "in progress", "met", "not met". */
const char *se_rec_state_name(se_rec_state s);
typedef struct se_recommendation {
	const char *id, *text, *impact, *way_forward;
	se_pos pos;
	/* Set by se_plan_assess(): */
	se_rec_state state;
	size_t nactions, ncomplete, ndropped;
	bool has_last_due;
	long last_due;
} se_recommendation;

/* A plan: the actions of one or more plan files (several authorities'
 * plans make a regional plan). */
typedef struct se_plan se_plan;
/* An empty plan; NULL when out of memory.  Free with se_plan_free(). */
se_plan *se_plan_new(void);
void se_plan_free(se_plan *p); /* NULL is a no-op */
/* Add the actions of a plan file: a YAML document of kind plan, or a CSV
 * whose header says it is a plan (se-formats(5) CSV); "-" is standard input;
 * a directory is walked (se_walk) and the plans in it read, other files
 * skipped silently.
 * Problems (bad-date, bad-status, bad-progress, plan-field, csv-header)
 * go to 'diag' and the rest is read.  Returns 0, or -1 when it could not
 * be read or is not a plan (the reason in 'diag'). */
int se_plan_load(se_plan *p, const char *path, se_diag *diag);
/* The same from a loaded document. */
int se_plan_add_doc(se_plan *p, const se_doc *doc, se_diag *diag);
/* The same from CSV bytes; 'name' is used in positions. */
int se_plan_add_csv(se_plan *p, const char *name, const char *buf,
    size_t len, se_diag *diag);
size_t se_plan_len(const se_plan *p);
const se_action *se_plan_get(const se_plan *p, size_t i);
/* The authorities the actions come from, in order of first appearance. */
size_t se_plan_nauthorities(const se_plan *p);
const char *se_plan_authority(const se_plan *p, size_t i);
/* The plan's title (of the first file that has one), or "". */
const char *se_plan_title(const se_plan *p);
typedef struct se_formats se_formats; /* (lib/format.c, below) */
/* Read the plan's columns, statuses and timescales from the shared plan
 * format of 'f' (formats/shared/plan.yaml), before anything is added.
 * Returns 0, or -1 with the reason in 'diag' when 'f' has no plan
 * format. */
int se_plan_use(se_plan *p, const se_formats *f, se_diag *diag);
/* The recommendations, in order of first appearance (assessed with the
 * plan). */
size_t se_plan_nrecs(const se_plan *p);
const se_recommendation *se_plan_rec(const se_plan *p, size_t i);
/* The heading cells of the CSV every action came from, when they all
 * came from CSVs with the same header (NULL otherwise). */
const char *const *se_plan_csv_header(const se_plan *p, size_t *n);

/* What states are computed with. */
typedef struct se_assess {
	long as_of;            /* day number */
	long stale_days;       /* 0: SE_STALE_DAYS */
	const se_store *data;  /* finished extracts, or NULL: no impact check */
} se_assess;
/* Set every action's state, days overdue, staleness, what it lacks and,
 * with data, its impact result (se-plan(1) Impact).  Returns 0, or -1 when
 * out of memory. */
int se_plan_assess(se_plan *p, const se_assess *a);
/* The state of one action as of 'as_of' (se-plan(1) States). */
se_state se_action_state(const se_action *a, long as_of);
/* Check one action's measure against 'data' for 'authority' as of
 * 'as_of'; '*reason' (may be NULL) gets a sentence in 'p''s arena. */
se_impact se_action_impact(se_plan *p, const se_action *a,
    const se_store *data, long as_of, const char **reason);
/* For --check: an error at each overdue action (rule overdue) and each
 * action that lacks an owner, a date or an impact (rule incomplete).
 * Returns how many actions failed. */
size_t se_plan_check(const se_plan *p, se_diag *diag);

/* Draft actions from a self-evaluation's improvement priorities or a
 * review workbook's agreed actions (--from): owners and dates empty,
 * each with 'pos' at the line it came from.  A document of another kind
 * is an error (rule not-draftable).  Returns 0, or -1 when out of memory
 * or the document is not draftable. */
int se_plan_draft(se_plan *p, const se_doc *doc, se_diag *diag);

/* What changed between two versions of a plan (se-plan(1) Changes). */
typedef enum {
	SE_CHANGE_NEW,
	SE_CHANGE_COMPLETED,
	SE_CHANGE_SLIPPED,
	SE_CHANGE_DROPPED,
	SE_CHANGE_OWNER,
	SE_CHANGE_STARTED,
	SE_CHANGE_AT_RISK,
	SE_CHANGE_OVERDUE,
	SE_CHANGE_DATE
} se_change_kind;
/* "new", "completed", "slipped", "dropped", "owner changed", "started",
 * "newly at risk", "newly overdue", "date changed". */
const char *se_change_name(se_change_kind k);
typedef struct se_change {
	se_change_kind kind;
	const se_action *old, *now; /* either may be NULL (new, dropped) */
} se_change;
typedef struct se_plandiff se_plandiff;
/* Match the actions of 'old' and 'now' (by id when both have one, else
 * by action text within the same priority, case, spaces and punctuation
 * ignored) and list the changes: completed, slipped, new, dropped, owner
 * changed, started, newly at risk, newly overdue and date changed (a
 * timescale changed otherwise than later), each in the new plan's order
 * (removed actions last).  States are compared as each plan was
 * assessed: assess 'old' as of its own date first.  Both plans must outlive the result.  NULL when out of memory;
 * free with se_plandiff_free(). */
se_plandiff *se_plan_diff(const se_plan *old, const se_plan *now);
void se_plandiff_free(se_plandiff *d); /* NULL is a no-op */
size_t se_plandiff_len(const se_plandiff *d);
const se_change *se_plandiff_at(const se_plandiff *d, size_t i);

/* Rendering (lib/planout.c). */
typedef enum {
	SE_PLANOUT_TEXT,
	SE_PLANOUT_CSV,
	SE_PLANOUT_MARKDOWN,
	SE_PLANOUT_HTML,
	SE_PLANOUT_JSON,
	SE_PLANOUT_YAML
} se_planout_format;
/* Parse "text", "csv", "markdown", "html", "json", "yaml"; -1 if unknown. */
int se_planout_format_parse(const char *name);
typedef enum {
	SE_GROUP_NONE,
	SE_GROUP_PRIORITY,
	SE_GROUP_OWNER,
	SE_GROUP_THEME,
	SE_GROUP_REGIONAL, /* the regional plan: by regional priority */
	SE_GROUP_RECOMMENDATION
} se_group;
/* Parse "priority", "owner", "theme", "regional", "recommendation"; -1
 * if unknown. */
int se_group_parse(const char *name);
typedef struct se_planout_opts {
	se_planout_format format;
	se_group group;
	long as_of;
	long stale_days;
	bool color;               /* ANSI colour in text */
	bool checked;             /* impact results were computed (--data) */
	const char *owner;        /* --owner: words of the owner, any case */
	int state;                /* --status: SE_STATE_*, or -1 */
	int status;               /* --status given as a status, or -1 */
	bool overdue;             /* --overdue */
	bool draft;               /* a --from draft: the plan as YAML/CSV */
	const se_plandiff *diff;  /* --since, or NULL */
} se_planout_opts;
/* Write the assessed plan (and the changes, with a diff) to 'out'.
 * Returns 0, or -1 when out of memory or writing failed. */
int se_planout_render(const se_plan *p, const se_planout_opts *o,
    FILE *out);
/* --status S: a state (se_state_parse) sets o->state, else a status
 * (se_status_parse) o->status.  0, or -1 when 'name' is neither. */
int se_planout_status_parse(se_planout_opts *o, const char *name);

/* ---- the regional programme (lib/programme*.c, lib/calendar.c) -------- */

/* A region's peer challenge programme (kind: programme, se-formats(5);
 * the handbook's calendar and MoU, the RIA framework's timetable): authorities with
 * their DCS and safeguarding lead, the cycle, team reviews (host,
 * quarter or dates, lead DCS and QA DCS by authority, team), safeguarding
 * assurance visits (host, two-month slot or dates, visiting authority)
 * and dated milestones. */
typedef struct se_programme se_programme;

/* Read a programme document.  'format' is the programme format's tree
 * (se_format_node()), whose `rules:` say which rules run and with what
 * parameters; NULL runs every rule with the defaults (visits 12 to 18
 * months apart, 2 a cycle).  A programme's own `rules:` may change the
 * parameters.  What cannot be read is reported (rules programme-field,
 * programme-authority, programme-when, programme-cycle, programme-rule)
 * and left out.  NULL when 'doc' has no fields or out of memory.  Free
 * with se_programme_free(). */
se_programme *se_programme_from_doc(const se_doc *doc, const se_node *format,
    se_diag *d);
void se_programme_free(se_programme *p); /* NULL is a no-op */

/* Check the handbook's rules, each an error at its place: host-one-review,
 * dcs-leads-one, dcs-qa-one, not-own-authority, one-role-per-review,
 * visit-spacing, visit-next-cycle (the handbook's asterisk),
 * one-event-per-slot, accredited.  Returns 0, or -1 when out of memory. */
int se_programme_check_model(const se_programme *p, se_diag *d);
/* Check the timetable's deadlines alone, each an error at the date of
 * the milestone that misses it, with the rule id the format gives it
 * (the format's `rules:` with a `step:`; none without a format);
 * se_programme_check_model() checks them too.  Returns 0, or -1 when out
 * of memory. */
int se_programme_check_timetable(const se_programme *p, se_diag *d);
/* Read and check 'doc' (se_programme_from_doc + se_programme_check_model)
 * with the format's rules, or with every rule's defaults. */
int se_programme_check_with(const se_doc *doc, const se_node *format,
    se_diag *d);
int se_programme_check(const se_doc *doc, se_diag *d);

/* Draft a programme for the authorities 'authorities' lists (a YAML
 * document whose `authorities:` are names or {name, dcs,
 * safeguarding_lead}; a programme will do) over 'cycle' ("2012-2014":
 * January of the first year to December of the last), keeping the rules
 * of 'format' (NULL: the defaults).  Deterministic.  Writes the
 * programme as YAML to 'out' and returns 0; returns 1 when no programme
 * can keep the rules (too few authorities, too short a cycle: the reason
 * in 'd', rule programme-draft); -1 when out of memory or writing failed. */
int se_programme_draft(const se_doc *authorities, const char *cycle,
    const se_node *format, FILE *out, se_diag *d);

/* The state of an event or milestone as of a date, as an action's: */
typedef enum {
	SE_PROG_OVERDUE,  /* its last day has passed, not complete */
	SE_PROG_UPCOMING, /* starts within 28 days, or under way */
	SE_PROG_ON_TRACK, /* later */
	SE_PROG_COMPLETE  /* its workbook or letter exists; a milestone
	                     marked status: complete */
} se_prog_state;
/* "overdue", "upcoming", "on track", "complete". */
const char *se_prog_state_name(se_prog_state s);

/* One plan row of a programme (se-plan --programme). */
typedef struct se_programme_row {
	const char *what, *who; /* live as long as the programme */
	long start, due;        /* day numbers: first and last day */
	se_prog_state state;
	const char *evidence;   /* the path of the workbook that completes
	                           it (a docs[] path), or NULL */
	se_pos pos;             /* the event or milestone in the programme */
} se_programme_row;
/* The programme's events and milestones as rows, by due date, with
 * their states as of 'as_of'.  An event is complete when one of 'docs'
 * is its review workbook (kind review of the same type, authority the
 * host, dates.start within the event's quarter, slot or dates) that is
 * final or has its letter sent.  '*rows' is freed with free().  Returns
 * 0, or -1 when out of memory. */
int se_programme_rows(const se_programme *p, const se_doc *const *docs,
    size_t ndocs, long as_of, se_programme_row **rows, size_t *nrows);

/* The three grids of the handbook (se-report -t calendar): team reviews by
 * quarter (cell "HOST, LDCS X, QA Y"), safeguarding assurance visits by
 * two-month slot ("SAV"; a row marked '*' when its next visit is in the
 * next cycle), and each authority's involvement by quarter ("HOST",
 * "LDCS for X", "QA for X", "SAV"); and the timetable. */
typedef struct se_calendar_grid {
	const char *title;
	size_t nrows, ncols;
	const char **rows;  /* authorities */
	const char **cols;  /* "Jan-Mar 2012", "Jan-Feb 2012" */
	const char **cells; /* nrows * ncols, by row; "" when empty */
	const char *note;   /* a footnote, or NULL */
} se_calendar_grid;
typedef struct se_calendar_item {
	long start, due;
	const char *date, *what, *who; /* date: "2018-09-24" or "Jan 2019" */
} se_calendar_item;
typedef struct se_calendar {
	const char *title;
	se_calendar_grid grids[3];
	const se_calendar_item *items; /* the timetable, as written */
	size_t nitems;
	struct se_arena *arena;
} se_calendar;
/* The calendar of 'p'; its strings may point into 'p', so free the
 * calendar before the programme.
 * NULL when out of memory.  Free with se_calendar_free(). */
se_calendar *se_programme_calendar(const se_programme *p);
void se_calendar_free(se_calendar *c); /* NULL is a no-op */
/* The calendar of the first programme among 'in->docs' as a report
 * (se-report -t calendar): a section and table per grid, then the
 * timetable as a list; the format's rules from 'in->formats' when given.
 * NULL when there is no programme (rule no-programme) or out of memory.
 * Free with se_report_free(). */
struct se_report;
struct se_report_input;
struct se_report *se_report_calendar(const struct se_report_input *in,
    se_diag *d);

/* se-plan --programme FILE [--as-of DATE] [OPERAND]...: the programme at
 * 'path' as plan rows as of 'as_of', completed by the review workbooks
 * found under 'operands' (files or directories), written in 'fmt' (an
 * se_planout_format: text, markdown and html as a table, csv, json,
 * yaml).  With 'formats', the programme's format gives the rules'
 * parameters and its timetable's deadlines are checked
 * (se_programme_check_timetable), a missed one an error in 'd'.
 * Returns 0; 1 when a row is overdue; 2 when a workbook could not be
 * read or parsed (reported; the rows are written without it); -1 when
 * the programme could not be read (the reason in 'd'). */
int se_programme_plan(const char *path, const char *const *operands,
    size_t noperands, long as_of, int fmt, const se_formats *formats,
    FILE *out, se_diag *d);
/* se-plan --draft-programme --authorities FILE --cycle Y1-Y2: load FILE
 * and se_programme_draft() it with the default rules.  Returns as
 * se_programme_draft(); -1 also when FILE cannot be loaded. */
int se_programme_draft_file(const char *authorities, const char *cycle,
    FILE *out, se_diag *d);

/* ---- se-plan's run (lib/plan_job.c) ------------------------------------ */

/* What se-plan(1) is asked to do, filled from its options. */
typedef struct se_plan_job {
	se_cli cli;                 /* -F, -o, --color, --formats, --where */
	const char *argv0;          /* for se_formats_dir() */
	se_planout_opts out;        /* filters, grouping, format, --stale */
	bool as_of_given;           /* out.as_of is --as-of; else today */
	bool since_as_of_given;     /* else one month before --as-of */
	long since_as_of;
	const char *catalogue;      /* -i, or NULL */
	const char *since;          /* --since OLD-PLAN, or NULL */
	const char **data;          /* --data, by se_cli_add() */
	size_t ndata;
	bool check;                 /* --check */
	bool from;                  /* --from: draft from documents */
	bool no_check;              /* --no-check */
	const char *programme;      /* --programme FILE, or NULL */
	bool draft_programme;       /* --draft-programme */
	const char *authorities, *cycle;
} se_plan_job;
/* Set up 'j' for the command run as 'argv0' with 'usage' (se_cli_init):
 * no filters (state and status -1), the rest empty. */
void se_plan_job_init(se_plan_job *j, const char *argv0, const char *usage);
/* Free the --data list se_cli_add() made; 'j' may be set up again. */
void se_plan_job_release(se_plan_job *j);
/* Set out.format from -F: text by default, yaml with --from (which
 * writes yaml or csv only).  0, or -1 when -F names no format the job
 * writes. */
int se_plan_job_format(se_plan_job *j);
/* Run the job on the n 'operands' (plans; with --from, documents; with
 * --programme, workbooks), problems in 'd': the plans' states written,
 * each checked first as se-validate does unless --no-check (se-plan(1)).
 * Returns the exit status: SE_EXIT_OK, SE_EXIT_PROBLEMS (errors in the
 * input; with --check, an overdue or incomplete action) or
 * SE_EXIT_FAILURE (the job could not be done, the reason in 'd'). */
int se_plan_job_run(const se_plan_job *j, char *const *operands, size_t n,
    se_diag *d);

/* ---- scales (lib/scale.c) --------------------------------------------- */

/* A rating scale: levels ordered worst to best, each with an id, a label,
 * aliases and, optionally, the number this scale's documents use for it.
 * A number is only ever read through the scale a field names. */
typedef struct se_scale se_scale;

/* Build a scale from one entry of scales.yaml ({id, title, levels}).
 * Problems go to 'diag'; NULL when it cannot be used.  Free with
 * se_scale_free(). */
se_scale *se_scale_from_node(const se_node *n, se_diag *diag);
void se_scale_free(se_scale *s); /* NULL is a no-op */
const char *se_scale_id(const se_scale *s);
/* Number of levels; level 0 is the worst. */
size_t se_scale_len(const se_scale *s);
const char *se_scale_level_id(const se_scale *s, size_t level);
const char *se_scale_level_label(const se_scale *s, size_t level);
/* The level's code in this scale; false when it has none. */
bool se_scale_level_code(const se_scale *s, size_t level, long *code);
/* Read 'text' as a level of 's': its id, label or an alias (ignoring case,
 * punctuation and extra spaces) or, when all-digits, this scale's own code
 * for it.  Returns the level (0 worst), or -1 when not on the scale. */
int se_scale_parse(const se_scale *s, const char *text, size_t len);
/* A readable list of the scale's values for messages, e.g. "1 inadequate,
 * 2 adequate, 3 good, 4 outstanding"; the caller frees it with free(). */
char *se_scale_describe(const se_scale *s);

/* ---- formats (lib/format.c) ------------------------------------------- */

/* The frameworks of a formats/ directory: for each framework its document
 * kinds (fields, sections, variants, rules), its areas; the shared scales
 * and bank holidays. */
typedef struct se_formats se_formats;
/* One document kind of one framework. */
typedef struct se_format se_format;

/* Load every framework under 'dirs', one directory or several separated
 * by ':' (as se_formats_dir() gives them), each laid over the ones after
 * it: a file of a directory hides the file of the same path in the ones
 * after it, so a region's formats/ilacs-2023/ adds a framework and its
 * formats/shared/scales.yaml replaces the shared scales.  Each directory
 * holds <framework>/<kind>.yaml, <framework>/areas.yaml, a framework's own
 * <framework>/scales.yaml, shared/scales.yaml and
 * shared/bank-holidays.yaml.  Mistakes in the format files go to 'diag';
 * NULL when a directory cannot be read.  Free with se_formats_free(). */
se_formats *se_formats_load(const char *dirs, se_diag *diag);
void se_formats_free(se_formats *f); /* NULL is a no-op */
bool se_formats_has_framework(const se_formats *f, const char *framework);
/* The format of 'kind' in 'framework', following `adopts:`; with
 * 'framework' NULL, the shared format of that kind.  NULL when unknown. */
const se_format *se_formats_find(const se_formats *f, const char *framework,
    const char *kind);
/* Whether any framework defines 'kind'. */
bool se_formats_has_kind(const se_formats *f, const char *kind);
/* The format of document 'doc' (its kind in its framework), or NULL with
 * the reason in 'diag' at the field's place, as se-validate reports it:
 * no-kind, unknown-kind (with the nearest kind), unknown-framework (a
 * framework missing where more than one defines the kind, or not known;
 * with those that are).  (lib/check.c) */
const se_format *se_formats_resolve(const se_formats *f, const se_doc *doc,
    se_diag *diag);
const se_scale *se_formats_scale(const se_formats *f, const char *id);
/* The bank holidays (never NULL once loaded; may be empty). */
const se_workdays *se_formats_workdays(const se_formats *f);
/* The title of area 'id' in 'framework', or NULL when it is not one. */
const char *se_formats_area(const se_formats *f, const char *framework,
    const char *id);
const char *se_format_kind(const se_format *fm);
const char *se_format_framework(const se_format *fm);
const char *se_format_title(const se_format *fm);
/* The format file's whole tree, for framework data a kind adds (ns-2009's
 * rubric, plan's csv-columns); lives as long as the formats. */
const se_node *se_format_node(const se_format *fm);
/* The scale of the ratings of a format's areas (`fields: areas: fields:
 * AREA: fields: rating: scale:`, the first area naming one), else the
 * scale 'fallback' (NULL: none); NULL when neither is defined. */
const se_scale *se_format_area_scale(const se_formats *f,
    const se_format *fm, const char *fallback);

/* ---- personal data (lib/pii.c) ----------------------------------------- */

/* One personal identifier found in text: bytes [off, off + len) and what
 * it is, one of "Unique Pupil Number", "NHS number", "National Insurance
 * number", "Unique Learner Number", "postcode", "date of birth" (a
 * static string).  A date of birth covers its keyword or name too:
 * "DOB: 12/03/2015", "Amy Smith (12/03/2015)". */
typedef struct se_pii_hit {
	size_t off, len;
	const char *what;
} se_pii_hit;
/* Called for each hit in order of offset; non-zero stops the scan. */
typedef int (*se_pii_fn)(void *ctx, const se_pii_hit *hit);
#define SE_PII_NO_POSTCODE 1u /* do not report full postcodes */

/* Find children's personal identifiers in 'text' (any bytes, not
 * NUL-terminated): identifiers with a check character only when it is
 * valid, each a whole word.  Calls 'fn' (may be NULL) for each hit and
 * returns how many were found (the one that stopped the scan included). */
int se_pii_scan(const char *text, size_t len, unsigned flags, se_pii_fn fn,
    void *ctx);

/* ---- checking (lib/check.c, lib/checkcsv.c, lib/rules.c) ---------------- */

/* What se_check_doc() checks a document with. */
typedef struct se_check {
	const se_formats *formats;
	/* Whether 'id' is an indicator of the catalogue; NULL when no
	 * catalogue is known (every id is accepted). */
	bool (*indicator_known)(void *ctx, const char *id);
	void *indicator_ctx;
	/* The catalogue extracts are checked against (unknown indicators);
	 * NULL for none. */
	const se_catalogue *catalogue;
	/* How a CSV extract is read, as every command reads one
	 * (se_store_open): the formats directories holding the authorities
	 * table and the national catalogue (NULL: neither), and --where. */
	const char *formats_dir;
	const char *const *where;
	size_t nwhere;
	/* Finished extracts (--data) that claims of movement citing an
	 * indicator are checked against (claim-vs-data); NULL for none. */
	const se_store *data;
	/* Check every document as final (se-validate --final), as if it
	 * said 'stage: final': a placeholder left in is an error, and what
	 * is required when final is required. */
	bool final;
} se_check;

/* Check 'doc' against the format of its kind: kind and framework known,
 * fields, sections, evidence, links, named rules, guidance, personal data.
 * Problems go to 'diag'.  Returns 0, or -1 when out of memory. */
int se_check_doc(const se_check *c, const se_doc *doc, se_diag *diag);

/* What the format of 'doc' asks of it (se-validate --explain), as text
 * on 'out': the kind, the chapter's key questions and the guidance to
 * every author; then for each section (a Markdown kind; the chapter's
 * first) or top-level field (a YAML kind), or only the one 'only' names
 * (id, title or alias; NULL: all), its title, whether it is required,
 * the line the document has it on, what it needs, its key questions and
 * guidance, all from the formats (lib/explain.c).  Returns 0; 1 when the
 * kind is unknown or 'only' names nothing (said in 'diag'); -1 when
 * 'out' fails. */
int se_explain_doc(const se_formats *f, const se_doc *doc, const char *only,
    FILE *out, se_diag *diag);

/* Check a CSV ("-": standard input) by what its header says it is
 * (se-formats(5) CSV): an extract (values, periods, duplicates, unknown
 * indicators), a plan (the shared plan format's columns), or statistical
 * neighbours.  Problems go to 'diag'.  Returns 0, or -1 when it could not
 * be read or is not a CSV the toolkit knows. */
int se_check_csv(const se_check *c, const char *path, se_diag *diag);

/* Read standard input and tell what it is, as a file would be told
 * (se-formats(5) CSV): a YAML or Markdown document is loaded into '*doc',
 * a CSV kept in '*csv' ('*len' bytes) for se_check_csv_text() once the
 * catalogues are known; the other is NULL, and the caller frees both.
 * Returns 0, or -1 when it could not be read or parsed (the reason in
 * 'diag'). */
int se_check_stdin(se_doc **doc, char **csv, size_t *len, se_diag *diag);
/* se_check_csv() on a CSV held in memory, named "<stdin>". */
int se_check_csv_text(const se_check *c, const char *buf, size_t len,
    se_diag *diag);

/* The checks se-validate runs (se_check_doc, or se_check_csv for a
 * '.csv' path), on an input a command is about to build on: 'doc' when
 * loaded, else the file at 'path'.  Indicator references are checked
 * against 'cat' when not NULL.  Only the errors go to 'diag' (warnings
 * are se-validate's to give).  Returns how many errors, or -1 when the
 * input could not be read or memory ran out (the reason in 'diag').
 * se-hypothesise, se-report and se-plan call it unless --no-check. */
int se_check_input(const se_formats *f, const se_catalogue *cat,
    const char *path, const se_doc *doc, se_diag *diag);

/* What se-validate runs with (se-validate(1)): its options. */
typedef struct se_validate_job {
	const se_cli *cli;        /* -o, --formats, --where, the name */
	const char *argv0;        /* where the formats are (se_formats_dir) */
	int format;               /* -F: an se_diag_format */
	const char *catalogue;    /* -i, or NULL */
	const char *const *data;  /* --data, in order */
	size_t ndata;
	bool strict;              /* --strict */
	bool final;               /* --final */
	bool explain;             /* --explain[=SECTION] */
	const char *explain_only; /* its SECTION, or NULL: every one */
} se_validate_job;
/* Set up 'j' with se-validate's defaults: text, nothing but 'cli' (which
 * must outlive it) and 'argv0' given. */
void se_validate_job_init(se_validate_job *j, const se_cli *cli,
    const char *argv0);

/* Run se-validate on n operands (lib/validate.c): check their files
 * (se_inputs_walk), documents first, then CSVs with the catalogue of -i
 * or the first found among the documents, then claims against the --data
 * extracts; the problems go in j->format to -o's file or standard
 * output, and "N files, N errors, N warnings" to standard error.  With
 * 'explain', what each document's format asks of it on standard output
 * (se_explain_doc), its problems on standard error.  Returns the exit
 * status. */
int se_validate_job_run(const se_validate_job *j, char *const *operands,
    size_t n);

/* ---- new documents (lib/new.c) ----------------------------------------- */

/* What se_new_doc() starts: a kind, the framework defining it (NULL: the
 * shared one, or the only one), the chapter of a kind written one
 * chapter at a time, and the authority and period when known (NULL:
 * placeholders). */
typedef struct se_new {
	const char *kind, *framework, *chapter, *authority, *period;
} se_new;

/* Write to 'out' a new draft of 'n->kind' from its format: in order, every
 * field the kind requires (or requires when final) and every required and
 * recommended section, with titles, the framework's key questions and the
 * optional fields as comments, and a placeholder "[fill in: ...]" where
 * the author's text goes (naming the scale of a rating, the values of a
 * choice, and evidence where it is needed).  Returns 0, or -1 with the
 * reason in 'diag' (kind, framework or chapter not known; a write error). */
int se_new_doc(const se_formats *f, const se_new *n, FILE *out, se_diag *diag);
/* How a document of 'n' is written (SE_SYNTAX_YAML or
 * SE_SYNTAX_MARKDOWN), or -1 when the kind or framework is not known. */
int se_new_syntax(const se_formats *f, const se_new *n);
/* se_new_doc() to 'output' (-o; NULL or "-": standard output), through
 * se_out_open(): a device or FIFO is written, a file only when it does not
 * exist (exists) and is named as the document's syntax needs, FILE.md for
 * Markdown, else FILE.yaml (output-name).  Returns 0; -2 when 'output' is
 * misnamed (a usage error); else -1; the reason is in 'diag'. */
int se_new_write(const se_formats *f, const se_new *n, const char *output,
    se_diag *diag);
/* Make directory 'dir' (which must not exist) a region's repository:
 * data/ with the authorities and the indicator catalogue the formats ship,
 * plans/, a README.md, the CI workflows and the pre-commit hook of
 * examples/ci/.  'formats_dirs' is se_formats_dir()'s answer
 * (':'-separated).  Returns 0, or -1 with the reason in 'diag'. */
int se_new_region(const char *formats_dirs, const char *dir, se_diag *diag);
/* Whether [s, s + len) holds a placeholder: "[fill in: ...]" or
 * "[fill in]", any case (rule placeholder). */
bool se_is_placeholder(const char *s, size_t len);

/* ---- reports (lib/report.c, lib/report_md.c, lib/report_html.c,
 *      lib/report_text.c, lib/reports.c) ------------------------------- */

/* A report: a title, headed sections, paragraphs (narrative Markdown,
 * rendered by cmark in safe mode: raw HTML dropped, unsafe links and
 * images removed), tables with a header row and RAG cells, line charts
 * and numbered source footnotes.  Rendered as Markdown, HTML (one
 * self-contained page) or text.  Strings are copied. */
typedef struct se_report se_report;
typedef enum {
	SE_REPORT_TEXT,
	SE_REPORT_MARKDOWN,
	SE_REPORT_HTML
} se_report_syntax;
/* "text", "markdown" (or "md"), "html"; -1 when unknown. */
int se_report_syntax_parse(const char *name);
/* A new report titled 'title'; NULL when out of memory.  Free with
 * se_report_free(). */
se_report *se_report_new(const char *title);
void se_report_free(se_report *r); /* NULL is a no-op */
/* A heading: level 2 starts a section (a page of its own in print),
 * 3 and 4 subsections.  Returns 0, or -1 when out of memory. */
int se_report_heading(se_report *r, int level, const char *title);
/* Narrative Markdown ('len' bytes), its own headings placed below the
 * current one. */
int se_report_markdown(se_report *r, const char *md, size_t len);
/* A paragraph of plain text; a warning is one a reader must not miss. */
int se_report_para(se_report *r, const char *text);
int se_report_warning(se_report *r, const char *text);
/* An item of a bulleted list (consecutive items make one list). */
int se_report_item(se_report *r, const char *text);
/* A labelled line ("Date: 5 February 2019"). */
int se_report_field(se_report *r, const char *label, const char *value);
/* Start a table of 'ncols' columns with these headings; rows follow. */
int se_report_table(se_report *r, const char *caption, size_t ncols,
    const char *const *head);
/* Start a row of the last table; its first cell heads the row. */
int se_report_row(se_report *r);
int se_report_cell(se_report *r, const char *text);
/* A RAG cell: its letter, and in HTML its colour and name too. */
int se_report_cell_rag(se_report *r, se_rag rag);
/* A footnote on where the last cell (or paragraph) came from; returns
 * its number (1 ..), or -1 when out of memory. */
int se_report_note(se_report *r, const char *source);
/* A line chart (HTML only; other syntaxes show its text alternative):
 * 'n' periods, 'nlines' lines of 'n' values each (NaN: none), line 0
 * the authority. */
typedef struct se_chart_line {
	const char *name;
	const double *v;
} se_chart_line;
int se_report_chart(se_report *r, const char *title, const char *const *labels,
    size_t n, const se_chart_line *lines, size_t nlines, int precision);
/* Write the report.  Returns 0, or -1 when writing failed. */
int se_report_render(const se_report *r, se_report_syntax syntax, FILE *out);
/* The same, text fitted to 'width' columns (0: as se_report_render):
 * tables wider than that as records, lines wrapped at words. */
int se_report_render_width(const se_report *r, se_report_syntax syntax,
    size_t width, FILE *out);

/* The direction of travel between two ratings on one scale ('rag', or
 * any): improving, stable or declining; SE_DIR_UNKNOWN when either is
 * missing or not on the scale. */
se_direction se_scale_direction(const se_scale *s, const char *previous,
    const char *current);

/* A Signature of Success row ('row': area, previous, current, direction)
 * as the authority wrote it: the direction previous -> current imply on
 * the 'rag' scale (the return), and in '*typed' the direction of travel
 * the authority typed, as a direction (SE_DIR_UNKNOWN when none, or not
 * on the 'direction' scale).  When both are known and differ, a warning
 * 'direction-mismatch' at the typed direction goes to 'diag' (NULL: none):
 * the typed one is shown as typed, the implied one beside it. */
se_direction se_sos_direction(const se_formats *f, const se_node *row,
    se_direction *typed, se_diag *diag);

/* What the report types are assembled from. */
typedef struct se_report_input {
	const se_formats *formats;
	se_doc *const *docs;       /* the documents named or found */
	size_t ndocs;
	const se_store *store;     /* finished extracts, or NULL */
	const char *const *data;   /* their file names, for sources */
	size_t ndata;
	const char *authority;     /* --authority, or NULL */
	const char *period;        /* --period, or NULL */
	const se_catalogue *catalogue; /* titles for indicator:ID, or NULL */
} se_report_input;
/* The five report types (se-report(1)).  Each returns a report
 * (free with se_report_free), or NULL when it cannot be made: the reason
 * (no summary document, no review, no extract ...) in 'd'.  Problems
 * that still leave a report (a late letter) are warnings in 'd'. */
se_report *se_report_summary(const se_report_input *in, se_diag *d);
se_report *se_report_feedback(const se_report_input *in, se_diag *d);
se_report *se_report_letter(const se_report_input *in, se_diag *d);
se_report *se_report_dashboard(const se_report_input *in, se_diag *d);
se_report *se_report_themes(const se_report_input *in, se_diag *d);
/* From the review workbooks among the inputs (lib/evaluation.c): the
 * critical incident record of the sector-led improvement handbook (2012),
 * section J, each incident a record (an unsigned one a warning,
 * incident-unsigned); and its reflection and evaluation, section K: for
 * one workbook the team's composite reflection, for several the
 * evaluation across them (counts, ratings, common themes of what went
 * well and what could be better, incidents by kind).  NULL with the error
 * no-review when there is no workbook. */
se_report *se_report_incidents(const se_report_input *in, se_diag *d);
se_report *se_report_evaluation(const se_report_input *in, se_diag *d);

/* se-report(1) from its operands to its output (lib/report_run.c).  The
 * report types by name: "summary", "feedback", "letter", "dashboard",
 * "themes", "calendar", "incidents", "evaluation" (0 .. 7); -1 when
 * unknown. */
int se_report_type_parse(const char *name);
/* What se-report is given. */
typedef struct se_report_opts {
	const se_cli *cli;        /* -o, --formats, --where */
	const char *argv0;        /* the command, for se_formats_dir() */
	int type;                 /* -t, se_report_type_parse() */
	se_report_syntax syntax;  /* -F (0: text) */
	const char *catalogue;    /* -i, or NULL */
	const char *neighbours;   /* --neighbours, or NULL */
	const char *const *data;  /* --data, in order */
	size_t ndata;
	const char *authority;    /* --authority, or NULL */
	const char *period;       /* --period, or NULL: the latest */
	bool no_check;            /* --no-check */
} se_report_opts;
/* The documents among the 'n' operands (and, for a dashboard, the
 * extracts, neighbours and catalogue among them and in --data), checked;
 * the report of type 'o->type' assembled from them and written to -o or
 * standard output.  Returns the exit status (SE_EXIT_*); the problems are
 * in 'd'. */
int se_report_run(const se_report_opts *o, char *const *operands, size_t n,
    se_diag *d);

/* ---- the library's defaults, for 0 in the options above ----------------- */

/* se-plan(1) --stale: days an action may go without a progress note. */
#define SE_STALE_DAYS 42
/* se-rag(1) --band: the top and bottom bands, percent of those ranked. */
#define SE_BAND 20
/* se-hypothesise(1) -n: hypotheses marked to investigate (the handbook's
 * maximum, 3, is also the default). */
#define SE_INVESTIGATE 3

/* ---- operands, gathered once (lib/inputs.c) ------------------------------ */

/* What a file name says it is: a document (.yaml .yml .md .markdown), a
 * CSV (.csv), or neither; case is ignored. */
typedef enum { SE_PATH_OTHER, SE_PATH_DOCUMENT, SE_PATH_CSV } se_path_kind;
se_path_kind se_path_kind_of(const char *path);

/* What a command takes from its operands (or'ed). */
enum {
	SE_TAKE_DOCS = 1 << 0,       /* documents with a kind (not catalogues) */
	SE_TAKE_EXTRACTS = 1 << 1,   /* CSV extracts */
	SE_TAKE_NEIGHBOURS = 1 << 2, /* statistical neighbours CSVs */
	SE_TAKE_RATINGS = 1 << 3,    /* se-rag -F csv output */
	SE_TAKE_PLANS = 1 << 4,      /* plan CSVs */
	SE_TAKE_CATALOGUE = 1 << 5   /* kind: indicators documents */
};

/* The files a command's operands hold, by role, each list in walk order.
 * A file named as an operand is always taken (a CSV the command reads no
 * role of is an error, or an extract when extracts are taken, so the
 * extract reader says what is wrong); in a directory, a CSV is taken by
 * what its header says and a document by its kind, and the rest is
 * skipped silently, except a document that cannot be parsed (an error).
 * Documents are resolved against 'formats' when it is set (those that do
 * not resolve are reported and left out).  Owned by the struct. */
typedef struct se_inputs {
	unsigned take;               /* SE_TAKE_* */
	const se_formats *formats;
	se_doc **docs;
	size_t ndocs;
	se_doc **catalogues;         /* kind: indicators */
	size_t ncatalogues;
	char **extracts, **neighbours, **ratings, **plans;
	size_t nextracts, nneighbours, nratings, nplans;
	char **named;                /* the documents named as operands */
	size_t nnamed;
	bool failed;                 /* an operand or a file could not be read */
	size_t ndropped;             /* documents reported and left out: no
	                                framework, or of the wrong kind */
	se_diag *d;
} se_inputs;

void se_inputs_init(se_inputs *in, unsigned take, const se_formats *formats);
/* Walk each of n operands (se_walk) and take their files.  0, or -1 when
 * an operand or a file in it could not be read or loaded (reasons in 'd';
 * the others are still read). */
int se_inputs_add_all(se_inputs *in, char *const *operands, size_t n,
    se_diag *d);
/* For a command that reads each file itself (se-validate): walk each of
 * the n operands 'ops' (se_walk) and call 'fn' for every file named and, in
 * directories, every file whose name says it is a document or a CSV
 * (se_path_kind_of), in walk order.  Returns how many operands could not
 * be read (the reasons in 'd'). */
size_t se_inputs_walk(char *const *ops, size_t n, se_walk_fn fn,
    void *ctx, se_diag *d);
void se_inputs_release(se_inputs *in);
/* se-validate's checks (se_check_input) on every document taken: one
 * with errors is reported and left out (counted in ndropped), unless the
 * command was given --no-check.  Returns how many were left out, or -1
 * when out of memory. */
int se_inputs_check(se_inputs *in, const se_catalogue *cat, se_diag *d);
/* The same checks for a command that reads its operands with its own
 * reader (se-plan: se_plan_load, se_doc_load): on each file named but
 * "-" (read once, by the command), and on each YAML document of 'kind'
 * found in a directory; nothing is left out, and an operand that cannot
 * be read is the reader's to say.  Returns how many errors, or -1 when
 * an input could not be checked (the reason in 'd'). */
int se_inputs_check_operands(const se_formats *f, char *const *ops, size_t n,
    const char *kind, se_diag *d);
/* The indicator catalogue: 'given' (-i) loaded when not NULL; else the
 * first kind: indicators document among the inputs, named by one note
 * (catalogue-found; any other is a warning); else NULL and nothing said.
 * Free with se_catalogue_free(). */
se_catalogue *se_inputs_catalogue(const se_inputs *in, const char *given,
    se_diag *d);
/* The warning when there is no catalogue (no-catalogue): "no indicator
 * catalogue: WHAT; give one with -i FILE, or put a 'kind: indicators'
 * file among the inputs". */
void se_inputs_no_catalogue(const char *what, se_diag *d);
/* Each document named as an operand whose kind is none of 'kinds' is an
 * error (wrong-kind); those found in directories are not.  0, or -1 when
 * there was one. */
int se_inputs_only(se_inputs *in, const char *const *kinds, size_t n,
    se_diag *d);
/* The one document of 'kind' among the inputs, or NULL with an error
 * (one-input) when there is more than one, or none (said only when no
 * input failed or was left out: that is then the reason). */
const se_doc *se_inputs_one(const se_inputs *in, const char *kind,
    se_diag *d);
/* The files a command reads its data from: 'data' (--data, in order),
 * then the extracts among the inputs, '*n' of them.  NULL when out of
 * memory; free the array (not the names) with free(). */
const char **se_inputs_data(const se_inputs *in, const char *const *data,
    size_t ndata, size_t *n);
/* The extracts of a command in one finished store (se_store_open, with
 * the --where of 'cli'): each of the 'n' 'paths' read as an extract,
 * then the statistical neighbours among the inputs and 'neighbours'
 * (--neighbours, or NULL); the warning no-catalogue when no catalogue
 * rates it.  Every file is read; NULL when one could not be, or memory
 * ran out (the reasons in 'd').  Free with se_store_free(). */
se_store *se_inputs_store(const se_inputs *in, const char *formats_dir,
    const se_catalogue *cat, const char *const *paths, size_t n,
    const char *neighbours, const se_cli *cli, se_diag *d);

/* A command's last step: sort the diagnostics, print them as text to
 * standard error, free 'd'.  Returns 'status', or SE_EXIT_FAILURE when
 * the diagnostics could not be written and 'status' was SE_EXIT_OK. */
int se_cli_finish(const se_cli *c, se_diag *d, int status);

#endif /* SE_H */
