/* SPDX-License-Identifier: MIT */
/* alloc.c - the library's allocation wrappers, with a failure hook for tests. */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"

#ifdef HL_TESTING
/*
 * Test builds only (never in the installed library): make allocations fail
 * on demand.  This is process-wide state, which the release build must not
 * have; the tests are single-threaded.
 */
static long fail_after = -1;	/* successes left before failing; -1: never */
static long nalloc;		/* allocation calls since fail_after was set */

void
hl__alloc_fail_after(long n)
{
	fail_after = n < 0 ? -1 : n;
	nalloc = 0;
}

long
hl__alloc_count(void)
{
	return nalloc;
}

/* Whether this allocation should fail. */
static int
should_fail(void)
{
	nalloc++;
	if (fail_after < 0)
		return 0;
	if (fail_after == 0)
		return 1;
	fail_after--;
	return 0;
}
#define SHOULD_FAIL()	should_fail()
#else
#define SHOULD_FAIL()	0
#endif

/* A zero-byte request gets one byte, so that NULL always means failure. */
void *
hl__malloc(size_t n)
{
	if (SHOULD_FAIL())
		return NULL;
	return malloc(n > 0 ? n : 1);
}

void *
hl__calloc(size_t n, size_t size)
{
	if (SHOULD_FAIL())
		return NULL;
	if (n == 0 || size == 0)
		n = size = 1;
	return calloc(n, size);
}

/* Like realloc(), except that n == 0 keeps a one-byte block. */
void *
hl__realloc(void *p, size_t n)
{
	if (SHOULD_FAIL())
		return NULL;
	return realloc(p, n > 0 ? n : 1);
}

/* Copy at most n bytes of s, stopping at a NUL, and terminate the copy. */
char *
hl__strndup(const char *s, size_t n)
{
	const char *end;
	char	*p;

	end = memchr(s, '\0', n);
	if (end != NULL)
		n = (size_t)(end - s);
	if (n == (size_t)-1 || (p = hl__malloc(n + 1)) == NULL)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void
hl__free(void *p)
{
	free(p);
}
