/* SPDX-License-Identifier: MIT */
/* exprcode.h - the compiled form of a condition: made by expr.c, run by eval.c. */

#ifndef HL_EXPRCODE_H
#define HL_EXPRCODE_H

#include <stddef.h>
#include <stdint.h>

#include "expr.h"

/*
 * Evaluation stack size; compile refuses code that needs more.  A level
 * of nesting holds at most five pending operands (of or, and, a
 * comparison, + and *), so a condition within HL__EXPR_MAX_DEPTH always
 * fits: the check in hl__expr_compile() is a guard only.
 */
#define STACK_MAX	(6 * (HL__EXPR_MAX_DEPTH + 1))

/* An instruction: opcode in the low 8 bits, argument in the upper 24. */
#define INS(op, arg)	((uint32_t)(op) | (uint32_t)(arg) << 8)
#define INS_OP(i)	((i) & 0xffu)
#define INS_ARG(i)	((i) >> 8)
#define ARG_MAX		0xffffffu

enum op {
	OP_LOAD,		/* push slots[arg] */
	OP_CONST,		/* push k[arg] */
	OP_NEG, OP_NOT, OP_KNOWN,			/* unary */
	OP_ADD, OP_SUB, OP_MUL, OP_DIV,			/* binary */
	OP_LT, OP_LE, OP_GT, OP_GE, OP_EQ, OP_NE,
	OP_AND, OP_OR
};

/*
 * The code hl__expr_eval() runs, made from `code` at load (fast_build):
 * the same postfix program, except that
 *   - `slot cmp constant` (either way round) is one instruction FOP_LCMP,
 *     three words: FOP_LCMP | cmp << 8, slot, constant index;
 *   - the left operand of `and` / `or` is followed by FOP_JF / FOP_JT,
 *     two words: op, target: when that operand alone decides (false for
 *     and, true for or), the right operand and the operator are skipped;
 *   - every other instruction is as in `code`.
 * Kleene logic and unknowns come out as the generic evaluator's (tests
 * compare the two, check_expr.c).
 */
enum fop {
	FOP_LCMP = OP_OR + 1,
	FOP_JF,
	FOP_JT
};

/*
 * The code hl__expr_states() runs (lane_build): both readings of a yes/no
 * condition at once.  A yes/no value is a lane code of four bits: bit 0
 * "may be true" and bit 1 "may be false" of the plain reading, bits 2 and
 * 3 the same of the open one (hl__expr_eval_open); true is 01, false 10,
 * unknown 11 in each lane, so that `and`, `or` and `not` are bitwise.
 * Numbers live on a second stack.  One word per instruction, the
 * comparisons and the jumps take two:
 *   LOP_LT ... LOP_NE | slot << 8, constant index
 *                                              slot cmp a known constant
 *   LOP_BOOL | slot << 8                       a yes/no slot
 *   LOP_KNOWNS | slot << 8                     known(slot)
 *   LOP_CODE | code << 8                       a constant lane code
 *   LOP_NOT, LOP_AND, LOP_OR, LOP_KNOWN        on lane codes
 *   LOP_JF / LOP_JT, target                    skip the right operand when
 *                                              the left one decides in
 *                                              both lanes
 *   LOP_NLOAD | slot << 8, LOP_NCONST | k << 8, LOP_NNEG, LOP_NBIN | op << 8
 *                                              numbers
 *   LOP_NCMP | cmp << 8                        two numbers to a lane code
 *   LOP_NKNOWN                                 known(number)
 * A condition that compares computed yes/no values as numbers has none
 * (lane is NULL) and runs the fast code twice instead.
 */
enum lop {
	LOP_LT, LOP_LE, LOP_GT, LOP_GE, LOP_EQ, LOP_NE,	/* as OP_LT ... */
	LOP_BOOL, LOP_KNOWNS, LOP_CODE, LOP_NOT, LOP_AND, LOP_OR,
	LOP_KNOWN, LOP_JF, LOP_JT, LOP_NLOAD, LOP_NCONST, LOP_NNEG, LOP_NBIN,
	LOP_NCMP, LOP_NKNOWN,
	LOP_END			/* after the last instruction (not in nlane) */
};

struct hl__expr {
	const double	*k;
	const uint32_t	*code;
	const uint32_t	*refs;
	uint32_t	*fast;		/* see enum fop; NULL: run `code` */
	uint32_t	*lane;		/* see enum lop; NULL: none */
	size_t		 nk, ncode, nrefs, nfast, nlane;
	size_t		 maxstack;
	int		 type;
	int		 uses_known;	/* has a known(): see hl__expr_eval_open */
};

/*
 * Build x->fast and x->lane from x->code (see enum fop, enum lop); 0, or
 * -1 out of memory.
 */
int hl__expr_fast_build(hl__expr *x);

#endif /* HL_EXPRCODE_H */
