/*
 * load_internal.h: what the document loaders (doc.c, yaml.c, markdown.c)
 * share with each other and nobody else.
 */
#ifndef SE_LOAD_INTERNAL_H
#define SE_LOAD_INTERNAL_H

#include "internal.h"

/* Parse the first YAML document in 'buf' into a tree in 'arena'.  Lines
 * are shifted down by 'line_off' (front matter starts below line 1);
 * 'file' is stored in every position.  Returns 0 with *root set (NULL for
 * a stream with no document), or -1 on a syntax error or a limit, with
 * the reason in 'diag'.  Duplicate keys are reported but do not fail. */
int se_yaml_parse(se_arena *arena, const char *file, const char *buf,
    size_t len, unsigned line_off, se_diag *diag, se_node **root);

/* Split doc->src into front matter and body, parse the front matter into
 * doc->meta and the body into doc->sections.  Returns 0, or -1 when the
 * front matter is unterminated or not valid YAML, or out of memory. */
int se_markdown_parse(se_doc *doc, se_diag *diag);

/* Report that the arena ran out: over its cap ("too-large") or out of
 * memory.  Returns -1. */
int se_load_nomem(se_arena *arena, const char *file, se_diag *diag);

#endif /* SE_LOAD_INTERNAL_H */
