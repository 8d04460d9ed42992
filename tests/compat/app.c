/* SPDX-License-Identifier: MIT */
/*
 * app.c - a program written against libheavylegs 1.0, built twice by
 * tests/compat/run.sh: once against the 1.0 header kept in tests/compat/v1.0
 * and once against today's, both run on today's library.  The two must
 * print the same reports, and the 1.0 build's struct must be accepted as
 * it is.
 */
#include <heavylegs.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures;

#define EXPECT(cond) do {						\
	if (!(cond)) {							\
		fprintf(stderr, "app: %s:%d: expected %s\n", __FILE__,	\
		    __LINE__, #cond);					\
		failures++;						\
	}								\
} while (0)

/* Print the report as the JSON the library writes, and a summary line. */
static void
show(const char *label, const hl_rulebase *rb, const hl_inputs *in,
    int want_triage)
{
	hl_report *rep = NULL;
	hl_error err = { 0 };
	const hl_finding *f;
	char *json;
	size_t i, needed = 0;
	int rc;

	rc = hl_assess(rb, in, &rep, &err);
	if (rc != HL_OK) {
		fprintf(stderr, "app: %s: hl_assess: %s\n", label, err.message);
		failures++;
		return;
	}
	EXPECT(hl_report_triage(rep) == want_triage);
	printf("%s: triage %d %s, %zu findings\n", label,
	    hl_report_triage(rep), hl_report_triage_name(rep),
	    hl_report_count(rep));
	for (i = 0; i < hl_report_count(rep); i++) {
		f = hl_report_finding(rep, i);
		printf("  %d %s %.17g %.17g %d\n", hl_finding_kind(f),
		    hl_finding_id(f), hl_finding_score(f),
		    hl_finding_coverage(f), hl_finding_urgency(f));
	}
	(void)hl_report_json(rep, NULL, 0, &needed);
	if ((json = malloc(needed)) != NULL &&
	    hl_report_json(rep, json, needed, &needed) == HL_OK)
		printf("%s\n", json);
	else
		failures++;
	free(json);
	hl_report_free(rep);
}

int
main(void)
{
	hl_inputs in = HL_INPUTS_INIT;
	hl_rulebase *rb = NULL;
	hl_error err = { 0 };
	double v;
	size_t i;

	/* The library is at least as new as the header. */
	EXPECT(hl_version_number() >= HL_VERSION_NUMBER);
	EXPECT(hl_version_number() / 10000 == HL_VERSION_MAJOR);
#if HL_VERSION_MAJOR == 1 && HL_VERSION_MINOR == 0
	/* The 1.0 build passes the 1.0 size, and it is accepted. */
	EXPECT(sizeof in == 1864 && in.size == HL_INPUTS_SIZE_V1);
	EXPECT(hl_inputs_check(&in, &err) == HL_OK);
	/* A field past its struct is refused by name, never written. */
	EXPECT(hl_inputs_set(&in, "fever_now", HL_YES, &err) == HL_EINVAL);
	EXPECT(strstr(err.message, "beyond") != NULL);
#endif
	if (hl_rulebase_load_default(&rb, &err) != HL_OK) {
		fprintf(stderr, "app: %s\n", err.message);
		return EXIT_FAILURE;
	}

	/* A training picture: a long run after three easy weeks. */
	in.age_years = 34;
	in.sex = HL_SEX_FEMALE;
	in.body_mass_kg = 61;
	for (i = 0; i < HL_SERIES_DAYS; i++) {
		in.daily_distance_km[i] = i % 7 == 3 ? 0 : 6;
		in.daily_sleep_h[i] = 6.2;
	}
	in.daily_distance_km[0] = 21;
	in.daily_distance_km[2] = 14;
	EXPECT(hl_inputs_set(&in, "air_temp_c", 29.5, &err) == HL_OK);
	EXPECT(hl_inputs_set(&in, "relative_humidity_pct", 70, &err) == HL_OK);
	EXPECT(hl_inputs_get(&in, "daily_distance_km[0]", &v, &err) == HL_OK &&
	    v == 21);
	in.heaviness_side = HL_SIDE_BOTH;
	in.calf_swelling_one_side = HL_NO;
	show("training", rb, &in, 0);

	/* The same runner with a swollen calf: urgent care today. */
	in.heaviness_side = HL_SIDE_ONE;
	in.calf_swelling_one_side = HL_YES;
	show("calf", rb, &in, 3);

	/* Chest pain: an emergency, whatever else. */
	in.chest_pain_or_breathlessness = HL_YES;
	show("chest", rb, &in, 4);

	/* A bad value is refused with its field named. */
	in.daily_sleep_h[3] = 25;
	{
		hl_report *rep = NULL;

		EXPECT(hl_assess(rb, &in, &rep, &err) == HL_EINPUT);
		EXPECT(strcmp(err.name, "daily_sleep_h[3]") == 0);
		EXPECT(err.count == 1);
		hl_report_free(rep);
	}
	hl_rulebase_free(rb);
	if (failures > 0) {
		fprintf(stderr, "app: %d check(s) failed\n", failures);
		return EXIT_FAILURE;
	}
	return EXIT_SUCCESS;
}
