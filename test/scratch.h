/*
 * scratch.h: a scratch directory for the tests that make files
 * (test_input.c, test_output.c, test_walk.c, test_cli.c): scratch_open()
 * makes it, at() names a file in it, put_file()/get_file() write and read
 * one whole, count_entries(), clean_dir() and remove_tree() look and
 * tidy, scratch_close() removes it and all in it.  Static functions, as
 * diagtext.h: one copy a test program; those a program does not use are
 * inline, so unused they say nothing.
 */
#ifndef SE_SCRATCH_H
#define SE_SCRATCH_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char tmpdir[64];

/* Make the directory /tmp/se-test-NAME-XXXXXX; 0, or -1 (said why). */
static inline int
scratch_open(const char *name)
{
	snprintf(tmpdir, sizeof tmpdir, "/tmp/se-test-%s-XXXXXX", name);
	if (!mkdtemp(tmpdir)) {
		perror("mkdtemp");
		return -1;
	}
	return 0;
}

/* The path of 'name' in the directory: four in use at once at most. */
static inline const char *
at(const char *name)
{
	static char path[4][256];
	static int k;

	k = (k + 1) % 4;
	snprintf(path[k], sizeof path[k], "%s/%s", tmpdir, name);
	return path[k];
}

static inline void
put_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

/* The file's contents (static buffer), or "(missing)". */
static inline const char *
get_file(const char *path)
{
	static char buf[8192];
	FILE *f = fopen(path, "r");
	size_t n;

	if (!f)
		return "(missing)";
	n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

/* The entries of 'dir' but "." and "..", or -1 when it cannot be read. */
static inline int
count_entries(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	if (!d)
		return -1;
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, ".."))
			n++;
	closedir(d);
	return n;
}

/* Remove the files in 'dir' (not its subdirectories). */
static inline void
clean_dir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char path[512];

	if (!d)
		return;
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		unlink(path);
	}
	closedir(d);
}

/* Remove 'dir' and everything in it (links are removed, not followed). */
static inline void
remove_tree(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char path[512];
	struct stat st;

	if (!d)
		return;
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		if (snprintf(path, sizeof path, "%s/%s", dir, e->d_name) >=
		    (int)sizeof path)
			continue;
		if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode))
			remove_tree(path);
		else
			unlink(path);
	}
	closedir(d);
	rmdir(dir);
}

static inline void
scratch_close(void)
{
	remove_tree(tmpdir);
}

#endif /* SE_SCRATCH_H */
