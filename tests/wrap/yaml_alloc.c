/* SPDX-License-Identifier: MIT */
/*
 * yaml_alloc.c - every malloc, realloc and calloc call made while loading
 * and linting a rulebase, libyaml's own included, is failed in turn.
 *
 * Linked with libyaml statically and -Wl,--wrap=malloc,--wrap=realloc,
 * --wrap=calloc (mk/reliability.mk), so that the calls of libyaml and of
 * the library both come here; run under valgrind, which reports a leak.
 * Each failure must give HL_ENOMEM (never another code, a crash or a
 * leak), and the next call must succeed.
 *
 * usage: yaml_alloc RULEBASE.yaml
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "heavylegs.h"

void *__real_malloc(size_t);
void *__real_realloc(void *, size_t);
void *__real_calloc(size_t, size_t);
void *__wrap_malloc(size_t);
void *__wrap_realloc(void *, size_t);
void *__wrap_calloc(size_t, size_t);

static long fail_at = -1;	/* the call that fails; -1: none */
static long calls;

static int
fail_now(void)
{
	return fail_at >= 0 && calls++ == fail_at;
}

void *
__wrap_malloc(size_t n)
{
	return fail_now() ? NULL : __real_malloc(n);
}

void *
__wrap_realloc(void *p, size_t n)
{
	return fail_now() ? NULL : __real_realloc(p, n);
}

void *
__wrap_calloc(size_t n, size_t size)
{
	return fail_now() ? NULL : __real_calloc(n, size);
}

static char *text;
static size_t len;

static int
load(hl_error *e)
{
	hl_rulebase *rb = NULL;
	int rc;

	memset(e, 0, sizeof *e);
	rc = hl_rulebase_load_buffer(text, len, "wrap.yaml", &rb, e);
	hl_rulebase_free(rb);
	return rc;
}

static int
lint(size_t *count)
{
	return hl_rulebase_lint(text, len, "wrap.yaml", 10, NULL, NULL, count);
}

int
main(int argc, char **argv)
{
	FILE *f;
	hl_error e;
	size_t want, count;
	long n, hits = 0;
	int rc, wantrc, bad = 0;

	if (argc != 2 || (f = fopen(argv[1], "rb")) == NULL)
		return 2;
	text = __real_malloc(1 << 20);
	len = fread(text, 1, 1 << 20, f);
	fclose(f);

	for (n = 0; ; n++) {
		calls = 0;
		fail_at = n;
		rc = load(&e);
		fail_at = -1;
		if (calls <= n)
			break;		/* nothing failed: every call tried */
		hits++;
		if (rc != HL_ENOMEM || e.code != HL_ENOMEM) {
			printf("load: call %ld failed: got %d %s\n", n, rc,
			    e.message);
			bad++;
		}
		if (load(&e) != HL_OK) {
			printf("load after call %ld failed: %s\n", n, e.message);
			bad++;
		}
	}
	printf("load: %ld calls failed in turn, %d wrong\n", hits, bad);

	wantrc = lint(&want);
	for (n = 0; ; n++) {
		calls = 0;
		fail_at = n;
		rc = lint(&count);
		fail_at = -1;
		if (calls <= n)
			break;
		hits++;
		if (rc != HL_ENOMEM && rc != wantrc) {
			printf("lint: call %ld failed: got %d\n", n, rc);
			bad++;
		}
		if (lint(&count) != wantrc || count != want) {
			printf("lint after call %ld differs\n", n);
			bad++;
		}
	}
	printf("load and lint: %ld calls failed in turn, %d wrong\n", hits,
	    bad);
	free(text);
	return bad != 0;
}
