/* SPDX-License-Identifier: MIT */
/*
 * order.c - the evaluation order of a rulebase's rules: a topological sort
 * of their fired() dependencies, lowest index first, with its heap.
 */
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "expr.h"
#include "heavylegs.h"
#include "order.h"
#include "rules.h"
#include "vocab.h"

typedef void (*cond_fn)(void *, const struct hl__cond *);

/* Call fn for each condition of rule r (a red flag or a cause). */
static void
each_cond(const struct hl_rulebase *rb, size_t r, cond_fn fn, void *ctx)
{
	const struct hl__cause *c;
	const struct hl__item *it;
	size_t i, j;

	if (r < rb->nflags) {
		for (i = 0; i < rb->flags[r].nlevels; i++)
			fn(ctx, &rb->flags[r].levels[i].when);
		return;
	}
	c = &rb->causes[r - rb->nflags];
	for (i = 0; i < c->nitems; i++) {
		it = &c->items[i];
		for (j = 0; j < it->nbands; j++)
			fn(ctx, &it->bands[j].when);
		fn(ctx, &it->applies);
	}
	for (i = 0; i < c->nlowers; i++)
		fn(ctx, &c->lowers[i].when);
}

struct deps {
	size_t	 nrules;
	size_t	*edge;		/* NULL: only count */
	size_t	 n;
};

static void
add_deps(void *ctx, const struct hl__cond *c)
{
	struct deps *d = ctx;
	const uint32_t *ref;
	size_t i, n;

	if (c->expr == NULL)
		return;
	n = hl__expr_nrefs(c->expr);
	ref = hl__expr_refs(c->expr);
	for (i = 0; i < n; i++)
		if (ref[i] >= HL__RULE_BASE &&
		    ref[i] < HL__RULE_BASE + d->nrules) {
			if (d->edge != NULL)
				d->edge[d->n] = ref[i] - HL__RULE_BASE;
			d->n++;
		}
}

static const char *
rule_id(const struct hl_rulebase *rb, size_t r)
{
	return r < rb->nflags ? rb->flags[r].id : rb->causes[r - rb->nflags].id;
}

static void
rule_pos(const struct hl_rulebase *rb, size_t r, int *line, int *column)
{
	if (r < rb->nflags) {
		*line = rb->flags[r].line;
		*column = rb->flags[r].column;
	} else {
		*line = rb->causes[r - rb->nflags].line;
		*column = rb->causes[r - rb->nflags].column;
	}
}

/* Describe the cycle walk[from..n-1] -> walk[from] in *cyc. */
static int
cycle_error(const struct hl_rulebase *rb, struct hl__cycle *cyc,
    const size_t *walk, size_t from, size_t n)
{
	char *buf = cyc->text;
	size_t i, len = 0, cap = sizeof cyc->text;
	int w;

	buf[0] = '\0';
	for (i = from; i <= n; i++) {
		w = snprintf(buf + len, cap - len, "%s%s",
		    i > from ? " -> " : "", rule_id(rb, walk[i < n ? i : from]));
		if (w < 0 || (size_t)w >= cap - len) {
			snprintf(buf + cap - 5, 5, "...");
			break;
		}
		len += (size_t)w;
	}
	cyc->rule = rule_id(rb, walk[from]);
	rule_pos(rb, walk[from], &cyc->line, &cyc->column);
	return HL_ESCHEMA;
}

/* A binary min-heap of rule indices. */
static void
heap_push(size_t *h, size_t *n, size_t v)
{
	size_t i = (*n)++, up;

	for (; i > 0 && h[up = (i - 1) / 2] > v; i = up)
		h[i] = h[up];
	h[i] = v;
}

static size_t
heap_pop(size_t *h, size_t *n)
{
	size_t top = h[0], v = h[--*n], i = 0, k;

	for (;;) {
		k = 2 * i + 1;
		if (k >= *n)
			break;
		if (k + 1 < *n && h[k + 1] < h[k])
			k++;
		if (h[k] >= v)
			break;
		h[i] = h[k];
		i = k;
	}
	if (*n > 0)
		h[i] = v;
	return top;
}

/*
 * Every rule after the rules its conditions read through fired(); among
 * the rules that are free to go, the lowest index first (red flags before
 * causes, then file order).  What never becomes free lies on or behind a
 * cycle: follow unfinished dependencies from the first such rule until one
 * repeats, and report that cycle.
 */
int
hl__order_rules(struct hl_rulebase *rb, struct hl__cycle *cyc)
{
	struct deps d;
	size_t *start = NULL, *edge = NULL, *rstart = NULL, *redge = NULL;
	size_t *wait = NULL, *heap = NULL, *seen = NULL;
	size_t nr = rb->nrules, r, i, u, v, nh = 0, no = 0;
	int rc = HL_ENOMEM;

	if (nr == 0)
		return 0;
	memset(&d, 0, sizeof d);
	d.nrules = nr;
	if ((start = hl__calloc(nr + 1, sizeof *start)) == NULL)
		goto err;
	for (r = 0; r < nr; r++) {
		start[r] = d.n;
		each_cond(rb, r, add_deps, &d);
	}
	start[nr] = d.n;
	if ((edge = hl__calloc(d.n + 1, sizeof *edge)) == NULL ||
	    (redge = hl__calloc(d.n + 1, sizeof *redge)) == NULL ||
	    (rstart = hl__calloc(nr + 1, sizeof *rstart)) == NULL ||
	    (wait = hl__calloc(nr, sizeof *wait)) == NULL ||
	    (heap = hl__calloc(nr, sizeof *heap)) == NULL ||
	    (seen = hl__calloc(nr, sizeof *seen)) == NULL ||
	    (rb->order = hl__calloc(nr, sizeof *rb->order)) == NULL)
		goto err;
	d.edge = edge;
	d.n = 0;
	for (r = 0; r < nr; r++)
		each_cond(rb, r, add_deps, &d);

	/* Who waits for whom: redge[rstart[v]..] lists the readers of v. */
	for (i = 0; i < d.n; i++)
		rstart[edge[i]]++;
	for (v = 0, u = 0; v < nr; v++) {
		i = rstart[v];
		rstart[v] = u;
		u += i;
	}
	rstart[nr] = u;
	for (r = 0; r < nr; r++) {
		wait[r] = start[r + 1] - start[r];
		for (i = start[r]; i < start[r + 1]; i++)
			redge[rstart[edge[i]] + seen[edge[i]]++] = r;
		if (wait[r] == 0)
			heap_push(heap, &nh, r);
	}
	while (nh > 0) {
		u = heap_pop(heap, &nh);
		rb->order[no++] = u;
		for (i = rstart[u]; i < rstart[u + 1]; i++)
			if (--wait[redge[i]] == 0)
				heap_push(heap, &nh, redge[i]);
	}
	if (no < nr) {
		/* heap[] becomes the walk, seen[] each rule's place in it + 1 */
		memset(seen, 0, nr * sizeof *seen);
		for (u = 0; wait[u] == 0; u++)
			;
		for (nh = 0; seen[u] == 0; nh++) {
			heap[nh] = u;
			seen[u] = nh + 1;
			for (i = start[u]; wait[edge[i]] == 0; i++)
				;
			u = edge[i];
		}
		rc = cycle_error(rb, cyc, heap, seen[u] - 1, nh);
		goto out;
	}
	rc = 0;
	goto out;
err:
	rc = HL_ENOMEM;
out:
	hl__free(start);
	hl__free(edge);
	hl__free(rstart);
	hl__free(redge);
	hl__free(wait);
	hl__free(heap);
	hl__free(seen);
	return rc;
}

