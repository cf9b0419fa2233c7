/* test_jsoncheck.c: the strict JSON checker the parse tests rely on (a
 * checker that passed everything would make every parse test pass), and
 * the library's JSON string escaper checked with it over every byte. */
#include "se.h"
#include "jsoncheck.h"
#include "unit.h"

#include <stdlib.h>
#include <yaml.h>

static char err[256];

static int
check(const char *s)
{
	return jsoncheck(s, strlen(s), false, NULL, NULL, err, sizeof err);
}

static int
check_lines(const char *s)
{
	return jsoncheck(s, strlen(s), true, NULL, NULL, err, sizeof err);
}

/* What 'check' says about s: "" when it is valid. */
static const char *
verdict(const char *s)
{
	return check(s) == 0 ? "" : err;
}

TEST(valid_values_of_every_kind_pass)
{
	CHECK_INT_EQ(check("{}"), 0);
	CHECK_INT_EQ(check("[]"), 0);
	CHECK_INT_EQ(check(" \t\r\n[1, -0, 0.5, -12.25e+3, 1E-2, 7e9]\n"), 0);
	CHECK_INT_EQ(check("{\"a\": [true, false, null], \"b\": {\"c\": \"d\"}}"),
	    0);
	CHECK_INT_EQ(check("\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 "
	    "\\uD83D\\uDE00\""), 0);
	CHECK_INT_EQ(check("\"caf\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x98\x80\""), 0);
	CHECK_INT_EQ(check("42"), 0);
}

TEST(trailing_commas_are_errors)
{
	CHECK_STR_EQ(verdict("{\"a\": 1,}"), "1:9: a trailing comma before '}'");
	CHECK_STR_EQ(verdict("[1, 2, ]"), "1:8: a trailing comma before ']'");
	CHECK_STR_EQ(verdict("[,]"), "1:2: ',' does not start a JSON value");
	CHECK_STR_EQ(verdict("{\"p\": [{, \"date\": null}]}"),
	    "1:9: an object key must be a string");
}

TEST(numbers_follow_the_grammar)
{
	CHECK_STR_EQ(verdict("01"), "1:1: a number with a leading zero");
	CHECK_STR_EQ(verdict("1."),
	    "1:1: a number needs a digit after its decimal point");
	CHECK_STR_EQ(verdict(".5"), "1:1: '.' does not start a JSON value");
	CHECK_STR_EQ(verdict("+1"), "1:1: '+' does not start a JSON value");
	CHECK_STR_EQ(verdict("1e"), "1:1: a number needs a digit in its exponent");
	CHECK_STR_EQ(verdict("-"), "1:1: a number needs a digit after its sign");
	CHECK_STR_EQ(verdict("NaN"), "1:1: 'N' does not start a JSON value");
	CHECK_STR_EQ(verdict("[inf]"), "1:2: 'i' does not start a JSON value");
	CHECK_STR_EQ(verdict("0x1F"),
	    "1:2: text after the JSON value (one value only)");
}

TEST(strings_hold_only_valid_escapes_and_text)
{
	CHECK_STR_EQ(verdict("\"\\x41\""), "1:2: '\\x' is not a JSON escape");
	CHECK_STR_EQ(verdict("\"\\'\""), "1:2: '\\'' is not a JSON escape");
	CHECK_STR_EQ(verdict("\"\\u12G4\""),
	    "1:6: 'G' is not a hex digit in a \\u escape");
	CHECK_STR_EQ(verdict("\"\\uD83D\""), "1:2: a high surrogate \\uD83D "
	    "with no low surrogate after it");
	CHECK_STR_EQ(verdict("\"\\uDE00\""), "1:2: a low surrogate \\uDE00 "
	    "with no high surrogate before it");
	CHECK_STR_EQ(verdict("\"a\tb\""), "1:3: control character 0x09 in a "
	    "string (it must be escaped)");
	CHECK_STR_EQ(verdict("\"a\nb\""), "1:3: control character 0x0A in a "
	    "string (it must be escaped)");
	CHECK_STR_EQ(verdict("\"open"), "1:1: a string is not closed");
	CHECK_STR_EQ(verdict("'single'"),
	    "1:1: ''' does not start a JSON value");
}

TEST(invalid_utf8_anywhere_is_an_error)
{
	CHECK_STR_EQ(verdict("\"\xff\""), "1:2: invalid UTF-8 (byte 0xFF)");
	CHECK_STR_EQ(verdict("\"\xc0\xaf\""), "1:2: invalid UTF-8 (byte 0xC0)");
	/* an encoded surrogate (CESU-8) and a code point above U+10FFFF */
	CHECK_STR_EQ(verdict("\"\xed\xa0\x80\""),
	    "1:2: invalid UTF-8 (byte 0xED)");
	CHECK_STR_EQ(verdict("\"\xf4\x90\x80\x80\""),
	    "1:2: invalid UTF-8 (byte 0xF4)");
	CHECK_STR_EQ(verdict("[1]\n\xe2\x80"), "2:1: invalid UTF-8 (byte 0xE2)");
	CHECK_STR_EQ(verdict("\xef\xbb\xbf{}"),
	    "1:1: a byte order mark (JSON has none)");
}

TEST(exactly_one_value_with_keys_unique)
{
	CHECK_STR_EQ(verdict(""), "1:1: no JSON value (empty output)");
	CHECK_STR_EQ(verdict("  "), "1:3: a value is missing");
	CHECK_STR_EQ(verdict("{} {}"),
	    "1:4: text after the JSON value (one value only)");
	CHECK_STR_EQ(verdict("{\"a\": 1, \"a\": 2}"), "1:10: duplicate key \"a\"");
	CHECK_STR_EQ(verdict("{\"a\" 1}"), "1:6: a ':' must follow an object key");
	CHECK_STR_EQ(verdict("{\"a\": 1"), "1:1: an object is not closed");
	CHECK_STR_EQ(verdict("[1 2]"), "1:4: ',' or ']' expected in an array");
	CHECK_STR_EQ(verdict("// note\n{}"),
	    "1:1: '/' does not start a JSON value");
	CHECK_STR_EQ(verdict("tru"), "1:1: 't' does not start a JSON value");
}

TEST(nesting_is_bounded)
{
	char deep[2100];

	memset(deep, '[', 1000);
	memset(deep + 1000, ']', 1000);
	deep[2000] = '\0';
	CHECK_STR_EQ(verdict(deep), "1:513: nested deeper than 512");
	deep[511] = '\0';
	memset(deep + 511, ']', 511);
	deep[1022] = '\0';
	CHECK_INT_EQ(check(deep), 0);
}

TEST(json_lines_are_one_value_a_line_each_ended)
{
	CHECK_INT_EQ(check_lines(""), 0);
	CHECK_INT_EQ(check_lines("{\"a\": 1}\n{\"a\": 2}\n"), 0);
	CHECK_INT_EQ(check_lines("{\"a\": 1}\n{\"a\": 2}"), -1);
	CHECK_STR_EQ(err, "2:9: the last line is not ended by a newline");
	CHECK_INT_EQ(check_lines("{\"a\": 1}\n\n{}\n"), -1);
	CHECK_STR_EQ(err, "2:1: an empty line in JSON Lines");
	CHECK_INT_EQ(check_lines("{\"a\":\n1}\n"), -1);
	CHECK_STR_EQ(err, "1:6: a value is missing");
	CHECK_INT_EQ(check_lines("[1,]\n"), -1);
	CHECK_STR_EQ(err, "1:4: a trailing comma before ']'");
}

struct seen {
	char text[1024];
};

static void
collect(void *ctx, size_t record, const char *path, jsoncheck_kind kind,
    const char *value, size_t len)
{
	struct seen *s = ctx;
	size_t n = strlen(s->text);

	(void)kind;
	snprintf(s->text + n, sizeof s->text - n, "%zu %s=%.*s;", record, path,
	    (int)len, value);
}

TEST(the_walker_names_every_value_by_its_path)
{
	struct seen s = { "" };
	const char *j = "{\"actions\": [{\"id\": \"A\\u0031\", \"progress\": "
	    "[{\"date\": null, \"note\": \"x\\ny\"}], \"lacks\": []}], "
	    "\"summary\": {\"at risk\": 2}, \"n\": -1.5e3}";

	CHECK_INT_EQ(jsoncheck(j, strlen(j), false, collect, &s, err,
	    sizeof err), 0);
	CHECK_STR_EQ(s.text, "0 actions[0].id=A1;"
	    "0 actions[0].progress[0].date=null;"
	    "0 actions[0].progress[0].note=x\ny;0 actions[0].lacks=[];"
	    "0 summary[\"at risk\"]=2;0 n=-1.5e3;");
	s.text[0] = '\0';
	CHECK_INT_EQ(jsoncheck("{\"a\":1}\n{\"a\":{}}\n", 17, true, collect, &s,
	    err, sizeof err), 0);
	CHECK_STR_EQ(s.text, "0 a=1;1 a={};");
}

/* The library's escaper, used by every JSON output, gives valid JSON for
 * any bytes at all: each of the 255 non-NUL bytes alone and after a lead
 * byte (broken UTF-8), and real text. */
TEST(se_json_put_gives_valid_json_for_any_bytes)
{
	char in[4], *out;
	size_t len;
	unsigned a, b;
	FILE *f;
	int bad = 0;

	for (a = 1; a < 256; a++) {
		for (b = 0; b < 256; b++) {
			in[0] = (char)a;
			in[1] = (char)b;
			in[2] = '\0';
			out = NULL;
			f = open_memstream(&out, &len);
			se_json_put(f, in);
			fclose(f);
			if (jsoncheck(out, len, false, NULL, NULL, err,
			    sizeof err) != 0 && bad++ == 0)
				printf("# bytes %02x %02x: %s\n", a, b, err);
			free(out);
		}
	}
	CHECK_INT_EQ(bad, 0);
}

/* se_json_put's string read back by jsoncheck and, as the YAML writers
 * use it (a double-quoted scalar), by libyaml: the same text both ways,
 * for every code point but NUL and the surrogates, 128 to a string. */
static void
grab(void *ctx, size_t record, const char *path, jsoncheck_kind kind,
    const char *value, size_t len)
{
	char **out = ctx;

	(void)record;
	(void)path;
	(void)kind;
	*out = malloc(len + 1);
	if (*out) {
		memcpy(*out, value, len);
		(*out)[len] = '\0';
	}
}

/* The value of "v: ..." as libyaml reads it (malloc'ed), NULL when it
 * cannot read the document. */
static char *
yaml_value(const char *doc, size_t len)
{
	yaml_parser_t y;
	yaml_event_t ev;
	char *v = NULL;
	int scalars = 0;
	bool done = false;

	if (!yaml_parser_initialize(&y))
		return NULL;
	yaml_parser_set_input_string(&y, (const unsigned char *)doc, len);
	while (!done && yaml_parser_parse(&y, &ev)) {
		if (ev.type == YAML_SCALAR_EVENT && ++scalars == 2)
			v = strdup((const char *)ev.data.scalar.value);
		done = ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
	}
	if (!done) {
		free(v);
		v = NULL;
	}
	yaml_parser_delete(&y);
	return v;
}

static void
utf8_put(char *b, size_t *n, unsigned long cp)
{
	if (cp < 0x80) {
		b[(*n)++] = (char)cp;
	} else if (cp < 0x800) {
		b[(*n)++] = (char)(0xc0 | cp >> 6);
		b[(*n)++] = (char)(0x80 | (cp & 0x3f));
	} else if (cp < 0x10000) {
		b[(*n)++] = (char)(0xe0 | cp >> 12);
		b[(*n)++] = (char)(0x80 | (cp >> 6 & 0x3f));
		b[(*n)++] = (char)(0x80 | (cp & 0x3f));
	} else {
		b[(*n)++] = (char)(0xf0 | cp >> 18);
		b[(*n)++] = (char)(0x80 | (cp >> 12 & 0x3f));
		b[(*n)++] = (char)(0x80 | (cp >> 6 & 0x3f));
		b[(*n)++] = (char)(0x80 | (cp & 0x3f));
	}
}

TEST(se_json_put_is_a_yaml_string_of_the_same_text_for_every_code_point)
{
	char in[128 * 4 + 1], *out, *j, *y;
	size_t len, n;
	unsigned long cp = 1, c;
	int bad = 0;
	FILE *f;

	while (cp <= 0x10ffff) {
		n = 0;
		for (c = 0; c < 128 && cp <= 0x10ffff; cp++) {
			if (cp >= 0xd800 && cp <= 0xdfff)
				continue;
			utf8_put(in, &n, cp);
			c++;
		}
		in[n] = '\0';
		out = NULL;
		f = open_memstream(&out, &len);
		fputs("v: ", f);
		se_json_put(f, in);
		fputc('\n', f);
		fclose(f);
		j = NULL;
		if (jsoncheck(out + 3, len - 4, false, grab, &j, err,
		    sizeof err) != 0 && bad++ == 0)
			printf("# near U+%04lX: not JSON: %s\n", cp, err);
		y = yaml_value(out, len);
		if ((!y || !j || strcmp(y, j) != 0 || strcmp(j, in) != 0) &&
		    bad++ == 0)
			printf("# near U+%04lX: YAML %s, or not the same text\n",
			    cp, y ? "reads" : "does not read it");
		free(y);
		free(j);
		free(out);
	}
	CHECK_INT_EQ(bad, 0);
}

int
main(void)
{
	RUN(valid_values_of_every_kind_pass);
	RUN(trailing_commas_are_errors);
	RUN(numbers_follow_the_grammar);
	RUN(strings_hold_only_valid_escapes_and_text);
	RUN(invalid_utf8_anywhere_is_an_error);
	RUN(exactly_one_value_with_keys_unique);
	RUN(nesting_is_bounded);
	RUN(json_lines_are_one_value_a_line_each_ended);
	RUN(the_walker_names_every_value_by_its_path);
	RUN(se_json_put_gives_valid_json_for_any_bytes);
	RUN(se_json_put_is_a_yaml_string_of_the_same_text_for_every_code_point);
	return DONE();
}
