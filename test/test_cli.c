/* test_cli.c: the options every command shares, usage errors and the
 * formats search order. */
#define _XOPEN_SOURCE 700 /* realpath */
#include "se.h"
#include "scratch.h"
#include "unit.h"

#include <fcntl.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef SE_DATADIR
#define SE_DATADIR "/usr/local/share/se"
#endif

static const char usage[] = "usage: se-rag [-F text|csv] [-o FILE] FILE...\n";

/* Capture what a block writes to file descriptor 'fd' (1 or 2). */
struct capture {
	int fd, saved;
	char path[96];
	char text[1024];
};

static void
capture_start(struct capture *c, int fd)
{
	int t;

	fflush(stdout);
	c->fd = fd;
	snprintf(c->path, sizeof c->path, "%s/capture", tmpdir);
	t = open(c->path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	c->saved = dup(fd);
	dup2(t, fd);
	close(t);
}

static const char *
capture_end(struct capture *c)
{
	FILE *f;
	size_t n = 0;

	fflush(stdout);
	fflush(stderr);
	dup2(c->saved, c->fd);
	close(c->saved);
	f = fopen(c->path, "r");
	if (f) {
		n = fread(c->text, 1, sizeof c->text - 1, f);
		fclose(f);
	}
	c->text[n] = '\0';
	return c->text;
}

TEST(init_takes_the_base_name_of_the_command)
{
	se_cli c;

	se_cli_init(&c, "build/bin/se-rag", usage);
	CHECK_STR_EQ(c.prog, "se-rag");
	CHECK_STR_EQ(c.usage, usage);
	CHECK_INT_EQ(c.color, SE_COLOR_AUTO);
	CHECK(c.format == NULL && c.output == NULL && c.formats_dir == NULL);
	se_cli_init(&c, "se-plan", NULL);
	CHECK_STR_EQ(c.prog, "se-plan");
}

TEST(common_options_are_taken_from_a_real_getopt_long_loop)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		SE_CLI_LONGOPTS,
		{ "strict", no_argument, NULL, 's' },
		{ NULL, 0, NULL, 0 },
	};
	char *argv[] = { "se-rag", "-F", "json", "--color=always", "-s",
		"--output", "out.csv", "--formats", "my formats",
		"--format=csv", "x.csv", NULL };
	int argc = 11, ch, r, own = 0;
	se_cli c;

	se_cli_init(&c, argv[0], usage);
	optind = 1;
	while ((ch = getopt_long(argc, argv, "h" SE_CLI_SHORTOPTS "s",
	    longopts, NULL)) != -1) {
		r = se_cli_common(&c, ch, optarg);
		if (r == SE_CLI_OTHER && ch == 's')
			own++;
		else
			CHECK_INT_EQ(r, SE_CLI_NEXT);
	}
	CHECK_STR_EQ(c.format, "csv");
	CHECK_STR_EQ(c.output, "out.csv");
	CHECK_STR_EQ(c.formats_dir, "my formats");
	CHECK_INT_EQ(c.color, SE_COLOR_ALWAYS);
	CHECK_INT_EQ(own, 1);
	CHECK_INT_EQ(optind, 10);
	CHECK_STR_EQ(argv[optind], "x.csv");
}

TEST(an_option_of_the_command_is_left_to_it)
{
	se_cli c;

	se_cli_init(&c, "se-rag", usage);
	CHECK_INT_EQ(se_cli_common(&c, 'i', "cat.yaml"), SE_CLI_OTHER);
}

TEST(help_prints_the_usage_then_the_help_and_succeeds)
{
	struct capture cap;
	se_cli c;
	int r;

	se_cli_init(&c, "/usr/bin/se-rag", usage);
	c.help = "\nRate performance data.\n";
	capture_start(&cap, 1);
	r = se_cli_common(&c, 'h', NULL);
	CHECK_STR_EQ(capture_end(&cap), "usage: se-rag [-F text|csv] [-o FILE] "
	    "FILE...\n"
	    "\nRate performance data.\n");
	CHECK_INT_EQ(r, SE_EXIT_OK);
}

TEST(version_prints_name_se_and_version)
{
	struct capture cap;
	se_cli c;
	int r;

	se_cli_init(&c, "/usr/bin/se-rag", usage);
	capture_start(&cap, 1);
	r = se_cli_common(&c, SE_OPT_VERSION, NULL);
	CHECK_STR_EQ(capture_end(&cap), "se-rag (se) " SE_VERSION "\n");
	CHECK_INT_EQ(r, SE_EXIT_OK);
}

TEST(an_unknown_colour_is_a_usage_error)
{
	struct capture cap;
	se_cli c;
	int r;

	se_cli_init(&c, "se-rag", usage);
	capture_start(&cap, 2);
	r = se_cli_common(&c, SE_OPT_COLOR, "sometimes");
	CHECK_STR_EQ(capture_end(&cap),
	    "se-rag: unknown colour choice 'sometimes' (expected auto, "
	    "always or never)\n"
	    "usage: se-rag [-F text|csv] [-o FILE] FILE...\n");
	CHECK_INT_EQ(r, SE_EXIT_FAILURE);
	CHECK_INT_EQ(c.color, SE_COLOR_AUTO);
}

TEST(a_bad_option_found_by_getopt_prints_the_usage_and_fails)
{
	struct capture cap;
	se_cli c;
	int r;

	se_cli_init(&c, "se-rag", usage);
	capture_start(&cap, 2);
	r = se_cli_common(&c, '?', NULL);
	CHECK_STR_EQ(capture_end(&cap), usage);
	CHECK_INT_EQ(r, SE_EXIT_FAILURE);
}

TEST(usage_error_prints_the_command_the_message_and_the_usage)
{
	struct capture cap;
	int r;

	capture_start(&cap, 2);
	r = se_cli_usage_error("se-hypothesise", "usage: se-hypothesise "
	    "[-n N] FILE...\n", "'-n' must be 1 to 3, not '%d'", 4);
	CHECK_STR_EQ(capture_end(&cap),
	    "se-hypothesise: '-n' must be 1 to 3, not '4'\n"
	    "usage: se-hypothesise [-n N] FILE...\n");
	CHECK_INT_EQ(r, SE_EXIT_FAILURE);
}

static void
check_formats_dir(const char *cli, const char *argv0, const char *want)
{
	char *got = se_formats_dir(cli, argv0);

	CHECK_STR_EQ(got, want);
	free(got);
}

TEST(formats_options_lie_over_the_environment_and_the_shipped_formats)
{
	char want[1024];

	setenv("SE_FORMATS", "/env/formats", 1);
	snprintf(want, sizeof want, "/cli/a:/cli/b:/env/formats:%s",
	    at("formats"));
	check_formats_dir("/cli/a:/cli/b", at("build/bin/se-rag"), want);
	unsetenv("SE_FORMATS");
}

TEST(formats_environment_lies_over_the_build_tree)
{
	char want[1024];

	setenv("SE_FORMATS", "/env/one:/env/two", 1);
	snprintf(want, sizeof want, "/env/one:/env/two:%s", at("formats"));
	check_formats_dir(NULL, at("build/bin/se-rag"), want);
	setenv("SE_FORMATS", "", 1); /* empty: as if unset */
	check_formats_dir(NULL, at("build/bin/se-rag"), at("formats"));
	unsetenv("SE_FORMATS");
}

TEST(formats_option_is_repeatable_and_joined_in_order)
{
	se_cli c;

	se_cli_init(&c, "se-rag", "usage\n");
	CHECK_INT_EQ(se_cli_common(&c, SE_OPT_FORMATS, "region"), SE_CLI_NEXT);
	CHECK_INT_EQ(se_cli_common(&c, SE_OPT_FORMATS, "my formats"),
	    SE_CLI_NEXT);
	CHECK_STR_EQ(c.formats_dir, "region:my formats");
}

TEST(a_command_in_the_build_tree_uses_the_trees_formats)
{
	unsetenv("SE_FORMATS");
	check_formats_dir(NULL, at("build/bin/se-rag"), at("formats"));
	check_formats_dir(NULL, at("build-asan/bin/se-rag"),
	    at("formats"));
}

TEST(a_link_to_a_command_in_the_build_tree_is_resolved)
{
	unsetenv("SE_FORMATS");
	check_formats_dir(NULL, at("elsewhere/se-rag"), at("formats"));
}

TEST(a_command_outside_a_build_tree_uses_the_installed_formats)
{
	unsetenv("SE_FORMATS");
	check_formats_dir(NULL, at("other/bin/se-rag"),
	    SE_DATADIR "/formats");
	check_formats_dir(NULL, at("build/se-rag"), SE_DATADIR "/formats");
	check_formats_dir(NULL, at("missing/bin/se-rag"),
	    SE_DATADIR "/formats");
	/* this test program is in build/test/, not in a bin/ */
	check_formats_dir(NULL, "test_cli", SE_DATADIR "/formats");
	check_formats_dir(NULL, NULL, SE_DATADIR "/formats");
}

TEST(a_build_tree_without_formats_uses_the_installed_ones)
{
	unsetenv("SE_FORMATS");
	check_formats_dir(NULL, at("bare/build/bin/se-rag"),
	    SE_DATADIR "/formats");
}

/* TMP/formats/, TMP/build/bin/se-rag, TMP/build-asan/bin/se-rag,
 * TMP/elsewhere/se-rag -> ../build/bin/se-rag, TMP/other/bin/se-rag,
 * TMP/build/se-rag, TMP/bare/build/bin/se-rag */
static void
make_trees(void)
{
	static const char *const dirs[] = { "formats", "build", "build/bin",
		"build-asan", "build-asan/bin", "elsewhere", "other",
		"other/bin", "bare", "bare/build", "bare/build/bin" };
	size_t i;

	for (i = 0; i < sizeof dirs / sizeof *dirs; i++)
		mkdir(at(dirs[i]), 0755);
	put_file(at("build/bin/se-rag"), "");
	put_file(at("build-asan/bin/se-rag"), "");
	put_file(at("other/bin/se-rag"), "");
	put_file(at("build/se-rag"), "");
	put_file(at("bare/build/bin/se-rag"), "");
	symlink("../build/bin/se-rag", at("elsewhere/se-rag"));
}

int
main(void)
{
	char *real;

	if (scratch_open("cli") < 0)
		return 1;
	/* /tmp may itself be a link: compare with the resolved name */
	real = realpath(tmpdir, NULL);
	if (real && strlen(real) < sizeof tmpdir) {
		memcpy(tmpdir, real, strlen(real) + 1);
	}
	free(real);
	make_trees();
	RUN(init_takes_the_base_name_of_the_command);
	RUN(common_options_are_taken_from_a_real_getopt_long_loop);
	RUN(an_option_of_the_command_is_left_to_it);
	RUN(help_prints_the_usage_then_the_help_and_succeeds);
	RUN(version_prints_name_se_and_version);
	RUN(an_unknown_colour_is_a_usage_error);
	RUN(a_bad_option_found_by_getopt_prints_the_usage_and_fails);
	RUN(usage_error_prints_the_command_the_message_and_the_usage);
	RUN(formats_options_lie_over_the_environment_and_the_shipped_formats);
	RUN(formats_option_is_repeatable_and_joined_in_order);
	RUN(formats_environment_lies_over_the_build_tree);
	RUN(a_command_in_the_build_tree_uses_the_trees_formats);
	RUN(a_link_to_a_command_in_the_build_tree_is_resolved);
	RUN(a_command_outside_a_build_tree_uses_the_installed_formats);
	RUN(a_build_tree_without_formats_uses_the_installed_ones);
	scratch_close();
	return DONE();
}
