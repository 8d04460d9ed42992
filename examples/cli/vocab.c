/* SPDX-License-Identifier: MIT */
/* vocab.c - the input vocabulary for the programs, and "did you mean". */
#include <stdlib.h>
#include <string.h>

#include "runner.h"

#define MAXINPUTS	512

static hl_input_info infos[MAXINPUTS];
static size_t ninfos;
static int loaded;

static void
load(void)
{
	size_t i, n;

	if (loaded)
		return;
	loaded = 1;
	n = hl_input_count();
	if (n > MAXINPUTS)
		n = MAXINPUTS;
	for (i = 0; i < n; i++) {
		memset(&infos[ninfos], 0, sizeof infos[ninfos]);
		infos[ninfos].size = sizeof infos[ninfos];
		if (hl_input_describe(i, &infos[ninfos]) == HL_OK &&
		    infos[ninfos].name != NULL)
			ninfos++;
	}
}

size_t
cli_input_count(void)
{
	load();
	return ninfos;
}

const hl_input_info *
cli_input(size_t i)
{
	load();
	return i < ninfos ? &infos[i] : NULL;
}

const hl_input_info *
cli_input_find(const char *name, size_t len, size_t *index)
{
	size_t i;

	load();
	for (i = 0; i < ninfos; i++)
		if (strlen(infos[i].name) == len &&
		    memcmp(infos[i].name, name, len) == 0) {
			if (index != NULL)
				*index = i;
			return &infos[i];
		}
	return NULL;
}

/* Optimal string alignment distance, capped at 3. */
static size_t
distance(const char *a, size_t na, const char *b, size_t nb)
{
	size_t d[3][65], i, j, x, low, prev = 0;

	if (na > 64 || nb > 64 || (na > nb ? na - nb : nb - na) >= 3)
		return 3;
	for (j = 0; j <= nb; j++)
		d[0][j] = j;
	for (i = 1; i <= na; i++) {
		size_t *cur = d[i % 3], *up = d[(i - 1) % 3],
		    *up2 = d[(i + 1) % 3];

		cur[0] = low = i;
		for (j = 1; j <= nb; j++) {
			x = up[j] + 1;
			if (cur[j - 1] + 1 < x)
				x = cur[j - 1] + 1;
			if (up[j - 1] + (a[i - 1] != b[j - 1]) < x)
				x = up[j - 1] + (a[i - 1] != b[j - 1]);
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && up2[j - 2] + 1 < x)
				x = up2[j - 2] + 1;
			cur[j] = x;
			if (x < low)
				low = x;
		}
		/*
		 * Later rows grow from this one and, by a transposition, the
		 * one before it: when both are past 2, nothing is close.
		 */
		if (low >= 3 && prev >= 3)
			return 3;
		prev = low;
	}
	return d[na % 3][nb] < 3 ? d[na % 3][nb] : 3;
}

static void
try_name(const char *name, size_t len, const char *cand, const char **best,
    size_t *bestd)
{
	size_t d, cl = strlen(cand);

	if (cl == len && memcmp(cand, name, len) == 0)
		return;
	d = distance(name, len, cand, cl);
	if (d < *bestd && d < len) {
		*best = cand;
		*bestd = d;
	}
}

const char *
cli_suggest(const char *name, size_t len)
{
	const char *best = NULL, *m;
	size_t i, bestd = 3;

	load();
	for (i = 0; i < ninfos; i++)
		try_name(name, len, infos[i].name, &best, &bestd);
	for (i = 0; i < hl_derived_count(); i++)
		if ((m = hl_derived_name(i)) != NULL)
			try_name(name, len, m, &best, &bestd);
	return best;
}

const char *
cli_suggest_among(const char *name, size_t len, const char *const *cands,
    size_t n)
{
	const char *best = NULL;
	size_t i, bestd = 3;

	for (i = 0; i < n; i++)
		if (cands[i] != NULL)
			try_name(name, len, cands[i], &best, &bestd);
	return best;
}
