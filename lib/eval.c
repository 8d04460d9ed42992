/* SPDX-License-Identifier: MIT */
/* eval.c - conditions: the fast program built at load, and the evaluators. */

#include <math.h>
#include <stddef.h>
#include <stdint.h>

#include "alloc.h"
#include "heavylegs.h"
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

/* Lane codes (see enum lop). */
#define L_T	0x5u		/* true in both readings */
#define L_F	0xau		/* false in both */
#define L_U	0xfu		/* unknown in both */
#define L_CT	0x5u		/* the "may be true" bits */
#define L_CF	0xau		/* the "may be false" bits */

/* Whether instruction i yields yes/no whatever its operands' types. */
static int
is_bool_op(uint32_t op)
{
	return op == OP_NOT || op == OP_KNOWN || is_cmp_op(op) ||
	    op == OP_AND || op == OP_OR;
}

struct lane_out {
	uint32_t *w;
	size_t	 n, cap;
	int	 fail;		/* not expressible: no lane code */
};

static void
lane_put(struct lane_out *o, uint32_t w)
{
	if (o->n < o->cap)
		o->w[o->n] = w;
	else
		o->fail = 1;
	o->n++;
}

static void lane_num(const hl__expr *, const struct fnode *, size_t,
    struct lane_out *);

/* The lane code of a constant read as yes/no. */
static uint32_t
lane_of_value(double v)
{
	return isnan(v) ? L_U : v != 0 ? L_T : L_F;
}

/* Emit the subtree at i as a yes/no lane code. */
static void
lane_bool(const hl__expr *x, const struct fnode *t, size_t i,
    struct lane_out *o)
{
	const uint32_t *code = x->code;
	uint32_t op = INS_OP(code[i]);
	size_t l = t[i].l, r = t[i].r, jump;

	switch (op) {
	case OP_LOAD:
		lane_put(o, LOP_BOOL | INS_ARG(code[i]) << 8);
		return;
	case OP_CONST:
		lane_put(o, LOP_CODE | lane_of_value(x->k[INS_ARG(code[i])]) <<
		    8);
		return;
	case OP_NOT:
		lane_bool(x, t, l, o);
		lane_put(o, LOP_NOT);
		return;
	case OP_AND:
	case OP_OR:
		lane_bool(x, t, l, o);
		lane_put(o, op == OP_AND ? LOP_JF : LOP_JT);
		jump = o->n;
		lane_put(o, 0);
		lane_bool(x, t, r, o);
		lane_put(o, op == OP_AND ? LOP_AND : LOP_OR);
		if (jump < o->cap)
			o->w[jump] = (uint32_t)o->n;
		return;
	case OP_KNOWN:
		if (INS_OP(code[l]) == OP_LOAD)
			lane_put(o, LOP_KNOWNS | INS_ARG(code[l]) << 8);
		else if (INS_OP(code[l]) == OP_CONST)
			lane_put(o, LOP_CODE | (isnan(x->k[INS_ARG(code[l])]) ?
			    L_F | 0x3u << 2 : L_T) << 8);
		else if (is_bool_op(INS_OP(code[l]))) {
			lane_bool(x, t, l, o);
			lane_put(o, LOP_KNOWN);
		} else {
			lane_num(x, t, l, o);
			lane_put(o, LOP_NKNOWN);
		}
		return;
	default:
		break;
	}
	if (!is_cmp_op(op)) {
		o->fail = 1;	/* arithmetic: not yes/no */
		return;
	}
	/* slot cmp constant, the constant known */
	if (INS_OP(code[l]) == OP_LOAD && INS_OP(code[r]) == OP_CONST &&
	    !isnan(x->k[INS_ARG(code[r])])) {
		lane_put(o, (LOP_LT + op - OP_LT) | INS_ARG(code[l]) << 8);
		lane_put(o, INS_ARG(code[r]));
		return;
	}
	if (INS_OP(code[l]) == OP_CONST && INS_OP(code[r]) == OP_LOAD &&
	    !isnan(x->k[INS_ARG(code[l])])) {
		lane_put(o, (LOP_LT + cmp_swapped(op) - OP_LT) |
		    INS_ARG(code[r]) << 8);
		lane_put(o, INS_ARG(code[l]));
		return;
	}
	lane_num(x, t, l, o);
	lane_num(x, t, r, o);
	lane_put(o, LOP_NCMP | op << 8);
}

/*
 * Emit the subtree at i as a number.  A computed yes/no read as a number
 * may differ between the readings: not expressible.
 */
static void
lane_num(const hl__expr *x, const struct fnode *t, size_t i,
    struct lane_out *o)
{
	uint32_t op = INS_OP(x->code[i]);

	switch (op) {
	case OP_LOAD:
		lane_put(o, LOP_NLOAD | INS_ARG(x->code[i]) << 8);
		return;
	case OP_CONST:
		lane_put(o, LOP_NCONST | INS_ARG(x->code[i]) << 8);
		return;
	case OP_NEG:
		lane_num(x, t, t[i].l, o);
		lane_put(o, LOP_NNEG);
		return;
	case OP_ADD: case OP_SUB: case OP_MUL: case OP_DIV:
		lane_num(x, t, t[i].l, o);
		lane_num(x, t, t[i].r, o);
		lane_put(o, LOP_NBIN | op << 8);
		return;
	default:
		o->fail = 1;
		return;
	}
}

/*
 * Build x->fast from x->code.  Never longer than twice the code: a fused
 * compare replaces three instructions by three words, a jump adds two
 * words per and/or, itself one instruction with two operands.  The lane
 * code is no longer either, for the same reasons.
 */
int
hl__expr_fast_build(hl__expr *x)
{
	struct fnode *t;
	struct lane_out lo;
	size_t *st, sp = 0, i, n = 0;
	uint32_t op, *out;

	if (x->ncode == 0)
		return 0;
	t = hl__malloc(x->ncode * sizeof *t);
	st = hl__malloc(x->ncode * sizeof *st);
	out = hl__malloc(3 * x->ncode * sizeof *out);
	lo.w = hl__malloc((3 * x->ncode + 1) * sizeof *lo.w);
	if (t == NULL || st == NULL || out == NULL || lo.w == NULL) {
		hl__free(t);
		hl__free(st);
		hl__free(out);
		hl__free(lo.w);
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
	lo.n = 0;
	lo.cap = 3 * x->ncode;
	lo.fail = 0;
	if (x->type == HL__T_BOOL)
		lane_bool(x, t, st[0], &lo);
	else
		lo.fail = 1;
	/* the end, not counted in nlane (room for it: cap + 1 words) */
	if (!lo.fail)
		lo.w[lo.n] = LOP_END;
	hl__free(t);
	hl__free(st);
	x->fast = out;
	x->nfast = n;
	if (lo.fail) {
		hl__free(lo.w);
		x->lane = NULL;
		x->nlane = 0;
	} else {
		x->lane = lo.w;
		x->nlane = lo.n;
	}
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


/* known() of a lane code, lane by lane: plain unknown is false, open stays. */
static const unsigned char lane_known[16] = {
	/* plain lane: 01, 10 -> 01 (true); 11 -> 10 (false) */
	/* open lane:  01, 10 -> 01; 11 -> 11 */
	[0x5] = 0x5, [0x6] = 0x5, [0x7] = 0x6,
	[0x9] = 0x5, [0xa] = 0x5, [0xb] = 0x6,
	[0xd] = 0xd, [0xe] = 0xd, [0xf] = 0xe,
};

/* HL_STATE_* of a lane's two bits. */
static const signed char lane_state[4] = {
	HL_STATE_UNKNOWN, HL_STATE_FIRED, HL_STATE_NOT_FIRED, HL_STATE_UNKNOWN
};

/* The lane code of slot value v read as yes/no. */
#define LANE_OF(v)	(isnan(v) ? L_U : (v) != 0 ? L_T : L_F)
/* The lane code of `a cmp b`. */
#define LANE_CMP(op, a, b)	(isnan(a) || isnan(b) ? L_U : \
	CMP(op, a, b) ? L_T : L_F)

/* The lane code of `a cmp v`, v known. */
#define LANE_CMPK(a, cmp, v)	(isnan(a) ? L_U : (a) cmp (v) ? L_T : L_F)

/* The lane code of comparison instruction c[0], c[1] (LOP_LT ... LOP_NE). */
static unsigned
lane_cmp(const uint32_t *c, const double *k, const double *slots)
{
	double a = slots[INS_ARG(c[0])], v = k[c[1]];

	switch (INS_OP(c[0])) {
	case LOP_LT: return LANE_CMPK(a, <, v);
	case LOP_LE: return LANE_CMPK(a, <=, v);
	case LOP_GT: return LANE_CMPK(a, >, v);
	case LOP_GE: return LANE_CMPK(a, >=, v);
	case LOP_EQ: return LANE_CMPK(a, ==, v);
	default: return LANE_CMPK(a, !=, v);
	}
}

/*
 * The evaluator's dispatch: gcc and clang jump from each instruction
 * straight to the next one's code (labels as values); other compilers
 * (and -DHL_NO_THREADED, for testing) run the same bodies as the cases
 * of a switch in a loop.
 */
#if defined(__GNUC__) && !defined(HL_NO_THREADED)
#define L_CASE(op)	lab_##op:
#define L_NEXT()	goto *jt[INS_OP(ins = c[pc])]
#define L_BEGIN()	L_NEXT();
#define L_FINISH()
#else
#define L_CASE(op)	case op:
#define L_NEXT()	continue
#define L_BEGIN()	for (;;) { ins = c[pc]; switch (INS_OP(ins)) {
#define L_FINISH()	default: return L_U; } }
#endif

/*
 * Run the lane code of x (see enum lop), which ends with LOP_END: its
 * final lane code.
 */
static unsigned
eval_lane(const hl__expr *x, const double *slots)
{
#if defined(__GNUC__) && !defined(HL_NO_THREADED)
	static const void *const jt[LOP_END + 1] = {
		[LOP_LT] = &&lab_LOP_LT, [LOP_LE] = &&lab_LOP_LE,
		[LOP_GT] = &&lab_LOP_GT, [LOP_GE] = &&lab_LOP_GE,
		[LOP_EQ] = &&lab_LOP_EQ, [LOP_NE] = &&lab_LOP_NE,
		[LOP_BOOL] = &&lab_LOP_BOOL, [LOP_KNOWNS] = &&lab_LOP_KNOWNS,
		[LOP_CODE] = &&lab_LOP_CODE, [LOP_NOT] = &&lab_LOP_NOT,
		[LOP_AND] = &&lab_LOP_AND, [LOP_OR] = &&lab_LOP_OR,
		[LOP_KNOWN] = &&lab_LOP_KNOWN, [LOP_JF] = &&lab_LOP_JF,
		[LOP_JT] = &&lab_LOP_JT, [LOP_NLOAD] = &&lab_LOP_NLOAD,
		[LOP_NCONST] = &&lab_LOP_NCONST, [LOP_NNEG] = &&lab_LOP_NNEG,
		[LOP_NBIN] = &&lab_LOP_NBIN, [LOP_NCMP] = &&lab_LOP_NCMP,
		[LOP_NKNOWN] = &&lab_LOP_NKNOWN, [LOP_END] = &&lab_LOP_END,
	};
#endif
	const uint32_t *c = x->lane;
	const double *k = x->k;
	unsigned char b[STACK_MAX];
	double num[STACK_MAX], a;
	size_t pc = 0, sp = 0, np = 0;
	unsigned l, r;
	uint32_t ins;

	L_BEGIN()
	L_CASE(LOP_LT)
		a = slots[INS_ARG(ins)];
		b[sp++] = (unsigned char)LANE_CMPK(a, <, k[c[pc + 1]]);
		pc += 2;
		L_NEXT();
	L_CASE(LOP_LE)
		a = slots[INS_ARG(ins)];
		b[sp++] = (unsigned char)LANE_CMPK(a, <=, k[c[pc + 1]]);
		pc += 2;
		L_NEXT();
	L_CASE(LOP_GT)
		a = slots[INS_ARG(ins)];
		b[sp++] = (unsigned char)LANE_CMPK(a, >, k[c[pc + 1]]);
		pc += 2;
		L_NEXT();
	L_CASE(LOP_GE)
		a = slots[INS_ARG(ins)];
		b[sp++] = (unsigned char)LANE_CMPK(a, >=, k[c[pc + 1]]);
		pc += 2;
		L_NEXT();
	L_CASE(LOP_EQ)
		a = slots[INS_ARG(ins)];
		b[sp++] = (unsigned char)LANE_CMPK(a, ==, k[c[pc + 1]]);
		pc += 2;
		L_NEXT();
	L_CASE(LOP_NE)
		a = slots[INS_ARG(ins)];
		b[sp++] = (unsigned char)LANE_CMPK(a, !=, k[c[pc + 1]]);
		pc += 2;
		L_NEXT();
	L_CASE(LOP_BOOL)
		a = slots[INS_ARG(ins)];
		b[sp++] = (unsigned char)LANE_OF(a);
		pc++;
		L_NEXT();
	L_CASE(LOP_KNOWNS)
		a = slots[INS_ARG(ins)];
		b[sp++] = isnan(a) ? L_F | 0x3u << 2 : L_T;
		pc++;
		L_NEXT();
	L_CASE(LOP_CODE)
		b[sp++] = (unsigned char)INS_ARG(ins);
		pc++;
		L_NEXT();
	L_CASE(LOP_NOT)
		l = b[sp - 1];
		b[sp - 1] = (unsigned char)((l & L_CT) << 1 | (l >> 1 & L_CT));
		pc++;
		L_NEXT();
	L_CASE(LOP_AND)
		sp--;
		l = b[sp - 1], r = b[sp];
		b[sp - 1] = (unsigned char)((l & r & L_CT) | ((l | r) & L_CF));
		pc++;
		L_NEXT();
	L_CASE(LOP_OR)
		sp--;
		l = b[sp - 1], r = b[sp];
		b[sp - 1] = (unsigned char)(((l | r) & L_CT) | (l & r & L_CF));
		pc++;
		L_NEXT();
	L_CASE(LOP_KNOWN)
		b[sp - 1] = lane_known[b[sp - 1] & 0xf];
		pc++;
		L_NEXT();
	L_CASE(LOP_JF)
		pc = b[sp - 1] == L_F ? c[pc + 1] : pc + 2;
		L_NEXT();
	L_CASE(LOP_JT)
		pc = b[sp - 1] == L_T ? c[pc + 1] : pc + 2;
		L_NEXT();
	L_CASE(LOP_NLOAD)
		num[np++] = slots[INS_ARG(ins)];
		pc++;
		L_NEXT();
	L_CASE(LOP_NCONST)
		num[np++] = k[INS_ARG(ins)];
		pc++;
		L_NEXT();
	L_CASE(LOP_NNEG)
		num[np - 1] = -num[np - 1];
		pc++;
		L_NEXT();
	L_CASE(LOP_NBIN)
		np--;
		num[np - 1] = binary((int)INS_ARG(ins), num[np - 1], num[np]);
		pc++;
		L_NEXT();
	L_CASE(LOP_NCMP)
		np -= 2;
		b[sp++] = (unsigned char)LANE_CMP(INS_ARG(ins), num[np],
		    num[np + 1]);
		pc++;
		L_NEXT();
	L_CASE(LOP_NKNOWN)
		np--;
		b[sp++] = isnan(num[np]) ? L_F | 0x3u << 2 : L_T;
		pc++;
		L_NEXT();
	L_CASE(LOP_END)
		return b[0];
	L_FINISH()
}

#undef L_CASE
#undef L_NEXT
#undef L_BEGIN
#undef L_FINISH

unsigned
hl__expr_lanes(const hl__expr *x, const double *slots)
{
	double v, o;

	const uint32_t *c;

	if (x == NULL)
		return L_T;
	if ((c = x->lane) != NULL) {
		/* one comparison or one yes/no slot, without the loop */
		if (x->nlane == 2 && INS_OP(c[0]) <= LOP_NE)
			return lane_cmp(c, x->k, slots);
		if (x->nlane == 1 && INS_OP(c[0]) == LOP_BOOL) {
			v = slots[INS_ARG(c[0])];
			return LANE_OF(v);
		}
		return eval_lane(x, slots);
	}
	v = hl__expr_eval_both(x, slots, &o);
	return ((unsigned)LANE_OF(v) & 0x3u) |
	    ((unsigned)LANE_OF(o) & 0x3u) << 2;
}

int
hl__expr_states(const hl__expr *x, const double *slots, int *open)
{
	unsigned code = hl__expr_lanes(x, slots);

	*open = lane_state[code >> 2 & 3];
	return lane_state[code & 3];
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
