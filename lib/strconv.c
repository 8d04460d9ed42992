/* SPDX-License-Identifier: MIT */
/* strconv.c - decimal number parsing and formatting that ignore the locale. */

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strconv.h"

/*
 * Parsing checks the syntax itself and hands strtod() a normalised copy with
 * no radix character at all ("12345e-4" for "1.2345"): digits, 'e' and signs
 * read the same in every locale.  At most SIG_MAX significant digits are
 * kept; when more are dropped and one of them is nonzero, a final 1 is
 * appended.  A double's rounding boundaries have at most 767 significant
 * digits, so that sticky digit keeps the result correctly rounded.
 */
#define SIG_MAX		800
#define EXP_CLAMP	100000L	/* beyond any double, far from LONG_MAX */

/*
 * Formatting runs snprintf() and turns whatever radix text came out (',' or
 * a multibyte character under some locales) into '.'; %f and %g write no
 * grouping, and digits, 'e' and signs are the same in every locale.
 */
#define FMT_BUF		512	/* %.9f of DBL_MAX needs 320 */

static int
isdig(char c)
{
	return c >= '0' && c <= '9';
}

int
hl__strtod(const char *s, size_t len, double *out, size_t *used)
{
	char buf[1 + SIG_MAX + 1 + 1 + 1 + 24];
	size_t i = 0, nb = 0, nsig = 0, ndig = 0;
	long exp10 = 0, e = 0;
	int neg = 0, sticky = 0, eneg = 0;
	double v;

	if (s == NULL)
		return -1;
	if (i < len && (s[i] == '+' || s[i] == '-'))
		neg = s[i++] == '-';
	/* Integer part: leading zeros carry no significance. */
	for (; i < len && isdig(s[i]); i++) {
		ndig++;
		if (nsig == 0 && s[i] == '0')
			continue;
		if (nsig < SIG_MAX)
			buf[1 + nsig++] = s[i];
		else {
			exp10++;
			if (s[i] != '0')
				sticky = 1;
		}
	}
	if (i < len && s[i] == '.') {
		size_t j = i + 1;

		for (; j < len && isdig(s[j]); j++) {
			ndig++;
			if (nsig == 0 && s[j] == '0') {
				exp10--;
				continue;
			}
			if (nsig < SIG_MAX) {
				buf[1 + nsig++] = s[j];
				exp10--;
			} else if (s[j] != '0')
				sticky = 1;
		}
		if (ndig > 0)
			i = j;
	}
	if (ndig == 0)
		return -1;
	/* Exponent, only if complete ("1e" and "1e+" stop before the e). */
	if (i + 1 < len && (s[i] == 'e' || s[i] == 'E')) {
		size_t j = i + 1;

		if (s[j] == '+' || s[j] == '-')
			eneg = s[j++] == '-';
		if (j < len && isdig(s[j])) {
			for (; j < len && isdig(s[j]); j++)
				if (e < EXP_CLAMP)
					e = e * 10 + (s[j] - '0');
			i = j;
			exp10 += eneg ? -e : e;
		}
	}
	if (nsig == 0)
		v = 0.0;
	else {
		if (sticky)
			buf[1 + nsig++] = '1', exp10--;
		if (exp10 > 2 * EXP_CLAMP)
			exp10 = 2 * EXP_CLAMP;
		else if (exp10 < -2 * EXP_CLAMP)
			exp10 = -2 * EXP_CLAMP;
		buf[0] = '+';
		nb = 1 + nsig;
		nb += (size_t)snprintf(buf + nb, sizeof buf - nb, "e%ld", exp10);
		v = strtod(buf, NULL);
		/* out of range: refused, too large or too close to 0 */
		if (isinf(v) || v == 0)
			return -2;
	}
	if (out != NULL)
		*out = neg ? -v : v;
	if (used != NULL)
		*used = i;
	return 0;
}

int
hl__parse_double(const char *s, size_t len, double *out)
{
	size_t used;
	double v;
	int rc;

	if ((rc = hl__strtod(s, len, &v, &used)) != 0)
		return rc;
	if (used != len)
		return -1;
	if (out != NULL)
		*out = v;
	return 0;
}

int
hl__num_exact(double v)
{
	return v == 0 || fabs(v) >= DBL_MIN;
}

static int
isnumch(char c)
{
	return isdig(c) || c == 'e' || c == '+' || c == '-';
}

/*
 * snprintf "%.*f" (conv 'f') or "%.*g" (conv 'g'), then any radix text that
 * is not '.' becomes '.'; the length.
 */
static size_t
fmt_c(char *buf, size_t cap, char conv, int prec, double v)
{
	size_t i, j, n;
	int r;

	if (conv == 'f')
		r = snprintf(buf, cap, "%.*f", prec, v);
	else
		r = snprintf(buf, cap, "%.*g", prec, v);
	if (r < 0)
		r = 0;
	n = (size_t)r < cap ? (size_t)r : cap - 1;
	buf[n] = '\0';
	for (i = j = 0; i < n; ) {
		if (isnumch(buf[i])) {
			buf[j++] = buf[i++];
			continue;
		}
		buf[j++] = '.';
		while (i < n && !isnumch(buf[i]))
			i++;
	}
	buf[j] = '\0';
	return j;
}

/*
 * The shortest form of v as %.15g would write it, when v is the double
 * nearest a decimal of at most FAST_DIGITS digits after the point and
 * fewer than 15 significant digits, at least 1e-4 in size (where %g would
 * switch to an exponent): m / 10^k == v in double arithmetic means that
 * the decimal m * 10^-k reads back as v, and %.15g of v is that decimal.
 * Returns its length, or 0 when v is not such a number.
 */
#define FAST_DIGITS	6

static size_t
fmt_fast(char *buf, double v)
{
	static const double p10[FAST_DIGITS + 1] = {
		1, 10, 100, 1e3, 1e4, 1e5, 1e6
	};
	char rev[24];
	double a = fabs(v), m;
	uint64_t u;
	size_t n = 0, r = 0;
	int k;

	if (!(a >= 1e-4 && a < 1e14)) {
		if (v != 0)
			return 0;
		buf[0] = '0';
		return 1;
	}
	for (k = 0; k <= FAST_DIGITS; k++) {
		m = floor(a * p10[k] + 0.5);
		if (m >= 1e14)
			return 0;
		if (m / p10[k] == a)
			break;
	}
	if (k > FAST_DIGITS)
		return 0;
	u = (uint64_t)m;
	do {
		rev[r++] = (char)('0' + u % 10);
		u /= 10;
	} while (u > 0);
	while (r <= (size_t)k)		/* leading zeros: 0.05 */
		rev[r++] = '0';
	if (v < 0)
		buf[n++] = '-';
	while (r > 0) {
		if (r == (size_t)k)
			buf[n++] = '.';
		buf[n++] = rev[--r];
	}
	return n;
}

#ifdef __SIZEOF_INT128__
/*
 * What the loop in hl__fmt_double() writes (%.Pg for the first P of 15, 16
 * and 17 that reads back as v), worked out exactly in 128-bit integers for
 * 1e-4 <= |v| < 1e6, where %g writes no exponent.  With v = m / 2^E (m
 * odd or even, 53 bits, E <= 67), T = v * 10^21 has 18 to 27 digits; P
 * significant digits of it are rounded from the exact remainder, and the
 * decimal D = d / 10^Q reads back as v when |D - v| is within half a unit
 * of v's last place: |d * 2^(E+1) - 2m * 10^Q| <= 10^Q, a tie going to the
 * even m, as strtod() rounds.  Returns the length, or 0 where it does not
 * apply: a rounding tie, or m a power of two (its lower gap is narrower).
 */
__extension__ typedef unsigned __int128 u128;

static size_t
fmt_exact(char *buf, double v)
{
	double a = fabs(v), f;
	u128 t, p10[28], d, rest, half, lhs, rhs, diff;
	uint64_t m;
	char dig[32];
	size_t n = 0, nd, i, keep;
	int e2, E, p, q, x, lo;

	if (!(a >= 1e-4 && a < 1e6))
		return 0;
	f = frexp(a, &e2);		/* a = f * 2^e2, 0.5 <= f < 1 */
	m = (uint64_t)ldexp(f, 53);
	E = 53 - e2;
	if (m == (uint64_t)1 << 52 || E < 1 || E > 67)
		return 0;
	p10[0] = 1;
	for (i = 1; i < 28; i++)
		p10[i] = p10[i - 1] * 10;
	t = (u128)m * p10[21];
	/* the fraction t mod 2^E, as a sticky flag: is T exact? */
	lo = (t & (((u128)1 << E) - 1)) != 0;
	t >>= E;
	for (nd = 1; nd < 28 && t >= p10[nd]; nd++)
		;
	if (nd < 18)
		return 0;
	for (p = 15; p <= 17; p++) {
		keep = nd - (size_t)p;	/* digits of T dropped */
		d = t / p10[keep];
		rest = t % p10[keep];
		half = p10[keep] / 2;
		if (rest == half && !lo)
			return 0;	/* an exact tie: leave it to printf */
		if (rest > half || (rest == half && lo))
			d++;
		q = 21 - (int)keep;	/* D = d / 10^q */
		lhs = d << (E + 1);
		rhs = (u128)m * 2 * p10[q];
		diff = lhs > rhs ? lhs - rhs : rhs - lhs;
		if (diff < p10[q] || (diff == p10[q] && m % 2 == 0) || p == 17)
			break;
	}
	/* d has p digits, or p + 1 when the rounding carried: 10^p */
	x = (int)nd - 22;		/* exponent of T's first digit */
	if (d == p10[p]) {
		d = p10[p - 1];
		x++;
	}
	for (i = 0; i < (size_t)p; i++) {
		dig[p - 1 - i] = (char)('0' + (int)(d % 10));
		d /= 10;
	}
	keep = (size_t)p;
	while (keep > 1 && dig[keep - 1] == '0')
		keep--;		/* %g drops trailing zeros */
	if (x >= p)
		return 0;	/* %g would write an exponent */
	if (v < 0)
		buf[n++] = '-';
	if (x < 0) {
		buf[n++] = '0';
		buf[n++] = '.';
		for (i = 0; i < (size_t)(-x - 1); i++)
			buf[n++] = '0';
		for (i = 0; i < keep; i++)
			buf[n++] = dig[i];
	} else {
		for (i = 0; i <= (size_t)x; i++)
			buf[n++] = i < keep ? dig[i] : '0';
		if (keep > (size_t)x + 1) {
			buf[n++] = '.';
			for (; i < keep; i++)
				buf[n++] = dig[i];
		}
	}
	buf[n] = '\0';
	return n;
}
#else
static size_t
fmt_exact(char *buf, double v)
{
	(void)buf;
	(void)v;
	return 0;
}
#endif

int
hl__fmt_double(char *buf, size_t cap, double v, int prec)
{
	char tmp[FMT_BUF];
	const char *txt;
	size_t n;

	if (isnan(v))
		txt = "nan", n = 3;
	else if (isinf(v))
		txt = v < 0 ? "-inf" : "inf", n = v < 0 ? 4 : 3;
	else {
		if (v == 0)
			v = 0.0;	/* no "-0" */
		if (prec >= 0) {
			if (prec > 99)
				prec = 99;
			n = fmt_c(tmp, sizeof tmp, 'f', prec, v);
		} else {
			int p;

			if ((n = fmt_fast(tmp, v)) == 0)
				n = fmt_exact(tmp, v);
			for (p = 15; n == 0; p++) {
				double back;

				n = fmt_c(tmp, sizeof tmp, 'g', p, v);
				if (p == 17 || (hl__parse_double(tmp, n,
				    &back) == 0 && back == v))
					break;
				n = 0;
			}
		}
		txt = tmp;
	}
	if (cap > 0) {
		size_t k = n < cap ? n : cap - 1;

		memcpy(buf, txt, k);
		buf[k] = '\0';
	}
	return (int)n;
}
