/* SPDX-License-Identifier: MIT */
/* fuzz_lint.c - libFuzzer target: any bytes through the multi-error lint. */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "heavylegs.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct seen {
	size_t n;
	int first;
	int32_t line, column;
	int32_t last_line;
	int order_broken;
};

static void
on_error(const hl_error *e, void *userdata)
{
	struct seen *s = userdata;

	if (e == NULL || e->code >= 0 || e->message[0] == '\0' ||
	    memchr(e->message, '\0', sizeof e->message) == NULL ||
	    memchr(e->name, '\0', sizeof e->name) == NULL ||
	    memchr(e->rule, '\0', sizeof e->rule) == NULL ||
	    memchr(e->file, '\0', sizeof e->file) == NULL ||
	    e->line < 0 || e->column < 0)
		abort();
	if (s->n == 0) {
		s->first = e->code;
		s->line = e->line;
		s->column = e->column;
	}
	s->n++;
}

/*
 * The bytes are a rulebase (the same corpus as fuzz_load serves).  Linted
 * with every error wanted, with a cap of size % 4, and without a callback:
 * the count is the same each time, the callback runs min(count, cap) times,
 * the result is HL_OK exactly when the loader accepts the text, and the
 * loader's error is the first one the lint reports.
 */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	struct seen all, some;
	hl_rulebase *rb = NULL;
	hl_error err;
	size_t count, count2, count3, cap;
	int rc, rc2, rc3, lrc;

	memset(&all, 0, sizeof all);
	memset(&some, 0, sizeof some);
	rc = hl_rulebase_lint(text, size, "<fuzz>", SIZE_MAX, on_error, &all,
	    &count);
	if (rc == HL_ENOMEM)
		return 0;
	if (all.n != count || (count == 0) != (rc == HL_OK) ||
	    (count > 0 && all.first != rc))
		abort();
	cap = size % 4;
	rc2 = hl_rulebase_lint(text, size, NULL, cap, on_error, &some,
	    &count2);
	rc3 = hl_rulebase_lint(text, size, "<fuzz>", 0, NULL, NULL, &count3);
	if (rc2 != rc || rc3 != rc || count2 != count || count3 != count ||
	    some.n != (count < cap ? count : cap))
		abort();

	memset(&err, 0, sizeof err);
	lrc = hl_rulebase_load_buffer(text, size, "<fuzz>", &rb, &err);
	if (lrc == HL_ENOMEM) {
		hl_rulebase_free(rb);
		return 0;
	}
	if ((lrc == HL_OK) != (rc == HL_OK))
		abort();
	if (lrc != HL_OK && (lrc != rc || err.line != all.line ||
	    err.column != all.column))
		abort();
	hl_rulebase_free(rb);
	return 0;
}
