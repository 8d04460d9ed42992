/* SPDX-License-Identifier: MIT */
/* expr.c - conditions: lexer, precedence parser and type checker, stack code (run by eval.c). */

/*
 * Modelled on Lua's llex.c/lparser.c: the lexer hands out one token at a
 * time; subexpr() climbs a priority table, and every recursion passes
 * through it, so the nesting limit is checked on each one.  Code is emitted
 * while parsing into growable arrays and copied once into one compact block
 * (header, constants, instructions, referenced slots).  Evaluation runs that
 * code on a fixed-size local stack whose needed depth was computed here.
 */

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "compiler.h"
#include "error.h"
#include "expr.h"
#include "exprcode.h"
#include "heavylegs.h"
#include "strconv.h"
#include "suggest.h"
#include "vocab.h"

/* Tokens. */
enum tk {
	TK_EOF, TK_NUM, TK_NAME, TK_LP, TK_RP, TK_LB, TK_RB,
	TK_ADD, TK_SUB, TK_MUL, TK_DIV,
	TK_LT, TK_LE, TK_GT, TK_GE, TK_EQ, TK_NE,
	TK_AND, TK_OR, TK_NOT
};

/* Binary operator priorities (left, right), as in lparser.c. */
static const struct {
	unsigned char	 left, right;
	unsigned char	 op;
} binprio[] = {
	[TK_OR] =  { 1, 1, OP_OR },
	[TK_AND] = { 2, 2, OP_AND },
	[TK_LT] =  { 4, 4, OP_LT }, [TK_LE] = { 4, 4, OP_LE },
	[TK_GT] =  { 4, 4, OP_GT }, [TK_GE] = { 4, 4, OP_GE },
	[TK_EQ] =  { 4, 4, OP_EQ }, [TK_NE] = { 4, 4, OP_NE },
	[TK_ADD] = { 5, 5, OP_ADD }, [TK_SUB] = { 5, 5, OP_SUB },
	[TK_MUL] = { 6, 6, OP_MUL }, [TK_DIV] = { 6, 6, OP_DIV },
};
#define NOT_PRIO	3	/* `not` binds looser than comparisons */
#define UNARY_PRIO	7	/* unary minus binds tightest */
#define CMP_PRIO	4

#define T_NAME		3	/* a bare name not resolved yet */

/* What a parsed subexpression is. */
struct desc {
	int	 type;		/* HL__T_* or T_NAME */
	size_t	 off;		/* offset of its first token */
	int	 enum_in;	/* HL__T_ENUM: the input def */
	int	 bare;		/* a lone name: may be re-read as an enum value */
	size_t	 name_off, name_len;
	size_t	 pc;		/* bare: its instruction */
	int	 isk;		/* a constant: k[kidx] */
	size_t	 kidx;
};

struct parser {
	const char	*src;
	size_t		 len, pos;
	/* current token */
	int		 tk;
	size_t		 off, tlen;
	double		 num;

	const struct hl__expr_env *env;
	struct hl__expr_error *e;
	int		 depth;	/* levels of nesting: ( known( not - */

	uint32_t	*code;
	size_t		 ncode, ccap;
	double		*k;
	size_t		 nk, kcap;
	size_t		 sp, maxsp;
	char		 nb[2][64];	/* sanitised names for messages */
};

static int subexpr(struct parser *, struct desc *, int);
static int fail(struct parser *, int, size_t, size_t, size_t, const char *,
    ...)
    HL__PRINTF(6, 7)
    ;

/* One level deeper, at the ( known( not or minus at off. */
static int
deeper(struct parser *p, size_t off)
{
	if (++p->depth > HL__EXPR_MAX_DEPTH)
		return fail(p, HL_ESYNTAX, off, 0, 0, "condition nested "
		    "more than %d levels deep (each '(', 'known(', 'not' and "
		    "'-' is a level)", HL__EXPR_MAX_DEPTH);
	return 0;
}

/*
 * Character classes of the C locale, by hand: <ctype.h> depends on the
 * locale for bytes >= 0x80.
 */
static int
isdig(int c)
{
	return c >= '0' && c <= '9';
}

static int
isalpha_(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static int
isalnum_(int c)
{
	return isalpha_(c) || isdig(c);
}

static int
isspace_(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	    c == '\v' || c == '\f';
}

/* Copy s[0..len) into buf[64] for a message: printable ASCII only. */
static const char *
sanitise(char *buf, const char *s, size_t len)
{
	size_t i, n = len < 63 ? len : 63;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		buf[i] = (c >= 0x20 && c < 0x7f) ? (char)c : '?';
	}
	buf[n] = '\0';
	return buf;
}

static const char *
nm(struct parser *p, int which, size_t off, size_t len)
{
	return sanitise(p->nb[which], p->src + off, len);
}

/*
 * Record an error: code, offset, the offending name (name_len bytes at
 * name_off of src, or none when name_len is 0) and a message.
 */
HL__PRINTF(6, 7)
static int
fail(struct parser *p, int code, size_t off, size_t name_off,
    size_t name_len, const char *fmt, ...)
{
	va_list ap;

	p->e->code = code;
	p->e->offset = off;
	sanitise(p->e->name, p->src + name_off, name_len);
	va_start(ap, fmt);
	hl__vformat(p->e->message, sizeof p->e->message, fmt, ap);
	va_end(ap);
	return code;
}

static int
fail_nomem(struct parser *p)
{
	p->e->code = HL_ENOMEM;
	p->e->offset = 0;
	p->e->name[0] = '\0';
	snprintf(p->e->message, sizeof p->e->message, "out of memory");
	return HL_ENOMEM;
}

/* The current token, for "unexpected" messages. */
static int
fail_unexpected(struct parser *p)
{
	if (p->tk == TK_EOF)
		return fail(p, HL_ESYNTAX, p->off, 0, 0,
		    "unexpected end of condition");
	return fail(p, HL_ESYNTAX, p->off, p->off, p->tlen,
	    "unexpected '%s'", nm(p, 0, p->off, p->tlen));
}

static int
fail_expected(struct parser *p, const char *what)
{
	return fail(p, HL_ESYNTAX, p->off, p->off, p->tlen, "expected %s",
	    what);
}

/* ---- lexer ---- */

static int
is_kw(const char *s, size_t len, const char *kw)
{
	return strlen(kw) == len && memcmp(s, kw, len) == 0;
}

/* Read the next token into p->tk/off/tlen (and num). */
static int
lex(struct parser *p)
{
	const char *s = p->src;
	size_t n = p->len, i = p->pos, j;
	int c;

	while (i < n && isspace_((unsigned char)s[i]))
		i++;
	p->off = i;
	p->tlen = 0;
	if (i >= n) {
		p->tk = TK_EOF;
		p->pos = i;
		return 0;
	}
	c = (unsigned char)s[i];
	j = i + 1;
	if (isalpha_(c)) {
		while (j < n && isalnum_((unsigned char)s[j]))
			j++;
		p->tk = TK_NAME;
		if (is_kw(s + i, j - i, "and"))
			p->tk = TK_AND;
		else if (is_kw(s + i, j - i, "or"))
			p->tk = TK_OR;
		else if (is_kw(s + i, j - i, "not"))
			p->tk = TK_NOT;
	} else if (isdig(c) || (c == '.' && j < n &&
	    isdig((unsigned char)s[j]))) {
		size_t used = 0, end;
		int r;

		r = hl__strtod(s + i, n - i, &p->num, &used);
		/* The whole word, for messages: "1e", "5km", "1.2.3". */
		for (end = i; end < n; end++) {
			c = (unsigned char)s[end];
			if (isalnum_(c) || c == '.')
				continue;
			if ((c == '+' || c == '-') && end > i &&
			    (s[end - 1] == 'e' || s[end - 1] == 'E'))
				continue;
			break;
		}
		if (r != 0 || !hl__num_exact(p->num))
			return fail(p, HL_ESCHEMA, i, i, end - i,
			    "number out of range '%s' (%s)",
			    nm(p, 0, i, end - i), HL__NUM_RANGE);
		j = i + used;
		if (j < n && (isalnum_((unsigned char)s[j]) || s[j] == '.'))
			return fail(p, HL_ESYNTAX, i, i, end - i,
			    "bad number '%s'", nm(p, 0, i, end - i));
		p->tk = TK_NUM;
	} else {
		switch (c) {
		case '(': p->tk = TK_LP; break;
		case ')': p->tk = TK_RP; break;
		case '[': p->tk = TK_LB; break;
		case ']': p->tk = TK_RB; break;
		case '+': p->tk = TK_ADD; break;
		case '-': p->tk = TK_SUB; break;
		case '*': p->tk = TK_MUL; break;
		case '/': p->tk = TK_DIV; break;
		case '<':
		case '>':
			p->tk = c == '<' ? TK_LT : TK_GT;
			if (j < n && s[j] == '=') {
				p->tk = c == '<' ? TK_LE : TK_GE;
				j++;
			}
			break;
		case '=':
		case '!':
			if (j < n && s[j] == '=') {
				p->tk = c == '=' ? TK_EQ : TK_NE;
				j++;
				break;
			}
			return fail(p, HL_ESYNTAX, i, i, 1, c == '=' ?
			    "unexpected '=' (compare with '==')" :
			    "unexpected '!' (use 'not' or '!=')");
		default:
			if (c >= 0x20 && c < 0x7f)
				return fail(p, HL_ESYNTAX, i, i, 1,
				    "unexpected '%c'", c);
			if (c >= 0x80 && (j = hl__utf8_len(s + i,
			    n - i)) > 0) {
				fail(p, HL_ESYNTAX, i, 0, 0,
				    "unexpected '%.*s'", (int)j, s + i);
				memcpy(p->e->name, s + i, j);
				p->e->name[j] = '\0';
				return HL_ESYNTAX;
			}
			return fail(p, HL_ESYNTAX, i, 0, 0,
			    "unexpected byte 0x%02x", (unsigned)c);
		}
	}
	p->tlen = j - i;
	p->pos = j;
	return 0;
}

/* ---- code emission ---- */

static int
emit(struct parser *p, int op, size_t arg)
{
	if (arg > ARG_MAX)
		return fail(p, HL_ESCHEMA, p->off, 0, 0,
		    "condition too large");
	if (p->ncode == p->ccap) {
		size_t ncap = p->ccap ? 2 * p->ccap : 16;
		uint32_t *c;

		if (ncap > ARG_MAX)
			return fail(p, HL_ESCHEMA, p->off, 0, 0,
			    "condition too large");
		if ((c = hl__realloc(p->code, ncap * sizeof *c)) == NULL)
			return fail_nomem(p);
		p->code = c;
		p->ccap = ncap;
	}
	p->code[p->ncode++] = INS(op, arg);
	if (op == OP_LOAD || op == OP_CONST) {
		if (++p->sp > p->maxsp)
			p->maxsp = p->sp;
	} else if (op >= OP_ADD)
		p->sp--;
	return 0;
}

/* Add constant v to the pool; its index in *idx. */
static int
addk(struct parser *p, double v, size_t *idx)
{
	if (p->nk == p->kcap) {
		size_t ncap = p->kcap ? 2 * p->kcap : 8;
		double *k;

		if (ncap > ARG_MAX + 1)
			return fail(p, HL_ESCHEMA, p->off, 0, 0,
			    "condition too large");
		if ((k = hl__realloc(p->k, ncap * sizeof *k)) == NULL)
			return fail_nomem(p);
		p->k = k;
		p->kcap = ncap;
	}
	p->k[p->nk] = v;
	*idx = p->nk++;
	return 0;
}

static int
emit_const(struct parser *p, struct desc *d, double v)
{
	int r;

	if ((r = addk(p, v, &d->kidx)) != 0)
		return r;
	d->isk = 1;
	return emit(p, OP_CONST, d->kidx);
}

/* ---- parser ---- */

static void
desc_init(struct desc *d, int type, size_t off)
{
	memset(d, 0, sizeof *d);
	d->type = type;
	d->off = off;
	d->enum_in = -1;
}

/* "unknown input 'x'", with the closest input or metric name if any. */
static int
fail_unknown(struct parser *p, size_t off, size_t len)
{
	struct hl__suggest sg;
	const char *best;

	hl__suggest_init(&sg, p->src + off, len);
	hl__suggest_vocab(&sg);
	if ((best = hl__suggest_best(&sg)) != NULL)
		return fail(p, HL_ESCHEMA, off, off, len,
		    "unknown input '%s' (did you mean '%s'?)",
		    nm(p, 0, off, len), best);
	return fail(p, HL_ESCHEMA, off, off, len, "unknown input '%s'",
	    nm(p, 0, off, len));
}

/* d must not be a bare unknown name any more. */
static int
need_resolved(struct parser *p, const struct desc *d)
{
	if (d->type != T_NAME)
		return 0;
	return fail_unknown(p, d->name_off, d->name_len);
}

/* Fail with the message pre "enum <name>" post, naming enum input d. */
static int
fail_enum(struct parser *p, size_t off, const struct desc *d,
    const char *pre, const char *post)
{
	const char *name = hl__input_defs[d->enum_in].name;

	fail(p, HL_ESCHEMA, off, 0, 0, "%senum %s%s", pre, name, post);
	sanitise(p->e->name, name, strlen(name));
	return HL_ESCHEMA;
}

/*
 * Read bare name d as a value of the enum input of `other`, rewriting its
 * instruction to push the value's code.  Returns 1 when it is one.
 */
static int
as_enum_value(struct parser *p, struct desc *d, const struct desc *other,
    int *err)
{
	size_t kidx;
	int code;

	*err = 0;
	if (!d->bare)
		return 0;
	code = hl__input_enum_code(other->enum_in, p->src + d->name_off,
	    d->name_len);
	if (code < 0)
		return 0;
	if ((*err = addk(p, code, &kidx)) != 0)
		return 0;
	p->code[d->pc] = INS(OP_CONST, kidx);
	d->type = HL__T_ENUM;
	d->enum_in = other->enum_in;
	return 1;
}

/* Check and type `d1 op d2` (== or !=) where one side may be an enum. */
static int
check_eq(struct parser *p, size_t opoff, struct desc *d1, struct desc *d2)
{
	struct desc *en = NULL, *val = NULL;
	int r;

	if (d1->type == HL__T_ENUM && d2->type != HL__T_ENUM)
		en = d1, val = d2;
	else if (d2->type == HL__T_ENUM && d1->type != HL__T_ENUM)
		en = d2, val = d1;
	else if (d1->type == HL__T_ENUM)
		return fail_enum(p, d2->off, d1,
		    "", " can only be compared with one of its values");
	if (en != NULL) {
		if (as_enum_value(p, val, en, &r))
			return 0;
		if (r != 0)
			return r;
		if (val->type == T_NAME) {
			const char *name = hl__input_defs[en->enum_in].name;

			struct hl__suggest sg;
			const struct hl__input_def *def =
			    &hl__input_defs[en->enum_in];
			const char *best;
			int v;

			hl__suggest_init(&sg, p->src + val->name_off,
			    val->name_len);
			for (v = 0; v < def->enum_count; v++)
				hl__suggest_try(&sg, def->enum_names[v],
				    strlen(def->enum_names[v]));
			if ((best = hl__suggest_best(&sg)) != NULL)
				return fail(p, HL_ESCHEMA, val->name_off,
				    val->name_off, val->name_len,
				    "'%s' is not a value of %s (did you mean "
				    "'%s'?)",
				    nm(p, 0, val->name_off, val->name_len),
				    sanitise(p->nb[1], name, strlen(name)),
				    best);
			return fail(p, HL_ESCHEMA, val->name_off,
			    val->name_off, val->name_len,
			    "'%s' is not a value of %s",
			    nm(p, 0, val->name_off, val->name_len),
			    sanitise(p->nb[1], name, strlen(name)));
		}
		return fail_enum(p, val->off, en,
		    "", " can only be compared with one of its values");
	}
	if ((r = need_resolved(p, d1)) != 0 ||
	    (r = need_resolved(p, d2)) != 0)
		return r;
	if (d1->type != d2->type)
		return fail(p, HL_ESCHEMA, opoff, 0, 0,
		    d1->type == HL__T_NUM ?
		    "cannot compare a number with yes/no" :
		    "cannot compare yes/no with a number");
	return 0;
}

/* Type check operands of binary `tk` (not == / !=); type of the result. */
static int
check_bin(struct parser *p, int tk, size_t opoff, const struct desc *d,
    int *type)
{
	static const char *const names[] = {
		[TK_ADD] = "+", [TK_SUB] = "-", [TK_MUL] = "*", [TK_DIV] = "/",
		[TK_LT] = "<", [TK_LE] = "<=", [TK_GT] = ">", [TK_GE] = ">=",
		[TK_AND] = "and", [TK_OR] = "or",
	};
	int want = (tk == TK_AND || tk == TK_OR) ? HL__T_BOOL : HL__T_NUM;
	int r;

	if ((r = need_resolved(p, d)) != 0)
		return r;
	if (d->type == HL__T_ENUM)
		return fail_enum(p, opoff, d,
		    "", " can only be compared with == or !=");
	if (d->type != want) {
		if (want == HL__T_BOOL)
			return fail(p, HL_ESCHEMA, opoff, opoff,
			    strlen(names[tk]),
			    "'%s' needs yes/no on both sides, not a number",
			    names[tk]);
		return fail(p, HL_ESCHEMA, opoff, opoff, strlen(names[tk]),
		    "'%s' needs numbers, not yes/no", names[tk]);
	}
	*type = (tk >= TK_LT) ? HL__T_BOOL : HL__T_NUM;
	return 0;
}

/* Push slot `slot` of type `type` for a name read at off. */
static int
load(struct parser *p, struct desc *d, size_t slot, int type, size_t off)
{
	desc_init(d, type, off);
	return emit(p, OP_LOAD, slot);
}

/* The day of series name[i] (name at off, len); the token is '['. */
static int
series_index(struct parser *p, size_t off, size_t len, size_t *day)
{
	size_t i;
	int r;

	if ((r = lex(p)) != 0)
		return r;
	if (p->tk != TK_NUM)
		return fail_expected(p, "a day index from 0 to 27");
	for (i = 0; i < p->tlen; i++)
		if (!isdig((unsigned char)p->src[p->off + i]))
			break;
	if (i < p->tlen || p->num >= HL_SERIES_DAYS)
		return fail(p, HL_ESCHEMA, p->off, off, len,
		    "day index '%s' is not a whole number from 0 to 27",
		    nm(p, 0, p->off, p->tlen));
	*day = (size_t)p->num;
	if ((r = lex(p)) != 0)
		return r;
	if (p->tk != TK_RB)
		return fail_expected(p, "']'");
	return lex(p);
}

/* A name that is not a keyword: input, metric, or (maybe) an enum value. */
static int
name_atom(struct parser *p, struct desc *d, size_t off, size_t len)
{
	const char *s = p->src + off;
	int i, r;

	if (p->tk == TK_LP) {
		struct hl__suggest sg;
		const char *best;

		hl__suggest_init(&sg, s, len);
		hl__suggest_try(&sg, "known", 5);
		hl__suggest_try(&sg, "fired", 5);
		if ((best = hl__suggest_best(&sg)) != NULL)
			return fail(p, HL_ESCHEMA, off, off, len,
			    "unknown function '%s' (did you mean '%s'?)",
			    nm(p, 0, off, len), best);
		return fail(p, HL_ESCHEMA, off, off, len,
		    "unknown function '%s'", nm(p, 0, off, len));
	}
	if ((i = hl__input_lookup(s, len)) >= 0) {
		const struct hl__input_def *def = &hl__input_defs[i];
		int type = def->kind == HL_KIND_TRI ? HL__T_BOOL :
		    def->kind == HL_KIND_ENUM ? HL__T_ENUM : HL__T_NUM;
		size_t day = 0;

		if (def->length > 1) {
			if (p->tk != TK_LB)
				return fail(p, HL_ESCHEMA, off, off, len,
				    "%s is a daily series: write %s[0] for "
				    "today, up to [27]", nm(p, 0, off, len),
				    nm(p, 0, off, len));
			if ((r = series_index(p, off, len, &day)) != 0)
				return r;
		} else if (p->tk == TK_LB)
			return fail(p, HL_ESCHEMA, p->off, off, len,
			    "%s is not a daily series", nm(p, 0, off, len));
		if ((r = load(p, d, hl__input_slot(i) + day, type, off)) != 0)
			return r;
		d->enum_in = type == HL__T_ENUM ? i : -1;
		d->bare = def->length == 1;
	} else if ((i = hl__metric_lookup(s, len)) >= 0) {
		if (p->tk == TK_LB)
			return fail(p, HL_ESCHEMA, p->off, off, len,
			    "%s is not a daily series", nm(p, 0, off, len));
		if ((r = load(p, d, HL__METRIC_BASE + (size_t)i,
		    hl__metric_defs[i].kind == HL_KIND_TRI ? HL__T_BOOL :
		    HL__T_NUM, off)) != 0)
			return r;
		d->bare = 1;
	} else {
		if (p->tk == TK_LB)
			return fail_unknown(p, off, len);
		/* Perhaps an enum value: a placeholder until we know. */
		desc_init(d, T_NAME, off);
		if ((r = emit(p, OP_CONST, 0)) != 0)
			return r;
		d->bare = 1;
	}
	if (d->bare) {
		d->name_off = off;
		d->name_len = len;
		d->pc = p->ncode - 1;
	}
	return 0;
}

/* known(expr) or fired(id); the current token is the keyword. */
static int
call_atom(struct parser *p, struct desc *d, int fired)
{
	size_t off = p->off;
	int r;

	if ((r = lex(p)) != 0)
		return r;
	if (p->tk != TK_LP)
		return fail_expected(p, fired ? "'(' after 'fired'" :
		    "'(' after 'known'");
	if ((r = lex(p)) != 0)
		return r;
	if (fired) {
		size_t id_off = p->off, id_len = p->tlen;
		int idx = -1;

		if (p->tk != TK_NAME)
			return fail_expected(p, "a rule id");
		if (p->env != NULL && p->env->resolve_rule != NULL)
			idx = p->env->resolve_rule(p->env->ctx,
			    p->src + id_off, id_len);
		if (idx < 0 || (size_t)idx >= p->env->nrules) {
			const char *best = NULL;

			if (p->env != NULL && p->env->suggest_rule != NULL)
				best = p->env->suggest_rule(p->env->ctx,
				    p->src + id_off, id_len);
			if (best != NULL)
				return fail(p, HL_ESCHEMA, id_off, id_off,
				    id_len, "unknown rule '%s' (did you mean "
				    "'%s'?)", nm(p, 0, id_off, id_len),
				    sanitise(p->nb[1], best, strlen(best)));
			return fail(p, HL_ESCHEMA, id_off, id_off, id_len,
			    "unknown rule '%s'", nm(p, 0, id_off, id_len));
		}
		if ((r = lex(p)) != 0)
			return r;
		if (p->tk != TK_RP)
			return fail_expected(p, "')'");
		if ((r = load(p, d, HL__RULE_BASE + (size_t)idx, HL__T_BOOL,
		    off)) != 0)
			return r;
	} else {
		if ((r = deeper(p, off)) != 0 ||
		    (r = subexpr(p, d, 0)) != 0)
			return r;
		if ((r = need_resolved(p, d)) != 0)
			return r;
		if (p->tk != TK_RP)
			return fail_expected(p, "')'");
		p->depth--;
		desc_init(d, HL__T_BOOL, off);
		if ((r = emit(p, OP_KNOWN, 0)) != 0)
			return r;
	}
	return lex(p);
}

/* atom := NUMBER | yes | no | NAME | NAME[i] | known(..) | fired(..) | (..) */
static int
atom(struct parser *p, struct desc *d)
{
	size_t off = p->off, len = p->tlen;
	const char *s = p->src + off;
	int r;

	switch (p->tk) {
	case TK_NUM:
		desc_init(d, HL__T_NUM, off);
		if ((r = emit_const(p, d, p->num)) != 0)
			return r;
		return lex(p);
	case TK_LP:
		if ((r = deeper(p, off)) != 0 || (r = lex(p)) != 0 ||
		    (r = subexpr(p, d, 0)) != 0)
			return r;
		if (p->tk != TK_RP)
			return fail_expected(p, "')'");
		p->depth--;
		d->off = off;
		return lex(p);
	case TK_NAME:
		break;
	default:
		return fail_unexpected(p);
	}
	if (is_kw(s, len, "known"))
		return call_atom(p, d, 0);
	if (is_kw(s, len, "fired"))
		return call_atom(p, d, 1);
	if ((r = lex(p)) != 0)
		return r;
	/* true and false too, as YAML writers expect them */
	if (is_kw(s, len, "yes") || is_kw(s, len, "true")) {
		desc_init(d, HL__T_BOOL, off);
		return emit_const(p, d, 1.0);
	}
	if (is_kw(s, len, "no") || is_kw(s, len, "false")) {
		desc_init(d, HL__T_BOOL, off);
		return emit_const(p, d, 0.0);
	}
	if (is_kw(s, len, "urgency")) {
		if (p->env == NULL || !p->env->allow_urgency)
			return fail(p, HL_ESCHEMA, off, off, len,
			    "urgency can only be used in strategy conditions");
		return load(p, d, HL__RULE_BASE + p->env->nrules, HL__T_NUM,
		    off);
	}
	return name_atom(p, d, off, len);
}

static int
is_cmp(int tk)
{
	return tk >= TK_LT && tk <= TK_NE;
}

/*
 * subexpr := (not subexpr | - subexpr | atom) { binop subexpr }, where a
 * binary operator is taken only while its left priority exceeds limit.
 */
static int
subexpr(struct parser *p, struct desc *d, int limit)
{
	size_t off = p->off;
	int r, prevcmp = 0;

	if (p->tk == TK_NOT || p->tk == TK_SUB) {
		int isnot = p->tk == TK_NOT;

		if (isnot && limit > NOT_PRIO)
			return fail(p, HL_ESYNTAX, off, off, p->tlen,
			    "unexpected 'not' (put it in parentheses)");
		if ((r = deeper(p, off)) != 0 || (r = lex(p)) != 0 ||
		    (r = subexpr(p, d, isnot ? NOT_PRIO : UNARY_PRIO)) != 0)
			return r;
		p->depth--;
		if ((r = need_resolved(p, d)) != 0)
			return r;
		if (d->type == HL__T_ENUM)
			return fail_enum(p, off, d,
			    "", " can only be compared with == or !=");
		if (isnot && d->type != HL__T_BOOL)
			return fail(p, HL_ESCHEMA, off, off, 3,
			    "'not' needs yes/no, not a number");
		if (!isnot && d->type != HL__T_NUM)
			return fail(p, HL_ESCHEMA, off, off, 1,
			    "'-' needs a number, not yes/no");
		if (!isnot && d->isk && p->ncode > 0 &&
		    p->code[p->ncode - 1] == INS(OP_CONST, d->kidx)) {
			p->k[d->kidx] = -p->k[d->kidx];
			d->off = off;
			d->bare = 0;
		} else {
			desc_init(d, d->type, off);
			if ((r = emit(p, isnot ? OP_NOT : OP_NEG, 0)) != 0)
				return r;
		}
	} else if ((r = atom(p, d)) != 0)
		return r;

	while (p->tk < (int)(sizeof binprio / sizeof binprio[0]) &&
	    binprio[p->tk].left > limit) {
		int tk = p->tk, type = HL__T_BOOL;
		size_t opoff = p->off, oplen = p->tlen;
		struct desc d2;

		if (is_cmp(tk) && prevcmp)
			return fail(p, HL_ESYNTAX, opoff, opoff, oplen,
			    "comparisons cannot be chained; join them "
			    "with 'and'");
		if (tk != TK_EQ && tk != TK_NE &&
		    (r = check_bin(p, tk, opoff, d, &type)) != 0)
			return r;
		if ((r = lex(p)) != 0 ||
		    (r = subexpr(p, &d2, binprio[tk].right)) != 0)
			return r;
		if (tk == TK_EQ || tk == TK_NE)
			r = check_eq(p, opoff, d, &d2);
		else
			r = check_bin(p, tk, opoff, &d2, &type);
		if (r != 0)
			return r;
		if ((r = emit(p, binprio[tk].op, 0)) != 0)
			return r;
		desc_init(d, type, d->off);
		prevcmp = is_cmp(tk);
	}
	return 0;
}

static int
cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

static int
finish(struct parser *p, int type, hl__expr **out)
{
	size_t i, nload = 0, hdr, size, nrefs = 0;
	hl__expr *x;
	double *k;
	uint32_t *code, *refs;

	for (i = 0; i < p->ncode; i++)
		if (INS_OP(p->code[i]) == OP_LOAD)
			nload++;
	hdr = (sizeof *x + sizeof(double) - 1) / sizeof(double) *
	    sizeof(double);
	size = hdr + p->nk * sizeof(double) +
	    (p->ncode + nload) * sizeof(uint32_t);
	if ((x = hl__malloc(size)) == NULL)
		return fail_nomem(p);
	k = (double *)(void *)((char *)x + hdr);
	code = (uint32_t *)(void *)(k + p->nk);
	refs = code + p->ncode;
	if (p->nk > 0)
		memcpy(k, p->k, p->nk * sizeof *k);
	memcpy(code, p->code, p->ncode * sizeof *code);
	for (i = 0; i < p->ncode; i++)
		if (INS_OP(code[i]) == OP_LOAD)
			refs[nrefs++] = INS_ARG(code[i]);
	if (nrefs > 1) {
		size_t j;

		qsort(refs, nrefs, sizeof *refs, cmp_u32);
		for (i = j = 1; i < nrefs; i++)
			if (refs[i] != refs[j - 1])
				refs[j++] = refs[i];
		nrefs = j;
	}
	x->k = k;
	x->code = code;
	x->refs = refs;
	x->nk = p->nk;
	x->ncode = p->ncode;
	x->nrefs = nrefs;
	x->maxstack = p->maxsp;
	x->type = type;
	x->uses_known = 0;
	for (i = 0; i < p->ncode; i++)
		if (INS_OP(code[i]) == OP_KNOWN)
			x->uses_known = 1;
	x->fast = NULL;
	x->nfast = 0;
	x->lane = NULL;
	x->nlane = 0;
	if (hl__expr_fast_build(x) != 0) {
		hl__free(x);
		return fail_nomem(p);
	}
	*out = x;
	return 0;
}

static const char *
type_name(int t)
{
	return t == HL__T_NUM ? "a number" : t == HL__T_BOOL ? "yes/no" :
	    "an enum";
}

int
hl__expr_compile(const char *src, size_t len, const struct hl__expr_env *env,
    int want, hl__expr **out, struct hl__expr_error *e)
{
	struct hl__expr_error dummy;
	struct parser p;
	struct desc d;
	int r;

	if (e == NULL)
		e = &dummy;
	memset(e, 0, sizeof *e);
	if (out != NULL)
		*out = NULL;
	memset(&p, 0, sizeof p);
	p.src = src != NULL ? src : "";
	p.len = src != NULL ? len : 0;
	p.env = env;
	p.e = e;
	if (out == NULL) {
		e->code = HL_EINVAL;
		snprintf(e->message, sizeof e->message, "no output");
		return HL_EINVAL;
	}
	if ((r = lex(&p)) != 0)
		goto err;
	if (p.tk == TK_EOF) {
		r = fail(&p, HL_ESYNTAX, p.off, 0, 0, "empty condition");
		goto err;
	}
	if ((r = subexpr(&p, &d, 0)) != 0)
		goto err;
	if (p.tk != TK_EOF) {
		r = fail_unexpected(&p);
		goto err;
	}
	if ((r = need_resolved(&p, &d)) != 0)
		goto err;
	if (d.type != want) {
		if (want == HL__T_BOOL && d.type == HL__T_NUM)
			r = fail(&p, HL_ESCHEMA, d.off, 0, 0,
			    "condition must be yes/no, not a number");
		else if (d.type == HL__T_ENUM)
			r = want == HL__T_BOOL ? fail_enum(&p, d.off, &d,
			    "condition must be yes/no: compare ",
			    " with == or != and one of its values") :
			    fail_enum(&p, d.off, &d, "",
			    " can only be compared with == or !=");
		else
			r = fail(&p, HL_ESCHEMA, d.off, 0, 0,
			    "expected %s, not %s", type_name(want),
			    type_name(d.type));
		goto err;
	}
	if (p.maxsp > STACK_MAX) {
		r = fail(&p, HL_ESYNTAX, d.off, 0, 0, "condition too complex");
		goto err;
	}
	r = finish(&p, d.type, out);
err:
	hl__free(p.code);
	hl__free(p.k);
	return r;
}

void
hl__expr_free(hl__expr *x)
{
	if (x != NULL) {
		hl__free(x->fast);
		hl__free(x->lane);
	}
	hl__free(x);
}
