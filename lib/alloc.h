/* SPDX-License-Identifier: MIT */
/* alloc.h - the library's allocation calls (internal). */
#ifndef HL_ALLOC_H
#define HL_ALLOC_H

#include <stddef.h>

/*
 * Every allocation of the library goes through these, so that the tests can
 * make the n-th one fail (built with -DHL_TESTING, see alloc.c).
 */
void *hl__malloc(size_t n);
void *hl__calloc(size_t n, size_t size);
void *hl__realloc(void *p, size_t n);
char *hl__strndup(const char *s, size_t n);
void hl__free(void *p);

#ifdef HL_TESTING
/* Fail every allocation after the next n successful ones; -1 disables. */
void hl__alloc_fail_after(long n);
/* Number of allocations since the last call to hl__alloc_fail_after(). */
long hl__alloc_count(void);
#endif

#endif
