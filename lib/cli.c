/* cli.c: the options every command shares (se(7)), usage
 * errors, and where the formats are found (se(7) FILES). */
#define _XOPEN_SOURCE 700 /* realpath */
#include "internal.h"

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef SE_DATADIR
#define SE_DATADIR "/usr/local/share/se"
#endif

void
se_cli_init(se_cli *c, const char *argv0, const char *usage)
{
	const char *slash = argv0 ? strrchr(argv0, '/') : NULL;

	memset(c, 0, sizeof *c);
	c->prog = slash ? slash + 1 : argv0 ? argv0 : "se";
	c->usage = usage;
	c->color = SE_COLOR_AUTO;
}

/* "NAME (se) VERSION" on standard output. */
static int
print_version(const char *prog)
{
	printf("%s (se) %s\n", prog, SE_VERSION);
	if (fflush(stdout) != 0 || ferror(stdout))
		return SE_EXIT_FAILURE;
	return SE_EXIT_OK;
}

int
se_cli_usage_error(const char *prog, const char *usage, const char *fmt,
    ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	if (usage)
		fputs(usage, stderr);
	return SE_EXIT_FAILURE;
}

int
se_cli_parse(se_cli *c, int argc, char **argv, const char *shortopts,
    const struct option *longopts, se_cli_own_fn own, void *ctx)
{
	int opt, r;

	while ((opt = getopt_long(argc, argv, shortopts, longopts, NULL)) !=
	    -1) {
		r = se_cli_common(c, opt, optarg);
		if (r == SE_CLI_OTHER)
			r = own(ctx, opt, optarg);
		if (r != SE_CLI_NEXT)
			return r;
	}
	return SE_CLI_NEXT;
}

/* --formats DIR, repeatable: each is laid over the ones after it. */
static int
add_formats(se_cli *c, const char *arg)
{
	size_t have = c->formats_dir ? strlen(c->formats_buf) : 0;
	size_t n = strlen(arg);

	if (n == 0 || strchr(arg, ':'))
		return se_cli_usage_error(c->prog, c->usage, "--formats takes a "
		    "directory whose name has no ':' (give --formats once for "
		    "each directory)");
	if (have + (have > 0) + n >= sizeof c->formats_buf)
		return se_cli_usage_error(c->prog, c->usage, "too many or too "
		    "long --formats directories (%zu bytes at most)",
		    sizeof c->formats_buf - 1);
	if (have)
		c->formats_buf[have++] = ':';
	memcpy(c->formats_buf + have, arg, n + 1);
	c->formats_dir = c->formats_buf;
	return SE_CLI_NEXT;
}

int
se_cli_common(se_cli *c, int opt, const char *arg)
{
	int color;

	switch (opt) {
	case 'F':
		c->format = arg;
		return SE_CLI_NEXT;
	case 'o':
		c->output = arg;
		return SE_CLI_NEXT;
	case SE_OPT_FORMATS:
		return add_formats(c, arg);
	case SE_OPT_WHERE:
		if (!arg || !strchr(arg, '=') || arg[0] == '=')
			return se_cli_usage_error(c->prog, c->usage,
			    "--where '%s' is not COLUMN=VALUE", arg ? arg : "");
		if (c->nwhere == SE_CLI_MAX_WHERE)
			return se_cli_usage_error(c->prog, c->usage,
			    "more than %d --where options", SE_CLI_MAX_WHERE);
		c->where[c->nwhere++] = arg;
		return SE_CLI_NEXT;
	case SE_OPT_COLOR:
		color = se_color_parse(arg);
		if (color < 0)
			return se_cli_usage_error(c->prog, c->usage,
			    "unknown colour choice '%s' (expected auto, "
			    "always or never)", arg ? arg : "");
		c->color = color;
		return SE_CLI_NEXT;
	case 'h':
		if (c->usage)
			fputs(c->usage, stdout);
		if (c->help)
			fputs(c->help, stdout);
		return fflush(stdout) != 0 || ferror(stdout) ?
		    SE_EXIT_FAILURE : SE_EXIT_OK;
	case SE_OPT_VERSION:
		return print_version(c->prog);
	case '?':
	case ':':
		/* getopt_long has said what is wrong. */
		if (c->usage)
			fputs(c->usage, stderr);
		return SE_EXIT_FAILURE;
	default:
		return SE_CLI_OTHER;
	}
}

static bool
is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The running executable, resolved: 'argv0' when it holds a '/', else
 * /proc/self/exe.  NULL when neither can be resolved. */
static char *
executable(const char *argv0)
{
	if (argv0 && strchr(argv0, '/'))
		return realpath(argv0, NULL);
	return realpath("/proc/self/exe", NULL);
}

/* "ROOT/formats" when 'exe' is ROOT/build.../bin/NAME and that directory
 * exists, else NULL. */
static char *
build_tree_formats(const char *argv0)
{
	char *exe = executable(argv0), *bin, *build, *dir = NULL;
	se_buf b;

	if (!exe)
		return NULL;
	bin = strrchr(exe, '/');
	if (bin) {
		*bin = '\0'; /* exe is now ROOT/build.../bin */
		build = strrchr(exe, '/');
		if (build && strcmp(build + 1, "bin") == 0) {
			*build = '\0'; /* ROOT/build... */
			build = strrchr(exe, '/');
			if (build && strncmp(build + 1, "build", 5) == 0) {
				se_buf_init(&b);
				se_buf_add(&b, exe, (size_t)(build - exe) + 1);
				se_buf_adds(&b, "formats");
				dir = se_buf_take(&b);
				if (dir && !is_dir(dir)) {
					free(dir);
					dir = NULL;
				}
			}
		}
	}
	free(exe);
	return dir;
}

char *
se_formats_dir(const char *cli_dir, const char *argv0)
{
	const char *env = getenv("SE_FORMATS");
	char *base = build_tree_formats(argv0);
	se_buf b;

	se_buf_init(&b);
	if (cli_dir && *cli_dir)
		se_buf_addf(&b, "%s:", cli_dir);
	if (env && *env)
		se_buf_addf(&b, "%s:", env);
	se_buf_adds(&b, base ? base : SE_DATADIR "/formats");
	free(base);
	return se_buf_take(&b);
}

int
se_cli_finish(const se_cli *c, se_diag *d, int status)
{
	se_diag_sort(d);
	if (se_diag_render(d, SE_DIAG_TEXT, c->prog, stderr) < 0 &&
	    status == SE_EXIT_OK)
		status = SE_EXIT_FAILURE;
	se_diag_free(d);
	return status;
}

int
se_cli_check(const se_cli *c, int (*parse)(const char *name),
    const char *expected, int *format, size_t noperands, const char *none)
{
	int f;

	if (c->format) {
		f = parse(c->format);
		if (f < 0)
			return se_cli_usage_error(c->prog, c->usage,
			    "unknown format '%s' (expected %s)", c->format,
			    expected);
		*format = f;
	}
	if (noperands == 0 && none)
		return se_cli_usage_error(c->prog, c->usage, "%s", none);
	return SE_CLI_NEXT;
}

int
se_cli_add(const se_cli *c, const char ***v, size_t *n, const char *arg)
{
	const char **w = realloc(*v, (*n + 1) * sizeof *w);

	if (!w) {
		fprintf(stderr, "%s: out of memory\n", c->prog);
		return SE_EXIT_FAILURE;
	}
	*v = w;
	w[(*n)++] = arg;
	return SE_CLI_NEXT;
}
