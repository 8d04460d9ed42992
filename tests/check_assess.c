/* SPDX-License-Identifier: MIT */
/* check_assess.c - the assessment engine against small rulebases with hand-computed results. */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "heavylegs.h"

#define TOL	1e-12

static hl_rulebase *
load(const char *yaml)
{
	hl_rulebase *rb = NULL;
	hl_error err;
	int rc;

	memset(&err, 0, sizeof err);
	rc = hl_rulebase_load_buffer(yaml, strlen(yaml), "test.yaml", &rb,
	    &err);
	ck_assert_msg(rc == HL_OK, "load failed (%d): %s", rc, err.message);
	ck_assert_ptr_nonnull(rb);
	return rb;
}

static void
set(hl_inputs *in, const char *name, double v)
{
	hl_error err;
	int rc;

	memset(&err, 0, sizeof err);
	rc = hl_inputs_set(in, name, v, &err);
	ck_assert_msg(rc == HL_OK, "set %s: %s", name, err.message);
}

/* Answer the whole red-flag screen with "no"/the first code. */
static void
answer_screen(hl_inputs *in)
{
	static const char *const names[] = {
		"heaviness_side", "calf_swelling_one_side",
		"leg_warm_red_tender", "chest_pain_or_breathlessness",
		"exertional_palpitations_or_fainting", "fever_now",
		"numbness_tingling", "skin_change", "dark_urine_after_run",
		"heaviness_onset", "heaviness_severity",
		"leg_weakness_or_foot_drop",
		"saddle_numbness_or_bladder_bowel_change",
	};
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		set(in, names[i], 0);
}

static hl_report *
assess(const hl_rulebase *rb, const hl_inputs *in)
{
	hl_report *r = NULL;
	hl_error err;
	int rc;

	memset(&err, 0, sizeof err);
	rc = hl_assess(rb, in, &r, &err);
	ck_assert_msg(rc == HL_OK, "assess failed (%d): %s", rc, err.message);
	ck_assert_ptr_nonnull(r);
	return r;
}

/* The listed finding with this id, or NULL. */
static const hl_finding *
find(const hl_report *r, const char *id)
{
	size_t i;

	for (i = 0; i < hl_report_count(r); i++)
		if (strcmp(hl_finding_id(hl_report_finding(r, i)), id) == 0)
			return hl_report_finding(r, i);
	return NULL;
}

static const hl_finding *
must_find(const hl_report *r, const char *id)
{
	const hl_finding *f = find(r, id);

	ck_assert_msg(f != NULL, "finding %s not listed", id);
	return f;
}

static double
score_of(const hl_report *r, const char *id)
{
	return hl_finding_score(must_find(r, id));
}

static double
coverage_of(const hl_report *r, const char *id)
{
	return hl_finding_coverage(must_find(r, id));
}

/* The ids of the listed findings, space-separated. */
static const char *
ids(const hl_report *r)
{
	static char buf[1024];
	size_t i;

	buf[0] = '\0';
	for (i = 0; i < hl_report_count(r); i++) {
		if (i > 0)
			strcat(buf, " ");
		strcat(buf, hl_finding_id(hl_report_finding(r, i)));
	}
	return buf;
}

/* The questions, space-separated. */
static const char *
questions(const hl_report *r)
{
	static char buf[2048];
	size_t i;

	buf[0] = '\0';
	for (i = 0; i < hl_report_question_count(r); i++) {
		if (i > 0)
			strcat(buf, " ");
		strcat(buf, hl_report_question(r, i));
	}
	return buf;
}

/* Whether the report's JSON contains needle. */
static int
json_has(const hl_report *r, const char *needle)
{
	static char buf[65536];
	size_t need;

	ck_assert_int_eq(hl_report_json(r, buf, sizeof buf, &need), HL_OK);
	return strstr(buf, needle) != NULL;
}

#define HEAD	"heavylegs: 1\nname: t\n"

/* ---- causes ---- */

START_TEST(leak_alone)
{
	/* no evidence: score = leak = 0.05, coverage 0, band low */
	hl_rulebase *rb = load(HEAD
	    "causes:\n"
	    "  - id: a\n"
	    "    title: A\n"
	    "    leak: 0.05\n"
	    "  - id: b\n"
	    "    title: B\n");
	hl_inputs in;
	hl_report *r;

	hl_inputs_init(&in, sizeof in);
	r = assess(rb, &in);
	ck_assert_str_eq(ids(r), "a b");
	ck_assert_double_eq(score_of(r, "a"), 0.05);
	ck_assert_double_eq(coverage_of(r, "a"), 0);
	ck_assert_str_eq(hl_finding_band(must_find(r, "a")), "low");
	ck_assert_int_eq(hl_finding_kind(must_find(r, "a")), HL_FINDING_CAUSE);
	ck_assert_int_eq(hl_finding_evidence_count(must_find(r, "a")), 0);
	/* no leak at all: 0 */
	ck_assert_double_eq(score_of(r, "b"), 0);
	ck_assert_int_eq(hl_report_triage(r), 0);
	ck_assert_str_eq(hl_report_triage_name(r), "none");
	hl_report_free(r);
	hl_rulebase_free(rb);
}
END_TEST

static const char one_item[] = HEAD
    "causes:\n"
    "  - id: a\n"
    "    title: A\n"
    "    leak: 0.05\n"
    "    evidence:\n"
    "      - when: thirsty\n"
    "        weight: 0.45\n";

/*
 * 40 causes, more than one run of the sort: scores fall in five values
 * (many ties), coverage in two; the order is score, then coverage, then
 * file order, as before().
 */
START_TEST(order_many_ties)
{
	char *yaml = malloc(64 * 1024), *p;
	hl_rulebase *rb;
	hl_inputs in;
	hl_report *r;
	size_t i, n = 40;
	double prev_s = 2, prev_c = 2, sc, cv;
	int prev_i = -1, idx;

	ck_assert_ptr_nonnull(yaml);
	p = yaml + sprintf(yaml, "%scauses:\n", HEAD);
	for (i = 0; i < n; i++) {
		p += sprintf(p, "  - id: c%02zu\n    title: C\n"
		    "    evidence:\n      - when: thirsty\n"
		    "        weight: %.1f\n", i, 0.1 + (double)(i * 7 % 5) / 10);
		if (i % 3 == 0)
			p += sprintf(p, "      - when: body_mass_kg > 60\n"
			    "        weight: 0.1\n");
	}
	rb = load(yaml);
	hl_inputs_init(&in, sizeof in);
	set(&in, "thirsty", HL_YES);
	r = assess(rb, &in);
	ck_assert_uint_eq(hl_report_count(r), n);
	for (i = 0; i < n; i++) {
		const hl_finding *f = hl_report_finding(r, i);

		sc = hl_finding_score(f);
		cv = hl_finding_coverage(f);
		idx = atoi(hl_finding_id(f) + 1);
		ck_assert_msg(sc < prev_s || (sc == prev_s && (cv < prev_c ||
		    (cv == prev_c && idx > prev_i))),
		    "finding %zu (%s) out of order", i, hl_finding_id(f));
		prev_s = sc, prev_c = cv, prev_i = idx;
	}
	hl_report_free(r);
	hl_rulebase_free(rb);
	free(yaml);
}
END_TEST

START_TEST(one_item_fires)
{
	/* 1 - 0.95 * 0.55 = 0.4775, moderate, coverage 0.45/0.45 = 1 */
	hl_rulebase *rb = load(one_item);
	hl_inputs in;
	hl_report *r;
	const hl_finding *f;

	hl_inputs_init(&in, sizeof in);
	set(&in, "thirsty", HL_YES);
	r = assess(rb, &in);
	f = must_find(r, "a");
	ck_assert_double_eq_tol(hl_finding_score(f), 0.4775, TOL);
	ck_assert_double_eq(hl_finding_coverage(f), 1);
	ck_assert_str_eq(hl_finding_band(f), "moderate");
	ck_assert_int_eq(hl_finding_evidence_count(f), 1);
	ck_assert_str_eq(hl_finding_evidence_when(f, 0), "thirsty");
	ck_assert_double_eq(hl_finding_evidence_weight(f, 0), 0.45);
	ck_assert_int_eq(hl_finding_evidence_state(f, 0), HL_STATE_FIRED);
	/* no explain: the text is the condition */
	ck_assert_str_eq(hl_finding_evidence_text(f, 0), "thirsty");
	hl_report_free(r);
	hl_rulebase_free(rb);
}
END_TEST

START_TEST(unknown_neither_raises_nor_lowers)
{
	/*
	 * thirsty unknown: score stays the leak 0.05 but coverage is 0;
	 * thirsty no: score 0.05, coverage 1.
	 */
	hl_rulebase *rb = load(one_item);
	hl_inputs in;
	hl_report *r;
	const hl_finding *f;

	hl_inputs_init(&in, sizeof in);
	r = assess(rb, &in);
	f = must_find(r, "a");
	ck_assert_double_eq(hl_finding_score(f), 0.05);
	ck_assert_double_eq(hl_finding_coverage(f), 0);
	ck_assert_int_eq(hl_finding_evidence_state(f, 0), HL_STATE_UNKNOWN);
	hl_report_free(r);

	set(&in, "thirsty", HL_NO);
	r = assess(rb, &in);
	f = must_find(r, "a");
	ck_assert_double_eq(hl_finding_score(f), 0.05);
	ck_assert_double_eq(hl_finding_coverage(f), 1);
	ck_assert_int_eq(hl_finding_evidence_state(f, 0), HL_STATE_NOT_FIRED);
	hl_report_free(r);
	hl_rulebase_free(rb);
}
END_TEST

START_TEST(noisy_or_two_items)
{
	/*
	 * thirsty (0.45) and muscle_cramps (0.30) fire, mood_low (0.25) is
	 * unknown: score = 1 - 0.95 * 0.55 * 0.7 = 0.63425 (high);
	 * coverage = (0.45 + 0.30) / (0.45 + 0.30 + 0.25) = 0.75.
	 */
	hl_rulebase *rb = load(HEAD
	    "causes:\n"
	    "  - id: a\n"
	    "    title: A\n"
	    "    leak: 0.05\n"
	    "    evidence:\n"
	    "      - when: thirsty\n"
	    "        weight: 0.45\n"
	    "      - when: muscle_cramps\n"
	    "        weight: 0.3\n"
	    "      - when: mood_low\n"
	    "        weight: 0.25\n");
	hl_inputs in;
	hl_report *r;
	const hl_finding *f;

	hl_inputs_init(&in, sizeof in);
	set(&in, "thirsty", HL_YES);
	set(&in, "muscle_cramps", HL_YES);
	r = assess(rb, &in);
	f = must_find(r, "a");
	ck_assert_double_eq_tol(hl_finding_score(f), 0.63425, TOL);
	ck_assert_double_eq_tol(hl_finding_coverage(f), 0.75, TOL);
	ck_assert_str_eq(hl_finding_band(f), "high");
	ck_assert_int_eq(hl_finding_evidence_count(f), 3);
	ck_assert_int_eq(hl_finding_evidence_state(f, 2), HL_STATE_UNKNOWN);
	hl_report_free(r);
	hl_rulebase_free(rb);
}
END_TEST

static const char banded[] = HEAD
    "causes:\n"
    "  - id: a\n"
    "    title: A\n"
    "    evidence:\n"
    "      - bands:\n"
    "          - when: warmup_min < 5\n"
    "            weight: 0.3\n"
    "          - when: warmup_min < 10\n"
    "            weight: 0.2\n"
    "          - when: warmup_min < 2\n"
    "            weight: 0.5\n"
    "            explain: \"only {warmup_min:.1f} min\"\n"
    "      - when: cooldown_min < 5\n"
    "        weight: 0.25\n"
    "      - bands:\n"
    "          - when: air_temp_c > 30\n"
    "            weight: 0.4\n"
    "          - when: wbgt_c > 28\n"
    "            weight: 0.3\n";

START_TEST(bands_largest_true_weight)
{
	/*
	 * warmup 1: all three bands true, the largest weight 0.5 fires
	 * (not the first true band).  warmup 3: 0.3; warmup 7: 0.2;
	 * warmup 20: none fires, the entry shows the top band (0.5).
	 * cooldown and the weather group are unknown; no leak.
	 */
	static const struct {
		double	 warmup, score;
		const char *when;
		int	 state;
	} t[] = {
		{ 1, 0.5, "warmup_min < 2", HL_STATE_FIRED },
		{ 3, 0.3, "warmup_min < 5", HL_STATE_FIRED },
		{ 7, 0.2, "warmup_min < 10", HL_STATE_FIRED },
		{ 20, 0, "warmup_min < 2", HL_STATE_NOT_FIRED },
	};
	hl_rulebase *rb = load(banded);
	hl_inputs in;
	hl_report *r;
	const hl_finding *f;
	size_t i;

	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		hl_inputs_init(&in, sizeof in);
		set(&in, "warmup_min", t[i].warmup);
		r = assess(rb, &in);
		f = must_find(r, "a");
		ck_assert_double_eq_tol(hl_finding_score(f), t[i].score, TOL);
		ck_assert_str_eq(hl_finding_evidence_when(f, 0), t[i].when);
		ck_assert_int_eq(hl_finding_evidence_state(f, 0), t[i].state);
		ck_assert_double_eq(hl_finding_evidence_weight(f, 0),
		    t[i].state == HL_STATE_FIRED ? t[i].score : 0.5);
		hl_report_free(r);
	}
	/* the fired band's explain, rendered with the runner's value */
	hl_inputs_init(&in, sizeof in);
	set(&in, "warmup_min", 1.46);
	r = assess(rb, &in);
	ck_assert_str_eq(hl_finding_evidence_text(must_find(r, "a"), 0),
	    "only 1.5 min");
	hl_report_free(r);
	hl_rulebase_free(rb);
}
END_TEST

START_TEST(band_group_coverage_at_top_weight)
{
	/*
	 * warmup known, cooldown and weather unknown: the warm-up group
	 * counts once at its top weight 0.5 (not 0.5 + 0.3 + 0.2):
	 * coverage = 0.5 / (0.5 + 0.25 + 0.4) = 0.5 / 1.15.
	 * air_temp_c known but wbgt_c unknown: the weather group is
	 * evaluable (one band known): coverage = 0.9 / 1.15.
	 */
	hl_rulebase *rb = load(banded);
	hl_inputs in;
	hl_report *r;

	hl_inputs_init(&in, sizeof in);
	set(&in, "warmup_min", 8);
	r = assess(rb, &in);
	ck_assert_double_eq_tol(coverage_of(r, "a"), 0.5 / 1.15, TOL);
	hl_report_free(r);

	set(&in, "air_temp_c", 20);
	r = assess(rb, &in);
	ck_assert_double_eq_tol(coverage_of(r, "a"), 0.9 / 1.15, TOL);
	ck_assert_int_eq(hl_finding_evidence_state(must_find(r, "a"), 2),
	    HL_STATE_NOT_FIRED);
	hl_report_free(r);
	hl_rulebase_free(rb);
}
END_TEST

START_TEST(lowering_largest_by)
{
	/*
	 * thirsty fires: 1 - 0.9 * 0.5 = 0.55.  mood_low (by 0.2) and
	 * high_life_stress (by 0.6) are true, recent_illness_14d (by 0.9)
	 * is unknown: only the largest true by applies: 0.55 * 0.4 = 0.22.
	 * recent_illness_14d no: still 0.22; yes: 0.55 * 0.1 = 0.055.
	 */
	hl_rulebase *rb = load(HEAD
	    "causes:\n"
	    "  - id: a\n"
	    "    title: A\n"
	    "    leak: 0.1\n"
	    "    evidence:\n"
	    "      - when: thirsty\n"
	    "        weight: 0.5\n"
	    "    lower:\n"
	    "      - when: mood_low\n"
	    "        by: 0.2\n"
	    "      - when: high_life_stress\n"
	    "        by: 0.6\n"
	    "      - when: recent_illness_14d\n"
	    "        by: 0.9\n");
	hl_inputs in;
	hl_report *r;

	hl_inputs_init(&in, sizeof in);
	set(&in, "thirsty", HL_YES);
	r = assess(rb, &in);
	ck_assert_double_eq_tol(score_of(r, "a"), 0.55, TOL);
	hl_report_free(r);

	set(&in, "mood_low", HL_YES);
	set(&in, "high_life_stress", HL_YES);
	r = assess(rb, &in);
	ck_assert_double_eq_tol(score_of(r, "a"), 0.22, TOL);
	ck_assert_str_eq(hl_finding_band(must_find(r, "a")), "low");
	hl_report_free(r);

	set(&in, "recent_illness_14d", HL_NO);
	r = assess(rb, &in);
	ck_assert_double_eq_tol(score_of(r, "a"), 0.22, TOL);
	hl_report_free(r);

	set(&in, "recent_illness_14d", HL_YES);
	r = assess(rb, &in);
	ck_assert_double_eq_tol(score_of(r, "a"), 0.055, TOL);
	/* lowering never changes coverage */
	ck_assert_double_eq(coverage_of(r, "a"), 1);
	hl_report_free(r);
	hl_rulebase_free(rb);
}
END_TEST

static const char applies[] = HEAD
    "causes:\n"
    "  - id: a\n"
    "    title: A\n"
    "    leak: 0.05\n"
    "    evidence:\n"
    "      - when: thirsty\n"
    "        weight: 0.5\n"
    "        applies: sex == female\n"
    "      - when: muscle_cramps\n"
    "        weight: 0.25\n"
    "  - id: b\n"
    "    title: B\n"
    "    leak: 0.02\n"
    "    evidence:\n"
    "      - when: thirsty\n"
    "        weight: 0.5\n"
    "        applies: sex == female\n";

START_TEST(applies_false_drops_item)
{
	/*
	 * male: the thirsty item is dropped even though it is true:
	 * a = leak 0.05, coverage 0.25 / 0.25 = 1, one evidence entry;
	 * b: nothing applies: coverage 0, score 0.02.
	 */
	hl_rulebase *rb = load(applies);
	hl_inputs in;
	hl_report *r;
	const hl_finding *f;

	hl_inputs_init(&in, sizeof in);
	set(&in, "sex", HL_SEX_MALE);
	set(&in, "thirsty", HL_YES);
	set(&in, "muscle_cramps", HL_NO);
	r = assess(rb, &in);
	f = must_find(r, "a");
	ck_assert_double_eq(hl_finding_score(f), 0.05);
	ck_assert_double_eq(hl_finding_coverage(f), 1);
	ck_assert_int_eq(hl_finding_evidence_count(f), 1);
	ck_assert_str_eq(hl_finding_evidence_when(f, 0), "muscle_cramps");
	ck_assert_double_eq(score_of(r, "b"), 0.02);
	ck_assert_double_eq(coverage_of(r, "b"), 0);
	hl_report_free(r);

	/*
	 * sex unknown: applies is unknown, so the item is applicable but
	 * not evaluable, and cannot fire: a = leak 0.05, coverage
	 * 0.25 / 0.75, two entries, the thirsty one unknown.  (An unknown
	 * sex must not raise confidence over a known one.)  Its bound:
	 * score_high = 1 - 0.95 x 0.5 = 0.525.
	 */
	set(&in, "sex", NAN);
	r = assess(rb, &in);
	f = must_find(r, "a");
	ck_assert_double_eq_tol(hl_finding_score(f), 0.05, TOL);
	ck_assert_double_eq_tol(hl_finding_score_low(f), 0.05, TOL);
	ck_assert_double_eq_tol(hl_finding_score_high(f), 0.525, TOL);
	ck_assert_double_eq_tol(hl_finding_coverage(f), 1.0 / 3, TOL);
	ck_assert_int_eq(hl_finding_evidence_count(f), 2);
	ck_assert_int_eq(hl_finding_evidence_state(f, 0), HL_STATE_UNKNOWN);
	ck_assert_double_eq_tol(coverage_of(r, "b"), 0, TOL);
	hl_report_free(r);

	/* ... and with thirsty unknown too: the same coverage 0.25 / 0.75 */
	set(&in, "thirsty", NAN);
	r = assess(rb, &in);
	ck_assert_double_eq_tol(coverage_of(r, "a"), 1.0 / 3, TOL);
	hl_report_free(r);

	/* sex female: the item applies and fires, coverage 1 */
	set(&in, "sex", HL_SEX_FEMALE);
	set(&in, "thirsty", HL_YES);
	r = assess(rb, &in);
	ck_assert_double_eq_tol(score_of(r, "a"), 0.525, TOL);
	ck_assert_double_eq_tol(coverage_of(r, "a"), 1, TOL);
	hl_report_free(r);
	hl_rulebase_free(rb);
}
END_TEST

START_TEST(confidence_mean_coverage)
{
	hl_rulebase *rb = load(applies);
	hl_inputs in;
	hl_report *r;

	/* male, cramps known: coverages 1 and 0: confidence 0.5, not low */
	hl_inputs_init(&in, sizeof in);
	set(&in, "sex", HL_SEX_MALE);
	set(&in, "muscle_cramps", HL_NO);
	r = assess(rb, &in);
	ck_assert_double_eq_tol(hl_report_confidence(r), 0.5, TOL);
	ck_assert(json_has(r, "\"confidence\":0.5,\"confidence_low\":false"));
	hl_report_free(r);

	/* female, all unknown: coverages 0 and 0: confidence 0, low */
	hl_inputs_init(&in, sizeof in);
	set(&in, "sex", HL_SEX_FEMALE);
	r = assess(rb, &in);
	ck_assert_double_eq(hl_report_confidence(r), 0);
	ck_assert(json_has(r, "\"confidence\":0,\"confidence_low\":true"));
	hl_report_free(r);

	/*
	 * female, thirsty known, cramps unknown: a = 0.5 / 0.75, b = 1:
	 * (2/3 + 1) / 2 = 5/6.
	 */
	set(&in, "thirsty", HL_NO);
	r = assess(rb, &in);
	ck_assert_double_eq_tol(hl_report_confidence(r), 5.0 / 6, TOL);
	hl_report_free(r);
	hl_rulebase_free(rb);
}
END_TEST

START_TEST(confidence_low_threshold)
{
	/* coverages 0, 0, 0.5 (one of two equal items known): 1/6 < 0.25 */
	hl_rulebase *rb = load(HEAD
	    "causes:\n"
	    "  - id: a\n"
	    "    title: A\n"
	    "    evidence:\n"
	    "      - { when: thirsty, weight: 0.2 }\n"
	    "  - id: b\n"
	    "    title: B\n"
	    "  - id: c\n"
	    "    title: C\n"
	    "    evidence:\n"
	    "      - { when: mood_low, weight: 0.3 }\n"
	    "      - { when: muscle_cramps, weight: 0.3 }\n");
	hl_inputs in;
	hl_report *r;

	hl_inputs_init(&in, sizeof in);
	set(&in, "mood_low", HL_NO);
	r = assess(rb, &in);
	ck_assert_double_eq_tol(hl_report_confidence(r), 1.0 / 6, TOL);
	ck_assert(json_has(r, "\"confidence_low\":true"));
	hl_report_free(r);

	/* a known too: (1 + 0 + 0.5) / 3 = 0.5 */
	set(&in, "thirsty", HL_NO);
	r = assess(rb, &in);
	ck_assert_double_eq_tol(hl_report_confidence(r), 0.5, TOL);
	ck_assert(json_has(r, "\"confidence_low\":false"));
	hl_report_free(r);
	hl_rulebase_free(rb);
}
END_TEST

START_TEST(ranking_ties)
{
	/*
	 * a: 0.3, coverage 0.5; b: 0.3, coverage 1; c: 0.5, coverage 0;
	 * d: 0.3, coverage 1 (like b, later in the file).
	 * Order: score, then coverage, then file order: c b d a.
	 */
	hl_rulebase *rb = load(HEAD
	    "causes:\n"
	    "  - id: a\n"
	    "    title: A\n"
	    "    leak: 0.3\n"
	    "    evidence:\n"
	    "      - { when: thirsty, weight: 0.5 }\n"
	    "      - { when: muscle_cramps, weight: 0.5 }\n"
	    "  - id: b\n"
	    "    title: B\n"
	    "    leak: 0.3\n"
	    "    evidence:\n"
	    "      - { when: muscle_cramps, weight: 0.2 }\n"
	    "  - id: c\n"
	    "    title: C\n"
	    "    leak: 0.5\n"
	    "  - id: d\n"
	    "    title: D\n"
	    "    leak: 0.3\n"
	    "    evidence:\n"
	    "      - { when: mood_low, weight: 0.4 }\n");
	hl_inputs in;
	hl_report *r;

	hl_inputs_init(&in, sizeof in);
	set(&in, "muscle_cramps", HL_NO);
	set(&in, "mood_low", HL_NO);
	r = assess(rb, &in);
	ck_assert_str_eq(ids(r), "c b d a");
	ck_assert_double_eq(coverage_of(r, "a"), 0.5);
	hl_report_free(r);
	hl_rulebase_free(rb);
}
END_TEST

/* ---- red flags and triage ---- */

static const char flags[] = HEAD
    "red_flags:\n"
    "  - id: rf_low\n"
    "    title: Low\n"
    "    levels:\n"
    "      - { when: varicose_veins, urgency: 1 }\n"
    "  - id: rf_multi\n"
    "    title: Multi\n"
    "    levels:\n"
    "      - { when: numbness_tingling, urgency: 2 }\n"
    "      - { when: leg_weakness_or_foot_drop, urgency: 3 }\n"
    "      - { when: leg_pain_at_rest, urgency: 1 }\n"
    "  - id: rf_kleene\n"
    "    title: Kleene\n"
    "    levels:\n"
    "      - { when: thirsty and mood_low, urgency: 2 }\n"
    "  - id: rf_or\n"
    "    title: Or\n"
    "    levels:\n"
    "      - { when: muscle_cramps or mood_low, urgency: 2 }\n"
    "causes:\n"
    "  - id: c_kleene\n"
    "    title: Reads rf_kleene\n"
    "    evidence:\n"
    "      - when: not fired(rf_kleene)\n"
    "        weight: 0.5\n";

START_TEST(red_flag_highest_true_level)
{
	/* all three levels true: urgency 3; every level is evidence */
	hl_rulebase *rb = load(flags);
	hl_inputs in;
	hl_report *r;
	const hl_finding *f;

	hl_inputs_init(&in, sizeof in);
	set(&in, "numbness_tingling", HL_YES);
	set(&in, "leg_weakness_or_foot_drop", HL_YES);
	set(&in, "leg_pain_at_rest", HL_YES);
	r = assess(rb, &in);
	f = hl_report_finding(r, 0);
	ck_assert_str_eq(hl_finding_id(f), "rf_multi");
	ck_assert_int_eq(hl_finding_kind(f), HL_FINDING_RED_FLAG);
	ck_assert_int_eq(hl_finding_urgency(f), 3);
	ck_assert_str_eq(hl_finding_band(f), "urgent_care_now");
	ck_assert(isnan(hl_finding_score(f)));
	ck_assert(isnan(hl_finding_coverage(f)));
	ck_assert_int_eq(hl_finding_evidence_count(f), 3);
	ck_assert_double_eq(hl_finding_evidence_weight(f, 1), 3);
	ck_assert_str_eq(hl_finding_evidence_when(f, 1),
	    "leg_weakness_or_foot_drop");
	ck_assert_str_eq(hl_finding_evidence_text(f, 1),
	    "leg_weakness_or_foot_drop");
	ck_assert_int_eq(hl_finding_evidence_state(f, 2), HL_STATE_FIRED);
	ck_assert_int_eq(hl_report_triage(r), 3);
	hl_report_free(r);

	/* weakness no, the others yes: 2; weakness unknown: still 2 */
	set(&in, "leg_weakness_or_foot_drop", HL_NO);
	r = assess(rb, &in);
	ck_assert_int_eq(hl_finding_urgency(must_find(r, "rf_multi")), 2);
	hl_report_free(r);
	set(&in, "leg_weakness_or_foot_drop", NAN);
	r = assess(rb, &in);
	f = must_find(r, "rf_multi");
	ck_assert_int_eq(hl_finding_urgency(f), 2);
	ck_assert_int_eq(hl_finding_evidence_state(f, 1), HL_STATE_UNKNOWN);
	hl_report_free(r);
	hl_rulebase_free(rb);
}
END_TEST

START_TEST(red_flag_unknown_never_fires)
{
	/*
	 * Everything unknown: no flag fires, triage 0, and c_kleene's
	 * `not fired(rf_kleene)` is unknown (the flag's slot is NaN).
	 */
	hl_rulebase *rb = load(flags);
	hl_inputs in;
	hl_report *r;

	hl_inputs_init(&in, sizeof in);
	r = assess(rb, &in);
	ck_assert_str_eq(ids(r), "c_kleene");
	ck_assert_int_eq(hl_report_triage(r), 0);
	ck_assert_int_eq(hl_finding_evidence_state(must_find(r, "c_kleene"),
	    0), HL_STATE_UNKNOWN);
	ck_assert_double_eq(score_of(r, "c_kleene"), 0);
	hl_report_free(r);
	hl_rulebase_free(rb);
}
END_TEST

START_TEST(red_flag_kleene)
{
	/*
	 * thirsty no, mood_low unknown: `thirsty and mood_low` is false,
	 * so rf_kleene is known not to fire (slot 0) and c_kleene fires
	 * (0.5).  muscle_cramps yes: `muscle_cramps or mood_low` is true.
	 */
	hl_rulebase *rb = load(flags);
	hl_inputs in;
	hl_report *r;
	const hl_finding *f;

	hl_inputs_init(&in, sizeof in);
	set(&in, "thirsty", HL_NO);
	set(&in, "muscle_cramps", HL_YES);
	r = assess(rb, &in);
	ck_assert_ptr_null(find(r, "rf_kleene"));
	ck_assert_double_eq(score_of(r, "c_kleene"), 0.5);
	f = must_find(r, "rf_or");
	ck_assert_int_eq(hl_finding_urgency(f), 2);
	ck_assert_int_eq(hl_report_triage(r), 2);
	ck_assert_str_eq(hl_report_triage_name(r), "see_doctor_soon");
	hl_report_free(r);

	/* thirsty yes, mood_low unknown: unknown, the flag stays silent */
	set(&in, "thirsty", HL_YES);
	r = assess(rb, &in);
	ck_assert_ptr_null(find(r, "rf_kleene"));
	ck_assert_int_eq(hl_finding_evidence_state(must_find(r, "c_kleene"),
	    0), HL_STATE_UNKNOWN);
	hl_report_free(r);

	/* mood_low yes: fires, and c_kleene's item is false */
	set(&in, "mood_low", HL_YES);
	r = assess(rb, &in);
	must_find(r, "rf_kleene");
	ck_assert_double_eq(score_of(r, "c_kleene"), 0);
	ck_assert_int_eq(hl_finding_evidence_state(must_find(r, "c_kleene"),
	    0), HL_STATE_NOT_FIRED);
	hl_report_free(r);
	hl_rulebase_free(rb);
}
END_TEST

START_TEST(triage_and_flag_order)
{
	/*
	 * rf_low (1), rf_multi (2: numbness), rf_or (2): flags first by
	 * urgency, then file order; triage 2; then the cause.
	 */
	hl_rulebase *rb = load(flags);
	hl_inputs in;
	hl_report *r;

	hl_inputs_init(&in, sizeof in);
	set(&in, "varicose_veins", HL_YES);
	set(&in, "numbness_tingling", HL_YES);
	set(&in, "muscle_cramps", HL_YES);
	r = assess(rb, &in);
	ck_assert_str_eq(ids(r), "rf_multi rf_or rf_low c_kleene");
	ck_assert_int_eq(hl_report_triage(r), 2);
	ck_assert_int_eq(hl_report_suppress_training_advice(r), 0);
	ck_assert_str_eq(hl_finding_band(must_find(r, "rf_low")),
	    "discuss_with_doctor");
	hl_report_free(r);

	/* rf_multi reaches 3: it leads, triage 3 suppresses */
	set(&in, "leg_weakness_or_foot_drop", HL_YES);
	r = assess(rb, &in);
	ck_assert_str_eq(ids(r), "rf_multi rf_or rf_low c_kleene");
	ck_assert_int_eq(hl_report_triage(r), 3);
	ck_assert_str_eq(hl_report_triage_name(r), "urgent_care_now");
	ck_assert_int_eq(hl_report_suppress_training_advice(r), 1);
	hl_report_free(r);
	hl_rulebase_free(rb);
}
END_TEST

/* ---- strategies ---- */

static const char strategies[] = HEAD
    "red_flags:\n"
    "  - id: rf_soon\n"
    "    title: Soon\n"
    "    levels:\n"
    "      - { when: numbness_tingling, urgency: 2 }\n"
    "  - id: rf_urgent\n"
    "    title: Urgent\n"
    "    levels:\n"
    "      - { when: leg_weakness_or_foot_drop, urgency: 3 }\n"
    "causes:\n"
    "  - id: lo\n"
    "    title: Low cause\n"
    "    leak: 0.3\n"
    "  - id: hi\n"
    "    title: High cause\n"
    "    leak: 0.6\n"
    "  - id: tiny\n"
    "    title: Tiny cause\n"
    "    leak: 0.1\n"
    "strategies:\n"
    "  - id: s_lo\n"
    "    title: For lo\n"
    "    addresses: [lo]\n"
    "  - id: s_lo_strict\n"
    "    title: For lo, stricter\n"
    "    addresses: [lo]\n"
    "    min_score: 0.31\n"
    "  - id: s_lo_exact\n"
    "    title: For lo, exactly\n"
    "    addresses: [lo]\n"
    "    min_score: 0.3\n"
    "  - id: s_both\n"
    "    title: For lo and hi\n"
    "    addresses: [lo, hi]\n"
    "  - id: s_tiny\n"
    "    title: For tiny\n"
    "    addresses: [tiny]\n"
    "  - id: s_unless\n"
    "    title: Unless thirsty\n"
    "    addresses: [hi]\n"
    "    when: not known(thirsty) or not thirsty\n"
    "  - id: s_own_b\n"
    "    title: Own trigger, second in file\n"
    "    when: mood_low\n"
    "  - id: s_safe\n"
    "    title: Safety\n"
    "    when: urgency >= 2\n"
    "    safety: true\n"
    "  - id: s_safe_hi\n"
    "    title: Safety for hi\n"
    "    addresses: [hi]\n"
    "    safety: true\n"
    "  - id: s_fired\n"
    "    title: When hi fired\n"
    "    when: fired(hi) and not fired(tiny)\n";

START_TEST(strategy_thresholds_and_order)
{
	/*
	 * lo 0.3, hi 0.6, tiny 0.1.  Suggested: s_lo (0.3 >= 0.25),
	 * s_lo_exact (0.3 >= 0.3), s_both (best 0.6), s_unless (thirsty
	 * unknown: 0.6), s_own_b (mood_low), s_safe_hi (0.6), s_fired.
	 * Not: s_lo_strict (0.3 < 0.31), s_tiny (0.1), s_safe (urgency 0).
	 * Own triggers first in file order (s_own_b, s_fired), then by
	 * score, ties in file order.
	 */
	hl_rulebase *rb = load(strategies);
	hl_inputs in;
	hl_report *r;
	const hl_finding *f;

	hl_inputs_init(&in, sizeof in);
	set(&in, "mood_low", HL_YES);
	r = assess(rb, &in);
	ck_assert_str_eq(ids(r), "hi lo tiny s_own_b s_fired s_both s_unless "
	    "s_safe_hi s_lo s_lo_exact");
	f = must_find(r, "s_both");
	ck_assert_int_eq(hl_finding_kind(f), HL_FINDING_STRATEGY);
	ck_assert_double_eq(hl_finding_score(f), 0.6);
	ck_assert_str_eq(hl_finding_band(f), "high");
	ck_assert(isnan(hl_finding_coverage(f)));
	ck_assert_int_eq(hl_finding_evidence_count(f), 0);
	f = must_find(r, "s_lo");
	ck_assert_double_eq(hl_finding_score(f), 0.3);
	ck_assert_str_eq(hl_finding_band(f), "moderate");
	f = must_find(r, "s_own_b");
	ck_assert(isnan(hl_finding_score(f)));
	ck_assert_str_eq(hl_finding_band(f), "");
	ck_assert_int_eq(hl_finding_evidence_count(f), 1);
	ck_assert_str_eq(hl_finding_evidence_when(f, 0), "mood_low");
	ck_assert_int_eq(hl_finding_evidence_state(f, 0), HL_STATE_FIRED);
	f = must_find(r, "s_unless");
	ck_assert_int_eq(hl_finding_evidence_state(f, 0), HL_STATE_FIRED);
	hl_report_free(r);

	/* thirsty no: s_unless stays; thirsty yes: withheld */
	set(&in, "thirsty", HL_NO);
	r = assess(rb, &in);
	must_find(r, "s_unless");
	hl_report_free(r);
	set(&in, "thirsty", HL_YES);
	r = assess(rb, &in);
	ck_assert_ptr_null(find(r, "s_unless"));
	hl_report_free(r);
	hl_rulebase_free(rb);
}
END_TEST

START_TEST(level_two_does_not_suppress)
{
	/*
	 * rf_soon (2): no suppression; s_safe's `urgency >= 2` is true;
	 * causes are not secondary; training strategies remain.
	 */
	hl_rulebase *rb = load(strategies);
	hl_inputs in;
	hl_report *r;

	hl_inputs_init(&in, sizeof in);
	set(&in, "numbness_tingling", HL_YES);
	r = assess(rb, &in);
	ck_assert_int_eq(hl_report_triage(r), 2);
	ck_assert_int_eq(hl_report_suppress_training_advice(r), 0);
	ck_assert_str_eq(ids(r), "rf_soon hi lo tiny s_safe s_fired s_both "
	    "s_unless s_safe_hi s_lo s_lo_exact");
	ck_assert_int_eq(hl_finding_secondary(must_find(r, "hi")), 0);
	ck_assert(json_has(r, "\"suppress_training_advice\":false"));
	hl_report_free(r);
	hl_rulebase_free(rb);
}
END_TEST

START_TEST(suppression_keeps_safety)
{
	/*
	 * rf_urgent (3) reaches suppress_at 3: only the safety strategies
	 * remain (s_safe, own trigger, first; s_safe_hi); causes are
	 * listed, marked secondary.
	 */
	hl_rulebase *rb = load(strategies);
	hl_inputs in;
	hl_report *r;
	size_t i;

	hl_inputs_init(&in, sizeof in);
	set(&in, "leg_weakness_or_foot_drop", HL_YES);
	set(&in, "mood_low", HL_YES);
	r = assess(rb, &in);
	ck_assert_int_eq(hl_report_triage(r), 3);
	ck_assert_int_eq(hl_report_suppress_training_advice(r), 1);
	ck_assert_str_eq(ids(r), "rf_urgent hi lo tiny s_safe s_safe_hi");
	for (i = 0; i < hl_report_count(r); i++) {
		const hl_finding *f = hl_report_finding(r, i);

		ck_assert_int_eq(hl_finding_secondary(f),
		    hl_finding_kind(f) == HL_FINDING_CAUSE);
	}
	ck_assert(json_has(r, "\"suppress_training_advice\":true"));
	ck_assert(json_has(r, "\"secondary\":true"));
	hl_report_free(r);
	hl_rulebase_free(rb);
}
END_TEST

START_TEST(suppress_at_custom)
{
	/* suppress_at: 2 makes the level-2 flag suppress */
	hl_rulebase *rb = load(HEAD
	    "suppress_at: 2\n"
	    "red_flags:\n"
	    "  - id: rf\n"
	    "    title: F\n"
	    "    levels:\n"
	    "      - { when: numbness_tingling, urgency: 2 }\n"
	    "causes:\n"
	    "  - id: c\n"
	    "    title: C\n"
	    "    leak: 0.9\n"
	    "strategies:\n"
	    "  - id: s\n"
	    "    title: S\n"
	    "    addresses: [c]\n");
	hl_inputs in;
	hl_report *r;

	hl_inputs_init(&in, sizeof in);
	r = assess(rb, &in);
	ck_assert_str_eq(ids(r), "c s");
	hl_report_free(r);
	set(&in, "numbness_tingling", HL_YES);
	r = assess(rb, &in);
	ck_assert_int_eq(hl_report_suppress_training_advice(r), 1);
	ck_assert_str_eq(ids(r), "rf c");
	ck_assert_int_eq(hl_finding_secondary(must_find(r, "c")), 1);
	hl_report_free(r);
	hl_rulebase_free(rb);
}
END_TEST

START_TEST(fired_across_rules)
{
	/*
	 * b reads fired(a) and comes first in the file: a (leak 0.3 >= 0.25)
	 * has fired, so b = 0.5; d reads fired(c), c = 0.2 did not: d = 0
	 * with its item known (not fired); the flag reads fired(b).
	 * A cause's fired state is never unknown.
	 */
	hl_rulebase *rb = load(HEAD
	    "red_flags:\n"
	    "  - id: rf_b\n"
	    "    title: From b\n"
	    "    levels:\n"
	    "      - { when: fired(b), urgency: 1 }\n"
	    "causes:\n"
	    "  - id: b\n"
	    "    title: B\n"
	    "    evidence:\n"
	    "      - { when: fired(a), weight: 0.5 }\n"
	    "  - id: a\n"
	    "    title: A\n"
	    "    leak: 0.3\n"
	    "  - id: d\n"
	    "    title: D\n"
	    "    evidence:\n"
	    "      - { when: fired(c), weight: 0.5 }\n"
	    "  - id: c\n"
	    "    title: C\n"
	    "    leak: 0.2\n");
	hl_inputs in;
	hl_report *r;

	hl_inputs_init(&in, sizeof in);
	r = assess(rb, &in);
	ck_assert_double_eq(score_of(r, "b"), 0.5);
	ck_assert_double_eq(score_of(r, "d"), 0);
	ck_assert_double_eq(coverage_of(r, "d"), 1);
	ck_assert_int_eq(hl_finding_evidence_state(must_find(r, "d"), 0),
	    HL_STATE_NOT_FIRED);
	ck_assert_str_eq(ids(r), "rf_b b a c d");
	ck_assert_int_eq(hl_report_triage(r), 1);
	hl_report_free(r);
	hl_rulebase_free(rb);
}
END_TEST

/* ---- next questions ---- */

static const char *const screen_order =
    "heaviness_side calf_swelling_one_side leg_warm_red_tender "
    "chest_pain_or_breathlessness exertional_palpitations_or_fainting "
    "fever_now numbness_tingling skin_change "
    "dark_urine_after_run heaviness_onset heaviness_severity "
    "leg_weakness_or_foot_drop saddle_numbness_or_bladder_bowel_change";

START_TEST(questions_screen_order)
{
	/* no causes: only the screen, in its fixed order, always */
	hl_rulebase *rb = load(HEAD);
	hl_inputs in;
	hl_report *r;

	hl_inputs_init(&in, sizeof in);
	r = assess(rb, &in);
	ck_assert_str_eq(questions(r), screen_order);
	ck_assert_int_eq(hl_report_question_count(r), 13);
	ck_assert_int_eq(hl_report_screen_complete(r), 0);
	hl_report_free(r);

	/* answered ones drop out; the order stays */
	set(&in, "heaviness_side", HL_SIDE_BOTH);
	set(&in, "skin_change", HL_SKIN_NONE);
	set(&in, "saddle_numbness_or_bladder_bowel_change", HL_NO);
	set(&in, "fever_now", HL_NO);
	r = assess(rb, &in);
	ck_assert_str_eq(questions(r), "calf_swelling_one_side "
	    "leg_warm_red_tender chest_pain_or_breathlessness "
	    "exertional_palpitations_or_fainting "
	    "numbness_tingling dark_urine_after_run heaviness_onset "
	    "heaviness_severity leg_weakness_or_foot_drop");
	ck_assert_int_eq(hl_report_screen_complete(r), 0);
	hl_report_free(r);

	/* all thirteen answered: the screen is complete, nothing asked */
	answer_screen(&in);
	r = assess(rb, &in);
	ck_assert_int_eq(hl_report_question_count(r), 0);
	ck_assert_int_eq(hl_report_screen_complete(r), 1);
	hl_report_free(r);
	/* one of them unknown again: incomplete */
	set(&in, "exertional_palpitations_or_fainting", NAN);
	r = assess(rb, &in);
	ck_assert_int_eq(hl_report_screen_complete(r), 0);
	ck_assert_str_eq(questions(r), "exertional_palpitations_or_fainting");
	hl_report_free(r);
	hl_rulebase_free(rb);
}
END_TEST

static const char gains[] = HEAD
    "causes:\n"
    "  - id: a\n"
    "    title: A\n"
    "    leak: 0.05\n"
    "    evidence:\n"
    "      - { when: ferritin_ug_l < 30, weight: 0.6 }\n"
    "      - { when: thirsty, weight: 0.2 }\n"
    "      - { when: muscle_cramps, weight: 0.1 }\n"
    "      - { when: mood_low, weight: 0.3 }\n"
    "      - { when: hemoglobin_g_l < 120 and numbness_tingling, "
    "weight: 0.9 }\n";

START_TEST(questions_gain_with_costs)
{
	/*
	 * Known: mood_low (0.3) of 0.6 + 0.2 + 0.1 + 0.3 + 0.9 = 2.1:
	 * coverage 1/7, open = 6/7.  Gains:
	 *   hemoglobin_g_l 0.9 * 6/7 / 3 = 0.2571 (cost 3)
	 *   thirsty        0.2 * 6/7     = 0.1714
	 *   ferritin_ug_l  0.6 * 6/7 / 3 = 0.1714 (tie: by name, first)
	 *   muscle_cramps  0.1 * 6/7     = 0.0857
	 * numbness_tingling is in the screen: asked there, not twice.
	 */
	hl_rulebase *rb = load(gains);
	hl_inputs in;
	hl_report *r;

	hl_inputs_init(&in, sizeof in);
	answer_screen(&in);
	set(&in, "numbness_tingling", NAN);
	set(&in, "mood_low", HL_NO);
	r = assess(rb, &in);
	ck_assert_str_eq(questions(r), "numbness_tingling hemoglobin_g_l "
	    "ferritin_ug_l thirsty muscle_cramps");
	hl_report_free(r);

	/*
	 * thirsty no: not asked; coverage (0.3 + 0.2) / 2.1, open 1.6/2.1:
	 * hemoglobin_g_l 0.229, ferritin_ug_l 0.152, muscle_cramps 0.076.
	 */
	set(&in, "thirsty", HL_NO);
	r = assess(rb, &in);
	ck_assert_str_eq(questions(r), "numbness_tingling hemoglobin_g_l "
	    "ferritin_ug_l muscle_cramps");
	hl_report_free(r);

	/*
	 * numbness_tingling no as well: the hemoglobin item is false, so
	 * coverage is 1.4/2.1 >= 0.5 and confidence 2/3: nothing more.
	 */
	set(&in, "numbness_tingling", HL_NO);
	r = assess(rb, &in);
	ck_assert_int_eq(hl_report_question_count(r), 0);
	hl_report_free(r);
	hl_rulebase_free(rb);
}
END_TEST

START_TEST(questions_only_when_coverage_low)
{
	/*
	 * One cause: thirsty (0.5) known, muscle_cramps (0.4) unknown:
	 * coverage 0.5/0.9 = 0.56 >= 0.5 and confidence 0.56: only the
	 * screen (answered here), so no questions at all.
	 */
	static const char y[] = HEAD
	    "causes:\n"
	    "  - id: a\n"
	    "    title: A\n"
	    "    evidence:\n"
	    "      - { when: thirsty, weight: 0.5 }\n"
	    "      - { when: muscle_cramps, weight: 0.4 }\n";
	/* the same weights swapped: coverage 0.4/0.9 = 0.44 < 0.5: asked */
	static const char z[] = HEAD
	    "causes:\n"
	    "  - id: a\n"
	    "    title: A\n"
	    "    evidence:\n"
	    "      - { when: thirsty, weight: 0.4 }\n"
	    "      - { when: muscle_cramps, weight: 0.5 }\n";
	hl_rulebase *rb;
	hl_inputs in;
	hl_report *r;

	hl_inputs_init(&in, sizeof in);
	answer_screen(&in);
	set(&in, "thirsty", HL_NO);
	rb = load(y);
	r = assess(rb, &in);
	ck_assert_int_eq(hl_report_question_count(r), 0);
	hl_report_free(r);
	hl_rulebase_free(rb);

	rb = load(z);
	r = assess(rb, &in);
	ck_assert_str_eq(questions(r), "muscle_cramps");
	hl_report_free(r);
	hl_rulebase_free(rb);
}
END_TEST

START_TEST(questions_when_confidence_low)
{
	/*
	 * The rank-1 cause a (0.9) has coverage 1, but b..e have 0:
	 * confidence 1/5 = 0.2 < 0.25, so questions are asked:
	 * gains 0.4, 0.3, 0.2, 0.1 (each open = 1).
	 */
	hl_rulebase *rb = load(HEAD
	    "causes:\n"
	    "  - id: a\n"
	    "    title: A\n"
	    "    leak: 0.9\n"
	    "    evidence:\n"
	    "      - { when: thirsty, weight: 0.5 }\n"
	    "  - id: b\n"
	    "    title: B\n"
	    "    evidence:\n"
	    "      - { when: mood_low, weight: 0.1 }\n"
	    "  - id: c\n"
	    "    title: C\n"
	    "    evidence:\n"
	    "      - { when: muscle_cramps, weight: 0.4 }\n"
	    "  - id: d\n"
	    "    title: D\n"
	    "    evidence:\n"
	    "      - { when: worsening, weight: 0.3 }\n"
	    "  - id: e\n"
	    "    title: E\n"
	    "    evidence:\n"
	    "      - { when: high_life_stress, weight: 0.2 }\n");
	hl_inputs in;
	hl_report *r;

	hl_inputs_init(&in, sizeof in);
	answer_screen(&in);
	set(&in, "thirsty", HL_NO);
	r = assess(rb, &in);
	ck_assert_double_eq_tol(hl_report_confidence(r), 0.2, TOL);
	ck_assert_str_eq(hl_finding_id(hl_report_finding(r, 0)), "a");
	ck_assert_str_eq(questions(r), "muscle_cramps worsening "
	    "high_life_stress mood_low");
	hl_report_free(r);
	hl_rulebase_free(rb);
}
END_TEST

START_TEST(questions_series_and_metrics)
{
	/*
	 * sleep_7d_h needs daily_sleep_h (asked by the series name while
	 * all 28 days are unknown); heat_index_f needs air_temp_c and
	 * relative_humidity_pct, never dew_point_c; a series element in a
	 * condition asks for its series.  Gains: 0.5 for the two weather
	 * inputs (tie: by name), 0.4 daily_distance_km, 0.3 daily_sleep_h.
	 */
	hl_rulebase *rb = load(HEAD
	    "causes:\n"
	    "  - id: a\n"
	    "    title: A\n"
	    "    evidence:\n"
	    "      - { when: sleep_7d_h < 7, weight: 0.3 }\n"
	    "      - { when: heat_index_f >= 90, weight: 0.5 }\n"
	    "      - when: daily_distance_km[0] > 20\n"
	    "        weight: 0.4\n");
	hl_inputs in;
	hl_report *r;

	hl_inputs_init(&in, sizeof in);
	answer_screen(&in);
	r = assess(rb, &in);
	ck_assert_str_eq(questions(r), "air_temp_c relative_humidity_pct "
	    "daily_distance_km daily_sleep_h");
	hl_report_free(r);

	/* one night known: the series is no longer asked */
	in.daily_sleep_h[20] = 7;
	r = assess(rb, &in);
	ck_assert_str_eq(questions(r), "air_temp_c relative_humidity_pct "
	    "daily_distance_km");
	hl_report_free(r);
	hl_rulebase_free(rb);
}
END_TEST

START_TEST(questions_at_most_eight)
{
	/* ten unknown items of falling weight: the eight heaviest */
	hl_rulebase *rb = load(HEAD
	    "causes:\n"
	    "  - id: a\n"
	    "    title: A\n"
	    "    evidence:\n"
	    "      - { when: thirsty, weight: 0.10 }\n"
	    "      - { when: muscle_cramps, weight: 0.11 }\n"
	    "      - { when: mood_low, weight: 0.12 }\n"
	    "      - { when: worsening, weight: 0.13 }\n"
	    "      - { when: high_life_stress, weight: 0.14 }\n"
	    "      - { when: performance_decline, weight: 0.15 }\n"
	    "      - { when: recent_illness_14d, weight: 0.16 }\n"
	    "      - { when: varicose_veins, weight: 0.17 }\n"
	    "      - { when: vte_risk_factors, weight: 0.18 }\n"
	    "      - { when: smoker_or_diabetes, weight: 0.19 }\n");
	hl_inputs in;
	hl_report *r;

	hl_inputs_init(&in, sizeof in);
	r = assess(rb, &in);
	ck_assert_int_eq(hl_report_question_count(r), 21);
	ck_assert_str_eq(questions(r) + strlen(screen_order) + 1,
	    "smoker_or_diabetes vte_risk_factors varicose_veins "
	    "recent_illness_14d performance_decline high_life_stress "
	    "worsening mood_low");
	ck_assert_ptr_null(hl_report_question(r, 21));
	hl_report_free(r);
	hl_rulebase_free(rb);
}
END_TEST

/* ---- errors ---- */

START_TEST(input_error)
{
	hl_rulebase *rb = load(one_item);
	hl_inputs in;
	hl_report *r = NULL;
	hl_error err;

	hl_inputs_init(&in, sizeof in);
	in.daily_sleep_h[3] = 30;	/* > 24 h */
	memset(&err, 0xff, sizeof err);
	err.size = 0;
	ck_assert_int_eq(hl_assess(rb, &in, &r, &err), HL_EINPUT);
	ck_assert_ptr_null(r);	/* nothing allocated */
	ck_assert_int_eq(err.code, HL_EINPUT);
	ck_assert_str_eq(err.name, "daily_sleep_h[3]");
	ck_assert_int_eq(err.count, 1);
	ck_assert_ptr_nonnull(strstr(err.message, "daily_sleep_h[3]"));

	in.age_years = 200;
	ck_assert_int_eq(hl_assess(rb, &in, &r, &err), HL_EINPUT);
	ck_assert_int_eq(err.count, 2);

	/* a reused report is left valid and empty */
	hl_inputs_init(&in, sizeof in);
	set(&in, "thirsty", HL_YES);
	ck_assert_int_eq(hl_assess(rb, &in, &r, &err), HL_OK);
	ck_assert_int_eq(hl_report_count(r), 1);
	in.thirsty = 2;
	ck_assert_int_eq(hl_assess(rb, &in, &r, &err), HL_EINPUT);
	ck_assert_str_eq(err.name, "thirsty");
	ck_assert_int_eq(hl_report_count(r), 0);
	ck_assert_int_eq(hl_report_question_count(r), 0);
	ck_assert_int_eq(hl_report_warning_count(r), 0);
	ck_assert_int_eq(hl_report_triage(r), 0);
	ck_assert(isnan(hl_report_confidence(r)));
	ck_assert(json_has(r, "\"findings\":[]"));
	ck_assert_ptr_nonnull(hl_report_disclaimer(r));
	/* and works again */
	in.thirsty = HL_YES;
	ck_assert_int_eq(hl_assess(rb, &in, &r, &err), HL_OK);
	ck_assert_int_eq(err.code, 0);
	ck_assert_int_eq(hl_report_count(r), 1);
	hl_report_free(r);
	hl_rulebase_free(rb);
}
END_TEST

START_TEST(null_arguments)
{
	hl_rulebase *rb = load(one_item);
	hl_inputs in;
	hl_report *r = NULL;
	hl_error err;

	hl_inputs_init(&in, sizeof in);
	memset(&err, 0, sizeof err);
	ck_assert_int_eq(hl_assess(NULL, &in, &r, &err), HL_EINVAL);
	ck_assert_int_eq(err.code, HL_EINVAL);
	ck_assert_ptr_null(r);
	ck_assert_int_eq(hl_assess(rb, NULL, &r, &err), HL_EINVAL);
	ck_assert_int_eq(hl_assess(rb, &in, NULL, &err), HL_EINVAL);
	ck_assert_int_eq(hl_assess(rb, &in, NULL, NULL), HL_EINVAL);
	/* a struct too small */
	in.size = 16;
	ck_assert_int_eq(hl_assess(rb, &in, &r, &err), HL_EINVAL);
	ck_assert_ptr_null(r);
	hl_rulebase_free(rb);
}
END_TEST

static Suite *
suite_assess(void)
{
	Suite *s = suite_create("assess");
	TCase *tc;

	tc = tcase_create("causes");
	tcase_add_test(tc, leak_alone);
	tcase_add_test(tc, one_item_fires);
	tcase_add_test(tc, order_many_ties);
	tcase_add_test(tc, unknown_neither_raises_nor_lowers);
	tcase_add_test(tc, noisy_or_two_items);
	tcase_add_test(tc, bands_largest_true_weight);
	tcase_add_test(tc, band_group_coverage_at_top_weight);
	tcase_add_test(tc, lowering_largest_by);
	tcase_add_test(tc, applies_false_drops_item);
	tcase_add_test(tc, confidence_mean_coverage);
	tcase_add_test(tc, confidence_low_threshold);
	tcase_add_test(tc, ranking_ties);
	suite_add_tcase(s, tc);

	tc = tcase_create("red_flags");
	tcase_add_test(tc, red_flag_highest_true_level);
	tcase_add_test(tc, red_flag_unknown_never_fires);
	tcase_add_test(tc, red_flag_kleene);
	tcase_add_test(tc, triage_and_flag_order);
	suite_add_tcase(s, tc);

	tc = tcase_create("strategies");
	tcase_add_test(tc, strategy_thresholds_and_order);
	tcase_add_test(tc, level_two_does_not_suppress);
	tcase_add_test(tc, suppression_keeps_safety);
	tcase_add_test(tc, suppress_at_custom);
	tcase_add_test(tc, fired_across_rules);
	suite_add_tcase(s, tc);

	tc = tcase_create("questions");
	tcase_add_test(tc, questions_screen_order);
	tcase_add_test(tc, questions_gain_with_costs);
	tcase_add_test(tc, questions_only_when_coverage_low);
	tcase_add_test(tc, questions_when_confidence_low);
	tcase_add_test(tc, questions_series_and_metrics);
	tcase_add_test(tc, questions_at_most_eight);
	suite_add_tcase(s, tc);

	tc = tcase_create("errors");
	tcase_add_test(tc, input_error);
	tcase_add_test(tc, null_arguments);
	suite_add_tcase(s, tc);
	return s;
}

HL_CHECK_MAIN(suite_assess)
