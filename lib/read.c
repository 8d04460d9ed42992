/* SPDX-License-Identifier: MIT */
/*
 * read.c - the loader's first pass: the shape of a rulebase in file order
 * (keys, types, ranges, ids), the model's plain values, and the queue of
 * what the second pass (loader.c) resolves and compiles.
 */
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "error.h"
#include "expr.h"
#include "idtab.h"
#include "load.h"
#include "loader.h"
#include "rules.h"
#include "strconv.h"
#include "suggest.h"
#include "vocab.h"
#include "yamltree.h"

/* Keys a mapping may have. */
struct keyspec {
	const char *name;
	int	 required;
};

#define NKEYS(a)	(sizeof(a) / sizeof((a)[0]))
#define MAXKEYS		16

static const struct keyspec top_keys[] = {
	{ "heavylegs", 0 }, { "name", 1 }, { "version", 0 },
	{ "disclaimer", 0 }, { "suppress_at", 0 }, { "sources", 0 },
	{ "causes", 0 }, { "strategies", 0 }, { "red_flags", 0 },
};
enum { T_HEAVYLEGS, T_NAME, T_VERSION, T_DISCLAIMER, T_SUPPRESS_AT,
    T_SOURCES, T_CAUSES, T_STRATEGIES, T_RED_FLAGS };

/* Every rule starts with these four keys, in this order. */
enum { R_ID, R_TITLE, R_ADVICE, R_SOURCES };

static const struct keyspec cause_keys[] = {
	{ "id", 1 }, { "title", 1 }, { "advice", 0 }, { "sources", 0 },
	{ "leak", 0 }, { "evidence", 0 }, { "lower", 0 },
};
enum { C_LEAK = 4, C_EVIDENCE, C_LOWER };

static const struct keyspec flag_keys[] = {
	{ "id", 1 }, { "title", 1 }, { "advice", 0 }, { "sources", 0 },
	{ "levels", 1 },
};
enum { F_LEVELS = 4 };

static const struct keyspec strategy_keys[] = {
	{ "id", 1 }, { "title", 1 }, { "advice", 0 }, { "sources", 0 },
	{ "addresses", 0 }, { "when", 0 }, { "min_score", 0 }, { "safety", 0 },
};
enum { S_ADDRESSES = 4, S_WHEN, S_MIN_SCORE, S_SAFETY };

static const struct keyspec item_keys[] = {
	{ "when", 0 }, { "weight", 0 }, { "explain", 0 }, { "bands", 0 },
	{ "applies", 0 }, { "sources", 0 },
};
enum { I_WHEN, I_WEIGHT, I_EXPLAIN, I_BANDS, I_APPLIES, I_SOURCES };

static const struct keyspec band_keys[] = {
	{ "when", 1 }, { "weight", 1 }, { "explain", 0 },
};
enum { B_WHEN, B_WEIGHT, B_EXPLAIN };

static const struct keyspec lower_keys[] = {
	{ "when", 1 }, { "by", 1 },
};
enum { L_WHEN, L_BY };

static const struct keyspec level_keys[] = {
	{ "when", 1 }, { "urgency", 1 },
};
enum { V_WHEN, V_URGENCY };

/* Keys. */

static int
key_is(const struct hl__ynode *k, const char *name)
{
	return k->type == HL__Y_SCALAR && strlen(name) == k->len &&
	    memcmp(k->str, name, k->len) == 0;
}

static int
key_index(const struct keyspec *spec, size_t nspec, const struct hl__ynode *k)
{
	size_t j;

	for (j = 0; j < nspec; j++)
		if (key_is(k, spec[j].name))
			return (int)j;
	return -1;
}

/*
 * The index in spec of the key at m->kid[i], when its value is the one
 * map_keys() kept in v; else -1.  A key given twice is reported there and
 * read once here: collecting every error, a second read would leak the
 * first or overrun a list sized from the first.
 */
static int
kept_key(const struct keyspec *spec, size_t nspec,
    const struct hl__ynode *m, size_t i, const struct hl__ynode *const *v)
{
	int j = key_index(spec, nspec, m->kid[i]);

	return j >= 0 && v[j] == m->kid[i + 1] ? j : -1;
}

/*
 * Report unknown key k; mark in ld->misspelt the key it looks like, so
 * that it is not reported missing as well.
 */
static int
unknown_key(struct ld *ld, const struct hl__ynode *k, const char *what,
    const struct keyspec *spec, size_t nspec)
{
	struct hl__suggest sg;
	const char *best;
	size_t j;

	hl__suggest_init(&sg, k->str, k->len);
	for (j = 0; j < nspec; j++)
		hl__suggest_try(&sg, spec[j].name, strlen(spec[j].name));
	/* k->str as the name: hl_error cuts it on a whole character */
	if ((best = hl__suggest_best(&sg)) != NULL) {
		for (j = 0; j < nspec; j++)
			if (spec[j].name == best)
				ld->misspelt |= 1u << j;
		return fail(ld, k, k->str,
		    "unknown key '%.60s' in %s (did you mean '%s'?)",
		    k->str, what, best);
	}
	return fail(ld, k, k->str, "unknown key '%.60s' in %s", k->str, what);
}

/*
 * Check the keys of mapping m against spec (file order: non-scalar,
 * unknown and repeated keys, then missing required ones) and store each
 * value in vals[] and each key in keys[] (NULL when absent).  Collecting
 * every error, a bad key is left out and the rest of m is still read, so
 * that only a missing required key (one not misspelt) stops m.
 */
static int
map_keys(struct ld *ld, const struct hl__ynode *m, const char *what,
    const struct keyspec *spec, size_t nspec,
    const struct hl__ynode **vals, const struct hl__ynode **keys)
{
	const struct hl__ynode *k;
	size_t i;
	int j, rc, missing = 0;

	ld->misspelt = 0;
	for (j = 0; j < (int)nspec; j++)
		vals[j] = keys[j] = NULL;
	for (i = 0; i + 1 < m->nkid; i += 2) {
		k = m->kid[i];
		if (k->type != HL__Y_SCALAR)
			rc = fail(ld, k, NULL, "a key in %s must be a "
			    "scalar, not %s", what, type_name(k));
		else if ((j = key_index(spec, nspec, k)) < 0)
			rc = unknown_key(ld, k, what, spec, nspec);
		else if (vals[j] != NULL)
			rc = fail(ld, k, spec[j].name,
			    "duplicate key '%s' in %s (first at line %d)",
			    spec[j].name, what, keys[j]->line);
		else {
			vals[j] = m->kid[i + 1];
			keys[j] = k;
			continue;
		}
		if ((rc = go_on(ld, rc)) != 0)
			return rc;
	}
	for (j = 0; j < (int)nspec; j++)
		if (spec[j].required && vals[j] == NULL) {
			missing = HL_ESCHEMA;
			if (ld->misspelt & (1u << j))
				continue;
			rc = fail(ld, m, spec[j].name,
			    "missing key '%s' in %s", spec[j].name, what);
			if ((rc = go_on(ld, rc)) != 0)
				return rc;
		}
	return ld->stop ? HL_ENOMEM : missing;
}

/* Scalar values. */

static int
is_empty(const struct hl__ynode *n)
{
	return n->type == HL__Y_SCALAR && n->style == HL__Y_PLAIN &&
	    n->len == 0;
}

static int
need_scalar(struct ld *ld, const struct hl__ynode *n, const char *key,
    const char *want)
{
	if (n->type != HL__Y_SCALAR)
		return fail(ld, n, key, "'%s' must be %s, not %s", key, want,
		    type_name(n));
	if (is_empty(n))
		return fail(ld, n, key, "'%s' has no value (want %s)", key,
		    want);
	return 0;
}

static int
get_string(struct ld *ld, const struct hl__ynode *n, const char *key,
    int nonempty, char **out)
{
	int rc;

	if ((rc = need_scalar(ld, n, key, "a string")) != 0)
		return rc;
	if (nonempty && n->len == 0)
		return fail(ld, n, key, "'%s' must not be empty", key);
	hl__free(*out);
	if ((*out = hl__strndup(n->str, n->len)) == NULL)
		return nomem(ld);
	return 0;
}

static int
get_number(struct ld *ld, const struct hl__ynode *n, const char *key,
    double *out)
{
	int rc;

	if ((rc = need_scalar(ld, n, key, "a number")) != 0)
		return rc;
	if (n->style != HL__Y_PLAIN)
		return fail(ld, n, key, "'%s' must be a number, not a quoted "
		    "string (write it without quotes)", key);
	if (n->str[0] == '+')
		return fail(ld, n, key, "'%s' must be a number without a "
		    "sign, not '%.40s'", key, n->str);
	rc = hl__parse_double(n->str, n->len, out);
	if (rc == -2 || (rc == 0 && !hl__num_exact(*out)))
		return fail(ld, n, key, "'%s' is out of range: '%.40s' (%s)",
		    key, n->str, HL__NUM_RANGE);
	if (rc != 0)
		return fail(ld, n, key, "'%s' must be a number, not '%.40s'",
		    key, n->str);
	return 0;
}

static int
get_int(struct ld *ld, const struct hl__ynode *n, const char *key, int lo,
    int hi, int *out)
{
	double v;
	size_t i;
	int rc;

	/* digits only: no sign, point or exponent */
	for (i = 0; n->type == HL__Y_SCALAR && n->style == HL__Y_PLAIN &&
	    i < n->len; i++)
		if (n->str[i] < '0' || n->str[i] > '9')
			return fail(ld, n, key, "'%s' must be an integer "
			    "from %d to %d, not '%.40s'", key, lo, hi, n->str);
	if ((rc = get_number(ld, n, key, &v)) != 0)
		return rc;
	if (v < lo || v > hi)
		return fail(ld, n, key, "'%s' must be an integer from %d to "
		    "%d, not %.40s", key, lo, hi, n->str);
	*out = (int)v;
	return 0;
}

static int
get_bool(struct ld *ld, const struct hl__ynode *n, const char *key, int *out)
{
	int rc;

	if ((rc = need_scalar(ld, n, key, "true or false")) != 0)
		return rc;
	if (n->style == HL__Y_PLAIN && strcmp(n->str, "true") == 0)
		*out = 1;
	else if (n->style == HL__Y_PLAIN && strcmp(n->str, "false") == 0)
		*out = 0;
	else
		return fail(ld, n, key, "'%s' must be true or false, not "
		    "'%.40s'", key, n->str);
	return 0;
}

/* A sequence; empty ones are refused when nonempty is set. */
static int
get_seq(struct ld *ld, const struct hl__ynode *n, const char *key,
    int nonempty)
{
	if (is_empty(n))
		return fail(ld, n, key, "'%s' has no value (want a sequence)",
		    key);
	if (n->type != HL__Y_SEQ)
		return fail(ld, n, key, "'%s' must be a sequence, not %s", key,
		    type_name(n));
	if (nonempty && n->nkid == 0)
		return fail(ld, n, key, "'%s' must not be empty", key);
	return 0;
}

static int
need_map(struct ld *ld, const struct hl__ynode *n, const char *key)
{
	if (n->type != HL__Y_MAP)
		return fail(ld, n, key, "each entry of '%s' must be a mapping, "
		    "not %s", key, type_name(n));
	return 0;
}

static int
valid_id(const char *s, size_t len)
{
	size_t i;

	if (len == 0 || len > HL__ID_MAX || s[0] < 'a' || s[0] > 'z')
		return 0;
	for (i = 1; i < len; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
			return 0;
	return 1;
}

/* Queueing work for the second pass. */

static struct pending *
queue(struct ld *ld, int kind, const struct hl__ynode *n, const char *key,
    void *target)
{
	struct pending *p;
	size_t cap;

	if (ld->npend == ld->cappend) {
		cap = ld->cappend ? ld->cappend * 2 : 64;
		if ((p = hl__realloc(ld->pend, cap * sizeof *p)) == NULL) {
			nomem(ld);
			return NULL;
		}
		ld->pend = p;
		ld->cappend = cap;
	}
	p = &ld->pend[ld->npend++];
	memset(p, 0, sizeof *p);
	p->kind = kind;
	p->node = n;
	p->rule = ld->rule;
	p->key = key;
	p->target = target;
	return p;
}

static int
read_cond(struct ld *ld, const struct hl__ynode *n, const char *key,
    int allow_urgency, struct hl__cond *c)
{
	struct pending *p;
	int rc;

	if ((rc = need_scalar(ld, n, key, "a condition")) != 0)
		return rc;
	if ((c->src = hl__strndup(n->str, n->len)) == NULL)
		return nomem(ld);
	c->line = n->line;
	c->column = n->column;
	if ((p = queue(ld, P_COND, n, key, c)) == NULL)
		return HL_ENOMEM;
	p->allow_urgency = allow_urgency;
	return 0;
}

static int
read_text(struct ld *ld, const struct hl__ynode *n, const char *key,
    struct hl__text *t)
{
	int rc;

	if ((rc = need_scalar(ld, n, key, "a text")) != 0)
		return rc;
	return queue(ld, P_TEXT, n, key, t) == NULL ? HL_ENOMEM : 0;
}

/* Every entry of sequence n must be a scalar; all bad ones are reported. */
static int
each_scalar(struct ld *ld, const struct hl__ynode *n, const char *key,
    const char *want)
{
	size_t i;
	int rc, bad = 0;

	for (i = 0; i < n->nkid; i++)
		if ((rc = need_scalar(ld, n->kid[i], key, want)) != 0) {
			if ((rc = go_on(ld, rc)) != 0)
				return rc;
			bad = HL_ESCHEMA;
		}
	return bad;
}

/* A `sources:` list of a rule or item: checked now, resolved later. */
static int
read_sources(struct ld *ld, const struct hl__ynode *n, char ***v,
    size_t *count)
{
	struct pending *p;
	int rc;

	if ((rc = get_seq(ld, n, "sources", 0)) != 0)
		return rc;
	if ((rc = each_scalar(ld, n, "sources", "a source id")) != 0)
		return rc;
	if ((p = queue(ld, P_SOURCES, n, "sources", v)) == NULL)
		return HL_ENOMEM;
	p->count = count;
	return 0;
}

/* First pass: the document's shape. */

static int
read_band(struct ld *ld, const struct hl__ynode *n, struct hl__band *b)
{
	const struct hl__ynode *v[NKEYS(band_keys)], *k[NKEYS(band_keys)];
	size_t i;
	int rc;

	if ((rc = need_map(ld, n, "bands")) != 0 ||
	    (rc = map_keys(ld, n, "a band", band_keys, NKEYS(band_keys), v,
	    k)) != 0)
		return rc;
	for (i = 0; i + 1 < n->nkid; i += 2) {
		switch (kept_key(band_keys, NKEYS(band_keys), n, i, v)) {
		case B_WHEN:
			rc = read_cond(ld, v[B_WHEN], "when", 0, &b->when);
			break;
		case B_WEIGHT:
			if ((rc = get_number(ld, v[B_WEIGHT], "weight",
			    &b->weight)) == 0 &&
			    !(b->weight > 0 && b->weight <= 1))
				rc = fail(ld, v[B_WEIGHT], "weight", "'weight' "
				    "must be greater than 0 and at most 1, "
				    "not %.40s", v[B_WEIGHT]->str);
			break;
		case B_EXPLAIN:
			rc = read_text(ld, v[B_EXPLAIN], "explain",
			    &b->explain);
			break;
		}
		if ((rc = go_on(ld, rc)) != 0)
			return rc;
	}
	return 0;
}

static int
read_item(struct ld *ld, const struct hl__ynode *n, struct hl__item *it)
{
	const struct hl__ynode *v[NKEYS(item_keys)], *k[NKEYS(item_keys)];
	const struct hl__ynode *b;
	unsigned misspelt;
	size_t i;
	int rc, j, bad = 0;

	if ((rc = need_map(ld, n, "evidence")) != 0 ||
	    (rc = map_keys(ld, n, "an evidence item", item_keys,
	    NKEYS(item_keys), v, k)) != 0)
		return rc;
	it->line = n->line;
	it->column = n->column;
	misspelt = ld->misspelt;
	if (v[I_BANDS] != NULL) {
		for (j = I_WHEN; j <= I_EXPLAIN; j++)
			if (k[j] != NULL) {
				rc = fail(ld, k[j], item_keys[j].name,
				    "'%s' cannot be used together with "
				    "'bands' (put it in each band)",
				    item_keys[j].name);
				if ((rc = go_on(ld, rc)) != 0)
					return rc;
				bad = HL_ESCHEMA;
			}
		if (bad != 0)
			return bad;
		it->grouped = 1;
		b = v[I_BANDS];
		if ((rc = get_seq(ld, b, "bands", 1)) != 0)
			return rc;
	} else {
		/* a misspelt 'bands' is reported: nothing is missing then */
		if (misspelt & (1u << I_BANDS))
			misspelt |= 1u << I_WHEN | 1u << I_WEIGHT;
		if (v[I_WHEN] == NULL && !(misspelt & (1u << I_WHEN))) {
			rc = fail(ld, n, "when", "missing key 'when' in an "
			    "evidence item (or use 'bands')");
			if ((rc = go_on(ld, rc)) != 0)
				return rc;
		}
		if (v[I_WEIGHT] == NULL && !(misspelt & (1u << I_WEIGHT))) {
			rc = fail(ld, n, "weight", "missing key 'weight' in "
			    "an evidence item");
			if ((rc = go_on(ld, rc)) != 0)
				return rc;
		}
		if (v[I_WHEN] == NULL || v[I_WEIGHT] == NULL)
			return HL_ESCHEMA;
		b = NULL;
	}
	it->nbands = b != NULL ? b->nkid : 1;
	if ((it->bands = hl__calloc(it->nbands, sizeof *it->bands)) == NULL) {
		it->nbands = 0;
		return nomem(ld);
	}
	for (i = 0; i + 1 < n->nkid; i += 2) {
		switch (j = kept_key(item_keys, NKEYS(item_keys), n, i, v)) {
		case I_WHEN:
			rc = read_cond(ld, v[j], "when", 0,
			    &it->bands[0].when);
			break;
		case I_WEIGHT:
			if ((rc = get_number(ld, v[j], "weight",
			    &it->bands[0].weight)) == 0 &&
			    !(it->bands[0].weight > 0 &&
			    it->bands[0].weight <= 1))
				rc = fail(ld, v[j], "weight", "'weight' must "
				    "be greater than 0 and at most 1, not "
				    "%.40s", v[j]->str);
			break;
		case I_EXPLAIN:
			rc = read_text(ld, v[j], "explain",
			    &it->bands[0].explain);
			break;
		case I_BANDS:
			for (rc = 0, j = 0; rc == 0 && j < (int)b->nkid; j++)
				rc = go_on(ld, read_band(ld, b->kid[j],
				    &it->bands[j]));
			break;
		case I_APPLIES:
			rc = read_cond(ld, v[j], "applies", 0, &it->applies);
			break;
		case I_SOURCES:
			rc = read_sources(ld, v[j], &it->sources,
			    &it->nsources);
			break;
		}
		if ((rc = go_on(ld, rc)) != 0)
			return rc;
	}
	for (i = 0; i < it->nbands; i++)
		if (it->bands[i].weight > it->top_weight) {
			it->top_weight = it->bands[i].weight;
			it->top = i;
		}
	return 0;
}

static int
read_lower(struct ld *ld, const struct hl__ynode *n, struct hl__lower *lw)
{
	const struct hl__ynode *v[NKEYS(lower_keys)], *k[NKEYS(lower_keys)];
	size_t i;
	int rc = 0;

	if ((rc = need_map(ld, n, "lower")) != 0 ||
	    (rc = map_keys(ld, n, "a lower entry", lower_keys,
	    NKEYS(lower_keys), v, k)) != 0)
		return rc;
	for (i = 0; i + 1 < n->nkid; i += 2) {
		switch (kept_key(lower_keys, NKEYS(lower_keys), n, i, v)) {
		case L_WHEN:
			rc = read_cond(ld, v[L_WHEN], "when", 0, &lw->when);
			break;
		case L_BY:
			if ((rc = get_number(ld, v[L_BY], "by", &lw->by)) == 0 &&
			    !(lw->by >= 0 && lw->by <= 1))
				rc = fail(ld, v[L_BY], "by", "'by' must be "
				    "from 0 to 1, not %.40s", v[L_BY]->str);
			break;
		}
		if ((rc = go_on(ld, rc)) != 0)
			return rc;
	}
	return 0;
}

static int
read_level(struct ld *ld, const struct hl__ynode *n, struct hl__level *lv)
{
	const struct hl__ynode *v[NKEYS(level_keys)], *k[NKEYS(level_keys)];
	size_t i;
	int rc = 0;

	if ((rc = need_map(ld, n, "levels")) != 0 ||
	    (rc = map_keys(ld, n, "a level", level_keys, NKEYS(level_keys),
	    v, k)) != 0)
		return rc;
	for (i = 0; i + 1 < n->nkid; i += 2) {
		switch (kept_key(level_keys, NKEYS(level_keys), n, i, v)) {
		case V_WHEN:
			rc = read_cond(ld, v[V_WHEN], "when", 0, &lv->when);
			break;
		case V_URGENCY:
			rc = get_int(ld, v[V_URGENCY], "urgency", 1, 4,
			    &lv->urgency);
			break;
		}
		if ((rc = go_on(ld, rc)) != 0)
			return rc;
	}
	return 0;
}

/* The parts every rule has. */
struct rule_head {
	char	**id;
	char	**title;
	struct hl__text *advice;
	char	***sources;
	size_t	*nsources;
	int	*line, *column;
};

/*
 * Read the keys of rule mapping n (kind K_*, index into its list) and its
 * id, title, advice and sources.  Leaves ld->rule set to its id.
 */
static int
read_head(struct ld *ld, const struct hl__ynode *n, const char *list,
    const char *what, const struct keyspec *spec, size_t nspec, int kind,
    size_t index, const struct hl__ynode **v, const struct hl__ynode **k,
    const struct rule_head *h)
{
	const struct hl__ynode *idn;
	struct hl__ident *prev;
	size_t i;
	int rc;

	ld->rule = NULL;
	if ((rc = need_map(ld, n, list)) != 0)
		return rc;
	/* Name the rule in every message about it, once its id is good. */
	for (i = 0; i + 1 < n->nkid; i += 2)
		if (key_is(n->kid[i], "id") &&
		    n->kid[i + 1]->type == HL__Y_SCALAR &&
		    valid_id(n->kid[i + 1]->str, n->kid[i + 1]->len)) {
			ld->rule = n->kid[i + 1]->str;
			break;
		}
	rc = map_keys(ld, n, what, spec, nspec, v, k);
	/* collecting every error, only a missing id stops the rule */
	if (v[R_ID] == NULL || (rc = go_on(ld, rc)) != 0)
		return rc != 0 ? rc : HL_ESCHEMA;
	*h->line = n->line;
	*h->column = n->column;
	idn = v[R_ID];
	if ((rc = need_scalar(ld, idn, "id", "an id")) != 0)
		return rc;
	/*
	 * Collecting every error, a bad id is still an id (so that what
	 * refers to it is not reported too) and a repeated one names its
	 * rule: only the rule is wrong, not its references.
	 */
	prev = hl__idtab_find(&ld->ids, idn->str, idn->len);
	if (!valid_id(idn->str, idn->len))
		rc = fail(ld, idn, "id", "invalid id '%.63s': use a "
		    "lowercase letter, then lowercase letters, digits or '_' "
		    "(at most %d bytes)", idn->str, HL__ID_MAX);
	else if (prev != NULL)
		rc = fail(ld, idn, idn->str, "duplicate id '%s' (first "
		    "used at line %d)", idn->str, prev->node->line);
	if ((rc = go_on(ld, rc)) != 0)
		return rc;
	if (prev == NULL)
		hl__idtab_add(&ld->ids, idn, kind, index);
	if ((*h->id = hl__strndup(idn->str, idn->len)) == NULL)
		return nomem(ld);
	for (i = 0; i + 1 < n->nkid; i += 2) {
		switch (kept_key(spec, nspec, n, i, v)) {
		case R_TITLE:
			rc = get_string(ld, v[R_TITLE], "title", 1, h->title);
			break;
		case R_ADVICE:
			rc = read_text(ld, v[R_ADVICE], "advice", h->advice);
			break;
		case R_SOURCES:
			rc = read_sources(ld, v[R_SOURCES], h->sources,
			    h->nsources);
			break;
		}
		if ((rc = go_on(ld, rc)) != 0)
			return rc;
	}
	return 0;
}

static int
read_cause(struct ld *ld, const struct hl__ynode *n, size_t index)
{
	struct hl__cause *c = &ld->rb->causes[index];
	const struct hl__ynode *v[NKEYS(cause_keys)], *k[NKEYS(cause_keys)];
	struct rule_head h = { &c->id, &c->title, &c->advice, &c->sources,
	    &c->nsources, &c->line, &c->column };
	size_t i, j;
	int rc;

	if ((rc = read_head(ld, n, "causes", "a cause", cause_keys,
	    NKEYS(cause_keys), HL__ID_CAUSE, index, v, k, &h)) != 0)
		return rc;
	for (i = 0; i + 1 < n->nkid; i += 2) {
		switch (kept_key(cause_keys, NKEYS(cause_keys), n, i, v)) {
		case C_LEAK:
			if ((rc = get_number(ld, v[C_LEAK], "leak",
			    &c->leak)) == 0 && !(c->leak >= 0 && c->leak < 1))
				rc = fail(ld, v[C_LEAK], "leak", "'leak' must "
				    "be at least 0 and less than 1, not %.40s",
				    v[C_LEAK]->str);
			break;
		case C_EVIDENCE:
			if ((rc = get_seq(ld, v[C_EVIDENCE], "evidence",
			    0)) != 0 || v[C_EVIDENCE]->nkid == 0)
				break;
			c->items = hl__calloc(v[C_EVIDENCE]->nkid,
			    sizeof *c->items);
			if (c->items == NULL)
				return nomem(ld);
			c->nitems = v[C_EVIDENCE]->nkid;
			for (j = 0; rc == 0 && j < c->nitems; j++)
				rc = go_on(ld, read_item(ld,
				    v[C_EVIDENCE]->kid[j], &c->items[j]));
			break;
		case C_LOWER:
			/* one factor may be written as a mapping of its own */
			if (v[C_LOWER]->type == HL__Y_MAP) {
				c->lowers = hl__calloc(1, sizeof *c->lowers);
				if (c->lowers == NULL)
					return nomem(ld);
				c->nlowers = 1;
				rc = read_lower(ld, v[C_LOWER], c->lowers);
				break;
			}
			if ((rc = get_seq(ld, v[C_LOWER], "lower", 0)) != 0 ||
			    v[C_LOWER]->nkid == 0)
				break;
			c->lowers = hl__calloc(v[C_LOWER]->nkid,
			    sizeof *c->lowers);
			if (c->lowers == NULL)
				return nomem(ld);
			c->nlowers = v[C_LOWER]->nkid;
			for (j = 0; rc == 0 && j < c->nlowers; j++)
				rc = go_on(ld, read_lower(ld,
				    v[C_LOWER]->kid[j], &c->lowers[j]));
			break;
		}
		if ((rc = go_on(ld, rc)) != 0)
			return rc;
	}
	return 0;
}

static int
read_flag(struct ld *ld, const struct hl__ynode *n, size_t index)
{
	struct hl__flag *f = &ld->rb->flags[index];
	const struct hl__ynode *v[NKEYS(flag_keys)], *k[NKEYS(flag_keys)];
	struct rule_head h = { &f->id, &f->title, &f->advice, &f->sources,
	    &f->nsources, &f->line, &f->column };
	size_t j;
	int rc;

	if ((rc = read_head(ld, n, "red_flags", "a red flag", flag_keys,
	    NKEYS(flag_keys), HL__ID_FLAG, index, v, k, &h)) != 0)
		return rc;
	if (v[F_LEVELS] == NULL)
		return HL_ESCHEMA;	/* reported as missing or misspelt */
	if ((rc = get_seq(ld, v[F_LEVELS], "levels", 1)) != 0)
		return rc;
	if ((f->levels = hl__calloc(v[F_LEVELS]->nkid,
	    sizeof *f->levels)) == NULL)
		return nomem(ld);
	f->nlevels = v[F_LEVELS]->nkid;
	for (j = 0; j < f->nlevels; j++)
		if ((rc = go_on(ld, read_level(ld, v[F_LEVELS]->kid[j],
		    &f->levels[j]))) != 0)
			return rc;
	return 0;
}

static int
read_strategy(struct ld *ld, const struct hl__ynode *n, size_t index)
{
	struct hl__strategy *s = &ld->rb->strategies[index];
	const struct hl__ynode *v[NKEYS(strategy_keys)];
	const struct hl__ynode *k[NKEYS(strategy_keys)];
	struct rule_head h = { &s->id, &s->title, &s->advice, &s->sources,
	    &s->nsources, &s->line, &s->column };
	size_t i;
	int rc;

	s->min_score = HL__DEFAULT_MIN_SCORE;
	if ((rc = read_head(ld, n, "strategies", "a strategy", strategy_keys,
	    NKEYS(strategy_keys), HL__ID_STRATEGY, index, v, k, &h)) != 0)
		return rc;
	if (v[S_ADDRESSES] == NULL && v[S_WHEN] == NULL &&
	    !(ld->misspelt & (1u << S_ADDRESSES | 1u << S_WHEN)) &&
	    (rc = go_on(ld, fail(ld, n, "addresses", "a strategy needs "
	    "'addresses' or 'when' (or both)"))) != 0)
		return rc;
	for (i = 0; i + 1 < n->nkid; i += 2) {
		switch (kept_key(strategy_keys, NKEYS(strategy_keys), n,
		    i, v)) {
		case S_ADDRESSES:
			if ((rc = get_seq(ld, v[S_ADDRESSES], "addresses",
			    1)) != 0)
				break;
			rc = each_scalar(ld, v[S_ADDRESSES], "addresses",
			    "a cause id");
			if (rc == 0 && queue(ld, P_ADDRESSES, v[S_ADDRESSES],
			    "addresses", s) == NULL)
				rc = HL_ENOMEM;
			break;
		case S_WHEN:
			rc = read_cond(ld, v[S_WHEN], "when", 1, &s->when);
			break;
		case S_MIN_SCORE:
			if ((rc = get_number(ld, v[S_MIN_SCORE], "min_score",
			    &s->min_score)) == 0 &&
			    !(s->min_score >= 0 && s->min_score <= 1))
				rc = fail(ld, v[S_MIN_SCORE], "min_score",
				    "'min_score' must be from 0 to 1, not "
				    "%.40s", v[S_MIN_SCORE]->str);
			break;
		case S_SAFETY:
			rc = get_bool(ld, v[S_SAFETY], "safety", &s->safety);
			break;
		}
		if ((rc = go_on(ld, rc)) != 0)
			return rc;
	}
	return 0;
}

static int
read_source_map(struct ld *ld, const struct hl__ynode *n)
{
	struct hl_rulebase *rb = ld->rb;
	const struct hl__ynode *k;
	struct hl__ident *prev;
	size_t i, np;
	int rc;

	if (is_empty(n))
		return fail(ld, n, "sources", "'sources' has no value (want a "
		    "mapping of source ids to references)");
	if (n->type != HL__Y_MAP)
		return fail(ld, n, "sources", "'sources' must be a mapping of "
		    "source ids to references, not %s", type_name(n));
	np = n->nkid / 2;
	if (np == 0)
		return 0;
	if (hl__idtab_init(&ld->srcs, np) == -1 ||
	    (rb->sources = hl__calloc(np, sizeof *rb->sources)) == NULL)
		return nomem(ld);
	rb->nsources = np;
	for (i = 0; i < np; i++) {
		k = n->kid[2 * i];
		if ((rc = need_scalar(ld, k, "sources", "a source id")) != 0) {
			if ((rc = go_on(ld, rc)) != 0)
				return rc;
			continue;
		}
		if ((prev = hl__idtab_find(&ld->srcs, k->str, k->len)) != NULL) {
			rc = fail(ld, k, k->str, "duplicate source '%.60s' "
			    "(first at line %d)", k->str, prev->node->line);
			if ((rc = go_on(ld, rc)) != 0)
				return rc;
		} else
			hl__idtab_add(&ld->srcs, k, HL__ID_SOURCE, i);
		if ((rb->sources[i].id = hl__strndup(k->str, k->len)) == NULL)
			return nomem(ld);
		if ((rc = go_on(ld, get_string(ld, n->kid[2 * i + 1], k->str,
		    0, &rb->sources[i].text))) != 0)
			return rc;
	}
	return 0;
}

/* Size of a rule list (0 if it is not a sequence: reported later). */
static size_t
list_len(const struct hl__ynode *n)
{
	return n != NULL && n->type == HL__Y_SEQ ? n->nkid : 0;
}

int
hl__ld_read(struct ld *ld, const struct hl__ynode *root)
{
	struct hl_rulebase *rb = ld->rb;
	const struct hl__ynode *v[NKEYS(top_keys)], *k[NKEYS(top_keys)];
	const struct hl__ynode *n = root;
	double format = 1;
	size_t i, j;
	int rc = 0;

	for (i = 0; i + 1 < root->nkid; i += 2)
		if (key_is(root->kid[i], "heavylegs"))
			break;
	/*
	 * The format version first: a newer format is not read at all.
	 * Collecting every error, a missing or bad version is reported and
	 * the rest is read as format 1.
	 */
	if (i + 1 >= root->nkid)
		rc = fail(ld, root, "heavylegs", "missing key 'heavylegs' "
		    "(the rule format version, 1)");
	else {
		n = root->kid[i + 1];
		for (j = 0; n->type == HL__Y_SCALAR &&
		    n->style == HL__Y_PLAIN && j < n->len; j++)
			if (n->str[j] < '0' || n->str[j] > '9')
				break;
		if (n->type == HL__Y_SCALAR && j < n->len && (n->str[0] ==
		    '+' || n->str[0] == '-' || n->str[0] == '.' ||
		    (n->str[0] >= '0' && n->str[0] <= '9')))
			rc = fail(ld, n, "heavylegs", "'heavylegs' must be "
			    "the rule format version, 1, not '%.40s'", n->str);
		else
			rc = get_number(ld, n, "heavylegs", &format);
	}
	if (rc == 0) {
		if (format < 1)
			rc = fail(ld, n, "heavylegs", "'heavylegs' must be "
			    "the rule format version, 1, not '%.40s'", n->str);
		else if (format > 1) {
			ld->stop = 1;
			return fail_at(ld, HL_EUNSUPPORTED, n->line,
			    n->column, "heavylegs", "rule format %.40s is "
			    "newer than this library reads (1)", n->str);
		}
	}
	if ((rc = go_on(ld, rc)) != 0)
		return rc;
	rb->format = 1;
	if ((rc = go_on(ld, map_keys(ld, root, "the rulebase", top_keys,
	    NKEYS(top_keys), v, k))) != 0)
		return rc;

	rb->nflags = list_len(v[T_RED_FLAGS]);
	rb->ncauses = list_len(v[T_CAUSES]);
	rb->nstrategies = list_len(v[T_STRATEGIES]);
	if ((rb->nflags > 0 && (rb->flags = hl__calloc(rb->nflags,
	    sizeof *rb->flags)) == NULL) ||
	    (rb->ncauses > 0 && (rb->causes = hl__calloc(rb->ncauses,
	    sizeof *rb->causes)) == NULL) ||
	    (rb->nstrategies > 0 && (rb->strategies = hl__calloc(
	    rb->nstrategies, sizeof *rb->strategies)) == NULL)) {
		/* Counts must match what was allocated, for the cleanup. */
		if (rb->flags == NULL)
			rb->nflags = 0;
		if (rb->causes == NULL)
			rb->ncauses = 0;
		if (rb->strategies == NULL)
			rb->nstrategies = 0;
		return nomem(ld);
	}
	rb->nrules = rb->nflags + rb->ncauses;
	rb->nslots = HL__RULE_BASE + rb->nrules + 1;
	if (hl__idtab_init(&ld->ids, rb->nrules + rb->nstrategies) == -1)
		return nomem(ld);

	for (i = 0; i + 1 < root->nkid; i += 2) {
		n = root->kid[i + 1];
		ld->rule = NULL;
		switch (kept_key(top_keys, NKEYS(top_keys), root, i, v)) {
		case T_NAME:
			rc = get_string(ld, n, "name", 1, &rb->name);
			break;
		case T_VERSION:
			rc = get_string(ld, n, "version", 0, &rb->version);
			break;
		case T_DISCLAIMER:
			rc = get_string(ld, n, "disclaimer", 0,
			    &rb->disclaimer);
			break;
		case T_SUPPRESS_AT:
			rc = get_int(ld, n, "suppress_at", 1, 4,
			    &rb->suppress_at);
			break;
		case T_SOURCES:
			rc = read_source_map(ld, n);
			break;
		case T_CAUSES:
			if ((rc = get_seq(ld, n, "causes", 0)) != 0)
				break;
			for (j = 0; rc == 0 && j < n->nkid; j++)
				rc = go_on(ld, read_cause(ld, n->kid[j], j));
			break;
		case T_STRATEGIES:
			if ((rc = get_seq(ld, n, "strategies", 0)) != 0)
				break;
			for (j = 0; rc == 0 && j < n->nkid; j++)
				rc = go_on(ld, read_strategy(ld, n->kid[j],
				    j));
			break;
		case T_RED_FLAGS:
			if ((rc = get_seq(ld, n, "red_flags", 0)) != 0)
				break;
			for (j = 0; rc == 0 && j < n->nkid; j++)
				rc = go_on(ld, read_flag(ld, n->kid[j], j));
			break;
		}
		if ((rc = go_on(ld, rc)) != 0)
			return rc;
	}
	ld->rule = NULL;
	return 0;
}

