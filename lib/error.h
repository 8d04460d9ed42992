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

#endif
