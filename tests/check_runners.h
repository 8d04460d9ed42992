/* SPDX-License-Identifier: MIT */
/*
 * check_runners.h - generated runners for the tests that need many
 * (check_properties, check_default): a fixed-seed generator, so that a
 * failure names a runner that can be rebuilt, with a realistic share of
 * unknowns; every runner is valid (an input a problem names is unknown).
 * Include after <check.h>, "heavylegs.h" and "vocab.h".
 */
#ifndef HL_CHECK_RUNNERS_H
#define HL_CHECK_RUNNERS_H

#include <math.h>
#include <stdint.h>
#include <string.h>

/* xorshift64*: small, fast, the same everywhere. */
static uint64_t rng_state;

static inline uint64_t
rng_next(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 2685821657736338717ULL;
}

static inline double
uniform(double lo, double hi)
{
	return lo + (hi - lo) * ((double)(rng_next() >> 11) / 9007199254740992.0);
}

static inline int
chance(double p)
{
	return uniform(0, 1) < p;
}

static inline void
slot_put(hl_inputs *in, size_t slot, double v)
{
	memcpy((char *)in + 8 + 8 * slot, &v, sizeof v);
}

static inline double
slot_read(const hl_inputs *in, size_t slot)
{
	double v;

	memcpy(&v, (const char *)in + 8 + 8 * slot, sizeof v);
	return v;
}

/* A valid value for input def d: mostly plausible, sometimes an edge. */
static inline double
value_for(const struct hl__input_def *d, size_t slot)
{
	double lo, hi;

	switch (d->kind) {
	case HL_KIND_TRI:
		/* screen answers and symptoms are mostly "no" */
		return chance(0.25) ? HL_YES : HL_NO;
	case HL_KIND_ENUM:
		return (double)(rng_next() % (uint64_t)d->enum_count);
	default:
		break;
	}
	lo = !isnan(d->plausible_min) ? d->plausible_min : d->min;
	hi = !isnan(d->plausible_max) ? d->plausible_max : d->max;
	if (isnan(lo))
		lo = 0;
	if (isnan(hi))
		hi = lo + 100;
	/* training series look like training: rest days and easy runs */
	if (slot >= HL__SLOT_OF(daily_distance_km[0]) &&
	    slot < HL__SLOT_OF(daily_distance_km[0]) + HL_SERIES_DAYS)
		return chance(0.25) ? 0 : floor(uniform(2, 25));
	if (slot >= HL__SLOT_OF(daily_duration_min[0]) &&
	    slot < HL__SLOT_OF(daily_duration_min[0]) + HL_SERIES_DAYS)
		return chance(0.25) ? 0 : floor(uniform(15, 150));
	if (d->kind == HL_KIND_COUNT)
		return floor(uniform(lo, hi + 1 < d->max || isnan(d->max) ?
		    hi + 1 : hi));
	return uniform(lo, hi);
}

/* Make inputs valid again: every input a problem names becomes unknown. */
static inline void
repair(hl_inputs *in)
{
	hl_error p;

	memset(&p, 0, sizeof p);
	while (hl_inputs_problem_count(in) > 0) {
		ck_assert_int_eq(hl_inputs_problem(in, 0, &p), HL_OK);
		ck_assert_msg(hl_inputs_set(in, p.name, NAN, NULL) == HL_OK,
		    "%s: %s", p.name, p.message);
	}
}

/* Runner number k: the same inputs every time. */
static inline hl_inputs
runner(int k)
{
	static const double unknown_share[] = { 0.05, 0.2, 0.4, 0.7, 0.95 };
	hl_inputs in;
	double u;
	size_t d, day, slot;

	rng_state = 0x9e3779b97f4a7c15ULL ^ (uint64_t)(k + 1) * 0x100000001b3ULL;
	(void)rng_next();
	u = unknown_share[rng_next() % 5];
	hl_inputs_init(&in, sizeof in);
	for (d = 0; d < hl__input_ndefs; d++) {
		const struct hl__input_def *def = &hl__input_defs[d];

		for (day = 0; day < (size_t)def->length; day++) {
			slot = hl__input_slot((int)d) + day;
			if (!chance(u))
				slot_put(&in, slot, value_for(def, slot));
		}
	}
	repair(&in);
	return in;
}

#endif
