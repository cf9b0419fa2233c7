/* parsecheck: parse a machine output with a real parser, as a script
 * reading it would.
 *
 *   parsecheck [-p] json|jsonl|yaml|csv [FILE]
 *
 * json and jsonl go through the strict checker of jsoncheck.h (jsonl:
 * one value a line); yaml through libyaml (every event, and no mapping
 * with the same key twice); csv through libcsv in strict mode (quotes
 * only around whole fields, every quoted field closed), with every
 * record as wide as the header, no two columns of one name, and valid
 * UTF-8 (an empty text is a CSV of no records).  Exit 0 when the text parses, 1 with "FILE:LINE:COL: reason"
 * on standard error when it does not, 2 on bad usage or I/O.
 *
 * -p (json, jsonl, csv) prints what was read, one value a line as PATH=VALUE (a newline or
 * a backslash in VALUE written \n, \\): for JSON the path jsoncheck
 * gives ("[2].rag", "actions[0].progress[1].note", a JSON Lines record
 * first as "#3"); for CSV "[ROW].HEADER" for each field of each record
 * after the header, so a CSV and the JSON of the same records print
 * alike.  JSON null prints as an empty value, as CSV writes it. */
#include "jsoncheck.h"

#include <csv.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

static const char *name = "-";

static void
print_value(const char *path, const char *v, size_t len)
{
	size_t i;

	fputs(path, stdout);
	putchar('=');
	for (i = 0; i < len; i++) {
		if (v[i] == '\n')
			fputs("\\n", stdout);
		else if (v[i] == '\\')
			fputs("\\\\", stdout);
		else if (v[i] == '\r')
			fputs("\\r", stdout);
		else
			putchar(v[i]);
	}
	putchar('\n');
}

/* ---- JSON ---------------------------------------------------------------- */

struct jsonp {
	bool lines;
};

static void
json_print(void *ctx, size_t record, const char *path, jsoncheck_kind kind,
    const char *value, size_t len)
{
	const struct jsonp *j = ctx;

	if (j->lines)
		printf("#%zu", record);
	if (kind == JSONCHECK_NULL)
		print_value(path, "", 0);
	else
		print_value(path, value, len);
}

static int
check_json(const char *s, size_t n, bool lines, bool print)
{
	char err[256];
	struct jsonp j = { lines };

	if (jsoncheck(s, n, lines, print ? json_print : NULL, &j, err,
	    sizeof err) == 0)
		return 0;
	fprintf(stderr, "%s:%s\n", name, err);
	return 1;
}

/* ---- YAML ---------------------------------------------------------------- */

/* One open mapping: its keys so far (scalar keys only), and whether the
 * next node is a key. */
struct map {
	char **keys;
	size_t n;
	bool want_key;
	bool is_map;
};

static void
map_release(struct map *m)
{
	size_t i;

	for (i = 0; i < m->n; i++)
		free(m->keys[i]);
	free(m->keys);
}

/* A node ended inside the innermost collection: flip key/value. */
static void
node_done(struct map *stack, size_t depth)
{
	if (depth > 0 && stack[depth - 1].is_map)
		stack[depth - 1].want_key = !stack[depth - 1].want_key;
}

static int
check_yaml(const char *s, size_t n, bool print)
{
	yaml_parser_t y;
	yaml_event_t ev;
	struct map stack[256];
	size_t depth = 0, i;
	int rc = 1;
	bool done = false;

	(void)print;
	if (!yaml_parser_initialize(&y)) {
		fprintf(stderr, "%s: out of memory\n", name);
		return 2;
	}
	yaml_parser_set_input_string(&y, (const unsigned char *)s, n);
	while (!done) {
		if (!yaml_parser_parse(&y, &ev)) {
			fprintf(stderr, "%s:%zu:%zu: %s%s%s\n", name,
			    y.problem_mark.line + 1, y.problem_mark.column + 1,
			    y.problem ? y.problem : "YAML error",
			    y.context ? " " : "", y.context ? y.context : "");
			goto out;
		}
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
			done = true;
			break;
		case YAML_MAPPING_START_EVENT:
		case YAML_SEQUENCE_START_EVENT:
			if (depth == sizeof stack / sizeof stack[0]) {
				fprintf(stderr, "%s:%zu:%zu: nested too deep\n",
				    name, ev.start_mark.line + 1,
				    ev.start_mark.column + 1);
				yaml_event_delete(&ev);
				goto out;
			}
			if (depth > 0 && stack[depth - 1].is_map &&
			    stack[depth - 1].want_key) {
				fprintf(stderr, "%s:%zu:%zu: a collection as a "
				    "mapping key\n", name, ev.start_mark.line + 1,
				    ev.start_mark.column + 1);
				yaml_event_delete(&ev);
				goto out;
			}
			memset(&stack[depth], 0, sizeof stack[depth]);
			stack[depth].is_map = ev.type == YAML_MAPPING_START_EVENT;
			stack[depth].want_key = true;
			depth++;
			break;
		case YAML_MAPPING_END_EVENT:
		case YAML_SEQUENCE_END_EVENT:
			map_release(&stack[--depth]);
			node_done(stack, depth);
			break;
		case YAML_SCALAR_EVENT:
		case YAML_ALIAS_EVENT:
			if (ev.type == YAML_SCALAR_EVENT && depth > 0 &&
			    stack[depth - 1].is_map && stack[depth - 1].want_key) {
				struct map *m = &stack[depth - 1];
				const char *k = (const char *)ev.data.scalar.value;
				char **nk;

				for (i = 0; i < m->n; i++)
					if (strcmp(m->keys[i], k) == 0) {
						fprintf(stderr, "%s:%zu:%zu: "
						    "duplicate key '%s'\n", name,
						    ev.start_mark.line + 1,
						    ev.start_mark.column + 1, k);
						yaml_event_delete(&ev);
						goto out;
					}
				nk = realloc(m->keys, (m->n + 1) * sizeof *nk);
				if (!nk || !(nk[m->n] = strdup(k))) {
					if (nk)
						m->keys = nk;
					fprintf(stderr, "%s: out of memory\n", name);
					yaml_event_delete(&ev);
					goto out;
				}
				m->keys = nk;
				m->n++;
			}
			node_done(stack, depth);
			break;
		default:
			break;
		}
		yaml_event_delete(&ev);
	}
	rc = 0;
out:
	while (depth > 0)
		map_release(&stack[--depth]);
	yaml_parser_delete(&y);
	return rc;
}

/* ---- CSV ----------------------------------------------------------------- */

struct csvp {
	char **header;
	size_t nheader;
	size_t field;  /* in the current record */
	size_t record; /* 0 is the header */
	bool print;
	bool bad;
	char err[256];
};

static void
csv_field(void *s, size_t len, void *ctx)
{
	struct csvp *c = ctx;
	size_t i, bad;

	if (c->bad)
		return;
	if (!jsoncheck_utf8(s, len, &bad)) {
		snprintf(c->err, sizeof c->err, "record %zu, field %zu: invalid "
		    "UTF-8 (byte 0x%02X)", c->record + 1, c->field + 1,
		    ((unsigned char *)s)[bad]);
		c->bad = true;
		return;
	}
	if (c->record == 0) {
		char **h = realloc(c->header, (c->nheader + 1) * sizeof *h);
		char *v = malloc(len + 1);

		if (h)
			c->header = h;
		if (!h || !v) {
			free(v);
			snprintf(c->err, sizeof c->err, "out of memory");
			c->bad = true;
			return;
		}
		memcpy(v, s, len);
		v[len] = '\0';
		for (i = 0; i < c->nheader; i++)
			if (strcmp(c->header[i], v) == 0) {
				snprintf(c->err, sizeof c->err, "two columns "
				    "named '%s'", v);
				c->bad = true;
			}
		if (len == 0) {
			snprintf(c->err, sizeof c->err, "column %zu has no "
			    "name", c->nheader + 1);
			c->bad = true;
		}
		c->header[c->nheader++] = v;
	} else if (c->field < c->nheader && c->print) {
		char path[64 + 1024];

		snprintf(path, sizeof path, "[%zu].%s", c->record - 1,
		    c->header[c->field]);
		print_value(path, s, len);
	}
	c->field++;
}

static void
csv_record(int ch, void *ctx)
{
	struct csvp *c = ctx;

	(void)ch;
	if (c->bad)
		return;
	if (c->record > 0 && c->field != c->nheader) {
		snprintf(c->err, sizeof c->err, "record %zu has %zu fields; "
		    "the header has %zu", c->record + 1, c->field, c->nheader);
		c->bad = true;
	}
	c->field = 0;
	c->record++;
}

static int
no_space(unsigned char ch)
{
	(void)ch;
	return 0;
}

static int
check_csv(const char *s, size_t n, bool print)
{
	struct csv_parser p;
	struct csvp c = { 0 };
	int rc = 1;
	size_t i, done, line = 1;

	c.print = print;
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0) {
		fprintf(stderr, "%s: out of memory\n", name);
		return 2;
	}
	csv_set_space_func(&p, no_space);
	done = csv_parse(&p, s, n, csv_field, csv_record, &c);
	if (done != n) {
		for (i = 0; i < done; i++)
			line += s[i] == '\n';
		fprintf(stderr, "%s:%zu: %s\n", name, line,
		    csv_strerror(csv_error(&p)));
		goto out;
	}
	if (csv_fini(&p, csv_field, csv_record, &c) != 0) {
		fprintf(stderr, "%s: at the end: %s\n", name,
		    csv_strerror(csv_error(&p)));
		goto out;
	}
	if (c.bad) {
		fprintf(stderr, "%s: %s\n", name, c.err);
		goto out;
	}
	rc = 0;
out:
	csv_free(&p);
	for (i = 0; i < c.nheader; i++)
		free(c.header[i]);
	free(c.header);
	return rc;
}

/* ---- main ---------------------------------------------------------------- */

static char *
slurp(FILE *f, size_t *n)
{
	size_t cap = 65536, len = 0, k;
	char *b = malloc(cap), *nb;

	while (b && (k = fread(b + len, 1, cap - len, f)) > 0) {
		len += k;
		if (len == cap) {
			nb = realloc(b, cap * 2);
			if (!nb) {
				free(b);
				return NULL;
			}
			b = nb;
			cap *= 2;
		}
	}
	if (b && ferror(f)) {
		free(b);
		return NULL;
	}
	*n = len;
	return b;
}

int
main(int argc, char **argv)
{
	bool print = false;
	const char *fmt;
	FILE *f = stdin;
	char *s;
	size_t n;
	int rc, a = 1;

	if (a < argc && strcmp(argv[a], "-p") == 0) {
		print = true;
		a++;
	}
	if (argc - a < 1 || argc - a > 2) {
		fputs("usage: parsecheck [-p] json|jsonl|yaml|csv [FILE]\n",
		    stderr);
		return 2;
	}
	fmt = argv[a];
	if (argc - a == 2 && strcmp(argv[a + 1], "-") != 0) {
		name = argv[a + 1];
		f = fopen(name, "rb");
		if (!f) {
			perror(name);
			return 2;
		}
	}
	s = slurp(f, &n);
	if (f != stdin)
		fclose(f);
	if (!s) {
		fprintf(stderr, "%s: cannot read\n", name);
		return 2;
	}
	if (strcmp(fmt, "json") == 0 || strcmp(fmt, "sarif") == 0)
		rc = check_json(s, n, false, print);
	else if (strcmp(fmt, "jsonl") == 0)
		rc = check_json(s, n, true, print);
	else if (strcmp(fmt, "yaml") == 0)
		rc = check_yaml(s, n, print);
	else if (strcmp(fmt, "csv") == 0)
		rc = check_csv(s, n, print);
	else {
		fprintf(stderr, "parsecheck: unknown format '%s'\n", fmt);
		rc = 2;
	}
	free(s);
	return rc;
}
