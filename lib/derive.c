/* SPDX-License-Identifier: MIT */
/* derive.c - the derived metrics of heavylegs-domain(7), INPUTS, from raw inputs. */

#include <math.h>
#include <string.h>

#include "error.h"
#include "heavylegs.h"
#include "vocab.h"
#include "vocab_table.h"

#define I(f)	HL__I_##f

/*
 * Needs: the raw inputs a question about each metric asks for (heavylegs-domain(7),
 * INPUTS, "Needs").  heat_index_f asks for humidity, never dew point;
 * carb_band_lo only for durations; rh_pct for humidity or dew point.
 */
static const int needs_distance[] = { I(daily_distance_km), -1 };
static const int needs_load[] = {
	I(daily_distance_km), I(daily_duration_min), I(daily_session_rpe), -1
};
static const int needs_rhr[] = { I(daily_resting_hr_bpm), -1 };
static const int needs_hrv[] = { I(daily_hrv_rmssd_ms), -1 };
static const int needs_sleep[] = { I(daily_sleep_h), -1 };
static const int needs_rh[] = {
	I(relative_humidity_pct), I(dew_point_c), I(air_temp_c), -1
};
static const int needs_heat[] = {
	I(air_temp_c), I(relative_humidity_pct), -1
};
static const int needs_mass[] = {
	I(pre_run_body_mass_kg), I(post_run_body_mass_kg), -1
};
static const int needs_sweat[] = {
	I(last_run_duration_min), I(pre_run_body_mass_kg),
	I(post_run_body_mass_kg), I(fluid_during_run_l), -1
};
static const int needs_wut[] = {
	I(body_mass_kg), I(morning_body_mass_kg), I(urine_color), I(thirsty), -1
};
static const int needs_carb[] = {
	I(body_mass_kg), I(carb_intake_g_day), -1
};
static const int needs_training[] = {
	I(daily_distance_km), I(daily_duration_min), -1
};
static const int needs_band[] = { I(daily_duration_min), -1 };
static const int needs_srpe[] = {
	I(daily_duration_min), I(daily_session_rpe), -1
};
/*
 * The haemoglobin cut-off reads pregnant_or_postpartum too, but an unknown
 * answer never leaves it unknown (it reads as "not pregnant"), so it is
 * not a question asked for it.
 */
static const int needs_hb[] = { I(age_years), I(sex), -1 };
static const int needs_anaemia[] = {
	I(age_years), I(sex), I(hemoglobin_g_l), -1
};
static const int needs_pad[] = { I(age_years), I(smoker_or_diabetes), -1 };

const struct hl__metric_def hl__metric_defs[HL__M_COUNT] = {
	[HL__M_ACUTE_KM] = { "acute_km", "km", HL_KIND_NUMBER,
	    needs_distance },
	[HL__M_CHRONIC_KM_WK] = { "chronic_km_wk", "km/week", HL_KIND_NUMBER,
	    needs_distance },
	[HL__M_ACWR] = { "acwr", "", HL_KIND_NUMBER, needs_distance },
	[HL__M_WOW_CHANGE_PCT] = { "wow_change_pct", "%", HL_KIND_NUMBER,
	    needs_distance },
	[HL__M_SESSION_SPIKE_PCT] = { "session_spike_pct", "%",
	    HL_KIND_NUMBER, needs_distance },
	[HL__M_MONOTONY] = { "monotony", "", HL_KIND_NUMBER, needs_load },
	[HL__M_STRAIN] = { "strain", "", HL_KIND_NUMBER, needs_load },
	[HL__M_REST_DAYS_7D] = { "rest_days_7d", "days", HL_KIND_COUNT,
	    needs_distance },
	[HL__M_RHR_DELTA_BPM] = { "rhr_delta_bpm", "bpm", HL_KIND_NUMBER,
	    needs_rhr },
	[HL__M_HRV_LOW] = { "hrv_low", "", HL_KIND_TRI, needs_hrv },
	[HL__M_SLEEP_7D_H] = { "sleep_7d_h", "h", HL_KIND_NUMBER,
	    needs_sleep },
	[HL__M_RH_PCT] = { "rh_pct", "%", HL_KIND_NUMBER, needs_rh },
	[HL__M_HEAT_INDEX_F] = { "heat_index_f", "\302\260F", HL_KIND_NUMBER,
	    needs_heat },
	[HL__M_HI_EXTRAPOLATED] = { "hi_extrapolated", "", HL_KIND_TRI,
	    needs_heat },
	[HL__M_BODY_MASS_CHANGE_PCT] = { "body_mass_change_pct", "%",
	    HL_KIND_NUMBER, needs_mass },
	[HL__M_MASS_GAINED] = { "mass_gained", "", HL_KIND_TRI, needs_mass },
	[HL__M_SWEAT_RATE_L_H] = { "sweat_rate_l_h", "L/h", HL_KIND_NUMBER,
	    needs_sweat },
	[HL__M_WUT_COUNT] = { "wut_count", "", HL_KIND_COUNT, needs_wut },
	[HL__M_CARB_G_KG] = { "carb_g_kg", "g/kg/day", HL_KIND_NUMBER,
	    needs_carb },
	[HL__M_TRAINING_H_DAY] = { "training_h_day", "h/day", HL_KIND_NUMBER,
	    needs_training },
	[HL__M_CARB_BAND_LO] = { "carb_band_lo", "g/kg/day", HL_KIND_NUMBER,
	    needs_band },
	[HL__M_HB_CUTOFF_G_L] = { "hb_cutoff_g_l", "g/L", HL_KIND_NUMBER,
	    needs_hb },
	[HL__M_ANAEMIA] = { "anaemia", "", HL_KIND_TRI, needs_anaemia },
	[HL__M_PAD_RISK] = { "pad_risk", "", HL_KIND_TRI, needs_pad },
	[HL__M_SRPE_ACWR] = { "srpe_acwr", "", HL_KIND_NUMBER, needs_srpe },
	[HL__M_LOAD_RATIO] = { "load_ratio", "", HL_KIND_NUMBER, needs_load },
	[HL__M_HEAT_INDEX_C] = { "heat_index_c", "\302\260C", HL_KIND_NUMBER,
	    needs_heat },
};

#define KNOWN(x)	(!isnan(x))
#define DAYS		HL_SERIES_DAYS
#define WEEK		7

/*
 * Thresholds of the derived metrics, each documented in
 * heavylegs-domain(7), INPUTS ("Derived metrics").
 */
/* chronic_km_wk, acwr, srpe_acwr: days of 28 known for a chronic load. */
#define CHRONIC_MIN_KNOWN	24
/* acwr, srpe_acwr, wow_change_pct: the smallest chronic or previous-week
 * load a ratio is taken against. */
#define MIN_LOAD_BASE		1
/* session_spike_pct: days of the 21 before this week that must be known. */
#define SPIKE_MIN_KNOWN_BEFORE	14
/* monotony: the cap, also its value for a constant load above 0. */
#define MONOTONY_CAP		10
/* rhr_delta_bpm, hrv_low: known days this week and in the baseline. */
#define RECENT_MIN_KNOWN	3
#define BASELINE_MIN_KNOWN	14
/* hrv_low: below the baseline mean by HRV_LOW_SDS SDs of at least
 * HRV_SD_FLOOR (ln ms). */
#define HRV_LOW_SDS		0.5
#define HRV_SD_FLOOR		0.05
/* sleep_7d_h: known nights of the last 7. */
#define SLEEP_MIN_KNOWN		4
/* rh_pct: the Magnus coefficients (dew point to relative humidity). */
#define MAGNUS_A		17.625
#define MAGNUS_B		243.04	/* degrees C */
/* heat_index_f: Steadman's form below HI_ROTHFUSZ_F, Rothfusz above; the
 * regression is extrapolated past HI_EXTRAPOLATED_TF air temperature or
 * HI_EXTRAPOLATED_HI heat index (degrees F). */
#define HI_ROTHFUSZ_F		80
#define HI_EXTRAPOLATED_TF	110
#define HI_EXTRAPOLATED_HI	137
/* wut_count: a morning weight below this share of the usual one, and an
 * Armstrong urine colour at least this dark, are markers. */
#define WUT_MASS_SHARE		0.99
#define WUT_URINE_COLOR		6
/* training_h_day: minutes in a week of 7 days x 1 h, and the pace assumed
 * when only distances are known (min/km). */
#define WEEK_MIN_PER_H_DAY	420
#define ASSUMED_MIN_PER_KM	6
/* carb_band_lo: the lower end of each band (g/kg/day) and the training
 * hours a day where the next one starts. */
#define CARB_BAND_1_LO		3
#define CARB_BAND_2_FROM_H	0.5
#define CARB_BAND_2_LO		5
#define CARB_BAND_3_FROM_H	1.25
#define CARB_BAND_3_LO		6
#define CARB_BAND_4_FROM_H	4
#define CARB_BAND_4_LO		8
/* hb_cutoff_g_l: the WHO haemoglobin cut-offs (g/L) and the ages where
 * they change (years). */
#define HB_CUT_PREGNANT		110
#define HB_CUT_CHILD		115	/* age < HB_AGE_CHILD */
#define HB_CUT_YOUTH_FEMALE	120	/* age < HB_AGE_YOUTH, or not male */
#define HB_CUT_MALE		130
#define HB_AGE_CHILD		12
#define HB_AGE_YOUTH		15
/* pad_risk: from this age always, from PAD_AGE_WITH_RISK with
 * smoker_or_diabetes. */
#define PAD_AGE			65
#define PAD_AGE_WITH_RISK	50

/* Sum of x[from..to) and how many of them are known. */
static double
sum_known(const double *x, int from, int to, int *n)
{
	double s = 0;
	int i;

	*n = 0;
	for (i = from; i < to; i++) {
		if (KNOWN(x[i])) {
			s += x[i];
			(*n)++;
		}
	}
	return s;
}

/* Mean of the known x[from..to), or NaN when fewer than min are known. */
static double
mean_known(const double *x, int from, int to, int min)
{
	double s;
	int n;

	s = sum_known(x, from, to, &n);
	if (n < min || n == 0)
		return NAN;
	return s / n;
}

/* Training load: acute_km ... rest_days_7d, from daily distances. */
static void
derive_distance(const hl_inputs *in, double *out)
{
	const double *d = in->daily_distance_km;
	double acute, chronic, prev, best, m, s;
	int j, k, n, nweek, nprev, nold, runs, rest;

	acute = sum_known(d, 0, WEEK, &nweek);
	if (nweek == WEEK) {
		out[HL__M_ACUTE_KM] = acute;
		rest = 0;
		for (j = 0; j < WEEK; j++)
			if (d[j] == 0)
				rest++;
		out[HL__M_REST_DAYS_7D] = rest;
	}

	chronic = sum_known(d, 0, DAYS, &n);
	if (n >= CHRONIC_MIN_KNOWN)
		out[HL__M_CHRONIC_KM_WK] = chronic * 7 / n;
	if (nweek == WEEK && n >= CHRONIC_MIN_KNOWN &&
	    out[HL__M_CHRONIC_KM_WK] >= MIN_LOAD_BASE)
		out[HL__M_ACWR] = acute / out[HL__M_CHRONIC_KM_WK];

	prev = sum_known(d, WEEK, 2 * WEEK, &nprev);
	if (nweek == WEEK && nprev == WEEK && prev >= MIN_LOAD_BASE)
		out[HL__M_WOW_CHANGE_PCT] = (acute - prev) / prev * 100;

	/*
	 * Single-run spike: each run of the last 7 days against the longest
	 * known run before this week (days 7..27), so that a longer run
	 * earlier this week never lowers the spike.  (d - M) / M, not
	 * d / M - 1, keeps +10 % exactly 10.
	 */
	(void)sum_known(d, WEEK, DAYS, &nold);
	if (nweek == WEEK && nold >= SPIKE_MIN_KNOWN_BEFORE) {
		m = -1;
		for (k = WEEK; k < DAYS; k++)
			if (KNOWN(d[k]) && d[k] > m)
				m = d[k];
		runs = 0;
		best = NAN;
		for (j = 0; j < WEEK; j++) {
			if (!(d[j] > 0))
				continue;
			runs++;
			if (!(m > 0))
				continue;
			s = (d[j] - m) / m * 100;
			if (isnan(best) || s > best)
				best = s;
		}
		out[HL__M_SESSION_SPIKE_PCT] = runs == 0 ? 0 : best;
	}
}

/*
 * The coupled acute:chronic ratio on session load (RPE x minutes, 0 on a
 * day without running), as acwr is on distance.
 */
static void
derive_srpe(const hl_inputs *in, double *out)
{
	double load, acute = 0, chronic = 0, dur, rpe;
	int i, nacute = 0, n = 0;

	for (i = 0; i < DAYS; i++) {
		dur = in->daily_duration_min[i];
		rpe = in->daily_session_rpe[i];
		if (dur == 0)
			load = 0;
		else if (KNOWN(dur) && KNOWN(rpe))
			load = rpe * dur;
		else
			continue;
		chronic += load;
		n++;
		if (i < WEEK) {
			acute += load;
			nacute++;
		}
	}
	if (nacute < WEEK || n < CHRONIC_MIN_KNOWN)
		return;
	chronic = chronic * 7 / n;
	if (chronic >= MIN_LOAD_BASE)
		out[HL__M_SRPE_ACWR] = acute / chronic;
}

/* Foster's daily load over the last 7 days: monotony and strain. */
static void
derive_load(const hl_inputs *in, double *out)
{
	double load[WEEK], sum, mean, var, sd, mono, dur, rpe;
	int i, ok;

	ok = 1;
	for (i = 0; i < WEEK && ok; i++) {
		dur = in->daily_duration_min[i];
		rpe = in->daily_session_rpe[i];
		if (isnan(dur))
			ok = 0;
		else if (dur == 0)
			load[i] = 0;
		else if (isnan(rpe))
			ok = 0;
		else
			load[i] = rpe * dur;
	}
	if (!ok) {
		/* Fall back to distance when every day of it is known. */
		for (i = 0; i < WEEK; i++) {
			if (isnan(in->daily_distance_km[i]))
				return;
			load[i] = in->daily_distance_km[i];
		}
	}
	sum = 0;
	for (i = 0; i < WEEK; i++)
		sum += load[i];
	mean = sum / WEEK;
	var = 0;
	for (i = 0; i < WEEK; i++)
		var += (load[i] - mean) * (load[i] - mean);
	sd = sqrt(var / WEEK);
	if (sd == 0)
		mono = mean > 0 ? MONOTONY_CAP : 0;
	else {
		mono = mean / sd;
		if (mono > MONOTONY_CAP)
			mono = MONOTONY_CAP;
	}
	out[HL__M_MONOTONY] = mono;
	out[HL__M_STRAIN] = sum * mono;
}

/* Resting heart rate, HRV and sleep. */
static void
derive_recovery(const hl_inputs *in, double *out)
{
	double lnv[DAYS], recent, base, m, s, var;
	int i, n;

	recent = mean_known(in->daily_resting_hr_bpm, 0, WEEK,
	    RECENT_MIN_KNOWN);
	base = mean_known(in->daily_resting_hr_bpm, WEEK, DAYS,
	    BASELINE_MIN_KNOWN);
	if (KNOWN(recent) && KNOWN(base))
		out[HL__M_RHR_DELTA_BPM] = recent - base;

	/* ln RMSSD; validation keeps every known value above 0. */
	for (i = 0; i < DAYS; i++)
		lnv[i] = KNOWN(in->daily_hrv_rmssd_ms[i]) ?
		    log(in->daily_hrv_rmssd_ms[i]) : NAN;
	recent = mean_known(lnv, 0, WEEK, RECENT_MIN_KNOWN);
	m = mean_known(lnv, WEEK, DAYS, BASELINE_MIN_KNOWN);
	if (KNOWN(recent) && KNOWN(m)) {
		var = 0;
		n = 0;
		for (i = WEEK; i < DAYS; i++) {
			if (KNOWN(lnv[i])) {
				var += (lnv[i] - m) * (lnv[i] - m);
				n++;
			}
		}
		s = sqrt(var / n);
		/* A floor on s: a very regular baseline is no hair trigger. */
		if (s < HRV_SD_FLOOR)
			s = HRV_SD_FLOOR;
		out[HL__M_HRV_LOW] = recent < m - HRV_LOW_SDS * s;
	}

	out[HL__M_SLEEP_7D_H] = mean_known(in->daily_sleep_h, 0, WEEK,
	    SLEEP_MIN_KNOWN);
}

/* Relative humidity and the NWS heat index. */
static void
derive_weather(const hl_inputs *in, double *out)
{
	const double a = MAGNUS_A, b = MAGNUS_B;
	double rh, t, td, tf, hi;

	t = in->air_temp_c;
	rh = in->relative_humidity_pct;
	td = in->dew_point_c;
	if (isnan(rh) && KNOWN(t) && KNOWN(td)) {
		/* Magnus: e(Td) / e(T). */
		rh = 100 * exp(a * td / (b + td) - a * t / (b + t));
		if (rh > 100)
			rh = 100;
	}
	out[HL__M_RH_PCT] = rh;
	if (isnan(t))
		return;
	tf = t * 9 / 5 + 32;
	/* Past 110 F the regression is extrapolated whatever the humidity. */
	if (tf > HI_EXTRAPOLATED_TF)
		out[HL__M_HI_EXTRAPOLATED] = 1;
	if (isnan(rh))
		return;

	/* Steadman's simple form, already averaged with the temperature. */
	hi = 0.5 * (tf + 61 + 1.2 * (tf - 68) + 0.094 * rh);
	if (hi >= HI_ROTHFUSZ_F) {
		/* Rothfusz regression with the NWS adjustments. */
		hi = -42.379 + 2.04901523 * tf + 10.14333127 * rh
		    - 0.22475541 * tf * rh - 6.83783e-3 * tf * tf
		    - 5.481717e-2 * rh * rh + 1.22874e-3 * tf * tf * rh
		    + 8.5282e-4 * tf * rh * rh - 1.99e-6 * tf * tf * rh * rh;
		if (rh < 13 && tf >= 80 && tf <= 112)
			hi -= (13 - rh) / 4 *
			    sqrt((17 - fabs(tf - 95)) / 17);
		else if (rh > 85 && tf >= 80 && tf <= 87)
			hi += (rh - 85) / 10 * ((87 - tf) / 5);
	}
	out[HL__M_HEAT_INDEX_F] = hi;
	out[HL__M_HEAT_INDEX_C] = (hi - 32) * 5 / 9;
	out[HL__M_HI_EXTRAPOLATED] = tf > HI_EXTRAPOLATED_TF ||
	    hi > HI_EXTRAPOLATED_HI;
}

/* Body mass change, sweat rate and the WUT markers. */
static void
derive_hydration(const hl_inputs *in, double *out)
{
	double pre, post, pct;
	int known, yes;

	pre = in->pre_run_body_mass_kg;
	post = in->post_run_body_mass_kg;
	if (KNOWN(pre) && KNOWN(post)) {
		pct = (post - pre) / pre * 100;
		out[HL__M_BODY_MASS_CHANGE_PCT] = pct;
		out[HL__M_MASS_GAINED] = pct > 0;
		if (KNOWN(in->fluid_during_run_l) &&
		    KNOWN(in->last_run_duration_min))
			out[HL__M_SWEAT_RATE_L_H] =
			    (pre - post + in->fluid_during_run_l) /
			    (in->last_run_duration_min / 60);
	}

	/* Weight, urine, thirst: the true markers among the known ones. */
	known = yes = 0;
	if (KNOWN(in->morning_body_mass_kg) && KNOWN(in->body_mass_kg)) {
		known++;
		yes += in->morning_body_mass_kg <
		    WUT_MASS_SHARE * in->body_mass_kg;
	}
	if (KNOWN(in->urine_color)) {
		known++;
		yes += in->urine_color >= WUT_URINE_COLOR;
	}
	if (KNOWN(in->thirsty)) {
		known++;
		yes += in->thirsty == HL_YES;
	}
	if (known > 0)
		out[HL__M_WUT_COUNT] = yes;
}

/* Carbohydrate intake against the band for the training volume. */
static void
derive_fuel(const hl_inputs *in, double *out)
{
	double dur, h;
	int n;

	out[HL__M_CARB_G_KG] = in->carb_intake_g_day / in->body_mass_kg;

	dur = sum_known(in->daily_duration_min, 0, WEEK, &n);
	if (n == WEEK)
		h = dur / WEEK_MIN_PER_H_DAY;
	else
		h = out[HL__M_ACUTE_KM] * ASSUMED_MIN_PER_KM /
		    WEEK_MIN_PER_H_DAY;
	out[HL__M_TRAINING_H_DAY] = h;
	if (isnan(h))
		return;
	if (h < CARB_BAND_2_FROM_H)
		out[HL__M_CARB_BAND_LO] = CARB_BAND_1_LO;
	else if (h < CARB_BAND_3_FROM_H)
		out[HL__M_CARB_BAND_LO] = CARB_BAND_2_LO;
	else if (h < CARB_BAND_4_FROM_H)
		out[HL__M_CARB_BAND_LO] = CARB_BAND_3_LO;
	else
		out[HL__M_CARB_BAND_LO] = CARB_BAND_4_LO;
}

/*
 * WHO haemoglobin cut-off and peripheral-artery risk.  An unknown age
 * leaves the cut-off unknown, and so anaemia, a comparison with it: the
 * library does not guess which cut-off applies (the age then becomes a
 * question worth asking).
 */
static void
derive_blood(const hl_inputs *in, double *out)
{
	double age, hb, cut, smoke;
	int male;

	age = in->age_years;
	hb = in->hemoglobin_g_l;
	male = in->sex == HL_SEX_MALE;
	cut = NAN;
	if (in->pregnant_or_postpartum == HL_YES)
		cut = HB_CUT_PREGNANT;
	else if (KNOWN(age)) {
		if (age < HB_AGE_CHILD)
			cut = HB_CUT_CHILD;
		else if (age < HB_AGE_YOUTH || !male)
			cut = HB_CUT_YOUTH_FEMALE;
		else
			cut = HB_CUT_MALE;
	}
	if (KNOWN(cut)) {
		out[HL__M_HB_CUTOFF_G_L] = cut;
		if (KNOWN(hb))
			out[HL__M_ANAEMIA] = hb < cut;
	}

	/* age >= PAD_AGE, or age >= PAD_AGE_WITH_RISK and smoker_or_diabetes (Kleene). */
	smoke = in->smoker_or_diabetes;
	if (KNOWN(age)) {
		if (age >= PAD_AGE)
			out[HL__M_PAD_RISK] = 1;
		else if (age < PAD_AGE_WITH_RISK)
			out[HL__M_PAD_RISK] = 0;
		else if (KNOWN(smoke))
			out[HL__M_PAD_RISK] = smoke == HL_YES;
	}
}

/*
 * Every metric is finite or unknown: a result that overflowed (a valid but
 * subnormal denominator, say) is unknown, as x / 0 is in conditions.
 */
static void
finite_or_unknown(double *out)
{
	int i;

	for (i = 0; i < HL__M_COUNT; i++)
		if (isinf(out[i]))
			out[i] = NAN;
}

void
hl__derive(const hl_inputs *in, double *out)
{
	double a, b;
	int i;

	for (i = 0; i < HL__M_COUNT; i++)
		out[i] = NAN;
	derive_distance(in, out);
	derive_srpe(in, out);
	derive_load(in, out);
	derive_recovery(in, out);
	derive_weather(in, out);
	derive_hydration(in, out);
	derive_fuel(in, out);
	derive_blood(in, out);
	finite_or_unknown(out);

	/* The larger of the two load ratios known. */
	a = out[HL__M_ACWR];
	b = out[HL__M_SRPE_ACWR];
	out[HL__M_LOAD_RATIO] = isnan(a) ? b : isnan(b) ? a : a > b ? a : b;
}

int
hl_inputs_derive(const hl_inputs *in, const char *name, double *out,
    hl_error *err)
{
	hl_inputs full;
	double m[HL__M_COUNT];
	int i, rc;

	hl__error_clear(err);
	if (out != NULL)
		*out = NAN;
	if (in == NULL || name == NULL || out == NULL)
		return hl__error_set(err, HL_EINVAL, NULL, 0, 0, NULL, NULL,
		    "hl_inputs_derive: NULL argument");
	if ((i = hl__metric_lookup(name, strlen(name))) < 0)
		return hl__error_set(err, HL_EUNSUPPORTED, NULL, 0, 0, NULL,
		    name, "unknown derived metric '%s'", name);
	if ((rc = hl__inputs_import(in, &full, err)) != HL_OK)
		return rc;
	if ((rc = hl__inputs_validate(&full, err, NULL, NULL)) != HL_OK)
		return rc;
	hl__derive(&full, m);
	*out = m[i];
	return HL_OK;
}
