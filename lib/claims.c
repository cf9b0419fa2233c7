/* claims.c: claims of movement against the data (se-hypothesise(1)
 * RULES, and se-validate --data): a sentence that
 * cites an indicator (an indicator:ID link, or the indicator's title or
 * an alias) and claims it went up, down, got better or worse, or stands
 * above or below England, when the rated data says otherwise. */
#include "hypo_internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* What a claim says. */
enum says {
	UP, DOWN, BETTER, WORSE, ABOVE_ENG, BELOW_ENG, BETTER_ENG, WORSE_ENG
};

/* Longer phrases first where one contains another. */
static const struct {
	const char *words;
	enum says says;
} claim_words[] = {
	{ "above the national average", ABOVE_ENG },
	{ "above the england average", ABOVE_ENG },
	{ "above national", ABOVE_ENG }, { "above england", ABOVE_ENG },
	{ "below the national average", BELOW_ENG },
	{ "below the england average", BELOW_ENG },
	{ "below national", BELOW_ENG }, { "below england", BELOW_ENG },
	{ "better than the national average", BETTER_ENG },
	{ "better than nationally", BETTER_ENG },
	{ "better than national", BETTER_ENG },
	{ "better than england", BETTER_ENG },
	{ "worse than the national average", WORSE_ENG },
	{ "worse than nationally", WORSE_ENG },
	{ "worse than national", WORSE_ENG },
	{ "worse than england", WORSE_ENG },
	{ "improved", BETTER }, { "improving", BETTER },
	{ "improvement in", BETTER },
	{ "deteriorated", WORSE }, { "deteriorating", WORSE },
	{ "declined", WORSE }, { "declining", WORSE }, { "worsened", WORSE },
	{ "got worse", WORSE },
	{ "reduced", DOWN }, { "reducing", DOWN }, { "fallen", DOWN },
	{ "fell", DOWN }, { "falling", DOWN }, { "decreased", DOWN },
	{ "decreasing", DOWN }, { "dropped", DOWN }, { "lower", DOWN },
	{ "fewer", DOWN },
	{ "increased", UP }, { "increasing", UP }, { "risen", UP },
	{ "rose", UP }, { "rising", UP }, { "higher", UP },
};

/* "Lower than nationally" compares with England, not with last year. */
static const char *const vs_england[] = { "than nationally",
	"than england", "than the national average",
	"than the england average", "than the national figure" };

struct se_claims {
	se_arena *arena;
	se_claim *v;
	size_t n, cap;
	/* the document being read */
	const se_doc *doc;
	const se_catalogue *cat;
	const se_profile *profile;
	size_t *line_off; /* byte offset of each line's start; [0] line 1 */
	size_t nlines;
	bool failed;
};

static bool
word_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c >= 0x80;
}

static char
lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c + 'a' - 'A') : c;
}

static bool
is_space(char c)
{
	return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

/* Whether 'phrase' (a space matches any run of white space; case
 * ignored) starts at 'p' as whole words, ending before 'end'.  Returns
 * where it ends, or NULL. */
static const char *
phrase_at(const char *s, const char *p, const char *end, const char *phrase,
    size_t plen)
{
	const char *a = p, *b = phrase, *pe = phrase + plen;

	if (p > s && word_char((unsigned char)p[-1]))
		return NULL;
	while (b < pe && a < end) {
		if (*b == ' ') {
			if (!is_space(*a))
				return NULL;
			while (a < end && is_space(*a))
				a++;
			b++;
			continue;
		}
		if (lower(*a) != lower(*b))
			return NULL;
		a++;
		b++;
	}
	if (b < pe || (a < end && word_char((unsigned char)*a)))
		return NULL;
	return a;
}

static const char *
find_phrase(const char *s, const char *end, const char *phrase,
    const char **stop)
{
	size_t plen = strlen(phrase);
	const char *p, *e;

	while (plen && is_space(phrase[plen - 1]))
		plen--;
	if (!plen)
		return NULL;
	for (p = s; p < end; p++)
		if (lower(*p) == lower(*phrase) &&
		    (e = phrase_at(s, p, end, phrase, plen)) != NULL) {
			if (stop)
				*stop = e;
			return p;
		}
	return NULL;
}

/* A negation just before a claim word: "not improved", "has not yet
 * reduced", "no longer falling", "hasn't risen". */
static bool
negated(const char *s, const char *at)
{
	const char *p = at - 1;
	int words = 0;

	while (p >= s && words < 3) {
		const char *e;
		while (p >= s && is_space(*p))
			p--;
		e = p + 1;
		while (p >= s && !is_space(*p))
			p--;
		if (e - (p + 1) >= 3 && strncmp(e - 3, "n't", 3) == 0)
			return true;
		if ((e - (p + 1) == 3 && se_strncasecmp(p + 1, "not", 3) == 0) ||
		    (e - (p + 1) == 2 && se_strncasecmp(p + 1, "no", 2) == 0) ||
		    (e - (p + 1) == 5 && se_strncasecmp(p + 1, "never", 5) == 0))
			return true;
		words++;
	}
	return false;
}

/* The claim nearest to [c0, c1) in [s, end), not negated; -1 for none. */
static int
nearest_claim(const char *s, const char *end, const char *c0, const char *c1,
    const char **word)
{
	size_t best_d = SIZE_MAX, i, k;
	int says = -1;

	for (i = 0; i < sizeof claim_words / sizeof claim_words[0]; i++) {
		const char *from = s, *at, *stop;
		while (from < end && (at = find_phrase(from, end,
		    claim_words[i].words, &stop)) != NULL) {
			size_t d = stop <= c0 ? (size_t)(c0 - stop) :
			    at >= c1 ? (size_t)(at - c1) : 0;
			from = stop;
			if (negated(s, at) || d >= best_d)
				continue;
			best_d = d;
			says = (int)claim_words[i].says;
			*word = claim_words[i].words;
		}
	}
	if (says == UP || says == DOWN || says == BETTER || says == WORSE)
		for (k = 0; k < sizeof vs_england / sizeof vs_england[0]; k++)
			if (find_phrase(s, end, vs_england[k], NULL)) {
				says = says == UP ? ABOVE_ENG : says == DOWN ?
				    BELOW_ENG : says == BETTER ? BETTER_ENG :
				    WORSE_ENG;
				break;
			}
	return says;
}

/* ---- the verdict --------------------------------------------------------- */

static void
movement(se_buf *b, const se_fact *f)
{
	se_buf_addf(b, "%s %s %s from ", f->ind->id, f->ind->title,
	    f->value > f->previous ? "rose" : "fell");
	se_fact_value(b, f, f->previous);
	if (f->previous_period)
		se_buf_addf(b, " in %s", f->previous_period);
	se_buf_adds(b, " to ");
	se_fact_value(b, f, f->value);
	if (f->period)
		se_buf_addf(b, " in %s", f->period);
}

static void
versus_england(se_buf *b, const se_fact *f, const char *rel)
{
	se_buf_addf(b, "%s %s was ", f->ind->id, f->ind->title);
	se_fact_value(b, f, f->value);
	if (f->period)
		se_buf_addf(b, " in %s", f->period);
	se_buf_addf(b, ", %s England's ", rel);
	se_fact_value(b, f, f->england);
}

/* Whether the data contradicts the claim; if so, what it says into 'b'. */
static bool
contradicts(enum says says, const se_fact *f, se_buf *b)
{
	double tol = f->ind->tolerance;
	bool moved = f->has_value && f->has_previous;

	switch (says) {
	case UP:
		if (!moved || se_direction_of(SE_POLARITY_HIGH, f->value,
		    f->previous, tol) != SE_DIR_DECLINING)
			return false;
		movement(b, f);
		return true;
	case DOWN:
		if (!moved || se_direction_of(SE_POLARITY_LOW, f->value,
		    f->previous, tol) != SE_DIR_DECLINING)
			return false;
		movement(b, f);
		return true;
	case BETTER:
	case WORSE:
		if (!moved || f->ind->polarity == SE_POLARITY_NONE ||
		    f->direction != (says == BETTER ? SE_DIR_DECLINING :
		    SE_DIR_IMPROVING))
			return false;
		movement(b, f);
		se_buf_addf(b, " (%s)", says == BETTER ? "worse" : "better");
		return true;
	case ABOVE_ENG:
	case BELOW_ENG:
		if (!f->has_value || !f->has_england ||
		    (says == ABOVE_ENG ? f->value >= f->england :
		    f->value <= f->england))
			return false;
		versus_england(b, f, says == ABOVE_ENG ? "below" : "above");
		return true;
	case BETTER_ENG:
	case WORSE_ENG:
		if (!f->has_value || !f->has_england ||
		    f->ind->polarity == SE_POLARITY_NONE)
			return false;
		if (says == BETTER_ENG ? se_better(f->ind->polarity, f->value,
		    f->england) >= 0 : se_better(f->ind->polarity, f->value,
		    f->england) <= 0)
			return false;
		versus_england(b, f, says == BETTER_ENG ? "worse than" :
		    "better than");
		return true;
	}
	return false;
}

/* ---- positions ------------------------------------------------------------- */

static int
index_lines(se_claims *c)
{
	const char *s = c->doc->src;
	size_t i, n = 1;

	if (!s)
		return 0;
	for (i = 0; i < c->doc->src_len; i++)
		n += s[i] == '\n';
	c->line_off = malloc(n * sizeof *c->line_off);
	if (!c->line_off)
		return -1;
	c->nlines = 0;
	c->line_off[c->nlines++] = 0;
	for (i = 0; i < c->doc->src_len; i++)
		if (s[i] == '\n')
			c->line_off[c->nlines++] = i + 1;
	return 0;
}

/* The position of byte 'off' of the source. */
static se_pos
pos_of(const se_claims *c, size_t off)
{
	size_t lo = 0, hi = c->nlines;
	se_pos pos = { c->doc->path, 1, 1 };

	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (c->line_off[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	if (!c->nlines)
		return pos;
	pos.line = (unsigned)lo + 1;
	pos.col = se_utf8_column(c->doc->src + c->line_off[lo],
	    c->doc->src + off);
	return pos;
}

/* Where the sentence 'sent' of a YAML scalar starts in the source: its
 * first 40 characters matched with white space folded, from the node's
 * line to its last; the node's own position when not found (an escaped
 * quoted scalar). */
static se_pos
locate(const se_claims *c, const se_node *n, const char *sent)
{
	const char *src = c->doc->src, *end, *p;
	size_t from, to;

	if (!src || !c->nlines || n->pos.line == 0 || n->pos.line > c->nlines)
		return n->pos;
	from = c->line_off[n->pos.line - 1];
	to = n->end_line && n->end_line < c->nlines ?
	    c->line_off[n->end_line] : c->doc->src_len;
	end = src + to;
	for (p = src + from; p < end; p++) {
		const char *a = p, *b = sent;
		int k = 0;
		if (*p != *sent)
			continue;
		while (*b && k < 40 && a < end) {
			if (is_space(*b)) {
				if (!is_space(*a))
					break;
				while (a < end && is_space(*a))
					a++;
				while (is_space(*b))
					b++;
				continue;
			}
			if (*a != *b)
				break;
			a++;
			b++;
			k++;
		}
		if (!*b || k >= 40)
			return pos_of(c, (size_t)(p - src));
	}
	return n->pos;
}

/* ---- citations ------------------------------------------------------------- */

struct cite {
	const char *at, *end;
	const se_fact *fact;
};

static void
add_cite(struct cite *v, size_t *n, size_t max, const char *at,
    const char *end, const se_fact *f)
{
	size_t i;

	if (!f || *n >= max)
		return;
	for (i = 0; i < *n; i++)
		if (v[i].at < end && at < v[i].end)
			return; /* overlaps one already found */
	v[(*n)++] = (struct cite){ at, end, f };
}

static int
by_at(const void *a, const void *b)
{
	const struct cite *x = a, *y = b;

	return x->at < y->at ? -1 : x->at > y->at;
}

/* The next "indicator:" in [s, end), any case, or NULL. */
static const char *
find_link(const char *s, const char *end)
{
	for (; end - s > 10; s++)
		if (se_strncasecmp(s, "indicator:", 10) == 0)
			return s;
	return NULL;
}

/* The citations in [s, end): indicator:ID links first, then titles and
 * aliases of the profile's indicators, in text order. */
static size_t
cites_in(const se_claims *c, const char *s, const char *end, struct cite *v,
    size_t max)
{
	const char *p = s, *e;
	size_t n = 0, i, k;

	while (p < end && (p = find_link(p, end)) != NULL) {
		const char *q = p + 10;
		char id[64];
		size_t len = 0;
		while (q < end && len + 1 < sizeof id && (word_char(
		    (unsigned char)*q) || *q == '-' || *q == '_'))
			id[len++] = *q++;
		id[len] = '\0';
		add_cite(v, &n, max, p, q, se_profile_find(c->profile, id));
		p = q;
	}
	for (i = 0; i < se_profile_len(c->profile); i++) {
		const se_fact *f = se_profile_at(c->profile, i);
		const se_indicator *ind = f->ind;
		for (k = 0; k <= ind->naliases; k++) {
			const char *t = k == 0 ? ind->title : ind->aliases[k - 1];
			const char *at;
			if (!t || strlen(t) < 8)
				continue;
			if ((at = find_phrase(s, end, t, &e)) != NULL)
				add_cite(v, &n, max, at, e, f);
		}
	}
	qsort(v, n, sizeof *v, by_at);
	return n;
}

/* ---- sentences --------------------------------------------------------- */

static bool
sentence_end(const char *p, const char *end)
{
	if ((*p == '.' || *p == '!' || *p == '?') &&
	    (p + 1 == end || is_space(p[1])))
		return true;
	return *p == '\n' && p + 1 < end && (p[1] == '\n' || (p[1] == '\r' &&
	    p + 2 < end && p[2] == '\n'));
}

static const char *
fold_copy(se_claims *c, const char *s, const char *end)
{
	se_buf b;
	bool space = false;
	const char *r;

	se_buf_init(&b);
	for (; s < end; s++) {
		if (is_space(*s)) {
			space = b.len > 0;
			continue;
		}
		if (space)
			se_buf_addc(&b, ' ');
		space = false;
		se_buf_addc(&b, *s);
	}
	r = se_buf_failed(&b) ? NULL : se_arena_strdup(c->arena,
	    se_buf_str(&b));
	se_buf_release(&b);
	if (!r)
		c->failed = true;
	return r;
}

static int
add_claim(se_claims *c, const se_claim *cl)
{
	if (c->n == c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 8;
		se_claim *v = realloc(c->v, cap * sizeof *v);
		if (!v)
			return -1;
		c->v = v;
		c->cap = cap;
	}
	c->v[c->n++] = *cl;
	return 0;
}

/* Where a sentence is: in a YAML node (located by its text), or at a
 * byte of a Markdown body. */
struct where {
	const se_node *node;
	const char *area;
	const se_fact *implicit; /* the one indicator an item's evidence
	                            names, when its text cites none */
};

static void
check_sentence(se_claims *c, const char *s, const char *end,
    const struct where *w)
{
	struct cite v[16];
	size_t n = cites_in(c, s, end, v, 16), i;
	se_buf b;

	if (n == 0 && w->implicit) {
		v[0] = (struct cite){ end, end, w->implicit };
		n = 1;
	}
	for (i = 0; i < n; i++) {
		const char *from = i ? v[i - 1].end : s;
		const char *to = i + 1 < n ? v[i + 1].at : end;
		const char *word = NULL;
		se_claim cl;
		int says = nearest_claim(from, to, v[i].at, v[i].end, &word);
		if (says < 0)
			continue;
		se_buf_init(&b);
		if (!contradicts((enum says)says, v[i].fact, &b)) {
			se_buf_release(&b);
			continue;
		}
		memset(&cl, 0, sizeof cl);
		cl.fact = v[i].fact;
		cl.word = word;
		cl.area = w->area;
		cl.sentence = fold_copy(c, s, end);
		cl.pos = w->node ? locate(c, w->node, cl.sentence ?
		    cl.sentence : "") : pos_of(c, (size_t)(s - c->doc->src));
		cl.message = se_buf_failed(&b) ? NULL :
		    se_arena_strdup(c->arena, se_buf_str(&b));
		se_buf_release(&b);
		if (!cl.sentence || !cl.message || add_claim(c, &cl) < 0) {
			c->failed = true;
			return;
		}
	}
}

static void
check_text(se_claims *c, const char *s, const char *end,
    const struct where *w)
{
	const char *p;

	while (s < end) {
		while (s < end && is_space(*s))
			s++;
		for (p = s; p < end && !sentence_end(p, end); p++)
			;
		if (p > s)
			check_sentence(c, s, p < end ? p + 1 : p, w);
		s = p < end ? p + 1 : p;
	}
}

/* The one indicator an item's evidence names (none, or several: NULL). */
static const se_fact *
only_indicator(const se_claims *c, const se_node *ev)
{
	const se_fact *f = NULL, *g;
	size_t i, n = 0;
	const char *t;

	if (!ev)
		return NULL;
	if (ev->kind == SE_NODE_SCALAR) {
		t = ev->text;
		if (strncmp(t, "indicator:", 10) == 0)
			return se_profile_find(c->profile, t + 10);
		return NULL;
	}
	if (ev->kind != SE_NODE_LIST)
		return NULL;
	for (i = 0; i < ev->n; i++) {
		t = se_node_str(ev->items[i]);
		if (!t || strncmp(t, "indicator:", 10) != 0)
			continue;
		n++;
		g = se_profile_find(c->profile, t + 10);
		if (g)
			f = g;
	}
	return n == 1 ? f : NULL;
}

static void
walk(se_claims *c, const se_node *n, const struct where *w, int depth)
{
	struct where in = *w;
	size_t i;

	if (!n || depth > SE_MAX_DEPTH || c->failed)
		return;
	if (n->kind == SE_NODE_SCALAR) {
		if (n->text && strchr(n->text, ' '))
			check_text(c, n->text, n->text + n->len, w);
		return;
	}
	if (n->kind == SE_NODE_LIST) {
		for (i = 0; i < n->n; i++)
			walk(c, n->items[i], w, depth + 1);
		return;
	}
	if (se_node_str(se_node_get(n, "area")))
		in.area = se_node_str(se_node_get(n, "area"));
	in.implicit = only_indicator(c, se_node_get(n, "evidence"));
	for (i = 0; i < n->n; i++) {
		const char *key = n->keys[i]->text;
		struct where kid = in;
		if (strcmp(key, "evidence") == 0 || strcmp(key, "area") == 0)
			continue;
		if (c->doc->meta && se_node_get(c->doc->meta, "areas") == n)
			kid.area = key;
		if (strcmp(key, "text") != 0)
			kid.implicit = NULL;
		kid.node = n->items[i];
		walk(c, n->items[i], &kid, depth + 1);
	}
}

se_claims *
se_claims_find(const se_doc *doc, const se_catalogue *cat,
    const se_profile *profile)
{
	se_claims *c = calloc(1, sizeof *c);
	struct where w = { NULL, NULL, NULL };
	size_t i;

	if (!c)
		return NULL;
	c->arena = se_arena_new(0);
	c->doc = doc;
	c->cat = cat;
	c->profile = profile;
	if (!c->arena || index_lines(c) < 0) {
		se_claims_free(c);
		return NULL;
	}
	if (se_profile_len(profile)) {
		walk(c, doc->meta, &w, 0);
		for (i = 0; i < doc->nsections && !c->failed; i++) {
			const se_section *sec = &doc->sections[i];
			struct where ws = { NULL, sec->id && *sec->id ? sec->id :
				NULL, NULL };
			check_text(c, sec->body, sec->body + sec->body_len, &ws);
		}
	}
	free(c->line_off);
	c->line_off = NULL;
	if (c->failed) {
		se_claims_free(c);
		return NULL;
	}
	return c;
}

void
se_claims_free(se_claims *c)
{
	if (!c)
		return;
	se_arena_free(c->arena);
	free(c->line_off);
	free(c->v);
	free(c);
}

size_t
se_claims_len(const se_claims *c)
{
	return c ? c->n : 0;
}

const se_claim *
se_claims_at(const se_claims *c, size_t i)
{
	return c && i < c->n ? &c->v[i] : NULL;
}

int
se_claims_check(const se_doc *doc, const se_catalogue *cat,
    const se_store *data, se_diag *diag)
{
	const char *who = se_node_str(se_node_get(doc->meta, "authority"));
	se_profile *p;
	se_claims *c = NULL;
	size_t i;
	int rc = -1;

	if (!who || !data)
		return 0;
	p = se_profile_new(cat);
	if (!p || se_profile_add_store(p, data, NULL, who) < 0)
		goto out;
	c = se_claims_find(doc, cat, p);
	if (!c)
		goto out;
	for (i = 0; i < c->n; i++)
		se_diag_warning(diag, &c->v[i].pos, "claim-vs-data",
		    "the text says '%s' but %s", c->v[i].word,
		    c->v[i].message);
	rc = 0;
out:
	se_claims_free(c);
	se_profile_free(p);
	return rc;
}
