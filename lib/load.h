/* SPDX-License-Identifier: MIT */
/*
 * load.h - what the loader's files share (internal to loader.c and read.c):
 * the state of one load and the error helpers every step reports through.
 */
#ifndef HL_LOAD_H
#define HL_LOAD_H

#include <stddef.h>

#include "compiler.h"
#include "heavylegs.h"
#include "idtab.h"
#include "loader.h"
#include "rules.h"
#include "yamltree.h"

/* Work for the second pass. */
#define P_COND		0	/* compile a condition */
#define P_TEXT		1	/* compile a template */
#define P_SOURCES	2	/* resolve source ids */
#define P_ADDRESSES	3	/* resolve a strategy's causes */

struct pending {
	int	 kind;
	int	 allow_urgency;
	const struct hl__ynode *node;
	const char *rule;	/* id of the rule it is part of, or NULL */
	const char *key;	/* the key it was written under */
	void	*target;	/* hl__cond, hl__text, char **[], hl__strategy */
	size_t	*count;		/* P_SOURCES: receives the count */
};

struct ld {
	const char *file;
	hl_error *err;		/* plain load: the first error */
	const struct hl__errsink *sink;	/* or every error, here */
	size_t	 nerr;		/* errors sent to the sink */
	int	 first;		/* code of the first of them */
	int	 stop;		/* an error after which nothing can go on */
	unsigned misspelt;	/* map_keys: keys an unknown key looked like */
	struct hl_rulebase *rb;
	const char *rule;	/* id of the rule being read, or NULL */
	struct hl__idtab ids;	/* rule ids */
	struct hl__idtab srcs;	/* top-level source ids */
	struct pending *pend;
	size_t	 npend, cappend;
};

/*
 * Errors (loader.c).  The loader's files call them by their short names,
 * which these macros give the hl__ld_* functions.
 */
#define fail_at		hl__ld_fail_at
#define fail		hl__ld_fail
#define nomem		hl__ld_nomem
#define go_on		hl__ld_go_on
#define type_name	hl__ld_type_name

/* An error at line:column, naming field name (may be NULL); returns code. */
int hl__ld_fail_at(struct ld *ld, int code, int line, int column,
    const char *name, const char *fmt, ...) HL__PRINTF(6, 7);

/* An HL_ESCHEMA error at node n. */
int hl__ld_fail(struct ld *ld, const struct hl__ynode *n, const char *name,
    const char *fmt, ...) HL__PRINTF(4, 5);

/* Out of memory: HL_ENOMEM, and the load stops. */
int hl__ld_nomem(struct ld *ld);

/*
 * After an error in a part that the rest does not depend on: collecting
 * every error, it is recorded, so go on (0); a plain load stops (code).
 * Out of memory, or an error after which nothing makes sense, stops both.
 */
int hl__ld_go_on(struct ld *ld, int rc);

/* "a sequence", "a mapping", "a scalar" or "a quoted scalar". */
const char *hl__ld_type_name(const struct hl__ynode *n);

/* First pass (read.c): the document's shape, in file order. */
int hl__ld_read(struct ld *ld, const struct hl__ynode *root);

#endif
