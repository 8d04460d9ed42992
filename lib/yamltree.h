/* SPDX-License-Identifier: MIT */
/* yamltree.h - a small YAML node tree with positions, for the loader (internal). */
#ifndef HL_YAMLTREE_H
#define HL_YAMLTREE_H

#include <stddef.h>

/* Document limits: anything past them is refused as absurd. */
#define HL__YAML_MAX_BYTES	(4u * 1024 * 1024)	/* input size */
#define HL__YAML_MAX_DEPTH	32		/* nested sequences/mappings */
#define HL__YAML_MAX_NODES	200000		/* scalars, sequences, mappings */
#define HL__YAML_MAX_SCALAR	65536		/* bytes in one scalar */

/* Node types. */
#define HL__Y_SCALAR	1
#define HL__Y_SEQ	2
#define HL__Y_MAP	3

/* Scalar styles. */
#define HL__Y_PLAIN	1
#define HL__Y_SINGLE	2	/* 'single quoted' */
#define HL__Y_DOUBLE	3	/* "double quoted" */
#define HL__Y_LITERAL	4	/* | */
#define HL__Y_FOLDED	5	/* > */
#define HL__Y_FLOW	6	/* [ ] or { } (sequences, mappings) */
#define HL__Y_BLOCK	7	/* block sequence or mapping */

struct hl__ynode {
	int	 type;		/* HL__Y_SCALAR, _SEQ, _MAP */
	int	 style;		/* HL__Y_PLAIN ... */
	int	 line, column;	/* start, 1-based; column in bytes */
	/*
	 * Scalars: when > 0, the value is byte for byte the text that starts
	 * at this column of `line` (a one-line scalar without escapes), so an
	 * offset into the value is a column offset too.
	 */
	int	 vcolumn;
	char	*str;		/* scalar value, NUL-terminated */
	size_t	 len;
	struct hl__ynode **kid;	/* sequence: items; mapping: key, value, ... */
	size_t	 nkid;		/* mapping: twice the number of pairs */
	size_t	 cap;
};

/* Why parsing failed: HL_ESYNTAX, HL_ESCHEMA (limits, aliases) or HL_ENOMEM. */
struct hl__yerror {
	int	 code;
	int	 line, column;	/* 0: no position */
	char	 message[200];
};

/*
 * Parse text[0..len) (UTF-8; a leading byte order mark is skipped) into a
 * tree.  *root is NULL for a stream without a document.  Refuses anchors,
 * aliases, tags, more than one document and anything past the limits.
 */
int hl__ytree_parse(const char *text, size_t len, struct hl__ynode **root,
    struct hl__yerror *e);
void hl__ytree_free(struct hl__ynode *n);

/*
 * A tree written out as arrays at build time (the default rulebase's, by
 * lib/gen/ytree_image.c): nodes in breadth-first order, so that a node's
 * children are the nkid nodes from index kid on; values are NUL-terminated
 * strings at offset str of the pool.  Read-only data, no pointers.
 */
struct hl__ypre {
	unsigned char type, style;
	unsigned line, column, vcolumn;
	unsigned str, len;
	unsigned kid, nkid;
};

struct hl__yimage {
	const struct hl__ypre *node;	/* node[0] is the root */
	size_t	 nnode;			/* >= 1 */
	const char *pool;
};

/*
 * The tree of image img, as hl__ytree_parse() would give it for the text
 * it was made from (the values are borrowed from img's pool).  One
 * allocation; HL_OK, or HL_ENOMEM with *root NULL.  Free with
 * hl__ytree_free().
 */
int hl__ytree_build(const struct hl__yimage *img, struct hl__ynode **root);

/* The default rulebase's tree (lib/default_rules.c, generated). */
extern const struct hl__yimage hl__default_tree;

/* True for a plain scalar that YAML reads as null: "", "~", "null". */
int hl__ytree_isnull(const struct hl__ynode *n);

#endif
