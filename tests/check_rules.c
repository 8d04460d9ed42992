/* SPDX-License-Identifier: MIT */
/* check_rules.c - scenario tests of the default rulebase through the public API. */

#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "heavylegs.h"
#include "check_main.h"

#define TOL	1e-9

static hl_rulebase *rb;		/* the default rulebase, per test */
static hl_report *rep;		/* the last report, per test */

static void
setup(void)
{
	hl_error err;

	memset(&err, 0, sizeof err);
	rb = NULL;
	rep = NULL;
	ck_assert_msg(hl_rulebase_load_default(&rb, &err) == HL_OK, "%s",
	    err.message);
}

static void
teardown(void)
{
	hl_report_free(rep);
	hl_rulebase_free(rb);
	rep = NULL;
	rb = NULL;
}

/* Assess `in` with the default rulebase; the report stays in `rep`. */
static void
assess(const hl_inputs *in)
{
	hl_error err;

	memset(&err, 0, sizeof err);
	ck_assert_msg(hl_assess(rb, in, &rep, &err) == HL_OK, "%s",
	    err.message);
}

static void
set(hl_inputs *in, const char *name, double v)
{
	hl_error err;

	memset(&err, 0, sizeof err);
	ck_assert_msg(hl_inputs_set(in, name, v, &err) == HL_OK, "%s: %s",
	    name, err.message);
}

/* The finding of this kind and id, or NULL. */
static const hl_finding *
find(int kind, const char *id)
{
	const hl_finding *f;
	size_t i, n;

	n = hl_report_count(rep);
	for (i = 0; i < n; i++) {
		f = hl_report_finding(rep, i);
		if (hl_finding_kind(f) == kind &&
		    strcmp(hl_finding_id(f), id) == 0)
			return f;
	}
	return NULL;
}

static const hl_finding *
cause(const char *id)
{
	const hl_finding *f;

	f = find(HL_FINDING_CAUSE, id);
	ck_assert_msg(f != NULL, "cause %s missing", id);
	return f;
}

static int
suggested(const char *id)
{
	return find(HL_FINDING_STRATEGY, id) != NULL;
}

static size_t
count_kind(int kind)
{
	size_t i, n, k = 0;

	n = hl_report_count(rep);
	for (i = 0; i < n; i++)
		if (hl_finding_kind(hl_report_finding(rep, i)) == kind)
			k++;
	return k;
}

/* Whether a fired evidence text of f contains `needle`. */
static int
fired_text(const hl_finding *f, const char *needle)
{
	size_t i, n;
	const char *t;

	n = hl_finding_evidence_count(f);
	for (i = 0; i < n; i++) {
		t = hl_finding_evidence_text(f, i);
		if (hl_finding_evidence_state(f, i) == HL_STATE_FIRED &&
		    t != NULL && strstr(t, needle) != NULL)
			return 1;
	}
	return 0;
}

static void
check_score(const char *id, double want, const char *band)
{
	const hl_finding *f = cause(id);

	ck_assert_msg(fabs(hl_finding_score(f) - want) < TOL,
	    "%s: score %.9f, want %.9f", id, hl_finding_score(f), want);
	ck_assert_str_eq(hl_finding_band(f), band);
}

/* 28 days of distance: today .. 6 days ago `week`, the rest `before`. */
static void
distances(hl_inputs *in, double week, double before)
{
	int i;

	for (i = 0; i < HL_SERIES_DAYS; i++)
		in->daily_distance_km[i] = i < 7 ? week : before;
}

START_TEST(default_loads)
{
	hl_rulebase *f = NULL;
	hl_error err;

	ck_assert_str_eq(hl_rulebase_name(rb), "default");
	ck_assert_str_eq(hl_rulebase_version(rb), "1.1");
	/*
	 * every red flag of heavylegs-domain(7), RED FLAGS, cause of CAUSES, strategy of STRATEGIES,
	 * with the v0.3 amendments: 4 more flags, medication_effect and
	 * medication_review
	 */
	ck_assert_uint_eq(hl_rulebase_count(rb, HL_FINDING_RED_FLAG), 22);
	ck_assert_uint_eq(hl_rulebase_count(rb, HL_FINDING_CAUSE), 11);
	ck_assert_uint_eq(hl_rulebase_count(rb, HL_FINDING_STRATEGY), 15);
	memset(&err, 0, sizeof err);
	ck_assert_msg(hl_rulebase_load_file("rules/heavylegs.yaml", &f,
	    &err) == HL_OK, "%s", err.message);
	hl_rulebase_free(f);
}
END_TEST

/*
 * Red flags: one case per level of heavylegs-domain(7), RED FLAGS; `want` lists every
 * flag that must fire (and no other may), with its urgency.
 */
struct kv {
	const char *name;
	double	 v;
};
struct want {
	const char *id;
	int	 urgency;
};
static const struct flagcase {
	struct kv set[4];
	struct want want[3];
	int	 triage;
} flagcases[] = {
	{ { { "chest_pain_or_breathlessness", HL_YES } },
	  { { "rf_chest_symptoms", 4 } }, 4 },
	{ { { "confusion_or_collapse", HL_YES } },
	  { { "rf_exertional_collapse", 4 } }, 4 },
	{ { { "saddle_numbness_or_bladder_bowel_change", HL_YES } },
	  { { "rf_cauda_equina", 4 } }, 4 },
	{ { { "skin_change", HL_SKIN_PALE_BLUE_COLD } },
	  { { "rf_acute_limb_threat", 4 } }, 4 },
	{ { { "severe_muscle_pain_swelling", HL_YES },
	    { "leg_pain_at_rest", HL_YES }, { "numbness_tingling", HL_YES } },
	  { { "rf_acute_limb_threat", 4 },
	    { "rf_exertional_rhabdomyolysis", 3 },
	    { "rf_accompanying_symptoms", 2 } }, 4 },
	{ { { "calf_swelling_one_side", HL_YES } },
	  { { "rf_dvt_suspected", 3 } }, 3 },
	{ { { "leg_warm_red_tender", HL_YES } },
	  { { "rf_dvt_suspected", 3 } }, 3 },
	{ { { "heaviness_side", HL_SIDE_ONE },
	    { "recent_travel_or_immobility", HL_YES } },
	  { { "rf_dvt_suspected", 2 } }, 2 },
	/* v0.3: one side, travel and a risk factor: same day */
	{ { { "heaviness_side", HL_SIDE_ONE },
	    { "recent_travel_or_immobility", HL_YES },
	    { "vte_risk_factors", HL_YES } },
	  { { "rf_dvt_suspected", 3 } }, 3 },
	{ { { "heaviness_side", HL_SIDE_ONE },
	    { "recent_travel_or_immobility", HL_YES },
	    { "pregnant_or_postpartum", HL_YES } },
	  { { "rf_dvt_suspected", 3 } }, 3 },
	{ { { "heaviness_side", HL_SIDE_ONE },
	    { "vte_risk_factors", HL_YES } },
	  { { "rf_dvt_suspected", 2 } }, 2 },
	{ { { "heaviness_side", HL_SIDE_ONE },
	    { "pregnant_or_postpartum", HL_YES } },
	  { { "rf_dvt_suspected", 2 } }, 2 },
	/* both legs: the travel/risk levels need one side */
	{ { { "heaviness_side", HL_SIDE_BOTH },
	    { "recent_travel_or_immobility", HL_YES },
	    { "vte_risk_factors", HL_YES } }, { { NULL, 0 } }, 0 },
	{ { { "dark_urine_after_run", HL_YES } },
	  { { "rf_exertional_rhabdomyolysis", 3 } }, 3 },
	/* finished 1 % heavier: mass_gained */
	{ { { "headache_nausea_vomiting", HL_YES },
	    { "pre_run_body_mass_kg", 60 }, { "post_run_body_mass_kg", 60.6 } },
	  { { "rf_exercise_associated_hyponatremia", 3 },
	    { "rf_accompanying_symptoms", 2 } }, 3 },
	{ { { "headache_nausea_vomiting", HL_YES },
	    { "last_run_duration_min", 250 } },
	  { { "rf_exercise_associated_hyponatremia", 3 },
	    { "rf_accompanying_symptoms", 2 } }, 3 },
	/* v0.3: 120 min or more and no lighter at the end */
	{ { { "headache_nausea_vomiting", HL_YES },
	    { "last_run_duration_min", 120 },
	    { "pre_run_body_mass_kg", 70 }, { "post_run_body_mass_kg", 70 } },
	  { { "rf_exercise_associated_hyponatremia", 3 },
	    { "rf_accompanying_symptoms", 2 } }, 3 },
	{ { { "headache_nausea_vomiting", HL_YES },
	    { "last_run_duration_min", 119 },
	    { "pre_run_body_mass_kg", 70 }, { "post_run_body_mass_kg", 70 } },
	  { { "rf_accompanying_symptoms", 2 } }, 2 },
	{ { { "headache_nausea_vomiting", HL_YES },
	    { "last_run_duration_min", 215 },
	    { "pre_run_body_mass_kg", 70 }, { "post_run_body_mass_kg", 69.9 } },
	  { { "rf_accompanying_symptoms", 2 } }, 2 },
	/* humidity unknown: only the air temperature can say "hot" */
	{ { { "headache_nausea_vomiting", HL_YES }, { "air_temp_c", 33 } },
	  { { "rf_heat_exhaustion", 3 }, { "rf_accompanying_symptoms", 2 } },
	  3 },
	{ { { "headache_nausea_vomiting", HL_YES }, { "wbgt_c", 28.5 } },
	  { { "rf_heat_exhaustion", 3 }, { "rf_accompanying_symptoms", 2 } },
	  3 },
	{ { { "heaviness_onset", HL_ONSET_SUDDEN },
	    { "leg_weakness_or_foot_drop", HL_YES } },
	  { { "rf_sudden_severe_onset", 4 }, { "rf_nerve_compression", 3 } },
	  4 },
	{ { { "heaviness_onset", HL_ONSET_SUDDEN },
	    { "heaviness_severity", 8 } },
	  { { "rf_sudden_severe_onset", 3 } }, 3 },
	/* v0.3: sudden and one-sided: same day; sudden alone: days */
	{ { { "heaviness_onset", HL_ONSET_SUDDEN },
	    { "heaviness_side", HL_SIDE_ONE } },
	  { { "rf_sudden_severe_onset", 3 } }, 3 },
	{ { { "heaviness_onset", HL_ONSET_SUDDEN },
	    { "heaviness_side", HL_SIDE_BOTH } },
	  { { "rf_sudden_severe_onset", 2 } }, 2 },
	{ { { "heaviness_onset", HL_ONSET_GRADUAL },
	    { "heaviness_side", HL_SIDE_ONE } }, { { NULL, 0 } }, 0 },
	{ { { "leg_weakness_or_foot_drop", HL_YES } },
	  { { "rf_nerve_compression", 3 } }, 3 },
	{ { { "exertional_pain_pattern", HL_PAIN_EASES_ONLY_SITTING_OR_BENDING } },
	  { { "rf_nerve_compression", 2 } }, 2 },
	{ { { "leg_pain_at_rest", HL_YES }, { "age_years", 70 } },
	  { { "rf_peripheral_artery_disease", 3 },
	    { "rf_accompanying_symptoms", 2 } }, 3 },
	/* pad_risk true: the compartment flag stays quiet */
	{ { { "exertional_pain_pattern", HL_PAIN_EASES_ON_STOPPING },
	    { "age_years", 55 }, { "smoker_or_diabetes", HL_YES } },
	  { { "rf_peripheral_artery_disease", 2 } }, 2 },
	/* pad_risk unknown or false: known exertional pain is always flagged */
	{ { { "exertional_pain_pattern", HL_PAIN_EASES_ON_STOPPING } },
	  { { "rf_chronic_exertional_compartment", 2 } }, 2 },
	{ { { "exertional_pain_pattern", HL_PAIN_EASES_ON_STOPPING },
	    { "age_years", 40 } },
	  { { "rf_chronic_exertional_compartment", 2 } }, 2 },
	{ { { "skin_change", HL_SKIN_BROWN_OR_ECZEMA } },
	  { { "rf_chronic_venous_disease", 2 } }, 2 },
	{ { { "varicose_veins", HL_YES } },
	  { { "rf_chronic_venous_disease", 1 } }, 1 },
	{ { { "ankle_swelling_end_of_day", HL_YES } },
	  { { "rf_chronic_venous_disease", 1 } }, 1 },
	{ { { "hemoglobin_g_l", 75 }, { "sex", HL_SEX_FEMALE } },
	  { { "rf_anemia_or_iron_deficiency", 3 } }, 3 },
	{ { { "hemoglobin_g_l", 110 }, { "sex", HL_SEX_FEMALE },
	    { "age_years", 30 } },
	  { { "rf_anemia_or_iron_deficiency", 2 } }, 2 },
	{ { { "ferritin_ug_l", 25 }, { "sex", HL_SEX_FEMALE } },
	  { { "rf_anemia_or_iron_deficiency", 1 } }, 1 },
	/* 125 g/L: not anaemic at the sex-unknown cut-off, but flagged */
	{ { { "hemoglobin_g_l", 125 }, { "age_years", 30 } },
	  { { "rf_anemia_or_iron_deficiency", 1 } }, 1 },
	/* v0.3: the menstrual answers count for a woman under 45 (or of
	 * unknown age), not pregnant, not on hormonal contraception */
	{ { { "menstrual_status", HL_MENSES_ABSENT_3MO_PLUS },
	    { "sex", HL_SEX_FEMALE } },
	  { { "rf_red_s", 2 } }, 2 },
	{ { { "menstrual_status", HL_MENSES_ABSENT_3MO_PLUS },
	    { "sex", HL_SEX_FEMALE }, { "age_years", 44 } },
	  { { "rf_red_s", 2 } }, 2 },
	{ { { "menstrual_status", HL_MENSES_ABSENT_3MO_PLUS },
	    { "sex", HL_SEX_FEMALE }, { "age_years", 54 } },
	  { { NULL, 0 } }, 0 },
	{ { { "menstrual_status", HL_MENSES_ABSENT_3MO_PLUS },
	    { "sex", HL_SEX_FEMALE }, { "hormonal_contraception", HL_YES } },
	  { { NULL, 0 } }, 0 },
	{ { { "menstrual_status", HL_MENSES_ABSENT_3MO_PLUS },
	    { "sex", HL_SEX_FEMALE }, { "pregnant_or_postpartum", HL_YES } },
	  { { NULL, 0 } }, 0 },
	/* a man's tick is ignored (with a warning); an unknown sex is not
	 * enough to raise the flag */
	{ { { "menstrual_status", HL_MENSES_ABSENT_3MO_PLUS },
	    { "sex", HL_SEX_MALE } }, { { NULL, 0 } }, 0 },
	{ { { "menstrual_status", HL_MENSES_ABSENT_3MO_PLUS } },
	  { { NULL, 0 } }, 0 },
	{ { { "bone_stress_injuries_2y", 2 } },
	  { { "rf_red_s", 2 } }, 2 },
	{ { { "bone_stress_injuries_2y", 2 }, { "sex", HL_SEX_MALE } },
	  { { "rf_red_s", 2 } }, 2 },
	{ { { "menstrual_status", HL_MENSES_IRREGULAR },
	    { "sex", HL_SEX_FEMALE } },
	  { { "rf_red_s", 1 } }, 1 },
	{ { { "menstrual_status", HL_MENSES_IRREGULAR },
	    { "sex", HL_SEX_FEMALE }, { "age_years", 45 } },
	  { { NULL, 0 } }, 0 },
	{ { { "worsening", HL_YES } },
	  { { "rf_persistent_or_progressive", 2 } }, 2 },
	/* v0.3: in the first 5 days worse heaviness is soreness until shown
	 * otherwise: discuss; from day 5 it is a visit within days */
	{ { { "worsening", HL_YES }, { "heaviness_days", 2 } },
	  { { "rf_persistent_or_progressive", 1 } }, 1 },
	{ { { "interferes_daily_life", HL_YES }, { "heaviness_days", 4 } },
	  { { "rf_persistent_or_progressive", 1 } }, 1 },
	{ { { "worsening", HL_YES }, { "heaviness_days", 5 } },
	  { { "rf_persistent_or_progressive", 2 } }, 2 },
	{ { { "heaviness_days", 60 } },
	  { { "rf_persistent_or_progressive", 2 } }, 2 },
	{ { { "heaviness_days", 20 }, { "self_care_days", 10 } },
	  { { "rf_persistent_or_progressive", 1 } }, 1 },
	{ { { "numbness_tingling", HL_YES } },
	  { { "rf_accompanying_symptoms", 2 } }, 2 },
	{ { { "post_exertional_malaise", HL_YES }, { "heaviness_days", 45 },
	    { "age_years", 30 } },
	  { { "rf_me_cfs_pattern", 1 } }, 1 },
	{ { { "post_exertional_malaise", HL_YES }, { "heaviness_days", 30 },
	    { "age_years", 16 } },
	  { { "rf_me_cfs_pattern", 1 } }, 1 },
	/* not yet 6 weeks for an adult; age unknown: unknown never fires */
	{ { { "post_exertional_malaise", HL_YES }, { "heaviness_days", 30 },
	    { "age_years", 30 } }, { { NULL, 0 } }, 0 },
	{ { { "post_exertional_malaise", HL_YES }, { "heaviness_days", 30 } },
	  { { NULL, 0 } }, 0 },
	/* sudden but mild, without weakness: a doctor within days (v0.3) */
	{ { { "heaviness_onset", HL_ONSET_SUDDEN },
	    { "heaviness_severity", 4 },
	    { "leg_weakness_or_foot_drop", HL_NO } },
	  { { "rf_sudden_severe_onset", 2 } }, 2 },
	/* v0.3's new flags */
	{ { { "exertional_palpitations_or_fainting", HL_YES } },
	  { { "rf_cardiac_warning", 3 } }, 3 },
	{ { { "exertional_palpitations_or_fainting", HL_YES },
	    { "chest_pain_or_breathlessness", HL_YES } },
	  { { "rf_chest_symptoms", 4 }, { "rf_cardiac_warning", 3 } }, 4 },
	{ { { "fever_now", HL_YES } }, { { "rf_fever", 2 } }, 2 },
	{ { { "focal_bone_pain", HL_YES } }, { { "rf_bone_stress", 2 } }, 2 },
	{ { { "statin_use", HL_YES } }, { { "rf_medication_review", 1 } }, 1 },
	{ { { "beta_blocker_use", HL_YES } },
	  { { "rf_medication_review", 1 } }, 1 },
	{ { { "diuretic_use", HL_YES } },
	  { { "rf_medication_review", 1 } }, 1 },
	{ { { "statin_use", HL_NO }, { "beta_blocker_use", HL_NO },
	    { "diuretic_use", HL_NO }, { "fever_now", HL_NO } },
	  { { NULL, 0 } }, 0 },
};

START_TEST(red_flag_levels)
{
	const struct flagcase *c = &flagcases[_i];
	const hl_finding *f;
	hl_inputs in;
	size_t i, n, nwant = 0, nflags = 0, nstrat = 0;
	int prev = 5, u, triage;

	hl_inputs_init(&in, sizeof in);
	for (i = 0; i < 4 && c->set[i].name != NULL; i++)
		set(&in, c->set[i].name, c->set[i].v);
	assess(&in);

	triage = hl_report_triage(rep);
	ck_assert_int_eq(triage, c->triage);
	for (i = 0; i < 3 && c->want[i].id != NULL; i++, nwant++) {
		f = find(HL_FINDING_RED_FLAG, c->want[i].id);
		ck_assert_msg(f != NULL, "case %d: %s did not fire", _i,
		    c->want[i].id);
		ck_assert_int_eq(hl_finding_urgency(f), c->want[i].urgency);
		ck_assert_ptr_nonnull(hl_finding_advice(f));
		ck_assert_msg(strlen(hl_finding_advice(f)) > 40,
		    "%s: no advice", c->want[i].id);
	}
	ck_assert_uint_eq(count_kind(HL_FINDING_RED_FLAG), nwant);

	/* flags first, most urgent first; then causes; then strategies */
	n = hl_report_count(rep);
	for (i = 0; i < n; i++) {
		f = hl_report_finding(rep, i);
		if (hl_finding_kind(f) == HL_FINDING_RED_FLAG) {
			ck_assert_uint_eq(i, nflags);
			u = hl_finding_urgency(f);
			ck_assert_int_le(u, prev);
			prev = u;
			nflags++;
		} else if (hl_finding_kind(f) == HL_FINDING_CAUSE)
			ck_assert_int_eq(hl_finding_secondary(f), triage >= 3);
		else {
			nstrat++;
			if (triage >= 3)
				ck_assert_msg(strcmp(hl_finding_id(f),
				    "seek_medical_review") == 0 ||
				    strcmp(hl_finding_id(f),
				    "avoid_overdrinking") == 0,
				    "%s suggested under suppression",
				    hl_finding_id(f));
		}
	}
	ck_assert_int_eq(hl_report_suppress_training_advice(rep),
	    triage >= 3);
	ck_assert_int_eq(suggested("seek_medical_review"), triage >= 1);
	if (triage >= 1) {
		/* own-trigger strategies come first */
		f = hl_report_finding(rep, n - nstrat);
		ck_assert_str_eq(hl_finding_id(f), "seek_medical_review");
		ck_assert(isnan(hl_finding_score(f)));
		ck_assert_str_eq(hl_finding_band(f), "");
	}
}
END_TEST

/* Chest pain over a loaded training picture: only safety advice remains. */
START_TEST(suppression_keeps_safety_only)
{
	hl_inputs in;

	hl_inputs_init(&in, sizeof in);
	distances(&in, 10, 5);			/* load_spike 0.76, see below */
	in.air_temp_c = 32;
	in.relative_humidity_pct = 70;
	in.chest_pain_or_breathlessness = HL_YES;
	assess(&in);
	ck_assert_int_eq(hl_report_triage(rep), 4);
	ck_assert_str_eq(hl_report_triage_name(rep), "emergency");
	ck_assert_int_eq(hl_report_suppress_training_advice(rep), 1);
	ck_assert_uint_eq(count_kind(HL_FINDING_STRATEGY), 1);
	ck_assert(suggested("seek_medical_review"));
	ck_assert(!suggested("gradual_progression"));
	ck_assert(!suggested("heat_plan"));
	ck_assert_int_eq(hl_finding_secondary(cause("load_spike")), 1);
	check_score("load_spike", 0.7622625, "high");

	/* the same, having drunk too much: avoid_overdrinking stays too */
	in.pre_run_body_mass_kg = 60;
	in.post_run_body_mass_kg = 60.6;
	assess(&in);
	ck_assert_uint_eq(count_kind(HL_FINDING_STRATEGY), 2);
	ck_assert_str_eq(hl_finding_id(hl_report_finding(rep,
	    hl_report_count(rep) - 2)), "seek_medical_review");
	ck_assert_str_eq(hl_finding_id(hl_report_finding(rep,
	    hl_report_count(rep) - 1)), "avoid_overdrinking");
}
END_TEST

/*
 * load_spike (leak 0.05), distances in km, today first:
 * - steady 5 km every day: acwr 35/35 = 1.0, week change 0 %, spike 0 %:
 *   nothing fires and the lowering (r 0.6) holds: 0.05 x 0.4 = 0.02.
 * - 11 km today, 5 km every other day: acute 41, chronic 146 x 7/28 = 36.5,
 *   acwr 1.12 (no band); week change (41 - 35)/35 = +17 % (0.10); today's
 *   run is 11/5 - 1 = +120 % over the longest before it (0.45); no lowering
 *   (week change > 10 %): 1 - 0.95 x 0.90 x 0.55 = 0.52975.
 * - 8 km a day this week after 5 km days: acwr 56/40.25 = 1.39 (0.25),
 *   week +60 % (0.35), spike 8/5 = +60 % (0.30):
 *   1 - 0.95 x 0.75 x 0.65 x 0.70 = 0.6758125.
 * - 10 km a day after 5 km days: acwr 70/43.75 = 1.6 (0.45), week +100 %
 *   (0.35), spike +100 %, not over 100 (0.30):
 *   1 - 0.95 x 0.55 x 0.65 x 0.70 = 0.7622625.
 */
START_TEST(load_spike_bands)
{
	hl_inputs in;
	double acwr;

	hl_inputs_init(&in, sizeof in);
	distances(&in, 5, 5);
	assess(&in);
	ck_assert_int_eq(hl_inputs_derive(&in, "acwr", &acwr, NULL), HL_OK);
	ck_assert(fabs(acwr - 1.0) < TOL);
	check_score("load_spike", 0.02, "low");
	ck_assert(fabs(hl_finding_coverage(cause("load_spike")) - 1) < TOL);
	ck_assert(!suggested("gradual_progression"));

	in.daily_distance_km[0] = 11;
	assess(&in);
	check_score("load_spike", 0.52975, "high");
	ck_assert(fired_text(cause("load_spike"), "120 %"));
	ck_assert(suggested("gradual_progression"));
	ck_assert(suggested("rest_and_sleep"));

	distances(&in, 8, 5);
	assess(&in);
	check_score("load_spike", 0.6758125, "high");

	distances(&in, 10, 5);
	assess(&in);
	check_score("load_spike", 0.7622625, "high");
	ck_assert(fired_text(cause("load_spike"), "1.60 times"));
	ck_assert(fabs(hl_finding_score(find(HL_FINDING_STRATEGY,
	    "gradual_progression")) - 0.7622625) < TOL);
}
END_TEST

/* A steady load with one missing day keeps the lowering. */
START_TEST(load_spike_steady_lowering)
{
	hl_inputs in;

	hl_inputs_init(&in, sizeof in);
	distances(&in, 6, 6);
	in.daily_distance_km[20] = NAN;	/* chronic from 27 known days */
	assess(&in);
	check_score("load_spike", 0.02, "low");
}
END_TEST

/*
 * dehydration (leak 0.05).  Markers: morning mass < 99 % of usual, urine
 * colour >= 6, thirst.
 * - all three (0.45), no run data: 1 - 0.95 x 0.55 = 0.4775; coverage
 *   0.45 / (0.45 + 0.45 + 0.20) = 0.40909...
 * - two (0.30): 1 - 0.95 x 0.70 = 0.335; one (0.10): 0.145.
 * - two markers and -2.5 % on the run (0.45): 1 - 0.95 x 0.55 x 0.70
 *   = 0.63425.
 * - -1.5 % only (0.15): 1 - 0.95 x 0.85 = 0.1925.
 * - pale urine, no thirst, -0.5 %: nothing fires, r 0.7: 0.015.
 */
START_TEST(dehydration_bands)
{
	hl_inputs in;

	hl_inputs_init(&in, sizeof in);
	in.body_mass_kg = 60;
	in.morning_body_mass_kg = 59;
	in.urine_color = 7;
	in.thirsty = HL_YES;
	assess(&in);
	check_score("dehydration", 0.4775, "moderate");
	ck_assert(fabs(hl_finding_coverage(cause("dehydration")) -
	    0.45 / 1.10) < TOL);
	ck_assert(fired_text(cause("dehydration"), "7 of 8"));
	ck_assert(suggested("hydrate_daily"));
	ck_assert(suggested("electrolytes_long_runs"));
	ck_assert(!suggested("avoid_overdrinking"));

	in.morning_body_mass_kg = NAN;
	assess(&in);
	check_score("dehydration", 0.335, "moderate");

	in.thirsty = HL_NO;
	assess(&in);
	check_score("dehydration", 0.145, "low");
	ck_assert(!suggested("hydrate_daily"));

	in.thirsty = HL_YES;
	in.pre_run_body_mass_kg = 60;
	in.post_run_body_mass_kg = 58.5;
	assess(&in);
	check_score("dehydration", 0.63425, "high");
	ck_assert(fired_text(cause("dehydration"), "-2.5 %"));

	hl_inputs_init(&in, sizeof in);
	in.pre_run_body_mass_kg = 60;
	in.post_run_body_mass_kg = 59.1;
	assess(&in);
	check_score("dehydration", 0.1925, "low");

	in.post_run_body_mass_kg = 59.7;
	in.urine_color = 2;
	in.thirsty = HL_NO;
	assess(&in);
	check_score("dehydration", 0.015, "low");
}
END_TEST

/*
 * Finishing heavier than at the start: electrolyte_imbalance gets
 * mass_gained (0.35) and cramps (0.20): 1 - 0.97 x 0.65 x 0.80 = 0.4956,
 * yet electrolytes_long_runs and hydrate_daily are withheld and
 * avoid_overdrinking is suggested.  dehydration (two markers, 0.30) is
 * lowered by 0.8: (1 - 0.95 x 0.70) x 0.2 = 0.067.
 */
START_TEST(mass_gained_withholds_fluids)
{
	hl_inputs in;

	hl_inputs_init(&in, sizeof in);
	in.pre_run_body_mass_kg = 60;
	in.post_run_body_mass_kg = 60.6;
	in.last_run_duration_min = 90;
	in.muscle_cramps = HL_YES;
	in.urine_color = 7;
	in.thirsty = HL_YES;
	assess(&in);
	ck_assert_int_eq(hl_report_triage(rep), 0);
	check_score("electrolyte_imbalance", 0.4956, "moderate");
	check_score("dehydration", 0.067, "low");
	ck_assert(suggested("avoid_overdrinking"));
	ck_assert(!suggested("electrolytes_long_runs"));
	ck_assert(!suggested("hydrate_daily"));
	ck_assert_str_eq(hl_finding_id(hl_report_finding(rep,
	    hl_report_count(rep) - count_kind(HL_FINDING_STRATEGY))),
	    "avoid_overdrinking");

	/*
	 * Lost 2.5 % instead, sweating (1.5 + 0.5) L / 1.5 h = 1.33 L/h with
	 * no sodium: electrolyte 1 - 0.97 x 0.75 x 0.80 = 0.418; both fluid
	 * strategies are back, avoid_overdrinking is gone.
	 */
	in.post_run_body_mass_kg = 58.5;
	in.fluid_during_run_l = 0.5;
	in.electrolytes_on_long_runs = HL_NO;
	assess(&in);
	check_score("electrolyte_imbalance", 0.418, "moderate");
	ck_assert(!suggested("avoid_overdrinking"));
	ck_assert(suggested("electrolytes_long_runs"));
	ck_assert(suggested("hydrate_daily"));
}
END_TEST

/*
 * heat_humidity (leak 0.03).  32 °C at 70 % humidity: heat index 104.7 °F
 * (>= 103: 0.55); not acclimatised (0.15): 1 - 0.97 x 0.45 x 0.85
 * = 0.628975.  28 °C at 60 %: 85.0 °F (0.25); acclimatised, so r 0.2:
 * (1 - 0.97 x 0.75) x 0.8 = 0.218.  A measured WBGT of 31 °C alone:
 * 0.45: 1 - 0.97 x 0.55 = 0.4665.  A cool day (15 °C): r 0.9:
 * 0.03 x 0.1 = 0.003.
 */
START_TEST(heat_humidity_day)
{
	hl_inputs in;
	const hl_finding *f;

	hl_inputs_init(&in, sizeof in);
	in.air_temp_c = 32;
	in.relative_humidity_pct = 70;
	in.heat_acclimatized = HL_NO;
	assess(&in);
	check_score("heat_humidity", 0.628975, "high");
	ck_assert(fired_text(cause("heat_humidity"), "105 °F"));
	ck_assert(fabs(hl_finding_coverage(cause("heat_humidity")) - 1) < TOL);
	f = find(HL_FINDING_STRATEGY, "heat_plan");
	ck_assert_ptr_nonnull(f);
	ck_assert(fabs(hl_finding_score(f) - 0.628975) < TOL);
	ck_assert_str_eq(hl_finding_band(f), "high");
	/* the top cause is listed first among the causes */
	ck_assert_str_eq(hl_finding_id(hl_report_finding(rep, 0)),
	    "heat_humidity");

	in.air_temp_c = 28;
	in.relative_humidity_pct = 60;
	in.heat_acclimatized = HL_YES;
	assess(&in);
	check_score("heat_humidity", 0.218, "low");
	ck_assert(!suggested("heat_plan"));

	hl_inputs_init(&in, sizeof in);
	in.wbgt_c = 31;
	assess(&in);
	check_score("heat_humidity", 0.4665, "moderate");
	ck_assert(suggested("heat_plan"));

	hl_inputs_init(&in, sizeof in);
	in.air_temp_c = 15;
	in.relative_humidity_pct = 50;
	assess(&in);
	check_score("heat_humidity", 0.003, "low");
}
END_TEST

/*
 * insufficient_recovery (leak 0.05): 5.5 h of sleep a night (< 6: 0.40) and
 * a performance decline (0.25): 1 - 0.95 x 0.60 x 0.75 = 0.5725.  With
 * 8 h of sleep and a steady resting heart rate but HRV unknown (two of the
 * three recovery signs known and good: r 0.3), the decline alone gives
 * (1 - 0.95 x 0.75) x 0.7 = 0.20125.
 */
START_TEST(recovery_sleep_and_lowering)
{
	hl_inputs in;
	int i;

	hl_inputs_init(&in, sizeof in);
	for (i = 0; i < 7; i++)
		in.daily_sleep_h[i] = 5.5;
	in.performance_decline = HL_YES;
	assess(&in);
	check_score("insufficient_recovery", 0.5725, "high");
	ck_assert(fired_text(cause("insufficient_recovery"), "5.5 h"));
	ck_assert(suggested("rest_and_sleep"));

	for (i = 0; i < HL_SERIES_DAYS; i++) {
		in.daily_sleep_h[i] = 8;
		in.daily_resting_hr_bpm[i] = 50;
	}
	assess(&in);
	check_score("insufficient_recovery", 0.20125, "low");

	/* on a beta-blocker the heart-rate items do not apply */
	for (i = 0; i < 7; i++)
		in.daily_resting_hr_bpm[i] = 62;	/* +12 bpm */
	assess(&in);
	/* 1 - 0.95 x 0.75 (performance) x 0.6 (rhr >= 10) = 0.5725 */
	check_score("insufficient_recovery", 0.5725, "high");
	in.beta_blocker_use = HL_YES;
	assess(&in);
	/* rhr dropped: 1 - 0.95 x 0.75 = 0.2875; no lowering (sleep 8
	 * but rhr +12) */
	check_score("insufficient_recovery", 0.2875, "moderate");
}
END_TEST

/*
 * iron_deficiency (leak 0.05) for a 30-year-old vegetarian woman with
 * heavy periods and ferritin unknown: 0.10, 0.20 and 0.15 apply:
 * 1 - 0.95 x 0.90 x 0.80 x 0.85 = 0.4186.  Once ferritin is known (60,
 * not anaemic, not ill) those three drop out and r 0.9 applies:
 * 0.05 x 0.1 = 0.005.
 */
START_TEST(iron_items_only_without_ferritin)
{
	hl_inputs in;

	hl_inputs_init(&in, sizeof in);
	in.sex = HL_SEX_FEMALE;
	in.age_years = 30;
	in.diet_pattern = HL_DIET_VEGETARIAN;
	in.heavy_menstrual_bleeding = HL_YES;
	assess(&in);
	check_score("iron_deficiency", 0.4186, "moderate");
	ck_assert(suggested("iron_check_and_intake"));

	/* v0.3: ferritin 60 is neither 35-50 (r 0.5) nor 100+ (r 0.9) */
	in.ferritin_ug_l = 60;
	in.hemoglobin_g_l = 135;
	in.recent_illness_14d = HL_NO;
	assess(&in);
	check_score("iron_deficiency", 0.05, "low");
	/* only the three measured items remain as evidence */
	ck_assert_uint_eq(hl_finding_evidence_count(cause("iron_deficiency")),
	    3);
	in.ferritin_ug_l = 40;
	assess(&in);
	check_score("iron_deficiency", 0.025, "low");

	/*
	 * Ferritin 100 or more with TSAT unknown or >= 20 % and no illness:
	 * r 0.9 whatever the haemoglobin, and the anaemia item no longer
	 * applies (an anaemia with full stores has another cause).
	 */
	in.ferritin_ug_l = 100;
	in.hemoglobin_g_l = 100;		/* anaemic */
	assess(&in);
	check_score("iron_deficiency", 0.005, "low");
	ck_assert_uint_eq(hl_finding_evidence_count(cause("iron_deficiency")),
	    2);
	in.transferrin_saturation_pct = 20;
	assess(&in);
	check_score("iron_deficiency", 0.005, "low");
	in.transferrin_saturation_pct = 19;	/* low TSAT: no lowering */
	assess(&in);
	check_score("iron_deficiency", 0.05, "low");
	in.transferrin_saturation_pct = NAN;
	in.recent_illness_14d = HL_YES;		/* ferritin rises with illness */
	assess(&in);
	check_score("iron_deficiency", 0.05, "low");
	in.recent_illness_14d = HL_NO;
	in.ferritin_ug_l = 99;		/* anaemia counts again: 0.43 */
	assess(&in);
	check_score("iron_deficiency", 1 - 0.95 * 0.6, "moderate");
}
END_TEST

/* Nothing known: no flags, low confidence, the red-flag screen first. */
START_TEST(all_unknown)
{
	static const char *const screen[] = {
		"heaviness_side", "calf_swelling_one_side",
		"leg_warm_red_tender", "chest_pain_or_breathlessness",
		"exertional_palpitations_or_fainting", "fever_now",
		"numbness_tingling", "skin_change", "dark_urine_after_run",
		"heaviness_onset", "heaviness_severity",
		"leg_weakness_or_foot_drop",
		"saddle_numbness_or_bladder_bowel_change",
	};
	hl_inputs in;
	size_t i, n;
	char buf[1 << 16];
	size_t need;

	hl_inputs_init(&in, sizeof in);
	assess(&in);
	ck_assert_int_eq(hl_report_triage(rep), 0);
	ck_assert_str_eq(hl_report_triage_name(rep), "none");
	ck_assert_uint_eq(count_kind(HL_FINDING_RED_FLAG), 0);
	ck_assert_uint_eq(count_kind(HL_FINDING_CAUSE), 11);
	ck_assert_uint_eq(count_kind(HL_FINDING_STRATEGY), 0);
	ck_assert(hl_report_confidence(rep) < 0.25);
	ck_assert_int_eq(hl_report_suppress_training_advice(rep), 0);
	check_score("load_spike", 0.05, "low");
	check_score("electrolyte_imbalance", 0.03, "low");

	n = hl_report_question_count(rep);
	ck_assert_uint_gt(n, 13);
	ck_assert_uint_le(n, 13 + 8);
	for (i = 0; i < 13; i++)
		ck_assert_str_eq(hl_report_question(rep, i), screen[i]);

	ck_assert_int_eq(hl_report_json(rep, buf, sizeof buf, &need), HL_OK);
	ck_assert_ptr_nonnull(strstr(buf, "\"confidence_low\":true"));

	/* answering the screen removes it from the questions */
	for (i = 0; i < 13; i++)
		set(&in, screen[i], strcmp(screen[i], "heaviness_severity")
		    == 0 ? 3 : 0);
	assess(&in);
	ck_assert_int_eq(hl_report_triage(rep), 0);
	n = hl_report_question_count(rep);
	for (i = 0; i < n; i++)
		ck_assert_msg(strcmp(hl_report_question(rep, i),
		    "calf_swelling_one_side") != 0, "screen asked again");
}
END_TEST

/* The sample runner of `make demo` loads and gives a useful report. */
/*
 * medication_effect (leak 0.02): statin 0.35 -> 1 - 0.98 x 0.65 = 0.363,
 * suggested medication_review; with a beta-blocker too, 1 - 0.98 x 0.65 x
 * 0.7 = 0.5541; a diuretic alone 1 - 0.98 x 0.8 = 0.216 (below 0.25: no
 * strategy), and it counts for electrolyte_imbalance: 1 - 0.97 x 0.8 =
 * 0.224.  Every one of them raises the routine medication flag.
 */
START_TEST(medication_effect_scores)
{
	hl_inputs in;

	hl_inputs_init(&in, sizeof in);
	in.statin_use = HL_YES;
	assess(&in);
	check_score("medication_effect", 0.363, "moderate");
	ck_assert(suggested("medication_review"));
	ck_assert_int_eq(hl_report_triage(rep), 1);
	ck_assert(fired_text(cause("medication_effect"), "statin"));

	in.beta_blocker_use = HL_YES;
	assess(&in);
	check_score("medication_effect", 0.5541, "high");

	hl_inputs_init(&in, sizeof in);
	in.diuretic_use = HL_YES;
	assess(&in);
	check_score("medication_effect", 0.216, "low");
	ck_assert(!suggested("medication_review"));
	check_score("electrolyte_imbalance", 1 - 0.97 * 0.8, "low");
	ck_assert_int_eq(hl_report_triage(rep), 1);

	in.diuretic_use = HL_NO;
	in.statin_use = HL_NO;
	in.beta_blocker_use = HL_NO;
	assess(&in);
	check_score("medication_effect", 0.02, "low");
	ck_assert_double_eq_tol(hl_finding_coverage(cause("medication_effect")),
	    1, TOL);
}
END_TEST

/*
 * No text tells the runner to drink beside one that says not to: a
 * marathon of 3 h 35 finished no lighter, with headache and vomiting, on
 * a hot day.  The hyponatraemia flag and avoid_overdrinking speak; the
 * drinking strategies are withheld, and the heat exhaustion advice says
 * not to drink more.  Without the symptoms, a lighter finish brings the
 * drinking advice back.
 */
START_TEST(drinking_texts_agree)
{
	hl_inputs in;
	const hl_finding *f;
	const char *t;

	hl_inputs_init(&in, sizeof in);
	in.last_run_duration_min = 215;
	in.pre_run_body_mass_kg = 70;
	in.post_run_body_mass_kg = 70;
	in.headache_nausea_vomiting = HL_YES;
	in.air_temp_c = 33;
	in.urine_color = 7;
	in.thirsty = HL_YES;
	assess(&in);
	ck_assert(find(HL_FINDING_RED_FLAG,
	    "rf_exercise_associated_hyponatremia") != NULL);
	ck_assert(suggested("avoid_overdrinking"));
	ck_assert(!suggested("hydrate_daily"));
	ck_assert(!suggested("electrolytes_long_runs"));
	f = find(HL_FINDING_RED_FLAG, "rf_heat_exhaustion");
	ck_assert_ptr_nonnull(f);
	t = hl_finding_advice(f);
	ck_assert_ptr_nonnull(t);
	ck_assert(strstr(t, "Do not drink more") != NULL);
	ck_assert(strstr(t, "sip") == NULL);
	/* the salt-balance cause is named, not only the flag */
	ck_assert(hl_finding_score(cause("electrolyte_imbalance")) >= 0.25);

	/* 2 % lighter, no symptoms, short: drinking advice is back */
	in.post_run_body_mass_kg = 68.6;
	in.headache_nausea_vomiting = HL_NO;
	in.last_run_duration_min = 50;
	assess(&in);
	ck_assert(!suggested("avoid_overdrinking"));
	ck_assert(suggested("hydrate_daily"));
	/* whether the run was long enough unknown: nothing withheld */
	in.last_run_duration_min = NAN;
	in.post_run_body_mass_kg = 70;
	assess(&in);
	ck_assert(!suggested("avoid_overdrinking"));
	ck_assert(!find(HL_FINDING_STRATEGY, "avoid_overdrinking"));
}
END_TEST

START_TEST(sample_runner_story)
{
	hl_inputs in;
	int i;
	static const double dist[HL_SERIES_DAYS] = { 10, 8, 0, 24, 10, 8, 8,
	    0, 6, 12, 6, 0, 8, 6, 0, 6, 13, 6, 0, 7, 6, 0, 5, 12, 6, 0, 8, 6 };

	hl_inputs_init(&in, sizeof in);
	for (i = 0; i < HL_SERIES_DAYS; i++)
		in.daily_distance_km[i] = dist[i];
	in.air_temp_c = 30;
	in.relative_humidity_pct = 60;
	in.heat_acclimatized = HL_NO;
	in.last_run_duration_min = 70;
	assess(&in);
	/* acwr 68 / 45.25 = 1.503; week +79 %; long run 24 / 13 = +85 % */
	check_score("load_spike", 0.7622625, "high");
	/* heat index 91.1 °F (0.40), not acclimatised (0.15) */
	check_score("heat_humidity", 1 - 0.97 * 0.60 * 0.85, "high");
}
END_TEST

static Suite *
suite_rules(void)
{
	Suite *s;
	TCase *tc;

	s = suite_create("rules");
	tc = tcase_create("default");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, default_loads);
	tcase_add_loop_test(tc, red_flag_levels, 0,
	    (int)(sizeof flagcases / sizeof flagcases[0]));
	tcase_add_test(tc, suppression_keeps_safety_only);
	tcase_add_test(tc, load_spike_bands);
	tcase_add_test(tc, load_spike_steady_lowering);
	tcase_add_test(tc, dehydration_bands);
	tcase_add_test(tc, mass_gained_withholds_fluids);
	tcase_add_test(tc, heat_humidity_day);
	tcase_add_test(tc, recovery_sleep_and_lowering);
	tcase_add_test(tc, iron_items_only_without_ferritin);
	tcase_add_test(tc, all_unknown);
	tcase_add_test(tc, sample_runner_story);
	tcase_add_test(tc, medication_effect_scores);
	tcase_add_test(tc, drinking_texts_agree);
	suite_add_tcase(s, tc);
	return s;
}

HL_CHECK_MAIN(suite_rules)
