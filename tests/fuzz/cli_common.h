/* SPDX-License-Identifier: MIT */
/*
 * cli_common.h - what the hl-assess reader targets share: a problem
 * callback that checks every problem it is given, and the assessment of
 * a runner the readers accepted.
 */
#ifndef HL_FUZZ_CLI_COMMON_H
#define HL_FUZZ_CLI_COMMON_H

#include <stdlib.h>
#include <string.h>

#include "heavylegs.h"
#include "../../examples/cli/runner.h"

/*
 * The last line a problem may name: lines end at '\n' (the text reader)
 * or at any line break libyaml knows (CR, CR LF, LF, NEL, LS, PS).
 */
static unsigned long
last_line(const char *buf, size_t len)
{
	const unsigned char *u = (const unsigned char *)buf;
	unsigned long nl = 1, yl = 1;
	size_t i;

	for (i = 0; i < len; i++) {
		if (u[i] == '\n')
			nl++;
		if ((u[i] == '\r' && !(i + 1 < len && u[i + 1] == '\n')) ||
		    u[i] == '\n' ||
		    (u[i] == 0xc2 && i + 1 < len && u[i + 1] == 0x85) ||
		    (u[i] == 0xe2 && i + 2 < len && u[i + 1] == 0x80 &&
		    (u[i + 2] == 0xa8 || u[i + 2] == 0xa9)))
			yl++;
	}
	return nl > yl ? nl : yl;
}

struct seen {
	size_t	 n;		/* problems reported */
	unsigned long max_line;	/* no problem may be past this line */
};

/* Every problem names its source and has a one-line, non-empty message. */
static void
seen_problem(const struct cli_problem *p, void *ud)
{
	struct seen *s = ud;

	if (p == NULL || p->source == NULL || p->message == NULL ||
	    p->message[0] == '\0' || strchr(p->message, '\n') != NULL ||
	    p->line > s->max_line)
		abort();
	if (p->field != NULL)
		(void)strlen(p->field);
	s->n++;
}

static const hl_rulebase *
default_rulebase(void)
{
	static hl_rulebase *rb;
	hl_error err;

	if (rb == NULL && hl_rulebase_load_default(&rb, &err) != HL_OK)
		abort();
	return rb;
}

/* A runner the readers accepted (no problem, none between inputs) assesses. */
static void
assess_accepted(const hl_inputs *in, hl_report **rep)
{
	hl_error err;

	memset(&err, 0, sizeof err);
	if (hl_assess(default_rulebase(), in, rep, &err) != HL_OK)
		abort();
}

#endif
