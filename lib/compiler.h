/* SPDX-License-Identifier: MIT */
/* compiler.h - compiler attributes the library uses (internal). */
#ifndef HL_COMPILER_H
#define HL_COMPILER_H

/*
 * HL__PRINTF(f, a): the function formats like printf; its format is
 * argument f (counting from 1) and the values start at argument a, or a is
 * 0 when they come as a va_list.  gcc and clang then check every call, and
 * -Wformat-nonliteral accepts the format being passed on.
 */
#if defined(__GNUC__)
#define HL__PRINTF(f, a)	__attribute__((format(printf, f, a)))
#else
#define HL__PRINTF(f, a)
#endif

#endif
