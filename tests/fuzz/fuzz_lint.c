/* SPDX-License-Identifier: MIT */
/*
 * fuzz_lint.c - libFuzzer target: any bytes through the multi-error lint,
 * and through what hl-assess reads from a rulebase's text itself
 * (examples/cli/rules.c: the red flags' conditions and the names in them).
 */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "heavylegs.h"
#include "../../examples/cli/rules.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define KEEP	64

struct seen {
	size_t n;
	int first;
	struct { int code; int32_t line, column; } e[KEEP];
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
	if (s->n == 0)
		s->first = e->code;
	if (s->n < KEEP) {
		s->e[s->n].code = e->code;
		s->e[s->n].line = e->line;
		s->e[s->n].column = e->column;
	}
	s->n++;
}

/* Each name lies inside its condition, a whole word of [A-Za-z0-9_]. */
static const char *when_text;
static size_t names_seen;

static int
word(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '_';
}

static void
on_name(const char *name, size_t len, void *userdata)
{
	size_t i, whole = strlen(when_text);

	(void)userdata;
	if (len == 0 || name < when_text || name + len > when_text + whole ||
	    (name[0] >= '0' && name[0] <= '9') || word((unsigned char)name[len]))
		abort();
	if (name > when_text && word((unsigned char)name[-1]))
		abort();
	for (i = 0; i < len; i++)
		if (!word((unsigned char)name[i]))
			abort();
	names_seen++;
}

static void
on_when(const char *id, const char *when, void *userdata)
{
	size_t *calls = userdata;

	if (id == NULL || when == NULL)
		abort();
	(void)strlen(id);
	when_text = when;
	cli_expression_names(when, on_name, NULL);
	(*calls)++;
}

/*
 * The bytes are a rulebase (the same corpus as fuzz_load serves).  Linted
 * with every error wanted, with a cap of size % 4, and without a callback:
 * the count is the same each time, the callback runs min(count, cap) times,
 * the result is HL_OK exactly when the loader accepts the text, and the
 * loader's error is one of those the lint reports (not always the first in
 * file order: the loader reports a YAML syntax error before a schema
 * error on an earlier line).
 */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	struct seen all, some;
	hl_rulebase *rb = NULL;
	hl_error err;
	size_t count, count2, count3, cap, i;
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
	if (lrc != HL_OK && all.n <= KEEP) {
		for (i = 0; i < all.n; i++)
			if (all.e[i].code == lrc && all.e[i].line == err.line &&
			    all.e[i].column == err.column)
				break;
		if (i == all.n)
			abort();
	}
	hl_rulebase_free(rb);

	/*
	 * The programs' own reading, on the rulebases the library accepted
	 * (as hl-assess does): one call per condition counted.
	 */
	count = 0;
	if (rc == HL_OK &&
	    cli_red_flag_conditions(text, size, on_when, &count) != count)
		abort();
	return 0;
}
