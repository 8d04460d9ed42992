/* SPDX-License-Identifier: MIT */
/* fuzz_expr.c - libFuzzer target: any bytes as a condition, a template, a number. */

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "expr.h"
#include "heavylegs.h"
#include "rules.h"
#include "strconv.h"
#include "vocab.h"

#define NRULES	4
#define NSLOTS	(HL__RULE_BASE + NRULES + 1)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
resolve(void *ctx, const char *id, size_t len)
{
	static const char *const ids[NRULES] = {
		"rf_a", "rf_b", "cause_c", "cause_d"
	};
	int i;

	(void)ctx;
	for (i = 0; i < NRULES; i++)
		if (strlen(ids[i]) == len && memcmp(ids[i], id, len) == 0)
			return i;
	return -1;
}

/*
 * Value vectors: all unknown, and mixes of the values rules meet, each of
 * the kind its slot holds (yes/no 0/1/NaN, enum codes in range), as after
 * validation.
 */
static void
fill(double *v, int which)
{
	static const double mix[] = {
		NAN, 0, 1, 2.5, -3, 1e300, 0.5, 27, -0.0, 1e-300, NAN, 1
	};
	static const double tri[] = { NAN, 0, 1 };
	size_t i, k;
	int in, kind;

	for (i = 0; i < NSLOTS; i++) {
		k = i * (size_t)which + i / 7;
		if (which == 0) {
			v[i] = NAN;
			continue;
		}
		kind = HL_KIND_NUMBER;
		if (i < HL__NINPUT_SLOTS) {
			in = hl__input_of_slot(i);
			if (in >= 0)
				kind = hl__input_defs[in].kind;
			if (kind == HL_KIND_ENUM) {
				v[i] = k % 4 == 0 ? NAN :
				    (double)(k % (size_t)
				    hl__input_defs[in].enum_count);
				continue;
			}
		} else if (i < HL__RULE_BASE)
			kind = hl__metric_defs[i - HL__METRIC_BASE].kind;
		else if (i < HL__RULE_BASE + NRULES)
			kind = HL_KIND_TRI;
		v[i] = kind == HL_KIND_TRI ? tri[k % 3] :
		    mix[k % (sizeof mix / sizeof mix[0])];
	}
}

static void
check_expr(const char *s, size_t size, const struct hl__expr_env *env,
    int want)
{
	struct hl__expr_error e;
	const uint32_t *refs;
	double v[NSLOTS], r;
	hl__expr *x;
	size_t i, n;
	int w;

	if (hl__expr_compile(s, size, env, want, &x, &e) != HL_OK) {
		if (x != NULL || e.offset > size ||
		    memchr(e.name, '\0', sizeof e.name) == NULL ||
		    memchr(e.message, '\0', sizeof e.message) == NULL ||
		    e.message[0] == '\0' ||
		    (e.code != HL_ESYNTAX && e.code != HL_ESCHEMA))
			abort();
		return;
	}
	n = hl__expr_nrefs(x);
	refs = hl__expr_refs(x);
	for (i = 0; i < n; i++)
		if (refs[i] >= NSLOTS || (i > 0 && refs[i] <= refs[i - 1]))
			abort();
	for (w = 0; w < 4; w++) {
		fill(v, w);
		r = hl__expr_eval(x, v);
		if (want == HL__T_BOOL && !isnan(r) && r != 0 && r != 1)
			abort();
		if (isinf(r))
			abort();
	}
	hl__expr_free(x);
}

static void
check_text(const char *s, size_t size)
{
	struct hl__expr_error e;
	struct hl__text t;
	double v[NSLOTS];
	char big[4096], small[7];
	size_t n, m;

	if (hl__text_compile(&t, s, size, &e) != HL_OK) {
		if (t.src != NULL || t.seg != NULL || e.offset > size)
			abort();
		return;
	}
	fill(v, 3);
	n = hl__text_render(&t, v, big, sizeof big);
	m = hl__text_render(&t, v, small, sizeof small);
	if (n != m || memcmp(small, big, n < sizeof small ? n :
	    sizeof small - 1) != 0)
		abort();
	if (hl__text_render(&t, v, NULL, 0) != n)
		abort();
	hl__text_free(&t);
}

static void
check_number(const char *s, size_t size)
{
	char buf[64];
	double v, back;
	size_t used;
	int n;

	if (hl__strtod(s, size, &v, &used) != 0)
		return;
	if (used == 0 || used > size || !isfinite(v))
		abort();
	n = hl__fmt_double(buf, sizeof buf, v, -1);
	if (n <= 0 || n >= (int)sizeof buf ||
	    hl__parse_double(buf, (size_t)n, &back) != 0 || back != v)
		abort();
	(void)hl__fmt_double(buf, sizeof buf, v, (int)(size % 10));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct hl__expr_env strategy = {
		resolve, NULL, NRULES, 1, NULL
	};
	static const struct hl__expr_env flag = { NULL, NULL, NRULES, 0, NULL };
	const char *s = (const char *)data;

	check_expr(s, size, &strategy, HL__T_BOOL);
	check_expr(s, size, &flag, HL__T_BOOL);
	check_expr(s, size, &strategy, HL__T_NUM);
	check_text(s, size);
	check_number(s, size);
	return 0;
}
