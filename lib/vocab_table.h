/* SPDX-License-Identifier: MIT */
/*
 * vocab_table.h - the input table of heavylegs-domain(7), INPUTS as an X-macro
 * (internal to vocab.c and derive.c), and the index of each input in
 * hl__input_defs.
 */
#ifndef HL_VOCAB_TABLE_H
#define HL_VOCAB_TABLE_H

#include <math.h>

#define HL__NOBOUND	NAN	/* no plausible range */
#define HL__NB		HL__NOBOUND

/*
 * The vocabulary of heavylegs-domain(7), INPUTS, one entry per field of hl_inputs
 * in struct order.  Each kind has its own macro:
 *
 *   NUM(field, unit, cost, min, min_exclusive, max, max_exclusive,
 *       plausible_min, plausible_max, description)
 *   CNT(field, unit, min, max, plausible_min, plausible_max, description)
 *   TRI(field, description)
 *   ENM(field, names, description)
 *
 * Error bounds follow the "error if" column: "< 5" makes 5 the inclusive
 * minimum, "<= 20" makes 20 an exclusive one.  A series' length comes from
 * the field itself.
 */
#define HL__INPUT_TABLE(NUM, CNT, TRI, ENM)				\
	NUM(age_years, "y", 1, 5, 0, 120, 0, 12, 95,			\
	    "Age in years")						\
	ENM(sex, sex_names,						\
	    "Sex, for haemoglobin cut-offs and iron risk")		\
	NUM(body_mass_kg, "kg", 1, 20, 1, 350, 0, 35, 180,		\
	    "Usual body mass")						\
	NUM(daily_distance_km, "km", 1, 0, 0, 300, 0, 0, 100,		\
	    "Distance run each day; 0 is a rest day")			\
	NUM(daily_duration_min, "min", 1, 0, 0, 1440, 0, 0, 600,	\
	    "Time spent running each day")				\
	NUM(daily_session_rpe, "CR-10", 1, 0, 0, 10, 0, 0, 10,		\
	    "How hard each day's running felt, 0-10 (CR-10 scale)")	\
	NUM(daily_resting_hr_bpm, "bpm", 1, 20, 0, 220, 0, 30, 100,	\
	    "Resting heart rate each morning, from a watch")		\
	NUM(daily_hrv_rmssd_ms, "ms", 1, 0, 1, 1000, 0, 5, 250,		\
	    "Heart-rate variability (RMSSD) each night or morning")	\
	NUM(daily_sleep_h, "h", 1, 0, 0, 24, 0, 3, 12,			\
	    "Hours asleep each night")					\
	NUM(cadence_spm, "steps/min", 1, 60, 0, 260, 0, 140, 200,	\
	    "Step rate at an easy pace now")				\
	NUM(cadence_baseline_spm, "steps/min", 1, 60, 0, 260, 0, 140, 200, \
	    "Usual step rate at an easy pace")				\
	TRI(overstriding_observed,					\
	    "On video or to a coach, the foot lands well ahead of the body") \
	NUM(last_run_duration_min, "min", 1, 0, 1, 1440, 0, 10, 600,	\
	    "Duration of the run that felt heavy")			\
	NUM(air_temp_c, "\302\260C", 1, -90, 0, 60, 0, -30, 45,		\
	    "Air temperature during that run")				\
	NUM(relative_humidity_pct, "%", 1, 0, 0, 100, 0, 1, 100,	\
	    "Relative humidity during that run")			\
	NUM(dew_point_c, "\302\260C", 1, -90, 0, 40, 0, -40, 32,	\
	    "Dew point during that run; used only when humidity is unknown") \
	NUM(wbgt_c, "\302\260C", 1, -50, 0, 50, 0, -10, 38,		\
	    "Wet-bulb globe temperature, only when measured")		\
	TRI(heat_acclimatized,						\
	    "Has trained for 10-14 days or more in similar heat")	\
	NUM(pre_run_body_mass_kg, "kg", 1, 20, 1, 350, 0, 35, 180,	\
	    "Body mass just before that run")				\
	NUM(post_run_body_mass_kg, "kg", 1, 20, 1, 350, 0, 35, 180,	\
	    "Body mass just after that run, on the same scale")		\
	NUM(fluid_during_run_l, "L", 1, 0, 0, 20, 0, 0, 5,		\
	    "Fluid drunk during that run")				\
	NUM(morning_body_mass_kg, "kg", 1, 20, 1, 350, 0, HL__NB, HL__NB, \
	    "Body mass on waking today, before eating or drinking")	\
	CNT(urine_color, "", 1, 8, 1, 8,				\
	    "Urine colour on the Armstrong chart, 1 (pale) to 8 (dark)") \
	TRI(thirsty,							\
	    "Feels thirsty")						\
	TRI(muscle_cramps,						\
	    "Has muscle cramps")					\
	TRI(electrolytes_on_long_runs,					\
	    "Takes sodium (drink or food) on runs of an hour or more")	\
	NUM(carb_intake_g_day, "g/day", 1, 0, 0, 2000, 0, 50, 1200,	\
	    "Carbohydrate eaten per day")				\
	TRI(carbs_during_long_runs,					\
	    "Takes 30 g/h or more of carbohydrate on runs of 75 min or more") \
	ENM(diet_pattern, diet_names,					\
	    "Diet: omnivore, vegetarian or vegan")			\
	ENM(menstrual_status, menses_names,				\
	    "Periods: regular, irregular, absent 3 months or more, or n/a") \
	TRI(restricting_food_intake,					\
	    "Deliberately eats less or leaves out foods")		\
	TRI(heavy_menstrual_bleeding,					\
	    "Has heavy periods")					\
	CNT(bone_stress_injuries_2y, "", 0, 50, 0, 5,			\
	    "Bone stress injuries in the last two years")		\
	NUM(ferritin_ug_l, "\302\265g/L", 3, 0, 1, 10000, 0, 3, 500,	\
	    "Blood ferritin (ug/L, the same as ng/mL)")			\
	NUM(hemoglobin_g_l, "g/L", 3, 20, 0, 260, 0, 70, 190,		\
	    "Blood haemoglobin in g/L (g/dL times 10)")			\
	NUM(transferrin_saturation_pct, "%", 3, 0, 0, 100, 0, 3, 80,	\
	    "Transferrin saturation of the blood")			\
	CNT(strength_sessions_per_week, "/week", 0, 21, 0, 7,		\
	    "Strength or plyometric sessions a week")			\
	NUM(warmup_min, "min", 1, 0, 0, 180, 0, 0, 45,			\
	    "Warm-up before a run")					\
	NUM(cooldown_min, "min", 1, 0, 0, 180, 0, 0, 45,		\
	    "Cool-down after a run")					\
	TRI(heavy_mainly_early_in_run,					\
	    "Legs feel heavy mostly in the first 15 minutes or so, then ease") \
	TRI(performance_decline,					\
	    "Running performance has dropped")				\
	TRI(mood_low,							\
	    "Mood has been low")					\
	TRI(high_life_stress,						\
	    "Life outside running is very stressful")			\
	TRI(recent_illness_14d,						\
	    "Has been ill in the last 14 days")				\
	CNT(heaviness_days, "days", 0, 36500, 0, 3650,			\
	    "Days since the heaviness began (0 = today)")		\
	ENM(heaviness_onset, onset_names,				\
	    "How the heaviness began: gradually or suddenly")		\
	NUM(heaviness_severity, "", 1, 0, 0, 10, 0, HL__NB, HL__NB,	\
	    "How heavy the legs feel, 0 (not at all) to 10 (the worst)") \
	ENM(heaviness_side, side_names,					\
	    "Heaviness in both legs or in one")				\
	CNT(self_care_days, "days", 0, 36500, 0, 365,			\
	    "Days of steady rest, fluids and food since it began")	\
	TRI(worsening,							\
	    "The heaviness is getting worse")				\
	TRI(interferes_daily_life,					\
	    "The heaviness gets in the way of daily life")		\
	TRI(post_exertional_malaise,					\
	    "Small efforts leave the runner much worse for a day or more") \
	TRI(calf_swelling_one_side,					\
	    "One calf is swollen")					\
	TRI(leg_warm_red_tender,					\
	    "Part of a leg is warm, red and tender")			\
	TRI(recent_travel_or_immobility,				\
	    "4 h+ seated travel or 3+ days in bed (4 weeks), surgery or a " \
	    "cast (12 weeks)")						\
	TRI(vte_risk_factors,						\
	    "Past clot, cancer, oestrogen pill or HRT, pregnancy or a birth") \
	TRI(leg_pain_at_rest,						\
	    "Leg pain at rest")						\
	TRI(numbness_tingling,						\
	    "Numbness or tingling in the legs")				\
	TRI(leg_weakness_or_foot_drop,					\
	    "Leg weakness, or a foot that drops or drags")		\
	TRI(smoker_or_diabetes,						\
	    "Smokes or has diabetes")					\
	TRI(varicose_veins,						\
	    "Has varicose veins")					\
	TRI(ankle_swelling_end_of_day,					\
	    "Ankles swell by the end of the day")			\
	ENM(exertional_pain_pattern, pain_names,			\
	    "Leg pain when running: none, eases on stopping, or eases only " \
	    "sitting or bending")					\
	ENM(skin_change, skin_names,					\
	    "Lower-leg skin: unchanged, brown or eczema-like, or pale, " \
	    "blue and cold")						\
	TRI(dark_urine_after_run,					\
	    "Brown or cola-coloured urine after a run, not just dark yellow") \
	TRI(severe_muscle_pain_swelling,				\
	    "Muscle pain or swelling far beyond what the effort explains") \
	TRI(chest_pain_or_breathlessness,				\
	    "Chest pain or pressure, or breathless at rest or beyond effort") \
	TRI(saddle_numbness_or_bladder_bowel_change,			\
	    "Numbness around the groin or seat, or new bladder/bowel trouble") \
	TRI(confusion_or_collapse,					\
	    "Confusion or collapse during or after the run")		\
	TRI(headache_nausea_vomiting,					\
	    "Headache, nausea or vomiting during or after the run")	\
	TRI(exertional_palpitations_or_fainting,			\
	    "Palpitations, fainting or near-fainting during or just after " \
	    "a run")							\
	TRI(fever_now,							\
	    "Temperature of 38 \302\260C or more, or feeling feverish, today") \
	TRI(focal_bone_pain,						\
	    "Pain at one spot on a bone that hurts on hopping or worsens " \
	    "with running")						\
	TRI(statin_use,							\
	    "Takes a statin (a cholesterol-lowering medicine)")		\
	TRI(beta_blocker_use,						\
	    "Takes a beta-blocker")					\
	TRI(diuretic_use,						\
	    "Takes a diuretic (a water pill)")				\
	TRI(pregnant_or_postpartum,					\
	    "Pregnant, or gave birth in the last 12 weeks")		\
	TRI(hormonal_contraception,					\
	    "Takes hormonal contraception")

/* HL__I_<field>: the index of that input in hl__input_defs. */
#define HL__I_ENUMERATOR(f, ...)	HL__I_##f,
enum hl__input_index {
	HL__INPUT_TABLE(HL__I_ENUMERATOR, HL__I_ENUMERATOR, HL__I_ENUMERATOR,
	    HL__I_ENUMERATOR)
	HL__I_COUNT
};

#endif
