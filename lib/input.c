/* input.c: every file the library reads is opened here, so that no open
 * blocks and every input is known to the output that must not replace
 * it (lib/output.c). */
#include "internal.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char *
se_input_name(const char *path)
{
	return strcmp(path, "-") == 0 ? "<stdin>" : path;
}

int
se_input_open(const char *path, se_diag *d)
{
	bool is_stdin = strcmp(path, "-") == 0;
	se_pos pos = { se_input_name(path), 0, 0 };
	struct stat st;
	int fd, fl;

	/* O_NONBLOCK: a FIFO with no writer opens at once (and then reads
	 * as empty) instead of waiting for a writer for ever. */
	fd = is_stdin ? 0 : open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY);
	if (fd < 0)
		return se_diag_error(d, &pos, "unreadable", "cannot open: %s",
		    strerror(errno));
	if (fstat(fd, &st) != 0) {
		int e = errno;
		se_input_close(fd);
		return se_diag_error(d, &pos, "unreadable", "cannot read: %s",
		    strerror(e));
	}
	if (S_ISDIR(st.st_mode)) {
		se_input_close(fd);
		return se_diag_error(d, &pos, "unreadable",
		    "is a directory, not a file");
	}
	if (!is_stdin) {
		/* Reads block as usual: a FIFO's writer is waited for. */
		fl = fcntl(fd, F_GETFL);
		if (fl >= 0)
			(void)fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
	}
	if (se_diag_add_input(d, pos.file, &st) < 0) {
		se_input_close(fd);
		return se_diag_error(d, &pos, "out-of-memory",
		    "out of memory opening the file");
	}
	return fd;
}

void
se_input_close(int fd)
{
	if (fd > 0)
		close(fd);
}

FILE *
se_input_fopen(const char *path, se_diag *d)
{
	se_pos pos = { se_input_name(path), 0, 0 };
	int fd = se_input_open(path, d);
	FILE *f;

	if (fd < 0)
		return NULL;
	if (fd == 0)
		return stdin;
	f = fdopen(fd, "rb");
	if (!f) {
		int e = errno;
		close(fd);
		se_diag_error(d, &pos, "unreadable", "cannot open: %s",
		    strerror(e));
	}
	return f;
}

void
se_input_fclose(FILE *f)
{
	if (f && f != stdin)
		fclose(f);
}
