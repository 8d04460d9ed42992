/* SPDX-License-Identifier: MIT */
/* assess.c - evaluate a rulebase against a runner's inputs into a report. */

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "alloc.h"
#include "error.h"
#include "expr.h"
#include "heavylegs.h"
#include "report.h"
#include "rules.h"
#include "vocab.h"

/*
 * The red-flag screen (heavylegs-domain(7), QUESTIONS), asked in this order whenever
 * unanswered, whatever the rulebase and the confidence.  Each entry names
 * its field once: the question is the field's name.
 */
#define SCREEN_FIELDS(X)						\
	X(heaviness_side)						\
	X(calf_swelling_one_side)					\
	X(leg_warm_red_tender)						\
	X(chest_pain_or_breathlessness)					\
	X(exertional_palpitations_or_fainting)				\
	X(fever_now)							\
	X(numbness_tingling)						\
	X(skin_change)							\
	X(dark_urine_after_run)						\
	X(heaviness_onset)						\
	X(heaviness_severity)						\
	X(leg_weakness_or_foot_drop)					\
	X(saddle_numbness_or_bladder_bowel_change)
#define SCREEN(field)	{ #field, HL__SLOT_OF(field) },
static const struct {
	const char	*name;
	size_t		 slot;
} screen[HL__SCREEN_COUNT] = {
	SCREEN_FIELDS(SCREEN)
};
#undef SCREEN
/* 1 at the value slot of each screen field. */
#define SCREEN_MARK(field)	[HL__SLOT_OF(field)] = 1,
static const unsigned char screen_slot[HL__NINPUT_SLOTS] = {
	SCREEN_FIELDS(SCREEN_MARK)
};
#undef SCREEN_MARK

/* Relative tolerance under which two question gains count as a tie. */
#define GAIN_TIE	1e-12

/*
 * heavylegs-domain(7), SCORING: confidence (the mean coverage of the
 * causes) below CONFIDENCE_LOW is low; QUESTIONS: the questions ranked by
 * gain are asked when confidence is low or the leading cause's coverage is
 * below LEAD_COVERAGE_ASK.  A question costing more than COST_FREE divides
 * its gain by its cost.
 */
/* Findings sorted by insertion in runs of this many, then merged. */
#define ORDER_RUN		16
#define CONFIDENCE_LOW		0.25
#define LEAD_COVERAGE_ASK	0.5
#define COST_FREE		1
/* Value slot 0 is the double at this byte offset of hl_inputs (vocab.h). */
#define INPUTS_FIRST_SLOT	offsetof(hl_inputs, age_years)

/* HL_STATE_* of one lane of a lane code (hl__expr_lanes). */
static const signed char lane_state[4] = {
	HL_STATE_UNKNOWN, HL_STATE_FIRED, HL_STATE_NOT_FIRED, HL_STATE_UNKNOWN
};

/* Three-valued truth of a condition as an evidence state; absent is true. */
static int
cond_state(const struct hl__cond *c, const double *slots)
{
	if (c->expr == NULL)
		return HL_STATE_FIRED;
	return lane_state[hl__expr_lanes(c->expr, slots) & 3];
}

/*
 * cond_state() returned, and in *so the state that holds whatever the
 * unknown inputs turn out to be: as cond_state, except that known() of an
 * unknown value is unknown (it may yet become known).  One evaluation.
 */
static int
cond_states(const struct hl__cond *c, const double *slots, int *so)
{
	unsigned code;

	if (c->expr == NULL)
		return *so = HL_STATE_FIRED;
	code = hl__expr_lanes(c->expr, slots);
	*so = lane_state[code >> 2 & 3];
	return lane_state[code & 3];
}

static const char *
cond_src(const struct hl__cond *c)
{
	return c->src != NULL ? c->src : "";
}

/*
 * The capacities a report needs for rulebase rb; at least one of each, so
 * that no array is ever NULL (not even &ev[0] of a rulebase without any).
 */
static void
needs(const struct hl_rulebase *rb, size_t *nslots, size_t *nrecs,
    size_t *nev)
{
	size_t i, n;

	n = HL__RULE_BASE + rb->nrules + 1;
	*nslots = rb->nslots > n ? rb->nslots : n;
	*nrecs = rb->nflags + rb->ncauses + rb->nstrategies;
	n = rb->nstrategies;
	for (i = 0; i < rb->nflags; i++)
		n += rb->flags[i].nlevels;
	for (i = 0; i < rb->ncauses; i++)
		n += rb->causes[i].nitems;
	*nev = n > 0 ? n : 1;
	if (*nrecs == 0)
		*nrecs = 1;
}

/*
 * Grow r's arrays to what rb needs; nothing is allocated when they are
 * large enough already.  On failure the arrays that did grow stay valid
 * and the capacities stay true.
 */
static int
reserve(struct hl_report *r, const struct hl_rulebase *rb)
{
	size_t ns, nr, ne;
	void *p;

	needs(rb, &ns, &nr, &ne);
	if (ns > r->cap_slots) {
		if ((p = hl__realloc(r->slots, ns * sizeof *r->slots)) == NULL)
			return HL_ENOMEM;
		r->slots = p;
		r->cap_slots = ns;
	}
	if (nr > r->cap_recs) {
		if ((p = hl__realloc(r->recs, nr * sizeof *r->recs)) == NULL)
			return HL_ENOMEM;
		r->recs = p;
		memset(r->recs + r->cap_recs, 0,
		    (nr - r->cap_recs) * sizeof *r->recs);
		/* the second half: scratch for order_findings() */
		if ((p = hl__realloc(r->list, 2 * nr * sizeof *r->list)) == NULL)
			return HL_ENOMEM;
		r->list = p;
		r->cap_recs = nr;
	}
	if (ne > r->cap_ev) {
		if ((p = hl__realloc(r->ev, ne * sizeof *r->ev)) == NULL)
			return HL_ENOMEM;
		r->ev = p;
		memset(r->ev + r->cap_ev, 0, (ne - r->cap_ev) * sizeof *r->ev);
		r->cap_ev = ne;
	}
	return HL_OK;
}

/* A report holding no results, bound to rb; earlier text is invalidated. */
static void
set_empty(struct hl_report *r, const struct hl_rulebase *rb)
{
	r->rb = rb;
	r->gen++;
	r->triage = 0;
	r->triage_high = 0;
	r->screen_complete = 0;
	r->assessed = 0;
	r->suppress = 0;
	r->confidence = NAN;
	r->confidence_low = 0;
	r->nlist = 0;
	r->nquestions = 0;
	r->nwarn = 0;
}

static void
init_rec(struct hl_report *r, struct hl_finding *f, int kind, size_t index,
    const char *id, const char *title, const struct hl__text *advice,
    size_t ev0)
{
	f->report = r;
	f->kind = kind;
	f->index = index;
	f->id = id != NULL ? id : "";
	f->title = title != NULL ? title : "";
	f->advice = advice;
	f->score = NAN;
	f->score_low = NAN;
	f->score_high = NAN;
	f->coverage = NAN;
	f->band = "";
	f->urgency = 0;
	f->secondary = 0;
	f->listed = 0;
	f->own = 0;
	f->ev0 = ev0;
	f->nev = 0;
}

static void
set_evidence(struct hl__evidence *e, const char *when,
    const struct hl__text *explain, double weight, int state, size_t index)
{
	e->when = when;
	e->explain = explain != NULL && explain->src != NULL ? explain : NULL;
	e->weight = weight;
	e->state = state;
	e->index = index;
	e->unsettled = 0;
}

/* Red flag i: the highest true level; fired slot 1 / 0 / NaN. */
static void
eval_flag(struct hl_report *r, size_t i)
{
	const struct hl__flag *fl = &r->rb->flags[i];
	struct hl_finding *f = &r->recs[i];
	struct hl__evidence *e = &r->ev[f->ev0];
	double *s = r->slots;
	int any_true = 0, all_false = 1, u = 0, uh = 0, st, so;
	size_t j;

	for (j = 0; j < fl->nlevels; j++) {
		st = cond_states(&fl->levels[j].when, s, &so);
		set_evidence(&e[j], cond_src(&fl->levels[j].when), NULL,
		    fl->levels[j].urgency, st, j);
		if (st == HL_STATE_FIRED) {
			if (!any_true || fl->levels[j].urgency > u)
				u = fl->levels[j].urgency;
			any_true = 1;
		}
		if (st != HL_STATE_NOT_FIRED)
			all_false = 0;
		/* true, or could be: the worst it may come to */
		if (so != HL_STATE_NOT_FIRED && fl->levels[j].urgency > uh)
			uh = fl->levels[j].urgency;
	}
	f->nev = fl->nlevels;
	f->listed = any_true;
	f->urgency = any_true ? u : 0;
	if (uh > r->triage_high)
		r->triage_high = uh;
	f->band = hl__urgency_name(f->urgency);
	s[HL__RULE_BASE + i] = any_true ? 1.0 : all_false ? 0.0 : NAN;
}

/*
 * Cause c: noisy-OR of the fired items with the leak, scaled by the
 * strongest true lowering factor; coverage over the applicable items.
 *
 * An item whose `applies` is unknown counts in coverage's denominator
 * only: its weight is applicable but not evaluable, and it cannot fire.
 *
 * The honest bounds read every condition as the open state of cond_states(), so that
 * "not known(x) or ..." is not taken as settled while x is unknown.
 * score_high lets every item that is not known false fire at its largest
 * such band, and only the lowering factors known true act; score_low lets
 * only the items known true fire and every lowering factor not known false
 * act.  Noisy-OR is monotone, so score_low <= score <= score_high, and
 * answering unknown inputs keeps the score within them (the derived
 * metrics taken as computed).
 */
static void
eval_cause(struct hl_report *r, size_t c)
{
	const struct hl_rulebase *rb = r->rb;
	const struct hl__cause *ca = &rb->causes[c];
	struct hl_finding *f = &r->recs[rb->nflags + c];
	struct hl__evidence *e = &r->ev[f->ev0];
	double *s = r->slots;
	double score, low, high, lower, lower_hi, lower_lo, total = 0,
	    known = 0;
	size_t i, b, n = 0;

	score = low = high = ca->leak;
	for (i = 0; i < ca->nitems; i++) {
		const struct hl__item *it = &ca->items[i];
		const struct hl__band *bd = it->bands;
		long best = -1, sure = -1, maybe = -1;
		int evaluable = 0, settled = 0, st, so, ap = HL_STATE_FIRED,
		    apo;

		if (it->nbands == 0)
			continue;
		if (it->applies.expr == NULL)
			apo = HL_STATE_FIRED;
		else {
			ap = cond_states(&it->applies, s, &apo);
			if (ap == HL_STATE_NOT_FIRED &&
			    apo == HL_STATE_NOT_FIRED)
				continue;
		}
		b = 0;
		if (it->nbands == 1) {
			/* a plain item: its band is the best, sure or maybe */
			st = cond_states(&bd[0].when, s, &so);
			evaluable = st != HL_STATE_UNKNOWN;
			settled = so != HL_STATE_UNKNOWN;
			best = st == HL_STATE_FIRED ? 0 : -1;
			sure = so == HL_STATE_FIRED ? 0 : -1;
			maybe = so != HL_STATE_NOT_FIRED ? 0 : -1;
			b = 1;
		}
		for (; b < it->nbands; b++) {
			st = cond_states(&bd[b].when, s, &so);
			if (st != HL_STATE_UNKNOWN)
				evaluable = 1;
			if (so != HL_STATE_UNKNOWN)
				settled = 1;
			if (st == HL_STATE_FIRED &&
			    (best < 0 || bd[b].weight > bd[best].weight))
				best = (long)b;
			if (so == HL_STATE_FIRED &&
			    (sure < 0 || bd[b].weight > bd[sure].weight))
				sure = (long)b;
			if (so != HL_STATE_NOT_FIRED &&
			    (maybe < 0 || bd[b].weight > bd[maybe].weight))
				maybe = (long)b;
			/*
			 * True whatever the unknowns (so true as read too),
			 * and no later band weighs more: none changes best,
			 * sure, maybe, evaluable or settled.
			 */
			if (so == HL_STATE_FIRED && bd[b].last)
				break;
		}
		if (apo == HL_STATE_UNKNOWN)
			sure = -1;
		if (maybe >= 0)
			high += bd[maybe].weight * (1.0 - high);
		if (sure >= 0)
			low += bd[sure].weight * (1.0 - low);
		/*
		 * Coverage counts what is settled whatever the unknowns turn
		 * out to be, so that forgetting an answer never raises it:
		 * an item that only might apply ("unless x" with x unknown)
		 * is applicable but not evaluable.
		 */
		if (apo != HL_STATE_NOT_FIRED) {
			total += it->top_weight;
			if (apo == HL_STATE_FIRED && settled)
				known += it->top_weight;
		}
		if (ap == HL_STATE_NOT_FIRED)
			continue;	/* dropped, though it might apply */
		if (ap == HL_STATE_UNKNOWN) {
			/* applicable, not evaluable, and it cannot fire */
			evaluable = 0;
			best = -1;
		}
		if (best >= 0) {
			/* 1 - (1 - s)(1 - w), exact for s alone */
			score += bd[best].weight * (1.0 - score);
			set_evidence(&e[n], cond_src(&bd[best].when),
			    &bd[best].explain, bd[best].weight,
			    HL_STATE_FIRED, i);
		} else
			set_evidence(&e[n], cond_src(&bd[it->top].when),
			    &bd[it->top].explain, it->top_weight, evaluable ?
			    HL_STATE_NOT_FIRED : HL_STATE_UNKNOWN, i);
		e[n].unsettled = apo != HL_STATE_FIRED || !settled;
		n++;
	}
	lower = lower_hi = lower_lo = 0;
	for (i = 0; i < ca->nlowers; i++) {
		const struct hl__lower *lo = &ca->lowers[i];
		int st, so;

		/* lower_hi <= lower <= lower_lo: a weaker one changes none */
		if (!(lo->by > lower_hi))
			continue;
		st = cond_states(&lo->when, s, &so);
		if (st == HL_STATE_FIRED && lo->by > lower)
			lower = lo->by;
		if (so == HL_STATE_FIRED)
			lower_hi = lo->by;
		if (so != HL_STATE_NOT_FIRED && lo->by > lower_lo)
			lower_lo = lo->by;
	}
	score *= 1.0 - lower;
	f->score = score;
	f->score_low = low * (1.0 - lower_lo);
	f->score_high = high * (1.0 - lower_hi);
	f->coverage = total > 0 ? known / total : 0;
	f->band = hl__band_name(score);
	f->listed = 1;
	f->nev = n;
	s[HL__RULE_BASE + rb->nflags + c] = score >= HL__BAND_MODERATE ? 1 : 0;
}

/* Strategy i: suggested or not, its score and its `when` as evidence. */
static void
eval_strategy(struct hl_report *r, size_t i)
{
	const struct hl_rulebase *rb = r->rb;
	const struct hl__strategy *sg = &rb->strategies[i];
	struct hl_finding *f = &r->recs[rb->nrules + i];
	double best = NAN, sc;
	size_t a, ri;
	int st, ok;

	for (a = 0; a < sg->naddresses; a++) {
		ri = sg->addresses[a];
		if (ri < rb->nflags || ri >= rb->nrules)
			continue;
		sc = r->recs[ri].score;
		if (sc >= sg->min_score && (isnan(best) || sc > best))
			best = sc;
	}
	st = cond_state(&sg->when, r->slots);
	if (sg->naddresses > 0) {
		ok = !isnan(best) && st == HL_STATE_FIRED;
		f->score = best;
		f->band = isnan(best) ? "" : hl__band_name(best);
	} else {
		ok = sg->when.expr != NULL && st == HL_STATE_FIRED;
		f->own = 1;
	}
	if (r->suppress && !sg->safety)
		ok = 0;
	f->listed = ok;
	if (sg->when.expr != NULL) {
		set_evidence(&r->ev[f->ev0], cond_src(&sg->when), NULL, NAN,
		    st, 0);
		f->nev = 1;
	}
}

/* Whether finding a goes before finding b in the report. */
static int
before(const struct hl_finding *a, const struct hl_finding *b)
{
	if (a->kind != b->kind)
		return a->kind < b->kind;
	switch (a->kind) {
	case HL_FINDING_RED_FLAG:
		if (a->urgency != b->urgency)
			return a->urgency > b->urgency;
		break;
	case HL_FINDING_CAUSE:
		if (a->score != b->score)
			return a->score > b->score;
		if (a->coverage != b->coverage)
			return a->coverage > b->coverage;
		break;
	default:
		if (a->own != b->own)
			return a->own;
		if (!a->own && a->score != b->score)
			return a->score > b->score;
		break;
	}
	return a->index < b->index;
}

/* List the findings in report order (before()); see below. */
static void
order_findings(struct hl_report *r, size_t nrecs)
{
	struct hl_finding **a = r->list, **t = r->list + r->cap_recs, **x;
	size_t i, j, k, n = 0, w, lo, mid, hi;

	for (i = 0; i < nrecs; i++)
		if (r->recs[i].listed)
			a[n++] = &r->recs[i];
	/*
	 * A bottom-up merge sort, stable: runs of ORDER_RUN by insertion,
	 * then merges that take from the right run only when its head comes
	 * strictly before the left one's (ties keep file order).
	 */
	for (lo = 0; lo < n; lo += ORDER_RUN) {
		hi = lo + ORDER_RUN < n ? lo + ORDER_RUN : n;
		for (i = lo + 1; i < hi; i++) {
			struct hl_finding *f = a[i];

			for (j = i; j > lo && before(f, a[j - 1]); j--)
				a[j] = a[j - 1];
			a[j] = f;
		}
	}
	for (w = ORDER_RUN; w < n; w *= 2) {
		for (lo = 0; lo < n; lo += 2 * w) {
			mid = lo + w < n ? lo + w : n;
			hi = lo + 2 * w < n ? lo + 2 * w : n;
			i = lo, j = mid, k = lo;
			while (i < mid && j < hi)
				t[k++] = before(a[j], a[i]) ? a[j++] : a[i++];
			while (i < mid)
				t[k++] = a[i++];
			while (j < hi)
				t[k++] = a[j++];
		}
		x = a, a = t, t = x;
	}
	if (a != r->list)
		memcpy(r->list, a, n * sizeof *a);
	r->nlist = n;
}

/* Whether every value slot of input def d is unknown. */
static int
input_unknown(const double *s, int d)
{
	size_t k, slot = hl__input_slot(d);
	int len = hl__input_defs[d].length;

	for (k = 0; k < (size_t)(len > 0 ? len : 1); k++)
		if (!isnan(s[slot + k]))
			return 0;
	return 1;
}

/* Whether gain a (input def da) ranks before gain b (def db). */
static int
gain_before(double a, int da, double b, int db)
{
	double tol = GAIN_TIE * (a > b ? a : b);

	if (a - b > tol)
		return 1;
	if (b - a > tol)
		return 0;
	return strcmp(hl__input_defs[da].name, hl__input_defs[db].name) < 0;
}

/*
 * Next questions, heavylegs-domain(7), QUESTIONS.  Each unsettled item
 * credits its weight to the inputs it needs (hl__item.need0, worked out at
 * load); r->mark lists the inputs credited, in ascending order for the
 * ranking.
 */
static void
ask(struct hl_report *r, const struct hl_finding *first_cause)
{
	const struct hl_rulebase *rb = r->rb;
	const double *s = r->slots;
	size_t nd = hl__input_ndefs, c, k, j, q, n = 0, m;
	double w;
	int d, pick;

	r->nquestions = 0;
	for (k = 0; k < HL__SCREEN_COUNT; k++)
		if (isnan(s[screen[k].slot]))
			r->questions[r->nquestions++] = screen[k].name;
	if (!r->confidence_low && (first_cause == NULL ||
	    !(first_cause->coverage < LEAD_COVERAGE_ASK)))
		return;

	if (nd > HL__NINPUT_SLOTS)
		nd = HL__NINPUT_SLOTS;
	memset(r->gain, 0, nd * sizeof *r->gain);
	for (c = 0; c < rb->ncauses; c++) {
		const struct hl_finding *f = &r->recs[rb->nflags + c];
		const struct hl__evidence *e = &r->ev[f->ev0];
		double open = 1.0 - f->coverage;

		if (!(open > 0))
			continue;
		for (k = 0; k < f->nev; k++) {
			const struct hl__item *it;

			if (e[k].state != HL_STATE_UNKNOWN && !e[k].unsettled)
				continue;
			it = &rb->causes[c].items[e[k].index];
			w = it->top_weight * open;
			for (j = 0; j < it->nneed; j++) {
				d = rb->needs[it->need0 + j];
				if ((size_t)d >= nd)
					continue;
				if (r->gain[d] == 0) {
					/* first credit: w > 0 */
					for (m = n; m > 0 &&
					    r->mark[m - 1] > (size_t)d; m--)
						r->mark[m] = r->mark[m - 1];
					r->mark[m] = (size_t)d;
					n++;
				}
				r->gain[d] += w;
			}
		}
	}
	for (k = m = 0; k < n; k++) {
		d = (int)r->mark[k];
		if (screen_slot[hl__input_slot(d)] || !input_unknown(s, d)) {
			r->gain[d] = 0;
			continue;
		}
		if (hl__input_defs[d].cost > COST_FREE)
			r->gain[d] /= hl__input_defs[d].cost;
		r->mark[m++] = (size_t)d;
	}
	n = m;
	for (q = 0; q < HL__MAX_GAIN_QUESTIONS; q++) {
		pick = -1;
		for (k = 0; k < n; k++) {
			d = (int)r->mark[k];
			if (r->gain[d] > 0 && (pick < 0 || gain_before(
			    r->gain[d], d, r->gain[pick], pick)))
				pick = d;
		}
		if (pick < 0)
			break;
		r->gain[pick] = 0;
		r->questions[r->nquestions++] = hl__input_defs[pick].name;
	}
}

/* Evaluate rb against r->full into r (capacities are reserved). */
static void
evaluate(struct hl_report *r, const struct hl_rulebase *rb)
{
	double *s = r->slots;
	const struct hl_finding *first_cause = NULL;
	size_t nf = rb->nflags, nc = rb->ncauses, nrecs, i, ev0 = 0, k;
	double sum;

	r->rb = rb;
	r->gen++;
	r->assessed = 1;
	memcpy(s, (const char *)&r->full + INPUTS_FIRST_SLOT,
	    HL__NINPUT_SLOTS * sizeof *s);
	if (hl__menses_ignored(&r->full))
		s[HL__SLOT_OF(menstrual_status)] = NAN;
	hl__derive(&r->full, s + HL__METRIC_BASE);
	for (k = HL__RULE_BASE; k < r->cap_slots; k++)
		s[k] = NAN;

	for (i = 0; i < nf; i++) {
		init_rec(r, &r->recs[i], HL_FINDING_RED_FLAG, i,
		    rb->flags[i].id, rb->flags[i].title, &rb->flags[i].advice,
		    ev0);
		ev0 += rb->flags[i].nlevels;
	}
	for (i = 0; i < nc; i++) {
		init_rec(r, &r->recs[nf + i], HL_FINDING_CAUSE, i,
		    rb->causes[i].id, rb->causes[i].title,
		    &rb->causes[i].advice, ev0);
		ev0 += rb->causes[i].nitems;
	}
	for (i = 0; i < rb->nstrategies; i++) {
		init_rec(r, &r->recs[nf + nc + i], HL_FINDING_STRATEGY, i,
		    rb->strategies[i].id, rb->strategies[i].title,
		    &rb->strategies[i].advice, ev0);
		ev0 += 1;
	}
	nrecs = nf + nc + rb->nstrategies;

	r->triage_high = 0;
	for (k = 0; k < rb->nrules; k++) {
		i = rb->order[k];
		if (i < nf)
			eval_flag(r, i);
		else if (i < rb->nrules)
			eval_cause(r, i - nf);
	}

	r->triage = 0;
	r->screen_complete = 1;
	for (k = 0; k < HL__SCREEN_COUNT; k++)
		if (isnan(s[screen[k].slot]))
			r->screen_complete = 0;
	for (i = 0; i < nf; i++)
		if (r->recs[i].listed && r->recs[i].urgency > r->triage)
			r->triage = r->recs[i].urgency;
	r->suppress = r->triage >= rb->suppress_at;
	s[HL__RULE_BASE + rb->nrules] = r->triage;

	sum = 0;
	for (i = 0; i < nc; i++) {
		r->recs[nf + i].secondary = r->suppress;
		sum += r->recs[nf + i].coverage;
	}
	r->confidence = nc > 0 ? sum / (double)nc : NAN;
	r->confidence_low = r->confidence < CONFIDENCE_LOW;

	for (i = 0; i < rb->nstrategies; i++)
		eval_strategy(r, i);

	order_findings(r, nrecs);
	for (i = 0; i < r->nlist; i++)
		if (r->list[i]->kind == HL_FINDING_CAUSE) {
			first_cause = r->list[i];
			break;
		}
	ask(r, first_cause);
}

int
hl_assess(const hl_rulebase *rb, const hl_inputs *in, hl_report **out,
    hl_error *err)
{
	struct hl__warning warn[HL__MAX_WARNINGS];
	hl_inputs full;
	struct hl_report *r;
	size_t nwarn = 0;
	int rc;

	hl__error_clear(err);
	if (rb == NULL || in == NULL || out == NULL)
		return hl__error_set(err, HL_EINVAL, NULL, 0, 0, NULL,
		    rb == NULL ? "rb" : in == NULL ? "in" : "out",
		    "hl_assess: %s is NULL",
		    rb == NULL ? "the rulebase" : in == NULL ? "the inputs" :
		    "the report pointer");
	r = *out;

	if ((rc = hl__inputs_import(in, &full, err)) != HL_OK ||
	    (rc = hl__inputs_validate(&full, err, warn, &nwarn)) != HL_OK)
		goto fail;
	if (nwarn > HL__MAX_WARNINGS)
		nwarn = HL__MAX_WARNINGS;

	if (r == NULL) {
		if ((r = hl__calloc(1, sizeof *r)) == NULL ||
		    reserve(r, rb) != HL_OK) {
			hl_report_free(r);
			return hl__error_set(err, HL_ENOMEM, NULL, 0, 0, NULL,
			    NULL, "out of memory");
		}
		*out = r;
	} else if (reserve(r, rb) != HL_OK) {
		rc = hl__error_set(err, HL_ENOMEM, NULL, 0, 0, NULL, NULL,
		    "out of memory");
		goto fail;
	}

	memcpy(&r->full, &full, sizeof full);
	memcpy(r->warn, warn, nwarn * sizeof *warn);
	r->nwarn = nwarn;
	evaluate(r, rb);
	return HL_OK;

fail:
	if (r != NULL)
		set_empty(r, rb);
	return rc;
}
