/* SPDX-License-Identifier: MIT */
/*
 * rules.h - the compiled rule model (internal).
 *
 * The loader (loader.c) builds it from YAML; the engine (assess.c) only
 * reads it.  Once loaded it is never written again, so one rulebase may
 * serve any number of threads.
 *
 * Rule indices: red flags are 0..nflags-1, causes nflags..nrules-1; rule r
 * has its fired state in value slot HL__RULE_BASE + r (vocab.h):
 *   red flag: 1 if a level is true, 0 if every level is false, else NaN;
 *   cause:    1 if its score reaches HL__BAND_MODERATE, else 0.
 */
#ifndef HL_RULES_H
#define HL_RULES_H

#include <stddef.h>

#include "expr.h"
#include "heavylegs.h"

#define HL__BAND_MODERATE	0.25	/* low < 0.25 <= moderate < 0.5 <= high */
#define HL__BAND_HIGH		0.5
#define HL__DEFAULT_MIN_SCORE	0.25	/* strategy min_score */
#define HL__DEFAULT_SUPPRESS_AT	3	/* urgency that suppresses training advice */
/* `disclaimer:` of a rulebase that has none. */
#define HL__DEFAULT_DISCLAIMER	"This report informs; it does not " \
	"diagnose. If you are worried about your legs, see a clinician."

/*
 * Text shown to the user, with {name} or {name:.Nf} replaced by the
 * runner's value when the text is asked for; "{{" and "}}" are braces.
 */
struct hl__tseg {
	size_t	 start, len;	/* literal: the bytes src[start, start+len) */
	long	 slot;		/* -1: literal; else the value slot shown */
	int	 prec;		/* digits after the point; -1: shortest */
	int	 input;		/* enum/tri: input def index, else -1 */
};
struct hl__text {
	char	*src;		/* NULL: no text */
	struct hl__tseg *seg;
	size_t	 nseg;
};

/*
 * Compile a template: every {name} must be an input (series with [i]) or a
 * derived metric.  On error fill e (offset into src) and return
 * HL_ESYNTAX or HL_ESCHEMA.
 */
int hl__text_compile(struct hl__text *t, const char *src, size_t len,
    struct hl__expr_error *e);
/*
 * Render into buf (NUL-terminated when cap > 0); unknown values read
 * "unknown", yes/no "yes"/"no", enums their value name.  Returns the
 * length the whole text needs, without the NUL.  Never allocates.
 */
size_t hl__text_render(const struct hl__text *t, const double *slots,
    char *buf, size_t cap);
void hl__text_free(struct hl__text *t);

/* A compiled condition and where it came from. */
struct hl__cond {
	hl__expr *expr;		/* NULL: absent (always true where optional) */
	char	*src;		/* the condition as written */
	int	 line, column;	/* of the scalar in the YAML */
};

/* One band of an evidence item; a plain item is a group of one band. */
struct hl__band {
	struct hl__cond when;
	double	 weight;	/* (0, 1] */
	struct hl__text explain;
	int	 last;		/* no later band of its item weighs more */
};

/*
 * An evidence item of a cause.  The true band with the largest weight
 * fires.  The item is evaluable when at least one band's condition is known
 * (true or false); it counts for coverage at top_weight.  `applies`, when
 * false, drops the item entirely (neither fires nor counts).
 */
struct hl__item {
	int	 grouped;	/* written as `bands:` */
	struct hl__band *bands;
	size_t	 nbands;
	double	 top_weight;	/* the largest band weight */
	size_t	 top;		/* its band (the first, on a tie) */
	struct hl__cond applies;
	char	**sources;	/* ids into hl_rulebase.sources */
	size_t	 nsources;
	int	 line, column;
	/*
	 * The input defs a question may be asked for (the inputs the band
	 * and `applies` conditions read, and the needs of the metrics they
	 * read), each once: hl_rulebase.needs[need0, need0 + nneed).
	 */
	size_t	 need0, nneed;
};

/* lower: { when, by }: the largest `by` of the true ones scales by 1 - by. */
struct hl__lower {
	struct hl__cond when;
	double	 by;		/* [0, 1] */
};

struct hl__cause {
	char	*id;
	char	*title;
	struct hl__text advice;	/* optional */
	double	 leak;		/* [0, 1), default 0 */
	struct hl__item *items;
	size_t	 nitems;
	struct hl__lower *lowers;
	size_t	 nlowers;
	char	**sources;
	size_t	 nsources;
	int	 line, column;
};

/* A red-flag level: when true, the flag reaches `urgency` (0..4). */
struct hl__level {
	struct hl__cond when;
	int	 urgency;
};

struct hl__flag {
	char	*id;
	char	*title;
	struct hl__text advice;
	struct hl__level *levels;
	size_t	 nlevels;
	char	**sources;
	size_t	 nsources;
	int	 line, column;
};

/*
 * A strategy is suggested when (a) it addresses causes and one of them
 * reaches min_score and `when` (if any) is true, or (b) it addresses none
 * and `when` is true.  Under suppression only `safety` strategies remain.
 * Those of kind (b) are listed first, in file order; the others by the
 * best score among their addressed causes, ties in file order.
 */
struct hl__strategy {
	char	*id;
	char	*title;
	struct hl__text advice;
	size_t	*addresses;	/* rule indices of causes */
	size_t	 naddresses;
	struct hl__cond when;
	double	 min_score;
	int	 safety;
	char	**sources;
	size_t	 nsources;
	int	 line, column;
};

struct hl__source {
	char	*id;
	char	*text;
};

struct hl_rulebase {
	char	*file;		/* file or buffer name, for messages */
	int	 format;	/* `heavylegs:` format version (1) */
	char	*name;
	char	*version;
	char	*disclaimer;
	int	 suppress_at;	/* 0..4, default HL__DEFAULT_SUPPRESS_AT */
	struct hl__source *sources;
	size_t	 nsources;
	struct hl__flag *flags;
	size_t	 nflags;
	struct hl__cause *causes;
	size_t	 ncauses;
	struct hl__strategy *strategies;
	size_t	 nstrategies;
	size_t	 nrules;	/* nflags + ncauses */
	size_t	*order;		/* nrules rule indices: evaluation order, each
				 * after every rule its conditions read */
	size_t	 nslots;	/* HL__RULE_BASE + nrules + 1 */
	unsigned short *needs;	/* input defs, see hl__item.need0 */
	size_t	 nneeds;
};

/* Free everything a (possibly half-built) rulebase owns. */
void hl__rulebase_destroy(struct hl_rulebase *rb);

/* The default rulebase, generated from rules/heavylegs.yaml at build time. */
extern const unsigned char hl__default_rules[];
extern const size_t hl__default_rules_len;

#endif
