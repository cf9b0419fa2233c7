/* test_report.c: the report model, its three renderers, narrative made
 * safe, the direction of travel and the regional themes. */
#include "se.h"
#include "unit.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

static se_formats *formats;

/* Render 'r' into a malloc'ed string. */
static char *
render(const se_report *r, se_report_syntax syntax)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	if (!f)
		return NULL;
	if (se_report_render(r, syntax, f) < 0) {
		fclose(f);
		free(buf);
		return NULL;
	}
	fclose(f);
	return buf;
}

static char *
render_md(const char *md, se_report_syntax syntax)
{
	se_report *r = se_report_new("T");
	char *out;

	se_report_heading(r, 2, "S");
	se_report_markdown(r, md, strlen(md));
	out = render(r, syntax);
	se_report_free(r);
	return out;
}

static const char hostile[] =
    "<script>alert(1)</script>\n\n"
    "Click [here](javascript:alert(1)) and [x]( JAVASCRIPT:alert(2)).\n\n"
    "Also [y](java&#9;script:alert(6)), [z](&#1;javascript:alert(7)) and "
    "<javascript:alert(8)>.\n\n"
    "<img src=x onerror=alert(3)>\n\n"
    "Inline <b onclick=\"alert(4)\">bold</b> text.\n\n"
    "![pic](https://tracker.example/p.png)\n\n"
    "&lt;script&gt; &amp; &#60;i&#62;\n";

TEST(narrative_html_has_no_active_content)
{
	char *h = render_md(hostile, SE_REPORT_HTML);

	CHECK(h != NULL);
	CHECK(strstr(h, "<script") == NULL);
	CHECK(strstr(h, "href=\"javascript") == NULL);
	CHECK(strstr(h, "href=\"JAVASCRIPT") == NULL);
	CHECK(strstr(h, "onerror") == NULL);
	CHECK(strstr(h, "onclick") == NULL);
	CHECK(strstr(h, "<img") == NULL);
	CHECK(strstr(h, "tracker.example") == NULL);
	CHECK(strstr(h, "<p>Click here and x.</p>") != NULL);
	/* an autolink's text stays, as text */
	CHECK(strstr(h, "<p>Also y, z and javascript:alert(8).</p>") != NULL);
	CHECK(strstr(h, "href=\"java") == NULL);
	CHECK(strstr(h, "href=\"%01") == NULL);
	CHECK(strstr(h, "<p>Inline bold text.</p>") != NULL);
	free(h);
}

TEST(narrative_entities_stay_text_in_html)
{
	char *h = render_md(hostile, SE_REPORT_HTML);

	CHECK(h && strstr(h, "<p>&lt;script&gt; &amp; &lt;i&gt;</p>") != NULL);
	free(h);
}

/* Whether 'what' occurs in 's' other than right after a backslash. */
static bool
unescaped(const char *s, const char *what)
{
	const char *p;

	for (p = s ? strstr(s, what) : NULL; p; p = strstr(p + 1, what))
		if (p == s || p[-1] != '\\')
			return true;
	return false;
}

TEST(narrative_markdown_drops_raw_html_and_unsafe_links)
{
	char *m = render_md(hostile, SE_REPORT_MARKDOWN);

	CHECK(m != NULL);
	CHECK(!unescaped(m, "<script"));
	CHECK(!unescaped(m, "<i"));
	CHECK(m && strstr(m, "\\<script\\> & \\<i\\>\n"));
	CHECK(strstr(m, "](javascript") == NULL);
	CHECK(strstr(m, "](java") == NULL);
	CHECK(!unescaped(m, "<javascript"));
	CHECK(strstr(m, "onerror") == NULL);
	CHECK(strstr(m, "](https://tracker") == NULL);
	CHECK(strstr(m, "Click here and x.") != NULL);
	free(m);
}

TEST(narrative_text_is_plain)
{
	char *t = render_md("Para *one* [link](https://example.org/a).\n\n"
	    "- item\n- two\n", SE_REPORT_TEXT);

	CHECK_STR_EQ(t, "T\n=\n\nS\n-\n\nPara one link <https://example.org/a>."
	    "\n\n- item\n- two\n\n");
	free(t);
}

TEST(narrative_headings_sit_below_the_section)
{
	char *h = render_md("# Own title\n\ntext\n", SE_REPORT_HTML);

	CHECK(h && strstr(h, "<h3>Own title</h3>") != NULL);
	free(h);
}

TEST(plain_text_is_escaped_in_every_syntax)
{
	se_report *r = se_report_new("A <b> & | title");
	char *h, *m;

	se_report_para(r, "<script>x</script> *not emphasis* | pipe");
	h = render(r, SE_REPORT_HTML);
	m = render(r, SE_REPORT_MARKDOWN);
	CHECK(h && strstr(h, "<title>A &lt;b&gt; &amp; | title</title>"));
	CHECK(h && strstr(h, "<p>&lt;script&gt;x&lt;/script&gt;"));
	CHECK(m && strstr(m, "# A \\<b\\> \\& \\| title\n"));
	CHECK(m && strstr(m, "\\<script\\>x\\</script\\> \\*not emphasis\\* "
	    "\\| pipe"));
	free(h);
	free(m);
	se_report_free(r);
}

TEST(very_long_words_wrap_in_html)
{
	char word[3001];
	char *h;

	memset(word, 'w', 3000);
	word[3000] = 0;
	h = render_md(word, SE_REPORT_HTML);
	CHECK(h && strstr(h, "overflow-wrap:break-word"));
	CHECK(h && strstr(h, word));
	free(h);
}

TEST(table_has_column_and_row_headers_and_rag_as_text)
{
	static const char *const head[] = { "Area", "RAG" };
	se_report *r = se_report_new("T");
	char *h, *m, *t;

	se_report_heading(r, 2, "S");
	se_report_table(r, "Cap", 2, head);
	se_report_row(r);
	se_report_cell(r, "Workforce");
	se_report_cell_rag(r, SE_RAG_RED);
	CHECK_INT_EQ(se_report_note(r, "a.md:3"), 1);
	h = render(r, SE_REPORT_HTML);
	m = render(r, SE_REPORT_MARKDOWN);
	t = render(r, SE_REPORT_TEXT);
	CHECK(h && strstr(h, "<th scope=\"col\">Area</th>"));
	CHECK(h && strstr(h, "<th scope=\"row\">Workforce</th>"));
	CHECK(h && strstr(h, "<td class=\"rag rag-r\">R<span class=\"vh\"> "
	    "(Red)</span>"));
	CHECK(h && strstr(h, "<li id=\"note-1\">a.md:3"));
	CHECK(m && strstr(m, "| Workforce | R[^1] |\n"));
	CHECK(m && strstr(m, "[^1]: a.md:3\n"));
	CHECK(t && strstr(t, "Workforce  R [1]\n"));
	free(h);
	free(m);
	free(t);
	se_report_free(r);
}

TEST(html_is_self_contained_and_in_british_english)
{
	se_report *r = se_report_new("T");
	char *h;

	se_report_heading(r, 2, "S");
	se_report_markdown(r, "[a](https://example.org)", 24);
	h = render(r, SE_REPORT_HTML);
	CHECK(h && strstr(h, "<html lang=\"en-GB\">"));
	CHECK(h && strstr(h, "@media print"));
	CHECK(h && strstr(h, "size:A4"));
	CHECK(h && strstr(h, "<script") == NULL);
	CHECK(h && strstr(h, "<link") == NULL);
	CHECK(h && strstr(h, "src=") == NULL);
	free(h);
	se_report_free(r);
}

TEST(chart_has_a_text_alternative)
{
	static const char *const labels[] = { "2016", "2017", "2018" };
	double a[] = { 20.0, NAN, 26.25 }, e[] = { 22.0, 22.5, 22.6 };
	se_chart_line lines[] = { { "Anyshire", a }, { "England", e } };
	se_report *r = se_report_new("T");
	char *h, *m;

	se_report_heading(r, 2, "S");
	se_report_chart(r, "Re-referrals", labels, 3, lines, 2, 1);
	h = render(r, SE_REPORT_HTML);
	m = render(r, SE_REPORT_MARKDOWN);
	CHECK(h && strstr(h, "role=\"img\" aria-labelledby=\"chart-1-t "
	    "chart-1-d\""));
	CHECK(h && strstr(h, "<title id=\"chart-1-t\">Re-referrals</title>"));
	CHECK(h && strstr(h, "<desc id=\"chart-1-d\">Anyshire: 20.0 (2016) to "
	    "26.2 (2018). England: 22.0 (2016) to 22.6 (2018).</desc>"));
	CHECK(m && strstr(m, "*Re-referrals:* Anyshire: 20.0 (2016) to 26.2 "
	    "(2018). England: 22.0 (2016) to 22.6 (2018).\n"));
	free(h);
	free(m);
	se_report_free(r);
}

TEST(direction_of_travel_for_every_pair_of_rag_ratings)
{
	static const char *const lv[] = { "R", "A", "G" };
	static const se_direction want[3][3] = {
		{ SE_DIR_STABLE, SE_DIR_IMPROVING, SE_DIR_IMPROVING },
		{ SE_DIR_DECLINING, SE_DIR_STABLE, SE_DIR_IMPROVING },
		{ SE_DIR_DECLINING, SE_DIR_DECLINING, SE_DIR_STABLE },
	};
	const se_scale *rag = se_formats_scale(formats, "rag");
	size_t p, c;

	CHECK(rag != NULL);
	for (p = 0; p < 3; p++)
		for (c = 0; c < 3; c++)
			CHECK_INT_EQ(se_scale_direction(rag, lv[p], lv[c]),
			    want[p][c]);
}

TEST(direction_of_travel_reads_names_and_refuses_bad_ratings)
{
	const se_scale *rag = se_formats_scale(formats, "rag");

	CHECK_INT_EQ(se_scale_direction(rag, "amber", "Green"),
	    SE_DIR_IMPROVING);
	CHECK_INT_EQ(se_scale_direction(rag, "purple", "G"), SE_DIR_UNKNOWN);
	CHECK_INT_EQ(se_scale_direction(rag, NULL, "G"), SE_DIR_UNKNOWN);
	CHECK_INT_EQ(se_scale_direction(NULL, "R", "G"), SE_DIR_UNKNOWN);
}

/* Load every document of the three-authority fixture. */
static size_t
load_themes(se_doc **docs, se_diag *d)
{
	static const char *const files[] = {
		"test/fixtures/report/themes/anymoor/csc.md",
		"test/fixtures/report/themes/anymoor/self-assessment.yaml",
		"test/fixtures/report/themes/anyport/csc.md",
		"test/fixtures/report/themes/anywick/review.yaml",
	};
	size_t i, n = 0;

	for (i = 0; i < 4; i++) {
		docs[n] = se_doc_load(files[i], d);
		if (docs[n])
			n++;
	}
	return n;
}

TEST(themes_are_counted_by_authority_on_three_authorities)
{
	se_diag *d = se_diag_new();
	se_doc *docs[4];
	size_t n = load_themes(docs, d);
	se_report_input in = { formats, docs, n, NULL, NULL, 0, NULL, NULL, NULL };
	se_report *r = se_report_themes(&in, d);
	char *m = r ? render(r, SE_REPORT_MARKDOWN) : NULL;

	CHECK_INT_EQ(n, 4);
	CHECK(m != NULL);
	/* 7: Any Wick's agreed action with no theme or area counts under its
	 * section, Agreed actions, instead of being left out. */
	CHECK(m && strstr(m, "**Themes:** 7, of which 3 shared by two or more "
	    "authorities"));
	CHECK(m && strstr(m, "| Agreed actions | 1[^4] | Any Wick | 0 | 0 | 0 "
	    "| 1 |\n"));
	CHECK(m && strstr(m, "| Workforce | 3[^1] | Any Moor, Any Port, Any "
	    "Wick | 2 | 0 | 0 | 1 |\n"));
	CHECK(m && strstr(m, "| Front door | 2[^2] | Any Port, Any Wick | 1 | 0 "
	    "| 2 | 0 |\n"));
	CHECK(m && strstr(m, "| Sufficiency | 2[^3] | Any Moor, Any Wick | 0 | "
	    "1 | 1 | 0 |\n"));
	CHECK(m && strstr(m, "| Managing resources | 1[^7] | Any Moor | 0 | 1 "
	    "| 0 | 0 |\n"));
	free(m);
	se_report_free(r);
	while (n > 0)
		se_doc_free(docs[--n]);
	se_diag_free(d);
}

TEST(themes_with_nothing_to_count_is_an_error)
{
	se_diag *d = se_diag_new();
	se_report_input in = { formats, NULL, 0, NULL, NULL, 0, NULL, NULL, NULL };

	CHECK(se_report_themes(&in, d) == NULL);
	CHECK_INT_EQ(se_diag_count(d, SE_ERROR), 1);
	CHECK_STR_EQ(se_diag_get(d, 0)->rule, "no-themes");
	se_diag_free(d);
}

TEST(summary_without_a_summary_document_is_an_error)
{
	se_diag *d = se_diag_new();
	se_doc *docs[4];
	size_t n = load_themes(docs, d);
	/* the first three: no summary, no review */
	se_report_input in = { formats, docs, 3, NULL, NULL, 0, NULL, NULL, NULL };

	CHECK_INT_EQ(n, 4);
	CHECK(se_report_summary(&in, d) == NULL);
	CHECK_STR_EQ(se_diag_get(d, se_diag_len(d) - 1)->rule, "no-summary");
	CHECK(se_report_feedback(&in, d) == NULL);
	CHECK_STR_EQ(se_diag_get(d, se_diag_len(d) - 1)->rule, "no-review");
	CHECK(se_report_dashboard(&in, d) == NULL);
	CHECK_STR_EQ(se_diag_get(d, se_diag_len(d) - 1)->rule,
	    "dashboard-input");
	while (n > 0)
		se_doc_free(docs[--n]);
	se_diag_free(d);
}

TEST(summary_signature_of_success_direction_is_computed)
{
	se_diag *d = se_diag_new();
	se_doc *doc = se_doc_load("examples/anyshire/2018-19/summary.md", d);
	se_report_input in = { formats, &doc, 1, NULL, NULL, 0, NULL, NULL, NULL };
	se_report *r = se_report_summary(&in, d);
	char *m = r ? render(r, SE_REPORT_MARKDOWN) : NULL;

	CHECK(m && strstr(m, "| Resource and Workforce Management | A | R | "
	    "Declining[^4] |"));
	CHECK(m && strstr(m, "| Partnership and Working Together | A | G | "
	    "Improving[^5] |"));
	CHECK(m && strstr(m, "[^4]: examples/anyshire/2018-19/summary.md:35: "
	    "direction computed from A to R (rag scale)\n"));
	CHECK(m && strstr(m, "## Youth Offending\n\n### Areas for improvements"));
	CHECK_INT_EQ(se_diag_count(d, SE_ERROR), 0);
	free(m);
	se_report_free(r);
	se_doc_free(doc);
	se_diag_free(d);
}

TEST(letter_past_its_deadline_warns)
{
	static const char late[] =
	    "kind: review\nframework: em-2012\nauthority: Any Port\n"
	    "type: visit\ndates: {start: 2019-01-22, end: 2019-01-24}\n"
	    "letter_sent: 2019-02-05\nhost: {name: Al Host}\n";
	se_diag *d = se_diag_new();
	se_doc *doc = se_doc_parse("late.yaml", -1, late, strlen(late), d);
	se_report_input in = { formats, &doc, 1, NULL, NULL, 0, NULL, NULL, NULL };
	se_report *r = se_report_letter(&in, d);
	char *m = r ? render(r, SE_REPORT_MARKDOWN) : NULL;

	CHECK(m && strstr(m, "> **Warning:** this letter is dated 2019-02-05, 8 "
	    "working days after the last day of the visit (2019-01-24); it was "
	    "due within 5, by 2019-01-31"));
	CHECK_INT_EQ(se_diag_count(d, SE_WARNING), 1);
	CHECK_STR_EQ(se_diag_get(d, 0)->rule, "letter-deadline");
	CHECK(m && strstr(m, "Dear Al Host\n"));
	CHECK(m && strstr(m, "No action was agreed."));
	free(m);
	se_report_free(r);
	se_doc_free(doc);
	se_diag_free(d);
}

TEST(syntax_names_are_parsed)
{
	CHECK_INT_EQ(se_report_syntax_parse("html"), SE_REPORT_HTML);
	CHECK_INT_EQ(se_report_syntax_parse("md"), SE_REPORT_MARKDOWN);
	CHECK_INT_EQ(se_report_syntax_parse("markdown"), SE_REPORT_MARKDOWN);
	CHECK_INT_EQ(se_report_syntax_parse("text"), SE_REPORT_TEXT);
	CHECK_INT_EQ(se_report_syntax_parse("pdf"), -1);
}

int
main(void)
{
	se_diag *d = se_diag_new();

	formats = se_formats_load("formats", d);
	if (!formats) {
		printf("not ok - formats/ cannot be loaded\n");
		return 1;
	}
	RUN(narrative_html_has_no_active_content);
	RUN(narrative_entities_stay_text_in_html);
	RUN(narrative_markdown_drops_raw_html_and_unsafe_links);
	RUN(narrative_text_is_plain);
	RUN(narrative_headings_sit_below_the_section);
	RUN(plain_text_is_escaped_in_every_syntax);
	RUN(very_long_words_wrap_in_html);
	RUN(table_has_column_and_row_headers_and_rag_as_text);
	RUN(html_is_self_contained_and_in_british_english);
	RUN(chart_has_a_text_alternative);
	RUN(direction_of_travel_for_every_pair_of_rag_ratings);
	RUN(direction_of_travel_reads_names_and_refuses_bad_ratings);
	RUN(themes_are_counted_by_authority_on_three_authorities);
	RUN(themes_with_nothing_to_count_is_an_error);
	RUN(summary_without_a_summary_document_is_an_error);
	RUN(summary_signature_of_success_direction_is_computed);
	RUN(letter_past_its_deadline_warns);
	RUN(syntax_names_are_parsed);
	se_formats_free(formats);
	se_diag_free(d);
	return DONE();
}
