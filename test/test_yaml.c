/* test_yaml.c: the YAML loader (lib/yaml.c) through se_doc_parse and
 * se_doc_load, and the tree lookups of lib/doc.c. */
#include "se.h"
#include "unit.h"
#include "diagtext.h"

#include <stdlib.h>
#include <time.h>
#include <unistd.h>

/* ---- helpers ------------------------------------------------------------- */

static char out[65536];
static size_t outlen;

static void
put(const char *s, size_t n)
{
	if (outlen + n >= sizeof out)
		n = sizeof out - outlen - 1;
	memcpy(out + outlen, s, n);
	outlen += n;
	out[outlen] = '\0';
}

static void
span(const se_node *n)
{
	char tmp[64];

	if (n->end_line != n->pos.line)
		snprintf(tmp, sizeof tmp, "@%u:%u-%u", n->pos.line, n->pos.col,
		    n->end_line);
	else
		snprintf(tmp, sizeof tmp, "@%u:%u", n->pos.line, n->pos.col);
	put(tmp, strlen(tmp));
}

/* A tree as one line: scalars plain or "quoted" as they were written,
 * each node with @line:col and -end_line when it spans lines.  Recursion
 * is fine here: the test trees are small. */
static void
dump_node(const se_node *n)
{
	size_t i;

	if (!n) {
		put("null", 4);
		return;
	}
	switch (n->kind) {
	case SE_NODE_SCALAR:
		if (!n->plain)
			put("\"", 1);
		put(n->text, n->len);
		if (!n->plain)
			put("\"", 1);
		break;
	case SE_NODE_MAP:
		put("{", 1);
		for (i = 0; i < n->n; i++) {
			if (i)
				put(", ", 2);
			dump_node(n->keys[i]);
			put(": ", 2);
			dump_node(n->items[i]);
		}
		put("}", 1);
		break;
	case SE_NODE_LIST:
		put("[", 1);
		for (i = 0; i < n->n; i++) {
			if (i)
				put(", ", 2);
			dump_node(n->items[i]);
		}
		put("]", 1);
		break;
	}
	span(n);
}

static const char *
dump(const se_node *n)
{
	outlen = 0;
	out[0] = '\0';
	dump_node(n);
	return out;
}

static se_doc *
yaml(const char *text, se_diag *d)
{
	return se_doc_parse("t.yaml", -1, text, strlen(text), d);
}

static double
seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---- trees and positions ------------------------------------------------- */

static const char sample[] =
    "kind: self-assessment\n"
    "framework: em-2012\n"
    "areas:\n"
    "  - id: outcomes\n"
    "    rating: 3\n"
    "    note: \"3\"\n"
    "  - id: partnership\n"
    "    text: |\n"
    "      line one\n"
    "      line two\n"
    "empty: []\n"
    "flow: {a: 1, b: [x,\n"
    "  'y']}\n";

static const char sample_tree[] =
    "{kind@1:1: self-assessment@1:7, framework@2:1: em-2012@2:12, "
    "areas@3:1: [{id@4:5: outcomes@4:9, rating@5:5: 3@5:13, "
    "note@6:5: \"3\"@6:11}@4:5-6, {id@7:5: partnership@7:9, "
    "text@8:5: \"line one\nline two\n\"@8:11-10}@7:5-10]@4:3-10, "
    "empty@11:1: []@11:8, flow@12:1: {a@12:8: 1@12:11, "
    "b@12:14: [x@12:18, \"y\"@13:3]@12:17-13}@12:7-13}@1:1-13";

TEST(a_small_document_gives_the_exact_tree_with_positions)
{
	se_diag *d = se_diag_new();
	se_doc *doc = yaml(sample, d);

	CHECK(doc != NULL);
	CHECK_STR_EQ(diags(d), "");
	if (doc) {
		CHECK_STR_EQ(dump(doc->meta), sample_tree);
		CHECK_STR_EQ(doc->kind, "self-assessment");
		CHECK_STR_EQ(doc->framework, "em-2012");
		CHECK_STR_EQ(doc->path, "t.yaml");
		CHECK_INT_EQ(doc->syntax, SE_SYNTAX_YAML);
		CHECK(doc->body == NULL);
		CHECK_INT_EQ(doc->nsections, 0);
	}
	se_doc_free(doc);
	se_diag_free(d);
}

TEST(a_crlf_file_gives_the_same_tree_as_lf)
{
	se_diag *d = se_diag_new();
	char crlf[sizeof sample * 2];
	size_t i, n = 0;
	se_doc *doc;

	for (i = 0; sample[i]; i++) {
		if (sample[i] == '\n')
			crlf[n++] = '\r';
		crlf[n++] = sample[i];
	}
	crlf[n] = '\0';
	doc = yaml(crlf, d);
	CHECK(doc != NULL);
	CHECK_STR_EQ(diags(d), "");
	if (doc)
		CHECK_STR_EQ(dump(doc->meta), sample_tree);
	se_doc_free(doc);
	se_diag_free(d);
}

TEST(columns_count_characters_not_bytes)
{
	se_diag *d = se_diag_new();
	se_doc *doc = yaml("caf\xc3\xa9: na\xc3\xafve\n\xc3\xa9t\xc3\xa9: x\n",
	    d);

	CHECK(doc != NULL);
	if (doc)
		CHECK_STR_EQ(dump(doc->meta), "{caf\xc3\xa9@1:1: na\xc3\xafve@1:7, "
		    "\xc3\xa9t\xc3\xa9@2:1: x@2:6}@1:1-2");
	se_doc_free(doc);
	se_diag_free(d);
}

TEST(a_byte_order_mark_is_skipped_and_columns_start_after_it)
{
	se_diag *d = se_diag_new();
	se_doc *doc = yaml("\xef\xbb\xbfkind: x\n", d);

	CHECK(doc != NULL);
	CHECK_STR_EQ(diags(d), "");
	if (doc) {
		CHECK_STR_EQ(dump(doc->meta), "{kind@1:1: x@1:7}@1:1");
		CHECK_STR_EQ(doc->src, "kind: x\n");
		CHECK_INT_EQ(doc->src_len, 8);
	}
	se_doc_free(doc);
	se_diag_free(d);
}

TEST(quoted_and_tagged_strings_are_not_plain)
{
	se_diag *d = se_diag_new();
	se_doc *doc = yaml("[3, '3', \"3\", !!str 3, !!int 3]", d);

	CHECK(doc != NULL);
	if (doc)
		CHECK_STR_EQ(dump(doc->meta), "[3@1:2, \"3\"@1:5, \"3\"@1:10, "
		    "\"3\"@1:15, 3@1:24]@1:1");
	se_doc_free(doc);
	se_diag_free(d);
}

/* Found by fuzz_yaml: an empty list or map before any other child. */
TEST(empty_lists_and_maps_alone_are_empty_nodes)
{
	se_diag *d = se_diag_new();
	se_doc *a = yaml("[]", d);
	se_doc *b = yaml("{}", d);

	CHECK(a && b);
	if (a && b) {
		CHECK_STR_EQ(dump(a->meta), "[]@1:1");
		CHECK_STR_EQ(dump(b->meta), "{}@1:1");
		CHECK(b->kind == NULL);
	}
	se_doc_free(a);
	se_doc_free(b);
	se_diag_free(d);
}

TEST(an_empty_file_has_no_root_and_no_kind)
{
	se_diag *d = se_diag_new();
	se_doc *doc = yaml("# only a comment\n", d);

	CHECK(doc != NULL);
	CHECK_STR_EQ(diags(d), "");
	if (doc) {
		CHECK(doc->meta == NULL);
		CHECK(doc->kind == NULL);
	}
	se_doc_free(doc);
	se_diag_free(d);
}

TEST(a_root_that_is_not_a_map_has_no_kind)
{
	se_diag *d = se_diag_new();
	se_doc *doc = yaml("- kind: x\n", d);

	CHECK(doc != NULL);
	CHECK_STR_EQ(diags(d), "");
	if (doc) {
		CHECK_INT_EQ(doc->meta->kind, SE_NODE_LIST);
		CHECK(doc->kind == NULL);
	}
	se_doc_free(doc);
	se_diag_free(d);
}

TEST(a_kind_that_is_not_text_is_no_kind)
{
	se_diag *d = se_diag_new();
	se_doc *doc = yaml("kind: [a]\nframework: 7\n", d);

	CHECK(doc != NULL);
	if (doc) {
		CHECK(doc->kind == NULL);
		CHECK_STR_EQ(doc->framework, "7");
	}
	se_doc_free(doc);
	se_diag_free(d);
}

TEST(node_lookups_follow_keys_and_dotted_paths)
{
	se_diag *d = se_diag_new();
	se_doc *doc = yaml("a:\n  b:\n    c: deep\n  list: [1]\nn\\0: x\n", d);
	const se_node *m = doc ? doc->meta : NULL;

	CHECK(doc != NULL);
	CHECK_STR_EQ(se_node_str(se_node_path(m, "a.b.c")), "deep");
	CHECK(se_node_path(m, "a.b.x") == NULL);
	CHECK(se_node_path(m, "a.list.0") == NULL);
	CHECK_INT_EQ(se_node_path(m, "a.list")->kind, SE_NODE_LIST);
	CHECK(se_node_str(se_node_get(m, "a")) == NULL);
	CHECK(se_node_get(m, "a.b") == NULL);
	CHECK(se_node_get(NULL, "a") == NULL);
	CHECK(se_node_str(NULL) == NULL);
	CHECK_STR_EQ(se_node_str(se_node_get(m, "n\\0")), "x");
	se_doc_free(doc);
	se_diag_free(d);
}

TEST(an_alias_shares_its_anchored_node_without_copying)
{
	se_diag *d = se_diag_new();
	se_doc *doc = yaml("base: &b {x: 1}\nuse: *b\nname: &n text\nagain: *n\n",
	    d);

	CHECK(doc != NULL);
	CHECK_STR_EQ(diags(d), "");
	if (doc) {
		CHECK(doc->meta->items[0] == doc->meta->items[1]);
		CHECK(doc->meta->items[2] == doc->meta->items[3]);
		/* A node with an anchor starts at its '&'. */
		CHECK_STR_EQ(dump(doc->meta), "{base@1:1: {x@1:11: 1@1:14}@1:7, "
		    "use@2:1: {x@1:11: 1@1:14}@1:7, name@3:1: text@3:7, "
		    "again@4:1: text@3:7}@1:1-4");
	}
	se_doc_free(doc);
	se_diag_free(d);
}

TEST(a_redefined_anchor_means_the_latest_definition)
{
	se_diag *d = se_diag_new();
	se_doc *doc = yaml("- &a one\n- *a\n- &a two\n- *a\n", d);

	CHECK(doc != NULL);
	if (doc)
		CHECK_STR_EQ(dump(doc->meta),
		    "[one@1:3, one@1:3, two@3:3, two@3:3]@1:1-4");
	se_doc_free(doc);
	se_diag_free(d);
}

/* ---- bad input ------------------------------------------------------------ */

TEST(a_duplicate_key_is_reported_at_the_second_with_the_first_line)
{
	se_diag *d = se_diag_new();
	se_doc *doc = yaml("a: 1\nb: 2\nlist:\n  - x: 1\n    x: 2\na: 3\n", d);

	CHECK(doc != NULL);
	CHECK_STR_EQ(diags(d),
	    "t.yaml:5:5: error duplicate-key: duplicate key 'x' (first at line 4)\n"
	    "t.yaml:6:1: error duplicate-key: duplicate key 'a' (first at line 1)\n");
	se_doc_free(doc);
	se_diag_free(d);
}

TEST(a_long_duplicate_key_is_quoted_short_and_whole_characters)
{
	se_diag *d = se_diag_new();
	char text[512], key[200];
	se_doc *doc;
	size_t i;

	/* 79 ASCII letters then e-acute: the cut at 80 falls inside it. */
	for (i = 0; i < 79; i++)
		key[i] = 'k';
	snprintf(key + 79, sizeof key - 79, "\xc3\xa9tail");
	snprintf(text, sizeof text, "%s: 1\n%s: 2\n", key, key);
	doc = yaml(text, d);
	CHECK_INT_EQ(se_diag_len(d), 1);
	key[79] = '\0';
	snprintf(text, sizeof text, "duplicate key '%s' (first at line 1)", key);
	CHECK_STR_EQ(se_diag_get(d, 0)->message, text);
	se_doc_free(doc);
	se_diag_free(d);
}

TEST(keys_differing_only_after_a_nul_escape_are_not_duplicates)
{
	se_diag *d = se_diag_new();
	se_doc *doc = yaml("\"a\\0b\": 1\n\"a\\0c\": 2\n\"a\\0b\": 3\n", d);

	CHECK(doc != NULL);
	CHECK_STR_EQ(diags(d),
	    "t.yaml:1:3: error nul-character: a NUL character (an escape for "
	    "byte 0) would cut this text short here: remove it\n"
	    "t.yaml:2:3: error nul-character: a NUL character (an escape for "
	    "byte 0) would cut this text short here: remove it\n"
	    "t.yaml:3:3: error nul-character: a NUL character (an escape for "
	    "byte 0) would cut this text short here: remove it\n"
	    "t.yaml:3:1: error duplicate-key: duplicate key 'a' (first at line 1)\n");
	se_doc_free(doc);
	se_diag_free(d);
}

TEST(billion_laughs_is_refused_fast_without_expanding)
{
	se_diag *d = se_diag_new();
	static const char laughs[] =
	    "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
	    "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
	    "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
	    "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
	    "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
	    "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
	    "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]\n"
	    "h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]\n"
	    "i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]\n";
	double t = seconds();
	se_doc *doc = yaml(laughs, d);

	t = seconds() - t;
	CHECK(doc == NULL);
	/* b, c and d use 9 + 90 + 819 = 918 (each alias counts the aliases
	 * inside what it names); the first *d, worth 820, goes past 1000. */
	CHECK_STR_EQ(diags(d),
	    "t.yaml:5:8: error too-many-aliases: more than 1000 uses of "
	    "aliases ('*name'), counting those inside aliased parts: the "
	    "document is refused\n");
	CHECK(t < 0.05 * unit_slow());
	se_doc_free(doc);
	se_diag_free(d);
}

TEST(a_thousand_alias_uses_are_allowed)
{
	se_diag *d = se_diag_new();
	size_t size = 1000 * 3 + 32, i, n;
	char *text = malloc(size);
	se_doc *doc;

	n = (size_t)snprintf(text, size, "a: &x 1\nb: [");
	for (i = 0; i < 1000; i++)
		n += (size_t)snprintf(text + n, size - n, "*x,");
	snprintf(text + n - 1, size - n + 1, "]\n");
	doc = yaml(text, d);
	CHECK(doc != NULL);
	CHECK_STR_EQ(diags(d), "");
	if (doc)
		CHECK_INT_EQ(doc->meta->items[1]->n, 1000);
	se_doc_free(doc);
	se_diag_free(d);
	free(text);
}

TEST(an_alias_without_an_anchor_is_refused)
{
	se_diag *d = se_diag_new();
	se_doc *doc = yaml("a: *nowhere\n", d);

	CHECK(doc == NULL);
	CHECK_STR_EQ(diags(d), "t.yaml:1:4: error yaml-syntax: alias "
	    "'*nowhere' has no anchor '&nowhere' before it\n");
	se_diag_free(d);
}

TEST(an_alias_inside_its_own_anchor_is_refused_not_looped)
{
	se_diag *d = se_diag_new();
	se_doc *doc = yaml("a: &me\n  b: *me\n", d);

	CHECK(doc == NULL);
	CHECK_STR_EQ(diags(d), "t.yaml:2:6: error alias-cycle: alias '*me' "
	    "is inside the list or map it names\n");
	se_diag_free(d);
}

static char *
repeat(const char *head, const char *unit, size_t times, const char *tail)
{
	size_t hn = strlen(head), un = strlen(unit), tn = strlen(tail), i;
	char *s = malloc(hn + un * times + tn + 1), *p = s;

	memcpy(p, head, hn);
	p += hn;
	for (i = 0; i < times; i++, p += un)
		memcpy(p, unit, un);
	memcpy(p, tail, tn + 1);
	return s;
}

TEST(nesting_ten_thousand_deep_is_refused_at_level_65)
{
	se_diag *d = se_diag_new();
	char *text = repeat("", "[", 10000, "");
	double t = seconds();
	se_doc *doc = se_doc_parse("deep.yaml", -1, text, 10000, d);

	t = seconds() - t;
	CHECK(doc == NULL);
	CHECK_STR_EQ(diags(d), "deep.yaml:1:65: error too-deep: nesting "
	    "deeper than 64 levels: the document is refused\n");
	CHECK(t < 0.05 * unit_slow());
	free(text);
	se_diag_free(d);
}

TEST(nesting_of_block_maps_is_limited_too)
{
	se_diag *d = se_diag_new();
	char *text = malloc(70 * 80);
	size_t i, n = 0;
	se_doc *doc;

	for (i = 0; i < 70; i++)
		n += (size_t)snprintf(text + n, 70 * 80 - n, "%*sk:\n",
		    (int)i, "");
	doc = yaml(text, d);
	CHECK(doc == NULL);
	CHECK_STR_EQ(diags(d), "t.yaml:65:65: error too-deep: nesting "
	    "deeper than 64 levels: the document is refused\n");
	free(text);
	se_diag_free(d);
}

TEST(nesting_exactly_64_deep_is_allowed)
{
	se_diag *d = se_diag_new();
	char text[129];
	size_t i;
	se_doc *doc;
	const se_node *n;

	memset(text, '[', 64);
	memset(text + 64, ']', 64);
	text[128] = '\0';
	doc = yaml(text, d);
	CHECK(doc != NULL);
	CHECK_STR_EQ(diags(d), "");
	for (i = 1, n = doc ? doc->meta : NULL; n && n->n; i++)
		n = n->items[0];
	CHECK_INT_EQ(i, 64);
	se_doc_free(doc);
	se_diag_free(d);
}

TEST(a_20_mib_document_is_refused_as_too_large)
{
	se_diag *d = se_diag_new();
	size_t len = 20u * 1024 * 1024;
	char *text = malloc(len);
	double t;
	se_doc *doc;

	memset(text, 'a', len);
	t = seconds();
	doc = se_doc_parse("big.yaml", -1, text, len, d);
	t = seconds() - t;
	CHECK(doc == NULL);
	CHECK_STR_EQ(diags(d), "big.yaml:0:0: error too-large: file is "
	    "larger than 16 MiB, the limit for a document\n");
	CHECK(t < 0.05 * unit_slow());
	free(text);
	se_diag_free(d);
}

TEST(a_20_mib_file_is_refused_by_the_loader)
{
	se_diag *d = se_diag_new();
	char path[] = "/tmp/se-test-big-XXXXXX";
	int fd = mkstemp(path);
	static char chunk[1024 * 1024];
	int i;
	se_doc *doc;

	memset(chunk, '#', sizeof chunk);
	for (i = 0; i < 20; i++)
		CHECK_INT_EQ(write(fd, chunk, sizeof chunk), sizeof chunk);
	close(fd);
	doc = se_doc_load(path, d);
	CHECK(doc == NULL);
	CHECK_INT_EQ(se_diag_count(d, SE_ERROR), 1);
	CHECK_STR_EQ(se_diag_get(d, 0)->rule, "too-large");
	CHECK_INT_EQ(se_diag_get(d, 0)->line, 0);
	unlink(path);
	se_diag_free(d);
}

TEST(a_dense_document_that_needs_too_much_memory_is_refused)
{
	se_diag *d = se_diag_new();
	/* 2 MiB of "1," is a million nodes: about 100 MiB, over the 81 MiB
	 * allowed for 2 MiB. */
	char *text = repeat("[", "1,", 1024 * 1024, "1]");
	se_doc *doc = yaml(text, d);

	CHECK(doc == NULL);
	CHECK_INT_EQ(se_diag_len(d), 1);
	CHECK_STR_EQ(se_diag_get(d, 0)->rule, "too-large");
	CHECK(strncmp(se_diag_get(d, 0)->message, "document is too large or "
	    "too complex to load: it needs more than ", 62) == 0);
	free(text);
	se_diag_free(d);
}

TEST(a_15_mib_document_of_ordinary_yaml_loads)
{
	se_diag *d = se_diag_new();
	size_t size = 15u * 1024 * 1024 + 256, n = 0, i = 0;
	char *text = malloc(size);
	se_doc *doc;

	for (; n < size - 256; i++)
		n += (size_t)snprintf(text + n, size - n, "key%zu:\n  name: "
		    "\"Value %zu\"\n  list: [a, b, c]\n", i, i);
	doc = yaml(text, d);
	CHECK(doc != NULL);
	CHECK_STR_EQ(diags(d), "");
	if (doc)
		CHECK_INT_EQ(doc->meta->n, i);
	se_doc_free(doc);
	free(text);
	se_diag_free(d);
}

TEST(a_tab_in_indentation_is_explained)
{
	se_diag *d = se_diag_new();
	se_doc *doc = yaml("areas:\n\t- outcomes\n", d);

	CHECK(doc == NULL);
	CHECK_STR_EQ(diags(d), "t.yaml:2:1: error yaml-syntax: tab character "
	    "in indentation: YAML needs spaces here\n");
	se_diag_free(d);
}

TEST(a_tab_in_the_indentation_of_a_map_is_explained)
{
	se_diag *d = se_diag_new();
	se_doc *doc = yaml("a:\n  b: 1\n \tc: 2\n", d);

	CHECK(doc == NULL);
	CHECK_STR_EQ(diags(d), "t.yaml:3:2: error yaml-syntax: tab character "
	    "in indentation: YAML needs spaces here\n");
	se_diag_free(d);
}

TEST(a_colon_space_inside_a_value_is_explained)
{
	se_diag *d = se_diag_new();
	se_doc *doc = yaml("title: Front door: assessment\n", d);

	CHECK(doc == NULL);
	CHECK_STR_EQ(diags(d), "t.yaml:1:18: error yaml-syntax: a ':' here "
	    "starts a new key: put the value in quotes if it contains ': '\n");
	se_diag_free(d);
}

TEST(an_unclosed_quote_is_reported_where_it_opens)
{
	se_diag *d = se_diag_new();
	se_doc *doc = yaml("a: 1\nb: \"open\n\nc: 2\n", d);

	CHECK(doc == NULL);
	CHECK_STR_EQ(diags(d), "t.yaml:2:4: error yaml-syntax: quoted text "
	    "is not closed: add the closing quote\n");
	se_diag_free(d);
}

TEST(a_misaligned_key_is_explained)
{
	se_diag *d = se_diag_new();
	se_doc *doc = yaml("a:\n    b: 1\n  c: 2\n", d);

	CHECK(doc == NULL);
	CHECK_STR_EQ(diags(d), "t.yaml:3:3: error yaml-syntax: this line does "
	    "not line up with the keys above it: check its indentation\n");
	se_diag_free(d);
}

TEST(an_unclosed_flow_list_is_reported_where_it_opens)
{
	se_diag *d = se_diag_new();
	se_doc *doc = yaml("a: [1, 2\nb: 3\n", d);

	CHECK(doc == NULL);
	CHECK_STR_EQ(diags(d), "t.yaml:1:4: error yaml-syntax: a list in "
	    "'[ ]' is not closed: expected ',' or ']'\n");
	se_diag_free(d);
}

TEST(a_character_that_cannot_start_a_value_is_named)
{
	se_diag *d = se_diag_new();
	se_doc *doc = yaml("owner: @alice\n", d);

	CHECK(doc == NULL);
	CHECK_STR_EQ(diags(d), "t.yaml:1:8: error yaml-syntax: '@' cannot "
	    "start a value: put the value in quotes\n");
	se_diag_free(d);
}

TEST(a_control_character_is_reported_at_its_position)
{
	se_diag *d = se_diag_new();
	se_doc *doc = yaml("a: 1\nb: x\x01y\n", d);

	CHECK(doc == NULL);
	CHECK_STR_EQ(diags(d), "t.yaml:2:5: error yaml-syntax: control "
	    "character 0x01 is not allowed in YAML: remove it\n");
	se_diag_free(d);
}

/* Valid YAML, so not a syntax error (which fails the load, exit 2): a
 * problem in the document, its pair left out and the rest kept. */
TEST(a_complex_key_is_a_problem_in_the_document_not_a_syntax_error)
{
	se_diag *d = se_diag_new();
	se_doc *doc = yaml("? [a, b]\n: 1\nkind: plan\n", d);

	CHECK(doc != NULL);
	CHECK_STR_EQ(diags(d), "t.yaml:1:3: error complex-key: a key must be "
	    "plain text, not a list or map\n");
	if (doc) {
		CHECK_INT_EQ(doc->meta->n, 1);
		CHECK_STR_EQ(se_node_str(se_node_get(doc->meta, "kind")),
		    "plan");
	}
	se_doc_free(doc);
	se_diag_free(d);
}

/* "\0" would end the text at the NUL: "Visible" with " hidden" lost. */
TEST(a_nul_escape_in_a_value_is_an_error_at_the_escape)
{
	se_diag *d = se_diag_new();
	se_doc *doc = yaml("kind: plan\naction: \"Visible\\0 hidden\"\n"
	    "owner: \"a\\x00\"\nlead: 'a\\0'\nnote: \"\\\\0\"\n", d);

	CHECK(doc != NULL);
	CHECK_STR_EQ(diags(d), "t.yaml:2:17: error nul-character: a NUL "
	    "character (an escape for byte 0) would cut this text short here: "
	    "remove it\n"
	    "t.yaml:3:10: error nul-character: a NUL "
	    "character (an escape for byte 0) would cut this text short here: "
	    "remove it\n");
	if (doc) {
		/* In single quotes and after an escaped backslash, \0 is text. */
		CHECK_STR_EQ(se_node_str(se_node_get(doc->meta, "lead")),
		    "a\\0");
		CHECK_STR_EQ(se_node_str(se_node_get(doc->meta, "note")),
		    "\\0");
	}
	se_doc_free(doc);
	se_diag_free(d);
}

TEST(only_the_first_document_is_used_and_the_rest_warned)
{
	se_diag *d = se_diag_new();
	se_doc *doc = yaml("kind: a\n---\nkind: b\n---\n: : bad\n", d);

	CHECK(doc != NULL);
	CHECK_STR_EQ(diags(d), "t.yaml:2:1: warning multiple-documents: only "
	    "the first YAML document in a file is used: this one and any "
	    "after it are ignored\n");
	if (doc)
		CHECK_STR_EQ(doc->kind, "a");
	se_doc_free(doc);
	se_diag_free(d);
}

TEST(invalid_utf8_is_refused_before_parsing)
{
	se_diag *d = se_diag_new();
	se_doc *doc = yaml("a: 1\nb: caf\xe9\n", d);

	CHECK(doc == NULL);
	CHECK_STR_EQ(diags(d), "t.yaml:2:7: error encoding: invalid UTF-8 "
	    "byte 0xe9: save the file as UTF-8\n");
	se_diag_free(d);
}

TEST(a_nul_byte_is_refused_as_binary)
{
	se_diag *d = se_diag_new();
	se_doc *doc = se_doc_parse("t.yaml", -1, "a: 1\nb: \0x\n", 10, d);

	CHECK(doc == NULL);
	CHECK_STR_EQ(diags(d), "t.yaml:2:4: error binary: NUL byte: this "
	    "looks like a binary file, not text\n");
	se_diag_free(d);
}

TEST(a_utf16_file_is_refused_with_advice)
{
	se_diag *d = se_diag_new();
	se_doc *doc = se_doc_parse("t.yaml", -1, "\xff\xfek\0:\0 \0x\0", 10, d);

	CHECK(doc == NULL);
	CHECK_STR_EQ(diags(d), "t.yaml:0:0: error encoding: file is UTF-16, "
	    "not UTF-8: save it as UTF-8\n");
	se_diag_free(d);
}

/* ---- files and standard input ---------------------------------------------- */

TEST(standard_input_is_shown_as_stdin_and_sniffed)
{
	se_diag *d = se_diag_new();
	static const char md[] = "---\nkind: x\n---\n# Title\n";
	static const char y[] = "---\nkind: y\n";
	se_doc *a = se_doc_parse("-", -1, md, strlen(md), d);
	se_doc *b = se_doc_parse("-", -1, y, strlen(y), d);

	CHECK(a && b);
	if (a && b) {
		CHECK_STR_EQ(a->path, "<stdin>");
		CHECK_INT_EQ(a->syntax, SE_SYNTAX_MARKDOWN);
		CHECK_STR_EQ(a->kind, "x");
		CHECK_INT_EQ(a->nsections, 1);
		CHECK_INT_EQ(b->syntax, SE_SYNTAX_YAML);
		CHECK_STR_EQ(b->kind, "y");
		CHECK_STR_EQ(b->meta->pos.file, "<stdin>");
	}
	se_doc_free(a);
	se_doc_free(b);
	se_diag_free(d);
}

TEST(the_syntax_can_be_forced)
{
	se_diag *d = se_diag_new();
	static const char y[] = "kind: y\n";
	se_doc *doc = se_doc_parse("x.md", SE_SYNTAX_YAML, y, strlen(y), d);

	CHECK(doc != NULL);
	if (doc) {
		CHECK_INT_EQ(doc->syntax, SE_SYNTAX_YAML);
		CHECK_STR_EQ(doc->kind, "y");
	}
	se_doc_free(doc);
	se_diag_free(d);
}

TEST(a_fixture_file_loads_by_its_extension)
{
	se_diag *d = se_diag_new();
	se_doc *y = se_doc_load("test/fixtures/load/plan.yaml", d);
	se_doc *m = se_doc_load("test/fixtures/load/chapter.md", d);

	CHECK(y && m);
	CHECK_STR_EQ(diags(d), "");
	if (y && m) {
		CHECK_STR_EQ(y->kind, "plan");
		CHECK_INT_EQ(y->syntax, SE_SYNTAX_YAML);
		CHECK_STR_EQ(y->path, "test/fixtures/load/plan.yaml");
		CHECK_STR_EQ(m->kind, "self-evaluation");
		CHECK_STR_EQ(m->framework, "ria-2018");
		CHECK_INT_EQ(m->syntax, SE_SYNTAX_MARKDOWN);
	}
	se_doc_free(y);
	se_doc_free(m);
	se_diag_free(d);
}

/* Hostile files kept in test/fixtures/load/, each with its one
 * diagnostic, read the way the commands read them. */
TEST(hostile_fixture_files_each_give_their_exact_diagnostic)
{
	static const struct {
		const char *file, *diag;
		bool loads;
	} cases[] = {
		{ "billion-laughs.yaml", "5:11: error too-many-aliases: more "
		    "than 1000 uses of aliases ('*name'), counting those inside "
		    "aliased parts: the document is refused\n", false },
		{ "deep.yaml", "1:67: error too-deep: nesting deeper than 64 "
		    "levels: the document is refused\n", false },
		{ "duplicate-key.yaml", "4:1: error duplicate-key: duplicate "
		    "key 'kind' (first at line 1)\n", true },
		{ "latin1.yaml", "2:15: error encoding: invalid UTF-8 byte "
		    "0xe9: save the file as UTF-8\n", false },
		{ "nul.md", "3:5: error binary: NUL byte: this looks like a "
		    "binary file, not text\n", false },
		{ "tab-indent.yaml", "3:1: error yaml-syntax: tab character in "
		    "indentation: YAML needs spaces here\n", false },
		{ "unterminated.md", "1:1: error front-matter: front matter "
		    "starts with '---' at line 1 but has no closing '---'\n",
		    false },
		{ "utf16.yaml", "0:0: error encoding: file is UTF-16, not "
		    "UTF-8: save it as UTF-8\n", false },
	};
	size_t i;
	char path[128], want[512];

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		se_diag *d = se_diag_new();
		se_doc *doc;

		snprintf(path, sizeof path, "test/fixtures/load/%s",
		    cases[i].file);
		snprintf(want, sizeof want, "%s:%s", path, cases[i].diag);
		doc = se_doc_load(path, d);
		CHECK_STR_EQ(diags(d), want);
		CHECK_INT_EQ(doc != NULL, cases[i].loads);
		se_doc_free(doc);
		se_diag_free(d);
	}
}

TEST(a_crlf_markdown_file_keeps_its_positions)
{
	se_diag *d = se_diag_new();
	se_doc *doc = se_doc_load("test/fixtures/load/crlf.md", d);

	CHECK(doc != NULL);
	CHECK_STR_EQ(diags(d), "");
	if (doc) {
		CHECK_STR_EQ(doc->kind, "self-evaluation");
		CHECK_INT_EQ(doc->nsections, 1);
		CHECK_STR_EQ(doc->sections[0].id, "one");
		CHECK_INT_EQ(doc->sections[0].pos.line, 4);
		CHECK_STR_EQ(doc->sections[0].items[0].text, "item [x](y.md)");
		CHECK_STR_EQ(doc->sections[0].links[0].target, "y.md");
		CHECK_INT_EQ(doc->sections[0].links[0].pos.line, 6);
		CHECK_INT_EQ(doc->sections[0].links[0].pos.col, 8);
	}
	se_doc_free(doc);
	se_diag_free(d);
}

TEST(a_missing_file_gives_null_and_says_why)
{
	se_diag *d = se_diag_new();
	se_doc *doc = se_doc_load("test/fixtures/load/no-such.yaml", d);

	CHECK(doc == NULL);
	CHECK_STR_EQ(diags(d), "test/fixtures/load/no-such.yaml:0:0: error "
	    "unreadable: cannot open: No such file or directory\n");
	se_diag_free(d);
}

TEST(freeing_null_is_a_no_op)
{
	se_doc_free(NULL);
	CHECK(1);
}

int
main(void)
{
	RUN(a_small_document_gives_the_exact_tree_with_positions);
	RUN(a_crlf_file_gives_the_same_tree_as_lf);
	RUN(columns_count_characters_not_bytes);
	RUN(a_byte_order_mark_is_skipped_and_columns_start_after_it);
	RUN(quoted_and_tagged_strings_are_not_plain);
	RUN(empty_lists_and_maps_alone_are_empty_nodes);
	RUN(an_empty_file_has_no_root_and_no_kind);
	RUN(a_root_that_is_not_a_map_has_no_kind);
	RUN(a_kind_that_is_not_text_is_no_kind);
	RUN(node_lookups_follow_keys_and_dotted_paths);
	RUN(an_alias_shares_its_anchored_node_without_copying);
	RUN(a_redefined_anchor_means_the_latest_definition);
	RUN(a_duplicate_key_is_reported_at_the_second_with_the_first_line);
	RUN(a_long_duplicate_key_is_quoted_short_and_whole_characters);
	RUN(keys_differing_only_after_a_nul_escape_are_not_duplicates);
	RUN(billion_laughs_is_refused_fast_without_expanding);
	RUN(a_thousand_alias_uses_are_allowed);
	RUN(an_alias_without_an_anchor_is_refused);
	RUN(an_alias_inside_its_own_anchor_is_refused_not_looped);
	RUN(nesting_ten_thousand_deep_is_refused_at_level_65);
	RUN(nesting_of_block_maps_is_limited_too);
	RUN(nesting_exactly_64_deep_is_allowed);
	RUN(a_20_mib_document_is_refused_as_too_large);
	RUN(a_20_mib_file_is_refused_by_the_loader);
	RUN(a_dense_document_that_needs_too_much_memory_is_refused);
	RUN(a_15_mib_document_of_ordinary_yaml_loads);
	RUN(a_tab_in_indentation_is_explained);
	RUN(a_tab_in_the_indentation_of_a_map_is_explained);
	RUN(a_colon_space_inside_a_value_is_explained);
	RUN(an_unclosed_quote_is_reported_where_it_opens);
	RUN(a_misaligned_key_is_explained);
	RUN(an_unclosed_flow_list_is_reported_where_it_opens);
	RUN(a_character_that_cannot_start_a_value_is_named);
	RUN(a_control_character_is_reported_at_its_position);
	RUN(a_complex_key_is_a_problem_in_the_document_not_a_syntax_error);
	RUN(a_nul_escape_in_a_value_is_an_error_at_the_escape);
	RUN(only_the_first_document_is_used_and_the_rest_warned);
	RUN(invalid_utf8_is_refused_before_parsing);
	RUN(a_nul_byte_is_refused_as_binary);
	RUN(a_utf16_file_is_refused_with_advice);
	RUN(standard_input_is_shown_as_stdin_and_sniffed);
	RUN(the_syntax_can_be_forced);
	RUN(a_fixture_file_loads_by_its_extension);
	RUN(hostile_fixture_files_each_give_their_exact_diagnostic);
	RUN(a_crlf_markdown_file_keeps_its_positions);
	RUN(a_missing_file_gives_null_and_says_why);
	RUN(freeing_null_is_a_no_op);
	return DONE();
}
