/* SPDX-License-Identifier: MIT */
/*
 * batch.c - hl_assess_batch(): many runners in one call, each into a compact
 * summary, and hl_rulebase_rule_id() to name the causes it lists.
 *
 * One report is made per call and reused for every runner, so the call
 * allocates nothing per runner once that report has grown to its working
 * size.  It reads the rulebase only, as hl_assess() does, so any number of
 * threads may score batches on one rulebase.  Each runner goes through
 * hl_assess() itself: a batch and the same runners one by one agree.
 */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "error.h"
#include "heavylegs.h"
#include "report.h"
#include "rules.h"

#if HL_SUMMARY_TOP != 3
#error "hl_summary's layout is pinned at three causes"
#endif

/* The summary of this version; a test pins its size and offsets. */
#define SUMMARY_OWN	sizeof(hl_summary)

const char *
hl_rulebase_rule_id(const hl_rulebase *rb, int kind, size_t i)
{
	if (rb == NULL)
		return NULL;
	switch (kind) {
	case HL_FINDING_RED_FLAG:
		return i < rb->nflags ? rb->flags[i].id : NULL;
	case HL_FINDING_CAUSE:
		return i < rb->ncauses ? rb->causes[i].id : NULL;
	case HL_FINDING_STRATEGY:
		return i < rb->nstrategies ? rb->strategies[i].id : NULL;
	default:
		return NULL;
	}
}

/* A summary with nothing known yet: every score NaN, no cause. */
static void
summary_start(hl_summary *s, int status)
{
	size_t k;

	memset(s, 0, sizeof *s);
	s->size = (uint32_t)SUMMARY_OWN;
	s->status = status;
	s->confidence = NAN;
	for (k = 0; k < HL_SUMMARY_TOP; k++) {
		s->top_cause[k] = -1;
		s->top_score[k] = NAN;
		s->top_score_low[k] = NAN;
		s->top_score_high[k] = NAN;
	}
}

static void
summary_refused(hl_summary *s, int code, const char *field)
{
	size_t n;

	summary_start(s, code);
	n = strlen(field);
	if (n >= sizeof s->field)
		n = sizeof s->field - 1;
	memcpy(s->field, field, n);
	s->field[n] = '\0';
}

/* Fill s from a finished report. */
static void
summary_fill(hl_summary *s, const hl_report *rep)
{
	size_t i, n, top = 0;
	int flags = 0;

	summary_start(s, HL_OK);
	s->triage = hl_report_triage(rep);
	s->triage_high = hl_report_triage_high(rep);
	s->screen_complete = hl_report_screen_complete(rep);
	s->suppress_training_advice = hl_report_suppress_training_advice(rep);
	s->confidence = hl_report_confidence(rep);
	n = hl_report_count(rep);
	s->finding_count = n > INT32_MAX ? INT32_MAX : (int32_t)n;
	/* The report lists causes by score, highest first. */
	for (i = 0; i < n; i++) {
		const hl_finding *f = hl_report_finding(rep, i);

		if (f->kind == HL_FINDING_RED_FLAG)
			flags++;
		if (f->kind != HL_FINDING_CAUSE || top >= HL_SUMMARY_TOP)
			continue;
		s->top_cause[top] = (int32_t)f->index;
		s->top_score[top] = f->score;
		s->top_score_low[top] = f->score_low;
		s->top_score_high[top] = f->score_high;
		top++;
	}
	s->cause_count = (int32_t)top;
	s->red_flag_count = flags;
}

/* Copy the library's summary into the caller's, as much as both have. */
static void
summary_put(unsigned char *dst, size_t summary_size, const hl_summary *s)
{
	size_t n = summary_size < SUMMARY_OWN ? summary_size : SUMMARY_OWN;
	uint32_t filled = (uint32_t)n;

	memcpy(dst, s, n);
	memcpy(dst, &filled, sizeof filled);
	if (summary_size > n)
		memset(dst + n, 0, summary_size - n);
}

int
hl_assess_batch(const hl_rulebase *rb, const hl_inputs *in, size_t in_stride,
    size_t n, hl_summary *out, size_t summary_size, hl_error *err)
{
	const unsigned char *row;
	unsigned char *dst;
	hl_report *rep = NULL;
	hl_error rerr;
	hl_summary s;
	uint32_t size;
	size_t i;
	int rc, first = HL_OK;

	hl__error_clear(err);
	if (rb == NULL)
		return hl__error_set(err, HL_EINVAL, NULL, 0, 0, NULL, "rb",
		    "hl_assess_batch: rb is NULL");
	if (n == 0)
		return HL_OK;
	if (n > HL_BATCH_MAX)
		return hl__error_set(err, HL_EINVAL, NULL, 0, 0, NULL, "n",
		    "hl_assess_batch: %lu runners is more than the %lu one "
		    "call takes", (unsigned long)n, (unsigned long)HL_BATCH_MAX);
	if (in == NULL || out == NULL)
		return hl__error_set(err, HL_EINVAL, NULL, 0, 0, NULL,
		    in == NULL ? "in" : "out",
		    "hl_assess_batch: %s is NULL", in == NULL ? "in" : "out");
	if (in_stride < 8 || in_stride % 8 != 0 ||
	    in_stride > SIZE_MAX / n)
		return hl__error_set(err, HL_EINVAL, NULL, 0, 0, NULL,
		    "in_stride", "hl_assess_batch: in_stride %lu is invalid: "
		    "a multiple of 8, at least each struct's size, and n times "
		    "it must fit in memory", (unsigned long)in_stride);
	if (summary_size < HL_SUMMARY_SIZE_V1_1 || summary_size % 8 != 0 ||
	    summary_size > SIZE_MAX / n)
		return hl__error_set(err, HL_EINVAL, NULL, 0, 0, NULL,
		    "summary_size", "hl_assess_batch: summary_size %lu is "
		    "invalid: a multiple of 8, at least HL_SUMMARY_SIZE_V1_1 "
		    "(%d)", (unsigned long)summary_size, HL_SUMMARY_SIZE_V1_1);

	row = (const unsigned char *)in;
	dst = (unsigned char *)out;
	for (i = 0; i < n; i++, row += in_stride, dst += summary_size) {
		memcpy(&size, row, sizeof size);
		if (size > in_stride || size < HL_INPUTS_SIZE_V1 ||
		    size % 8 != 0) {
			/* Not a struct, or one reaching into the next. */
			summary_refused(&s, HL_EINVAL, "size");
			summary_put(dst, summary_size, &s);
			continue;
		}
		memset(&rerr, 0, sizeof rerr);
		rc = hl_assess(rb, (const hl_inputs *)(const void *)row, &rep,
		    &rerr);
		if (rc == HL_OK)
			summary_fill(&s, rep);
		else {
			summary_refused(&s, rc, rerr.name);
			/* Inputs refuse one runner; anything else is the call's. */
			if (rc != HL_EINPUT && rc != HL_EUNSUPPORTED &&
			    rc != HL_EINVAL && first == HL_OK)
				first = hl__error_set(err, rc, NULL, 0, 0,
				    NULL, rerr.name, "runner %lu: %s",
				    (unsigned long)i, rerr.message);
		}
		summary_put(dst, summary_size, &s);
	}
	hl_report_free(rep);
	return first;
}
