/* SPDX-License-Identifier: MIT */
/* order.h - the evaluation order of a rulebase's rules (internal). */
#ifndef HL_ORDER_H
#define HL_ORDER_H

#include <stddef.h>

#include "rules.h"

/* A fired() dependency cycle, as found at its first rule. */
struct hl__cycle {
	const char *rule;	/* id of that rule */
	int	 line, column;	/* where it is written */
	char	 text[200];	/* "a -> b -> a", cut with "..." */
};

/*
 * Fill rb->order (rb->nrules entries): every red flag and cause after the
 * rules its conditions read through fired(), otherwise in index order.
 * Returns 0, HL_ENOMEM, or HL_ESCHEMA with the cycle in *cyc.
 */
int hl__order_rules(struct hl_rulebase *rb, struct hl__cycle *cyc);

#endif
