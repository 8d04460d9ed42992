/* SPDX-License-Identifier: MIT */
/*
 * check_threads.c - 8 threads share one default rulebase and assess varied
 * generated runners, single calls and hl_assess_batch calls mixed; every
 * report (its JSON and every text) and every batch summary must equal the
 * one a single thread made.  Built with ThreadSanitizer too (make
 * check-threads, in make check), where any data race fails the run.
 *
 * HL_THREADS_N in the environment sets the assessments per thread (default
 * 100, so that valgrind and ASan runs stay short); make check-threads-full
 * runs 100,000 per thread under ThreadSanitizer.
 */
#include <check.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "heavylegs.h"

#define NTHREADS	8
#define NRUNNERS	96

static hl_rulebase *rb;
static hl_inputs runners[NRUNNERS];
static char *want[NRUNNERS];
static hl_summary want_sum[NRUNNERS];	/* one batch call, single thread */
static long per_thread;

static uint64_t
rnd(uint64_t *s)
{
	*s = *s * 6364136223846793005ULL + 1442695040888963407ULL;
	return *s >> 33;
}

/* Uniform in [lo, hi] */
static double
uniform(uint64_t *s, double lo, double hi)
{
	return lo + (hi - lo) * (double)rnd(s) / (double)(1ULL << 31);
}

/* A runner: each input unknown or a plausible value of its kind. */
static void
generate(hl_inputs *in, uint64_t seed)
{
	hl_input_info info;
	size_t i;
	int32_t k;
	double v, lo, hi, *p;
	hl_error e;

	hl_inputs_init(in, sizeof *in);
	for (i = 0; i < hl_input_count(); i++) {
		memset(&info, 0, sizeof info);
		info.size = sizeof info;
		ck_assert_int_eq(hl_input_describe(i, &info), HL_OK);
		p = (double *)(void *)((char *)in + info.offset);
		for (k = 0; k < info.length; k++) {
			if (rnd(&seed) % 3 == 0)
				continue;	/* unknown */
			switch (info.kind) {
			case HL_KIND_TRI:
				v = (double)(rnd(&seed) % 2);
				break;
			case HL_KIND_ENUM:
				v = (double)(rnd(&seed) %
				    (uint64_t)info.enum_count);
				break;
			default:
				lo = isnan(info.plausible_min) ? info.min :
				    info.plausible_min;
				hi = isnan(info.plausible_max) ? info.max :
				    info.plausible_max;
				if (isnan(lo))
					lo = 0;
				if (isnan(hi))
					hi = lo + 100;
				v = uniform(&seed, lo, hi);
				if (info.kind == HL_KIND_COUNT)
					v = floor(v);
				break;
			}
			p[k] = v;
		}
	}
	if (seed % 8 == 0)
		return;		/* kept as generated: may be refused */
	/* otherwise the inputs a cross-field check refuses become unknown */
	for (i = 0; i < 50 && hl_inputs_problem_count(in) > 0; i++) {
		memset(&e, 0, sizeof e);
		ck_assert_int_eq(hl_inputs_problem(in, 0, &e), HL_OK);
		if (hl_inputs_set(in, e.name, NAN, NULL) != HL_OK)
			break;
	}
}

/* The JSON and every text of one assessment, or the error message. */
static char *
describe(const hl_inputs *in, hl_report **rep)
{
	const hl_finding *f;
	char *out, *p;
	size_t need, len, cap, i, j;
	hl_error e;
	const char *s;
	int rc;

	memset(&e, 0, sizeof e);
	rc = hl_assess(rb, in, rep, &e);
	if (rc != HL_OK)
		return strdup(e.message);
	need = 0;
	if (hl_report_json(*rep, NULL, 0, &need) != HL_ERANGE)
		return NULL;
	cap = need + 1;
	if ((out = malloc(cap)) == NULL ||
	    hl_report_json(*rep, out, need, NULL) != HL_OK)
		return NULL;
	len = need - 1;
	for (i = 0; i < hl_report_count(*rep); i++) {
		f = hl_report_finding(*rep, i);
		for (j = 0; j <= hl_finding_evidence_count(f); j++) {
			s = j == 0 ? hl_finding_advice(f) :
			    hl_finding_evidence_text(f, j - 1);
			if (s == NULL)
				return NULL;
			if (len + strlen(s) + 2 > cap) {
				cap = (len + strlen(s) + 2) * 2;
				if ((p = realloc(out, cap)) == NULL)
					return NULL;
				out = p;
			}
			out[len++] = '\n';
			memcpy(out + len, s, strlen(s) + 1);
			len += strlen(s);
		}
	}
	return out;
}

/*
 * One batch call over runners[r .. r+k) (as many as there are up to the
 * end of the array), into summaries first filled with junk; each must
 * equal the single-threaded batch's.  Returns the runners that differ.
 */
static long
batch_check(size_t r, size_t k)
{
	hl_summary out[8];
	hl_error e;
	size_t m;
	long bad = 0;

	if (k > 8)
		k = 8;
	if (r + k > NRUNNERS)
		k = NRUNNERS - r;
	memset(out, 0xa5, sizeof out);
	memset(&e, 0, sizeof e);
	if (hl_assess_batch(rb, &runners[r], sizeof runners[0], k, out,
	    sizeof out[0], &e) != HL_OK)
		return (long)k;
	for (m = 0; m < k; m++)
		if (memcmp(&out[m], &want_sum[r + m], sizeof out[m]) != 0)
			bad++;
	return bad;
}

struct job {
	int id;
	long bad;
	long done;
};

static void *
work(void *arg)
{
	struct job *j = arg;
	hl_report *rep = NULL, *fresh;
	long i;
	size_t r;
	char *got;

	for (i = 0; i < per_thread; i++) {
		r = (size_t)(j->id * 31 + i * 7) % NRUNNERS;
		if (i % 4 == 2) {
			/* a batch call of 1 to 8 runners */
			j->bad += batch_check(r, (size_t)(i / 4 % 8) + 1);
			j->done++;
			continue;
		}
		if (i % 16 == 0) {
			/* a report of its own, made and freed */
			fresh = NULL;
			got = describe(&runners[r], &fresh);
			hl_report_free(fresh);
		} else
			got = describe(&runners[r], &rep);
		if (got == NULL || strcmp(got, want[r]) != 0)
			j->bad++;
		free(got);
		j->done++;
	}
	hl_report_free(rep);
	return NULL;
}

START_TEST(eight_threads_one_rulebase)
{
	pthread_t t[NTHREADS];
	struct job jobs[NTHREADS];
	hl_report *rep = NULL;
	const char *env;
	hl_error e;
	int i, ok = 0;

	env = getenv("HL_THREADS_N");
	per_thread = env != NULL ? atol(env) : 100;
	if (per_thread <= 0)
		per_thread = 100;
	ck_assert_int_eq(hl_rulebase_load_default(&rb, NULL), HL_OK);
	for (i = 0; i < NRUNNERS; i++) {
		generate(&runners[i], 0x9e3779b97f4a7c15ULL * (uint64_t)(i + 1));
		want[i] = describe(&runners[i], &rep);
		ck_assert_ptr_nonnull(want[i]);
		ok += want[i][0] == '{';
	}
	/* most of them assess; a few may be refused, which is compared too */
	ck_assert_int_gt(ok, NRUNNERS / 2);
	hl_report_free(rep);
	/* the batch reference: one call, each summary as its report says */
	memset(&e, 0, sizeof e);
	ck_assert_int_eq(hl_assess_batch(rb, runners, sizeof runners[0],
	    NRUNNERS, want_sum, sizeof want_sum[0], &e), HL_OK);
	for (i = 0; i < NRUNNERS; i++) {
		ck_assert_uint_eq(want_sum[i].size, sizeof want_sum[i]);
		ck_assert_int_eq(want_sum[i].status == HL_OK,
		    want[i][0] == '{');
	}

	for (i = 0; i < NTHREADS; i++) {
		jobs[i].id = i;
		jobs[i].bad = jobs[i].done = 0;
		ck_assert_int_eq(pthread_create(&t[i], NULL, work, &jobs[i]), 0);
	}
	for (i = 0; i < NTHREADS; i++) {
		ck_assert_int_eq(pthread_join(t[i], NULL), 0);
		ck_assert_int_eq(jobs[i].done, per_thread);
		ck_assert_msg(jobs[i].bad == 0, "thread %d: %ld of %ld reports"
		    " differ from the single-threaded run", i, jobs[i].bad,
		    jobs[i].done);
	}
	for (i = 0; i < NRUNNERS; i++)
		free(want[i]);
	hl_rulebase_free(rb);
}
END_TEST

static Suite *
threads_suite(void)
{
	Suite *s = suite_create("threads");
	TCase *tc = tcase_create("shared rulebase");

	tcase_set_timeout(tc, 3600);
	tcase_add_test(tc, eight_threads_one_rulebase);
	suite_add_tcase(s, tc);
	return s;
}

HL_CHECK_MAIN(threads_suite)
