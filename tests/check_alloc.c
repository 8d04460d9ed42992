/* SPDX-License-Identifier: MIT */
/*
 * check_alloc.c - every allocation of every public call that allocates is
 * failed in turn: loading (default, file, buffer), assessing into a fresh
 * and a reused report, rendering every text, writing JSON, the multi-error
 * lint.  Each failure is a clean HL_ENOMEM (valgrind checks that nothing
 * leaks: check-valgrind runs this program), and the next call succeeds
 * with the same result as a run where nothing failed.
 */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "check_main.h"
#include "heavylegs.h"
#include "rules.h"

#define MAX_STEPS	100000

/*
 * Loading the default rulebase makes some 4,600 allocations, and failing
 * each one in turn means as many loads: too slow under valgrind for every
 * `make check`.  There, the first 32 are failed, then every STEP-th (and
 * the loop always reaches the end, the first call that succeeds).
 * HL_ALLOC_FULL=1 in the environment (make check-alloc-full) fails every
 * one.
 */
#define STEP	257

static long
next(long n)
{
	static int full = -1;

	if (full < 0)
		full = getenv("HL_ALLOC_FULL") != NULL &&
		    strcmp(getenv("HL_ALLOC_FULL"), "1") == 0;
	return full || n < 32 ? n + 1 : n + STEP;
}

static const char tiny[] =
    "heavylegs: 1\n"
    "name: tiny\n"
    "causes:\n"
    "  - id: c1\n"
    "    title: A cause\n"
    "    evidence:\n"
    "      - { when: acwr >= 1.5, weight: 0.5, explain: \"acwr {acwr:.1f}\" }\n";

static void
teardown(void)
{
	hl__alloc_fail_after(-1);
}

/* A runner that fires flags, causes and strategies, with warnings. */
static void
runner(hl_inputs *in)
{
	static const struct { const char *name; double v; } set[] = {
		{ "age_years", 44 }, { "sex", HL_SEX_FEMALE },
		{ "body_mass_kg", 61 }, { "calf_swelling_one_side", 1 },
		{ "air_temp_c", 31 }, { "relative_humidity_pct", 80 },
		{ "hemoglobin_g_l", 104 }, { "thirsty", 1 },
		{ "pre_run_body_mass_kg", 61 }, { "post_run_body_mass_kg", 59.4 },
		{ "daily_sleep_h[0]", 5 }, { "daily_sleep_h[3]", 15 },
		{ "mood_low", 1 },
	};
	size_t i;

	hl_inputs_init(in, sizeof *in);
	for (i = 0; i < sizeof set / sizeof set[0]; i++)
		ck_assert_int_eq(hl_inputs_set(in, set[i].name, set[i].v, NULL),
		    HL_OK);
	for (i = 0; i < 28; i++)
		in->daily_distance_km[i] = i % 7 == 3 ? 0 : i == 0 ? 22 : 6;
}

/* Appends s to the growing text *acc (malloc, not the library's). */
static void
add(char **acc, size_t *len, const char *s)
{
	size_t n = strlen(s);

	*acc = realloc(*acc, *len + n + 2);
	ck_assert_ptr_nonnull(*acc);
	memcpy(*acc + *len, s, n);
	(*acc)[*len + n] = '\n';
	*len += n + 1;
	(*acc)[*len] = '\0';
}

/*
 * Every text of a report, joined; NULL when one of them came back NULL
 * (an allocation failed), which is counted in *failed.
 */
static char *
all_texts(const hl_report *rep, int *failed)
{
	const char *s;
	const hl_finding *f;
	char *acc = NULL;
	size_t len = 0, i, j;

	*failed = 0;
#define ADD(x)	do { if ((s = (x)) == NULL) (*failed)++; \
		else add(&acc, &len, s); } while (0)
	ADD(hl_report_triage_name(rep));
	ADD(hl_report_disclaimer(rep));
	for (i = 0; i < hl_report_count(rep); i++) {
		f = hl_report_finding(rep, i);
		ADD(hl_finding_id(f));
		ADD(hl_finding_title(f));
		ADD(hl_finding_advice(f));
		ADD(hl_finding_band(f));
		for (j = 0; j < hl_finding_evidence_count(f); j++) {
			ADD(hl_finding_evidence_when(f, j));
			ADD(hl_finding_evidence_text(f, j));
		}
	}
	for (i = 0; i < hl_report_question_count(rep); i++)
		ADD(hl_report_question(rep, i));
	for (i = 0; i < hl_report_warning_count(rep); i++)
		ADD(hl_report_warning(rep, i));
#undef ADD
	if (*failed) {
		free(acc);
		return NULL;
	}
	return acc != NULL ? acc : strdup("");
}

static char *
json_of(const hl_report *rep, int *rc)
{
	size_t need = 0;
	char *buf;

	*rc = hl_report_json(rep, NULL, 0, &need);
	if (*rc != HL_ERANGE)
		return NULL;
	buf = malloc(need);
	ck_assert_ptr_nonnull(buf);
	*rc = hl_report_json(rep, buf, need, NULL);
	if (*rc != HL_OK) {
		free(buf);
		return NULL;
	}
	return buf;
}

/* Which loader a test fails. */
enum how { DEFAULT, FILE_, BUFFER };

static int
load(enum how how, hl_rulebase **rb, hl_error *e)
{
	memset(e, 0, sizeof *e);
	*rb = NULL;
	switch (how) {
	case DEFAULT:
		return hl_rulebase_load_default(rb, e);
	case FILE_:
		return hl_rulebase_load_file("tests/rulebases/good/full.yaml",
		    rb, e);
	default:
		return hl_rulebase_load_buffer((const char *)hl__default_rules,
		    hl__default_rules_len, "buf.yaml", rb, e);
	}
}

static void
load_each(enum how how)
{
	hl_rulebase *rb;
	hl_error e;
	long n;
	int rc;

	for (n = 0; n < MAX_STEPS; n = next(n)) {
		hl__alloc_fail_after(n);
		rc = load(how, &rb, &e);
		hl__alloc_fail_after(-1);
		if (rc == HL_OK)
			break;
		ck_assert_msg(rc == HL_ENOMEM && e.code == HL_ENOMEM,
		    "allocation %ld failed: %d %s", n, rc, e.message);
		ck_assert_ptr_null(rb);
		ck_assert_str_ne(e.message, "");
		/* the next call succeeds */
		ck_assert_int_eq(load(how, &rb, &e), HL_OK);
		ck_assert_uint_eq(hl_rulebase_count(rb, HL_FINDING_CAUSE) > 0, 1);
		hl_rulebase_free(rb);
	}
	ck_assert_int_gt(n, 0);
	ck_assert_int_lt(n, MAX_STEPS);
	ck_assert_ptr_nonnull(rb);
	hl_rulebase_free(rb);
}

START_TEST(load_default_each_allocation)
{
	load_each(DEFAULT);
}
END_TEST

START_TEST(load_file_each_allocation)
{
	load_each(FILE_);
}
END_TEST

START_TEST(load_buffer_each_allocation)
{
	load_each(BUFFER);
}
END_TEST

/*
 * Assessing: into a fresh report, and into one that was made for a smaller
 * rulebase (tiny) and so must grow.  The failed call leaves the report (if
 * any) valid and empty, the next one gives the reference JSON.
 */
static void
assess_each(int reuse)
{
	hl_rulebase *rb, *small;
	hl_report *rep, *ref = NULL;
	hl_inputs in;
	hl_error e;
	char *want, *got;
	long n;
	int rc, hits = 0;

	runner(&in);
	ck_assert_int_eq(hl_rulebase_load_default(&rb, NULL), HL_OK);
	ck_assert_int_eq(hl_rulebase_load_buffer(tiny, sizeof tiny - 1, "tiny",
	    &small, NULL), HL_OK);
	ck_assert_int_eq(hl_assess(rb, &in, &ref, NULL), HL_OK);
	want = json_of(ref, &rc);
	ck_assert_ptr_nonnull(want);
	for (n = 0; n < MAX_STEPS; n = next(n)) {
		rep = NULL;
		if (reuse)
			ck_assert_int_eq(hl_assess(small, &in, &rep, NULL),
			    HL_OK);
		memset(&e, 0, sizeof e);
		hl__alloc_fail_after(n);
		rc = hl_assess(rb, &in, &rep, &e);
		hl__alloc_fail_after(-1);
		if (rc == HL_OK) {
			hl_report_free(rep);
			break;
		}
		hits++;
		ck_assert_msg(rc == HL_ENOMEM && e.code == HL_ENOMEM,
		    "allocation %ld failed: %d %s", n, rc, e.message);
		if (!reuse)
			ck_assert_ptr_null(rep);
		else {
			ck_assert_ptr_nonnull(rep);
			ck_assert_uint_eq(hl_report_count(rep), 0);
		}
		ck_assert_int_eq(hl_assess(rb, &in, &rep, NULL), HL_OK);
		got = json_of(rep, &rc);
		ck_assert_ptr_nonnull(got);
		ck_assert_str_eq(got, want);
		free(got);
		hl_report_free(rep);
	}
	ck_assert_int_gt(hits, 0);
	ck_assert_int_lt(n, MAX_STEPS);
	free(want);
	hl_report_free(ref);
	hl_rulebase_free(small);
	hl_rulebase_free(rb);
}

START_TEST(assess_fresh_each_allocation)
{
	assess_each(0);
}
END_TEST

START_TEST(assess_reused_each_allocation)
{
	assess_each(1);
}
END_TEST

/* Rendering texts: a NULL for the failed ones, the right text next time. */
START_TEST(texts_each_allocation)
{
	hl_rulebase *rb;
	hl_report *rep = NULL, *ref = NULL;
	hl_inputs in;
	char *want, *got;
	long n;
	int failed, hits = 0;

	runner(&in);
	ck_assert_int_eq(hl_rulebase_load_default(&rb, NULL), HL_OK);
	ck_assert_int_eq(hl_assess(rb, &in, &ref, NULL), HL_OK);
	want = all_texts(ref, &failed);
	ck_assert_ptr_nonnull(want);
	ck_assert_uint_gt(hl_report_warning_count(ref), 0);
	for (n = 0; n < MAX_STEPS; n = next(n)) {
		ck_assert_int_eq(hl_assess(rb, &in, &rep, NULL), HL_OK);
		hl__alloc_fail_after(n);
		got = all_texts(rep, &failed);
		hl__alloc_fail_after(-1);
		if (got != NULL) {
			ck_assert_str_eq(got, want);
			free(got);
			break;
		}
		hits++;
		got = all_texts(rep, &failed);
		ck_assert_ptr_nonnull(got);
		ck_assert_str_eq(got, want);
		free(got);
		/* a fresh report each round, so that nothing is cached */
		hl_report_free(rep);
		rep = NULL;
	}
	ck_assert_int_gt(hits, 0);
	ck_assert_int_lt(n, MAX_STEPS);
	free(want);
	hl_report_free(rep);
	hl_report_free(ref);
	hl_rulebase_free(rb);
}
END_TEST

START_TEST(json_each_allocation)
{
	hl_rulebase *rb;
	hl_report *rep = NULL, *ref = NULL;
	hl_inputs in;
	char *want, *got, small[16];
	long n;
	int rc, hits = 0;

	runner(&in);
	ck_assert_int_eq(hl_rulebase_load_default(&rb, NULL), HL_OK);
	ck_assert_int_eq(hl_assess(rb, &in, &ref, NULL), HL_OK);
	want = json_of(ref, &rc);
	ck_assert_ptr_nonnull(want);
	for (n = 0; n < MAX_STEPS; n = next(n)) {
		ck_assert_int_eq(hl_assess(rb, &in, &rep, NULL), HL_OK);
		memset(small, 'x', sizeof small);
		hl__alloc_fail_after(n);
		rc = hl_report_json(rep, small, sizeof small, NULL);
		hl__alloc_fail_after(-1);
		if (rc == HL_ERANGE) {
			ck_assert_int_eq(small[0], '\0');
			break;
		}
		hits++;
		ck_assert_int_eq(rc, HL_ENOMEM);
		ck_assert_int_eq(small[0], '\0');
		got = json_of(rep, &rc);
		ck_assert_ptr_nonnull(got);
		ck_assert_str_eq(got, want);
		free(got);
		hl_report_free(rep);
		rep = NULL;
	}
	ck_assert_int_gt(hits, 0);
	ck_assert_int_lt(n, MAX_STEPS);
	free(want);
	hl_report_free(rep);
	hl_report_free(ref);
	hl_rulebase_free(rb);
}
END_TEST

struct lint_seen {
	size_t n;
	int codes[8];
};

static void
on_error(const hl_error *e, void *userdata)
{
	struct lint_seen *s = userdata;

	ck_assert_str_ne(e->message, "");
	if (s->n < 8)
		s->codes[s->n] = e->code;
	s->n++;
}

/* The lint on a text with several errors, and on the default rulebase. */
static void
lint_each(const char *text, size_t len)
{
	struct lint_seen ref, s;
	size_t count, want;
	long n;
	int rc, wantrc, hits = 0;

	memset(&ref, 0, sizeof ref);
	wantrc = hl_rulebase_lint(text, len, "x.yaml", 100, on_error, &ref,
	    &want);
	ck_assert_int_ne(wantrc, HL_ENOMEM);
	for (n = 0; n < MAX_STEPS; n = next(n)) {
		memset(&s, 0, sizeof s);
		hl__alloc_fail_after(n);
		rc = hl_rulebase_lint(text, len, "x.yaml", 100, on_error, &s,
		    &count);
		hl__alloc_fail_after(-1);
		if (rc != HL_ENOMEM) {
			ck_assert_int_eq(rc, wantrc);
			ck_assert_uint_eq(count, want);
			break;
		}
		hits++;
		/* one error, out of memory, and nothing else */
		ck_assert_uint_eq(s.n, 1);
		ck_assert_int_eq(s.codes[0], HL_ENOMEM);
		ck_assert_uint_eq(count, 1);
		memset(&s, 0, sizeof s);
		ck_assert_int_eq(hl_rulebase_lint(text, len, "x.yaml", 100,
		    on_error, &s, &count), wantrc);
		ck_assert_uint_eq(count, want);
		ck_assert_uint_eq(s.n, ref.n);
	}
	ck_assert_int_gt(hits, 0);
	ck_assert_int_lt(n, MAX_STEPS);
}

START_TEST(lint_each_allocation)
{
	static const char several[] =
	    "heavylegs: 1\n"
	    "name: several\n"
	    "red_flags:\n"
	    "  - id: rf_x\n"
	    "    title: X\n"
	    "    urgency: 9\n"
	    "    when: nosuch >= 1\n"
	    "causes:\n"
	    "  - id: Bad-Id\n"
	    "    title: A cause\n"
	    "    evidence:\n"
	    "      - { when: acwr >= , weight: 0.5 }\n"
	    "      - { when: acwr >= 1, weight: 7 }\n"
	    "  - id: c2\n"
	    "    evidence:\n"
	    "      - { when: fired(nope), weight: 0.5, explain: \"{zz}\" }\n";

	lint_each(several, sizeof several - 1);
	lint_each((const char *)hl__default_rules, hl__default_rules_len);
}
END_TEST

static Suite *
alloc_suite(void)
{
	Suite *s = suite_create("alloc");
	TCase *tc = tcase_create("each allocation");

	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_set_timeout(tc, 300);
	tcase_add_test(tc, load_default_each_allocation);
	tcase_add_test(tc, load_file_each_allocation);
	tcase_add_test(tc, load_buffer_each_allocation);
	tcase_add_test(tc, assess_fresh_each_allocation);
	tcase_add_test(tc, assess_reused_each_allocation);
	tcase_add_test(tc, texts_each_allocation);
	tcase_add_test(tc, json_each_allocation);
	tcase_add_test(tc, lint_each_allocation);
	suite_add_tcase(s, tc);
	return s;
}

HL_CHECK_MAIN(alloc_suite)
