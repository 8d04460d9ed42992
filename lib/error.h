/* SPDX-License-Identifier: MIT */
/* error.h - filling the caller's hl_error (internal). */
#ifndef HL_ERROR_H
#define HL_ERROR_H

#include "heavylegs.h"

/* Clear err on entry to a public function (NULL is fine). */
void hl__error_clear(hl_error *err);

/*
 * Record an error unless one is already recorded (the first error wins) and
 * return code.  file, rule and name may be NULL; line/column 0 mean "no
 * position".  The message is built as
 *   "file:line:column: rule ID: <fmt...>"
 * leaving out the parts that are absent.  Never allocates, never prints.
 */
int hl__error_set(hl_error *err, int code, const char *file, int line,
    int column, const char *rule, const char *name, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 8, 9)))
#endif
    ;

/* True when err already holds an error. */
int hl__error_isset(const hl_error *err);

/*
 * Length of the UTF-8 character at s[0..n): 1 for ASCII, 2 to 4 for a lead
 * byte C2..F4 followed by its continuation bytes, 0 for anything else (a
 * stray or cut sequence).
 */
size_t hl__utf8_len(const char *s, size_t n);

#endif
