/* test_output.c: -o written atomically, and the colour decision.  The
 * tests run as root, so failures are made in ways root cannot get round:
 * a missing directory, a "directory" that is a file, a file size limit,
 * /dev/full. */
#define _XOPEN_SOURCE 700 /* posix_openpt, ptsname */
#include "se.h"
#include "scratch.h"
#include "unit.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static int
write_out(const char *path, const char *text, bool commit, se_diag *d)
{
	se_out *o = se_out_open(path, d);

	if (!o)
		return -2;
	fputs(text, se_out_file(o));
	return se_out_close(o, commit, d);
}

TEST(commit_replaces_the_target_and_leaves_no_temporary_file)
{
	se_diag *d = se_diag_new();

	clean_dir(tmpdir);
	put_file(at("report.md"), "old report\n");
	CHECK_INT_EQ(write_out(at("report.md"), "new report\n", true, d), 0);
	CHECK_STR_EQ(get_file(at("report.md")), "new report\n");
	CHECK_INT_EQ(count_entries(tmpdir), 1);
	CHECK_INT_EQ(se_diag_len(d), 0);
	se_diag_free(d);
}

TEST(a_new_file_is_created_with_the_umask)
{
	se_diag *d = se_diag_new();
	mode_t old = umask(027);
	struct stat st;

	clean_dir(tmpdir);
	CHECK_INT_EQ(write_out(at("new.csv"), "a,b\n", true, d), 0);
	CHECK_INT_EQ(stat(at("new.csv"), &st), 0);
	CHECK_INT_EQ(st.st_mode & 07777, 0640);
	CHECK_STR_EQ(get_file(at("new.csv")), "a,b\n");
	umask(old);
	se_diag_free(d);
}

TEST(the_new_file_keeps_the_old_files_permissions)
{
	se_diag *d = se_diag_new();
	struct stat st;

	clean_dir(tmpdir);
	put_file(at("plan.csv"), "old\n");
	chmod(at("plan.csv"), 0604);
	CHECK_INT_EQ(write_out(at("plan.csv"), "new\n", true, d), 0);
	CHECK_INT_EQ(stat(at("plan.csv"), &st), 0);
	CHECK_INT_EQ(st.st_mode & 07777, 0604);
	chmod(at("plan.csv"), 0600);
	CHECK_INT_EQ(write_out(at("plan.csv"), "newer\n", true, d), 0);
	CHECK_INT_EQ(stat(at("plan.csv"), &st), 0);
	CHECK_INT_EQ(st.st_mode & 07777, 0600);
	CHECK_STR_EQ(get_file(at("plan.csv")), "newer\n");
	se_diag_free(d);
}

TEST(without_commit_the_target_is_untouched_and_the_temporary_removed)
{
	se_diag *d = se_diag_new();

	clean_dir(tmpdir);
	put_file(at("report.md"), "old report\n");
	CHECK_INT_EQ(write_out(at("report.md"), "half a rep", false, d), 0);
	CHECK_STR_EQ(get_file(at("report.md")), "old report\n");
	CHECK_INT_EQ(count_entries(tmpdir), 1);
	CHECK_INT_EQ(write_out(at("none.md"), "half", false, d), 0);
	CHECK_STR_EQ(get_file(at("none.md")), "(missing)");
	CHECK_INT_EQ(count_entries(tmpdir), 1);
	se_diag_free(d);
}

TEST(a_target_in_a_missing_directory_is_reported)
{
	se_diag *d = se_diag_new();

	CHECK(se_out_open(at("no-such-dir/out.md"), d) == NULL);
	CHECK_INT_EQ(se_diag_count(d, SE_ERROR), 1);
	if (se_diag_len(d) == 1) {
		CHECK_STR_EQ(se_diag_get(d, 0)->rule, "unwritable");
		CHECK_STR_EQ(se_diag_get(d, 0)->file, at("no-such-dir/out.md"));
		CHECK_STR_EQ(se_diag_get(d, 0)->message,
		    "cannot create a temporary file beside it: No such file "
		    "or directory");
	}
	se_diag_free(d);
}

TEST(an_empty_name_or_a_directory_is_refused)
{
	se_diag *d = se_diag_new();

	clean_dir(tmpdir);
	CHECK(se_out_open("", d) == NULL);
	CHECK(se_out_open(tmpdir, d) == NULL);
	CHECK_INT_EQ(se_diag_count(d, SE_ERROR), 2);
	if (se_diag_len(d) == 2) {
		CHECK_STR_EQ(se_diag_get(d, 0)->message,
		    "cannot open for writing: No such file or directory");
		CHECK_STR_EQ(se_diag_get(d, 1)->message,
		    "cannot open for writing: Is a directory");
	}
	CHECK_INT_EQ(count_entries(tmpdir), 0);
	se_diag_free(d);
}

TEST(a_target_whose_directory_is_a_file_is_reported_and_the_file_kept)
{
	se_diag *d = se_diag_new();

	clean_dir(tmpdir);
	put_file(at("notadir"), "keep me\n");
	CHECK(se_out_open(at("notadir/out.md"), d) == NULL);
	CHECK_INT_EQ(se_diag_count(d, SE_ERROR), 1);
	if (se_diag_len(d) == 1)
		CHECK_STR_EQ(se_diag_get(d, 0)->message,
		    "cannot create a temporary file beside it: Not a directory");
	CHECK_STR_EQ(get_file(at("notadir")), "keep me\n");
	CHECK_INT_EQ(count_entries(tmpdir), 1);
	se_diag_free(d);
}

TEST(a_stream_error_on_commit_leaves_the_old_file_byte_identical)
{
	se_diag *d = se_diag_new();
	se_out *o;

	clean_dir(tmpdir);
	put_file(at("report.md"), "old report\n");
	o = se_out_open(at("report.md"), d);
	CHECK(o != NULL);
	if (!o)
		return;
	fputs("new report\n", se_out_file(o));
	fgetc(se_out_file(o)); /* reading a write-only stream sets its error */
	CHECK_INT_EQ(se_out_close(o, true, d), -1);
	CHECK_STR_EQ(get_file(at("report.md")), "old report\n");
	CHECK_INT_EQ(count_entries(tmpdir), 1);
	CHECK_INT_EQ(se_diag_count(d, SE_ERROR), 1);
	se_diag_free(d);
}

TEST(a_full_file_system_leaves_the_old_file_byte_identical)
{
	char big[8192];
	pid_t pid;
	int status = -1;

	clean_dir(tmpdir);
	put_file(at("report.md"), "old report\n");
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		/* Writes past 100 bytes fail with EFBIG, even for root. */
		struct rlimit rl = { 100, 100 };
		se_diag *d = se_diag_new();
		int r;

		signal(SIGXFSZ, SIG_IGN);
		setrlimit(RLIMIT_FSIZE, &rl);
		r = write_out(at("report.md"), big, true, d);
		r = r == -1 && se_diag_count(d, SE_ERROR) == 1 &&
		    strstr(se_diag_get(d, 0)->message, "too large") ? 0 : 1;
		se_diag_free(d);
		_exit(r);
	}
	CHECK(pid > 0);
	waitpid(pid, &status, 0);
	CHECK_INT_EQ(status, 0);
	CHECK_STR_EQ(get_file(at("report.md")), "old report\n");
	CHECK_INT_EQ(count_entries(tmpdir), 1);
}

TEST(dev_full_is_written_directly_and_the_failure_reported)
{
	se_diag *d = se_diag_new();
	struct stat st;

	CHECK_INT_EQ(write_out("/dev/full", "report\n", true, d), -1);
	CHECK_INT_EQ(se_diag_count(d, SE_ERROR), 1);
	if (se_diag_len(d) == 1)
		CHECK_STR_EQ(se_diag_get(d, 0)->message,
		    "cannot write: No space left on device");
	CHECK_INT_EQ(stat("/dev/full", &st), 0);
	CHECK(S_ISCHR(st.st_mode));
	se_diag_free(d);
}

TEST(dev_null_is_written_not_replaced)
{
	se_diag *d = se_diag_new();
	struct stat st;

	CHECK_INT_EQ(write_out("/dev/null", "report\n", true, d), 0);
	CHECK_INT_EQ(stat("/dev/null", &st), 0);
	CHECK(S_ISCHR(st.st_mode));
	CHECK_INT_EQ(se_diag_len(d), 0);
	se_diag_free(d);
}

TEST(a_full_disk_on_standard_output_is_reported)
{
	pid_t pid;
	int status = -1;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		se_diag *d = se_diag_new();
		int fd = open("/dev/full", O_WRONLY), r;

		dup2(fd, 1);
		r = write_out("-", "report\n", true, d);
		r = r == -1 && se_diag_count(d, SE_ERROR) == 1 &&
		    strcmp(se_diag_get(d, 0)->file, "<stdout>") == 0 ? 0 : 1;
		se_diag_free(d);
		_exit(r);
	}
	CHECK(pid > 0);
	waitpid(pid, &status, 0);
	CHECK_INT_EQ(status, 0);
}

TEST(dash_and_null_mean_standard_output)
{
	se_diag *d = se_diag_new();
	se_out *o = se_out_open("-", d);

	CHECK(o && se_out_file(o) == stdout);
	CHECK_INT_EQ(se_out_close(o, true, d), 0);
	o = se_out_open(NULL, d);
	CHECK(o && se_out_file(o) == stdout);
	CHECK_INT_EQ(se_out_close(o, false, d), 0);
	CHECK_INT_EQ(se_out_close(NULL, true, d), 0);
	se_diag_free(d);
}

TEST(dev_stdout_is_written_not_replaced)
{
	struct stat before, after;
	pid_t pid;
	int status = -1, fd;

	clean_dir(tmpdir);
	put_file(at("log"), "");
	CHECK_INT_EQ(stat(at("log"), &before), 0);
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		se_diag *d = se_diag_new();

		int r;

		fd = open(at("log"), O_WRONLY | O_TRUNC);
		dup2(fd, 1);
		r = write_out("/dev/stdout", "report\n", true, d) == 0 ? 0 : 1;
		se_diag_free(d);
		_exit(r);
	}
	CHECK(pid > 0);
	waitpid(pid, &status, 0);
	CHECK_INT_EQ(status, 0);
	CHECK_INT_EQ(stat(at("log"), &after), 0);
	CHECK_INT_EQ(after.st_ino, before.st_ino);
	CHECK_STR_EQ(get_file(at("log")), "report\n");
	CHECK_INT_EQ(count_entries(tmpdir), 1);
}

TEST(a_fifo_is_written_not_replaced)
{
	se_diag *d;
	struct stat st;
	pid_t pid;
	int status = -1;

	clean_dir(tmpdir);
	CHECK_INT_EQ(mkfifo(at("fifo"), 0600), 0);
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		/* the reader: copy what comes through the FIFO to a file */
		char buf[256];
		int in = open(at("fifo"), O_RDONLY);
		FILE *out = fopen(at("got"), "w");
		ssize_t n;

		while ((n = read(in, buf, sizeof buf)) > 0)
			fwrite(buf, 1, (size_t)n, out);
		fclose(out);
		_exit(0);
	}
	CHECK(pid > 0);
	d = se_diag_new(); /* after the fork: the child has nothing to free */
	CHECK_INT_EQ(write_out(at("fifo"), "through the fifo\n", true, d), 0);
	waitpid(pid, &status, 0);
	CHECK_INT_EQ(status, 0);
	CHECK_STR_EQ(get_file(at("got")), "through the fifo\n");
	CHECK_INT_EQ(lstat(at("fifo"), &st), 0);
	CHECK(S_ISFIFO(st.st_mode));
	CHECK_INT_EQ(count_entries(tmpdir), 2);
	se_diag_free(d);
}

TEST(a_symbolic_link_is_followed_and_kept)
{
	se_diag *d = se_diag_new();
	struct stat st;

	clean_dir(tmpdir);
	put_file(at("real.md"), "old\n");
	CHECK_INT_EQ(symlink("real.md", at("link.md")), 0);
	CHECK_INT_EQ(write_out(at("link.md"), "new\n", true, d), 0);
	CHECK_INT_EQ(lstat(at("link.md"), &st), 0);
	CHECK(S_ISLNK(st.st_mode));
	CHECK_STR_EQ(get_file(at("real.md")), "new\n");
	CHECK_INT_EQ(count_entries(tmpdir), 2);
	se_diag_free(d);
}

/* se(7): links are followed and kept, also when the link's target does
 * not exist yet (it used to be replaced by a regular file). */
TEST(a_dangling_symbolic_link_writes_its_target_and_keeps_the_link)
{
	se_diag *d = se_diag_new();
	struct stat st;

	clean_dir(tmpdir);
	CHECK_INT_EQ(symlink("target.md", at("link.md")), 0);
	CHECK_INT_EQ(symlink("link.md", at("link2.md")), 0);
	CHECK_INT_EQ(write_out(at("link2.md"), "new\n", true, d), 0);
	CHECK_INT_EQ(lstat(at("link.md"), &st), 0);
	CHECK(S_ISLNK(st.st_mode));
	CHECK_INT_EQ(lstat(at("link2.md"), &st), 0);
	CHECK(S_ISLNK(st.st_mode));
	CHECK_STR_EQ(get_file(at("target.md")), "new\n");
	CHECK_INT_EQ(count_entries(tmpdir), 3);
	CHECK_INT_EQ(se_diag_len(d), 0);
	se_diag_free(d);
}

TEST(a_symbolic_link_loop_as_the_output_is_reported)
{
	se_diag *d = se_diag_new();

	clean_dir(tmpdir);
	CHECK_INT_EQ(symlink("b.md", at("a.md")), 0);
	CHECK_INT_EQ(symlink("a.md", at("b.md")), 0);
	CHECK_INT_EQ(write_out(at("a.md"), "new\n", true, d), -2);
	CHECK_INT_EQ(se_diag_count(d, SE_ERROR), 1);
	if (se_diag_len(d) == 1) {
		CHECK_STR_EQ(se_diag_get(d, 0)->rule, "unwritable");
		CHECK(strstr(se_diag_get(d, 0)->message, "symbolic links"));
	}
	CHECK_INT_EQ(count_entries(tmpdir), 2);
	se_diag_free(d);
}

/* A renderer stops at the first failed write and the command does not
 * commit: the reason is still the write's (it was [out-of-memory] or
 * nothing at all). */
TEST(a_write_that_failed_before_close_is_reported_with_its_reason)
{
	char big[8192];
	pid_t pid;
	int status = -1;

	clean_dir(tmpdir);
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		struct rlimit rl = { 100, 100 };
		se_diag *d = se_diag_new();
		se_out *o;
		int r;

		signal(SIGXFSZ, SIG_IGN);
		setrlimit(RLIMIT_FSIZE, &rl);
		o = se_out_open(at("report.md"), d);
		if (!o)
			_exit(2);
		fputs(big, se_out_file(o));
		fflush(se_out_file(o));
		r = se_out_close(o, false, d);
		r = r == -1 && se_diag_count(d, SE_ERROR) == 1 &&
		    strcmp(se_diag_get(d, 0)->rule, "unwritable") == 0 &&
		    strcmp(se_diag_get(d, 0)->message,
		    "cannot write: File too large") == 0 ? 0 : 1;
		se_diag_free(d);
		_exit(r);
	}
	CHECK(pid > 0);
	waitpid(pid, &status, 0);
	CHECK_INT_EQ(status, 0);
	CHECK_INT_EQ(count_entries(tmpdir), 0);
}

TEST(color_choices_parse_and_unknown_ones_are_refused)
{
	CHECK_INT_EQ(se_color_parse("auto"), SE_COLOR_AUTO);
	CHECK_INT_EQ(se_color_parse("never"), SE_COLOR_NEVER);
	CHECK_INT_EQ(se_color_parse("always"), SE_COLOR_ALWAYS);
	CHECK_INT_EQ(se_color_parse("yes"), -1);
	CHECK_INT_EQ(se_color_parse(""), -1);
	CHECK_INT_EQ(se_color_parse(NULL), -1);
}

TEST(color_is_forced_by_always_and_never_whatever_no_color_says)
{
	int p[2];

	CHECK_INT_EQ(pipe(p), 0);
	setenv("NO_COLOR", "1", 1);
	CHECK(se_color_use(SE_COLOR_ALWAYS, p[1]));
	unsetenv("NO_COLOR");
	CHECK(!se_color_use(SE_COLOR_NEVER, p[1]));
	CHECK(!se_color_use(SE_COLOR_AUTO, p[1])); /* a pipe is no terminal */
	close(p[0]);
	close(p[1]);
}

TEST(color_auto_is_on_for_a_terminal_unless_no_color_is_set)
{
	int m = posix_openpt(O_RDWR | O_NOCTTY), s = -1;

	if (m < 0 || grantpt(m) != 0 || unlockpt(m) != 0 ||
	    (s = open(ptsname(m), O_RDWR | O_NOCTTY)) < 0) {
		printf("# skipped: no pseudo-terminal here\n");
		if (m >= 0)
			close(m);
		return;
	}
	unsetenv("NO_COLOR");
	CHECK(se_color_use(SE_COLOR_AUTO, s));
	setenv("NO_COLOR", "", 1); /* set but empty: no effect */
	CHECK(se_color_use(SE_COLOR_AUTO, s));
	setenv("NO_COLOR", "1", 1);
	CHECK(!se_color_use(SE_COLOR_AUTO, s));
	unsetenv("NO_COLOR");
	close(s);
	close(m);
}

int
main(void)
{
	if (scratch_open("output") < 0)
		return 1;
	RUN(commit_replaces_the_target_and_leaves_no_temporary_file);
	RUN(a_new_file_is_created_with_the_umask);
	RUN(the_new_file_keeps_the_old_files_permissions);
	RUN(without_commit_the_target_is_untouched_and_the_temporary_removed);
	RUN(a_target_in_a_missing_directory_is_reported);
	RUN(an_empty_name_or_a_directory_is_refused);
	RUN(a_target_whose_directory_is_a_file_is_reported_and_the_file_kept);
	RUN(a_stream_error_on_commit_leaves_the_old_file_byte_identical);
	RUN(a_full_file_system_leaves_the_old_file_byte_identical);
	RUN(dev_full_is_written_directly_and_the_failure_reported);
	RUN(dev_null_is_written_not_replaced);
	RUN(a_full_disk_on_standard_output_is_reported);
	RUN(dash_and_null_mean_standard_output);
	RUN(dev_stdout_is_written_not_replaced);
	RUN(a_fifo_is_written_not_replaced);
	RUN(a_symbolic_link_is_followed_and_kept);
	RUN(a_dangling_symbolic_link_writes_its_target_and_keeps_the_link);
	RUN(a_symbolic_link_loop_as_the_output_is_reported);
	RUN(a_write_that_failed_before_close_is_reported_with_its_reason);
	RUN(color_choices_parse_and_unknown_ones_are_refused);
	RUN(color_is_forced_by_always_and_never_whatever_no_color_says);
	RUN(color_auto_is_on_for_a_terminal_unless_no_color_is_set);
	scratch_close();
	return DONE();
}
