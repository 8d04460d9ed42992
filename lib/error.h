/* SPDX-License-Identifier: MIT */
/* error.h - hl_error, the message formatter, UTF-8 text (internal). */
#ifndef HL_ERROR_H
#define HL_ERROR_H

#include <stdarg.h>
#include <stddef.h>

#include "compiler.h"
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
    HL__PRINTF(8, 9)
    ;

/* True when err already holds an error. */
int hl__error_isset(const hl_error *err);

/*
 * Copy src[0..len) into dst[cap] (NUL-terminated when cap > 0) so that it
 * is valid UTF-8 without control characters, for hl_error text a caller
 * may print or decode: newline, tab and CR become \n \t \r, other control
 * bytes and bytes that are not UTF-8 \xHH, and C1 controls, line
 * separators and bidirectional controls \uHHHH.  Escaping escaped text
 * changes nothing.  Cut text ends between whole characters or escapes.
 * Returns 1 when src was cut, else 0.
 */
int hl__escape(char *dst, size_t cap, const char *src, size_t len);

/*
 * Length of the UTF-8 character at s[0..n): 1 for ASCII, 2 to 4 for a lead
 * byte C2..F4 followed by its continuation bytes, 0 for anything else (a
 * stray or cut sequence, an overlong form, a surrogate, past U+10FFFF).
 */
size_t hl__utf8_len(const char *s, size_t n);

/*
 * The library's one message formatter: vsnprintf into buf[cap], then drop
 * the bytes that do not make up a whole UTF-8 character (a cut, or a
 * "%.60s" of rulebase text), so that every message stays valid UTF-8.
 * Returns the length.
 */
size_t hl__vformat(char *buf, size_t cap, const char *fmt, va_list ap)
    HL__PRINTF(3, 0);

#endif
