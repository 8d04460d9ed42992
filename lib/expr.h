/* SPDX-License-Identifier: MIT */
/*
 * expr.h - condition expressions: compiled once at load, evaluated many
 * times (internal).
 *
 * Grammar (lowest precedence first):
 *   expr   := or
 *   or     := and { "or" and }
 *   and    := not { "and" not }
 *   not    := "not" not | cmp
 *   cmp    := sum [ ("<" | "<=" | ">" | ">=" | "==" | "!=") sum ]
 *   sum    := prod { ("+" | "-") prod }
 *   prod   := unary { ("*" | "/") unary }
 *   unary  := "-" unary | atom
 *   atom   := NUMBER | "yes" | "no" | "true" | "false" | NAME
 *           | NAME "[" INTEGER "]"
 *           | "known" "(" expr ")" | "fired" "(" ID ")" | "(" expr ")"
 * NAME is an input, a derived metric, `urgency` (where allowed) or, on the
 * other side of == / != from an enum input, one of that input's values.
 *
 * Values are doubles, NaN meaning unknown; booleans are 0/1/NaN with Kleene
 * logic (false and unknown = false, true or unknown = true).  Arithmetic or
 * a comparison with an unknown operand is unknown; x / 0 is unknown.
 */
#ifndef HL_EXPR_H
#define HL_EXPR_H

#include <stddef.h>
#include <stdint.h>

/* Expression types. */
#define HL__T_NUM	0
#define HL__T_BOOL	1
#define HL__T_ENUM	2

/* Deepest nesting a condition may have; deeper is a load error. */
#define HL__EXPR_MAX_DEPTH	64

/* What names mean while compiling. */
struct hl__expr_env {
	/* Rule index of red flag or cause id[0..len), or -1; NULL: no fired(). */
	int (*resolve_rule)(void *ctx, const char *id, size_t len);
	void	*ctx;
	size_t	 nrules;	/* rules addressable by fired(): value slots */
	int	 allow_urgency;	/* whether the name `urgency` may be used */
	/* The rule id closest to a misspelt one, or NULL; may be NULL. */
	const char *(*suggest_rule)(void *ctx, const char *id, size_t len);
};

/* Why a compile failed. */
struct hl__expr_error {
	int	 code;		/* HL_ESYNTAX or HL_ESCHEMA */
	size_t	 offset;	/* byte offset of the offending token in src */
	char	 name[64];	/* the offending name, if any */
	char	 message[160];	/* "unknown input 'wekly_km'" */
};

typedef struct hl__expr hl__expr;

/*
 * Compile src[0..len) and check that it has type want (HL__T_BOOL for a
 * condition).  Returns HL_OK and *out, or HL_ESYNTAX/HL_ESCHEMA/HL_ENOMEM
 * with *e filled.
 */
int hl__expr_compile(const char *src, size_t len,
    const struct hl__expr_env *env, int want, hl__expr **out,
    struct hl__expr_error *e);

void hl__expr_free(hl__expr *x);

/* Evaluate against the value vector (vocab.h).  Never allocates. */
double hl__expr_eval(const hl__expr *x, const double *slots);

/*
 * The same, for what is certain whatever the unknown inputs turn out to
 * be: known(e) of an unknown e is unknown here, not false.  Only an
 * expression that uses known() can differ from hl__expr_eval(), and the
 * honest bounds of a report read conditions this way.
 */
double hl__expr_eval_open(const hl__expr *x, const double *slots);
int hl__expr_uses_known(const hl__expr *x);
/* hl__expr_eval(), returned, and hl__expr_eval_open() in *open. */
double hl__expr_eval_both(const hl__expr *x, const double *slots,
    double *open);

/*
 * The evidence states (HL_STATE_*) of yes/no condition x: returned, the
 * state of hl__expr_eval(); in *open, the state of hl__expr_eval_open().
 * NULL x is always true.
 */
int hl__expr_states(const hl__expr *x, const double *slots, int *open);
/*
 * The same as a lane code: bits 0-1 the plain reading, 2-3 the open one,
 * each 01 true, 10 false, 11 unknown.  NULL x is true.
 */
unsigned hl__expr_lanes(const hl__expr *x, const double *slots);

#ifdef HL_TESTING
/* The evaluator hl__expr_eval() runs when no fast code was built. */
double hl__expr_eval_generic(const hl__expr *x, const double *slots,
    int open);
/* How many `slot cmp constant` instructions the fast code of x has. */
size_t hl__expr_nfused(const hl__expr *x);
#endif

/* The distinct value slots x reads (inputs, metrics, rules), ascending. */
size_t hl__expr_nrefs(const hl__expr *x);
const uint32_t *hl__expr_refs(const hl__expr *x);

#endif
