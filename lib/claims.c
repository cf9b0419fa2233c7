/* claims.c: claims of movement against the data (se-hypothesise(1)
 * RULES, and se-validate --data): a sentence that
 * cites an indicator (an indicator:ID link, or the indicator's title or
 * an alias) and claims it went up, down, got better or worse, or stands
 * above or below England, when the rated data says otherwise. */
#include "hypo_internal.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* What a claim says: a movement since the last period, or a standing
 * against a comparator (above, below, better or worse than it). */
enum says { UP, DOWN, BETTER, WORSE, ABOVE, BELOW, BETTER_THAN, WORSE_THAN };

/* The comparator a standing is claimed against. */
enum cmp { CMP_NONE, CMP_ENGLAND, CMP_REGION, CMP_NEIGHBOURS };

/* Longer phrases first where one contains another. */
static const struct {
	const char *words;
	enum says says;
	enum cmp cmp;
} claim_words[] = {
	{ "above the national average", ABOVE, CMP_ENGLAND },
	{ "above the england average", ABOVE, CMP_ENGLAND },
	{ "above national", ABOVE, CMP_ENGLAND },
	{ "above england", ABOVE, CMP_ENGLAND },
	{ "below the national average", BELOW, CMP_ENGLAND },
	{ "below the england average", BELOW, CMP_ENGLAND },
	{ "below national", BELOW, CMP_ENGLAND },
	{ "below england", BELOW, CMP_ENGLAND },
	{ "above the regional average", ABOVE, CMP_REGION },
	{ "below the regional average", BELOW, CMP_REGION },
	{ "above our statistical neighbours", ABOVE, CMP_NEIGHBOURS },
	{ "below our statistical neighbours", BELOW, CMP_NEIGHBOURS },
	{ "above statistical neighbours", ABOVE, CMP_NEIGHBOURS },
	{ "below statistical neighbours", BELOW, CMP_NEIGHBOURS },
	{ "above our neighbours", ABOVE, CMP_NEIGHBOURS },
	{ "below our neighbours", BELOW, CMP_NEIGHBOURS },
	{ "better than the national average", BETTER_THAN, CMP_ENGLAND },
	{ "better than nationally", BETTER_THAN, CMP_ENGLAND },
	{ "better than national", BETTER_THAN, CMP_ENGLAND },
	{ "better than england", BETTER_THAN, CMP_ENGLAND },
	{ "worse than the national average", WORSE_THAN, CMP_ENGLAND },
	{ "worse than nationally", WORSE_THAN, CMP_ENGLAND },
	{ "worse than national", WORSE_THAN, CMP_ENGLAND },
	{ "worse than england", WORSE_THAN, CMP_ENGLAND },
	{ "improved", BETTER, CMP_NONE }, { "improving", BETTER, CMP_NONE },
	{ "improvement in", BETTER, CMP_NONE },
	{ "improvements in", BETTER, CMP_NONE },
	{ "deteriorated", WORSE, CMP_NONE },
	{ "deteriorating", WORSE, CMP_NONE },
	{ "declined", WORSE, CMP_NONE }, { "declining", WORSE, CMP_NONE },
	{ "worsened", WORSE, CMP_NONE }, { "worsening", WORSE, CMP_NONE },
	{ "got worse", WORSE, CMP_NONE }, { "got better", BETTER, CMP_NONE },
	{ "reduced", DOWN, CMP_NONE }, { "reducing", DOWN, CMP_NONE },
	{ "reduction in", DOWN, CMP_NONE }, { "fallen", DOWN, CMP_NONE },
	{ "fell", DOWN, CMP_NONE }, { "falling", DOWN, CMP_NONE },
	{ "decreased", DOWN, CMP_NONE }, { "decreasing", DOWN, CMP_NONE },
	{ "decrease in", DOWN, CMP_NONE }, { "decrease", DOWN, CMP_NONE },
	{ "dropped", DOWN, CMP_NONE }, { "gone down", DOWN, CMP_NONE },
	{ "went down", DOWN, CMP_NONE }, { "lower", DOWN, CMP_NONE },
	{ "fewer", DOWN, CMP_NONE },
	{ "increased", UP, CMP_NONE }, { "increasing", UP, CMP_NONE },
	{ "increase in", UP, CMP_NONE }, { "increase", UP, CMP_NONE },
	{ "risen", UP, CMP_NONE }, { "rose", UP, CMP_NONE },
	{ "rising", UP, CMP_NONE }, { "gone up", UP, CMP_NONE },
	{ "went up", UP, CMP_NONE }, { "higher", UP, CMP_NONE },
	{ "more", UP, CMP_NONE },
};

/* "Lower than nationally" compares with a comparator, not with last
 * year: the movement words followed by one of these. */
static const struct {
	const char *words;
	enum cmp cmp;
} versus[] = {
	{ "than nationally", CMP_ENGLAND }, { "than england", CMP_ENGLAND },
	{ "than the national average", CMP_ENGLAND },
	{ "than the england average", CMP_ENGLAND },
	{ "than the national figure", CMP_ENGLAND },
	{ "than the national", CMP_ENGLAND },
	{ "than the regional average", CMP_REGION },
	{ "than the region", CMP_REGION }, { "than regionally", CMP_REGION },
	{ "than our region", CMP_REGION },
	{ "than our statistical neighbours", CMP_NEIGHBOURS },
	{ "than its statistical neighbours", CMP_NEIGHBOURS },
	{ "than statistical neighbours", CMP_NEIGHBOURS },
	{ "than our neighbours", CMP_NEIGHBOURS },
	{ "than neighbours", CMP_NEIGHBOURS },
	{ "than similar authorities", CMP_NEIGHBOURS },
	{ "than comparator authorities", CMP_NEIGHBOURS },
};

/* A claim found: what it says, against what, and where its words are. */
struct said {
	enum says says;
	enum cmp cmp;
	const char *word;      /* as the table spells it */
	const char *at, *stop; /* its bytes in the text */
};

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

/* The claim nearest to [c0, c1) in [s, end), not negated, into '*out';
 * false for none.  "more" alone claims nothing: only with a
 * comparator ("more than England"). */
static bool
nearest_claim(const char *s, const char *end, const char *c0, const char *c1,
    struct said *out)
{
	size_t best_d = SIZE_MAX, i, k;
	bool found = false;

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
			found = true;
			out->says = claim_words[i].says;
			out->cmp = claim_words[i].cmp;
			out->word = claim_words[i].words;
			out->at = at;
			out->stop = stop;
		}
	}
	if (!found || out->cmp != CMP_NONE)
		return found;
	for (k = 0; k < sizeof versus / sizeof versus[0]; k++)
		if (find_phrase(s, end, versus[k].words, NULL)) {
			out->says = out->says == UP ? ABOVE :
			    out->says == DOWN ? BELOW : out->says == BETTER ?
			    BETTER_THAN : WORSE_THAN;
			out->cmp = versus[k].cmp;
			return true;
		}
	return strcmp(out->word, "more") != 0;
}

/* A value claimed right after a movement: "reduced to 24%", "rose to
 * 26.5 per cent".  The number and its decimal places; false for none. */
static bool
claimed_value(const char *p, const char *end, double *v, int *places,
    const char **vend)
{
	const char *q;
	char num[32];
	size_t n = 0;

	while (p < end && is_space(*p))
		p++;
	if (end - p < 3 || lower(p[0]) != 't' || lower(p[1]) != 'o' ||
	    !is_space(p[2]))
		return false;
	for (p += 3; p < end && is_space(*p); p++)
		;
	*places = -1;
	for (q = p; q < end && n + 1 < sizeof num &&
	    ((*q >= '0' && *q <= '9') || (*q == '.' && *places < 0 &&
	    q + 1 < end && q[1] >= '0' && q[1] <= '9')); q++) {
		if (*places >= 0)
			(*places)++;
		if (*q == '.')
			*places = 0;
		num[n++] = *q;
	}
	if (n == 0 || !(q < end && (*q == '%' || (end - q > 8 &&
	    se_strncasecmp(q, " per cent", 9) == 0))))
		return false;
	num[n] = '\0';
	*v = strtod(num, NULL);
	if (*places < 0)
		*places = 0;
	*vend = *q == '%' ? q + 1 : q + 9;
	return true;
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
against(se_buf *b, const se_fact *f, const char *rel, const char *name,
    double cmp)
{
	se_buf_addf(b, "%s %s was ", f->ind->id, f->ind->title);
	se_fact_value(b, f, f->value);
	if (f->period)
		se_buf_addf(b, " in %s", f->period);
	se_buf_addf(b, ", %s %s ", rel, name);
	se_fact_value(b, f, cmp);
}

/* The comparator a standing is claimed against, when the data has it:
 * England's value, or the region's or the statistical neighbours' when
 * that is what the indicator is compared with. */
static bool
comparator(const se_fact *f, enum cmp cmp, double *v, const char **name)
{
	switch (cmp) {
	case CMP_ENGLAND:
		*v = f->england;
		*name = "England's";
		return f->has_england;
	case CMP_REGION:
		*v = f->comparator;
		*name = "the region's";
		return f->has_comparator && f->source == SE_SOURCE_REGION;
	case CMP_NEIGHBOURS:
		*v = f->comparator;
		*name = "the statistical neighbours'";
		return f->has_comparator && f->source == SE_SOURCE_NEIGHBOURS;
	default:
		return false;
	}
}

/* Whether the data contradicts the claim; if so, what it says into 'b'. */
static bool
contradicts(const struct said *sd, const se_fact *f, se_buf *b)
{
	double tol = f->ind->tolerance, cv;
	bool moved = f->has_value && f->has_previous;
	const char *name;
	int better;

	switch (sd->says) {
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
		    f->direction != (sd->says == BETTER ? SE_DIR_DECLINING :
		    SE_DIR_IMPROVING))
			return false;
		movement(b, f);
		se_buf_addf(b, " (%s)", sd->says == BETTER ? "worse" : "better");
		return true;
	case ABOVE:
	case BELOW:
		if (!f->has_value || !comparator(f, sd->cmp, &cv, &name) ||
		    (sd->says == ABOVE ? f->value >= cv : f->value <= cv))
			return false;
		against(b, f, sd->says == ABOVE ? "below" : "above", name, cv);
		return true;
	case BETTER_THAN:
	case WORSE_THAN:
		if (!f->has_value || !comparator(f, sd->cmp, &cv, &name) ||
		    f->ind->polarity == SE_POLARITY_NONE)
			return false;
		better = se_better(f->ind->polarity, f->value, cv);
		if (sd->says == BETTER_THAN ? better >= 0 : better <= 0)
			return false;
		against(b, f, sd->says == BETTER_THAN ? "worse than" :
		    "better than", name, cv);
		return true;
	}
	return false;
}

/* Whether a value claimed after a movement ("to 24%") is not the data's,
 * at the places it was given to; if so, what the data says into 'b'. */
static bool
wrong_value(const se_fact *f, double v, int places, se_buf *b)
{
	double scale = 1, got;
	int i;

	if (!f->has_value)
		return false;
	for (i = 0; i < places && i < 6; i++)
		scale *= 10;
	got = floor(f->value * scale + 0.5) / scale;
	if (fabs(got - v) < 0.5 / scale)
		return false;
	se_buf_addf(b, "%s %s was ", f->ind->id, f->ind->title);
	se_fact_value(b, f, f->value);
	if (f->period)
		se_buf_addf(b, " in %s", f->period);
	return true;
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

/* Where a clause breaks: "; ", ", and ", ", but ", ", while ",
 * ", whereas ".  With several indicators in a sentence, each takes only
 * the claims of its own clause ("fewer are NEET (indicator:A), and more
 * are in apprenticeships than nationally (indicator:B)"). */
static const char *
clause_break(const char *p, const char *end)
{
	static const char *const breaks[] = { ", and ", ", but ",
		", while ", ", whereas " };
	size_t k;

	if (*p == ';')
		return p + 1;
	if (*p != ',')
		return NULL;
	for (k = 0; k < sizeof breaks / sizeof breaks[0]; k++) {
		size_t m = strlen(breaks[k]);
		if ((size_t)(end - p) >= m &&
		    se_strncasecmp(p, breaks[k], m) == 0)
			return p + m;
	}
	return NULL;
}

/* Narrow [from, to) to the clause holding [c0, c1). */
static void
clause(const char *from, const char *to, const char *c0, const char *c1,
    const char **cf, const char **ct)
{
	const char *p, *e;

	*cf = from;
	*ct = to;
	for (p = from; p < c0; p++)
		if ((e = clause_break(p, c0)) != NULL)
			*cf = e;
	for (p = c1; p < to; p++)
		if (clause_break(p, to)) {
			*ct = p;
			break;
		}
}

/* A claim contradicted: recorded with its sentence [s, end) and place
 * (in Markdown the claim's own words; in YAML the sentence, found in the
 * source by its text). */
static void
record(se_claims *c, const char *s, const char *end, const struct where *w,
    const se_fact *f, const char *word, const char *at, se_buf *b)
{
	se_claim cl;

	memset(&cl, 0, sizeof cl);
	cl.fact = f;
	cl.word = word;
	cl.area = w->area;
	cl.sentence = fold_copy(c, s, end);
	cl.pos = w->node ? locate(c, w->node, cl.sentence ? cl.sentence : "") :
	    pos_of(c, (size_t)(at - c->doc->src));
	cl.message = se_buf_failed(b) ? NULL :
	    se_arena_strdup(c->arena, se_buf_str(b));
	if (!cl.word || !cl.sentence || !cl.message || add_claim(c, &cl) < 0)
		c->failed = true;
}

/* The claims of [s, end) against its citations: each citation takes the
 * claim nearest it between its neighbours.  With 'cs' (a sentence that
 * is only "Evidence: indicator:...", naming what the sentence before it
 * claims), the claims are looked for in [cs, cend) instead.  Returns how
 * many claims were found. */
static size_t
check_sentence(se_claims *c, const char *s, const char *end,
    const struct where *w, const char *cs, const char *cend)
{
	struct cite v[16];
	size_t n = cites_in(c, s, end, v, 16), i, found = 0;
	se_buf b;

	if (n == 0 && w->implicit) {
		v[0] = (struct cite){ end, end, w->implicit };
		n = 1;
	}
	for (i = 0; i < n && !c->failed; i++) {
		const char *from = cs ? cs : i ? v[i - 1].end : s;
		const char *to = cs ? cend : i + 1 < n ? v[i + 1].at : end;
		if (!cs && n > 1)
			clause(from, to, v[i].at, v[i].end, &from, &to);
		struct said sd = { UP, CMP_NONE, NULL, NULL, NULL };
		const char *vend;
		double val;
		int places;
		if (!nearest_claim(from, to, cs ? cend : v[i].at,
		    cs ? cend : v[i].end, &sd))
			continue;
		found++;
		se_buf_init(&b);
		/* The movement first; then the figure it moved to. */
		if (contradicts(&sd, v[i].fact, &b))
			record(c, cs ? cs : s, cs ? cend : end, w, v[i].fact,
			    sd.word, sd.at, &b);
		else if ((sd.says == UP || sd.says == DOWN ||
		    sd.says == BETTER || sd.says == WORSE) &&
		    claimed_value(sd.stop, to, &val, &places, &vend) &&
		    wrong_value(v[i].fact, val, places, &b))
			record(c, cs ? cs : s, cs ? cend : end, w, v[i].fact,
			    se_arena_strndup(c->arena, sd.at,
			    (size_t)(vend - sd.at)), sd.at, &b);
		se_buf_release(&b);
	}
	return found;
}

/* A sentence that only gives evidence ("Evidence: indicator:RR"). */
static bool
evidence_only(const char *s, const char *end)
{
	while (s < end && (*s == '-' || *s == '*' || *s == '(' ||
	    is_space(*s)))
		s++;
	return end - s > 9 && se_strncasecmp(s, "evidence", 8) == 0 &&
	    (s[8] == ':' || is_space(s[8]));
}

/* A sentence ends at '.', '!' or '?' before a space, at a blank line,
 * and at a line that starts a list item, a heading or an "Evidence:". */
static bool
line_starts_anew(const char *p, const char *end)
{
	const char *q = p + 1;

	if (*p != '\n')
		return false;
	while (q < end && (*q == ' ' || *q == '\t'))
		q++;
	if (q < end && (*q == '#' || ((*q == '-' || *q == '*' || *q == '+') &&
	    q + 1 < end && is_space(q[1]))))
		return true;
	while (q < end && *q >= '0' && *q <= '9')
		q++;
	if (q > p + 1 && q + 1 < end && (*q == '.' || *q == ')') &&
	    is_space(q[1]))
		return true;
	return evidence_only(p + 1, end);
}

static void
check_text(se_claims *c, const char *s, const char *end,
    const struct where *w)
{
	const char *p, *prev = NULL, *prev_end = NULL;
	size_t prev_found = 0;

	while (s < end) {
		while (s < end && is_space(*s))
			s++;
		for (p = s; p < end && !sentence_end(p, end) &&
		    !line_starts_anew(p, end); p++)
			;
		if (p > s) {
			const char *e = p < end ? p + 1 : p;
			size_t found = check_sentence(c, s, e, w, NULL, NULL);
			/* Evidence for the sentence before, when that one
			 * cites nothing of its own. */
			if (found == 0 && prev && prev_found == 0 &&
			    evidence_only(s, e))
				(void)check_sentence(c, s, e, w, prev, prev_end);
			prev = s;
			prev_end = e;
			prev_found = found;
		}
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
