/* SPDX-License-Identifier: MIT */
/* strconv.h - number parsing and formatting that ignore the locale. */
#ifndef HL_STRCONV_H
#define HL_STRCONV_H

#include <stddef.h>

/*
 * Parse a decimal number (optional sign, digits, '.', exponent; also
 * "inf"/"nan" are refused) from s[0..len).  On success store it in *out,
 * store the number of bytes used in *used (may be NULL) and return 0; return
 * -1 when no number starts at s, -2 when one does but it is out of range: it
 * overflows, or has a nonzero digit and underflows to 0.  A subnormal result
 * is returned (it may have lost digits; see hl__num_exact()).  Never depends
 * on setlocale().
 */
int hl__strtod(const char *s, size_t len, double *out, size_t *used);

/* Same, but the whole of s[0..len) must be the number (-1 when not). */
int hl__parse_double(const char *s, size_t len, double *out);

/*
 * Whether v, read from a literal, is 0 or a normal double: a subnormal has
 * fewer significant bits than the literal asked for, so a rulebase refuses
 * it as out of range, like an overflow.
 */
int hl__num_exact(double v);

/* The range a literal's size must be in, for messages. */
#define HL__NUM_RANGE	"a number is 0 or from about 2.2e-308 to 1.8e308 " \
	"in size"

/*
 * Format v into buf (always NUL-terminated when cap > 0) with prec digits
 * after the point (prec >= 0), or, for prec < 0, the shortest of %.15g that
 * reads back the same ("0.25", "1e+30").  NaN is written "nan", infinities
 * "inf"/"-inf".  Returns the length the full text needs (like snprintf).
 */
int hl__fmt_double(char *buf, size_t cap, double v, int prec);

#endif
