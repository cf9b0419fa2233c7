/* test_markdown.c: the Markdown loader (lib/markdown.c): front matter,
 * sections, words, items and links. */
#include "se.h"
#include "unit.h"
#include "diagtext.h"

#include <stdlib.h>

/* ---- helpers ------------------------------------------------------------- */

static char out[16384];
static size_t outlen;

static void
add(const char *s, size_t n)
{
	if (outlen + n >= sizeof out)
		n = sizeof out - outlen - 1;
	memcpy(out + outlen, s, n);
	outlen += n;
	out[outlen] = '\0';
}

static void
adds(const char *s)
{
	add(s, strlen(s));
}

static void
addpos(const se_pos *p)
{
	char tmp[32];

	snprintf(tmp, sizeof tmp, "@%u:%u", p->line, p->col);
	adds(tmp);
}

static void
addlinks(const se_link *l, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		adds(i ? ", " : "");
		adds(l[i].target);
		addpos(&l[i].pos);
	}
}

/* Every section as one line, then its items and links on their own. */
static const char *
dump(const se_doc *doc)
{
	size_t i, j;
	char tmp[128];

	outlen = 0;
	out[0] = '\0';
	for (i = 0; i < doc->nsections; i++) {
		const se_section *s = &doc->sections[i];
		snprintf(tmp, sizeof tmp, "%d '", s->level);
		adds(tmp);
		adds(s->title);
		adds("' #");
		adds(s->id);
		addpos(&s->pos);
		snprintf(tmp, sizeof tmp, " body %u+%zu words %zu\n",
		    s->body_line, s->body_len, s->words);
		adds(tmp);
		for (j = 0; j < s->nitems; j++) {
			adds("  item");
			addpos(&s->items[j].pos);
			adds(" '");
			adds(s->items[j].text);
			adds("' [");
			addlinks(s->items[j].links, s->items[j].nlinks);
			adds("]\n");
		}
		if (s->nlinks) {
			adds("  links ");
			addlinks(s->links, s->nlinks);
			adds("\n");
		}
	}
	return out;
}

static se_doc *
md(const char *text, se_diag *d)
{
	return se_doc_parse("c.md", -1, text, strlen(text), d);
}

/* ---- documents ------------------------------------------------------------ */

static const char chapter[] =
    "---\n"
    "kind: self-evaluation\n"
    "framework: ria-2018\n"
    "---\n"
    "Summary *before* any heading.\n"
    "\n"
    "# Front door, assessment & early help\n"
    "\n"
    "Re-referrals fell to 18% ([data](indicator:re-referrals)).\n"
    "\n"
    "- Strength: the MASH triage is *timely*\n"
    "  and consistent. Evidence: [audit](evidence/audit.md)\n"
    "  - nested <https://example.org/x>\n"
    "- Weakness: step-down is slow\n"
    "\n"
    "## Children's *services* `ok`\n"
    "Setext below\n"
    "Heading Two\n"
    "-----------\n"
    "text\n";

static const char chapter_sections[] =
    "0 '' #@5:1 body 5+31 words 4\n"
    "1 'Front door, assessment & early help' "
    "#front-door-assessment-early-help@7:1 body 8+222 words 26\n"
    "  item@11:1 'Strength: the MASH triage is *timely*\n"
    "and consistent. Evidence: [audit](evidence/audit.md)' "
    "[evidence/audit.md@12:29, https://example.org/x@13:12]\n"
    "  item@13:3 'nested <https://example.org/x>' [https://example.org/x@13:12]\n"
    "  item@14:1 'Weakness: step-down is slow' []\n"
    "  links indicator:re-referrals@9:27, evidence/audit.md@12:29, "
    "https://example.org/x@13:12\n"
    "2 'Children's services ok' #children-s-services-ok@16:1 body 17+0 "
    "words 0\n"
    "2 'Setext below Heading Two' #setext-below-heading-two@17:1 body "
    "20+5 words 1\n";

TEST(a_chapter_splits_into_sections_with_items_links_and_positions)
{
	se_diag *d = se_diag_new();
	se_doc *doc = md(chapter, d);

	CHECK(doc != NULL);
	CHECK_STR_EQ(diags(d), "");
	if (!doc)
		goto out;
	CHECK_INT_EQ(doc->syntax, SE_SYNTAX_MARKDOWN);
	CHECK_STR_EQ(doc->kind, "self-evaluation");
	CHECK_STR_EQ(doc->framework, "ria-2018");
	CHECK_INT_EQ(doc->meta->pos.line, 2);
	CHECK_INT_EQ(doc->meta->items[1]->pos.line, 3);
	CHECK_INT_EQ(doc->body_line, 5);
	CHECK(doc->body == doc->src + 50);
	CHECK_STR_EQ(dump(doc), chapter_sections);
	CHECK(strncmp(doc->sections[1].body, "\nRe-referrals", 13) == 0);
out:
	se_doc_free(doc);
	se_diag_free(d);
}

TEST(a_crlf_chapter_gives_the_same_sections_except_byte_lengths)
{
	se_diag *d = se_diag_new();
	char crlf[sizeof chapter * 2];
	size_t i, n = 0;
	se_doc *doc;

	for (i = 0; chapter[i]; i++) {
		if (chapter[i] == '\n')
			crlf[n++] = '\r';
		crlf[n++] = chapter[i];
	}
	crlf[n] = '\0';
	doc = md(crlf, d);
	CHECK(doc != NULL);
	CHECK_STR_EQ(diags(d), "");
	if (doc)
		CHECK_STR_EQ(dump(doc),
		    "0 '' #@5:1 body 5+33 words 4\n"
		    "1 'Front door, assessment & early help' "
		    "#front-door-assessment-early-help@7:1 body 8+230 words 26\n"
		    "  item@11:1 'Strength: the MASH triage is *timely*\n"
		    "and consistent. Evidence: [audit](evidence/audit.md)' "
		    "[evidence/audit.md@12:29, https://example.org/x@13:12]\n"
		    "  item@13:3 'nested <https://example.org/x>' "
		    "[https://example.org/x@13:12]\n"
		    "  item@14:1 'Weakness: step-down is slow' []\n"
		    "  links indicator:re-referrals@9:27, "
		    "evidence/audit.md@12:29, https://example.org/x@13:12\n"
		    "2 'Children's services ok' #children-s-services-ok@16:1 "
		    "body 17+0 words 0\n"
		    "2 'Setext below Heading Two' #setext-below-heading-two@17:1 "
		    "body 20+6 words 1\n");
	se_doc_free(doc);
	se_diag_free(d);
}

TEST(a_file_without_front_matter_is_all_body)
{
	se_diag *d = se_diag_new();
	se_doc *doc = md("# Only\n\nwords here\n", d);

	CHECK(doc != NULL);
	if (doc) {
		CHECK(doc->meta == NULL);
		CHECK(doc->kind == NULL);
		CHECK_INT_EQ(doc->body_line, 1);
		CHECK_STR_EQ(dump(doc), "1 'Only' #only@1:1 body 2+12 words 2\n");
	}
	se_doc_free(doc);
	se_diag_free(d);
}

TEST(an_empty_file_has_no_sections)
{
	se_diag *d = se_diag_new();
	se_doc *doc = md("", d);

	CHECK(doc != NULL);
	if (doc) {
		CHECK_INT_EQ(doc->nsections, 0);
		CHECK(doc->meta == NULL);
	}
	se_doc_free(doc);
	se_diag_free(d);
}

TEST(front_matter_may_close_with_dots_and_be_empty)
{
	se_diag *d = se_diag_new();
	se_doc *a = md("---\nkind: x\n...\nbody\n", d);
	se_doc *b = md("---\n---\n# T\n", d);

	CHECK(a && b);
	CHECK_STR_EQ(diags(d), "");
	if (a && b) {
		CHECK_STR_EQ(a->kind, "x");
		CHECK_INT_EQ(a->body_line, 4);
		CHECK_STR_EQ(dump(a), "0 '' #@4:1 body 4+5 words 1\n");
		CHECK(b->meta == NULL);
		CHECK_STR_EQ(dump(b), "1 'T' #t@3:1 body 4+0 words 0\n");
	}
	se_doc_free(a);
	se_doc_free(b);
	se_diag_free(d);
}

TEST(a_byte_order_mark_before_front_matter_is_allowed)
{
	se_diag *d = se_diag_new();
	se_doc *doc = md("\xef\xbb\xbf---\nkind: x\n---\n", d);

	CHECK(doc != NULL);
	if (doc)
		CHECK_STR_EQ(doc->kind, "x");
	se_doc_free(doc);
	se_diag_free(d);
}

TEST(headings_get_normalised_ids)
{
	se_diag *d = se_diag_new();
	se_doc *doc = md("# Front door, assessment & early help\n"
	    "## --SEND: 0-25 years--\n"
	    "### Caf\xc3\xa9 \xe2\x80\x94 [link](x) *em*\n"
	    "#### !!!\n", d);

	CHECK(doc != NULL);
	if (doc && doc->nsections == 4) {
		CHECK_STR_EQ(doc->sections[0].id,
		    "front-door-assessment-early-help");
		CHECK_STR_EQ(doc->sections[1].id, "send-0-25-years");
		CHECK_STR_EQ(doc->sections[2].title,
		    "Caf\xc3\xa9 \xe2\x80\x94 link em");
		CHECK_STR_EQ(doc->sections[2].id, "caf\xc3\xa9-link-em");
		CHECK_STR_EQ(doc->sections[3].id, "");
	}
	CHECK_INT_EQ(doc ? doc->nsections : 0, 4);
	se_doc_free(doc);
	se_diag_free(d);
}

TEST(words_count_text_not_markup)
{
	se_diag *d = se_diag_new();
	se_doc *doc = md("# W\n"
	    "It's un*believ*able: **two** [link text](http://a.b/c) `code`\n"
	    "<span class=\"x\">html</span> \xe2\x80\x94 don\xe2\x80\x99t 18%\n"
	    "\n"
	    "<div>block html</div>\n", d);

	CHECK(doc != NULL);
	/* It's unbelievable two link text code html don't 18 */
	if (doc)
		CHECK_INT_EQ(doc->sections[0].words, 9);
	se_doc_free(doc);
	se_diag_free(d);
}

TEST(a_heading_inside_a_quote_stays_in_the_body)
{
	se_diag *d = se_diag_new();
	se_doc *doc = md("# A\n> # not a section\n- # nor this\n", d);

	CHECK(doc != NULL);
	if (doc)
		CHECK_STR_EQ(dump(doc), "1 'A' #a@1:1 body 2+31 words 5\n"
		    "  item@3:1 '# nor this' []\n");
	se_doc_free(doc);
	se_diag_free(d);
}

TEST(a_blank_preamble_is_not_a_section)
{
	se_diag *d = se_diag_new();
	se_doc *doc = md("---\nkind: x\n---\n\n  \n# A\n", d);

	CHECK(doc != NULL);
	if (doc)
		CHECK_STR_EQ(dump(doc), "1 'A' #a@6:1 body 7+0 words 0\n");
	se_doc_free(doc);
	se_diag_free(d);
}

TEST(columns_of_links_count_characters)
{
	se_diag *d = se_diag_new();
	se_doc *doc = md("# \xc3\xa9\n\xc3\xa9\xc3\xa9 [x](y)\n", d);

	CHECK(doc != NULL);
	if (doc)
		CHECK_STR_EQ(dump(doc), "1 '\xc3\xa9' #\xc3\xa9@1:1 body 2+12 "
		    "words 2\n  links y@2:4\n");
	se_doc_free(doc);
	se_diag_free(d);
}

/* ---- bad input ------------------------------------------------------------ */

TEST(unterminated_front_matter_is_reported_at_line_1)
{
	se_diag *d = se_diag_new();
	se_doc *doc = md("---\nkind: x\n# Title\n", d);

	CHECK(doc == NULL);
	CHECK_STR_EQ(diags(d), "c.md:1:1: error front-matter: front matter "
	    "starts with '---' at line 1 but has no closing '---'\n");
	se_diag_free(d);
}

TEST(front_matter_errors_are_at_their_line_in_the_file)
{
	se_diag *d = se_diag_new();
	se_doc *doc = md("---\nkind: x\nkind: y\ntitle: a: b\n---\n", d);

	CHECK(doc == NULL);
	CHECK_STR_EQ(diags(d), "c.md:4:9: error yaml-syntax: a ':' here "
	    "starts a new key: put the value in quotes if it contains ': '\n");
	se_diag_free(d);
}

TEST(a_duplicate_front_matter_key_is_at_its_line_in_the_file)
{
	se_diag *d = se_diag_new();
	se_doc *doc = md("---\nkind: x\n\nkind: y\n---\n# T\n", d);

	CHECK(doc != NULL);
	CHECK_STR_EQ(diags(d), "c.md:4:1: error duplicate-key: duplicate key "
	    "'kind' (first at line 2)\n");
	se_doc_free(doc);
	se_diag_free(d);
}

TEST(a_tab_in_front_matter_is_explained_at_its_line)
{
	se_diag *d = se_diag_new();
	se_doc *doc = md("---\nareas:\n\t- a\n---\n", d);

	CHECK(doc == NULL);
	CHECK_STR_EQ(diags(d), "c.md:3:1: error yaml-syntax: tab character in "
	    "indentation: YAML needs spaces here\n");
	se_diag_free(d);
}

TEST(invalid_utf8_in_the_body_is_reported_not_replaced)
{
	se_diag *d = se_diag_new();
	se_doc *doc = md("---\nkind: x\n---\n# T\nna\xefve\n", d);

	CHECK(doc == NULL);
	CHECK_STR_EQ(diags(d), "c.md:5:3: error encoding: invalid UTF-8 byte "
	    "0xef: save the file as UTF-8\n");
	se_diag_free(d);
}

TEST(a_nul_byte_in_the_body_is_reported)
{
	se_diag *d = se_diag_new();
	se_doc *doc = se_doc_parse("c.md", -1, "# T\nab\0", 7, d);

	CHECK(doc == NULL);
	CHECK_STR_EQ(diags(d), "c.md:2:3: error binary: NUL byte: this looks "
	    "like a binary file, not text\n");
	se_diag_free(d);
}

TEST(deeply_nested_quotes_and_lists_do_not_crash)
{
	se_diag *d = se_diag_new();
	size_t n = 100000, i;
	char *text = malloc(3 * n + 16);
	se_doc *doc;

	memcpy(text, "# Deep\n", 7);
	for (i = 0; i < n; i++)
		text[7 + i] = '>';
	for (i = 0; i < n; i++) {
		text[7 + n + 2 * i] = '-';
		text[7 + n + 2 * i + 1] = ' ';
	}
	memcpy(text + 7 + 3 * n, "[a](b)\n", 8);
	doc = se_doc_parse("deep.md", -1, text, strlen(text), d);
	CHECK(doc != NULL);
	if (doc) {
		CHECK_INT_EQ(doc->nsections, 1);
		CHECK_INT_EQ(doc->sections[0].nlinks, 1);
	}
	se_doc_free(doc);
	se_diag_free(d);
	free(text);
}

TEST(many_links_on_the_first_line_of_a_nested_item_are_placed_in_order)
{
	se_diag *d = se_diag_new();
	size_t n = 20000, i, len;
	char *text = malloc(7 * n + 16);
	se_doc *doc;

	memcpy(text, "- - x", 5);
	len = 5;
	for (i = 0; i < n; i++) {
		memcpy(text + len, " [a](b)", 7);
		len += 7;
	}
	text[len] = '\0';
	doc = se_doc_parse("links.md", -1, text, len, d);
	CHECK(doc != NULL);
	if (doc) {
		CHECK_INT_EQ(doc->sections[0].nlinks, n);
		CHECK_INT_EQ(doc->sections[0].links[0].pos.col, 7);
		CHECK_INT_EQ(doc->sections[0].links[n - 1].pos.col, 7 * n);
		CHECK_INT_EQ(doc->sections[0].items[0].nlinks, n);
		CHECK_STR_EQ(doc->sections[0].items[0].text, "");
		CHECK_INT_EQ(doc->sections[0].items[1].nlinks, n);
	}
	se_doc_free(doc);
	se_diag_free(d);
	free(text);
}

int
main(void)
{
	RUN(a_chapter_splits_into_sections_with_items_links_and_positions);
	RUN(a_crlf_chapter_gives_the_same_sections_except_byte_lengths);
	RUN(a_file_without_front_matter_is_all_body);
	RUN(an_empty_file_has_no_sections);
	RUN(front_matter_may_close_with_dots_and_be_empty);
	RUN(a_byte_order_mark_before_front_matter_is_allowed);
	RUN(headings_get_normalised_ids);
	RUN(words_count_text_not_markup);
	RUN(a_heading_inside_a_quote_stays_in_the_body);
	RUN(a_blank_preamble_is_not_a_section);
	RUN(columns_of_links_count_characters);
	RUN(unterminated_front_matter_is_reported_at_line_1);
	RUN(front_matter_errors_are_at_their_line_in_the_file);
	RUN(a_duplicate_front_matter_key_is_at_its_line_in_the_file);
	RUN(a_tab_in_front_matter_is_explained_at_its_line);
	RUN(invalid_utf8_in_the_body_is_reported_not_replaced);
	RUN(a_nul_byte_in_the_body_is_reported);
	RUN(deeply_nested_quotes_and_lists_do_not_crash);
	RUN(many_links_on_the_first_line_of_a_nested_item_are_placed_in_order);
	return DONE();
}
