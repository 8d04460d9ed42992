/* SPDX-License-Identifier: MIT */
/* fuzz_batch.c - libFuzzer target: the batch call over arbitrary arrays. */

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "heavylegs.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/*
 * Byte 0 picks the stride (sizeof(hl_inputs) + 8 * (b % 5) - 16, or an odd
 * one when b is 255), byte 1 the summary size (sizeof(hl_summary) plus
 * 8 * (b % 4), or a bad one when b >= 250); the rest is the array, in
 * as many whole rows as it holds.  Each summary must agree with
 * hl_assess() on that row alone, and the bytes past what the library says
 * it filled are zero.
 */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static hl_rulebase *rb;
	const hl_summary *s;
	hl_report *rep = NULL;
	unsigned char *rows, *out;
	size_t stride, ssize, n, i, k;
	uint32_t sz;
	hl_error err;
	int rc, one;

	if (rb == NULL && hl_rulebase_load_default(&rb, NULL) != HL_OK)
		abort();
	if (size < 2)
		return 0;
	stride = data[0] == 255 ? sizeof(hl_inputs) + 3 :
	    sizeof(hl_inputs) + 8 * (size_t)(data[0] % 5) - 16;
	ssize = data[1] >= 250 ? (size_t)data[1] :
	    sizeof(hl_summary) + 8 * (size_t)(data[1] % 4);
	n = (size - 2) / stride;
	if (n > 64)
		n = 64;
	rows = malloc(n * stride + 1);
	out = malloc(n * ssize + 1);
	if (rows == NULL || out == NULL) {
		free(rows);
		free(out);
		return 0;
	}
	memcpy(rows, data + 2, n * stride);
	memset(out, 0xa5, n * ssize + 1);
	memset(&err, 0, sizeof err);
	rc = hl_assess_batch(rb, (const hl_inputs *)(void *)rows, stride, n,
	    (hl_summary *)(void *)out, ssize, &err);
	if (rc != HL_OK) {
		if (err.code != rc || err.message[0] == '\0')
			abort();
		if (rc == HL_EINVAL && n > 0 && (stride % 8 != 0 ||
		    ssize < HL_SUMMARY_SIZE_V1_1 || ssize % 8 != 0))
			goto done;
		if (n == 0)
			abort();
	}
	for (i = 0; i < n; i++) {
		s = (const hl_summary *)(void *)(out + i * ssize);
		if (s->size > ssize || s->size < HL_SUMMARY_SIZE_V1_1)
			abort();
		for (k = s->size; k < ssize; k++)
			if (out[i * ssize + k] != 0)
				abort();
		memcpy(&sz, rows + i * stride, sizeof sz);
		if (sz > stride || sz < HL_INPUTS_SIZE_V1 || sz % 8 != 0) {
			if (s->status != HL_EINVAL)
				abort();
			continue;
		}
		one = hl_assess(rb, (const hl_inputs *)(void *)(rows +
		    i * stride), &rep, NULL);
		if (one != s->status)
			abort();
		if (one == HL_OK && (s->triage != hl_report_triage(rep) ||
		    s->triage_high != hl_report_triage_high(rep) ||
		    (size_t)s->finding_count != hl_report_count(rep) ||
		    s->cause_count < 0 || s->cause_count > HL_SUMMARY_TOP))
			abort();
	}
	if (out[n * ssize] != 0xa5)
		abort();
done:
	hl_report_free(rep);
	free(rows);
	free(out);
	return 0;
}
