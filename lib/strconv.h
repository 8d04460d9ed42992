/* SPDX-License-Identifier: MIT */
/* strconv.h - number parsing and formatting that ignore the locale. */
#ifndef HL_STRCONV_H
#define HL_STRCONV_H

#include <stddef.h>

/*
 * Parse a decimal number (optional sign, digits, '.', exponent; also
 * "inf"/"nan" are refused) from s[0..len).  On success store it in *out,
 * store the number of bytes used in *used (may be NULL) and return 0; return
 * -1 when no number starts at s.  Never depends on setlocale().
 */
int hl__strtod(const char *s, size_t len, double *out, size_t *used);

/* Same, but the whole of s[0..len) must be the number. */
int hl__parse_double(const char *s, size_t len, double *out);

/*
 * Format v into buf (always NUL-terminated when cap > 0) with prec digits
 * after the point (prec >= 0), or, for prec < 0, the shortest of %.15g that
 * reads back the same ("0.25", "1e+30").  NaN is written "nan", infinities
 * "inf"/"-inf".  Returns the length the full text needs (like snprintf).
 */
int hl__fmt_double(char *buf, size_t cap, double v, int prec);

#endif
