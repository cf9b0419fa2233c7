/*
 * pii.c: children's personal identifiers in text (se-formats(5)
 * PERSONAL DATA, se-validate "personal-data").  A pure scanner: one pass over the
 * bytes, each detector trying at the start of a word, bounded lookahead,
 * no allocation.  Identifiers with a check character are reported only
 * when it is valid, so that false alarms stay rare.
 */
#include "se.h"

#include <limits.h>
#include <string.h>

static const char UPN[] = "Unique Pupil Number";
static const char NHS[] = "NHS number";
static const char NINO[] = "National Insurance number";
static const char ULN[] = "Unique Learner Number";
static const char POSTCODE[] = "postcode";
static const char DOB[] = "date of birth";

/* A view of the text being scanned. */
typedef struct scan {
	const unsigned char *s;
	size_t len;
} scan;

/* ASCII only, whatever the locale. */
static bool
is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static bool
is_upper(int c)
{
	return c >= 'A' && c <= 'Z';
}

static bool
is_lower(int c)
{
	return c >= 'a' && c <= 'z';
}

static bool
is_alpha(int c)
{
	return is_upper(c) || is_lower(c);
}

static bool
is_alnum(int c)
{
	return is_alpha(c) || is_digit(c);
}

static int
to_upper(int c)
{
	return is_lower(c) ? c - 'a' + 'A' : c;
}

static int
to_lower(int c)
{
	return is_upper(c) ? c - 'A' + 'a' : c;
}

/* The byte at 'i', or 0 past the end. */
static int
at(const scan *t, size_t i)
{
	return i < t->len ? t->s[i] : 0;
}

/* Whether an identifier may start at 'i' / end before 'i': not part of a
 * longer run of letters and digits. */
static bool
starts_word(const scan *t, size_t i)
{
	return i == 0 || !is_alnum(t->s[i - 1]);
}

static bool
ends_word(const scan *t, size_t i)
{
	return !is_alnum(at(t, i));
}

/* Whether 'i' holds 'n' digits. */
static bool
digits(const scan *t, size_t i, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++)
		if (!is_digit(at(t, i + k)))
			return false;
	return true;
}

/* ---- Unique Pupil Number --------------------------------------------- */

/* The DfE check letters: the remainder 0..22 indexes this table, and a
 * letter as the last character of a temporary UPN counts as its index
 * here ("A Guide to the Unique Pupil Number (UPN)", DfE, version 1.2,
 * section 3; as python-stdnum stdnum/gb/upn.py and the CIN validator's
 * rule 1510 implement it). */
static const char UPN_LETTERS[] = "ABCDEFGHJKLMNPQRTUVWXYZ";

static int
upn_value(int c)
{
	const char *p;

	if (is_digit(c))
		return c - '0';
	c = to_upper(c);
	p = is_upper(c) ? strchr(UPN_LETTERS, c) : NULL;
	return p ? (int)(p - UPN_LETTERS) : -1;
}

/* A check letter, 11 digits and a digit or letter: characters 2..13
 * weighted 2..13, the sum mod 23 names the check letter. */
static size_t
match_upn(const scan *t, size_t i)
{
	unsigned sum = 0;
	int last, check;
	size_t k;

	check = upn_value(at(t, i));
	if (!is_alpha(at(t, i)) || check < 0 || !digits(t, i + 1, 11))
		return 0;
	last = upn_value(at(t, i + 12));
	if (last < 0 || !ends_word(t, i + 13))
		return 0;
	for (k = 1; k <= 11; k++)
		sum += (unsigned)(t->s[i + k] - '0') * (unsigned)(k + 1);
	sum += (unsigned)last * 13;
	return sum % 23 == (unsigned)check ? 13 : 0;
}

/* ---- National Insurance number --------------------------------------- */

/* HMRC National Insurance Manual NIM39110 "What a NINO looks like": two
 * prefix letters, six digits, a suffix A, B, C or D.  D F I Q U V are
 * never either prefix letter, O never the second, and the prefixes BG
 * GB KN NK NT TN ZZ are not used. */
static bool
nino_prefix(int a, int b)
{
	static const char *const unused[] = { "BG", "GB", "KN", "NK", "NT",
		"TN", "ZZ" };
	size_t k;

	if (strchr("DFIQUV", a) || strchr("DFIQUVO", b))
		return false;
	for (k = 0; k < sizeof unused / sizeof unused[0]; k++)
		if (unused[k][0] == a && unused[k][1] == b)
			return false;
	return true;
}

/* "AB123456C" or spaced "AB 12 34 56 C": one optional space before each
 * pair of digits and before the suffix. */
static size_t
match_nino(const scan *t, size_t i)
{
	int a = at(t, i), b = at(t, i + 1);
	size_t p = i + 2, k;

	if (!is_alpha(a) || !is_alpha(b) ||
	    !nino_prefix(to_upper(a), to_upper(b)))
		return 0;
	for (k = 0; k < 3; k++) {
		if (at(t, p) == ' ')
			p++;
		if (!digits(t, p, 2))
			return 0;
		p += 2;
	}
	if (at(t, p) == ' ')
		p++;
	if (!strchr("ABCD", to_upper(at(t, p))) || at(t, p) == 0 ||
	    !ends_word(t, p + 1))
		return 0;
	return p + 1 - i;
}

/* ---- NHS number and Unique Learner Number ---------------------------- */

/* The sum of the first nine digits weighted 10..2, shared by both. */
static unsigned
weighted_nine(const int d[10])
{
	unsigned sum = 0;
	int k;

	for (k = 0; k < 9; k++)
		sum += (unsigned)d[k] * (unsigned)(10 - k);
	return sum;
}

/* NHS Digital, "NHS number" data dictionary and the Connecting for Health
 * check digit note (tech_nn_check_digit): check = 11 - (sum mod 11), 11
 * becomes 0, and 10 means the number is not valid. */
static bool
nhs_valid(const int d[10])
{
	unsigned check = 11 - weighted_nine(d) % 11;

	if (check == 11)
		check = 0;
	return check != 10 && check == (unsigned)d[9];
}

/* Learning Records Service ULN check (the ILR validation's derived data
 * rule DD01): check = 10 - (sum mod 11); remainder 0 is never valid.
 * With r = sum mod 11, an NHS check digit is 11 - r (0 when r is 0) and
 * a ULN's 10 - r (r not 0), so no number passes both: which one passes
 * says what the number is. */
static bool
uln_valid(const int d[10])
{
	unsigned r = weighted_nine(d) % 11;

	return r != 0 && 10 - r == (unsigned)d[9];
}

/* Whether the text before 'i' makes the number there a phone number or
 * money: '+' and a country code ("+44 ..."), an area code in brackets
 * ("(01632) ..."), or a currency sign (£ $ € in UTF-8). */
static bool
phone_or_money_before(const scan *t, size_t i)
{
	size_t p = i;

	if (p > 0 && (t->s[p - 1] == ' ' || t->s[p - 1] == '-'))
		p--;
	if (p > 0 && t->s[p - 1] == ')') {
		while (p > 1 && is_digit(t->s[p - 2]))
			p--;
		return p > 1 && t->s[p - 2] == '(';
	}
	while (p > 0 && is_digit(t->s[p - 1]))
		p--;
	if (p > 0 && t->s[p - 1] == '+')
		return true;
	if (p > 0 && t->s[p - 1] == '$')
		return true;
	if (p > 1 && t->s[p - 2] == 0xC2 && t->s[p - 1] == 0xA3) /* £ */
		return true;
	return p > 2 && t->s[p - 3] == 0xE2 && t->s[p - 2] == 0x82 &&
	    t->s[p - 1] == 0xAC; /* € */
}

/* Whether a digit run of a grouped number goes on past 'i' (or before):
 * "1.5", "1,000", "12 34": one separator and a digit. */
static bool
more_digits_after(const scan *t, size_t i, bool spaced)
{
	int c = at(t, i);

	return (c == '.' || c == ',' || (spaced && (c == ' ' || c == '-'))) &&
	    is_digit(at(t, i + 1));
}

static bool
more_digits_before(const scan *t, size_t i, bool spaced)
{
	int c;

	if (i < 2)
		return false;
	c = t->s[i - 1];
	return (c == '.' || c == ',' || (spaced && (c == ' ' || c == '-'))) &&
	    is_digit(t->s[i - 2]);
}

/* Ten digits, together or spaced 3-3-4 with one space or hyphen, not part
 * of a longer number, not starting with 0 (UK phone numbers do; NHS
 * numbers and ULNs do not), not a phone number or an amount of money. */
static size_t
match_ten(const scan *t, size_t i, const char **what)
{
	int d[10], sep = 0;
	size_t p = i, n;
	bool spaced;

	if (!digits(t, i, 3))
		return 0;
	if ((at(t, i + 3) == ' ' || at(t, i + 3) == '-') &&
	    digits(t, i + 4, 3) && at(t, i + 7) == at(t, i + 3) &&
	    digits(t, i + 8, 4))
		sep = at(t, i + 3);
	spaced = sep != 0;
	if (!spaced && !digits(t, i, 10))
		return 0;
	for (n = 0; n < 10; p++) {
		if (is_digit(t->s[p]))
			d[n++] = t->s[p] - '0';
	}
	if (!ends_word(t, p) || d[0] == 0 || more_digits_after(t, p, spaced) ||
	    more_digits_before(t, i, spaced) || phone_or_money_before(t, i))
		return 0;
	if (nhs_valid(d))
		*what = NHS;
	else if (uln_valid(d))
		*what = ULN;
	else
		return 0;
	return p - i;
}

/* ---- postcodes --------------------------------------------------------- */

/* Royal Mail's postcode shapes (the Postcode Address File programmers'
 * guide; the "UK postcodes" format the ONS and gov.uk data standard
 * cite): outward A9, A99, A9A, AA9, AA99 or AA9A, then the inward code
 * 9AA.  Letters not used: Q V X first; I J Z second; third (A9A) only
 * ABCDEFGHJKPSTUW; fourth (AA9A) only ABEHMNPRVWXY; inward never
 * CIKMOV.  Capitals only: a shape in lower case in prose is a word. */
static bool
outward(const scan *t, size_t i, size_t n)
{
	int a = at(t, i), b = at(t, i + 1), c = at(t, i + 2);
	int d = at(t, i + 3);

	if (!is_upper(a) || strchr("QVX", a))
		return false;
	switch (n) {
	case 2: /* A9 */
		return is_digit(b);
	case 3: /* A99 A9A AA9 */
		if (is_digit(b))
			return is_digit(c) ||
			    (is_upper(c) && strchr("ABCDEFGHJKPSTUW", c));
		return is_upper(b) && !strchr("IJZ", b) && is_digit(c);
	case 4: /* AA99 AA9A */
		return is_upper(b) && !strchr("IJZ", b) && is_digit(c) &&
		    (is_digit(d) ||
			(is_upper(d) && strchr("ABEHMNPRVWXY", d)));
	default:
		return false;
	}
}

static bool
inward_letter(int c)
{
	return is_upper(c) && !strchr("CIKMOV", c);
}

static size_t
match_postcode(const scan *t, size_t i)
{
	size_t n, p;

	for (n = 2; n <= 4; n++) {
		if (!outward(t, i, n))
			continue;
		p = i + n;
		if (at(t, p) == ' ')
			p++;
		if (is_digit(at(t, p)) && inward_letter(at(t, p + 1)) &&
		    inward_letter(at(t, p + 2)) && ends_word(t, p + 3))
			return p + 3 - i;
	}
	return 0;
}

/* ---- dates of birth ---------------------------------------------------- */

/* The 'n' bytes at 'i' are the first 'n' of 'word' (lower case),
 * whatever their case. */
static bool
prefix_at(const scan *t, size_t i, const char *word, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++)
		if (i + k >= t->len || to_lower(t->s[i + k]) != word[k])
			return false;
	return true;
}

/* The bytes at 'i' spell 'word' (lower case), whatever their case. */
static bool
word_at(const scan *t, size_t i, const char *word)
{
	return prefix_at(t, i, word, strlen(word));
}

/* A run of digits at 'p' of 1..max, its value in '*v'; 0 if none. */
static size_t
number(const scan *t, size_t p, size_t max, unsigned *v)
{
	size_t n = 0;

	*v = 0;
	while (n < max && is_digit(at(t, p + n)))
		*v = *v * 10 + (unsigned)(at(t, p + n++) - '0');
	return is_digit(at(t, p + n)) ? 0 : n;
}

/* A month's name or its three-letter abbreviation ("Sept" too); the
 * month in '*m'.  Returns the length, 0 if none. */
static size_t
month_name(const scan *t, size_t p, unsigned *m)
{
	static const char *const names[] = { "january", "february", "march",
		"april", "may", "june", "july", "august", "september",
		"october", "november", "december" };
	size_t k, n;

	for (k = 0; k < 12; k++) {
		n = strlen(names[k]);
		if (word_at(t, p, names[k]) && !is_alpha(at(t, p + n)))
			break;
		n = k == 8 && prefix_at(t, p, "sept", 4) ? 4 : 3;
		if (prefix_at(t, p, names[k], n) && !is_alpha(at(t, p + n)))
			break;
	}
	if (k == 12)
		return 0;
	*m = (unsigned)k + 1;
	if (at(t, p + n) == '.')
		n++;
	return n;
}

static bool
day_month_ok(unsigned d, unsigned m)
{
	return d >= 1 && d <= 31 && m >= 1 && m <= 12;
}

/* 12/03/2015, 12-03-15, 12.3.2015 (day first, the UK way). */
static size_t
date_numeric(const scan *t, size_t p)
{
	unsigned d, m, y;
	size_t a, b, c;
	int sep;

	a = number(t, p, 2, &d);
	sep = at(t, p + a);
	if (!a || !strchr("/-.", sep) || sep == 0)
		return 0;
	b = number(t, p + a + 1, 2, &m);
	if (!b || at(t, p + a + 1 + b) != sep)
		return 0;
	c = number(t, p + a + b + 2, 4, &y);
	if ((c != 2 && c != 4) || !day_month_ok(d, m))
		return 0;
	return a + b + c + 2;
}

/* 2015-03-12 (ISO 8601) or 2015/03/12. */
static size_t
date_iso(const scan *t, size_t p)
{
	unsigned d, m, y;
	size_t b, c;
	int sep = at(t, p + 4);

	if (number(t, p, 4, &y) != 4 || (sep != '-' && sep != '/'))
		return 0;
	b = number(t, p + 5, 2, &m);
	if (!b || at(t, p + 5 + b) != sep)
		return 0;
	c = number(t, p + 6 + b, 2, &d);
	if (!c || !day_month_ok(d, m))
		return 0;
	return 6 + b + c;
}

/* "12 March 2015", "12th Mar 2015", "March 12, 2015". */
static size_t
date_words(const scan *t, size_t p)
{
	unsigned d, m, y;
	size_t q = p, n;

	n = number(t, q, 2, &d);
	if (n) {
		q += n;
		if (word_at(t, q, "st") || word_at(t, q, "nd") ||
		    word_at(t, q, "rd") || word_at(t, q, "th"))
			q += 2;
		if (at(t, q++) != ' ')
			return 0;
		n = month_name(t, q, &m);
		if (!n)
			return 0;
		q += n;
	} else {
		n = month_name(t, q, &m);
		if (!n || at(t, q + n) != ' ')
			return 0;
		q += n + 1;
		n = number(t, q, 2, &d);
		if (!n)
			return 0;
		q += n;
		if (at(t, q) == ',')
			q++;
	}
	if (at(t, q++) != ' ' || number(t, q, 4, &y) != 4 ||
	    !day_month_ok(d, m))
		return 0;
	return q + 4 - p;
}

/* A whole date at 'p': its length, 0 if none. */
static size_t
date_at(const scan *t, size_t p)
{
	size_t n;

	if (!starts_word(t, p))
		return 0;
	n = date_iso(t, p);
	if (!n)
		n = date_numeric(t, p);
	if (!n)
		n = date_words(t, p);
	return n && ends_word(t, p + n) ? n : 0;
}

/* "DOB", "D.O.B.", "date of birth" or "born" as a word at 'i': its
 * length, 0 if none. */
static size_t
dob_keyword(const scan *t, size_t i)
{
	size_t n = 0, k;

	if (word_at(t, i, "d.o.b")) {
		n = 5;
		if (at(t, i + n) == '.')
			n++;
		return n;
	}
	if (word_at(t, i, "dob"))
		n = 3;
	else if (word_at(t, i, "born"))
		n = 4;
	else if (word_at(t, i, "date")) {
		k = i + 4;
		if (at(t, k) != ' ' || !word_at(t, k + 1, "of") ||
		    at(t, k + 3) != ' ' || !word_at(t, k + 4, "birth"))
			return 0;
		n = k + 9 - i;
	}
	return n && ends_word(t, i + n) ? n : 0;
}

/* A keyword, then within four words of letters (and spaces, ':', ',',
 * '-', '(' between them, in at most 48 bytes) a date. */
static size_t
match_dob(const scan *t, size_t i)
{
	size_t p, n, words = 0, end;

	n = dob_keyword(t, i);
	if (!n)
		return 0;
	p = i + n;
	end = p + 48;
	while (p < end && p < t->len) {
		int c = t->s[p];

		if (is_digit(c) || is_alpha(c)) {
			n = date_at(t, p);
			if (n)
				return p + n - i;
			if (is_digit(c) || ++words > 4)
				return 0;
			while (is_alpha(at(t, p)))
				p++;
		} else if (c != 0 && strchr(" \t\n:,-(", c)) {
			p++;
		} else {
			return 0;
		}
	}
	return 0;
}

/* Capitalised words that begin titles of meetings, documents and times,
 * never taken for a name before a dated parenthesis. */
static bool
not_a_name(const scan *t, size_t p, size_t n)
{
	static const char *const words[] = { "annual", "april", "assessment",
		"audit", "august", "board", "census", "committee", "conference",
		"council", "data", "day", "december", "event", "february",
		"forum", "framework", "friday", "guidance", "inspection",
		"january", "july", "june", "letter", "march", "may", "meeting",
		"monday", "month", "november", "october", "ofsted", "panel",
		"partnership", "plan", "policy", "publication", "quarter",
		"release", "report", "return", "review", "saturday",
		"september", "session", "statement", "strategy", "sunday",
		"survey", "term", "thursday", "tuesday", "update", "visit",
		"wednesday", "week", "workshop", "year" };
	size_t k;

	for (k = 0; k < sizeof words / sizeof words[0]; k++)
		if (strlen(words[k]) == n && word_at(t, p, words[k]))
			return true;
	return false;
}

/* A capitalised word: a capital, then lower-case letters, with inner
 * hyphens or apostrophes before a letter (Smith-Jones, O'Neil). */
static size_t
name_word(const scan *t, size_t p)
{
	size_t n = 1;

	if (!is_upper(at(t, p)))
		return 0;
	for (;;) {
		int c = at(t, p + n);

		if (is_lower(c))
			n++;
		else if ((c == '-' || c == '\'') && is_alpha(at(t, p + n + 1)))
			n += 2;
		else
			break;
	}
	return n >= 2 && !not_a_name(t, p, n) ? n : 0;
}

/* "Forename Surname (12/03/2015)": two capitalised words, then a whole
 * date alone in brackets. */
static size_t
match_named_date(const scan *t, size_t i)
{
	size_t a, b, n, p;

	a = name_word(t, i);
	if (!a || at(t, i + a) != ' ')
		return 0;
	b = name_word(t, i + a + 1);
	p = i + a + 1 + b;
	if (!b || at(t, p) != ' ' || at(t, p + 1) != '(')
		return 0;
	n = date_at(t, p + 2);
	if (!n || at(t, p + 2 + n) != ')')
		return 0;
	return p + 3 + n - i;
}

/* ---- the scan ---------------------------------------------------------- */

/* The identifier starting at word start 'i': its length and kind, or 0. */
static size_t
match_at(const scan *t, size_t i, unsigned flags, const char **what)
{
	size_t n;

	if (is_digit(t->s[i]))
		return match_ten(t, i, what);
	if (!is_alpha(t->s[i]))
		return 0;
	n = match_upn(t, i);
	if (n) {
		*what = UPN;
		return n;
	}
	n = match_nino(t, i);
	if (n) {
		*what = NINO;
		return n;
	}
	n = match_dob(t, i);
	if (!n)
		n = match_named_date(t, i);
	if (n) {
		*what = DOB;
		return n;
	}
	if (flags & SE_PII_NO_POSTCODE)
		return 0;
	n = match_postcode(t, i);
	if (n)
		*what = POSTCODE;
	return n;
}

int
se_pii_scan(const char *text, size_t len, unsigned flags, se_pii_fn fn,
    void *ctx)
{
	scan t = { (const unsigned char *)text, text ? len : 0 };
	int count = 0;
	size_t i = 0;

	while (i < t.len) {
		se_pii_hit hit = { i, 0, NULL };

		if (starts_word(&t, i))
			hit.len = match_at(&t, i, flags, &hit.what);
		if (!hit.len) {
			i++;
			continue;
		}
		if (count < INT_MAX)
			count++;
		if (fn && fn(ctx, &hit) != 0)
			break;
		i += hit.len;
	}
	return count;
}
