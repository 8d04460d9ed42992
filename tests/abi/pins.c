/* SPDX-License-Identifier: MIT */
/*
 * pins.c - the ABI values a program compiled against an older header relies
 * on, as compile-time checks: it compiles only if every one holds.  Built
 * by tests/abi/break.sh (make check) against the header as it is, and
 * against broken copies of it, which must fail.
 */
#include <stddef.h>

#include "heavylegs.h"

#define PIN(name, cond)	typedef char pin_##name[(cond) ? 1 : -1]

/* status codes never change */
PIN(ok, HL_OK == 0);
PIN(enomem, HL_ENOMEM == -1);
PIN(einval, HL_EINVAL == -2);
PIN(eio, HL_EIO == -3);
PIN(esyntax, HL_ESYNTAX == -4);
PIN(eschema, HL_ESCHEMA == -5);
PIN(eunsupported, HL_EUNSUPPORTED == -6);
PIN(einput, HL_EINPUT == -7);
PIN(erange, HL_ERANGE == -8);

/* hl_error: size and every field where 1.0 put it */
PIN(error_size, sizeof(hl_error) == 660);
PIN(error_code, offsetof(hl_error, code) == 4);
PIN(error_line, offsetof(hl_error, line) == 8);
PIN(error_column, offsetof(hl_error, column) == 12);
PIN(error_count, offsetof(hl_error, count) == 16);
PIN(error_file, offsetof(hl_error, file) == 20);
PIN(error_rule, offsetof(hl_error, rule) == 276);
PIN(error_name, offsetof(hl_error, name) == 340);
PIN(error_message, offsetof(hl_error, message) == 404);

/* hl_inputs: fields are appended, never moved */
PIN(inputs_v1, HL_INPUTS_SIZE_V1 == 1864);
PIN(inputs_v1_1, HL_INPUTS_SIZE_V1_1 == 1928);
PIN(inputs_grows, sizeof(hl_inputs) >= HL_INPUTS_SIZE_V1_1);
PIN(inputs_first, offsetof(hl_inputs, age_years) == 8);
PIN(inputs_series, offsetof(hl_inputs, daily_distance_km) == 32);
PIN(inputs_last_v1_1, offsetof(hl_inputs, hormonal_contraception) == 1920);
PIN(series, HL_SERIES_DAYS == 28);

/* hl_summary */
PIN(summary_v1_1, HL_SUMMARY_SIZE_V1_1 == 192);
PIN(summary_grows, sizeof(hl_summary) >= HL_SUMMARY_SIZE_V1_1);
PIN(summary_field, offsetof(hl_summary, field) == 128);
PIN(summary_top, HL_SUMMARY_TOP == 3);
PIN(summary_top_cause, offsetof(hl_summary, top_cause) == 40);
PIN(summary_top_score, offsetof(hl_summary, top_score) == 56);

/* hl_input_info: the fields 1.0 placed */
PIN(info_name, offsetof(hl_input_info, name) == 16);
PIN(info_min, offsetof(hl_input_info, min) == 40);
PIN(info_offset, offsetof(hl_input_info, offset) == 80);
PIN(info_enum_names, offsetof(hl_input_info, enum_names) == 96);
PIN(info_size, sizeof(hl_input_info) == 104);

/* every value a program may have compiled in */
PIN(no, HL_NO == 0.0);
PIN(yes, HL_YES == 1.0);
PIN(kind_number, HL_KIND_NUMBER == 0);
PIN(kind_count, HL_KIND_COUNT == 1);
PIN(kind_tri, HL_KIND_TRI == 2);
PIN(kind_enum, HL_KIND_ENUM == 3);
PIN(sex_female, HL_SEX_FEMALE == 0);
PIN(sex_male, HL_SEX_MALE == 1);
PIN(diet_omnivore, HL_DIET_OMNIVORE == 0);
PIN(diet_vegetarian, HL_DIET_VEGETARIAN == 1);
PIN(diet_vegan, HL_DIET_VEGAN == 2);
PIN(menses_regular, HL_MENSES_REGULAR == 0);
PIN(menses_irregular, HL_MENSES_IRREGULAR == 1);
PIN(menses_absent, HL_MENSES_ABSENT_3MO_PLUS == 2);
PIN(menses_na, HL_MENSES_NOT_APPLICABLE == 3);
PIN(onset_gradual, HL_ONSET_GRADUAL == 0);
PIN(onset_sudden, HL_ONSET_SUDDEN == 1);
PIN(side_both, HL_SIDE_BOTH == 0);
PIN(side_one, HL_SIDE_ONE == 1);
PIN(pain_none, HL_PAIN_NONE == 0);
PIN(pain_eases, HL_PAIN_EASES_ON_STOPPING == 1);
PIN(pain_sitting, HL_PAIN_EASES_ONLY_SITTING_OR_BENDING == 2);
PIN(skin_none, HL_SKIN_NONE == 0);
PIN(skin_brown, HL_SKIN_BROWN_OR_ECZEMA == 1);
PIN(skin_pale, HL_SKIN_PALE_BLUE_COLD == 2);
PIN(finding_red_flag, HL_FINDING_RED_FLAG == 1);
PIN(finding_cause, HL_FINDING_CAUSE == 2);
PIN(finding_strategy, HL_FINDING_STRATEGY == 3);
PIN(urgency_none, HL_URGENCY_NONE == 0);
PIN(urgency_discuss, HL_URGENCY_DISCUSS == 1);
PIN(urgency_soon, HL_URGENCY_SOON == 2);
PIN(urgency_urgent, HL_URGENCY_URGENT == 3);
PIN(urgency_emergency, HL_URGENCY_EMERGENCY == 4);
PIN(state_not_fired, HL_STATE_NOT_FIRED == 0);
PIN(state_fired, HL_STATE_FIRED == 1);
PIN(state_unknown, HL_STATE_UNKNOWN == 2);
PIN(version_major, HL_VERSION_MAJOR == 1);
PIN(batch_max, HL_BATCH_MAX == (size_t)1 << 30);
