/* SPDX-License-Identifier: MIT */
/* bench.c - figures for the default rulebase: load time, assessments per second, JSON, memory. */

#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#if defined(__GLIBC__) && (__GLIBC__ > 2 || \
    (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
#include <malloc.h>
#define HAVE_MALLINFO2	1
#endif

#include "heavylegs.h"

#define SEED		20261101u
#define DEFAULT_RUNNERS	2000
#define LOAD_ROUNDS	200
#define JSON_CAP	(1024 * 1024)

static uint64_t rng_state;

/* splitmix64: small, fixed, the same on every machine. */
static uint64_t
rng(void)
{
	uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* Uniform in [0, 1). */
static double
uniform(void)
{
	return (double)(rng() >> 11) * (1.0 / 9007199254740992.0);
}

static double
between(double lo, double hi)
{
	return lo + (hi - lo) * uniform();
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Bytes the allocator has handed out and not yet taken back. */
static double
heap_in_use(void)
{
#ifdef HAVE_MALLINFO2
	return (double)mallinfo2().uordblks;
#else
	return NAN;
#endif
}

/* The process's peak resident set size in kB (VmHWM), or -1. */
static long
peak_rss_kb(void)
{
	char line[256];
	long kb = -1;
	FILE *fp;

	if ((fp = fopen("/proc/self/status", "r")) == NULL)
		return -1;
	while (fgets(line, sizeof line, fp) != NULL)
		if (strncmp(line, "VmHWM:", 6) == 0) {
			kb = strtol(line + 6, NULL, 10);
			break;
		}
	fclose(fp);
	return kb;
}

/*
 * A value for one input slot: about a quarter unknown; yes (or an enum
 * other than its first value) about 1 in 8, but 1 in 50 for the red-flag
 * screen, so that most runners are not sent to a doctor.
 */
static double
value_for(const hl_input_info *d)
{
	double lo, hi, odd;

	if (uniform() < 0.25)
		return NAN;
	odd = d->offset >= offsetof(hl_inputs, calf_swelling_one_side) &&
	    d->offset <= offsetof(hl_inputs, headache_nausea_vomiting) ?
	    0.02 : 0.125;
	switch (d->kind) {
	case HL_KIND_TRI:
		return uniform() < odd ? HL_YES : HL_NO;
	case HL_KIND_ENUM:
		if (d->enum_count < 2 || uniform() >= odd)
			return 0;
		return 1 + floor(uniform() * (d->enum_count - 1));
	default:
		break;
	}
	lo = !isnan(d->plausible_min) ? d->plausible_min :
	    !isnan(d->min) ? d->min : 0;
	hi = !isnan(d->plausible_max) ? d->plausible_max :
	    !isnan(d->max) ? d->max : 10;
	if (d->min_exclusive && lo <= d->min)
		lo = d->min + (hi - d->min) * 0.01;
	if (d->kind == HL_KIND_COUNT)
		return floor(between(ceil(lo), floor(hi) + 0.999));
	return between(lo, hi);
}

/* A runner: every input drawn from its plausible range, then made consistent. */
static void
make_runner(hl_inputs *in)
{
	hl_input_info d;
	size_t i, n = hl_input_count();
	int day;
	double *slot;

	do {
		hl_inputs_init(in, sizeof *in);
		for (i = 0; i < n; i++) {
			memset(&d, 0, sizeof d);
			d.size = sizeof d;
			if (hl_input_describe(i, &d) != HL_OK)
				continue;
			slot = (double *)(void *)((char *)in + d.offset);
			for (day = 0; day < d.length; day++)
				slot[day] = value_for(&d);
		}
		/* cross-field rules: keep most runners valid */
		if (!isnan(in->dew_point_c) && !isnan(in->air_temp_c) &&
		    in->dew_point_c > in->air_temp_c)
			in->dew_point_c = in->air_temp_c - between(0, 15);
		if (!isnan(in->pre_run_body_mass_kg))
			in->post_run_body_mass_kg = in->pre_run_body_mass_kg *
			    (1 - between(-0.01, 0.04));
		if (!isnan(in->body_mass_kg) && !isnan(in->morning_body_mass_kg))
			in->morning_body_mass_kg = in->body_mass_kg *
			    between(0.96, 1.02);
	} while (hl_inputs_check(in, NULL) != HL_OK);
}

int
main(int argc, char **argv)
{
	hl_rulebase *rb = NULL;
	hl_report *r = NULL, *fresh;
	hl_inputs *runners;
	hl_error err;
	char *json;
	size_t nrun = DEFAULT_RUNNERS, i, need, jmin = (size_t)-1, jmax = 0;
	double t0, t_load, t_reuse, t_fresh, t_json1 = 0, t_json2 = 0;
	double jbytes = 0, h0, h_new = 0, h_text = 0, h_rb;
	double findings = 0, questions = 0, urgent = 0;
	int k, rounds;

	if (argc > 1 && (nrun = strtoul(argv[1], NULL, 10)) == 0) {
		fprintf(stderr, "usage: %s [runners]\n", argv[0]);
		return 2;
	}
	memset(&err, 0, sizeof err);

	/* load time, and the memory a loaded rulebase holds */
	h0 = heap_in_use();
	t0 = now();
	for (k = 0; k < LOAD_ROUNDS; k++) {
		if (hl_rulebase_load_default(&rb, &err) != HL_OK) {
			fprintf(stderr, "bench: %s\n", err.message);
			return 1;
		}
		if (k + 1 < LOAD_ROUNDS)
			hl_rulebase_free(rb);
	}
	t_load = (now() - t0) / LOAD_ROUNDS;
	h_rb = heap_in_use() - h0;

	rng_state = SEED;
	if ((runners = calloc(nrun, sizeof *runners)) == NULL ||
	    (json = malloc(JSON_CAP)) == NULL) {
		fprintf(stderr, "bench: out of memory\n");
		return 1;
	}
	for (i = 0; i < nrun; i++)
		make_runner(&runners[i]);

	/* one report's memory: right after hl_assess, then with its text */
	for (i = 0; i < nrun; i++) {
		fresh = NULL;
		h0 = heap_in_use();
		if (hl_assess(rb, &runners[i], &fresh, &err) != HL_OK) {
			fprintf(stderr, "bench: %s\n", err.message);
			return 1;
		}
		if (heap_in_use() - h0 > h_new)
			h_new = heap_in_use() - h0;
		if (hl_report_json(fresh, json, JSON_CAP, &need) != HL_OK) {
			fprintf(stderr, "bench: JSON failed\n");
			return 1;
		}
		if (heap_in_use() - h0 > h_text)
			h_text = heap_in_use() - h0;
		findings += (double)hl_report_count(fresh);
		questions += (double)hl_report_question_count(fresh);
		urgent += hl_report_suppress_training_advice(fresh);
		hl_report_free(fresh);
	}

	/* enough rounds over the runners for about 20000 assessments */
	rounds = (int)(20000 / nrun) + 1;

	t0 = now();
	for (k = 0; k < rounds; k++)
		for (i = 0; i < nrun; i++)
			if (hl_assess(rb, &runners[i], &r, NULL) != HL_OK)
				return 1;
	t_reuse = (now() - t0) / ((double)rounds * (double)nrun);

	t0 = now();
	for (k = 0; k < rounds; k++)
		for (i = 0; i < nrun; i++) {
			fresh = NULL;
			if (hl_assess(rb, &runners[i], &fresh, NULL) != HL_OK)
				return 1;
			hl_report_free(fresh);
		}
	t_fresh = (now() - t0) / ((double)rounds * (double)nrun);

	/* JSON: the first call renders the text, the second finds it done */
	for (i = 0; i < nrun; i++) {
		if (hl_assess(rb, &runners[i], &r, NULL) != HL_OK)
			return 1;
		t0 = now();
		if (hl_report_json(r, json, JSON_CAP, &need) != HL_OK)
			return 1;
		t_json1 += now() - t0;
		t0 = now();
		if (hl_report_json(r, json, JSON_CAP, &need) != HL_OK)
			return 1;
		t_json2 += now() - t0;
		jbytes += (double)(need - 1);
		if (need - 1 < jmin)
			jmin = need - 1;
		if (need - 1 > jmax)
			jmax = need - 1;
	}
	t_json1 /= (double)nrun;
	t_json2 /= (double)nrun;
	jbytes /= (double)nrun;

	printf("libheavylegs %s benchmark: default rulebase, %zu runners "
	    "(seed %u), one run\n", hl_version(), nrun, SEED);
	printf("  runners: %.1f findings and %.1f questions on average, "
	    "%.1f %% with training advice suppressed\n",
	    findings / (double)nrun, questions / (double)nrun,
	    100 * urgent / (double)nrun);
	printf("load default rulebase     %10.1f us   (mean of %d)\n",
	    t_load * 1e6, LOAD_ROUNDS);
	printf("assess, reused report     %10.0f /s   %8.2f us each\n",
	    1 / t_reuse, t_reuse * 1e6);
	printf("assess, fresh report      %10.0f /s   %8.2f us each "
	    "(new + free per call)\n", 1 / t_fresh, t_fresh * 1e6);
	printf("  reused vs fresh         %10.2fx\n", t_fresh / t_reuse);
	printf("JSON size                 %10.0f B    mean (min %zu, max %zu)\n",
	    jbytes, jmin, jmax);
	printf("JSON, text rendered       %10.2f us   %8.1f MB/s\n",
	    t_json1 * 1e6, jbytes / t_json1 / 1e6);
	printf("JSON, text already there  %10.2f us   %8.1f MB/s\n",
	    t_json2 * 1e6, jbytes / t_json2 / 1e6);
	if (!isnan(h_new)) {
		printf("report memory (mallinfo2) %10.1f KB   after hl_assess, "
		    "peak over runners\n", h_new / 1024);
		printf("                          %10.1f KB   with all its text "
		    "rendered\n", h_text / 1024);
		printf("rulebase memory           %10.1f KB   (loaded default)\n",
		    h_rb / 1024);
	} else
		printf("report memory             n/a (no mallinfo2)\n");
	printf("peak RSS (VmHWM)          %10ld KB   whole process\n",
	    peak_rss_kb());

	hl_report_free(r);
	hl_rulebase_free(rb);
	free(runners);
	free(json);
	return 0;
}
