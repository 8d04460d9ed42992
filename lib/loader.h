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

#endif
