/* SPDX-License-Identifier: MIT */
/* report.h - the assessment report and its findings, shared by assess.c, report.c and json.c (internal). */
#ifndef HL_REPORT_H
#define HL_REPORT_H

#include <stddef.h>
#include <stdint.h>

#include "heavylegs.h"
#include "rules.h"
#include "vocab.h"

/* The red-flag screen of heavylegs-domain(7), QUESTIONS, asked first when unanswered. */
#define HL__SCREEN_COUNT	13
/* At most this many further questions ranked by gain. */
#define HL__MAX_GAIN_QUESTIONS	8
#define HL__MAX_QUESTIONS	(HL__SCREEN_COUNT + HL__MAX_GAIN_QUESTIONS)

/*
 * A text rendered on demand into a buffer the report owns.  The buffer is
 * kept (and only ever grown) across reuses of the report; its contents are
 * current when gen equals the report's generation.
 */
struct hl__tbuf {
	char	*buf;
	size_t	 cap;
	uint64_t gen;
};

/* One evidence entry of a finding. */
struct hl__evidence {
	const char *when;		/* condition source, never NULL */
	const struct hl__text *explain;	/* NULL: the text is `when` */
	double	 weight;		/* NaN for a strategy's `when` */
	int	 state;			/* HL_STATE_* */
	int	 unsettled;		/* cause item: could still change with
					 * an answer (see assess.c) */
	size_t	 index;			/* item (cause) or level (red flag) */
	struct hl__tbuf text;
};

/*
 * The result for one rule.  The report holds one per red flag, cause and
 * strategy of its rulebase (in that order); the listed findings point into
 * this array.
 */
struct hl_finding {
	struct hl_report *report;
	int	 kind;			/* HL_FINDING_* */
	size_t	 index;			/* within its kind, file order */
	const char *id;
	const char *title;
	const struct hl__text *advice;
	double	 score;			/* NaN when none */
	double	 score_low, score_high;	/* causes: the honest bounds */
	double	 coverage;		/* NaN unless a cause */
	const char *band;		/* never NULL */
	int	 urgency;
	int	 secondary;
	int	 listed;		/* fired flag, every cause, suggested strategy */
	int	 own;			/* strategy with its own trigger */
	size_t	 ev0;			/* first evidence entry in report->ev */
	size_t	 nev;
	struct hl__tbuf advice_text;
};

struct hl_report {
	const struct hl_rulebase *rb;	/* read for names and text; never written */
	uint64_t gen;			/* bumped by every hl_assess */
	int	 triage;
	int	 triage_high;		/* the worst the unknowns could make it */
	int	 screen_complete;	/* every screen question answered */
	int	 assessed;		/* slots hold this runner's values */
	int	 suppress;
	double	 confidence;		/* NaN when the rulebase has no causes */
	int	 confidence_low;

	double	*slots;			/* the value vector (vocab.h) */
	size_t	 cap_slots;
	struct hl_finding *recs;	/* flags, causes, strategies */
	size_t	 cap_recs;
	struct hl_finding **list;	/* the findings in report order */
	size_t	 nlist;			/* capacity: cap_recs */
	struct hl__evidence *ev;
	size_t	 cap_ev;

	const char *questions[HL__MAX_QUESTIONS];
	size_t	 nquestions;

	struct hl__warning warn[HL__MAX_WARNINGS];
	size_t	 nwarn;
	struct hl__tbuf warn_text[HL__MAX_WARNINGS];

	hl_inputs full;			/* the imported inputs, for warning text */

	/* scratch for next questions, indexed by input def */
	double	 gain[HL__NINPUT_SLOTS];
	size_t	 mark[HL__NINPUT_SLOTS];
};

/* Name of urgency u (0..4): "none" ... "emergency"; "" when out of range. */
const char *hl__urgency_name(int u);
/* Band of a score: "low", "moderate", "high". */
const char *hl__band_name(double score);

/*
 * The text of a template for report r, rendered into tb unless it is
 * current already.  Returns "" for an absent template and NULL when the
 * buffer could not be grown.
 */
const char *hl__report_render(struct hl_report *r, struct hl__tbuf *tb,
    const struct hl__text *t);
/* Text of evidence entry e of report r (rendered explain, else `when`). */
const char *hl__report_evidence_text(struct hl_report *r,
    struct hl__evidence *e);
/* Text of warning i of report r, or NULL when out of memory. */
const char *hl__report_warning_text(struct hl_report *r, size_t i);
/* The rulebase's disclaimer (the default text when it has none). */
const char *hl__report_disclaimer(const struct hl_report *r);

#endif
