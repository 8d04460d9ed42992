/* SPDX-License-Identifier: MIT */
/* fuzz_inputs.c - libFuzzer target: inputs set and read by name, then assessed. */

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "heavylegs.h"
#include "walk.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/*
 * The input is a list of records, each
 *
 *	op (1 byte)  len (1 byte)  name (len bytes)  value (8 bytes, a double)
 *
 * op bit 0 picks the name: the raw bytes (any name, NUL and all), or the
 * vocabulary name number name[0] with "[name[1]]" appended when op bit 1
 * is set (a series index, in range or not); bit 2 reads the value back
 * with hl_inputs_get instead of setting it; bit 3 derives the metric
 * number name[0] afterwards.  A short last record is dropped.
 */

static void
check_error(const hl_error *e, int rc)
{
	if (e->code != rc || memchr(e->message, '\0', sizeof e->message) ==
	    NULL || memchr(e->name, '\0', sizeof e->name) == NULL ||
	    memchr(e->file, '\0', sizeof e->file) == NULL ||
	    memchr(e->rule, '\0', sizeof e->rule) == NULL ||
	    e->message[0] == '\0')
		abort();
}

static void
build_name(char *name, size_t cap, unsigned op, const uint8_t *p,
    size_t len)
{
	hl_input_info info;
	size_t k;

	if (!(op & 1) || len == 0) {
		k = len < cap - 1 ? len : cap - 1;
		memcpy(name, p, k);
		name[k] = '\0';
		return;
	}
	memset(&info, 0, sizeof info);
	info.size = sizeof info;
	if (hl_input_describe(p[0] % hl_input_count(), &info) != HL_OK)
		abort();
	if ((op & 2) && len > 1)
		snprintf(name, cap, "%s[%d]", info.name, (int)p[1] - 2);
	else
		snprintf(name, cap, "%s", info.name);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static hl_rulebase *rb;
	hl_report *rep = NULL;
	hl_inputs in;
	hl_error err;
	char name[300];
	double v, got, before;
	unsigned op;
	size_t len, i, n;
	int rc;

	if (rb == NULL && hl_rulebase_load_default(&rb, NULL) != HL_OK)
		abort();
	hl_inputs_init(&in, sizeof in);
	while (size >= 2) {
		op = data[0];
		len = data[1];
		if (size < 2 + len + 8)
			break;
		build_name(name, sizeof name, op, data + 2, len);
		memcpy(&v, data + 2 + len, sizeof v);
		if (op & 4) {
			memset(&err, 0, sizeof err);
			rc = hl_inputs_get(&in, name, &got, &err);
			if (rc != HL_OK)
				check_error(&err, rc);
		} else {
			memset(&err, 0, sizeof err);
			before = NAN;
			(void)hl_inputs_get(&in, name, &before, NULL);
			rc = hl_inputs_set(&in, name, v, &err);
			if (rc != HL_OK)
				check_error(&err, rc);
			if (hl_inputs_get(&in, name, &got, NULL) == HL_OK &&
			    memcmp(rc == HL_OK ? &v : &before, &got,
			    sizeof got) != 0 && !(isnan(got) &&
			    isnan(rc == HL_OK ? v : before)))
				abort();
		}
		if ((op & 8) && len > 0 && hl_derived_count() > 0) {
			memset(&err, 0, sizeof err);
			rc = hl_inputs_derive(&in, hl_derived_name(data[2] %
			    hl_derived_count()), &got, &err);
			if (rc != HL_OK)
				check_error(&err, rc);
			else if (isinf(got))
				abort();
		}
		data += 2 + len + 8;
		size -= 2 + len + 8;
	}

	memset(&err, 0, sizeof err);
	rc = hl_inputs_check(&in, &err);
	if (rc != HL_OK)
		check_error(&err, rc);
	n = hl_inputs_problem_count(&in);
	if ((rc == HL_OK) != (n == 0))
		abort();
	for (i = 0; i <= n; i++) {
		memset(&err, 0, sizeof err);
		rc = hl_inputs_problem(&in, i, &err);
		if ((i < n) != (rc == HL_OK))
			abort();
		if (rc == HL_OK && (err.code != HL_EINPUT ||
		    err.message[0] == '\0'))
			abort();
	}
	memset(&err, 0, sizeof err);
	rc = hl_assess(rb, &in, &rep, &err);
	if (rc == HL_OK) {
		fuzz_walk(rep, 1);
		/* the same report again, reused */
		if (hl_assess(rb, &in, &rep, NULL) != HL_OK)
			abort();
		fuzz_walk(rep, SIZE_MAX);
	} else {
		check_error(&err, rc);
		if (rc != HL_EINPUT || rep != NULL)
			abort();
	}
	hl_report_free(rep);
	return 0;
}
