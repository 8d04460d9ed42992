/* SPDX-License-Identifier: MIT */
/*
 * check_batch.c - hl_assess_batch() and hl_rulebase_rule_id(): a batch
 * gives what the same runners give one by one; bad rows are refused alone,
 * naming the field; strides, sizes, NULLs and allocation failures.
 */
#include <check.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "heavylegs.h"

/* The test allocator of lib/alloc.c (built with -DHL_TESTING). */
void hl__alloc_fail_after(long n);
long hl__alloc_count(void);

#define NRUNNERS	400

static hl_rulebase *rb;

static void
setup(void)
{
	hl_error err;

	memset(&err, 0, sizeof err);
	ck_assert_msg(hl_rulebase_load_default(&rb, &err) == HL_OK, "%s",
	    err.message);
}

static void
teardown(void)
{
	hl__alloc_fail_after(-1);
	hl_rulebase_free(rb);
	rb = NULL;
}

/* xorshift64*: the same runners everywhere. */
static uint64_t rng_state;

static uint64_t
rng_next(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 2685821657736338717ULL;
}

static double
uniform(double lo, double hi)
{
	return lo + (hi - lo) *
	    ((double)(rng_next() >> 11) / 9007199254740992.0);
}

/* Runner k, valid: a random share of the vocabulary, plausible values. */
static void
runner(hl_inputs *in, int k)
{
	hl_input_info info;
	hl_error p;
	size_t i, day, n = hl_input_count();
	double share, lo, hi, v;

	rng_state = 0x9e3779b97f4a7c15ULL ^ (uint64_t)(k + 1) *
	    0x100000001b3ULL;
	(void)rng_next();
	share = uniform(0.05, 0.95);
	hl_inputs_init(in, sizeof *in);
	for (i = 0; i < n; i++) {
		memset(&info, 0, sizeof info);
		info.size = sizeof info;
		ck_assert_int_eq(hl_input_describe(i, &info), HL_OK);
		for (day = 0; day < (size_t)info.length; day++) {
			if (uniform(0, 1) > share)
				continue;
			if (info.kind == HL_KIND_TRI)
				v = uniform(0, 1) < 0.25 ? HL_YES : HL_NO;
			else if (info.kind == HL_KIND_ENUM)
				v = (double)(rng_next() %
				    (uint64_t)info.enum_count);
			else {
				lo = !isnan(info.plausible_min) ?
				    info.plausible_min : info.min;
				hi = !isnan(info.plausible_max) ?
				    info.plausible_max : info.max;
				if (isnan(lo))
					lo = 0;
				if (isnan(hi))
					hi = lo + 100;
				v = uniform(lo, hi);
				if (info.kind == HL_KIND_COUNT)
					v = floor(v);
			}
			memcpy((char *)in + info.offset + 8 * day, &v,
			    sizeof v);
		}
	}
	/* Whatever a cross-field rule refuses becomes unknown again. */
	memset(&p, 0, sizeof p);
	while (hl_inputs_problem_count(in) > 0) {
		ck_assert_int_eq(hl_inputs_problem(in, 0, &p), HL_OK);
		ck_assert_int_eq(hl_inputs_set(in, p.name, NAN, NULL), HL_OK);
	}
}

static int
same_double(double a, double b)
{
	return (isnan(a) && isnan(b)) || a == b;
}

/* The summary equals what hl_assess() reports for the same runner. */
static void
check_summary(const hl_summary *s, const hl_inputs *in, int k)
{
	hl_report *rep = NULL;
	hl_error err;
	size_t i, top = 0;
	int flags = 0, rc;

	memset(&err, 0, sizeof err);
	rc = hl_assess(rb, in, &rep, &err);
	ck_assert_int_eq(s->size, sizeof(hl_summary));
	ck_assert_msg(s->status == rc, "runner %d: status %d, alone %d", k,
	    s->status, rc);
	if (rc != HL_OK) {
		/* a struct size hl_assess() refuses is named "size" */
		ck_assert_str_eq(s->field, rc == HL_EINVAL && !err.name[0] ?
		    "size" : err.name);
		ck_assert_int_eq(s->cause_count, 0);
		ck_assert_int_eq(s->top_cause[0], -1);
		hl_report_free(rep);
		return;
	}
	ck_assert_str_eq(s->field, "");
	ck_assert_int_eq(s->triage, hl_report_triage(rep));
	ck_assert_int_eq(s->triage_high, hl_report_triage_high(rep));
	ck_assert_int_eq(s->screen_complete, hl_report_screen_complete(rep));
	ck_assert_int_eq(s->suppress_training_advice,
	    hl_report_suppress_training_advice(rep));
	ck_assert(same_double(s->confidence, hl_report_confidence(rep)));
	ck_assert_int_eq(s->finding_count, (int)hl_report_count(rep));
	for (i = 0; i < hl_report_count(rep); i++) {
		const hl_finding *f = hl_report_finding(rep, i);

		if (hl_finding_kind(f) == HL_FINDING_RED_FLAG)
			flags++;
		if (hl_finding_kind(f) != HL_FINDING_CAUSE ||
		    top >= HL_SUMMARY_TOP)
			continue;
		ck_assert_int_ge(s->top_cause[top], 0);
		ck_assert_str_eq(hl_rulebase_rule_id(rb, HL_FINDING_CAUSE,
		    (size_t)s->top_cause[top]), hl_finding_id(f));
		ck_assert(s->top_score[top] == hl_finding_score(f));
		ck_assert(s->top_score_low[top] == hl_finding_score_low(f));
		ck_assert(s->top_score_high[top] == hl_finding_score_high(f));
		ck_assert(s->top_score_low[top] <= s->top_score[top]);
		ck_assert(s->top_score[top] <= s->top_score_high[top]);
		top++;
	}
	ck_assert_int_eq(s->cause_count, (int)top);
	for (; top < HL_SUMMARY_TOP; top++) {
		ck_assert_int_eq(s->top_cause[top], -1);
		ck_assert(isnan(s->top_score[top]));
	}
	ck_assert_int_eq(s->red_flag_count, flags);
	hl_report_free(rep);
}

static int
batch(const void *in, size_t stride, size_t n, hl_summary *out,
    size_t summary_size, hl_error *err)
{
	return hl_assess_batch(rb, (const hl_inputs *)in, stride, n, out,
	    summary_size, err);
}

START_TEST(summary_layout_is_pinned)
{
	ck_assert_uint_eq(sizeof(hl_summary), HL_SUMMARY_SIZE_V1_1);
	ck_assert_uint_eq(offsetof(hl_summary, status), 4);
	ck_assert_uint_eq(offsetof(hl_summary, confidence), 24);
	ck_assert_uint_eq(offsetof(hl_summary, cause_count), 32);
	ck_assert_uint_eq(offsetof(hl_summary, top_cause), 40);
	ck_assert_uint_eq(offsetof(hl_summary, red_flag_count), 52);
	ck_assert_uint_eq(offsetof(hl_summary, top_score), 56);
	ck_assert_uint_eq(offsetof(hl_summary, top_score_low), 80);
	ck_assert_uint_eq(offsetof(hl_summary, top_score_high), 104);
	ck_assert_uint_eq(offsetof(hl_summary, field), 128);
}
END_TEST

START_TEST(batch_equals_one_by_one)
{
	hl_inputs *in = calloc(NRUNNERS, sizeof *in);
	hl_summary *out = calloc(NRUNNERS, sizeof *out);
	hl_error err;
	int k, busy = 0;

	ck_assert(in != NULL && out != NULL);
	for (k = 0; k < NRUNNERS; k++)
		runner(&in[k], k);
	memset(&err, 0, sizeof err);
	ck_assert_int_eq(batch(in, sizeof *in, NRUNNERS, out, sizeof *out,
	    &err), HL_OK);
	for (k = 0; k < NRUNNERS; k++) {
		check_summary(&out[k], &in[k], k);
		ck_assert_int_eq(out[k].status, HL_OK);
		busy += out[k].cause_count > 0 && out[k].top_score[0] > 0;
	}
	/* the runners are varied enough to score causes */
	ck_assert_int_gt(busy, NRUNNERS / 4);
	free(in);
	free(out);
}
END_TEST

START_TEST(bad_rows_are_refused_alone)
{
	hl_inputs in[6];
	hl_summary out[6];
	hl_error err;
	int k;

	for (k = 0; k < 6; k++)
		runner(&in[k], k + 1000);
	in[1].daily_sleep_h[3] = 30;			/* out of bounds */
	in[3].size = 12;				/* not a struct size */
	in[4].pre_run_body_mass_kg = 70;		/* cross-field */
	in[4].post_run_body_mass_kg = 60;
	memset(&err, 0, sizeof err);
	ck_assert_int_eq(batch(in, sizeof in[0], 6, out, sizeof out[0],
	    &err), HL_OK);
	ck_assert_int_eq(err.code, HL_OK);
	for (k = 0; k < 6; k++)
		check_summary(&out[k], &in[k], k);
	ck_assert_int_eq(out[1].status, HL_EINPUT);
	ck_assert_str_eq(out[1].field, "daily_sleep_h[3]");
	ck_assert_int_eq(out[3].status, HL_EINVAL);
	ck_assert_str_eq(out[3].field, "size");
	ck_assert_int_eq(out[4].status, HL_EINPUT);
	ck_assert(strstr(out[4].field, "body_mass_kg") != NULL);
	ck_assert_int_eq(out[0].status, HL_OK);
	ck_assert_int_eq(out[5].status, HL_OK);
}
END_TEST

/* Runners inside a caller's own records, and a 1.0 program's structs. */
struct record {
	hl_inputs in;
	char	 name[40];
	double	 extra;
};

START_TEST(strides)
{
	struct record rec[5];
	unsigned char *v10;
	hl_summary out[5];
	hl_inputs one;
	hl_error err;
	int k;

	for (k = 0; k < 5; k++) {
		runner(&rec[k].in, k + 2000);
		memset(rec[k].name, 'x', sizeof rec[k].name);
	}
	memset(&err, 0, sizeof err);
	ck_assert_int_eq(batch(rec, sizeof rec[0], 5, out, sizeof out[0],
	    &err), HL_OK);
	for (k = 0; k < 5; k++)
		check_summary(&out[k], &rec[k].in, k);

	/* 1.0 structs, packed at their own size */
	v10 = malloc(5 * HL_INPUTS_SIZE_V1);
	ck_assert(v10 != NULL);
	for (k = 0; k < 5; k++) {
		runner(&one, k + 3000);
		hl_inputs_init(&one, sizeof one);
		one.daily_distance_km[0] = 5 + k;
		one.calf_swelling_one_side = k % 2 ? HL_YES : HL_NO;
		one.size = HL_INPUTS_SIZE_V1;
		memcpy(v10 + (size_t)k * HL_INPUTS_SIZE_V1, &one,
		    HL_INPUTS_SIZE_V1);
	}
	ck_assert_int_eq(batch(v10, HL_INPUTS_SIZE_V1, 5, out, sizeof out[0],
	    &err), HL_OK);
	for (k = 0; k < 5; k++) {
		memcpy(&one, v10 + (size_t)k * HL_INPUTS_SIZE_V1,
		    HL_INPUTS_SIZE_V1);
		ck_assert_int_eq(out[k].status, HL_OK);
		check_summary(&out[k], &one, k);
	}
	/* a struct that claims more than the stride is refused, alone */
	((hl_inputs *)(void *)v10)->size = HL_INPUTS_SIZE_V1_1;
	ck_assert_int_eq(batch(v10, HL_INPUTS_SIZE_V1, 5, out, sizeof out[0],
	    &err), HL_OK);
	ck_assert_int_eq(out[0].status, HL_EINVAL);
	ck_assert_str_eq(out[0].field, "size");
	ck_assert_int_eq(out[1].status, HL_OK);
	free(v10);
}
END_TEST

START_TEST(arguments)
{
	hl_inputs in[2];
	hl_summary out[2];
	hl_error err;

	runner(&in[0], 1);
	runner(&in[1], 2);
	memset(&err, 0, sizeof err);
	/* nothing to do is fine, even with NULL arrays */
	ck_assert_int_eq(batch(NULL, 0, 0, NULL, 0, &err), HL_OK);
	ck_assert_int_eq(batch(in, sizeof in[0], 0, out, sizeof out[0],
	    NULL), HL_OK);
	ck_assert_int_eq(hl_assess_batch(NULL, in, sizeof in[0], 2, out,
	    sizeof out[0], &err), HL_EINVAL);
	ck_assert_str_eq(err.name, "rb");
	ck_assert_int_eq(batch(NULL, sizeof in[0], 2, out, sizeof out[0],
	    &err), HL_EINVAL);
	ck_assert_str_eq(err.name, "in");
	ck_assert_int_eq(batch(in, sizeof in[0], 2, NULL, sizeof out[0],
	    &err), HL_EINVAL);
	ck_assert_str_eq(err.name, "out");
	ck_assert_int_eq(batch(in, 4, 2, out, sizeof out[0], &err),
	    HL_EINVAL);
	ck_assert_str_eq(err.name, "in_stride");
	ck_assert_int_eq(batch(in, sizeof in[0] + 4, 2, out, sizeof out[0],
	    &err), HL_EINVAL);
	ck_assert_int_eq(batch(in, SIZE_MAX / 2 + 1 - (SIZE_MAX / 2 + 1) % 8,
	    2, out, sizeof out[0], &err), HL_EINVAL);
	ck_assert_str_eq(err.name, "in_stride");
	ck_assert_int_eq(batch(in, sizeof in[0], 2, NULL, 0, NULL),
	    HL_EINVAL);
	/* the batch size limit: one past it is refused before reading */
	ck_assert_int_eq(batch(in, 8, HL_BATCH_MAX + 1, out, sizeof out[0],
	    &err), HL_EINVAL);
	ck_assert_str_eq(err.name, "n");
	ck_assert(strstr(err.message, "1073741824") != NULL);
	ck_assert_int_eq(err.code, HL_EINVAL);
	/* an error is cleared by the next good call */
	ck_assert_int_eq(batch(in, sizeof in[0], 2, out, sizeof out[0],
	    &err), HL_OK);
	ck_assert_int_eq(err.code, HL_OK);
	ck_assert_str_eq(err.message, "");
}
END_TEST

START_TEST(summary_sizes)
{
	hl_inputs in[3];
	unsigned char big[3][sizeof(hl_summary) + 16];
	hl_summary out[3];
	hl_error err;
	size_t k, j;

	for (k = 0; k < 3; k++)
		runner(&in[k], (int)k + 40);
	memset(&err, 0, sizeof err);
	ck_assert_int_eq(batch(in, sizeof in[0], 3, out,
	    HL_SUMMARY_SIZE_V1_1 - 8, &err), HL_EINVAL);
	ck_assert_str_eq(err.name, "summary_size");
	ck_assert_int_eq(batch(in, sizeof in[0], 3, out,
	    HL_SUMMARY_SIZE_V1_1 + 4, &err), HL_EINVAL);
	ck_assert_int_eq(batch(in, sizeof in[0], 3, out, 0, &err),
	    HL_EINVAL);
	/* a later caller's bigger summary: ours filled, its tail zeroed */
	memset(big, 0xff, sizeof big);
	ck_assert_int_eq(batch(in, sizeof in[0], 3, (hl_summary *)(void *)big,
	    sizeof big[0], &err), HL_OK);
	for (k = 0; k < 3; k++) {
		memcpy(&out[0], big[k], sizeof out[0]);
		ck_assert_uint_eq(out[0].size, sizeof(hl_summary));
		check_summary(&out[0], &in[k], (int)k);
		for (j = sizeof(hl_summary); j < sizeof big[0]; j++)
			ck_assert_int_eq(big[k][j], 0);
	}
}
END_TEST

START_TEST(rule_ids)
{
	static const int kinds[] = { HL_FINDING_RED_FLAG, HL_FINDING_CAUSE,
	    HL_FINDING_STRATEGY };
	size_t k, i, n;

	for (k = 0; k < 3; k++) {
		n = hl_rulebase_count(rb, kinds[k]);
		ck_assert_uint_gt(n, 0);
		for (i = 0; i < n; i++) {
			const char *id = hl_rulebase_rule_id(rb, kinds[k], i);

			ck_assert(id != NULL && id[0] != '\0');
		}
		ck_assert(hl_rulebase_rule_id(rb, kinds[k], n) == NULL);
		ck_assert(hl_rulebase_rule_id(rb, kinds[k], SIZE_MAX) ==
		    NULL);
	}
	ck_assert(hl_rulebase_rule_id(rb, 0, 0) == NULL);
	ck_assert(hl_rulebase_rule_id(rb, 4, 0) == NULL);
	ck_assert(hl_rulebase_rule_id(NULL, HL_FINDING_CAUSE, 0) == NULL);
	ck_assert_str_eq(hl_rulebase_rule_id(rb, HL_FINDING_CAUSE, 0),
	    "load_spike");
}
END_TEST

/* One report per call, whatever n: nothing allocated per runner. */
START_TEST(no_allocation_per_runner)
{
	hl_inputs *in = calloc(100, sizeof *in);
	hl_summary *out = calloc(100, sizeof *out);
	long one, many;
	int k;

	ck_assert(in != NULL && out != NULL);
	for (k = 0; k < 100; k++)
		runner(&in[k], k + 500);
	hl__alloc_fail_after(-1);
	ck_assert_int_eq(batch(in, sizeof *in, 1, out, sizeof *out, NULL),
	    HL_OK);
	one = hl__alloc_count();
	hl__alloc_fail_after(-1);
	ck_assert_int_eq(batch(in, sizeof *in, 100, out, sizeof *out, NULL),
	    HL_OK);
	many = hl__alloc_count();
	ck_assert_int_gt(one, 0);
	ck_assert_msg(many == one, "1 runner: %ld allocations, 100: %ld",
	    one, many);
	free(in);
	free(out);
}
END_TEST

START_TEST(allocation_failure)
{
	hl_inputs in[4];
	hl_summary out[4];
	hl_error err;
	long n;
	int rc, k, ok = 0;

	for (k = 0; k < 4; k++)
		runner(&in[k], k + 77);
	for (n = 0; n < 10000 && !ok; n++) {
		memset(&err, 0, sizeof err);
		hl__alloc_fail_after(n);
		rc = batch(in, sizeof in[0], 4, out, sizeof out[0], &err);
		hl__alloc_fail_after(-1);
		if (rc == HL_OK) {
			ok = 1;
			break;
		}
		ck_assert_int_eq(rc, HL_ENOMEM);
		ck_assert_int_eq(err.code, HL_ENOMEM);
		for (k = 0; k < 4; k++)
			ck_assert(out[k].status == HL_ENOMEM ||
			    out[k].status == HL_OK);
		/* the next call succeeds */
		ck_assert_int_eq(batch(in, sizeof in[0], 4, out,
		    sizeof out[0], NULL), HL_OK);
	}
	ck_assert(ok);
	ck_assert_int_gt(n, 0);
	for (k = 0; k < 4; k++)
		check_summary(&out[k], &in[k], k);
}
END_TEST

static Suite *
batch_suite(void)
{
	Suite *s = suite_create("batch");
	TCase *tc = tcase_create("batch");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, summary_layout_is_pinned);
	tcase_add_test(tc, batch_equals_one_by_one);
	tcase_add_test(tc, bad_rows_are_refused_alone);
	tcase_add_test(tc, strides);
	tcase_add_test(tc, arguments);
	tcase_add_test(tc, summary_sizes);
	tcase_add_test(tc, rule_ids);
	tcase_add_test(tc, no_allocation_per_runner);
	tcase_add_test(tc, allocation_failure);
	suite_add_tcase(s, tc);
	return s;
}

HL_CHECK_MAIN(batch_suite)
