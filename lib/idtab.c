/* SPDX-License-Identifier: MIT */
/* idtab.c - a rulebase's ids: open addressing over FNV-1a, and suggestions. */
#include <stdint.h>
#include <string.h>

#include "alloc.h"
#include "idtab.h"
#include "suggest.h"

static size_t
hash(const char *s, size_t len)
{
	size_t i;
	uint32_t h = 2166136261u;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h;
}

int
hl__idtab_init(struct hl__idtab *t, size_t n)
{
	size_t cap = 8;

	while (cap < 2 * n + 2)
		cap *= 2;
	if ((t->slot = hl__calloc(cap, sizeof *t->slot)) == NULL)
		return -1;
	t->cap = cap;
	return 0;
}

struct hl__ident *
hl__idtab_find(const struct hl__idtab *t, const char *key, size_t len)
{
	size_t i;

	if (t->cap == 0)
		return NULL;
	for (i = hash(key, len) & (t->cap - 1); t->slot[i].key != NULL;
	    i = (i + 1) & (t->cap - 1))
		if (t->slot[i].len == len &&
		    memcmp(t->slot[i].key, key, len) == 0)
			return &t->slot[i];
	return NULL;
}

void
hl__idtab_add(struct hl__idtab *t, const struct hl__ynode *n, int kind,
    size_t index)
{
	size_t i;

	for (i = hash(n->str, n->len) & (t->cap - 1); t->slot[i].key != NULL;
	    i = (i + 1) & (t->cap - 1))
		;
	t->slot[i].key = n->str;
	t->slot[i].len = n->len;
	t->slot[i].kind = kind;
	t->slot[i].index = index;
	t->slot[i].node = n;
}

const char *
hl__idtab_suggest(const struct hl__idtab *t, unsigned kinds, const char *id,
    size_t len)
{
	struct hl__suggest sg;
	size_t i;

	hl__suggest_init(&sg, id, len);
	for (i = 0; i < t->cap; i++)
		if (t->slot[i].key != NULL && (kinds & (1u << t->slot[i].kind)))
			hl__suggest_try(&sg, t->slot[i].key, t->slot[i].len);
	return hl__suggest_best(&sg);
}
