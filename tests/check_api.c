/* SPDX-License-Identifier: MIT */
/* check_api.c - version, status texts, hl_error handling and the public layout pin. */
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "check_main.h"
#include "heavylegs.h"
#include "alloc.h"
#include "error.h"

/*
 * The layout pin: offset and size of every public field, as version 1.0
 * shipped them.  A failing line here is an ABI break: public structs only
 * ever grow at the end.  Checked at compile time, and at run time against
 * the vocabulary hl_input_describe() reports.
 */
#define PIN(type, field, off, size)					\
	typedef char pin_##type##_##field[				\
	    (offsetof(type, field) == (off) &&				\
	    sizeof(((type *)0)->field) == (size)) ? 1 : -1]
#define ASSERT_STATIC(name, cond)	typedef char name[(cond) ? 1 : -1]

#define HL_INPUTS_FIELDS(X) \
	X(size, 0, 4) \
	X(reserved0, 4, 4) \
	X(age_years, 8, 8) \
	X(sex, 16, 8) \
	X(body_mass_kg, 24, 8) \
	X(daily_distance_km, 32, 224) \
	X(daily_duration_min, 256, 224) \
	X(daily_session_rpe, 480, 224) \
	X(daily_resting_hr_bpm, 704, 224) \
	X(daily_hrv_rmssd_ms, 928, 224) \
	X(daily_sleep_h, 1152, 224) \
	X(cadence_spm, 1376, 8) \
	X(cadence_baseline_spm, 1384, 8) \
	X(overstriding_observed, 1392, 8) \
	X(last_run_duration_min, 1400, 8) \
	X(air_temp_c, 1408, 8) \
	X(relative_humidity_pct, 1416, 8) \
	X(dew_point_c, 1424, 8) \
	X(wbgt_c, 1432, 8) \
	X(heat_acclimatized, 1440, 8) \
	X(pre_run_body_mass_kg, 1448, 8) \
	X(post_run_body_mass_kg, 1456, 8) \
	X(fluid_during_run_l, 1464, 8) \
	X(morning_body_mass_kg, 1472, 8) \
	X(urine_color, 1480, 8) \
	X(thirsty, 1488, 8) \
	X(muscle_cramps, 1496, 8) \
	X(electrolytes_on_long_runs, 1504, 8) \
	X(carb_intake_g_day, 1512, 8) \
	X(carbs_during_long_runs, 1520, 8) \
	X(diet_pattern, 1528, 8) \
	X(menstrual_status, 1536, 8) \
	X(restricting_food_intake, 1544, 8) \
	X(heavy_menstrual_bleeding, 1552, 8) \
	X(bone_stress_injuries_2y, 1560, 8) \
	X(ferritin_ug_l, 1568, 8) \
	X(hemoglobin_g_l, 1576, 8) \
	X(transferrin_saturation_pct, 1584, 8) \
	X(strength_sessions_per_week, 1592, 8) \
	X(warmup_min, 1600, 8) \
	X(cooldown_min, 1608, 8) \
	X(heavy_mainly_early_in_run, 1616, 8) \
	X(performance_decline, 1624, 8) \
	X(mood_low, 1632, 8) \
	X(high_life_stress, 1640, 8) \
	X(recent_illness_14d, 1648, 8) \
	X(heaviness_days, 1656, 8) \
	X(heaviness_onset, 1664, 8) \
	X(heaviness_severity, 1672, 8) \
	X(heaviness_side, 1680, 8) \
	X(self_care_days, 1688, 8) \
	X(worsening, 1696, 8) \
	X(interferes_daily_life, 1704, 8) \
	X(post_exertional_malaise, 1712, 8) \
	X(calf_swelling_one_side, 1720, 8) \
	X(leg_warm_red_tender, 1728, 8) \
	X(recent_travel_or_immobility, 1736, 8) \
	X(vte_risk_factors, 1744, 8) \
	X(leg_pain_at_rest, 1752, 8) \
	X(numbness_tingling, 1760, 8) \
	X(leg_weakness_or_foot_drop, 1768, 8) \
	X(smoker_or_diabetes, 1776, 8) \
	X(varicose_veins, 1784, 8) \
	X(ankle_swelling_end_of_day, 1792, 8) \
	X(exertional_pain_pattern, 1800, 8) \
	X(skin_change, 1808, 8) \
	X(dark_urine_after_run, 1816, 8) \
	X(severe_muscle_pain_swelling, 1824, 8) \
	X(chest_pain_or_breathlessness, 1832, 8) \
	X(saddle_numbness_or_bladder_bowel_change, 1840, 8) \
	X(confusion_or_collapse, 1848, 8) \
	X(headache_nausea_vomiting, 1856, 8) \
	/* since 1.1 */ \
	X(exertional_palpitations_or_fainting, 1864, 8) \
	X(fever_now, 1872, 8) \
	X(focal_bone_pain, 1880, 8) \
	X(statin_use, 1888, 8) \
	X(beta_blocker_use, 1896, 8) \
	X(diuretic_use, 1904, 8) \
	X(pregnant_or_postpartum, 1912, 8) \
	X(hormonal_contraception, 1920, 8) \
	/* end */

#define HL_ERROR_FIELDS(X) \
	X(size, 0, 4) \
	X(code, 4, 4) \
	X(line, 8, 4) \
	X(column, 12, 4) \
	X(count, 16, 4) \
	X(file, 20, 256) \
	X(rule, 276, 64) \
	X(name, 340, 64) \
	X(message, 404, 256) \
	/* end */

/* hl_input_info holds pointers and a size_t: pinned for LP64. */
#define HL_INPUT_INFO_FIELDS_LP64(X) \
	X(size, 0, 4) \
	X(kind, 4, 4) \
	X(length, 8, 4) \
	X(cost, 12, 4) \
	X(name, 16, 8) \
	X(unit, 24, 8) \
	X(description, 32, 8) \
	X(min, 40, 8) \
	X(max, 48, 8) \
	X(min_exclusive, 56, 4) \
	X(max_exclusive, 60, 4) \
	X(plausible_min, 64, 8) \
	X(plausible_max, 72, 8) \
	X(offset, 80, 8) \
	X(enum_count, 88, 4) \
	X(reserved0, 92, 4) \
	X(enum_names, 96, 8) \
	/* end */

#define PIN_INPUTS(f, off, size)	PIN(hl_inputs, f, off, size);
#define PIN_ERROR(f, off, size)		PIN(hl_error, f, off, size);
#define PIN_INFO(f, off, size)		PIN(hl_input_info, f, off, size);
HL_INPUTS_FIELDS(PIN_INPUTS)
HL_ERROR_FIELDS(PIN_ERROR)
ASSERT_STATIC(pin_sizeof_hl_inputs, sizeof(hl_inputs) == 1928);
ASSERT_STATIC(pin_hl_inputs_size_v1, HL_INPUTS_SIZE_V1 == 1864);
ASSERT_STATIC(pin_hl_inputs_size_v1_1, HL_INPUTS_SIZE_V1_1 == 1928);
ASSERT_STATIC(pin_sizeof_hl_error, sizeof(hl_error) == 660);
#if UINTPTR_MAX == UINT64_MAX && SIZE_MAX == UINT64_MAX
HL_INPUT_INFO_FIELDS_LP64(PIN_INFO)
ASSERT_STATIC(pin_sizeof_hl_input_info, sizeof(hl_input_info) == 104);
#endif

/* The same table at run time, to compare with the vocabulary. */
struct field {
	const char *name;
	size_t	 offset;
	size_t	 size;
};
#define ROW(f, off, size)	{ #f, off, size },
static const struct field inputs_fields[] = { HL_INPUTS_FIELDS(ROW) };
#define NFIELDS	(sizeof(inputs_fields) / sizeof(inputs_fields[0]))

static void
teardown(void)
{
	hl__alloc_fail_after(-1);
}

/* ---- version and status codes ---- */

START_TEST(version_matches_header)
{
	char	 buf[64];

	ck_assert_str_eq(hl_version(), HL_VERSION_STRING);
	snprintf(buf, sizeof(buf), "%d.%d.%d", HL_VERSION_MAJOR,
	    HL_VERSION_MINOR, HL_VERSION_PATCH);
	ck_assert_str_eq(hl_version(), buf);
	ck_assert_uint_eq(hl_version_number(), HL_VERSION_NUMBER);
	ck_assert_uint_eq(hl_version_number(), (uint32_t)(HL_VERSION_MAJOR *
	    10000 + HL_VERSION_MINOR * 100 + HL_VERSION_PATCH));
}
END_TEST

START_TEST(strerror_every_code)
{
	static const int codes[] = { HL_OK, HL_ENOMEM, HL_EINVAL, HL_EIO,
	    HL_ESYNTAX, HL_ESCHEMA, HL_EUNSUPPORTED, HL_EINPUT, HL_ERANGE };
	const size_t n = sizeof(codes) / sizeof(codes[0]);
	size_t	 i, j;

	/* The codes themselves never change. */
	ck_assert_int_eq(HL_OK, 0);
	ck_assert_int_eq(HL_ENOMEM, -1);
	ck_assert_int_eq(HL_EINVAL, -2);
	ck_assert_int_eq(HL_EIO, -3);
	ck_assert_int_eq(HL_ESYNTAX, -4);
	ck_assert_int_eq(HL_ESCHEMA, -5);
	ck_assert_int_eq(HL_EUNSUPPORTED, -6);
	ck_assert_int_eq(HL_EINPUT, -7);
	ck_assert_int_eq(HL_ERANGE, -8);
	for (i = 0; i < n; i++) {
		ck_assert_ptr_nonnull(hl_strerror(codes[i]));
		ck_assert_int_gt((int)strlen(hl_strerror(codes[i])), 0);
		ck_assert_str_ne(hl_strerror(codes[i]), "unknown error");
		for (j = 0; j < i; j++)
			ck_assert_str_ne(hl_strerror(codes[i]),
			    hl_strerror(codes[j]));
	}
}
END_TEST

START_TEST(strerror_unknown)
{
	ck_assert_str_eq(hl_strerror(1), "unknown error");
	ck_assert_str_eq(hl_strerror(-9), "unknown error");
	ck_assert_str_eq(hl_strerror(-1000), "unknown error");
	ck_assert_str_eq(hl_strerror(INT_MIN), "unknown error");
	ck_assert_str_eq(hl_strerror(INT_MAX), "unknown error");
}
END_TEST

/* ---- hl_error ---- */

START_TEST(error_null)
{
	hl__error_clear(NULL);
	ck_assert_int_eq(hl__error_set(NULL, HL_EINVAL, "f", 1, 2, "r", "n",
	    "x %d", 1), HL_EINVAL);
	ck_assert_int_eq(hl__error_isset(NULL), 0);
}
END_TEST

START_TEST(error_size_zero_is_v1)
{
	hl_error e;

	memset(&e, 0, sizeof(e));
	ck_assert_int_eq(hl__error_isset(&e), 0);
	ck_assert_int_eq(hl__error_set(&e, HL_ESCHEMA, "heavylegs.yaml", 12, 7,
	    "load_spike", "wekly_km", "unknown input '%s'", "wekly_km"),
	    HL_ESCHEMA);
	ck_assert_uint_eq(e.size, 0);
	ck_assert_int_eq(e.code, HL_ESCHEMA);
	ck_assert_int_eq(e.line, 12);
	ck_assert_int_eq(e.column, 7);
	ck_assert_int_eq(e.count, 1);
	ck_assert_str_eq(e.file, "heavylegs.yaml");
	ck_assert_str_eq(e.rule, "load_spike");
	ck_assert_str_eq(e.name, "wekly_km");
	ck_assert_str_eq(e.message,
	    "heavylegs.yaml:12:7: rule load_spike: unknown input 'wekly_km'");
	ck_assert_int_ne(hl__error_isset(&e), 0);
}
END_TEST

START_TEST(error_size_exact_and_newer)
{
	struct {
		hl_error e;
		unsigned char tail[40];	/* a newer caller's fields */
	} w;
	unsigned char want[40];

	memset(&w, 0, sizeof(w));
	w.e.size = sizeof(hl_error);
	hl__error_set(&w.e, HL_EIO, "x.yaml", 0, 0, NULL, NULL, "cannot read");
	ck_assert_uint_eq(w.e.size, sizeof(hl_error));
	ck_assert_int_eq(w.e.code, HL_EIO);
	ck_assert_str_eq(w.e.message, "x.yaml: cannot read");

	memset(&w, 0, sizeof(w));
	memset(w.tail, 0x5a, sizeof(w.tail));
	memcpy(want, w.tail, sizeof(want));
	w.e.size = sizeof(w);
	hl__error_set(&w.e, HL_EIO, "x.yaml", 0, 0, NULL, NULL, "cannot read");
	ck_assert_uint_eq(w.e.size, sizeof(w));
	ck_assert_int_eq(w.e.code, HL_EIO);
	ck_assert_str_eq(w.e.message, "x.yaml: cannot read");
	hl__error_clear(&w.e);
	ck_assert_uint_eq(w.e.size, sizeof(w));
	ck_assert_int_eq(w.e.code, 0);
	ck_assert_int_eq(memcmp(w.tail, want, sizeof(want)), 0);
}
END_TEST

/* A nonzero size smaller than ours is not an hl_error: never written. */
static const uint32_t small_sizes[] = { 1, 4, 8, 100, sizeof(hl_error) - 1 };

START_TEST(error_size_too_small_untouched)
{
	hl_error e, want;

	memset(&e, 0xa5, sizeof(e));
	e.size = small_sizes[_i];
	e.code = HL_EIO;
	memcpy(&want, &e, sizeof(e));
	ck_assert_int_eq(hl__error_set(&e, HL_EINVAL, "f", 1, 1, "r", "n",
	    "text"), HL_EINVAL);
	ck_assert_int_eq(memcmp(&e, &want, sizeof(e)), 0);
	hl__error_clear(&e);
	ck_assert_int_eq(memcmp(&e, &want, sizeof(e)), 0);
	ck_assert_int_eq(hl__error_isset(&e), 0);
}
END_TEST

START_TEST(error_first_wins)
{
	hl_error e;

	memset(&e, 0, sizeof(e));
	ck_assert_int_eq(hl__error_set(&e, HL_ESYNTAX, "a.yaml", 3, 4, NULL,
	    NULL, "first"), HL_ESYNTAX);
	ck_assert_int_eq(hl__error_set(&e, HL_ESCHEMA, "b.yaml", 5, 6, "r",
	    "n", "second"), HL_ESCHEMA);
	ck_assert_int_eq(e.code, HL_ESYNTAX);
	ck_assert_int_eq(e.line, 3);
	ck_assert_int_eq(e.column, 4);
	ck_assert_str_eq(e.file, "a.yaml");
	ck_assert_str_eq(e.rule, "");
	ck_assert_str_eq(e.name, "");
	ck_assert_str_eq(e.message, "a.yaml:3:4: first");

	hl__error_clear(&e);
	ck_assert_int_eq(hl__error_isset(&e), 0);
	ck_assert_int_eq(e.code, 0);
	ck_assert_int_eq(e.line, 0);
	ck_assert_int_eq(e.column, 0);
	ck_assert_int_eq(e.count, 0);
	ck_assert_str_eq(e.file, "");
	ck_assert_str_eq(e.message, "");
	hl__error_set(&e, HL_ESCHEMA, "b.yaml", 5, 6, "r", "n", "second");
	ck_assert_str_eq(e.message, "b.yaml:5:6: rule r: second");
}
END_TEST

/* Message formats: the absent parts are left out. */
static const struct {
	const char *file;
	int	 line, column;
	const char *rule;
	const char *want;
	int	 want_line, want_column;
} formats[] = {
	{ "heavylegs.yaml", 12, 7, "load_spike",
	    "heavylegs.yaml:12:7: rule load_spike: text", 12, 7 },
	{ "heavylegs.yaml", 12, 0, NULL, "heavylegs.yaml:12: text", 12, 0 },
	{ "heavylegs.yaml", 0, 5, NULL, "heavylegs.yaml: text", 0, 0 },
	{ "heavylegs.yaml", 0, 0, "r1", "heavylegs.yaml: rule r1: text", 0, 0 },
	{ "", 3, 4, NULL, "3:4: text", 3, 4 },
	{ NULL, 0, 0, "r1", "rule r1: text", 0, 0 },
	{ NULL, 0, 0, "", "text", 0, 0 },
	{ NULL, -1, -1, NULL, "text", 0, 0 },
};

START_TEST(error_message_format)
{
	hl_error e;

	memset(&e, 0, sizeof(e));
	hl__error_set(&e, HL_ESCHEMA, formats[_i].file, formats[_i].line,
	    formats[_i].column, formats[_i].rule, NULL, "%s", "text");
	ck_assert_str_eq(e.message, formats[_i].want);
	ck_assert_int_eq(e.line, formats[_i].want_line);
	ck_assert_int_eq(e.column, formats[_i].want_column);
	ck_assert_int_eq(e.count, 1);
	ck_assert_str_eq(e.file, formats[_i].file ? formats[_i].file : "");
	ck_assert_str_eq(e.rule, formats[_i].rule ? formats[_i].rule : "");
}
END_TEST

START_TEST(error_truncation)
{
	hl_error e;
	char	 big[1000];

	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';

	memset(&e, 0, sizeof(e));
	hl__error_set(&e, HL_ESCHEMA, "f.yaml", 1, 2, "r", NULL, "%s", big);
	ck_assert_uint_eq(strlen(e.message), sizeof(e.message) - 1);
	ck_assert_int_eq(strncmp(e.message, "f.yaml:1:2: rule r: xxx", 23), 0);

	memset(&e, 0, sizeof(e));
	hl__error_set(&e, HL_ESCHEMA, big, 1, 1, big, big, "text");
	ck_assert_uint_eq(strlen(e.file), sizeof(e.file) - 1);
	ck_assert_uint_eq(strlen(e.rule), sizeof(e.rule) - 1);
	ck_assert_uint_eq(strlen(e.name), sizeof(e.name) - 1);
	ck_assert_uint_eq(strlen(e.message), sizeof(e.message) - 1);
	ck_assert_int_eq(e.code, HL_ESCHEMA);
}
END_TEST

/* Cut text never ends inside a UTF-8 sequence. */
START_TEST(error_truncation_utf8)
{
	hl_error e;
	char	 s[801];
	size_t	 i, n;

	for (i = 0; i + 2 <= sizeof(s) - 1; i += 2) {
		s[i] = (char)0xc3;	/* U+00E9 */
		s[i + 1] = (char)0xa9;
	}
	s[i] = '\0';

	memset(&e, 0, sizeof(e));
	hl__error_set(&e, HL_ESCHEMA, NULL, 0, 0, NULL, NULL, "%s", s);
	n = strlen(e.message);
	ck_assert_uint_eq(n, sizeof(e.message) - 2);	/* 127 characters */
	ck_assert_int_eq((unsigned char)e.message[n - 1], 0xa9);

	memset(&e, 0, sizeof(e));
	hl__error_set(&e, HL_ESCHEMA, NULL, 0, 0, "ab", NULL, "%s", s);
	n = strlen(e.message);
	ck_assert_uint_eq(n, sizeof(e.message) - 1);	/* "rule ab: " is odd */

	memset(&e, 0, sizeof(e));
	hl__error_set(&e, HL_ESCHEMA, s, 0, 0, NULL, s, "text");
	ck_assert_uint_eq(strlen(e.file), sizeof(e.file) - 2);
	ck_assert_uint_eq(strlen(e.name), sizeof(e.name) - 2);
	ck_assert_int_eq((unsigned char)e.file[strlen(e.file) - 1], 0xa9);
}
END_TEST

/* Every public function clears err on entry and respects its size. */
START_TEST(error_public_calls)
{
	hl_inputs in = HL_INPUTS_INIT;
	hl_error e, want;

	memset(&e, 0, sizeof(e));
	e.code = HL_EIO;
	e.line = 9;
	strcpy(e.message, "stale");
	ck_assert_int_eq(hl_inputs_check(&in, &e), HL_OK);
	ck_assert_int_eq(e.code, 0);
	ck_assert_int_eq(e.line, 0);
	ck_assert_str_eq(e.message, "");

	ck_assert_int_eq(hl_inputs_set(&in, "age_years", NAN, NULL), HL_OK);
	ck_assert_int_eq(hl_inputs_set(&in, "no_such_input", 1.0, &e),
	    HL_EUNSUPPORTED);
	ck_assert_int_eq(e.code, HL_EUNSUPPORTED);
	ck_assert_str_eq(e.name, "no_such_input");
	ck_assert_int_eq(e.count, 1);

	memset(&e, 0xa5, sizeof(e));
	e.size = 8;
	memcpy(&want, &e, sizeof(e));
	ck_assert_int_eq(hl_inputs_set(&in, "no_such_input", 1.0, &e),
	    HL_EUNSUPPORTED);
	ck_assert_int_eq(memcmp(&e, &want, sizeof(e)), 0);
}
END_TEST

/* ---- allocation hook (test builds) ---- */

START_TEST(alloc_fail_after)
{
	void	*p[4];
	char	*s;

	hl__alloc_fail_after(0);
	ck_assert_ptr_null(hl__malloc(1));
	ck_assert_int_eq(hl__alloc_count(), 1);

	hl__alloc_fail_after(2);
	p[0] = hl__malloc(8);
	p[1] = hl__calloc(2, 8);
	p[2] = hl__realloc(NULL, 8);
	p[3] = hl__strndup("abc", 3);
	ck_assert_ptr_nonnull(p[0]);
	ck_assert_ptr_nonnull(p[1]);
	ck_assert_ptr_null(p[2]);
	ck_assert_ptr_null(p[3]);
	ck_assert_int_eq(hl__alloc_count(), 4);
	hl__free(p[0]);
	hl__free(p[1]);

	hl__alloc_fail_after(-1);
	s = hl__strndup("abcdef", 3);
	ck_assert_str_eq(s, "abc");
	hl__free(s);
	s = hl__strndup("ab", 10);
	ck_assert_str_eq(s, "ab");
	hl__free(s);
	p[0] = hl__malloc(0);
	p[1] = hl__calloc(0, 0);
	p[2] = hl__realloc(NULL, 0);
	ck_assert_ptr_nonnull(p[0]);
	ck_assert_ptr_nonnull(p[1]);
	ck_assert_ptr_nonnull(p[2]);
	ck_assert_int_eq(hl__alloc_count(), 5);
	hl__free(p[0]);
	hl__free(p[1]);
	hl__free(p[2]);
	hl__free(NULL);
}
END_TEST

/* Every allocation failure while loading and assessing is HL_ENOMEM. */
START_TEST(alloc_failures_reported)
{
	static const char doc[] =
	    "heavylegs: 1\n"
	    "name: tiny\n"
	    "causes:\n"
	    "  - id: c1\n"
	    "    title: A cause\n"
	    "    evidence:\n"
	    "      - { when: acwr >= 1.5, weight: 0.5, explain: \"acwr {acwr:.1f}\" }\n";
	hl_rulebase *rb;
	hl_report *rep;
	hl_inputs in = HL_INPUTS_INIT;
	hl_error e;
	long	 n;
	int	 rc;

	for (n = 0; ; n++) {
		memset(&e, 0, sizeof(e));
		rb = NULL;
		rep = NULL;
		hl__alloc_fail_after(n);
		rc = hl_rulebase_load_buffer(doc, sizeof(doc) - 1, "tiny", &rb,
		    &e);
		if (rc == HL_OK)
			rc = hl_assess(rb, &in, &rep, &e);
		hl__alloc_fail_after(-1);
		hl_report_free(rep);
		hl_rulebase_free(rb);
		if (rc == HL_OK)
			break;
		ck_assert_msg(rc == HL_ENOMEM, "failing allocation %ld: %d %s",
		    n, rc, e.message);
		ck_assert_int_eq(e.code, HL_ENOMEM);
		ck_assert_int_lt(n, 10000);
	}
	ck_assert_int_gt(n, 0);
}
END_TEST

/* ---- the layout pin and HL_INPUTS_INIT ---- */

START_TEST(layout_sizes)
{
	ck_assert_uint_eq(sizeof(hl_inputs), HL_INPUTS_SIZE_V1_1);
	ck_assert_uint_eq(HL_INPUTS_SIZE_V1, 1864);
	ck_assert_uint_eq(HL_INPUTS_SIZE_V1_1, 1928);
	ck_assert_uint_eq(sizeof(hl_error), 660);
	ck_assert_uint_eq(sizeof(double), 8);
	/* The table covers the struct without gaps. */
	ck_assert_uint_eq(inputs_fields[NFIELDS - 1].offset +
	    inputs_fields[NFIELDS - 1].size, sizeof(hl_inputs));
}
END_TEST

/* The vocabulary names exactly the fields of the struct, at their offsets. */
START_TEST(layout_matches_vocabulary)
{
	hl_input_info info;
	size_t	 i, j, found[NFIELDS];

	memset(found, 0, sizeof(found));
	for (i = 0; i < hl_input_count(); i++) {
		memset(&info, 0, sizeof(info));
		info.size = sizeof(info);
		ck_assert_int_eq(hl_input_describe(i, &info), HL_OK);
		ck_assert_ptr_nonnull(info.name);
		for (j = 2; j < NFIELDS; j++)
			if (strcmp(inputs_fields[j].name, info.name) == 0)
				break;
		ck_assert_msg(j < NFIELDS, "input %s is not a field of the struct",
		    info.name);
		ck_assert_uint_eq(info.offset, inputs_fields[j].offset);
		ck_assert_uint_eq((size_t)info.length * sizeof(double),
		    inputs_fields[j].size);
		found[j]++;
	}
	for (j = 2; j < NFIELDS; j++)
		ck_assert_msg(found[j] == 1, "field %s described %zu times",
		    inputs_fields[j].name, found[j]);
}
END_TEST

static const hl_inputs static_init = HL_INPUTS_INIT;

START_TEST(inputs_init_macro_equals_function)
{
	hl_inputs a = HL_INPUTS_INIT, b;
	const unsigned char *p;
	size_t	 off;
	double	 d;

	memset(&b, 0x55, sizeof(b));
	hl_inputs_init(&b, sizeof(b));
	/* Byte for byte, NaN bit patterns included. */
	ck_assert_int_eq(memcmp(&a, &b, sizeof(a)), 0);
	ck_assert_int_eq(memcmp(&static_init, &b, sizeof(b)), 0);
	ck_assert_uint_eq(a.size, sizeof(hl_inputs));
	ck_assert_uint_eq(a.reserved0, 0);
	p = (const unsigned char *)&a;
	for (off = 8; off < sizeof(a); off += 8) {
		memcpy(&d, p + off, sizeof(d));
		ck_assert_msg(isnan(d), "slot at offset %zu is not NaN", off);
	}
}
END_TEST

START_TEST(inputs_init_sizes)
{
	struct {
		hl_inputs in;
		double	 extra[3];	/* a newer caller's fields */
	} w;
	hl_inputs a, want;

	hl_inputs_init(NULL, sizeof(a));

	memset(&a, 0x55, sizeof(a));
	memcpy(&want, &a, sizeof(a));
	hl_inputs_init(&a, 4);
	ck_assert_int_eq(memcmp(&a, &want, sizeof(a)), 0);

	hl_inputs_init(&a, 16);		/* size, reserved0, age_years */
	ck_assert_uint_eq(a.size, 16);
	ck_assert_uint_eq(a.reserved0, 0);
	ck_assert(isnan(a.age_years));
	ck_assert_int_eq(memcmp(&a.sex, &want.sex, sizeof(a) - 16), 0);

	memset(&w, 0, sizeof(w));
	hl_inputs_init(&w.in, sizeof(w));
	ck_assert_uint_eq(w.in.size, sizeof(w));
	ck_assert(isnan(w.in.headache_nausea_vomiting));
	ck_assert(isnan(w.extra[0]));
	ck_assert(isnan(w.extra[2]));
}
END_TEST

static Suite *
suite_api(void)
{
	Suite	*s;
	TCase	*tc;

	s = suite_create("api");

	tc = tcase_create("version");
	tcase_add_test(tc, version_matches_header);
	tcase_add_test(tc, strerror_every_code);
	tcase_add_test(tc, strerror_unknown);
	suite_add_tcase(s, tc);

	tc = tcase_create("error");
	tcase_add_test(tc, error_null);
	tcase_add_test(tc, error_size_zero_is_v1);
	tcase_add_test(tc, error_size_exact_and_newer);
	tcase_add_loop_test(tc, error_size_too_small_untouched, 0,
	    sizeof(small_sizes) / sizeof(small_sizes[0]));
	tcase_add_test(tc, error_first_wins);
	tcase_add_loop_test(tc, error_message_format, 0,
	    sizeof(formats) / sizeof(formats[0]));
	tcase_add_test(tc, error_truncation);
	tcase_add_test(tc, error_truncation_utf8);
	tcase_add_test(tc, error_public_calls);
	suite_add_tcase(s, tc);

	tc = tcase_create("alloc");
	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_add_test(tc, alloc_fail_after);
	tcase_add_test(tc, alloc_failures_reported);
	tcase_set_timeout(tc, 30);
	suite_add_tcase(s, tc);

	tc = tcase_create("layout");
	tcase_add_test(tc, layout_sizes);
	tcase_add_test(tc, layout_matches_vocabulary);
	tcase_add_test(tc, inputs_init_macro_equals_function);
	tcase_add_test(tc, inputs_init_sizes);
	suite_add_tcase(s, tc);

	return s;
}

HL_CHECK_MAIN(suite_api)
