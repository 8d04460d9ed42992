/* SPDX-License-Identifier: MIT */
/*
 * vocab.h - the input vocabulary, the derived metrics and the value vector
 * (internal).
 *
 * The value vector an assessment evaluates is one array of doubles:
 *
 *   [0, HL__NINPUT_SLOTS)            the input fields, in struct order: slot
 *                                    s is the double at byte offset 8 + 8*s
 *                                    of hl_inputs (series take 28 slots)
 *   [HL__METRIC_BASE, +HL__M_COUNT)  the derived metrics (enum hl__metric)
 *   [HL__RULE_BASE, +nrules)         per red flag and cause, its fired
 *                                    state (see rules.h), for fired(id)
 *   HL__RULE_BASE + nrules           the triage so far (name `urgency`)
 *
 * NaN is unknown everywhere; yes/no values are 0/1.
 */
#ifndef HL_VOCAB_H
#define HL_VOCAB_H

#include <stddef.h>
#include <stdint.h>

#include "heavylegs.h"

#define HL__NINPUT_SLOTS	((sizeof(hl_inputs) - 8) / sizeof(double))
#define HL__SLOT_OF(field)	((offsetof(hl_inputs, field) - 8) / sizeof(double))

/* One input of heavylegs-domain(7), INPUTS, as hl_input_describe() reports it. */
struct hl__input_def {
	const char *name;
	const char *unit;
	const char *description;
	int	 kind;			/* HL_KIND_* */
	int	 length;		/* 1 or HL_SERIES_DAYS */
	int	 cost;			/* question cost */
	size_t	 offset;		/* offsetof(hl_inputs, field) */
	double	 min, max;		/* error bounds (NaN: none) */
	int	 min_exclusive, max_exclusive;
	double	 plausible_min, plausible_max;	/* warning bounds (NaN: none) */
	int	 enum_count;
	const char *const *enum_names;
};

extern const struct hl__input_def hl__input_defs[];
extern const size_t hl__input_ndefs;

/* Index into hl__input_defs of the input named s[0..len), or -1. */
int hl__input_lookup(const char *s, size_t len);
/* Index into hl__input_defs of the input that holds value slot `slot`. */
int hl__input_of_slot(size_t slot);
/* First value slot of input def i. */
size_t hl__input_slot(int i);
/* Code of enum value s[0..len) of input def i, or -1. */
int hl__input_enum_code(int i, const char *s, size_t len);

/* The derived metrics of heavylegs-domain(7), INPUTS, in this order. */
enum hl__metric {
	HL__M_ACUTE_KM,
	HL__M_CHRONIC_KM_WK,
	HL__M_ACWR,
	HL__M_WOW_CHANGE_PCT,
	HL__M_SESSION_SPIKE_PCT,
	HL__M_MONOTONY,
	HL__M_STRAIN,
	HL__M_REST_DAYS_7D,
	HL__M_RHR_DELTA_BPM,
	HL__M_HRV_LOW,			/* yes/no */
	HL__M_SLEEP_7D_H,
	HL__M_RH_PCT,
	HL__M_HEAT_INDEX_F,
	HL__M_HI_EXTRAPOLATED,		/* yes/no */
	HL__M_BODY_MASS_CHANGE_PCT,
	HL__M_MASS_GAINED,		/* yes/no */
	HL__M_SWEAT_RATE_L_H,
	HL__M_WUT_COUNT,
	HL__M_CARB_G_KG,
	HL__M_TRAINING_H_DAY,
	HL__M_CARB_BAND_LO,
	HL__M_HB_CUTOFF_G_L,
	HL__M_ANAEMIA,			/* yes/no */
	HL__M_PAD_RISK,			/* yes/no */
	/* since 1.1: appended, so that hl_derived_name(i) keeps its order */
	HL__M_SRPE_ACWR,
	HL__M_LOAD_RATIO,
	HL__M_HEAT_INDEX_C,
	HL__M_COUNT
};

#define HL__METRIC_BASE	HL__NINPUT_SLOTS
#define HL__RULE_BASE	(HL__NINPUT_SLOTS + HL__M_COUNT)

struct hl__metric_def {
	const char *name;		/* "acwr" */
	const char *unit;
	int	 kind;			/* HL_KIND_NUMBER, _COUNT or _TRI */
	/*
	 * The raw inputs (indices into hl__input_defs) a question about this
	 * metric asks for: heavylegs-domain(7), INPUTS, "Needs"; -1 terminated.
	 */
	const int *needs;
};

extern const struct hl__metric_def hl__metric_defs[HL__M_COUNT];

/* Index of the metric named s[0..len), or -1. */
int hl__metric_lookup(const char *s, size_t len);

/*
 * Compute every derived metric of a full, validated input struct into
 * out[HL__M_COUNT].  Pure; never allocates.
 */
void hl__derive(const hl_inputs *in, double *out);

/*
 * Copy a caller's struct of any accepted size into *full (a complete struct
 * of this version): a shorter one reads the missing fields as unknown, a
 * longer one is accepted only if every slot past ours is NaN
 * (HL_EUNSUPPORTED otherwise); size < HL_INPUTS_SIZE_V1 is HL_EINVAL.
 */
int hl__inputs_import(const hl_inputs *in, hl_inputs *full, hl_error *err);

/* An implausible-but-accepted value: input def index and series day. */
struct hl__warning {
	uint16_t input;
	uint16_t day;			/* 0 for scalars */
	uint16_t rule;			/* which check: HL__W_* */
};
#define HL__W_PLAUSIBLE		0	/* outside the plausible range */
#define HL__W_MORNING_MASS	1	/* morning mass > 5 % from usual */
#define HL__W_MENSES_MALE	2	/* a male runner's menstrual_status */
#define HL__MAX_WARNINGS	(HL__NINPUT_SLOTS + 1)

/*
 * Check every field of a full struct (bounds, kinds, enum codes, the
 * cross-field rules of heavylegs-domain(7), INPUTS).  On error return HL_EINPUT and
 * fill err: the first bad field in name ("daily_sleep_h[3]"), the total in
 * count, the list in message.  Warnings (may be NULL) receive up to
 * HL__MAX_WARNINGS entries; *nwarn their number.  Never allocates.
 */
int hl__inputs_validate(const hl_inputs *full, hl_error *err,
    struct hl__warning *warn, size_t *nwarn);

/*
 * Whether a full struct's menstrual_status is ignored: a valid answer
 * other than not_applicable from a runner whose sex is male.  The
 * assessment reads it as unknown and warns.
 */
int hl__menses_ignored(const hl_inputs *full);

/* Text of a warning ("age_years 130 is outside the usual 12-95"), into buf. */
int hl__warning_text(const struct hl__warning *w, const hl_inputs *full,
    char *buf, size_t cap);

#endif
