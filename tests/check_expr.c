/* SPDX-License-Identifier: MIT */
/* check_expr.c - conditions, text templates and locale-independent numbers. */

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_main.h"

#include "alloc.h"
#include "expr.h"
#include "heavylegs.h"
#include "rules.h"
#include "strconv.h"
#include "vocab.h"

#define U	NAN		/* unknown, in the tables */
#define NRULES	3		/* rf_a, rf_b, cause_c */
#define NSLOTS	(HL__RULE_BASE + NRULES + 1)
#define URGENCY	(HL__RULE_BASE + NRULES)

static int
resolve(void *ctx, const char *id, size_t len)
{
	static const char *const ids[NRULES] = { "rf_a", "rf_b", "cause_c" };
	int i;

	(void)ctx;
	for (i = 0; i < NRULES; i++)
		if (strlen(ids[i]) == len && memcmp(ids[i], id, len) == 0)
			return i;
	return -1;
}

static const struct hl__expr_env env_rule = {
	resolve, NULL, NRULES, 0, NULL
};
static const struct hl__expr_env env_strategy = {
	resolve, NULL, NRULES, 1, NULL
};

static size_t
slot_of(const char *name)
{
	int i = hl__input_lookup(name, strlen(name));

	if (i >= 0)
		return hl__input_slot(i);
	i = hl__metric_lookup(name, strlen(name));
	ck_assert_msg(i >= 0, "no input or metric %s", name);
	return HL__METRIC_BASE + (size_t)i;
}

/* The value vector every table is evaluated against. */
static void
fill(double *v)
{
	size_t i;

	for (i = 0; i < NSLOTS; i++)
		v[i] = NAN;
	v[slot_of("age_years")] = 30;
	v[slot_of("cadence_spm")] = 170;
	v[slot_of("thirsty")] = HL_YES;
	v[slot_of("muscle_cramps")] = HL_NO;
	v[slot_of("heaviness_onset")] = HL_ONSET_SUDDEN;
	v[slot_of("daily_distance_km") + 0] = 5;
	v[slot_of("daily_distance_km") + 3] = 10;
	v[slot_of("daily_distance_km") + 27] = 2;
	v[slot_of("acwr")] = 1.6;
	v[slot_of("hrv_low")] = HL_YES;
	v[HL__RULE_BASE + 0] = 1;	/* rf_a fired */
	v[HL__RULE_BASE + 2] = 0;	/* cause_c did not */
	v[URGENCY] = 2;
	/* unknown: body_mass_kg, heat_acclimatized, heaviness_side, ... */
}

static int
same(double a, double b)
{
	return (isnan(a) && isnan(b)) || a == b;
}

static const char *
show(double v, char *buf)
{
	hl__fmt_double(buf, 32, v, -1);
	return isnan(v) ? "unknown" : buf;
}

static double
eval_src(const char *src, const struct hl__expr_env *env, int want)
{
	struct hl__expr_error e;
	double v[NSLOTS], r;
	hl__expr *x;
	int rc;

	rc = hl__expr_compile(src, strlen(src), env, want, &x, &e);
	ck_assert_msg(rc == HL_OK, "'%s': %d at %zu: %s", src, rc, e.offset,
	    e.message);
	fill(v);
	r = hl__expr_eval(x, v);
	hl__expr_free(x);
	return r;
}

/* ---- values: precedence, operators, three-valued logic ---- */

static const struct {
	const char *src;
	double want;
} values[] = {
	/* precedence and associativity */
	{ "1 + 2 * 3 == 7", 1 },
	{ "(1 + 2) * 3 == 9", 1 },
	{ "10 - 4 - 3 == 3", 1 },
	{ "12 / 3 / 2 == 2", 1 },
	{ "2 * 3 - 4 / 2 == 4", 1 },
	{ "-2 * 3 == -6", 1 },
	{ "- -2 == 2", 1 },
	{ "2 - -2 == 4", 1 },
	{ "-(1 + 2) == -3", 1 },
	{ "-age_years < 0", 1 },
	{ "-age_years * 2 == -60", 1 },
	{ "1 < 2 and 2 < 1 or 1 == 1", 1 },
	{ "yes or no and no", 1 },		/* or(yes, and(no, no)) */
	{ "no and no or yes", 1 },
	{ "(yes or no) and no", 0 },
	{ "not no and no", 0 },			/* and(not no, no) */
	{ "not (no and no)", 1 },
	{ "not 1 > 2", 1 },			/* not (1 > 2) */
	{ "not not yes", 1 },
	{ "not thirsty or muscle_cramps", 0 },
	/* numbers */
	{ "0.5 + .5 == 1", 1 },
	{ "1e3 == 1000", 1 },
	{ "1.5E-1 == 0.15", 1 },
	{ "2.50 == 2.5", 1 },
	{ "007 == 7", 1 },
	{ "0.1 + 0.2 != 0.3", 1 },
	/* every operator with known values */
	{ "age_years + 1 == 31", 1 },
	{ "age_years - 1 == 29", 1 },
	{ "age_years * 2 == 60", 1 },
	{ "age_years / 4 == 7.5", 1 },
	{ "age_years < 30", 0 },
	{ "age_years <= 30", 1 },
	{ "age_years > 29.5", 1 },
	{ "age_years >= 31", 0 },
	{ "age_years == 30", 1 },
	{ "age_years != 30", 0 },
	/* every operator with an unknown operand, on either side */
	{ "body_mass_kg + 1 > 0", U },
	{ "1 + body_mass_kg > 0", U },
	{ "body_mass_kg - 1 > 0", U },
	{ "1 - body_mass_kg > 0", U },
	{ "body_mass_kg * 0 == 0", U },
	{ "0 * body_mass_kg == 0", U },
	{ "body_mass_kg / 2 > 0", U },
	{ "2 / body_mass_kg > 0", U },
	{ "-body_mass_kg < 0", U },
	{ "body_mass_kg < 1", U },
	{ "body_mass_kg <= 1", U },
	{ "body_mass_kg > 1", U },
	{ "body_mass_kg >= 1", U },
	{ "body_mass_kg == 1", U },
	{ "body_mass_kg != 1", U },
	{ "1 < body_mass_kg", U },
	{ "1 <= body_mass_kg", U },
	{ "1 > body_mass_kg", U },
	{ "1 >= body_mass_kg", U },
	{ "1 == body_mass_kg", U },
	{ "1 != body_mass_kg", U },
	{ "body_mass_kg == body_mass_kg", U },
	{ "heat_acclimatized == yes", U },
	{ "heat_acclimatized != no", U },
	{ "yes == heat_acclimatized", U },
	{ "not heat_acclimatized", U },
	/* division by zero and overflow are unknown */
	{ "age_years / 0 > 0", U },
	{ "age_years / (age_years - 30) > 0", U },
	{ "0 / 0 == 0", U },
	{ "-1 / 0 < 0", U },
	{ "1e308 * 10 > 0", U },
	{ "known(age_years / 0)", 0 },
	{ "0 / 5 == 0", 1 },
	/* known() */
	{ "known(age_years)", 1 },
	{ "known(body_mass_kg)", 0 },
	{ "known(heat_acclimatized)", 0 },
	{ "known(thirsty)", 1 },
	{ "known(muscle_cramps)", 1 },
	{ "known(heaviness_onset)", 1 },
	{ "known(heaviness_side)", 0 },
	{ "known(body_mass_kg > 1)", 0 },
	{ "known(age_years > 1)", 1 },
	{ "known(known(body_mass_kg))", 1 },
	{ "known(fired(rf_b))", 0 },
	{ "not known(body_mass_kg) or body_mass_kg > 80", 1 },
	{ "not known(age_years) or age_years > 80", 0 },
	{ "known(body_mass_kg) and body_mass_kg > 80", 0 },
	/* enums: either side, == and != */
	{ "heaviness_onset == sudden", 1 },
	{ "heaviness_onset != sudden", 0 },
	{ "heaviness_onset == gradual", 0 },
	{ "heaviness_onset != gradual", 1 },
	{ "sudden == heaviness_onset", 1 },
	{ "gradual != heaviness_onset", 1 },
	{ "(heaviness_onset) == (sudden)", 1 },
	{ "heaviness_side == one", U },
	{ "heaviness_side != both", U },
	{ "heaviness_onset == sudden and heaviness_side == one", U },
	{ "heaviness_onset == gradual and heaviness_side == one", 0 },
	{ "heaviness_onset == sudden or heaviness_side == one", 1 },
	/* series */
	{ "daily_distance_km[0] == 5", 1 },
	{ "daily_distance_km[ 3 ] == 10", 1 },
	{ "daily_distance_km[27] == 2", 1 },
	{ "daily_distance_km[3] + daily_distance_km[27] == 12", 1 },
	{ "daily_distance_km[1] > 0", U },
	{ "known(daily_distance_km[0])", 1 },
	/* metrics, bare yes/no */
	{ "acwr >= 1.5", 1 },
	{ "acwr > 1.5 and acwr < 1.7", 1 },
	{ "hrv_low", 1 },
	{ "hrv_low == yes", 1 },
	{ "not hrv_low", 0 },
	{ "sleep_7d_h < 7", U },
	{ "thirsty", 1 },
	{ "muscle_cramps", 0 },
	{ "heat_acclimatized", U },
	{ "thirsty == yes", 1 },
	{ "thirsty != no", 1 },
	{ "yes == thirsty", 1 },
	{ "muscle_cramps == thirsty", 0 },
	{ "yes", 1 },
	{ "no", 0 },
	{ "true", 1 },
	{ "false", 0 },
	{ "thirsty == true", 1 },
	{ "muscle_cramps == false", 1 },
	{ "(((yes)))", 1 },
	/* fired() */
	{ "fired(rf_a)", 1 },
	{ "fired(rf_b)", U },
	{ "fired(cause_c)", 0 },
	{ "fired( rf_a ) and not fired(cause_c)", 1 },
	{ "fired(rf_b) or fired(rf_a)", 1 },
	{ "fired(rf_b) and fired(cause_c)", 0 },
	/* layout */
	{ "\tthirsty\n and\r\nyes ", 1 },
	{ "age_years>=30 and(age_years<=30)", 1 },
};

START_TEST(expr_values)
{
	char a[32], b[32];
	double got;

	got = eval_src(values[_i].src, &env_rule, HL__T_BOOL);
	ck_assert_msg(same(got, values[_i].want), "'%s' = %s, want %s",
	    values[_i].src, show(got, a), show(values[_i].want, b));
}
END_TEST

/* ---- the Kleene truth tables, through inputs ---- */

static const double tv[3] = { 0, 1, U };	/* false, true, unknown */
static const double and_tab[3][3] = {
	{ 0, 0, 0 }, { 0, 1, U }, { 0, U, U },
};
static const double or_tab[3][3] = {
	{ 0, 1, U }, { 1, 1, 1 }, { U, 1, U },
};
static const double not_tab[3] = { 1, 0, U };

static double
eval_ab(const char *src, double a, double b)
{
	struct hl__expr_error e;
	double v[NSLOTS], r;
	hl__expr *x;

	ck_assert_int_eq(hl__expr_compile(src, strlen(src), &env_rule,
	    HL__T_BOOL, &x, &e), HL_OK);
	fill(v);
	v[slot_of("worsening")] = a;
	v[slot_of("mood_low")] = b;
	r = hl__expr_eval(x, v);
	hl__expr_free(x);
	return r;
}

START_TEST(expr_kleene)
{
	int a = _i / 3, b = _i % 3;
	char s1[32], s2[32];
	double got;

	got = eval_ab("worsening and mood_low", tv[a], tv[b]);
	ck_assert_msg(same(got, and_tab[a][b]), "%s and %s = %s",
	    show(tv[a], s1), show(tv[b], s2), show(got, s1));
	got = eval_ab("worsening or mood_low", tv[a], tv[b]);
	ck_assert_msg(same(got, or_tab[a][b]), "%s or %s = %s",
	    show(tv[a], s1), show(tv[b], s2), show(got, s1));
	got = eval_ab("not worsening", tv[a], tv[b]);
	ck_assert(same(got, not_tab[a]));
	got = eval_ab("known(worsening)", tv[a], tv[b]);
	ck_assert(same(got, a < 2 ? 1 : 0));
	got = eval_ab("worsening == mood_low", tv[a], tv[b]);
	ck_assert(same(got, a == 2 || b == 2 ? U : a == b));
	got = eval_ab("worsening != mood_low", tv[a], tv[b]);
	ck_assert(same(got, a == 2 || b == 2 ? U : a != b));
}
END_TEST

/* ---- the fast code against the generic evaluator ---- */

/*
 * Conditions the loader rewrites: fused `slot cmp constant` either way
 * round, every comparison, short-circuit and/or nested with not, known()
 * and arithmetic, so that the jumps land right.
 */
static const char *const fast_src[] = {
	"age_years < 30", "age_years <= 30", "age_years > 30",
	"age_years >= 30", "age_years == 30", "age_years != 30",
	"30 < age_years", "30 <= age_years", "30 > age_years",
	"30 >= age_years", "30 == age_years", "30 != age_years",
	"worsening and age_years > 30",
	"worsening or age_years > 30",
	"not worsening and (mood_low or cadence_spm < 165)",
	"(worsening or mood_low) and (age_years >= 30 or cadence_spm > 170)",
	"worsening and mood_low and age_years < 31 and cadence_spm != 170",
	"worsening or mood_low or age_years < 31 or cadence_spm != 170",
	"known(age_years) and age_years > 29 or not known(mood_low)",
	"not (known(cadence_spm) or worsening) and mood_low",
	"age_years * 2 > cadence_spm / 3 and (mood_low or -age_years < -30)",
	"worsening and (mood_low or (age_years > 30 and cadence_spm < 171))",
	"(worsening and mood_low) or (not worsening and not mood_low)",
	"(age_years + 1 > 30) == worsening",
	"known(worsening and mood_low) or age_years > 30",
	"not known(worsening or cadence_spm > 168) or not (worsening or "
	    "cadence_spm > 168)",
	"known(age_years * 2 - cadence_spm) and not mood_low",
	"known(known(mood_low) and worsening) and (yes or no)",
	"worsening == mood_low or no",
	"not (known(age_years) and age_years < 30) and known(30)",
};

/* The evidence state of a condition's value. */
static int
state_of(double v)
{
	return isnan(v) ? HL_STATE_UNKNOWN : v != 0 ? HL_STATE_FIRED :
	    HL_STATE_NOT_FIRED;
}

START_TEST(expr_fast_same)
{
	static const double num[] = { NAN, 29, 30, 31, 0, -0.0 };
	static const double tri[] = { NAN, HL_NO, HL_YES };
	struct hl__expr_error e;
	double v[NSLOTS], a, b, o;
	hl__expr *x;
	uint64_t st = 12345;
	int k, so;

	ck_assert_int_eq(hl__expr_compile(fast_src[_i], strlen(fast_src[_i]),
	    &env_rule, HL__T_BOOL, &x, &e), HL_OK);
	if (_i < 12)
		ck_assert_uint_eq(hl__expr_nfused(x), 1);
	fill(v);
	for (k = 0; k < 3000; k++) {
		st = st * 6364136223846793005ULL + 1442695040888963407ULL;
		v[slot_of("age_years")] = num[(st >> 33) % 6];
		v[slot_of("cadence_spm")] = (st >> 40) % 3 == 0 ? NAN :
		    165 + (double)((st >> 42) % 8);
		v[slot_of("worsening")] = tri[(st >> 50) % 3];
		v[slot_of("mood_low")] = tri[(st >> 55) % 3];
		a = hl__expr_eval(x, v);
		b = hl__expr_eval_generic(x, v, 0);
		ck_assert_msg(same(a, b), "%s: fast %g, generic %g",
		    fast_src[_i], a, b);
		a = hl__expr_eval_open(x, v);
		b = hl__expr_eval_generic(x, v, 1);
		ck_assert_msg(same(a, b), "%s open: fast %g, generic %g",
		    fast_src[_i], a, b);
		a = hl__expr_eval_both(x, v, &o);
		ck_assert(same(a, hl__expr_eval_generic(x, v, 0)));
		ck_assert(same(o, b));
		/* both readings at once, as evidence states */
		ck_assert_int_eq(hl__expr_states(x, v, &so), state_of(a));
		ck_assert_int_eq(so, state_of(b));
	}
	hl__expr_free(x);
}
END_TEST

/* ---- numeric results, urgency ---- */

START_TEST(expr_numeric)
{
	struct hl__expr_error e;
	hl__expr *x;

	ck_assert(same(eval_src("age_years * 2", &env_rule, HL__T_NUM), 60));
	ck_assert(same(eval_src("-age_years", &env_rule, HL__T_NUM), -30));
	ck_assert(same(eval_src("-3", &env_rule, HL__T_NUM), -3));
	ck_assert(same(eval_src("- - -3", &env_rule, HL__T_NUM), -3));
	ck_assert(same(eval_src("body_mass_kg", &env_rule, HL__T_NUM), U));
	ck_assert(same(eval_src("urgency", &env_strategy, HL__T_NUM), 2));
	ck_assert(same(eval_src("urgency >= 2 and fired(rf_a)",
	    &env_strategy, HL__T_BOOL), 1));
	ck_assert_int_eq(hl__expr_compile("yes", 3, &env_rule, HL__T_NUM,
	    &x, &e), HL_ESCHEMA);
	ck_assert_ptr_null(x);
	ck_assert_str_eq(e.message, "expected a number, not yes/no");
	ck_assert_int_eq(hl__expr_compile("heaviness_onset", 15, &env_rule,
	    HL__T_ENUM, &x, &e), HL_OK);
	hl__expr_free(x);
	ck_assert(isnan(hl__expr_eval(NULL, NULL)));
	ck_assert_uint_eq(hl__expr_nrefs(NULL), 0);
	ck_assert_ptr_null(hl__expr_refs(NULL));
	hl__expr_free(NULL);
	/* Only len bytes are read. */
	ck_assert(same(eval_src("yes", &env_rule, HL__T_BOOL), 1));
	ck_assert_int_eq(hl__expr_compile("yes and garbage(", 3, &env_rule,
	    HL__T_BOOL, &x, &e), HL_OK);
	hl__expr_free(x);
	/* NULL e is allowed. */
	ck_assert_int_eq(hl__expr_compile("acwr", 4, &env_rule, HL__T_BOOL,
	    &x, NULL), HL_ESCHEMA);
	/* NULL env: no fired(), no urgency. */
	ck_assert_int_eq(hl__expr_compile("fired(rf_a)", 11, NULL,
	    HL__T_BOOL, &x, &e), HL_ESCHEMA);
	ck_assert_str_eq(e.message, "unknown rule 'rf_a'");
	ck_assert_int_eq(hl__expr_compile("urgency > 1", 11, NULL,
	    HL__T_BOOL, &x, &e), HL_ESCHEMA);
	ck_assert_int_eq(hl__expr_compile("thirsty", 7, NULL,
	    HL__T_BOOL, &x, &e), HL_OK);
	hl__expr_free(x);
}
END_TEST

START_TEST(expr_null_resolver)
{
	static const struct hl__expr_env env = { NULL, NULL, 5, 1, NULL };
	struct hl__expr_error e;
	hl__expr *x;

	ck_assert_int_eq(hl__expr_compile("fired(rf_a)", 11, &env,
	    HL__T_BOOL, &x, &e), HL_ESCHEMA);
	ck_assert_uint_eq(e.offset, 6);
	ck_assert_str_eq(e.name, "rf_a");
	ck_assert_str_eq(e.message, "unknown rule 'rf_a'");
	ck_assert_ptr_null(x);
}
END_TEST

/* ---- errors: code, byte offset, name, message ---- */

static const struct {
	const char *src;
	int code;
	size_t offset;
	const char *name;
	const char *message;
} errors[] = {
	{ "", HL_ESYNTAX, 0, "", "empty condition" },
	{ "   ", HL_ESYNTAX, 3, "", "empty condition" },
	{ "wekly_km > 5", HL_ESCHEMA, 0, "wekly_km",
	  "unknown input 'wekly_km'" },
	{ "acwr > 1 and wekly_km", HL_ESCHEMA, 13, "wekly_km",
	  "unknown input 'wekly_km'" },
	{ "Acwr > 1", HL_ESCHEMA, 0, "Acwr",
	  "unknown input 'Acwr' (did you mean 'acwr'?)" },
	{ "sudden", HL_ESCHEMA, 0, "sudden", "unknown input 'sudden'" },
	{ "sudden == 1", HL_ESCHEMA, 0, "sudden", "unknown input 'sudden'" },
	{ "1 == sudden", HL_ESCHEMA, 5, "sudden", "unknown input 'sudden'" },
	{ "sudden and yes", HL_ESCHEMA, 0, "sudden",
	  "unknown input 'sudden'" },
	{ "-sudden > 1", HL_ESCHEMA, 1, "sudden", "unknown input 'sudden'" },
	{ "known(sudden)", HL_ESCHEMA, 6, "sudden",
	  "unknown input 'sudden'" },
	{ "wekly_km[2] > 1", HL_ESCHEMA, 0, "wekly_km",
	  "unknown input 'wekly_km'" },
	{ "acwr > inf", HL_ESCHEMA, 7, "inf", "unknown input 'inf'" },
	{ "acwr > nan", HL_ESCHEMA, 7, "nan", "unknown input 'nan'" },
	{ "foo(1)", HL_ESCHEMA, 0, "foo", "unknown function 'foo'" },
	{ "(acwr > 1", HL_ESYNTAX, 9, "", "expected ')'" },
	{ "(acwr > 1 yes", HL_ESYNTAX, 10, "yes", "expected ')'" },
	{ "acwr > 1)", HL_ESYNTAX, 8, ")", "unexpected ')'" },
	{ "acwr > 1 xyz", HL_ESYNTAX, 9, "xyz", "unexpected 'xyz'" },
	{ "acwr > 1 (", HL_ESYNTAX, 9, "(", "unexpected '('" },
	{ "acwr >", HL_ESYNTAX, 6, "", "unexpected end of condition" },
	{ "thirsty and", HL_ESYNTAX, 11, "", "unexpected end of condition" },
	{ "not", HL_ESYNTAX, 3, "", "unexpected end of condition" },
	{ "()", HL_ESYNTAX, 1, ")", "unexpected ')'" },
	{ "acwr >> 1", HL_ESYNTAX, 6, ">", "unexpected '>'" },
	{ "acwr > * 1", HL_ESYNTAX, 7, "*", "unexpected '*'" },
	{ "acwr = 1", HL_ESYNTAX, 5, "=",
	  "unexpected '=' (compare with '==')" },
	{ "not! thirsty", HL_ESYNTAX, 3, "!",
	  "unexpected '!' (use 'not' or '!=')" },
	{ "acwr > 1 && yes", HL_ESYNTAX, 9, "&", "unexpected '&'" },
	{ "acwr \xe2\x89\xa5 1", HL_ESYNTAX, 5, "\xe2\x89\xa5",
	  "unexpected '\xe2\x89\xa5'" },
	{ "acwr > \x01", HL_ESYNTAX, 7, "", "unexpected byte 0x01" },
	{ "acwr > \xff", HL_ESYNTAX, 7, "", "unexpected byte 0xff" },
	{ "acwr > 1.2.3", HL_ESYNTAX, 7, "1.2.3", "bad number '1.2.3'" },
	{ "acwr > 5km", HL_ESYNTAX, 7, "5km", "bad number '5km'" },
	{ "acwr > 1e", HL_ESYNTAX, 7, "1e", "bad number '1e'" },
	{ "acwr > 1e+", HL_ESYNTAX, 7, "1e+", "bad number '1e+'" },
	{ "acwr > 0x10", HL_ESYNTAX, 7, "0x10", "bad number '0x10'" },
	{ "age_years>=30and age_years<=30", HL_ESYNTAX, 11, "30and",
	  "bad number '30and'" },
	{ "acwr > 1e999", HL_ESCHEMA, 7, "1e999", "number out of range "
	  "'1e999' (a number is 0 or from about 2.2e-308 to 1.8e308 in size)" },
	/* a literal that underflows to 0, or to a subnormal, is refused */
	{ "acwr >= 1e-400", HL_ESCHEMA, 8, "1e-400", "number out of range "
	  "'1e-400' (a number is 0 or from about 2.2e-308 to 1.8e308 in size)" },
	{ "acwr >= 1e-310", HL_ESCHEMA, 8, "1e-310", "number out of range "
	  "'1e-310' (a number is 0 or from about 2.2e-308 to 1.8e308 in size)" },
	{ "heaviness_side == sudden", HL_ESCHEMA, 18, "sudden",
	  "'sudden' is not a value of heaviness_side" },
	{ "sudden != heaviness_side", HL_ESCHEMA, 0, "sudden",
	  "'sudden' is not a value of heaviness_side" },
	{ "heaviness_onset < sudden", HL_ESCHEMA, 16, "heaviness_onset",
	  "enum heaviness_onset can only be compared with == or !=" },
	{ "sudden > heaviness_onset", HL_ESCHEMA, 0, "sudden",
	  "unknown input 'sudden'" },
	{ "heaviness_onset + 1 > 1", HL_ESCHEMA, 16, "heaviness_onset",
	  "enum heaviness_onset can only be compared with == or !=" },
	{ "heaviness_onset and yes", HL_ESCHEMA, 16, "heaviness_onset",
	  "enum heaviness_onset can only be compared with == or !=" },
	{ "not heaviness_onset", HL_ESCHEMA, 0, "heaviness_onset",
	  "enum heaviness_onset can only be compared with == or !=" },
	{ "heaviness_onset == 1", HL_ESCHEMA, 19, "heaviness_onset",
	  "enum heaviness_onset can only be compared with one of its values" },
	{ "yes != heaviness_onset", HL_ESCHEMA, 0, "heaviness_onset",
	  "enum heaviness_onset can only be compared with one of its values" },
	{ "heaviness_onset == heaviness_side", HL_ESCHEMA, 19,
	  "heaviness_onset",
	  "enum heaviness_onset can only be compared with one of its values" },
	{ "heaviness_onset == (sudden == heaviness_onset)", HL_ESCHEMA, 19,
	  "heaviness_onset",
	  "enum heaviness_onset can only be compared with one of its values" },
	{ "heaviness_onset", HL_ESCHEMA, 0, "heaviness_onset",
	  "condition must be yes/no: compare enum heaviness_onset with == or "
	  "!= and one of its values" },
	{ "acwr", HL_ESCHEMA, 0, "", "condition must be yes/no, not a number" },
	{ "  acwr + 1", HL_ESCHEMA, 2, "",
	  "condition must be yes/no, not a number" },
	{ "(acwr)", HL_ESCHEMA, 0, "",
	  "condition must be yes/no, not a number" },
	{ "thirsty == 1", HL_ESCHEMA, 8, "",
	  "cannot compare yes/no with a number" },
	{ "acwr == yes", HL_ESCHEMA, 5, "",
	  "cannot compare a number with yes/no" },
	{ "acwr != thirsty", HL_ESCHEMA, 5, "",
	  "cannot compare a number with yes/no" },
	{ "thirsty < yes", HL_ESCHEMA, 8, "<",
	  "'<' needs numbers, not yes/no" },
	{ "1 >= thirsty", HL_ESCHEMA, 2, ">=",
	  "'>=' needs numbers, not yes/no" },
	{ "thirsty + 1 > 0", HL_ESCHEMA, 8, "+",
	  "'+' needs numbers, not yes/no" },
	{ "2 * (1 < 2) > 0", HL_ESCHEMA, 2, "*",
	  "'*' needs numbers, not yes/no" },
	{ "acwr and thirsty", HL_ESCHEMA, 5, "and",
	  "'and' needs yes/no on both sides, not a number" },
	{ "thirsty or 1", HL_ESCHEMA, 8, "or",
	  "'or' needs yes/no on both sides, not a number" },
	{ "not acwr", HL_ESCHEMA, 0, "not", "'not' needs yes/no, not a number" },
	{ "-thirsty", HL_ESCHEMA, 0, "-", "'-' needs a number, not yes/no" },
	{ "1 < 2 < 3", HL_ESYNTAX, 6, "<",
	  "comparisons cannot be chained; join them with 'and'" },
	{ "1 + 1 < 3 == yes", HL_ESYNTAX, 10, "==",
	  "comparisons cannot be chained; join them with 'and'" },
	{ "thirsty == not muscle_cramps", HL_ESYNTAX, 11, "not",
	  "unexpected 'not' (put it in parentheses)" },
	{ "1 + not yes", HL_ESYNTAX, 4, "not",
	  "unexpected 'not' (put it in parentheses)" },
	{ "daily_distance_km > 5", HL_ESCHEMA, 0, "daily_distance_km",
	  "daily_distance_km is a daily series: write daily_distance_km[0] "
	  "for today, up to [27]" },
	{ "daily_distance_km[28] > 5", HL_ESCHEMA, 18, "daily_distance_km",
	  "day index '28' is not a whole number from 0 to 27" },
	{ "daily_distance_km[1.5] > 5", HL_ESCHEMA, 18, "daily_distance_km",
	  "day index '1.5' is not a whole number from 0 to 27" },
	{ "daily_distance_km[1e1] > 5", HL_ESCHEMA, 18, "daily_distance_km",
	  "day index '1e1' is not a whole number from 0 to 27" },
	{ "daily_distance_km[x] > 5", HL_ESYNTAX, 18, "x",
	  "expected a day index from 0 to 27" },
	{ "daily_distance_km[-1] > 5", HL_ESYNTAX, 18, "-",
	  "expected a day index from 0 to 27" },
	{ "daily_distance_km[1 > 5", HL_ESYNTAX, 20, ">", "expected ']'" },
	{ "age_years[1] > 5", HL_ESCHEMA, 9, "age_years",
	  "age_years is not a daily series" },
	{ "acwr[0] > 1", HL_ESCHEMA, 4, "acwr", "acwr is not a daily series" },
	{ "fired(nope)", HL_ESCHEMA, 6, "nope", "unknown rule 'nope'" },
	{ "fired(and)", HL_ESYNTAX, 6, "and", "expected a rule id" },
	{ "fired rf_a", HL_ESYNTAX, 6, "rf_a", "expected '(' after 'fired'" },
	{ "fired(1)", HL_ESYNTAX, 6, "1", "expected a rule id" },
	{ "fired(rf_a", HL_ESYNTAX, 10, "", "expected ')'" },
	{ "fired(rf_a rf_b)", HL_ESYNTAX, 11, "rf_b", "expected ')'" },
	{ "known acwr", HL_ESYNTAX, 6, "acwr", "expected '(' after 'known'" },
	{ "known(acwr", HL_ESYNTAX, 10, "", "expected ')'" },
	{ "known()", HL_ESYNTAX, 6, ")", "unexpected ')'" },
	{ "urgency > 2", HL_ESCHEMA, 0, "urgency",
	  "urgency can only be used in strategy conditions" },
	{ "yes(1)", HL_ESYNTAX, 3, "(", "unexpected '('" },
};

START_TEST(expr_errors)
{
	struct hl__expr_error e;
	hl__expr *x = (hl__expr *)&e;	/* must come back NULL */
	const char *src = errors[_i].src;
	int rc;

	rc = hl__expr_compile(src, strlen(src), &env_rule, HL__T_BOOL, &x,
	    &e);
	ck_assert_msg(rc == errors[_i].code, "'%s': code %d, want %d (%s)",
	    src, rc, errors[_i].code, e.message);
	ck_assert_int_eq(e.code, rc);
	ck_assert_ptr_null(x);
	ck_assert_msg(e.offset == errors[_i].offset,
	    "'%s': offset %zu, want %zu", src, e.offset, errors[_i].offset);
	ck_assert_str_eq(e.message, errors[_i].message);
	ck_assert_str_eq(e.name, errors[_i].name);
}
END_TEST

/* ---- nesting depth ---- */

/* pre open^n mid close^n post */
static int
nested(const char *pre, const char *open, const char *mid,
    const char *close, const char *post, int n, struct hl__expr_error *e,
    double *val)
{
	char buf[40000];
	size_t len = 0;
	double v[NSLOTS];
	hl__expr *x;
	int i, rc;

	len += (size_t)snprintf(buf + len, sizeof buf - len, "%s", pre);
	for (i = 0; i < n; i++)
		len += (size_t)snprintf(buf + len, sizeof buf - len, "%s",
		    open);
	len += (size_t)snprintf(buf + len, sizeof buf - len, "%s", mid);
	for (i = 0; i < n; i++)
		len += (size_t)snprintf(buf + len, sizeof buf - len, "%s",
		    close);
	len += (size_t)snprintf(buf + len, sizeof buf - len, "%s", post);
	ck_assert_uint_lt(len, sizeof buf - 1);
	rc = hl__expr_compile(buf, len, &env_rule, HL__T_BOOL, &x, e);
	if (rc == HL_OK) {
		fill(v);
		*val = hl__expr_eval(x, v);
		hl__expr_free(x);
	}
	return rc;
}

#define DEEP_MSG	"condition nested more than 64 levels deep"

/*
 * heavylegs-rules(5): at most 64 levels, each '(', 'known(', 'not' and
 * '-' one; at the limit a condition loads, one past it does not, with the
 * limit in the message and the position of the level too many.
 */
START_TEST(expr_depth)
{
	struct hl__expr_error e;
	double v = 0;
	int max = HL__EXPR_MAX_DEPTH;

	ck_assert_int_eq(max, 64);
	ck_assert_int_eq(nested("", "(", "yes", ")", "", max, &e, &v), HL_OK);
	ck_assert(same(v, 1));
	ck_assert_int_eq(nested("", "(", "yes", ")", "", max + 1, &e, &v),
	    HL_ESYNTAX);
	ck_assert_ptr_nonnull(strstr(e.message, DEEP_MSG));
	ck_assert_uint_eq(e.offset, (size_t)max);
	ck_assert_int_eq(nested("", "(", "yes", ")", "", 5000, &e, &v),
	    HL_ESYNTAX);
	ck_assert_ptr_nonnull(strstr(e.message, DEEP_MSG));
	ck_assert_uint_eq(e.offset, (size_t)max);

	ck_assert_int_eq(nested("", "not ", "yes", "", "", max, &e, &v),
	    HL_OK);
	ck_assert(same(v, max % 2 ? 0 : 1));
	ck_assert_int_eq(nested("", "not ", "yes", "", "", max + 1, &e, &v),
	    HL_ESYNTAX);
	ck_assert_ptr_nonnull(strstr(e.message, DEEP_MSG));
	ck_assert_uint_eq(e.offset, (size_t)max * 4);

	/* "- - - 1 < 0" is (- - - 1) < 0 */
	ck_assert_int_eq(nested("", "-", "1 < 0", "", "", max, &e, &v),
	    HL_OK);
	ck_assert(same(v, max % 2 ? 1 : 0));
	ck_assert_int_eq(nested("", "-", "1 < 0", "", "", max + 1, &e, &v),
	    HL_ESYNTAX);
	ck_assert_ptr_nonnull(strstr(e.message, DEEP_MSG));
	ck_assert_uint_eq(e.offset, (size_t)max);

	ck_assert_int_eq(nested("", "known(", "acwr", ")", "", max, &e, &v),
	    HL_OK);
	ck_assert_int_eq(nested("", "known(", "acwr", ")", "", max + 1, &e,
	    &v), HL_ESYNTAX);
	ck_assert_ptr_nonnull(strstr(e.message, DEEP_MSG));
	ck_assert_uint_eq(e.offset, (size_t)max * 6);

	/* the levels mixed: ( not - known( count alike */
	ck_assert_int_eq(nested("", "(not -(", "1 < 0", "))", "", max / 4,
	    &e, &v), HL_ESCHEMA);	/* 'not' needs yes/no: types, not depth */
	ck_assert_int_eq(nested("", "(not (", "yes", "))", "", max / 3, &e,
	    &v), HL_OK);
	ck_assert_int_eq(nested("", "(not (", "yes", "))", "", max / 3 + 1,
	    &e, &v), HL_ESYNTAX);

	/* operators add no level; pending operands fit at any depth */
	ck_assert_int_eq(nested("", "1 + (", "1", ")", "", max, &e, &v),
	    HL_ESCHEMA);	/* a number, not a condition */
	ck_assert_str_eq(e.message, "condition must be yes/no, not a number");
	ck_assert_int_eq(nested("", "1 + (", "1", ")", "", max + 1, &e, &v),
	    HL_ESYNTAX);
	ck_assert_ptr_nonnull(strstr(e.message, DEEP_MSG));
	ck_assert_int_eq(nested("age_years < ", "1 + 2 * (", "age_years",
	    ")", "", max, &e, &v), HL_OK);
	ck_assert(same(v, 1));
	ck_assert_int_eq(nested("", "no or no and (", "yes", ")", "", max,
	    &e, &v), HL_OK);
	ck_assert(same(v, 0));
}
END_TEST

START_TEST(expr_long)
{
	/* Long flat chains need no depth: 20000 terms, stack of two. */
	size_t n = 20000, len = 0, i;
	char *buf = malloc(n * 16 + 32);
	struct hl__expr_error e;
	double v[NSLOTS];
	hl__expr *x;

	ck_assert_ptr_nonnull(buf);
	for (i = 0; i < n; i++) {
		memcpy(buf + len, i ? "+ 1 " : "1 ", i ? 4 : 2);
		len += i ? 4 : 2;
	}
	len += (size_t)sprintf(buf + len, "== %zu", n);
	ck_assert_int_eq(hl__expr_compile(buf, len, &env_rule, HL__T_BOOL,
	    &x, &e), HL_OK);
	fill(v);
	ck_assert(same(hl__expr_eval(x, v), 1));
	hl__expr_free(x);

	for (i = len = 0; i < n; i++)
		len += (size_t)sprintf(buf + len, "%sthirsty",
		    i ? " and " : "");
	ck_assert_int_eq(hl__expr_compile(buf, len, &env_rule, HL__T_BOOL,
	    &x, &e), HL_OK);
	ck_assert(same(hl__expr_eval(x, v), 1));
	ck_assert_uint_eq(hl__expr_nrefs(x), 1);
	hl__expr_free(x);
	free(buf);
}
END_TEST

/* ---- refs ---- */

START_TEST(expr_refs)
{
	struct hl__expr_error e;
	const uint32_t *r;
	hl__expr *x;
	const char *src;

	src = "acwr > 1 and age_years < 30 and acwr < 2 or fired(rf_b) or "
	    "daily_distance_km[3] > age_years or urgency > 1";
	ck_assert_int_eq(hl__expr_compile(src, strlen(src), &env_strategy,
	    HL__T_BOOL, &x, &e), HL_OK);
	ck_assert_uint_eq(hl__expr_nrefs(x), 5);
	r = hl__expr_refs(x);
	ck_assert_uint_eq(r[0], slot_of("age_years"));
	ck_assert_uint_eq(r[1], slot_of("daily_distance_km") + 3);
	ck_assert_uint_eq(r[2], slot_of("acwr"));
	ck_assert_uint_eq(r[3], HL__RULE_BASE + 1);
	ck_assert_uint_eq(r[4], URGENCY);
	hl__expr_free(x);

	/* An enum value is a constant, not a slot. */
	src = "sudden == heaviness_onset or heaviness_side == one";
	ck_assert_int_eq(hl__expr_compile(src, strlen(src), &env_rule,
	    HL__T_BOOL, &x, &e), HL_OK);
	ck_assert_uint_eq(hl__expr_nrefs(x), 2);
	r = hl__expr_refs(x);
	ck_assert_uint_eq(r[0], slot_of("heaviness_onset"));
	ck_assert_uint_eq(r[1], slot_of("heaviness_side"));
	hl__expr_free(x);

	ck_assert_int_eq(hl__expr_compile("yes or 1 < 2", 12, &env_rule,
	    HL__T_BOOL, &x, &e), HL_OK);
	ck_assert_uint_eq(hl__expr_nrefs(x), 0);
	hl__expr_free(x);

	ck_assert_int_eq(hl__expr_compile("known(hrv_low)", 14, &env_rule,
	    HL__T_BOOL, &x, &e), HL_OK);
	ck_assert_uint_eq(hl__expr_nrefs(x), 1);
	ck_assert_uint_eq(hl__expr_refs(x)[0], slot_of("hrv_low"));
	hl__expr_free(x);
}
END_TEST

/* ---- allocation failures ---- */

START_TEST(expr_alloc_fail)
{
	static const char src[] =
	    "acwr >= 1.5 and (sleep_7d_h < 7 or rest_days_7d == 0) or "
	    "heaviness_onset == sudden and sudden == heaviness_onset or "
	    "1 + 2 + 3 + 4 + 5 + 6 + 7 + 8 + 9 + 10 + 11 + 12 + 13 > 14 or "
	    "daily_distance_km[3] * 2 > 10 and known(body_mass_kg) or "
	    "fired(rf_a) or not fired(cause_c) and thirsty == yes";
	struct hl__expr_error e;
	double v[NSLOTS];
	hl__expr *x;
	long n;
	int rc = HL_ENOMEM;

	for (n = 0; n < 1000 && rc != HL_OK; n++) {
		x = (hl__expr *)&e;
		hl__alloc_fail_after(n);
		rc = hl__expr_compile(src, strlen(src), &env_rule,
		    HL__T_BOOL, &x, &e);
		hl__alloc_fail_after(-1);
		if (rc != HL_OK) {
			ck_assert_int_eq(rc, HL_ENOMEM);
			ck_assert_int_eq(e.code, HL_ENOMEM);
			ck_assert_ptr_null(x);
		}
	}
	ck_assert_int_eq(rc, HL_OK);
	ck_assert_int_gt(n, 3);		/* several allocations were tried */
	fill(v);
	ck_assert(same(hl__expr_eval(x, v), 1));
	hl__expr_free(x);

	/* Errors found after some allocations free them too. */
	hl__alloc_fail_after(-1);
	ck_assert_int_eq(hl__expr_compile(src, strlen(src) - 3, &env_rule,
	    HL__T_BOOL, &x, &e), HL_ESYNTAX);
	ck_assert_str_eq(e.message, "unexpected end of condition");
}
END_TEST

/* ---- garbage never crashes ---- */

START_TEST(expr_garbage)
{
	static const char *const seeds[] = {
		"acwr >= 1.5 and (sleep_7d_h < 7 or rest_days_7d == 0)",
		"heaviness_onset == sudden or known(daily_sleep_h[3])",
		"not fired(rf_a) and -(1 + 2) * 3 / 0 != urgency",
	};
	static const char alphabet[] = "()[]<>=!+-*/ .0123456789eaknotd_x\0";
	unsigned long seed = 12345;
	double v[NSLOTS];
	int i, j;

	fill(v);
	for (i = 0; i < 20000; i++) {
		struct hl__expr_error e;
		char buf[128];
		const char *s = seeds[i % 3];
		size_t len = strlen(s);
		hl__expr *x;

		memcpy(buf, s, len);
		for (j = 0; j < 1 + i % 4; j++) {
			seed = seed * 6364136223846793005UL + 1442695040888963407UL;
			buf[(seed >> 33) % len] = (i & 1) ?
			    alphabet[(seed >> 13) % (sizeof alphabet - 1)] :
			    (char)(seed >> 20);
		}
		if (hl__expr_compile(buf, (seed >> 40) % (len + 1),
		    i % 5 ? &env_strategy : NULL, HL__T_BOOL, &x, &e) ==
		    HL_OK) {
			double r = hl__expr_eval(x, v);

			ck_assert(isnan(r) || r == 0 || r == 1);
			hl__expr_free(x);
		} else {
			ck_assert(e.code == HL_ESYNTAX || e.code == HL_ESCHEMA);
			ck_assert_uint_le(e.offset, len);
			ck_assert_uint_lt(strlen(e.name), sizeof e.name);
			ck_assert_uint_gt(strlen(e.message), 0);
		}
	}
}
END_TEST

/* ---- strconv ---- */

static const struct {
	const char *s;
	int ok;
	double v;
	size_t used;
} parses[] = {
	{ "0.45", 0, 0.45, 4 },
	{ "1", 0, 1, 1 },
	{ "-0.1", 0, -0.1, 4 },
	{ "+2.5", 0, 2.5, 4 },
	{ "1e30", 0, 1e30, 4 },
	{ "1.5E-3", 0, 1.5e-3, 6 },
	{ ".5", 0, 0.5, 2 },
	{ "5.", 0, 5, 2 },
	{ "007", 0, 7, 3 },
	{ "0.30000000000000004", 0, 0.30000000000000004, 19 },
	{ "1.7976931348623157e308", 0, 1.7976931348623157e308, 22 },
	{ "4.9e-324", 0, 4.9e-324, 8 },
	{ "1e-400", -2, 0, 0 },		/* underflows to 0: refused */
	{ "-1e-400", -2, 0, 0 },
	{ "0e-400", 0, 0, 6 },		/* 0 is 0 */
	{ "0.000000", 0, 0, 8 },
	{ "123456789012345678901234567890", 0, 1.2345678901234568e29, 30 },
	{ "1e", 0, 1, 1 },
	{ "1e+", 0, 1, 1 },
	{ "2.5x", 0, 2.5, 3 },
	{ "1,5", 0, 1, 1 },
	{ "0x10", 0, 0, 1 },
	{ "1e400", -2, 0, 0 },
	{ "-1e400", -2, 0, 0 },
	{ "inf", -1, 0, 0 },
	{ "-inf", -1, 0, 0 },
	{ "infinity", -1, 0, 0 },
	{ "nan", -1, 0, 0 },
	{ "NAN", -1, 0, 0 },
	{ "", -1, 0, 0 },
	{ "-", -1, 0, 0 },
	{ ".", -1, 0, 0 },
	{ "e5", -1, 0, 0 },
	{ " 1", -1, 0, 0 },
	{ ",5", -1, 0, 0 },
};

static void
check_parses(void)
{
	size_t i;

	for (i = 0; i < sizeof parses / sizeof parses[0]; i++) {
		const char *s = parses[i].s;
		size_t used = 99;
		double v = -99;
		int rc, whole;

		rc = hl__strtod(s, strlen(s), &v, &used);
		ck_assert_msg(rc == parses[i].ok, "'%s': %d", s, rc);
		if (rc != 0)
			continue;
		ck_assert_msg(v == parses[i].v, "'%s' = %.17g", s, v);
		ck_assert_msg(used == parses[i].used, "'%s' used %zu", s,
		    used);
		whole = hl__parse_double(s, strlen(s), &v);
		ck_assert_int_eq(whole, used == strlen(s) ? 0 : -1);
	}
	/* Only len bytes are read; NULL out and used are fine. */
	ck_assert_int_eq(hl__parse_double("2.5e3", 3, NULL), 0);
	ck_assert_int_eq(hl__strtod("2.5", 0, NULL, NULL), -1);
	ck_assert_int_eq(hl__strtod(NULL, 0, NULL, NULL), -1);
}

static const struct {
	double v;
	int prec;
	const char *want;
} fmts[] = {
	{ 0.45, -1, "0.45" },
	{ 1, -1, "1" },
	{ 1e30, -1, "1e+30" },
	{ -0.1, -1, "-0.1" },
	{ 0.1 + 0.2, -1, "0.30000000000000004" },
	{ 1.0 / 3, -1, "0.3333333333333333" },
	{ 123456789.125, -1, "123456789.125" },
	{ 1e-7, -1, "1e-07" },
	{ -0.0, -1, "0" },
	{ 1.6, 1, "1.6" },
	{ 1.25, 1, "1.2" },
	{ 2.5, 0, "2" },
	{ 30, 0, "30" },
	{ -3.14159, 3, "-3.142" },
	{ 0.45, 9, "0.450000000" },
	{ 1e30, 2, "1000000000000000019884624838656.00" },
};

static void
check_fmts(void)
{
	char buf[64], small[4];
	size_t i;
	int n;

	for (i = 0; i < sizeof fmts / sizeof fmts[0]; i++) {
		n = hl__fmt_double(buf, sizeof buf, fmts[i].v, fmts[i].prec);
		ck_assert_str_eq(buf, fmts[i].want);
		ck_assert_int_eq(n, (int)strlen(fmts[i].want));
	}
	hl__fmt_double(buf, sizeof buf, NAN, -1);
	ck_assert_str_eq(buf, "nan");
	hl__fmt_double(buf, sizeof buf, INFINITY, 2);
	ck_assert_str_eq(buf, "inf");
	hl__fmt_double(buf, sizeof buf, -INFINITY, -1);
	ck_assert_str_eq(buf, "-inf");
	/* snprintf-like truncation */
	n = hl__fmt_double(small, sizeof small, 3.14159, 4);
	ck_assert_int_eq(n, 6);
	ck_assert_str_eq(small, "3.1");
	ck_assert_int_eq(hl__fmt_double(NULL, 0, 1234.5, -1), 6);
	ck_assert_int_eq(hl__fmt_double(small, 1, 1234.5, -1), 6);
	ck_assert_str_eq(small, "");
}

static void
check_roundtrip(void)
{
	unsigned long seed = 99;
	int i;

	for (i = 0; i < 20000; i++) {
		char buf[64];
		double v, back;
		uint64_t bits;
		int n;

		seed = seed * 6364136223846793005UL + 1442695040888963407UL;
		bits = (uint64_t)seed;
		memcpy(&v, &bits, sizeof v);
		if (!isfinite(v))
			continue;
		n = hl__fmt_double(buf, sizeof buf, v, -1);
		ck_assert_int_lt(n, (int)sizeof buf);
		ck_assert_msg(hl__parse_double(buf, (size_t)n, &back) == 0 &&
		    back == v, "%s does not read back", buf);
	}
}

/*
 * The shortest form without a precision, as %.15g, %.16g or %.17g (the
 * first that reads back) writes it, for decimals of every size the fast
 * path takes and the ones it leaves (C locale).
 */
START_TEST(strconv_fast_same)
{
	static const double scale[] = { 1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7 };
	char got[64], want[64];
	uint64_t st = 99;
	double v, back;
	int i, p;

	for (i = 0; i < 100000; i++) {
		st = st * 6364136223846793005ULL + 1442695040888963407ULL;
		switch (i % 5) {
		case 0:		/* a decimal with 0..7 digits after the point */
			v = (double)((st >> 20) % 100000000) /
			    scale[(st >> 8) % 8];
			break;
		case 1:		/* any bits */
			memcpy(&v, &st, sizeof v);
			if (!isfinite(v))
				continue;
			break;
		case 2:		/* near the edges: 1e-4, 1e14 */
			v = ((st >> 11) % 2 ? 1e-4 : 1e14) *
			    (0.999 + (double)((st >> 20) % 3000) * 1e-6);
			break;
		case 3:		/* any mantissa, 1e-5 to 1e7 */
			v = ldexp(1 + (double)(st >> 12) / 0x1p52,
			    (int)((st >> 4) % 41) - 17);
			break;
		default:	/* scores: noisy-OR products */
			v = 1 - (1 - (double)((st >> 20) % 100) / 100) *
			    (1 - (double)((st >> 30) % 100) / 100);
			break;
		}
		if (st >> 63)
			v = -v;
		if (v == 0)
			v = 0.0;
		for (p = 15; p <= 17; p++) {
			snprintf(want, sizeof want, "%.*g", p, v);
			if (strtod(want, NULL) == v)
				break;
		}
		hl__fmt_double(got, sizeof got, v, -1);
		ck_assert_msg(strcmp(got, want) == 0, "%.17g: got %s, want %s",
		    v, got, want);
		ck_assert(hl__parse_double(got, strlen(got), &back) == 0 &&
		    back == v);
	}
}
END_TEST

START_TEST(strconv_c)
{
	check_parses();
	check_fmts();
	check_roundtrip();
}
END_TEST

/*
 * The same results under a comma-decimal locale.  `make deps` generates
 * de_DE.UTF-8; without it this test fails rather than passing silently.
 */
START_TEST(strconv_de)
{
	char saved[256], buf[32];
	struct hl__text t;
	const char *cur;
	double v[NSLOTS];

	cur = setlocale(LC_ALL, NULL);
	ck_assert_ptr_nonnull(cur);
	snprintf(saved, sizeof saved, "%s", cur);
	if (setlocale(LC_ALL, "de_DE.UTF-8") == NULL)
		ck_abort_msg("locale de_DE.UTF-8 is missing: run 'make deps' "
		    "(it installs the locales package and generates it)");
	/* The locale really is in force for the C library... */
	snprintf(buf, sizeof buf, "%.1f", 1.5);
	ck_assert_str_eq(buf, "1,5");
	ck_assert(strtod("1.5", NULL) == 1.0);
	/* ...and not for us. */
	check_parses();
	check_fmts();
	check_roundtrip();
	ck_assert(same(eval_src("acwr > 1.5 and acwr < 1.65", &env_rule,
	    HL__T_BOOL), 1));
	ck_assert_int_eq(hl__text_compile(&t, "{acwr:.2f} / {acwr}", 19,
	    NULL), HL_OK);
	fill(v);
	hl__text_render(&t, v, buf, sizeof buf);
	ck_assert_str_eq(buf, "1.60 / 1.6");
	hl__text_free(&t);
	setlocale(LC_ALL, saved);
}
END_TEST

/* ---- text templates ---- */

static const struct {
	const char *src;
	const char *want;
} texts[] = {
	{ "", "" },
	{ "plain text", "plain text" },
	{ "{{x}}", "{x}" },
	{ "a {{ b }} c", "a { b } c" },
	{ "{{{acwr:.0f}}}", "{2}" },
	{ "{acwr:.1f}x", "1.6x" },
	{ "{acwr}", "1.6" },
	{ "{acwr:.3f}", "1.600" },
	{ "load is {acwr:.1f}x your average", "load is 1.6x your average" },
	{ "{age_years:.0f} y", "30 y" },
	{ "{age_years}{age_years}", "3030" },
	{ "{body_mass_kg} kg", "unknown kg" },
	{ "{body_mass_kg:.1f}", "unknown" },
	{ "{thirsty}", "yes" },
	{ "{muscle_cramps}", "no" },
	{ "{heat_acclimatized}", "unknown" },
	{ "{heaviness_onset}", "sudden" },
	{ "{heaviness_side}", "unknown" },
	{ "{hrv_low}", "yes" },
	{ "{sleep_7d_h}", "unknown" },
	{ "{daily_distance_km[3]} km", "10 km" },
	{ "{daily_distance_km[0]:.2f}", "5.00" },
	{ "{daily_distance_km[1]}", "unknown" },
	{ "ä {cadence_spm} spm", "ä 170 spm" },
};

START_TEST(text_render)
{
	struct hl__expr_error e;
	struct hl__text t;
	double v[NSLOTS];
	char buf[128];
	const char *src = texts[_i].src;
	size_t n;

	ck_assert_msg(hl__text_compile(&t, src, strlen(src), &e) == HL_OK,
	    "'%s': %s", src, e.message);
	ck_assert_ptr_nonnull(t.src);
	fill(v);
	n = hl__text_render(&t, v, buf, sizeof buf);
	ck_assert_str_eq(buf, texts[_i].want);
	ck_assert_uint_eq(n, strlen(texts[_i].want));
	hl__text_free(&t);
	ck_assert_ptr_null(t.src);
	hl__text_free(&t);
}
END_TEST

static const struct {
	const char *src;
	int code;
	size_t offset;
	const char *message;
} text_errors[] = {
	{ "{acwr", HL_ESYNTAX, 0, "unmatched '{'" },
	{ "x {acwr:.1f", HL_ESYNTAX, 2, "unmatched '{'" },
	{ "ab {", HL_ESYNTAX, 3, "unmatched '{'" },
	{ "a } b", HL_ESYNTAX, 2, "unmatched '}' (write '}}' for a brace)" },
	{ "{acwr}}", HL_ESYNTAX, 6, "unmatched '}' (write '}}' for a brace)" },
	{ "{}", HL_ESYNTAX, 1,
	  "expected a name after '{' (write '{{' for a brace)" },
	{ "{ acwr }", HL_ESYNTAX, 1,
	  "expected a name after '{' (write '{{' for a brace)" },
	{ "{acwr x}", HL_ESYNTAX, 5, "expected '}'" },
	{ "{acwr:.10f}", HL_ESYNTAX, 5,
	  "bad format ':.10f' (write {acwr:.Nf}, N from 0 to 9)" },
	{ "{acwr:2f}", HL_ESYNTAX, 5,
	  "bad format ':2f' (write {acwr:.Nf}, N from 0 to 9)" },
	{ "{acwr:.2g}", HL_ESYNTAX, 5,
	  "bad format ':.2g' (write {acwr:.Nf}, N from 0 to 9)" },
	{ "{acwr:}", HL_ESYNTAX, 5,
	  "bad format ':' (write {acwr:.Nf}, N from 0 to 9)" },
	{ "see {wekly_km} km", HL_ESCHEMA, 5, "unknown input 'wekly_km'" },
	{ "{urgency}", HL_ESCHEMA, 1, "unknown input 'urgency'" },
	{ "{daily_distance_km}", HL_ESCHEMA, 1,
	  "daily_distance_km is a daily series: write daily_distance_km[0] "
	  "for today, up to [27]" },
	{ "{daily_distance_km[28]}", HL_ESCHEMA, 19,
	  "day index 28 is not from 0 to 27" },
	{ "{daily_distance_km[x]}", HL_ESYNTAX, 19,
	  "expected a day index from 0 to 27" },
	{ "{daily_distance_km[1}", HL_ESYNTAX, 19,
	  "expected a day index from 0 to 27" },
	{ "{age_years[1]}", HL_ESCHEMA, 10, "age_years is not a daily series" },
	{ "{thirsty:.1f}", HL_ESCHEMA, 8,
	  "thirsty is not a number: it takes no format" },
	{ "{heaviness_side:.0f}", HL_ESCHEMA, 15,
	  "heaviness_side is not a number: it takes no format" },
};

START_TEST(text_errors_table)
{
	struct hl__expr_error e;
	struct hl__text t;
	const char *src = text_errors[_i].src;
	int rc;

	rc = hl__text_compile(&t, src, strlen(src), &e);
	ck_assert_msg(rc == text_errors[_i].code, "'%s': %d (%s)", src, rc,
	    e.message);
	ck_assert_int_eq(e.code, rc);
	ck_assert_msg(e.offset == text_errors[_i].offset,
	    "'%s': offset %zu", src, e.offset);
	ck_assert_str_eq(e.message, text_errors[_i].message);
	ck_assert_ptr_null(t.src);
	ck_assert_ptr_null(t.seg);
	hl__text_free(&t);
}
END_TEST

START_TEST(text_misc)
{
	struct hl__expr_error e;
	struct hl__text t;
	double v[NSLOTS];
	char buf[8], big[64];
	const char *src = "heavy {acwr:.2f}x, {thirsty}";
	size_t n, cap;
	long k;
	int rc = HL_ENOMEM;

	fill(v);
	ck_assert_int_eq(hl__text_compile(&t, src, strlen(src), &e), HL_OK);
	ck_assert_str_eq(e.name, "");
	/* The full length whatever the room, NUL-terminated, no overrun. */
	n = hl__text_render(&t, v, big, sizeof big);
	ck_assert_str_eq(big, "heavy 1.60x, yes");
	for (cap = 0; cap <= sizeof buf; cap++) {
		memset(buf, 'Z', sizeof buf);
		ck_assert_uint_eq(hl__text_render(&t, v, buf, cap), n);
		if (cap > 0) {
			ck_assert_uint_eq(strlen(buf), cap - 1 < n ? cap - 1 :
			    n);
			ck_assert(strncmp(buf, big, cap - 1) == 0);
		}
		if (cap < sizeof buf)
			ck_assert_int_eq(buf[cap], 'Z');
	}
	ck_assert_uint_eq(hl__text_render(&t, v, NULL, 0), n);
	hl__text_free(&t);

	/* Embedded NUL bytes are text like any other. */
	ck_assert_int_eq(hl__text_compile(&t, "a\0b{acwr}", 9, &e), HL_OK);
	ck_assert_uint_eq(hl__text_render(&t, v, big, sizeof big), 6);
	ck_assert(memcmp(big, "a\0b1.6", 7) == 0);
	hl__text_free(&t);

	/* No text renders as "". */
	memset(&t, 0, sizeof t);
	ck_assert_uint_eq(hl__text_render(&t, v, big, sizeof big), 0);
	ck_assert_str_eq(big, "");
	ck_assert_uint_eq(hl__text_render(NULL, v, big, sizeof big), 0);
	hl__text_free(NULL);

	/* Allocation failures: HL_ENOMEM, nothing left behind. */
	for (k = 0; k < 100 && rc != HL_OK; k++) {
		hl__alloc_fail_after(k);
		rc = hl__text_compile(&t, src, strlen(src), &e);
		hl__alloc_fail_after(-1);
		if (rc != HL_OK) {
			ck_assert_int_eq(rc, HL_ENOMEM);
			ck_assert_ptr_null(t.src);
			ck_assert_ptr_null(t.seg);
		}
	}
	ck_assert_int_eq(rc, HL_OK);
	ck_assert_int_ge(k, 2);
	hl__text_free(&t);
}
END_TEST

static Suite *
suite_expr(void)
{
	Suite *s = suite_create("expr");
	TCase *tc;

	tc = tcase_create("expr");
	tcase_add_loop_test(tc, expr_values, 0,
	    sizeof values / sizeof values[0]);
	tcase_add_loop_test(tc, expr_kleene, 0, 9);
	tcase_add_loop_test(tc, expr_fast_same, 0,
	    sizeof fast_src / sizeof fast_src[0]);
	tcase_add_test(tc, expr_numeric);
	tcase_add_test(tc, expr_null_resolver);
	tcase_add_loop_test(tc, expr_errors, 0,
	    sizeof errors / sizeof errors[0]);
	tcase_add_test(tc, expr_depth);
	tcase_add_test(tc, expr_long);
	tcase_add_test(tc, expr_refs);
	tcase_add_test(tc, expr_alloc_fail);
	tcase_add_test(tc, expr_garbage);
	suite_add_tcase(s, tc);

	tc = tcase_create("strconv");
	/* Many values through printf: not a timing, so room for a busy machine. */
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, strconv_c);
	tcase_add_test(tc, strconv_fast_same);
	tcase_add_test(tc, strconv_de);
	suite_add_tcase(s, tc);

	tc = tcase_create("text");
	tcase_add_loop_test(tc, text_render, 0,
	    sizeof texts / sizeof texts[0]);
	tcase_add_loop_test(tc, text_errors_table, 0,
	    sizeof text_errors / sizeof text_errors[0]);
	tcase_add_test(tc, text_misc);
	suite_add_tcase(s, tc);
	return s;
}

HL_CHECK_MAIN(suite_expr)
