/* SPDX-License-Identifier: MIT */
/* rules.h - what the programs read from a rulebase's text themselves (internal). */
#ifndef HL_CLI_RULES_H
#define HL_CLI_RULES_H

#include <stddef.h>

/*
 * Call fn once for every `when` condition of the red flags' levels in the
 * rulebase text[0..len), with the flag's id.  Returns the number of
 * conditions, or 0 when the text is not a readable rulebase (the library's
 * loader reports why).
 */
typedef void (*cli_when_fn)(const char *id, const char *when, void *userdata);
size_t cli_red_flag_conditions(const char *text, size_t len, cli_when_fn fn,
    void *userdata);

/*
 * The names in an expression, one call each, in order (duplicates too):
 * words of letters, digits and '_' that start with a letter and are not
 * and/or/not/true/false.
 */
typedef void (*cli_name_fn)(const char *name, size_t len, void *userdata);
void cli_expression_names(const char *expr, cli_name_fn fn, void *userdata);

/* The default rulebase's text, as built into the library. */
extern const unsigned char hl__default_rules[];
extern const size_t hl__default_rules_len;

#endif
