/* SPDX-License-Identifier: MIT */
/* json.c - write a report as one JSON object, the same under every locale. */

#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "heavylegs.h"
#include "report.h"
#include "strconv.h"

/* Output that counts every byte and stores those that fit. */
struct jw {
	char	*buf;
	size_t	 cap;
	size_t	 len;
	int	 nomem;
};

static void
put(struct jw *w, const char *s, size_t n)
{
	if (w->len < w->cap) {
		size_t room = w->cap - w->len;

		memcpy(w->buf + w->len, s, n < room ? n : room);
	}
	w->len += n;
}

static void
puts_(struct jw *w, const char *s)
{
	put(w, s, strlen(s));
}

/* Length of the valid UTF-8 sequence at s (1..4), or 0 if invalid. */
static size_t
utf8_len(const unsigned char *s)
{
	unsigned char c = s[0];

	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		return (s[1] & 0xc0) == 0x80 ? 2 : 0;
	if (c >= 0xe0 && c <= 0xef) {
		if ((s[1] & 0xc0) != 0x80 || (s[2] & 0xc0) != 0x80)
			return 0;
		if ((c == 0xe0 && s[1] < 0xa0) || (c == 0xed && s[1] > 0x9f))
			return 0;	/* overlong, or a surrogate */
		return 3;
	}
	if (c >= 0xf0 && c <= 0xf4) {
		if ((s[1] & 0xc0) != 0x80 || (s[2] & 0xc0) != 0x80 ||
		    (s[3] & 0xc0) != 0x80)
			return 0;
		if ((c == 0xf0 && s[1] < 0x90) || (c == 0xf4 && s[1] > 0x8f))
			return 0;	/* overlong, or past U+10FFFF */
		return 4;
	}
	return 0;
}

/* 1 for the bytes that stand for themselves in a JSON string. */
static const unsigned char plain[256] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

/* Every byte of word x is less than n (n <= 128), in each byte's top bit. */
#define ONES		0x0101010101010101ULL
#define TOPS		0x8080808080808080ULL
#define LESS(x, n)	(((x) - ONES * (n)) & ~(x) & TOPS)
#define HAS_ZERO(x)	LESS(x, 1)

/*
 * The first byte of [s, end) that is not plain[], or end: eight bytes at
 * a time while they are all printable ASCII without '"' or '\\'.
 */
static const unsigned char *
plain_span(const unsigned char *s, const unsigned char *end)
{
	const unsigned char *lim;
	uint64_t x;

	for (;;) {
		while (end - s >= 8) {
			memcpy(&x, s, sizeof x);
			if ((x & TOPS) != 0 || LESS(x, 0x20) != 0 ||
			    HAS_ZERO(x ^ ONES * '"') != 0 ||
			    HAS_ZERO(x ^ ONES * '\\') != 0)
				break;
			s += 8;
		}
		/* the word that stopped it, byte by byte, or the tail */
		lim = end - s > 8 ? s + 8 : end;
		while (s < lim && plain[*s])
			s++;
		if (s < lim || s == end)
			return s;
	}
}

/*
 * A JSON string: quotes, backslashes and control characters escaped,
 * UTF-8 passed through, an invalid byte written as U+FFFD.  NULL is null.
 */
static void
put_str(struct jw *w, const char *str)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *s = (const unsigned char *)str;
	const unsigned char *run, *end;
	char esc[7];
	size_t n;

	if (str == NULL) {
		puts_(w, "null");
		return;
	}
	put(w, "\"", 1);
	run = s;
	end = s + strlen(str);
	for (;;) {
		s = plain_span(s, end);
		if (s == end)
			break;
		if (*s >= 0x80 && (n = utf8_len(s)) != 0) {
			s += n;
			continue;
		}
		put(w, (const char *)run, (size_t)(s - run));
		switch (*s) {
		case '"':
			puts_(w, "\\\"");
			break;
		case '\\':
			puts_(w, "\\\\");
			break;
		case '\b':
			puts_(w, "\\b");
			break;
		case '\f':
			puts_(w, "\\f");
			break;
		case '\n':
			puts_(w, "\\n");
			break;
		case '\r':
			puts_(w, "\\r");
			break;
		case '\t':
			puts_(w, "\\t");
			break;
		default:
			if (*s >= 0x80) {
				puts_(w, "\\ufffd");
				break;
			}
			memcpy(esc, "\\u00", 4);
			esc[4] = hex[*s >> 4];
			esc[5] = hex[*s & 0xf];
			put(w, esc, 6);
			break;
		}
		s++;
		run = s;
	}
	put(w, (const char *)run, (size_t)(s - run));
	put(w, "\"", 1);
}

/* A string that may be NULL for lack of memory. */
static void
put_text(struct jw *w, const char *s)
{
	if (s == NULL) {
		w->nomem = 1;
		s = "";
	}
	put_str(w, s);
}

static void
put_int(struct jw *w, long long v)
{
	char tmp[24], *p = tmp + sizeof tmp;
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v :
	    (unsigned long long)v;

	do {
		*--p = (char)('0' + u % 10);
		u /= 10;
	} while (u != 0);
	if (v < 0)
		*--p = '-';
	put(w, p, (size_t)(tmp + sizeof tmp - p));
}

/* A number; NaN and infinities are null. */
static void
put_num(struct jw *w, double v)
{
	char tmp[40];
	int n;

	if (!isfinite(v)) {
		puts_(w, "null");
		return;
	}
	if (v == floor(v) && fabs(v) < 1e15) {
		/* what hl__fmt_double writes for an integer, only faster */
		put_int(w, (long long)v);
		return;
	}
	n = hl__fmt_double(tmp, sizeof tmp, v, -1);
	if (n < 0 || (size_t)n >= sizeof tmp) {
		puts_(w, "null");
		return;
	}
	put(w, tmp, (size_t)n);
}

static void
put_bool(struct jw *w, int b)
{
	puts_(w, b ? "true" : "false");
}

/* "key": for a key of plain bytes (no escapes), first or after a comma. */
static void
put_key(struct jw *w, const char *key, int first)
{
	size_t n = strlen(key);

	if (!first)
		put(w, ",", 1);
	put(w, "\"", 1);
	put(w, key, n);
	put(w, "\":", 2);
}

/* The same for a literal key: its bytes are known at compile time. */
#define PUT_KEY(w, key, first)	((first) ? put(w, "\"" key "\":", \
	sizeof key + 2) : put(w, ",\"" key "\":", sizeof key + 3))

static const char *
kind_name(int kind)
{
	switch (kind) {
	case HL_FINDING_RED_FLAG:
		return "red_flag";
	case HL_FINDING_CAUSE:
		return "cause";
	default:
		return "strategy";
	}
}

static const char *
state_name(int state)
{
	switch (state) {
	case HL_STATE_FIRED:
		return "fired";
	case HL_STATE_NOT_FIRED:
		return "not_fired";
	default:
		return "unknown";
	}
}

static void
put_finding(struct jw *w, struct hl_report *r, struct hl_finding *f)
{
	struct hl__evidence *e;
	size_t i;

	put(w, "{", 1);
	PUT_KEY(w, "kind", 1);
	put_str(w, kind_name(f->kind));
	PUT_KEY(w, "id", 0);
	put_str(w, f->id);
	PUT_KEY(w, "title", 0);
	put_str(w, f->title);
	PUT_KEY(w, "advice", 0);
	put_text(w, hl__report_render(r, &f->advice_text, f->advice));
	PUT_KEY(w, "score", 0);
	put_num(w, f->score);
	PUT_KEY(w, "score_low", 0);
	put_num(w, f->score_low);
	PUT_KEY(w, "score_high", 0);
	put_num(w, f->score_high);
	PUT_KEY(w, "band", 0);
	put_str(w, f->band[0] != '\0' ? f->band : NULL);
	PUT_KEY(w, "coverage", 0);
	put_num(w, f->coverage);
	PUT_KEY(w, "urgency", 0);
	put_int(w, f->urgency);
	PUT_KEY(w, "secondary", 0);
	put_bool(w, f->secondary);
	PUT_KEY(w, "evidence", 0);
	put(w, "[", 1);
	for (i = 0; i < f->nev; i++) {
		e = &r->ev[f->ev0 + i];
		if (i > 0)
			put(w, ",", 1);
		put(w, "{", 1);
		PUT_KEY(w, "when", 1);
		put_str(w, e->when);
		PUT_KEY(w, "weight", 0);
		put_num(w, e->weight);
		PUT_KEY(w, "state", 0);
		put_str(w, state_name(e->state));
		PUT_KEY(w, "text", 0);
		put_text(w, hl__report_evidence_text(r, e));
		put(w, "}", 1);
	}
	put(w, "]}", 2);
}

int
hl_report_json(const hl_report *report, char *buf, size_t cap,
    size_t *needed)
{
	/* rendering fills buffers the report owns: not a caller-visible write */
	struct hl_report *r = (struct hl_report *)report;
	struct jw w;
	size_t i;

	if (needed != NULL)
		*needed = 0;
	if (r == NULL || (buf == NULL && cap > 0))
		return HL_EINVAL;
	w.buf = buf;
	w.cap = cap;
	w.len = 0;
	w.nomem = 0;

	put(&w, "{", 1);
	PUT_KEY(&w, "rulebase", 1);
	put(&w, "{", 1);
	PUT_KEY(&w, "name", 1);
	put_str(&w, r->rb != NULL ? r->rb->name : NULL);
	PUT_KEY(&w, "version", 0);
	put_str(&w, r->rb != NULL ? r->rb->version : NULL);
	put(&w, "}", 1);
	PUT_KEY(&w, "triage", 0);
	put(&w, "{", 1);
	PUT_KEY(&w, "urgency", 1);
	put_int(&w, r->triage);
	PUT_KEY(&w, "name", 0);
	put_str(&w, hl__urgency_name(r->triage));
	put(&w, "}", 1);
	PUT_KEY(&w, "triage_high", 0);
	put(&w, "{", 1);
	PUT_KEY(&w, "urgency", 1);
	put_int(&w, r->triage_high);
	PUT_KEY(&w, "name", 0);
	put_str(&w, hl__urgency_name(r->triage_high));
	put(&w, "}", 1);
	PUT_KEY(&w, "screen_complete", 0);
	put_bool(&w, r->screen_complete);
	PUT_KEY(&w, "suppress_training_advice", 0);
	put_bool(&w, r->suppress);
	PUT_KEY(&w, "confidence", 0);
	put_num(&w, r->confidence);
	PUT_KEY(&w, "confidence_low", 0);
	put_bool(&w, r->confidence_low);

	PUT_KEY(&w, "findings", 0);
	put(&w, "[", 1);
	for (i = 0; i < r->nlist; i++) {
		if (i > 0)
			put(&w, ",", 1);
		put_finding(&w, r, r->list[i]);
	}
	put(&w, "]", 1);

	PUT_KEY(&w, "questions", 0);
	put(&w, "[", 1);
	for (i = 0; i < r->nquestions; i++) {
		if (i > 0)
			put(&w, ",", 1);
		put_str(&w, r->questions[i]);
	}
	put(&w, "]", 1);

	PUT_KEY(&w, "warnings", 0);
	put(&w, "[", 1);
	for (i = 0; i < r->nwarn; i++) {
		if (i > 0)
			put(&w, ",", 1);
		put_text(&w, hl__report_warning_text(r, i));
	}
	put(&w, "]", 1);

	/* The derived metrics, as hl_inputs_derive() gives them. */
	PUT_KEY(&w, "derived", 0);
	put(&w, "{", 1);
	for (i = 0; i < HL__M_COUNT; i++) {
		put_key(&w, hl__metric_defs[i].name, i == 0);
		put_num(&w, r->assessed ? r->slots[HL__METRIC_BASE + i] : NAN);
	}
	put(&w, "}", 1);

	PUT_KEY(&w, "disclaimer", 0);
	put_str(&w, hl__report_disclaimer(r));
	put(&w, "}", 1);

	if (w.nomem) {
		if (cap > 0)
			buf[0] = '\0';
		return HL_ENOMEM;
	}
	if (needed != NULL)
		*needed = w.len + 1;
	if (w.len + 1 > cap) {
		if (cap > 0)
			buf[0] = '\0';
		return HL_ERANGE;
	}
	buf[w.len] = '\0';
	return HL_OK;
}
