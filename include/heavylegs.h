/* SPDX-License-Identifier: MIT */
/*
 * heavylegs.h - the public interface of libheavylegs.
 *
 * libheavylegs answers one question for the programs that embed it: "this
 * runner's legs feel heavy: why, what should they do, and is anything here a
 * reason to see a doctor?"  It reads a struct of runner inputs, evaluates a
 * rulebase of causes, strategies and red flags, and returns a ranked, scored,
 * explained report.  It informs; it does not diagnose.
 *
 * ABI promise (soname libheavylegs.so.1):
 *  - handles (hl_rulebase, hl_report, hl_finding) are opaque;
 *  - public structs start with a size member and only ever grow at the end;
 *  - constants are #defines whose values are never reused;
 *  - this header holds only constants, initialisers and prototypes.
 */
#ifndef HEAVYLEGS_H
#define HEAVYLEGS_H

#include <math.h>	/* NAN, for HL_INPUTS_INIT */
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32) && defined(HL_BUILDING_LIBRARY)
#define HL_API __declspec(dllexport)
#elif defined(__GNUC__) && __GNUC__ >= 4
#define HL_API __attribute__((visibility("default")))
#else
#define HL_API
#endif

/* Version of this header; hl_version()/hl_version_number() give the library's. */
#define HL_VERSION_MAJOR	1
#define HL_VERSION_MINOR	1
#define HL_VERSION_PATCH	0
#define HL_VERSION_STRING	"1.1.0"
#define HL_VERSION_NUMBER	\
	(HL_VERSION_MAJOR * 10000 + HL_VERSION_MINOR * 100 + HL_VERSION_PATCH)

/* Status codes: 0 or negative; values are never reused. */
#define HL_OK		 0
#define HL_ENOMEM	-1	/* allocation failed */
#define HL_EINVAL	-2	/* bad argument (NULL, bad size) */
#define HL_EIO		-3	/* file could not be read */
#define HL_ESYNTAX	-4	/* YAML or expression syntax */
#define HL_ESCHEMA	-5	/* any other rulebase error: key, type, id, name, range */
#define HL_EUNSUPPORTED	-6	/* a newer caller's field or format this library lacks */
#define HL_EINPUT	-7	/* an input value out of bounds or inconsistent */
#define HL_ERANGE	-8	/* caller's buffer too small */

/* Yes/no inputs are doubles too: HL_NO, HL_YES, or NaN for unknown. */
#define HL_NO	0.0
#define HL_YES	1.0

/* Days in every daily series; index 0 is today, i is i days ago. */
#define HL_SERIES_DAYS	28

/* Input kinds (hl_input_info.kind). */
#define HL_KIND_NUMBER	0	/* finite real */
#define HL_KIND_COUNT	1	/* integer >= 0 */
#define HL_KIND_TRI	2	/* HL_NO or HL_YES */
#define HL_KIND_ENUM	3	/* integer code 0..enum_count-1, in listed order */

/* Codes of the enum inputs, in the order hl_input_describe() lists them. */
#define HL_SEX_FEMALE			0
#define HL_SEX_MALE			1
#define HL_DIET_OMNIVORE		0
#define HL_DIET_VEGETARIAN		1
#define HL_DIET_VEGAN			2
#define HL_MENSES_REGULAR		0
#define HL_MENSES_IRREGULAR		1
#define HL_MENSES_ABSENT_3MO_PLUS	2
#define HL_MENSES_NOT_APPLICABLE	3
#define HL_ONSET_GRADUAL		0
#define HL_ONSET_SUDDEN			1
#define HL_SIDE_BOTH			0
#define HL_SIDE_ONE			1
#define HL_PAIN_NONE			0
#define HL_PAIN_EASES_ON_STOPPING	1
#define HL_PAIN_EASES_ONLY_SITTING_OR_BENDING 2
#define HL_SKIN_NONE			0
#define HL_SKIN_BROWN_OR_ECZEMA		1
#define HL_SKIN_PALE_BLUE_COLD		2

/* Finding kinds (hl_finding_kind). */
#define HL_FINDING_RED_FLAG	1
#define HL_FINDING_CAUSE	2
#define HL_FINDING_STRATEGY	3

/* Triage urgencies (hl_report_triage, hl_finding_urgency). */
#define HL_URGENCY_NONE		0
#define HL_URGENCY_DISCUSS	1	/* discuss_with_doctor: routine */
#define HL_URGENCY_SOON		2	/* see_doctor_soon: within days */
#define HL_URGENCY_URGENT	3	/* urgent_care_now: same day */
#define HL_URGENCY_EMERGENCY	4	/* emergency: call the emergency number */

/* Evidence states (hl_finding_evidence_state). */
#define HL_STATE_NOT_FIRED	0
#define HL_STATE_FIRED		1
#define HL_STATE_UNKNOWN	2

/*
 * Errors.  Caller-owned; every function that takes one clears it on entry and
 * fills it on failure (the first error wins).  All-zero is a valid, empty
 * version-1 error: size 0 is read as sizeof(hl_error) of version 1.
 */
typedef struct hl_error {
	uint32_t size;		/* 0 or sizeof(hl_error); later versions append */
	int32_t	 code;		/* HL_E* */
	int32_t	 line;		/* 1-based; 0 when there is no position */
	int32_t	 column;	/* 1-based, bytes */
	int32_t	 count;		/* number of bad inputs (HL_EINPUT); 1 otherwise */
	char	 file[256];	/* rulebase file or buffer name */
	char	 rule[64];	/* id of the rule being read, if any */
	char	 name[64];	/* offending key, input ("daily_sleep_h[3]") or name */
	char	 message[256];	/* "heavylegs.yaml:12:7: rule load_spike: ..." */
} hl_error;

/*
 * Runner inputs.  Every field is a double; NaN means unknown.  Yes/no answers
 * are HL_NO/HL_YES, enums are their HL_* codes.  Initialise with
 * HL_INPUTS_INIT or hl_inputs_init(): all unknown (0 is a real value).
 * Fields are only ever appended; never reorder, resize or remove.
 */
typedef struct hl_inputs {
	uint32_t size;		/* sizeof(hl_inputs) as the caller compiled it */
	uint32_t reserved0;	/* keeps every field in an 8-byte slot; 0 */

	/* the runner */
	double age_years;
	double sex;				/* HL_SEX_* */
	double body_mass_kg;			/* usual */

	/* daily series, index 0 = today (including today's run) */
	double daily_distance_km[HL_SERIES_DAYS];	/* 0 = rest day */
	double daily_duration_min[HL_SERIES_DAYS];
	double daily_session_rpe[HL_SERIES_DAYS];	/* CR-10 */
	double daily_resting_hr_bpm[HL_SERIES_DAYS];
	double daily_hrv_rmssd_ms[HL_SERIES_DAYS];
	double daily_sleep_h[HL_SERIES_DAYS];

	/* form */
	double cadence_spm;			/* steps/min at easy pace, now */
	double cadence_baseline_spm;		/* the same, usually */
	double overstriding_observed;		/* yes/no */

	/* the run that felt heavy, and its weather */
	double last_run_duration_min;
	double air_temp_c;
	double relative_humidity_pct;
	double dew_point_c;			/* used only when humidity is unknown */
	double wbgt_c;				/* measured only */
	double heat_acclimatized;		/* yes/no */

	/* hydration */
	double pre_run_body_mass_kg;
	double post_run_body_mass_kg;
	double fluid_during_run_l;
	double morning_body_mass_kg;		/* first-morning, today */
	double urine_color;			/* Armstrong chart, 1-8 */
	double thirsty;				/* yes/no */
	double muscle_cramps;			/* yes/no */
	double electrolytes_on_long_runs;	/* yes/no */

	/* fuel and energy */
	double carb_intake_g_day;
	double carbs_during_long_runs;		/* yes/no */
	double diet_pattern;			/* HL_DIET_* */
	double menstrual_status;		/* HL_MENSES_* */
	double restricting_food_intake;		/* yes/no */
	double heavy_menstrual_bleeding;	/* yes/no */
	double bone_stress_injuries_2y;		/* count */

	/* blood tests */
	double ferritin_ug_l;
	double hemoglobin_g_l;			/* g/L: g/dL x 10 */
	double transferrin_saturation_pct;

	/* habits */
	double strength_sessions_per_week;	/* count */
	double warmup_min;
	double cooldown_min;
	double heavy_mainly_early_in_run;	/* yes/no */

	/* recovery */
	double performance_decline;		/* yes/no */
	double mood_low;			/* yes/no */
	double high_life_stress;		/* yes/no */
	double recent_illness_14d;		/* yes/no */

	/* the heaviness itself */
	double heaviness_days;			/* count: days since onset */
	double heaviness_onset;			/* HL_ONSET_* */
	double heaviness_severity;		/* 0-10 */
	double heaviness_side;			/* HL_SIDE_* */
	double self_care_days;			/* count */
	double worsening;			/* yes/no */
	double interferes_daily_life;		/* yes/no */
	double post_exertional_malaise;		/* yes/no */

	/* red-flag screen (all yes/no unless noted) */
	double calf_swelling_one_side;
	double leg_warm_red_tender;
	double recent_travel_or_immobility;
	double vte_risk_factors;
	double leg_pain_at_rest;
	double numbness_tingling;
	double leg_weakness_or_foot_drop;
	double smoker_or_diabetes;
	double varicose_veins;
	double ankle_swelling_end_of_day;
	double exertional_pain_pattern;		/* HL_PAIN_* */
	double skin_change;			/* HL_SKIN_* */
	double dark_urine_after_run;
	double severe_muscle_pain_swelling;
	double chest_pain_or_breathlessness;
	double saddle_numbness_or_bladder_bowel_change;
	double confusion_or_collapse;
	double headache_nausea_vomiting;

	/* since 1.1: more of the red-flag screen, medicines, pregnancy */
	double exertional_palpitations_or_fainting;	/* yes/no */
	double fever_now;			/* yes/no: >= 38 C or feverish */
	double focal_bone_pain;			/* yes/no: one spot on a bone */
	double statin_use;			/* yes/no */
	double beta_blocker_use;		/* yes/no */
	double diuretic_use;			/* yes/no */
	double pregnant_or_postpartum;		/* yes/no: birth < 12 weeks ago */
	double hormonal_contraception;		/* yes/no */

	/* append new fields here, and only here */
} hl_inputs;

/*
 * sizeof(hl_inputs) in each version; pinned by a test, never changes.  A
 * program compiled against 1.0 passes HL_INPUTS_SIZE_V1 and keeps working:
 * the fields it does not have read as unknown.
 */
#define HL_INPUTS_SIZE_V1	1864
#define HL_INPUTS_SIZE_V1_1	1928

#define HL__NAN2	NAN, NAN
#define HL__NAN4	HL__NAN2, HL__NAN2
#define HL__NAN8	HL__NAN4, HL__NAN4
#define HL__NAN28	HL__NAN8, HL__NAN8, HL__NAN8, HL__NAN4
/* A static initialiser equal to hl_inputs_init(&in, sizeof in). */
#define HL_INPUTS_INIT { (uint32_t)sizeof(hl_inputs), 0,		\
	HL__NAN2, NAN,							\
	{ HL__NAN28 }, { HL__NAN28 }, { HL__NAN28 },			\
	{ HL__NAN28 }, { HL__NAN28 }, { HL__NAN28 },			\
	HL__NAN2, NAN,							\
	HL__NAN4, HL__NAN2,						\
	HL__NAN8,							\
	HL__NAN4, HL__NAN2, NAN,					\
	HL__NAN2, NAN,							\
	HL__NAN4,							\
	HL__NAN4,							\
	HL__NAN8,							\
	HL__NAN8, HL__NAN8, HL__NAN2,					\
	HL__NAN8 }

/*
 * One entry of the input vocabulary.  Set size to sizeof(hl_input_info)
 * (0 is read as version 1) before calling hl_input_describe().
 * Values v are valid when min <= v <= max (or min < v if min_exclusive,
 * v < max if max_exclusive); outside [plausible_min, plausible_max] a value
 * is accepted with a warning.  NaN bounds mean "none".
 */
typedef struct hl_input_info {
	uint32_t size;
	int32_t	 kind;			/* HL_KIND_* */
	int32_t	 length;		/* 1, or HL_SERIES_DAYS for a series */
	int32_t	 cost;			/* question cost: 1 quick, 3 a lab value */
	const char *name;		/* "daily_distance_km" */
	const char *unit;		/* "km", "" when none */
	const char *description;	/* one line */
	double	 min;
	double	 max;
	int32_t	 min_exclusive;
	int32_t	 max_exclusive;
	double	 plausible_min;
	double	 plausible_max;
	size_t	 offset;		/* offsetof(hl_inputs, field) */
	int32_t	 enum_count;		/* HL_KIND_ENUM: number of values */
	int32_t	 reserved0;
	const char *const *enum_names;	/* enum_count names, code order */
} hl_input_info;

/* Opaque handles. */
typedef struct hl_rulebase hl_rulebase;
typedef struct hl_report hl_report;
typedef struct hl_finding hl_finding;

/* Versions and errors. */
HL_API const char *hl_version(void);
HL_API uint32_t hl_version_number(void);
HL_API const char *hl_strerror(int code);

/* Inputs. */
HL_API void hl_inputs_init(hl_inputs *in, size_t size);
HL_API int hl_inputs_set(hl_inputs *in, const char *name, double value,
    hl_error *err);
HL_API int hl_inputs_get(const hl_inputs *in, const char *name, double *out,
    hl_error *err);
HL_API int hl_inputs_check(const hl_inputs *in, hl_error *err);
HL_API int hl_inputs_derive(const hl_inputs *in, const char *name,
    double *out, hl_error *err);
HL_API size_t hl_input_count(void);
HL_API int hl_input_describe(size_t i, hl_input_info *out);
HL_API size_t hl_derived_count(void);
HL_API const char *hl_derived_name(size_t i);

/* Rulebases: loaded once, immutable, shareable between threads. */
HL_API int hl_rulebase_load_default(hl_rulebase **out, hl_error *err);
HL_API int hl_rulebase_load_file(const char *path, hl_rulebase **out,
    hl_error *err);
HL_API int hl_rulebase_load_buffer(const char *text, size_t len,
    const char *name, hl_rulebase **out, hl_error *err);
HL_API void hl_rulebase_free(hl_rulebase *rb);
HL_API const char *hl_rulebase_name(const hl_rulebase *rb);
HL_API const char *hl_rulebase_version(const hl_rulebase *rb);
/* Number of rules of one kind (HL_FINDING_*); 0 for NULL or another kind. */
HL_API size_t hl_rulebase_count(const hl_rulebase *rb, int kind);

/* Assessment: *out == NULL makes a new report; an existing one is reused. */
HL_API int hl_assess(const hl_rulebase *rb, const hl_inputs *in,
    hl_report **out, hl_error *err);
HL_API void hl_report_free(hl_report *r);
HL_API int hl_report_triage(const hl_report *r);
HL_API const char *hl_report_triage_name(const hl_report *r);
HL_API int hl_report_suppress_training_advice(const hl_report *r);
HL_API double hl_report_confidence(const hl_report *r);
HL_API size_t hl_report_count(const hl_report *r);
HL_API const hl_finding *hl_report_finding(const hl_report *r, size_t i);
HL_API size_t hl_report_question_count(const hl_report *r);
HL_API const char *hl_report_question(const hl_report *r, size_t i);
HL_API size_t hl_report_warning_count(const hl_report *r);
HL_API const char *hl_report_warning(const hl_report *r, size_t i);
HL_API const char *hl_report_disclaimer(const hl_report *r);
HL_API int hl_report_json(const hl_report *r, char *buf, size_t cap,
    size_t *needed);

/* Findings: owned by their report, valid until it is reused or freed. */
HL_API int hl_finding_kind(const hl_finding *f);
HL_API const char *hl_finding_id(const hl_finding *f);
HL_API const char *hl_finding_title(const hl_finding *f);
HL_API const char *hl_finding_advice(const hl_finding *f);
HL_API double hl_finding_score(const hl_finding *f);
HL_API const char *hl_finding_band(const hl_finding *f);
HL_API double hl_finding_coverage(const hl_finding *f);
HL_API int hl_finding_urgency(const hl_finding *f);
HL_API int hl_finding_secondary(const hl_finding *f);
HL_API size_t hl_finding_evidence_count(const hl_finding *f);
HL_API const char *hl_finding_evidence_when(const hl_finding *f, size_t i);
HL_API double hl_finding_evidence_weight(const hl_finding *f, size_t i);
HL_API int hl_finding_evidence_state(const hl_finding *f, size_t i);
HL_API const char *hl_finding_evidence_text(const hl_finding *f, size_t i);

/* ---- since 1.1 ------------------------------------------------------- */

/*
 * Every problem of a runner's inputs, one at a time, each with its reason:
 * the bad fields in struct order (a cross-field rule marks each field it
 * names).  hl_inputs_problem() fills out (code HL_EINPUT, name, message)
 * and returns HL_OK, or returns HL_EINVAL when i >= the count.  A struct
 * whose size is invalid has one problem, that one.
 */
HL_API size_t hl_inputs_problem_count(const hl_inputs *in);
HL_API int hl_inputs_problem(const hl_inputs *in, size_t i, hl_error *out);

/*
 * Honest bounds.  A cause's score_low is its score with every unknown
 * evidence false and every unknown lowering factor true (it equals the
 * score); score_high, with every unknown evidence true and every unknown
 * lowering factor false.  Whatever the unknown inputs turn out to be, the
 * score stays within [score_low, score_high].  NaN unless a cause.
 */
HL_API double hl_finding_score_low(const hl_finding *f);
HL_API double hl_finding_score_high(const hl_finding *f);
/* 1 when every red-flag screen question was answered, else 0. */
HL_API int hl_report_screen_complete(const hl_report *r);
/* The highest urgency any red flag could reach if its unknowns turned out
 * the worst way: triage <= triage_high <= 4. */
HL_API int hl_report_triage_high(const hl_report *r);

/*
 * Every error of a rulebase at once, for rule authors (see
 * hl_rulebase_lint(3)).  The rulebase text[0..len), named name in
 * messages (NULL: "<buffer>"), is checked as hl_rulebase_load_buffer()
 * would, going on after each error; fn receives the first max_errors of
 * them in file order, one call each, and *count (may be NULL) the number
 * found.  Returns HL_OK when there is none, or the code of the first.  The
 * error passed to fn is valid during the call only.
 */
typedef void (*hl_error_fn)(const hl_error *err, void *userdata);
HL_API int hl_rulebase_lint(const char *text, size_t len, const char *name,
    size_t max_errors, hl_error_fn fn, void *userdata, size_t *count);

/*
 * Batch scoring (see hl_assess_batch(3)): n runners in one call, each into
 * a compact summary.  The summary only ever grows at the end; pass
 * sizeof(hl_summary) as summary_size.  The library writes, in each summary,
 * size = the bytes it filled (at most summary_size), and zeroes the rest.
 */
#define HL_SUMMARY_TOP		3	/* causes kept per runner */
typedef struct hl_summary {
	uint32_t size;		/* bytes the library filled; set by it */
	int32_t	 status;	/* HL_OK, or why this runner was refused */
	int32_t	 triage;	/* HL_URGENCY_* */
	int32_t	 triage_high;
	int32_t	 screen_complete;	/* 1 or 0 */
	int32_t	 suppress_training_advice;	/* 1 or 0 */
	double	 confidence;	/* NaN when unknown */
	int32_t	 cause_count;	/* entries used in top_cause, <= HL_SUMMARY_TOP */
	int32_t	 finding_count;	/* hl_report_count() of the full report */
	int32_t	 top_cause[HL_SUMMARY_TOP];	/* cause indices; -1 unused */
	int32_t	 red_flag_count;	/* red flags that fired */
	double	 top_score[HL_SUMMARY_TOP];
	double	 top_score_low[HL_SUMMARY_TOP];
	double	 top_score_high[HL_SUMMARY_TOP];
	char	 field[64];	/* refused: the input named, e.g. "daily_sleep_h[3]" */
} hl_summary;
#define HL_SUMMARY_SIZE_V1_1	192
/* The most runners one call takes; more is HL_EINVAL (split the batch). */
#define HL_BATCH_MAX		((size_t)1 << 30)

HL_API int hl_assess_batch(const hl_rulebase *rb, const hl_inputs *in,
    size_t in_stride, size_t n, hl_summary *out, size_t summary_size,
    hl_error *err);
/* The id of rule i of a kind (HL_FINDING_*, file order); NULL past the end. */
HL_API const char *hl_rulebase_rule_id(const hl_rulebase *rb, int kind,
    size_t i);

#ifdef __cplusplus
}
#endif

#endif /* HEAVYLEGS_H */
