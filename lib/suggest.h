/* SPDX-License-Identifier: MIT */
/* suggest.h - "did you mean" for misspelt names in a rulebase (internal). */
#ifndef HL_SUGGEST_H
#define HL_SUGGEST_H

#include <stddef.h>

/*
 * The closest name to a misspelt one: initialise with the misspelling,
 * try each candidate, then ask for the best.  A candidate is close enough
 * when at most two edits (insert, delete, change or swap two neighbours
 * of a byte) make one out of the other, and fewer than the misspelling
 * has bytes; among equals, the first tried wins.
 */
struct hl__suggest {
	const char *s;
	size_t	 len;
	const char *best;	/* NUL-terminated, or NULL */
	size_t	 d;		/* its distance */
};

void hl__suggest_init(struct hl__suggest *sg, const char *s, size_t len);
/* Try name[0..len) (NUL-terminated at len). */
void hl__suggest_try(struct hl__suggest *sg, const char *name, size_t len);
/* Try every input name and every derived metric name. */
void hl__suggest_vocab(struct hl__suggest *sg);
/* The best candidate, or NULL when none is close enough. */
const char *hl__suggest_best(const struct hl__suggest *sg);

/* Edit distance of a and b (swaps of neighbours count one), 3 if more. */
size_t hl__edit_distance(const char *a, size_t na, const char *b, size_t nb);

#endif
