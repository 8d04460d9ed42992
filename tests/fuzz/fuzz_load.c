/* SPDX-License-Identifier: MIT */
/* fuzz_load.c - libFuzzer target: any bytes as a rulebase; what loads is assessed. */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "heavylegs.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Read everything a report offers, text included. */
static void
walk(const hl_report *rep)
{
	const hl_finding *f;
	char json[4096];
	size_t i, j, n, need;

	n = hl_report_count(rep);
	for (i = 0; i < n; i++) {
		f = hl_report_finding(rep, i);
		if (f == NULL || hl_finding_id(f) == NULL ||
		    hl_finding_advice(f) == NULL)
			abort();
		for (j = 0; j < hl_finding_evidence_count(f); j++)
			if (hl_finding_evidence_text(f, j) == NULL)
				abort();
	}
	for (i = 0; i < hl_report_question_count(rep); i++)
		if (hl_report_question(rep, i) == NULL)
			abort();
	if (hl_report_json(rep, json, sizeof json, &need) == HL_OK &&
	    strlen(json) + 1 != need)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	hl_rulebase *rb = NULL;
	hl_report *rep = NULL;
	hl_inputs in;
	hl_error err;
	int rc;

	memset(&err, 0, sizeof err);
	rc = hl_rulebase_load_buffer((const char *)data, size, "<fuzz>", &rb,
	    &err);
	if (rc != HL_OK) {
		/* A failed load names its error and leaves nothing behind. */
		if (rb != NULL || err.code != rc || err.message[0] == '\0' ||
		    err.line < 0 || err.column < 0 ||
		    (rc != HL_ESYNTAX && rc != HL_ESCHEMA &&
		    rc != HL_EUNSUPPORTED && rc != HL_ENOMEM))
			abort();
		return 0;
	}
	if (rb == NULL || hl_rulebase_name(rb) == NULL ||
	    hl_rulebase_version(rb) == NULL)
		abort();
	hl_inputs_init(&in, sizeof in);
	if (hl_assess(rb, &in, &rep, NULL) == HL_OK) {
		walk(rep);
		/* reusing the report */
		if (hl_assess(rb, &in, &rep, NULL) == HL_OK)
			walk(rep);
	}
	hl_report_free(rep);
	hl_rulebase_free(rb);
	return 0;
}
