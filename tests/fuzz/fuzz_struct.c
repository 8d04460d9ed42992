/* SPDX-License-Identifier: MIT */
/* fuzz_struct.c - libFuzzer target: any bytes as an hl_inputs struct, size field included. */

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "heavylegs.h"
#include "walk.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/*
 * The bytes are the struct as a caller would pass it: the first 4 are its
 * size field, whatever they say.  They are copied into a buffer of the
 * larger of the input's length and sizeof(hl_inputs), so the library may
 * read what the size field claims up to that, no further (ASan checks);
 * a size field beyond it is set to the buffer size when the last byte of
 * the input is odd, so that large structs are tried too.
 */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static hl_rulebase *rb;
	hl_report *rep = NULL;
	hl_error err;
	unsigned char *buf;
	uint32_t sz;
	size_t cap, i, n;
	int rc, rc2;

	if (rb == NULL && hl_rulebase_load_default(&rb, NULL) != HL_OK)
		abort();
	cap = size > sizeof(hl_inputs) ? size : sizeof(hl_inputs);
	if ((buf = calloc(1, cap)) == NULL)
		return 0;
	memcpy(buf, data, size);
	if (size >= 4) {
		memcpy(&sz, buf, sizeof sz);
		if (sz > cap && (data[size - 1] & 1)) {
			sz = (uint32_t)cap & ~(uint32_t)7;
			memcpy(buf, &sz, sizeof sz);
		}
		if (sz > cap) {
			/* the library would read past the caller's struct */
			free(buf);
			return 0;
		}
	}
	if (size < 4) {
		sz = 0;
		memcpy(&sz, buf, sizeof sz);
		if (sz > cap) {
			free(buf);
			return 0;
		}
	}

	memset(&err, 0, sizeof err);
	rc = hl_inputs_check((const hl_inputs *)buf, &err);
	n = hl_inputs_problem_count((const hl_inputs *)buf);
	if ((rc == HL_OK) != (n == 0))
		abort();
	for (i = 0; i <= n && i < 400; i++) {
		memset(&err, 0, sizeof err);
		rc2 = hl_inputs_problem((const hl_inputs *)buf, i, &err);
		if ((i < n) != (rc2 == HL_OK))
			abort();
	}
	memset(&err, 0, sizeof err);
	rc2 = hl_assess(rb, (const hl_inputs *)buf, &rep, &err);
	if (rc2 == HL_OK) {
		if (rc != HL_OK)
			abort();
		fuzz_walk(rep, 1);
	} else if (rep != NULL || err.code != rc2 || err.message[0] == '\0' ||
	    memchr(err.message, '\0', sizeof err.message) == NULL ||
	    (rc2 != HL_EINPUT && rc2 != HL_EINVAL &&
	    rc2 != HL_EUNSUPPORTED))
		abort();
	hl_report_free(rep);
	free(buf);
	return 0;
}
