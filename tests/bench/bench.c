/* SPDX-License-Identifier: MIT */
/*
 * bench.c - the figures of `make bench`, one `name: value` line each.
 *
 *   tests/bench/bench [-n runners] [-r rules.yaml] [-f frozen.yaml]
 *   tests/bench/bench -c count     assess `count` runners once, for
 *                                  valgrind --tool=callgrind
 *   tests/bench/bench -j count     the same, each report also as JSON
 *
 * The runners are generated from a fixed seed, so every run and every
 * machine sees the same ones.  Allocations are counted by this program's
 * own malloc family, which the library's calls resolve to (glibc only).
 */

#define _GNU_SOURCE 1
#include <math.h>
#include <pthread.h>
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
#include "handwritten.h"

#define SEED		20261101u
#define DEFAULT_RUNNERS	100000
#define LOAD_ROUNDS	50
#define JSON_CAP	(1024 * 1024)

/* ---- allocation counter ---------------------------------------------------- */

#ifdef __GLIBC__
extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void __libc_free(void *);

static volatile long nallocs;	/* malloc, calloc and realloc calls */
static volatile int counting;

void *malloc(size_t n);
void *calloc(size_t n, size_t size);
void *realloc(void *p, size_t n);
void free(void *p);

void *
malloc(size_t n)
{
	if (counting)
		__atomic_add_fetch(&nallocs, 1, __ATOMIC_RELAXED);
	return __libc_malloc(n);
}

void *
calloc(size_t n, size_t size)
{
	if (counting)
		__atomic_add_fetch(&nallocs, 1, __ATOMIC_RELAXED);
	return __libc_calloc(n, size);
}

void *
realloc(void *p, size_t n)
{
	if (counting)
		__atomic_add_fetch(&nallocs, 1, __ATOMIC_RELAXED);
	return __libc_realloc(p, n);
}

void
free(void *p)
{
	__libc_free(p);
}
#define HAVE_COUNTER	1
#endif

/* ---- runners ------------------------------------------------------------ */

/* splitmix64: small, fixed, the same on every machine. */
static uint64_t
rng(uint64_t *st)
{
	uint64_t z = (*st += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static double
uniform(uint64_t *st)
{
	return (double)(rng(st) >> 11) * (1.0 / 9007199254740992.0);
}

static double
between(uint64_t *st, double lo, double hi)
{
	return lo + (hi - lo) * uniform(st);
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static double
heap_in_use(void)
{
#ifdef HAVE_MALLINFO2
	return (double)mallinfo2().uordblks;
#else
	return NAN;
#endif
}

/*
 * A value for one input slot.  A runner answers some groups of inputs and
 * not others, as real ones do: `skip` is this runner's share of unknowns
 * (0.1 to 0.7), and a series is either kept (with a few gaps) or not at
 * all.  Yes (or an enum other than its first value) about 1 in 8, but 1 in
 * 50 for the red-flag screen, so that most runners are not sent to a doctor.
 */
static double
value_for(uint64_t *st, const hl_input_info *d, double skip)
{
	double lo, hi, odd;

	if (uniform(st) < skip)
		return NAN;
	odd = d->offset >= offsetof(hl_inputs, calf_swelling_one_side) &&
	    d->offset <= offsetof(hl_inputs, headache_nausea_vomiting) ?
	    0.02 : 0.125;
	switch (d->kind) {
	case HL_KIND_TRI:
		return uniform(st) < odd ? HL_YES : HL_NO;
	case HL_KIND_ENUM:
		if (d->enum_count < 2 || uniform(st) >= odd)
			return 0;
		return 1 + floor(uniform(st) * (d->enum_count - 1));
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
		return floor(between(st, ceil(lo), floor(hi) + 0.999));
	return between(st, lo, hi);
}

static hl_input_info *infos;
static size_t ninfos;

static void
describe_inputs(void)
{
	size_t i;

	ninfos = hl_input_count();
	infos = calloc(ninfos, sizeof *infos);
	for (i = 0; i < ninfos; i++) {
		infos[i].size = sizeof infos[i];
		if (hl_input_describe(i, &infos[i]) != HL_OK)
			infos[i].length = 0;
	}
}

/* Runner number `id`: the same for a given id whatever else is drawn. */
static void
make_runner(hl_inputs *in, uint64_t id)
{
	uint64_t st = SEED * 0x100000001ULL + id;
	size_t i;
	int day;
	double *slot, skip;

	do {
		hl_inputs_init(in, sizeof *in);
		skip = between(&st, 0.1, 0.7);
		for (i = 0; i < ninfos; i++) {
			const hl_input_info *d = &infos[i];

			slot = (double *)(void *)((char *)in + d->offset);
			if (d->length > 1) {
				if (uniform(&st) < skip)
					continue;
				for (day = 0; day < d->length; day++)
					slot[day] = value_for(&st, d, 0.05);
			} else if (d->length == 1)
				slot[0] = value_for(&st, d, skip);
		}
		if (!isnan(in->dew_point_c) && !isnan(in->air_temp_c) &&
		    in->dew_point_c > in->air_temp_c)
			in->dew_point_c = in->air_temp_c - between(&st, 0, 15);
		if (!isnan(in->pre_run_body_mass_kg))
			in->post_run_body_mass_kg = in->pre_run_body_mass_kg *
			    (1 - between(&st, -0.01, 0.04));
		if (!isnan(in->body_mass_kg) && !isnan(in->morning_body_mass_kg))
			in->morning_body_mass_kg = in->body_mass_kg *
			    between(&st, 0.96, 1.02);
	} while (hl_inputs_check(in, NULL) != HL_OK);
}

/* Share of the input slots left unknown. */
static double
unknown_share(const hl_inputs *in, size_t n)
{
	size_t i, j, k = 0, u = 0;
	int day;

	for (j = 0; j < n; j++)
		for (i = 0; i < ninfos; i++)
			for (day = 0; day < infos[i].length; day++) {
				k++;
				u += isnan(((const double *)(const void *)
				    ((const char *)&in[j] + infos[i].offset))[day]);
			}
	return k ? (double)u / (double)k : NAN;
}

/* ---- rulebases ---------------------------------------------------------- */

static char *
slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *buf;
	long n;

	if (fp == NULL || fseek(fp, 0, SEEK_END) != 0 || (n = ftell(fp)) < 0 ||
	    fseek(fp, 0, SEEK_SET) != 0 || (buf = malloc((size_t)n + 1)) == NULL) {
		fprintf(stderr, "bench: cannot read %s\n", path);
		exit(1);
	}
	*len = fread(buf, 1, (size_t)n, fp);
	buf[*len] = '\0';
	fclose(fp);
	return buf;
}

/* Append s[0..n) to the growing text *t. */
static void
put(char **t, size_t *len, size_t *cap, const char *s, size_t n)
{
	if (*len + n + 1 > *cap) {
		*cap = (*len + n + 1) * 2;
		if ((*t = realloc(*t, *cap)) == NULL)
			exit(1);
	}
	memcpy(*t + *len, s, n);
	*len += n;
	(*t)[*len] = '\0';
}

/*
 * The rulebase `yaml` with its red flags and causes written `times` times:
 * copy k > 0 renames each `  - id: x` to x_k.  fired() and the strategies
 * still name the originals, so every copy evaluates as the first does.
 */
static char *
scale_rules(const char *yaml, int times, size_t *outlen)
{
	const char *rf = strstr(yaml, "\nred_flags:\n");
	const char *ca = strstr(yaml, "\ncauses:\n");
	const char *st = strstr(yaml, "\nstrategies:\n");
	const char *sect[2][2];
	char *t = NULL, num[32];
	size_t len = 0, cap = 0;
	int s, k;

	if (rf == NULL || ca == NULL || st == NULL) {
		fprintf(stderr, "bench: cannot scale the rulebase\n");
		exit(1);
	}
	sect[0][0] = rf + strlen("\nred_flags:\n");
	sect[0][1] = ca + 1;
	sect[1][0] = ca + strlen("\ncauses:\n");
	sect[1][1] = st + 1;
	put(&t, &len, &cap, yaml, (size_t)(rf + 1 - yaml));
	for (s = 0; s < 2; s++) {
		put(&t, &len, &cap, s == 0 ? "red_flags:\n" : "causes:\n",
		    s == 0 ? 11 : 8);
		for (k = 0; k < times; k++) {
			const char *p = sect[s][0], *e = sect[s][1], *nl;

			while (p < e) {
				nl = memchr(p, '\n', (size_t)(e - p));
				nl = nl ? nl + 1 : e;
				if (k > 0 && strncmp(p, "  - id: ", 8) == 0) {
					put(&t, &len, &cap, p, (size_t)(nl - p - 1));
					snprintf(num, sizeof num, "_%d\n", k);
					put(&t, &len, &cap, num, strlen(num));
				} else
					put(&t, &len, &cap, p, (size_t)(nl - p));
				p = nl;
			}
		}
	}
	put(&t, &len, &cap, st + 1, strlen(st + 1));
	*outlen = len;
	return t;
}

static hl_rulebase *
load_text(const char *text, size_t len, const char *name)
{
	hl_rulebase *rb = NULL;
	hl_error err;

	memset(&err, 0, sizeof err);
	if (hl_rulebase_load_buffer(text, len, name, &rb, &err) != HL_OK) {
		fprintf(stderr, "bench: %s: %s\n", name, err.message);
		exit(1);
	}
	return rb;
}

/* ---- timing ------------------------------------------------------------- */

struct job {
	const hl_rulebase *rb;
	const hl_inputs *runners;
	size_t n, rounds;
	double seconds;
	int failed;
};

static void *
run_job(void *arg)
{
	struct job *j = arg;
	hl_report *r = NULL;
	size_t i, k;
	double t0;

	if (hl_assess(j->rb, &j->runners[0], &r, NULL) != HL_OK)
		j->failed = 1;
	t0 = now();
	for (k = 0; k < j->rounds; k++)
		for (i = 0; i < j->n; i++)
			if (hl_assess(j->rb, &j->runners[i], &r, NULL) != HL_OK)
				j->failed = 1;
	j->seconds = now() - t0;
	hl_report_free(r);
	return NULL;
}

/* Assessments per second over n runners, `threads` threads at once. */
static double
assess_rate(const hl_rulebase *rb, const hl_inputs *runners, size_t n,
    size_t rounds, int threads)
{
	pthread_t tid[2];
	struct job job[2];
	double t0, wall;
	int t;

	t0 = now();
	for (t = 0; t < threads; t++) {
		job[t].rb = rb;
		job[t].runners = runners + (size_t)t * (n / (size_t)threads);
		job[t].n = n / (size_t)threads;
		job[t].rounds = rounds;
		job[t].failed = 0;
		if (pthread_create(&tid[t], NULL, run_job, &job[t]) != 0)
			exit(1);
	}
	for (t = 0; t < threads; t++)
		pthread_join(tid[t], NULL);
	wall = now() - t0;
	for (t = 0; t < threads; t++)
		if (job[t].failed) {
			fprintf(stderr, "bench: hl_assess failed\n");
			exit(1);
		}
	return (double)(n / (size_t)threads * (size_t)threads) *
	    (double)rounds / wall;
}

/* ---- main --------------------------------------------------------------- */

static void
usage(const char *me)
{
	fprintf(stderr, "usage: %s [-n runners] [-r rules.yaml] "
	    "[-f frozen.yaml] | -c count\n", me);
	exit(2);
}

int
main(int argc, char **argv)
{
	const char *rules_path = "rules/heavylegs.yaml";
	const char *frozen_path = "tests/bench/heavylegs-frozen.yaml";
	hl_rulebase *rb = NULL, *frozen, *big;
	hl_report *r = NULL;
	hl_inputs *runners;
	hl_error err;
	char *json, *yaml, *text;
	size_t nrun = DEFAULT_RUNNERS, ncg = 0, i, need, len, tlen, nrules;
	double t0, t, h0, h_rb, rate1, rate2, base_rate = 0;
	long a0;
	int k, a, times[3] = { 1, 10, 100 }, json_too = 0;
	static char json_buf[JSON_CAP];

	for (a = 1; a < argc; a++) {
		if (a + 1 >= argc)
			usage(argv[0]);
		if (strcmp(argv[a], "-n") == 0)
			nrun = strtoul(argv[++a], NULL, 10);
		else if (strcmp(argv[a], "-c") == 0)
			ncg = strtoul(argv[++a], NULL, 10);
		else if (strcmp(argv[a], "-j") == 0) {
			ncg = strtoul(argv[++a], NULL, 10);
			json_too = 1;
		}
		else if (strcmp(argv[a], "-r") == 0)
			rules_path = argv[++a];
		else if (strcmp(argv[a], "-f") == 0)
			frozen_path = argv[++a];
		else
			usage(argv[0]);
	}
	if (nrun < 2)
		usage(argv[0]);
	memset(&err, 0, sizeof err);
	describe_inputs();

	if (ncg > 0) {
		/* callgrind: count hl_assess only (--toggle-collect=hl_assess) */
		if ((runners = calloc(ncg, sizeof *runners)) == NULL ||
		    hl_rulebase_load_default(&rb, &err) != HL_OK)
			return 1;
		for (i = 0; i < ncg; i++)
			make_runner(&runners[i], i);
		if (hl_assess(rb, &runners[0], &r, NULL) != HL_OK)
			return 1;
		for (i = 0; i < ncg; i++)
			if (hl_assess(rb, &runners[i], &r, NULL) != HL_OK ||
			    (json_too && hl_report_json(r, json_buf,
			    sizeof json_buf, &need) != HL_OK))
				return 1;
		printf("callgrind_assessments: %zu\n", ncg + 1);
		hl_report_free(r);
		hl_rulebase_free(rb);
		free(runners);
		return 0;
	}

	if ((runners = calloc(nrun, sizeof *runners)) == NULL ||
	    (json = malloc(JSON_CAP)) == NULL) {
		fprintf(stderr, "bench: out of memory\n");
		return 1;
	}
	for (i = 0; i < nrun; i++)
		make_runner(&runners[i], i);
	printf("version: %s\n", hl_version());
	printf("runners: %zu\n", nrun);
	printf("seed: %u\n", SEED);
	printf("unknown_input_share: %.3f\n", unknown_share(runners, nrun));

	/* load time, and the memory a loaded rulebase holds */
	h0 = heap_in_use();
	if (hl_rulebase_load_default(&rb, &err) != HL_OK) {
		fprintf(stderr, "bench: %s\n", err.message);
		return 1;
	}
	h_rb = heap_in_use() - h0;
	hl_rulebase_free(rb);
	t0 = now();
	for (k = 0; k < LOAD_ROUNDS; k++) {
		if (hl_rulebase_load_default(&rb, &err) != HL_OK)
			return 1;
		if (k + 1 < LOAD_ROUNDS)
			hl_rulebase_free(rb);
	}
	t = (now() - t0) / LOAD_ROUNDS;
	printf("load_default_us: %.1f\n", t * 1e6);
	printf("rulebase_bytes: %.0f\n", h_rb);

	/* one report: its memory after hl_assess and with all its text */
	h0 = heap_in_use();
	if (hl_assess(rb, &runners[0], &r, &err) != HL_OK) {
		fprintf(stderr, "bench: %s\n", err.message);
		return 1;
	}
	printf("report_bytes: %.0f\n", heap_in_use() - h0);
	for (i = 0; i < nrun && i < 1000; i++)
		if (hl_assess(rb, &runners[i], &r, NULL) != HL_OK ||
		    hl_report_json(r, json, JSON_CAP, &need) != HL_OK)
			return 1;
	printf("report_bytes_with_text: %.0f\n", heap_in_use() - h0);

	/* allocations per assessment, reused report, steady state */
#ifdef HAVE_COUNTER
	a0 = nallocs;
	counting = 1;
	for (i = 0; i < nrun; i++)
		if (hl_assess(rb, &runners[i], &r, NULL) != HL_OK)
			return 1;
	counting = 0;
	printf("allocs_per_assessment: %.4f\n",
	    (double)(nallocs - a0) / (double)nrun);
#else
	(void)a0;
	printf("allocs_per_assessment: n/a (no glibc)\n");
#endif

	rate1 = assess_rate(rb, runners, nrun, 1, 1);
	printf("assessments_per_s_1thread: %.0f\n", rate1);
	printf("us_per_assessment: %.3f\n", 1e6 / rate1);
	rate2 = assess_rate(rb, runners, nrun, 1, 2);
	printf("assessments_per_s_2threads: %.0f\n", rate2);
	printf("ratio_2threads_vs_1: %.2f\n", rate2 / rate1);

	/* JSON reports per second: assess, then render every text and write */
	t = 0;
	len = 0;
	for (i = 0; i < nrun; i++) {
		if (hl_assess(rb, &runners[i], &r, NULL) != HL_OK)
			return 1;
		t0 = now();
		if (hl_report_json(r, json, JSON_CAP, &need) != HL_OK)
			return 1;
		t += now() - t0;
		len += need - 1;
	}
	printf("json_reports_per_s: %.0f\n", (double)nrun / t);
	printf("json_bytes_mean: %.0f\n", (double)len / (double)nrun);

	/* the hand-written version of the frozen rulebase */
	yaml = slurp(frozen_path, &len);
	frozen = load_text(yaml, len, frozen_path);
	free(yaml);
	if (hw_available()) {
		size_t bad = 0;
		hl_hw_result *hw = hw_result_new();

		printf("handwritten_compares: %s\n", hw_compares());
		printf("# handwritten: %s\n", hw_missing());

		for (i = 0; i < nrun; i++) {
			if (hl_assess(frozen, &runners[i], &r, NULL) != HL_OK)
				return 1;
			hw_assess(&runners[i], hw);
			if (!hw_equal(hw, r, stderr, i))
				bad++;
		}
		printf("handwritten_mismatches: %zu\n", bad);
		t0 = now();
		for (i = 0; i < nrun; i++)
			hw_assess(&runners[i], hw);
		t = now() - t0;
		printf("handwritten_assessments_per_s: %.0f\n",
		    (double)nrun / t);
		rate1 = assess_rate(frozen, runners, nrun, 1, 1);
		printf("engine_frozen_assessments_per_s: %.0f\n", rate1);
		printf("ratio_engine_vs_handwritten: %.2f\n",
		    ((double)nrun / t) / rate1);
		hw_result_free(hw);
		if (bad > 0)
			return 1;
	} else
		printf("# handwritten: %s\n", hw_missing());
	hl_rulebase_free(frozen);

	/* 1x, 10x, 100x the default's rules */
	yaml = slurp(rules_path, &len);
	for (k = 0; k < 3; k++) {
		size_t n = times[k] == 100 ? nrun / 10 : nrun;

		text = scale_rules(yaml, times[k], &tlen);
		big = load_text(text, tlen, rules_path);
		free(text);
		if (hl_assess(big, &runners[0], &r, NULL) != HL_OK)
			return 1;
		nrules = hl_report_count(r);
		rate1 = assess_rate(big, runners, n, 1, 1);
		if (k == 0)
			base_rate = rate1;
		printf("assessments_per_s_rules_%dx: %.0f\n", times[k], rate1);
		if (k > 0)
			printf("time_ratio_rules_%dx: %.1f\n", times[k],
			    base_rate / rate1);
		(void)nrules;
		hl_report_free(r);
		r = NULL;
		hl_rulebase_free(big);
	}
	free(yaml);

	/* the batch call: every runner in one call, compact summaries */
	{
		hl_summary *sum = calloc(nrun, sizeof *sum);

		if (sum == NULL)
			return 1;
		t0 = now();
		if (hl_assess_batch(rb, runners, sizeof *runners, nrun, sum,
		    sizeof *sum, &err) != HL_OK) {
			fprintf(stderr, "bench: hl_assess_batch: %s\n",
			    err.message);
			return 1;
		}
		t = now() - t0;
		printf("batch_assessments_per_s: %.0f\n", (double)nrun / t);
		free(sum);
	}

	hl_report_free(r);
	hl_rulebase_free(rb);
	free(runners);
	free(json);
	free(infos);
	return 0;
}
