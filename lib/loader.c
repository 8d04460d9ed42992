/* SPDX-License-Identifier: MIT */
/*
 * loader.c - checks a YAML rulebase and compiles it into the rule model:
 * the driver, the errors, the second pass.  The first pass is read.c.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "compiler.h"
#include "error.h"
#include "expr.h"
#include "idtab.h"
#include "load.h"
#include "loader.h"
#include "order.h"
#include "rules.h"
#include "vocab.h"
#include "yamltree.h"

/*
 * Loading runs in two passes over the node tree.  The first checks the
 * shape of the document in file order (keys, types, ranges, ids) and fills
 * the model's plain values, queueing what refers to other parts of the file
 * (conditions, templates, source and cause references).  Once every id is
 * known, the second pass resolves and compiles the queue, again in file
 * order.  Last, the rules are put in an evaluation order that respects
 * fired() dependencies.
 *
 * A plain load stops at the first error.  Collecting every error (for
 * hl_rulebase_lint), an error abandons only the part it is in (a key's
 * value, an entry of a list, a rule) and reading goes on with the next
 * part: go_on() marks those points.  What a later part could stumble on
 * because of an abandoned one is kept quiet: a bad or repeated rule id is
 * still known as an id, a misspelt key is not also reported missing.
 */

/* Errors. */

static int vfail_at(struct ld *, int, int, int, const char *, const char *,
    va_list) HL__PRINTF(6, 0);

static int
vfail_at(struct ld *ld, int code, int line, int column, const char *name,
    const char *fmt, va_list ap)
{
	hl_error e;
	char msg[256];

	hl__vformat(msg, sizeof msg, fmt, ap);
	if (ld->sink == NULL)
		return hl__error_set(ld->err, code, ld->file, line, column,
		    ld->rule, name, "%s", msg);
	memset(&e, 0, sizeof e);
	e.size = sizeof e;
	hl__error_set(&e, code, ld->file, line, column, ld->rule, name, "%s",
	    msg);
	if (ld->sink->add(ld->sink->ctx, &e) != 0) {
		ld->stop = 1;
		return HL_ENOMEM;
	}
	if (ld->nerr++ == 0)
		ld->first = code;
	return code;
}

/*
 * After an error in a part that the rest does not depend on: collecting
 * every error, it is recorded, so go on (0); a plain load stops (code).
 * Out of memory, or an error after which nothing makes sense, stops both.
 */
int
go_on(struct ld *ld, int rc)
{
	return ld->sink != NULL && rc != HL_ENOMEM && !ld->stop ? 0 : rc;
}

int
fail_at(struct ld *ld, int code, int line, int column, const char *name,
    const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = vfail_at(ld, code, line, column, name, fmt, ap);
	va_end(ap);
	return rc;
}

int
fail(struct ld *ld, const struct hl__ynode *n, const char *name,
    const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = vfail_at(ld, HL_ESCHEMA, n->line, n->column, name, fmt, ap);
	va_end(ap);
	return rc;
}

int
nomem(struct ld *ld)
{
	ld->stop = 1;
	if (ld->sink != NULL)
		return HL_ENOMEM;	/* hl_rulebase_lint reports it */
	return hl__error_set(ld->err, HL_ENOMEM, ld->file, 0, 0, ld->rule,
	    NULL, "out of memory");
}

const char *
type_name(const struct hl__ynode *n)
{
	if (n->type == HL__Y_SEQ)
		return "a sequence";
	if (n->type == HL__Y_MAP)
		return "a mapping";
	if (n->style == HL__Y_PLAIN)
		return "a scalar";
	return "a quoted scalar";
}


/* Second pass: references, conditions and templates. */

static int
resolve_rule(void *ctx, const char *id, size_t len)
{
	const struct ld *ld = ctx;
	const struct hl__ident *e;

	if ((e = hl__idtab_find(&ld->ids, id, len)) == NULL)
		return -1;
	if (e->kind == HL__ID_FLAG)
		return (int)e->index;
	if (e->kind == HL__ID_CAUSE)
		return (int)(ld->rb->nflags + e->index);
	return -1;
}

static const char *
suggest_rule(void *ctx, const char *id, size_t len)
{
	const struct ld *ld = ctx;

	return hl__idtab_suggest(&ld->ids, 1u << HL__ID_FLAG |
	    1u << HL__ID_CAUSE, id, len);
}

/* Report a failed compile at the offending token of scalar n. */
static int
compile_error(struct ld *ld, const struct pending *p, int rc,
    const struct hl__expr_error *e)
{
	const struct hl__ynode *n = p->node;
	int column = n->column;
	char name[64];

	if (rc == HL_ENOMEM)
		return nomem(ld);
	if (rc != HL_ESYNTAX && rc != HL_ESCHEMA)
		rc = HL_ESCHEMA;
	if (n->vcolumn > 0 && e->offset <= n->len)
		column = n->vcolumn + (int)e->offset;
	snprintf(name, sizeof name, "%s", e->name[0] != '\0' ? e->name :
	    p->key);
	return fail_at(ld, rc, n->line, column, name, "%s",
	    e->message[0] != '\0' ? e->message : "invalid expression");
}

static int
resolve_sources(struct ld *ld, const struct pending *p)
{
	const struct hl__ynode *n = p->node, *s;
	const struct hl__ident *e;
	const char *best;
	char **v;
	size_t i;
	int rc;

	if (n->nkid == 0)
		return 0;
	if ((v = hl__calloc(n->nkid, sizeof *v)) == NULL)
		return nomem(ld);
	*(char ***)p->target = v;
	*p->count = n->nkid;
	for (i = 0; i < n->nkid; i++) {
		s = n->kid[i];
		if ((e = hl__idtab_find(&ld->srcs, s->str, s->len)) != NULL) {
			v[i] = ld->rb->sources[e->index].id;
			continue;
		}
		if ((best = hl__idtab_suggest(&ld->srcs, 1u << HL__ID_SOURCE,
		    s->str, s->len)) != NULL)
			rc = fail(ld, s, s->str, "unknown source '%.60s' "
			    "(did you mean '%s'?)", s->str, best);
		else
			rc = fail(ld, s, s->str, "unknown source '%.60s' "
			    "(not a key of the top-level 'sources')", s->str);
		if ((rc = go_on(ld, rc)) != 0)
			return rc;
	}
	return 0;
}

static int
resolve_addresses(struct ld *ld, const struct pending *p, size_t *stamp)
{
	struct hl__strategy *s = p->target;
	const struct hl__ynode *n = p->node, *a;
	const struct hl__ident *e;
	const char *best;
	size_t i, mark;
	int rc;

	if ((s->addresses = hl__calloc(n->nkid, sizeof *s->addresses)) == NULL)
		return nomem(ld);
	s->naddresses = n->nkid;
	mark = (size_t)(s - ld->rb->strategies) + 1;
	for (i = 0; i < n->nkid; i++) {
		a = n->kid[i];
		if ((e = hl__idtab_find(&ld->ids, a->str, a->len)) == NULL) {
			best = hl__idtab_suggest(&ld->ids, 1u << HL__ID_CAUSE,
			    a->str, a->len);
			rc = best != NULL ? fail(ld, a, a->str, "'addresses' "
			    "names unknown cause '%.60s' (did you mean "
			    "'%s'?)", a->str, best) : fail(ld, a, a->str,
			    "'addresses' names unknown cause '%.60s'", a->str);
		} else if (e->kind != HL__ID_CAUSE)
			rc = fail(ld, a, a->str, "'addresses' names '%.60s', "
			    "which is a %s, not a cause", a->str,
			    e->kind == HL__ID_FLAG ? "red flag" : "strategy");
		else if (stamp[e->index] == mark)
			rc = fail(ld, a, a->str, "'addresses' names cause "
			    "'%.60s' twice", a->str);
		else {
			stamp[e->index] = mark;
			s->addresses[i] = ld->rb->nflags + e->index;
			continue;
		}
		if ((rc = go_on(ld, rc)) != 0)
			return rc;
	}
	return 0;
}

static int
resolve(struct ld *ld)
{
	struct hl__expr_env env;
	struct hl__expr_error e;
	const struct pending *p;
	struct hl__cond *c;
	size_t i, *stamp = NULL;
	int rc = 0;

	memset(&env, 0, sizeof env);
	env.resolve_rule = resolve_rule;
	env.suggest_rule = suggest_rule;
	env.ctx = ld;
	env.nrules = ld->rb->nrules;
	if (ld->rb->ncauses > 0 && (stamp = hl__calloc(ld->rb->ncauses,
	    sizeof *stamp)) == NULL)
		return nomem(ld);
	for (i = 0; rc == 0 && i < ld->npend; i++) {
		p = &ld->pend[i];
		ld->rule = p->rule;
		memset(&e, 0, sizeof e);
		switch (p->kind) {
		case P_COND:
			c = p->target;
			env.allow_urgency = p->allow_urgency;
			rc = hl__expr_compile(p->node->str, p->node->len, &env,
			    HL__T_BOOL, &c->expr, &e);
			if (rc != HL_OK)
				rc = compile_error(ld, p, rc, &e);
			break;
		case P_TEXT:
			rc = hl__text_compile(p->target, p->node->str,
			    p->node->len, &e);
			if (rc != HL_OK)
				rc = compile_error(ld, p, rc, &e);
			break;
		case P_SOURCES:
			rc = resolve_sources(ld, p);
			break;
		case P_ADDRESSES:
			rc = resolve_addresses(ld, p, stamp);
			break;
		}
		rc = go_on(ld, rc);
	}
	ld->rule = NULL;
	hl__free(stamp);
	return rc;
}

/* Evaluation order (order.c); a cycle is reported at its first rule. */
static int
order_rules(struct ld *ld)
{
	struct hl__cycle cyc;
	int rc;

	if ((rc = hl__order_rules(ld->rb, &cyc)) == HL_ENOMEM)
		return nomem(ld);
	if (rc != 0) {
		ld->rule = cyc.rule;
		return fail_at(ld, HL_ESCHEMA, cyc.line, cyc.column, "fired",
		    "fired() dependency cycle: %s", cyc.text);
	}
	return 0;
}

/*
 * What the engine reads of each item besides its conditions, worked out
 * once here: each band's `last` and the item's question needs (rules.h).
 */
static int
prepare(struct ld *ld)
{
	struct hl_rulebase *rb = ld->rb;
	unsigned char *seen;
	unsigned short *nd;
	const uint32_t *ref;
	const int *need;
	size_t c, i, b, k, n, cap = 0, nref, slot, ndefs = hl__input_ndefs;
	double later;
	int d;

	if ((seen = hl__calloc(ndefs > 0 ? ndefs : 1, 1)) == NULL)
		return nomem(ld);
	for (c = 0; c < rb->ncauses; c++)
		for (i = 0; i < rb->causes[c].nitems; i++) {
			struct hl__item *it = &rb->causes[c].items[i];

			later = 0;
			for (b = it->nbands; b-- > 0;) {
				it->bands[b].last = !(later >
				    it->bands[b].weight);
				if (it->bands[b].weight > later)
					later = it->bands[b].weight;
			}
			it->need0 = rb->nneeds;
			it->nneed = 0;
			for (b = 0; b <= it->nbands; b++) {
				const hl__expr *x = b < it->nbands ?
				    it->bands[b].when.expr : it->applies.expr;

				ref = hl__expr_refs(x);
				nref = hl__expr_nrefs(x);
				for (k = 0; k < nref; k++) {
					slot = ref[k];
					need = NULL;
					if (slot < HL__NINPUT_SLOTS)
						d = hl__input_of_slot(slot);
					else if (slot < HL__RULE_BASE) {
						need = hl__metric_defs[slot -
						    HL__METRIC_BASE].needs;
						d = need != NULL ? *need++ : -1;
					} else
						continue;
					for (; d >= 0; d = need != NULL ?
					    *need++ : -1) {
						if ((size_t)d >= ndefs ||
						    seen[d])
							continue;
						if (rb->nneeds == cap) {
							cap = cap ? 2 * cap :
							    256;
							if ((nd = hl__realloc(
							    rb->needs, cap *
							    sizeof *nd)) ==
							    NULL) {
								hl__free(seen);
								return nomem(
								    ld);
							}
							rb->needs = nd;
						}
						seen[d] = 1;
						rb->needs[rb->nneeds++] =
						    (unsigned short)d;
						it->nneed++;
					}
				}
			}
			for (n = 0; n < it->nneed; n++)
				seen[rb->needs[it->need0 + n]] = 0;
		}
	hl__free(seen);
	return 0;
}

/*
 * Load into ld->rb; ld->file and ld->err or ld->sink are set.  The tree
 * comes from img when it is not NULL (a rulebase parsed at build time),
 * else from parsing text[0..len).
 */
static int
load(struct ld *ld, const char *text, size_t len,
    const struct hl__yimage *img)
{
	struct hl__ynode *root = NULL;
	struct hl__yerror ye;
	struct hl_rulebase *rb;
	int rc;

	if ((rb = ld->rb = hl__calloc(1, sizeof *rb)) == NULL)
		return nomem(ld);
	rb->suppress_at = HL__DEFAULT_SUPPRESS_AT;
	rb->nslots = HL__RULE_BASE + 1;
	if ((rb->file = hl__strndup(ld->file, strlen(ld->file))) == NULL ||
	    (rb->disclaimer = hl__strndup(HL__DEFAULT_DISCLAIMER,
	    strlen(HL__DEFAULT_DISCLAIMER))) == NULL ||
	    (rb->version = hl__strndup("", 0)) == NULL)
		return nomem(ld);

	if (img != NULL) {
		if (hl__ytree_build(img, &root) != HL_OK)
			return nomem(ld);
	} else if ((rc = hl__ytree_parse(text, len, &root, &ye)) != HL_OK) {
		if (rc == HL_ENOMEM)
			return nomem(ld);
		return fail_at(ld, rc, ye.line, ye.column, NULL, "%s",
		    ye.message);
	}
	if (root == NULL || (root->type == HL__Y_SCALAR &&
	    hl__ytree_isnull(root)))
		rc = fail_at(ld, HL_ESCHEMA, root ? root->line : 1,
		    root ? root->column : 1, "heavylegs", "missing key "
		    "'heavylegs' (the rule format version, 1)");
	else if (root->type != HL__Y_MAP)
		rc = fail(ld, root, NULL, "a rulebase must be a mapping, "
		    "not %s", type_name(root));
	/* collecting every error, pass 2 runs after errors in pass 1 */
	else if ((rc = hl__ld_read(ld, root)) == 0 &&
	    (ld->sink == NULL || ld->stop == 0) &&
	    (rc = resolve(ld)) == 0 && (ld->sink == NULL || ld->stop == 0) &&
	    (rc = order_rules(ld)) == 0)
		rc = prepare(ld);
	hl__ytree_free(root);
	return rc;
}

static void
ld_free(struct ld *ld)
{
	hl__rulebase_destroy(ld->rb);
	hl__free(ld->ids.slot);
	hl__free(ld->srcs.slot);
	hl__free(ld->pend);
}

int
hl__load(const char *text, size_t len, const char *file,
    struct hl_rulebase **out, hl_error *err)
{
	struct ld ld;
	int rc;

	*out = NULL;
	memset(&ld, 0, sizeof ld);
	ld.file = file;
	ld.err = err;
	if ((rc = load(&ld, text, len, NULL)) == HL_OK) {
		*out = ld.rb;
		ld.rb = NULL;
	}
	ld_free(&ld);
	return rc;
}

int
hl__load_image(const struct hl__yimage *img, const char *file,
    struct hl_rulebase **out, hl_error *err)
{
	struct ld ld;
	int rc;

	*out = NULL;
	memset(&ld, 0, sizeof ld);
	ld.file = file;
	ld.err = err;
	if ((rc = load(&ld, NULL, 0, img)) == HL_OK) {
		*out = ld.rb;
		ld.rb = NULL;
	}
	ld_free(&ld);
	return rc;
}

int
hl__load_all(const char *text, size_t len, const char *file,
    const struct hl__errsink *sink)
{
	struct ld ld;
	int rc;

	memset(&ld, 0, sizeof ld);
	ld.file = file;
	ld.sink = sink;
	rc = load(&ld, text, len, NULL);
	ld_free(&ld);
	if (rc == HL_ENOMEM && ld.stop)
		return HL_ENOMEM;
	return ld.nerr > 0 ? ld.first : HL_OK;
}
