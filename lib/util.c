/* util.c: the string builder, whole-file reading and small helpers. */
#include "internal.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void
se_buf_init(se_buf *b)
{
	memset(b, 0, sizeof *b);
}

void
se_buf_release(se_buf *b)
{
	free(b->data);
	se_buf_init(b);
}

void
se_buf_reset(se_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

static bool
reserve(se_buf *b, size_t extra)
{
	size_t cap;
	char *p;

	if (b->failed)
		return false;
	if (extra >= SIZE_MAX / 2 - b->len) {
		b->failed = true;
		return false;
	}
	if (b->len + extra + 1 <= b->cap)
		return true;
	cap = b->cap ? b->cap : 64;
	while (cap < b->len + extra + 1)
		cap *= 2;
	p = realloc(b->data, cap);
	if (!p) {
		b->failed = true;
		return false;
	}
	b->data = p;
	b->cap = cap;
	return true;
}

void
se_buf_add(se_buf *b, const char *s, size_t n)
{
	if (!reserve(b, n))
		return;
	if (n)
		memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
se_buf_adds(se_buf *b, const char *s)
{
	se_buf_add(b, s, strlen(s));
}

void
se_buf_addc(se_buf *b, char c)
{
	se_buf_add(b, &c, 1);
}

void
se_buf_addf(se_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || !reserve(b, (size_t)n)) {
		b->failed = true;
		return;
	}
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

const char *
se_buf_str(se_buf *b)
{
	return b->data ? b->data : "";
}

bool
se_buf_failed(const se_buf *b)
{
	return b->failed;
}

char *
se_buf_take(se_buf *b)
{
	char *p = b->data;

	if (!p)
		p = calloc(1, 1);
	se_buf_init(b);
	return p;
}

int
se_read_file(const char *path, size_t max, char **out, size_t *len,
    se_diag *diag)
{
	se_pos pos = { se_input_name(path), 0, 0 };
	int fd = se_input_open(path, diag);
	se_buf b;
	char chunk[65536];
	ssize_t n;

	*out = NULL;
	*len = 0;
	if (fd < 0)
		return -1;
	se_buf_init(&b);
	for (;;) {
		n = read(fd, chunk, sizeof chunk);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		if (b.len + (size_t)n > max) {
			se_input_close(fd);
			se_buf_release(&b);
			return se_diag_error(diag, &pos, "too-large",
			    "file is larger than %zu MiB, the limit for a "
			    "document", max / (1024 * 1024));
		}
		se_buf_add(&b, chunk, (size_t)n);
	}
	if (n < 0) {
		int e = errno;
		se_input_close(fd);
		se_buf_release(&b);
		return se_diag_error(diag, &pos, "unreadable", "cannot read: %s",
		    strerror(e));
	}
	se_input_close(fd);
	if (se_buf_failed(&b)) {
		se_buf_release(&b);
		return se_diag_error(diag, &pos, "out-of-memory",
		    "out of memory reading the file");
	}
	*len = b.len;
	*out = se_buf_take(&b);
	return 0;
}

int
se_strncasecmp(const char *a, const char *b, size_t n)
{
	for (; n; n--, a++, b++) {
		int ca = (unsigned char)*a, cb = (unsigned char)*b;
		if (ca >= 'A' && ca <= 'Z')
			ca += 'a' - 'A';
		if (cb >= 'A' && cb <= 'Z')
			cb += 'a' - 'A';
		if (ca != cb || !ca)
			return ca - cb;
	}
	return 0;
}

int
se_strcasecmp(const char *a, const char *b)
{
	return se_strncasecmp(a, b, SIZE_MAX);
}

uint64_t
se_hash(const void *p, size_t n)
{
	const unsigned char *s = p;
	uint64_t h = 1469598103934665603ull;

	while (n--) {
		h ^= *s++;
		h *= 1099511628211ull;
	}
	return h;
}

bool
se_eq_ci(const char *a, size_t n, const char *b)
{
	return strlen(b) == n && se_strncasecmp(a, b, n) == 0;
}

bool
se_ends_with(const char *s, const char *end)
{
	size_t n = strlen(s), e = strlen(end);

	return n >= e && se_strcasecmp(s + n - e, end) == 0;
}

int
se_word_index(const char *name, const char *const *words, size_t n)
{
	size_t i;

	for (i = 0; name && i < n; i++)
		if (words[i] && strcmp(name, words[i]) == 0)
			return (int)i;
	return -1;
}

int
se_format_index(const char *name, const char *const *names, size_t n)
{
	return se_word_index(name && strcmp(name, "md") == 0 ? "markdown" :
	    name, names, n);
}

/* Edit distance of two short names (Levenshtein), capped at 9. */
size_t
se_edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j;
	size_t row[33], prev, tmp;

	if (la > 32 || lb > 32)
		return 9;
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		prev = row[0];
		row[0] = i;
		for (j = 1; j <= lb; j++) {
			size_t sub = prev + (a[i - 1] != b[j - 1]);
			size_t del = row[j] + 1, ins = row[j - 1] + 1;
			tmp = row[j];
			row[j] = sub < del ? (sub < ins ? sub : ins) :
			    (del < ins ? del : ins);
			prev = tmp;
		}
	}
	return row[lb] > 9 ? 9 : row[lb];
}
