/* SPDX-License-Identifier: MIT */
/* loader.h - YAML rulebase text to the compiled rule model (internal). */
#ifndef HL_LOADER_H
#define HL_LOADER_H

#include <stddef.h>

#include "heavylegs.h"
#include "rules.h"

/* Longest rule id, in bytes. */
#define HL__ID_MAX	63

/*
 * Load the rulebase text[0..len) (need not be NUL-terminated) named file
 * (for messages).  Returns HL_OK and *out, or an HL_E* code with err
 * filled as the rule format's "Load errors" say and *out NULL.  Everything
 * half-built is freed.  Never prints.
 */
int hl__load(const char *text, size_t len, const char *file,
    struct hl_rulebase **out, hl_error *err);

/*
 * The same for a tree parsed at build time (yamltree.h): the rulebase is
 * the one hl__load() makes of the text img was made from.
 */
struct hl__yimage;
int hl__load_image(const struct hl__yimage *img, const char *file,
    struct hl_rulebase **out, hl_error *err);

/* Where hl__load_all() sends each error it finds. */
struct hl__errsink {
	/* Take a copy of e; 0, or -1 when out of memory (the load stops). */
	int	(*add)(void *ctx, const hl_error *e);
	void	*ctx;
};

/*
 * Check the rulebase text[0..len) as hl__load() does, but send every
 * error to sink (in the order found, not file order), going on after each
 * one with the next part of the rulebase.  Returns HL_OK when there was
 * none, HL_ENOMEM when memory ran out (not sent: the caller reports it),
 * or the code of the first error found.  Nothing is kept.
 */
int hl__load_all(const char *text, size_t len, const char *file,
    const struct hl__errsink *sink);

#endif
