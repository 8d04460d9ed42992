/* SPDX-License-Identifier: MIT */
/* eval.c - conditions: the fast program built at load, and the evaluators. */

#include <math.h>
#include <stddef.h>
#include <stdint.h>

#include "alloc.h"
#include "expr.h"
#include "exprcode.h"

/* The operands of each instruction of a postfix program, as a tree. */
struct fnode {
	size_t	 l, r;		/* instruction indices; SIZE_MAX: none */
};

static int
is_cmp_op(uint32_t op)
{
	return op >= OP_LT && op <= OP_NE;
}

/* The comparison that holds for (b, a) when op holds for (a, b). */
static uint32_t
cmp_swapped(uint32_t op)
{
	switch (op) {
	case OP_LT: return OP_GT;
	case OP_LE: return OP_GE;
	case OP_GT: return OP_LT;
	case OP_GE: return OP_LE;
	default: return op;	/* == and != */
	}
}

/* Emit the fast code of the subtree at instruction i into out at *n. */
static void
fast_emit(const uint32_t *code, const struct fnode *t, size_t i,
    uint32_t *out, size_t *n)
{
	uint32_t op = INS_OP(code[i]);
	size_t l = t[i].l, r = t[i].r, jump;

	if (is_cmp_op(op) && INS_OP(code[l]) == OP_LOAD &&
	    INS_OP(code[r]) == OP_CONST) {
		out[(*n)++] = FOP_LCMP | op << 8;
		out[(*n)++] = INS_ARG(code[l]);
		out[(*n)++] = INS_ARG(code[r]);
		return;
	}
	if (is_cmp_op(op) && INS_OP(code[l]) == OP_CONST &&
	    INS_OP(code[r]) == OP_LOAD) {
		out[(*n)++] = FOP_LCMP | cmp_swapped(op) << 8;
		out[(*n)++] = INS_ARG(code[r]);
		out[(*n)++] = INS_ARG(code[l]);
		return;
	}
	if (l != SIZE_MAX)
		fast_emit(code, t, l, out, n);
	if (op == OP_AND || op == OP_OR) {
		out[(*n)++] = op == OP_AND ? FOP_JF : FOP_JT;
		jump = (*n)++;
		fast_emit(code, t, r, out, n);
		out[(*n)++] = code[i];
		out[jump] = (uint32_t)*n;
		return;
	}
	if (r != SIZE_MAX)
		fast_emit(code, t, r, out, n);
	out[(*n)++] = code[i];
}

/*
 * Build x->fast from x->code.  Never longer than twice the code: a fused
 * compare replaces three instructions by three words, a jump adds two
 * words per and/or, itself one instruction with two operands.
 */
int
hl__expr_fast_build(hl__expr *x)
{
	struct fnode *t;
	size_t *st, sp = 0, i, n = 0;
	uint32_t op, *out;

	if (x->ncode == 0)
		return 0;
	t = hl__malloc(x->ncode * sizeof *t);
	st = hl__malloc(x->ncode * sizeof *st);
	out = hl__malloc(3 * x->ncode * sizeof *out);
	if (t == NULL || st == NULL || out == NULL) {
		hl__free(t);
		hl__free(st);
		hl__free(out);
		return -1;
	}
	for (i = 0; i < x->ncode; i++) {
		op = INS_OP(x->code[i]);
		t[i].l = t[i].r = SIZE_MAX;
		if (op >= OP_ADD) {
			t[i].r = st[--sp];
			t[i].l = st[--sp];
		} else if (op != OP_LOAD && op != OP_CONST)
			t[i].l = st[--sp];
		st[sp++] = i;
	}
	fast_emit(x->code, t, st[0], out, &n);
	hl__free(t);
	hl__free(st);
	x->fast = out;
	x->nfast = n;
	return 0;
}

/* Copy the code into one block: header, constants, code, refs. */

/* Kleene truth of a 0/1/NaN value: 0 false, 1 true, -1 unknown. */
static int
truth(double v)
{
	if (isnan(v))
		return -1;
	return v != 0;
}

static double
binary(int op, double a, double b)
{
	double v;
	int x, y;

	switch (op) {
	case OP_AND:
		x = truth(a), y = truth(b);
		if (x == 0 || y == 0)
			return 0.0;
		return (x < 0 || y < 0) ? NAN : 1.0;
	case OP_OR:
		x = truth(a), y = truth(b);
		if (x == 1 || y == 1)
			return 1.0;
		return (x < 0 || y < 0) ? NAN : 0.0;
	default:
		break;
	}
	if (isnan(a) || isnan(b))
		return NAN;
	switch (op) {
	case OP_ADD: v = a + b; break;
	case OP_SUB: v = a - b; break;
	case OP_MUL: v = a * b; break;
	case OP_DIV:
		if (b == 0)
			return NAN;
		v = a / b;
		break;
	case OP_LT: return a < b;
	case OP_LE: return a <= b;
	case OP_GT: return a > b;
	case OP_GE: return a >= b;
	case OP_EQ: return a == b;
	case OP_NE: return a != b;
	default: return NAN;
	}
	/* Values stay finite or unknown: an overflow is unknown. */
	return isfinite(v) ? v : NAN;
}

/*
 * The evaluator.  open: known(e) of an unknown e is itself unknown, since
 * e may yet become known (hl__expr_eval_open).
 */
static double
eval(const hl__expr *x, const double *slots, int open)
{
	double st[STACK_MAX];
	size_t pc, sp = 0;

	if (x == NULL || x->ncode == 0)
		return NAN;
	for (pc = 0; pc < x->ncode; pc++) {
		uint32_t ins = x->code[pc];
		double a;

		switch (INS_OP(ins)) {
		case OP_LOAD:
			st[sp++] = slots[INS_ARG(ins)];
			break;
		case OP_CONST:
			st[sp++] = x->k[INS_ARG(ins)];
			break;
		case OP_NEG:
			st[sp - 1] = -st[sp - 1];
			break;
		case OP_NOT:
			a = st[sp - 1];
			st[sp - 1] = isnan(a) ? a : a == 0 ? 1.0 : 0.0;
			break;
		case OP_KNOWN:
			if (!isnan(st[sp - 1]))
				st[sp - 1] = 1.0;
			else if (!open)
				st[sp - 1] = 0.0;
			break;
		default:
			sp--;
			st[sp - 1] = binary(INS_OP(ins), st[sp - 1], st[sp]);
			break;
		}
	}
	return st[0];
}

/* a cmp b for known a and b, as 0/1. */
#define CMP(op, a, b) ((op) == OP_LT ? (a) < (b) : (op) == OP_LE ? \
	(a) <= (b) : (op) == OP_GT ? (a) > (b) : (op) == OP_GE ? (a) >= (b) : \
	(op) == OP_EQ ? (a) == (b) : (a) != (b))

/* The evaluator of the fast code (see enum fop); open as in eval(). */
static double
eval_fast(const hl__expr *x, const double *slots, int open, int *met)
{
	const uint32_t *c = x->fast;
	double st[STACK_MAX], a, b;
	size_t pc = 0, sp = 0, n = x->nfast;

	/* a condition that is one input or one comparison */
	if (n == 1 && INS_OP(c[0]) == OP_LOAD)
		return slots[INS_ARG(c[0])];
	if (n == 3 && INS_OP(c[0]) == FOP_LCMP) {
		a = slots[c[1]];
		b = x->k[c[2]];
		return isnan(a) || isnan(b) ? NAN :
		    (double)CMP(INS_ARG(c[0]), a, b);
	}

	while (pc < n) {
		uint32_t ins = c[pc];

		switch (INS_OP(ins)) {
		case FOP_LCMP:
			a = slots[c[pc + 1]];
			b = x->k[c[pc + 2]];
			st[sp++] = isnan(a) || isnan(b) ? NAN :
			    (double)CMP(INS_ARG(ins), a, b);
			pc += 3;
			continue;
		case FOP_JF:
			if (st[sp - 1] == 0) {
				st[sp - 1] = 0.0;
				pc = c[pc + 1];
			} else
				pc += 2;
			continue;
		case FOP_JT:
			a = st[sp - 1];
			if (!isnan(a) && a != 0) {
				st[sp - 1] = 1.0;
				pc = c[pc + 1];
			} else
				pc += 2;
			continue;
		case OP_LOAD:
			st[sp++] = slots[INS_ARG(ins)];
			break;
		case OP_CONST:
			st[sp++] = x->k[INS_ARG(ins)];
			break;
		case OP_NEG:
			st[sp - 1] = -st[sp - 1];
			break;
		case OP_NOT:
			a = st[sp - 1];
			st[sp - 1] = isnan(a) ? a : a == 0 ? 1.0 : 0.0;
			break;
		case OP_KNOWN:
			if (!isnan(st[sp - 1]))
				st[sp - 1] = 1.0;
			else {
				*met = 1;
				if (!open)
					st[sp - 1] = 0.0;
			}
			break;
		case OP_AND:
			/* the left operand was true or unknown (FOP_JF) */
			sp--;
			a = st[sp - 1];
			b = st[sp];
			st[sp - 1] = b == 0 ? 0.0 : isnan(a) || isnan(b) ?
			    NAN : 1.0;
			break;
		case OP_OR:
			/* the left operand was false or unknown (FOP_JT) */
			sp--;
			a = st[sp - 1];
			b = st[sp];
			st[sp - 1] = !isnan(b) && b != 0 ? 1.0 :
			    isnan(a) || isnan(b) ? NAN : 0.0;
			break;
		case OP_LT: case OP_LE: case OP_GT: case OP_GE:
		case OP_EQ: case OP_NE:
			sp--;
			a = st[sp - 1];
			b = st[sp];
			st[sp - 1] = isnan(a) || isnan(b) ? NAN :
			    (double)CMP(INS_OP(ins), a, b);
			break;
		default:
			sp--;
			st[sp - 1] = binary(INS_OP(ins), st[sp - 1], st[sp]);
			break;
		}
		pc++;
	}
	return st[0];
}

double
hl__expr_eval(const hl__expr *x, const double *slots)
{
	int met = 0;

	if (x != NULL && x->fast != NULL)
		return eval_fast(x, slots, 0, &met);
	return eval(x, slots, 0);
}

double
hl__expr_eval_open(const hl__expr *x, const double *slots)
{
	int met = 0;

	if (x != NULL && x->fast != NULL)
		return eval_fast(x, slots, 1, &met);
	return eval(x, slots, 1);
}

/*
 * Both at once: the open reading differs only where a known() met an
 * unknown value, so the second run happens only then.
 */
double
hl__expr_eval_both(const hl__expr *x, const double *slots, double *open)
{
	double v;
	int met = 0;

	if (x == NULL || x->fast == NULL) {
		v = eval(x, slots, 0);
		*open = x != NULL && x->uses_known ? eval(x, slots, 1) : v;
		return v;
	}
	v = eval_fast(x, slots, 0, &met);
	*open = met ? eval_fast(x, slots, 1, &met) : v;
	return v;
}

#ifdef HL_TESTING
double
hl__expr_eval_generic(const hl__expr *x, const double *slots, int open)
{
	return eval(x, slots, open);
}

size_t
hl__expr_nfused(const hl__expr *x)
{
	size_t pc = 0, n = 0;

	if (x == NULL || x->fast == NULL)
		return 0;
	while (pc < x->nfast) {
		switch (INS_OP(x->fast[pc])) {
		case FOP_LCMP: n++; pc += 3; break;
		case FOP_JF: case FOP_JT: pc += 2; break;
		default: pc++; break;
		}
	}
	return n;
}
#endif

int
hl__expr_uses_known(const hl__expr *x)
{
	return x != NULL && x->uses_known;
}

size_t
hl__expr_nrefs(const hl__expr *x)
{
	return x != NULL ? x->nrefs : 0;
}

const uint32_t *
hl__expr_refs(const hl__expr *x)
{
	return x != NULL ? x->refs : NULL;
}
