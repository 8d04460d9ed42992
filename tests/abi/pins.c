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
