/* SPDX-License-Identifier: MIT */
/* report.c - the report and finding accessors, with text rendered on demand. */

#include <math.h>
#include <stddef.h>
#include <string.h>

#include "alloc.h"
#include "heavylegs.h"
#include "report.h"
#include "rules.h"
#include "vocab.h"

/* Room for a warning's text before its length is known. */
#define WARNING_CAP	128

static const char *const urgency_names[] = {
	"none", "discuss_with_doctor", "see_doctor_soon", "urgent_care_now",
	"emergency"
};

const char *
hl__urgency_name(int u)
{
	if (u < 0 || u > HL_URGENCY_EMERGENCY)
		return "";
	return urgency_names[u];
}

const char *
hl__band_name(double score)
{
	if (isnan(score))
		return "";
	if (score >= HL__BAND_HIGH)
		return "high";
	if (score >= HL__BAND_MODERATE)
		return "moderate";
	return "low";
}

/* Make tb hold at least n bytes; its contents are not kept. */
static int
tbuf_grow(struct hl__tbuf *tb, size_t n)
{
	char *p;

	if (n <= tb->cap)
		return 0;
	n = (n + 63) & ~(size_t)63;
	if ((p = hl__malloc(n)) == NULL)
		return -1;
	hl__free(tb->buf);
	tb->buf = p;
	tb->cap = n;
	return 0;
}

const char *
hl__report_render(struct hl_report *r, struct hl__tbuf *tb,
    const struct hl__text *t)
{
	size_t n;

	if (t == NULL || t->src == NULL)
		return "";
	if (tb->gen == r->gen && tb->buf != NULL)
		return tb->buf;
	n = hl__text_render(t, r->slots, tb->buf, tb->cap);
	if (n >= tb->cap) {
		if (tbuf_grow(tb, n + 1) != 0)
			return NULL;
		(void)hl__text_render(t, r->slots, tb->buf, tb->cap);
	}
	tb->gen = r->gen;
	return tb->buf;
}

const char *
hl__report_evidence_text(struct hl_report *r, struct hl__evidence *e)
{
	/*
	 * An explanation states what the runner's values show, which is
	 * only true of evidence that fired; the rest is shown as its
	 * condition, so an unknown value never reads "your unknown km".
	 */
	if (e->explain == NULL || e->state != HL_STATE_FIRED)
		return e->when;
	return hl__report_render(r, &e->text, e->explain);
}

const char *
hl__report_warning_text(struct hl_report *r, size_t i)
{
	struct hl__tbuf *tb = &r->warn_text[i];
	int n;

	if (tb->gen == r->gen && tb->buf != NULL)
		return tb->buf;
	if (tbuf_grow(tb, WARNING_CAP) != 0)
		return NULL;
	n = hl__warning_text(&r->warn[i], &r->full, tb->buf, tb->cap);
	if (n < 0)
		tb->buf[0] = '\0';
	else if ((size_t)n >= tb->cap) {
		if (tbuf_grow(tb, (size_t)n + 1) != 0)
			return NULL;
		(void)hl__warning_text(&r->warn[i], &r->full, tb->buf,
		    tb->cap);
	}
	tb->gen = r->gen;
	return tb->buf;
}

const char *
hl__report_disclaimer(const struct hl_report *r)
{
	if (r->rb == NULL || r->rb->disclaimer == NULL)
		return HL__DEFAULT_DISCLAIMER;
	return r->rb->disclaimer;
}

void
hl_report_free(hl_report *r)
{
	size_t i;

	if (r == NULL)
		return;
	for (i = 0; i < r->cap_recs; i++)
		hl__free(r->recs[i].advice_text.buf);
	for (i = 0; i < r->cap_ev; i++)
		hl__free(r->ev[i].text.buf);
	for (i = 0; i < HL__MAX_WARNINGS; i++)
		hl__free(r->warn_text[i].buf);
	hl__free(r->slots);
	hl__free(r->recs);
	hl__free(r->list);
	hl__free(r->ev);
	hl__free(r);
}

int
hl_report_triage(const hl_report *r)
{
	return r != NULL ? r->triage : 0;
}

const char *
hl_report_triage_name(const hl_report *r)
{
	return r != NULL ? hl__urgency_name(r->triage) : NULL;
}

int
hl_report_suppress_training_advice(const hl_report *r)
{
	return r != NULL ? r->suppress : 0;
}

double
hl_report_confidence(const hl_report *r)
{
	return r != NULL ? r->confidence : NAN;
}

int
hl_report_screen_complete(const hl_report *r)
{
	return r != NULL ? r->screen_complete : 0;
}

int
hl_report_triage_high(const hl_report *r)
{
	return r != NULL ? r->triage_high : 0;
}

size_t
hl_report_count(const hl_report *r)
{
	return r != NULL ? r->nlist : 0;
}

const hl_finding *
hl_report_finding(const hl_report *r, size_t i)
{
	if (r == NULL || i >= r->nlist)
		return NULL;
	return r->list[i];
}

size_t
hl_report_question_count(const hl_report *r)
{
	return r != NULL ? r->nquestions : 0;
}

const char *
hl_report_question(const hl_report *r, size_t i)
{
	if (r == NULL || i >= r->nquestions)
		return NULL;
	return r->questions[i];
}

size_t
hl_report_warning_count(const hl_report *r)
{
	return r != NULL ? r->nwarn : 0;
}

const char *
hl_report_warning(const hl_report *r, size_t i)
{
	if (r == NULL || i >= r->nwarn)
		return NULL;
	/* rendering fills a buffer the report owns: not a caller-visible write */
	return hl__report_warning_text((struct hl_report *)r, i);
}

const char *
hl_report_disclaimer(const hl_report *r)
{
	return r != NULL ? hl__report_disclaimer(r) : NULL;
}

int
hl_finding_kind(const hl_finding *f)
{
	return f != NULL ? f->kind : 0;
}

const char *
hl_finding_id(const hl_finding *f)
{
	return f != NULL ? f->id : NULL;
}

const char *
hl_finding_title(const hl_finding *f)
{
	return f != NULL ? f->title : NULL;
}

const char *
hl_finding_advice(const hl_finding *f)
{
	struct hl_finding *m = (struct hl_finding *)f;

	if (f == NULL)
		return NULL;
	return hl__report_render(m->report, &m->advice_text, f->advice);
}

double
hl_finding_score(const hl_finding *f)
{
	return f != NULL ? f->score : NAN;
}

double
hl_finding_score_low(const hl_finding *f)
{
	return f != NULL ? f->score_low : NAN;
}

double
hl_finding_score_high(const hl_finding *f)
{
	return f != NULL ? f->score_high : NAN;
}

const char *
hl_finding_band(const hl_finding *f)
{
	return f != NULL ? f->band : NULL;
}

double
hl_finding_coverage(const hl_finding *f)
{
	return f != NULL ? f->coverage : NAN;
}

int
hl_finding_urgency(const hl_finding *f)
{
	return f != NULL ? f->urgency : 0;
}

int
hl_finding_secondary(const hl_finding *f)
{
	return f != NULL ? f->secondary : 0;
}

size_t
hl_finding_evidence_count(const hl_finding *f)
{
	return f != NULL ? f->nev : 0;
}

static struct hl__evidence *
evidence(const hl_finding *f, size_t i)
{
	if (f == NULL || i >= f->nev)
		return NULL;
	return &f->report->ev[f->ev0 + i];
}

const char *
hl_finding_evidence_when(const hl_finding *f, size_t i)
{
	struct hl__evidence *e = evidence(f, i);

	return e != NULL ? e->when : NULL;
}

double
hl_finding_evidence_weight(const hl_finding *f, size_t i)
{
	struct hl__evidence *e = evidence(f, i);

	return e != NULL ? e->weight : NAN;
}

int
hl_finding_evidence_state(const hl_finding *f, size_t i)
{
	struct hl__evidence *e = evidence(f, i);

	return e != NULL ? e->state : 0;
}

const char *
hl_finding_evidence_text(const hl_finding *f, size_t i)
{
	struct hl__evidence *e = evidence(f, i);

	return e != NULL ? hl__report_evidence_text(f->report, e) : NULL;
}
