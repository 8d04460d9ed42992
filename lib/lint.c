/* SPDX-License-Identifier: MIT */
/* lint.c - every error of a rulebase, in file order, for rule authors. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "error.h"
#include "heavylegs.h"
#include "loader.h"

/*
 * The loader finds errors pass by pass, not in file order.  The first
 * `max` in file order are kept: errors are gathered up to twice that, then
 * sorted and cut back to `max`, so memory stays in proportion to the cap
 * whatever the number of errors.
 */
struct found {
	hl_error e;
	size_t	 seq;		/* the order found: ties keep it */
};

struct lint {
	struct found *v;
	size_t	 n, cap;
	size_t	 max;		/* errors to keep */
	size_t	 total;		/* errors found */
	int	 first_code;	/* of the first in file order, kept or not */
	int	 first_line, first_column;
};

static int
cmp_found(const void *a, const void *b)
{
	const struct found *x = a, *y = b;

	if (x->e.line != y->e.line)
		return x->e.line < y->e.line ? -1 : 1;
	if (x->e.column != y->e.column)
		return x->e.column < y->e.column ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static void
cut(struct lint *l)
{
	if (l->n > 1)
		qsort(l->v, l->n, sizeof *l->v, cmp_found);
	if (l->n > l->max)
		l->n = l->max;
}

static int
add(void *ctx, const hl_error *e)
{
	struct lint *l = ctx;
	struct found *v;
	size_t cap;

	/* the return code is the first error's, whatever the cap */
	if (l->total == 0 || e->line < l->first_line ||
	    (e->line == l->first_line && e->column < l->first_column)) {
		l->first_code = e->code;
		l->first_line = e->line;
		l->first_column = e->column;
	}
	l->total++;
	if (l->max == 0)
		return 0;
	if (l->n == 2 * l->max)
		cut(l);
	if (l->n == l->cap) {
		cap = l->cap ? 2 * l->cap : 16;
		if (cap > 2 * l->max)
			cap = 2 * l->max;
		if ((v = hl__realloc(l->v, cap * sizeof *v)) == NULL)
			return -1;
		l->v = v;
		l->cap = cap;
	}
	l->v[l->n].e = *e;
	l->v[l->n].seq = l->total;
	l->n++;
	return 0;
}

/* An error that stops the check before any other: the only one. */
static int
only(int code, const hl_error *e, hl_error_fn fn, void *userdata,
    size_t max_errors, size_t *count)
{
	if (count != NULL)
		*count = 1;
	if (fn != NULL && max_errors > 0)
		fn(e, userdata);
	return code;
}

int
hl_rulebase_lint(const char *text, size_t len, const char *name,
    size_t max_errors, hl_error_fn fn, void *userdata, size_t *count)
{
	struct hl__errsink sink;
	struct lint l;
	hl_error e;
	size_t i;
	int rc;

	if (count != NULL)
		*count = 0;
	memset(&e, 0, sizeof e);
	e.size = sizeof e;
	if (name == NULL)
		name = "<buffer>";
	if (text == NULL && len > 0)
		return only(hl__error_set(&e, HL_EINVAL, NULL, 0, 0, NULL,
		    "text", "hl_rulebase_lint: text is NULL"), &e, fn,
		    userdata, max_errors, count);

	memset(&l, 0, sizeof l);
	l.max = max_errors;
	/* twice the cap must be a size that can be allocated */
	if (l.max > SIZE_MAX / sizeof *l.v / 2)
		l.max = SIZE_MAX / sizeof *l.v / 2;
	sink.add = add;
	sink.ctx = &l;
	rc = hl__load_all(text != NULL ? text : "", len, name, &sink);
	if (rc == HL_ENOMEM) {
		hl__free(l.v);
		return only(hl__error_set(&e, HL_ENOMEM, name, 0, 0, NULL,
		    NULL, "out of memory"), &e, fn, userdata, max_errors,
		    count);
	}
	cut(&l);
	if (count != NULL)
		*count = l.total;
	if (l.total > 0)
		rc = l.first_code;	/* the first in file order */
	for (i = 0; fn != NULL && i < l.n; i++)
		fn(&l.v[i].e, userdata);
	hl__free(l.v);
	return rc;
}
