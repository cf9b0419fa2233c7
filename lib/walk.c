/* walk.c: turning the operands of a command into files, directories
 * walked recursively in a stable order. */
#include "internal.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* A directory on the path from the operand down to where the walk is,
 * so a symbolic link back up the tree is seen as a loop. */
struct level {
	dev_t dev;
	ino_t ino;
	const char *path;
	const struct level *up;
};

struct walk {
	se_walk_fn fn;
	void *ctx;
	se_diag *d;
};

static int walk_dir(struct walk *w, const char *path, const struct stat *st,
    const struct level *up);

static int
report(se_diag *d, const char *path, const char *what, int err)
{
	se_pos pos = { path, 0, 0 };

	return se_diag_error(d, &pos, "unreadable", "%s: %s", what,
	    strerror(err));
}

static int
cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
free_names(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* The names in 'dir' that do not start with '.', sorted; -1 with errno
 * set when it cannot be read. */
static int
read_names(const char *path, char ***out, size_t *nout)
{
	DIR *dir = opendir(path);
	struct dirent *e;
	char **v = NULL, **nv;
	size_t n = 0, cap = 0;
	int err = 0;

	if (!dir)
		return -1;
	for (;;) {
		errno = 0;
		e = readdir(dir);
		if (!e) {
			err = errno;
			break;
		}
		if (e->d_name[0] == '.')
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			nv = realloc(v, cap * sizeof *v);
			if (!nv) {
				err = ENOMEM;
				break;
			}
			v = nv;
		}
		v[n] = strdup(e->d_name);
		if (!v[n]) {
			err = ENOMEM;
			break;
		}
		n++;
	}
	closedir(dir);
	if (err) {
		free_names(v, n);
		errno = err;
		return -1;
	}
	if (n > 1)
		qsort(v, n, sizeof *v, cmp_name);
	*out = v;
	*nout = n;
	return 0;
}

static const struct level *
find_level(const struct level *l, const struct stat *st)
{
	for (; l; l = l->up)
		if (l->dev == st->st_dev && l->ino == st->st_ino)
			return l;
	return NULL;
}

/* One entry found in a directory. */
static int
walk_entry(struct walk *w, const char *path, const struct level *up)
{
	struct stat st, lst;
	const struct level *loop;
	se_pos pos = { path, 0, 0 };

	if (stat(path, &st) != 0) {
		int e = errno;
		if (lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode)) {
			report(w->d, path, "cannot follow the symbolic link", e);
			return 0;
		}
		if (e == ENOENT) {
			se_diag_warning(w->d, &pos, "vanished",
			    "removed while the directory was being read; "
			    "skipped");
			return 0;
		}
		report(w->d, path, "cannot read", e);
		return 0;
	}
	if (S_ISREG(st.st_mode)) {
		int r = w->fn(w->ctx, path, false);
		return r > 0 ? r : 0; /* < 0: reported by 'fn'; go on */
	}
	if (!S_ISDIR(st.st_mode))
		return 0; /* FIFOs, devices, sockets: never opened by a walk */
	loop = find_level(up, &st);
	if (loop) {
		se_diag_error(w->d, &pos, "symlink-loop",
		    "symbolic link leads back to '%s'; not followed",
		    loop->path);
		return 0;
	}
	return walk_dir(w, path, &st, up);
}

static int
walk_dir(struct walk *w, const char *path, const struct stat *st,
    const struct level *up)
{
	struct level here = { st->st_dev, st->st_ino, path, up };
	size_t n = 0, i, len = strlen(path);
	char **names = NULL;
	se_buf b;
	int r = 0;

	if (read_names(path, &names, &n) != 0) {
		report(w->d, path, "cannot read the directory", errno);
		return up ? 0 : -1;
	}
	se_buf_init(&b);
	for (i = 0; i < n && r == 0; i++) {
		se_buf_reset(&b);
		se_buf_add(&b, path, len);
		if (len == 0 || path[len - 1] != '/')
			se_buf_addc(&b, '/');
		se_buf_adds(&b, names[i]);
		if (se_buf_failed(&b)) {
			report(w->d, path, "cannot read the directory", ENOMEM);
			break;
		}
		r = walk_entry(w, se_buf_str(&b), &here);
	}
	se_buf_release(&b);
	free_names(names, n);
	return r;
}

int
se_walk(const char *operand, se_walk_fn fn, void *ctx, se_diag *d)
{
	struct walk w = { fn, ctx, d };
	struct stat st;

	if (strcmp(operand, "-") == 0)
		return fn(ctx, operand, true);
	if (stat(operand, &st) != 0)
		return report(d, operand, "cannot open", errno);
	if (!S_ISDIR(st.st_mode))
		return fn(ctx, operand, true);
	return walk_dir(&w, operand, &st, NULL);
}
