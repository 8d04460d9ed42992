/* SPDX-License-Identifier: MIT */
/* suggest.c - "did you mean": the closest known name to a misspelt one. */
#include <string.h>

#include "suggest.h"
#include "vocab.h"

#define FAR	3	/* every distance past 2 reads as this */
#define LONGEST	32	/* longer names are never near anything */

size_t
hl__edit_distance(const char *a, size_t na, const char *b, size_t nb)
{
	size_t d[3][LONGEST + 1], i, j, x, y, z;

	if (na > LONGEST || nb > LONGEST ||
	    (na > nb ? na - nb : nb - na) >= FAR)
		return FAR;
	/* optimal string alignment over three rolling rows */
	for (j = 0; j <= nb; j++)
		d[0][j] = j;
	for (i = 1; i <= na; i++) {
		size_t *cur = d[i % 3], *up = d[(i - 1) % 3],
		    *up2 = d[(i + 1) % 3];

		cur[0] = i;
		for (j = 1; j <= nb; j++) {
			x = up[j] + 1;
			y = cur[j - 1] + 1;
			z = up[j - 1] + (a[i - 1] != b[j - 1]);
			if (y < x)
				x = y;
			if (z < x)
				x = z;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && up2[j - 2] + 1 < x)
				x = up2[j - 2] + 1;
			cur[j] = x;
		}
	}
	return d[na % 3][nb] < FAR ? d[na % 3][nb] : FAR;
}

void
hl__suggest_init(struct hl__suggest *sg, const char *s, size_t len)
{
	sg->s = s;
	sg->len = len;
	sg->best = NULL;
	sg->d = FAR;
}

void
hl__suggest_try(struct hl__suggest *sg, const char *name, size_t len)
{
	size_t d;

	if (len == sg->len && memcmp(name, sg->s, len) == 0)
		return;		/* the same name is no suggestion */
	d = hl__edit_distance(sg->s, sg->len, name, len);
	if (d < sg->d && d < sg->len) {
		sg->best = name;
		sg->d = d;
	}
}

void
hl__suggest_vocab(struct hl__suggest *sg)
{
	size_t i;

	for (i = 0; i < hl__input_ndefs; i++)
		hl__suggest_try(sg, hl__input_defs[i].name,
		    strlen(hl__input_defs[i].name));
	for (i = 0; i < HL__M_COUNT; i++)
		hl__suggest_try(sg, hl__metric_defs[i].name,
		    strlen(hl__metric_defs[i].name));
}

const char *
hl__suggest_best(const struct hl__suggest *sg)
{
	return sg->best;
}
