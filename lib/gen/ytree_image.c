/* SPDX-License-Identifier: MIT */
/*
 * ytree_image.c - build-time generator of lib/default_rules.c: the default
 * rulebase's text, and its node tree as parsed by yamltree.c written out as
 * read-only arrays (struct hl__ypre), so that hl_rulebase_load_default()
 * runs the loader on that tree without parsing the YAML again.
 *
 *	ytree_image rules/heavylegs.yaml > lib/default_rules.c
 *
 * A program run on the build machine, not part of the library (which is
 * made of the C files directly in lib/, not of lib/gen/).  It links the
 * library's yamltree.c, alloc.c and error.c, so that the tree is exactly
 * the one the library's parser gives.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "heavylegs.h"
#include "yamltree.h"

static int
bytes(FILE *o, const unsigned char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (fprintf(o, "%s0x%02x,%s", i % 12 == 0 ? "\t" : " ", p[i],
		    i % 12 == 11 || i + 1 == n ? "\n" : "") < 0)
			return -1;
	return 0;
}

int
main(int argc, char **argv)
{
	FILE *f, *o = stdout;
	char *text = NULL;
	size_t len = 0, cap = 0, got, nn, head, tail, i, j, pool = 0;
	const struct hl__ynode **q;
	struct hl__ynode *root;
	struct hl__yerror e;
	unsigned long *kid;

	if (argc != 2) {
		fprintf(stderr, "usage: ytree_image file.yaml\n");
		return 2;
	}
	if ((f = fopen(argv[1], "rb")) == NULL) {
		perror(argv[1]);
		return 1;
	}
	for (;;) {
		if (len == cap) {
			cap = cap ? cap * 2 : 65536;
			if ((text = realloc(text, cap)) == NULL) {
				fprintf(stderr, "ytree_image: out of memory\n");
				return 1;
			}
		}
		if ((got = fread(text + len, 1, cap - len, f)) == 0)
			break;
		len += got;
	}
	if (ferror(f)) {
		perror(argv[1]);
		return 1;
	}
	fclose(f);
	if (hl__ytree_parse(text, len, &root, &e) != HL_OK || root == NULL) {
		fprintf(stderr, "%s:%d:%d: %s\n", argv[1], e.line, e.column,
		    root == NULL && e.code == 0 ? "empty document" : e.message);
		return 1;
	}

	/* breadth first: each node's children side by side */
	if ((q = malloc(sizeof *q)) == NULL || (kid = malloc(sizeof *kid)) ==
	    NULL) {
		fprintf(stderr, "ytree_image: out of memory\n");
		return 1;
	}
	q[0] = root;
	for (head = 0, tail = 1; head < tail; head++) {
		const struct hl__ynode *n = q[head];

		if ((kid = realloc(kid, (head + 1) * sizeof *kid)) == NULL ||
		    (q = realloc(q, (tail + n->nkid) * sizeof *q)) == NULL) {
			fprintf(stderr, "ytree_image: out of memory\n");
			return 1;
		}
		kid[head] = tail;
		for (j = 0; j < n->nkid; j++)
			q[tail++] = n->kid[j];
	}
	nn = tail;

	fprintf(o, "/* SPDX-License-Identifier: MIT */\n"
	    "/* default_rules.c - generated from %s by lib/gen/ytree_image; "
	    "do not edit. */\n"
	    "#include <stddef.h>\n\n#include \"rules.h\"\n"
	    "#include \"yamltree.h\"\n\n", argv[1]);
	fprintf(o, "/* The text, plus a NUL that hl__default_rules_len does "
	    "not count. */\n"
	    "const unsigned char hl__default_rules[] = {\n");
	bytes(o, (const unsigned char *)text, len);
	fprintf(o, "\t0x00\n};\nconst size_t hl__default_rules_len = "
	    "sizeof(hl__default_rules) - 1;\n\n");

	fprintf(o, "/* Its tree: every scalar's value, NUL-terminated. */\n"
	    "static const char pool[] = {\n");
	for (i = 0; i < nn; i++)
		if (q[i]->type == HL__Y_SCALAR)
			bytes(o, (const unsigned char *)q[i]->str,
			    q[i]->len + 1);
	fprintf(o, "\t0x00\n};\n\n");
	fprintf(o, "/* type, style, line, column, vcolumn, str, len, kid, "
	    "nkid */\nstatic const struct hl__ypre node[%lu] = {\n",
	    (unsigned long)nn);
	for (i = 0; i < nn; i++) {
		const struct hl__ynode *n = q[i];

		fprintf(o, "\t{ %d, %d, %d, %d, %d, %lu, %lu, %lu, %lu },\n",
		    n->type, n->style, n->line, n->column, n->vcolumn,
		    n->type == HL__Y_SCALAR ? (unsigned long)pool : 0UL,
		    (unsigned long)n->len, n->nkid ? kid[i] : 0UL,
		    (unsigned long)n->nkid);
		if (n->type == HL__Y_SCALAR)
			pool += n->len + 1;
	}
	fprintf(o, "};\n\nconst struct hl__yimage hl__default_tree = {\n"
	    "\tnode, sizeof node / sizeof node[0], pool\n};\n");
	if (fflush(o) != 0 || ferror(o)) {
		perror("ytree_image: stdout");
		return 1;
	}
	hl__ytree_free(root);
	free(kid);
	free(q);
	free(text);
	return 0;
}
