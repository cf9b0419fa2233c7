/*
 * format_internal.h: the format model shared by format.c (which loads it),
 * check.c and rules.c (which check documents against it).  lib/ only.
 */
#ifndef SE_FORMAT_INTERNAL_H
#define SE_FORMAT_INTERNAL_H

#include "internal.h"

#include <regex.h>

typedef enum {
	SE_FT_STRING,
	SE_FT_TEXT,
	SE_FT_INTEGER,
	SE_FT_NUMBER,
	SE_FT_BOOLEAN,
	SE_FT_DATE,
	SE_FT_ENUM,
	SE_FT_RATING,
	SE_FT_LIST,
	SE_FT_MAP,
	SE_FT_PATH,
	SE_FT_INDICATOR,
	SE_FT_EVIDENCE,
	SE_FT_AREA,
	SE_FT_URL,
	SE_FT_EMAIL
} se_ftype;

/* One field spec: a key of a map, the items of a list, or the values of
 * a map of arbitrary keys. */
typedef struct se_field se_field;
struct se_field {
	const char *name;  /* the key; NULL for list items and map values */
	const char *title; /* how people name it (the key when no title) */
	se_ftype type;
	const se_node *spec;
	bool required;
	bool start;        /* a new document (se-new) starts with it */
	const char *when_field, *when_value; /* required-when */
	const char *pattern;                 /* as written */
	regex_t *re;                         /* ^(pattern)$ compiled */
	const se_node *values;               /* enum: the allowed values */
	const se_node *value_aliases;        /* enum: other spellings */
	bool has_min, has_max;
	double min, max;   /* list length, or the value of a number */
	size_t words;      /* word limit of text; 0 none */
	const se_scale *scale;
	bool na;           /* a rating may be N/A */
	bool contact;      /* professional contact details */
	bool evidence;     /* (list items) each needs evidence */
	bool theme;        /* (a list) its items are themes (se-report -t themes) */
	se_field *items;   /* list: its items */
	se_field *fields;  /* map: its known keys */
	size_t nfields;
	se_field *values_spec; /* map of arbitrary keys: each value */
};

enum { SE_PRESENCE_OPTIONAL, SE_PRESENCE_RECOMMENDED, SE_PRESENCE_REQUIRED };

typedef struct se_fsection {
	const char *id, *title;
	const char **aliases;
	size_t naliases;
	int level; /* 0: any */
	int presence;
	size_t words;
	bool evidence;
	bool theme;        /* its list items are themes */
	const char **questions; /* the key questions the source asks */
	size_t nquestions;
	const char **guidance;  /* the source's advice to its authors */
	size_t nguidance;
} se_fsection;

typedef struct se_variant {
	const char *value, *title;
	se_fsection *sections;
	size_t nsections;
	const char **questions, **guidance;
	size_t nquestions, nguidance;
} se_variant;

typedef struct se_rule_use {
	const char *name;
	const se_node *node; /* its parameters */
} se_rule_use;

typedef struct se_framework se_framework;

struct se_format {
	const char *kind, *framework, *title, *syntax, *adopts;
	const se_node *root;
	se_framework *fw;
	se_field top; /* a map of the document's fields */
	se_fsection *sections;
	size_t nsections;
	const char *variant_field;
	se_variant *variants;
	size_t nvariants;
	se_rule_use *rules;
	size_t nrules;
	const char **judgement;
	size_t njudgement;
	const char **guidance; /* advice for every author of the kind */
	size_t nguidance;
};

typedef struct se_area {
	const char *id, *title;
} se_area;

struct se_framework {
	const char *name;
	se_format **formats;
	size_t nformats;
	se_area *areas;
	size_t nareas;
};

/* Every kind the formats define, or every framework (defining 'kind'
 * when it is not NULL), sorted and comma-separated, appended to 'b'. */
void se_formats_list_kinds(const se_formats *f, se_buf *b);
void se_formats_list_frameworks(const se_formats *f, const char *kind,
    se_buf *b);


/* The named cross-field rules (rules.c).  Each is called with the rule's
 * parameters from the format; problems go to 'diag'. */
typedef struct se_rule_ctx {
	const se_check *check;
	const se_format *format;
	const se_doc *doc;
	const se_node *params;
	se_diag *diag;
} se_rule_ctx;

/* Run rule 'name'; false when no rule has that name. */
bool se_rule_run(const char *name, const se_rule_ctx *rc);

/* The variant of 'fm' that 'doc' is written to (its variant field's
 * value), or NULL when the kind has none or the value is not a case. */
const se_variant *se_format_variant(const se_format *fm, const se_doc *doc);
/* Whether document section 's' is format section 'fs': its heading is
 * the section's title or an alias (case, spaces and punctuation aside). */
bool se_fsection_matches(const se_fsection *fs, const se_section *s);

/* How a themes column names a section: its shortest title or alias
 * ("Improvement priorities"). */
const char *se_fsection_name(const se_fsection *fs);
/* How it names a list field: its key in words ("Agreed actions"). */
void se_field_theme_name(const se_field *fd, se_buf *b);
/* What every format marks `theme: true`, as "em-2012 review: Findings,
 * Agreed actions; ..." appended to 'b' ("none" when nothing is). */
void se_formats_list_themes(const se_formats *f, se_buf *b);

/* Helpers rules.c shares with check.c. */
/* The spec of top-level field 'name', or NULL. */
const se_field *se_format_field(const se_format *fm, const char *name);
/* How a field is named in messages: its title, else its key. */
const char *se_field_label(const se_field *f);

#endif /* SE_FORMAT_INTERNAL_H */
