/* SPDX-License-Identifier: MIT */
/* text.c - text templates: "{name}" and "{name:.Nf}" filled with values. */

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "compiler.h"
#include "error.h"
#include "expr.h"
#include "heavylegs.h"
#include "rules.h"
#include "strconv.h"
#include "suggest.h"
#include "vocab.h"

static int
isdig(int c)
{
	return c >= '0' && c <= '9';
}

static int
isname(int c, int first)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
	    (!first && isdig(c));
}

HL__PRINTF(6, 7)
static int
fail(struct hl__expr_error *e, int code, size_t off, const char *name,
    size_t nlen, const char *fmt, ...)
{
	va_list ap;
	size_t i;

	e->code = code;
	e->offset = off;
	if (nlen > sizeof e->name - 1)
		nlen = sizeof e->name - 1;
	for (i = 0; i < nlen; i++)
		e->name[i] = name[i];
	e->name[nlen] = '\0';
	va_start(ap, fmt);
	hl__vformat(e->message, sizeof e->message, fmt, ap);
	va_end(ap);
	return code;
}

/*
 * Parse the placeholder whose '{' is at s[i]; fill seg and store the offset
 * just past its '}' in *end.
 */
static int
placeholder(const char *s, size_t len, size_t i, struct hl__tseg *seg,
    size_t *end, struct hl__expr_error *e)
{
	const struct hl__input_def *def = NULL;
	size_t j = i + 1, name = j, nlen, day = 0, idx_off = 0;
	int in, m = -1, has_idx = 0, kind;

	while (j < len && isname((unsigned char)s[j], j == name))
		j++;
	nlen = j - name;
	if (nlen == 0) {
		if (j >= len)
			return fail(e, HL_ESYNTAX, i, "", 0, "unmatched '{'");
		return fail(e, HL_ESYNTAX, j, "", 0,
		    "expected a name after '{' (write '{{' for a brace)");
	}
	if (j < len && s[j] == '[') {
		size_t k = j + 1;

		idx_off = k;
		while (k < len && isdig((unsigned char)s[k]) && k - idx_off < 4)
			day = day * 10 + (size_t)(s[k++] - '0');
		if (k == idx_off || k >= len || s[k] != ']')
			return fail(e, HL_ESYNTAX, idx_off, s + name, nlen,
			    "expected a day index from 0 to 27");
		if (day >= HL_SERIES_DAYS)
			return fail(e, HL_ESCHEMA, idx_off, s + name, nlen,
			    "day index %.*s is not from 0 to 27",
			    (int)(k - idx_off), s + idx_off);
		has_idx = 1;
		j = k + 1;
	}
	seg->prec = -1;
	if (j < len && s[j] == ':') {
		if (j + 3 < len && s[j + 1] == '.' &&
		    isdig((unsigned char)s[j + 2]) && s[j + 3] == 'f' &&
		    (j + 4 >= len || s[j + 4] == '}'))
			seg->prec = s[j + 2] - '0';
		else {
			size_t k = j;

			while (k < len && s[k] != '}' && k - j < 16)
				k++;
			return fail(e, HL_ESYNTAX, j, s + name, nlen,
			    "bad format '%.*s' (write {%.*s:.Nf}, N from 0 "
			    "to 9)", (int)(k - j), s + j,
			    (int)(nlen < 63 ? nlen : 63), s + name);
		}
		j += 4;
	}
	if (j >= len)
		return fail(e, HL_ESYNTAX, i, "", 0, "unmatched '{'");
	if (s[j] != '}')
		return fail(e, HL_ESYNTAX, j, "", 0, "expected '}'");
	*end = j + 1;

	if ((in = hl__input_lookup(s + name, nlen)) >= 0) {
		def = &hl__input_defs[in];
		kind = def->kind;
		if (def->length > 1 && !has_idx)
			return fail(e, HL_ESCHEMA, name, s + name, nlen,
			    "%.*s is a daily series: write %.*s[0] for "
			    "today, up to [27]", (int)(nlen < 63 ? nlen : 63),
			    s + name, (int)(nlen < 63 ? nlen : 63), s + name);
	} else if ((m = hl__metric_lookup(s + name, nlen)) >= 0)
		kind = hl__metric_defs[m].kind;
	else {
		struct hl__suggest sg;
		const char *best;

		hl__suggest_init(&sg, s + name, nlen);
		hl__suggest_vocab(&sg);
		if ((best = hl__suggest_best(&sg)) != NULL)
			return fail(e, HL_ESCHEMA, name, s + name, nlen,
			    "unknown input '%.*s' (did you mean '%s'?)",
			    (int)(nlen < 63 ? nlen : 63), s + name, best);
		return fail(e, HL_ESCHEMA, name, s + name, nlen,
		    "unknown input '%.*s'", (int)(nlen < 63 ? nlen : 63),
		    s + name);
	}
	if (has_idx && (def == NULL || def->length == 1))
		return fail(e, HL_ESCHEMA, idx_off - 1, s + name, nlen,
		    "%.*s is not a daily series", (int)(nlen < 63 ? nlen : 63),
		    s + name);
	if (seg->prec >= 0 && (kind == HL_KIND_TRI || kind == HL_KIND_ENUM))
		return fail(e, HL_ESCHEMA, j - 4, s + name, nlen,
		    "%.*s is not a number: it takes no format",
		    (int)(nlen < 63 ? nlen : 63), s + name);
	seg->start = i;
	seg->len = j + 1 - i;
	if (def != NULL) {
		seg->slot = (long)(hl__input_slot(in) + day);
		seg->input = (kind == HL_KIND_TRI || kind == HL_KIND_ENUM) ?
		    in : -1;
	} else {
		seg->slot = (long)(HL__METRIC_BASE + (size_t)m);
		seg->input = -1;
	}
	return 0;
}

static void
literal(struct hl__text *t, size_t start, size_t len)
{
	struct hl__tseg *seg;

	if (len == 0)
		return;
	seg = &t->seg[t->nseg++];
	seg->start = start;
	seg->len = len;
	seg->slot = -1;
	seg->prec = -1;
	seg->input = -1;
}

int
hl__text_compile(struct hl__text *t, const char *src, size_t len,
    struct hl__expr_error *e)
{
	struct hl__expr_error dummy;
	size_t i, lit, nmax = 1;
	char *s;
	int r;

	if (e == NULL)
		e = &dummy;
	memset(e, 0, sizeof *e);
	if (t == NULL)
		return HL_EINVAL;
	memset(t, 0, sizeof *t);
	if (src == NULL)
		len = 0;
	for (i = 0; i < len; i++)
		if (src[i] == '{' || src[i] == '}')
			nmax += 2;
	if ((s = hl__malloc(len + 1)) == NULL)
		goto nomem;
	if (len > 0)
		memcpy(s, src, len);
	s[len] = '\0';
	t->src = s;
	if ((t->seg = hl__calloc(nmax, sizeof *t->seg)) == NULL)
		goto nomem;

	for (i = lit = 0; i < len; ) {
		size_t end = 0;

		if (s[i] == '}') {
			if (i + 1 >= len || s[i + 1] != '}') {
				r = fail(e, HL_ESYNTAX, i, "", 0,
				    "unmatched '}' (write '}}' for a brace)");
				goto err;
			}
			literal(t, lit, i + 1 - lit);
			lit = i += 2;
		} else if (s[i] == '{' && i + 1 < len && s[i + 1] == '{') {
			literal(t, lit, i + 1 - lit);
			lit = i += 2;
		} else if (s[i] == '{') {
			literal(t, lit, i - lit);
			if ((r = placeholder(s, len, i, &t->seg[t->nseg], &end,
			    e)) != 0)
				goto err;
			t->nseg++;
			lit = i = end;
		} else
			i++;
	}
	literal(t, lit, len - lit);
	return HL_OK;
nomem:
	r = fail(e, HL_ENOMEM, 0, "", 0, "out of memory");
err:
	hl__text_free(t);
	return r;
}

/* Append s[0..n) to buf as far as it fits; count it all in *used. */
static void
put(char *buf, size_t cap, size_t *used, const char *s, size_t n)
{
	if (*used < cap) {
		size_t room = cap - 1 - *used;

		memcpy(buf + *used, s, n < room ? n : room);
	}
	*used += n;
}

/* The text of value v shown by seg; tmp is scratch space. */
static const char *
value_text(const struct hl__tseg *seg, double v, char *tmp, size_t cap)
{
	int kind = HL_KIND_NUMBER;
	const struct hl__input_def *def = NULL;
	size_t mb = HL__METRIC_BASE;

	if (isnan(v))
		return "unknown";
	if (seg->input >= 0 && (size_t)seg->input < hl__input_ndefs) {
		def = &hl__input_defs[seg->input];
		kind = def->kind;
	} else if ((size_t)seg->slot >= mb &&
	    (size_t)seg->slot < mb + HL__M_COUNT)
		kind = hl__metric_defs[(size_t)seg->slot - mb].kind;
	if (kind == HL_KIND_TRI)
		return v != 0 ? "yes" : "no";
	if (kind == HL_KIND_ENUM && def != NULL) {
		if (v >= 0 && v < def->enum_count && v == floor(v))
			return def->enum_names[(int)v];
		return "unknown";
	}
	hl__fmt_double(tmp, cap, v, seg->prec);
	return tmp;
}

size_t
hl__text_render(const struct hl__text *t, const double *slots, char *buf,
    size_t cap)
{
	char tmp[512];
	size_t i, used = 0;

	if (t != NULL && t->src != NULL) {
		for (i = 0; i < t->nseg; i++) {
			const struct hl__tseg *seg = &t->seg[i];
			const char *v;

			if (seg->slot < 0) {
				put(buf, cap, &used, t->src + seg->start,
				    seg->len);
				continue;
			}
			v = value_text(seg, slots[seg->slot], tmp, sizeof tmp);
			put(buf, cap, &used, v, strlen(v));
		}
	}
	if (cap > 0)
		buf[used < cap ? used : cap - 1] = '\0';
	return used;
}

void
hl__text_free(struct hl__text *t)
{
	if (t == NULL)
		return;
	hl__free(t->src);
	hl__free(t->seg);
	t->src = NULL;
	t->seg = NULL;
	t->nseg = 0;
}
