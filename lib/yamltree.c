/* SPDX-License-Identifier: MIT */
/* yamltree.c - builds a small node tree with byte positions from libyaml events. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <yaml.h>

#include "alloc.h"
#include "compiler.h"
#include "error.h"
#include "heavylegs.h"
#include "yamltree.h"

/*
 * Every node, value and kid array of a tree comes from one arena, freed
 * whole: the root node is the first member of the arena's header, so
 * hl__ytree_free(root) finds it.
 */
struct chunk {
	struct chunk *next;
	size_t	 used, cap;
	/* the bytes follow, aligned for any object */
};
#define CHUNK_HDR	((sizeof(struct chunk) + 15) / 16 * 16)
#define CHUNK_MIN	(64 * 1024)

struct arena {
	struct hl__ynode root;	/* first: hl__ytree_free() casts back */
	struct chunk *chunks;
};

struct ytree {
	struct arena *arena;
	const unsigned char *text;
	size_t	 len;
	size_t	*starts;	/* byte offset of each line, as libyaml counts */
	size_t	 nlines;
	size_t	 nnodes;
	struct hl__yerror *e;
	/* the last position found, where the next search starts */
	size_t	 cline, ccol, coff;
};

/* n bytes from t's arena, aligned to 16, zeroed; NULL out of memory. */
static void *
aalloc(struct ytree *t, size_t n)
{
	struct chunk *c = t->arena->chunks;
	size_t cap;
	void *p;

	n = (n + 15) / 16 * 16;
	if (c == NULL || c->cap - c->used < n) {
		cap = n > CHUNK_MIN ? n : CHUNK_MIN;
		if ((c = hl__malloc(CHUNK_HDR + cap)) == NULL)
			return NULL;
		c->next = t->arena->chunks;
		c->used = 0;
		c->cap = cap;
		t->arena->chunks = c;
	}
	p = (char *)c + CHUNK_HDR + c->used;
	c->used += n;
	memset(p, 0, n);
	return p;
}

/* Bytes in the UTF-8 sequence that starts with c (1 for a stray byte). */
static size_t
u8width(unsigned char c)
{
	if (c < 0xc0)
		return 1;
	if (c < 0xe0)
		return 2;
	if (c < 0xf0)
		return 3;
	if (c < 0xf8)
		return 4;
	return 1;
}

/* Length of the line break at p (libyaml's: CR LF, CR, LF, NEL, LS, PS), or 0. */
static size_t
breaklen(const unsigned char *p, size_t left)
{
	if (left >= 1 && p[0] == '\n')
		return 1;
	if (left >= 1 && p[0] == '\r')
		return (left >= 2 && p[1] == '\n') ? 2 : 1;
	if (left >= 2 && p[0] == 0xc2 && p[1] == 0x85)
		return 2;
	if (left >= 3 && p[0] == 0xe2 && p[1] == 0x80 &&
	    (p[2] == 0xa8 || p[2] == 0xa9))
		return 3;
	return 0;
}

/* Whether a line break may start with byte c (see breaklen()). */
#define MAY_BREAK(c)	((c) == '\n' || (c) == '\r' || (c) == 0xc2 || \
	(c) == 0xe2)

/* Word tests: whether some byte of x is zero / equals c / is below c. */
#define ONES		0x0101010101010101ULL
#define TOPS		0x8080808080808080ULL
#define HAS_ZERO(x)	(((x) - ONES) & ~(x) & TOPS)
#define HAS_BYTE(x, c)	HAS_ZERO((x) ^ ONES * (c))

/* The first i' >= i where a line break may start, or len. */
static size_t
next_break(const unsigned char *p, size_t i, size_t len)
{
	uint64_t x;
	size_t j;

	for (;;) {
		while (len - i >= 8) {
			memcpy(&x, p + i, sizeof x);
			if (HAS_BYTE(x, '\n') || HAS_BYTE(x, '\r') ||
			    HAS_BYTE(x, 0xc2) || HAS_BYTE(x, 0xe2))
				break;
			i += 8;
		}
		if (i == len)
			return len;
		/* the word that stopped, or the tail, byte by byte */
		for (j = 0; j < 8 && i < len; j++, i++)
			if (MAY_BREAK(p[i]))
				return i;
		if (i == len)
			return len;
	}
}

static int
lines_index(struct ytree *t)
{
	const unsigned char *p = t->text;
	size_t i, b, cap = 256, *st;

	if ((t->starts = hl__malloc(cap * sizeof *t->starts)) == NULL)
		return -1;
	t->starts[0] = 0;
	t->nlines = 1;
	for (i = 0; (i = next_break(p, i, t->len)) < t->len; i += b ? b : 1) {
		if ((b = breaklen(p + i, t->len - i)) == 0)
			continue;
		if (t->nlines == cap) {
			cap *= 2;
			if ((st = hl__realloc(t->starts, cap * sizeof *st)) ==
			    NULL)
				return -1;	/* the caller frees t->starts */
			t->starts = st;
		}
		t->starts[t->nlines++] = i + b;
	}
	return 0;
}

/*
 * Turn libyaml's mark (0-based line, column in characters) into a 1-based
 * line and a 1-based column in bytes; *off receives the byte offset.
 */
static void
mark_pos(struct ytree *t, const yaml_mark_t *m, int *line, int *column,
    size_t *off)
{
	size_t ln, p, end, col;

	ln = m->line < t->nlines ? m->line : t->nlines - 1;
	p = t->starts[ln];
	end = ln + 1 < t->nlines ? t->starts[ln + 1] : t->len;
	col = m->column;
	/* Marks mostly move forward: go on from the last one on this line. */
	if (ln == t->cline && col >= t->ccol && t->coff >= p &&
	    t->coff <= end) {
		p = t->coff;
		col -= t->ccol;
	}
	while (col > 0 && p < end) {
		p += u8width(t->text[p]);
		col--;
	}
	if (p > end)
		p = end;
	if (col == 0) {
		t->cline = ln;
		t->ccol = m->column;
		t->coff = p;
	}
	*line = (int)ln + 1;
	*column = (int)(p - t->starts[ln] + col) + 1;
	if (off != NULL)
		*off = p;
}

/* Position of a byte offset (reader errors give one). */
static void
offset_pos(const struct ytree *t, size_t off, int *line, int *column)
{
	size_t lo, hi, mid;

	if (off > t->len)
		off = t->len;
	lo = 0;
	hi = t->nlines;
	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (t->starts[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	*line = (int)lo + 1;
	*column = (int)(off - t->starts[lo]) + 1;
}

static int
yerr(struct ytree *t, int code, int line, int column, const char *fmt, ...)
    HL__PRINTF(5, 6)
    ;

static int vyerr(struct ytree *, int, int, int, const char *, va_list)
    HL__PRINTF(5, 0);

static int
vyerr(struct ytree *t, int code, int line, int column, const char *fmt,
    va_list ap)
{
	t->e->code = code;
	t->e->line = line;
	t->e->column = column;
	hl__vformat(t->e->message, sizeof t->e->message, fmt, ap);
	return code;
}

static int
yerr(struct ytree *t, int code, int line, int column, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	code = vyerr(t, code, line, column, fmt, ap);
	va_end(ap);
	return code;
}

static int
yerr_mark(struct ytree *t, int code, const yaml_mark_t *m, const char *fmt,
    ...)
    HL__PRINTF(4, 5)
    ;

static int
yerr_mark(struct ytree *t, int code, const yaml_mark_t *m, const char *fmt,
    ...)
{
	va_list ap;
	int line, column;

	mark_pos(t, m, &line, &column, NULL);
	va_start(ap, fmt);
	code = vyerr(t, code, line, column, fmt, ap);
	va_end(ap);
	return code;
}

/* libyaml could not parse: its problem, at its problem mark. */
static int
yerr_parser(struct ytree *t, const yaml_parser_t *p)
{
	int line, column, cline, ccol;
	size_t off;
	const char *problem;

	if (p->error == YAML_MEMORY_ERROR)
		return yerr(t, HL_ENOMEM, 0, 0, "out of memory");
	problem = p->problem != NULL ? p->problem : "invalid YAML";
	if (p->error == YAML_READER_ERROR) {
		offset_pos(t, p->problem_offset, &line, &column);
		return yerr(t, HL_ESYNTAX, line, column, "YAML: %s", problem);
	}
	mark_pos(t, &p->problem_mark, &line, &column, &off);
	if (off < t->len && t->text[off] == '\t')
		return yerr(t, HL_ESYNTAX, line, column,
		    "YAML: tab character: indent with spaces (%s)", problem);
	/* title: Legs: heavy -- the second ': ' starts a mapping */
	if (strcmp(problem, "mapping values are not allowed in this "
	    "context") == 0)
		return yerr(t, HL_ESYNTAX, line, column, "YAML: %s (a text "
		    "that contains ': ' must be quoted: title: \"a: b\")",
		    problem);
	if (p->context != NULL) {
		mark_pos(t, &p->context_mark, &cline, &ccol, NULL);
		return yerr(t, HL_ESYNTAX, line, column,
		    "YAML: %s (%s at line %d)", problem, p->context, cline);
	}
	return yerr(t, HL_ESYNTAX, line, column, "YAML: %s", problem);
}

static void
arena_free(struct arena *a)
{
	struct chunk *c, *next;

	if (a == NULL)
		return;
	for (c = a->chunks; c != NULL; c = next) {
		next = c->next;
		hl__free(c);
	}
	hl__free(a);
}

void
hl__ytree_free(struct hl__ynode *n)
{
	/* n is a root from hl__ytree_parse(): its arena's first member */
	arena_free((struct arena *)(void *)n);
}

int
hl__ytree_build(const struct hl__yimage *img, struct hl__ynode **root)
{
	struct arena *a;
	struct hl__ynode *n, **kid;
	const struct hl__ypre *p;
	size_t i, nn = img->nnode;

	*root = NULL;
	/* the arena's header (the root in it), nodes 1.., a pointer to each */
	a = hl__malloc(sizeof *a + (nn - 1) * sizeof *n + nn * sizeof *kid);
	if (a == NULL)
		return HL_ENOMEM;
	a->chunks = NULL;
	n = (struct hl__ynode *)(void *)(a + 1);	/* nodes 1.. */
	kid = (struct hl__ynode **)(void *)(n + (nn - 1));
	kid[0] = &a->root;
	for (i = 1; i < nn; i++)
		kid[i] = &n[i - 1];
	for (i = 0; i < nn; i++) {
		struct hl__ynode *d = kid[i];

		p = &img->node[i];
		d->type = p->type;
		d->style = p->style;
		d->line = (int)p->line;
		d->column = (int)p->column;
		d->vcolumn = (int)p->vcolumn;
		d->str = p->type == HL__Y_SCALAR ?
		    (char *)(uintptr_t)(img->pool + p->str) : NULL;
		d->len = p->len;
		d->kid = p->nkid > 0 ? kid + p->kid : NULL;
		d->nkid = p->nkid;
		d->cap = p->nkid;
	}
	*root = &a->root;
	return HL_OK;
}

int
hl__ytree_isnull(const struct hl__ynode *n)
{
	if (n == NULL || n->type != HL__Y_SCALAR || n->style != HL__Y_PLAIN)
		return 0;
	return n->len == 0 || strcmp(n->str, "~") == 0 ||
	    strcmp(n->str, "null") == 0 || strcmp(n->str, "Null") == 0 ||
	    strcmp(n->str, "NULL") == 0;
}

static int
add_kid(struct ytree *t, struct hl__ynode *parent, struct hl__ynode *kid)
{
	struct hl__ynode **k;
	size_t cap;

	if (parent->nkid == parent->cap) {
		cap = parent->cap ? parent->cap * 2 : 4;
		if ((k = aalloc(t, cap * sizeof *k)) == NULL)
			return -1;
		if (parent->nkid > 0)
			memcpy(k, parent->kid, parent->nkid * sizeof *k);
		parent->kid = k;
		parent->cap = cap;
	}
	parent->kid[parent->nkid++] = kid;
	return 0;
}

/* Make a node for event ev and attach it; NULL on error (reported). */
static struct hl__ynode *
new_node(struct ytree *t, const yaml_event_t *ev, struct hl__ynode **stack,
    size_t depth, struct hl__ynode **root)
{
	struct hl__ynode *n;
	size_t off;

	if (++t->nnodes > HL__YAML_MAX_NODES) {
		yerr_mark(t, HL_ESCHEMA, &ev->start_mark,
		    "document limit: more than %u nodes",
		    (unsigned)HL__YAML_MAX_NODES);
		return NULL;
	}
	if (depth == 0)
		n = &t->arena->root;	/* one document: one root */
	else if ((n = aalloc(t, sizeof *n)) == NULL ||
	    add_kid(t, stack[depth - 1], n) == -1) {
		yerr(t, HL_ENOMEM, 0, 0, "out of memory");
		return NULL;
	}
	if (depth == 0)
		*root = n;
	mark_pos(t, &ev->start_mark, &n->line, &n->column, &off);
	if (ev->type == YAML_SCALAR_EVENT) {
		n->type = HL__Y_SCALAR;
		switch (ev->data.scalar.style) {
		case YAML_SINGLE_QUOTED_SCALAR_STYLE:
			n->style = HL__Y_SINGLE;
			break;
		case YAML_DOUBLE_QUOTED_SCALAR_STYLE:
			n->style = HL__Y_DOUBLE;
			break;
		case YAML_LITERAL_SCALAR_STYLE:
			n->style = HL__Y_LITERAL;
			break;
		case YAML_FOLDED_SCALAR_STYLE:
			n->style = HL__Y_FOLDED;
			break;
		default:
			n->style = HL__Y_PLAIN;
			break;
		}
		n->len = ev->data.scalar.length;
		if ((n->str = aalloc(t, n->len + 1)) == NULL) {
			yerr(t, HL_ENOMEM, 0, 0, "out of memory");
			return NULL;
		}
		memcpy(n->str, ev->data.scalar.value, n->len);
		if (n->style == HL__Y_SINGLE || n->style == HL__Y_DOUBLE)
			off++;
		if ((n->style == HL__Y_PLAIN || n->style == HL__Y_SINGLE ||
		    n->style == HL__Y_DOUBLE) &&
		    ev->start_mark.line == ev->end_mark.line &&
		    off <= t->len && n->len <= t->len - off &&
		    memcmp(t->text + off, n->str, n->len) == 0)
			n->vcolumn = n->column + (n->style != HL__Y_PLAIN);
	} else {
		n->type = ev->type == YAML_SEQUENCE_START_EVENT ?
		    HL__Y_SEQ : HL__Y_MAP;
		if (ev->type == YAML_SEQUENCE_START_EVENT)
			n->style = ev->data.sequence_start.style ==
			    YAML_FLOW_SEQUENCE_STYLE ? HL__Y_FLOW : HL__Y_BLOCK;
		else
			n->style = ev->data.mapping_start.style ==
			    YAML_FLOW_MAPPING_STYLE ? HL__Y_FLOW : HL__Y_BLOCK;
	}
	return n;
}

/*
 * A byte order mark past the start (two files joined, or an editor's
 * paste) would read as a stray character where libyaml stops, or as part
 * of a key: name it, where it is.
 */
static int
stray_bom(struct ytree *t)
{
	const unsigned char *q;
	size_t i;
	int line, column;

	for (i = 0; i + 3 <= t->len; i++) {
		/* 0xef is rare: jump to the next one */
		if ((q = memchr(t->text + i, 0xef, t->len - i)) == NULL)
			break;
		i = (size_t)(q - t->text);
		if (i + 3 <= t->len && t->text[i + 1] == 0xbb &&
		    t->text[i + 2] == 0xbf) {
			offset_pos(t, i, &line, &column);
			return yerr(t, HL_ESYNTAX, line, column, "a byte order "
			    "mark (U+FEFF) in the middle of the file: it may "
			    "only start it (remove it)");
		}
	}
	return 0;
}

/*
 * The first control character of a scalar's value other than newline
 * and tab (C0, DEL, C1), or -1: they come only from escapes such as "\e"
 * and would reach a runner's terminal in titles and advice.
 */
static long
control_char(const unsigned char *s, size_t len)
{
	uint64_t x;
	size_t i = 0, lim;

	for (;;) {
		/* words without a byte below 0x20, 0x7f or 0xc2 */
		while (len - i >= 8) {
			memcpy(&x, s + i, sizeof x);
			if (((x - ONES * 0x20) & ~x & TOPS) != 0 ||
			    HAS_BYTE(x, 0x7f) || HAS_BYTE(x, 0xc2))
				break;
			i += 8;
		}
		if (i == len)
			return -1;
		for (lim = len - i > 8 ? i + 8 : len; i < lim; i++) {
			if ((s[i] < 0x20 && s[i] != '\n' && s[i] != '\t') ||
			    s[i] == 0x7f)
				return s[i];
			if (s[i] == 0xc2 && i + 1 < len && s[i + 1] >= 0x80 &&
			    s[i + 1] <= 0x9f)
				return s[i + 1];
		}
	}
}

/* Refuse anchors and tags on a node event. */
static int
check_props(struct ytree *t, const yaml_event_t *ev)
{
	const yaml_char_t *anchor, *tag;

	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		anchor = ev->data.scalar.anchor;
		tag = ev->data.scalar.tag;
		break;
	case YAML_SEQUENCE_START_EVENT:
		anchor = ev->data.sequence_start.anchor;
		tag = ev->data.sequence_start.tag;
		break;
	default:
		anchor = ev->data.mapping_start.anchor;
		tag = ev->data.mapping_start.tag;
		break;
	}
	if (anchor != NULL)
		return yerr_mark(t, HL_ESCHEMA, &ev->start_mark,
		    "aliases are not supported (anchor '&%.60s')",
		    (const char *)anchor);
	if (tag != NULL)
		return yerr_mark(t, HL_ESCHEMA, &ev->start_mark,
		    "tags are not supported ('%.60s')", (const char *)tag);
	return 0;
}

int
hl__ytree_parse(const char *text, size_t len, struct hl__ynode **root,
    struct hl__yerror *e)
{
	struct ytree t;
	struct hl__ynode *stack[HL__YAML_MAX_DEPTH], *n;
	yaml_parser_t parser;
	yaml_event_t ev;
	size_t depth = 0;
	long cc;
	int ndoc = 0, done = 0, rc = HL_OK;

	*root = NULL;
	memset(e, 0, sizeof *e);
	memset(&t, 0, sizeof t);
	t.e = e;
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0) {
		text += 3;
		len -= 3;
	}
	t.text = (const unsigned char *)text;
	t.len = len;
	if (len > HL__YAML_MAX_BYTES)
		return yerr(&t, HL_ESCHEMA, 0, 0,
		    "document limit: larger than %u bytes",
		    (unsigned)HL__YAML_MAX_BYTES);
	if ((t.arena = hl__calloc(1, sizeof *t.arena)) == NULL)
		return yerr(&t, HL_ENOMEM, 0, 0, "out of memory");
	if (lines_index(&t) == -1) {
		hl__free(t.starts);
		arena_free(t.arena);
		return yerr(&t, HL_ENOMEM, 0, 0, "out of memory");
	}
	if ((rc = stray_bom(&t)) != 0) {
		hl__free(t.starts);
		arena_free(t.arena);
		return rc;
	}
	if (!yaml_parser_initialize(&parser)) {
		hl__free(t.starts);
		arena_free(t.arena);
		return yerr(&t, HL_ENOMEM, 0, 0, "out of memory");
	}
	yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
	yaml_parser_set_input_string(&parser, t.text, len);

	while (!done) {
		if (!yaml_parser_parse(&parser, &ev)) {
			rc = yerr_parser(&t, &parser);
			break;
		}
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
			done = 1;
			break;
		case YAML_DOCUMENT_START_EVENT:
			if (ndoc++ > 0)
				rc = yerr_mark(&t, HL_ESCHEMA, &ev.start_mark,
				    "more than one document (one rulebase "
				    "per file)");
			break;
		case YAML_ALIAS_EVENT:
			rc = yerr_mark(&t, HL_ESCHEMA, &ev.start_mark,
			    "aliases are not supported (alias '*%.60s')",
			    (const char *)ev.data.alias.anchor);
			break;
		case YAML_SCALAR_EVENT:
			if ((rc = check_props(&t, &ev)) != 0)
				break;
			if (ev.data.scalar.length > HL__YAML_MAX_SCALAR) {
				rc = yerr_mark(&t, HL_ESCHEMA, &ev.start_mark,
				    "document limit: scalar longer than %u "
				    "bytes", (unsigned)HL__YAML_MAX_SCALAR);
				break;
			}
			/*
			 * "\0" in a double-quoted scalar: every later use
			 * takes the value as a C string of `length` bytes.
			 */
			if (memchr(ev.data.scalar.value, '\0',
			    ev.data.scalar.length) != NULL) {
				rc = yerr_mark(&t, HL_ESCHEMA, &ev.start_mark,
				    "a scalar cannot contain a NUL character "
				    "(\\0)");
				break;
			}
			if ((cc = control_char(ev.data.scalar.value,
			    ev.data.scalar.length)) >= 0) {
				rc = yerr_mark(&t, HL_ESCHEMA, &ev.start_mark,
				    "a scalar cannot contain control character "
				    "U+%04lX (only newline and tab)",
				    (unsigned long)cc);
				break;
			}
			if (new_node(&t, &ev, stack, depth, root) == NULL)
				rc = e->code;
			break;
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT:
			if ((rc = check_props(&t, &ev)) != 0)
				break;
			if (depth == HL__YAML_MAX_DEPTH) {
				rc = yerr_mark(&t, HL_ESCHEMA, &ev.start_mark,
				    "document limit: nested deeper than %u "
				    "levels", (unsigned)HL__YAML_MAX_DEPTH);
				break;
			}
			if ((n = new_node(&t, &ev, stack, depth, root)) == NULL)
				rc = e->code;
			else
				stack[depth++] = n;
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			if (depth > 0)
				depth--;
			break;
		default:
			break;
		}
		yaml_event_delete(&ev);
		if (rc != HL_OK)
			break;
	}
	yaml_parser_delete(&parser);
	hl__free(t.starts);
	if (rc != HL_OK || *root == NULL) {
		arena_free(t.arena);
		*root = NULL;
	}
	return rc;
}
