/* SPDX-License-Identifier: MIT */
/* walk.h - reads everything a report offers (shared by the fuzz targets). */
#ifndef HL_FUZZ_WALK_H
#define HL_FUZZ_WALK_H

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "heavylegs.h"

/* A text accessor gives a NUL-terminated string or NULL, never garbage. */
static void
fuzz_text(const char *s, int may_be_null)
{
	if (s == NULL) {
		if (!may_be_null)
			abort();
		return;
	}
	(void)strlen(s);
}

/*
 * Every accessor, every text, and hl_report_json() at buffer sizes from 0
 * to the one it needs: every size when step is 1 and the JSON is at most
 * 1 KiB; otherwise every size up to 256 and in the last 256, and some 128
 * sizes evenly spaced between (each call writes the whole document, so
 * every size of a 20 KiB one would take seconds per input).
 */
static void
fuzz_walk(const hl_report *rep, size_t step)
{
	const hl_finding *f;
	char *json, *full;
	size_t i, j, n, need, need2, cap;
	int rc, t;
	double d;

	t = hl_report_triage(rep);
	if (t < HL_URGENCY_NONE || t > HL_URGENCY_EMERGENCY ||
	    hl_report_triage_high(rep) < t ||
	    hl_report_triage_high(rep) > HL_URGENCY_EMERGENCY)
		abort();
	fuzz_text(hl_report_triage_name(rep), 1);
	(void)hl_report_suppress_training_advice(rep);
	(void)hl_report_screen_complete(rep);
	d = hl_report_confidence(rep);
	if (!isnan(d) && (d < 0 || d > 1))
		abort();
	fuzz_text(hl_report_disclaimer(rep), 0);
	n = hl_report_count(rep);
	for (i = 0; i < n; i++) {
		f = hl_report_finding(rep, i);
		if (f == NULL)
			abort();
		(void)hl_finding_kind(f);
		fuzz_text(hl_finding_id(f), 0);
		fuzz_text(hl_finding_title(f), 1);
		fuzz_text(hl_finding_advice(f), 0);
		fuzz_text(hl_finding_band(f), 1);
		d = hl_finding_score(f);
		if (isinf(d))
			abort();
		if (hl_finding_score_low(f) > hl_finding_score_high(f))
			abort();
		(void)hl_finding_coverage(f);
		(void)hl_finding_urgency(f);
		(void)hl_finding_secondary(f);
		for (j = 0; j < hl_finding_evidence_count(f); j++) {
			fuzz_text(hl_finding_evidence_when(f, j), 1);
			fuzz_text(hl_finding_evidence_text(f, j), 0);
			(void)hl_finding_evidence_weight(f, j);
			rc = hl_finding_evidence_state(f, j);
			if (rc != HL_STATE_NOT_FIRED && rc != HL_STATE_FIRED &&
			    rc != HL_STATE_UNKNOWN)
				abort();
		}
		fuzz_text(hl_finding_evidence_text(f, j), 1);
	}
	if (hl_report_finding(rep, n) != NULL)
		abort();
	for (i = 0; i < hl_report_question_count(rep); i++)
		fuzz_text(hl_report_question(rep, i), 0);
	for (i = 0; i < hl_report_warning_count(rep); i++)
		fuzz_text(hl_report_warning(rep, i), 0);
	fuzz_text(hl_report_question(rep, i), 1);

	rc = hl_report_json(rep, NULL, 0, &need);
	if (rc == HL_ENOMEM)
		return;
	if (rc != HL_ERANGE || need == 0)
		abort();
	if ((full = malloc(need)) == NULL)
		return;
	if (hl_report_json(rep, full, need, &need2) != HL_OK ||
	    need2 != need || strlen(full) + 1 != need)
		abort();
#ifdef HL_FUZZ_SAMPLE_SIZES
	/*
	 * Under libFuzzer, where speed finds bugs (each call writes the whole
	 * document): 0, 1, the last two sizes, and 2 more picked by the
	 * document's hash, so that runs
	 * over many inputs reach every size (the corpus replay in make check
	 * walks them as above).
	 */
	if (step == 1) {
		uint64_t h = 14695981039346656037ULL;
		size_t k, pick[6];

		for (k = 0; k + 1 < need; k++)
			h = (h ^ (unsigned char)full[k]) * 1099511628211ULL;
		pick[0] = 0;
		pick[1] = 1 < need ? 1 : 0;
		pick[2] = need - 1;
		pick[3] = need > 1 ? need - 2 : 0;
		for (k = 4; k < 6; k++) {
			h = h * 6364136223846793005ULL + 1442695040888963407ULL;
			pick[k] = (size_t)((h >> 17) % need);
		}
		for (k = 0; k < 6; k++) {
			cap = pick[k];
			if ((json = malloc(cap > 0 ? cap : 1)) == NULL)
				break;
			rc = hl_report_json(rep, cap > 0 ? json : NULL, cap,
			    &need2);
			if (rc != HL_ERANGE || need2 != need ||
			    (cap > 0 && json[0] != '\0'))
				abort();
			free(json);
		}
		free(full);
		return;
	}
#endif
	if (step == 1 && need > 1024)
		step = need / 128;
	if (step == SIZE_MAX) {
		/* quick: the sizes around the needed one only */
		for (cap = need > 2 ? need - 2 : 0; cap < need; cap++)
			if (hl_report_json(rep, full, cap, &need2) !=
			    HL_ERANGE || need2 != need)
				abort();
		free(full);
		return;
	}
	for (cap = 0; cap < need; ) {
		/* exactly cap bytes, so that ASan sees a write past them */
		if ((json = malloc(cap > 0 ? cap : 1)) == NULL)
			break;
		rc = hl_report_json(rep, cap > 0 ? json : NULL, cap, &need2);
		if (rc != HL_ERANGE || need2 != need ||
		    (cap > 0 && json[0] != '\0'))
			abort();
		free(json);
		if (step <= 1 || cap < 256 || cap + 256 >= need)
			cap++;
		else if ((cap += step) + 256 >= need)
			cap = need - 256;
	}
	free(full);
}

#endif
