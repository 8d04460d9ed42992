/* SPDX-License-Identifier: MIT */
/*
 * handwritten.h - the default rulebase written by hand in C, for the
 * benchmark's comparison (tests/bench/heavylegs-frozen.yaml is the copy of
 * the rulebase it mirrors).
 */
#ifndef HL_BENCH_HANDWRITTEN_H
#define HL_BENCH_HANDWRITTEN_H

#include <stdio.h>

#include "heavylegs.h"

typedef struct hl_hw_result hl_hw_result;

/* Whether the hand-written version is complete; else hw_missing() says why. */
int hw_available(void);
const char *hw_missing(void);
/* What hw_equal() compares, comma-separated; hw_missing() then says what
 * it does not. */
const char *hw_compares(void);

hl_hw_result *hw_result_new(void);
void hw_result_free(hl_hw_result *res);
/* Assess `in` (valid) into res. */
void hw_assess(const hl_inputs *in, hl_hw_result *res);
/* Whether res equals the report r in every result; else describe the
 * first difference on fp, naming runner `id`. */
int hw_equal(const hl_hw_result *res, const hl_report *r, FILE *fp,
    size_t id);

#endif
