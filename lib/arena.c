/* arena.c: one arena per loaded document, freed at once. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

struct block {
	struct block *next;
	size_t size, used;
	max_align_t data[];
};

struct se_arena {
	struct block *head;
	size_t total, cap;
	bool over;
};

se_arena *
se_arena_new(size_t cap)
{
	se_arena *a = calloc(1, sizeof *a);

	if (a)
		a->cap = cap;
	return a;
}

void
se_arena_free(se_arena *a)
{
	struct block *b, *next;

	if (!a)
		return;
	for (b = a->head; b; b = next) {
		next = b->next;
		free(b);
	}
	free(a);
}

static struct block *
grow(se_arena *a, size_t need)
{
	size_t size = a->head ? a->head->size * 2 : 4096;
	struct block *b;

	if (size > 1024 * 1024)
		size = 1024 * 1024;
	if (size < need)
		size = need;
	if (a->cap && a->total + size > a->cap) {
		if (a->total + need > a->cap) {
			a->over = true;
			return NULL;
		}
		size = need;
	}
	b = malloc(sizeof *b + size);
	if (!b)
		return NULL;
	b->size = size;
	b->used = 0;
	b->next = a->head;
	a->head = b;
	a->total += size;
	return b;
}

void *
se_arena_alloc(se_arena *a, size_t size)
{
	const size_t align = sizeof(max_align_t);
	struct block *b = a->head;
	void *p;

	if (size > SIZE_MAX - align)
		return NULL;
	size = (size + align - 1) / align * align;
	if (size == 0)
		size = align;
	if (!b || b->size - b->used < size) {
		b = grow(a, size);
		if (!b)
			return NULL;
	}
	p = (char *)b->data + b->used;
	b->used += size;
	memset(p, 0, size);
	return p;
}

char *
se_arena_strndup(se_arena *a, const char *s, size_t n)
{
	char *p = se_arena_alloc(a, n + 1);

	if (!p)
		return NULL;
	if (n)
		memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
se_arena_strdup(se_arena *a, const char *s)
{
	return se_arena_strndup(a, s, strlen(s));
}

size_t
se_arena_used(const se_arena *a)
{
	return a->total;
}

bool
se_arena_over_cap(const se_arena *a)
{
	return a->over;
}
