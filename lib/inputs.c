/* SPDX-License-Identifier: MIT */
/* inputs.c - the input struct: init, import, access by name, validation. */

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "error.h"
#include "heavylegs.h"
#include "strconv.h"
#include "vocab.h"
#include "vocab_table.h"

#define KNOWN(x)	(!isnan(x))

/* Why a value is refused (0: it is not). */
enum {
	BAD_NONE,
	BAD_INF,		/* +-Inf */
	BAD_NOTINT,		/* a count that is not a whole number */
	BAD_TRI,		/* yes/no other than 0 or 1 */
	BAD_ENUM,		/* not a code of the enum */
	BAD_LOW,		/* below the minimum */
	BAD_HIGH,		/* above the maximum */
	BAD_DEW,		/* dew point above air temperature + 0.5 */
	BAD_PREPOST,		/* pre- and post-run mass differ > 10 % */
	BAD_MORNING		/* morning mass differs > 15 % from usual */
};

/* A bounded string: len counts the bytes the whole text needs. */
struct sbuf {
	char	*buf;
	size_t	 cap;
	size_t	 len;
};

static void
sb_init(struct sbuf *b, char *buf, size_t cap)
{
	b->buf = buf;
	b->cap = cap;
	b->len = 0;
	if (cap > 0)
		buf[0] = '\0';
}

static void
sb_putn(struct sbuf *b, const char *s, size_t n)
{
	size_t room;

	if (b->len + 1 < b->cap) {
		room = b->cap - 1 - b->len;
		memcpy(b->buf + b->len, s, n < room ? n : room);
		b->buf[b->len + (n < room ? n : room)] = '\0';
	}
	b->len += n;
}

static void
sb_puts(struct sbuf *b, const char *s)
{
	sb_putn(b, s, strlen(s));
}

static void
sb_putu(struct sbuf *b, unsigned long u)
{
	char tmp[24];
	size_t i = sizeof tmp;

	do {
		tmp[--i] = (char)('0' + u % 10);
		u /= 10;
	} while (u > 0);
	sb_putn(b, tmp + i, sizeof tmp - i);
}

static void
sb_putd(struct sbuf *b, double v)
{
	char tmp[48];

	hl__fmt_double(tmp, sizeof tmp, v, -1);
	sb_puts(b, tmp);
}

/* The double in value slot s of a full struct. */
static double
slot_get(const hl_inputs *in, size_t s)
{
	double v;

	memcpy(&v, (const char *)in + 8 + 8 * s, sizeof v);
	return v;
}

/* "name" or "name[day]". */
static void
put_label(struct sbuf *b, int def, size_t day)
{
	sb_puts(b, hl__input_defs[def].name);
	if (hl__input_defs[def].length > 1) {
		sb_puts(b, "[");
		sb_putu(b, (unsigned long)day);
		sb_puts(b, "]");
	}
}

/* The checks of one value against its own kind and bounds. */
static int
check_value(const struct hl__input_def *d, double v)
{
	if (isnan(v))
		return BAD_NONE;
	if (isinf(v))
		return BAD_INF;
	switch (d->kind) {
	case HL_KIND_TRI:
		return v == HL_NO || v == HL_YES ? BAD_NONE : BAD_TRI;
	case HL_KIND_ENUM:
		return v >= 0 && v < d->enum_count && v == floor(v) ?
		    BAD_NONE : BAD_ENUM;
	case HL_KIND_COUNT:
		if (v != floor(v))
			return BAD_NOTINT;
		break;
	}
	if (KNOWN(d->min) && (d->min_exclusive ? !(v > d->min) : v < d->min))
		return BAD_LOW;
	if (KNOWN(d->max) && (d->max_exclusive ? !(v < d->max) : v > d->max))
		return BAD_HIGH;
	return BAD_NONE;
}

/* What is wrong with value slot s, in words. */
static void
put_reason(struct sbuf *b, const hl_inputs *full, size_t s, int why)
{
	const struct hl__input_def *d;
	double v;
	int def;

	def = hl__input_of_slot(s);
	d = &hl__input_defs[def];
	v = slot_get(full, s);
	put_label(b, def, s - hl__input_slot(def));
	sb_puts(b, " ");
	sb_putd(b, v);
	switch (why) {
	case BAD_INF:
		sb_puts(b, " is not a finite number");
		break;
	case BAD_NOTINT:
		sb_puts(b, " is not a whole number");
		break;
	case BAD_TRI:
		sb_puts(b, " is not 0 (no) or 1 (yes)");
		break;
	case BAD_ENUM:
		sb_puts(b, " is not a code from 0 to ");
		sb_putu(b, (unsigned long)(d->enum_count - 1));
		break;
	case BAD_LOW:
		sb_puts(b, d->min_exclusive ? " is not above " : " is below ");
		sb_putd(b, d->min);
		break;
	case BAD_HIGH:
		sb_puts(b, d->max_exclusive ? " is not below " : " is above ");
		sb_putd(b, d->max);
		break;
	case BAD_DEW:
		sb_puts(b, " is above air_temp_c ");
		sb_putd(b, full->air_temp_c);
		sb_puts(b, " + 0.5");
		break;
	case BAD_PREPOST:
		sb_puts(b, s == HL__SLOT_OF(pre_run_body_mass_kg) ?
		    " differs from post_run_body_mass_kg " :
		    " differs from pre_run_body_mass_kg ");
		sb_putd(b, s == HL__SLOT_OF(pre_run_body_mass_kg) ?
		    full->post_run_body_mass_kg : full->pre_run_body_mass_kg);
		sb_puts(b, " by more than 10 %");
		break;
	case BAD_MORNING:
		sb_puts(b, " differs from body_mass_kg ");
		sb_putd(b, full->body_mass_kg);
		sb_puts(b, " by more than 15 %");
		break;
	}
}

void
hl_inputs_init(hl_inputs *in, size_t size)
{
	size_t off;
	double nan = NAN;

	if (in == NULL || size < 8 || size > UINT32_MAX)
		return;
	in->size = (uint32_t)size;
	in->reserved0 = 0;
	for (off = 8; off + 8 <= size; off += 8)
		memcpy((char *)in + off, &nan, sizeof nan);
}

static int
size_error(hl_error *err, uint32_t size)
{
	return hl__error_set(err, HL_EINVAL, NULL, 0, 0, NULL, NULL,
	    "hl_inputs size %lu is invalid: it must be a multiple of 8 and "
	    "at least %lu (call hl_inputs_init first)", (unsigned long)size,
	    (unsigned long)HL_INPUTS_SIZE_V1);
}

int
hl__inputs_import(const hl_inputs *in, hl_inputs *full, hl_error *err)
{
	size_t size, off;
	double v;
	char name[32];
	struct sbuf b;

	if (in == NULL || full == NULL)
		return hl__error_set(err, HL_EINVAL, NULL, 0, 0, NULL, NULL,
		    "NULL inputs");
	size = in->size;
	if (size < HL_INPUTS_SIZE_V1 || size % 8 != 0)
		return size_error(err, in->size);
	/* A newer caller's fields: only "unknown" is understood. */
	for (off = sizeof *full; off < size; off += 8) {
		memcpy(&v, (const char *)in + off, sizeof v);
		if (KNOWN(v)) {
			sb_init(&b, name, sizeof name);
			sb_puts(&b, "offset ");
			sb_putu(&b, (unsigned long)off);
			return hl__error_set(err, HL_EUNSUPPORTED, NULL, 0, 0,
			    NULL, name, "the input at byte offset %lu is set, "
			    "but libheavylegs %s does not know it",
			    (unsigned long)off, HL_VERSION_STRING);
		}
	}
	/* An older caller's struct would leave the missing fields unknown. */
	if (size < sizeof *full)
		hl_inputs_init(full, sizeof *full);
	full->size = (uint32_t)sizeof *full;
	full->reserved0 = 0;
	memcpy((char *)full + 8, (const char *)in + 8,
	    (size < sizeof *full ? size : sizeof *full) - 8);
	return HL_OK;
}

/*
 * The value slot a name ("cadence_spm", "daily_sleep_h[3]") means in the
 * caller's struct, or an error.  Names are [a-z][a-z0-9_]*, with a day
 * index 0..27 (decimal, no sign or leading zero) for a series.
 */
static int
resolve(const hl_inputs *in, const char *name, int *defp, size_t *slotp,
    hl_error *err)
{
	const struct hl__input_def *d;
	const char *p;
	size_t len, slot;
	unsigned long day;
	int def, digits;

	if (in == NULL || name == NULL)
		return hl__error_set(err, HL_EINVAL, NULL, 0, 0, NULL, NULL,
		    "NULL argument");
	if (in->size < HL_INPUTS_SIZE_V1 || in->size % 8 != 0)
		return size_error(err, in->size);

	p = name;
	if (!(*p >= 'a' && *p <= 'z'))
		goto malformed;
	while ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
	    *p == '_')
		p++;
	len = (size_t)(p - name);
	day = 0;
	digits = 0;
	if (*p == '[') {
		p++;
		if (*p == '0' && p[1] >= '0' && p[1] <= '9')
			goto malformed;
		while (*p >= '0' && *p <= '9') {
			if (day < HL_SERIES_DAYS)
				day = day * 10 + (unsigned long)(*p - '0');
			digits++;
			p++;
		}
		if (digits == 0 || *p != ']')
			goto malformed;
		p++;
		if (day >= HL_SERIES_DAYS)
			return hl__error_set(err, HL_EINVAL, NULL, 0, 0, NULL,
			    name, "day index out of range in '%s' (0 to %d)",
			    name, HL_SERIES_DAYS - 1);
	}
	if (*p != '\0')
		goto malformed;

	if ((def = hl__input_lookup(name, len)) < 0)
		return hl__error_set(err, HL_EUNSUPPORTED, NULL, 0, 0, NULL,
		    name, "unknown input '%.*s'", (int)len, name);
	d = &hl__input_defs[def];
	if (d->length > 1 && digits == 0)
		return hl__error_set(err, HL_EINVAL, NULL, 0, 0, NULL, name,
		    "'%s' is a daily series: name a day, as in '%s[0]'",
		    name, name);
	if (d->length == 1 && digits > 0)
		return hl__error_set(err, HL_EINVAL, NULL, 0, 0, NULL, name,
		    "'%.*s' is not a daily series", (int)len, name);
	slot = hl__input_slot(def) + day;
	if (8 + 8 * (slot + 1) > in->size)
		return hl__error_set(err, HL_EINVAL, NULL, 0, 0, NULL, name,
		    "'%s' lies beyond the struct's size %lu", name,
		    (unsigned long)in->size);
	*defp = def;
	*slotp = slot;
	return HL_OK;

malformed:
	return hl__error_set(err, HL_EINVAL, NULL, 0, 0, NULL, name,
	    "malformed input name '%s'", name);
}

int
hl_inputs_set(hl_inputs *in, const char *name, double value, hl_error *err)
{
	hl_inputs one;
	char msg[160];
	struct sbuf b;
	size_t slot;
	int def, rc, why;

	hl__error_clear(err);
	if ((rc = resolve(in, name, &def, &slot, err)) != HL_OK)
		return rc;
	if ((why = check_value(&hl__input_defs[def], value)) != BAD_NONE) {
		/* put_reason reads the value from a struct. */
		hl_inputs_init(&one, sizeof one);
		memcpy((char *)&one + 8 + 8 * slot, &value, sizeof value);
		sb_init(&b, msg, sizeof msg);
		sb_puts(&b, "invalid input: ");
		put_reason(&b, &one, slot, why);
		return hl__error_set(err, HL_EINPUT, NULL, 0, 0, NULL, name,
		    "%s", msg);
	}
	memcpy((char *)in + 8 + 8 * slot, &value, sizeof value);
	return HL_OK;
}

int
hl_inputs_get(const hl_inputs *in, const char *name, double *out,
    hl_error *err)
{
	size_t slot;
	int def, rc;

	hl__error_clear(err);
	if (out == NULL)
		return hl__error_set(err, HL_EINVAL, NULL, 0, 0, NULL, NULL,
		    "NULL argument");
	*out = NAN;
	if ((rc = resolve(in, name, &def, &slot, err)) != HL_OK)
		return rc;
	memcpy(out, (const char *)in + 8 + 8 * slot, sizeof *out);
	return HL_OK;
}

int
hl_inputs_check(const hl_inputs *in, hl_error *err)
{
	hl_inputs full;
	int rc;

	hl__error_clear(err);
	if ((rc = hl__inputs_import(in, &full, err)) != HL_OK)
		return rc;
	return hl__inputs_validate(&full, err, NULL, NULL);
}

static void
add_warning(struct hl__warning *warn, size_t *nw, int def, size_t day,
    int rule)
{
	if (warn != NULL && *nw < HL__MAX_WARNINGS) {
		warn[*nw].input = (uint16_t)def;
		warn[*nw].day = (uint16_t)day;
		warn[*nw].rule = (uint16_t)rule;
	}
	(*nw)++;
}

/*
 * The message of an input error: one in full; several with each reason,
 * as many as fit, then "... and N more".
 */
static void
error_message(struct sbuf *b, const hl_inputs *full,
    const unsigned char *bad, size_t nbad)
{
	char more[48], one[sizeof ((hl_error *)0)->message];
	struct sbuf mb, ob;
	size_t s, listed;

	for (s = 0; !bad[s]; s++)
		;
	if (nbad == 1) {
		sb_puts(b, "invalid input: ");
		put_reason(b, full, s, bad[s]);
		return;
	}
	sb_putu(b, (unsigned long)nbad);
	sb_puts(b, " invalid inputs: ");
	for (listed = 0; s < HL__NINPUT_SLOTS; s++) {
		if (!bad[s])
			continue;
		sb_init(&ob, one, sizeof one);
		put_reason(&ob, full, s, bad[s]);
		/* Keep room for " ... and N more" while inputs remain. */
		sb_init(&mb, more, sizeof more);
		if (listed + 1 < nbad) {
			sb_puts(&mb, " ... and ");
			sb_putu(&mb, (unsigned long)(nbad - listed - 1));
			sb_puts(&mb, " more");
		}
		if (ob.len >= sizeof one || b->len + (listed > 0 ? 2 : 0) +
		    ob.len + mb.len >= b->cap)
			break;
		if (listed > 0)
			sb_puts(b, "; ");
		sb_puts(b, one);
		listed++;
	}
	if (listed < nbad) {
		sb_puts(b, " ... and ");
		sb_putu(b, (unsigned long)(nbad - listed));
		sb_puts(b, " more");
	}
}

/*
 * Mark every bad value slot of a full struct in bad[] with its reason
 * (BAD_*) and return how many there are; warnings as hl__inputs_validate.
 */
static size_t
collect_slow(const hl_inputs *full, unsigned char *bad,
    struct hl__warning *warn, size_t *nwarn)
{
	const struct hl__input_def *d;
	size_t s, slot0, nbad, nw, day;
	double v, pre, post, usual, morning;
	int i, why;

#define MARK(slot, reason) do {						\
	if (!bad[(slot)]) {						\
		bad[(slot)] = (reason);					\
		nbad++;							\
	}								\
} while (0)

	memset(bad, 0, HL__NINPUT_SLOTS);
	nbad = nw = 0;
	for (i = 0; (size_t)i < hl__input_ndefs; i++) {
		d = &hl__input_defs[i];
		slot0 = (d->offset - offsetof(hl_inputs, age_years)) /
		    sizeof(double);
		for (day = 0; day < (size_t)d->length; day++) {
			s = slot0 + day;
			v = slot_get(full, s);
			/* unknown: valid, and no warning (the fast path) */
			if (isnan(v))
				continue;
			if ((why = check_value(d, v)) != BAD_NONE) {
				MARK(s, why);
				continue;
			}
			if (KNOWN(v) && ((KNOWN(d->plausible_min) &&
			    v < d->plausible_min) ||
			    (KNOWN(d->plausible_max) && v > d->plausible_max)))
				add_warning(warn, &nw, i, day,
				    HL__W_PLAUSIBLE);
		}
	}

	/* Cross-field rules, between values that are each valid. */
#define FINE(f)	(KNOWN(full->f) && !bad[HL__SLOT_OF(f)])
	if (FINE(air_temp_c) && FINE(dew_point_c) &&
	    full->dew_point_c > full->air_temp_c + 0.5)
		MARK(HL__SLOT_OF(dew_point_c), BAD_DEW);
	pre = full->pre_run_body_mass_kg;
	post = full->post_run_body_mass_kg;
	if (FINE(pre_run_body_mass_kg) && FINE(post_run_body_mass_kg) &&
	    fabs(post - pre) > 0.10 * pre) {
		MARK(HL__SLOT_OF(pre_run_body_mass_kg), BAD_PREPOST);
		MARK(HL__SLOT_OF(post_run_body_mass_kg), BAD_PREPOST);
	}
	usual = full->body_mass_kg;
	morning = full->morning_body_mass_kg;
	if (FINE(body_mass_kg) && FINE(morning_body_mass_kg)) {
		if (fabs(morning - usual) > 0.15 * usual)
			MARK(HL__SLOT_OF(morning_body_mass_kg), BAD_MORNING);
		else if (fabs(morning - usual) > 0.05 * usual)
			add_warning(warn, &nw, hl__input_of_slot(
			    HL__SLOT_OF(morning_body_mass_kg)), 0,
			    HL__W_MORNING_MASS);
	}
	/* A male runner's menstrual answer is ignored, with a warning. */
	if (hl__menses_ignored(full))
		add_warning(warn, &nw, hl__input_of_slot(
		    HL__SLOT_OF(menstrual_status)), 0, HL__W_MENSES_MALE);
#undef FINE
#undef MARK

	if (nwarn != NULL)
		*nwarn = nw < HL__MAX_WARNINGS ? nw : HL__MAX_WARNINGS;
	return nbad;
}

/*
 * Each input's checks as one row, from the vocabulary table: value slots
 * [slot, slot + len); a known value is valid when it is at least lo_in,
 * above lo_ex, at most hi_in and below hi_ex (a bound that is absent, or
 * of the other kind, is an infinity, so that infinities are refused too),
 * and of its kind (whole, yes/no, an enum code); it warns outside
 * [plo, phi] (NaN: no such bound).  NaN fails every test, which is how
 * an unknown value leaves the fast path, to be skipped.
 */
struct vcheck {
	double	 lo_in, lo_ex, hi_in, hi_ex, plo, phi;
	unsigned short slot, len;
	unsigned char kind;
};

#define V_LEN(f)	(sizeof(((hl_inputs *)0)->f) / sizeof(double))
#define V_NONE(x)	((x) != (x))		/* NaN: no bound */
#define V_LO(lo, x)	(V_NONE(lo) || !(x) ? -HUGE_VAL : (lo))
#define V_HI(hi, x)	(V_NONE(hi) || !(x) ? HUGE_VAL : (hi))
#define V_ROW(f, kind, lo, lox, hi, hix, plo, phi)			\
	{ V_LO(lo, !(lox)), V_LO(lo, lox), V_HI(hi, !(hix)),		\
	  V_HI(hi, hix), plo, phi, (unsigned short)HL__SLOT_OF(f),	\
	  (unsigned short)V_LEN(f), kind },
#define V_NUM(f, u, c, lo, lox, hi, hix, plo, phi, d)			\
	V_ROW(f, HL_KIND_NUMBER, lo, lox, hi, hix, plo, phi)
#define V_CNT(f, u, lo, hi, plo, phi, d)				\
	V_ROW(f, HL_KIND_COUNT, lo, 0, hi, 0, plo, phi)
#define V_TRI(f, d)							\
	V_ROW(f, HL_KIND_TRI, 0, 0, 1, 0, NAN, NAN)
/* an enum's codes: below its enum_count, checked in collect() */
#define V_ENM(f, names, d)						\
	V_ROW(f, HL_KIND_ENUM, 0, 0, NAN, 0, NAN, NAN)

static const struct vcheck vchecks[] = {
	HL__INPUT_TABLE(V_NUM, V_CNT, V_TRI, V_ENM)
};

/* Whether v is a whole number (v finite). */
static int
whole(double v)
{
	return fabs(v) < 0x1p52 ? (double)(long long)v == v : 1;
}

/*
 * collect_slow(), for the usual case where every value is valid: one pass
 * over the rows, unknown values skipped.  At the first bad value it leaves
 * the reasons to collect_slow().
 */
static size_t
collect(const hl_inputs *full, unsigned char *bad, struct hl__warning *warn,
    size_t *nwarn)
{
	const double *slots = (const double *)(const void *)
	    ((const char *)full + 8);
	const struct vcheck *c;
	const double *x;
	size_t i, day, nw = 0;
	double v, pre, post, usual, morning;
	int ok;

	for (i = 0; i < sizeof vchecks / sizeof vchecks[0]; i++) {
		double lo_in, lo_ex, hi_in, hi_ex, plo, phi;
		size_t len;
		int kind;

		c = &vchecks[i];
		x = slots + c->slot;
		lo_in = c->lo_in, lo_ex = c->lo_ex;
		hi_in = c->hi_in, hi_ex = c->hi_ex;
		plo = c->plo, phi = c->phi;
		len = c->len;
		kind = c->kind;
		for (day = 0; day < len; day++) {
			v = x[day];
			if (!(v >= lo_in && v > lo_ex && v <= hi_in &&
			    v < hi_ex)) {
				if (isnan(v))
					continue;
				return collect_slow(full, bad, warn, nwarn);
			}
			if (kind != HL_KIND_NUMBER) {
				if (kind == HL_KIND_TRI)
					ok = v == HL_NO || v == HL_YES;
				else if (kind == HL_KIND_ENUM)
					ok = v < hl__input_defs[i].enum_count &&
					    whole(v);
				else
					ok = whole(v);
				if (!ok)
					return collect_slow(full, bad, warn,
					    nwarn);
			}
			if (v < plo || v > phi)
				add_warning(warn, &nw, (int)i, day,
				    HL__W_PLAUSIBLE);
		}
	}
	/* the cross-field rules of collect_slow(), every value valid */
	if (KNOWN(full->air_temp_c) && KNOWN(full->dew_point_c) &&
	    full->dew_point_c > full->air_temp_c + 0.5)
		return collect_slow(full, bad, warn, nwarn);
	pre = full->pre_run_body_mass_kg;
	post = full->post_run_body_mass_kg;
	if (KNOWN(pre) && KNOWN(post) && fabs(post - pre) > 0.10 * pre)
		return collect_slow(full, bad, warn, nwarn);
	usual = full->body_mass_kg;
	morning = full->morning_body_mass_kg;
	if (KNOWN(usual) && KNOWN(morning)) {
		if (fabs(morning - usual) > 0.15 * usual)
			return collect_slow(full, bad, warn, nwarn);
		if (fabs(morning - usual) > 0.05 * usual)
			add_warning(warn, &nw, hl__input_of_slot(
			    HL__SLOT_OF(morning_body_mass_kg)), 0,
			    HL__W_MORNING_MASS);
	}
	if (hl__menses_ignored(full))
		add_warning(warn, &nw, hl__input_of_slot(
		    HL__SLOT_OF(menstrual_status)), 0, HL__W_MENSES_MALE);
	memset(bad, 0, HL__NINPUT_SLOTS);
	if (nwarn != NULL)
		*nwarn = nw < HL__MAX_WARNINGS ? nw : HL__MAX_WARNINGS;
	return 0;
}

int
hl__menses_ignored(const hl_inputs *full)
{
	double m = full->menstrual_status;

	return full->sex == HL_SEX_MALE && KNOWN(m) &&
	    m != HL_MENSES_NOT_APPLICABLE &&
	    check_value(&hl__input_defs[hl__input_of_slot(
	    HL__SLOT_OF(menstrual_status))], m) == BAD_NONE;
}

int
hl__inputs_validate(const hl_inputs *full, hl_error *err,
    struct hl__warning *warn, size_t *nwarn)
{
	unsigned char bad[HL__NINPUT_SLOTS];
	char msg[sizeof ((hl_error *)0)->message], name[64];
	struct sbuf b, nb;
	size_t nbad, first;
	int def;

	nbad = collect(full, bad, warn, nwarn);
	if (nbad == 0)
		return HL_OK;
	if (hl__error_isset(err))
		return HL_EINPUT;
	for (first = 0; !bad[first]; first++)
		;
	def = hl__input_of_slot(first);
	sb_init(&nb, name, sizeof name);
	put_label(&nb, def, first - hl__input_slot(def));
	sb_init(&b, msg, sizeof msg);
	error_message(&b, full, bad, nbad);
	hl__error_set(err, HL_EINPUT, NULL, 0, 0, NULL, name, "%s", msg);
	if (hl__error_isset(err))
		err->count = (int32_t)nbad;
	return HL_EINPUT;
}

size_t
hl_inputs_problem_count(const hl_inputs *in)
{
	unsigned char bad[HL__NINPUT_SLOTS];
	hl_inputs full;

	if (hl__inputs_import(in, &full, NULL) != HL_OK)
		return 1;
	return collect(&full, bad, NULL, NULL);
}

int
hl_inputs_problem(const hl_inputs *in, size_t i, hl_error *out)
{
	unsigned char bad[HL__NINPUT_SLOTS];
	char msg[sizeof ((hl_error *)0)->message], name[64];
	struct sbuf b, nb;
	hl_inputs full;
	size_t s, nbad, k;
	int def, rc;

	hl__error_clear(out);
	if ((rc = hl__inputs_import(in, &full, out)) != HL_OK) {
		if (i == 0)
			return HL_OK;	/* out holds that one problem */
		hl__error_clear(out);
		return hl__error_set(out, HL_EINVAL, NULL, 0, 0, NULL, NULL,
		    "hl_inputs_problem: no problem %lu (there is 1)",
		    (unsigned long)i);
	}
	nbad = collect(&full, bad, NULL, NULL);
	if (i >= nbad)
		return hl__error_set(out, HL_EINVAL, NULL, 0, 0, NULL, NULL,
		    "hl_inputs_problem: no problem %lu (there are %lu)",
		    (unsigned long)i, (unsigned long)nbad);
	for (s = 0, k = 0; s < HL__NINPUT_SLOTS; s++)
		if (bad[s] && k++ == i)
			break;
	def = hl__input_of_slot(s);
	sb_init(&nb, name, sizeof name);
	put_label(&nb, def, s - hl__input_slot(def));
	sb_init(&b, msg, sizeof msg);
	sb_puts(&b, "invalid input: ");
	put_reason(&b, &full, s, bad[s]);
	hl__error_set(out, HL_EINPUT, NULL, 0, 0, NULL, name, "%s", msg);
	return HL_OK;
}

int
hl__warning_text(const struct hl__warning *w, const hl_inputs *full,
    char *buf, size_t cap)
{
	const struct hl__input_def *d;
	struct sbuf b;
	double v;

	if (w == NULL || full == NULL || (buf == NULL && cap > 0) ||
	    w->input >= hl__input_ndefs ||
	    w->day >= hl__input_defs[w->input].length)
		return HL_EINVAL;
	d = &hl__input_defs[w->input];
	sb_init(&b, buf, cap);
	put_label(&b, w->input, w->day);
	sb_puts(&b, " ");
	v = slot_get(full, hl__input_slot(w->input) + w->day);
	if (d->kind == HL_KIND_ENUM && v >= 0 && v < d->enum_count)
		sb_puts(&b, d->enum_names[(int)v]);
	else
		sb_putd(&b, v);
	switch (w->rule) {
	case HL__W_PLAUSIBLE:
		sb_puts(&b, " is outside the usual range ");
		sb_putd(&b, d->plausible_min);
		sb_puts(&b, " to ");
		sb_putd(&b, d->plausible_max);
		break;
	case HL__W_MORNING_MASS:
		sb_puts(&b, " differs from body_mass_kg ");
		sb_putd(&b, full->body_mass_kg);
		sb_puts(&b, " by more than 5 %");
		break;
	case HL__W_MENSES_MALE:
		sb_puts(&b, " is ignored: sex is male");
		break;
	default:
		return HL_EINVAL;
	}
	return b.len > INT32_MAX ? HL_ERANGE : (int)b.len;
}
