/* test_input.c: every reader of the library opens its file through
 * lib/input.c: a FIFO with no writer never blocks, a FIFO with one is
 * read, a document stops at 16 MiB from a file or standard input, and
 * each file read is an input that no -o replaces (by path, symbolic
 * link or hard link).  alarm() turns a hang into a failed test. */
#include "se.h"
#include "scratch.h"
#include "unit.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* Each reader of the library, on one path, through sink d. */
enum reader { R_DOC, R_EXTRACT, R_NEIGHBOURS, R_RATINGS, R_SNIFF, R_PLAN,
	R_CATALOGUE, R_N };
static const char *const reader_name[R_N] = { "se_doc_load", "se_store_read",
	"se_store_read_neighbours", "se_profile_read_ratings",
	"se_csv_sniff_file", "se_plan_load", "se_catalogue_load" };

static void
read_with(enum reader r, const char *path, se_diag *d)
{
	se_store *s;
	se_profile *p;
	se_plan *pl;

	switch (r) {
	case R_DOC:
		se_doc_free(se_doc_load(path, d));
		break;
	case R_EXTRACT:
	case R_NEIGHBOURS:
		s = se_store_new(NULL, d);
		if (r == R_EXTRACT)
			(void)se_store_read(s, path);
		else
			(void)se_store_read_neighbours(s, path);
		se_store_free(s);
		break;
	case R_RATINGS:
		p = se_profile_new(NULL);
		(void)se_profile_read_ratings(p, path, "Anyshire", d);
		se_profile_free(p);
		break;
	case R_SNIFF:
		(void)se_csv_sniff_file(path, d);
		break;
	case R_PLAN:
		pl = se_plan_new();
		(void)se_plan_load(pl, path, d);
		se_plan_free(pl);
		break;
	case R_CATALOGUE:
		se_catalogue_free(se_catalogue_load(path, d));
		break;
	case R_N:
		break;
	}
}

static bool
has_rule(const se_diag *d, const char *rule)
{
	size_t i;

	for (i = 0; i < se_diag_len(d); i++)
		if (strcmp(se_diag_get(d, i)->rule, rule) == 0)
			return true;
	return false;
}

/* Run fn in a child with a time limit: a hang is a failure, not a stuck
 * test run. */
static int
bounded(void (*fn)(enum reader), enum reader r)
{
	pid_t pid;
	int status = -1;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		alarm(10);
		fn(r);
		_exit(0);
	}
	if (pid < 0)
		return -1;
	waitpid(pid, &status, 0);
	return status;
}

static void
read_fifo_without_writer(enum reader r)
{
	se_diag *d = se_diag_new();

	read_with(r, at("fifo"), d);
	se_diag_free(d);
}

TEST(no_reader_blocks_on_a_fifo_without_a_writer)
{
	int r;

	unlink(at("fifo"));
	CHECK_INT_EQ(mkfifo(at("fifo"), 0600), 0);
	for (r = 0; r < R_N; r++) {
		int status = bounded(read_fifo_without_writer, (enum reader)r);
		if (status != 0)
			printf("# %s blocked or failed on a FIFO (status %d)\n",
			    reader_name[r], status);
		CHECK_INT_EQ(status, 0);
	}
	unlink(at("fifo"));
}

/* The writer is attached before the reader opens, as the shell attaches
 * it for <(...): a holder keeps the FIFO open for reading meanwhile.  It
 * writes half the file, waits, and writes the rest, so the reader must
 * wait for it (reads block once the file is open). */
static void
read_fifo_with_writer(enum reader r)
{
	se_diag *d = se_diag_new();
	int holder = open(at("fifo"), O_RDONLY | O_NONBLOCK), ready[2];
	pid_t w;

	if (holder < 0 || pipe(ready) != 0)
		_exit(5);
	w = fork();
	if (w == 0) {
		int fd = open(at("fifo"), O_WRONLY);
		static const char a[] = "authority,neighbour,rank\n";
		static const char b[] = "Anyshire,Midshire,1\n";
		if (fd < 0 || write(ready[1], "x", 1) != 1 ||
		    write(fd, a, sizeof a - 1) < 0)
			_exit(1);
		nanosleep(&(struct timespec){ 0, 300000000 }, NULL);
		if (write(fd, b, sizeof b - 1) < 0)
			_exit(1);
		_exit(0);
	}
	{
		char c;
		if (read(ready[0], &c, 1) != 1) /* the writer is attached */
			_exit(6);
	}
	read_with(r, at("fifo"), d);
	waitpid(w, NULL, 0);
	close(holder);
	/* The whole file was read: a header alone would be an error
	 * ("not a neighbours file"), as would an empty file. */
	if (se_diag_count(d, SE_ERROR) != 0)
		_exit(3);
	se_diag_free(d);
}

TEST(a_fifo_with_a_writer_is_read_like_a_file)
{
	unlink(at("fifo"));
	CHECK_INT_EQ(mkfifo(at("fifo"), 0600), 0);
	CHECK_INT_EQ(bounded(read_fifo_with_writer, R_NEIGHBOURS), 0);
	unlink(at("fifo"));
}

static void
read_zero_stdin(enum reader r)
{
	se_diag *d = se_diag_new();
	int fd = open("/dev/zero", O_RDONLY);

	dup2(fd, 0);
	read_with(r, "-", d);
	_exit(has_rule(d, "too-large") ? 0 : 4);
}

TEST(a_document_on_standard_input_stops_at_16_mib)
{
	CHECK_INT_EQ(bounded(read_zero_stdin, R_DOC), 0);
}

TEST(a_document_file_stops_at_16_mib)
{
	se_diag *d = se_diag_new();

	CHECK(se_doc_load("/dev/zero", d) == NULL);
	CHECK(has_rule(d, "too-large"));
	se_diag_free(d);
}

/* A file each reader can read without failing to open it. */
static const char *const reader_text[R_N] = {
	"kind: self-evaluation\n",
	"indicator,authority,period,value\nCSC-001,Anyshire,2018-19,1\n",
	"authority,neighbour,rank\nAnyshire,Midshire,1\n",
	"indicator,authority,period,value,rag\n",
	"indicator,authority,period,value\n",
	"kind: plan\nactions: []\n",
	"kind: indicators\nindicators: []\n",
};

static int
open_out(const char *path, se_diag *d)
{
	se_out *o = se_out_open(path, d);

	if (!o)
		return -2;
	fputs("replaced\n", se_out_file(o));
	return se_out_close(o, true, d);
}

TEST(every_reader_records_its_file_so_no_output_replaces_it)
{
	int r;

	for (r = 0; r < R_N; r++) {
		se_diag *d = se_diag_new();
		put_file(at("input"), reader_text[r]);
		read_with((enum reader)r, at("input"), d);
		if (!has_rule(d, "output-is-input") &&
		    open_out(at("input"), d) != -2)
			printf("# %s: the output replaced its input\n",
			    reader_name[r]);
		CHECK(has_rule(d, "output-is-input"));
		CHECK_STR_EQ(get_file(at("input")), reader_text[r]);
		se_diag_free(d);
	}
	unlink(at("input"));
}

TEST(an_input_is_refused_by_path_symbolic_link_and_hard_link)
{
	se_diag *d = se_diag_new();
	size_t before;

	unlink(at("link"));
	unlink(at("hard"));
	put_file(at("plan.yaml"), "kind: plan\n");
	se_doc_free(se_doc_load(at("plan.yaml"), d));
	before = se_diag_len(d);
	CHECK_INT_EQ(symlink("plan.yaml", at("link")), 0);
	CHECK_INT_EQ(link(at("plan.yaml"), at("hard")), 0);
	CHECK_INT_EQ(open_out(at("plan.yaml"), d), -2);
	CHECK_INT_EQ(open_out(at("link"), d), -2);
	CHECK_INT_EQ(open_out(at("hard"), d), -2);
	CHECK_INT_EQ(se_diag_len(d), before + 3);
	if (se_diag_len(d) == before + 3) {
		CHECK_STR_EQ(se_diag_get(d, before)->message, "is an input: "
		    "no command writes over a file it reads");
		CHECK_STR_EQ(se_diag_get(d, before + 1)->rule,
		    "output-is-input");
	}
	CHECK_STR_EQ(get_file(at("plan.yaml")), "kind: plan\n");
	CHECK_INT_EQ(count_entries(tmpdir), 3); /* no temporary file */
	unlink(at("link"));
	unlink(at("hard"));
	unlink(at("plan.yaml"));
	se_diag_free(d);
}

TEST(a_file_read_through_a_child_sink_is_an_input_of_the_parent)
{
	se_diag *d = se_diag_new();
	se_diag *child = se_diag_new_child(d);

	put_file(at("note.md"), "# A note\n");
	se_doc_free(se_doc_load(at("note.md"), child));
	se_diag_free(child);
	CHECK_INT_EQ(open_out(at("note.md"), d), -2);
	CHECK_STR_EQ(get_file(at("note.md")), "# A note\n");
	unlink(at("note.md"));
	se_diag_free(d);
}

TEST(an_input_read_after_the_output_was_opened_is_refused_at_commit)
{
	se_diag *d = se_diag_new();
	se_out *o;

	put_file(at("late.yaml"), "kind: plan\n");
	o = se_out_open(at("late.yaml"), d);
	CHECK(o != NULL);
	if (!o)
		return;
	fputs("replaced\n", se_out_file(o));
	se_doc_free(se_doc_load(at("late.yaml"), d));
	CHECK_INT_EQ(se_out_close(o, true, d), -1);
	CHECK(has_rule(d, "output-is-input"));
	CHECK_STR_EQ(get_file(at("late.yaml")), "kind: plan\n");
	CHECK_INT_EQ(count_entries(tmpdir), 1);
	unlink(at("late.yaml"));
	se_diag_free(d);
}

TEST(a_device_read_and_written_is_no_input_replaced)
{
	se_diag *d = se_diag_new();

	se_doc_free(se_doc_load("/dev/null", d));
	CHECK_INT_EQ(open_out("/dev/null", d), 0);
	CHECK(!has_rule(d, "output-is-input"));
	se_diag_free(d);
}

int
main(void)
{
	if (scratch_open("input") < 0)
		return 1;
	RUN(no_reader_blocks_on_a_fifo_without_a_writer);
	RUN(a_fifo_with_a_writer_is_read_like_a_file);
	RUN(a_document_on_standard_input_stops_at_16_mib);
	RUN(a_document_file_stops_at_16_mib);
	RUN(every_reader_records_its_file_so_no_output_replaces_it);
	RUN(an_input_is_refused_by_path_symbolic_link_and_hard_link);
	RUN(a_file_read_through_a_child_sink_is_an_input_of_the_parent);
	RUN(an_input_read_after_the_output_was_opened_is_refused_at_commit);
	RUN(a_device_read_and_written_is_no_input_replaced);
	scratch_close();
	return DONE();
}
