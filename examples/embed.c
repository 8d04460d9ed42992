/* SPDX-License-Identifier: MIT */
/* embed.c - the smallest program that assesses a runner with libheavylegs. */

#include <stdio.h>
#include <string.h>

#include "heavylegs.h"

int
main(void)
{
	hl_inputs in;
	hl_rulebase *rb = NULL;
	hl_report *rep = NULL;
	const hl_finding *f;
	hl_error err;
	size_t i, ncauses = 0;
	int status = 1;

	memset(&err, 0, sizeof err);
	hl_inputs_init(&in, sizeof in);		/* everything unknown */
	in.air_temp_c = 31;			/* a hot, humid, long run */
	in.relative_humidity_pct = 65;
	in.last_run_duration_min = 75;
	in.heat_acclimatized = HL_NO;
	in.thirsty = HL_YES;
	in.urine_color = 6;
	for (i = 0; i < 7; i++)
		in.daily_sleep_h[i] = 5.5;	/* the last seven nights */

	if (hl_rulebase_load_default(&rb, &err) != HL_OK ||
	    hl_assess(rb, &in, &rep, &err) != HL_OK) {
		fprintf(stderr, "embed: %s\n", err.message);
		goto out;
	}
	printf("triage: %s\n", hl_report_triage_name(rep));
	for (i = 0; i < hl_report_count(rep); i++) {
		f = hl_report_finding(rep, i);	/* flags, causes, strategies */
		if (hl_finding_kind(f) == HL_FINDING_CAUSE) {
			/* the three likeliest; a low-band cause is no finding */
			if (strcmp(hl_finding_band(f), "low") != 0 &&
			    ncauses++ < 3)
				printf("cause     %-28s %.2f %s\n",
				    hl_finding_id(f), hl_finding_score(f),
				    hl_finding_band(f));
		} else
			printf("%-9s %s\n", hl_finding_kind(f) ==
			    HL_FINDING_RED_FLAG ? "red flag" : "strategy",
			    hl_finding_id(f));
	}
	status = 0;
out:
	hl_report_free(rep);
	hl_rulebase_free(rb);
	return status;
}
