/* doc.c: loading a document (YAML, or Markdown with front matter) into
 * its tree, and looking things up in the tree. */
#include "load_internal.h"

#include <stdlib.h>
#include <string.h>

/* The arena may take this much per byte of input, plus a fixed slack.
 * A node costs about 100 bytes: ordinary YAML needs about 20 bytes a
 * byte, a dense flow list ("[1,1,1,...]") about 50, so such a document
 * is refused as too large rather than loaded into gigabytes; memory for
 * one document stays under 41 times the 16 MiB limit. */
#define ARENA_PER_BYTE 40
#define ARENA_SLACK (1024u * 1024u)

int
se_load_nomem(se_arena *arena, const char *file, se_diag *diag)
{
	se_pos p = { file, 0, 0 };

	if (se_arena_over_cap(arena))
		return se_diag_error(diag, &p, "too-large",
		    "document is too large or too complex to load: it needs "
		    "more than %zu MiB of memory",
		    se_arena_used(arena) / (1024 * 1024));
	return se_diag_error(diag, &p, "out-of-memory",
	    "out of memory loading the document");
}

/* Length of the line at 's' without its line break, and *next after it. */
static size_t
line_len(const char *s, size_t len, size_t *next)
{
	size_t i = 0;

	while (i < len && s[i] != '\n' && s[i] != '\r')
		i++;
	*next = i;
	if (i < len && s[i] == '\r')
		(*next)++;
	if (*next < len && s[*next] == '\n' && (*next == i || s[i] == '\r'))
		(*next)++;
	return i;
}

/* Standard input has no name to go by: it is Markdown when it starts
 * with a '---' line and has a closing '---' line later. */
static int
sniff(const char *buf, size_t len)
{
	size_t off, next, n;

	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0) {
		buf += 3;
		len -= 3;
	}
	n = line_len(buf, len, &next);
	if (n != 3 || memcmp(buf, "---", 3) != 0 || next == n)
		return SE_SYNTAX_YAML;
	for (off = next; off < len; off += next) {
		n = line_len(buf + off, len - off, &next);
		if (n == 3 && memcmp(buf + off, "---", 3) == 0)
			return SE_SYNTAX_MARKDOWN;
	}
	return SE_SYNTAX_YAML;
}

static int
choose_syntax(const char *name, int syntax, const char *buf, size_t len)
{
	if (syntax == SE_SYNTAX_YAML || syntax == SE_SYNTAX_MARKDOWN)
		return syntax;
	if (strcmp(name, "-") == 0 || strcmp(name, "<stdin>") == 0)
		return sniff(buf, len);
	return se_doc_syntax(name);
}

se_syntax
se_doc_syntax(const char *path)
{
	return se_ends_with(path, ".md") || se_ends_with(path, ".markdown") ?
	    SE_SYNTAX_MARKDOWN : SE_SYNTAX_YAML;
}

static const char *
meta_str(const se_node *meta, const char *key)
{
	return se_node_str(se_node_get(meta, key));
}

se_doc *
se_doc_parse(const char *name, int syntax, const char *buf, size_t len,
    se_diag *diag)
{
	const char *shown = strcmp(name, "-") == 0 ? "<stdin>" : name;
	se_pos whole = { shown, 0, 0 };
	se_arena *arena;
	se_doc *doc;
	size_t skip = 0;

	if (len > SE_MAX_DOC_BYTES) {
		se_diag_error(diag, &whole, "too-large",
		    "file is larger than %u MiB, the limit for a document",
		    SE_MAX_DOC_BYTES / (1024 * 1024));
		return NULL;
	}
	if (se_utf8_check(shown, buf, len, diag) < 0)
		return NULL;
	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
		skip = 3;
	arena = se_arena_new(len * ARENA_PER_BYTE + ARENA_SLACK);
	doc = arena ? se_arena_alloc(arena, sizeof *doc) : NULL;
	if (!doc) {
		se_arena_free(arena);
		se_diag_error(diag, &whole, "out-of-memory",
		    "out of memory loading the document");
		return NULL;
	}
	doc->arena = arena;
	doc->path = se_arena_strdup(arena, shown);
	doc->syntax = choose_syntax(name, syntax, buf, len);
	doc->src = se_arena_strndup(arena, buf + skip, len - skip);
	doc->src_len = len - skip;
	if (!doc->path || !doc->src) {
		se_load_nomem(arena, shown, diag);
		goto fail;
	}
	if (doc->syntax == SE_SYNTAX_MARKDOWN) {
		if (se_markdown_parse(doc, diag) < 0)
			goto fail;
	} else if (se_yaml_parse(arena, doc->path, doc->src, doc->src_len, 0,
	    diag, &doc->meta) < 0) {
		goto fail;
	}
	doc->kind = meta_str(doc->meta, "kind");
	doc->framework = meta_str(doc->meta, "framework");
	return doc;
fail:
	se_doc_free(doc);
	return NULL;
}

se_doc *
se_doc_load(const char *path, se_diag *diag)
{
	char *buf;
	size_t len;
	se_doc *doc;

	if (se_read_file(path, SE_MAX_DOC_BYTES, &buf, &len, diag) < 0)
		return NULL;
	doc = se_doc_parse(path, -1, buf, len, diag);
	free(buf);
	return doc;
}

int
se_doc_load_found(const char *path, bool named, const char *kind,
    se_doc **doc, se_diag *diag)
{
	se_diag *quiet;

	*doc = NULL;
	if (named) {
		*doc = se_doc_load(path, diag);
		return *doc ? 0 : -1;
	}
	quiet = se_diag_new_child(diag);
	if (!quiet) {
		se_pos pos = { path, 0, 0 };
		return se_diag_error(diag, &pos, "out-of-memory",
		    "out of memory reading the file");
	}
	*doc = se_doc_load(path, quiet);
	if (*doc && (!(*doc)->kind || (kind && strcmp((*doc)->kind,
	    kind) != 0))) {
		se_doc_free(*doc);
		*doc = NULL;
		se_diag_free(quiet);
		return 0;
	}
	se_diag_append(diag, quiet);
	se_diag_free(quiet);
	return *doc ? 0 : -1;
}

void
se_doc_free(se_doc *doc)
{
	if (doc)
		se_arena_free(doc->arena);
}

static const se_node *
get(const se_node *map, const char *key, size_t n)
{
	size_t i;

	if (!map || map->kind != SE_NODE_MAP || !key)
		return NULL;
	for (i = 0; i < map->n; i++)
		if (map->keys[i]->len == n &&
		    memcmp(map->keys[i]->text, key, n) == 0)
			return map->items[i];
	return NULL;
}

const se_node *
se_node_get(const se_node *map, const char *key)
{
	return key ? get(map, key, strlen(key)) : NULL;
}

const char *
se_node_str(const se_node *n)
{
	return n && n->kind == SE_NODE_SCALAR ? n->text : NULL;
}

const se_node *
se_node_path(const se_node *root, const char *path)
{
	const se_node *n = root;
	const char *dot;
	size_t len;

	while (n && path) {
		dot = strchr(path, '.');
		len = dot ? (size_t)(dot - path) : strlen(path);
		n = get(n, path, len);
		path = dot ? dot + 1 : NULL;
	}
	return n;
}
