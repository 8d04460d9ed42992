/* SPDX-License-Identifier: MIT */
/* check_inputs.c - tests of the input vocabulary, access and validation. */

#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "check_main.h"
#include "heavylegs.h"
#include "vocab.h"

static hl_inputs
fresh(void)
{
	hl_inputs in;

	hl_inputs_init(&in, sizeof in);
	return in;
}

static int
set(hl_inputs *in, const char *name, double v)
{
	hl_error err;

	memset(&err, 0, sizeof err);
	return hl_inputs_set(in, name, v, &err);
}

static int
check(const hl_inputs *in, hl_error *err)
{
	memset(err, 0, sizeof *err);
	return hl_inputs_check(in, err);
}

/* The double of slot s of a struct. */
static double
slot_value(const hl_inputs *in, size_t s)
{
	double v;

	memcpy(&v, (const char *)in + 8 + 8 * s, sizeof v);
	return v;
}

static void
slot_store(hl_inputs *in, size_t s, double v)
{
	memcpy((char *)in + 8 + 8 * s, &v, sizeof v);
}

/*
 * Layout pin: every field of hl_inputs, in struct order, with its offset
 * and length, written out from the header.
 */
#define F(f)	{ #f, offsetof(hl_inputs, f), \
	    sizeof(((hl_inputs *)0)->f) / sizeof(double) }
static const struct {
	const char *name;
	size_t	 offset, length;
} fields[] = {
	F(age_years), F(sex), F(body_mass_kg), F(daily_distance_km),
	F(daily_duration_min), F(daily_session_rpe), F(daily_resting_hr_bpm),
	F(daily_hrv_rmssd_ms), F(daily_sleep_h), F(cadence_spm),
	F(cadence_baseline_spm), F(overstriding_observed),
	F(last_run_duration_min), F(air_temp_c), F(relative_humidity_pct),
	F(dew_point_c), F(wbgt_c), F(heat_acclimatized),
	F(pre_run_body_mass_kg), F(post_run_body_mass_kg),
	F(fluid_during_run_l), F(morning_body_mass_kg), F(urine_color),
	F(thirsty), F(muscle_cramps), F(electrolytes_on_long_runs),
	F(carb_intake_g_day), F(carbs_during_long_runs), F(diet_pattern),
	F(menstrual_status), F(restricting_food_intake),
	F(heavy_menstrual_bleeding), F(bone_stress_injuries_2y),
	F(ferritin_ug_l), F(hemoglobin_g_l), F(transferrin_saturation_pct),
	F(strength_sessions_per_week), F(warmup_min), F(cooldown_min),
	F(heavy_mainly_early_in_run), F(performance_decline), F(mood_low),
	F(high_life_stress), F(recent_illness_14d), F(heaviness_days),
	F(heaviness_onset), F(heaviness_severity), F(heaviness_side),
	F(self_care_days), F(worsening), F(interferes_daily_life),
	F(post_exertional_malaise), F(calf_swelling_one_side),
	F(leg_warm_red_tender), F(recent_travel_or_immobility),
	F(vte_risk_factors), F(leg_pain_at_rest), F(numbness_tingling),
	F(leg_weakness_or_foot_drop), F(smoker_or_diabetes),
	F(varicose_veins), F(ankle_swelling_end_of_day),
	F(exertional_pain_pattern), F(skin_change), F(dark_urine_after_run),
	F(severe_muscle_pain_swelling), F(chest_pain_or_breathlessness),
	F(saddle_numbness_or_bladder_bowel_change), F(confusion_or_collapse),
	F(headache_nausea_vomiting),
	/* since 1.1 */
	F(exertional_palpitations_or_fainting), F(fever_now),
	F(focal_bone_pain), F(statin_use), F(beta_blocker_use),
	F(diuretic_use), F(pregnant_or_postpartum), F(hormonal_contraception),
};
#undef F
#define NFIELDS	(sizeof fields / sizeof fields[0])

START_TEST(table_covers_struct)
{
	size_t i, end, slots;

	ck_assert_uint_eq(sizeof(hl_inputs), HL_INPUTS_SIZE_V1_1);
	ck_assert_uint_eq(hl__input_ndefs, NFIELDS);
	ck_assert_uint_eq(hl_input_count(), NFIELDS);
	end = 8;
	slots = 0;
	for (i = 0; i < hl__input_ndefs; i++) {
		/* increasing and contiguous */
		ck_assert_uint_eq(hl__input_defs[i].offset, end);
		ck_assert_str_eq(hl__input_defs[i].name, fields[i].name);
		ck_assert_uint_eq(hl__input_defs[i].offset, fields[i].offset);
		ck_assert_int_eq(hl__input_defs[i].length,
		    (int)fields[i].length);
		ck_assert(hl__input_defs[i].length == 1 ||
		    hl__input_defs[i].length == HL_SERIES_DAYS);
		end += 8 * (size_t)hl__input_defs[i].length;
		slots += (size_t)hl__input_defs[i].length;
	}
	ck_assert_uint_eq(end, sizeof(hl_inputs));
	ck_assert_uint_eq(slots, HL__NINPUT_SLOTS);
}
END_TEST

START_TEST(lookups)
{
	size_t s, i;
	int d;

	for (i = 0; i < hl__input_ndefs; i++) {
		const char *n = hl__input_defs[i].name;

		ck_assert_int_eq(hl__input_lookup(n, strlen(n)), (int)i);
		ck_assert_uint_eq(hl__input_slot((int)i),
		    (hl__input_defs[i].offset - 8) / 8);
	}
	for (s = 0; s < HL__NINPUT_SLOTS; s++) {
		d = hl__input_of_slot(s);
		ck_assert_int_ge(d, 0);
		ck_assert_uint_le(hl__input_slot(d), s);
		ck_assert_uint_gt(hl__input_slot(d) +
		    (size_t)hl__input_defs[d].length, s);
	}
	ck_assert_int_eq(hl__input_of_slot(HL__NINPUT_SLOTS), -1);
	ck_assert_int_eq(hl__input_of_slot(0), 0);
	ck_assert_int_eq(hl__input_of_slot(HL__SLOT_OF(daily_sleep_h[27])),
	    hl__input_lookup("daily_sleep_h", 13));
	/* s[0..len) only */
	ck_assert_int_eq(hl__input_lookup("age_yearsXYZ", 9), 0);
	ck_assert_int_eq(hl__input_lookup("age_year", 8), -1);
	ck_assert_int_eq(hl__input_lookup("age_years", 10), -1);
	ck_assert_int_eq(hl__input_lookup("nonsense", 8), -1);
	ck_assert_int_eq(hl__input_lookup("", 0), -1);
	ck_assert_int_eq(hl__input_lookup(NULL, 0), -1);
	ck_assert_int_eq(hl__input_lookup("acwr", 4), -1);
}
END_TEST

START_TEST(enum_codes)
{
	static const struct {
		const char *input, *value;
		int code;
	} codes[] = {
		{ "sex", "female", HL_SEX_FEMALE },
		{ "sex", "male", HL_SEX_MALE },
		{ "diet_pattern", "omnivore", HL_DIET_OMNIVORE },
		{ "diet_pattern", "vegetarian", HL_DIET_VEGETARIAN },
		{ "diet_pattern", "vegan", HL_DIET_VEGAN },
		{ "menstrual_status", "regular", HL_MENSES_REGULAR },
		{ "menstrual_status", "irregular", HL_MENSES_IRREGULAR },
		{ "menstrual_status", "absent_3mo_plus",
		    HL_MENSES_ABSENT_3MO_PLUS },
		{ "menstrual_status", "not_applicable",
		    HL_MENSES_NOT_APPLICABLE },
		{ "heaviness_onset", "gradual", HL_ONSET_GRADUAL },
		{ "heaviness_onset", "sudden", HL_ONSET_SUDDEN },
		{ "heaviness_side", "both", HL_SIDE_BOTH },
		{ "heaviness_side", "one", HL_SIDE_ONE },
		{ "exertional_pain_pattern", "none", HL_PAIN_NONE },
		{ "exertional_pain_pattern", "eases_on_stopping",
		    HL_PAIN_EASES_ON_STOPPING },
		{ "exertional_pain_pattern", "eases_only_sitting_or_bending",
		    HL_PAIN_EASES_ONLY_SITTING_OR_BENDING },
		{ "skin_change", "none", HL_SKIN_NONE },
		{ "skin_change", "brown_or_eczema", HL_SKIN_BROWN_OR_ECZEMA },
		{ "skin_change", "pale_blue_cold", HL_SKIN_PALE_BLUE_COLD },
	};
	static const struct {
		const char *input;
		int n;
	} counts[] = {
		{ "sex", 2 }, { "diet_pattern", 3 }, { "menstrual_status", 4 },
		{ "heaviness_onset", 2 }, { "heaviness_side", 2 },
		{ "exertional_pain_pattern", 3 }, { "skin_change", 3 },
	};
	size_t i, nenum;
	int d;

	for (i = 0; i < sizeof codes / sizeof codes[0]; i++) {
		d = hl__input_lookup(codes[i].input, strlen(codes[i].input));
		ck_assert_int_ge(d, 0);
		ck_assert_int_eq(hl__input_enum_code(d, codes[i].value,
		    strlen(codes[i].value)), codes[i].code);
		ck_assert_str_eq(hl__input_defs[d].enum_names[codes[i].code],
		    codes[i].value);
	}
	for (i = 0; i < sizeof counts / sizeof counts[0]; i++) {
		d = hl__input_lookup(counts[i].input, strlen(counts[i].input));
		ck_assert_int_eq(hl__input_defs[d].kind, HL_KIND_ENUM);
		ck_assert_int_eq(hl__input_defs[d].enum_count, counts[i].n);
	}
	nenum = 0;
	for (i = 0; i < hl__input_ndefs; i++)
		nenum += hl__input_defs[i].kind == HL_KIND_ENUM;
	ck_assert_uint_eq(nenum, sizeof counts / sizeof counts[0]);

	d = hl__input_lookup("sex", 3);
	ck_assert_int_eq(hl__input_enum_code(d, "malefic", 4), HL_SEX_MALE);
	ck_assert_int_eq(hl__input_enum_code(d, "males", 5), -1);
	ck_assert_int_eq(hl__input_enum_code(d, "Male", 4), -1);
	ck_assert_int_eq(hl__input_enum_code(d, NULL, 0), -1);
	ck_assert_int_eq(hl__input_enum_code(0, "female", 6), -1);
	ck_assert_int_eq(hl__input_enum_code(-1, "female", 6), -1);
	ck_assert_int_eq(hl__input_enum_code((int)hl__input_ndefs, "male", 4),
	    -1);
}
END_TEST

START_TEST(costs)
{
	size_t i;
	const char *n;

	for (i = 0; i < hl__input_ndefs; i++) {
		n = hl__input_defs[i].name;
		if (strcmp(n, "ferritin_ug_l") == 0 ||
		    strcmp(n, "hemoglobin_g_l") == 0 ||
		    strcmp(n, "transferrin_saturation_pct") == 0)
			ck_assert_int_eq(hl__input_defs[i].cost, 3);
		else
			ck_assert_int_eq(hl__input_defs[i].cost, 1);
	}
}
END_TEST

/*
 * Error bounds of every number and count of heavylegs-domain(7), INPUTS, from its
 * "error if" column: "< 5" -> 5 is valid; "<= 20" -> 20 is not.
 */
static const struct bound {
	const char *name;
	double	 lo;
	int	 lo_bad;		/* lo itself is an error */
	double	 hi;
	int	 count;
} bounds[] = {
	{ "age_years", 5, 0, 120, 0 },
	{ "body_mass_kg", 20, 1, 350, 0 },
	{ "daily_distance_km", 0, 0, 300, 0 },
	{ "daily_duration_min", 0, 0, 1440, 0 },
	{ "daily_session_rpe", 0, 0, 10, 0 },
	{ "daily_resting_hr_bpm", 20, 0, 220, 0 },
	{ "daily_hrv_rmssd_ms", 0, 1, 1000, 0 },
	{ "daily_sleep_h", 0, 0, 24, 0 },
	{ "cadence_spm", 60, 0, 260, 0 },
	{ "cadence_baseline_spm", 60, 0, 260, 0 },
	{ "last_run_duration_min", 0, 1, 1440, 0 },
	{ "air_temp_c", -90, 0, 60, 0 },
	{ "relative_humidity_pct", 0, 0, 100, 0 },
	{ "dew_point_c", -90, 0, 40, 0 },
	{ "wbgt_c", -50, 0, 50, 0 },
	{ "pre_run_body_mass_kg", 20, 1, 350, 0 },
	{ "post_run_body_mass_kg", 20, 1, 350, 0 },
	{ "fluid_during_run_l", 0, 0, 20, 0 },
	{ "morning_body_mass_kg", 20, 1, 350, 0 },
	{ "urine_color", 1, 0, 8, 1 },
	{ "carb_intake_g_day", 0, 0, 2000, 0 },
	{ "bone_stress_injuries_2y", 0, 0, 50, 1 },
	{ "ferritin_ug_l", 0, 1, 10000, 0 },
	{ "hemoglobin_g_l", 20, 0, 260, 0 },
	{ "transferrin_saturation_pct", 0, 0, 100, 0 },
	{ "strength_sessions_per_week", 0, 0, 21, 1 },
	{ "warmup_min", 0, 0, 180, 0 },
	{ "cooldown_min", 0, 0, 180, 0 },
	{ "heaviness_days", 0, 0, 36500, 1 },
	{ "heaviness_severity", 0, 0, 10, 0 },
	{ "self_care_days", 0, 0, 36500, 1 },
};
#define NBOUNDS	(sizeof bounds / sizeof bounds[0])

static const char *const tris[] = {
	"overstriding_observed", "heat_acclimatized", "thirsty",
	"muscle_cramps", "electrolytes_on_long_runs", "carbs_during_long_runs",
	"restricting_food_intake", "heavy_menstrual_bleeding",
	"heavy_mainly_early_in_run", "performance_decline", "mood_low",
	"high_life_stress", "recent_illness_14d", "worsening",
	"interferes_daily_life", "post_exertional_malaise",
	"calf_swelling_one_side", "leg_warm_red_tender",
	"recent_travel_or_immobility", "vte_risk_factors", "leg_pain_at_rest",
	"numbness_tingling", "leg_weakness_or_foot_drop", "smoker_or_diabetes",
	"varicose_veins", "ankle_swelling_end_of_day", "dark_urine_after_run",
	"severe_muscle_pain_swelling", "chest_pain_or_breathlessness",
	"saddle_numbness_or_bladder_bowel_change", "confusion_or_collapse",
	"headache_nausea_vomiting", "exertional_palpitations_or_fainting",
	"fever_now", "focal_bone_pain", "statin_use", "beta_blocker_use",
	"diuretic_use", "pregnant_or_postpartum", "hormonal_contraception",
};
#define NTRIS	(sizeof tris / sizeof tris[0])

/* The name to set: a series by its first and last day. */
static void
element(char *buf, size_t cap, const char *name, int last)
{
	int d = hl__input_lookup(name, strlen(name));

	ck_assert_int_ge(d, 0);
	if (hl__input_defs[d].length == 1)
		snprintf(buf, cap, "%s", name);
	else
		snprintf(buf, cap, "%s[%d]", name, last ? 27 : 0);
}

/* Setting v through the name and through the struct give the same verdict. */
static void
expect(const char *name, double v, int want)
{
	hl_inputs in = fresh();
	hl_error err;
	int rc;

	memset(&err, 0, sizeof err);
	rc = hl_inputs_set(&in, name, v, &err);
	ck_assert_msg(rc == want, "set %s = %.17g: %d, want %d (%s)", name, v,
	    rc, want, err.message);
	if (rc == HL_EINPUT) {
		ck_assert_str_eq(err.name, name);
		ck_assert_int_eq(err.count, 1);
		ck_assert_int_eq(err.code, HL_EINPUT);
		ck_assert(strstr(err.message, name) != NULL);
	}
	/* the struct path */
	in = fresh();
	if (want != HL_OK) {
		char base[64];
		const char *br = strchr(name, '[');
		size_t len = br ? (size_t)(br - name) : strlen(name);
		int d, day = br ? atoi(br + 1) : 0;

		memcpy(base, name, len);
		base[len] = '\0';
		d = hl__input_lookup(base, len);
		slot_store(&in, hl__input_slot(d) + (size_t)day, v);
	} else
		ck_assert_int_eq(hl_inputs_set(&in, name, v, NULL), HL_OK);
	rc = check(&in, &err);
	ck_assert_msg(rc == want, "check %s = %.17g: %d, want %d (%s)", name,
	    v, rc, want, err.message);
	if (rc == HL_EINPUT) {
		ck_assert_str_eq(err.name, name);
		ck_assert_int_eq(err.count, 1);
	}
}

START_TEST(bounds_both_sides)
{
	const struct bound *b = &bounds[_i];
	char name[80];
	int last;

	for (last = 0; last < 2; last++) {
		element(name, sizeof name, b->name, last);
		if (b->count) {
			expect(name, b->lo, HL_OK);
			expect(name, b->lo - 1, HL_EINPUT);
			expect(name, b->hi, HL_OK);
			expect(name, b->hi + 1, HL_EINPUT);
			expect(name, b->lo + 0.5, HL_EINPUT); /* whole? */
			expect(name, b->hi - 0.25, HL_EINPUT);
			continue;
		}
		if (b->lo_bad) {
			expect(name, b->lo, HL_EINPUT);
			expect(name, nextafter(b->lo, INFINITY), HL_OK);
		} else {
			expect(name, b->lo, HL_OK);
			expect(name, nextafter(b->lo, -INFINITY), HL_EINPUT);
		}
		expect(name, b->hi, HL_OK);
		expect(name, nextafter(b->hi, INFINITY), HL_EINPUT);
		expect(name, (b->lo + b->hi) / 2, HL_OK);
		expect(name, b->lo - 1000, HL_EINPUT);
		expect(name, b->hi + 1000, HL_EINPUT);
	}
}
END_TEST

START_TEST(bounds_in_table)
{
	const struct bound *b = &bounds[_i];
	const struct hl__input_def *d;
	int i = hl__input_lookup(b->name, strlen(b->name));

	ck_assert_int_ge(i, 0);
	d = &hl__input_defs[i];
	ck_assert_int_eq(d->kind, b->count ? HL_KIND_COUNT : HL_KIND_NUMBER);
	ck_assert(d->min == b->lo);
	ck_assert_int_eq(d->min_exclusive, b->lo_bad);
	ck_assert(d->max == b->hi);
	ck_assert_int_eq(d->max_exclusive, 0);
}
END_TEST

/* Every input is a bounded number/count, a tri or an enum. */
START_TEST(every_input_checked)
{
	size_t i, j, found;

	for (i = 0; i < hl__input_ndefs; i++) {
		const struct hl__input_def *d = &hl__input_defs[i];

		found = 0;
		for (j = 0; j < NBOUNDS; j++)
			found += strcmp(bounds[j].name, d->name) == 0;
		for (j = 0; j < NTRIS; j++)
			if (strcmp(tris[j], d->name) == 0) {
				found++;
				ck_assert_int_eq(d->kind, HL_KIND_TRI);
			}
		if (d->kind == HL_KIND_ENUM)
			found++;
		ck_assert_msg(found == 1, "%s: covered %zu times", d->name,
		    found);
	}
}
END_TEST

START_TEST(tri_values)
{
	const char *n = tris[_i];

	expect(n, HL_NO, HL_OK);
	expect(n, HL_YES, HL_OK);
	expect(n, 0.5, HL_EINPUT);
	expect(n, 2, HL_EINPUT);
	expect(n, -1, HL_EINPUT);
	expect(n, nextafter(1, 2), HL_EINPUT);
	expect(n, -0.0, HL_OK);
}
END_TEST

START_TEST(enum_values)
{
	size_t i;
	int c;

	for (i = 0; i < hl__input_ndefs; i++) {
		const struct hl__input_def *d = &hl__input_defs[i];

		if (d->kind != HL_KIND_ENUM)
			continue;
		for (c = 0; c < d->enum_count; c++)
			expect(d->name, c, HL_OK);
		expect(d->name, d->enum_count, HL_EINPUT);
		expect(d->name, -1, HL_EINPUT);
		expect(d->name, 0.5, HL_EINPUT);
		expect(d->name, d->enum_count - 0.5, HL_EINPUT);
		expect(d->name, 1000, HL_EINPUT);
	}
}
END_TEST

START_TEST(infinities_and_nan)
{
	hl_inputs in = fresh();
	hl_error err;
	size_t i;
	int day, rc;
	char name[80];

	for (i = 0; i < hl__input_ndefs; i++) {
		for (day = 0; day < hl__input_defs[i].length; day++) {
			if (hl__input_defs[i].length == 1)
				snprintf(name, sizeof name, "%s",
				    hl__input_defs[i].name);
			else
				snprintf(name, sizeof name, "%s[%d]",
				    hl__input_defs[i].name, day);
			if (day == 0 || day == 27) {
				expect(name, INFINITY, HL_EINPUT);
				expect(name, -INFINITY, HL_EINPUT);
			}
			/* NaN sets unknown, over a known value too */
			ck_assert_int_eq(set(&in, name,
			    hl__input_defs[i].max), HL_OK);
			ck_assert_int_eq(set(&in, name, NAN), HL_OK);
			ck_assert(isnan(slot_value(&in,
			    hl__input_slot((int)i) + (size_t)day)));
			ck_assert_int_eq(set(&in, name, -NAN), HL_OK);
		}
	}
	rc = check(&in, &err);
	ck_assert_int_eq(rc, HL_OK);
	ck_assert_int_eq(err.code, 0);
	memset(&err, 0, sizeof err);
	ck_assert_int_eq(hl_inputs_set(&in, "age_years", INFINITY, &err),
	    HL_EINPUT);
	ck_assert_str_eq(err.message,
	    "invalid input: age_years inf is not a finite number");
}
END_TEST

START_TEST(messages)
{
	hl_inputs in = fresh();
	hl_error err;

	memset(&err, 0, sizeof err);
	ck_assert_int_eq(hl_inputs_set(&in, "age_years", 130, &err), HL_EINPUT);
	ck_assert_str_eq(err.message,
	    "invalid input: age_years 130 is above 120");
	ck_assert_int_eq(hl_inputs_set(&in, "body_mass_kg", 20, &err),
	    HL_EINPUT);
	ck_assert_str_eq(err.message,
	    "invalid input: body_mass_kg 20 is not above 20");
	ck_assert_str_eq(err.name, "body_mass_kg");
	ck_assert_int_eq(hl_inputs_set(&in, "daily_sleep_h[3]", -1, &err),
	    HL_EINPUT);
	ck_assert_str_eq(err.message,
	    "invalid input: daily_sleep_h[3] -1 is below 0");
	ck_assert_str_eq(err.name, "daily_sleep_h[3]");
	ck_assert_int_eq(hl_inputs_set(&in, "urine_color", 2.5, &err),
	    HL_EINPUT);
	ck_assert_str_eq(err.message,
	    "invalid input: urine_color 2.5 is not a whole number");
	ck_assert_int_eq(hl_inputs_set(&in, "thirsty", 2, &err), HL_EINPUT);
	ck_assert_str_eq(err.message,
	    "invalid input: thirsty 2 is not 0 (no) or 1 (yes)");
	ck_assert_int_eq(hl_inputs_set(&in, "skin_change", 3, &err),
	    HL_EINPUT);
	ck_assert_str_eq(err.message,
	    "invalid input: skin_change 3 is not a code from 0 to 2");
	/* a failed set leaves the field as it was */
	ck_assert(isnan(in.age_years));
	ck_assert(isnan(in.daily_sleep_h[3]));
	ck_assert_int_eq(set(&in, "age_years", 40), HL_OK);
	ck_assert_int_eq(set(&in, "age_years", 4), HL_EINPUT);
	ck_assert(in.age_years == 40);
}
END_TEST

START_TEST(cross_dew_point)
{
	hl_inputs in = fresh();
	hl_error err;

	/* set() does not check across fields: any order works */
	ck_assert_int_eq(set(&in, "dew_point_c", 25), HL_OK);
	ck_assert_int_eq(set(&in, "air_temp_c", 20), HL_OK);
	ck_assert_int_eq(check(&in, &err), HL_EINPUT);
	ck_assert_str_eq(err.name, "dew_point_c");
	ck_assert_int_eq(err.count, 1);
	ck_assert_str_eq(err.message,
	    "invalid input: dew_point_c 25 is above air_temp_c 20 + 0.5");
	in.dew_point_c = 20.5;			/* = T + 0.5: fine */
	ck_assert_int_eq(check(&in, &err), HL_OK);
	in.dew_point_c = nextafter(20.5, 21);
	ck_assert_int_eq(check(&in, &err), HL_EINPUT);
	in.air_temp_c = NAN;			/* unknown: no check */
	ck_assert_int_eq(check(&in, &err), HL_OK);
	in.air_temp_c = -95;		/* invalid itself: named alone */
	in.dew_point_c = 0;
	ck_assert_int_eq(check(&in, &err), HL_EINPUT);
	ck_assert_str_eq(err.name, "air_temp_c");
	ck_assert_int_eq(err.count, 1);
	in.air_temp_c = -10;
	in.dew_point_c = -11;
	ck_assert_int_eq(check(&in, &err), HL_OK);
}
END_TEST

START_TEST(cross_run_mass)
{
	hl_inputs in = fresh();
	hl_error err;

	in.pre_run_body_mass_kg = 70;
	in.post_run_body_mass_kg = 63;	/* |-7| = 10 % of 70: fine */
	ck_assert_int_eq(check(&in, &err), HL_OK);
	in.post_run_body_mass_kg = 62.9;	/* 7.1 > 7 */
	ck_assert_int_eq(check(&in, &err), HL_EINPUT);
	ck_assert_int_eq(err.count, 2);
	ck_assert_str_eq(err.name, "pre_run_body_mass_kg");
	/* each with its reason (the 10 % text must be reachable) */
	ck_assert_str_eq(err.message, "2 invalid inputs: "
	    "pre_run_body_mass_kg 70 differs from post_run_body_mass_kg 62.9 "
	    "by more than 10 %; post_run_body_mass_kg 62.9 differs from "
	    "pre_run_body_mass_kg 70 by more than 10 %");
	in.post_run_body_mass_kg = 77;		/* +7 = 10 %: fine */
	ck_assert_int_eq(check(&in, &err), HL_OK);
	in.post_run_body_mass_kg = 77.1;
	ck_assert_int_eq(check(&in, &err), HL_EINPUT);
	ck_assert_int_eq(err.count, 2);
	in.pre_run_body_mass_kg = NAN;
	ck_assert_int_eq(check(&in, &err), HL_OK);
	in.pre_run_body_mass_kg = 10;		/* invalid itself */
	ck_assert_int_eq(check(&in, &err), HL_EINPUT);
	ck_assert_int_eq(err.count, 1);
	ck_assert_str_eq(err.name, "pre_run_body_mass_kg");
}
END_TEST

START_TEST(cross_morning_mass)
{
	hl_inputs in = fresh();
	hl_error err;

	in.body_mass_kg = 70;
	in.morning_body_mass_kg = 80;		/* 10 <= 10.5 */
	ck_assert_int_eq(check(&in, &err), HL_OK);
	in.morning_body_mass_kg = 81;		/* 11 > 10.5 */
	ck_assert_int_eq(check(&in, &err), HL_EINPUT);
	ck_assert_int_eq(err.count, 1);
	ck_assert_str_eq(err.name, "morning_body_mass_kg");
	ck_assert_str_eq(err.message, "invalid input: morning_body_mass_kg 81 "
	    "differs from body_mass_kg 70 by more than 15 %");
	in.morning_body_mass_kg = 59;		/* -11 */
	ck_assert_int_eq(check(&in, &err), HL_EINPUT);
	ck_assert_str_eq(err.name, "morning_body_mass_kg");
	in.morning_body_mass_kg = 60;
	ck_assert_int_eq(check(&in, &err), HL_OK);
	in.body_mass_kg = NAN;
	in.morning_body_mass_kg = 300;
	ck_assert_int_eq(check(&in, &err), HL_OK);
}
END_TEST

START_TEST(every_error_listed)
{
	hl_inputs in = fresh();
	hl_error err;
	int d;

	in.age_years = 200;
	in.daily_sleep_h[3] = 25;
	in.air_temp_c = 10;
	in.dew_point_c = 12;
	in.pre_run_body_mass_kg = 80;
	in.post_run_body_mass_kg = 60;
	in.thirsty = 0.5;
	ck_assert_int_eq(check(&in, &err), HL_EINPUT);
	ck_assert_int_eq(err.code, HL_EINPUT);
	ck_assert_int_eq(err.count, 6);
	ck_assert_str_eq(err.name, "age_years");
	/* reasons as many as fit in the message, then "... and N more" */
	ck_assert_str_eq(err.message, "6 invalid inputs: age_years 200 is "
	    "above 120; daily_sleep_h[3] 25 is above 24; dew_point_c 12 is "
	    "above air_temp_c 10 + 0.5; pre_run_body_mass_kg 80 differs from "
	    "post_run_body_mass_kg 60 by more than 10 % ... and 2 more");
	/* and every one of them, with its reason, one by one */
	{
		static const char *const want[][2] = {
			{ "age_years", "invalid input: age_years 200 is above "
			    "120" },
			{ "daily_sleep_h[3]", "invalid input: daily_sleep_h[3] "
			    "25 is above 24" },
			{ "dew_point_c", "invalid input: dew_point_c 12 is "
			    "above air_temp_c 10 + 0.5" },
			{ "pre_run_body_mass_kg", "invalid input: "
			    "pre_run_body_mass_kg 80 differs from "
			    "post_run_body_mass_kg 60 by more than 10 %" },
			{ "post_run_body_mass_kg", "invalid input: "
			    "post_run_body_mass_kg 60 differs from "
			    "pre_run_body_mass_kg 80 by more than 10 %" },
			{ "thirsty", "invalid input: thirsty 0.5 is not 0 (no) "
			    "or 1 (yes)" },
		};
		hl_error p;
		size_t k;

		ck_assert_uint_eq(hl_inputs_problem_count(&in), 6);
		for (k = 0; k < 6; k++) {
			memset(&p, 0x5a, sizeof p);
			p.size = sizeof p;
			ck_assert_int_eq(hl_inputs_problem(&in, k, &p), HL_OK);
			ck_assert_int_eq(p.code, HL_EINPUT);
			ck_assert_int_eq(p.count, 1);
			ck_assert_int_eq(p.line, 0);
			ck_assert_str_eq(p.name, want[k][0]);
			ck_assert_str_eq(p.message, want[k][1]);
		}
		ck_assert_int_eq(hl_inputs_problem(&in, 6, &p), HL_EINVAL);
		ck_assert_int_eq(p.code, HL_EINVAL);
		ck_assert(strstr(p.message, "there are 6") != NULL);
		ck_assert_int_eq(hl_inputs_problem(&in, (size_t)-1, NULL),
		    HL_EINVAL);
	}

	/* too many to list: "... and N more", within the message */
	in = fresh();
	for (d = 0; d < HL_SERIES_DAYS; d++) {
		in.daily_distance_km[d] = -1;
		in.daily_hrv_rmssd_ms[d] = 0;
	}
	in.headache_nausea_vomiting = 7;
	ck_assert_int_eq(check(&in, &err), HL_EINPUT);
	ck_assert_int_eq(err.count, 57);
	ck_assert_str_eq(err.name, "daily_distance_km[0]");
	ck_assert_uint_lt(strlen(err.message), sizeof err.message);
	{
		const char *head = "57 invalid inputs: "
		    "daily_distance_km[0] -1 is below 0; "
		    "daily_distance_km[1] -1 is below 0; ";

		ck_assert(strncmp(err.message, head, strlen(head)) == 0);
	}
	ck_assert(strstr(err.message, "headache") == NULL);
	{
		const char *p = strstr(err.message, " ... and ");
		int listed = 1, more = 0;
		const char *q;

		ck_assert(p != NULL);
		for (q = err.message; q < p; q++)
			listed += *q == ';';
		ck_assert_int_eq(sscanf(p, " ... and %d more", &more), 1);
		ck_assert_int_eq(listed + more, 57);
		ck_assert_str_eq(strstr(p, " more"), " more");
	}

	/* every slot wrong at once */
	in = fresh();
	{
		size_t s;

		for (s = 0; s < HL__NINPUT_SLOTS; s++)
			slot_store(&in, s, INFINITY);
	}
	ck_assert_int_eq(check(&in, &err), HL_EINPUT);
	ck_assert_int_eq(err.count, (int)HL__NINPUT_SLOTS);
	ck_assert_str_eq(err.name, "age_years");
	ck_assert(strstr(err.message, " more") != NULL);
}
END_TEST

START_TEST(set_get_by_name)
{
	hl_inputs in = fresh();
	hl_error err;
	double v;
	size_t i;
	int day;
	char name[80];

	ck_assert_int_eq(set(&in, "daily_sleep_h[27]", 7.5), HL_OK);
	ck_assert(in.daily_sleep_h[27] == 7.5);
	ck_assert_int_eq(set(&in, "daily_sleep_h[0]", 6), HL_OK);
	ck_assert(in.daily_sleep_h[0] == 6);
	ck_assert_int_eq(set(&in, "daily_distance_km[9]", 0), HL_OK);
	ck_assert(in.daily_distance_km[9] == 0);
	ck_assert_int_eq(set(&in, "sex", HL_SEX_MALE), HL_OK);
	ck_assert(in.sex == HL_SEX_MALE);
	ck_assert_int_eq(set(&in, "headache_nausea_vomiting", HL_YES), HL_OK);
	ck_assert(in.headache_nausea_vomiting == HL_YES);
	memset(&err, 0x55, sizeof err);
	err.size = 0;
	ck_assert_int_eq(hl_inputs_get(&in, "daily_sleep_h[27]", &v, &err),
	    HL_OK);
	ck_assert(v == 7.5);
	ck_assert_int_eq(err.code, 0);
	ck_assert_str_eq(err.message, "");
	ck_assert_int_eq(hl_inputs_get(&in, "age_years", &v, NULL), HL_OK);
	ck_assert(isnan(v));

	/* every slot by name, a distinct value each */
	in = fresh();
	for (i = 0; i < hl__input_ndefs; i++)
		for (day = 0; day < hl__input_defs[i].length; day++) {
			const struct hl__input_def *d = &hl__input_defs[i];
			double x = d->kind == HL_KIND_NUMBER ?
			    d->max - day * 0.25 : d->max;

			if (d->length == 1)
				snprintf(name, sizeof name, "%s", d->name);
			else
				snprintf(name, sizeof name, "%s[%d]", d->name,
				    day);
			ck_assert_int_eq(set(&in, name, x), HL_OK);
			ck_assert(slot_value(&in,
			    hl__input_slot((int)i) + (size_t)day) == x);
			ck_assert_int_eq(hl_inputs_get(&in, name, &v, NULL),
			    HL_OK);
			ck_assert(v == x);
		}
	ck_assert(in.headache_nausea_vomiting == 1);
	ck_assert(in.daily_sleep_h[27] == 24 - 27 * 0.25);
	ck_assert_uint_eq(in.size, sizeof in);
	ck_assert_uint_eq(in.reserved0, 0);
}
END_TEST

static const struct {
	const char *name;
	int want;
} bad_names[] = {
	{ "daily_sleep_h[28]", HL_EINVAL },
	{ "daily_sleep_h[100]", HL_EINVAL },
	{ "daily_sleep_h[99999999999999999999]", HL_EINVAL },
	{ "daily_sleep_h[", HL_EINVAL },
	{ "daily_sleep_h[]", HL_EINVAL },
	{ "daily_sleep_h[1", HL_EINVAL },
	{ "daily_sleep_h[-1]", HL_EINVAL },
	{ "daily_sleep_h[+1]", HL_EINVAL },
	{ "daily_sleep_h[01]", HL_EINVAL },
	{ "daily_sleep_h[ 1]", HL_EINVAL },
	{ "daily_sleep_h[1]x", HL_EINVAL },
	{ "daily_sleep_h[1][2]", HL_EINVAL },
	{ "daily_sleep_h", HL_EINVAL },	/* a series needs a day */
	{ "age_years[1]", HL_EINVAL },		/* a scalar takes none */
	{ "age_years[0]", HL_EINVAL },
	{ "", HL_EINVAL },
	{ "Age_years", HL_EINVAL },
	{ "age years", HL_EINVAL },
	{ "1age", HL_EINVAL },
	{ "_age", HL_EINVAL },
	{ "age_years ", HL_EINVAL },
	{ "wekly_km", HL_EUNSUPPORTED },	/* well formed, unknown */
	{ "wekly_km[3]", HL_EUNSUPPORTED },
	{ "wekly_km[28]", HL_EINVAL },
	{ "acwr", HL_EUNSUPPORTED },		/* a metric, not an input */
	{ "age_yearsx", HL_EUNSUPPORTED },
	{ "age_year", HL_EUNSUPPORTED },
};

START_TEST(bad_name)
{
	hl_inputs in = fresh(), before;
	hl_error err;
	double v = 1;

	before = in;
	memset(&err, 0, sizeof err);
	ck_assert_int_eq(hl_inputs_set(&in, bad_names[_i].name, 5, &err),
	    bad_names[_i].want);
	ck_assert_int_eq(err.code, bad_names[_i].want);
	ck_assert_int_eq(err.count, 1);
	ck_assert(strncmp(err.name, bad_names[_i].name,
	    sizeof err.name - 1) == 0);
	ck_assert(err.message[0] != '\0');
	ck_assert(memcmp(&in, &before, sizeof in) == 0);
	ck_assert_int_eq(hl_inputs_get(&in, bad_names[_i].name, &v, &err),
	    bad_names[_i].want);
	ck_assert(isnan(v));
	ck_assert_int_eq(hl_inputs_set(&in, bad_names[_i].name, 5, NULL),
	    bad_names[_i].want);
}
END_TEST

START_TEST(null_arguments)
{
	hl_inputs in = fresh();
	hl_error err;
	double v;

	memset(&err, 0, sizeof err);
	ck_assert_int_eq(hl_inputs_set(NULL, "age_years", 30, &err), HL_EINVAL);
	ck_assert_int_eq(err.code, HL_EINVAL);
	ck_assert_int_eq(hl_inputs_set(&in, NULL, 30, &err), HL_EINVAL);
	ck_assert_int_eq(hl_inputs_get(NULL, "age_years", &v, &err),
	    HL_EINVAL);
	ck_assert_int_eq(hl_inputs_get(&in, NULL, &v, &err), HL_EINVAL);
	ck_assert_int_eq(hl_inputs_get(&in, "age_years", NULL, &err),
	    HL_EINVAL);
	ck_assert_int_eq(hl_inputs_check(NULL, &err), HL_EINVAL);
	ck_assert_int_eq(hl_inputs_check(NULL, NULL), HL_EINVAL);
	ck_assert_int_eq(hl__inputs_import(&in, NULL, NULL), HL_EINVAL);
	hl_inputs_init(NULL, sizeof in);	/* nothing happens */
}
END_TEST

START_TEST(init_and_initializer)
{
	hl_inputs a = HL_INPUTS_INIT, b;
	size_t s;
	struct {
		hl_inputs in;
		double	 extra[3];
	} big;
	unsigned char raw[16];

	memset(&b, 0x5a, sizeof b);
	hl_inputs_init(&b, sizeof b);
	ck_assert(memcmp(&a, &b, sizeof a) == 0);
	ck_assert_uint_eq(b.size, HL_INPUTS_SIZE_V1_1);
	ck_assert_uint_eq(b.reserved0, 0);
	for (s = 0; s < HL__NINPUT_SLOTS; s++)
		ck_assert(isnan(slot_value(&b, s)));

	/* a newer caller's extra fields are set unknown too */
	memset(&big, 0, sizeof big);
	hl_inputs_init(&big.in, sizeof big);
	ck_assert_uint_eq(big.in.size, sizeof big);
	ck_assert(isnan(big.extra[0]) && isnan(big.extra[1]) &&
	    isnan(big.extra[2]));
	ck_assert(isnan(big.in.headache_nausea_vomiting));

	/* too small: nothing is written */
	memset(raw, 0x11, sizeof raw);
	hl_inputs_init((hl_inputs *)(void *)raw, 7);
	for (s = 0; s < sizeof raw; s++)
		ck_assert_uint_eq(raw[s], 0x11);
	/* size 12: the header, and no whole slot */
	hl_inputs_init((hl_inputs *)(void *)raw, 12);
	{
		uint32_t hdr[2];

		memcpy(hdr, raw, sizeof hdr);
		ck_assert_uint_eq(hdr[0], 12);
		ck_assert_uint_eq(hdr[1], 0);
	}
	for (s = 8; s < sizeof raw; s++)
		ck_assert_uint_eq(raw[s], 0x11);
	/* size 16: the header and one slot */
	hl_inputs_init((hl_inputs *)(void *)raw, 16);
	{
		double x;

		memcpy(&x, raw + 8, 8);
		ck_assert(isnan(x));
	}
}
END_TEST

START_TEST(struct_sizes)
{
	hl_inputs in = fresh(), full;
	hl_error err;
	double v;
	struct {
		hl_inputs in;
		double	 extra[4];
	} big;

	in.age_years = 40;
	/* shorter than version 1 */
	in.size = HL_INPUTS_SIZE_V1 - 8;
	ck_assert_int_eq(check(&in, &err), HL_EINVAL);
	ck_assert_int_eq(err.code, HL_EINVAL);
	ck_assert_int_eq(hl_inputs_set(&in, "age_years", 30, &err), HL_EINVAL);
	ck_assert_int_eq(hl_inputs_get(&in, "age_years", &v, &err), HL_EINVAL);
	ck_assert_int_eq(hl_inputs_derive(&in, "acwr", &v, &err), HL_EINVAL);
	in.size = 0;
	ck_assert_int_eq(check(&in, &err), HL_EINVAL);
	/* not a multiple of 8 */
	in.size = HL_INPUTS_SIZE_V1 + 4;
	ck_assert_int_eq(check(&in, &err), HL_EINVAL);
	ck_assert_int_eq(hl_inputs_set(&in, "age_years", 30, &err), HL_EINVAL);
	in.size = HL_INPUTS_SIZE_V1;
	ck_assert_int_eq(check(&in, &err), HL_OK);

	/* longer, every extra slot unknown: fine */
	hl_inputs_init(&big.in, sizeof big);
	big.in.age_years = 40;
	ck_assert_int_eq(check(&big.in, &err), HL_OK);
	ck_assert_int_eq(hl_inputs_set(&big.in, "age_years", 41, &err), HL_OK);
	ck_assert_int_eq(hl__inputs_import(&big.in, &full, &err), HL_OK);
	ck_assert_uint_eq(full.size, sizeof full);
	ck_assert(full.age_years == 41);
	ck_assert_int_eq(hl_inputs_derive(&big.in, "pad_risk", &v, &err),
	    HL_OK);
	ck_assert(v == 0);
	/* reserved0 is ignored */
	big.in.reserved0 = 99;
	ck_assert_int_eq(check(&big.in, &err), HL_OK);

	/* a newer field this library does not know is set */
	big.extra[2] = 0;
	ck_assert_int_eq(check(&big.in, &err), HL_EUNSUPPORTED);
	ck_assert_int_eq(err.code, HL_EUNSUPPORTED);
	ck_assert_str_eq(err.name, "offset 1944");
	ck_assert_int_eq(hl_inputs_derive(&big.in, "pad_risk", &v, &err),
	    HL_EUNSUPPORTED);
	ck_assert(isnan(v));
	big.extra[0] = 1;
	ck_assert_int_eq(check(&big.in, &err), HL_EUNSUPPORTED);
	ck_assert_str_eq(err.name, "offset 1928");
	/* by name, known fields still work */
	ck_assert_int_eq(hl_inputs_get(&big.in, "age_years", &v, &err), HL_OK);
	ck_assert(v == 41);
}
END_TEST

START_TEST(error_cleared)
{
	hl_inputs in = fresh();
	hl_error err;

	memset(&err, 0, sizeof err);
	ck_assert_int_eq(hl_inputs_set(&in, "age_years", 400, &err),
	    HL_EINPUT);
	ck_assert_int_eq(hl_inputs_set(&in, "age_years", 40, &err), HL_OK);
	ck_assert_int_eq(err.code, 0);
	ck_assert_str_eq(err.name, "");
	in.age_years = 400;
	ck_assert_int_eq(check(&in, &err), HL_EINPUT);
	in.age_years = 40;
	ck_assert_int_eq(hl_inputs_check(&in, &err), HL_OK);
	ck_assert_int_eq(err.code, 0);
	/* the first error wins inside validate */
	in.age_years = 400;
	memset(&err, 0, sizeof err);
	ck_assert_int_eq(hl__inputs_validate(&in, &err, NULL, NULL),
	    HL_EINPUT);
	in.age_years = 40;
	in.sex = 5;
	ck_assert_int_eq(hl__inputs_validate(&in, &err, NULL, NULL),
	    HL_EINPUT);
	ck_assert_str_eq(err.name, "age_years");
}
END_TEST

START_TEST(describe_every_input)
{
	hl_input_info info;
	size_t i, n = hl_input_count();
	const struct hl__input_def *d;
	int c;

	for (i = 0; i < n; i++) {
		d = &hl__input_defs[i];
		memset(&info, 0x77, sizeof info);
		info.size = (uint32_t)(i % 2 ? sizeof info : 0);
		ck_assert_int_eq(hl_input_describe(i, &info), HL_OK);
		ck_assert_str_eq(info.name, d->name);
		ck_assert_ptr_nonnull(info.unit);
		ck_assert_ptr_nonnull(info.description);
		ck_assert_uint_gt(strlen(info.description), 5);
		ck_assert(strchr(info.description, '\n') == NULL);
		ck_assert_int_eq(info.kind, d->kind);
		ck_assert_int_eq(info.length, d->length);
		ck_assert_int_eq(info.cost, d->cost);
		ck_assert_uint_eq(info.offset, d->offset);
		ck_assert(info.min == d->min && info.max == d->max);
		ck_assert(!isnan(info.min) && !isnan(info.max));
		ck_assert_int_eq(info.min_exclusive, d->min_exclusive);
		ck_assert_int_eq(info.max_exclusive, 0);
		ck_assert_int_eq(info.reserved0, 0);
		ck_assert(isnan(info.plausible_min) == isnan(d->plausible_min));
		ck_assert(isnan(info.plausible_max) == isnan(d->plausible_max));
		if (!isnan(d->plausible_min))
			ck_assert(info.plausible_min == d->plausible_min &&
			    info.plausible_max == d->plausible_max &&
			    info.plausible_min >= info.min &&
			    info.plausible_max <= info.max);
		switch (info.kind) {
		case HL_KIND_TRI:
			ck_assert(info.min == 0 && info.max == 1);
			ck_assert(isnan(info.plausible_min));
			ck_assert_str_eq(info.unit, "");
			break;
		case HL_KIND_ENUM:
			ck_assert(info.min == 0 &&
			    info.max == info.enum_count - 1);
			ck_assert_int_ge(info.enum_count, 2);
			for (c = 0; c < info.enum_count; c++)
				ck_assert_ptr_nonnull(info.enum_names[c]);
			break;
		case HL_KIND_COUNT:
			ck_assert(info.min >= 0 && info.min == floor(info.min));
			break;
		case HL_KIND_NUMBER:
			break;
		default:
			ck_abort_msg("bad kind");
		}
		if (info.kind != HL_KIND_ENUM) {
			ck_assert_int_eq(info.enum_count, 0);
			ck_assert_ptr_null(info.enum_names);
		}
	}
	/* the weather and the lab units */
	ck_assert_int_eq(hl_input_describe((size_t)hl__input_lookup(
	    "air_temp_c", 10), &info), HL_OK);
	ck_assert_str_eq(info.unit, "\302\260C");
	ck_assert_int_eq(hl_input_describe((size_t)hl__input_lookup(
	    "daily_distance_km", 17), &info), HL_OK);
	ck_assert_int_eq(info.length, 28);
	ck_assert_str_eq(info.unit, "km");
	ck_assert(info.plausible_min == 0 && info.plausible_max == 100);
	ck_assert_int_eq(hl_input_describe((size_t)hl__input_lookup(
	    "morning_body_mass_kg", 20), &info), HL_OK);
	ck_assert(isnan(info.plausible_min) && isnan(info.plausible_max));
	ck_assert_int_eq(hl_input_describe((size_t)hl__input_lookup(
	    "urine_color", 11), &info), HL_OK);
	ck_assert_int_eq(info.kind, HL_KIND_COUNT);
	ck_assert(info.min == 1 && info.max == 8);

	/* bad calls */
	ck_assert_int_eq(hl_input_describe(n, &info), HL_EINVAL);
	ck_assert_int_eq(hl_input_describe((size_t)-1, &info), HL_EINVAL);
	ck_assert_int_eq(hl_input_describe(0, NULL), HL_EINVAL);
	info.size = 4;
	ck_assert_int_eq(hl_input_describe(0, &info), HL_EINVAL);
	info.size = sizeof info - 8;
	ck_assert_int_eq(hl_input_describe(0, &info), HL_EINVAL);
	{
		/* a newer, longer record: our part filled, the rest kept */
		struct {
			hl_input_info info;
			double	 later;
		} big;

		memset(&big, 0, sizeof big);
		big.info.size = sizeof big;
		big.later = 42;
		ck_assert_int_eq(hl_input_describe(0, &big.info), HL_OK);
		ck_assert_str_eq(big.info.name, "age_years");
		ck_assert(big.later == 42);
		ck_assert_uint_eq(big.info.size, sizeof big);
	}
}
END_TEST

/* hl_inputs_problem_count / hl_inputs_problem: every problem, one by one. */
START_TEST(problem_list)
{
	hl_inputs in = fresh();
	hl_error p = { 0 };
	size_t k, n;

	/* no problem at all */
	ck_assert_uint_eq(hl_inputs_problem_count(&in), 0);
	ck_assert_int_eq(hl_inputs_problem(&in, 0, &p), HL_EINVAL);
	/* unknowns are never problems */
	in.age_years = NAN;
	ck_assert_uint_eq(hl_inputs_problem_count(&in), 0);

	/* a series element names its day; cross-field rules each field */
	in.daily_distance_km[27] = 301;
	in.body_mass_kg = 70;
	in.morning_body_mass_kg = 90;
	ck_assert_uint_eq(hl_inputs_problem_count(&in), 2);
	ck_assert_int_eq(hl_inputs_problem(&in, 0, &p), HL_OK);
	ck_assert_str_eq(p.name, "daily_distance_km[27]");
	ck_assert_str_eq(p.message,
	    "invalid input: daily_distance_km[27] 301 is above 300");
	ck_assert_int_eq(hl_inputs_problem(&in, 1, &p), HL_OK);
	ck_assert_str_eq(p.name, "morning_body_mass_kg");
	ck_assert_str_eq(p.message, "invalid input: morning_body_mass_kg 90 "
	    "differs from body_mass_kg 70 by more than 15 %");

	/* the count agrees with hl_inputs_check's, always */
	for (k = 0; k < HL__NINPUT_SLOTS; k++)
		slot_store(&in, k, INFINITY);
	n = hl_inputs_problem_count(&in);
	ck_assert_uint_eq(n, HL__NINPUT_SLOTS);
	ck_assert_int_eq(check(&in, &p), HL_EINPUT);
	ck_assert_uint_eq((size_t)p.count, n);
	for (k = 0; k < n; k++) {
		ck_assert_int_eq(hl_inputs_problem(&in, k, &p), HL_OK);
		ck_assert(strstr(p.message, "is not a finite number") != NULL);
	}

	/* a struct of the wrong size has one problem: that one */
	in = fresh();
	in.size = 12;
	ck_assert_uint_eq(hl_inputs_problem_count(&in), 1);
	ck_assert_int_eq(hl_inputs_problem(&in, 0, &p), HL_OK);
	ck_assert_int_eq(p.code, HL_EINVAL);
	ck_assert(strstr(p.message, "size 12") != NULL);
	ck_assert_int_eq(hl_inputs_problem(&in, 1, &p), HL_EINVAL);
	ck_assert_uint_eq(hl_inputs_problem_count(NULL), 1);
	ck_assert_int_eq(hl_inputs_problem(NULL, 0, &p), HL_OK);
	ck_assert_int_eq(p.code, HL_EINVAL);

	/* a 1.0 caller's struct: its fields are checked, the rest unknown */
	in = fresh();
	in.size = HL_INPUTS_SIZE_V1;
	in.thirsty = 2;
	ck_assert_uint_eq(hl_inputs_problem_count(&in), 1);
	ck_assert_int_eq(hl_inputs_problem(&in, 0, &p), HL_OK);
	ck_assert_str_eq(p.name, "thirsty");
}
END_TEST

/* A male runner's menstrual answer: accepted, ignored, warned about. */
START_TEST(male_menstrual_warning)
{
	hl_inputs in = fresh();
	struct hl__warning w[HL__MAX_WARNINGS];
	hl_inputs full;
	hl_error err = { 0 };
	char buf[160];
	size_t nw, k;
	int found = 0;

	in.sex = HL_SEX_MALE;
	in.menstrual_status = HL_MENSES_ABSENT_3MO_PLUS;
	ck_assert_int_eq(hl__inputs_import(&in, &full, &err), HL_OK);
	ck_assert(hl__menses_ignored(&full));
	ck_assert_int_eq(hl__inputs_validate(&full, &err, w, &nw), HL_OK);
	for (k = 0; k < nw; k++)
		if (w[k].rule == HL__W_MENSES_MALE) {
			found++;
			ck_assert_int_gt(hl__warning_text(&w[k], &full, buf,
			    sizeof buf), 0);
			ck_assert_str_eq(buf, "menstrual_status absent_3mo_plus "
			    "is ignored: sex is male");
		}
	ck_assert_int_eq(found, 1);
	/* not_applicable, a female or unknown sex: no warning */
	in.menstrual_status = HL_MENSES_NOT_APPLICABLE;
	ck_assert_int_eq(hl__inputs_import(&in, &full, &err), HL_OK);
	ck_assert(!hl__menses_ignored(&full));
	in.menstrual_status = HL_MENSES_REGULAR;
	in.sex = HL_SEX_FEMALE;
	ck_assert_int_eq(hl__inputs_import(&in, &full, &err), HL_OK);
	ck_assert(!hl__menses_ignored(&full));
	in.sex = NAN;
	ck_assert_int_eq(hl__inputs_import(&in, &full, &err), HL_OK);
	ck_assert(!hl__menses_ignored(&full));
}
END_TEST

START_TEST(derived_names)
{
	static const char *const names[] = {
		"acute_km", "chronic_km_wk", "acwr", "wow_change_pct",
		"session_spike_pct", "monotony", "strain", "rest_days_7d",
		"rhr_delta_bpm", "hrv_low", "sleep_7d_h", "rh_pct",
		"heat_index_f", "hi_extrapolated", "body_mass_change_pct",
		"mass_gained", "sweat_rate_l_h", "wut_count", "carb_g_kg",
		"training_h_day", "carb_band_lo", "hb_cutoff_g_l", "anaemia",
		"pad_risk",
		/* since 1.1, appended */
		"srpe_acwr", "load_ratio", "heat_index_c",
	};
	size_t i;

	ck_assert_uint_eq(hl_derived_count(), sizeof names / sizeof names[0]);
	ck_assert_uint_eq(hl_derived_count(), HL__M_COUNT);
	for (i = 0; i < hl_derived_count(); i++) {
		ck_assert_str_eq(hl_derived_name(i), names[i]);
		ck_assert_int_eq(hl__metric_lookup(names[i], strlen(names[i])),
		    (int)i);
		/* no metric shares a name with an input */
		ck_assert_int_eq(hl__input_lookup(names[i], strlen(names[i])),
		    -1);
	}
	ck_assert_ptr_null(hl_derived_name(hl_derived_count()));
	ck_assert_int_eq(hl__metric_lookup("acwrx", 5), -1);
	ck_assert_int_eq(hl__metric_lookup("acwrx", 4), HL__M_ACWR);
	ck_assert_int_eq(hl__metric_lookup(NULL, 0), -1);
	ck_assert_int_eq(hl__metric_lookup("age_years", 9), -1);
}
END_TEST

/* The warning of slot s, if any. */
static const struct hl__warning *
find_warning(const struct hl__warning *w, size_t n, const char *name,
    int day, int rule)
{
	int d = hl__input_lookup(name, strlen(name));
	size_t i;

	for (i = 0; i < n; i++)
		if (w[i].input == d && w[i].day == day && w[i].rule == rule)
			return &w[i];
	return NULL;
}

/* A warning's text fits buf; the return value is its length. */
static void
text_ok(const struct hl__warning *w, const hl_inputs *in, char *buf,
    size_t cap)
{
	int n;

	n = hl__warning_text(w, in, buf, cap);
	ck_assert_int_ge(n, 0);
	ck_assert_uint_lt((size_t)n, cap);
	ck_assert_uint_eq((size_t)n, strlen(buf));
}

START_TEST(warnings)
{
	hl_inputs in = fresh();
	struct hl__warning w[HL__MAX_WARNINGS];
	hl_error err;
	size_t n;
	char buf[160];
	const struct hl__warning *x;

	n = 99;
	ck_assert_int_eq(hl__inputs_validate(&in, NULL, w, &n), HL_OK);
	ck_assert_uint_eq(n, 0);

	in.age_years = 100;			/* valid, beyond 12-95 */
	in.daily_sleep_h[5] = 2;		/* beyond 3-12 */
	in.daily_sleep_h[6] = 3;		/* at the edge: no warning */
	in.air_temp_c = -35;
	in.bone_stress_injuries_2y = 6;
	in.body_mass_kg = 70;
	in.morning_body_mass_kg = 74;		/* 4 > 3.5: > 5 % */
	in.relative_humidity_pct = 0;		/* below 1 */
	in.urine_color = 8;			/* plausible 1-8 */
	in.heaviness_severity = 10;		/* no plausible range */
	memset(&err, 0, sizeof err);
	ck_assert_int_eq(hl__inputs_validate(&in, &err, w, &n), HL_OK);
	ck_assert_int_eq(err.code, 0);
	ck_assert_uint_eq(n, 6);
	ck_assert_ptr_nonnull(find_warning(w, n, "age_years", 0,
	    HL__W_PLAUSIBLE));
	ck_assert_ptr_nonnull(find_warning(w, n, "air_temp_c", 0,
	    HL__W_PLAUSIBLE));
	ck_assert_ptr_nonnull(find_warning(w, n, "relative_humidity_pct", 0,
	    HL__W_PLAUSIBLE));
	ck_assert_ptr_nonnull(find_warning(w, n, "bone_stress_injuries_2y", 0,
	    HL__W_PLAUSIBLE));
	x = find_warning(w, n, "daily_sleep_h", 5, HL__W_PLAUSIBLE);
	ck_assert_ptr_nonnull(x);
	text_ok(x, &in, buf, sizeof buf);
	ck_assert_str_eq(buf,
	    "daily_sleep_h[5] 2 is outside the usual range 3 to 12");
	x = find_warning(w, n, "age_years", 0, HL__W_PLAUSIBLE);
	text_ok(x, &in, buf, sizeof buf);
	ck_assert_str_eq(buf, "age_years 100 is outside the usual range "
	    "12 to 95");
	x = find_warning(w, n, "air_temp_c", 0, HL__W_PLAUSIBLE);
	text_ok(x, &in, buf, sizeof buf);
	ck_assert_str_eq(buf, "air_temp_c -35 is outside the usual range "
	    "-30 to 45");
	x = find_warning(w, n, "morning_body_mass_kg", 0, HL__W_MORNING_MASS);
	ck_assert_ptr_nonnull(x);
	text_ok(x, &in, buf, sizeof buf);
	ck_assert_str_eq(buf, "morning_body_mass_kg 74 differs from "
	    "body_mass_kg 70 by more than 5 %");
	/* truncated, still terminated; the return value is the full length */
	ck_assert_int_eq(hl__warning_text(x, &in, buf, 10), (int)strlen(
	    "morning_body_mass_kg 74 differs from body_mass_kg 70 by more "
	    "than 5 %"));
	ck_assert_str_eq(buf, "morning_b");
	ck_assert_int_eq(hl__warning_text(x, &in, NULL, 0), 69);
	ck_assert_int_eq(hl__warning_text(NULL, &in, buf, sizeof buf),
	    HL_EINVAL);
	{
		struct hl__warning bad = *x;

		bad.rule = 7;
		ck_assert_int_eq(hl__warning_text(&bad, &in, buf, sizeof buf),
		    HL_EINVAL);
		bad.rule = HL__W_PLAUSIBLE;
		bad.day = 1;		/* a scalar has day 0 only */
		ck_assert_int_eq(hl__warning_text(&bad, &in, buf, sizeof buf),
		    HL_EINVAL);
		bad.day = 0;
		bad.input = (uint16_t)hl__input_ndefs;
		ck_assert_int_eq(hl__warning_text(&bad, &in, buf, sizeof buf),
		    HL_EINVAL);
	}

	/* at 5 % exactly: no warning; unknown usual mass: none */
	in = fresh();
	in.body_mass_kg = 70;
	in.morning_body_mass_kg = 73.5;
	ck_assert_int_eq(hl__inputs_validate(&in, NULL, w, &n), HL_OK);
	ck_assert_uint_eq(n, 0);
	in.morning_body_mass_kg = 66;		/* -4: warning */
	ck_assert_int_eq(hl__inputs_validate(&in, NULL, w, &n), HL_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_uint_eq(w[0].rule, HL__W_MORNING_MASS);
	in.body_mass_kg = NAN;
	ck_assert_int_eq(hl__inputs_validate(&in, NULL, w, &n), HL_OK);
	ck_assert_uint_eq(n, 0);
	/* no warning array: only the count */
	in.age_years = 99;
	ck_assert_int_eq(hl__inputs_validate(&in, NULL, NULL, &n), HL_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(hl__inputs_validate(&in, NULL, NULL, NULL), HL_OK);

	/* every slot implausible at once: fits HL__MAX_WARNINGS */
	{
		size_t i;
		int day;

		in = fresh();
		for (i = 0; i < hl__input_ndefs; i++) {
			const struct hl__input_def *d = &hl__input_defs[i];

			for (day = 0; day < d->length; day++)
				if (!isnan(d->plausible_max) &&
				    d->plausible_max < d->max)
					slot_store(&in, hl__input_slot((int)i) +
					    (size_t)day, d->max);
		}
		in.body_mass_kg = 300;
		in.morning_body_mass_kg = 330;
		ck_assert_int_eq(hl__inputs_validate(&in, NULL, w, &n),
		    HL_OK);
		ck_assert_uint_le(n, HL__MAX_WARNINGS);
		ck_assert_uint_gt(n, 150);
		for (i = 0; i < n; i++)
			text_ok(&w[i], &in, buf, sizeof buf);
	}
}
END_TEST

static Suite *
suite_inputs(void)
{
	Suite *s = suite_create("inputs");
	TCase *tc;

	tc = tcase_create("vocabulary");
	tcase_add_test(tc, table_covers_struct);
	tcase_add_test(tc, lookups);
	tcase_add_test(tc, enum_codes);
	tcase_add_test(tc, costs);
	tcase_add_test(tc, every_input_checked);
	tcase_add_loop_test(tc, bounds_in_table, 0, NBOUNDS);
	tcase_add_test(tc, describe_every_input);
	tcase_add_test(tc, derived_names);
	tcase_add_test(tc, problem_list);
	tcase_add_test(tc, male_menstrual_warning);
	suite_add_tcase(s, tc);

	tc = tcase_create("validation");
	tcase_add_loop_test(tc, bounds_both_sides, 0, NBOUNDS);
	tcase_add_loop_test(tc, tri_values, 0, NTRIS);
	tcase_add_test(tc, enum_values);
	tcase_add_test(tc, infinities_and_nan);
	tcase_add_test(tc, messages);
	tcase_add_test(tc, cross_dew_point);
	tcase_add_test(tc, cross_run_mass);
	tcase_add_test(tc, cross_morning_mass);
	tcase_add_test(tc, every_error_listed);
	tcase_add_test(tc, error_cleared);
	tcase_add_test(tc, warnings);
	suite_add_tcase(s, tc);

	tc = tcase_create("access");
	tcase_add_test(tc, set_get_by_name);
	tcase_add_loop_test(tc, bad_name, 0,
	    sizeof bad_names / sizeof bad_names[0]);
	tcase_add_test(tc, null_arguments);
	tcase_add_test(tc, init_and_initializer);
	tcase_add_test(tc, struct_sizes);
	suite_add_tcase(s, tc);
	return s;
}

HL_CHECK_MAIN(suite_inputs)
