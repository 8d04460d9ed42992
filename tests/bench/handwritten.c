/* SPDX-License-Identifier: MIT */
/*
 * handwritten.c - the default rulebase by hand (see handwritten.h): every
 * rule of tests/bench/heavylegs-frozen.yaml as plain C over the hl_inputs
 * fields, and the derived metrics those rules read computed here.
 *
 * Unknown is NaN, as in the engine (heavylegs-domain(7) INPUTS, SCORING):
 * a comparison with an unknown value is unknown, `and`, `or` and `not`
 * follow Kleene's three-valued logic (1 true, 0 false, -1 unknown), a
 * condition counts only when true, and a value that is not finite (x / 0)
 * is unknown.  Coverage uses the open state besides (see OPEN_KNOWN_N).
 */

#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "handwritten.h"

/* Three-valued logic: 1 true, 0 false, -1 unknown. */
static int
T(double v)
{
	return isnan(v) ? -1 : v != 0;
}

static int
AND(int a, int b)
{
	if (a == 0 || b == 0)
		return 0;
	return a < 0 || b < 0 ? -1 : 1;
}

static int
OR(int a, int b)
{
	if (a == 1 || b == 1)
		return 1;
	return a < 0 || b < 0 ? -1 : 0;
}

static int
NOT(int a)
{
	return a < 0 ? -1 : !a;
}

static int
KNOWN_N(double v)
{
	return !isnan(v);
}

static int
KNOWN_T(int a)
{
	return a >= 0;
}

/*
 * The open state, for coverage: what holds whatever the unknown inputs turn
 * out to be, so known() of an unknown value is itself unknown.
 */
static int
OPEN_KNOWN_N(double v)
{
	return isnan(v) ? -1 : 1;
}

static double
FIN(double v)
{
	return isfinite(v) ? v : NAN;
}

#define CMP(name, op)							\
static int								\
name(double a, double b)						\
{									\
	return isnan(a) || isnan(b) ? -1 : a op b;			\
}
CMP(LT, <)
CMP(LE, <=)
CMP(GT, >)
CMP(GE, >=)
CMP(EQ, ==)
CMP(NE, !=)
#undef CMP

/* The derived metrics the rules read (heavylegs-domain(7) INPUTS). */
struct metrics {
	double	 load_ratio, wow_change_pct, session_spike_pct, sleep_7d_h,
		 rhr_delta_bpm, hrv_low, monotony, rest_days_7d,
		 body_mass_change_pct, mass_gained, wut_count, heat_index_f,
		 sweat_rate_l_h, anaemia, pad_risk, carb_g_kg, carb_band_lo;
};

#define DAYS	HL_SERIES_DAYS
#define WEEK	7

static double
sum_known(const double *x, int from, int to, int *n)
{
	double s = 0;
	int i;

	*n = 0;
	for (i = from; i < to; i++)
		if (!isnan(x[i])) {
			s += x[i];
			(*n)++;
		}
	return s;
}

static double
mean_known(const double *x, int from, int to, int min)
{
	double s;
	int n;

	s = sum_known(x, from, to, &n);
	return n < min || n == 0 ? NAN : s / n;
}

static void
derive(const hl_inputs *in, struct metrics *m)
{
	const double *d = in->daily_distance_km;
	double acute, chronic, chr = NAN, prev, mx, best, s, acwr = NAN,
	    srpe = NAN, load[WEEK], dur, rpe, sum, mean, var, sd, lnv[DAYS],
	    recent, base, t, rh, tf, hi, pre, post, h, acute_km = NAN, age,
	    cut, hb;
	int i, j, n, nweek, nprev, nold, runs, ok, na, known, yes;

	/* distance: acute, chronic, week on week, single-run spike */
	acute = sum_known(d, 0, WEEK, &nweek);
	m->rest_days_7d = NAN;
	if (nweek == WEEK) {
		acute_km = acute;
		n = 0;
		for (j = 0; j < WEEK; j++)
			n += d[j] == 0;
		m->rest_days_7d = n;
	}
	chronic = sum_known(d, 0, DAYS, &n);
	if (n >= 24)
		chr = FIN(chronic * 7 / n);
	if (nweek == WEEK && n >= 24 && chr >= 1)
		acwr = FIN(acute / chr);
	prev = sum_known(d, WEEK, 2 * WEEK, &nprev);
	m->wow_change_pct = NAN;
	if (nweek == WEEK && nprev == WEEK && prev >= 1)
		m->wow_change_pct = FIN((acute - prev) / prev * 100);
	(void)sum_known(d, WEEK, DAYS, &nold);
	m->session_spike_pct = NAN;
	if (nweek == WEEK && nold >= 14) {
		mx = -1;
		for (j = WEEK; j < DAYS; j++)
			if (!isnan(d[j]) && d[j] > mx)
				mx = d[j];
		runs = 0;
		best = NAN;
		for (j = 0; j < WEEK; j++) {
			if (!(d[j] > 0))
				continue;
			runs++;
			if (!(mx > 0))
				continue;
			s = (d[j] - mx) / mx * 100;
			if (isnan(best) || s > best)
				best = s;
		}
		m->session_spike_pct = FIN(runs == 0 ? 0 : best);
	}

	/* session-RPE load ratio */
	acute = chronic = 0;
	na = n = 0;
	for (i = 0; i < DAYS; i++) {
		dur = in->daily_duration_min[i];
		rpe = in->daily_session_rpe[i];
		if (dur == 0)
			s = 0;
		else if (!isnan(dur) && !isnan(rpe))
			s = rpe * dur;
		else
			continue;
		chronic += s;
		n++;
		if (i < WEEK) {
			acute += s;
			na++;
		}
	}
	if (na >= WEEK && n >= 24) {
		chronic = chronic * 7 / n;
		if (chronic >= 1)
			srpe = FIN(acute / chronic);
	}
	m->load_ratio = isnan(acwr) ? srpe : isnan(srpe) ? acwr :
	    acwr > srpe ? acwr : srpe;

	/* monotony: session-RPE loads, else distances */
	ok = 1;
	for (i = 0; i < WEEK && ok; i++) {
		dur = in->daily_duration_min[i];
		rpe = in->daily_session_rpe[i];
		if (isnan(dur))
			ok = 0;
		else if (dur == 0)
			load[i] = 0;
		else if (isnan(rpe))
			ok = 0;
		else
			load[i] = rpe * dur;
	}
	m->monotony = NAN;
	if (!ok)
		for (i = 0; i < WEEK; i++) {
			if (isnan(d[i]))
				break;
			load[i] = d[i];
		}
	if (ok || i == WEEK) {
		sum = 0;
		for (i = 0; i < WEEK; i++)
			sum += load[i];
		mean = sum / WEEK;
		var = 0;
		for (i = 0; i < WEEK; i++)
			var += (load[i] - mean) * (load[i] - mean);
		sd = sqrt(var / WEEK);
		if (sd == 0)
			s = mean > 0 ? 10 : 0;
		else {
			s = mean / sd;
			if (s > 10)
				s = 10;
		}
		m->monotony = FIN(s);
	}

	/* resting heart rate, HRV, sleep */
	recent = mean_known(in->daily_resting_hr_bpm, 0, WEEK, 3);
	base = mean_known(in->daily_resting_hr_bpm, WEEK, DAYS, 14);
	m->rhr_delta_bpm = FIN(recent - base);
	for (i = 0; i < DAYS; i++)
		lnv[i] = !isnan(in->daily_hrv_rmssd_ms[i]) ?
		    log(in->daily_hrv_rmssd_ms[i]) : NAN;
	recent = mean_known(lnv, 0, WEEK, 3);
	mean = mean_known(lnv, WEEK, DAYS, 14);
	m->hrv_low = NAN;
	if (!isnan(recent) && !isnan(mean)) {
		var = 0;
		n = 0;
		for (i = WEEK; i < DAYS; i++)
			if (!isnan(lnv[i])) {
				var += (lnv[i] - mean) * (lnv[i] - mean);
				n++;
			}
		sd = sqrt(var / n);
		if (sd < 0.05)
			sd = 0.05;
		m->hrv_low = recent < mean - 0.5 * sd;
	}
	m->sleep_7d_h = FIN(mean_known(in->daily_sleep_h, 0, WEEK, 4));

	/* heat index (Steadman, then Rothfusz with the NWS adjustments) */
	t = in->air_temp_c;
	rh = in->relative_humidity_pct;
	if (isnan(rh) && !isnan(t) && !isnan(in->dew_point_c)) {
		rh = 100 * exp(17.625 * in->dew_point_c /
		    (243.04 + in->dew_point_c) - 17.625 * t / (243.04 + t));
		if (rh > 100)
			rh = 100;
	}
	m->heat_index_f = NAN;
	if (!isnan(t) && !isnan(rh)) {
		tf = t * 9 / 5 + 32;
		hi = 0.5 * (tf + 61 + 1.2 * (tf - 68) + 0.094 * rh);
		if (hi >= 80) {
			hi = -42.379 + 2.04901523 * tf + 10.14333127 * rh
			    - 0.22475541 * tf * rh - 6.83783e-3 * tf * tf
			    - 5.481717e-2 * rh * rh + 1.22874e-3 * tf * tf * rh
			    + 8.5282e-4 * tf * rh * rh
			    - 1.99e-6 * tf * tf * rh * rh;
			if (rh < 13 && tf >= 80 && tf <= 112)
				hi -= (13 - rh) / 4 *
				    sqrt((17 - fabs(tf - 95)) / 17);
			else if (rh > 85 && tf >= 80 && tf <= 87)
				hi += (rh - 85) / 10 * ((87 - tf) / 5);
		}
		m->heat_index_f = FIN(hi);
	}

	/* hydration */
	pre = in->pre_run_body_mass_kg;
	post = in->post_run_body_mass_kg;
	m->body_mass_change_pct = m->mass_gained = m->sweat_rate_l_h = NAN;
	if (!isnan(pre) && !isnan(post)) {
		s = (post - pre) / pre * 100;
		m->body_mass_change_pct = FIN(s);
		m->mass_gained = s > 0;
		if (!isnan(in->fluid_during_run_l) &&
		    !isnan(in->last_run_duration_min))
			m->sweat_rate_l_h = FIN((pre - post +
			    in->fluid_during_run_l) /
			    (in->last_run_duration_min / 60));
	}
	known = yes = 0;
	if (!isnan(in->morning_body_mass_kg) && !isnan(in->body_mass_kg)) {
		known++;
		yes += in->morning_body_mass_kg < 0.99 * in->body_mass_kg;
	}
	if (!isnan(in->urine_color)) {
		known++;
		yes += in->urine_color >= 6;
	}
	if (!isnan(in->thirsty)) {
		known++;
		yes += in->thirsty == HL_YES;
	}
	m->wut_count = known > 0 ? yes : NAN;

	/* carbohydrate per kg and the band the training hours call for */
	m->carb_g_kg = FIN(in->carb_intake_g_day / in->body_mass_kg);
	dur = sum_known(in->daily_duration_min, 0, WEEK, &n);
	h = n == WEEK ? dur / 420 : acute_km * 6 / 420;
	m->carb_band_lo = isnan(h) ? NAN : h < 0.5 ? 3 : h < 1.25 ? 5 :
	    h < 4 ? 6 : 8;

	/* anaemia (WHO cut-offs) and the arterial-disease risk */
	age = in->age_years;
	hb = in->hemoglobin_g_l;
	cut = NAN;
	if (in->pregnant_or_postpartum == HL_YES)
		cut = 110;
	else if (!isnan(age))
		cut = age < 12 ? 115 : age < 15 || in->sex != HL_SEX_MALE ?
		    120 : 130;
	m->anaemia = !isnan(cut) && !isnan(hb) ? hb < cut : NAN;
	m->pad_risk = NAN;
	if (!isnan(age)) {
		if (age >= 65)
			m->pad_risk = 1;
		else if (age < 50)
			m->pad_risk = 0;
		else if (!isnan(in->smoker_or_diabetes))
			m->pad_risk = in->smoker_or_diabetes == HL_YES;
	}
}

enum {
	F_RF_CHEST_SYMPTOMS,
	F_RF_CARDIAC_WARNING,
	F_RF_EXERTIONAL_COLLAPSE,
	F_RF_CAUDA_EQUINA,
	F_RF_ACUTE_LIMB_THREAT,
	F_RF_DVT_SUSPECTED,
	F_RF_EXERTIONAL_RHABDOMYOLYSIS,
	F_RF_EXERCISE_ASSOCIATED_HYPONATREMIA,
	F_RF_HEAT_EXHAUSTION,
	F_RF_SUDDEN_SEVERE_ONSET,
	F_RF_NERVE_COMPRESSION,
	F_RF_PERIPHERAL_ARTERY_DISEASE,
	F_RF_CHRONIC_EXERTIONAL_COMPARTMENT,
	F_RF_CHRONIC_VENOUS_DISEASE,
	F_RF_ANEMIA_OR_IRON_DEFICIENCY,
	F_RF_RED_S,
	F_RF_PERSISTENT_OR_PROGRESSIVE,
	F_RF_ACCOMPANYING_SYMPTOMS,
	F_RF_ME_CFS_PATTERN,
	F_RF_FEVER,
	F_RF_BONE_STRESS,
	F_RF_MEDICATION_REVIEW,
	NFLAGS
};
enum {
	C_LOAD_SPIKE,
	C_INSUFFICIENT_RECOVERY,
	C_DEHYDRATION,
	C_ELECTROLYTE_IMBALANCE,
	C_IRON_DEFICIENCY,
	C_LOW_CARBOHYDRATE_AVAILABILITY,
	C_LOW_ENERGY_AVAILABILITY,
	C_MEDICATION_EFFECT,
	C_RUNNING_FORM_OVERSTRIDING,
	C_POOR_WARMUP_COOLDOWN,
	C_HEAT_HUMIDITY,
	NCAUSES
};
enum {
	S_SEEK_MEDICAL_REVIEW,
	S_AVOID_OVERDRINKING,
	S_HYDRATE_DAILY,
	S_ELECTROLYTES_LONG_RUNS,
	S_CARB_FUELING,
	S_IRON_CHECK_AND_INTAKE,
	S_ENERGY_AVAILABILITY_REVIEW,
	S_REST_AND_SLEEP,
	S_GRADUAL_PROGRESSION,
	S_STRENGTH_AND_MOBILITY,
	S_CADENCE_AND_FORM,
	S_WARMUP_COOLDOWN,
	S_POST_RUN_RECOVERY,
	S_MEDICATION_REVIEW,
	S_HEAT_PLAN,
	NSTRATEGIES
};

static const char *const flag_ids[NFLAGS] = {
	"rf_chest_symptoms",
	"rf_cardiac_warning",
	"rf_exertional_collapse",
	"rf_cauda_equina",
	"rf_acute_limb_threat",
	"rf_dvt_suspected",
	"rf_exertional_rhabdomyolysis",
	"rf_exercise_associated_hyponatremia",
	"rf_heat_exhaustion",
	"rf_sudden_severe_onset",
	"rf_nerve_compression",
	"rf_peripheral_artery_disease",
	"rf_chronic_exertional_compartment",
	"rf_chronic_venous_disease",
	"rf_anemia_or_iron_deficiency",
	"rf_red_s",
	"rf_persistent_or_progressive",
	"rf_accompanying_symptoms",
	"rf_me_cfs_pattern",
	"rf_fever",
	"rf_bone_stress",
	"rf_medication_review",
};
static const char *const cause_ids[NCAUSES] = {
	"load_spike",
	"insufficient_recovery",
	"dehydration",
	"electrolyte_imbalance",
	"iron_deficiency",
	"low_carbohydrate_availability",
	"low_energy_availability",
	"medication_effect",
	"running_form_overstriding",
	"poor_warmup_cooldown",
	"heat_humidity",
};
static const char *const strategy_ids[NSTRATEGIES] = {
	"seek_medical_review",
	"avoid_overdrinking",
	"hydrate_daily",
	"electrolytes_long_runs",
	"carb_fueling",
	"iron_check_and_intake",
	"energy_availability_review",
	"rest_and_sleep",
	"gradual_progression",
	"strength_and_mobility",
	"cadence_and_form",
	"warmup_cooldown",
	"post_run_recovery",
	"medication_review",
	"heat_plan",
};
static const int flag_nlevels[NFLAGS] = {
	1,
	1,
	1,
	1,
	1,
	3,
	1,
	1,
	1,
	4,
	2,
	2,
	1,
	2,
	3,
	2,
	4,
	1,
	1,
	1,
	1,
	1,
};
static const int strategy_own[NSTRATEGIES] = {
	1,
	1,
	0,
	0,
	0,
	0,
	0,
	0,
	0,
	0,
	0,
	0,
	0,
	0,
	0,
};
#define NDEFS	78
static const char *const def_names[NDEFS] = {
	"age_years",
	"sex",
	"body_mass_kg",
	"daily_distance_km",
	"daily_duration_min",
	"daily_session_rpe",
	"daily_resting_hr_bpm",
	"daily_hrv_rmssd_ms",
	"daily_sleep_h",
	"cadence_spm",
	"cadence_baseline_spm",
	"overstriding_observed",
	"last_run_duration_min",
	"air_temp_c",
	"relative_humidity_pct",
	"dew_point_c",
	"wbgt_c",
	"heat_acclimatized",
	"pre_run_body_mass_kg",
	"post_run_body_mass_kg",
	"fluid_during_run_l",
	"morning_body_mass_kg",
	"urine_color",
	"thirsty",
	"muscle_cramps",
	"electrolytes_on_long_runs",
	"carb_intake_g_day",
	"carbs_during_long_runs",
	"diet_pattern",
	"menstrual_status",
	"restricting_food_intake",
	"heavy_menstrual_bleeding",
	"bone_stress_injuries_2y",
	"ferritin_ug_l",
	"hemoglobin_g_l",
	"transferrin_saturation_pct",
	"strength_sessions_per_week",
	"warmup_min",
	"cooldown_min",
	"heavy_mainly_early_in_run",
	"performance_decline",
	"mood_low",
	"high_life_stress",
	"recent_illness_14d",
	"heaviness_days",
	"heaviness_onset",
	"heaviness_severity",
	"heaviness_side",
	"self_care_days",
	"worsening",
	"interferes_daily_life",
	"post_exertional_malaise",
	"calf_swelling_one_side",
	"leg_warm_red_tender",
	"recent_travel_or_immobility",
	"vte_risk_factors",
	"leg_pain_at_rest",
	"numbness_tingling",
	"leg_weakness_or_foot_drop",
	"smoker_or_diabetes",
	"varicose_veins",
	"ankle_swelling_end_of_day",
	"exertional_pain_pattern",
	"skin_change",
	"dark_urine_after_run",
	"severe_muscle_pain_swelling",
	"chest_pain_or_breathlessness",
	"saddle_numbness_or_bladder_bowel_change",
	"confusion_or_collapse",
	"headache_nausea_vomiting",
	"exertional_palpitations_or_fainting",
	"fever_now",
	"focal_bone_pain",
	"statin_use",
	"beta_blocker_use",
	"diuretic_use",
	"pregnant_or_postpartum",
	"hormonal_contraception",
};
static const size_t def_off[NDEFS] = {
	offsetof(hl_inputs, age_years),
	offsetof(hl_inputs, sex),
	offsetof(hl_inputs, body_mass_kg),
	offsetof(hl_inputs, daily_distance_km),
	offsetof(hl_inputs, daily_duration_min),
	offsetof(hl_inputs, daily_session_rpe),
	offsetof(hl_inputs, daily_resting_hr_bpm),
	offsetof(hl_inputs, daily_hrv_rmssd_ms),
	offsetof(hl_inputs, daily_sleep_h),
	offsetof(hl_inputs, cadence_spm),
	offsetof(hl_inputs, cadence_baseline_spm),
	offsetof(hl_inputs, overstriding_observed),
	offsetof(hl_inputs, last_run_duration_min),
	offsetof(hl_inputs, air_temp_c),
	offsetof(hl_inputs, relative_humidity_pct),
	offsetof(hl_inputs, dew_point_c),
	offsetof(hl_inputs, wbgt_c),
	offsetof(hl_inputs, heat_acclimatized),
	offsetof(hl_inputs, pre_run_body_mass_kg),
	offsetof(hl_inputs, post_run_body_mass_kg),
	offsetof(hl_inputs, fluid_during_run_l),
	offsetof(hl_inputs, morning_body_mass_kg),
	offsetof(hl_inputs, urine_color),
	offsetof(hl_inputs, thirsty),
	offsetof(hl_inputs, muscle_cramps),
	offsetof(hl_inputs, electrolytes_on_long_runs),
	offsetof(hl_inputs, carb_intake_g_day),
	offsetof(hl_inputs, carbs_during_long_runs),
	offsetof(hl_inputs, diet_pattern),
	offsetof(hl_inputs, menstrual_status),
	offsetof(hl_inputs, restricting_food_intake),
	offsetof(hl_inputs, heavy_menstrual_bleeding),
	offsetof(hl_inputs, bone_stress_injuries_2y),
	offsetof(hl_inputs, ferritin_ug_l),
	offsetof(hl_inputs, hemoglobin_g_l),
	offsetof(hl_inputs, transferrin_saturation_pct),
	offsetof(hl_inputs, strength_sessions_per_week),
	offsetof(hl_inputs, warmup_min),
	offsetof(hl_inputs, cooldown_min),
	offsetof(hl_inputs, heavy_mainly_early_in_run),
	offsetof(hl_inputs, performance_decline),
	offsetof(hl_inputs, mood_low),
	offsetof(hl_inputs, high_life_stress),
	offsetof(hl_inputs, recent_illness_14d),
	offsetof(hl_inputs, heaviness_days),
	offsetof(hl_inputs, heaviness_onset),
	offsetof(hl_inputs, heaviness_severity),
	offsetof(hl_inputs, heaviness_side),
	offsetof(hl_inputs, self_care_days),
	offsetof(hl_inputs, worsening),
	offsetof(hl_inputs, interferes_daily_life),
	offsetof(hl_inputs, post_exertional_malaise),
	offsetof(hl_inputs, calf_swelling_one_side),
	offsetof(hl_inputs, leg_warm_red_tender),
	offsetof(hl_inputs, recent_travel_or_immobility),
	offsetof(hl_inputs, vte_risk_factors),
	offsetof(hl_inputs, leg_pain_at_rest),
	offsetof(hl_inputs, numbness_tingling),
	offsetof(hl_inputs, leg_weakness_or_foot_drop),
	offsetof(hl_inputs, smoker_or_diabetes),
	offsetof(hl_inputs, varicose_veins),
	offsetof(hl_inputs, ankle_swelling_end_of_day),
	offsetof(hl_inputs, exertional_pain_pattern),
	offsetof(hl_inputs, skin_change),
	offsetof(hl_inputs, dark_urine_after_run),
	offsetof(hl_inputs, severe_muscle_pain_swelling),
	offsetof(hl_inputs, chest_pain_or_breathlessness),
	offsetof(hl_inputs, saddle_numbness_or_bladder_bowel_change),
	offsetof(hl_inputs, confusion_or_collapse),
	offsetof(hl_inputs, headache_nausea_vomiting),
	offsetof(hl_inputs, exertional_palpitations_or_fainting),
	offsetof(hl_inputs, fever_now),
	offsetof(hl_inputs, focal_bone_pain),
	offsetof(hl_inputs, statin_use),
	offsetof(hl_inputs, beta_blocker_use),
	offsetof(hl_inputs, diuretic_use),
	offsetof(hl_inputs, pregnant_or_postpartum),
	offsetof(hl_inputs, hormonal_contraception),
};
static const int def_len[NDEFS] = {
	1,
	1,
	1,
	HL_SERIES_DAYS,
	HL_SERIES_DAYS,
	HL_SERIES_DAYS,
	HL_SERIES_DAYS,
	HL_SERIES_DAYS,
	HL_SERIES_DAYS,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
};
static const double def_cost[NDEFS] = {
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	3,
	3,
	3,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
	1,
};
static const char def_screen[NDEFS] = {
	0,
	0,
	0,
	0,
	0,
	0,
	0,
	0,
	0,
	0,
	0,
	0,
	0,
	0,
	0,
	0,
	0,
	0,
	0,
	0,
	0,
	0,
	0,
	0,
	0,
	0,
	0,
	0,
	0,
	0,
	0,
	0,
	0,
	0,
	0,
	0,
	0,
	0,
	0,
	0,
	0,
	0,
	0,
	0,
	0,
	1,
	1,
	1,
	0,
	0,
	0,
	0,
	1,
	1,
	0,
	0,
	0,
	1,
	1,
	0,
	0,
	0,
	0,
	1,
	1,
	0,
	1,
	1,
	0,
	0,
	1,
	1,
	0,
	0,
	0,
	0,
	0,
	0,
};
#define NSCREEN	13
/* the red-flag screen, asked while unknown (QUESTIONS) */
static const int screen[NSCREEN] = {
	47,	/* heaviness_side */
	52,	/* calf_swelling_one_side */
	53,	/* leg_warm_red_tender */
	66,	/* chest_pain_or_breathlessness */
	70,	/* exertional_palpitations_or_fainting */
	71,	/* fever_now */
	57,	/* numbness_tingling */
	63,	/* skin_change */
	64,	/* dark_urine_after_run */
	45,	/* heaviness_onset */
	46,	/* heaviness_severity */
	58,	/* leg_weakness_or_foot_drop */
	67,	/* saddle_numbness_or_bladder_bowel_change */
};
#define MAXDEFS	6
/* the inputs each item of a cause reads, itself or through a derived
 * metric; -1 ends */
static const signed char item_defs[NCAUSES][9][MAXDEFS] = {
	{
		{ 3, 4, 5, -1 },
		{ 3, -1 },
		{ 3, -1 },
	},
	{
		{ 8, -1 },
		{ 6, 74, -1 },
		{ 7, 74, -1 },
		{ 3, 4, 5, -1 },
		{ 3, -1 },
		{ 40, -1 },
		{ 41, -1 },
		{ 42, -1 },
		{ 43, -1 },
	},
	{
		{ 18, 19, -1 },
		{ 2, 21, 22, 23, -1 },
		{ 12, 13, 14, 20, -1 },
	},
	{
		{ 12, 18, 19, -1 },
		{ 12, 18, 19, 20, 25, -1 },
		{ 24, -1 },
		{ 12, -1 },
		{ 75, -1 },
	},
	{
		{ 33, -1 },
		{ 33, 35, -1 },
		{ 0, 1, 33, 34, -1 },
		{ 0, 1, 33, -1 },
		{ 31, 33, -1 },
		{ 28, 33, -1 },
	},
	{
		{ 2, 4, 26, -1 },
		{ 12, 27, -1 },
		{ 30, -1 },
	},
	{
		{ 0, 1, 29, 76, 77, -1 },
		{ 30, -1 },
		{ 32, -1 },
		{ 2, 26, -1 },
	},
	{
		{ 73, -1 },
		{ 74, -1 },
		{ 75, -1 },
	},
	{
		{ 11, -1 },
		{ 9, 10, -1 },
		{ 9, -1 },
	},
	{
		{ 37, -1 },
		{ 39, -1 },
		{ 38, -1 },
	},
	{
		{ 13, 14, 16, -1 },
		{ 13, 14, 16, 17, -1 },
	},
};
static const double item_top[NCAUSES][9] = {
	{ 0.45, 0.35, 0.45 },
	{ 0.4, 0.4, 0.3, 0.2, 0.1, 0.25, 0.2, 0.1, 0.15 },
	{ 0.45, 0.45, 0.2 },
	{ 0.35, 0.25, 0.2, 0.1, 0.2 },
	{ 0.6, 0.55, 0.4, 0.1, 0.2, 0.15 },
	{ 0.5, 0.2, 0.15 },
	{ 0.5, 0.3, 0.25, 0.15 },
	{ 0.35, 0.3, 0.2 },
	{ 0.4, 0.2, 0.15 },
	{ 0.25, 0.3, 0.05 },
	{ 0.55, 0.15 },
};
#define MAXLEVELS	4
#define MAXITEMS	9

struct hl_hw_result {
	int	 triage;		/* the highest urgency of the flags */
	int	 suppress;		/* suppress_training_advice */
	int	 triage_high;		/* the worst the unknowns may come to */
	int	 screen_complete;	/* every screen question answered */
	int	 urgency[NFLAGS];	/* 0: the flag did not fire */
	int	 fev[NFLAGS][MAXLEVELS];	/* each level's state */
	double	 score[NCAUSES];
	double	 score_low[NCAUSES], score_high[NCAUSES];	/* bounds */
	double	 coverage[NCAUSES];
	int	 nev[NCAUSES];		/* evidence: the items that apply */
	int	 ev[NCAUSES][MAXITEMS];	/* their states */
	int	 evitem[NCAUSES][MAXITEMS];	/* their items */
	int	 unsettled[NCAUSES][MAXITEMS];	/* state may change */
	int	 listed[NSTRATEGIES];	/* the strategy is suggested */
	double	 sscore[NSTRATEGIES];	/* its score; NaN for its own trigger */
	int	 sev[NSTRATEGIES];	/* its `when`'s state; -1 without one */
	int	 nlist;			/* the findings in report order: */
	int	 kind[NFLAGS + NCAUSES + NSTRATEGIES];	/* HL_FINDING_* */
	int	 index[NFLAGS + NCAUSES + NSTRATEGIES];	/* in its kind */
	double	 confidence;		/* mean coverage */
	int	 nq;			/* next questions: input names */
	const char *q[NSCREEN + 8];
};

/* An evidence state (HL_STATE_*) from a three-valued truth. */
#define STATE(t)	((t) > 0 ? HL_STATE_FIRED : (t) == 0 ? \
			    HL_STATE_NOT_FIRED : HL_STATE_UNKNOWN)

/* Red flags (RED FLAGS): the highest true level; fl[] is 1, 0 or unknown. */
static void
assess_flags(const hl_inputs *in, const struct metrics *m, double menses,
    hl_hw_result *res, double *fl)
{
	int t, any, allfalse;

	res->triage_high = 0;
	/* rf_chest_symptoms */
	any = 0, allfalse = 1, res->urgency[F_RF_CHEST_SYMPTOMS] = 0;
	t = T(in->chest_pain_or_breathlessness);
	res->fev[F_RF_CHEST_SYMPTOMS][0] = STATE(t);
	if (4 > res->triage_high && t != 0)
		res->triage_high = 4;
	if (t == 1 && (!any || res->urgency[F_RF_CHEST_SYMPTOMS] < 4))
		res->urgency[F_RF_CHEST_SYMPTOMS] = 4;
	if (t == 1)
		any = 1;
	if (t != 0)
		allfalse = 0;
	fl[F_RF_CHEST_SYMPTOMS] =
	    any ? 1.0 : allfalse ? 0.0 : NAN;

	/* rf_cardiac_warning */
	any = 0, allfalse = 1, res->urgency[F_RF_CARDIAC_WARNING] = 0;
	t = T(in->exertional_palpitations_or_fainting);
	res->fev[F_RF_CARDIAC_WARNING][0] = STATE(t);
	if (3 > res->triage_high && t != 0)
		res->triage_high = 3;
	if (t == 1 && (!any || res->urgency[F_RF_CARDIAC_WARNING] < 3))
		res->urgency[F_RF_CARDIAC_WARNING] = 3;
	if (t == 1)
		any = 1;
	if (t != 0)
		allfalse = 0;
	fl[F_RF_CARDIAC_WARNING] =
	    any ? 1.0 : allfalse ? 0.0 : NAN;

	/* rf_exertional_collapse */
	any = 0, allfalse = 1, res->urgency[F_RF_EXERTIONAL_COLLAPSE] = 0;
	t = T(in->confusion_or_collapse);
	res->fev[F_RF_EXERTIONAL_COLLAPSE][0] = STATE(t);
	if (4 > res->triage_high && t != 0)
		res->triage_high = 4;
	if (t == 1 && (!any || res->urgency[F_RF_EXERTIONAL_COLLAPSE] < 4))
		res->urgency[F_RF_EXERTIONAL_COLLAPSE] = 4;
	if (t == 1)
		any = 1;
	if (t != 0)
		allfalse = 0;
	fl[F_RF_EXERTIONAL_COLLAPSE] =
	    any ? 1.0 : allfalse ? 0.0 : NAN;

	/* rf_cauda_equina */
	any = 0, allfalse = 1, res->urgency[F_RF_CAUDA_EQUINA] = 0;
	t = T(in->saddle_numbness_or_bladder_bowel_change);
	res->fev[F_RF_CAUDA_EQUINA][0] = STATE(t);
	if (4 > res->triage_high && t != 0)
		res->triage_high = 4;
	if (t == 1 && (!any || res->urgency[F_RF_CAUDA_EQUINA] < 4))
		res->urgency[F_RF_CAUDA_EQUINA] = 4;
	if (t == 1)
		any = 1;
	if (t != 0)
		allfalse = 0;
	fl[F_RF_CAUDA_EQUINA] =
	    any ? 1.0 : allfalse ? 0.0 : NAN;

	/* rf_acute_limb_threat */
	any = 0, allfalse = 1, res->urgency[F_RF_ACUTE_LIMB_THREAT] = 0;
	t = OR(EQ(in->skin_change, HL_SKIN_PALE_BLUE_COLD),
	    AND(AND(T(in->severe_muscle_pain_swelling),
	    T(in->leg_pain_at_rest)), OR(T(in->numbness_tingling),
	    T(in->leg_weakness_or_foot_drop))));
	res->fev[F_RF_ACUTE_LIMB_THREAT][0] = STATE(t);
	if (4 > res->triage_high && t != 0)
		res->triage_high = 4;
	if (t == 1 && (!any || res->urgency[F_RF_ACUTE_LIMB_THREAT] < 4))
		res->urgency[F_RF_ACUTE_LIMB_THREAT] = 4;
	if (t == 1)
		any = 1;
	if (t != 0)
		allfalse = 0;
	fl[F_RF_ACUTE_LIMB_THREAT] =
	    any ? 1.0 : allfalse ? 0.0 : NAN;

	/* rf_dvt_suspected */
	any = 0, allfalse = 1, res->urgency[F_RF_DVT_SUSPECTED] = 0;
	t = OR(T(in->calf_swelling_one_side), T(in->leg_warm_red_tender));
	res->fev[F_RF_DVT_SUSPECTED][0] = STATE(t);
	if (3 > res->triage_high && t != 0)
		res->triage_high = 3;
	if (t == 1 && (!any || res->urgency[F_RF_DVT_SUSPECTED] < 3))
		res->urgency[F_RF_DVT_SUSPECTED] = 3;
	if (t == 1)
		any = 1;
	if (t != 0)
		allfalse = 0;
	t = AND(AND(EQ(in->heaviness_side, HL_SIDE_ONE),
	    T(in->recent_travel_or_immobility)), OR(T(in->vte_risk_factors),
	    T(in->pregnant_or_postpartum)));
	res->fev[F_RF_DVT_SUSPECTED][1] = STATE(t);
	if (3 > res->triage_high && t != 0)
		res->triage_high = 3;
	if (t == 1 && (!any || res->urgency[F_RF_DVT_SUSPECTED] < 3))
		res->urgency[F_RF_DVT_SUSPECTED] = 3;
	if (t == 1)
		any = 1;
	if (t != 0)
		allfalse = 0;
	t = AND(EQ(in->heaviness_side, HL_SIDE_ONE),
	    OR(OR(T(in->recent_travel_or_immobility), T(in->vte_risk_factors)),
	    T(in->pregnant_or_postpartum)));
	res->fev[F_RF_DVT_SUSPECTED][2] = STATE(t);
	if (2 > res->triage_high && t != 0)
		res->triage_high = 2;
	if (t == 1 && (!any || res->urgency[F_RF_DVT_SUSPECTED] < 2))
		res->urgency[F_RF_DVT_SUSPECTED] = 2;
	if (t == 1)
		any = 1;
	if (t != 0)
		allfalse = 0;
	fl[F_RF_DVT_SUSPECTED] =
	    any ? 1.0 : allfalse ? 0.0 : NAN;

	/* rf_exertional_rhabdomyolysis */
	any = 0, allfalse = 1, res->urgency[F_RF_EXERTIONAL_RHABDOMYOLYSIS] = 0;
	t = OR(T(in->dark_urine_after_run), T(in->severe_muscle_pain_swelling));
	res->fev[F_RF_EXERTIONAL_RHABDOMYOLYSIS][0] = STATE(t);
	if (3 > res->triage_high && t != 0)
		res->triage_high = 3;
	if (t == 1 && (!any
	    || res->urgency[F_RF_EXERTIONAL_RHABDOMYOLYSIS] < 3))
		res->urgency[F_RF_EXERTIONAL_RHABDOMYOLYSIS] = 3;
	if (t == 1)
		any = 1;
	if (t != 0)
		allfalse = 0;
	fl[F_RF_EXERTIONAL_RHABDOMYOLYSIS] =
	    any ? 1.0 : allfalse ? 0.0 : NAN;

	/* rf_exercise_associated_hyponatremia */
	any = 0, allfalse = 1,
	    res->urgency[F_RF_EXERCISE_ASSOCIATED_HYPONATREMIA] = 0;
	t = AND(T(in->headache_nausea_vomiting), OR(OR(T(m->mass_gained),
	    GE(in->last_run_duration_min, 240.0)),
	    AND(GE(m->body_mass_change_pct, 0.0), GE(in->last_run_duration_min,
	    120.0))));
	res->fev[F_RF_EXERCISE_ASSOCIATED_HYPONATREMIA][0] = STATE(t);
	if (3 > res->triage_high && t != 0)
		res->triage_high = 3;
	if (t == 1 && (!any
	    || res->urgency[F_RF_EXERCISE_ASSOCIATED_HYPONATREMIA] < 3))
		res->urgency[F_RF_EXERCISE_ASSOCIATED_HYPONATREMIA] = 3;
	if (t == 1)
		any = 1;
	if (t != 0)
		allfalse = 0;
	fl[F_RF_EXERCISE_ASSOCIATED_HYPONATREMIA] =
	    any ? 1.0 : allfalse ? 0.0 : NAN;

	/* rf_heat_exhaustion */
	any = 0, allfalse = 1, res->urgency[F_RF_HEAT_EXHAUSTION] = 0;
	t = AND(T(in->headache_nausea_vomiting), OR(OR(GE(m->heat_index_f,
	    90.0), GT(in->wbgt_c, 27.8)), GE(in->air_temp_c, 32.0)));
	res->fev[F_RF_HEAT_EXHAUSTION][0] = STATE(t);
	if (3 > res->triage_high && t != 0)
		res->triage_high = 3;
	if (t == 1 && (!any || res->urgency[F_RF_HEAT_EXHAUSTION] < 3))
		res->urgency[F_RF_HEAT_EXHAUSTION] = 3;
	if (t == 1)
		any = 1;
	if (t != 0)
		allfalse = 0;
	fl[F_RF_HEAT_EXHAUSTION] =
	    any ? 1.0 : allfalse ? 0.0 : NAN;

	/* rf_sudden_severe_onset */
	any = 0, allfalse = 1, res->urgency[F_RF_SUDDEN_SEVERE_ONSET] = 0;
	t = AND(EQ(in->heaviness_onset, HL_ONSET_SUDDEN),
	    T(in->leg_weakness_or_foot_drop));
	res->fev[F_RF_SUDDEN_SEVERE_ONSET][0] = STATE(t);
	if (4 > res->triage_high && t != 0)
		res->triage_high = 4;
	if (t == 1 && (!any || res->urgency[F_RF_SUDDEN_SEVERE_ONSET] < 4))
		res->urgency[F_RF_SUDDEN_SEVERE_ONSET] = 4;
	if (t == 1)
		any = 1;
	if (t != 0)
		allfalse = 0;
	t = AND(EQ(in->heaviness_onset, HL_ONSET_SUDDEN),
	    GE(in->heaviness_severity, 7.0));
	res->fev[F_RF_SUDDEN_SEVERE_ONSET][1] = STATE(t);
	if (3 > res->triage_high && t != 0)
		res->triage_high = 3;
	if (t == 1 && (!any || res->urgency[F_RF_SUDDEN_SEVERE_ONSET] < 3))
		res->urgency[F_RF_SUDDEN_SEVERE_ONSET] = 3;
	if (t == 1)
		any = 1;
	if (t != 0)
		allfalse = 0;
	t = AND(EQ(in->heaviness_onset, HL_ONSET_SUDDEN), EQ(in->heaviness_side,
	    HL_SIDE_ONE));
	res->fev[F_RF_SUDDEN_SEVERE_ONSET][2] = STATE(t);
	if (3 > res->triage_high && t != 0)
		res->triage_high = 3;
	if (t == 1 && (!any || res->urgency[F_RF_SUDDEN_SEVERE_ONSET] < 3))
		res->urgency[F_RF_SUDDEN_SEVERE_ONSET] = 3;
	if (t == 1)
		any = 1;
	if (t != 0)
		allfalse = 0;
	t = EQ(in->heaviness_onset, HL_ONSET_SUDDEN);
	res->fev[F_RF_SUDDEN_SEVERE_ONSET][3] = STATE(t);
	if (2 > res->triage_high && t != 0)
		res->triage_high = 2;
	if (t == 1 && (!any || res->urgency[F_RF_SUDDEN_SEVERE_ONSET] < 2))
		res->urgency[F_RF_SUDDEN_SEVERE_ONSET] = 2;
	if (t == 1)
		any = 1;
	if (t != 0)
		allfalse = 0;
	fl[F_RF_SUDDEN_SEVERE_ONSET] =
	    any ? 1.0 : allfalse ? 0.0 : NAN;

	/* rf_nerve_compression */
	any = 0, allfalse = 1, res->urgency[F_RF_NERVE_COMPRESSION] = 0;
	t = T(in->leg_weakness_or_foot_drop);
	res->fev[F_RF_NERVE_COMPRESSION][0] = STATE(t);
	if (3 > res->triage_high && t != 0)
		res->triage_high = 3;
	if (t == 1 && (!any || res->urgency[F_RF_NERVE_COMPRESSION] < 3))
		res->urgency[F_RF_NERVE_COMPRESSION] = 3;
	if (t == 1)
		any = 1;
	if (t != 0)
		allfalse = 0;
	t = EQ(in->exertional_pain_pattern,
	    HL_PAIN_EASES_ONLY_SITTING_OR_BENDING);
	res->fev[F_RF_NERVE_COMPRESSION][1] = STATE(t);
	if (2 > res->triage_high && t != 0)
		res->triage_high = 2;
	if (t == 1 && (!any || res->urgency[F_RF_NERVE_COMPRESSION] < 2))
		res->urgency[F_RF_NERVE_COMPRESSION] = 2;
	if (t == 1)
		any = 1;
	if (t != 0)
		allfalse = 0;
	fl[F_RF_NERVE_COMPRESSION] =
	    any ? 1.0 : allfalse ? 0.0 : NAN;

	/* rf_peripheral_artery_disease */
	any = 0, allfalse = 1, res->urgency[F_RF_PERIPHERAL_ARTERY_DISEASE] = 0;
	t = AND(T(in->leg_pain_at_rest), T(m->pad_risk));
	res->fev[F_RF_PERIPHERAL_ARTERY_DISEASE][0] = STATE(t);
	if (3 > res->triage_high && t != 0)
		res->triage_high = 3;
	if (t == 1 && (!any
	    || res->urgency[F_RF_PERIPHERAL_ARTERY_DISEASE] < 3))
		res->urgency[F_RF_PERIPHERAL_ARTERY_DISEASE] = 3;
	if (t == 1)
		any = 1;
	if (t != 0)
		allfalse = 0;
	t = AND(EQ(in->exertional_pain_pattern, HL_PAIN_EASES_ON_STOPPING),
	    T(m->pad_risk));
	res->fev[F_RF_PERIPHERAL_ARTERY_DISEASE][1] = STATE(t);
	if (2 > res->triage_high && t != 0)
		res->triage_high = 2;
	if (t == 1 && (!any
	    || res->urgency[F_RF_PERIPHERAL_ARTERY_DISEASE] < 2))
		res->urgency[F_RF_PERIPHERAL_ARTERY_DISEASE] = 2;
	if (t == 1)
		any = 1;
	if (t != 0)
		allfalse = 0;
	fl[F_RF_PERIPHERAL_ARTERY_DISEASE] =
	    any ? 1.0 : allfalse ? 0.0 : NAN;

	/* rf_chronic_exertional_compartment */
	any = 0, allfalse = 1,
	    res->urgency[F_RF_CHRONIC_EXERTIONAL_COMPARTMENT] = 0;
	t = AND(EQ(in->exertional_pain_pattern, HL_PAIN_EASES_ON_STOPPING),
	    NOT(AND(KNOWN_N(m->pad_risk), T(m->pad_risk))));
	res->fev[F_RF_CHRONIC_EXERTIONAL_COMPARTMENT][0] = STATE(t);
	if (2 > res->triage_high && AND(EQ(in->exertional_pain_pattern,
	    HL_PAIN_EASES_ON_STOPPING), NOT(AND(OPEN_KNOWN_N(m->pad_risk),
	    T(m->pad_risk)))) != 0)
		res->triage_high = 2;
	if (t == 1 && (!any
	    || res->urgency[F_RF_CHRONIC_EXERTIONAL_COMPARTMENT] < 2))
		res->urgency[F_RF_CHRONIC_EXERTIONAL_COMPARTMENT] = 2;
	if (t == 1)
		any = 1;
	if (t != 0)
		allfalse = 0;
	fl[F_RF_CHRONIC_EXERTIONAL_COMPARTMENT] =
	    any ? 1.0 : allfalse ? 0.0 : NAN;

	/* rf_chronic_venous_disease */
	any = 0, allfalse = 1, res->urgency[F_RF_CHRONIC_VENOUS_DISEASE] = 0;
	t = EQ(in->skin_change, HL_SKIN_BROWN_OR_ECZEMA);
	res->fev[F_RF_CHRONIC_VENOUS_DISEASE][0] = STATE(t);
	if (2 > res->triage_high && t != 0)
		res->triage_high = 2;
	if (t == 1 && (!any || res->urgency[F_RF_CHRONIC_VENOUS_DISEASE] < 2))
		res->urgency[F_RF_CHRONIC_VENOUS_DISEASE] = 2;
	if (t == 1)
		any = 1;
	if (t != 0)
		allfalse = 0;
	t = OR(T(in->ankle_swelling_end_of_day), T(in->varicose_veins));
	res->fev[F_RF_CHRONIC_VENOUS_DISEASE][1] = STATE(t);
	if (1 > res->triage_high && t != 0)
		res->triage_high = 1;
	if (t == 1 && (!any || res->urgency[F_RF_CHRONIC_VENOUS_DISEASE] < 1))
		res->urgency[F_RF_CHRONIC_VENOUS_DISEASE] = 1;
	if (t == 1)
		any = 1;
	if (t != 0)
		allfalse = 0;
	fl[F_RF_CHRONIC_VENOUS_DISEASE] =
	    any ? 1.0 : allfalse ? 0.0 : NAN;

	/* rf_anemia_or_iron_deficiency */
	any = 0, allfalse = 1, res->urgency[F_RF_ANEMIA_OR_IRON_DEFICIENCY] = 0;
	t = LT(in->hemoglobin_g_l, 80.0);
	res->fev[F_RF_ANEMIA_OR_IRON_DEFICIENCY][0] = STATE(t);
	if (3 > res->triage_high && t != 0)
		res->triage_high = 3;
	if (t == 1 && (!any
	    || res->urgency[F_RF_ANEMIA_OR_IRON_DEFICIENCY] < 3))
		res->urgency[F_RF_ANEMIA_OR_IRON_DEFICIENCY] = 3;
	if (t == 1)
		any = 1;
	if (t != 0)
		allfalse = 0;
	t = T(m->anaemia);
	res->fev[F_RF_ANEMIA_OR_IRON_DEFICIENCY][1] = STATE(t);
	if (2 > res->triage_high && t != 0)
		res->triage_high = 2;
	if (t == 1 && (!any
	    || res->urgency[F_RF_ANEMIA_OR_IRON_DEFICIENCY] < 2))
		res->urgency[F_RF_ANEMIA_OR_IRON_DEFICIENCY] = 2;
	if (t == 1)
		any = 1;
	if (t != 0)
		allfalse = 0;
	t = OR(LT(in->ferritin_ug_l, 30.0), AND(LT(in->hemoglobin_g_l, 130.0),
	    NOT(KNOWN_N(in->sex))));
	res->fev[F_RF_ANEMIA_OR_IRON_DEFICIENCY][2] = STATE(t);
	if (1 > res->triage_high && OR(LT(in->ferritin_ug_l, 30.0),
	    AND(LT(in->hemoglobin_g_l, 130.0),
	    NOT(OPEN_KNOWN_N(in->sex)))) != 0)
		res->triage_high = 1;
	if (t == 1 && (!any
	    || res->urgency[F_RF_ANEMIA_OR_IRON_DEFICIENCY] < 1))
		res->urgency[F_RF_ANEMIA_OR_IRON_DEFICIENCY] = 1;
	if (t == 1)
		any = 1;
	if (t != 0)
		allfalse = 0;
	fl[F_RF_ANEMIA_OR_IRON_DEFICIENCY] =
	    any ? 1.0 : allfalse ? 0.0 : NAN;

	/* rf_red_s */
	any = 0, allfalse = 1, res->urgency[F_RF_RED_S] = 0;
	t = OR(AND(AND(AND(AND(EQ(in->sex, HL_SEX_FEMALE),
	    OR(NOT(KNOWN_N(in->age_years)), LT(in->age_years, 45.0))),
	    OR(NOT(KNOWN_N(in->hormonal_contraception)),
	    NOT(T(in->hormonal_contraception)))),
	    OR(NOT(KNOWN_N(in->pregnant_or_postpartum)),
	    NOT(T(in->pregnant_or_postpartum)))), EQ(menses,
	    HL_MENSES_ABSENT_3MO_PLUS)), GE(in->bone_stress_injuries_2y, 2.0));
	res->fev[F_RF_RED_S][0] = STATE(t);
	if (2 > res->triage_high && OR(AND(AND(AND(AND(EQ(in->sex,
	    HL_SEX_FEMALE), OR(NOT(OPEN_KNOWN_N(in->age_years)),
	    LT(in->age_years, 45.0))),
	    OR(NOT(OPEN_KNOWN_N(in->hormonal_contraception)),
	    NOT(T(in->hormonal_contraception)))),
	    OR(NOT(OPEN_KNOWN_N(in->pregnant_or_postpartum)),
	    NOT(T(in->pregnant_or_postpartum)))), EQ(menses,
	    HL_MENSES_ABSENT_3MO_PLUS)), GE(in->bone_stress_injuries_2y,
	    2.0)) != 0)
		res->triage_high = 2;
	if (t == 1 && (!any || res->urgency[F_RF_RED_S] < 2))
		res->urgency[F_RF_RED_S] = 2;
	if (t == 1)
		any = 1;
	if (t != 0)
		allfalse = 0;
	t = AND(AND(AND(AND(EQ(in->sex, HL_SEX_FEMALE),
	    OR(NOT(KNOWN_N(in->age_years)), LT(in->age_years, 45.0))),
	    OR(NOT(KNOWN_N(in->hormonal_contraception)),
	    NOT(T(in->hormonal_contraception)))),
	    OR(NOT(KNOWN_N(in->pregnant_or_postpartum)),
	    NOT(T(in->pregnant_or_postpartum)))), EQ(menses,
	    HL_MENSES_IRREGULAR));
	res->fev[F_RF_RED_S][1] = STATE(t);
	if (1 > res->triage_high && AND(AND(AND(AND(EQ(in->sex, HL_SEX_FEMALE),
	    OR(NOT(OPEN_KNOWN_N(in->age_years)), LT(in->age_years, 45.0))),
	    OR(NOT(OPEN_KNOWN_N(in->hormonal_contraception)),
	    NOT(T(in->hormonal_contraception)))),
	    OR(NOT(OPEN_KNOWN_N(in->pregnant_or_postpartum)),
	    NOT(T(in->pregnant_or_postpartum)))), EQ(menses,
	    HL_MENSES_IRREGULAR)) != 0)
		res->triage_high = 1;
	if (t == 1 && (!any || res->urgency[F_RF_RED_S] < 1))
		res->urgency[F_RF_RED_S] = 1;
	if (t == 1)
		any = 1;
	if (t != 0)
		allfalse = 0;
	fl[F_RF_RED_S] =
	    any ? 1.0 : allfalse ? 0.0 : NAN;

	/* rf_persistent_or_progressive */
	any = 0, allfalse = 1, res->urgency[F_RF_PERSISTENT_OR_PROGRESSIVE] = 0;
	t = AND(OR(T(in->worsening), T(in->interferes_daily_life)),
	    NOT(AND(KNOWN_N(in->heaviness_days), LT(in->heaviness_days, 5.0))));
	res->fev[F_RF_PERSISTENT_OR_PROGRESSIVE][0] = STATE(t);
	if (2 > res->triage_high && AND(OR(T(in->worsening),
	    T(in->interferes_daily_life)),
	    NOT(AND(OPEN_KNOWN_N(in->heaviness_days), LT(in->heaviness_days,
	    5.0)))) != 0)
		res->triage_high = 2;
	if (t == 1 && (!any
	    || res->urgency[F_RF_PERSISTENT_OR_PROGRESSIVE] < 2))
		res->urgency[F_RF_PERSISTENT_OR_PROGRESSIVE] = 2;
	if (t == 1)
		any = 1;
	if (t != 0)
		allfalse = 0;
	t = GE(in->heaviness_days, 60.0);
	res->fev[F_RF_PERSISTENT_OR_PROGRESSIVE][1] = STATE(t);
	if (2 > res->triage_high && t != 0)
		res->triage_high = 2;
	if (t == 1 && (!any
	    || res->urgency[F_RF_PERSISTENT_OR_PROGRESSIVE] < 2))
		res->urgency[F_RF_PERSISTENT_OR_PROGRESSIVE] = 2;
	if (t == 1)
		any = 1;
	if (t != 0)
		allfalse = 0;
	t = AND(OR(T(in->worsening), T(in->interferes_daily_life)),
	    LT(in->heaviness_days, 5.0));
	res->fev[F_RF_PERSISTENT_OR_PROGRESSIVE][2] = STATE(t);
	if (1 > res->triage_high && t != 0)
		res->triage_high = 1;
	if (t == 1 && (!any
	    || res->urgency[F_RF_PERSISTENT_OR_PROGRESSIVE] < 1))
		res->urgency[F_RF_PERSISTENT_OR_PROGRESSIVE] = 1;
	if (t == 1)
		any = 1;
	if (t != 0)
		allfalse = 0;
	t = AND(GE(in->heaviness_days, 14.0), GE(in->self_care_days, 7.0));
	res->fev[F_RF_PERSISTENT_OR_PROGRESSIVE][3] = STATE(t);
	if (1 > res->triage_high && t != 0)
		res->triage_high = 1;
	if (t == 1 && (!any
	    || res->urgency[F_RF_PERSISTENT_OR_PROGRESSIVE] < 1))
		res->urgency[F_RF_PERSISTENT_OR_PROGRESSIVE] = 1;
	if (t == 1)
		any = 1;
	if (t != 0)
		allfalse = 0;
	fl[F_RF_PERSISTENT_OR_PROGRESSIVE] =
	    any ? 1.0 : allfalse ? 0.0 : NAN;

	/* rf_accompanying_symptoms */
	any = 0, allfalse = 1, res->urgency[F_RF_ACCOMPANYING_SYMPTOMS] = 0;
	t = OR(OR(T(in->numbness_tingling), T(in->leg_pain_at_rest)),
	    T(in->headache_nausea_vomiting));
	res->fev[F_RF_ACCOMPANYING_SYMPTOMS][0] = STATE(t);
	if (2 > res->triage_high && t != 0)
		res->triage_high = 2;
	if (t == 1 && (!any || res->urgency[F_RF_ACCOMPANYING_SYMPTOMS] < 2))
		res->urgency[F_RF_ACCOMPANYING_SYMPTOMS] = 2;
	if (t == 1)
		any = 1;
	if (t != 0)
		allfalse = 0;
	fl[F_RF_ACCOMPANYING_SYMPTOMS] =
	    any ? 1.0 : allfalse ? 0.0 : NAN;

	/* rf_me_cfs_pattern */
	any = 0, allfalse = 1, res->urgency[F_RF_ME_CFS_PATTERN] = 0;
	t = AND(T(in->post_exertional_malaise), OR(GE(in->heaviness_days, 42.0),
	    AND(LT(in->age_years, 18.0), GE(in->heaviness_days, 28.0))));
	res->fev[F_RF_ME_CFS_PATTERN][0] = STATE(t);
	if (1 > res->triage_high && t != 0)
		res->triage_high = 1;
	if (t == 1 && (!any || res->urgency[F_RF_ME_CFS_PATTERN] < 1))
		res->urgency[F_RF_ME_CFS_PATTERN] = 1;
	if (t == 1)
		any = 1;
	if (t != 0)
		allfalse = 0;
	fl[F_RF_ME_CFS_PATTERN] =
	    any ? 1.0 : allfalse ? 0.0 : NAN;

	/* rf_fever */
	any = 0, allfalse = 1, res->urgency[F_RF_FEVER] = 0;
	t = T(in->fever_now);
	res->fev[F_RF_FEVER][0] = STATE(t);
	if (2 > res->triage_high && t != 0)
		res->triage_high = 2;
	if (t == 1 && (!any || res->urgency[F_RF_FEVER] < 2))
		res->urgency[F_RF_FEVER] = 2;
	if (t == 1)
		any = 1;
	if (t != 0)
		allfalse = 0;
	fl[F_RF_FEVER] =
	    any ? 1.0 : allfalse ? 0.0 : NAN;

	/* rf_bone_stress */
	any = 0, allfalse = 1, res->urgency[F_RF_BONE_STRESS] = 0;
	t = T(in->focal_bone_pain);
	res->fev[F_RF_BONE_STRESS][0] = STATE(t);
	if (2 > res->triage_high && t != 0)
		res->triage_high = 2;
	if (t == 1 && (!any || res->urgency[F_RF_BONE_STRESS] < 2))
		res->urgency[F_RF_BONE_STRESS] = 2;
	if (t == 1)
		any = 1;
	if (t != 0)
		allfalse = 0;
	fl[F_RF_BONE_STRESS] =
	    any ? 1.0 : allfalse ? 0.0 : NAN;

	/* rf_medication_review */
	any = 0, allfalse = 1, res->urgency[F_RF_MEDICATION_REVIEW] = 0;
	t = OR(OR(T(in->statin_use), T(in->beta_blocker_use)),
	    T(in->diuretic_use));
	res->fev[F_RF_MEDICATION_REVIEW][0] = STATE(t);
	if (1 > res->triage_high && t != 0)
		res->triage_high = 1;
	if (t == 1 && (!any || res->urgency[F_RF_MEDICATION_REVIEW] < 1))
		res->urgency[F_RF_MEDICATION_REVIEW] = 1;
	if (t == 1)
		any = 1;
	if (t != 0)
		allfalse = 0;
	fl[F_RF_MEDICATION_REVIEW] =
	    any ? 1.0 : allfalse ? 0.0 : NAN;

}

/* Causes (CAUSES, SCORING): noisy-OR of the strongest true band of each
 * applicable item with the leak, times 1 - the strongest true lowering. */
static void
assess_causes(const hl_inputs *in, const struct metrics *m, double menses,
    hl_hw_result *res)
{
	double s, w, lower, total, known, low, high, wsure, wmaybe, lower_hi,
	    lower_lo;
	int ap, apo, st, so, evaluable, settled, n, *ev;

	/* load_spike */
	s = low = high = 0.05;
	total = known = 0;
	n = 0;
	ev = res->ev[C_LOAD_SPIKE];
	/* item 0 */
	ap = apo = 1;
	if (ap != 0 || apo != 0) {
		evaluable = settled = 0;
		w = wsure = wmaybe = 0;
		st = GE(m->load_ratio, 1.5);
		so = st;
		evaluable |= st >= 0;
		settled |= so >= 0;
		if (st == 1 && w < 0.45)
			w = 0.45;
		if (so == 1 && wsure < 0.45)
			wsure = 0.45;
		if (so != 0 && wmaybe < 0.45)
			wmaybe = 0.45;
		st = AND(GE(m->load_ratio, 1.3), LT(m->load_ratio, 1.5));
		so = st;
		evaluable |= st >= 0;
		settled |= so >= 0;
		if (st == 1 && w < 0.25)
			w = 0.25;
		if (so == 1 && wsure < 0.25)
			wsure = 0.25;
		if (so != 0 && wmaybe < 0.25)
			wmaybe = 0.25;
		if (apo < 0)
			wsure = 0;
		if (wmaybe > 0)
			high += wmaybe * (1.0 - high);
		if (wsure > 0)
			low += wsure * (1.0 - low);
		if (apo != 0) {
			total += 0.45;
			if (apo == 1 && settled)
				known += 0.45;
		}
		if (ap == 1 && w > 0) {
			s += w * (1.0 - s);
			ev[n] = HL_STATE_FIRED;
		} else if (ap != 0)
			ev[n] = ap == 1 && evaluable ?
			    HL_STATE_NOT_FIRED : HL_STATE_UNKNOWN;
		if (ap != 0) {
			res->evitem[C_LOAD_SPIKE][n] = 0;
			res->unsettled[C_LOAD_SPIKE][n++] =
			    apo != 1 || !settled;
		}
	}
	/* item 1 */
	ap = apo = 1;
	if (ap != 0 || apo != 0) {
		evaluable = settled = 0;
		w = wsure = wmaybe = 0;
		st = GT(m->wow_change_pct, 30.0);
		so = st;
		evaluable |= st >= 0;
		settled |= so >= 0;
		if (st == 1 && w < 0.35)
			w = 0.35;
		if (so == 1 && wsure < 0.35)
			wsure = 0.35;
		if (so != 0 && wmaybe < 0.35)
			wmaybe = 0.35;
		st = AND(GT(m->wow_change_pct, 10.0), LE(m->wow_change_pct,
		    30.0));
		so = st;
		evaluable |= st >= 0;
		settled |= so >= 0;
		if (st == 1 && w < 0.1)
			w = 0.1;
		if (so == 1 && wsure < 0.1)
			wsure = 0.1;
		if (so != 0 && wmaybe < 0.1)
			wmaybe = 0.1;
		if (apo < 0)
			wsure = 0;
		if (wmaybe > 0)
			high += wmaybe * (1.0 - high);
		if (wsure > 0)
			low += wsure * (1.0 - low);
		if (apo != 0) {
			total += 0.35;
			if (apo == 1 && settled)
				known += 0.35;
		}
		if (ap == 1 && w > 0) {
			s += w * (1.0 - s);
			ev[n] = HL_STATE_FIRED;
		} else if (ap != 0)
			ev[n] = ap == 1 && evaluable ?
			    HL_STATE_NOT_FIRED : HL_STATE_UNKNOWN;
		if (ap != 0) {
			res->evitem[C_LOAD_SPIKE][n] = 1;
			res->unsettled[C_LOAD_SPIKE][n++] =
			    apo != 1 || !settled;
		}
	}
	/* item 2 */
	ap = apo = 1;
	if (ap != 0 || apo != 0) {
		evaluable = settled = 0;
		w = wsure = wmaybe = 0;
		st = GT(m->session_spike_pct, 100.0);
		so = st;
		evaluable |= st >= 0;
		settled |= so >= 0;
		if (st == 1 && w < 0.45)
			w = 0.45;
		if (so == 1 && wsure < 0.45)
			wsure = 0.45;
		if (so != 0 && wmaybe < 0.45)
			wmaybe = 0.45;
		st = AND(GT(m->session_spike_pct, 10.0),
		    LE(m->session_spike_pct, 100.0));
		so = st;
		evaluable |= st >= 0;
		settled |= so >= 0;
		if (st == 1 && w < 0.3)
			w = 0.3;
		if (so == 1 && wsure < 0.3)
			wsure = 0.3;
		if (so != 0 && wmaybe < 0.3)
			wmaybe = 0.3;
		if (apo < 0)
			wsure = 0;
		if (wmaybe > 0)
			high += wmaybe * (1.0 - high);
		if (wsure > 0)
			low += wsure * (1.0 - low);
		if (apo != 0) {
			total += 0.45;
			if (apo == 1 && settled)
				known += 0.45;
		}
		if (ap == 1 && w > 0) {
			s += w * (1.0 - s);
			ev[n] = HL_STATE_FIRED;
		} else if (ap != 0)
			ev[n] = ap == 1 && evaluable ?
			    HL_STATE_NOT_FIRED : HL_STATE_UNKNOWN;
		if (ap != 0) {
			res->evitem[C_LOAD_SPIKE][n] = 2;
			res->unsettled[C_LOAD_SPIKE][n++] =
			    apo != 1 || !settled;
		}
	}
	res->nev[C_LOAD_SPIKE] = n;
	res->coverage[C_LOAD_SPIKE] =
	    total > 0 ? known / total : 0;
	lower = lower_hi = lower_lo = 0;
	if (0.6 > lower_hi) {
		st = AND(AND(LE(m->load_ratio, 1.3), OR(LE(m->wow_change_pct,
		    10.0), NOT(KNOWN_N(m->wow_change_pct)))),
		    OR(LE(m->session_spike_pct, 10.0),
		    NOT(KNOWN_N(m->session_spike_pct))));
		so = AND(AND(LE(m->load_ratio, 1.3), OR(LE(m->wow_change_pct,
		    10.0), NOT(OPEN_KNOWN_N(m->wow_change_pct)))),
		    OR(LE(m->session_spike_pct, 10.0),
		    NOT(OPEN_KNOWN_N(m->session_spike_pct))));
		if (st == 1 && 0.6 > lower)
			lower = 0.6;
		if (so == 1)
			lower_hi = 0.6;
		if (so != 0 && 0.6 > lower_lo)
			lower_lo = 0.6;
	}
	res->score[C_LOAD_SPIKE] = s * (1.0 - lower);
	res->score_low[C_LOAD_SPIKE] =
	    low * (1.0 - lower_lo);
	res->score_high[C_LOAD_SPIKE] =
	    high * (1.0 - lower_hi);

	/* insufficient_recovery */
	s = low = high = 0.05;
	total = known = 0;
	n = 0;
	ev = res->ev[C_INSUFFICIENT_RECOVERY];
	/* item 0 */
	ap = apo = 1;
	if (ap != 0 || apo != 0) {
		evaluable = settled = 0;
		w = wsure = wmaybe = 0;
		st = LT(m->sleep_7d_h, 6.0);
		so = st;
		evaluable |= st >= 0;
		settled |= so >= 0;
		if (st == 1 && w < 0.4)
			w = 0.4;
		if (so == 1 && wsure < 0.4)
			wsure = 0.4;
		if (so != 0 && wmaybe < 0.4)
			wmaybe = 0.4;
		st = AND(GE(m->sleep_7d_h, 6.0), LT(m->sleep_7d_h, 7.0));
		so = st;
		evaluable |= st >= 0;
		settled |= so >= 0;
		if (st == 1 && w < 0.25)
			w = 0.25;
		if (so == 1 && wsure < 0.25)
			wsure = 0.25;
		if (so != 0 && wmaybe < 0.25)
			wmaybe = 0.25;
		if (apo < 0)
			wsure = 0;
		if (wmaybe > 0)
			high += wmaybe * (1.0 - high);
		if (wsure > 0)
			low += wsure * (1.0 - low);
		if (apo != 0) {
			total += 0.4;
			if (apo == 1 && settled)
				known += 0.4;
		}
		if (ap == 1 && w > 0) {
			s += w * (1.0 - s);
			ev[n] = HL_STATE_FIRED;
		} else if (ap != 0)
			ev[n] = ap == 1 && evaluable ?
			    HL_STATE_NOT_FIRED : HL_STATE_UNKNOWN;
		if (ap != 0) {
			res->evitem[C_INSUFFICIENT_RECOVERY][n] = 0;
			res->unsettled[C_INSUFFICIENT_RECOVERY][n++] =
			    apo != 1 || !settled;
		}
	}
	/* item 1 */
	ap = OR(NOT(KNOWN_N(in->beta_blocker_use)),
	    NOT(T(in->beta_blocker_use)));
	apo = OR(NOT(OPEN_KNOWN_N(in->beta_blocker_use)),
	    NOT(T(in->beta_blocker_use)));
	if (ap != 0 || apo != 0) {
		evaluable = settled = 0;
		w = wsure = wmaybe = 0;
		st = GE(m->rhr_delta_bpm, 10.0);
		so = st;
		evaluable |= st >= 0;
		settled |= so >= 0;
		if (st == 1 && w < 0.4)
			w = 0.4;
		if (so == 1 && wsure < 0.4)
			wsure = 0.4;
		if (so != 0 && wmaybe < 0.4)
			wmaybe = 0.4;
		st = AND(GE(m->rhr_delta_bpm, 5.0), LT(m->rhr_delta_bpm, 10.0));
		so = st;
		evaluable |= st >= 0;
		settled |= so >= 0;
		if (st == 1 && w < 0.25)
			w = 0.25;
		if (so == 1 && wsure < 0.25)
			wsure = 0.25;
		if (so != 0 && wmaybe < 0.25)
			wmaybe = 0.25;
		if (apo < 0)
			wsure = 0;
		if (wmaybe > 0)
			high += wmaybe * (1.0 - high);
		if (wsure > 0)
			low += wsure * (1.0 - low);
		if (apo != 0) {
			total += 0.4;
			if (apo == 1 && settled)
				known += 0.4;
		}
		if (ap == 1 && w > 0) {
			s += w * (1.0 - s);
			ev[n] = HL_STATE_FIRED;
		} else if (ap != 0)
			ev[n] = ap == 1 && evaluable ?
			    HL_STATE_NOT_FIRED : HL_STATE_UNKNOWN;
		if (ap != 0) {
			res->evitem[C_INSUFFICIENT_RECOVERY][n] = 1;
			res->unsettled[C_INSUFFICIENT_RECOVERY][n++] =
			    apo != 1 || !settled;
		}
	}
	/* item 2 */
	ap = OR(NOT(KNOWN_N(in->beta_blocker_use)),
	    NOT(T(in->beta_blocker_use)));
	apo = OR(NOT(OPEN_KNOWN_N(in->beta_blocker_use)),
	    NOT(T(in->beta_blocker_use)));
	if (ap != 0 || apo != 0) {
		evaluable = settled = 0;
		w = wsure = wmaybe = 0;
		st = T(m->hrv_low);
		so = st;
		evaluable |= st >= 0;
		settled |= so >= 0;
		if (st == 1 && w < 0.3)
			w = 0.3;
		if (so == 1 && wsure < 0.3)
			wsure = 0.3;
		if (so != 0 && wmaybe < 0.3)
			wmaybe = 0.3;
		if (apo < 0)
			wsure = 0;
		if (wmaybe > 0)
			high += wmaybe * (1.0 - high);
		if (wsure > 0)
			low += wsure * (1.0 - low);
		if (apo != 0) {
			total += 0.3;
			if (apo == 1 && settled)
				known += 0.3;
		}
		if (ap == 1 && w > 0) {
			s += w * (1.0 - s);
			ev[n] = HL_STATE_FIRED;
		} else if (ap != 0)
			ev[n] = ap == 1 && evaluable ?
			    HL_STATE_NOT_FIRED : HL_STATE_UNKNOWN;
		if (ap != 0) {
			res->evitem[C_INSUFFICIENT_RECOVERY][n] = 2;
			res->unsettled[C_INSUFFICIENT_RECOVERY][n++] =
			    apo != 1 || !settled;
		}
	}
	/* item 3 */
	ap = apo = 1;
	if (ap != 0 || apo != 0) {
		evaluable = settled = 0;
		w = wsure = wmaybe = 0;
		st = GT(m->monotony, 2.0);
		so = st;
		evaluable |= st >= 0;
		settled |= so >= 0;
		if (st == 1 && w < 0.2)
			w = 0.2;
		if (so == 1 && wsure < 0.2)
			wsure = 0.2;
		if (so != 0 && wmaybe < 0.2)
			wmaybe = 0.2;
		if (apo < 0)
			wsure = 0;
		if (wmaybe > 0)
			high += wmaybe * (1.0 - high);
		if (wsure > 0)
			low += wsure * (1.0 - low);
		if (apo != 0) {
			total += 0.2;
			if (apo == 1 && settled)
				known += 0.2;
		}
		if (ap == 1 && w > 0) {
			s += w * (1.0 - s);
			ev[n] = HL_STATE_FIRED;
		} else if (ap != 0)
			ev[n] = ap == 1 && evaluable ?
			    HL_STATE_NOT_FIRED : HL_STATE_UNKNOWN;
		if (ap != 0) {
			res->evitem[C_INSUFFICIENT_RECOVERY][n] = 3;
			res->unsettled[C_INSUFFICIENT_RECOVERY][n++] =
			    apo != 1 || !settled;
		}
	}
	/* item 4 */
	ap = apo = 1;
	if (ap != 0 || apo != 0) {
		evaluable = settled = 0;
		w = wsure = wmaybe = 0;
		st = EQ(m->rest_days_7d, 0.0);
		so = st;
		evaluable |= st >= 0;
		settled |= so >= 0;
		if (st == 1 && w < 0.1)
			w = 0.1;
		if (so == 1 && wsure < 0.1)
			wsure = 0.1;
		if (so != 0 && wmaybe < 0.1)
			wmaybe = 0.1;
		if (apo < 0)
			wsure = 0;
		if (wmaybe > 0)
			high += wmaybe * (1.0 - high);
		if (wsure > 0)
			low += wsure * (1.0 - low);
		if (apo != 0) {
			total += 0.1;
			if (apo == 1 && settled)
				known += 0.1;
		}
		if (ap == 1 && w > 0) {
			s += w * (1.0 - s);
			ev[n] = HL_STATE_FIRED;
		} else if (ap != 0)
			ev[n] = ap == 1 && evaluable ?
			    HL_STATE_NOT_FIRED : HL_STATE_UNKNOWN;
		if (ap != 0) {
			res->evitem[C_INSUFFICIENT_RECOVERY][n] = 4;
			res->unsettled[C_INSUFFICIENT_RECOVERY][n++] =
			    apo != 1 || !settled;
		}
	}
	/* item 5 */
	ap = apo = 1;
	if (ap != 0 || apo != 0) {
		evaluable = settled = 0;
		w = wsure = wmaybe = 0;
		st = T(in->performance_decline);
		so = st;
		evaluable |= st >= 0;
		settled |= so >= 0;
		if (st == 1 && w < 0.25)
			w = 0.25;
		if (so == 1 && wsure < 0.25)
			wsure = 0.25;
		if (so != 0 && wmaybe < 0.25)
			wmaybe = 0.25;
		if (apo < 0)
			wsure = 0;
		if (wmaybe > 0)
			high += wmaybe * (1.0 - high);
		if (wsure > 0)
			low += wsure * (1.0 - low);
		if (apo != 0) {
			total += 0.25;
			if (apo == 1 && settled)
				known += 0.25;
		}
		if (ap == 1 && w > 0) {
			s += w * (1.0 - s);
			ev[n] = HL_STATE_FIRED;
		} else if (ap != 0)
			ev[n] = ap == 1 && evaluable ?
			    HL_STATE_NOT_FIRED : HL_STATE_UNKNOWN;
		if (ap != 0) {
			res->evitem[C_INSUFFICIENT_RECOVERY][n] = 5;
			res->unsettled[C_INSUFFICIENT_RECOVERY][n++] =
			    apo != 1 || !settled;
		}
	}
	/* item 6 */
	ap = apo = 1;
	if (ap != 0 || apo != 0) {
		evaluable = settled = 0;
		w = wsure = wmaybe = 0;
		st = T(in->mood_low);
		so = st;
		evaluable |= st >= 0;
		settled |= so >= 0;
		if (st == 1 && w < 0.2)
			w = 0.2;
		if (so == 1 && wsure < 0.2)
			wsure = 0.2;
		if (so != 0 && wmaybe < 0.2)
			wmaybe = 0.2;
		if (apo < 0)
			wsure = 0;
		if (wmaybe > 0)
			high += wmaybe * (1.0 - high);
		if (wsure > 0)
			low += wsure * (1.0 - low);
		if (apo != 0) {
			total += 0.2;
			if (apo == 1 && settled)
				known += 0.2;
		}
		if (ap == 1 && w > 0) {
			s += w * (1.0 - s);
			ev[n] = HL_STATE_FIRED;
		} else if (ap != 0)
			ev[n] = ap == 1 && evaluable ?
			    HL_STATE_NOT_FIRED : HL_STATE_UNKNOWN;
		if (ap != 0) {
			res->evitem[C_INSUFFICIENT_RECOVERY][n] = 6;
			res->unsettled[C_INSUFFICIENT_RECOVERY][n++] =
			    apo != 1 || !settled;
		}
	}
	/* item 7 */
	ap = apo = 1;
	if (ap != 0 || apo != 0) {
		evaluable = settled = 0;
		w = wsure = wmaybe = 0;
		st = T(in->high_life_stress);
		so = st;
		evaluable |= st >= 0;
		settled |= so >= 0;
		if (st == 1 && w < 0.1)
			w = 0.1;
		if (so == 1 && wsure < 0.1)
			wsure = 0.1;
		if (so != 0 && wmaybe < 0.1)
			wmaybe = 0.1;
		if (apo < 0)
			wsure = 0;
		if (wmaybe > 0)
			high += wmaybe * (1.0 - high);
		if (wsure > 0)
			low += wsure * (1.0 - low);
		if (apo != 0) {
			total += 0.1;
			if (apo == 1 && settled)
				known += 0.1;
		}
		if (ap == 1 && w > 0) {
			s += w * (1.0 - s);
			ev[n] = HL_STATE_FIRED;
		} else if (ap != 0)
			ev[n] = ap == 1 && evaluable ?
			    HL_STATE_NOT_FIRED : HL_STATE_UNKNOWN;
		if (ap != 0) {
			res->evitem[C_INSUFFICIENT_RECOVERY][n] = 7;
			res->unsettled[C_INSUFFICIENT_RECOVERY][n++] =
			    apo != 1 || !settled;
		}
	}
	/* item 8 */
	ap = apo = 1;
	if (ap != 0 || apo != 0) {
		evaluable = settled = 0;
		w = wsure = wmaybe = 0;
		st = T(in->recent_illness_14d);
		so = st;
		evaluable |= st >= 0;
		settled |= so >= 0;
		if (st == 1 && w < 0.15)
			w = 0.15;
		if (so == 1 && wsure < 0.15)
			wsure = 0.15;
		if (so != 0 && wmaybe < 0.15)
			wmaybe = 0.15;
		if (apo < 0)
			wsure = 0;
		if (wmaybe > 0)
			high += wmaybe * (1.0 - high);
		if (wsure > 0)
			low += wsure * (1.0 - low);
		if (apo != 0) {
			total += 0.15;
			if (apo == 1 && settled)
				known += 0.15;
		}
		if (ap == 1 && w > 0) {
			s += w * (1.0 - s);
			ev[n] = HL_STATE_FIRED;
		} else if (ap != 0)
			ev[n] = ap == 1 && evaluable ?
			    HL_STATE_NOT_FIRED : HL_STATE_UNKNOWN;
		if (ap != 0) {
			res->evitem[C_INSUFFICIENT_RECOVERY][n] = 8;
			res->unsettled[C_INSUFFICIENT_RECOVERY][n++] =
			    apo != 1 || !settled;
		}
	}
	res->nev[C_INSUFFICIENT_RECOVERY] = n;
	res->coverage[C_INSUFFICIENT_RECOVERY] =
	    total > 0 ? known / total : 0;
	lower = lower_hi = lower_lo = 0;
	if (0.6 > lower_hi) {
		st = AND(AND(AND(GE(m->sleep_7d_h, 7.5), GT(m->rhr_delta_bpm,
		    -3.0)), LT(m->rhr_delta_bpm, 3.0)), EQ(m->hrv_low, HL_NO));
		so = st;
		if (st == 1 && 0.6 > lower)
			lower = 0.6;
		if (so == 1)
			lower_hi = 0.6;
		if (so != 0 && 0.6 > lower_lo)
			lower_lo = 0.6;
	}
	if (0.3 > lower_hi) {
		st = OR(OR(AND(AND(AND(GE(m->sleep_7d_h, 7.5),
		    GT(m->rhr_delta_bpm, -3.0)), LT(m->rhr_delta_bpm, 3.0)),
		    NOT(KNOWN_N(m->hrv_low))), AND(AND(GE(m->sleep_7d_h, 7.5),
		    NOT(KNOWN_N(m->rhr_delta_bpm))), EQ(m->hrv_low, HL_NO))),
		    AND(AND(AND(NOT(KNOWN_N(m->sleep_7d_h)),
		    GT(m->rhr_delta_bpm, -3.0)), LT(m->rhr_delta_bpm, 3.0)),
		    EQ(m->hrv_low, HL_NO)));
		so = OR(OR(AND(AND(AND(GE(m->sleep_7d_h, 7.5),
		    GT(m->rhr_delta_bpm, -3.0)), LT(m->rhr_delta_bpm, 3.0)),
		    NOT(OPEN_KNOWN_N(m->hrv_low))), AND(AND(GE(m->sleep_7d_h,
		    7.5), NOT(OPEN_KNOWN_N(m->rhr_delta_bpm))), EQ(m->hrv_low,
		    HL_NO))), AND(AND(AND(NOT(OPEN_KNOWN_N(m->sleep_7d_h)),
		    GT(m->rhr_delta_bpm, -3.0)), LT(m->rhr_delta_bpm, 3.0)),
		    EQ(m->hrv_low, HL_NO)));
		if (st == 1 && 0.3 > lower)
			lower = 0.3;
		if (so == 1)
			lower_hi = 0.3;
		if (so != 0 && 0.3 > lower_lo)
			lower_lo = 0.3;
	}
	res->score[C_INSUFFICIENT_RECOVERY] = s * (1.0 - lower);
	res->score_low[C_INSUFFICIENT_RECOVERY] =
	    low * (1.0 - lower_lo);
	res->score_high[C_INSUFFICIENT_RECOVERY] =
	    high * (1.0 - lower_hi);

	/* dehydration */
	s = low = high = 0.05;
	total = known = 0;
	n = 0;
	ev = res->ev[C_DEHYDRATION];
	/* item 0 */
	ap = apo = 1;
	if (ap != 0 || apo != 0) {
		evaluable = settled = 0;
		w = wsure = wmaybe = 0;
		st = LE(m->body_mass_change_pct, -2.0);
		so = st;
		evaluable |= st >= 0;
		settled |= so >= 0;
		if (st == 1 && w < 0.45)
			w = 0.45;
		if (so == 1 && wsure < 0.45)
			wsure = 0.45;
		if (so != 0 && wmaybe < 0.45)
			wmaybe = 0.45;
		st = AND(GT(m->body_mass_change_pct, -2.0),
		    LE(m->body_mass_change_pct, -1.0));
		so = st;
		evaluable |= st >= 0;
		settled |= so >= 0;
		if (st == 1 && w < 0.15)
			w = 0.15;
		if (so == 1 && wsure < 0.15)
			wsure = 0.15;
		if (so != 0 && wmaybe < 0.15)
			wmaybe = 0.15;
		if (apo < 0)
			wsure = 0;
		if (wmaybe > 0)
			high += wmaybe * (1.0 - high);
		if (wsure > 0)
			low += wsure * (1.0 - low);
		if (apo != 0) {
			total += 0.45;
			if (apo == 1 && settled)
				known += 0.45;
		}
		if (ap == 1 && w > 0) {
			s += w * (1.0 - s);
			ev[n] = HL_STATE_FIRED;
		} else if (ap != 0)
			ev[n] = ap == 1 && evaluable ?
			    HL_STATE_NOT_FIRED : HL_STATE_UNKNOWN;
		if (ap != 0) {
			res->evitem[C_DEHYDRATION][n] = 0;
			res->unsettled[C_DEHYDRATION][n++] =
			    apo != 1 || !settled;
		}
	}
	/* item 1 */
	ap = apo = 1;
	if (ap != 0 || apo != 0) {
		evaluable = settled = 0;
		w = wsure = wmaybe = 0;
		st = GE(m->wut_count, 3.0);
		so = st;
		evaluable |= st >= 0;
		settled |= so >= 0;
		if (st == 1 && w < 0.45)
			w = 0.45;
		if (so == 1 && wsure < 0.45)
			wsure = 0.45;
		if (so != 0 && wmaybe < 0.45)
			wmaybe = 0.45;
		st = EQ(m->wut_count, 2.0);
		so = st;
		evaluable |= st >= 0;
		settled |= so >= 0;
		if (st == 1 && w < 0.3)
			w = 0.3;
		if (so == 1 && wsure < 0.3)
			wsure = 0.3;
		if (so != 0 && wmaybe < 0.3)
			wmaybe = 0.3;
		st = EQ(m->wut_count, 1.0);
		so = st;
		evaluable |= st >= 0;
		settled |= so >= 0;
		if (st == 1 && w < 0.1)
			w = 0.1;
		if (so == 1 && wsure < 0.1)
			wsure = 0.1;
		if (so != 0 && wmaybe < 0.1)
			wmaybe = 0.1;
		if (apo < 0)
			wsure = 0;
		if (wmaybe > 0)
			high += wmaybe * (1.0 - high);
		if (wsure > 0)
			low += wsure * (1.0 - low);
		if (apo != 0) {
			total += 0.45;
			if (apo == 1 && settled)
				known += 0.45;
		}
		if (ap == 1 && w > 0) {
			s += w * (1.0 - s);
			ev[n] = HL_STATE_FIRED;
		} else if (ap != 0)
			ev[n] = ap == 1 && evaluable ?
			    HL_STATE_NOT_FIRED : HL_STATE_UNKNOWN;
		if (ap != 0) {
			res->evitem[C_DEHYDRATION][n] = 1;
			res->unsettled[C_DEHYDRATION][n++] =
			    apo != 1 || !settled;
		}
	}
	/* item 2 */
	ap = apo = 1;
	if (ap != 0 || apo != 0) {
		evaluable = settled = 0;
		w = wsure = wmaybe = 0;
		st = AND(AND(GE(in->last_run_duration_min, 60.0),
		    GE(m->heat_index_f, 90.0)), EQ(in->fluid_during_run_l,
		    0.0));
		so = st;
		evaluable |= st >= 0;
		settled |= so >= 0;
		if (st == 1 && w < 0.2)
			w = 0.2;
		if (so == 1 && wsure < 0.2)
			wsure = 0.2;
		if (so != 0 && wmaybe < 0.2)
			wmaybe = 0.2;
		if (apo < 0)
			wsure = 0;
		if (wmaybe > 0)
			high += wmaybe * (1.0 - high);
		if (wsure > 0)
			low += wsure * (1.0 - low);
		if (apo != 0) {
			total += 0.2;
			if (apo == 1 && settled)
				known += 0.2;
		}
		if (ap == 1 && w > 0) {
			s += w * (1.0 - s);
			ev[n] = HL_STATE_FIRED;
		} else if (ap != 0)
			ev[n] = ap == 1 && evaluable ?
			    HL_STATE_NOT_FIRED : HL_STATE_UNKNOWN;
		if (ap != 0) {
			res->evitem[C_DEHYDRATION][n] = 2;
			res->unsettled[C_DEHYDRATION][n++] =
			    apo != 1 || !settled;
		}
	}
	res->nev[C_DEHYDRATION] = n;
	res->coverage[C_DEHYDRATION] =
	    total > 0 ? known / total : 0;
	lower = lower_hi = lower_lo = 0;
	if (0.8 > lower_hi) {
		st = GE(m->body_mass_change_pct, 0.0);
		so = st;
		if (st == 1 && 0.8 > lower)
			lower = 0.8;
		if (so == 1)
			lower_hi = 0.8;
		if (so != 0 && 0.8 > lower_lo)
			lower_lo = 0.8;
	}
	if (0.7 > lower_hi) {
		st = AND(AND(GT(m->body_mass_change_pct, -1.0),
		    LE(in->urine_color, 3.0)), EQ(in->thirsty, HL_NO));
		so = st;
		if (st == 1 && 0.7 > lower)
			lower = 0.7;
		if (so == 1)
			lower_hi = 0.7;
		if (so != 0 && 0.7 > lower_lo)
			lower_lo = 0.7;
	}
	if (0.4 > lower_hi) {
		st = AND(LE(in->urine_color, 3.0), EQ(in->thirsty, HL_NO));
		so = st;
		if (st == 1 && 0.4 > lower)
			lower = 0.4;
		if (so == 1)
			lower_hi = 0.4;
		if (so != 0 && 0.4 > lower_lo)
			lower_lo = 0.4;
	}
	res->score[C_DEHYDRATION] = s * (1.0 - lower);
	res->score_low[C_DEHYDRATION] =
	    low * (1.0 - lower_lo);
	res->score_high[C_DEHYDRATION] =
	    high * (1.0 - lower_hi);

	/* electrolyte_imbalance */
	s = low = high = 0.03;
	total = known = 0;
	n = 0;
	ev = res->ev[C_ELECTROLYTE_IMBALANCE];
	/* item 0 */
	ap = apo = 1;
	if (ap != 0 || apo != 0) {
		evaluable = settled = 0;
		w = wsure = wmaybe = 0;
		st = OR(T(m->mass_gained), AND(GE(m->body_mass_change_pct, 0.0),
		    GE(in->last_run_duration_min, 120.0)));
		so = st;
		evaluable |= st >= 0;
		settled |= so >= 0;
		if (st == 1 && w < 0.35)
			w = 0.35;
		if (so == 1 && wsure < 0.35)
			wsure = 0.35;
		if (so != 0 && wmaybe < 0.35)
			wmaybe = 0.35;
		if (apo < 0)
			wsure = 0;
		if (wmaybe > 0)
			high += wmaybe * (1.0 - high);
		if (wsure > 0)
			low += wsure * (1.0 - low);
		if (apo != 0) {
			total += 0.35;
			if (apo == 1 && settled)
				known += 0.35;
		}
		if (ap == 1 && w > 0) {
			s += w * (1.0 - s);
			ev[n] = HL_STATE_FIRED;
		} else if (ap != 0)
			ev[n] = ap == 1 && evaluable ?
			    HL_STATE_NOT_FIRED : HL_STATE_UNKNOWN;
		if (ap != 0) {
			res->evitem[C_ELECTROLYTE_IMBALANCE][n] = 0;
			res->unsettled[C_ELECTROLYTE_IMBALANCE][n++] =
			    apo != 1 || !settled;
		}
	}
	/* item 1 */
	ap = apo = 1;
	if (ap != 0 || apo != 0) {
		evaluable = settled = 0;
		w = wsure = wmaybe = 0;
		st = AND(AND(GE(m->sweat_rate_l_h, 1.2),
		    GE(in->last_run_duration_min, 60.0)),
		    EQ(in->electrolytes_on_long_runs, HL_NO));
		so = st;
		evaluable |= st >= 0;
		settled |= so >= 0;
		if (st == 1 && w < 0.25)
			w = 0.25;
		if (so == 1 && wsure < 0.25)
			wsure = 0.25;
		if (so != 0 && wmaybe < 0.25)
			wmaybe = 0.25;
		if (apo < 0)
			wsure = 0;
		if (wmaybe > 0)
			high += wmaybe * (1.0 - high);
		if (wsure > 0)
			low += wsure * (1.0 - low);
		if (apo != 0) {
			total += 0.25;
			if (apo == 1 && settled)
				known += 0.25;
		}
		if (ap == 1 && w > 0) {
			s += w * (1.0 - s);
			ev[n] = HL_STATE_FIRED;
		} else if (ap != 0)
			ev[n] = ap == 1 && evaluable ?
			    HL_STATE_NOT_FIRED : HL_STATE_UNKNOWN;
		if (ap != 0) {
			res->evitem[C_ELECTROLYTE_IMBALANCE][n] = 1;
			res->unsettled[C_ELECTROLYTE_IMBALANCE][n++] =
			    apo != 1 || !settled;
		}
	}
	/* item 2 */
	ap = apo = 1;
	if (ap != 0 || apo != 0) {
		evaluable = settled = 0;
		w = wsure = wmaybe = 0;
		st = T(in->muscle_cramps);
		so = st;
		evaluable |= st >= 0;
		settled |= so >= 0;
		if (st == 1 && w < 0.2)
			w = 0.2;
		if (so == 1 && wsure < 0.2)
			wsure = 0.2;
		if (so != 0 && wmaybe < 0.2)
			wmaybe = 0.2;
		if (apo < 0)
			wsure = 0;
		if (wmaybe > 0)
			high += wmaybe * (1.0 - high);
		if (wsure > 0)
			low += wsure * (1.0 - low);
		if (apo != 0) {
			total += 0.2;
			if (apo == 1 && settled)
				known += 0.2;
		}
		if (ap == 1 && w > 0) {
			s += w * (1.0 - s);
			ev[n] = HL_STATE_FIRED;
		} else if (ap != 0)
			ev[n] = ap == 1 && evaluable ?
			    HL_STATE_NOT_FIRED : HL_STATE_UNKNOWN;
		if (ap != 0) {
			res->evitem[C_ELECTROLYTE_IMBALANCE][n] = 2;
			res->unsettled[C_ELECTROLYTE_IMBALANCE][n++] =
			    apo != 1 || !settled;
		}
	}
	/* item 3 */
	ap = apo = 1;
	if (ap != 0 || apo != 0) {
		evaluable = settled = 0;
		w = wsure = wmaybe = 0;
		st = GE(in->last_run_duration_min, 240.0);
		so = st;
		evaluable |= st >= 0;
		settled |= so >= 0;
		if (st == 1 && w < 0.1)
			w = 0.1;
		if (so == 1 && wsure < 0.1)
			wsure = 0.1;
		if (so != 0 && wmaybe < 0.1)
			wmaybe = 0.1;
		if (apo < 0)
			wsure = 0;
		if (wmaybe > 0)
			high += wmaybe * (1.0 - high);
		if (wsure > 0)
			low += wsure * (1.0 - low);
		if (apo != 0) {
			total += 0.1;
			if (apo == 1 && settled)
				known += 0.1;
		}
		if (ap == 1 && w > 0) {
			s += w * (1.0 - s);
			ev[n] = HL_STATE_FIRED;
		} else if (ap != 0)
			ev[n] = ap == 1 && evaluable ?
			    HL_STATE_NOT_FIRED : HL_STATE_UNKNOWN;
		if (ap != 0) {
			res->evitem[C_ELECTROLYTE_IMBALANCE][n] = 3;
			res->unsettled[C_ELECTROLYTE_IMBALANCE][n++] =
			    apo != 1 || !settled;
		}
	}
	/* item 4 */
	ap = apo = 1;
	if (ap != 0 || apo != 0) {
		evaluable = settled = 0;
		w = wsure = wmaybe = 0;
		st = T(in->diuretic_use);
		so = st;
		evaluable |= st >= 0;
		settled |= so >= 0;
		if (st == 1 && w < 0.2)
			w = 0.2;
		if (so == 1 && wsure < 0.2)
			wsure = 0.2;
		if (so != 0 && wmaybe < 0.2)
			wmaybe = 0.2;
		if (apo < 0)
			wsure = 0;
		if (wmaybe > 0)
			high += wmaybe * (1.0 - high);
		if (wsure > 0)
			low += wsure * (1.0 - low);
		if (apo != 0) {
			total += 0.2;
			if (apo == 1 && settled)
				known += 0.2;
		}
		if (ap == 1 && w > 0) {
			s += w * (1.0 - s);
			ev[n] = HL_STATE_FIRED;
		} else if (ap != 0)
			ev[n] = ap == 1 && evaluable ?
			    HL_STATE_NOT_FIRED : HL_STATE_UNKNOWN;
		if (ap != 0) {
			res->evitem[C_ELECTROLYTE_IMBALANCE][n] = 4;
			res->unsettled[C_ELECTROLYTE_IMBALANCE][n++] =
			    apo != 1 || !settled;
		}
	}
	res->nev[C_ELECTROLYTE_IMBALANCE] = n;
	res->coverage[C_ELECTROLYTE_IMBALANCE] =
	    total > 0 ? known / total : 0;
	lower = lower_hi = lower_lo = 0;
	if (0.4 > lower_hi) {
		st = AND(EQ(in->electrolytes_on_long_runs, HL_YES),
		    EQ(m->mass_gained, HL_NO));
		so = st;
		if (st == 1 && 0.4 > lower)
			lower = 0.4;
		if (so == 1)
			lower_hi = 0.4;
		if (so != 0 && 0.4 > lower_lo)
			lower_lo = 0.4;
	}
	res->score[C_ELECTROLYTE_IMBALANCE] = s * (1.0 - lower);
	res->score_low[C_ELECTROLYTE_IMBALANCE] =
	    low * (1.0 - lower_lo);
	res->score_high[C_ELECTROLYTE_IMBALANCE] =
	    high * (1.0 - lower_hi);

	/* iron_deficiency */
	s = low = high = 0.05;
	total = known = 0;
	n = 0;
	ev = res->ev[C_IRON_DEFICIENCY];
	/* item 0 */
	ap = apo = 1;
	if (ap != 0 || apo != 0) {
		evaluable = settled = 0;
		w = wsure = wmaybe = 0;
		st = LT(in->ferritin_ug_l, 15.0);
		so = st;
		evaluable |= st >= 0;
		settled |= so >= 0;
		if (st == 1 && w < 0.6)
			w = 0.6;
		if (so == 1 && wsure < 0.6)
			wsure = 0.6;
		if (so != 0 && wmaybe < 0.6)
			wmaybe = 0.6;
		st = AND(GE(in->ferritin_ug_l, 15.0), LT(in->ferritin_ug_l,
		    30.0));
		so = st;
		evaluable |= st >= 0;
		settled |= so >= 0;
		if (st == 1 && w < 0.45)
			w = 0.45;
		if (so == 1 && wsure < 0.45)
			wsure = 0.45;
		if (so != 0 && wmaybe < 0.45)
			wmaybe = 0.45;
		st = AND(GE(in->ferritin_ug_l, 30.0), LT(in->ferritin_ug_l,
		    35.0));
		so = st;
		evaluable |= st >= 0;
		settled |= so >= 0;
		if (st == 1 && w < 0.25)
			w = 0.25;
		if (so == 1 && wsure < 0.25)
			wsure = 0.25;
		if (so != 0 && wmaybe < 0.25)
			wmaybe = 0.25;
		if (apo < 0)
			wsure = 0;
		if (wmaybe > 0)
			high += wmaybe * (1.0 - high);
		if (wsure > 0)
			low += wsure * (1.0 - low);
		if (apo != 0) {
			total += 0.6;
			if (apo == 1 && settled)
				known += 0.6;
		}
		if (ap == 1 && w > 0) {
			s += w * (1.0 - s);
			ev[n] = HL_STATE_FIRED;
		} else if (ap != 0)
			ev[n] = ap == 1 && evaluable ?
			    HL_STATE_NOT_FIRED : HL_STATE_UNKNOWN;
		if (ap != 0) {
			res->evitem[C_IRON_DEFICIENCY][n] = 0;
			res->unsettled[C_IRON_DEFICIENCY][n++] =
			    apo != 1 || !settled;
		}
	}
	/* item 1 */
	ap = apo = 1;
	if (ap != 0 || apo != 0) {
		evaluable = settled = 0;
		w = wsure = wmaybe = 0;
		st = AND(LT(in->ferritin_ug_l, 20.0),
		    LT(in->transferrin_saturation_pct, 16.0));
		so = st;
		evaluable |= st >= 0;
		settled |= so >= 0;
		if (st == 1 && w < 0.55)
			w = 0.55;
		if (so == 1 && wsure < 0.55)
			wsure = 0.55;
		if (so != 0 && wmaybe < 0.55)
			wmaybe = 0.55;
		if (apo < 0)
			wsure = 0;
		if (wmaybe > 0)
			high += wmaybe * (1.0 - high);
		if (wsure > 0)
			low += wsure * (1.0 - low);
		if (apo != 0) {
			total += 0.55;
			if (apo == 1 && settled)
				known += 0.55;
		}
		if (ap == 1 && w > 0) {
			s += w * (1.0 - s);
			ev[n] = HL_STATE_FIRED;
		} else if (ap != 0)
			ev[n] = ap == 1 && evaluable ?
			    HL_STATE_NOT_FIRED : HL_STATE_UNKNOWN;
		if (ap != 0) {
			res->evitem[C_IRON_DEFICIENCY][n] = 1;
			res->unsettled[C_IRON_DEFICIENCY][n++] =
			    apo != 1 || !settled;
		}
	}
	/* item 2 */
	ap = OR(NOT(KNOWN_N(in->ferritin_ug_l)), LT(in->ferritin_ug_l, 100.0));
	apo = OR(NOT(OPEN_KNOWN_N(in->ferritin_ug_l)), LT(in->ferritin_ug_l,
	    100.0));
	if (ap != 0 || apo != 0) {
		evaluable = settled = 0;
		w = wsure = wmaybe = 0;
		st = T(m->anaemia);
		so = st;
		evaluable |= st >= 0;
		settled |= so >= 0;
		if (st == 1 && w < 0.4)
			w = 0.4;
		if (so == 1 && wsure < 0.4)
			wsure = 0.4;
		if (so != 0 && wmaybe < 0.4)
			wmaybe = 0.4;
		if (apo < 0)
			wsure = 0;
		if (wmaybe > 0)
			high += wmaybe * (1.0 - high);
		if (wsure > 0)
			low += wsure * (1.0 - low);
		if (apo != 0) {
			total += 0.4;
			if (apo == 1 && settled)
				known += 0.4;
		}
		if (ap == 1 && w > 0) {
			s += w * (1.0 - s);
			ev[n] = HL_STATE_FIRED;
		} else if (ap != 0)
			ev[n] = ap == 1 && evaluable ?
			    HL_STATE_NOT_FIRED : HL_STATE_UNKNOWN;
		if (ap != 0) {
			res->evitem[C_IRON_DEFICIENCY][n] = 2;
			res->unsettled[C_IRON_DEFICIENCY][n++] =
			    apo != 1 || !settled;
		}
	}
	/* item 3 */
	ap = NOT(KNOWN_N(in->ferritin_ug_l));
	apo = NOT(OPEN_KNOWN_N(in->ferritin_ug_l));
	if (ap != 0 || apo != 0) {
		evaluable = settled = 0;
		w = wsure = wmaybe = 0;
		st = AND(AND(EQ(in->sex, HL_SEX_FEMALE), GE(in->age_years,
		    15.0)), LE(in->age_years, 50.0));
		so = st;
		evaluable |= st >= 0;
		settled |= so >= 0;
		if (st == 1 && w < 0.1)
			w = 0.1;
		if (so == 1 && wsure < 0.1)
			wsure = 0.1;
		if (so != 0 && wmaybe < 0.1)
			wmaybe = 0.1;
		if (apo < 0)
			wsure = 0;
		if (wmaybe > 0)
			high += wmaybe * (1.0 - high);
		if (wsure > 0)
			low += wsure * (1.0 - low);
		if (apo != 0) {
			total += 0.1;
			if (apo == 1 && settled)
				known += 0.1;
		}
		if (ap == 1 && w > 0) {
			s += w * (1.0 - s);
			ev[n] = HL_STATE_FIRED;
		} else if (ap != 0)
			ev[n] = ap == 1 && evaluable ?
			    HL_STATE_NOT_FIRED : HL_STATE_UNKNOWN;
		if (ap != 0) {
			res->evitem[C_IRON_DEFICIENCY][n] = 3;
			res->unsettled[C_IRON_DEFICIENCY][n++] =
			    apo != 1 || !settled;
		}
	}
	/* item 4 */
	ap = NOT(KNOWN_N(in->ferritin_ug_l));
	apo = NOT(OPEN_KNOWN_N(in->ferritin_ug_l));
	if (ap != 0 || apo != 0) {
		evaluable = settled = 0;
		w = wsure = wmaybe = 0;
		st = T(in->heavy_menstrual_bleeding);
		so = st;
		evaluable |= st >= 0;
		settled |= so >= 0;
		if (st == 1 && w < 0.2)
			w = 0.2;
		if (so == 1 && wsure < 0.2)
			wsure = 0.2;
		if (so != 0 && wmaybe < 0.2)
			wmaybe = 0.2;
		if (apo < 0)
			wsure = 0;
		if (wmaybe > 0)
			high += wmaybe * (1.0 - high);
		if (wsure > 0)
			low += wsure * (1.0 - low);
		if (apo != 0) {
			total += 0.2;
			if (apo == 1 && settled)
				known += 0.2;
		}
		if (ap == 1 && w > 0) {
			s += w * (1.0 - s);
			ev[n] = HL_STATE_FIRED;
		} else if (ap != 0)
			ev[n] = ap == 1 && evaluable ?
			    HL_STATE_NOT_FIRED : HL_STATE_UNKNOWN;
		if (ap != 0) {
			res->evitem[C_IRON_DEFICIENCY][n] = 4;
			res->unsettled[C_IRON_DEFICIENCY][n++] =
			    apo != 1 || !settled;
		}
	}
	/* item 5 */
	ap = NOT(KNOWN_N(in->ferritin_ug_l));
	apo = NOT(OPEN_KNOWN_N(in->ferritin_ug_l));
	if (ap != 0 || apo != 0) {
		evaluable = settled = 0;
		w = wsure = wmaybe = 0;
		st = OR(EQ(in->diet_pattern, HL_DIET_VEGETARIAN),
		    EQ(in->diet_pattern, HL_DIET_VEGAN));
		so = st;
		evaluable |= st >= 0;
		settled |= so >= 0;
		if (st == 1 && w < 0.15)
			w = 0.15;
		if (so == 1 && wsure < 0.15)
			wsure = 0.15;
		if (so != 0 && wmaybe < 0.15)
			wmaybe = 0.15;
		if (apo < 0)
			wsure = 0;
		if (wmaybe > 0)
			high += wmaybe * (1.0 - high);
		if (wsure > 0)
			low += wsure * (1.0 - low);
		if (apo != 0) {
			total += 0.15;
			if (apo == 1 && settled)
				known += 0.15;
		}
		if (ap == 1 && w > 0) {
			s += w * (1.0 - s);
			ev[n] = HL_STATE_FIRED;
		} else if (ap != 0)
			ev[n] = ap == 1 && evaluable ?
			    HL_STATE_NOT_FIRED : HL_STATE_UNKNOWN;
		if (ap != 0) {
			res->evitem[C_IRON_DEFICIENCY][n] = 5;
			res->unsettled[C_IRON_DEFICIENCY][n++] =
			    apo != 1 || !settled;
		}
	}
	res->nev[C_IRON_DEFICIENCY] = n;
	res->coverage[C_IRON_DEFICIENCY] =
	    total > 0 ? known / total : 0;
	lower = lower_hi = lower_lo = 0;
	if (0.9 > lower_hi) {
		st = AND(AND(GE(in->ferritin_ug_l, 100.0),
		    OR(GE(in->transferrin_saturation_pct, 20.0),
		    NOT(KNOWN_N(in->transferrin_saturation_pct)))),
		    EQ(in->recent_illness_14d, HL_NO));
		so = AND(AND(GE(in->ferritin_ug_l, 100.0),
		    OR(GE(in->transferrin_saturation_pct, 20.0),
		    NOT(OPEN_KNOWN_N(in->transferrin_saturation_pct)))),
		    EQ(in->recent_illness_14d, HL_NO));
		if (st == 1 && 0.9 > lower)
			lower = 0.9;
		if (so == 1)
			lower_hi = 0.9;
		if (so != 0 && 0.9 > lower_lo)
			lower_lo = 0.9;
	}
	if (0.5 > lower_hi) {
		st = AND(AND(AND(GE(in->ferritin_ug_l, 35.0),
		    LT(in->ferritin_ug_l, 50.0)), EQ(m->anaemia, HL_NO)),
		    EQ(in->recent_illness_14d, HL_NO));
		so = st;
		if (st == 1 && 0.5 > lower)
			lower = 0.5;
		if (so == 1)
			lower_hi = 0.5;
		if (so != 0 && 0.5 > lower_lo)
			lower_lo = 0.5;
	}
	res->score[C_IRON_DEFICIENCY] = s * (1.0 - lower);
	res->score_low[C_IRON_DEFICIENCY] =
	    low * (1.0 - lower_lo);
	res->score_high[C_IRON_DEFICIENCY] =
	    high * (1.0 - lower_hi);

	/* low_carbohydrate_availability */
	s = low = high = 0.05;
	total = known = 0;
	n = 0;
	ev = res->ev[C_LOW_CARBOHYDRATE_AVAILABILITY];
	/* item 0 */
	ap = apo = 1;
	if (ap != 0 || apo != 0) {
		evaluable = settled = 0;
		w = wsure = wmaybe = 0;
		st = LT(m->carb_g_kg, FIN(m->carb_band_lo - 2.0));
		so = st;
		evaluable |= st >= 0;
		settled |= so >= 0;
		if (st == 1 && w < 0.5)
			w = 0.5;
		if (so == 1 && wsure < 0.5)
			wsure = 0.5;
		if (so != 0 && wmaybe < 0.5)
			wmaybe = 0.5;
		st = LT(m->carb_g_kg, m->carb_band_lo);
		so = st;
		evaluable |= st >= 0;
		settled |= so >= 0;
		if (st == 1 && w < 0.35)
			w = 0.35;
		if (so == 1 && wsure < 0.35)
			wsure = 0.35;
		if (so != 0 && wmaybe < 0.35)
			wmaybe = 0.35;
		if (apo < 0)
			wsure = 0;
		if (wmaybe > 0)
			high += wmaybe * (1.0 - high);
		if (wsure > 0)
			low += wsure * (1.0 - low);
		if (apo != 0) {
			total += 0.5;
			if (apo == 1 && settled)
				known += 0.5;
		}
		if (ap == 1 && w > 0) {
			s += w * (1.0 - s);
			ev[n] = HL_STATE_FIRED;
		} else if (ap != 0)
			ev[n] = ap == 1 && evaluable ?
			    HL_STATE_NOT_FIRED : HL_STATE_UNKNOWN;
		if (ap != 0) {
			res->evitem[C_LOW_CARBOHYDRATE_AVAILABILITY][n] = 0;
			res->unsettled[C_LOW_CARBOHYDRATE_AVAILABILITY][n++] =
			    apo != 1 || !settled;
		}
	}
	/* item 1 */
	ap = apo = 1;
	if (ap != 0 || apo != 0) {
		evaluable = settled = 0;
		w = wsure = wmaybe = 0;
		st = AND(EQ(in->carbs_during_long_runs, HL_NO),
		    GE(in->last_run_duration_min, 75.0));
		so = st;
		evaluable |= st >= 0;
		settled |= so >= 0;
		if (st == 1 && w < 0.2)
			w = 0.2;
		if (so == 1 && wsure < 0.2)
			wsure = 0.2;
		if (so != 0 && wmaybe < 0.2)
			wmaybe = 0.2;
		if (apo < 0)
			wsure = 0;
		if (wmaybe > 0)
			high += wmaybe * (1.0 - high);
		if (wsure > 0)
			low += wsure * (1.0 - low);
		if (apo != 0) {
			total += 0.2;
			if (apo == 1 && settled)
				known += 0.2;
		}
		if (ap == 1 && w > 0) {
			s += w * (1.0 - s);
			ev[n] = HL_STATE_FIRED;
		} else if (ap != 0)
			ev[n] = ap == 1 && evaluable ?
			    HL_STATE_NOT_FIRED : HL_STATE_UNKNOWN;
		if (ap != 0) {
			res->evitem[C_LOW_CARBOHYDRATE_AVAILABILITY][n] = 1;
			res->unsettled[C_LOW_CARBOHYDRATE_AVAILABILITY][n++] =
			    apo != 1 || !settled;
		}
	}
	/* item 2 */
	ap = apo = 1;
	if (ap != 0 || apo != 0) {
		evaluable = settled = 0;
		w = wsure = wmaybe = 0;
		st = T(in->restricting_food_intake);
		so = st;
		evaluable |= st >= 0;
		settled |= so >= 0;
		if (st == 1 && w < 0.15)
			w = 0.15;
		if (so == 1 && wsure < 0.15)
			wsure = 0.15;
		if (so != 0 && wmaybe < 0.15)
			wmaybe = 0.15;
		if (apo < 0)
			wsure = 0;
		if (wmaybe > 0)
			high += wmaybe * (1.0 - high);
		if (wsure > 0)
			low += wsure * (1.0 - low);
		if (apo != 0) {
			total += 0.15;
			if (apo == 1 && settled)
				known += 0.15;
		}
		if (ap == 1 && w > 0) {
			s += w * (1.0 - s);
			ev[n] = HL_STATE_FIRED;
		} else if (ap != 0)
			ev[n] = ap == 1 && evaluable ?
			    HL_STATE_NOT_FIRED : HL_STATE_UNKNOWN;
		if (ap != 0) {
			res->evitem[C_LOW_CARBOHYDRATE_AVAILABILITY][n] = 2;
			res->unsettled[C_LOW_CARBOHYDRATE_AVAILABILITY][n++] =
			    apo != 1 || !settled;
		}
	}
	res->nev[C_LOW_CARBOHYDRATE_AVAILABILITY] = n;
	res->coverage[C_LOW_CARBOHYDRATE_AVAILABILITY] =
	    total > 0 ? known / total : 0;
	lower = lower_hi = lower_lo = 0;
	if (0.6 > lower_hi) {
		st = GE(m->carb_g_kg, m->carb_band_lo);
		so = st;
		if (st == 1 && 0.6 > lower)
			lower = 0.6;
		if (so == 1)
			lower_hi = 0.6;
		if (so != 0 && 0.6 > lower_lo)
			lower_lo = 0.6;
	}
	res->score[C_LOW_CARBOHYDRATE_AVAILABILITY] = s * (1.0 - lower);
	res->score_low[C_LOW_CARBOHYDRATE_AVAILABILITY] =
	    low * (1.0 - lower_lo);
	res->score_high[C_LOW_CARBOHYDRATE_AVAILABILITY] =
	    high * (1.0 - lower_hi);

	/* low_energy_availability */
	s = low = high = 0.03;
	total = known = 0;
	n = 0;
	ev = res->ev[C_LOW_ENERGY_AVAILABILITY];
	/* item 0 */
	ap = AND(AND(AND(AND(EQ(in->sex, HL_SEX_FEMALE),
	    OR(NOT(KNOWN_N(in->age_years)), LT(in->age_years, 45.0))),
	    OR(NOT(KNOWN_N(in->hormonal_contraception)),
	    NOT(T(in->hormonal_contraception)))),
	    OR(NOT(KNOWN_N(in->pregnant_or_postpartum)),
	    NOT(T(in->pregnant_or_postpartum)))), OR(NOT(KNOWN_N(menses)),
	    NE(menses, HL_MENSES_NOT_APPLICABLE)));
	apo = AND(AND(AND(AND(EQ(in->sex, HL_SEX_FEMALE),
	    OR(NOT(OPEN_KNOWN_N(in->age_years)), LT(in->age_years, 45.0))),
	    OR(NOT(OPEN_KNOWN_N(in->hormonal_contraception)),
	    NOT(T(in->hormonal_contraception)))),
	    OR(NOT(OPEN_KNOWN_N(in->pregnant_or_postpartum)),
	    NOT(T(in->pregnant_or_postpartum)))), OR(NOT(OPEN_KNOWN_N(menses)),
	    NE(menses, HL_MENSES_NOT_APPLICABLE)));
	if (ap != 0 || apo != 0) {
		evaluable = settled = 0;
		w = wsure = wmaybe = 0;
		st = EQ(menses, HL_MENSES_ABSENT_3MO_PLUS);
		so = st;
		evaluable |= st >= 0;
		settled |= so >= 0;
		if (st == 1 && w < 0.5)
			w = 0.5;
		if (so == 1 && wsure < 0.5)
			wsure = 0.5;
		if (so != 0 && wmaybe < 0.5)
			wmaybe = 0.5;
		st = EQ(menses, HL_MENSES_IRREGULAR);
		so = st;
		evaluable |= st >= 0;
		settled |= so >= 0;
		if (st == 1 && w < 0.25)
			w = 0.25;
		if (so == 1 && wsure < 0.25)
			wsure = 0.25;
		if (so != 0 && wmaybe < 0.25)
			wmaybe = 0.25;
		if (apo < 0)
			wsure = 0;
		if (wmaybe > 0)
			high += wmaybe * (1.0 - high);
		if (wsure > 0)
			low += wsure * (1.0 - low);
		if (apo != 0) {
			total += 0.5;
			if (apo == 1 && settled)
				known += 0.5;
		}
		if (ap == 1 && w > 0) {
			s += w * (1.0 - s);
			ev[n] = HL_STATE_FIRED;
		} else if (ap != 0)
			ev[n] = ap == 1 && evaluable ?
			    HL_STATE_NOT_FIRED : HL_STATE_UNKNOWN;
		if (ap != 0) {
			res->evitem[C_LOW_ENERGY_AVAILABILITY][n] = 0;
			res->unsettled[C_LOW_ENERGY_AVAILABILITY][n++] =
			    apo != 1 || !settled;
		}
	}
	/* item 1 */
	ap = apo = 1;
	if (ap != 0 || apo != 0) {
		evaluable = settled = 0;
		w = wsure = wmaybe = 0;
		st = T(in->restricting_food_intake);
		so = st;
		evaluable |= st >= 0;
		settled |= so >= 0;
		if (st == 1 && w < 0.3)
			w = 0.3;
		if (so == 1 && wsure < 0.3)
			wsure = 0.3;
		if (so != 0 && wmaybe < 0.3)
			wmaybe = 0.3;
		if (apo < 0)
			wsure = 0;
		if (wmaybe > 0)
			high += wmaybe * (1.0 - high);
		if (wsure > 0)
			low += wsure * (1.0 - low);
		if (apo != 0) {
			total += 0.3;
			if (apo == 1 && settled)
				known += 0.3;
		}
		if (ap == 1 && w > 0) {
			s += w * (1.0 - s);
			ev[n] = HL_STATE_FIRED;
		} else if (ap != 0)
			ev[n] = ap == 1 && evaluable ?
			    HL_STATE_NOT_FIRED : HL_STATE_UNKNOWN;
		if (ap != 0) {
			res->evitem[C_LOW_ENERGY_AVAILABILITY][n] = 1;
			res->unsettled[C_LOW_ENERGY_AVAILABILITY][n++] =
			    apo != 1 || !settled;
		}
	}
	/* item 2 */
	ap = apo = 1;
	if (ap != 0 || apo != 0) {
		evaluable = settled = 0;
		w = wsure = wmaybe = 0;
		st = GE(in->bone_stress_injuries_2y, 2.0);
		so = st;
		evaluable |= st >= 0;
		settled |= so >= 0;
		if (st == 1 && w < 0.25)
			w = 0.25;
		if (so == 1 && wsure < 0.25)
			wsure = 0.25;
		if (so != 0 && wmaybe < 0.25)
			wmaybe = 0.25;
		st = EQ(in->bone_stress_injuries_2y, 1.0);
		so = st;
		evaluable |= st >= 0;
		settled |= so >= 0;
		if (st == 1 && w < 0.1)
			w = 0.1;
		if (so == 1 && wsure < 0.1)
			wsure = 0.1;
		if (so != 0 && wmaybe < 0.1)
			wmaybe = 0.1;
		if (apo < 0)
			wsure = 0;
		if (wmaybe > 0)
			high += wmaybe * (1.0 - high);
		if (wsure > 0)
			low += wsure * (1.0 - low);
		if (apo != 0) {
			total += 0.25;
			if (apo == 1 && settled)
				known += 0.25;
		}
		if (ap == 1 && w > 0) {
			s += w * (1.0 - s);
			ev[n] = HL_STATE_FIRED;
		} else if (ap != 0)
			ev[n] = ap == 1 && evaluable ?
			    HL_STATE_NOT_FIRED : HL_STATE_UNKNOWN;
		if (ap != 0) {
			res->evitem[C_LOW_ENERGY_AVAILABILITY][n] = 2;
			res->unsettled[C_LOW_ENERGY_AVAILABILITY][n++] =
			    apo != 1 || !settled;
		}
	}
	/* item 3 */
	ap = apo = 1;
	if (ap != 0 || apo != 0) {
		evaluable = settled = 0;
		w = wsure = wmaybe = 0;
		st = LT(m->carb_g_kg, 3.0);
		so = st;
		evaluable |= st >= 0;
		settled |= so >= 0;
		if (st == 1 && w < 0.15)
			w = 0.15;
		if (so == 1 && wsure < 0.15)
			wsure = 0.15;
		if (so != 0 && wmaybe < 0.15)
			wmaybe = 0.15;
		if (apo < 0)
			wsure = 0;
		if (wmaybe > 0)
			high += wmaybe * (1.0 - high);
		if (wsure > 0)
			low += wsure * (1.0 - low);
		if (apo != 0) {
			total += 0.15;
			if (apo == 1 && settled)
				known += 0.15;
		}
		if (ap == 1 && w > 0) {
			s += w * (1.0 - s);
			ev[n] = HL_STATE_FIRED;
		} else if (ap != 0)
			ev[n] = ap == 1 && evaluable ?
			    HL_STATE_NOT_FIRED : HL_STATE_UNKNOWN;
		if (ap != 0) {
			res->evitem[C_LOW_ENERGY_AVAILABILITY][n] = 3;
			res->unsettled[C_LOW_ENERGY_AVAILABILITY][n++] =
			    apo != 1 || !settled;
		}
	}
	res->nev[C_LOW_ENERGY_AVAILABILITY] = n;
	res->coverage[C_LOW_ENERGY_AVAILABILITY] =
	    total > 0 ? known / total : 0;
	lower = lower_hi = lower_lo = 0;
	if (0.6 > lower_hi) {
		st = AND(AND(AND(AND(AND(AND(EQ(in->sex, HL_SEX_FEMALE),
		    OR(NOT(KNOWN_N(in->age_years)), LT(in->age_years, 45.0))),
		    OR(NOT(KNOWN_N(in->hormonal_contraception)),
		    NOT(T(in->hormonal_contraception)))),
		    OR(NOT(KNOWN_N(in->pregnant_or_postpartum)),
		    NOT(T(in->pregnant_or_postpartum)))), EQ(menses,
		    HL_MENSES_REGULAR)), EQ(in->restricting_food_intake,
		    HL_NO)), EQ(in->bone_stress_injuries_2y, 0.0));
		so = AND(AND(AND(AND(AND(AND(EQ(in->sex, HL_SEX_FEMALE),
		    OR(NOT(OPEN_KNOWN_N(in->age_years)), LT(in->age_years,
		    45.0))), OR(NOT(OPEN_KNOWN_N(in->hormonal_contraception)),
		    NOT(T(in->hormonal_contraception)))),
		    OR(NOT(OPEN_KNOWN_N(in->pregnant_or_postpartum)),
		    NOT(T(in->pregnant_or_postpartum)))), EQ(menses,
		    HL_MENSES_REGULAR)), EQ(in->restricting_food_intake,
		    HL_NO)), EQ(in->bone_stress_injuries_2y, 0.0));
		if (st == 1 && 0.6 > lower)
			lower = 0.6;
		if (so == 1)
			lower_hi = 0.6;
		if (so != 0 && 0.6 > lower_lo)
			lower_lo = 0.6;
	}
	if (0.5 > lower_hi) {
		st = AND(AND(OR(OR(OR(OR(EQ(in->sex, HL_SEX_MALE), EQ(menses,
		    HL_MENSES_NOT_APPLICABLE)), GE(in->age_years, 45.0)),
		    T(in->hormonal_contraception)),
		    T(in->pregnant_or_postpartum)),
		    EQ(in->restricting_food_intake, HL_NO)),
		    EQ(in->bone_stress_injuries_2y, 0.0));
		so = st;
		if (st == 1 && 0.5 > lower)
			lower = 0.5;
		if (so == 1)
			lower_hi = 0.5;
		if (so != 0 && 0.5 > lower_lo)
			lower_lo = 0.5;
	}
	res->score[C_LOW_ENERGY_AVAILABILITY] = s * (1.0 - lower);
	res->score_low[C_LOW_ENERGY_AVAILABILITY] =
	    low * (1.0 - lower_lo);
	res->score_high[C_LOW_ENERGY_AVAILABILITY] =
	    high * (1.0 - lower_hi);

	/* medication_effect */
	s = low = high = 0.02;
	total = known = 0;
	n = 0;
	ev = res->ev[C_MEDICATION_EFFECT];
	/* item 0 */
	ap = apo = 1;
	if (ap != 0 || apo != 0) {
		evaluable = settled = 0;
		w = wsure = wmaybe = 0;
		st = T(in->statin_use);
		so = st;
		evaluable |= st >= 0;
		settled |= so >= 0;
		if (st == 1 && w < 0.35)
			w = 0.35;
		if (so == 1 && wsure < 0.35)
			wsure = 0.35;
		if (so != 0 && wmaybe < 0.35)
			wmaybe = 0.35;
		if (apo < 0)
			wsure = 0;
		if (wmaybe > 0)
			high += wmaybe * (1.0 - high);
		if (wsure > 0)
			low += wsure * (1.0 - low);
		if (apo != 0) {
			total += 0.35;
			if (apo == 1 && settled)
				known += 0.35;
		}
		if (ap == 1 && w > 0) {
			s += w * (1.0 - s);
			ev[n] = HL_STATE_FIRED;
		} else if (ap != 0)
			ev[n] = ap == 1 && evaluable ?
			    HL_STATE_NOT_FIRED : HL_STATE_UNKNOWN;
		if (ap != 0) {
			res->evitem[C_MEDICATION_EFFECT][n] = 0;
			res->unsettled[C_MEDICATION_EFFECT][n++] =
			    apo != 1 || !settled;
		}
	}
	/* item 1 */
	ap = apo = 1;
	if (ap != 0 || apo != 0) {
		evaluable = settled = 0;
		w = wsure = wmaybe = 0;
		st = T(in->beta_blocker_use);
		so = st;
		evaluable |= st >= 0;
		settled |= so >= 0;
		if (st == 1 && w < 0.3)
			w = 0.3;
		if (so == 1 && wsure < 0.3)
			wsure = 0.3;
		if (so != 0 && wmaybe < 0.3)
			wmaybe = 0.3;
		if (apo < 0)
			wsure = 0;
		if (wmaybe > 0)
			high += wmaybe * (1.0 - high);
		if (wsure > 0)
			low += wsure * (1.0 - low);
		if (apo != 0) {
			total += 0.3;
			if (apo == 1 && settled)
				known += 0.3;
		}
		if (ap == 1 && w > 0) {
			s += w * (1.0 - s);
			ev[n] = HL_STATE_FIRED;
		} else if (ap != 0)
			ev[n] = ap == 1 && evaluable ?
			    HL_STATE_NOT_FIRED : HL_STATE_UNKNOWN;
		if (ap != 0) {
			res->evitem[C_MEDICATION_EFFECT][n] = 1;
			res->unsettled[C_MEDICATION_EFFECT][n++] =
			    apo != 1 || !settled;
		}
	}
	/* item 2 */
	ap = apo = 1;
	if (ap != 0 || apo != 0) {
		evaluable = settled = 0;
		w = wsure = wmaybe = 0;
		st = T(in->diuretic_use);
		so = st;
		evaluable |= st >= 0;
		settled |= so >= 0;
		if (st == 1 && w < 0.2)
			w = 0.2;
		if (so == 1 && wsure < 0.2)
			wsure = 0.2;
		if (so != 0 && wmaybe < 0.2)
			wmaybe = 0.2;
		if (apo < 0)
			wsure = 0;
		if (wmaybe > 0)
			high += wmaybe * (1.0 - high);
		if (wsure > 0)
			low += wsure * (1.0 - low);
		if (apo != 0) {
			total += 0.2;
			if (apo == 1 && settled)
				known += 0.2;
		}
		if (ap == 1 && w > 0) {
			s += w * (1.0 - s);
			ev[n] = HL_STATE_FIRED;
		} else if (ap != 0)
			ev[n] = ap == 1 && evaluable ?
			    HL_STATE_NOT_FIRED : HL_STATE_UNKNOWN;
		if (ap != 0) {
			res->evitem[C_MEDICATION_EFFECT][n] = 2;
			res->unsettled[C_MEDICATION_EFFECT][n++] =
			    apo != 1 || !settled;
		}
	}
	res->nev[C_MEDICATION_EFFECT] = n;
	res->coverage[C_MEDICATION_EFFECT] =
	    total > 0 ? known / total : 0;
	lower = lower_hi = lower_lo = 0;
	res->score[C_MEDICATION_EFFECT] = s * (1.0 - lower);
	res->score_low[C_MEDICATION_EFFECT] =
	    low * (1.0 - lower_lo);
	res->score_high[C_MEDICATION_EFFECT] =
	    high * (1.0 - lower_hi);

	/* running_form_overstriding */
	s = low = high = 0.05;
	total = known = 0;
	n = 0;
	ev = res->ev[C_RUNNING_FORM_OVERSTRIDING];
	/* item 0 */
	ap = apo = 1;
	if (ap != 0 || apo != 0) {
		evaluable = settled = 0;
		w = wsure = wmaybe = 0;
		st = T(in->overstriding_observed);
		so = st;
		evaluable |= st >= 0;
		settled |= so >= 0;
		if (st == 1 && w < 0.4)
			w = 0.4;
		if (so == 1 && wsure < 0.4)
			wsure = 0.4;
		if (so != 0 && wmaybe < 0.4)
			wmaybe = 0.4;
		if (apo < 0)
			wsure = 0;
		if (wmaybe > 0)
			high += wmaybe * (1.0 - high);
		if (wsure > 0)
			low += wsure * (1.0 - low);
		if (apo != 0) {
			total += 0.4;
			if (apo == 1 && settled)
				known += 0.4;
		}
		if (ap == 1 && w > 0) {
			s += w * (1.0 - s);
			ev[n] = HL_STATE_FIRED;
		} else if (ap != 0)
			ev[n] = ap == 1 && evaluable ?
			    HL_STATE_NOT_FIRED : HL_STATE_UNKNOWN;
		if (ap != 0) {
			res->evitem[C_RUNNING_FORM_OVERSTRIDING][n] = 0;
			res->unsettled[C_RUNNING_FORM_OVERSTRIDING][n++] =
			    apo != 1 || !settled;
		}
	}
	/* item 1 */
	ap = apo = 1;
	if (ap != 0 || apo != 0) {
		evaluable = settled = 0;
		w = wsure = wmaybe = 0;
		st = LE(in->cadence_spm, FIN(0.95 * in->cadence_baseline_spm));
		so = st;
		evaluable |= st >= 0;
		settled |= so >= 0;
		if (st == 1 && w < 0.2)
			w = 0.2;
		if (so == 1 && wsure < 0.2)
			wsure = 0.2;
		if (so != 0 && wmaybe < 0.2)
			wmaybe = 0.2;
		if (apo < 0)
			wsure = 0;
		if (wmaybe > 0)
			high += wmaybe * (1.0 - high);
		if (wsure > 0)
			low += wsure * (1.0 - low);
		if (apo != 0) {
			total += 0.2;
			if (apo == 1 && settled)
				known += 0.2;
		}
		if (ap == 1 && w > 0) {
			s += w * (1.0 - s);
			ev[n] = HL_STATE_FIRED;
		} else if (ap != 0)
			ev[n] = ap == 1 && evaluable ?
			    HL_STATE_NOT_FIRED : HL_STATE_UNKNOWN;
		if (ap != 0) {
			res->evitem[C_RUNNING_FORM_OVERSTRIDING][n] = 1;
			res->unsettled[C_RUNNING_FORM_OVERSTRIDING][n++] =
			    apo != 1 || !settled;
		}
	}
	/* item 2 */
	ap = apo = 1;
	if (ap != 0 || apo != 0) {
		evaluable = settled = 0;
		w = wsure = wmaybe = 0;
		st = LT(in->cadence_spm, 150.0);
		so = st;
		evaluable |= st >= 0;
		settled |= so >= 0;
		if (st == 1 && w < 0.15)
			w = 0.15;
		if (so == 1 && wsure < 0.15)
			wsure = 0.15;
		if (so != 0 && wmaybe < 0.15)
			wmaybe = 0.15;
		if (apo < 0)
			wsure = 0;
		if (wmaybe > 0)
			high += wmaybe * (1.0 - high);
		if (wsure > 0)
			low += wsure * (1.0 - low);
		if (apo != 0) {
			total += 0.15;
			if (apo == 1 && settled)
				known += 0.15;
		}
		if (ap == 1 && w > 0) {
			s += w * (1.0 - s);
			ev[n] = HL_STATE_FIRED;
		} else if (ap != 0)
			ev[n] = ap == 1 && evaluable ?
			    HL_STATE_NOT_FIRED : HL_STATE_UNKNOWN;
		if (ap != 0) {
			res->evitem[C_RUNNING_FORM_OVERSTRIDING][n] = 2;
			res->unsettled[C_RUNNING_FORM_OVERSTRIDING][n++] =
			    apo != 1 || !settled;
		}
	}
	res->nev[C_RUNNING_FORM_OVERSTRIDING] = n;
	res->coverage[C_RUNNING_FORM_OVERSTRIDING] =
	    total > 0 ? known / total : 0;
	lower = lower_hi = lower_lo = 0;
	if (0.5 > lower_hi) {
		st = EQ(in->overstriding_observed, HL_NO);
		so = st;
		if (st == 1 && 0.5 > lower)
			lower = 0.5;
		if (so == 1)
			lower_hi = 0.5;
		if (so != 0 && 0.5 > lower_lo)
			lower_lo = 0.5;
	}
	res->score[C_RUNNING_FORM_OVERSTRIDING] = s * (1.0 - lower);
	res->score_low[C_RUNNING_FORM_OVERSTRIDING] =
	    low * (1.0 - lower_lo);
	res->score_high[C_RUNNING_FORM_OVERSTRIDING] =
	    high * (1.0 - lower_hi);

	/* poor_warmup_cooldown */
	s = low = high = 0.03;
	total = known = 0;
	n = 0;
	ev = res->ev[C_POOR_WARMUP_COOLDOWN];
	/* item 0 */
	ap = apo = 1;
	if (ap != 0 || apo != 0) {
		evaluable = settled = 0;
		w = wsure = wmaybe = 0;
		st = LT(in->warmup_min, 5.0);
		so = st;
		evaluable |= st >= 0;
		settled |= so >= 0;
		if (st == 1 && w < 0.25)
			w = 0.25;
		if (so == 1 && wsure < 0.25)
			wsure = 0.25;
		if (so != 0 && wmaybe < 0.25)
			wmaybe = 0.25;
		if (apo < 0)
			wsure = 0;
		if (wmaybe > 0)
			high += wmaybe * (1.0 - high);
		if (wsure > 0)
			low += wsure * (1.0 - low);
		if (apo != 0) {
			total += 0.25;
			if (apo == 1 && settled)
				known += 0.25;
		}
		if (ap == 1 && w > 0) {
			s += w * (1.0 - s);
			ev[n] = HL_STATE_FIRED;
		} else if (ap != 0)
			ev[n] = ap == 1 && evaluable ?
			    HL_STATE_NOT_FIRED : HL_STATE_UNKNOWN;
		if (ap != 0) {
			res->evitem[C_POOR_WARMUP_COOLDOWN][n] = 0;
			res->unsettled[C_POOR_WARMUP_COOLDOWN][n++] =
			    apo != 1 || !settled;
		}
	}
	/* item 1 */
	ap = apo = 1;
	if (ap != 0 || apo != 0) {
		evaluable = settled = 0;
		w = wsure = wmaybe = 0;
		st = T(in->heavy_mainly_early_in_run);
		so = st;
		evaluable |= st >= 0;
		settled |= so >= 0;
		if (st == 1 && w < 0.3)
			w = 0.3;
		if (so == 1 && wsure < 0.3)
			wsure = 0.3;
		if (so != 0 && wmaybe < 0.3)
			wmaybe = 0.3;
		if (apo < 0)
			wsure = 0;
		if (wmaybe > 0)
			high += wmaybe * (1.0 - high);
		if (wsure > 0)
			low += wsure * (1.0 - low);
		if (apo != 0) {
			total += 0.3;
			if (apo == 1 && settled)
				known += 0.3;
		}
		if (ap == 1 && w > 0) {
			s += w * (1.0 - s);
			ev[n] = HL_STATE_FIRED;
		} else if (ap != 0)
			ev[n] = ap == 1 && evaluable ?
			    HL_STATE_NOT_FIRED : HL_STATE_UNKNOWN;
		if (ap != 0) {
			res->evitem[C_POOR_WARMUP_COOLDOWN][n] = 1;
			res->unsettled[C_POOR_WARMUP_COOLDOWN][n++] =
			    apo != 1 || !settled;
		}
	}
	/* item 2 */
	ap = apo = 1;
	if (ap != 0 || apo != 0) {
		evaluable = settled = 0;
		w = wsure = wmaybe = 0;
		st = LT(in->cooldown_min, 5.0);
		so = st;
		evaluable |= st >= 0;
		settled |= so >= 0;
		if (st == 1 && w < 0.05)
			w = 0.05;
		if (so == 1 && wsure < 0.05)
			wsure = 0.05;
		if (so != 0 && wmaybe < 0.05)
			wmaybe = 0.05;
		if (apo < 0)
			wsure = 0;
		if (wmaybe > 0)
			high += wmaybe * (1.0 - high);
		if (wsure > 0)
			low += wsure * (1.0 - low);
		if (apo != 0) {
			total += 0.05;
			if (apo == 1 && settled)
				known += 0.05;
		}
		if (ap == 1 && w > 0) {
			s += w * (1.0 - s);
			ev[n] = HL_STATE_FIRED;
		} else if (ap != 0)
			ev[n] = ap == 1 && evaluable ?
			    HL_STATE_NOT_FIRED : HL_STATE_UNKNOWN;
		if (ap != 0) {
			res->evitem[C_POOR_WARMUP_COOLDOWN][n] = 2;
			res->unsettled[C_POOR_WARMUP_COOLDOWN][n++] =
			    apo != 1 || !settled;
		}
	}
	res->nev[C_POOR_WARMUP_COOLDOWN] = n;
	res->coverage[C_POOR_WARMUP_COOLDOWN] =
	    total > 0 ? known / total : 0;
	lower = lower_hi = lower_lo = 0;
	if (0.5 > lower_hi) {
		st = GE(in->warmup_min, 10.0);
		so = st;
		if (st == 1 && 0.5 > lower)
			lower = 0.5;
		if (so == 1)
			lower_hi = 0.5;
		if (so != 0 && 0.5 > lower_lo)
			lower_lo = 0.5;
	}
	res->score[C_POOR_WARMUP_COOLDOWN] = s * (1.0 - lower);
	res->score_low[C_POOR_WARMUP_COOLDOWN] =
	    low * (1.0 - lower_lo);
	res->score_high[C_POOR_WARMUP_COOLDOWN] =
	    high * (1.0 - lower_hi);

	/* heat_humidity */
	s = low = high = 0.03;
	total = known = 0;
	n = 0;
	ev = res->ev[C_HEAT_HUMIDITY];
	/* item 0 */
	ap = apo = 1;
	if (ap != 0 || apo != 0) {
		evaluable = settled = 0;
		w = wsure = wmaybe = 0;
		st = GE(m->heat_index_f, 103.0);
		so = st;
		evaluable |= st >= 0;
		settled |= so >= 0;
		if (st == 1 && w < 0.55)
			w = 0.55;
		if (so == 1 && wsure < 0.55)
			wsure = 0.55;
		if (so != 0 && wmaybe < 0.55)
			wmaybe = 0.55;
		st = GT(in->wbgt_c, 32.2);
		so = st;
		evaluable |= st >= 0;
		settled |= so >= 0;
		if (st == 1 && w < 0.55)
			w = 0.55;
		if (so == 1 && wsure < 0.55)
			wsure = 0.55;
		if (so != 0 && wmaybe < 0.55)
			wmaybe = 0.55;
		st = AND(GT(in->wbgt_c, 30.0), LE(in->wbgt_c, 32.2));
		so = st;
		evaluable |= st >= 0;
		settled |= so >= 0;
		if (st == 1 && w < 0.45)
			w = 0.45;
		if (so == 1 && wsure < 0.45)
			wsure = 0.45;
		if (so != 0 && wmaybe < 0.45)
			wmaybe = 0.45;
		st = AND(GE(m->heat_index_f, 90.0), LT(m->heat_index_f, 103.0));
		so = st;
		evaluable |= st >= 0;
		settled |= so >= 0;
		if (st == 1 && w < 0.4)
			w = 0.4;
		if (so == 1 && wsure < 0.4)
			wsure = 0.4;
		if (so != 0 && wmaybe < 0.4)
			wmaybe = 0.4;
		st = AND(GT(in->wbgt_c, 27.8), LE(in->wbgt_c, 30.0));
		so = st;
		evaluable |= st >= 0;
		settled |= so >= 0;
		if (st == 1 && w < 0.3)
			w = 0.3;
		if (so == 1 && wsure < 0.3)
			wsure = 0.3;
		if (so != 0 && wmaybe < 0.3)
			wmaybe = 0.3;
		st = AND(GE(m->heat_index_f, 80.0), LT(m->heat_index_f, 90.0));
		so = st;
		evaluable |= st >= 0;
		settled |= so >= 0;
		if (st == 1 && w < 0.25)
			w = 0.25;
		if (so == 1 && wsure < 0.25)
			wsure = 0.25;
		if (so != 0 && wmaybe < 0.25)
			wmaybe = 0.25;
		if (apo < 0)
			wsure = 0;
		if (wmaybe > 0)
			high += wmaybe * (1.0 - high);
		if (wsure > 0)
			low += wsure * (1.0 - low);
		if (apo != 0) {
			total += 0.55;
			if (apo == 1 && settled)
				known += 0.55;
		}
		if (ap == 1 && w > 0) {
			s += w * (1.0 - s);
			ev[n] = HL_STATE_FIRED;
		} else if (ap != 0)
			ev[n] = ap == 1 && evaluable ?
			    HL_STATE_NOT_FIRED : HL_STATE_UNKNOWN;
		if (ap != 0) {
			res->evitem[C_HEAT_HUMIDITY][n] = 0;
			res->unsettled[C_HEAT_HUMIDITY][n++] =
			    apo != 1 || !settled;
		}
	}
	/* item 1 */
	ap = apo = 1;
	if (ap != 0 || apo != 0) {
		evaluable = settled = 0;
		w = wsure = wmaybe = 0;
		st = AND(EQ(in->heat_acclimatized, HL_NO),
		    OR(GE(m->heat_index_f, 80.0), GT(in->wbgt_c, 27.8)));
		so = st;
		evaluable |= st >= 0;
		settled |= so >= 0;
		if (st == 1 && w < 0.15)
			w = 0.15;
		if (so == 1 && wsure < 0.15)
			wsure = 0.15;
		if (so != 0 && wmaybe < 0.15)
			wmaybe = 0.15;
		if (apo < 0)
			wsure = 0;
		if (wmaybe > 0)
			high += wmaybe * (1.0 - high);
		if (wsure > 0)
			low += wsure * (1.0 - low);
		if (apo != 0) {
			total += 0.15;
			if (apo == 1 && settled)
				known += 0.15;
		}
		if (ap == 1 && w > 0) {
			s += w * (1.0 - s);
			ev[n] = HL_STATE_FIRED;
		} else if (ap != 0)
			ev[n] = ap == 1 && evaluable ?
			    HL_STATE_NOT_FIRED : HL_STATE_UNKNOWN;
		if (ap != 0) {
			res->evitem[C_HEAT_HUMIDITY][n] = 1;
			res->unsettled[C_HEAT_HUMIDITY][n++] =
			    apo != 1 || !settled;
		}
	}
	res->nev[C_HEAT_HUMIDITY] = n;
	res->coverage[C_HEAT_HUMIDITY] =
	    total > 0 ? known / total : 0;
	lower = lower_hi = lower_lo = 0;
	if (0.9 > lower_hi) {
		st = AND(AND(LT(in->air_temp_c, 20.0), OR(LT(m->heat_index_f,
		    80.0), NOT(KNOWN_N(m->heat_index_f)))), OR(LE(in->wbgt_c,
		    27.8), NOT(KNOWN_N(in->wbgt_c))));
		so = AND(AND(LT(in->air_temp_c, 20.0), OR(LT(m->heat_index_f,
		    80.0), NOT(OPEN_KNOWN_N(m->heat_index_f)))),
		    OR(LE(in->wbgt_c, 27.8), NOT(OPEN_KNOWN_N(in->wbgt_c))));
		if (st == 1 && 0.9 > lower)
			lower = 0.9;
		if (so == 1)
			lower_hi = 0.9;
		if (so != 0 && 0.9 > lower_lo)
			lower_lo = 0.9;
	}
	if (0.2 > lower_hi) {
		st = AND(EQ(in->heat_acclimatized, HL_YES),
		    OR(GE(m->heat_index_f, 80.0), GT(in->wbgt_c, 27.8)));
		so = st;
		if (st == 1 && 0.2 > lower)
			lower = 0.2;
		if (so == 1)
			lower_hi = 0.2;
		if (so != 0 && 0.2 > lower_lo)
			lower_lo = 0.2;
	}
	res->score[C_HEAT_HUMIDITY] = s * (1.0 - lower);
	res->score_low[C_HEAT_HUMIDITY] =
	    low * (1.0 - lower_lo);
	res->score_high[C_HEAT_HUMIDITY] =
	    high * (1.0 - lower_hi);

}

/* Strategies (STRATEGIES): the best score of the causes addressed, from
 * min_score up, and `when` true; only the safety ones under suppression. */
static void
assess_strategies(const hl_inputs *in, const struct metrics *m,
    const double *fl,
    hl_hw_result *res)
{
	double best;
	int when;
	(void)best;

	/* seek_medical_review */
	when = GE((double)res->triage, 1.0);
	res->sev[S_SEEK_MEDICAL_REVIEW] = STATE(when);
	res->sscore[S_SEEK_MEDICAL_REVIEW] = NAN;
	res->listed[S_SEEK_MEDICAL_REVIEW] = when == 1;

	/* avoid_overdrinking */
	when = OR(OR(T(m->mass_gained),
	    T(fl[F_RF_EXERCISE_ASSOCIATED_HYPONATREMIA])),
	    AND(GE(m->body_mass_change_pct, 0.0), GE(in->last_run_duration_min,
	    120.0)));
	res->sev[S_AVOID_OVERDRINKING] = STATE(when);
	res->sscore[S_AVOID_OVERDRINKING] = NAN;
	res->listed[S_AVOID_OVERDRINKING] = when == 1;

	/* hydrate_daily */
	when = OR(NOT(KNOWN_T(OR(OR(T(m->mass_gained),
	    T(fl[F_RF_EXERCISE_ASSOCIATED_HYPONATREMIA])),
	    AND(GE(m->body_mass_change_pct, 0.0), GE(in->last_run_duration_min,
	    120.0))))), NOT(OR(OR(T(m->mass_gained),
	    T(fl[F_RF_EXERCISE_ASSOCIATED_HYPONATREMIA])),
	    AND(GE(m->body_mass_change_pct, 0.0), GE(in->last_run_duration_min,
	    120.0)))));
	res->sev[S_HYDRATE_DAILY] = STATE(when);
	best = NAN;
	if (res->score[C_DEHYDRATION] >= 0.25 && (isnan(best)
	    || res->score[C_DEHYDRATION] > best))
		best = res->score[C_DEHYDRATION];
	res->sscore[S_HYDRATE_DAILY] = best;
	res->listed[S_HYDRATE_DAILY] = !isnan(best) && when == 1;
	if (res->suppress)
		res->listed[S_HYDRATE_DAILY] = 0;

	/* electrolytes_long_runs */
	when = OR(NOT(KNOWN_T(OR(OR(T(m->mass_gained),
	    T(fl[F_RF_EXERCISE_ASSOCIATED_HYPONATREMIA])),
	    AND(GE(m->body_mass_change_pct, 0.0), GE(in->last_run_duration_min,
	    120.0))))), NOT(OR(OR(T(m->mass_gained),
	    T(fl[F_RF_EXERCISE_ASSOCIATED_HYPONATREMIA])),
	    AND(GE(m->body_mass_change_pct, 0.0), GE(in->last_run_duration_min,
	    120.0)))));
	res->sev[S_ELECTROLYTES_LONG_RUNS] = STATE(when);
	best = NAN;
	if (res->score[C_ELECTROLYTE_IMBALANCE] >= 0.25 && (isnan(best)
	    || res->score[C_ELECTROLYTE_IMBALANCE] > best))
		best = res->score[C_ELECTROLYTE_IMBALANCE];
	if (res->score[C_DEHYDRATION] >= 0.25 && (isnan(best)
	    || res->score[C_DEHYDRATION] > best))
		best = res->score[C_DEHYDRATION];
	res->sscore[S_ELECTROLYTES_LONG_RUNS] = best;
	res->listed[S_ELECTROLYTES_LONG_RUNS] = !isnan(best) && when == 1;
	if (res->suppress)
		res->listed[S_ELECTROLYTES_LONG_RUNS] = 0;

	/* carb_fueling */
	when = 1;
	res->sev[S_CARB_FUELING] = -1;
	best = NAN;
	if (res->score[C_LOW_CARBOHYDRATE_AVAILABILITY] >= 0.25 && (isnan(best)
	    || res->score[C_LOW_CARBOHYDRATE_AVAILABILITY] > best))
		best = res->score[C_LOW_CARBOHYDRATE_AVAILABILITY];
	if (res->score[C_LOW_ENERGY_AVAILABILITY] >= 0.25 && (isnan(best)
	    || res->score[C_LOW_ENERGY_AVAILABILITY] > best))
		best = res->score[C_LOW_ENERGY_AVAILABILITY];
	res->sscore[S_CARB_FUELING] = best;
	res->listed[S_CARB_FUELING] = !isnan(best) && when == 1;
	if (res->suppress)
		res->listed[S_CARB_FUELING] = 0;

	/* iron_check_and_intake */
	when = 1;
	res->sev[S_IRON_CHECK_AND_INTAKE] = -1;
	best = NAN;
	if (res->score[C_IRON_DEFICIENCY] >= 0.25 && (isnan(best)
	    || res->score[C_IRON_DEFICIENCY] > best))
		best = res->score[C_IRON_DEFICIENCY];
	res->sscore[S_IRON_CHECK_AND_INTAKE] = best;
	res->listed[S_IRON_CHECK_AND_INTAKE] = !isnan(best) && when == 1;
	if (res->suppress)
		res->listed[S_IRON_CHECK_AND_INTAKE] = 0;

	/* energy_availability_review */
	when = 1;
	res->sev[S_ENERGY_AVAILABILITY_REVIEW] = -1;
	best = NAN;
	if (res->score[C_LOW_ENERGY_AVAILABILITY] >= 0.25 && (isnan(best)
	    || res->score[C_LOW_ENERGY_AVAILABILITY] > best))
		best = res->score[C_LOW_ENERGY_AVAILABILITY];
	res->sscore[S_ENERGY_AVAILABILITY_REVIEW] = best;
	res->listed[S_ENERGY_AVAILABILITY_REVIEW] = !isnan(best) && when == 1;
	if (res->suppress)
		res->listed[S_ENERGY_AVAILABILITY_REVIEW] = 0;

	/* rest_and_sleep */
	when = 1;
	res->sev[S_REST_AND_SLEEP] = -1;
	best = NAN;
	if (res->score[C_INSUFFICIENT_RECOVERY] >= 0.25 && (isnan(best)
	    || res->score[C_INSUFFICIENT_RECOVERY] > best))
		best = res->score[C_INSUFFICIENT_RECOVERY];
	if (res->score[C_LOAD_SPIKE] >= 0.25 && (isnan(best)
	    || res->score[C_LOAD_SPIKE] > best))
		best = res->score[C_LOAD_SPIKE];
	res->sscore[S_REST_AND_SLEEP] = best;
	res->listed[S_REST_AND_SLEEP] = !isnan(best) && when == 1;
	if (res->suppress)
		res->listed[S_REST_AND_SLEEP] = 0;

	/* gradual_progression */
	when = 1;
	res->sev[S_GRADUAL_PROGRESSION] = -1;
	best = NAN;
	if (res->score[C_LOAD_SPIKE] >= 0.25 && (isnan(best)
	    || res->score[C_LOAD_SPIKE] > best))
		best = res->score[C_LOAD_SPIKE];
	res->sscore[S_GRADUAL_PROGRESSION] = best;
	res->listed[S_GRADUAL_PROGRESSION] = !isnan(best) && when == 1;
	if (res->suppress)
		res->listed[S_GRADUAL_PROGRESSION] = 0;

	/* strength_and_mobility */
	when = 1;
	res->sev[S_STRENGTH_AND_MOBILITY] = -1;
	best = NAN;
	if (res->score[C_RUNNING_FORM_OVERSTRIDING] >= 0.25 && (isnan(best)
	    || res->score[C_RUNNING_FORM_OVERSTRIDING] > best))
		best = res->score[C_RUNNING_FORM_OVERSTRIDING];
	if (res->score[C_LOAD_SPIKE] >= 0.25 && (isnan(best)
	    || res->score[C_LOAD_SPIKE] > best))
		best = res->score[C_LOAD_SPIKE];
	res->sscore[S_STRENGTH_AND_MOBILITY] = best;
	res->listed[S_STRENGTH_AND_MOBILITY] = !isnan(best) && when == 1;
	if (res->suppress)
		res->listed[S_STRENGTH_AND_MOBILITY] = 0;

	/* cadence_and_form */
	when = 1;
	res->sev[S_CADENCE_AND_FORM] = -1;
	best = NAN;
	if (res->score[C_RUNNING_FORM_OVERSTRIDING] >= 0.25 && (isnan(best)
	    || res->score[C_RUNNING_FORM_OVERSTRIDING] > best))
		best = res->score[C_RUNNING_FORM_OVERSTRIDING];
	res->sscore[S_CADENCE_AND_FORM] = best;
	res->listed[S_CADENCE_AND_FORM] = !isnan(best) && when == 1;
	if (res->suppress)
		res->listed[S_CADENCE_AND_FORM] = 0;

	/* warmup_cooldown */
	when = 1;
	res->sev[S_WARMUP_COOLDOWN] = -1;
	best = NAN;
	if (res->score[C_POOR_WARMUP_COOLDOWN] >= 0.25 && (isnan(best)
	    || res->score[C_POOR_WARMUP_COOLDOWN] > best))
		best = res->score[C_POOR_WARMUP_COOLDOWN];
	res->sscore[S_WARMUP_COOLDOWN] = best;
	res->listed[S_WARMUP_COOLDOWN] = !isnan(best) && when == 1;
	if (res->suppress)
		res->listed[S_WARMUP_COOLDOWN] = 0;

	/* post_run_recovery */
	when = 1;
	res->sev[S_POST_RUN_RECOVERY] = -1;
	best = NAN;
	if (res->score[C_INSUFFICIENT_RECOVERY] >= 0.25 && (isnan(best)
	    || res->score[C_INSUFFICIENT_RECOVERY] > best))
		best = res->score[C_INSUFFICIENT_RECOVERY];
	if (res->score[C_LOAD_SPIKE] >= 0.25 && (isnan(best)
	    || res->score[C_LOAD_SPIKE] > best))
		best = res->score[C_LOAD_SPIKE];
	res->sscore[S_POST_RUN_RECOVERY] = best;
	res->listed[S_POST_RUN_RECOVERY] = !isnan(best) && when == 1;
	if (res->suppress)
		res->listed[S_POST_RUN_RECOVERY] = 0;

	/* medication_review */
	when = 1;
	res->sev[S_MEDICATION_REVIEW] = -1;
	best = NAN;
	if (res->score[C_MEDICATION_EFFECT] >= 0.25 && (isnan(best)
	    || res->score[C_MEDICATION_EFFECT] > best))
		best = res->score[C_MEDICATION_EFFECT];
	res->sscore[S_MEDICATION_REVIEW] = best;
	res->listed[S_MEDICATION_REVIEW] = !isnan(best) && when == 1;
	if (res->suppress)
		res->listed[S_MEDICATION_REVIEW] = 0;

	/* heat_plan */
	when = 1;
	res->sev[S_HEAT_PLAN] = -1;
	best = NAN;
	if (res->score[C_HEAT_HUMIDITY] >= 0.25 && (isnan(best)
	    || res->score[C_HEAT_HUMIDITY] > best))
		best = res->score[C_HEAT_HUMIDITY];
	res->sscore[S_HEAT_PLAN] = best;
	res->listed[S_HEAT_PLAN] = !isnan(best) && when == 1;
	if (res->suppress)
		res->listed[S_HEAT_PLAN] = 0;

}

int
hw_available(void)
{
	return 1;
}

const char *
hw_missing(void)
{
	return "the text (titles, advice, explanations) is not compared";
}

const char *
hw_compares(void)
{
	return "triage,triage_high,suppress_training_advice,screen_complete,"
	    "confidence,flags,urgencies,scores,"
	    "score_low,score_high,coverage,evidence_states,strategies,"
	    "strategy_scores,order,questions";
}

hl_hw_result *
hw_result_new(void)
{
	return calloc(1, sizeof(hl_hw_result));
}

void
hw_result_free(hl_hw_result *res)
{
	free(res);
}

/*
 * Whether finding kind ka, index a goes before kind kb, index b in the
 * report: flags by urgency, causes by score then coverage, strategies with
 * their own trigger first then by score, ties in file order.
 */
static int
before(const hl_hw_result *res, int ka, int a, int kb, int b)
{
	if (ka != kb)
		return ka < kb;
	switch (ka) {
	case HL_FINDING_RED_FLAG:
		if (res->urgency[a] != res->urgency[b])
			return res->urgency[a] > res->urgency[b];
		break;
	case HL_FINDING_CAUSE:
		if (res->score[a] != res->score[b])
			return res->score[a] > res->score[b];
		if (res->coverage[a] != res->coverage[b])
			return res->coverage[a] > res->coverage[b];
		break;
	default:
		if (strategy_own[a] != strategy_own[b])
			return strategy_own[a];
		if (!strategy_own[a] && res->sscore[a] != res->sscore[b])
			return res->sscore[a] > res->sscore[b];
		break;
	}
	return a < b;
}

/* Add finding kind, i to the report order (insertion: a few dozen). */
static void
list_add(hl_hw_result *res, int kind, int i)
{
	int j = res->nlist++;

	for (; j > 0 && before(res, kind, i, res->kind[j - 1],
	    res->index[j - 1]); j--) {
		res->kind[j] = res->kind[j - 1];
		res->index[j] = res->index[j - 1];
	}
	res->kind[j] = kind;
	res->index[j] = i;
}

/* Whether every value of input d is unknown. */
static int
def_unknown(const hl_inputs *in, double menses, int d)
{
	const double *v = (const double *)(const void *)((const char *)in +
	    def_off[d]);
	int k;

	if (v == &in->menstrual_status)
		return isnan(menses);
	for (k = 0; k < def_len[d]; k++)
		if (!isnan(v[k]))
			return 0;
	return 1;
}

/* Whether gain a (input da) ranks before gain b (input db). */
static int
gain_before(double a, int da, double b, int db)
{
	double tol = 1e-12 * (a > b ? a : b);

	if (a - b > tol)
		return 1;
	if (b - a > tol)
		return 0;
	return strcmp(def_names[da], def_names[db]) < 0;
}

/*
 * Next questions (heavylegs-domain(7) QUESTIONS): the unknown red-flag
 * screen, then, when confidence is low or the leading cause is less than
 * half covered, the unknown inputs by the open weight they would settle,
 * divided by their cost.
 */
static void
ask(const hl_inputs *in, double menses, hl_hw_result *res)
{
	double gain[NDEFS], open, sum = 0, lead = NAN;
	int c, k, d, q, pick;
	const signed char *it;

	res->nq = 0;
	for (k = 0; k < NSCREEN; k++)
		if (def_unknown(in, menses, screen[k]))
			res->q[res->nq++] = def_names[screen[k]];
	res->screen_complete = res->nq == 0;
	for (c = 0; c < NCAUSES; c++)
		sum += res->coverage[c];
	for (k = 0; k < res->nlist; k++)
		if (res->kind[k] == HL_FINDING_CAUSE) {
			lead = res->coverage[res->index[k]];
			break;
		}
	res->confidence = sum / NCAUSES;
	if (!(res->confidence < 0.25) && !(lead < 0.5))
		return;
	memset(gain, 0, sizeof gain);
	for (c = 0; c < NCAUSES; c++) {
		open = 1.0 - res->coverage[c];
		if (!(open > 0))
			continue;
		for (k = 0; k < res->nev[c]; k++) {
			if (res->ev[c][k] != HL_STATE_UNKNOWN &&
			    !res->unsettled[c][k])
				continue;
			it = item_defs[c][res->evitem[c][k]];
			for (; *it >= 0; it++)
				gain[*it] += item_top[c][res->evitem[c][k]] *
				    open;
		}
	}
	for (d = 0; d < NDEFS; d++) {
		if (!(gain[d] > 0) || def_screen[d] ||
		    !def_unknown(in, menses, d))
			gain[d] = 0;
		else if (def_cost[d] > 1)
			gain[d] /= def_cost[d];
	}
	for (q = 0; q < 8; q++) {
		pick = -1;
		for (d = 0; d < NDEFS; d++)
			if (gain[d] > 0 && (pick < 0 ||
			    gain_before(gain[d], d, gain[pick], pick)))
				pick = d;
		if (pick < 0)
			break;
		gain[pick] = 0;
		res->q[res->nq++] = def_names[pick];
	}
}

void
hw_assess(const hl_inputs *in, hl_hw_result *res)
{
	struct metrics m;
	double fl[NFLAGS], menses;
	int i;

	derive(in, &m);
	/* a male runner's menstrual answer is ignored (heavylegs-domain(7)) */
	menses = in->menstrual_status;
	if (in->sex == HL_SEX_MALE && !isnan(menses) &&
	    menses != HL_MENSES_NOT_APPLICABLE)
		menses = NAN;
	assess_flags(in, &m, menses, res, fl);
	res->triage = 0;
	for (i = 0; i < NFLAGS; i++)
		if (res->urgency[i] > res->triage)
			res->triage = res->urgency[i];
	res->suppress = res->triage >= 3;	/* suppress_at */
	assess_causes(in, &m, menses, res);
	assess_strategies(in, &m, fl, res);
	res->nlist = 0;
	for (i = 0; i < NFLAGS; i++)
		if (res->urgency[i] > 0)
			list_add(res, HL_FINDING_RED_FLAG, i);
	for (i = 0; i < NCAUSES; i++)
		list_add(res, HL_FINDING_CAUSE, i);
	for (i = 0; i < NSTRATEGIES; i++)
		if (res->listed[i])
			list_add(res, HL_FINDING_STRATEGY, i);
	ask(in, menses, res);
}

static int
find(const char *const *ids, int n, const char *id)
{
	int i;

	for (i = 0; i < n; i++)
		if (strcmp(ids[i], id) == 0)
			return i;
	return -1;
}

/* Whether f's evidence states are the n in st; else say which differs. */
static int
same_evidence(const hl_finding *f, const int *st, int n, FILE *fp, size_t id)
{
	size_t i, ne = hl_finding_evidence_count(f);

	if (ne != (size_t)n) {
		fprintf(fp, "runner %zu: %s has %zu evidence entries, "
		    "hand-written %d\n", id, hl_finding_id(f), ne, n);
		return 0;
	}
	for (i = 0; i < ne; i++)
		if (hl_finding_evidence_state(f, i) != st[i]) {
			fprintf(fp, "runner %zu: %s evidence %zu state %d, "
			    "hand-written %d\n", id, hl_finding_id(f), i,
			    hl_finding_evidence_state(f, i), st[i]);
			return 0;
		}
	return 1;
}

static int
same(double a, double b)
{
	return a == b || (isnan(a) && isnan(b));
}

int
hw_equal(const hl_hw_result *res, const hl_report *r, FILE *fp, size_t id)
{
	const hl_finding *f;
	const char *fid;
	size_t i, n = hl_report_count(r);
	int k, nflags = 0, ncauses = 0, nstrat = 0, want, kind;

	if (hl_report_triage(r) != res->triage) {
		fprintf(fp, "runner %zu: triage %d, hand-written %d\n", id,
		    hl_report_triage(r), res->triage);
		return 0;
	}
	if (hl_report_triage_high(r) != res->triage_high ||
	    hl_report_screen_complete(r) != res->screen_complete) {
		fprintf(fp, "runner %zu: triage_high %d, screen_complete %d, "
		    "hand-written %d, %d\n", id, hl_report_triage_high(r),
		    hl_report_screen_complete(r), res->triage_high,
		    res->screen_complete);
		return 0;
	}
	if (hl_report_confidence(r) != res->confidence) {
		fprintf(fp, "runner %zu: confidence %.17g, hand-written "
		    "%.17g\n", id, hl_report_confidence(r), res->confidence);
		return 0;
	}
	if (hl_report_suppress_training_advice(r) != res->suppress) {
		fprintf(fp, "runner %zu: suppress_training_advice %d, "
		    "hand-written %d\n", id,
		    hl_report_suppress_training_advice(r), res->suppress);
		return 0;
	}
	for (i = 0; i < n; i++) {
		f = hl_report_finding(r, i);
		fid = hl_finding_id(f);
		kind = hl_finding_kind(f);
		switch (kind) {
		case HL_FINDING_RED_FLAG:
			nflags++;
			k = find(flag_ids, NFLAGS, fid);
			if (k < 0 || hl_finding_urgency(f) != res->urgency[k]) {
				fprintf(fp, "runner %zu: %s urgency %d, "
				    "hand-written %d\n", id, fid,
				    hl_finding_urgency(f),
				    k < 0 ? -1 : res->urgency[k]);
				return 0;
			}
			if (!same_evidence(f, res->fev[k], flag_nlevels[k], fp,
			    id))
				return 0;
			break;
		case HL_FINDING_CAUSE:
			ncauses++;
			k = find(cause_ids, NCAUSES, fid);
			if (k < 0 || hl_finding_score(f) != res->score[k]) {
				fprintf(fp, "runner %zu: %s score %.17g, "
				    "hand-written %.17g\n", id, fid,
				    hl_finding_score(f),
				    k < 0 ? NAN : res->score[k]);
				return 0;
			}
			if (hl_finding_score_low(f) != res->score_low[k] ||
			    hl_finding_score_high(f) != res->score_high[k]) {
				fprintf(fp,
				    "runner %zu: %s score from %.17g to "
				    "%.17g, hand-written %.17g to %.17g\n", id,
				    fid, hl_finding_score_low(f),
				    hl_finding_score_high(f), res->score_low[k],
				    res->score_high[k]);
				return 0;
			}
			if (hl_finding_coverage(f) != res->coverage[k]) {
				fprintf(fp, "runner %zu: %s coverage %.17g, "
				    "hand-written %.17g\n", id, fid,
				    hl_finding_coverage(f), res->coverage[k]);
				return 0;
			}
			if (!same_evidence(f, res->ev[k], res->nev[k], fp, id))
				return 0;
			break;
		default:
			nstrat++;
			k = find(strategy_ids, NSTRATEGIES, fid);
			if (k < 0 || !res->listed[k] ||
			    !same(hl_finding_score(f), res->sscore[k])) {
				fprintf(fp, "runner %zu: strategy %s (score "
				    "%.17g) suggested, hand-written %s "
				    "(%.17g)\n", id, fid, hl_finding_score(f),
				    k >= 0 && res->listed[k] ? "too" : "not",
				    k < 0 ? NAN : res->sscore[k]);
				return 0;
			}
			if (!same_evidence(f, &res->sev[k],
			    res->sev[k] < 0 ? 0 : 1, fp, id))
				return 0;
			break;
		}
		if (i >= (size_t)res->nlist || res->kind[i] != kind ||
		    res->index[i] != k) {
			fprintf(fp, "runner %zu: %s at %zu in the report, "
			    "hand-written elsewhere\n", id, fid, i);
			return 0;
		}
	}
	want = 0;
	for (k = 0; k < NFLAGS; k++)
		want += res->urgency[k] > 0;
	if (nflags != want) {
		fprintf(fp, "runner %zu: %d red flags listed, hand-written "
		    "%d\n", id, nflags, want);
		return 0;
	}
	if (ncauses != NCAUSES) {
		fprintf(fp, "runner %zu: %d causes listed, hand-written %d\n",
		    id, ncauses, NCAUSES);
		return 0;
	}
	want = 0;
	for (k = 0; k < NSTRATEGIES; k++)
		want += res->listed[k];
	if (nstrat != want) {
		fprintf(fp, "runner %zu: %d strategies suggested, "
		    "hand-written %d\n", id, nstrat, want);
		return 0;
	}
	n = hl_report_question_count(r);
	for (i = 0; i < n || i < (size_t)res->nq; i++)
		if (i >= n || i >= (size_t)res->nq ||
		    strcmp(hl_report_question(r, i), res->q[i]) != 0) {
			fprintf(fp, "runner %zu: question %zu %s, hand-written "
			    "%s\n", id, i, i < n ? hl_report_question(r, i) :
			    "(none)", i < (size_t)res->nq ? res->q[i] :
			    "(none)");
			return 0;
		}
	n = hl_report_count(r);
	if (n != (size_t)res->nlist) {
		fprintf(fp, "runner %zu: %zu findings, hand-written %d\n", id,
		    n, res->nlist);
		return 0;
	}
	return 1;
}
