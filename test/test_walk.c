/* test_walk.c: operands to files, directories walked in a stable order. */
#include "se.h"
#include "scratch.h"
#include "unit.h"

#include <sys/stat.h>
#include <sys/wait.h>

/* What every file of the tree holds: the walk does not read it. */
static const char doc[] = "kind: plan\n";

/* What the walk saw: one line per call, "named path" or "found path",
 * with the root replaced by "ROOT". */
struct seen {
	char buf[4096];
	size_t len;
	int stop_after;        /* > 0: return 7 at that call */
	int calls;
	const char *remove_at; /* remove this when the first file is seen */
	int ret;               /* what to return otherwise */
};

static int
record(void *ctx, const char *path, bool named)
{
	struct seen *s = ctx;
	size_t rl = strlen(tmpdir);
	const char *shown = strncmp(path, tmpdir, rl) == 0 ? path + rl : path;

	s->len += (size_t)snprintf(s->buf + s->len, sizeof s->buf - s->len,
	    "%s %s%s\n", named ? "named" : "found",
	    shown != path ? "ROOT" : "", shown);
	s->calls++;
	if (s->calls == 1 && s->remove_at) {
		if (unlink(s->remove_at) != 0)
			rmdir(s->remove_at);
	}
	if (s->stop_after && s->calls == s->stop_after)
		return 7;
	return s->ret;
}

/* ROOT: A.md a.yaml b.md c/ dangling@ fifo| loop@ -> . sub/ sublink@ ->
 * sub, with sub/z.md, sub/.dot/x.md, .git/config, .hidden.md */
static void
make_tree(void)
{
	put_file(at("A.md"), doc);
	put_file(at("a.yaml"), doc);
	put_file(at("b.md"), doc);
	put_file(at(".hidden.md"), doc);
	mkdir(at(".git"), 0755);
	put_file(at(".git/config"), doc);
	mkdir(at("c"), 0755);
	mkdir(at("sub"), 0755);
	put_file(at("sub/z.md"), doc);
	mkdir(at("sub/.dot"), 0755);
	put_file(at("sub/.dot/x.md"), doc);
	symlink("nowhere", at("dangling"));
	mkfifo(at("fifo"), 0644);
	symlink(".", at("loop"));
	symlink("sub", at("sublink"));
}

static void
fresh_tree(void)
{
	remove_tree(tmpdir);
	mkdir(tmpdir, 0755);
	make_tree();
}

static size_t
count_rule(const se_diag *d, const char *rule)
{
	size_t i, n = 0;

	for (i = 0; i < se_diag_len(d); i++)
		if (strcmp(se_diag_get(d, i)->rule, rule) == 0)
			n++;
	return n;
}

TEST(a_directory_is_walked_in_sorted_order_skipping_dot_entries)
{
	struct seen s = { .len = 0 };
	se_diag *d = se_diag_new();

	fresh_tree();
	CHECK_INT_EQ(se_walk(tmpdir, record, &s, d), 0);
	CHECK_STR_EQ(s.buf,
	    "found ROOT/A.md\n"
	    "found ROOT/a.yaml\n"
	    "found ROOT/b.md\n"
	    "found ROOT/sub/z.md\n"
	    "found ROOT/sublink/z.md\n");
	se_diag_free(d);
}

TEST(a_symlink_loop_is_reported_once_and_not_followed)
{
	struct seen s = { .len = 0 };
	se_diag *d = se_diag_new();

	fresh_tree();
	CHECK_INT_EQ(se_walk(tmpdir, record, &s, d), 0);
	CHECK_INT_EQ(count_rule(d, "symlink-loop"), 1);
	se_diag_sort(d);
	if (count_rule(d, "symlink-loop") == 1) {
		const se_diag_item *it = se_diag_get(d, 1);
		CHECK_STR_EQ(it->rule, "symlink-loop");
		CHECK_STR_EQ(it->file, at("loop"));
		CHECK_INT_EQ(it->severity, SE_ERROR);
	}
	se_diag_free(d);
}

TEST(a_loop_deeper_down_is_caught_too)
{
	struct seen s = { .len = 0 };
	se_diag *d = se_diag_new();

	fresh_tree();
	symlink("..", at("sub/up")); /* ROOT/sub/up -> ROOT */
	CHECK_INT_EQ(se_walk(at("sub"), record, &s, d), 0);
	/* From ROOT/sub, up leads to ROOT, which is no loop yet; in it,
	 * loop (ROOT), sub and sublink (ROOT/sub) are. */
	CHECK_STR_EQ(s.buf,
	    "found ROOT/sub/up/A.md\n"
	    "found ROOT/sub/up/a.yaml\n"
	    "found ROOT/sub/up/b.md\n"
	    "found ROOT/sub/z.md\n");
	CHECK_INT_EQ(count_rule(d, "symlink-loop"), 3);
	se_diag_free(d);
}

TEST(a_broken_symlink_is_reported_and_the_walk_goes_on)
{
	struct seen s = { .len = 0 };
	se_diag *d = se_diag_new();

	fresh_tree();
	se_walk(tmpdir, record, &s, d);
	CHECK_INT_EQ(count_rule(d, "unreadable"), 1);
	se_diag_sort(d);
	CHECK_STR_EQ(se_diag_get(d, 0)->file, at("dangling"));
	CHECK_STR_EQ(se_diag_get(d, 0)->message,
	    "cannot follow the symbolic link: No such file or directory");
	CHECK(strstr(s.buf, "ROOT/sub/z.md") != NULL);
	se_diag_free(d);
}

TEST(a_file_operand_is_passed_as_named)
{
	struct seen s = { .len = 0 };
	se_diag *d = se_diag_new();

	fresh_tree();
	CHECK_INT_EQ(se_walk(at(".hidden.md"), record, &s, d), 0);
	CHECK_STR_EQ(s.buf, "named ROOT/.hidden.md\n");
	CHECK_INT_EQ(se_diag_len(d), 0);
	se_diag_free(d);
}

TEST(dash_is_standard_input_passed_as_named)
{
	struct seen s = { .len = 0 };
	se_diag *d = se_diag_new();

	CHECK_INT_EQ(se_walk("-", record, &s, d), 0);
	CHECK_STR_EQ(s.buf, "named -\n");
	se_diag_free(d);
}

TEST(a_fifo_operand_is_passed_on_without_opening_it)
{
	struct seen s = { .len = 0 };
	se_diag *d = se_diag_new();

	fresh_tree();
	CHECK_INT_EQ(se_walk(at("fifo"), record, &s, d), 0);
	CHECK_STR_EQ(s.buf, "named ROOT/fifo\n");
	se_diag_free(d);
}

TEST(a_missing_operand_is_reported_and_returns_minus_one)
{
	struct seen s = { .len = 0 };
	se_diag *d = se_diag_new();

	CHECK_INT_EQ(se_walk(at("no-such.md"), record, &s, d), -1);
	CHECK_INT_EQ(s.calls, 0);
	CHECK_INT_EQ(se_diag_count(d, SE_ERROR), 1);
	if (se_diag_len(d) == 1) {
		CHECK_STR_EQ(se_diag_get(d, 0)->rule, "unreadable");
		CHECK_STR_EQ(se_diag_get(d, 0)->file, at("no-such.md"));
		CHECK_INT_EQ(se_diag_get(d, 0)->line, 0);
		CHECK_STR_EQ(se_diag_get(d, 0)->message,
		    "cannot open: No such file or directory");
	}
	se_diag_free(d);
}

TEST(a_trailing_slash_does_not_double_the_separator)
{
	struct seen s = { .len = 0 };
	se_diag *d = se_diag_new();

	fresh_tree();
	CHECK_INT_EQ(se_walk(at("sub/"), record, &s, d), 0);
	CHECK_STR_EQ(s.buf, "found ROOT/sub/z.md\n");
	se_diag_free(d);
}

TEST(an_empty_directory_visits_nothing_and_reports_nothing)
{
	struct seen s = { .len = 0 };
	se_diag *d = se_diag_new();

	fresh_tree();
	CHECK_INT_EQ(se_walk(at("c"), record, &s, d), 0);
	CHECK_INT_EQ(s.calls, 0);
	CHECK_INT_EQ(se_diag_len(d), 0);
	se_diag_free(d);
}

TEST(a_positive_return_stops_the_walk_and_is_returned)
{
	struct seen s = { .stop_after = 2 };
	se_diag *d = se_diag_new();

	fresh_tree();
	CHECK_INT_EQ(se_walk(tmpdir, record, &s, d), 7);
	CHECK_STR_EQ(s.buf, "found ROOT/A.md\nfound ROOT/a.yaml\n");
	se_diag_free(d);
}

TEST(a_failed_file_in_a_directory_does_not_stop_the_walk)
{
	struct seen s = { .ret = -1 };
	se_diag *d = se_diag_new();

	fresh_tree();
	CHECK_INT_EQ(se_walk(tmpdir, record, &s, d), 0);
	CHECK_INT_EQ(s.calls, 5);
	se_diag_free(d);
}

TEST(a_failed_named_file_returns_minus_one)
{
	struct seen s = { .ret = -1 };
	se_diag *d = se_diag_new();

	fresh_tree();
	CHECK_INT_EQ(se_walk(at("b.md"), record, &s, d), -1);
	se_diag_free(d);
}

TEST(a_file_removed_during_the_walk_is_reported_and_skipped)
{
	struct seen s = { .len = 0 };
	se_diag *d = se_diag_new();

	fresh_tree();
	s.remove_at = at("b.md");
	CHECK_INT_EQ(se_walk(tmpdir, record, &s, d), 0);
	CHECK_STR_EQ(s.buf,
	    "found ROOT/A.md\n"
	    "found ROOT/a.yaml\n"
	    "found ROOT/sub/z.md\n"
	    "found ROOT/sublink/z.md\n");
	CHECK_INT_EQ(count_rule(d, "vanished"), 1);
	se_diag_free(d);
}

TEST(a_directory_removed_during_the_walk_is_reported_and_skipped)
{
	struct seen s = { .len = 0 };
	se_diag *d = se_diag_new();

	fresh_tree();
	unlink(at("sublink"));
	put_file(at("sub/y.md"), doc);
	unlink(at("sub/z.md"));
	unlink(at("sub/y.md"));
	remove_tree(at("sub/.dot"));
	s.remove_at = at("sub");
	CHECK_INT_EQ(se_walk(tmpdir, record, &s, d), 0);
	CHECK_STR_EQ(s.buf,
	    "found ROOT/A.md\n"
	    "found ROOT/a.yaml\n"
	    "found ROOT/b.md\n");
	CHECK_INT_EQ(count_rule(d, "vanished"), 1);
	se_diag_sort(d);
	CHECK_STR_EQ(se_diag_get(d, 2)->file, at("sub"));
	CHECK_INT_EQ(se_diag_get(d, 2)->severity, SE_WARNING);
	se_diag_free(d);
}

/* Root reads every directory, so this runs in a child that gives up
 * root first (as "nobody"); the exit status says what failed. */
static int
unreadable_walk(se_diag *d)
{
	struct seen s = { .len = 0 };

	if (geteuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0))
		return 10;
	if (se_walk(tmpdir, record, &s, d) != 0)
		return 11;
	if (strcmp(s.buf, "found ROOT/A.md\nfound ROOT/a.yaml\n"
	    "found ROOT/b.md\nfound ROOT/sub/z.md\nfound ROOT/sublink/z.md\n"))
		return 12;
	if (count_rule(d, "unreadable") != 2) /* c/ and the broken link */
		return 13;
	se_diag_sort(d);
	if (strcmp(se_diag_get(d, 0)->message,
	    "cannot read the directory: Permission denied") != 0)
		return 14;
	if (se_walk(at("c"), record, &s, d) != -1)
		return 15;
	return 0;
}

static int
unreadable_child(void)
{
	se_diag *d = se_diag_new();
	int r = unreadable_walk(d);

	se_diag_free(d);
	return r;
}

TEST(an_unreadable_directory_is_reported_and_the_walk_goes_on)
{
	pid_t pid;
	int status = -1;

	fresh_tree();
	chmod(at("c"), 0);
	fflush(stdout);
	pid = fork();
	if (pid == 0)
		_exit(unreadable_child());
	CHECK(pid > 0);
	waitpid(pid, &status, 0);
	CHECK(WIFEXITED(status));
	CHECK_INT_EQ(WEXITSTATUS(status), 0);
	chmod(at("c"), 0755);
}

int
main(void)
{
	if (scratch_open("walk") < 0)
		return 1;
	RUN(a_directory_is_walked_in_sorted_order_skipping_dot_entries);
	RUN(a_symlink_loop_is_reported_once_and_not_followed);
	RUN(a_loop_deeper_down_is_caught_too);
	RUN(a_broken_symlink_is_reported_and_the_walk_goes_on);
	RUN(a_file_operand_is_passed_as_named);
	RUN(dash_is_standard_input_passed_as_named);
	RUN(a_fifo_operand_is_passed_on_without_opening_it);
	RUN(a_missing_operand_is_reported_and_returns_minus_one);
	RUN(a_trailing_slash_does_not_double_the_separator);
	RUN(an_empty_directory_visits_nothing_and_reports_nothing);
	RUN(a_positive_return_stops_the_walk_and_is_returned);
	RUN(a_failed_file_in_a_directory_does_not_stop_the_walk);
	RUN(a_failed_named_file_returns_minus_one);
	RUN(a_file_removed_during_the_walk_is_reported_and_skipped);
	RUN(a_directory_removed_during_the_walk_is_reported_and_skipped);
	RUN(an_unreadable_directory_is_reported_and_the_walk_goes_on);
	scratch_close();
	return DONE();
}
