/* SPDX-License-Identifier: MIT */
/* check_derive.c - tests of the derived metrics against hand-worked values. */

#include <math.h>
#include <stddef.h>
#include <string.h>

#include "check_main.h"
#include "heavylegs.h"
#include "vocab.h"

#define U	NAN		/* unknown */

static hl_inputs
fresh(void)
{
	hl_inputs in;

	hl_inputs_init(&in, sizeof in);
	return in;
}

/*
 * Metric m of in, through hl__derive; hl_inputs_derive must agree.  The
 * inputs must be valid.
 */
static double
metric(const hl_inputs *in, int m)
{
	double all[HL__M_COUNT], one;
	hl_error err;

	memset(&err, 0, sizeof err);
	ck_assert_msg(hl_inputs_check(in, &err) == HL_OK, "inputs: %s",
	    err.message);
	hl__derive(in, all);
	ck_assert_int_eq(hl_inputs_derive(in, hl__metric_defs[m].name, &one,
	    &err), HL_OK);
	ck_assert(memcmp(&one, &all[m], sizeof one) == 0 ||
	    (isnan(one) && isnan(all[m])));
	return all[m];
}

static void
expect_metric(const hl_inputs *in, int m, double want, int line)
{
	double got = metric(in, m);

	if (isnan(want))
		ck_assert_msg(isnan(got), "line %d: %s = %.17g, want unknown",
		    line, hl__metric_defs[m].name, got);
	else
		ck_assert_msg(fabs(got - want) <= 1e-9 * fmax(1, fabs(want)),
		    "line %d: %s = %.17g, want %.17g", line,
		    hl__metric_defs[m].name, got, want);
}
#define EXPECT(in, m, want)	expect_metric((in), (m), (want), __LINE__)

static void
fill(double *series, int from, int to, double v)
{
	int i;

	for (i = from; i < to; i++)
		series[i] = v;
}

START_TEST(all_unknown)
{
	hl_inputs in = fresh();
	int m;

	for (m = 0; m < HL__M_COUNT; m++)
		EXPECT(&in, m, U);
}
END_TEST

/*
 * A 28-day log:
 *   d[0..6]   = 10 0 8 0 12 5 0       acute = 35, three rest days
 *   d[7..13]  = 4 x 7                 P = 28
 *   d[14..27] = 4 x 14
 */
static hl_inputs
log28(void)
{
	static const double week[7] = { 10, 0, 8, 0, 12, 5, 0 };
	hl_inputs in = fresh();

	memcpy(in.daily_distance_km, week, sizeof week);
	fill(in.daily_distance_km, 7, 28, 4);
	return in;
}

START_TEST(distance_metrics)
{
	hl_inputs in = log28();

	EXPECT(&in, HL__M_ACUTE_KM, 35);
	EXPECT(&in, HL__M_REST_DAYS_7D, 3);
	/* (35 + 28 + 56) x 7 / 28 = 119 / 4 = 29.75 */
	EXPECT(&in, HL__M_CHRONIC_KM_WK, 29.75);
	/* 35 / 29.75 = 1.1764705882... = 20 / 17 */
	EXPECT(&in, HL__M_ACWR, 20.0 / 17.0);
	/* (35 - 28) / 28 x 100 = 25 */
	EXPECT(&in, HL__M_WOW_CHANGE_PCT, 25);
	/*
	 * Spikes against the longest run before this week, M = max(d[7..27])
	 * = 4: day 0: (10 - 4) / 4 -> +150; day 2: 8 -> +100; day 4: 12 ->
	 * +200; day 5: 5 -> +25.  The largest: 200.  (A longer run earlier
	 * in the week, day 4's 12, no longer hides day 0's spike.)
	 */
	EXPECT(&in, HL__M_SESSION_SPIKE_PCT, 200);
	/* durations unknown: training time from distance, 35 x 6 / 420 */
	EXPECT(&in, HL__M_TRAINING_H_DAY, 0.5);
	EXPECT(&in, HL__M_CARB_BAND_LO, 5);	/* 0.5 is not < 0.5 */
}
END_TEST

START_TEST(distance_unknowns)
{
	hl_inputs in = log28();

	/* one day of this week unknown: every 7-day figure unknown */
	in.daily_distance_km[3] = U;
	EXPECT(&in, HL__M_ACUTE_KM, U);
	EXPECT(&in, HL__M_REST_DAYS_7D, U);
	EXPECT(&in, HL__M_ACWR, U);
	EXPECT(&in, HL__M_WOW_CHANGE_PCT, U);
	EXPECT(&in, HL__M_SESSION_SPIKE_PCT, U);
	EXPECT(&in, HL__M_TRAINING_H_DAY, U);
	/* 27 known: (119 - 0) x 7 / 27 */
	EXPECT(&in, HL__M_CHRONIC_KM_WK, 119.0 * 7 / 27);

	/* chronic: 24 known is enough, 23 is not */
	in = log28();
	fill(in.daily_distance_km, 24, 28, U);	/* 4 unknown */
	/* (35 + 28 + 40) x 7 / 24 = 103 x 7 / 24 = 30.0416... */
	EXPECT(&in, HL__M_CHRONIC_KM_WK, 103.0 * 7 / 24);
	EXPECT(&in, HL__M_ACWR, 35 / (103.0 * 7 / 24));
	in.daily_distance_km[23] = U;
	EXPECT(&in, HL__M_CHRONIC_KM_WK, U);
	EXPECT(&in, HL__M_ACWR, U);
	EXPECT(&in, HL__M_ACUTE_KM, 35);

	/* the previous week needs all 7 days */
	in = log28();
	in.daily_distance_km[13] = U;
	EXPECT(&in, HL__M_WOW_CHANGE_PCT, U);
	EXPECT(&in, HL__M_ACWR, 35 / (115.0 * 7 / 27));
}
END_TEST

START_TEST(acwr_and_wow_edges)
{
	hl_inputs in = fresh();

	/* everything 0: chronic 0 < 1, P 0 < 1, no run */
	fill(in.daily_distance_km, 0, 28, 0);
	EXPECT(&in, HL__M_ACUTE_KM, 0);
	EXPECT(&in, HL__M_CHRONIC_KM_WK, 0);
	EXPECT(&in, HL__M_ACWR, U);
	EXPECT(&in, HL__M_WOW_CHANGE_PCT, U);
	EXPECT(&in, HL__M_SESSION_SPIKE_PCT, 0);
	EXPECT(&in, HL__M_REST_DAYS_7D, 7);

	/*
	 * Chronic exactly 1: 4 km in 28 days -> 4 x 7 / 28 = 1, so the ratio
	 * is known: acute 4 / 1 = 4.  The one run has nothing before it
	 * (max 0): runs but no spike -> unknown.
	 */
	in.daily_distance_km[0] = 4;
	EXPECT(&in, HL__M_CHRONIC_KM_WK, 1);
	EXPECT(&in, HL__M_ACWR, 4);
	EXPECT(&in, HL__M_SESSION_SPIKE_PCT, U);
	EXPECT(&in, HL__M_REST_DAYS_7D, 6);
	/* chronic just below 1: 3.9 x 7 / 28 = 0.975 */
	in.daily_distance_km[0] = 3.9;
	EXPECT(&in, HL__M_ACWR, U);

	/* P = 0.9 < 1: unknown; P = 1: (3 - 1) / 1 x 100 = 200 */
	in.daily_distance_km[0] = 3;
	in.daily_distance_km[7] = 0.9;
	EXPECT(&in, HL__M_WOW_CHANGE_PCT, U);
	in.daily_distance_km[7] = 1;
	EXPECT(&in, HL__M_WOW_CHANGE_PCT, 200);
	/* and the run of day 0 now has day 7 before it: (3 / 1 - 1) x 100 */
	EXPECT(&in, HL__M_SESSION_SPIKE_PCT, 200);
	/* a week with less running: (0 - 1) / 1 x 100 = -100 */
	in.daily_distance_km[0] = 0;
	EXPECT(&in, HL__M_WOW_CHANGE_PCT, -100);
	EXPECT(&in, HL__M_SESSION_SPIKE_PCT, 0);	/* no run this week */
}
END_TEST

START_TEST(session_spike)
{
	hl_inputs in = fresh();

	/*
	 * 14 known old days are enough, 13 are not.  d[0] = 21 against the
	 * longest earlier day, 10 on day 20: (21 / 10 - 1) x 100 = 110.
	 */
	fill(in.daily_distance_km, 0, 7, 0);
	in.daily_distance_km[0] = 21;
	fill(in.daily_distance_km, 7, 21, 5);		/* 14 known */
	in.daily_distance_km[20] = 10;
	EXPECT(&in, HL__M_SESSION_SPIKE_PCT, 110);
	in.daily_distance_km[7] = U;			/* 13 known */
	EXPECT(&in, HL__M_SESSION_SPIKE_PCT, U);
	in.daily_distance_km[27] = 0;			/* 14 again */
	EXPECT(&in, HL__M_SESSION_SPIKE_PCT, 110);

	/*
	 * Each run is compared with the days before it only: d[6] = 30 is
	 * the longest of all but has only d[7..27] (max 10) before it:
	 * (30 / 10 - 1) x 100 = 200; d[0] = 21 now has 30 before it: -30.
	 */
	in.daily_distance_km[6] = 30;
	EXPECT(&in, HL__M_SESSION_SPIKE_PCT, 200);
	/* shorter runs only: the largest of negative spikes, 9 / 10 -> -10 */
	in.daily_distance_km[6] = 0;
	in.daily_distance_km[0] = 9;
	EXPECT(&in, HL__M_SESSION_SPIKE_PCT, -10);
	/* unknown old days are skipped when looking for the longest */
	in.daily_distance_km[20] = U;
	fill(in.daily_distance_km, 21, 28, 0);
	/* max of known d[1..27] = 5: (9 / 5 - 1) x 100 = 80 */
	EXPECT(&in, HL__M_SESSION_SPIKE_PCT, 80);
}
END_TEST

/*
 * Load for monotony: RPE x minutes, 0 on a day without running.
 *   minutes 60 0 50 0 70 30 0, RPE 5 - 4 - 6 3 -
 *   L = 300 0 200 0 420 90 0: sum 1010, sum of squares 314500
 *   var = 314500/7 - (1010/7)^2 = (7 x 314500 - 1010^2) / 49
 *       = (2201500 - 1020100) / 49 = 1181400 / 49
 *   monotony = (1010/7) / (sqrt(1181400)/7) = 1010 / sqrt(1181400)
 *            = 0.92922928976...
 *   strain = 1010 x monotony = 938.52158...
 */
START_TEST(monotony_from_rpe)
{
	static const double min[7] = { 60, 0, 50, 0, 70, 30, 0 };
	static const double rpe[7] = { 5, U, 4, U, 6, 3, U };
	hl_inputs in = log28();

	memcpy(in.daily_duration_min, min, sizeof min);
	memcpy(in.daily_session_rpe, rpe, sizeof rpe);
	EXPECT(&in, HL__M_MONOTONY, 1010 / sqrt(1181400));
	EXPECT(&in, HL__M_STRAIN, 1010 * (1010 / sqrt(1181400)));
	/* minutes 210 / 420 = 0.5 h a day */
	EXPECT(&in, HL__M_TRAINING_H_DAY, 0.5);
	EXPECT(&in, HL__M_CARB_BAND_LO, 5);

	/*
	 * One run without RPE: back to distance, 10 0 8 0 12 5 0:
	 * mean 5, sum of squares 333, var = 333/7 - 25 = 158/7,
	 * monotony = 5 / sqrt(158/7) = 1.05242336..., strain = 35 x that.
	 */
	in.daily_session_rpe[0] = U;
	EXPECT(&in, HL__M_MONOTONY, 5 / sqrt(158.0 / 7));
	EXPECT(&in, HL__M_STRAIN, 35 * (5 / sqrt(158.0 / 7)));
	/* ... and with a distance unknown too: unknown */
	in.daily_distance_km[1] = U;
	EXPECT(&in, HL__M_MONOTONY, U);
	EXPECT(&in, HL__M_STRAIN, U);
	/* RPE of a day with 0 minutes is not needed */
	in.daily_session_rpe[0] = 5;
	EXPECT(&in, HL__M_MONOTONY, 1010 / sqrt(1181400));
	/* a day's minutes unknown: distance unknown too -> unknown */
	in.daily_duration_min[1] = U;
	EXPECT(&in, HL__M_MONOTONY, U);
	/* minutes known for 6 days: training time from distance, unknown */
	EXPECT(&in, HL__M_TRAINING_H_DAY, U);
	EXPECT(&in, HL__M_CARB_BAND_LO, U);
}
END_TEST

START_TEST(monotony_edges)
{
	hl_inputs in = fresh();

	/* the same load every day: SD 0, mean > 0 -> 10; strain 1050 x 10 */
	fill(in.daily_duration_min, 0, 7, 30);
	fill(in.daily_session_rpe, 0, 7, 5);
	EXPECT(&in, HL__M_MONOTONY, 10);
	EXPECT(&in, HL__M_STRAIN, 10500);
	/* no load at all: SD 0, mean 0 -> 0, strain 0 */
	fill(in.daily_duration_min, 0, 7, 0);
	EXPECT(&in, HL__M_MONOTONY, 0);
	EXPECT(&in, HL__M_STRAIN, 0);
	/* RPE 0 on every run: loads 0 too */
	fill(in.daily_duration_min, 0, 7, 40);
	fill(in.daily_session_rpe, 0, 7, 0);
	EXPECT(&in, HL__M_MONOTONY, 0);
	/*
	 * Capped: loads 100 x 6 and 101: mean 701/7, SD sqrt(6)/7,
	 * ratio 701 / sqrt(6) = 286 > 10 -> 10; strain 701 x 10.
	 */
	fill(in.daily_duration_min, 0, 7, 20);
	fill(in.daily_session_rpe, 0, 7, 5);
	in.daily_duration_min[3] = 20.2;
	EXPECT(&in, HL__M_MONOTONY, 10);
	EXPECT(&in, HL__M_STRAIN, 7010);
	/*
	 * Just under the cap would need mean/SD < 10; loads 0 x 6 and 70:
	 * mean 10, SD sqrt(4900/7 - 100) = sqrt(600) -> 10/sqrt(600).
	 */
	fill(in.daily_duration_min, 0, 7, 0);
	in.daily_duration_min[2] = 14;		/* RPE 5 x 14 = 70 */
	EXPECT(&in, HL__M_MONOTONY, 10 / sqrt(600));
	EXPECT(&in, HL__M_STRAIN, 70 * (10 / sqrt(600)));
	/* outside the 7 days nothing counts */
	in.daily_duration_min[7] = U;
	in.daily_duration_min[8] = 300;
	EXPECT(&in, HL__M_MONOTONY, 10 / sqrt(600));
}
END_TEST

START_TEST(resting_hr)
{
	hl_inputs in = fresh();

	/* (60 + 62 + 64) / 3 = 62 against 14 x 55: +7 */
	in.daily_resting_hr_bpm[0] = 60;
	in.daily_resting_hr_bpm[2] = 62;
	in.daily_resting_hr_bpm[6] = 64;
	fill(in.daily_resting_hr_bpm, 14, 28, 55);
	EXPECT(&in, HL__M_RHR_DELTA_BPM, 7);
	/* only 2 recent */
	in.daily_resting_hr_bpm[6] = U;
	EXPECT(&in, HL__M_RHR_DELTA_BPM, U);
	in.daily_resting_hr_bpm[6] = 64;
	/* only 13 in the baseline */
	in.daily_resting_hr_bpm[27] = U;
	EXPECT(&in, HL__M_RHR_DELTA_BPM, U);
	/* 21 in the baseline: 7 x 48 + 14 x 55 = 1106 / 21; 62 - 52.667 */
	in.daily_resting_hr_bpm[27] = 55;
	fill(in.daily_resting_hr_bpm, 7, 14, 48);
	EXPECT(&in, HL__M_RHR_DELTA_BPM, 62 - 1106.0 / 21);
}
END_TEST

/*
 * HRV: baseline 7 x 50 and 7 x 70 ms: m = (ln 50 + ln 70) / 2 = ln sqrt(3500),
 * s = (ln 70 - ln 50) / 2 = ln(1.4) / 2.  Low when mean ln(recent) <
 * m - s/2, i.e. a steady recent value below sqrt(3500) / 1.4^(1/4) =
 * 54.3879 ms.
 */
START_TEST(hrv)
{
	hl_inputs in = fresh();

	fill(in.daily_hrv_rmssd_ms, 7, 14, 50);
	fill(in.daily_hrv_rmssd_ms, 14, 21, 70);
	fill(in.daily_hrv_rmssd_ms, 0, 3, 54);
	EXPECT(&in, HL__M_HRV_LOW, 1);
	fill(in.daily_hrv_rmssd_ms, 0, 3, 55);
	EXPECT(&in, HL__M_HRV_LOW, 0);
	/* mean of the logs, not of the values: 40, 40, 80 -> geometric mean
	 * 50.4 (low) though the arithmetic mean is 53.3 */
	in.daily_hrv_rmssd_ms[0] = 40;
	in.daily_hrv_rmssd_ms[1] = 40;
	in.daily_hrv_rmssd_ms[2] = 80;
	EXPECT(&in, HL__M_HRV_LOW, 1);
	in.daily_hrv_rmssd_ms[0] = 60;
	in.daily_hrv_rmssd_ms[1] = 60;
	in.daily_hrv_rmssd_ms[2] = 45;	/* geometric mean 54.5: not low */
	EXPECT(&in, HL__M_HRV_LOW, 0);
	/* 2 recent: unknown */
	in.daily_hrv_rmssd_ms[2] = U;
	EXPECT(&in, HL__M_HRV_LOW, U);
	in.daily_hrv_rmssd_ms[5] = 20;
	EXPECT(&in, HL__M_HRV_LOW, 1);
	/* 13 in the baseline: unknown */
	in.daily_hrv_rmssd_ms[7] = U;
	EXPECT(&in, HL__M_HRV_LOW, U);
	/*
	 * A flat baseline (SD 0): the band is m - 0.5 x 0.05 in ln, so the
	 * line is 60 x exp(-0.025) = 58.518 ms; 59 is no longer "low".
	 */
	fill(in.daily_hrv_rmssd_ms, 7, 28, 60);
	fill(in.daily_hrv_rmssd_ms, 0, 7, 61);
	EXPECT(&in, HL__M_HRV_LOW, 0);
	fill(in.daily_hrv_rmssd_ms, 0, 7, 59);
	EXPECT(&in, HL__M_HRV_LOW, 0);
	fill(in.daily_hrv_rmssd_ms, 0, 7, 58.55);
	EXPECT(&in, HL__M_HRV_LOW, 0);
	fill(in.daily_hrv_rmssd_ms, 0, 7, 58.49);
	EXPECT(&in, HL__M_HRV_LOW, 1);
	/* an SD above the floor is used as it is: 60 and 66 alternating */
	for (int i = 7; i < 28; i++)
		in.daily_hrv_rmssd_ms[i] = i % 2 ? 60 : 66;
}
END_TEST

START_TEST(sleep)
{
	hl_inputs in = fresh();

	/* (7 + 6 + 8 + 5) / 4 = 6.5 */
	in.daily_sleep_h[0] = 7;
	in.daily_sleep_h[1] = 6;
	in.daily_sleep_h[4] = 8;
	in.daily_sleep_h[6] = 5;
	in.daily_sleep_h[7] = 12;		/* outside the 7 days */
	EXPECT(&in, HL__M_SLEEP_7D_H, 6.5);
	in.daily_sleep_h[6] = U;
	EXPECT(&in, HL__M_SLEEP_7D_H, U);
	fill(in.daily_sleep_h, 0, 7, 7.25);
	EXPECT(&in, HL__M_SLEEP_7D_H, 7.25);
}
END_TEST

START_TEST(humidity)
{
	hl_inputs in = fresh();

	EXPECT(&in, HL__M_RH_PCT, U);
	/* measured humidity wins over the dew point */
	in.relative_humidity_pct = 40;
	in.air_temp_c = 20;
	in.dew_point_c = 10;
	EXPECT(&in, HL__M_RH_PCT, 40);
	in.relative_humidity_pct = 0;
	EXPECT(&in, HL__M_RH_PCT, 0);
	/*
	 * Magnus, T 20, Td 10: 17.625 x 10 / 253.04 = 0.696530; 17.625 x 20
	 * / 263.04 = 1.340100; 100 exp(-0.643570) = 52.5413 %
	 */
	in.relative_humidity_pct = U;
	EXPECT(&in, HL__M_RH_PCT, 52.54132558106588);
	/* T 0, Td -5: 17.625 x -5 / 238.04 = -0.370211; 100 exp(that) */
	in.air_temp_c = 0;
	in.dew_point_c = -5;
	EXPECT(&in, HL__M_RH_PCT, 69.05886777748835);
	/* Td = T: 100; Td = T + 0.5 (allowed): capped at 100 */
	in.dew_point_c = 0;
	EXPECT(&in, HL__M_RH_PCT, 100);
	in.dew_point_c = 0.5;
	EXPECT(&in, HL__M_RH_PCT, 100);
	/* no temperature: unknown; and the heat index with it */
	in.air_temp_c = U;
	EXPECT(&in, HL__M_RH_PCT, U);
	EXPECT(&in, HL__M_HEAT_INDEX_F, U);
}
END_TEST

/* Heat index of t_f (°F) and rh (%), set through air_temp_c. */
static double
heat_index(double t_f, double rh)
{
	hl_inputs in = fresh();

	in.air_temp_c = (t_f - 32) * 5 / 9;
	in.relative_humidity_pct = rh;
	return metric(&in, HL__M_HEAT_INDEX_F);
}

/* Cells of the NWS heat index chart (°F, %, °F), all within 1 °F. */
static const struct {
	double	 t, rh, hi;
} nws_chart[] = {
	{ 80, 40, 80 }, { 82, 40, 81 }, { 84, 85, 96 }, { 86, 40, 85 },
	{ 86, 70, 95 }, { 86, 90, 105 }, { 86, 100, 112 }, { 88, 75, 103 },
	{ 90, 40, 91 }, { 90, 50, 95 }, { 90, 60, 100 }, { 90, 70, 106 },
	{ 90, 80, 113 }, { 92, 45, 96 }, { 94, 50, 102 }, { 96, 65, 121 },
	{ 98, 50, 113 }, { 100, 40, 109 }, { 100, 55, 124 }, { 104, 40, 119 },
	{ 104, 55, 137 }, { 110, 40, 136 },
};

START_TEST(heat_index_chart)
{
	double got = heat_index(nws_chart[_i].t, nws_chart[_i].rh);

	ck_assert_msg(fabs(got - nws_chart[_i].hi) <= 1,
	    "%g F, %g %%: %.2f, chart %g", nws_chart[_i].t, nws_chart[_i].rh,
	    got, nws_chart[_i].hi);
}
END_TEST

START_TEST(heat_index_formula)
{
	hl_inputs in = fresh();

	/*
	 * Below 80 the simple form stands, averaged once: 68 F (20 C), 50 %:
	 * 0.5 (68 + 61 + 1.2 x 0 + 0.094 x 50) = 0.5 x 133.7 = 66.85
	 */
	in.air_temp_c = 20;
	in.relative_humidity_pct = 50;
	EXPECT(&in, HL__M_HEAT_INDEX_F, 66.85);
	EXPECT(&in, HL__M_HI_EXTRAPOLATED, 0);
	/* 80 F, 40 %: 0.5 (80 + 61 + 14.4 + 3.76) = 79.58 < 80: kept */
	ck_assert(fabs(heat_index(80, 40) - 79.58) < 1e-9);
	/* cold: -10 C = 14 F, 50 %: 0.5 (14 + 61 - 64.8 + 4.7) = 7.45 */
	in.air_temp_c = -10;
	EXPECT(&in, HL__M_HEAT_INDEX_F, 7.45);
	/*
	 * 95 F (35 C), 40 %: simple 96.08 >= 80, so Rothfusz:
	 * -42.379 + 194.656 + 405.733 - 854.070 - 61.711 - 87.707 + 443.575
	 * + 129.629 - 71.738 = 98.9894
	 */
	in.air_temp_c = 35;
	in.relative_humidity_pct = 40;
	EXPECT(&in, HL__M_HEAT_INDEX_F, 98.98943190000011);
	/*
	 * Dry: 95 F, 5 %: Rothfusz 90.1768 minus ((13 - 5) / 4) x
	 * sqrt((17 - |95 - 95|) / 17) = 2 -> 88.1768
	 */
	in.relative_humidity_pct = 5;
	EXPECT(&in, HL__M_HEAT_INDEX_F, 88.17678470000003);
	/* 113 F (45 C), 10 %: T > 112, no dry adjustment: 107.8191 */
	in.air_temp_c = 45;
	in.relative_humidity_pct = 10;
	EXPECT(&in, HL__M_HEAT_INDEX_F, 107.81909772000006);
	EXPECT(&in, HL__M_HI_EXTRAPOLATED, 1);	/* T > 110 */
	/*
	 * Humid: 86 F (30 C), 95 %: Rothfusz 108.3268 plus ((95 - 85) / 10)
	 * x ((87 - 86) / 5) = 0.2 -> 108.5268
	 */
	in.air_temp_c = 30;
	in.relative_humidity_pct = 95;
	EXPECT(&in, HL__M_HEAT_INDEX_F, 108.52676159999977);
	EXPECT(&in, HL__M_HI_EXTRAPOLATED, 0);
	/* the humid adjustment stops at RH 85 */
	in.relative_humidity_pct = 85;
	ck_assert(fabs(metric(&in, HL__M_HEAT_INDEX_F) - heat_index(86, 85))
	    < 1e-9);
	/* 104 F (40 C), 50 %: 130.5823 (<= 137: not extrapolated) */
	in.air_temp_c = 40;
	in.relative_humidity_pct = 50;
	EXPECT(&in, HL__M_HEAT_INDEX_F, 130.58231314);
	EXPECT(&in, HL__M_HI_EXTRAPOLATED, 0);
	/* 104 F, 60 %: HI > 137 -> extrapolated */
	in.relative_humidity_pct = 60;
	ck_assert(metric(&in, HL__M_HEAT_INDEX_F) > 137);
	EXPECT(&in, HL__M_HI_EXTRAPOLATED, 1);
	/* humidity from the dew point is used as well */
	in.relative_humidity_pct = U;
	in.dew_point_c = 20;
	EXPECT(&in, HL__M_RH_PCT,
	    100 * exp(17.625 * 20 / 263.04 - 17.625 * 40 / 283.04));
	ck_assert(!isnan(metric(&in, HL__M_HEAT_INDEX_F)));
	/* humidity unknown: above 110 F it is extrapolated whatever it is */
	in.dew_point_c = U;
	EXPECT(&in, HL__M_HEAT_INDEX_F, U);
	EXPECT(&in, HL__M_HI_EXTRAPOLATED, U);
	in.air_temp_c = 44;			/* 111.2 F */
	EXPECT(&in, HL__M_HI_EXTRAPOLATED, 1);
}
END_TEST

START_TEST(body_mass)
{
	hl_inputs in = fresh();

	in.pre_run_body_mass_kg = 70;
	in.post_run_body_mass_kg = 68.6;
	/* (68.6 - 70) / 70 x 100 = -2 */
	EXPECT(&in, HL__M_BODY_MASS_CHANGE_PCT, -2);
	EXPECT(&in, HL__M_MASS_GAINED, 0);
	EXPECT(&in, HL__M_SWEAT_RATE_L_H, U);
	/* (70 - 68.6 + 0.5) / (90 / 60) = 1.9 / 1.5 = 1.2667 L/h */
	in.fluid_during_run_l = 0.5;
	in.last_run_duration_min = 90;
	EXPECT(&in, HL__M_SWEAT_RATE_L_H, 1.9 / 1.5);
	/* +1 %: gained */
	in.post_run_body_mass_kg = 70.7;
	EXPECT(&in, HL__M_BODY_MASS_CHANGE_PCT, 1);
	EXPECT(&in, HL__M_MASS_GAINED, 1);
	/* (70 - 70.7 + 0.5) / 1.5 = -0.1333 */
	EXPECT(&in, HL__M_SWEAT_RATE_L_H, -0.2 / 1.5);
	/* no change: not gained */
	in.post_run_body_mass_kg = 70;
	EXPECT(&in, HL__M_MASS_GAINED, 0);
	EXPECT(&in, HL__M_BODY_MASS_CHANGE_PCT, 0);
	in.pre_run_body_mass_kg = U;
	EXPECT(&in, HL__M_BODY_MASS_CHANGE_PCT, U);
	EXPECT(&in, HL__M_MASS_GAINED, U);
	EXPECT(&in, HL__M_SWEAT_RATE_L_H, U);
	in.pre_run_body_mass_kg = 70;
	in.last_run_duration_min = U;
	EXPECT(&in, HL__M_SWEAT_RATE_L_H, U);
}
END_TEST

START_TEST(wut)
{
	hl_inputs in = fresh();

	EXPECT(&in, HL__M_WUT_COUNT, U);	/* none known */
	in.thirsty = HL_NO;
	EXPECT(&in, HL__M_WUT_COUNT, 0);
	in.thirsty = HL_YES;
	EXPECT(&in, HL__M_WUT_COUNT, 1);
	in.urine_color = 5;
	EXPECT(&in, HL__M_WUT_COUNT, 1);
	in.urine_color = 6;
	EXPECT(&in, HL__M_WUT_COUNT, 2);
	/* the weight marker needs both masses: 69 < 0.99 x 70 = 69.3 */
	in.morning_body_mass_kg = 69;
	EXPECT(&in, HL__M_WUT_COUNT, 2);
	in.body_mass_kg = 70;
	EXPECT(&in, HL__M_WUT_COUNT, 3);
	in.morning_body_mass_kg = 69.31;
	EXPECT(&in, HL__M_WUT_COUNT, 2);
	in.thirsty = U;
	in.urine_color = U;
	EXPECT(&in, HL__M_WUT_COUNT, 0);	/* only the weight known */
	in.morning_body_mass_kg = 66;
	EXPECT(&in, HL__M_WUT_COUNT, 1);
}
END_TEST

START_TEST(carbohydrate)
{
	hl_inputs in = fresh();

	in.carb_intake_g_day = 350;
	EXPECT(&in, HL__M_CARB_G_KG, U);
	in.body_mass_kg = 70;
	EXPECT(&in, HL__M_CARB_G_KG, 5);	/* 350 / 70 */
	in.carb_intake_g_day = U;
	EXPECT(&in, HL__M_CARB_G_KG, U);

	/* bands by minutes a day over the last week (sum / 420) */
	fill(in.daily_duration_min, 0, 7, 0);
	in.daily_duration_min[0] = 209;		/* 0.4976 h */
	EXPECT(&in, HL__M_TRAINING_H_DAY, 209.0 / 420);
	EXPECT(&in, HL__M_CARB_BAND_LO, 3);
	in.daily_duration_min[0] = 210;		/* 0.5 h */
	EXPECT(&in, HL__M_CARB_BAND_LO, 5);
	in.daily_duration_min[1] = 314;		/* 524 min: 1.2476 h */
	EXPECT(&in, HL__M_CARB_BAND_LO, 5);
	in.daily_duration_min[1] = 315;		/* 525 min: 1.25 h */
	EXPECT(&in, HL__M_TRAINING_H_DAY, 1.25);
	EXPECT(&in, HL__M_CARB_BAND_LO, 6);
	fill(in.daily_duration_min, 0, 7, 239);	/* 1673 min: 3.983 h */
	EXPECT(&in, HL__M_CARB_BAND_LO, 6);
	fill(in.daily_duration_min, 0, 7, 240);	/* 1680 min: 4 h */
	EXPECT(&in, HL__M_TRAINING_H_DAY, 4);
	EXPECT(&in, HL__M_CARB_BAND_LO, 8);
	/* minutes incomplete, distance complete: 70 km x 6 / 420 = 1 h */
	in.daily_duration_min[3] = U;
	fill(in.daily_distance_km, 0, 7, 10);
	EXPECT(&in, HL__M_TRAINING_H_DAY, 1);
	EXPECT(&in, HL__M_CARB_BAND_LO, 5);
	in.daily_distance_km[6] = U;
	EXPECT(&in, HL__M_TRAINING_H_DAY, U);
	EXPECT(&in, HL__M_CARB_BAND_LO, U);
}
END_TEST

/* WHO cut-off and anaemia for age, sex and haemoglobin (g/L). */
static const struct {
	double	 age, sex, hb;
	double	 cutoff, anaemia;
} who[] = {
	{ 10, HL_SEX_MALE, 114, 115, 1 },	/* under 12: 115 */
	{ 11.9, HL_SEX_FEMALE, 115, 115, 0 },
	{ 12, HL_SEX_MALE, 119, 120, 1 },	/* 12-14: 120 */
	{ 14.9, HL_SEX_MALE, 125, 120, 0 },
	{ 15, HL_SEX_MALE, 125, 130, 1 },	/* man: 130 */
	{ 40, HL_SEX_MALE, 129.9, 130, 1 },
	{ 40, HL_SEX_MALE, 130, 130, 0 },
	{ 40, HL_SEX_FEMALE, 119, 120, 1 },	/* woman: 120 */
	{ 40, HL_SEX_FEMALE, 120, 120, 0 },
	{ 40, U, 125, 120, 0 },			/* sex unknown: 120 */
	{ 40, U, 119, 120, 1 },
	{ 40, U, U, 120, U },			/* no Hb: unknown */
	/* age unknown: no cut-off, so anaemia is unknown whatever Hb is */
	{ U, HL_SEX_FEMALE, 114, U, U },
	{ U, HL_SEX_FEMALE, 117, U, U },
	{ U, HL_SEX_FEMALE, 120, U, U },
	{ U, U, 119, U, U },
	{ U, HL_SEX_MALE, 130, U, U },
	{ U, HL_SEX_MALE, 70, U, U },
	{ U, U, U, U, U },
};

START_TEST(haemoglobin)
{
	hl_inputs in = fresh();

	in.age_years = who[_i].age;
	in.sex = who[_i].sex;
	in.hemoglobin_g_l = who[_i].hb;
	EXPECT(&in, HL__M_HB_CUTOFF_G_L, who[_i].cutoff);
	EXPECT(&in, HL__M_ANAEMIA, who[_i].anaemia);
}
END_TEST

/* pad_risk = age >= 65 or (age >= 50 and smoker_or_diabetes), Kleene. */
static const struct {
	double	 age, smoker, risk;
} pad[] = {
	{ 70, U, 1 }, { 65, HL_NO, 1 }, { 64.9, HL_NO, 0 },
	{ 55, HL_YES, 1 }, { 50, HL_YES, 1 }, { 55, HL_NO, 0 }, { 55, U, U },
	{ 49.9, HL_YES, 0 }, { 30, U, 0 },
	{ U, HL_YES, U }, { U, HL_NO, U }, { U, U, U },
};

START_TEST(pad_risk)
{
	hl_inputs in = fresh();

	in.age_years = pad[_i].age;
	in.smoker_or_diabetes = pad[_i].smoker;
	EXPECT(&in, HL__M_PAD_RISK, pad[_i].risk);
}
END_TEST

/* Index of input def name in a -1 terminated list, or -1. */
static int
needs_has(const int *needs, const char *name)
{
	int i;

	for (i = 0; needs[i] >= 0; i++)
		if (strcmp(hl__input_defs[needs[i]].name, name) == 0)
			return i;
	return -1;
}

static size_t
needs_len(const int *needs)
{
	size_t n = 0;

	while (needs[n] >= 0)
		n++;
	return n;
}

START_TEST(needs)
{
	const int *n;
	int m, i;

	for (m = 0; m < HL__M_COUNT; m++) {
		n = hl__metric_defs[m].needs;
		ck_assert_ptr_nonnull(n);
		ck_assert_uint_ge(needs_len(n), 1);
		for (i = 0; n[i] >= 0; i++)
			ck_assert_uint_lt((size_t)n[i], hl__input_ndefs);
		ck_assert_ptr_nonnull(hl__metric_defs[m].unit);
		ck_assert(hl__metric_defs[m].kind == HL_KIND_NUMBER ||
		    hl__metric_defs[m].kind == HL_KIND_COUNT ||
		    hl__metric_defs[m].kind == HL_KIND_TRI);
	}
	/* the stated exceptions */
	n = hl__metric_defs[HL__M_HEAT_INDEX_F].needs;
	ck_assert_uint_eq(needs_len(n), 2);
	ck_assert_int_ge(needs_has(n, "air_temp_c"), 0);
	ck_assert_int_ge(needs_has(n, "relative_humidity_pct"), 0);
	ck_assert_int_eq(needs_has(n, "dew_point_c"), -1);
	n = hl__metric_defs[HL__M_CARB_BAND_LO].needs;
	ck_assert_uint_eq(needs_len(n), 1);
	ck_assert_int_ge(needs_has(n, "daily_duration_min"), 0);
	n = hl__metric_defs[HL__M_MONOTONY].needs;
	ck_assert_uint_eq(needs_len(n), 3);
	ck_assert_int_ge(needs_has(n, "daily_distance_km"), 0);
	ck_assert_int_ge(needs_has(n, "daily_duration_min"), 0);
	ck_assert_int_ge(needs_has(n, "daily_session_rpe"), 0);
	ck_assert_int_ge(needs_has(hl__metric_defs[HL__M_RH_PCT].needs,
	    "relative_humidity_pct"), 0);
	/* raw inputs of the definitions */
	n = hl__metric_defs[HL__M_ACWR].needs;
	ck_assert_uint_eq(needs_len(n), 1);
	ck_assert_int_eq(needs_has(n, "daily_distance_km"), 0);
	n = hl__metric_defs[HL__M_WUT_COUNT].needs;
	ck_assert_uint_eq(needs_len(n), 4);
	ck_assert_int_ge(needs_has(n, "morning_body_mass_kg"), 0);
	ck_assert_int_ge(needs_has(n, "body_mass_kg"), 0);
	ck_assert_int_ge(needs_has(n, "urine_color"), 0);
	ck_assert_int_ge(needs_has(n, "thirsty"), 0);
	n = hl__metric_defs[HL__M_SWEAT_RATE_L_H].needs;
	ck_assert_uint_eq(needs_len(n), 4);
	ck_assert_int_ge(needs_has(n, "fluid_during_run_l"), 0);
	ck_assert_int_ge(needs_has(n, "last_run_duration_min"), 0);
	n = hl__metric_defs[HL__M_ANAEMIA].needs;
	ck_assert_int_ge(needs_has(n, "hemoglobin_g_l"), 0);
	ck_assert_int_ge(needs_has(n, "age_years"), 0);
	ck_assert_int_ge(needs_has(n, "sex"), 0);
	n = hl__metric_defs[HL__M_PAD_RISK].needs;
	ck_assert_uint_eq(needs_len(n), 2);
	ck_assert_int_ge(needs_has(n, "smoker_or_diabetes"), 0);
	n = hl__metric_defs[HL__M_TRAINING_H_DAY].needs;
	ck_assert_int_ge(needs_has(n, "daily_duration_min"), 0);
	ck_assert_int_ge(needs_has(n, "daily_distance_km"), 0);
	/* kinds */
	ck_assert_int_eq(hl__metric_defs[HL__M_HRV_LOW].kind, HL_KIND_TRI);
	ck_assert_int_eq(hl__metric_defs[HL__M_MASS_GAINED].kind, HL_KIND_TRI);
	ck_assert_int_eq(hl__metric_defs[HL__M_ANAEMIA].kind, HL_KIND_TRI);
	ck_assert_int_eq(hl__metric_defs[HL__M_PAD_RISK].kind, HL_KIND_TRI);
	ck_assert_int_eq(hl__metric_defs[HL__M_HI_EXTRAPOLATED].kind,
	    HL_KIND_TRI);
	ck_assert_int_eq(hl__metric_defs[HL__M_WUT_COUNT].kind, HL_KIND_COUNT);
	ck_assert_int_eq(hl__metric_defs[HL__M_REST_DAYS_7D].kind,
	    HL_KIND_COUNT);
	ck_assert_int_eq(hl__metric_defs[HL__M_ACWR].kind, HL_KIND_NUMBER);
}
END_TEST

START_TEST(derive_api)
{
	hl_inputs in = log28();
	hl_error err;
	double v = 0;

	memset(&err, 0, sizeof err);
	ck_assert_int_eq(hl_inputs_derive(&in, "acute_km", &v, &err), HL_OK);
	ck_assert(v == 35);
	ck_assert_int_eq(err.code, 0);
	ck_assert_int_eq(hl_inputs_derive(&in, "acwr_", &v, &err),
	    HL_EUNSUPPORTED);
	ck_assert(isnan(v));
	ck_assert_str_eq(err.name, "acwr_");
	ck_assert_int_eq(err.code, HL_EUNSUPPORTED);
	ck_assert_int_eq(hl_inputs_derive(&in, "age_years", &v, &err),
	    HL_EUNSUPPORTED);
	ck_assert_int_eq(hl_inputs_derive(&in, "", &v, NULL), HL_EUNSUPPORTED);
	ck_assert_int_eq(hl_inputs_derive(NULL, "acwr", &v, &err), HL_EINVAL);
	ck_assert_int_eq(hl_inputs_derive(&in, NULL, &v, &err), HL_EINVAL);
	ck_assert_int_eq(hl_inputs_derive(&in, "acwr", NULL, &err), HL_EINVAL);
	/* invalid inputs, the cross-field ones included: no metric */
	in.air_temp_c = 10;
	in.dew_point_c = 11;
	v = 0;
	ck_assert_int_eq(hl_inputs_derive(&in, "acute_km", &v, &err),
	    HL_EINPUT);
	ck_assert(isnan(v));
	ck_assert_str_eq(err.name, "dew_point_c");
	in.dew_point_c = 10.5;
	ck_assert_int_eq(hl_inputs_derive(&in, "rh_pct", &v, &err), HL_OK);
	ck_assert(v == 100);		/* Td = T + 0.5: capped */
	ck_assert_int_eq(hl_inputs_derive(&in, "heat_index_f", &v, NULL),
	    HL_OK);
	ck_assert(!isnan(v));
	/* every name of hl_derived_name works */
	{
		size_t i;

		for (i = 0; i < hl_derived_count(); i++)
			ck_assert_int_eq(hl_inputs_derive(&in,
			    hl_derived_name(i), &v, NULL), HL_OK);
	}
}
END_TEST

/* ---- v0.3: session-RPE ratio, load_ratio, heat in C, finiteness ---- */

START_TEST(srpe_and_load_ratio)
{
	hl_inputs in = fresh();
	int i;

	/* 28 days of 40 min at RPE 5 = 200 a day; this week RPE 8 = 320 */
	fill(in.daily_duration_min, 0, 28, 40);
	fill(in.daily_session_rpe, 0, 28, 5);
	fill(in.daily_session_rpe, 0, 7, 8);
	/* acute 7 x 320 = 2240; chronic (2240 + 21 x 200) x 7 / 28 = 1610 */
	EXPECT(&in, HL__M_SRPE_ACWR, 2240.0 / 1610.0);
	/* distance unknown: load_ratio is the session-RPE one */
	EXPECT(&in, HL__M_ACWR, U);
	EXPECT(&in, HL__M_LOAD_RATIO, 2240.0 / 1610.0);
	/* the same distance every day: acwr 1, load_ratio the larger */
	fill(in.daily_distance_km, 0, 28, 8);
	EXPECT(&in, HL__M_ACWR, 1);
	EXPECT(&in, HL__M_LOAD_RATIO, 2240.0 / 1610.0);
	/* a rest day counts 0 whatever its RPE; an unknown RPE on a
	 * running day leaves the day unknown */
	in.daily_duration_min[3] = 0;
	in.daily_session_rpe[3] = U;
	/* acute 6 x 320 = 1920; chronic (1920 + 4200) x 7 / 28 = 1530 */
	EXPECT(&in, HL__M_SRPE_ACWR, 1920.0 / 1530.0);
	in.daily_duration_min[3] = 40;
	EXPECT(&in, HL__M_SRPE_ACWR, U);	/* this week not all known */
	/* acwr above the session ratio: load_ratio follows it */
	in.daily_session_rpe[3] = 8;
	fill(in.daily_distance_km, 0, 7, 20);
	/* acwr = 140 / ((140 + 168) x 7 / 28) = 140 / 77 */
	EXPECT(&in, HL__M_ACWR, 140.0 / 77.0);
	EXPECT(&in, HL__M_LOAD_RATIO, 140.0 / 77.0);
	/* chronic needs 24 known days: 23 is unknown */
	for (i = 23; i < 28; i++)
		in.daily_session_rpe[i] = U;
	EXPECT(&in, HL__M_SRPE_ACWR, U);
	EXPECT(&in, HL__M_LOAD_RATIO, 140.0 / 77.0);
	in.daily_session_rpe[23] = 5;
	ck_assert(!isnan(metric(&in, HL__M_SRPE_ACWR)));
	/* both unknown: unknown */
	in.daily_distance_km[0] = U;
	in.daily_session_rpe[0] = U;
	EXPECT(&in, HL__M_LOAD_RATIO, U);
	/* a chronic load under 1 is unknown, as for acwr */
	in = fresh();
	fill(in.daily_duration_min, 0, 28, 1);
	fill(in.daily_session_rpe, 0, 28, 0.1);
	EXPECT(&in, HL__M_SRPE_ACWR, U);
}
END_TEST

START_TEST(heat_index_celsius)
{
	hl_inputs in = fresh();
	double f;

	in.air_temp_c = 32;
	in.relative_humidity_pct = 60;
	f = metric(&in, HL__M_HEAT_INDEX_F);
	ck_assert(!isnan(f));
	EXPECT(&in, HL__M_HEAT_INDEX_C, (f - 32) * 5 / 9);
	in.relative_humidity_pct = U;
	EXPECT(&in, HL__M_HEAT_INDEX_C, U);
}
END_TEST

START_TEST(pregnancy_cutoff)
{
	hl_inputs in = fresh();

	in.pregnant_or_postpartum = HL_YES;
	/* WHO 110 g/L in pregnancy, even with the age unknown */
	EXPECT(&in, HL__M_HB_CUTOFF_G_L, 110);
	in.hemoglobin_g_l = 110;
	EXPECT(&in, HL__M_ANAEMIA, 0);
	in.hemoglobin_g_l = 109.9;
	EXPECT(&in, HL__M_ANAEMIA, 1);
	in.hemoglobin_g_l = 115;		/* anaemic by the usual 120 */
	in.age_years = 30;
	in.sex = HL_SEX_FEMALE;
	EXPECT(&in, HL__M_ANAEMIA, 0);
	in.pregnant_or_postpartum = HL_NO;
	EXPECT(&in, HL__M_HB_CUTOFF_G_L, 120);
	EXPECT(&in, HL__M_ANAEMIA, 1);
	in.pregnant_or_postpartum = U;	/* unknown reads as not pregnant */
	EXPECT(&in, HL__M_HB_CUTOFF_G_L, 120);
}
END_TEST

/*
 * Every metric is finite or unknown, for tiny and huge valid inputs: a
 * subnormal earlier run or duration must not make an infinite spike or
 * sweat rate.
 */
START_TEST(finite_or_unknown)
{
	hl_inputs in = fresh();
	double all[HL__M_COUNT];
	static const double odd[] = {
		5e-324, 1e-310, 2.2e-308, 1e-300, 1e-30, 1e300,
	};
	size_t k, m, v;

	/* the reproducer: 14 today, zeros, one earlier day 1e-310 */
	fill(in.daily_distance_km, 0, 28, 0);
	in.daily_distance_km[0] = 14;
	in.daily_distance_km[9] = 1e-310;
	EXPECT(&in, HL__M_SESSION_SPIKE_PCT, U);
	in.pre_run_body_mass_kg = 70;
	in.post_run_body_mass_kg = 69;
	in.fluid_during_run_l = 0.5;
	in.last_run_duration_min = 1e-310;
	EXPECT(&in, HL__M_SWEAT_RATE_L_H, U);
	in.last_run_duration_min = 60;
	EXPECT(&in, HL__M_SWEAT_RATE_L_H, 1.5);

	/* every slot in turn at tiny and large valid values */
	for (k = 0; k < HL__NINPUT_SLOTS; k++) {
		int d = hl__input_of_slot(k);
		const struct hl__input_def *def = &hl__input_defs[d];

		if (def->kind != HL_KIND_NUMBER)
			continue;
		for (v = 0; v < sizeof odd / sizeof odd[0]; v++) {
			double x = odd[v];
			hl_inputs t = in;
			hl_error err = { 0 };

			if (isnan(def->min) ? 0 : x < def->min ||
			    (def->min_exclusive && x == def->min))
				continue;
			if (!isnan(def->max) && x > def->max)
				x = def->max;
			memcpy((char *)&t + 8 + 8 * k, &x, sizeof x);
			if (hl_inputs_check(&t, &err) != HL_OK)
				continue;
			hl__derive(&t, all);
			for (m = 0; m < HL__M_COUNT; m++)
				ck_assert_msg(!isinf(all[m]), "%s = %g with "
				    "slot %zu = %g", hl__metric_defs[m].name,
				    all[m], k, x);
		}
	}
}
END_TEST

static Suite *
suite_derive(void)
{
	Suite *s = suite_create("derive");
	TCase *tc;

	tc = tcase_create("load");
	tcase_add_test(tc, all_unknown);
	tcase_add_test(tc, distance_metrics);
	tcase_add_test(tc, distance_unknowns);
	tcase_add_test(tc, acwr_and_wow_edges);
	tcase_add_test(tc, session_spike);
	tcase_add_test(tc, monotony_from_rpe);
	tcase_add_test(tc, monotony_edges);
	suite_add_tcase(s, tc);

	tc = tcase_create("recovery");
	tcase_add_test(tc, resting_hr);
	tcase_add_test(tc, hrv);
	tcase_add_test(tc, sleep);
	suite_add_tcase(s, tc);

	tc = tcase_create("weather");
	tcase_add_test(tc, humidity);
	tcase_add_loop_test(tc, heat_index_chart, 0,
	    sizeof nws_chart / sizeof nws_chart[0]);
	tcase_add_test(tc, heat_index_formula);
	suite_add_tcase(s, tc);

	tc = tcase_create("body");
	tcase_add_test(tc, body_mass);
	tcase_add_test(tc, wut);
	tcase_add_test(tc, carbohydrate);
	tcase_add_loop_test(tc, haemoglobin, 0, sizeof who / sizeof who[0]);
	tcase_add_loop_test(tc, pad_risk, 0, sizeof pad / sizeof pad[0]);
	suite_add_tcase(s, tc);

	tc = tcase_create("api");
	tcase_add_test(tc, needs);
	tcase_add_test(tc, derive_api);
	suite_add_tcase(s, tc);

	tc = tcase_create("v0.3");
	tcase_add_test(tc, srpe_and_load_ratio);
	tcase_add_test(tc, heat_index_celsius);
	tcase_add_test(tc, pregnancy_cutoff);
	tcase_add_test(tc, finite_or_unknown);
	suite_add_tcase(s, tc);
	return s;
}

HL_CHECK_MAIN(suite_derive)
