/* SPDX-License-Identifier: MIT */
/* idtab.h - a rulebase's ids and the closest to a misspelt one (internal). */
#ifndef HL_IDTAB_H
#define HL_IDTAB_H

#include <stddef.h>

#include "yamltree.h"

/* What an id names. */
#define HL__ID_FLAG		0
#define HL__ID_CAUSE		1
#define HL__ID_STRATEGY		2
#define HL__ID_SOURCE		3

struct hl__ident {
	const char *key;	/* NULL: free slot */
	size_t	 len;
	int	 kind;		/* HL__ID_* */
	size_t	 index;		/* into flags, causes, strategies, sources */
	const struct hl__ynode *node;
};

/* Open addressing over FNV-1a; the keys are the nodes' text, not copied. */
struct hl__idtab {
	struct hl__ident *slot;
	size_t	 cap;		/* a power of two, or 0 */
};

/* Room for n keys; 0, or -1 when out of memory.  Free t->slot with hl__free. */
int hl__idtab_init(struct hl__idtab *t, size_t n);

/* The entry for key[0..len), or NULL. */
struct hl__ident *hl__idtab_find(const struct hl__idtab *t, const char *key,
    size_t len);

/* Add node n's text; the table was sized for every key, so it never fills. */
void hl__idtab_add(struct hl__idtab *t, const struct hl__ynode *n, int kind,
    size_t index);

/*
 * The id of t closest to id[0..len) (of a kind in the mask 1 << HL__ID_*),
 * or NULL: for "did you mean" (edit distance, suggest.c).
 */
const char *hl__idtab_suggest(const struct hl__idtab *t, unsigned kinds,
    const char *id, size_t len);

#endif
