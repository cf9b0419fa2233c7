/* output.c: -o written atomically (a temporary file beside the target,
 * renamed over it on success), and the colour decision. */
#define _XOPEN_SOURCE 700 /* realpath */
#include "internal.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum out_kind {
	OUT_STDOUT, /* standard output: flushed, never closed */
	OUT_DIRECT, /* an existing non-regular file: written in place */
	OUT_ATOMIC  /* a temporary file renamed over the target */
};

struct se_out {
	enum out_kind kind;
	FILE *f;
	char *name;   /* -o as given, for messages */
	char *target; /* the file to replace (symbolic links resolved) */
	char *tmp;    /* the temporary file beside it */
	bool keep_mode; /* the target existed: give its mode to the new file */
	struct stat old;
};

static int
fail(se_diag *d, const char *path, const char *what, int err)
{
	se_pos pos = { path, 0, 0 };

	return se_diag_error(d, &pos, "unwritable", "%s: %s", what,
	    err ? strerror(err) : "write error");
}

/* No command writes to a file it read: 'st' (the file the output would
 * go to) is compared with every input of the run by device and inode, so
 * a symbolic or hard link to an input is that input too.  Only regular
 * files: the same device or FIFO read and written is no file replaced. */
static int
refuse_input(se_diag *d, const char *name, const struct stat *st)
{
	se_pos pos = { name, 0, 0 };
	const char *input;

	if (!S_ISREG(st->st_mode))
		return 0;
	input = se_diag_find_input(d, st);
	if (!input)
		return 0;
	if (strcmp(input, name) == 0)
		return se_diag_error(d, &pos, "output-is-input", "is an input: "
		    "no command writes over a file it reads");
	return se_diag_error(d, &pos, "output-is-input", "is the same file "
	    "as the input '%s': no command writes over a file it reads",
	    input);
}

static int
refuse_fd_input(se_diag *d, const char *name, int fd)
{
	struct stat st;

	return fstat(fd, &st) == 0 ? refuse_input(d, name, &st) : 0;
}

/* A symbolic link whose target does not exist yet: the name the output
 * is to have, the links followed (se(7): links are followed and kept).
 * NULL with errno set on a loop or out of memory. */
static char *
follow_links(const char *path)
{
	char *cur = strdup(path), *next;
	char buf[PATH_MAX];
	struct stat st;
	const char *slash;
	unsigned hops;
	ssize_t n;
	se_buf b;

	for (hops = 0; cur && hops < 40; hops++) {
		if (lstat(cur, &st) != 0 || !S_ISLNK(st.st_mode))
			return cur;
		n = readlink(cur, buf, sizeof buf - 1);
		if (n < 0)
			return cur;
		buf[n] = '\0';
		slash = strrchr(cur, '/');
		se_buf_init(&b);
		if (buf[0] != '/' && slash)
			se_buf_add(&b, cur, (size_t)(slash - cur) + 1);
		se_buf_add(&b, buf, (size_t)n);
		next = se_buf_failed(&b) ? NULL : se_buf_take(&b);
		se_buf_release(&b);
		free(cur);
		cur = next;
		if (!cur)
			errno = ENOMEM;
	}
	if (cur) {
		free(cur);
		errno = ELOOP;
	}
	return NULL;
}

/* Paths the system gives special meaning (/dev/stdout, /dev/fd/1,
 * /proc/self/fd/1) are written in place even when they lead to a
 * regular file: that file belongs to the shell's redirection. */
static bool
is_special_path(const char *path)
{
	return strncmp(path, "/dev/", 5) == 0 ||
	    strncmp(path, "/proc/", 6) == 0;
}

static se_out *
open_direct(se_out *o, const char *path, se_diag *d)
{
	/* O_APPEND: a redirection with >> keeps what is already there. */
	int fd = open(path, O_WRONLY | O_APPEND | O_NOCTTY);

	if (fd >= 0 && refuse_fd_input(d, path, fd) < 0) {
		close(fd);
		free(o);
		return NULL;
	}
	if (fd < 0 || !(o->f = fdopen(fd, "a"))) {
		fail(d, path, "cannot open for writing", errno);
		if (fd >= 0)
			close(fd);
		free(o);
		return NULL;
	}
	o->kind = OUT_DIRECT;
	o->name = strdup(path); /* for messages; NULL shows as "-" */
	return o;
}

/* Create the temporary file "DIR/.NAME.PID-N" exclusively (so the umask
 * applies to a new file as it would to the target). */
static int
create_tmp(se_out *o)
{
	const char *slash = strrchr(o->target, '/');
	size_t dirlen = slash ? (size_t)(slash - o->target) + 1 : 0;
	const char *base = o->target + dirlen;
	se_buf b;
	unsigned n;
	int fd = -1;

	se_buf_init(&b);
	for (n = 0; n < 1000; n++) {
		se_buf_reset(&b);
		se_buf_add(&b, o->target, dirlen);
		se_buf_addf(&b, ".%s.%ld-%u.tmp", base, (long)getpid(), n);
		if (se_buf_failed(&b)) {
			errno = ENOMEM;
			break;
		}
		fd = open(se_buf_str(&b), O_WRONLY | O_CREAT | O_EXCL | O_NOCTTY,
		    0666);
		if (fd >= 0 || errno != EEXIST)
			break;
	}
	if (fd < 0) {
		int e = errno;
		se_buf_release(&b);
		errno = e;
		return -1;
	}
	o->tmp = se_buf_take(&b);
	return fd;
}

se_out *
se_out_open(const char *path, se_diag *d)
{
	se_out *o = calloc(1, sizeof *o);
	struct stat st;
	int fd, e;

	if (!o) {
		fail(d, path ? path : "-", "cannot open for writing", ENOMEM);
		return NULL;
	}
	if (!path || strcmp(path, "-") == 0) {
		if (refuse_fd_input(d, "<stdout>", STDOUT_FILENO) < 0) {
			free(o);
			return NULL;
		}
		o->kind = OUT_STDOUT;
		o->f = stdout;
		return o;
	}
	if (*path == '\0') {
		fail(d, path, "cannot open for writing", ENOENT);
		free(o);
		return NULL;
	}
	if (is_special_path(path) ||
	    (stat(path, &st) == 0 && !S_ISREG(st.st_mode)))
		return open_direct(o, path, d);
	o->kind = OUT_ATOMIC;
	o->name = strdup(path);
	o->target = realpath(path, NULL); /* follow a link to its file */
	if (!o->target)
		o->target = follow_links(path); /* a link to no file yet */
	else
		o->keep_mode = stat(o->target, &o->old) == 0;
	if (!o->target || !o->name) {
		fail(d, path, "cannot open for writing",
		    o->name && errno ? errno : ENOMEM);
		goto fail;
	}
	if (o->keep_mode && refuse_input(d, path, &o->old) < 0)
		goto fail;
	fd = create_tmp(o);
	if (fd < 0 || !(o->f = fdopen(fd, "w"))) {
		e = errno;
		fail(d, path, "cannot create a temporary file beside it", e);
		if (fd >= 0) {
			close(fd);
			unlink(o->tmp);
		}
		goto fail;
	}
	return o;
fail:
	free(o->tmp);
	free(o->target);
	free(o->name);
	free(o);
	return NULL;
}

FILE *
se_out_file(se_out *o)
{
	return o->f;
}

/* errno values only a failed write sets: when the stream's error flag
 * is all that is left of an earlier failure, errno still says why. */
static bool
is_write_errno(int e)
{
	return e == ENOSPC || e == EFBIG || e == EIO || e == EPIPE ||
	    e == EDQUOT;
}

/* Flush and check: 0, or an errno value (0 never: EIO when nothing tells
 * why an earlier write failed). */
static int
flush_error(FILE *f)
{
	int before = errno;

	errno = 0;
	if (fflush(f) != 0)
		return errno ? errno : EIO;
	if (ferror(f))
		return is_write_errno(before) ? before : EIO;
	return 0;
}

/* Write the temporary file out and put it in the target's place: 0, an
 * errno value, or -1 when the target has become an input (reported). */
static int
commit_atomic(se_out *o, se_diag *d)
{
	int fd = fileno(o->f), e;
	struct stat st;

	e = flush_error(o->f);
	if (e)
		return e;
	if (o->keep_mode) {
		/* Best effort: only root may give the file to its old owner. */
		if (fchown(fd, o->old.st_uid, o->old.st_gid) != 0)
			errno = 0;
		if (fchmod(fd, o->old.st_mode & 07777) != 0)
			return errno;
	}
	if (fsync(fd) != 0 && errno != EINVAL)
		return errno;
	e = fclose(o->f);
	o->f = NULL;
	if (e != 0)
		return errno ? errno : EIO;
	/* Inputs read since the output was opened count as well. */
	if (stat(o->target, &st) == 0 && refuse_input(d, o->name, &st) < 0)
		return -1;
	if (rename(o->tmp, o->target) != 0)
		return errno;
	return 0;
}

int
se_out_close(se_out *o, bool commit, se_diag *d)
{
	int e = 0, r = 0;

	if (!o)
		return 0;
	switch (o->kind) {
	case OUT_STDOUT:
		e = flush_error(o->f);
		if (e)
			r = fail(d, "<stdout>", "cannot write", e);
		break;
	case OUT_DIRECT:
		e = flush_error(o->f);
		if (fclose(o->f) != 0 && !e)
			e = errno ? errno : EIO;
		if (e)
			r = fail(d, o->name ? o->name : "-", "cannot write", e);
		break;
	case OUT_ATOMIC:
		/* Not committed because writing failed: that is the reason
		 * to give (a full disk), whoever saw it first. */
		e = commit ? commit_atomic(o, d) :
		    ferror(o->f) ? flush_error(o->f) : 0;
		if (o->f)
			fclose(o->f);
		if (!commit || e)
			unlink(o->tmp);
		if (e > 0)
			r = fail(d, o->name, "cannot write", e);
		else if (e < 0)
			r = -1;
		break;
	}
	free(o->tmp);
	free(o->target);
	free(o->name);
	free(o);
	return r;
}

int
se_color_parse(const char *name)
{
	static const char *const names[] = { [SE_COLOR_AUTO] = "auto",
		[SE_COLOR_NEVER] = "never", [SE_COLOR_ALWAYS] = "always" };

	return se_word_index(name, names, sizeof names / sizeof names[0]);
}

bool
se_color_use(int mode, int fd)
{
	const char *no_color;

	if (mode == SE_COLOR_ALWAYS)
		return true;
	if (mode == SE_COLOR_NEVER)
		return false;
	no_color = getenv("NO_COLOR"); /* https://no-color.org */
	if (no_color && *no_color)
		return false;
	return isatty(fd) == 1;
}
